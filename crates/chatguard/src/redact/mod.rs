//! Rewriting: one left-to-right pass that replaces each decided finding with its operator's output.
//!
//! Operators: `mask` (keep separators and the last N letters or digits), `placeholder`
//! (`[EMAIL]`), `pseudonym` (`[EMAIL_1]`, numbered per value in a [`Vault`]), `hash`
//! (`[EMAIL#…]`, keyed HMAC-SHA-256 written in letters only) and `remove`. Outputs never contain a
//! run of digits or an `@`, so redacted text scans clean.

pub(crate) mod vault;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::policy::{Action, Operator};
use crate::{Decided, Guard, Kind, Vault};

/// Rewrites `text`, replacing every finding whose action is `Redact`. Findings must be sorted and
/// non-overlapping (as [`Guard::scan`] returns them); any that are not, or whose span is out of
/// bounds or not on character boundaries, are skipped rather than trusted.
pub(crate) fn apply(text: &str, findings: &[Decided], guard: &Guard, vault: &mut Vault) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for d in findings {
        let Action::Redact(op) = d.action else {
            continue;
        };
        let span = d.finding.span;
        if span.start < at
            || span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            continue;
        }
        out.push_str(&text[at..span.start]);
        let value = &text[span.start..span.end];
        replace(&mut out, value, d.finding.kind, op, guard, vault);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Appends the operator's output for `value` to `out`.
pub(crate) fn replace(
    out: &mut String,
    value: &str,
    kind: Kind,
    op: Operator,
    guard: &Guard,
    vault: &mut Vault,
) {
    match op {
        Operator::Remove => {}
        Operator::Placeholder => {
            out.push('[');
            out.push_str(&guard.label(kind));
            out.push(']');
        }
        Operator::Pseudonym => out.push_str(&vault.pseudonym(&guard.label(kind), kind, value)),
        Operator::Hash => {
            out.push('[');
            out.push_str(&guard.label(kind));
            out.push('#');
            out.push_str(&keyed_digest(guard.hash_key(), kind, value));
            out.push(']');
        }
        Operator::Mask { ch, keep_last } => mask(out, value, ch, keep_last),
    }
}

/// Masks letters and digits, keeping separators and the last `keep_last` letters or digits.
fn mask(out: &mut String, value: &str, ch: char, keep_last: u8) {
    let total = value.chars().filter(|c| c.is_alphanumeric()).count();
    let keep_from = total.saturating_sub(usize::from(keep_last));
    let mut seen = 0;
    for c in value.chars() {
        if c.is_alphanumeric() {
            out.push(if seen >= keep_from { c } else { ch });
            seen += 1;
        } else if c == '@' {
            out.push(ch);
        } else {
            out.push(c);
        }
    }
}

/// HMAC-SHA-256 of the value's canonical form under `key`: the first 80 bits written as 16 letters
/// `a`–`z` (five bits each, reduced mod 26), so the output never looks like a number.
fn keyed_digest(key: &[u8], kind: Kind, value: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(vault::canonical(kind, value).as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut bits: u128 = 0;
    for &b in &digest[..10] {
        bits = bits << 8 | u128::from(b);
    }
    (0..16)
        .rev()
        .map(|i| char::from(b'a' + ((bits >> (i * 5)) & 31) as u8 % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_separators_and_tail() {
        let mut s = String::new();
        mask(&mut s, "4012-8888-8888-1881", '*', 4);
        assert_eq!(s, "****-****-****-1881");
        let mut s = String::new();
        mask(&mut s, "jo@ex.com", '#', 0);
        assert_eq!(s, "#####.###");
    }

    #[test]
    fn digest_is_keyed_deterministic_and_letters_only() {
        let a = keyed_digest(b"k1", Kind::Email, "Jane@Example.com");
        assert_eq!(a, keyed_digest(b"k1", Kind::Email, "jane@example.com"));
        assert_ne!(a, keyed_digest(b"k2", Kind::Email, "jane@example.com"));
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|b| b.is_ascii_lowercase()));
    }
}

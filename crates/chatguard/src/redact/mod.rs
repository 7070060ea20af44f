//! Rewriting: one left-to-right pass that replaces each decided finding with its operator's output.
//!
//! Operators: `mask` (keep separators and the last N letters or digits), `placeholder`
//! (`[EMAIL]`), `pseudonym` (`[EMAIL_1]`, numbered per value in a [`Vault`]), `hash`
//! (`[EMAIL#…]`, keyed HMAC-SHA-256 written in letters only) and `remove`. Outputs never contain a
//! run of digits or an `@`, so redacted text scans clean.

pub(crate) mod vault;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::normalize::is_removable_invisible;
use crate::policy::{Action, Operator};
use crate::table::Table;
use crate::{Decided, Guard, Kind, Span, Vault};

/// Rewrites `text`, replacing every finding whose action is `Redact`. Findings must be sorted and
/// non-overlapping (as [`Guard::scan`] returns them); any that are not, or whose span is out of
/// bounds or not on character boundaries, are skipped rather than trusted.
pub(crate) fn apply(text: &str, findings: &[Decided], guard: &Guard, vault: &mut Vault) -> String {
    apply_mapped(text, findings, guard, vault, None)
}

/// True when rewriting `findings` could reveal something the original text hid: a value removed
/// or masked, a bracketed replacement glued to a letter, digit or joining character
/// (`a@b.example4012…`), or one a single separator away from a digit — number scanners join
/// digit groups across spaces, dots, dashes and slashes, so an IBAN's last group could have hidden
/// a card number starting right after it (`… 0130 00 4012 8888 8888 1881`). Other replacements
/// standing between spaces or ordinary punctuation change no token around them, so the text
/// needs no second scan.
pub(crate) fn may_reveal(text: &str, findings: &[Decided]) -> bool {
    let bytes = text.as_bytes();
    let separator = |b: u8| b == b' ' || b"-./".contains(&b);
    // Invisible characters between the separator and the digits do not hide the group: the
    // detectors match on the text with them removed (and the redacted output drops them). No
    // ASCII character is one, so the usual neighbour is judged without the table.
    let visible = |c: &char| c.is_ascii() || !is_removable_invisible(*c);
    let digit_group_before = |at: usize| {
        at >= 2
            && separator(bytes[at - 1])
            && text.get(..at - 1).is_some_and(|head| {
                head.chars()
                    .rev()
                    .find(visible)
                    .is_some_and(|c| c.is_ascii_digit())
            })
    };
    let digit_group_after = |at: usize| {
        bytes.get(at).is_some_and(|&b| separator(b))
            && text.get(at + 1..).is_some_and(|tail| {
                tail.chars()
                    .find(visible)
                    .is_some_and(|c| c.is_ascii_digit())
            })
    };
    let safe_before = |at: usize| {
        at == 0
            || bytes[at - 1].is_ascii_whitespace()
            || b",;!?()[]{}<>\"'".contains(&bytes[at - 1])
    };
    let safe_after = |at: usize| match bytes.get(at) {
        None => true,
        Some(b) if b.is_ascii_whitespace() || b",;!?()[]{}<>\"'".contains(b) => true,
        Some(b'.' | b':') => bytes.get(at + 1).is_none_or(u8::is_ascii_whitespace),
        Some(_) => false,
    };
    findings.iter().any(|d| match d.action {
        Action::Redact(Operator::Remove | Operator::Mask { .. }) => true,
        Action::Redact(_) => {
            let (start, end) = (d.finding.span.start, d.finding.span.end);
            !safe_before(start)
                || !safe_after(end)
                || digit_group_before(start)
                || digit_group_after(end)
        }
        _ => false,
    })
}

/// A piece of redacted output and the original bytes it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    out_start: usize,
    out_end: usize,
    original_start: usize,
    original_end: usize,
    replaced: bool,
}

impl Piece {
    /// Output bytes `out_start..out_end` came from original bytes
    /// `original_start..original_end`, copied (`replaced == false`, equal lengths) or rewritten.
    pub(crate) const fn new(
        out_start: usize,
        out_end: usize,
        original_start: usize,
        original_end: usize,
        replaced: bool,
    ) -> Piece {
        Piece {
            out_start,
            out_end,
            original_start,
            original_end,
            replaced,
        }
    }
}

/// Maps a span of redacted output back to the original text: a span touching a replacement
/// covers the whole value it replaced. `pieces` are in output order and tile the output (as
/// [`apply_mapped`] records them), so each end is found by binary search.
pub(crate) fn map_back(pieces: &[Piece], span: Span) -> Span {
    let piece_at = |at: usize, is_end: bool| {
        // The first piece ending after `at` (at or after, for an end); only it can hold `at`.
        let first = pieces.partition_point(|p| {
            if is_end {
                p.out_end < at
            } else {
                p.out_end <= at
            }
        });
        pieces.get(first).filter(|p| {
            if is_end {
                p.out_start < at && at <= p.out_end
            } else {
                p.out_start <= at && at < p.out_end
            }
        })
    };
    let start = match piece_at(span.start, false) {
        Some(p) if p.replaced => p.original_start,
        Some(p) => p.original_start + (span.start - p.out_start),
        None => pieces.last().map_or(0, |p| p.original_end),
    };
    let end = match piece_at(span.end, true) {
        Some(p) if p.replaced => p.original_end,
        Some(p) => p.original_start + (span.end - p.out_start),
        None => start,
    };
    Span::new(start, end.max(start))
}

/// [`apply`], also recording in `pieces` where each part of the output came from.
pub(crate) fn apply_mapped(
    text: &str,
    findings: &[Decided],
    guard: &Guard,
    vault: &mut Vault,
    mut pieces: Option<&mut Vec<Piece>>,
) -> String {
    let text = Table(text);
    let mut out = String::with_capacity(text.len());
    let (values, bytes) = findings
        .iter()
        .filter(|d| d.action == Action::Redact(Operator::Pseudonym))
        .fold((0, 0), |(values, bytes), d| {
            // The original and its placeholder (`[`, the label, `_N]`).
            let placeholder = guard.label(d.finding.kind).len() + 16;
            (values + 1, bytes + d.finding.span.len() + placeholder)
        });
    vault.reserve(values, bytes);
    let mut at = 0;
    let mut record = |out_start: usize,
                      out_end: usize,
                      original_start: usize,
                      original_end: usize,
                      replaced: bool| {
        if let Some(p) = pieces.as_deref_mut() {
            p.push(Piece::new(
                out_start,
                out_end,
                original_start,
                original_end,
                replaced,
            ));
        }
    };
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
        let copied_from = out.len();
        out.push_str(&text[at..span.start]);
        record(copied_from, out.len(), at, span.start, false);
        let value = &text[span.start..span.end];
        let replaced_from = out.len();
        replace(&mut out, value, d.finding.kind, op, guard, vault);
        record(replaced_from, out.len(), span.start, span.end, true);
        at = span.end;
    }
    let copied_from = out.len();
    out.push_str(&text[at..]);
    record(copied_from, out.len(), at, text.len(), false);
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
            out.push_str(guard.label(kind));
            out.push(']');
        }
        Operator::Pseudonym => vault.push_pseudonym(out, guard.label(kind), kind, value),
        Operator::Hash => {
            out.push('[');
            out.push_str(guard.label(kind));
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

    /// [`map_back`] as it was, looking at every piece: the oracle for the binary search.
    fn map_back_by_scan(pieces: &[Piece], span: Span) -> Span {
        let piece_at = |at: usize, is_end: bool| {
            pieces.iter().find(|p| {
                if is_end {
                    p.out_start < at && at <= p.out_end
                } else {
                    p.out_start <= at && at < p.out_end
                }
            })
        };
        let start = match piece_at(span.start, false) {
            Some(p) if p.replaced => p.original_start,
            Some(p) => p.original_start + (span.start - p.out_start),
            None => pieces.last().map_or(0, |p| p.original_end),
        };
        let end = match piece_at(span.end, true) {
            Some(p) if p.replaced => p.original_end,
            Some(p) => p.original_start + (span.end - p.out_start),
            None => start,
        };
        Span::new(start, end.max(start))
    }

    #[test]
    fn map_back_finds_what_a_scan_of_every_piece_finds() {
        let mut seed = 0x9e37_79b9_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..300 {
            // Alternating copied and replaced pieces tiling the output, some empty (`remove`).
            let (mut out, mut original) = (0, 0);
            let pieces: Vec<Piece> = (0..next(12))
                .map(|i| {
                    let replaced = i % 2 == 1;
                    let out_len = next(5);
                    let original_len = if replaced { 1 + next(9) } else { out_len };
                    let p = Piece {
                        out_start: out,
                        out_end: out + out_len,
                        original_start: original,
                        original_end: original + original_len,
                        replaced,
                    };
                    out += out_len;
                    original += original_len;
                    p
                })
                .collect();
            for start in 0..=out + 1 {
                for end in start..=out + 1 {
                    let span = Span::new(start, end);
                    assert_eq!(map_back(&pieces, span), map_back_by_scan(&pieces, span));
                }
            }
        }
    }

    #[test]
    fn map_back_covers_whole_replacements() {
        let pieces = [
            Piece {
                out_start: 0,
                out_end: 3,
                original_start: 0,
                original_end: 3,
                replaced: false,
            },
            Piece {
                out_start: 3,
                out_end: 12,
                original_start: 3,
                original_end: 19,
                replaced: true,
            },
            Piece {
                out_start: 12,
                out_end: 20,
                original_start: 19,
                original_end: 27,
                replaced: false,
            },
        ];
        assert_eq!(map_back(&pieces, Span::new(0, 2)), Span::new(0, 2));
        assert_eq!(map_back(&pieces, Span::new(5, 14)), Span::new(3, 21));
        assert_eq!(map_back(&pieces, Span::new(12, 20)), Span::new(19, 27));
        assert_eq!(map_back(&pieces, Span::new(2, 3)), Span::new(2, 3));
    }

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

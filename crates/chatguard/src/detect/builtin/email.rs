//! Email addresses, including the `name (at) example (dot) com` style of hiding them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "email", "e-mail", "mail", "courriel", "correo", "posta", "contact", "reach me", "write to",
];

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'') || b >= 0x80
}

fn is_label(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80
}

/// Obfuscated `@` forms, matched case-insensitively.
const AT_FORMS: &[&str] = &[
    " (at) ", "(at)", " [at] ", "[at]", " {at} ", "{at}", " <at> ", " at ",
];
/// Obfuscated `.` forms, matched case-insensitively.
const DOT_FORMS: &[&str] = &[
    " (dot) ", "(dot)", " [dot] ", "[dot]", " {dot} ", "{dot}", " <dot> ", " dot ",
];

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    for at in memchr::memchr_iter(b'@', bytes) {
        if let Some((start, end)) = plain_at(bytes, at) {
            out.push(Candidate {
                kind: Kind::Email,
                start,
                end,
                score: Score::from_milli(950),
                rule: "email.address",
                validated: false,
            });
        }
    }
    obfuscated(bytes, out);
}

/// The address around a literal `@`, if it has a local part and a dotted domain with a letter TLD.
fn plain_at(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    while start > 0 && is_local(bytes[start - 1]) {
        start -= 1;
    }
    while start < at && matches!(bytes[start], b'.' | b'-' | b'\'' | b'+') {
        start += 1;
    }
    if start == at || at - start > 64 {
        return None;
    }
    let (end, labels, tld_ok) =
        domain(bytes, at + 1, |b, i| (b.get(i) == Some(&b'.')).then_some(1));
    if labels < 2 || !tld_ok {
        return None;
    }
    Some((start, end))
}

/// Reads a domain from `from`; `dot(bytes, i)` says whether a dot separator of some length starts
/// at `i`. Returns the end, how many labels were read and whether the last looks like a TLD.
fn domain(
    bytes: &[u8],
    from: usize,
    dot: impl Fn(&[u8], usize) -> Option<usize>,
) -> (usize, usize, bool) {
    let mut i = from;
    let mut labels = 0;
    let mut end = from;
    let mut last_label = (from, from);
    loop {
        let s = i;
        while i < bytes.len() && is_label(bytes[i]) {
            i += 1;
        }
        if i == s || bytes[s] == b'-' || bytes[i - 1] == b'-' {
            break;
        }
        labels += 1;
        end = i;
        last_label = (s, i);
        match dot(bytes, i) {
            Some(n) if i + n < bytes.len() && is_label(bytes[i + n]) => i += n,
            _ => break,
        }
    }
    let tld = &bytes[last_label.0..last_label.1];
    let tld_ok = tld.len() >= 2
        && (tld.iter().all(u8::is_ascii_alphabetic)
            || tld.starts_with(b"xn--")
            || tld.iter().any(|&b| b >= 0x80));
    (end, labels, tld_ok)
}

/// Finds the obfuscated `@` forms, case-insensitively.
static AT_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(AT_FORMS)
        .ok()
});

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn obfuscated(bytes: &[u8], out: &mut Vec<Candidate>) {
    let Some(finder) = AT_FINDER.as_ref() else {
        return;
    };
    for m in finder.find_iter(bytes) {
        let (at, after) = (m.start(), m.end());
        let spelled = AT_FORMS[m.pattern().as_usize()] == " at ";
        // Local part immediately before the marker.
        let mut start = at;
        while start > 0 && is_local(bytes[start - 1]) && bytes[start - 1] != b'\'' {
            start -= 1;
        }
        if start == at {
            continue;
        }
        let mut spelled_dots = 0;
        let dot = |b: &[u8], i: usize| -> Option<usize> {
            if i >= b.len() {
                return None;
            }
            if b[i] == b'.' && !spelled {
                return Some(1);
            }
            DOT_FORMS
                .iter()
                .find(|d| starts_with_ignore_case(&b[i..], d.as_bytes()))
                .map(|d| d.len())
        };
        let (end, labels, tld_ok) = domain(bytes, after, dot);
        // The spelled-out form needs a spelled-out dot too, else "meet at noon" would match.
        if spelled {
            spelled_dots = (after..end)
                .filter(|&i| starts_with_ignore_case(&bytes[i..], b" dot "))
                .count();
        }
        if labels < 2 || !tld_ok || spelled && spelled_dots == 0 {
            continue;
        }
        if out.iter().any(|c| c.start < end && start < c.end) {
            continue;
        }
        out.push(Candidate {
            kind: Kind::Email,
            start,
            end,
            score: Score::from_milli(850),
            rule: "email.obfuscated",
            validated: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn plain_addresses() {
        assert_eq!(
            found("mail jane.doe+x@example.co.uk."),
            ["jane.doe+x@example.co.uk"]
        );
        assert_eq!(
            found("<a@b.io>, c_d@sub.example.org"),
            ["a@b.io", "c_d@sub.example.org"]
        );
        assert_eq!(found("josé@exämple.de"), ["josé@exämple.de"]);
    }

    #[test]
    fn not_addresses() {
        assert!(found("@handle and a@b and x@localhost and 10@3.5").is_empty());
        assert!(found("meet me at home at 5").is_empty());
        assert!(found("version 1.2@3.4").is_empty());
    }

    #[test]
    fn obfuscated_addresses() {
        assert_eq!(
            found("write to john (at) example (dot) com please"),
            ["john (at) example (dot) com"]
        );
        assert_eq!(
            found("jane[at]mail[dot]example[dot]org"),
            ["jane[at]mail[dot]example[dot]org"]
        );
        assert_eq!(found("bob AT example DOT net"), ["bob AT example DOT net"]);
        assert_eq!(
            found("x (at) corp.example.com"),
            ["x (at) corp.example.com"]
        );
    }
}

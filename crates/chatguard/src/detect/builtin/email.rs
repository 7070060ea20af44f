//! Email addresses, including the `name (at) example (dot) com` style of hiding them.

use super::triggers;
use crate::detect::hay::{alphanumeric, find_bytes, Hay};
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "email", "e-mail", "mail", "courriel", "correo", "posta", "contact", "reach me", "write to",
];

/// The length of the label character (ASCII letter, digit, `-`, or a non-ASCII letter) at `i`.
fn label_char(bytes: &[u8], i: usize) -> Option<usize> {
    let b = *bytes.get(i)?;
    if alphanumeric(b) || b == b'-' {
        return Some(1);
    }
    letter_at(bytes, i)
}

/// The length of the non-ASCII letter starting at `i`, if one does.
fn letter_at(bytes: &[u8], i: usize) -> Option<usize> {
    let len = match *bytes.get(i)? {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    let c = core::str::from_utf8(bytes.get(i..i + len)?)
        .ok()?
        .chars()
        .next()?;
    c.is_alphanumeric().then_some(len)
}

/// Steps back over the local-part character ending at `end`, returning its start.
fn local_char_before(bytes: &[u8], end: usize) -> Option<usize> {
    let bytes = Table(bytes);
    let b = *bytes.get(end.checked_sub(1)?)?;
    if b < 0x80 {
        return is_local(b).then_some(end - 1);
    }
    let mut start = end - 1;
    while start > 0 && bytes[start] & 0xC0 == 0x80 && end - start < 4 {
        start -= 1;
    }
    (letter_at(&bytes, start) == Some(end - start)).then_some(start)
}

fn is_local(b: u8) -> bool {
    alphanumeric(b) || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'')
}

/// Obfuscated `.` forms, matched case-insensitively.
const DOT_FORMS: &[&str] = &[
    " (dot) ", "(dot)", " [dot] ", "[dot]", " {dot} ", "{dot}", " <dot> ", " dot ",
];

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    if hay.may_contain(b'@') {
        for at in memchr::memchr_iter(b'@', &bytes) {
            if let Some((start, end)) = plain_at(&bytes, at) {
                out.push(Candidate {
                    kind: Kind::Email,
                    start,
                    end,
                    score: Score::from_milli(950),
                    rule: "email.address",
                    validated: false,
                });
                // The name shown with it (`Jane Doe <jane.doe@example.com>`), a person's.
                if cfg!(feature = "person") {
                    super::person::around_address(hay.text, start, at, end, out);
                }
            }
        }
    }
    obfuscated(hay, out);
}

/// The address around a literal `@`, if it has a local part and a dotted domain with a letter TLD.
fn plain_at(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let bytes = Table(bytes);
    let mut start = at;
    while let Some(prev) = local_char_before(&bytes, start) {
        start = prev;
    }
    while start < at && matches!(bytes[start], b'.' | b'-' | b'\'' | b'+') {
        start += 1;
    }
    if start == at || at - start > 64 || in_url_authority(&bytes, start) {
        return None;
    }
    let (end, labels, tld_ok) = domain(&bytes, at + 1, |b, i| {
        (b.get(i) == Some(&b'.')).then_some(1)
    });
    if labels < 2 || !tld_ok {
        return None;
    }
    Some((start, end))
}

/// True when the local part starting at `start` is the password of a URL's `user:password@host`
/// (`https://u:pw@host`, `postgres://u:pw@db`): that is a credential, not an address.
fn in_url_authority(bytes: &[u8], start: usize) -> bool {
    let bytes = Table(bytes);
    if start == 0 || bytes[start - 1] != b':' {
        return false;
    }
    let token_start = bytes[..start]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    find_bytes(&bytes[token_start..start], b"://").is_some()
}

/// Reads a domain from `from`; `dot(bytes, i)` says whether a dot separator of some length starts
/// at `i`. Returns the end, how many labels were read and whether the last looks like a TLD.
fn domain(
    bytes: &[u8],
    from: usize,
    dot: impl Fn(&[u8], usize) -> Option<usize>,
) -> (usize, usize, bool) {
    let bytes = Table(bytes);
    let mut i = from;
    let mut labels = 0;
    let mut end = from;
    let mut last_label = (from, from);
    loop {
        let s = i;
        while let Some(n) = label_char(&bytes, i) {
            i += n;
        }
        // A label never ends in a hyphen: `example.com-` is the address and a dash.
        while i > s && bytes[i - 1] == b'-' {
            i -= 1;
        }
        if i == s || bytes[s] == b'-' {
            break;
        }
        labels += 1;
        end = i;
        last_label = (s, i);
        match dot(&bytes, i) {
            Some(n) if label_char(&bytes, i + n).is_some() => i += n,
            _ => break,
        }
    }
    // The top-level domain is ASCII letters (or punycode). Where non-ASCII text runs straight on
    // from it (`example.com日本語`), the address ends with the letters: what follows must not
    // decide whether the address is one, or redacted output would scan differently.
    let tld = &bytes[last_label.0..last_label.1];
    if tld.starts_with(b"xn--") {
        return (end, labels, true);
    }
    if let Some(len) = idn_tld(tld) {
        return (last_label.0 + len, labels, true);
    }
    let letters = tld.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    // The domain ends with those letters unless a Latin letter runs on (`comGrüße` is one word,
    // and no top-level domain); digits, dashes and other scripts (`example.com-4012`,
    // `example.com日本語`) are text that follows the address.
    let next_char = core::str::from_utf8(&tld[letters..])
        .ok()
        .and_then(|t| t.chars().next());
    let clean_end = next_char.is_none_or(|c| !(c.is_alphabetic() && u32::from(c) < 0x0250));
    if letters >= 2 && clean_end {
        end = last_label.0 + letters;
        return (end, labels, true);
    }
    (end, labels, false)
}

/// The length of an internationalised top-level domain opening `label` (`рф`, `укр`, `中国`,
/// `ελ`, `ไทย`): two or more lower-case or caseless letters of one script. The address ends where
/// that script does, as it ends after the letters of `.com`, so that what follows does not decide.
fn idn_tld(label: &[u8]) -> Option<usize> {
    if label.first().is_none_or(|&b| b < 0x80) {
        return None;
    }
    let text = match core::str::from_utf8(label) {
        Ok(text) => text,
        Err(e) => core::str::from_utf8(&label[..e.valid_up_to()]).ok()?,
    };
    let script = script_of(text.chars().next()?)?;
    let mut len = 0;
    let mut count = 0;
    for c in text.chars() {
        if script_of(c) != Some(script) {
            break;
        }
        len += c.len_utf8();
        count += 1;
    }
    (count >= 2).then_some(len)
}

/// The script of a lower-case or caseless letter, for the scripts that have top-level domains of
/// their own.
fn script_of(c: char) -> Option<u8> {
    if !c.is_alphabetic() || c.is_uppercase() {
        return None;
    }
    Some(match u32::from(c) {
        0x0370..=0x03FF => 1,                   // Greek
        0x0400..=0x052F => 2,                   // Cyrillic
        0x0590..=0x05FF => 3,                   // Hebrew
        0x0600..=0x06FF | 0x0750..=0x077F => 4, // Arabic
        0x0900..=0x097F => 5,                   // Devanagari
        0x0E00..=0x0E7F => 6,                   // Thai
        0x3040..=0x30FF | 0x4E00..=0x9FFF => 7, // kana and CJK ideographs
        0xAC00..=0xD7A3 => 8,                   // Hangul
        _ => return None,
    })
}

/// The `at` of an obfuscated `@` with the byte after it, any case: every marker
/// [`marker_at`] reads starts with one of them, right after a bracket or a space. The shared
/// trigger pass lists where they start a segment ([`triggers::at_markers`]), so a text without
/// one is not read again.
pub(crate) const AT_PATTERNS: &[&str] = &["at)", "at]", "at}", "at>", "at "];

/// The obfuscated `@` marker whose `t` (or `T`) is at `p`: `(at)`, `[at]`, `{at}`, `<at>` (with the spaces
/// around them when both are there) or a spelled-out ` at `, any case, as `(start, end, spelled)`.
fn marker_at(bytes: &[u8], p: usize) -> Option<(usize, usize, bool)> {
    let bytes = Table(bytes);
    if p < 2
        || p + 1 >= bytes.len()
        || !matches!(bytes[p - 2..p + 1], [_, b'a' | b'A', b't' | b'T'])
    {
        return None;
    }
    match (bytes[p - 2], bytes[p + 1]) {
        (b'(', b')') | (b'[', b']') | (b'{', b'}') | (b'<', b'>') => {
            let (start, end) = (p - 2, p + 2);
            let spaced = start > 0 && bytes[start - 1] == b' ' && bytes.get(end) == Some(&b' ');
            Some(if spaced {
                (start - 1, end + 1, false)
            } else {
                (start, end, false)
            })
        }
        (b' ', b' ') => Some((p - 2, p + 2, true)),
        _ => None,
    }
}

/// The obfuscated `@` markers in `hay`'s text (see [`marker_at`]), in order. The trigger pass
/// says where an `at` pattern starts; without it every position is tried.
fn at_markers<'h>(hay: &'h Hay<'_>) -> impl Iterator<Item = (usize, usize, bool)> + 'h {
    let bytes = Table(hay.text.as_bytes());
    let listed = triggers::at_markers(hay);
    let every = if listed.is_some() {
        0..0
    } else {
        0..bytes.len()
    };
    let starts = listed.unwrap_or_default().iter().map(|&a| a + 1);
    starts
        .chain(every)
        .filter_map(move |p| marker_at(&bytes, p))
}

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn obfuscated(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for (at, after, spelled) in at_markers(hay) {
        // Local part immediately before the marker.
        let mut start = at;
        while let Some(prev) = local_char_before(&bytes, start).filter(|&p| bytes[p] != b'\'') {
            start = prev;
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
        let (end, labels, tld_ok) = domain(&bytes, after, dot);
        // The spelled-out form needs a spelled-out dot too, else "meet at noon" would match.
        if spelled {
            spelled_dots = (after..end)
                .filter(|&i| starts_with_ignore_case(&bytes[i..], b" dot "))
                .count();
        }
        if labels < 2 || !tld_ok || spelled && spelled_dots == 0 {
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
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    /// Every `t` whose marker the bytes hold, read one by one: what the trigger pass's list must
    /// give.
    fn markers_bytewise(b: &[u8]) -> Vec<(usize, usize, bool)> {
        (0..b.len())
            .filter(|&p| {
                p > 0 && b[p - 1].eq_ignore_ascii_case(&b'a') && b[p].eq_ignore_ascii_case(&b't')
            })
            .filter_map(|p| marker_at(b, p))
            .collect()
    }

    #[test]
    fn the_trigger_pass_lists_the_at_of_every_marker() {
        const PIECES: &[&str] = &[
            "a", "t", "A", "T", "at", "AT", "aT", " ", "(", ")", "[", "]", "{", "}", "<", ">", "x",
            "é", ".", "0", "\n", "xat", "(at)", " at ", "[AT]",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut with_marker = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            let len = 1 + (seed >> 40) as usize % 150;
            while text.len() < len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let hay = Hay::new(&text);
            let expected = markers_bytewise(text.as_bytes());
            assert_eq!(at_markers(&hay).collect::<Vec<_>>(), expected, "{text:?}");
            with_marker += usize::from(!expected.is_empty());
        }
        assert!(with_marker > 1000 && with_marker < 19_000, "{with_marker}");
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
        // Internationalised top-level domains (synthetic addresses); the address ends where the
        // domain's script does, and a capitalised word after a dot is no top-level domain.
        assert_eq!(
            found("Write to danzasenko@vdovychenko.укр please"),
            ["danzasenko@vdovychenko.укр"]
        );
        assert_eq!(found("пишите: иван@пример.рф."), ["иван@пример.рф"]);
        assert_eq!(found("li@例子.中国"), ["li@例子.中国"]);
        assert_eq!(found("ivan@пример.укр日本語"), ["ivan@пример.укр"]);
        assert!(found("ivan@mail.Спасибо").is_empty());
        assert!(found("ivan@mail.ж").is_empty());
    }

    #[test]
    fn url_passwords_are_not_addresses() {
        assert!(
            found("https://user:pw@example.com/x and postgres://u:s3cr3t@db.example.org")
                .is_empty()
        );
        assert_eq!(found("mailto:jane@example.com"), ["jane@example.com"]);
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

//! Layout matching for national identifiers written with separators (`123.456.789-09`,
//! `12-34567890-1`, `110105 19491231 002X`) and the calendar check their embedded dates need.
//!
//! A layout is a byte template: `d` is an ASCII digit, `x` a digit or `X`, `k` a digit or `K`,
//! and every other byte is a literal separator. Matching starts only at the digit groups the
//! shared [`Hay`] pass already found, walks the text once per layout, and refuses spans that
//! continue a larger token (a letter or digit glued on either side, or a separator leading to
//! more digits), so `046 454 286` is not taken out of `1-046 454 286` or `046 454 286.5`.

use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

/// The most identifier characters a layout may hold.
const MAX_CHARS: usize = 24;

/// A layout match: its span in the view and its characters without separators (upper case).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    /// Byte offset of the first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    buf: [u8; MAX_CHARS],
    len: usize,
}

impl Shape {
    /// The identifier characters without separators (`X` and `K` upper case).
    pub fn compact(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

fn is_separator(b: u8) -> bool {
    matches!(b, b'-' | b'.' | b'/' | b',')
}

/// True when the span `start..end` of `bytes` is a token of its own: not glued to letters or
/// digits, not preceded by `+` (phone numbers), and not continued by a separator and a digit.
/// When `spaced` (the layout itself groups with spaces) a space before more digits continues
/// the token too: `123 456 782 1` is some longer number, not a 9-digit one.
pub(crate) fn standalone(bytes: &[u8], start: usize, end: usize, spaced: bool) -> bool {
    let joins = |b: u8| is_separator(b) || spaced && b == b' ';
    if start > 0 {
        let p = bytes[start - 1];
        if p.is_ascii_alphanumeric() || p == b'+' || p == b'_' {
            return false;
        }
        if joins(p) && start >= 2 && bytes[start - 2].is_ascii_digit() {
            return false;
        }
    }
    if let Some(&n) = bytes.get(end) {
        if n.is_ascii_alphanumeric() || n == b'_' {
            return false;
        }
        if joins(n) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            return false;
        }
    }
    true
}

/// Matches `layout` at `start`; returns the match or `None`.
fn match_at(bytes: &[u8], start: usize, layout: &[u8]) -> Option<Shape> {
    let mut shape = Shape {
        start,
        end: start,
        buf: [0; MAX_CHARS],
        len: 0,
    };
    let mut i = start;
    for &t in layout {
        let b = *bytes.get(i)?;
        let ok = match t {
            b'd' => b.is_ascii_digit(),
            b'x' => b.is_ascii_digit() || b == b'X' || b == b'x',
            b'k' => b.is_ascii_digit() || b == b'K' || b == b'k',
            _ => b == t,
        };
        if !ok {
            return None;
        }
        if matches!(t, b'd' | b'x' | b'k') {
            if shape.len >= MAX_CHARS {
                return None;
            }
            shape.buf[shape.len] = b.to_ascii_uppercase();
            shape.len += 1;
        }
        i += 1;
    }
    shape.end = i;
    standalone(bytes, start, i, layout.contains(&b' ')).then_some(shape)
}

/// Calls `accept` for every place in `hay` where one of `layouts` matches as a standalone token.
/// Layouts are tried in order at each digit group; the first one `accept` takes wins there.
pub(crate) fn scan_layouts(
    hay: &Hay<'_>,
    layouts: &[&str],
    mut accept: impl FnMut(&Shape) -> bool,
) {
    let bytes = hay.text.as_bytes();
    // The fewest digits any layout needs (a trailing `x`/`k` may be a letter outside the run).
    // Most number runs in chat (dates, prices, times) are shorter and are skipped at once.
    let need = layouts
        .iter()
        .map(|l| l.bytes().filter(|&b| b == b'd').count())
        .min()
        .unwrap_or(0);
    let mut last_end = 0;
    for run in &hay.numbers {
        let mut left: usize = run.groups.iter().map(|&(s, e)| e - s).sum();
        for &(start, end) in &run.groups {
            if left < need {
                break;
            }
            left -= end - start;
            if start < last_end {
                continue;
            }
            for layout in layouts {
                if let Some(shape) = match_at(bytes, start, layout.as_bytes()) {
                    if accept(&shape) {
                        last_end = shape.end;
                        break;
                    }
                }
            }
        }
    }
}

/// What a layout-based recognizer reports: kind, base score (thousandths) and rule id.
pub(crate) struct Report {
    /// The kind pushed.
    pub kind: Kind,
    /// The base score in thousandths.
    pub milli: u16,
    /// The stable rule id.
    pub rule: &'static str,
}

/// Pushes a validated candidate for every standalone match of `layouts` whose compact characters
/// pass `valid`.
pub(crate) fn scan_with(
    hay: &Hay<'_>,
    out: &mut Vec<Candidate>,
    layouts: &[&str],
    valid: fn(&[u8]) -> bool,
    report: &Report,
) {
    scan_layouts(hay, layouts, |s| {
        let ok = valid(s.compact());
        if ok {
            out.push(Candidate {
                kind: report.kind,
                start: s.start,
                end: s.end,
                score: Score::from_milli(report.milli),
                rule: report.rule,
                validated: true,
            });
        }
        ok
    });
}

/// The numeric value of ASCII digits (at most 9 of them, so it fits).
pub(crate) fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .take(9)
        .fold(0, |a, &b| a * 10 + u32::from(b.wrapping_sub(b'0') % 10))
}

/// True when all the bytes are the same (`111.111.111-11` passes most mod-11 checks).
pub(crate) fn all_same(digits: &[u8]) -> bool {
    digits.windows(2).all(|w| w[0] == w[1])
}

/// True when `year-month-day` is a real day of the proleptic Gregorian calendar.
pub(crate) fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str, layouts: &[&str]) -> Vec<String> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan_layouts(&hay, layouts, |s| {
            out.push(format!(
                "{}|{}",
                &text[s.start..s.end],
                core::str::from_utf8(s.compact()).unwrap_or("")
            ));
            true
        });
        out
    }

    #[test]
    fn layouts_match_whole_tokens_only() {
        let l = &["ddd.ddd.ddd-dd", "ddddddddddd"];
        assert_eq!(
            shapes("cpf 123.456.789-09.", l),
            ["123.456.789-09|12345678909"]
        );
        assert_eq!(shapes("12345678909", l), ["12345678909|12345678909"]);
        assert!(shapes("1123.456.789-09", l).is_empty());
        assert!(shapes("123.456.789-091", l).is_empty());
        assert!(shapes("123.456.789-09-1", l).is_empty());
        assert!(shapes("7-123.456.789-09", l).is_empty());
        assert!(shapes("+12345678909", l).is_empty());
        assert!(shapes("a12345678909", l).is_empty());
        assert!(shapes("12345678909b", l).is_empty());
        assert!(shapes("12345678909,5", l).is_empty());
    }

    #[test]
    fn check_characters_and_separated_tokens() {
        assert_eq!(
            shapes("rut 7.654.321-k", &["d.ddd.ddd-k"]),
            ["7.654.321-k|7654321K"]
        );
        assert_eq!(
            shapes("id 11010519491231002x ok", &["dddddddddddddddddx"]),
            ["11010519491231002x|11010519491231002X"]
        );
        // A later group of a space-joined run is a token of its own.
        assert_eq!(
            shapes("on 2020 12345678909", &["ddddddddddd"]),
            ["12345678909|12345678909"]
        );
        // A spaced layout does not take the first groups of a longer spaced number.
        assert!(shapes("123 456 782 1", &["ddd ddd ddd"]).is_empty());
        assert!(shapes("7 123 456 782", &["ddd ddd ddd"]).is_empty());
    }

    #[test]
    fn calendar() {
        assert!(valid_date(2000, 2, 29));
        assert!(!valid_date(1900, 2, 29));
        assert!(valid_date(2024, 2, 29));
        assert!(!valid_date(2023, 2, 29));
        assert!(!valid_date(2023, 4, 31));
        assert!(!valid_date(2023, 13, 1));
        assert!(!valid_date(2023, 1, 0));
        assert!(valid_date(2023, 12, 31));
    }

    proptest::proptest! {
        /// Every recognizer survives arbitrary text made of identifier-ish pieces (digits,
        /// separators, check letters, base58/bech32/hex characters, multi-byte characters) and
        /// reports spans on char boundaries inside the text.
        #[test]
        fn recognizers_never_panic(text in "([0-9]{1,14}[ .\\-/]?|[a-zA-Z,+_éxXkK身ำ]{1,3}[ ]?){0,12}") {
            let hay = Hay::new(&text);
            let mut out = Vec::new();
            for rec in super::super::RECOGNIZERS {
                out.clear();
                (rec.scan)(&hay, &mut out);
                for c in &out {
                    proptest::prop_assert!(c.start < c.end && c.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                }
            }
        }
    }
}

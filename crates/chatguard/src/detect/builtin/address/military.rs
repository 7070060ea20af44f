//! US military and diplomatic mail: a unit's or a ship's line, then `APO`, `FPO` or `DPO`, the
//! pseudo-state `AA`, `AE` or `AP` and a ZIP code (`PSC 4950, Box 4286` / `APO AA 54849`,
//! `USNS Flynn` / `FPO AE 90043`, `Unit 4365 Box 7619, DPO AP 74859`), as the US Postal
//! Service's Publication 28 (section 225) writes them. Such an address names no street, so the
//! street shapes do not read it; the three-part post office line is distinctive, so it is
//! looked for only after each five-digit number, and reported with the line before it.

use super::{Found, RULE_MILITARY};
use crate::detect::hay::Hay;
use crate::detect::Candidate;

/// The words that open a unit's line, each followed by a number and then `Box` and a number.
const UNIT_WORDS: &[&str] = &["PSC", "CMR", "Unit"];

/// The prefixes of a ship's name (US Navy, Military Sealift Command, Coast Guard), each followed
/// by one to three capitalised words. Lower case, as the stream redactor's trigger words.
pub(crate) const SHIP_PREFIXES: &[&str] = &["usns", "usnv", "uss", "uscgc"];

/// How far before the post office line its first line may start, in bytes.
const LINE_BEFORE: usize = 48;

/// The score of a military address: both its lines read.
const MILLI: u16 = 850;

/// Pushes every military address of `hay`.
pub(super) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    for run in &hay.numbers {
        // A ZIP code, or a ZIP+4 code (`09012-3456`), ending its word.
        let (zip, end) = match *run.groups {
            [(s, e)] if e - s == 5 => (s, e),
            [(s, e), (s4, e4)] if e - s == 5 && e4 - s4 == 4 && bytes.get(e) == Some(&b'-') => {
                (s, e4)
            }
            _ => continue,
        };
        if run.plus || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let Some(office) = zip.checked_sub(7).filter(|&at| post_office_at(bytes, at)) else {
            continue;
        };
        if let Some(start) = first_line_start(bytes, office) {
            out.push(
                Found {
                    start,
                    end,
                    milli: MILLI,
                    rule: RULE_MILITARY,
                }
                .candidate(),
            );
        }
    }
}

/// True when `APO AE ` (`APO`, `FPO` or `DPO`; `AA`, `AE` or `AP`) starts a word at `at`.
fn post_office_at(bytes: &[u8], at: usize) -> bool {
    matches!(
        bytes.get(at..at + 7),
        Some([
            b'A' | b'F' | b'D',
            b'P',
            b'O',
            b' ',
            b'A',
            b'A' | b'E' | b'P',
            b' '
        ])
    ) && !starts_after_word(bytes, at)
}

/// True when the byte before `at` is an ASCII letter or digit.
fn starts_after_word(bytes: &[u8], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(u8::is_ascii_alphanumeric)
}

/// Where the unit's or ship's line before the post office line at `office` starts: the two are
/// parted by a line break, a comma or a blank, and the line is the whole of what stands between
/// its opening word and that separator. ASCII only, as the Postal Service writes these lines.
fn first_line_start(bytes: &[u8], office: usize) -> Option<usize> {
    let before = bytes.get(..office)?;
    let line_end = before
        .iter()
        .rposition(|b| !matches!(b, b' ' | b',' | b'\r' | b'\n'))?
        + 1;
    if line_end == office {
        return None;
    }
    let line = before.get(..line_end)?;
    (line_end.saturating_sub(LINE_BEFORE)..line_end).find(|&start| {
        line.get(start).is_some_and(u8::is_ascii_uppercase)
            && !starts_after_word(line, start)
            && line.get(start..).is_some_and(first_line_at)
    })
}

/// True when `line` is a unit's line (`PSC 4950, Box 4286`, `Unit 4365 Box 7619`) or a ship's
/// (`USNS Flynn`, `USS Harry S. Truman`).
fn first_line_at(line: &[u8]) -> bool {
    let opening = line.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let Some((word, rest)) = line.split_at_checked(opening) else {
        return false;
    };
    if UNIT_WORDS.iter().any(|w| w.as_bytes() == word) {
        let Some(rest) = rest.strip_prefix(b" ") else {
            return false;
        };
        let (unit, rest) = split_number(rest);
        let rest = rest.strip_prefix(b",").unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(b" Box ") else {
            return false;
        };
        let (box_number, rest) = split_number(rest);
        return (1..=5).contains(&unit) && (1..=5).contains(&box_number) && rest.is_empty();
    }
    let ship = word.iter().all(u8::is_ascii_uppercase)
        && SHIP_PREFIXES
            .iter()
            .any(|p| p.as_bytes().eq_ignore_ascii_case(word));
    if !ship {
        return false;
    }
    // One to four capitalised words, one blank apart.
    let mut rest = rest;
    for _ in 0..4 {
        let Some([first, tail @ ..]) = rest.strip_prefix(b" ") else {
            return false;
        };
        if !first.is_ascii_uppercase() {
            return false;
        }
        let len = tail
            .iter()
            .take_while(|&&b| b.is_ascii_alphabetic() || matches!(b, b'.' | b'-' | b'\''))
            .count();
        rest = tail.get(len..).unwrap_or_default();
        if rest.is_empty() {
            return true;
        }
    }
    false
}

/// How many ASCII digits open `s`, and the rest after them.
fn split_number(s: &[u8]) -> (usize, &[u8]) {
    let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    (digits, s.get(digits..).unwrap_or_default())
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

    // Every address below is synthetic, in the shapes Faker's `en_US` provider writes.
    #[test]
    fn unit_and_ship_lines_with_their_post_office() {
        for (text, address) in [
            (
                "How do I change my address to PSC 4950, Box 4286\nAPO AA 54849 for post mail?",
                "PSC 4950, Box 4286\nAPO AA 54849",
            ),
            (
                "The address of Dixon LLC is Unit 4365 Box 7619\nDPO AP 74859",
                "Unit 4365 Box 7619\nDPO AP 74859",
            ),
            (
                "I once lived in USNS Davis\nFPO AE 90043. I now live elsewhere.",
                "USNS Davis\nFPO AE 90043",
            ),
            (
                "Send it to CMR 480 Box 123, APO AE 09012-3456 please",
                "CMR 480 Box 123, APO AE 09012-3456",
            ),
            (
                "Ship to: USS Harry S. Truman, FPO AE 09532",
                "USS Harry S. Truman, FPO AE 09532",
            ),
        ] {
            assert_eq!(found(text), [address], "{text}");
        }
    }

    #[test]
    fn a_post_office_line_alone_or_in_other_words_is_none() {
        for text in [
            // No unit's or ship's line before it.
            "Our base is near APO AE 09012.",
            "the unit 4365 box 7619\nAPO AE 09012",
            "PSC 4950, Box 4286\nAPO ZZ 54849",
            "PSC 4950, Box 4286\nAPO AA 548490",
            "PSC 4950, Box 4286\nXAPO AA 54849",
            "USNS davis\nFPO AE 90043",
            "Usns Davis\nFPO AE 90043",
            "PSC 123456, Box 4286\nAPO AA 54849",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}

//! US military and diplomatic mail: a unit's or a ship's line, then `APO`, `FPO` or `DPO`, the
//! pseudo-state `AA`, `AE` or `AP` and a ZIP code (`PSC 4950, Box 4286` / `APO AA 54849`,
//! `USNS Flynn` / `FPO AE 90043`, `Unit 4365 Box 7619, DPO AP 74859`), as the US Postal
//! Service's Publication 28 (section 225) writes them. Such an address names no street, so the
//! street shapes do not read it; the three-part post office line is distinctive, so it is
//! looked for only after each five-digit number, and reported with the line before it.

use super::{Found, RULE_MILITARY};

/// The words that open a unit's line, with their blank (`PSC 4950, Box 4286`, `CMR 480 Box 123`,
/// `Unit 4365 Box 7619`), then [`SHIP_PREFIXES`] as written, which open a ship's (`USNS Flynn`).
const OPENINGS: &[&str] = &["PSC ", "CMR ", "Unit ", "USNS ", "USNV ", "USS ", "USCGC "];

/// The prefixes of a ship's name (US Navy, Military Sealift Command, Coast Guard), lower case: the
/// stream redactor's trigger words, as a ship's address starts two or more words before its first
/// number.
pub(crate) const SHIP_PREFIXES: &[&str] = &["usns", "usnv", "uss", "uscgc"];

/// How far before the post office line its first line may start, in bytes.
const LINE_BEFORE: usize = 48;

/// The score of a military address: both its lines read.
const MILLI: u16 = 850;

/// The military address whose ZIP code is the number of `groups` (a number run's digit groups in
/// `bytes`). Not inlined into the street scan's loop: the browser module is smaller so.
#[inline(never)]
pub(super) fn ending_at(bytes: &[u8], groups: &[(usize, usize)]) -> Option<Found> {
    let &[(zip, end)] = groups else {
        return None;
    };
    let office = zip.checked_sub(7)?;
    let post_office = matches!(
        bytes.get(office..zip),
        Some([
            b'A' | b'F' | b'D',
            b'P',
            b'O',
            b' ',
            b'A',
            b'A' | b'E' | b'P',
            b' '
        ])
    );
    if end - zip != 5
        || !post_office
        || starts_after_word(bytes, office)
        || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    Some(Found {
        start: first_line_start(bytes, office)?,
        end,
        milli: MILLI,
        rule: RULE_MILITARY,
    })
}

/// True when the byte before `at` is an ASCII letter or digit.
fn starts_after_word(bytes: &[u8], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(u8::is_ascii_alphanumeric)
}

/// Where the unit's or ship's line before the post office line at `office` starts: at an
/// opening word ([`OPENINGS`]) within [`LINE_BEFORE`] bytes, with only letters, digits, blanks,
/// commas, dots, hyphens and apostrophes after it (`PSC 4950, Box 4286`, `USS Harry S. Truman`),
/// then a line break, a comma or a blank. ASCII only, as the Postal Service writes these lines.
fn first_line_start(bytes: &[u8], office: usize) -> Option<usize> {
    let gap = bytes
        .get(..office)?
        .iter()
        .rev()
        .take_while(|b| matches!(b, b' ' | b',' | b'\n' | b'\r'));
    let line_end = office
        .checked_sub(gap.count())
        .filter(|&end| end < office)?;
    let from = line_end.saturating_sub(LINE_BEFORE);
    (from..line_end).rev().find(|&start| {
        !starts_after_word(bytes, start)
            && OPENINGS
                .iter()
                .any(|w| bytes.get(start..start + w.len()) == Some(w.as_bytes()))
            && bytes.get(start..line_end).is_some_and(|line| {
                line.iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b" ,.-'".contains(&b))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let hay = crate::detect::hay::Hay::new(text);
        hay.numbers
            .iter()
            .filter_map(|run| ending_at(text.as_bytes(), run.groups))
            .map(|f| &text[f.start..f.end])
            .collect()
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
                "Send it to CMR 480 Box 123, APO AE 09012 please",
                "CMR 480 Box 123, APO AE 09012",
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
    fn every_ship_prefix_opens_a_line() {
        for prefix in SHIP_PREFIXES {
            let opening = format!("{} ", prefix.to_ascii_uppercase());
            assert!(OPENINGS.contains(&opening.as_str()), "{opening:?}");
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
            "Usns Davis\nFPO AE 90043",
            "Unit: 5 € per box\nAPO AE 09012",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}

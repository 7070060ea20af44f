//! Irish Personal Public Service number (PPSN): seven digits, a weighted mod 23 check letter and
//! an optional second letter (`A`, `B` or `H` in the 2013 format, where it enters the check; `W`,
//! `T` or `X` in older numbers, where it does not).
//!
//! The check letter makes an uppercase PPSN distinctive enough to report alone; lowercase forms
//! need a context word to pass the default threshold. Accepted forms: `1234567T`, `1234567TW`,
//! `1234567FA`, `1234567 T`, `1234567-T`.

use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, isolated};

pub(crate) const PPS_CONTEXT: &[&str] = &[
    "pps",
    "ppsn",
    "pps number",
    "pps no",
    "personal public service",
    "uimhir pps",
    // Irish: Uimhir Phearsanta Seirbhíse Poiblí.
    "uimhir psp",
    "psp",
    "irish",
    "ireland",
    "éire",
    "irland",
    "irisch",
    "irlande",
    "irlandais",
    "irlanda",
    "irlandés",
    "irlandese",
    "ierland",
    "iers",
    "irlandês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const PPS_GENERIC: &[&str] = &[
    "social welfare",
    "revenue",
    "welfare",
    "sozialversicherungsnummer",
    "steuernummer",
    "numéro de sécurité sociale",
    "número de seguridad social",
    "numero di previdenza",
    "codice fiscale",
    "sofinummer",
    "burgerservicenummer",
    "número de segurança social",
    "identi",
];

/// The check letters, indexed by the weighted sum mod 23 (`W` stands for 0).
const LETTERS: &[u8; 23] = b"WABCDEFGHIJKLMNOPQRSTUV";

/// Checks seven digits, the check letter and the optional second letter (all uppercase).
pub(crate) fn pps_valid(digits: &[u8], check: u8, second: Option<u8>) -> bool {
    if digits.len() != 7 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut sum: u32 = digits
        .iter()
        .zip((2..=8u32).rev())
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    match second {
        None => {}
        // 2013 format: the second letter counts, with weight 9.
        Some(l @ (b'A' | b'B' | b'H')) => {
            sum += 9 * LETTERS.iter().position(|&x| x == l).map_or(0, |p| p as u32);
        }
        // Older numbers: W (married women), T and X; the letter is not part of the check.
        Some(b'W' | b'T' | b'X') => {}
        Some(_) => return false,
    }
    LETTERS.get((sum % 23) as usize) == Some(&check)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    for run in &hay.numbers {
        // The PPSN's digits are the last group of a run, followed by its letters.
        let Some(&(s, e)) = run.groups.last() else {
            continue;
        };
        if e - s != 7 {
            continue;
        }
        let mut i = e;
        if matches!(bytes.get(i), Some(b' ' | b'-')) {
            i += 1;
        }
        let Some(&c) = bytes.get(i).filter(|b| b.is_ascii_alphabetic()) else {
            continue;
        };
        let mut end = i + 1;
        let mut upper = c.is_ascii_uppercase();
        let mut second = None;
        if let Some(&l) = bytes.get(end).filter(|b| b.is_ascii_alphabetic()) {
            second = Some(l.to_ascii_uppercase());
            upper &= l.is_ascii_uppercase();
            end += 1;
        }
        let Some(digits) = bytes.get(s..e) else {
            continue;
        };
        if !isolated(bytes, s, end) || !pps_valid(digits, c.to_ascii_uppercase(), second) {
            continue;
        }
        // The group before, if any, must be a separate number.
        if run.groups.len() > 1 && s > 0 && bytes[s - 1] != b' ' {
            continue;
        }
        let milli = if upper { 600 } else { 450 };
        out.push(candidate(Kind::IePps, s, end, milli, "ie_pps.mod23", true));
    }
}

#[cfg(test)]
mod tests {
    // Old and 2013-format PPSNs, check letters and written forms.
    use super::*;
    use crate::detect::builtin::shape::testing::found;

    #[test]
    fn check_letter() {
        // Synthetic, generated with python-stdnum ie.pps / ie.vat.calc_check_digit.
        assert!(pps_valid(b"1234567", b'T', None));
        assert!(pps_valid(b"1234567", b'T', Some(b'W')));
        assert!(pps_valid(b"1234567", b'F', Some(b'A')));
        assert!(pps_valid(b"1234567", b'W', Some(b'H')));
        assert!(pps_valid(b"7654321", b'G', None));
        assert!(pps_valid(b"7654321", b'P', Some(b'A')));
        assert!(!pps_valid(b"1234567", b'U', None));
        assert!(!pps_valid(b"1234567", b'T', Some(b'A')));
        assert!(!pps_valid(b"1234567", b'F', Some(b'B')));
        assert!(!pps_valid(b"1234567", b'T', Some(b'Z')));
        assert!(!pps_valid(b"123456", b'T', None));
    }

    #[test]
    fn scan_forms() {
        assert_eq!(found("my PPS is 1234567T.", scan), [("1234567T", 600)]);
        assert_eq!(found("PPSN 1234567FA", scan), [("1234567FA", 600)]);
        assert_eq!(found("1234567 TW please", scan), [("1234567 TW", 600)]);
        assert_eq!(found("pps 1234567t", scan), [("1234567t", 450)]);
        assert!(found("1234567U", scan).is_empty());
        assert!(found("1234567TWX", scan).is_empty());
        assert!(found("12345678T", scan).is_empty());
        assert!(found("1-1234567T", scan).is_empty());
        assert!(found("1234567 Tuesday", scan).is_empty());
    }
}

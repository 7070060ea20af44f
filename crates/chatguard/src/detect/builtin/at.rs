//! Austrian social insurance number (Sozialversicherungsnummer, SVNR): ten digits `NNNC DDMMYY`,
//! a serial number, a check digit over weights 3-7-9-0-5-8-4-2-1-6 mod 11 (a remainder of 10 is
//! never issued) and the birth date.
//!
//! The check digit plus a valid `DDMMYY` date make it strong enough to report without context.

use super::shape::{dig, each_spot, num, valid_date, Grouping};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "svnr",
    "sv-nr",
    "sv-nummer",
    "sozialversicherungsnummer",
    "versicherungsnummer",
    "sozialversicherung",
    "e-card",
    "ecard",
    "austrian",
    "austria",
    "österreich",
    "autriche",
    "autrichien",
    "austriaco",
    "austríaco",
    "oostenrijk",
    "oostenrijks",
    "áustria",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "social security",
    "ssn",
    "insurance number",
    "sécurité sociale",
    "seguridad social",
    "previdenza sociale",
    "sicurezza sociale",
    "sociale zekerheid",
    "segurança social",
    "national id",
    "id number",
];

const SHAPE: Grouping = Grouping {
    len: 10,
    layouts: &[&[4, 6]],
    seps: b" ",
};

const WEIGHTS: [u32; 10] = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];

/// Checks ten ASCII digits: no leading zero, the check digit at position four, and the date.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) || d[0] == b'0' {
        return false;
    }
    if weighted_sum(d, &WEIGHTS) % 11 != dig(d, 3) {
        return false;
    }
    let (dd, mm, yy) = (num(&d[4..6]), num(&d[6..8]), num(&d[8..10]));
    valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::AtSvnr,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(600),
            rule: "at_svnr.mod11",
            validated: true,
        });
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    #[test]
    fn known_answers() {
        // From python-stdnum's at.vnr documentation: 1237 010180 valid, 2237 010180 not.
        assert!(is_valid(b"1237010180"));
        assert!(!is_valid(b"2237010180"));
        assert!(!is_valid(b"1236010180"));
        assert!(!is_valid(b"1238010180"));
        // Synthetic, generated with python-stdnum (at.vnr.calc_check_digit).
        for v in [
            "4782200880",
            "6948031001",
            "9578160570",
            "3395071260",
            "6535270960",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        // Leading zero; checksum-valid but 31 April (synthetic).
        assert!(!is_valid(b"0237010180"));
        assert!(!is_valid(b"1236310480"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(found("SVNR: 1237 010180"), ["1237 010180"]);
        assert_eq!(found("meine e-card 1237010180."), ["1237010180"]);
        assert!(found("1237 010181").is_empty());
        assert!(found("1237-010180").is_empty());
        assert!(found("tel 01237010180").is_empty());
    }
}

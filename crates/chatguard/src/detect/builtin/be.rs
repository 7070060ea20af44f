//! Belgian national register number (rijksregisternummer / numéro de registre national) and the
//! BIS number built the same way: `YY.MM.DD-SSS.CC`, where `CC` is 97 minus the first nine digits
//! mod 97 (for births from 2000 the digit `2` is put in front before taking the remainder).
//!
//! Two check digits and a birth date make the format strong enough to report without context.
//! BIS numbers add 20 or 40 to the month. A month of `00` (and then a day of `00`) is allowed: the
//! register issues it when the birth date is unknown.

use super::shape::{each_spot, num, valid_date, Grouping};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "rijksregister",
    "rijksregisternummer",
    "registre national",
    "numéro national",
    "numero national",
    "nn",
    "insz",
    "niss",
    "bis-nummer",
    "numéro bis",
    "national number",
    "national register",
    "nationalregisternummer",
    "belgian",
    "belgium",
    "belgien",
    "belgisch",
    "belgique",
    "belge",
    "bélgica",
    "belga",
    "belgio",
    "belgië",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "national id",
    "id number",
    "identity number",
    "identiteitskaart",
    "carte d'identité",
    "personalausweis",
    "identifikationsnummer",
    "número de identificación",
    "numero di identificazione",
    "número de identificação",
];

const SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[&[2, 2, 2, 3, 2], &[6, 3, 2], &[6, 5]],
    seps: b".- ",
};

/// Checks eleven ASCII digits: the month/day part and the mod 97 check (either century).
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let yy = num(&d[0..2]);
    let mm = num(&d[2..4]);
    let dd = num(&d[4..6]);
    if !matches!(mm, 0..=12 | 20..=32 | 40..=52) {
        return false;
    }
    let body = u64::from(num(&d[0..9]));
    let check = u64::from(num(&d[9..11]));
    let century = if 97 - body % 97 == check {
        1900
    } else if 97 - (2_000_000_000 + body) % 97 == check {
        2000
    } else {
        return false;
    };
    match mm % 20 {
        // Unknown birth date: only the year is kept.
        0 => dd == 0,
        month => valid_date(century + yy, month, dd),
    }
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::BeNn,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(750),
            rule: "be_nn.mod97",
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
        // From python-stdnum's be.nn documentation: 85.07.30-033 28 and 17 07 30 033 84 (2000s).
        assert!(is_valid(b"85073003328"));
        assert!(is_valid(b"17073003384"));
        // From python-stdnum's be.bis documentation.
        assert!(is_valid(b"98472899765"));
        assert!(is_valid(b"01490700185"));
        // Synthetic, generated with python-stdnum (be.nn.is_valid confirms them).
        assert!(is_valid(b"05120101279"));
        assert!(is_valid(b"99022899861"));
        // Wrong / off-by-one check digits.
        assert!(!is_valid(b"85073003329"));
        assert!(!is_valid(b"85073003327"));
        assert!(!is_valid(b"12345678901"));
        // Month 13 and Feb 30 with the check digits made to fit (synthetic).
        assert!(!is_valid(b"85133003370"));
        assert!(!is_valid(b"85023003390"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(
            found("Mijn rijksregisternummer is 85.07.30-033.28, dank u."),
            ["85.07.30-033.28"]
        );
        assert_eq!(found("NISS 85 07 30 033 28"), ["85 07 30 033 28"]);
        assert_eq!(found("85073003328"), ["85073003328"]);
        assert_eq!(found("nn: 850730-033-28"), ["850730-033-28"]);
        assert!(found("85.07.30-033.29").is_empty());
        assert!(found("850 730 033 28").is_empty()); // not a layout anyone writes
        assert!(found("x85073003328").is_empty());
    }
}

//! Israeli identity number (Teudat Zehut): nine digits (leading zeros often written) with one
//! Luhn check digit (weights 1-2 from the left), commonly written `NNNNNNNN-C`.
//!
//! One check digit over a plain digit string passes one random number in ten, so the recognizer
//! needs a context word nearby.

use super::shape::{each_spot, Grouping};
use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "תעודת זהות",
    "מספר זהות",
    // With an attached prefix letter (המספר זהות, ומספר…) only the second word stands alone.
    "זהות",
    "ת.ז",
    "ת\"ז",
    "ת״ז",
    "teudat zehut",
    "zehut",
    "israeli id",
    "israel",
    "ישראל",
    "israël",
    "israelisch",
    "israélien",
    "israelí",
    "israeliano",
    "israëlisch",
    "israelense",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "national id",
    "id number",
    "id no",
    "identity number",
    "identity card",
    "personalausweis",
    "ausweisnummer",
    "identifikationsnummer",
    "numéro d'identité",
    "carte d'identité",
    "número de identidad",
    "documento de identidad",
    "numero di identità",
    "carta d'identità",
    "identiteitsnummer",
    "identiteitskaart",
    "número de identidade",
    "bilhete de identidade",
];

const SHAPE: Grouping = Grouping {
    len: 9,
    layouts: &[&[8, 1]],
    seps: b"-",
};

/// Checks nine ASCII digits: not all zero, Luhn-valid.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    d.len() == 9 && d.iter().any(|&b| b != b'0') && luhn(d)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::IlId,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(400),
            rule: "il_id.luhn",
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
        // From python-stdnum's il.idnr documentation: 3933742-3 (zero-padded to 039337423).
        assert!(is_valid(b"039337423"));
        assert!(!is_valid(b"039337422"));
        assert!(!is_valid(b"039337424"));
        assert!(!is_valid(b"000000000"));
        // Synthetic, generated with python-stdnum (luhn.calc_check_digit).
        for v in [
            "955778899",
            "084273937",
            "757482302",
            "079995338",
            "830820619",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn scans_sentences() {
        // Context gating happens in the framework; the scanner finds checksum-valid spans.
        assert_eq!(found("מספר זהות 039337423"), ["039337423"]);
        assert_eq!(found("teudat zehut 03933742-3."), ["03933742-3"]);
        assert!(found("03933742-2").is_empty());
        assert!(found("0393374230").is_empty());
    }
}

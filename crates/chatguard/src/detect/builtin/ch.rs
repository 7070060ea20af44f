//! Swiss social security number (AHV/AVS/AVS-nummer, since 2008): `756.1234.5678.97`, thirteen
//! digits opening with the ISO 3166 country code 756 and closed by an EAN-13 check digit.
//!
//! The fixed prefix plus the check digit make it strong enough to report without context.

use super::shape::{dig, each_spot, Grouping};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "ahv",
    "avs",
    "avs-nummer",
    "ahv-nummer",
    "ahv-nr",
    "sozialversicherungsnummer",
    "versichertennummer",
    "numéro avs",
    "numero avs",
    "swiss",
    "switzerland",
    "schweiz",
    "suisse",
    "suiza",
    "suizo",
    "svizzera",
    "svizzero",
    "zwitserland",
    "zwitsers",
    "suíça",
    "suíço",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "assicurazione",
    "social security",
    "ssn",
    "insurance number",
    "sécurité sociale",
    "seguridad social",
    "sicurezza sociale",
    "sociale zekerheid",
    "segurança social",
    "national id",
    "id number",
];

const SHAPE: Grouping = Grouping {
    len: 13,
    layouts: &[&[3, 4, 4, 2]],
    seps: b". ",
};

/// Checks thirteen ASCII digits: the `756` prefix and the EAN-13 check digit.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 13 || !d.iter().all(u8::is_ascii_digit) || !d.starts_with(b"756") {
        return false;
    }
    let sum: u32 = (0..12)
        .map(|i| dig(d, i) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    (10 - sum % 10) % 10 == dig(d, 12)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::ChAhv,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(800),
            rule: "ch_ahv.ean13",
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
        // From python-stdnum's ch.ssn documentation.
        assert!(is_valid(b"7569217076985"));
        assert!(!is_valid(b"7569217076984"));
        assert!(!is_valid(b"7569217076986"));
        // Synthetic, generated with python-stdnum (ean.calc_check_digit).
        for v in [
            "7562555125759",
            "7566363433327",
            "7565843616823",
            "7561400404100",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        // EAN-valid but without the 756 prefix.
        assert!(!is_valid(b"4006381333931"));
        assert!(!is_valid(b"756921707698"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(
            found("Meine AHV-Nummer: 756.9217.0769.85"),
            ["756.9217.0769.85"]
        );
        assert_eq!(found("numéro AVS 756 9217 0769 85."), ["756 9217 0769 85"]);
        assert_eq!(found("7569217076985"), ["7569217076985"]);
        assert!(found("756.9217.0769.84").is_empty());
        assert!(found("756-9217-0769-85").is_empty());
        assert!(found("AB7569217076985").is_empty());
    }
}

//! South African identity number: `YYMMDD SSSS C A Z` — birth date, sequence (sex), citizenship
//! (0 citizen, 1 permanent resident, 2 refugee), `A` (once a race code; numbers were reissued in
//! the late 1980s and it is now 8, or 9 on some older numbers) and a Luhn check digit (Department
//! of Home Affairs). Date, citizenship, `A` and Luhn together let a random 13-digit number
//! (a millisecond timestamp, say) pass about once in ten thousand, so it reports without context.

use super::shape::{num, scan_with, valid_date, Layouts, Report};
use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "south african id",
    "sa id",
    "rsa id",
    "home affairs",
    "identiteitsnommer",
    "id-nommer",
    "inombolo",
    "south africa",
    "südafrika",
    "afrique du sud",
    "sudáfrica",
    "sudafrica",
    "zuid-afrika",
    "áfrica do sul",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "id",
    "id number",
    "identity number",
    "id no",
    "identity document",
    "ausweisnummer",
    "numéro d'identité",
    "número de identidad",
    "numero di identità",
    "identiteitsnummer",
    "número de identidade",
];

/// Checks a compact 13-digit ID: a real birth date (either century), citizenship 0-2, `A` 8 or
/// 9, Luhn.
pub(crate) fn id_valid(d: &[u8]) -> bool {
    if d.len() != 13
        || !d.iter().all(u8::is_ascii_digit)
        || !matches!(d[10], b'0'..=b'2')
        || !matches!(d[11], b'8' | b'9')
    {
        return false;
    }
    let (yy, mm, dd) = (num(&d[..2]), num(&d[2..4]), num(&d[4..6]));
    (valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd)) && luhn(d)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::ZaId,
        milli: 700,
        rule: "za_id.luhn",
    };
    scan_with(
        hay,
        out,
        &const {
            Layouts::new(&[
                "ddddddddddddd",
                "dddddd dddd ddd",
                "dddddd dddd dd d",
                "dddddd ddddddd",
            ])
        },
        id_valid,
        &report,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn known_answers() {
        // python-stdnum za.idnr documentation: 7503305044089 valid, 8503305044089 not.
        assert!(id_valid(b"7503305044089"));
        assert!(!id_valid(b"8503305044089"));
        assert!(!id_valid(b"7503305044088"));
        assert!(!id_valid(b"750330504408"));
        // Synthetic: a Luhn-valid number with month 13 and one with citizenship digit 5.
        assert!(!id_valid(b"7513305044088"));
        assert!(!id_valid(b"7503305044584"));
        // A Luhn-valid millisecond timestamp with a real date but `A` = 1 (synthetic).
        assert!(!id_valid(b"1503227253111"));
    }

    #[test]
    fn in_sentences() {
        assert_eq!(found("my ID number is 7503305044089."), ["7503305044089"]);
        assert_eq!(found("750330 5044 08 9"), ["750330 5044 08 9"]);
        assert!(found("7503305044088").is_empty());
        assert!(found("17503305044089").is_empty());
    }
}

//! Canadian Social Insurance Number (SIN): 9 digits, Luhn, first digit neither 0 (unassigned) nor
//! 8 (business numbers), written `123 456 782` or `123-456-782` (Employment and Social Development
//! Canada). One Luhn digit over a plain 9-digit string is weak, so it needs a context word.

use super::shape::{scan_with, Layouts, Report};
use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "sin",
    "social insurance",
    "nas",
    "numéro d'assurance sociale",
    "numero d'assurance sociale",
    "assurance sociale",
    "canada",
    "kanada",
    "canadá",
    "canadian",
    "canadien",
    "kanadisch",
    "canadiense",
    "canadese",
    "canadees",
    "canadense",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "insurance number",
    "sozialversicherungsnummer",
    "número de seguro social",
    "numero di previdenza sociale",
    "sofinummer",
    "número de segurança social",
];

const LAYOUTS: Layouts = Layouts::new(&["ddd ddd ddd", "ddd-ddd-ddd", "ddddddddd"]);

/// Checks a compact SIN.
pub(crate) fn sin_valid(d: &[u8]) -> bool {
    d.len() == 9 && d[0] != b'0' && d[0] != b'8' && luhn(d)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::CaSin,
        milli: 500,
        rule: "ca_sin.luhn",
    };
    scan_with(hay, out, &LAYOUTS, sin_valid, &report);
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
        // python-stdnum ca.sin documentation: 123-456-782 valid, 999-999-999 fails Luhn,
        // 823456785 starts with 8.
        assert!(sin_valid(b"123456782"));
        assert!(!sin_valid(b"999999999"));
        assert!(!sin_valid(b"823456785"));
        assert!(!sin_valid(b"123456783"));
        assert!(!sin_valid(b"046454286")); // Luhn-valid, but 0 is not an assigned first digit
        assert!(!sin_valid(b"12345678"));
        // Synthetic, generated with python-stdnum (ca.sin).
        assert!(sin_valid(b"271456980"));
        assert!(sin_valid(b"934561234")); // a temporary-resident SIN (starts with 9)
    }

    #[test]
    fn in_sentences() {
        assert_eq!(found("my SIN: 271 456 980"), ["271 456 980"]);
        assert_eq!(found("NAS 123-456-782."), ["123-456-782"]);
        assert!(found("123-456-783").is_empty());
        assert!(found("1-123-456-782").is_empty());
        assert!(found("123 456 782 12").is_empty());
    }
}

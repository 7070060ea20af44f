//! Australian identifiers: the Tax File Number (TFN, 9 digits, weighted mod 11) and the
//! Australian Business Number (ABN, 11 digits, first digit minus one, weighted mod 89), both from
//! the Australian Taxation Office's published algorithms.
//!
//! Both are plain digit strings with one check, so both need a context word. Legacy 8-digit TFNs
//! are not recognised: sources disagree on their weights, and a wrong rule would be a guess.

use super::shape::{scan_with, Layouts, Report};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const TFN_CONTEXT: &[&str] = &[
    "tfn",
    "tax file",
    "tax file number",
    "ato",
    "australian taxation",
    "belastingnummer",
    "australia",
    "australien",
    "australie",
    "australiano",
    "australisch",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const TFN_GENERIC: &[&str] = &[
    "tax number",
    "tax id",
    "steuernummer",
    "steuer-id",
    "numéro fiscal",
    "número fiscal",
    "número de identificación fiscal",
    "codice fiscale",
    "fiscaal nummer",
    "número de contribuinte",
];

pub(crate) const ABN_CONTEXT: &[&str] = &[
    "abn",
    "australian business",
    "abr",
    "australia",
    "australien",
    "australie",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const ABN_GENERIC: &[&str] = &[
    "business number",
    "gst",
    "company number",
    "unternehmensnummer",
    "firmennummer",
    "numéro d'entreprise",
    "número de empresa",
    "numero d'impresa",
    "ondernemingsnummer",
    "bedrijfsnummer",
    "número da empresa",
];

const TFN_LAYOUTS: Layouts = Layouts::new(&["ddd ddd ddd", "ddd-ddd-ddd", "ddddddddd"]);
const ABN_LAYOUTS: Layouts = Layouts::new(&["dd ddd ddd ddd", "dd-ddd-ddd-ddd", "ddddddddddd"]);

/// Checks a compact 9-digit TFN: weights 1,4,3,7,5,8,6,9,10, sum divisible by 11.
pub(crate) fn tfn_valid(d: &[u8]) -> bool {
    d.len() == 9
        && d.iter().all(u8::is_ascii_digit)
        && d.iter().any(|&b| b != b'0')
        && weighted_sum(d, &[1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0
}

/// Checks a compact ABN: subtract 1 from the first digit, weights 10,1,3,...,19, mod 89.
pub(crate) fn abn_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) || d[0] == b'0' {
        return false;
    }
    let weights = [10u32, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    // The first digit is at least 1, so removing its decrement (weight 10) cannot underflow.
    (weighted_sum(d, &weights) - 10) % 89 == 0
}

pub(crate) fn scan_tfn(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::AuTfn,
        milli: 500,
        rule: "au_tfn.mod11",
    };
    scan_with(hay, out, &TFN_LAYOUTS, tfn_valid, &report);
}

pub(crate) fn scan_abn(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::AuAbn,
        milli: 500,
        rule: "au_abn.mod89",
    };
    scan_with(hay, out, &ABN_LAYOUTS, abn_valid, &report);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn tfn_known_answers() {
        // python-stdnum au.tfn documentation: 123 456 782 valid, 999 999 999 not.
        assert!(tfn_valid(b"123456782"));
        assert!(!tfn_valid(b"999999999"));
        assert!(!tfn_valid(b"123456783"));
        assert!(!tfn_valid(b"123456781"));
        assert!(!tfn_valid(b"000000000"));
        assert!(!tfn_valid(b"12345678"));
        // Synthetic, generated with python-stdnum (au.tfn).
        assert!(tfn_valid(b"876543210"));
    }

    #[test]
    fn abn_known_answers() {
        // python-stdnum au.abn documentation: 83 914 571 673 and 51 824 753 556 valid,
        // 99 999 999 999 not.
        assert!(abn_valid(b"83914571673"));
        assert!(abn_valid(b"51824753556"));
        assert!(!abn_valid(b"99999999999"));
        assert!(!abn_valid(b"83914571674"));
        assert!(!abn_valid(b"83914571672"));
        assert!(!abn_valid(b"03914571673"));
    }

    #[test]
    fn in_sentences() {
        assert_eq!(found(scan_tfn, "My TFN is 123 456 782."), ["123 456 782"]);
        assert_eq!(found(scan_tfn, "tfn 123-456-782"), ["123-456-782"]);
        assert!(found(scan_tfn, "tfn 123 456 783").is_empty());
        assert!(found(scan_tfn, "tfn 123 456 782 1").is_empty());
        assert_eq!(found(scan_abn, "ABN 51 824 753 556"), ["51 824 753 556"]);
        assert_eq!(found(scan_abn, "abn:83914571673"), ["83914571673"]);
        assert!(found(scan_abn, "ABN 51 824 753 557").is_empty());
    }
}

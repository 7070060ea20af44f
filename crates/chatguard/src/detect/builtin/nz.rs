//! New Zealand IRD number (Inland Revenue): 8 or 9 digits between 10,000,000 and 150,000,000,
//! with a mod-11 check digit computed with a primary weight set and, when that gives 10, a
//! secondary one. A plain digit string with one check digit: needs a context word.

use super::shape::{num, scan_with, Layouts, Report};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "ird",
    "inland revenue",
    "gst number",
    "new zealand",
    "neuseeland",
    "nouvelle-zélande",
    "nueva zelanda",
    "nuova zelanda",
    "nieuw-zeeland",
    "nova zelândia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "tax number",
    "tax file",
    "tax id",
    "steuernummer",
    "numéro fiscal",
    "número fiscal",
    "codice fiscale",
    "fiscaal nummer",
    "número de contribuinte",
];

const LAYOUTS: Layouts = Layouts::new(&[
    "ddd-ddd-ddd",
    "dd-ddd-ddd",
    "ddd ddd ddd",
    "dd ddd ddd",
    "ddddddd-d",
    "dddddddd-d",
    "ddddddddd",
    "dddddddd",
]);

/// Checks a compact IRD number.
pub(crate) fn ird_valid(d: &[u8]) -> bool {
    if !(8..=9).contains(&d.len()) || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let value = num(d);
    if value <= 10_000_000 || value >= 150_000_000 {
        return false;
    }
    let mut body = [b'0'; 8];
    let Some((&check, rest)) = d.split_last() else {
        return false;
    };
    body[8 - rest.len()..].copy_from_slice(rest);
    let mut c = (11 - weighted_sum(&body, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11) % 11;
    if c == 10 {
        c = (11 - weighted_sum(&body, &[7, 4, 3, 2, 5, 2, 7, 6]) % 11) % 11;
        if c == 10 {
            return false;
        }
    }
    u32::from(check - b'0') == c
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::NzIrd,
        milli: 500,
        rule: "nz_ird.mod11",
    };
    scan_with(hay, out, &LAYOUTS, ird_valid, &report);
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
        // python-stdnum nz.ird documentation: 4909185-0 and 49-098-576 valid, 136410133 not.
        assert!(ird_valid(b"49091850"));
        assert!(ird_valid(b"49098576"));
        assert!(!ird_valid(b"136410133"));
        assert!(!ird_valid(b"49098577"));
        assert!(!ird_valid(b"49098575"));
        assert!(!ird_valid(b"9125568"));
        // Out of range although the check digit fits (synthetic).
        assert!(!ird_valid(b"160000000"));
    }

    #[test]
    fn in_sentences() {
        assert_eq!(found("IRD number 49-098-576"), ["49-098-576"]);
        assert_eq!(found("ird 4909185-0"), ["4909185-0"]);
        assert!(found("ird 49-098-577").is_empty());
        assert!(found("ird 1-49-098-576").is_empty());
    }
}

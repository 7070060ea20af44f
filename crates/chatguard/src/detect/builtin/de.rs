//! German tax identification number (steuerliche Identifikationsnummer, Steuer-IdNr): eleven
//! digits, no leading zero, exactly one digit repeated two or three times in the first ten (a
//! digit may not appear three times in a row), and an ISO 7064 MOD 11,10 check digit.
//!
//! It is a plain digit string with one check digit, so it is reported only with context.
//! Accepted forms: `12345678901` and `12 345 678 901`.

use crate::detect::checksum::iso7064_mod11_10;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, each_grouped, Grouped};

pub(crate) const TAX_ID_CONTEXT: &[&str] = &[
    "steuer-id",
    "steuerid",
    "steuer id",
    "steuer-idnr",
    "steueridentifikationsnummer",
    "identifikationsnummer",
    "idnr",
    "id-nr",
    "steuernummer",
    "finanzamt",
    "lohnsteuer",
    "elster",
    "german",
    "germany",
    "deutschland",
    "deutsche",
    "deutscher",
    "allemagne",
    "allemand",
    "alemania",
    "alemán",
    "germania",
    "tedesco",
    "duitsland",
    "duits",
    "alemanha",
    "alemão",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const TAX_ID_GENERIC: &[&str] = &[
    "tin",
    "tax id",
    "tax identification",
    "taxpayer",
    "numéro fiscal",
    "identifiant fiscal",
    "número de identificación fiscal",
    "identificación fiscal",
    "codice fiscale",
    "identificativo fiscale",
    "fiscaal nummer",
    "fiscaal identificatienummer",
    "identificação fiscal",
    "número fiscal",
];

/// Steuer-IdNr structure (BZSt; python-stdnum de.idnr) and its check digit.
pub(crate) fn tax_id_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) || d[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &b in &d[..10] {
        counts[usize::from(b - b'0')] += 1;
    }
    let mut repeated = counts.iter().filter(|&&c| c > 1);
    match (repeated.next(), repeated.next()) {
        (Some(2 | 3), None) => {}
        _ => return false,
    }
    // Since 2016 a digit that occurs three times may not stand three times in a row.
    if d[..10].windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return false;
    }
    iso7064_mod11_10(d)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    for run in &hay.numbers {
        let mut push = |g: Grouped| {
            if tax_id_valid(g.digits.as_bytes()) {
                out.push(candidate(
                    Kind::DeTaxId,
                    g.start,
                    g.end,
                    450,
                    "de_tax_id.iso7064",
                    true,
                ));
            }
        };
        each_grouped(run, hay.text, &[11], b"", &mut push);
        each_grouped(run, hay.text, &[2, 3, 3, 3], b" /", &mut push);
    }
}

#[cfg(test)]
mod tests {
    // Structure, digit repetition and check digit, through `scan` with context.
    use super::*;
    use crate::detect::builtin::shape::testing::spans;

    #[test]
    fn structure_and_check_digit() {
        // 36574261809 and 65929970489 are the examples in python-stdnum's de.idnr documentation;
        // 12256834292 and 18764904452 are synthetic, generated with python-stdnum.
        assert!(tax_id_valid(b"36574261809"));
        assert!(tax_id_valid(b"65929970489"));
        assert!(tax_id_valid(b"18764904452"));
        assert!(!tax_id_valid(b"36574261808"));
        assert!(!tax_id_valid(b"65929970488"));
        // 12256834292 repeats the 2 three times, two of them adjacent but not three: allowed.
        assert!(tax_id_valid(b"12256834292"));
        // No repeated digit at all, or two digits repeated.
        assert!(!tax_id_valid(b"12345678903"));
        assert!(!tax_id_valid(b"11223456780"));
        // Leading zero.
        assert!(!tax_id_valid(b"06574261809"));
    }

    #[test]
    fn scan_needs_context() {
        let s = |t| spans(t, scan, TAX_ID_CONTEXT, true);
        assert_eq!(s("Meine Steuer-ID: 36 574 261 809"), ["36 574 261 809"]);
        assert_eq!(s("IdNr 36574261809."), ["36574261809"]);
        assert!(s("Bestellung 36574261809").is_empty());
        assert!(s("Steuer-ID 36574261808").is_empty());
    }
}

//! German tax identification number (steuerliche Identifikationsnummer, Steuer-IdNr): eleven
//! digits, no leading zero, exactly one digit repeated two or three times in the first ten (a
//! digit may not appear three times in a row), and an ISO 7064 MOD 11,10 check digit.
//!
//! It is a plain digit string with one check digit, so it is reported only with context.
//! Accepted forms: `12345678901` and `12 345 678 901`.
//!
//! The pension insurance number (Rentenversicherungsnummer, RVNR, `65170839J003`): an area
//! number, the birth date `DDMMYY`, the initial of the birth name, a serial number and a check
//! digit: with the letter as its two-digit place in the alphabet, the digit sums of the twelve
//! digits times 2-1-2-5-7-1-2-1-2-1-2-1, mod 10 (Deutsche Rentenversicherung, VKVV § 2; the
//! rule of Faker's de_DE `rvnr()`). Written as one word; reported only next to a pension or
//! social insurance word or Germany (rule `de_rvnr.check_digit`).
//!
//! The health insurance number (Krankenversichertennummer, KVNR, `A123456780`): a letter and
//! nine digits, the last a check digit over the letter's two digits and the eight others weighted
//! 1-2-1-2 … (digit sums, mod 10; GKV-Spitzenverband, § 290 SGB V). Faker's de_DE `kvnr()`
//! writes the twenty-character form of the card (the KVNR, nine more digits and a second check
//! digit over all of them the same way): both are found. A letter and nine digits is a common
//! shape (one random such word in ten passes), so only next to a health insurance word (rule
//! `de_kvnr.check_digit`).

use crate::detect::checksum::{iso7064_mod11_10, weighted_digit_sum};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{dig, num, scan_cased_words, scan_grouped, valid_date_yy, Report};

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
    let report = Report {
        kind: Kind::DeTaxId,
        milli: 450,
        rule: "de_tax_id.iso7064",
    };
    scan_grouped(hay, out, &[11], b"", tax_id_valid, &report, true);
    scan_grouped(hay, out, &[2, 3, 3, 3], b" /", tax_id_valid, &report, true);
}

pub(crate) const RVNR_CONTEXT: &[&str] = &[
    "rentenversicherung",
    "versicherungsnummer",
    "rvnr",
    "rv-nummer",
    "sozialversicherungsnummer",
    "sozialversicherungsausweis",
    "pension insurance",
    "german",
    "deutsch",
];

pub(crate) const KVNR_CONTEXT: &[&str] = &[
    "krankenversichertennummer",
    "versichertennummer",
    "kvnr",
    "krankenversicherung",
    "krankenkasse",
    "gesundheitskarte",
    "egk",
    "health insurance",
];

/// The digit values of `c[..end]` with the letter at `letter_at` as its two-digit place in the
/// alphabet (`A` is 01), and how many there are: what both check digits are computed over.
fn letter_as_digits(c: &[u8], letter_at: usize, end: usize) -> ([u8; 21], usize) {
    let mut digits = [0u8; 21];
    let mut n = 0;
    for (i, &b) in c.iter().take(end).enumerate() {
        if i == letter_at {
            let place = b - b'A' + 1;
            digits[n] = place / 10;
            digits[n + 1] = place % 10;
            n += 2;
        } else {
            digits[n] = b - b'0';
            n += 1;
        }
    }
    (digits, n)
}

/// Checks an upper-case RVNR: digits, birth date, letter, serial and check digit.
pub(crate) fn rvnr_valid(c: &[u8]) -> bool {
    const WEIGHTS: [u32; 12] = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    if c.len() != 12
        || !c[..8].iter().chain(&c[9..]).all(u8::is_ascii_digit)
        || !c[8].is_ascii_uppercase()
        || !valid_date_yy(num(&c[6..8]), num(&c[4..6]), num(&c[2..4]))
    {
        return false;
    }
    let (digits, n) = letter_as_digits(c, 8, 11);
    weighted_digit_sum(&digits[..n], &WEIGHTS) % 10 == dig(c, 11)
}

/// Checks an upper-case KVNR (ten characters) or the card's twenty-character form.
pub(crate) fn kvnr_valid(c: &[u8]) -> bool {
    const WEIGHTS: [u32; 20] = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2];
    let check = |len: usize| {
        let (digits, n) = letter_as_digits(c, 0, len - 1);
        weighted_digit_sum(&digits[..n], &WEIGHTS) % 10 == dig(c, len - 1)
    };
    matches!(c.len(), 10 | 20)
        && c[0].is_ascii_uppercase()
        && c[1..].iter().all(u8::is_ascii_digit)
        && check(10)
        && (c.len() == 10 || check(20))
}

pub(crate) fn scan_rvnr(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::DeRvnr,
        milli: 450,
        rule: "de_rvnr.check_digit",
    };
    scan_cased_words(hay, out, 12, (11, 11), rvnr_valid, &report, true);
}

pub(crate) fn scan_kvnr(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::DeKvnr,
        milli: 450,
        rule: "de_kvnr.check_digit",
    };
    scan_cased_words(hay, out, 10, (9, 9), kvnr_valid, &report, true);
    scan_cased_words(hay, out, 20, (19, 19), kvnr_valid, &report, true);
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

    #[test]
    fn rvnr_known_answers() {
        // 65170839J003: Wikipedia's (de) "Versicherungsnummer" example.
        assert!(rvnr_valid(b"65170839J003"));
        assert!(!rvnr_valid(b"65170839J004"));
        // Synthetic, from Faker 40.54 de_DE rvnr().
        for v in [
            "14240877Y170",
            "63300795A173",
            "66291020W909",
            "39060595A155",
        ] {
            assert!(rvnr_valid(v.as_bytes()), "{v}");
        }
        assert!(!rvnr_valid(b"65173239J003")); // 32 August
        assert!(!rvnr_valid(b"651708391003"));
    }

    #[test]
    fn rvnr_found_after_a_context_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for text in [
            "Meine Rentenversicherungsnummer ist 65170839J003",
            "Versicherungsnummer: 65170839J003",
            "My German pension insurance number is 65170839J003.",
        ] {
            assert_eq!(pipeline(text), [(Kind::DeRvnr, "65170839J003")], "{text}");
        }
        not_reported(
            Kind::DeRvnr,
            &["65170839J003", "Artikel 65170839J003", "RVNR 65170839J004"],
        );
    }

    #[test]
    fn kvnr_known_answers() {
        // Synthetic, computed by the rule above (A is 01).
        assert!(kvnr_valid(b"A123456780"));
        assert!(!kvnr_valid(b"A123456781"));
        // Synthetic, from Faker 40.54 de_DE kvnr() (the card's twenty characters).
        for v in [
            "E9141777603170669075",
            "I3915000800636083774",
            "R3533740698124158681",
        ] {
            assert!(kvnr_valid(v.as_bytes()), "{v}");
            assert!(kvnr_valid(&v.as_bytes()[..10]), "{v}");
        }
        assert!(!kvnr_valid(b"E9141777603170669076"));
        assert!(!kvnr_valid(b"E914177761"));
    }

    #[test]
    fn kvnr_found_after_a_context_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for (text, value) in [
            (
                "Meine Krankenversichertennummer ist A123456780",
                "A123456780",
            ),
            ("KVNR: E9141777603170669075", "E9141777603170669075"),
            ("My health insurance number is E914177760.", "E914177760"),
        ] {
            assert_eq!(pipeline(text), [(Kind::DeKvnr, value)], "{text}");
        }
        not_reported(
            Kind::DeKvnr,
            &["A123456780", "Artikel A123456780", "KVNR A123456781"],
        );
    }
}

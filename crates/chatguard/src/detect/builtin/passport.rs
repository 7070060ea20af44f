//! Passport numbers.
//!
//! Plain numbers have no check digit, so they are reported only next to a passport word
//! (passport, Reisepass, passeport, pasaporte, passaporto, paspoort, passaporte …) and only in a
//! passport shape: US (9 digits or letter + 8 digits), UK (9 digits), DE (9 characters of
//! `CFGHJKLMNPRTVWXYZ0-9`), FR (2 digits, 2 letters, 5 digits), ES (3 letters + 6 digits), IT
//! (2 letters + 7 digits), NL (2 letters, 6 letters or digits, 1 digit), IN (letter + 7 digits),
//! RU (the internal passport's series and number, `45 10 123456` or `4510 123456`), or a generic
//! 6–9 character shape with letters and digits.
//!
//! The machine-readable zone of a passport (ICAO 9303 TD3, second line of 44 characters) carries
//! check digits over the document number, birth date, expiry date, personal number and the whole
//! line; those are validated (weights 7-3-1) and the line is reported without context.

use memchr::memchr_iter;

use crate::detect::builtin::shape::each_grouped;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "passport",
    "passport no",
    "passport number",
    "travel document",
    "reisepass",
    "passnummer",
    "pass-nr",
    "pass nr",
    "passeport",
    "pasaporte",
    "passaporto",
    "paspoort",
    "passaporte",
    "mrz",
    "паспорт",
    "паспорта",
];

/// Base score of a number in a known country's passport shape.
const COUNTRY_SHAPE: u16 = 550;
/// Base score of the generic shape.
const GENERIC: u16 = 450;
/// Score of a machine-readable zone line whose check digits all pass.
const MRZ: u16 = 950;
/// Length of a TD3 (passport) MRZ line.
const TD3: usize = 44;

/// Plain passport numbers; the recognizer table requires a passport word nearby.
pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    for w in &hay.words {
        let s = &text.as_bytes()[w.start..w.end];
        if !(6..=9).contains(&s.len()) || s.iter().any(u8::is_ascii_lowercase) {
            continue;
        }
        if !standalone(text, w.start, w.end) {
            continue;
        }
        let Some(score) = shape(s) else {
            continue;
        };
        out.push(Candidate {
            kind: Kind::Passport,
            start: w.start,
            end: w.end,
            score: Score::from_milli(score),
            rule: "passport.context",
            validated: false,
        });
    }
    scan_russian(hay, out);
}

/// The Russian internal passport: a four-digit series (written `45 10` or `4510`) and a six-digit
/// number, `45 10 123456`.
fn scan_russian(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    for run in &hay.numbers {
        if run.digits != 10 {
            continue;
        }
        for lens in [&[2, 2, 6][..], &[4, 6]] {
            each_grouped(run, hay.text, lens, b" ", |g| {
                out.push(Candidate {
                    kind: Kind::Passport,
                    start: g.start,
                    end: g.end,
                    score: Score::from_milli(COUNTRY_SHAPE),
                    rule: "passport.context",
                    validated: false,
                });
            });
        }
    }
}

/// Not glued to a larger token through `-`, `/`, `.`, `@`, `_` or a non-ASCII letter.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let text = Table(text);
    let mut before = text[..start].chars().rev();
    let ok_before = match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '_' | '@' | '#' | '$' | '€' | '£') => {
            false
        }
        Some('-' | '/' | '.' | ':' | '+') => !before.next().is_some_and(char::is_alphanumeric),
        _ => true,
    };
    let mut after = text[end..].chars();
    let ok_after = match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, '_' | '@' | '%' | '€' | '$') => false,
        Some('-' | '/' | '.' | ':' | ',') => !after.next().is_some_and(char::is_alphanumeric),
        _ => true,
    };
    ok_before && ok_after
}

/// The base score of a passport-shaped string (uppercase letters and digits), if it has one.
fn shape(s: &[u8]) -> Option<u16> {
    let digits = s.iter().filter(|b| b.is_ascii_digit()).count();
    let letters = s.len() - digits;
    let d = |r: core::ops::Range<usize>| s.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let l = |r: core::ops::Range<usize>| {
        s.get(r)
            .is_some_and(|x| x.iter().all(u8::is_ascii_uppercase))
    };
    if digits == 0 {
        return None;
    }
    if letters == 0 {
        // US/UK: 9 digits; 8 digits elsewhere. Dates written without separators are not
        // passport numbers.
        return (matches!(s.len(), 8 | 9) && !compact_date(s)).then_some(COUNTRY_SHAPE);
    }
    let n = s.len();
    let country = n == 9 && l(0..1) && d(1..9) // US next generation
        || n == 9 && s.iter().all(|b| b.is_ascii_digit() || b"CFGHJKLMNPRTVWXYZ".contains(b))
            && b"CFGHJK".contains(&s[0]) // DE
        || n == 9 && d(0..2) && l(2..4) && d(4..9) // FR
        || n == 9 && l(0..3) && d(3..9) // ES
        || n == 8 && l(0..2) && d(2..8) // ES (older)
        || n == 9 && l(0..2) && d(2..9) // IT
        || n == 9 && l(0..2) && !s.contains(&b'O') && d(8..9) // NL
        || n == 8 && l(0..1) && d(1..8); // IN
    if country {
        return Some(COUNTRY_SHAPE);
    }
    // Generic: letters and at least two digits, not a word with a number glued on (`COVID19`).
    (digits >= 2 && letters <= 3 && s.first().is_some_and(u8::is_ascii_uppercase) || digits >= 5)
        .then_some(GENERIC)
}

/// Eight digits that read as a date (`YYYYMMDD`, `DDMMYYYY`) are not passport numbers.
fn compact_date(s: &[u8]) -> bool {
    if s.len() != 8 {
        return false;
    }
    let v =
        |r: core::ops::Range<usize>| s[r].iter().fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'));
    let ymd = (1900..=2100).contains(&v(0..4))
        && (1..=12).contains(&v(4..6))
        && (1..=31).contains(&v(6..8));
    let dmy = (1..=31).contains(&v(0..2))
        && (1..=12).contains(&v(2..4))
        && (1900..=2100).contains(&v(4..8));
    ymd || dmy
}

/// Machine-readable zones (TD3 second line), validated by their check digits.
pub(crate) fn scan_mrz(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    let is_mrz = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<';
    let mut covered = 0;
    for lt in memchr_iter(b'<', &bytes) {
        if lt < covered {
            continue;
        }
        let mut start = lt;
        while start > 0 && is_mrz(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = lt;
        while end < bytes.len() && is_mrz(bytes[end]) {
            end += 1;
        }
        covered = end;
        if end - start != TD3 || !td3_line2_ok(&bytes[start..end]) {
            continue;
        }
        if end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            continue;
        }
        // Include the first line (`P<` + issuing state + name) when it sits right before.
        let mut first = start;
        if start > TD3 && matches!(bytes[start - 1], b'\n' | b' ') {
            let mut line1 = start - 1;
            if line1 > 0 && bytes[start - 1] == b'\n' && bytes[line1 - 1] == b'\r' {
                line1 -= 1;
            }
            if let Some(l1) = line1.checked_sub(TD3) {
                let cand = &bytes[l1..line1];
                if cand.first() == Some(&b'P')
                    && cand.iter().all(|&b| b.is_ascii_uppercase() || b == b'<')
                    && (l1 == 0 || !is_mrz(bytes[l1 - 1]))
                {
                    first = l1;
                }
            }
        }
        out.push(Candidate {
            kind: Kind::Passport,
            start: first,
            end,
            score: Score::from_milli(MRZ),
            rule: "passport.mrz",
            validated: true,
        });
    }
}

/// The ICAO 9303 value of an MRZ character.
fn mrz_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The ICAO 9303 check digit (weights 7, 3, 1 repeating, modulo 10) over `chars`.
fn check_digit<'a>(chars: impl Iterator<Item = &'a u8>) -> Option<u32> {
    let mut sum = 0;
    for (i, &b) in chars.enumerate() {
        sum += mrz_value(b)? * [7, 3, 1][i % 3];
    }
    Some(sum % 10)
}

fn digit_is(b: u8, want: Option<u32>) -> bool {
    b.is_ascii_digit() && want == Some(u32::from(b - b'0'))
}

/// Validates a TD3 second line: document number, birth date, expiry, optional personal number and
/// the composite check digit, plus the fixed fields' shapes.
fn td3_line2_ok(l: &[u8]) -> bool {
    if l.len() != TD3 {
        return false;
    }
    let field_ok = |from: usize, to: usize| digit_is(l[to], check_digit(l[from..to].iter()));
    let nationality = l[10..13]
        .iter()
        .all(|&b| b.is_ascii_uppercase() || b == b'<');
    let dates =
        l[13..19].iter().all(u8::is_ascii_digit) && l[21..27].iter().all(u8::is_ascii_digit);
    let sex = matches!(l[20], b'M' | b'F' | b'X' | b'<');
    let doc_has_digit = l[0..9].iter().any(u8::is_ascii_digit);
    let personal_ok = if l[28..43].iter().all(|&b| b == b'<') {
        true
    } else {
        field_ok(28, 42)
    };
    let composite = l[0..10].iter().chain(&l[13..20]).chain(&l[21..43]);
    nationality
        && dates
        && sex
        && doc_has_digit
        && field_ok(0, 9)
        && field_ok(13, 19)
        && field_ok(21, 27)
        && personal_ok
        && digit_is(l[43], check_digit(composite))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    fn with_context(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.into_iter()
            .filter_map(|c| {
                crate::detect::context::apply(
                    hay.text,
                    c,
                    crate::detect::context::Support::only(CONTEXT),
                    true,
                )
            })
            .map(|(c, _)| &text[c.start..c.end])
            .collect()
    }

    fn mrz(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan_mrz(&hay, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    // Plain numbers are synthetic shapes. The MRZ is the ICAO Doc 9303 part 4 specimen
    // (Anna Maria Eriksson, Utopia).
    const SPECIMEN_1: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const SPECIMEN_2: &str = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    #[test]
    fn country_shapes() {
        for (text, want) in [
            ("passport no. 123456789", "123456789"),
            ("US passport A12345678", "A12345678"),
            ("Reisepass C01X00T47", "C01X00T47"),
            ("numéro de passeport 12AB34567", "12AB34567"),
            ("pasaporte XAB123456", "XAB123456"),
            ("passaporto YA1234567", "YA1234567"),
            ("paspoortnummer NPFH12345", "NPFH12345"),
            ("passaporte CZ123456", "CZ123456"),
            ("passport J1234567", "J1234567"),
            // Russian internal passports (synthetic series and numbers).
            ("My passport number is 20 03 322453.", "20 03 322453"),
            ("паспорт 4510 123456", "4510 123456"),
        ] {
            assert_eq!(with_context(text), [want], "{text}");
        }
    }

    #[test]
    fn context_is_required_and_shapes_are_checked() {
        assert!(with_context("code A12345678 here").is_empty());
        for text in [
            "passport 12345",                   // too short
            "passport 1234567890",              // too long
            "passport ABCDEFGHI",               // no digit
            "passport a12345678",               // lower case
            "passport COVID19",                 // a word with a number
            "passport issued 20190501",         // a date
            "passport issued 01052019",         // a date
            "passport issued 2019-05-01",       // a date
            "passport expires 01.05.2030",      // a date
            "passport fee 1,299.00",            // a price
            "passport office +44 20 7946 0958", // a phone number
            "passport ref ORD-123456789",       // glued to another token
            "passport 550e8400-e29b-41d4",      // UUID fragment
            "passport v1.2.3.4",                // a version
            "passport 20 03 3224",              // a series without its number
            "passport 1 20 03 322453",          // a longer run
            "passport 20-03-322453",            // not how it is written
        ] {
            assert!(
                with_context(text).is_empty(),
                "{text}: {:?}",
                with_context(text)
            );
        }
        assert!(found("1234567").is_empty()); // seven digits: no passport shape
    }

    #[test]
    fn mrz_check_digits() {
        let two = format!("{SPECIMEN_1}\n{SPECIMEN_2}");
        assert_eq!(mrz(&two), [two.as_str()]);
        assert_eq!(mrz(&format!("mrz: {SPECIMEN_2}.")), [SPECIMEN_2]);
        // Each check digit, off by one, fails.
        for pos in [9, 19, 27, 42, 43] {
            let mut bad = SPECIMEN_2.as_bytes().to_vec();
            bad[pos] = if bad[pos] == b'9' { b'0' } else { bad[pos] + 1 };
            let bad = String::from_utf8(bad).expect("ascii");
            assert!(mrz(&bad).is_empty(), "check digit at {pos}");
        }
        // A changed document number character fails its check digit.
        assert!(mrz(&SPECIMEN_2.replacen("L898", "L899", 1)).is_empty());
        assert!(mrz(&SPECIMEN_2[..43]).is_empty());
        assert!(mrz(SPECIMEN_1).is_empty());
    }
}

//! Vehicle identification numbers (ISO 3779; the check digit of 49 CFR 565.15): 17 letters and
//! digits without `I`, `O` and `Q`, whose ninth character is a weighted mod-11 check over the
//! others (`X` for 10). A vehicle's number identifies its keeper through the registration, so it
//! is personal data. Only VINs with a valid check digit are reported — North American ones carry
//! it; European VINs need not, and are left out (a random 17-character code passes one time in
//! eleven) — and only next to a vehicle word (`VIN`, `Fahrgestellnummer`, `bastidor` …).

use super::shape::{ascii_upper, candidate, isolated};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "vin",
    "vehicle identification number",
    "vehicle id",
    "chassis number",
    "fahrgestellnummer",
    "fahrzeug-identifizierungsnummer",
    "fahrzeugidentifikationsnummer",
    "numéro d'identification du véhicule",
    "numéro de châssis",
    "número de bastidor",
    "bastidor",
    "número de chasis",
    "numero di telaio",
    "telaio",
    "chassisnummer",
    "número do chassi",
    "chassi",
];

/// The weight of each position in the check sum (the ninth, the check digit itself, weighs 0).
const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// The value of a VIN character: a digit its own, a letter by the standard's transliteration;
/// `None` for `I`, `O`, `Q` and anything else.
fn value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'H' => Some(u32::from(b - b'A') + 1),
        b'J'..=b'N' => Some(u32::from(b - b'J') + 1),
        b'P' => Some(7),
        b'R' => Some(9),
        b'S'..=b'Z' => Some(u32::from(b - b'S') + 2),
        _ => None,
    }
}

/// True for a VIN (upper case) whose check digit holds, with letters and digits both present
/// (`11111111111111111` passes the sum but is no vehicle's number).
pub(crate) fn vin_valid(v: &[u8]) -> bool {
    if v.len() != 17 || !v.iter().any(u8::is_ascii_digit) || !v.iter().any(u8::is_ascii_uppercase) {
        return false;
    }
    let mut sum = 0;
    for (&b, &w) in v.iter().zip(&WEIGHTS) {
        let Some(x) = value(b) else {
            return false;
        };
        sum += x * w;
    }
    let check = match sum % 11 {
        10 => b'X',
        d => b'0' + d as u8,
    };
    v.get(8) == Some(&check)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    for w in &hay.words {
        if w.len() != 17 || w.digits == 0 || !isolated(bytes, w.start, w.end) {
            continue;
        }
        let Some(raw) = bytes.get(w.start..w.end) else {
            continue;
        };
        let upper: [u8; 17] = ascii_upper(raw);
        if vin_valid(&upper) {
            out.push(candidate(
                Kind::Vin,
                w.start,
                w.end,
                600,
                "vin.check_digit",
                true,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{pipeline, spans_found};

    #[test]
    fn check_digits() {
        // Published examples: 49 CFR 565's worked VIN style numbers as quoted by the NHTSA VIN
        // decoder documentation and Wikipedia's "Vehicle identification number" article.
        for vin in [
            "1HGCM82633A004352",
            "1M8GDM9AXKP042788",
            "5YJSA1DG9DFP14705",
        ] {
            assert!(vin_valid(vin.as_bytes()), "{vin}");
        }
        for vin in [
            "1HGCM82643A004352", // check digit changed
            "1HGCM82633A00435",  // 16 characters
            "1HGCM8263IA004352", // I is never used
            "WVWZZZ1JZXW000001", // European: no check digit
            "11111111111111111", // passes the sum, no letter
        ] {
            assert!(!vin_valid(vin.as_bytes()), "{vin}");
        }
    }

    #[test]
    fn words_of_seventeen() {
        assert_eq!(
            spans_found("VIN 1HGCM82633A004352.", scan),
            ["1HGCM82633A004352"]
        );
        assert_eq!(
            spans_found("vin: 1hgcm82633a004352", scan),
            ["1hgcm82633a004352"]
        );
        assert!(spans_found("x1HGCM82633A004352", scan).is_empty());
        assert!(spans_found("1HGCM82633A0043521", scan).is_empty());
    }

    #[test]
    fn only_with_a_vehicle_word() {
        assert_eq!(
            pipeline("My car's VIN is 1HGCM82633A004352, can you check the recall?"),
            [(Kind::Vin, "1HGCM82633A004352")]
        );
        assert_eq!(
            pipeline("Fahrgestellnummer: 5YJSA1DG9DFP14705"),
            [(Kind::Vin, "5YJSA1DG9DFP14705")]
        );
        assert!(pipeline("order 1HGCM82633A004352 shipped").is_empty());
    }
}

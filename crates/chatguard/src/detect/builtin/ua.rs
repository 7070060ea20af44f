//! Ukrainian individual taxpayer number (РНОКПП, реєстраційний номер облікової картки платника
//! податків, also called ІПН or ідентифікаційний код): ten digits, the first five the days from
//! 31 December 1899 to the birth date, the ninth the sex, the tenth a check digit over weights
//! −1-5-7-9-4-6-10-5-7 mod 11 (10 becomes 0).
//!
//! The day count takes any value, so about one random ten-digit number in ten passes: reported
//! only next to a context word (rule `ua_rntrc.mod11`).

use super::shape::{candidate, dig, each_spot, Grouping};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "рнокпп",
    "іпн",
    "ідентифікаційний код",
    "ідентифікаційний номер",
    "ідентифікаційного номера",
    "ідентифікаційного коду",
    "податковий номер",
    "податкового номера",
    "код платника податків",
    "идентификационный код",
    "идентификационный номер",
    "rnokpp",
    "rntrc",
    "ukrainian",
    "ukraine",
    "україна",
    "україни",
    "українськ",
    "украин",
    "ukrainisch",
    "ukrainien",
    "ucrania",
    "ucraniano",
    "ucraina",
    "ucraino",
    "oekraïne",
    "oekraïens",
    "ucrânia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "tax number",
    "tax id",
    "taxpayer number",
    "tax identification number",
    "steuernummer",
    "steuer-id",
    "numéro fiscal",
    "número fiscal",
    "numero fiscale",
    "fiscaal nummer",
    "national id",
    "id number",
    "identification number",
];

const SHAPE: Grouping = Grouping {
    len: 10,
    layouts: &[],
    seps: b"",
};

/// Checks ten ASCII digits: the check digit. The weight −1 of the first digit is 10 mod 11.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    weighted_sum(d, &[10, 5, 7, 9, 4, 6, 10, 5, 7]) % 11 % 10 == dig(d, 9)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(candidate(
            Kind::UaRntrc,
            spot.start,
            spot.end,
            400,
            "ua_rntrc.mod11",
            true,
        ));
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{not_reported, pipeline, spans_found};

    #[test]
    fn known_answers() {
        // From python-stdnum 2.2's ua.rntrc documentation.
        assert!(is_valid(b"1759013776"));
        assert!(!is_valid(b"1759013770"));
        assert!(is_valid(b"2530414071")); // its format() example, spaces removed
        assert!(!is_valid(b"12345"));
        // Synthetic, generated and checked with python-stdnum (ua.rntrc.calc_check_digit).
        for v in [
            "4628194820",
            "1993518190",
            "0937865794",
            "7543231946",
            "8757491182",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        assert!(!is_valid(b"4628194821"));
        assert!(!is_valid(b"1993518191"));
    }

    #[test]
    fn found_after_a_tax_number_word_only() {
        // Synthetic values of the form Faker's uk_UA ssn() writes.
        assert_eq!(spans_found("РНОКПП: 4628194820", scan), ["4628194820"]);
        assert!(spans_found("РНОКПП: 4628194821", scan).is_empty());
        for text in [
            "Мій РНОКПП 4628194820.",
            "ІПН: 4628194820",
            "Ідентифікаційний код 4628194820",
            "My Ukrainian tax number is 4628194820",
        ] {
            assert_eq!(pipeline(text), [(Kind::UaRntrc, "4628194820")], "{text}");
        }
        not_reported(
            Kind::UaRntrc,
            &[
                "4628194820",
                "Order 4628194820 shipped",
                "Замовлення 4628194820",
            ],
        );
    }
}

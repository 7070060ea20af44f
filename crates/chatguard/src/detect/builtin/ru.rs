//! Russian identifiers: the insurance number of individual ledger accounts (СНИЛС, SNILS) and
//! the taxpayer identification number (ИНН, INN).
//!
//! SNILS: eleven digits `123-456-789 01`, nine digits then two check digits, the sum of the nine
//! weighted 9…1 taken mod 101 (100 becomes 00). INN: twelve digits for a person (two check digits,
//! weights 7-2-4-10-3-5-9-4-6-8 and 3-7-2-4-10-3-5-9-4-6-8 mod 11 mod 10), ten for an organisation
//! (one, weights 2-4-10-3-5-9-4-6-8), as python-stdnum's `ru.inn`.
//!
//! About one random number in a hundred passes either SNILS or a personal INN, one in ten an
//! organisation's INN: reported only next to a word naming the format or Russia (rules
//! `ru_snils.mod101`, `ru_inn.mod11`). Words any country's numbers share (`tax number`, `TIN`,
//! `insurance number`) are not enough: a Polish NIP or a Ukrainian РНОКПП after `tax ID` passes
//! the organisation's check as often, and took their findings over in a Faker stress test.

use super::shape::{candidate, each_spot, num, Grouping};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const SNILS_CONTEXT: &[&str] = &[
    "снилс",
    "snils",
    "страховой номер",
    "страхового номера",
    "страховое свидетельство",
    "страхового свидетельства",
    "пенсионного страхования",
    "russia",
    "росси",
    "russland",
    "russisch",
    "russie",
    "rusia",
    "ruso",
    "rusland",
    "rússia",
];

pub(crate) const INN_CONTEXT: &[&str] = &[
    "инн",
    "inn",
    "номер налогоплательщика",
    "russia",
    "росси",
    "russland",
    "russisch",
    "russie",
    "rusia",
    "ruso",
    "rusland",
    "rússia",
];

const SNILS: Grouping = Grouping {
    len: 11,
    layouts: &[&[3, 3, 3, 2]],
    seps: b" -",
};

/// Checks eleven ASCII digits: the two SNILS check digits.
pub(crate) fn snils_is_valid(d: &[u8]) -> bool {
    d.len() == 11
        && d.iter().all(u8::is_ascii_digit)
        && weighted_sum(d, &[9, 8, 7, 6, 5, 4, 3, 2, 1]) % 101 % 100 == num(&d[9..])
}

/// Checks ten or twelve ASCII digits: the INN check digits, each the weighted sum of the digits
/// before it (the last weights of `WEIGHTS`) mod 11 mod 10.
pub(crate) fn inn_is_valid(d: &[u8]) -> bool {
    const WEIGHTS: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    let check = |n: usize| {
        weighted_sum(&d[..n], &WEIGHTS[11 - n..]) % 11 % 10 == u32::from(d[n].wrapping_sub(b'0'))
    };
    d.iter().all(u8::is_ascii_digit)
        && match d.len() {
            10 => check(9),
            12 => check(10) && check(11),
            _ => false,
        }
}

pub(crate) fn scan_snils(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SNILS, |spot| {
        if !snils_is_valid(spot.digits) {
            return false;
        }
        out.push(candidate(
            Kind::RuSnils,
            spot.start,
            spot.end,
            450,
            "ru_snils.mod101",
            true,
        ));
        true
    });
}

pub(crate) fn scan_inn(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    for len in [10, 12] {
        let shape = Grouping {
            len,
            layouts: &[],
            seps: b"",
        };
        each_spot(hay, &shape, |spot| {
            if !inn_is_valid(spot.digits) {
                return false;
            }
            out.push(candidate(
                Kind::RuInn,
                spot.start,
                spot.end,
                400,
                "ru_inn.mod11",
                true,
            ));
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{pipeline, spans_found};

    #[test]
    fn snils_known_answers() {
        // The example of the Pension Fund's rules (and Wikipedia): 112-233-445 95.
        assert!(snils_is_valid(b"11223344595"));
        assert!(!snils_is_valid(b"11223344596"));
        // Synthetic, from Faker 40.54 ru_RU snils() (its checksum: the sum mod 101, 100 → 00).
        for v in [
            "14427251040",
            "61117800344",
            "90992504842",
            "86142554911",
            "06776043793",
        ] {
            assert!(snils_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!snils_is_valid(b"14427251041"));
        assert!(!snils_is_valid(b"1442725104"));
        // A weighted sum of 100 gives 00 (synthetic digits: 9·9 + 9·2 + 1·1 = 100).
        assert!(snils_is_valid(b"90000009100"));
        assert!(!snils_is_valid(b"90000009199"));
    }

    #[test]
    fn inn_known_answers() {
        // From python-stdnum 2.2's ru.inn documentation.
        assert!(inn_is_valid(b"123456789047"));
        assert!(inn_is_valid(b"1234567894"));
        assert!(!inn_is_valid(b"123456789037"));
        assert!(!inn_is_valid(b"1234567895"));
        // Synthetic, from Faker 40.54 ru_RU individuals_inn() and businesses_inn(), checked with
        // python-stdnum.
        for v in ["187388859901", "093312364768", "1873082729", "3316649380"] {
            assert!(inn_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!inn_is_valid(b"187388859902"));
        assert!(!inn_is_valid(b"12345678904"));
    }

    #[test]
    fn found_after_a_context_word_only() {
        // Synthetic values (Faker ru_RU snils(), individuals_inn(), businesses_inn()).
        assert_eq!(
            spans_found("СНИЛС: 144-272-510 40", scan_snils),
            ["144-272-510 40"]
        );
        assert!(spans_found("СНИЛС: 14427251041", scan_snils).is_empty());
        for (text, kind, value) in [
            ("Мой СНИЛС 14427251040.", Kind::RuSnils, "14427251040"),
            ("СНИЛС: 144-272-510 40", Kind::RuSnils, "144-272-510 40"),
            (
                "My SNILS is 144-272-510-40",
                Kind::RuSnils,
                "144-272-510-40",
            ),
            ("Страховой номер 14427251040", Kind::RuSnils, "14427251040"),
            ("Мой ИНН 187388859901", Kind::RuInn, "187388859901"),
            ("ИНН организации: 1873082729", Kind::RuInn, "1873082729"),
            ("My INN is 187388859901", Kind::RuInn, "187388859901"),
        ] {
            assert_eq!(pipeline(text), [(kind, value)], "{text}");
        }
        for text in [
            "14427251040",
            "Order 14427251040 shipped",
            "Заказ 187388859901",
            "Invoice 1873082729",
            "ИНН 187388859902",
        ] {
            assert!(
                !pipeline(text)
                    .iter()
                    .any(|(k, _)| matches!(k, Kind::RuSnils | Kind::RuInn)),
                "{text}"
            );
        }
    }
}

//! Taiwan national identification number (國民身分證統一編號) and the resident certificate
//! number of the same form (居留證統一證號, since 2021): an upper-case letter for the place of
//! registration, `1` or `2` (citizens) or `8` or `9` (residents), seven digits and a check digit.
//! The letter counts as the two digits of its number (A=10, B=11 … H=17, I=34, J=18 … N=22, O=35,
//! P=23 … V=29, W=32, X=30, Y=31, Z=33); over those two digits and the nine others the weights
//! 1-9-8-7-6-5-4-3-2-1-1 must sum to a multiple of ten.
//!
//! One check digit mod 10 over a letter and nine digits, the shape of many product and part
//! codes: reported only next to a context word (rule `tw_id.mod10`).

use super::shape::{candidate, standalone};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "身分證",
    "身份證",
    "身分證字號",
    "統一編號",
    "統一證號",
    "居留證",
    "國民身分證",
    "taiwan",
    "taiwanese",
    "台灣",
    "臺灣",
    "中華民國",
    "taiwanesisch",
    "taïwan",
    "taïwanais",
    "taiwanés",
    "taiwán",
    "taiwanese",
    "taiwanees",
    "taiwanês",
    "roc id",
    "arc number",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "national id",
    "id number",
    "identity number",
    "identification number",
    "id card",
    "ssn",
    "personalausweis",
    "numéro d'identité",
    "número de identidad",
    "numero di identità",
    "identiteitsnummer",
    "número de identidade",
];

/// The two-digit number of each letter A–Z.
const LETTER_VALUES: [u32; 26] = [
    10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30,
    31, 33,
];

/// Checks ten ASCII characters: an upper-case letter, `1`, `2`, `8` or `9`, eight digits and the
/// weighted sum.
pub(crate) fn is_valid(c: &[u8]) -> bool {
    if c.len() != 10
        || !c[0].is_ascii_uppercase()
        || !matches!(c[1], b'1' | b'2' | b'8' | b'9')
        || !c[1..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let letter = LETTER_VALUES[usize::from(c[0] - b'A')];
    let sum = letter / 10 + letter % 10 * 9 + weighted_sum(&c[1..], &[8, 7, 6, 5, 4, 3, 2, 1, 1]);
    sum % 10 == 0
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for word in &hay.words {
        if word.len() != 10 || word.digits != 9 {
            continue;
        }
        if is_valid(&bytes[word.start..word.end]) && standalone(&bytes, word.start, word.end, false)
        {
            out.push(candidate(
                Kind::TwId,
                word.start,
                word.end,
                450,
                "tw_id.mod10",
                true,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{not_reported, pipeline, spans_found};

    #[test]
    fn known_answers() {
        // The example printed on the Ministry of the Interior's specimen card and in many
        // textbooks of the algorithm.
        assert!(is_valid(b"A123456789"));
        assert!(!is_valid(b"A123456788"));
        assert!(!is_valid(b"A323456789")); // neither 1, 2, 8 nor 9
        assert!(!is_valid(b"a123456789"));
        // Synthetic, written by Faker's zh_TW ssn() (seed 5) and checked with its checksum().
        for v in [
            "T258073027",
            "D273681933",
            "A164262121",
            "T222003326",
            "F253832365",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        assert!(!is_valid(b"T258073028"));
        assert!(!is_valid(b"D273681934"));
        // Synthetic resident numbers of the 2021 form (8 or 9), checked the same way.
        assert!(is_valid(b"F829141777"));
        assert!(is_valid(b"Y976317065"));
        assert!(!is_valid(b"Y976317066"));
    }

    #[test]
    fn found_after_an_id_word_only() {
        assert_eq!(spans_found("身分證字號：A164262121", scan), ["A164262121"]);
        assert!(spans_found("身分證字號：A164262122", scan).is_empty());
        assert!(spans_found("身分證字號：XA164262121", scan).is_empty());
        for text in [
            "我的身分證字號是A164262121。",
            "身分證 T258073027",
            "My Taiwan ID is D273681933",
        ] {
            let value = text
                .trim_end_matches('。')
                .rsplit([' ', '是'])
                .next()
                .unwrap();
            assert_eq!(pipeline(text), [(Kind::TwId, value)], "{text}");
        }
        not_reported(
            Kind::TwId,
            &[
                "A164262121",
                "Order A164262121 shipped",
                "Part number T258073027",
            ],
        );
    }
}

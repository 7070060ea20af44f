//! Turkish identity number (T.C. Kimlik No): eleven digits, the first not zero, and two check
//! digits: the tenth is `(7 × (d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10`, the eleventh the sum of
//! the first ten mod 10.
//!
//! Two check digits leave about one random eleven-digit number in a hundred: strong enough to
//! report without context at a modest score, which a context word raises.

use super::shape::{dig, each_spot, Grouping};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "tc kimlik",
    "t.c. kimlik",
    "t.c kimlik",
    "tckn",
    "tc no",
    "kimlik no",
    "kimlik numarası",
    "kimlik numaram",
    "kimlik numarasi",
    "nüfus",
    "nufus",
    "turkish id",
    "kimlik",
    "turkish",
    "turkey",
    "türkiye",
    "türk",
    "türkei",
    "türkisch",
    "turquie",
    "turc",
    "turquía",
    "turco",
    "turchia",
    "turkije",
    "turks",
    "turquia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "national id",
    "id number",
    "identity number",
    "identification number",
    "personalausweis",
    "identifikationsnummer",
    "numéro d'identité",
    "numéro d'identification",
    "número de identidad",
    "número de identificación",
    "numero di identità",
    "numero di identificazione",
    "identiteitsnummer",
    "número de identidade",
    "número de identificação",
];

const SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[&[3, 3, 3, 2]],
    seps: b" ",
};

/// Checks eleven ASCII digits: no leading zero and both check digits.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) || d[0] == b'0' {
        return false;
    }
    let odd: u32 = [0, 2, 4, 6, 8].iter().map(|&i| dig(d, i)).sum();
    let even: u32 = [1, 3, 5, 7].iter().map(|&i| dig(d, i)).sum();
    // 7·odd − even, kept non-negative: even ≤ 36 < 40.
    let c10 = (odd * 7 + 40 - even) % 10;
    let c11 = (0..10).map(|i| dig(d, i)).sum::<u32>() % 10;
    c10 == dig(d, 9) && c11 == dig(d, 10)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::TrTckn,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(600),
            rule: "tr_tckn.checksum",
            validated: true,
        });
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    #[test]
    fn known_answers() {
        // From python-stdnum's tr.tckimlik documentation.
        assert!(is_valid(b"17291716060"));
        assert!(!is_valid(b"17291716050"));
        assert!(!is_valid(b"1729171606"));
        assert!(!is_valid(b"07291716092"));
        // Synthetic, generated with python-stdnum (tr.tckimlik.calc_check_digits).
        for v in [
            "27662673830",
            "57519645888",
            "31383190378",
            "44998235228",
            "27351701714",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        // Off by one in either check digit.
        assert!(!is_valid(b"17291716061"));
        assert!(!is_valid(b"17291716070"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(found("TC Kimlik No: 17291716060"), ["17291716060"]);
        assert_eq!(found("kimlik 172 917 160 60."), ["172 917 160 60"]);
        assert!(found("17291716050").is_empty());
        assert!(found("+17291716060").is_empty());
        assert!(found("1729-1716-060").is_empty());
    }
}

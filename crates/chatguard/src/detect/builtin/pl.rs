//! Polish PESEL: eleven digits `YYMMDDZZZXQ` with the birth date (century encoded in the month:
//! +0 for 1900–1999, +20 for 2000–2099) and a check digit with weights 1-3-7-9.
//!
//! The 1800s (+80) and 2100s+ (+40, +60) month offsets are valid in the scheme but nobody alive
//! carries them; accepting them would only let more phone numbers through (a Chinese mobile
//! `138…` reads as month 81), so they are refused.
//!
//! Polish tax identification number (Numer Identyfikacji Podatkowej, NIP): ten digits, written
//! bare, `123-456-78-90` or `123-45-67-890`, the last a check digit over weights 6-5-7-2-3-4-5-6-7
//! mod 11 (never 10), the check of the Polish VAT number (`PL` + NIP, which the VAT recognizer
//! reports). One random ten-digit number in eleven passes: reported only next to a context word
//! (rule `pl_nip.mod11`).
//!
//! Polish statistical number of economic units (REGON): nine digits, the last a check digit over
//! weights 8-9-2-3-4-5-6-7 mod 11 mod 10; a local unit's fourteen digits are its parent's nine, four
//! more and a check digit over weights 2-4-8-5-0-9-7-3-6-1-2-4-8. Reported only next to a REGON
//! word (rule `pl_regon.mod11`): not after the country's name, since Polish phone numbers have
//! nine digits too.

use super::shape::{
    all_same, candidate, dig, each_spot, num, scan_with, valid_date, Grouping, Layouts, Report,
};
use super::vat;
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "pesel",
    "numer pesel",
    "numer ewidencyjny",
    "dowód",
    "dowod",
    "polish",
    "poland",
    "polska",
    "polski",
    "polen",
    "polnisch",
    "pologne",
    "polonais",
    "polonia",
    "polaco",
    "polacco",
    "pools",
    "polónia",
    "polonês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "national id",
    "id number",
    "identity number",
    "personal number",
    "identification number",
    "personalausweis",
    "ausweisnummer",
    "identifikationsnummer",
    "numéro d'identification",
    "numéro national",
    "número de identificación",
    "documento de identidad",
    "numero di identificazione",
    "codice identificativo",
    "identificatienummer",
    "persoonsnummer",
    "número de identificação",
];

pub(crate) const NIP_CONTEXT: &[&str] = &[
    "nip",
    "n.i.p",
    "numer identyfikacji podatkowej",
    "identyfikacji podatkowej",
    "numer podatkowy",
    "polish",
    "poland",
    "polsk",
    "polen",
    "polnisch",
    "pologne",
    "polonais",
    "polonia",
    "polaco",
    "polacco",
    "pools",
    "polónia",
    "polonês",
];

const SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[],
    seps: b"",
};

/// Checks eleven ASCII digits: embedded date (1900–2099) and the 1-3-7-9 check digit.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let yy = num(&d[0..2]);
    let mm = num(&d[2..4]);
    let dd = num(&d[4..6]);
    let (year, month) = match mm {
        1..=12 => (1900 + yy, mm),
        21..=32 => (2000 + yy, mm - 20),
        _ => return false,
    };
    if !valid_date(year, month, dd) {
        return false;
    }
    let sum = weighted_sum(&d[..10], &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
    (10 - sum % 10) % 10 == dig(d, 10)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::PlPesel,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(600),
            rule: "pl_pesel.checksum",
            validated: true,
        });
        true
    });
}

pub(crate) const REGON_CONTEXT: &[&str] = &[
    "regon",
    "rejestr gospodarki narodowej",
    "numer statystyczny",
];

const NIP: Grouping = Grouping {
    len: 10,
    layouts: &[&[3, 3, 2, 2], &[3, 2, 2, 3]],
    seps: b"- ",
};

/// Ten ASCII digits that pass the NIP check (all the same digit do, and are no number).
pub(crate) fn nip_is_valid(d: &[u8]) -> bool {
    !all_same(d) && vat::pl(d)
}

pub(crate) fn scan_nip(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    each_spot(hay, &NIP, |spot| {
        if !nip_is_valid(spot.digits) || vat::follows_prefix(bytes, spot.start, &[*b"PL"]) {
            return false;
        }
        out.push(candidate(
            Kind::PlNip,
            spot.start,
            spot.end,
            400,
            "pl_nip.mod11",
            true,
        ));
        true
    });
}

/// Nine or fourteen ASCII digits that pass the REGON check digits (a local unit's first nine are
/// a REGON of their own).
pub(crate) fn regon_is_valid(d: &[u8]) -> bool {
    let check = |n: usize, weights: &[u32]| weighted_sum(d, weights) % 11 % 10 == dig(d, n);
    let nine = || check(8, &[8, 9, 2, 3, 4, 5, 6, 7]);
    !all_same(d)
        && d.iter().all(u8::is_ascii_digit)
        && match d.len() {
            9 => nine(),
            14 => nine() && check(13, &[2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]),
            _ => false,
        }
}

pub(crate) fn scan_regon(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::PlRegon,
        milli: 400,
        rule: "pl_regon.mod11",
    };
    let layouts = const { Layouts::new(&["ddddddddd", "dddddddddddddd"]) };
    scan_with(hay, out, &layouts, regon_is_valid, &report);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    #[test]
    fn known_answers() {
        // 44051401359: the example in python-stdnum's pl.pesel documentation (and Wikipedia).
        assert!(is_valid(b"44051401359"));
        assert!(!is_valid(b"44051401358")); // wrong check digit
        assert!(!is_valid(b"4405140135")); // too short
                                           // Synthetic, generated with python-stdnum (pl.pesel.calc_check_digit).
        for v in [
            "17220481177",
            "97282634397",
            "12211499522",
            "97320937482",
            "75020104162",
            "83212235488",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        // Off-by-one on the check digit.
        assert!(!is_valid(b"17220481178"));
        assert!(!is_valid(b"17220481176"));
        // Valid checksum but impossible date (month 13, Feb 30).
        assert!(!is_valid(b"44130100007"));
        assert!(!is_valid(b"99023012343"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(found("Mój PESEL: 44051401359."), ["44051401359"]);
        assert_eq!(found("44051401359"), ["44051401359"]);
        assert!(found("Mój PESEL: 44051401358").is_empty());
        assert!(found("ref A44051401359").is_empty());
        assert!(found("call +44051401359").is_empty());
        assert!(found("id 1.44051401359").is_empty());
        assert!(found("order 12345678901 shipped").is_empty());
    }

    #[test]
    fn nip_known_answers() {
        // From python-stdnum 2.2's pl.nip documentation.
        assert!(nip_is_valid(b"8567346215"));
        assert!(!nip_is_valid(b"8567346216"));
        // Synthetic, from Faker 40.54 pl_PL nip(), checked with python-stdnum (pl.nip).
        for v in ["2539141774", "6596317066", "6159074393", "2165000807"] {
            assert!(nip_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!nip_is_valid(b"2539141775"));
        assert!(!nip_is_valid(b"0000000000"));
        assert!(!nip_is_valid(b"253914177"));
    }

    #[test]
    fn nip_found_after_a_context_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        // Synthetic values of the form Faker's pl_PL nip() writes; the grouped forms of
        // python-stdnum's pl.nip.format and of Polish invoices.
        for (text, value) in [
            ("NIP: 2539141774", "2539141774"),
            ("Mój NIP to 856-734-62-15.", "856-734-62-15"),
            ("NIP 856-73-46-215", "856-73-46-215"),
            ("Our Polish tax number is 2539141774", "2539141774"),
        ] {
            assert_eq!(pipeline(text), [(Kind::PlNip, value)], "{text}");
        }
        not_reported(
            Kind::PlNip,
            &["2539141774", "Order 2539141774 shipped", "NIP: 2539141775"],
        );
        let found = pipeline("NIP: PL 8567346215");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::EuVat);
    }

    #[test]
    fn regon_known_answers() {
        // From python-stdnum 2.2's pl.regon documentation.
        assert!(regon_is_valid(b"192598184"));
        assert!(regon_is_valid(b"123456785"));
        assert!(!regon_is_valid(b"192598183"));
        assert!(regon_is_valid(b"12345678512347"));
        assert!(!regon_is_valid(b"12345678612342")); // first check digit
        assert!(!regon_is_valid(b"12345678512348")); // last check digit

        // Synthetic, from Faker 40.54 pl_PL regon() and local_regon(), checked with python-stdnum.
        for v in ["179141776", "616317065", "17914177676318", "63066907243912"] {
            assert!(regon_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!regon_is_valid(b"000000000"));
        assert!(!regon_is_valid(b"1234567851"));
    }

    #[test]
    fn regon_found_after_a_regon_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for (text, value) in [
            ("REGON: 192598184", "192598184"),
            ("Numer REGON firmy 17914177676318.", "17914177676318"),
            ("Our REGON is 179141776", "179141776"),
        ] {
            assert_eq!(pipeline(text), [(Kind::PlRegon, value)], "{text}");
        }
        not_reported(
            Kind::PlRegon,
            &[
                "192598184",
                "Order 192598184 shipped",
                "REGON: 192598183",
                "Polish number 192598184",
            ],
        );
    }
}

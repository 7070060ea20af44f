//! Greek social security number (Αριθμός Μητρώου Κοινωνικής Ασφάλισης, AMKA): eleven digits
//! `DDMMYYSSSSC`, the birth date (century not encoded), four serial digits (the last gives the
//! sex) and a Luhn check digit over all eleven.
//!
//! A date plus one Luhn digit pass about one random eleven-digit number in three hundred, and
//! plain eleven-digit runs are common (phone numbers, references): reported only next to a
//! context word (rule `gr_amka.luhn`).
//!
//! Greek tax identification number (Αριθμός Φορολογικού Μητρώου, ΑΦΜ): nine digits, the last a
//! check digit (the eight before it weighted by powers of two, mod 11 mod 10), the check of the
//! Greek VAT number (`EL` + ΑΦΜ, which the VAT recognizer reports). One random nine-digit number
//! in ten passes: reported only next to a context word (rule `gr_afm.mod11`).

use super::shape::{all_same, candidate, each_spot, num, valid_date_yy, Grouping};
use super::vat;
use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "amka",
    "αμκα",
    "α.μ.κ.α",
    "αριθμός μητρώου",
    "μητρώου κοινωνικής ασφάλισης",
    "κοινωνικής ασφάλισης",
    "greek",
    "greece",
    "ελλάδα",
    "ελληνικ",
    "griechenland",
    "griechisch",
    "grèce",
    "grec",
    "griego",
    "griekenland",
    "grieks",
    "grécia",
    "grego",
];

/// Words naming a class of numbers this format shares with others (see `context`). Not Spanish
/// `seguridad social`: eleven digits after it are a Mexican NSS (whose Luhn check every AMKA
/// passes) far more often than a Greek number described in Spanish without naming it.
pub(crate) const GENERIC: &[&str] = &[
    "social security",
    "ssn",
    "insurance number",
    "sozialversicherungsnummer",
    "sécurité sociale",
    "previdenza sociale",
    "sociale zekerheid",
    "segurança social",
    "national id",
    "id number",
];

pub(crate) const AFM_CONTEXT: &[&str] = &[
    "αφμ",
    "α.φ.μ",
    "afm",
    "a.f.m",
    "αριθμός φορολογικού μητρώου",
    "αριθμό φορολογικού μητρώου",
    "φορολογικού μητρώου",
    "φορολογικό μητρώο",
    "greek",
    "greece",
    "ελλάδα",
    "ελληνικ",
    "griech",
    "grèce",
    "grec",
    "griego",
    "grieken",
    "grieks",
    "grécia",
    "grego",
];

const SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[],
    seps: b"",
};

/// Checks eleven ASCII digits: a `DDMMYY` date and the Luhn check over all of them.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    d.len() == 11
        && d.iter().all(u8::is_ascii_digit)
        && valid_date_yy(num(&d[4..6]), num(&d[2..4]), num(&d[0..2]))
        && luhn(d)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        out.push(candidate(
            Kind::GrAmka,
            spot.start,
            spot.end,
            450,
            "gr_amka.luhn",
            true,
        ));
        true
    });
}

const AFM: Grouping = Grouping {
    len: 9,
    layouts: &[],
    seps: b"",
};

/// Nine ASCII digits that pass the ΑΦΜ check (all zeros do, and are no number).
pub(crate) fn afm_is_valid(d: &[u8]) -> bool {
    d.len() == 9 && !all_same(d) && vat::el(d)
}

pub(crate) fn scan_afm(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    each_spot(hay, &AFM, |spot| {
        if !afm_is_valid(spot.digits) || vat::follows_prefix(bytes, spot.start, &[*b"EL", *b"GR"]) {
            return false;
        }
        out.push(candidate(
            Kind::GrAfm,
            spot.start,
            spot.end,
            400,
            "gr_afm.mod11",
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
        // From python-stdnum 2.2's gr.amka documentation.
        assert!(is_valid(b"01013099997"));
        assert!(!is_valid(b"01013099999")); // check digit
                                            // Synthetic, generated and checked with python-stdnum (luhn.calc_check_digit, gr.amka).
        for v in [
            "11035001814",
            "12100783013",
            "14070831863",
            "02101539092",
            "19070630827",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        assert!(!is_valid(b"11035001815"));
        assert!(!is_valid(b"12100783014"));
        // Luhn passes, the date (32 December) does not: python-stdnum rejects it too.
        assert!(!is_valid(b"32135012345"));
        assert!(!is_valid(b"0101309999"));
    }

    #[test]
    fn found_after_an_amka_word_only() {
        // Synthetic values of the form Faker's el_GR ssn() writes.
        assert_eq!(spans_found("ΑΜΚΑ: 11035001814", scan), ["11035001814"]);
        assert!(spans_found("ΑΜΚΑ: 110350018140", scan).is_empty());
        for text in [
            "Ο ΑΜΚΑ μου είναι 11035001814.",
            "My AMKA is 11035001814",
            "Αριθμός Μητρώου Κοινωνικής Ασφάλισης 11035001814",
        ] {
            assert_eq!(pipeline(text), [(Kind::GrAmka, "11035001814")], "{text}");
        }
        not_reported(
            Kind::GrAmka,
            &[
                "11035001814",
                "Order 11035001814 shipped",
                "Παραγγελία 11035001814",
            ],
        );
    }

    #[test]
    fn afm_known_answers() {
        // From python-stdnum 2.2's gr.vat documentation.
        assert!(afm_is_valid(b"094259216"));
        assert!(!afm_is_valid(b"123456781"));
        // Synthetic, from Faker 40.54 el_GR tin(), checked with python-stdnum (gr.vat).
        for v in ["229141775", "276317063", "369074399", "215000802"] {
            assert!(afm_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!afm_is_valid(b"229141776"));
        assert!(!afm_is_valid(b"000000000"));
        assert!(!afm_is_valid(b"22914177"));
    }

    #[test]
    fn afm_found_after_a_context_word_only() {
        // Synthetic values of the form Faker's el_GR tin() writes.
        assert_eq!(spans_found("ΑΦΜ: 229141775", scan_afm), ["229141775"]);
        assert!(spans_found("ΑΦΜ: 229141776", scan_afm).is_empty());
        for text in [
            "Ο ΑΦΜ μου είναι 229141775.",
            "Α.Φ.Μ. 229141775",
            "My AFM is 229141775",
            "Greek tax number: 229141775",
        ] {
            assert_eq!(pipeline(text), [(Kind::GrAfm, "229141775")], "{text}");
        }
        not_reported(
            Kind::GrAfm,
            &[
                "229141775",
                "Order 229141775 shipped",
                "Παραγγελία 229141775",
            ],
        );
        // With the VAT prefix it is one VAT number, not a second finding.
        for text in ["ΑΦΜ: EL 094259216", "AFM EL094259216", "ΑΦΜ GR-094259216"] {
            let found = pipeline(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, Kind::EuVat, "{text}");
        }
    }
}

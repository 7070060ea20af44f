//! Indian identifiers: Aadhaar (12 digits, Verhoeff check digit, UIDAI) and PAN (Permanent
//! Account Number, `AAAPA9999A`, Income Tax Department).
//!
//! Aadhaar's single check digit is weak over a 12-digit string, so it needs a context word. PAN
//! has **no public check character**: its last letter is assigned by the department with an
//! unpublished rule. The recognizer checks only the structure (five letters, four digits not all
//! zero, a letter; the fourth letter a holder type), reports `validated: false`, and needs a
//! context word.
//!
//! GSTIN (Goods and Services Tax identification number, `27AAPFU0939F1ZV`): a two-digit state
//! code (01–38 as in the GST state code list, 97 other territory, 99 centre jurisdiction), the
//! holder's PAN, an entity number (1–9, A–Z), `Z` and a Luhn mod 36 check character (CBIC;
//! python-stdnum's `in_.gstin`, whose state list stops at 37). Its layout and check character are
//! distinctive enough to report alone (rule `in_gstin.mod36`).
//!
//! EPIC (Electors Photo Identity Card, the voter id, `WKH1186253`): three letters and seven
//! digits, the last a Luhn check digit over the seven (python-stdnum's `in_.epic`). One random
//! such word in ten passes: reported only next to a voter-id word (rule `in_epic.luhn`).

use super::shape::{num, scan_cased_words, scan_layouts, Layouts, Report};
use crate::detect::checksum::{luhn, luhn_mod36, verhoeff};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const AADHAAR_CONTEXT: &[&str] = &[
    "aadhaar",
    "aadhar",
    "adhaar",
    "adhar",
    "uidai",
    "uid",
    "आधार",
    "unique identification",
    "india",
    "indien",
    "inde",
    "indian id",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const AADHAAR_GENERIC: &[&str] = &[
    "identity number",
    "id number",
    "identification number",
    "ausweisnummer",
    "identifikationsnummer",
    "numéro d'identité",
    "número de identificación",
    "numero di identificazione",
    "identiteitsnummer",
    "número de identidade",
];

pub(crate) const PAN_CONTEXT: &[&str] = &[
    "pan",
    "pan card",
    "pan no",
    "permanent account number",
    "income tax",
    "पैन",
    "स्थायी खाता संख्या",
    "nif",
    "india",
    "indien",
    "inde",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const PAN_GENERIC: &[&str] = &[
    "tax id",
    "taxpayer",
    "steuernummer",
    "numéro fiscal",
    "identifiant fiscal",
    "número fiscal",
    "codice fiscale",
    "fiscaal nummer",
];

pub(crate) const GSTIN_CONTEXT: &[&str] = &[
    "gstin",
    "gst",
    "goods and services tax",
    "जीएसटी",
    "india",
    "indien",
    "inde",
];

pub(crate) const EPIC_CONTEXT: &[&str] = &[
    "epic no",
    "epic number",
    "epic card",
    "epic id",
    "voter id",
    "voter card",
    "voter's id",
    "voters id",
    "voter identity",
    "elector",
    "election commission",
    "मतदाता",
    "वोटर",
];

const AADHAAR_LAYOUTS: Layouts =
    Layouts::new(&["dddd dddd dddd", "dddd-dddd-dddd", "dddddddddddd"]);

/// PAN holder types (4th character), as listed by the Income Tax Department; `K` is no longer
/// issued.
const PAN_HOLDER_TYPES: &[u8] = b"ABCFGHLJPT";

/// Checks a compact Aadhaar: 12 digits, first digit 2-9, not a palindrome, Verhoeff.
pub(crate) fn aadhaar_valid(d: &[u8]) -> bool {
    d.len() == 12
        && d.iter().all(u8::is_ascii_digit)
        && (b'2'..=b'9').contains(&d[0])
        && !d.iter().eq(d.iter().rev())
        && verhoeff(d)
}

/// Checks the structure of a PAN in upper case.
pub(crate) fn pan_structure(w: &[u8]) -> bool {
    w.len() == 10
        && w[..5].iter().all(u8::is_ascii_uppercase)
        && w[5..9].iter().all(u8::is_ascii_digit)
        && &w[5..9] != b"0000"
        && w[9].is_ascii_uppercase()
        && PAN_HOLDER_TYPES.contains(&w[3])
}

/// Checks an upper-case GSTIN: state code, embedded PAN, entity number, `Z`, check character.
pub(crate) fn gstin_valid(c: &[u8]) -> bool {
    c.len() == 15
        && c[..2].iter().all(u8::is_ascii_digit)
        && matches!(num(&c[..2]), 1..=38 | 97 | 99)
        && pan_structure(&c[2..12])
        && matches!(c[12], b'1'..=b'9' | b'A'..=b'Z')
        && c[13] == b'Z'
        && luhn_mod36(c)
}

/// Checks an upper-case EPIC: three letters, seven digits passing Luhn.
pub(crate) fn epic_valid(c: &[u8]) -> bool {
    c.len() == 10 && c[..3].iter().all(u8::is_ascii_uppercase) && luhn(&c[3..])
}

pub(crate) fn scan_gstin(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::InGstin,
        milli: 850,
        rule: "in_gstin.mod36",
    };
    scan_cased_words(hay, out, 15, (6, 8), gstin_valid, &report, true);
}

pub(crate) fn scan_epic(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::InEpic,
        milli: 450,
        rule: "in_epic.luhn",
    };
    scan_cased_words(hay, out, 10, (7, 7), epic_valid, &report, true);
}

pub(crate) fn scan_aadhaar(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_layouts(hay, &AADHAAR_LAYOUTS, |s| {
        let ok = aadhaar_valid(s.compact());
        if ok {
            out.push(Candidate {
                kind: Kind::InAadhaar,
                start: s.start,
                end: s.end,
                score: Score::from_milli(500),
                rule: "in_aadhaar.verhoeff",
                validated: true,
            });
        }
        ok
    });
}

pub(crate) fn scan_pan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // All upper case, or all lower case (typed quickly); mixed case is some other token.
    let report = Report {
        kind: Kind::InPan,
        milli: 500,
        rule: "in_pan.structure",
    };
    scan_cased_words(hay, out, 10, (4, 4), pan_structure, &report, false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn aadhaar_known_answers() {
        // python-stdnum in_.aadhaar documentation: 234123412346 valid, 234123412347 not,
        // 123412341234 starts with 1, 643343121 is short.
        assert!(aadhaar_valid(b"234123412346"));
        assert!(!aadhaar_valid(b"234123412347"));
        assert!(!aadhaar_valid(b"234123412345"));
        assert!(!aadhaar_valid(b"123412341234"));
        assert!(!aadhaar_valid(b"643343121"));
        // Synthetic, generated with python-stdnum (Verhoeff-valid, not issued).
        assert!(aadhaar_valid(b"499118665246"));
    }

    #[test]
    fn aadhaar_in_sentences() {
        assert_eq!(
            found(scan_aadhaar, "my aadhaar is 2341 2341 2346 ok"),
            ["2341 2341 2346"]
        );
        assert_eq!(found(scan_aadhaar, "2341-2341-2346"), ["2341-2341-2346"]);
        assert_eq!(found(scan_aadhaar, "uid 234123412346"), ["234123412346"]);
        assert!(found(scan_aadhaar, "2341 2341 2347").is_empty());
        assert!(found(scan_aadhaar, "2341 2341 2346 9").is_empty());
        assert!(found(scan_aadhaar, "92341 2341 2346").is_empty());
    }

    #[test]
    fn pan_structure_checks() {
        // python-stdnum in_.pan documentation: ACUPA7085R valid; ACUPA7085RR too long;
        // ABMPA32111 has a digit last; ABMXA3211G has holder type X.
        assert!(pan_structure(b"ACUPA7085R"));
        assert!(!pan_structure(b"ABMPA32111"));
        assert!(!pan_structure(b"ABMXA3211G"));
        assert!(!pan_structure(b"ACUPA0000R"));
        assert!(!pan_structure(b"ACUPA7085"));
    }

    #[test]
    fn pan_in_sentences() {
        assert_eq!(found(scan_pan, "PAN: ACUPA7085R."), ["ACUPA7085R"]);
        assert_eq!(found(scan_pan, "pan acupa7085r"), ["acupa7085r"]);
        assert!(found(scan_pan, "AcUPA7085R").is_empty());
        assert!(found(scan_pan, "XACUPA7085R").is_empty());
        assert!(found(scan_pan, "ABMXA3211G").is_empty());
    }

    #[test]
    fn gstin_known_answers() {
        // python-stdnum 2.2's in_.gstin documentation: 27AAPFU0939F1ZV valid, 27AAPFU0939F1Z
        // short, 27AAPFU0939F1ZO bad check character, 37AAPFU0939F1ZV wrong state for the check.
        assert!(gstin_valid(b"27AAPFU0939F1ZV"));
        assert!(!gstin_valid(b"27AAPFU0939F1ZO"));
        assert!(!gstin_valid(b"27AAPFU0939F1Z"));
        // Synthetic, from Faker 40.54 en_IN gstin(), checked with python-stdnum (in_.gstin).
        for v in [
            "09IDPLP6317A5ZD",
            "25TYYCW7439DSZ2",
            "21AAUJA6360Q2ZM",
            "36FUXAD5868V7ZO",
        ] {
            assert!(gstin_valid(v.as_bytes()), "{v}");
        }
        assert!(!gstin_valid(b"09IDPLP6317A5ZE"));
        assert!(!gstin_valid(b"00IDPLP6317A5ZD")); // no state 00
        assert!(!gstin_valid(b"09IDPXP6317A5ZD")); // PAN holder type X
        assert!(!gstin_valid(b"09IDPLP6317A5YD")); // 14th character not Z
    }

    #[test]
    fn gstin_found_alone() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for (text, value) in [
            ("09IDPLP6317A5ZD", "09IDPLP6317A5ZD"),
            ("Our GSTIN is 09IDPLP6317A5ZD.", "09IDPLP6317A5ZD"),
            ("gstin: 09idplp6317a5zd", "09idplp6317a5zd"),
        ] {
            assert_eq!(pipeline(text), [(Kind::InGstin, value)], "{text}");
        }
        not_reported(
            Kind::InGstin,
            &["09IDPLP6317A5ZE", "X09IDPLP6317A5ZD", "09IdPLP6317A5ZD"],
        );
    }

    #[test]
    fn epic_known_answers() {
        // python-stdnum 2.2's in_.epic documentation: WKH1186253 valid, WKH118624 short,
        // 1231186253 no letters, WKH1186263 bad check digit.
        assert!(epic_valid(b"WKH1186253"));
        assert!(!epic_valid(b"WKH118624"));
        assert!(!epic_valid(b"1231186253"));
        assert!(!epic_valid(b"WKH1186263"));
    }

    #[test]
    fn epic_found_after_a_voter_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for text in [
            "My voter ID is WKH1186253",
            "EPIC No: WKH1186253",
            "मतदाता पहचान पत्र WKH1186253",
        ] {
            assert_eq!(pipeline(text), [(Kind::InEpic, "WKH1186253")], "{text}");
        }
        not_reported(
            Kind::InEpic,
            &[
                "WKH1186253",
                "Booking WKH1186253",
                "My voter ID is WKH1186263",
            ],
        );
    }
}

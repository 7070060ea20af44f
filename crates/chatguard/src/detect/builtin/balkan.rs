//! Personal numbers of Bulgaria (EGN), Romania (CNP), Croatia (OIB) and the former Yugoslavia
//! (JMBG).
//!
//! - **EGN** (единен граждански номер): ten digits `YYMMDDSSSC`, month +40 for births from 2000
//!   (+20 marks the 1800s and is refused: nobody alive carries it), check digit over weights
//!   2-4-8-5-10-9-7-3-6 mod 11 (10 becomes 0). Date plus check digit: reported without context.
//! - **CNP** (cod numeric personal): thirteen digits `SYYMMDDJJNNNC`, sex/century digit 1–9, a
//!   birth date, a county code and a check digit over weights 2-7-9-1-4-6-3-5-8-2-7-9 mod 11 (10
//!   becomes 1). Strongly structured: reported without context.
//! - **OIB** (osobni identifikacijski broj): eleven digits with one ISO 7064 MOD 11,10 check digit
//!   and no other structure, so about one random number in ten passes: it needs a context word.
//! - **JMBG** (јединствени матични број грађана, unique master citizen number): thirteen digits
//!   `DDMMYYYRRBBBC` still issued in Serbia, Bosnia and Herzegovina, Montenegro and North
//!   Macedonia (ЕМБГ) and in Slovenia as EMŠO: a birth date with the year's last three digits, a
//!   region, a serial and a check digit over weights 7-6-5-4-3-2-7-6-5-4-3-2, `11 − sum mod 11`
//!   (10 and 11 become 0, as python-stdnum's si.emso reads it). Only births from 1900 to 2099 are
//!   accepted. Plain thirteen-digit runs are common (EAN-13 barcodes): it needs a context word.

use super::shape::{candidate, dig, each_spot, num, valid_date, Grouping};
use crate::detect::checksum::{iso7064_mod11_10, weighted_sum};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const EGN_CONTEXT: &[&str] = &[
    "егн",
    "единен граждански номер",
    "граждански номер",
    "лична карта",
    "egn",
    "edinen grazhdanski nomer",
    "bulgarian",
    "bulgaria",
    "българия",
    "български",
    "bulgarien",
    "bulgarisch",
    "bulgarie",
    "bulgare",
    "búlgaro",
    "bulgaro",
    "bulgarije",
    "bulgaars",
    "bulgária",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const EGN_GENERIC: &[&str] = &[
    "personal number",
    "personal code",
    "national id",
    "id number",
    "identity number",
    "identification number",
    "personalausweis",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

pub(crate) const CNP_CONTEXT: &[&str] = &[
    "cnp",
    "cod numeric personal",
    "codul numeric personal",
    "buletin",
    "carte de identitate",
    "personal numeric code",
    "romanian",
    "romania",
    "românia",
    "român",
    "rumänien",
    "rumänisch",
    "roumanie",
    "roumain",
    "rumania",
    "rumano",
    "romeno",
    "roemenië",
    "roemeens",
    "roménia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CNP_GENERIC: &[&str] = &[
    "personal number",
    "personal code",
    "national id",
    "id number",
    "identity number",
    "identification number",
    "personalausweis",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

pub(crate) const OIB_CONTEXT: &[&str] = &[
    "oib",
    "osobni identifikacijski broj",
    "identifikacijski broj",
    "osobni broj",
    "porezni broj",
    "croatian",
    "croatia",
    "hrvatska",
    "hrvatski",
    "kroatien",
    "kroatisch",
    "croatie",
    "croate",
    "croacia",
    "croata",
    "croazia",
    "kroatië",
    "croácia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const OIB_GENERIC: &[&str] = &[
    "personal identification number",
    "personal number",
    "tax number",
    "tax id",
    "national id",
    "id number",
    "identification number",
    "steuernummer",
    "identifikationsnummer",
    "numéro d'identification",
    "numéro fiscal",
    "número de identificación",
    "número fiscal",
    "codice fiscale",
    "numero di identificazione",
    "identificatienummer",
    "fiscaal nummer",
    "número de identificação",
    "contribuinte",
];

pub(crate) const JMBG_CONTEXT: &[&str] = &[
    "јмбг",
    "jmbg",
    "ембг",
    "embg",
    "emšo",
    "emso",
    "матични број",
    "matični broj",
    "maticni broj",
    "матичен број",
    "matična številka",
    "maticna stevilka",
    "јединствени матични",
    "jedinstveni matični",
    "jedinstveni maticni",
    "единствен матичен",
    "enotna matična",
    "master citizen number",
    "serbia",
    "srbija",
    "србија",
    "srpsk",
    "српск",
    "serbien",
    "serbisch",
    "serbie",
    "bosnia",
    "bosna",
    "босна",
    "bosansk",
    "bosnien",
    "bosnisch",
    "bosnie",
    "montenegr",
    "crna gora",
    "црна гора",
    "crnogorsk",
    "macedonia",
    "македонија",
    "македонск",
    "makedonija",
    "mazedonien",
    "mazedonisch",
    "macédoine",
    "slovenia",
    "slovene",
    "slovenija",
    "slovensk",
    "slowenien",
    "slowenisch",
    "slovénie",
    "eslovenia",
    "yugoslav",
    "jugoslav",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const JMBG_GENERIC: &[&str] = &[
    "personal number",
    "personal identification number",
    "citizen number",
    "ssn",
    "national id",
    "id number",
    "identity number",
    "identification number",
    "personennummer",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

const EGN_SHAPE: Grouping = Grouping {
    len: 10,
    layouts: &[&[6, 4], &[6, 3, 1]],
    seps: b" ",
};

/// Thirteen digits written whole: the Romanian CNP and the JMBG.
const THIRTEEN_DIGITS: Grouping = Grouping {
    len: 13,
    layouts: &[],
    seps: b"",
};

const OIB_SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[],
    seps: b"",
};

/// Checks a Bulgarian EGN (ten ASCII digits).
pub(crate) fn egn_is_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (yy, mm, dd) = (num(&d[0..2]), num(&d[2..4]), num(&d[4..6]));
    let (year, month) = match mm {
        1..=12 => (1900 + yy, mm),
        41..=52 => (2000 + yy, mm - 40),
        _ => return false,
    };
    if !valid_date(year, month, dd) {
        return false;
    }
    weighted_sum(&d[..9], &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10 == dig(d, 9)
}

/// Checks a Romanian CNP (thirteen ASCII digits).
pub(crate) fn cnp_is_valid(d: &[u8]) -> bool {
    if d.len() != 13 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (yy, mm, dd) = (num(&d[1..3]), num(&d[3..5]), num(&d[5..7]));
    let date_ok = match d[0] {
        b'1' | b'2' => valid_date(1900 + yy, mm, dd),
        b'3' | b'4' => valid_date(1800 + yy, mm, dd),
        b'5' | b'6' => valid_date(2000 + yy, mm, dd),
        // Residents and foreigners: the century is not encoded.
        b'7'..=b'9' => valid_date(1900 + yy, mm, dd) || valid_date(2000 + yy, mm, dd),
        _ => false,
    };
    if !date_ok {
        return false;
    }
    // County codes: 01–46 counties and Bucharest sectors, 47–48 former sectors, 51–52, 70 (any),
    // 80–83 (issued abroad / unknown), as listed by python-stdnum's ro.cnp.
    if !matches!(num(&d[7..9]), 1..=48 | 51 | 52 | 70 | 80..=83) {
        return false;
    }
    let check = weighted_sum(&d[..12], &[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
    (if check == 10 { 1 } else { check }) == dig(d, 12)
}

/// Checks a Croatian OIB (eleven ASCII digits).
pub(crate) fn oib_is_valid(d: &[u8]) -> bool {
    d.len() == 11 && iso7064_mod11_10(d)
}

/// Checks a JMBG / EMŠO (thirteen ASCII digits): a birth date from 1900 to 2099 and the check
/// digit. Regions are not checked (python-stdnum does not either).
pub(crate) fn jmbg_is_valid(d: &[u8]) -> bool {
    if d.len() != 13 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (dd, mm, yyy) = (num(&d[0..2]), num(&d[2..4]), num(&d[4..7]));
    let year = match yyy {
        900..=999 => 1000 + yyy,
        0..=99 => 2000 + yyy,
        _ => return false,
    };
    if !valid_date(year, mm, dd) {
        return false;
    }
    let sum = weighted_sum(&d[..12], &[7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    (11 - sum % 11) % 11 % 10 == dig(d, 12)
}

pub(crate) fn scan_egn(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &EGN_SHAPE, |spot| {
        if !egn_is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::BgEgn,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(600),
            rule: "bg_egn.mod11",
            validated: true,
        });
        true
    });
}

pub(crate) fn scan_cnp(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &THIRTEEN_DIGITS, |spot| {
        if !cnp_is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::RoCnp,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(700),
            rule: "ro_cnp.mod11",
            validated: true,
        });
        true
    });
}

pub(crate) fn scan_oib(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &OIB_SHAPE, |spot| {
        if !oib_is_valid(spot.digits) {
            return false;
        }
        out.push(Candidate {
            kind: Kind::HrOib,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(400),
            rule: "hr_oib.iso7064",
            validated: true,
        });
        true
    });
}

pub(crate) fn scan_jmbg(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &THIRTEEN_DIGITS, |spot| {
        if !jmbg_is_valid(spot.digits) {
            return false;
        }
        out.push(candidate(
            Kind::RsJmbg,
            spot.start,
            spot.end,
            500,
            "rs_jmbg.mod11",
            true,
        ));
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{not_reported, pipeline, spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn egn_known_answers() {
        // From python-stdnum's bg.egn documentation.
        assert!(egn_is_valid(b"7542011030")); // born 2075 per the scheme
        assert!(!egn_is_valid(b"8019010008")); // invalid date
                                               // Valid in the scheme (born 1875, 1880) but refused by design: +20 is the 1800s.
        assert!(!egn_is_valid(b"7523169263"));
        assert!(!egn_is_valid(b"8032056031"));
        // Synthetic, generated with python-stdnum (bg.egn.calc_check_digit).
        for v in [
            "3042161586",
            "1141189399",
            "3744097985",
            "2202018484",
            "8205063174",
        ] {
            assert!(egn_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!egn_is_valid(b"3042161587"));
        assert!(!egn_is_valid(b"3042161585"));
    }

    #[test]
    fn cnp_known_answers() {
        // From python-stdnum's ro.cnp documentation.
        assert!(cnp_is_valid(b"1630615123457"));
        assert!(!cnp_is_valid(b"0800101221142")); // invalid first digit
        assert!(!cnp_is_valid(b"1632215123457")); // invalid date
        assert!(!cnp_is_valid(b"1630615993454")); // invalid county
        assert!(!cnp_is_valid(b"1630615123458"));
        assert!(!cnp_is_valid(b"1630615123456"));
        // Synthetic, generated with python-stdnum (ro.cnp.calc_check_digit).
        for v in [
            "5801228240886",
            "5850717161829",
            "2600503368609",
            "5000519469030",
            "5970907274337",
        ] {
            assert!(cnp_is_valid(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn oib_known_answers() {
        // From python-stdnum's hr.oib documentation.
        assert!(oib_is_valid(b"33392005961"));
        assert!(!oib_is_valid(b"33392005962"));
        assert!(!oib_is_valid(b"33392005960"));
        // Synthetic, generated with python-stdnum (iso7064.mod_11_10.calc_check_digit).
        for v in [
            "68672767970",
            "61462829543",
            "06928667231",
            "56054116404",
            "01857078168",
        ] {
            assert!(oib_is_valid(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(found(scan_egn, "ЕГН: 3042161586"), ["3042161586"]);
        assert_eq!(found(scan_egn, "егн 304216 158 6."), ["304216 158 6"]);
        assert!(found(scan_egn, "ЕГН: 3042161587").is_empty());
        assert_eq!(
            found(scan_cnp, "CNP-ul meu este 1630615123457"),
            ["1630615123457"]
        );
        assert!(found(scan_cnp, "1630615123457000").is_empty());
        assert!(found(scan_cnp, "ts 1630615123458").is_empty());
        // OIB is pushed as a candidate; the context requirement is applied by the framework.
        assert_eq!(found(scan_oib, "Moj OIB je 33392005961."), ["33392005961"]);
        assert!(found(scan_oib, "OIB 33392005962").is_empty());
    }

    #[test]
    fn jmbg_known_answers() {
        // From python-stdnum 2.2's si.emso documentation.
        assert!(jmbg_is_valid(b"0101006500006"));
        assert!(!jmbg_is_valid(b"0101006500007")); // check digit
                                                   // Synthetic, generated and checked with python-stdnum (si.emso.calc_check_digit),
                                                   // regions of Bosnia (17), Macedonia (45), Serbia (71), Slovenia (50), Montenegro (29).
        for v in [
            "0810004179376",
            "2008938459302",
            "2708963711964",
            "2308017504063",
            "2103959298883",
        ] {
            assert!(jmbg_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!jmbg_is_valid(b"0810004179377"));
        assert!(!jmbg_is_valid(b"2008938459303"));
        // The check digit passes, the date (31 February 1995) does not: python-stdnum agrees.
        assert!(!jmbg_is_valid(b"3102995071230"));
        // Valid for python-stdnum (born 1899, 2210) but refused by design: nobody alive, or not yet born.
        assert!(!jmbg_is_valid(b"0101899712340"));
        assert!(!jmbg_is_valid(b"1503210712343"));
    }

    #[test]
    fn jmbg_found_after_a_jmbg_word_only() {
        // Synthetic values of the form Faker's mk_MK and sr_BA ssn() write.
        assert_eq!(found(scan_jmbg, "ЈМБГ: 2708963711964"), ["2708963711964"]);
        assert!(found(scan_jmbg, "ЈМБГ: 2708963711965").is_empty());
        for text in [
            "Мој ЈМБГ је 2708963711964.",
            "Moj JMBG je 0810004179376",
            "Мојот ЕМБГ е 2008938459302",
            "Moja EMŠO je 2308017504063",
            "matični broj: 2103959298883",
            "My Serbian ID number is 2708963711964",
        ] {
            let value = text.trim_end_matches('.').rsplit(' ').next().unwrap();
            assert_eq!(pipeline(text), [(Kind::RsJmbg, value)], "{text}");
        }
        not_reported(
            Kind::RsJmbg,
            &[
                "2708963711964",
                "Order 2708963711964 shipped",
                "EAN 2708963711964",
            ],
        );
    }
}

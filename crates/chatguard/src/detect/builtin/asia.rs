//! East and South-East Asian personal numbers: Chinese resident identity card (RIC), South Korean
//! resident registration number (RRN), Singapore NRIC/FIN, Japanese My Number and the Thai
//! personal identification number.
//!
//! The RIC (region, birth date and ISO 7064 check), the dashed RRN (birth date, sex/century digit
//! and check digit) and the NRIC/FIN (prefix letter and check letter) report on their own. My
//! Number, the Thai number and the compact RRN are plain digit strings with one check digit and
//! need a context word. RRNs issued since October 2020 no longer carry a check digit; they are
//! not recognised (a number failing its checksum is never reported).

use super::shape::{num, scan_cased_words, scan_with, valid_date, Layouts, Report};
use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const RIC_CONTEXT: &[&str] = &[
    "身份证",
    "身份证号",
    "居民身份证",
    "公民身份号码",
    "身份證",
    "ric",
    "resident identity",
    "china",
    "chinese",
    "chinesisch",
    "chinois",
    "chino",
    "cinese",
    "中国",
    "中國",
    "chinesa",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const RIC_GENERIC: &[&str] = &[
    "identity card",
    "id card",
    "personalausweis",
    "carte d'identité",
    "documento de identidad",
    "carta d'identità",
    "identiteitskaart",
    "bilhete de identidade",
];

pub(crate) const RRN_CONTEXT: &[&str] = &[
    "주민등록번호",
    "주민번호",
    "주민등록",
    "rrn",
    "resident registration",
    "korea",
    "korean",
    "südkorea",
    "corée",
    "corea",
    "coreia",
    "한국",
    "대한민국",
    "koreanisch",
    "coréen",
    "coreano",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const RRN_GENERIC: &[&str] = &[
    "registration number",
    "identity number",
    "personenkennzahl",
    "numéro d'identité",
    "número de identidad",
    "numero di identità",
    "identiteitsnummer",
    "número de identidade",
];

pub(crate) const NRIC_CONTEXT: &[&str] = &[
    "nric",
    "fin",
    "ic number",
    "ic no",
    "singapore",
    "singapur",
    "singapour",
    "singapura",
    "cingapura",
    "singaporean",
    "singapurisch",
    "singapourien",
    "singapurense",
    "singaporiano",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NRIC_GENERIC: &[&str] = &[
    "identity card",
    "personalausweis",
    "carte d'identité",
    "documento de identidad",
    "carta d'identità",
    "identiteitskaart",
    "bilhete de identidade",
];

pub(crate) const MY_NUMBER_CONTEXT: &[&str] = &[
    "マイナンバー",
    "個人番号",
    "my number",
    "mynumber",
    "individual number",
    "japan",
    "japanese",
    "japon",
    "japón",
    "giappone",
    "japão",
    "日本",
    "japanisch",
    "japonais",
    "japonés",
    "giapponese",
    "japans",
    "japonês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const MY_NUMBER_GENERIC: &[&str] = &[
    "identity number",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

pub(crate) const TH_PIN_CONTEXT: &[&str] = &[
    // NFKC form (the matching view is NFKC): SARA AM is written NIKHAHIT + SARA AA.
    "เลขประจําตัวประชาชน",
    "บัตรประชาชน",
    "เลขบัตรประชาชน",
    "thai id",
    "thai national id",
    "thailand",
    "thaïlande",
    "tailandia",
    "tailândia",
    "thai",
    "ไทย",
    "เลขประจําตัว",
    "บัตรประจําตัวประชาชน",
    "thailändisch",
    "thaïlandais",
    "tailandés",
    "tailandese",
    "thais",
    "tailandês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const TH_PIN_GENERIC: &[&str] = &[
    "citizen id",
    "identification number",
    "personalausweisnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

// ----- China RIC ------------------------------------------------------------------------------

/// First two digits of RIC region codes (GB/T 2260 provinces; 83 for Taiwan residents).
const RIC_PROVINCES: &[u32] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// Checks a compact RIC (upper case): province, birth date `YYYYMMDD` (1900-2099) and the
/// ISO 7064 MOD 11-2 check character (GB 11643-1999).
pub(crate) fn ric_valid(c: &[u8]) -> bool {
    if c.len() != 18 || !c[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    if !RIC_PROVINCES.contains(&num(&c[..2])) {
        return false;
    }
    let year = num(&c[6..10]);
    if !(1900..=2099).contains(&year) || !valid_date(year, num(&c[10..12]), num(&c[12..14])) {
        return false;
    }
    let sum = weighted_sum(
        &c[..17],
        &[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2],
    );
    c[17] == b"10X98765432"[(sum % 11) as usize]
}

pub(crate) fn scan_ric(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::CnRic,
        milli: 850,
        rule: "cn_ric.iso7064_mod11_2",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["dddddddddddddddddx", "dddddd dddddddd dddx"]) },
        ric_valid,
        &report,
    );
}

// ----- Korea RRN ------------------------------------------------------------------------------

/// Checks a compact RRN: birth date with the century from the 7th digit, place-of-birth code
/// at most 96, and the check digit (weights 2..9,2..5, `(11 - sum mod 11) mod 10`).
pub(crate) fn rrn_valid(d: &[u8]) -> bool {
    if d.len() != 13 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let century = match d[6] {
        b'1' | b'2' | b'5' | b'6' => 1900,
        b'3' | b'4' | b'7' | b'8' => 2000,
        _ => 1800,
    };
    if !valid_date(century + num(&d[..2]), num(&d[2..4]), num(&d[4..6])) || num(&d[7..9]) > 96 {
        return false;
    }
    let sum = weighted_sum(d, &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]);
    u32::from(d[12] - b'0') == (11 - sum % 11) % 10
}

/// The dashed form `YYMMDD-GNNNNNC`: reported without context.
pub(crate) fn scan_rrn(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::KrRrn,
        milli: 800,
        rule: "kr_rrn.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["dddddd-ddddddd"]) },
        rrn_valid,
        &report,
    );
}

/// The compact 13-digit form: needs context.
pub(crate) fn scan_rrn_compact(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::KrRrn,
        milli: 500,
        rule: "kr_rrn.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["ddddddddddddd", "dddddd ddddddd"]) },
        rrn_valid,
        &report,
    );
}

// ----- Singapore NRIC/FIN ---------------------------------------------------------------------

/// Checks an upper-case NRIC/FIN: prefix S/T (citizens, PRs), F/G/M (foreigners), 7 digits and
/// the check letter (weights 2,7,6,5,4,3,2; offsets T/G 4, M 3; letter tables per series).
pub(crate) fn nric_valid(c: &[u8]) -> bool {
    if c.len() != 9 || !c[1..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (offset, table): (u32, &[u8; 11]) = match c[0] {
        b'S' => (0, b"JZIHGFEDCBA"),
        b'T' => (4, b"JZIHGFEDCBA"),
        b'F' => (0, b"XWUTRQPNMLK"),
        b'G' => (4, b"XWUTRQPNMLK"),
        b'M' => (3, b"XWUTRQPNJLK"),
        _ => return false,
    };
    let sum = weighted_sum(&c[1..8], &[2, 7, 6, 5, 4, 3, 2]) + offset;
    c[8] == table[(sum % 11) as usize]
}

pub(crate) fn scan_nric(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // Both letters upper case, or both lower case.
    let report = Report {
        kind: Kind::SgNric,
        milli: 800,
        rule: "sg_nric.check_letter",
    };
    scan_cased_words(hay, out, 9, (7, 7), nric_valid, &report, true);
}

// ----- Japan My Number ------------------------------------------------------------------------

/// Checks a compact My Number: 12 digits, check digit with weights 6,5,4,3,2,7,6,5,4,3,2
/// (Ordinance of the Ministry of Internal Affairs and Communications No. 85 of 2014).
pub(crate) fn my_number_valid(d: &[u8]) -> bool {
    if d.len() != 12 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let r = weighted_sum(d, &[6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    let want = if r <= 1 { 0 } else { 11 - r };
    u32::from(d[11] - b'0') == want
}

pub(crate) fn scan_my_number(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::JpMyNumber,
        milli: 500,
        rule: "jp_my_number.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["dddd dddd dddd", "dddd-dddd-dddd", "dddddddddddd"]) },
        my_number_valid,
        &report,
    );
}

// ----- Thailand PIN ---------------------------------------------------------------------------

/// Checks a compact Thai PIN: 13 digits, first digit 1-8, weights 13..2, `(11 - sum mod 11) mod
/// 10` (Bureau of Registration Administration).
pub(crate) fn th_pin_valid(d: &[u8]) -> bool {
    if d.len() != 13 || !d.iter().all(u8::is_ascii_digit) || !(b'1'..=b'8').contains(&d[0]) {
        return false;
    }
    let sum = weighted_sum(d, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    u32::from(d[12] - b'0') == (11 - sum % 11) % 10
}

/// The dashed card layout `1-2345-67890-12-1`: reported without context.
pub(crate) fn scan_th_pin(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::ThPin,
        milli: 750,
        rule: "th_pin.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["d-dddd-ddddd-dd-d"]) },
        th_pin_valid,
        &report,
    );
}

/// Compact and space-separated forms: need context.
pub(crate) fn scan_th_pin_plain(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::ThPin,
        milli: 500,
        rule: "th_pin.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["ddddddddddddd", "d dddd ddddd dd d"]) },
        th_pin_valid,
        &report,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn ric_known_answers() {
        // python-stdnum cn.ric documentation: 360426199101010071 valid.
        assert!(ric_valid(b"360426199101010071"));
        assert!(!ric_valid(b"360426199101010072"));
        assert!(!ric_valid(b"360426199101010070"));
        // GB 11643-1999 example number (Beijing, 1949-12-31) with check character X.
        assert!(ric_valid(b"11010519491231002X"));
        assert!(!ric_valid(b"110105194912310021"));
        assert!(!ric_valid(b"11010519491331002X")); // month 13
                                                    // Synthetic: a region outside the provinces, same checksum rule.
        assert!(!ric_valid(b"990426199101010071"));
    }

    #[test]
    fn ric_in_sentences() {
        assert_eq!(
            found(scan_ric, "我的身份证号是11010519491231002X。"),
            ["11010519491231002X"]
        );
        assert_eq!(
            found(scan_ric, "id 11010519491231002x ok"),
            ["11010519491231002x"]
        );
        assert_eq!(
            found(scan_ric, "110105 19491231 002X"),
            ["110105 19491231 002X"]
        );
        assert!(found(scan_ric, "360426199101010072").is_empty());
        assert!(found(scan_ric, "3604261991010100712").is_empty());
    }

    #[test]
    fn rrn_known_answers() {
        // python-stdnum kr.rrn documentation: 971013-9019902 valid, 971013-9019903 not.
        assert!(rrn_valid(b"9710139019902"));
        assert!(!rrn_valid(b"9710139019903"));
        assert!(!rrn_valid(b"9710139019901"));
        assert!(!rrn_valid(b"9713139019902")); // month 13
                                               // Synthetic, generated with python-stdnum kr.rrn.
        assert!(rrn_valid(b"8501011234566"));
        assert_eq!(
            found(scan_rrn, "주민등록번호 850101-1234566"),
            ["850101-1234566"]
        );
        assert!(found(scan_rrn, "850101-1234565").is_empty());
        assert!(found(scan_rrn, "8501011234566").is_empty());
        assert_eq!(
            found(scan_rrn_compact, "rrn 8501011234566"),
            ["8501011234566"]
        );
    }

    #[test]
    fn nric_known_answers() {
        // Worked example of the public algorithm: S1234567 -> D. M5012345J from the M-series
        // implementations (samliew, FormSG).
        assert!(nric_valid(b"S1234567D"));
        assert!(!nric_valid(b"S1234567E"));
        assert!(!nric_valid(b"A1234567D"));
        assert!(nric_valid(b"M5012345J"));
        // Synthetic, computed with the same tables: T, F and G series.
        assert!(nric_valid(b"T0123456G"));
        assert!(nric_valid(b"F1234567N"));
        assert!(nric_valid(b"G1234567X"));
        assert_eq!(found(scan_nric, "NRIC: S1234567D."), ["S1234567D"]);
        assert_eq!(found(scan_nric, "my ic s1234567d"), ["s1234567d"]);
        assert!(found(scan_nric, "S1234567d").is_empty());
        assert!(found(scan_nric, "XS1234567D").is_empty());
        assert!(found(scan_nric, "S1234567E").is_empty());
    }

    #[test]
    fn my_number_known_answers() {
        // python-stdnum jp.in_ documentation: 6214 9832 0257 valid, 6214 9832 0258 not.
        assert!(my_number_valid(b"621498320257"));
        assert!(!my_number_valid(b"621498320258"));
        assert!(!my_number_valid(b"621498320256"));
        assert_eq!(
            found(scan_my_number, "マイナンバー 6214 9832 0257"),
            ["6214 9832 0257"]
        );
        assert!(found(scan_my_number, "6214 9832 0258").is_empty());
    }

    #[test]
    fn th_pin_known_answers() {
        // python-stdnum th.pin documentation: 3100600445635 and 1-2345-45678-78-1 valid,
        // 1-2345-45678-78-9 not.
        assert!(th_pin_valid(b"3100600445635"));
        assert!(th_pin_valid(b"1234545678781"));
        assert!(!th_pin_valid(b"1234545678789"));
        assert!(!th_pin_valid(b"3100600445636"));
        assert!(!th_pin_valid(b"9100600445635"));
        assert_eq!(
            found(scan_th_pin, "ID 3-1006-00445-63-5"),
            ["3-1006-00445-63-5"]
        );
        assert!(found(scan_th_pin, "3100600445635").is_empty());
        assert_eq!(
            found(scan_th_pin_plain, "เลขประจำตัวประชาชน 3100600445635"),
            ["3100600445635"]
        );
    }
}

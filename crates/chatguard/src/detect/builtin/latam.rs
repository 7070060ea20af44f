//! Latin American identifiers: Mexican CURP and social security number (NSS), Chilean RUT,
//! Argentine CUIT/CUIL, Colombian NIT, Peruvian RUC and Uruguayan cédula de identidad.
//!
//! CURP carries a birth date, sex, state code and check digit, and the punctuated RUT
//! (`12.345.678-5`, or any RUT ending in the check letter `K`) and the dashed CUIT
//! (`20-12345678-6`, fixed type prefixes) are distinctive: these report on their own. The other
//! forms are plain digit strings with one check digit and need a context word.
//!
//! The Mexican RFC (Registro Federal de Contribuyentes) is four letters of a person's name and
//! their birth date `YYMMDD` then a three-character homoclave (`GODE561231GR8`), or three letters
//! of an organisation's name and its founding date then the homoclave (`MAB9307148T4`). The
//! homoclave's last character is a check digit, but python-stdnum's `mx.rfc` does not require it
//! (about 1.5 % of the numbers in use fail it) and Faker's es_MX `rfc()` writes a random one, so
//! only the structure, the date and RENAPO's blocked four-letter words are checked: it is
//! reported only next to an RFC or Mexico word (rule `mx_rfc.structure`, `validated: false`).
//! Written as one word; RFCs with `&` or `Ñ` and the spaced or dashed forms are not found.

use super::shape::{
    num, scan_cased_words, scan_layouts, scan_with, valid_date, valid_date_yy, Layouts, Report,
};
use crate::detect::checksum::{luhn, weighted_sum};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CURP_CONTEXT: &[&str] = &[
    "curp",
    "clave única de registro",
    "clave unica de registro",
    "registro de población",
    "registro de poblacion",
    "renapo",
    "mexico",
    "méxico",
    "mexiko",
    "mexique",
    "messico",
    "mexican",
    "mexicano",
    "mexikanisch",
    "mexicain",
    "messicano",
    "mexicaans",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CURP_GENERIC: &[&str] = &[
    "identity",
    "identidad",
    "identität",
    "identité",
    "identità",
    "identiteit",
    "identidade",
];

pub(crate) const RUT_CONTEXT: &[&str] = &[
    "rut",
    "run",
    "rol único tributario",
    "rol unico tributario",
    "rol único nacional",
    "carnet",
    "chile",
    "chilean",
    "chileno",
    "chilena",
    "sii",
    "chilenisch",
    "chilien",
    "cileno",
    "chileens",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const RUT_GENERIC: &[&str] = &[
    "cédula",
    "cedula",
    "tax id",
    "steuernummer",
    "numéro fiscal",
    "codice fiscale",
    "fiscaal nummer",
    "número de contribuinte",
];

pub(crate) const CUIT_CONTEXT: &[&str] = &[
    "cuit",
    "cuil",
    "cdi",
    "afip",
    "arca",
    "clave única de identificación",
    "clave unica de identificacion",
    "argentina",
    "argentinien",
    "argentine",
    "argentino",
    "argentinisch",
    "argentinian",
    "argentijns",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CUIT_GENERIC: &[&str] = &[
    "tax id",
    "steuernummer",
    "numéro fiscal",
    "codice fiscale",
    "fiscaal nummer",
    "número de contribuinte",
];

pub(crate) const NIT_CONTEXT: &[&str] = &[
    "nit",
    "número de identificación tributaria",
    "numero de identificacion tributaria",
    "identificación tributaria",
    "dian",
    "rut",
    "colombia",
    "kolumbien",
    "colombie",
    "colombian",
    "colombiano",
    "kolumbianisch",
    "colombien",
    "colombiaans",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NIT_GENERIC: &[&str] = &[
    "tax id",
    "steuernummer",
    "numéro fiscal",
    "codice fiscale",
    "fiscaal nummer",
    "número de contribuinte",
];

pub(crate) const RUC_CONTEXT: &[&str] = &[
    "ruc",
    "registro único de contribuyentes",
    "registro unico de contribuyentes",
    "sunat",
    "perú",
    "peru",
    "pérou",
    "peruvian",
    "peruano",
    "peruanisch",
    "péruvien",
    "peruviano",
    "peruaans",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const RUC_GENERIC: &[&str] = &[
    "tax id",
    "steuernummer",
    "numéro fiscal",
    "codice fiscale",
    "fiscaal nummer",
    "número de contribuinte",
];

pub(crate) const CI_CONTEXT: &[&str] = &[
    "cédula",
    "cedula",
    "cédula de identidad",
    "ci",
    "c.i",
    "uruguay",
    "uruguayo",
    "uruguaya",
    "uruguayan",
    "uruguayisch",
    "uruguayen",
    "uruguaiano",
    "uruguayaans",
    "uruguaio",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CI_GENERIC: &[&str] = &[
    "documento de identidad",
    "identity card",
    "id card",
    "personalausweis",
    "carte d'identité",
    "carta d'identità",
    "identiteitskaart",
    "bilhete de identidade",
    "cartão de cidadão",
];

pub(crate) const NSS_CONTEXT: &[&str] = &[
    "nss",
    "n.s.s",
    "imss",
    "seguro social",
    "mexi",
    "méxic",
    "messic",
];

/// Words naming a class of numbers this format shares with others (see `context`): in Spanish,
/// where the Mexican number is the eleven-digit one. A PESEL, reported without a word, keeps its
/// finding (the NSS scores lower); a Greek AMKA passes the same Luhn check and is no longer
/// supported by the Spanish words.
pub(crate) const NSS_GENERIC: &[&str] = &[
    "seguridad social",
    "número de afiliación",
    "numero de afiliacion",
];

pub(crate) const RFC_CONTEXT: &[&str] = &[
    "rfc",
    "r.f.c",
    "registro federal de contribuyentes",
    "registro federal del contribuyente",
    "mexi",
    "méxic",
    "messic",
];

// ----- CURP -----------------------------------------------------------------------------------

/// Two-letter state codes of the CURP (RENAPO), `NE` for born abroad.
const CURP_STATES: &[&[u8; 2]] = &[
    b"AS", b"BC", b"BS", b"CC", b"CH", b"CL", b"CM", b"CS", b"DF", b"DG", b"GR", b"GT", b"HG",
    b"JC", b"MC", b"MN", b"MS", b"NE", b"NL", b"NT", b"OC", b"PL", b"QR", b"QT", b"SL", b"SP",
    b"SR", b"TC", b"TL", b"TS", b"VZ", b"YN", b"ZS",
];

/// Four-letter words RENAPO never issues as a CURP prefix (the second letter becomes `X`).
const CURP_BLOCKED: &[&[u8; 4]] = &[
    b"BACA", b"BAKA", b"BUEI", b"BUEY", b"CACA", b"CACO", b"CAGA", b"CAGO", b"CAKA", b"CAKO",
    b"COGE", b"COGI", b"COJA", b"COJE", b"COJI", b"COJO", b"COLA", b"CULO", b"FALO", b"FETO",
    b"GETA", b"GUEI", b"GUEY", b"JETA", b"JOTO", b"KACA", b"KACO", b"KAGA", b"KAGO", b"KAKA",
    b"KAKO", b"KOGE", b"KOGI", b"KOJA", b"KOJE", b"KOJI", b"KOJO", b"KOLA", b"KULO", b"LILO",
    b"LOCA", b"LOCO", b"LOKA", b"LOKO", b"MAME", b"MAMO", b"MEAR", b"MEAS", b"MEON", b"MIAR",
    b"MION", b"MOCO", b"MOKO", b"MULA", b"MULO", b"NACA", b"NACO", b"PEDA", b"PEDO", b"PENE",
    b"PIPI", b"PITO", b"POPO", b"PUTA", b"PUTO", b"QULO", b"RATA", b"ROBA", b"ROBE", b"ROBO",
    b"RUIN", b"SENO", b"TETA", b"VACA", b"VAGA", b"VAGO", b"VAKA", b"VUEI", b"VUEY", b"WUEI",
    b"WUEY",
];

/// The CURP check alphabet (`Ñ` is `&`, between `N` and `O`).
const CURP_ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";

fn is_consonant(b: u8) -> bool {
    b.is_ascii_uppercase() && !matches!(b, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Checks an upper-case CURP: structure, birth date, sex, state, internal consonants, check
/// digit (RENAPO, as implemented by python-stdnum mx.curp).
pub(crate) fn curp_valid(c: &[u8]) -> bool {
    if c.len() != 18
        || !c[..4].iter().all(u8::is_ascii_uppercase)
        || !c[4..10].iter().all(u8::is_ascii_digit)
        || !matches!(c[10], b'H' | b'M')
        || !c[13..16].iter().all(|&b| is_consonant(b))
        || !c[16].is_ascii_alphanumeric()
        || !c[17].is_ascii_digit()
    {
        return false;
    }
    if CURP_BLOCKED.iter().any(|w| w.as_slice() == &c[..4])
        || !CURP_STATES.iter().any(|s| s.as_slice() == &c[11..13])
    {
        return false;
    }
    // The 17th character is a digit for people born before 2000 and a letter from 2000 on.
    let century = if c[16].is_ascii_digit() { 1900 } else { 2000 };
    if !valid_date(century + num(&c[4..6]), num(&c[6..8]), num(&c[8..10])) {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in c[..17].iter().enumerate() {
        let Some(v) = CURP_ALPHABET.iter().position(|&a| a == b) else {
            return false;
        };
        sum += v as u32 * (18 - i as u32);
    }
    u32::from(c[17] - b'0') == (10 - sum % 10) % 10
}

pub(crate) fn scan_curp(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::MxCurp,
        milli: 850,
        rule: "mx_curp.check_digit",
    };
    scan_cased_words(hay, out, 18, (7, 8), curp_valid, &report, true);
}

// ----- Mexico RFC -----------------------------------------------------------------------------

/// Checks an upper-case RFC of a person (13 characters) or an organisation (12): name letters,
/// a valid `YYMMDD` date, an alphanumeric homoclave (python-stdnum mx.rfc without
/// `validate_check_digits`).
pub(crate) fn rfc_valid(c: &[u8]) -> bool {
    let letters = match c.len() {
        13 => 4,
        12 => 3,
        _ => return false,
    };
    let (name, rest) = c.split_at(letters);
    name.iter().all(u8::is_ascii_uppercase)
        && rest[..6].iter().all(u8::is_ascii_digit)
        && rest[6..].iter().all(u8::is_ascii_alphanumeric)
        && !(letters == 4 && CURP_BLOCKED.iter().any(|w| w.as_slice() == name))
        && valid_date_yy(num(&rest[..2]), num(&rest[2..4]), num(&rest[4..6]))
}

pub(crate) fn scan_rfc(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::MxRfc,
        milli: 450,
        rule: "mx_rfc.structure",
    };
    scan_cased_words(hay, out, 13, (6, 9), rfc_valid, &report, false);
    scan_cased_words(hay, out, 12, (6, 9), rfc_valid, &report, false);
}

// ----- Chile RUT ------------------------------------------------------------------------------

/// Checks a compact RUT: 7 or 8 body digits (no leading zero) and the mod-11 check character
/// (`K` for 10), as published by the Servicio de Impuestos Internos.
pub(crate) fn rut_valid(c: &[u8]) -> bool {
    let Some((&check, body)) = c.split_last() else {
        return false;
    };
    if !(7..=8).contains(&body.len()) || body[0] == b'0' || !body.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| u32::from(b - b'0') * (2 + (i as u32 % 6)))
        .sum();
    let want = match 11 - sum % 11 {
        11 => b'0',
        10 => b'K',
        d => b'0' + d as u8,
    };
    check.to_ascii_uppercase() == want
}

pub(crate) const RUT_DOTTED: Layouts =
    Layouts::new(&["dd.ddd.ddd-k", "d.ddd.ddd-k", "dddddddd-k", "ddddddd-k"]);
pub(crate) const RUT_PLAIN: Layouts =
    Layouts::new(&["dddddddd-k", "ddddddd-k", "ddddddddk", "dddddddk"]);

/// RUT with dots (`12.345.678-5`) or ending in `-K`: reported without context.
pub(crate) fn scan_rut(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    scan_layouts(hay, &RUT_DOTTED, |s| {
        let dotted = bytes[s.start..s.end].contains(&b'.');
        let k = s.compact().last() == Some(&b'K');
        let ok = (dotted || k) && rut_valid(s.compact());
        if ok {
            out.push(Candidate {
                kind: Kind::ClRut,
                start: s.start,
                end: s.end,
                score: Score::from_milli(800),
                rule: "cl_rut.mod11",
                validated: true,
            });
        }
        ok
    });
}

/// RUT without dots and with a digit check (`12345678-5`, `123456785`): needs context.
pub(crate) fn scan_rut_plain(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_layouts(hay, &RUT_PLAIN, |s| {
        let ok = s.compact().last() != Some(&b'K') && rut_valid(s.compact());
        if ok {
            out.push(Candidate {
                kind: Kind::ClRut,
                start: s.start,
                end: s.end,
                score: Score::from_milli(500),
                rule: "cl_rut.mod11",
                validated: true,
            });
        }
        ok
    });
}

// ----- Argentina CUIT/CUIL --------------------------------------------------------------------

/// CUIT/CUIL type prefixes: people (20, 23, 24, 27), companies (30, 33, 34), international (50,
/// 51, 55), per AFIP and python-stdnum ar.cuit.
const CUIT_TYPES: &[&[u8; 2]] = &[
    b"20", b"23", b"24", b"27", b"30", b"33", b"34", b"50", b"51", b"55",
];

/// Checks a compact CUIT: type prefix and mod-11 check digit (weights 5,4,3,2,7,6,5,4,3,2; a
/// result of 10 is written 9, as AFIP and python-stdnum do).
pub(crate) fn cuit_valid(d: &[u8]) -> bool {
    if d.len() != 11
        || !d.iter().all(u8::is_ascii_digit)
        || !CUIT_TYPES.iter().any(|t| t.as_slice() == &d[..2])
    {
        return false;
    }
    let sum = weighted_sum(d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    let want = match 11 - sum % 11 {
        11 => 0,
        10 => 9,
        v => v,
    };
    u32::from(d[10] - b'0') == want
}

pub(crate) fn scan_cuit(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::ArCuit,
        milli: 800,
        rule: "ar_cuit.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["dd-dddddddd-d"]) },
        cuit_valid,
        &report,
    );
}

pub(crate) fn scan_cuit_plain(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::ArCuit,
        milli: 500,
        rule: "ar_cuit.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["ddddddddddd", "dd dddddddd d"]) },
        cuit_valid,
        &report,
    );
}

// ----- Colombia NIT ---------------------------------------------------------------------------

/// Checks a compact NIT (8 to 16 digits with the check digit last): DIAN prime weights 3, 7, 13,
/// 17, … from the right, mod 11.
pub(crate) fn nit_valid(d: &[u8]) -> bool {
    const WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    if !(8..=16).contains(&d.len()) || !d.iter().all(u8::is_ascii_digit) || body[0] == b'0' {
        return false;
    }
    let sum: u32 = body
        .iter()
        .rev()
        .zip(WEIGHTS)
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    let want = match sum % 11 {
        0 => 0,
        1 => 1,
        r => 11 - r,
    };
    u32::from(check - b'0') == want
}

const NIT_LAYOUTS: Layouts = Layouts::new(&[
    "d.ddd.ddd.ddd-d",
    "ddd.ddd.ddd-d",
    "dd.ddd.ddd-d",
    "d.ddd.ddd-d",
    "dddddddddd-d",
    "ddddddddd-d",
    "dddddddd-d",
    "ddddddd-d",
    "dddddddddd",
]);

pub(crate) fn scan_nit(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::CoNit,
        milli: 500,
        rule: "co_nit.mod11",
    };
    scan_with(hay, out, &NIT_LAYOUTS, nit_valid, &report);
}

// ----- Peru RUC -------------------------------------------------------------------------------

/// Checks a compact RUC: 11 digits, prefix 10 (person), 15, 17 or 20 (company), SUNAT mod 11.
pub(crate) fn ruc_valid(d: &[u8]) -> bool {
    if d.len() != 11
        || !d.iter().all(u8::is_ascii_digit)
        || !matches!(&d[..2], b"10" | b"15" | b"17" | b"20")
    {
        return false;
    }
    let sum = weighted_sum(d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    u32::from(d[10] - b'0') == (11 - sum % 11) % 10
}

pub(crate) fn scan_ruc(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::PeRuc,
        milli: 500,
        rule: "pe_ruc.mod11",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["ddddddddddd", "dd-dddddddd-d"]) },
        ruc_valid,
        &report,
    );
}

// ----- Uruguay CI -----------------------------------------------------------------------------

/// Checks a compact cédula: 6 or 7 digits and a check digit; weights 2,9,8,7,6,3,4 over the
/// zero-padded 7 digits, check `(10 - sum mod 10) mod 10` (Dirección Nacional de Identificación
/// Civil).
pub(crate) fn ci_valid(d: &[u8]) -> bool {
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    if !(6..=7).contains(&body.len()) || !d.iter().all(u8::is_ascii_digit) || body[0] == b'0' {
        return false;
    }
    let mut padded = [b'0'; 7];
    padded[7 - body.len()..].copy_from_slice(body);
    let sum = weighted_sum(&padded, &[2, 9, 8, 7, 6, 3, 4]);
    u32::from(check - b'0') == (10 - sum % 10) % 10
}

pub(crate) const CI_LAYOUTS: Layouts = Layouts::new(&[
    "d.ddd.ddd-d",
    "ddd.ddd-d",
    "ddddddd-d",
    "dddddd-d",
    "d.ddd.ddd.d",
    "dddddddd",
]);

pub(crate) fn scan_ci(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::UyCi,
        milli: 500,
        rule: "uy_ci.mod10",
    };
    scan_with(hay, out, &CI_LAYOUTS, ci_valid, &report);
}

// ----- Mexico NSS -----------------------------------------------------------------------------

/// Checks an IMSS social security number: eleven digits (subdelegation, registration year, birth
/// year, serial), no subdelegation 00, a Luhn check digit. One random number in ten passes, so
/// words naming the format or Mexico support it, and of the generic ones only the Spanish one:
/// after `social security number` or `SSN`, Faker's PESELs, OIBs, CPFs and TC kimlik numbers
/// became NSS findings one in ten times.
pub(crate) fn nss_valid(d: &[u8]) -> bool {
    d.len() == 11 && &d[..2] != b"00" && luhn(d)
}

pub(crate) fn scan_nss(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::MxNss,
        milli: 350,
        rule: "mx_nss.luhn",
    };
    scan_with(
        hay,
        out,
        &const { Layouts::new(&["ddddddddddd"]) },
        nss_valid,
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
    fn curp_known_answers() {
        // python-stdnum mx.curp documentation: BOXW310820HNERXN09 valid, BOXW310820HNERXN08 not,
        // BOXW310820HNERXN0 short.
        assert!(curp_valid(b"BOXW310820HNERXN09"));
        assert!(!curp_valid(b"BOXW310820HNERXN08"));
        assert!(!curp_valid(b"BOXW310820HNERXN0"));
        assert!(!curp_valid(b"BOXW311320HNERXN09")); // month 13
        assert!(!curp_valid(b"BOXW310820HZZRXN09")); // no state ZZ
        assert!(!curp_valid(b"BOXW310820XNERXN09")); // sex must be H or M
                                                     // Synthetic, generated with python-stdnum mx.curp (born 2001: letter in position 17).
        assert!(curp_valid(b"GOMA010203MDFRRNA5"));
    }

    #[test]
    fn curp_in_sentences() {
        assert_eq!(
            found(scan_curp, "Mi CURP es BOXW310820HNERXN09."),
            ["BOXW310820HNERXN09"]
        );
        assert_eq!(
            found(scan_curp, "boxw310820hnerxn09"),
            ["boxw310820hnerxn09"]
        );
        assert!(found(scan_curp, "BOXW310820HNERXN08").is_empty());
        assert!(found(scan_curp, "XBOXW310820HNERXN09").is_empty());
    }

    #[test]
    fn rut_known_answers() {
        // python-stdnum cl.rut documentation: 76086428-5 and 12531909-2 valid, 12531909-3 not,
        // 76086A28-5 malformed.
        assert!(rut_valid(b"760864285"));
        assert!(rut_valid(b"125319092"));
        assert!(!rut_valid(b"125319093"));
        assert!(!rut_valid(b"125319091"));
        assert!(!rut_valid(b"76086A285"));
        // Synthetic, generated with python-stdnum cl.rut: a K check character.
        assert!(rut_valid(b"1000005K"));
        assert!(rut_valid(b"1000005k"));
        assert!(!rut_valid(b"10000050"));
    }

    #[test]
    fn rut_in_sentences() {
        assert_eq!(found(scan_rut, "mi RUT: 12.531.909-2"), ["12.531.909-2"]);
        assert_eq!(found(scan_rut, "rut 1.000.005-k"), ["1.000.005-k"]);
        assert_eq!(found(scan_rut, "1000005-K"), ["1000005-K"]);
        assert!(found(scan_rut, "12531909-2").is_empty()); // plain: the context scanner's
        assert!(found(scan_rut, "12.531.909-3").is_empty());
        assert_eq!(found(scan_rut_plain, "rut 12531909-2"), ["12531909-2"]);
        assert_eq!(found(scan_rut_plain, "rut 125319092"), ["125319092"]);
        assert!(found(scan_rut_plain, "rut 125319093").is_empty());
    }

    #[test]
    fn cuit_known_answers() {
        // python-stdnum ar.cuit documentation: 20-26756539-3 valid, 20267565393 not.
        assert!(cuit_valid(b"20267565393"));
        assert!(!cuit_valid(b"20267565392"));
        assert!(!cuit_valid(b"20267565394"));
        assert!(!cuit_valid(b"21267565393")); // no type 21
        assert_eq!(found(scan_cuit, "CUIT 20-26756539-3."), ["20-26756539-3"]);
        assert!(found(scan_cuit, "20-26756539-2").is_empty());
        assert_eq!(found(scan_cuit_plain, "cuil 20267565393"), ["20267565393"]);
    }

    #[test]
    fn nit_known_answers() {
        // python-stdnum co.nit documentation: 213.123.432-1 valid, 2131234350 not.
        assert!(nit_valid(b"2131234321"));
        assert!(!nit_valid(b"2131234350"));
        assert!(!nit_valid(b"2131234322"));
        // Synthetic, generated with python-stdnum co.nit.
        assert!(nit_valid(b"8600029644"));
        assert_eq!(found(scan_nit, "NIT 213.123.432-1"), ["213.123.432-1"]);
        assert_eq!(found(scan_nit, "nit: 860002964-4"), ["860002964-4"]);
        assert!(found(scan_nit, "213.123.432-2").is_empty());
    }

    #[test]
    fn ruc_known_answers() {
        // python-stdnum pe.ruc documentation: 20512333797 valid, 20512333798 not.
        assert!(ruc_valid(b"20512333797"));
        assert!(!ruc_valid(b"20512333798"));
        assert!(!ruc_valid(b"20512333796"));
        assert!(!ruc_valid(b"30512333797")); // no prefix 30
        assert_eq!(found(scan_ruc, "RUC 20512333797"), ["20512333797"]);
        assert!(found(scan_ruc, "205123337970").is_empty());
    }

    #[test]
    fn ci_known_answers() {
        // Worked example of the published algorithm: 1.234.567 -> check digit 2.
        assert!(ci_valid(b"12345672"));
        assert!(!ci_valid(b"12345673"));
        assert!(!ci_valid(b"12345671"));
        // Synthetic: an old 6-digit cédula, 987.654 (padded 0987654) -> check digit 9.
        assert!(ci_valid(b"9876549"));
        assert!(!ci_valid(b"9876544"));
        assert_eq!(found(scan_ci, "mi cédula 1.234.567-2"), ["1.234.567-2"]);
        assert_eq!(found(scan_ci, "CI 12345672"), ["12345672"]);
        assert!(found(scan_ci, "1.234.567-3").is_empty());
    }

    #[test]
    fn nss_known_answers() {
        // Synthetic, from Faker 40.54 es_MX ssn() (its checksum is the Luhn digit), checked with
        // python-stdnum's luhn module.
        for v in ["18977210345", "33631573657", "61488334402", "13036263872"] {
            assert!(nss_valid(v.as_bytes()), "{v}");
        }
        assert!(!nss_valid(b"18977210346"));
        assert!(!nss_valid(b"00000000000"));
        assert!(!nss_valid(b"1897721034"));
    }

    #[test]
    fn nss_found_after_a_context_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for text in [
            "Mi NSS es 18977210345",
            "Número de Seguridad Social: 18977210345",
            "Mi número de afiliación al IMSS es 18977210345.",
            "My Mexican social security number is 18977210345",
        ] {
            assert_eq!(pipeline(text), [(Kind::MxNss, "18977210345")], "{text}");
        }
        not_reported(
            Kind::MxNss,
            &["18977210345", "Pedido 18977210345", "NSS 18977210346"],
        );
    }

    #[test]
    fn rfc_known_answers() {
        // python-stdnum 2.2's mx.rfc documentation: GODE561231GR8 and VACE460910SX6 (persons),
        // MAB9307148T4 (an organisation).
        for v in ["GODE561231GR8", "VACE460910SX6", "MAB9307148T4"] {
            assert!(rfc_valid(v.as_bytes()), "{v}");
        }
        // Synthetic, from Faker 40.54 es_MX rfc(), checked with python-stdnum (mx.rfc).
        for v in [
            "RULT260626XG5",
            "VAPV0903149HJ",
            "MUIT9907013QL",
            "CUQG63011580W",
        ] {
            assert!(rfc_valid(v.as_bytes()), "{v}");
        }
        assert!(!rfc_valid(b"GODE561331GR8")); // month 13
        assert!(!rfc_valid(b"GODE560230GR8")); // 30 February
        assert!(!rfc_valid(b"PUTO561231GR8")); // a blocked word
        assert!(!rfc_valid(b"GOD1561231GR8"));
        assert!(!rfc_valid(b"GODE561231GR"));
    }

    #[test]
    fn rfc_found_after_an_rfc_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for (text, value) in [
            ("Mi RFC es GODE561231GR8", "GODE561231GR8"),
            ("RFC de la empresa: MAB9307148T4.", "MAB9307148T4"),
            ("My Mexican tax id is rult260626xg5", "rult260626xg5"),
        ] {
            assert_eq!(pipeline(text), [(Kind::MxRfc, value)], "{text}");
        }
        not_reported(
            Kind::MxRfc,
            &[
                "GODE561231GR8",
                "Pedido GODE561231GR8",
                "Mi RFC es GODE561331GR8",
            ],
        );
    }
}

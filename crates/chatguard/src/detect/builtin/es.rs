//! Spanish identity numbers: the DNI (eight digits and a mod 23 check letter) and the NIE for
//! foreigners (X, Y or Z, seven digits and the same check letter, with X/Y/Z counting as 0/1/2).
//!
//! The check letter makes both formats distinctive enough to report without context when the
//! letter is uppercase; a lowercase letter needs a context word to pass the default threshold.
//! Accepted forms: `12345678Z`, `12345678-Z`, `12345678 Z`, `12.345.678-Z`; `X1234567L`,
//! `X-1234567-L`, `X 1234567 L`.
//!
//! The CIF of organisations (código de identificación fiscal, now their NIF): the organisation
//! type's letter, seven digits and a check digit or letter (the Luhn digit of the seven, or its
//! letter in `JABCDEFGHI`; python-stdnum's `es.cif` accepts either), written as one word
//! (`B12345674`), the check of the Spanish VAT number (`ES` + CIF, which the VAT recognizer
//! reports). One random such word in five passes: reported only next to a CIF or Spain word
//! (rule `es_cif.luhn`).
//!
//! The social security number (número de afiliación a la Seguridad Social, NUSS/NAF): a
//! two-digit province code (01–53, or 66), eight digits, and two check digits, the first ten
//! digits as a number mod 97 (TGSS; the rule of Faker's es_ES `nuss()`), written as twelve digits
//! or `28/12345678/40` (spaces or dashes too). One random twelve-digit number in 180 passes:
//! reported only next to a NUSS, Seguridad Social or Spain word (rule `es_nss.mod97`); the English
//! "social security" does not support it (a Belgian bank account number passes the same check).

use crate::detect::hay::{count_bit, pair_bit, Hay};
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, isolated, num, scan_grouped, Report};
use super::vat;
use crate::table::Table;

pub(crate) const DNI_CONTEXT: &[&str] = &[
    "dni",
    "nif",
    "documento nacional",
    "spanish",
    "spain",
    "españa",
    "español",
    "spanien",
    "spanisch",
    "espagne",
    "espagnol",
    "spagna",
    "spagnolo",
    "spanje",
    "spaans",
    "espanha",
    "espanhol",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const DNI_GENERIC: &[&str] = &[
    "documento de identidad",
    "carnet",
    "identi",
    "id card",
    "national id",
    "ausweis",
    "personalausweis",
    "carte d'identité",
    "pièce d'identité",
    "carta d'identità",
    "legitimatie",
    "bilhete de identidade",
    "cartão de cidadão",
];

pub(crate) const NIE_CONTEXT: &[&str] = &[
    "nie",
    "nif",
    "tie",
    "extranjero",
    "extranjería",
    "extranjeria",
    "residencia",
    "foreigner",
    "residence permit",
    "ausländer",
    "aufenthalt",
    "étranger",
    "etranger",
    "titre de séjour",
    "straniero",
    "permesso di soggiorno",
    "vreemdeling",
    "verblijfsvergunning",
    "estrangeiro",
    "residência",
    "spanish",
    "spain",
    "españa",
    "español",
    "spanien",
    "spanisch",
    "espagne",
    "espagnol",
    "spagna",
    "spagnolo",
    "spanje",
    "spaans",
    "espanha",
    "espanhol",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NIE_GENERIC: &[&str] = &["identi"];

/// The check letters, indexed by the number mod 23 (Real Decreto 1553/2005).
const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// True when `letter` (uppercase) is the check letter of `number`.
fn letter_ok(number: u32, letter: u8) -> bool {
    LETTERS.get((number % 23) as usize) == Some(&letter)
}

/// Reads `n` digits at `i`, returning the value and the index after them.
fn read_digits(bytes: &[u8], mut i: usize, n: usize) -> Option<(u32, usize)> {
    let mut v = 0u32;
    for _ in 0..n {
        let b = *bytes.get(i)?;
        if !b.is_ascii_digit() {
            return None;
        }
        v = v.saturating_mul(10).saturating_add(u32::from(b - b'0'));
        i += 1;
    }
    Some((v, i))
}

/// Reads an optional `-` or space and then a letter at `i`; returns it (uppercased), whether it
/// was uppercase, and the index after it.
fn read_letter(bytes: &[u8], mut i: usize) -> Option<(u8, bool, usize)> {
    if matches!(bytes.get(i), Some(b'-' | b' ')) {
        i += 1;
    }
    let b = *bytes.get(i)?;
    b.is_ascii_alphabetic()
        .then(|| (b.to_ascii_uppercase(), b.is_ascii_uppercase(), i + 1))
}

/// Reads a DNI at `start`: `12345678`, or `12.345.678`, then the letter. Returns the value, the
/// letter case and the end.
fn read_dni(bytes: &[u8], start: usize) -> Option<(u32, u8, bool, usize)> {
    let (value, i) = if bytes.get(start + 2) == Some(&b'.') {
        let (a, i) = read_digits(bytes, start, 2)?;
        if bytes.get(i) != Some(&b'.') {
            return None;
        }
        let (b, i) = read_digits(bytes, i + 1, 3)?;
        if bytes.get(i) != Some(&b'.') {
            return None;
        }
        let (c, i) = read_digits(bytes, i + 1, 3)?;
        (a * 1_000_000 + b * 1000 + c, i)
    } else {
        read_digits(bytes, start, 8)?
    };
    let (letter, upper, end) = read_letter(bytes, i)?;
    Some((value, letter, upper, end))
}

/// Checks a compact DNI (`12345678Z`, any case).
#[cfg(test)]
fn dni_valid(compact: &[u8]) -> bool {
    matches!(read_dni(compact, 0), Some((v, l, _, end)) if end == compact.len() && v != 0 && letter_ok(v, l))
}

/// Reads a NIE at `start`: X/Y/Z, optional `-` or space, seven digits, then the letter. Returns
/// the value with the prefix digit, the letter, whether all letters were uppercase, and the end.
fn read_nie(bytes: &[u8], start: usize) -> Option<(u32, u8, bool, usize)> {
    let p = *bytes.get(start)?;
    let prefix = match p.to_ascii_uppercase() {
        b'X' => 0,
        b'Y' => 1,
        b'Z' => 2,
        _ => return None,
    };
    let mut i = start + 1;
    if matches!(bytes.get(i), Some(b'-' | b' ')) {
        i += 1;
    }
    let (v, i) = read_digits(bytes, i, 7)?;
    let (letter, upper, end) = read_letter(bytes, i)?;
    Some((
        prefix * 10_000_000 + v,
        letter,
        upper && p.is_ascii_uppercase(),
        end,
    ))
}

/// Checks a compact NIE (`X1234567L`, any case).
#[cfg(test)]
fn nie_valid(compact: &[u8]) -> bool {
    matches!(read_nie(compact, 0), Some((v, l, _, end)) if end == compact.len() && letter_ok(v, l))
}

pub(crate) fn scan_dni(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // Eight digits in one word, or `12.345.678`: a two-digit group before a three-digit one.
    if hay.counts.word_digits >> 8 == 0 && hay.counts.group_pairs & pair_bit(2, 3) == 0 {
        return;
    }
    scan_dni_words(hay, out);
}

/// [`scan_dni`] without the look at the hay's counts first.
fn scan_dni_words(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        // Eight digits in a row lie within one word; the dotted form opens with a two-digit word.
        if !bytes[w.start].is_ascii_digit() || w.digits < 8 && w.len() != 2 {
            continue;
        }
        let Some((value, letter, upper, end)) = read_dni(&bytes, w.start) else {
            continue;
        };
        if value == 0 || !letter_ok(value, letter) || !isolated(&bytes, w.start, end) {
            continue;
        }
        let milli = if upper { 700 } else { 450 };
        out.push(candidate(
            Kind::EsDni,
            w.start,
            end,
            milli,
            "es_dni.mod23",
            true,
        ));
    }
}

pub(crate) fn scan_nie(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // The seven digits make one word (`X1234567L`, `X-1234567-L`).
    if hay.counts.word_digits & count_bit(7) == 0 {
        return;
    }
    scan_nie_words(hay, out);
}

/// [`scan_nie`] without the look at the hay's counts first.
fn scan_nie_words(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    // Both forms open with `X`, `Y` or `Z`: in the word, or one separator before it.
    for w in hay.words.iter().filter(|w| w.lettered) {
        let s = w.start;
        let start = if matches!(bytes[s].to_ascii_uppercase(), b'X' | b'Y' | b'Z') {
            s
        } else if s >= 2
            && bytes[s].is_ascii_digit()
            && matches!(bytes[s - 1], b'-' | b' ')
            && matches!(bytes[s - 2].to_ascii_uppercase(), b'X' | b'Y' | b'Z')
        {
            s - 2
        } else {
            continue;
        };
        let Some((value, letter, upper, end)) = read_nie(&bytes, start) else {
            continue;
        };
        if !letter_ok(value, letter) || !isolated(&bytes, start, end) {
            continue;
        }
        let milli = if upper { 750 } else { 450 };
        out.push(candidate(
            Kind::EsNie,
            start,
            end,
            milli,
            "es_nie.mod23",
            true,
        ));
    }
}

pub(crate) const CIF_CONTEXT: &[&str] = &[
    "cif",
    "c.i.f",
    "nif",
    "identificación fiscal",
    "identificacion fiscal",
    "spani",
    "spain",
    "españ",
    "espagn",
    "spagn",
    "spanje",
    "spaans",
    "espanh",
];

/// Nine upper-case characters that make a CIF: an organisation letter, seven digits and a check
/// digit or letter that passes.
pub(crate) fn cif_is_valid(c: &[u8]) -> bool {
    c.len() == 9 && b"ABCDEFGHJNPQRSUVW".contains(&c[0]) && vat::es(c)
}

pub(crate) fn scan_cif(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in hay.words.iter().filter(|w| w.lettered && w.len() == 9) {
        let (start, end) = (w.start, w.end);
        if !cif_is_valid(&bytes[start..end])
            || !isolated(&bytes, start, end)
            || vat::follows_prefix(&bytes, start, &[*b"ES"])
        {
            continue;
        }
        out.push(candidate(Kind::EsCif, start, end, 400, "es_cif.luhn", true));
    }
}

pub(crate) const NSS_CONTEXT: &[&str] = &[
    "nuss",
    "n.u.s.s",
    "nss",
    "naf",
    "seguridad social",
    "afiliación",
    "afiliacion",
    // French names it after the value: the phrase reaches the window where "espagnol" does not.
    "sécurité sociale espagnol",
    "securite sociale espagnol",
    "spani",
    "spain",
    "españ",
    "espagn",
    "spagn",
    "spanje",
    "spaans",
    "espanh",
];

/// Twelve ASCII digits: a province code and the mod-97 check of the first ten.
pub(crate) fn nss_valid(d: &[u8]) -> bool {
    d.len() == 12
        && d.iter().all(u8::is_ascii_digit)
        && matches!(num(&d[..2]), 1..=53 | 66)
        && d[..10]
            .iter()
            .fold(0, |r, &b| (r * 10 + u32::from(b - b'0')) % 97)
            == num(&d[10..])
}

pub(crate) fn scan_nss(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::EsNss,
        milli: 450,
        rule: "es_nss.mod97",
    };
    scan_grouped(hay, out, &[12], b"", nss_valid, &report, true);
    scan_grouped(hay, out, &[2, 8, 2], b"/ -", nss_valid, &report, true);
}

#[cfg(test)]
mod tests {
    // DNI and NIE check letters and the written forms people use.
    use super::*;
    use crate::detect::builtin::shape::testing::{counts_skip_nothing, found};

    #[test]
    fn the_counts_skip_no_text_with_a_dni_or_nie() {
        // Synthetic: check letters computed with the mod-23 table.
        let pieces = [
            "12345678Z",
            "12.345.678-Z",
            "12.345.678 z",
            "X1234567L",
            "X-1234567-L",
            "y 0000000 z",
            " ",
            "-",
            ".",
            "1",
            "333",
            "Z",
        ];
        counts_skip_nothing(scan_dni, scan_dni_words, &pieces, 300);
        counts_skip_nothing(scan_nie, scan_nie_words, &pieces, 300);
    }

    #[test]
    fn dni_check_letter() {
        // 12345678Z is the example in the Spanish Ministry of the Interior's check-letter page;
        // the others are synthetic, checked with python-stdnum es.dni.
        assert!(dni_valid(b"12345678Z"));
        assert!(dni_valid(b"54362315K"));
        assert!(dni_valid(b"00000001R"));
        assert!(!dni_valid(b"12345678A"));
        assert!(!dni_valid(b"54362315L"));
        assert!(!dni_valid(b"1234567Z"));
        assert!(!dni_valid(b"00000000T"));
        assert!(dni_valid(b"12.345.678-Z"));
    }

    #[test]
    fn nie_check_letter() {
        // Synthetic, checked with python-stdnum es.nie.
        assert!(nie_valid(b"X2482300W"));
        assert!(nie_valid(b"Y1234567X"));
        assert!(nie_valid(b"Z1234567R"));
        assert!(!nie_valid(b"X2482300A"));
        assert!(!nie_valid(b"Y1234567Y"));
        assert!(!nie_valid(b"W2482300W"));
        assert!(!nie_valid(b"X248230W"));
    }

    #[test]
    fn dni_scan_forms() {
        assert_eq!(
            found("mi DNI es 12345678Z.", scan_dni),
            [("12345678Z", 700)]
        );
        assert_eq!(found("DNI 12.345.678-Z", scan_dni), [("12.345.678-Z", 700)]);
        assert_eq!(found("12345678 Z ok", scan_dni), [("12345678 Z", 700)]);
        assert_eq!(found("dni 12345678z", scan_dni), [("12345678z", 450)]);
        assert!(found("12345678A", scan_dni).is_empty());
        assert!(found("112345678Z", scan_dni).is_empty());
        assert!(found("12345678ZZ", scan_dni).is_empty());
        assert!(found("REF-12345678Z", scan_dni).is_empty());
        assert!(found("12345678 Zaragoza", scan_dni).is_empty());
    }

    #[test]
    fn nie_scan_forms() {
        assert_eq!(found("NIE X2482300W", scan_nie), [("X2482300W", 750)]);
        assert_eq!(found("NIE: X-2482300-W", scan_nie), [("X-2482300-W", 750)]);
        assert_eq!(
            found("Y 1234567 X, gracias", scan_nie),
            [("Y 1234567 X", 750)]
        );
        assert!(found("X2482300A", scan_nie).is_empty());
        assert!(found("AX2482300W", scan_nie).is_empty());
        // A NIE is not also a DNI.
        assert!(found("X2482300W", scan_dni).is_empty());
    }

    #[test]
    fn cif_known_answers() {
        // From python-stdnum 2.2's es.cif documentation.
        assert!(cif_is_valid(b"J99216582"));
        assert!(!cif_is_valid(b"J99216583"));
        // Synthetic, from Faker 40.54 es_ES cif(), checked with python-stdnum (es.cif): check
        // digits and check letters.
        for v in ["H87405619", "S6340626H", "R1731261B", "C74699216"] {
            assert!(cif_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!cif_is_valid(b"H87405618"));
        assert!(!cif_is_valid(b"X1234567L")); // an NIE
        assert!(!cif_is_valid(b"12345678Z")); // a DNI
        assert!(!cif_is_valid(b"h87405619"));
    }

    #[test]
    fn cif_found_after_a_context_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for text in [
            "CIF: H87405619",
            "El CIF de la empresa es H87405619.",
            "Our Spanish company's tax id is H87405619",
        ] {
            assert_eq!(pipeline(text), [(Kind::EsCif, "H87405619")], "{text}");
        }
        not_reported(
            Kind::EsCif,
            &["H87405619", "Part H87405619 in stock", "CIF: H87405618"],
        );
        let found = pipeline("CIF: ES H87405619");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::EuVat);
    }

    #[test]
    fn nss_known_answers() {
        // Synthetic, from Faker 40.54 es_ES nuss(): province, eight digits, first ten mod 97.
        for v in [
            "358854779711",
            "197831446143",
            "039458770648",
            "485422230690",
        ] {
            assert!(nss_valid(v.as_bytes()), "{v}");
        }
        assert!(!nss_valid(b"358854779712"));
        assert!(!nss_valid(b"008854779711")); // no province 00
        assert!(!nss_valid(b"35885477971"));
    }

    #[test]
    fn nss_found_after_a_context_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for (text, value) in [
            (
                "Mi número de la Seguridad Social es 358854779711",
                "358854779711",
            ),
            ("NUSS: 35/88547797/11", "35/88547797/11"),
            (
                "My Spanish social security number is 358854779711.",
                "358854779711",
            ),
        ] {
            assert_eq!(pipeline(text), [(Kind::EsNss, value)], "{text}");
        }
        not_reported(
            Kind::EsNss,
            &["358854779711", "Pedido 358854779711", "NUSS: 358854779712"],
        );
    }
}

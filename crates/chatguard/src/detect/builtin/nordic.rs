//! Nordic personal identity numbers, which all begin with the date of birth:
//!
//! * Swedish personnummer / samordningsnummer — `YYMMDD-NNNC` (`+` from the year a person turns
//!   100) or `YYYYMMDD-NNNC`, Luhn over the ten short-form digits, day + 60 for coordination
//!   numbers.
//! * Danish CPR number — `DDMMYY-SSSS` with a real date (century from the seventh digit). The
//!   mod 11 check is no longer required of numbers issued since 2007, so it only raises the
//!   confidence; the kind always needs context.
//! * Finnish henkilötunnus (HETU) — `DDMMYYCZZZQ` with century sign and a mod 31 check character.
//! * Norwegian fødselsnummer / D-number — `DDMMYYIIIKK` with two mod 11 check digits, day + 40 for
//!   D-numbers and month + 40 for H-numbers, century from the individual number.
//! * Icelandic kennitala — `DDMMYY-RRCK`, mod 11 check digit `C`, century digit `K`, day + 40 for
//!   organisations.
//!
//! A separated form (date, separator, tail) is distinctive; a compact digit string is another
//! ten- or eleven-digit number unless a context word is near, so compact forms are reported only
//! with one (Sweden, Iceland) or below the default threshold until context lifts them (Norway).

use crate::detect::checksum::{luhn, weighted_sum};
use crate::detect::context::{has_support, Support};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{ascii_upper, candidate, isolated, num, valid_date, valid_date_yy};
use crate::table::Table;

pub(crate) const SE_CONTEXT: &[&str] = &[
    "personnummer",
    "personnr",
    "pers.nr",
    "pnr",
    "samordningsnummer",
    "personal identity number",
    "swedish id",
    "swedish",
    "sweden",
    "sverige",
    "svensk",
    "schweden",
    "schwedisch",
    "suède",
    "suédois",
    "suecia",
    "sueco",
    "svezia",
    "svedese",
    "zweden",
    "zweeds",
    "suécia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const SE_GENERIC: &[&str] = &[
    "personal number",
    "id-nummer",
    "personennummer",
    "identi",
    "numéro personnel",
    "número personal",
    "codice personale",
    "persoonsnummer",
    "número pessoal",
];

pub(crate) const DK_CONTEXT: &[&str] = &[
    "cpr",
    "cpr-nr",
    "cpr-nummer",
    "cpr nummer",
    "personnummer",
    "personnr",
    "sygesikring",
    "sundhedskort",
    "civil registration",
    "danish id",
    "danish",
    "denmark",
    "danmark",
    "dansk",
    "dänemark",
    "dänisch",
    "danemark",
    "danois",
    "dinamarca",
    "danés",
    "danimarca",
    "danese",
    "denemarken",
    "deens",
    "dinamarquês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const DK_GENERIC: &[&str] = &[
    "personennummer",
    "identi",
    "numéro personnel",
    "número personal",
    "codice personale",
    "persoonsnummer",
    "número pessoal",
];

pub(crate) const FI_CONTEXT: &[&str] = &[
    "henkilötunnus",
    "henkilotunnus",
    "hetu",
    "sotu",
    "sosiaaliturvatunnus",
    "personbeteckning",
    "personal identity code",
    "finnish id",
    "finnish",
    "finland",
    "suomi",
    "suomalai",
    "finnland",
    "finnisch",
    "finlande",
    "finlandais",
    "finlandia",
    "finlandés",
    "finlandese",
    "fins",
    "finlândia",
    "finlandês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const FI_GENERIC: &[&str] = &[
    "personennummer",
    "identi",
    "numéro personnel",
    "número personal",
    "codice personale",
    "persoonsnummer",
    "número pessoal",
];

pub(crate) const NO_CONTEXT: &[&str] = &[
    "fødselsnummer",
    "fodselsnummer",
    "fødselsnr",
    "fnr",
    "f.nr",
    "personnummer",
    "d-nummer",
    "d-number",
    "birth number",
    "norwegian id",
    "norwegian",
    "norway",
    "norge",
    "norsk",
    "norwegen",
    "norwegisch",
    "norvège",
    "norvégien",
    "noruega",
    "noruego",
    "norvegia",
    "norvegese",
    "noorwegen",
    "noors",
    "norueguês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NO_GENERIC: &[&str] = &[
    "national identity number",
    "personennummer",
    "identi",
    "numéro personnel",
    "número personal",
    "codice personale",
    "persoonsnummer",
    "número pessoal",
];

pub(crate) const IS_CONTEXT: &[&str] = &[
    "kennitala",
    "kennitölu",
    "kennitolu",
    "kt",
    "icelandic id",
    "icelandic",
    "iceland",
    "ísland",
    "íslensk",
    "isländisch",
    "islande",
    "islandais",
    "islandia",
    "islandés",
    "islanda",
    "islandese",
    "ijsland",
    "ijslands",
    "islândia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const IS_GENERIC: &[&str] = &[
    "personal number",
    "personennummer",
    "identi",
    "numéro personnel",
    "número personal",
    "codice personale",
    "persoonsnummer",
    "número pessoal",
];

/// The digits of a date-led identifier as written: the leading digit block, the separator (if
/// any) and the tail.
struct Parts<'t> {
    head: &'t [u8],
    sep: Option<u8>,
    tail: &'t [u8],
    end: usize,
}

/// How many ASCII digits start at `i` (counting stops after 13).
fn digit_len(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take(13)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Reads `head sep tail` at `start`, where `head` has one of `heads` digits, `sep` one of `seps`
/// and `tail` has `tail_len` digits; or a compact block of `head + tail_len` digits. The whole
/// must be an isolated token.
fn read_parts<'t>(
    bytes: &'t [u8],
    start: usize,
    heads: &[usize],
    seps: &[u8],
    tail_len: usize,
) -> Option<Parts<'t>> {
    let n = digit_len(bytes, start);
    let parts = if heads.contains(&n) {
        let sep = *bytes.get(start + n)?;
        if !seps.contains(&sep) || digit_len(bytes, start + n + 1) != tail_len {
            return None;
        }
        let end = start + n + 1 + tail_len;
        Parts {
            head: bytes.get(start..start + n)?,
            sep: Some(sep),
            tail: bytes.get(start + n + 1..end)?,
            end,
        }
    } else if let Some(&h) = heads.iter().find(|&&h| h + tail_len == n) {
        Parts {
            head: bytes.get(start..start + h)?,
            sep: None,
            tail: bytes.get(start + h..start + n)?,
            end: start + n,
        }
    } else {
        return None;
    };
    isolated(bytes, start, parts.end).then_some(parts)
}

// --- Sweden ---------------------------------------------------------------------------------

/// Checks a Swedish personnummer given its date block (`YYMMDD` or `YYYYMMDD`) and the four
/// trailing digits: a real date (day + 60 for samordningsnummer) and Luhn over the short form.
pub(crate) fn se_valid(head: &[u8], tail: &[u8]) -> bool {
    if tail.len() != 4 || !matches!(head.len(), 6 | 8) {
        return false;
    }
    let short = &head[head.len() - 6..];
    let (mm, mut dd) = (num(&short[2..4]), num(&short[4..6]));
    if dd > 60 {
        dd -= 60;
    }
    let date_ok = if head.len() == 8 {
        matches!(num(&head[..2]), 18..=20) && valid_date(num(&head[..4]), mm, dd)
    } else {
        valid_date_yy(num(&short[..2]), mm, dd)
    };
    let mut ten = [0u8; 10];
    ten[..6].copy_from_slice(short);
    ten[6..].copy_from_slice(tail);
    date_ok && luhn(&ten)
}

pub(crate) fn scan_se(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        let Some(p) = read_parts(&bytes, w.start, &[6, 8], b"-+", 4) else {
            continue;
        };
        if p.head.len() == 8 && p.sep == Some(b'+') || !se_valid(p.head, p.tail) {
            continue;
        }
        let milli = match p.sep {
            Some(_) => 650,
            None if has_support(
                hay.text,
                w.start,
                p.end,
                Support {
                    specific: SE_CONTEXT,
                    generic: SE_GENERIC,
                },
            ) =>
            {
                450
            }
            None => continue,
        };
        out.push(candidate(
            Kind::SePersonnummer,
            w.start,
            p.end,
            milli,
            "se_personnummer.luhn",
            true,
        ));
    }
}

// --- Denmark --------------------------------------------------------------------------------

/// A real birth date in a CPR number, with the century the seventh digit implies (CPR office
/// rules, as python-stdnum dk.cpr).
pub(crate) fn dk_date_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (dd, mm, yy) = (num(&d[..2]), num(&d[2..4]), num(&d[4..6]));
    let year = match d[6] {
        b'5'..=b'8' if yy >= 58 => 1800 + yy,
        b'0'..=b'3' => 1900 + yy,
        b'4' | b'9' if yy >= 37 => 1900 + yy,
        _ => 2000 + yy,
    };
    valid_date(year, mm, dd)
}

/// The pre-2007 mod 11 check (weights 4,3,2,7,6,5,4,3,2,1).
pub(crate) fn dk_mod11(d: &[u8]) -> bool {
    d.len() == 10 && weighted_sum(d, &[4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
}

pub(crate) fn scan_dk(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        let Some(p) = read_parts(&bytes, w.start, &[6], b"- ", 4) else {
            continue;
        };
        let mut d = [0u8; 10];
        d[..6].copy_from_slice(p.head);
        d[6..].copy_from_slice(p.tail);
        if !dk_date_valid(&d) {
            continue;
        }
        let (milli, rule, validated) = if dk_mod11(&d) {
            (500, "dk_cpr.mod11", true)
        } else {
            (450, "dk_cpr.date", false)
        };
        out.push(candidate(
            Kind::DkCpr,
            w.start,
            p.end,
            milli,
            rule,
            validated,
        ));
    }
}

// --- Finland --------------------------------------------------------------------------------

/// Check characters by remainder mod 31.
const FI_CHECK: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// The century a HETU sign stands for (`+` 1800s; `-` and `Y X W V U` 1900s; `A`–`F` 2000s).
fn fi_century(sign: u8) -> Option<u32> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'U'..=b'Y' => Some(1900),
        b'A'..=b'F' => Some(2000),
        _ => None,
    }
}

/// Checks an uppercase 11-character HETU: date, century sign, individual number 002–999 (900–999
/// are temporary numbers, still personal) and the mod 31 check character.
pub(crate) fn fi_valid(c: &[u8]) -> bool {
    if c.len() != 11
        || !c[..6].iter().all(u8::is_ascii_digit)
        || !c[7..10].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let Some(century) = fi_century(c[6]) else {
        return false;
    };
    if !valid_date(century + num(&c[4..6]), num(&c[2..4]), num(&c[..2])) || num(&c[7..10]) < 2 {
        return false;
    }
    let n = num(&c[..6]) * 1000 + num(&c[7..10]);
    FI_CHECK.get((n % 31) as usize) == Some(&c[10])
}

pub(crate) fn scan_fi(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        // The leading digits lie within the word: fewer than six digits in all rule it out.
        if w.digits < 6 || digit_len(&bytes, w.start) != 6 {
            continue;
        }
        let end = w.start + 11;
        let Some(raw) = bytes.get(w.start..end) else {
            continue;
        };
        let c: [u8; 11] = ascii_upper(raw);
        if !isolated(&bytes, w.start, end) || !fi_valid(&c) {
            continue;
        }
        let milli = if raw.iter().any(u8::is_ascii_lowercase) {
            600
        } else {
            750
        };
        out.push(candidate(
            Kind::FiHetu,
            w.start,
            end,
            milli,
            "fi_hetu.mod31",
            true,
        ));
    }
}

// --- Norway ---------------------------------------------------------------------------------

/// Checks an 11-digit fødselsnummer: both mod 11 check digits, and a real birth date with
/// D-number (day + 40) and H-number (month + 40) offsets and the century the individual number
/// implies (Skatteetaten rules, as python-stdnum no.fodselsnummer). FH-numbers (day ≥ 80) carry
/// no date and are not accepted.
pub(crate) fn no_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let check = |weights: &[u32], at: usize| {
        let k = (11 - weighted_sum(d, weights) % 11) % 11;
        k < 10 && k == u32::from(d[at] - b'0')
    };
    if !check(&[3, 7, 6, 1, 8, 9, 4, 5, 2], 9) || !check(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10) {
        return false;
    }
    let (mut dd, mut mm, yy, ind) = (num(&d[..2]), num(&d[2..4]), num(&d[4..6]), num(&d[6..9]));
    if dd >= 80 {
        return false;
    }
    if dd > 40 {
        dd -= 40;
    }
    if mm > 40 {
        mm -= 40;
    }
    let year = match ind {
        0..=499 => 1900 + yy,
        500..=749 if yy >= 54 => 1800 + yy,
        _ if yy < 40 => 2000 + yy,
        900..=999 => 1900 + yy,
        _ => return false,
    };
    valid_date(year, mm, dd)
}

pub(crate) fn scan_no(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        let Some(p) = read_parts(&bytes, w.start, &[6], b" -", 5) else {
            continue;
        };
        let mut d = [0u8; 11];
        d[..6].copy_from_slice(p.head);
        d[6..].copy_from_slice(p.tail);
        if !no_valid(&d) {
            continue;
        }
        let milli = if p.sep.is_some() { 650 } else { 450 };
        out.push(candidate(
            Kind::NoFnr,
            w.start,
            p.end,
            milli,
            "no_fnr.mod11",
            true,
        ));
    }
}

// --- Iceland --------------------------------------------------------------------------------

/// Checks a 10-digit kennitala: a real date (day + 40 for organisations), the century digit
/// (8, 9 or 0 for the 1800s, 1900s, 2000s) and the mod 11 check digit (weights 3,2,7,6,5,4,3,2
/// and 1 for the check digit itself), as Þjóðskrá Íslands and python-stdnum is_.kennitala.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let century = match d[9] {
        b'8' => 1800,
        b'9' => 1900,
        b'0' => 2000,
        _ => return false,
    };
    let mut dd = num(&d[..2]);
    if dd > 40 {
        dd -= 40;
    }
    valid_date(century + num(&d[4..6]), num(&d[2..4]), dd)
        && weighted_sum(d, &[3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
}

pub(crate) fn scan_is(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        let Some(p) = read_parts(&bytes, w.start, &[6], b"-", 4) else {
            continue;
        };
        let mut d = [0u8; 10];
        d[..6].copy_from_slice(p.head);
        d[6..].copy_from_slice(p.tail);
        if !is_valid(&d) {
            continue;
        }
        let milli = match p.sep {
            Some(_) => 550,
            None if has_support(
                hay.text,
                w.start,
                p.end,
                Support {
                    specific: IS_CONTEXT,
                    generic: IS_GENERIC,
                },
            ) =>
            {
                450
            }
            None => continue,
        };
        out.push(candidate(
            Kind::IsKennitala,
            w.start,
            p.end,
            milli,
            "is_kennitala.mod11",
            true,
        ));
    }
}

#[cfg(test)]
mod tests {
    // Dates, century rules and check digits of the five Nordic numbers, and their written forms.
    use super::*;
    use crate::detect::builtin::shape::testing::{found, spans};

    #[test]
    fn se_rules() {
        // 811228-9874 is python-stdnum se.personnummer's example; the rest are synthetic, their
        // Luhn digits computed with python-stdnum.
        assert!(se_valid(b"811228", b"9874"));
        assert!(se_valid(b"19811228", b"9874"));
        assert!(se_valid(b"900101", b"1239"));
        assert!(se_valid(b"811288", b"9871")); // samordningsnummer: day 28 + 60
        assert!(se_valid(b"000229", b"1235")); // 29 Feb 2000
        assert!(!se_valid(b"811228", b"9875"));
        assert!(!se_valid(b"811232", b"9874"));
        assert!(!se_valid(b"21811228", b"9874")); // century 21
        assert!(!se_valid(b"19000229", b"1235")); // 1900 is not a leap year
    }

    #[test]
    fn se_scan_forms() {
        assert_eq!(found("pnr 811228-9874", scan_se), [("811228-9874", 650)]);
        assert_eq!(found("811228+9874", scan_se), [("811228+9874", 650)]);
        assert_eq!(found("19811228-9874.", scan_se), [("19811228-9874", 650)]);
        assert_eq!(
            found("mitt personnummer 8112289874", scan_se),
            [("8112289874", 450)]
        );
        assert_eq!(
            found("personnummer: 198112289874", scan_se),
            [("198112289874", 450)]
        );
        assert!(found("8112289874", scan_se).is_empty());
        assert!(found("811228-9875", scan_se).is_empty());
        assert!(found("19811228+9874", scan_se).is_empty());
        assert!(found("1-811228-9874", scan_se).is_empty());
        assert!(found("811228-98745", scan_se).is_empty());
    }

    #[test]
    fn dk_rules() {
        // 211062-5629 is python-stdnum dk.cpr's example (mod 11 valid); 010190-1234 is synthetic.
        assert!(dk_date_valid(b"2110625629"));
        assert!(dk_mod11(b"2110625629"));
        assert!(dk_date_valid(b"0101901234"));
        assert!(!dk_mod11(b"0101901234"));
        assert!(!dk_date_valid(b"3102901234"));
        assert!(!dk_date_valid(b"0113901234"));
        // 29 Feb 1900 (seventh digit 0: 1900s) is not a date; 29 Feb 2000 (digit 4, yy < 37) is.
        assert!(!dk_date_valid(b"2902000123"));
        assert!(dk_date_valid(b"2902004123"));
    }

    #[test]
    fn dk_needs_context() {
        let s = |t| spans(t, scan_dk, DK_CONTEXT, true);
        assert_eq!(s("CPR-nr. 211062-5629"), ["211062-5629"]);
        assert_eq!(s("mit cpr nummer er 0101901234"), ["0101901234"]);
        assert_eq!(found("cpr 211062-5629", scan_dk)[0].1, 500);
        assert_eq!(found("cpr 010190-1234", scan_dk)[0].1, 450);
        assert!(s("ordre 211062-5629").is_empty());
        assert!(s("cpr 310290-1234").is_empty());
    }

    #[test]
    fn fi_rules() {
        // 131052-308T is the example of the Finnish Digital and Population Data Services Agency
        // (and python-stdnum fi.hetu); the others are synthetic, check characters computed with
        // python-stdnum's mod 31 table.
        assert!(fi_valid(b"131052-308T"));
        assert!(fi_valid(b"131052A308T"));
        assert!(fi_valid(b"010594Y9010"));
        assert!(fi_valid(b"020202A002F"));
        assert!(fi_valid(b"290200A002C"));
        assert!(!fi_valid(b"131052-308U"));
        assert!(!fi_valid(b"131052G308T")); // G is no century sign
        assert!(!fi_valid(b"131352-308T"));
        assert!(!fi_valid(b"290200-002C")); // 29 Feb 1900
        assert!(!fi_valid(b"131052-001T")); // individual numbers start at 002
    }

    #[test]
    fn fi_scan_forms() {
        assert_eq!(found("hetu 131052-308T.", scan_fi), [("131052-308T", 750)]);
        assert_eq!(found("131052A308T", scan_fi), [("131052A308T", 750)]);
        assert_eq!(found("311299-1236", scan_fi), [("311299-1236", 750)]);
        assert_eq!(found("131052-308t", scan_fi), [("131052-308t", 600)]);
        assert!(found("131052-308TX", scan_fi).is_empty());
        assert!(found("1131052-308T", scan_fi).is_empty());
        assert!(found("131052-308U", scan_fi).is_empty());
    }

    #[test]
    fn no_rules() {
        // 15108695088 is python-stdnum no.fodselsnummer's example; the rest are synthetic, check
        // digits computed with python-stdnum's weights.
        assert!(no_valid(b"15108695088"));
        assert!(no_valid(b"01010012356"));
        assert!(no_valid(b"29020050088")); // individual 500, yy 00: 29 Feb 2000
        assert!(no_valid(b"55018690046")); // D-number
        assert!(no_valid(b"15518690083")); // H-number
        assert!(!no_valid(b"15108695089"));
        assert!(!no_valid(b"15108695078"));
        assert!(!no_valid(b"31028690048")); // 31 February
        assert!(!no_valid(b"85018690069")); // FH-number, no date
    }

    #[test]
    fn no_scan_forms() {
        assert_eq!(found("fnr 151086 95088", scan_no), [("151086 95088", 650)]);
        assert_eq!(found("151086-95088", scan_no), [("151086-95088", 650)]);
        assert_eq!(found("15108695088", scan_no), [("15108695088", 450)]);
        assert_eq!(
            spans("fødselsnummer 15108695088", scan_no, NO_CONTEXT, false),
            ["15108695088"]
        );
        assert!(found("15108695089", scan_no).is_empty());
        assert!(found("151086 950889", scan_no).is_empty());
    }

    #[test]
    fn is_rules() {
        // 450401-3150 (organisation) and 120174-3399 are python-stdnum is_.kennitala's examples;
        // the rest are synthetic, check digits computed with python-stdnum's weights.
        assert!(is_valid(b"4504013150"));
        assert!(is_valid(b"1201743399"));
        assert!(is_valid(b"0101900029"));
        assert!(is_valid(b"2902000080")); // 29 Feb 2000
        assert!(!is_valid(b"2902000089")); // 29 Feb 1900
        assert!(!is_valid(b"1201743389"));
        assert!(!is_valid(b"1201743397")); // century 7
        assert!(!is_valid(b"3002900000"));
    }

    #[test]
    fn is_scan_forms() {
        assert_eq!(found("kt. 120174-3399", scan_is), [("120174-3399", 550)]);
        assert_eq!(
            found("kennitala 1201743399", scan_is),
            [("1201743399", 450)]
        );
        assert!(found("1201743399", scan_is).is_empty());
        assert!(found("120174-3389", scan_is).is_empty());
    }
}

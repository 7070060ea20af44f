//! Czech and Slovak birth number (rodné číslo): `YYMMDD/SSSC`.
//!
//! The month carries the sex (+50 for women) and, from 2004, +20 when a day's serials run out
//! (+70 for women). Ten-digit numbers (issued from 1954) are divisible by 11; numbers whose
//! first nine digits leave a remainder of 10 end in 0 instead. Nine-digit numbers
//! (before 1954) have no check digit at all: they are reported only in the slash form and only
//! with a Czech/Slovak context word nearby, with `validated: false` (rule `cz_rc.pre1954`).
//!
//! The slash form is how the number is written in documents and is reported on its own (score
//! 0.7); the compact ten digits look like any phone or account number, so they score below the
//! default threshold (0.45) and need a context word to be reported.

use super::shape::{dig, each_spot, num, valid_date, Grouping};
use crate::detect::context::{has_support, Support};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "rodné číslo",
    "rodne cislo",
    "rodného čísla",
    "rodneho cisla",
    "rodným číslem",
    "rč",
    "r.č.",
    "birth number",
    "geburtsnummer",
    "numéro de naissance",
    "número de nacimiento",
    "numero di nascita",
    "geboortenummer",
    "czech",
    "česk",
    "tschechien",
    "tschechisch",
    "tchèque",
    "checo",
    "checa",
    "ceco",
    "tsjechisch",
    "tsjechië",
    "tcheco",
    "slovak",
    "slovensk",
    "slowakisch",
    "slovaque",
    "eslovaco",
    "slovacco",
    "slowaaks",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &[
    "personal number",
    "personal identification number",
    "national id",
    "id number",
    "personenkennzahl",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

/// Czech/Slovak words required for the unchecked nine-digit form (a subset of [`CONTEXT`]).
const PRE1954_CONTEXT: &[&str] = &[
    "rodné číslo",
    "rodne cislo",
    "rodného čísla",
    "rodneho cisla",
    "rodným číslem",
    "rč",
    "r.č.",
    "birth number",
];

const SHAPE: Grouping = Grouping {
    len: 10,
    layouts: &[&[6, 4]],
    seps: b"/ ",
};

const SHAPE_9: Grouping = Grouping {
    len: 9,
    layouts: &[&[6, 3]],
    seps: b"/",
};

/// The birth year and month encoded in `YYMM` for a number of `len` digits, if valid.
fn year_month(d: &[u8], len: usize) -> Option<(u32, u32)> {
    let yy = num(&d[0..2]);
    let mm = num(&d[2..4]);
    let year = if len == 9 {
        if yy > 53 {
            return None;
        }
        1900 + yy
    } else if yy < 54 {
        2000 + yy
    } else {
        1900 + yy
    };
    let month = match mm {
        1..=12 => mm,
        51..=62 => mm - 50,
        21..=32 if year >= 2004 => mm - 20,
        71..=82 if year >= 2004 => mm - 70,
        _ => return None,
    };
    Some((year, month))
}

/// Checks a ten-digit birth number (ASCII digits).
pub(crate) fn is_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Some((year, month)) = year_month(d, 10) else {
        return false;
    };
    if !valid_date(year, month, num(&d[4..6])) {
        return false;
    }
    let rem = num(&d[..9]) % 11;
    match rem {
        // A remainder of 10 is written as check digit 0 (python-stdnum's cz.rc accepts it for
        // every year: such numbers were issued after 1985 too).
        10 => dig(d, 9) == 0,
        r => r == dig(d, 9),
    }
}

/// Checks the date of a nine-digit (pre-1954) birth number (ASCII digits); there is no check
/// digit to verify.
pub(crate) fn pre1954_date_ok(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    year_month(d, 9).is_some_and(|(y, m)| valid_date(y, m, num(&d[4..6])))
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &SHAPE, |spot| {
        if !is_valid(spot.digits) {
            return false;
        }
        let score = match spot.sep {
            Some(b'/') => 700,
            Some(_) => 600,
            None => 450,
        };
        out.push(Candidate {
            kind: Kind::CzRc,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(score),
            rule: "cz_rc.mod11",
            validated: true,
        });
        true
    });
    each_spot(hay, &SHAPE_9, |spot| {
        if spot.sep != Some(b'/')
            || !pre1954_date_ok(spot.digits)
            || !has_support(
                hay.text,
                spot.start,
                spot.end,
                Support::only(PRE1954_CONTEXT),
            )
        {
            return false;
        }
        out.push(Candidate {
            kind: Kind::CzRc,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(400),
            rule: "cz_rc.pre1954",
            validated: false,
        });
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, u16)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| (&text[c.start..c.end], c.score.milli()))
            .collect()
    }

    #[test]
    fn known_answers() {
        // From python-stdnum's cz.rc documentation.
        assert!(is_valid(b"7103192745"));
        assert!(!is_valid(b"7103192746"));
        assert!(!is_valid(b"7103192744"));
        assert!(!is_valid(b"1103492745")); // invalid date
                                           // python-stdnum reads 991231123 as 1899; we only take nine digits for 1900–1953.
        assert!(!pre1954_date_ok(b"991231123"));
        assert!(pre1954_date_ok(b"520312123"));
        assert!(!pre1954_date_ok(b"590312123")); // nine digits after 1953
                                                 // Synthetic, generated with python-stdnum (cz.rc.is_valid confirms them); women (+50)
                                                 // and the +20/+70 months used since 2004.
        for v in [
            "7403038401",
            "8802172192",
            "5657032469",
            "0609086456",
            "2480029992",
            "1175055530",
        ] {
            assert!(is_valid(v.as_bytes()), "{v}");
        }
        // Remainder 10 ending in 0 (synthetic; accepted by python-stdnum).
        assert!(is_valid(b"8001010040"));
        assert!(is_valid(b"9051010090"));
        // +20 months before 2004 do not exist.
        assert!(!is_valid(b"9922010010"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(found("rodné číslo: 710319/2745"), [("710319/2745", 700)]);
        assert_eq!(found("RČ 710319 2745"), [("710319 2745", 600)]);
        assert_eq!(found("7103192745"), [("7103192745", 450)]);
        assert!(found("710319/2746").is_empty());
        assert!(found("710319-2745").is_empty());
        // Nine digits: slash form and a Czech word needed; no check digit to validate.
        assert_eq!(found("rodné číslo 520312/123"), [("520312/123", 400)]);
        assert!(found("520312/123").is_empty());
        assert!(found("rodné číslo 590312/123").is_empty());
        assert!(found("rodné číslo 520312123").is_empty());
    }
}

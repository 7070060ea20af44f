//! Personal codes of Estonia (isikukood), Lithuania (asmens kodas) and Latvia (personas kods).
//!
//! - **Estonia and Lithuania** share one format and one algorithm: eleven digits `GYYMMDDSSSC`,
//!   where `G` encodes sex and century (3–4: 1900s, 5–6: 2000s; 1–2 for the 1800s are refused
//!   because nobody alive carries them, and Lithuania's rare `9` exception codes without a date
//!   are refused too), then the birth date, a serial and a check digit from two weight rounds
//!   (1-2-…-9-1, then 3-4-…-9-1-2-3 when the first gives 10). The two cannot be told apart by
//!   the digits: a number is reported as `lt_asmens` when a Lithuanian word is near it and as
//!   `ee_ik` otherwise. Date plus check digit: reported without context.
//! - **Latvia** (old format) `DDMMYY-CNNNN`: birth date, century digit `C` (1: 1900s, 2: 2000s;
//!   0 for the 1800s is refused), a serial and a check digit over weights 10-5-8-4-2-1-6-3-7-9.
//!   Codes issued since July 2017 start with `32` and carry no date. python-stdnum applies the
//!   same check digit to them; with only that one digit they are reported only with a Latvian
//!   context word nearby (rule `lv_pk.new_checksum`).

use super::shape::{dig, each_spot, num, valid_date, Grouping, Spot};
use crate::detect::context::{has_support, Support};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const EE_CONTEXT: &[&str] = &[
    "isikukood",
    "isikukoodi",
    "isikukoodiga",
    "id-kaart",
    "eesti",
    "estonian",
    "estonia",
    "estland",
    "estnisch",
    "estonie",
    "estonien",
    "estonio",
    "estone",
    "estlands",
    "estónia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const EE_GENERIC: &[&str] = &[
    "personal code",
    "personal identification code",
    "personal number",
    "national id",
    "id number",
    "identity number",
    "personalausweis",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

/// Words that mark an Estonian-format code as Lithuanian; also the `lt_asmens` context.
pub(crate) const LT_CONTEXT: &[&str] = &[
    "asmens kodas",
    "asmens kodą",
    "asmens kodo",
    "asmens kod",
    "lietuv",
    "lithuania",
    "litauen",
    "litauisch",
    "lituanie",
    "lituanien",
    "lituania",
    "lituano",
    "litouwen",
    "litouws",
    "lituânia",
];

pub(crate) const LV_CONTEXT: &[&str] = &[
    "personas kods",
    "personas kodu",
    "personas koda",
    "latvij",
    "latvia",
    "lettland",
    "lettonie",
    "letonia",
    "lettonia",
    "letland",
    "letónia",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const LV_GENERIC: &[&str] = &[
    "personal code",
    "personal number",
    "national id",
    "id number",
    "identity number",
    "personalausweis",
    "identifikationsnummer",
    "numéro d'identification",
    "número de identificación",
    "numero di identificazione",
    "identificatienummer",
    "número de identificação",
];

/// Words that allow a date-less new-format Latvian code (a subset of [`LV_CONTEXT`] that names
/// Latvia or its personal code, not generic identity words).
const LV_NEW_CONTEXT: &[&str] = &[
    "personas kods",
    "personas kodu",
    "personas koda",
    "latvij",
    "latvia",
    "lettland",
    "lettonie",
    "letonia",
    "lettonia",
    "letland",
    "letónia",
];

const IK_SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[],
    seps: b"",
};

const LV_SHAPE: Grouping = Grouping {
    len: 11,
    layouts: &[&[6, 5]],
    seps: b"- ",
};

/// Checks an Estonian isikukood / Lithuanian asmens kodas (eleven ASCII digits).
pub(crate) fn ik_is_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let century = match d[0] {
        b'3' | b'4' => 1900,
        b'5' | b'6' => 2000,
        _ => return false,
    };
    if !valid_date(century + num(&d[1..3]), num(&d[3..5]), num(&d[5..7])) {
        return false;
    }
    let round = |offset: usize| -> u32 {
        (0..10)
            .map(|i| dig(d, i) * ((i + offset) % 9 + 1) as u32)
            .sum::<u32>()
            % 11
    };
    let mut check = round(0);
    if check == 10 {
        check = round(2);
    }
    check % 10 == dig(d, 10)
}

/// The Latvian personal-code check digit over the first ten digits.
fn lv_check(d: &[u8]) -> u32 {
    const W: [u32; 10] = [10, 5, 8, 4, 2, 1, 6, 3, 7, 9];
    let sum: u32 = (0..10).map(|i| dig(d, i) * W[i]).sum();
    (1 + sum) % 11 % 10
}

/// Checks an old-format Latvian personal code `DDMMYYCNNNN` (eleven ASCII digits).
pub(crate) fn lv_old_is_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let century = match d[6] {
        b'1' => 1900,
        b'2' => 2000,
        _ => return false,
    };
    valid_date(century + num(&d[4..6]), num(&d[2..4]), num(&d[0..2])) && lv_check(d) == dig(d, 10)
}

/// Checks a new-format (since 2017) Latvian personal code `32NNNNNNNNN` (eleven ASCII digits).
pub(crate) fn lv_new_is_valid(d: &[u8]) -> bool {
    d.len() == 11
        && d.iter().all(u8::is_ascii_digit)
        && d.starts_with(b"32")
        && lv_check(d) == dig(d, 10)
}

fn ik_candidate(hay: &Hay<'_>, spot: &Spot<'_>, lithuanian: bool) -> Option<Candidate> {
    // Both countries write the same number: Estonian unless a Lithuanian word stands near, and
    // where both countries' words do, overlap resolution keeps the one named nearest.
    if !ik_is_valid(spot.digits)
        || lithuanian && !has_support(hay.text, spot.start, spot.end, Support::only(LT_CONTEXT))
    {
        return None;
    }
    let (kind, rule) = if lithuanian {
        (Kind::LtAsmens, "lt_asmens.checksum")
    } else {
        (Kind::EeIk, "ee_ik.checksum")
    };
    Some(Candidate {
        kind,
        start: spot.start,
        end: spot.end,
        score: Score::from_milli(600),
        rule,
        validated: true,
    })
}

pub(crate) fn scan_ee(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &IK_SHAPE, |spot| {
        ik_candidate(hay, spot, false)
            .map(|c| out.push(c))
            .is_some()
    });
}

pub(crate) fn scan_lt(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &IK_SHAPE, |spot| {
        ik_candidate(hay, spot, true).map(|c| out.push(c)).is_some()
    });
}

pub(crate) fn scan_lv(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    each_spot(hay, &LV_SHAPE, |spot| {
        let (score, rule) = if lv_old_is_valid(spot.digits) {
            (600, "lv_pk.checksum")
        } else if lv_new_is_valid(spot.digits)
            && has_support(
                hay.text,
                spot.start,
                spot.end,
                Support::only(LV_NEW_CONTEXT),
            )
        {
            (450, "lv_pk.new_checksum")
        } else {
            return false;
        };
        out.push(Candidate {
            kind: Kind::LvPk,
            start: spot.start,
            end: spot.end,
            score: Score::from_milli(score),
            rule,
            validated: true,
        });
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn ik_known_answers() {
        // From python-stdnum's ee.ik documentation.
        assert!(ik_is_valid(b"36805280109"));
        assert!(!ik_is_valid(b"36805280108"));
        assert!(!ik_is_valid(b"36805280100"));
        // From python-stdnum's lt.asmens documentation.
        assert!(ik_is_valid(b"33309240064"));
        assert!(!ik_is_valid(b"33309240164"));
        // Synthetic, generated with python-stdnum (ee.ik.calc_check_digit).
        for v in [
            "59406267076",
            "35904210536",
            "41406168894",
            "44809045878",
            "40112074178",
            "52307067803",
        ] {
            assert!(ik_is_valid(v.as_bytes()), "{v}");
        }
        // Century digits outside 3–6, and an impossible date.
        assert!(!ik_is_valid(b"16805280109"));
        assert!(!ik_is_valid(b"76805280109"));
        assert!(!ik_is_valid(b"36802300109"));
    }

    #[test]
    fn lv_known_answers() {
        // From python-stdnum's lv.pvn documentation.
        assert!(lv_old_is_valid(b"16117519997"));
        assert!(!lv_old_is_valid(b"16137519997")); // invalid date
        assert!(lv_new_is_valid(b"32867300679"));
        assert!(!lv_new_is_valid(b"32867300677"));
        assert!(!lv_old_is_valid(b"32867300679")); // new codes carry no date
                                                   // Synthetic, generated with python-stdnum (lv.pvn.calc_check_digit_pers).
        for v in [
            "26101027807",
            "09010016788",
            "19089723272",
            "25013428219",
            "07125211971",
        ] {
            assert!(lv_old_is_valid(v.as_bytes()), "{v}");
        }
        assert!(!lv_old_is_valid(b"26101027808"));
        assert!(!lv_old_is_valid(b"26101027806"));
        // Check digit fits, but 31 February / century digit 0 (synthetic).
        assert!(!lv_old_is_valid(b"31029912348"));
        assert!(!lv_old_is_valid(b"01019902341"));
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(
            found(scan_ee, "Minu isikukood on 36805280109."),
            ["36805280109"]
        );
        assert!(found(scan_lt, "Minu isikukood on 36805280109.").is_empty());
        assert_eq!(
            found(scan_lt, "Mano asmens kodas 33309240064"),
            ["33309240064"]
        );
        // Both countries' format: Estonian always offers it, overlap resolution keeps the
        // country named nearest (see `guard`'s tests).
        assert_eq!(
            found(scan_ee, "Mano asmens kodas 33309240064"),
            ["33309240064"]
        );
        assert_eq!(found(scan_ee, "36805280109"), ["36805280109"]);
        assert!(found(scan_ee, "isikukood 36805280108").is_empty());

        assert_eq!(
            found(scan_lv, "personas kods 161175-19997"),
            ["161175-19997"]
        );
        assert_eq!(found(scan_lv, "16117519997"), ["16117519997"]);
        assert!(found(scan_lv, "161375-19997").is_empty());
        assert_eq!(
            found(scan_lv, "mans personas kods ir 328673-00679"),
            ["328673-00679"]
        );
        // The date-less new format needs a Latvian word nearby.
        assert!(found(scan_lv, "number 328673-00679").is_empty());
        assert!(found(scan_lv, "personas kods 328673-00677").is_empty());
    }
}

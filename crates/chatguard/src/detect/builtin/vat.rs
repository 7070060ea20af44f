//! EU VAT identification numbers written with their country prefix (`DE136695976`,
//! `NL 004495445 B01`, `FR 40 303 265 045`, `ATU13585627`), checked with each member state's
//! own algorithm.
//!
//! The prefix plus a per-country length and check makes the format structurally strong, so it is
//! reported without context. Bare national forms without a prefix are the business of the
//! national recognizers. Supported (30 prefixes: every EU member state, Greece as EL and GR, the UK and Northern Ireland): AT, BE, BG,
//! CY, CZ, DE, DK, EE, EL/GR, ES, FI, FR, GB/XI, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE,
//! SI, SK. Algorithms follow python-stdnum (the
//! `stdnum.<cc>.vat`-style modules), which documents each country's source.
//!
//! Written forms: the prefix directly followed by the number, or (upper-case prefix only, since
//! `de`, `es`, `se` are everyday words) separated from it by one space, dash or dot; single spaces, dots or dashes may group the number. A number that goes on after
//! its length is refused unless the number was written compact and what follows comes after a
//! space (`DE136695976 2024`), so IBANs such as `BE68 5390 0754 7034` are not read as VAT numbers.

use super::balkan::egn_is_valid;
use super::baltic::{lv_new_is_valid, lv_old_is_valid};
use super::cz::is_valid as birth_number_is_valid;
use super::shape::{alnum_at, dig, num};
use crate::detect::checksum::{iso7064_mod11_10, luhn, mod97, weighted_sum};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "vat",
    "vat number",
    "vat id",
    "vat reg",
    "vies",
    "ust-id",
    "ust-idnr",
    "ustid",
    "umsatzsteuer",
    "uid",
    "mwst",
    "tva",
    "numéro de tva",
    "iva",
    "partita iva",
    "p.iva",
    "nif",
    "cif",
    "nif-iva",
    "btw",
    "btw-nummer",
    "btw-id",
    "ondernemingsnummer",
    "nipc",
    "nip",
    "moms",
    "momsregistreringsnummer",
    "alv",
    "arvonlisävero",
    "dph",
    "ič dph",
    "ddv",
    "pvn",
    "kmkr",
    "áfa",
    "adószám",
    "fpa",
    "afm",
    "αφμ",
    "φπα",
    "oib",
    "pdv",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const GENERIC: &[&str] = &["tax id", "tax number", "contribuinte"];

/// The longest compact body any supported country uses (NL: 12, GB/SE: 12).
const MAX_BODY: usize = 12;

struct Country {
    code: [u8; 2],
    /// Accepted compact body lengths, longest first.
    lens: &'static [usize],
    rule: &'static str,
    check: fn(&[u8]) -> bool,
}

static COUNTRIES: &[Country] = &[
    Country {
        code: *b"AT",
        lens: &[9],
        rule: "eu_vat.at_luhn",
        check: at,
    },
    Country {
        code: *b"BE",
        lens: &[10, 9],
        rule: "eu_vat.be_mod97",
        check: be,
    },
    Country {
        code: *b"BG",
        lens: &[10, 9],
        rule: "eu_vat.bg_mod11",
        check: bg,
    },
    Country {
        code: *b"CY",
        lens: &[9],
        rule: "eu_vat.cy_mod26",
        check: cy,
    },
    Country {
        code: *b"CZ",
        lens: &[10, 9, 8],
        rule: "eu_vat.cz_mod11",
        check: cz,
    },
    Country {
        code: *b"DE",
        lens: &[9],
        rule: "eu_vat.de_iso7064",
        check: de,
    },
    Country {
        code: *b"DK",
        lens: &[8],
        rule: "eu_vat.dk_mod11",
        check: dk,
    },
    Country {
        code: *b"EE",
        lens: &[9],
        rule: "eu_vat.ee_mod10",
        check: ee,
    },
    Country {
        code: *b"EL",
        lens: &[9, 8],
        rule: "eu_vat.el_mod11",
        check: el,
    },
    Country {
        code: *b"GR",
        lens: &[9, 8],
        rule: "eu_vat.el_mod11",
        check: el,
    },
    Country {
        code: *b"ES",
        lens: &[9],
        rule: "eu_vat.es_check",
        check: es,
    },
    Country {
        code: *b"FI",
        lens: &[8],
        rule: "eu_vat.fi_mod11",
        check: fi,
    },
    Country {
        code: *b"FR",
        lens: &[11],
        rule: "eu_vat.fr_key",
        check: fr,
    },
    Country {
        code: *b"GB",
        lens: &[12, 9, 5],
        rule: "eu_vat.gb_mod97",
        check: gb,
    },
    Country {
        code: *b"XI",
        lens: &[12, 9, 5],
        rule: "eu_vat.gb_mod97",
        check: gb,
    },
    Country {
        code: *b"HR",
        lens: &[11],
        rule: "eu_vat.hr_iso7064",
        check: hr,
    },
    Country {
        code: *b"HU",
        lens: &[8],
        rule: "eu_vat.hu_mod10",
        check: hu,
    },
    Country {
        code: *b"IE",
        lens: &[9, 8],
        rule: "eu_vat.ie_mod23",
        check: ie,
    },
    Country {
        code: *b"IT",
        lens: &[11],
        rule: "eu_vat.it_luhn",
        check: it,
    },
    Country {
        code: *b"LT",
        lens: &[12, 9],
        rule: "eu_vat.lt_mod11",
        check: lt,
    },
    Country {
        code: *b"LU",
        lens: &[8],
        rule: "eu_vat.lu_mod89",
        check: lu,
    },
    Country {
        code: *b"LV",
        lens: &[11],
        rule: "eu_vat.lv_mod11",
        check: lv,
    },
    Country {
        code: *b"MT",
        lens: &[8],
        rule: "eu_vat.mt_mod37",
        check: mt,
    },
    Country {
        code: *b"NL",
        lens: &[12],
        rule: "eu_vat.nl_mod11_mod97",
        check: nl,
    },
    Country {
        code: *b"PL",
        lens: &[10],
        rule: "eu_vat.pl_mod11",
        check: pl,
    },
    Country {
        code: *b"PT",
        lens: &[9],
        rule: "eu_vat.pt_mod11",
        check: pt,
    },
    Country {
        code: *b"RO",
        lens: &[10, 9, 8, 7, 6],
        rule: "eu_vat.ro_mod11",
        check: ro,
    },
    Country {
        code: *b"SE",
        lens: &[12],
        rule: "eu_vat.se_luhn",
        check: se,
    },
    Country {
        code: *b"SI",
        lens: &[8],
        rule: "eu_vat.si_mod11",
        check: si,
    },
    Country {
        code: *b"SK",
        lens: &[10],
        rule: "eu_vat.sk_mod11",
        check: sk,
    },
];

fn all_digits(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_digit)
}

/// The Luhn checksum (0 for a valid number) of ASCII digits, as python-stdnum's `luhn.checksum`.
fn luhn_checksum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b.wrapping_sub(b'0') % 10);
            if i % 2 == 1 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum::<u32>()
        % 10
}

/// Austria: `U` + 7 digits + a check digit `(6 − luhn(7 digits)) mod 10`.
fn at(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 9
        && b[0] == b'U'
        && all_digits(&b[1..])
        && (16 - luhn_checksum(&b[1..8])) % 10 == dig(&b, 8)
}

/// Belgium: 10 digits starting 0 or 1 (old 9-digit form gets a leading 0), first eight plus the
/// last two divisible by 97.
fn be(b: &[u8]) -> bool {
    let b = Table(b);
    if !all_digits(&b) {
        return false;
    }
    let (head, tail) = match b.len() {
        10 if b[0] == b'0' || b[0] == b'1' => (num(&b[..8]), num(&b[8..])),
        9 => (num(&b[..7]), num(&b[7..])),
        _ => return false,
    };
    head > 0 && (head % 97 + tail) % 97 == 0
}

/// Bulgaria: 9 digits for legal entities (weights 1…8, mod 11; a remainder of 10 retried with
/// weights 3…10); 10 digits for persons: an EGN, a foreigner's PNF (weights 21-19-17-13-11-9-7-3-1
/// mod 10) or weights 4-3-2-7-6-5-4-3-2 with `11 − s mod 11`.
fn bg(b: &[u8]) -> bool {
    let b = Table(b);
    if !all_digits(&b) {
        return false;
    }
    match b.len() {
        9 => {
            let mut check = weighted_sum(&b[..8], &[1, 2, 3, 4, 5, 6, 7, 8]) % 11;
            if check == 10 {
                check = weighted_sum(&b[..8], &[3, 4, 5, 6, 7, 8, 9, 10]) % 11;
            }
            check % 10 == dig(&b, 8)
        }
        10 => {
            egn_is_valid(&b)
                || weighted_sum(&b[..9], &[21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 == dig(&b, 9)
                || (11 - weighted_sum(&b[..9], &[4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11) % 11
                    == dig(&b, 9)
        }
        _ => false,
    }
}

/// Cyprus: 8 digits (not opening with `12`) and a check letter: the digits in odd places
/// translated 0→1, 1→0, 2→5, 3→7, 4→9, 5→13 … 9→21, plus the others, mod 26.
fn cy(b: &[u8]) -> bool {
    let b = Table(b);
    const ODD: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    if b.len() != 9 || !all_digits(&b[..8]) || b.starts_with(b"12") {
        return false;
    }
    let sum: u32 = (0..8)
        .map(|i| {
            if i % 2 == 0 {
                ODD[dig(&b, i) as usize]
            } else {
                dig(&b, i)
            }
        })
        .sum();
    u32::from(b[8]) == u32::from(b'A') + sum % 26
}

/// Czechia (DIČ): 8 digits for legal entities (not opening with 9; weights 8…2,
/// `(11 − s mod 11)`, 0 → 1, mod 10); 9 digits opening with 6 for special cases; otherwise an
/// individual's ten-digit birth number with its check (the nine-digit numbers of people born
/// before 1954 carry no check: a date alone, which one in five random numbers meets, is not taken).
fn cz(b: &[u8]) -> bool {
    let b = Table(b);
    if !all_digits(&b) {
        return false;
    }
    match b.len() {
        8 => {
            let check = (11 - weighted_sum(&b[..7], &[8, 7, 6, 5, 4, 3, 2]) % 11) % 11;
            b[0] != b'9' && (if check == 0 { 1 } else { check }) % 10 == dig(&b, 7)
        }
        9 if b[0] == b'6' => {
            let check = weighted_sum(&b[1..8], &[8, 7, 6, 5, 4, 3, 2]) % 11;
            (18 - (10 - check) % 11) % 10 == dig(&b, 8)
        }
        10 => birth_number_is_valid(&b),
        _ => false,
    }
}

/// Germany: 9 digits, no leading zero, ISO 7064 MOD 11,10.
fn de(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 9 && all_digits(&b) && b[0] != b'0' && iso7064_mod11_10(&b)
}

/// Denmark (CVR): 8 digits, no leading zero, weights 2-7-6-5-4-3-2-1 mod 11 = 0.
fn dk(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 8
        && all_digits(&b)
        && b[0] != b'0'
        && weighted_sum(&b, &[2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0
}

/// Estonia (KMKR): 9 digits, weights 3-7-1 repeated, mod 10 = 0.
fn ee(b: &[u8]) -> bool {
    b.len() == 9 && all_digits(b) && weighted_sum(b, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0
}

/// Greece: 9 digits (old 8-digit form gets a leading 0), powers-of-two weights mod 11 mod 10.
pub(crate) fn el(b: &[u8]) -> bool {
    let b = Table(b);
    if !all_digits(&b) || !(b.len() == 9 || b.len() == 8) {
        return false;
    }
    let body = &b[..b.len() - 1];
    let sum = body.iter().fold(0u32, |a, &c| a * 2 + u32::from(c - b'0'));
    sum * 2 % 11 % 10 == dig(&b, b.len() - 1)
}

const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spain (NIF): DNI (8 digits + letter), K/L/M + 7 digits + letter, NIE (X/Y/Z + 7 digits +
/// letter) or CIF (organisation letter + 7 digits + Luhn digit or letter).
pub(crate) fn es(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 9 || !all_digits(&b[1..8]) {
        return false;
    }
    let last = b[8];
    let dni = |n: u32| DNI_LETTERS.get((n % 23) as usize) == Some(&last);
    match b[0] {
        b'0'..=b'9' => dni(num(&b[..8])),
        b'K' | b'L' | b'M' => dni(num(&b[1..8])),
        b'X' | b'Y' | b'Z' => dni(u32::from(b[0] - b'X') * 10_000_000 + num(&b[1..8])),
        b'A'..=b'H' | b'J' | b'N' | b'P' | b'Q' | b'R' | b'S' | b'U' | b'V' | b'W' => {
            let mut with_zero = [b'0'; 8];
            with_zero[..7].copy_from_slice(&b[1..8]);
            let check = (10 - luhn_checksum(&with_zero)) % 10;
            last == b'0' + check as u8 || b"JABCDEFGHI".get(check as usize) == Some(&last)
        }
        _ => false,
    }
}

/// Finland (ALV): 8 digits, weights 7-9-10-5-8-4-2-1 mod 11 = 0.
fn fi(b: &[u8]) -> bool {
    b.len() == 8 && all_digits(b) && weighted_sum(b, &[7, 9, 10, 5, 8, 4, 2, 1]) % 11 == 0
}

const FR_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// France (TVA): a two-character key and the 9-digit SIREN (Luhn, except Monaco's `000…`).
fn fr(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 11 || !all_digits(&b[2..]) {
        return false;
    }
    let idx = |c: u8| FR_ALPHABET.iter().position(|&a| a == c).map(|i| i as u64);
    let (Some(k0), Some(k1)) = (idx(b[0]), idx(b[1])) else {
        return false;
    };
    let siren = &b[2..];
    if &siren[..3] != b"000" && !luhn(siren) {
        return false;
    }
    let n = u64::from(num(siren));
    if k0 < 10 && k1 < 10 {
        k0 * 10 + k1 == (n * 100 + 12) % 97
    } else {
        let check = if k0 < 10 {
            k0 * 24 + k1 - 10
        } else {
            k0 * 34 + k1 - 100
        };
        (n + 1 + check / 11) % 11 == check % 11
    }
}

/// United Kingdom / Northern Ireland: 9 digits (12 with a branch suffix), weights
/// 8-7-6-5-4-3-2-10-1 mod 97 in {0, 42, 55} (only 0 for numbers below 100 0000 00); government
/// departments `GD000`–`GD499` and health authorities `HA500`–`HA999` have no check.
fn gb(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() == 5 {
        return all_digits(&b[2..])
            && match &b[..2] {
                b"GD" => num(&b[2..]) < 500,
                b"HA" => num(&b[2..]) >= 500,
                _ => false,
            };
    }
    if !all_digits(&b) || !(b.len() == 9 || b.len() == 12) {
        return false;
    }
    let sum = weighted_sum(&b[..9], &[8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
    if num(&b[..3]) >= 100 {
        matches!(sum, 0 | 42 | 55)
    } else {
        sum == 0
    }
}

/// Croatia: the 11-digit OIB, ISO 7064 MOD 11,10.
fn hr(b: &[u8]) -> bool {
    b.len() == 11 && iso7064_mod11_10(b)
}

/// Hungary: 8 digits, weights 9-7-3-1 repeated, mod 10 = 0.
fn hu(b: &[u8]) -> bool {
    b.len() == 8 && all_digits(b) && weighted_sum(b, &[9, 7, 3, 1, 9, 7, 3, 1]) % 10 == 0
}

const IE_ALPHABET: &[u8] = b"WABCDEFGHIJKLMNOPQRSTUV";

fn ie_check(seven: &[u8; 7], extra: u32) -> Option<u8> {
    let sum: u32 = seven
        .iter()
        .enumerate()
        .map(|(i, &c)| (8 - i as u32) * u32::from(c.wrapping_sub(b'0') % 10))
        .sum();
    IE_ALPHABET.get(((sum + 9 * extra) % 23) as usize).copied()
}

/// Ireland: 7 digits + check letter (+ a second letter since 2013), or the old form digit,
/// letter, 5 digits, check letter; weights 8…2 (and 9 for the second letter) mod 23.
fn ie(b: &[u8]) -> bool {
    let b = Table(b);
    let pos = |c: u8| IE_ALPHABET.iter().position(|&a| a == c);
    if b.len() == 8 || b.len() == 9 {
        if all_digits(&b[..7]) {
            let extra = match b.get(8) {
                None => 0,
                Some(&c) => match pos(c) {
                    Some(i) => i as u32,
                    None => return false,
                },
            };
            let mut seven = [0u8; 7];
            seven.copy_from_slice(&b[..7]);
            return ie_check(&seven, extra) == Some(b[7]);
        }
        if b.len() == 8
            && b[0].is_ascii_digit()
            && b[1].is_ascii_uppercase()
            && all_digits(&b[2..7])
        {
            let mut seven = [b'0'; 7];
            seven[1..6].copy_from_slice(&b[2..7]);
            seven[6] = b[0];
            return ie_check(&seven, 0) == Some(b[7]);
        }
    }
    false
}

/// Italy (partita IVA): 11 digits, province code 001–100/120/121/888/999, Luhn.
fn it(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 11 || !all_digits(&b) || num(&b[..7]) == 0 {
        return false;
    }
    matches!(num(&b[7..10]), 1..=100 | 120 | 121 | 888 | 999) && luhn(&b)
}

/// Lithuania (PVM): 9 digits for legal entities (eighth digit 1), 12 for temporary taxpayers and
/// persons (eleventh digit 1); weights 1…9 repeating mod 11, a remainder of 10 retried with the
/// weights shifted by two, then mod 10.
fn lt(b: &[u8]) -> bool {
    let b = Table(b);
    let marker = match b.len() {
        9 => 7,
        12 => 10,
        _ => return false,
    };
    if !all_digits(&b) || b[marker] != b'1' {
        return false;
    }
    let body = &b[..b.len() - 1];
    let weighted = |shift: usize| -> u32 {
        body.iter()
            .enumerate()
            .map(|(i, &d)| u32::from(d - b'0') * (1 + (i + shift) % 9) as u32)
            .sum()
    };
    let mut check = weighted(0) % 11;
    if check == 10 {
        check = weighted(2) % 11;
    }
    check % 10 == dig(&b, b.len() - 1)
}

/// Luxembourg: 8 digits, the last two are the first six mod 89.
fn lu(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 8 && all_digits(&b) && num(&b[..6]) % 89 == num(&b[6..])
}

/// Latvia: legal entities (first digit above 3) use weights 9-1-4-8-3-10-2-5-7-6-1 mod 11 = 3;
/// natural persons use their personal code.
fn lv(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 11 || !all_digits(&b) {
        return false;
    }
    if b[0] > b'3' {
        weighted_sum(&b, &[9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 == 3
    } else {
        lv_old_is_valid(&b) || lv_new_is_valid(&b)
    }
}

/// Malta: 8 digits, no leading zero, weights 3-4-6-7-8-9-10-1 mod 37 = 0.
fn mt(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 8
        && all_digits(&b)
        && b[0] != b'0'
        && weighted_sum(&b, &[3, 4, 6, 7, 8, 9, 10, 1]) % 37 == 0
}

/// Netherlands: 9 digits + `B` + 2 digits (not `00`); the digits pass the BSN eleven-test (older
/// numbers) or `NL` + the whole number passes ISO 7064 MOD 97-10 (numbers issued since 2020).
fn nl(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 12 || !all_digits(&b[..9]) || b[9] != b'B' || !all_digits(&b[10..]) {
        return false;
    }
    if num(&b[..9]) == 0 || num(&b[10..]) == 0 {
        return false;
    }
    let weighted: u32 = (0..8).map(|i| dig(&b, i) * (9 - i as u32)).sum();
    let elfproef = (weighted + 11 * 9 - dig(&b, 8)) % 11 == 0;
    elfproef || mod97(b"NL".iter().chain(b.iter()).copied())
}

/// Poland (NIP): 10 digits, weights 6-5-7-2-3-4-5-6-7 mod 11 give the last digit.
pub(crate) fn pl(b: &[u8]) -> bool {
    b.len() == 10
        && all_digits(b)
        && weighted_sum(b, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == dig(b, 9)
}

/// Portugal (NIF): 9 digits, no leading zero, weights 9…2, check `(11 − s) mod 11 mod 10`.
fn pt(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 9 || !all_digits(&b) || b[0] == b'0' {
        return false;
    }
    let s = weighted_sum(&b, &[9, 8, 7, 6, 5, 4, 3, 2]);
    (11 - s % 11) % 11 % 10 == dig(&b, 8)
}

/// Romania (CUI/CIF): 2 to 10 digits without a leading zero (6 to 10 here: shorter ones are
/// company numbers from the early 1990s that a two-letter prefix makes too easy to meet by
/// chance), left-padded to 10; weights 7-5-3-2-1-7-5-3-2, `10 s mod 11 mod 10`.
fn ro(b: &[u8]) -> bool {
    let b = Table(b);
    if !(6..=10).contains(&b.len()) || !all_digits(&b) || b[0] == b'0' {
        return false;
    }
    const WEIGHTS: [u32; 9] = [7, 5, 3, 2, 1, 7, 5, 3, 2];
    let body = &b[..b.len() - 1];
    let sum: u32 = body
        .iter()
        .zip(&WEIGHTS[9 - body.len()..])
        .map(|(&d, &w)| u32::from(d - b'0') * w)
        .sum();
    10 * sum % 11 % 10 == dig(&b, b.len() - 1)
}

/// Sweden: the 10-digit organisation number (Luhn) followed by `01`.
fn se(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 12 && all_digits(&b) && b.ends_with(b"01") && luhn(&b[..10])
}

/// Slovenia (DDV): 8 digits, no leading zero, weights 8…2, check `11 − s mod 11` (10 → 0).
fn si(b: &[u8]) -> bool {
    let b = Table(b);
    if b.len() != 8 || !all_digits(&b) || b[0] == b'0' {
        return false;
    }
    let check = 11 - weighted_sum(&b, &[8, 7, 6, 5, 4, 3, 2]) % 11;
    match check {
        11 => false,
        10 => dig(&b, 7) == 0,
        c => c == dig(&b, 7),
    }
}

/// Slovakia (IČ DPH): 10 digits, no leading zero, third digit 2/3/4/7/8/9, divisible by 11; or
/// a person's ten-digit birth number (python-stdnum's `sk.dph` accepts both).
fn sk(b: &[u8]) -> bool {
    let b = Table(b);
    b.len() == 10
        && all_digits(&b)
        && (b[0] != b'0'
            && matches!(b[2], b'2' | b'3' | b'4' | b'7' | b'8' | b'9')
            && (u64::from(num(&b[..9])) * 10 + u64::from(dig(&b, 9))) % 11 == 0
            || birth_number_is_valid(&b))
}

fn country(a: u8, b: u8) -> Option<&'static Country> {
    // Both letters in the same case: `DE`, `de` (not `De`, which reads as a word).
    if a.is_ascii_uppercase() != b.is_ascii_uppercase() {
        return None;
    }
    let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    COUNTRIES.iter().find(|c| c.code == code)
}

/// Reads a VAT body starting at `from` and pushes a candidate spanning `start..` if it validates.
fn try_body(bytes: &[u8], start: usize, from: usize, c: &Country, out: &mut Vec<Candidate>) {
    let mut buf = [0u8; MAX_BODY + 1];
    let mut ends = [0usize; MAX_BODY + 1];
    let mut spaced = [false; MAX_BODY + 1];
    let mut n = 0;
    let mut i = from;
    let mut seen_space = false;
    // One character past the country's longest body tells whether something follows it: no
    // need to read further.
    let longest = c
        .lens
        .iter()
        .copied()
        .max()
        .unwrap_or(MAX_BODY)
        .min(MAX_BODY);
    while n <= longest {
        match bytes.get(i) {
            Some(&b) if b.is_ascii_alphanumeric() => {
                buf[n] = b.to_ascii_uppercase();
                ends[n] = i + 1;
                spaced[n] = seen_space;
                n += 1;
                i += 1;
            }
            // Across a separator only into digits, or a letter glued to digits (`B01`): not
            // into the next word of the sentence.
            Some(&s)
                if matches!(s, b' ' | b'.' | b'-')
                    && n > 0
                    && (bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                        || alnum_at(bytes, i + 1)
                            && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)) =>
            {
                seen_space |= s == b' ';
                i += 1;
            }
            _ => break,
        }
    }
    for &len in c.lens {
        if n < len {
            continue;
        }
        let end = ends[len - 1];
        if n > len {
            // Something follows: only a compact number followed by a space may stop here.
            if spaced[len - 1] || bytes.get(end) != Some(&b' ') {
                continue;
            }
        }
        if (c.check)(&buf[..len]) {
            out.push(Candidate {
                kind: Kind::EuVat,
                start,
                end,
                score: Score::from_milli(850),
                rule: c.rule,
                validated: true,
            });
            return;
        }
    }
}

/// True when the national number starting at `start` follows one of `codes` written as the
/// separate upper-case prefix this scanner reads (`EL 094259216`): it is a VAT number then, and
/// the national recognizer leaves it to this one (a prefix glued to the digits keeps the
/// national one away already).
pub(crate) fn follows_prefix(bytes: &[u8], start: usize, codes: &[[u8; 2]]) -> bool {
    let bytes = Table(bytes);
    start >= 3
        && matches!(bytes[start - 1], b' ' | b'-' | b'.')
        && codes.iter().any(|c| bytes[start - 3..start - 1] == c[..])
        && !(start >= 4 && alnum_at(&bytes, start - 4))
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    // Both forms open with the country's letters: in the word, or one separator before it.
    for word in hay.words.iter().filter(|w| w.lettered) {
        let (s, e) = (word.start, word.end);
        // `DE136695976`: the prefix opens the word.
        if e - s >= 3 && bytes[s].is_ascii_alphabetic() && bytes[s + 1].is_ascii_alphabetic() {
            if let Some(c) = country(bytes[s], bytes[s + 1]) {
                try_body(&bytes, s, s + 2, c, out);
                continue;
            }
        }
        // `DE 136 695 976`: the prefix stands before the word, after one separator. Upper case
        // only: lower-case `de`, `es`, `el`, `se`, `si`, `it` are everyday words.
        if s >= 3
            && bytes[s - 3].is_ascii_uppercase()
            && matches!(bytes[s - 1], b' ' | b'-' | b'.')
            && bytes[s - 2].is_ascii_alphabetic()
            && bytes[s - 3].is_ascii_alphabetic()
            && !(s >= 4 && alnum_at(&bytes, s - 4))
        {
            if let Some(c) = country(bytes[s - 3], bytes[s - 2]) {
                try_body(&bytes, s - 3, s, c, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, &'static str)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| (&text[c.start..c.end], c.rule))
            .collect()
    }

    fn valid(cc: &str, body: &str) -> bool {
        let b = cc.as_bytes();
        country(b[0], b[1]).is_some_and(|c| (c.check)(body.as_bytes()))
    }

    #[test]
    fn known_answers() {
        // Valid examples from the python-stdnum documentation of each country module, then the
        // same with the last character changed (the modules' own invalid examples where given).
        let cases: &[(&str, &str, &str)] = &[
            ("AT", "U13585627", "U13585626"),
            ("BE", "0428759497", "0431150351"),
            ("BE", "403019261", "403019262"),
            ("DE", "136695976", "136695978"),
            ("DK", "13585628", "13585627"),
            ("EE", "100594102", "100594103"),
            ("EL", "094259216", "123456781"),
            ("GR", "94259216", "94259217"), // old 8-digit form of EL094259216
            ("ES", "B64717838", "B64717839"),
            ("ES", "B58378431", "B58378432"),
            ("FI", "20774740", "20774741"),
            ("FR", "40303265045", "84323140391"),
            ("FR", "23334175221", "23334175222"),
            ("GB", "980780684", "802311781"),
            ("HR", "33392005961", "33392005962"),
            ("HU", "12892312", "12892313"),
            ("IE", "6433435F", "6433435E"),
            ("IE", "6433435OA", "6433435OB"),
            ("IT", "00743110157", "00743110158"),
            ("LU", "15027442", "15027443"),
            ("LV", "40003521600", "40003521601"),
            ("MT", "11679112", "11679113"),
            ("NL", "004495445B01", "004495446B01"),
            ("NL", "002455799B11", "002455799B12"),
            ("PL", "8567346215", "8567346216"),
            ("PT", "501964843", "501964842"),
            ("SE", "123456789701", "123456789101"),
            ("SI", "50223054", "50223055"),
            ("SK", "2022749619", "2022749618"),
            ("BG", "175074752", "175074751"),
            ("CY", "10259033P", "10259033Z"),
            ("CZ", "25123891", "25123890"),
            ("CZ", "7103192745", "7103192746"), // a person's birth number
            ("CZ", "640903926", "640903927"),   // special case
            ("CZ", "610000078", "610000079"),   // special case, sum ≡ 0 (check 8, no underflow)
            ("CZ", "610000029", "610000028"),   // special case, sum ≡ 1 (check 9)
            ("CZ", "634014739", "634014735"),   // Faker's 634014735 fails python-stdnum
            ("LT", "119511515", "119511516"),
            ("LT", "100001919017", "100001919018"),
            ("LT", "100004801610", "100004801611"), // second step of the check
            ("RO", "18547290", "18547291"),
            ("SK", "7103192745", "7103192746"), // a birth number (python-stdnum's sk.dph)
            ("GB", "GD100", "GD500"),           // government department
            ("GB", "HA500", "HA499"),           // health authority
        ];
        for &(cc, good, bad) in cases {
            assert!(valid(cc, good), "{cc}{good}");
            assert!(!valid(cc, bad), "{cc}{bad}");
        }
    }

    #[test]
    fn synthetic_vectors() {
        // Synthetic, generated with python-stdnum (each is_valid confirms them).
        let cases: &[(&str, &str)] = &[
            ("ES", "12345678Z"),
            ("ES", "X1234567L"),
            ("ES", "A58818501"),
            ("FR", "0E732829320"),
            ("FR", "AJ732829320"),
            ("FR", "B8732829320"),
            ("GB", "434031494"),
            ("GB", "980780684001"),
            ("IE", "8Z49289F"),
            ("LV", "16117519997"),
            ("BG", "8301661313"), // a ten-digit number for a person
            ("LT", "423421717"),
            ("RO", "2260181596"),
        ];
        for &(cc, v) in cases {
            assert!(valid(cc, v), "{cc}{v}");
        }
    }

    #[test]
    fn scans_sentences() {
        assert_eq!(
            found("USt-IdNr.: DE136695976"),
            [("DE136695976", "eu_vat.de_iso7064")]
        );
        assert_eq!(
            found("BTW NL 004495445 B01."),
            [("NL 004495445 B01", "eu_vat.nl_mod11_mod97")]
        );
        assert_eq!(
            found("TVA FR 40 303 265 045"),
            [("FR 40 303 265 045", "eu_vat.fr_key")]
        );
        assert_eq!(
            found("uid: ATU13585627"),
            [("ATU13585627", "eu_vat.at_luhn")]
        );
        assert_eq!(
            found("BE 0428.759.497"),
            [("BE 0428.759.497", "eu_vat.be_mod97")]
        );
        assert_eq!(
            found("GB 980 7806 84 ok"),
            [("GB 980 7806 84", "eu_vat.gb_mod97")]
        );
        assert_eq!(
            found("VAT DE136695976 2024"),
            [("DE136695976", "eu_vat.de_iso7064")]
        );
        assert_eq!(found("IE6433435OA"), [("IE6433435OA", "eu_vat.ie_mod23")]);
        assert_eq!(
            found("CUI RO 185 472 90."),
            [("RO 185 472 90", "eu_vat.ro_mod11")]
        );
        assert_eq!(
            found("VAT: CY10259033P"),
            [("CY10259033P", "eu_vat.cy_mod26")]
        );
        assert_eq!(found("DIČ CZ25123891"), [("CZ25123891", "eu_vat.cz_mod11")]);
        assert_eq!(found("VAT GBHA943."), [("GBHA943", "eu_vat.gb_mod97")]);
        // A pre-1954 nine-digit birth number has no check digit: not taken.
        assert!(found("DIČ CZ530101123").is_empty());
        // Romanian numbers shorter than six digits, and opening with 0, are not taken.
        assert!(found("RO 18547").is_empty());
        assert!(found("RO 018547290").is_empty());
        assert!(found("GBGD500 GBHA499").is_empty());
        // Wrong check, glued, wrong case mix, continued numbers, IBAN look-alikes.
        assert!(found("DE136695978").is_empty());
        assert!(found("XDE136695976").is_empty());
        assert!(found("De136695976").is_empty());
        assert!(found("DE1366959761").is_empty());
        assert!(found("DE 136 695 976 1").is_empty());
        assert!(found("BE68 5390 0754 7034").is_empty());
        assert!(found("DE89 3704 0044 0532 0130 00").is_empty());
        assert!(found("the 136695976").is_empty());
        assert!(found("mi DNI es 12345678Z").is_empty());
        assert!(found("gb 980 7806 84").is_empty());
        assert_eq!(
            found("GR 94259216 ok"),
            [("GR 94259216", "eu_vat.el_mod11")]
        );
        assert!(found("número de 136695976").is_empty());
        assert_eq!(found("de136695976"), [("de136695976", "eu_vat.de_iso7064")]);
    }
}

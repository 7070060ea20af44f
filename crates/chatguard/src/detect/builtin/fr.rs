//! French social security number (numéro d'inscription au répertoire, NIR / « numéro de
//! sécu »): sex, year and month of birth, department (including `2A`/`2B` for Corsica), commune,
//! order number and a two-digit key `97 − (number mod 97)`.
//!
//! Fifteen characters with a two-digit key and restricted sex and month fields are safe to report
//! without context. Accepted forms: compact `185057800608491`, and the printed
//! `1 85 05 78 006 084 91` with spaces, dots or dashes.

use crate::detect::hay::{count_bit, Hay};
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, isolated};
use crate::table::Table;

pub(crate) const NIR_CONTEXT: &[&str] = &[
    "nir",
    "sécurité sociale",
    "securite sociale",
    "sécu",
    "secu",
    "insee",
    "carte vitale",
    "vitale",
    "immatriculation",
    "assuré social",
    "assure social",
    "nss",
    "french",
    "france",
    "frankreich",
    "französisch",
    "français",
    "française",
    "francés",
    "francia",
    "francese",
    "frankrijk",
    "frans",
    "francês",
    "frança",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NIR_GENERIC: &[&str] = &[
    "social security",
    "sozialversicherung",
    "seguridad social",
    "seguro social",
    "previdenza sociale",
    "sicurezza sociale",
    "sociale zekerheid",
    "segurança social",
    "seguranca social",
];

/// Compact positions after which a separator may stand: `1 85 05 78 006 084 91`.
const BREAKS: [usize; 6] = [1, 3, 5, 7, 10, 13];

/// Reads a NIR at `start`. Returns the upper-cased compact form, the end, and whether it was
/// written with separators.
fn read_nir(bytes: &[u8], start: usize) -> Option<([u8; 15], usize, bool)> {
    let mut out = [0u8; 15];
    let mut sep: Option<u8> = None;
    let mut i = start;
    for (k, slot) in out.iter_mut().enumerate() {
        if BREAKS.contains(&k) {
            if let Some(&b) = bytes.get(i).filter(|b| matches!(b, b' ' | b'.' | b'-')) {
                if sep.is_some_and(|s| s != b) {
                    return None;
                }
                sep = Some(b);
                i += 1;
            }
        }
        let b = bytes.get(i)?.to_ascii_uppercase();
        let ok = b.is_ascii_digit() || k == 6 && matches!(b, b'A' | b'B');
        if !ok {
            return None;
        }
        *slot = b;
        i += 1;
    }
    Some((out, i, sep.is_some()))
}

/// Checks a compact NIR: sex 1–4, 7 or 8; month 01–12, 20–42 or 50–99 (INSEE codes for unknown
/// or provisional months); department not 00, `2A`/`2B` only as such; and the key.
pub(crate) fn nir_valid(c: &[u8]) -> bool {
    if c.len() != 15
        || !c
            .iter()
            .enumerate()
            .all(|(k, b)| b.is_ascii_digit() || k == 6)
    {
        return false;
    }
    if !matches!(c[0], b'1'..=b'4' | b'7' | b'8') {
        return false;
    }
    let month = u32::from(c[3] - b'0') * 10 + u32::from(c[4] - b'0');
    if !matches!(month, 1..=12 | 20..=42 | 50..=99) {
        return false;
    }
    let dept = match (c[5], c[6]) {
        (b'2', b'A') => 19,
        (b'2', b'B') => 18,
        (b'0', b'0') => return false,
        (d, e) if e.is_ascii_digit() => u64::from(d - b'0') * 10 + u64::from(e - b'0'),
        _ => return false,
    };
    let mut n = 0u64;
    for (k, &b) in c[..13].iter().enumerate() {
        let v = match k {
            5 => dept / 10,
            6 => dept % 10,
            _ => u64::from(b - b'0'),
        };
        n = n * 10 + v;
    }
    let key = u64::from(c[13] - b'0') * 10 + u64::from(c[14] - b'0');
    key == 97 - n % 97
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // A NIR's separators are ones a number run takes, so it lies on consecutive groups of one
    // run: 15 digits, or (Corsica) 6 digits ending glued to the department's `A` or `B`.
    let counts = &hay.counts;
    if counts.run_digits & count_bit(15) == 0 && counts.glued_run_digits & count_bit(6) == 0 {
        return;
    }
    scan_words(hay, out);
}

/// [`scan`] without the look at the hay's counts first.
fn scan_words(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        // The first word ends at a group break (`1 85 05 …`) or holds the whole number: a word
        // of another length (a card's `4590`) cannot start one.
        if !matches!(bytes[w.start], b'1'..=b'4' | b'7' | b'8')
            || w.len() < 15 && !BREAKS.contains(&w.len())
        {
            continue;
        }
        let Some((compact, end, spaced)) = read_nir(&bytes, w.start) else {
            continue;
        };
        if !isolated(&bytes, w.start, end) || !nir_valid(&compact) {
            continue;
        }
        let milli = if spaced { 700 } else { 600 };
        out.push(candidate(
            Kind::FrNir,
            w.start,
            end,
            milli,
            "fr_nir.mod97",
            true,
        ));
    }
}

#[cfg(test)]
mod tests {
    // Key, Corsican departments, field rules and written forms.
    use super::*;
    use crate::detect::builtin::shape::testing::{counts_skip_nothing, found};

    #[test]
    fn the_counts_skip_no_text_with_a_nir() {
        // The documented and synthetic NIRs of `key_and_fields`, written as people do.
        let pieces = [
            "295109912611193",
            "2 95 10 99 126 111 93",
            "253072B07300470",
            "2 53 07 2B 073 004 70",
            "2.53.07.2B.073.004.70",
            "185052A00608435",
            "1-85-05-2A-006-084-35",
            "185 05 78 006 084 91",
            " ",
            "-",
            "1",
            "22",
            "A",
        ];
        counts_skip_nothing(scan, scan_words, &pieces, 500);
    }

    #[test]
    fn key_and_fields() {
        // 295109912611193 and 253072B07300470 are python-stdnum fr.nir's documented examples;
        // the others are synthetic, their keys computed with python-stdnum.
        assert!(nir_valid(b"295109912611193"));
        assert!(nir_valid(b"253072B07300470"));
        assert!(nir_valid(b"185057800608491"));
        assert!(nir_valid(b"185052A00608435"));
        assert!(nir_valid(b"185052B00608462"));
        assert!(!nir_valid(b"295109912611194"));
        assert!(!nir_valid(b"185057800608490"));
        assert!(!nir_valid(b"185052A00608462")); // 2B's key on 2A
        assert!(!nir_valid(b"18505780060849"));
        // Sex 5 and month 13 do not exist (keys recomputed so only the field is wrong).
        assert!(!nir_valid(b"585057800608485"));
        assert!(!nir_valid(b"185137800608425"));
    }

    #[test]
    fn scan_forms() {
        assert_eq!(
            found("numéro de sécu 1 85 05 78 006 084 91 merci", scan),
            [("1 85 05 78 006 084 91", 700)]
        );
        assert_eq!(
            found("NIR: 1 85 05 2A 006 084 35.", scan),
            [("1 85 05 2A 006 084 35", 700)]
        );
        assert_eq!(found("185057800608491", scan), [("185057800608491", 600)]);
        assert_eq!(
            found("1.85.05.78.006.084.91", scan),
            [("1.85.05.78.006.084.91", 700)]
        );
        assert!(found("1 85 05 78 006 084 90", scan).is_empty());
        assert!(found("1 85 05.78 006 084 91", scan).is_empty());
        assert!(found("1850578006084911", scan).is_empty());
        assert!(found("9185057800608491", scan).is_empty());
    }
}

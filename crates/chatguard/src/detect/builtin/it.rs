//! Italian fiscal code (codice fiscale) of a person: sixteen characters — three consonants each
//! from surname and name, a two-digit year, a month letter, the day (plus 40 for women), a
//! municipality code and a check letter — including omocodia, where digits of the date and
//! municipality are replaced by the letters `LMNPQRSTUV`.
//!
//! Structure, an embedded date and a check letter make it safe to report without context, except
//! for omocodic codes, which need a context word (random 16-character ids meet their layout).
//! Fully omocodic codes (every digit replaced) contain no digit and are not seen by the shared
//! tokenizer, so they are not found.

use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{ascii_upper, candidate, isolated, valid_date_yy};

pub(crate) const CF_CONTEXT: &[&str] = &[
    "codice fiscale",
    "cod. fisc",
    "cod fisc",
    "c.f.",
    "cf",
    "tessera sanitaria",
    "fiscal code",
    "tax code",
    "code fiscal",
    "código fiscal",
    "codigo fiscal",
    "fiscale code",
    "italian",
    "italy",
    "italia",
    "italiano",
    "italien",
    "italie",
    "italië",
    "italiaans",
    "itália",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CF_GENERIC: &[&str] = &[
    "steuernummer",
    "steuer-id",
    "numéro fiscal",
    "identificación fiscal",
    "fiscaal nummer",
    "número de contribuinte",
    "identi",
];

/// The month letters, January to December.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
/// The letters that replace digits 0–9 under omocodia.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Values of characters in odd (1st, 3rd, …) positions, for `0..=9` and `A..=Z` alike.
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// The digit value of a date or municipality character: a digit or its omocodia letter.
fn digit_value(b: u8) -> Option<u32> {
    if b.is_ascii_digit() {
        Some(u32::from(b - b'0'))
    } else {
        OMOCODIA.iter().position(|&x| x == b).map(|p| p as u32)
    }
}

/// The index of `b` among `0..=9` or `A..=Z` (both map to `0..`), as the check table uses it.
fn index(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'A'..=b'Z' => Some(usize::from(b - b'A')),
        _ => None,
    }
}

/// Checks an uppercase 16-character code: layout, birth date and check letter (python-stdnum
/// it.codicefiscale; Decreto ministeriale 23 dicembre 1976).
pub(crate) fn cf_valid(c: &[u8]) -> bool {
    if c.len() != 16 {
        return false;
    }
    let letters = [0, 1, 2, 3, 4, 5, 8, 11, 15];
    if !letters.iter().all(|&i| c[i].is_ascii_uppercase()) {
        return false;
    }
    let mut dv = [0u32; 7];
    for (slot, &i) in dv.iter_mut().zip(&[6usize, 7, 9, 10, 12, 13, 14]) {
        match digit_value(c[i]) {
            Some(v) => *slot = v,
            None => return false,
        }
    }
    let Some(month) = MONTHS.iter().position(|&m| m == c[8]) else {
        return false;
    };
    let year = dv[0] * 10 + dv[1];
    let day = (dv[2] * 10 + dv[3]) % 40;
    if !valid_date_yy(year, month as u32 + 1, day) {
        return false;
    }
    let mut sum = 0u32;
    for (pos, &b) in c[..15].iter().enumerate() {
        let Some(i) = index(b) else {
            return false;
        };
        sum += if pos % 2 == 0 { ODD[i] } else { i as u32 };
    }
    u32::from(c[15]) == u32::from(b'A') + sum % 26
}

/// Where the date and the municipality code hold digits (letters there are omocodia).
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    for w in &hay.words {
        if w.len() != 16 || !isolated(bytes, w.start, w.end) {
            continue;
        }
        let Some(raw) = bytes.get(w.start..w.end) else {
            continue;
        };
        let upper: [u8; 16] = ascii_upper(raw);
        if !cf_valid(&upper) {
            continue;
        }
        // Omocodic codes (a letter where a digit belongs) are rare, and random 16-character ids
        // (`jamellr6p2rrsusq`) meet their looser layout and the check letter about once in 30,000:
        // they need a context word.
        let omocodic = DIGIT_POSITIONS.iter().any(|&i| !upper[i].is_ascii_digit());
        let milli = if omocodic {
            450
        } else if raw.iter().all(|b| !b.is_ascii_lowercase()) {
            850
        } else {
            650
        };
        out.push(candidate(
            Kind::ItFiscalCode,
            w.start,
            w.end,
            milli,
            "it_fiscal_code.check_char",
            true,
        ));
    }
}

#[cfg(test)]
mod tests {
    // Layout, omocodia, embedded date and check letter.
    use super::*;
    use crate::detect::builtin::shape::testing::found;

    #[test]
    fn check_letter_and_date() {
        // RCCMNL83S18D969H and CNTCHR83T41D969D are python-stdnum it.codicefiscale's examples;
        // the rest are synthetic, their check letters computed with python-stdnum.
        assert!(cf_valid(b"RCCMNL83S18D969H"));
        assert!(cf_valid(b"CNTCHR83T41D969D"));
        assert!(cf_valid(b"MRARSS80A01H501T"));
        assert!(!cf_valid(b"RCCMNL83S18D969I"));
        assert!(!cf_valid(b"RCCMNL83S18D969G"));
        // Omocodia: the last digit of the municipality code, then every digit, replaced.
        assert!(cf_valid(b"RCCMNL83S18D96VW"));
        assert!(cf_valid(b"RCCMNLTPSMRDQSVA"));
        // 29 February only in a leap year; 31 April never; month letter F is not a month.
        assert!(cf_valid(b"BNCLRA92B29F205C"));
        assert!(!cf_valid(b"BNCLRA93B29F205D"));
        assert!(!cf_valid(b"BNCLRA93D31F205Q"));
        assert!(!cf_valid(b"RCCMNL83F18D969H"));
        assert!(!cf_valid(b"RCCMNL83S18D969"));
    }

    #[test]
    fn scan_forms() {
        assert_eq!(
            found("il mio codice fiscale è RCCMNL83S18D969H.", scan),
            [("RCCMNL83S18D969H", 850)]
        );
        assert_eq!(
            found("cf: rccmnl83s18d969h", scan),
            [("rccmnl83s18d969h", 650)]
        );
        // Omocodic: scored below the threshold, a context word lifts it.
        assert_eq!(found("RCCMNL83S18D96VW", scan), [("RCCMNL83S18D96VW", 450)]);
        assert_eq!(found("jamellr6p2rrsusq", scan), [("jamellr6p2rrsusq", 450)]);
        assert!(found("RCCMNL83S18D969G", scan).is_empty());
        assert!(found("XRCCMNL83S18D969H", scan).is_empty());
        assert!(found("RCCMNL83S18D969H7", scan).is_empty());
        assert!(found("id-RCCMNL83S18D969H", scan).is_empty());
    }
}

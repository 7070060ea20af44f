//! IBANs: country code, per-country length from the SWIFT IBAN registry, and ISO 7064 mod 97.

use crate::detect::checksum::mod97;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "iban",
    "account",
    "bank",
    "konto",
    "bankverbindung",
    "compte",
    "rib",
    "cuenta",
    "conto",
    "rekening",
    "conta",
    "transfer",
    "überweisung",
    "virement",
    "transferencia",
    "bonifico",
    "sepa",
];

/// IBAN lengths per country (SWIFT IBAN registry, release 99, plus partial-member countries).
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

/// The longest IBAN of any country in [`LENGTHS`] (a test checks it).
const MAX_LEN: usize = 34;

/// The IBAN length of a country (upper case), from [`LENGTHS`] (sorted by country: a test checks
/// it).
fn length_for(country: &[u8]) -> Option<usize> {
    let i = LENGTHS
        .binary_search_by(|(c, _)| c.as_slice().cmp(country))
        .ok()?;
    LENGTHS.get(i).map(|&(_, n)| n)
}

/// The ISO 7064 check of a compact IBAN already known to have its country's length and only
/// letters and digits (the country code and check digits moved to the end).
fn mod97_holds(compact: &[u8]) -> bool {
    compact.len() > 4 && mod97(compact[4..].iter().chain(&compact[..4]).copied())
}

/// True when `start` continues a run written in IBAN form: before it stand, from a word start, a
/// country's IBAN code and two check digits, then groups of four letters or digits, each group
/// followed by one space or dash, fewer characters in all than the country's IBAN has
/// (`BE78 0135 8428 2952`, `GB35 ODOP 5990 3225 9875 80`). The characters there belong to an
/// account number written as an IBAN, whether or not its checksum passes (a typo, a made-up
/// example), so no other kind claims them: the phone or card number the groups of a failed IBAN
/// happen to spell is none.
pub(crate) fn continues_iban_shape(bytes: &[u8], start: usize) -> bool {
    let mut at = start;
    for groups in 1..=MAX_LEN / 4 {
        if at < 5 || !matches!(bytes.get(at - 1), Some(b' ' | b'-')) {
            return false;
        }
        at -= 5;
        let Some(&[c0, c1, d0, d1]) = bytes.get(at..at + 4) else {
            return false;
        };
        if !bytes
            .get(at..at + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_alphanumeric))
            || at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            return false;
        }
        let country = [c0.to_ascii_uppercase(), c1.to_ascii_uppercase()];
        if c0.is_ascii_alphabetic()
            && c1.is_ascii_alphabetic()
            && d0.is_ascii_digit()
            && d1.is_ascii_digit()
        {
            if let Some(length) = length_for(&country) {
                return 4 * groups < length;
            }
        }
    }
    false
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    // An IBAN starts with a word that begins with two letters and two check digits.
    for word in hay.words.iter().filter(|w| w.lettered) {
        let w = &bytes[word.start..word.end];
        if w.len() < 4
            || !w[0].is_ascii_alphabetic()
            || !w[1].is_ascii_alphabetic()
            || !w[2].is_ascii_digit()
            || !w[3].is_ascii_digit()
        {
            continue;
        }
        if word.start > 0 && bytes[word.start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(want) = length_for(&[w[0].to_ascii_uppercase(), w[1].to_ascii_uppercase()]) else {
            continue;
        };
        // Gather alphanumerics, allowing single spaces or dashes between groups, up to the length.
        // On the stack: no IBAN is longer than `MAX_LEN` characters.
        let mut buf = [0u8; MAX_LEN];
        let mut len = 0;
        let mut i = word.start;
        let mut end = i;
        while i < bytes.len() && len < want {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                let Some(slot) = buf.get_mut(len) else {
                    break;
                };
                *slot = b;
                len += 1;
                i += 1;
                end = i;
            } else if (b == b' ' || b == b'-')
                && i + 1 < bytes.len()
                && bytes[i + 1].is_ascii_alphanumeric()
                && i > word.start
            {
                i += 1;
            } else {
                break;
            }
        }
        let compact = &buf[..len];
        if len != want || end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            continue;
        }
        // Gathered as it is, `compact` has the country's length and only letters and digits,
        // opening with two letters and two digits: only the checksum is left to check.
        if mod97_holds(compact) {
            out.push(Candidate {
                kind: Kind::Iban,
                start: word.start,
                end,
                score: Score::from_milli(950),
                rule: "iban.mod97",
                validated: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    #[test]
    fn lengths_are_sorted_by_country_and_fit_the_buffer() {
        for pair in LENGTHS.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{:?} before {:?}",
                pair[0].0,
                pair[1].0
            );
        }
        assert!(LENGTHS.iter().all(|&(_, n)| n <= MAX_LEN));
    }

    #[test]
    fn registry_examples() {
        // Examples from the SWIFT IBAN registry.
        assert_eq!(
            found("pay to DE89 3704 0044 0532 0130 00 today"),
            ["DE89 3704 0044 0532 0130 00"]
        );
        assert_eq!(found("GB82WEST12345698765432"), ["GB82WEST12345698765432"]);
        assert_eq!(
            found("iban: fr1420041010050500013m02606."),
            ["fr1420041010050500013m02606"]
        );
        assert_eq!(found("NO9386011117947"), ["NO9386011117947"]);
    }

    #[test]
    fn groups_written_as_an_iban_belong_to_it() {
        // Synthetic IBAN-shaped strings whose checksums fail.
        let shaped = |text: &str, digits: &str| {
            continues_iban_shape(text.as_bytes(), text.find(digits).expect("in text"))
        };
        assert!(shaped("IBAN BE78 0135 8428 2952", "0135 8428"));
        assert!(shaped("IBAN: GB35 ODOP 5990 3225 9875 80", "5990"));
        assert!(shaped("transfer to be93-0971-4235-0227", "0971"));
        assert!(shaped("IBAN NO37 0149 0744 572", "0744"));
        // Not IBAN form: no country code, an unknown one, glued, a group of another length
        // between, two spaces, or past the country's length (NO: 15).
        assert!(!shaped("call 0135 8428 2952", "0135"));
        assert!(!shaped("flight LH12 0171 1234567", "0171"));
        assert!(!shaped("XBE78 0135 8428", "0135"));
        assert!(!shaped("BE78 012345 8428", "8428"));
        assert!(!shaped("BE78  0135", "0135"));
        assert!(!shaped("0135", "0135"));
        assert!(!shaped("NO37 0149 0744 5720 0171", "0171"));
        // What follows a whole IBAN is not part of it.
        assert!(!shaped(
            "DE89 3704 0044 0532 0130 00 or mail ops@example.com",
            "ops"
        ));
        assert!(!shaped(
            "DE89 3704 0044 0532 0130 00 4012 8888 8888 1881",
            "4012"
        ));
    }

    #[test]
    fn mod97_failures_and_wrong_lengths_are_dropped() {
        assert!(found("DE89 3704 0044 0532 0130 01").is_empty());
        assert!(found("DE89 3704 0044 0532 0130").is_empty());
        assert!(found("XX89370400440532013000").is_empty());
    }
}

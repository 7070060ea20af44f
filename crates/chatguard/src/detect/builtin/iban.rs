//! IBANs: country code, per-country length from the SWIFT IBAN registry, and ISO 7064 mod 97.

use crate::detect::checksum::mod97;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
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

/// The BBAN layout of each IBAN country (SWIFT IBAN registry, release 101, plus partial-member
/// countries and Iran, whose banks give every account its 26-character Sheba number in IBAN form
/// outside the registry; adjacent runs of one class joined): runs of a count and a class — `n` digits, `a`
/// letters, `c` letters or digits. `BE` `12n` is twelve digits, `GB` `4a14n` a bank code of four
/// letters and fourteen digits. The IBAN is the country code, two check digits and the BBAN.
const LAYOUTS: &[(&[u8; 2], &str)] = &[
    (b"AD", "8n12c"),
    (b"AE", "19n"),
    (b"AL", "8n16c"),
    (b"AT", "16n"),
    (b"AZ", "4a20c"),
    (b"BA", "16n"),
    (b"BE", "12n"),
    (b"BG", "4a6n8c"),
    (b"BH", "4a14c"),
    (b"BI", "23n"),
    (b"BR", "23n1a1c"),
    (b"BY", "4c4n16c"),
    (b"CH", "5n12c"),
    (b"CR", "18n"),
    (b"CY", "8n16c"),
    (b"CZ", "20n"),
    (b"DE", "18n"),
    (b"DJ", "23n"),
    (b"DK", "14n"),
    (b"DO", "4c20n"),
    (b"EE", "16n"),
    (b"EG", "25n"),
    (b"ES", "20n"),
    (b"FI", "14n"),
    (b"FK", "2a12n"),
    (b"FO", "14n"),
    (b"FR", "10n11c2n"),
    (b"GB", "4a14n"),
    (b"GE", "2a16n"),
    (b"GI", "4a15c"),
    (b"GL", "14n"),
    (b"GR", "7n16c"),
    (b"GT", "24c"),
    (b"HN", "4a20n"),
    (b"HR", "17n"),
    (b"HU", "24n"),
    (b"IE", "4a14n"),
    (b"IL", "19n"),
    (b"IQ", "4a15n"),
    (b"IR", "22n"),
    (b"IS", "22n"),
    (b"IT", "1a10n12c"),
    (b"JO", "4a4n18c"),
    (b"KW", "4a22c"),
    (b"KZ", "3n13c"),
    (b"LB", "4n20c"),
    (b"LC", "4a24c"),
    (b"LI", "5n12c"),
    (b"LT", "16n"),
    (b"LU", "3n13c"),
    (b"LV", "4a13c"),
    (b"LY", "21n"),
    (b"MC", "10n11c2n"),
    (b"MD", "20c"),
    (b"ME", "18n"),
    (b"MK", "3n10c2n"),
    (b"MN", "16n"),
    (b"MR", "23n"),
    (b"MT", "4a5n18c"),
    (b"MU", "4a19n3a"),
    (b"NI", "4a20n"),
    (b"NL", "4a10n"),
    (b"NO", "11n"),
    (b"OM", "3n16c"),
    (b"PK", "4a16c"),
    (b"PL", "24n"),
    (b"PS", "4a21c"),
    (b"PT", "21n"),
    (b"QA", "4a21c"),
    (b"RO", "4a16c"),
    (b"RS", "18n"),
    (b"RU", "14n15c"),
    (b"SA", "2n18c"),
    (b"SC", "4a20n3a"),
    (b"SD", "14n"),
    (b"SE", "20n"),
    (b"SI", "15n"),
    (b"SK", "20n"),
    (b"SM", "1a10n12c"),
    (b"SO", "19n"),
    (b"ST", "21n"),
    (b"SV", "4a20n"),
    (b"TL", "19n"),
    (b"TN", "20n"),
    (b"TR", "6n16c"),
    (b"UA", "6n19c"),
    (b"VA", "18n"),
    (b"VG", "4a16n"),
    (b"XK", "16n"),
    (b"YE", "4a4n18c"),
];

/// The longest IBAN of any country in [`LAYOUTS`] (a test checks it).
const MAX_LEN: usize = 34;

/// What the search for an IBAN looks up per country, worked out from [`LAYOUTS`] at compile
/// time: the IBAN length, and which BBAN positions must be digits and which letters (bit `k` for
/// position `k`).
#[derive(Clone, Copy)]
struct Shape {
    country: &'static [u8; 2],
    length: usize,
    digits: u32,
    letters: u32,
}

const SHAPES: &[Shape] = &{
    let empty = Shape {
        country: b"  ",
        length: 0,
        digits: 0,
        letters: 0,
    };
    let mut table = [empty; LAYOUTS.len()];
    let mut i = 0;
    while i < LAYOUTS.len() {
        let (country, layout) = LAYOUTS[i];
        let layout = layout.as_bytes();
        let mut shape = Shape { country, ..empty };
        let (mut at, mut count, mut k) = (0, 0, 0);
        while k < layout.len() {
            let b = layout[k];
            if b.is_ascii_digit() {
                count = count * 10 + (b - b'0') as usize;
            } else {
                let run = ((1u64 << count) - 1) as u32;
                match b {
                    b'n' => shape.digits |= run << at,
                    b'a' => shape.letters |= run << at,
                    _ => {}
                }
                at += count;
                count = 0;
            }
            k += 1;
        }
        assert!(at <= 30, "a BBAN fits the masks");
        shape.length = 4 + at;
        table[i] = shape;
        i += 1;
    }
    table
};

/// The shape of a country's IBAN (upper case), from [`SHAPES`] (sorted by country, as
/// [`LAYOUTS`] is: a test checks it).
fn shape_for(country: &[u8]) -> Option<&'static Shape> {
    let i = SHAPES
        .binary_search_by(|s| s.country.as_slice().cmp(country))
        .ok()?;
    SHAPES.get(i)
}

/// The IBAN length of a country (upper case).
fn length_for(country: &[u8]) -> Option<usize> {
    shape_for(country).map(|s| s.length)
}

/// The runs of a layout: how many characters, of which class (`n`, `a` or `c`).
#[cfg(test)]
fn runs(layout: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    layout
        .as_bytes()
        .split_inclusive(u8::is_ascii_alphabetic)
        .filter_map(|run| {
            let (&class, count) = run.split_last()?;
            let count = count
                .iter()
                .fold(0, |n, &d| n * 10 + usize::from(d.wrapping_sub(b'0')));
            Some((count, class))
        })
}

/// Whether `bban` (letters of either case and digits, of its country's length) has its country's
/// layout: digits where the registry has digits, letters where it has letters. A string that
/// passes mod 97 by chance (one in 97) rarely does: `be75-80d7ac8b5e90`, the tail of a UUID.
fn bban_fits(shape: &Shape, bban: &[u8]) -> bool {
    bban.len() + 4 == shape.length
        && bban.iter().enumerate().all(|(k, b)| {
            let bit = 1 << k;
            (shape.digits & bit == 0 || b.is_ascii_digit())
                && (shape.letters & bit == 0 || b.is_ascii_alphabetic())
        })
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
/// happen to spell is none. What starts at `start` must read as the rest of that number: the
/// e-mail in `ae22 jane@example.com` does not, nor does what follows the last group of an IPv6
/// address.
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
                return 4 * groups < length && reads_as_group(bytes, at, start);
            }
        }
    }
    false
}

/// True when the country code at `code` opens no other value and what starts at `start` reads
/// as the rest of an account number: letters or digits ending at a blank, a dash, a comma or
/// the end of a sentence, not an e-mail address or a file name.
fn reads_as_group(bytes: &[u8], code: usize, start: usize) -> bool {
    let bytes = Table(bytes);
    // The last group of an IPv6 or MAC address (`…:d4de:ae45 come 4012 …`, `fe80::ae22 …`).
    if code > 1
        && bytes[code - 1] == b':'
        && (bytes[code - 2].is_ascii_hexdigit() || bytes[code - 2] == b':')
    {
        return false;
    }
    let rest = bytes.get(start..).unwrap_or_default();
    let group = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let ends = match rest.get(group) {
        None => true,
        Some(b'.' | b'!' | b'?') => !rest
            .get(group + 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'@' | b'.' | b'_')),
        Some(&b) => b.is_ascii_whitespace() || matches!(b, b'-' | b',' | b';' | b')'),
    };
    group > 0 && ends
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
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
        let country = [w[0].to_ascii_uppercase(), w[1].to_ascii_uppercase()];
        let Some(want) = length_for(&country) else {
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
        // opening with two letters and two digits: the layout and the checksum are left to check.
        // The layout is looked up again: few words get this far.
        let fits = shape_for(&country).is_some_and(|shape| bban_fits(shape, &compact[4..]));
        if fits && mod97_holds(compact) {
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
    fn layouts_are_sorted_by_country_and_fit_the_buffer() {
        for pair in LAYOUTS.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{:?} before {:?}",
                pair[0].0,
                pair[1].0
            );
        }
        for &(country, layout) in LAYOUTS {
            let n = length_for(country).expect("listed");
            assert!((15..=MAX_LEN).contains(&n), "{country:?}: {n}");
            assert!(runs(layout).all(|(n, c)| n > 0 && matches!(c, b'n' | b'a' | b'c')));
            let bban: usize = runs(layout).map(|(n, _)| n).sum();
            assert_eq!(4 + bban, n, "{country:?}: the length is the layout's");
            // The masks hold as many positions as the layout's digit and letter runs.
            let of = |class: u8| {
                runs(layout)
                    .filter(move |&(_, c)| c == class)
                    .map(|(n, _)| n)
            };
            let shape = shape_for(country).expect("listed");
            assert_eq!(shape.digits.count_ones() as usize, of(b'n').sum::<usize>());
            assert_eq!(shape.letters.count_ones() as usize, of(b'a').sum::<usize>());
            assert_eq!(shape.digits & shape.letters, 0);
        }
        // Registry lengths of a few countries.
        for (country, n) in [
            (b"NO", 15),
            (b"BE", 16),
            (b"DE", 22),
            (b"FR", 27),
            (b"RU", 33),
        ] {
            assert_eq!(length_for(country), Some(n));
        }
    }

    #[test]
    fn letters_where_the_registry_has_digits_are_no_iban() {
        // Synthetic: passes mod 97, but a Belgian BBAN is twelve digits (the tail of a UUID).
        assert!(mod97_holds(b"BE7580D7AC8B5E90"));
        assert!(found("id 7e36ef9b-3229-4bc3-be75-80d7ac8b5e90").is_empty());
        assert!(found("BE7580D7AC8B5E90").is_empty());
        let shape = |country: &[u8; 2]| shape_for(country).expect("listed");
        assert!(bban_fits(shape(b"GB"), b"WEST12345698765432"));
        assert!(bban_fits(shape(b"GB"), b"west12345698765432"));
        assert!(!bban_fits(shape(b"GB"), b"WES012345698765432"));
        assert!(bban_fits(shape(b"FR"), b"20041010050500013m02606"));
        assert!(!bban_fits(shape(b"FR"), b"20041010050500013m0260x"));
        assert!(!bban_fits(shape(b"BE"), b"12345678901"));
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
        // Iran's Sheba number (synthetic: a bank code and account digits with a valid check).
        assert_eq!(
            found("Sheba: IR06 2960 0000 0010 0324 2000 01"),
            ["IR06 2960 0000 0010 0324 2000 01"]
        );
        assert!(found("IR07 2960 0000 0010 0324 2000 01").is_empty());
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
        // What starts there must read as the rest of the number: not an e-mail or a sign.
        assert!(!shaped("note ae22 jane@example.com", "jane"));
        assert!(!shaped("note ae22 jane.doe@example.com", "jane"));
        assert!(!shaped("IBAN BE78 +32 2 555 12 34", "+32"));
        assert!(shaped("IBAN BE78 0135842829", "0135"));
        assert!(shaped("VAT: FR65 384535577", "384535577"));
        assert!(shaped("IBAN NO37 0149 0744 572.", "572"));
        assert!(shaped("IBAN BE78 0135 8428", "8428"));
        assert!(!shaped(
            "set 1c1c:d4de:ae45 come 4012 8888 8888 1881",
            "4012"
        ));
        assert!(!shaped("IP fe80::ae22 AKIAIOSFODNN7EXAMPLE", "AKIA"));
        assert!(shaped("IBAN:AT61 1904 3002 3457", "1904"));
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

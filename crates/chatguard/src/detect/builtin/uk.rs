//! United Kingdom identifiers: National Insurance numbers (HMRC prefix and suffix letter rules)
//! and NHS numbers (mod 11 over ten digits, usually written `3-3-4`).
//!
//! A National Insurance number has no check character, but its two restricted prefix letters,
//! six digits and A–D suffix make an uppercase one distinctive enough to report alone; lowercase
//! forms need a context word to pass the default threshold; one with letters HMRC never allocates
//! is reported only right after a NINO word. An NHS number is one check digit over a plain digit
//! string, so it needs context.

use super::phone::has_context_within;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, each_grouped, isolated, Grouped};
use crate::table::Table;

pub(crate) const NINO_CONTEXT: &[&str] = &[
    "national insurance",
    "nino",
    "ni number",
    "ni no",
    "ni#",
    "nat ins",
    "hmrc",
    "dwp",
    "assurance nationale",
    "numéro d'assurance",
    "seguro nacional",
    "assicurazione nazionale",
    "nationale verzekering",
    "british",
    "united kingdom",
    "britisch",
    "britannique",
    "británico",
    "britannico",
    "brits",
    "britânico",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NINO_GENERIC: &[&str] = &[
    "insurance number",
    "sozialversicherungsnummer",
    "versicherungsnummer",
    "seguridad social",
    "previdenza",
    "sofinummer",
    "segurança social",
    "seguranca social",
];

pub(crate) const NHS_CONTEXT: &[&str] = &[
    "nhs",
    "national health",
    "health service",
    "patient",
    "hospital",
    "gp surgery",
    "nhs-nummer",
    "krankenversicherung",
    "versichertennummer",
    "patientennummer",
    "santé",
    "sante",
    "numéro de patient",
    "paciente",
    "sanidad",
    "salud",
    "paziente",
    "sanitari",
    "patiënt",
    "patientnummer",
    "zorgnummer",
    "saúde",
    "saude",
    "utente",
];

/// HMRC NIM39110: the first letter is not D, F, I, Q, U or V; the second is not D, F, I, O, Q, U
/// or V; BG, GB, KN, NK, NT, TN and ZZ are never allocated. The suffix is A, B, C or D.
pub(crate) fn nino_valid(compact: &[u8; 9]) -> bool {
    let [a, b, rest @ .., s] = *compact;
    a.is_ascii_uppercase()
        && b.is_ascii_uppercase()
        && !matches!(a, b'D' | b'F' | b'I' | b'Q' | b'U' | b'V')
        && !matches!(b, b'D' | b'F' | b'I' | b'O' | b'Q' | b'U' | b'V')
        && !matches!(
            &[a, b],
            b"BG" | b"GB" | b"KN" | b"NK" | b"NT" | b"TN" | b"ZZ"
        )
        && rest.iter().all(u8::is_ascii_digit)
        && matches!(s, b'A'..=b'D')
}

/// Reads `LL[ ]DD[ ]DD[ ]DD[ ]L` at `start`: a single optional space after the letters and after
/// each digit pair. Returns the upper-cased compact form, the end, and whether it was all
/// uppercase.
fn read_nino(bytes: &[u8], start: usize) -> Option<([u8; 9], usize, bool)> {
    let mut out = [0u8; 9];
    let mut upper = true;
    let mut i = start;
    for (k, slot) in out.iter_mut().enumerate() {
        if matches!(k, 2 | 4 | 6 | 8) && bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        let b = *bytes.get(i)?;
        let want_letter = k < 2 || k == 8;
        if want_letter {
            if !b.is_ascii_alphabetic() {
                return None;
            }
            upper &= b.is_ascii_uppercase();
        } else if !b.is_ascii_digit() {
            return None;
        }
        *slot = b.to_ascii_uppercase();
        i += 1;
    }
    Some((out, i, upper))
}

pub(crate) fn scan_nino(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    // Both forms open with letters: in the word, or one space before it.
    for w in hay.words.iter().filter(|w| w.lettered) {
        let s = w.start;
        let start = if bytes.get(s..s + 3).is_some_and(|p| {
            p[0].is_ascii_alphabetic() && p[1].is_ascii_alphabetic() && p[2].is_ascii_digit()
        }) {
            // `AB123456C`, `AB12 34 56 C`
            s
        } else if s >= 3
            && bytes[s].is_ascii_digit()
            && bytes[s - 1] == b' '
            && bytes[s - 3].is_ascii_alphabetic()
            && bytes[s - 2].is_ascii_alphabetic()
        {
            // `AB 12 34 56 C`, `AB 123456 C`
            s - 3
        } else {
            continue;
        };
        let Some((compact, end, upper)) = read_nino(&bytes, start) else {
            continue;
        };
        if !isolated(&bytes, start, end) {
            continue;
        }
        if nino_valid(&compact) {
            let milli = if upper { 650 } else { 450 };
            out.push(candidate(
                Kind::UkNino,
                start,
                end,
                milli,
                "uk_nino.prefix_suffix",
                false,
            ));
        } else if upper && has_context_within(hay.text, start, end, 32, 0, NINO_CONTEXT) {
            // Letters HMRC never allocates (`ZZ`, suffix `T`: what Faker writes), given right
            // after a NINO word: a mistyped or placeholder NINO is still the number a person
            // means to share, so it is redacted all the same, at a lower score.
            out.push(candidate(
                Kind::UkNino,
                start,
                end,
                450,
                "uk_nino.context",
                false,
            ));
        }
    }
}

/// NHS mod 11: weights 10..2 over the first nine digits; the check digit is `11 - sum % 11`
/// (11 becomes 0, 10 is never issued). One digit repeated ten times is not a real number.
pub(crate) fn nhs_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !d.iter().all(u8::is_ascii_digit) || d.iter().all(|&b| b == d[0]) {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    check < 10 && check == u32::from(d[9] - b'0')
}

pub(crate) fn scan_nhs(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    for run in &hay.numbers {
        let mut push = |g: Grouped| {
            if nhs_valid(g.digits.as_bytes()) {
                out.push(candidate(
                    Kind::UkNhs,
                    g.start,
                    g.end,
                    450,
                    "uk_nhs.mod11",
                    true,
                ));
            }
        };
        each_grouped(run, hay.text, &[3, 3, 4], b" -", &mut push);
        each_grouped(run, hay.text, &[10], b"", &mut push);
    }
}

#[cfg(test)]
mod tests {
    // NINO prefix/suffix rules and NHS mod 11, on their own and through `scan`.
    use super::*;
    use crate::detect::builtin::shape::testing::{found, spans};

    #[test]
    fn nino_rules() {
        // Synthetic numbers; rules from HMRC's National Insurance Manual NIM39110.
        assert!(nino_valid(b"AB123456C"));
        assert!(nino_valid(b"JG103759A"));
        assert!(!nino_valid(b"DA123456C")); // D never first
        assert!(!nino_valid(b"AO123456C")); // O never second
        assert!(!nino_valid(b"GB123456A")); // unallocated prefix
        assert!(!nino_valid(b"ZZ123456A"));
        assert!(!nino_valid(b"AB123456E")); // suffix beyond D
        assert!(!nino_valid(b"QQ123456C")); // HMRC's own placeholder: Q never first
    }

    #[test]
    fn nino_scan_forms() {
        assert_eq!(
            found("my NI number is AB 12 34 56 C.", scan_nino),
            [("AB 12 34 56 C", 650)]
        );
        assert_eq!(found("AB123456C", scan_nino), [("AB123456C", 650)]);
        assert_eq!(
            found("nino: AB 123456 C", scan_nino),
            [("AB 123456 C", 650)]
        );
        assert_eq!(found("ni no ab123456c", scan_nino), [("ab123456c", 450)]);
        assert!(found("XAB123456C", scan_nino).is_empty());
        assert!(found("AB123456CD", scan_nino).is_empty());
        assert!(found("AB1234567C", scan_nino).is_empty());
        assert!(found("AB12345C", scan_nino).is_empty());
        assert!(found("GB 12 34 56 A", scan_nino).is_empty());
        // Letters never allocated, right after a NINO word (Faker's reserved `ZZ … T`): found
        // at the lower score; not without the word, not after it, not far after it.
        for text in [
            "My National Insurance number is ZZ 87 92 17 T",
            "NINO: ZZ877893T",
            "my NI number is ZZ 218096 T.",
        ] {
            let want = &text[text.find("ZZ").unwrap()..].trim_end_matches('.');
            assert_eq!(found(text, scan_nino), [(*want, 450)], "{text}");
        }
        for text in [
            "ZZ 87 92 17 T",
            "ZZ877893T is my National Insurance number",
            "National Insurance numbers are printed on the letter we sent, reference ZZ877893T",
            "national insurance number: zz877893t",
        ] {
            assert!(found(text, scan_nino).is_empty(), "{text}");
        }
        assert!(found("AB  12 34 56 C", scan_nino).is_empty());
    }

    #[test]
    fn nhs_checksum() {
        // 9000000009 is the NHS Digital Personal Demographics Service sandbox patient; the others
        // are synthetic, generated with python-stdnum gb.nhs.
        assert!(nhs_valid(b"9000000009"));
        assert!(nhs_valid(b"9434765919"));
        assert!(nhs_valid(b"3982597919"));
        assert!(nhs_valid(b"6786981984"));
        assert!(!nhs_valid(b"9000000008"));
        assert!(!nhs_valid(b"9434765918"));
        assert!(!nhs_valid(b"0000000000"));
        assert!(!nhs_valid(b"943476591"));
    }

    #[test]
    fn nhs_needs_context() {
        assert_eq!(
            spans("NHS number: 943 476 5919", scan_nhs, NHS_CONTEXT, true),
            ["943 476 5919"]
        );
        assert_eq!(
            spans("patient 943-476-5919 seen", scan_nhs, NHS_CONTEXT, true),
            ["943-476-5919"]
        );
        assert_eq!(
            spans("nhs no 9434765919", scan_nhs, NHS_CONTEXT, true),
            ["9434765919"]
        );
        assert!(spans("call 943 476 5919", scan_nhs, NHS_CONTEXT, true).is_empty());
        assert!(spans("NHS 943 476 5918", scan_nhs, NHS_CONTEXT, true).is_empty());
        assert!(spans("NHS 943 476-5919", scan_nhs, NHS_CONTEXT, true).is_empty());
    }
}

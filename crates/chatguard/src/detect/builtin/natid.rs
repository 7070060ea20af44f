//! Helpers shared by the national-identifier recognizers (`us`, `uk`, `es`, `it`, `fr`, `de`,
//! `nl`, `nordic`, `pt`, `ie`): token boundaries, digit-group matching on number runs, calendar
//! dates embedded in identifiers, and a local context check for compact forms that may only be
//! reported next to a supporting word.
//!
//! Everything here is bounded: each helper looks at a fixed number of bytes around one candidate.

use crate::detect::context;
use crate::detect::hay::{Digits, NumberRun};
use crate::detect::Candidate;
use crate::{Kind, Score};

/// Whether `glue` between a token and the byte `other` beyond it joins them into one larger token:
/// `ref-123456789`, `a/123456789`, `123456789@example.com`, `1.123456789`, `3,123456789`. A dot
/// after a word (`Nr.123`) or a comma after one does not join.
fn joins(glue: u8, other: u8) -> bool {
    match glue {
        b'-' | b'/' | b'_' | b'@' | b'+' => other.is_ascii_alphanumeric(),
        b'.' | b',' => other.is_ascii_digit(),
        _ => false,
    }
}

/// True when `start..end` is a token of its own: no letter or digit touches it, and no glue byte
/// connects it to a neighbouring token (see [`joins`]).
pub(crate) fn isolated(bytes: &[u8], start: usize, end: usize) -> bool {
    if start > end || end > bytes.len() {
        return false;
    }
    if start > 0 {
        let b = bytes[start - 1];
        if b.is_ascii_alphanumeric() || start > 1 && joins(b, bytes[start - 2]) {
            return false;
        }
    }
    if let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() || bytes.get(end + 1).is_some_and(|&o| joins(b, o)) {
            return false;
        }
    }
    true
}

/// A match of a fixed digit-group layout inside a number run.
pub(crate) struct Grouped {
    /// Byte offset of the first digit.
    pub start: usize,
    /// One past the last digit.
    pub end: usize,
    /// The digits without separators.
    pub digits: Digits,
    /// The separator used between the groups, or `None` for a single group.
    pub sep: Option<u8>,
}

/// Calls `f` for every place in `run` where consecutive groups have exactly the lengths `lens`,
/// joined by one separator byte from `seps` used consistently. The match must stand alone: the
/// run may continue on either side only across a space, and only when the layout itself does
/// not use spaces (`123-45-6789 2024` is fine, `1 123 45 6789` is not an SSN). Runs that start
/// with `+` (international phone numbers) are skipped.
pub(crate) fn each_grouped(
    run: &NumberRun,
    text: &str,
    lens: &[usize],
    seps: &[u8],
    mut f: impl FnMut(Grouped),
) {
    let n = lens.len();
    if n == 0 || run.groups.len() < n {
        return;
    }
    let bytes = text.as_bytes();
    for first in 0..=run.groups.len() - n {
        if first == 0 && run.plus {
            continue;
        }
        let last = first + n - 1;
        let fits = run.groups[first..=last]
            .iter()
            .zip(lens)
            .all(|(&(s, e), &len)| e - s == len);
        if !fits {
            continue;
        }
        let sep = if n > 1 {
            let s = run.separator_after(text, first);
            if !seps.contains(&s) || (first..last).any(|i| run.separator_after(text, i) != s) {
                continue;
            }
            Some(s)
        } else {
            None
        };
        let edge_ok = |i: usize| run.separator_after(text, i) == b' ' && sep != Some(b' ');
        if first > 0 && !edge_ok(first - 1) || last + 1 < run.groups.len() && !edge_ok(last) {
            continue;
        }
        let (start, end) = run.span(first, last);
        if !isolated(bytes, start, end) {
            continue;
        }
        f(Grouped {
            start,
            end,
            digits: run.digits(text, first, last),
            sep,
        });
    }
}

/// The decimal value of ASCII digits (at most 9 of them, so it fits in a `u32`).
pub(crate) fn num(digits: &[u8]) -> u32 {
    digits
        .iter()
        .take(9)
        .fold(0, |acc, &b| acc * 10 + u32::from(b.wrapping_sub(b'0') % 10))
}

/// True for a Gregorian leap year.
pub(crate) fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// True when `year-month-day` is a real calendar date.
pub(crate) fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// True when `day.month` is a real date in some year ending in `yy` (two digits, century
/// unknown): 29 February is accepted when `yy` is a multiple of four (1900 is not a leap year,
/// but 2000 is).
pub(crate) fn valid_date_yy(yy: u32, month: u32, day: u32) -> bool {
    valid_date(2000 + yy % 100, month, day)
}

/// True when one of `words` (lowercase) occurs near `start..end`, by the shared context scorer's
/// rules. Used for compact digit strings that a recognizer reports only with support, while its
/// separated form may stand alone.
pub(crate) fn has_context(text: &str, start: usize, end: usize, words: &[&'static str]) -> bool {
    let support = context::Support {
        specific: words,
        generic: &[],
    };
    context::has_support(text, start, end, support)
}

/// [`has_context`] over a recognizer's specific and generic words.
pub(crate) fn has_either(
    text: &str,
    start: usize,
    end: usize,
    specific: &'static [&'static str],
    generic: &'static [&'static str],
) -> bool {
    context::has_support(text, start, end, context::Support { specific, generic })
}

/// A candidate for `kind` with a base score in thousandths.
pub(crate) fn candidate(
    kind: Kind,
    start: usize,
    end: usize,
    milli: u16,
    rule: &'static str,
    validated: bool,
) -> Candidate {
    Candidate {
        kind,
        start,
        end,
        score: Score::from_milli(milli),
        rule,
        validated,
    }
}

/// Test helpers for the identifier modules: run one scanner, optionally with the framework's
/// context step.
#[cfg(test)]
pub(crate) mod testing {
    use crate::detect::context;
    use crate::detect::hay::Hay;
    use crate::detect::Candidate;

    /// A recognizer's scan function.
    pub(crate) type ScanFn = fn(&Hay<'_>, &mut Vec<Candidate>);

    /// The spans and base scores `scan` pushes for `text`.
    pub(crate) fn found(text: &str, scan: ScanFn) -> Vec<(&str, u16)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| (&text[c.start..c.end], c.score.milli()))
            .collect()
    }

    /// The spans and final scores left after the framework's context step.
    pub(crate) fn reported<'t>(
        text: &'t str,
        scan: ScanFn,
        ctx: &[&'static str],
        needs: bool,
    ) -> Vec<(&'t str, u16)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.into_iter()
            .filter_map(|c| {
                let support = context::Support {
                    specific: ctx,
                    generic: &[],
                };
                context::apply(text, c, support, needs)
            })
            .map(|(c, _)| (&text[c.start..c.end], c.score.milli()))
            .collect()
    }

    /// Just the spans of [`reported`].
    pub(crate) fn spans<'t>(
        text: &'t str,
        scan: ScanFn,
        ctx: &[&'static str],
        needs: bool,
    ) -> Vec<&'t str> {
        reported(text, scan, ctx, needs)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    // Boundary, grouping, date and context helpers.
    use super::*;
    use crate::detect::hay::Hay;

    fn groups(text: &str, lens: &[usize], seps: &[u8]) -> Vec<String> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        for run in &hay.numbers {
            each_grouped(run, text, lens, seps, |g| {
                out.push(text[g.start..g.end].to_owned());
            });
        }
        out
    }

    #[test]
    fn grouped_matches_stand_alone() {
        assert_eq!(
            groups("ssn 123-45-6789.", &[3, 2, 4], b"- "),
            ["123-45-6789"]
        );
        assert_eq!(
            groups("123-45-6789 2024", &[3, 2, 4], b"- "),
            ["123-45-6789"]
        );
        assert!(groups("1 123 45 6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("9-123-45-6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("123-45 6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("x123-45-6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("+123 45 6789", &[3, 2, 4], b"- ").is_empty());
        assert_eq!(groups("n 123456789", &[9], b""), ["123456789"]);
        assert!(groups("1.123456789", &[9], b"").is_empty());
        assert!(groups("123456789@example.com", &[9], b"").is_empty());
    }

    #[test]
    fn dates() {
        assert!(valid_date(2000, 2, 29));
        assert!(!valid_date(1900, 2, 29));
        assert!(!valid_date(2023, 4, 31));
        assert!(!valid_date(2023, 13, 1));
        assert!(!valid_date(2023, 1, 0));
        assert!(valid_date_yy(0, 2, 29));
        assert!(!valid_date_yy(1, 2, 29));
    }

    #[test]
    fn local_context() {
        let t = "my ssn is 123456789";
        assert!(has_context(t, 10, 19, &["ssn"]));
        assert!(!has_context(t, 10, 19, &["bsn"]));
        assert!(!has_context(t, 10, 99, &["ssn"]));
    }

    #[test]
    fn isolation() {
        assert!(isolated(b"a 12 b", 2, 4));
        assert!(!isolated(b"a12 b", 1, 3));
        assert!(isolated(b"(12).", 1, 3));
        assert!(!isolated(b"12.5", 0, 2));
        assert!(isolated(b"Nr.12 x", 3, 5));
        assert!(isolated(b"ssn#12", 4, 6));
        assert!(!isolated(b"ORD-12", 4, 6));
        assert!(!isolated(b"x", 0, 5));
    }
}

#[cfg(test)]
mod end_to_end {
    // Every national-identifier kind through the whole engine (default policy): found with its
    // context word, and not found in benign text full of other numbers.
    use crate::{Guard, Kind, Policy};

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        let guard = Guard::new(Policy::default()).expect("default policy builds");
        guard
            .scan(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.span.start..f.span.end]))
            .collect()
    }

    #[test]
    fn each_kind_in_a_sentence() {
        // Vectors are the documented or synthetic ones from each module's tests.
        let cases: &[(&str, Kind, &str)] = &[
            ("my ssn: 536-22-1234, thanks", Kind::UsSsn, "536-22-1234"),
            ("ITIN 912-70-1234", Kind::UsItin, "912-70-1234"),
            ("Dr. Lee, NPI 1234567893", Kind::UsNpi, "1234567893"),
            ("routing number 021000021", Kind::UsAbaRouting, "021000021"),
            (
                "my NI number is AB 12 34 56 C.",
                Kind::UkNino,
                "AB 12 34 56 C",
            ),
            ("NHS number: 943 476 5919", Kind::UkNhs, "943 476 5919"),
            ("mi DNI es 12345678Z.", Kind::EsDni, "12345678Z"),
            ("NIE X2482300W", Kind::EsNie, "X2482300W"),
            (
                "codice fiscale RCCMNL83S18D969H.",
                Kind::ItFiscalCode,
                "RCCMNL83S18D969H",
            ),
            (
                "sécu 1 85 05 78 006 084 91",
                Kind::FrNir,
                "1 85 05 78 006 084 91",
            ),
            (
                "Meine Steuer-ID: 36 574 261 809",
                Kind::DeTaxId,
                "36 574 261 809",
            ),
            ("mijn BSN is 123456782", Kind::NlBsn, "123456782"),
            (
                "personnummer 811228-9874",
                Kind::SePersonnummer,
                "811228-9874",
            ),
            ("CPR-nr. 211062-5629", Kind::DkCpr, "211062-5629"),
            ("hetu 131052-308T", Kind::FiHetu, "131052-308T"),
            ("fødselsnummer 15108695088", Kind::NoFnr, "15108695088"),
            ("kennitala 120174-3399", Kind::IsKennitala, "120174-3399"),
            ("o meu NIF é 289263166", Kind::PtNif, "289263166"),
            ("my PPS is 1234567T.", Kind::IePps, "1234567T"),
        ];
        for &(text, kind, span) in cases {
            assert_eq!(kinds(text), [(kind, span)], "{text}");
        }
    }

    #[test]
    fn structured_forms_stand_alone() {
        assert_eq!(kinds("536-22-1234"), [(Kind::UsSsn, "536-22-1234")]);
        assert_eq!(kinds("AB123456C"), [(Kind::UkNino, "AB123456C")]);
        assert_eq!(kinds("131052-308T"), [(Kind::FiHetu, "131052-308T")]);
        assert_eq!(
            kinds("RCCMNL83S18D969H"),
            [(Kind::ItFiscalCode, "RCCMNL83S18D969H")]
        );
    }

    #[test]
    fn never_panics_on_identifier_shaped_noise() {
        // Deterministic noise over the characters these recognizers care about, including
        // multi-byte ones next to digits.
        const ALPHABET: &[&str] = &[
            "0", "1", "2", "5", "8", "9", "A", "B", "C", "T", "X", "Z", "a", "-", "+", " ", ".",
            "/", "é", "ø", "\u{200b}", "２",
        ];
        let guard = Guard::new(Policy::default()).expect("default policy builds");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..40 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(ALPHABET[(x % ALPHABET.len() as u64) as usize]);
            }
            for f in guard.scan(&text) {
                assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            }
        }
    }

    #[test]
    fn benign_numbers_stay_quiet() {
        for text in [
            "order 536221234 shipped at 20240115123045, call +1 212 555 1234 or 212-555-1234",
            "ts 1700000000123, id 8112289874, build 123456782, see 15108695088",
            "Bestellung 36574261809, Rechnung 123456782, version 1.2.3, 2024-01-15 12:30",
            "commande 289263166, factura 1234567893, pedido 021000021, 943 476 5919",
            "ordine n. 211062-5629 del 15.01.2024, totale 1.234.567,89 EUR",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }
}

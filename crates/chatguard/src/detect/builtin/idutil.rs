//! Shared helpers for the national identifier recognizers: finding fixed-length digit spans with
//! the groupings people write, and checking the birth dates embedded in many personal codes.

use crate::detect::hay::Hay;

/// The accepted written forms of a fixed-length digit identifier.
pub(crate) struct Shape {
    /// The number of digits.
    pub len: usize,
    /// Group layouts accepted besides the compact form, e.g. `&[6, 4]` for `YYMMDD/XXXX`.
    pub layouts: &'static [&'static [usize]],
    /// Separators accepted between the groups of a layout (they may be mixed: `85.07.30-033.28`).
    pub seps: &'static [u8],
}

/// One place where a [`Shape`] matched.
pub(crate) struct Spot<'d> {
    /// The digits, without separators.
    pub digits: &'d [u8],
    /// Byte offset of the first digit in the view.
    pub start: usize,
    /// One past the last digit.
    pub end: usize,
    /// The first separator between groups, `None` for the compact form.
    pub sep: Option<u8>,
}

/// True when the byte at `i` exists and is an ASCII letter or digit.
pub(crate) fn alnum_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// Calls `check` on every span of `hay`'s number runs written in one of `shape`'s forms, and
/// returns nothing; `check` says whether it accepted the spot, so overlapping spots of the same
/// run are skipped afterwards. Spans glued to letters or digits, spans that continue into more
/// digits through a `-`, `.` or `/`, and runs opened by `+` (phone numbers) are skipped.
pub(crate) fn each_spot(hay: &Hay<'_>, shape: &Shape, mut check: impl FnMut(&Spot<'_>) -> bool) {
    let bytes = hay.text.as_bytes();
    for run in &hay.numbers {
        let total: usize = run.groups.iter().map(|&(s, e)| e - s).sum();
        if total < shape.len {
            continue;
        }
        let mut taken_until = 0;
        let mut subs = run.subruns(shape.len, shape.len);
        subs.sort_by_key(|&(f, _)| f);
        for (first, last) in subs {
            if run.plus && first == 0 {
                continue;
            }
            let (start, end) = run.span(first, last);
            if start < taken_until {
                continue;
            }
            let sep = if first == last {
                None
            } else {
                let lens = run.group_lengths(first, last);
                if !shape.layouts.contains(&lens.as_slice()) {
                    continue;
                }
                if (first..last).any(|i| !shape.seps.contains(&run.separator_after(hay.text, i))) {
                    continue;
                }
                Some(run.separator_after(hay.text, first))
            };
            // Not glued to other alphanumerics, and not a slice of a longer dotted/dashed number.
            if start > 0 && alnum_at(bytes, start - 1) || alnum_at(bytes, end) {
                continue;
            }
            if first > 0 && run.separator_after(hay.text, first - 1) != b' '
                || last + 1 < run.groups.len() && run.separator_after(hay.text, last) != b' '
            {
                continue;
            }
            let digits = run.digits(hay.text, first, last);
            if digits.len() != shape.len {
                continue;
            }
            let spot = Spot {
                digits: digits.as_bytes(),
                start,
                end,
                sep,
            };
            if check(&spot) {
                taken_until = end;
            }
        }
    }
}

/// True when one of `words` (lowercase) stands near `start..end`, by the shared context scorer's
/// rules. For recognizers that must tell two look-alike formats apart, or gate a weak variant of a
/// format on context.
pub(crate) fn near_any(text: &str, start: usize, end: usize, words: &[&'static str]) -> bool {
    super::natid::has_context(text, start, end, words)
}

/// The value of up to nine ASCII digits.
pub(crate) fn num(digits: &[u8]) -> u32 {
    digits
        .iter()
        .take(9)
        .fold(0, |a, &b| a * 10 + u32::from(b.wrapping_sub(b'0') % 10))
}

/// The digit value at `i`, or 0 when out of range.
pub(crate) fn dig(digits: &[u8], i: usize) -> u32 {
    digits
        .get(i)
        .map_or(0, |&b| u32::from(b.wrapping_sub(b'0') % 10))
}

/// True when `year` is a Gregorian leap year.
fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// True when `day`.`month`.`year` is a real calendar date.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(valid_date(2000, 2, 29));
        assert!(!valid_date(1900, 2, 29));
        assert!(valid_date(2024, 2, 29));
        assert!(!valid_date(2023, 2, 29));
        assert!(!valid_date(2023, 4, 31));
        assert!(!valid_date(2023, 13, 1));
        assert!(!valid_date(2023, 1, 0));
    }

    #[test]
    fn spots_respect_layouts_and_boundaries() {
        const SHAPE: Shape = Shape {
            len: 10,
            layouts: &[&[6, 4]],
            seps: b"/",
        };
        let find = |text: &str| {
            let hay = Hay::new(text);
            let mut out = Vec::new();
            each_spot(&hay, &SHAPE, |s| {
                out.push((s.start, s.end, s.sep));
                true
            });
            out
        };
        assert_eq!(find("rc 780123/4567 x"), [(3, 14, Some(b'/'))]);
        assert_eq!(find("7801234567"), [(0, 10, None)]);
        assert!(find("7801-234567").is_empty());
        assert!(find("a7801234567").is_empty());
        assert!(find("1.7801234567").is_empty());
        assert!(find("+7801234567").is_empty());
        assert_eq!(find("1 7801234567"), [(2, 12, None)]);
    }

    /// What the whole pipeline reports under the default policy (threshold 0.5), after context.
    fn reported(text: &str) -> Vec<(crate::Kind, &str)> {
        let guard = crate::Guard::new(crate::Policy::default()).expect("default policy builds");
        guard
            .scan(text)
            .iter()
            .map(|f| (f.kind, &text[f.span.start..f.span.end]))
            .collect()
    }

    #[test]
    fn context_gates_weak_formats_end_to_end() {
        use crate::Kind;
        // One check digit, no structure: only with a context word.
        assert_eq!(
            reported("Moj OIB je 33392005961"),
            [(Kind::HrOib, "33392005961")]
        );
        assert!(reported("call 33392005961 now")
            .iter()
            .all(|(k, _)| *k != Kind::HrOib));
        assert_eq!(
            reported("teudat zehut 039337423"),
            [(Kind::IlId, "039337423")]
        );
        assert!(reported("code 039337423").is_empty());
        // Czech compact form needs context; the slash form does not.
        assert!(reported("ref 7103192745").is_empty());
        assert_eq!(reported("RČ 7103192745"), [(Kind::CzRc, "7103192745")]);
        assert_eq!(reported("710319/2745"), [(Kind::CzRc, "710319/2745")]);
        // Strong formats report without context; contrary words pull them down.
        assert_eq!(
            reported("756.9217.0769.85"),
            [(Kind::ChAhv, "756.9217.0769.85")]
        );
        assert!(reported("order 44051401359 shipped").is_empty());
        assert_eq!(
            reported("PESEL 44051401359"),
            [(Kind::PlPesel, "44051401359")]
        );
        assert_eq!(
            reported("Steuer: DE136695976"),
            [(Kind::EuVat, "DE136695976")]
        );
    }

    proptest::proptest! {
        /// Untrusted input: any mix of digits, prefixes, separators and multi-byte characters
        /// never panics and yields spans on character boundaries.
        #[test]
        fn never_panics_and_spans_are_char_boundaries(
            text in "([0-9]{1,13}|[ ./-]|DE|NL|B|U|FR|é|č|ж|€|  ){0,24}"
        ) {
            let hay = Hay::new(&text);
            let mut out = Vec::new();
            crate::detect::run_builtin(&hay, &|_| true, &mut out);
            for (c, _) in &out {
                proptest::prop_assert!(c.start < c.end && c.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            }
        }
    }
}

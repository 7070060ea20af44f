//! The matching view of a text: invisible characters removed, compatibility forms folded, every
//! offset mappable back to the original.
//!
//! Detectors never see the caller's text directly. They see [`Normalized::text`], where
//!
//! * zero-width characters, bidi controls, Unicode tag characters (U+E0000–E007F), variation
//!   selectors, soft hyphens and invisible operators are removed — except a ZWJ inside an emoji
//!   sequence or Indic word and a ZWNJ inside Arabic-script or Indic words, which carry meaning;
//! * each remaining character is folded to its NFKC compatibility form, character by character,
//!   from a table generated from Unicode data (`gen_fold_table.py`, which documents the few
//!   blocks it leaves out to keep the browser build small): full-width `４` becomes `4`, `ｅ`
//!   becomes `e`, ligatures, circled digits and mathematical letters unfold; decimal digits of other
//!   scripts become ASCII digits and the various dashes and minus signs become `-`.
//!
//! Every span found in the view is mapped back with [`Normalized::to_original`], so reports and
//! redaction always address the original bytes. Pure ASCII text without control characters is
//! borrowed unchanged, at the cost of one fast scan.
//!
//! The crate's one Unicode lower-casing lives here too ([`lower_char`], [`lower_str`],
//! [`push_lower`]: exactly std's `to_lowercase`, from compact generated tables).

mod fold_table;
mod invisible;
mod lower;
mod lower_table;

use std::borrow::Cow;

use crate::detect::hay::HIGH;
use crate::Span;

pub(crate) use invisible::{is_removable_invisible, keeps_joiner, CarrierStripper, Carriers};
pub(crate) use lower::{lower_char, lower_str, push_lower};

/// A text prepared for matching, with the map back to the original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    original_len: usize,
    /// Pieces of the view in order; empty when the view is the original.
    segments: Vec<Segment>,
}

/// One piece of the view: either bytes copied unchanged or one rewritten original character.
#[derive(Clone, Copy, Debug)]
struct Segment {
    view_start: u32,
    view_end: u32,
    original_start: u32,
    original_end: u32,
    copied: bool,
}

impl<'a> Normalized<'a> {
    /// Builds the matching view of `original`.
    pub fn new(original: &'a str) -> Normalized<'a> {
        if !needs_work(original) {
            return Normalized {
                text: Cow::Borrowed(original),
                original_len: original.len(),
                segments: Vec::new(),
            };
        }
        let mut builder = Builder {
            out: String::with_capacity(original.len()),
            segments: Vec::new(),
        };
        let bytes = original.as_bytes();
        let mut prev: Option<char> = None;
        let mut next_at = 0;
        while let Some(c) = original.get(next_at..).and_then(|rest| rest.chars().next()) {
            let at = next_at;
            if c.is_ascii() {
                // ASCII is never rewritten: copy the whole run at once.
                let run_end = at + bytes.get(at..).map_or(0, ascii_prefix_len);
                builder.copy(at, run_end, original);
                prev = bytes.get(run_end - 1).map(|&b| char::from(b));
                next_at = run_end;
                continue;
            }
            let end = at + c.len_utf8();
            next_at = end;
            if is_removable_invisible(c) {
                let next = original.get(end..).and_then(|rest| rest.chars().next());
                if keeps_joiner(c, prev, next) {
                    builder.copy(at, end, original);
                } else {
                    builder.rewrite(at, end, "");
                }
                continue;
            }
            if let Some(folded) = fold_simple(c) {
                let mut buf = [0u8; 4];
                builder.rewrite(at, end, folded.encode_utf8(&mut buf));
                prev = Some(folded);
                continue;
            }
            match compat_fold(c) {
                None => {
                    builder.copy(at, end, original);
                    prev = Some(c);
                }
                Some(Folded::One(f)) => {
                    let f = fold_simple(f).unwrap_or(f);
                    let mut buf = [0u8; 4];
                    builder.rewrite(at, end, f.encode_utf8(&mut buf));
                    prev = Some(f);
                }
                Some(Folded::Many(s)) => {
                    let folded: String = s.chars().map(|f| fold_simple(f).unwrap_or(f)).collect();
                    prev = folded.chars().last().or(prev);
                    builder.rewrite(at, end, &folded);
                }
            }
        }
        let segments = builder.segments;
        Normalized {
            text: Cow::Owned(builder.out),
            original_len: original.len(),
            segments,
        }
    }

    /// The text detectors match against.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the view is the original text, unchanged.
    pub fn is_unchanged(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Maps a span of the view back to the original text. The result always covers whole original
    /// characters, and never an invisible character at either edge that the view dropped.
    pub fn to_original(&self, span: Span) -> Span {
        if self.segments.is_empty() {
            return span;
        }
        let start = self.start_to_original(span.start);
        let end = self.end_to_original(span.end).max(start);
        Span::new(start, end)
    }

    fn start_to_original(&self, at: usize) -> usize {
        let at = at as u32;
        let i = self.segments.partition_point(|s| s.view_end <= at);
        match self.segments.get(i) {
            Some(s) if s.copied => {
                (s.original_start + (at.max(s.view_start) - s.view_start)) as usize
            }
            Some(s) => s.original_start as usize,
            None => self.original_len,
        }
    }

    fn end_to_original(&self, at: usize) -> usize {
        if at == 0 {
            return self.start_to_original(0).min(
                self.segments
                    .first()
                    .map_or(0, |s| s.original_start as usize),
            );
        }
        let at = at as u32;
        let i = self.segments.partition_point(|s| s.view_end < at);
        match self.segments.get(i) {
            Some(s) if s.copied => {
                (s.original_start + (at.max(s.view_start) - s.view_start)) as usize
            }
            Some(s) => s.original_end as usize,
            None => self.original_len,
        }
    }
}

struct Builder {
    out: String,
    segments: Vec<Segment>,
}

impl Builder {
    fn copy(&mut self, start: usize, end: usize, original: &str) {
        let view_start = self.out.len() as u32;
        self.out.push_str(&original[start..end]);
        let view_end = self.out.len() as u32;
        if let Some(last) = self.segments.last_mut() {
            if last.copied && last.original_end == start as u32 && last.view_end == view_start {
                last.view_end = view_end;
                last.original_end = end as u32;
                return;
            }
        }
        self.segments.push(Segment {
            view_start,
            view_end,
            original_start: start as u32,
            original_end: end as u32,
            copied: true,
        });
    }

    fn rewrite(&mut self, start: usize, end: usize, replacement: &str) {
        let view_start = self.out.len() as u32;
        self.out.push_str(replacement);
        let view_end = self.out.len() as u32;
        if view_start == view_end {
            // A dropped character: nothing in the view points at it, so it needs no segment.
            return;
        }
        self.segments.push(Segment {
            view_start,
            view_end,
            original_start: start as u32,
            original_end: end as u32,
            copied: false,
        });
    }
}

/// True when the view could differ from the text: only non-ASCII characters are ever rewritten.
/// Texts over 4 GiB are left as they are, since offsets are stored in 32 bits.
/// The length of the run of ASCII bytes `bytes` starts with, eight bytes at a time.
pub(crate) fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = bytes.get(i..i + 8) {
        let high = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]) & HIGH;
        if high != 0 {
            return i + high.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + bytes
        .get(i..)
        .map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii()).count())
}

fn needs_work(text: &str) -> bool {
    !text.is_ascii() && text.len() <= u32::MAX as usize
}

/// The ASCII letter or digit whose compatibility form a character is (`ｅ` → `e`, `𝐀` → `A`,
/// `①` → `1`); `None` for ASCII itself and for everything else.
#[cfg(feature = "inject")]
pub(crate) fn compat_ascii_alphanumeric(c: char) -> Option<u8> {
    match compat_fold(c)? {
        Folded::One(f) if f.is_ascii_alphanumeric() => Some(f as u8),
        _ => None,
    }
}

/// A character's compatibility form (NFKC of the character alone).
enum Folded {
    One(char),
    Many(&'static str),
}

/// The low bits of a packed run key of the generated tables: the run's first code point.
const FIRST: u32 = (1 << 21) - 1;

/// Index and key of the last run in `keys` (sorted by first code point, which is `key & FIRST`)
/// that starts at or before `cp`: the only run that may hold it.
fn run_before(keys: &[u32], cp: u32) -> Option<(usize, u32)> {
    let i = keys
        .partition_point(|&packed| packed & FIRST <= cp)
        .checked_sub(1)?;
    Some((i, *keys.get(i)?))
}

/// The NFKC compatibility form of `c`, from the generated table (see `gen_fold_table.py` for what
/// it covers); `None` when `c` is its own form.
fn compat_fold(c: char) -> Option<Folded> {
    let cp = u32::from(c);
    if let Some((i, packed)) = run_before(fold_table::RUN_KEYS, cp) {
        if let Some(&target) = fold_table::RUN_TARGETS.get(i) {
            let (first, count) = (packed & FIRST, packed >> 21);
            if cp < first + count {
                return char::from_u32(target + (cp - first)).map(Folded::One);
            }
        }
    }
    let i = fold_table::MULTI_KEYS.binary_search(&cp).ok()?;
    let start = match i.checked_sub(1) {
        Some(previous) => usize::from(*fold_table::MULTI_ENDS.get(previous)?),
        None => 0,
    };
    let end = usize::from(*fold_table::MULTI_ENDS.get(i)?);
    fold_table::MULTI_TEXT.get(start..end).map(Folded::Many)
}

/// Folds the characters NFKC leaves alone but matching must not: dashes, minus signs and decimal
/// digits of other scripts. Returns `None` when the character is not one of them.
fn fold_simple(c: char) -> Option<char> {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        _ => script_digit(c).map(|d| char::from(b'0' + d)),
    }
}

/// The value of a decimal digit from a non-Latin script, for the blocks where digits 0–9 are
/// consecutive code points.
fn script_digit(c: char) -> Option<u8> {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0xFF10,
    ];
    let cp = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .map(|&zero| (cp - zero) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> String {
        Normalized::new(s).text().to_owned()
    }

    #[test]
    fn ascii_prefix_stops_at_the_first_byte_above_ascii_in_any_lane() {
        for len in 0..20 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if let Some(b) = bytes.get_mut(at) {
                    *b = 0xC3;
                }
                assert_eq!(ascii_prefix_len(&bytes), at, "{len} {at}");
            }
        }
    }

    #[test]
    fn ascii_is_borrowed() {
        let n = Normalized::new("plain ascii 123");
        assert!(n.is_unchanged());
        assert_eq!(n.to_original(Span::new(6, 11)), Span::new(6, 11));
    }

    #[test]
    fn full_width_and_script_digits_fold() {
        assert_eq!(view("４０１２ ８８８８"), "4012 8888");
        assert_eq!(view("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"), "john@example.com");
        assert_eq!(view("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(view("१२३"), "123");
        assert_eq!(view("a\u{2013}b\u{2212}c"), "a-b-c");
        assert_eq!(view("ﬁle ①"), "file 1");
        assert_eq!(view("𝟏𝟐 𝐀𝐁 ⑴ ㎏ Ⅻ ｶ"), "12 AB (1) kg XII カ");
        assert_eq!(view("\u{0E33}"), "\u{0E4D}\u{0E32}");
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(view("40\u{200B}12\u{2060}88\u{FEFF}88"), "40128888");
        assert_eq!(view("ab\u{202E}cd\u{2066}ef\u{2069}"), "abcdef");
        assert_eq!(view("hi\u{E0069}\u{E0067}\u{E006E}there"), "hithere");
        assert_eq!(view("x\u{FE0F}y\u{E0100}z\u{00AD}w"), "xyzw");
        assert_eq!(view("a\u{200D}b"), "ab");
        assert_eq!(view("a\u{200C}b"), "ab");
    }

    #[test]
    fn meaningful_joiners_survive() {
        // family emoji: man ZWJ woman ZWJ girl
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(view(family), family);
        // Persian "mi-khaham" with ZWNJ between letters
        let persian = "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}";
        assert_eq!(view(persian), persian);
        // Devanagari with ZWJ (half form)
        let hindi = "\u{0915}\u{094D}\u{200D}\u{0937}";
        assert_eq!(view(hindi), hindi);
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let original = "card ４０\u{200B}１２ end";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "card 4012 end");
        let span = n.to_original(Span::new(5, 9));
        assert_eq!(&original[span.start..span.end], "４０\u{200B}１２");
        // A span that ends before a dropped character does not swallow it.
        let first_two = n.to_original(Span::new(5, 7));
        assert_eq!(&original[first_two.start..first_two.end], "４０");
        let tail = n.to_original(Span::new(10, 13));
        assert_eq!(&original[tail.start..tail.end], "end");
    }

    #[test]
    fn mapped_spans_are_char_boundaries_for_any_view_span() {
        let original = "é\u{200B}ｘ①\u{FE0F}a😀b\u{202E}";
        let n = Normalized::new(original);
        let len = n.text().len();
        for start in 0..=len {
            for end in start..=len {
                if !n.text().is_char_boundary(start) || !n.text().is_char_boundary(end) {
                    continue;
                }
                let span = n.to_original(Span::new(start, end));
                assert!(span.start <= span.end && span.end <= original.len());
                assert!(
                    original.is_char_boundary(span.start) && original.is_char_boundary(span.end)
                );
            }
        }
    }

    #[test]
    fn fold_table_columns_line_up() {
        use fold_table::{MULTI_ENDS, MULTI_KEYS, MULTI_TEXT, RUN_KEYS, RUN_TARGETS};
        assert_eq!(RUN_KEYS.len(), RUN_TARGETS.len());
        assert!(RUN_KEYS
            .windows(2)
            .all(|w| w[0] & 0x1F_FFFF < w[1] & 0x1F_FFFF));
        assert_eq!(MULTI_KEYS.len(), MULTI_ENDS.len());
        assert!(MULTI_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(MULTI_ENDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            MULTI_ENDS.last().map(|&e| usize::from(e)),
            Some(MULTI_TEXT.len())
        );
        assert!(MULTI_ENDS
            .iter()
            .all(|&e| MULTI_TEXT.is_char_boundary(usize::from(e))));
        // The first and last entries of each table, and a few in between.
        let many = |c| match compat_fold(c) {
            Some(Folded::Many(s)) => s,
            _ => "",
        };
        let one = |c| match compat_fold(c) {
            Some(Folded::One(f)) => f,
            _ => '?',
        };
        assert_eq!(one('\u{A0}'), ' ');
        assert_eq!(one('\u{FF21}'), 'A');
        assert_eq!(one('\u{1D7FF}'), '9');
        assert_eq!(many('\u{A8}'), " \u{308}");
        assert_eq!(many('\u{FB01}'), "fi");
        assert_eq!(many('\u{2026}'), "...");
        assert_eq!(many('\u{BD}'), "1\u{2044}2");
        let last = MULTI_KEYS.last().and_then(|&k| char::from_u32(k));
        assert!(last.is_some_and(|c| !many(c).is_empty()));
        assert!(compat_fold('a').is_none() && compat_fold('é').is_none());
    }
}

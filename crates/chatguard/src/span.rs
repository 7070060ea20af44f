//! Small `Copy` values shared by every part of the engine: byte spans, bounded scores and injected time.

use core::fmt;

/// A half-open range of UTF-8 byte offsets `start..end` into the **original** text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the match.
    pub start: usize,
    /// One past the last byte of the match.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span in UTF-16 code units, as JavaScript strings index text.
    pub fn to_utf16(self, text: &str) -> Span {
        let start = utf16_len(text.get(..self.start).unwrap_or(text));
        let inner = text.get(self.start..self.end).unwrap_or("");
        Span::new(start, start + utf16_len(inner))
    }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// A confidence in `0.0..=1.0`, stored as thousandths so it can be compared, hashed and ordered exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(u16);

impl Score {
    /// The lowest score.
    pub const ZERO: Score = Score(0);
    /// The highest score.
    pub const MAX: Score = Score(1000);

    /// A score from thousandths, clamped to `0..=1000`.
    pub const fn from_milli(milli: u16) -> Score {
        if milli > 1000 {
            Score(1000)
        } else {
            Score(milli)
        }
    }

    /// A score from a float, clamped to `0.0..=1.0`; NaN becomes zero.
    pub fn from_f32(value: f32) -> Score {
        if value.is_nan() || value <= 0.0 {
            Score(0)
        } else if value >= 1.0 {
            Score(1000)
        } else {
            Score((value * 1000.0).round() as u16)
        }
    }

    /// The score in thousandths.
    pub const fn milli(self) -> u16 {
        self.0
    }

    /// The score as a float in `0.0..=1.0`.
    pub fn as_f32(self) -> f32 {
        f32::from(self.0) / 1000.0
    }

    /// Adds a signed delta in thousandths, staying within bounds.
    pub fn adjust(self, delta: i16) -> Score {
        let v = i32::from(self.0) + i32::from(delta);
        Score(v.clamp(0, 1000) as u16)
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03}", self.0 / 1000, self.0 % 1000)
    }
}

/// Seconds since the Unix epoch. The engine never reads a clock: callers pass the time in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct UnixTime(pub u64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_clamps_and_rounds() {
        assert_eq!(Score::from_f32(1.5), Score::MAX);
        assert_eq!(Score::from_f32(-1.0), Score::ZERO);
        assert_eq!(Score::from_f32(f32::NAN), Score::ZERO);
        assert_eq!(Score::from_f32(0.4567).milli(), 457);
        assert_eq!(Score::from_milli(5000), Score::MAX);
        assert_eq!(Score::from_milli(900).adjust(300), Score::MAX);
        assert_eq!(Score::from_milli(100).adjust(-300), Score::ZERO);
        assert_eq!(Score::from_milli(990).to_string(), "0.990");
    }

    #[test]
    fn utf16_spans_count_surrogate_pairs() {
        let text = "😀 a@b.co";
        let span = Span::new(5, 11);
        assert_eq!(&text[span.start..span.end], "a@b.co");
        assert_eq!(span.to_utf16(text), Span::new(3, 9));
    }
}

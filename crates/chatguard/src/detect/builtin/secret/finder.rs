//! Finds every place where one of the recognizer's patterns (provider prefixes, key words,
//! structural markers) can matter, without a big automaton.
//!
//! Every hit the parent module acts on starts a token or a name segment: the byte before is not
//! a letter or digit (`start_ok`, `segment_ok`, `jwt`), or it is a camel-case hump
//! (`dbPassword`). So one pass over the text, eight bytes at a time (SWAR), marks the *segment
//! starts* — a letter after a byte that is neither a letter nor a digit, or an upper-case letter
//! after a lower-case letter or digit — and looks each one up in a 4 KiB bitset keyed by its
//! first three bytes, case-folded. Few benign words pass that gate (about one in thirty); those
//! that do are compared, ASCII-case-insensitively, with the handful of patterns sharing their
//! key. A pattern that does not start with a letter (`-----BEGIN`, `-us`) is anchored at its
//! first inner segment start instead, which every occurrence has. The rest (`://`, `пароль`, and
//! the mid-token prefix `Q~`) are found from a byte of theirs that is not an ASCII letter (`:`,
//! `~`, the lead byte of `п`), with one vectorised `memchr3` pass.
//!
//! The hits are the subset of the ASCII-case-insensitive overlapping matches (what an
//! Aho-Corasick automaton over the same patterns reports) that can pass the checks; the tests
//! compare both, hit for hit and finding for finding.

use crate::detect::hay::{HIGH, ONES};
/// The low seven bits of every lane.
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// At most this many distinct marking bytes (`memchr3`).
const MAX_MARKS: usize = 3;

/// One occurrence: `(end, start, pattern)`. Sorted, hits come in the order an overlapping
/// Aho-Corasick search reports them: by end, the longer first.
pub(super) type Hit = (usize, usize, u16);

pub(super) struct Finder {
    /// The patterns, matched ASCII-case-insensitively.
    patterns: Vec<&'static [u8]>,
    /// One bit per folded three-byte key ([`key4`]) that some anchored pattern has.
    gate: Box<[u64; 512]>,
    /// `(key, pattern, offset of the anchor in the pattern)`, sorted.
    anchored: Vec<(u16, u16, u8)>,
    /// `by_head[h]..by_head[h + 1]`: the entries of `anchored` whose key starts with the ten bits
    /// `h` (the first two folded bytes).
    by_head: Box<[u16; 1025]>,
    /// The bytes that mark the other patterns; unused slots repeat the first.
    marks: [u8; MAX_MARKS],
    /// The other patterns: `(marking byte, its offset in the pattern, pattern)`.
    marked: Vec<(u8, u8, u16)>,
}

/// Folds a byte to five bits: the two cases of a letter fold together.
fn fold(b: u8) -> u16 {
    u16::from((b | 0x20) & 31)
}

/// The gate key of the first three of four bytes read little-endian: their folds, first in the
/// high bits.
#[inline(always)]
fn key4(v: u32) -> u16 {
    let t = (v | 0x0020_2020) & 0x001f_1f1f;
    ((t << 10) & 0x7c00 | (t >> 3) & 0x3e0 | t >> 16) as u16
}

impl Finder {
    /// Builds the finder. `starts_token[i]` says that pattern `i` only matters where its first
    /// byte starts a token or a name segment. `None` when a pattern cannot be placed.
    pub(super) fn new(patterns: &[&'static str], starts_token: &[bool]) -> Option<Finder> {
        let mut gate = Box::new([0u64; 512]);
        let mut anchored = Vec::new();
        let mut marked = Vec::new();
        let mut marks: Vec<u8> = Vec::new();
        for (i, (p, &starts)) in patterns.iter().zip(starts_token).enumerate() {
            let idx = u16::try_from(i).ok()?;
            let b = p.as_bytes();
            let anchor = if starts && b.first()?.is_ascii_alphanumeric() {
                Some(0)
            } else {
                (1..b.len())
                    .find(|&j| b[j].is_ascii_alphanumeric() && !b[j - 1].is_ascii_alphanumeric())
            };
            match anchor {
                Some(off) => {
                    let rest = b.get(off..)?;
                    // Segment starts are letters: the scan never looks at a digit.
                    if !rest.first()?.is_ascii_alphabetic() {
                        return None;
                    }
                    let off = u8::try_from(off).ok()?;
                    // Fewer than three bytes from the anchor: any byte may follow (or the text
                    // ends there).
                    let folds = |j: usize| match rest.get(j) {
                        Some(&c) => fold(c)..fold(c) + 1,
                        None => 0..32,
                    };
                    for f0 in folds(0) {
                        for f1 in folds(1) {
                            for f2 in folds(2) {
                                let k = f0 << 10 | f1 << 5 | f2;
                                gate[usize::from(k >> 6)] |= 1u64 << (k & 63);
                                anchored.push((k, idx, off));
                            }
                        }
                    }
                }
                None => {
                    // A byte without case, found exactly.
                    let at = b.iter().position(|c| !c.is_ascii_alphabetic())?;
                    let byte = *b.get(at)?;
                    if !marks.contains(&byte) {
                        marks.push(byte);
                    }
                    marked.push((byte, u8::try_from(at).ok()?, idx));
                }
            }
        }
        if marks.len() > MAX_MARKS {
            return None;
        }
        let mut mark_bytes = [marks.first().copied().unwrap_or(b':'); MAX_MARKS];
        for (slot, &b) in mark_bytes.iter_mut().zip(&marks) {
            *slot = b;
        }
        crate::sort::sort_by(&mut anchored, Ord::cmp);
        let mut by_head = Box::new([0u16; 1025]);
        for (h, slot) in by_head.iter_mut().enumerate() {
            let first = anchored.partition_point(|e| usize::from(e.0 >> 5) < h);
            *slot = u16::try_from(first).ok()?;
        }
        Some(Finder {
            patterns: patterns.iter().map(|p| p.as_bytes()).collect(),
            gate,
            anchored,
            by_head,
            marks: mark_bytes,
            marked,
        })
    }

    /// The bytes that mark the patterns without a segment start.
    pub(super) fn marks(&self) -> &[u8] {
        &self.marks
    }

    /// Appends every hit that can matter, unordered. `marks` false says that no byte of
    /// [`Finder::marks`] occurs in `bytes`, which then are not searched for.
    pub(super) fn find(&self, bytes: &[u8], marks: bool, hits: &mut Vec<Hit>) {
        let mut prev = Prev::default();
        let mut base = 0;
        while base < bytes.len() {
            // 64 bytes and the next eight (for keys that run over), zero-padded at the end of
            // the text: zero is not a letter and folds like a missing byte.
            let mut buf = [0u8; 72];
            match bytes.get(base..base + 72) {
                Some(chunk) => buf.copy_from_slice(chunk),
                None => {
                    let rest = bytes.get(base..).unwrap_or_default();
                    if let Some(head) = buf.get_mut(..rest.len()) {
                        head.copy_from_slice(rest);
                    }
                }
            }
            let len = bytes.len() - base;
            // Segment starts first, one bit per byte, then the gate for each: the loop over
            // them mispredicts once per 64 bytes, not once per word.
            let mut starts = 0u64;
            for lane in 0..8 {
                if 8 * lane >= len {
                    break;
                }
                let w = match buf.get(8 * lane..8 * lane + 8) {
                    Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                        u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
                    }
                    _ => 0,
                };
                starts |= compress(segment_starts(w, &mut prev)) << (8 * lane);
            }
            while starts != 0 {
                let j = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let k = match buf.get(j..j + 4) {
                    Some(&[b0, b1, b2, b3]) => key4(u32::from_le_bytes([b0, b1, b2, b3])),
                    _ => 0,
                };
                if self.gate[usize::from(k >> 6)] >> (k & 63) & 1 == 1 {
                    self.anchored_at(bytes, base + j, k, hits);
                }
            }
            base += 64;
        }
        if marks {
            let [m0, m1, m2] = self.marks;
            for i in memchr::memchr3_iter(m0, m1, m2, bytes) {
                self.marked_at(bytes, i, hits);
            }
        }
    }

    /// Checks the patterns marked by the byte at `i`.
    #[cold]
    fn marked_at(&self, bytes: &[u8], i: usize, hits: &mut Vec<Hit>) {
        let b = bytes.get(i).copied().unwrap_or(0);
        for &(mb, off, p) in &self.marked {
            if mb == b {
                if let Some(s) = i.checked_sub(usize::from(off)) {
                    self.check(bytes, s, p, hits);
                }
            }
        }
    }

    /// Checks the anchored patterns with key `k` at the segment start `i`.
    #[cold]
    fn anchored_at(&self, bytes: &[u8], i: usize, k: u16, hits: &mut Vec<Hit>) {
        let head = usize::from(k >> 5);
        let from = self.by_head.get(head).map_or(0, |&f| usize::from(f));
        let to = self.by_head.get(head + 1).map_or(0, |&t| usize::from(t));
        for &(ek, p, off) in self.anchored.get(from..to).unwrap_or_default() {
            if ek == k {
                if let Some(s) = i.checked_sub(usize::from(off)) {
                    self.check(bytes, s, p, hits);
                }
            }
        }
    }

    /// Records pattern `p` at `s` when it is there.
    fn check(&self, bytes: &[u8], s: usize, p: u16, hits: &mut Vec<Hit>) {
        let pat = self
            .patterns
            .get(usize::from(p))
            .copied()
            .unwrap_or_default();
        let e = s + pat.len();
        if bytes.get(s..e).is_some_and(|t| t.eq_ignore_ascii_case(pat)) {
            hits.push((e, s, p));
        }
    }
}

/// Segment starts among the eight bytes `w` (high bit of each lane), or a few more: a letter
/// after a byte that is not a letter, or an upper-case letter after a lower-case one. That
/// covers every start (a letter after a byte that is neither a letter nor a digit, an upper-case
/// letter after a lower-case letter or a digit) and adds letters after digits, which are rare.
/// `prev` holds the classes of the byte before and receives those of the last byte.
#[inline(always)]
fn segment_starts(w: u64, prev: &mut Prev) -> u64 {
    let ascii = !w & HIGH;
    let x = w & LOW7;
    let upper = in_range(x, b'A', b'Z') & ascii;
    let letter = in_range(x | (0x20 * ONES), b'a', b'z') & ascii;
    let lower = letter & !upper;
    let prev_letter = (letter << 8) | prev.letter;
    let prev_lower = (lower << 8) | prev.lower;
    prev.letter = letter >> 56;
    prev.lower = lower >> 56;
    (letter & !prev_letter) | (upper & prev_lower)
}

/// The classes of the byte before a block, in the high bit of lane 0.
#[derive(Default)]
struct Prev {
    letter: u64,
    lower: u64,
}

/// Gathers the high bits of the eight lanes into the low eight bits, lane order kept.
#[inline(always)]
fn compress(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// High bit set in each lane of `x` (lanes below 0x80) that lies in `lo..=hi`.
#[inline(always)]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge_lo = x.wrapping_add(u64::from(0x80 - lo) * ONES);
    let gt_hi = x.wrapping_add(u64::from(0x7f - hi) * ONES);
    ge_lo & !gt_hi & HIGH
}

#[cfg(test)]
impl Finder {
    /// How many segment starts pass the gate, of how many (scalar, for statistics).
    pub(super) fn gate_stats(&self, bytes: &[u8]) -> (usize, usize) {
        let (mut gated, mut starts) = (0, 0);
        for i in 0..bytes.len() {
            let at = |j: usize| bytes.get(j).copied().unwrap_or(0);
            let (c, p) = (at(i), if i == 0 { 0 } else { at(i - 1) });
            let start = c.is_ascii_alphabetic() && !p.is_ascii_alphanumeric()
                || c.is_ascii_uppercase() && (p.is_ascii_lowercase() || p.is_ascii_digit());
            if start {
                starts += 1;
                let k = key4(u32::from_le_bytes([c, at(i + 1), at(i + 2), 0]));
                gated += usize::from(self.gate[usize::from(k >> 6)] >> (k & 63) & 1 == 1);
            }
        }
        (gated, starts)
    }
}

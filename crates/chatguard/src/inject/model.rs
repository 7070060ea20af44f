//! The learned scorer: logistic regression over hashed character 3–5-grams and word uni- and
//! bigrams of the folded text ([`super::words`]), trained by `tests/injection/train.py` and
//! committed as quantised weights (`model.bin`, a signed 4-bit value per bucket, two per byte).
//!
//! A window's logit is `bias + Σw / n^0.75` over its `n` n-gram occurrences. Each line is read on
//! its own, long lines in overlapping windows of about 512 folded bytes (blocks of 256, two at a
//! time), and the most suspicious window counts: an attack buried in a long message is not
//! diluted, and a long thread of harmless lines does not add up to a suspicious one.
//! The feature extraction here and in `train.py` must stay identical: the test
//! `model_known_answers_match_train_py` (in `inject/tests.rs`) pins probabilities the script printed.

use super::words::Words;

/// The committed weights.
const MODEL: &[u8] = include_bytes!("model.bin");
/// Bytes per block; a window is two consecutive blocks.
const BLOCK: usize = 256;
/// A window's weight sum is divided by its n-gram count to this power (`train.py`: NORM_POWER).
const NORM_POWER: f32 = 0.5;
const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// The bucket count the committed header declares (bytes 4..8, little-endian): a power of two,
/// checked at compile time, so a masked hash indexes the weight table without a bounds check.
const BUCKETS: usize = {
    let n = u32::from_le_bytes([MODEL[4], MODEL[5], MODEL[6], MODEL[7]]) as usize;
    assert!(n.is_power_of_two() && n >= 2);
    n
};
/// The hash every character n-gram starts from (the n-gram kind's tag).
const CHAR_SEED: u32 = fnv(FNV_OFFSET, b'c');

/// Parsed weights: `CGI4`, bucket count (u32 LE, a power of two), scale and bias (f32 LE), then
/// one signed 4-bit weight per bucket, two per byte (the even bucket in the low nibble). They are
/// unpacked to one byte per bucket once, when the scorer is built: lookups are the hot loop.
pub(crate) struct Model {
    scale: f32,
    bias: f32,
    weights: Box<[i8; BUCKETS]>,
}

#[derive(Clone, Copy, Default)]
struct Block {
    sum: i32,
    count: u32,
    line: u32,
}

impl Model {
    /// The committed model; `None` if the file is malformed (a test proves it is not).
    pub(crate) fn committed() -> Option<Model> {
        let header = MODEL.get(..16)?;
        if header.get(..4)? != b"CGI4" {
            return None;
        }
        let word = |i: usize| -> Option<[u8; 4]> { header.get(i..i + 4)?.try_into().ok() };
        let buckets = u32::from_le_bytes(word(4)?) as usize;
        let scale = f32::from_le_bytes(word(8)?);
        let bias = f32::from_le_bytes(word(12)?);
        let weights = MODEL.get(16..)?;
        let finite = scale.is_finite() && bias.is_finite();
        if buckets != BUCKETS || weights.len() != buckets / 2 || !finite {
            return None;
        }
        let weights: Vec<i8> = weights
            .iter()
            .flat_map(|&b| [b << 4, b & 0xF0])
            // Sign-extend each nibble from the byte's top half.
            .map(|top| top as i8 >> 4)
            .collect();
        Some(Model {
            scale,
            bias,
            weights: weights.into_boxed_slice().try_into().ok()?,
        })
    }

    fn weight(&self, hash: u32) -> i32 {
        i32::from(self.weights[hash as usize & (BUCKETS - 1)])
    }

    /// The weight sum and count of the character 3-, 4- and 5-grams starting at each byte of
    /// `at` (a range of `folded`; the n-grams may reach past it).
    fn char_grams(&self, folded: &[u8], at: core::ops::Range<usize>) -> (i32, u32) {
        let (mut sum, mut count) = (0i32, 0u32);
        let end = at.end.min(folded.len());
        // Every n-gram of a position whose five bytes all exist: no length checks in the loop.
        let full_end = end.min(folded.len().saturating_sub(4));
        let mut i = at.start;
        if let Some(full) = folded.get(i..full_end + 4) {
            for five in full.windows(5) {
                let [a, b, c, d, e] = [five[0], five[1], five[2], five[3], five[4]];
                let h3 = fnv(fnv(fnv(CHAR_SEED, a), b), c);
                let h4 = fnv(h3, d);
                let h5 = fnv(h4, e);
                sum += self.weight(h3) + self.weight(h4) + self.weight(h5);
            }
            count += 3 * full_end.saturating_sub(i) as u32;
            i = i.max(full_end);
        }
        // The last positions, whose n-grams run out of text.
        while i < end {
            let mut h = CHAR_SEED;
            for (n, &b) in folded.get(i..).unwrap_or(&[]).iter().take(5).enumerate() {
                h = fnv(h, b);
                if n >= 2 {
                    sum += self.weight(h);
                    count += 1;
                }
            }
            i += 1;
        }
        (sum, count)
    }

    /// The probability that `words` is an injection: the most suspicious window's.
    pub(crate) fn probability(&self, words: &Words) -> f32 {
        let folded = words.folded.as_bytes();
        let mut small = [Block::default(); 16];
        let mut large = Vec::new();
        let starts = block_starts(words);
        let blocks: &mut [Block] = if starts.len() <= small.len() {
            small.get_mut(..starts.len()).unwrap_or(&mut [])
        } else {
            large.resize(starts.len(), Block::default());
            &mut large
        };
        // Each block's character n-grams: those starting at its bytes, up to the next block's
        // start (the last block runs to the end of the string).
        for (k, (b, s)) in blocks.iter_mut().zip(&starts).enumerate() {
            b.line = s.1;
            let next = starts.get(k + 1).map_or(folded.len(), |&(n, _)| n as usize);
            let (sum, count) = self.char_grams(folded, s.0 as usize..next);
            b.sum += sum;
            b.count += count;
        }
        let mut current = 0usize;
        // The previous word's bigram prefix hash (`b`, the word, a space), if any.
        let mut previous: Option<u32> = None;
        for (i, w) in words.words.iter().enumerate() {
            let start = w.folded_start as usize;
            while starts
                .get(current + 1)
                .is_some_and(|&(s, _)| s as usize <= start)
            {
                current += 1;
            }
            // The unigram (`w`, the word), this word's bigram prefix and the bigram with the
            // previous word, hashed in one pass over the word.
            let (mut unigram, mut prefix) = (fnv(FNV_OFFSET, b'w'), fnv(FNV_OFFSET, b'b'));
            let mut bigram = previous.unwrap_or(0);
            for &b in words.folded_word(i).as_bytes() {
                unigram = fnv(unigram, b);
                prefix = fnv(prefix, b);
                bigram = fnv(bigram, b);
            }
            let mut sum = self.weight(unigram);
            let mut count = 1;
            if previous.is_some() {
                sum += self.weight(bigram);
                count += 1;
            }
            previous = Some(fnv(prefix, b' '));
            if let Some(block) = blocks.get_mut(current) {
                block.sum += sum;
                block.count += count;
            }
        }
        let logit = |sum: i32, count: u32| {
            if count == 0 {
                f32::NEG_INFINITY
            } else {
                self.bias + self.scale * sum as f32 / (count as f32).powf(NORM_POWER)
            }
        };
        // A window is a block alone when its line has one block, else two consecutive blocks
        // of the same line.
        let mut best = f32::NEG_INFINITY;
        for (i, b) in blocks.iter().enumerate() {
            let next = blocks.get(i + 1).filter(|n| n.line == b.line);
            let prev_same = i > 0 && blocks.get(i - 1).is_some_and(|p| p.line == b.line);
            let l = match next {
                Some(n) => logit(b.sum + n.sum, b.count + n.count),
                None if !prev_same => logit(b.sum, b.count),
                None => continue,
            };
            best = best.max(l);
        }
        if best == f32::NEG_INFINITY {
            best = self.bias;
        }
        1.0 / (1.0 + (-best).exp())
    }
}

/// Where blocks start in the folded string, with their line number: a block starts at the first
/// word, at every word after a line break, and at the first word at least [`BLOCK`] bytes after
/// its block's start. `train.py` computes the same.
fn block_starts(words: &Words) -> Vec<(u32, u32)> {
    let mut starts: Vec<(u32, u32)> = vec![(0, 0)];
    let mut line = 0u32;
    for (i, w) in words.words.iter().enumerate() {
        let block_start = starts.last().map_or(0, |&(s, _)| s);
        if w.line_start {
            line += 1;
        }
        if i > 0 && (w.line_start || (w.folded_start - block_start) as usize >= BLOCK) {
            starts.push((w.folded_start, line));
        }
    }
    starts
}

const fn fnv(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(FNV_PRIME)
}

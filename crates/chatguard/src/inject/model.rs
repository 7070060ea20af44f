//! The learned scorer: logistic regression over hashed character 3–5-grams and word uni- and
//! bigrams of the folded text ([`super::words`]), trained by `tests/injection/train.py` and
//! committed as quantised weights (`model.bin`, one signed byte per bucket).
//!
//! Long texts are read in overlapping windows of 512 folded bytes (blocks of 256, two at a time)
//! and the most suspicious window counts, so an attack buried in a long message is not diluted.
//! The feature extraction here and in `train.py` must stay identical; `model_known_answers` in
//! this module pins scores the training script printed.

use super::words::Words;

/// The committed weights.
const MODEL: &[u8] = include_bytes!("model.bin");
/// Bytes per block; a window is two consecutive blocks.
const BLOCK: usize = 256;
const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// Parsed weights: `CGI1`, bucket count (u32 LE, a power of two), scale and bias (f32 LE), then
/// one `i8` per bucket.
pub(crate) struct Model {
    scale: f32,
    bias: f32,
    mask: usize,
    weights: &'static [u8],
}

#[derive(Clone, Copy, Default)]
struct Block {
    sum: i32,
    count: u32,
}

impl Model {
    /// The committed model; `None` if the file is malformed (the scorer then fails closed on
    /// rules alone — see `Scorer`).
    pub(crate) fn committed() -> Option<Model> {
        let header = MODEL.get(..16)?;
        if header.get(..4)? != b"CGI1" {
            return None;
        }
        let word = |i: usize| -> Option<[u8; 4]> { header.get(i..i + 4)?.try_into().ok() };
        let buckets = u32::from_le_bytes(word(4)?) as usize;
        let scale = f32::from_le_bytes(word(8)?);
        let bias = f32::from_le_bytes(word(12)?);
        let weights = MODEL.get(16..)?;
        if !buckets.is_power_of_two() || weights.len() != buckets || !scale.is_finite() {
            return None;
        }
        Some(Model {
            scale,
            bias,
            mask: buckets - 1,
            weights,
        })
    }

    fn weight(&self, hash: u32) -> i32 {
        i32::from(
            self.weights
                .get(hash as usize & self.mask)
                .copied()
                .unwrap_or(0) as i8,
        )
    }

    /// The probability that `words` is an injection, and the byte range (in the folded string)
    /// of the window that decided it.
    pub(crate) fn probability(&self, words: &Words) -> f32 {
        let folded = words.folded.as_bytes();
        let blocks_n = folded.len().div_ceil(BLOCK).max(1);
        let mut small = [Block::default(); 8];
        let mut large = Vec::new();
        let blocks: &mut [Block] = if blocks_n <= small.len() {
            &mut small[..blocks_n]
        } else {
            large.resize(blocks_n, Block::default());
            &mut large
        };
        for i in 0..folded.len() {
            let mut h = fnv(FNV_OFFSET, b'c');
            let mut sum = 0i32;
            let mut count = 0u32;
            for n in 0..5 {
                let Some(&b) = folded.get(i + n) else { break };
                h = fnv(h, b);
                if n >= 2 {
                    sum += self.weight(h);
                    count += 1;
                }
            }
            if let Some(block) = blocks.get_mut(i / BLOCK) {
                block.sum += sum;
                block.count += count;
            }
        }
        let mut previous: Option<&[u8]> = None;
        for w in &words.words {
            let start = w.folded_start as usize;
            let end = folded
                .get(start..)
                .and_then(|r| r.iter().position(|&b| b == b' '))
                .map_or(folded.len(), |n| start + n);
            let word = folded.get(start..end).unwrap_or(&[]);
            let mut sum = self.weight(word.iter().fold(fnv(FNV_OFFSET, b'w'), |h, &b| fnv(h, b)));
            let mut count = 1;
            if let Some(prev) = previous {
                let h = prev.iter().fold(fnv(FNV_OFFSET, b'b'), |h, &b| fnv(h, b));
                let h = word.iter().fold(fnv(h, b' '), |h, &b| fnv(h, b));
                sum += self.weight(h);
                count += 1;
            }
            previous = Some(word);
            if let Some(block) = blocks.get_mut(start / BLOCK) {
                block.sum += sum;
                block.count += count;
            }
        }
        let logit = |sum: i32, count: u32| {
            if count == 0 {
                self.bias
            } else {
                self.bias + self.scale * sum as f32 / (count as f32).sqrt()
            }
        };
        let best = if blocks.len() <= 2 {
            let (sum, count) = blocks
                .iter()
                .fold((0, 0), |(s, c), b| (s + b.sum, c + b.count));
            logit(sum, count)
        } else {
            blocks
                .windows(2)
                .map(|w| logit(w[0].sum + w[1].sum, w[0].count + w[1].count))
                .fold(f32::NEG_INFINITY, f32::max)
        };
        1.0 / (1.0 + (-best).exp())
    }
}

const fn fnv(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(FNV_PRIME)
}

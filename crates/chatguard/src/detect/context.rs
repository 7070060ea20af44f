//! Bounded, explained context scoring: words near a candidate raise or lower its score.
//!
//! Each recognizer names its supporting words (in en, de, fr, es, it, nl and pt at least). A small
//! shared list of contrary words (order, tracking, invoice, version, ISBN … in the same languages)
//! lowers the score of candidates that have no supporting word. Every change is bounded and
//! reported as a [`ContextHit`] naming the word.

use super::{Candidate, ContextHit};

/// How far before a candidate supporting words are looked for, in bytes.
const BEFORE: usize = 64;
/// How far after a candidate supporting words are looked for, in bytes.
const AFTER: usize = 32;
/// The raise a supporting word gives.
pub(crate) const SUPPORT: i16 = 350;
/// The drop a contrary word gives (only when no supporting word is present).
pub(crate) const CONTRARY: i16 = -400;

/// Words that suggest a number is a reference of some business object rather than personal data.
pub(crate) const CONTRARY_WORDS: &[&str] = &[
    "order",
    "tracking",
    "invoice",
    "ticket",
    "ref",
    "reference",
    "isbn",
    "version",
    "build",
    "sku",
    "serial",
    "part no",
    "model",
    "shipment",
    "parcel",
    "confirmation",
    "booking",
    "reservation",
    "case",
    "po",
    "txn",
    "transaction id",
    "bestell",
    "sendung",
    "rechnung",
    "auftrag",
    "commande",
    "facture",
    "colis",
    "suivi",
    "pedido",
    "factura",
    "seguimiento",
    "envío",
    "ordine",
    "fattura",
    "spedizione",
    "bestelling",
    "factuur",
    "zending",
    "encomenda",
    "fatura",
    "rastreio",
];

/// Applies context to a candidate. Returns `None` when the candidate needs context and has none.
pub(crate) fn apply(
    text: &str,
    mut cand: Candidate,
    support: &[&'static str],
    needs_context: bool,
) -> Option<(Candidate, Option<ContextHit>)> {
    let window = Window::around(text, cand.start, cand.end);
    if let Some(word) = window.find_any(support) {
        cand.score = cand.score.adjust(SUPPORT);
        return Some((
            cand,
            Some(ContextHit {
                word,
                delta: SUPPORT,
            }),
        ));
    }
    if needs_context {
        return None;
    }
    if let Some(word) = window.find_any_before(CONTRARY_WORDS) {
        cand.score = cand.score.adjust(CONTRARY);
        return Some((
            cand,
            Some(ContextHit {
                word,
                delta: CONTRARY,
            }),
        ));
    }
    Some((cand, None))
}

/// The lowercase text around a candidate, split at the candidate.
struct Window {
    before: String,
    after: String,
}

impl Window {
    fn around(text: &str, start: usize, end: usize) -> Window {
        let from = floor_boundary(text, start.saturating_sub(BEFORE));
        let to = ceil_boundary(text, (end + AFTER).min(text.len()));
        Window {
            before: text[from..start].to_lowercase(),
            after: text[end..to].to_lowercase(),
        }
    }

    fn find_any(&self, words: &[&'static str]) -> Option<&'static str> {
        words
            .iter()
            .copied()
            .find(|w| contains_word(&self.before, w) || contains_word(&self.after, w))
    }

    fn find_any_before(&self, words: &[&'static str]) -> Option<&'static str> {
        words
            .iter()
            .copied()
            .find(|w| contains_word(&self.before, w))
    }
}

/// True when `word` occurs in `hay` starting at a word boundary. Entries of four or more bytes
/// also match as prefixes (`phone` matches `phones`); shorter ones must end at a boundary too.
pub(crate) fn contains_word(hay: &str, word: &str) -> bool {
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(pos) = hay[from..].find(word) {
        let at = from + pos;
        let end = at + word.len();
        let left_ok = at == 0 || !is_word_byte(bytes[at - 1]);
        let right_ok = word.len() >= 4 || end == bytes.len() || !is_word_byte(bytes[end]);
        if left_ok && right_ok {
            return true;
        }
        from = at + word.chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The largest char boundary at or below `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary at or above `at`.
pub(crate) fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Score};

    fn cand(start: usize, end: usize) -> Candidate {
        Candidate {
            kind: Kind::NlBsn,
            start,
            end,
            score: Score::from_milli(400),
            rule: "t",
            validated: true,
        }
    }

    #[test]
    fn supporting_word_raises_and_is_explained() {
        let text = "mijn BSN is 111222333";
        let (c, hit) = apply(text, cand(12, 21), &["bsn"], true).expect("kept");
        assert_eq!(c.score, Score::from_milli(750));
        assert_eq!(
            hit,
            Some(ContextHit {
                word: "bsn",
                delta: SUPPORT
            })
        );
    }

    #[test]
    fn needed_context_missing_drops() {
        assert!(apply("number 111222333", cand(7, 16), &["bsn"], true).is_none());
    }

    #[test]
    fn contrary_word_lowers_when_no_support() {
        let text = "order 111222333";
        let (c, hit) = apply(text, cand(6, 15), &["bsn"], false).expect("kept");
        assert_eq!(c.score, Score::ZERO);
        assert_eq!(hit.map(|h| h.word), Some("order"));
    }

    #[test]
    fn words_need_a_left_boundary() {
        assert!(contains_word("my phone:", "phone"));
        assert!(contains_word("telephones", "tele"));
        assert!(!contains_word("microphone", "phone"));
        assert!(!contains_word("reform", "ref"));
        assert!(contains_word("ref: ", "ref"));
    }
}

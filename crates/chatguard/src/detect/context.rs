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

/// Applies supporting context to a candidate. Returns `None` when the candidate needs context
/// and has none. Contrary words are applied later, once all candidates are known
/// ([`apply_contrary`]).
pub(crate) fn apply(
    text: &str,
    mut cand: Candidate,
    support: &[&'static str],
    needs_context: bool,
) -> Option<(Candidate, Option<ContextHit>)> {
    let window = Window::around(text, cand.start, cand.end);
    if let Some((word, distance)) = window.nearest(support) {
        // Nearer words support more (by up to 0.128), so where two formats share a shape the
        // one whose name stands next to the value wins.
        let delta = SUPPORT - (distance.min(BEFORE) as i16) * 2;
        cand.score = cand.score.adjust(delta);
        return Some((cand, Some(ContextHit { word, delta })));
    }
    if needs_context {
        return None;
    }
    Some((cand, None))
}

/// Lowers candidates that have no supporting word but a contrary word before them. Words inside
/// other candidates that already pass their threshold do not count: those will be redacted, and
/// redacted text must scan the same as the original did.
pub(crate) fn apply_contrary(
    text: &str,
    found: &mut [(Candidate, Option<ContextHit>)],
    passes: impl Fn(&Candidate) -> bool,
) {
    let strong: Vec<(usize, usize)> = found
        .iter()
        .filter(|(c, _)| passes(c))
        .map(|(c, _)| (c.start, c.end))
        .collect();
    for (cand, hit) in found.iter_mut() {
        if hit.is_some() {
            continue;
        }
        let from = floor_boundary(text, cand.start.saturating_sub(BEFORE));
        let mut before = without_placeholders(&text[from..cand.start]);
        for &(s, e) in &strong {
            if s < cand.start && e > from && (s, e) != (cand.start, cand.end) {
                let (s, e) = (s.max(from) - from, e.min(cand.start) - from);
                // Lowercasing may change byte lengths outside ASCII; blank only what still lines up.
                if e <= before.len() && before.is_char_boundary(s) && before.is_char_boundary(e) {
                    before.replace_range(s..e, &" ".repeat(e - s));
                }
            }
        }
        if let Some(word) = CONTRARY_WORDS
            .iter()
            .copied()
            .find(|w| contains_word(&before, w))
        {
            cand.score = cand.score.adjust(CONTRARY);
            *hit = Some(ContextHit {
                word,
                delta: CONTRARY,
            });
        }
    }
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
            before: without_placeholders(&text[from..start]),
            after: without_placeholders(&text[end..to]),
        }
    }

    /// The supporting word nearest to the candidate, with its distance in bytes.
    fn nearest(&self, words: &[&'static str]) -> Option<(&'static str, usize)> {
        let mut best: Option<(&'static str, usize)> = None;
        for &w in words {
            let before =
                find_word(&self.before, w, true).map(|at| self.before.len() - (at + w.len()));
            let after = find_word(&self.after, w, false);
            let distance = match (before, after) {
                (Some(b), Some(a)) => b.min(a),
                (Some(d), None) | (None, Some(d)) => d,
                (None, None) => continue,
            };
            if best.is_none_or(|(_, d)| distance < d) {
                best = Some((w, distance));
            }
        }
        best
    }
}

/// Lowercases `text` and blanks out redaction placeholders (`[CREDIT_CARD_1]`, `[EMAIL#abc]`), whose
/// kind names must not count as context: redacted text has to scan the same as it did before.
fn without_placeholders(text: &str) -> String {
    let mut out = text.to_lowercase();
    if !out.contains(['[', ']']) {
        return out;
    }
    // Placeholders are ASCII, so blanking them keeps every other byte where it was.
    let bytes = out.as_bytes();
    let is_inner = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'#';
    let mut blank = Vec::new();
    // A placeholder cut off by the window's start: `card_1] …`.
    if let Some(close) = bytes.iter().position(|&b| !is_inner(b)) {
        if bytes[close] == b']' && close > 0 {
            blank.push((0, close + 1));
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let len = bytes[i + 1..].iter().position(|&b| !is_inner(b));
            match len {
                // A whole placeholder.
                Some(len) if len > 0 && bytes[i + 1 + len] == b']' => {
                    blank.push((i, i + len + 2));
                    i += len + 2;
                    continue;
                }
                // A placeholder cut off by the window's end: `… [credit_ca`.
                None => {
                    blank.push((i, bytes.len()));
                    break;
                }
                _ => {}
            }
        }
        i += 1;
    }
    for (s, e) in blank {
        out.replace_range(s..e, &" ".repeat(e - s));
    }
    out
}

/// True when `word` occurs in `hay` starting at a word boundary. Entries of four or more bytes
/// also match as prefixes (`phone` matches `phones`); shorter ones must end at a boundary too.
pub(crate) fn contains_word(hay: &str, word: &str) -> bool {
    find_word(hay, word, false).is_some()
}

/// The position of the first (or, with `last`, the last) occurrence of `word` in `hay` as a word.
/// The empty string is no word: it would match at every position, and stepping past it one byte
/// at a time would run off the end or into the middle of a character.
fn find_word(hay: &str, word: &str, last: bool) -> Option<usize> {
    let first_len = word.chars().next()?.len_utf8();
    let bytes = hay.as_bytes();
    let mut from = 0;
    let mut found = None;
    while let Some(pos) = hay[from..].find(word) {
        let at = from + pos;
        let end = at + word.len();
        let left_ok = at == 0 || !is_word_byte(bytes[at - 1]);
        let right_ok = word.len() >= 4 || end == bytes.len() || !is_word_byte(bytes[end]);
        if left_ok && right_ok {
            found = Some(at);
            if !last {
                break;
            }
        }
        from = at + first_len;
    }
    found
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
    fn an_empty_context_word_matches_nothing_and_does_not_panic() {
        // Found by the `policy` fuzz target (tests/fuzz/testdata/policy/crash-empty-context-word):
        // a custom pattern's context word "" made `find_word` step past the end of the window.
        for text in ["employee EMP-123", "EMP-123", "é EMP-123 ü", ""] {
            assert_eq!(find_word(text, "", false), None);
            assert_eq!(find_word(text, "", true), None);
        }
        let text = "employee EMP-123 vale";
        assert_eq!(
            apply(text, cand(9, 16), &["", "vale"], true).map(|(_, h)| h.map(|h| h.word)),
            Some(Some("vale"))
        );
        assert_eq!(apply(text, cand(9, 16), &[""], true), None);
    }

    #[test]
    fn supporting_word_raises_and_is_explained() {
        let text = "mijn BSN is 111222333";
        let (c, hit) = apply(text, cand(12, 21), &["bsn"], true).expect("kept");
        assert_eq!(c.score, Score::from_milli(400 + 350 - 8));
        assert_eq!(
            hit,
            Some(ContextHit {
                word: "bsn",
                delta: 342
            })
        );
    }

    #[test]
    fn the_nearest_supporting_word_wins() {
        let text = "Steuer-ID oder OIB: 111222333";
        let (_, hit) = apply(text, cand(20, 29), &["steuer-id", "oib"], true).expect("kept");
        assert_eq!(hit.map(|h| h.word), Some("oib"));
    }

    #[test]
    fn needed_context_missing_drops() {
        assert!(apply("number 111222333", cand(7, 16), &["bsn"], true).is_none());
    }

    #[test]
    fn contrary_word_lowers_when_no_support() {
        let text = "order 111222333";
        let mut found = [apply(text, cand(6, 15), &["bsn"], false).expect("kept")];
        apply_contrary(text, &mut found, |_| false);
        assert_eq!(found[0].0.score, Score::ZERO);
        assert_eq!(found[0].1.map(|h| h.word), Some("order"));
    }

    #[test]
    fn contrary_words_inside_passing_candidates_do_not_count() {
        let text = "jane.order@example.com 111222333";
        let mut found = [(cand(0, 22), None), (cand(23, 32), None)];
        found[0].0.score = Score::from_milli(950);
        apply_contrary(text, &mut found, |c| c.score >= Score::from_milli(500));
        assert_eq!(found[1].0.score, Score::from_milli(400));
        assert_eq!(found[1].1, None);
    }

    #[test]
    fn placeholders_are_not_context() {
        assert_eq!(
            without_placeholders("Card [CREDIT_CARD_1] x"),
            "card                 x"
        );
        assert_eq!(
            without_placeholders("[EMAIL_1] [CREDIT_CA"),
            "                    "
        );
        assert_eq!(without_placeholders("IT_CARD_1] card"), "           card");
        assert_eq!(without_placeholders("[see card]"), "[see card]");
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

//! Prompt-injection and jailbreak scoring: explainable phrase and structure rules plus a compact
//! learned scorer, combined into one score in `0..1` and a verdict from the policy's thresholds.
//!
//! * **Rules** ([`rules`], [`structure`]) run on the normalised text ([`crate::normalize`] already
//!   removed invisible characters and folded compatibility forms) folded further to lowercase words
//!   without diacritics ([`words`]). Phrase rules combine concepts of a seven-language lexicon
//!   ([`lexicon`]: en, de, fr, es, it, pt, nl) within small word windows, so word order, fillers
//!   and synonyms do not matter. Structure rules find chat-template and role delimiters, fake
//!   tool output, exfiltration links and split payloads. Every rule has a signal id
//!   (`inject.override`, `inject.system_prompt`, `inject.persona`, `inject.delimiter`,
//!   `inject.exfiltration`, `inject.refusal_suppression`, `inject.payload_splitting`), a weight
//!   and a span in the original text.
//! * **The learned scorer** ([`model`]) is a logistic regression over hashed character and word
//!   n-grams, 32 KiB of quantised weights trained by `tests/injection/train.py`.
//! * **The score** is a noisy-or: `1 − (1 − m) · Π (1 − wᶠ)`, where `m` is the model's
//!   probability and `wᶠ` the heaviest firing rule of each family. The verdict compares it with the
//!   policy's `flag_at` and `block_at` for the mode (chat or document).
//!
//! Scoring never fails and never panics; its cost is linear in the text. The compiled lexicon is
//! built once per process on first use, so guards that never score injection pay nothing.
//!
//! Next to the scorer, policy-free detectors that return signals with spans:
//!
//! * [`smuggle`] — Unicode and encoding smuggling (13 families), with the hidden text revealed
//!   for scoring;
//! * [`document`] — hidden and assistant-addressed text in retrieved HTML or markdown;
//! * [`canary`] — per-session canary tokens, found in whole or streamed answers;
//! * [`output`] — exfiltration links and system-prompt fragments in model answers.

pub mod canary;
pub mod document;
mod lexicon;
mod model;
pub mod output;
mod rules;
pub mod smuggle;
mod structure;
mod words;

use std::sync::LazyLock;

use crate::normalize::Normalized;
use crate::policy::InjectionPolicy;
use crate::{Score, Span};

pub use rules::id as signal_ids;

/// What a text is: a chat message typed by a user, or retrieved/uploaded content (indirect
/// injection), which the policy may hold to stricter thresholds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InjectionMode {
    /// A user's chat message.
    #[default]
    Chat,
    /// A document, web page or tool result the assistant will read.
    Document,
}

/// The decision for a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InjectionVerdict {
    /// Below `flag_at`.
    Allow,
    /// At or above `flag_at`, below `block_at`: pass on, but mark for review.
    Flag,
    /// At or above `block_at`: do not pass on.
    Block,
}

impl InjectionVerdict {
    /// The wire name: `allow`, `flag`, `block`.
    pub const fn name(self) -> &'static str {
        match self {
            InjectionVerdict::Allow => "allow",
            InjectionVerdict::Flag => "flag",
            InjectionVerdict::Block => "block",
        }
    }
}

/// One reason a text scored: a rule id, where it matched and how much it weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Signal {
    /// The rule family, e.g. `inject.override`.
    pub id: &'static str,
    /// Where it matched, in the original text.
    pub span: Span,
    /// The rule's weight.
    pub weight: Score,
}

/// The result of scoring a text. Holds no matched text, so it is safe to log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InjectionReport {
    /// The combined score.
    pub score: Score,
    /// The verdict under the policy's thresholds for the mode.
    pub verdict: InjectionVerdict,
    /// The learned scorer's probability (its contribution to `score`).
    pub model: Score,
    /// The firing rules, heaviest first, at most one per family.
    pub signals: Vec<Signal>,
}

/// A rule firing, in normalised-text coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub id: &'static str,
    pub weight: u16,
    pub start: usize,
    pub end: usize,
}

/// The compiled rules and model, shared by every guard.
struct Scorer {
    phrases: rules::PhraseMatcher,
    structure: structure::StructureScanner,
    model: model::Model,
}

static SCORER: LazyLock<Scorer> = LazyLock::new(|| Scorer {
    phrases: rules::PhraseMatcher::new().expect("invariant: the lexicon compiles (tested)"),
    structure: structure::StructureScanner::new()
        .expect("invariant: the delimiter list compiles (tested)"),
    model: model::Model::committed().expect("invariant: the committed model parses (tested)"),
});

/// How much a quoted attack inside a question about attacks still counts.
const DISCUSSION_FACTOR: f32 = 0.5;

/// The most bytes between a match and the quotation mark around it.
const QUOTE_REACH: usize = 48;

/// True when `start..end` of `text` sits between quotation marks on the same line, each within
/// [`QUOTE_REACH`] bytes (apostrophes inside words do not count).
fn quoted(text: &str, start: usize, end: usize) -> bool {
    const OPEN: &[char] = &['"', '\'', '“', '”', '„', '‘', '’', '«', '»', '`'];
    let before = text.get(..start).unwrap_or("");
    let left = before
        .char_indices()
        .rev()
        .take_while(|&(i, c)| c != '\n' && start - i <= QUOTE_REACH)
        .any(|(i, c)| {
            OPEN.contains(&c)
                && !before
                    .get(..i)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(char::is_alphanumeric)
        });
    let after = text.get(end..).unwrap_or("");
    let right = after
        .char_indices()
        .take_while(|&(i, c)| c != '\n' && i <= QUOTE_REACH)
        .any(|(i, c)| {
            OPEN.contains(&c)
                && !after
                    .get(i + c.len_utf8()..)
                    .and_then(|a| a.chars().next())
                    .is_some_and(char::is_alphanumeric)
        });
    left && right
}

/// Scores `text` and decides under `policy`'s thresholds for `mode`.
pub fn score(text: &str, mode: InjectionMode, policy: &InjectionPolicy) -> InjectionReport {
    let scorer = &*SCORER;
    let normalized = Normalized::new(text);
    let view = normalized.text();
    let words = words::Words::new(view);
    let mut hits = Vec::new();
    let meta = scorer.phrases.fire(view, &words, &mut hits);
    let concepts = !hits.is_empty();
    // A question *about* an attack that quotes it ("how do I defend against 'ignore previous
    // instructions'?"): every phrase rule matched inside quotation marks and a word like
    // "defend" or "prompt injection" stands outside them. Such texts are halved, rules and model
    // alike, and the reason is reported as `inject.discussion` (weight 0).
    let discussion = meta.filter(|&(ms, me)| {
        concepts
            && hits
                .iter()
                .all(|h| quoted(view, h.start, h.end) && (me <= h.start || ms >= h.end))
    });
    scorer.structure.scan(view, concepts, &mut hits);
    let mut model = scorer.model.probability(&words);
    if discussion.is_some() {
        model *= DISCUSSION_FACTOR;
        for h in &mut hits {
            h.weight = (f32::from(h.weight) * DISCUSSION_FACTOR) as u16;
        }
    }

    // Heaviest first; one signal per family.
    hits.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.start.cmp(&b.start)));
    let mut signals: Vec<Signal> = Vec::with_capacity(hits.len());
    let mut keep = 1.0f32 - model.clamp(0.0, 1.0);
    for h in &hits {
        if signals.iter().any(|s| s.id == h.id) {
            continue;
        }
        let weight = Score::from_milli(h.weight);
        keep *= 1.0 - weight.as_f32();
        signals.push(Signal {
            id: h.id,
            span: normalized.to_original(Span::new(h.start, h.end)),
            weight,
        });
    }
    if let Some((start, end)) = discussion {
        signals.push(Signal {
            id: signal_ids::DISCUSSION,
            span: normalized.to_original(Span::new(start, end)),
            weight: Score::ZERO,
        });
    }
    let score = Score::from_f32(1.0 - keep);
    let thresholds = match mode {
        InjectionMode::Chat => policy.chat,
        InjectionMode::Document => policy.document,
    };
    let verdict = if !policy.enabled {
        InjectionVerdict::Allow
    } else if score >= thresholds.block_at {
        InjectionVerdict::Block
    } else if score >= thresholds.flag_at {
        InjectionVerdict::Flag
    } else {
        InjectionVerdict::Allow
    };
    InjectionReport {
        score,
        verdict,
        model: Score::from_f32(model),
        signals,
    }
}

#[cfg(test)]
mod tests;

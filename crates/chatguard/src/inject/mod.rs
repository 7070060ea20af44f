//! Prompt-injection and jailbreak scoring: explainable phrase and structure rules plus a compact
//! learned scorer, combined into one score in `0..1` and a verdict from the policy's thresholds.
//!
//! * **Rules** (`rules`, `structure`) run on the normalised text ([`crate::normalize`] already
//!   removed invisible characters and folded compatibility forms) folded further to lowercase words
//!   without diacritics (`words`). Phrase rules combine concepts of a seven-language lexicon
//!   (`lexicon`: en, de, fr, es, it, pt, nl) within small word windows, so word order, fillers
//!   and synonyms do not matter. Structure rules find chat-template and role delimiters, fake
//!   tool output, exfiltration links and split payloads. Every rule has a signal id
//!   (`inject.override`, `inject.system_prompt`, `inject.persona`, `inject.delimiter`,
//!   `inject.exfiltration`, `inject.refusal_suppression`, `inject.payload_splitting`), a weight
//!   and a span in the original text.
//! * **The learned scorer** (`model`) is a logistic regression over hashed character and word
//!   n-grams, 16 KiB of 4-bit weights trained by `tests/injection/train.py`.
//! * **Smuggling and hidden text** ([`smuggle`], [`document`]) feed the same score: the rules and
//!   the model read the text with every hidden payload and obfuscated word revealed, each
//!   smuggling family adds its own weighted signal (`smuggle.*`), and in document mode the hidden
//!   parts of a page are scored too (`document.*`).
//! * **The score** is a noisy-or: `1 − (1 − m) · Π (1 − wᶠ)`, where `m` is the model's
//!   probability and `wᶠ` the heaviest signal of each id. The verdict compares it with the
//!   policy's `flag_at` and `block_at` for the mode (chat or document), raised where the policy's
//!   `smuggling` actions say so.
//!
//! Scoring never fails and never panics; its cost is linear in the text. The compiled lexicon is
//! built once per process on first use, so guards that never score injection pay nothing.
//!
//! The detectors the scorer builds on are public and policy-free, returning signals with spans:
//!
//! * [`smuggle`] — Unicode and encoding smuggling (13 families), with the hidden text revealed
//!   for scoring;
//! * [`document`] — hidden and assistant-addressed text in retrieved HTML or markdown;
//! * [`canary`] — per-session canary tokens, found in whole or streamed answers;
//! * [`output`] — exfiltration links and system-prompt fragments in model answers.

mod addressed;
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
use crate::policy::{InjectionPolicy, SmuggleAction};
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

/// How much each smuggling family weighs on its own, in thousandths, indexed like
/// [`smuggle::Family::ALL`]. Invisible payload carriers (tag characters, variation-selector
/// data) and bidi overrides have no legitimate use in chat, so they flag on their own; a
/// look-alike or leet word alone is weak evidence. What the trick hid is scored as text too.
const SMUGGLE_WEIGHTS: [u16; 13] = [
    450, // zero_width
    700, // tag_chars
    700, // variation_selectors
    650, // bidi
    250, // confusables
    300, // combining_marks
    250, // fullwidth
    300, // spaced_letters
    200, // leetspeak
    400, // base64
    400, // hex
    400, // url_encoding
    400, // rot13
];

/// How much hidden or assistant-addressed text in a document weighs on its own, in thousandths.
/// Comments, hidden elements and long attribute texts are common in benign pages, so only
/// their content's score counts; a sentence addressed to an AI assistant is evidence itself.
const fn document_weight(kind: document::DocumentKind) -> u16 {
    match kind {
        document::DocumentKind::AddressedToAssistant => 350,
        _ => 0,
    }
}

/// The rules and the model on one text: signals with spans in that text, heaviest first.
struct Rated {
    signals: Vec<Signal>,
    model: f32,
}

/// The fewest words the learned model scores.
const MODEL_MIN_WORDS: usize = 2;

/// Runs the phrase and structure rules and the model on `text`, read as `mode` says: in a chat
/// message "I" is the customer, in a document whoever wrote it.
fn rate(text: &str, mode: InjectionMode) -> Rated {
    let scorer = &*SCORER;
    let normalized = Normalized::new(text);
    let view = normalized.text();
    let words = words::Words::new(view);
    let mut hits = Vec::new();
    let meta = scorer.phrases.fire(view, &words, mode, &mut hits);
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
    scorer
        .structure
        .scan(view, &words.folded, concepts, &mut hits);
    // Too few words for the model to weigh: an instruction it alone would flag needs a clause.
    // A lone "system" or "assistant" (a tool's field name, a one-word reply) is no attack; the
    // phrase and structure rules still score short texts.
    let mut model = if words.words.len() < MODEL_MIN_WORDS {
        0.0
    } else {
        scorer.model.probability(&words)
    };
    if discussion.is_some() {
        model *= DISCUSSION_FACTOR;
        for h in &mut hits {
            h.weight = (f32::from(h.weight) * DISCUSSION_FACTOR) as u16;
        }
    }
    let mut signals: Vec<Signal> = hits
        .iter()
        .map(|h| Signal {
            id: h.id,
            span: normalized.to_original(Span::new(h.start, h.end)),
            weight: Score::from_milli(h.weight),
        })
        .collect();
    if let Some((start, end)) = discussion {
        signals.push(Signal {
            id: signal_ids::DISCUSSION,
            span: normalized.to_original(Span::new(start, end)),
            weight: Score::ZERO,
        });
    }
    Rated {
        signals,
        model: model.clamp(0.0, 1.0),
    }
}

/// Scores `text` and decides under `policy`'s thresholds for `mode`.
///
/// The smuggling scan runs first: its signals (`smuggle.*`) weigh in on their own, and the rules
/// and the model score the *revealed* text, so an instruction hidden in tag characters, base64 or
/// look-alike letters scores like the plain instruction; rule spans that touch a revealed payload
/// cover the whole obfuscated part in the original. In document mode the hidden and
/// assistant-addressed parts [`document::scan_document`] finds are scored as well (their spans
/// are the whole construct) and add their own signals (`document.*`). Per the policy's
/// `smuggling` actions, a family can raise the verdict to `flag` or `block`; a stripped invisible
/// carrier whose payload fires an instruction rule blocks, and a scored family whose obfuscated
/// word fires one flags.
pub fn score(text: &str, mode: InjectionMode, policy: &InjectionPolicy) -> InjectionReport {
    let smuggled = smuggle::scan(text);
    let rated = rate(smuggled.revealed(), mode);
    let mut model = rated.model;
    let mut candidates: Vec<Signal> = rated
        .signals
        .into_iter()
        .map(|s| Signal {
            span: smuggled.to_original(s.span),
            ..s
        })
        .collect();
    let mut floor = InjectionVerdict::Allow;
    for s in smuggled.signals() {
        let index = smuggle::Family::ALL.iter().position(|f| *f == s.family);
        let weight = index
            .and_then(|i| SMUGGLE_WEIGHTS.get(i))
            .copied()
            .unwrap_or(0);
        candidates.push(Signal {
            id: s.family.id(),
            span: s.span,
            weight: Score::from_milli(weight),
        });
    }
    // The smuggling actions, decided once every rule span is in original coordinates.
    for s in smuggled.signals() {
        let action = smuggle_action(policy, s.family);
        let carries_instruction = || {
            candidates.iter().any(|c| {
                c.id.starts_with("inject.")
                    && c.id != signal_ids::DISCUSSION
                    && c.span.start < s.span.end
                    && s.span.start < c.span.end
            })
        };
        let at_least = match action {
            SmuggleAction::Block => InjectionVerdict::Block,
            SmuggleAction::Flag => InjectionVerdict::Flag,
            SmuggleAction::Strip if carries_instruction() => InjectionVerdict::Block,
            // An instruction rule firing on an obfuscated word: hiding it was deliberate.
            SmuggleAction::Score if carries_instruction() => InjectionVerdict::Flag,
            SmuggleAction::Strip | SmuggleAction::Score => InjectionVerdict::Allow,
        };
        floor = floor.max(at_least);
    }
    if mode == InjectionMode::Document {
        for d in document::scan_document(text).signals() {
            let hidden = rate(&d.text, InjectionMode::Document);
            model = model.max(hidden.model);
            candidates.extend(
                hidden
                    .signals
                    .into_iter()
                    .map(|s| Signal { span: d.span, ..s }),
            );
            candidates.push(Signal {
                id: d.kind.id(),
                span: d.span,
                weight: Score::from_milli(document_weight(d.kind)),
            });
        }
    }

    // Heaviest first; one signal per id.
    crate::sort::sort_by_key(&mut candidates, |s| {
        (core::cmp::Reverse(s.weight), s.span.start)
    });
    let mut signals: Vec<Signal> = Vec::with_capacity(candidates.len());
    let mut keep = 1.0f32 - model;
    for c in candidates {
        if signals.iter().any(|s| s.id == c.id) {
            continue;
        }
        keep *= 1.0 - c.weight.as_f32();
        signals.push(c);
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
    // A block needs evidence a reader can point at: the learned model alone (no rule or
    // smuggling signal with weight) can flag a text for review but never refuse it.
    let verdict =
        if verdict == InjectionVerdict::Block && signals.iter().all(|s| s.weight == Score::ZERO) {
            InjectionVerdict::Flag
        } else {
            verdict
        };
    let verdict = if policy.enabled {
        verdict.max(floor)
    } else {
        verdict
    };
    InjectionReport {
        score,
        verdict,
        model: Score::from_f32(model),
        signals,
    }
}

/// The policy's action for a smuggling family.
fn smuggle_action(policy: &InjectionPolicy, family: smuggle::Family) -> SmuggleAction {
    let name = family.id().trim_start_matches("smuggle.");
    policy
        .smuggling
        .action(name)
        .unwrap_or(SmuggleAction::Score)
}

#[cfg(test)]
mod tests;

//! Detection: recognizers find candidates in the matching view, context adjusts their scores,
//! overlaps are resolved once, and spans go back to original coordinates.
//!
//! A built-in recognizer is data plus one function: the [`Kind`] it reports, the context words that
//! raise its score (in several languages), whether it may only report with such a word nearby,
//! and a `scan` function that reads the shared [`Hay`] and pushes [`Candidate`]s. Checksums run
//! inside `scan` on a sanitized copy of the digits; a number that fails its checksum is never
//! pushed as that kind.

pub(crate) mod builtin;
pub(crate) mod checksum;
pub(crate) mod context;
pub(crate) mod hay;
pub(crate) mod overlap;

use crate::{Kind, Score, Span};

pub(crate) use hay::Hay;

/// Something a recognizer found, in view coordinates, before context and overlap resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// What was found.
    pub kind: Kind,
    /// Byte offsets into the view.
    pub start: usize,
    /// One past the last byte, in the view.
    pub end: usize,
    /// The score before context.
    pub score: Score,
    /// Stable dotted rule id, e.g. `card.luhn`.
    pub rule: &'static str,
    /// True when a checksum or check character passed.
    pub validated: bool,
}

/// A built-in recognizer: what it reports, the words that make it likelier, and its scanner.
pub(crate) struct Recognizer {
    /// The kind it reports (a recognizer may push other kinds too, e.g. a URL scanner finding
    /// embedded credentials, which use their own kind's context).
    pub kind: Kind,
    /// Lowercase words or phrases naming the format or its country, that raise the score when
    /// found near a candidate.
    pub context: &'static [&'static str],
    /// Lowercase words or phrases naming a class of numbers this format belongs to ("tax number",
    /// "ID number"): they raise the score less, and a word from `context` always wins over them.
    pub generic: &'static [&'static str],
    /// When true, candidates without a context word are dropped (formats whose checksum alone is
    /// too weak to tell them from an order number).
    pub needs_context: bool,
    /// Finds candidates.
    pub scan: fn(&Hay<'_>, &mut Vec<Candidate>),
}

impl Recognizer {
    /// Adds the words naming a class of numbers this format belongs to (see [`Recognizer::generic`]).
    pub(crate) const fn generic(mut self, words: &'static [&'static str]) -> Recognizer {
        self.generic = words;
        self
    }

    /// Both word lists, for [`context::apply`].
    pub(crate) fn support(&self) -> context::Support<'static> {
        context::Support {
            specific: self.context,
            generic: self.generic,
        }
    }
}

/// One thing found in a text: what it is, where it is in the original, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// UTF-8 byte span into the original text.
    pub span: Span,
    /// Final confidence after context.
    pub score: Score,
    /// The rule that produced it (stable, dotted: `card.luhn`, `secret.aws_access_key`).
    pub rule: &'static str,
    /// True when a checksum or check character validated it.
    pub validated: bool,
    /// The context word that changed the score, if any, and by how much (thousandths).
    pub context: Option<ContextHit>,
}

/// Why a score moved: the word found near the finding and the signed change it made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContextHit {
    /// The context word or phrase (lowercase) from the recognizer's table.
    pub word: &'static str,
    /// The change in thousandths: positive for supporting words, negative for contrary ones.
    pub delta: i16,
    /// True when the word names this format or its country ("nif", "Norwegian"), false when it
    /// names a class of numbers many formats share ("tax number") or is a contrary word. Where two
    /// kinds claim the same characters, one with a specific word wins.
    pub specific: bool,
}

/// Runs every enabled built-in recognizer over `hay` and returns scored, context-adjusted
/// candidates in view coordinates, with their context explanation.
pub(crate) fn run_builtin(
    hay: &Hay<'_>,
    enabled: &dyn Fn(Kind) -> bool,
    out: &mut Vec<(Candidate, Option<ContextHit>)>,
) {
    let mut buf = Vec::new();
    // Most chat has no digit at all; then only the kinds that can be written without one run.
    let has_digit = !hay.numbers.is_empty() || !hay.words.is_empty();
    for rec in builtin::RECOGNIZERS {
        if !enabled(rec.kind) || !has_digit && !rec.kind.may_lack_digits() {
            continue;
        }
        buf.clear();
        (rec.scan)(hay, &mut buf);
        for cand in buf.drain(..) {
            if !enabled(cand.kind) {
                continue;
            }
            let (support, needs) = if cand.kind == rec.kind {
                (rec.support(), rec.needs_context)
            } else {
                builtin::context_for(cand.kind)
            };
            if let Some(scored) = context::apply(hay.text, cand, support, needs) {
                out.push(scored);
            }
        }
    }
}

#[cfg(test)]
mod cost {
    //! Where the time goes: each recognizer alone over the benign haystack (run with --release).
    use super::*;

    #[test]
    #[ignore = "a measurement, not a test: cargo test --release -p chatguard --lib recognizer_cost -- --ignored --nocapture"]
    fn recognizer_cost() {
        let text = include_str!("../../../../tests/haystacks/benign_chat.txt");
        let dense = include_str!("../../../../tests/haystacks/pii_dense.txt");
        for (name, text) in [("benign", text), ("dense", dense)] {
            let t = std::time::Instant::now();
            let hays: Vec<Hay<'_>> = text.lines().map(Hay::new).collect();
            let hay_time = t.elapsed();
            println!(
                "{name}: hay {:?} ({:.0} MB/s)",
                hay_time,
                text.len() as f64 / hay_time.as_secs_f64() / 1e6
            );
            let mut rows = Vec::new();
            for (i, rec) in builtin::RECOGNIZERS.iter().enumerate() {
                let t = std::time::Instant::now();
                let mut out = Vec::new();
                for hay in &hays {
                    (rec.scan)(hay, &mut out);
                }
                rows.push((t.elapsed(), i, rec.kind, out.len()));
            }
            let total: core::time::Duration = rows.iter().map(|r| r.0).sum();
            println!("  total over all recognizers {total:?}");
            rows.sort_by_key(|r| core::cmp::Reverse(r.0));
            for (d, i, kind, n) in rows.iter().take(12) {
                println!(
                    "  {:>10.1?} {:>6.0} MB/s  #{i} {:?} ({n} candidates)",
                    d,
                    text.len() as f64 / d.as_secs_f64() / 1e6,
                    kind
                );
            }
        }
    }
}

#[cfg(test)]
mod phase_cost {
    use super::*;

    #[test]
    #[ignore = "a measurement"]
    fn phases() {
        let text = include_str!("../../../../tests/haystacks/pii_dense.txt");
        let guard = crate::Guard::new(crate::Policy::default()).expect("builds");
        let lines: Vec<&str> = text.lines().collect();
        let t = std::time::Instant::now();
        let mut raw = Vec::new();
        for l in &lines {
            let hay = Hay::new(l);
            for rec in builtin::RECOGNIZERS {
                (rec.scan)(&hay, &mut raw);
            }
        }
        println!("recognizers only {:?} ({} cands)", t.elapsed(), raw.len());
        let t = std::time::Instant::now();
        let mut n = 0;
        for l in &lines {
            let hay = Hay::new(l);
            let mut out = Vec::new();
            run_builtin(&hay, &|_| true, &mut out);
            n += out.len();
        }
        println!("run_builtin (with support context) {:?} ({n})", t.elapsed());
        let t = std::time::Instant::now();
        for l in &lines {
            n += guard.scan(l).len();
        }
        println!("guard.scan {:?}", t.elapsed());
        let t = std::time::Instant::now();
        for l in &lines {
            n += guard.check(l, &crate::Context::default()).findings.len();
        }
        println!("guard.check {:?} {n}", t.elapsed());
    }
}

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
pub(crate) mod mentions;
pub(crate) mod overlap;

use crate::{Kind, Score, Span};

#[cfg(test)]
std::thread_local! {
    /// Units of work counted by [`tally`] on this thread (tests only).
    pub(crate) static WORK: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Counts `units` of work (a finding looked at, a search step) for the tests that prove overlap
/// resolution and context scoring grow linearly; compiles to nothing outside tests.
#[inline(always)]
pub(crate) fn tally(units: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + units));
    #[cfg(not(test))]
    let _ = units;
}

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
    /// What a text must contain for `scan` to find anything; undeclared means always run.
    pub needs: Needs,
}

/// What a recognizer's scanner needs in a text before it can push a candidate, as bit sets over
/// the counts in [`hay::Counts`]: it runs when any one declared count occurs. All sets empty means
/// nothing was declared and the scanner always runs. A declaration must hold for every candidate
/// the scanner can push (`every_candidate_meets_its_recognizers_needs` checks it on the corpora).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Needs {
    /// Digit totals of a range of consecutive groups in one number run.
    run_digits: u64,
    /// Digit counts of a word.
    word_digits: u64,
    /// Lengths of a word.
    word_lens: u64,
    /// True when one of the sets is not empty (kept so the recognizer loop need not work it out).
    declared: bool,
}

impl Needs {
    /// Nothing declared: the scanner always runs.
    pub(crate) const UNDECLARED: Needs = Needs {
        run_digits: 0,
        word_digits: 0,
        word_lens: 0,
        declared: false,
    };

    /// True when something was declared.
    fn declared(&self) -> bool {
        self.declared
    }

    /// True when one of the sets is not empty (what `declared` keeps).
    const fn any_set(&self) -> bool {
        self.run_digits | self.word_digits | self.word_lens != 0
    }

    /// True when the text summarised by `counts` may hold a match.
    #[cfg(test)]
    fn met_by(&self, counts: &hay::Counts) -> bool {
        !self.declared
            || (self.run_digits & counts.run_digits)
                | (self.word_digits & counts.word_digits)
                | (self.word_lens & counts.word_lens)
                != 0
    }
}

/// The [`hay::Counts`] bits for the counts `min..=max`.
const fn count_bits(min: usize, max: usize) -> u64 {
    let mut bits = 0;
    let mut n = min;
    while n <= max {
        bits |= hay::count_bit(n);
        if n >= 63 {
            break;
        }
        n += 1;
    }
    bits
}

// A build without every detector pack (see `crate::Pack`) may leave a builder method unused.
#[cfg_attr(not(feature = "packs"), allow(dead_code))]
impl Recognizer {
    /// Adds the words naming a class of numbers this format belongs to (see [`Recognizer::generic`]).
    pub(crate) const fn generic(mut self, words: &'static [&'static str]) -> Recognizer {
        self.generic = words;
        self
    }

    /// Declares that every match lies on consecutive groups of one number run holding `min..=max`
    /// digits in all (see [`Needs`]).
    pub(crate) const fn run_digits(mut self, min: usize, max: usize) -> Recognizer {
        self.needs.run_digits |= count_bits(min, max);
        self.needs.declared = self.needs.any_set();
        self
    }

    /// Declares that every match starts at (or is) a word with `min..=max` digits.
    pub(crate) const fn word_digits(mut self, min: usize, max: usize) -> Recognizer {
        self.needs.word_digits |= count_bits(min, max);
        self.needs.declared = self.needs.any_set();
        self
    }

    /// Declares that every match is a word `len` characters long.
    pub(crate) const fn word_len(mut self, len: usize) -> Recognizer {
        self.needs.word_lens |= count_bits(len, len);
        self.needs.declared = self.needs.any_set();
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

/// How many recognizers a [`Schedule`] set holds; any further ones in the table always run.
const SCHEDULED: usize = 128;

/// A set of recognizers, one bit per position in the table.
type RecognizerSet = [u64; SCHEDULED / 64];

/// The recognizer table indexed by what each scanner [`Needs`]: for every count a text may hold,
/// the set of recognizers that count lets run, so the recognizers due on a text are the union of
/// the few sets of the counts it holds instead of one test per recognizer.
struct Schedule {
    /// Every recognizer.
    all: RecognizerSet,
    /// The recognizers that declared nothing (they always run).
    undeclared: RecognizerSet,
    /// The recognizers whose kinds can be written without a digit: the only ones that run on a
    /// text without one.
    digitless: RecognizerSet,
    /// Those of them that declared nothing: a text without a digit meets no declared need.
    digitless_undeclared: RecognizerSet,
    /// Per count bit `n`, the recognizers that run when a range of groups of a number run
    /// totals `n` digits.
    run_digits: [RecognizerSet; 64],
    /// Per count bit `n`, the recognizers that run when a word holds `n` digits.
    word_digits: [RecognizerSet; 64],
    /// Per count bit `n`, the recognizers that run when a word is `n` characters long.
    word_lens: [RecognizerSet; 64],
}

static SCHEDULE: std::sync::LazyLock<Schedule> = std::sync::LazyLock::new(|| {
    let set = |keep: &dyn Fn(&Recognizer) -> bool| {
        let mut bits: RecognizerSet = [0; SCHEDULED / 64];
        for (i, rec) in builtin::RECOGNIZERS.iter().enumerate() {
            if let Some(w) = bits.get_mut(i / 64).filter(|_| keep(rec)) {
                *w |= 1 << (i % 64);
            }
        }
        bits
    };
    let per_count = |of: fn(&Needs) -> u64| {
        core::array::from_fn(|n| set(&|r| r.needs.declared() && of(&r.needs) & 1 << n != 0))
    };
    Schedule {
        all: set(&|_| true),
        undeclared: set(&|r| !r.needs.declared()),
        digitless: set(&|r| r.kind.may_lack_digits()),
        digitless_undeclared: set(&|r| r.kind.may_lack_digits() && !r.needs.declared()),
        run_digits: per_count(|n| n.run_digits),
        word_digits: per_count(|n| n.word_digits),
        word_lens: per_count(|n| n.word_lens),
    }
});

impl Schedule {
    /// The recognizers whose [`Needs`] the text summarised by `counts` meets: the set of those
    /// [`Needs::met_by`] accepts.
    fn met_by(&self, counts: &hay::Counts) -> RecognizerSet {
        let mut due = self.undeclared;
        for (mut bits, sets) in [
            (counts.run_digits, &self.run_digits),
            (counts.word_digits, &self.word_digits),
            (counts.word_lens, &self.word_lens),
        ] {
            while bits != 0 {
                let n = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(add) = sets.get(n) {
                    for (d, a) in due.iter_mut().zip(add) {
                        *d |= a;
                    }
                }
            }
        }
        due
    }
    /// Calls `visit` with the recognizers of the set `due` and their positions in the table, in
    /// table order, then with any the sets cannot hold (when the text has a digit, or they can
    /// be written without one).
    fn each(
        due: RecognizerSet,
        has_digit: bool,
        mut visit: impl FnMut(usize, &'static Recognizer),
    ) {
        for (w, mut bits) in due.into_iter().enumerate() {
            while bits != 0 {
                let i = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(rec) = builtin::RECOGNIZERS.get(i) {
                    visit(i, rec);
                }
            }
        }
        let unscheduled = builtin::RECOGNIZERS.get(SCHEDULED..).unwrap_or_default();
        for (i, rec) in (SCHEDULED..).zip(unscheduled) {
            if has_digit || rec.kind.may_lack_digits() {
                visit(i, rec);
            }
        }
    }
}

/// The built-in recognizers whose kind a policy enables, worked out once (a guard keeps it) so
/// the recognizer loop does not ask the policy about every recognizer of every text.
#[derive(Clone, Debug)]
pub(crate) struct EnabledRecognizers {
    /// The enabled recognizers among those a [`Schedule`] set holds.
    scheduled: RecognizerSet,
}

impl EnabledRecognizers {
    /// The recognizers whose kind `enabled` accepts.
    pub(crate) fn of(enabled: &dyn Fn(Kind) -> bool) -> EnabledRecognizers {
        let mut scheduled: RecognizerSet = [0; SCHEDULED / 64];
        for (i, rec) in builtin::RECOGNIZERS.iter().enumerate().take(SCHEDULED) {
            if let Some(w) = scheduled.get_mut(i / 64).filter(|_| enabled(rec.kind)) {
                *w |= 1 << (i % 64);
            }
        }
        EnabledRecognizers { scheduled }
    }
}

/// Runs every enabled built-in recognizer over `hay` and returns scored, context-adjusted
/// candidates in view coordinates, with their context explanation (for tests: a guard keeps
/// its [`EnabledRecognizers`] and calls [`run_enabled`]).
#[cfg(test)]
pub(crate) fn run_builtin(
    hay: &Hay<'_>,
    enabled: &dyn Fn(Kind) -> bool,
    out: &mut Vec<(Candidate, Option<ContextHit>)>,
) {
    run_enabled(hay, &EnabledRecognizers::of(enabled), enabled, out);
}

/// [`run_builtin`] with the recognizers `enabled` accepts already worked out in `recognizers`
/// (what a guard runs on every text).
pub(crate) fn run_enabled(
    hay: &Hay<'_>,
    recognizers: &EnabledRecognizers,
    enabled: &dyn Fn(Kind) -> bool,
    out: &mut Vec<(Candidate, Option<ContextHit>)>,
) {
    run_recognizers(hay, recognizers, enabled, out, true);
}

/// [`run_builtin`], optionally without skipping the recognizers whose [`Needs`] the text does not
/// meet (tests compare both).
fn run_recognizers(
    hay: &Hay<'_>,
    recognizers: &EnabledRecognizers,
    enabled: &dyn Fn(Kind) -> bool,
    out: &mut Vec<(Candidate, Option<ContextHit>)>,
    skip: bool,
) {
    let schedule = &*SCHEDULE;
    // Most chat has no digit at all; then only the kinds that can be written without one run,
    // and those that declared needs cannot meet them.
    let has_digit = !hay.numbers.is_empty() || !hay.words.is_empty();
    // Text with digits usually yields candidates: the thread's list, kept between calls (see
    // `crate::scratch`; text without digits rarely yields any, and takes an empty one).
    let mut buf = if has_digit {
        crate::scratch::take(&SCANNED)
    } else {
        Vec::new()
    };
    let mut due = match (has_digit, skip) {
        (true, true) => schedule.met_by(&hay.counts),
        (true, false) => schedule.all,
        (false, true) => schedule.digitless_undeclared,
        (false, false) => schedule.digitless,
    };
    for (d, e) in due.iter_mut().zip(&recognizers.scheduled) {
        *d &= e;
    }
    Schedule::each(due, has_digit, |at, rec| {
        if at >= SCHEDULED && !enabled(rec.kind) {
            return;
        }
        // A recognizer that reports only next to one of its words has nothing to report when
        // none of them occurs in the text (its candidates are all of its own kind). The words
        // are searched for this when the text has the long numbers or words the recognizer
        // declared it needs (chat rarely does), or were already searched for.
        if skip && rec.needs_context {
            let mentions = if rec.needs.declared() {
                hay.mentions()
            } else {
                hay.mentions_if_searched()
            };
            if mentions.is_some_and(|m| !m.recognizer_words_may_occur(at)) {
                return;
            }
        }
        (rec.scan)(hay, &mut buf);
        // Most recognizers find nothing in a text.
        if buf.is_empty() {
            return;
        }
        for cand in buf.drain(..) {
            if cand.kind != Kind::Iban
                && builtin::continues_iban_shape(hay.text.as_bytes(), cand.start)
            {
                continue;
            }
            // The recognizer's own kind was found enabled above.
            let (support, needs) = if cand.kind == rec.kind {
                (rec.support(), rec.needs_context)
            } else if enabled(cand.kind) {
                builtin::context_for(cand.kind)
            } else {
                continue;
            };
            if let Some(scored) = context::apply_in(hay, cand, support, needs) {
                out.push(scored);
            }
        }
    });
    // Once per text, after every scanner and the context scoring of its candidates: helpers that
    // read only the text note a value passed over where they are (see `builtin::pass_over`).
    builtin::flush_passed_over(hay);
    if has_digit {
        crate::scratch::give_back(&SCANNED, buf);
    }
}

std::thread_local! {
    /// The list [`run_recognizers`] hands the scanners.
    static SCANNED: core::cell::Cell<Option<Vec<Candidate>>> = const { core::cell::Cell::new(None) };
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

#[cfg(test)]
mod needs_tests {
    //! The [`Needs`] declarations in the recognizer table must never skip a scanner that would
    //! have found something: checked on every text of the eval sets, the corpus and the
    //! haystacks, and on generated digit-heavy text.
    use super::*;
    use crate::normalize::Normalized;

    /// The `"text"` field of one JSON line (the eval files hold no `\u` escapes).
    fn json_text(line: &str) -> Option<String> {
        let rest = &line[line.find("\"text\": \"")? + 9..];
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
        None
    }

    /// The eval sets, the corpus and the haystacks, one text each.
    pub(crate) fn texts() -> Vec<String> {
        let mut texts = Vec::new();
        for file in [
            include_str!("../../../../tests/eval/pii.jsonl"),
            include_str!("../../../../tests/eval/negatives.jsonl"),
        ] {
            let before = texts.len();
            texts.extend(file.lines().filter_map(json_text));
            assert!(texts.len() - before > 1000, "eval file parsed");
        }
        for file in [
            include_str!("../../../../tests/corpus/pii.toml"),
            include_str!("../../../../tests/corpus/checksum.toml"),
            include_str!("../../../../tests/corpus/redact.toml"),
            include_str!("../../../../tests/corpus/normalize.toml"),
        ] {
            let value: toml::Value = toml::from_str(file).expect("corpus parses");
            let cases = value.get("case").and_then(|c| c.as_array()).expect("cases");
            assert!(!cases.is_empty());
            texts.extend(
                cases
                    .iter()
                    .filter_map(|c| Some(c.get("text")?.as_str()?.to_owned())),
            );
        }
        for file in [
            include_str!("../../../../tests/haystacks/pii_dense.txt"),
            include_str!("../../../../tests/haystacks/sample_chat.txt"),
        ] {
            texts.extend(file.lines().map(str::to_owned));
        }
        texts
    }

    /// Generated text: digit groups of every length joined by the separators people type, with
    /// letters and check characters around them, so checksums pass often enough.
    fn generated() -> Vec<String> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let seps = [" ", "-", ".", "/", "+", ", ", "  ", "-K", "X", " A"];
        (0..20_000)
            .map(|_| {
                let mut s = String::new();
                for _ in 0..1 + next(5) {
                    if next(4) == 0 {
                        s.push(char::from(b'A' + next(26) as u8));
                        s.push(char::from(b'A' + next(26) as u8));
                    }
                    for _ in 0..1 + next(19) {
                        s.push(char::from(b'0' + next(10) as u8));
                    }
                    s.push_str(seps[next(seps.len() as u64) as usize]);
                }
                s
            })
            .collect()
    }

    fn check(text: &str) {
        let view = Normalized::new(text);
        let hay = Hay::new(view.text());
        for (i, rec) in builtin::RECOGNIZERS.iter().enumerate() {
            let mut found = Vec::new();
            (rec.scan)(&hay, &mut found);
            assert!(
                !rec.needs_context || found.iter().all(|c| c.kind == rec.kind),
                "recognizer #{i} needs context but pushed another kind: {found:?}"
            );
            assert!(
                found.is_empty() || rec.needs.met_by(&hay.counts),
                "recognizer #{i} ({:?}) found {found:?} in {text:?} but its needs {:?} rule \
                 it out ({:?})",
                rec.kind,
                rec.needs,
                hay.counts
            );
        }
        let (mut skipping, mut all) = (Vec::new(), Vec::new());
        let every = EnabledRecognizers::of(&|_| true);
        run_recognizers(&hay, &every, &|_| true, &mut skipping, true);
        run_recognizers(&hay, &every, &|_| true, &mut all, false);
        assert_eq!(skipping, all, "{text:?}");
    }

    #[test]
    fn every_candidate_meets_its_recognizers_needs() {
        let texts = texts();
        assert!(texts.len() > 6000);
        for text in &texts {
            check(text);
        }
    }

    #[test]
    fn generated_numbers_meet_their_recognizers_needs() {
        for text in generated() {
            check(&text);
        }
    }

    #[test]
    fn the_schedule_holds_every_recognizer_and_agrees_with_each_needs() {
        assert!(
            builtin::RECOGNIZERS.len() <= SCHEDULED,
            "widen RecognizerSet"
        );
        let texts = texts();
        for text in texts
            .iter()
            .map(String::as_str)
            .chain(["", "no digits", "12 ab34"])
        {
            let hay = Hay::new(text);
            let mut due: Vec<usize> = Vec::new();
            Schedule::each(SCHEDULE.met_by(&hay.counts), true, |_, r| {
                due.push(r as *const Recognizer as usize);
            });
            let each: Vec<usize> = builtin::RECOGNIZERS
                .iter()
                .filter(|r| r.needs.met_by(&hay.counts))
                .map(|r| r as *const Recognizer as usize)
                .collect();
            assert_eq!(due, each, "{text:?}");
        }
    }

    #[test]
    fn counts_cover_every_group_range() {
        let hay = Hay::new("card 4012-8888 8888.1881 exp 12/27 AB123456C");
        let bits = |ns: &[usize]| ns.iter().fold(0, |b, &n| b | hay::count_bit(n));
        assert_eq!(hay.counts.run_digits, bits(&[4, 8, 12, 16, 2]));
        assert_eq!(hay.counts.word_digits, bits(&[4, 2, 6]));
        assert_eq!(hay.counts.word_lens, bits(&[4, 2, 9]));
        // A run cut at the digit limit may continue in the next one: nothing can be ruled out.
        let long = "1".repeat(45);
        assert_eq!(Hay::new(&long).counts.run_digits, u64::MAX);
        assert!(Needs::UNDECLARED.met_by(&Hay::new("").counts));
        assert_eq!(count_bits(62, 70), 3 << 62);
    }
}

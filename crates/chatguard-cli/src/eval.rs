//! Quality evaluation of the detectors over the labelled synthetic corpus in `tests/eval/`.
//!
//! [`run`] reads `pii.jsonl` (messages with labelled values) and `negatives.jsonl` (benign chat and
//! hard negatives), scans every message with a [`Guard`] under the bundled default policy (every
//! built-in kind enabled), matches findings to labels and prints a table: per kind TP/FP/FN,
//! precision, recall, F1 and the exact-span rate; the overall micro average; false positives per
//! 10,000 benign tokens with the list of those false positives. [`Report::failures`] names every
//! quality threshold the run misses; the test suite asserts it is empty.
//!
//! A finding matches a label when the kinds are equal and the finding covers at least half of the
//! label's bytes; each label and each finding matches at most once. Findings that match no label
//! are false positives of their kind, labels that no finding matches are false negatives.

use core::fmt::Write as _;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context as _};
use chatguard::{Finding, Guard, Kind, Policy};
use serde::Deserialize;

/// Precision every checksum-validated kind must reach.
pub const CHECKSUM_MIN_PRECISION: f64 = 0.99;
/// Recall every checksum-validated kind must reach.
pub const CHECKSUM_MIN_RECALL: f64 = 0.98;
/// F1 that `email`, `phone` and `ip_address` must reach.
pub const CONTACT_MIN_F1: f64 = 0.97;
/// The kinds held to [`CONTACT_MIN_F1`].
pub const F1_KINDS: &[&str] = &["email", "phone", "ip_address"];
/// The most false positives allowed per 10,000 tokens of benign text.
pub const MAX_FP_PER_10K_TOKENS: f64 = 1.0;

/// How many missed labels are listed per kind.
const MISSED_LISTED_PER_KIND: usize = 10;

#[derive(Deserialize)]
struct Message {
    id: String,
    text: String,
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    entities: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    kind: String,
    start: usize,
    end: usize,
}

/// Counts for one kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindStats {
    /// Labels of this kind in the positives.
    pub labels: usize,
    /// Findings matched to a label.
    pub tp: usize,
    /// Findings that match no label (in positives and negatives).
    pub fp: usize,
    /// Labels no finding matched.
    pub fn_: usize,
    /// True positives whose span equals the label's exactly.
    pub exact: usize,
    /// False positives in `negatives.jsonl` alone.
    pub fp_negatives: usize,
}

impl KindStats {
    /// `tp / (tp + fp)`; `None` without findings.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`; `None` without labels.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall; `None` when either is undefined.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        })
    }

    /// Share of true positives with exactly the label's span; `None` without true positives.
    pub fn exact_rate(&self) -> Option<f64> {
        ratio(self.exact, self.tp)
    }

    fn add(&mut self, other: &KindStats) {
        self.labels += other.labels;
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.exact += other.exact;
        self.fp_negatives += other.fp_negatives;
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// A finding that matched no label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FalsePositive {
    /// The finding's kind.
    pub kind: String,
    /// The rule that produced it.
    pub rule: String,
    /// The hard-negative family of the message (`positives` for a message of `pii.jsonl`).
    pub family: String,
    /// The message id.
    pub id: String,
    /// The matched (synthetic) text.
    pub matched: String,
}

/// A label that no finding matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    /// The label's kind.
    pub kind: String,
    /// The message id.
    pub id: String,
    /// The labelled (synthetic) value.
    pub value: String,
    /// What the engine reported over the label instead, if anything (`kind/rule`).
    pub found_instead: Option<String>,
}

/// The result of an evaluation run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Per kind, by wire name: every labelled kind and every kind with a finding.
    pub kinds: BTreeMap<String, KindStats>,
    /// Messages in `pii.jsonl`.
    pub positive_messages: usize,
    /// Messages in `negatives.jsonl`.
    pub negative_messages: usize,
    /// Whitespace-separated tokens in `negatives.jsonl`.
    pub negative_tokens: usize,
    /// False positives, positives first, then negatives.
    pub false_positives: Vec<FalsePositive>,
    /// Missed labels.
    pub missed: Vec<Missed>,
}

impl Report {
    /// The sum over all kinds (micro average).
    pub fn overall(&self) -> KindStats {
        let mut all = KindStats::default();
        for s in self.kinds.values() {
            all.add(s);
        }
        all
    }

    /// False positives in `negatives.jsonl` per 10,000 of its tokens.
    pub fn fp_per_10k_tokens(&self) -> f64 {
        let fps = self.overall().fp_negatives;
        if self.negative_tokens == 0 {
            return 0.0;
        }
        fps as f64 * 10_000.0 / self.negative_tokens as f64
    }

    /// Built-in kinds without a label in the corpus, plus labelled names that are not kinds of
    /// this build: they are reported, not held to any threshold.
    pub fn not_evaluated(&self) -> Vec<String> {
        let mut out: Vec<String> = Kind::BUILTIN
            .iter()
            .filter_map(|k| k.builtin_name())
            .filter(|name| self.kinds.get(*name).is_none_or(|s| s.labels == 0))
            .map(str::to_owned)
            .collect();
        for (name, s) in &self.kinds {
            if s.labels > 0 && Kind::from_name(name).is_none() {
                out.push(format!("{name} (labelled, but not a kind of this build)"));
            }
        }
        out
    }

    /// One human-readable line per threshold this report misses; empty when all are met.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, s) in &self.kinds {
            let Some(kind) = Kind::from_name(name) else {
                continue;
            };
            if s.labels == 0 {
                continue;
            }
            if s.tp + s.fp == 0 {
                out.push(format!(
                    "{name}: {} labels but no findings (is the detector registered?)",
                    s.labels
                ));
                continue;
            }
            if kind.is_checksum_validated() {
                let p = s.precision().unwrap_or(0.0);
                let r = s.recall().unwrap_or(0.0);
                if p < CHECKSUM_MIN_PRECISION {
                    out.push(format!(
                        "{name}: precision {p:.3} < {CHECKSUM_MIN_PRECISION} (TP {}, FP {})",
                        s.tp, s.fp
                    ));
                }
                if r < CHECKSUM_MIN_RECALL {
                    out.push(format!(
                        "{name}: recall {r:.3} < {CHECKSUM_MIN_RECALL} (TP {}, FN {})",
                        s.tp, s.fn_
                    ));
                }
            }
            if F1_KINDS.contains(&name.as_str()) {
                let f1 = s.f1().unwrap_or(0.0);
                if f1 < CONTACT_MIN_F1 {
                    out.push(format!(
                        "{name}: F1 {f1:.3} < {CONTACT_MIN_F1} (TP {}, FP {}, FN {})",
                        s.tp, s.fp, s.fn_
                    ));
                }
            }
        }
        let rate = self.fp_per_10k_tokens();
        if rate > MAX_FP_PER_10K_TOKENS {
            out.push(format!(
                "hard negatives: {rate:.2} false positives per 10,000 tokens > {MAX_FP_PER_10K_TOKENS} ({} in {} tokens)",
                self.overall().fp_negatives,
                self.negative_tokens
            ));
        }
        out
    }
}

/// Evaluates the engine over `dir/pii.jsonl` and `dir/negatives.jsonl`, prints the tables to
/// `out`, and returns the report.
pub fn run(dir: &Path, out: &mut dyn Write) -> anyhow::Result<Report> {
    let positives = load(&dir.join("pii.jsonl"))?;
    let negatives = load(&dir.join("negatives.jsonl"))?;
    let guard = Guard::new(Policy::default()).context("building the default guard")?;
    let report = evaluate(&guard, &positives, &negatives)?;
    out.write_all(render(&report).as_bytes())?;
    Ok(report)
}

fn load(path: &Path) -> anyhow::Result<Vec<Message>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let msg: Message = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a corpus message", path.display(), i + 1))?;
        for l in &msg.entities {
            if l.start >= l.end || msg.text.get(l.start..l.end).is_none() {
                bail!(
                    "{}:{}: label {}..{} of `{}` is not a span of the text",
                    path.display(),
                    i + 1,
                    l.start,
                    l.end,
                    l.kind
                );
            }
        }
        out.push(msg);
    }
    Ok(out)
}

fn evaluate(guard: &Guard, positives: &[Message], negatives: &[Message]) -> anyhow::Result<Report> {
    let mut report = Report {
        positive_messages: positives.len(),
        negative_messages: negatives.len(),
        ..Report::default()
    };
    for msg in positives {
        if msg.family.is_some() && !msg.entities.is_empty() {
            bail!("{}: a positive message has a family", msg.id);
        }
        score(guard, msg, "positives", false, &mut report);
    }
    for msg in negatives {
        if !msg.entities.is_empty() {
            bail!("{}: a negative message has labels", msg.id);
        }
        report.negative_tokens += msg.text.split_whitespace().count();
        let family = msg.family.as_deref().unwrap_or("benign");
        score(guard, msg, family, true, &mut report);
    }
    Ok(report)
}

/// Scans one message and books its matches into `report`.
fn score(guard: &Guard, msg: &Message, family: &str, negative: bool, report: &mut Report) {
    let findings = guard.scan(&msg.text);
    let mut used = vec![false; findings.len()];
    for label in &msg.entities {
        let stats = report.kinds.entry(label.kind.clone()).or_default();
        stats.labels += 1;
        let len = label.end - label.start;
        // The unused finding of the label's kind covering most of the label.
        let best = findings
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                !used.get(*i).copied().unwrap_or(true) && guard.kind_name(f.kind) == label.kind
            })
            .map(|(i, f)| (i, overlap(f, label)))
            .filter(|&(_, o)| o * 2 >= len)
            .max_by_key(|&(_, o)| o);
        match best {
            Some((i, _)) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                stats.tp += 1;
                if findings
                    .get(i)
                    .is_some_and(|f| f.span.start == label.start && f.span.end == label.end)
                {
                    stats.exact += 1;
                }
            }
            None => {
                stats.fn_ += 1;
                let instead = findings
                    .iter()
                    .find(|f| overlap(f, label) > 0)
                    .map(|f| format!("{}/{}", guard.kind_name(f.kind), f.rule));
                report.missed.push(Missed {
                    kind: label.kind.clone(),
                    id: msg.id.clone(),
                    value: msg
                        .text
                        .get(label.start..label.end)
                        .unwrap_or("")
                        .to_owned(),
                    found_instead: instead,
                });
            }
        }
    }
    for (f, _) in findings.iter().zip(&used).filter(|(_, u)| !**u) {
        let name = guard.kind_name(f.kind).to_owned();
        let stats = report.kinds.entry(name.clone()).or_default();
        stats.fp += 1;
        if negative {
            stats.fp_negatives += 1;
        }
        report.false_positives.push(FalsePositive {
            kind: name,
            rule: f.rule.to_owned(),
            family: family.to_owned(),
            id: msg.id.clone(),
            matched: msg
                .text
                .get(f.span.start..f.span.end)
                .unwrap_or("")
                .to_owned(),
        });
    }
}

fn overlap(f: &Finding, label: &Label) -> usize {
    let start = f.span.start.max(label.start);
    let end = f.span.end.min(label.end);
    end.saturating_sub(start)
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

/// The printed report.
fn render(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "chatguard eval: {} labelled messages, {} negative messages ({} tokens)\n",
        r.positive_messages, r.negative_messages, r.negative_tokens
    );
    let _ = writeln!(
        s,
        "{:<18} {:>6} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6} {:>6}  threshold",
        "kind", "labels", "TP", "FP", "FN", "precision", "recall", "F1", "exact"
    );
    let row = |s: &mut String, name: &str, st: &KindStats, note: &str| {
        let _ = writeln!(
            s,
            "{:<18} {:>6} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6} {:>6}  {}",
            name,
            st.labels,
            st.tp,
            st.fp,
            st.fn_,
            pct(st.precision()),
            pct(st.recall()),
            pct(st.f1()),
            pct(st.exact_rate()),
            note
        );
    };
    for (name, st) in &r.kinds {
        let note = match Kind::from_name(name) {
            None => "not a kind of this build",
            Some(_) if st.labels == 0 => "no labels",
            Some(k) if k.is_checksum_validated() => "P>=0.99 R>=0.98",
            Some(_) if F1_KINDS.contains(&name.as_str()) => "F1>=0.97",
            Some(_) => "",
        };
        row(&mut s, name, st, note);
    }
    row(&mut s, "overall", &r.overall(), "");
    let _ = writeln!(
        s,
        "\nfalse positives per 10,000 benign tokens: {:.2} ({} in {} tokens; max {MAX_FP_PER_10K_TOKENS})",
        r.fp_per_10k_tokens(),
        r.overall().fp_negatives,
        r.negative_tokens
    );
    let not_evaluated = r.not_evaluated();
    if !not_evaluated.is_empty() {
        let _ = writeln!(s, "not evaluated: {}", not_evaluated.join(", "));
    }
    if !r.false_positives.is_empty() {
        let _ = writeln!(s, "\nfalse positives (kind, rule, family, id, text):");
        for fp in &r.false_positives {
            let _ = writeln!(
                s,
                "  {:<16} {:<28} {:<18} {:<20} {:?}",
                fp.kind, fp.rule, fp.family, fp.id, fp.matched
            );
        }
    }
    let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut header = false;
    for m in &r.missed {
        let has_findings = r.kinds.get(&m.kind).is_some_and(|st| st.tp + st.fp > 0);
        let n = listed.entry(&m.kind).or_default();
        *n += 1;
        if !has_findings || *n > MISSED_LISTED_PER_KIND {
            continue;
        }
        if !header {
            let _ = writeln!(
                s,
                "\nmissed labels (kind, id, value, found instead; at most {MISSED_LISTED_PER_KIND} per kind):"
            );
            header = true;
        }
        let _ = writeln!(
            s,
            "  {:<16} {:<20} {:?} {}",
            m.kind,
            m.id,
            m.value,
            m.found_instead.as_deref().unwrap_or("")
        );
    }
    let failures = r.failures();
    if failures.is_empty() {
        let _ = writeln!(s, "\nall thresholds met");
    } else {
        let _ = writeln!(s, "\nthresholds missed:");
        for f in &failures {
            let _ = writeln!(s, "  {f}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, text: &str, labels: &[(&str, usize, usize)]) -> Message {
        Message {
            id: id.to_owned(),
            text: text.to_owned(),
            family: None,
            entities: labels
                .iter()
                .map(|&(kind, start, end)| Label {
                    kind: kind.to_owned(),
                    start,
                    end,
                })
                .collect(),
        }
    }

    #[test]
    fn matches_overlap_and_counts_misses_and_false_positives() {
        let guard = Guard::new(Policy::default()).expect("default builds");
        // The label is wider than the finding but the finding covers more than half of it.
        let text = "mail jane@example.com and card 4012 8888 8888 1881";
        let pos = vec![
            msg("p1", text, &[("email", 5, 21), ("credit_card", 31, 50)]),
            msg("p2", "x jane@example.com", &[("email", 0, 18)]),
        ];
        let mut neg = vec![msg("n1", "write to bob@example.org please", &[])];
        neg[0].family = Some("prose".to_owned());
        let r = evaluate(&guard, &pos, &neg).expect("valid corpus");
        let email = &r.kinds["email"];
        assert_eq!((email.labels, email.tp, email.fn_, email.fp), (2, 2, 0, 1));
        assert_eq!(email.exact, 1);
        assert_eq!(email.fp_negatives, 1);
        assert_eq!(r.kinds["credit_card"].tp, 1);
        assert_eq!(r.negative_tokens, 4);
        assert_eq!(r.false_positives[0].family, "prose");
        assert_eq!(r.false_positives[0].matched, "bob@example.org");
        assert!(r.fp_per_10k_tokens() > MAX_FP_PER_10K_TOKENS);
        let failures = r.failures();
        assert!(failures.iter().any(|f| f.starts_with("hard negatives")));
        assert!(failures.iter().any(|f| f.starts_with("email: F1")));
    }

    #[test]
    fn labelled_kinds_without_findings_fail_and_unlabelled_are_not_evaluated() {
        let guard = Guard::new(Policy::default()).expect("default builds");
        let pos = vec![msg(
            "p1",
            "moje rodne cislo: nothing here",
            &[("cz_rc", 18, 25), ("not_a_kind", 0, 4)],
        )];
        let r = evaluate(&guard, &pos, &[]).expect("valid corpus");
        let failures = r.failures();
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].starts_with("cz_rc: 1 labels but no findings"));
        let ne = r.not_evaluated();
        assert!(ne.iter().any(|k| k == "iban"));
        assert!(ne.iter().any(|k| k.starts_with("not_a_kind")));
        assert!(!ne.iter().any(|k| k == "cz_rc"));
        assert!(render(&r).contains("thresholds missed"));
    }

    #[test]
    fn bad_spans_are_errors_not_panics() {
        let dir = std::env::temp_dir().join(format!("chatguard-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("pii.jsonl"),
            "{\"id\":\"a\",\"text\":\"é\",\"entities\":[{\"kind\":\"email\",\"start\":1,\"end\":2}]}\n",
        )
        .expect("write");
        std::fs::write(dir.join("negatives.jsonl"), "").expect("write");
        let err = run(&dir, &mut Vec::new()).expect_err("span inside a char");
        assert!(err.to_string().contains("not a span"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

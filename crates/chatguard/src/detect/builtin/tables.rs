//! Shared checks for recognizers tested with tables of positive sentences and hard negatives
//! (names, street addresses): each test module keeps its data, the checks live here once.

use crate::detect::builtin::opened_by_trigger;
use crate::detect::builtin::shape::testing::ScanFn;
use crate::detect::context;
use crate::detect::hay::Hay;

/// What a recognizer's findings look like after the default context step: (span text, rule).
pub(crate) type Kept<'t> = Vec<(&'t str, &'static str)>;

/// The findings a default policy keeps for `scan` on `text`: context from `words`, threshold 0.5.
pub(crate) fn kept<'t>(text: &'t str, scan: ScanFn, words: &'static [&'static str]) -> Kept<'t> {
    let hay = Hay::new(text);
    let mut out = Vec::new();
    scan(&hay, &mut out);
    out.into_iter()
        .filter_map(|c| context::apply(text, c, context::Support::only(words), false))
        .filter(|(c, _)| c.score.milli() >= 500)
        .map(|(c, _)| (&text[c.start..c.end], c.rule))
        .collect()
}

/// Every positive sentence yields its expected span with its rule.
pub(crate) fn positives_yield(positive: &[(&str, &str, &str)], found: fn(&str) -> Kept<'_>) {
    let mut failures = Vec::new();
    for &(text, span, rule) in positive {
        let got = found(text);
        if !got.contains(&(span, rule)) {
            failures.push(format!("{text:?}: expected {span:?} ({rule}), got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// No hard negative yields anything.
pub(crate) fn negatives_yield_nothing(negative: &[&str], found: fn(&str) -> Kept<'_>) {
    let failures: Vec<_> = negative
        .iter()
        .map(|&text| (text, found(text)))
        .filter(|(_, got)| !got.is_empty())
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Precision and recall over both tables are at least 0.95.
pub(crate) fn precision_and_recall(
    positive: &[(&str, &str, &str)],
    negative: &[&str],
    found: fn(&str) -> Kept<'_>,
) {
    let (mut tp, mut fp) = (0usize, 0usize);
    for &(text, span, _) in positive {
        for (got, _) in found(text) {
            if got == span {
                tp += 1;
            } else {
                fp += 1;
            }
        }
    }
    for &text in negative {
        fp += found(text).len();
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / positive.len() as f64;
    assert!(
        precision >= 0.95,
        "precision {precision:.3} (tp {tp}, fp {fp})"
    );
    assert!(recall >= 0.95, "recall {recall:.3}");
}

/// Every finding in the positive sentences is opened by a stream trigger word in time.
pub(crate) fn opened_by_triggers(positive: &[(&str, &str, &str)], scan: ScanFn) {
    for &(text, _, _) in positive {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        for c in out {
            assert!(
                opened_by_trigger(text, c.start, c.end),
                "{text:?}: {:?} has no trigger word the stream redactor sees in time",
                &text[c.start..c.end]
            );
        }
    }
}

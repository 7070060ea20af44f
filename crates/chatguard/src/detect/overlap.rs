//! Overlap resolution, done once before anything is rewritten.
//!
//! Rules, in order: a URL that contains another finding gives way to it (the inner value is the
//! sensitive part); where several kinds claim exactly the same characters, those whose context
//! word names their format or country (a specific word, see `context`) win over those with only
//! a generic word or none, and of those, the ones a checksum validated, then the one named by
//! the nearer word; otherwise, of two
//! overlapping findings the higher score wins, then the longer, then the validated one, then the
//! earlier. A loser that sticks out of the winner widens the winner to cover both (fail closed: a
//! half-redacted value could still be recognised, and redacted output must scan clean). The
//! result is sorted and non-overlapping.

use crate::{Kind, Score};

/// What overlap resolution needs to know of a finding.
pub(crate) trait Resolvable {
    fn kind(&self) -> Kind;
    fn start(&self) -> usize;
    fn end(&self) -> usize;
    fn score(&self) -> Score;
    fn validated(&self) -> bool;
    /// True when a specific context word supports it.
    fn specific(&self) -> bool {
        false
    }
    /// How much its specific context word raised its score: more for a nearer word.
    fn nearness(&self) -> i16 {
        0
    }
    fn set_range(&mut self, start: usize, end: usize);
}

/// Keeps a non-overlapping subset of `items`, sorted by start. `O(n log n)`: every step is a sort,
/// a binary search or a sweep, never a comparison of each finding with all the others. The steps
/// work on plain spans (one compiled copy for every kind of finding, to keep the browser module
/// small).
pub(crate) fn resolve<T: Resolvable>(items: &mut Vec<T>) {
    if items.len() < 2 {
        return;
    }
    // In order of start (nothing moves when they already are). The sort is stable, and what
    // follows depends on the input order only among findings of one span (the score order breaks
    // other ties by start and length), whose order it keeps.
    crate::sort::sort_by_key(items, |i| (i.start(), i.end()));
    // Nothing overlaps (often so for the findings of one message): no container holds another
    // finding, no two claim the same characters, every item is kept as it is.
    let mut reach = 0;
    if items.iter().all(|i| {
        let ok = i.start() < i.end() && i.start() >= reach;
        reach = i.end();
        ok
    }) {
        return;
    }
    // Containers give way to what they contain. Same characters, several kinds: a word naming
    // the format outranks the scores, and among those named a passing checksum does (a word
    // between two values may name either; a check digit belongs to one of them), then the
    // nearer word.
    let contained = containers(&spans_of(items));
    let mut named: Vec<(usize, usize, (bool, i16))> = items
        .iter()
        .enumerate()
        .filter(|&(at, i)| i.specific() && !contained.get(at).copied().unwrap_or(false))
        .map(|(_, i)| (i.start(), i.end(), (i.validated(), i.nearness())))
        .collect();
    crate::sort::sort_by(&mut named, Ord::cmp);
    // The best-named claim on the span of `i` (the last of its span in `named`), if any.
    let best_named = |i: &T| {
        let past = named.partition_point(|n| (n.0, n.1) <= (i.start(), i.end()));
        past.checked_sub(1)
            .and_then(|last| named.get(last))
            .filter(|n| (n.0, n.1) == (i.start(), i.end()))
            .map(|n| n.2)
    };
    let mut contained = contained.into_iter();
    items.retain(|i| {
        !contained.next().unwrap_or(false)
            && match best_named(i) {
                None => true,
                Some(best) => i.specific() && (i.validated(), i.nearness()) == best,
            }
    });
    // Best first, then greedily keep what does not overlap anything kept.
    crate::sort::sort_by(items, |a, b| {
        b.score()
            .cmp(&a.score())
            .then((b.end() - b.start()).cmp(&(a.end() - a.start())))
            .then(b.validated().cmp(&a.validated()))
            .then(a.start().cmp(&b.start()))
    });
    let (keep, losers) = keep_greedily(&spans_of(items));
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(false));
    let mut kept = core::mem::take(items);
    // Widen winners over the parts of losers that stick out, then fold winners that now overlap.
    if !losers.is_empty() {
        let spans = spans_of(&kept);
        let widened = widen(&spans, &losers);
        for (k, (&(start, end, _), &new)) in kept.iter_mut().zip(spans.iter().zip(&widened)) {
            if new != (start, end) {
                k.set_range(new.0, new.1);
            }
        }
    }
    crate::sort::sort_by_key(&mut kept, |k| (k.start(), k.end()));
    let mut merged: Vec<T> = Vec::with_capacity(kept.len());
    for item in kept {
        match merged.last_mut() {
            Some(last) if item.start() < last.end() => {
                let (s, e) = (last.start(), last.end().max(item.end()));
                if item.score() > last.score() {
                    *last = item;
                }
                last.set_range(s, e);
            }
            _ => merged.push(item),
        }
    }
    *items = merged;
}

/// `(start, end, is a URL)` of each item.
fn spans_of<T: Resolvable>(items: &[T]) -> Vec<(usize, usize, bool)> {
    items
        .iter()
        .map(|i| (i.start(), i.end(), i.kind() == Kind::Url))
        .collect()
}

/// Of `(start, end, is a URL)` spans, which are URLs containing a span of another kind (empty
/// when there are no URLs, or nothing else).
fn containers(spans: &[(usize, usize, bool)]) -> Vec<bool> {
    let urls = spans.iter().filter(|&&(_, _, url)| url).count();
    if urls == 0 || urls == spans.len() {
        return Vec::new();
    }
    // Other kinds' spans by start, each end lowered to the smallest end from there on: a URL
    // contains one of them exactly when the first starting inside it has such an end within it.
    let mut inner: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(_, _, url)| !url)
        .map(|&(start, end, _)| (start, end))
        .collect();
    crate::sort::sort_by(&mut inner, Ord::cmp);
    let mut lowest = usize::MAX;
    for span in inner.iter_mut().rev() {
        lowest = lowest.min(span.1);
        span.1 = lowest;
    }
    spans
        .iter()
        .map(|&(start, end, url)| {
            if !url {
                return false;
            }
            super::tally(1);
            let first = inner.partition_point(|&(s, _)| s < start);
            inner
                .get(first)
                .is_some_and(|&(_, lowest_end)| lowest_end <= end)
        })
        .collect()
}

/// Takes `spans` in turn (best first) and keeps each that overlaps none kept before it. Returns
/// which were kept, and the others (the losers) in turn.
fn keep_greedily(spans: &[(usize, usize, bool)]) -> (Vec<bool>, Vec<(usize, usize)>) {
    // Every start in order, and each span's place in that order: the kept spans that start
    // before a span ends are those in a prefix of the places, and the span overlaps one of them
    // exactly when the furthest end among them lies past its start.
    let mut by_start: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .map(|(at, &(start, end, _))| (start, end, at))
        .collect();
    crate::sort::sort_by(&mut by_start, Ord::cmp);
    // Nothing overlaps (the usual case for one message): all are kept.
    let mut reach_so_far = 0;
    if by_start.iter().all(|&(start, end, _)| {
        let apart = start < end && start >= reach_so_far;
        reach_so_far = end;
        apart
    }) {
        return (vec![true; spans.len()], Vec::new());
    }
    let mut place = vec![0; by_start.len()];
    for (p, &(_, _, at)) in by_start.iter().enumerate() {
        if let Some(slot) = place.get_mut(at) {
            *slot = p;
        }
    }
    let mut reach = PrefixMax::new(by_start.len());
    let mut keep = Vec::with_capacity(spans.len());
    let mut losers = Vec::new();
    for (&(start, end, _), &at) in spans.iter().zip(&place) {
        super::tally(1);
        let before = by_start.partition_point(|&(s, _, _)| s < end);
        let clashes = reach.max_before(before) > start;
        if clashes {
            losers.push((start, end));
        } else {
            reach.raise(at, end);
        }
        keep.push(!clashes);
    }
    (keep, losers)
}

/// The winners' spans once widened over each loser overlapping them, losers taken in turn (best
/// first), each against the winners as widened so far — the hull a winner ends with is what it
/// must cover.
///
/// Ordered by start, the winners' starts and ends both rise, and widening keeps it so; a loser
/// therefore overlaps a run of consecutive winners, found by binary search, and of those it
/// lowers the starts of a tail and raises the ends of a head to one value each. Runs of equal
/// values are kept in two [`Runs`], so each loser costs `O(log n)` instead of a pass over all
/// winners.
fn widen(kept: &[(usize, usize, bool)], losers: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // The winners by start (then end, then place in `kept`): (start, end, place).
    let mut spans: Vec<(usize, usize, usize)> = kept
        .iter()
        .enumerate()
        .map(|(at, &(start, end, _))| (start, end, at))
        .collect();
    crate::sort::sort_by(&mut spans, Ord::cmp);
    let mut starts = Runs::new(spans.iter().map(|s| s.0).collect());
    let mut ends = Runs::new(spans.iter().map(|s| s.1).collect());
    let n = spans.len();
    for &(start, end) in losers {
        // The winners overlapping the loser: those ending after its start and starting before its end.
        let lo = first(0, n, |i| ends.get(i) > start);
        let hi = first(lo, n, |i| starts.get(i) >= end);
        if lo >= hi {
            continue;
        }
        let from = first(lo, hi, |i| starts.get(i) > start);
        starts.assign(from, hi, start);
        let to = first(lo, hi, |i| ends.get(i) >= end);
        ends.assign(lo, to, end);
    }
    let mut widened: Vec<(usize, usize)> =
        kept.iter().map(|&(start, end, _)| (start, end)).collect();
    for (at, &(_, _, place)) in spans.iter().enumerate() {
        if let Some(slot) = widened.get_mut(place) {
            *slot = (starts.get(at), ends.get(at));
        }
    }
    widened
}

/// Maxima of prefixes of a list of numbers that only ever rise (a Fenwick tree): both
/// operations take `O(log n)`.
struct PrefixMax {
    /// `tree[i]` holds the maximum of the `i & -i` places ending at place `i` (1-based).
    tree: Vec<usize>,
}

impl PrefixMax {
    /// `len` places, all zero.
    fn new(len: usize) -> PrefixMax {
        PrefixMax {
            tree: vec![0; len + 1],
        }
    }

    /// Raises place `at` to at least `value`.
    fn raise(&mut self, at: usize, value: usize) {
        let mut i = at + 1;
        while let Some(slot) = self.tree.get_mut(i) {
            *slot = (*slot).max(value);
            i += i & i.wrapping_neg();
        }
    }

    /// The maximum of the first `count` places (zero for none).
    fn max_before(&self, count: usize) -> usize {
        let mut i = count.min(self.tree.len().saturating_sub(1));
        let mut max = 0;
        while i > 0 {
            max = max.max(self.tree.get(i).copied().unwrap_or(0));
            i &= i - 1;
        }
        max
    }
}

/// The first `i` in `lo..hi` for which `pred` holds, where `pred` holds for a tail of the range
/// (or `hi` when it holds nowhere).
fn first(mut lo: usize, mut hi: usize, mut pred: impl FnMut(usize) -> bool) -> usize {
    super::tally(1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// A list of numbers held as runs of consecutive positions sharing a value (a union-find over
/// positions, each set a run): setting a range that starts and ends on run edges merges its runs
/// into one, so a range costs what it merges, and every merge happens at most once.
struct Runs {
    /// Union-find parent of each position; a run's root is its first position.
    parent: Vec<usize>,
    /// At a root: the run's value.
    value: Vec<usize>,
    /// At a root: the position just past the run.
    next: Vec<usize>,
}

impl Runs {
    fn new(value: Vec<usize>) -> Runs {
        let n = value.len();
        Runs {
            parent: (0..n).collect(),
            value,
            next: (1..=n).collect(),
        }
    }

    /// The root of the run holding `at` (with path halving).
    fn root(&mut self, mut at: usize) -> usize {
        while let Some(&up) = self.parent.get(at) {
            if up == at {
                break;
            }
            let grand = self.parent.get(up).copied().unwrap_or(up);
            if let Some(p) = self.parent.get_mut(at) {
                *p = grand;
            }
            at = up;
        }
        at
    }

    fn get(&mut self, at: usize) -> usize {
        let root = self.root(at);
        self.value.get(root).copied().unwrap_or(0)
    }

    /// Sets positions `from..to` to `value`; `from` and `to` are run edges.
    fn assign(&mut self, from: usize, to: usize, value: usize) {
        if from >= to {
            return;
        }
        let root = self.root(from);
        loop {
            let Some(&next) = self.next.get(root) else {
                return;
            };
            if next >= to {
                break;
            }
            super::tally(1);
            let other = self.root(next);
            let after = self.next.get(other).copied().unwrap_or(to);
            if let Some(p) = self.parent.get_mut(other) {
                *p = root;
            }
            if let Some(n) = self.next.get_mut(root) {
                *n = after;
            }
        }
        if let Some(v) = self.value.get_mut(root) {
            *v = value;
        }
    }
}

/// The pairwise `resolve` this module had before it was made `O(n log n)`: the oracle the
/// differential tests hold it to.
#[cfg(test)]
pub(crate) fn resolve_pairwise<T: Resolvable>(items: &mut Vec<T>) {
    if items.len() < 2 {
        return;
    }
    // Containers give way to what they contain.
    let containers: Vec<bool> = items
        .iter()
        .map(|outer| {
            outer.kind() == Kind::Url
                && items.iter().any(|inner| {
                    inner.kind() != Kind::Url
                        && inner.start() >= outer.start()
                        && inner.end() <= outer.end()
                })
        })
        .collect();
    let mut i = 0;
    items.retain(|_| {
        i += 1;
        !containers[i - 1]
    });
    // Same characters, several kinds: a word naming the format outranks the scores; among the
    // named, a checksum does, then the nearer word.
    let named: Vec<(usize, usize, (bool, i16))> = items
        .iter()
        .filter(|i| i.specific())
        .map(|i| (i.start(), i.end(), (i.validated(), i.nearness())))
        .collect();
    items.retain(|i| {
        let best = named
            .iter()
            .filter(|n| (n.0, n.1) == (i.start(), i.end()))
            .map(|n| n.2)
            .max();
        best.is_none_or(|best| i.specific() && (i.validated(), i.nearness()) == best)
    });
    // Best first, then greedily keep what does not overlap anything kept.
    crate::sort::sort_by(items, |a, b| {
        b.score()
            .cmp(&a.score())
            .then((b.end() - b.start()).cmp(&(a.end() - a.start())))
            .then(b.validated().cmp(&a.validated()))
            .then(a.start().cmp(&b.start()))
    });
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    let mut losers: Vec<(usize, usize)> = Vec::new();
    for item in items.drain(..) {
        super::tally(kept.len());
        if kept
            .iter()
            .all(|k| item.end() <= k.start() || k.end() <= item.start())
        {
            kept.push(item);
        } else {
            losers.push((item.start(), item.end()));
        }
    }
    // Widen winners over the parts of losers that stick out, then fold winners that now touch.
    for (start, end) in losers {
        for k in kept
            .iter_mut()
            .filter(|k| start < k.end() && k.start() < end)
        {
            let (s, e) = (k.start().min(start), k.end().max(end));
            k.set_range(s, e);
        }
    }
    crate::sort::sort_by_key(&mut kept, |k| (k.start(), k.end()));
    let mut merged: Vec<T> = Vec::with_capacity(kept.len());
    for item in kept {
        match merged.last_mut() {
            Some(last) if item.start() < last.end() => {
                let (s, e) = (last.start(), last.end().max(item.end()));
                if item.score() > last.score() {
                    *last = item;
                }
                last.set_range(s, e);
            }
            _ => merged.push(item),
        }
    }
    *items = merged;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Random findings (synthetic spans), crowded into a short text so that they overlap, nest,
    /// touch, share spans and tie on scores.
    fn findings(len: usize) -> impl Strategy<Value = Vec<T>> {
        let kinds = [
            Kind::Url,
            Kind::Email,
            Kind::Phone,
            Kind::CreditCard,
            Kind::UsSsn,
        ];
        proptest::collection::vec(
            (
                0..kinds.len(),
                0..120usize,
                0..30usize,
                prop_oneof![Just(600u16), Just(800), Just(950), 0..1000u16],
                any::<bool>(),
                proptest::bool::weighted(0.2),
            )
                .prop_map(move |(k, start, len, score, validated, specific)| {
                    T(kinds[k], start, start + len, score, validated, specific)
                }),
            0..len,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn resolves_exactly_as_the_pairwise_version(items in findings(40)) {
            let mut fast = items.clone();
            let mut pairwise = items;
            resolve(&mut fast);
            resolve_pairwise(&mut pairwise);
            prop_assert_eq!(fast, pairwise);
        }

        #[test]
        fn resolves_many_exactly_as_the_pairwise_version(items in findings(200)) {
            let mut fast = items.clone();
            let mut pairwise = items;
            resolve(&mut fast);
            resolve_pairwise(&mut pairwise);
            prop_assert_eq!(fast, pairwise);
        }
    }

    /// `copies` copies of one cluster of overlapping findings, laid side by side.
    fn clusters(copies: usize) -> Vec<T> {
        (0..copies)
            .flat_map(|c| {
                let at = c * 100;
                [
                    T(Kind::Url, at, at + 60, 900, false, false),
                    T(Kind::Email, at + 10, at + 30, 850, false, false),
                    T(Kind::Phone, at + 20, at + 35, 600, false, false),
                    T(Kind::CreditCard, at + 40, at + 56, 950, true, false),
                    T(Kind::UsSsn, at + 40, at + 49, 700, true, true),
                    T(Kind::Phone, at + 50, at + 70, 500, false, false),
                    T(Kind::Iban, at + 75, at + 95, 950, true, false),
                ]
            })
            .collect()
    }

    /// Work done by `f`, as counted by [`crate::detect::tally`].
    fn work(f: impl FnOnce()) -> usize {
        crate::detect::WORK.with(|w| w.set(0));
        f();
        crate::detect::WORK.with(|w| w.get())
    }

    #[test]
    fn work_grows_linearly_with_the_findings() {
        let mut counts = Vec::new();
        for copies in [500, 1000, 2000] {
            let mut fast = clusters(copies);
            let mut pairwise = fast.clone();
            let linear = work(|| resolve(&mut fast));
            let quadratic = work(|| resolve_pairwise(&mut pairwise));
            assert_eq!(fast, pairwise);
            counts.push((linear, quadratic));
        }
        for pair in counts.windows(2) {
            let (small, large) = (pair[0], pair[1]);
            // Twice the findings: at most 2.2 times the work (a binary search adds a step).
            assert!(large.0 * 10 <= small.0 * 22, "{counts:?}");
            // The pairwise version, counted the same way, does not pass (so the test can fail).
            assert!(large.1 * 10 > small.1 * 30, "{counts:?}");
        }
    }

    #[derive(Clone, Debug, PartialEq)]
    struct T(Kind, usize, usize, u16, bool, bool);
    impl Resolvable for T {
        fn kind(&self) -> Kind {
            self.0
        }
        fn start(&self) -> usize {
            self.1
        }
        fn end(&self) -> usize {
            self.2
        }
        fn score(&self) -> Score {
            Score::from_milli(self.3)
        }
        fn validated(&self) -> bool {
            self.4
        }
        fn specific(&self) -> bool {
            self.5
        }
        /// Varies with the score (the strategies draw no nearness of their own), so that named
        /// claims on one span both tie and differ.
        fn nearness(&self) -> i16 {
            (self.3 % 3) as i16
        }
        fn set_range(&mut self, start: usize, end: usize) {
            self.1 = start;
            self.2 = end;
        }
    }

    #[test]
    fn higher_score_then_longer_wins() {
        let mut v = vec![
            T(Kind::Phone, 0, 10, 600, false, false),
            T(Kind::CreditCard, 0, 16, 950, true, false),
            T(Kind::Email, 20, 30, 900, false, false),
        ];
        resolve(&mut v);
        assert_eq!(
            v,
            vec![
                T(Kind::CreditCard, 0, 16, 950, true, false),
                T(Kind::Email, 20, 30, 900, false, false)
            ]
        );
        let mut v = vec![
            T(Kind::Phone, 0, 10, 600, false, false),
            T(Kind::Phone, 2, 14, 600, false, false),
        ];
        resolve(&mut v);
        assert_eq!(v, vec![T(Kind::Phone, 0, 14, 600, false, false)]);
    }

    #[test]
    fn losers_sticking_out_widen_the_winner() {
        let mut v = vec![
            T(Kind::Email, 0, 30, 850, false, false),
            T(Kind::Iban, 20, 50, 950, true, false),
            T(Kind::Phone, 55, 60, 600, false, false),
        ];
        resolve(&mut v);
        assert_eq!(
            v,
            vec![
                T(Kind::Iban, 0, 50, 950, true, false),
                T(Kind::Phone, 55, 60, 600, false, false)
            ]
        );
    }

    #[test]
    fn url_gives_way_to_inner_findings() {
        let mut v = vec![
            T(Kind::Url, 0, 40, 900, false, false),
            T(Kind::Email, 10, 25, 800, false, false),
        ];
        resolve(&mut v);
        assert_eq!(v, vec![T(Kind::Email, 10, 25, 800, false, false)]);
    }

    #[test]
    fn a_specific_word_wins_the_same_characters_but_not_others() {
        // "Swedish personal number 0003273950": the Bulgarian EGN scores higher on its own, but
        // only the Swedish number is named.
        let mut v = vec![
            T(Kind::BgEgn, 0, 10, 940, true, false),
            T(Kind::SePersonnummer, 0, 10, 790, true, true),
        ];
        resolve(&mut v);
        assert_eq!(v, [T(Kind::SePersonnummer, 0, 10, 790, true, true)]);
        // Different spans: scores decide as before.
        let mut v = vec![
            T(Kind::CreditCard, 0, 16, 950, true, false),
            T(Kind::UsSsn, 0, 9, 700, true, true),
        ];
        resolve(&mut v);
        assert_eq!(v, [T(Kind::CreditCard, 0, 16, 950, true, false)]);
    }
}

//! Overlap resolution, done once before anything is rewritten.
//!
//! Rules, in order: a URL that contains another finding gives way to it (the inner value is the
//! sensitive part); where several kinds claim exactly the same characters, those whose context
//! word names their format or country (a specific word, see `context`) win over those with only
//! a generic word or none; otherwise, of two overlapping findings the higher score wins, then the longer,
//! then the validated one, then the earlier. A loser that sticks out of the winner widens the
//! winner to cover both (fail closed: a half-redacted value could still be recognised, and
//! redacted output must scan clean). The result is sorted and non-overlapping.

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
    fn set_range(&mut self, start: usize, end: usize);
}

/// Keeps a non-overlapping subset of `items`, sorted by start.
pub(crate) fn resolve<T: Resolvable>(items: &mut Vec<T>) {
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
    // Same characters, several kinds: a word naming the format outranks the scores.
    let mut named: Vec<(usize, usize)> = items
        .iter()
        .filter(|i| i.specific())
        .map(|i| (i.start(), i.end()))
        .collect();
    if !named.is_empty() {
        crate::sort::sort_by(&mut named, Ord::cmp);
        items.retain(|i| i.specific() || named.binary_search(&(i.start(), i.end())).is_err());
    }
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

    #[derive(Debug, PartialEq)]
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

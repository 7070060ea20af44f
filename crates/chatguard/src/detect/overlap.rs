//! Overlap resolution, done once before anything is rewritten.
//!
//! Rules, in order: a URL that contains another finding gives way to it (the inner value is the
//! sensitive part); otherwise, of two overlapping findings the higher score wins, then the longer,
//! then the validated one, then the earlier. The result is sorted and non-overlapping.

use crate::{Kind, Score};

/// What overlap resolution needs to know of a finding.
pub(crate) trait Resolvable {
    fn kind(&self) -> Kind;
    fn start(&self) -> usize;
    fn end(&self) -> usize;
    fn score(&self) -> Score;
    fn validated(&self) -> bool;
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
    // Best first, then greedily keep what does not overlap anything kept.
    items.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then((b.end() - b.start()).cmp(&(a.end() - a.start())))
            .then(b.validated().cmp(&a.validated()))
            .then(a.start().cmp(&b.start()))
    });
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if kept
            .iter()
            .all(|k| item.end() <= k.start() || k.end() <= item.start())
        {
            kept.push(item);
        }
    }
    kept.sort_by_key(|k| (k.start(), k.end()));
    *items = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct T(Kind, usize, usize, u16, bool);
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
    }

    #[test]
    fn higher_score_then_longer_wins() {
        let mut v = vec![
            T(Kind::Phone, 0, 10, 600, false),
            T(Kind::CreditCard, 0, 16, 950, true),
            T(Kind::Email, 20, 30, 900, false),
        ];
        resolve(&mut v);
        assert_eq!(
            v,
            vec![
                T(Kind::CreditCard, 0, 16, 950, true),
                T(Kind::Email, 20, 30, 900, false)
            ]
        );
        let mut v = vec![
            T(Kind::Phone, 0, 10, 600, false),
            T(Kind::Phone, 2, 14, 600, false),
        ];
        resolve(&mut v);
        assert_eq!(v, vec![T(Kind::Phone, 2, 14, 600, false)]);
    }

    #[test]
    fn url_gives_way_to_inner_findings() {
        let mut v = vec![
            T(Kind::Url, 0, 40, 900, false),
            T(Kind::Email, 10, 25, 800, false),
        ];
        resolve(&mut v);
        assert_eq!(v, vec![T(Kind::Email, 10, 25, 800, false)]);
    }
}

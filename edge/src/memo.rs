//! What this isolate already knows about texts a principal sent: their injection reports, and
//! which texts redaction found nothing in. A chat client resends the whole conversation with every
//! turn, so without this the edge would score and scan the same history again on each turn; with
//! it, only the new messages cost anything.
//!
//! Both results depend only on the policy and the text (detection does not read the clock, and a
//! text with no findings has no decision the consent could change), so a remembered result is
//! the result. The Worker keeps one memo per compiled policy and starts a fresh one when the
//! policy changes.
//!
//! No text is kept: entries are keyed by SHA-256 over a random per-memo salt, the purpose, the
//! principal and the text. Keys include the principal so one caller's entries never answer
//! another caller's texts (no timing signal about what others sent). Each table is bounded and
//! forgets its oldest entries first.

use std::collections::{BTreeMap, VecDeque};

use chatguard::{InjectionMode, InjectionVerdict, Score};
use sha2::{Digest, Sha256};

/// Entries per table (about 100 bytes each).
pub const CAPACITY: usize = 4096;

/// An injection report without the text: what the injection step needs from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The score.
    pub score: Score,
    /// The verdict under the policy.
    pub verdict: InjectionVerdict,
    /// The ids of the signals that fired.
    pub rules: Vec<&'static str>,
}

/// A table key: a SHA-256 digest.
pub(crate) type Key = [u8; 32];

/// A table of at most [`CAPACITY`] entries that forgets its oldest entries first.
#[derive(Debug)]
pub(crate) struct Table<V> {
    entries: BTreeMap<Key, V>,
    order: VecDeque<Key>,
}

impl<V> Table<V> {
    pub(crate) fn new() -> Table<V> {
        Table {
            entries: BTreeMap::new(),
            order: VecDeque::new(),
        }
    }

    pub(crate) fn get(&self, key: &Key) -> Option<&V> {
        self.entries.get(key)
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn insert(&mut self, key: Key, value: V) {
        if self.entries.insert(key, value).is_some() {
            return;
        }
        self.order.push_back(key);
        while self.order.len() > CAPACITY {
            if let Some(oldest) = self.order.pop_front() {
                self.entries.remove(&oldest);
            }
        }
    }
}

/// The memo of one isolate for one policy.
#[derive(Debug)]
pub struct Memo {
    salt: [u8; 16],
    reports: Table<Report>,
    clean: Table<()>,
}

/// What a key is for.
#[derive(Clone, Copy)]
enum Purpose {
    Injection(InjectionMode),
    Clean,
}

impl Memo {
    /// An empty memo; `salt` should be random (the Worker takes it from the runtime's CSPRNG).
    pub fn new(salt: [u8; 16]) -> Memo {
        Memo {
            salt,
            reports: Table::new(),
            clean: Table::new(),
        }
    }

    fn key(&self, purpose: Purpose, principal: &str, text: &str) -> Key {
        let tag: u8 = match purpose {
            Purpose::Injection(InjectionMode::Chat) => 1,
            Purpose::Injection(InjectionMode::Document) => 2,
            Purpose::Clean => 3,
        };
        let mut h = Sha256::new();
        h.update(self.salt);
        h.update([tag]);
        h.update((principal.len() as u64).to_le_bytes());
        h.update(principal.as_bytes());
        h.update(text.as_bytes());
        h.finalize().into()
    }

    /// The injection report of `text` in `mode` for `principal`, computed by `score` the first
    /// time.
    pub fn report(
        &mut self,
        principal: &str,
        mode: InjectionMode,
        text: &str,
        score: impl FnOnce() -> Report,
    ) -> Report {
        let key = self.key(Purpose::Injection(mode), principal, text);
        if let Some(known) = self.reports.get(&key) {
            return known.clone();
        }
        let fresh = score();
        self.reports.insert(key, fresh.clone());
        fresh
    }

    /// True when redaction already found nothing in `text` from `principal`.
    pub fn is_clean(&self, principal: &str, text: &str) -> bool {
        self.clean
            .get(&self.key(Purpose::Clean, principal, text))
            .is_some()
    }

    /// Remembers that redaction found nothing in `text` from `principal`.
    pub fn remember_clean(&mut self, principal: &str, text: &str) {
        let key = self.key(Purpose::Clean, principal, text);
        self.clean.insert(key, ());
    }

    /// Entries held (reports, clean texts).
    pub fn len(&self) -> (usize, usize) {
        (self.reports.len(), self.clean.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(milli: u16) -> Report {
        Report {
            score: Score::from_milli(milli),
            verdict: InjectionVerdict::Allow,
            rules: vec!["test.rule"],
        }
    }

    #[test]
    fn a_report_is_computed_once_per_principal_mode_and_text() {
        let mut memo = Memo::new([7; 16]);
        let mut runs = 0;
        let mut ask = |memo: &mut Memo, who: &str, mode, text: &str| {
            memo.report(who, mode, text, || {
                runs += 1;
                report(100)
            })
        };
        assert_eq!(
            ask(&mut memo, "alice", InjectionMode::Chat, "hi"),
            report(100)
        );
        assert_eq!(
            ask(&mut memo, "alice", InjectionMode::Chat, "hi"),
            report(100)
        );
        ask(&mut memo, "alice", InjectionMode::Document, "hi");
        ask(&mut memo, "bob", InjectionMode::Chat, "hi");
        ask(&mut memo, "alice", InjectionMode::Chat, "hi!");
        // Length-prefixed principal: ("ab", "c...") and ("a", "bc...") are different keys.
        ask(&mut memo, "ab", InjectionMode::Chat, "c");
        ask(&mut memo, "a", InjectionMode::Chat, "bc");
        assert_eq!(runs, 6);
        assert_eq!(memo.len(), (6, 0));
    }

    #[test]
    fn clean_texts_are_per_principal() {
        let mut memo = Memo::new([1; 16]);
        assert!(!memo.is_clean("alice", "hello"));
        memo.remember_clean("alice", "hello");
        assert!(memo.is_clean("alice", "hello"));
        assert!(!memo.is_clean("bob", "hello"));
        assert!(!memo.is_clean("alice", "hello "));
    }

    #[test]
    fn the_oldest_entries_go_first() {
        let mut memo = Memo::new([2; 16]);
        for i in 0..CAPACITY + 10 {
            memo.remember_clean("p", &i.to_string());
        }
        assert_eq!(memo.len(), (0, CAPACITY));
        assert!(!memo.is_clean("p", "0"));
        assert!(!memo.is_clean("p", "9"));
        assert!(memo.is_clean("p", "10"));
        assert!(memo.is_clean("p", &(CAPACITY + 9).to_string()));
    }

    #[test]
    fn keys_hold_no_text_and_depend_on_the_salt() {
        let a = Memo::new([3; 16]).key(Purpose::Clean, "p", "jane@example.com");
        let b = Memo::new([4; 16]).key(Purpose::Clean, "p", "jane@example.com");
        assert_ne!(a, b);
        assert!(!a.windows(4).any(|w| w == b"jane"));
    }
}

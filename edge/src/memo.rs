//! What this isolate already knows about texts a principal sent: their injection reports, which
//! texts redaction found nothing in, and what it decided for the findings of the others. A chat client resends the whole conversation with every
//! turn, so without this the edge would score and scan the same history again on each turn; with
//! it, only the new messages cost anything.
//!
//! These results depend only on the policy and the text (detection does not read the clock, and
//! a text with no findings has no decision the consent could change; decisions about findings
//! are only remembered for requests that were granted no category), so a remembered result is
//! the result. Texts with findings are still redacted on every request — their pseudonym
//! numbers belong to the request's vault — but from the remembered decisions, without scanning. The Worker keeps one memo per compiled policy and starts a fresh one when the
//! policy changes.
//!
//! No text is kept: entries are keyed by BLAKE2b-256 keyed with a random per-memo key, over the
//! principal and the text ([`TextKey`], computed once per text and request by
//! [`Memo::keys_for`]), in one table
//! per purpose (injection reports also by mode). Keys include the principal so one caller's entries never answer
//! another caller's texts (no timing signal about what others sent). Each table is bounded and
//! forgets its oldest entries first.

use std::collections::{BTreeMap, VecDeque};

use blake2::digest::consts::U32;
use blake2::digest::{KeyInit, Mac};
use blake2::Blake2bMac;
use chatguard::{Decided, InjectionMode, InjectionVerdict, Score};
use serde_json::Value;

use crate::shape::{resolve, ChatRequest};

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

/// A table key: a 256-bit digest.
pub(crate) type Key = [u8; 32];

/// A table of at most [`CAPACITY`] entries that forgets its oldest entries first.
#[derive(Debug)]
pub(crate) struct Table<V, K = Key> {
    entries: BTreeMap<K, V>,
    order: VecDeque<K>,
}

impl<V, K: Ord + Copy> Table<V, K> {
    pub(crate) fn new() -> Self {
        Table {
            entries: BTreeMap::new(),
            order: VecDeque::new(),
        }
    }

    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        self.entries.get(key)
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn insert(&mut self, key: K, value: V) {
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
    /// Injection reports by text and mode (0 chat, 1 document).
    reports: Table<Report, (Key, u8)>,
    /// Texts redaction found nothing in.
    clean: Table<()>,
    /// What redaction decided for the findings of a text, under no granted category.
    decided: Table<Vec<Decided>>,
}

/// A text from one principal, as one memo knows it: keyed BLAKE2b-256 (the memo's random key)
/// over the principal (length-prefixed) and the text. A collision would make the edge skip
/// scanning a text, so the hash is a cryptographic one (collision resistant even with the key
/// known; BLAKE2b rather than SHA-256 because it hashes a 4 KB request with ~7x fewer
/// instructions, in wasm too). Hashing the text is most of a lookup's cost, so a request's
/// texts are hashed once ([`Memo::keys_for`]) for the injection and redaction steps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TextKey([u8; 32]);

impl core::fmt::Debug for TextKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("TextKey(..)")
    }
}

/// The [`TextKey`]s of a request's text fields, in the order of [`ChatRequest::texts`].
#[derive(Clone, Debug, Default)]
pub struct TextKeys(Vec<Option<TextKey>>);

impl TextKeys {
    /// The key of the `index`th text field (`None` when it holds no string).
    pub fn get(&self, index: usize) -> Option<&TextKey> {
        self.0.get(index).and_then(Option::as_ref)
    }
}

impl Memo {
    /// An empty memo; `salt` (the hash key) should be random (the Worker takes it from the
    /// runtime's CSPRNG).
    pub fn new(salt: [u8; 16]) -> Memo {
        Memo {
            salt,
            reports: Table::<Report, (Key, u8)>::new(),
            clean: Table::<(), Key>::new(),
            decided: Table::<Vec<Decided>, Key>::new(),
        }
    }

    /// The key of `text` from `principal` in this memo.
    pub fn text_key(&self, principal: &str, text: &str) -> TextKey {
        Self::finish(self.principal_state(principal), text)
    }

    /// The hash state after the key and the principal (length-prefixed): what every text key of
    /// one principal starts with, so a request hashes its key block and principal only once.
    ///
    /// The principal is zero-padded to the end of a 128-byte BLAKE2b block and one tag byte
    /// follows, so every block before the text is compressed here, once per request (BLAKE2
    /// compresses a block only once a byte after it has arrived): a text of up to 127 bytes then
    /// costs one compression, not two. The length prefix makes the padding unambiguous, so
    /// different (principal, text) pairs still hash different bytes.
    fn principal_state(&self, principal: &str) -> Blake2bMac<U32> {
        const BLOCK: usize = 128;
        // BLAKE2b takes keys of up to 64 bytes: the salt, zero-padded.
        let mut key = [0u8; 64];
        key[..self.salt.len()].copy_from_slice(&self.salt);
        let mut h = <Blake2bMac<U32> as KeyInit>::new(&key.into());
        h.update(&(principal.len() as u64).to_le_bytes());
        h.update(principal.as_bytes());
        let used = (8 + principal.len()) % BLOCK;
        let padding = [0u8; BLOCK];
        h.update(padding.get(..(BLOCK - used) % BLOCK).unwrap_or(&[]));
        h.update(b"t");
        h
    }

    fn finish(mut state: Blake2bMac<U32>, text: &str) -> TextKey {
        state.update(text.as_bytes());
        TextKey(state.finalize().into_bytes().into())
    }

    /// The keys of every text field of `request` from `principal`.
    pub fn keys_for(&self, principal: &str, request: &ChatRequest) -> TextKeys {
        let start = self.principal_state(principal);
        TextKeys(
            request
                .texts
                .iter()
                .map(|pointer| {
                    resolve(&request.body, pointer)
                        .and_then(Value::as_str)
                        .map(|text| Self::finish(start.clone(), text))
                })
                .collect(),
        )
    }

    /// The injection report of the text `text` in `mode`, computed by `score` the first time.
    pub fn report(
        &mut self,
        text: &TextKey,
        mode: InjectionMode,
        score: impl FnOnce() -> Report,
    ) -> Report {
        let mode_tag = match mode {
            InjectionMode::Chat => 0,
            InjectionMode::Document => 1,
        };
        let key = (text.0, mode_tag);
        if let Some(known) = self.reports.get(&key) {
            return known.clone();
        }
        let fresh = score();
        self.reports.insert(key, fresh.clone());
        fresh
    }

    /// True when redaction already found nothing in the text `text`.
    pub fn is_clean(&self, text: &TextKey) -> bool {
        self.clean.get(&text.0).is_some()
    }

    /// Remembers that redaction found nothing in the text `text`.
    pub fn remember_clean(&mut self, text: &TextKey) {
        self.clean.insert(text.0, ());
    }

    /// What redaction decided for the findings of the text `text` (in a request that was
    /// granted no category), if it is known.
    pub fn decided(&self, text: &TextKey) -> Option<&[Decided]> {
        self.decided.get(&text.0).map(Vec::as_slice)
    }

    /// Remembers what redaction decided for the findings of the text `text` in a request that
    /// was granted no category.
    pub fn remember_decided(&mut self, text: &TextKey, decided: Vec<Decided>) {
        self.decided.insert(text.0, decided);
    }

    /// Entries held (reports, clean texts, texts with decided findings).
    pub fn len(&self) -> (usize, usize, usize) {
        (self.reports.len(), self.clean.len(), self.decided.len())
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
            let key = memo.text_key(who, text);
            memo.report(&key, mode, || {
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
        assert_eq!(memo.len(), (6, 0, 0));
    }

    /// Principals of every length around the padded block's end (and a principal ending in the
    /// padding's zero byte or the tag) keep their texts' keys apart.
    #[test]
    fn padded_principals_keep_keys_apart() {
        let memo = Memo::new([2; 16]);
        let mut seen = std::collections::BTreeSet::new();
        for n in 100..140 {
            let p = "x".repeat(n);
            for (who, text) in [
                (p.clone(), "hello"),
                (format!("{p}\0"), "hello"),
                (p.clone(), "thello"),
                (format!("{p}t"), "hello"),
            ] {
                let key = memo.text_key(&who, text);
                assert_eq!(key, memo.text_key(&who, text));
                assert!(seen.insert(key.0), "{n} {who:?} {text:?}");
            }
        }
    }

    #[test]
    fn clean_texts_are_per_principal() {
        let mut memo = Memo::new([1; 16]);
        let key = |who: &str, text: &str| memo.text_key(who, text);
        let (alice, bob, other) = (
            key("alice", "hello"),
            key("bob", "hello"),
            key("alice", "hello "),
        );
        assert!(!memo.is_clean(&alice));
        memo.remember_clean(&alice);
        assert!(memo.is_clean(&alice));
        assert!(!memo.is_clean(&bob));
        assert!(!memo.is_clean(&other));
    }

    #[test]
    fn the_oldest_entries_go_first() {
        let mut memo = Memo::new([2; 16]);
        let key = |memo: &Memo, i: usize| memo.text_key("p", &i.to_string());
        for i in 0..CAPACITY + 10 {
            let k = key(&memo, i);
            memo.remember_clean(&k);
        }
        assert_eq!(memo.len(), (0, CAPACITY, 0));
        assert!(!memo.is_clean(&key(&memo, 0)));
        assert!(!memo.is_clean(&key(&memo, 9)));
        assert!(memo.is_clean(&key(&memo, 10)));
        assert!(memo.is_clean(&key(&memo, CAPACITY + 9)));
    }

    #[test]
    fn a_request_keys_each_text_like_text_key() {
        let memo = Memo::new([5; 16]);
        let body = br#"{"model":"m","messages":[{"role":"user","content":"hello"},{"role":"assistant","content":"hi, how can I help?"},{"role":"user","content":"hello"}]}"#;
        let request = crate::shape::parse(
            &crate::shape::Api::ChatCompletions,
            Some("application/json"),
            body,
        )
        .expect("valid request");
        let keys = memo.keys_for("alice", &request);
        assert_eq!(keys.get(0), Some(&memo.text_key("alice", "hello")));
        assert_eq!(
            keys.get(1),
            Some(&memo.text_key("alice", "hi, how can I help?"))
        );
        assert_eq!(keys.get(0), keys.get(2), "the same text, the same key");
        assert_ne!(keys.get(0), Some(&memo.text_key("bob", "hello")));
        assert_eq!(keys.get(3), None);
    }

    #[test]
    fn keys_hold_no_text_and_depend_on_the_salt() {
        let a = Memo::new([3; 16]).text_key("p", "jane@example.com");
        let b = Memo::new([4; 16]).text_key("p", "jane@example.com");
        assert_ne!(a, b);
        assert!(!a.0.windows(4).any(|w| w == b"jane"));
        assert_eq!(format!("{a:?}"), "TextKey(..)");
    }
}

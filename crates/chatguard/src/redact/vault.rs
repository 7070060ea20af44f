//! The pseudonym vault: which placeholder stands for which value within a conversation, how to
//! put the originals back, and how to carry the vault sealed where it must leave memory: with
//! XChaCha20-Poly1305 (feature `seal`, [`Vault::seal`]), or exported in clear for a caller that
//! seals it itself ([`Vault::export_unsealed`]: the browser widget uses WebCrypto's AES-GCM and
//! so leaves the Rust AEAD out of its download).

use core::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::collections::{BTreeMap, HashMap};
use std::hash::RandomState;

#[cfg(feature = "seal")]
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
#[cfg(feature = "seal")]
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroize;

use crate::detect::hay::find_bytes_iter;
use crate::error::{VaultError, VaultErrorKind};
use crate::table::Table;
use crate::Kind;

/// The format tag at the start of a sealed vault.
#[cfg(feature = "seal")]
const SEAL_MAGIC: &[u8; 4] = b"cgv1";
/// The longest placeholder [`Vault::restore`] recognises, in bytes.
pub(crate) const MAX_PLACEHOLDER: usize = 72;

/// Placeholders and the originals they stand for. The same value (compared in a canonical form:
/// digits and letters only, case folded) always gets the same placeholder.
///
/// Every entry's original and placeholder lie back to back in one buffer, and its value key in a
/// second one, so making a placeholder allocates nothing per value. A value key is made only
/// once a value of the same label must be compared with the entry: the values of one message
/// are mostly of distinct kinds and never need their canonical form. The buffers never
/// reallocate in place (they move to larger ones and wipe the old), and are wiped when the vault
/// is dropped.
#[derive(Default, Clone)]
pub struct Vault {
    /// The entries' originals and placeholders, each entry's [`Slot`] after the one before.
    store: String,
    /// The value keys made so far (see [`Slot::key`]).
    keys: String,
    /// Where each entry lies in `store` and `keys`, in the order they were made.
    slots: Vec<Slot>,
    /// The keyed hash of a value key (see [`value_key`]) to the newest entry with that hash;
    /// older ones follow [`Slot::same_hash`]. Empty until the vault holds [`INDEXED_FROM`]
    /// entries: a few are compared directly, without hashing (one message's values).
    by_value: HashMap<u64, usize, BuildHasherDefault<PassThrough>>,
    /// The random key of the value-key hash, so no text can make the values collide.
    hash_key: RandomState,
    /// Keyed by placeholder; built on the first look-up after a change, since a vault that only
    /// makes placeholders (one [`crate::Guard::check`]) never needs it.
    by_placeholder: std::sync::OnceLock<HashMap<String, usize>>,
    /// The last number given to each label (few, and short: a tree compares them faster than a
    /// keyed hash), see [`Counters`].
    counters: Counters,
}

/// How many entries a [`Vault`] holds before it looks values up by their hash rather than by
/// comparing them with every entry.
const INDEXED_FROM: usize = 8;

/// One entry of a [`Vault`]: `store[original..placeholder]` is its original,
/// `store[placeholder..end]` its placeholder and `store[placeholder + 1..label_end]` the label in
/// it.
#[derive(Clone, Copy)]
struct Slot {
    /// `keys[start..end]` is its value key (see [`value_key`]), once made: every entry's when
    /// the vault is indexed, else only those of labels that two values have had.
    key: Option<(usize, usize)>,
    /// The kind its value key is made for.
    kind: Kind,
    original: usize,
    placeholder: usize,
    label_end: usize,
    end: usize,
    /// The next older entry whose value key has the same hash.
    same_hash: Option<usize>,
}

/// Hands a hash that is already keyed through unchanged (for [`Vault::by_value`]).
#[derive(Default, Clone)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl core::fmt::Debug for Vault {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Vault")
            .field("entries", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl Drop for Vault {
    fn drop(&mut self) {
        // The whole capacity: originals and value keys, and what was truncated after a look-up.
        self.store.zeroize();
        self.keys.zeroize();
    }
}

/// The longest buffer a lent vault keeps between calls; a larger one is freed (after wiping).
/// Wiping reads only what a call wrote, so a kept large buffer costs a small message nothing;
/// it spares a long text (thousands of values) fresh pages on every call.
const LENT_CAPACITY: usize = 1 << 20;

std::thread_local! {
    /// The vault [`with_lent_vault`] lends on this thread.
    static LENT: core::cell::Cell<Option<Box<Vault>>> = const { core::cell::Cell::new(None) };
}

impl crate::scratch::Reuse for Vault {
    fn empty_for_reuse(&mut self) -> bool {
        self.wipe_and_empty();
        true
    }
}

/// Runs `f` with an empty vault that is wiped and emptied again when `f` returns (or unwinds):
/// the vault of one [`crate::Guard::check`], whose buffers the next call on the thread reuses
/// instead of allocating and freeing them per message. A nested call gets a fresh vault.
pub(crate) fn with_lent_vault<R>(f: impl FnOnce(&mut Vault) -> R) -> R {
    crate::scratch::lend(&LENT, |vault| f(vault))
}

/// The canonical form two spellings of one value share: letters and digits only, lower case
/// (spaces and dashes inside a card number do not make it another card).
pub(crate) fn canonical(kind: Kind, value: &str) -> String {
    let mut out = String::new();
    push_canonical(&mut out, kind, value);
    out
}

/// Appends [`canonical`]`(kind, value)` to `out`.
fn push_canonical(out: &mut String, kind: Kind, value: &str) {
    // Normalisation never rewrites ASCII, so an ASCII value (nearly all) skips the view.
    if value.is_ascii() && push_ascii_canonical(out, kind, value.trim()) {
        return;
    }
    // Compare what the detectors saw: full-width and hidden characters folded away.
    let view = crate::normalize::Normalized::new(value);
    let trimmed = view.text().trim();
    if trimmed.is_ascii() && push_ascii_canonical(out, kind, trimmed) {
        return;
    }
    let folded = crate::normalize::lower_str(trimmed);
    match kind {
        Kind::Person | Kind::StreetAddress | Kind::Secret | Kind::Url | Kind::Custom(_) => {
            out.push_str(&folded);
        }
        Kind::Email if !folded.contains(['(', '[', '{', '<', ' ']) => out.push_str(&folded),
        Kind::Email => {
            // `jane (at) example (dot) com` is `jane@example.com`.
            let mut spelled = folded;
            for (form, with) in [
                ("(at)", "@"),
                ("[at]", "@"),
                ("{at}", "@"),
                ("<at>", "@"),
                (" at ", "@"),
            ] {
                spelled = replace_all(&spelled, form, with);
            }
            for (form, with) in [
                ("(dot)", "."),
                ("[dot]", "."),
                ("{dot}", "."),
                ("<dot>", "."),
                (" dot ", "."),
            ] {
                spelled = replace_all(&spelled, form, with);
            }
            out.extend(spelled.chars().filter(|c| !c.is_whitespace()));
        }
        _ => out.extend(folded.chars().filter(|c| c.is_alphanumeric())),
    }
}

/// `text` with every occurrence of `from` (not empty) replaced by `to`, left to right, as
/// `str::replace` does it, but searched with [`find_bytes_iter`]: the core links no `&str`
/// pattern search (std's two-way searcher costs 2 KB gzipped in the browser module).
fn replace_all(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    // A match of a whole UTF-8 needle starts and ends on character boundaries.
    for at in find_bytes_iter(text.as_bytes(), from.as_bytes()) {
        out.push_str(text.get(last..at).unwrap_or_default());
        out.push_str(to);
        last = at + from.len();
    }
    out.push_str(text.get(last..).unwrap_or_default());
    out
}

/// Appends the canonical form of the trimmed ASCII value `trimmed`, the same as the general path
/// of [`push_canonical`] without a temporary string (for ASCII, `to_lowercase` is
/// `to_ascii_lowercase` and `is_alphanumeric` is `is_ascii_alphanumeric`). False, appending
/// nothing, for an email spelled out with brackets or spaces (`jane (at) example (dot) com`),
/// which the general path reads.
fn push_ascii_canonical(out: &mut String, kind: Kind, trimmed: &str) -> bool {
    match kind {
        Kind::Person | Kind::StreetAddress | Kind::Secret | Kind::Url | Kind::Custom(_) => {
            push_ascii_lower(out, trimmed);
        }
        Kind::Email
            if !trimmed
                .bytes()
                .any(|b| matches!(b, b'(' | b'[' | b'{' | b'<' | b' ')) =>
        {
            push_ascii_lower(out, trimmed);
        }
        Kind::Email => return false,
        _ => push_ascii_alphanumeric_lower(out, trimmed),
    }
    true
}

/// The last number given to each label. A label of at most [`Counters::SHORT`] bytes (every
/// built-in kind's) is packed with its length into one integer key, so counting it allocates
/// nothing per label; longer ones (custom kinds, labels read from text) are kept as strings.
/// The first [`Counters::INLINE`] short labels are kept in the vault itself, so the vault of one
/// message allocates no tree.
#[derive(Default, Clone)]
struct Counters {
    /// The first short labels' keys and counters: `inline[..inline_len]`.
    inline: [(u128, u32); Counters::INLINE],
    inline_len: usize,
    short: BTreeMap<u128, u32>,
    long: BTreeMap<String, u32>,
}

impl Counters {
    /// The longest label kept as an integer: its bytes and a length byte fill a `u128`.
    const SHORT: usize = 15;
    /// How many short labels are kept in the vault itself, before the tree.
    const INLINE: usize = 4;

    /// The counter of `label`, 0 when new.
    fn entry(&mut self, label: &str) -> &mut u32 {
        let bytes = label.as_bytes();
        match u8::try_from(bytes.len()) {
            Ok(len) if bytes.len() <= Counters::SHORT => {
                let mut key = [0u8; 16];
                key[..bytes.len()].copy_from_slice(bytes);
                key[Counters::SHORT] = len;
                let key = u128::from_le_bytes(key);
                let inline_len = self.inline_len.min(Counters::INLINE);
                match self.inline[..inline_len]
                    .iter()
                    .position(|&(k, _)| k == key)
                {
                    Some(at) => &mut self.inline[at].1,
                    // Once the inline labels are taken, new ones go to the tree.
                    None if inline_len < Counters::INLINE => {
                        self.inline[inline_len] = (key, 0);
                        self.inline_len = inline_len + 1;
                        &mut self.inline[inline_len].1
                    }
                    None => self.short.entry(key).or_insert(0),
                }
            }
            _ => self.long.entry(label.to_owned()).or_insert(0),
        }
    }

    /// Forgets every label.
    fn clear(&mut self) {
        self.inline_len = 0;
        // Emptying an empty tree still walks it.
        if !self.short.is_empty() {
            self.short.clear();
        }
        if !self.long.is_empty() {
            self.long.clear();
        }
    }

    /// The next number for `label` (counting it).
    fn next(&mut self, label: &str) -> u32 {
        let n = self.entry(label);
        *n += 1;
        *n
    }
}

/// The highest placeholder number taken from outside the vault (an imported vault, another
/// layer's placeholders): numbering continues above it, and the half of `u32` left over cannot
/// be used up (it would take billions of values in one vault), so counting never overflows.
const MAX_FOREIGN_NUMBER: u32 = u32::MAX / 2;

/// Appends `n` in decimal digits (what `format!("{n}")` writes, without the formatting machinery).
fn push_decimal(out: &mut String, n: usize) {
    if n < 100 {
        if n >= 10 {
            out.push(char::from(b'0' + (n / 10) as u8));
        }
        out.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(core::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// Appends the letters and digits of the ASCII `text`, lowercased (what filtering its characters
/// one by one appends), copying the runs between separators whole.
fn push_ascii_alphanumeric_lower(out: &mut String, text: &str) {
    let from = out.len();
    let mut run_start = 0;
    for (i, b) in text.bytes().enumerate() {
        if !b.is_ascii_alphanumeric() {
            out.push_str(text.get(run_start..i).unwrap_or_default());
            run_start = i + 1;
        }
    }
    out.push_str(text.get(run_start..).unwrap_or_default());
    if let Some(folded) = out.get_mut(from..) {
        folded.make_ascii_lowercase();
    }
}

fn push_ascii_lower(out: &mut String, text: &str) {
    let from = out.len();
    out.push_str(text);
    out[from..].make_ascii_lowercase();
}

/// Makes room for `additional` more bytes in `buffer` without leaving a copy behind: the text
/// moves to a larger buffer and the old one is wiped.
#[inline]
fn reserve_wiping(buffer: &mut String, additional: usize) {
    let needed = buffer.len().saturating_add(additional);
    if needed > buffer.capacity() {
        grow_wiping(buffer, needed);
    }
}

/// [`reserve_wiping`] when the buffer must grow to hold `needed` bytes (seldom: a lent vault
/// keeps its room from one text to the next).
#[inline(never)]
fn grow_wiping(buffer: &mut String, needed: usize) {
    let mut larger = String::with_capacity(needed.max(buffer.capacity().saturating_mul(2)));
    larger.push_str(buffer);
    let mut old = core::mem::replace(buffer, larger);
    old.zeroize();
}

/// Appends to `key` the value key of `value` of `kind` under `label`: the label's length, `:`,
/// the label, the canonical value. The length comes first so that no two (label, value) pairs
/// share a key.
///
/// The room is made first (wiping what moves), so the key never makes `key` reallocate and leave
/// a copy behind: an ASCII value's canonical form is never longer than the value; another one
/// (normalisation may expand a character many times, `\u{FDFA}`) is made beside it first.
fn value_key(key: &mut String, label: &str, kind: Kind, value: &str) {
    /// `usize::MAX` in decimal, and the `:`.
    const HEAD: usize = 21;
    let ascii = value.is_ascii();
    let mut canonical = String::new();
    let room = if ascii {
        value.len()
    } else {
        push_canonical(&mut canonical, kind, value);
        canonical.len()
    };
    reserve_wiping(key, HEAD + label.len() + room);
    push_decimal(key, label.len());
    key.push(':');
    key.push_str(label);
    if ascii {
        push_canonical(key, kind, value);
    } else {
        key.push_str(&canonical);
        canonical.zeroize();
    }
}

impl Vault {
    /// An empty vault.
    pub fn new() -> Vault {
        Vault::default()
    }

    /// Makes room for `values` more values taking about `bytes` bytes of originals and
    /// placeholders together.
    pub(crate) fn reserve(&mut self, values: usize, bytes: usize) {
        self.slots.reserve(values);
        if self.slots.len() + values >= INDEXED_FROM {
            self.by_value.reserve(values);
        }
        reserve_wiping(&mut self.store, bytes);
    }

    /// Wipes what the vault holds and empties it, keeping its buffers unless they grew beyond
    /// [`LENT_CAPACITY`] (for [`with_lent_vault`]).
    fn wipe_and_empty(&mut self) {
        // Nothing lies beyond the buffers' lengths: the store only grows, a value key is wiped
        // before it is cut off, and a buffer that moves wipes the old one.
        for buffer in [&mut self.store, &mut self.keys] {
            // (A message without values leaves them empty: no call to wipe nothing.)
            if !buffer.is_empty() {
                buffer.as_mut_str().zeroize();
                buffer.clear();
            }
        }
        if !self.slots.is_empty() {
            self.slots.clear();
            self.by_value.clear();
        }
        self.by_placeholder.take();
        self.counters.clear();
        let large = self.store.capacity().max(self.keys.capacity()) > LENT_CAPACITY
            || self.slots.capacity().max(self.by_value.capacity()) > LENT_CAPACITY / 64;
        if large {
            *self = Vault::new();
        }
    }

    /// How many values the vault holds.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when the vault holds nothing.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Entry `slot`'s placeholder.
    fn placeholder_of(&self, slot: &Slot) -> &str {
        self.store
            .get(slot.placeholder..slot.end)
            .unwrap_or_default()
    }

    /// Entry `slot`'s original.
    fn original_of(&self, slot: &Slot) -> &str {
        self.store
            .get(slot.original..slot.placeholder)
            .unwrap_or_default()
    }

    /// The (placeholder, original) pairs in the order they were made.
    fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.slots
            .iter()
            .map(|slot| (self.placeholder_of(slot), self.original_of(slot)))
    }

    /// True when entries are looked up by hash ([`Vault::by_value`] holds them all).
    fn indexed(&self) -> bool {
        self.slots.len() >= INDEXED_FROM
    }

    /// Entry `slot`'s label.
    fn label_of(&self, slot: &Slot) -> &str {
        self.store
            .get(slot.placeholder + 1..slot.label_end)
            .unwrap_or_default()
    }

    /// Entry `slot`'s value key, once made.
    fn key_of(&self, slot: &Slot) -> Option<&str> {
        slot.key.and_then(|(start, end)| self.keys.get(start..end))
    }

    /// Makes entry `i`'s value key, unless it has one.
    fn make_key(&mut self, i: usize) {
        let Some(&slot) = self.slots.get(i).filter(|slot| slot.key.is_none()) else {
            return;
        };
        let label = self.store.get(slot.placeholder + 1..slot.label_end);
        let original = self.store.get(slot.original..slot.placeholder);
        let (label, original) = (label.unwrap_or_default(), original.unwrap_or_default());
        let start = self.keys.len();
        value_key(&mut self.keys, label, slot.kind, original);
        let end = self.keys.len();
        if let Some(slot) = self.slots.get_mut(i) {
            slot.key = Some((start, end));
        }
    }

    /// The keyed hash of entry `i`'s value key, made if it has none.
    fn entry_hash(&mut self, i: usize) -> u64 {
        self.make_key(i);
        let key = self.slots.get(i).and_then(|slot| self.key_of(slot));
        self.hash_key.hash_one(key.unwrap_or_default())
    }

    /// The newest entry whose value key is `keys[key.0..key.1]` (hashed to `hash` when the vault
    /// is indexed; a small vault compares the keys from the newest entry back, where entries of
    /// other labels have none or another).
    fn find_key(&self, hash: Option<u64>, key: (usize, usize)) -> Option<usize> {
        let key = self.keys.get(key.0..key.1)?;
        let Some(hash) = hash else {
            return self
                .slots
                .iter()
                .rposition(|slot| self.key_of(slot) == Some(key));
        };
        let mut at = self.by_value.get(&hash).copied();
        while let Some(i) = at {
            let slot = self.slots.get(i)?;
            if self.key_of(slot) == Some(key) {
                return Some(i);
            }
            at = slot.same_hash;
        }
        None
    }

    /// Records `slot`, whose original and placeholder were just appended to `store` (and whose
    /// value key, if made, hashes to `hash` when the vault is indexed), indexing the vault once
    /// it holds [`INDEXED_FROM`] entries.
    fn push_slot(&mut self, slot: Slot, hash: Option<u64>) {
        let index = self.slots.len();
        self.slots.push(slot);
        if index + 1 == INDEXED_FROM && self.by_value.is_empty() {
            self.index_by_value();
        } else if index >= INDEXED_FROM {
            let hash = match hash {
                Some(hash) => hash,
                None => self.entry_hash(index),
            };
            let same_hash = self.by_value.insert(hash, index);
            if let Some(slot) = self.slots.get_mut(index) {
                slot.same_hash = same_hash;
            }
        }
        self.by_placeholder.take();
    }

    /// Hashes every entry's value key (making those not made yet) into [`Vault::by_value`],
    /// oldest first, so that each hash leads to its newest entry as if they had been hashed when
    /// made.
    fn index_by_value(&mut self) {
        self.by_value.reserve(self.slots.len());
        for i in 0..self.slots.len() {
            let hash = self.entry_hash(i);
            let same_hash = self.by_value.insert(hash, i);
            if let Some(slot) = self.slots.get_mut(i) {
                slot.same_hash = same_hash;
            }
        }
    }

    /// The placeholder for `value` of `kind`, labelled `label` (`[EMAIL_1]`), made on first use.
    #[cfg(test)]
    pub(crate) fn pseudonym(&mut self, label: &str, kind: Kind, value: &str) -> String {
        let mut out = String::new();
        self.push_pseudonym(&mut out, &label.to_ascii_uppercase(), kind, value);
        out
    }

    /// Appends the placeholder for `value` of `kind` to `out`, labelled `label` (`[EMAIL_1]`
    /// for `EMAIL`: [`crate::Guard::label`]), made on first use.
    pub(crate) fn push_pseudonym(
        &mut self,
        out: &mut String,
        label: &str,
        kind: Kind,
        value: &str,
    ) {
        // Only an entry of the same label can stand for the value: unless the vault is indexed,
        // the value key is made only when there is one (and so are that entry's and its like).
        let indexed = self.indexed();
        let mut compare = indexed;
        if !indexed {
            for i in 0..self.slots.len() {
                if self
                    .slots
                    .get(i)
                    .is_some_and(|slot| self.label_of(slot) == label)
                {
                    self.make_key(i);
                    compare = true;
                }
            }
        }
        let (mut key, mut hash) = (None, None);
        if compare {
            // The key is written after the others, and wiped and cut off again if the value is
            // known.
            let start = self.keys.len();
            value_key(&mut self.keys, label, kind, value);
            key = Some((start, self.keys.len()));
            if indexed {
                hash = self.keys.get(start..).map(|k| self.hash_key.hash_one(k));
            }
            if let Some(found) = key.and_then(|key| self.find_key(hash, key)) {
                if let Some(made) = self.keys.get_mut(start..) {
                    made.zeroize();
                }
                self.keys.truncate(start);
                if let Some(slot) = self.slots.get(found) {
                    out.push_str(self.placeholder_of(slot));
                }
                return;
            }
        }
        // The original, then the placeholder built around the label: `[`, the label, `_N]`.
        reserve_wiping(&mut self.store, value.len() + label.len() + 16);
        let original = self.store.len();
        self.store.push_str(value);
        let placeholder = self.store.len();
        self.store.push('[');
        self.store.push_str(label);
        let label_end = self.store.len();
        let n = self.counters.next(label);
        self.store.push('_');
        push_decimal(&mut self.store, n as usize);
        self.store.push(']');
        out.push_str(self.store.get(placeholder..).unwrap_or_default());
        let slot = Slot {
            key,
            kind,
            original,
            placeholder,
            label_end,
            end: self.store.len(),
            same_hash: None,
        };
        self.push_slot(slot, hash);
    }

    /// Keeps the placeholders this vault makes from now on clear of those already in `text`
    /// (text another layer pseudonymised, such as the browser widget's `[EMAIL_1]`): after
    /// `[LABEL_N]` is seen, new `LABEL` placeholders are numbered above `N`, so neither layer's
    /// restore puts its value where the other meant a different one. Numbers above
    /// `u32::MAX / 2` are ignored (no one made those; numbering must not overflow). Linear in
    /// `text`.
    pub fn reserve_placeholders_in(&mut self, text: &str) {
        let bytes = text.as_bytes();
        for open in memchr::memchr_iter(b'[', bytes) {
            let limit = (open + MAX_PLACEHOLDER).min(bytes.len());
            let Some(inner) = bytes
                .get(open + 1..limit)
                .and_then(|rest| memchr::memchr(b']', rest))
                .and_then(|len| text.get(open + 1..open + 1 + len))
            else {
                continue;
            };
            let Some((label, number)) = inner.rsplit_once('_') else {
                continue;
            };
            let label_ok = !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if !label_ok || number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let Some(n) = number
                .parse::<u32>()
                .ok()
                .filter(|&n| n <= MAX_FOREIGN_NUMBER)
            else {
                continue;
            };
            let counter = self.counters.entry(label);
            *counter = (*counter).max(n);
        }
    }

    /// The original behind a placeholder such as `[EMAIL_1]`.
    pub fn original(&self, placeholder: &str) -> Option<&str> {
        let by_placeholder = self.by_placeholder.get_or_init(|| {
            // In order, so that a placeholder listed twice (a sealed vault may hold anything)
            // names its last entry.
            let mut map = HashMap::with_capacity(self.slots.len());
            for (i, (placeholder, _)) in self.entries().enumerate() {
                map.insert(placeholder.to_owned(), i);
            }
            map
        });
        by_placeholder
            .get(placeholder)
            .and_then(|&i| self.slots.get(i))
            .map(|slot| self.original_of(slot))
    }

    /// True when `text` is the beginning (not the whole) of a placeholder this vault made.
    fn begins_placeholder(&self, text: &str) -> bool {
        self.entries()
            .any(|(placeholder, _)| placeholder.len() > text.len() && placeholder.starts_with(text))
    }

    /// Puts the originals back in place of every placeholder this vault made. Unknown
    /// bracketed text is left as it is.
    pub fn restore(&self, text: &str) -> String {
        let text = Table(text);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let bytes = text.as_bytes();
        for open in memchr::memchr_iter(b'[', bytes) {
            if open < at {
                continue;
            }
            let limit = (open + MAX_PLACEHOLDER).min(bytes.len());
            let Some(close) = memchr::memchr(b']', &bytes[open..limit]).map(|c| open + c) else {
                continue;
            };
            if let Some(original) = self.original(&text[open..=close]) {
                out.push_str(&text[at..open]);
                out.push_str(original);
                at = close + 1;
            }
        }
        out.push_str(&text[at..]);
        out
    }

    /// A streaming restorer that puts originals back in text arriving in chunks, even when a
    /// placeholder is split across chunks.
    pub fn restorer(&self) -> Restorer<'_> {
        Restorer {
            vault: self,
            state: PendingRestore::default(),
        }
    }

    /// The vault's entries in clear, as JSON bytes: `[[placeholder, original], ...]`. Only for a
    /// caller that seals them itself before they leave memory (the browser widget encrypts them
    /// with WebCrypto's AES-GCM under a non-extractable key); elsewhere use [`Vault::seal`].
    /// [`Vault::import_unsealed`] reads them back.
    pub fn export_unsealed(&self) -> Vec<u8> {
        serde_json::to_vec(&self.entries().collect::<Vec<_>>()).unwrap_or_default()
    }

    /// Seals the vault with XChaCha20-Poly1305 under `key`. `nonce` must be fresh random bytes
    /// (the caller supplies randomness: `crypto.getRandomValues` in the browser, the OS elsewhere).
    #[cfg(feature = "seal")]
    pub fn seal(&self, key: &[u8; 32], nonce: [u8; 24]) -> Vec<u8> {
        let mut plain = self.export_unsealed();
        let cipher = XChaCha20Poly1305::new(key.into());
        let sealed = cipher.encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plain,
                aad: SEAL_MAGIC,
            },
        );
        plain.zeroize();
        let mut out = Vec::with_capacity(4 + 24 + plain.len() + 16);
        out.extend_from_slice(SEAL_MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed.unwrap_or_default());
        out
    }

    /// Opens a vault sealed by [`Vault::seal`].
    #[cfg(feature = "seal")]
    pub fn open(sealed: &[u8], key: &[u8; 32]) -> Result<Vault, VaultError> {
        if sealed.len() < 4 + 24 + 16 || &sealed[..4] != SEAL_MAGIC {
            return Err(VaultError(VaultErrorKind::Format));
        }
        let cipher = XChaCha20Poly1305::new(key.into());
        let mut plain = cipher
            .decrypt(
                XNonce::from_slice(&sealed[4..28]),
                Payload {
                    msg: &sealed[28..],
                    aad: SEAL_MAGIC,
                },
            )
            .map_err(|_| VaultError(VaultErrorKind::Decrypt))?;
        let vault = Vault::import_unsealed(&plain);
        plain.zeroize();
        vault
    }

    /// Reads a vault back from [`Vault::export_unsealed`]'s bytes. Malformed bytes are a
    /// [`VaultError`], never a panic.
    pub fn import_unsealed(plain: &[u8]) -> Result<Vault, VaultError> {
        // Read as plain JSON values rather than through serde's typed deserializer: its error
        // machinery (and float formatting) would otherwise be linked into the browser module.
        let parsed: Result<serde_json::Value, _> = serde_json::from_slice(plain);
        let entries = parsed
            .ok()
            .and_then(|value| match value {
                serde_json::Value::Array(items) => items
                    .into_iter()
                    .map(|pair| match pair {
                        serde_json::Value::Array(pair) => {
                            match <[serde_json::Value; 2]>::try_from(pair) {
                                Ok(
                                    [serde_json::Value::String(p), serde_json::Value::String(o)],
                                ) => Some((p, o)),
                                _ => None,
                            }
                        }
                        _ => None,
                    })
                    .collect::<Option<Vec<(String, String)>>>(),
                _ => None,
            })
            .ok_or(VaultError(VaultErrorKind::Format))?;
        let mut vault = Vault::new();
        for (placeholder, original) in entries {
            let Some((label, n)) = placeholder
                .strip_prefix('[')
                .and_then(|p| p.strip_suffix(']'))
                .and_then(|p| p.rsplit_once('_'))
            else {
                return Err(VaultError(VaultErrorKind::Format));
            };
            let number: u32 = n
                .parse()
                .ok()
                .filter(|&n| n <= MAX_FOREIGN_NUMBER)
                .ok_or(VaultError(VaultErrorKind::Format))?;
            let count = vault.counters.entry(label);
            *count = (*count).max(number);
            let kind = Kind::from_name(&label.to_ascii_lowercase()).unwrap_or(Kind::Custom(0));
            let label_len = label.len();
            reserve_wiping(&mut vault.store, original.len() + placeholder.len());
            let original_at = vault.store.len();
            vault.store.push_str(&original);
            let placeholder_at = vault.store.len();
            vault.store.push_str(&placeholder);
            let slot = Slot {
                key: None,
                kind,
                original: original_at,
                placeholder: placeholder_at,
                label_end: placeholder_at + 1 + label_len,
                end: vault.store.len(),
                same_hash: None,
            };
            vault.push_slot(slot, None);
        }
        Ok(vault)
    }
}

/// Restores placeholders in a stream of chunks; holds back only text that begins one of the
/// vault's placeholders.
#[derive(Debug)]
pub struct Restorer<'v> {
    vault: &'v Vault,
    state: PendingRestore,
}

impl Restorer<'_> {
    /// Takes the next chunk and appends what can already be shown to `out`.
    pub fn push(&mut self, chunk: &str, out: &mut String) {
        self.state.push(self.vault, chunk, out);
    }

    /// Flushes whatever is held back.
    pub fn finish(mut self, out: &mut String) {
        self.state.finish(self.vault, out);
    }
}

/// The held-back text of a streaming restore, without a borrow of the vault: for callers that
/// keep the vault and the stream in separate places across calls (the browser widget, whose
/// vault outlives each streamed reply). [`Restorer`] is this plus the vault.
#[derive(Debug, Default)]
pub struct PendingRestore {
    pending: String,
}

impl PendingRestore {
    /// Takes the next chunk and appends what can already be shown, restored from `vault`, to `out`.
    pub fn push(&mut self, vault: &Vault, chunk: &str, out: &mut String) {
        self.pending.push_str(chunk);
        // Everything before the first '[' that still begins one of the vault's placeholders is
        // final: `[see the docs` or `[EMAIL_9` (when the vault has no ninth email) is shown at once.
        let tail_from = self.pending.len().saturating_sub(MAX_PLACEHOLDER);
        let keep_from = self
            .pending
            .match_indices('[')
            .map(|(open, _)| open)
            .filter(|&open| open >= tail_from)
            .find(|&open| vault.begins_placeholder(&self.pending[open..]))
            .unwrap_or(self.pending.len());
        let ready: String = self.pending.drain(..keep_from).collect();
        out.push_str(&vault.restore(&ready));
    }

    /// Flushes whatever is held back, restored from `vault`, and starts over empty.
    pub fn finish(&mut self, vault: &Vault, out: &mut String) {
        let rest = core::mem::take(&mut self.pending);
        out.push_str(&vault.restore(&rest));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_all_replaces_as_str_replace_does() {
        // Synthetic spellings, overlapping and repeated forms, non-ASCII around them.
        let texts = [
            "",
            "jane (at) example (dot) com",
            "(at)(at)(at)",
            "((at)at)",
            "  at  at at ",
            "ｊａｎｅ [at] bücher [dot] de [dot]",
            "no form here",
            "(at",
        ];
        for text in texts {
            for (from, to) in [
                ("(at)", "@"),
                (" at ", "@"),
                ("[dot]", "."),
                ("a", "aa"),
                ("é", "e"),
            ] {
                assert_eq!(
                    replace_all(text, from, to),
                    text.replace(from, to),
                    "{text:?} {from:?}"
                );
            }
        }
    }

    #[test]
    fn a_value_key_fits_the_room_made_for_it() {
        // U+FDFA expands to 18 characters under NFKC: the key must still be written into the
        // room reserved (and wiped when moved), never by a reallocation that leaves a copy.
        for value in [
            "\u{FDFA}".repeat(40),
            "Ǆ".repeat(30),
            "x@example.com".to_owned(),
        ] {
            let mut key = String::new();
            value_key(&mut key, "EMAIL", Kind::Email, &value);
            let room = 21 + "EMAIL".len() + canonical(Kind::Email, &value).len();
            let room = if value.is_ascii() {
                21 + "EMAIL".len() + value.len()
            } else {
                room
            };
            assert_eq!(key.capacity(), room, "{value}");
            assert!(key.ends_with(&canonical(Kind::Email, &value)));
        }
    }

    #[test]
    fn placeholders_already_in_the_text_are_not_made_again() {
        let mut v = Vault::new();
        v.reserve_placeholders_in(
            "mail [EMAIL_1], card [CREDIT_CARD_3], [EMAIL_x] [email_9] [_2] [EMAIL_] [EMAIL_+4] \
             [EMAIL_99999999999] [EMAIL_4294967295] [EMAIL_2",
        );
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "leak@example.org"),
            "[EMAIL_2]"
        );
        assert_eq!(
            v.pseudonym("CREDIT_CARD", Kind::CreditCard, "4012888888881881"),
            "[CREDIT_CARD_4]"
        );
        assert_eq!(
            v.pseudonym("PHONE", Kind::Phone, "+1 202 555 0100"),
            "[PHONE_1]"
        );
        // Nothing was stored: only numbering moved.
        assert_eq!(v.original("[EMAIL_1]"), None);
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn many_values_keep_their_placeholders_as_the_buffer_grows() {
        // Synthetic card-like values; enough of them to move the buffer several times.
        let mut v = Vault::new();
        let values: Vec<String> = (0..500).map(|i| format!("4000 0000 {i:04} 0000")).collect();
        let first: Vec<String> = values
            .iter()
            .map(|value| v.pseudonym("credit_card", Kind::CreditCard, value))
            .collect();
        assert_eq!(first[0], "[CREDIT_CARD_1]");
        assert_eq!(first[499], "[CREDIT_CARD_500]");
        for (value, placeholder) in values.iter().zip(&first).rev() {
            // Another spelling of the same value finds the same entry.
            let respelled = value.replace(' ', "-");
            assert_eq!(
                &v.pseudonym("credit_card", Kind::CreditCard, &respelled),
                placeholder
            );
            assert_eq!(v.original(placeholder), Some(value.as_str()));
        }
        assert_eq!(v.len(), 500);
        let again = Vault::import_unsealed(&v.export_unsealed()).expect("round trip");
        assert_eq!(again.export_unsealed(), v.export_unsealed());
        assert_eq!(again.restore(&first[123]), values[123]);
    }

    #[test]
    fn same_value_same_placeholder() {
        let mut v = Vault::new();
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "Jane@Example.com"),
            "[EMAIL_1]"
        );
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "jane@example.com"),
            "[EMAIL_1]"
        );
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            "[EMAIL_1]"
        );
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "jane (at) example (dot) com"),
            "[EMAIL_1]"
        );
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "bob@example.com"),
            "[EMAIL_2]"
        );
        assert_eq!(
            v.pseudonym("CREDIT_CARD", Kind::CreditCard, "4012 8888 8888 1881"),
            "[CREDIT_CARD_1]"
        );
        assert_eq!(
            v.pseudonym("CREDIT_CARD", Kind::CreditCard, "4012-8888-8888-1881"),
            "[CREDIT_CARD_1]"
        );
        assert_eq!(
            v.restore("to [EMAIL_2] and [EMAIL_1], [EMAIL_3] [x"),
            "to bob@example.com and Jane@Example.com, [EMAIL_3] [x"
        );
    }

    #[test]
    fn values_keep_their_placeholder_before_and_after_the_vault_indexes_them() {
        let mut v = Vault::new();
        let mut first_seen: Vec<u64> = Vec::new();
        for i in 0..(3 * INDEXED_FROM as u64) {
            // Repeats old values and new ones, written with and without spaces.
            let n = (i * 7) % (2 * INDEXED_FROM as u64 + 3);
            let spaced = if i % 2 == 0 {
                format!("4012 {n:04}")
            } else {
                format!("4012{n:04}")
            };
            let number = match first_seen.iter().position(|&m| m == n) {
                Some(at) => at + 1,
                None => {
                    first_seen.push(n);
                    first_seen.len()
                }
            };
            assert_eq!(
                v.pseudonym("CREDIT_CARD", Kind::CreditCard, &spaced),
                format!("[CREDIT_CARD_{number}]"),
                "value {i}"
            );
        }
        assert!(v.indexed());
        assert_eq!(v.len(), first_seen.len());
    }

    #[test]
    fn placeholders_follow_label_and_canonical_value_across_indexing_and_import() {
        // The model: one number per (label, canonical value), counted per label. Synthetic
        // values, respelled with separators and case; labels shared by several kinds' values.
        let labels = [
            ("email", Kind::Email),
            ("phone", Kind::Phone),
            ("credit_card", Kind::CreditCard),
            ("person", Kind::Person),
            // More short labels than the vault keeps inline.
            ("iban", Kind::Iban),
            ("ip_address", Kind::IpAddress),
            ("a_rather_long_custom_label", Kind::Custom(0)),
        ];
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..40 {
            let mut v = Vault::new();
            let mut model: HashMap<(String, String), String> = HashMap::new();
            let mut counts: HashMap<String, u32> = HashMap::new();
            let steps = 1 + next(3 * INDEXED_FROM as u64) as usize;
            for step in 0..steps {
                let (name, kind) = labels[next(labels.len() as u64) as usize];
                let n = next(6);
                let value = match (kind, next(3)) {
                    (Kind::Email, 0) => format!("User{n}@Example.com"),
                    (Kind::Email, _) => format!("user{n}@example.com"),
                    (_, 0) => format!("Ab {n}0-1{n}"),
                    (_, 1) => format!("ab{n}01{n}"),
                    _ => format!("AB.{n}01.{n}"),
                };
                let label = name.to_ascii_uppercase();
                let want = model
                    .entry((label.clone(), canonical(kind, &value)))
                    .or_insert_with(|| {
                        let count = counts.entry(label.clone()).or_insert(0);
                        *count += 1;
                        format!("[{label}_{count}]")
                    })
                    .clone();
                assert_eq!(
                    v.pseudonym(name, kind, &value),
                    want,
                    "round {round} step {step}"
                );
                assert!(v.original(&want).is_some());
                if next(7) == 0 {
                    v = Vault::import_unsealed(&v.export_unsealed()).expect("round trip");
                }
            }
            assert_eq!(v.len(), model.len(), "round {round}");
        }
    }

    #[test]
    fn a_lent_vault_is_empty_for_every_use_even_after_a_panic() {
        let lent_is_empty = || {
            LENT.with(|cell| {
                let kept = cell.take();
                let empty = kept.as_ref().is_some_and(|v| {
                    v.is_empty()
                        && v.store.is_empty()
                        && v.keys.is_empty()
                        && v.counters.inline_len == 0
                });
                cell.set(kept);
                empty
            })
        };
        // Synthetic values.
        let placeholders = with_lent_vault(|v| {
            assert!(v.is_empty());
            let first = v.pseudonym("EMAIL", Kind::Email, "a@example.com");
            // A nested use gets a vault of its own.
            let nested = with_lent_vault(|inner| {
                assert!(inner.is_empty());
                inner.pseudonym("EMAIL", Kind::Email, "b@example.com")
            });
            let again = v.pseudonym("EMAIL", Kind::Email, "A@Example.com");
            (first, nested, again)
        });
        assert_eq!(
            placeholders,
            ("[EMAIL_1]".into(), "[EMAIL_1]".into(), "[EMAIL_1]".into())
        );
        assert!(lent_is_empty());
        let panicked = std::panic::catch_unwind(|| {
            with_lent_vault(|v| {
                v.pseudonym("PHONE", Kind::Phone, "+44 20 7946 0000");
                panic!("synthetic");
            })
        });
        assert!(panicked.is_err());
        assert!(lent_is_empty());
        with_lent_vault(|v| {
            assert_eq!(
                v.pseudonym("PHONE", Kind::Phone, "+1 202 555 0100"),
                "[PHONE_1]"
            );
        });
    }

    #[test]
    fn decimals_are_what_format_writes() {
        for n in (0..1_000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn labels_short_and_long_count_apart() {
        let mut v = Vault::new();
        let short = "A".repeat(Counters::SHORT);
        let long = "A".repeat(Counters::SHORT + 1);
        for (label, value, want) in [
            (short.as_str(), "1", 1),
            (long.as_str(), "2", 1),
            ("A", "3", 1),
            (short.as_str(), "4", 2),
            (long.as_str(), "5", 2),
            (short.as_str(), "1", 1),
        ] {
            let placeholder = v.pseudonym(label, Kind::Custom(0), value);
            assert_eq!(placeholder, format!("[{label}_{want}]"));
        }
        v.reserve_placeholders_in(&format!("[{long}_7] [{short}_9]"));
        assert_eq!(
            v.pseudonym(&long, Kind::Custom(0), "6"),
            format!("[{long}_8]")
        );
        assert_eq!(
            v.pseudonym(&short, Kind::Custom(0), "6"),
            format!("[{short}_10]")
        );
    }

    #[test]
    fn exported_vault_imports_and_malformed_bytes_are_errors() {
        let mut v = Vault::new();
        v.pseudonym("EMAIL", Kind::Email, "jane@example.com");
        v.pseudonym("PHONE", Kind::Phone, "+44 20 7946 0958");
        let mut imported = Vault::import_unsealed(&v.export_unsealed()).expect("imports");
        assert_eq!(
            imported.restore("[PHONE_1] [EMAIL_1]"),
            "+44 20 7946 0958 jane@example.com"
        );
        // The same value keeps its placeholder; counters continue after the imported ones.
        assert_eq!(
            imported.pseudonym("EMAIL", Kind::Email, "Jane@Example.com"),
            "[EMAIL_1]"
        );
        assert_eq!(
            imported.pseudonym("EMAIL", Kind::Email, "new@example.com"),
            "[EMAIL_2]"
        );
        for bad in [
            &b""[..],
            b"{",
            b"{}",
            b"[[\"[EMAIL_1]\"]]",
            b"[[\"EMAIL_1\", \"x\"]]",
            b"[[\"[EMAIL_x]\", \"x\"]]",
            b"[[1, 2]]",
            // Synthetic: a number so high that counting on from it would overflow.
            b"[[\"[EMAIL_4294967295]\", \"x@example.com\"]]",
            b"[[\"[EMAIL_2147483648]\", \"x@example.com\"]]",
        ] {
            assert_eq!(
                Vault::import_unsealed(bad).unwrap_err().0,
                VaultErrorKind::Format,
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn imported_numbers_up_to_the_bound_keep_counting() {
        // Synthetic values.
        let mut v = Vault::import_unsealed(b"[[\"[EMAIL_2147483647]\", \"a@example.com\"]]")
            .expect("the highest allowed number imports");
        assert_eq!(
            v.pseudonym("EMAIL", Kind::Email, "b@example.com"),
            "[EMAIL_2147483648]"
        );
    }

    #[cfg(feature = "seal")]
    #[test]
    fn sealed_vault_round_trips_and_rejects_tampering() {
        let mut v = Vault::new();
        v.pseudonym("EMAIL", Kind::Email, "jane@example.com");
        v.pseudonym("PHONE", Kind::Phone, "+44 20 7946 0958");
        let key = [7u8; 32];
        let sealed = v.seal(&key, [1u8; 24]);
        let opened = Vault::open(&sealed, &key).expect("opens");
        assert_eq!(
            opened.restore("[PHONE_1] [EMAIL_1]"),
            "+44 20 7946 0958 jane@example.com"
        );
        let mut reopened = opened.clone();
        assert_eq!(
            reopened.pseudonym("EMAIL", Kind::Email, "new@example.com"),
            "[EMAIL_2]"
        );
        assert_eq!(
            Vault::open(&sealed, &[8u8; 32]).unwrap_err().0,
            VaultErrorKind::Decrypt
        );
        let mut bad = sealed.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(Vault::open(&bad, &key).is_err());
        assert_eq!(
            Vault::open(b"nope", &key).unwrap_err().0,
            VaultErrorKind::Format
        );
    }

    #[test]
    fn restorer_handles_placeholders_split_anywhere() {
        let mut v = Vault::new();
        v.pseudonym("EMAIL", Kind::Email, "jane@example.com");
        let text = "Hi [EMAIL_1], your [x] is [EMAIL_1].";
        let expected = v.restore(text);
        for split in 0..=text.len() {
            for split2 in split..=text.len() {
                let mut r = v.restorer();
                let mut out = String::new();
                r.push(&text[..split], &mut out);
                r.push(&text[split..split2], &mut out);
                r.push(&text[split2..], &mut out);
                r.finish(&mut out);
                assert_eq!(out, expected, "split at {split}/{split2}");
            }
        }
    }

    #[test]
    fn restorer_holds_back_only_what_begins_a_placeholder() {
        let mut v = Vault::new();
        v.pseudonym("EMAIL", Kind::Email, "jane@example.com");
        let mut r = v.restorer();
        let mut out = String::new();
        r.push(
            "See [the docs](https://example.com/x) and [PHONE_",
            &mut out,
        );
        // No phone placeholder in this vault: nothing can still be restored.
        assert_eq!(out, "See [the docs](https://example.com/x) and [PHONE_");
        r.push(" then [EMAIL", &mut out);
        assert!(out.ends_with(" then "), "{out}");
        r.push("_1] ok", &mut out);
        assert!(out.ends_with(" then jane@example.com ok"), "{out}");
        r.finish(&mut out);
    }

    #[test]
    fn pending_restore_is_the_restorer_without_a_borrow() {
        let mut v = Vault::new();
        v.pseudonym("EMAIL", Kind::Email, "jane@example.com");
        let mut state = PendingRestore::default();
        let mut out = String::new();
        for chunk in ["Hi [EMA", "IL_", "1], [x", "] ok [EMAIL_"] {
            state.push(&v, chunk, &mut out);
        }
        assert_eq!(out, "Hi jane@example.com, [x] ok ");
        state.finish(&v, &mut out);
        assert_eq!(out, "Hi jane@example.com, [x] ok [EMAIL_");
        state.push(&v, "[EMAIL_1]", &mut out);
        assert!(
            out.ends_with("[EMAIL_jane@example.com"),
            "finish starts over: {out}"
        );
    }
}

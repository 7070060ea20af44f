//! Every built-in context word found in one pass over a text, shared by all candidates.
//!
//! Context scoring (see [`super::context`]) asks, for each candidate, which words of a list stand
//! near it. Asked window by window, that is one lowercased copy and one automaton search per
//! candidate and list. For ASCII text the answer can be read off one search instead: the words
//! of every built-in list (supporting, generic and contrary) are compiled once into one trie, the
//! text is walked once from every position that follows no letter or digit (ASCII case folded,
//! which on ASCII text finds what a search of the lowercased text finds there, overlapping
//! occurrences included), and each window looks up the occurrences inside it. A word starting
//! inside another counts only where a window or a blanked range begins: those few positions are
//! walked when a window asks.
//!
//! The same pass tells which lists have a word anywhere in the text: a recognizer that reports
//! only next to one of its words is skipped when none of them occurs at all.
//!
//! Only ASCII text takes this path. Lowercasing other text may change byte lengths (so offsets
//! in a lowercased window differ from offsets in the text), and Hebrew or Arabic words may carry
//! attached prefixes; those texts keep the window-by-window search.

use core::ops::Range;
use std::sync::LazyLock;

use super::builtin::triggers::in_range;
use super::builtin::RECOGNIZERS;
use super::context::{matches_as_prefix, AFTER, BEFORE, CONTRARY_WORDS};
use super::hay::ONES;
use crate::table::Table;

/// A [`Lexicon::byte_facts`] bit: some word starts with the byte (ASCII case folded).
const STARTS_WORD: u8 = 2;

/// A set of word lists, one bit per list id.
type ListSet = [u64; 4];
/// How many lists a [`ListSet`] can hold.
const MAX_LISTS: usize = 256;
/// No word ends at a trie node.
const NO_WORD: u32 = u32::MAX;
/// A trie node of at most this many edges has them compared one by one; one of more looks the
/// next byte's class up in its row.
const FEW_EDGES: u32 = 2;

/// A trie node: `(first edge, edge count, word ending here or NO_WORD, row)`.
type Node = (u32, u32, u32, u32);

/// The built-in word lists compiled into one trie.
struct Lexicon {
    /// [`STARTS_WORD`] of each byte.
    byte_facts: [u8; 256],
    /// True when a word starts with a digit.
    digit_first: bool,
    /// The trie node reached from the root by each (lowercase) byte; 0 for none.
    root: [u32; 256],
    /// One bit per pair of (lowercase) bytes that is a word, or starts with a one-byte word.
    short: Vec<u64>,
    /// One bit per [`triple`] hash of the first three (lowercase) bytes of the longer words: with
    /// `short`, most positions of a text that start no word are told so at once.
    triples: Vec<u64>,
    /// The class of each byte, ASCII case folded: `1..` for the bytes the words hold (after
    /// the first), 0 for the others (no word continues with them).
    class: [u8; 256],
    /// How many classes there are, 0 included: the length of a row of `rows`.
    classes: usize,
    /// Per node: its first edge, its edge count, the word ending there (or [`NO_WORD`]), and
    /// for a node of more than [`FEW_EDGES`] edges its row of `rows` (else 0).
    nodes: Vec<Node>,
    /// Edges `(class, node)`.
    edges: Vec<(u8, u32)>,
    /// Per node of many edges, one row: the node each class leads to (0 for none).
    rows: Vec<u32>,
    /// The words by id.
    words: Vec<&'static str>,
    /// The lists holding each word, by word id.
    in_lists: Vec<ListSet>,
    /// The lists holding a word that counts only in capitals (see `context::CAPITALS_ONLY`):
    /// not in the trie, so the pass cannot tell whether they occur.
    capitals: ListSet,
    /// Per list id, the positions in the list of its words that count only in capitals.
    capitals_at: Vec<Vec<usize>>,
    /// The id of each registered list, keyed by its address and length (static data never
    /// changes, so those name its content): an open-addressing table of [`LIST_SLOTS`] slots,
    /// probed from [`slot`] on, `(0, 0)` marking an empty slot.
    lists: Vec<((usize, usize), usize)>,
    /// Per recognizer of [`RECOGNIZERS`], by position, the ids of its word lists (specific and
    /// generic, those not empty); `None` when one of them is not registered.
    by_recognizer: Vec<Option<ListSet>>,
}

fn key(words: &'static [&'static str]) -> (usize, usize) {
    (words.as_ptr() as usize, words.len())
}

/// Slots of [`Lexicon::lists`]: at least twice the lists it can hold, a power of two.
const LIST_SLOTS: usize = 2 * MAX_LISTS;

/// The slot a list's key is first looked for in.
fn slot(key: (usize, usize)) -> usize {
    address_slot(key, LIST_SLOTS)
}

/// The first slot of an open-addressing table of `slots` slots (a power of two) to look for a
/// `'static` list in, by its address and length (see [`Lexicon::lists`]; also the context
/// search's automaton cache).
pub(crate) fn address_slot(key: (usize, usize), slots: usize) -> usize {
    (key.0 >> 3 ^ key.0 >> 11 ^ key.1) % slots
}

fn contains(set: &ListSet, id: usize) -> bool {
    set.get(id / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
}

fn insert(set: &mut ListSet, id: usize) {
    if let Some(w) = set.get_mut(id / 64) {
        *w |= 1 << (id % 64);
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lists: Vec<&'static [&'static str]> = vec![CONTRARY_WORDS];
    for rec in RECOGNIZERS {
        lists.push(rec.context);
        lists.push(rec.generic);
    }
    let mut ids: Vec<((usize, usize), usize)> = Vec::new();
    let mut words: Vec<&'static str> = Vec::new();
    let mut in_lists: Vec<ListSet> = Vec::new();
    let mut capitals: ListSet = [0; 4];
    let mut capitals_at: Vec<Vec<usize>> = Vec::new();
    // The trie under construction: children and word per node, node 0 the root.
    let mut children: Table<Vec<Vec<(u8, u32)>>> = Table(vec![Vec::new()]);
    let mut ends: Table<Vec<u32>> = Table(vec![NO_WORD]);
    for list in lists {
        if list.is_empty() || ids.iter().any(|&(k, _)| k == key(list)) {
            continue;
        }
        let id = ids.len();
        if id >= MAX_LISTS {
            break;
        }
        ids.push((key(list), id));
        let at: Vec<usize> = (0..list.len())
            .filter(|&i| {
                list.get(i)
                    .is_some_and(|w| super::context::capitals_only(w))
            })
            .collect();
        if !at.is_empty() {
            insert(&mut capitals, id);
        }
        capitals_at.push(at);
        // Only ASCII text is searched, and lowercased: a word with an ASCII capital or another
        // script is never found there, nor is the empty word (it never counts).
        for &w in list.iter().filter(|w| {
            !w.is_empty()
                && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                && !super::context::capitals_only(w)
        }) {
            let mut node = 0usize;
            for b in w.bytes() {
                let next = children[node].iter().find(|e| e.0 == b).map(|e| e.1);
                node = match next {
                    Some(n) => n as usize,
                    None => {
                        children.push(Vec::new());
                        ends.push(NO_WORD);
                        let n = children.len() - 1;
                        children[node].push((b, n as u32));
                        n
                    }
                };
            }
            // A word listed before (in this list or another) ends at the same node: one id.
            if ends[node] == NO_WORD {
                words.push(w);
                in_lists.push([0; 4]);
                ends[node] = (words.len() - 1) as u32;
            }
            if let Some(set) = in_lists.get_mut(ends[node] as usize) {
                insert(set, id);
            }
        }
    }
    let by_recognizer = RECOGNIZERS
        .iter()
        .map(|rec| {
            let mut set: ListSet = [0; 4];
            for list in [rec.context, rec.generic]
                .into_iter()
                .filter(|l| !l.is_empty())
            {
                let &(_, id) = ids.iter().find(|&&(k, _)| k == key(list))?;
                insert(&mut set, id);
            }
            Some(set)
        })
        .collect();
    let mut table = vec![((0, 0), 0); LIST_SLOTS];
    for (key, id) in ids {
        let mut at = slot(key);
        while table.get(at).is_some_and(|&(k, _)| k != (0, 0)) {
            at = (at + 1) % LIST_SLOTS;
        }
        if let Some(entry) = table.get_mut(at) {
            *entry = (key, id);
        }
    }
    let mut root = [0u32; 256];
    for &(b, n) in &children[0] {
        root[usize::from(b)] = n;
    }
    let mut byte_facts = [0u8; 256];
    for (b, facts) in (0..=255u8).zip(byte_facts.iter_mut()) {
        if root[usize::from(b.to_ascii_lowercase())] != 0 {
            *facts |= STARTS_WORD;
        }
    }
    let mut short = vec![0u64; 65536 / 64];
    let mut triples = vec![0u64; TRIPLES / 64];
    let mark = |set: &mut Vec<u64>, bit: usize| {
        if let Some(w) = set.get_mut(bit / 64) {
            *w |= 1 << (bit % 64);
        }
    };
    for w in &words {
        match *w.as_bytes() {
            [b] => (0..=255).for_each(|next| mark(&mut short, pair(b, next))),
            [b, next] => mark(&mut short, pair(b, next)),
            [b0, b1, b2, ..] => mark(&mut triples, triple(b0, b1, b2)),
            [] => {}
        }
    }
    // Classes for the bytes past a word's first, each case of a letter in its class.
    let mut class = [0u8; 256];
    let mut classes = 1usize;
    for kids in children.iter().skip(1) {
        for &(b, _) in kids {
            if class[usize::from(b)] == 0 {
                let c = u8::try_from(classes).unwrap_or(0);
                class[usize::from(b)] = c;
                class[usize::from(b.to_ascii_uppercase())] = c;
                classes += 1;
            }
        }
    }
    let mut nodes = Vec::with_capacity(children.len());
    let mut edges = Vec::new();
    // Row 0 is never looked up: a node without a row has at most `FEW_EDGES` edges.
    let mut rows = vec![0u32; classes];
    for (kids, end) in children.0.into_iter().zip(ends.0) {
        let count = kids.len() as u32;
        let row = if count > FEW_EDGES {
            let at = rows.len();
            rows.resize(at + classes, 0);
            for &(b, n) in &kids {
                if let Some(slot) = rows.get_mut(at + usize::from(class[usize::from(b)])) {
                    *slot = n;
                }
            }
            (at / classes) as u32
        } else {
            0
        };
        nodes.push((edges.len() as u32, count, end, row));
        edges.extend(kids.iter().map(|&(b, n)| (class[usize::from(b)], n)));
    }
    Lexicon {
        byte_facts,
        digit_first: (b'0'..=b'9').any(|d| root[usize::from(d)] != 0),
        root,
        short,
        triples,
        class,
        classes,
        nodes,
        edges,
        rows,
        words,
        in_lists,
        capitals,
        capitals_at,
        lists: table,
        by_recognizer,
    }
});

/// The high bits of the bytes of `eight` (eight ASCII bytes) that are ASCII letters, and of
/// those that are ASCII letters or digits.
fn ascii_letters_and_alphanumerics(eight: u64) -> (u64, u64) {
    // Setting bit 5 folds capitals onto small letters, and nothing else onto them.
    let letters = in_range(eight | (0x20 * ONES), b'a', b'z');
    (letters, letters | in_range(eight, b'0', b'9'))
}

/// The [`Lexicon::short`] bit of two bytes.
fn pair(b0: u8, b1: u8) -> usize {
    usize::from(b0) << 8 | usize::from(b1)
}

/// Bits in [`Lexicon::triples`].
const TRIPLES: usize = 1 << 16;

/// The [`Lexicon::triples`] bit of three bytes: a multiplicative hash.
fn triple(b0: u8, b1: u8, b2: u8) -> usize {
    let v = u32::from(b0) | u32::from(b1) << 8 | u32::from(b2) << 16;
    (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// True when bit `bit` of `set` is set.
fn has(set: &[u64], bit: usize) -> bool {
    set.get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

impl Lexicon {
    /// Calls `found(end, word id)` for every word that `bytes[at..]` starts with (ASCII case
    /// folded), shortest first.
    #[inline(always)]
    fn each_at(&self, bytes: &[u8], at: usize, mut found: impl FnMut(usize, usize)) {
        let Some(&b) = bytes.get(at) else {
            return;
        };
        // Most positions start no context word: their first byte tells.
        if self.byte_facts[usize::from(b)] & STARTS_WORD == 0 {
            return;
        }
        let b = b.to_ascii_lowercase();
        let next = bytes.get(at + 1).map_or(0, u8::to_ascii_lowercase);
        // A word of one or two bytes, or of more whose first three the text has here.
        let long = || {
            bytes.get(at + 2).is_some_and(|&third| {
                has(&self.triples, triple(b, next, third.to_ascii_lowercase()))
            })
        };
        if !has(&self.short, pair(b, next)) && !long() {
            return;
        }
        let mut node = self.root[usize::from(b)];
        let mut i = at + 1;
        while node != 0 {
            let Some(&(first, len, word, row)) = self.nodes.get(node as usize) else {
                return;
            };
            if word != NO_WORD {
                found(i, word as usize);
            }
            let Some(&b) = bytes.get(i) else {
                return;
            };
            let c = self.class[usize::from(b)];
            // A byte no word holds, or the end of every word here (most often).
            if c == 0 || len == 0 {
                return;
            }
            node = if len > FEW_EDGES {
                self.rows
                    .get(row as usize * self.classes + usize::from(c))
                    .copied()
                    .unwrap_or(0)
            } else {
                let first = first as usize;
                self.edges
                    .get(first..first + len as usize)
                    .and_then(|edges| edges.iter().find(|e| e.0 == c))
                    .map_or(0, |e| e.1)
            };
            i += 1;
        }
    }
}

/// A word list as [`Mentions`] knows it: its words and its id (`None`: not registered), looked
/// up once for the questions asked about one candidate.
#[derive(Clone, Copy)]
pub(crate) struct Listed {
    words: &'static [&'static str],
    id: Option<usize>,
}

/// The occurrences of the built-in context words in one ASCII text.
pub(crate) struct Mentions {
    /// `(start, end, word id)` of every occurrence, overlapping ones included, by start.
    found: Vec<(usize, usize, usize)>,
    /// The lists with a word occurring somewhere in the text.
    present: ListSet,
    /// True when the text holds `[` or `]`: redaction placeholders are blanked in windows, so
    /// the windows are searched one by one.
    bracketed: bool,
    /// True when the text holds a line break.
    line_breaks: bool,
    lexicon: &'static Lexicon,
}

std::thread_local! {
    /// The list of occurrences a [`Mentions`] takes and gives back (see [`crate::scratch`]).
    static FOUND: core::cell::Cell<Option<Vec<(usize, usize, usize)>>> =
        const { core::cell::Cell::new(None) };
}

impl Drop for Mentions {
    fn drop(&mut self) {
        crate::scratch::give_back(&FOUND, core::mem::take(&mut self.found));
    }
}

impl Mentions {
    /// Searches `text` once; `None` when it is not ASCII.
    pub(crate) fn new(text: &str) -> Option<Mentions> {
        if !text.is_ascii() {
            return None;
        }
        let lexicon = &*LEXICON;
        let bytes = text.as_bytes();
        // The thread's list, given back when the mentions are dropped.
        let mut found = crate::scratch::take(&FOUND);
        let mut present = [0; 4];
        // Every word at every position that follows no letter or digit, in order of start and
        // then end. A word starting inside another counts only at the edge of a window or of a
        // blanked range: those positions are walked when asked about ([`Mentions::inside_word`]).
        let mut look = |at: usize| {
            lexicon.each_at(bytes, at, |end, w| {
                if let Some(lists) = lexicon.in_lists.get(w) {
                    for (p, l) in present.iter_mut().zip(lists) {
                        *p |= l;
                    }
                }
                found.push((at, end, w));
            });
        };
        // The starts of the words, eight bytes at a time: a letter or digit after none.
        let mut chunks = bytes.chunks_exact(8);
        let mut base = 0;
        let mut after_word = 0u64;
        for chunk in &mut chunks {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let (letters, in_word) = ascii_letters_and_alphanumerics(u64::from_le_bytes(eight));
            // No word starts with a digit, most likely: then numbers need no look.
            let first = if lexicon.digit_first {
                in_word
            } else {
                letters
            };
            let mut starts = first & !(in_word << 8 | after_word);
            after_word = in_word >> 56;
            while starts != 0 {
                look(base + starts.trailing_zeros() as usize / 8);
                starts &= starts - 1;
            }
            base += 8;
        }
        let mut prev_in_word = after_word != 0;
        for (at, b) in chunks.remainder().iter().enumerate() {
            let in_word = b.is_ascii_alphanumeric();
            if in_word && !prev_in_word {
                look(base + at);
            }
            prev_in_word = in_word;
        }
        Some(Mentions {
            found,
            present,
            bracketed: memchr::memchr2(b'[', b']', bytes).is_some(),
            line_breaks: memchr::memchr(b'\n', bytes).is_some(),
            lexicon,
        })
    }

    /// True when the text holds a line break (else windows need not look for one).
    pub(crate) fn has_line_breaks(&self) -> bool {
        self.line_breaks
    }

    /// `words` with its id, for [`Mentions::nearest`] and [`Mentions::may_hold_capitals_only`].
    pub(crate) fn listed(&self, words: &'static [&'static str]) -> Listed {
        Listed {
            words,
            id: self.list_id(words),
        }
    }

    /// The positions in `list` of its words that count only in capitals (see
    /// `context::CAPITALS_ONLY`), worked out once per list; `None` when the list is not
    /// registered.
    pub(crate) fn capitals_only_at(&self, list: Listed) -> Option<&'static [usize]> {
        let lexicon: &'static Lexicon = self.lexicon;
        lexicon.capitals_at.get(list.id?).map(Vec::as_slice)
    }

    /// The id of a registered list; `None` for any other list.
    fn list_id(&self, words: &'static [&'static str]) -> Option<usize> {
        let key = key(words);
        let mut at = slot(key);
        loop {
            match *self.lexicon.lists.get(at)? {
                (k, id) if k == key => return Some(id),
                ((0, 0), _) => return None,
                _ => at = (at + 1) % LIST_SLOTS,
            }
        }
    }

    /// Whether windows of this text can be searched for `words` in the one pass: `None` when
    /// not (a placeholder may need blanking, or the list is not registered), `Some(None)` when
    /// no word of the list occurs in the text at all — neither where the pass looked nor in
    /// `inside` — otherwise the list's id.
    fn searchable(&self, list: Listed, inside: &[(usize, usize, usize)]) -> Option<Option<usize>> {
        if self.bracketed {
            return None;
        }
        if list.words.is_empty() {
            return Some(None);
        }
        let id = list.id?;
        let occurs = contains(&self.present, id)
            || inside.iter().any(|&(_, _, w)| {
                self.lexicon
                    .in_lists
                    .get(w)
                    .is_some_and(|l| contains(l, id))
            });
        Some(occurs.then_some(id))
    }

    /// The words starting at `at` when `at` lies inside a word of `text` (after a letter or
    /// digit), as `(start, end, word id)`: the pass skipped such positions, and they count only
    /// where a window or a blanked range makes them a word's start.
    fn inside_word(&self, text: &str, at: usize, into: &mut Vec<(usize, usize, usize)>) {
        let bytes = text.as_bytes();
        if at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric) {
            self.lexicon
                .each_at(bytes, at, |end, w| into.push((at, end, w)));
        }
    }

    /// False only when no word of `words` starts anywhere in the text after a non-word byte (so
    /// none can stand near a candidate, but for one glued to the candidate's end: `123vat`).
    /// Unregistered lists, and lists with a word that counts only in capitals, may always occur.
    /// (The recognizer loop asks [`Mentions::recognizer_words_may_occur`]; this is its oracle.)
    #[cfg(test)]
    pub(crate) fn may_occur(&self, words: &'static [&'static str]) -> bool {
        if words.is_empty() {
            return false;
        }
        self.list_id(words)
            .is_none_or(|id| contains(&self.present, id) || contains(&self.lexicon.capitals, id))
    }

    /// [`Mentions::may_occur`] of either word list of the recognizer at position `at` of
    /// [`RECOGNIZERS`], read off the lists' ids kept for it.
    pub(crate) fn recognizer_words_may_occur(&self, at: usize) -> bool {
        let Some(Some(lists)) = self.lexicon.by_recognizer.get(at) else {
            return true;
        };
        lists
            .iter()
            .zip(&self.present)
            .zip(&self.lexicon.capitals)
            .any(|((l, p), c)| l & (p | c) != 0)
    }

    /// False only when `words` is a registered list without a word that counts only in
    /// capitals (see `context::CAPITALS_ONLY`).
    pub(crate) fn may_hold_capitals_only(&self, list: Listed) -> bool {
        list.id
            .is_none_or(|id| contains(&self.lexicon.capitals, id))
    }

    /// The word of `words` nearest to a candidate ending at `end`, whose window `parts` cuts
    /// as `before` (ending at the candidate's start) and `after` (starting at `end`), with its
    /// distance, as the window-by-window search finds it: `Some(None)` when there is none,
    /// `None` when this text or list cannot be answered from the one pass. The window is cut
    /// only when a word of the list occurs in the text.
    pub(crate) fn nearest(
        &self,
        text: &str,
        end: usize,
        parts: impl FnOnce() -> (Range<usize>, Range<usize>),
        list: Listed,
    ) -> Option<Option<(&'static str, usize)>> {
        let words = list.words;
        // Words before the candidate that start inside a word never count: starting at
        // `before.start` or earlier, they end farther than `BEFORE` from it (`window_parts`
        // reaches `LONGEST_WORD` bytes beyond), unless the part starts its line.
        let mut inside = Vec::new();
        self.inside_word(text, end, &mut inside);
        let Some(id) = self.searchable(list, &inside)? else {
            return Some(None);
        };
        let (before, after) = parts();
        let bytes = text.as_bytes();
        let word_char = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
        // A word stands as a word in a window part `lo..hi` when it starts the part or follows a
        // non-word byte, and (under four letters) ends the part or precedes one.
        let stands = |s: usize, e: usize, lo: usize, hi: usize, word: &str| {
            (s == lo || !word_char(s - 1)) && (matches_as_prefix(word) || e == hi || !word_char(e))
        };
        let mut best: Option<(usize, usize)> = None;
        let mut offer = |d: usize, word: &'static str| {
            // The first listed copy of the word, as the per-list search reports it.
            if let Some(i) = words.iter().position(|w| *w == word) {
                if best.is_none_or(|b| (d, i) < b) {
                    best = Some((d, i));
                }
            }
        };
        let from = self.found.partition_point(|&(s, _, _)| s < before.start);
        let to = from + self.found[from..].partition_point(|&(s, _, _)| s < after.end);
        for &(s, e, w) in self.found[from..to].iter().chain(&inside) {
            let Some(word) = self.lexicon.words.get(w).copied() else {
                continue;
            };
            if !self
                .lexicon
                .in_lists
                .get(w)
                .is_some_and(|l| contains(l, id))
            {
                continue;
            }
            if s < before.end {
                if e <= before.end
                    && before.end - e <= BEFORE
                    && stands(s, e, before.start, before.end, word)
                {
                    offer(before.end - e, word);
                }
            } else if s >= after.start
                && e <= after.end
                && s - after.start <= AFTER
                && stands(s, e, after.start, after.end, word)
            {
                offer(s - after.start, word);
            }
        }
        Some(best.and_then(|(d, i)| Some((*words.get(i)?, d))))
    }

    /// The index of the first-listed word of `words` standing as a word in `window` once the
    /// ranges `blanked` are overwritten with spaces, as the search of that rewritten window
    /// finds it: `Some(None)` when there is none, `None` when this text or list cannot be
    /// answered from the one pass.
    ///
    /// Blanking can hide words and make word boundaries, both read off the pass. It could only
    /// make a new word out of a blanked range lying inside it, where the word has spaces: no
    /// listed word has two spaces in a row or a space at an end, so ranges of two bytes or more
    /// never do, and a shorter one is left to the window search.
    pub(crate) fn first_listed(
        &self,
        text: &str,
        window: Range<usize>,
        words: &'static [&'static str],
        blanked: impl Iterator<Item = (usize, usize)> + Clone,
    ) -> Option<Option<usize>> {
        if blanked.clone().any(|(s, e)| s < e && e - s < 2) {
            return None;
        }
        let mut inside = Vec::new();
        self.inside_word(text, window.start, &mut inside);
        for (_, end) in blanked.clone() {
            if end < window.end {
                self.inside_word(text, end, &mut inside);
            }
        }
        let Some(id) = self.searchable(self.listed(words), &inside)? else {
            return Some(None);
        };
        let bytes = text.as_bytes();
        let is_blank = |at: usize| blanked.clone().any(|(s, e)| s <= at && at < e);
        let word_char =
            |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) && !is_blank(at);
        let mut first: Option<usize> = None;
        let from = self.found.partition_point(|&(s, _, _)| s < window.start);
        let to = from + self.found[from..].partition_point(|&(s, _, _)| s < window.end);
        for &(s, e, w) in self.found[from..to].iter().chain(&inside) {
            if s < window.start
                || s >= window.end
                || e > window.end
                || !self
                    .lexicon
                    .in_lists
                    .get(w)
                    .is_some_and(|l| contains(l, id))
            {
                continue;
            }
            let Some(word) = self.lexicon.words.get(w).copied() else {
                continue;
            };
            if blanked.clone().any(|(bs, be)| bs < e && s < be) {
                continue;
            }
            let starts = s == window.start || !word_char(s - 1);
            let ends = matches_as_prefix(word) || e == window.end || !word_char(e);
            if starts && ends {
                if let Some(i) = words.iter().position(|x| *x == word) {
                    if first.is_none_or(|f| i < f) {
                        first = Some(i);
                    }
                }
            }
        }
        Some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recognizer_list_is_registered() {
        let lexicon = &*LEXICON;
        for rec in RECOGNIZERS {
            for list in [rec.context, rec.generic] {
                assert!(list.is_empty() || lexicon.lists.iter().any(|&(k, _)| k == key(list)));
            }
        }
        assert!(lexicon.lists.iter().any(|&(k, _)| k == key(CONTRARY_WORDS)));
        let registered = lexicon.lists.iter().filter(|&&(k, _)| k != (0, 0)).count();
        assert!(registered > 100 && registered < MAX_LISTS, "{registered}");
    }

    /// Context found through the one pass equals context found window by window, for every
    /// candidate the recognizers push and for every number and digit word taken as a candidate,
    /// each with the lists of a few recognizers.
    #[test]
    fn one_pass_finds_what_each_window_finds() {
        use crate::detect::{context, Candidate, Hay};
        use crate::normalize::Normalized;
        use crate::Score;

        let mut texts = crate::detect::needs_tests::texts();
        texts.push("ssn: 123-45-6789\n\nbsn 111222333 tel\nvat:\n  DE123456789\n\n".into());
        texts.push("order no. 12345678, [EMAIL_1] bsn 111222333".into());
        let mut compared = 0;
        for (t, text) in texts.iter().enumerate() {
            let view = Normalized::new(text);
            let hay = Hay::new(view.text());
            let mut spans: Vec<(usize, usize)> = Vec::new();
            for rec in RECOGNIZERS {
                let mut found = Vec::new();
                (rec.scan)(&hay, &mut found);
                spans.extend(found.iter().map(|c| (c.start, c.end)));
            }
            spans.extend(hay.numbers.iter().map(|r| (r.start, r.end)));
            spans.extend(hay.words.iter().map(|w| (w.start, w.end)));
            for (k, &(start, end)) in spans.iter().enumerate() {
                for step in 0..3 {
                    let rec = &RECOGNIZERS[(t * 7 + k * 3 + step * 26) % RECOGNIZERS.len()];
                    let cand = Candidate {
                        kind: rec.kind,
                        start,
                        end,
                        score: Score::from_milli(500),
                        rule: "test",
                        validated: false,
                    };
                    for needs in [false, true] {
                        let slow = context::apply(hay.text, cand, rec.support(), needs);
                        let fast = context::apply_in(&hay, cand, rec.support(), needs);
                        assert_eq!(fast, slow, "{text:?} at {start}..{end}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 50_000, "{compared}");
    }

    /// What [`Mentions::first_listed`] relies on: blanking two bytes or more never makes a
    /// contrary word.
    #[test]
    fn contrary_words_have_single_inner_spaces() {
        for w in CONTRARY_WORDS {
            assert!(
                !w.contains("  ") && !w.starts_with(' ') && !w.ends_with(' '),
                "{w:?}"
            );
        }
        for rec in RECOGNIZERS {
            for w in rec.context.iter().chain(rec.generic) {
                assert!(w.len() < super::super::context::LONGEST_WORD, "{w:?}");
            }
        }
    }

    #[test]
    fn eight_byte_word_test_is_the_byte_test() {
        for b in 0..128u8 {
            for lane in 0..8 {
                let mut eight = [b' '; 8];
                eight[lane] = b;
                eight[(lane + 3) % 8] = 127 - b;
                let (letters, mask) = ascii_letters_and_alphanumerics(u64::from_le_bytes(eight));
                for (i, byte) in eight.iter().enumerate() {
                    let high = mask >> (i * 8 + 7) & 1 == 1;
                    assert_eq!(high, byte.is_ascii_alphanumeric(), "{byte} in lane {i}");
                    let letter = letters >> (i * 8 + 7) & 1 == 1;
                    assert_eq!(letter, byte.is_ascii_alphabetic(), "{byte} in lane {i}");
                }
                assert_eq!(mask & !(0x80 * ONES), 0);
            }
        }
        // Word starts at every offset around the eight-byte steps.
        for len in 0..40 {
            let text: String = (0..len)
                .map(|i| if i % 5 == 4 { ' ' } else { 'p' })
                .collect::<String>()
                + " phone";
            let m = Mentions::new(&text).expect("ascii");
            let phone = super::super::builtin::context_for(crate::Kind::Phone)
                .0
                .specific;
            assert!(m.may_occur(phone), "{text:?}");
        }
    }

    /// The per-recognizer answer read off the kept list ids is the answer of asking about each
    /// of its lists.
    #[test]
    fn recognizer_words_may_occur_is_may_occur_of_either_list() {
        let mut texts = crate::detect::needs_tests::texts();
        texts.push("ssn: SIN 123 and bsn, vat, phone, iban, tfn".into());
        let mut occurred = 0;
        for text in texts.iter().filter(|t| t.is_ascii()) {
            let m = Mentions::new(text).expect("ascii");
            for (at, rec) in RECOGNIZERS.iter().enumerate() {
                let each = m.may_occur(rec.context) || m.may_occur(rec.generic);
                assert_eq!(m.recognizer_words_may_occur(at), each, "#{at} in {text:?}");
                occurred += usize::from(each);
            }
        }
        assert!(occurred > 1000, "{occurred}");
    }

    #[test]
    fn only_ascii_text_is_indexed() {
        assert!(Mentions::new("call me on my phone").is_some());
        assert!(Mentions::new("téléphone").is_none());
        let m = Mentions::new("my phone number").expect("ascii");
        let phone = super::super::builtin::context_for(crate::Kind::Phone)
            .0
            .specific;
        assert!(m.may_occur(phone));
        let m = Mentions::new("nothing relevant here").expect("ascii");
        assert!(!m.may_occur(phone));
    }
}

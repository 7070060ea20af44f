//! The places where a recognizer's trigger patterns occur — provider prefixes and key words of
//! secrets, the trigger phrases of person names, `www.` — found once per text and shared by those
//! recognizers ([`Hay::triggers`]).
//!
//! Every hit a recognizer acts on starts a token or a name segment: the byte before is not a
//! letter or digit (`start_ok`, `segment_ok`, `jwt` of the secret recognizer, the word boundary
//! of a trigger phrase, a `www.` that starts a host), or it is a camel-case hump (`dbPassword`).
//! So one pass over the text, eight bytes at a time (SWAR), marks the *segment starts* — a letter
//! after a byte that is not a letter, and every upper-case letter — and
//! looks each one up in a 4 KiB bitset keyed by a hash of its first three bytes, case-folded,
//! then in an 8 KiB one keyed by its first four. Few benign words pass both gates (about one in
//! fifteen, mostly real trigger phrases such as `thanks`); those that do are compared,
//! ASCII-case-insensitively, with the handful of patterns sharing their key (the first eight bytes
//! at once). A pattern that does not start with a letter (`-----BEGIN`, `-us`) is anchored at its
//! first inner segment start instead, which every occurrence has. The rest (`://`, `пароль`, and
//! the mid-token prefix `Q~`) are found from a byte of theirs that is not an ASCII letter (`:`,
//! `~`, the lead byte of `п`), with one vectorised `memchr3` pass.
//!
//! The secret and URL recognizers get their hits listed; the person recognizer, which reads its
//! phrases again with its own automaton, only where they occur ([`Spread`]); the e-mail recognizer
//! the `at` of each `at)`, `at]`, `at}`, `at>` and `at ` that starts a segment, where an obfuscated
//! `@` (`(at)`, ` at `) may stand ([`at_markers`]). The same pass also
//! notes whether any separator (`-`, `.`, `:`) is glued to what follows, which every MAC address
//! needs ([`separator_joins`]).
//!
//! The hits are the subset of the ASCII-case-insensitive overlapping matches (what an
//! Aho-Corasick automaton over the same patterns reports) that can pass the recognizers' checks;
//! the secret recognizer's tests compare both, hit for hit and finding for finding, and the person
//! recognizer's tests compare its findings with a search of the whole text.

use std::sync::LazyLock;

use crate::detect::hay::{Hay, HIGH, ONES};

/// The low seven bits of every lane.
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// At most this many distinct marking bytes (`memchr3`).
const MAX_MARKS: usize = 3;

/// One occurrence: `(end, start, pattern)`. Sorted, hits come in the order an overlapping
/// Aho-Corasick search reports them: by end, the longer first.
pub(crate) type Hit = (usize, usize, u16);

/// Where the patterns of a recognizer that needs no more than that occur: the first start and
/// the range of the ends (the person recognizer reads its trigger phrases itself, in a window
/// these give).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Spread {
    pub first_start: usize,
    pub min_end: usize,
    pub max_end: usize,
}

impl Spread {
    fn add(spread: &mut Option<Spread>, start: usize, end: usize) {
        *spread = Some(match *spread {
            None => Spread {
                first_start: start,
                min_end: end,
                max_end: end,
            },
            Some(s) => Spread {
                first_start: s.first_start.min(start),
                min_end: s.min_end.min(end),
                max_end: s.max_end.max(end),
            },
        });
    }
}

/// What the finder found in one text (see [`Hay::triggers`]).
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The hits of the secret and URL recognizers' patterns, in the order of [`Hit`].
    hits: Vec<Hit>,
    /// Where the person recognizer's trigger phrases occur.
    person: Option<Spread>,
    /// The starts of the e-mail recognizer's `at` patterns, ascending.
    at: Vec<usize>,
    /// Whether a `-`, `.`, `:` (or `/` or a digit) stands right before a byte from `0` up (see
    /// [`separator_joins`]).
    joined: bool,
}

/// The recognizers whose patterns are searched for here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    /// The secret recognizer's prefixes, key words and markers, in its own order.
    Secret,
    /// The person recognizer's trigger phrases, summarised as a [`Spread`].
    Person,
    /// The person recognizer's sending words (`send`, `parcel`), added to its [`Spread`] only
    /// where a recipient's preposition and a capital follow them
    /// ([`recipient_name_at`](super::person::recipient_name_at)): most chat that says `order` or
    /// `send` names nobody, and the person recognizer need not read it.
    Recipient,
    /// `www.` (the URL recognizer's bare hosts), pattern 0.
    Url,
    /// The street types that open a street written without a house number (`rue`, `avenue` …).
    Address,
    /// The `at` of an obfuscated `@` with the byte after it (`at)`, `at `), listed apart.
    Email,
}

/// Every owner's patterns and their finder, built on first use.
struct Index {
    finder: Finder,
    /// Per [`Owner`], the range of its patterns in the finder.
    owners: [core::ops::Range<u16>; 6],
}

static INDEX: LazyLock<Option<Index>> = LazyLock::new(|| {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut starts_token: Vec<bool> = Vec::new();
    let mut owners = [0..0, 0..0, 0..0, 0..0, 0..0, 0..0];
    let lists: [(Owner, Vec<(&'static str, bool)>); 6] = [
        (Owner::Secret, patterns_of(Owner::Secret)),
        (Owner::Person, patterns_of(Owner::Person)),
        (Owner::Recipient, patterns_of(Owner::Recipient)),
        (Owner::Url, patterns_of(Owner::Url)),
        (Owner::Address, patterns_of(Owner::Address)),
        (Owner::Email, patterns_of(Owner::Email)),
    ];
    for (owner, list) in lists {
        let first = u16::try_from(patterns.len()).ok()?;
        for (p, starts) in list {
            patterns.push(p);
            starts_token.push(starts);
        }
        owners[owner as usize] = first..u16::try_from(patterns.len()).ok()?;
    }
    let spread = owners[Owner::Person as usize].clone();
    let recipients = owners[Owner::Recipient as usize].clone();
    let at = owners[Owner::Email as usize].clone();
    Some(Index {
        finder: Finder::new(&patterns, &starts_token, spread, recipients, at)?,
        owners,
    })
});

/// The patterns of `owner`, each with whether it only matters where it starts a token or a name
/// segment; none for a recognizer left out of the build.
fn patterns_of(owner: Owner) -> Vec<(&'static str, bool)> {
    match owner {
        #[cfg(feature = "secrets")]
        Owner::Secret => super::secret::trigger_patterns(),
        #[cfg(feature = "person")]
        Owner::Person => super::person::trigger_patterns(),
        #[cfg(feature = "person")]
        Owner::Recipient => super::person::recipient_patterns(),
        Owner::Url => vec![("www.", true)],
        Owner::Email => super::email::AT_PATTERNS
            .iter()
            .map(|&w| (w, true))
            .collect(),
        #[cfg(feature = "address")]
        Owner::Address => super::address::UNNUMBERED_TYPES
            .iter()
            .map(|&w| (w, true))
            .collect(),
        #[allow(unreachable_patterns)]
        _ => Vec::new(),
    }
}

/// Everything the finder finds in `hay`'s text; `None` when the patterns could not be placed
/// (then each recognizer searches for its own). For [`Hay::triggers`].
pub(crate) fn find(hay: &Hay<'_>) -> Option<Found> {
    let index = INDEX.as_ref()?;
    let mut found = Found::default();
    let marks = index.finder.marks().iter().any(|&b| hay.may_contain(b));
    index.finder.find(hay.text.as_bytes(), marks, &mut found);
    crate::sort::sort_by(&mut found.hits, Ord::cmp);
    Some(found)
}

/// The hits of `owner`'s patterns (the secret, URL or address recognizer's), in the order of [`Hit`],
/// numbered as in the owner's own list; `None` when the patterns could not be placed (then the
/// recognizer searches for itself).
pub(crate) fn hits<'h>(hay: &'h Hay<'_>, owner: Owner) -> Option<impl Iterator<Item = Hit> + 'h> {
    let range = INDEX.as_ref()?.owners.get(owner as usize)?.clone();
    let all = &hay.triggers()?.hits;
    let first = range.start;
    Some(
        all.iter()
            .filter(move |h| range.contains(&h.2))
            .map(move |&(e, s, p)| (e, s, p - first)),
    )
}

/// True when no secret, URL or address pattern occurs in `hay`'s text (the person recognizer's
/// phrases aside), so that a recognizer acting only on such hits stops before asking for its own.
pub(crate) fn no_hits(hay: &Hay<'_>) -> bool {
    hay.triggers().is_some_and(|found| found.hits.is_empty())
}

/// False when no `-`, `.` or `:` in `hay`'s text stands right before a byte from `0` up (nor a
/// `/`, a digit or a few control bytes, which the test lets through): then nothing joins two
/// groups of hex digits the way every MAC address does. Noted by the same pass, which reads every
/// byte anyway.
pub(crate) fn separator_joins(hay: &Hay<'_>) -> bool {
    hay.triggers().is_none_or(|found| found.joined)
}

/// The positions of the `a` of every `at)`, `at]`, `at}`, `at>` and `at ` (any case) that starts
/// a segment of `hay`'s text, ascending: the `at` of every obfuscated `@` the e-mail recognizer
/// reads (its `a` follows a bracket or a space); `None` when the patterns could not be placed
/// (then the recognizer searches for itself).
pub(crate) fn at_markers<'h>(hay: &'h Hay<'_>) -> Option<&'h [usize]> {
    Some(&hay.triggers()?.at)
}

/// Where the person recognizer's trigger phrases occur (`Some(None)`: nowhere); `None` when the
/// patterns could not be placed (then the recognizer searches for itself).
pub(crate) fn person_spread(hay: &Hay<'_>) -> Option<Option<Spread>> {
    Some(hay.triggers()?.person)
}

/// One pattern: its bytes, and its first eight bytes with a mask that drops the case bit of its
/// letters (and the bytes past its end), for a one-word comparison.
struct Pattern {
    bytes: &'static [u8],
    head: u64,
    mask: u64,
}

impl Pattern {
    fn new(bytes: &'static [u8]) -> Pattern {
        let (mut head, mut mask) = (0u64, 0u64);
        for (k, &b) in bytes.iter().take(8).enumerate() {
            let m: u8 = if b.is_ascii_alphabetic() { !0x20 } else { 0xff };
            head |= u64::from(b & m) << (8 * k);
            mask |= u64::from(m) << (8 * k);
        }
        Pattern { bytes, head, mask }
    }

    /// True when the pattern occurs at `s` (ASCII case ignored).
    #[inline(always)]
    fn is_at(&self, bytes: &[u8], s: usize) -> bool {
        let word = match bytes.get(s..s + 8) {
            Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
            }
            _ => {
                let mut lanes = [0u8; 8];
                let rest = bytes.get(s..).unwrap_or_default();
                let n = rest.len().min(8);
                lanes[..n].copy_from_slice(&rest[..n]);
                u64::from_le_bytes(lanes)
            }
        };
        if word & self.mask != self.head {
            return false;
        }
        match (self.bytes.get(8..), bytes.get(s + 8..s + self.bytes.len())) {
            (None, _) => s + self.bytes.len() <= bytes.len(),
            (Some(tail), Some(t)) => t.eq_ignore_ascii_case(tail),
            (Some(_), None) => false,
        }
    }
}

struct Finder {
    /// The patterns, matched ASCII-case-insensitively.
    patterns: Vec<Pattern>,
    /// One bit per key ([`key3`]) that some anchored pattern has at its anchor.
    gate: Box<[u64; 512]>,
    /// One bit per [`key4`] of the first four bytes from an anchor: a second gate for the words
    /// that pass the first.
    gate4: Box<[u64; 1024]>,
    /// Per byte of `gate` (eight keys), how many bits the bytes before it set: the keys' ranks.
    rank: Box<[u16; 4096]>,
    /// `(pattern, offset of the anchor in the pattern)` of the anchored patterns, by key.
    anchored: Vec<(u16, u8)>,
    /// `by_rank[r]..by_rank[r + 1]`: the entries of `anchored` whose key is the `r`-th of the
    /// gate's keys.
    by_rank: Vec<u16>,
    /// The bytes that mark the other patterns; unused slots repeat the first.
    marks: [u8; MAX_MARKS],
    /// The other patterns: `(marking byte, its offset in the pattern, pattern)`.
    marked: Vec<(u8, u8, u16)>,
    /// The patterns whose hits are only summarised (see [`Spread`]).
    spread: core::ops::Range<u16>,
    /// The patterns summarised with them where a recipient may follow ([`Owner::Recipient`]).
    recipients: core::ops::Range<u16>,
    /// The patterns whose starts are listed in [`Found::at`].
    at: core::ops::Range<u16>,
}

/// How many bits each byte value sets.
const BITS_SET: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).count_ones() as u8;
        b += 1;
    }
    table
};

/// Folds a byte to five bits: the two cases of a letter fold together (so do a few other
/// bytes, which only lets a word more through the gates).
fn fold(b: u8) -> u32 {
    u32::from(b & 31)
}

/// An odd constant whose product with the folded bytes mixes them into its high bits.
const MIX: u32 = 0x9e37_79b1;

/// The gate key of the first three of four bytes read little-endian: a hash of their folds, 15
/// bits.
#[inline(always)]
fn key3(v: u32) -> u16 {
    ((v & 0x001f_1f1f).wrapping_mul(MIX) >> 17) as u16
}

/// The second gate's key of four bytes read little-endian: a hash of their folds, 16 bits.
#[inline(always)]
fn key4(v: u32) -> u16 {
    ((v & 0x1f1f_1f1f).wrapping_mul(MIX) >> 16) as u16
}

/// Whether bit `k` of a bit set is set.
#[inline(always)]
fn has(set: &[u64], k: u16) -> bool {
    set.get(usize::from(k >> 6))
        .is_some_and(|w| w >> (k & 63) & 1 == 1)
}

/// Sets bit `k` of a bit set.
fn set(set: &mut [u64], k: u16) {
    if let Some(w) = set.get_mut(usize::from(k >> 6)) {
        *w |= 1u64 << (k & 63);
    }
}

impl Finder {
    /// Builds the finder. `starts_token[i]` says that pattern `i` only matters where its first
    /// byte starts a token or a name segment. `None` when a pattern cannot be placed.
    /// The hits of the patterns in `spread` are summarised, not listed; those in `at` are listed
    /// apart, by start.
    fn new(
        patterns: &[&'static str],
        starts_token: &[bool],
        spread: core::ops::Range<u16>,
        recipients: core::ops::Range<u16>,
        at: core::ops::Range<u16>,
    ) -> Option<Finder> {
        let mut gate = Box::new([0u64; 512]);
        let mut gate4 = Box::new([0u64; 1024]);
        let mut anchored = Vec::new();
        let mut marked = Vec::new();
        let mut marks: Vec<u8> = Vec::new();
        for (i, (p, &starts)) in patterns.iter().zip(starts_token).enumerate() {
            let idx = u16::try_from(i).ok()?;
            let b = p.as_bytes();
            let anchor = if starts && b.first()?.is_ascii_alphanumeric() {
                Some(0)
            } else {
                (1..b.len())
                    .find(|&j| b[j].is_ascii_alphanumeric() && !b[j - 1].is_ascii_alphanumeric())
            };
            match anchor {
                Some(off) => {
                    let rest = b.get(off..)?;
                    // Segment starts are letters: the scan never looks at a digit.
                    if !rest.first()?.is_ascii_alphabetic() {
                        return None;
                    }
                    let off = u8::try_from(off).ok()?;
                    // Fewer than four bytes from the anchor: any byte may follow (or the text
                    // ends there).
                    let folds = |j: usize| match rest.get(j) {
                        Some(&c) => fold(c)..fold(c) + 1,
                        None => 0..32,
                    };
                    for f0 in folds(0) {
                        for f1 in folds(1) {
                            for f2 in folds(2) {
                                let v = f0 | f1 << 8 | f2 << 16;
                                set(&mut gate[..], key3(v));
                                anchored.push((key3(v), idx, off));
                                for f3 in folds(3) {
                                    set(&mut gate4[..], key4(v | f3 << 24));
                                }
                            }
                        }
                    }
                }
                None => {
                    // A byte without case, found exactly.
                    let at = b.iter().position(|c| !c.is_ascii_alphabetic())?;
                    let byte = *b.get(at)?;
                    if !marks.contains(&byte) {
                        marks.push(byte);
                    }
                    marked.push((byte, u8::try_from(at).ok()?, idx));
                }
            }
        }
        if marks.len() > MAX_MARKS {
            return None;
        }
        let mut mark_bytes = [marks.first().copied().unwrap_or(b':'); MAX_MARKS];
        for (slot, &b) in mark_bytes.iter_mut().zip(&marks) {
            *slot = b;
        }
        crate::sort::sort_by(&mut anchored, Ord::cmp);
        // Expansions of a short pattern may share a key.
        anchored.dedup();
        let mut rank = Box::new([0u16; 4096]);
        let mut before = 0u32;
        for (b, slot) in rank.iter_mut().enumerate() {
            *slot = u16::try_from(before).ok()?;
            before += gate
                .get(b / 8)
                .map_or(0, |w| (w >> (8 * (b % 8)) & 0xff).count_ones());
        }
        // One range per set bit of the gate, in key order.
        let mut by_rank = Vec::new();
        let mut last = None;
        for (at, &(k, _, _)) in anchored.iter().enumerate() {
            if last != Some(k) {
                by_rank.push(u16::try_from(at).ok()?);
                last = Some(k);
            }
        }
        by_rank.push(u16::try_from(anchored.len()).ok()?);
        Some(Finder {
            patterns: patterns
                .iter()
                .map(|p| Pattern::new(p.as_bytes()))
                .collect(),
            gate,
            gate4,
            rank,
            anchored: anchored.iter().map(|&(_, p, off)| (p, off)).collect(),
            by_rank,
            marks: mark_bytes,
            marked,
            spread,
            recipients,
            at,
        })
    }

    /// The bytes that mark the patterns without a segment start.
    fn marks(&self) -> &[u8] {
        &self.marks
    }

    /// Appends every hit that can matter, unordered. `marks` false says that no byte of
    /// [`Finder::marks`] occurs in `bytes`, which then are not searched for.
    /// Also notes in `found` whether a separator may join two tokens.
    fn find(&self, bytes: &[u8], marks: bool, found: &mut Found) {
        let mut prev = Prev::default();
        let mut joined = 0;
        let mut base = 0;
        while base < bytes.len() {
            // 64 bytes and the next eight (for keys that run over), zero-padded at the end of
            // the text: zero is not a letter and folds like a missing byte.
            let mut buf = [0u8; 72];
            match bytes.get(base..base + 72) {
                Some(chunk) => buf.copy_from_slice(chunk),
                None => {
                    let rest = bytes.get(base..).unwrap_or_default();
                    if let Some(head) = buf.get_mut(..rest.len()) {
                        head.copy_from_slice(rest);
                    }
                }
            }
            let len = bytes.len() - base;
            // Segment starts first, one bit per byte, then the gate for each: the loop over
            // them mispredicts once per 64 bytes, not once per word.
            let mut starts = 0u64;
            for lane in 0..8 {
                if 8 * lane >= len {
                    break;
                }
                let w = match buf.get(8 * lane..8 * lane + 8) {
                    Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                        u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
                    }
                    _ => 0,
                };
                let (lane_starts, lane_joined) = classify(w, &mut prev);
                starts |= compress(lane_starts) << (8 * lane);
                joined |= lane_joined;
            }
            while starts != 0 {
                let j = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let v = match buf.get(j..j + 4) {
                    Some(&[b0, b1, b2, b3]) => u32::from_le_bytes([b0, b1, b2, b3]),
                    _ => 0,
                };
                let k = key3(v);
                if has(&self.gate[..], k) && has(&self.gate4[..], key4(v)) {
                    self.anchored_at(bytes, base + j, k, found);
                }
            }
            base += 64;
        }
        found.joined = joined & HIGH != 0;
        if marks {
            let [m0, m1, m2] = self.marks;
            for i in memchr::memchr3_iter(m0, m1, m2, bytes) {
                self.marked_at(bytes, i, found);
            }
        }
    }

    /// Checks the patterns marked by the byte at `i`.
    #[cold]
    fn marked_at(&self, bytes: &[u8], i: usize, found: &mut Found) {
        let b = bytes.get(i).copied().unwrap_or(0);
        for &(mb, off, p) in &self.marked {
            if mb == b {
                if let Some(s) = i.checked_sub(usize::from(off)) {
                    self.check(bytes, s, p, found);
                }
            }
        }
    }

    /// Checks the anchored patterns with key `k` (a key the gate has) at the segment start `i`.
    #[cold]
    fn anchored_at(&self, bytes: &[u8], i: usize, k: u16, found: &mut Found) {
        // The keys below `k` in its byte of the gate, counted by table (the baseline x86-64
        // target has no popcount instruction).
        let byte = self
            .gate
            .get(usize::from(k >> 6))
            .map_or(0, |&w| (w >> (k & 56)) as u8);
        let below = byte & ((1u8 << (k & 7)) - 1);
        let r = self
            .rank
            .get(usize::from(k >> 3))
            .map_or(0, |&r| usize::from(r))
            + usize::from(BITS_SET[usize::from(below)]);
        let from = self.by_rank.get(r).map_or(0, |&f| usize::from(f));
        let to = self.by_rank.get(r + 1).map_or(0, |&t| usize::from(t));
        for &(p, off) in self.anchored.get(from..to).unwrap_or_default() {
            if let Some(s) = i.checked_sub(usize::from(off)) {
                self.check(bytes, s, p, found);
            }
        }
    }

    /// Records pattern `p` at `s` when it is there.
    #[inline(always)]
    fn check(&self, bytes: &[u8], s: usize, p: u16, found: &mut Found) {
        if let Some(pat) = self.patterns.get(usize::from(p)) {
            if pat.is_at(bytes, s) {
                let e = s + pat.bytes.len();
                if self.spread.contains(&p) {
                    Spread::add(&mut found.person, s, e);
                } else if self.recipients.contains(&p) {
                    #[cfg(feature = "person")]
                    if super::person::recipient_name_at(bytes, e).is_some() {
                        Spread::add(&mut found.person, s, e);
                    }
                } else if self.at.contains(&p) {
                    found.at.push(s);
                } else {
                    found.hits.push((e, s, p));
                }
            }
        }
    }
}

/// Segment starts among the eight bytes `w` (high bit of each lane), or a few more: a letter
/// after a byte that is not a letter, and every upper-case letter. That covers every start (a
/// letter after a byte that is neither a letter nor a digit, an upper-case letter after a
/// lower-case letter or a digit) and adds letters after digits and capitals inside words of
/// capitals, which chat has few of (and which cost less to let through than to tell apart).
/// Second, the lanes right after a separator glued to what follows them (see
/// [`separator_joins`]). `prev` holds the classes of the byte before and receives those of the
/// last byte.
#[inline(always)]
fn classify(w: u64, prev: &mut Prev) -> (u64, u64) {
    // Each lane's low seven bits with the case bit (0x20) set: letters fold to lower case, and
    // `-..=:` and the bytes from `0` up keep their place (a few control bytes join them, which
    // only lets a text more through).
    let y = (w | (0x20 * ONES)) & LOW7;
    // Letters: in `a..=z` once folded, and ASCII (the high bit clear).
    let letter = in_range(y, b'a', b'z') & !w;
    // Upper-case letters have the case bit clear; shifted by two, it lands on the high bit.
    let upper = letter & !(w << 2);
    let prev_letter = (letter << 8) | prev.letter;
    prev.letter = letter >> 56;
    let starts = (letter & !prev_letter) | upper;
    let separator = in_range(y, b'-', b':');
    let after = (separator << 8) | prev.separator;
    prev.separator = separator >> 56;
    // From `0` up: the folded bits plus `0x80 - '0'` carry into the high bit.
    let joined = after & (y + u64::from(0x80 - b'0') * ONES);
    (starts, joined)
}

/// The classes of the byte before a block, in the high bit of lane 0.
#[derive(Default)]
struct Prev {
    letter: u64,
    separator: u64,
}

/// Gathers the high bits of the eight lanes into the low eight bits, lane order kept.
#[inline(always)]
fn compress(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// High bit set in each lane of `x` (lanes below 0x80) that lies in `lo..=hi`.
#[inline(always)]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge_lo = x.wrapping_add(u64::from(0x80 - lo) * ONES);
    let gt_hi = x.wrapping_add(u64::from(0x7f - hi) * ONES);
    ge_lo & !gt_hi & HIGH
}

/// How many segment starts of `bytes` pass the gate, of how many (scalar, for statistics).
#[cfg(test)]
pub(crate) fn gate_stats(bytes: &[u8]) -> (usize, usize) {
    INDEX
        .as_ref()
        .map_or((0, 0), |index| index.finder.gate_stats(bytes))
}

#[cfg(test)]
impl Finder {
    fn gate_stats(&self, bytes: &[u8]) -> (usize, usize) {
        let (mut gated, mut starts) = (0, 0);
        for i in 0..bytes.len() {
            let at = |j: usize| bytes.get(j).copied().unwrap_or(0);
            let (c, p) = (at(i), if i == 0 { 0 } else { at(i - 1) });
            let start = c.is_ascii_alphabetic() && !p.is_ascii_alphanumeric()
                || c.is_ascii_uppercase() && (p.is_ascii_lowercase() || p.is_ascii_digit());
            if start {
                starts += 1;
                let v = u32::from_le_bytes([c, at(i + 1), at(i + 2), at(i + 3)]);
                gated += usize::from(has(&self.gate[..], key3(v)) && has(&self.gate4[..], key4(v)));
            }
        }
        (gated, starts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`separator_joins`] reads eight bytes at a time: a byte whose low seven
    /// bits, with the case bit set, are in `-..=:` right before one whose are `0` or above.
    fn joins_bytewise(bytes: &[u8]) -> bool {
        let folded = |b: u8| (b & 0x7f) | 0x20;
        bytes
            .windows(2)
            .any(|w| (b'-'..=b':').contains(&folded(w[0])) && folded(w[1]) >= b'0')
    }

    #[test]
    fn separator_joins_reads_every_lane_and_block_edge() {
        const PIECES: &[&str] = &[
            "a", " ", "-", ".", ":", "0", "9", "F", "/", ",", "\n", "é", "—", "...", "- ", "x.",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut joined = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            let len = 1 + (seed >> 40) as usize % 90;
            while text.len() < len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let expected = joins_bytewise(text.as_bytes());
            assert_eq!(separator_joins(&Hay::new(&text)), expected, "{text:?}");
            joined += usize::from(expected);
        }
        assert!(joined > 1000 && joined < 19_000, "{joined}");
        // Chat without a separator glued to what follows has none.
        for text in ["Sure - see you then.", "Done... thanks!", "ok. bye"] {
            assert!(!separator_joins(&Hay::new(text)), "{text}");
        }
    }
}

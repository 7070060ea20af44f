//! The one tokenising pass every built-in recognizer shares: number runs, digit-bearing words,
//! and which of a few rare bytes (`@`, `:`, non-ASCII) occur.
//!
//! Benign chat is mostly letters and spaces, so the pass looks at each byte once and keeps only the
//! places where an identifier could start. Recognizers then work on these short lists instead of
//! rescanning the text.

use super::builtin::triggers;
use super::mentions::Mentions;
use crate::scratch::{self, Reuse};
use crate::table::Table;

/// A byte broadcast to every lane of a `u64` (`b * ONES`), for the scans that look at eight bytes
/// at a time; shared by every such scan in the crate.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every lane of a `u64`.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The most digit groups a number run keeps; longer runs are cut into separate runs.
pub(crate) const MAX_GROUPS: usize = 12;
/// The most digits a number run keeps; identifiers are shorter than this.
pub(crate) const MAX_DIGITS: usize = 40;

/// [`CLASS`] bit of an ASCII digit.
const DIGIT: u8 = 1;
/// [`CLASS`] bit of an ASCII letter.
const LETTER: u8 = 2;

/// [`CLASS`] bit of a byte that joins the groups of a number run (` `, `-`, `.`, `/`).
const SEPARATOR: u8 = 4;

/// [`DIGIT`], [`LETTER`] or [`SEPARATOR`] for each byte, 0 for the rest: one load instead of
/// range tests in the loops that walk words and number runs.
static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else if matches!(byte, b' ' | b'-' | b'.' | b'/') {
            SEPARATOR
        } else {
            0
        };
        b += 1;
    }
    class
};

/// The [`CLASS`] bits of `b`.
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// True for an ASCII letter or digit (`u8::is_ascii_alphanumeric`), by one table load.
pub(crate) fn alphanumeric(b: u8) -> bool {
    class(b) & (DIGIT | LETTER) != 0
}

/// 1 for an ASCII digit, 0 for any other byte.
fn digit_count(b: u8) -> usize {
    usize::from(CLASS[usize::from(b)] & DIGIT)
}

/// How many words the first word with a digit makes room for.
const WORDS_RESERVED: usize = 16;

/// The normalized text plus the places recognizers care about.
pub(crate) struct Hay<'a> {
    /// The matching view (see [`crate::normalize`]).
    pub text: &'a str,
    /// Runs of digits joined by single separators (`4012 8888-8888.1881`, `+44 20 7946 0958`).
    pub numbers: NumberRuns,
    /// Maximal ASCII-alphanumeric words with at least one digit (`AB123456C`, `DE89`, `12345678Z`).
    pub words: Vec<Word>,
    /// Which counts occur where, so that recognizers that cannot match are skipped (see
    /// [`Counts`]).
    pub counts: Counts,
    /// Which of a few rare bytes occur in the text (see [`Hay::may_contain`]).
    rare: RareBytes,
    /// The context words in the text, found on first use (see [`Mentions`]).
    mentions: core::cell::OnceCell<Option<Mentions>>,
    /// Where the recognizers' trigger patterns occur, found on first use (see [`triggers`]).
    triggers: core::cell::OnceCell<Option<triggers::Found>>,
    /// Whether a recognizer passed over a value for what stands near it (see
    /// [`Hay::note_passed_over`]).
    passed_over: core::cell::Cell<bool>,
}

/// Which of a few bytes that recognizers search for, and chat seldom holds, occur in a text: the
/// `@` of an address, the `:` of a URL scheme, an IPv6 address or a key word, and the bytes from
/// `~` up (the `~` of a token prefix, every byte of a non-ASCII character). Found in one pass, so
/// that recognizers skip their search for a byte that does not occur (see [`Hay::may_contain`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct RareBytes {
    at: bool,
    colon: bool,
    /// A byte `~` (0x7E) or above.
    high: bool,
}

impl RareBytes {
    /// One pass over `bytes`, eight at a time; also finds the first ASCII digit (what
    /// [`next_digit`]`(bytes, 0)` returns), so that a text needs one pass for both.
    fn of(bytes: &[u8]) -> (RareBytes, Option<usize>) {
        // `x - ONES & !x` has a lane's high bit set where the lane is zero (higher lanes may be
        // set too by the borrow; none is set when no lane is zero): `x = w ^ b * ONES` tests
        // every lane for byte `b`. A lane's seven low bits plus 2 reach its high bit from `~` up.
        // A lane holds a digit when `w ^ b'0'` is below 10 (the same borrow test, for 10).
        let (mut at, mut colon, mut high) = (0u64, 0u64, 0u64);
        let mut look = |lanes: [u8; 8]| {
            let w = u64::from_le_bytes(lanes);
            let x = w ^ (u64::from(b'@') * ONES);
            at |= x.wrapping_sub(ONES) & !x;
            let y = w ^ (u64::from(b':') * ONES);
            colon |= y.wrapping_sub(ONES) & !y;
            high |= w | ((w & !HIGH) + 2 * ONES);
            w
        };
        let has_digit = |w: u64| {
            let z = w ^ (u64::from(b'0') * ONES);
            z.wrapping_sub(10 * ONES) & !z & HIGH != 0
        };
        let mut chunks = bytes.chunks_exact(8);
        // Until the first digit, each chunk is also tested for one; then no more.
        let mut digit_chunk = None;
        let mut from = 0;
        for chunk in &mut chunks {
            if let Ok(lanes) = <[u8; 8]>::try_from(chunk) {
                if has_digit(look(lanes)) {
                    digit_chunk = Some(from);
                    break;
                }
            }
            from += 8;
        }
        for chunk in &mut chunks {
            if let Ok(lanes) = <[u8; 8]>::try_from(chunk) {
                look(lanes);
            }
        }
        // The last, short chunk, padded with spaces (none of the bytes looked for).
        let mut lanes = [b' '; 8];
        for (lane, &b) in lanes.iter_mut().zip(chunks.remainder()) {
            *lane = b;
        }
        if has_digit(look(lanes)) && digit_chunk.is_none() {
            digit_chunk = Some(from);
        }
        let rare = RareBytes {
            at: at & HIGH != 0,
            colon: colon & HIGH != 0,
            high: high & HIGH != 0,
        };
        (rare, digit_chunk.and_then(|from| next_digit(bytes, from)))
    }
}

/// Bit sets of the counts that occur in a text: bit `n` is set when a count of `n` occurs, and
/// counts of 63 or more share bit 63. Filled during the one pass that builds the [`Hay`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// The digit totals of every range of consecutive groups of every number run. All bits are
    /// set when a run was cut at [`MAX_GROUPS`] or [`MAX_DIGITS`] (a value written across the
    /// cut then spans two runs).
    pub run_digits: u64,
    /// The digit counts of the words.
    pub word_digits: u64,
    /// The lengths of the words.
    pub word_lens: u64,
    /// The [`pair_bit`]s of the lengths of every two neighbouring groups of a number run. All
    /// bits are set when a run was cut, as for `run_digits`.
    pub group_pairs: u64,
    /// The digit totals of the ranges of groups that end a number run glued to a letter
    /// (`12345678Z`, the `2` of `1 85 05 2A`). All bits are set when a run was cut, as for
    /// `run_digits`.
    pub glued_run_digits: u64,
}

/// The bit standing for the count `n` in a [`Counts`] set.
pub(crate) const fn count_bit(n: usize) -> u64 {
    1 << if n < 63 { n } else { 63 }
}

/// The bit standing for a group of `first` digits followed by one of `second` digits in
/// [`Counts::group_pairs`]: lengths from 8 up share one value.
pub(crate) const fn pair_bit(first: usize, second: usize) -> u64 {
    1 << (pair_bucket(first) * 8 + pair_bucket(second))
}

/// A group length as [`pair_bit`] counts it: 1 to 7, or 0 for 8 and more.
const fn pair_bucket(len: usize) -> usize {
    if len < 8 {
        len
    } else {
        0
    }
}

impl Counts {
    fn add_word(&mut self, word: &Word) {
        self.word_digits |= count_bit(word.digits);
        self.word_lens |= count_bit(word.len());
    }

    /// Adds the run of `groups` holding `digits` digits, `glued` when a letter follows it.
    fn add_run(&mut self, groups: &[(usize, usize)], digits: usize, glued: bool) {
        if groups.len() >= MAX_GROUPS || digits >= MAX_DIGITS {
            self.run_digits = u64::MAX;
            self.group_pairs = u64::MAX;
            self.glued_run_digits = u64::MAX;
            return;
        }
        // `ending` holds the totals of the ranges ending at the group just read (all below
        // `MAX_DIGITS`, so no total reaches the shared bit 63): each range ending at the next
        // group adds its length, and the next group is a range of its own.
        let mut ending = 0u64;
        // The length of the group before (none before the first).
        let mut before = None;
        for &(s, e) in groups {
            ending = (ending << (e - s)) | count_bit(e - s);
            self.run_digits |= ending;
            if let Some(len) = before {
                self.group_pairs |= pair_bit(len, e - s);
            }
            before = Some(e - s);
        }
        if glued {
            self.glued_run_digits |= ending;
        }
    }
}

/// A run of digit groups separated by single ` `, `-`, `.` or `/` characters, as recognizers read
/// it from [`Hay::numbers`] (a view: its groups lie in a buffer all runs of the text share).
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumberRun<'h> {
    /// Byte offset of the first digit, or of the `+` before it.
    pub start: usize,
    /// One past the last digit.
    pub end: usize,
    /// True when the run starts with `+` (international phone numbers).
    pub plus: bool,
    /// How many digits its groups hold in all.
    pub digits: usize,
    /// Byte ranges of the digit groups, in order (at most [`MAX_GROUPS`]).
    pub groups: &'h [(usize, usize)],
}

/// A number run as the hay keeps it: its groups are `groups_end - count .. groups_end` of
/// [`NumberRuns::groups`], so that a run takes a few words instead of room for [`MAX_GROUPS`]
/// ranges (a text dense with numbers makes tens of thousands of runs).
#[derive(Clone, Copy, Debug)]
struct StoredRun {
    start: usize,
    end: usize,
    digits: usize,
    /// One past the run's last group in the shared buffer.
    groups_end: usize,
    /// How many groups the run has (1 to [`MAX_GROUPS`]).
    count: u8,
    plus: bool,
}

/// The number runs of a text: one list of runs, one buffer of all their groups. Reads as a list of
/// [`NumberRun`]s.
#[derive(Debug, Default)]
pub(crate) struct NumberRuns {
    runs: Vec<StoredRun>,
    groups: Vec<(usize, usize)>,
}

impl NumberRuns {
    /// True when the text has no number run.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The runs in text order.
    pub fn iter(&self) -> Runs<'_> {
        Runs {
            runs: self.runs.iter(),
            groups: &self.groups,
        }
    }
}

/// The [`NumberRun`] of `run`, whose groups lie in `groups`.
fn view<'h>(run: &StoredRun, groups: &'h [(usize, usize)]) -> NumberRun<'h> {
    let first = run.groups_end - usize::from(run.count);
    NumberRun {
        start: run.start,
        end: run.end,
        plus: run.plus,
        digits: run.digits,
        groups: groups.get(first..run.groups_end).unwrap_or_default(),
    }
}

/// The runs of [`NumberRuns::iter`], in text order.
#[derive(Clone, Debug)]
pub(crate) struct Runs<'h> {
    runs: core::slice::Iter<'h, StoredRun>,
    groups: &'h [(usize, usize)],
}

impl<'h> Iterator for Runs<'h> {
    type Item = NumberRun<'h>;

    fn next(&mut self) -> Option<NumberRun<'h>> {
        self.runs.next().map(|run| view(run, self.groups))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.runs.size_hint()
    }
}

impl DoubleEndedIterator for Runs<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.runs.next_back().map(|run| view(run, self.groups))
    }
}

impl ExactSizeIterator for Runs<'_> {}

impl<'h> IntoIterator for &'h NumberRuns {
    type Item = NumberRun<'h>;
    type IntoIter = Runs<'h>;

    fn into_iter(self) -> Runs<'h> {
        self.iter()
    }
}

impl NumberRun<'_> {
    /// The digits of groups `first..=last` as ASCII bytes, without separators.
    pub fn digits(&self, text: &str, first: usize, last: usize) -> Digits {
        let mut out = Digits::default();
        let bytes = Table(text.as_bytes());
        for &(s, e) in &self.groups[first..=last] {
            out.extend(&bytes[s..e]);
        }
        out
    }

    /// The byte span of groups `first..=last`.
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.groups[first].0, self.groups[last].1)
    }

    /// The separator byte between group `i` and `i + 1`.
    pub fn separator_after(&self, text: &str, i: usize) -> u8 {
        text.as_bytes()[self.groups[i].1]
    }

    /// True when groups `first..=last` have exactly the lengths `lens` (a format such as `3-2-4`).
    pub fn groups_are(&self, first: usize, last: usize, lens: &[usize]) -> bool {
        let groups = self.groups.get(first..=last).unwrap_or_default();
        groups.len() == lens.len() && groups.iter().zip(lens).all(|(&(s, e), &n)| e - s == n)
    }

    /// Every contiguous range of groups `(first, last)` whose digit count lies in `min..=max`,
    /// longest first. Lets a recognizer find a card number inside `4012888888881881 12/27`.
    pub fn subruns(&self, min: usize, max: usize) -> Subruns {
        let mut out = Subruns {
            buf: [(0, 0); MAX_SUBRUNS],
            len: 0,
        };
        // Group indices are below `MAX_GROUPS`, so they fit in a byte.
        for first in 0..self.groups.len() {
            let mut total = 0;
            for (last, &(s, e)) in self.groups.iter().enumerate().skip(first) {
                total += e - s;
                if total > max {
                    break;
                }
                if total >= min && out.len < MAX_SUBRUNS {
                    out.buf[out.len] = (first as u8, last as u8);
                    out.len += 1;
                }
            }
        }
        // Keys are distinct (one span length per `(first, last)` with the same `first`), so any
        // sort gives this one order. An insertion sort: no allocation, bounded work (at most
        // `MAX_SUBRUNS` entries), and far less WebAssembly than a library sort.
        let key = |&(f, l): &(u8, u8)| {
            let (f, l) = (usize::from(f), usize::from(l));
            (core::cmp::Reverse(self.groups[l].1 - self.groups[f].0), f)
        };
        let list: &mut [(u8, u8)] = &mut out;
        for i in 1..list.len() {
            let mut j = i;
            while j > 0 && key(&list[j]) < key(&list[j - 1]) {
                list.swap(j, j - 1);
                j -= 1;
            }
        }
        out
    }
}

/// How many group ranges a run can have: one per pair `first <= last` of its groups.
const MAX_SUBRUNS: usize = MAX_GROUPS * (MAX_GROUPS + 1) / 2;
const _: () = assert!(MAX_GROUPS <= u8::MAX as usize);

/// The group ranges [`NumberRun::subruns`] returns, kept on the stack as byte pairs (the list is
/// returned by value, so it is kept small); reads as a slice of `(first, last)` byte pairs and
/// iterates as `usize` pairs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Subruns {
    buf: [(u8, u8); MAX_SUBRUNS],
    len: usize,
}

impl core::ops::Deref for Subruns {
    type Target = [(u8, u8)];

    fn deref(&self) -> &[(u8, u8)] {
        &self.buf[..self.len]
    }
}

impl IntoIterator for Subruns {
    type Item = (usize, usize);
    type IntoIter = core::iter::Map<
        core::iter::Take<core::array::IntoIter<(u8, u8), MAX_SUBRUNS>>,
        fn((u8, u8)) -> (usize, usize),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.buf
            .into_iter()
            .take(self.len)
            .map(|(f, l)| (usize::from(f), usize::from(l)))
    }
}

impl core::ops::DerefMut for Subruns {
    fn deref_mut(&mut self) -> &mut [(u8, u8)] {
        &mut self.buf[..self.len]
    }
}

/// Up to [`MAX_DIGITS`] ASCII digits, kept on the stack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Digits {
    buf: [u8; MAX_DIGITS],
    len: usize,
}

impl Default for Digits {
    fn default() -> Digits {
        Digits {
            buf: [0; MAX_DIGITS],
            len: 0,
        }
    }
}

impl Digits {
    /// Appends `bytes`, as many as fit.
    pub fn extend(&mut self, bytes: &[u8]) {
        let bytes = Table(bytes);
        let room = &mut self.buf[self.len..];
        let n = bytes.len().min(room.len());
        room[..n].copy_from_slice(&bytes[..n]);
        self.len += n;
    }

    /// The digits as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// How many digits there are.
    pub fn len(&self) -> usize {
        self.len
    }
}

/// A maximal run of ASCII letters and digits that contains at least one digit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// How many of its characters are digits.
    pub digits: usize,
    /// True when it opens with a letter, or a letter stands one separator (` `, `-`, `.`)
    /// before it: the words where a value with a prefix of letters can start (`AB123456C`,
    /// `X-1234567-L`, `DE 136 695 976`). A group inside a number run never is.
    pub lettered: bool,
}

impl Word {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// The buffers of a [`Hay`], lent per thread between calls (see [`Hay::lent`]).
#[derive(Debug, Default)]
pub(crate) struct HayBuffers {
    numbers: NumberRuns,
    words: Vec<Word>,
}

/// Each list is kept on its own terms (those of a `Vec`): one grown too large is freed, the
/// others are kept.
impl Reuse for HayBuffers {
    fn empty_for_reuse(&mut self) -> bool {
        if !self.numbers.runs.empty_for_reuse() {
            self.numbers.runs = Vec::new();
        }
        if !self.numbers.groups.empty_for_reuse() {
            self.numbers.groups = Vec::new();
        }
        if !self.words.empty_for_reuse() {
            self.words = Vec::new();
        }
        true
    }
}

std::thread_local! {
    /// The spare buffers [`Hay::lent`] lends on this thread.
    static LENT: core::cell::Cell<Option<HayBuffers>> = const { core::cell::Cell::new(None) };
}

impl<'a> Hay<'a> {
    /// Tokenises `text` once, into buffers of its own (what tests and the hays made for
    /// comparisons use; a guard lends a hay with [`Hay::lent`]).
    #[cfg(test)]
    pub fn new(text: &'a str) -> Hay<'a> {
        let (rare, first_digit) = RareBytes::of(text.as_bytes());
        Hay::with_buffers(text, rare, first_digit, HayBuffers::default())
    }

    /// Runs `f` with the hay of `text`, built in this thread's spare lists (see
    /// [`crate::scratch`]; emptied when `f` returns), so that a call after the first allocates
    /// nothing for them: a long text no longer maps and faults in fresh pages for its lists on
    /// every call (a list past [`scratch::KEEP_BYTES`] is freed instead of kept). A nested call
    /// gets lists of its own.
    pub fn lent<R>(text: &str, f: impl FnOnce(&Hay<'_>) -> R) -> R {
        // Most chat has no digit, and then the lists stay empty: nothing to lend.
        let (rare, first_digit) = RareBytes::of(text.as_bytes());
        let Some(digit) = first_digit else {
            return f(&Hay {
                text,
                numbers: NumberRuns::default(),
                words: Vec::new(),
                counts: Counts::default(),
                rare,
                mentions: core::cell::OnceCell::new(),
                triggers: core::cell::OnceCell::new(),
                passed_over: core::cell::Cell::new(false),
            });
        };
        scratch::lend(&LENT, |buffers| {
            let hay = Hay::with_buffers(text, rare, Some(digit), core::mem::take(buffers));
            let result = f(&hay);
            *buffers = HayBuffers {
                numbers: hay.numbers,
                words: hay.words,
            };
            result
        })
    }

    /// Tokenises `text` once into `buffers` (empty, perhaps with room from an earlier text);
    /// `rare` and `first_digit` are what [`RareBytes::of`] found in it.
    fn with_buffers(
        text: &'a str,
        rare: RareBytes,
        first_digit: Option<usize>,
        buffers: HayBuffers,
    ) -> Hay<'a> {
        let HayBuffers {
            mut numbers,
            mut words,
        } = buffers;
        let bytes = Table(text.as_bytes());
        let mut counts = Counts::default();
        if first_digit.is_some() && words.capacity() == 0 {
            // A text with one digit usually has several words with digits: one allocation
            // instead of growing four, eight, sixteen.
            words.reserve(WORDS_RESERVED);
        }
        // Where the last word read ends: the next one starts there or later.
        let mut i = 0;
        // Only words with a digit matter: jump to the next digit, then back to its word's start.
        let mut next = first_digit;
        while let Some(digit) = next {
            let mut start = digit;
            while start > i && alphanumeric(bytes[start - 1]) {
                start -= 1;
            }
            i = if start < digit {
                // A word that opens with letters (`AB123456C`): no number run starts here.
                let (end, digits) = alphanumeric_end(&bytes, digit);
                let word = Word {
                    start,
                    end,
                    digits,
                    lettered: true,
                };
                counts.add_word(&word);
                words.push(word);
                end
            } else {
                read_number_run(&bytes, start, &mut numbers, &mut words, &mut counts)
            };
            next = next_digit(&bytes, i);
        }
        Hay {
            text,
            numbers,
            words,
            counts,
            rare,
            mentions: core::cell::OnceCell::new(),
            triggers: core::cell::OnceCell::new(),
            passed_over: core::cell::Cell::new(false),
        }
    }

    /// False when `byte` is known not to occur in the text: it is `@`, `:`, `~` or above, and
    /// the text has none (of the bytes from `~` up). True otherwise: the byte may occur.
    pub fn may_contain(&self, byte: u8) -> bool {
        match byte {
            b'@' => self.rare.at,
            b':' => self.rare.colon,
            b'~'.. => self.rare.high,
            _ => true,
        }
    }

    /// Where the trigger patterns of the secret, person and URL recognizers occur, searched once
    /// on first use (see [`triggers`]); `None` when their finder could not be built.
    pub fn triggers(&self) -> Option<&triggers::Found> {
        self.triggers.get_or_init(|| triggers::find(self)).as_ref()
    }

    /// Notes that a recognizer passed over a value for what stands near it: no context word
    /// within reach, a number between a birth word and its date, a version word, capitalised
    /// words after a name. Redaction shortens the text and puts placeholders in, which may change
    /// that (`call jane.doe@example.com or 5551234567` redacted to `call [EMAIL_1] or
    /// 5551234567`), so the redacted text must be scanned again (see `Guard::settle`).
    pub fn note_passed_over(&self) {
        self.passed_over.set(true);
    }

    /// Whether [`Hay::note_passed_over`] was called.
    pub fn passed_over(&self) -> bool {
        self.passed_over.get()
    }

    /// [`Hay::mentions`] if the words were already searched for, without searching.
    pub fn mentions_if_searched(&self) -> Option<&Mentions> {
        self.mentions.get().and_then(Option::as_ref)
    }

    /// The built-in context words occurring in the text, searched once on first use; `None`
    /// when the text is not ASCII (then each window is searched on its own).
    pub fn mentions(&self) -> Option<&Mentions> {
        self.mentions
            .get_or_init(|| Mentions::new(self.text))
            .as_ref()
    }
}

/// The first position of `needle` in `bytes`, as `memchr::memmem::find` finds it: `memchr`
/// (vectorised) to each occurrence of the needle's rarest byte (by [`commonness`]), then a
/// compare. The needles searched this way are short markers (`://`, `www.`, `-----`, `http`,
/// street words, injection stems), so this is about as fast as memmem's searchers and keeps
/// them (4.5 KB of WebAssembly) out of the browser module. An empty needle is found nowhere.
pub(crate) fn find_bytes(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    let (k, &rare) = needle
        .iter()
        .enumerate()
        .min_by_key(|&(_, &b)| commonness(b))?;
    let mut from = k;
    while let Some(p) = memchr::memchr(rare, bytes.get(from..)?) {
        let at = from + p - k;
        if bytes.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        from += p + 1;
    }
    None
}

/// How common a byte is in chat text, roughly: the space, then lower-case letters from `e`
/// (most common) to `z`, then everything else (punctuation, digits, capitals, non-ASCII).
fn commonness(b: u8) -> u8 {
    COMMONNESS[usize::from(b)]
}

/// [`commonness`] of every byte.
static COMMONNESS: [u8; 256] = {
    const BY_FREQUENCY: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        table[BY_FREQUENCY[i] as usize] = (BY_FREQUENCY.len() - i) as u8;
        i += 1;
    }
    table
};

/// Every non-overlapping position of `needle` in `bytes`, in order, as
/// `memchr::memmem::find_iter` gives them (see [`find_bytes`]).
pub(crate) fn find_bytes_iter<'b>(
    bytes: &'b [u8],
    needle: &'b [u8],
) -> impl Iterator<Item = usize> + 'b {
    let mut from = 0;
    core::iter::from_fn(move || {
        let at = from + find_bytes(bytes.get(from..)?, needle)?;
        from = at + needle.len().max(1);
        Some(at)
    })
}

/// The position of the first ASCII digit at or after `from`, looking at eight bytes at a time.
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let bytes = Table(bytes);
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        // A byte is a digit when `b ^ 0x30` is below 10; test all eight lanes at once.
        let x = u64::from_le_bytes(chunk) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & HIGH != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

/// The position of the last ASCII digit of `bytes`, looking at eight bytes at a time from the end.
pub(crate) fn last_digit(bytes: &[u8]) -> Option<usize> {
    let bytes = Table(bytes);
    let mut end = bytes.len();
    while end >= 8 {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[end - 8..end]);
        let x = u64::from_le_bytes(chunk) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & HIGH != 0 {
            break;
        }
        end -= 8;
    }
    bytes[..end].iter().rposition(u8::is_ascii_digit)
}

/// Where the ASCII letters and digits from `from` end, and how many digits they hold.
fn alphanumeric_end(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut end = from;
    let mut digits = 0;
    while let Some(&b) = bytes.get(end).filter(|&&b| alphanumeric(b)) {
        digits += digit_count(b);
        end += 1;
    }
    (end, digits)
}

/// Reads the number run starting at the digit at `start` (a word opens there) into `numbers`,
/// and the words it makes into `words`: one per group, the last one running on over the letters
/// glued to it (`12345678Z`), the first one `lettered` when a letter stands one separator
/// before it. Returns where the last word ends.
fn read_number_run(
    bytes: &[u8],
    start: usize,
    numbers: &mut NumberRuns,
    words: &mut Vec<Word>,
    counts: &mut Counts,
) -> usize {
    let bytes = Table(bytes);
    let plus = start > 0 && bytes[start - 1] == b'+';
    let mut lettered = start >= 2
        && matches!(bytes[start - 1], b' ' | b'-' | b'.')
        && bytes[start - 2].is_ascii_alphabetic();
    let first = numbers.groups.len();
    let mut g = start;
    let mut total = 0;
    let mut count = 0;
    let mut glued = false;
    let end = loop {
        let mut e = g;
        while bytes.get(e).is_some_and(|&b| class(b) == DIGIT) {
            e += 1;
        }
        total += e - g;
        count += 1;
        numbers.groups.push((g, e));
        let next = bytes.get(e).map_or(0, |&b| class(b));
        // A group glued to a letter ends the run there (`12345678Z`): its word runs on over
        // the letters and digits after it.
        let (word_end, more) = if next == LETTER {
            alphanumeric_end(&bytes, e)
        } else {
            (e, 0)
        };
        let word = Word {
            start: g,
            end: word_end,
            digits: e - g + more,
            lettered,
        };
        counts.add_word(&word);
        words.push(word);
        lettered = false;
        if next == LETTER {
            glued = true;
            break word_end;
        }
        if count >= MAX_GROUPS || total >= MAX_DIGITS {
            break e;
        }
        if next == SEPARATOR && bytes.get(e + 1).is_some_and(|&b| class(b) == DIGIT) {
            g = e + 1;
            continue;
        }
        break e;
    };
    let groups = numbers.groups.get(first..).unwrap_or_default();
    counts.add_run(groups, total, glued);
    numbers.runs.push(StoredRun {
        start: if plus { start - 1 } else { start },
        end: groups.last().map_or(start, |&(_, e)| e),
        digits: total,
        groups_end: numbers.groups.len(),
        // At most `MAX_GROUPS`, which fits in a byte.
        count: count as u8,
        plus,
    });
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_searches_find_what_memmem_finds() {
        // Every text over a small alphabet up to six bytes long (and a few longer ones), with
        // needles that overlap themselves and needles that do not.
        let mut texts: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=6 {
            let mut grown = Vec::new();
            for t in texts.iter().filter(|t| t.len() == len - 1) {
                for &b in b"aw:/." {
                    let mut t = t.clone();
                    t.push(b);
                    grown.push(t);
                }
            }
            texts.extend(grown);
        }
        texts.push(b"see https://x.example/ and www.example.org, wwww.a://b".to_vec());
        texts.push(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----".to_vec());
        for needle in [
            &b"://"[..],
            b"www.",
            b"aa",
            b"aaa",
            b"a",
            b"-----",
            b"",
            b"w:/a.w",
        ] {
            for text in &texts {
                let expected = memchr::memmem::find(text, needle);
                if !needle.is_empty() {
                    assert_eq!(find_bytes(text, needle), expected, "{text:?} {needle:?}");
                    let all: Vec<usize> = memchr::memmem::find_iter(text, needle).collect();
                    let ours: Vec<usize> = find_bytes_iter(text, needle).collect();
                    assert_eq!(ours, all, "{text:?} {needle:?}");
                } else {
                    assert_eq!(find_bytes(text, needle), None);
                }
            }
        }
    }

    #[test]
    fn runs_join_separated_groups() {
        let hay = Hay::new("card 4012-8888 8888.1881 exp 12/27, call +44 20 7946 0958");
        let runs: Vec<&str> = hay
            .numbers
            .iter()
            .map(|r| &hay.text[r.start..r.end])
            .collect();
        assert_eq!(runs, ["4012-8888 8888.1881", "12/27", "+44 20 7946 0958"]);
        assert!(hay.numbers.iter().nth(2).is_some_and(|r| r.plus));
        let run = hay.numbers.iter().next().unwrap();
        assert_eq!(
            run.digits(hay.text, 0, run.groups.len() - 1).as_bytes(),
            b"4012888888881881"
        );
    }

    #[test]
    fn words_keep_letters_and_digits_together() {
        let hay = Hay::new("nino AB123456C dni 12345678Z plain words");
        let words: Vec<&str> = hay
            .words
            .iter()
            .map(|w| &hay.text[w.start..w.end])
            .collect();
        assert_eq!(words, ["AB123456C", "12345678Z"]);
        let runs: Vec<&str> = hay
            .numbers
            .iter()
            .map(|r| &hay.text[r.start..r.end])
            .collect();
        assert_eq!(runs, ["12345678"]);
    }

    #[test]
    fn subruns_find_inner_numbers_longest_first() {
        let hay = Hay::new("4012888888881881 12 27");
        let run = hay.numbers.iter().next().unwrap();
        let subs = run.subruns(13, 19);
        assert_eq!(subs[0], (0, 1));
        assert!(subs.contains(&(0, 0)));
        assert_eq!(subs.into_iter().next(), Some((0, 1)));
    }

    #[test]
    fn next_and_last_digit_find_every_digit_position() {
        let text = b"no digits here at all, then 7 and x9y and finally 0";
        let expected: Vec<usize> = text
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(d) = next_digit(text, at) {
            found.push(d);
            at = d + 1;
        }
        assert_eq!(found, expected);
        for len in 0..text.len() {
            assert_eq!(
                last_digit(&text[..len]),
                expected.iter().rev().copied().find(|&d| d < len),
                "{len}"
            );
        }
        for b in 0..=255u8 {
            let bytes = [b'a', b'b', b'c', b'd', b'e', b'f', b'g', b, b'h'];
            assert_eq!(
                next_digit(&bytes, 0),
                b.is_ascii_digit().then_some(7),
                "byte {b}"
            );
        }
    }

    #[test]
    fn may_contain_is_false_only_for_absent_rare_bytes() {
        let mut text = [b'a'; 19];
        assert!([b'@', b':', b'~', 0xD0]
            .iter()
            .all(|&b| !Hay::new("plain words").may_contain(b)));
        for at in 0..text.len() {
            for byte in 0..=255u8 {
                text[at] = byte;
                for len in 0..=text.len() {
                    let Ok(s) = core::str::from_utf8(&text[..len]) else {
                        continue;
                    };
                    let hay = Hay::new(s);
                    assert_eq!(RareBytes::of(s.as_bytes()).1, next_digit(s.as_bytes(), 0));
                    for probe in [b'@', b':', b'~', 0x7F, 0xD0, 0xE2, b'x', b'?'] {
                        let expected = match probe {
                            b'@' | b':' => s.bytes().any(|b| b == probe),
                            b'~'.. => s.bytes().any(|b| b >= b'~'),
                            _ => true,
                        };
                        assert_eq!(hay.may_contain(probe), expected, "{probe} in {s:?}");
                    }
                }
            }
            text[at] = b'a';
        }
        let hay = Hay::new("пароль: x");
        assert!(hay.may_contain(0xD0) && hay.may_contain(b':') && !hay.may_contain(b'@'));
    }

    #[test]
    fn words_are_every_maximal_alphanumeric_run_with_a_digit() {
        const PIECES: &[&str] = &[
            "1", "22", "a", "Z", "x9", " ", "-", ".", "/", "+", "é", "  ", "X-1",
        ];
        let texts = crate::detect::builtin::shape::testing::random_texts(PIECES, 5_000, 120);
        for text in &texts {
            let bytes = text.as_bytes();
            let mut want = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let digits = bytes[start..i]
                    .iter()
                    .filter(|b| b.is_ascii_digit())
                    .count();
                if digits > 0 {
                    let lettered = bytes[start].is_ascii_alphabetic()
                        || start >= 2
                            && matches!(bytes[start - 1], b' ' | b'-' | b'.')
                            && bytes[start - 2].is_ascii_alphabetic();
                    want.push((start, i, digits, lettered));
                }
                i = i.max(start + 1);
            }
            let hay = Hay::new(text);
            let got: Vec<_> = hay
                .words
                .iter()
                .map(|w| (w.start, w.end, w.digits, w.lettered))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn run_digits_and_group_pairs_hold_every_range_and_pair_of_groups() {
        const PIECES: &[&str] = &["1", "22", "333", "4444", "55555", " ", "-", ".", "x", "  "];
        let texts = crate::detect::builtin::shape::testing::random_texts(PIECES, 5_000, 120);
        for text in &texts {
            let hay = Hay::new(text);
            let (mut want, mut pairs, mut glued) = (0u64, 0u64, 0u64);
            for run in &hay.numbers {
                let total: usize = run.groups.iter().map(|&(s, e)| e - s).sum();
                assert_eq!(run.digits, total, "{text:?}");
                if run.groups.len() >= MAX_GROUPS || total >= MAX_DIGITS {
                    want = u64::MAX;
                    pairs = u64::MAX;
                    glued = u64::MAX;
                    continue;
                }
                let letter_after = text
                    .as_bytes()
                    .get(run.end)
                    .is_some_and(u8::is_ascii_alphabetic);
                for first in 0..run.groups.len() {
                    for last in first..run.groups.len() {
                        let sum = run.groups[first..=last].iter().map(|&(s, e)| e - s).sum();
                        want |= count_bit(sum);
                        if letter_after && last + 1 == run.groups.len() {
                            glued |= count_bit(sum);
                        }
                    }
                }
                for two in run.groups.windows(2) {
                    pairs |= pair_bit(two[0].1 - two[0].0, two[1].1 - two[1].0);
                }
            }
            assert_eq!(hay.counts.run_digits, want, "{text:?}");
            assert_eq!(hay.counts.group_pairs, pairs, "{text:?}");
            assert_eq!(hay.counts.glued_run_digits, glued, "{text:?}");
        }
    }

    #[test]
    fn a_lent_hay_reads_as_a_new_one_and_its_buffers_come_back_empty() {
        let texts = [
            "card 4012-8888 8888.1881 exp 12/27, call +44 20 7946 0958",
            "no digits at all",
            "nino AB123456C dni 12345678Z 1 2  3--4",
            "",
        ];
        let summary = |hay: &Hay<'_>| {
            let runs: Vec<_> = hay
                .numbers
                .iter()
                .map(|r| (r.start, r.end, r.plus, r.digits, r.groups.to_vec()))
                .collect();
            let words: Vec<_> = hay
                .words
                .iter()
                .map(|w| (w.start, w.end, w.digits, w.lettered))
                .collect();
            (runs, words, hay.counts, hay.rare)
        };
        for _ in 0..2 {
            for text in texts {
                let lent = Hay::lent(text, |hay| {
                    // A nested hay gets buffers of its own.
                    let nested = Hay::lent("5555 4444", |inner| summary(inner));
                    assert_eq!(nested, summary(&Hay::new("5555 4444")));
                    summary(hay)
                });
                assert_eq!(lent, summary(&Hay::new(text)), "{text:?}");
                LENT.with(|cell| {
                    let kept = cell.take().unwrap_or_default();
                    assert!(kept.numbers.is_empty() && kept.numbers.groups.is_empty());
                    assert!(kept.words.is_empty());
                    cell.set(Some(kept));
                });
            }
        }
    }

    #[test]
    fn a_run_never_swallows_a_double_separator() {
        let hay = Hay::new("1 2  3--4");
        let runs: Vec<&str> = hay
            .numbers
            .iter()
            .map(|r| &hay.text[r.start..r.end])
            .collect();
        assert_eq!(runs, ["1 2", "3", "4"]);
    }
}

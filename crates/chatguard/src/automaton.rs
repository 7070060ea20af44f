//! The crate's one multi-pattern matcher: every word list, trigger list and phrase lexicon is
//! searched with a [`Matcher`], an Aho-Corasick automaton compiled to a DFA.
//!
//! The textbook construction: a trie of the patterns, failure links filled breadth first, and
//! every missing transition resolved through the failure links at build time, so a search takes
//! one table look-up per haystack byte and never backtracks (linear time on any input). Bytes no
//! pattern tells apart share one column of the table (byte classes); state ids are premultiplied
//! by the row length, so a transition is `trans[state + class[byte]]`. Match states come first
//! after the dead state, so one comparison per byte tells whether anything is to be done.
//!
//! A list whose dense table would pass [`DENSE_BUDGET`] (big policy deny lists; none of the
//! crate's own lists) is built in a compact mode instead ([`SparseDelta`]): the trie's sorted
//! edges and failure links, followed at search time, still linear, with the same match states
//! and match lists, so both modes report exactly the same matches through the same search loops.
//!
//! Match semantics are exactly those of the aho-corasick crate's DFA (which this module replaced
//! to keep its builders, search loops and `Debug` impls, about 21 KB gzipped, out of the browser
//! module): [`MatchKind::Standard`] reports each match as soon as it ends, and overlapping
//! search reports every one of them; the leftmost kinds report, of the matches starting
//! leftmost, the first-listed or the longest one. The tests compare both on random pattern
//! sets, and in this crate's own test build every search of every list is checked against
//! aho-corasick (a dev-dependency) as it runs.
//!
//! ```text
//! let m = Matcher::new(&["dob", "born"], MatchKind::Standard, Case::AsciiInsensitive)?;
//! for hit in m.find_overlapping_iter("Born on ...") { /* hit.pattern(), hit.start() */ }
//! ```

use crate::table::Table;
use std::collections::VecDeque;
use std::fmt;

/// Whether ASCII letters match regardless of case (non-ASCII bytes always match exactly).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Bytes match only themselves.
    Exact,
    /// `A`–`Z` and `a`–`z` match each other; other bytes match only themselves.
    AsciiInsensitive,
}

/// Which matches a search reports (the aho-corasick crate's semantics of the same names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MatchKind {
    /// Every match, as soon as it ends; the only kind that supports overlapping search.
    /// Non-overlapping search reports the match that ends first and resumes after it.
    Standard,
    /// Of the matches starting leftmost, the one whose pattern was listed first.
    LeftmostFirst,
    /// Of the matches starting leftmost, the longest one.
    LeftmostLongest,
}

/// The index of a pattern in the list a [`Matcher`] was built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PatternId(u32);

impl PatternId {
    /// The pattern's index in the list.
    pub(crate) fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// One match: which pattern, and where (half-open byte offsets into the haystack).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Match {
    pattern: PatternId,
    start: usize,
    end: usize,
}

impl Match {
    /// The matched pattern.
    pub(crate) fn pattern(&self) -> PatternId {
        self.pattern
    }

    /// Where the match starts.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Where the match ends (exclusive).
    pub(crate) fn end(&self) -> usize {
        self.end
    }
}

/// Why a pattern list could not be compiled: its automaton would need more states (or the list
/// more patterns) than 32-bit ids address.
#[derive(Clone, Debug)]
pub(crate) struct BuildError {
    /// The number of patterns in the list.
    patterns: usize,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} patterns are too many for one automaton",
            self.patterns
        )
    }
}

/// The dead state: every transition loops to it, and a leftmost search stops on entering it.
const DEAD: u32 = 0;
/// While building: the start state's index.
const START: usize = 1;
/// While building: a trie cell with no edge (yet).
const FAIL: u32 = u32::MAX;

/// The dense table's size limit in bytes: a pattern list whose table could exceed it is
/// compiled to the compact representation instead (see [`SparseDelta`]). Every list of the
/// crate itself stays far below it (the largest, the phrase lexicon, needs well under 1 MB), so
/// only big policy deny lists switch; 4 MB keeps the table of one policy a few percent of a
/// Cloudflare Worker's 128 MB while covering deny lists of about a thousand names.
const DENSE_BUDGET: usize = 4 << 20;

#[cfg(test)]
thread_local! {
    /// Test build only: the dense budget this thread's builds use (0 forces the compact mode).
    static TEST_DENSE_BUDGET: core::cell::Cell<usize> = const { core::cell::Cell::new(DENSE_BUDGET) };
}

/// The dense budget in force: [`DENSE_BUDGET`], or in the test build the thread's override.
fn dense_budget() -> usize {
    #[cfg(test)]
    return TEST_DENSE_BUDGET.with(core::cell::Cell::get);
    #[cfg(not(test))]
    DENSE_BUDGET
}

#[cfg(test)]
thread_local! {
    /// Test build only: how many compact matchers this thread has built.
    static COMPACT_BUILDS: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Test build only: how many compact matchers any thread built under the default budget.
#[cfg(test)]
static COMPACT_AT_DEFAULT_BUDGET: core::sync::atomic::AtomicUsize =
    core::sync::atomic::AtomicUsize::new(0);

/// Test build only: runs `f` with the dense budget set to `budget` on this thread.
#[cfg(test)]
pub(crate) fn with_dense_budget<T>(budget: usize, f: impl FnOnce() -> T) -> T {
    let before = TEST_DENSE_BUDGET.with(|b| b.replace(budget));
    let out = f();
    TEST_DENSE_BUDGET.with(|b| b.set(before));
    out
}

/// One step of the automaton: the state after `state` reads `byte`.
trait Step {
    fn step(&self, state: u32, byte: u8) -> u32;
}

/// The DFA: every transition resolved at build time, one table look-up per byte.
#[derive(Clone)]
struct DenseDelta {
    /// `classes[b]`: the column of byte `b` in every row of `trans`.
    classes: [u8; 256],
    /// The transition table, one row of `1 << stride2` cells per state. A state's id is the
    /// index of its row's first cell; row 0 is the dead state, then come the match states.
    trans: Table<Vec<u32>>,
}

impl Step for DenseDelta {
    #[inline(always)]
    fn step(&self, state: u32, byte: u8) -> u32 {
        // Invariant: every id is a row start and every class is below the row length.
        self.trans[state as usize + usize::from(self.classes[usize::from(byte)])]
    }
}

/// The compact mode for big pattern lists: the trie's own edges, sorted per state, plus
/// failure links, followed at search time (the classic Aho-Corasick NFA). A step follows
/// failure links until a state has an edge on the byte; each failure link leads to a shallower
/// state and each byte deepens by at most one, so a search stays linear in the haystack. The
/// start state keeps a full 256-entry row, the one state every search keeps returning to.
/// State ids are plain indices (no premultiplication); about 13 bytes per state instead of a
/// dense row of 4 bytes per byte class.
#[derive(Clone)]
struct SparseDelta {
    /// Whether bytes are upper-cased (ASCII letters only) before a look-up: edges are labelled
    /// with upper-case letters under [`Case::AsciiInsensitive`].
    fold: bool,
    /// The start state's id.
    start: u32,
    /// The start state's transition on every byte (already resolved).
    start_row: Box<[u32; 256]>,
    /// State `s`'s edges are `edge_offsets[s]..edge_offsets[s + 1]` in the two arrays below.
    edge_offsets: Table<Vec<u32>>,
    /// Edge labels, sorted within each state.
    edge_bytes: Table<Vec<u8>>,
    /// Edge targets.
    edge_targets: Table<Vec<u32>>,
    /// Each state's failure state (the dead state for a leftmost match state).
    fail: Table<Vec<u32>>,
}

impl Step for SparseDelta {
    #[inline(always)]
    fn step(&self, state: u32, byte: u8) -> u32 {
        let byte = if self.fold {
            byte.to_ascii_uppercase()
        } else {
            byte
        };
        let mut state = state;
        loop {
            if state == self.start {
                return self.start_row[usize::from(byte)];
            }
            if state == DEAD {
                return DEAD;
            }
            // Invariant: every id below is a state index, so `s + 1` indexes `edge_offsets`.
            let s = state as usize;
            let (from, to) = (
                self.edge_offsets[s] as usize,
                self.edge_offsets[s + 1] as usize,
            );
            if let Ok(i) = self.edge_bytes[from..to].binary_search(&byte) {
                return self.edge_targets[from + i];
            }
            state = self.fail[s];
        }
    }
}

/// How a [`Matcher`] finds its next state.
#[derive(Clone)]
enum Delta {
    Dense(DenseDelta),
    Sparse(SparseDelta),
}

/// A compiled set of patterns.
#[derive(Clone)]
pub(crate) struct Matcher {
    /// The transitions: a dense DFA, or the compact form when the DFA would exceed the budget.
    delta: Delta,
    /// Log2 of a dense row's length (the number of byte classes, rounded up to a power of
    /// two); 0 in the compact mode, whose ids are not premultiplied.
    stride2: u32,
    /// The start state's id.
    start: u32,
    /// The highest match state's id: ids `1..=max_match` are match states (0 if none is).
    max_match: u32,
    /// Match state `k` (id `(k + 1) << stride2`) reports the patterns
    /// `match_patterns[match_offsets[k]..match_offsets[k + 1]]`, in the order a search reports them.
    match_offsets: Table<Vec<u32>>,
    /// The concatenated pattern lists of the match states.
    match_patterns: Table<Vec<u32>>,
    /// Each pattern's length in bytes, to turn a match's end into its start.
    pattern_lens: Table<Vec<usize>>,
    kind: MatchKind,
    /// The aho-corasick crate's automaton for the same patterns: the crate's test build checks
    /// every search against it.
    #[cfg(test)]
    reference: aho_corasick::dfa::DFA,
}

impl fmt::Debug for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Matcher")
            .field("kind", &self.kind)
            .field("patterns", &self.pattern_lens.len())
            .field("states", &self.states())
            .field("compact", &self.is_compact())
            .finish()
    }
}

/// `b`'s other ASCII case, or `b` itself if it is not an ASCII letter.
fn other_case(b: u8) -> u8 {
    if b.is_ascii_alphabetic() {
        b ^ 0x20
    } else {
        b
    }
}

/// Splits the bytes into classes: each byte that occurs in a pattern (in either case when
/// `fold`) is a class of its own, and each run of bytes between them is one class.
fn byte_classes(patterns: &[&str], fold: bool) -> ([u8; 256], usize) {
    let mut ends_class = [false; 256];
    let mut mark = |b: u8| {
        if let Some(before) = b.checked_sub(1) {
            ends_class[usize::from(before)] = true;
        }
        ends_class[usize::from(b)] = true;
    };
    for &b in patterns.iter().flat_map(|p| p.as_bytes()) {
        mark(b);
        if fold {
            mark(other_case(b));
        }
    }
    let mut classes = [0u8; 256];
    let mut class = 0u8;
    for (b, slot) in classes.iter_mut().enumerate() {
        *slot = class;
        if ends_class[b] && b < 255 {
            class += 1;
        }
    }
    (classes, usize::from(class) + 1)
}

/// The order in which both builds number their states: dead, the match states (so that a state
/// id below a bound says "match"), the start state (unless it is a match state), the rest.
fn renumbering(states: usize, is_match: impl Fn(usize) -> bool) -> Vec<usize> {
    core::iter::once(DEAD as usize)
        .chain((0..states).filter(|&s| is_match(s)))
        .chain((!is_match(START)).then_some(START))
        .chain((0..states).filter(|&s| s != START && s != DEAD as usize && !is_match(s)))
        .collect()
}

impl Matcher {
    /// Compiles `patterns` (pattern `i` is reported as `Match::pattern() == i`) with the given
    /// match semantics. Overlapping search needs [`MatchKind::Standard`]; leftmost search
    /// reports the first- or longest-listed of the matches starting leftmost.
    ///
    /// Takes `&[&str]`, the one pattern type of the crate's lists, so that the browser module
    /// carries one compiled copy of the builder.
    pub(crate) fn new(
        patterns: &[&str],
        kind: MatchKind,
        case: Case,
    ) -> Result<Matcher, BuildError> {
        let too_many = BuildError {
            patterns: patterns.len(),
        };
        let fold = case == Case::AsciiInsensitive;
        let (classes, alphabet) = byte_classes(patterns, fold);
        let stride2 = alphabet.next_power_of_two().trailing_zeros();
        let budget = dense_budget();
        // The dead and start states' rows come first.
        if (2usize << stride2).saturating_mul(4) > budget {
            return Self::new_compact(patterns, kind, fold);
        }
        let class = |b: u8| usize::from(classes[usize::from(b)]);

        // The trie: `rows[s * alphabet + c]` is state s's edge on class c. State 0 is dead
        // (all edges to itself), state 1 the start.
        let mut rows = Table(vec![DEAD; alphabet]);
        rows.resize(2 * alphabet, FAIL);
        // Each state's matches, in report order: its own patterns, then those of its failure
        // state (then the start state's, for standard semantics).
        let mut matches: Table<Vec<Vec<u32>>> = Table(vec![Vec::new(), Vec::new()]);
        let mut pattern_lens = Table(Vec::with_capacity(patterns.len()));
        'patterns: for (id, pattern) in patterns.iter().enumerate() {
            let id = u32::try_from(id).map_err(|_| too_many.clone())?;
            pattern_lens.push(pattern.len());
            let mut state = START;
            let mut saw_match = false;
            for &b in pattern.as_bytes() {
                // Under leftmost-first semantics a pattern that extends a match listed earlier
                // can never be reported: it is left out of the trie.
                saw_match = saw_match || !matches[state].is_empty();
                if kind == MatchKind::LeftmostFirst && saw_match {
                    continue 'patterns;
                }
                let cell = state * alphabet + class(b);
                if rows[cell] != FAIL {
                    state = rows[cell] as usize;
                    continue;
                }
                let next = matches.len();
                // The finished table would have a row of `1 << stride2` cells per state: past
                // the budget, the list is built in the compact mode instead.
                if ((next + 1) << stride2).saturating_mul(4) > budget {
                    return Self::new_compact(patterns, kind, fold);
                }
                let next_id = u32::try_from(next).map_err(|_| too_many.clone())?;
                let grown = rows.len() + alphabet;
                rows.resize(grown, FAIL);
                matches.push(Vec::new());
                rows[cell] = next_id;
                if fold {
                    rows[state * alphabet + class(other_case(b))] = next_id;
                }
                state = next;
            }
            matches[state].push(id);
        }

        // Failure links, breadth first, completing each state's row as it leaves the queue:
        // a missing edge goes where the failure state's edge goes. Under leftmost semantics a
        // match state fails to the dead state, so a search stops once a match cannot extend.
        let leftmost = kind != MatchKind::Standard;
        let states = matches.len();
        let mut fail = Table(vec![START as u32; states]);
        let mut queued = Table(vec![false; states]);
        let mut queue = VecDeque::new();
        for c in 0..alphabet {
            let cell = START * alphabet + c;
            let next = rows[cell];
            if next == FAIL {
                rows[cell] = START as u32;
            } else if !queued[next as usize] {
                queued[next as usize] = true;
                queue.push_back(next as usize);
                if leftmost && !matches[next as usize].is_empty() {
                    fail[next as usize] = DEAD;
                }
            }
        }
        while let Some(state) = queue.pop_front() {
            let failure = fail[state] as usize;
            for c in 0..alphabet {
                let next = rows[state * alphabet + c];
                if next == FAIL || queued[next as usize] {
                    continue;
                }
                let next = next as usize;
                queued[next] = true;
                queue.push_back(next);
                if leftmost && !matches[next].is_empty() {
                    fail[next] = DEAD;
                    continue;
                }
                // The failure state's row is complete: it left the queue earlier.
                let next_fail = rows[failure * alphabet + c];
                fail[next] = next_fail;
                let inherited = matches[next_fail as usize].clone();
                matches[next].extend(inherited);
            }
            for c in 0..alphabet {
                if rows[state * alphabet + c] == FAIL {
                    rows[state * alphabet + c] = rows[failure * alphabet + c];
                }
            }
            if !leftmost {
                let inherited = matches[START].clone();
                matches[state].extend(inherited);
            }
        }
        // Under leftmost semantics an empty pattern matches at the start of the search and
        // nothing can start later: the start state does not loop.
        if leftmost && !matches[START].is_empty() {
            for cell in rows.iter_mut() {
                if *cell == START as u32 {
                    *cell = DEAD;
                }
            }
        }

        let is_match = |s: usize| s != DEAD as usize && !matches[s].is_empty();
        let order = renumbering(states, is_match);
        // Every premultiplied id (below `states << stride2`) must fit in 32 bits.
        if (states as u64) << stride2 > u64::from(u32::MAX) {
            return Err(too_many);
        }
        let mut new_id = Table(vec![DEAD; states]);
        for (index, &old) in order.iter().enumerate() {
            new_id[old] = (index << stride2) as u32;
        }
        let mut trans = Table(vec![DEAD; states << stride2]);
        let mut match_offsets = Table(vec![0u32]);
        let mut match_patterns = Table(Vec::new());
        for (&old, row) in order.iter().zip(trans.chunks_exact_mut(1 << stride2)) {
            for (cell, &next) in row
                .iter_mut()
                .zip(&rows[old * alphabet..(old + 1) * alphabet])
            {
                *cell = new_id[next as usize];
            }
            if is_match(old) {
                match_patterns.extend_from_slice(&matches[old]);
                let end = u32::try_from(match_patterns.len()).map_err(|_| too_many.clone())?;
                match_offsets.push(end);
            }
        }
        let match_states = match_offsets.len() - 1;
        Ok(Matcher {
            delta: Delta::Dense(DenseDelta { classes, trans }),
            stride2,
            start: new_id[START],
            max_match: (match_states << stride2) as u32,
            match_offsets,
            match_patterns,
            pattern_lens,
            kind,
            #[cfg(test)]
            reference: reference(patterns, kind, fold),
        })
    }

    /// [`Matcher::new`] in the compact mode ([`SparseDelta`]): the same trie, failure links
    /// and match lists as the dense build, step for step, with each state's edges kept sparse
    /// (a sorted child list) instead of a table row, so memory grows with the pattern bytes,
    /// not with bytes × byte classes.
    fn new_compact(patterns: &[&str], kind: MatchKind, fold: bool) -> Result<Matcher, BuildError> {
        const NONE: u32 = u32::MAX;
        #[cfg(test)]
        COMPACT_BUILDS.with(|n| n.set(n.get() + 1));
        #[cfg(test)]
        if dense_budget() == DENSE_BUDGET {
            COMPACT_AT_DEFAULT_BUDGET.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        }
        let too_many = || BuildError {
            patterns: patterns.len(),
        };
        // Under case folding an ASCII letter's edge is labelled with its upper case, the one of
        // its two bytes the dense build meets first, so children come in the dense build's order.
        let label = |b: u8| if fold { b.to_ascii_uppercase() } else { b };
        // The trie: each state's children form a list sorted by label.
        // At most one state per pattern byte, plus the dead and start states: reserved at
        // once, so growing never holds two copies.
        let most_states = patterns.iter().map(|p| p.len()).sum::<usize>() + 2;
        let with = |fill: u32| {
            let mut v = Vec::with_capacity(most_states);
            v.extend([fill, fill]);
            Table(v)
        };
        let mut first_child: Table<Vec<u32>> = with(NONE);
        let mut next_sibling: Table<Vec<u32>> = with(NONE);
        let mut labels: Table<Vec<u8>> = Table(Vec::with_capacity(most_states));
        labels.extend([0, 0]);
        // Each state's own patterns, newest first (`own_next` links a pattern to the previous).
        let mut own_head: Table<Vec<u32>> = with(NONE);
        let mut own_next: Table<Vec<u32>> = Table(Vec::with_capacity(patterns.len()));
        let mut pattern_lens = Table(Vec::with_capacity(patterns.len()));
        let child = |first_child: &Table<Vec<u32>>,
                     next_sibling: &Table<Vec<u32>>,
                     labels: &Table<Vec<u8>>,
                     s: usize,
                     c: u8| {
            let mut at = first_child[s];
            while at != NONE && labels[at as usize] < c {
                at = next_sibling[at as usize];
            }
            (at != NONE && labels[at as usize] == c).then_some(at)
        };
        'patterns: for (id, pattern) in patterns.iter().enumerate() {
            let id = u32::try_from(id).map_err(|_| too_many())?;
            pattern_lens.push(pattern.len());
            own_next.push(NONE);
            let mut state = START;
            let mut saw_match = false;
            for &b in pattern.as_bytes() {
                saw_match = saw_match || own_head[state] != NONE;
                if kind == MatchKind::LeftmostFirst && saw_match {
                    continue 'patterns;
                }
                let c = label(b);
                // Find the child labelled `c`, or the link after which to insert it.
                let mut before: Option<usize> = None;
                let mut at = first_child[state];
                while at != NONE && labels[at as usize] < c {
                    before = Some(at as usize);
                    at = next_sibling[at as usize];
                }
                if at != NONE && labels[at as usize] == c {
                    state = at as usize;
                    continue;
                }
                let next = u32::try_from(labels.len())
                    .ok()
                    .filter(|&n| n != NONE)
                    .ok_or_else(too_many)?;
                labels.push(c);
                first_child.push(NONE);
                own_head.push(NONE);
                next_sibling.push(at);
                match before {
                    Some(prev) => next_sibling[prev] = next,
                    None => first_child[state] = next,
                }
                state = next as usize;
            }
            // Invariant: `id` indexes `own_next`, pushed above.
            own_next[id as usize] = own_head[state];
            own_head[state] = id;
        }
        let states = labels.len();
        let own = |s: usize| {
            let mut list = Vec::new();
            let mut at = own_head[s];
            while at != NONE {
                list.push(at);
                at = own_next[at as usize];
            }
            list.reverse();
            list
        };
        let start_own = own(START);

        // Failure links and match lists, breadth first, exactly as the dense build computes
        // them: a state's list is its own patterns, then its failure state's list as it stands
        // when the state is discovered, and under standard semantics the start state's
        // patterns, appended when the state leaves the queue (`appended`).
        let leftmost = kind != MatchKind::Standard;
        let mut fail = Table(vec![START as u32; states]);
        fail[DEAD as usize] = DEAD;
        let mut list_from = Table(vec![0u32; states]);
        let mut list_len = Table(vec![0u32; states]);
        let mut appended = Table(vec![false; states]);
        let mut arena: Table<Vec<u32>> = Table(Vec::new());
        let push_list = |arena: &mut Vec<u32>, items: &[u32]| -> Result<(u32, u32), BuildError> {
            let from = u32::try_from(arena.len()).map_err(|_| too_many())?;
            arena.extend_from_slice(items);
            let len = u32::try_from(items.len()).map_err(|_| too_many())?;
            Ok((from, len))
        };
        let (from, len) = push_list(&mut arena, &start_own)?;
        list_from[START] = from;
        list_len[START] = len;
        // The transition of `s` on `c` as the dense build's completed rows give it (before
        // the leftmost empty-pattern rewrite).
        let resolve =
            |first_child: &Table<Vec<u32>>, fail: &Table<Vec<u32>>, mut s: usize, c: u8| loop {
                if s == DEAD as usize {
                    return DEAD as usize;
                }
                if let Some(next) = child(first_child, &next_sibling, &labels, s, c) {
                    return next as usize;
                }
                if s == START {
                    return START;
                }
                s = fail[s] as usize;
            };
        let mut queue: VecDeque<usize> = VecDeque::new();
        let mut at = first_child[START];
        while at != NONE {
            let next = at as usize;
            queue.push_back(next);
            let mine = own(next);
            if leftmost && !mine.is_empty() {
                fail[next] = DEAD;
            }
            let (from, len) = push_list(&mut arena, &mine)?;
            list_from[next] = from;
            list_len[next] = len;
            at = next_sibling[next];
        }
        while let Some(state) = queue.pop_front() {
            let failure = fail[state] as usize;
            let mut at = first_child[state];
            while at != NONE {
                let next = at as usize;
                at = next_sibling[next];
                queue.push_back(next);
                let mut list = own(next);
                if leftmost && !list.is_empty() {
                    fail[next] = DEAD;
                } else {
                    let next_fail = resolve(&first_child, &fail, failure, labels[next]);
                    fail[next] = next_fail as u32;
                    let (from, len) = (list_from[next_fail], list_len[next_fail]);
                    list.extend_from_slice(&arena[from as usize..(from + len) as usize]);
                    if appended[next_fail] {
                        list.extend_from_slice(&start_own);
                    }
                }
                let (from, len) = push_list(&mut arena, &list)?;
                list_from[next] = from;
                list_len[next] = len;
            }
            if !leftmost {
                appended[state] = true;
            }
        }
        drop(own_next);
        let list_of = |s: usize| {
            let (from, len) = (list_from[s] as usize, list_len[s] as usize);
            let suffix: &[u32] = if appended[s] { &start_own } else { &[] };
            arena[from..from + len].iter().chain(suffix)
        };

        let is_match = |s: usize| s != DEAD as usize && list_of(s).next().is_some();
        let order = renumbering(states, is_match);
        let mut new_id = Table(vec![DEAD; states]);
        for (index, &old) in order.iter().enumerate() {
            new_id[old] = u32::try_from(index).map_err(|_| too_many())?;
        }
        let mut edge_offsets = Table(Vec::with_capacity(states + 1));
        let mut edge_bytes = Table(Vec::with_capacity(states));
        let mut edge_targets = Table(Vec::with_capacity(states));
        let mut new_fail = Table(Vec::with_capacity(states));
        let mut match_offsets = Table(vec![0u32]);
        let mut match_patterns = Table(Vec::new());
        for old in order {
            edge_offsets.push(u32::try_from(edge_bytes.len()).map_err(|_| too_many())?);
            let mut at = first_child[old];
            while at != NONE {
                edge_bytes.push(labels[at as usize]);
                edge_targets.push(new_id[at as usize]);
                at = next_sibling[at as usize];
            }
            new_fail.push(new_id[fail[old] as usize]);
            if is_match(old) {
                match_patterns.extend(list_of(old));
                let end = u32::try_from(match_patterns.len()).map_err(|_| too_many())?;
                match_offsets.push(end);
            }
        }
        edge_offsets.push(u32::try_from(edge_bytes.len()).map_err(|_| too_many())?);
        // The start state's full row; under leftmost semantics an empty pattern matches at the
        // start and nothing can start later, so its missing edges lead to the dead state.
        let stay = if leftmost && is_match(START) {
            DEAD
        } else {
            new_id[START]
        };
        let mut start_row = Box::new([stay; 256]);
        for (b, cell) in (0..=255u8).zip(start_row.iter_mut()) {
            if let Some(next) = child(&first_child, &next_sibling, &labels, START, label(b)) {
                *cell = new_id[next as usize];
            }
        }
        let match_states = match_offsets.len() - 1;
        Ok(Matcher {
            delta: Delta::Sparse(SparseDelta {
                fold,
                start: new_id[START],
                start_row,
                edge_offsets,
                edge_bytes,
                edge_targets,
                fail: new_fail,
            }),
            stride2: 0,
            start: new_id[START],
            max_match: u32::try_from(match_states).map_err(|_| too_many())?,
            match_offsets,
            match_patterns,
            pattern_lens,
            kind,
            #[cfg(test)]
            reference: reference(patterns, kind, fold),
        })
    }

    /// Whether the matcher uses the compact mode.
    fn is_compact(&self) -> bool {
        matches!(self.delta, Delta::Sparse(_))
    }

    /// The number of states.
    fn states(&self) -> usize {
        match &self.delta {
            Delta::Dense(dense) => dense.trans.len() >> self.stride2,
            Delta::Sparse(sparse) => sparse.fail.len(),
        }
    }

    /// Whether `state` is the dead state or a match state (one comparison).
    #[inline(always)]
    fn is_special(&self, state: u32) -> bool {
        state <= self.max_match
    }

    /// The patterns match state `state` reports.
    fn patterns_of(&self, state: u32) -> &[u32] {
        // Invariant: `state` is a match state, so `k + 1` indexes `match_offsets`.
        let k = (state >> self.stride2) as usize - 1;
        let (from, to) = (self.match_offsets[k], self.match_offsets[k + 1]);
        &self.match_patterns[from as usize..to as usize]
    }

    /// The `index`-th match reported in match state `state`, ending at `end`.
    fn match_at(&self, state: u32, index: usize, end: usize) -> Match {
        let pattern = self.patterns_of(state)[index];
        Match {
            pattern: PatternId(pattern),
            start: end - self.pattern_lens[pattern as usize],
            end,
        }
    }

    /// Whether `state` is a match state.
    fn is_match(&self, state: u32) -> bool {
        state != DEAD && self.is_special(state)
    }

    /// The first match in `hay[from..]` under the matcher's match kind (nothing if `from` is
    /// past the end).
    fn find_from(&self, hay: &[u8], from: usize) -> Option<Match> {
        match &self.delta {
            Delta::Dense(dense) => self.find_from_with(dense, hay, from),
            Delta::Sparse(sparse) => self.find_from_with(sparse, hay, from),
        }
    }

    /// [`Matcher::find_from`] with the transitions `delta`.
    #[inline(always)]
    fn find_from_with(&self, delta: &impl Step, hay: &[u8], from: usize) -> Option<Match> {
        let earliest = self.kind == MatchKind::Standard;
        let rest = hay.get(from..)?;
        let mut state = self.start;
        let mut found = None;
        if self.is_match(state) {
            found = Some(self.match_at(state, 0, from));
            if earliest {
                return found;
            }
        }
        for (at, &byte) in (from..).zip(rest) {
            state = delta.step(state, byte);
            if self.is_special(state) {
                if state == DEAD {
                    return found;
                }
                found = Some(self.match_at(state, 0, at + 1));
                if earliest {
                    return found;
                }
            }
        }
        found
    }

    /// The non-overlapping matches in `hay`, left to right, under the matcher's match kind.
    pub(crate) fn find_iter<'a, 'h, H: AsRef<[u8]> + ?Sized>(
        &'a self,
        hay: &'h H,
    ) -> impl Iterator<Item = Match> + use<'a, 'h, H> {
        let found = FindIter {
            matcher: self,
            hay: hay.as_ref(),
            from: 0,
            last_end: None,
        };
        #[cfg(test)]
        let found = self.checked(hay.as_ref(), found, false);
        found
    }

    /// Every match in `hay`, overlapping ones too, ordered by end (and, at one end, longest
    /// first). Reports nothing unless the matcher was built with [`MatchKind::Standard`].
    pub(crate) fn find_overlapping_iter<'a, 'h, H: AsRef<[u8]> + ?Sized>(
        &'a self,
        hay: &'h H,
    ) -> impl Iterator<Item = Match> + use<'a, 'h, H> {
        let found = OverlappingIter {
            matcher: self,
            hay: hay.as_ref(),
            state: (self.kind == MatchKind::Standard).then_some(self.start),
            started: false,
            at: 0,
            next_index: None,
        };
        #[cfg(test)]
        let found = self.checked(hay.as_ref(), found, true);
        found
    }

    /// Test build only: `found`, after checking it equals aho-corasick's answer.
    #[cfg(test)]
    fn checked(
        &self,
        hay: &[u8],
        found: impl Iterator<Item = Match>,
        overlapping: bool,
    ) -> std::vec::IntoIter<Match> {
        use aho_corasick::automaton::Automaton;
        let input = aho_corasick::Input::new(hay);
        let convert = |m: aho_corasick::Match| Match {
            pattern: PatternId(m.pattern().as_u32()),
            start: m.start(),
            end: m.end(),
        };
        let expected: Vec<Match> = if overlapping {
            let it = self.reference.try_find_overlapping_iter(input);
            it.into_iter().flatten().map(convert).collect()
        } else {
            let it = self.reference.try_find_iter(input);
            it.into_iter().flatten().map(convert).collect()
        };
        let found: Vec<Match> = found.collect();
        assert_eq!(
            found,
            expected,
            "{:?} on {:?}",
            self,
            String::from_utf8_lossy(hay)
        );
        found.into_iter()
    }
}

/// Non-overlapping search: one [`Matcher::find_from`] per match.
struct FindIter<'a, 'h> {
    matcher: &'a Matcher,
    hay: &'h [u8],
    /// Where the next search starts.
    from: usize,
    /// The end of the last match reported: an empty match there is skipped.
    last_end: Option<usize>,
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let mut found = self.matcher.find_from(self.hay, self.from)?;
        if found.start == found.end && Some(found.end) == self.last_end {
            // An empty match right after the last match: search again one byte on.
            self.from += 1;
            found = self.matcher.find_from(self.hay, self.from)?;
        }
        self.from = found.end;
        self.last_end = Some(found.end);
        Some(found)
    }
}

/// Overlapping search: walks the haystack once, reporting each match state's patterns in turn.
struct OverlappingIter<'a, 'h> {
    matcher: &'a Matcher,
    hay: &'h [u8],
    /// The current state; `None` once the search is over (or if it cannot run).
    state: Option<u32>,
    /// Whether the start state's own matches (empty patterns) have been reported.
    started: bool,
    /// The offset of the byte the current state read last (or the search's start).
    at: usize,
    /// The index of the next match to report in the current match state.
    next_index: Option<usize>,
}

impl Iterator for OverlappingIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let matcher = self.matcher;
        let state = self.state?;
        if !self.started {
            if matcher.is_match(state) {
                let index = self.next_index.unwrap_or(0);
                if index < matcher.patterns_of(state).len() {
                    self.next_index = Some(index + 1);
                    return Some(matcher.match_at(state, index, 0));
                }
            }
            self.started = true;
            self.next_index = None;
        } else if let Some(index) = self.next_index {
            if index < matcher.patterns_of(state).len() {
                self.next_index = Some(index + 1);
                return Some(matcher.match_at(state, index, self.at + 1));
            }
            self.at += 1;
            self.next_index = None;
        }
        let (state, at) = match &matcher.delta {
            Delta::Dense(dense) => matcher.run_to_special(dense, state, self.hay, self.at),
            Delta::Sparse(sparse) => matcher.run_to_special(sparse, state, self.hay, self.at),
        };
        self.at = at;
        if at >= self.hay.len() || state == DEAD {
            self.state = None;
            return None;
        }
        self.state = Some(state);
        self.next_index = Some(1);
        Some(matcher.match_at(state, 0, at + 1))
    }
}

impl Matcher {
    /// Reads `hay` from `at` until a byte leads to the dead state or a match state: that state
    /// and the byte's offset, or the last state and `hay.len()` if none does.
    #[inline(always)]
    fn run_to_special(
        &self,
        delta: &impl Step,
        mut state: u32,
        hay: &[u8],
        mut at: usize,
    ) -> (u32, usize) {
        while let Some(&byte) = hay.get(at) {
            state = delta.step(state, byte);
            if self.is_special(state) {
                return (state, at);
            }
            at += 1;
        }
        (state, at)
    }
}

/// Test build only: the aho-corasick crate's DFA for the same patterns and semantics.
#[cfg(test)]
fn reference(patterns: &[&str], kind: MatchKind, fold: bool) -> aho_corasick::dfa::DFA {
    aho_corasick::dfa::DFA::builder()
        .match_kind(match kind {
            MatchKind::Standard => aho_corasick::MatchKind::Standard,
            MatchKind::LeftmostFirst => aho_corasick::MatchKind::LeftmostFirst,
            MatchKind::LeftmostLongest => aho_corasick::MatchKind::LeftmostLongest,
        })
        .ascii_case_insensitive(fold)
        .build(patterns)
        .expect("aho-corasick builds what the matcher builds")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(it: impl Iterator<Item = Match>) -> Vec<(usize, usize, usize)> {
        it.map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn overlapping_search_reports_every_match() {
        let m = Matcher::new(&["abc", "bc", "c"], MatchKind::Standard, Case::Exact).unwrap();
        assert_eq!(
            spans(m.find_overlapping_iter("xabc")),
            vec![(0, 1, 4), (1, 2, 4), (2, 3, 4)]
        );
        // At one end, the longest match first, whatever the list order.
        let m = Matcher::new(&["c", "bc", "abc"], MatchKind::Standard, Case::Exact).unwrap();
        assert_eq!(
            spans(m.find_overlapping_iter("xabc")),
            vec![(2, 1, 4), (1, 2, 4), (0, 3, 4)]
        );
    }

    #[test]
    fn standard_non_overlapping_search_reports_the_match_ending_first() {
        let m = Matcher::new(&["abcd", "bc"], MatchKind::Standard, Case::Exact).unwrap();
        assert_eq!(spans(m.find_iter("abcd abcd")), vec![(1, 1, 3), (1, 6, 8)]);
    }

    #[test]
    fn leftmost_kinds_pick_first_or_longest() {
        let first = Matcher::new(&["ab", "abcd"], MatchKind::LeftmostFirst, Case::Exact).unwrap();
        assert_eq!(spans(first.find_iter("abcd")), vec![(0, 0, 2)]);
        let longest =
            Matcher::new(&["ab", "abcd"], MatchKind::LeftmostLongest, Case::Exact).unwrap();
        assert_eq!(
            spans(longest.find_iter("abcd ab")),
            vec![(1, 0, 4), (0, 5, 7)]
        );
        // A failed attempt at the longer pattern falls back to a match inside it.
        let m = Matcher::new(&["abcd", "bc"], MatchKind::LeftmostLongest, Case::Exact).unwrap();
        assert_eq!(spans(m.find_iter("abcx")), vec![(1, 1, 3)]);
        // Overlapping search is defined only for standard semantics: it reports nothing.
        assert_eq!(spans(longest.find_overlapping_iter("abcd")), vec![]);
    }

    #[test]
    fn empty_patterns_match_between_bytes() {
        let m = Matcher::new(&["", "b"], MatchKind::LeftmostFirst, Case::Exact).unwrap();
        assert_eq!(
            spans(m.find_iter("ab")),
            vec![(0, 0, 0), (0, 1, 1), (0, 2, 2)]
        );
        let m = Matcher::new(&["b", ""], MatchKind::Standard, Case::Exact).unwrap();
        assert_eq!(
            spans(m.find_overlapping_iter("ab")),
            vec![(1, 0, 0), (1, 1, 1), (0, 1, 2), (1, 2, 2)]
        );
    }

    #[test]
    fn case_folds_ascii_only() {
        let finds = |m: &Matcher, hay: &str| m.find_iter(hay).next().is_some();
        let exact = Matcher::new(&["née"], MatchKind::Standard, Case::Exact).unwrap();
        assert!(!finds(&exact, "NÉE") && !finds(&exact, "Née") && finds(&exact, "née"));
        let folded = Matcher::new(&["née"], MatchKind::Standard, Case::AsciiInsensitive).unwrap();
        assert!(finds(&folded, "Née") && !finds(&folded, "NÉE"));
    }

    #[test]
    fn spans_are_byte_offsets_into_the_haystack() {
        let m = Matcher::new(&["born"], MatchKind::Standard, Case::AsciiInsensitive).unwrap();
        let hay = "é BORN";
        let hit = m.find_iter(hay).next().unwrap();
        assert_eq!(&hay[hit.start()..hit.end()], "BORN");
        assert_eq!(spans(m.find_iter(hay.as_bytes())), vec![(0, 3, 7)]);
    }

    #[test]
    fn an_empty_list_matches_nothing() {
        let m = Matcher::new(&[], MatchKind::LeftmostLongest, Case::AsciiInsensitive).unwrap();
        assert_eq!(spans(m.find_iter("anything")), vec![]);
    }

    /// The crate's own lists (word lists, triggers, the phrase lexicon, document addressing
    /// phrases, delimiters), searched by the whole pipeline over the benchmark haystacks: each
    /// search checks itself against aho-corasick in the test build.
    #[test]
    fn the_crate_lists_agree_with_aho_corasick_on_the_haystacks() {
        run_the_crate_lists_on_the_haystacks();
        // Every list of the crate (its lazily built statics included, whichever thread built
        // them) fits the dense budget: its speed is the DFA's.
        let compact = COMPACT_AT_DEFAULT_BUDGET.load(core::sync::atomic::Ordering::Relaxed);
        assert_eq!(compact, 0, "a crate list was built in the compact mode");
    }

    /// The same in the compact mode: every list built on this thread is compact.
    #[test]
    fn the_crate_lists_agree_with_aho_corasick_in_the_compact_mode() {
        let compact_before = COMPACT_BUILDS.with(core::cell::Cell::get);
        with_dense_budget(0, run_the_crate_lists_on_the_haystacks);
        assert!(COMPACT_BUILDS.with(core::cell::Cell::get) > compact_before);
    }

    fn run_the_crate_lists_on_the_haystacks() {
        let guard = crate::Guard::new(crate::Policy::default()).unwrap();
        let cx = crate::Context::default();
        let mut findings = 0;
        for text in [
            include_str!("../../../tests/haystacks/benign_chat.txt"),
            include_str!("../../../tests/haystacks/pii_dense.txt"),
            include_str!("../../../tests/haystacks/sample_chat.txt"),
        ] {
            for line in text.lines() {
                findings += guard.check(line, &cx).findings.len();
                #[cfg(feature = "inject")]
                for mode in [crate::InjectionMode::Chat, crate::InjectionMode::Document] {
                    let _ = guard.injection_in(line, mode);
                }
            }
        }
        assert!(findings > 0, "the dense haystack has findings");
    }

    /// Text over a small alphabet (a two-byte letter included), so patterns share prefixes and
    /// suffixes and match often.
    fn small_text(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec!['a', 'b', 'c', 'A', 'B', 'é', ' ']),
            0..=max,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Every match kind and case mode, dense and compact, on random lists (empty, duplicate
        /// and prefix patterns included) and haystacks: `find_iter` and `find_overlapping_iter`
        /// check themselves against aho-corasick in the test build; this runs them.
        #[test]
        fn agrees_with_aho_corasick(
            patterns in proptest::collection::vec(small_text(4), 0..8),
            hay in small_text(40),
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            for kind in [MatchKind::Standard, MatchKind::LeftmostFirst, MatchKind::LeftmostLongest] {
                for case in [Case::Exact, Case::AsciiInsensitive] {
                    for budget in [DENSE_BUDGET, 0] {
                        let m = with_dense_budget(budget, || Matcher::new(&patterns, kind, case))
                            .unwrap();
                        prop_assert_eq!(m.is_compact(), budget == 0);
                        let _ = m.find_iter(&hay).count();
                        let _ = m.find_overlapping_iter(&hay).count();
                    }
                }
            }
        }
    }
}

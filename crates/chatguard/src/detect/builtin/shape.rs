//! Shared matching for identifier recognizers: where a value may stand in the text, how its
//! digits may be grouped, and the calendar check their embedded dates need. Three ways to say
//! how a value is written, for three kinds of callers:
//!
//! - byte templates ([`scan_layouts`], [`scan_with`]): `d` is an ASCII digit, `x` a digit or
//!   `X`, `k` a digit or `K`, every other byte a literal separator (`ddd.ddd.ddd-dd`);
//! - group lengths with one consistent separator ([`each_grouped`]: `[3, 2, 4]` with `-` or
//!   space), for values whose neighbours may be glued to them by `-`, `/`, `@` …;
//! - a digit count with several accepted groupings and mixed separators ([`each_spot`]:
//!   `85.07.30-033.28`).
//!
//! Matching starts only at the digit groups the shared [`Hay`] pass already found and refuses
//! spans that continue a larger token, so `046 454 286` is not taken out of `1-046 454 286` or
//! `046 454 286.5`. Everything is bounded: each helper looks at a fixed number of bytes around
//! one candidate. Context words near a value are checked with [`crate::detect::context`].

use crate::detect::hay::{count_bit, pair_bit, Digits, Hay, NumberRun};
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

// ----- Byte templates -----------------------------------------------------------------------

/// The most identifier characters a layout may hold.
const MAX_CHARS: usize = 24;

/// A layout match: its span in the view and its characters without separators (upper case).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    /// Byte offset of the first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    buf: [u8; MAX_CHARS],
    len: usize,
}

impl Shape {
    /// The identifier characters without separators (`X` and `K` upper case).
    pub fn compact(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

fn is_separator(b: u8) -> bool {
    matches!(b, b'-' | b'.' | b'/' | b',')
}

/// True when the span `start..end` of `bytes` is a token of its own: not glued to letters or
/// digits, not preceded by `+` (phone numbers), and not continued by a separator and a digit.
/// When `spaced` (the layout itself groups with spaces) a space before more digits continues
/// the token too: `123 456 782 1` is some longer number, not a 9-digit one. A comma continues
/// only a plain run of digits (see [`comma_continues`]).
pub(crate) fn standalone(bytes: &[u8], start: usize, end: usize, spaced: bool) -> bool {
    let bytes = Table(bytes);
    let comma = comma_continues(bytes.get(start..end).unwrap_or_default());
    let joins = |b: u8| is_separator(b) && (comma || b != b',') || spaced && b == b' ';
    if start > 0 {
        let p = bytes[start - 1];
        if p.is_ascii_alphanumeric() || p == b'+' || p == b'_' {
            return false;
        }
        if joins(p) && start >= 2 && bytes[start - 2].is_ascii_digit() {
            return false;
        }
    }
    if let Some(&n) = bytes.get(end) {
        if n.is_ascii_alphanumeric() || n == b'_' {
            return false;
        }
        if joins(n) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            return false;
        }
    }
    true
}

/// Matches `layout` at `start`; returns the match or `None`.
fn match_at(bytes: &[u8], start: usize, layout: &[u8]) -> Option<Shape> {
    let mut shape = Shape {
        start,
        end: start,
        buf: [0; MAX_CHARS],
        len: 0,
    };
    let mut i = start;
    for &t in layout {
        let b = *bytes.get(i)?;
        let ok = match t {
            b'd' => b.is_ascii_digit(),
            b'x' => b.is_ascii_digit() || b == b'X' || b == b'x',
            b'k' => b.is_ascii_digit() || b == b'K' || b == b'k',
            _ => b == t,
        };
        if !ok {
            return None;
        }
        if matches!(t, b'd' | b'x' | b'k') {
            if shape.len >= MAX_CHARS {
                return None;
            }
            shape.buf[shape.len] = b.to_ascii_uppercase();
            shape.len += 1;
        }
        i += 1;
    }
    shape.end = i;
    standalone(bytes, start, i, layout.contains(&b' ')).then_some(shape)
}

/// The most layouts one call filters by their first group; the rest are always tried.
const MAX_FILTERED: usize = 16;

/// What a layout's first group says about where it can match: a layout can only start at a digit
/// group whose length is `len` (or `len - 1` when `short_ok`), or anywhere (`ANY`). Two bytes, so
/// that a list's [`LayoutStats`] stays small.
#[derive(Clone, Copy)]
struct FirstGroup {
    len: u8,
    short_ok: bool,
}

impl FirstGroup {
    const ANY: FirstGroup = FirstGroup {
        len: u8::MAX,
        short_ok: false,
    };

    /// The first group of `layout`. Digit groups in a [`Hay`] are maximal (the byte after one is
    /// no digit), so a leading run of `d` followed by a literal that is no digit must span the
    /// whole group; a layout of `d` only must too (a digit after it fails [`standalone`]); one of
    /// `d` and a final `x`/`k` spans the group or the group and a letter after it.
    const fn of(layout: &[u8]) -> FirstGroup {
        let mut len = 0;
        while len < layout.len() && layout[len] == b'd' {
            len += 1;
        }
        // Layouts are far shorter than `u8::MAX` (`MAX_CHARS`); a longer one may start anywhere.
        if len == 0 || len + 1 >= u8::MAX as usize {
            return FirstGroup::ANY;
        }
        let short = (len + 1) as u8;
        if len == layout.len() {
            return FirstGroup {
                len: short - 1,
                short_ok: false,
            };
        }
        match layout[len] {
            b'x' | b'k' if len + 1 == layout.len() => FirstGroup {
                len: short,
                short_ok: true,
            },
            b if !b.is_ascii_digit() && !matches!(b, b'x' | b'k') => FirstGroup {
                len: short - 1,
                short_ok: false,
            },
            _ => FirstGroup::ANY,
        }
    }

    /// The group lengths [`FirstGroup::fits`] accepts, as a [`Counts`] bit set (all bits for
    /// `ANY`).
    ///
    /// [`Counts`]: crate::detect::hay::Counts
    fn lengths(self) -> u64 {
        if self.len == u8::MAX {
            return u64::MAX;
        }
        let own = usize::from(self.len);
        let short = if self.short_ok && own > 0 {
            count_bit(own - 1)
        } else {
            0
        };
        count_bit(own) | short
    }

    /// False when the layout cannot match at a digit group of `len` digits.
    fn fits(self, len: usize) -> bool {
        let own = usize::from(self.len);
        self.len == u8::MAX || own == len || self.short_ok && own == len + 1
    }
}

/// The digit counts of the words every match of `layout` holds, as a [`Counts`] bit set (all of
/// them occur in a text where it matches). A match stands alone (no letter or digit touches
/// it), so a group of `d` that starts the layout or follows a literal that is no letter or digit,
/// and that ends the layout or is followed by such a literal, is a word of its own with exactly
/// that many digits. A group followed by a final `x`/`k` (a digit or a letter) says nothing.
///
/// [`Counts`]: crate::detect::hay::Counts
const fn layout_words(layout: &[u8]) -> u64 {
    let mut bits = 0;
    let mut i = 0;
    while i < layout.len() {
        let opens = i == 0 || !layout[i - 1].is_ascii_alphanumeric();
        let mut len = 0;
        while i + len < layout.len() && layout[i + len] == b'd' {
            len += 1;
        }
        if len == 0 {
            i += 1;
            continue;
        }
        let closes = i + len == layout.len() || !layout[i + len].is_ascii_alphanumeric();
        if opens && closes {
            bits |= count_bit(len);
        }
        i += len;
    }
    bits
}

/// The digit counts of which the text must hold a word for the group of `d` that a final `x`/`k`
/// follows (`dddddddk`), as a [`Counts`] bit set: a match stands alone, so that group and the
/// final character are one word, of `n` digits or of `n + 1`. 0 when there is no such group (or
/// something glued before it says otherwise).
///
/// [`Counts`]: crate::detect::hay::Counts
const fn layout_final_word(layout: &[u8]) -> u64 {
    let n = layout.len();
    if n < 2 || !matches!(layout[n - 1], b'x' | b'k') {
        return 0;
    }
    let mut start = n - 1;
    while start > 0 && layout[start - 1] == b'd' {
        start -= 1;
    }
    let len = n - 1 - start;
    if len == 0 || start > 0 && layout[start - 1].is_ascii_alphanumeric() {
        return 0;
    }
    count_bit(len) | count_bit(len + 1)
}

/// The [`pair_bit`]s of the neighbouring digit groups every match of `layout` holds, as
/// `Counts::group_pairs` holds them: two groups of `d` joined by one separator a number run
/// takes (` `, `-`, `.`, `/`), the second not followed by a `x`/`k` (which could be a digit of
/// it). A match starts at a digit group of a run, and a group of `d` ends where the layout has
/// no digit, so both are whole neighbouring groups of one run.
const fn layout_pairs(layout: &[u8]) -> u64 {
    let mut bits = 0;
    // The length of the group of `d` just read when one run separator follows it, else 0.
    let mut before = 0;
    let mut i = 0;
    while i < layout.len() {
        if layout[i] != b'd' {
            before = 0;
            i += 1;
            continue;
        }
        let start = i;
        while i < layout.len() && layout[i] == b'd' {
            i += 1;
        }
        let len = i - start;
        let whole = i == layout.len() || !matches!(layout[i], b'x' | b'k');
        if before > 0 && whole {
            bits |= pair_bit(before, len);
        }
        let joined = i + 1 < layout.len()
            && matches!(layout[i], b' ' | b'-' | b'.' | b'/')
            && layout[i + 1] == b'd';
        before = if joined { len } else { 0 };
        if joined {
            i += 1;
        }
    }
    bits
}

/// What [`scan_layouts`] needs to know of a list of layouts, worked out at compile time (see
/// [`Layouts::new`]).
#[derive(Clone, Copy)]
struct LayoutStats {
    /// [`layout_digits`] of the list.
    bits: u64,
    /// The fewest `d` any layout holds.
    need: usize,
    /// The first group of each of the first [`MAX_FILTERED`] layouts.
    first: [FirstGroup; MAX_FILTERED],
    /// [`layout_words`] of each of the first [`MAX_FILTERED`] layouts.
    words: [u64; MAX_FILTERED],
    /// [`layout_final_word`] of each of the first [`MAX_FILTERED`] layouts.
    final_word: [u64; MAX_FILTERED],
    /// [`layout_pairs`] of each of the first [`MAX_FILTERED`] layouts.
    pairs: [u64; MAX_FILTERED],
}

impl LayoutStats {
    const fn of(layouts: &[&str]) -> LayoutStats {
        let mut first = [FirstGroup::ANY; MAX_FILTERED];
        let mut words = [0; MAX_FILTERED];
        let mut final_word = [0; MAX_FILTERED];
        let mut pairs = [0; MAX_FILTERED];
        let mut need = usize::MAX;
        let mut i = 0;
        while i < layouts.len() {
            let layout = layouts[i].as_bytes();
            if i < MAX_FILTERED {
                first[i] = FirstGroup::of(layout);
                words[i] = layout_words(layout);
                final_word[i] = layout_final_word(layout);
                pairs[i] = layout_pairs(layout);
            }
            let mut digits = 0;
            let mut k = 0;
            while k < layout.len() {
                digits += (layout[k] == b'd') as usize;
                k += 1;
            }
            if digits < need {
                need = digits;
            }
            i += 1;
        }
        LayoutStats {
            bits: layout_digits(layouts),
            need: if layouts.is_empty() { 0 } else { need },
            first,
            words,
            final_word,
            pairs,
        }
    }
}

/// A list of byte templates (see the module documentation) and what [`scan_layouts`] needs to
/// know of it, worked out when the list is declared: `const CPF: Layouts =
/// Layouts::new(&["ddd.ddd.ddd-dd"]);`, or `&const { Layouts::new(..) }` in place.
pub(crate) struct Layouts {
    list: &'static [&'static str],
    stats: LayoutStats,
}

impl Layouts {
    /// The list with its stats; meant for a `const` (called at run time it works them out on
    /// each call).
    pub(crate) const fn new(list: &'static [&'static str]) -> Layouts {
        Layouts {
            list,
            stats: LayoutStats::of(list),
        }
    }
}

/// Calls `accept` for every place in `hay` where one of `layouts` matches as a standalone token.
/// Layouts are tried in order at each digit group; the first one `accept` takes wins there.
pub(crate) fn scan_layouts(
    hay: &Hay<'_>,
    layouts: &Layouts,
    mut accept: impl FnMut(&Shape) -> bool,
) {
    // A match covers whole consecutive groups of one run, so its digit total is one the run has;
    // most texts fail this test, so it stays in the callers.
    if hay.numbers.is_empty() || hay.counts.run_digits & layouts.stats.bits == 0 {
        return;
    }
    scan_layouts_dyn(hay, layouts, &mut accept);
}

/// [`scan_layouts`] compiled once: a dozen recognizers pass their own closures, and each copy of
/// the loop costs about 700 bytes of WebAssembly; the callback runs only for a match.
fn scan_layouts_dyn(hay: &Hay<'_>, layouts: &Layouts, accept: &mut dyn FnMut(&Shape) -> bool) {
    let bytes = Table(hay.text.as_bytes());
    let stats = &layouts.stats;
    let layouts = layouts.list;
    // And the text has a word for each of its whole groups (see `layout_words`) and for a group
    // before a final check character (`layout_final_word`), and its neighbouring groups
    // (`layout_pairs`): the layouts that may match, by index (those past `MAX_FILTERED` always
    // may). `starts` holds the lengths of the digit groups one of those may start at.
    let word_digits = hay.counts.word_digits;
    let group_pairs = hay.counts.group_pairs;
    let mut possible = 0u32;
    let mut starts = if layouts.len() > MAX_FILTERED {
        u64::MAX
    } else {
        0
    };
    for (i, &bits) in stats.words.iter().enumerate().take(layouts.len()) {
        let final_word = stats.final_word[i];
        if bits & !word_digits == 0
            && stats.pairs[i] & !group_pairs == 0
            && (final_word == 0 || final_word & word_digits != 0)
        {
            possible |= 1 << i;
            starts |= stats.first[i].lengths();
        }
    }
    if starts == 0 {
        return;
    }
    // The fewest digits any layout needs (a trailing `x`/`k` may be a letter outside the run).
    // Most number runs in chat (dates, prices, times) are shorter and are skipped at once.
    let need = stats.need;
    let first = &stats.first;
    let mut last_end = 0;
    for run in &hay.numbers {
        let mut left = run.digits;
        for &(start, end) in run.groups {
            if left < need {
                break;
            }
            left -= end - start;
            if start < last_end || starts & count_bit(end - start) == 0 {
                continue;
            }
            for (i, layout) in layouts.iter().enumerate() {
                if !first.get(i).is_none_or(|f| f.fits(end - start))
                    || i < MAX_FILTERED && possible & 1 << i == 0
                {
                    continue;
                }
                if let Some(shape) = match_at(&bytes, start, layout.as_bytes()) {
                    if accept(&shape) {
                        last_end = shape.end;
                        break;
                    }
                }
            }
        }
    }
}

/// The digit totals a match of one of `layouts` may have, as a [`Counts`] bit set: from the
/// number of `d` up to that plus the `x`/`k` (a digit or a letter). All bits when a layout could
/// cross from one number run into the next (a separator a run does not take, or a letter before
/// the end), so the caller never skips such layouts.
///
/// [`Counts`]: crate::detect::hay::Counts
pub(crate) const fn layout_digits(layouts: &[&str]) -> u64 {
    let mut bits = 0;
    let mut l = 0;
    while l < layouts.len() {
        let bytes = layouts[l].as_bytes();
        let (mut digits, mut either) = (0, 0);
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'd' => digits += 1,
                b'x' | b'k' if i + 1 == bytes.len() => either += 1,
                b' ' | b'-' | b'.' | b'/' => {}
                _ => return u64::MAX,
            }
            i += 1;
        }
        let mut n = digits;
        while n <= digits + either {
            bits |= count_bit(n);
            n += 1;
        }
        l += 1;
    }
    bits
}

/// What a layout-based recognizer reports: kind, base score (thousandths) and rule id.
pub(crate) struct Report {
    /// The kind pushed.
    pub kind: Kind,
    /// The base score in thousandths.
    pub milli: u16,
    /// The stable rule id.
    pub rule: &'static str,
}

/// Pushes a validated candidate for every standalone match of `layouts` whose compact characters
/// pass `valid`.
pub(crate) fn scan_with(
    hay: &Hay<'_>,
    out: &mut Vec<Candidate>,
    layouts: &Layouts,
    valid: fn(&[u8]) -> bool,
    report: &Report,
) {
    scan_layouts(hay, layouts, |s| {
        let ok = valid(s.compact());
        if ok {
            out.push(Candidate {
                kind: report.kind,
                start: s.start,
                end: s.end,
                score: Score::from_milli(report.milli),
                rule: report.rule,
                validated: true,
            });
        }
        ok
    });
}

// ----- Group lengths on one number run ------------------------------------------------------

/// Whether `glue` between a token and the byte `other` beyond it joins them into one larger token:
/// `ref-123456789`, `a/123456789`, `123456789@example.com`, `1.123456789`, `3,123456789`. A dot
/// after a word (`Nr.123`) or a comma after one does not join.
fn joins(glue: u8, other: u8) -> bool {
    match glue {
        b'-' | b'/' | b'_' | b'@' | b'+' => other.is_ascii_alphanumeric(),
        b'.' | b',' => other.is_ascii_digit(),
        _ => false,
    }
}

/// The first `N` bytes of `raw` in ASCII upper case (zero-filled when `raw` is shorter): the
/// fixed-length buffer the letter-and-digit identifiers are checked in.
pub(crate) fn ascii_upper<const N: usize>(raw: &[u8]) -> [u8; N] {
    let mut upper = [0u8; N];
    for (u, &b) in upper.iter_mut().zip(raw) {
        *u = b.to_ascii_uppercase();
    }
    upper
}

/// Pushes a candidate for every word of `len` characters (at most [`MAX_CHARS`]) holding
/// `digits.0..=digits.1` digits, written all upper or all lower case, that stands alone and passes
/// `valid` in upper case.
pub(crate) fn scan_cased_words(
    hay: &Hay<'_>,
    out: &mut Vec<Candidate>,
    len: usize,
    digits: (usize, usize),
    valid: fn(&[u8]) -> bool,
    report: &Report,
    validated: bool,
) {
    if len > MAX_CHARS {
        return;
    }
    let bytes = Table(hay.text.as_bytes());
    for word in &hay.words {
        if word.len() != len || word.digits < digits.0 || word.digits > digits.1 {
            continue;
        }
        let w = &bytes[word.start..word.end];
        if w.iter().any(u8::is_ascii_lowercase) && w.iter().any(u8::is_ascii_uppercase) {
            continue;
        }
        let upper: [u8; MAX_CHARS] = ascii_upper(w);
        if valid(&upper[..len]) && standalone(&bytes, word.start, word.end, false) {
            let (kind, milli, rule) = (report.kind, report.milli, report.rule);
            out.push(candidate(
                kind, word.start, word.end, milli, rule, validated,
            ));
        }
    }
}

/// True when `start..end` is a token of its own: no letter or digit touches it, and no glue byte
/// connects it to a neighbouring token (see [`joins`]; a comma only a plain run of digits, see
/// [`comma_continues`]).
pub(crate) fn isolated(bytes: &[u8], start: usize, end: usize) -> bool {
    let bytes = Table(bytes);
    if start > end || end > bytes.len() {
        return false;
    }
    let comma = comma_continues(&bytes[start..end]);
    let glued = |glue: u8, other: u8| joins(glue, other) && (comma || glue != b',');
    if start > 0 {
        let b = bytes[start - 1];
        if b.is_ascii_alphanumeric() || start > 1 && glued(b, bytes[start - 2]) {
            return false;
        }
    }
    if let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() || bytes.get(end + 1).is_some_and(|&o| glued(b, o)) {
            return false;
        }
    }
    true
}

/// Whether a comma next to `span` may continue it into more digits: only a plain run of digits
/// does (`3,123456789`, `1,000`); a value written with separators or letters of its own ends at a
/// comma, as CSV rows write their fields (`089-23-8678,340024373236933`,
/// `…,CRSLSI74R27H523M,…`).
fn comma_continues(span: &[u8]) -> bool {
    span.iter().all(u8::is_ascii_digit)
}

/// Pushes a candidate for every match of the group lengths `lens` with separator `seps` (see
/// [`each_grouped`]) whose digits pass `valid`: one non-generic copy for the recognizers that need
/// nothing more.
pub(crate) fn scan_grouped(
    hay: &Hay<'_>,
    out: &mut Vec<Candidate>,
    lens: &[usize],
    seps: &[u8],
    valid: fn(&[u8]) -> bool,
    report: &Report,
    validated: bool,
) {
    for run in &hay.numbers {
        each_grouped(run, hay.text, lens, seps, |g: Grouped| {
            if valid(g.digits.as_bytes()) {
                let (kind, milli, rule) = (report.kind, report.milli, report.rule);
                out.push(candidate(kind, g.start, g.end, milli, rule, validated));
            }
        });
    }
}

/// A match of a fixed digit-group layout inside a number run.
pub(crate) struct Grouped {
    /// Byte offset of the first digit.
    pub start: usize,
    /// One past the last digit.
    pub end: usize,
    /// The digits without separators.
    pub digits: Digits,
    /// The separator used between the groups, or `None` for a single group.
    pub sep: Option<u8>,
}

/// Calls `f` for every place in `run` where consecutive groups have exactly the lengths `lens`,
/// joined by one separator byte from `seps` used consistently. The match must stand alone: the
/// run may continue on either side only across a space, and only when the layout itself does
/// not use spaces (`123-45-6789 2024` is fine, `1 123 45 6789` is not an SSN). Runs that start
/// with `+` (international phone numbers) are skipped.
pub(crate) fn each_grouped(
    run: NumberRun<'_>,
    text: &str,
    lens: &[usize],
    seps: &[u8],
    mut f: impl FnMut(Grouped),
) {
    each_grouped_dyn(run, text, lens, seps, &mut f);
}

/// [`each_grouped`] compiled once: its callers pass a dozen different closures, and each copy of
/// the loop costs close to a kilobyte of WebAssembly; the callback runs only for a match.
fn each_grouped_dyn(
    run: NumberRun<'_>,
    text: &str,
    lens: &[usize],
    seps: &[u8],
    f: &mut dyn FnMut(Grouped),
) {
    let n = lens.len();
    if n == 0 || run.groups.len() < n {
        return;
    }
    let bytes = Table(text.as_bytes());
    for first in 0..=run.groups.len() - n {
        if first == 0 && run.plus {
            continue;
        }
        let last = first + n - 1;
        let fits = run.groups[first..=last]
            .iter()
            .zip(lens)
            .all(|(&(s, e), &len)| e - s == len);
        if !fits {
            continue;
        }
        let sep = if n > 1 {
            let s = run.separator_after(text, first);
            if !seps.contains(&s) || (first..last).any(|i| run.separator_after(text, i) != s) {
                continue;
            }
            Some(s)
        } else {
            None
        };
        let edge_ok = |i: usize| run.separator_after(text, i) == b' ' && sep != Some(b' ');
        if first > 0 && !edge_ok(first - 1) || last + 1 < run.groups.len() && !edge_ok(last) {
            continue;
        }
        let (start, end) = run.span(first, last);
        if !isolated(&bytes, start, end) {
            continue;
        }
        f(Grouped {
            start,
            end,
            digits: run.digits(text, first, last),
            sep,
        });
    }
}

// ----- A digit count with several groupings -------------------------------------------------

/// The accepted written forms of a fixed-length digit identifier.
pub(crate) struct Grouping {
    /// The number of digits.
    pub len: usize,
    /// Group layouts accepted besides the compact form, e.g. `&[6, 4]` for `YYMMDD/nnnn`.
    pub layouts: &'static [&'static [usize]],
    /// Separators accepted between the groups of a layout (they may be mixed: `85.07.30-033.28`).
    pub seps: &'static [u8],
}

/// One place where a [`Grouping`] matched.
pub(crate) struct Spot<'d> {
    /// The digits, without separators.
    pub digits: &'d [u8],
    /// Byte offset of the first digit in the view.
    pub start: usize,
    /// One past the last digit.
    pub end: usize,
    /// The first separator between groups, `None` for the compact form.
    pub sep: Option<u8>,
}

/// True when the byte at `i` exists and is an ASCII letter or digit.
pub(crate) fn alnum_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// Calls `check` on every span of `hay`'s number runs written in one of `shape`'s forms, and
/// returns nothing; `check` says whether it accepted the spot, so overlapping spots of the same
/// run are skipped afterwards. Spans glued to letters or digits, spans that continue into more
/// digits through a `-`, `.` or `/`, and runs opened by `+` (phone numbers) are skipped.
pub(crate) fn each_spot(hay: &Hay<'_>, shape: &Grouping, mut check: impl FnMut(&Spot<'_>) -> bool) {
    // Every spot is a range of groups holding exactly `shape.len` digits, and each of its groups
    // is a whole word of digits (nothing alphanumeric touches a spot, and groups are joined by
    // one separator byte), so the text has a word of each group's digit count. Most texts fail
    // this test, so it stays in the callers.
    if hay.counts.run_digits & count_bit(shape.len) == 0 || !words_may_hold(hay, shape) {
        return;
    }
    each_spot_dyn(hay, shape, &mut check);
}

/// [`each_spot`] compiled once for its twenty callers' closures; the callback runs only for a
/// spot.
fn each_spot_dyn(hay: &Hay<'_>, shape: &Grouping, check: &mut dyn FnMut(&Spot<'_>) -> bool) {
    let bytes = Table(hay.text.as_bytes());
    for run in &hay.numbers {
        let mut taken_until = 0;
        for (first, last) in exact_ranges(run, shape.len) {
            if run.plus && first == 0 {
                continue;
            }
            let (start, end) = run.span(first, last);
            if start < taken_until {
                continue;
            }
            let sep = if first == last {
                None
            } else {
                if !shape.layouts.iter().any(|l| run.groups_are(first, last, l)) {
                    continue;
                }
                if (first..last).any(|i| !shape.seps.contains(&run.separator_after(hay.text, i))) {
                    continue;
                }
                Some(run.separator_after(hay.text, first))
            };
            // Not glued to other alphanumerics, and not a slice of a longer dotted/dashed number.
            if start > 0 && alnum_at(&bytes, start - 1) || alnum_at(&bytes, end) {
                continue;
            }
            if first > 0 && run.separator_after(hay.text, first - 1) != b' '
                || last + 1 < run.groups.len() && run.separator_after(hay.text, last) != b' '
            {
                continue;
            }
            let digits = run.digits(hay.text, first, last);
            if digits.len() != shape.len {
                continue;
            }
            let spot = Spot {
                digits: digits.as_bytes(),
                start,
                end,
                sep,
            };
            if check(&spot) {
                taken_until = end;
            }
        }
    }
}

/// False when `hay` has no word for some group of every form of `shape`: the compact form is one
/// word of `shape.len` digits, a layout a word of each of its group lengths.
fn words_may_hold(hay: &Hay<'_>, shape: &Grouping) -> bool {
    let words = hay.counts.word_digits;
    let has = |len: usize| words & count_bit(len) != 0;
    has(shape.len)
        || shape
            .layouts
            .iter()
            .any(|layout| layout.iter().all(|&len| has(len)))
}

/// The ranges of groups `(first, last)` of `run` holding exactly `len` digits, by first group
/// (one per first group at most: every group has a digit). A sliding window, so linear in the
/// number of groups.
fn exact_ranges(run: NumberRun<'_>, len: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let groups = run.groups;
    // `total` counts the digits of `groups[first..next]`.
    let (mut next, mut total) = (0, 0);
    (0..groups.len()).filter_map(move |first| {
        while next < groups.len() && total < len {
            total += groups[next].1 - groups[next].0;
            next += 1;
        }
        let found = (total == len && next > first).then(|| (first, next - 1));
        if next > first {
            total -= groups[first].1 - groups[first].0;
        }
        found
    })
}

// ----- Digits, dates, candidates -------------------------------------------------------------

/// The decimal value of ASCII digits (at most 9 of them, so it fits in a `u32`).
pub(crate) fn num(digits: &[u8]) -> u32 {
    digits
        .iter()
        .take(9)
        .fold(0, |acc, &b| acc * 10 + u32::from(b.wrapping_sub(b'0') % 10))
}

/// The digit value at `i`, or 0 when out of range.
pub(crate) fn dig(digits: &[u8], i: usize) -> u32 {
    digits
        .get(i)
        .map_or(0, |&b| u32::from(b.wrapping_sub(b'0') % 10))
}

/// True when all the bytes are the same (`111.111.111-11` passes most mod-11 checks).
pub(crate) fn all_same(digits: &[u8]) -> bool {
    digits.windows(2).all(|w| w[0] == w[1])
}

/// `8-4-4-4-12` hex digits: a UUID.
pub(crate) fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// True when the byte at `at` lies inside a UUID (`56923185-8584-4351-a861-75dfc3ee2d02`): its
/// digit groups are no one's number, however their digits add up.
pub(crate) fn inside_uuid(bytes: &[u8], at: usize) -> bool {
    let bytes = Table(bytes);
    let part = |b: &u8| b.is_ascii_hexdigit() || *b == b'-';
    let start = at.min(bytes.len());
    let from = start - bytes[..start].iter().rev().take_while(|b| part(b)).count();
    let to = start + bytes[start..].iter().take_while(|b| part(b)).count();
    is_uuid(&bytes[from..to])
}

/// True for a Gregorian leap year.
pub(crate) fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// True when `year-month-day` is a real calendar date.
pub(crate) fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// True when `day.month` is a real date in some year ending in `yy` (two digits, century
/// unknown): 29 February is accepted when `yy` is a multiple of four (1900 is not a leap year,
/// but 2000 is).
pub(crate) fn valid_date_yy(yy: u32, month: u32, day: u32) -> bool {
    valid_date(2000 + yy % 100, month, day)
}

/// A candidate for `kind` with a base score in thousandths.
pub(crate) fn candidate(
    kind: Kind,
    start: usize,
    end: usize,
    milli: u16,
    rule: &'static str,
    validated: bool,
) -> Candidate {
    Candidate {
        kind,
        start,
        end,
        score: Score::from_milli(milli),
        rule,
        validated,
    }
}

/// Test helpers for the identifier modules: run one scanner, optionally with the framework's
/// context step.
/// Test helpers for the identifier modules: run one scanner, optionally with the framework's
/// context step.
#[cfg(test)]
pub(crate) mod testing {
    use crate::detect::context;
    use crate::detect::hay::Hay;
    use crate::detect::Candidate;

    /// A recognizer's scan function.
    pub(crate) type ScanFn = fn(&Hay<'_>, &mut Vec<Candidate>);

    /// The spans `scan` pushes for `text`.
    pub(crate) fn spans_found(text: &str, scan: ScanFn) -> Vec<&str> {
        found(text, scan)
            .into_iter()
            .map(|(span, _)| span)
            .collect()
    }

    /// The spans and base scores `scan` pushes for `text`.
    pub(crate) fn found(text: &str, scan: ScanFn) -> Vec<(&str, u16)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| (&text[c.start..c.end], c.score.milli()))
            .collect()
    }

    /// The spans and final scores left after the framework's context step.
    pub(crate) fn reported<'t>(
        text: &'t str,
        scan: ScanFn,
        ctx: &'static [&'static str],
        needs: bool,
    ) -> Vec<(&'t str, u16)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.into_iter()
            .filter_map(|c| context::apply(text, c, context::Support::only(ctx), needs))
            .map(|(c, _)| (&text[c.start..c.end], c.score.milli()))
            .collect()
    }

    /// What the whole engine reports for `text` under the default policy (threshold 0.5).
    pub(crate) fn pipeline(text: &str) -> Vec<(crate::Kind, &str)> {
        let guard = crate::Guard::new(crate::Policy::default()).expect("default policy builds");
        guard
            .scan(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.span.start..f.span.end]))
            .collect()
    }

    /// Checks that the whole engine reports no `kind` in any of `texts`: for a format that needs
    /// a word naming it, the value bare, after a business word or failing its check.
    pub(crate) fn not_reported(kind: crate::Kind, texts: &[&str]) {
        for text in texts {
            let found = pipeline(text);
            assert!(!found.iter().any(|(k, _)| *k == kind), "{text}: {found:?}");
        }
    }

    /// Checks that a scanner's look at the hay's counts before it reads the words (`scan`)
    /// finds what reading them all finds (`reading`), on texts glued together from `pieces`
    /// (which should hold valid values); at least `least` candidates must be found in all.
    pub(crate) fn counts_skip_nothing(
        scan: ScanFn,
        reading: ScanFn,
        pieces: &[&str],
        least: usize,
    ) {
        let mut total = 0;
        for text in random_texts(pieces, 3_000, 80) {
            let hay = Hay::new(&text);
            let (mut fast, mut plain) = (Vec::new(), Vec::new());
            scan(&hay, &mut fast);
            reading(&hay, &mut plain);
            assert_eq!(fast, plain, "{text:?}");
            total += plain.len();
        }
        assert!(total >= least, "{total} found");
    }

    /// `count` texts of up to `max_len` bytes glued together from `pieces` in a fixed
    /// pseudo-random order (xorshift), for the tests that compare a fast path with the plain
    /// reading it replaces.
    pub(crate) fn random_texts(pieces: &[&str], count: usize, max_len: usize) -> Vec<String> {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 33) as usize
        };
        (0..count)
            .map(|_| {
                let len = 1 + next() % max_len;
                let mut text = String::new();
                while text.len() < len {
                    text.push_str(pieces[next() % pieces.len()]);
                }
                text
            })
            .collect()
    }

    /// Just the spans of [`reported`].
    pub(crate) fn spans<'t>(
        text: &'t str,
        scan: ScanFn,
        ctx: &'static [&'static str],
        needs: bool,
    ) -> Vec<&'t str> {
        reported(text, scan, ctx, needs)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_words_are_the_groups_standing_alone() {
        let bits = |ns: &[usize]| ns.iter().fold(0, |b, &n| b | count_bit(n));
        assert_eq!(layout_words(b"dd.ddd.ddd-k"), bits(&[2, 3]));
        assert_eq!(layout_words(b"ddddddd-k"), bits(&[7]));
        assert_eq!(layout_words(b"dddddddk"), 0);
        assert_eq!(layout_words(b"AAdddd dd"), bits(&[2]));
        // A layout matches only where the text has a word for each such group.
        let hay = Hay::new("12.345.678-5");
        assert_eq!(layout_words(b"dd.ddd.ddd-k") & !hay.counts.word_digits, 0);
    }

    #[test]
    fn layout_pairs_and_final_words_are_what_every_match_holds() {
        assert_eq!(
            layout_pairs(b"d.ddd.ddd-d"),
            pair_bit(1, 3) | pair_bit(3, 3) | pair_bit(3, 1)
        );
        // A final check character may be a letter: no pair with the group it stands for.
        assert_eq!(
            layout_pairs(b"dd.ddd.ddd-k"),
            pair_bit(2, 3) | pair_bit(3, 3)
        );
        assert_eq!(layout_pairs(b"ddd.dddk"), 0);
        assert_eq!(layout_pairs(b"ddd,ddd"), 0);
        assert_eq!(layout_pairs(b"AAdddd dd"), pair_bit(4, 2));
        assert_eq!(layout_final_word(b"dddddddk"), count_bit(7) | count_bit(8));
        assert_eq!(layout_final_word(b"dd-dddx"), count_bit(3) | count_bit(4));
        assert_eq!(layout_final_word(b"Adddx"), 0);
        assert_eq!(layout_final_word(b"dd-ddd"), 0);
    }

    /// The filters of [`scan_layouts`] (digit totals, words, neighbouring groups, the first
    /// group's length, the digits left in a run) change nothing: it finds what trying every
    /// layout at every digit group finds.
    #[test]
    fn scan_layouts_finds_what_trying_every_layout_everywhere_finds() {
        use super::super::latam::{CI_LAYOUTS, RUT_DOTTED, RUT_PLAIN};
        const LISTS: &[&Layouts] = &[
            &CI_LAYOUTS,
            &RUT_DOTTED,
            &RUT_PLAIN,
            &Layouts::new(&["ddd ddd ddd", "ddd-dd-dddd", "dd/dd", "ddddx"]),
        ];
        const PIECES: &[&str] = &[
            "1", "22", "333", "4444", "1234567", "12345678", " ", "-", ".", "/", "K", "x", ",", "a",
        ];
        let texts = testing::random_texts(PIECES, 4_000, 60);
        let mut matched = 0;
        for layouts in LISTS {
            for text in &texts {
                let hay = Hay::new(text);
                let mut found = Vec::new();
                scan_layouts(&hay, layouts, |s| {
                    found.push((s.start, s.end));
                    true
                });
                let mut want = Vec::new();
                let mut last_end = 0;
                for run in &hay.numbers {
                    for &(start, _) in run.groups {
                        if start < last_end {
                            continue;
                        }
                        let bytes = text.as_bytes();
                        if let Some(shape) = layouts
                            .list
                            .iter()
                            .find_map(|l| match_at(bytes, start, l.as_bytes()))
                        {
                            want.push((shape.start, shape.end));
                            last_end = shape.end;
                        }
                    }
                }
                assert_eq!(found, want, "{text:?} {:?}", layouts.list);
                matched += found.len();
            }
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn layout_digits_counts_digits_and_a_final_check_character() {
        assert_eq!(layout_digits(&["ddd-ddd"]), count_bit(6));
        assert_eq!(
            layout_digits(&["dddddddd-k", "d.ddd"]),
            count_bit(8) | count_bit(9) | count_bit(4)
        );
        assert_eq!(layout_digits(&["ddd,ddd"]), u64::MAX);
        assert_eq!(layout_digits(&["dxd"]), u64::MAX);
    }

    fn shapes(text: &str, layouts: &'static [&'static str]) -> Vec<String> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan_layouts(&hay, &Layouts::new(layouts), |s| {
            out.push(format!(
                "{}|{}",
                &text[s.start..s.end],
                core::str::from_utf8(s.compact()).unwrap_or("")
            ));
            true
        });
        out
    }

    #[test]
    fn layouts_match_whole_tokens_only() {
        let l = &["ddd.ddd.ddd-dd", "ddddddddddd"];
        assert_eq!(
            shapes("cpf 123.456.789-09.", l),
            ["123.456.789-09|12345678909"]
        );
        assert_eq!(shapes("12345678909", l), ["12345678909|12345678909"]);
        assert!(shapes("1123.456.789-09", l).is_empty());
        assert!(shapes("123.456.789-091", l).is_empty());
        assert!(shapes("123.456.789-09-1", l).is_empty());
        assert!(shapes("7-123.456.789-09", l).is_empty());
        assert!(shapes("+12345678909", l).is_empty());
        assert!(shapes("a12345678909", l).is_empty());
        assert!(shapes("12345678909b", l).is_empty());
        assert!(shapes("12345678909,5", l).is_empty());
    }

    #[test]
    fn check_characters_and_separated_tokens() {
        assert_eq!(
            shapes("rut 7.654.321-k", &["d.ddd.ddd-k"]),
            ["7.654.321-k|7654321K"]
        );
        assert_eq!(
            shapes("id 11010519491231002x ok", &["dddddddddddddddddx"]),
            ["11010519491231002x|11010519491231002X"]
        );
        // A later group of a space-joined run is a token of its own.
        assert_eq!(
            shapes("on 2020 12345678909", &["ddddddddddd"]),
            ["12345678909|12345678909"]
        );
        // A spaced layout does not take the first groups of a longer spaced number.
        assert!(shapes("123 456 782 1", &["ddd ddd ddd"]).is_empty());
        assert!(shapes("7 123 456 782", &["ddd ddd ddd"]).is_empty());
    }

    proptest::proptest! {
        /// Every recognizer survives arbitrary text made of identifier-ish pieces (digits,
        /// separators, check letters, base58/bech32/hex characters, multi-byte characters) and
        /// reports spans on char boundaries inside the text.
        #[test]
        fn recognizers_never_panic(text in "([0-9]{1,14}[ .\\-/]?|[a-zA-Z,+_éxXkK身ำ]{1,3}[ ]?){0,12}") {
            let hay = Hay::new(&text);
            let mut out = Vec::new();
            for rec in super::super::RECOGNIZERS {
                out.clear();
                (rec.scan)(&hay, &mut out);
                for c in &out {
                    proptest::prop_assert!(c.start < c.end && c.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                }
            }
        }
    }

    fn groups(text: &str, lens: &[usize], seps: &[u8]) -> Vec<String> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        for run in &hay.numbers {
            each_grouped(run, text, lens, seps, |g| {
                out.push(text[g.start..g.end].to_owned());
            });
        }
        out
    }

    #[test]
    fn grouped_matches_stand_alone() {
        assert_eq!(
            groups("ssn 123-45-6789.", &[3, 2, 4], b"- "),
            ["123-45-6789"]
        );
        assert_eq!(
            groups("123-45-6789 2024", &[3, 2, 4], b"- "),
            ["123-45-6789"]
        );
        assert!(groups("1 123 45 6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("9-123-45-6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("123-45 6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("x123-45-6789", &[3, 2, 4], b"- ").is_empty());
        assert!(groups("+123 45 6789", &[3, 2, 4], b"- ").is_empty());
        assert_eq!(groups("n 123456789", &[9], b""), ["123456789"]);
        assert!(groups("1.123456789", &[9], b"").is_empty());
        assert!(groups("123456789@example.com", &[9], b"").is_empty());
    }

    #[test]
    fn dates() {
        assert!(valid_date(2000, 2, 29));
        assert!(!valid_date(1900, 2, 29));
        assert!(!valid_date(2023, 4, 31));
        assert!(!valid_date(2023, 13, 1));
        assert!(!valid_date(2023, 1, 0));
        assert!(valid_date_yy(0, 2, 29));
        assert!(!valid_date_yy(1, 2, 29));
    }

    #[test]
    fn isolation() {
        assert!(isolated(b"a 12 b", 2, 4));
        assert!(!isolated(b"a12 b", 1, 3));
        assert!(isolated(b"(12).", 1, 3));
        assert!(!isolated(b"12.5", 0, 2));
        assert!(isolated(b"Nr.12 x", 3, 5));
        assert!(isolated(b"ssn#12", 4, 6));
        assert!(!isolated(b"ORD-12", 4, 6));
        assert!(!isolated(b"x", 0, 5));
    }

    #[test]
    fn exact_ranges_are_the_subruns_of_that_length_by_first_group() {
        let texts = [
            "4012 8888 8888 1881 12 27",
            "1 2 3 4 5 6 7 8 9 10 11 12 13",
            "123456789 12-34-56 7.8.9/10",
            "99 1 22 333 4444 55555",
            "7",
        ];
        for text in texts {
            let hay = Hay::new(text);
            for run in &hay.numbers {
                for len in 1..=20 {
                    let mut expected: Vec<(usize, usize)> =
                        run.subruns(len, len).into_iter().collect();
                    expected.sort_unstable();
                    let found: Vec<(usize, usize)> = exact_ranges(run, len).collect();
                    assert_eq!(found, expected, "{text:?}, {len} digits");
                }
            }
        }
    }

    #[test]
    fn spots_respect_layouts_and_boundaries() {
        const SHAPE: Grouping = Grouping {
            len: 10,
            layouts: &[&[6, 4]],
            seps: b"/",
        };
        let find = |text: &str| {
            let hay = Hay::new(text);
            let mut out = Vec::new();
            each_spot(&hay, &SHAPE, |s| {
                out.push((s.start, s.end, s.sep));
                true
            });
            out
        };
        assert_eq!(find("rc 780123/4567 x"), [(3, 14, Some(b'/'))]);
        assert_eq!(find("7801234567"), [(0, 10, None)]);
        assert!(find("7801-234567").is_empty());
        assert!(find("a7801234567").is_empty());
        assert!(find("1.7801234567").is_empty());
        assert!(find("+7801234567").is_empty());
        assert_eq!(find("1 7801234567"), [(2, 12, None)]);
    }

    #[test]
    fn context_gates_weak_formats_end_to_end() {
        use crate::Kind;
        // One check digit, no structure: only with a context word.
        assert_eq!(
            testing::pipeline("Moj OIB je 33392005961"),
            [(Kind::HrOib, "33392005961")]
        );
        assert!(testing::pipeline("call 33392005961 now")
            .iter()
            .all(|(k, _)| *k != Kind::HrOib));
        assert_eq!(
            testing::pipeline("teudat zehut 039337423"),
            [(Kind::IlId, "039337423")]
        );
        assert!(testing::pipeline("code 039337423").is_empty());
        // Czech compact form needs context; the slash form does not.
        assert!(testing::pipeline("ref 7103192745").is_empty());
        assert_eq!(
            testing::pipeline("RČ 7103192745"),
            [(Kind::CzRc, "7103192745")]
        );
        assert_eq!(
            testing::pipeline("710319/2745"),
            [(Kind::CzRc, "710319/2745")]
        );
        // Strong formats report without context; contrary words pull them down.
        assert_eq!(
            testing::pipeline("756.9217.0769.85"),
            [(Kind::ChAhv, "756.9217.0769.85")]
        );
        assert!(testing::pipeline("order 44051401359 shipped").is_empty());
        assert_eq!(
            testing::pipeline("PESEL 44051401359"),
            [(Kind::PlPesel, "44051401359")]
        );
        assert_eq!(
            testing::pipeline("Steuer: DE136695976"),
            [(Kind::EuVat, "DE136695976")]
        );
    }

    proptest::proptest! {
        /// Untrusted input: any mix of digits, prefixes, separators and multi-byte characters
        /// never panics and yields spans on character boundaries.
        #[test]
        fn never_panics_and_spans_are_char_boundaries(
            text in "([0-9]{1,13}|[ ./-]|DE|NL|B|U|FR|é|č|ж|€|  ){0,24}"
        ) {
            let hay = Hay::new(&text);
            let mut out = Vec::new();
            crate::detect::run_builtin(&hay, &|_| true, &mut out);
            for (c, _) in &out {
                proptest::prop_assert!(c.start < c.end && c.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            }
        }
    }
}

#[cfg(test)]
mod end_to_end {
    // Every national-identifier kind through the whole engine (default policy): found with its
    // context word, and not found in benign text full of other numbers.
    use crate::{Guard, Kind, Policy};

    use super::testing::pipeline;

    /// What the pipeline reports, leaving out names (these sentences address people by name).
    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        pipeline(text)
            .into_iter()
            .filter(|(k, _)| *k != Kind::Person)
            .collect()
    }

    #[test]
    fn each_kind_in_a_sentence() {
        // Vectors are the documented or synthetic ones from each module's tests.
        let cases: &[(&str, Kind, &str)] = &[
            ("my ssn: 536-22-1234, thanks", Kind::UsSsn, "536-22-1234"),
            ("ITIN 912-70-1234", Kind::UsItin, "912-70-1234"),
            ("Dr. Lee, NPI 1234567893", Kind::UsNpi, "1234567893"),
            ("routing number 021000021", Kind::UsAbaRouting, "021000021"),
            (
                "my NI number is AB 12 34 56 C.",
                Kind::UkNino,
                "AB 12 34 56 C",
            ),
            ("NHS number: 943 476 5919", Kind::UkNhs, "943 476 5919"),
            ("mi DNI es 12345678Z.", Kind::EsDni, "12345678Z"),
            ("NIE X2482300W", Kind::EsNie, "X2482300W"),
            (
                "codice fiscale RCCMNL83S18D969H.",
                Kind::ItFiscalCode,
                "RCCMNL83S18D969H",
            ),
            (
                "sécu 1 85 05 78 006 084 91",
                Kind::FrNir,
                "1 85 05 78 006 084 91",
            ),
            (
                "Meine Steuer-ID: 36 574 261 809",
                Kind::DeTaxId,
                "36 574 261 809",
            ),
            ("mijn BSN is 123456782", Kind::NlBsn, "123456782"),
            (
                "personnummer 811228-9874",
                Kind::SePersonnummer,
                "811228-9874",
            ),
            ("CPR-nr. 211062-5629", Kind::DkCpr, "211062-5629"),
            ("hetu 131052-308T", Kind::FiHetu, "131052-308T"),
            ("fødselsnummer 15108695088", Kind::NoFnr, "15108695088"),
            ("kennitala 120174-3399", Kind::IsKennitala, "120174-3399"),
            ("o meu NIF é 289263166", Kind::PtNif, "289263166"),
            ("my PPS is 1234567T.", Kind::IePps, "1234567T"),
        ];
        for &(text, kind, span) in cases {
            assert_eq!(kinds(text), [(kind, span)], "{text}");
        }
    }

    #[test]
    fn structured_forms_stand_alone() {
        assert_eq!(kinds("536-22-1234"), [(Kind::UsSsn, "536-22-1234")]);
        assert_eq!(kinds("AB123456C"), [(Kind::UkNino, "AB123456C")]);
        assert_eq!(kinds("131052-308T"), [(Kind::FiHetu, "131052-308T")]);
        assert_eq!(
            kinds("RCCMNL83S18D969H"),
            [(Kind::ItFiscalCode, "RCCMNL83S18D969H")]
        );
    }

    #[test]
    fn never_panics_on_identifier_shaped_noise() {
        // Deterministic noise over the characters these recognizers care about, including
        // multi-byte ones next to digits.
        const ALPHABET: &[&str] = &[
            "0", "1", "2", "5", "8", "9", "A", "B", "C", "T", "X", "Z", "a", "-", "+", " ", ".",
            "/", "é", "ø", "\u{200b}", "２",
        ];
        let guard = Guard::new(Policy::default()).expect("default policy builds");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..40 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(ALPHABET[(x % ALPHABET.len() as u64) as usize]);
            }
            for f in guard.scan(&text) {
                assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            }
        }
    }

    #[test]
    fn benign_numbers_stay_quiet() {
        for text in [
            "order 536221234 shipped at 20240115123045, call +1 212 555 1234 or 212-555-1234",
            "ts 1700000000123, id 8112289874, build 123456782, see 15108695088",
            "Bestellung 36574261809, Rechnung 123456782, version 1.2.3, 2024-01-15 12:30",
            "commande 289263166, factura 1234567893, pedido 021000021, 943 476 5919",
            "ordine n. 211062-5629 del 15.01.2024, totale 1.234.567,89 EUR",
        ] {
            // Phone numbers in these lines are real findings; no identifier may appear.
            let ids: Vec<_> = kinds(text)
                .into_iter()
                .filter(|(k, _)| k.category() == crate::Category::GovernmentId)
                .collect();
            assert!(ids.is_empty(), "{text}: {ids:?}");
        }
    }
}

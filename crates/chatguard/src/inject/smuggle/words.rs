//! The one character pass behind every family except the byte encodings: invisible characters
//! (zero-width, tags, variation selectors, bidi controls), stacked marks, and words spelled with
//! look-alikes, compatibility forms, leetspeak, spaces between letters or ROT13.
//!
//! Each word is spelled once into lowercase ASCII ("skeleton"), remembering for each letter which
//! trick produced it; a trick counts only when it sits inside the instruction stem the skeleton
//! spells. Invisible characters count on their own where legitimate text never has them.

use super::lexicon::{self, Hit, STRONG};
use super::spell::{
    compatibility, confusable, is_diacritic_mark, is_rtl, is_spaced_script, latin_letter,
};
use super::{Family, SmuggleSignal};
use crate::normalize::{is_removable_invisible, keeps_joiner};
use crate::Span;

/// Skeletons longer than this are not instruction words; their letters are not kept.
const MAX_SKELETON: usize = 48;
/// Deepest bidi nesting tracked (UAX #9 allows 125).
const MAX_BIDI_DEPTH: usize = 125;

// What produced a skeleton letter.
const BY_LEET: u8 = 1;
const BY_CONFUSABLE: u8 = 2;
const BY_COMPAT: u8 = 4;
/// A weak invisible (ZWNJ, soft hyphen, grapheme joiner) follows this letter inside the word.
const BY_WEAK_INVISIBLE: u8 = 8;
/// A combining diacritic sits on this letter.
const BY_MARK: u8 = 16;

/// Runs the pass and appends its signals.
pub(super) fn scan(text: &str, out: &mut Vec<SmuggleSignal>) {
    let mut pass = Pass {
        text,
        out,
        word: Word::default(),
        pending: Pending::default(),
        prev: None,
        tags: None,
        selectors: None,
        bidi: Vec::new(),
        spaced: Spaced::default(),
        rot13: Vec::new(),
    };
    if text.is_ascii() {
        pass.ascii();
        return;
    }
    let mut prev_any: Option<char> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if c.is_ascii() {
            pass.close_invisible_runs();
            pass.visible(at, c);
        } else if is_removable_invisible(c) {
            pass.invisible(at, end, c, prev_any);
        } else {
            pass.close_invisible_runs();
            pass.visible(at, c);
        }
        prev_any = Some(c);
    }
    pass.close_invisible_runs();
    pass.end_word(text.len());
    pass.end_paragraph(text.len());
    pass.finish_spaced();
    pass.finish_rot13();
}

/// The word being read.
#[derive(Default)]
struct Word {
    start: Option<usize>,
    skeleton: Vec<u8>,
    by: Vec<u8>,
    too_long: bool,
    /// Some letter is not Latin and not a look-alike (the skeleton cannot match).
    foreign: bool,
    strong_invisible: bool,
    marks_on_base: u8,
    stacked_marks: bool,
    ascii_letters: usize,
    /// Every character so far is an ASCII letter (a ROT13 candidate).
    plain_letters: bool,
}

/// Zero-width characters seen since the last visible character.
#[derive(Default)]
struct Pending {
    first: Option<char>,
    count: u8,
    strong: bool,
    weak: bool,
}

/// A run of tag characters or variation selectors being read.
struct InvisibleRun {
    start: usize,
    end: usize,
    before: Option<char>,
    bytes: Vec<u8>,
    count: usize,
    only_presentation: bool,
}

/// An open bidi embedding, override or isolate.
struct BidiOpen {
    control: char,
    start: usize,
    has_rtl: bool,
}

/// Single letters separated by spaces or punctuation (`i g n o r e`).
#[derive(Default)]
struct Spaced {
    start: usize,
    end: usize,
    letters: Vec<u8>,
}

/// A word whose ROT13 spells an instruction stem.
struct Rot13Hit {
    start: usize,
    end: usize,
    weight: u8,
}

struct Pass<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<SmuggleSignal>,
    word: Word,
    pending: Pending,
    /// The last visible character.
    prev: Option<char>,
    tags: Option<InvisibleRun>,
    selectors: Option<InvisibleRun>,
    bidi: Vec<BidiOpen>,
    spaced: Spaced,
    rot13: Vec<Rot13Hit>,
}

impl Pass<'_, '_> {
    /// The fast path for ASCII text, which can only hide leetspeak, spaced letters and ROT13:
    /// words are cut with a byte loop and only the few that could be one of them are spelled.
    fn ascii(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if !is_ascii_word_byte(b) {
                if b == b'\n' || b == b'\r' {
                    self.finish_spaced();
                }
                i += 1;
                continue;
            }
            let start = i;
            let mut letters = 0usize;
            while let Some(&b) = bytes.get(i) {
                if !is_ascii_word_byte(b) {
                    break;
                }
                letters += usize::from(b.is_ascii_alphabetic());
                i += 1;
            }
            let word = bytes.get(start..i).unwrap_or(&[]);
            let all_letters = letters == word.len();
            let rot13_candidate = all_letters
                && word.len() >= 5
                && match word {
                    [a, b, ..] => lexicon::may_start(
                        rot13(a.to_ascii_lowercase()),
                        rot13(b.to_ascii_lowercase()),
                    ),
                    _ => false,
                };
            let leet_candidate = !all_letters && letters >= 2 && word.len() >= 5;
            if word.len() == 1 || rot13_candidate || leet_candidate {
                for (k, &b) in word.iter().enumerate() {
                    self.letter(start + k, char::from(b));
                }
                self.end_word(i);
            } else {
                self.finish_spaced();
            }
        }
        self.finish_spaced();
        self.finish_rot13();
    }

    fn push(&mut self, family: Family, start: usize, end: usize, revealed: String) {
        self.out.push(SmuggleSignal {
            family,
            span: Span::new(start, end),
            revealed,
        });
    }

    fn invisible(&mut self, at: usize, end: usize, c: char, prev_any: Option<char>) {
        match c {
            '\u{E0000}'..='\u{E007F}' => {
                self.close_selectors();
                let run = self
                    .tags
                    .get_or_insert_with(|| InvisibleRun::new(at, prev_any));
                run.end = end;
                run.count += 1;
                let cp = u32::from(c) - 0xE0000;
                if (0x20..0x7F).contains(&cp) {
                    run.bytes.push(cp as u8);
                }
            }
            '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}' => {
                self.close_tags();
                let run = self
                    .selectors
                    .get_or_insert_with(|| InvisibleRun::new(at, prev_any));
                run.end = end;
                run.count += 1;
                let cp = u32::from(c);
                run.only_presentation &= matches!(c, '\u{FE0E}' | '\u{FE0F}');
                match cp {
                    0xFE00..=0xFE0F => run.bytes.push((cp - 0xFE00) as u8),
                    0xE0100..=0xE01EF => run.bytes.push((cp - 0xE0100 + 16) as u8),
                    _ => {}
                }
            }
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                self.close_invisible_runs();
                self.bidi_control(at, end, c);
            }
            // Direction marks carry no text and are common in right-to-left writing.
            '\u{200E}' | '\u{200F}' | '\u{061C}' => self.close_invisible_runs(),
            _ => {
                self.close_invisible_runs();
                let strong = !matches!(c, '\u{200C}' | '\u{00AD}' | '\u{034F}');
                let p = &mut self.pending;
                p.first.get_or_insert(c);
                p.count = p.count.saturating_add(1);
                p.strong |= strong;
                p.weak |= !strong;
            }
        }
    }

    fn visible(&mut self, at: usize, c: char) {
        if self.pending.count > 0 {
            self.resolve_pending(c);
        }
        if matches!(c, '\n' | '\r' | '\u{2029}' | '\u{85}') {
            self.end_word(at);
            self.end_paragraph(at);
            self.finish_spaced();
        } else if !c.is_ascii() && is_rtl(c) {
            if let Some(top) = self.bidi.last_mut() {
                top.has_rtl = true;
            }
        }
        if is_word_char(c) {
            self.letter(at, c);
        } else {
            self.end_word(at);
        }
        if !is_diacritic_mark(c) {
            self.prev = Some(c);
        }
    }

    /// Decides what the zero-width characters before `next` were.
    fn resolve_pending(&mut self, next: char) {
        let p = core::mem::take(&mut self.pending);
        let Some(prev) = self.prev else { return };
        if self.word.start.is_none() || !next.is_alphanumeric() && !is_diacritic_mark(next) {
            return;
        }
        if p.count == 1
            && p.first
                .is_some_and(|z| keeps_joiner(z, Some(prev), Some(next)))
        {
            return;
        }
        if !(is_spaced_script(prev) || is_spaced_script(next)) {
            return;
        }
        if p.strong {
            self.word.strong_invisible = true;
        }
        if p.weak {
            if let Some(by) = self.word.by.last_mut() {
                *by |= BY_WEAK_INVISIBLE;
            }
        }
    }

    fn letter(&mut self, at: usize, c: char) {
        let w = &mut self.word;
        if w.start.is_none() {
            w.start = Some(at);
            w.plain_letters = true;
        }
        if is_diacritic_mark(c) {
            w.plain_letters = false;
            w.marks_on_base = w.marks_on_base.saturating_add(1);
            if w.marks_on_base >= 3 {
                w.stacked_marks = true;
            }
            if let Some(by) = w.by.last_mut() {
                *by |= BY_MARK;
            }
            return;
        }
        w.marks_on_base = 0;
        let (byte, by) = if c.is_ascii() {
            let b = c.to_ascii_lowercase() as u8;
            if c.is_ascii_alphabetic() {
                w.ascii_letters += 1;
                (b, 0)
            } else {
                w.plain_letters = false;
                (
                    b,
                    if lexicon::leet_letter(b).is_some() {
                        BY_LEET
                    } else {
                        0
                    },
                )
            }
        } else {
            w.plain_letters = false;
            if let Some(b) = latin_letter(c) {
                (b, 0)
            } else if let Some(b) = compatibility(c) {
                (b, BY_COMPAT)
            } else if let Some(b) = confusable(c) {
                (b, BY_CONFUSABLE)
            } else {
                w.foreign = true;
                (0xFF, 0)
            }
        };
        if w.skeleton.len() < MAX_SKELETON {
            w.skeleton.push(byte);
            w.by.push(by);
        } else {
            w.too_long = true;
        }
    }

    fn end_word(&mut self, end: usize) {
        let Some(start) = self.word.start else { return };
        let mut w = core::mem::take(&mut self.word);
        // Trailing leet symbols are punctuation (`ignore!`), not letters.
        while w
            .skeleton
            .last()
            .is_some_and(|&b| matches!(b, b'!' | b'|' | b'$' | b'@'))
        {
            w.skeleton.pop();
            w.by.pop();
        }
        let text = self.text;
        let word_text = text.get(start..end).unwrap_or("");
        self.track_spaced(start, end, &w);
        if w.plain_letters && !w.too_long {
            self.track_rot13(start, end, &w.skeleton);
        }
        if w.strong_invisible {
            self.push(
                Family::ZeroWidth,
                start,
                end,
                strip(word_text, is_removable_invisible),
            );
        }
        if w.stacked_marks {
            self.push(
                Family::CombiningMarks,
                start,
                end,
                strip(word_text, is_diacritic_mark),
            );
        }
        let any_trick = w.by.iter().fold(0, |a, &b| a | b);
        if any_trick == 0 || w.too_long || w.foreign || w.skeleton.len() < 5 {
            self.word = recycle(w);
            return;
        }
        if let Some(hit) = lexicon::loose(&w.skeleton) {
            let stem = hit.stem.len();
            let in_stem = w.by.get(..stem).unwrap_or(&[]);
            let tricks = in_stem.iter().fold(0, |a, &b| a | b);
            let revealed = spelled(&w.skeleton, hit);
            let real_letters = w
                .skeleton
                .iter()
                .zip(&w.by)
                .take(stem)
                .filter(|&(&b, &by)| by == 0 && b.is_ascii_lowercase())
                .count();
            if tricks & BY_LEET != 0 && real_letters >= 2 {
                self.push(Family::Leetspeak, start, end, revealed.clone());
            }
            if tricks & BY_CONFUSABLE != 0 {
                self.push(Family::Confusables, start, end, revealed.clone());
            }
            if tricks & BY_COMPAT != 0 {
                self.push(Family::Fullwidth, start, end, revealed.clone());
            }
            let weak_inside = in_stem.iter().any(|&b| b & BY_WEAK_INVISIBLE != 0);
            if weak_inside && !w.strong_invisible {
                self.push(Family::ZeroWidth, start, end, revealed.clone());
            }
            let marked = in_stem.iter().filter(|&&b| b & BY_MARK != 0).count();
            if marked * 2 > stem && !w.stacked_marks {
                self.push(Family::CombiningMarks, start, end, revealed);
            }
        }
        self.word = recycle(w);
    }

    fn track_spaced(&mut self, start: usize, end: usize, w: &Word) {
        let single = w.skeleton.len() == 1
            && w.skeleton.first().is_some_and(u8::is_ascii_lowercase)
            && !w.foreign;
        if !single {
            self.finish_spaced();
            return;
        }
        let s = &mut self.spaced;
        let joined = !s.letters.is_empty()
            && start - s.end <= 3
            && self
                .text
                .get(s.end..start)
                .is_some_and(|gap| gap.bytes().all(|b| b.is_ascii_punctuation() || b == b' '));
        if !joined {
            self.finish_spaced();
            self.spaced.start = start;
        }
        self.spaced.letters.extend_from_slice(&w.skeleton);
        self.spaced.end = end;
    }

    fn finish_spaced(&mut self) {
        if self.spaced.letters.is_empty() {
            return;
        }
        let s = core::mem::take(&mut self.spaced);
        if s.letters.len() >= 4 {
            let weight: u32 = lexicon::contained(&s.letters);
            if weight >= u32::from(STRONG) {
                let revealed = String::from_utf8_lossy(&s.letters).into_owned();
                self.push(Family::SpacedLetters, s.start, s.end, revealed);
            }
        }
        let mut letters = s.letters;
        letters.clear();
        self.spaced.letters = letters;
    }

    fn track_rot13(&mut self, start: usize, end: usize, skeleton: &[u8]) {
        let (Some(&a), Some(&b)) = (skeleton.first(), skeleton.get(1)) else {
            return;
        };
        if skeleton.len() < 5 || !lexicon::may_start(rot13(a), rot13(b)) {
            return;
        }
        let mut buf = [0u8; MAX_SKELETON];
        let Some(decoded) = buf.get_mut(..skeleton.len()) else {
            return;
        };
        for (d, &s) in decoded.iter_mut().zip(skeleton) {
            *d = rot13(s);
        }
        if let Some(hit) = lexicon::exact(decoded) {
            self.rot13.push(Rot13Hit {
                start,
                end,
                weight: hit.weight,
            });
        }
    }

    /// ROT13 words close to each other form one payload; two words and the weight of a strong
    /// stem plus a weak one make it an instruction.
    fn finish_rot13(&mut self) {
        let hits = core::mem::take(&mut self.rot13);
        let mut i = 0;
        while i < hits.len() {
            let mut j = i;
            let mut weight = 0u32;
            while let Some(h) = hits.get(j) {
                weight += u32::from(h.weight);
                match hits.get(j + 1) {
                    Some(next) if next.start - h.end <= 48 => j += 1,
                    _ => break,
                }
            }
            if let (Some(first), Some(last)) = (hits.get(i), hits.get(j)) {
                if j > i && weight > u32::from(STRONG) {
                    let slice = self.text.get(first.start..last.end).unwrap_or("");
                    let revealed: String = slice
                        .chars()
                        .map(|c| {
                            if c.is_ascii() {
                                char::from(rot13(c as u8))
                            } else {
                                c
                            }
                        })
                        .collect();
                    self.push(Family::Rot13, first.start, last.end, revealed);
                }
            }
            i = j + 1;
        }
    }

    fn close_invisible_runs(&mut self) {
        self.close_tags();
        self.close_selectors();
    }

    fn close_tags(&mut self) {
        let Some(run) = self.tags.take() else { return };
        // A subdivision flag: black flag, 2–6 lowercase tag letters or digits, cancel tag.
        let text = self.text;
        let tags = text.get(run.start..run.end).unwrap_or("");
        let body: Vec<char> = tags.chars().collect();
        let legit_flag = run.before == Some('\u{1F3F4}')
            && (3..=8).contains(&body.len())
            && body.last() == Some(&'\u{E007F}')
            && body
                .iter()
                .take(body.len() - 1)
                .all(|&c| matches!(c, '\u{E0061}'..='\u{E007A}' | '\u{E0030}'..='\u{E0039}'));
        if !legit_flag {
            let revealed = String::from_utf8_lossy(&run.bytes).into_owned();
            self.push(Family::TagChars, run.start, run.end, revealed);
        }
    }

    fn close_selectors(&mut self) {
        let Some(run) = self.selectors.take() else {
            return;
        };
        // One selector after a character is a legitimate variation sequence; several in a row,
        // beyond doubled emoji presentation selectors, carry data.
        if run.count >= 2 && !run.only_presentation {
            let revealed = String::from_utf8_lossy(&run.bytes).into_owned();
            self.push(Family::VariationSelectors, run.start, run.end, revealed);
        }
    }

    fn bidi_control(&mut self, at: usize, end: usize, c: char) {
        match c {
            '\u{202C}' => match self.bidi.last() {
                Some(top) if matches!(top.control, '\u{202A}'..='\u{202E}') => {
                    if let Some(open) = self.bidi.pop() {
                        self.close_bidi(open, end, true);
                    }
                }
                _ => self.push(Family::Bidi, at, end, String::new()),
            },
            '\u{2069}' => {
                if self
                    .bidi
                    .iter()
                    .any(|o| matches!(o.control, '\u{2066}'..='\u{2068}'))
                {
                    while let Some(open) = self.bidi.pop() {
                        let isolate = matches!(open.control, '\u{2066}'..='\u{2068}');
                        self.close_bidi(open, end, true);
                        if isolate {
                            break;
                        }
                    }
                } else {
                    self.push(Family::Bidi, at, end, String::new());
                }
            }
            _ if self.bidi.len() >= MAX_BIDI_DEPTH => {
                self.push(Family::Bidi, at, end, String::new());
            }
            _ => self.bidi.push(BidiOpen {
                control: c,
                start: at,
                has_rtl: false,
            }),
        }
    }

    /// Reports an override, an unterminated control, or a right-to-left embedding or isolate
    /// around text with no right-to-left letter.
    fn close_bidi(&mut self, open: BidiOpen, end: usize, terminated: bool) {
        let has_rtl = open.has_rtl;
        if let Some(outer) = self.bidi.last_mut() {
            outer.has_rtl |= has_rtl;
        }
        let suspicious = !terminated
            || matches!(open.control, '\u{202D}' | '\u{202E}')
            || matches!(open.control, '\u{202B}' | '\u{2067}') && !has_rtl;
        if suspicious {
            let revealed = strip(
                self.text.get(open.start..end).unwrap_or(""),
                |c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            );
            self.push(Family::Bidi, open.start, end, revealed);
        }
    }

    fn end_paragraph(&mut self, at: usize) {
        while let Some(open) = self.bidi.pop() {
            self.close_bidi(open, at, false);
        }
    }
}

impl InvisibleRun {
    fn new(start: usize, before: Option<char>) -> InvisibleRun {
        InvisibleRun {
            start,
            end: start,
            before,
            bytes: Vec::new(),
            count: 0,
            only_presentation: true,
        }
    }
}

/// Keeps the word buffers' allocations for the next word.
fn recycle(mut w: Word) -> Word {
    w.skeleton.clear();
    w.by.clear();
    Word {
        skeleton: w.skeleton,
        by: w.by,
        ..Word::default()
    }
}

/// ASCII letters, digits and the symbols leetspeak uses for letters.
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'!' | b'|')
}

/// Letters, digits, combining marks and the symbols leetspeak uses for letters.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_word_byte(c as u8)
    } else {
        c.is_alphanumeric() || is_diacritic_mark(c)
    }
}

fn rot13(b: u8) -> u8 {
    match b {
        b'a'..=b'z' => (b - b'a' + 13) % 26 + b'a',
        b'A'..=b'Z' => (b - b'A' + 13) % 26 + b'A',
        _ => b,
    }
}

/// The skeleton in plain letters: the stem as the lexicon spells it, then the rest with leetspeak
/// read as letters.
fn spelled(skeleton: &[u8], hit: Hit) -> String {
    let mut out = String::from(hit.stem);
    for &b in skeleton.get(hit.stem.len()..).unwrap_or(&[]) {
        out.push(char::from(lexicon::leet_letter(b).unwrap_or(b)));
    }
    out
}

fn strip(text: &str, drop: impl Fn(char) -> bool) -> String {
    text.chars().filter(|&c| !drop(c)).collect()
}

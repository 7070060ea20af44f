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

/// Runs the pass and appends its signals. Returns false when the text cannot hold a base64 or
/// hex run (see [`Pass::may_hold_encoding`]), so the encoded pass can skip its run search.
pub(super) fn scan(text: &str, out: &mut Vec<SmuggleSignal>) -> bool {
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
        may_hold_encoding: false,
    };
    let bytes = text.as_bytes();
    let mut prev_any: Option<char> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            let c = char::from(b);
            if pass.quiet() && pass.bidi.is_empty() && pass.word.start.is_none() {
                let stop = pass.ascii_stretch(at);
                if stop > at {
                    let last = bytes.get(stop - 1).map_or(c, |&b| char::from(b));
                    pass.prev = Some(last);
                    prev_any = Some(last);
                    at = stop;
                    continue;
                }
            }
            if pass.quiet() && is_ascii_word_byte(b) {
                // The common case: the letters of an ASCII word, spelled later only if needed.
                let run = bytes.get(at..).unwrap_or(&[]);
                let len = run
                    .iter()
                    .position(|&b| !is_ascii_word_byte(b))
                    .unwrap_or(run.len());
                if pass.word.start.is_none() {
                    pass.word.start = Some(at);
                    pass.word.unspelled = true;
                } else if !pass.word.unspelled {
                    for (k, &b) in run.iter().take(len).enumerate() {
                        pass.letter(at + k, char::from(b), false);
                    }
                }
                let last = run.get(len.saturating_sub(1)).map_or(c, |&b| char::from(b));
                pass.prev = Some(last);
                prev_any = Some(last);
                at += len.max(1);
                continue;
            } else if pass.quiet() && pass.bidi.is_empty() && !matches!(b, b'\n' | b'\r') {
                // A space or punctuation between ASCII words.
                if pass.word.start.is_some() {
                    pass.end_word(at);
                }
                pass.prev = Some(c);
            } else {
                pass.close_invisible_runs();
                pass.visible(at, c);
            }
            prev_any = Some(c);
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let end = at + c.len_utf8();
        pass.spell_deferred(at);
        if is_common_letter_block(c) {
            pass.close_invisible_runs();
            pass.common_letter(at, c);
        } else if is_removable_invisible(c) {
            pass.invisible(at, end, c, prev_any);
        } else {
            pass.close_invisible_runs();
            pass.visible(at, c);
        }
        prev_any = Some(c);
        at = end;
    }
    pass.close_invisible_runs();
    pass.end_word(text.len());
    pass.end_paragraph(text.len());
    pass.finish_spaced();
    pass.finish_rot13();
    pass.may_hold_encoding
}

/// The word being read.
#[derive(Default)]
struct Word {
    start: Option<usize>,
    skeleton: Letters,
    by: Letters,
    too_long: bool,
    /// Some letter is not Latin and not a look-alike (the skeleton cannot match).
    foreign: bool,
    strong_invisible: bool,
    marks_on_base: u8,
    stacked_marks: bool,
    ascii_letters: usize,
    /// Every character so far is an ASCII letter (a ROT13 candidate).
    plain_letters: bool,
    /// The word's ASCII characters have not been spelled yet (see [`Pass::spell_deferred`]).
    unspelled: bool,
    /// End of the last letter spelled: the word's end, whatever invisible characters follow.
    last_end: usize,
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
    letters: Letters,
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
    /// Some word could be part of a base64 or hex payload: six bytes or more with an upper-case
    /// letter after a lower-case one or letters mixed with digits, or a two- or four-byte hex pair with a digit (`6e`,
    /// `0x69`). Base64 of text always has such stretches. Set conservatively for ASCII read
    /// outside the fast path.
    may_hold_encoding: bool,
}

impl Pass<'_, '_> {
    /// Reads ASCII words from `at` (no word in progress) until a line break, a non-ASCII byte or
    /// the end, and returns where it stopped. A word that runs into a non-ASCII byte is left in
    /// progress, unspelled. This is where ASCII chat spends its time, so bytes are classified
    /// through one table and a word is only spelled when it could hide something.
    fn ascii_stretch(&mut self, mut at: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            let rest = bytes.get(at..).unwrap_or(&[]);
            at += rest
                .iter()
                .position(|&b| BYTE_CLASS[usize::from(b)] != SEPARATOR)
                .unwrap_or(rest.len());
            let start = at;
            let rest = bytes.get(at..).unwrap_or(&[]);
            let mut classes = 0u8;
            let mut len = 0;
            for &b in rest {
                let class = BYTE_CLASS[usize::from(b)];
                if class & WORD == 0 {
                    break;
                }
                classes |= class;
                len += 1;
            }
            if len == 0 {
                // A line break, a non-ASCII byte or the end.
                return at;
            }
            at += len;
            if bytes.get(at).is_some_and(|&b| !b.is_ascii()) {
                self.word.start = Some(start);
                self.word.unspelled = true;
                return at;
            }
            let word = rest.get(..len).unwrap_or(&[]);
            if !self.may_hold_encoding && (len >= 6 || classes & DIGIT != 0) {
                self.may_hold_encoding = may_be_encoded_with(word, classes);
            }
            // Words of two to four bytes hide nothing and only end a run of spaced letters.
            if (2..5).contains(&len) {
                if !self.spaced.letters.is_empty() {
                    self.finish_spaced();
                }
                continue;
            }
            let all_letters = classes & !(LOWER | UPPER) == 0;
            if all_letters && len >= 5 && !rot13_may_start(word) {
                if !self.spaced.letters.is_empty() {
                    self.finish_spaced();
                }
                continue;
            }
            self.word.start = Some(start);
            self.word.unspelled = true;
            self.end_unspelled_word(start, at, all_letters);
        }
    }

    /// True when nothing is pending that an ASCII letter would have to resolve: no zero-width
    /// characters waiting for their next neighbour, no open tag or selector run.
    fn quiet(&self) -> bool {
        self.pending.count == 0 && self.tags.is_none() && self.selectors.is_none()
    }

    /// Spells the ASCII letters of the current word that were read without spelling, before a
    /// character that needs the spelled word arrives at `at`.
    fn spell_deferred(&mut self, at: usize) {
        let Some(start) = self.word.start.filter(|_| self.word.unspelled) else {
            return;
        };
        self.word.unspelled = false;
        self.word.plain_letters = true;
        let bytes = self.text.as_bytes();
        for (k, &b) in bytes.get(start..at).unwrap_or(&[]).iter().enumerate() {
            self.letter(start + k, char::from(b), false);
        }
    }

    /// Ends a word of ASCII letters read without spelling. Most such words cannot hide
    /// anything; only single letters (spaced-out words), words whose ROT13 may start an
    /// instruction stem, and letters mixed with digits or symbols (leetspeak) are spelled.
    fn end_unspelled_word(&mut self, start: usize, end: usize, all_letters: bool) {
        let word = self.text.as_bytes().get(start..end).unwrap_or(&[]);
        let rot13_candidate = all_letters && word.len() >= 5 && rot13_may_start(word);
        let leet_candidate = !all_letters
            && word.len() >= 5
            && word.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
        if leet_candidate {
            self.spell_deferred(end);
            self.end_word(end);
            return;
        }
        // Nothing else of an unspelled word was ever set.
        self.word.start = None;
        self.word.unspelled = false;
        let single = match word {
            [b] if b.is_ascii_alphabetic() => Some(b.to_ascii_lowercase()),
            _ => None,
        };
        self.track_spaced(start, end, single);
        if rot13_candidate {
            let mut buf = [0u8; MAX_SKELETON];
            if let Some(lower) = buf.get_mut(..word.len()) {
                for (l, &b) in lower.iter_mut().zip(word) {
                    *l = b.to_ascii_lowercase();
                }
                self.track_rot13(start, end, lower);
            }
        }
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

    /// [`Pass::visible`] for a character of [`is_common_letter_block`]: a word character, not a
    /// line break, not a combining diacritic.
    fn common_letter(&mut self, at: usize, c: char) {
        if self.pending.count > 0 {
            self.resolve_pending(c);
        }
        if !self.bidi.is_empty() && is_rtl(c) {
            if let Some(top) = self.bidi.last_mut() {
                top.has_rtl = true;
            }
        }
        self.letter(at, c, false);
        self.prev = Some(c);
    }

    fn visible(&mut self, at: usize, c: char) {
        if self.pending.count > 0 {
            self.resolve_pending(c);
        }
        if matches!(c, '\n' | '\r' | '\u{2029}' | '\u{85}') {
            self.end_word(at);
            self.end_paragraph(at);
            self.finish_spaced();
        } else if !self.bidi.is_empty() && is_rtl(c) {
            if let Some(top) = self.bidi.last_mut() {
                top.has_rtl = true;
            }
        }
        let mark = !c.is_ascii() && is_diacritic_mark(c);
        if mark || is_word_char(c) {
            self.letter(at, c, mark);
        } else {
            self.end_word(at);
        }
        if !mark {
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

    /// Spells `c` into the current word; `mark` says whether it is a combining diacritic.
    fn letter(&mut self, at: usize, c: char, mark: bool) {
        let w = &mut self.word;
        w.last_end = at + c.len_utf8();
        if w.start.is_none() {
            w.start = Some(at);
            w.plain_letters = true;
        }
        if mark {
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
        } else if w.foreign || w.too_long {
            // The word can no longer spell anything; skip the table lookups.
            w.plain_letters = false;
            return;
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
        if !(w.skeleton.push(byte) && w.by.push(by)) {
            w.too_long = true;
        }
    }

    fn end_word(&mut self, end: usize) {
        let Some(start) = self.word.start else { return };
        if !self.may_hold_encoding {
            let bytes = self.text.as_bytes().get(start..end).unwrap_or(&[]);
            self.may_hold_encoding = may_be_encoded(bytes);
        }
        let end = if self.word.unspelled {
            end
        } else {
            self.word.last_end.clamp(start, end)
        };
        if self.word.unspelled {
            let word = self.text.as_bytes().get(start..end).unwrap_or(&[]);
            let all_letters = word.iter().all(u8::is_ascii_alphabetic);
            self.end_unspelled_word(start, end, all_letters);
            return;
        }
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
        let single = match (&*w.skeleton, w.foreign) {
            ([b], false) if b.is_ascii_lowercase() => Some(*b),
            _ => None,
        };
        self.track_spaced(start, end, single);
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
                .zip(w.by.iter())
                .take(stem)
                .filter(|&(&b, &by)| by == 0 && b.is_ascii_lowercase())
                .count();
            if tricks & BY_LEET != 0 && real_letters >= 2 {
                self.push(Family::Leetspeak, start, end, revealed.clone());
            }
            if tricks & BY_CONFUSABLE != 0 {
                self.push(Family::Confusables, start, end, revealed.clone());
            }
            // Full-width and styled letters are ordinary in Japanese and on social media
            // (`ＳＹＳＴＥＭエラー`, `𝐒𝐄𝐂𝐑𝐄𝐓`): only a stem naming the act counts.
            if tricks & BY_COMPAT != 0 && hit.weight >= STRONG {
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
    }

    /// Extends or ends the run of spaced-out letters with a word, `single` when the word is
    /// one letter.
    fn track_spaced(&mut self, start: usize, end: usize, single: Option<u8>) {
        let Some(letter) = single else {
            if !self.spaced.letters.is_empty() {
                self.finish_spaced();
            }
            return;
        };
        let s = &mut self.spaced;
        let joined = !s.letters.is_empty()
            && start.saturating_sub(s.end) <= 3
            && self
                .text
                .get(s.end..start)
                .is_some_and(|gap| gap.bytes().all(|b| b.is_ascii_punctuation() || b == b' '));
        if !joined {
            self.finish_spaced();
            self.spaced.start = start;
        }
        self.spaced.letters.push(letter);
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
                    Some(next) if next.start.saturating_sub(h.end) <= 48 => j += 1,
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

    #[inline]
    fn close_invisible_runs(&mut self) {
        if self.tags.is_some() {
            self.close_tags();
        }
        if self.selectors.is_some() {
            self.close_selectors();
        }
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
                // A pop with nothing to close does nothing (UAX #9 ignores it).
                _ => {}
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
        // Overrides reorder whatever they hold. A right-to-left embedding or isolate reorders
        // left-to-right text only when it holds no right-to-left letter, or when it is never
        // closed and so runs to the end of the paragraph. Left-to-right and first-strong ones,
        // and pops without an opener, change nothing a reader could miss.
        let rtl = matches!(open.control, '\u{202B}' | '\u{2067}');
        let suspicious =
            matches!(open.control, '\u{202D}' | '\u{202E}') || rtl && (!has_rtl || !terminated);
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

/// A word's letters, kept without allocating: at most [`MAX_SKELETON`] bytes.
#[derive(Clone, Copy)]
struct Letters {
    bytes: [u8; MAX_SKELETON],
    len: usize,
}

impl Default for Letters {
    fn default() -> Letters {
        Letters {
            bytes: [0; MAX_SKELETON],
            len: 0,
        }
    }
}

impl Letters {
    /// Appends `b`; returns false (and drops it) when full.
    fn push(&mut self, b: u8) -> bool {
        match self.bytes.get_mut(self.len) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }
}

impl core::ops::Deref for Letters {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }
}

impl core::ops::DerefMut for Letters {
    fn deref_mut(&mut self) -> &mut [u8] {
        self.bytes.get_mut(..self.len).unwrap_or(&mut [])
    }
}

const SEPARATOR: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const SYMBOL: u8 = 8;
const WORD: u8 = LOWER | UPPER | DIGIT | SYMBOL;
const STOP: u8 = 16;

/// Classes of bytes for [`Pass::ascii_stretch`]: letters, digits and leetspeak symbols (word
/// bytes), line breaks and non-ASCII bytes (stop the stretch), everything else (separators).
static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut out = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        out[b] = if byte.is_ascii_lowercase() {
            LOWER
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if matches!(byte, b'@' | b'$' | b'!' | b'|') {
            SYMBOL
        } else if !byte.is_ascii() || byte == b'\n' || byte == b'\r' {
            STOP
        } else {
            SEPARATOR
        };
        b += 1;
    }
    out
}

/// True when the ROT13 of an ASCII word may start an instruction stem.
fn rot13_may_start(word: &[u8]) -> bool {
    match word {
        [a, b, ..] => {
            lexicon::may_start(rot13(a.to_ascii_lowercase()), rot13(b.to_ascii_lowercase()))
        }
        _ => false,
    }
}

/// True when an ASCII word could belong to a base64 or hex payload (see
/// [`Pass::may_hold_encoding`]). Conservative: an upper-case letter anywhere after the first
/// byte of a mixed-case word counts.
fn may_be_encoded(word: &[u8]) -> bool {
    let classes = word.iter().fold(0, |c, &b| c | BYTE_CLASS[usize::from(b)]);
    may_be_encoded_with(word, classes)
}

/// [`may_be_encoded`] with the OR of the word's byte classes already known.
fn may_be_encoded_with(word: &[u8], classes: u8) -> bool {
    match word.len() {
        2 | 4 if classes & DIGIT != 0 => {
            let pair = word.strip_prefix(b"0x").unwrap_or(word);
            pair.len() == 2 && pair.iter().all(u8::is_ascii_hexdigit)
        }
        0..6 => false,
        _ => {
            classes & DIGIT != 0 && classes & (LOWER | UPPER) != 0
                || classes & (LOWER | UPPER) == LOWER | UPPER
                    && word
                        .get(1..)
                        .is_some_and(|r| r.iter().any(u8::is_ascii_uppercase))
        }
    }
}

/// ASCII letters, digits and the symbols leetspeak uses for letters.
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'!' | b'|')
}

/// Letters, digits and the symbols leetspeak uses for letters (combining marks are checked by
/// the caller).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_word_byte(c as u8)
    } else {
        is_common_letter_block(c) || !is_common_symbol_block(c) && c.is_alphanumeric()
    }
}

/// Blocks without letters, digits or combining marks that chat uses a lot: general punctuation,
/// CJK punctuation, emoji. Checked before the general Unicode lookup.
pub(super) fn is_common_symbol_block(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{2190}'..='\u{23FF}' | '\u{2500}'..='\u{2775}' | '\u{2794}'..='\u{2BFF}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '\u{1F1E6}'..='\u{1F1FF}' | '\u{1F300}'..='\u{1FAFF}')
}

/// Blocks of the common scripts that hold letters, their marks and digits (and a few
/// punctuation signs, which only make a foreign word a little longer): checked first because
/// the general Unicode lookup costs a binary search per character.
pub(super) fn is_common_letter_block(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}' | '\u{0370}'..='\u{0482}' | '\u{048A}'..='\u{052F}' | '\u{0591}'..='\u{05EA}' | '\u{0620}'..='\u{06D3}' | '\u{06D5}'..='\u{06FF}' | '\u{0900}'..='\u{0963}' | '\u{0966}'..='\u{0DFF}' | '\u{0E01}'..='\u{0E4E}' | '\u{3041}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
}

fn rot13(b: u8) -> u8 {
    match b {
        b'a'..=b'm' | b'A'..=b'M' => b + 13,
        b'n'..=b'z' | b'N'..=b'Z' => b - 13,
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

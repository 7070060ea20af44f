//! Redaction of text that arrives in chunks (a model's streamed answer, a log being tailed).
//!
//! [`StreamRedactor`] takes chunks of any size, down to single bytes, and emits text that is safe
//! to pass on. Its output, concatenated, equals one-shot [`Guard::check_with`] of the whole text
//! at every split point, as long as no single finding is longer than the hard cap (16 KiB).
//!
//! What it holds back:
//!
//! * the trailing word (it may still grow) and the word before it (a finding can start a word
//!   before the word that reveals it, as in `john (at) example (dot) com` or `Frankfurter Allee 3`;
//!   tests check this on every finding of the evaluation corpus). Words of punctuation alone
//!   (`Parkallee , 49`) do not count as that word. The word before goes early when it is a
//!   common opener (`You`, `Sure`, `Here`, see `PLAIN_OPENERS`) and the trailing word has
//!   grown far enough, in letters, that it can no longer be an obfuscated `@` or a trigger
//!   word (`You said` lets `You ` go; `You a`, `Sure Al`, `You 1` wait);
//! * around every *trigger* word — one with a digit, a non-ASCII character other than an accented
//!   Latin letter, one of `@+:=/_#$%&*[](){}<>|\~`, or a word that opens a name or address (`name`,
//!   `regards`, `street`, …), but not a plain label (`said:`, `**Note:**`) or a run of markdown
//!   marks (`**`, `##`), see `builtin_hold` — the word before it and everything after
//!   it until [`DEFAULT_HOLD_BACK`] bytes past it have arrived, so that the finding it belongs to
//!   and its context words are complete. A word that only opens names (`thanks`, `I'm`, `this`)
//!   holds less: once the few words after it in which a name would have to show its capital
//!   have arrived without one, nothing is held for it;
//! * before the word that these rules hold first, up to three more words that may be part of a
//!   name (capitalised words, initials, particles, titles: `Jane van Doe`): a name shown with
//!   its e-mail address starts up to four words before the address that reveals it (`Jane Doe
//!   <jane@example.com>`);
//! * never a finding in part: a cut that would split one moves to its start.
//!
//! Invisible smuggling carriers the policy strips are removed from the output as in one-shot
//! checks, by a stripper whose state carries across chunks.
//!
//! Plain prose with none of these passes through with a lag of two words (less after an
//! opener). Policies with custom patterns or deny lists can match anything, so with them the
//! redactor holds back the last `hold_back` bytes of everything.
//!
//! The states are explicit: `Passing` until a `block` rule fires, then `Blocked` (nothing more is
//! emitted, ever), and [`StreamRedactor::finish`] consumes the redactor.

use crate::detect::builtin::DISPLAY_NAME_WORDS;
use crate::detect::context::{floor_boundary, LONGEST_WORD};
use crate::normalize::CarrierStripper;
use crate::policy::Action;
use crate::{Context, Decided, Guard, Kind, Span, Vault};

/// How many bytes after a trigger word must be seen before text around it is emitted.
pub const DEFAULT_HOLD_BACK: usize = 256;
/// How much already-emitted text is kept for context scoring of what follows: a supporting word
/// counts when it ends within 64 bytes before a candidate and may itself be up to
/// [`LONGEST_WORD`] long, plus room for a character boundary.
const LOOKBEHIND: usize = 64 + LONGEST_WORD + 4;
/// The most text held back before the redactor emits regardless (redacting what it knows).
const HARD_CAP: usize = 16 * 1024;
/// Words held back before a trigger or the end: no finding starts more than one word before the
/// first trigger word it holds or follows (spelled-out `at`, PEM armour and street types that
/// come after an adjective are triggers so that this holds).
pub(crate) const WORDS_BEFORE: usize = 1;

/// Holds the words before word `at` of `words` (over `text`) that may be part of a name shown
/// with its e-mail address, up to [`DISPLAY_NAME_WORDS`] words with the one at `at`: the index of
/// the first word to hold. Only a word that may itself end such a name holds the words before it
/// (`Jane Doe` in `Jane Doe <ja`, not `You` in `You said: Wh`, which goes at once).
fn name_words_back(text: &str, words: &[(usize, usize)], mut at: usize) -> usize {
    let Some(&(s, e)) = words.get(at) else {
        return at;
    };
    if !crate::detect::builtin::may_be_display_name_word(&text[s..e]) {
        return at;
    }
    for _ in 1..DISPLAY_NAME_WORDS {
        let Some(&(s, e)) = at.checked_sub(1).and_then(|i| words.get(i)) else {
            break;
        };
        if !crate::detect::builtin::may_be_display_name_word(&text[s..e]) {
            break;
        }
        at -= 1;
    }
    at
}

/// What the stream is doing after a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamStatus {
    /// Text is flowing.
    Passing,
    /// A `block` rule fired: stop the stream; nothing more will be emitted.
    Blocked(Kind),
}

/// A chunk-by-chunk redactor. Create it with [`Guard::stream`].
#[derive(Debug)]
pub struct StreamRedactor<'g> {
    guard: &'g Guard,
    cx: Context,
    vault: Vault,
    hold_back: usize,
    /// The tail of emitted original text, for context scoring.
    lookbehind: String,
    /// Original text not emitted yet.
    pending: String,
    /// Bytes of an incomplete UTF-8 sequence from the last byte chunk.
    partial_utf8: Vec<u8>,
    /// Offset of `pending` in the whole stream.
    emitted: usize,
    findings: Vec<Decided>,
    status: StreamStatus,
    /// Removes the invisible carriers the policy strips, consistently across chunks.
    stripper: CarrierStripper,
}

impl<'g> StreamRedactor<'g> {
    pub(crate) fn new(guard: &'g Guard, cx: Context, hold_back: usize) -> StreamRedactor<'g> {
        StreamRedactor {
            guard,
            cx,
            vault: Vault::new(),
            hold_back: hold_back.max(64),
            lookbehind: String::new(),
            pending: String::new(),
            partial_utf8: Vec::new(),
            emitted: 0,
            findings: Vec::new(),
            status: StreamStatus::Passing,
            stripper: CarrierStripper::new(guard.carriers()),
        }
    }

    /// Uses `vault` for pseudonyms, so placeholders continue a conversation's numbering.
    pub fn with_vault(mut self, vault: Vault) -> StreamRedactor<'g> {
        self.vault = vault;
        self
    }

    /// Takes the next chunk of text and appends what is safe to pass on to `out`.
    pub fn push(&mut self, chunk: &str, out: &mut String) -> StreamStatus {
        if self.status != StreamStatus::Passing {
            return self.status;
        }
        if !self.partial_utf8.is_empty() {
            // A str chunk after an incomplete byte sequence: the sequence was invalid.
            self.partial_utf8.clear();
            self.pending.push(char::REPLACEMENT_CHARACTER);
        }
        self.pending.push_str(chunk);
        self.process(false, out);
        self.status
    }

    /// Takes the next chunk of raw bytes, which may end or start inside a UTF-8 sequence.
    /// Invalid sequences become U+FFFD.
    pub fn push_bytes(&mut self, chunk: &[u8], out: &mut String) -> StreamStatus {
        if self.status != StreamStatus::Passing {
            return self.status;
        }
        let mut bytes = core::mem::take(&mut self.partial_utf8);
        bytes.extend_from_slice(chunk);
        let mut rest: &[u8] = &bytes;
        loop {
            match core::str::from_utf8(rest) {
                Ok(s) => {
                    self.pending.push_str(s);
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    self.pending
                        .push_str(core::str::from_utf8(good).unwrap_or(""));
                    match e.error_len() {
                        Some(n) => {
                            self.pending.push(char::REPLACEMENT_CHARACTER);
                            rest = &bad[n..];
                        }
                        None => {
                            self.partial_utf8 = bad.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        self.process(false, out);
        self.status
    }

    /// Ends the stream: emits the rest and returns every finding with its decision, spans in
    /// whole-stream coordinates, and the vault with the pseudonyms made.
    pub fn finish(mut self, out: &mut String) -> (StreamStatus, Vec<Decided>, Vault) {
        if self.status == StreamStatus::Passing {
            if !self.partial_utf8.is_empty() {
                self.partial_utf8.clear();
                self.pending.push(char::REPLACEMENT_CHARACTER);
            }
            self.process(true, out);
        }
        (self.status, self.findings, self.vault)
    }

    /// How many bytes are held back right now.
    pub fn held(&self) -> usize {
        self.pending.len()
    }

    fn process(&mut self, last: bool, out: &mut String) {
        if self.pending.is_empty() {
            return;
        }
        let base = self.lookbehind.len();
        let mut text = String::with_capacity(base + self.pending.len());
        text.push_str(&self.lookbehind);
        text.push_str(&self.pending);
        let found = self.guard.settle(&text, &self.cx);
        let cut = if last {
            text.len()
        } else {
            self.cut(&text, base, &found)
        };
        if cut <= base {
            return;
        }
        // Findings that end by the cut are final; one reaching back into emitted text (which the
        // cut rules prevent) is clipped to what is still here rather than skipped.
        let mut decided = Vec::new();
        for d in &found {
            if d.finding.span.end <= base || d.finding.span.start >= cut {
                continue;
            }
            let mut d = *d;
            d.finding.span = Span::new(
                d.finding.span.start.max(base) - base,
                d.finding.span.end.min(cut) - base,
            );
            decided.push(d);
        }
        if let Some(blocked) = decided.iter().find(|d| d.action == Action::Block) {
            self.status = StreamStatus::Blocked(blocked.finding.kind);
            self.pending.clear();
            self.lookbehind.clear();
            return;
        }
        let chunk = &text[base..cut];
        let changed = decided
            .iter()
            .any(|d| matches!(d.action, Action::Redact(_)));
        if changed {
            let redacted = crate::redact::apply(chunk, &decided, self.guard, &mut self.vault);
            self.stripper.push(&redacted, out);
        } else {
            self.stripper.push(chunk, out);
        }
        for mut d in decided {
            d.finding.span = Span::new(
                d.finding.span.start + self.emitted,
                d.finding.span.end + self.emitted,
            );
            self.findings.push(d);
        }
        self.emitted += cut - base;
        let keep_from = floor_boundary(&text, cut.saturating_sub(LOOKBEHIND));
        self.lookbehind = text[keep_from..cut].to_owned();
        self.pending = text[cut..].to_owned();
    }

    /// Where to cut `text` (lookbehind + pending): everything before the cut is final.
    fn cut(&self, text: &str, base: usize, found: &[Decided]) -> usize {
        let len = text.len();
        let words = words(text, base);
        let mut cut = if self.guard.matches_anything() {
            // Custom patterns and deny lists can match anything: plain byte hold-back.
            let at = floor_boundary(text, len.saturating_sub(self.hold_back));
            words
                .iter()
                .find(|w| w.0 <= at && at < w.1)
                .map_or(at, |w| w.0)
        } else {
            // The trailing word and the one before it stay (and the name they may end).
            let tail = words_back(text, &words, words.len().saturating_sub(1), WORDS_BEFORE);
            let tail = name_words_back(text, &words, tail);
            let mut cut = words.get(tail).map_or(len, |w| w.0);
            if words.last().is_some_and(|w| w.1 < len) {
                // Text ends in whitespace: the last word is complete, but a trigger may follow.
                let tail = words_back(text, &words, words.len(), WORDS_BEFORE);
                let tail = name_words_back(text, &words, tail);
                cut = words.get(tail).map_or(len, |w| w.0);
            } else if let [.., before, growing] = words.as_slice() {
                // The word before the growing one is a plain opener that the growing word can
                // no longer join into a finding: it goes now.
                if releases_before(&text[before.0..before.1], &text[growing.0..growing.1]) {
                    cut = growing.0;
                }
            }
            // The first trigger whose window is still open holds everything from the word
            // before it (later triggers only hold later text).
            if let Some(i) = (0..words.len()).find(|&i| self.holds(text, &words, i)) {
                let from = name_words_back(text, &words, words_back(text, &words, i, WORDS_BEFORE));
                cut = cut.min(words[from].0);
            }
            cut
        };
        // Never split a finding.
        let mut moved = true;
        while moved {
            moved = false;
            for d in found {
                let span = d.finding.span;
                if span.start < cut && cut < span.end {
                    cut = span.start;
                    moved = true;
                }
            }
        }
        let cut = cut.max(base);
        if cut == base && len - base > HARD_CAP {
            // Fail closed on runaway input: emit what is known, redacted, keeping the usual tail.
            return floor_boundary(text, len - self.hold_back);
        }
        cut
    }
}

impl StreamRedactor<'_> {
    /// True when word `i` of `words` (over `text`) is a trigger whose window is still open.
    fn holds(&self, text: &str, words: &[(usize, usize)], i: usize) -> bool {
        let Some(&(s, e)) = words.get(i) else {
            return false;
        };
        if e + self.hold_back <= text.len() {
            return false;
        }
        let word = &text[s..e];
        match builtin_hold(word) {
            Hold::Window => true,
            Hold::No => is_custom_trigger(word, self.guard),
            Hold::Name => crate::detect::builtin::may_open_name(word, &text[e..]),
            Hold::Street => {
                crate::detect::builtin::may_open_street(&text[e..])
                    || match hold_of(word, false) {
                        Hold::No => false,
                        Hold::Name => crate::detect::builtin::may_open_name(word, &text[e..]),
                        Hold::Window | Hold::Street | Hold::SpelledAt | Hold::Given => true,
                    }
            }
            Hold::SpelledAt => spelled_email_may_follow(text, &words[i + 1..]),
            Hold::Given => given_name_undecided(&text[e..]),
        }
    }
}

/// Common first words of an answer (lower case) that start no built-in finding unless the word
/// after them is an obfuscated `@` (`you (at) example (dot) com`) or a trigger word (`You Allee
/// 3`): neither a first name nor a country or state code, a month or a street word. A test
/// puts each of them in place of the first word of every corpus finding.
const PLAIN_OPENERS: &[&str] = &[
    "you",
    "sure",
    "here",
    "yes",
    "certainly",
    "absolutely",
    "great",
    "okay",
    "the",
];

/// Whether `word`, complete, can be emitted while the word after it is still arriving as
/// `growing`: `word` is a [`PLAIN_OPENERS`] word (with or without a trailing `,` or `!`, which
/// no email's local part holds) and `growing` is ASCII letters that can no
/// longer become `at`, `(at)` (or another obfuscated `@`) or a trigger word. A word with a
/// digit or other value character is a trigger at once and holds `word` as before.
fn releases_before(word: &str, growing: &str) -> bool {
    let word = word.strip_suffix([',', '!']).unwrap_or(word);
    if !PLAIN_OPENERS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return false;
    }
    if growing.is_empty() || !growing.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let lower = growing.to_ascii_lowercase();
    !"at".starts_with(&lower) && !crate::detect::builtin::may_grow_into_trigger_word(&lower)
}

/// Whether a spelled-out ` at ` may still be the `@` of an email (`john at example dot com`),
/// given the words after it: the email recognizer takes one domain label and then needs a
/// spelled-out dot (`dot`, `(dot)`, `[dot]`, `{dot}`, `<dot>`) as the next word.
fn spelled_email_may_follow(text: &str, after: &[(usize, usize)]) -> bool {
    let Some(&(s, e)) = after.get(1) else {
        return true;
    };
    if e == text.len() {
        return true;
    }
    let word = &text[s..e];
    word.eq_ignore_ascii_case("dot")
        || ["(dot)", "[dot]", "{dot}", "<dot>"].iter().any(|d| {
            word.get(..d.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(d))
        })
}

/// The index `n` words before word `i` of `words` (over `text`), not counting words of
/// punctuation alone (`,`, `-`), which a finding can hold between its words (`Parkallee , 49`).
/// `i` may be `words.len()`, one past the last word.
fn words_back(text: &str, words: &[(usize, usize)], i: usize, n: usize) -> usize {
    let mut at = i.min(words.len());
    let mut left = n;
    while left > 0 && at > 0 {
        at -= 1;
        let (s, e) = words[at];
        if text[s..e].chars().any(char::is_alphanumeric) {
            left -= 1;
        }
    }
    at
}

/// Whitespace-delimited words of `text` at or after `from`, as byte ranges.
fn words(text: &str, from: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i > s {
            out.push((s, i));
        }
    }
    out
}

/// True when a policy's own trigger words name `word` (none yet: custom patterns and deny lists
/// switch the redactor to plain byte hold-back).
fn is_custom_trigger(word: &str, guard: &Guard) -> bool {
    guard.is_trigger_word(
        &word
            .trim_matches(|c: char| c.is_ascii_punctuation())
            .to_ascii_lowercase(),
    )
}

/// How long text around a word is held back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hold {
    /// Not a trigger.
    No,
    /// [`DEFAULT_HOLD_BACK`] bytes past the word.
    Window,
    /// A word that only opens names (`thanks`, `I'm`, `this`): as [`Hold::Window`], but no longer
    /// once the words after it rule out every name it could open (`I'm sorry`, `this should`,
    /// `Thanks for`), see `may_open_name`.
    Name,
    /// A preposition that opens German street names (`Am Markt 5`, `An der Alster 12`): as
    /// [`Hold::Window`] until the words after it rule out a street (see `may_open_street`) and,
    /// for a word that also opens names (`am` in `I am`), a name.
    Street,
    /// The word `at`, which with a spelled-out dot two words later makes an email (`john at
    /// example dot com`): as [`Hold::Window`] until the word after next rules that out.
    SpelledAt,
    /// A capitalised given name (`Jane`): as [`Hold::Window`] until the words after it that
    /// decide whether it names a person have arrived (see [`given_name_undecided`]).
    Given,
}

/// How many complete words after a given name decide whether it opens a person finding: the
/// rest of the name (up to four words and particles), then a firm's or street's word, a house
/// number or a list of partners' surnames (`Ashley and Pollard`).
const GIVEN_NAME_WORDS_AFTER: usize = 8;

/// Whether a given name followed by `rest` (the text after it that has arrived so far) may
/// still turn out to be, or not to be, a name: until a line break or
/// [`GIVEN_NAME_WORDS_AFTER`] complete words have arrived after it (the person rules read no
/// further along the line).
fn given_name_undecided(rest: &str) -> bool {
    let mut complete = 0;
    let mut in_word = false;
    for b in rest.bytes() {
        match b {
            b'\n' | b'\r' => return false,
            b' ' | b'\t' => {
                if in_word {
                    complete += 1;
                    if complete >= GIVEN_NAME_WORDS_AFTER {
                        return false;
                    }
                }
                in_word = false;
            }
            _ => in_word = true,
        }
    }
    true
}

/// Whether [`builtin_hold`] holds `word` at all: recognizers whose finding starts more than
/// [`WORDS_BEFORE`] words before the word that reveals it accept only values this holds.
pub(crate) fn is_builtin_trigger(word: &str) -> bool {
    builtin_hold(word) != Hold::No
}

/// True when a whitespace-delimited word could be part of, or reveal, a built-in finding: it has
/// a digit, a non-ASCII character other than an accented Latin letter, or one of
/// `@+:=/_#$%&*[](){}<>|\~`, or is a trigger word of a plain-word recognizer (names, street
/// addresses).
///
/// Two kinds of words are let through although they hold such a character, because no
/// recognizer reads them as (part of) a value: a word made only of markdown marks (`*`, `**`,
/// `##`, `___`), and a *label* — letters with a trailing `:` and markdown emphasis around
/// (`said:`, `**Note:**`, `_Summary_:`) — unless its letters are a trigger word or may name a
/// secret's key (`password:`, `token:`, `api key:`, see `may_name_key`). A `:` glued to a value
/// (`dead:beef::1`, `12:30`, `http://`) keeps its word a trigger. Without this, every answer
/// that starts with `You said:` or a bold label held its first [`DEFAULT_HOLD_BACK`] bytes.
///
/// Returns how long the word holds text ([`Hold::No`] when it is not a trigger).
fn builtin_hold(word: &str) -> Hold {
    hold_of(word, true)
}

/// [`builtin_hold`], with street prepositions as [`Hold::Street`] only when `streets`.
fn hold_of(word: &str, streets: bool) -> Hold {
    if !word.is_empty() && word.bytes().all(|b| matches!(b, b'*' | b'_' | b'#')) {
        return Hold::No;
    }
    let label = label_letters(word);
    let core = label.unwrap_or(word);
    if core.chars().any(|c| {
        c.is_ascii_digit()
            || !c.is_ascii() && !is_latin_letter(c)
            || c.is_ascii() && b"@+:=/_#$%&*[](){}<>|\\~".contains(&(c as u8))
    }) {
        return Hold::Window;
    }
    if word.eq_ignore_ascii_case("at") {
        return Hold::SpelledAt;
    }
    // PEM armour (`-----BEGIN EC PRIVATE KEY-----`): the key block starts three words before its
    // first line of base64.
    if word.starts_with("-----") {
        return Hold::Window;
    }
    let lower = core
        .trim_matches(|c: char| c.is_ascii_punctuation())
        .to_ascii_lowercase();
    // `Am`, `an`, `in` open German street names (`Am Markt 5`) two words before their number.
    if streets && label.is_none() && crate::detect::builtin::is_street_preposition(&lower) {
        return Hold::Street;
    }
    // A trigger word may carry a hyphenated pronoun (`Chamo-me`): then its first part counts.
    let head = lower.split('-').next().unwrap_or(&lower);
    let trigger = if crate::detect::builtin::is_trigger_word(&lower) {
        Some(lower.as_str())
    } else {
        Some(head).filter(|h| h.len() < lower.len() && crate::detect::builtin::is_trigger_word(h))
    };
    if let Some(trigger) = trigger {
        return if label.is_none() && crate::detect::builtin::opens_only_names(trigger) {
            Hold::Name
        } else {
            Hold::Window
        };
    }
    // `Contact person:`, `Titular de la cuenta:` open a name; `person` and `cuenta` alone do not.
    if label.is_some() && crate::detect::builtin::is_label_word(&lower) {
        return Hold::Window;
    }
    if crate::detect::builtin::is_given_name_word(word) {
        return Hold::Given;
    }
    // Accented key words (`contraseña`, `hasło`) hold as their `word:` labels do.
    if (label.is_some() || !core.is_ascii()) && crate::detect::builtin::may_name_key(&lower) {
        return Hold::Window;
    }
    Hold::No
}

/// True for an accented Latin letter (`é`, `ñ`, `ß`, `ł`: U+00C0–U+024F): normalisation keeps it
/// a letter (at most folding it to ASCII letters, `ĳ` → `ij`), so a word of such letters is no
/// more a value than an ASCII one. Other non-ASCII characters (full-width forms, zero-width and
/// bidi controls, other scripts' digits, other scripts) keep their word a trigger.
fn is_latin_letter(c: char) -> bool {
    ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
}

/// The letters of a label word (`said:`, `**Note:**`): `Some` when `word` is ASCII letters (with
/// inner `'` or `-`) followed by one or more `:`, optionally wrapped in `*` / `_` emphasis.
fn label_letters(word: &str) -> Option<&str> {
    let inner = word.trim_matches(['*', '_']);
    let letters = inner.strip_suffix(':')?.trim_end_matches(':');
    let letters = letters.trim_end_matches(['*', '_']);
    let well_formed = letters.starts_with(|c: char| c.is_ascii_alphabetic())
        && letters
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'\'' || b == b'-');
    well_formed.then_some(letters)
}

impl Guard {
    /// True when the policy has patterns that may match any text (custom patterns, deny lists).
    pub(crate) fn matches_anything(&self) -> bool {
        !self.policy().custom.is_empty() || !self.policy().deny.is_empty()
    }

    pub(crate) fn is_trigger_word(&self, _lower: &str) -> bool {
        false
    }
}

#[cfg(test)]
mod tests;

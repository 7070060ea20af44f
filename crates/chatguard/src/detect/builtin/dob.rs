//! Dates of birth: a valid calendar date with a plausible birth year (1900..=2026), reported only
//! next to a birth word (born, date of birth, DOB, geboren, né le, fecha de nacimiento, nato il,
//! geboortedatum, data de nascimento …).
//!
//! Numeric dates: `1985-03-12`, `12/03/1985`, `12.03.1985`, `03/25/1985`, `12-03-85` (day/month
//! or month/day, whichever is a valid date). Written dates in en, de, fr, es, it, nl and pt:
//! `12 March 1985`, `March 12, 1985`, `12th of March 1985`, `12. März 1985`, `12 mars 1985`,
//! `12 de marzo de 1985`, `12 marzo 1985`, `12 maart 1985`, `12 de março de 1985`; and as forms
//! and databases write them, `12-Mar-1985`, `12-MAR-85`, `12/Mar/1985`.

use std::sync::LazyLock;

use crate::automaton::{Case, MatchKind, Matcher};

use crate::detect::builtin::shape::valid_date;
use crate::detect::context::{ceil_boundary, floor_boundary};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "born",
    "birth",
    "date of birth",
    "dob",
    "d.o.b",
    "birthday",
    "bday",
    "b-day",
    "geboren",
    "geburtsdatum",
    "geburtstag",
    "geb.",
    "né le",
    "née le",
    "né",
    "née",
    "date de naissance",
    "naissance",
    "nacido",
    "nacida",
    "nació",
    "nací",
    "fecha de nacimiento",
    "nacimiento",
    "cumpleaños",
    "nato il",
    "nata il",
    "nato a",
    "nata a",
    "nato nel",
    "nata nel",
    "data di nascita",
    "nascita",
    "geboren op",
    "geboortedatum",
    "geboortedag",
    "nascido",
    "nascida",
    "nasci",
    "nasceu",
    "data de nascimento",
    "nascimento",
];

/// Base score; the needed birth word raises it.
const BASE: u16 = 600;

/// Month names and common abbreviations in en, de, fr, es, it, nl and pt (lowercase).
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("januari", 1),
    ("janeiro", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("mrt", 3),
    ("março", 3),
    ("marco", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("mei", 5),
    ("maio", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    for run in &hay.numbers {
        if run.plus {
            continue;
        }
        numeric(hay, run.groups, out);
        // A written date ends in a year: `12 March 1985`, `March 12 1985`, `12-Mar-1985`.
        for &(s, e) in run.groups {
            if let Some(start) = abbreviated(text, s, e) {
                push(hay, out, start, e);
            } else if e - s == 4 {
                if let Some(start) = written(text, s) {
                    push(hay, out, start, e);
                }
            }
        }
    }
}

/// Pushes the date at `start..end` when a birth word owns it. One passed over is noted on the
/// hay: redaction may yet bring the word within reach or take the number between them away
/// (`Geburtsdatum ghp_… lautet 1960-06-22` redacted to `Geburtsdatum [SECRET] lautet …`).
fn push(hay: &Hay<'_>, out: &mut Vec<Candidate>, start: usize, end: usize) {
    if !birth_word_owns(hay.text, start, end) {
        hay.note_passed_over();
        return;
    }
    out.push(Candidate {
        kind: Kind::DateOfBirth,
        start,
        end,
        score: Score::from_milli(BASE),
        rule: "date_of_birth.context",
        validated: false,
    });
}

/// Whether a birth word introduces this date: it stands before the date with no other number in
/// between (`born in 1985, moved 2019-05-01` does not make the second date a birth date), or
/// after it, at most three connecting words on, without starting a date of its own
/// (`12.03.1985 (date of birth)`, `I typed 12.03.1985 as my DOB`, but not
/// `issued 2019-05-01; DOB: 1985-03-12`). The context scorer then applies its usual window.
fn birth_word_owns(text: &str, start: usize, end: usize) -> bool {
    let Some(finder) = BIRTH_WORDS.as_ref() else {
        return false;
    };
    let text = Table(text);
    let word_start = |hay: &Table<String>, i: usize| {
        hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let from = floor_boundary(&text, start.saturating_sub(48));
    let before = Table(crate::normalize::lower_str(&text[from..start]));
    let last_word_end = finder
        .find_overlapping_iter(before.as_str())
        .filter(|m| word_start(&before, m.start()))
        .map(|m| m.end())
        .max();
    if let Some(e) = last_word_end {
        if !before[e..].bytes().any(|b| b.is_ascii_digit()) {
            return true;
        }
    }
    let to = ceil_boundary(&text, end.saturating_add(48).min(text.len()));
    let after = Table(crate::normalize::lower_str(&text[end..to]));
    let Some((i, e)) = finder
        .find_overlapping_iter(after.as_str())
        .filter(|m| word_start(&after, m.start()))
        .map(|m| (m.start(), m.end()))
        .min()
    else {
        return false;
    };
    // Up to three connecting words (`… as my DOB`, `… como fecha de nacimiento`, `… ingevuld als
    // geboortedatum`), but no number, may stand between the date and the birth word.
    let between = &after[..i];
    let between_ok = !between.chars().any(|c| c.is_ascii_digit())
        && between.split_whitespace().count() <= 3
        && between.chars().all(|c| {
            c.is_alphabetic()
                || c.is_whitespace()
                || matches!(c, '(' | '[' | '-' | ',' | '=' | '\'')
        });
    let mut rest = after[e..].chars().skip_while(|c| !c.is_alphanumeric());
    let gap = after[e..]
        .chars()
        .take_while(|c| !c.is_alphanumeric())
        .count();
    let starts_date = gap < 6 && rest.next().is_some_and(|c| c.is_ascii_digit());
    between_ok && !starts_date
}

/// Finds the birth words in a lowercased window.
static BIRTH_WORDS: LazyLock<Option<Matcher>> =
    LazyLock::new(|| Matcher::new(CONTEXT, MatchKind::Standard, Case::Exact).ok());

fn value(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |a, &d| {
        a.saturating_mul(10)
            .saturating_add(u32::from(d.wrapping_sub(b'0')))
    })
}

/// A plausible birth year from four digits.
fn year_of(b: &[u8]) -> Option<u32> {
    let y = value(b);
    (b.len() == 4 && (1900..=2026).contains(&y)).then_some(y)
}

/// The birth year a two-digit year means: `00`–`26` this century, the rest the last.
fn two_digit_year(yy: u32) -> u32 {
    if yy <= 26 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// A real calendar date with a plausible birth year.
fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2026).contains(&y) && valid_date(y, m, d)
}

/// Numeric dates: three groups joined by one `-`, `/` or `.` that is not part of a longer
/// dotted number.
fn numeric(hay: &Hay<'_>, groups: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    let groups = Table(groups);
    let sep_after = |i: usize| bytes.get(groups[i].1).copied();
    for first in 0..groups.len().saturating_sub(2) {
        let last = first + 2;
        let sep = sep_after(first);
        if !matches!(sep, Some(b'-' | b'/' | b'.')) || sep_after(first + 1) != sep {
            continue;
        }
        if first > 0 && sep_after(first - 1) == sep
            || last + 1 < groups.len() && sep_after(last) == sep
        {
            continue;
        }
        let g: Table<Vec<&[u8]>> = Table(
            groups[first..=last]
                .iter()
                .map(|&(s, e)| &bytes[s..e])
                .collect(),
        );
        let (a, b, c) = (value(g[0]), value(g[1]), value(g[2]));
        let ok = match (g[0].len(), g[1].len(), g[2].len()) {
            (4, 1..=2, 1..=2) => valid(a, b, c),
            (1..=2, 1..=2, 4) => valid(c, b, a) || valid(c, a, b),
            (1..=2, 1..=2, 2) => {
                let y = two_digit_year(c);
                valid(y, b, a) || valid(y, a, b)
            }
            _ => false,
        };
        let (start, end) = (groups[first].0, groups[last].1);
        if ok && bounds_ok(&bytes, start, end) {
            push(hay, out, start, end);
        }
    }
}

fn bounds_ok(bytes: &[u8], start: usize, end: usize) -> bool {
    let bytes = Table(bytes);
    if start > 0 {
        let p = bytes[start - 1];
        if p.is_ascii_alphanumeric() || p == b'_' {
            return false;
        }
        if matches!(p, b'.' | b'-' | b'/' | b':') && start > 1 && bytes[start - 2].is_ascii_digit()
        {
            return false;
        }
    }
    match bytes.get(end) {
        // An ISO timestamp may follow: `1985-03-12T08:00`.
        Some(b'T') => bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => false,
        Some(b'.' | b'-' | b'/' | b':') => !bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => true,
    }
}

/// A token of the text before a year: a word or number, or one punctuation character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word(usize, usize),
    Dot,
    Comma,
    Other,
}

/// Tokenizes `text[from..to]` (a bounded window before a year).
fn tokens_before(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    let slice = &Table(text)[from..to];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            toks.push(Tok::Word(from + i, from + end));
        } else if c == '.' {
            toks.push(Tok::Dot);
        } else if c == ',' {
            toks.push(Tok::Comma);
        } else if !c.is_whitespace() {
            toks.push(Tok::Other);
        }
    }
    toks
}

/// The month number of a word, if it names one.
fn month_of(word: &str) -> Option<u32> {
    let lower = crate::normalize::lower_str(word);
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| u32::from(m))
}

/// The day of a word such as `12`, `1st`, `3rd`, `12th`, `1er`, `1º`.
fn day_of(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let word = Table(word);
    let suffix = &word[digits..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "e") {
        return None;
    }
    let d = value(&word.as_bytes()[..digits]);
    (1..=31).contains(&d).then_some(d)
}

/// The start of a written date whose year starts at `year_start`, if the words before it are a
/// day and a month in one of the supported orders.
fn written(text: &str, year_start: usize) -> Option<usize> {
    let text = Table(text);
    let bytes = Table(text.as_bytes());
    let year = year_of(bytes.get(year_start..year_start + 4)?)?;
    if year_start > 0 && bytes[year_start - 1].is_ascii_alphanumeric() {
        return None;
    }
    let from = floor_boundary(&text, year_start.saturating_sub(48));
    let toks = tokens_before(&text, from, year_start);
    let word = |t: Tok| match t {
        Tok::Word(s, e) => Some((s, &text[s..e])),
        _ => None,
    };
    let is_filler = |t: Tok| {
        word(t).is_some_and(|(_, w)| {
            matches!(crate::normalize::lower_str(w).as_str(), "de" | "del" | "of")
        })
    };
    let mut i = toks.len();
    let prev = |i: &mut usize| -> Option<Tok> {
        *i = i.checked_sub(1)?;
        toks.get(*i).copied()
    };
    // Between the month or day and the year: an optional comma, `de`/`del`, or an
    // abbreviation dot.
    let mut t = prev(&mut i)?;
    if t == Tok::Comma {
        t = prev(&mut i)?;
    }
    if is_filler(t) {
        t = prev(&mut i)?;
    }
    if t == Tok::Dot {
        t = prev(&mut i)?;
    }
    let (_, w) = word(t)?;
    if let Some(m) = month_of(w) {
        // Day first: `12 March`, `12. März`, `12 de marzo`, `12th of March`.
        let mut t = prev(&mut i)?;
        if is_filler(t) {
            t = prev(&mut i)?;
        }
        if t == Tok::Dot {
            t = prev(&mut i)?;
        }
        let (ds, dw) = word(t)?;
        let d = day_of(dw)?;
        return valid_date(year, m, d).then_some(ds);
    }
    // Month first: `March 12, 1985`, `Mar. 12 1985`.
    let d = day_of(w)?;
    let mut t = prev(&mut i)?;
    if t == Tok::Dot {
        t = prev(&mut i)?;
    }
    let (ms, mw) = word(t)?;
    let m = month_of(mw)?;
    valid_date(year, m, d).then_some(ms)
}

/// The start of a date written day, month name and year joined by one `-` or `/` (forms and
/// databases: `12-Mar-1985`, `12-MAR-85`, `12/Mar/1985`), whose year is `text[year_start..end]`.
fn abbreviated(text: &str, year_start: usize, end: usize) -> Option<usize> {
    let text = Table(text);
    let bytes = Table(text.as_bytes());
    let sep = *bytes.get(year_start.checked_sub(1)?)?;
    if !matches!(sep, b'-' | b'/') {
        return None;
    }
    let digits = &bytes[year_start..end];
    let year = match digits.len() {
        4 => year_of(digits)?,
        2 => two_digit_year(value(digits)),
        _ => return None,
    };
    let month_end = year_start - 1;
    let month_start = text[..month_end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()?
        .0;
    let month = month_of(&text[month_start..month_end])?;
    let day_end = month_start.checked_sub(1)?;
    if bytes[day_end] != sep {
        return None;
    }
    let day_digits = bytes[..day_end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let day_start = day_end - day_digits;
    let ok = (1..=2).contains(&day_digits)
        && valid(year, month, value(&bytes[day_start..day_end]))
        && bounds_ok(&bytes, day_start, end);
    ok.then_some(day_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    // Dates are synthetic.

    #[test]
    fn numeric_dates() {
        for (text, want) in [
            ("DOB: 1985-03-12", "1985-03-12"),
            ("born 12/03/1985.", "12/03/1985"),
            ("geboren am 12.03.1985", "12.03.1985"),
            ("date of birth 03/25/1985", "03/25/1985"),
            ("né le 29/02/2000", "29/02/2000"),
            ("dob 12-03-85", "12-03-85"),
            ("DOB 1985-03-12T00:00:00Z", "1985-03-12"),
            ("12.03.1985 (date of birth)", "12.03.1985"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn written_dates_in_several_languages() {
        for (text, want) in [
            ("I was born on 12 March 1985.", "12 March 1985"),
            ("born March 12, 1985", "March 12, 1985"),
            ("birthday: 12th of March 1985", "12th of March 1985"),
            ("Geburtsdatum: 12. März 1985", "12. März 1985"),
            ("née le 1er mars 1985", "1er mars 1985"),
            ("Nací el 12 de marzo de 1985", "12 de marzo de 1985"),
            ("Sono nato il 12 marzo 1985", "12 marzo 1985"),
            ("geboren op 12 maart 1985", "12 maart 1985"),
            ("nascido em 12 de março de 1985", "12 de março de 1985"),
            ("Nasci a 12.03.1985.", "12.03.1985"),
            ("DOB Mar. 12 1985", "Mar. 12 1985"),
            ("born March 12 1985", "March 12 1985"),
            ("DOB: 12-Mar-1985", "12-Mar-1985"),
            ("date of birth 03-MAR-85", "03-MAR-85"),
            ("birth date 3/Mar/1985", "3/Mar/1985"),
            ("Geburtsdatum 12-Okt-1985", "12-Okt-1985"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn invalid_dates_and_years() {
        for text in [
            "born 30/02/1985",
            "born 31.04.1985",
            "born 29/02/1985",
            "born 1899-12-31",
            "born 2027-01-01",
            "born 13/13/1985",
            "born 31 February 1985",
            "born 32 March 1985",
            "born 1.2.3.4",
            "born 12.03.1985.4",
            "born 12:30:45",
            "born March 1985",
            "born 1985",
            "born in 1985, moved on 2019-05-01",
            "issued 2019-05-01; DOB: 1985-03-12x",
            "born 31-Apr-1985",
            "born 12-Mar/1985",
            "born 12-Foo-1985",
            "born 123-Mar-1985",
            "born 12-Mar-1985x",
            "born x12-Mar-1985",
            "born 12-Mar-198",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn context_is_required() {
        // The scan reports dates; the recognizer table drops them without a birth word.
        let hay = Hay::new("meeting on 2024-05-01, price 1,299.00, at 12:30:45");
        let mut out = Vec::new();
        scan(&hay, &mut out);
        let kept: Vec<_> = out
            .into_iter()
            .filter_map(|c| {
                crate::detect::context::apply(
                    hay.text,
                    c,
                    crate::detect::context::Support::only(CONTEXT),
                    true,
                )
            })
            .collect();
        assert!(kept.is_empty());
        let hay = Hay::new("Date of birth: 12 March 1985");
        let mut out = Vec::new();
        scan(&hay, &mut out);
        let kept: Vec<_> = out
            .into_iter()
            .filter_map(|c| {
                crate::detect::context::apply(
                    hay.text,
                    c,
                    crate::detect::context::Support::only(CONTEXT),
                    true,
                )
            })
            .collect();
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn birth_word_a_few_words_after_the_date() {
        // Synthetic sentences.
        for text in [
            "I typed November 10, 1948 as my DOB but it fails",
            "ik heb 09-07-1972 ingevuld als geboortedatum, klopt dat?",
            "he puesto 01/10/1947 como fecha de nacimiento",
        ] {
            assert_eq!(found(text).len(), 1, "{text}");
        }
        // A later date that a birth word introduces does not make the earlier one a birth date.
        assert_eq!(
            found("issued 2019-05-01 and my DOB 1985-03-12"),
            ["1985-03-12"]
        );
    }
}

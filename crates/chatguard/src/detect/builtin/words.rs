//! Word-level reading of the matching view for the recognizers of plain-word findings (person
//! names, street addresses): Unicode words with inner hyphens and apostrophes, read forwards or
//! backwards from a byte offset, with every step bounded and no slicing that input can push out of
//! range.

/// The longest word these readers accept, in bytes; longer runs are not name or street words.
pub(crate) const MAX_WORD: usize = 48;

/// The character that starts at byte `i`, if `i` is a boundary inside `text`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character that ends at byte `i`, if `i` is a boundary inside `text`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// True for the apostrophes people type inside names (`O'Brien`, `d’Artagnan`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Skips spaces and tabs (not line breaks) from `i`.
pub(crate) fn skip_blanks(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    i
}

/// Skips spaces and tabs (not line breaks) backwards from `i`.
pub(crate) fn skip_blanks_back(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i > 0 && i <= bytes.len() && (bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
        i -= 1;
    }
    i
}

/// The end of the word of letters starting at `i` (inner `-` and apostrophes allowed when a letter
/// follows them), or `None` when no letter starts there or the word is implausibly long.
pub(crate) fn word_end(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    if let Some(end) = ascii_word_end(rest.as_bytes()) {
        return end.map(|e| i + e);
    }
    word_end_by_chars(rest).map(|e| i + e)
}

/// [`word_end`] of `rest` read byte by byte, for the ASCII words most text holds: `None` when a
/// byte that is not ASCII must be read as part of a character (then [`word_end_by_chars`]
/// decides), else the answer.
fn ascii_word_end(bytes: &[u8]) -> Option<Option<usize>> {
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() => {}
        Some(b) if !b.is_ascii() => return None,
        _ => return Some(None),
    }
    let mut end = 0;
    for (j, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphabetic() {
            end = j + 1;
        } else if b == b'-' || b == b'\'' {
            match bytes.get(j + 1) {
                Some(n) if n.is_ascii_alphabetic() => {}
                Some(n) if !n.is_ascii() => return None,
                _ => break,
            }
        } else if b.is_ascii() {
            break;
        } else {
            return None;
        }
        if end > MAX_WORD {
            return Some(None);
        }
    }
    Some(Some(end))
}

/// [`word_end`] of `rest` read character by character.
fn word_end_by_chars(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().peekable();
    match chars.peek() {
        Some(&(_, c)) if c.is_alphabetic() => {}
        _ => return None,
    }
    let mut end = 0;
    while let Some((at, c)) = chars.next() {
        if c.is_alphabetic() {
            end = at + c.len_utf8();
        } else if c == '-' || is_apostrophe(c) {
            match chars.peek() {
                Some(&(_, n)) if n.is_alphabetic() => {}
                _ => break,
            }
        } else {
            break;
        }
        if end > MAX_WORD {
            return None;
        }
    }
    Some(end)
}

/// The start of the word of letters ending at `end` (the mirror of [`word_end`]), or `None`.
pub(crate) fn word_start(text: &str, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    let mut chars = before.char_indices().rev().peekable();
    match chars.peek() {
        Some(&(_, c)) if c.is_alphabetic() => {}
        _ => return None,
    }
    let mut start = end;
    while let Some((at, c)) = chars.next() {
        if c.is_alphabetic() {
            start = at;
        } else if c == '-' || is_apostrophe(c) {
            match chars.peek() {
                Some(&(_, n)) if n.is_alphabetic() => {}
                _ => break,
            }
        } else {
            break;
        }
        if end - start > MAX_WORD {
            return None;
        }
    }
    Some(start)
}

/// True when the word starts with an uppercase letter and is not all capitals (`Jane`, `McDonald`,
/// `O'Brien`, `d'Alembert` after its elided particle).
pub(crate) fn is_capitalised(word: &str) -> bool {
    let word = strip_elision(word);
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    word.chars().any(char::is_lowercase)
}

/// True when every letter is uppercase and there are at least two (`DOE`, `NW`).
pub(crate) fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The word without a leading elided particle `d'`, `l'` (any case, either apostrophe).
pub(crate) fn strip_elision(word: &str) -> &str {
    let mut chars = word.char_indices();
    if let (Some((_, p)), Some((_, a)), Some((rest, _))) =
        (chars.next(), chars.next(), chars.next())
    {
        if matches!(p, 'd' | 'l' | 'D' | 'L') && is_apostrophe(a) {
            return word.get(rest..).unwrap_or(word);
        }
    }
    word
}

/// Lowercases `word` into `buf` (reused, so no allocation per call once it has grown).
pub(crate) fn lower_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    for c in word.chars() {
        if is_apostrophe(c) {
            buf.push('\'');
        } else {
            buf.extend(crate::normalize::lower_char(c));
        }
    }
    buf.as_str()
}

/// True when `list` contains `word` compared ASCII-case-insensitively.
pub(crate) fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// [`in_list`] for a list packed with [`packed!`](crate::packed). Packed words have no capital
/// letter (the macro refuses one), so the word, lowered, is searched for in the packed text at
/// once and taken where it is a whole line: one vectorised search instead of a compare per word
/// (a capitalised word before a house number is looked up in several lists, some more than once).
pub(crate) fn in_packed(packed: &str, word: &str) -> bool {
    let mut buf = [0u8; 32];
    let bytes = word.as_bytes();
    let Some(lower) = buf
        .get_mut(..bytes.len())
        .filter(|_| !bytes.is_empty() && !bytes.contains(&b'\n'))
    else {
        return packed.split('\n').any(|w| w.eq_ignore_ascii_case(word));
    };
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    let lines = packed.as_bytes();
    // A failed occurrence holds no newline, so no whole line starts inside it: skipping past it
    // misses nothing.
    let found = crate::detect::hay::find_bytes_iter(lines, lower).any(|at| {
        (at == 0 || lines[at - 1] == b'\n')
            && lines.get(at + lower.len()).is_none_or(|&b| b == b'\n')
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search answers as a compare with every packed word does: whole words only, any ASCII
    /// case, non-ASCII letters exact, empty and over-long words too.
    #[test]
    fn in_packed_agrees_with_comparing_every_word() {
        const WORDS: &[&str] = &["an", "and", "straße", "the", "a", "rue", "aa", "aaa"];
        let packed = packed!(WORDS);
        let probes = [
            "an",
            "AN",
            "And",
            "a",
            "A",
            "aa",
            "aaA",
            "aaaa",
            "n",
            "nd",
            "d",
            "the",
            "THE",
            "th",
            "he",
            "Straße",
            "STRAßE",
            "strasse",
            "rue",
            "Rue",
            "ru",
            "ue",
            "",
            "\n",
            "an\nand",
            "a\nan",
            "thethethethethethethethethethethe-long",
        ];
        for probe in probes {
            let expected = WORDS.iter().any(|w| w.eq_ignore_ascii_case(probe));
            assert_eq!(in_packed(packed, probe), expected, "{probe:?}");
        }
        assert!(!in_packed("", "a"));
        assert!(
            in_packed("", ""),
            "an empty list packs to one empty word, as before"
        );
    }

    /// The ASCII reading answers as the character reading does, or defers to it.
    #[test]
    fn ascii_word_end_agrees_with_the_character_reading() {
        const PARTS: &[&str] = &[
            "a", "Z", "-", "'", "’", " ", ".", "é", "9", "_", "x-", "'s", "ab", "Ž", "\n",
        ];
        let mut seed = 7u64;
        let mut deferred = 0;
        for _ in 0..50_000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(PARTS[(seed >> 33) as usize % PARTS.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            match ascii_word_end(text.as_bytes()) {
                Some(end) => assert_eq!(end, word_end_by_chars(&text), "{text:?}"),
                None => deferred += 1,
            }
        }
        assert!(deferred > 0);
        let long = "a".repeat(MAX_WORD + 1);
        assert_eq!(ascii_word_end(long.as_bytes()), Some(None));
        assert_eq!(word_end_by_chars(&long), None);
        assert_eq!(ascii_word_end(&long.as_bytes()[1..]), Some(Some(MAX_WORD)));
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let t = "O'Brien Jean-Pierre d’Arc x- y";
        assert_eq!(word_end(t, 0), Some(7));
        assert_eq!(word_end(t, 8), Some(19));
        assert_eq!(&t[20..word_end(t, 20).expect("word")], "d’Arc");
        assert_eq!(word_end(t, 28), Some(29));
        assert_eq!(word_end(t, 7), None);
        assert_eq!(word_start(t, 19), Some(8));
        assert_eq!(word_start(t, 7), Some(0));
        assert_eq!(word_end(t, 99), None);
        assert_eq!(word_start(t, 99), None);
    }

    #[test]
    fn shapes() {
        assert!(is_capitalised("Jane"));
        assert!(is_capitalised("d'Alembert"));
        assert!(is_capitalised("Élodie"));
        assert!(!is_capitalised("DOE"));
        assert!(!is_capitalised("jane"));
        assert!(is_all_caps("NW"));
        assert!(!is_all_caps("N"));
        let mut buf = String::new();
        assert_eq!(lower_into("O’Brien", &mut buf), "o'brien");
        assert!(in_list(&["jane", "mary"], "JANE"));
    }

    #[test]
    fn boundaries_never_panic() {
        let t = "é";
        assert_eq!(char_at(t, 1), None);
        assert_eq!(char_before(t, 1), None);
        assert_eq!(word_end(t, 1), None);
        assert_eq!(word_start(t, 1), None);
        assert_eq!(skip_blanks_back(t, 9), 9);
    }
}

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
    Some(i + end)
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
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

/// True when `list` contains `word` compared ASCII-case-insensitively.
pub(crate) fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

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

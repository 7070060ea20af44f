//! How one character reads as a lowercase ASCII letter, which trick that took, and the script
//! facts the detector needs (which scripts separate words with spaces, which are right-to-left).

use super::super::words::DEACCENT;
use super::tables::{CONFUSABLES, LATIN_EXTENDED_BASE};
use crate::normalize::compat_ascii_alphanumeric;

/// A Latin letter as lowercase ASCII without its diacritics (`É` → `e`); `None` otherwise.
pub(super) fn latin_letter(c: char) -> Option<u8> {
    if c.is_ascii_alphabetic() {
        return Some(c.to_ascii_lowercase() as u8);
    }
    let cp = u32::from(c);
    match cp {
        0xC0..=0x24F => DEACCENT
            .get((cp - 0xC0) as usize)
            .copied()
            .filter(|&b| b != b'.'),
        0x1E00..=0x1EFF => lookup(LATIN_EXTENDED_BASE, c),
        _ => None,
    }
}

/// The ASCII letter or digit a character of another script looks like (UTS #39 confusables).
pub(super) fn confusable(c: char) -> Option<u8> {
    lookup(CONFUSABLES, c)
}

/// The lowercase ASCII letter or digit a compatibility form stands for (`Ｉ` → `i`, `𝐠` → `g`).
pub(super) fn compatibility(c: char) -> Option<u8> {
    // Below the phonetic extensions (U+1D00), only Latin-1 superscripts, the long s and the
    // modifier letters are compatibility forms of ASCII; skip the table for the other scripts.
    if c < '\u{1D00}'
        && !matches!(c, '\u{00AA}'..='\u{00BA}' | '\u{017F}' | '\u{02B0}'..='\u{02E3}')
    {
        return None;
    }
    compat_ascii_alphanumeric(c).map(|b| b.to_ascii_lowercase())
}

/// Looks `c` up in a table of `code point << 8 | byte` entries.
fn lookup(table: &[u32], c: char) -> Option<u8> {
    let cp = u32::from(c);
    table
        .binary_search_by_key(&cp, |&packed| packed >> 8)
        .ok()
        .and_then(|i| table.get(i))
        .map(|&packed| (packed & 0xFF) as u8)
}

/// Combining diacritical marks that stack on any letter (the generic blocks, not the vowel signs
/// of Indic or Hebrew scripts, whose words legitimately carry several).
pub(super) fn is_diacritic_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// True for letters of scripts that separate words with spaces and never need a zero-width
/// character inside a word: Latin, Greek, Cyrillic, Armenian, Georgian, and ASCII digits.
pub(super) fn is_spaced_script(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{00C0}'..='\u{058F}' | '\u{10A0}'..='\u{10FF}' | '\u{1D00}'..='\u{1FFF}' | '\u{2C00}'..='\u{2C7F}' | '\u{A640}'..='\u{A69F}' | '\u{A720}'..='\u{A7FF}')
            && c.is_alphabetic()
}

/// True for strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms and historic relatives).
pub(super) fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_read_as_ascii() {
        assert_eq!(latin_letter('É'), Some(b'e'));
        assert_eq!(latin_letter('ç'), Some(b'c'));
        assert_eq!(latin_letter('а'), None); // Cyrillic a is not Latin
        assert_eq!(confusable('а'), Some(b'a'));
        assert_eq!(confusable('ο'), Some(b'o')); // Greek omicron
        assert_eq!(confusable('é'), None);
        assert_eq!(compatibility('Ｉ'), Some(b'i'));
        assert_eq!(compatibility('𝐠'), Some(b'g'));
    }

    #[test]
    fn compatibility_shortcut_skips_no_ascii_form() {
        for cp in 0x80..0x1D00u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if !matches!(cp, 0xAA..=0xBA | 0x17F | 0x2B0..=0x2E3) {
                assert_eq!(compat_ascii_alphanumeric(c), None, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn latin_letters_lose_their_diacritics() {
        assert_eq!(latin_letter('ệ'), Some(b'e')); // U+1EC7, Vietnamese
        assert_eq!(latin_letter('ŵ'), Some(b'w'));
        assert_eq!(latin_letter('ø'), None);
        assert!(LATIN_EXTENDED_BASE
            .iter()
            .all(|&packed| (0x1E00..0x1F00).contains(&(packed >> 8))));
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(CONFUSABLES.windows(2).all(|w| w[0] >> 8 < w[1] >> 8));
        assert!(LATIN_EXTENDED_BASE
            .windows(2)
            .all(|w| w[0] >> 8 < w[1] >> 8));
    }

    #[test]
    fn scripts() {
        assert!(is_spaced_script('ж') && is_spaced_script('a') && is_spaced_script('λ'));
        assert!(!is_spaced_script('ก') && !is_spaced_script('中') && !is_spaced_script('ب'));
        assert!(is_rtl('ש') && is_rtl('ب') && !is_rtl('a'));
    }
}

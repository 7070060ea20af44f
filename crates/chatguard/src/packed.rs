//! Word lists packed into one newline-separated string at compile time.
//!
//! A `&[&str]` table costs a pointer and a length per word (8 bytes on wasm32) besides the text,
//! and those numbers compress poorly: in the browser module a 700-word list spends more on them
//! than on its words. [`packed!`] keeps the readable `const LIST: &[&str]` as the source and turns
//! it, at compile time, into the `&'static str` the program reads (`LIST` itself then never reaches
//! the binary).
//!
//! ```ignore
//! const WORDS: &[&str] = &["alpha", "beta"];
//! const WORDS_PACKED: &str = packed!(WORDS); // "alpha\nbeta"
//! for word in WORDS_PACKED.split('\n') { /* ... */ }
//! ```

/// The length of `words` joined with `\n`.
pub(crate) const fn joined_len(words: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < words.len() {
        len += words[i].len() + 1;
        i += 1;
    }
    len.saturating_sub(1)
}

/// `words` joined with `\n`, as bytes; `N` must be [`joined_len`]`(words)`. A word that
/// contains `\n` fails the build (it would split into two).
pub(crate) const fn join<const N: usize>(words: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < words.len() {
        if i > 0 {
            out[at] = b'\n';
            at += 1;
        }
        let word = words[i].as_bytes();
        let mut j = 0;
        while j < word.len() {
            assert!(word[j] != b'\n', "a packed word contains a newline");
            assert!(
                !word[j].is_ascii_uppercase(),
                "a packed word has a capital letter (lookups compare lower case)"
            );
            out[at] = word[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(at == N, "packed length mismatch");
    out
}

/// `packed!(LIST)`: the words of the `const LIST: &[&str]` joined with `\n`, as a `&'static str`
/// built at compile time (split it with `.split('\n')`).
macro_rules! packed {
    ($words:expr) => {{
        const BYTES: [u8; $crate::packed::joined_len($words)] = $crate::packed::join($words);
        match ::core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("joined words are UTF-8"),
        }
    }};
}

#[cfg(test)]
mod tests {
    const WORDS: &[&str] = &["alpha", "", "beta gamma", "é"];
    const EMPTY: &[&str] = &[];

    #[test]
    fn packs_and_splits_back_to_the_same_words() {
        const TEXT: &str = packed!(WORDS);
        assert_eq!(TEXT, "alpha\n\nbeta gamma\né");
        assert_eq!(TEXT.split('\n').collect::<Vec<_>>(), WORDS);
        const NONE: &str = packed!(EMPTY);
        assert_eq!(NONE, "");
    }
}

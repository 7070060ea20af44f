//! Unicode lower-casing from the crate's own compact tables: exactly what std's
//! `char::to_lowercase` and `str::to_lowercase` give, without linking std's case tables (11.7 KB
//! raw in the browser module, against 2.7 KB for the tables here).
//!
//! * [`lower_char`] is `char::to_lowercase`: one character, or two for U+0130 (`İ` → `i̇`).
//! * [`lower_str`] and [`push_lower`] are `str::to_lowercase`, final sigma included: a capital
//!   `Σ` at the end of a word becomes `ς`, elsewhere `σ` (so `ΟΔΟΣ` and `οδος` compare equal
//!   once lower-cased, as they do with std).
//!
//! The tables (`lower_table.rs`) are generated from std itself by the ignored test
//! `write_lower_table` (`cargo test -p chatguard write_lower_table -- --ignored`), and the tests
//! below compare every one of the 0x110000 code points with std, so a toolchain with a newer
//! Unicode version fails them until the table is generated again.

use super::lower_table::{
    CASED_OFFSETS, CASED_RUNS, CASE_IGNORABLE_OFFSETS, CASE_IGNORABLE_RUNS, LOWER_DELTAS,
    LOWER_RUNS, LOWER_RUN_DELTA, LOWER_TWO,
};
use super::{run_before, FIRST};

/// The lower case of a character: an iterator over one character, or two (U+0130), the same as
/// std's `ToLowercase`.
#[derive(Clone, Debug)]
pub(crate) struct Lower {
    chars: [char; 2],
    at: u8,
    len: u8,
}

impl Iterator for Lower {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if self.at >= self.len {
            return None;
        }
        let c = self.chars.get(usize::from(self.at)).copied();
        self.at += 1;
        c
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::from(self.len.saturating_sub(self.at));
        (left, Some(left))
    }
}

/// The lower case of `c`, exactly `c.to_lowercase()`.
pub(crate) fn lower_char(c: char) -> Lower {
    let one = |l: char| Lower {
        chars: [l, '\0'],
        at: 0,
        len: 1,
    };
    if c.is_ascii() {
        return one(c.to_ascii_lowercase());
    }
    let cp = u32::from(c);
    if let Some(&(_, first, second)) = LOWER_TWO.iter().find(|&&(from, _, _)| from == c) {
        return Lower {
            chars: [first, second],
            at: 0,
            len: 2,
        };
    }
    one(lower_single(cp).unwrap_or(c))
}

/// The one-character lower case of the code point `cp` from the run table; `None` when it is its
/// own lower case.
fn lower_single(cp: u32) -> Option<char> {
    let (i, packed) = run_before(LOWER_RUNS, cp)?;
    // A run is `count` code points `stride` apart, all moved by the same delta.
    let (first, count, stride) = (
        packed & FIRST,
        (packed >> 21 & 0x7F) + 1,
        (packed >> 28) + 1,
    );
    let offset = cp - first;
    if offset % stride != 0 || offset / stride >= count {
        return None;
    }
    let delta = *LOWER_DELTAS.get(usize::from(*LOWER_RUN_DELTA.get(i)?))?;
    char::from_u32(cp.wrapping_add_signed(delta))
}

/// `text` lower-cased, exactly `text.to_lowercase()`.
pub(crate) fn lower_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lower(&mut out, text);
    out
}

/// Appends [`lower_str`]`(text)` to `out`.
pub(crate) fn push_lower(out: &mut String, text: &str) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
        return;
    }
    out.reserve(text.len());
    for (at, c) in text.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            out.push(if is_word_final(text, at) { 'ς' } else { 'σ' });
        } else {
            out.extend(lower_char(c));
        }
    }
}

/// Whether the `Σ` at byte `at` of `text` ends a word (Unicode's `Final_Sigma` condition, as std
/// tests it): a cased letter before it and none after it, case-ignorable characters (accents,
/// apostrophes, ...) skipped on both sides. Each side stops at the first character that is not
/// case-ignorable — the neighbouring `Σ` at the latest — so a text is read at most three times.
fn is_word_final(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    let after = text.get(at + 'Σ'.len_utf8()..).unwrap_or_default();
    cased_after_ignorable(before.chars().rev()) && !cased_after_ignorable(after.chars())
}

/// Whether the first character of `chars` that is not case-ignorable is cased.
fn cased_after_ignorable(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !in_set(CASE_IGNORABLE_RUNS, CASE_IGNORABLE_OFFSETS, c))
        .is_some_and(|c| in_set(CASED_RUNS, CASED_OFFSETS, c))
}

/// Whether `c` is in a set stored as std stores its Unicode properties (a skip list): `offsets`
/// are the distances between successive edges of the set's ranges (a range's first code point,
/// then the one after its last), one byte each, so a code point is in the set when an odd number
/// of edges lie at or before it. A distance too long for a byte closes a chunk of `offsets` with a
/// `0` (which keeps the count's parity); `runs` holds each chunk's end, `edge | first index << 21`,
/// the edge being the code point the chunk reaches. A lookup finds its chunk by binary search and
/// then adds up at most that chunk's distances.
fn in_set(runs: &[u32], offsets: &[u8], c: char) -> bool {
    let cp = u32::from(c);
    let chunk = runs.partition_point(|&run| run & FIRST <= cp);
    let start_of = |run: u32| (run >> 21) as usize;
    let Some(&run) = runs.get(chunk) else {
        return false;
    };
    let mut at = start_of(run);
    let end = runs
        .get(chunk + 1)
        .map_or(offsets.len(), |&next| start_of(next));
    let chunk_from = chunk
        .checked_sub(1)
        .and_then(|before| runs.get(before))
        .map_or(0, |&before| before & FIRST);
    let distance = cp - chunk_from;
    let mut edge = 0;
    while at + 1 < end {
        edge += offsets.get(at).map_or(0, |&d| u32::from(d));
        if edge > distance {
            break;
        }
        at += 1;
    }
    at % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_char_lowers_as_std_does() {
        for c in all_chars() {
            let ours = lower_char(c);
            assert_eq!(ours.size_hint(), c.to_lowercase().size_hint(), "{c:?}");
            assert!(ours.eq(c.to_lowercase()), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn dotted_capital_i_lowers_to_two_chars() {
        assert_eq!(lower_char('İ').collect::<String>(), "i\u{307}");
        assert_eq!(lower_str("İSTANBUL"), "i\u{307}stanbul");
    }

    #[test]
    fn every_char_around_a_sigma_lowers_as_std_does() {
        // Before a final `Σ`, a case-ignorable or cased character keeps it final; after it, a
        // cased one makes it medial. Together these probe both tables at every code point.
        let mut text = String::new();
        for c in all_chars() {
            for (first, second, third) in [('A', c, 'Σ'), ('A', 'Σ', c), (c, 'Σ', ' ')] {
                text.clear();
                text.extend([first, second, third]);
                assert_eq!(
                    lower_str(&text),
                    text.to_lowercase(),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn final_sigma_follows_words() {
        assert_eq!(lower_str("ΟΔΟΣ"), "οδος");
        assert_eq!(lower_str("ΣΑΣ ΣΤΟ"), "σας στο");
        assert_eq!(lower_str("Σ"), "σ");
        assert_eq!(lower_str("ΑΣ'Α"), "ασ'α");
        assert_eq!(lower_str("ΑΣ\u{301}."), "ας\u{301}.");
        let mut out = String::from("keep ");
        push_lower(&mut out, "ΟΔΟΣ Example");
        assert_eq!(out, "keep οδος example");
    }

    fn text_of(pool: &'static [char]) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(pool), 0..24)
            .prop_map(|chars| chars.into_iter().collect())
    }

    const POOL: &[char] = &[
        'a',
        'Z',
        ' ',
        '\'',
        '.',
        ':',
        '-',
        '1',
        'Σ',
        'σ',
        'ς',
        'Α',
        'ω',
        'İ',
        'I',
        'ǅ',
        'ᾈ',
        '\u{301}',
        '\u{345}',
        '\u{200D}',
        'ʰ',
        'Ω',
        'K',
        'Å',
        'ß',
        'Ⓐ',
        '𐐀',
        '𞤀',
        '\u{E0020}',
    ];

    proptest! {
        #[test]
        fn strings_lower_as_std_does(text in text_of(POOL)) {
            prop_assert_eq!(lower_str(&text), text.to_lowercase());
        }
    }

    /// Writes `lower_table.rs` from std's case mapping of this toolchain.
    #[test]
    #[ignore = "generator: run after a toolchain update makes the tests above fail"]
    fn write_lower_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/lower_table.rs");
        std::fs::write(path, generate()).expect("write lower_table.rs");
    }

    /// Encodes sorted, disjoint, non-adjacent `(first, count)` ranges for [`in_set`]: the
    /// `runs` and the `offsets` (std's skip list, `unicode-table-generator/src/skiplist.rs`).
    fn skip_list(ranges: &[(u32, u32)]) -> (Vec<u32>, Vec<u8>) {
        let mut distances = Vec::new();
        let mut last = 0;
        for edge in ranges
            .iter()
            .flat_map(|&(first, count)| [first, first + count])
        {
            distances.push(edge - last);
            last = edge;
        }
        // Longer than any byte, so the last chunk ends past every code point.
        distances.push(0x110000 - last);
        let (mut runs, mut offsets) = (Vec::new(), Vec::new());
        let (mut chunk_start, mut edge) = (0, 0);
        for distance in distances {
            edge += distance;
            match u8::try_from(distance) {
                Ok(d) => offsets.push(d),
                Err(_) => {
                    runs.push(edge | u32::try_from(chunk_start).unwrap() << 21);
                    offsets.push(0);
                    chunk_start = offsets.len();
                }
            }
        }
        assert!(edge >= 0x110000 && offsets.len() < 1 << 11);
        (runs, offsets)
    }

    fn generate() -> String {
        let mut runs: Vec<(u32, u32, u32, i32)> = Vec::new(); // first, count, stride, delta
        let mut two = Vec::new();
        for c in all_chars() {
            let cp = u32::from(c);
            let lower: Vec<char> = c.to_lowercase().collect();
            match lower[..] {
                [l] if l == c => continue,
                [l] => {
                    let delta = i32::try_from(i64::from(u32::from(l)) - i64::from(cp)).unwrap();
                    if let Some(run) = runs.last_mut() {
                        let (first, count, stride, run_delta) = *run;
                        if run_delta == delta && count < 128 {
                            if cp == first + count * stride {
                                run.1 += 1;
                                continue;
                            }
                            if count == 1 && cp == first + 2 {
                                *run = (first, 2, 2, delta);
                                continue;
                            }
                        }
                    }
                    runs.push((cp, 1, 1, delta));
                }
                [a, b] => two.push((c, a, b)),
                _ => panic!("U+{cp:04X} lowers to more than two characters"),
            }
        }
        let mut deltas: Vec<i32> = runs.iter().map(|r| r.3).collect();
        deltas.sort_unstable();
        deltas.dedup();
        assert!(deltas.len() <= 256);
        // The final-sigma tables, read off std's `str::to_lowercase`: after `AΣ`, a cased
        // character that is not case-ignorable keeps `σ`; between `A` and a final `Σ`, a
        // case-ignorable or cased one keeps `ς`.
        let (mut ignorable, mut cased) = (Vec::new(), Vec::new());
        let push = |ranges: &mut Vec<(u32, u32)>, cp: u32| match ranges.last_mut() {
            Some((first, count)) if *first + *count == cp => *count += 1,
            _ => ranges.push((cp, 1)),
        };
        for c in all_chars() {
            let cased_here = format!("AΣ{c}").to_lowercase().starts_with("aσ");
            let keeps_final = format!("A{c}Σ").to_lowercase().ends_with('ς');
            if cased_here {
                push(&mut cased, u32::from(c));
            } else if keeps_final {
                push(&mut ignorable, u32::from(c));
            }
        }
        let mut out = String::from(
            "//! Generated by `write_lower_table` in `lower.rs` from std's case mapping; do not edit.\n\n",
        );
        let list = |out: &mut String, name: &str, doc: &str, ty: &str, items: Vec<String>| {
            out.push_str(&format!(
                "{doc}#[rustfmt::skip]\npub(super) static {name}: &[{ty}] = &[\n"
            ));
            for chunk in items.chunks(8) {
                out.push_str(&format!("    {},\n", chunk.join(", ")));
            }
            out.push_str("];\n\n");
        };
        let runs_packed = runs
            .iter()
            .map(|&(first, count, stride, _)| {
                format!("{:#X}", first | (count - 1) << 21 | (stride - 1) << 28)
            })
            .collect();
        list(
            &mut out,
            "LOWER_RUNS",
            "/// Runs of code points with a one-character lower case: `first | (count - 1) << 21 |\n/// (stride - 1) << 28`, sorted; `first + k * stride` lowers to itself plus the run's delta.\n",
            "u32",
            runs_packed,
        );
        list(
            &mut out,
            "LOWER_RUN_DELTA",
            "/// For each run, the index of its delta in [`LOWER_DELTAS`].\n",
            "u8",
            runs.iter()
                .map(|r| deltas.binary_search(&r.3).unwrap().to_string())
                .collect(),
        );
        list(
            &mut out,
            "LOWER_DELTAS",
            "/// The distinct deltas of the runs, sorted.\n",
            "i32",
            deltas.iter().map(i32::to_string).collect(),
        );
        list(
            &mut out,
            "LOWER_TWO",
            "/// The characters whose lower case is two characters.\n",
            "(char, char, char)",
            two.iter()
                .map(|&(c, a, b)| {
                    format!(
                        "('\\u{{{:X}}}', '\\u{{{:X}}}', '\\u{{{:X}}}')",
                        u32::from(c),
                        u32::from(a),
                        u32::from(b)
                    )
                })
                .collect(),
        );
        for (name, ranges, what) in [
            ("CASE_IGNORABLE", &ignorable, "Unicode's `Case_Ignorable` characters"),
            (
                "CASED",
                &cased,
                "Unicode's `Cased` characters that are not case-ignorable (those are skipped first)",
            ),
        ] {
            let (runs, offsets) = skip_list(ranges);
            list(
                &mut out,
                &format!("{name}_RUNS"),
                &format!("/// {what}, as a skip list (see `in_set`): the chunks.\n"),
                "u32",
                runs.iter().map(|v| format!("{v:#X}")).collect(),
            );
            list(
                &mut out,
                &format!("{name}_OFFSETS"),
                "/// The distances between the edges of its ranges.\n",
                "u8",
                offsets.iter().map(u8::to_string).collect(),
            );
        }
        out.truncate(out.len() - 1);
        out
    }
}

//! The crate's one multi-pattern matcher: every word list, trigger list and phrase lexicon is
//! searched with a [`Matcher`], a thin wrapper over aho-corasick's DFA.
//!
//! One automaton kind, built and searched in one place, keeps one copy of the search code in the
//! browser module: the crate-wide `AhoCorasick` type picks among three automaton kinds at run
//! time and so links the builders and search loops of all three behind dynamic dispatch. A DFA
//! is also the fastest of the three to search (one table look-up per byte); it costs more memory
//! and set-up than the NFAs, which the crate's lists — a few hundred short words each, built once
//! per process — afford easily.
//!
//! ```text
//! let m = Matcher::new(&["dob", "born"], MatchKind::Standard, Case::AsciiInsensitive)?;
//! for hit in m.find_overlapping_iter("Born on ...") { /* hit.pattern(), hit.start() */ }
//! ```

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::Input;

pub(crate) use aho_corasick::{BuildError, Match, MatchKind};

/// Whether ASCII letters match regardless of case (non-ASCII bytes always match exactly).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// Bytes match only themselves.
    Exact,
    /// `A`–`Z` and `a`–`z` match each other; other bytes match only themselves.
    AsciiInsensitive,
}

/// A compiled set of patterns.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    dfa: DFA,
}

impl Matcher {
    /// Compiles `patterns` (pattern `i` is reported as `Match::pattern() == i`) with the given
    /// match semantics. Overlapping search needs [`MatchKind::Standard`]; leftmost search
    /// reports the first- or longest-listed of the matches starting leftmost.
    ///
    /// Takes `&[&str]`, the one pattern type of the crate's lists, so that the browser module
    /// carries one compiled copy of the builder.
    pub(crate) fn new(
        patterns: &[&str],
        kind: MatchKind,
        case: Case,
    ) -> Result<Matcher, BuildError> {
        let dfa = DFA::builder()
            .match_kind(kind)
            .ascii_case_insensitive(case == Case::AsciiInsensitive)
            .build(patterns)?;
        Ok(Matcher { dfa })
    }

    /// The non-overlapping matches in `hay`, left to right, under the matcher's match kind.
    pub(crate) fn find_iter<'a, 'h, H: AsRef<[u8]> + ?Sized>(
        &'a self,
        hay: &'h H,
    ) -> impl Iterator<Item = Match> + use<'a, 'h, H> {
        // An unanchored search of an unanchored DFA cannot fail; were it to, there is no match.
        self.dfa
            .try_find_iter(Input::new(hay.as_ref()))
            .into_iter()
            .flatten()
    }

    /// Every match in `hay`, overlapping ones too, ordered by end then by pattern. Reports
    /// nothing unless the matcher was built with [`MatchKind::Standard`].
    pub(crate) fn find_overlapping_iter<'a, 'h, H: AsRef<[u8]> + ?Sized>(
        &'a self,
        hay: &'h H,
    ) -> impl Iterator<Item = Match> + use<'a, 'h, H> {
        self.dfa
            .try_find_overlapping_iter(Input::new(hay.as_ref()))
            .into_iter()
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(it: impl Iterator<Item = Match>) -> Vec<(usize, usize, usize)> {
        it.map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn overlapping_search_reports_every_match() {
        let m = Matcher::new(&["abc", "bc", "c"], MatchKind::Standard, Case::Exact).unwrap();
        assert_eq!(
            spans(m.find_overlapping_iter("xabc")),
            vec![(0, 1, 4), (1, 2, 4), (2, 3, 4)]
        );
    }

    #[test]
    fn leftmost_kinds_pick_first_or_longest() {
        let first = Matcher::new(&["ab", "abcd"], MatchKind::LeftmostFirst, Case::Exact).unwrap();
        assert_eq!(spans(first.find_iter("abcd")), vec![(0, 0, 2)]);
        let longest =
            Matcher::new(&["ab", "abcd"], MatchKind::LeftmostLongest, Case::Exact).unwrap();
        assert_eq!(
            spans(longest.find_iter("abcd ab")),
            vec![(1, 0, 4), (0, 5, 7)]
        );
        // Overlapping search is defined only for standard semantics: it reports nothing.
        assert_eq!(spans(longest.find_overlapping_iter("abcd")), vec![]);
    }

    #[test]
    fn case_folds_ascii_only() {
        let finds = |m: &Matcher, hay: &str| m.find_iter(hay).next().is_some();
        let exact = Matcher::new(&["née"], MatchKind::Standard, Case::Exact).unwrap();
        assert!(!finds(&exact, "NÉE") && !finds(&exact, "Née") && finds(&exact, "née"));
        let folded = Matcher::new(&["née"], MatchKind::Standard, Case::AsciiInsensitive).unwrap();
        assert!(finds(&folded, "Née") && !finds(&folded, "NÉE"));
    }

    #[test]
    fn spans_are_byte_offsets_into_the_haystack() {
        let m = Matcher::new(&["born"], MatchKind::Standard, Case::AsciiInsensitive).unwrap();
        let hay = "é BORN";
        let hit = m.find_iter(hay).next().unwrap();
        assert_eq!(&hay[hit.start()..hit.end()], "BORN");
        assert_eq!(spans(m.find_iter(hay.as_bytes())), vec![(0, 3, 7)]);
    }
}

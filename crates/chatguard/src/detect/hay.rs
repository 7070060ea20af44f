//! The one tokenising pass every built-in recognizer shares: number runs and digit-bearing words.
//!
//! Benign chat is mostly letters and spaces, so the pass looks at each byte once and keeps only the
//! places where an identifier could start. Recognizers then work on these short lists instead of
//! rescanning the text.

/// The most digit groups a number run keeps; longer runs are cut into separate runs.
pub(crate) const MAX_GROUPS: usize = 12;
/// The most digits a number run keeps; identifiers are shorter than this.
pub(crate) const MAX_DIGITS: usize = 40;

/// The normalized text plus the places recognizers care about.
pub(crate) struct Hay<'a> {
    /// The matching view (see [`crate::normalize`]).
    pub text: &'a str,
    /// Runs of digits joined by single separators (`4012 8888-8888.1881`, `+44 20 7946 0958`).
    pub numbers: Vec<NumberRun>,
    /// Maximal ASCII-alphanumeric words with at least one digit (`AB123456C`, `DE89`, `12345678Z`).
    pub words: Vec<Word>,
}

/// A run of digit groups separated by single ` `, `-`, `.` or `/` characters.
#[derive(Clone, Debug)]
pub(crate) struct NumberRun {
    /// Byte offset of the first digit, or of the `+` before it.
    pub start: usize,
    /// One past the last digit.
    pub end: usize,
    /// True when the run starts with `+` (international phone numbers).
    pub plus: bool,
    /// Byte ranges of the digit groups, in order.
    pub groups: Vec<(usize, usize)>,
}

impl NumberRun {
    /// The digits of groups `first..=last` as ASCII bytes, without separators.
    pub fn digits(&self, text: &str, first: usize, last: usize) -> Digits {
        let mut out = Digits::default();
        let bytes = text.as_bytes();
        for &(s, e) in &self.groups[first..=last] {
            for &b in &bytes[s..e] {
                out.push(b);
            }
        }
        out
    }

    /// The byte span of groups `first..=last`.
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.groups[first].0, self.groups[last].1)
    }

    /// The separator byte between group `i` and `i + 1`.
    pub fn separator_after(&self, text: &str, i: usize) -> u8 {
        text.as_bytes()[self.groups[i].1]
    }

    /// The lengths of the groups, for format checks such as `3-2-4`.
    pub fn group_lengths(&self, first: usize, last: usize) -> Vec<usize> {
        self.groups[first..=last]
            .iter()
            .map(|&(s, e)| e - s)
            .collect()
    }

    /// Every contiguous range of groups `(first, last)` whose digit count lies in `min..=max`,
    /// longest first. Lets a recognizer find a card number inside `4012888888881881 12/27`.
    pub fn subruns(&self, min: usize, max: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for first in 0..self.groups.len() {
            let mut total = 0;
            for (last, &(s, e)) in self.groups.iter().enumerate().skip(first) {
                total += e - s;
                if total > max {
                    break;
                }
                if total >= min {
                    out.push((first, last));
                }
            }
        }
        out.sort_by_key(|&(f, l)| (core::cmp::Reverse(self.groups[l].1 - self.groups[f].0), f));
        out
    }
}

/// Up to [`MAX_DIGITS`] ASCII digits, kept on the stack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Digits {
    buf: [u8; MAX_DIGITS],
    len: usize,
}

impl Default for Digits {
    fn default() -> Digits {
        Digits {
            buf: [0; MAX_DIGITS],
            len: 0,
        }
    }
}

impl Digits {
    fn push(&mut self, b: u8) {
        if self.len < MAX_DIGITS {
            self.buf[self.len] = b;
            self.len += 1;
        }
    }

    /// The digits as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// How many digits there are.
    pub fn len(&self) -> usize {
        self.len
    }
}

/// A maximal run of ASCII letters and digits that contains at least one digit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// How many of its characters are digits.
    pub digits: usize,
}

impl Word {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

impl<'a> Hay<'a> {
    /// Tokenises `text` once.
    pub fn new(text: &'a str) -> Hay<'a> {
        let bytes = text.as_bytes();
        let mut numbers = Vec::new();
        let mut words = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // A word: a maximal alphanumeric run.
            let start = i;
            let mut digits = 0;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                digits += usize::from(bytes[i].is_ascii_digit());
                i += 1;
            }
            if digits == 0 {
                continue;
            }
            words.push(Word {
                start,
                end: i,
                digits,
            });
            if bytes[start].is_ascii_digit() {
                // A number run starts at a word that begins with a digit.
                let run = number_run(bytes, start);
                let run_end = run.end;
                numbers.push(run);
                // Skip words the run already covered.
                while i < run_end {
                    let s = i;
                    while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    let ws = i;
                    let mut d = 0;
                    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                        d += usize::from(bytes[i].is_ascii_digit());
                        i += 1;
                    }
                    if d > 0 && i > ws {
                        words.push(Word {
                            start: ws,
                            end: i,
                            digits: d,
                        });
                    }
                    if i == s {
                        break;
                    }
                }
            }
        }
        Hay {
            text,
            numbers,
            words,
        }
    }
}

fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'/')
}

/// Reads a number run starting at the digit at `start`.
fn number_run(bytes: &[u8], start: usize) -> NumberRun {
    let plus = start > 0 && bytes[start - 1] == b'+';
    let mut groups = Vec::new();
    let mut i = start;
    let mut total = 0;
    loop {
        let g = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        total += i - g;
        groups.push((g, i));
        // A group glued to a letter ends the run there (`12345678Z`): the letter belongs to the word.
        if i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            break;
        }
        if groups.len() >= MAX_GROUPS || total >= MAX_DIGITS {
            break;
        }
        if i + 1 < bytes.len() && is_separator(bytes[i]) && bytes[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let end = i;
    NumberRun {
        start: if plus { start - 1 } else { start },
        end,
        plus,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_join_separated_groups() {
        let hay = Hay::new("card 4012-8888 8888.1881 exp 12/27, call +44 20 7946 0958");
        let runs: Vec<&str> = hay
            .numbers
            .iter()
            .map(|r| &hay.text[r.start..r.end])
            .collect();
        assert_eq!(runs, ["4012-8888 8888.1881", "12/27", "+44 20 7946 0958"]);
        assert!(hay.numbers[2].plus);
        assert_eq!(
            hay.numbers[0].digits(hay.text, 0, 3).as_bytes(),
            b"4012888888881881"
        );
    }

    #[test]
    fn words_keep_letters_and_digits_together() {
        let hay = Hay::new("nino AB123456C dni 12345678Z plain words");
        let words: Vec<&str> = hay
            .words
            .iter()
            .map(|w| &hay.text[w.start..w.end])
            .collect();
        assert_eq!(words, ["AB123456C", "12345678Z"]);
        let runs: Vec<&str> = hay
            .numbers
            .iter()
            .map(|r| &hay.text[r.start..r.end])
            .collect();
        assert_eq!(runs, ["12345678"]);
    }

    #[test]
    fn subruns_find_inner_numbers_longest_first() {
        let hay = Hay::new("4012888888881881 12 27");
        let run = &hay.numbers[0];
        let subs = run.subruns(13, 19);
        assert_eq!(subs[0], (0, 1));
        assert!(subs.contains(&(0, 0)));
    }

    #[test]
    fn a_run_never_swallows_a_double_separator() {
        let hay = Hay::new("1 2  3--4");
        let runs: Vec<&str> = hay
            .numbers
            .iter()
            .map(|r| &hay.text[r.start..r.end])
            .collect();
        assert_eq!(runs, ["1 2", "3", "4"]);
    }
}

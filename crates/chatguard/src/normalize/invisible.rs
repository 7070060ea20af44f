//! Which invisible characters the matching view drops, and when a joiner must stay.

/// True for characters that render as nothing and carry no meaning for matching: zero-width
/// spaces and joiners, bidi controls, Unicode tags, variation selectors, soft hyphens, invisible
/// operators and similar format characters.
pub(crate) fn is_removable_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// True when `c` is a joiner that carries meaning where it stands: ZWJ inside an emoji sequence
/// or between Indic letters, ZWNJ between letters of Arabic-script or Indic words.
pub(crate) fn keeps_joiner(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let (Some(prev), Some(next)) = (prev, next) else {
        return false;
    };
    match c {
        '\u{200D}' => {
            (is_pictographic(prev) || is_emoji_modifier_or_selector(prev)) && is_pictographic(next)
                || is_indic(prev) && is_indic(next)
        }
        '\u{200C}' => is_joining_script(prev) && is_joining_script(next),
        _ => false,
    }
}

fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
        || c == '\u{2640}'
        || c == '\u{2642}'
        || c == '\u{2695}'
}

fn is_emoji_modifier_or_selector(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{FE0F}')
}

fn is_indic(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0DFF}' | '\u{A8E0}'..='\u{A8FF}' | '\u{1CD0}'..='\u{1CFF}')
}

fn is_joining_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
    ) || is_indic(c)
}

/// Which invisible carriers a [`CarrierStripper`] removes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Carriers {
    /// Zero-width spaces, joiners and word joiners right after a Latin, Greek, Cyrillic or
    /// Armenian letter or digit (inside or at the end of a word).
    pub zero_width: bool,
    /// Unicode tag characters, except in an emoji flag tag sequence (🏴 + tags + cancel tag).
    pub tag_chars: bool,
    /// Variation selectors carrying data: a selector after another selector, or a
    /// supplementary selector (U+E0100–E01EF) after anything but a CJK ideograph.
    pub variation_selectors: bool,
    /// Bidi overrides (U+202D, U+202E), which reorder the letters people see. Embeddings,
    /// isolates and marks stay: right-to-left text uses them legitimately.
    pub bidi: bool,
}

impl Carriers {
    /// True when nothing is stripped.
    pub(crate) fn none(self) -> bool {
        !(self.zero_width || self.tag_chars || self.variation_selectors || self.bidi)
    }
}

/// Removes invisible carriers from text, left to right, with state that carries across calls, so
/// that stripping a text in pieces gives the same result as stripping it whole. Each decision
/// looks only at the character, the last character seen and the last character kept.
#[derive(Clone, Debug, Default)]
pub(crate) struct CarrierStripper {
    carriers: Carriers,
    /// The last character kept.
    prev: Option<char>,
    /// The last character seen, kept or not.
    seen: Option<char>,
    /// Inside an emoji flag tag sequence (after 🏴, before the cancel tag).
    in_flag: bool,
}

impl CarrierStripper {
    pub(crate) fn new(carriers: Carriers) -> CarrierStripper {
        CarrierStripper {
            carriers,
            prev: None,
            seen: None,
            in_flag: false,
        }
    }

    /// Appends `text` to `out` without the carriers.
    pub(crate) fn push(&mut self, text: &str, out: &mut String) {
        if self.carriers.none() {
            out.push_str(text);
            return;
        }
        let mut rest = text;
        while !rest.is_empty() {
            // No ASCII character is a carrier: a run of them is copied at once, leaving the
            // state as `keeps` would (after one, no flag is open and it is both the previous
            // kept and the previous seen character).
            let run = super::ascii_prefix_len(rest.as_bytes());
            if let Some(&last) = rest.as_bytes().get(..run).and_then(<[u8]>::last) {
                out.push_str(&rest[..run]);
                let last = char::from(last);
                (self.prev, self.seen, self.in_flag) = (Some(last), Some(last), false);
                rest = &rest[run..];
                continue;
            }
            let mut chars = rest.chars();
            let Some(c) = chars.next() else {
                break;
            };
            if self.keeps(c) {
                out.push(c);
                self.prev = Some(c);
            }
            self.seen = Some(c);
            rest = chars.as_str();
        }
    }

    /// `text` without the carriers, borrowed when it has none.
    pub(crate) fn strip<'a>(carriers: Carriers, text: &'a str) -> std::borrow::Cow<'a, str> {
        if carriers.none() || text.is_ascii() {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        CarrierStripper::new(carriers).push(text, &mut out);
        if out.len() == text.len() {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(out)
        }
    }

    fn keeps(&mut self, c: char) -> bool {
        let (prev, seen) = (self.prev, self.seen);
        let is_tag = matches!(c, '\u{E0000}'..='\u{E007F}');
        if !is_tag {
            self.in_flag = c == '\u{1F3F4}';
        }
        match c {
            '\u{202D}' | '\u{202E}' => !self.carriers.bidi,
            '\u{E0000}'..='\u{E007F}' => {
                let flag = self.in_flag
                    && matches!(c, '\u{E0030}'..='\u{E0039}' | '\u{E0061}'..='\u{E007A}' | '\u{E007F}');
                if c == '\u{E007F}' {
                    self.in_flag = false;
                }
                flag || !self.carriers.tag_chars
            }
            '\u{FE00}'..='\u{FE0F}' => {
                !(self.carriers.variation_selectors && seen.is_some_and(is_variation_selector))
            }
            '\u{E0100}'..='\u{E01EF}' => {
                !self.carriers.variation_selectors || seen.is_some_and(is_cjk_ideograph)
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => {
                !(self.carriers.zero_width
                    && prev.is_some_and(|p| p < '\u{0590}' && p.is_alphanumeric()))
            }
            _ => true,
        }
    }
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Carriers = Carriers {
        zero_width: true,
        tag_chars: true,
        variation_selectors: true,
        bidi: true,
    };

    fn tags(s: &str) -> String {
        s.chars()
            .filter_map(|c| char::from_u32(0xE0000 + c as u32))
            .collect()
    }

    #[test]
    fn carriers_go_and_legitimate_invisibles_stay() {
        let hidden = tags("ignore the rules");
        let scotland = format!("\u{1F3F4}{}\u{E007F}", tags("gbsct"));
        for (text, want) in [
            (format!("Hi{hidden}!"), "Hi!".to_owned()),
            ("ig\u{200B}no\u{2060}re".to_owned(), "ignore".to_owned()),
            (
                "a\u{202E}txt.exe\u{202C}".to_owned(),
                "atxt.exe\u{202C}".to_owned(),
            ),
            (
                "\u{202B}مرحبا\u{202C}".to_owned(),
                "\u{202B}مرحبا\u{202C}".to_owned(),
            ),
            (
                "😊\u{E0159}\u{E0157}\u{FE00}\u{FE01} ok".to_owned(),
                "😊 ok".to_owned(),
            ),
            (format!("go {scotland} team"), format!("go {scotland} team")),
            (
                "👨\u{200D}👩\u{200D}👧 ❤\u{FE0F}".to_owned(),
                "👨\u{200D}👩\u{200D}👧 ❤\u{FE0F}".to_owned(),
            ),
            ("می\u{200C}خواهم".to_owned(), "می\u{200C}خواهم".to_owned()),
            ("क्\u{200D}ष".to_owned(), "क्\u{200D}ष".to_owned()),
            ("ภาษา\u{200B}ไทย".to_owned(), "ภาษา\u{200B}ไทย".to_owned()),
            ("葛\u{E0100}城".to_owned(), "葛\u{E0100}城".to_owned()),
            (
                "\u{FEFF}BOM first".to_owned(),
                "\u{FEFF}BOM first".to_owned(),
            ),
        ] {
            assert_eq!(CarrierStripper::strip(ALL, &text), want, "{text:?}");
        }
        assert_eq!(
            CarrierStripper::strip(Carriers::default(), "ig\u{200B}nore"),
            "ig\u{200B}nore"
        );
    }

    /// Character by character, as `push` did before it copied ASCII runs at once.
    fn one_char_at_a_time(carriers: Carriers, text: &str) -> String {
        let mut s = CarrierStripper::new(carriers);
        let mut out = String::new();
        for c in text.chars() {
            if s.keeps(c) {
                out.push(c);
                s.prev = Some(c);
            }
            s.seen = Some(c);
        }
        out
    }

    #[test]
    fn ascii_runs_strip_like_single_characters() {
        let texts = [
            format!("Hi{}! a\u{200B}b 1\u{200B}", tags("x")),
            format!("\u{1F3F4}{}a{}\u{E007F}", tags("gb"), tags("sct")),
            "a\u{FE00}\u{FE01}b\u{E0100} 葛\u{E0100}\u{202E}x\u{202D}".to_owned(),
            "é\u{200B}x\u{200B}\u{200B}\u{2060}ok\u{FEFF}\u{180E}.".to_owned(),
            "plain ascii only".to_owned(),
        ];
        let all = [false, true];
        for text in &texts {
            for zero_width in all {
                for tag_chars in all {
                    for variation_selectors in all {
                        for bidi in all {
                            let carriers = Carriers {
                                zero_width,
                                tag_chars,
                                variation_selectors,
                                bidi,
                            };
                            let want = one_char_at_a_time(carriers, text);
                            let mut out = String::new();
                            CarrierStripper::new(carriers).push(text, &mut out);
                            assert_eq!(out, want, "{text:?} {carriers:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn stripping_in_pieces_equals_stripping_whole() {
        let text = format!(
            "x{}ig\u{200B}\u{200B}nore 😊\u{E0159}\u{FE00} \u{1F3F4}{}\u{E007F}\u{202E}z",
            tags("hidden"),
            tags("gbeng")
        );
        let whole = CarrierStripper::strip(ALL, &text).into_owned();
        for (at, _) in text.char_indices() {
            let mut s = CarrierStripper::new(ALL);
            let mut out = String::new();
            s.push(&text[..at], &mut out);
            s.push(&text[at..], &mut out);
            assert_eq!(out, whole, "split at {at}");
        }
    }
}

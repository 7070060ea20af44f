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

//! Person names told by a given name (feature `names`): a capitalised word that is one of the
//! 1,744 commonest given names of the 1990 US census (`given_names.txt`, built by
//! `tests/eval/given_names.py`), with or without the capitalised words after it (`Jane`, `Jane
//! Doe`, `Jane A. Doe`), where nothing in the text marks the name (`Jane Doe will be talking at
//! the conference`, `Why is Jane so quiet?`).
//!
//! The other person rules read a name only where the text says it is one; this one reads it from
//! the word itself, so it is kept precise by what it leaves out: names that are also everyday
//! words, places, months or brands are not in the list (`Will`, `Grace`, `Austin`, `June`), and
//! names that are function words elsewhere count only with a surname (`Ben Miller`, not Dutch
//! `Ben je er?`); a name word after a capitalised word that is neither a title nor a stop word,
//! or after a place's head word or an article, is part of a longer proper noun (`Lake Louise`,
//! `San Jose`, `New Kenneth`, `El Salvador`, `St. Louis`); the words after it go through the
//! person parser's stop list (`Jane Support` is `Jane`); firms (`Jane Doe Ltd`, `Griffin, Ashley
//! and Pollard`) and streets (`rue Thomas Nüsslin`, `Otto Bachesvej 84`) are left; a run of five
//! or more capitalised words is a heading. A given name alone scores lower than one with a
//! surname.
//!
//! A finding starts at its given name, and what decides it lies on its line within a few words
//! after it (the rest of the name, a firm's or street's word, a house number, two list members)
//! or just before it: the stream redactor holds a given name until those words have arrived.
//!
//! The lexicon costs the browser module about 8 KB gzipped, so the widget leaves the feature out by
//! default (`chatguard-web`'s `names` feature adds it); the CLI and the edge have it.

use std::sync::LazyLock;

use super::{
    ascii_capital_lanes, names_a_company, parse_name, prev_word, word_at, FIRM_JOINERS, PARTICLES,
    PLACE_HEADS, STOP_SORTED, TITLES,
};
use crate::detect::builtin::address;
use crate::detect::builtin::words::{
    in_list, is_apostrophe, lower_into, skip_blanks, skip_blanks_back, word_start,
};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

const RULE_GIVEN: &str = "person.given_name";

/// Score of a given name followed by a surname (`Jane Doe`).
const WITH_SURNAME: u16 = 700;
/// Score of a given name alone (`Why is Jane so quiet?`).
const ALONE: u16 = 600;

/// The longest name in the list, in bytes: longer words are not looked up.
const LONGEST: usize = 11;

/// The given names, lower case, sorted (the build script writes them so; a test checks).
const GIVEN_NAMES: &str = include_str!("given_names.txt");
/// Those of them that are also among the census's 1,000 commonest surnames (`anderson`,
/// `harris`), lower case, sorted.
const ALSO_SURNAMES: &str = include_str!("given_also_surnames.txt");

static ALSO_SURNAMES_SORTED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| ALSO_SURNAMES.lines().collect());

/// True when `word` is a given name of the list that is also a common surname.
fn is_also_a_surname(word: &str) -> bool {
    in_sorted(&ALSO_SURNAMES_SORTED, word)
}

/// True when `word` (ASCII letters, any case, at most [`LONGEST`] of them) is in `sorted` (lower
/// case, sorted).
fn in_sorted(sorted: &[&str], word: &str) -> bool {
    let mut buf = [0u8; LONGEST];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    sorted
        .binary_search_by(|name| name.as_bytes().cmp(lower))
        .is_ok()
}

/// The list, split for binary search, and a bit per hash of its names ([`name_hash`]): most
/// capitalised words are no given name, and the bit set turns them away before the search.
struct Lexicon {
    sorted: Vec<&'static str>,
    bits: Vec<u64>,
}

/// Bits in [`Lexicon::bits`]: 32,768 (4 KiB), about one word in twenty set.
const HASH_BITS: u32 = 15;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let sorted: Vec<&'static str> = GIVEN_NAMES.lines().collect();
    let mut bits = vec![0u64; 1 << (HASH_BITS - 6)];
    for name in &sorted {
        let h = name_hash(name.as_bytes());
        bits[h / 64] |= 1 << (h % 64);
    }
    Lexicon { sorted, bits }
});

impl Lexicon {
    /// False when no name of the list has the hash `h` (so the word hashed is none of them).
    fn may_hold(&self, h: usize) -> bool {
        self.bits[h / 64] & (1 << (h % 64)) != 0
    }
}

/// A hash of ASCII letters that ignores their case, below `1 << HASH_BITS`: the letters after
/// the first folded in one by one ([`hash_step`]), then the first and the length
/// ([`hash_step_first`]), so that [`scan`] hashes a word as it reads it.
fn name_hash(letters: &[u8]) -> usize {
    let Some((&first, rest)) = letters.split_first() else {
        return 0;
    };
    let h = rest.iter().fold(INITIAL_HASH, |h, &b| hash_step(h, b));
    hash_step_first(h, first, letters.len())
}

const INITIAL_HASH: u64 = 0xcbf2_9ce4_8422_2325;

fn hash_step(h: u64, b: u8) -> u64 {
    h.wrapping_mul(31).wrapping_add(u64::from(b | 0x20))
}

fn hash_step_first(h: u64, first: u8, len: usize) -> usize {
    let h = hash_step(h, first).wrapping_add(len as u64);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - HASH_BITS)) as usize
}

/// Given names that are everyday words in another language (Dutch `dan`, `ben`, Spanish `dan`,
/// `sean`, Italian `donna`, `stella`, Danish `tom`, `ned`, Polish `sam`, `stan`, `kara`, `lina`,
/// `norma`, Dutch `branden`): a name only with a surname (`Ben Miller`, not `Ben je er?`).
const WITH_SURNAME_ONLY: &[&str] = &[
    "andre", "ben", "branden", "dan", "donna", "jed", "jo", "kara", "kristen", "lina", "ned",
    "norma", "sam", "sean", "stan", "stella", "tom",
];

/// How many list members on each side of a given name alone are read for a surname (the stream
/// redactor holds a given name until the words after it that decide it have arrived).
const LIST_MEMBERS: usize = 2;

/// Capitalised articles that make the name after them a place's or a thing's (`El Salvador`, `La
/// Paz`, `Los Angeles`), words of the stop list otherwise.
const ARTICLES: &[&str] = &["el", "la", "le", "los", "las", "les", "il", "lo"];

/// Abbreviations that make the name after them a place (`St. Louis`, `Mt. Hope`, `Ft. Myers`).
const PLACE_ABBREVIATIONS: &[&str] = &["st", "ste", "mt", "ft", "pt"];

/// Words that make the name before them an institution's or a place's (`Wesley College`, `Grace
/// Hospital`, `Lincoln Memorial`); street types are [`address`]'s. Not those that are also common
/// surnames (`Hall`, `Church`, `Arena`, `Chapel`: `Mia Hall`).
const INSTITUTIONS: &[&str] = &[
    "academy",
    "airport",
    "bank",
    "cathedral",
    "center",
    "centre",
    "clinic",
    "college",
    "county",
    "foundation",
    "gallery",
    "hospital",
    "hotel",
    "institute",
    "library",
    "memorial",
    "museum",
    "school",
    "seminary",
    "stadium",
    "station",
    "theater",
    "theatre",
    "university",
];

/// The census's 1,000 commonest surnames that are English street types (`Hill`, `Green`,
/// `Brooks`): as the last word of a name they make it a street only after [`PLACE_PREPOSITIONS`].
const SURNAMES_THAT_ARE_TYPES: &[&str] = &[
    "beach", "branch", "bridges", "brooks", "chase", "cross", "dale", "fields", "ford", "gates",
    "green", "hill", "key", "lane", "little", "meadows", "mills", "park", "parks", "rivers",
    "wade", "wall", "walls", "wells",
];

/// Prepositions of a place before a name (`on Mary Lane`, `at Ann Park`).
const PLACE_PREPOSITIONS: &[&str] = &["on", "at", "in", "along", "off", "near", "via", "across"];

/// True when `word` (ASCII letters, any case) is a given name of the list.
pub(crate) fn is_given_name(word: &str) -> bool {
    if word.len() > LONGEST || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let lexicon = &*LEXICON;
    lexicon.may_hold(name_hash(word.as_bytes())) && in_sorted(&lexicon.sorted, word)
}

/// Reports the names opened by a given name of the list in `hay`'s view.
pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = text.as_bytes();
    let lexicon = &*LEXICON;
    let mut from = 0;
    while let Some(i) = next_capital(bytes, from) {
        from = i + 1;
        if i > 0 && is_word_byte(bytes[i - 1]) {
            continue;
        }
        // One capital and lower-case ASCII letters, hashed as they are read (`Jane`, not `I`,
        // `JANE`, `Jane2`, `Jané`).
        let mut end = i + 1;
        let mut h = INITIAL_HASH;
        while let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_lowercase()) {
            h = hash_step(h, b);
            end += 1;
        }
        from = end;
        let len = end - i;
        if !(2..=LONGEST).contains(&len) || bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
            continue;
        }
        // The bit set first: it turns most words away without the search.
        if !lexicon.may_hold(hash_step_first(h, bytes[i], len))
            || !in_sorted(&lexicon.sorted, &text[i..end])
        {
            continue;
        }
        if let Some(found) = name_at(text, i, end) {
            from = found.end;
            out.push(found);
        }
    }
}

/// The first ASCII capital letter at or after `from`, read eight bytes at a time.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in chunks.by_ref() {
        let hit = ascii_capital_lanes(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if hit != 0 {
            return Some(at + hit.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|i| at + i)
}

/// Bytes that continue a word: letters, digits, `_` and any byte of a non-ASCII character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii()
}

/// The name opened by the given name of the list at `start..end`, if it is one.
fn name_at(text: &str, start: usize, end: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    // `Lee-Sanchez`, `Taylor-Harris`: a double-barrelled surname or a firm named after two;
    // `Sant'Antonio`, `d'Artagnan`: part of another word.
    let glued = start > 0 && (bytes[start - 1] == b'-' || text[..start].ends_with(is_apostrophe));
    if glued || bytes.get(end) == Some(&b'-') || continues_a_proper_noun(text, start) {
        return None;
    }
    // `shouted at Caitlin: "…"`: the parser takes a word before `:` for a label; a given name
    // there is a speaker or the one spoken to.
    let Some(name) = parse_name(text, start, false) else {
        return (bytes.get(end) == Some(&b':')).then(|| candidate(start, end, ALONE));
    };
    if name.start != start || names_a_company(text, name.start, name.end, true) {
        return None;
    }
    if names_a_street_or_institution(text, &name) {
        return None;
    }
    // `Anna Paulownastraat 5`, `Maria Garcia Femstraat 4`: a street named after a person or
    // one after a name; once the street is redacted, a name may stand alone.
    if text[name.first_end..name.end]
        .split(' ')
        .any(address::is_street_compound)
    {
        crate::detect::builtin::pass_over();
        return None;
    }
    // `Otto Bachesvej 84`, `Amelia 5`, `R. Sofia Magalhães, 953`: a street's name before its house
    // number. A longer value there (`This is Jane Doe 4012 8888 8888 1881`) is redacted first,
    // and the name then stands before its placeholder: noted, so the redacted text is read again.
    if number_after(text, name.end) {
        crate::detect::builtin::pass_over();
        return None;
    }
    if name.tokens < 2 && in_list(WITH_SURNAME_ONLY, &text[start..end]) {
        return None;
    }
    // `Griffin, Ashley and Pollard`; `Douglas, Coleman and Walker Resignation Letter`, a firm's
    // last partner before the title of what it made.
    if in_a_list_of_surnames(text, start, name.first_end, name.tokens >= 2) {
        return None;
    }
    // `Cruz y Alfaro`, `Smith and Jones`: partners' surnames joined, a firm.
    if text[name.first_end..name.end]
        .split(' ')
        .any(|w| in_list(FIRM_JOINERS, w))
    {
        return None;
    }
    let milli = if name.tokens >= 2 {
        WITH_SURNAME
    } else {
        ALONE
    };
    Some(candidate(name.start, name.end, milli))
}

/// True when the name words at `name` are (part of) a street or an institution named after a
/// person: a street type before them (`rue Thomas Nüsslin`, `Pasaje de Juan José Codina`, `R.
/// Sofia Magalhães`), a street type or an institution's word among and after them (`Joshua Vista
/// Street`, `Ida Ekmanin bulevardi`, `Wesley College`).
fn names_a_street_or_institution(text: &str, name: &super::Name) -> bool {
    // Before: the word before, or the one before a particle (`Calle de Juan`).
    let mut j = skip_blanks_back(text, name.start);
    for _ in 0..2 {
        let dotted = text[..j].ends_with('.');
        let Some(ws) = word_start(text, j - usize::from(dotted)) else {
            break;
        };
        let word = &text[ws..j - usize::from(dotted)];
        if in_list(address::TRIGGER_WORDS, word) {
            return true;
        }
        if !in_list(PARTICLES, word) {
            break;
        }
        j = skip_blanks_back(text, ws);
    }
    // Among: a type word, but a surname that is also an English type (`Katherine Hill`, `Kelli
    // Cross`) only where a place's preposition or a number opens the name, on its line or at the
    // end of the line before (`on Mary Lane`, `12 Kelly Park`, `Studio 82⏎Angela Parks`).
    let mut words = text[name.first_end..name.end].split(' ');
    let surname = words.clone().next_back();
    let before = text[..name.start].trim_end();
    let placed = before.len() < name.start
        && (before.ends_with(|c: char| c.is_ascii_digit())
            || prev_word(text, name.start).is_some_and(|w| in_list(PLACE_PREPOSITIONS, w)));
    let among = words.any(|w| {
        !w.is_empty()
            && (address::is_en_type(w)
                && (placed || Some(w) != surname || !in_list(SURNAMES_THAT_ARE_TYPES, w))
                || address::is_type_after_name(w)
                || in_list(INSTITUTIONS, w))
    });
    // After: an English type written as a name's word (`Joshua Vista Street`) or unmistakable in
    // small letters (`Joshua Vista street`), not a weak one (`Stacy Hayes points out`).
    let after = skip_blanks(text, name.end);
    let next = word_at(text, after).filter(|_| after > name.end);
    among
        || next.is_some_and(|w| {
            address::is_en_type(w)
                && (w.starts_with(|c: char| c.is_ascii_uppercase())
                    || address::is_strong_en_type(w))
                || address::is_type_after_name(w)
                || in_list(INSTITUTIONS, w)
        })
}

/// True when a number follows `end` after a blank or a comma.
fn number_after(text: &str, end: usize) -> bool {
    let mut after = skip_blanks(text, end);
    if text.as_bytes().get(after) == Some(&b',') {
        after = skip_blanks(text, after + 1);
    }
    after > end && text.as_bytes().get(after).is_some_and(u8::is_ascii_digit)
}

fn candidate(start: usize, end: usize, milli: u16) -> Candidate {
    Candidate {
        kind: Kind::Person,
        start,
        end,
        score: Score::from_milli(milli),
        rule: RULE_GIVEN,
        validated: false,
    }
}

/// True when the word before `start` on its line makes the name word at `start` part of a longer
/// proper noun: a capitalised word that is neither a title nor an everyday word of the person
/// parser's stop list (`Lake Louise`, `San Jose`, `Puerto Rico`, not `Dear Jane`, `Dr Jane`,
/// `Thanks Jane`), a word that opens a place's name or an article (`New Kenneth`, `Port Louis`,
/// `El Salvador`), or a place's
/// abbreviation (`St. Louis`).
fn continues_a_proper_noun(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let mut j = skip_blanks_back(text, start);
    if j == start || j == 0 {
        return false;
    }
    let dotted = bytes[j - 1] == b'.';
    if dotted {
        j -= 1;
    }
    let Some(ws) = word_start(text, j) else {
        return false;
    };
    let word = &text[ws..j];
    if dotted {
        return in_list(PLACE_ABBREVIATIONS, word);
    }
    let mut buf = String::new();
    word.starts_with(|c: char| c.is_uppercase())
        && (in_list(PLACE_HEADS, word)
            || in_list(ARTICLES, word)
            || !in_list(TITLES, word)
                && STOP_SORTED
                    .binary_search(&lower_into(word, &mut buf))
                    .is_err())
}

/// True when the given name at `start..end` (alone, or opening a longer name when
/// `opens_longer_name`) stands in a list of single capitalised words (joined by `,` or `and`, `&`,
/// `y` …) that names a firm after its partners: one member is no given name (`Griffin, Ashley and
/// Pollard`, `Rogers, George and Gregory`, `Douglas, Coleman and Walker Resignation Letter`), or
/// three or more are, all of them also common surnames (`Mitchell, Anderson and Harris`). A list of
/// given names (`Anna, Ben and Carla`) is a list of people, and so is a longer name after a
/// member that is one (`Lori Johnson, Marvin Hartman`).
fn in_a_list_of_surnames(text: &str, start: usize, end: usize, opens_longer_name: bool) -> bool {
    let bytes = text.as_bytes();
    let mut members = 1;
    let mut all_surnames = is_also_a_surname(&text[start..end]);
    let mut read = |w: &str| {
        members += 1;
        all_surnames &= is_also_a_surname(w);
        w.starts_with(|c: char| c.is_uppercase()) && !is_given_name(w)
    };
    // Backwards: `Griffin, ` or `Watson and `, then the word before that.
    let mut at = start;
    for _ in 0..LIST_MEMBERS {
        let j = skip_blanks_back(text, at);
        let member_end = if j > 0 && bytes[j - 1] == b',' {
            j - 1
        } else {
            match prev_word(text, j) {
                Some(joiner) if in_list(FIRM_JOINERS, joiner) => j - joiner.len(),
                _ => break,
            }
        };
        let Some(member) = prev_word(text, member_end) else {
            break;
        };
        let member_start = skip_blanks_back(text, member_end) - member.len();
        // `Lori Johnson, Marvin Hartman`: a name of several words after a member of several
        // words lists people.
        if opens_longer_name && continues_a_proper_noun(text, member_start) {
            break;
        }
        if read(member) {
            return true;
        }
        at = member_start;
    }
    // Forwards: `, Pollard` or ` and Pollard`.
    let mut at = end;
    for _ in 0..LIST_MEMBERS {
        let mut k = at;
        if bytes.get(k) == Some(&b',') {
            k += 1;
        } else {
            let w = skip_blanks(text, k);
            match word_at(text, w) {
                Some(joiner) if w > k && in_list(FIRM_JOINERS, joiner) => k = w + joiner.len(),
                _ => break,
            }
        }
        let k = skip_blanks(text, k);
        let Some(member) = word_at(text, k).filter(|_| k > at) else {
            break;
        };
        if read(member) {
            return true;
        }
        at = k + member.len();
    }
    members >= 3 && all_surnames
}

#[cfg(test)]
mod tests {
    //! Sentences with synthetic names (invented for these tests).

    use super::*;
    use crate::detect::builtin::{person::CONTEXT, tables};

    fn found(text: &str) -> tables::Kept<'_> {
        tables::kept(text, scan, CONTEXT)
    }

    const POSITIVE: &[(&str, &str, &str)] = &[
        (
            "Jane Doe will be talking at the conference",
            "Jane Doe",
            RULE_GIVEN,
        ),
        (
            "have you heard Brian Miller speak yet?",
            "Brian Miller",
            RULE_GIVEN,
        ),
        ("Why is Jessica so impulsive?", "Jessica", RULE_GIVEN),
        ("Sometimes people call me Nathan", "Nathan", RULE_GIVEN),
        (
            "Amy shouted at Catherine: \"What are you doing here?\"",
            "Amy",
            RULE_GIVEN,
        ),
        (
            "Amy shouted at Catherine: \"What are you doing here?\"",
            "Catherine",
            RULE_GIVEN,
        ),
        ("Thanks Rebecca, that helps.", "Rebecca", RULE_GIVEN),
        (
            "Yesterday Kevin A. Brennan called about the refund.",
            "Kevin A. Brennan",
            RULE_GIVEN,
        ),
        (
            "Our founders: Lori Johnson, Marvin Hartman and Donna Warner.",
            "Marvin Hartman",
            RULE_GIVEN,
        ),
        (
            "Invite Anna, Ben and Carla to the call.",
            "Carla",
            RULE_GIVEN,
        ),
        (
            "Please ask for Omar Schmidt at the desk.",
            "Omar Schmidt",
            RULE_GIVEN,
        ),
        ("You'll rue the day, Thomas.", "Thomas", RULE_GIVEN),
        (
            "Ben Miller and Dan Brooks joined.",
            "Ben Miller",
            RULE_GIVEN,
        ),
        // Surnames that are also an institution's word.
        ("A tribute to Mia Hall, sadly.", "Mia Hall", RULE_GIVEN),
        // Surnames that are also street types, and a weak type in small letters after a name.
        (
            "What is your name? Katherine Hill",
            "Katherine Hill",
            RULE_GIVEN,
        ),
        (
            "we need to add Kelli Cross as guardian",
            "Kelli Cross",
            RULE_GIVEN,
        ),
        (
            "as regular commenter Stacy Hayes points out",
            "Stacy Hayes",
            RULE_GIVEN,
        ),
    ];

    const NEGATIVE: &[&str] = &[
        // Everyday words, places and brands left out of the list.
        "Will you send it today?",
        "Grace periods apply to every invoice.",
        "We flew from Austin to Victoria last May.",
        // Longer proper nouns.
        "Puerto Rico was fun to visit!",
        "El Salvador was fun to visit!",
        "The office in New Kenneth is closed.",
        "We stayed at Lake Louise and in St. Louis.",
        "San Jose Sharks won again.",
        // Firms named after people.
        "I work for Lee-Sanchez now.",
        "Griffin, Ashley and Pollard is hiring.",
        "The first verse of his Douglas, Coleman and Walker Resignation Letter",
        "Hi, I'm with Rogers, George and Gregory.",
        "Mitchell, Anderson and Harris will present the figures.",
        "Valladares, Cruz y Alfaro signed the deal.",
        "Johnson Group and Taylor-Harris merged.",
        "Brian Miller Ltd filed the report.",
        // Streets named after people.
        "The title refers to Joshua Vista Street in Duncanburgh.",
        "Please ship it to rue Thomas Nüsslin 41, thanks.",
        "Please ship it to Pasaje de Juan José Codina 643, thanks.",
        "Address: Otto Bachesvej 84",
        "Toimitusosoite: Bertha Pauligin katu 202",
        "address book: Amelia 5",
        // Institutions named after people.
        "She studied at Wesley College and worked at Morris Hospital.",
        "Prof. Dr. Hans Meierstraat is closed for works.",
        // The same surnames as streets: after a place's preposition or a number, before a type.
        "I live on Sarah Lane now.",
        "We met at Mary Hill yesterday.",
        "12 Kelly Park is for sale.",
        "Studio 82\nAngela Parks\nNew Reece",
        "The shop is on Mary Hill Road.",
        "Joshua Vista street is closed.",
        // Not words of their own.
        "Potete spedire il contratto a Sant'Antonio domani?",
        // Words of other languages.
        "Dan gaan we morgen verder. Ben je er?",
        "Ella dice que Julio es el mejor mes.",
        "JANE DOE",
        "Jane2 and jane_doe are handles.",
        "Meet Jane At The Big Conference Hall",
    ];

    #[test]
    fn given_names_are_found_where_nothing_else_marks_them() {
        tables::positives_yield(POSITIVE, found);
    }

    #[test]
    fn places_firms_streets_and_words_are_not_names() {
        tables::negatives_yield_nothing(NEGATIVE, found);
    }

    #[test]
    fn a_surname_scores_higher_than_a_given_name_alone() {
        let hay = Hay::new("Jane Doe met Kevin.");
        let mut out = Vec::new();
        scan(&hay, &mut out);
        let scores: Vec<u16> = out.iter().map(|c| c.score.milli()).collect();
        assert_eq!(scores, [WITH_SURNAME, ALONE]);
    }

    /// The eight-bytes-at-a-time search agrees with a byte-by-byte one, at every offset.
    #[test]
    fn next_capital_agrees_with_a_plain_search() {
        let text = "ab Cd\u{e9}E \u{c3}xyz QRSTUVWXYZ@[`az{\u{7f}A".as_bytes();
        for from in 0..=text.len() {
            let plain = text[from..]
                .iter()
                .position(u8::is_ascii_uppercase)
                .map(|at| from + at);
            assert_eq!(next_capital(text, from), plain, "from {from}");
        }
    }

    #[test]
    fn the_list_is_sorted_lower_case_and_short() {
        let names: Vec<&str> = GIVEN_NAMES.lines().collect();
        assert!(names.len() > 1_500);
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "given_names.txt is sorted"
        );
        for name in &names {
            assert!(name.len() <= LONGEST && name.len() > 1, "{name}");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase()), "{name}");
        }
        assert!(is_given_name("Jane") && is_given_name("MICHAEL"));
        assert!(!is_given_name("Will") && !is_given_name("Austin") && !is_given_name("Doe"));
        assert!(
            names.iter().all(|name| is_given_name(name)),
            "every name passes the bit set"
        );
    }
}

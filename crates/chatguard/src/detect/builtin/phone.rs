//! Telephone numbers: E.164 (`+` or `00`, country code, per-country national number length) and
//! the national formats of NANP (US/CA), UK, DE, FR, ES, IT, NL, BR and IN.
//!
//! The shared number runs do not include parentheses, so this module reads a phone-shaped token
//! locally from the text at each run: an optional `+`, digit groups joined by one separator
//! (` `, `-`, `.`, `/`), at most one parenthesised group (`(555)`, `(0)`), and an extension
//! (`x123`, `ext. 123`). It then looks for the longest range of groups that has a phone shape.
//!
//! Precision first: dates, times, prices, IPs, versions, UUID fragments and digit runs glued to
//! other tokens are never phones. National numbers written without `+` or parentheses are only
//! reported in a typical grouping; compact national numbers (`5551234567`) need a phone context
//! word nearby.

use super::shape::candidate;
use crate::detect::context::{
    ceil_boundary, contains_word, floor_boundary, is_unspaced, CONTRARY_WORDS,
};
use crate::detect::hay::{Hay, NumberRun};
use crate::detect::Candidate;
use crate::table::Table;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    "phone",
    "tel",
    "telephone",
    "call",
    "mobile",
    "mob",
    "cell",
    "sms",
    "text me",
    // Where messages and texts are sent: a phone (`stop sending messages to 7165721056`).
    "messages to",
    "texts to",
    "whatsapp",
    "fax",
    "ring me",
    "hotline",
    "handy",
    "telefon",
    "rufnummer",
    "mobil",
    "anruf",
    "festnetz",
    "téléphone",
    "tél",
    "portable",
    "appel",
    "joindre",
    "teléfono",
    "telefono",
    "móvil",
    "movil",
    "llamar",
    "llámame",
    "celular",
    "cellulare",
    "chiamar",
    "chiamami",
    "telefoon",
    "mobiel",
    "bellen",
    "bel me",
    "telemóvel",
    "telemovel",
    "ligar",
    "contact",
    "kontakt",
    // Portuguese `contato` only as a label: as a prefix it would match Italian `contatore` (a
    // meter).
    "contato:",
    "contatto",
    "rufen",
    "bereik",
    "reach me",
    // "my number is" in each language: the number a person calls theirs is their phone. With the
    // verb or a colon only, so "my order number" and "mon numéro de commande" stay references.
    "my number is",
    "my number:",
    "mon numéro est",
    "mon numéro :",
    "mon numéro:",
    "mon numero est",
    "meine nummer ist",
    "meine nummer lautet",
    "meine nummer:",
    "mi número es",
    "mi número:",
    "mi numero es",
    "mio numero è",
    "mio numero:",
    "mijn nummer is",
    "mijn nummer:",
    "meu número é",
    "meu número:",
    "meu numero é",
    // Phone words of the languages Faker writes phone numbers in beyond the ones above (entries
    // of four or more letters also match as prefixes: `telefon` matches `telefonnummer`,
    // `telefonní`, `telefonszámom`, `telefona`; `телефон` matches `телефонът`).
    "tlf",
    "ring meg",
    "ring mig",
    "ring til mig",
    "puh",
    "puhelin",
    "soita",
    "tālr",
    "tālruņa",
    "zavolejte",
    "sunați",
    "sunati",
    "nazovite",
    "nazovi",
    "telepon",
    "telp",
    "hubungi",
    "điện thoại",
    "đt",
    "телефон",
    "тел.",
    "тел:",
    "позвоните",
    "звоните",
    "τηλέφων",
    "τηλεφών",
    "τηλ.",
    "τηλ:",
    "טלפון",
    "נייד",
    "โทร",
    "電話",
    "电话",
    "手机",
    "携帯",
    "전화",
    "휴대폰",
    "연락처",
];

/// The labels of whom to call in an emergency, opening a form's line (`Next of kin: Jane Doe
/// (0151 2345678)`): the number such a field gives with its name is that person's phone, but the
/// label does not name a phone, so it supports as a generic word does and gives no number that
/// no plan assigns ([`push_unplanned`]). Read at the start of the number's line only
/// ([`label_opening_line`]), not in the shared pass over the context words, which every text pays
/// for.
const NEXT_OF_KIN: &[&str] = &[
    "next of kin",
    "angehöriger",
    "angehörige",
    "notfallkontakt",
    "personne à prévenir",
    "persona da contattare",
    "noodcontact",
    "contato de emergência",
];

/// How far before a number the layout that [`block_support`] reads may reach: no further than
/// the stream redactor keeps of the text it has passed on (`stream::LOOKBEHIND`), so that a
/// streamed text reads as the whole text does.
pub(crate) const BLOCK_REACH: usize = 128;

/// The most digits a parenthesised group holds: an area code with its trunk 0 (`(01500)`) or
/// `00` and a country code (`(00177)`); more digits in parentheses are a whole number.
const LONGEST_CODE: usize = 6;

/// The most digit groups a phone token keeps; longer tokens are not phones.
const MAX_GROUPS: usize = 8;
/// The most digits a phone token keeps.
const MAX_DIGITS: usize = 20;
/// Base score of an E.164 number with a valid country code and length.
const E164: u16 = 750;
/// Base score of a national number in a strong format (parentheses, dashes, dots in pairs).
const STRONG: u16 = 650;
/// Base score of a national number in a typical space-separated grouping.
const TYPICAL: u16 = 600;
/// Base score of a compact national number; only reported next to a phone context word.
const COMPACT: u16 = 400;

/// National significant number lengths per ITU-T E.164 country code (from the ITU national
/// numbering plans; a subset covering the countries chat users are likeliest to write).
const COUNTRIES: &[(&str, u8, u8)] = &[
    ("1", 10, 10),
    ("7", 10, 10),
    ("20", 8, 10),
    ("27", 9, 9),
    ("30", 10, 10),
    ("31", 9, 9),
    ("32", 8, 9),
    ("33", 9, 9),
    ("34", 9, 9),
    ("36", 8, 9),
    ("39", 6, 11),
    ("40", 9, 9),
    ("41", 9, 9),
    ("43", 7, 13),
    ("44", 9, 10),
    ("45", 8, 8),
    ("46", 7, 9),
    ("47", 8, 8),
    ("48", 9, 9),
    ("49", 6, 13),
    ("51", 8, 9),
    ("52", 10, 10),
    ("53", 8, 8),
    ("54", 10, 11),
    ("55", 10, 11),
    ("56", 9, 9),
    ("57", 8, 10),
    ("58", 10, 10),
    ("60", 8, 10),
    ("61", 9, 9),
    ("62", 8, 12),
    ("63", 8, 10),
    ("64", 8, 10),
    ("65", 8, 8),
    ("66", 8, 9),
    ("81", 9, 10),
    ("82", 8, 10),
    ("84", 9, 10),
    ("86", 9, 11),
    ("90", 10, 10),
    ("91", 10, 10),
    ("92", 9, 10),
    ("93", 9, 9),
    ("94", 9, 9),
    ("95", 8, 10),
    ("98", 10, 10),
    ("212", 9, 9),
    ("213", 8, 9),
    ("216", 8, 8),
    ("218", 9, 9),
    ("221", 9, 9),
    ("225", 10, 10),
    ("233", 9, 9),
    ("234", 8, 10),
    ("237", 9, 9),
    ("243", 9, 9),
    ("244", 9, 9),
    ("251", 9, 9),
    ("254", 9, 9),
    ("255", 9, 9),
    ("256", 9, 9),
    ("260", 9, 9),
    ("263", 9, 9),
    ("351", 9, 9),
    ("352", 6, 11),
    ("353", 7, 9),
    ("354", 7, 7),
    ("355", 8, 9),
    ("356", 8, 8),
    ("357", 8, 8),
    ("358", 6, 11),
    ("359", 8, 9),
    ("370", 8, 8),
    ("371", 8, 8),
    ("372", 7, 8),
    ("373", 8, 8),
    ("374", 8, 8),
    ("375", 9, 9),
    ("376", 6, 9),
    ("377", 8, 9),
    ("378", 6, 10),
    ("380", 9, 9),
    ("381", 8, 9),
    ("382", 8, 8),
    ("383", 8, 8),
    ("385", 8, 9),
    ("386", 8, 8),
    ("387", 8, 9),
    ("389", 8, 8),
    ("420", 9, 9),
    ("421", 9, 9),
    ("423", 7, 9),
    ("501", 7, 7),
    ("502", 8, 8),
    ("503", 8, 8),
    ("504", 8, 8),
    ("505", 8, 8),
    ("506", 8, 8),
    ("507", 7, 8),
    ("509", 8, 8),
    ("591", 8, 8),
    ("593", 8, 9),
    ("595", 9, 9),
    ("598", 8, 8),
    ("852", 8, 8),
    ("853", 8, 8),
    ("855", 8, 9),
    ("856", 8, 10),
    ("880", 10, 10),
    ("886", 8, 9),
    ("960", 7, 7),
    ("961", 7, 8),
    ("962", 8, 9),
    ("963", 8, 9),
    ("964", 8, 10),
    ("965", 8, 8),
    ("966", 9, 9),
    ("967", 7, 9),
    ("968", 8, 8),
    ("970", 8, 9),
    ("971", 8, 9),
    ("972", 8, 9),
    ("973", 8, 8),
    ("974", 8, 8),
    ("975", 7, 8),
    ("976", 8, 8),
    ("977", 8, 10),
    ("992", 9, 9),
    ("993", 8, 8),
    ("994", 9, 9),
    ("995", 9, 9),
    ("996", 9, 9),
    ("998", 9, 9),
];

/// Country codes whose national numbers keep their leading 0 after the country code.
const KEEPS_ZERO: &[&str] = &["39", "225", "378"];

/// One digit group of a token.
#[derive(Clone, Copy, Default)]
struct Group {
    start: usize,
    end: usize,
    /// Written in parentheses: `(` at `start - 1`, `)` at `end`.
    paren: bool,
    /// The separator before the group (0 for none, only next to a parenthesis).
    sep: u8,
}

impl Group {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// A phone-shaped token read from the text.
struct Token {
    plus: bool,
    groups: Table<[Group; MAX_GROUPS]>,
    n: usize,
    /// End of an extension (`x123`, ` ext. 12`) after the last group.
    ext_end: Option<usize>,
}

impl Token {
    /// A token with no groups, to be read into.
    fn empty() -> Token {
        Token {
            plus: false,
            groups: Table([Group::default(); MAX_GROUPS]),
            n: 0,
            ext_end: None,
        }
    }
}

/// Where a phone token at `run` starts: at a `(` right before it (and a `+` before that, as in
/// `+(370) 612 34567`), else where the run does; a run opening with `+` starts at a `(` right
/// before it (`(+358) 40 123 4567`). A `(` that does not close right after the run's first group,
/// or closes after more digits than a country or area code has, brackets the whole number
/// (`Jane Doe (888-961-5716)`, `(+915787092032)`): the token starts with the run.
fn token_start(bytes: &[u8], run: NumberRun<'_>) -> usize {
    let bytes = Table(bytes);
    if run.start == 0 || bytes[run.start - 1] != b'(' {
        return run.start;
    }
    if run
        .groups
        .first()
        .is_some_and(|&(s, e)| bytes.get(e) != Some(&b')') || e - s > LONGEST_CODE)
    {
        return run.start;
    }
    if !run.plus && run.start > 1 && bytes[run.start - 2] == b'+' {
        run.start - 2
    } else {
        run.start - 1
    }
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = text.as_bytes();
    let mut covered = 0;
    let mut tok = Token::empty();
    for run in &hay.numbers {
        if run.start < covered {
            continue;
        }
        let start = token_start(bytes, run);
        if start < covered {
            continue;
        }
        // A token without parentheses is the shared run itself (same groups, same separators):
        // it is judged and read from the run's groups instead of the bytes.
        if start == run.start && !paren_follows(bytes, run.end) {
            let Some(whole) = run_token(bytes, run) else {
                covered = run.end;
                continue;
            };
            covered = whole.end;
            if !whole.searchable {
                continue;
            }
            lex_run(bytes, run, &mut tok, whole.end);
        } else {
            if !lex(bytes, start, &mut tok) {
                covered = run.end;
                continue;
            }
            let last = tok.groups[tok.n - 1];
            covered = tok.ext_end.unwrap_or(last.end + usize::from(last.paren));
            if whole_only_and_impossible(bytes, &tok) || !enough_digits(bytes, &tok) {
                continue;
            }
        }
        let formatted = tok.plus || tok.n > 1;
        if !start_ok(text, start, formatted) {
            // `Hutergasse 46,0807-833500`: a decimal comma to read, until the street is redacted.
            if formatted && start > 0 && bytes[start - 1] == b',' {
                hay.note_passed_over();
            }
            continue;
        }
        if end_ok(text, covered, formatted) {
            find_in(hay, &tok, out);
        }
    }
}

/// A number run read as a whole phone token (see [`run_token`]).
struct RunToken {
    /// The end of the token: the run's, or its extension's (`x123`).
    end: usize,
    /// False when [`find_in`] can find nothing in the token: too few digits (see
    /// [`enough_digits`]), or no phone length where only the whole may be tried (see
    /// [`whole_only_and_impossible`]).
    searchable: bool,
}

/// What [`lex`] reads at a number run that starts a token and is followed by no `(` (see
/// [`paren_follows`]): the run's groups, joined by the separators a run takes (one of ` -./`
/// before a digit), and an extension. `None` where [`lex`] rejects the token: more than
/// [`MAX_GROUPS`] groups or [`MAX_DIGITS`] digits (a run cut at its own limits has more than
/// both), or a letter glued to the end that starts no extension.
fn run_token(bytes: &[u8], run: NumberRun<'_>) -> Option<RunToken> {
    let bytes = Table(bytes);
    let groups = run.groups;
    let (&lead, rest) = groups.split_first()?;
    let digits = run.digits;
    if groups.len() > MAX_GROUPS || digits > MAX_DIGITS {
        return None;
    }
    // A letter glued to the last group must start an extension (`x123`).
    let ext = extension(&bytes, run.end);
    if ext.is_none() && bytes.get(run.end).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // As `enough_digits` counts the token's digits.
    let opens_00 = |&(s, e): &(usize, usize)| e - s > 2 && bytes.get(s..s + 2) == Some(b"00");
    let international = run.plus || groups.iter().any(opens_00);
    let fewest = if international { 8 } else { FEWEST_UNPLANNED };
    // As `whole_only_and_impossible` and `length_possible` read the whole token.
    let spaced_only = !run.plus && rest.iter().all(|&(s, _)| bytes[s - 1] == b' ');
    let lengths = if opens_00(&lead) {
        8..=17
    } else {
        FEWEST_UNPLANNED..=LONGEST_NATIONAL
    };
    let eight_ok =
        digits != 8 || international || eight_digit_lens(groups.iter().map(|&(s, e)| e - s));
    Some(RunToken {
        end: ext.unwrap_or(run.end),
        searchable: digits >= fewest && eight_ok && (!spaced_only || lengths.contains(&digits)),
    })
}

/// Whether `tok` holds enough digits for the shortest range [`length_possible`] or
/// [`unplanned`] takes (8 after a `+` or from a group opening with `00`, else 8 in a layout of
/// [`eight_digit_lens`] or 9 in any): most number tokens in chat (dates, times, addresses of
/// the IP kind) do not, and none of their ranges is tried.
fn enough_digits(bytes: &[u8], tok: &Token) -> bool {
    let groups = &tok.groups[..tok.n];
    let digits: usize = groups.iter().map(Group::len).sum();
    let international = tok.plus
        || groups
            .iter()
            .any(|g| g.len() > 2 && bytes.get(g.start..g.start + 2) == Some(b"00"));
    if international {
        return digits >= 8;
    }
    digits >= FEWEST_UNPLANNED && (digits != 8 || eight_digit_lens(groups.iter().map(Group::len)))
}

/// Whether a parenthesised group may continue a token after `end` (`(`, ` (` or `-(`): only
/// then can [`lex`] read past the end of a number run.
fn paren_follows(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        Some(b'(') => true,
        Some(b' ' | b'-') => bytes.get(end + 1) == Some(&b'('),
        _ => false,
    }
}

/// Reads the token of a number run that [`run_token`] accepted, ending at `end`, into `tok`.
fn lex_run(bytes: &[u8], run: NumberRun<'_>, tok: &mut Token, end: usize) {
    let bytes = Table(bytes);
    let groups = run.groups;
    for (slot, (k, &(s, e))) in tok.groups.iter_mut().zip(groups.iter().enumerate()) {
        *slot = Group {
            start: s,
            end: e,
            paren: false,
            sep: if k == 0 { 0 } else { bytes[s - 1] },
        };
    }
    tok.plus = run.plus;
    tok.n = groups.len();
    tok.ext_end = (end != run.end).then_some(end);
}

/// True when [`find_in`] can find nothing in `tok` because it may try only the whole token (see
/// `spaced_only` there) and the whole token has no phone length (see [`length_possible`]).
fn whole_only_and_impossible(bytes: &[u8], tok: &Token) -> bool {
    let spaced_only = !tok.plus
        && tok.groups[..tok.n]
            .iter()
            .enumerate()
            .all(|(k, g)| !g.paren && (k == 0 || g.sep == b' '));
    spaced_only && !length_possible(bytes, tok, 0, tok.n - 1)
}

/// Reads a phone-shaped token at `start` (a `+`, `(` or digit) into `tok`, whose groups past
/// `tok.n` are left from earlier tokens and never read (one token serves a whole scan, so none
/// is zeroed or copied per number). False when the token is glued to letters, too long, or has
/// no digits.
fn lex(bytes: &[u8], start: usize, tok: &mut Token) -> bool {
    let bytes = Table(bytes);
    tok.plus = false;
    tok.n = 0;
    tok.ext_end = None;
    let mut i = start;
    // `(+358)`: a country code in parentheses with its `+`, read as `+(358)`.
    let mut plus_in_paren = bytes.get(i..i + 2) == Some(b"(+");
    if plus_in_paren {
        tok.plus = true;
        i += 2;
    } else if bytes.get(i) == Some(&b'+') {
        tok.plus = true;
        i += 1;
    }
    let mut sep = 0u8;
    let mut paren_used = false;
    let mut digits = 0;
    loop {
        let paren = plus_in_paren || bytes.get(i) == Some(&b'(');
        let gs = if paren && !plus_in_paren { i + 1 } else { i };
        plus_in_paren = false;
        let mut j = gs;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        // More digits in brackets than an area code holds, after a group, are another number:
        // `954.427.3791 (4245772591449)`.
        let other_number = paren && tok.n > 0 && j - gs > LONGEST_CODE;
        if j == gs || paren && (paren_used || bytes.get(j) != Some(&b')')) || other_number {
            // A separator was followed by something that is not a group: end before it.
            if tok.n == 0 {
                return false;
            }
            break;
        }
        paren_used |= paren;
        if tok.n == MAX_GROUPS {
            return false;
        }
        digits += j - gs;
        if digits > MAX_DIGITS {
            return false;
        }
        tok.groups[tok.n] = Group {
            start: gs,
            end: j,
            paren,
            sep,
        };
        tok.n += 1;
        i = if paren { j + 1 } else { j };
        let next = bytes.get(i).copied();
        let after = bytes.get(i + 1).copied();
        match next {
            Some(b) if b.is_ascii_alphabetic() => {
                if let Some(e) = extension(&bytes, i) {
                    tok.ext_end = Some(e);
                    return true;
                }
                return false;
            }
            Some(d) if d.is_ascii_digit() && paren => sep = 0,
            Some(b' ' | b'-' | b'.' | b'/') if after.is_some_and(|a| a.is_ascii_digit()) => {
                sep = bytes[i];
                i += 1;
            }
            Some(b' ' | b'-') if after == Some(b'(') && !paren_used => {
                sep = bytes[i];
                i += 1;
            }
            Some(b'(') if !paren_used => sep = 0,
            _ => break,
        }
    }
    let end = {
        let g = tok.groups[tok.n - 1];
        g.end + usize::from(g.paren)
    };
    tok.ext_end = extension(&bytes, end);
    true
}

/// The end of an extension starting at `at`: `x123`, ` x123`, ` ext. 123`, `ext 123`.
fn extension(bytes: &[u8], at: usize) -> Option<usize> {
    let bytes = Table(bytes);
    let mut i = at;
    if bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    let rest = bytes.get(i..)?;
    let skip = if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"ext") {
        let mut k = 3;
        if rest.get(k) == Some(&b'.') {
            k += 1;
        }
        if rest.get(k) == Some(&b' ') {
            k += 1;
        }
        k
    } else if matches!(rest.first(), Some(b'x' | b'X')) {
        1
    } else {
        return None;
    };
    let ds = i + skip;
    let mut j = ds;
    while j < bytes.len() && bytes[j].is_ascii_digit() {
        j += 1;
    }
    let n = j - ds;
    if !(1..=6).contains(&n) || bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(j)
}

/// Whether what precedes a token at `s` lets it be a phone number (not the tail of a larger
/// token such as a UUID, version, URL path or amount). A comma after digits joins a plain number
/// (`1,5551234567`) and one after a digit or two is a decimal or thousands mark (`1,555-234-5678`),
/// but after a longer field it separates a `formatted` number (with `+` or in groups) from that
/// field, as CSV rows write them (`…0187 65,+44 20 7946 0958`).
fn start_ok(text: &str, s: usize, formatted: bool) -> bool {
    let text = Table(text);
    let mut before = text[..s].chars().rev();
    let Some(c) = before.next() else {
        return true;
    };
    let prev = before.next();
    match c {
        // Chinese, Japanese, Korean and Thai write numbers against the words around them.
        c if c.is_alphanumeric() => is_unspaced(c),
        '_' | '@' | '#' | '$' | '€' | '£' | '¥' | '₹' | '%' | '&' | '=' | '+' | '*' | '\\'
        | '^' | '~' | '<' => false,
        '-' | '/' => !prev.is_some_and(char::is_alphanumeric),
        ',' if formatted && field_before(text.as_bytes(), s - 1) >= 4 => true,
        '.' | ',' | ':' => !prev.is_some_and(|p| p.is_ascii_digit()),
        _ => true,
    }
}

/// How many bytes the field ending at `end` holds, back to a blank, a comma or the text's start.
fn field_before(bytes: &[u8], end: usize) -> usize {
    bytes[..end]
        .iter()
        .rev()
        .take_while(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b','))
        .count()
}

/// Whether what follows a token ending at `e` lets it be a phone number. A comma ends a
/// `formatted` one (see [`start_ok`]) whatever follows it (`+44 20 7946 0958,192.0.2.4`), and any
/// one before a letter (`555-234-5678,jane@example.com`).
fn end_ok(text: &str, e: usize, formatted: bool) -> bool {
    let text = Table(text);
    let mut after = text[e..].chars();
    let Some(c) = after.next() else {
        return true;
    };
    let next = after.next();
    match c {
        c if c.is_alphanumeric() => is_unspaced(c),
        '@' | '_' | '%' | '€' | '$' | '£' | '¥' | '₹' | '°' | '+' => false,
        ',' if formatted => true,
        ',' => !next.is_some_and(|n| n.is_ascii_digit()),
        '-' | '/' | '.' | ':' => !next.is_some_and(char::is_alphanumeric),
        _ => true,
    }
}

/// A candidate range of groups, flattened for the format checks.
struct Shape {
    plus: bool,
    d: Table<[u8; MAX_DIGITS]>,
    len: usize,
    lens: Table<[usize; MAX_GROUPS]>,
    seps: Table<[u8; MAX_GROUPS]>,
    paren: Table<[bool; MAX_GROUPS]>,
    n: usize,
}

impl Shape {
    fn new(bytes: &[u8], tok: &Token, first: usize, last: usize) -> Shape {
        let bytes = Table(bytes);
        let mut s = Shape {
            plus: tok.plus && first == 0,
            d: Table([0; MAX_DIGITS]),
            len: 0,
            lens: Table([0; MAX_GROUPS]),
            seps: Table([0; MAX_GROUPS]),
            paren: Table([false; MAX_GROUPS]),
            n: 0,
        };
        for g in &tok.groups[first..=last] {
            // As many digits as fit.
            let digits = &bytes[g.start..g.end];
            let room = &mut s.d[s.len..];
            let n = digits.len().min(room.len());
            room[..n].copy_from_slice(&digits[..n]);
            s.len += n;
            s.lens[s.n] = g.len();
            s.seps[s.n] = g.sep;
            s.paren[s.n] = g.paren;
            s.n += 1;
        }
        s
    }

    fn digits(&self) -> &[u8] {
        &self.d[..self.len]
    }

    fn lens(&self) -> &[usize] {
        &self.lens[..self.n]
    }

    /// The digits of group `k`.
    fn group(&self, k: usize) -> &[u8] {
        let from: usize = self.lens[..k].iter().sum();
        &self.d[from..from + self.lens[k]]
    }

    fn any_paren(&self) -> bool {
        self.paren[..self.n].iter().any(|&p| p)
    }

    /// The separator shared by groups `from..n` (the one before each), if they all use one.
    fn uniform(&self, from: usize) -> Option<u8> {
        let seps = self.seps.get(from..self.n)?;
        let first = *seps.first()?;
        seps.iter().all(|&s| s == first).then_some(first)
    }

    /// Separators of a national number: the first group may be parenthesised and followed by
    /// nothing, a space or a dash; the rest share one separator from `allowed`.
    fn national_seps(&self, allowed: &[u8]) -> bool {
        if self.paren[1..self.n].iter().any(|&p| p) {
            return false;
        }
        if self.n == 1 {
            return !self.paren[0];
        }
        if self.paren[0] {
            if !matches!(self.seps[1], 0 | b' ' | b'-') {
                return false;
            }
            return self.n == 2 || self.uniform(2).is_some_and(|s| allowed.contains(&s));
        }
        self.uniform(1).is_some_and(|s| allowed.contains(&s))
    }

    /// True for four dot-separated groups of at most three digits (`84.164.79.99`): an IPv4
    /// address, whatever else the digits could be.
    fn is_ipv4(&self) -> bool {
        self.n == 4
            && !self.any_paren()
            && self.seps[1..4].iter().all(|&c| c == b'.')
            && self.lens().iter().all(|&l| l <= 3)
    }

    /// True for three groups that read as a calendar date (Y-M-D, D.M.Y, M/D/Y, D M YY).
    fn is_date(&self) -> bool {
        if self.n != 3 || self.any_paren() || self.seps[1] != self.seps[2] {
            return false;
        }
        let v = |k: usize| {
            self.group(k).iter().fold(0u32, |a, &b| {
                a.saturating_mul(10)
                    .saturating_add(u32::from(b.wrapping_sub(b'0')))
            })
        };
        let (a, b, c) = (v(0), v(1), v(2));
        let day = |x: u32| (1..=31).contains(&x);
        let month = |x: u32| (1..=12).contains(&x);
        match self.lens() {
            [4, 1..=2, 1..=2] => month(b) && day(c),
            [1..=2, 1..=2, 2 | 4] => day(a) && month(b) || month(a) && day(b),
            _ => false,
        }
    }
}

/// What a range of groups was recognised as.
struct Hit {
    rule: &'static str,
    score: u16,
}

fn hit(rule: &'static str, score: u16) -> Option<Hit> {
    Some(Hit { rule, score })
}

/// Finds the phone numbers among the groups of `tok`, longest range first.
fn find_in(hay: &Hay<'_>, tok: &Token, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = text.as_bytes();
    // Without a `+`, parentheses or a separator other than a space, no part of the token may be
    // tried on its own (see [`range_allowed`]): only the whole token is (a card number, a date).
    let spaced_only = !tok.plus
        && tok.groups[..tok.n]
            .iter()
            .enumerate()
            .all(|(k, g)| !g.paren && (k == 0 || g.sep == b' '));
    let found_before = out.len();
    let mut stack = [(0usize, tok.n - 1); MAX_GROUPS + 1];
    let mut depth = 1;
    while depth > 0 {
        depth -= 1;
        let (lo, hi) = stack[depth];
        let narrowest = if spaced_only { hi - lo + 1 } else { 1 };
        'search: for width in (narrowest..=hi - lo + 1).rev() {
            for first in lo..=hi + 1 - width {
                let last = first + width - 1;
                if !range_allowed(tok, first, last) || !length_possible(bytes, tok, first, last) {
                    continue;
                }
                let shape = Shape::new(bytes, tok, first, last);
                let Some(found) = classify(&shape) else {
                    continue;
                };
                let g0 = tok.groups[first];
                let gl = tok.groups[last];
                let start = if first == 0 && tok.plus {
                    g0.start - 1 - usize::from(g0.paren)
                } else {
                    g0.start - usize::from(g0.paren)
                };
                let mut end = gl.end + usize::from(gl.paren);
                if last == tok.n - 1 {
                    end = tok.ext_end.unwrap_or(end);
                }
                if !shape.plus && near_amount(text, start, end)
                    || is_named_ein(hay, &shape, start, end)
                {
                    continue;
                }
                if found.score < TYPICAL && !given_as_phone(hay, start, end) {
                    hay.note_passed_over();
                    continue;
                }
                out.push(candidate(
                    Kind::Phone,
                    start,
                    end,
                    found.score,
                    found.rule,
                    false,
                ));
                if first > lo && depth < stack.len() {
                    stack[depth] = (lo, first - 1);
                    depth += 1;
                }
                if last < hi && depth < stack.len() {
                    stack[depth] = (last + 1, hi);
                    depth += 1;
                }
                break 'search;
            }
        }
    }
    if out.len() == found_before {
        push_unplanned(hay, tok, out);
    }
}

/// Whether something near `start..end` gives it as a phone number, as a compact number needs: a
/// phone word or the layout around it ([`block_support`]).
fn given_as_phone(hay: &Hay<'_>, start: usize, end: usize) -> bool {
    has_context_near(hay, start, end, CONTEXT) || block_support(hay.text, start, end).is_some()
}

/// What gives a number as a phone number where no phone word stands near it: a next-of-kin label
/// opening its line ([`NEXT_OF_KIN`]: `Next of kin: Jane Doe (0802479752)`), or, for a number
/// alone on its line, the sign-off of the signature block the line belongs to (`Best
/// regards,\nJane Doe\nAcme Ltd\n020 7946 0958`, see [`super::person::signature_above`]).
/// Returns the label or sign-off phrase, how far before the number it ends, and whether it
/// counts as a phone word (a sign-off) or as a generic word (a label), for the context scorer
/// to weigh. A label of a reference on the line above a number alone (`Order no.`,
/// `Kundennummer`) gives it as that reference instead; postcodes and ids alone on a line fit
/// no plan of [`classify`].
pub(crate) fn block_support(
    text: &str,
    start: usize,
    end: usize,
) -> Option<(&'static str, usize, bool)> {
    let bytes = Table(text.as_bytes());
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    // Most numbers follow a word on their line: told by the byte before them alone.
    let before = bytes[..start].iter().rposition(|b| !blank(b))?;
    match bytes[before] {
        b'\n' => {}
        // `Next of kin: Jane Doe (0802479752)`, `… Doe, 0802479752`, `Next of kin: 0802479752`,
        // and the fields of a contact row: `Contact: Jane Doe | Acme Ltd | 0802479752`.
        sep @ (b'(' | b',' | b':' | b'|') => {
            let field = sep == b'|'
                && matches!(
                    bytes[end..].iter().find(|b| !blank(b)),
                    None | Some(b'|' | b'\n' | b'\r')
                );
            return label_opening_line(text, start, field)
                .map(|(label, e)| (label, start - e, false));
        }
        _ => return None,
    }
    let after = bytes[end..].iter().find(|b| !blank(b));
    if !matches!(after, None | Some(b'\n' | b'\r')) {
        return None;
    }
    let label_start = memchr::memrchr(b'\n', &bytes[..before]).map_or(0, |p| p + 1);
    if has_word(&text[label_start..before], CONTRARY_WORDS) {
        return None;
    }
    // Without the person pack no signature is read.
    if !cfg!(feature = "person") {
        return None;
    }
    super::person::signature_above(text, before + 1).map(|(phrase, e)| (phrase, start - e, true))
}

/// Contact labels that open a row of fields, one record per line (`Contact: Jane Doe | Acme Ltd |
/// 0802479752`, as CRM and helpdesk exports and pasted tables write them): the row is one
/// person's record, so the label gives each field of it, not only the ones within a phone word's
/// reach. Only with their colon, and only for a whole field between `|`s.
const ROW_LABELS: &[&str] = &["contact", "kontakt", "contacto", "contato", "contatto"];

/// The label opening the line of a number starting at `start`, at most [`BLOCK_REACH`] bytes
/// before it, and where the label ends: a next-of-kin label ([`NEXT_OF_KIN`]), or, when the
/// number is a `field` of a row, a contact label and its colon ([`ROW_LABELS`]).
fn label_opening_line(text: &str, start: usize, field: bool) -> Option<(&'static str, usize)> {
    let bytes = Table(text.as_bytes());
    let from = start.saturating_sub(BLOCK_REACH);
    let line = match memchr::memrchr(b'\n', &bytes[from..start]) {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let label = line
        + bytes[line..start]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
    let head = &bytes[label..start];
    let opens = |w: &&&str| {
        head.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    };
    let kin = NEXT_OF_KIN
        .iter()
        .find(|w| opens(w) && !head.get(w.len()).is_some_and(u8::is_ascii_alphanumeric));
    let row = || {
        ROW_LABELS
            .iter()
            .filter(|_| field)
            .find(|w| opens(w) && head[w.len()..].trim_ascii_start().first() == Some(&b':'))
    };
    let found = kin.or_else(row)?;
    Some((found, label + found.len()))
}

/// The fewest digits of a number without `+` that [`unplanned`] takes: eight, the length of
/// Nordic and Baltic subscriber numbers (`12 34 56 78`, `123 45 678`) and of local numbers in
/// many plans; the national plans of [`classify`] take nine or more.
const FEWEST_UNPLANNED: usize = 8;

/// The most digits of a national number without `+` or `00` (with its trunk 0) that a plan of
/// [`classify`] takes: Austria's four-digit area codes with eight more digits.
const LONGEST_NATIONAL: usize = 13;

/// How far before a number [`unplanned`] takes must its phone word stand: a number that fits no
/// plan is a phone number only where it is given as one (`call me at …`, `Phone: …`), not
/// anywhere in a sentence about phones.
const UNPLANNED_BEFORE: usize = 24;

/// Reports the whole of `tok`, in which no numbering plan found a number, when it still reads as
/// a phone number (see [`unplanned`]), a phone word stands shortly before it and no reference
/// word near it.
fn push_unplanned(hay: &Hay<'_>, tok: &Token, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = text.as_bytes();
    let last = tok.n - 1;
    let digits: usize = tok.groups[..tok.n].iter().map(Group::len).sum();
    if digits < FEWEST_UNPLANNED || !length_possible(bytes, tok, 0, last) && digits > 8 {
        return;
    }
    let shape = Shape::new(bytes, tok, 0, last);
    let Some(found) = unplanned(&shape) else {
        return;
    };
    let (g0, gl) = (tok.groups[0], tok.groups[last]);
    let start = g0.start - usize::from(tok.plus) - usize::from(g0.paren);
    let end = tok.ext_end.unwrap_or(gl.end + usize::from(gl.paren));
    if !has_context_near_within(hay, start, end, UNPLANNED_BEFORE, 0, CONTEXT) {
        hay.note_passed_over();
        return;
    }
    if has_context_near(hay, start, end, CONTRARY_WORDS)
        || near_amount(text, start, end)
        || is_named_ein(hay, &shape, start, end)
    {
        return;
    }
    out.push(candidate(
        Kind::Phone,
        start,
        end,
        found.score,
        found.rule,
        false,
    ));
}

/// Whether groups `first..=last` of `tok` may be tried on their own. A part of a token must be
/// cut at spaces and have its own non-space grouping (or keep the token's `+`, or open with a
/// parenthesis),
/// so that `1 912 345 678` or a card number never yields a phone from its middle.
fn range_allowed(tok: &Token, first: usize, last: usize) -> bool {
    if first == 0 && last == tok.n - 1 {
        return true;
    }
    let cut_before = first == 0 || tok.groups[first].sep == b' ';
    let cut_after = last == tok.n - 1 || tok.groups[last + 1].sep == b' ';
    if !cut_before || !cut_after {
        return false;
    }
    // An area code in brackets opens a number even after other digits: `554 (08) 7070 7314`.
    let own_start = first == 0 && tok.plus || tok.groups[first].paren;
    let own_grouping = tok.groups[first + 1..=last]
        .iter()
        .any(|g| g.sep != b' ' || g.paren);
    own_start || own_grouping
}

/// Whether groups `first..=last` of `tok` hold a digit count some format of [`classify`] takes,
/// read from the groups alone (most digit groups in chat are too short or too long, and are
/// rejected before their digits are copied): with `+`, 8 to 15 digits after an optional trunk
/// `(0)`; after `00`, the prefix, a country code and its shortest to longest national number (at
/// most 17 in all); otherwise the national formats' 9 to 13 digits.
fn length_possible(bytes: &[u8], tok: &Token, first: usize, last: usize) -> bool {
    let digits: usize = tok.groups[first..=last].iter().map(Group::len).sum();
    let g0 = tok.groups[first];
    if tok.plus && first == 0 {
        (8..=16).contains(&digits)
    } else if g0.len() > 2 && bytes.get(g0.start..g0.start + 2) == Some(b"00") {
        (8..=17).contains(&digits)
    } else {
        (9..=LONGEST_NATIONAL).contains(&digits)
    }
}

fn classify(s: &Shape) -> Option<Hit> {
    if s.plus {
        return e164(s);
    }
    if s.is_date() || s.is_ipv4() {
        return None;
    }
    let d = s.digits();
    if d.starts_with(b"00") {
        return intl_00(s);
    }
    if s.n == 1 {
        return compact(d);
    }
    nanp(s)
        .or_else(|| fr(s))
        .or_else(|| uk(s))
        .or_else(|| nl(s))
        .or_else(|| br(s))
        .or_else(|| india(s))
        .or_else(|| it(s))
        .or_else(|| es(s))
        .or_else(|| pt(s))
        .or_else(|| hu(s))
        .or_else(|| de(s))
}

/// A number laid out as a phone number that fits no numbering plan in [`classify`]: an area code
/// no plan assigns (`(187) 380-6956`, `+1 (150) 889-9579`), an exchange such as `411`, a
/// subscriber number opening with 0 or 1 (`21 0897-4464`), an 11-digit mobile. Typos and
/// invented numbers are still the number a person shares, so after a phone word (checked by
/// the caller) they are reported: a known country code and 8 to 15 digits after a `+`, else 9
/// to 12 digits (up to 17 after a first group of `00` and a known country code), in at most five groups of which only the first (and a trunk `(0)` after a `+`)
/// may be a single digit. Never a date, an IPv4 address or another kind's layout.
fn unplanned(s: &Shape) -> Option<Hit> {
    // A single digit right after the country code: a trunk `(0)`, an area code (`+64 4 …`,
    // `+56 2 …`) or a mobile prefix (`+54 9 …`).
    let after_code = |k: usize| k == 1 && s.plus;
    if s.is_date() || s.is_ipv4() || s.n > 5 || (1..s.n).any(|k| s.lens[k] < 2 && !after_code(k)) {
        return None;
    }
    // The layouts of other kinds: a US SSN, a ZIP+4 code, groups of four (cards, references).
    let other_kind = !s.plus
        && !s.any_paren()
        && (s.lens() == [3, 2, 4]
            || s.lens() == [5, 4]
            || s.n > 2 && s.lens().iter().all(|&l| l == 4));
    if other_kind {
        return None;
    }
    let d = Table(s.digits());
    let ok = if s.plus {
        (8..=15).contains(&s.len) && country(&d).is_some_and(|(cc, _, _)| s.lens[0] >= cc)
    } else {
        (9..=12).contains(&s.len)
            || s.len == 8 && eight_digit_layout(s)
            || d.starts_with(b"00")
                && s.len <= 17
                && country(&d[2..]).is_some_and(|(cc, _, _)| s.lens[0] == 2 + cc)
    };
    ok.then_some(())?;
    hit("phone.context", COMPACT)
}

/// Whether eight digits without `+` are laid out as a phone number (Nordic `12 34 56 78`,
/// `1234 5678`, `123 45 678`, `12345678`; `0800 12 34`) rather than as an amount (`12 345 678`),
/// a date (`20240315`) or a span of years (`2024-2025`).
fn eight_digit_layout(s: &Shape) -> bool {
    let d = s.digits();
    let years = |x: &[u8]| matches!(x, [b'1', b'9', _, _] | [b'2', b'0', _, _]);
    eight_digit_lens(s.lens().iter().copied())
        && match s.lens() {
            [8] => !is_compact_date(d),
            [4, 4] => !(years(s.group(0)) && years(s.group(1))),
            _ => true,
        }
}

/// Whether groups of these lengths (eight digits in all) are one of the layouts of
/// [`eight_digit_layout`]: `12345678`, `1234 5678`, `12 34 56 78`, `123 45 678`, `0800 12 34`.
/// Read from the groups alone, so that the many eight-digit tokens of other layouts (IPv4
/// addresses such as `192.0.2.25`, amounts) are never lexed or searched.
fn eight_digit_lens(mut lens: impl Iterator<Item = usize>) -> bool {
    let mut seen = [0usize; 4];
    for slot in &mut seen {
        match lens.next() {
            Some(len) => *slot = len,
            None => break,
        }
    }
    lens.next().is_none()
        && matches!(
            seen,
            [8, 0, 0, 0] | [4, 4, 0, 0] | [2, 2, 2, 2] | [3, 2, 3, 0] | [4, 2, 2, 0]
        )
}

/// Whether eight digits read as a date written without separators: `YYYYMMDD` or `DDMMYYYY` in
/// the years 1900 to 2099.
fn is_compact_date(d: &[u8]) -> bool {
    let v = |r: core::ops::Range<usize>| {
        d[r].iter()
            .fold(0u32, |a, &b| a * 10 + u32::from(b.wrapping_sub(b'0')))
    };
    let year = |x: u32| (1900..=2099).contains(&x);
    let month = |x: u32| (1..=12).contains(&x);
    let day = |x: u32| (1..=31).contains(&x);
    d.len() == 8
        && (year(v(0..4)) && month(v(4..6)) && day(v(6..8))
            || day(v(0..2)) && month(v(2..4)) && year(v(4..8)))
}

/// Where the codes of each length start in [`BY_CODE`]: one slot per 1-, 2- and 3-digit code.
const CODE_OFFSETS: [usize; 4] = [0, 10, 110, 1110];

/// [`COUNTRIES`] indexed by code (its length's offset in [`CODE_OFFSETS`] plus its value):
/// the national number lengths, `(0, 0)` for no country. Every phone candidate looks its code up.
const BY_CODE: [(u8, u8); CODE_OFFSETS[3]] = {
    let mut table = [(0, 0); CODE_OFFSETS[3]];
    let mut i = 0;
    while i < COUNTRIES.len() {
        let (code, min, max) = COUNTRIES[i];
        let digits = code.as_bytes();
        assert!(!digits.is_empty() && digits.len() <= 3 && min > 0);
        let mut value = 0;
        let mut j = 0;
        while j < digits.len() {
            assert!(digits[j].is_ascii_digit());
            value = value * 10 + (digits[j] - b'0') as usize;
            j += 1;
        }
        table[CODE_OFFSETS[digits.len() - 1] + value] = (min, max);
        i += 1;
    }
    table
};

/// The country code at the start of `d` and its national number lengths (the shortest code
/// that is one, as codes are prefix-free).
fn country(d: &[u8]) -> Option<(usize, u8, u8)> {
    let mut value = 0;
    for (k, &b) in d.iter().take(3).enumerate() {
        // No code holds anything but digits.
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + usize::from(b - b'0');
        let at = CODE_OFFSETS.get(k)? + value;
        if let Some(&(min, max)) = BY_CODE.get(at).filter(|&&(min, _)| min > 0) {
            return Some((k + 1, min, max));
        }
    }
    None
}

/// Checks a national significant number against its country's length and leading digit.
fn nsn_ok(cc: &[u8], nsn: &[u8], min: u8, max: u8) -> bool {
    let n = nsn.len();
    if n < usize::from(min) || n > usize::from(max) {
        return false;
    }
    let Some(&lead) = nsn.first() else {
        return false;
    };
    if lead == b'0' && !KEEPS_ZERO.iter().any(|k| k.as_bytes() == cc) {
        return false;
    }
    match cc {
        b"1" => nanp_code_ok(nsn, false) && nanp_code_ok(&nsn[3..], true),
        b"44" => matches!(lead, b'1' | b'2' | b'3' | b'5' | b'7' | b'8' | b'9'),
        _ => true,
    }
}

/// A NANP area code or exchange: `[2-9]XX`, not `N11`. A relaxed exchange may start with 0/1
/// (written examples such as `555-123-4567` use them).
fn nanp_code_ok(code: &[u8], relaxed: bool) -> bool {
    match code {
        [a, b, c, ..] => (relaxed || (b'2'..=b'9').contains(a)) && !(*b == b'1' && *c == b'1'),
        _ => false,
    }
}

fn e164(s: &Shape) -> Option<Hit> {
    // Parentheses only around the country code (`+(370) …`, `(+358) …`) or right after it:
    // `+44 (0)20 …`, `+1 (555) …`.
    if (0..s.n).any(|k| s.paren[k] && k > 1)
        || s.seps[1..s.n].iter().filter(|&&c| c == b'/').count() > 1
    {
        return None;
    }
    let trunk = s.n > 2 && s.paren[1] && s.group(1) == b"0";
    let mut d = [0u8; MAX_DIGITS];
    let mut len = 0;
    for k in 0..s.n {
        if trunk && k == 1 {
            continue;
        }
        let group = s.group(k);
        d.get_mut(len..len + group.len())?.copy_from_slice(group);
        len += group.len();
    }
    let d = &d[..len];
    if !(8..=15).contains(&len) {
        return None;
    }
    let (cc_len, min, max) = country(d)?;
    if s.lens[0] < cc_len || (trunk || s.paren[0]) && s.lens[0] != cc_len {
        return None;
    }
    let (cc, mut nsn) = d.split_at(cc_len);
    // After a code in parentheses the national number keeps its trunk 0: `(+358) 09 123 4567`
    // is `+358 9 123 4567` (the parentheses say "leave out when calling from abroad").
    if s.paren[0] && nsn.first() == Some(&b'0') && !KEEPS_ZERO.iter().any(|k| k.as_bytes() == cc) {
        nsn = &nsn[1..];
    }
    nsn_ok(cc, nsn, min, max).then_some(())?;
    hit("phone.e164", E164)
}

/// `00` international prefix: the first group is exactly `00` and a country code.
fn intl_00(s: &Shape) -> Option<Hit> {
    if s.any_paren() || s.len > 17 {
        return None;
    }
    let d = Table(s.digits());
    let (cc_len, min, max) = country(&d[2..])?;
    // Written without separators (`00972590339075`), only with a phone context word, as every
    // compact number.
    let compact = s.n == 1;
    if !compact && s.lens[0] != cc_len + 2 {
        return None;
    }
    nsn_ok(&d[2..2 + cc_len], &d[2 + cc_len..], min, max).then_some(())?;
    hit("phone.e164", if compact { COMPACT } else { STRONG })
}

/// A number without separators: only with a phone context word (checked by the caller).
fn compact(d: &[u8]) -> Option<Hit> {
    let n = d.len();
    let first = *d.first()?;
    if n == 10 && nanp_code_ok(d, false) && nanp_code_ok(&d[3..], false) {
        return hit("phone.nanp", COMPACT);
    }
    if n == 11 && first == b'1' && nanp_code_ok(&d[1..], false) && nanp_code_ok(&d[4..], false) {
        return hit("phone.nanp", COMPACT);
    }
    if first == b'0' && d.get(1).is_some_and(|&b| b != b'0') && (9..=12).contains(&n) {
        return hit("phone.national", COMPACT);
    }
    match (n, first) {
        (10, b'6'..=b'9') => hit("phone.in", COMPACT),
        (9..=10, b'3') => hit("phone.it", COMPACT),
        (9, b'6'..=b'9') => hit("phone.es", COMPACT),
        _ => None,
    }
}

/// US/CA: `(212) 555-0123`, `212-555-0123`, `212.555.0123`, `212 555 0123`, `1-800-…` (area code and
/// exchange `[2-9]dd`).
fn nanp(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    let lead = s.n == 4 && s.lens[0] == 1 && d.first() == Some(&b'1');
    let off = usize::from(lead);
    if s.n != 3 + off || s.lens[off..s.n] != [3, 3, 4] {
        return None;
    }
    let body = &d[off..];
    if !nanp_code_ok(body, false) {
        return None;
    }
    if s.paren[off] {
        if s.paren[off + 1] || s.paren[off + 2] || lead && !matches!(s.seps[1], b' ' | 0 | b'-') {
            return None;
        }
        let ok = matches!(s.seps[off + 1], 0 | b' ' | b'-')
            && matches!(s.seps[off + 2], b'-' | b' ' | b'.');
        return (ok && nanp_code_ok(&body[3..], true)).then_some(Hit {
            rule: "phone.nanp",
            score: STRONG,
        });
    }
    if s.any_paren() {
        return None;
    }
    match s.uniform(1)? {
        b'-' | b'.' if nanp_code_ok(&body[3..], true) => hit("phone.nanp", STRONG),
        b' ' if nanp_code_ok(&body[3..], false) => hit("phone.nanp", TYPICAL),
        _ => None,
    }
}

/// The score of a national number: parentheses make the grouping stronger.
fn national(s: &Shape, rule: &'static str) -> Option<Hit> {
    hit(rule, if s.paren[0] { STRONG } else { TYPICAL })
}

/// France: `0X XX XX XX XX` with spaces, dots or dashes.
fn fr(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if s.lens() != [2, 2, 2, 2, 2] || d[0] != b'0' || d[1] == b'0' || s.any_paren() {
        return None;
    }
    matches!(s.uniform(1)?, b' ' | b'.' | b'-').then_some(())?;
    hit("phone.fr", STRONG)
}

/// United Kingdom: 0 + 10 digits in the usual groupings per number range.
fn uk(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if s.len != 11 || d[0] != b'0' || !s.national_seps(b" -") {
        return None;
    }
    // 015x/016x/017x written 4 + 7 or 4 + 4 + 4 are German mobiles, except the UK's Liverpool
    // (0151) and Manchester (0161) codes.
    let de_mobile = d[1] == b'1'
        && (b'5'..=b'7').contains(&d[2])
        && s.lens[0] == 4
        && !matches!(&d[..4], b"0151" | b"0161");
    let ok = match d[1] {
        b'2' => matches!(s.lens(), [3, 4, 4] | [3, 8]),
        b'1' if de_mobile => false,
        b'1' => matches!(s.lens(), [5, 6] | [4, 3, 4] | [4, 7] | [5, 3, 3]),
        b'7' => matches!(s.lens(), [5, 6] | [5, 3, 3] | [4, 3, 4]),
        b'3' | b'5' | b'8' | b'9' => matches!(s.lens(), [4, 3, 4] | [4, 7]),
        _ => false,
    };
    ok.then_some(())?;
    national(s, "phone.uk")
}

/// Netherlands: 0 + 9 digits; `06` mobiles.
fn nl(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if s.len != 10 || d[0] != b'0' || d[1] == b'0' || !s.national_seps(b" -") {
        return None;
    }
    let ok = if d[1] == b'6' {
        matches!(s.lens(), [2, 8] | [2, 4, 4] | [4, 3, 3] | [2, 2, 2, 2, 2])
    } else {
        matches!(
            s.lens(),
            [3, 7] | [3, 3, 4] | [4, 6] | [3, 3, 2, 2] | [4, 2, 2, 2]
        )
    };
    ok.then_some(())?;
    national(s, "phone.nl")
}

/// Brazil: `(11) 91234-5678`, `(11) 3456-7890`, `11 91234-5678`; a nine-digit mobile also in
/// spaces (`11 91234 5678`) when the area code (DDD) is one Anatel assigned.
fn br(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if !matches!(s.lens(), [2, 5, 4] | [2, 4, 4]) || s.paren[1] || s.paren[2] {
        return None;
    }
    if !(b'1'..=b'9').contains(&d[0]) || !(b'1'..=b'9').contains(&d[1]) {
        return None;
    }
    let spaced_mobile = s.lens[1] == 5 && s.seps[2] == b' ' && br_area_code(&d[..2]);
    if s.seps[2] != b'-' && !spaced_mobile {
        return None;
    }
    let sub = d[2];
    // Nine-digit mobiles start with 9; eight-digit numbers are landlines (2-5) or mobiles from
    // before the ninth digit (6-9).
    let ok_sub = if s.lens[1] == 5 {
        sub == b'9'
    } else {
        (b'2'..=b'9').contains(&sub)
    };
    let ok_sep = if s.paren[0] {
        matches!(s.seps[1], 0 | b' ')
    } else {
        s.seps[1] == b' '
    };
    (ok_sub && ok_sep).then_some(())?;
    national(s, "phone.br")
}

/// Whether two digits are a Brazilian area code (DDD) in use.
fn br_area_code(ddd: &[u8]) -> bool {
    matches!(
        ddd,
        [b'1', b'1'..=b'9']
            | [b'2', b'1' | b'2' | b'4' | b'7' | b'8']
            | [b'3', b'1'..=b'5' | b'7' | b'8']
            | [b'4', b'1'..=b'9']
            | [b'5', b'1' | b'3' | b'4' | b'5']
            | [b'6', b'1'..=b'9']
            | [b'7', b'1' | b'3' | b'4' | b'5' | b'7' | b'9']
            | [b'8', b'1'..=b'9']
            | [b'9', b'1'..=b'9']
    )
}

/// India: mobiles of ten digits opening with 6–9, `98765 43210`.
fn india(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if s.len != 10 || !(b'6'..=b'9').contains(&d[0]) || s.any_paren() {
        return None;
    }
    (matches!(s.lens(), [5, 5] | [4, 3, 3]) && matches!(s.uniform(1)?, b' ' | b'-'))
        .then_some(())?;
    hit("phone.in", TYPICAL)
}

/// Italy: `3XX` mobiles and `0X` landlines; Milan's and Rome's two-digit codes (`02`, `06`)
/// also before a seven-digit subscriber number (`02 6513614`).
fn it(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if d[0] == b'3' && (9..=10).contains(&s.len) && !s.any_paren() {
        let sep = s.uniform(1)?;
        let ok = match s.lens() {
            [3, 7] | [3, 6] | [3, 4, 3] => matches!(sep, b' ' | b'-'),
            [3, 3, 4] => matches!(sep, b' ' | b'-' | b'.'),
            [3, 3, 3] => matches!(sep, b' ' | b'-') && no_zero_groups(s),
            _ => false,
        };
        return ok.then_some(Hit {
            rule: "phone.it",
            score: TYPICAL,
        });
    }
    if d[0] == b'0'
        && d[1] != b'0'
        && (9..=11).contains(&s.len)
        && s.lens[0] == 2
        && s.national_seps(b" -")
        && matches!(s.lens(), [2, 8] | [2, 4, 4] | [2, 3, 4] | [2, 4, 3])
    {
        return national(s, "phone.it");
    }
    if matches!(&d[..2], b"02" | b"06") && s.lens() == [2, 7] && s.national_seps(b" -") {
        return national(s, "phone.it");
    }
    None
}

/// No group after the first is `000` (amounts such as `750 000 000`).
fn no_zero_groups(s: &Shape) -> bool {
    (1..s.n).all(|k| s.group(k).iter().any(|&b| b != b'0'))
}

/// Spain: 9 digits starting 6, 7, 8 or 9.
fn es(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if s.len != 9 || !(b'6'..=b'9').contains(&d[0]) || s.any_paren() {
        return None;
    }
    let sep = s.uniform(1)?;
    let ok = match s.lens() {
        [3, 3, 3] => matches!(sep, b' ' | b'-') && no_zero_groups(s),
        [3, 2, 2, 2] | [2, 3, 2, 2] => matches!(sep, b' ' | b'-' | b'.'),
        _ => false,
    };
    ok.then_some(())?;
    hit("phone.es", TYPICAL)
}

/// Portugal: 9 digits, landlines starting 2 and mobiles starting 91, 92, 93 or 96, written in
/// threes (`221 668 064`, `912 345 678`). A 9 in threes is Spain's first (`es`).
fn pt(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    let mobile = d.first() == Some(&b'9') && matches!(d.get(1), Some(b'1' | b'2' | b'3' | b'6'));
    if s.len != 9 || !(d.first() == Some(&b'2') || mobile) || s.any_paren() {
        return None;
    }
    let sep = s.uniform(1)?;
    (s.lens() == [3, 3, 3] && matches!(sep, b' ' | b'-') && no_zero_groups(s)).then_some(())?;
    hit("phone.pt", TYPICAL)
}

/// Hungary: the trunk prefix `06`, an area code of one or two digits and a subscriber number of
/// six or seven digits, the area code closed by `/` or set off like the trunk: `06-1/234 5678`,
/// `06-30/123-4567`, `(06)30/123-4567`, `06 30 123 4567`.
fn hu(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    let area = s.lens[1];
    let subscriber = s.len.saturating_sub(2 + area);
    // Six or seven subscriber digits in one group, or in a group of three and the rest.
    let groups_ok = match s.n {
        3 => true,
        4 => s.lens[2] == 3 && matches!(s.seps[3], b' ' | b'-'),
        _ => false,
    };
    let after_trunk = if s.paren[0] {
        matches!(s.seps[1], 0 | b' ')
    } else {
        matches!(s.seps[1], b'-' | b' ')
    };
    let slash = s.seps[2] == b'/';
    let ok = d.starts_with(b"06")
        && s.lens[0] == 2
        && (1..=2).contains(&area)
        && d[2] != b'0'
        && (6..=7).contains(&subscriber)
        && groups_ok
        && !(s.paren[1] || s.paren[2] || s.paren[3])
        && after_trunk
        && (slash || s.seps[2] == s.seps[1] && !s.paren[0]);
    ok.then_some(())?;
    hit(
        "phone.hu",
        if slash || s.paren[0] { STRONG } else { TYPICAL },
    )
}

/// Germany and Austria: 0 + area code (2–5 digits) + subscriber; `015x/016x/017x` mobiles. The
/// area code may be followed by `/` (`030/1234567`). Austrian national numbers run to 13 digits
/// with their 0: a four-digit area code (`2xxx` to `7xxx`) and an eight-digit subscriber or
/// extension number (`02239 09960 308`, `(03409) 55972 979`, `03572/80385280`).
fn de(s: &Shape) -> Option<Hit> {
    let d = Table(s.digits());
    if d[0] != b'0' || d[1] == b'0' || !(2..=4).contains(&s.n) || !(3..=6).contains(&s.lens[0]) {
        return None;
    }
    let mobile = d[1] == b'1' && (b'5'..=b'7').contains(&d[2]);
    let austrian_long = s.len == 13 && s.lens[0] == 5 && (b'2'..=b'7').contains(&d[1]);
    let len_ok = if mobile {
        (11..=12).contains(&s.len)
    } else {
        (9..=12).contains(&s.len) || austrian_long
    };
    if !len_ok || (1..s.n).any(|k| s.lens[k] < 3 || s.paren[k]) {
        return None;
    }
    // `01234-5678` is the shape of a US ZIP+4 code.
    if s.lens() == [5, 4] && s.seps[1] == b'-' {
        return None;
    }
    let first_ok = if s.paren[0] {
        matches!(s.seps[1], 0 | b' ' | b'-')
    } else {
        matches!(s.seps[1], b' ' | b'/' | b'-')
    };
    let rest_ok = s.n < 3 || s.uniform(2).is_some_and(|c| matches!(c, b' ' | b'-'));
    (first_ok && rest_ok).then_some(())?;
    national(s, "phone.de")
}

/// Words naming a US Employer Identification Number, or a US taxpayer number it is mistaken for.
const EIN_WORDS: &[&str] = &[
    "ein",
    "ssn",
    "social security",
    "fein",
    "employer identification",
    "employer id",
    "tax id",
    "taxpayer id",
    "tax identification",
    "federal tax",
    "tin",
];

/// Whether the span has the layout of a US Employer Identification Number, `NN-NNNNNNN`
/// (`06-1360220`, the layout of Rome's and Milan's numbers in [`it`]), and a word naming one
/// stands near it: then it is that number, not a phone.
fn is_named_ein(hay: &Hay<'_>, s: &Shape, start: usize, end: usize) -> bool {
    !s.plus
        && s.lens() == [2, 7]
        && s.seps[1] == b'-'
        && !s.paren[0]
        && has_context_near(hay, start, end, EIN_WORDS)
}

/// Whether a currency sign or word sits right before or after the span (amounts written with
/// space or dash grouping).
fn near_amount(text: &str, start: usize, end: usize) -> bool {
    let text = Table(text);
    const SIGNS: &[char] = &['€', '$', '£', '¥', '₹', '₽', '%'];
    const WORDS: &[&str] = &[
        "eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "chf", "inr", "rs", "rupees",
        "brl", "reais", "pesos", "kr", "sek", "nok", "dkk", "pln", "yen", "pounds", "r$",
    ];
    let after = text[end..].trim_start_matches(' ');
    if after.starts_with(SIGNS) {
        return true;
    }
    let is_amount_word = |word: &str| {
        WORDS.iter().any(|w| {
            word.chars()
                .flat_map(crate::normalize::lower_char)
                .eq(w.chars())
        })
    };
    let in_word = |c: char| c.is_alphanumeric() || c == '$';
    // The first (last) up to eight word characters after (before) the span, as slices of `text`.
    let word_end = after
        .char_indices()
        .take_while(|&(_, c)| in_word(c))
        .take(8)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if is_amount_word(after.get(..word_end).unwrap_or_default()) {
        return true;
    }
    let before = text[..start].trim_end_matches(' ');
    if before.ends_with(SIGNS) {
        return true;
    }
    let tail_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_word(c))
        .take(8)
        .last()
        .map_or(before.len(), |(i, _)| i);
    is_amount_word(before.get(tail_start..).unwrap_or_default())
}

/// Whether one of `words` occurs within 64 bytes before or 32 bytes after the span (the same
/// window the context scorer uses). The scan reads it off the hay (see [`has_context_near`]); the
/// tests compare the two.
#[cfg(test)]
pub(crate) fn has_context(text: &str, start: usize, end: usize, words: &[&str]) -> bool {
    has_context_within(text, start, end, 64, 32, words)
}

/// [`has_context`] for a span of the text of `hay`, read off the hay's context-word index (see
/// [`crate::detect::mentions`]) where it can answer: for a list it holds, in ASCII text without
/// brackets. Elsewhere each side's window is searched.
pub(crate) fn has_context_near(
    hay: &Hay<'_>,
    start: usize,
    end: usize,
    words: &'static [&'static str],
) -> bool {
    has_context_near_within(hay, start, end, 64, 32, words)
}

/// [`has_context_within`] for a span of the text of `hay`, read off the hay's context-word index
/// where it can answer (see [`has_context_near`]).
pub(crate) fn has_context_near_within(
    hay: &Hay<'_>,
    start: usize,
    end: usize,
    before: usize,
    after: usize,
    words: &'static [&'static str],
) -> bool {
    let text = hay.text;
    let from = floor_boundary(text, start.saturating_sub(before));
    let to = ceil_boundary(text, end.saturating_add(after).min(text.len()));
    let (Some(pre), Some(post)) = (text.get(from..start), text.get(end..to)) else {
        return false;
    };
    let mentions = hay.mentions();
    let side = |window: core::ops::Range<usize>, part: &str| match mentions
        .and_then(|m| m.first_listed(text, window, words, core::iter::empty()))
    {
        Some(first) => first.is_some(),
        None => has_word(part, words),
    };
    side(from..start, pre) || side(end..to, post)
}

/// Whether one of `words` occurs within `before` bytes before or `after` bytes after the span.
pub(crate) fn has_context_within(
    text: &str,
    start: usize,
    end: usize,
    before: usize,
    after: usize,
    words: &[&str],
) -> bool {
    let from = floor_boundary(text, start.saturating_sub(before));
    let to = ceil_boundary(text, end.saturating_add(after).min(text.len()));
    let (Some(pre), Some(post)) = (text.get(from..start), text.get(end..to)) else {
        return false;
    };
    // One side at a time: the text after is not lowercased when a word stands before.
    has_word(pre, words) || has_word(post, words)
}

/// Whether one of `words` occurs as a word in `window` lowercased, redaction placeholders blanked.
fn has_word(window: &str, words: &[&str]) -> bool {
    // A redaction placeholder's kind name (`[MAC_ADDRESS_1] 4527d37ad70c`) is no context word:
    // redacted text has to scan as the original did.
    if memchr::memchr2(b'[', b']', window.as_bytes()).is_some() {
        let low = crate::detect::context::without_placeholders(window);
        return words.iter().any(|w| contains_word(&low, w));
    }
    // Windows are short and usually ASCII: lowercased on the stack, without allocating.
    let mut buf = [0u8; 128];
    match ascii_lowercase_in(&mut buf, window) {
        Some(low) => words.iter().any(|w| contains_word(low, w)),
        None => {
            let low = crate::normalize::lower_str(window);
            words.iter().any(|w| contains_word(&low, w))
        }
    }
}

/// `text` lowercased in `buf` when it is ASCII and fits (what `to_lowercase` gives for ASCII).
fn ascii_lowercase_in<'b>(buf: &'b mut [u8], text: &str) -> Option<&'b str> {
    if !text.is_ascii() {
        return None;
    }
    let low = buf.get_mut(..text.len())?;
    low.copy_from_slice(text.as_bytes());
    low.make_ascii_lowercase();
    core::str::from_utf8(low).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    fn rules(text: &str) -> Vec<&'static str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter().map(|c| c.rule).collect()
    }

    // Numbers below are synthetic: fictional ranges (NANP 555, Ofcom drama numbers 020 7946 0xxx,
    // 07700 900xxx, 0161 496 0xxx) or shapes generated with faker; none is a real subscriber.

    /// The search through the hay's index finds what searching each window finds, at every
    /// number, word with a digit and IP candidate of the eval texts, corpus and haystacks.
    #[test]
    fn context_near_a_span_is_found_as_each_window_search_finds_it() {
        let mut texts = crate::detect::needs_tests::texts();
        texts.push("myhost:x 192.0.2.1ip, [ip] 10.0.0.1 servers ip".into());
        texts.push(format!("{}host 192.0.2.1 xip", "a".repeat(61)));
        let (mut compared, mut near) = (0, 0);
        for text in &texts {
            let view = crate::normalize::Normalized::new(text);
            let hay = Hay::new(view.text());
            let mut spans: Vec<(usize, usize)> =
                hay.numbers.iter().map(|r| (r.start, r.end)).collect();
            spans.extend(hay.words.iter().map(|w| (w.start, w.end)));
            let mut ips = Vec::new();
            super::super::ip::scan(&hay, &mut ips);
            spans.extend(ips.iter().map(|c| (c.start, c.end)));
            for (start, end) in spans {
                for words in [super::super::ip::CONTEXT, CONTEXT, CONTRARY_WORDS] {
                    let want = has_context(hay.text, start, end, words);
                    assert_eq!(
                        has_context_near(&hay, start, end, words),
                        want,
                        "{:?} at {start}..{end}",
                        hay.text
                    );
                    assert_eq!(
                        has_context_near_within(&hay, start, end, UNPLANNED_BEFORE, 0, words),
                        has_context_within(hay.text, start, end, UNPLANNED_BEFORE, 0, words),
                        "{:?} at {start}..{end}",
                        hay.text
                    );
                    compared += 1;
                    near += usize::from(want);
                }
            }
        }
        assert!(
            compared > 10_000 && near > 500,
            "{compared} compared, {near} near"
        );
    }

    /// [`country`] as it was: a binary search of the sorted table, for each code length.
    fn country_by_search(d: &[u8]) -> Option<(usize, u8, u8)> {
        (1..=3).find_map(|k| {
            let cc = d.get(..k)?;
            let i = COUNTRIES
                .binary_search_by(|(c, _, _)| (c.len(), c.as_bytes()).cmp(&(k, cc)))
                .ok()?;
            COUNTRIES.get(i).map(|&(_, min, max)| (k, min, max))
        })
    }

    #[test]
    fn country_by_table_is_country_by_search() {
        let mut found = 0;
        for n in 0..10_000u32 {
            for width in 0..=4 {
                let digits = format!("{n:04}");
                let d = &digits.as_bytes()[4 - width..];
                assert_eq!(country(d), country_by_search(d), "{digits} {width}");
                found += usize::from(country(d).is_some());
            }
        }
        for d in [&b"4a"[..], b"a4", b"35x", b"1-", b""] {
            assert_eq!(country(d), country_by_search(d), "{d:?}");
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn country_table_is_sorted_by_length_then_digits() {
        for pair in COUNTRIES.windows(2) {
            let (a, b) = (pair[0].0, pair[1].0);
            assert!((a.len(), a) < (b.len(), b), "{a} before {b}");
        }
    }

    #[test]
    fn e164_numbers_with_country_lengths() {
        for (text, want) in [
            ("call +44 20 7946 0958 today", "+44 20 7946 0958"),
            ("+1 (555) 234-5678", "+1 (555) 234-5678"),
            ("+1-780-563-6083", "+1-780-563-6083"),
            ("tel +49 30 12345678", "+49 30 12345678"),
            ("+49 (0) 9141 777631", "+49 (0) 9141 777631"),
            ("+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
            ("+44(0)115 4960914", "+44(0)115 4960914"),
            ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
            ("+33 (0)1 41 63 60 83", "+33 (0)1 41 63 60 83"),
            ("+34 612 345 678", "+34 612 345 678"),
            ("+39 06 1234 5678", "+39 06 1234 5678"),
            ("+31 6 12345678", "+31 6 12345678"),
            ("+55 11 91234-5678", "+55 11 91234-5678"),
            ("+91 98765 43210", "+91 98765 43210"),
            ("+919876543210", "+919876543210"),
            ("+447700900123", "+447700900123"),
            ("0049 30 12345678", "0049 30 12345678"),
            ("001-841-393-4893x1234", "001-841-393-4893x1234"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        assert_eq!(rules("+44 20 7946 0958"), ["phone.e164"]);
    }

    /// A bracket around the whole number (a phone given after a name) is not parentheses around
    /// an area code: the number inside is found as it is without the bracket (synthetic numbers).
    #[test]
    fn numbers_in_brackets_are_found_as_without_them() {
        for (text, want) in [
            ("Next of kin: Jane Doe (888-961-5716)", "888-961-5716"),
            ("Jane Doe (+44 20 7946 0958)", "+44 20 7946 0958"),
            ("Hans Muster (030 12345678)", "030 12345678"),
            ("Jane Doe ((555) 234-5678)", "(555) 234-5678"),
            ("Next of kin: Jane Doe (+915787092032)", "+915787092032"),
            ("(+44 20 7946 0958)", "+44 20 7946 0958"),
            ("Tel. (01500) 080636", "(01500) 080636"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        // What is no phone without the bracket is none inside it.
        for text in [
            "(12.03.2024)",
            "(v1.2.3)",
            "(1234 5678 9012)",
            "(in 2024-2025)",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    /// In a CSV row a comma separates a formatted number from the fields around it; after a
    /// digit or two, or before more digits of a plain number, it is a decimal or thousands mark
    /// (synthetic numbers).
    #[test]
    fn a_comma_separates_a_formatted_number_from_the_fields_of_a_row() {
        for (text, want) in [
            ("jane,+44 20 7946 0958", "+44 20 7946 0958"),
            ("+44 20 7946 0958,192.0.2.4", "+44 20 7946 0958"),
            ("call 555-234-5678,jane@example.com", "555-234-5678"),
            (
                "DE89370400440532013000,030 1234 5678,192.0.2.4",
                "030 1234 5678",
            ),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        for text in [
            "Total 1,555-234-5678",
            "Scores: 0,555 234 5678",
            "row 9,555.234.5678,1",
            "amount 5551234567,89",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// An area code in brackets opens a number even right after other digits, as a house number
    /// or an IP address leaves them; a card number with a bracketed group is still none
    /// (synthetic numbers).
    #[test]
    fn an_area_code_in_brackets_after_other_digits_opens_a_number() {
        for (text, want) in [
            ("Esilastraat 554 (08) 7070 7314", "(08) 7070 7314"),
            ("Bitte an 1234 (0425) 892633 schicken", "(0425) 892633"),
            ("Tel. 12 (01500) 080636", "(01500) 080636"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        assert!(found("card 4012 (8888) 8888 1881").is_empty());
    }

    /// A number in brackets too long for an area code after a phone number is another number,
    /// not part of the phone's (synthetic numbers).
    #[test]
    fn a_long_number_in_brackets_after_a_phone_ends_it() {
        for (text, want) in [
            ("call 954.427.3791 (4245772591449)", "954.427.3791"),
            ("call +420 705 939 714 (4416452326824)", "+420 705 939 714"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn e164_rejects_bad_country_or_length() {
        for text in [
            "+44 20 7946 09581",  // 11-digit UK national number
            "+1 155 234 5678",    // NANP area code starting with 1
            "+1 911 234 5678",    // N11 area code
            "+999 1234 5678",     // unassigned country code
            "+33 0 12 34 56 78",  // national trunk 0 after the country code
            "+1234567",           // too short
            "+12345678901234567", // too long
            "3+12345678",
            "00669 074391",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn nanp_formats() {
        for (text, want) in [
            ("call (555) 123-4567 now", "(555) 123-4567"),
            ("(555)123-4567", "(555)123-4567"),
            ("555-123-4567", "555-123-4567"),
            ("555.123.4567", "555.123.4567"),
            ("206 269 0743", "206 269 0743"),
            ("1-800-555-0199", "1-800-555-0199"),
            ("1 (786) 834-4978", "1 (786) 834-4978"),
            ("(235) 337-4068 x124", "(235) 337-4068 x124"),
            ("206.269.0743x9150", "206.269.0743x9150"),
            ("reach me on 212-555-0123 ext. 45.", "212-555-0123 ext. 45"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        assert_eq!(rules("555-123-4567"), ["phone.nanp"]);
        // Area codes 0XX/1XX and N11, and weak groupings with exchange 0XX/1XX, are not NANP.
        for text in [
            "106-690-7439",
            "911-555-1234",
            "(411) 555-1234",
            "555 123 4567",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn compact_numbers_need_context() {
        assert!(found("5552345678").is_empty());
        assert_eq!(found("call me 5552345678"), ["5552345678"]);
        assert!(found("0612345678").is_empty());
        assert_eq!(found("mon portable: 0612345678"), ["0612345678"]);
        assert_eq!(found("Handy 015112345678"), ["015112345678"]);
        assert_eq!(found("móvil 612345678"), ["612345678"]);
        assert_eq!(found("cellulare 3471234567"), ["3471234567"]);
        // Area code 123: no plan's number, yet a number given to be called (see `unplanned`).
        assert_eq!(rules("call 1234567890"), ["phone.context"]);
        assert!(found("1234567890").is_empty());

        // Someone's own number, in seven languages (synthetic numbers).
        assert_eq!(found("Mon numéro est le 0749604537."), ["0749604537"]);
        assert_eq!(found("Meine Nummer: 015112345678"), ["015112345678"]);
        assert_eq!(found("my number is 5552345678"), ["5552345678"]);
        assert_eq!(found("mi número es 612345678"), ["612345678"]);
        assert_eq!(found("il mio numero è 3471234567"), ["3471234567"]);
        assert_eq!(found("mijn nummer is 0612345678"), ["0612345678"]);
        assert_eq!(found("call me on 00972590339075"), ["00972590339075"]);
        assert_eq!(rules("Tel.: 00972590339075"), ["phone.e164"]);
        assert_eq!(found("o meu número é 912345678"), ["912345678"]);
        assert!(found("order number 0749604537").is_empty());
        assert!(found("mon numéro de commande est 0749604537").is_empty());
    }

    /// An order word nearby does not make a reference of a number written as only telephone
    /// numbers are (a `+`, a parenthesised area code, an extension); a plainly grouped number
    /// after one stays a reference (synthetic numbers).
    #[test]
    fn telephone_only_shapes_survive_order_words() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        let phones = |text: &str| -> Vec<String> {
            pipeline(text)
                .into_iter()
                .filter(|(kind, _)| *kind == Kind::Phone)
                .map(|(_, value)| value.to_string())
                .collect()
        };
        for number in [
            "(415) 555-0134",
            "415.555.0134x5260",
            "+1 415 555 0134",
            "415-555-0134 ext. 12",
        ] {
            let text = format!(
                "I placed an online order but got no message on my registered {number}. Help?"
            );
            assert_eq!(phones(&text), [number], "{text}");
        }
        not_reported(
            Kind::Phone,
            &["Order 415-555-0134 has shipped.", "order 415 555 0134"],
        );
        let text = "Please stop sending messages to 4155550134.";
        assert_eq!(phones(text), ["4155550134"], "{text}");
    }

    /// Shapes faker writes that no numbering plan assigns (synthetic): reported next to a phone
    /// word, never without one or next to a reference word.
    #[test]
    fn numbers_no_plan_assigns_need_a_phone_word() {
        for (number, why) in [
            ("(187) 380-6956", "area code 1XX"),
            ("+1 (150) 889-9579", "area code 1XX after +1"),
            ("715.511.2469", "exchange N11"),
            ("(698) 311-4108 x514", "exchange N11, extension"),
            ("1-136-803-8790", "area code 1XX after 1-"),
            ("001-568-311-7320x60011", "exchange N11 after 001"),
            ("21 0897-4464", "Brazilian subscriber number opening with 0"),
            ("35098683498", "eleven-digit Italian mobile"),
            (
                "00932 081967",
                "a trunk 0 before an area code opening with 0",
            ),
            (
                "(0075)-364556",
                "a trunk 0 before an area code opening with 0",
            ),
            (
                "+49(0)0339 621723",
                "area code opening with 0 after the trunk",
            ),
            (
                "+31(0)03-0620278",
                "area code opening with 0 after the trunk",
            ),
            ("+91 0793094930", "trunk 0 after the country code"),
        ] {
            for text in [
                format!("You can call me at {number} tomorrow."),
                format!("My phone number is {number}"),
                format!("Reach me on {number}, thanks!"),
            ] {
                assert_eq!(found(&text), [number], "{why}: {text}");
                assert_eq!(rules(&text), ["phone.context"], "{why}: {text}");
            }
            for text in [
                format!("Please note {number} for the record."),
                format!("Call us about order {number}."),
                format!("Phone support: invoice {number}"),
                format!("{number} is what my phone shows"),
                format!("My phone showed an error yesterday, about {number}."),
            ] {
                assert!(found(&text).is_empty(), "{why}: {text}: {:?}", found(&text));
            }
        }
        for text in [
            "call me on 2024 05 06",      // a date
            "call 192.168.100.200",       // an IPv4 address
            "call 1 2 3 4 5 6 7 8 9",     // single digits
            "phone 12 345 678 901 234 5", // six groups
            "phone 1234567",              // seven digits
            "phone 20240315",             // eight digits that read as a date
            "phone 2024-2025",            // a span of years
            "phone 12 345 678",           // an amount in thousands
            "phone 1 23 45 67 8",         // eight digits in no phone layout
            "phone 1234567890123",        // thirteen digits
            "call 555 123 4567 €",        // an amount
            "call me: +999 1234 5678",    // no such country code
            "call me on 817-10-2274",     // a US SSN's layout
            "call me on 81493-7289",      // a ZIP+4 code's layout
            "call me on 3273-8288-3075",  // groups of four
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// Eight-digit numbers (Norway, Denmark, the Baltics, Australian locals, Swedish `08-…`) in
    /// Faker's layouts, after a phone word only (synthetic digits).
    #[test]
    fn eight_digit_numbers_after_a_phone_word() {
        for number in [
            "26018159",
            "91 41 77 76",
            "981 24 158",
            "9603 0824",
            "08-26 01 81",
            "0800 76 01",
            "1895-5597",
        ] {
            for text in [
                format!("Ring meg på {number}."),
                format!("Mit telefonnummer er {number}"),
                format!("Tlf.: {number}"),
                format!("My phone number is {number}"),
            ] {
                assert_eq!(found(&text), [number], "{text}");
                assert_eq!(rules(&text), ["phone.context"], "{text}");
            }
            for text in [
                format!("Please note {number} for the record."),
                format!("Phone order {number}"),
                format!("Tlf. ordre {number}"),
                format!("{number} is what my phone shows"),
            ] {
                assert!(found(&text).is_empty(), "{text}: {:?}", found(&text));
            }
        }
    }

    /// A country code written in parentheses with its `+`: `+(370) …` (Lithuania, Latvia) and
    /// `(+358) …` (Finland, Greece, Colombia), the latter also before the trunk 0 (synthetic
    /// digits).
    #[test]
    fn country_code_in_parentheses() {
        for (number, rule) in [
            ("+(370) 61234567", "phone.e164"),
            ("+(371) 26018159", "phone.e164"),
            ("(+358) 091390996", "phone.e164"),
            ("(+358) 40 123 4567", "phone.e164"),
            ("(+30) 2491 186252", "phone.e164"),
            ("(+57)3017066907", "phone.e164"),
        ] {
            for text in [format!("Call me at {number}."), number.to_string()] {
                assert_eq!(found(&text), [number], "{text}");
                assert_eq!(rules(&text), [rule], "{text}");
            }
        }
        // No such country code, or the wrong length for it.
        for text in ["Call +(999) 12345678", "Call (+370) 1234", "Call (+44) 12"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// Chinese, Japanese, Korean and Thai write numbers against the words around them, and say
    /// "phone" in their own script (synthetic digits).
    #[test]
    fn numbers_against_unspaced_scripts() {
        for (text, want) in [
            ("我的电话是15726018159。", "15726018159"),
            ("電話番号は070-8301-6613です。", "070-8301-6613"),
            ("제 전화번호는 053-260-1815입니다.", "053-260-1815"),
            ("โทร: 0 2318 6091", "0 2318 6091"),
            ("Το τηλέφωνό μου είναι 2109482199", "2109482199"),
            ("מספר הטלפון שלי 039093786", "039093786"),
            ("Мой телефон 8 812 415 86 83", "8 812 415 86 83"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        // Latin letters glued to digits still make another token.
        assert!(found("电话 ABC15726018159").is_empty());
    }

    /// `NN-NNNNNNN` is Rome's or Milan's layout and a US EIN's: with a word naming an EIN it is the
    /// EIN (synthetic digits; `06` and `46` are IRS campus prefixes in python-stdnum's
    /// stdnum/us/ein.dat).
    #[test]
    fn an_ein_named_as_one_is_no_phone() {
        for text in [
            "Our EIN is 06-1360220.",
            "Tel.: EIN 46-7399921",
            "Call about our employer identification number 06-1360220",
            "Federal tax ID: 06-1360220, phone on request",
            "Phone support asked for the FEIN 06-1360220",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(found("Chiamami allo 06-1360220"), ["06-1360220"]);
        assert_eq!(found("Tel. 06-1360220 (Roma)"), ["06-1360220"]);
    }

    #[test]
    fn european_national_formats() {
        for (text, want, rule) in [
            ("020 7946 0958", "020 7946 0958", "phone.uk"),
            ("07700 900123", "07700 900123", "phone.uk"),
            ("(0161) 496 0000", "(0161) 496 0000", "phone.uk"),
            ("(01632) 960391", "(01632) 960391", "phone.uk"),
            ("06 12 34 56 78", "06 12 34 56 78", "phone.fr"),
            ("01.23.45.67.89", "01.23.45.67.89", "phone.fr"),
            ("06-12345678", "06-12345678", "phone.nl"),
            ("020 123 4567", "020 123 4567", "phone.nl"),
            ("(0406)-812415", "(0406)-812415", "phone.nl"),
            ("030 12345678", "030 12345678", "phone.de"),
            ("030/1234567", "030/1234567", "phone.de"),
            ("0171 1234567", "0171 1234567", "phone.de"),
            ("0151 1234 5678", "0151 1234 5678", "phone.de"),
            ("(03449) 78690", "(03449) 78690", "phone.de"),
            // Austria: a four-digit area code and eight more digits (13 with the 0).
            ("02239 09960 308", "02239 09960 308", "phone.de"),
            ("(03409) 55972 979", "(03409) 55972 979", "phone.de"),
            ("03572/80385280", "03572/80385280", "phone.de"),
            ("0316 12345 678", "0316 12345 678", "phone.de"),
            // Hungary: trunk 06, an area code of one or two digits.
            ("06-1/237 8991", "06-1/237 8991", "phone.hu"),
            ("06-30/123 4567", "06-30/123 4567", "phone.hu"),
            ("06-30/123-4567", "06-30/123-4567", "phone.hu"),
            ("(06)30/123-4567", "(06)30/123-4567", "phone.hu"),
            ("06 30 123 4567", "06 30 123 4567", "phone.hu"),
            ("612 345 678", "612 345 678", "phone.es"),
            ("91 123 45 67", "91 123 45 67", "phone.es"),
            ("221 668 064", "221 668 064", "phone.pt"),
            ("253-123-456", "253-123-456", "phone.pt"),
            ("347 123 4567", "347 123 4567", "phone.it"),
            ("02 12345678", "02 12345678", "phone.it"),
            ("02 6513614", "02 6513614", "phone.it"),
            ("06-6513614", "06-6513614", "phone.it"),
            ("(11) 91234-5678", "(11) 91234-5678", "phone.br"),
            ("11 3456-7890", "11 3456-7890", "phone.br"),
            ("42 9797-1147", "42 9797-1147", "phone.br"),
            ("11 97028 0935", "11 97028 0935", "phone.br"),
            ("(21) 97028 0935", "(21) 97028 0935", "phone.br"),
            ("98765 43210", "98765 43210", "phone.in"),
        ] {
            assert_eq!(found(text), [want], "{text}");
            assert_eq!(rules(text), [rule], "{text}");
        }
    }

    #[test]
    fn sentences_in_several_languages() {
        assert_eq!(
            found("Ruf mich an unter 0171 1234567 oder +49 30 12345678."),
            ["0171 1234567", "+49 30 12345678"]
        );
        assert_eq!(
            found("Mon numéro : 06 12 34 56 78, merci"),
            ["06 12 34 56 78"]
        );
        assert_eq!(found("Mi teléfono es 612 34 56 78."), ["612 34 56 78"]);
        assert_eq!(found("Il mio cellulare è 347 1234567"), ["347 1234567"]);
        assert_eq!(found("Bel me op 06-12345678!"), ["06-12345678"]);
        assert_eq!(found("Meu celular: (11) 91234-5678"), ["(11) 91234-5678"]);
        assert_eq!(
            found("on 01.05.2024 call 555-123-4567 or 555-987-6543"),
            ["555-123-4567", "555-987-6543"]
        );
        assert_eq!(found("2024-05-01 555-123-4567 2 times"), ["555-123-4567"]);
    }

    /// Compact national numbers (no grouping) need a phone word: the contact label of a
    /// signature or a CRM line and the verbs "call me" and "reach me" in German, Italian and Dutch
    /// count (synthetic numbers).
    #[test]
    fn compact_numbers_after_contact_labels_and_call_verbs() {
        for (text, want) in [
            (
                "Kontakt: Jan Krein | 0425726510 | jan@example.org",
                "0425726510",
            ),
            ("Contatto: Ada Neri | 3510730475", "3510730475"),
            ("Contato: Ana Costa | 939820660", "939820660"),
            ("Potete chiamarmi al 3926890524", "3926890524"),
            ("Rufen Sie mich bitte unter 0316969385 zurück", "0316969385"),
            ("U kunt mij bereiken op 0612345678", "0612345678"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
        assert!(found("Lettura contatore 3926890524").is_empty());
        assert!(found("O contatore 939820660").is_empty());
    }

    /// The phones the whole engine reports in `text`.
    fn phones(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::pipeline(text)
            .into_iter()
            .filter(|&(kind, _)| kind == Kind::Phone)
            .map(|(_, span)| span)
            .collect()
    }

    #[test]
    #[cfg(feature = "person")]
    fn numbers_alone_on_a_line_of_a_signature_block() {
        // Names, firms and numbers made up in Faker's shapes; none is a real subscriber.
        for (text, want) in [
            (
                "Best regards,\nCindy Scott\nBuilding services engineer\nHarrison-Leblanc\n481.766.3292x921",
                "481.766.3292x921",
            ),
            (
                "Best regards,\nBrinda Chandra\nVideo editor\nPrabhu-Sachdeva\n05094889804",
                "05094889804",
            ),
            ("Thanks,\nJane Doe\n7213632491", "7213632491"),
            (
                "Kind regards,\nMr Henry Marshall\nPensions consultant\nDavidson, Rowley and Parker\n01144960357",
                "01144960357",
            ),
            (
                "Cordiali saluti,\nDott. Alfredo Gentili\nBoito s.r.l.\n329735531",
                "329735531",
            ),
            (
                "Mit freundlichen Grüßen\nErika Mustermann\nMusterfirma GmbH\n015123456789\n",
                "015123456789",
            ),
            (
                "Cordiali saluti,\r\nAda Neri\r\nStudio Neri\r\n  3510730475  \r\n",
                "3510730475",
            ),
        ] {
            assert_eq!(phones(text), [want], "{text}");
            let found = rules(text);
            assert!(!found.is_empty(), "{text}: the scanner passes it over");
        }
        // The sign-off's word explains the score.
        let text = "Best regards,\nJane Doe\nAcme Ltd\n0802479752";
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        let support = crate::detect::context::Support::only(CONTEXT);
        let (_, hit) = crate::detect::context::apply(text, out[0], support, false).unwrap();
        assert_eq!(hit.map(|h| h.word), Some("regards"));
    }

    #[test]
    fn signature_blocks_give_no_other_number_as_a_phone() {
        for text in [
            // No name under the sign-off: the last line of a message about a number.
            "Thanks,\n0802479752",
            "Thanks!\n\n0802479752",
            "Thanks for the call with\nDr. Jane Doe\n0802479752",
            // A blank line ends the block; so do more lines than a signature has.
            "Best regards,\nJane Doe\n\n0802479752",
            "Best regards,\nJane Doe\nAcme Ltd\nUnit 4\nHigh Street\nLondon\n0802479752",
            // The number is not alone on its line, or a reference's label stands above it.
            "Best regards,\nJane Doe\nRef 0802479752",
            "Best regards,\nJane Doe\nAcme Ltd\nOrder number:\n0802479752",
            "Viele Grüße\nErika Mustermann\nKundennummer\n015123456789",
            // Postcodes, VAT numbers, dates and amounts alone on a line are no phone numbers.
            "Best regards,\nJane Doe\nAcme GmbH\n10115",
            "Best regards,\nJane Doe\nAcme GmbH\nDE123456789",
            "Best regards,\nJane Doe\nAcme GmbH\n2024-03-15",
            "Best regards,\nJane Doe\nAcme GmbH\n1234",
            // A sign-off too far above (a long block).
            "Best regards,\nJane Doe\nAn exceptionally long job title that goes on and on and on\nAnd a firm whose name is just as long as the title above\n0802479752",
            // A number alone on a line with no sign-off above.
            "Jane Doe\nAcme Ltd\n0802479752",
        ] {
            assert!(phones(text).is_empty(), "{text}: {:?}", phones(text));
        }
    }

    #[test]
    fn every_field_of_a_contact_row() {
        // Synthetic names, firms and numbers; the number stands beyond a phone word's reach.
        let firm = "Harrison-Leblanc Building Services and Facilities Management Ltd";
        for text in [
            format!("Contact: Mary Anderson | {firm} | 0802479752 | mary@example.net"),
            format!("Kontakt : Blanka Geißler | {firm} | 015123456789"),
            format!("Contatto: Ada Neri | {firm} | 3510730475\nNext row"),
        ] {
            assert_eq!(phones(&text).len(), 1, "{text}");
        }
        for text in [
            // Not a whole field, not a contact row, or no colon after the label.
            format!("Contact: Mary Anderson | {firm} | ref 0802479752"),
            format!("Contact: Mary Anderson | {firm} | 0802479752 EUR"),
            format!("Order: 4411 | {firm} | 0802479752 | shipped"),
            format!("Contact Mary Anderson | {firm} | 0802479752"),
            format!("Contacts list | {firm} | 0802479752"),
            // Dates, amounts and numbers no plan assigns stay what they are.
            format!("Contact: Mary Anderson | {firm} | 2024-03-15 | 3161-0030"),
        ] {
            assert!(phones(&text).is_empty(), "{text}: {:?}", phones(&text));
        }
    }

    #[test]
    fn numbers_given_with_a_next_of_kin() {
        for (text, want) in [
            ("Next of kin: Nikita Mammen (6810454511)", "6810454511"),
            ("Next of kin: Charvi Bains (06561188788)", "06561188788"),
            ("Angehörige: Erika Muster (015123456789)", "015123456789"),
        ] {
            assert_eq!(phones(text), [want], "{text}");
        }
        // A number no plan assigns stays a number without a phone word right before it.
        for text in [
            "Next of kin: Colleen Russell (+1 (181) 045-4511)",
            "Next of kin: Robert Brown (128 822 8536)",
            "Next of kin: Jo Li (2071-8432)",
            "Next of kin: Jane Doe, born 1985-03-12",
        ] {
            assert!(phones(text).is_empty(), "{text}: {:?}", phones(text));
        }
    }

    #[test]
    fn hard_negatives() {
        for text in [
            "2024-05-01",
            "01/05/2024",
            "01.05.2024",
            "01 05 2024",
            "05/01/24",
            "12:30:45",
            "1,299.00",
            "12.50 €",
            "the price is 1 299 000 €",
            "budget 750 000 000 euros",
            "612 345 678 €",
            "$ 555-123-4567",
            "550e8400-e29b-41d4-a716-446655440000",
            "123e4567-e89b-12d3-a456-426614174000",
            "12345678-1234-1234-1234-123456789012",
            "version 1.2.3.4",
            "192.168.100.200",
            "10.0.0.1",
            "ISBN 978-3-16-148410-0",
            "ISBN 0-306-40615-2",
            "12345678901234",
            "4012 8888 8888 1881",
            "DE89 3704 0044 0532 0130 00",
            "NL91 ABNA 0417 1643 00",
            "Steuernummer 013/815/08153",
            "SSN 123-45-6789",
            "id=5551234567",
            "https://example.com/555-123-4567",
            "https://wa.me/4915112345678",
            "ORD-555-123-4567",
            "5551234567@example.com",
            "1714567890",
            "3.14159265358",
            "12.345.678",
            "1 912 345 678",
            "84.164.79.99",
            "ZIP 04363-5205",
            "04 6513614",
            "20 97028 0935",
            "11 87028 0935",
            "11 3456 7890",
            // Thirteen digits are Austrian only after a five-digit `0[2-7]xxx` group.
            "0301 23456 7890",
            "08123 45678 901",
            // `00` and a country code written without separators need a phone word.
            "00972590339075",
            // Hungarian shapes with a leading 0 in the area code or a wrong subscriber length.
            "06-0/237 8991",
            "06-1/237 89",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// [`scan`] as it reads without the shortcuts: every token lexed from the bytes and searched.
    fn scan_bytewise(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
        let bytes = hay.text.as_bytes();
        let mut covered = 0;
        let mut tok = Token::empty();
        for run in &hay.numbers {
            let start = token_start(bytes, run);
            if run.start < covered || start < covered {
                continue;
            }
            if !lex(bytes, start, &mut tok) {
                covered = run.end;
                continue;
            }
            let last = tok.groups[tok.n - 1];
            covered = tok.ext_end.unwrap_or(last.end + usize::from(last.paren));
            let formatted = tok.plus || tok.n > 1;
            if start_ok(hay.text, start, formatted)
                && end_ok(hay.text, covered, formatted)
                && enough_digits(bytes, &tok)
            {
                find_in(hay, &tok, out);
            }
        }
    }

    #[test]
    fn reading_tokens_from_the_runs_finds_what_lexing_the_bytes_finds() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "4",
            "7",
            "9",
            "00",
            "44",
            "555",
            "0123",
            "20",
            " ",
            "-",
            ".",
            "/",
            "(",
            ")",
            "+",
            "x",
            "ext ",
            "a",
            "é",
            ",",
            "  ",
            "+44 ",
            "(0)",
            "07700 900",
            "123",
            "12345",
            "+1 555 ",
            "(555) ",
            "555-0123",
            "0161 496 0",
            "7946 0958",
            "06 12 34 56 78",
        ];
        let texts = crate::detect::builtin::shape::testing::random_texts(PIECES, 30_000, 60);
        let mut phones = 0;
        for text in &texts {
            let hay = Hay::new(text);
            let (mut fast, mut plain) = (Vec::new(), Vec::new());
            scan(&hay, &mut fast);
            scan_bytewise(&hay, &mut plain);
            assert_eq!(fast, plain, "{text:?}");
            phones += fast.len();
        }
        assert!(phones > 1000, "{phones}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "+",
            "(",
            "()",
            "(1",
            "+(",
            "+1 (",
            "1 (2",
            "((555)) 1",
            "+44 (0) (0)20",
            "x",
            "1x",
            "1 ext",
            "1 ext.",
            "+1 x5",
            "(555)",
            "9)",
            "1-2-3-4-5-6-7-8-9-10-11-12-13-14-15",
            "999999999999999999999999999999999999999999999999",
        ] {
            let _ = found(text);
        }
    }
}

//! Names shown with their e-mail address: an RFC 5322 display name (`Jane Doe
//! <jane.doe@example.com>`, `"Jane Doe" <…>`), a name and its address after a comma (`Jane Doe,
//! jdoe@example.com`), or an address with the name in parentheses after it (`jdoe@example.com
//! (Jane Doe)`).
//!
//! The address is evidence when its local part spells the name: a word of it (`jane.doe`,
//! `doe.jane`, `jane_d`) or one word or its initial joined to another word (`jdoe`, `janed`,
//! `janedoe`), compared ASCII-case-insensitively with the name's letters folded to ASCII
//! (`Müller` as `mueller` or `muller`). A name of two words or more right before an address in
//! angle brackets or parentheses (or right after one, in parentheses) is a display name even
//! when the local part does not spell it, unless the local part names a desk or a robot
//! (`info@`, `support@`, `noreply@`) or the domain repeats a word of the name (`Deutsche Bahn
//! <info@bahn.de>`, `Google Calendar <calendar-notification@google.com>`): a firm's or a
//! product's sender. After a comma, only a spelled name counts. Firms (`names_a_company`) and
//! names that end at a stop word (`Acme Support <…>`) are no names here either.
//!
//! The e-mail recognizer, which finds the addresses, asks [`around_address`] for the name shown
//! with each (a person candidate from it goes through the person kind's policy): the text is
//! read once for `@`. A name before its address starts at most [`NAME_WORDS`]
//! whitespace-delimited words before it, each a capitalised word, an initial, a particle or a
//! title: the stream redactor holds such words before the word it holds for the address (see
//! `stream`), so it never emits a name's first words before the address that reveals it arrives.

use super::{
    is_full_name, names_a_company, parse_name, skip_blanks, skip_blanks_back, skip_quote, Found,
    Name, DOTTED_TITLES, PARTICLES, RULE_DISPLAY, TITLES,
};
use crate::detect::builtin::words::{in_list, in_packed, is_capitalised};
use crate::table::Table;

/// The most whitespace-delimited words a name before its address may span.
pub(crate) const NAME_WORDS: usize = 4;

/// Local parts (their first word) that name a desk, a list or a robot rather than a person.
const DESK_LOCALS: &[&str] = &[
    "info",
    "support",
    "help",
    "helpdesk",
    "hello",
    "hi",
    "contact",
    "kontakt",
    "contacto",
    "contato",
    "contatto",
    "sales",
    "team",
    "service",
    "services",
    "billing",
    "invoice",
    "invoices",
    "accounts",
    "account",
    "admin",
    "office",
    "mail",
    "news",
    "newsletter",
    "notifications",
    "notification",
    "notify",
    "alerts",
    "updates",
    "orders",
    "order",
    "shop",
    "store",
    "jobs",
    "careers",
    "hr",
    "press",
    "media",
    "marketing",
    "feedback",
    "security",
    "privacy",
    "webmaster",
    "postmaster",
    "mailer",
    "no",
    "do",
    "noreply",
    "donotreply",
    "reply",
    "bounce",
    "kundenservice",
    "servicio",
    "atendimento",
    "assistenza",
    "klantenservice",
    "rechnung",
    "bestellung",
    "commande",
    "facturation",
    "reservations",
    "booking",
    "bookings",
];

/// An e-mail address in a text: where its local part starts, its `@` and its end.
#[derive(Clone, Copy)]
struct Address {
    start: usize,
    at: usize,
    end: usize,
}

/// Reports the name shown with the e-mail address at `start..end` of `text` (its `@` at `at`),
/// if there is one: the e-mail recognizer, which finds the addresses, calls this for each.
pub(crate) fn around_address(
    text: &str,
    start: usize,
    at: usize,
    end: usize,
    out: &mut Vec<crate::detect::Candidate>,
) {
    let bytes = Table(text.as_bytes());
    let address = Address { start, at, end };
    // Most addresses stand in prose, with neither a bracket nor a comma before them nor a
    // parenthesis after them: two bytes or so decide.
    let found = match start.checked_sub(1).map(|i| bytes[i]) {
        Some(b'<' | b'(') => name_before(text, start - 1, address, false),
        Some(b' ') => {
            let j = skip_blanks_back(text, start);
            if j > 0 && bytes[j - 1] == b',' {
                name_before(text, j - 1, address, true)
            } else {
                None
            }
        }
        _ => None,
    };
    let found = found.or_else(|| {
        let mut i = end;
        if matches!(bytes.get(i), Some(b'>' | b')')) {
            i += 1;
        }
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        (bytes.get(i) == Some(&b'('))
            .then(|| name_after(text, i, address))
            .flatten()
    });
    if let Some(f) = found {
        out.push(crate::detect::Candidate {
            kind: crate::Kind::Person,
            start: f.start,
            end: f.end,
            score: crate::Score::from_milli(f.milli),
            rule: f.rule,
            validated: false,
        });
    }
}

/// True when a whitespace-delimited word may be part of a name shown before its address: a
/// capitalised word or an initial (`Jane`, `J.`, `"Jane`, `Doe,`), a particle (`van`) or a
/// title (`dipl.-ing.`). The stream redactor holds up to `NAME_WORDS - 1` such words before a
/// held word.
pub(crate) fn may_be_name_word(word: &str) -> bool {
    let word = word
        .trim_start_matches(['"', '\'', '\u{201C}', '\u{AB}'])
        .trim_end_matches([',', '"', '\'', '\u{201D}', '\u{BB}']);
    if word.is_empty()
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    {
        return false;
    }
    let bare = word.trim_end_matches('.');
    word.starts_with(char::is_uppercase)
        || is_capitalised(bare)
        || in_list(PARTICLES, bare)
        || in_list(TITLES, bare)
        || bare
            .split(['.', '-'])
            .all(|p| p.is_empty() || in_list(DOTTED_TITLES, p))
}

/// A name ending at `end` (before `<`, `(` or a comma, blanks and a closing quote skipped) that
/// starts at most [`NAME_WORDS`] words back on its line, shown with `address`.
fn name_before(text: &str, end: usize, address: Address, comma: bool) -> Option<Found> {
    let bytes = Table(text.as_bytes());
    let mut e = skip_blanks_back(text, end);
    if e > 0 && bytes[e - 1] == b'"' {
        e -= 1;
    }
    // A name ends with a capitalised word (most text before an address does not).
    let last = bytes[..e]
        .iter()
        .rposition(|&b| b.is_ascii_whitespace() || b == b'"')
        .map_or(0, |p| p + 1);
    if !text.get(last..e)?.starts_with(char::is_uppercase) {
        return None;
    }
    let mut starts = [0usize; NAME_WORDS];
    let mut n = 0;
    let mut j = e;
    while n < NAME_WORDS {
        let ws = bytes[..j]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |p| p + 1);
        if ws == j {
            break;
        }
        starts[n] = ws;
        n += 1;
        if ws < 2 || bytes[ws - 1] != b' ' || bytes[ws - 2].is_ascii_whitespace() {
            break;
        }
        j = ws - 1;
    }
    // The longest name that ends right there.
    let name = starts[..n]
        .iter()
        .rev()
        .find_map(|&s| parse_name(text, skip_quote(text, s), false).filter(|name| name.end == e))?;
    // A capitalised word right before it makes the name the end of a longer phrase (`San
    // Olivia de la Montaña`, `Google Calendar`); a label (`From:`) does not.
    let before = bytes.get(..name.start).unwrap_or_default();
    let prev = before.strip_suffix(b" ").and_then(|b| {
        text.get(
            b.iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(0, |p| p + 1)..b.len(),
        )
    });
    if prev.is_some_and(|w| w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphabetic)) {
        return None;
    }
    judge(text, &name, address, !comma)
}

/// `jdoe@example.com (Jane Doe)`: a name in the parentheses opening at `open`, right after the
/// address.
fn name_after(text: &str, open: usize, address: Address) -> Option<Found> {
    let name = parse_name(text, skip_blanks(text, open + 1), false)?;
    if text.as_bytes().get(skip_blanks(text, name.end)) != Some(&b')') {
        return None;
    }
    judge(text, &name, address, true)
}

/// Whether `name`, shown with the address `local@domain`, is a person's: a name of two words or
/// more (particles aside) that opens no place name, and either the local part spells it or,
/// when `display`, no desk address or domain of a firm goes with it.
fn judge(text: &str, name: &Name, address: Address, display: bool) -> Option<Found> {
    let local = text.get(address.start..address.at)?;
    let domain = text.get(address.at + 1..address.end)?;
    let shown = text.get(name.start..name.end)?;
    if name.stopped || !is_full_name(shown) || names_a_company(text, name.start, name.end, false) {
        return None;
    }
    let milli = if spells(local, shown) {
        850
    } else if display && !names_a_desk(local) && !domain_repeats(domain, shown) {
        750
    } else {
        return None;
    };
    Some(Found {
        start: name.start,
        end: name.end,
        milli,
        rule: RULE_DISPLAY,
    })
}

/// Accented Latin letters (lower case) and, at the same position in [`FOLDED`], their ASCII
/// letter.
const ACCENTED: &str = "àáâãäåāąăçćčďđèéêëēęěìíîïīıłľñńňòóôõöøōőřśšşșťţțùúûüūůűýÿźżž";
const FOLDED: &[u8] = b"aaaaaaaaacccddeeeeeeeiiiiiillnnnoooooooorsssstttuuuuuuuyyzzz";

/// How `word` (a word of a name) spells the start of `ascii` (lowercase ASCII letters): how many
/// bytes of it match, and whether the whole word does. Letters compare case-insensitively with
/// accents folded (`é` as `e`), `ß`, `æ` and `œ` written out (`ss`, `ae`, `oe`) and German
/// umlauts with or without their `e` (`ü` as `u` or `ue`); other characters are skipped.
fn spelled(word: &str, ascii: &[u8]) -> (usize, bool) {
    let mut i = 0;
    for c in word.chars() {
        let c = crate::normalize::lower_char(c).next().unwrap_or(c);
        let (letter, then) = match c {
            'ß' => (b's', b's'),
            'æ' => (b'a', b'e'),
            'œ' => (b'o', b'e'),
            _ if c.is_ascii_lowercase() => (c as u8, 0),
            _ => match ACCENTED.chars().position(|a| a == c) {
                Some(k) => (FOLDED[k], 0),
                None => continue,
            },
        };
        if ascii.get(i) != Some(&letter) {
            return (i, false);
        }
        i += 1;
        let then = match c {
            'ä' | 'ö' | 'ü' | 'ø' if ascii.get(i) == Some(&b'e') => b'e',
            _ => then,
        };
        if then != 0 {
            if ascii.get(i) != Some(&then) {
                return (i, false);
            }
            i += 1;
        }
    }
    (i, true)
}

/// True when `word` spells all of `ascii`, two letters or more.
fn spells_all(word: &str, ascii: &[u8]) -> bool {
    ascii.len() >= 2 && spelled(word, ascii) == (ascii.len(), true)
}

/// The words of a shown name an address may spell: initials and particles left out.
fn spellable_words(shown: &str) -> impl Iterator<Item = &str> + Clone {
    shown
        .split([' ', '-'])
        .filter(|w| !w.ends_with('.') && !in_list(PARTICLES, w))
}

/// True when the local part `local` spells the name `shown`: one of its words is a word of the
/// name (`jane.doe`, `doe_j`), or all its letters are one word of the name or its initial
/// joined to another (`jdoe`, `janed`, `janedoe`, `doejane`).
fn spells(local: &str, shown: &str) -> bool {
    let lower = local.to_ascii_lowercase();
    let words = spellable_words(shown);
    if lower
        .as_bytes()
        .split(|b| !b.is_ascii_lowercase())
        .any(|segment| words.clone().any(|w| spells_all(w, segment)))
    {
        return true;
    }
    let joined: Vec<u8> = lower.bytes().filter(u8::is_ascii_lowercase).collect();
    words.clone().any(|a| {
        words.clone().any(|b| {
            a != b
                && (1..joined.len()).any(|k| {
                    let (head, tail) = joined.split_at(k);
                    // `janedoe`, `jdoe`
                    (spells_all(a, head) || k == 1 && spelled(a, head).0 == 1 && tail.len() >= 3)
                        && spells_all(b, tail)
                        // `janed`, `doej`
                        || k >= 3 && tail.len() == 1 && spells_all(a, head) && spelled(b, tail).0 == 1
                })
        })
    })
}

/// True when the local part names a desk, a list or a robot (`info`, `support-team`,
/// `noreply`, `no-reply`).
fn names_a_desk(local: &str) -> bool {
    let first = local
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    in_packed(packed!(DESK_LOCALS), first)
}

/// True when a label of the domain (its top level aside) starts or ends with a word of the name
/// of three letters or more: a firm's or a product's own address (`Deutsche Bahn
/// <info@bahn.de>`).
fn domain_repeats(domain: &str, shown: &str) -> bool {
    let lower = domain.to_ascii_lowercase();
    let top = lower.bytes().rposition(|b| b == b'.').unwrap_or(0);
    lower.as_bytes()[..top].split(|&b| b == b'.').any(|label| {
        spellable_words(shown).any(|w| {
            (0..label.len()).any(|k| {
                let (n, whole) = spelled(w, &label[k..]);
                whole && n >= 3 && (k == 0 || k + n == label.len())
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Synthetic names and example.com addresses.
    #[test]
    fn local_parts_that_spell_a_name() {
        for (local, name) in [
            ("jane.doe", "Jane Doe"),
            ("jdoe", "Jane Doe"),
            ("janed", "Jane Doe"),
            ("janedoe", "Jane Doe"),
            ("doe.jane", "Jane Doe"),
            ("jane_doe84", "Jane Doe"),
            ("doej", "Jane Doe"),
            ("mueller.k", "Karin Müller"),
            ("kmuller", "Karin Müller"),
            ("lucia.perez", "Lucía Pérez"),
        ] {
            assert!(spells(local, name), "{local} {name}");
        }
        for (local, name) in [
            ("info", "Jane Doe"),
            ("jd", "Jane Doe"),
            ("jsmith", "Jane Doe"),
            ("x", "Jane Doe"),
        ] {
            assert!(!spells(local, name), "{local} {name}");
        }
    }

    /// Every accented letter has its ASCII letter at the same position (the two tables were once
    /// two letters apart from `ù` on: `ý` read as `u`, `ż` as `y`). Synthetic names.
    #[test]
    fn accented_letters_fold_to_their_base_letter() {
        assert_eq!(ACCENTED.chars().count(), FOLDED.len());
        let base: String = ACCENTED
            .chars()
            .zip(FOLDED)
            .map(|(a, &f)| format!("{a}{}", f as char))
            .collect();
        assert_eq!(
            base,
            "àaáaâaãaäaåaāaąaăaçcćcčcďdđdèeéeêeëeēeęeěeìiíiîiïiīiıiłlľlñnńnňnòoóoôoõoöoøoōoőo\
             řrśsšsşsșsťtţtțtùuúuûuüuūuůuűuýyÿyźzżzžz"
        );
        assert!(spells("novy", "Jan Nový"));
        assert!(spells("zaneta.k", "Żaneta Kowalska"));
    }

    #[test]
    fn desks_and_firm_domains() {
        assert!(names_a_desk("no-reply"));
        assert!(names_a_desk("support.team"));
        assert!(!names_a_desk("jane.doe"));
        assert!(domain_repeats("bahn.de", "Deutsche Bahn"));
        assert!(domain_repeats("mail.google.com", "Google Calendar"));
        assert!(!domain_repeats("example.com", "Jane Doe"));
    }
}

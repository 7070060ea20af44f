//! The built-in recognizers, in priority order (earlier wins a tie in overlap resolution).

use super::Recognizer;
use crate::Kind;

mod address;
mod card;
mod email;
mod iban;
mod person;
mod words;

/// Every built-in recognizer.
pub(crate) static RECOGNIZERS: &[Recognizer] = &[
    Recognizer {
        kind: Kind::Email,
        context: email::CONTEXT,
        needs_context: false,
        scan: email::scan,
    },
    Recognizer {
        kind: Kind::CreditCard,
        context: card::CONTEXT,
        needs_context: false,
        scan: card::scan,
    },
    Recognizer {
        kind: Kind::Iban,
        context: iban::CONTEXT,
        needs_context: false,
        scan: iban::scan,
    },
    Recognizer {
        kind: Kind::Person,
        context: person::CONTEXT,
        needs_context: false,
        scan: person::scan,
    },
    Recognizer {
        kind: Kind::StreetAddress,
        context: address::CONTEXT,
        needs_context: false,
        scan: address::scan,
    },
];

/// The context table of the first recognizer of `kind`, for candidates a recognizer pushes under
/// another kind than its own.
pub(crate) fn context_for(kind: Kind) -> (&'static [&'static str], bool) {
    RECOGNIZERS
        .iter()
        .find(|r| r.kind == kind)
        .map_or((&[], false), |r| (r.context, r.needs_context))
}

/// Words that open a finding made of plain words (names, street addresses), lower case. The
/// stream redactor holds text around them until the finding is complete.
const TRIGGER_WORDS: &[&[&str]] = &[person::TRIGGER_WORDS, address::TRIGGER_WORDS];

/// True when `lower` (a lowercased word without surrounding punctuation) opens a finding that
/// may consist of plain words.
pub(crate) fn is_trigger_word(lower: &str) -> bool {
    TRIGGER_WORDS.iter().any(|list| list.contains(&lower))
}

/// True when the stream redactor treats the whitespace-delimited `word` as a trigger: it has a
/// digit, a non-ASCII character or one of the special characters, or is a trigger word. Mirrors
/// the stream module's rule, for tests of plain-word recognizers.
#[cfg(test)]
pub(crate) fn stream_trigger(word: &str) -> bool {
    if word
        .bytes()
        .any(|b| b.is_ascii_digit() || !b.is_ascii() || b"@+:=/_#$%&*[](){}<>|\\~".contains(&b))
    {
        return true;
    }
    let lower = word
        .trim_matches(|c: char| c.is_ascii_punctuation())
        .to_ascii_lowercase();
    is_trigger_word(&lower)
}

/// True when a finding at `start..end` of `text` is opened by a trigger the stream redactor sees
/// in time: one of the three whitespace-delimited words before it, or one of its own first four.
#[cfg(test)]
pub(crate) fn opened_by_trigger(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i > s {
            words.push((s, i));
        }
    }
    let Some(first) = words.iter().position(|&(_, e)| e > start) else {
        return false;
    };
    let last = words
        .iter()
        .rposition(|&(s, _)| s < end)
        .unwrap_or(first)
        .min(first + 3);
    words[first.saturating_sub(3)..=last]
        .iter()
        .any(|&(s, e)| stream_trigger(&text[s..e]))
}

#[cfg(test)]
mod tests {
    use crate::{Context, Guard, Policy};

    /// Every two-way split and byte-by-byte streaming of `text` equals one-shot redaction.
    fn assert_streams_like_one_shot(guard: &Guard, text: &str) {
        let expected = guard.check(text, &Context::default()).text;
        let stream = |chunks: &[&[u8]]| {
            let mut s = guard.stream(Context::default());
            let mut out = String::new();
            for c in chunks {
                s.push_bytes(c, &mut out);
            }
            s.finish(&mut out);
            out
        };
        let bytes = text.as_bytes();
        for split in 0..=bytes.len() {
            let (a, b) = bytes.split_at(split);
            assert_eq!(stream(&[a, b]), expected, "{text:?} split at {split}");
        }
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(stream(&singles), expected, "{text:?} byte by byte");
    }

    #[test]
    fn plain_word_findings_stream_like_one_shot() {
        let guard = Guard::new(Policy::default()).expect("builds");
        let prose = "Sure, here is how you reset the password in the settings page of the app. ";
        for text in [
            "Hi, my name is Jane Doe and I need help with my account.",
            "Thanks for your help.\n\nRegards,\nJane Doe",
            "Hi, this is Maria Lopez from Acme Logistics.",
            "Hoi, ik heet Jan van der Berg.",
            "Bonjour, je m'appelle Jean Dupont.",
            "Please forward this to Mr. Thompson.",
            "Cordiali saluti\nMario Rossi",
            "I live at 42 Oak Lane, near the park.",
            "La oficina está en Paseo de la Castellana 100",
            "Te espero en la calle de la Virgen de los Peligros 12",
            "Laan van Meerdervoort 5, Den Haag",
            "Ci vediamo in via della Vite 14",
            "Ons kantoor: Damrak 1, 1012 LG Amsterdam",
            "Endereço: Av. Paulista, 1578 - São Paulo",
            "Write to 10 Downing St, London SW1A 2AA today",
        ] {
            assert!(!guard.scan(text).is_empty(), "{text:?} finds nothing");
            assert_streams_like_one_shot(&guard, text);
            assert_streams_like_one_shot(&guard, &format!("{prose}{prose}{text} {prose}"));
        }
    }
}

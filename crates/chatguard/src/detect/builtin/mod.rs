//! The built-in recognizers, in priority order (earlier wins a tie in overlap resolution).

use super::Recognizer;
use crate::Kind;

mod card;
mod email;
mod iban;
mod secret;

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
        kind: Kind::Secret,
        context: secret::CONTEXT,
        needs_context: false,
        scan: secret::scan,
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
const TRIGGER_WORDS: &[&[&str]] = &[];

/// True when `lower` (a lowercased word without surrounding punctuation) opens a finding that
/// may consist of plain words.
pub(crate) fn is_trigger_word(lower: &str) -> bool {
    TRIGGER_WORDS.iter().any(|list| list.contains(&lower))
}

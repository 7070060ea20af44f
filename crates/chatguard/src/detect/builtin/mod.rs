//! The built-in recognizers, in priority order (earlier wins a tie in overlap resolution).

use super::Recognizer;
use crate::Kind;

mod at;
mod balkan;
mod baltic;
mod be;
mod card;
mod ch;
mod cz;
mod email;
mod iban;
mod idutil;
mod il;
mod pl;
mod tr;
mod vat;

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
        kind: Kind::PlPesel,
        context: pl::CONTEXT,
        needs_context: false,
        scan: pl::scan,
    },
    Recognizer {
        kind: Kind::BeNn,
        context: be::CONTEXT,
        needs_context: false,
        scan: be::scan,
    },
    Recognizer {
        kind: Kind::ChAhv,
        context: ch::CONTEXT,
        needs_context: false,
        scan: ch::scan,
    },
    Recognizer {
        kind: Kind::AtSvnr,
        context: at::CONTEXT,
        needs_context: false,
        scan: at::scan,
    },
    Recognizer {
        kind: Kind::BgEgn,
        context: balkan::EGN_CONTEXT,
        needs_context: false,
        scan: balkan::scan_egn,
    },
    Recognizer {
        kind: Kind::RoCnp,
        context: balkan::CNP_CONTEXT,
        needs_context: false,
        scan: balkan::scan_cnp,
    },
    Recognizer {
        kind: Kind::HrOib,
        context: balkan::OIB_CONTEXT,
        needs_context: true,
        scan: balkan::scan_oib,
    },
    Recognizer {
        kind: Kind::EeIk,
        context: baltic::EE_CONTEXT,
        needs_context: false,
        scan: baltic::scan_ee,
    },
    Recognizer {
        kind: Kind::LtAsmens,
        context: baltic::LT_CONTEXT,
        needs_context: false,
        scan: baltic::scan_lt,
    },
    Recognizer {
        kind: Kind::LvPk,
        context: baltic::LV_CONTEXT,
        needs_context: false,
        scan: baltic::scan_lv,
    },
    Recognizer {
        kind: Kind::CzRc,
        context: cz::CONTEXT,
        needs_context: false,
        scan: cz::scan,
    },
    Recognizer {
        kind: Kind::TrTckn,
        context: tr::CONTEXT,
        needs_context: false,
        scan: tr::scan,
    },
    Recognizer {
        kind: Kind::IlId,
        context: il::CONTEXT,
        needs_context: true,
        scan: il::scan,
    },
    Recognizer {
        kind: Kind::EuVat,
        context: vat::CONTEXT,
        needs_context: false,
        scan: vat::scan,
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

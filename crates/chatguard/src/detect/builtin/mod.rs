//! The built-in recognizers, in priority order (earlier wins a tie in overlap resolution).

use super::Recognizer;
use crate::Kind;

mod card;
mod de;
mod email;
mod es;
mod fr;
mod iban;
mod ie;
mod it;
mod natid;
mod nl;
mod nordic;
mod pt;
mod uk;
mod us;

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
    rec(Kind::UsSsn, us::SSN_CONTEXT, false, us::scan_ssn),
    rec(Kind::UsItin, us::ITIN_CONTEXT, false, us::scan_itin),
    rec(Kind::UsNpi, us::NPI_CONTEXT, true, us::scan_npi),
    rec(Kind::UsAbaRouting, us::ABA_CONTEXT, true, us::scan_aba),
    rec(Kind::UkNino, uk::NINO_CONTEXT, false, uk::scan_nino),
    rec(Kind::UkNhs, uk::NHS_CONTEXT, true, uk::scan_nhs),
    rec(Kind::EsDni, es::DNI_CONTEXT, false, es::scan_dni),
    rec(Kind::EsNie, es::NIE_CONTEXT, false, es::scan_nie),
    rec(Kind::ItFiscalCode, it::CF_CONTEXT, false, it::scan),
    rec(Kind::FrNir, fr::NIR_CONTEXT, false, fr::scan),
    rec(Kind::DeTaxId, de::TAX_ID_CONTEXT, true, de::scan),
    rec(Kind::NlBsn, nl::BSN_CONTEXT, true, nl::scan),
    rec(
        Kind::SePersonnummer,
        nordic::SE_CONTEXT,
        false,
        nordic::scan_se,
    ),
    rec(Kind::DkCpr, nordic::DK_CONTEXT, true, nordic::scan_dk),
    rec(Kind::FiHetu, nordic::FI_CONTEXT, false, nordic::scan_fi),
    rec(Kind::NoFnr, nordic::NO_CONTEXT, false, nordic::scan_no),
    rec(
        Kind::IsKennitala,
        nordic::IS_CONTEXT,
        false,
        nordic::scan_is,
    ),
    rec(Kind::PtNif, pt::NIF_CONTEXT, true, pt::scan),
    rec(Kind::IePps, ie::PPS_CONTEXT, false, ie::scan),
];

/// One table row: the kind, its context words, whether it needs one of them, and its scanner.
const fn rec(
    kind: Kind,
    context: &'static [&'static str],
    needs_context: bool,
    scan: fn(&super::Hay<'_>, &mut Vec<super::Candidate>),
) -> Recognizer {
    Recognizer {
        kind,
        context,
        needs_context,
        scan,
    }
}

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

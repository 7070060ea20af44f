//! The built-in recognizers, in priority order (earlier wins a tie in overlap resolution).

use super::Recognizer;
use crate::Kind;

mod asia;
mod au;
mod br;
mod ca;
mod card;
mod email;
mod iban;
mod imei;
mod india;
mod isin;
mod latam;
mod nz;
mod shape;
mod wallet;
mod za;

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
        kind: Kind::BrCpf,
        context: br::CPF_CONTEXT,
        needs_context: false,
        scan: br::scan_cpf,
    },
    Recognizer {
        kind: Kind::BrCpf,
        context: br::CPF_CONTEXT,
        needs_context: true,
        scan: br::scan_cpf_compact,
    },
    Recognizer {
        kind: Kind::BrCnpj,
        context: br::CNPJ_CONTEXT,
        needs_context: false,
        scan: br::scan_cnpj,
    },
    Recognizer {
        kind: Kind::BrCnpj,
        context: br::CNPJ_CONTEXT,
        needs_context: true,
        scan: br::scan_cnpj_compact,
    },
    Recognizer {
        kind: Kind::InAadhaar,
        context: india::AADHAAR_CONTEXT,
        needs_context: true,
        scan: india::scan_aadhaar,
    },
    Recognizer {
        kind: Kind::InPan,
        context: india::PAN_CONTEXT,
        needs_context: true,
        scan: india::scan_pan,
    },
    Recognizer {
        kind: Kind::AuTfn,
        context: au::TFN_CONTEXT,
        needs_context: true,
        scan: au::scan_tfn,
    },
    Recognizer {
        kind: Kind::AuAbn,
        context: au::ABN_CONTEXT,
        needs_context: true,
        scan: au::scan_abn,
    },
    Recognizer {
        kind: Kind::CaSin,
        context: ca::CONTEXT,
        needs_context: true,
        scan: ca::scan,
    },
    Recognizer {
        kind: Kind::MxCurp,
        context: latam::CURP_CONTEXT,
        needs_context: false,
        scan: latam::scan_curp,
    },
    Recognizer {
        kind: Kind::ClRut,
        context: latam::RUT_CONTEXT,
        needs_context: false,
        scan: latam::scan_rut,
    },
    Recognizer {
        kind: Kind::ClRut,
        context: latam::RUT_CONTEXT,
        needs_context: true,
        scan: latam::scan_rut_plain,
    },
    Recognizer {
        kind: Kind::ArCuit,
        context: latam::CUIT_CONTEXT,
        needs_context: false,
        scan: latam::scan_cuit,
    },
    Recognizer {
        kind: Kind::ArCuit,
        context: latam::CUIT_CONTEXT,
        needs_context: true,
        scan: latam::scan_cuit_plain,
    },
    Recognizer {
        kind: Kind::CoNit,
        context: latam::NIT_CONTEXT,
        needs_context: true,
        scan: latam::scan_nit,
    },
    Recognizer {
        kind: Kind::PeRuc,
        context: latam::RUC_CONTEXT,
        needs_context: true,
        scan: latam::scan_ruc,
    },
    Recognizer {
        kind: Kind::UyCi,
        context: latam::CI_CONTEXT,
        needs_context: true,
        scan: latam::scan_ci,
    },
    Recognizer {
        kind: Kind::CnRic,
        context: asia::RIC_CONTEXT,
        needs_context: false,
        scan: asia::scan_ric,
    },
    Recognizer {
        kind: Kind::KrRrn,
        context: asia::RRN_CONTEXT,
        needs_context: false,
        scan: asia::scan_rrn,
    },
    Recognizer {
        kind: Kind::KrRrn,
        context: asia::RRN_CONTEXT,
        needs_context: true,
        scan: asia::scan_rrn_compact,
    },
    Recognizer {
        kind: Kind::SgNric,
        context: asia::NRIC_CONTEXT,
        needs_context: false,
        scan: asia::scan_nric,
    },
    Recognizer {
        kind: Kind::JpMyNumber,
        context: asia::MY_NUMBER_CONTEXT,
        needs_context: true,
        scan: asia::scan_my_number,
    },
    Recognizer {
        kind: Kind::ThPin,
        context: asia::TH_PIN_CONTEXT,
        needs_context: false,
        scan: asia::scan_th_pin,
    },
    Recognizer {
        kind: Kind::ThPin,
        context: asia::TH_PIN_CONTEXT,
        needs_context: true,
        scan: asia::scan_th_pin_plain,
    },
    Recognizer {
        kind: Kind::ZaId,
        context: za::CONTEXT,
        needs_context: false,
        scan: za::scan,
    },
    Recognizer {
        kind: Kind::NzIrd,
        context: nz::CONTEXT,
        needs_context: true,
        scan: nz::scan,
    },
    Recognizer {
        kind: Kind::Isin,
        context: isin::CONTEXT,
        needs_context: false,
        scan: isin::scan,
    },
    Recognizer {
        kind: Kind::Isin,
        context: isin::CONTEXT,
        needs_context: true,
        scan: isin::scan_letters,
    },
    Recognizer {
        kind: Kind::Imei,
        context: imei::CONTEXT,
        needs_context: false,
        scan: imei::scan,
    },
    Recognizer {
        kind: Kind::Imei,
        context: imei::CONTEXT,
        needs_context: true,
        scan: imei::scan_compact,
    },
    Recognizer {
        kind: Kind::CryptoWallet,
        context: wallet::CONTEXT,
        needs_context: false,
        scan: wallet::scan,
    },
    Recognizer {
        kind: Kind::CryptoWallet,
        context: wallet::CONTEXT,
        needs_context: true,
        scan: wallet::scan_unchecked,
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

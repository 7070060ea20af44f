//! The built-in recognizers, in priority order (earlier wins a tie in overlap resolution).

use super::context::Support;
use super::Recognizer;
use crate::Kind;

#[cfg_attr(not(feature = "address"), allow(dead_code))]
mod address;
#[cfg_attr(not(feature = "ids-apac"), allow(dead_code))]
mod asia;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod at;
#[cfg_attr(not(feature = "ids-apac"), allow(dead_code))]
mod au;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod balkan;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod baltic;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod be;
#[cfg_attr(not(feature = "ids-americas"), allow(dead_code))]
mod br;
#[cfg_attr(not(feature = "ids-americas"), allow(dead_code))]
mod ca;
mod card;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod ch;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod cz;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod de;
#[cfg_attr(not(feature = "dob"), allow(dead_code))]
mod dob;
mod email;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod es;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod fr;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod gr;
mod iban;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod ie;
#[cfg_attr(not(feature = "ids-mea"), allow(dead_code))]
mod il;
#[cfg_attr(not(feature = "device"), allow(dead_code))]
mod imei;
#[cfg_attr(not(feature = "ids-apac"), allow(dead_code))]
mod india;
mod ip;
#[cfg_attr(not(feature = "finance"), allow(dead_code))]
mod isin;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod it;
#[cfg_attr(not(feature = "ids-americas"), allow(dead_code))]
mod latam;
mod mac;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod nl;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod nordic;
#[cfg_attr(not(feature = "ids-apac"), allow(dead_code))]
mod nz;
#[cfg_attr(not(feature = "passport"), allow(dead_code))]
mod passport;
#[cfg_attr(not(feature = "person"), allow(dead_code))]
mod person;
mod phone;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod pl;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod pt;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod ru;
#[cfg_attr(not(feature = "secrets"), allow(dead_code))]
pub(crate) mod secret;
pub(crate) mod shape;
#[cfg(test)]
mod tables;
#[cfg_attr(not(feature = "ids-mea"), allow(dead_code))]
mod tr;
pub(crate) mod triggers;
#[cfg_attr(not(feature = "ids-apac"), allow(dead_code))]
mod tw;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod ua;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod uk;
mod url;
#[cfg_attr(not(feature = "ids-americas"), allow(dead_code))]
mod us;
#[cfg_attr(not(feature = "ids-europe"), allow(dead_code))]
mod vat;
#[cfg_attr(not(feature = "device"), allow(dead_code))]
mod vin;
#[cfg_attr(not(feature = "finance"), allow(dead_code))]
mod wallet;
mod words;
#[cfg_attr(not(feature = "ids-mea"), allow(dead_code))]
mod za;

/// Every built-in recognizer.
#[rustfmt::skip]
pub(crate) static RECOGNIZERS: &[Recognizer] = &[
    rec(Kind::Email, email::CONTEXT, false, email::scan),
    rec(Kind::CreditCard, card::CONTEXT, false, card::scan)
        .run_digits(12, 19)
        .word_digits(4, 6),
    rec(Kind::Iban, iban::CONTEXT, false, iban::scan),
    #[cfg(feature = "ids-europe")]
    rec(Kind::PlPesel, pl::CONTEXT, false, pl::scan).generic(pl::GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::BeNn, be::CONTEXT, false, be::scan).generic(be::GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::ChAhv, ch::CONTEXT, false, ch::scan).generic(ch::GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-europe")]
    rec(Kind::AtSvnr, at::CONTEXT, false, at::scan).generic(at::GENERIC).run_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::BgEgn, balkan::EGN_CONTEXT, false, balkan::scan_egn).generic(balkan::EGN_GENERIC).run_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::RoCnp, balkan::CNP_CONTEXT, false, balkan::scan_cnp).generic(balkan::CNP_GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-europe")]
    rec(Kind::HrOib, balkan::OIB_CONTEXT, true, balkan::scan_oib).generic(balkan::OIB_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::RsJmbg, balkan::JMBG_CONTEXT, true, balkan::scan_jmbg).generic(balkan::JMBG_GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-europe")]
    rec(Kind::EeIk, baltic::EE_CONTEXT, false, baltic::scan_ee).generic(baltic::EE_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::LtAsmens, baltic::LT_CONTEXT, false, baltic::scan_lt).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::LvPk, baltic::LV_CONTEXT, false, baltic::scan_lv).generic(baltic::LV_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::GrAmka, gr::CONTEXT, true, gr::scan).generic(gr::GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::UaRntrc, ua::CONTEXT, true, ua::scan).generic(ua::GENERIC).run_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::RuSnils, ru::SNILS_CONTEXT, true, ru::scan_snils).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::RuInn, ru::INN_CONTEXT, true, ru::scan_inn).run_digits(10, 12),
    #[cfg(feature = "ids-europe")]
    rec(Kind::GrAfm, gr::AFM_CONTEXT, true, gr::scan_afm).run_digits(9, 9),
    #[cfg(feature = "ids-europe")]
    rec(Kind::PlNip, pl::NIP_CONTEXT, true, pl::scan_nip).run_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::PlRegon, pl::REGON_CONTEXT, true, pl::scan_regon).run_digits(9, 9).run_digits(14, 14),
    #[cfg(feature = "ids-europe")]
    rec(Kind::CzRc, cz::CONTEXT, false, cz::scan).generic(cz::GENERIC).run_digits(9, 10),
    #[cfg(feature = "ids-mea")]
    rec(Kind::TrTckn, tr::CONTEXT, false, tr::scan).generic(tr::GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-mea")]
    rec(Kind::IlId, il::CONTEXT, true, il::scan).generic(il::GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-europe")]
    rec(Kind::EuVat, vat::CONTEXT, false, vat::scan).generic(vat::GENERIC),
    #[cfg(feature = "ids-americas")]
    rec(Kind::UsSsn, us::SSN_CONTEXT, false, us::scan_ssn).generic(us::SSN_GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-americas")]
    rec(Kind::UsItin, us::ITIN_CONTEXT, false, us::scan_itin).generic(us::ITIN_GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-americas")]
    rec(Kind::UsNpi, us::NPI_CONTEXT, true, us::scan_npi).run_digits(10, 10),
    #[cfg(feature = "ids-americas")]
    rec(Kind::UsAbaRouting, us::ABA_CONTEXT, true, us::scan_aba).run_digits(9, 9),
    #[cfg(feature = "ids-americas")]
    rec(Kind::UsEin, us::EIN_CONTEXT, true, us::scan_ein).run_digits(9, 9),
    #[cfg(feature = "ids-europe")]
    rec(Kind::UkNino, uk::NINO_CONTEXT, false, uk::scan_nino).generic(uk::NINO_GENERIC),
    #[cfg(feature = "ids-europe")]
    rec(Kind::UkNhs, uk::NHS_CONTEXT, true, uk::scan_nhs).run_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::EsDni, es::DNI_CONTEXT, false, es::scan_dni).generic(es::DNI_GENERIC),
    #[cfg(feature = "ids-europe")]
    rec(Kind::EsNie, es::NIE_CONTEXT, false, es::scan_nie).generic(es::NIE_GENERIC),
    #[cfg(feature = "ids-europe")]
    rec(Kind::EsCif, es::CIF_CONTEXT, true, es::scan_cif).word_len(9),
    #[cfg(feature = "ids-europe")]
    rec(Kind::EsNss, es::NSS_CONTEXT, true, es::scan_nss).run_digits(12, 12),
    #[cfg(feature = "ids-europe")]
    rec(Kind::ItFiscalCode, it::CF_CONTEXT, false, it::scan).generic(it::CF_GENERIC).word_len(16),
    #[cfg(feature = "ids-europe")]
    rec(Kind::FrNir, fr::NIR_CONTEXT, false, fr::scan).generic(fr::NIR_GENERIC),
    #[cfg(feature = "ids-europe")]
    rec(Kind::DeTaxId, de::TAX_ID_CONTEXT, true, de::scan).generic(de::TAX_ID_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::DeRvnr, de::RVNR_CONTEXT, true, de::scan_rvnr).word_len(12),
    #[cfg(feature = "ids-europe")]
    rec(Kind::DeKvnr, de::KVNR_CONTEXT, true, de::scan_kvnr).word_len(10).word_len(20),
    #[cfg(feature = "ids-europe")]
    rec(Kind::NlBsn, nl::BSN_CONTEXT, true, nl::scan).generic(nl::BSN_GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-europe")]
    rec(Kind::SePersonnummer, nordic::SE_CONTEXT, false, nordic::scan_se).generic(nordic::SE_GENERIC).word_digits(6, 6).word_digits(8, 8).word_digits(10, 10).word_digits(12, 12),
    #[cfg(feature = "ids-europe")]
    rec(Kind::DkCpr, nordic::DK_CONTEXT, true, nordic::scan_dk).generic(nordic::DK_GENERIC).word_digits(6, 6).word_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::FiHetu, nordic::FI_CONTEXT, false, nordic::scan_fi).generic(nordic::FI_GENERIC),
    #[cfg(feature = "ids-europe")]
    rec(Kind::NoFnr, nordic::NO_CONTEXT, false, nordic::scan_no).generic(nordic::NO_GENERIC).word_digits(6, 6).word_digits(11, 11),
    #[cfg(feature = "ids-europe")]
    rec(Kind::IsKennitala, nordic::IS_CONTEXT, false, nordic::scan_is).generic(nordic::IS_GENERIC).word_digits(6, 6).word_digits(10, 10),
    #[cfg(feature = "ids-europe")]
    rec(Kind::PtNif, pt::NIF_CONTEXT, true, pt::scan).generic(pt::NIF_GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-europe")]
    rec(Kind::IePps, ie::PPS_CONTEXT, false, ie::scan).generic(ie::PPS_GENERIC).run_digits(7, 7),
    #[cfg(feature = "ids-americas")]
    rec(Kind::BrCpf, br::CPF_CONTEXT, false, br::scan_cpf).generic(br::CPF_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::BrCpf, br::CPF_CONTEXT, true, br::scan_cpf_compact).generic(br::CPF_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::BrCnpj, br::CNPJ_CONTEXT, false, br::scan_cnpj).generic(br::CNPJ_GENERIC).run_digits(14, 14),
    #[cfg(feature = "ids-americas")]
    rec(Kind::BrCnpj, br::CNPJ_CONTEXT, true, br::scan_cnpj_compact).generic(br::CNPJ_GENERIC).run_digits(14, 14),
    #[cfg(feature = "ids-apac")]
    rec(Kind::InAadhaar, india::AADHAAR_CONTEXT, true, india::scan_aadhaar).generic(india::AADHAAR_GENERIC).run_digits(12, 12),
    #[cfg(feature = "ids-apac")]
    rec(Kind::InPan, india::PAN_CONTEXT, true, india::scan_pan).generic(india::PAN_GENERIC).word_len(10),
    #[cfg(feature = "ids-apac")]
    rec(Kind::InGstin, india::GSTIN_CONTEXT, false, india::scan_gstin).word_len(15),
    #[cfg(feature = "ids-apac")]
    rec(Kind::InEpic, india::EPIC_CONTEXT, true, india::scan_epic).word_len(10),
    #[cfg(feature = "ids-apac")]
    rec(Kind::AuTfn, au::TFN_CONTEXT, true, au::scan_tfn).generic(au::TFN_GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-apac")]
    rec(Kind::AuAbn, au::ABN_CONTEXT, true, au::scan_abn).generic(au::ABN_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::CaSin, ca::CONTEXT, true, ca::scan).generic(ca::GENERIC).run_digits(9, 9),
    #[cfg(feature = "ids-americas")]
    rec(Kind::MxCurp, latam::CURP_CONTEXT, false, latam::scan_curp).generic(latam::CURP_GENERIC).word_len(18),
    #[cfg(feature = "ids-americas")]
    rec(Kind::MxNss, latam::NSS_CONTEXT, true, latam::scan_nss).generic(latam::NSS_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::MxRfc, latam::RFC_CONTEXT, true, latam::scan_rfc).word_len(12).word_len(13),
    #[cfg(feature = "ids-americas")]
    rec(Kind::ClRut, latam::RUT_CONTEXT, false, latam::scan_rut).generic(latam::RUT_GENERIC).run_digits(7, 9),
    #[cfg(feature = "ids-americas")]
    rec(Kind::ClRut, latam::RUT_CONTEXT, true, latam::scan_rut_plain).generic(latam::RUT_GENERIC).run_digits(7, 9),
    #[cfg(feature = "ids-americas")]
    rec(Kind::ArCuit, latam::CUIT_CONTEXT, false, latam::scan_cuit).generic(latam::CUIT_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::ArCuit, latam::CUIT_CONTEXT, true, latam::scan_cuit_plain).generic(latam::CUIT_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::CoNit, latam::NIT_CONTEXT, true, latam::scan_nit).generic(latam::NIT_GENERIC).run_digits(8, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::PeRuc, latam::RUC_CONTEXT, true, latam::scan_ruc).generic(latam::RUC_GENERIC).run_digits(11, 11),
    #[cfg(feature = "ids-americas")]
    rec(Kind::UyCi, latam::CI_CONTEXT, true, latam::scan_ci).generic(latam::CI_GENERIC).run_digits(7, 8),
    #[cfg(feature = "ids-apac")]
    rec(Kind::CnRic, asia::RIC_CONTEXT, false, asia::scan_ric).generic(asia::RIC_GENERIC).run_digits(17, 18),
    #[cfg(feature = "ids-apac")]
    rec(Kind::KrRrn, asia::RRN_CONTEXT, false, asia::scan_rrn).generic(asia::RRN_GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-apac")]
    rec(Kind::KrRrn, asia::RRN_CONTEXT, true, asia::scan_rrn_compact).generic(asia::RRN_GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-apac")]
    rec(Kind::SgNric, asia::NRIC_CONTEXT, false, asia::scan_nric).generic(asia::NRIC_GENERIC).word_len(9),
    #[cfg(feature = "ids-apac")]
    rec(Kind::TwId, tw::CONTEXT, true, tw::scan).generic(tw::GENERIC).word_len(10),
    #[cfg(feature = "ids-apac")]
    rec(Kind::JpMyNumber, asia::MY_NUMBER_CONTEXT, true, asia::scan_my_number).generic(asia::MY_NUMBER_GENERIC).run_digits(12, 12),
    #[cfg(feature = "ids-apac")]
    rec(Kind::ThPin, asia::TH_PIN_CONTEXT, false, asia::scan_th_pin).generic(asia::TH_PIN_GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-apac")]
    rec(Kind::ThPin, asia::TH_PIN_CONTEXT, true, asia::scan_th_pin_plain).generic(asia::TH_PIN_GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-mea")]
    rec(Kind::ZaId, za::CONTEXT, false, za::scan).generic(za::GENERIC).run_digits(13, 13),
    #[cfg(feature = "ids-apac")]
    rec(Kind::NzIrd, nz::CONTEXT, true, nz::scan).generic(nz::GENERIC).run_digits(8, 9),
    #[cfg(feature = "finance")]
    rec(Kind::Isin, isin::CONTEXT, false, isin::scan).word_len(12),
    #[cfg(feature = "finance")]
    rec(Kind::Isin, isin::CONTEXT, true, isin::scan_letters).word_len(12),
    #[cfg(feature = "device")]
    rec(Kind::Imei, imei::CONTEXT, false, imei::scan).run_digits(15, 15),
    #[cfg(feature = "device")]
    rec(Kind::Imei, imei::CONTEXT, true, imei::scan_compact).run_digits(15, 15),
    #[cfg(feature = "device")]
    rec(Kind::Vin, vin::CONTEXT, true, vin::scan).word_len(17),
    #[cfg(feature = "finance")]
    rec(Kind::CryptoWallet, wallet::CONTEXT, false, wallet::scan),
    #[cfg(feature = "finance")]
    rec(Kind::CryptoWallet, wallet::CONTEXT, false, wallet::scan_unchecked),
    rec(Kind::Phone, phone::CONTEXT, false, phone::scan),
    rec(Kind::IpAddress, ip::CONTEXT, false, ip::scan),
    rec(Kind::MacAddress, mac::CONTEXT, false, mac::scan),
    rec(Kind::Url, url::CONTEXT, false, url::scan),
    #[cfg(feature = "dob")]
    rec(Kind::DateOfBirth, dob::CONTEXT, true, dob::scan),
    #[cfg(feature = "passport")]
    rec(Kind::Passport, passport::CONTEXT, true, passport::scan),
    #[cfg(feature = "passport")]
    rec(Kind::Passport, passport::CONTEXT, false, passport::scan_mrz),
    #[cfg(feature = "secrets")]
    rec(Kind::Secret, secret::CONTEXT, false, secret::scan),
    #[cfg(feature = "person")]
    rec(Kind::Person, person::CONTEXT, false, person::scan),
    #[cfg(feature = "names")]
    rec(Kind::Person, person::CONTEXT, false, person::given::scan),
    #[cfg(feature = "address")]
    rec(Kind::StreetAddress, address::CONTEXT, false, address::scan),
];

/// One table row: the kind, its context words, whether it needs one of them, and its scanner.
/// Words naming a class of numbers rather than the format are added with `.generic(..)`; what a
/// text must contain for the scanner to find anything with `.run_digits(..)`, `.word_digits(..)`
/// and `.word_len(..)` (see [`super::Needs`]; left out when the scanner is not that simple).
const fn rec(
    kind: Kind,
    context: &'static [&'static str],
    needs_context: bool,
    scan: fn(&super::Hay<'_>, &mut Vec<super::Candidate>),
) -> Recognizer {
    Recognizer {
        kind,
        context,
        generic: &[],
        needs_context,
        scan,
        needs: super::Needs::UNDECLARED,
    }
}

/// Notes that a recognizer passed a value over for words near it, which redaction may replace;
/// [`flush_passed_over`] hands the note to the text's [`Hay`](super::hay::Hay). For helpers that
/// read only the text: `my name is Jane Doe Calle Mayor 5` holds no name of five capitalised
/// words, but once the street is redacted (`Jane Doe [STREET_ADDRESS_1]`) it holds one of two;
/// `60327 Ray Ridge Hauptstraße 5` holds no English street running on into a capitalised word,
/// but once the German street is redacted it holds one.
pub(crate) fn pass_over() {
    PASSED_OVER.set(true);
}

/// Notes on `hay` that a value was passed over (see [`pass_over`]) since the last call, so that
/// the redacted text is scanned again. The recognizer loop calls it once per text, after every
/// scanner and the context scoring of their candidates (which reads signatures for phone numbers),
/// so the note never carries over to another text.
pub(crate) fn flush_passed_over(hay: &super::hay::Hay<'_>) {
    if PASSED_OVER.replace(false) {
        hay.note_passed_over();
    }
}

std::thread_local! {
    /// Set by [`pass_over`]: a person name passed over for a run of more than four capitalised
    /// words, a legal form (`Jane Doe AB 68 75 52 C`, where `AB` opens a National Insurance
    /// number) or a number making `Dr` a Drive; an English street running on into a capitalised
    /// word.
    static PASSED_OVER: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

pub(crate) use iban::continues_iban_shape;
pub(crate) use phone::block_support;

/// The context table of the first recognizer of `kind`, for candidates a recognizer pushes under
/// another kind than its own.
pub(crate) fn context_for(kind: Kind) -> (Support<'static>, bool) {
    const NONE: Support<'static> = Support {
        specific: &[],
        generic: &[],
    };
    RECOGNIZERS
        .iter()
        .find(|r| r.kind == kind)
        .map_or((NONE, false), |r| (r.support(), r.needs_context))
}

/// Words that open a finding made of plain words (names, street addresses), lower case. The
/// stream redactor holds text around them until the finding is complete; a build without the
/// pack of a kind holds nothing for it.
const TRIGGER_WORDS: &[&[&str]] = &[
    #[cfg(feature = "person")]
    person::TRIGGER_WORDS,
    #[cfg(feature = "address")]
    address::TRIGGER_WORDS,
    // A ship's military address starts at its prefix, two words before its first number.
    #[cfg(feature = "address")]
    address::military::SHIP_PREFIXES,
];

/// True when `lower` (a lowercased word without surrounding punctuation) opens a finding that
/// may consist of plain words.
pub(crate) fn is_trigger_word(lower: &str) -> bool {
    TRIGGER_WORDS.iter().any(|list| list.contains(&lower))
        || cfg!(feature = "person") && person::is_role_word(lower)
        || cfg!(feature = "address") && address::is_type_after_name(lower)
}

/// True when `lower` ends a label trigger phrase and is a trigger only as a `word:` label (see
/// [`person::LABEL_WORDS`]).
pub(crate) fn is_label_word(lower: &str) -> bool {
    cfg!(feature = "person") && person::LABEL_WORDS.contains(&lower)
}

/// True when `lower_prefix` (the lowercased start of a word still arriving) may grow into a
/// trigger word.
pub(crate) fn may_grow_into_trigger_word(lower_prefix: &str) -> bool {
    TRIGGER_WORDS
        .iter()
        .any(|list| list.iter().any(|w| w.starts_with(lower_prefix)))
        || cfg!(feature = "person") && person::may_grow_into_role_word(lower_prefix)
        || cfg!(feature = "address") && address::may_grow_into_type_after_name(lower_prefix)
}

/// True when `lower` is a trigger word that only opens names (not an address word) and
/// [`may_open_name`] can tell when it no longer does.
pub(crate) fn opens_only_names(lower: &str) -> bool {
    cfg!(feature = "person")
        && !(cfg!(feature = "address") && address::TRIGGER_WORDS.contains(&lower))
        && person::is_phrase_word(lower)
}

/// Whether a name trigger word may still open a name given the text after it (see
/// [`person::may_open_name`]).
pub(crate) fn may_open_name(word: &str, rest: &str) -> bool {
    cfg!(feature = "person") && person::may_open_name(word, rest)
}

/// How many whitespace-delimited words before the word that reveals it a name shown with its
/// e-mail address may start (`Jane van Doe <jane@example.com>`, see `person::display`).
pub(crate) const DISPLAY_NAME_WORDS: usize = person::NAME_WORDS;

/// True when a whitespace-delimited word may be part of a name shown before its e-mail address
/// (a capitalised word, an initial, a particle or a title).
pub(crate) fn may_be_display_name_word(word: &str) -> bool {
    cfg!(feature = "person") && person::may_be_display_name_word(word)
}

/// True when a whitespace-delimited word is a capitalised given name of the `names` lexicon
/// (`Jane`, `Jane,`, `(Jane`): a person finding may start there with nothing before it to mark
/// it (see `person::given`).
pub(crate) fn is_given_name_word(word: &str) -> bool {
    #[cfg(feature = "names")]
    {
        let core = word.trim_matches(|c: char| c.is_ascii_punctuation());
        let mut bytes = core.bytes();
        bytes.next().is_some_and(|b| b.is_ascii_uppercase())
            && bytes.all(|b| b.is_ascii_lowercase())
            && person::given::is_given_name(core)
    }
    #[cfg(not(feature = "names"))]
    {
        let _ = word;
        false
    }
}

/// True when `lower` opens German street names (`am`, `an der`, see
/// [`address::STREET_PREPOSITIONS`]).
pub(crate) fn is_street_preposition(lower: &str) -> bool {
    cfg!(feature = "address") && address::STREET_PREPOSITIONS.contains(&lower)
}

/// Whether a street preposition may still open a street given the text after it (see
/// [`address::may_open_street`]).
pub(crate) fn may_open_street(rest: &str) -> bool {
    cfg!(feature = "address") && address::may_open_street(rest)
}

/// True when a `word:` label may assign a secret (see [`secret::may_name_key`]).
pub(crate) fn may_name_key(lower: &str) -> bool {
    cfg!(feature = "secrets") && secret::may_name_key(lower)
}

/// True when a finding at `start..end` of `text` is opened by a trigger the stream redactor sees
/// in time: one of the three whitespace-delimited words before it, or one of its own first
/// `WORDS_BEFORE + 1` (the words the redactor holds back before a trigger or the end), or a name
/// trigger further back whose window is still open where the finding starts (`What's the name on
/// the account? User: Jane Doe`: the redactor holds everything after it, see [`may_open_name`]),
/// or, for a name of at most [`DISPLAY_NAME_WORDS`] name words, the word right after it (`Jane
/// Doe <jane@example.com>`).
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
        .min(first + crate::stream::WORDS_BEFORE);
    if words[first.saturating_sub(3)..=last]
        .iter()
        .any(|&(s, e)| crate::stream::is_builtin_trigger(&text[s..e]))
    {
        return true;
    }
    if words[..first].iter().any(|&(s, e)| {
        start - e < crate::stream::DEFAULT_HOLD_BACK
            && crate::stream::is_builtin_trigger(&text[s..e])
            && may_open_name(&text[s..e], &text[e..start])
    }) {
        return true;
    }
    // A name shown before its e-mail address (`Jane Doe <jane@example.com>`): the stream
    // redactor holds up to that many name words before the word it holds for the address.
    let after = words
        .iter()
        .position(|&(s, _)| s >= end)
        .unwrap_or(words.len());
    after - first <= DISPLAY_NAME_WORDS
        && words[first..after]
            .iter()
            .all(|&(s, e)| may_be_display_name_word(&text[s..e]))
        && words
            .get(after)
            .is_some_and(|&(s, e)| crate::stream::is_builtin_trigger(&text[s..e]))
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

    /// The table's `cfg`s and [`crate::Kind::pack`] agree: a kind has recognizers in this build
    /// exactly when its pack is built.
    #[test]
    fn detector_packs_match_the_table() {
        for &kind in crate::Kind::BUILTIN {
            let in_table = super::RECOGNIZERS.iter().any(|r| r.kind == kind);
            assert_eq!(in_table, kind.is_built(), "{kind:?} in {:?}", kind.pack());
        }
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
            "DOB: 12-Mar-1985, member since 2019",
            "date of birth 03-MAR-85 thanks",
        ] {
            assert!(!guard.scan(text).is_empty(), "{text:?} finds nothing");
            assert_streams_like_one_shot(&guard, text);
            assert_streams_like_one_shot(&guard, &format!("{prose}{prose}{text} {prose}"));
        }
    }
}

//! United States identifiers: Social Security numbers and ITINs (area/group/serial structure),
//! National Provider Identifiers (Luhn over the `80840` card-issuer prefix) and ABA routing
//! transit numbers (3-7-1 weights, Federal Reserve prefixes).
//!
//! SSNs and ITINs carry no check digit, so only the dashed `AAA-GG-SSSS` form stands alone; the
//! spaced form scores below the default threshold until a context word lifts it, and the compact
//! nine-digit form is reported only next to one. NPIs and routing numbers are a single check digit
//! over a plain digit string and always need context.
//!
//! Employer identification numbers (EIN) are `PP-NNNNNNN`, two prefix digits and seven more: the
//! prefix names the IRS campus that assigned it ("How EINs are assigned and valid EIN prefixes",
//! irs.gov; the same list as python-stdnum's `us/ein.dat`), and there is no check digit. The prefix is a validity
//! rule, not a checksum (17 of 100 prefixes are never assigned), so the dashed form is reported
//! only next to a word naming the EIN (rule `us_ein.prefix`, `validated: false`); the generic
//! tax-id words of the ITIN do not support it.

use crate::detect::checksum::{luhn, weighted_sum};
use crate::detect::context::{has_support, Support};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, each_grouped, num, scan_grouped, Grouped, Report};

pub(crate) const SSN_CONTEXT: &[&str] = &[
    "ssn",
    "ssn#",
    "ss#",
    "social security",
    "social sec",
    "soc sec",
    "soc. sec",
    "social",
    "ssns",
    // The Social Security Administration's own Spanish name for the number.
    "seguro social",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const SSN_GENERIC: &[&str] = &[
    "sozialversicherung",
    "sécurité sociale",
    "securite sociale",
    "seguridad social",
    "previdenza sociale",
    "sicurezza sociale",
    "sociale zekerheid",
    "segurança social",
    "seguranca social",
];

pub(crate) const ITIN_CONTEXT: &[&str] = &[
    "itin",
    "individual taxpayer",
    "taxpayer identification",
    "taxpayer id",
    "tin",
    "irs",
    "w-7",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const ITIN_GENERIC: &[&str] = &[
    "tax id",
    "steuer",
    "contribuable",
    "identifiant fiscal",
    "numéro fiscal",
    "numero fiscal",
    "contribuyente",
    "identificación fiscal",
    "identificacion fiscal",
    "contribuente",
    "codice fiscale",
    "belasting",
    "fiscaal",
    "contribuinte",
    "identificação fiscal",
];

pub(crate) const NPI_CONTEXT: &[&str] = &[
    "npi",
    "national provider",
    "provider id",
    "provider number",
    "provider no",
    "prescriber",
    "physician",
    "clinician",
    "medicare",
    "medicaid",
    "cms",
    "arzt",
    "ärztin",
    "leistungserbringer",
    "médecin",
    "medecin",
    "prestataire de soins",
    "médico",
    "medico",
    "proveedor",
    "zorgverlener",
    "huisarts",
    "prestador",
];

pub(crate) const ABA_CONTEXT: &[&str] = &[
    "routing",
    "aba",
    "rtn",
    "transit number",
    "ach",
    "wire",
    "fedwire",
    "bank",
    "checking",
    "bankleitzahl",
    "blz",
    "banque",
    "acheminement",
    "banco",
    "ruta bancaria",
    "número de ruta",
    "banca",
    "instradamento",
    "encaminhamento",
];

pub(crate) const EIN_CONTEXT: &[&str] = &[
    // `ein` counts only written in capitals (German *ein*, see `context::CAPITALS_ONLY`).
    "ein",
    "e.i.n",
    "fein",
    "employer identification",
    "employer id",
    "federal employer",
    "federal tax id",
    "federal tax identification",
    "identificación patronal",
    "identificacion patronal",
    "identificación del empleador",
    "identificacion del empleador",
];

/// Nine ASCII digits whose first two are an EIN prefix the IRS assigns (irs.gov, "valid EIN
/// prefixes"): every prefix but 00, 07–09, 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96 and 97.
pub(crate) fn ein_valid(d: &[u8]) -> bool {
    d.len() == 9
        && d.iter().all(u8::is_ascii_digit)
        && !matches!(
            num(&d[..2]),
            0 | 7..=9 | 17..=19 | 28 | 29 | 49 | 69 | 70 | 78 | 79 | 89 | 96 | 97
        )
}

pub(crate) fn scan_ein(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::UsEin,
        milli: 450,
        rule: "us_ein.prefix",
    };
    scan_grouped(hay, out, &[2, 7], b"-", ein_valid, &report, false);
}

/// Advertising, documentation and other well-known numbers that were never (or are no longer)
/// assigned to a person: the Woolworth wallet card (078-05-1120), the Social Security card
/// pamphlet sample (219-09-9999), the LifeLock advertisement (457-55-5462) and the all-time
/// placeholder 123-45-6789.
const SSN_PLACEHOLDERS: &[&[u8; 9]] = &[b"078051120", b"219099999", b"457555462", b"123456789"];

/// SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000; not a well-known
/// placeholder and not one digit repeated.
pub(crate) fn ssn_valid(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let area = num(&d[..3]);
    let group = num(&d[3..5]);
    let serial = num(&d[5..]);
    area != 0
        && area != 666
        && area < 900
        && group != 0
        && serial != 0
        && !SSN_PLACEHOLDERS.iter().any(|p| p.as_slice() == d)
        && !d.iter().all(|&b| b == d[0])
}

/// IRS rules: area 9xx, group 70–88, 90–92 or 94–99.
pub(crate) fn itin_valid(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) || d[0] != b'9' {
        return false;
    }
    matches!(num(&d[3..5]), 70..=88 | 90..=92 | 94..=99)
}

/// Luhn over `80840` followed by the ten digits (the NPI is an ISO 7812 card number with the
/// US health-care issuer prefix); NPIs start with 1 or 2.
pub(crate) fn npi_valid(d: &[u8]) -> bool {
    if d.len() != 10 || !matches!(d[0], b'1' | b'2') {
        return false;
    }
    let mut full = [0u8; 15];
    full[..5].copy_from_slice(b"80840");
    full[5..].copy_from_slice(d);
    luhn(&full)
}

/// 3-7-1 weights summing to a multiple of ten, and a Federal Reserve routing symbol prefix:
/// 00 (US government), 01–12 (Federal Reserve districts), 21–32 (thrifts), 61–72 (electronic),
/// 80 (traveller's cheques).
pub(crate) fn aba_valid(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if !matches!(num(&d[..2]), 0..=12 | 21..=32 | 61..=72 | 80) {
        return false;
    }
    weighted_sum(d, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0
}

/// The shared SSN/ITIN scanner: dashed `3-2-4` at `dashed` thousandths, spaced at `spaced`, the
/// compact form only next to a word from `context`.
fn scan_ssn_like(
    hay: &Hay<'_>,
    out: &mut Vec<Candidate>,
    kind: Kind,
    rule: &'static str,
    valid: fn(&[u8]) -> bool,
    context: &'static [&'static str],
    generic: &'static [&'static str],
) {
    for run in &hay.numbers {
        each_grouped(run, hay.text, &[3, 2, 4], b"- ", |g: Grouped| {
            if valid(g.digits.as_bytes()) {
                let milli = if g.sep == Some(b'-') { 600 } else { 400 };
                out.push(candidate(kind, g.start, g.end, milli, rule, false));
            }
        });
        each_grouped(run, hay.text, &[9], b"", |g: Grouped| {
            if valid(g.digits.as_bytes())
                && has_support(
                    hay.text,
                    g.start,
                    g.end,
                    Support {
                        specific: context,
                        generic,
                    },
                )
            {
                out.push(candidate(kind, g.start, g.end, 400, rule, false));
            }
        });
    }
}

pub(crate) fn scan_ssn(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_ssn_like(
        hay,
        out,
        Kind::UsSsn,
        "us_ssn.area_group_serial",
        ssn_valid,
        SSN_CONTEXT,
        SSN_GENERIC,
    );
}

pub(crate) fn scan_itin(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_ssn_like(
        hay,
        out,
        Kind::UsItin,
        "us_itin.area_group",
        itin_valid,
        ITIN_CONTEXT,
        ITIN_GENERIC,
    );
}

pub(crate) fn scan_npi(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::UsNpi,
        milli: 450,
        rule: "us_npi.luhn",
    };
    scan_grouped(hay, out, &[10], b"", npi_valid, &report, true);
}

pub(crate) fn scan_aba(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::UsAbaRouting,
        milli: 450,
        rule: "us_aba_routing.checksum",
    };
    scan_grouped(hay, out, &[9], b"", aba_valid, &report, true);
    scan_grouped(hay, out, &[4, 4, 1], b"-", aba_valid, &report, true);
}

#[cfg(test)]
mod tests {
    // SSN/ITIN structure, NPI and routing-number checksums, and scans of realistic sentences.
    use super::*;
    use crate::detect::builtin::shape::testing::{found, spans as reported};

    #[test]
    fn ssn_structure() {
        // Synthetic numbers; invalid ones per SSA randomization rules (2011) and the
        // python-stdnum us.ssn blacklist.
        assert!(ssn_valid(b"536221234"));
        assert!(ssn_valid(b"001010001"));
        assert!(!ssn_valid(b"000221234"));
        assert!(!ssn_valid(b"666221234"));
        assert!(!ssn_valid(b"900221234"));
        assert!(!ssn_valid(b"536001234"));
        assert!(!ssn_valid(b"536220000"));
        assert!(!ssn_valid(b"078051120"));
        assert!(!ssn_valid(b"219099999"));
        assert!(!ssn_valid(b"123456789"));
        assert!(!ssn_valid(b"111111111"));
        assert!(!ssn_valid(b"53622123"));
    }

    #[test]
    fn itin_structure() {
        // Synthetic; group ranges from IRS Publication 1915 (checked with python-stdnum us.itin).
        assert!(itin_valid(b"912701234"));
        assert!(itin_valid(b"900881234"));
        assert!(itin_valid(b"999901234"));
        assert!(itin_valid(b"999941234"));
        assert!(!itin_valid(b"912891234"));
        assert!(!itin_valid(b"912931234"));
        assert!(!itin_valid(b"912691234"));
        assert!(!itin_valid(b"812701234"));
    }

    #[test]
    fn npi_checksum() {
        // 1234567893 is the worked example in the CMS NPI check-digit document.
        assert!(npi_valid(b"1234567893"));
        assert!(!npi_valid(b"1234567894"));
        assert!(!npi_valid(b"1234567892"));
        // Synthetic, generated with python-stdnum luhn over "80840" + digits.
        assert!(npi_valid(b"2999999990"));
        assert!(npi_valid(b"1000000004"));
        // Luhn-valid with the prefix but not starting with 1 or 2.
        assert!(!npi_valid(b"3000000002"));
    }

    #[test]
    fn aba_checksum_and_prefix() {
        // Published routing numbers of Federal Reserve banks and large banks (checked with
        // python-stdnum us.rtn).
        assert!(aba_valid(b"011000015"));
        assert!(aba_valid(b"021000021"));
        assert!(aba_valid(b"122105155"));
        assert!(aba_valid(b"211274450"));
        assert!(aba_valid(b"322271627"));
        assert!(aba_valid(b"061000052"));
        assert!(!aba_valid(b"021000022"));
        assert!(!aba_valid(b"021000020"));
        // Checksum-valid but prefix 13, 40 and 90 are not Federal Reserve routing symbols.
        assert!(!aba_valid(b"130000006"));
        assert!(!aba_valid(b"400000008"));
        assert!(!aba_valid(b"900000003"));
    }

    #[test]
    fn ssn_scan_forms() {
        assert_eq!(
            found("my ssn: 536-22-1234, thanks", scan_ssn),
            [("536-22-1234", 600)]
        );
        assert_eq!(found("it is 536 22 1234", scan_ssn), [("536 22 1234", 400)]);
        assert_eq!(
            found("Social Security number 536221234", scan_ssn),
            [("536221234", 400)]
        );
        // Compact without context, placeholders, bad areas and glued tokens are not SSNs.
        assert!(found("order 536221234 shipped", scan_ssn).is_empty());
        assert!(found("ssn 078-05-1120", scan_ssn).is_empty());
        assert!(found("ssn 666-22-1234", scan_ssn).is_empty());
        assert!(found("ssn 536-22-12345", scan_ssn).is_empty());
        assert!(found("id A536-22-1234", scan_ssn).is_empty());
        assert!(found("call 1-536-22-1234", scan_ssn).is_empty());
        assert!(found("536-22 1234", scan_ssn).is_empty());
        // A comma ends a dashed SSN, as CSV rows separate fields; a plain run of digits goes on
        // across one (synthetic numbers).
        assert_eq!(
            found("jane,536-22-1234,4012888888881881", scan_ssn),
            [("536-22-1234", 600)]
        );
        assert_eq!(
            found("192.0.2.4,536-22-1234,x", scan_ssn),
            [("536-22-1234", 600)]
        );
        assert!(found("Social Security number 1,536221234", scan_ssn).is_empty());
    }

    #[test]
    fn itin_scan_forms() {
        assert_eq!(
            found("ITIN 912-70-1234 on the W-7", scan_itin),
            [("912-70-1234", 600)]
        );
        assert_eq!(
            found("taxpayer id 912701234", scan_itin),
            [("912701234", 400)]
        );
        assert!(found("912-89-1234", scan_itin).is_empty());
        assert!(found("912701234", scan_itin).is_empty());
        // An ITIN is never an SSN.
        assert!(found("ssn 912-70-1234", scan_ssn).is_empty());
    }

    #[test]
    fn npi_and_aba_need_context() {
        assert_eq!(
            reported("Dr. Lee, NPI 1234567893", scan_npi, NPI_CONTEXT, true),
            ["1234567893"]
        );
        assert!(reported("call 1234567893 now", scan_npi, NPI_CONTEXT, true).is_empty());
        assert!(reported("NPI 1234567894", scan_npi, NPI_CONTEXT, true).is_empty());
        assert_eq!(
            reported(
                "routing number 021000021, acct 12345",
                scan_aba,
                ABA_CONTEXT,
                true
            ),
            ["021000021"]
        );
        assert_eq!(
            reported("ABA 0210-0002-1", scan_aba, ABA_CONTEXT, true),
            ["0210-0002-1"]
        );
        assert!(reported("order 021000021", scan_aba, ABA_CONTEXT, true).is_empty());
        assert!(reported("routing 021000022", scan_aba, ABA_CONTEXT, true).is_empty());
    }

    #[test]
    fn ein_prefixes() {
        // From python-stdnum 2.2's us.ein documentation: 04-2103594 valid, 042103594 compact.
        assert!(ein_valid(b"042103594"));
        // Synthetic, from Faker 40.54 en_US ein(), checked with python-stdnum (us.ein).
        for v in ["249549656", "124279348", "677922960", "583522457"] {
            assert!(ein_valid(v.as_bytes()), "{v}");
        }
        // Prefixes the IRS never assigns.
        for v in [
            "002103594",
            "072103594",
            "172103594",
            "492103594",
            "972103594",
        ] {
            assert!(!ein_valid(v.as_bytes()), "{v}");
        }
        assert!(!ein_valid(b"04210359"));
    }

    #[test]
    fn ein_found_after_an_ein_word_only() {
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        // Synthetic values of the form Faker's en_US ein() writes.
        for text in [
            "My EIN is 24-9549656",
            "Employer Identification Number: 24-9549656",
            "Our federal tax ID is 24-9549656.",
            "FEIN 24-9549656",
        ] {
            assert_eq!(pipeline(text), [(Kind::UsEin, "24-9549656")], "{text}");
        }
        not_reported(
            Kind::UsEin,
            &[
                "Das ist ein 24-9549656",
                "Ref 24-9549656",
                "My EIN is 07-9549656",
                "My tax ID is 24-9549656",
            ],
        );
    }
}

//! Dutch citizen service number (burgerservicenummer, BSN): nine digits passing the 11-proof
//! (elfproef). One check over a plain digit string, so it is reported only with context.
//! Accepted forms: `123456782`, `1234.56.782`, `123 456 782`, `123.456.782`, `123-456-782`.

use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, each_grouped, Grouped};

pub(crate) const BSN_CONTEXT: &[&str] = &[
    "bsn",
    "burgerservicenummer",
    "burgerservice",
    "sofinummer",
    "sofi-nummer",
    "citizen service",
    "bürgerservicenummer",
    "numéro de service citoyen",
    "número de servicio",
    "numero di servizio",
    "codice fiscale olandese",
    "número de serviço",
    "dutch",
    "netherlands",
    "nederland",
    "niederlande",
    "niederländisch",
    "pays-bas",
    "néerlandais",
    "países bajos",
    "holandés",
    "paesi bassi",
    "olandese",
    "holanda",
    "holandês",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const BSN_GENERIC: &[&str] = &[
    "persoonsnummer",
    "social security",
    "national id",
    "sozialversicherungsnummer",
    "sécurité sociale",
    "seguridad social",
    "segurança social",
];

/// The 11-proof: `9·d1 + 8·d2 + … + 2·d8 − d9` is a multiple of 11, and the number is not zero.
pub(crate) fn bsn_valid(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) || d.iter().all(|&b| b == b'0') {
        return false;
    }
    let sum = weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]);
    (sum + 11 * 9 - u32::from(d[8] - b'0')) % 11 == 0
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    for run in &hay.numbers {
        let mut push = |g: Grouped| {
            if bsn_valid(g.digits.as_bytes()) {
                out.push(candidate(
                    Kind::NlBsn,
                    g.start,
                    g.end,
                    450,
                    "nl_bsn.elfproef",
                    true,
                ));
            }
        };
        each_grouped(run, hay.text, &[9], b"", &mut push);
        each_grouped(run, hay.text, &[4, 2, 3], b".", &mut push);
        each_grouped(run, hay.text, &[3, 3, 3], b" .-", &mut push);
    }
}

#[cfg(test)]
mod tests {
    // The 11-proof and the written forms, with and without context.
    use super::*;
    use crate::detect::builtin::shape::testing::spans;

    #[test]
    fn elfproef() {
        // 111222333 and 123456782 are the examples used in Dutch government test material; the
        // others are synthetic, generated with python-stdnum nl.bsn.
        assert!(bsn_valid(b"111222333"));
        assert!(bsn_valid(b"123456782"));
        assert!(bsn_valid(b"843646974"));
        assert!(bsn_valid(b"751049049"));
        assert!(!bsn_valid(b"111222334"));
        assert!(!bsn_valid(b"123456781"));
        assert!(!bsn_valid(b"000000000"));
        assert!(!bsn_valid(b"12345678"));
    }

    #[test]
    fn scan_needs_context() {
        let s = |t| spans(t, scan, BSN_CONTEXT, true);
        assert_eq!(s("mijn BSN is 123456782"), ["123456782"]);
        assert_eq!(s("burgerservicenummer: 1234.56.782"), ["1234.56.782"]);
        assert_eq!(s("BSN 123 456 782."), ["123 456 782"]);
        assert!(s("bestelling 123456782").is_empty());
        assert!(s("BSN 123456781").is_empty());
        assert!(s("BSN 1123456782").is_empty());
    }
}

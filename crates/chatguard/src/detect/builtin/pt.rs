//! Portuguese tax number (número de identificação fiscal, NIF / número de contribuinte): nine
//! digits, an allowed leading digit or pair, and a mod 11 check digit. One check over a plain
//! digit string, so it is reported only with context. Accepted forms: `123456789`,
//! `123 456 789`, `123.456.789`, `123-456-789`.

use crate::detect::checksum::weighted_sum;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

use super::shape::{candidate, each_grouped, num, Grouped};

pub(crate) const NIF_CONTEXT: &[&str] = &[
    "nif",
    "contribuinte",
    "identificação fiscal",
    "identificacao fiscal",
    "número fiscal",
    "numero fiscal",
    "finanças",
    "financas",
    "número de contribuinte",
    "portuguese",
    "portugal",
    "português",
    "portuguesa",
    "portugués",
    "portugiesisch",
    "portugais",
    "portoghese",
    "portugees",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const NIF_GENERIC: &[&str] = &[
    "tax id",
    "tax number",
    "taxpayer",
    "vat",
    "steuernummer",
    "steuer-id",
    "numéro fiscal",
    "identifiant fiscal",
    "identificación fiscal",
    "número de identificación",
    "codice fiscale",
    "partita iva",
    "fiscaal nummer",
    "btw",
];

/// The leading digits the tax authority (AT) assigns: 1–3 people, 45 non-resident people,
/// 5 companies, 6 public bodies, 70–79 (except 73 and 76) estates, funds and special regimes,
/// 8 sole traders (legacy), 90/91 condominiums, 98 non-residents, 99 civil partnerships.
fn prefix_allowed(d: &[u8]) -> bool {
    match d.first() {
        Some(b'1' | b'2' | b'3' | b'5' | b'6' | b'8') => true,
        Some(b'4' | b'7' | b'9') => matches!(
            num(d.get(..2).unwrap_or_default()),
            45 | 70 | 71 | 72 | 74 | 75 | 77 | 78 | 79 | 90 | 91 | 98 | 99
        ),
        _ => false,
    }
}

/// Mod 11: weights 9..2 over the first eight digits; check digit `11 − sum mod 11`, where 10 and
/// 11 become 0 (as python-stdnum pt.nif).
pub(crate) fn nif_valid(d: &[u8]) -> bool {
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) || !prefix_allowed(d) {
        return false;
    }
    let sum = weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]);
    (11 - sum % 11) % 11 % 10 == u32::from(d[8] - b'0')
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    for run in &hay.numbers {
        let mut push = |g: Grouped| {
            if nif_valid(g.digits.as_bytes()) {
                out.push(candidate(
                    Kind::PtNif,
                    g.start,
                    g.end,
                    450,
                    "pt_nif.mod11",
                    true,
                ));
            }
        };
        each_grouped(run, hay.text, &[9], b"", &mut push);
        each_grouped(run, hay.text, &[3, 3, 3], b" .-", &mut push);
    }
}

#[cfg(test)]
mod tests {
    // Check digit, leading-digit rules and context.
    use super::*;
    use crate::detect::builtin::shape::testing::spans;

    #[test]
    fn check_digit_and_prefix() {
        // Synthetic, generated with python-stdnum pt.nif.
        assert!(nif_valid(b"289263166"));
        assert!(nif_valid(b"236148540"));
        assert!(nif_valid(b"455136904"));
        assert!(!nif_valid(b"289263167"));
        assert!(!nif_valid(b"236148541"));
        // Checksum-valid (python-stdnum) but 41 is not an assigned leading pair.
        assert!(!nif_valid(b"414873645"));
        assert!(!nif_valid(b"28926316"));
    }

    #[test]
    fn scan_needs_context() {
        let s = |t| spans(t, scan, NIF_CONTEXT, true);
        assert_eq!(s("o meu NIF é 289263166"), ["289263166"]);
        assert_eq!(s("contribuinte n.º 289 263 166"), ["289 263 166"]);
        assert!(s("encomenda 289263166").is_empty());
        assert!(s("NIF 289263167").is_empty());
    }
}

//! Payment card numbers: issuer prefix, length and Luhn, with any common separators.

use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "card",
    "credit",
    "debit",
    "visa",
    "mastercard",
    "amex",
    "cc",
    "pan",
    "karte",
    "kreditkarte",
    "carte",
    "tarjeta",
    "carta",
    "kaart",
    "creditcard",
    "cartão",
    "cartao",
    "cvv",
    "expiry",
    "exp",
];

/// Whether `digits` (ASCII) has the prefix and length of a real card scheme.
pub(crate) fn issuer_accepts(digits: &[u8]) -> bool {
    let n = digits.len();
    let prefix = |k: usize| -> u32 {
        digits[..k.min(n)]
            .iter()
            .fold(0, |a, &b| a * 10 + u32::from(b - b'0'))
    };
    match digits.first() {
        Some(b'4') => matches!(n, 13 | 16 | 19),
        Some(b'5') => {
            let p2 = prefix(2);
            (51..=55).contains(&p2) && n == 16
                || (p2 == 50 || (56..=59).contains(&p2)) && (12..=19).contains(&n)
        }
        Some(b'2') => {
            let p4 = prefix(4);
            ((2221..=2720).contains(&p4) || (2200..=2204).contains(&p4)) && n == 16
        }
        Some(b'3') => {
            let p2 = prefix(2);
            let p3 = prefix(3);
            let p4 = prefix(4);
            (p2 == 34 || p2 == 37) && n == 15
                || ((300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39)
                    && (14..=19).contains(&n)
                || (3528..=3589).contains(&p4) && (16..=19).contains(&n)
        }
        Some(b'6') => (12..=19).contains(&n),
        _ => false,
    }
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = hay.text.as_bytes();
    for run in &hay.numbers {
        if run.plus {
            continue;
        }
        // Longest first; several cards may share one run (`4012… 1881 5555… 4444`).
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (first, last) in run.subruns(12, 19) {
            if taken.iter().any(|&(f, l)| first <= l && f <= last) {
                continue;
            }
            let digits = run.digits(hay.text, first, last);
            if !issuer_accepts(digits.as_bytes()) || !luhn(digits.as_bytes()) {
                continue;
            }
            let (start, end) = run.span(first, last);
            if start > 0 && bytes[start - 1].is_ascii_alphanumeric()
                || end < bytes.len() && bytes[end].is_ascii_alphanumeric()
            {
                continue;
            }
            out.push(Candidate {
                kind: Kind::CreditCard,
                start,
                end,
                score: Score::from_milli(850),
                rule: "card.luhn",
                validated: true,
            });
            taken.push((first, last));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn published_test_cards_with_separators() {
        // Test numbers published by the card networks for integration testing.
        assert_eq!(
            found("visa 4012-8888-8888-1881 ok"),
            ["4012-8888-8888-1881"]
        );
        assert_eq!(found("amex 3782 822463 10005"), ["3782 822463 10005"]);
        assert_eq!(found("mc 5555555555554444 exp 12/27"), ["5555555555554444"]);
        assert_eq!(found("2223003122003222"), ["2223003122003222"]);
        assert_eq!(found("4012888888881881 12 27"), ["4012888888881881"]);
        assert_eq!(
            found("4012 8888 8888 1881 5555 5555 5555 4444"),
            ["4012 8888 8888 1881", "5555 5555 5555 4444"]
        );
    }

    #[test]
    fn luhn_failures_and_bad_prefixes_are_not_cards() {
        assert!(found("4012 8888 8888 1882").is_empty());
        assert!(found("1234567812345670").is_empty()); // Luhn-valid, no issuer starts with 1
        assert!(found("ab4012888888881881").is_empty());
    }
}

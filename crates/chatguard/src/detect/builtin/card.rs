//! Payment card numbers: issuer prefix, length and Luhn, with any common separators.

use crate::detect::builtin::shape::inside_uuid;
use crate::detect::checksum::luhn;
use crate::detect::hay::{Digits, Hay, NumberRun, MAX_GROUPS};
use crate::detect::Candidate;
use crate::table::Table;
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

/// The base score for `digits` (ASCII) given its issuer prefix and length, or `None` when no
/// card scheme issues that prefix at that length. Rare or short formats (13-digit Visa, Maestro
/// lengths other than 16) score just above the threshold, so one contrary word drops them.
pub(crate) fn issuer_score(digits: &[u8]) -> Option<u16> {
    let n = digits.len();
    let prefix = |k: usize| -> u32 {
        digits
            .iter()
            .take(k)
            .fold(0, |a, &b| a * 10 + u32::from(b.wrapping_sub(b'0')))
    };
    let (p2, p3, p4, p6) = (prefix(2), prefix(3), prefix(4), prefix(6));
    let maestro = |strong: u16| if n == 16 { strong } else { 550 };
    let score = match digits.first()? {
        b'4' => match n {
            16 | 19 => 850,
            13 => 550,
            _ => return None,
        },
        b'5' if (51..=55).contains(&p2) && n == 16 => 850,
        b'5' if (p2 == 50 || (56..=59).contains(&p2)) && (12..=19).contains(&n) => maestro(700),
        b'2' if ((2221..=2720).contains(&p4) || (2200..=2204).contains(&p4)) && n == 16 => 850,
        b'3' if (p2 == 34 || p2 == 37) && n == 15 => 850,
        b'3' if ((300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39)
            && (14..=19).contains(&n) =>
        {
            800
        }
        b'3' if (3528..=3589).contains(&p4) && (16..=19).contains(&n) => 850,
        // The rest of JCB's `35` block: unassigned, but test-card generators (Faker among them)
        // write JCB numbers anywhere in it, and a Luhn-valid 16-digit number there reads as a
        // card to anyone.
        b'3' if p2 == 35 && n == 16 => 600,
        // JCB's older 15-digit ranges.
        b'1' | b'2' if (p4 == 1800 || p4 == 2131) && n == 15 => 700,
        b'6' if (p4 == 6011 || (644..=649).contains(&p3) || p2 == 65) && (16..=19).contains(&n) => {
            850
        }
        b'6' if p2 == 62 && (16..=19).contains(&n) => 800,
        b'6' if (p4 == 6304
            || p4 == 6759
            || (6761..=6763).contains(&p4)
            || p6 == 676770
            || p6 == 676774
            || p3 == 639)
            && (12..=19).contains(&n) =>
        {
            maestro(600)
        }
        // The rest of the `6` block at 16 digits: Maestro's 56–69 range, RuPay (60), Iran's
        // Shetab banks (603799, 610433, 627353, …), InstaPayment (637–639) and national
        // schemes; UnionPay's 81 and RuPay's 82; UzCard (8600), Troy (9792), Prostir (9804) and
        // Humo (9860). Scored as the rarer Maestro lengths: one contrary word drops them.
        b'6' if n == 16 => 600,
        b'8' if (p2 == 81 || p2 == 82 || p4 == 8600) && n == 16 => 600,
        b'9' if matches!(p4, 9792 | 9804 | 9860) && n == 16 => 600,
        _ => return None,
    };
    Some(score)
}

/// True when the run continues a longer identifier: the word before it, one separator away,
/// has digits (`DE12 5059 1380 …` is an IBAN-like string, not a card after a word).
fn continues_identifier(bytes: &[u8], start: usize) -> bool {
    let bytes = Table(bytes);
    if start < 2 || !matches!(bytes[start - 1], b' ' | b'-' | b'.') {
        return false;
    }
    bytes[..start - 1]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .any(u8::is_ascii_digit)
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    for run in &hay.numbers {
        // Most runs (dates, prices, phone numbers) hold fewer digits than any card.
        if run.plus || run.digits < 12 || continues_identifier(&bytes, run.start) {
            continue;
        }
        // Longest first; several cards may share one run (`4012… 1881 5555… 4444`). A card made
        // of several groups starts the run: `4760-6339-0840-6968` holds no card in its tail.
        // Taken ranges are disjoint, so there are at most as many as groups: kept on the stack.
        let mut taken_buf = [(0usize, 0usize); MAX_GROUPS];
        let mut taken_len = 0;
        let whole = (0, run.groups.len().saturating_sub(1));
        // The whole run, when it holds a card's digits, is the longest range: a card there
        // takes every other range (most card runs are one card), so it is tried first without
        // listing the ranges.
        if run.digits <= 19 {
            if let Some(card) = card_at(hay.text, run, whole.0, whole.1) {
                out.push(card);
                continue;
            }
        }
        for (first, last) in run.subruns(12, 19) {
            if (first, last) == whole {
                // Tried above.
                continue;
            }
            let taken = &taken_buf[..taken_len];
            if first > 0 && first != last && !taken.iter().any(|&(_, l)| l + 1 == first) {
                continue;
            }
            if taken.iter().any(|&(f, l)| first <= l && f <= last) {
                continue;
            }
            let Some(card) = card_at(hay.text, run, first, last) else {
                continue;
            };
            out.push(card);
            if let Some(slot) = taken_buf.get_mut(taken_len) {
                *slot = (first, last);
                taken_len += 1;
            }
        }
    }
    double_spaced(hay, out);
}

/// The card on groups `first..=last` of `run`, if they hold one: not glued to a letter or digit
/// (an IBAN's digits after its country code), an issuer's prefix and length, and the Luhn sum.
/// Cards whose groups are joined by two spaces (`5352  0193  1236  9500`, as receipts and
/// copied PDFs print them). A number run takes one separator between groups, so each group is a
/// run of its own here: three to five runs of four to six digits, two spaces apart.
fn double_spaced(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    // The chain so far: its start, its end, its groups and their digits.
    let mut start = 0;
    let mut end = 0;
    let mut groups = 0;
    let mut digits = Digits::default();
    for run in &hay.numbers {
        let group = !run.plus && run.groups.len() == 1 && (4..=6).contains(&run.digits);
        let joins = groups > 0 && groups < 5 && bytes.get(end..run.start) == Some(b"  ".as_slice());
        if group && joins {
            end = run.end;
            groups += 1;
            digits.extend(bytes.get(run.start..run.end).unwrap_or_default());
            continue;
        }
        if groups >= 3 {
            out.extend(double_spaced_card(&bytes, start, end, &digits));
        }
        groups = 0;
        if group {
            (start, end, groups) = (run.start, run.end, 1);
            digits = Digits::default();
            digits.extend(bytes.get(run.start..run.end).unwrap_or_default());
        }
    }
    if groups >= 3 {
        out.extend(double_spaced_card(&bytes, start, end, &digits));
    }
}

/// The card at `start..end` whose groups hold `digits`, if its issuer, length and Luhn check pass
/// and nothing alphanumeric is glued to it.
fn double_spaced_card(
    bytes: &[u8],
    start: usize,
    end: usize,
    digits: &Digits,
) -> Option<Candidate> {
    let bytes = Table(bytes);
    if !(13..=19).contains(&digits.len())
        || start > 0 && bytes[start - 1].is_ascii_alphanumeric()
        || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
        || continues_identifier(&bytes, start)
    {
        return None;
    }
    checked_card(digits, start, end)
}

fn card_at(text: &str, run: NumberRun<'_>, first: usize, last: usize) -> Option<Candidate> {
    let bytes = Table(text.as_bytes());
    let (start, end) = run.span(first, last);
    if start > 0 && bytes[start - 1].is_ascii_alphanumeric()
        || end < bytes.len() && bytes[end].is_ascii_alphanumeric()
    {
        return None;
    }
    // Two groups joined by a dot are a decimal number (`352999360.34206533`, a Unix time with
    // its fraction), however its digits add up; and no card is written with a first group of
    // fewer than four digits (`367-1718244-6443529` is an order number). Digits inside a UUID
    // are no card either (`56923185-8584-…` passes Luhn as a 12-digit Maestro number).
    let first_group = run.groups.get(first).copied().unwrap_or_default();
    let decimal = last == first + 1 && bytes.get(first_group.1) == Some(&b'.');
    let short_lead = last > first && first_group.1 - first_group.0 < 4;
    if decimal || short_lead {
        return None;
    }
    checked_card(&run.digits(text, first, last), start, end).filter(|_| !inside_uuid(&bytes, start))
}

/// The card at `start..end` whose digits are `digits`, if an issuer takes that prefix and
/// length and the Luhn check passes.
fn checked_card(digits: &Digits, start: usize, end: usize) -> Option<Candidate> {
    let base = issuer_score(digits.as_bytes())?;
    luhn(digits.as_bytes()).then(|| Candidate {
        kind: Kind::CreditCard,
        start,
        end,
        score: Score::from_milli(base),
        rule: "card.luhn",
        validated: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan)
    }

    /// Trying the whole run first finds what trying every range longest first finds.
    #[test]
    fn the_whole_run_first_finds_what_every_range_finds() {
        // Published test numbers and their pieces, with separators and other numbers around.
        const PIECES: &[&str] = &[
            "4012888888881881",
            "4012 8888 8888 1881",
            "5555-5555-5555-4444",
            "3782 822463 10005",
            "4111",
            "1111",
            "12",
            "4",
            " ",
            "-",
            ".",
            "a",
        ];
        let mut found = 0;
        for text in crate::detect::builtin::shape::testing::random_texts(PIECES, 4_000, 70) {
            let hay = Hay::new(&text);
            let mut fast = Vec::new();
            scan(&hay, &mut fast);
            let bytes = text.as_bytes();
            let mut every = Vec::new();
            for run in &hay.numbers {
                if run.plus || run.digits < 12 || continues_identifier(bytes, run.start) {
                    continue;
                }
                let mut taken: Vec<(usize, usize)> = Vec::new();
                for (first, last) in run.subruns(12, 19) {
                    if first > 0 && first != last && !taken.iter().any(|&(_, l)| l + 1 == first)
                        || taken.iter().any(|&(f, l)| first <= l && f <= last)
                    {
                        continue;
                    }
                    if let Some(card) = card_at(&text, run, first, last) {
                        every.push(card);
                        taken.push((first, last));
                    }
                }
            }
            assert_eq!(fast, every, "{text:?}");
            found += every.len();
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn groups_joined_by_two_spaces() {
        // Published test numbers (card networks' integration-test numbers).
        assert_eq!(
            found("card: 4012  8888  8888  1881, thanks"),
            ["4012  8888  8888  1881"]
        );
        assert_eq!(found("amex 3782  822463  10005"), ["3782  822463  10005"]);
        // Not a card: the Luhn check fails, a group is glued to a letter, or too few groups.
        assert!(found("4012  8888  8888  1882").is_empty());
        assert!(found("4012  8888  8888  1881x").is_empty());
        assert!(found("4012  8888 8888  1881").is_empty());
        assert!(found("2019  2020  2021  2022").is_empty());
        assert!(found("ref 12  4012  8888  8888  1881").len() == 1);
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
    fn legacy_fifteen_digit_jcb() {
        // Synthetic Luhn-valid numbers in JCB's old 2131 and 1800 ranges.
        assert_eq!(found("JCB 213105215355942"), ["213105215355942"]);
        assert_eq!(found("card 180001234567899"), ["180001234567899"]);
        assert!(found("card 180001234567898").is_empty()); // Luhn fails
        assert!(found("card 1800012345678973").is_empty());
    }

    /// Synthetic Luhn-valid numbers of the national schemes and of the rest of JCB's block: found
    /// bare, dropped before a reference word (they score just above the threshold).
    #[test]
    fn national_schemes_and_the_rest_of_the_jcb_block() {
        for number in [
            "3512673197242869", // 35, below JCB's 3528
            "3591285249177458", // 35, above JCB's 3589
            "6037991234567893", // Shetab (Iran)
            "6104339876543210", // Shetab (Iran)
            "6063731234567890", // Shetab (Iran), Mehr Eghtesad
            "6999999999999991", // the rest of the 6 block
            "8123456789012340", // UnionPay 81
            "8600123456789012", // UzCard
            "9792001234567890", // Troy
            "9804123456789014", // Prostir
            "9860123456789015", // Humo
        ] {
            assert_eq!(found(&format!("pay with {number} today")), [number]);
            assert_eq!(issuer_score(number.as_bytes()), Some(600), "{number}");
        }
    }

    #[test]
    fn luhn_failures_and_bad_prefixes_are_not_cards() {
        assert!(found("4012 8888 8888 1882").is_empty());
        assert!(found("1234567812345670").is_empty()); // Luhn-valid, no issuer starts with 1
        assert!(found("ab4012888888881881").is_empty());
        // A Luhn-failing number whose tail would pass as a Maestro card.
        assert!(found("4760-6339-0840-6968").is_empty());
        // A decimal number whose digits pass (a Unix time with its fraction, synthetic).
        assert!(found("at 352999360.34206533").is_empty());
        assert_eq!(found("4012.8888.8888.1881"), ["4012.8888.8888.1881"]);
        // An order number in 3-7-7 groups whose digits pass (synthetic).
        assert!(found("order 367-1718244-6443529").is_empty());
        assert!(found("367-1718244-6443529").is_empty());
        // Card-shaped groups inside a longer identifier.
        assert!(found("DE12 5059 1380 9505 5924 00").is_empty());
        // The digit groups of a UUID (a random v4 UUID: its first 12 digits pass Luhn as a
        // Maestro number).
        assert!(luhn(b"569231858584"));
        assert!(found("see 56923185-8584-4351-a861-75dfc3ee2d02 for details").is_empty());
        assert!(found("56923185-8584-4351-8861-758122242020").is_empty());
        // Not a UUID around it: still a card.
        assert_eq!(
            found("card 5555-5555-5555-4444 thanks"),
            ["5555-5555-5555-4444"]
        );
        // Prefixes no scheme issues, and lengths the `6` block has only for the schemes above.
        assert_eq!(issuer_score(b"7999999999999999"), None);
        assert_eq!(issuer_score(b"9117120045471494"), None);
        assert_eq!(issuer_score(b"699999999999999"), None);
        assert_eq!(issuer_score(b"06049690565"), None); // faker's `0604` maestro
        assert_eq!(issuer_score(b"351267319724286"), None);
        assert_eq!(issuer_score(b"4222222222222"), Some(550));
    }
}

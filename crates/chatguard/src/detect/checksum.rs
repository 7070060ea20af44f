//! Check-digit algorithms shared by several identifier formats.
//!
//! Every function takes digit values or ASCII bytes that the caller has already sanitized and
//! returns whether the check passes. Known-answer vectors cite their source.

/// Luhn (ISO/IEC 7812-1 Annex B) over ASCII digits: payment cards, IMEI, Canadian SIN, Swedish
/// personnummer, South African ID.
pub(crate) fn luhn(digits: &[u8]) -> bool {
    // Every second digit from the right counts doubled, its two digits summed: `DOUBLED[d]`.
    const DOUBLED: [u32; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    if digits.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    let mut pairs = digits.rchunks_exact(2);
    for pair in &mut pairs {
        let (d1, d0) = (pair[0].wrapping_sub(b'0'), pair[1].wrapping_sub(b'0'));
        if d0 > 9 || d1 > 9 {
            return false;
        }
        sum += u32::from(d0) + DOUBLED[usize::from(d1)];
    }
    for &b in pairs.remainder() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return false;
        }
        sum += u32::from(d);
    }
    sum % 10 == 0
}

/// Luhn mod 36 over upper-case ASCII digits and letters (0–9 then A–Z, the "Luhn mod N"
/// generalisation): the Indian GSTIN's check character, as python-stdnum's `luhn` with alphabet
/// `0-9A-Z`.
pub(crate) fn luhn_mod36(chars: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &b) in chars.iter().rev().enumerate() {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        let v = if i % 2 == 1 { v * 2 } else { v };
        sum += v / 36 + v % 36;
    }
    !chars.is_empty() && sum % 36 == 0
}

/// The sum of the digit sums of each digit times its weight (weights below 12): the German
/// pension and health insurance numbers' check digits are this sum mod 10.
/// `digits` are digit values (0–9), not ASCII.
pub(crate) fn weighted_digit_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, w)| {
            let p = u32::from(d) * w;
            p / 10 + p % 10
        })
        .sum()
}

/// ISO 7064 MOD 97-10 over an alphanumeric string in IBAN order (letters count 10..35): IBAN, and
/// the BBAN-style checks that reuse it.
pub(crate) fn mod97(mut chars: impl Iterator<Item = u8>) -> bool {
    // The number is accumulated as is and reduced only when it nears the top of a `u64` (below
    // 2^56, one more letter's two digits still fit): the remainder is the same. Folded, so
    // that a chain of two slices runs as two plain loops.
    let folded = chars.try_fold((0u64, false), |(acc, _), b| {
        let (scale, v) = match b {
            b'0'..=b'9' => (10, u64::from(b - b'0')),
            b'A'..=b'Z' => (100, u64::from(b - b'A') + 10),
            b'a'..=b'z' => (100, u64::from(b - b'a') + 10),
            _ => return None,
        };
        let acc = acc * scale + v;
        Some((if acc >= 1 << 56 { acc % 97 } else { acc }, true))
    });
    matches!(folded, Some((acc, true)) if acc % 97 == 1)
}

const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// Verhoeff's dihedral check over ASCII digits (Aadhaar).
pub(crate) fn verhoeff(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut c = 0u8;
    for (i, &b) in digits.iter().rev().enumerate() {
        c = VERHOEFF_D[usize::from(c)][usize::from(VERHOEFF_P[i % 8][usize::from(b - b'0')])];
    }
    c == 0
}

/// ISO 7064 MOD 11,10 over ASCII digits (Croatian OIB, German Steuer-IdNr).
pub(crate) fn iso7064_mod11_10(digits: &[u8]) -> bool {
    if digits.len() < 2 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut p = 10u32;
    for &b in &digits[..digits.len() - 1] {
        let mut s = (u32::from(b - b'0') + p) % 10;
        if s == 0 {
            s = 10;
        }
        p = (s * 2) % 11;
    }
    let check = (11 - p) % 10;
    check == u32::from(digits[digits.len() - 1] - b'0')
}

/// The weighted sum `Σ digit[i] * weights[i]` over ASCII digits (as many as there are weights).
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&b, &w)| u32::from(b.wrapping_sub(b'0')) * w)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_known_answers() {
        // Test card numbers published by payment networks (e.g. Visa 4012888888881881).
        assert!(luhn(b"4012888888881881"));
        assert!(luhn(b"79927398713")); // the classic example from ISO/IEC 7812 descriptions
        assert!(!luhn(b"79927398710"));
        assert!(!luhn(b"4012888888881882"));
        assert!(!luhn(b""));
        assert!(!luhn(b"40a2"));
    }

    #[test]
    fn luhn_agrees_with_its_definition() {
        // The definition: from the right, every second digit doubled (9 taken off above 9).
        let by_definition = |digits: &[u8]| {
            let sum: u32 = digits
                .iter()
                .rev()
                .enumerate()
                .map(|(i, &b)| {
                    let d = u32::from(b - b'0') * if i % 2 == 1 { 2 } else { 1 };
                    if d > 9 {
                        d - 9
                    } else {
                        d
                    }
                })
                .sum();
            !digits.is_empty() && sum % 10 == 0
        };
        for n in 0..20_000u32 {
            let text = n.to_string();
            for digits in [&text.as_bytes()[1..], text.as_bytes()] {
                assert_eq!(luhn(digits), by_definition(digits), "{digits:?}");
            }
        }
        for bad in [&b"1234a"[..], b"a1234", b"12 34", b"/", b":1"] {
            assert!(!luhn(bad));
        }
    }

    #[test]
    fn luhn_mod36_known_answers() {
        // python-stdnum 2.2's in_.gstin documentation: 27AAPFU0939F1ZV valid, ...1ZW not.
        assert!(luhn_mod36(b"27AAPFU0939F1ZV"));
        assert!(!luhn_mod36(b"27AAPFU0939F1ZW"));
        assert!(!luhn_mod36(b"27aapfu0939f1zv"));
        assert!(!luhn_mod36(b""));
    }

    #[test]
    fn weighted_digit_sum_known_answers() {
        // 65170839J003, Wikipedia's (de) "Versicherungsnummer" example: J is 10, weights
        // 2-1-2-5-7-1-2-1-2-1-2-1, sum 43, check digit 3.
        let digits = [6, 5, 1, 7, 0, 8, 3, 9, 1, 0, 0, 0];
        assert_eq!(
            weighted_digit_sum(&digits, &[2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]) % 10,
            3
        );
    }

    #[test]
    fn mod97_known_answers() {
        // ECBS/SWIFT IBAN registry examples, rearranged (BBAN + country + check digits).
        let iban = "GB82WEST12345698765432";
        let rearranged = iban[4..].bytes().chain(iban[..4].bytes());
        assert!(mod97(rearranged));
        let bad = "GB82WEST12345698765433";
        assert!(!mod97(bad[4..].bytes().chain(bad[..4].bytes())));
    }

    /// `text` mod 97 carried one digit (one letter's two digits) at a time, the definition;
    /// `None` for a byte that is no digit or ASCII letter.
    fn remainder(text: &[u8]) -> Option<u32> {
        let mut rem = 0u32;
        for &b in text {
            let v = match b {
                b'0'..=b'9' => u32::from(b - b'0'),
                b'A'..=b'Z' => u32::from(b - b'A') + 10,
                b'a'..=b'z' => u32::from(b - b'a') + 10,
                _ => return None,
            };
            rem = (rem * if v >= 10 { 100 } else { 10 } + v) % 97;
        }
        Some(rem)
    }

    #[test]
    fn mod97_is_the_remainder_digit_by_digit() {
        let by_digit = |s: &[u8]| !s.is_empty() && remainder(s) == Some(1);
        const PIECES: &[&str] = &["0", "1", "9", "7", "A", "z", "Q", "99"];
        let texts = crate::detect::builtin::shape::testing::random_texts(PIECES, 20_000, 80);
        let mut valid = 0;
        for text in &texts {
            // Check digits that make the text valid, then the text as it is.
            let check = 98 - remainder(text.as_bytes()).map_or(0, |r| r * 100 % 97);
            for candidate in [format!("{text}{check:02}"), text.clone()] {
                let c = candidate.as_bytes();
                assert_eq!(mod97(c.iter().copied()), by_digit(c), "{candidate}");
                valid += usize::from(by_digit(c));
            }
        }
        assert!(valid > 20_000, "{valid}");
        assert!(!mod97(core::iter::empty()));
        assert!(!mod97(b"1-98".iter().copied()) && !by_digit(b"1-98"));
    }

    #[test]
    fn verhoeff_known_answers() {
        // Verhoeff (1969), worked example: 236 -> check digit 3.
        assert!(verhoeff(b"2363"));
        assert!(!verhoeff(b"2364"));
        // Synthetic Aadhaar-format numbers, checked with python-stdnum's verhoeff module; the
        // last pair exercises rows 4 and 5 of the permutation table.
        assert!(verhoeff(b"234123412346"));
        assert!(!verhoeff(b"234123412347"));
        assert!(verhoeff(b"730413757186"));
        assert!(verhoeff(b"629164872336"));
        assert!(!verhoeff(b"629164872337"));
    }

    #[test]
    fn iso7064_mod11_10_known_answers() {
        // Croatian OIB example from python-stdnum's hr.oib documentation: 33392005961.
        assert!(iso7064_mod11_10(b"33392005961"));
        assert!(!iso7064_mod11_10(b"33392005962"));
    }
}

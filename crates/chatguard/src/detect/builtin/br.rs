//! Brazilian taxpayer numbers: CPF (people, `000.000.000-00`) and CNPJ (companies,
//! `00.000.000/0000-00`), each with two mod-11 check digits (Receita Federal algorithm).
//!
//! The punctuated forms are distinctive and report on their own; the compact 11- and 14-digit
//! forms look like phone and order numbers (1 in 100 random numbers passes two check digits), so
//! they are registered separately and need a context word.

use super::shape::{all_same, scan_layouts, Layouts, Shape};
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CPF_CONTEXT: &[&str] = &[
    "cpf",
    "cadastro de pessoas",
    "cadastro de pessoa",
    "pessoa física",
    "pessoa fisica",
    "receita federal",
    "brazil",
    "brasil",
    "brasilien",
    "brésil",
    "nif",
    "brazilian",
    "brasileiro",
    "brasileira",
    "brasilianisch",
    "brésilien",
    "brasileño",
    "brasiliano",
    "braziliaans",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CPF_GENERIC: &[&str] = &[
    "contribuinte",
    "tax id",
    "taxpayer",
    "steuernummer",
    "fiscal",
    "documento",
];

pub(crate) const CNPJ_CONTEXT: &[&str] = &[
    "cnpj",
    "cadastro nacional",
    "pessoa jurídica",
    "pessoa juridica",
    "razão social",
    "razao social",
    "receita federal",
    "brazil",
    "brasil",
    "brasilien",
    "brésil",
];

/// Words naming a class of numbers this format shares with others (see `context`).
pub(crate) const CNPJ_GENERIC: &[&str] = &[
    "empresa",
    "company",
    "firma",
    "unternehmen",
    "entreprise",
    "società",
    "bedrijf",
    "tax id",
];

const CPF_FORMATTED: Layouts = Layouts::new(&["ddd.ddd.ddd-dd", "ddddddddd-dd", "ddd ddd ddd-dd"]);
const CPF_COMPACT: Layouts = Layouts::new(&["ddddddddddd", "ddd.ddd.ddd.dd", "ddd ddd ddd dd"]);
const CNPJ_FORMATTED: Layouts = Layouts::new(&["dd.ddd.ddd/dddd-dd", "dd.ddd.ddd/dddd.dd"]);
const CNPJ_COMPACT: Layouts =
    Layouts::new(&["dddddddddddddd", "dddddddd/dddd-dd", "dd ddd ddd dddd dd"]);

/// One Receita Federal check digit over `digits` with weights counting down to 2.
fn check_digit(digits: &[u8], top: u32) -> u8 {
    let mut sum = 0u32;
    let mut w = top;
    for &b in digits {
        sum += u32::from(b - b'0') * w;
        w = if w == 2 { 9 } else { w - 1 };
    }
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        (11 - r) as u8
    }
}

/// Checks a compact CPF: 11 digits, not all the same, two check digits.
pub(crate) fn cpf_valid(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) || all_same(d) {
        return false;
    }
    // CPF weights run 10..2 then 11..2 without wrapping.
    let weighted = |n: usize| -> u8 {
        let sum: u32 = d[..n]
            .iter()
            .enumerate()
            .map(|(i, &b)| u32::from(b - b'0') * (n as u32 + 1 - i as u32))
            .sum();
        let r = (sum * 10) % 11;
        (r % 10) as u8
    };
    weighted(9) == d[9] - b'0' && weighted(10) == d[10] - b'0'
}

/// Checks a compact CNPJ: 14 digits, not all the same, two check digits.
pub(crate) fn cnpj_valid(d: &[u8]) -> bool {
    if d.len() != 14 || !d.iter().all(u8::is_ascii_digit) || all_same(&d[..12]) {
        return false;
    }
    check_digit(&d[..12], 5) == d[12] - b'0' && check_digit(&d[..13], 6) == d[13] - b'0'
}

fn push(out: &mut Vec<Candidate>, s: &Shape, kind: Kind, milli: u16, rule: &'static str) {
    out.push(Candidate {
        kind,
        start: s.start,
        end: s.end,
        score: Score::from_milli(milli),
        rule,
        validated: true,
    });
}

/// CPF in its punctuated forms (reported without context).
pub(crate) fn scan_cpf(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_layouts(hay, &CPF_FORMATTED, |s| {
        let ok = cpf_valid(s.compact());
        if ok {
            push(out, s, Kind::BrCpf, 850, "br_cpf.mod11");
        }
        ok
    });
}

/// CPF as 11 plain digits (needs context).
pub(crate) fn scan_cpf_compact(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_layouts(hay, &CPF_COMPACT, |s| {
        let ok = cpf_valid(s.compact());
        if ok {
            push(out, s, Kind::BrCpf, 500, "br_cpf.mod11");
        }
        ok
    });
}

/// CNPJ in its punctuated form (reported without context).
pub(crate) fn scan_cnpj(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_layouts(hay, &CNPJ_FORMATTED, |s| {
        let ok = cnpj_valid(s.compact());
        if ok {
            push(out, s, Kind::BrCnpj, 850, "br_cnpj.mod11");
        }
        ok
    });
}

/// CNPJ as 14 plain digits (needs context).
pub(crate) fn scan_cnpj_compact(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_layouts(hay, &CNPJ_COMPACT, |s| {
        let ok = cnpj_valid(s.compact());
        if ok {
            push(out, s, Kind::BrCnpj, 500, "br_cnpj.mod11");
        }
        ok
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn cpf_known_answers() {
        // python-stdnum br.cpf documentation examples: 390.533.447-05 valid, 231.002.999-00 not.
        assert!(cpf_valid(b"39053344705"));
        assert!(!cpf_valid(b"23100299900"));
        assert!(!cpf_valid(b"39053344706")); // off by one in the second check digit
        assert!(!cpf_valid(b"39053344715")); // off by one in the first check digit
        assert!(!cpf_valid(b"11111111111")); // passes mod 11, rejected as all-same
        assert!(!cpf_valid(b"3905334470"));
        // Synthetic, generated with python-stdnum (br.cpf) and faker.
        assert!(cpf_valid(b"52998224725"));
        assert!(cpf_valid(b"01234567890"));
    }

    #[test]
    fn cnpj_known_answers() {
        // python-stdnum br.cnpj documentation: 16.727.230/0001-97 valid, 16.727.230.0001-98 not.
        assert!(cnpj_valid(b"16727230000197"));
        assert!(!cnpj_valid(b"16727230000198"));
        assert!(!cnpj_valid(b"16727230000187"));
        assert!(!cnpj_valid(b"00000000000000"));
        // Synthetic, generated with python-stdnum (br.cnpj).
        assert!(cnpj_valid(b"11222333000181"));
    }

    #[test]
    fn cpf_in_sentences() {
        assert_eq!(
            found(scan_cpf, "Meu CPF é 390.533.447-05, obrigado"),
            ["390.533.447-05"]
        );
        assert_eq!(found(scan_cpf, "id 390533447-05"), ["390533447-05"]);
        assert!(found(scan_cpf, "Meu CPF é 390.533.447-06").is_empty());
        assert!(found(scan_cpf, "111.111.111-11").is_empty());
        assert!(found(scan_cpf, "39053344705").is_empty()); // compact is the other scanner's
        assert_eq!(found(scan_cpf_compact, "cpf 39053344705"), ["39053344705"]);
        assert!(found(scan_cpf_compact, "tel 39053344706").is_empty());
    }

    #[test]
    fn cnpj_in_sentences() {
        assert_eq!(
            found(scan_cnpj, "CNPJ da empresa: 16.727.230/0001-97."),
            ["16.727.230/0001-97"]
        );
        assert!(found(scan_cnpj, "16.727.230/0001-98").is_empty());
        assert_eq!(
            found(scan_cnpj_compact, "cnpj 16727230000197"),
            ["16727230000197"]
        );
        assert!(found(scan_cnpj_compact, "216727230000197").is_empty());
    }
}

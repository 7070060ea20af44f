//! International Securities Identification Numbers (ISO 6166): a two-letter country code
//! (ISO 3166-1 plus the codes the numbering agencies use, such as XS and EU), nine alphanumeric
//! characters and a Luhn check digit computed over the letters expanded to numbers (A = 10 …
//! Z = 35). Real ISINs are digit-heavy (CUSIP, SEDOL, WKN-based national numbers), so an ISIN with
//! at least five digits reports without context; a letter-heavy one, which random upper-case
//! codes (coupons, references) also produce, needs a context word.

use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::{Kind, Score};

use super::shape::standalone;
use super::vat;
use crate::detect::context::{has_support, Support};
use crate::table::Table;

pub(crate) const CONTEXT: &[&str] = &[
    "isin",
    "security",
    "securities",
    "share",
    "shares",
    "stock",
    "bond",
    "fund",
    "etf",
    "wertpapier",
    "aktie",
    "anleihe",
    "valeur mobilière",
    "titre",
    "action",
    "obligation",
    "valor",
    "acción",
    "bono",
    "titolo",
    "azione",
    "obbligazione",
    "effect",
    "aandeel",
    "obligatie",
    "ação",
    "título",
];

/// Country prefixes accepted in an ISIN (python-stdnum isin list: ISO 3166-1 alpha-2 and the
/// agency codes), space separated.
const COUNTRIES: &[u8] =
    b"AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO \
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CS CU CV CW CX CY CZ DE DJ \
    DK DM DO DZ EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP \
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH \
    KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN \
    MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH \
    PK PL PM PN PR PS PT PW PY QA QS QT RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN \
    SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ \
    VA VC VE VG VI VN VU WF WS XA XB XC XD XF XK XS YE YT ZA ZM ZW";

fn country_ok(cc: &[u8]) -> bool {
    COUNTRIES.chunks(3).any(|c| c.get(..2) == Some(cc))
}

/// Checks an upper-case ISIN.
pub(crate) fn isin_valid(c: &[u8]) -> bool {
    if c.len() != 12
        || !c[..2].iter().all(u8::is_ascii_uppercase)
        || !c[2..11]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        || !c[11].is_ascii_digit()
        || !country_ok(&c[..2])
    {
        return false;
    }
    // Expand letters to two digits; 11 characters give at most 22 digits, then the check digit.
    let mut buf = [0u8; 24];
    let mut n = 0;
    for &b in c {
        if b.is_ascii_digit() {
            buf[n] = b;
            n += 1;
        } else {
            let v = b - b'A' + 10;
            buf[n] = b'0' + v / 10;
            buf[n + 1] = b'0' + v % 10;
            n += 2;
        }
    }
    luhn(&buf[..n])
}

/// The fewest digits an ISIN needs to report without context.
const STRONG_DIGITS: usize = 5;

/// Digit-heavy ISINs: reported without context.
pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_digits(hay, out, STRONG_DIGITS..=10);
}

/// Letter-heavy ISINs: need context.
pub(crate) fn scan_letters(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_digits(hay, out, 1..=STRONG_DIGITS - 1);
}

fn scan_digits(hay: &Hay<'_>, out: &mut Vec<Candidate>, digits: core::ops::RangeInclusive<usize>) {
    let bytes = Table(hay.text.as_bytes());
    for word in &hay.words {
        if word.len() != 12 || !digits.contains(&word.digits) {
            continue;
        }
        let w = &bytes[word.start..word.end];
        if isin_valid(w)
            && standalone(&bytes, word.start, word.end, false)
            && !named_as_vat(hay, word.start, word.end)
        {
            out.push(Candidate {
                kind: Kind::Isin,
                start: word.start,
                end: word.end,
                score: Score::from_milli(850),
                rule: "isin.luhn",
                validated: true,
            });
        }
    }
}

/// True when a VAT word names the value and no securities word does: a country prefix and ten
/// digits is also how VAT numbers of Czechia, Poland, Slovakia or Switzerland (`CHE` and nine
/// digits) are written, and one in ten that fails its VAT check passes the ISIN's.
fn named_as_vat(hay: &Hay<'_>, start: usize, end: usize) -> bool {
    let vat_words = Support {
        specific: vat::CONTEXT,
        generic: vat::GENERIC,
    };
    has_support(hay.text, start, end, vat_words)
        && !has_support(hay.text, start, end, Support::only(CONTEXT))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn known_answers() {
        // python-stdnum isin documentation: US0378331005 valid, US0378331003 not,
        // GB00BYXJL758 built from the SEDOL BYXJL75.
        assert!(isin_valid(b"US0378331005"));
        assert!(!isin_valid(b"US0378331003"));
        assert!(!isin_valid(b"US0378331006"));
        assert!(isin_valid(b"GB00BYXJL758"));
        assert!(!isin_valid(b"GB00BYXJL759"));
        // Published ISIN of Siemens AG ordinary shares (issuer fact sheet).
        assert!(isin_valid(b"DE0007236101"));
        // Luhn-valid but no such country prefix (synthetic).
        assert!(!country_ok(b"ZZ"));
        assert!(!isin_valid(b"us0378331005"));
    }

    #[test]
    fn in_sentences() {
        assert_eq!(found("Buy ISIN US0378331005 today"), ["US0378331005"]);
        assert_eq!(found("(GB00BYXJL758)"), ["GB00BYXJL758"]);
        // Faker's VAT numbers whose VAT check fails (synthetic) pass the ISIN check by chance:
        // a VAT word names them, so they are not ISINs; a securities word keeps an ISIN.
        assert!(isin_valid(b"CZ3171008989") && isin_valid(b"PL2458921527"));
        assert!(found("Our VAT number is CZ3171008989.").is_empty());
        assert!(found("NIP: PL2458921527").is_empty());
        assert_eq!(
            found("VAT aside, the fund's ISIN is PL2458921527"),
            ["PL2458921527"]
        );
        assert!(found("US0378331003").is_empty());
        assert!(found("XUS0378331005").is_empty());
        // A CUSIP with a letter (Alphabet Inc., US38259P5089 in issuer documents) still has 9 digits.
        assert_eq!(found("US38259P5089"), ["US38259P5089"]);
    }

    #[test]
    fn letter_heavy_isins_need_the_other_scanner() {
        // Synthetic: a random upper-case code that happens to pass (country ES, Luhn).
        assert!(isin_valid(b"ESP9OOWTYNM1"));
        let hay = Hay::new("code ESP9OOWTYNM1");
        let mut out = Vec::new();
        scan(&hay, &mut out);
        assert!(out.is_empty());
        scan_letters(&hay, &mut out);
        assert_eq!(out.len(), 1);
    }
}

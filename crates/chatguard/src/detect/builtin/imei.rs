//! Device IMEIs (3GPP TS 23.003): an 8-digit Type Allocation Code, a 6-digit serial number and a
//! Luhn check digit. The GSMA presentation `AA-BBBBBB-CCCCCC-D` and `TAC-SNR-D` report on their
//! own; a bare 15-digit string, or 14 digits and a separated check digit, need a context word. An
//! all-zero TAC is never allocated and is rejected.

use super::shape::{scan_with, Layouts, Report};
use crate::detect::checksum::luhn;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::Kind;

pub(crate) const CONTEXT: &[&str] = &[
    // "imei" is used as-is in every language; the other entries name the device identifier.
    // Words for "phone" or "serial" are left out on purpose: they sit next to phone numbers and
    // serial numbers, which a 15-digit Luhn check cannot tell from an IMEI.
    "imei",
    "imeisv",
    "meid",
    "*#06#",
    "device id",
    "handset id",
    "geräte-id",
    "gerätekennung",
    "identifiant de l'appareil",
    "identificador del dispositivo",
    "id del dispositivo",
    "identificativo del dispositivo",
    "apparaat-id",
    "identificador do aparelho",
    "identificador do dispositivo",
];

/// The GSMA presentation and TAC-serial-check: distinctive enough to report alone.
const SEPARATED: Layouts = Layouts::new(&[
    "dd-dddddd-dddddd-d",
    "dd dddddd dddddd d",
    "dddddddd-dddddd-d",
]);
/// Fifteen plain digits, or 14 and a separated check digit: need context.
const PLAIN: Layouts = Layouts::new(&["ddddddddddddddd", "dddddddddddddd-d", "dddddddddddddd d"]);

/// Checks a compact 15-digit IMEI.
pub(crate) fn imei_valid(d: &[u8]) -> bool {
    d.len() == 15
        && d.iter().all(u8::is_ascii_digit)
        && d[..8].iter().any(|&b| b != b'0')
        && luhn(d)
}

/// The separated forms: reported without context.
pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::Imei,
        milli: 750,
        rule: "imei.luhn",
    };
    scan_with(hay, out, &SEPARATED, imei_valid, &report);
}

/// Fifteen plain digits or `14+1`: needs context.
pub(crate) fn scan_compact(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let report = Report {
        kind: Kind::Imei,
        milli: 500,
        rule: "imei.luhn",
    };
    scan_with(hay, out, &PLAIN, imei_valid, &report);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::builtin::shape::testing::{spans_found, ScanFn};

    fn found(scan: ScanFn, text: &str) -> Vec<&str> {
        spans_found(text, scan)
    }

    #[test]
    fn known_answers() {
        // python-stdnum imei documentation: 35686800-004141-20 (IMEISV) and 35-209900-176148-1.
        assert!(imei_valid(b"352099001761481"));
        assert!(!imei_valid(b"352099001761482"));
        assert!(!imei_valid(b"352099001761480"));
        assert!(!imei_valid(b"35209900176148"));
        // Luhn-valid with an all-zero TAC (synthetic): never allocated.
        assert!(!imei_valid(b"000000000000000"));
        assert!(!imei_valid(b"000000001234566"));
        // Synthetic, generated with python-stdnum imei.
        assert!(imei_valid(b"490154203237518"));
    }

    #[test]
    fn in_sentences() {
        assert_eq!(
            found(scan, "IMEI 35-209900-176148-1 on the box"),
            ["35-209900-176148-1"]
        );
        assert_eq!(found(scan, "35209900-176148-1"), ["35209900-176148-1"]);
        assert!(found(scan, "35209900176148-1").is_empty());
        assert_eq!(
            found(scan_compact, "imei 35209900176148-1"),
            ["35209900176148-1"]
        );
        assert!(found(scan, "35-209900-176148-2").is_empty());
        assert!(found(scan, "352099001761481").is_empty());
        assert_eq!(
            found(scan_compact, "imei: 490154203237518"),
            ["490154203237518"]
        );
        assert!(found(scan_compact, "4901542032375189").is_empty());
    }
}

//! MAC addresses (EUI-48): six hex pairs joined by `:` or `-` (`00:1A:2B:3C:4D:5E`,
//! `00-1a-2b-3c-4d-5e`) and the three dotted quads of hex digits Cisco prints (`001a.2b3c.4d5e`),
//! with one separator throughout. Forms made only of decimal digits look like other numbers and
//! get a score that needs a context word. Twelve hex digits without separators (`001A2B3C4D5E`,
//! as routers and inventories print them, with a digit and a letter) are a MAC address only right
//! after a MAC word: alone they are as likely a short git hash or an id.

use memchr::memchr3_iter;

use super::phone::has_context_within;
use super::triggers;
use crate::detect::hay::{count_bit, Hay};
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "mac",
    "mac address",
    "hardware address",
    "physical address",
    "ethernet",
    "wifi",
    "wi-fi",
    "wlan",
    "bssid",
    "nic",
    "bluetooth",
    "adresse mac",
    "dirección mac",
    "indirizzo mac",
    "mac-adres",
    "endereço mac",
    "mac-adresse",
];

/// Base score of a MAC address with at least one hex letter.
const HEX: u16 = 800;
/// Base score of a MAC address made of decimal digits only.
const DIGITS_ONLY: u16 = 400;

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_separated(hay, out);
    scan_compact(hay, out);
}

/// The three notations with separators.
fn scan_separated(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // Every notation has a separator right before a hex digit: chat without a separator joined
    // to what follows has none to read.
    if !triggers::separator_joins(hay) {
        return;
    }
    let bytes = Table(hay.text.as_bytes());
    let mut covered = 0;
    for p in memchr3_iter(b':', b'-', b'.', &bytes) {
        if p < covered {
            continue;
        }
        let sep = bytes[p];
        let (group, count) = if sep == b'.' { (4, 3) } else { (2, 6) };
        // The same separator one group on: without it no address starts one group back.
        if bytes.get(p + group + 1) != Some(&sep) {
            continue;
        }
        let Some(start) = p.checked_sub(group) else {
            continue;
        };
        let Some(end) = parse(&bytes, start, sep, group, count) else {
            continue;
        };
        covered = end;
        let digits_only = bytes[start..end]
            .iter()
            .all(|&b| b.is_ascii_digit() || b == sep);
        out.push(Candidate {
            kind: Kind::MacAddress,
            start,
            end,
            score: Score::from_milli(if digits_only { DIGITS_ONLY } else { HEX }),
            rule: "mac.address",
            validated: false,
        });
    }
}

/// How far before a compact address its MAC word may end (`MAC address: `, `mac-adresse er `).
const COMPACT_BEFORE: usize = 24;

/// Twelve hex digits without separators, with a MAC word at most [`COMPACT_BEFORE`] bytes before
/// them (`MAC 001A2B3C4D5E`, `Die MAC-Adresse ist 3c22fb123456`).
fn scan_compact(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // Most texts have no word of twelve characters with a digit.
    if hay.counts.word_lens & count_bit(12) == 0 {
        return;
    }
    let bytes = Table(hay.text.as_bytes());
    for w in &hay.words {
        // A digit and a hex letter: twelve decimal digits are any other number.
        if w.len() != 12 || w.digits == 0 || w.digits == 12 {
            continue;
        }
        let Some(raw) = bytes.get(w.start..w.end) else {
            continue;
        };
        // One case throughout, as devices print them (`001a2b…` or `001A2B…`).
        let lower = raw.iter().any(u8::is_ascii_lowercase);
        let upper = raw.iter().any(u8::is_ascii_uppercase);
        if !raw.iter().all(u8::is_ascii_hexdigit)
            || lower && upper
            || parse_bounds(&bytes, w.start, w.end).is_none()
            || !has_context_within(hay.text, w.start, w.end, COMPACT_BEFORE, 0, CONTEXT)
        {
            continue;
        }
        out.push(Candidate {
            kind: Kind::MacAddress,
            start: w.start,
            end: w.end,
            score: Score::from_milli(HEX),
            rule: "mac.compact",
            validated: false,
        });
    }
}

/// `Some(())` when nothing that continues an address or a word is glued to `start..end`.
fn parse_bounds(bytes: &[u8], start: usize, end: usize) -> Option<()> {
    let bytes = Table(bytes);
    let glued = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    if start > 0 && (glued(bytes[start - 1]) || matches!(bytes[start - 1], b':' | b'-' | b'.')) {
        return None;
    }
    match bytes.get(end) {
        Some(&b) if glued(b) => None,
        Some(b':' | b'-' | b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) => {
            None
        }
        _ => Some(()),
    }
}

/// Reads `count` hex groups of `group` digits joined by `sep` from `start`; returns the end when
/// the address stands alone (no hex or separator glued on either side).
fn parse(bytes: &[u8], start: usize, sep: u8, group: usize, count: usize) -> Option<usize> {
    let bytes = Table(bytes);
    if start > 0 {
        let p = bytes[start - 1];
        if p.is_ascii_alphanumeric() || p == b'_' || p >= 0x80 || matches!(p, b':' | b'-' | b'.') {
            return None;
        }
    }
    let mut i = start;
    for k in 0..count {
        if k > 0 {
            if bytes.get(i) != Some(&sep) {
                return None;
            }
            i += 1;
        }
        let g = bytes.get(i..i + group)?;
        if !g.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        i += group;
    }
    // Mixed case inside one address is unusual but legal; mixed separators are not.
    match bytes.get(i) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80 => None,
        Some(&b) if b == sep || b == b':' || b == b'-' => {
            // A seventh group (EUI-64, byte dumps) or a different separator continuing.
            if bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit) {
                None
            } else {
                Some(i)
            }
        }
        _ => Some(i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .filter(|c| c.score.as_f32() >= 0.5)
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    // Addresses use the IEEE documentation OUI 00-00-5E-00-53-xx (RFC 7042) or are synthetic.

    #[test]
    fn the_three_notations() {
        assert_eq!(found("mac 00:1A:2B:3C:4D:5E."), ["00:1A:2B:3C:4D:5E"]);
        assert_eq!(found("00-1a-2b-3c-4d-5e"), ["00-1a-2b-3c-4d-5e"]);
        assert_eq!(found("(001a.2b3c.4d5e)"), ["001a.2b3c.4d5e"]);
        assert_eq!(
            found("00-00-5E-00-53-01 and aa:bb:cc:dd:ee:ff"),
            ["00-00-5E-00-53-01", "aa:bb:cc:dd:ee:ff"]
        );
        assert_eq!(
            found("Die MAC-Adresse ist 3C:22:FB:12:34:56"),
            ["3C:22:FB:12:34:56"]
        );
    }

    #[test]
    fn addresses_across_the_shared_pass_block_edges_are_found() {
        for pad in 50..80 {
            for mac in ["00:1A:2B:3C:4D:5E", "aa-bb-cc-dd-ee-ff", "001a.2b3c.4d5e"] {
                let text = format!("{} {mac} x", "y".repeat(pad));
                assert_eq!(found(&text), [mac], "{text}");
            }
        }
    }

    fn found_compact(text: &str) -> Vec<&str> {
        crate::detect::builtin::shape::testing::spans_found(text, scan_compact)
    }

    #[test]
    fn compact_addresses_after_a_mac_word() {
        for text in [
            "MAC 001A2B3C4D5E",
            "mac address: 00005e005301",
            "My WiFi MAC is 3C22FB123456.",
            "Die MAC-Adresse ist 3c22fb123456",
            "BSSID 00005E005302, channel 6",
        ] {
            let want = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .find(|w| w.len() == 12)
                .unwrap();
            assert_eq!(found_compact(text), [want], "{text}");
        }
    }

    #[test]
    fn compact_hex_without_a_mac_word_is_no_address() {
        for text in [
            "commit 3c22fb123456 fixed it", // a short git hash
            "id 001a2b3c4d5e",              // an id
            "MAC 001A2B3C4D5",              // eleven digits
            "MAC 001A2B3C4D5E6F",           // fourteen
            "MAC 001a2B3C4D5E",             // mixed case
            "MAC 00G A2B3C4D5E",            // not hex
            "MAC x001A2B3C4D5E",            // glued
            "MAC 001A2B3C4D5E:ff",          // more groups
            "MAC 123456789012",             // decimal digits only
            "My MacBook from 2019 is slow; ticket 001A2B3C4D5E was opened", // word too far
            "from [MAC_ADDRESS_1] 4527d37ad70c", // a redaction placeholder names no MAC
            "[MAC_ADDRESS_1], 4527d37ad70c",
        ] {
            assert!(
                found_compact(text).is_empty(),
                "{text}: {:?}",
                found_compact(text)
            );
        }
    }

    #[test]
    fn not_mac_addresses() {
        for text in [
            "00:1A:2B:3C:4D",          // five groups
            "00:1A:2B:3C:4D:5E:6F",    // seven groups
            "00:1A:2B:3C:4D:5E:6F:70", // EUI-64 / byte dump
            "00:1A-2B:3C:4D:5E",       // mixed separators
            "00:1G:2B:3C:4D:5E",       // not hex
            "x00:1A:2B:3C:4D:5E",
            "12:30:45",
            "2024-05-01",
            "001a.2b3c",
            "001a.2b3c.4d5e.6f70",
            "550e8400-e29b-41d4-a716-446655440000",
            "192.168.1.1",
            "2001:db8::1",
            "12-34-56-78-90-12", // decimal only: needs a context word
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}

//! IP addresses: IPv4 dotted quads (octets `0..=255`, no leading zeros) and IPv6 in full,
//! compressed, zoned (`fe80::1%eth0`) and IPv4-mapped (`::ffff:192.0.2.1`) forms.
//!
//! A dotted quad is also what a version number looks like: quads that are part of a longer dotted
//! number are never reported, quads right after a version word (`version`, `v`, `release`,
//! `build` …) are dropped unless an IP word is near, and quads of four single digits (`1.2.3.4`)
//! need an IP context word. IPv6 text is validated as `core::net::Ipv6Addr` reads it
//! ([`is_ipv6`]); times (`12:30:45`), MAC addresses and colon-separated byte dumps do not parse
//! or are rejected by shape.

use super::phone::{has_context_near, has_context_within};
use crate::detect::hay::{find_bytes, Hay};
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "ip",
    "ipv4",
    "ipv6",
    "ip address",
    "address",
    "addr",
    "host",
    "server",
    "gateway",
    "subnet",
    "router",
    "dns",
    "ping",
    "ssh",
    "firewall",
    "proxy",
    "vpn",
    "client",
    "localhost",
    "adresse",
    "dirección",
    "direccion",
    "indirizzo",
    "adres",
    "endereço",
    "endereco",
    "servidor",
    "serveur",
];

/// Words right before a dotted quad that make it a version number.
const VERSION_WORDS: &[&str] = &[
    "version", "ver", "v", "release", "rel", "build", "rev", "revision", "firmware", "fw", "patch",
    // A browser's user agent: `Mozilla/5.0 (X11; Linux x86_64; rv:1.9.2.20) Gecko/…`.
    "rv", "update", "sdk", "versión", "versao", "versão", "versione", "versie",
];

/// Base score of a dotted quad with at least one multi-digit octet.
const V4: u16 = 700;
/// Base score of a quad of single digits (`1.2.3.4`): needs an IP word to pass.
const V4_SMALL: u16 = 400;
/// Base score of an IPv6 address.
const V6: u16 = 800;
/// The longest IPv6 text (with an embedded IPv4 part) plus room for a zone.
const MAX_V6: usize = 64;

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan_v4(hay, out);
    // Every IPv6 address has a `:`.
    if hay.may_contain(b':') {
        scan_v6(hay.text, out);
    }
}

fn octet_ok(b: &[u8]) -> bool {
    match b {
        [_] => true,
        [b'0', ..] => false,
        [_, _] => true,
        [a, b2, c] => {
            (u32::from(*a - b'0') * 100 + u32::from(*b2 - b'0') * 10 + u32::from(*c - b'0')) <= 255
        }
        _ => false,
    }
}

fn scan_v4(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = Table(text.as_bytes());
    for run in &hay.numbers {
        let g = &run.groups;
        if g.len() < 4 {
            continue;
        }
        let dot_after = |i: usize| g[i].1 < bytes.len() && bytes[g[i].1] == b'.';
        for first in 0..=g.len() - 4 {
            let last = first + 3;
            if !(first..last).all(dot_after) {
                continue;
            }
            // Not part of a longer dotted number (versions, OIDs).
            if first > 0 && dot_after(first - 1) || last + 1 < g.len() && dot_after(last) {
                continue;
            }
            if !g[first..=last].iter().all(|&(s, e)| octet_ok(&bytes[s..e])) {
                continue;
            }
            let (start, end) = (g[first].0, g[last].1);
            if !v4_bounds_ok(text, start, end) {
                continue;
            }
            let near_ip = has_context_near(hay, start, end, CONTEXT);
            if !near_ip && has_context_within(text, start, end, 24, 0, VERSION_WORDS) {
                // The version word may be part of a value redaction takes away (`DNI
                // 09511897-V and then 192.0.2.44`), or an IP word come within reach.
                hay.note_passed_over();
                continue;
            }
            let small = g[first..=last].iter().all(|&(s, e)| e - s == 1);
            out.push(Candidate {
                kind: Kind::IpAddress,
                start,
                end,
                score: Score::from_milli(if small { V4_SMALL } else { V4 }),
                rule: "ip.v4",
                validated: false,
            });
        }
    }
}

/// The quad must stand alone: not glued to letters, not after a dot or inside an IPv6 text.
fn v4_bounds_ok(text: &str, start: usize, end: usize) -> bool {
    let bytes = Table(text.as_bytes());
    if start > 0 {
        let p = bytes[start - 1];
        if p.is_ascii_alphanumeric() || matches!(p, b'.' | b'_' | b'-' | b'$' | b'#') || p >= 0x80 {
            return false;
        }
        if p == b':' {
            let head = &bytes[..start - 1];
            let tail = &head[head.len().saturating_sub(5)..];
            if head.ends_with(b":") || tail.eq_ignore_ascii_case(b":ffff") {
                return false;
            }
        }
    }
    match bytes.get(end) {
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'%') || *b >= 0x80 => false,
        Some(b'.' | b'-') => !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
        _ => true,
    }
}

fn is_v6_byte(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':' || b == b'.'
}

fn scan_v6(text: &str, out: &mut Vec<Candidate>) {
    let text = Table(text);
    let bytes = Table(text.as_bytes());
    let mut covered = 0;
    for colon in memchr::memchr_iter(b':', &bytes) {
        if colon < covered {
            continue;
        }
        let mut start = colon;
        while start > 0 && colon - start < MAX_V6 && is_v6_byte(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = colon + 1;
        while end < bytes.len() && end - start < MAX_V6 && is_v6_byte(bytes[end]) {
            end += 1;
        }
        covered = end;
        if let Some((s, e)) = v6_at(&text, start, end) {
            covered = e;
            out.push(Candidate {
                kind: Kind::IpAddress,
                start: s,
                end: e,
                score: Score::from_milli(if &text[s..e] == "::1" { 600 } else { V6 }),
                rule: "ip.v6",
                validated: false,
            });
        }
    }
}

/// Validates the IPv6-looking text `start..end` and returns the address span (zone included).
fn v6_at(text: &str, start: usize, mut end: usize) -> Option<(usize, usize)> {
    let bytes = Table(text.as_bytes());
    if start > 0 {
        let p = bytes[start - 1];
        if p.is_ascii_alphanumeric() || p == b'_' || p >= 0x80 {
            return None;
        }
    }
    // Trailing sentence dots and a lone trailing colon are punctuation.
    while end > start && bytes[end - 1] == b'.' {
        end -= 1;
    }
    if end > start + 1 && bytes[end - 1] == b':' && bytes[end - 2] != b':' {
        end -= 1;
    }
    let addr_text = text.get(start..end)?;
    if end - start > 45 || end - start < 3 {
        return None;
    }
    if !is_ipv6(addr_text.as_bytes()) {
        return None;
    }
    if !v6_shape_ok(addr_text) {
        return None;
    }
    // Zone id: `%eth0`, `%25` in URLs.
    let mut zend = end;
    if bytes.get(end) == Some(&b'%') {
        let mut k = end + 1;
        while k < bytes.len()
            && k - end <= 16
            && (bytes[k].is_ascii_alphanumeric() || matches!(bytes[k], b'_' | b'-'))
        {
            k += 1;
        }
        if k > end + 1 {
            zend = k;
        }
    }
    match bytes.get(zend) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80 => None,
        _ => Some((start, zend)),
    }
}

/// True when `text` is an IPv6 address as `core::net::Ipv6Addr`'s `FromStr` reads one: up to
/// eight groups of one to four hex digits separated by `:`, one `::` standing for one or more
/// zero groups, and a dotted quad (no leading zeros) in place of the last two groups. Written
/// out, step for step as std's parser goes, so that the browser module links none of
/// `core::net`'s parser (the tests compare the two on every short text of the address bytes).
fn is_ipv6(text: &[u8]) -> bool {
    let (head, head_v4, at) = v6_groups(text, 0, 8);
    if head == 8 {
        return at == text.len();
    }
    // A dotted quad may not come before `::`.
    if head_v4 || text.get(at..at + 2) != Some(b"::") {
        return false;
    }
    // `::` stands for at least one zero group.
    let (_, _, end) = v6_groups(text, at + 2, 8 - (head + 1));
    end == text.len()
}

/// Reads up to `limit` groups of `text` from `at` (std's `read_groups`): a group is `:` (but
/// for the first) and one to four hex digits, or, with two groups still to go, `:` (but for
/// the first) and a dotted quad, which ends the list. Returns the groups read (a quad counts
/// two), whether a quad ended them, and where reading stopped.
fn v6_groups(text: &[u8], mut at: usize, limit: usize) -> (usize, bool, usize) {
    for i in 0..limit {
        let from = if i == 0 {
            at
        } else if text.get(at) == Some(&b':') {
            at + 1
        } else {
            return (i, false, at);
        };
        if i + 1 < limit {
            if let Some(end) = dotted_quad(text, from) {
                return (i + 2, true, end);
            }
        }
        let digits = text
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if digits == 0 || digits > 4 {
            return (i, false, at);
        }
        at = from + digits;
    }
    (limit, false, at)
}

/// The end of the dotted quad at `at` as std reads one (`read_ipv4_addr`): four decimal numbers
/// of one to three digits, each at most 255 and without a leading zero, joined by `.`.
fn dotted_quad(text: &[u8], mut at: usize) -> Option<usize> {
    for i in 0..4 {
        if i > 0 {
            if text.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        let number = text.get(at..)?;
        let digits = number.iter().take_while(|b| b.is_ascii_digit()).count();
        let value = number.get(..digits)?.iter().try_fold(0u32, |v, &d| {
            Some(v * 10 + u32::from(d - b'0')).filter(|&v| v <= 255)
        });
        let leading_zero = digits > 1 && number.first() == Some(&b'0');
        if digits == 0 || digits > 3 || value.is_none() || leading_zero {
            return None;
        }
        at += digits;
    }
    Some(at)
}

/// Shapes that parse as IPv6 but are something else: colon-separated byte dumps
/// (`de:ad:be:ef:00:11:22:33`) and short compressed forms such as `a::b` that are not a known
/// address range.
fn v6_shape_ok(t: &str) -> bool {
    if t == "::" {
        return false;
    }
    let compressed = find_bytes(t.as_bytes(), b"::").is_some();
    let hex_groups: Vec<&str> = t
        .split(':')
        .filter(|g| !g.is_empty() && !g.as_bytes().contains(&b'.'))
        .collect();
    let has_v4 = t.as_bytes().contains(&b'.');
    if !compressed {
        return !hex_groups.iter().all(|g| g.len() == 2);
    }
    if hex_groups.len() >= 3 || t == "::1" || has_v4 {
        return true;
    }
    let Some(first) = hex_groups.first() else {
        return false;
    };
    if t.starts_with("::") {
        return false;
    }
    let f = first.to_ascii_lowercase();
    let f = f.as_bytes();
    // Global unicast 2000::/3, link-local fe80::/10, unique local fc00::/7, multicast ff00::/8.
    f.len() == 4 && matches!(f[0], b'2' | b'3')
        || f.len() == 4 && f.starts_with(b"fe") && matches!(f[2], b'8' | b'9' | b'a' | b'b')
        || f.len() >= 3 && (f.starts_with(b"fc") || f.starts_with(b"fd"))
        || f.len() == 4 && f.starts_with(b"ff")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_ipv6`] answers as `core::net::Ipv6Addr`'s parser: on every text of up to six bytes
    /// from the address bytes (and a few others), and on 300,000 pseudo-random longer ones
    /// built from groups, quads and separators.
    #[test]
    fn is_ipv6_reads_what_std_parses() {
        // Whether `is_ipv6` accepts `t`, after checking that std's parser agrees.
        let agreed = |t: &[u8]| {
            let std_reads = core::str::from_utf8(t)
                .ok()
                .and_then(|t| t.parse::<core::net::Ipv6Addr>().ok())
                .is_some();
            assert_eq!(is_ipv6(t), std_reads, "{:?}", String::from_utf8_lossy(t));
            std_reads
        };
        const BYTES: &[u8] = b"0125aF:.g";
        let mut text = Vec::new();
        let mut accepted = 0;
        for len in 0..=6u32 {
            for mut n in 0..BYTES.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(BYTES[n % BYTES.len()]);
                    n /= BYTES.len();
                }
                accepted += usize::from(agreed(&text));
            }
        }
        const PARTS: &[&str] = &[
            ":",
            ":",
            ":",
            "::",
            ".",
            "0",
            "1",
            "00",
            "01",
            "10",
            "255",
            "256",
            "300",
            "0000",
            "ffff",
            "FfFf",
            "12345",
            "abc",
            "1.2.3.4",
            "192.168.0.1",
            "1.2.3",
            "01.2.3.4",
            "1.2.3.4.5",
            "256.1.1.1",
            "g",
            "%",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300_000 {
            text.clear();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut r = seed;
            for _ in 0..(r % 16) {
                r /= 16;
                let part = PARTS[(r % PARTS.len() as u64) as usize];
                text.extend_from_slice(part.as_bytes());
                r = r.rotate_left(11) ^ seed;
            }
            accepted += usize::from(agreed(&text));
        }
        assert!(accepted > 10_000, "{accepted}");
    }

    fn found(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .filter(|c| c.score.as_f32() >= 0.5)
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    fn all(text: &str) -> Vec<&str> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    // Addresses are from the documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24,
    // 203.0.113.0/24) and RFC 3849 (2001:db8::/32), plus private and loopback addresses.

    #[test]
    fn ipv4_quads() {
        assert_eq!(found("server at 192.0.2.1, ok"), ["192.0.2.1"]);
        assert_eq!(found("ssh 10.0.0.254:22"), ["10.0.0.254"]);
        assert_eq!(found("route 198.51.100.0/24"), ["198.51.100.0"]);
        assert_eq!(found("255.255.255.0"), ["255.255.255.0"]);
        assert_eq!(found("Mi IP es 203.0.113.9."), ["203.0.113.9"]);
        assert_eq!(
            found("from 192.168.1.1 to 192.168.1.2"),
            ["192.168.1.1", "192.168.1.2"]
        );
        assert_eq!(found("http://192.0.2.1/x"), ["192.0.2.1"]);
        // Single-digit quads score low without an IP word; with one the context scorer raises them.
        assert!(found("1.2.3.4").is_empty());
        assert_eq!(all("dns 8.8.8.8"), ["8.8.8.8"]);
    }

    #[test]
    fn ipv4_invalid_and_versions() {
        for text in [
            "256.1.1.1",
            "192.168.01.1",
            "1.2.3.4.5",
            "10.0.0.1.2",
            "version 10.2.30.4",
            "release 12.0.3.44",
            "v 10.20.30.40",
            "v10.20.30.40",
            "build 2.16.240.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:1.9.6.20) Gecko/20100101 Firefox/3.6.15",
            "1.3.6.1.4.1",
            "192.168.1",
            "a192.168.1.1",
            "192.168.1.1a",
            "2024.05.01",
            "12:30:45",
            "1,299.00",
            "ISBN 978-3-16-148410-0",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
        // An IP word wins over a version word.
        assert_eq!(
            found("version 2 of the server ip 10.20.30.40"),
            ["10.20.30.40"]
        );
    }

    #[test]
    fn ipv6_forms() {
        for (text, want) in [
            ("addr 2001:db8::8a2e:370:7334 ok", "2001:db8::8a2e:370:7334"),
            (
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            ),
            ("ping ::1", "::1"),
            ("fe80::1%eth0 is link-local", "fe80::1%eth0"),
            ("mapped ::ffff:192.0.2.1.", "::ffff:192.0.2.1"),
            ("[2001:db8::1]:8080", "2001:db8::1"),
            ("Server: 2001:db8::1.", "2001:db8::1"),
            ("fd12:3456:789a:1::1", "fd12:3456:789a:1::1"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn ipv6_negatives() {
        for text in [
            "12:30:45",
            "at 12:30 or 10:00:00.000",
            "00:1A:2B:3C:4D:5E",
            "de:ad:be:ef:00:11:22:33",
            "std::vec::Vec",
            "a::b",
            "dead::beef",
            "::",
            "1::2::3",
            "Note: see",
            "2001:db8:::1",
            "12345::",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
    }
}

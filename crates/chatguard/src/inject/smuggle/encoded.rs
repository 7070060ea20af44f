//! Encoded payloads: base64, hexadecimal and percent-encoding that decode to an instruction.
//!
//! Candidates are found in one byte pass: runs of the base64 alphabet (16 bytes or more; an
//! all-hex run is read as hex), hex byte pairs written with separators or `\x`/`0x` prefixes
//! (eight pairs or more), and tokens with `%XX` escapes. A candidate counts only when it decodes
//! to valid, printable UTF-8 whose words weigh at least one strong instruction stem (see
//! `lexicon.rs`). Images in data URLs, hashes, keys and tokens decode to binary or to words that
//! are not instructions, and pass.

use super::lexicon::{self, STRONG};
use super::{Family, SmuggleSignal};
use crate::detect::builtin::secret::decode_base64;
use crate::detect::hay::find_bytes_iter;
use crate::Span;

/// Shortest base64 or contiguous hex run worth decoding.
const MIN_RUN: usize = 16;
/// Fewest separated hex pairs worth decoding.
const MIN_PAIRS: usize = 8;

/// Runs the pass and appends its signals. `may_hold_runs` is false when the word pass saw no
/// word that a base64 or hex run could contain; the run search is then skipped.
pub(super) fn scan(text: &str, may_hold_runs: bool, out: &mut Vec<SmuggleSignal>) {
    let bytes = text.as_bytes();
    if may_hold_runs {
        base64_and_hex_runs(text, bytes, out);
    }
    if memchr::memchr(b'\\', bytes).is_some() {
        // Each `\x` sequence is read once, from its first escape.
        let mut read_to = 0;
        for k in find_bytes_iter(bytes, b"\\x") {
            if k >= read_to {
                read_to = separated_hex_at(text, bytes, k, out).max(k + 2);
            }
        }
    }
    if memchr::memchr(b'%', bytes).is_some() {
        percent_encoded(text, bytes, out);
    }
}

fn is_base64_byte(b: u8) -> bool {
    BASE64_BYTES[usize::from(b)]
}

/// The bytes of both base64 alphabets and padding.
static BASE64_BYTES: [bool; 256] = base64_bytes();

const fn base64_bytes() -> [bool; 256] {
    let mut out = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        out[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=' | b'-' | b'_');
        b += 1;
    }
    out
}

/// Runs of the base64 alphabet: long ones are decoded as base64 or hex; short ones that start
/// a sequence of separated hex pairs (`69 67`, `0x69 0x67`) are read as such.
fn base64_and_hex_runs(text: &str, bytes: &[u8], out: &mut Vec<SmuggleSignal>) {
    let mut i = 0;
    let mut skip_to = 0;
    while i < bytes.len() {
        let Some(len) = bytes
            .get(i..)
            .and_then(|r| r.iter().position(|&b| is_base64_byte(b)))
        else {
            break;
        };
        i += len;
        let start = i;
        i += bytes
            .get(i..)
            .and_then(|r| r.iter().position(|&b| !is_base64_byte(b)))
            .unwrap_or(bytes.len() - i);
        if start >= skip_to && matches!(i - start, 2 | 4) && starts_hex_pairs(bytes, start, i) {
            skip_to = separated_hex_at(text, bytes, start, out);
        }
        if i - start < MIN_RUN {
            continue;
        }
        // Separators at the edges belong to the sentence, not the payload.
        let (mut s, mut e) = (start, i);
        while s < e
            && bytes
                .get(s)
                .is_some_and(|b| matches!(b, b'-' | b'_' | b'/' | b'+' | b'='))
        {
            s += 1;
        }
        while e > s
            && bytes
                .get(e - 1)
                .is_some_and(|b| matches!(b, b'-' | b'_' | b'/' | b'+'))
        {
            e -= 1;
        }
        if e - s >= MIN_RUN {
            if let Some(run) = bytes.get(s..e) {
                decode_run(text, run, s, out);
            }
        }
    }
}

fn decode_run(text: &str, run: &[u8], at: usize, out: &mut Vec<SmuggleSignal>) {
    let hex = run
        .strip_prefix(b"0x")
        .or_else(|| run.strip_prefix(b"0X"))
        .unwrap_or(run);
    if hex.len() % 2 == 0 && hex.iter().all(u8::is_ascii_hexdigit) {
        let decoded: Vec<u8> = hex
            .chunks_exact(2)
            .filter_map(|p| match p {
                [hi, lo] => Some(hex_value(*hi)? << 4 | hex_value(*lo)?),
                _ => None,
            })
            .collect();
        accept(text, Family::Hex, at, at + run.len(), &decoded, out);
        return;
    }
    let standard = run.iter().any(|&b| b == b'+' || b == b'/');
    let url_safe = run.iter().any(|&b| b == b'-' || b == b'_');
    if standard && url_safe {
        return;
    }
    // Only letters and digits are needed to spell text; a run of letters alone is a word.
    if !run.iter().any(u8::is_ascii_digit) && !standard && !run.ends_with(b"=") {
        let mixed_case =
            run.iter().any(u8::is_ascii_uppercase) && run.iter().any(u8::is_ascii_lowercase);
        if !mixed_case {
            return;
        }
    }
    if let Some(decoded) = decode_base64(run, url_safe) {
        accept(text, Family::Base64, at, at + run.len(), &decoded, out);
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// True when the run `start..end` is a hex pair (`69`, `0x69`) followed by a separator and
/// another pair: the start of `69 67 6e` or `0x69,0x67`.
fn starts_hex_pairs(bytes: &[u8], start: usize, end: usize) -> bool {
    let pair = |at: usize| {
        let at = match bytes.get(at..at + 2) {
            Some(b"0x" | b"0X") => at + 2,
            _ => at,
        };
        bytes
            .get(at..at + 2)
            .is_some_and(|p| p.iter().all(u8::is_ascii_hexdigit))
            .then_some(at + 2)
    };
    pair(start) == Some(end)
        && matches!(bytes.get(end), Some(b' ' | b':' | b','))
        && pair(end + 1).is_some()
}

/// `69 67 6e`, `69:67:6e`, `\x69\x67\x6e`, `0x69 0x67` from `start`: byte pairs with a prefix
/// or one separator each. Returns where the pairs end.
fn separated_hex_at(text: &str, bytes: &[u8], start: usize, out: &mut Vec<SmuggleSignal>) -> usize {
    let mut count = 0;
    let end = hex_pairs(bytes, start, &mut |_| count += 1);
    if count >= MIN_PAIRS {
        let mut decoded = Vec::with_capacity(count);
        hex_pairs(bytes, start, &mut |b| decoded.push(b));
        accept(text, Family::Hex, start, end, &decoded, out);
    }
    end
}

/// Reads separated hex pairs from `start`, handing each byte to `emit`; returns where they end.
fn hex_pairs(bytes: &[u8], start: usize, emit: &mut dyn FnMut(u8)) -> usize {
    let mut at = start;
    let mut end = start;
    loop {
        let mut j = at;
        let rest = bytes.get(j..).unwrap_or(&[]);
        if rest.starts_with(b"\\x") || rest.starts_with(b"0x") || rest.starts_with(b"0X") {
            j += 2;
        }
        let pair = (
            bytes.get(j).copied().and_then(hex_value),
            bytes.get(j + 1).copied().and_then(hex_value),
        );
        let (Some(hi), Some(lo)) = pair else { break };
        let after = bytes.get(j + 2).copied();
        let prefixed_next = bytes.get(j + 2..).is_some_and(|r| r.starts_with(b"\\x"));
        if after.is_some_and(|b| b.is_ascii_alphanumeric()) && !prefixed_next {
            break;
        }
        emit(hi << 4 | lo);
        end = j + 2;
        at = match after {
            Some(b' ' | b':' | b',') => end + 1,
            _ if prefixed_next => end,
            _ => break,
        };
    }
    end
}

/// Tokens with `%XX` escapes. Ordinary links escape spaces and punctuation; a payload escapes
/// letters too, so at least one escape must stand for a letter or digit.
fn percent_encoded(text: &str, bytes: &[u8], out: &mut Vec<SmuggleSignal>) {
    let mut from = 0;
    while let Some(k) = bytes.get(from..).and_then(|r| memchr::memchr(b'%', r)) {
        let pct = from + k;
        let mut start = pct;
        while start > 0 && bytes.get(start - 1).is_some_and(|b| is_url_byte(*b)) {
            start -= 1;
        }
        let mut end = pct;
        while bytes.get(end).is_some_and(|b| is_url_byte(*b)) {
            end += 1;
        }
        let token = bytes.get(start..end).unwrap_or(&[]);
        let mut decoded = Vec::with_capacity(token.len());
        let mut escaped_letter = false;
        let mut i = 0;
        while let Some(&b) = token.get(i) {
            let escape = (b == b'%')
                .then(|| Some(hex_value(*token.get(i + 1)?)? << 4 | hex_value(*token.get(i + 2)?)?))
                .flatten();
            match escape {
                Some(v) => {
                    escaped_letter |= v.is_ascii_alphanumeric();
                    decoded.push(v);
                    i += 3;
                }
                None => {
                    decoded.push(if b == b'+' { b' ' } else { b });
                    i += 1;
                }
            }
        }
        if escaped_letter {
            accept(text, Family::UrlEncoding, start, end, &decoded, out);
        }
        from = end.max(pct + 1);
    }
}

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_graphic()
        && !matches!(
            b,
            b'"' | b'\'' | b'<' | b'>' | b'(' | b')' | b'[' | b']' | b'`'
        )
}

/// Reports `decoded` when it is printable text that weighs as an instruction.
fn accept(
    text: &str,
    family: Family,
    start: usize,
    end: usize,
    decoded: &[u8],
    out: &mut Vec<SmuggleSignal>,
) {
    let Ok(decoded) = core::str::from_utf8(decoded) else {
        return;
    };
    let total = decoded.chars().count();
    let printable = decoded
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .count();
    if total == 0 || printable * 10 < total * 9 {
        return;
    }
    if lexicon::weigh_text(decoded) < u32::from(STRONG) || text.get(start..end).is_none() {
        return;
    }
    out.push(SmuggleSignal {
        family,
        span: Span::new(start, end),
        revealed: decoded.to_owned(),
    });
}

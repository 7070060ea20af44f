//! Cryptocurrency wallet addresses, each with its own checksum:
//!
//! * Bitcoin legacy addresses: base58check, P2PKH (`1…`, version 0x00) and P2SH (`3…`, version
//!   0x05), the last 4 bytes of the 25-byte payload being the first 4 bytes of SHA-256(SHA-256)
//!   of the first 21 (Bitcoin wiki, "Base58Check encoding").
//! * Bitcoin segwit addresses: `bc1…` in bech32 (witness version 0, BIP 173) or bech32m
//!   (versions 1-16, BIP 350), with the BIP 141 program-length rules.
//! * Ethereum addresses: `0x` and 40 hex digits. Mixed case carries the EIP-55 checksum
//!   (Keccak-256 of the lower-case hex), which must pass; all-lower or all-upper addresses have
//!   no checksum and are reported by a separate recognizer at a score just above the threshold:
//!   `0x` and exactly 40 hex digits is an address's shape and nothing else's in chat (transaction
//!   hashes and keys have 64), so a wallet word is not required, but a contrary word drops them.

use sha2::{Digest, Sha256};
use sha3::Keccak256;

use super::shape::standalone;
use crate::detect::hay::Hay;
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "wallet",
    "address",
    "bitcoin",
    "btc",
    "ethereum",
    "eth",
    "crypto",
    "usdt",
    "usdc",
    "metamask",
    "send to",
    // "send to" in the other languages
    "senden an",
    "schick an",
    "envoie à",
    "envoyer à",
    "envía a",
    "enviar a",
    "manda a",
    "invia a",
    "stuur naar",
    "envia para",
    "enviar para",
    "manda para",
    "wallet-adresse",
    "adresse",
    "geldbörse",
    "portefeuille",
    "billetera",
    "monedero",
    "cartera",
    "dirección",
    "portafoglio",
    "indirizzo",
    "portemonnee",
    "adres",
    "carteira",
    "endereço",
];

// ----- base58check ----------------------------------------------------------------------------

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn base58_value(b: u8) -> Option<u32> {
    BASE58.iter().position(|&a| a == b).map(|p| p as u32)
}

/// Checks a legacy Bitcoin address: 25-byte base58 payload, version 0x00 (`1…`) or 0x05
/// (`3…`), double-SHA-256 checksum.
pub(crate) fn base58check_valid(s: &[u8]) -> bool {
    if !(26..=35).contains(&s.len()) || !matches!(s.first(), Some(b'1' | b'3')) {
        return false;
    }
    let mut buf = [0u8; 25];
    for &c in s {
        let Some(mut carry) = base58_value(c) else {
            return false;
        };
        for byte in buf.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        if carry != 0 {
            return false; // more than 25 bytes
        }
    }
    // Each leading '1' encodes one leading zero byte; the number itself must fill the rest.
    let ones = s.iter().take_while(|&&c| c == b'1').count();
    let zeros = buf.iter().take_while(|&&b| b == 0).count();
    if zeros != ones || !matches!(buf[0], 0x00 | 0x05) {
        return false;
    }
    let first = Sha256::digest(&buf[..21]);
    let second = Sha256::digest(first);
    second[..4] == buf[21..]
}

// ----- bech32 / bech32m -----------------------------------------------------------------------

const BECH32: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BECH32_CONST: u32 = 1;
const BECH32M_CONST: u32 = 0x2bc8_30a3;

fn polymod_step(chk: u32, v: u32) -> u32 {
    const GEN: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let top = chk >> 25;
    let mut chk = ((chk & 0x01ff_ffff) << 5) ^ v;
    for (i, g) in GEN.iter().enumerate() {
        if (top >> i) & 1 == 1 {
            chk ^= g;
        }
    }
    chk
}

/// Which bech32 variant a valid segwit address used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Segwit {
    /// Witness version 0, bech32 checksum.
    V0,
    /// Witness version 1-16, bech32m checksum.
    V1Plus,
}

/// Checks a mainnet segwit address (`bc1…`, one case): charset, checksum variant matching the
/// witness version, and program length (2-40 bytes; 20 or 32 for version 0).
pub(crate) fn segwit_valid(s: &[u8]) -> Option<Segwit> {
    if !(14..=90).contains(&s.len()) {
        return None;
    }
    let lower = s.iter().any(u8::is_ascii_lowercase);
    let upper = s.iter().any(u8::is_ascii_uppercase);
    if lower && upper {
        return None;
    }
    if !s[..3].eq_ignore_ascii_case(b"bc1") {
        return None;
    }
    // The data part: everything after "bc1", at least 6 checksum characters plus a version.
    let mut values = [0u8; 87];
    let data = &s[3..];
    for (v, &c) in values.iter_mut().zip(data) {
        let c = c.to_ascii_lowercase();
        *v = BECH32.iter().position(|&a| a == c)? as u8;
    }
    let values = &values[..data.len()];
    if values.len() < 7 {
        return None;
    }
    // hrp "bc" expanded: high bits, 0, low bits.
    let mut chk = 1u32;
    for &h in b"bc" {
        chk = polymod_step(chk, u32::from(h >> 5));
    }
    chk = polymod_step(chk, 0);
    for &h in b"bc" {
        chk = polymod_step(chk, u32::from(h & 31));
    }
    for &v in values {
        chk = polymod_step(chk, u32::from(v));
    }
    let version = values[0];
    let kind = match (version, chk) {
        (0, BECH32_CONST) => Segwit::V0,
        (1..=16, BECH32M_CONST) => Segwit::V1Plus,
        _ => return None,
    };
    // Convert the program from 5-bit groups to bytes: no more than 4 bits of zero padding.
    let program = &values[1..values.len() - 6];
    let bits = program.len() * 5;
    if bits % 8 > 4 {
        return None;
    }
    let mut acc = 0u32;
    let mut nbits = 0;
    for &v in program {
        acc = ((acc << 5) | u32::from(v)) & 0xfff;
        nbits += 5;
        if nbits >= 8 {
            nbits -= 8;
        }
    }
    if acc & ((1 << nbits) - 1) != 0 {
        return None; // non-zero padding bits
    }
    let len = bits / 8;
    if !(2..=40).contains(&len) || version == 0 && len != 20 && len != 32 {
        return None;
    }
    Some(kind)
}

// ----- Ethereum -------------------------------------------------------------------------------

/// The case of an Ethereum address's hex letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EthCase {
    /// Mixed case that passes EIP-55.
    Checksummed,
    /// All letters one case (or no letters): no checksum to verify.
    Unchecked,
}

/// Checks `0x` + 40 hex digits; mixed case must pass EIP-55.
pub(crate) fn eth_valid(s: &[u8]) -> Option<EthCase> {
    if s.len() != 42 || s[0] != b'0' || s[1] != b'x' {
        return None;
    }
    let hex = &s[2..];
    if !hex.iter().all(u8::is_ascii_hexdigit) || hex.iter().all(|&b| b == hex[0]) {
        return None;
    }
    let lower = hex.iter().any(u8::is_ascii_lowercase);
    let upper = hex.iter().any(u8::is_ascii_uppercase);
    if !(lower && upper) {
        return Some(EthCase::Unchecked);
    }
    let mut ascii = [0u8; 40];
    for (a, &b) in ascii.iter_mut().zip(hex) {
        *a = b.to_ascii_lowercase();
    }
    let hash = Keccak256::digest(ascii);
    for (i, &b) in hex.iter().enumerate() {
        if b.is_ascii_digit() {
            continue;
        }
        let byte = hash[i / 2];
        let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
        if (nibble >= 8) != b.is_ascii_uppercase() {
            return None;
        }
    }
    Some(EthCase::Checksummed)
}

fn candidate(
    start: usize,
    end: usize,
    milli: u16,
    rule: &'static str,
    validated: bool,
) -> Candidate {
    Candidate {
        kind: Kind::CryptoWallet,
        start,
        end,
        score: Score::from_milli(milli),
        rule,
        validated,
    }
}

/// Base58check, bech32/bech32m and EIP-55 addresses: reported without context.
/// The fewest characters of any address form: a bech32 address (`segwit_valid`); base58check
/// ones have 26 or more, Ethereum ones 42.
const SHORTEST: usize = 14;

/// True when a word with a digit is [`SHORTEST`] characters long or longer (read off the hay's
/// word lengths).
fn has_long_word(hay: &Hay<'_>) -> bool {
    hay.counts.word_lens >> SHORTEST != 0
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    // Most words with digits (a card's groups, an address's octets) are far shorter; chat
    // without digits has none at all.
    if !has_long_word(hay) {
        return;
    }
    for word in hay.words.iter().filter(|w| w.len() >= SHORTEST) {
        let w = &bytes[word.start..word.end];
        let found = match w.first() {
            Some(b'1' | b'3') if base58check_valid(w) => Some("crypto_wallet.base58check"),
            Some(b'b' | b'B') => match segwit_valid(w) {
                Some(Segwit::V0) => Some("crypto_wallet.bech32"),
                Some(Segwit::V1Plus) => Some("crypto_wallet.bech32m"),
                None => None,
            },
            Some(b'0') => match eth_valid(w) {
                Some(EthCase::Checksummed) => Some("crypto_wallet.eip55"),
                _ => None,
            },
            _ => None,
        };
        if let Some(rule) = found {
            if standalone(&bytes, word.start, word.end, false) {
                out.push(candidate(word.start, word.end, 850, rule, true));
            }
        }
    }
}

/// Ethereum addresses without a checksum (one case), at a score just above the threshold.
pub(crate) fn scan_unchecked(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let bytes = Table(hay.text.as_bytes());
    if !has_long_word(hay) {
        return;
    }
    for word in hay.words.iter().filter(|w| w.len() >= SHORTEST) {
        let w = &bytes[word.start..word.end];
        if eth_valid(w) == Some(EthCase::Unchecked)
            && standalone(&bytes, word.start, word.end, false)
        {
            out.push(candidate(
                word.start,
                word.end,
                550,
                "crypto_wallet.eth_hex",
                false,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(scan: fn(&Hay<'_>, &mut Vec<Candidate>), text: &str) -> Vec<(String, &'static str)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| (text[c.start..c.end].to_string(), c.rule))
            .collect()
    }

    #[test]
    fn base58check_known_answers() {
        // Bitcoin wiki examples: a P2PKH address, the genesis block's address and a P2SH address.
        assert!(base58check_valid(b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));
        assert!(base58check_valid(b"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
        assert!(base58check_valid(b"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"));
        // One character changed: the checksum fails.
        assert!(!base58check_valid(b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"));
        assert!(!base58check_valid(b"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz"));
        // Not base58 ('0', 'O', 'I', 'l' are excluded), too short, too long.
        assert!(!base58check_valid(b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0"));
        assert!(!base58check_valid(b"1BvBMSEYstWetq"));
        assert!(!base58check_valid(
            b"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2aaaaaaaa"
        ));
        // An extra leading '1' adds a zero byte: 26 bytes, not an address.
        assert!(!base58check_valid(b"11BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));
    }

    #[test]
    fn segwit_known_answers() {
        // BIP 173 valid addresses (version 0, bech32).
        assert_eq!(
            segwit_valid(b"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"),
            Some(Segwit::V0)
        );
        assert_eq!(
            segwit_valid(b"bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"),
            Some(Segwit::V0)
        );
        // BIP 350 valid taproot address (version 1, bech32m).
        assert_eq!(
            segwit_valid(b"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"),
            Some(Segwit::V1Plus)
        );
        // BIP 350 invalid: version 0 with a bech32m checksum, version 1 with bech32.
        assert_eq!(
            segwit_valid(b"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"),
            None
        );
        assert_eq!(
            segwit_valid(b"bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4"),
            None
        );
        // Mixed case and a changed character.
        assert_eq!(
            segwit_valid(b"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4"),
            None
        );
        assert_eq!(
            segwit_valid(b"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"),
            None
        );
    }

    #[test]
    fn eip55_known_answers() {
        // EIP-55 specification test vectors.
        for a in [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        ] {
            assert_eq!(eth_valid(a.as_bytes()), Some(EthCase::Checksummed), "{a}");
        }
        // One letter's case flipped: the checksum fails.
        assert_eq!(
            eth_valid(b"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"),
            None
        );
        assert_eq!(
            eth_valid(b"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
            Some(EthCase::Unchecked)
        );
        assert_eq!(
            eth_valid(b"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae"),
            None
        );
        assert_eq!(
            eth_valid(b"0x0000000000000000000000000000000000000000"),
            None
        );
    }

    #[test]
    fn in_sentences() {
        assert_eq!(
            found(
                scan,
                "send 0.1 BTC to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 please"
            ),
            [(
                "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2".to_string(),
                "crypto_wallet.base58check"
            )]
        );
        assert_eq!(
            found(scan, "(bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4)"),
            [(
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4".to_string(),
                "crypto_wallet.bech32"
            )]
        );
        assert_eq!(
            found(
                scan,
                "my wallet: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed."
            ),
            [(
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".to_string(),
                "crypto_wallet.eip55"
            )]
        );
        assert!(found(scan, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").is_empty());
        assert_eq!(
            found(
                scan_unchecked,
                "eth 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
            ),
            [(
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed".to_string(),
                "crypto_wallet.eth_hex"
            )]
        );
        assert!(found(scan_unchecked, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").is_empty());
        // Through the whole engine: no wallet word needed, a contrary word drops it, and 41 or
        // 64 hex digits (a transaction hash) are no address.
        use crate::detect::builtin::shape::testing::{not_reported, pipeline};
        for text in [
            "Send the refund to 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed please",
            "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
        ] {
            assert_eq!(pipeline(text).len(), 1, "{text}");
            assert_eq!(pipeline(text)[0].0, Kind::CryptoWallet, "{text}");
        }
        not_reported(
            Kind::CryptoWallet,
            &[
                "order 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed1",
                "tx 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed5aaeb6053f3e94c9b9a09f33669435e7",
            ],
        );
        assert!(found(scan, "x1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2").is_empty());
        assert!(found(scan, "commit 3f4e2a1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f").is_empty());
    }
}

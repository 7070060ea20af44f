//! The audit line: one JSON object per request, written to the Workers log. It holds what an
//! auditor needs — when, which request, whose (a keyed hash), which role and route, the decision,
//! rule ids, kinds with counts, consent reference, bytes, latency, whether a stream was fully
//! scanned — and never text, tokens, identifiers in clear or personal data.

use std::collections::{BTreeMap, BTreeSet};

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::filter::Tally;

/// The decision recorded for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Forwarded unchanged.
    Allow,
    /// Forwarded after redaction (either way).
    Redact,
    /// Refused by the edge (4xx).
    Deny,
    /// Failed closed (origin or internal error).
    Error,
}

/// One audit event.
#[derive(Clone, Debug, Serialize)]
pub struct AuditEvent {
    /// Unix milliseconds when the request arrived.
    pub ts: u64,
    /// The request id (also sent to the origin and the caller as `X-Request-Id`).
    pub request_id: String,
    /// HMAC-SHA-256 of the principal id under `AUDIT_KEY`, base32, truncated to 80 bits.
    pub principal: Option<String>,
    /// The role.
    pub role: Option<String>,
    /// The route (path).
    pub route: String,
    /// The decision.
    pub decision: Decision,
    /// The status sent to the caller.
    pub status: u16,
    /// Rule ids: error codes, detector rules, auth reasons.
    pub rules: BTreeSet<String>,
    /// Kinds found with their counts, request and answer together.
    pub kinds: BTreeMap<String, u32>,
    /// Findings redacted because consent was missing.
    pub consent_needed: u32,
    /// The consent record id the caller referenced.
    pub consent: Option<String>,
    /// Injection score (thousandths), once the scorer is wired in.
    pub injection: Option<u16>,
    /// Tool calls removed from the request or the answer.
    pub tool_calls_removed: u32,
    /// Request body bytes.
    pub bytes_in: u64,
    /// Answer body bytes sent to the caller (for streams: at the end of the stream).
    pub bytes_out: u64,
    /// Milliseconds from arrival to the answer's headers (streams: to the end).
    pub latency_ms: u64,
    /// Whether the answer was a stream.
    pub stream: bool,
    /// Whether the answer (stream or JSON) was read and scanned to its end.
    pub fully_scanned: bool,
    /// The hash-chain link, when `AUDIT_CHAIN` is on (see [`crate::chain`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chain: Option<crate::chain::Link>,
}

impl AuditEvent {
    /// A fresh event for a request.
    pub fn new(ts: u64, request_id: String, route: &str) -> AuditEvent {
        AuditEvent {
            ts,
            request_id,
            principal: None,
            role: None,
            route: route.to_owned(),
            decision: Decision::Allow,
            status: 0,
            rules: BTreeSet::new(),
            kinds: BTreeMap::new(),
            consent_needed: 0,
            consent: None,
            injection: None,
            tool_calls_removed: 0,
            bytes_in: 0,
            bytes_out: 0,
            latency_ms: 0,
            stream: false,
            fully_scanned: false,
            chain: None,
        }
    }

    /// Adds what redaction found.
    pub fn add_tally(&mut self, tally: &Tally) {
        for (kind, n) in &tally.kinds {
            *self.kinds.entry(kind.clone()).or_default() += n;
        }
        self.rules
            .extend(tally.rules.iter().map(|r| (*r).to_owned()));
        self.consent_needed += tally.consent_needed;
    }

    /// The JSON line.
    pub fn line(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|_| String::from("{\"audit\":\"unserializable\"}"))
    }
}

/// The keyed hash of a principal id: HMAC-SHA-256 under the audit key, first 10 bytes in
/// lowercase base32 (16 characters). Without a key there is no hash: the field stays empty
/// rather than holding something reversible.
pub fn principal_hash(key: Option<&str>, id: &str) -> Option<String> {
    let key = key?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(id.as_bytes());
    let digest = mac.finalize().into_bytes();
    Some(base32(digest.get(..10)?))
}

/// Lowercase unpadded RFC 4648 base32.
pub(crate) fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principal_hash_is_keyed_and_stable() {
        let a = principal_hash(Some("k1"), "ip:192.0.2.1").expect("hash");
        assert_eq!(a.len(), 16);
        assert_eq!(Some(a.clone()), principal_hash(Some("k1"), "ip:192.0.2.1"));
        assert_ne!(Some(a.clone()), principal_hash(Some("k2"), "ip:192.0.2.1"));
        assert_ne!(Some(a), principal_hash(Some("k1"), "ip:192.0.2.2"));
        assert_eq!(principal_hash(None, "x"), None);
    }

    #[test]
    fn base32_known_answers() {
        // RFC 4648 section 10 vectors, lowercase and unpadded.
        assert_eq!(base32(b"f"), "my");
        assert_eq!(base32(b"foobar"), "mzxw6ytboi");
    }

    #[test]
    fn line_is_one_json_object_without_text() {
        let mut e = AuditEvent::new(1, "r1".into(), "/v1/messages");
        let mut tally = Tally::default();
        tally.kinds.insert("email".into(), 2);
        tally.rules.insert("email.rfc");
        e.add_tally(&tally);
        let line = e.line();
        assert!(!line.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        assert_eq!(v["kinds"]["email"], 2);
        assert_eq!(v["decision"], "allow");
    }
}

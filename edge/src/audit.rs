//! The audit line: one JSON object per request, written to the Workers log. It holds what an
//! auditor needs — when, which request, whose (a keyed hash), which role and route, the decision,
//! rule ids, kinds with counts, consent reference, bytes, latency, whether a stream was fully
//! scanned — and never text, tokens, identifiers in clear or personal data.
//!
//! The same event can also go to sinks (bound in the Worker, see the README): a Queue gets the
//! line itself, an Analytics Engine dataset gets [`AuditEvent::data_point`], a projection of the
//! line's fields. A sink that fails writes [`sink_error_line`] to the log instead: the request is
//! never affected and nothing but the sink, the request id and a fixed reason is written.

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
    /// The keyed hash of the conversation a deletion named (see [`crate::deletion`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
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
            conversation: None,
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

/// The longest blob [`AuditEvent::data_point`] writes (Analytics Engine takes 16 KB per point).
pub const MAX_BLOB_BYTES: usize = 1024;

/// An audit event as an Analytics Engine data point.
#[derive(Clone, Debug, PartialEq)]
pub struct DataPoint {
    /// `index1`: the principal hash (empty without `AUDIT_KEY`), the sampling key.
    pub index: String,
    /// `blob1..5`: route, role, decision, kinds (`email=2,credit_card=1`), rules (comma-separated).
    pub blobs: [String; 5],
    /// `double1..5`: latency ms, request bytes, answer bytes, injection score in thousandths
    /// (-1 when not scored), status.
    pub doubles: [f64; 5],
}

impl AuditEvent {
    /// The event as an Analytics Engine data point: only fields of the audit line, so it is as
    /// free of text and identifiers as the line.
    pub fn data_point(&self) -> DataPoint {
        let decision = match self.decision {
            Decision::Allow => "allow",
            Decision::Redact => "redact",
            Decision::Deny => "deny",
            Decision::Error => "error",
        };
        let kinds = self
            .kinds
            .iter()
            .map(|(kind, n)| format!("{kind}={n}"))
            .collect::<Vec<_>>()
            .join(",");
        let rules = self.rules.iter().cloned().collect::<Vec<_>>().join(",");
        DataPoint {
            index: self.principal.clone().unwrap_or_default(),
            blobs: [
                capped(&self.route),
                capped(self.role.as_deref().unwrap_or("")),
                decision.to_owned(),
                capped(&kinds),
                capped(&rules),
            ],
            doubles: [
                self.latency_ms as f64,
                self.bytes_in as f64,
                self.bytes_out as f64,
                self.injection.map_or(-1.0, f64::from),
                f64::from(self.status),
            ],
        }
    }
}

/// `text` cut to at most [`MAX_BLOB_BYTES`] at a character boundary.
fn capped(text: &str) -> String {
    let mut end = text.len().min(MAX_BLOB_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// A sink the audit event goes to besides the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sink {
    /// The Queue producer binding `AUDIT_QUEUE`.
    Queue,
    /// The Analytics Engine dataset binding `AUDIT_ANALYTICS`.
    Analytics,
}

impl Sink {
    /// The binding name.
    pub fn binding(self) -> &'static str {
        match self {
            Sink::Queue => "AUDIT_QUEUE",
            Sink::Analytics => "AUDIT_ANALYTICS",
        }
    }
}

/// Why a sink did not take an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SinkFailure {
    /// The binding exists but is not a Queue / dataset.
    BindingInvalid,
    /// The line could not be turned into a message.
    Unencodable,
    /// The send or write failed (the runtime's reason is not logged: it is not ours to vouch for).
    SendFailed,
}

/// The log line recording that a sink failed for a request: the sink, the request id and a fixed
/// reason — never the event, the runtime's error text or anything from the request.
pub fn sink_error_line(sink: Sink, request_id: &str, failure: SinkFailure) -> String {
    let reason = match failure {
        SinkFailure::BindingInvalid => "binding_invalid",
        SinkFailure::Unencodable => "unencodable",
        SinkFailure::SendFailed => "send_failed",
    };
    serde_json::json!({
        "audit_error": { "sink": sink.binding(), "request_id": request_id, "reason": reason }
    })
    .to_string()
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
    fn data_point_projects_the_line() {
        let mut e = AuditEvent::new(1, "r1".into(), "/v1/chat/completions");
        e.principal = Some("abcdefghijklmnop".into());
        e.role = Some("anonymous".into());
        e.decision = Decision::Redact;
        e.kinds.insert("email".into(), 2);
        e.kinds.insert("credit_card".into(), 1);
        e.rules.insert("email.rfc".into());
        e.rules.insert("card.luhn".into());
        e.latency_ms = 12;
        e.bytes_in = 300;
        e.bytes_out = 900;
        e.injection = Some(42);
        e.status = 200;
        let p = e.data_point();
        assert_eq!(p.index, "abcdefghijklmnop");
        assert_eq!(
            p.blobs,
            [
                "/v1/chat/completions",
                "anonymous",
                "redact",
                "credit_card=1,email=2",
                "card.luhn,email.rfc"
            ]
            .map(String::from)
        );
        assert_eq!(p.doubles, [12.0, 300.0, 900.0, 42.0, 200.0]);
        let bare = AuditEvent::new(1, "r2".into(), "other").data_point();
        assert_eq!(bare.index, "");
        assert_eq!(bare.blobs[1], "");
        assert_eq!(bare.doubles[3], -1.0);
    }

    #[test]
    fn blobs_are_capped_at_a_char_boundary() {
        let mut e = AuditEvent::new(1, "r1".into(), "/v1/messages");
        for i in 0..400 {
            e.rules.insert(format!("rule.é{i}"));
        }
        let rules = &e.data_point().blobs[4];
        assert!(rules.len() <= MAX_BLOB_BYTES && rules.len() > MAX_BLOB_BYTES - 4);
        assert!(rules.starts_with("rule.é0,"));
    }

    #[test]
    fn sink_errors_name_the_sink_and_request_only() {
        let line = sink_error_line(Sink::Queue, "r1", SinkFailure::SendFailed);
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        assert_eq!(
            v,
            serde_json::json!({"audit_error": {"sink": "AUDIT_QUEUE", "request_id": "r1", "reason": "send_failed"}})
        );
        assert!(
            sink_error_line(Sink::Analytics, "r2", SinkFailure::BindingInvalid)
                .contains("\"AUDIT_ANALYTICS\"")
        );
    }

    #[test]
    fn the_conversation_hash_appears_only_when_set() {
        let mut e = AuditEvent::new(1, "r1".into(), "/v1/conversations/{id}");
        assert!(!e.line().contains("conversation\""));
        e.conversation = Some("abcdefghijklmnop".into());
        let v: serde_json::Value = serde_json::from_str(&e.line()).expect("json");
        assert_eq!(v["conversation"], "abcdefghijklmnop");
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

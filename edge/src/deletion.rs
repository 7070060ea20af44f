//! The conversation deletion route, `DELETE /v1/conversations/{id}` — what the widget's "Delete
//! my conversation" calls. The request is authenticated, role-checked (the role's `routes` must
//! list [`ROUTE`]) and rate-limited like the chat routes; the id is validated here, then the
//! deletion is forwarded as `DELETE` to the same path on `ORIGIN_URL` with the origin credential,
//! and answered only once the origin confirmed it (fail closed: no confirmation, no "deleted").
//!
//! The edge itself keeps nothing keyed by a conversation: the pseudonym vault and the canary
//! live for one request, rate-limit windows are keyed by principal, consent references and the
//! hash chain are only in audit lines, which never hold the conversation id. So the origin's copy
//! is the one to delete. The conversation id a chat request carries (`X-Chatguard-Conversation`)
//! is validated the same way and passed to the origin, so it can file what it keeps under it.
//!
//! A conversation id names one person's chat: the audit line records a keyed hash of it
//! ([`conversation_hash`]), never the id.

use serde_json::{json, Value};

use crate::audit::principal_hash;
use crate::error::ApiError;

/// The route as named in a role's `routes`, in audit lines and in the README.
pub const ROUTE: &str = "/v1/conversations/{id}";
/// The path prefix of the route; the rest of the path is the id.
const PREFIX: &str = "/v1/conversations/";
/// The longest conversation id accepted.
pub const MAX_ID_LEN: usize = 128;
/// The audit rule of a confirmed deletion.
pub const RULE: &str = "conversation.deleted";
/// The header a chat request names its conversation with.
pub const CONVERSATION_HEADER: &str = "x-chatguard-conversation";

/// The id part of a path on the deletion route (not validated yet), or `None` for other paths.
pub fn route_id(path: &str) -> Option<&str> {
    path.strip_prefix(PREFIX)
}

/// A valid conversation id: 1 to [`MAX_ID_LEN`] of `[A-Za-z0-9_-]` (UUIDs, OpenAI's `conv_…`).
/// Anything else — empty, too long, `/`, `.`, `%`-escapes, spaces — is refused with 400, so the
/// id cannot reach another path on the origin.
pub fn conversation_id(raw: &str) -> Result<&str, ApiError> {
    let valid = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'));
    if valid {
        Ok(raw)
    } else {
        Err(ApiError::bad_request(
            "invalid_conversation_id",
            format!("a conversation id is 1 to {MAX_ID_LEN} of A-Z, a-z, 0-9, '_' and '-'"),
        ))
    }
}

/// The keyed hash of a conversation id recorded in the audit line (HMAC-SHA-256 under
/// `AUDIT_KEY`, domain-separated from principal hashes); `None` without a key.
pub fn conversation_hash(audit_key: Option<&str>, id: &str) -> Option<String> {
    principal_hash(audit_key, &format!("conversation\u{1f}{id}"))
}

/// What the origin's status means for the deletion: 2xx confirms it, 404 says there is nothing
/// to delete (also the goal); anything else is a failure answered with 502, never as deleted.
pub fn origin_outcome(status: u16) -> Result<(), ApiError> {
    match status {
        200..=299 | 404 => Ok(()),
        500.. => Err(ApiError::new(
            502,
            "origin_error",
            "the origin failed to delete the conversation",
        )),
        _ => Err(ApiError::new(
            502,
            "origin_refused",
            "the origin did not confirm the deletion",
        )),
    }
}

/// The edge's answer to a confirmed deletion (OpenAI's `conversation.deleted` shape). The
/// origin's body is never passed on.
pub fn answer(id: &str) -> Value {
    json!({ "id": id, "object": "conversation.deleted", "deleted": true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_route_takes_the_rest_of_the_path_as_the_id() {
        assert_eq!(route_id("/v1/conversations/abc"), Some("abc"));
        assert_eq!(route_id("/v1/conversations/"), Some(""));
        assert_eq!(route_id("/v1/conversations/a/b"), Some("a/b"));
        assert_eq!(route_id("/v1/conversations"), None);
        assert_eq!(route_id("/v1/chat/completions"), None);
    }

    #[test]
    fn ids_are_short_and_plain() {
        for ok in [
            "0b9f6c1e-52a4-4c1e-9f0a-7d3e2b1a4c55",
            "conv_68a1b2c3",
            "a",
            &"x".repeat(MAX_ID_LEN),
        ] {
            assert_eq!(conversation_id(ok), Ok(ok));
        }
        for bad in [
            "",
            &"x".repeat(MAX_ID_LEN + 1),
            "a/b",
            "..",
            "a.b",
            "%2e%2e",
            "a b",
            "jane.doe@example.com",
            "ä",
            "a\u{0}",
            "a?b",
        ] {
            assert_eq!(
                conversation_id(bad).map_err(|e| (e.status, e.code)),
                Err((400, "invalid_conversation_id")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_audit_hash_is_keyed_and_not_the_principal_hash() {
        let h = conversation_hash(Some("k"), "conv_1").expect("hash");
        assert_eq!(h.len(), 16);
        assert!(!h.contains("conv_1"));
        assert_eq!(Some(h.clone()), conversation_hash(Some("k"), "conv_1"));
        assert_ne!(Some(h.clone()), conversation_hash(Some("k2"), "conv_1"));
        assert_ne!(Some(h), principal_hash(Some("k"), "conv_1"));
        assert_eq!(conversation_hash(None, "conv_1"), None);
    }

    #[test]
    fn only_a_confirmation_counts_as_deleted() {
        for ok in [200, 202, 204, 404] {
            assert_eq!(origin_outcome(ok), Ok(()), "{ok}");
        }
        for (status, code) in [
            (500, "origin_error"),
            (503, "origin_error"),
            (400, "origin_refused"),
            (401, "origin_refused"),
            (403, "origin_refused"),
            (409, "origin_refused"),
            (302, "origin_refused"),
        ] {
            assert_eq!(
                origin_outcome(status).map_err(|e| (e.status, e.code)),
                Err((502, code)),
                "{status}"
            );
        }
    }

    #[test]
    fn the_answer_is_the_openai_deletion_shape() {
        assert_eq!(
            answer("conv_1"),
            json!({"id": "conv_1", "object": "conversation.deleted", "deleted": true})
        );
    }
}

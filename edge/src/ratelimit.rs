//! Rate limits per principal, by requests and by estimated tokens per fixed window. The window
//! arithmetic lives here; the Worker keeps one window per principal in a Durable Object, which
//! runs one request at a time, so counts are exact.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::principal_hash;
use crate::roles::RateLimit;

/// The Durable Object name of a principal's window under a role. Never the principal id in
/// clear (the name shows up in Cloudflare's dashboard and logs): the keyed audit hash when
/// `AUDIT_KEY` is set, else the SHA-256 of role and id (hex).
pub fn object_name(audit_key: Option<&str>, role: &str, principal_id: &str) -> String {
    let key = format!("{role}\u{1f}{principal_id}");
    principal_hash(audit_key, &key).unwrap_or_else(|| {
        Sha256::digest(key.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    })
}

/// One principal's current window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// Start of the window, Unix seconds.
    pub start: u64,
    /// Requests admitted in it.
    pub requests: u64,
    /// Estimated tokens admitted in it.
    pub tokens: u64,
}

/// What the Worker asks the Durable Object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ask {
    /// Now, Unix seconds (the Worker's clock).
    pub now: u64,
    /// This request's token estimate.
    pub tokens: u64,
    /// The role's limit.
    pub limit: RateLimitWire,
}

/// [`RateLimit`] on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimitWire {
    /// Requests per window.
    pub requests: u64,
    /// Tokens per window.
    pub tokens: u64,
    /// Window length.
    pub window_secs: u64,
}

impl From<RateLimit> for RateLimitWire {
    fn from(r: RateLimit) -> Self {
        RateLimitWire {
            requests: r.requests,
            tokens: r.tokens,
            window_secs: r.window_secs,
        }
    }
}

/// The answer: admitted, or the seconds to wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// True when admitted.
    pub allowed: bool,
    /// Seconds until the window resets (when refused).
    pub retry_after: u64,
}

/// Admits or refuses one request; returns the updated window (unchanged when refused).
pub fn admit(window: Option<Window>, ask: &Ask) -> (Window, Verdict) {
    let span = ask.limit.window_secs.max(1);
    let current = match window {
        Some(w) if ask.now >= w.start && ask.now < w.start + span => w,
        _ => Window {
            start: ask.now - ask.now % span,
            requests: 0,
            tokens: 0,
        },
    };
    let over = current.requests + 1 > ask.limit.requests
        || current.tokens.saturating_add(ask.tokens) > ask.limit.tokens;
    if over {
        let retry_after = (current.start + span).saturating_sub(ask.now).max(1);
        return (
            current,
            Verdict {
                allowed: false,
                retry_after,
            },
        );
    }
    let next = Window {
        requests: current.requests + 1,
        tokens: current.tokens.saturating_add(ask.tokens),
        ..current
    };
    (
        next,
        Verdict {
            allowed: true,
            retry_after: 0,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(now: u64, tokens: u64) -> Ask {
        Ask {
            now,
            tokens,
            limit: RateLimitWire {
                requests: 2,
                tokens: 100,
                window_secs: 60,
            },
        }
    }

    #[test]
    fn object_name_never_holds_the_principal_id() {
        let id = "user:alice@example.com"; // synthetic
        for key in [Some("k1"), None] {
            let name = object_name(key, "support", id);
            assert!(!name.contains("alice"), "{name}");
            assert!(!name.contains("support"), "{name}");
            assert_eq!(name, object_name(key, "support", id), "stable");
            assert_ne!(name, object_name(key, "admin", id), "per role");
            assert_ne!(
                name,
                object_name(key, "support", "user:bob"),
                "per principal"
            );
        }
        assert_eq!(object_name(None, "r", "i").len(), 64);
        assert_ne!(
            object_name(Some("k1"), "r", "i"),
            object_name(None, "r", "i")
        );
    }

    #[test]
    fn counts_requests_per_window() {
        let (w, v) = admit(None, &ask(120, 10));
        assert!(v.allowed);
        let (w, v) = admit(Some(w), &ask(130, 10));
        assert!(v.allowed);
        let (w, v) = admit(Some(w), &ask(150, 10));
        assert_eq!(
            v,
            Verdict {
                allowed: false,
                retry_after: 30
            }
        );
        let (_, v) = admit(Some(w), &ask(180, 10));
        assert!(v.allowed, "a new window starts");
    }

    #[test]
    fn counts_tokens_per_window() {
        let (w, v) = admit(None, &ask(0, 90));
        assert!(v.allowed);
        let (w, v) = admit(Some(w), &ask(1, 11));
        assert!(!v.allowed);
        assert_eq!(w.tokens, 90, "a refused request costs nothing");
        let (_, v) = admit(None, &ask(0, 101));
        assert!(
            !v.allowed,
            "one request larger than the budget never passes"
        );
    }
}

//! Rate limits per principal, by requests and by estimated tokens per fixed window. The window
//! arithmetic lives here; the Worker keeps one window per principal in a Durable Object, which
//! runs one request at a time, so counts are exact.
//!
//! The wire between the Worker and the object is as small as the runtime allows: the ask is the
//! query of a bodiless `GET` ([`Ask::to_query`]), the verdict a status — 204 admitted, 429
//! refused with `Retry-After` ([`Verdict::status`]). No body is built, sent or read on either side.

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ask {
    /// Now, Unix seconds (the Worker's clock).
    pub now: u64,
    /// This request's token estimate.
    pub tokens: u64,
    /// The role's limit.
    pub limit: RateLimitWire,
}

/// [`RateLimit`] on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl Ask {
    /// The query string the Worker sends the object: `now`, `tokens`, then the limit's requests,
    /// tokens and window, all decimal (`n=..&t=..&lr=..&lt=..&lw=..`).
    pub fn to_query(&self) -> String {
        format!(
            "n={}&t={}&lr={}&lt={}&lw={}",
            self.now, self.tokens, self.limit.requests, self.limit.tokens, self.limit.window_secs
        )
    }

    /// Reads [`Ask::to_query`] back from a request URL (anything before `?` is ignored). `None`
    /// unless every field is there exactly once as a decimal number and nothing else is.
    pub fn from_url(url: &str) -> Option<Ask> {
        let (_, query) = url.split_once('?')?;
        let mut fields: [Option<u64>; 5] = [None; 5];
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=')?;
            let slot = match name {
                "n" => 0,
                "t" => 1,
                "lr" => 2,
                "lt" => 3,
                "lw" => 4,
                _ => return None,
            };
            let field = fields.get_mut(slot)?;
            let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
            if field.is_some() || !digits {
                return None;
            }
            *field = Some(value.parse().ok()?);
        }
        let [Some(now), Some(tokens), Some(requests), Some(limit_tokens), Some(window_secs)] =
            fields
        else {
            return None;
        };
        Some(Ask {
            now,
            tokens,
            limit: RateLimitWire {
                requests,
                tokens: limit_tokens,
                window_secs,
            },
        })
    }
}

/// The answer: admitted, or the seconds to wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// True when admitted.
    pub allowed: bool,
    /// Seconds until the window resets (when refused).
    pub retry_after: u64,
}

/// The status the object answers an admitted request with.
pub const ADMITTED: u16 = 204;
/// The status the object answers a refused request with (plus `Retry-After`).
pub const REFUSED: u16 = 429;

impl Verdict {
    /// The status and `Retry-After` value the object answers with.
    pub fn status(&self) -> (u16, Option<u64>) {
        if self.allowed {
            (ADMITTED, None)
        } else {
            (REFUSED, Some(self.retry_after))
        }
    }

    /// Reads the object's answer back. `None` for anything [`Verdict::status`] never sends (an
    /// error of the object or of the runtime): the caller fails closed.
    pub fn from_status(status: u16, retry_after: Option<&str>) -> Option<Verdict> {
        match (status, retry_after) {
            (ADMITTED, _) => Some(Verdict {
                allowed: true,
                retry_after: 0,
            }),
            (REFUSED, Some(secs))
                if !secs.is_empty() && secs.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(Verdict {
                    allowed: false,
                    retry_after: secs.parse().ok()?,
                })
            }
            _ => None,
        }
    }
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
    fn an_ask_survives_its_query() {
        let a = Ask {
            now: 1_700_000_000,
            tokens: 1234,
            limit: RateLimitWire {
                requests: 10,
                tokens: u64::MAX,
                window_secs: 60,
            },
        };
        let url = format!("https://rate-limiter/admit?{}", a.to_query());
        assert_eq!(Ask::from_url(&url), Some(a));
    }

    #[test]
    fn a_malformed_ask_is_refused() {
        for url in [
            "https://rate-limiter/admit",
            "https://rate-limiter/admit?",
            "https://r/a?n=1&t=2&lr=3&lt=4",
            "https://r/a?n=1&t=2&lr=3&lt=4&lw=5&x=6",
            "https://r/a?n=1&t=2&lr=3&lt=4&lw=5&n=1",
            "https://r/a?n=1&t=-2&lr=3&lt=4&lw=5",
            "https://r/a?n=1&t=+2&lr=3&lt=4&lw=5",
            "https://r/a?n=1&t=&lr=3&lt=4&lw=5",
            "https://r/a?n=1&t&lr=3&lt=4&lw=5",
            "https://r/a?n=1&t=2&lr=3&lt=4&lw=99999999999999999999999",
        ] {
            assert_eq!(Ask::from_url(url), None, "{url}");
        }
    }

    #[test]
    fn a_verdict_survives_its_status_and_anything_else_fails_closed() {
        for v in [
            Verdict {
                allowed: true,
                retry_after: 0,
            },
            Verdict {
                allowed: false,
                retry_after: 42,
            },
        ] {
            let (status, retry) = v.status();
            let retry = retry.map(|s| s.to_string());
            assert_eq!(Verdict::from_status(status, retry.as_deref()), Some(v));
        }
        assert_eq!(Verdict::from_status(429, None), None);
        assert_eq!(Verdict::from_status(429, Some("soon")), None);
        assert_eq!(Verdict::from_status(429, Some("")), None);
        for status in [200, 400, 500, 503] {
            assert_eq!(Verdict::from_status(status, Some("1")), None, "{status}");
        }
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

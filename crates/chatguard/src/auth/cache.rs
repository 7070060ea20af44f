//! [`JwksCache`]: when to fetch an issuer's JWKS, and which keys to trust meanwhile — a pure state
//! machine with the time passed in. The Worker does the HTTP; this module only decides.
//! The rules and the edge's flow are documented on [`JwksCache`].

use core::fmt;

use super::error::{AuthError, ConfigError};
use super::jwk::JwkSet;
use crate::UnixTime;

/// The timing rules of a [`JwksCache`], in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CachePolicy {
    /// The shortest freshness, whatever `Cache-Control` says (default 60).
    pub min_ttl: u64,
    /// The longest freshness, whatever `Cache-Control` says (default 86 400: one day).
    pub max_ttl: u64,
    /// Freshness when the response has no `max-age` (default 600).
    pub default_ttl: u64,
    /// The least time between two fetch attempts (default 30).
    pub retry_interval: u64,
    /// How long keys stay usable after their freshness ended while refreshes fail (default
    /// 3 600).
    pub stale_grace: u64,
}

impl Default for CachePolicy {
    fn default() -> CachePolicy {
        CachePolicy {
            min_ttl: 60,
            max_ttl: 86_400,
            default_ttl: 600,
            retry_interval: 30,
            stale_grace: 3_600,
        }
    }
}

/// Why the caller wants to fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchReason {
    /// Before verifying: fetch only if the cached keys are not fresh (or there are none).
    Refresh,
    /// Verification found no key with the token's `kid`: fetch once in case keys rotated.
    UnknownKey,
}

/// What the Worker got back from the JWKS URL.
#[derive(Clone, Copy, Debug)]
pub struct JwksResponse<'a> {
    /// The HTTP status.
    pub status: u16,
    /// The `Cache-Control` header, if any.
    pub cache_control: Option<&'a str>,
    /// The body (the Worker enforces [`MAX_JWKS_LEN`](super::MAX_JWKS_LEN) while reading).
    pub body: &'a str,
}

/// The keys of one issuer and when to refresh them: a pure state machine, the time passed in.
///
/// ```text
///            begin_fetch(now, reason) == true  →  caller fetches  →  fetched(..) | fetch_failed(now)
/// Empty ────────────────────────────────────────────────────────────────→ Fresh(keys, until)
/// Fresh ── max-age passes ──→ Stale (keys still used, a refresh is due)
/// Stale ── refresh fails ───→ Stale until `fresh_until + stale_grace`, then Empty again
/// ```
///
/// Rules:
/// * Freshness follows the response's `Cache-Control: max-age` (no `max-age`: the default TTL;
///   `no-store`/`no-cache`: the minimum), clamped to `[min_ttl, max_ttl]`.
/// * At most one fetch per `retry_interval` (30 s) per cache, whatever the reason: an unknown
///   `kid` triggers one refetch (a key rotation), and every other unknown `kid` in the next 30 s
///   is rejected without a fetch — no refetch storm, whatever an attacker sends.
/// * A failed refresh keeps the previous keys for `stale_grace`; a bad document (not a JWKS, or
///   no usable key) counts as a failed refresh and never replaces good keys.
/// * [`JwksCache::keys`] returns [`AuthError::KeysUnavailable`] when nothing usable is cached:
///   the edge maps that to 503, not 401.
///
/// Use one cache per issuer (per JWKS URL). The edge's flow per request:
///
/// ```
/// # use chatguard::auth::{FetchReason, JwksCache, JwksResponse, AuthError};
/// # use chatguard::UnixTime;
/// # fn http_get() -> Option<JwksResponse<'static>> { Some(JwksResponse { status: 200, cache_control: Some("max-age=600"), body: r#"{"keys":[]}"# }) }
/// let mut cache = JwksCache::default();
/// let now = UnixTime(1_700_000_000);
/// if cache.begin_fetch(now, FetchReason::Refresh) {
///     match http_get() {
///         Some(response) => { let _ = cache.fetched(now, response); }
///         None => cache.fetch_failed(now),
///     }
/// }
/// // `{"keys":[]}` has no usable key, so nothing is cached yet: the edge answers 503.
/// assert_eq!(cache.keys(now).unwrap_err(), AuthError::KeysUnavailable);
/// // ...verify; on `AuthError::UnknownKey`, `begin_fetch(now, FetchReason::UnknownKey)` says
/// // whether one refetch (and a second verification) is allowed.
/// ```
#[derive(Clone, Default)]
pub struct JwksCache {
    policy: CachePolicy,
    keys: Option<JwkSet>,
    fresh_until: u64,
    last_attempt: Option<u64>,
}

impl JwksCache {
    /// An empty cache with these rules (`max_ttl` is raised to `min_ttl` if below it).
    pub fn new(mut policy: CachePolicy) -> JwksCache {
        policy.max_ttl = policy.max_ttl.max(policy.min_ttl);
        JwksCache {
            policy,
            keys: None,
            fresh_until: 0,
            last_attempt: None,
        }
    }

    /// True when the caller should fetch the JWKS now. A `true` answer records the attempt, so
    /// the next `retry_interval` seconds answer `false` whatever the reason.
    pub fn begin_fetch(&mut self, now: UnixTime, reason: FetchReason) -> bool {
        if reason == FetchReason::Refresh && self.is_fresh(now) {
            return false;
        }
        if self
            .last_attempt
            .is_some_and(|at| now.0 < at.saturating_add(self.policy.retry_interval))
        {
            return false;
        }
        self.last_attempt = Some(now.0);
        true
    }

    /// Records a response. A usable JWKS (2xx, parses, at least one key) replaces the cached
    /// keys and is fresh per `Cache-Control`; anything else counts as a failed fetch and the
    /// error says why (no key material in it).
    pub fn fetched(
        &mut self,
        now: UnixTime,
        response: JwksResponse<'_>,
    ) -> Result<&JwkSet, ConfigError> {
        if !(200..300).contains(&response.status) {
            return Err(ConfigError::new(
                "JWKS_URL",
                format!("HTTP status {}", response.status),
            ));
        }
        let keys = JwkSet::from_json(response.body)?;
        if keys.is_empty() {
            return Err(ConfigError::new("keys", "no usable key in the JWKS"));
        }
        let ttl = self.ttl(response.cache_control);
        self.fresh_until = now.0.saturating_add(ttl);
        Ok(self.keys.insert(keys))
    }

    /// Records that the fetch did not complete (network error, timeout). Cached keys stay
    /// usable within their grace period.
    pub fn fetch_failed(&mut self, now: UnixTime) {
        // The attempt was recorded by `begin_fetch`; make sure a failure reported without
        // one still throttles the next attempt.
        self.last_attempt = Some(self.last_attempt.map_or(now.0, |at| at.max(now.0)));
    }

    /// The keys to verify with now: fresh ones, or stale ones within the grace period.
    /// [`AuthError::KeysUnavailable`] when there are none (the edge answers 503).
    pub fn keys(&self, now: UnixTime) -> Result<&JwkSet, AuthError> {
        match &self.keys {
            Some(keys) if now.0 < self.fresh_until.saturating_add(self.policy.stale_grace) => {
                Ok(keys)
            }
            _ => Err(AuthError::KeysUnavailable),
        }
    }

    /// True while the cached keys are within their `max-age`.
    pub fn is_fresh(&self, now: UnixTime) -> bool {
        self.keys.is_some() && now.0 < self.fresh_until
    }

    /// The freshness a response grants, clamped to the policy.
    fn ttl(&self, cache_control: Option<&str>) -> u64 {
        let policy = &self.policy;
        let mut ttl = policy.default_ttl;
        for directive in cache_control.unwrap_or_default().split(',') {
            let directive = directive.trim();
            let (name, value) = directive.split_once('=').unwrap_or((directive, ""));
            let name = name.trim();
            if name.eq_ignore_ascii_case("no-store") || name.eq_ignore_ascii_case("no-cache") {
                ttl = policy.min_ttl;
                break;
            }
            if name.eq_ignore_ascii_case("max-age") {
                let value = value.trim().trim_matches('"');
                ttl = match value.parse::<u64>() {
                    Ok(seconds) => seconds,
                    // Out-of-range digits mean "very long"; anything else is ignored.
                    Err(_) if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                        u64::MAX
                    }
                    Err(_) => policy.default_ttl,
                };
            }
        }
        ttl.clamp(policy.min_ttl, policy.max_ttl)
    }
}

impl fmt::Debug for JwksCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwksCache")
            .field("policy", &self.policy)
            .field("keys", &self.keys.as_ref().map(JwkSet::len))
            .field("fresh_until", &self.fresh_until)
            .field("last_attempt", &self.last_attempt)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8037 §A.2's Ed25519 public key, as a one-key JWKS.
    const JWKS: &str = r#"{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#;

    fn ok(cache_control: Option<&str>) -> JwksResponse<'_> {
        JwksResponse {
            status: 200,
            cache_control,
            body: JWKS,
        }
    }

    const T0: UnixTime = UnixTime(1_700_000_000);

    fn at(seconds: u64) -> UnixTime {
        UnixTime(T0.0 + seconds)
    }

    #[test]
    fn empty_cache_fetches_once_then_reports_unavailable_until_the_retry_interval() {
        let mut cache = JwksCache::default();
        assert_eq!(cache.keys(T0).unwrap_err(), AuthError::KeysUnavailable);
        assert!(cache.begin_fetch(T0, FetchReason::Refresh));
        cache.fetch_failed(T0);
        assert_eq!(cache.keys(T0).unwrap_err(), AuthError::KeysUnavailable);
        assert!(!cache.begin_fetch(at(29), FetchReason::Refresh));
        assert!(!cache.begin_fetch(at(29), FetchReason::UnknownKey));
        assert!(cache.begin_fetch(at(30), FetchReason::Refresh));
    }

    #[test]
    fn fresh_per_max_age_then_refreshes() {
        let mut cache = JwksCache::default();
        assert!(cache.begin_fetch(T0, FetchReason::Refresh));
        cache
            .fetched(T0, ok(Some("public, max-age=300")))
            .expect("usable");
        assert!(cache.is_fresh(at(299)));
        assert!(!cache.begin_fetch(at(299), FetchReason::Refresh));
        assert!(!cache.is_fresh(at(300)));
        assert!(cache.begin_fetch(at(300), FetchReason::Refresh));
        assert!(
            cache.keys(at(300)).is_ok(),
            "stale keys serve while refreshing"
        );
    }

    #[test]
    fn unknown_kid_refetches_at_most_once_per_interval() {
        let mut cache = JwksCache::default();
        assert!(cache.begin_fetch(T0, FetchReason::Refresh));
        cache.fetched(T0, ok(None)).expect("usable");
        // The first unknown kid after the retry interval may refetch; a flood may not.
        assert!(cache.begin_fetch(at(30), FetchReason::UnknownKey));
        cache.fetched(at(30), ok(None)).expect("usable");
        let refetches = (31..90)
            .filter(|s| cache.begin_fetch(at(*s), FetchReason::UnknownKey))
            .count();
        assert_eq!(refetches, 1, "one refetch at t+60, none in between");
    }

    #[test]
    fn stale_keys_survive_failed_refreshes_only_for_the_grace_period() {
        let policy = CachePolicy::default();
        let mut cache = JwksCache::new(policy);
        assert!(cache.begin_fetch(T0, FetchReason::Refresh));
        cache.fetched(T0, ok(Some("max-age=600"))).expect("usable");
        let mut t = 600;
        while t < 600 + policy.stale_grace {
            if cache.begin_fetch(at(t), FetchReason::Refresh) {
                cache.fetch_failed(at(t));
            }
            assert!(cache.keys(at(t)).is_ok(), "t+{t}");
            t += 7;
        }
        assert_eq!(
            cache.keys(at(600 + policy.stale_grace)).unwrap_err(),
            AuthError::KeysUnavailable
        );
    }

    #[test]
    fn bad_responses_never_replace_good_keys() {
        let mut cache = JwksCache::default();
        cache.fetched(T0, ok(Some("max-age=60"))).expect("usable");
        let bad = [
            JwksResponse {
                status: 500,
                cache_control: None,
                body: JWKS,
            },
            JwksResponse {
                status: 200,
                cache_control: None,
                body: "<html>",
            },
            JwksResponse {
                status: 200,
                cache_control: None,
                body: r#"{"keys":[]}"#,
            },
            JwksResponse {
                status: 200,
                cache_control: None,
                body: r#"{"keys":[{"kty":"oct","k":"AAAA"}]}"#,
            },
        ];
        for response in bad {
            assert!(
                cache.fetched(at(61), response).is_err(),
                "{:?}",
                response.body
            );
            assert_eq!(cache.keys(at(61)).map(JwkSet::len), Ok(1));
            assert!(!cache.is_fresh(at(61)));
        }
    }

    #[test]
    fn cache_control_is_clamped() {
        let cache = JwksCache::default();
        let cases = [
            (None, 600),
            (Some("max-age=0"), 60),
            (Some("max-age=5"), 60),
            (Some("MAX-AGE = 7200, must-revalidate"), 7200),
            (Some("max-age=\"120\""), 120),
            (Some("max-age=999999999"), 86_400),
            (Some("max-age=99999999999999999999999"), 86_400),
            (Some("max-age=-1"), 600),
            (Some("max-age=abc"), 600),
            (Some("no-store, max-age=9000"), 60),
            (Some("private, no-cache"), 60),
            (Some("s-maxage=100"), 600),
        ];
        for (header, ttl) in cases {
            assert_eq!(cache.ttl(header), ttl, "{header:?}");
        }
    }
}

//! Authentication step of the request pipeline: who is calling, and in which role.
//!
//! This is the seam where token verification plugs in. Today it knows one kind of principal, the
//! anonymous tier: a request that carries no credential at all gets the role `anonymous` — only
//! when the policy defines that role — and is identified by the client IP for rate limiting.
//! Any credential it cannot verify (a bearer token, an API key, a Cloudflare Access assertion)
//! is refused: the edge fails closed rather than falling back to anonymous. Verification of
//! JWTs and API keys (the core's `auth` module) replaces [`verify_credential`].

use chatguard::UnixTime;

use crate::config::Config;
use crate::roles::Roles;

/// The role unauthenticated callers get when the policy defines it.
pub const ANONYMOUS_ROLE: &str = "anonymous";

/// The credential-bearing parts of a request, read from its headers at the Worker boundary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Credentials<'a> {
    /// `Authorization` header.
    pub authorization: Option<&'a str>,
    /// `X-Api-Key` header.
    pub api_key: Option<&'a str>,
    /// `Cf-Access-Jwt-Assertion` header.
    pub access_assertion: Option<&'a str>,
    /// `CF-Connecting-IP`, set by Cloudflare.
    pub client_ip: Option<&'a str>,
}

/// How the principal was established.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrincipalKind {
    /// No credential; identified by client IP.
    Anonymous,
    /// A verified token or key.
    Verified,
}

/// Who is calling.
#[derive(Clone, PartialEq, Eq)]
pub struct Principal {
    /// A stable identifier for rate limits and the (hashed) audit field: `ip:<addr>`, a user id
    /// or an API key id. Never logged in clear.
    pub id: String,
    /// The role name (looked up in [`Roles`]).
    pub role: String,
    /// How it was established.
    pub kind: PrincipalKind,
}

impl core::fmt::Debug for Principal {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Principal")
            .field("role", &self.role)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

/// Why authentication failed; goes to the audit log only, the client sees a bare 401.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthFailure {
    /// No credential, and the policy has no anonymous role.
    Missing,
    /// A credential was sent that this edge cannot verify.
    Unverifiable,
    /// The `Authorization` header is not `Bearer <token>`.
    Malformed,
}

impl AuthFailure {
    /// The audit rule id.
    pub const fn rule(self) -> &'static str {
        match self {
            AuthFailure::Missing => "auth.missing",
            AuthFailure::Unverifiable => "auth.unverifiable",
            AuthFailure::Malformed => "auth.malformed",
        }
    }
}

/// Establishes the principal for a request at time `now`.
pub fn authenticate(
    credentials: &Credentials<'_>,
    config: &Config,
    roles: &Roles,
    now: UnixTime,
) -> Result<Principal, AuthFailure> {
    let presented = credentials.authorization.is_some()
        || credentials.api_key.is_some()
        || credentials.access_assertion.is_some();
    if presented {
        return verify_credential(credentials, config, now);
    }
    if roles.get(ANONYMOUS_ROLE).is_none() {
        return Err(AuthFailure::Missing);
    }
    Ok(Principal {
        id: format!("ip:{}", credentials.client_ip.unwrap_or("unknown")),
        role: ANONYMOUS_ROLE.to_owned(),
        kind: PrincipalKind::Anonymous,
    })
}

/// Verifies a presented credential. No verifier is wired in yet, so every credential is refused
/// (fail closed); a malformed `Authorization` header is told apart for the audit log.
fn verify_credential(
    credentials: &Credentials<'_>,
    _config: &Config,
    _now: UnixTime,
) -> Result<Principal, AuthFailure> {
    if let Some(header) = credentials.authorization {
        let is_bearer = header
            .get(..7)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer "));
        if !is_bearer || header[7..].trim().is_empty() {
            return Err(AuthFailure::Malformed);
        }
    }
    Err(AuthFailure::Unverifiable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn roles(with_anonymous: bool) -> Roles {
        let mut v = json!({});
        if with_anonymous {
            v = json!({ "anonymous": { "routes": ["/v1/chat/completions"], "models": ["*"],
                "tools": [], "max_tokens": 64,
                "rate_limit": { "requests": 1, "tokens": 100, "window_secs": 60 } } });
        }
        Roles::parse(&v).expect("valid")
    }

    #[test]
    fn anonymous_only_when_the_role_exists() {
        let creds = Credentials {
            client_ip: Some("192.0.2.7"),
            ..Credentials::default()
        };
        let p = authenticate(&creds, &Config::default(), &roles(true), UnixTime(0)).expect("anon");
        assert_eq!(p.role, "anonymous");
        assert_eq!(p.id, "ip:192.0.2.7");
        assert_eq!(p.kind, PrincipalKind::Anonymous);
        let e = authenticate(&creds, &Config::default(), &roles(false), UnixTime(0));
        assert_eq!(e, Err(AuthFailure::Missing));
    }

    #[test]
    fn any_presented_credential_is_refused_even_with_anonymous() {
        let r = roles(true);
        let cases = [
            (
                Some("Bearer abc.def.ghi"),
                None,
                None,
                AuthFailure::Unverifiable,
            ),
            (Some("bearer x"), None, None, AuthFailure::Unverifiable),
            (
                Some("Basic dXNlcjpwdw=="),
                None,
                None,
                AuthFailure::Malformed,
            ),
            (Some("Bearer "), None, None, AuthFailure::Malformed),
            (Some("é"), None, None, AuthFailure::Malformed),
            (None, Some("sk-test"), None, AuthFailure::Unverifiable),
            (None, None, Some("a.b.c"), AuthFailure::Unverifiable),
        ];
        for (authorization, api_key, access_assertion, want) in cases {
            let creds = Credentials {
                authorization,
                api_key,
                access_assertion,
                client_ip: None,
            };
            let got = authenticate(&creds, &Config::default(), &r, UnixTime(0));
            assert_eq!(got, Err(want), "{authorization:?} {api_key:?}");
        }
    }

    #[test]
    fn debug_does_not_print_the_identifier() {
        let p = Principal {
            id: "ip:192.0.2.7".into(),
            role: "anonymous".into(),
            kind: PrincipalKind::Anonymous,
        };
        assert!(!format!("{p:?}").contains("192.0.2.7"));
    }
}

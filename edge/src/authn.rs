//! Authentication step of the request pipeline: who is calling, and in which role.
//!
//! Four kinds of principal, all verified by the core's `chatguard::auth` (the Worker checks
//! `RS256` and `ES256` signatures with WebCrypto instead of the core's pure-Rust code, see
//! [`WEBCRYPTO_ALGS`]; every other rule stays the core's):
//!
//! * **JWT** (`Authorization: Bearer <jwt>`): `HS256` with the `JWT_SECRET` secret, and
//!   `RS256`/`ES256`/`EdDSA` with keys from `JWKS_URL`; `iss` must be `JWT_ISSUER`, `aud` must
//!   contain `JWT_AUDIENCE`, skew `JWT_SKEW_SECONDS` (default 60, at most 300).
//! * **Cloudflare Access** (`Cf-Access-Jwt-Assertion`): `RS256` assertions of the team
//!   `ACCESS_TEAM_DOMAIN` for the application tag `ACCESS_AUD`, keys from the team's certs URL
//!   (`ACCESS_CERTS_URL` overrides it, e.g. for a private mirror or a test).
//! * **API key** (`X-Api-Key: <key>`, or `Authorization: Bearer <key>`): looked up by SHA-256 in
//!   the `API_KEYS` secret in constant time. A bearer credential is a JWT exactly when it has
//!   three dot-separated parts (two `.`); anything else is an API key.
//! * **Anonymous**: no credential at all, and the policy defines the role `anonymous`;
//!   identified by the client IP for rate limiting.
//!
//! Exactly one credential may be presented; two (say `X-Api-Key` and `Authorization`) are
//! refused rather than guessed between. A credential whose kind is not configured is refused:
//! the edge fails closed and never falls back to anonymous. The role comes from the JWT claim
//! `role` (or the first known entry of `roles`), or from the API key entry; a verified token
//! naming no known role gets `anonymous`.
//!
//! JWKS documents are cached per isolate in the core's [`JwksCache`]: at most one fetch per
//! 30 s per URL whatever the reason, so unknown `kid`s cannot cause a refetch storm. This module
//! decides ([`jwt_step`]); the Worker does the HTTP.

use chatguard::auth::{
    bearer_token, cloudflare_access_certs_url, Alg, ApiKeys, AuthError, Claims, FetchReason,
    JwkSet, JwksCache, JwtVerifier, PublicJwk, SignedPayload, SignedToken,
};
use chatguard::UnixTime;
use sha2::{Digest, Sha256};

use crate::config::ConfigError;
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
    /// A stable identifier for rate limits and the (hashed) audit field: `ip:<addr>`,
    /// `jwt:<iss> <sub>`, `access:<iss> <sub>` or `key:<sha256 prefix>`. Never logged in clear.
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

/// Why authentication failed; goes to the audit log only. The client sees a bare 401 (or 503
/// when the signing keys are unavailable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthFailure {
    /// No credential, and the policy has no anonymous role.
    Missing,
    /// A kind of credential was sent that this edge is not configured to verify.
    Unverifiable,
    /// The `Authorization` header is not `Bearer <credential>`, or a header is empty.
    Malformed,
    /// More than one credential was presented.
    Ambiguous,
    /// The API key is not in `API_KEYS`.
    UnknownApiKey,
    /// The token was refused by the verifier (or its keys are unavailable).
    Token(AuthError),
    /// The token verified but names no subject (`sub`, or `common_name` for Access service
    /// tokens), so there is nobody to rate-limit.
    NoSubject,
}

impl AuthFailure {
    /// The audit rule id, e.g. `auth.alg_none`. Never contains token material.
    pub fn rule(self) -> String {
        let code = match self {
            AuthFailure::Missing => "missing",
            AuthFailure::Unverifiable => "unverifiable",
            AuthFailure::Malformed => "malformed",
            AuthFailure::Ambiguous => "ambiguous",
            AuthFailure::UnknownApiKey => "api_key_unknown",
            AuthFailure::Token(e) => e.code(),
            AuthFailure::NoSubject => "subject_missing",
        };
        format!("auth.{code}")
    }

    /// True when the edge, not the caller, is at fault (the JWKS could not be fetched and no
    /// key is cached): answered 503, not 401.
    pub fn is_unavailable(self) -> bool {
        matches!(self, AuthFailure::Token(e) if e.is_unavailable())
    }
}

/// The verifiers configured from vars and secrets. `Debug` shows what is configured, never a
/// secret.
#[derive(Clone, Default)]
pub struct AuthSettings {
    /// Bearer JWTs: `JWT_SECRET` and/or `JWKS_URL`, with `JWT_ISSUER` and `JWT_AUDIENCE`.
    pub jwt: Option<JwtVerifier>,
    /// Where the bearer JWT keys come from (`JWKS_URL`).
    pub jwks_url: Option<String>,
    /// Cloudflare Access assertions (`ACCESS_TEAM_DOMAIN`, `ACCESS_AUD`).
    pub access: Option<JwtVerifier>,
    /// The Access team's certs URL (`ACCESS_CERTS_URL`, or derived from the team domain).
    pub access_certs_url: Option<String>,
    /// The `API_KEYS` secret.
    pub api_keys: ApiKeys,
}

impl core::fmt::Debug for AuthSettings {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AuthSettings")
            .field("jwt", &self.jwt.is_some())
            .field("jwks_url", &self.jwks_url)
            .field("access", &self.access.is_some())
            .field("api_keys", &self.api_keys.len())
            .finish()
    }
}

fn config_error(name: &'static str, e: impl core::fmt::Display) -> ConfigError {
    ConfigError {
        name,
        reason: e.to_string(),
    }
}

fn http_url(name: &'static str, url: String) -> Result<String, ConfigError> {
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(url.trim().to_owned())
    } else {
        Err(config_error(name, "must be an http(s) URL"))
    }
}

impl AuthSettings {
    /// Reads the auth settings through `get` (a non-empty var or secret by name). A partial or
    /// invalid setting is an error (the edge then answers 500 and denies), never "auth off".
    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<AuthSettings, ConfigError> {
        let skew = match get("JWT_SKEW_SECONDS") {
            None => chatguard::auth::DEFAULT_SKEW_SECONDS,
            Some(v) => v
                .trim()
                .parse::<u64>()
                .map_err(|_| config_error("JWT_SKEW_SECONDS", "must be a whole number"))?,
        };
        let mut settings = AuthSettings::default();

        let secret = get("JWT_SECRET");
        settings.jwks_url = get("JWKS_URL")
            .map(|u| http_url("JWKS_URL", u))
            .transpose()?;
        let (issuer, audience) = (get("JWT_ISSUER"), get("JWT_AUDIENCE"));
        if secret.is_some() || settings.jwks_url.is_some() {
            let mut builder = JwtVerifier::builder();
            builder
                .issuer(issuer.as_deref().unwrap_or_default())
                .audience(audience.as_deref().unwrap_or_default())
                .skew_seconds(skew);
            if let Some(secret) = &secret {
                builder.hs256_secret(secret.as_bytes(), None);
            }
            settings.jwt = Some(builder.build().map_err(|e| config_error("JWT", e))?);
        } else if issuer.is_some() || audience.is_some() {
            return Err(config_error(
                "JWT_ISSUER",
                "set, but neither JWKS_URL nor JWT_SECRET is",
            ));
        }

        match (get("ACCESS_TEAM_DOMAIN"), get("ACCESS_AUD")) {
            (None, None) => {}
            (Some(team), Some(aud)) => {
                let team = team.trim();
                let verifier = JwtVerifier::builder()
                    .cloudflare_access(team, aud.trim())
                    .skew_seconds(skew)
                    .build()
                    .map_err(|e| config_error("ACCESS_TEAM_DOMAIN", e))?;
                settings.access = Some(verifier);
                settings.access_certs_url = Some(match get("ACCESS_CERTS_URL") {
                    Some(url) => http_url("ACCESS_CERTS_URL", url)?,
                    None => cloudflare_access_certs_url(team),
                });
            }
            _ => {
                return Err(config_error(
                    "ACCESS_AUD",
                    "ACCESS_TEAM_DOMAIN and ACCESS_AUD go together",
                ))
            }
        }

        if let Some(keys) = get("API_KEYS") {
            settings.api_keys =
                ApiKeys::from_json(&keys).map_err(|e| config_error("API_KEYS", e))?;
        }
        Ok(settings)
    }
}

/// The one credential a request presents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presented<'a> {
    /// A bearer JWT.
    Jwt(&'a str),
    /// A Cloudflare Access assertion.
    Access(&'a str),
    /// An API key (`X-Api-Key`, or a bearer credential that is not a JWT).
    ApiKey(&'a str),
}

/// Which credential the request presents: `None` for none at all. Two or more, an
/// `Authorization` header that is not `Bearer <credential>`, or an empty header are refused.
pub fn presented<'a>(credentials: &Credentials<'a>) -> Result<Option<Presented<'a>>, AuthFailure> {
    let count = [
        credentials.authorization,
        credentials.api_key,
        credentials.access_assertion,
    ]
    .iter()
    .filter(|h| h.is_some())
    .count();
    if count > 1 {
        return Err(AuthFailure::Ambiguous);
    }
    let non_empty = |value: &'a str| Some(value.trim()).filter(|v| !v.is_empty());
    if let Some(header) = credentials.authorization {
        let token = bearer_token(header).ok_or(AuthFailure::Malformed)?;
        let dots = token.bytes().filter(|&b| b == b'.').count();
        return Ok(Some(if dots == 2 {
            Presented::Jwt(token)
        } else {
            Presented::ApiKey(token)
        }));
    }
    if let Some(key) = credentials.api_key {
        return non_empty(key)
            .map(|k| Some(Presented::ApiKey(k)))
            .ok_or(AuthFailure::Malformed);
    }
    if let Some(assertion) = credentials.access_assertion {
        return non_empty(assertion)
            .map(|a| Some(Presented::Access(a)))
            .ok_or(AuthFailure::Malformed);
    }
    Ok(None)
}

/// The anonymous principal, when the policy defines the anonymous role.
pub fn anonymous(credentials: &Credentials<'_>, roles: &Roles) -> Result<Principal, AuthFailure> {
    if roles.get(ANONYMOUS_ROLE).is_none() {
        return Err(AuthFailure::Missing);
    }
    Ok(Principal {
        id: format!("ip:{}", credentials.client_ip.unwrap_or("unknown")),
        role: ANONYMOUS_ROLE.to_owned(),
        kind: PrincipalKind::Anonymous,
    })
}

/// The principal of an API key from `API_KEYS` (constant-time lookup). Its id is a prefix of
/// the key's SHA-256 — what `API_KEYS` stores anyway — never the key.
pub fn verify_api_key(key: &str, api_keys: &ApiKeys) -> Result<Principal, AuthFailure> {
    if api_keys.is_empty() {
        return Err(AuthFailure::Unverifiable);
    }
    let role = api_keys.lookup(key).ok_or(AuthFailure::UnknownApiKey)?;
    let digest = Sha256::digest(key.as_bytes());
    let prefix: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    Ok(Principal {
        id: format!("key:{prefix}"),
        role: role.to_owned(),
        kind: PrincipalKind::Verified,
    })
}

/// The principal of verified claims: the subject (`sub`, or `common_name` for Access service
/// tokens) under its issuer, with the role from `role`/`roles` among the policy's roles, else
/// `anonymous`. `kind` is `jwt` or `access`.
pub fn principal_from_claims(
    claims: &Claims,
    roles: &Roles,
    kind: &str,
) -> Result<Principal, AuthFailure> {
    let subject = claims
        .subject()
        .or_else(|| claims.raw().get("common_name").and_then(|v| v.as_str()))
        .filter(|s| !s.is_empty())
        .ok_or(AuthFailure::NoSubject)?;
    let known: Vec<&str> = roles.names().collect();
    let role = claims.role(&known).unwrap_or(ANONYMOUS_ROLE);
    Ok(Principal {
        id: format!("{kind}:{} {subject}", claims.issuer()),
        role: role.to_owned(),
        kind: PrincipalKind::Verified,
    })
}

/// The algorithms whose signatures the Worker checks with the runtime's WebCrypto (native code)
/// instead of the core's pure-Rust verifiers, which are several times slower in wasm. `HS256`
/// (an HMAC: microseconds in wasm) and `EdDSA` (ed25519-dalek's strict verification, which
/// refuses small-order keys and non-canonical signatures) stay in Rust.
pub const WEBCRYPTO_ALGS: [Alg; 2] = [Alg::Rs256, Alg::Es256];

/// What verifying a JWT against a [`JwksCache`] needs next.
#[derive(Debug)]
pub enum JwtStep {
    /// Verification is decided.
    Done(Result<Claims, AuthError>),
    /// Fetch the JWKS now (the attempt is already recorded in the cache), record the outcome
    /// with `fetched`/`fetch_failed`, then call [`jwt_step`] again.
    Fetch,
    /// Every check before the signature passed: check the signature with WebCrypto, then finish
    /// with [`JwtVerifier::accept`] (any WebCrypto error counts as an invalid signature).
    CheckSignature(PendingSignature),
}

/// A signature to check outside the core ([`WEBCRYPTO_ALGS`]), with everything it needs owned,
/// so no borrow of the key cache is held while the runtime works. `Debug` shows no token
/// material.
pub struct PendingSignature {
    /// The key's one algorithm (the token's `alg` matched it).
    pub alg: Alg,
    /// The public key to verify with.
    pub public: PublicJwk,
    /// The token's `header.payload` text as received.
    pub signing_input: Vec<u8>,
    /// The decoded signature.
    pub signature: Vec<u8>,
    /// The payload, for [`JwtVerifier::accept`].
    pub payload: SignedPayload,
}

impl core::fmt::Debug for PendingSignature {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PendingSignature")
            .field("alg", &self.alg)
            .finish_non_exhaustive()
    }
}

/// Verifies `token` with `keys`: in full when the core checks the signature, or up to the
/// signature when WebCrypto is to check it.
fn verify_or_defer(verifier: &JwtVerifier, token: &str, keys: &JwkSet, now: UnixTime) -> JwtStep {
    let signed: SignedToken<'_, '_> = match verifier.open(token, keys) {
        Ok(signed) => signed,
        Err(e) => return JwtStep::Done(Err(e)),
    };
    match signed.public_jwk() {
        Some(public) if WEBCRYPTO_ALGS.contains(&signed.alg()) => {
            JwtStep::CheckSignature(PendingSignature {
                alg: signed.alg(),
                public: public.clone(),
                signing_input: signed.signing_input().to_vec(),
                signature: signed.signature().to_vec(),
                payload: signed.into_payload(),
            })
        }
        _ => {
            let valid = signed.verify_signature();
            JwtStep::Done(verifier.accept(signed.into_payload(), valid, now))
        }
    }
}

/// One step of verifying `token`. Without a cache (no JWKS configured) only the `HS256`
/// secret can verify. With one: fetch first when the cached keys are not fresh; verify; on an
/// unknown `kid`, fetch once more in case the keys rotated. The cache allows at most one fetch
/// per 30 s whatever the reason, and `may_fetch = false` forbids any, so a caller's loop ends.
/// With no usable cached key, a token that would need one fails as `jwks_unavailable` (503);
/// a token that fails for its own reasons (malformed, `alg: none`, ...) still gets its 401.
pub fn jwt_step(
    verifier: &JwtVerifier,
    token: &str,
    cache: Option<&mut JwksCache>,
    now: UnixTime,
    may_fetch: bool,
) -> JwtStep {
    let Some(cache) = cache else {
        return verify_or_defer(verifier, token, &JwkSet::empty(), now);
    };
    if may_fetch && cache.begin_fetch(now, FetchReason::Refresh) {
        return JwtStep::Fetch;
    }
    let step = match cache.keys(now) {
        Ok(keys) => verify_or_defer(verifier, token, keys, now),
        Err(unavailable) => match verify_or_defer(verifier, token, &JwkSet::empty(), now) {
            JwtStep::Done(Err(AuthError::UnknownKey | AuthError::KidRequired)) => {
                JwtStep::Done(Err(unavailable))
            }
            other => other,
        },
    };
    if matches!(step, JwtStep::Done(Err(AuthError::UnknownKey)))
        && may_fetch
        && cache.begin_fetch(now, FetchReason::UnknownKey)
    {
        return JwtStep::Fetch;
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatguard::auth::JwksResponse;
    use serde_json::json;
    use std::collections::BTreeMap;

    // Synthetic test secret, not used anywhere else.
    const SECRET: &str = "synthetic-edge-test-secret-0123456789abcdef";
    const NOW: UnixTime = UnixTime(1_700_000_000);

    fn roles(with_anonymous: bool) -> Roles {
        let limits = json!({ "routes": ["/v1/chat/completions"], "models": ["*"],
            "tools": [], "max_tokens": 64,
            "rate_limit": { "requests": 1, "tokens": 100, "window_secs": 60 } });
        let mut v = json!({ "support": limits });
        if with_anonymous {
            v["anonymous"] = limits;
        }
        Roles::parse(&v).expect("valid")
    }

    fn settings(pairs: &[(&str, &str)]) -> Result<AuthSettings, ConfigError> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        AuthSettings::from_lookup(&|n| map.get(n).cloned())
    }

    fn b64url(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            }
        }
        out
    }

    fn hs256(header: &serde_json::Value, claims: &serde_json::Value) -> String {
        use hmac::{Hmac, Mac};
        let input = format!(
            "{}.{}",
            b64url(header.to_string().as_bytes()),
            b64url(claims.to_string().as_bytes())
        );
        let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("key");
        mac.update(input.as_bytes());
        format!("{input}.{}", b64url(&mac.finalize().into_bytes()))
    }

    fn claims(extra: serde_json::Value) -> serde_json::Value {
        let mut c = json!({ "iss": "https://issuer.example", "aud": "edge", "sub": "user-1",
            "exp": NOW.0 + 600 });
        if let (Some(c), Some(extra)) = (c.as_object_mut(), extra.as_object()) {
            c.extend(extra.clone());
        }
        c
    }

    fn jwt_settings() -> AuthSettings {
        settings(&[
            ("JWT_SECRET", SECRET),
            ("JWT_ISSUER", "https://issuer.example"),
            ("JWT_AUDIENCE", "edge"),
        ])
        .expect("valid")
    }

    #[test]
    fn anonymous_only_when_the_role_exists() {
        let creds = Credentials {
            client_ip: Some("192.0.2.7"),
            ..Credentials::default()
        };
        assert_eq!(presented(&creds), Ok(None));
        let p = anonymous(&creds, &roles(true)).expect("anon");
        assert_eq!(p.role, "anonymous");
        assert_eq!(p.id, "ip:192.0.2.7");
        assert_eq!(p.kind, PrincipalKind::Anonymous);
        assert_eq!(anonymous(&creds, &roles(false)), Err(AuthFailure::Missing));
    }

    #[test]
    fn one_credential_is_told_apart() {
        let jwt = "aaa.bbb.ccc";
        let cases: [(Credentials<'_>, Result<Option<Presented<'_>>, AuthFailure>); 9] = [
            (
                Credentials {
                    authorization: Some("Bearer aaa.bbb.ccc"),
                    ..Credentials::default()
                },
                Ok(Some(Presented::Jwt(jwt))),
            ),
            (
                Credentials {
                    authorization: Some("bearer sk-live-1"),
                    ..Credentials::default()
                },
                Ok(Some(Presented::ApiKey("sk-live-1"))),
            ),
            (
                Credentials {
                    authorization: Some("Bearer a.b"),
                    ..Credentials::default()
                },
                Ok(Some(Presented::ApiKey("a.b"))),
            ),
            (
                Credentials {
                    api_key: Some(" sk-1 "),
                    ..Credentials::default()
                },
                Ok(Some(Presented::ApiKey("sk-1"))),
            ),
            (
                Credentials {
                    access_assertion: Some(jwt),
                    ..Credentials::default()
                },
                Ok(Some(Presented::Access(jwt))),
            ),
            (
                Credentials {
                    authorization: Some("Basic dXNlcjpwdw=="),
                    ..Credentials::default()
                },
                Err(AuthFailure::Malformed),
            ),
            (
                Credentials {
                    authorization: Some("Bearer "),
                    ..Credentials::default()
                },
                Err(AuthFailure::Malformed),
            ),
            (
                Credentials {
                    api_key: Some("  "),
                    ..Credentials::default()
                },
                Err(AuthFailure::Malformed),
            ),
            (
                Credentials {
                    authorization: Some("Bearer aaa.bbb.ccc"),
                    api_key: Some("sk-1"),
                    ..Credentials::default()
                },
                Err(AuthFailure::Ambiguous),
            ),
        ];
        for (creds, want) in cases {
            assert_eq!(presented(&creds), want, "{creds:?}");
        }
    }

    #[test]
    fn settings_fail_closed_on_partial_configuration() {
        assert!(settings(&[]).expect("empty").jwt.is_none());
        let e = settings(&[("JWT_SECRET", SECRET)]).expect_err("no issuer");
        assert_eq!(e.name, "JWT");
        let e = settings(&[("JWT_ISSUER", "https://i.example")]).expect_err("no keys");
        assert_eq!(e.name, "JWT_ISSUER");
        let e = settings(&[("ACCESS_TEAM_DOMAIN", "t.cloudflareaccess.com")]).expect_err("aud");
        assert_eq!(e.name, "ACCESS_AUD");
        let e = settings(&[("API_KEYS", r#"[{"sha256":"zz","role":"x"}]"#)]).expect_err("hex");
        assert_eq!(e.name, "API_KEYS");
        let e = settings(&[
            ("JWKS_URL", "file:///etc/keys"),
            ("JWT_ISSUER", "i"),
            ("JWT_AUDIENCE", "a"),
        ])
        .expect_err("scheme");
        assert_eq!(e.name, "JWKS_URL");
        let short = [
            ("JWT_SECRET", "short"),
            ("JWT_ISSUER", "i"),
            ("JWT_AUDIENCE", "a"),
        ];
        assert!(!settings(&short)
            .expect_err("short")
            .reason
            .contains("short\""));
        let access = settings(&[
            ("ACCESS_TEAM_DOMAIN", "team.cloudflareaccess.com"),
            ("ACCESS_AUD", "tag"),
        ])
        .expect("access");
        assert_eq!(
            access.access_certs_url.as_deref(),
            Some("https://team.cloudflareaccess.com/cdn-cgi/access/certs")
        );
        assert!(!format!("{:?}", jwt_settings()).contains(SECRET));
    }

    #[test]
    fn api_keys_give_their_role_and_a_hashed_id() {
        let key = "sk-synthetic-test-key-1";
        let hex: String = Sha256::digest(key.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let keys = ApiKeys::from_json(&format!(r#"[{{"sha256":"{hex}","role":"support"}}]"#))
            .expect("keys");
        let p = verify_api_key(key, &keys).expect("known");
        assert_eq!(p.role, "support");
        assert!(p.id.starts_with("key:") && !p.id.contains(key));
        assert_eq!(
            verify_api_key("sk-other", &keys),
            Err(AuthFailure::UnknownApiKey)
        );
        assert_eq!(
            verify_api_key(key, &ApiKeys::default()),
            Err(AuthFailure::Unverifiable)
        );
    }

    #[test]
    fn hs256_tokens_give_the_claimed_role() {
        let verifier = jwt_settings().jwt.expect("jwt");
        let token = hs256(
            &json!({"alg": "HS256"}),
            &claims(json!({"role": "support"})),
        );
        let JwtStep::Done(Ok(c)) = jwt_step(&verifier, &token, None, NOW, true) else {
            panic!("verifies");
        };
        let p = principal_from_claims(&c, &roles(true), "jwt").expect("principal");
        assert_eq!(
            (p.role.as_str(), p.kind),
            ("support", PrincipalKind::Verified)
        );
        assert_eq!(p.id, "jwt:https://issuer.example user-1");
        // An unknown role falls back to anonymous; no subject is refused.
        let token = hs256(&json!({"alg": "HS256"}), &claims(json!({"role": "root"})));
        let JwtStep::Done(Ok(c)) = jwt_step(&verifier, &token, None, NOW, true) else {
            panic!("verifies");
        };
        let p = principal_from_claims(&c, &roles(true), "jwt").expect("principal");
        assert_eq!(p.role, "anonymous");
        let token = hs256(&json!({"alg": "HS256"}), &claims(json!({"sub": ""})));
        let JwtStep::Done(Ok(c)) = jwt_step(&verifier, &token, None, NOW, true) else {
            panic!("verifies");
        };
        assert_eq!(
            principal_from_claims(&c, &roles(true), "jwt"),
            Err(AuthFailure::NoSubject)
        );
    }

    #[test]
    fn jwks_fetches_are_bounded_and_unavailability_is_503() {
        let verifier = jwt_settings().jwt.expect("jwt");
        let mut cache = JwksCache::default();
        let rs = "eyJhbGciOiJSUzI1NiIsImtpZCI6InJzYS05In0.eyJzdWIiOiJ4In0.c2ln";
        // First use: fetch. The fetch fails; a token that needs a JWKS key is then 503.
        assert!(matches!(
            jwt_step(&verifier, rs, Some(&mut cache), NOW, true),
            JwtStep::Fetch
        ));
        cache.fetch_failed(NOW);
        let JwtStep::Done(Err(e)) = jwt_step(&verifier, rs, Some(&mut cache), NOW, true) else {
            panic!("decided");
        };
        assert_eq!(e, AuthError::KeysUnavailable);
        assert!(AuthFailure::Token(e).is_unavailable());
        // ... while HS256 and broken tokens are still decided on their own.
        let hs = hs256(&json!({"alg": "HS256"}), &claims(json!({})));
        assert!(matches!(
            jwt_step(&verifier, &hs, Some(&mut cache), NOW, true),
            JwtStep::Done(Ok(_))
        ));
        let none = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
        let JwtStep::Done(Err(e)) = jwt_step(&verifier, none, Some(&mut cache), NOW, true) else {
            panic!("decided");
        };
        assert_eq!(AuthFailure::Token(e).rule(), "auth.alg_none");
        // 30 s later a fetch is allowed again; a good document is cached; unknown kids after
        // that cause no fetch within 30 s, however many there are.
        let later = UnixTime(NOW.0 + 30);
        assert!(matches!(
            jwt_step(&verifier, rs, Some(&mut cache), later, true),
            JwtStep::Fetch
        ));
        let jwks = r#"{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"ed-1","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}"#;
        let response = JwksResponse {
            status: 200,
            cache_control: Some("max-age=600"),
            body: jwks,
        };
        cache.fetched(later, response).expect("usable");
        for s in 0..29 {
            let JwtStep::Done(Err(e)) =
                jwt_step(&verifier, rs, Some(&mut cache), UnixTime(later.0 + s), true)
            else {
                panic!("no fetch within 30 s");
            };
            assert_eq!(e, AuthError::UnknownKey);
        }
        assert!(matches!(
            jwt_step(
                &verifier,
                rs,
                Some(&mut cache),
                UnixTime(later.0 + 30),
                true
            ),
            JwtStep::Fetch
        ));
        assert!(matches!(
            jwt_step(
                &verifier,
                rs,
                Some(&mut cache),
                UnixTime(later.0 + 90),
                false
            ),
            JwtStep::Done(Err(AuthError::UnknownKey))
        ));
    }

    #[test]
    fn rs256_and_es256_signatures_are_left_to_webcrypto_after_every_other_check() {
        let vectors: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/jwt/vectors.json")).expect("vectors");
        let cfg = &vectors["configs"]["default"];
        let now = UnixTime(vectors["now"].as_u64().expect("now"));
        let verifier = JwtVerifier::builder()
            .issuer(cfg["issuer"].as_str().expect("issuer"))
            .audience(cfg["audience"].as_str().expect("audience"))
            .hs256_secret(
                cfg["hs256_secret"].as_str().expect("secret").as_bytes(),
                None,
            )
            .build()
            .expect("verifier");
        let mut cache = JwksCache::default();
        assert!(cache.begin_fetch(now, FetchReason::Refresh));
        let body = cfg["jwks"].to_string();
        let response = JwksResponse {
            status: 200,
            cache_control: Some("max-age=600"),
            body: &body,
        };
        cache.fetched(now, response).expect("usable");
        let valid = vectors["valid"].as_array().expect("valid vectors");
        let mut deferred = 0;
        for vector in valid.iter().filter(|v| v["config"] == "default") {
            let token = vector["token"].as_str().expect("token");
            match jwt_step(&verifier, token, Some(&mut cache), now, true) {
                JwtStep::CheckSignature(pending) => {
                    deferred += 1;
                    assert!(WEBCRYPTO_ALGS.contains(&pending.alg));
                    assert_eq!(pending.public.alg(), pending.alg);
                    assert!(token
                        .starts_with(core::str::from_utf8(&pending.signing_input).expect("ascii")));
                    assert!(!format!("{pending:?}").contains(token));
                    // WebCrypto's answer decides; a refusal (or any WebCrypto error) is final.
                    let JwtStep::CheckSignature(again) =
                        jwt_step(&verifier, token, Some(&mut cache), now, true)
                    else {
                        panic!("deferred again");
                    };
                    assert!(verifier.accept(pending.payload, true, now).is_ok());
                    assert_eq!(
                        verifier.accept(again.payload, false, now).unwrap_err(),
                        AuthError::BadSignature
                    );
                }
                JwtStep::Done(result) => assert!(result.is_ok(), "{}", vector["name"]),
                JwtStep::Fetch => panic!("the keys are fresh"),
            }
        }
        assert!(deferred >= 2, "RS256 and ES256 vectors are deferred");
        // Refusals before the signature never reach WebCrypto.
        let none = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
        assert!(matches!(
            jwt_step(&verifier, none, Some(&mut cache), now, true),
            JwtStep::Done(Err(AuthError::AlgNone))
        ));
    }
}

//! [`JwtVerifier`]: compact JWS verification with the rules of RFC 8725 (JWT best current
//! practices) applied without options to weaken them.
//!
//! The order of checks is documented on [`JwtVerifier::verify`].

use core::fmt;

use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::alg::{Alg, AlgName, VerifyingKey, HS256_MIN_SECRET_LEN};
use super::encoding;
use super::error::{AuthError, ConfigError};
use super::jwk::{Jwk, JwkSet, PublicJwk, MAX_KID_LEN};
use crate::UnixTime;

/// The default largest token, in bytes (checked before decoding anything).
pub const DEFAULT_MAX_TOKEN_LEN: usize = 8 * 1024;

/// The default clock skew allowed on `exp`, `nbf` and `iat`, in seconds.
pub const DEFAULT_SKEW_SECONDS: u64 = 60;

/// The largest skew a verifier accepts, in seconds.
pub const MAX_SKEW_SECONDS: u64 = 300;

/// Verifies JWTs for one issuer and audience. Build once with [`JwtVerifier::builder`]; immutable
/// and `Send + Sync` afterwards.
#[derive(Clone)]
pub struct JwtVerifier {
    issuer: String,
    audience: String,
    algorithms: Vec<Alg>,
    skew: u64,
    max_token_len: usize,
    secret: Option<HsSecret>,
}

#[derive(Clone)]
struct HsSecret {
    kid: Option<String>,
    key: VerifyingKey,
}

/// Configures a [`JwtVerifier`].
#[derive(Clone)]
pub struct JwtVerifierBuilder {
    issuer: Option<String>,
    audience: Option<String>,
    algorithms: Vec<Alg>,
    skew: u64,
    max_token_len: usize,
    secret: Option<(Zeroizing<Vec<u8>>, Option<String>)>,
    access_team: Option<String>,
}

impl JwtVerifier {
    /// A builder with the defaults: all four algorithms, 60 s skew, 8 KiB token limit, no secret.
    pub fn builder() -> JwtVerifierBuilder {
        JwtVerifierBuilder {
            issuer: None,
            audience: None,
            algorithms: Alg::ALL.to_vec(),
            skew: DEFAULT_SKEW_SECONDS,
            max_token_len: DEFAULT_MAX_TOKEN_LEN,
            secret: None,
            access_team: None,
        }
    }

    /// The issuer tokens must name in `iss`.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Verifies `token` with the keys of `keys` (and the configured `HS256` secret) at time
    /// `now`. Never panics; linear in the token length, which is bounded.
    ///
    /// The order of checks: size (before any decoding) → three parts, header and payload
    /// non-empty → strict base64url of every part → header object (unique names) → `alg`
    /// (`none` refused in any casing, then the allowlist) → `crit` refused → key chosen by exact
    /// `kid` (or the only key of that algorithm) → the key's algorithm must equal `alg` →
    /// signature → payload object → claim types → `exp`/`nbf`/`iat` against the injected time
    /// with the configured skew → `iss` → `aud`. `jku`, `x5u`, `jwk`, `x5c` and `x5t` headers are
    /// never read: keys come only from `keys` and the configured `HS256` secret.
    pub fn verify(&self, token: &str, keys: &JwkSet, now: UnixTime) -> Result<Claims, AuthError> {
        let signed = self.open(token, keys)?;
        let valid = signed.verify_signature();
        self.accept(signed.into_payload(), valid, now)
    }

    /// The first half of [`verify`](Self::verify), for a caller that checks the signature with
    /// its own cryptography (the edge uses WebCrypto for `RS256` and `ES256`): every check up to
    /// the signature, in the same order, and the key the signature must be checked with. Then
    /// check [`SignedToken::signing_input`] against [`SignedToken::signature`] with
    /// [`SignedToken::public_jwk`] (for the algorithm [`SignedToken::alg`], the key's one
    /// algorithm) — or with [`SignedToken::verify_signature`] — and finish with
    /// [`accept`](Self::accept).
    pub fn open<'t, 'k>(
        &'k self,
        token: &'t str,
        keys: &'k JwkSet,
    ) -> Result<SignedToken<'t, 'k>, AuthError> {
        if token.is_empty() {
            return Err(AuthError::Missing);
        }
        if token.len() > self.max_token_len {
            return Err(AuthError::TooLarge);
        }
        let mut parts = token.split('.');
        let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(AuthError::Malformed);
        };
        // An empty signature part is well-formed (it is how unsecured JWS look); it fails as
        // `alg_none` or as a bad signature below.
        if header_b64.is_empty() || payload_b64.is_empty() {
            return Err(AuthError::Malformed);
        }
        let header_bytes = encoding::base64url(header_b64).ok_or(AuthError::Encoding)?;
        let payload = encoding::base64url(payload_b64).ok_or(AuthError::Encoding)?;
        let signature = encoding::base64url(signature_b64).ok_or(AuthError::Encoding)?;
        let header = encoding::json_object(&header_bytes).ok_or(AuthError::InvalidHeader)?;

        let alg = match header.get("alg") {
            Some(Value::String(name)) => match Alg::parse(name) {
                AlgName::Known(alg) if self.algorithms.contains(&alg) => alg,
                AlgName::Known(_) | AlgName::Unsupported => return Err(AuthError::UnsupportedAlg),
                AlgName::None => return Err(AuthError::AlgNone),
            },
            _ => return Err(AuthError::InvalidHeader),
        };
        if header.contains_key("crit") {
            return Err(AuthError::CritUnsupported);
        }
        let kid = match header.get("kid") {
            None => None,
            Some(Value::String(kid)) => Some(kid.as_str()),
            Some(_) => return Err(AuthError::InvalidHeader),
        };
        let (key, public) = self.select_key(alg, kid, keys)?;
        if key.alg() != alg {
            return Err(AuthError::AlgMismatch);
        }
        // The signing input is the ASCII text of the first two parts, exactly as received.
        let signing_input_len = header_b64.len() + 1 + payload_b64.len();
        let signing_input = token
            .as_bytes()
            .get(..signing_input_len)
            .ok_or(AuthError::Malformed)?;
        Ok(SignedToken {
            key,
            public,
            signing_input,
            signature,
            payload: SignedPayload(payload),
        })
    }

    /// The second half of [`verify`](Self::verify): `signature_valid` is the outcome of checking
    /// the signature of the token [`open`](Self::open) gave `payload` for; `false` refuses it as
    /// a bad signature. Then the claims are checked at `now`.
    pub fn accept(
        &self,
        payload: SignedPayload,
        signature_valid: bool,
        now: UnixTime,
    ) -> Result<Claims, AuthError> {
        if !signature_valid {
            return Err(AuthError::BadSignature);
        }
        let payload = encoding::json_object(&payload.0)
            .ok_or(AuthError::InvalidClaim { claim: "payload" })?;
        self.check_claims(payload, now)
    }

    /// The key a token may be verified with: the one its `kid` names exactly, or, without a
    /// `kid`, the secret for `HS256` and the only JWKS key of that algorithm otherwise. JWKS
    /// keys come with their public members; the secret has none.
    fn select_key<'k>(
        &'k self,
        alg: Alg,
        kid: Option<&str>,
        keys: &'k JwkSet,
    ) -> Result<(&'k VerifyingKey, Option<&'k PublicJwk>), AuthError> {
        let jwk = |k: &'k Jwk| (&k.key, Some(&k.public));
        match kid {
            Some(kid) if kid.len() > MAX_KID_LEN => Err(AuthError::UnknownKey),
            Some(kid) => match &self.secret {
                Some(secret) if secret.kid.as_deref() == Some(kid) => Ok((&secret.key, None)),
                _ => keys.find(kid).map(jwk).ok_or(AuthError::UnknownKey),
            },
            None if alg == Alg::Hs256 => match &self.secret {
                Some(secret) => Ok((&secret.key, None)),
                None => Err(AuthError::UnsupportedAlg),
            },
            None => keys
                .only_key_for(alg)
                .map(jwk)
                .ok_or(AuthError::KidRequired),
        }
    }

    fn check_claims(&self, raw: Map<String, Value>, now: UnixTime) -> Result<Claims, AuthError> {
        let issuer = required(&raw, "iss", string_claim)?;
        let audience_ok = required(&raw, "aud", |v| audience_contains(v, &self.audience))?;
        let expires_at = required(&raw, "exp", numeric_date)?;
        let not_before = optional(&raw, "nbf", numeric_date)?;
        let issued_at = optional(&raw, "iat", numeric_date)?;
        optional(&raw, "sub", string_claim)?;
        optional(&raw, "role", string_claim)?;
        optional(&raw, "roles", string_array)?;

        let now = now.0;
        if now >= expires_at.saturating_add(self.skew) {
            return Err(AuthError::Expired);
        }
        if not_before.is_some_and(|nbf| nbf > now.saturating_add(self.skew)) {
            return Err(AuthError::NotYetValid);
        }
        if issued_at.is_some_and(|iat| iat > now.saturating_add(self.skew)) {
            return Err(AuthError::IssuedInFuture);
        }
        if issuer != self.issuer {
            return Err(AuthError::WrongIssuer);
        }
        if !audience_ok {
            return Err(AuthError::WrongAudience);
        }
        Ok(Claims {
            expires_at: UnixTime(expires_at),
            raw,
        })
    }
}

impl fmt::Debug for JwtVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtVerifier")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("algorithms", &self.algorithms)
            .field("skew", &self.skew)
            .field("has_secret", &self.secret.is_some())
            .finish_non_exhaustive()
    }
}

/// A token that passed every check before its signature ([`JwtVerifier::open`]): its header,
/// its algorithm, and the key chosen for it. `Debug` shows no token material.
pub struct SignedToken<'t, 'k> {
    key: &'k VerifyingKey,
    public: Option<&'k PublicJwk>,
    signing_input: &'t [u8],
    signature: Vec<u8>,
    payload: SignedPayload,
}

/// The decoded payload of an opened token, still to be [accepted](JwtVerifier::accept).
pub struct SignedPayload(Vec<u8>);

impl<'t, 'k> SignedToken<'t, 'k> {
    /// The algorithm the signature must be checked with: the key's one algorithm, which the
    /// token's `alg` matched.
    pub fn alg(&self) -> Alg {
        self.key.alg()
    }

    /// The public members of the JWKS key to check the signature with; `None` for the
    /// configured `HS256` secret, which only [`verify_signature`](Self::verify_signature) uses.
    pub fn public_jwk(&self) -> Option<&'k PublicJwk> {
        self.public
    }

    /// The bytes that were signed: the token's `header.payload` text as received.
    pub fn signing_input(&self) -> &'t [u8] {
        self.signing_input
    }

    /// The decoded signature (`ES256`: the 64-byte `r || s` of RFC 7518 §3.4, never DER).
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// Checks the signature with the Rust implementations (RustCrypto and `hmac`).
    pub fn verify_signature(&self) -> bool {
        self.key.verify(self.signing_input, &self.signature)
    }

    /// The payload, for [`JwtVerifier::accept`] once the signature is checked.
    pub fn into_payload(self) -> SignedPayload {
        self.payload
    }
}

impl fmt::Debug for SignedToken<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedToken")
            .field("alg", &self.alg())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for SignedPayload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedPayload").finish_non_exhaustive()
    }
}

fn required<'v, T>(
    raw: &'v Map<String, Value>,
    claim: &'static str,
    read: impl FnOnce(&'v Value) -> Option<T>,
) -> Result<T, AuthError> {
    let value = raw.get(claim).ok_or(AuthError::MissingClaim { claim })?;
    read(value).ok_or(AuthError::InvalidClaim { claim })
}

fn optional<'v, T>(
    raw: &'v Map<String, Value>,
    claim: &'static str,
    read: impl FnOnce(&'v Value) -> Option<T>,
) -> Result<Option<T>, AuthError> {
    match raw.get(claim) {
        None => Ok(None),
        Some(value) => read(value)
            .map(Some)
            .ok_or(AuthError::InvalidClaim { claim }),
    }
}

fn string_claim(value: &Value) -> Option<&str> {
    value.as_str()
}

fn string_array(value: &Value) -> Option<Vec<&str>> {
    value.as_array()?.iter().map(Value::as_str).collect()
}

/// `aud` is a string or a non-empty array of strings (RFC 7519 §4.1.3). `Some(found)` when
/// well-formed.
fn audience_contains(value: &Value, audience: &str) -> Option<bool> {
    match value {
        Value::String(aud) => Some(aud == audience),
        Value::Array(items) if !items.is_empty() => Some(string_array(value)?.contains(&audience)),
        _ => None,
    }
}

/// A NumericDate (RFC 7519 §2): a non-negative JSON number of seconds; fractions are dropped.
fn numeric_date(value: &Value) -> Option<u64> {
    let number = value.as_number()?;
    if let Some(seconds) = number.as_u64() {
        return Some(seconds);
    }
    let seconds = number.as_f64()?;
    // `as` saturates for values beyond u64::MAX; negative values are refused.
    (seconds.is_finite() && seconds >= 0.0).then_some(seconds as u64)
}

impl JwtVerifierBuilder {
    /// The exact `iss` tokens must carry (required). For Cloudflare Access use
    /// [`cloudflare_access`](Self::cloudflare_access) instead.
    pub fn issuer(&mut self, issuer: &str) -> &mut JwtVerifierBuilder {
        self.issuer = Some(issuer.to_owned());
        self
    }

    /// The audience tokens must name in `aud` (required).
    pub fn audience(&mut self, audience: &str) -> &mut JwtVerifierBuilder {
        self.audience = Some(audience.to_owned());
        self
    }

    /// Restricts the accepted algorithms (default: all four).
    pub fn algorithms(&mut self, algorithms: &[Alg]) -> &mut JwtVerifierBuilder {
        self.algorithms = algorithms.to_vec();
        self
    }

    /// The clock skew allowed on `exp`, `nbf` and `iat` (default 60 s, at most 300 s).
    pub fn skew_seconds(&mut self, seconds: u64) -> &mut JwtVerifierBuilder {
        self.skew = seconds;
        self
    }

    /// The largest token accepted, in bytes (default 8 KiB; 256 to 64 KiB).
    pub fn max_token_len(&mut self, bytes: usize) -> &mut JwtVerifierBuilder {
        self.max_token_len = bytes;
        self
    }

    /// The `HS256` shared secret (the `JWT_SECRET` secret, at least 32 bytes). Without one,
    /// `HS256` tokens are refused. With `kid`, tokens naming that `kid` use the secret; tokens
    /// without a `kid` use it for `HS256` either way. The secret is the only key `HS256` ever
    /// uses: public keys from a JWKS are never HMAC keys.
    pub fn hs256_secret(&mut self, secret: &[u8], kid: Option<&str>) -> &mut JwtVerifierBuilder {
        self.secret = Some((Zeroizing::new(secret.to_vec()), kid.map(str::to_owned)));
        self
    }

    /// Cloudflare Access assertion mode (`Cf-Access-Jwt-Assertion`): issuer
    /// `https://<team_domain>`, audience the application's AUD tag, `RS256` only. Fetch the keys
    /// from [`cloudflare_access_certs_url`]. `team_domain` is a host name such as
    /// `example.cloudflareaccess.com`.
    pub fn cloudflare_access(
        &mut self,
        team_domain: &str,
        aud_tag: &str,
    ) -> &mut JwtVerifierBuilder {
        self.access_team = Some(team_domain.to_owned());
        self.issuer = Some(format!("https://{team_domain}"));
        self.audience = Some(aud_tag.to_owned());
        self.algorithms = vec![Alg::Rs256];
        self
    }

    /// Checks the settings and builds the verifier.
    pub fn build(&self) -> Result<JwtVerifier, ConfigError> {
        if let Some(team) = &self.access_team {
            if !is_host_name(team) {
                return Err(ConfigError::new(
                    "team_domain",
                    "expected a host name like example.cloudflareaccess.com",
                ));
            }
        }
        let issuer = match &self.issuer {
            Some(issuer) if !issuer.is_empty() => issuer.clone(),
            _ => return Err(ConfigError::new("JWT_ISSUER", "an issuer is required")),
        };
        let audience = match &self.audience {
            Some(audience) if !audience.is_empty() => audience.clone(),
            _ => return Err(ConfigError::new("JWT_AUDIENCE", "an audience is required")),
        };
        if self.algorithms.is_empty() {
            return Err(ConfigError::new("algorithms", "at least one algorithm"));
        }
        if self.skew > MAX_SKEW_SECONDS {
            return Err(ConfigError::new(
                "skew",
                format!("at most {MAX_SKEW_SECONDS} seconds"),
            ));
        }
        if !(256..=64 * 1024).contains(&self.max_token_len) {
            return Err(ConfigError::new(
                "max_token_len",
                "between 256 and 65536 bytes",
            ));
        }
        let secret = match &self.secret {
            None => None,
            Some((secret, _)) if secret.len() < HS256_MIN_SECRET_LEN => {
                return Err(ConfigError::new(
                    "JWT_SECRET",
                    format!("at least {HS256_MIN_SECRET_LEN} bytes (RFC 7518 §3.2)"),
                ))
            }
            Some((_, Some(kid))) if kid.is_empty() || kid.len() > MAX_KID_LEN => {
                return Err(ConfigError::new("JWT_SECRET.kid", "1 to 256 bytes"))
            }
            Some((secret, kid)) => Some(HsSecret {
                kid: kid.clone(),
                key: VerifyingKey::Hs256(secret.clone()),
            }),
        };
        Ok(JwtVerifier {
            issuer,
            audience,
            algorithms: self.algorithms.clone(),
            skew: self.skew,
            max_token_len: self.max_token_len,
            secret,
        })
    }
}

impl fmt::Debug for JwtVerifierBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtVerifierBuilder")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("has_secret", &self.secret.is_some())
            .finish_non_exhaustive()
    }
}

/// The credential of an `Authorization: Bearer <credential>` header value (scheme matched
/// case-insensitively, RFC 9110 §11.1), or `None` for any other scheme, an empty credential or
/// one containing whitespace. The credential is returned untouched; verification decides the rest.
pub fn bearer_token(authorization: &str) -> Option<&str> {
    let (scheme, credential) = authorization.trim().split_once(' ')?;
    let credential = credential.trim_start_matches(' ');
    let valid = scheme.eq_ignore_ascii_case("bearer")
        && !credential.is_empty()
        && !credential.contains(|c: char| c.is_whitespace());
    valid.then_some(credential)
}

/// The JWKS URL of a Cloudflare Access team: `https://<team_domain>/cdn-cgi/access/certs`.
pub fn cloudflare_access_certs_url(team_domain: &str) -> String {
    format!("https://{team_domain}/cdn-cgi/access/certs")
}

fn is_host_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// The claims of a verified token. `Debug` shows no claim values.
#[derive(Clone)]
pub struct Claims {
    expires_at: UnixTime,
    raw: Map<String, Value>,
}

impl Claims {
    /// `sub`, when present.
    pub fn subject(&self) -> Option<&str> {
        self.raw.get("sub").and_then(Value::as_str)
    }

    /// `iss` (equal to the verifier's issuer).
    pub fn issuer(&self) -> &str {
        self.raw
            .get("iss")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// `exp`.
    pub fn expires_at(&self) -> UnixTime {
        self.expires_at
    }

    /// The caller's role among `known` (the roles the policy defines): the `role` claim when it
    /// is one of them, otherwise the first entry of `roles` that is. `None` when neither names a
    /// known role — the caller then applies its least-privileged default.
    pub fn role<'k>(&self, known: &[&'k str]) -> Option<&'k str> {
        let known_role = |name: &str| known.iter().copied().find(|k| *k == name);
        if let Some(role) = self
            .raw
            .get("role")
            .and_then(Value::as_str)
            .and_then(known_role)
        {
            return Some(role);
        }
        self.raw
            .get("roles")
            .and_then(Value::as_array)?
            .iter()
            .filter_map(Value::as_str)
            .find_map(known_role)
    }

    /// Every claim, as sent.
    pub fn raw(&self) -> &Map<String, Value> {
        &self.raw
    }
}

impl fmt::Debug for Claims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Claims")
            .field("claims", &self.raw.len())
            .finish_non_exhaustive()
    }
}

//! Why a credential was refused ([`AuthError`]) and why a piece of auth configuration could not
//! be used ([`ConfigError`]).
//!
//! An [`AuthError`] carries a stable machine [`code`](AuthError::code) and a fixed message; neither
//! ever contains token material, so both are safe to log. The edge answers 401 for every code
//! except [`AuthError::KeysUnavailable`] (503).

use core::fmt;

/// A token or key was refused. Matchable; the [`code`](AuthError::code) is the stable wire name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthError {
    /// No token at all (empty string).
    Missing,
    /// The token is longer than the configured limit; nothing of it was decoded.
    TooLarge,
    /// Not a compact JWS: not exactly three dot-separated parts, or an empty header or payload.
    Malformed,
    /// A part is not strict base64url (padding, `+`/`/`, other characters, bad length).
    Encoding,
    /// The header is not a JSON object with unique names, or a header member has the wrong type.
    InvalidHeader,
    /// `alg` is `none` in some casing.
    AlgNone,
    /// `alg` is not one of the allowed algorithms (or `HS256` with no secret configured).
    UnsupportedAlg,
    /// `alg` disagrees with the key the `kid` names.
    AlgMismatch,
    /// The header has a `crit` member; no extension is understood, so it is refused.
    CritUnsupported,
    /// No key with this `kid` (exact match).
    UnknownKey,
    /// No `kid`, and the algorithm does not name exactly one key.
    KidRequired,
    /// The signature does not verify.
    BadSignature,
    /// The payload is not a JSON object with unique names, or a known claim has the wrong type.
    InvalidClaim {
        /// The claim name (`exp`, `aud`, ...), or `payload` for the object itself.
        claim: &'static str,
    },
    /// A required claim is absent.
    MissingClaim {
        /// The claim name: `iss`, `aud` or `exp`.
        claim: &'static str,
    },
    /// `exp` has passed (beyond the allowed skew).
    Expired,
    /// `nbf` is still in the future (beyond the allowed skew).
    NotYetValid,
    /// `iat` is in the future (beyond the allowed skew).
    IssuedInFuture,
    /// `iss` is not the configured issuer.
    WrongIssuer,
    /// `aud` does not contain the configured audience.
    WrongAudience,
    /// No signing keys are available: the JWKS could not be fetched and nothing usable is cached.
    KeysUnavailable,
}

impl AuthError {
    /// The stable, lowercase code the edge puts in its JSON error and audit line.
    pub const fn code(&self) -> &'static str {
        match self {
            AuthError::Missing => "token_missing",
            AuthError::TooLarge => "token_too_large",
            AuthError::Malformed => "token_malformed",
            AuthError::Encoding => "token_encoding",
            AuthError::InvalidHeader => "header_invalid",
            AuthError::AlgNone => "alg_none",
            AuthError::UnsupportedAlg => "alg_unsupported",
            AuthError::AlgMismatch => "alg_mismatch",
            AuthError::CritUnsupported => "crit_unsupported",
            AuthError::UnknownKey => "kid_unknown",
            AuthError::KidRequired => "kid_required",
            AuthError::BadSignature => "signature_invalid",
            AuthError::InvalidClaim { .. } => "claim_invalid",
            AuthError::MissingClaim { .. } => "claim_missing",
            AuthError::Expired => "token_expired",
            AuthError::NotYetValid => "token_not_yet_valid",
            AuthError::IssuedInFuture => "token_issued_in_future",
            AuthError::WrongIssuer => "issuer_mismatch",
            AuthError::WrongAudience => "audience_mismatch",
            AuthError::KeysUnavailable => "jwks_unavailable",
        }
    }

    /// True when the fault is ours, not the caller's: the edge answers 503, not 401.
    pub const fn is_unavailable(&self) -> bool {
        matches!(self, AuthError::KeysUnavailable)
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthError::Missing => f.write_str("no token"),
            AuthError::TooLarge => f.write_str("token too large"),
            AuthError::Malformed => f.write_str("token is not a compact JWS"),
            AuthError::Encoding => f.write_str("token is not strict base64url"),
            AuthError::InvalidHeader => f.write_str("token header is invalid"),
            AuthError::AlgNone => f.write_str("unsigned tokens are refused"),
            AuthError::UnsupportedAlg => f.write_str("token algorithm is not allowed"),
            AuthError::AlgMismatch => f.write_str("token algorithm does not match its key"),
            AuthError::CritUnsupported => f.write_str("token has critical extensions"),
            AuthError::UnknownKey => f.write_str("token key id is unknown"),
            AuthError::KidRequired => f.write_str("token names no key id"),
            AuthError::BadSignature => f.write_str("token signature is invalid"),
            AuthError::InvalidClaim { claim } => write!(f, "token claim `{claim}` is invalid"),
            AuthError::MissingClaim { claim } => write!(f, "token claim `{claim}` is missing"),
            AuthError::Expired => f.write_str("token has expired"),
            AuthError::NotYetValid => f.write_str("token is not valid yet"),
            AuthError::IssuedInFuture => f.write_str("token is issued in the future"),
            AuthError::WrongIssuer => f.write_str("token issuer is not accepted"),
            AuthError::WrongAudience => f.write_str("token audience is not accepted"),
            AuthError::KeysUnavailable => f.write_str("signing keys are unavailable"),
        }
    }
}

impl core::error::Error for AuthError {}

/// Auth configuration could not be used: a verifier setting, the `API_KEYS` secret, or a JWKS
/// document. The message names the field (`API_KEYS[1].sha256`, `keys[0].n`) and the reason, and
/// never contains secret values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    field: String,
    reason: String,
}

impl ConfigError {
    pub(crate) fn new(field: impl Into<String>, reason: impl Into<String>) -> ConfigError {
        ConfigError {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The offending field, e.g. `API_KEYS[2].role`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Why it was rejected.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "invalid auth configuration: {}", self.reason)
        } else {
            write!(
                f,
                "invalid auth configuration: `{}`: {}",
                self.field, self.reason
            )
        }
    }
}

impl core::error::Error for ConfigError {}

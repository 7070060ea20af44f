//! Authentication for the edge (feature `auth`, off by default: the browser widget never
//! verifies tokens and does not carry this code).
//!
//! * [`JwtVerifier`] — verifies a compact JWS (`RS256`, `ES256`, `EdDSA`, `HS256`) against a
//!   [`JwkSet`] and the configured `HS256` secret, at a time the caller passes in, and returns
//!   the [`Claims`]. Every refusal is an [`AuthError`] with a stable [`code`](AuthError::code)
//!   that never contains token material.
//! * [`JwksCache`] — when to (re)fetch an issuer's JWKS and which keys to use meanwhile: a pure
//!   state machine; the Worker does the HTTP.
//! * [`ApiKeys`] — the `API_KEYS` secret: SHA-256 hashes with roles, looked up in constant time.
//!
//! # Rules (none can be switched off)
//!
//! * A key's algorithm is fixed by the key (`kty`/`crv`, confirmed by its `alg`); the token's
//!   `alg` must equal it. `none` is refused in every casing. `HS256` only ever uses the
//!   configured secret — never public-key material — so RS→HS confusion cannot happen.
//! * `kid` is an opaque id matched byte for byte; `jku`, `x5u`, `jwk`, `x5c` are never read.
//!   A `crit` header is refused (no extension is understood).
//! * `iss`, `aud` and `exp` are required; `aud` may be a string or an array; `exp`, `nbf` and
//!   `iat` are checked with a configurable skew (default 60 s, at most 300 s).
//! * Tokens over 8 KiB (configurable) are refused before decoding; base64url must be strict
//!   (no padding, no `+`/`/`); header and payload must be JSON objects with unique names.
//!
//! # Example
//!
//! ```
//! use chatguard::auth::{AuthError, JwkSet, JwtVerifier};
//! use chatguard::UnixTime;
//!
//! let verifier = JwtVerifier::builder()
//!     .issuer("https://issuer.example")
//!     .audience("chatguard")
//!     .hs256_secret(b"an-example-secret-of-32-bytes-min", None)
//!     .build()
//!     .unwrap();
//! let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln"; // {"alg":"none"}
//! let err = verifier.verify(unsigned, &JwkSet::empty(), UnixTime(1_700_000_000)).unwrap_err();
//! assert_eq!(err, AuthError::AlgNone);
//! assert_eq!(err.code(), "alg_none");
//! ```
//!
//! # Cloudflare Access
//!
//! With Access in front of the Worker, every request carries `Cf-Access-Jwt-Assertion`, an
//! `RS256` JWT issued by `https://<team>.cloudflareaccess.com` for the application's AUD tag.
//! Build the verifier with [`JwtVerifierBuilder::cloudflare_access`] and feed a [`JwksCache`]
//! from [`cloudflare_access_certs_url`]; everything else is the same verifier.

mod alg;
mod api_key;
mod cache;
mod encoding;
mod error;
mod jwk;
mod jwt;

pub use alg::{Alg, HS256_MIN_SECRET_LEN};
pub use api_key::{ApiKeys, MAX_API_KEYS};
pub use cache::{CachePolicy, FetchReason, JwksCache, JwksResponse};
pub use error::{AuthError, ConfigError};
pub use jwk::{JwkSet, PublicJwk, SkippedKey, MAX_JWKS_KEYS, MAX_JWKS_LEN};
pub use jwt::{
    bearer_token, cloudflare_access_certs_url, Claims, JwtVerifier, JwtVerifierBuilder,
    SignedPayload, SignedToken, DEFAULT_MAX_TOKEN_LEN, DEFAULT_SKEW_SECONDS, MAX_SKEW_SECONDS,
};

#[cfg(test)]
mod tests;

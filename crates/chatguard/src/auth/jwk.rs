//! JSON Web Key Sets (RFC 7517): the public keys an issuer publishes at its JWKS URL.
//!
//! [`JwkSet::from_json`] reads a document and keeps every key chatguard can verify with — RSA
//! (`RS256`, 2048–4096 bits), EC P-256 (`ES256`) and OKP Ed25519 (`EdDSA`). Every other key is
//! skipped with a reason ([`JwkSet::skipped`]) instead of failing the whole set, so an issuer
//! that also publishes, say, an `RS512` or X25519 key keeps working. Symmetric (`oct`) keys are
//! never taken from a JWKS: `HS256` only ever uses the configured secret. A key's `kty`/`crv`
//! (and its `alg`, when present) fix its one algorithm; see [`Alg`].

use core::fmt;

use serde_json::{Map, Value};

use super::alg::{Alg, VerifyingKey, RSA_MIN_BITS};
use super::encoding;
use super::error::ConfigError;

/// The largest JWKS document read, in bytes.
pub const MAX_JWKS_LEN: usize = 64 * 1024;

/// The most keys one JWKS document may hold.
pub const MAX_JWKS_KEYS: usize = 64;

/// The longest `kid` kept; longer ids can never match.
pub(crate) const MAX_KID_LEN: usize = 256;

/// The usable keys of one JWKS document.
#[derive(Clone, Default)]
pub struct JwkSet {
    keys: Vec<Jwk>,
    skipped: Vec<SkippedKey>,
}

#[derive(Clone)]
pub(crate) struct Jwk {
    pub(crate) kid: Option<String>,
    pub(crate) key: VerifyingKey,
    pub(crate) public: PublicJwk,
}

/// A usable JWKS key's public members exactly as published (strict base64url, already checked
/// and accepted by [`JwkSet::from_json`]), so a platform's own cryptography can verify with the
/// same key: the edge imports them into WebCrypto (`importKey("jwk", ...)`). Public material
/// only; two values are equal exactly when they describe the same key the same way.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PublicJwk {
    /// `kty: RSA` (`RS256`): modulus `n` and exponent `e`.
    Rsa {
        /// The modulus, base64url.
        n: String,
        /// The public exponent, base64url.
        e: String,
    },
    /// `kty: EC`, `crv: P-256` (`ES256`): the point's coordinates.
    P256 {
        /// The x coordinate, base64url.
        x: String,
        /// The y coordinate, base64url.
        y: String,
    },
    /// `kty: OKP`, `crv: Ed25519` (`EdDSA`): the public key.
    Ed25519 {
        /// The 32-byte public key, base64url.
        x: String,
    },
}

impl PublicJwk {
    /// The one algorithm this key verifies.
    pub fn alg(&self) -> Alg {
        match self {
            PublicJwk::Rsa { .. } => Alg::Rs256,
            PublicJwk::P256 { .. } => Alg::Es256,
            PublicJwk::Ed25519 { .. } => Alg::EdDsa,
        }
    }
}

/// A key of the document that is not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedKey {
    /// Its position in `keys`.
    pub index: usize,
    /// Its `kid`, when it has a string one.
    pub kid: Option<String>,
    /// Why it is not used.
    pub reason: &'static str,
}

impl JwkSet {
    /// An empty set: for a verifier that only accepts `HS256` tokens.
    pub fn empty() -> JwkSet {
        JwkSet::default()
    }

    /// Reads a JWKS document (`{"keys": [...]}`). Fails only when the document itself is
    /// unusable (too large, not a JSON object, no `keys` array, too many keys); individual keys
    /// that cannot be used are listed by [`JwkSet::skipped`].
    pub fn from_json(document: &str) -> Result<JwkSet, ConfigError> {
        if document.len() > MAX_JWKS_LEN {
            return Err(ConfigError::new(
                "",
                format!("JWKS document is larger than {MAX_JWKS_LEN} bytes"),
            ));
        }
        let root = encoding::json_object(document.as_bytes()).ok_or_else(|| {
            ConfigError::new("", "JWKS is not a JSON object with unique member names")
        })?;
        let Some(Value::Array(entries)) = root.get("keys") else {
            return Err(ConfigError::new("keys", "expected an array of keys"));
        };
        if entries.len() > MAX_JWKS_KEYS {
            return Err(ConfigError::new(
                "keys",
                format!("more than {MAX_JWKS_KEYS} keys"),
            ));
        }
        let mut set = JwkSet::default();
        for (index, entry) in entries.iter().enumerate() {
            let kid = match entry.get("kid") {
                Some(Value::String(kid)) if kid.len() <= MAX_KID_LEN => Some(kid.clone()),
                Some(_) => {
                    set.skip(index, None, "`kid` is not a string of at most 256 bytes");
                    continue;
                }
                None => None,
            };
            if kid.is_some() && set.keys.iter().any(|k| k.kid == kid) {
                set.skip(index, kid, "duplicate `kid`: the first key with it is used");
                continue;
            }
            let Value::Object(jwk) = entry else {
                set.skip(index, kid, "not a JSON object");
                continue;
            };
            match read_key(jwk) {
                Ok((key, public)) => set.keys.push(Jwk { kid, key, public }),
                Err(reason) => set.skip(index, kid, reason),
            }
        }
        Ok(set)
    }

    fn skip(&mut self, index: usize, kid: Option<String>, reason: &'static str) {
        self.skipped.push(SkippedKey { index, kid, reason });
    }

    /// How many keys are usable.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when no key is usable.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys that were not taken, with reasons (safe to log: no key material).
    pub fn skipped(&self) -> &[SkippedKey] {
        &self.skipped
    }

    /// The `kid`s and algorithms of the usable keys.
    pub fn key_ids(&self) -> impl Iterator<Item = (Option<&str>, Alg)> + '_ {
        self.keys.iter().map(|k| (k.kid.as_deref(), k.key.alg()))
    }

    /// The key whose `kid` is exactly `kid` (an opaque id: compared byte for byte, never
    /// interpreted).
    pub(crate) fn find(&self, kid: &str) -> Option<&Jwk> {
        self.keys.iter().find(|k| k.kid.as_deref() == Some(kid))
    }

    /// The key for a token without `kid`: only when exactly one key has this algorithm.
    pub(crate) fn only_key_for(&self, alg: Alg) -> Option<&Jwk> {
        let mut matching = self.keys.iter().filter(|k| k.key.alg() == alg);
        match (matching.next(), matching.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }
}

impl fmt::Debug for JwkSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwkSet")
            .field("keys", &self.keys.len())
            .field("skipped", &self.skipped.len())
            .finish_non_exhaustive()
    }
}

/// Turns one JWK object into a verifying key (and its public members), or says why it cannot
/// be used.
fn read_key(jwk: &Map<String, Value>) -> Result<(VerifyingKey, PublicJwk), &'static str> {
    match jwk.get("use") {
        None => {}
        Some(Value::String(u)) if u == "sig" => {}
        Some(_) => return Err("`use` is not \"sig\""),
    }
    if let Some(ops) = jwk.get("key_ops") {
        let Value::Array(ops) = ops else {
            return Err("`key_ops` is not an array");
        };
        if !ops.iter().any(|op| op.as_str() == Some("verify")) {
            return Err("`key_ops` does not allow \"verify\"");
        }
    }
    if ["d", "p", "q", "dp", "dq", "qi", "k"]
        .iter()
        .any(|member| jwk.contains_key(*member))
    {
        return Err("contains private or secret key material");
    }
    let alg = match jwk.get("alg") {
        None => None,
        Some(Value::String(name)) => Some(name.as_str()),
        Some(_) => return Err("`alg` is not a string"),
    };
    let kty = jwk.get("kty").and_then(Value::as_str).ok_or("no `kty`")?;
    let (key, expected_alg) = match kty {
        "RSA" => (rsa_key(jwk)?, Alg::Rs256),
        "EC" => match jwk.get("crv").and_then(Value::as_str) {
            Some("P-256") => (p256_key(jwk)?, Alg::Es256),
            _ => return Err("unsupported EC curve (only P-256)"),
        },
        "OKP" => match jwk.get("crv").and_then(Value::as_str) {
            Some("Ed25519") => (ed25519_key(jwk)?, Alg::EdDsa),
            _ => return Err("unsupported OKP curve (only Ed25519)"),
        },
        "oct" => return Err("symmetric keys are never taken from a JWKS"),
        _ => return Err("unsupported `kty`"),
    };
    // The key type decides the algorithm; a declared `alg` may only confirm it.
    if let Some(name) = alg {
        if Alg::parse(name) != super::alg::AlgName::Known(expected_alg) {
            return Err("`alg` is not the one algorithm this key type is used with");
        }
    }
    Ok(key)
}

/// A member's base64url text and its decoded bytes, when it is a strict base64url string.
fn member(jwk: &Map<String, Value>, name: &str) -> Option<(String, Vec<u8>)> {
    let text = jwk.get(name).and_then(Value::as_str)?;
    Some((text.to_owned(), encoding::base64url(text)?))
}

fn rsa_key(jwk: &Map<String, Value>) -> Result<(VerifyingKey, PublicJwk), &'static str> {
    let (n_text, n) = member(jwk, "n").ok_or("`n` is missing or not base64url")?;
    let (e_text, e) = member(jwk, "e").ok_or("`e` is missing or not base64url")?;
    let n = rsa::BigUint::from_bytes_be(&n);
    if n.bits() < RSA_MIN_BITS {
        return Err("RSA modulus shorter than 2048 bits");
    }
    let e = rsa::BigUint::from_bytes_be(&e);
    // `new` also bounds the modulus (4096 bits) and the exponent.
    let key = rsa::RsaPublicKey::new(n, e)
        .map_err(|_| "RSA key is out of the accepted range (modulus up to 4096 bits)")?;
    let public = PublicJwk::Rsa {
        n: n_text,
        e: e_text,
    };
    Ok((VerifyingKey::Rs256(key), public))
}

fn p256_key(jwk: &Map<String, Value>) -> Result<(VerifyingKey, PublicJwk), &'static str> {
    let (x_text, x) = member(jwk, "x").ok_or("`x` is missing or not base64url")?;
    let (y_text, y) = member(jwk, "y").ok_or("`y` is missing or not base64url")?;
    let (Ok(x), Ok(y)) = (<[u8; 32]>::try_from(x), <[u8; 32]>::try_from(y)) else {
        return Err("P-256 coordinates must be 32 bytes each");
    };
    let point = p256::EncodedPoint::from_affine_coordinates(&x.into(), &y.into(), false);
    let key = p256::ecdsa::VerifyingKey::from_encoded_point(&point)
        .map_err(|_| "not a point on P-256")?;
    let public = PublicJwk::P256 {
        x: x_text,
        y: y_text,
    };
    Ok((VerifyingKey::Es256(key), public))
}

fn ed25519_key(jwk: &Map<String, Value>) -> Result<(VerifyingKey, PublicJwk), &'static str> {
    let (x_text, x) = member(jwk, "x").ok_or("`x` is missing or not base64url")?;
    let x = <[u8; 32]>::try_from(x).map_err(|_| "Ed25519 public key must be 32 bytes")?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(&x)
        .map_err(|_| "not a valid Ed25519 public key")?;
    Ok((VerifyingKey::EdDsa(key), PublicJwk::Ed25519 { x: x_text }))
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8037 §A.2: the Ed25519 public key of the RFC's example.
    const RFC8037_OKP: &str =
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    // RFC 7515 §A.3: the P-256 public key of the ES256 example.
    const RFC7515_EC: &str = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;

    fn set(keys: &[&str]) -> JwkSet {
        JwkSet::from_json(&format!(r#"{{"keys":[{}]}}"#, keys.join(","))).expect("document")
    }

    #[test]
    fn reads_rfc_example_keys_with_their_one_algorithm() {
        let keys = set(&[RFC8037_OKP, RFC7515_EC]);
        let algs: Vec<Alg> = keys.key_ids().map(|(_, alg)| alg).collect();
        assert_eq!(algs, [Alg::EdDsa, Alg::Es256]);
        assert!(keys.skipped().is_empty());
        assert!(keys.only_key_for(Alg::Es256).is_some());
        assert!(keys.only_key_for(Alg::Rs256).is_none());
    }

    #[test]
    fn skips_unusable_keys_with_a_reason() {
        let cases: [(&str, &str); 12] = [
            (
                r#"{"kty":"oct","k":"c2VjcmV0"}"#,
                "contains private or secret key material",
            ),
            (
                r#"{"kty":"oct"}"#,
                "symmetric keys are never taken from a JWKS",
            ),
            (
                r#"{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}"#,
                "unsupported EC curve (only P-256)",
            ),
            (
                r#"{"kty":"OKP","crv":"X25519","x":"AA"}"#,
                "unsupported OKP curve (only Ed25519)",
            ),
            (
                r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#,
                "RSA modulus shorter than 2048 bits",
            ),
            (
                r#"{"kty":"RSA","e":"AQAB"}"#,
                "`n` is missing or not base64url",
            ),
            (
                r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","use":"enc"}"#,
                "`use` is not \"sig\"",
            ),
            (
                r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","alg":"ES256"}"#,
                "`alg` is not the one algorithm this key type is used with",
            ),
            (
                r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","key_ops":["encrypt"]}"#,
                "`key_ops` does not allow \"verify\"",
            ),
            (
                r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5aA"}"#,
                "not a point on P-256",
            ),
            (
                r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU=","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#,
                "`x` is missing or not base64url",
            ),
            (r#"{"crv":"P-256"}"#, "no `kty`"),
        ];
        for (jwk, reason) in cases {
            let keys = set(&[jwk]);
            assert!(keys.is_empty(), "{jwk}");
            assert_eq!(keys.skipped()[0].reason, reason, "{jwk}");
        }
    }

    #[test]
    fn duplicate_kid_keeps_the_first_and_lookup_is_exact() {
        let a = RFC7515_EC.replacen('{', r#"{"kid":"a","#, 1);
        let a2 = RFC8037_OKP.replacen('{', r#"{"kid":"a","#, 1);
        let keys = set(&[&a, &a2]);
        assert_eq!(keys.len(), 1);
        assert_eq!(keys.skipped()[0].kid.as_deref(), Some("a"));
        assert_eq!(keys.find("a").map(|k| k.key.alg()), Some(Alg::Es256));
        assert_eq!(keys.find("a").map(|k| k.public.alg()), Some(Alg::Es256));
        for near in ["A", "a ", " a", "", "a\0", "%61"] {
            assert!(keys.find(near).is_none(), "{near:?}");
        }
    }

    #[test]
    fn document_level_errors_name_the_field() {
        assert_eq!(JwkSet::from_json("[]").unwrap_err().field(), "");
        assert_eq!(JwkSet::from_json("{}").unwrap_err().field(), "keys");
        assert_eq!(
            JwkSet::from_json(r#"{"keys":{}}"#).unwrap_err().field(),
            "keys"
        );
        assert!(JwkSet::from_json(r#"{"keys":[],"keys":[]}"#).is_err());
        let many = vec![RFC8037_OKP; MAX_JWKS_KEYS + 1].join(",");
        assert!(JwkSet::from_json(&format!(r#"{{"keys":[{many}]}}"#)).is_err());
        let big = format!(r#"{{"keys":[],"pad":"{}"}}"#, "x".repeat(MAX_JWKS_LEN));
        assert!(JwkSet::from_json(&big).is_err());
        assert!(JwkSet::from_json(r#"{"keys":[]}"#)
            .expect("empty")
            .is_empty());
    }
}

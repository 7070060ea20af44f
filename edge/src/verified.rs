//! Tokens this isolate has already verified. A chat client sends the same JWT with every turn,
//! and checking it again (decoding, JSON, a signature check) is work for nothing, so a token
//! verified once is taken at its word again — under conditions that can only make the answer
//! stricter than a fresh check:
//!
//! * the entry is keyed by SHA-256 over the verifier (bearer JWT or Cloudflare Access, its issuer
//!   and keys URL) and the whole token, so only the same bytes for the same verifier hit;
//! * it is valid from the time it was verified until the token's `exp` (without the clock skew a
//!   fresh check would still allow, and never for a clock that went back);
//! * it belongs to one generation of key sets: every JWKS fetch (success or failure) starts a new
//!   generation, so a key that was rotated out or withdrawn stops accepting cached tokens as soon
//!   as the edge has looked at the keys again; the Worker also only uses the cache while the key
//!   set is fresh, so a stale set is refreshed exactly as without the cache;
//! * refusals are never cached: a bad token is checked in full every time.
//!
//! Bounded to [`crate::memo::CAPACITY`] entries, oldest first out.

use chatguard::auth::Claims;
use chatguard::UnixTime;
use sha2::{Digest, Sha256};

use crate::memo::{Key, Table};

struct Entry {
    claims: Claims,
    generation: u64,
    verified_at: UnixTime,
}

/// The verified tokens of one isolate.
pub struct VerifiedTokens {
    table: Table<Entry>,
    generation: u64,
}

impl Default for VerifiedTokens {
    fn default() -> Self {
        VerifiedTokens::new()
    }
}

impl VerifiedTokens {
    /// An empty cache in generation 0.
    pub fn new() -> VerifiedTokens {
        VerifiedTokens {
            table: Table::<Entry, Key>::new(),
            generation: 0,
        }
    }

    /// The key of `token` for the verifier `verifier` (a name such as `jwt` or `access`), whose
    /// issuer is `issuer` and whose keys come from `keys_url`.
    pub fn key(verifier: &str, issuer: &str, keys_url: Option<&str>, token: &str) -> Key {
        let mut h = Sha256::new();
        for part in [verifier, issuer, keys_url.unwrap_or("")] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        h.update(token.as_bytes());
        h.finalize().into()
    }

    /// The claims of a token verified in this generation, while `now` is before its `exp`.
    pub fn get(&self, key: &Key, now: UnixTime) -> Option<&Claims> {
        let entry = self.table.get(key)?;
        (entry.generation == self.generation
            && entry.verified_at <= now
            && now < entry.claims.expires_at())
        .then_some(&entry.claims)
    }

    /// Remembers the claims of a token that was just verified at `now`.
    pub fn insert(&mut self, key: Key, claims: Claims, now: UnixTime) {
        let entry = Entry {
            claims,
            generation: self.generation,
            verified_at: now,
        };
        self.table.insert(key, entry);
    }

    /// The key sets were looked at again: nothing verified before counts any more.
    pub fn new_generation(&mut self) {
        self.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatguard::auth::{JwkSet, JwtVerifier};
    use serde_json::Value;

    /// A valid HS256 token from the committed vectors, its verifier, and the vectors' `now`.
    fn verified() -> (Claims, String, UnixTime) {
        let doc: Value =
            serde_json::from_str(include_str!("../../tests/jwt/vectors.json")).expect("vectors");
        let config = &doc["configs"]["default"];
        let now = UnixTime(doc["now"].as_u64().expect("now"));
        let verifier = JwtVerifier::builder()
            .issuer(config["issuer"].as_str().expect("issuer"))
            .audience(config["audience"].as_str().expect("audience"))
            .hs256_secret(
                config["hs256_secret"].as_str().expect("secret").as_bytes(),
                None,
            )
            .build()
            .expect("verifier");
        let token = doc["valid"]
            .as_array()
            .and_then(|v| v.iter().find(|t| t["name"] == "hs256-secret"))
            .and_then(|t| t["token"].as_str())
            .expect("hs256 vector")
            .to_owned();
        let claims = verifier
            .verify(&token, &JwkSet::empty(), now)
            .expect("valid");
        (claims, token, now)
    }

    #[test]
    fn a_verified_token_hits_until_its_exp() {
        let (claims, token, now) = verified();
        let exp = claims.expires_at();
        let mut cache = VerifiedTokens::new();
        let key = VerifiedTokens::key("jwt", "https://issuer.example.com", None, &token);
        assert!(cache.get(&key, now).is_none());
        cache.insert(key, claims, now);
        assert!(cache.get(&key, now).is_some());
        assert!(cache.get(&key, UnixTime(exp.0 - 1)).is_some());
        assert!(cache.get(&key, exp).is_none(), "not at exp, skew or not");
        assert!(
            cache.get(&key, UnixTime(now.0 - 1)).is_none(),
            "not for a clock that went back"
        );
    }

    #[test]
    fn a_new_key_generation_forgets_every_token() {
        let (claims, token, now) = verified();
        let mut cache = VerifiedTokens::new();
        let key = VerifiedTokens::key("jwt", "iss", Some("https://keys.example/jwks"), &token);
        cache.insert(key, claims.clone(), now);
        cache.new_generation();
        assert!(cache.get(&key, now).is_none());
        cache.insert(key, claims, now);
        assert!(
            cache.get(&key, now).is_some(),
            "verified again in the new one"
        );
    }

    #[test]
    fn keys_depend_on_the_verifier_and_every_byte_of_the_token() {
        let (_, token, _) = verified();
        let base = VerifiedTokens::key("jwt", "iss", Some("u"), &token);
        assert_ne!(
            base,
            VerifiedTokens::key("access", "iss", Some("u"), &token)
        );
        assert_ne!(base, VerifiedTokens::key("jwt", "iss2", Some("u"), &token));
        assert_ne!(base, VerifiedTokens::key("jwt", "iss", None, &token));
        assert_ne!(
            base,
            VerifiedTokens::key("jwt", "iss", Some("u"), &token[1..])
        );
        // Length-prefixed parts: moving a character between parts changes the key.
        assert_ne!(
            VerifiedTokens::key("jw", "tiss", None, "x"),
            VerifiedTokens::key("jwt", "iss", None, "x")
        );
    }
}

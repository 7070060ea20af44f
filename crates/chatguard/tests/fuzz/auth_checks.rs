//! Property checks for the `jwt` fuzz target (`crates/chatguard/fuzz/fuzz_targets/jwt.rs`) and
//! its stable replay in `tests/fuzz_replay.rs` (feature `auth`). Kept apart from `checks.rs`
//! because it needs chatguard's `auth` feature, which the other targets do not.
//!
//! Any bytes, read as lossy UTF-8, go to every parser of untrusted auth input: the JWT verifier
//! (as a token), `JwkSet::from_json` and the cache (as a fetched JWKS body and `Cache-Control`)
//! and `ApiKeys::from_json`. None may panic; verification must be deterministic and anything it
//! accepts must satisfy the configured issuer, audience and expiry.

use std::sync::OnceLock;

use chatguard::auth::{
    ApiKeys, FetchReason, JwkSet, JwksCache, JwksResponse, JwtVerifier, MAX_JWKS_KEYS,
};
use chatguard::UnixTime;

const NOW: UnixTime = UnixTime(1_700_000_000);
const ISSUER: &str = "https://issuer.example.com";
const AUDIENCE: &str = "chatguard-edge";
/// Synthetic; the same secret as `tests/jwt/vectors.json`, so seeds from there reach the MAC.
const HS_SECRET: &[u8] = b"synthetic-hs256-secret-for-tests-0123456789";
/// RFC 8037 §A.2's Ed25519 key and RFC 7515 §A.3's P-256 key.
const JWKS: &str = r#"{"keys":[
 {"kty":"OKP","crv":"Ed25519","kid":"ed-1","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
 {"kty":"EC","crv":"P-256","kid":"ec-1","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}"#;

fn verifier() -> &'static (JwtVerifier, JwkSet) {
    static VERIFIER: OnceLock<(JwtVerifier, JwkSet)> = OnceLock::new();
    VERIFIER.get_or_init(|| {
        let verifier = JwtVerifier::builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .hs256_secret(HS_SECRET, None)
            .build()
            .expect("valid verifier settings");
        (verifier, JwkSet::from_json(JWKS).expect("valid JWKS"))
    })
}

/// The `jwt` target's property.
pub fn jwt(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (verifier, keys) = verifier();

    let first = verifier.verify(&text, keys, NOW);
    let second = verifier.verify(&text, keys, NOW);
    match (&first, &second) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.raw(), b.raw(), "verification is deterministic");
            assert_eq!(a.issuer(), ISSUER, "accepted a token for another issuer");
            assert!(a.expires_at().0 + 60 > NOW.0, "accepted an expired token");
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "verification is deterministic");
            assert!(!a.code().is_empty());
        }
        _ => panic!("verification is not deterministic"),
    }

    if let Ok(set) = JwkSet::from_json(&text) {
        assert!(set.len() + set.skipped().len() <= MAX_JWKS_KEYS);
    }

    let cache_control = text.lines().next();
    let mut cache = JwksCache::default();
    assert!(cache.begin_fetch(NOW, FetchReason::Refresh));
    let response = JwksResponse {
        status: 200,
        cache_control,
        body: &text,
    };
    let accepted = cache.fetched(NOW, response).is_ok();
    assert_eq!(cache.keys(NOW).is_ok(), accepted);
    assert_eq!(cache.is_fresh(NOW), accepted);
    assert!(
        !cache.begin_fetch(NOW, FetchReason::UnknownKey),
        "refetch storm"
    );

    if let Ok(api_keys) = ApiKeys::from_json(&text) {
        let _ = api_keys.lookup(&text);
    }
}

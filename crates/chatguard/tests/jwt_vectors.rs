//! Replays `tests/jwt/vectors.json` — tokens made by an independent implementation (`jose` and
//! `node:crypto`, see `tests/jwt/generate.mjs`) — through `chatguard::auth::JwtVerifier` at the
//! fixed time the generator used. Every valid token must verify with the expected subject and
//! role; every invalid one must fail with exactly its expected error code.

#![cfg(feature = "auth")]

use std::collections::BTreeMap;

use chatguard::auth::{AuthError, JwkSet, JwtVerifier};
use chatguard::UnixTime;
use serde_json::Value;

struct Fixture {
    now: UnixTime,
    known_roles: Vec<String>,
    verifiers: BTreeMap<String, (JwtVerifier, JwkSet)>,
    doc: Value,
}

fn fixture() -> Fixture {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/jwt/vectors.json");
    let text = std::fs::read_to_string(path)
        .expect("tests/jwt/vectors.json (node tests/jwt/generate.mjs)");
    let doc: Value = serde_json::from_str(&text).expect("vectors.json is JSON");
    let now = UnixTime(doc["now"].as_u64().expect("now"));
    let known_roles = doc["known_roles"]
        .as_array()
        .expect("known_roles")
        .iter()
        .map(|r| r.as_str().expect("role").to_owned())
        .collect();
    let mut verifiers = BTreeMap::new();
    for (name, config) in doc["configs"].as_object().expect("configs") {
        let mut builder = JwtVerifier::builder();
        if let Some(access) = config.get("cloudflare_access") {
            builder.cloudflare_access(
                access["team_domain"].as_str().expect("team_domain"),
                access["aud_tag"].as_str().expect("aud_tag"),
            );
        } else {
            builder
                .issuer(config["issuer"].as_str().expect("issuer"))
                .audience(config["audience"].as_str().expect("audience"));
        }
        builder.skew_seconds(config["skew"].as_u64().expect("skew"));
        if let Some(secret) = config["hs256_secret"].as_str() {
            builder.hs256_secret(secret.as_bytes(), None);
        }
        let verifier = builder
            .build()
            .unwrap_or_else(|e| panic!("config {name}: {e}"));
        let keys = JwkSet::from_json(&config["jwks"].to_string()).expect("jwks");
        verifiers.insert(name.clone(), (verifier, keys));
    }
    Fixture {
        now,
        known_roles,
        verifiers,
        doc,
    }
}

impl Fixture {
    fn verify(&self, vector: &Value) -> (String, Result<chatguard::auth::Claims, AuthError>) {
        let name = vector["name"].as_str().expect("name").to_owned();
        let config = vector["config"].as_str().expect("config");
        let token = vector["token"].as_str().expect("token");
        let (verifier, keys) = &self.verifiers[config];
        (name, verifier.verify(token, keys, self.now))
    }

    fn vectors(&self, list: &str) -> &[Value] {
        self.doc[list].as_array().expect("vector list")
    }
}

#[test]
fn default_jwks_keeps_the_three_usable_keys_and_explains_the_rest() {
    let fixture = fixture();
    let (_, keys) = &fixture.verifiers["default"];
    let kids: Vec<_> = keys
        .key_ids()
        .map(|(kid, alg)| (kid.map(str::to_owned), alg.name()))
        .collect();
    assert_eq!(
        kids,
        [
            (Some("rsa-1".to_owned()), "RS256"),
            (Some("ec-1".to_owned()), "ES256"),
            (Some("ed-1".to_owned()), "EdDSA"),
        ]
    );
    let skipped: Vec<_> = keys
        .skipped()
        .iter()
        .map(|s| (s.kid.as_deref(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            (Some("oct-1"), "contains private or secret key material"),
            (Some("rsa-1024"), "RSA modulus shorter than 2048 bits"),
        ]
    );
}

#[test]
fn valid_vectors_verify_with_subject_and_role() {
    let fixture = fixture();
    let known: Vec<&str> = fixture.known_roles.iter().map(String::as_str).collect();
    let valid = fixture.vectors("valid");
    assert!(valid.len() >= 10, "only {} valid vectors", valid.len());
    let mut failures = Vec::new();
    for vector in valid {
        match fixture.verify(vector) {
            (name, Ok(claims)) => {
                let got = (claims.subject(), claims.role(&known));
                let want = (vector["sub"].as_str(), vector["role"].as_str());
                if got != want {
                    failures.push(format!("{name}: got {got:?}, want {want:?}"));
                }
            }
            (name, Err(e)) => failures.push(format!("{name}: refused with {}", e.code())),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn invalid_vectors_fail_with_their_expected_code() {
    let fixture = fixture();
    let invalid = fixture.vectors("invalid");
    assert!(
        invalid.len() >= 40,
        "only {} negative vectors",
        invalid.len()
    );
    let mut failures = Vec::new();
    for vector in invalid {
        let expected = vector["error"].as_str().expect("error");
        let token = vector["token"].as_str().expect("token");
        match fixture.verify(vector) {
            (name, Ok(_)) => failures.push(format!("{name}: ACCEPTED, want {expected}")),
            (name, Err(e)) => {
                if e.code() != expected {
                    failures.push(format!("{name}: got {}, want {expected}", e.code()));
                }
                // The error never carries token material.
                let shown = format!("{e} {e:?} {}", e.code());
                if token
                    .split('.')
                    .any(|part| part.len() >= 8 && shown.contains(part))
                {
                    failures.push(format!("{name}: error text echoes the token: {shown}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_issue_s_required_negative_families_are_present() {
    let fixture = fixture();
    let names: Vec<&str> = fixture
        .vectors("invalid")
        .iter()
        .map(|v| v["name"].as_str().expect("name"))
        .collect();
    for required in [
        "alg-none-unsigned",
        "alg-None-unsigned",
        "alg-NONE-unsigned",
        "alg-nOnE-unsigned",
        "rs-hs-confusion-pem-kid",
        "rs-hs-confusion-jwk-json-kid",
        "es256-token-rsa-kid",
        "kid-unknown",
        "kid-traversal",
        "kid-sql",
        "jku-attacker-kid-rsa-1",
        "x5u-attacker",
        "embedded-jwk-attacker-no-kid",
        "x5c-attacker",
        "crit-unknown-extension",
        "expired",
        "not-yet-valid",
        "iat-in-future",
        "wrong-iss",
        "wrong-aud",
        "missing-iss",
        "missing-aud",
        "missing-exp",
        "tampered-payload",
        "tampered-signature",
        "signature-stripped",
        "truncated-mid-payload",
        "extra-part",
        "oversized",
        "non-base64url-character",
        "payload-padding",
        "non-json-header",
        "header-array",
        "duplicate-claim",
        "empty-token",
    ] {
        assert!(names.contains(&required), "missing vector {required}");
    }
}

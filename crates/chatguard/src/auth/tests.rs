//! One test per verification rule, with tokens signed here by RustCrypto signing keys (the
//! independent-library vectors made by `jose` live in `tests/jwt/` and `tests/jwt_vectors.rs`).

use super::encoding::to_base64url as b64;
use super::*;
use crate::UnixTime;

use ed25519_dalek::Signer as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const NOW: UnixTime = UnixTime(1_700_000_000);
const SECRET: &[u8] = b"test-secret-0123456789-abcdefghij"; // synthetic, 33 bytes
const ISS: &str = "https://issuer.example";
const AUD: &str = "chatguard-edge";

enum Signer {
    Hs(&'static [u8]),
    Es(p256::ecdsa::SigningKey),
    Ed(ed25519_dalek::SigningKey),
}

fn es_key() -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).expect("a valid scalar")
}

fn ed_key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[9u8; 32])
}

fn sign(input: &str, signer: &Signer) -> Vec<u8> {
    match signer {
        Signer::Hs(secret) => {
            let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any length");
            mac.update(input.as_bytes());
            mac.finalize().into_bytes().to_vec()
        }
        Signer::Es(key) => {
            let sig: p256::ecdsa::Signature = key.sign(input.as_bytes());
            sig.to_bytes().to_vec()
        }
        Signer::Ed(key) => key.sign(input.as_bytes()).to_bytes().to_vec(),
    }
}

fn token(header: &str, payload: &str, signer: &Signer) -> String {
    let input = format!("{}.{}", b64(header.as_bytes()), b64(payload.as_bytes()));
    let sig = sign(&input, signer);
    format!("{input}.{}", b64(&sig))
}

fn claims() -> String {
    format!(
        r#"{{"iss":"{ISS}","aud":"{AUD}","sub":"user-1","exp":{},"iat":{}}}"#,
        NOW.0 + 600,
        NOW.0 - 10
    )
}

fn jwks() -> JwkSet {
    let point = es_key().verifying_key().to_encoded_point(false);
    let (x, y) = (point.x().expect("affine"), point.y().expect("affine"));
    let ed = ed_key().verifying_key().to_bytes();
    JwkSet::from_json(&format!(
        r#"{{"keys":[
            {{"kty":"EC","crv":"P-256","kid":"ec-1","alg":"ES256","use":"sig","x":"{}","y":"{}"}},
            {{"kty":"OKP","crv":"Ed25519","kid":"ed-1","x":"{}"}}
        ]}}"#,
        b64(x),
        b64(y),
        b64(&ed)
    ))
    .expect("jwks")
}

fn verifier() -> JwtVerifier {
    JwtVerifier::builder()
        .issuer(ISS)
        .audience(AUD)
        .hs256_secret(SECRET, None)
        .build()
        .expect("valid config")
}

fn verify(token: &str) -> Result<Claims, AuthError> {
    verifier().verify(token, &jwks(), NOW)
}

fn hs(payload: &str) -> String {
    token(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        payload,
        &Signer::Hs(SECRET),
    )
}

#[test]
fn accepts_each_algorithm_and_exposes_claims() {
    let cases = [
        hs(&claims()),
        token(
            r#"{"alg":"ES256","kid":"ec-1"}"#,
            &claims(),
            &Signer::Es(es_key()),
        ),
        token(
            r#"{"alg":"EdDSA","kid":"ed-1"}"#,
            &claims(),
            &Signer::Ed(ed_key()),
        ),
        token(
            r#"{"alg":"Ed25519","kid":"ed-1"}"#,
            &claims(),
            &Signer::Ed(ed_key()),
        ),
        // Without kid: the only key of that algorithm.
        token(r#"{"alg":"ES256"}"#, &claims(), &Signer::Es(es_key())),
    ];
    for t in cases {
        let claims = verify(&t).unwrap_or_else(|e| panic!("{e}: {t}"));
        assert_eq!(claims.subject(), Some("user-1"));
        assert_eq!(claims.issuer(), ISS);
        assert_eq!(claims.expires_at(), UnixTime(NOW.0 + 600));
        assert_eq!(format!("{claims:?}"), "Claims { claims: 5, .. }");
    }
}

#[test]
fn alg_none_in_any_casing_is_refused() {
    for alg in ["none", "None", "NONE", "nOnE"] {
        let header = format!(r#"{{"alg":"{alg}"}}"#);
        let unsigned = format!("{}.{}.", b64(header.as_bytes()), b64(claims().as_bytes()));
        assert_eq!(verify(&unsigned).unwrap_err(), AuthError::AlgNone);
        assert_eq!(
            verify(&format!("{unsigned}AAAA")).unwrap_err(),
            AuthError::AlgNone
        );
    }
}

#[test]
fn algorithm_is_pinned_by_the_key() {
    // HS256 signed with the public key bytes, naming the EC key: the key is not an HMAC key.
    let public = b64(es_key().verifying_key().to_encoded_point(false).as_bytes());
    let confused = token(
        r#"{"alg":"HS256","kid":"ec-1"}"#,
        &claims(),
        &Signer::Hs(Box::leak(public.into_bytes().into_boxed_slice())),
    );
    assert_eq!(verify(&confused).unwrap_err(), AuthError::AlgMismatch);
    // EdDSA token naming the EC key.
    let wrong = token(
        r#"{"alg":"EdDSA","kid":"ec-1"}"#,
        &claims(),
        &Signer::Ed(ed_key()),
    );
    assert_eq!(verify(&wrong).unwrap_err(), AuthError::AlgMismatch);
    // HS256 with no secret configured is not an algorithm at all.
    let no_secret = JwtVerifier::builder()
        .issuer(ISS)
        .audience(AUD)
        .build()
        .expect("config");
    assert_eq!(
        no_secret.verify(&hs(&claims()), &jwks(), NOW).unwrap_err(),
        AuthError::UnsupportedAlg
    );
    // Algorithms outside the allowlist.
    let es_only = JwtVerifier::builder()
        .issuer(ISS)
        .audience(AUD)
        .algorithms(&[Alg::Es256])
        .hs256_secret(SECRET, None)
        .build()
        .expect("config");
    assert_eq!(
        es_only.verify(&hs(&claims()), &jwks(), NOW).unwrap_err(),
        AuthError::UnsupportedAlg
    );
    for alg in ["RS512", "PS256", "HS512", "hs256", "ES256K"] {
        let t = token(
            &format!(r#"{{"alg":"{alg}"}}"#),
            &claims(),
            &Signer::Hs(SECRET),
        );
        assert_eq!(verify(&t).unwrap_err(), AuthError::UnsupportedAlg, "{alg}");
    }
}

#[test]
fn kid_is_opaque_and_matched_exactly() {
    for kid in [
        "../../etc/passwd",
        "ec-1' OR '1'='1",
        "EC-1",
        "ec-1 ",
        "",
        "ec-1\u{0}",
        &"k".repeat(300),
    ] {
        let header = serde_json::json!({"alg": "ES256", "kid": kid}).to_string();
        let t = token(&header, &claims(), &Signer::Es(es_key()));
        assert_eq!(verify(&t).unwrap_err(), AuthError::UnknownKey, "{kid:?}");
    }
    let t = token(
        r#"{"alg":"ES256","kid":7}"#,
        &claims(),
        &Signer::Es(es_key()),
    );
    assert_eq!(verify(&t).unwrap_err(), AuthError::InvalidHeader);
    // Two Ed25519 keys and no kid: ambiguous, refused.
    let second = ed25519_dalek::SigningKey::from_bytes(&[3u8; 32]);
    let keys = JwkSet::from_json(&format!(
        r#"{{"keys":[{{"kty":"OKP","crv":"Ed25519","x":"{}"}},{{"kty":"OKP","crv":"Ed25519","x":"{}"}}]}}"#,
        b64(&ed_key().verifying_key().to_bytes()),
        b64(&second.verifying_key().to_bytes())
    ))
    .expect("jwks");
    let t = token(r#"{"alg":"EdDSA"}"#, &claims(), &Signer::Ed(ed_key()));
    assert_eq!(
        verifier().verify(&t, &keys, NOW).unwrap_err(),
        AuthError::KidRequired
    );
    // A secret with its own kid.
    let with_kid = JwtVerifier::builder()
        .issuer(ISS)
        .audience(AUD)
        .hs256_secret(SECRET, Some("hs-1"))
        .build()
        .expect("config");
    let t = token(
        r#"{"alg":"HS256","kid":"hs-1"}"#,
        &claims(),
        &Signer::Hs(SECRET),
    );
    assert!(with_kid.verify(&t, &jwks(), NOW).is_ok());
    let t = token(
        r#"{"alg":"HS256","kid":"hs-2"}"#,
        &claims(),
        &Signer::Hs(SECRET),
    );
    assert_eq!(
        with_kid.verify(&t, &jwks(), NOW).unwrap_err(),
        AuthError::UnknownKey
    );
}

#[test]
fn key_urls_and_embedded_keys_in_the_header_are_ignored() {
    let attacker = ed25519_dalek::SigningKey::from_bytes(&[66u8; 32]);
    let attacker_x = b64(&attacker.verifying_key().to_bytes());
    for extra in [
        r#""jku":"https://attacker.example/jwks.json""#.to_owned(),
        r#""x5u":"https://attacker.example/cert.pem""#.to_owned(),
        format!(r#""jwk":{{"kty":"OKP","crv":"Ed25519","x":"{attacker_x}"}}"#),
        r#""x5c":["MIIBszCCAVmgAwIBAgIUQ0000"]"#.to_owned(),
    ] {
        let header = format!(r#"{{"alg":"EdDSA","kid":"ed-1",{extra}}}"#);
        let t = token(&header, &claims(), &Signer::Ed(attacker.clone()));
        assert_eq!(verify(&t).unwrap_err(), AuthError::BadSignature, "{extra}");
    }
}

#[test]
fn crit_is_refused() {
    for crit in [r#"["exp"]"#, "[]", r#""b64""#] {
        let header = format!(r#"{{"alg":"HS256","crit":{crit},"exp":1}}"#);
        let t = token(&header, &claims(), &Signer::Hs(SECRET));
        assert_eq!(
            verify(&t).unwrap_err(),
            AuthError::CritUnsupported,
            "{crit}"
        );
    }
}

#[test]
fn time_claims_use_the_injected_clock_and_skew() {
    let at = |exp: u64, nbf: Option<u64>, iat: Option<u64>| {
        let mut c = serde_json::json!({"iss": ISS, "aud": AUD, "exp": exp});
        if let Some(nbf) = nbf {
            c["nbf"] = nbf.into();
        }
        if let Some(iat) = iat {
            c["iat"] = iat.into();
        }
        verify(&hs(&c.to_string())).map(|_| ())
    };
    let now = NOW.0;
    let skew = DEFAULT_SKEW_SECONDS;
    assert_eq!(at(now - skew, None, None), Err(AuthError::Expired));
    assert_eq!(at(now - skew + 1, None, None), Ok(()));
    assert_eq!(at(now + 60, Some(now + skew), None), Ok(()));
    assert_eq!(
        at(now + 600, Some(now + skew + 1), None),
        Err(AuthError::NotYetValid)
    );
    assert_eq!(at(now + 600, None, Some(now + skew)), Ok(()));
    assert_eq!(
        at(now + 600, None, Some(now + skew + 1)),
        Err(AuthError::IssuedInFuture)
    );
    assert_eq!(at(u64::MAX, None, None), Ok(()));
    // Fractions are allowed and dropped; negative and non-numbers are not dates.
    let claims = format!(r#"{{"iss":"{ISS}","aud":"{AUD}","exp":{}.75}}"#, now + 5);
    assert!(verify(&hs(&claims)).is_ok());
    for exp in ["-1", "\"1700000600\"", "null", "1e400", "[1]"] {
        let claims = format!(r#"{{"iss":"{ISS}","aud":"{AUD}","exp":{exp}}}"#);
        let err = verify(&hs(&claims)).unwrap_err();
        assert!(
            err == AuthError::InvalidClaim { claim: "exp" }
                || err == AuthError::InvalidClaim { claim: "payload" },
            "{exp}: {err:?}"
        );
    }
    // A zero-skew verifier is exact.
    let strict = JwtVerifier::builder()
        .issuer(ISS)
        .audience(AUD)
        .skew_seconds(0)
        .hs256_secret(SECRET, None)
        .build()
        .expect("config");
    let c = serde_json::json!({"iss": ISS, "aud": AUD, "exp": now}).to_string();
    assert_eq!(
        strict.verify(&hs(&c), &jwks(), NOW).unwrap_err(),
        AuthError::Expired
    );
}

#[test]
fn issuer_and_audience_are_required_and_matched() {
    let exp = NOW.0 + 600;
    let cases: [(String, Result<(), AuthError>); 11] = [
        (
            format!(r#"{{"aud":"{AUD}","exp":{exp}}}"#),
            Err(AuthError::MissingClaim { claim: "iss" }),
        ),
        (
            format!(r#"{{"iss":"{ISS}","exp":{exp}}}"#),
            Err(AuthError::MissingClaim { claim: "aud" }),
        ),
        (
            format!(r#"{{"iss":"{ISS}","aud":"{AUD}"}}"#),
            Err(AuthError::MissingClaim { claim: "exp" }),
        ),
        (
            format!(r#"{{"iss":"https://evil.example","aud":"{AUD}","exp":{exp}}}"#),
            Err(AuthError::WrongIssuer),
        ),
        (
            format!(r#"{{"iss":"{ISS}/","aud":"{AUD}","exp":{exp}}}"#),
            Err(AuthError::WrongIssuer),
        ),
        (
            format!(r#"{{"iss":"{ISS}","aud":"other","exp":{exp}}}"#),
            Err(AuthError::WrongAudience),
        ),
        (
            format!(r#"{{"iss":"{ISS}","aud":["a","{AUD}"],"exp":{exp}}}"#),
            Ok(()),
        ),
        (
            format!(r#"{{"iss":"{ISS}","aud":["a","b"],"exp":{exp}}}"#),
            Err(AuthError::WrongAudience),
        ),
        (
            format!(r#"{{"iss":"{ISS}","aud":[],"exp":{exp}}}"#),
            Err(AuthError::InvalidClaim { claim: "aud" }),
        ),
        (
            format!(r#"{{"iss":"{ISS}","aud":["{AUD}",1],"exp":{exp}}}"#),
            Err(AuthError::InvalidClaim { claim: "aud" }),
        ),
        (
            format!(r#"{{"iss":1,"aud":"{AUD}","exp":{exp}}}"#),
            Err(AuthError::InvalidClaim { claim: "iss" }),
        ),
    ];
    for (claims, expected) in cases {
        assert_eq!(verify(&hs(&claims)).map(|_| ()), expected, "{claims}");
    }
}

#[test]
fn claim_types_and_duplicates_are_checked() {
    let exp = NOW.0 + 600;
    let base = format!(r#""iss":"{ISS}","aud":"{AUD}","exp":{exp}"#);
    let cases = [
        (
            format!(r#"{{{base},"sub":5}}"#),
            AuthError::InvalidClaim { claim: "sub" },
        ),
        (
            format!(r#"{{{base},"role":["admin"]}}"#),
            AuthError::InvalidClaim { claim: "role" },
        ),
        (
            format!(r#"{{{base},"roles":"admin"}}"#),
            AuthError::InvalidClaim { claim: "roles" },
        ),
        (
            format!(r#"{{{base},"nbf":"0"}}"#),
            AuthError::InvalidClaim { claim: "nbf" },
        ),
        (
            format!(r#"{{{base},"iss":"{ISS}"}}"#),
            AuthError::InvalidClaim { claim: "payload" },
        ),
        (
            format!(r#"{{{base},"role":"user","role":"admin"}}"#),
            AuthError::InvalidClaim { claim: "payload" },
        ),
        (
            "[1,2]".to_owned(),
            AuthError::InvalidClaim { claim: "payload" },
        ),
        (
            "not json".to_owned(),
            AuthError::InvalidClaim { claim: "payload" },
        ),
    ];
    for (claims, expected) in cases {
        assert_eq!(verify(&hs(&claims)).map(|_| ()), Err(expected), "{claims}");
    }
}

#[test]
fn roles_come_from_role_or_the_first_known_entry_of_roles() {
    let exp = NOW.0 + 600;
    let known = ["support", "admin"];
    let cases = [
        (r#""role":"admin""#, Some("admin")),
        (r#""role":"root""#, None),
        (
            r#""role":"root","roles":["x","support","admin"]"#,
            Some("support"),
        ),
        (r#""roles":["admin","support"]"#, Some("admin")),
        (r#""roles":[]"#, None),
        (r#""sub":"u""#, None),
    ];
    for (extra, role) in cases {
        let claims = format!(r#"{{"iss":"{ISS}","aud":"{AUD}","exp":{exp},{extra}}}"#);
        let verified = verify(&hs(&claims)).expect(extra);
        assert_eq!(verified.role(&known), role, "{extra}");
        assert_eq!(verified.raw().get("exp"), Some(&exp.into()));
    }
}

#[test]
fn structure_encoding_and_size_are_checked_before_anything_else() {
    let good = hs(&claims());
    let (head, sig) = good.rsplit_once('.').expect("three parts");
    let (header, payload) = head.split_once('.').expect("three parts");
    let cases: Vec<(String, AuthError)> = vec![
        (String::new(), AuthError::Missing),
        ("a".repeat(DEFAULT_MAX_TOKEN_LEN + 1), AuthError::TooLarge),
        (format!("{head}."), AuthError::BadSignature),
        (format!(".{payload}.{sig}"), AuthError::Malformed),
        (head.to_owned(), AuthError::Malformed),
        (format!("{good}.x"), AuthError::Malformed),
        (format!("{header}..{sig}"), AuthError::Malformed),
        (format!("{header}.{payload}.{sig}="), AuthError::Encoding),
        (format!("{header}=.{payload}.{sig}"), AuthError::Encoding),
        (format!("{header}.{payload}+.{sig}"), AuthError::Encoding),
        (
            format!(
                "{header}.{payload}.{}",
                sig.replace('-', "+").replace('_', "/") + "/"
            ),
            AuthError::Encoding,
        ),
        (format!("{header} .{payload}.{sig}"), AuthError::Encoding),
        (
            format!("{}.{payload}.{sig}", b64(b"not json")),
            AuthError::InvalidHeader,
        ),
        (
            format!("{}.{payload}.{sig}", b64(br#"["HS256"]"#)),
            AuthError::InvalidHeader,
        ),
        (
            format!(
                "{}.{payload}.{sig}",
                b64(br#"{"alg":"HS256","alg":"HS256"}"#)
            ),
            AuthError::InvalidHeader,
        ),
        (
            format!("{}.{payload}.{sig}", b64(br#"{"typ":"JWT"}"#)),
            AuthError::InvalidHeader,
        ),
        (
            format!("{}.{payload}.{sig}", b64(br#"{"alg":256}"#)),
            AuthError::InvalidHeader,
        ),
        (
            format!("{head}.{}", &sig[..sig.len() - 2]),
            AuthError::Encoding,
        ),
        (
            format!(
                "{head}.{}",
                b64(&super::encoding::base64url(sig).expect("b64")[..31])
            ),
            AuthError::BadSignature,
        ),
        (
            format!(
                "{header}.{}.{sig}",
                b64(claims().replace("user-1", "admin").as_bytes())
            ),
            AuthError::BadSignature,
        ),
    ];
    for (t, expected) in cases {
        assert_eq!(verify(&t).map(|_| ()), Err(expected), "{t}");
    }
}

#[test]
fn builder_refuses_weak_settings() {
    let field = |b: &mut JwtVerifierBuilder| b.build().map(|_| ()).unwrap_err().field().to_owned();
    assert_eq!(field(JwtVerifier::builder().audience(AUD)), "JWT_ISSUER");
    assert_eq!(field(JwtVerifier::builder().issuer(ISS)), "JWT_AUDIENCE");
    assert_eq!(
        field(
            JwtVerifier::builder()
                .issuer(ISS)
                .audience(AUD)
                .hs256_secret(b"short", None)
        ),
        "JWT_SECRET"
    );
    assert_eq!(
        field(
            JwtVerifier::builder()
                .issuer(ISS)
                .audience(AUD)
                .skew_seconds(301)
        ),
        "skew"
    );
    assert_eq!(
        field(
            JwtVerifier::builder()
                .issuer(ISS)
                .audience(AUD)
                .algorithms(&[])
        ),
        "algorithms"
    );
    assert_eq!(
        field(
            JwtVerifier::builder()
                .issuer(ISS)
                .audience(AUD)
                .max_token_len(10)
        ),
        "max_token_len"
    );
    assert_eq!(
        field(JwtVerifier::builder().cloudflare_access("https://team.example/x", "aud")),
        "team_domain"
    );
    let shown = format!("{:?}", JwtVerifier::builder().hs256_secret(SECRET, None));
    assert!(!shown.contains("test-secret"), "{shown}");
    let shown = format!("{:?}", verifier());
    assert!(!shown.contains("test-secret"), "{shown}");
}

#[test]
fn cloudflare_access_mode_is_rs256_only_with_team_issuer_and_aud_tag() {
    let access = JwtVerifier::builder()
        .cloudflare_access("example.cloudflareaccess.com", "aud-tag-0123")
        .build()
        .expect("config");
    assert_eq!(access.issuer(), "https://example.cloudflareaccess.com");
    assert_eq!(
        cloudflare_access_certs_url("example.cloudflareaccess.com"),
        "https://example.cloudflareaccess.com/cdn-cgi/access/certs"
    );
    // ES256 and HS256 tokens are refused outright in Access mode.
    let es = token(
        r#"{"alg":"ES256","kid":"ec-1"}"#,
        &claims(),
        &Signer::Es(es_key()),
    );
    assert_eq!(
        access.verify(&es, &jwks(), NOW).unwrap_err(),
        AuthError::UnsupportedAlg
    );
}

#[test]
fn error_codes_are_stable_and_distinct() {
    let all = [
        AuthError::Missing,
        AuthError::TooLarge,
        AuthError::Malformed,
        AuthError::Encoding,
        AuthError::InvalidHeader,
        AuthError::AlgNone,
        AuthError::UnsupportedAlg,
        AuthError::AlgMismatch,
        AuthError::CritUnsupported,
        AuthError::UnknownKey,
        AuthError::KidRequired,
        AuthError::BadSignature,
        AuthError::InvalidClaim { claim: "exp" },
        AuthError::MissingClaim { claim: "exp" },
        AuthError::Expired,
        AuthError::NotYetValid,
        AuthError::IssuedInFuture,
        AuthError::WrongIssuer,
        AuthError::WrongAudience,
        AuthError::KeysUnavailable,
    ];
    let mut codes: Vec<&str> = all.iter().map(AuthError::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len());
    assert!(all
        .iter()
        .filter(|e| e.is_unavailable())
        .eq([&AuthError::KeysUnavailable]));
}

#[test]
fn verifier_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<JwtVerifier>();
    assert_send_sync::<JwksCache>();
    assert_send_sync::<ApiKeys>();
    assert_send_sync::<Claims>();
}

#[test]
fn bearer_token_takes_only_the_bearer_scheme() {
    assert_eq!(bearer_token("Bearer abc.def.ghi"), Some("abc.def.ghi"));
    assert_eq!(bearer_token("bearer  abc"), Some("abc"));
    assert_eq!(bearer_token(" BEARER abc "), Some("abc"));
    for bad in [
        "",
        "Bearer",
        "Bearer ",
        "Basic abc",
        "Bearerabc",
        "Bearer a b",
        "Bearer a\tb",
        "abc",
    ] {
        assert_eq!(bearer_token(bad), None, "{bad:?}");
    }
}

#[test]
fn open_and_accept_split_verify_at_the_signature() {
    let v = verifier();
    let keys = jwks();
    let es = token(
        r#"{"alg":"ES256","kid":"ec-1"}"#,
        &claims(),
        &Signer::Es(es_key()),
    );
    let signed = v.open(&es, &keys).expect("opens");
    assert_eq!(signed.alg(), Alg::Es256);
    let Some(PublicJwk::P256 { x, .. }) = signed.public_jwk() else {
        panic!("the JWKS key's public members");
    };
    assert!(es.len() > x.len());
    assert_eq!(signed.signature().len(), 64);
    assert!(es.starts_with(core::str::from_utf8(signed.signing_input()).expect("ascii")));
    assert!(signed.verify_signature());
    assert!(format!("{signed:?}").contains("Es256"));
    let accepted = v
        .accept(signed.into_payload(), true, NOW)
        .expect("accepted");
    assert_eq!(accepted.subject(), Some("user-1"));
    // A failed outside check is a bad signature, whatever the token says.
    let signed = v.open(&es, &keys).expect("opens");
    assert_eq!(
        v.accept(signed.into_payload(), false, NOW).unwrap_err(),
        AuthError::BadSignature
    );
    // Claims are still checked after an outside check.
    let late = UnixTime(NOW.0 + 3_600);
    let signed = v.open(&es, &keys).expect("opens");
    assert_eq!(
        v.accept(signed.into_payload(), true, late).unwrap_err(),
        AuthError::Expired
    );
    // The secret has no public members; refusals before the signature come from `open`.
    let hs_token = hs(&claims());
    let signed = v.open(&hs_token, &keys).expect("opens");
    assert_eq!((signed.alg(), signed.public_jwk()), (Alg::Hs256, None));
    let none = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
    assert_eq!(v.open(none, &keys).unwrap_err(), AuthError::AlgNone);
    let unknown = token(
        r#"{"alg":"ES256","kid":"ec-2"}"#,
        &claims(),
        &Signer::Es(es_key()),
    );
    assert_eq!(v.open(&unknown, &keys).unwrap_err(), AuthError::UnknownKey);
}

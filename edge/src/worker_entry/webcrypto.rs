//! Signature checks with the runtime's WebCrypto (`crypto.subtle`, native code in workerd) for
//! the algorithms in [`WEBCRYPTO_ALGS`]: an `RS256` check in the core's pure-Rust `rsa` compiled
//! to wasm costs most of a millisecond, WebCrypto's a few microseconds.
//!
//! The core still decides everything else — which key, which algorithm, every header and claim
//! rule ([`chatguard::auth::JwtVerifier::open`] and [`accept`](chatguard::auth::JwtVerifier::accept));
//! this module only answers "is this signature valid for this key". Each JWKS key is imported
//! once (`importKey("jwk", ...)`, not extractable, usage `verify` only, the algorithm pinned in
//! the import) and the `CryptoKey` kept per isolate, found again by the key's public members,
//! so a rotated key can never be mistaken for another. Fails closed: any WebCrypto error (a key
//! it cannot import, a rejected promise, an answer that is not `true`) is an invalid signature.
//!
//! [`WEBCRYPTO_ALGS`]: crate::authn::WEBCRYPTO_ALGS

use core::cell::RefCell;

use chatguard::auth::{Alg, PublicJwk, MAX_JWKS_KEYS};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use worker::console_error;
use worker::js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use worker::wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = importKey, catch)]
    fn import_key(
        format: &str,
        key_data: &Object,
        algorithm: &Object,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = verify, catch)]
    fn subtle_verify(
        algorithm: &Object,
        key: &JsValue,
        signature: &Uint8Array,
        data: &Uint8Array,
    ) -> Result<Promise, JsValue>;
}

/// The most imported keys kept (the bearer JWKS and the Access certs, each at most
/// [`MAX_JWKS_KEYS`]); the oldest goes first.
const MAX_CACHED_KEYS: usize = 2 * MAX_JWKS_KEYS;

thread_local! {
    /// The imported keys of this isolate, by their public members.
    static CRYPTO_KEYS: RefCell<Vec<(PublicJwk, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// True only when WebCrypto says `signature` over `signing_input` is valid for `public` under
/// `alg`; every error is a refusal (logged without key or token material).
pub(super) async fn verify(
    alg: Alg,
    public: &PublicJwk,
    signature: &[u8],
    signing_input: &[u8],
) -> bool {
    match try_verify(alg, public, signature, signing_input).await {
        Ok(valid) => valid,
        Err(_) => {
            console_error!("chatguard-edge: WebCrypto could not check an {alg} signature");
            false
        }
    }
}

async fn try_verify(
    alg: Alg,
    public: &PublicJwk,
    signature: &[u8],
    signing_input: &[u8],
) -> Result<bool, JsValue> {
    if public.alg() != alg {
        return Ok(false);
    }
    let key = crypto_key(public).await?;
    let params = match alg {
        Alg::Rs256 => object(&[("name", "RSASSA-PKCS1-v1_5")])?,
        Alg::Es256 => object(&[("name", "ECDSA"), ("hash", "SHA-256")])?,
        _ => return Err(JsValue::from_str("not a WebCrypto algorithm here")),
    };
    // Copies, not views into wasm memory: nothing the runtime holds can move under it.
    let outcome = JsFuture::from(subtle_verify(
        &params,
        &key,
        &Uint8Array::from(signature),
        &Uint8Array::from(signing_input),
    )?)
    .await?;
    Ok(outcome.as_bool() == Some(true))
}

/// The imported `CryptoKey` of `public`, importing it the first time.
async fn crypto_key(public: &PublicJwk) -> Result<JsValue, JsValue> {
    let cached = CRYPTO_KEYS.with(|keys| {
        keys.borrow()
            .iter()
            .find(|(known, _)| known == public)
            .map(|(_, key)| key.clone())
    });
    if let Some(key) = cached {
        return Ok(key);
    }
    let (jwk, algorithm) = match public {
        PublicJwk::Rsa { n, e } => (
            object(&[("kty", "RSA"), ("alg", "RS256"), ("n", n), ("e", e)])?,
            object(&[("name", "RSASSA-PKCS1-v1_5"), ("hash", "SHA-256")])?,
        ),
        PublicJwk::P256 { x, y } => (
            object(&[("kty", "EC"), ("crv", "P-256"), ("x", x), ("y", y)])?,
            object(&[("name", "ECDSA"), ("namedCurve", "P-256")])?,
        ),
        PublicJwk::Ed25519 { .. } => return Err(JsValue::from_str("Ed25519 stays in Rust")),
    };
    let usages = Array::of1(&JsValue::from_str("verify"));
    let key = JsFuture::from(import_key("jwk", &jwk, &algorithm, false, &usages)?).await?;
    CRYPTO_KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if keys.len() >= MAX_CACHED_KEYS {
            keys.remove(0);
        }
        keys.push((public.clone(), key.clone()));
    });
    Ok(key)
}

/// A plain object with string members.
fn object(members: &[(&str, &str)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (name, value) in members {
        Reflect::set(&object, &JsValue::from_str(name), &JsValue::from_str(value))?;
    }
    Ok(object)
}

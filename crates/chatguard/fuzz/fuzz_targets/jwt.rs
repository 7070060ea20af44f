//! Any bytes, read as lossy UTF-8, as a JWT, a JWKS document (with `Cache-Control`) and an
//! `API_KEYS` secret: nothing panics, verification is deterministic and accepts only tokens
//! for the configured issuer that have not expired.
//! The checks live in `tests/fuzz/auth_checks.rs`, shared with the stable replay test.

#![no_main]

#[path = "../../tests/fuzz/auth_checks.rs"]
mod auth_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| auth_checks::jwt(data));

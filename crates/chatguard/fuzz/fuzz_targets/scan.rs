//! Any bytes, read as lossy UTF-8, through `Guard::scan` and `Guard::check` with the default
//! policy: spans sound, redacted output rescans clean.
//! The checks live in `tests/fuzz/checks.rs`, shared with the stable replay test.

#![no_main]

#[allow(dead_code)] // each target calls one of the shared checks
#[path = "../../tests/fuzz/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::scan(data));

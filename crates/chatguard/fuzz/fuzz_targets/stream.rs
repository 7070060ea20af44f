//! Any text pushed in any chunks through `StreamRedactor` must give exactly what one-shot
//! `Guard::check` gives (the key differential property).
//! The checks live in `tests/fuzz/checks.rs`, shared with the stable replay test.

#![no_main]

#[allow(dead_code)] // each target calls one of the shared checks
#[path = "../../tests/fuzz/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::stream(data));

//! Any bytes as a policy document: parsing, building and checking a sample text never panic,
//! and spans stay sound under any policy that parses.
//! The checks live in `tests/fuzz/checks.rs`, shared with the stable replay test.

#![no_main]

#[allow(dead_code)] // each target calls one of the shared checks
#[path = "../../tests/fuzz/checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::policy(data));

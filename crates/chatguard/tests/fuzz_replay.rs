//! Replays every input under `tests/fuzz/testdata/<target>/` — crashes the fuzzers found (named
//! `crash-*`, as libFuzzer names them, once fixed) and a small synthetic seed corpus
//! (`seed-*`) — through the very checks the fuzz targets run (`tests/fuzz/checks.rs`), on stable
//! and without cargo-fuzz. How to run the fuzzers: `crates/chatguard/fuzz/README.md`.

#[path = "fuzz/checks.rs"]
mod checks;

#[cfg(feature = "auth")]
#[path = "fuzz/auth_checks.rs"]
mod auth_checks;

use core::panic::AssertUnwindSafe;
use std::fs;
use std::panic;
use std::path::PathBuf;

/// Runs `check` on every file of `testdata/<target>`, reporting all failing files at once.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/testdata")
        .join(target);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    let mut failed = Vec::new();
    for path in &paths {
        let data = fs::read(path).expect("readable input");
        if panic::catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: failing inputs: {failed:#?}");
}

#[test]
fn scan_inputs() {
    replay("scan", checks::scan);
}

#[test]
fn stream_inputs() {
    replay("stream", checks::stream);
}

#[test]
fn policy_inputs() {
    replay("policy", checks::policy);
}

#[cfg(feature = "auth")]
#[test]
fn jwt_inputs() {
    replay("jwt", auth_checks::jwt);
}

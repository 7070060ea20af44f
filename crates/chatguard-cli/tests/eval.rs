//! The quality gate: the detectors over the labelled synthetic corpus in `tests/eval/` must meet
//! the thresholds of `chatguard_cli::eval` (checksum-validated kinds precision >= 0.99 and
//! recall >= 0.98; email, phone, ip_address F1 >= 0.97; at most one false positive per 10,000
//! benign tokens). Deterministic: the corpus is committed and the engine has no randomness.

use std::path::Path;

use chatguard_cli::eval;

#[test]
fn corpus_meets_quality_thresholds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval");
    let mut out = Vec::new();
    let report = eval::run(&dir, &mut out).expect("the eval corpus loads");
    let printed = String::from_utf8_lossy(&out);
    println!("{printed}");
    let failures = report.failures();
    assert!(
        failures.is_empty(),
        "{printed}\n{} threshold(s) missed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs in every build: the corpus is well-formed and large enough to mean something.
#[test]
fn corpus_loads_and_is_large_enough() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval");
    let report = eval::run(&dir, &mut Vec::new()).expect("the eval corpus loads");
    assert!(
        report.negative_messages >= 3_000,
        "{}",
        report.negative_messages
    );
    assert!(
        report.negative_tokens >= 30_000,
        "{}",
        report.negative_tokens
    );
    let labelled = report.kinds.values().filter(|s| s.labels > 0).count();
    assert!(labelled >= 60, "only {labelled} kinds labelled");
}

//! The prompt-injection quality gate: on the dev set `tests/injection/dev.jsonl` (held out from
//! training by `tests/injection/train.py`), the scorer must reach a true-positive rate of at least
//! 85 % at a false-positive rate of at most 1 %, and the default policy must refuse at least 80 %
//! of the attacks and at most 0.1 % of the benign texts. Deterministic: the set and the model are
//! committed.

use std::path::Path;

use chatguard_cli::inject_eval;

#[test]
fn dev_set_meets_the_injection_thresholds() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/injection/dev.jsonl");
    let mut out = Vec::new();
    let report = inject_eval::run(&file, &mut out).expect("the dev set loads");
    let printed = String::from_utf8_lossy(&out);
    println!("{printed}");
    let failures = report.failures();
    assert!(failures.is_empty(), "{printed}\n{}", failures.join("\n"));
    assert!(report.tpr_at_1pct >= inject_eval::MIN_TPR_AT_1PCT_FPR);
    // Every family and all seven languages are in the set.
    for family in [
        "override",
        "system_prompt",
        "persona",
        "refusal_suppression",
        "exfiltration",
        "delimiter",
        "payload_splitting",
        "smuggling",
    ] {
        assert!(report.families.contains_key(family), "no {family} attacks");
    }
    for lang in ["en", "de", "fr", "es", "it", "pt", "nl"] {
        assert!(report.languages.contains_key(lang), "no {lang} attacks");
    }
}

//! The table-driven regression corpus: every `[[case]]` of `tests/corpus/*.toml` runs through a
//! [`Guard`] built from the named policy in `tests/policies/`, and must produce exactly the listed
//! kinds and byte spans and, when given, exactly the redacted text.
//!
//! Cases for detectors that are not in this build yet are listed in [`SKIP`] with the reason. A
//! skipped case that starts passing fails the run, so the list cannot go stale.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use chatguard::{Category, CategorySet, Context, Guard, Policy};
use serde::Deserialize;

/// Cases not run yet, with the reason.
#[rustfmt::skip]
const SKIP: &[(&str, &str)] = &[
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default = "default_policy")]
    policy: String,
    expect: Vec<Expect>,
    #[serde(default)]
    redacted: Option<String>,
    #[serde(default)]
    granted: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    kind: String,
    span: [usize; 2],
}

fn default_policy() -> String {
    "default".to_owned()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load_cases() -> Vec<(String, Case)> {
    let dir = root().join("tests/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no corpus files in {}", dir.display());
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable corpus file");
        let file: File = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid corpus file: {e}", path.display()));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.extend(file.case.into_iter().map(|c| (name.clone(), c)));
    }
    out
}

/// Runs one case; `Err` describes every way it differs from the expectation.
fn run_case(guard: &Guard, case: &Case) -> Result<(), String> {
    let mut problems = Vec::new();
    let found: Vec<(String, [usize; 2])> = guard
        .scan(&case.text)
        .iter()
        .map(|f| {
            (
                guard.kind_name(f.kind).to_owned(),
                [f.span.start, f.span.end],
            )
        })
        .collect();
    let expected: Vec<(String, [usize; 2])> = case
        .expect
        .iter()
        .map(|e| (e.kind.clone(), e.span))
        .collect();
    if found != expected {
        problems.push(format!("findings {found:?}, expected {expected:?}"));
    }
    if let Some(want) = &case.redacted {
        let mut granted = CategorySet::EMPTY;
        for g in &case.granted {
            match Category::from_name(g) {
                Some(c) => granted.insert(c),
                None => problems.push(format!("unknown category `{g}` in granted")),
            }
        }
        let cx = Context {
            granted,
            ..Context::default()
        };
        let got = guard.check(&case.text, &cx).text;
        if &got != want {
            problems.push(format!("redacted {got:?}, expected {want:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn corpus() {
    let cases = load_cases();
    let skip: BTreeMap<&str, &str> = SKIP.iter().copied().collect();
    assert_eq!(skip.len(), SKIP.len(), "duplicate names in SKIP");
    let mut guards: BTreeMap<String, Guard> = BTreeMap::new();
    let mut names = HashSet::new();
    let mut failures = Vec::new();
    let (mut passed, mut skipped) = (0, 0);
    for (file, case) in &cases {
        if !names.insert(case.name.as_str()) {
            failures.push(format!("{file}: duplicate case name `{}`", case.name));
            continue;
        }
        if !guards.contains_key(&case.policy) {
            let path = root().join(format!("tests/policies/{}.json", case.policy));
            let json = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let policy = Policy::from_json(&json)
                .unwrap_or_else(|e| panic!("{}: invalid policy: {e}", path.display()));
            let guard = Guard::new(policy).expect("corpus policies build");
            guards.insert(case.policy.clone(), guard);
        }
        let Some(guard) = guards.get(&case.policy) else {
            continue;
        };
        let result = run_case(guard, case);
        match (skip.get(case.name.as_str()), result) {
            (None, Ok(())) => passed += 1,
            (None, Err(why)) => failures.push(format!("{file} {}: {why}", case.name)),
            (Some(_), Err(_)) => skipped += 1,
            (Some(reason), Ok(())) => failures.push(format!(
                "{file} {}: passes but is skip-listed (\"{reason}\"): remove it from SKIP",
                case.name
            )),
        }
    }
    for name in skip.keys() {
        if !names.contains(name) {
            failures.push(format!("SKIP names `{name}`, which is no corpus case"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus case(s) failed ({passed} passed, {skipped} skipped):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(passed > 0);
}

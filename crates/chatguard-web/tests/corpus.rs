//! The shared regression corpus (`tests/corpus/*.toml`) through the JavaScript-facing API, in
//! headless Chromium: every case's findings must come out of `WebGuard::scan` with the expected
//! kinds and with spans that are the expected UTF-8 spans converted to UTF-16 here, independently
//! of the crate's own conversion; `redact` must give the expected text where no consent is granted.

#![cfg(target_arch = "wasm32")]

use chatguard_web::WebGuard;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const FILES: &[(&str, &str)] = &[
    (
        "checksum",
        include_str!("../../../tests/corpus/checksum.toml"),
    ),
    (
        "normalize",
        include_str!("../../../tests/corpus/normalize.toml"),
    ),
    ("pii", include_str!("../../../tests/corpus/pii.toml")),
    ("redact", include_str!("../../../tests/corpus/redact.toml")),
];

const DEFAULT_POLICY: &str = include_str!("../../../tests/policies/default.json");

fn utf16_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.encode_utf16().count())
}

#[wasm_bindgen_test]
fn corpus_cases_hold_through_the_js_api() {
    let guard = WebGuard::new(Some(DEFAULT_POLICY.to_owned())).expect("default policy");
    let mut ran = 0;
    for (file, source) in FILES {
        let doc: toml::Value = toml::from_str(source).expect("corpus parses");
        for case in doc["case"].as_array().expect("cases") {
            let name = case["name"].as_str().expect("name");
            let policy = case
                .get("policy")
                .and_then(|p| p.as_str())
                .unwrap_or("default");
            assert_eq!(
                policy, "default",
                "{file}/{name}: only the default policy is bundled here"
            );
            let text = case["text"].as_str().expect("text");
            let expected: Vec<(String, usize, usize)> = case["expect"]
                .as_array()
                .expect("expect")
                .iter()
                .map(|e| {
                    let span = e["span"].as_array().expect("span");
                    let at = |i: usize| span[i].as_integer().expect("offset") as usize;
                    (
                        e["kind"].as_str().expect("kind").to_owned(),
                        utf16_offset(text, at(0)),
                        utf16_offset(text, at(1)),
                    )
                })
                .collect();
            let found: serde_json::Value =
                serde_json::from_str(&guard.scan(text)).expect("scan JSON");
            let found: Vec<(String, usize, usize)> = found
                .as_array()
                .expect("array")
                .iter()
                .map(|f| {
                    (
                        f["kind"].as_str().unwrap_or_default().to_owned(),
                        f["start"].as_u64().unwrap_or_default() as usize,
                        f["end"].as_u64().unwrap_or_default() as usize,
                    )
                })
                .collect();
            assert_eq!(found, expected, "{file}/{name}");
            let granted = case.get("granted").and_then(|g| g.as_array());
            if let (Some(redacted), None | Some([])) = (
                case.get("redacted").and_then(|r| r.as_str()),
                granted.map(Vec::as_slice),
            ) {
                assert_eq!(guard.redact(text), redacted, "{file}/{name}");
            }
            ran += 1;
        }
    }
    assert!(ran > 0, "the corpus has cases");
}

//! The core alone in the browser: the smallest wasm-bindgen module that compiles a policy and
//! runs the default detectors, so `cargo xtask bench` can print the core's own size (budget
//! ≤ 250 KB gzipped after wasm-bindgen and wasm-opt) next to the whole widget's download.
//!
//! It exposes what every browser caller needs — a policy from JSON (or the bundled default),
//! `scan` (findings as JSON with UTF-16 spans) and `redact` — and nothing of the widget (vault
//! sealing, SSE, markdown, DOM, consent receipts). Built as a `cdylib` example of
//! `chatguard-web` so it shares the crate's dependencies without linking its widget code.

use chatguard::{Context, Guard, Policy};
use wasm_bindgen::prelude::*;

/// One finding as `scan` writes it: serialized straight from this struct, without building a
/// `serde_json::Value` (whose map and serializer would otherwise be linked for this alone).
#[derive(serde::Serialize)]
struct FindingJson<'a> {
    kind: &'a str,
    start: usize,
    end: usize,
    score: f32,
    rule: &'a str,
    validated: bool,
}

/// A compiled policy, usable from JavaScript.
#[wasm_bindgen]
pub struct CoreGuard {
    guard: Guard,
}

#[wasm_bindgen]
impl CoreGuard {
    /// Compiles `policy_json`, or the bundled default policy when it is `undefined`.
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: Option<String>) -> Result<CoreGuard, JsError> {
        let policy = match policy_json {
            Some(json) => Policy::from_json(&json).map_err(|e| JsError::new(&e.to_string()))?,
            None => Policy::default(),
        };
        let guard = Guard::new(policy).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(CoreGuard { guard })
    }

    /// The findings in `text` as a JSON array of `{kind, start, end, score, rule, validated}`
    /// with UTF-16 offsets.
    pub fn scan(&self, text: &str) -> String {
        let items: Vec<FindingJson<'_>> = self
            .guard
            .scan(text)
            .iter()
            .map(|f| {
                let span = f.span.to_utf16(text);
                FindingJson {
                    kind: self.guard.kind_name(f.kind),
                    start: span.start,
                    end: span.end,
                    score: f.score.as_f32(),
                    rule: f.rule,
                    validated: f.validated,
                }
            })
            .collect();
        serde_json::to_string(&items).unwrap_or_default()
    }

    /// `text` redacted under the policy (no consent granted).
    pub fn redact(&self, text: &str) -> String {
        self.guard.check(text, &Context::default()).text
    }
}

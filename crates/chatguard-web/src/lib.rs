//! chatguard in the browser: the core's guard behind a small wasm-bindgen API.
//!
//! This is the seam the chat widget builds on. Spans cross into JavaScript as UTF-16 indices,
//! converted in exactly one place ([`finding_json`]), so `text.slice(start, end)` in JS selects
//! the finding.

use chatguard::{Context, Finding, Guard, Policy};
use wasm_bindgen::prelude::*;

/// A compiled policy, usable from JavaScript.
#[wasm_bindgen]
pub struct WebGuard {
    guard: Guard,
}

#[wasm_bindgen]
impl WebGuard {
    /// Compiles `policy_json`, or the bundled default policy when it is `undefined`.
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: Option<String>) -> Result<WebGuard, JsError> {
        let policy = match policy_json {
            Some(json) => Policy::from_json(&json).map_err(|e| JsError::new(&e.to_string()))?,
            None => Policy::default(),
        };
        let guard = Guard::new(policy).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(WebGuard { guard })
    }

    /// The findings in `text` as a JSON array of `{kind, start, end, score, rule, validated}`
    /// with UTF-16 offsets.
    pub fn scan(&self, text: &str) -> String {
        let items: Vec<serde_json::Value> = self
            .guard
            .scan(text)
            .iter()
            .map(|f| finding_json(&self.guard, text, f))
            .collect();
        serde_json::Value::Array(items).to_string()
    }

    /// `text` redacted under the policy (no consent granted).
    pub fn redact(&self, text: &str) -> String {
        self.guard.check(text, &Context::default()).text
    }
}

/// One finding as JSON, with its span converted to UTF-16 code units.
pub fn finding_json(guard: &Guard, text: &str, f: &Finding) -> serde_json::Value {
    let span = f.span.to_utf16(text);
    serde_json::json!({
        "kind": guard.kind_name(f.kind),
        "start": span.start,
        "end": span.end,
        "score": f.score.as_f32(),
        "rule": f.rule,
        "validated": f.validated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_utf16() {
        let guard = Guard::new(Policy::default()).expect("builds");
        let text = "😀 a@b.example";
        let f = guard.scan(text);
        let json = finding_json(&guard, text, &f[0]);
        assert_eq!(json["start"], 3);
        assert_eq!(json["end"], 14);
        assert_eq!(json["kind"], "email");
    }
}

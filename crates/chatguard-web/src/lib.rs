//! chatguard in the browser: the core's guard, a conversation's vault and the widget's DOM work
//! behind a small wasm-bindgen API.
//!
//! The chat widget (`www/src/chatguard.js`, a thin custom element) forwards to [`WebGuard`]:
//!
//! * [`WebGuard::scan`] / [`WebGuard::highlight`] — findings for the composer, with the policy's
//!   action per finding; `highlight` ([`composer`]) also runs the injection check and draws
//!   findings and hidden or smuggled text into a mirror element.
//! * [`WebGuard::injection`] — the prompt-injection and smuggling check of a message
//!   ([`injection`]): score, verdict, signal ids with spans, and the hidden characters the
//!   policy strips before sending.
//! * [`WebGuard::prepare`] — what a message becomes before it leaves the page: pseudonymised with
//!   the conversation's vault, minus the items the user chose to keep, plus the categories that
//!   still need consent.
//! * [`WebGuard::push_sse`] / [`WebGuard::restore_chunk`] / [`WebGuard::finish_reply`] — a
//!   streamed answer decoded ([`sse`]) and shown with the originals put back locally.
//! * [`render_markdown`] — the safe renderer for answers ([`markdown`] parses, [`dom`] builds).
//! * [`consent_receipt`] — a Kantara Consent Receipt v1.1 record ([`receipt`]).
//!
//! Spans cross into JavaScript as UTF-16 indices, converted in exactly one place
//! ([`finding_json`]), so `text.slice(start, end)` in JS selects the finding. Spans coming back
//! from JavaScript (the items to keep) are matched against that same conversion, never converted
//! the other way.

pub mod composer;
pub mod dom;
pub mod injection;
pub mod markdown;
pub mod receipt;
pub mod sse;

use chatguard::{
    Action, Category, Context, Decided, Guard, PendingRestore, Policy, Span, Vault, Verdict,
};
use wasm_bindgen::prelude::*;

/// A compiled policy plus one conversation's vault, usable from JavaScript.
#[wasm_bindgen]
pub struct WebGuard {
    guard: Guard,
    vault: Vault,
    reply: PendingRestore,
    sse: sse::SseDecoder,
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
        Ok(WebGuard {
            guard,
            vault: Vault::new(),
            reply: PendingRestore::default(),
            sse: sse::SseDecoder::default(),
        })
    }

    /// The findings in `text` as a JSON array of `{kind, category, action, start, end, score,
    /// rule, validated, keepable}` with UTF-16 offsets. `action` is the policy's: `allow`,
    /// `redact`, `ask` (redacted unless the user consents) or `block`.
    pub fn scan(&self, text: &str) -> String {
        json_text(&self.findings_json(text))
    }

    /// `text` redacted under the policy with no consent granted and a fresh vault (the stateless
    /// `ChatGuard.redact`).
    pub fn redact(&self, text: &str) -> String {
        self.guard.check(text, &Context::default()).text
    }

    /// What `text` becomes before it leaves the page, as JSON
    /// `{verdict, text, blocked, consent, kept}`: `verdict` is `allow`, `redacted` or `block`;
    /// `text` is the message to send (pseudonymised with this conversation's vault; empty when
    /// blocked); `blocked` the kind that blocked it or `null`; `consent` the categories of `ask`
    /// findings that were redacted because the user has not shared them; `kept` the categories
    /// of the values that pass unredacted because the user kept them.
    ///
    /// `keep_json` lists UTF-16 `[start, end]` pairs (as [`WebGuard::scan`] reported them) the
    /// user chose to send as they are. Credentials and blocked kinds are never kept. The caller
    /// must have the user's consent before keeping an `ask` finding.
    pub fn prepare(&mut self, text: &str, keep_json: &str) -> Result<String, JsError> {
        self.prepare_json(text, keep_json)
            .map(|v| json_text(&v))
            .map_err(|e| JsError::new(&e))
    }

    /// Decodes the next piece of a streamed answer (Server-Sent Events, OpenAI-compatible or
    /// Anthropic shapes) and returns JSON `{text, done, error}`: the text delta as the origin
    /// sent it (with placeholders), whether the stream said it is finished, and the error
    /// message of an error event or `null`.
    pub fn push_sse(&mut self, chunk: &str) -> String {
        let step = self.sse.push(chunk);
        json_text(&serde_json::json!({ "text": step.text, "done": step.done, "error": step.error }))
    }

    /// The next piece of the answer with this conversation's placeholders restored; a
    /// placeholder split across pieces is held back until it is complete.
    pub fn restore_chunk(&mut self, text: &str) -> String {
        let mut out = String::new();
        self.reply.push(&self.vault, text, &mut out);
        out
    }

    /// Ends a streamed answer: the held-back rest, restored; the SSE decoder starts over.
    pub fn finish_reply(&mut self) -> String {
        let mut out = String::new();
        self.reply.finish(&self.vault, &mut out);
        self.sse = sse::SseDecoder::default();
        out
    }

    /// `text` (a whole answer, or history) with this conversation's placeholders restored.
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore(text)
    }

    /// The answer text of a non-streamed JSON reply (OpenAI chat completion or Anthropic
    /// message), or an error when the body has neither shape.
    pub fn reply_text(body: &str) -> Result<String, JsError> {
        sse::reply_text(body).ok_or_else(|| JsError::new("the answer has no text"))
    }

    /// Forgets every original this conversation pseudonymised ("Delete my conversation").
    pub fn forget(&mut self) {
        self.vault = Vault::new();
        self.reply = PendingRestore::default();
        self.sse = sse::SseDecoder::default();
    }

    /// The vault's entries in clear (JSON bytes) for the page to seal before it keeps them:
    /// `www/src/chatguard.js` encrypts them with WebCrypto's AES-GCM under a non-extractable key
    /// (so no AEAD is compiled into this module) and overwrites the bytes afterwards.
    pub fn export_vault(&self) -> Vec<u8> {
        self.vault.export_unsealed()
    }

    /// Replaces the vault with one read from [`WebGuard::export_vault`]'s bytes (after the page
    /// has opened its sealed copy).
    pub fn import_vault(&mut self, plain: &[u8]) -> Result<(), JsError> {
        self.vault = Vault::import_unsealed(plain).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }
}

impl WebGuard {
    /// [`WebGuard::prepare`] with errors as text (testable off the browser).
    fn prepare_json(&mut self, text: &str, keep_json: &str) -> Result<serde_json::Value, String> {
        let wanted = parse_spans(keep_json)?;
        let keep: Vec<Span> = self
            .guard
            .scan(text)
            .iter()
            .map(|f| f.span)
            .filter(|span| wanted.contains(&span.to_utf16(text)))
            .collect();
        let outcome = self
            .guard
            .check_keeping(text, &Context::default(), &mut self.vault, &keep);
        let verdict = match outcome.verdict {
            Verdict::Allow => "allow",
            Verdict::Redacted => "redacted",
            _ => "block",
        };
        let blocked = match outcome.verdict {
            Verdict::Block(kind) => serde_json::Value::from(self.guard.kind_name(kind)),
            _ => serde_json::Value::Null,
        };
        let consent = self.categories(outcome.findings.iter().filter(|d| d.consent_needed));
        let kept = self.categories(
            outcome
                .findings
                .iter()
                .filter(|d| d.action == Action::Allow && keep.contains(&d.finding.span)),
        );
        Ok(serde_json::json!({
            "verdict": verdict,
            "text": outcome.text,
            "blocked": blocked,
            "consent": consent,
            "kept": kept,
        }))
    }

    /// The findings in `text` with the policy's decision, as JSON values.
    fn findings_json(&self, text: &str) -> serde_json::Value {
        let findings = self.guard.scan(text);
        let decided = self.guard.decide(&findings, &Context::default());
        serde_json::Value::Array(
            decided
                .iter()
                .map(|d| finding_json(&self.guard, text, d))
                .collect(),
        )
    }

    /// The distinct category names of `decided`, in first-seen order.
    fn categories<'d>(&self, decided: impl Iterator<Item = &'d Decided>) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        for d in decided {
            let name = self.guard.policy().category_of(d.finding.kind).name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

/// One decided finding as JSON, with its span converted to UTF-16 code units (the one place
/// spans cross into JavaScript).
pub fn finding_json(guard: &Guard, text: &str, d: &Decided) -> serde_json::Value {
    let f = &d.finding;
    let span = f.span.to_utf16(text);
    let category = guard.policy().category_of(f.kind);
    let action = if d.consent_needed {
        "ask"
    } else {
        d.action.name()
    };
    serde_json::json!({
        "kind": guard.kind_name(f.kind),
        "category": category.name(),
        "action": action,
        "start": span.start,
        "end": span.end,
        "score": f.score.as_f32(),
        "rule": f.rule,
        "validated": f.validated,
        "keepable": matches!(action, "redact" | "ask") && category != Category::Credentials,
    })
}

/// Parses `[[start, end], ...]` (UTF-16 offsets from JavaScript). Read as plain JSON values, not
/// through a derived deserializer, to keep serde's typed errors out of the browser module.
fn parse_spans(json: &str) -> Result<Vec<Span>, String> {
    let malformed = || "expected a JSON array of [start, end] pairs".to_owned();
    let value = parse_json(json).map_err(|_| malformed())?;
    let offset = |v: &serde_json::Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
    value
        .as_array()
        .ok_or_else(malformed)?
        .iter()
        .map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([start, end]) => match (offset(start), offset(end)) {
                (Some(start), Some(end)) => Ok(Span::new(start, end)),
                _ => Err(malformed()),
            },
            _ => Err(malformed()),
        })
        .collect()
}

/// JSON text from JavaScript (keep lists, consent facts, SSE events, replies) as a plain value.
/// Read as bytes (`from_slice`) like every JSON reader in the module — the core's policy and
/// vault readers too: serde_json compiles its whole parser once per kind of input, and one
/// kind instead of two keeps 1.9 KB gzipped out of the download.
pub(crate) fn parse_json(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_slice(text.as_bytes())
}

/// A JSON value as compact text for JavaScript. Written with `serde_json::to_string` rather than
/// the value's `Display`, which also carries the pretty-printing serializer (`{:#}`) into the
/// module. Writing a `Value` into a `String` cannot fail (its keys are strings).
pub(crate) fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn js_error(e: JsValue) -> JsError {
    JsError::new(&e.as_string().unwrap_or_else(|| "DOM error".to_owned()))
}

/// Renders `markdown` (an answer from the model) into `container`, replacing its children, with
/// no raw HTML and only http, https and mailto links (see [`markdown`] and [`dom`]).
#[wasm_bindgen]
pub fn render_markdown(container: &web_sys::Element, markdown: &str) -> Result<(), JsError> {
    dom::render_blocks(container, &markdown::parse(markdown)).map_err(js_error)
}

/// A Kantara Consent Receipt v1.1 as JSON, from the widget's consent facts (see
/// [`receipt::build`]); an error names the missing or malformed field.
#[wasm_bindgen]
pub fn consent_receipt(facts_json: &str) -> Result<String, JsError> {
    receipt::build(facts_json).map_err(|e| JsError::new(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Synthetic data only: documentation email domains and published test card numbers.

    #[test]
    fn spans_are_utf16_and_carry_the_policy_action() {
        let guard = Guard::new(Policy::default()).expect("builds");
        let text = "😀 a@b.example 4012 8888 8888 1881";
        let found = guard.scan(text);
        let decided = guard.decide(&found, &Context::default());
        let email = finding_json(&guard, text, &decided[0]);
        assert_eq!(email["start"], 3);
        assert_eq!(email["end"], 14);
        assert_eq!(email["kind"], "email");
        assert_eq!(email["action"], "redact");
        assert_eq!(email["keepable"], true);
        let card = finding_json(&guard, text, &decided[1]);
        assert_eq!(card["action"], "ask");
        assert_eq!(card["category"], "financial");
    }

    fn prepared(web: &mut WebGuard, text: &str, keep: &str) -> serde_json::Value {
        web.prepare_json(text, keep).expect("prepares")
    }

    #[test]
    fn prepare_pseudonymises_with_one_vault_and_reports_consent() {
        let mut web = WebGuard::new(None).unwrap_or_else(|_| panic!("default policy"));
        let text = "I'm jane@example.com, card 4012 8888 8888 1881";
        let out = prepared(&mut web, text, "[]");
        assert_eq!(out["verdict"], "redacted");
        assert_eq!(out["text"], "I'm [EMAIL_1], card [CREDIT_CARD_1]");
        assert_eq!(out["consent"], serde_json::json!(["financial"]));
        // The same value keeps its placeholder across messages, and restores locally.
        let again = prepared(&mut web, "again jane@example.com", "[]");
        assert_eq!(again["text"], "again [EMAIL_1]");
        assert_eq!(web.restore("Hi [EMAIL_1]!"), "Hi jane@example.com!");
    }

    #[test]
    fn prepare_keeps_what_the_user_shared_but_never_credentials() {
        let mut web = WebGuard::new(None).unwrap_or_else(|_| panic!("default policy"));
        let text = "😀 card 4012 8888 8888 1881 key AKIAIOSFODNN7EXAMPLE";
        let findings: serde_json::Value = serde_json::from_str(&web.scan(text)).expect("JSON");
        let spans: Vec<[u64; 2]> = findings
            .as_array()
            .expect("array")
            .iter()
            .map(|f| {
                [
                    f["start"].as_u64().unwrap_or(0),
                    f["end"].as_u64().unwrap_or(0),
                ]
            })
            .collect();
        let keep = serde_json::to_string(&spans).expect("JSON");
        let out = prepared(&mut web, text, &keep);
        let sent = out["text"].as_str().expect("text");
        assert!(sent.contains("4012 8888 8888 1881"), "{sent}");
        assert!(!sent.contains("AKIAIOSFODNN7EXAMPLE"), "{sent}");
        assert_eq!(out["kept"], serde_json::json!(["financial"]));
        assert_eq!(out["consent"], serde_json::json!([]));
    }

    #[test]
    fn prepare_rejects_malformed_keep_lists() {
        assert!(parse_spans("[[1,2],[3,4]]").is_ok());
        assert!(parse_spans("{").is_err());
        assert!(parse_spans("[[1]]").is_err());
        assert!(parse_spans("[[-1, 2]]").is_err());
    }

    #[test]
    fn streamed_answers_restore_placeholders_split_across_events() {
        let mut web = WebGuard::new(None).unwrap_or_else(|_| panic!("default policy"));
        prepared(&mut web, "mail jane@example.com", "[]");
        let events = [
            "data: {\"choices\":[{\"delta\":{\"content\":\"Hi [EMA\"}}]}\n\ndata: {\"cho",
            "ices\":[{\"delta\":{\"content\":\"IL_1], done\"}}]}\n\n",
            "data: [DONE]\n\n",
        ];
        let mut shown = String::new();
        let mut done = false;
        for chunk in events {
            let step: serde_json::Value = serde_json::from_str(&web.push_sse(chunk)).expect("JSON");
            shown.push_str(&web.restore_chunk(step["text"].as_str().unwrap_or_default()));
            done |= step["done"] == true;
        }
        shown.push_str(&web.finish_reply());
        assert!(done);
        assert_eq!(shown, "Hi jane@example.com, done");
        web.forget();
        assert_eq!(web.restore("[EMAIL_1]"), "[EMAIL_1]");
    }

    #[test]
    fn exported_vaults_import_and_malformed_ones_are_errors() {
        let mut web = WebGuard::new(None).unwrap_or_else(|_| panic!("default policy"));
        prepared(&mut web, "mail jane@example.com", "[]");
        let exported = web.export_vault();
        let vault = Vault::import_unsealed(&exported).expect("imports");
        assert_eq!(vault.restore("[EMAIL_1]"), "jane@example.com");
        assert!(Vault::import_unsealed(&exported[..exported.len() - 1]).is_err());
    }
}

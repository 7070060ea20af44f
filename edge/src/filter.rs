//! Redaction both ways for whole JSON bodies: every text field of a request before it reaches
//! the origin, and every string of a JSON answer before it reaches the caller. Edge pseudonyms
//! live in a per-request [`Vault`] that never leaves memory: the origin sees `[EMAIL_1]`, the
//! caller gets the original back. Values the origin itself produces are redacted with numbering
//! that continues after the request's, so they can never be "restored" to a caller's value.

use std::collections::{BTreeMap, BTreeSet};

use chatguard::{CategorySet, Context, Decided, Guard, Vault, Verdict};
use serde_json::Value;

use crate::error::ApiError;
use crate::memo::{Memo, TextKeys};
use crate::shape::{binary, parent_and_key, resolve, resolve_mut, ChatRequest};

/// What redaction found, for the audit line: kind names with counts and rule ids. No text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Kind wire name → number of findings.
    pub kinds: BTreeMap<String, u32>,
    /// Rule ids that fired (`card.luhn`, ...).
    pub rules: BTreeSet<&'static str>,
    /// Findings redacted because consent for an `ask` category was missing.
    pub consent_needed: u32,
}

impl Tally {
    /// Counts decided findings that were not simply allowed.
    pub fn add(&mut self, guard: &Guard, decided: &[Decided]) {
        for d in decided {
            *self
                .kinds
                .entry(guard.kind_name(d.finding.kind).to_owned())
                .or_default() += 1;
            self.rules.insert(d.finding.rule);
            if d.consent_needed {
                self.consent_needed += 1;
            }
        }
    }
}

/// Redacts every text field of a validated request in place. Texts `memo` knows to hold nothing
/// (by their `keys`, [`Memo::keys_for`] the request and its principal) are not scanned again;
/// texts found to hold nothing are remembered, and so are the decisions for the findings of the
/// others, which are then redacted (with this request's pseudonym numbers) without a scan.
pub fn redact_request(
    guard: &Guard,
    cx: &Context,
    req: &mut ChatRequest,
    vault: &mut Vault,
    tally: &mut Tally,
    memo: &mut Memo,
    keys: &TextKeys,
) -> Result<(), ApiError> {
    // Placeholders the client made already (the widget's `[EMAIL_1]`) keep their numbers: the
    // edge's own continue above them, so the client's restore never shows its value in place of
    // one the origin leaked.
    for pointer in &req.texts {
        if let Some(text) = resolve(&req.body, pointer).and_then(Value::as_str) {
            vault.reserve_placeholders_in(text);
        }
    }
    for (index, pointer) in req.texts.iter().enumerate() {
        let Some(slot) = resolve_mut(&mut req.body, pointer) else {
            continue;
        };
        let Some(text) = slot.as_str() else { continue };
        // A text without a key (the keys are of another request) is scanned, never skipped.
        let key = keys.get(index);
        if key.is_some_and(|key| memo.is_clean(key)) {
            continue;
        }
        // Decisions depend on the granted categories: they are kept only for requests granted
        // none (a request with consent is scanned as before).
        let outcome = match key.filter(|_| cx.granted == CategorySet::EMPTY) {
            Some(key) => {
                let known = memo.decided(key).map(<[Decided]>::to_vec);
                let fresh = known.is_none();
                let decided = known.unwrap_or_else(|| guard.decided(text, cx));
                let outcome = guard.check_decided(text, decided, vault);
                if fresh && !outcome.findings.is_empty() {
                    memo.remember_decided(key, outcome.findings.clone());
                }
                outcome
            }
            None => guard.check_with(text, cx, vault),
        };
        if outcome.findings.is_empty() && outcome.verdict == Verdict::Allow {
            if let Some(key) = key {
                memo.remember_clean(key);
            }
        }
        tally.add(guard, &outcome.findings);
        match outcome.verdict {
            Verdict::Block(kind) => return Err(blocked_request(guard, kind)),
            Verdict::Redacted => *slot = Value::String(outcome.text),
            _ => {}
        }
    }
    // Keys that are text (of tool inputs, metadata, unknown members). Deepest first, so the
    // pointers of the members above stay valid.
    for pointer in req.free_keys.iter().rev() {
        let Some((parent, key)) = parent_and_key(pointer) else {
            continue;
        };
        let Some(Value::Object(map)) = resolve_mut(&mut req.body, parent) else {
            continue;
        };
        let outcome = guard.check_with(&key, cx, vault);
        tally.add(guard, &outcome.findings);
        match outcome.verdict {
            Verdict::Block(kind) => return Err(blocked_request(guard, kind)),
            Verdict::Redacted => {
                if let Some(value) = map.remove(key.as_ref()) {
                    map.insert(outcome.text, value);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The request held data of `kind`, which the policy blocks.
fn blocked_request(guard: &Guard, kind: chatguard::Kind) -> ApiError {
    ApiError::unprocessable(
        "blocked_content",
        format!(
            "the request contains data the policy does not allow to be sent ({})",
            guard.kind_name(kind)
        ),
    )
}

/// Redacts every string of a JSON answer and restores the request's pseudonyms. A `block` rule
/// firing on the answer refuses the whole answer (502).
pub fn filter_response(
    guard: &Guard,
    cx: &Context,
    body: &mut Value,
    request_vault: &Vault,
    tally: &mut Tally,
) -> Result<(), ApiError> {
    let mut answer_vault = request_vault.clone();
    redact_strings(guard, cx, body, &mut answer_vault, request_vault, tally)
}

/// Redacts and restores every string inside `value`, object keys included: the keys of a tool
/// call's `input` are the model's words as much as its values are.
pub fn redact_strings(
    guard: &Guard,
    cx: &Context,
    value: &mut Value,
    answer_vault: &mut Vault,
    request_vault: &Vault,
    tally: &mut Tally,
) -> Result<(), ApiError> {
    match value {
        Value::String(s) => redact_string(guard, cx, s, answer_vault, request_vault, tally)?,
        Value::Array(items) => {
            for v in items {
                redact_strings(guard, cx, v, answer_vault, request_vault, tally)?;
            }
        }
        Value::Object(map) => {
            // A provider-sealed blob passes unscanned, as the request side lets it in.
            let sealed = map
                .get("type")
                .and_then(Value::as_str)
                .and_then(binary::sealed_member);
            for (key, v) in map.iter_mut() {
                let is_sealed = Some(key.as_str()) == sealed
                    && v.as_str().is_some_and(|s| binary::sealed(s).is_ok());
                if !is_sealed {
                    redact_strings(guard, cx, v, answer_vault, request_vault, tally)?;
                }
            }
            let mut rekeyed: Option<Vec<(String, String)>> = None;
            for key in map.keys() {
                let mut shown = key.clone();
                redact_string(guard, cx, &mut shown, answer_vault, request_vault, tally)?;
                if shown != *key {
                    rekeyed
                        .get_or_insert_with(Vec::new)
                        .push((key.clone(), shown));
                }
            }
            for (key, shown) in rekeyed.unwrap_or_default() {
                if let Some(v) = map.remove(&key) {
                    map.insert(shown, v);
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Redacts `s` in place and restores the request's pseudonyms in it.
fn redact_string(
    guard: &Guard,
    cx: &Context,
    s: &mut String,
    answer_vault: &mut Vault,
    request_vault: &Vault,
    tally: &mut Tally,
) -> Result<(), ApiError> {
    let outcome = guard.check_with(s, cx, answer_vault);
    tally.add(guard, &outcome.findings);
    if let Verdict::Block(_) = outcome.verdict {
        return Err(blocked_answer());
    }
    let shown = if outcome.verdict == Verdict::Redacted {
        outcome.text
    } else {
        core::mem::take(s)
    };
    *s = if request_vault.is_empty() {
        shown
    } else {
        request_vault.restore(&shown)
    };
    Ok(())
}

/// The answer held data the policy blocks.
pub fn blocked_answer() -> ApiError {
    ApiError::new(
        502,
        "blocked_response",
        "the origin's answer contained data the policy does not allow to be shown",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`redact_request`] for `principal`, with the memo's keys of the request.
    fn redact_as(
        g: &Guard,
        cx: &Context,
        req: &mut ChatRequest,
        vault: &mut Vault,
        tally: &mut Tally,
        memo: &mut Memo,
        principal: &str,
    ) -> Result<(), ApiError> {
        let keys = memo.keys_for(principal, req);
        redact_request(g, cx, req, vault, tally, memo, &keys)
    }
    use crate::shape::{parse, Api};
    use chatguard::Policy;
    use serde_json::json;

    fn guard() -> Guard {
        Guard::new(Policy::default()).expect("default policy")
    }

    /// A chat completions request with one user message.
    fn user_message(content: &str) -> ChatRequest {
        let body = json!({"model": "m", "messages": [{"role": "user", "content": content}]});
        parse(
            &Api::ChatCompletions,
            Some("application/json"),
            body.to_string().as_bytes(),
        )
        .expect("valid")
    }

    #[test]
    fn client_placeholders_are_not_reused_for_other_values() {
        let g = guard();
        let cx = Context::default();
        // The widget sent its own placeholder; the origin leaks a different address.
        let mut req = user_message("I am [EMAIL_1], or bob@example.net (synthetic)");
        let mut vault = Vault::new();
        redact_as(
            &g,
            &cx,
            &mut req,
            &mut vault,
            &mut Tally::default(),
            &mut Memo::new([0; 16]),
            "p",
        )
        .expect("redacted");
        assert_eq!(
            req.body.pointer("/messages/0/content"),
            Some(&json!("I am [EMAIL_1], or [EMAIL_2] (synthetic)"))
        );
        let mut answer = json!({"choices": [{"message": {"role": "assistant",
            "content": "[EMAIL_1] and [EMAIL_2]; ours is leak@example.org"}}]});
        filter_response(&g, &cx, &mut answer, &vault, &mut Tally::default()).expect("filtered");
        assert_eq!(
            answer.pointer("/choices/0/message/content"),
            Some(&json!("[EMAIL_1] and bob@example.net; ours is [EMAIL_3]"))
        );
    }

    /// A provider's sealed blob in an answer passes unchanged (the caller sends it back, and an
    /// altered one is refused), even where its base64 reads like a key; the thinking itself, and
    /// a "signature" that is not base64, are redacted.
    #[test]
    fn sealed_blobs_in_answers_pass_unchanged() {
        let g = guard();
        let cx = Context::default();
        const KEY: &str = "AKIAIOSFODNN7EXAMPLE";
        let sealed = format!("EqQB/{KEY}/ab==");
        let answer = |signature: &str| {
            json!({"content": [
                {"type": "thinking", "thinking": "Reply to leak@example.org (synthetic).", "signature": signature},
                {"type": "redacted_thinking", "data": signature},
                {"type": "reasoning", "encrypted_content": signature, "summary": [{"type": "summary_text", "text": KEY}]},
                {"type": "text", "text": "ok", "signature": signature}]})
        };
        let mut body = answer(&sealed);
        filter_response(&g, &cx, &mut body, &Vault::new(), &mut Tally::default())
            .expect("filtered");
        let at = |p: &str| {
            body.pointer(p)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(at("/content/0/signature"), sealed);
        assert_eq!(at("/content/1/data"), sealed);
        assert_eq!(at("/content/2/encrypted_content"), sealed);
        assert!(!at("/content/0/thinking").contains("leak@"), "{body}");
        assert!(!at("/content/2/summary/0/text").contains(KEY), "{body}");
        // Not a thinking block: its "signature" is text like any other.
        assert!(!at("/content/3/signature").contains(KEY), "{body}");
        // Not base64: scanned.
        let mut body = answer(&format!("see {KEY} now"));
        filter_response(&g, &cx, &mut body, &Vault::new(), &mut Tally::default())
            .expect("filtered");
        assert!(!body.to_string().contains(KEY), "{body}");
    }

    #[test]
    fn texts_without_keys_are_scanned_and_not_remembered() {
        let mut req = user_message("Mail bob@example.net (synthetic); where is my parcel?");
        let mut memo = Memo::new([0; 16]);
        redact_request(
            &guard(),
            &Context::default(),
            &mut req,
            &mut Vault::new(),
            &mut Tally::default(),
            &mut memo,
            &TextKeys::default(),
        )
        .expect("redacted");
        assert_eq!(
            req.body.pointer("/messages/0/content"),
            Some(&json!("Mail [EMAIL_1] (synthetic); where is my parcel?"))
        );
        assert_eq!(memo.len(), (0, 0, 0));
    }

    #[test]
    fn remembered_decisions_redact_like_a_scan_with_this_request_s_numbers() {
        let g = guard();
        let cx = Context::default();
        let mut memo = Memo::new([6; 16]);
        let history = "Mail jane.doe@example.com or call +1 202 555 0143 (synthetic)";
        let turn = |memo: &mut Memo, first: &str| {
            let body = json!({"model": "m", "messages": [
                {"role": "user", "content": first},
                {"role": "user", "content": history}]});
            let mut req = parse(
                &Api::ChatCompletions,
                Some("application/json"),
                body.to_string().as_bytes(),
            )
            .expect("valid");
            let mut tally = Tally::default();
            redact_as(&g, &cx, &mut req, &mut Vault::new(), &mut tally, memo, "p")
                .expect("redacted");
            (req.body, tally)
        };
        let scanned = turn(&mut Memo::new([6; 16]), "bob@example.net (synthetic)");
        turn(&mut memo, "Where is my parcel?");
        assert_eq!(memo.len().2, 1, "the history's decisions");
        // The same history after a new email: its placeholder numbers follow this request.
        let remembered = turn(&mut memo, "bob@example.net (synthetic)");
        assert_eq!(remembered, scanned);
        assert!(remembered.0.to_string().contains("[EMAIL_2]"));
        assert_eq!(memo.len().2, 2);
    }

    #[test]
    fn decisions_are_not_remembered_for_requests_granted_a_category() {
        let g = guard();
        let mut granted = chatguard::CategorySet::EMPTY;
        granted.insert(chatguard::Category::Contact);
        let cx = Context {
            granted,
            ..Context::default()
        };
        let mut memo = Memo::new([7; 16]);
        let mut req = user_message("Mail jane.doe@example.com (synthetic)");
        redact_as(
            &g,
            &cx,
            &mut req,
            &mut Vault::new(),
            &mut Tally::default(),
            &mut memo,
            "p",
        )
        .expect("redacted");
        assert_eq!(memo.len(), (0, 0, 0));
    }

    #[test]
    fn only_texts_with_nothing_found_are_remembered_and_skipped() {
        let g = guard();
        let cx = Context::default();
        let mut memo = Memo::new([5; 16]);
        let body = json!({"model": "m", "messages": [
            {"role": "user", "content": "Where is my parcel?"},
            {"role": "user", "content": "Mail me at jane.doe@example.com (synthetic)"}]});
        let redact = |memo: &mut Memo, tally: &mut Tally| {
            let mut req = parse(
                &Api::ChatCompletions,
                Some("application/json"),
                body.to_string().as_bytes(),
            )
            .expect("valid");
            redact_as(&g, &cx, &mut req, &mut Vault::new(), tally, memo, "p").expect("redacted");
            req.body
        };
        let first = redact(&mut memo, &mut Tally::default());
        assert_eq!(
            memo.len(),
            (0, 1, 1),
            "the clean text, the other's decisions"
        );
        let mut tally = Tally::default();
        let again = redact(&mut memo, &mut tally);
        assert_eq!(again, first);
        assert_eq!(
            tally.kinds.get("email"),
            Some(&1),
            "the finding counted again"
        );
        assert!(!again.to_string().contains("jane.doe"));
    }

    #[test]
    fn pseudonyms_go_out_and_come_back() {
        let g = guard();
        let cx = Context::default();
        let mut req = user_message("I am jane.doe@example.com (synthetic)");
        let mut vault = Vault::new();
        let mut tally = Tally::default();
        redact_as(
            &g,
            &cx,
            &mut req,
            &mut vault,
            &mut tally,
            &mut Memo::new([0; 16]),
            "p",
        )
        .expect("redacted");
        let sent = req.body.to_string();
        assert!(!sent.contains("jane.doe@example.com"), "{sent}");
        assert!(sent.contains("[EMAIL_1]"));
        assert_eq!(tally.kinds.get("email"), Some(&1));

        // The origin echoes the pseudonym and leaks another address of its own.
        let mut answer = json!({"choices": [{"message": {"role": "assistant",
            "content": "Hello [EMAIL_1], write to leak@example.org"}}]});
        let mut tally = Tally::default();
        filter_response(&g, &cx, &mut answer, &vault, &mut tally).expect("filtered");
        let content = answer["choices"][0]["message"]["content"]
            .as_str()
            .unwrap_or("");
        assert!(
            content.starts_with("Hello jane.doe@example.com, write to [EMAIL_2]"),
            "{content}"
        );
    }

    #[test]
    fn a_block_rule_refuses_the_request_and_the_answer() {
        let policy = Policy::from_json(
            r#"{"version": 1, "categories": {"credentials": {"action": "block"}}}"#,
        )
        .expect("policy");
        let g = Guard::new(policy).expect("guard");
        let cx = Context::default();
        let body = json!({"model": "m", "messages": [
            {"role": "user", "content": "key AKIAIOSFODNN7EXAMPLE"}]});
        let mut req = parse(
            &Api::ChatCompletions,
            Some("application/json"),
            body.to_string().as_bytes(),
        )
        .expect("valid");
        let e = redact_as(
            &g,
            &cx,
            &mut req,
            &mut Vault::new(),
            &mut Tally::default(),
            &mut Memo::new([0; 16]),
            "p",
        )
        .expect_err("blocked");
        assert_eq!((e.status, e.code), (422, "blocked_content"));
        assert!(!e.message.contains("AKIA"));
        let mut answer = json!({"output": [{"content": [{"text": "AKIAIOSFODNN7EXAMPLE"}]}]});
        let e = filter_response(&g, &cx, &mut answer, &Vault::new(), &mut Tally::default())
            .expect_err("blocked");
        assert_eq!((e.status, e.code), (502, "blocked_response"));
    }

    #[test]
    fn keys_of_tool_inputs_and_metadata_are_redacted_before_the_origin() {
        let body = json!({"model": "m", "max_tokens": 9,
            "metadata": {"jane.doe@example.com": "1"},
            "messages": [{"role": "assistant", "content": [{"type": "tool_use", "id": "t",
                "name": "f", "input": {"bob@example.net": {"AKIAIOSFODNN7EXAMPLE": "x"}}}]},
                {"role": "user", "content": "thanks"}]});
        let mut req = parse(
            &Api::Messages,
            Some("application/json"),
            body.to_string().as_bytes(),
        )
        .expect("valid");
        redact_as(
            &guard(),
            &Context::default(),
            &mut req,
            &mut Vault::new(),
            &mut Tally::default(),
            &mut Memo::new([0; 16]),
            "p",
        )
        .expect("redacted");
        let sent = req.body.to_string();
        for value in [
            "jane.doe@example.com",
            "bob@example.net",
            "AKIAIOSFODNN7EXAMPLE",
        ] {
            assert!(!sent.contains(value), "{value}: {sent}");
        }
        let input = req.body.pointer("/messages/0/content/0/input");
        let inner = input
            .and_then(Value::as_object)
            .and_then(|m| m.values().next())
            .and_then(Value::as_object)
            .and_then(|m| m.values().next());
        assert_eq!(inner, Some(&json!("x")), "{sent}");
    }

    #[test]
    fn object_keys_of_an_answer_are_redacted_too() {
        // A model-written tool input whose key is the value (synthetic data).
        let mut answer = json!({"content": [{"type": "tool_use", "name": "f",
            "input": {"jane.doe@example.com": "x", "note": {"AKIAIOSFODNN7EXAMPLE": 1}}}]});
        let mut tally = Tally::default();
        filter_response(
            &guard(),
            &Context::default(),
            &mut answer,
            &Vault::new(),
            &mut tally,
        )
        .expect("filtered");
        let shown = answer.to_string();
        assert!(!shown.contains("jane.doe@example.com"), "{shown}");
        assert!(!shown.contains("AKIAIOSFODNN7EXAMPLE"), "{shown}");
        assert_eq!(
            answer.pointer("/content/0/input/[EMAIL_1]"),
            Some(&json!("x"))
        );
        assert_eq!(answer.pointer("/content/0/name"), Some(&json!("f")));
    }

    #[test]
    fn credentials_are_replaced_not_restored() {
        let g = guard();
        let mut answer = json!({"content": [{"type": "text",
            "text": "key AKIAIOSFODNN7EXAMPLE here"}]});
        let mut tally = Tally::default();
        filter_response(
            &g,
            &Context::default(),
            &mut answer,
            &Vault::new(),
            &mut tally,
        )
        .expect("filtered");
        assert!(!answer.to_string().contains("AKIAIOSFODNN7EXAMPLE"));
    }
}

//! Per-request canary tokens at the edge: the core [`Canary`] planted in the system prompt sent
//! to the origin (appended to the caller's, never replacing it), and looked for in the answer.
//!
//! JSON answers: every string of the answer is searched ([`leaked_in`]). Streams: each streamed
//! text field gets a [`CanaryGate`] that runs the core's split-safe [`CanaryStream`] over the
//! raw text and holds back the end of the shown text while it could still be the start of the
//! token, so not even a prefix of the canary reaches the caller when a leak is caught. A leak
//! ends the answer (JSON: 502; stream: error event) and is audited as `output.canary`.

use chatguard::inject::canary::{Canary, CanaryStream};
use serde_json::Value;

use crate::shape::Api;

/// The audit rule id of a leaked canary.
pub const RULE: &str = "output.canary";

/// Appends the canary's instruction to the system prompt of `body` for `api`. Returns false
/// for generic routes, whose system prompt the edge does not know (no canary is planted).
pub fn plant(api: &Api, body: &mut Value, canary: &Canary) -> bool {
    let instruction = canary.system_prompt_instruction();
    let Some(object) = body.as_object_mut() else {
        return false;
    };
    match api {
        Api::ChatCompletions => {
            let Some(messages) = object.get_mut("messages").and_then(Value::as_array_mut) else {
                return false;
            };
            // After the caller's leading system/developer messages, so theirs come first.
            let at = messages
                .iter()
                .take_while(|m| {
                    matches!(
                        m.get("role").and_then(Value::as_str),
                        Some("system" | "developer")
                    )
                })
                .count();
            messages.insert(
                at,
                serde_json::json!({"role": "system", "content": instruction}),
            );
            true
        }
        Api::Responses => {
            append_text(
                object.entry("instructions").or_insert(Value::Null),
                instruction,
            );
            true
        }
        Api::Messages => {
            let system = object.entry("system").or_insert(Value::Null);
            if let Value::Array(blocks) = system {
                blocks.push(serde_json::json!({"type": "text", "text": instruction}));
            } else {
                append_text(system, instruction);
            }
            true
        }
        Api::Generic(_) => false,
    }
}

/// Appends `text` as a new paragraph to a string slot; any other value is replaced by it
/// (shape validation has already refused non-string system prompts other than block lists).
fn append_text(slot: &mut Value, text: String) {
    *slot = match slot.take() {
        Value::String(mine) if !mine.trim().is_empty() => {
            Value::String(format!("{mine}\n\n{text}"))
        }
        _ => Value::String(text),
    };
}

/// True when any string (or object key) of `value` contains the token.
pub fn leaked_in(canary: &Canary, value: &Value) -> bool {
    match value {
        Value::String(s) => canary.find(s).is_some(),
        Value::Array(items) => items.iter().any(|v| leaked_in(canary, v)),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| canary.find(k).is_some() || leaked_in(canary, v)),
        _ => false,
    }
}

/// The canary leaked: the stream must end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leaked;

/// Guards one streamed text field.
#[derive(Debug)]
pub struct CanaryGate {
    canary: Canary,
    raw: CanaryStream<'static>,
    /// Shown text held back because it ends like the start of the token.
    held: String,
}

impl CanaryGate {
    /// A gate for one field.
    pub fn new(canary: &Canary) -> Self {
        CanaryGate {
            canary: canary.clone(),
            raw: canary.clone().into_stream(),
            held: String::new(),
        }
    }

    /// Checks the field's next raw piece (as the origin sent it).
    pub fn check_raw(&mut self, raw: &str) -> Result<(), Leaked> {
        match self.raw.push(raw.as_bytes()) {
            Some(_) => Err(Leaked),
            None => Ok(()),
        }
    }

    /// Takes the next shown (redacted) text; returns what may go out now.
    pub fn pass(&mut self, shown: &str) -> Result<String, Leaked> {
        self.held.push_str(shown);
        if self.canary.find(&self.held).is_some() {
            return Err(Leaked);
        }
        let keep = partial_token_suffix(self.held.as_bytes(), self.canary.token().as_bytes());
        let cut = self.held.len() - keep;
        let rest = self.held.split_off(cut);
        Ok(core::mem::replace(&mut self.held, rest))
    }

    /// The field ended: what is still held back (it never completed the token).
    pub fn finish(&mut self) -> String {
        core::mem::take(&mut self.held)
    }
}

/// The length of the longest proper suffix of `text` that is a prefix of `token` (ASCII case
/// ignored). The token is ASCII, so the cut falls on a character boundary.
pub(crate) fn partial_token_suffix(text: &[u8], token: &[u8]) -> usize {
    let longest = token.len().saturating_sub(1).min(text.len());
    (1..=longest)
        .rev()
        .find(|&n| {
            text.get(text.len() - n..)
                .zip(token.get(..n))
                .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn canary() -> Canary {
        Canary::from_random([42; 16])
    }

    #[test]
    fn plants_after_the_callers_system_prompt_in_every_format() {
        let c = canary();
        let mut chat = json!({"messages": [{"role": "system", "content": "Be kind."},
            {"role": "user", "content": "hi"}]});
        assert!(plant(&Api::ChatCompletions, &mut chat, &c));
        assert_eq!(chat["messages"][0]["content"], "Be kind.");
        assert!(c
            .find(chat["messages"][1]["content"].as_str().unwrap_or(""))
            .is_some());
        assert_eq!(chat["messages"][2]["role"], "user");

        let mut responses = json!({"instructions": "Be brief.", "input": "hi"});
        assert!(plant(&Api::Responses, &mut responses, &c));
        let text = responses["instructions"].as_str().unwrap_or("");
        assert!(text.starts_with("Be brief.\n\n") && c.find(text).is_some());
        let mut bare = json!({"input": "hi"});
        assert!(plant(&Api::Responses, &mut bare, &c));
        assert!(c
            .find(bare["instructions"].as_str().unwrap_or(""))
            .is_some());

        let mut messages = json!({"system": "Be calm.", "messages": []});
        assert!(plant(&Api::Messages, &mut messages, &c));
        let text = messages["system"].as_str().unwrap_or("");
        assert!(text.starts_with("Be calm.\n\n") && c.find(text).is_some());
        let mut blocks = json!({"system": [{"type": "text", "text": "Be calm."}], "messages": []});
        assert!(plant(&Api::Messages, &mut blocks, &c));
        assert_eq!(blocks["system"][0]["text"], "Be calm.");
        assert!(c
            .find(blocks["system"][1]["text"].as_str().unwrap_or(""))
            .is_some());

        let mut generic = json!({"input": "x"});
        assert!(!plant(
            &Api::Generic(vec!["/input".into()]),
            &mut generic,
            &c
        ));
        assert_eq!(generic, json!({"input": "x"}));
    }

    #[test]
    fn finds_the_token_anywhere_in_a_json_answer() {
        let c = canary();
        let upper = c.token().to_ascii_uppercase();
        assert!(leaked_in(
            &c,
            &json!({"a": [{"b": format!("x {upper} y")}]})
        ));
        assert!(!leaked_in(&c, &json!({"a": "cg-nothing here"})));
    }

    #[test]
    fn a_split_token_never_passes_the_gate_at_any_split() {
        let c = canary();
        let answer = format!("Sure. The marker is {} — done.", c.token());
        for at in 1..answer.len() {
            if !answer.is_char_boundary(at) {
                continue;
            }
            let (a, b) = answer.split_at(at);
            let mut gate = CanaryGate::new(&c);
            let mut shown = String::new();
            let mut leaked = false;
            for piece in [a, b] {
                if gate.check_raw(piece).is_err() {
                    leaked = true;
                    break;
                }
                match gate.pass(piece) {
                    Ok(s) => shown.push_str(&s),
                    Err(Leaked) => {
                        leaked = true;
                        break;
                    }
                }
            }
            assert!(leaked, "split at {at}");
            assert!(!shown.contains("cg-"), "split at {at}: {shown:?}");
        }
    }

    #[test]
    fn text_that_only_looks_like_a_start_is_released() {
        let c = canary();
        let mut gate = CanaryGate::new(&c);
        assert_eq!(gate.pass("ask the cg").ok(), Some("ask the ".to_owned()));
        assert_eq!(
            gate.pass("-team today").ok(),
            Some("cg-team today".to_owned())
        );
        assert_eq!(gate.pass("bye c").ok(), Some("bye ".to_owned()));
        assert_eq!(gate.finish(), "c");
    }
}

//! Redaction of streamed answers (Server-Sent Events) in the OpenAI Chat Completions, OpenAI
//! Responses and Anthropic Messages event formats.
//!
//! Bytes from the origin are split into lines and events however they arrive. Each streamed text
//! field — every string of a choice's `delta` but its `role` (`content`, `refusal`,
//! `reasoning_content`, ...), a tool call's `arguments`, every string of an Anthropic block's
//! `delta` (text, JSON, thinking, and kinds not known yet), the `delta` of every Responses
//! `response.*.delta` event — gets its own core [`StreamRedactor`], so a value split across events
//! or across any byte boundary is still caught: the redactor holds back what might still grow
//! into a finding and emits the rest at once. Every other string in an event is redacted one-shot.
//! An Anthropic or Responses delta without its block or output index is malformed.
//! Edge pseudonyms are restored on the way out; tool calls the role lacks are removed.
//!
//! With a per-request canary ([`SseFilter::with_canary`]) every event is searched for the token,
//! each streamed field runs through a [`CanaryGate`] (split-safe detection, and the shown text's
//! end held back while it could still start the token), and a leak ends the stream with an error
//! event before any of the token is sent.
//!
//! Fail closed: a line or event that is not SSE with JSON data and a plain event name, a line
//! with a lone CR (a line break for the client's parser), a stream that ends inside an event, or
//! a `block` rule firing ends the stream with an error event ([`error_event`]) and never with
//! unscanned text. Only a stream that ended cleanly counts as fully scanned.

use std::collections::{BTreeMap, BTreeSet};

use chatguard::inject::canary::Canary;
use chatguard::{Context, Guard, PendingRestore, StreamRedactor, StreamStatus, Vault};
use serde_json::{json, Value};

use crate::canary::{self, CanaryGate};
use crate::filter::{redact_strings, Tally};
use crate::output::{Checked, LinkHold, OutputPolicy};
use crate::rbac::strip_response_tool_calls;
use crate::roles::Allowed;

/// The longest line or event data accepted from the origin.
pub const MAX_EVENT_BYTES: usize = 1024 * 1024;

/// Why a stream was cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SseError {
    /// The origin sent something that is not an SSE event with JSON data.
    Malformed,
    /// A `block` rule fired on the answer.
    Blocked,
    /// The answer carried the request's canary: the system prompt leaked.
    CanaryLeak,
    /// The answer copied the system prompt (`SYSTEM_PROMPT_LEAK=block`).
    PromptLeak,
}

impl SseError {
    /// The error code sent in the error event (a canary leak looks like any block to the
    /// caller).
    pub const fn code(self) -> &'static str {
        match self {
            SseError::Malformed => "malformed_stream",
            SseError::Blocked | SseError::CanaryLeak | SseError::PromptLeak => "blocked_response",
        }
    }

    /// The rule id for the audit line.
    pub const fn rule(self) -> &'static str {
        match self {
            SseError::CanaryLeak => canary::RULE,
            SseError::PromptLeak => "output.system_prompt_fragment",
            other => other.code(),
        }
    }
}

/// The final SSE event sent when a stream is cut.
pub fn error_event(code: &str) -> String {
    let body = json!({"type": "error", "error": {"code": code, "type": code,
        "message": "the answer stream was stopped by the filter"}});
    format!("event: error\ndata: {body}\n\n")
}

/// A delta key or event type, interned in [`SseFilter::names`] so a [`Field`] stays `Copy`.
type Name = u16;

/// The tool index [`Field::ChatArguments`] uses for a choice's deprecated `function_call`.
const LEGACY_CALL: u64 = u64::MAX;

/// The most distinct delta keys and event types one stream may use.
const MAX_NAMES: usize = 256;

/// One streamed text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    /// OpenAI chat: the string `key` of `choices[c].delta` (`content`, `refusal`, ...).
    ChatDelta { choice: u64, key: Name },
    /// OpenAI chat: `choices[c].delta.tool_calls[t].function.arguments`, or the deprecated
    /// `choices[c].delta.function_call.arguments` when `tool` is [`LEGACY_CALL`].
    ChatArguments { choice: u64, tool: u64 },
    /// Anthropic: the string `key` of a `delta` of type `kind` in content block `index`
    /// (`text_delta`/`text`, `input_json_delta`/`partial_json`, `thinking_delta`/`thinking`, ...).
    Block { index: u64, kind: Name, key: Name },
    /// Responses: `delta` of the `response.*.delta` events of type `kind`.
    ResponsesDelta {
        kind: Name,
        output: u64,
        content: Option<u64>,
    },
}

impl Field {
    fn choice(self) -> Option<u64> {
        match self {
            Field::ChatDelta { choice, .. } | Field::ChatArguments { choice, .. } => Some(choice),
            _ => None,
        }
    }

    fn block(self) -> Option<u64> {
        match self {
            Field::Block { index, .. } => Some(index),
            _ => None,
        }
    }

    fn output(self) -> Option<u64> {
        match self {
            Field::ResponsesDelta { output, .. } => Some(output),
            _ => None,
        }
    }

    /// An event carrying `text` as this field's next piece; `names` resolves interned names.
    fn event(self, text: &str, names: &[String]) -> String {
        let name = |n: Name| names.get(usize::from(n)).map_or("", String::as_str);
        let (event, data) = match self {
            Field::ChatDelta { choice, key } => {
                let mut delta = serde_json::Map::new();
                delta.insert(name(key).to_owned(), Value::from(text));
                (
                    None,
                    json!({"object": "chat.completion.chunk",
                        "choices": [{"index": choice, "delta": delta, "finish_reason": null}]}),
                )
            }
            Field::ChatArguments {
                choice,
                tool: LEGACY_CALL,
            } => (
                None,
                json!({"object": "chat.completion.chunk", "choices": [{"index": choice,
                    "delta": {"function_call": {"arguments": text}}, "finish_reason": null}]}),
            ),
            Field::ChatArguments { choice, tool } => (
                None,
                json!({"object": "chat.completion.chunk", "choices": [{"index": choice,
                    "delta": {"tool_calls": [{"index": tool, "function": {"arguments": text}}]},
                    "finish_reason": null}]}),
            ),
            Field::Block { index, kind, key } => {
                let mut delta = serde_json::Map::new();
                delta.insert("type".to_owned(), Value::from(name(kind)));
                delta.insert(name(key).to_owned(), Value::from(text));
                (
                    Some("content_block_delta"),
                    json!({"type": "content_block_delta", "index": index, "delta": delta}),
                )
            }
            Field::ResponsesDelta {
                kind,
                output,
                content,
            } => {
                let mut data = json!({"type": name(kind), "output_index": output, "delta": text});
                if let Some(content) = content {
                    data["content_index"] = Value::from(content);
                }
                (Some(name(kind)), data)
            }
        };
        render(event, &data)
    }
}

/// `key` as a JSON pointer reference token (RFC 6901).
fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The longest event name passed on.
const MAX_EVENT_NAME: usize = 128;

/// True for a plain event name (`content_block_delta`, `response.output_text.delta`, ...).
fn is_event_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_EVENT_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn render(name: Option<&str>, data: &Value) -> String {
    match name {
        Some(n) => format!("event: {n}\ndata: {data}\n\n"),
        None => format!("data: {data}\n\n"),
    }
}

/// A field's redactor and the tail of its output that may still be part of a placeholder.
struct FieldState<'g> {
    redactor: StreamRedactor<'g>,
    unrestored: PendingRestore,
    canary: Option<CanaryGate>,
    links: LinkHold,
}

/// The stream filter for one answer. Feed it the origin's bytes with [`SseFilter::push`], end it
/// with [`SseFilter::finish`]; on an error, send [`error_event`] and stop.
pub struct SseFilter<'g> {
    guard: &'g Guard,
    cx: Context,
    request_vault: Vault,
    answer_vault: Vault,
    tools: Allowed,
    line: Vec<u8>,
    event_name: Option<String>,
    data: String,
    has_data: bool,
    fields: BTreeMap<Field, FieldState<'g>>,
    /// The delta keys and event types [`Field`]s name.
    names: Vec<String>,
    /// Anthropic content blocks, Responses output items and OpenAI (choice, tool) calls dropped.
    dropped_blocks: BTreeSet<u64>,
    dropped_outputs: BTreeSet<u64>,
    dropped_calls: BTreeSet<(u64, u64)>,
    kept_calls: BTreeSet<(u64, u64)>,
    kept_blocks: BTreeSet<u64>,
    canary: Option<Canary>,
    output: Option<OutputPolicy>,
    /// What was found, for the audit line.
    pub tally: Tally,
    /// How many tool calls were removed.
    pub tool_calls_removed: u32,
    clean_end: bool,
}

impl<'g> SseFilter<'g> {
    /// A filter that redacts with `guard` under `cx`, restores pseudonyms from `request_vault`
    /// and keeps only tool calls the role allows.
    pub fn new(guard: &'g Guard, cx: Context, request_vault: Vault, tools: Allowed) -> Self {
        SseFilter {
            guard,
            cx,
            answer_vault: request_vault.clone(),
            request_vault,
            tools,
            line: Vec::new(),
            event_name: None,
            data: String::new(),
            has_data: false,
            fields: BTreeMap::new(),
            names: Vec::new(),
            dropped_blocks: BTreeSet::new(),
            dropped_outputs: BTreeSet::new(),
            dropped_calls: BTreeSet::new(),
            kept_calls: BTreeSet::new(),
            kept_blocks: BTreeSet::new(),
            canary: None,
            output: None,
            tally: Tally::default(),
            tool_calls_removed: 0,
            clean_end: false,
        }
    }

    /// Ends the stream when the answer carries `canary`.
    pub fn with_canary(mut self, canary: Canary) -> Self {
        self.canary = Some(canary);
        self
    }

    /// Neutralises links and finds system-prompt fragments with `policy`.
    pub fn with_output(mut self, policy: OutputPolicy) -> Self {
        self.output = Some(policy);
        self
    }

    /// `name` interned for a [`Field`]; a stream with more than [`MAX_NAMES`] is malformed.
    fn intern(&mut self, name: &str) -> Result<Name, SseError> {
        let at = match self.names.iter().position(|n| n == name) {
            Some(at) => at,
            None if self.names.len() < MAX_NAMES => {
                self.names.push(name.to_owned());
                self.names.len() - 1
            }
            None => return Err(SseError::Malformed),
        };
        Name::try_from(at).map_err(|_| SseError::Malformed)
    }

    /// Audits what the output check found; a fragment under a blocking policy ends the stream.
    fn output_found(&mut self, checked: &Checked) -> Result<(), SseError> {
        self.tally.rules.extend(checked.rules.iter().copied());
        if checked.fragment && self.output.as_ref().is_some_and(|p| p.block_fragments) {
            return Err(SseError::PromptLeak);
        }
        Ok(())
    }

    /// True when the output check changed or flagged the answer (links removed, fragments).
    pub fn output_changed(&self) -> bool {
        self.tally.rules.iter().any(|r| r.starts_with("output."))
    }

    /// True when the whole stream was read, parsed and scanned.
    pub fn fully_scanned(&self) -> bool {
        self.clean_end
    }

    /// Takes the next bytes from the origin; appends what may be sent on to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut String) -> Result<(), SseError> {
        let mut rest = chunk;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&rest[..nl]);
            rest = &rest[nl + 1..];
            let mut line = core::mem::take(&mut self.line);
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            self.on_line(&line, out)?;
        }
        self.line.extend_from_slice(rest);
        if self.line.len() > MAX_EVENT_BYTES {
            return Err(SseError::Malformed);
        }
        Ok(())
    }

    /// The origin closed the stream: emits what is still held back. A stream that ends inside
    /// an event is malformed.
    pub fn finish(&mut self, out: &mut String) -> Result<(), SseError> {
        if !self.line.is_empty() || self.has_data {
            return Err(SseError::Malformed);
        }
        self.flush_where(|_| true, out)?;
        self.clean_end = true;
        Ok(())
    }

    fn on_line(&mut self, line: &[u8], out: &mut String) -> Result<(), SseError> {
        let line = core::str::from_utf8(line).map_err(|_| SseError::Malformed)?;
        // A lone CR ends a line for the client's parser: kept, it could smuggle a line past us.
        if line.contains('\r') {
            return Err(SseError::Malformed);
        }
        if line.is_empty() {
            return self.dispatch(out);
        }
        if line.starts_with(':') {
            return Ok(()); // a comment (keep-alive); dropped, it could carry anything
        }
        let (name, value) = match line.split_once(':') {
            Some((n, v)) => (n, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match name {
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
                if self.data.len() > MAX_EVENT_BYTES {
                    return Err(SseError::Malformed);
                }
            }
            // The name is sent on as it came: only a plain name, never text to scan.
            "event" if is_event_name(value) => self.event_name = Some(value.to_owned()),
            "event" => return Err(SseError::Malformed),
            "id" | "retry" => {}
            _ => return Err(SseError::Malformed),
        }
        Ok(())
    }

    fn dispatch(&mut self, out: &mut String) -> Result<(), SseError> {
        let name = self.event_name.take();
        if !core::mem::take(&mut self.has_data) {
            return Ok(());
        }
        let data = core::mem::take(&mut self.data);
        if data.trim() == "[DONE]" {
            self.flush_where(|_| true, out)?;
            out.push_str("data: [DONE]\n\n");
            return Ok(());
        }
        let mut event: Value = serde_json::from_str(&data).map_err(|_| SseError::Malformed)?;
        if !event.is_object() {
            return Err(SseError::Malformed);
        }
        if self
            .canary
            .as_ref()
            .is_some_and(|c| canary::leaked_in(c, &event))
        {
            return Err(SseError::CanaryLeak);
        }
        let keep = if event.get("choices").is_some() {
            self.chat_chunk(&mut event, out)?
        } else {
            let ty = event
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if ty.starts_with("response.") {
                self.responses_event(&ty, &mut event, out)?
            } else {
                self.anthropic_event(&ty, &mut event, out)?
            }
        };
        if keep {
            out.push_str(&render(name.as_deref(), &event));
        }
        Ok(())
    }

    /// Streams `text` of `field` through its redactor; returns what may be shown now.
    fn stream_text(&mut self, field: Field, text: &str) -> Result<String, SseError> {
        let state = self.fields.entry(field).or_insert_with(|| FieldState {
            redactor: self
                .guard
                .stream(self.cx)
                .with_vault(self.request_vault.clone()),
            unrestored: PendingRestore::default(),
            canary: self.canary.as_ref().map(CanaryGate::new),
            links: LinkHold::default(),
        });
        if let Some(gate) = &mut state.canary {
            gate.check_raw(text).map_err(|_| SseError::CanaryLeak)?;
        }
        let mut redacted = String::new();
        if let StreamStatus::Blocked(_) = state.redactor.push(text, &mut redacted) {
            return Err(SseError::Blocked);
        }
        let mut ready = String::new();
        state
            .unrestored
            .push(&self.request_vault, &redacted, &mut ready);
        let mut checked = None;
        if let Some(policy) = &self.output {
            let released = state.links.push(&ready);
            let c = state.links.check(policy, &released);
            ready.clone_from(&c.text);
            checked = Some(c);
        }
        let shown = match &mut state.canary {
            Some(gate) => gate.pass(&ready).map_err(|_| SseError::CanaryLeak)?,
            None => ready,
        };
        if let Some(c) = checked {
            self.output_found(&c)?;
        }
        Ok(shown)
    }

    /// Ends every field `which` selects, emitting the rest of its text as events.
    fn flush_where(
        &mut self,
        which: impl Fn(Field) -> bool,
        out: &mut String,
    ) -> Result<(), SseError> {
        let chosen: Vec<Field> = self.fields.keys().copied().filter(|f| which(*f)).collect();
        for field in chosen {
            let Some(FieldState {
                redactor,
                mut unrestored,
                canary,
                mut links,
            }) = self.fields.remove(&field)
            else {
                continue;
            };
            let mut tail = String::new();
            let (status, findings, _) = redactor.finish(&mut tail);
            self.tally.add(self.guard, &findings);
            if let StreamStatus::Blocked(_) = status {
                return Err(SseError::Blocked);
            }
            let mut rest = String::new();
            unrestored.push(&self.request_vault, &tail, &mut rest);
            unrestored.finish(&self.request_vault, &mut rest);
            if let Some(policy) = &self.output {
                let mut released = links.push(&rest);
                released.push_str(&links.finish());
                let checked = links.check(policy, &released);
                rest.clone_from(&checked.text);
                self.output_found(&checked)?;
            }
            if let Some(mut gate) = canary {
                rest = gate.pass(&rest).map_err(|_| SseError::CanaryLeak)?;
                rest.push_str(&gate.finish());
            }
            if !rest.is_empty() {
                out.push_str(&field.event(&rest, &self.names));
            }
        }
        Ok(())
    }

    /// Redacts the event's remaining strings one-shot.
    fn redact_rest(&mut self, event: &mut Value) -> Result<(), SseError> {
        if let Some(policy) = &self.output {
            let mut checked = Checked::default();
            checked.fragment = policy.check_json(event, &mut checked.rules);
            self.output_found(&checked)?;
        }
        redact_strings(
            self.guard,
            &self.cx,
            event,
            &mut self.answer_vault,
            &self.request_vault,
            &mut self.tally,
        )
        .map_err(|_| SseError::Blocked)
    }

    /// Takes the string at `pointer` out of `event`, streams it as `field` and returns the
    /// output to put back after the rest of the event was redacted.
    fn take_streamed(
        &mut self,
        event: &mut Value,
        pointer: &str,
        field: Field,
    ) -> Result<Option<String>, SseError> {
        let Some(Value::String(text)) = event.pointer_mut(pointer).map(Value::take) else {
            return Ok(None);
        };
        self.stream_text(field, &text).map(Some)
    }

    /// Streams the delta text at each pointer as its field, redacts the rest of the event, and
    /// puts the shown text back. A delta whose text is all held back carries nothing yet: not
    /// sent.
    fn delta_event(
        &mut self,
        event: &mut Value,
        fields: &[(String, Field)],
    ) -> Result<bool, SseError> {
        let mut streamed = Vec::with_capacity(fields.len());
        for (pointer, field) in fields {
            if let Some(text) = self.take_streamed(event, pointer, *field)? {
                streamed.push((pointer, text));
            }
        }
        self.redact_rest(event)?;
        let shown = streamed.iter().any(|(_, t)| !t.is_empty());
        for (pointer, text) in streamed {
            if let Some(slot) = event.pointer_mut(pointer) {
                *slot = Value::String(text);
            }
        }
        Ok(shown)
    }

    fn chat_chunk(&mut self, event: &mut Value, out: &mut String) -> Result<bool, SseError> {
        let choices = event
            .get_mut("choices")
            .and_then(Value::as_array_mut)
            .ok_or(SseError::Malformed)?;
        let mut restore: Vec<(String, String)> = Vec::new();
        let mut finished: Vec<u64> = Vec::new();
        let mut all = core::mem::take(choices);
        for (ci, choice) in all.iter_mut().enumerate() {
            let c = choice
                .get("index")
                .and_then(Value::as_u64)
                .unwrap_or(ci as u64);
            let at = format!("/choices/{ci}");
            if let Some(calls) = choice
                .pointer_mut("/delta/tool_calls")
                .and_then(Value::as_array_mut)
            {
                let mut kept = Vec::new();
                for call in core::mem::take(calls) {
                    let t = call.get("index").and_then(Value::as_u64).unwrap_or(0);
                    if let Some(name) = call.pointer("/function/name").and_then(Value::as_str) {
                        if self.tools.allows(name) {
                            self.kept_calls.insert((c, t));
                        } else if self.dropped_calls.insert((c, t)) {
                            self.tool_calls_removed += 1;
                        }
                    }
                    // Arguments before the name, or a call never named: not known to be
                    // allowed, so dropped (unless every tool is).
                    let named = self.kept_calls.contains(&(c, t));
                    if !named
                        && !matches!(self.tools, Allowed::Any)
                        && self.dropped_calls.insert((c, t))
                    {
                        self.tool_calls_removed += 1;
                    }
                    if !self.dropped_calls.contains(&(c, t)) {
                        kept.push(call);
                    }
                }
                *calls = kept;
                if calls.is_empty() {
                    if let Some(delta) = choice.get_mut("delta").and_then(Value::as_object_mut) {
                        delta.remove("tool_calls");
                    }
                    if choice.get("finish_reason").and_then(Value::as_str) == Some("tool_calls")
                        && !self.kept_calls.iter().any(|(kc, _)| *kc == c)
                    {
                        choice["finish_reason"] = Value::from("stop");
                    }
                }
            }
            let keys: Vec<String> = choice
                .get("delta")
                .and_then(Value::as_object)
                .map(|d| {
                    d.iter()
                        .filter(|(k, v)| *k != "role" && v.is_string())
                        .map(|(k, _)| k.clone())
                        .collect()
                })
                .unwrap_or_default();
            for key in keys {
                let field = Field::ChatDelta {
                    choice: c,
                    key: self.intern(&key)?,
                };
                let p = format!("/delta/{}", pointer_token(&key));
                if let Some(s) = self.take_streamed(choice, &p, field)? {
                    restore.push((format!("{at}{p}"), s));
                }
            }
            let n = choice
                .pointer("/delta/tool_calls")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            for j in 0..n {
                let t = choice
                    .pointer(&format!("/delta/tool_calls/{j}/index"))
                    .and_then(Value::as_u64)
                    .unwrap_or(0);
                let p = format!("/delta/tool_calls/{j}/function/arguments");
                if let Some(s) =
                    self.take_streamed(choice, &p, Field::ChatArguments { choice: c, tool: t })?
                {
                    restore.push((format!("{at}{p}"), s));
                }
            }
            self.legacy_call(choice, c, &at, &mut restore)?;
            if choice.get("finish_reason").is_some_and(|f| !f.is_null()) {
                finished.push(c);
            }
        }
        // A chunk whose every choice only carried text that is still held back says nothing yet.
        let only_held_text = !restore.is_empty()
            && restore.iter().all(|(_, text)| text.is_empty())
            && all.iter().all(|choice| {
                choice.get("finish_reason").is_none_or(Value::is_null)
                    && choice
                        .get("delta")
                        .and_then(Value::as_object)
                        .is_some_and(|d| d.values().all(Value::is_null))
            });
        if only_held_text {
            return Ok(false);
        }
        if let Some(choices) = event.get_mut("choices") {
            *choices = Value::Array(all);
        }
        self.redact_rest(event)?;
        for (pointer, text) in restore {
            if let Some(slot) = event.pointer_mut(&pointer) {
                *slot = Value::String(text);
            }
        }
        if !finished.is_empty() {
            // Whatever these choices still hold goes out before the event that ends them.
            let mut tail = String::new();
            self.flush_where(
                |f| f.choice().is_some_and(|c| finished.contains(&c)),
                &mut tail,
            )?;
            tail.push_str(&render(None, event));
            out.push_str(&tail);
            return Ok(false);
        }
        Ok(true)
    }

    /// A choice's deprecated `delta.function_call`: dropped unless named with an allowed tool
    /// (as a tool call is), its arguments streamed like a tool call's.
    fn legacy_call(
        &mut self,
        choice: &mut Value,
        c: u64,
        at: &str,
        restore: &mut Vec<(String, String)>,
    ) -> Result<(), SseError> {
        let key = (c, LEGACY_CALL);
        if choice.get("finish_reason").and_then(Value::as_str) == Some("function_call")
            && self.dropped_calls.contains(&key)
        {
            choice["finish_reason"] = Value::from("stop");
        }
        if !choice
            .pointer("/delta/function_call")
            .is_some_and(Value::is_object)
        {
            return Ok(());
        }
        if let Some(name) = choice
            .pointer("/delta/function_call/name")
            .and_then(Value::as_str)
        {
            if self.tools.allows(name) {
                self.kept_calls.insert(key);
            }
        }
        let named = self.kept_calls.contains(&key);
        if !named && !matches!(self.tools, Allowed::Any) && self.dropped_calls.insert(key) {
            self.tool_calls_removed += 1;
        }
        if self.dropped_calls.contains(&key) {
            if let Some(delta) = choice.get_mut("delta").and_then(Value::as_object_mut) {
                delta.remove("function_call");
            }
            return Ok(());
        }
        let p = "/delta/function_call/arguments";
        let field = Field::ChatArguments {
            choice: c,
            tool: LEGACY_CALL,
        };
        if let Some(s) = self.take_streamed(choice, p, field)? {
            restore.push((format!("{at}{p}"), s));
        }
        Ok(())
    }

    fn anthropic_event(
        &mut self,
        ty: &str,
        event: &mut Value,
        out: &mut String,
    ) -> Result<bool, SseError> {
        let index = event.get("index").and_then(Value::as_u64);
        if let Some(i) = index {
            if self.dropped_blocks.contains(&i) {
                return Ok(false);
            }
        }
        match (ty, index) {
            ("content_block_start", Some(i)) => {
                let block = event.get("content_block");
                // Server and MCP tool calls are named the same way and checked the same way.
                let is_tool = matches!(
                    block.and_then(|b| b.get("type")).and_then(Value::as_str),
                    Some("tool_use" | "server_tool_use" | "mcp_tool_use")
                );
                let name = block.and_then(|b| b.get("name")).and_then(Value::as_str);
                if is_tool {
                    if !name.is_some_and(|n| self.tools.allows(n)) {
                        self.dropped_blocks.insert(i);
                        self.tool_calls_removed += 1;
                        return Ok(false);
                    }
                    self.kept_blocks.insert(i);
                }
                // A block may start with text: the first piece of the field its deltas continue.
                let streamed_as = match block.and_then(|b| b.get("type")).and_then(Value::as_str) {
                    Some("text") => Some(("text_delta", "text")),
                    Some("thinking") => Some(("thinking_delta", "thinking")),
                    _ => None,
                };
                if let Some((kind, key)) = streamed_as {
                    let field = Field::Block {
                        index: i,
                        kind: self.intern(kind)?,
                        key: self.intern(key)?,
                    };
                    self.delta_event(event, &[(format!("/content_block/{key}"), field)])?;
                    return Ok(true);
                }
            }
            ("content_block_delta", Some(i)) => {
                let kind = event
                    .pointer("/delta/type")
                    .and_then(Value::as_str)
                    .ok_or(SseError::Malformed)?
                    .to_owned();
                // Tool input for a block never started as an allowed tool call: dropped.
                if kind == "input_json_delta"
                    && !self.kept_blocks.contains(&i)
                    && !matches!(self.tools, Allowed::Any)
                {
                    if self.dropped_blocks.insert(i) {
                        self.tool_calls_removed += 1;
                    }
                    return Ok(false);
                }
                let keys: Vec<String> = event
                    .get("delta")
                    .and_then(Value::as_object)
                    .map(|d| {
                        d.iter()
                            .filter(|(k, v)| *k != "type" && v.is_string())
                            .map(|(k, _)| k.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                let kind = self.intern(&kind)?;
                let mut fields = Vec::with_capacity(keys.len());
                for key in keys {
                    let field = Field::Block {
                        index: i,
                        kind,
                        key: self.intern(&key)?,
                    };
                    fields.push((format!("/delta/{}", pointer_token(&key)), field));
                }
                return self.delta_event(event, &fields);
            }
            ("content_block_start" | "content_block_delta" | "content_block_stop", None) => {
                return Err(SseError::Malformed);
            }
            ("content_block_stop", Some(i)) => {
                self.flush_where(|f| f.block() == Some(i), out)?;
            }
            ("message_stop", _) => self.flush_where(|_| true, out)?,
            _ => {}
        }
        if ty == "message_delta" && self.tool_calls_removed > 0 {
            if let Some(reason) = event.pointer_mut("/delta/stop_reason") {
                if reason.as_str() == Some("tool_use") && self.kept_blocks.is_empty() {
                    *reason = Value::from("end_turn");
                }
            }
        }
        self.redact_rest(event)?;
        Ok(true)
    }

    fn responses_event(
        &mut self,
        ty: &str,
        event: &mut Value,
        out: &mut String,
    ) -> Result<bool, SseError> {
        let output = event.get("output_index").and_then(Value::as_u64);
        if let Some(o) = output {
            if self.dropped_outputs.contains(&o) {
                return Ok(false);
            }
        }
        match (ty, output) {
            ("response.output_item.added", Some(o)) => {
                let item = event.get("item");
                let is_call = item.and_then(|i| i.get("type")).and_then(Value::as_str)
                    == Some("function_call");
                let name = item.and_then(|i| i.get("name")).and_then(Value::as_str);
                if is_call && !name.is_some_and(|n| self.tools.allows(n)) {
                    self.dropped_outputs.insert(o);
                    self.tool_calls_removed += 1;
                    return Ok(false);
                }
            }
            ("response.content_part.added", Some(o))
                if event.pointer("/part/text").is_some_and(Value::is_string) =>
            {
                // A part may start with text: the first piece of the output text that follows.
                let field = Field::ResponsesDelta {
                    kind: self.intern("response.output_text.delta")?,
                    output: o,
                    content: event.get("content_index").and_then(Value::as_u64),
                };
                self.delta_event(event, &[("/part/text".to_owned(), field)])?;
                return Ok(true);
            }
            (_, Some(o))
                if ty.ends_with(".delta") && event.get("delta").is_some_and(Value::is_string) =>
            {
                let field = Field::ResponsesDelta {
                    kind: self.intern(ty)?,
                    output: o,
                    content: event.get("content_index").and_then(Value::as_u64),
                };
                return self.delta_event(event, &[("/delta".to_owned(), field)]);
            }
            (_, None)
                if ty.ends_with(".delta") && event.get("delta").is_some_and(Value::is_string) =>
            {
                return Err(SseError::Malformed);
            }
            ("response.output_item.done", Some(o)) => {
                self.flush_where(|f| f.output() == Some(o), out)?;
            }
            (_, Some(o)) if ty.ends_with(".done") => {
                // `response.X.done` ends the `response.X.delta` texts of its output.
                let streamed = format!("{}.delta", ty.trim_end_matches(".done"));
                let kind = self.names.iter().position(|n| *n == streamed);
                self.flush_where(
                    |f| {
                        matches!(f, Field::ResponsesDelta { kind: k, output, .. }
                            if output == o && kind == Some(usize::from(k)))
                    },
                    out,
                )?;
            }
            ("response.completed" | "response.incomplete" | "response.failed", _) => {
                if let Some(response) = event.get_mut("response") {
                    self.tool_calls_removed +=
                        strip_response_tool_calls(response, &self.tools) as u32;
                }
                self.flush_where(|_| true, out)?;
            }
            _ => {}
        }
        self.redact_rest(event)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests;

//! Validation of request bodies: OpenAI Chat Completions, OpenAI Responses, Anthropic Messages,
//! and a generic mode whose text fields are named by JSON pointers. Parsing yields the facts the
//! later steps need — model, requested tokens, offered tools, stream flag — and the JSON pointer
//! of every text field, so redaction can rewrite exactly those strings.
//!
//! Refusals: wrong content type → 415; not UTF-8 or not JSON → 400; wrong shape, too many
//! messages, a text too long or with control characters → 422.

use std::borrow::Cow;

use serde_json::Value;

use crate::error::ApiError;

/// The most messages (or input items) a request may carry.
pub const MAX_MESSAGES: usize = 256;
/// The longest single text field, in bytes.
pub const MAX_TEXT_BYTES: usize = 32 * 1024;

/// Which API a route speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Api {
    /// `POST /v1/chat/completions`.
    ChatCompletions,
    /// `POST /v1/responses`.
    Responses,
    /// `POST /v1/messages`.
    Messages,
    /// A configured route whose text fields are these JSON pointers.
    Generic(Vec<String>),
}

/// The facts of a validated request.
#[derive(Clone, Debug)]
pub struct ChatRequest {
    /// The parsed body.
    pub body: Value,
    /// The model asked for.
    pub model: Option<String>,
    /// `max_tokens` / `max_completion_tokens` / `max_output_tokens`.
    pub max_tokens: Option<u64>,
    /// Tool (function) names offered to the model, and a forced `tool_choice`.
    pub tools: Vec<String>,
    /// True when a streamed (SSE) answer was asked for.
    pub stream: bool,
    /// JSON pointers of every text field.
    pub texts: Vec<String>,
    /// JSON pointers of the free-form objects (tool inputs, metadata) whose keys are text too,
    /// each before the objects inside it.
    pub keyed: Vec<String>,
    /// Total bytes of text, for the token estimate.
    pub text_bytes: usize,
}

impl ChatRequest {
    /// A rough token estimate: text bytes / 4 plus the answer budget.
    pub fn estimated_tokens(&self, default_answer: u64) -> u64 {
        (self.text_bytes as u64).div_ceil(4) + self.max_tokens.unwrap_or(default_answer)
    }
}

fn shape(message: impl Into<String>) -> ApiError {
    ApiError::unprocessable("invalid_shape", message)
}

/// Validates a body for `api`.
pub fn parse(api: &Api, content_type: Option<&str>, body: &[u8]) -> Result<ChatRequest, ApiError> {
    let is_json = content_type
        .and_then(|c| c.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(ApiError::new(
            415,
            "unsupported_media_type",
            "the body must be application/json",
        ));
    }
    let text = core::str::from_utf8(body)
        .map_err(|_| ApiError::bad_request("invalid_utf8", "the body is not valid UTF-8"))?;
    let body: Value = serde_json::from_str(text)
        .map_err(|_| ApiError::bad_request("invalid_json", "the body is not valid JSON"))?;
    if !body.is_object() {
        return Err(shape("the body must be a JSON object"));
    }
    let mut req = ChatRequest {
        model: None,
        max_tokens: None,
        tools: Vec::new(),
        stream: false,
        texts: Vec::new(),
        keyed: Vec::new(),
        text_bytes: 0,
        body: Value::Null,
    };
    match api {
        Api::ChatCompletions => chat_completions(&body, &mut req)?,
        Api::Responses => responses(&body, &mut req)?,
        Api::Messages => messages(&body, &mut req)?,
        Api::Generic(pointers) => generic(&body, pointers, &mut req)?,
    }
    if !matches!(api, Api::Generic(_)) {
        identity_fields(&body, &mut req)?;
    }
    if !matches!(api, Api::Generic(_)) {
        req.stream = match body.get("stream") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(shape("/stream must be a boolean")),
        };
    }
    for pointer in &req.texts {
        let text = resolve(&body, pointer)
            .and_then(Value::as_str)
            .unwrap_or("");
        if text.len() > MAX_TEXT_BYTES {
            return Err(ApiError::unprocessable(
                "text_too_long",
                format!("{pointer} is longer than {MAX_TEXT_BYTES} bytes"),
            ));
        }
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(ApiError::unprocessable(
                "control_characters",
                format!("{pointer} contains control characters"),
            ));
        }
        req.text_bytes += text.len();
    }
    req.body = body;
    Ok(req)
}

fn model(body: &Value, required: bool, req: &mut ChatRequest) -> Result<(), ApiError> {
    match body.get("model") {
        Some(Value::String(m)) if !m.is_empty() => req.model = Some(m.clone()),
        None if !required => {}
        _ => return Err(shape("/model must be a non-empty string")),
    }
    Ok(())
}

fn token_field(body: &Value, names: &[&str], req: &mut ChatRequest) -> Result<(), ApiError> {
    for name in names {
        match body.get(*name) {
            None | Some(Value::Null) => {}
            Some(v) => {
                let n = v
                    .as_u64()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| shape(format!("/{name} must be a positive integer")))?;
                req.max_tokens = Some(req.max_tokens.map_or(n, |m| m.max(n)));
            }
        }
    }
    Ok(())
}

fn list<'v>(body: &'v Value, name: &str, required: bool) -> Result<&'v [Value], ApiError> {
    match body.get(name) {
        Some(Value::Array(items)) => {
            if items.len() > MAX_MESSAGES {
                return Err(ApiError::unprocessable(
                    "too_many_messages",
                    format!("/{name} has more than {MAX_MESSAGES} entries"),
                ));
            }
            if required && items.is_empty() {
                return Err(shape(format!("/{name} must not be empty")));
            }
            Ok(items)
        }
        None if !required => Ok(&[]),
        _ => Err(shape(format!("/{name} must be an array"))),
    }
}

fn text_at(value: Option<&Value>, pointer: String, req: &mut ChatRequest) -> Result<(), ApiError> {
    match value {
        Some(Value::String(_)) => {
            req.texts.push(pointer);
            Ok(())
        }
        _ => Err(shape(format!("{pointer} must be a string"))),
    }
}

/// A text field that may be absent or null.
fn optional_text(
    value: Option<&Value>,
    pointer: String,
    req: &mut ChatRequest,
) -> Result<(), ApiError> {
    match value {
        None | Some(Value::Null) => Ok(()),
        value => text_at(value, pointer, req),
    }
}

/// Fields outside the conversation that reach the model provider and often hold personal
/// data: the end-user id (`user`, `safety_identifier`) and free-form `metadata` (Anthropic's
/// `user_id`). They are text fields like the messages: scanned and redacted.
fn identity_fields(body: &Value, req: &mut ChatRequest) -> Result<(), ApiError> {
    for name in ["user", "safety_identifier"] {
        optional_text(body.get(name), format!("/{name}"), req)?;
    }
    match body.get("metadata") {
        None | Some(Value::Null) => {}
        Some(metadata @ Value::Object(_)) => strings_within(metadata, "/metadata", req),
        Some(_) => return Err(shape("/metadata must be an object")),
    }
    Ok(())
}

/// Text parts: `{"type": "text"|"input_text"|"output_text", "text": ...}`; images pass unscanned
/// (there is no text in them to redact); anything else is refused.
fn parts(parts: &[Value], at: &str, req: &mut ChatRequest) -> Result<(), ApiError> {
    for (j, part) in parts.iter().enumerate() {
        let p = format!("{at}/{j}");
        match part.get("type").and_then(Value::as_str) {
            Some("text" | "input_text" | "output_text") => {
                text_at(part.get("text"), format!("{p}/text"), req)?
            }
            Some("image_url" | "input_image" | "image") => {}
            Some("refusal") => text_at(part.get("refusal"), format!("{p}/refusal"), req)?,
            _ => return Err(shape(format!("{p}/type is not a supported content part"))),
        }
    }
    Ok(())
}

fn function_tools(body: &Value, req: &mut ChatRequest, nested: bool) -> Result<(), ApiError> {
    for (i, tool) in list(body, "tools", false)?.iter().enumerate() {
        let name = if nested {
            tool.pointer("/function/name")
        } else {
            tool.get("name")
        };
        let name = match (
            name.and_then(Value::as_str),
            tool.get("type").and_then(Value::as_str),
        ) {
            (Some(n), _) => n,
            // Built-in tools of the Responses API (`web_search`, ...) are named by their type.
            (None, Some(t)) if !nested && t != "function" => t,
            _ => return Err(shape(format!("/tools/{i} has no name"))),
        };
        req.tools.push(name.to_owned());
    }
    let forced = body
        .get("tool_choice")
        .and_then(|c| c.pointer("/function/name").or_else(|| c.get("name")))
        .and_then(Value::as_str);
    if let Some(name) = forced {
        req.tools.push(name.to_owned());
    }
    Ok(())
}

fn chat_completions(body: &Value, req: &mut ChatRequest) -> Result<(), ApiError> {
    model(body, true, req)?;
    token_field(body, &["max_tokens", "max_completion_tokens"], req)?;
    function_tools(body, req, true)?;
    // The deprecated `functions` / `function_call` offer tools as much as `tools` does.
    for (i, function) in list(body, "functions", false)?.iter().enumerate() {
        let name = function
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| shape(format!("/functions/{i} has no name")))?;
        req.tools.push(name.to_owned());
    }
    if let Some(name) = body.pointer("/function_call/name").and_then(Value::as_str) {
        req.tools.push(name.to_owned());
    }
    // Predicted output is text the provider reads.
    match body.pointer("/prediction/content") {
        None | Some(Value::Null) => {}
        Some(Value::String(_)) => req.texts.push("/prediction/content".into()),
        Some(Value::Array(p)) => parts(p, "/prediction/content", req)?,
        Some(_) => return Err(shape("/prediction/content must be a string or parts")),
    }
    for (i, m) in list(body, "messages", true)?.iter().enumerate() {
        let at = format!("/messages/{i}");
        let role = m.get("role").and_then(Value::as_str);
        if !matches!(
            role,
            Some("system" | "developer" | "user" | "assistant" | "tool" | "function")
        ) {
            return Err(shape(format!("{at}/role must be a chat role")));
        }
        match m.get("content") {
            Some(Value::String(_)) => req.texts.push(format!("{at}/content")),
            Some(Value::Array(p)) => parts(p, &format!("{at}/content"), req)?,
            None | Some(Value::Null) if role == Some("assistant") => {}
            _ => return Err(shape(format!("{at}/content must be a string or parts"))),
        }
        // A participant's name is the person's name as often as not.
        optional_text(m.get("name"), format!("{at}/name"), req)?;
        if m.get("function_call").is_some_and(|c| !c.is_null()) {
            let p = format!("{at}/function_call/arguments");
            text_at(m.pointer("/function_call/arguments"), p, req)?;
        }
        if let Some(calls) = m.get("tool_calls") {
            let calls = calls
                .as_array()
                .ok_or_else(|| shape(format!("{at}/tool_calls must be an array")))?;
            for (j, call) in calls.iter().enumerate() {
                let p = format!("{at}/tool_calls/{j}/function/arguments");
                text_at(call.pointer("/function/arguments"), p, req)?;
            }
        }
    }
    Ok(())
}

fn responses(body: &Value, req: &mut ChatRequest) -> Result<(), ApiError> {
    model(body, true, req)?;
    token_field(body, &["max_output_tokens"], req)?;
    function_tools(body, req, false)?;
    match body.get("instructions") {
        None | Some(Value::Null) => {}
        Some(Value::String(_)) => req.texts.push("/instructions".into()),
        Some(_) => return Err(shape("/instructions must be a string")),
    }
    match body.get("input") {
        Some(Value::String(_)) => req.texts.push("/input".into()),
        Some(Value::Array(_)) => {
            for (i, item) in list(body, "input", true)?.iter().enumerate() {
                let at = format!("/input/{i}");
                match item.get("type").and_then(Value::as_str) {
                    None | Some("message") => match item.get("content") {
                        Some(Value::String(_)) => req.texts.push(format!("{at}/content")),
                        Some(Value::Array(p)) => parts(p, &format!("{at}/content"), req)?,
                        _ => return Err(shape(format!("{at}/content must be a string or parts"))),
                    },
                    Some("function_call") => {
                        text_at(item.get("arguments"), format!("{at}/arguments"), req)?
                    }
                    Some("function_call_output") => {
                        text_at(item.get("output"), format!("{at}/output"), req)?
                    }
                    Some(_) => return Err(shape(format!("{at}/type is not supported"))),
                }
            }
        }
        _ => return Err(shape("/input must be a string or an array")),
    }
    // A stored prompt's variables are put into the prompt the model reads.
    match body.pointer("/prompt/variables") {
        None | Some(Value::Null) => {}
        Some(variables @ Value::Object(_)) => strings_within(variables, "/prompt/variables", req),
        Some(_) => return Err(shape("/prompt/variables must be an object")),
    }
    Ok(())
}

/// Every string inside a JSON value (tool inputs, metadata), as pointers; objects with keys go
/// to [`ChatRequest::keyed`].
fn strings_within(value: &Value, at: &str, req: &mut ChatRequest) {
    match value {
        Value::String(_) => req.texts.push(at.to_owned()),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings_within(v, &format!("{at}/{i}"), req);
            }
        }
        Value::Object(map) => {
            if !map.is_empty() {
                req.keyed.push(at.to_owned());
            }
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                strings_within(v, &format!("{at}/{key}"), req);
            }
        }
        _ => {}
    }
}

fn messages(body: &Value, req: &mut ChatRequest) -> Result<(), ApiError> {
    model(body, true, req)?;
    if body.get("max_tokens").is_none() {
        return Err(shape("/max_tokens is required"));
    }
    token_field(body, &["max_tokens"], req)?;
    function_tools(body, req, false)?;
    match body.get("system") {
        None | Some(Value::Null) => {}
        Some(Value::String(_)) => req.texts.push("/system".into()),
        Some(Value::Array(p)) => parts(p, "/system", req)?,
        Some(_) => return Err(shape("/system must be a string or text blocks")),
    }
    for (i, m) in list(body, "messages", true)?.iter().enumerate() {
        let at = format!("/messages/{i}");
        if !matches!(
            m.get("role").and_then(Value::as_str),
            Some("user" | "assistant")
        ) {
            return Err(shape(format!("{at}/role must be user or assistant")));
        }
        let blocks = match m.get("content") {
            Some(Value::String(_)) => {
                req.texts.push(format!("{at}/content"));
                continue;
            }
            Some(Value::Array(b)) => b,
            _ => return Err(shape(format!("{at}/content must be a string or blocks"))),
        };
        for (j, block) in blocks.iter().enumerate() {
            let p = format!("{at}/content/{j}");
            match block.get("type").and_then(Value::as_str) {
                Some("text") => text_at(block.get("text"), format!("{p}/text"), req)?,
                Some("image") => {}
                Some("tool_use") => {
                    if let Some(input) = block.get("input") {
                        strings_within(input, &format!("{p}/input"), req);
                    }
                }
                Some("tool_result") => match block.get("content") {
                    None | Some(Value::Null) => {}
                    Some(Value::String(_)) => req.texts.push(format!("{p}/content")),
                    Some(Value::Array(inner)) => parts(inner, &format!("{p}/content"), req)?,
                    Some(_) => return Err(shape(format!("{p}/content must be text"))),
                },
                _ => return Err(shape(format!("{p}/type is not a supported block"))),
            }
        }
    }
    Ok(())
}

fn generic(body: &Value, pointers: &[String], req: &mut ChatRequest) -> Result<(), ApiError> {
    model(body, false, req)?;
    for pointer in pointers {
        match resolve(body, pointer) {
            None | Some(Value::Null) => {}
            Some(Value::String(_)) => req.texts.push(pointer.clone()),
            Some(_) => return Err(shape(format!("{pointer} must be a string"))),
        }
    }
    Ok(())
}

/// The value at JSON pointer `pointer` (RFC 6901) in `value`: what [`Value::pointer`] returns,
/// without its two allocations per reference token (it unescapes every token, `~` or not). The
/// edge resolves each text field's pointer several times per request, so this shows.
pub fn resolve<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let mut target = value;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = unescape(token);
        target = match target {
            Value::Object(map) => map.get(token.as_ref())?,
            Value::Array(list) => list.get(array_index(&token)?)?,
            _ => return None,
        };
    }
    Some(target)
}

/// [`resolve`], mutable: what [`Value::pointer_mut`] returns.
pub fn resolve_mut<'v>(value: &'v mut Value, pointer: &str) -> Option<&'v mut Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let mut target = value;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = unescape(token);
        target = match target {
            Value::Object(map) => map.get_mut(token.as_ref())?,
            Value::Array(list) => list.get_mut(array_index(&token)?)?,
            _ => return None,
        };
    }
    Some(target)
}

/// A pointer's reference token unescaped (`~1` → `/`, then `~0` → `~`); borrowed when it has
/// no `~`, as almost every token has not.
pub fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// An array index token as RFC 6901 (and `serde_json`) reads it: digits, no sign, no leading
/// zero.
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resolve_agrees_with_serde_json_pointer() {
        let mut doc = json!({ "messages": [{ "content": "a" }, { "content": [{ "text": "b" }] }],
            "a/b": { "m~n": 1 }, "": { "": 2 }, "01": 3, "list": [0, 1, 2] });
        let pointers = [
            "",
            "/",
            "/messages",
            "/messages/0/content",
            "/messages/1/content/0/text",
            "/messages/01/content",
            "/messages/+1",
            "/messages/-",
            "/messages/2",
            "/a~1b/m~0n",
            "/a~1b/m~n",
            "/a/b",
            "//",
            "/01",
            "/list/1",
            "/list/1/x",
            "messages",
            "/messages/",
            "/list/18446744073709551616",
            "/~2",
            "/a~1b/m~0n/deeper",
        ];
        for pointer in pointers {
            assert_eq!(resolve(&doc, pointer), doc.pointer(pointer), "{pointer}");
            let expected = doc.clone().pointer_mut(pointer).map(|v| v.clone());
            assert_eq!(
                resolve_mut(&mut doc, pointer).map(|v| v.clone()),
                expected,
                "{pointer}"
            );
        }
    }

    const JSON: Option<&str> = Some("application/json; charset=utf-8");

    fn ok(api: &Api, body: Value) -> ChatRequest {
        parse(api, JSON, body.to_string().as_bytes()).expect("valid")
    }

    fn code(api: &Api, content_type: Option<&str>, body: &[u8]) -> (u16, &'static str) {
        let e = parse(api, content_type, body).expect_err("invalid");
        (e.status, e.code)
    }

    #[test]
    fn chat_completions_texts_and_facts() {
        let r = ok(
            &Api::ChatCompletions,
            json!({"model": "m", "max_tokens": 50, "stream": true,
            "tools": [{"type": "function", "function": {"name": "lookup"}}],
            "messages": [
                {"role": "system", "content": "be brief"},
                {"role": "user", "content": [{"type": "text", "text": "hi"},
                    {"type": "image_url", "image_url": {"url": "x"}}]},
                {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "1", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}]}
            ]}),
        );
        assert_eq!(
            r.texts,
            [
                "/messages/0/content",
                "/messages/1/content/0/text",
                "/messages/2/tool_calls/0/function/arguments"
            ]
        );
        assert_eq!(r.model.as_deref(), Some("m"));
        assert_eq!(r.max_tokens, Some(50));
        assert_eq!(r.tools, ["lookup"]);
        assert!(r.stream);
        assert_eq!(r.estimated_tokens(0), 50 + 3); // 12 text bytes / 4
    }

    #[test]
    fn responses_and_messages_texts() {
        let r = ok(
            &Api::Responses,
            json!({"model": "m", "instructions": "x", "input": [
                {"role": "user", "content": [{"type": "input_text", "text": "a"}]},
                {"type": "function_call_output", "call_id": "c", "output": "b"}]}),
        );
        assert_eq!(
            r.texts,
            [
                "/instructions",
                "/input/0/content/0/text",
                "/input/1/output"
            ]
        );
        let r = ok(&Api::Responses, json!({"model": "m", "input": "hello"}));
        assert_eq!(r.texts, ["/input"]);
        let r = ok(
            &Api::Messages,
            json!({"model": "m", "max_tokens": 9, "system": "s", "messages": [
                {"role": "user", "content": "a"},
                {"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "f",
                    "input": {"q/x": "b"}}]},
                {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t",
                    "content": "c"}]}]}),
        );
        assert_eq!(
            r.texts,
            [
                "/system",
                "/messages/0/content",
                "/messages/1/content/0/input/q~1x",
                "/messages/2/content/0/content"
            ]
        );
    }

    #[test]
    fn generic_mode_reads_pointers() {
        let api = Api::Generic(vec!["/question".into(), "/missing".into()]);
        let r = ok(&api, json!({"question": "q"}));
        assert_eq!(r.texts, ["/question"]);
        let (status, c) = code(&api, JSON, br#"{"question": 5}"#);
        assert_eq!((status, c), (422, "invalid_shape"));
    }

    #[test]
    fn refusals_have_their_status_and_code() {
        let chat = Api::ChatCompletions;
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        let many: Vec<Value> = (0..=MAX_MESSAGES)
            .map(|_| json!({"role": "user", "content": "a"}))
            .collect();
        let cases: Vec<(Option<&str>, Vec<u8>, u16, &str)> = vec![
            (None, b"{}".to_vec(), 415, "unsupported_media_type"),
            (Some("text/plain"), b"{}".to_vec(), 415, "unsupported_media_type"),
            (JSON, vec![b'{', 0xff, b'}'], 400, "invalid_utf8"),
            (JSON, b"{\"model\":".to_vec(), 400, "invalid_json"),
            (JSON, b"[]".to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"messages": []}"#.to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"model": "m", "messages": []}"#.to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"model": "m", "messages": [{"role": "root", "content": "a"}]}"#.to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"model": "m", "messages": [{"role": "user", "content": 5}]}"#.to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"model": "m", "stream": "yes", "messages": [{"role": "user", "content": "a"}]}"#.to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"model": "m", "max_tokens": -1, "messages": [{"role": "user", "content": "a"}]}"#.to_vec(), 422, "invalid_shape"),
            (JSON, br#"{"model": "m", "messages": [{"role": "user", "content": "a\u0000b"}]}"#.to_vec(), 422, "control_characters"),
            (JSON, json!({"model": "m", "messages": [{"role": "user", "content": long}]}).to_string().into_bytes(), 422, "text_too_long"),
            (JSON, json!({"model": "m", "messages": many}).to_string().into_bytes(), 422, "too_many_messages"),
        ];
        for (ct, body, status, want) in cases {
            assert_eq!(
                code(&chat, ct, &body),
                (status, want),
                "{}",
                String::from_utf8_lossy(&body)
            );
        }
        let msgs = Api::Messages;
        let no_max = br#"{"model": "m", "messages": [{"role": "user", "content": "a"}]}"#;
        assert_eq!(code(&msgs, JSON, no_max), (422, "invalid_shape"));
        let bad_block = br#"{"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "video"}]}]}"#;
        assert_eq!(code(&msgs, JSON, bad_block), (422, "invalid_shape"));
    }

    /// The deprecated `functions` / `function_call` are tools like `tools`: named for RBAC, and
    /// an earlier call's arguments are text.
    #[test]
    fn legacy_functions_are_tools() {
        let r = ok(
            &Api::ChatCompletions,
            json!({"model": "m", "functions": [{"name": "delete_account", "parameters": {}}],
            "function_call": {"name": "wipe"},
            "messages": [{"role": "assistant", "content": null,
                "function_call": {"name": "delete_account", "arguments": "{}"}},
                {"role": "function", "name": "delete_account", "content": "done"}]}),
        );
        assert_eq!(r.tools, ["delete_account", "wipe"]);
        assert_eq!(
            r.texts,
            [
                "/messages/0/function_call/arguments",
                "/messages/1/content",
                "/messages/1/name"
            ]
        );
        let (status, c) = code(
            &Api::ChatCompletions,
            JSON,
            br#"{"model": "m", "functions": [{}], "messages": [{"role": "user", "content": "a"}]}"#,
        );
        assert_eq!((status, c), (422, "invalid_shape"));
    }

    /// Fields besides the messages that carry personal data to the model provider: the
    /// end-user id (`user`, `safety_identifier`), `metadata` (Anthropic's `user_id`), a chat
    /// participant's `name`, predicted output, a stored prompt's variables. All are text
    /// fields, so they are scanned and redacted.
    #[test]
    fn identity_and_metadata_fields_are_text_fields() {
        let r = ok(
            &Api::ChatCompletions,
            json!({"model": "m", "user": "jane.doe@example.com",
            "metadata": {"customer": "Jane Doe", "tier": {"deep": ["x"]}, "n": 1},
            "messages": [{"role": "user", "name": "Jane Doe", "content": "hi"}]}),
        );
        assert_eq!(
            r.texts,
            [
                "/messages/0/content",
                "/messages/0/name",
                "/user",
                "/metadata/customer",
                "/metadata/tier/deep/0"
            ]
        );
        let r = ok(
            &Api::Responses,
            json!({"model": "m", "input": "hi", "user": "u", "safety_identifier": "s",
                "prompt": {"id": "pmpt_1", "variables": {"customer": "Jane Doe"}}}),
        );
        assert_eq!(
            r.texts,
            [
                "/input",
                "/prompt/variables/customer",
                "/user",
                "/safety_identifier"
            ]
        );
        let r = ok(
            &Api::ChatCompletions,
            json!({"model": "m", "prediction": {"type": "content", "content": "Dear Jane"},
                "messages": [{"role": "user", "content": "a"}]}),
        );
        assert_eq!(r.texts, ["/prediction/content", "/messages/0/content"]);
        let r = ok(
            &Api::Messages,
            json!({"model": "m", "max_tokens": 9, "metadata": {"user_id": "jane@example.com"},
            "messages": [{"role": "user", "content": "a"}]}),
        );
        assert_eq!(r.texts, ["/messages/0/content", "/metadata/user_id"]);
        let (status, c) = code(
            &Api::ChatCompletions,
            JSON,
            br#"{"model": "m", "user": 5, "messages": [{"role": "user", "content": "a"}]}"#,
        );
        assert_eq!((status, c), (422, "invalid_shape"));
    }
}

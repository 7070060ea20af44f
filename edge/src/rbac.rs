//! Authorization (least privilege): the role decides which routes, models, answer sizes and tools
//! a request may use. A request that asks for more is refused with 403; tool calls to tools the
//! role lacks are removed from the conversation history sent to the origin and from the origin's
//! answers (JSON here, streams in [`crate::sse`]).

use serde_json::Value;

use crate::error::ApiError;
use crate::roles::{Allowed, Role};
use crate::shape::ChatRequest;

/// Checks that the role may call `route` (a path, or a route template such as
/// [`crate::deletion::ROUTE`]).
pub fn authorize_route(role: &Role, route: &str) -> Result<(), ApiError> {
    if role.routes.iter().any(|r| r == route) {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "forbidden_route",
            "this route is not allowed for the caller's role",
        ))
    }
}

/// Checks a validated request against its role.
pub fn authorize(role: &Role, route: &str, req: &ChatRequest) -> Result<(), ApiError> {
    authorize_route(role, route)?;
    if let Some(model) = &req.model {
        if !role.models.allows(model) {
            return Err(ApiError::forbidden(
                "forbidden_model",
                "this model is not allowed for the caller's role",
            ));
        }
    }
    if req.max_tokens.is_some_and(|n| n > role.max_tokens) {
        return Err(ApiError::forbidden(
            "forbidden_max_tokens",
            format!(
                "the caller's role allows at most {} tokens",
                role.max_tokens
            ),
        ));
    }
    if req.tools.iter().any(|t| !role.tools.allows(t)) {
        return Err(ApiError::forbidden(
            "forbidden_tool",
            "a requested tool is not allowed for the caller's role",
        ));
    }
    Ok(())
}

/// Removes calls to disallowed tools from the request's history (OpenAI `tool_calls`, Responses
/// `function_call` items, Anthropic `tool_use` blocks). Returns how many were removed.
/// Call before collecting text pointers again: indices shift.
pub fn strip_request_tool_calls(body: &mut Value, tools: &Allowed) -> usize {
    let mut removed = 0;
    if let Some(messages) = body.get_mut("messages").and_then(Value::as_array_mut) {
        for m in messages.iter_mut() {
            removed += strip_openai_calls(m, tools);
            if let Some(blocks) = m.get_mut("content").and_then(Value::as_array_mut) {
                removed += retain(blocks, |b| !is_disallowed(b, "tool_use", "/name", tools));
            }
        }
    }
    if let Some(items) = body.get_mut("input").and_then(Value::as_array_mut) {
        removed += retain(items, |i| {
            !is_disallowed(i, "function_call", "/name", tools)
        });
    }
    removed
}

/// Removes calls to disallowed tools from a JSON answer of any of the three APIs. Returns how
/// many were removed.
pub fn strip_response_tool_calls(body: &mut Value, tools: &Allowed) -> usize {
    let mut removed = 0;
    if let Some(choices) = body.get_mut("choices").and_then(Value::as_array_mut) {
        for choice in choices.iter_mut() {
            if let Some(message) = choice.get_mut("message") {
                let n = strip_openai_calls(message, tools);
                if n > 0
                    && message.get("tool_calls").is_none()
                    && message.get("function_call").is_none()
                {
                    choice["finish_reason"] = Value::from("stop");
                }
                removed += n;
            }
        }
    }
    if let Some(blocks) = body.get_mut("content").and_then(Value::as_array_mut) {
        // Server and MCP tool calls are named the same way and checked the same way.
        let n = retain(blocks, |b| {
            ["tool_use", "server_tool_use", "mcp_tool_use"]
                .iter()
                .all(|kind| !is_disallowed(b, kind, "/name", tools))
        });
        let any_left = blocks
            .iter()
            .any(|b| b.get("type").and_then(Value::as_str) == Some("tool_use"));
        if n > 0 && !any_left && body.get("stop_reason").and_then(Value::as_str) == Some("tool_use")
        {
            body["stop_reason"] = Value::from("end_turn");
        }
        removed += n;
    }
    if let Some(items) = body.get_mut("output").and_then(Value::as_array_mut) {
        removed += retain(items, |i| {
            !is_disallowed(i, "function_call", "/name", tools)
        });
    }
    removed
}

fn strip_openai_calls(message: &mut Value, tools: &Allowed) -> usize {
    let mut removed = 0;
    // The deprecated single `function_call`.
    let legacy = message
        .get("function_call")
        .filter(|c| !c.is_null())
        .map(|c| c.get("name").and_then(Value::as_str));
    if let Some(name) = legacy {
        if !name.is_some_and(|n| tools.allows(n)) {
            if let Some(m) = message.as_object_mut() {
                m.remove("function_call");
            }
            removed += 1;
        }
    }
    let Some(calls) = message.get_mut("tool_calls").and_then(Value::as_array_mut) else {
        return removed;
    };
    removed += retain(calls, |c| {
        c.pointer("/function/name")
            .and_then(Value::as_str)
            .is_some_and(|n| tools.allows(n))
    });
    if calls.is_empty() {
        if let Some(m) = message.as_object_mut() {
            m.remove("tool_calls");
        }
    }
    removed
}

fn is_disallowed(item: &Value, kind: &str, name_at: &str, tools: &Allowed) -> bool {
    item.get("type").and_then(Value::as_str) == Some(kind)
        && !item
            .pointer(name_at)
            .and_then(Value::as_str)
            .is_some_and(|n| tools.allows(n))
}

fn retain(items: &mut Vec<Value>, keep: impl Fn(&Value) -> bool) -> usize {
    let before = items.len();
    items.retain(keep);
    before - items.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::{RateLimit, Role};
    use crate::shape::{parse, Api};
    use serde_json::json;

    fn role() -> Role {
        Role {
            name: "r".into(),
            routes: vec!["/v1/chat/completions".into()],
            models: Allowed::Only(vec!["small".into()]),
            max_tokens: 100,
            tools: Allowed::Only(vec!["lookup".into()]),
            unredacted: chatguard::CategorySet::EMPTY,
            rate_limit: RateLimit {
                requests: 1,
                tokens: 1,
                window_secs: 1,
            },
        }
    }

    fn request(extra: Value) -> ChatRequest {
        let mut body = json!({"model": "small", "messages": [{"role": "user", "content": "hi"}]});
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        parse(
            &Api::ChatCompletions,
            Some("application/json"),
            body.to_string().as_bytes(),
        )
        .expect("valid")
    }

    #[test]
    fn route_templates_are_matched_exactly() {
        let mut r = role();
        assert_eq!(
            authorize_route(&r, crate::deletion::ROUTE).map_err(|e| e.code),
            Err("forbidden_route")
        );
        r.routes.push(crate::deletion::ROUTE.to_owned());
        assert_eq!(authorize_route(&r, crate::deletion::ROUTE), Ok(()));
        assert_eq!(
            authorize_route(&r, "/v1/conversations/abc").map_err(|e| e.code),
            Err("forbidden_route")
        );
    }

    #[test]
    fn each_excess_has_its_code() {
        let r = role();
        assert_eq!(
            authorize(&r, "/v1/chat/completions", &request(json!({}))),
            Ok(())
        );
        let cases = [
            ("/v1/messages", json!({}), "forbidden_route"),
            (
                "/v1/chat/completions",
                json!({"model": "large"}),
                "forbidden_model",
            ),
            (
                "/v1/chat/completions",
                json!({"max_tokens": 101}),
                "forbidden_max_tokens",
            ),
            (
                "/v1/chat/completions",
                json!({"tools": [{"type": "function", "function": {"name": "delete_account"}}]}),
                "forbidden_tool",
            ),
            (
                "/v1/chat/completions",
                json!({"tool_choice": {"type": "function", "function": {"name": "delete_account"}}}),
                "forbidden_tool",
            ),
            // The deprecated function-calling fields offer tools too.
            (
                "/v1/chat/completions",
                json!({"functions": [{"name": "delete_account"}]}),
                "forbidden_tool",
            ),
            (
                "/v1/chat/completions",
                json!({"function_call": {"name": "delete_account"}}),
                "forbidden_tool",
            ),
        ];
        for (route, extra, code) in cases {
            let e = authorize(&r, route, &request(extra)).expect_err("refused");
            assert_eq!((e.status, e.code), (403, code));
        }
    }

    #[test]
    fn disallowed_calls_leave_requests_and_answers() {
        let tools = role().tools;
        let mut req = json!({"messages": [
            {"role": "assistant", "tool_calls": [
                {"function": {"name": "lookup", "arguments": "{}"}},
                {"function": {"name": "delete_account", "arguments": "{}"}}]},
            {"role": "assistant", "content": [{"type": "tool_use", "name": "wipe", "input": {}}]}]});
        assert_eq!(strip_request_tool_calls(&mut req, &tools), 2);
        assert_eq!(
            req["messages"][0]["tool_calls"].as_array().map(Vec::len),
            Some(1)
        );

        let mut legacy = json!({"choices": [{"finish_reason": "function_call", "message": {
            "role": "assistant", "content": null,
            "function_call": {"name": "delete_account", "arguments": "{}"}}}]});
        assert_eq!(strip_response_tool_calls(&mut legacy, &tools), 1);
        assert!(legacy["choices"][0]["message"]
            .get("function_call")
            .is_none());
        assert_eq!(legacy["choices"][0]["finish_reason"], "stop");
        let mut openai = json!({"choices": [{"finish_reason": "tool_calls", "message": {
            "role": "assistant", "tool_calls": [{"function": {"name": "delete_account"}}]}}]});
        assert_eq!(strip_response_tool_calls(&mut openai, &tools), 1);
        assert!(openai["choices"][0]["message"].get("tool_calls").is_none());
        assert_eq!(openai["choices"][0]["finish_reason"], "stop");

        let mut anthropic = json!({"stop_reason": "tool_use", "content": [
            {"type": "text", "text": "ok"}, {"type": "tool_use", "name": "wipe", "input": {}},
            {"type": "server_tool_use", "name": "web_fetch", "input": {}},
            {"type": "mcp_tool_use", "name": "drop_table", "input": {}}]});
        assert_eq!(strip_response_tool_calls(&mut anthropic, &tools), 3);
        assert_eq!(anthropic["stop_reason"], "end_turn");

        let mut responses = json!({"output": [{"type": "function_call", "name": "wipe"},
            {"type": "function_call", "name": "lookup"}]});
        assert_eq!(strip_response_tool_calls(&mut responses, &tools), 1);
    }
}

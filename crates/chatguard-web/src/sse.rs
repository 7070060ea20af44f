//! Streamed answers: a Server-Sent Events decoder that pulls the text out of OpenAI-compatible
//! (`choices[0].delta.content`, `[DONE]`; Responses API `response.output_text.delta`) and
//! Anthropic (`content_block_delta` / `text_delta`, `message_stop`, `error`) event shapes, and
//! the same for whole JSON replies.
//!
//! Chunks may end anywhere — inside a line, a field or a UTF-8 character is the caller's
//! concern (the browser's `TextDecoder` with `stream: true` hands over whole characters). Only an
//! unfinished line is buffered, and a line longer than [`MAX_LINE`] is an error, so memory stays
//! bounded whatever the server sends.

use serde_json::Value;

/// The longest SSE line accepted (an event's `data:` field), in bytes.
pub const MAX_LINE: usize = 1 << 20;

/// What one pushed chunk produced.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SseStep {
    /// The answer text in this chunk, as the server sent it.
    pub text: String,
    /// True once the stream said it is complete.
    pub done: bool,
    /// The message of an error event, if one arrived.
    pub error: Option<String>,
}

/// Decodes an event stream chunk by chunk.
#[derive(Debug, Default)]
pub struct SseDecoder {
    line: String,
    event: String,
    data: String,
    done: bool,
}

impl SseDecoder {
    /// Takes the next chunk and returns the text, completion and error it finished.
    pub fn push(&mut self, chunk: &str) -> SseStep {
        let mut step = SseStep::default();
        let mut rest = chunk;
        while let Some(newline) = rest.find('\n') {
            self.line.push_str(&rest[..newline]);
            rest = &rest[newline + 1..];
            let line = core::mem::take(&mut self.line);
            self.line_done(line.strip_suffix('\r').unwrap_or(&line), &mut step);
        }
        self.line.push_str(rest);
        if self.line.len() > MAX_LINE {
            self.line.clear();
            step.error = Some("the answer stream sent an over-long line".to_owned());
        }
        step.done |= self.done;
        step
    }

    fn line_done(&mut self, line: &str, step: &mut SseStep) {
        if line.is_empty() {
            self.dispatch(step);
            return;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "data" => {
                if !self.data.is_empty() {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                if self.data.len() > MAX_LINE {
                    self.data.clear();
                    step.error = Some("the answer stream sent an over-long event".to_owned());
                }
            }
            "event" => value.clone_into(&mut self.event),
            _ => {} // comments (`: keep-alive`), id, retry
        }
    }

    fn dispatch(&mut self, step: &mut SseStep) {
        let data = core::mem::take(&mut self.data);
        let event = core::mem::take(&mut self.event);
        if data.is_empty() {
            return;
        }
        if data.trim() == "[DONE]" {
            self.done = true;
            return;
        }
        let Ok(json) = crate::parse_json(&data) else {
            step.error = Some("the answer stream sent an unreadable event".to_owned());
            return;
        };
        let kind = json["type"].as_str().unwrap_or(&event);
        match kind {
            "message_stop" | "response.completed" => self.done = true,
            "error" | "response.failed" => step.error = Some(error_message(&json)),
            _ if !json["error"].is_null() => step.error = Some(error_message(&json)),
            "content_block_delta" => {
                if let Some(text) = json["delta"]["text"].as_str() {
                    step.text.push_str(text);
                }
            }
            "response.output_text.delta" => {
                if let Some(text) = json["delta"].as_str() {
                    step.text.push_str(text);
                }
            }
            _ => {
                if let Some(text) = json["choices"][0]["delta"]["content"].as_str() {
                    step.text.push_str(text);
                }
            }
        }
    }
}

fn error_message(json: &Value) -> String {
    json["error"]["message"]
        .as_str()
        .or_else(|| json["error"].as_str())
        .or_else(|| json["response"]["error"]["message"].as_str())
        .unwrap_or("the answer stream reported an error")
        .to_owned()
}

/// The text of a whole JSON reply: an OpenAI chat completion (`choices[0].message.content`),
/// a Responses API object (`output_text`, or the `output_text` parts of `output`) or an
/// Anthropic message (the `text` blocks of `content`).
pub fn reply_text(body: &str) -> Option<String> {
    let json = crate::parse_json(body).ok()?;
    if let Some(text) = json["choices"][0]["message"]["content"].as_str() {
        return Some(text.to_owned());
    }
    if let Some(text) = json["output_text"].as_str() {
        return Some(text.to_owned());
    }
    let blocks = json["content"].as_array().or_else(|| {
        json["output"]
            .as_array()
            .and_then(|items| items.first())
            .and_then(|item| item["content"].as_array())
    })?;
    let text: String = blocks
        .iter()
        .filter(|b| matches!(b["type"].as_str(), Some("text" | "output_text")))
        .filter_map(|b| b["text"].as_str())
        .collect();
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(chunks: &[&str]) -> SseStep {
        let mut decoder = SseDecoder::default();
        let mut all = SseStep::default();
        for chunk in chunks {
            let step = decoder.push(chunk);
            all.text.push_str(&step.text);
            all.done |= step.done;
            if step.error.is_some() {
                all.error = step.error;
            }
        }
        all
    }

    const OPENAI: &str = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n\
        data: {\"choices\":[{\"delta\":{\"content\":\"Hello \"}}]}\r\n\r\n\
        : keep-alive\n\n\
        data: {\"choices\":[{\"delta\":{\"content\":\"[EMAIL_1]\"},\"finish_reason\":null}]}\n\n\
        data: [DONE]\n\n";

    const ANTHROPIC: &str = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{}}\n\n\
        event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello \"}}\n\n\
        event: ping\ndata: {\"type\": \"ping\"}\n\n\
        event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"[EMAIL_1]\"}}\n\n\
        event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    #[test]
    fn both_shapes_decode_whatever_the_chunking() {
        for stream in [OPENAI, ANTHROPIC] {
            for split in 0..stream.len() {
                if !stream.is_char_boundary(split) {
                    continue;
                }
                let step = decode_all(&[&stream[..split], &stream[split..]]);
                assert_eq!(step.text, "Hello [EMAIL_1]", "split at {split}");
                assert!(step.done);
                assert_eq!(step.error, None);
            }
        }
    }

    #[test]
    fn responses_api_deltas_decode() {
        let step = decode_all(&[
            "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n",
            "data: {\"type\":\"response.completed\",\"response\":{}}\n\n",
        ]);
        assert_eq!(step.text, "Hi");
        assert!(step.done);
    }

    #[test]
    fn error_events_and_garbage_are_reported() {
        let step = decode_all(&[
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n",
        ]);
        assert_eq!(step.error.as_deref(), Some("Overloaded"));
        let step = decode_all(&["data: {\"error\":{\"message\":\"rate limited\"}}\n\n"]);
        assert_eq!(step.error.as_deref(), Some("rate limited"));
        let step = decode_all(&["data: <html>\n\n"]);
        assert!(step.error.is_some());
        assert!(!step.done);
    }

    #[test]
    fn over_long_lines_are_dropped_with_an_error() {
        let mut decoder = SseDecoder::default();
        let big = "x".repeat(MAX_LINE + 1);
        assert!(decoder.push(&format!("data: {big}")).error.is_some());
        let step = decoder.push("\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\n");
        assert_eq!(step.text, "ok");
    }

    #[test]
    fn whole_replies_of_each_shape() {
        let openai = r#"{"choices":[{"message":{"role":"assistant","content":"Hi [EMAIL_1]"}}]}"#;
        let anthropic = r#"{"type":"message","content":[{"type":"text","text":"Hi "},{"type":"text","text":"[EMAIL_1]"}]}"#;
        let responses = r#"{"output":[{"type":"message","content":[{"type":"output_text","text":"Hi [EMAIL_1]"}]}]}"#;
        for body in [openai, anthropic, responses] {
            assert_eq!(reply_text(body).as_deref(), Some("Hi [EMAIL_1]"), "{body}");
        }
        assert_eq!(reply_text("{\"nothing\":1}"), None);
        assert_eq!(reply_text("not json"), None);
    }
}

//! Every string of a request body, classified: the edge fails closed, so a string is **text**
//! (scanned for personal data, secrets and injection) unless it sits at a position this module
//! knows to be structural for the route's API. Unknown top-level parameters, unknown members of
//! a message or a content part, tool descriptions and JSON Schemas — all of it is walked, and
//! every string in it is text. So is every object key that is not a known member name (the keys
//! of metadata, of tool inputs and of JSON Schema `properties`, an unknown member's name).
//!
//! Structural, and not scanned:
//! * `type`, `role` and enum values (`detail`, `effort`, ...) that are one of a fixed list of
//!   words for their position; any other value there is text;
//! * the model (1–256 of `[A-Za-z0-9._:/+@-]`) and tool names (1–128 of `[A-Za-z0-9_-]`), which
//!   RBAC checks against the role; another shape is 422 `invalid_shape`;
//! * inline binary data — a `data:` URL of an image or a PDF, base64 audio or an Anthropic base64
//!   source — checked by [`super::binary`] (media type, base64, signature), else 422
//!   `invalid_data`;
//! * blobs the model provider sealed — a thinking block's `signature`, `redacted_thinking`
//!   `data`, a reasoning item's `encrypted_content` — which must be base64 ([`binary::sealed`]),
//!   else 422 `invalid_data`. The thinking and the reasoning summaries themselves are text.
//!
//! Ids (`id`, `call_id`, `tool_call_id`, `tool_use_id`, `previous_response_id`, `file_id`,
//! ...) are attacker-chosen strings too: they must be 1–128 of `[A-Za-z0-9_-]` (else 422
//! `invalid_id`) and are then scanned as text like any other — real ids hold nothing the detector
//! finds, and an id that does hold personal data is redacted rather than passed on. A remote
//! image or file URL is text: the detector finds credentials, keys and addresses in URLs.
//!
//! Nothing nested deeper than [`MAX_DEPTH`] levels or [`MAX_POINTER_BYTES`] of pointer is accepted
//! (422 `too_deep`), and error messages name
//! a position with its known member names and indices only — an unknown key shows as `*`, so a
//! refusal never echoes what was sent.

use core::fmt::Write as _;

use serde_json::{Map, Value};

use super::binary::{self, Format, Media};
use super::{Api, MAX_TEXT_BYTES};
use crate::error::ApiError;

/// The deepest nesting of arrays and objects a request may have.
pub const MAX_DEPTH: usize = 32;
/// The longest JSON pointer of a value in a request, in bytes.
pub const MAX_POINTER_BYTES: usize = 1024;

/// What the walk found: the pointers [`super::ChatRequest`] keeps.
#[derive(Debug, Default)]
pub(super) struct Fields {
    /// Every string to scan, as a JSON pointer.
    pub texts: Vec<String>,
    /// Every object member whose key is text, each before the members inside it.
    pub free_keys: Vec<String>,
    /// Bytes of text in `texts` and `free_keys`.
    pub text_bytes: usize,
}

/// Classifies every string of `body`, a JSON object already validated for `api`.
pub(super) fn collect(api: &Api, body: &Value) -> Result<Fields, ApiError> {
    let shape = match api {
        Api::ChatCompletions => Shape::ChatBody,
        Api::Responses => Shape::ResponsesBody,
        Api::Messages => Shape::MessagesBody,
        Api::Generic(_) => Shape::GenericBody,
    };
    let mut walk = Walk {
        fields: Fields::default(),
        path: String::with_capacity(64),
        segments: Vec::with_capacity(MAX_DEPTH + 1),
    };
    walk.value(Slot::Object(shape), body)?;
    Ok(walk.fields)
}

/// How a string at one position is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leaf {
    /// Free text: scanned.
    Text,
    /// Structural when one of these words, text otherwise.
    Word(&'static [&'static str]),
    /// An opaque id: shape-checked, then scanned.
    Id,
    /// A tool or function name: shape-checked; RBAC checks the name.
    ToolName,
    /// The model: shape-checked; RBAC checks the name.
    Model,
    /// An image or file reference: a `data:` URL is checked and passed, anything else is text.
    Url(Media),
    /// Base64 of this format (`None`: the media type beside it is not one the edge takes).
    Base64(Option<Format>),
    /// A blob the model provider sealed: base64, passed unscanned.
    Sealed,
}

/// What a value at one position is. Arrays are transparent: each item has the slot of the array
/// (but in a list where one id, name, model or binary value belongs, each item is text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// A string of this kind; an object here is free-form (every key and string in it is text).
    Leaf(Leaf),
    /// An object with these known members; a string here is [`Shape::bare`].
    Object(Shape),
    /// An object whose keys are text (JSON Schema `properties`, prompt variables) and whose
    /// values have this shape.
    MapOf(Shape),
}

const TEXT: Slot = Slot::Leaf(Leaf::Text);
const ID: Slot = Slot::Leaf(Leaf::Id);

/// The objects of the three APIs whose members the edge knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    ChatBody,
    ResponsesBody,
    MessagesBody,
    GenericBody,
    /// A chat message, a Responses input item or an Anthropic message.
    Message,
    /// A content part or block of any of the three APIs (and a Chat Completions `file`).
    Part,
    /// An Anthropic image or document `source`.
    Source,
    /// `{"url", "detail"}` of a Chat Completions image part.
    ImageUrl,
    /// `{"data", "format"}` of a Chat Completions audio part.
    InputAudio,
    /// A Chat Completions `tool_calls` entry.
    ToolCall,
    /// `function` / `custom` of a tool call: a name and its arguments.
    Call,
    /// A tool definition of any of the three APIs (and its nested `function`).
    Tool,
    /// `tool_choice` / `function_call`.
    ToolChoice,
    /// `response_format`, or Responses `text.format`, or its nested `json_schema`.
    Format,
    /// A JSON Schema (tool parameters, structured output).
    Schema,
    /// Cache hints on parts and tools.
    CacheControl,
    /// A stored prompt: id, version and variables.
    Prompt,
    /// An object naming something by id (`audio`, `conversation`).
    IdRef,
    /// Smaller option objects with known members.
    Options,
}

/// Part, block, item, tool and format types of the three APIs.
const TYPES: &[&str] = &[
    "text",
    "input_text",
    "output_text",
    "image_url",
    "input_image",
    "image",
    "refusal",
    "file",
    "input_file",
    "input_audio",
    "document",
    "tool_use",
    "tool_result",
    "thinking",
    "redacted_thinking",
    "reasoning",
    "summary_text",
    "reasoning_text",
    "message",
    "function_call",
    "function_call_output",
    "function",
    "custom",
    "base64",
    "url",
    "content",
    "json_object",
    "json_schema",
    "ephemeral",
    "enabled",
    "disabled",
    "auto",
    "any",
    "tool",
    "none",
    "allowed_tools",
    "web_search",
    "web_search_preview",
    "file_search",
    "code_interpreter",
    "image_generation",
    "computer_use_preview",
    "local_shell",
    "mcp",
];
const ROLES: &[&str] = &[
    "system",
    "developer",
    "user",
    "assistant",
    "tool",
    "function",
];
const SCHEMA_TYPES: &[&str] = &[
    "object", "string", "number", "integer", "boolean", "array", "null",
];
const CHOICES: &[&str] = &["none", "auto", "required", "any"];
const DETAIL: &[&str] = &["auto", "low", "high"];
const EFFORT: &[&str] = &["minimal", "low", "medium", "high", "none"];
const SUMMARY: &[&str] = &["auto", "concise", "detailed"];
const STATUS: &[&str] = &["in_progress", "completed", "incomplete"];
const SERVICE_TIERS: &[&str] = &[
    "auto",
    "default",
    "flex",
    "scale",
    "priority",
    "standard_only",
];
const MODALITIES: &[&str] = &["text", "audio"];
const AUDIO_FORMATS: &[&str] = &["wav", "mp3", "aac", "flac", "opus", "pcm16"];
const VOICES: &[&str] = &[
    "alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse",
    "marin", "cedar",
];
const TRUNCATION: &[&str] = &["auto", "disabled"];
const TTL: &[&str] = &["5m", "1h"];
const INCLUDES: &[&str] = &[
    "reasoning.encrypted_content",
    "message.output_text.logprobs",
    "message.input_image.image_url",
    "file_search_call.results",
    "web_search_call.results",
    "web_search_call.action.sources",
    "code_interpreter_call.outputs",
    "computer_call_output.output.image_url",
];
const MEDIA_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
];

/// Numeric and boolean parameters: known names, so their keys are not text.
const SCALARS: &[&str] = &[
    "max_tokens",
    "max_completion_tokens",
    "max_output_tokens",
    "max_tool_calls",
    "n",
    "temperature",
    "top_p",
    "top_k",
    "frequency_penalty",
    "presence_penalty",
    "seed",
    "logprobs",
    "top_logprobs",
    "parallel_tool_calls",
    "store",
    "stream",
    "background",
];

/// Parameters whose strings are text anyway, known so their keys are not scanned.
const TEXTS: &[&str] = &[
    "user",
    "safety_identifier",
    "prompt_cache_key",
    "metadata",
    "stop",
    "stop_sequences",
    "logit_bias",
];

impl Shape {
    /// The top-level members walked first (system prompt, then the conversation), so
    /// pseudonyms are numbered in reading order.
    fn first(self) -> &'static [&'static str] {
        match self {
            Shape::ChatBody => &["messages"],
            Shape::ResponsesBody => &["instructions", "input"],
            Shape::MessagesBody => &["system", "messages"],
            _ => &[],
        }
    }

    /// What a string standing where an object of this shape may stand is.
    fn bare(self) -> Leaf {
        match self {
            Shape::ToolChoice => Leaf::Word(CHOICES),
            Shape::ImageUrl => Leaf::Url(Media::Image),
            Shape::IdRef | Shape::Prompt => Leaf::Id,
            Shape::Schema => Leaf::Word(SCHEMA_TYPES),
            _ => Leaf::Text,
        }
    }

    /// The slot of member `key` of `object`, an object of this shape; `None` when the member
    /// is unknown (its key is text and its value free-form).
    fn member(self, key: &str, object: &Map<String, Value>) -> Option<Slot> {
        let word = |words| Some(Slot::Leaf(Leaf::Word(words)));
        let sibling = |name: &str| object.get(name).and_then(Value::as_str);
        let slot = match (self, key) {
            (Shape::GenericBody, "model") => Slot::Leaf(Leaf::Model),
            (Shape::GenericBody, _) => return None,
            (Shape::ChatBody | Shape::ResponsesBody | Shape::MessagesBody, "model") => {
                Slot::Leaf(Leaf::Model)
            }
            (Shape::ChatBody | Shape::ResponsesBody | Shape::MessagesBody, _) => {
                return body_member(key)
            }
            (Shape::Schema, key) => return schema_member(key),
            (Shape::Message | Shape::Part, key)
                if sibling("type").and_then(binary::sealed_member) == Some(key) =>
            {
                Slot::Leaf(Leaf::Sealed)
            }
            (_, "type") => word(TYPES)?,
            (Shape::Message, "role") => word(ROLES)?,
            (Shape::Message, "content" | "output") => Slot::Object(Shape::Part),
            // A Responses function call's `name` is the tool; a chat message's is a person's.
            (Shape::Message, "name") if sibling("type") == Some("function_call") => {
                Slot::Leaf(Leaf::ToolName)
            }
            (Shape::Message, "name" | "refusal" | "arguments") => TEXT,
            (Shape::Message, "tool_calls") => Slot::Object(Shape::ToolCall),
            (Shape::Message, "function_call") => Slot::Object(Shape::Call),
            (Shape::Message, "id" | "call_id" | "tool_call_id") => ID,
            (Shape::Message, "audio") => Slot::Object(Shape::IdRef),
            (Shape::Message, "status") => word(STATUS)?,
            (Shape::Message, "summary") => Slot::Object(Shape::Part),
            (Shape::Part, "text" | "refusal" | "filename" | "title" | "context") => TEXT,
            (Shape::Part, "citations" | "annotations" | "logprobs" | "input") => TEXT,
            (Shape::Part, "image_url") => Slot::Object(Shape::ImageUrl),
            (Shape::Part, "file_data") => Slot::Leaf(Leaf::Url(Media::File)),
            (Shape::Part, "file_url") => TEXT,
            (Shape::Part, "file") => Slot::Object(Shape::Part),
            (Shape::Part, "input_audio") => Slot::Object(Shape::InputAudio),
            (Shape::Part, "source") => Slot::Object(Shape::Source),
            (Shape::Part, "content") => Slot::Object(Shape::Part),
            (Shape::Part, "detail") => word(DETAIL)?,
            (Shape::Part, "id" | "file_id" | "tool_use_id") => ID,
            (Shape::Part, "name") => Slot::Leaf(Leaf::ToolName),
            (Shape::Part, "is_error" | "thinking") => TEXT,
            (Shape::Part | Shape::Tool, "cache_control") => Slot::Object(Shape::CacheControl),
            (Shape::Source, "media_type") => word(MEDIA_TYPES)?,
            (Shape::Source, "data") if sibling("type") == Some("base64") => {
                let media = sibling("media_type").and_then(|m| Format::named(m, Media::File));
                Slot::Leaf(Leaf::Base64(media))
            }
            (Shape::Source, "data") => TEXT,
            (Shape::Source, "url") => TEXT,
            (Shape::Source, "file_id") => ID,
            (Shape::Source, "content") => Slot::Object(Shape::Part),
            (Shape::ImageUrl, "url") => Slot::Leaf(Leaf::Url(Media::Image)),
            (Shape::ImageUrl, "detail") => word(DETAIL)?,
            (Shape::InputAudio, "data") => {
                let media = sibling("format").and_then(|f| Format::named(f, Media::Audio));
                Slot::Leaf(Leaf::Base64(media))
            }
            (Shape::InputAudio, "format") => word(AUDIO_FORMATS)?,
            (Shape::ToolCall, "id") => ID,
            (Shape::ToolCall, "function" | "custom") => Slot::Object(Shape::Call),
            (Shape::Call, "name") => Slot::Leaf(Leaf::ToolName),
            (Shape::Call, "arguments" | "input") => TEXT,
            (Shape::Tool, "function" | "custom") => Slot::Object(Shape::Tool),
            (Shape::Tool, "name") => Slot::Leaf(Leaf::ToolName),
            (Shape::Tool, "description" | "strict" | "format") => TEXT,
            (Shape::Tool, "parameters" | "input_schema") => Slot::Object(Shape::Schema),
            (Shape::ToolChoice, "function" | "tools") => Slot::Object(Shape::ToolChoice),
            (Shape::ToolChoice, "name") => Slot::Leaf(Leaf::ToolName),
            (Shape::ToolChoice, "mode") => word(CHOICES)?,
            (Shape::ToolChoice, "disable_parallel_tool_use") => TEXT,
            (Shape::Format, "json_schema") => Slot::Object(Shape::Format),
            (Shape::Format, "schema") => Slot::Object(Shape::Schema),
            (Shape::Format, "name" | "description" | "strict") => TEXT,
            (Shape::CacheControl, "ttl") => word(TTL)?,
            (Shape::Prompt, "id" | "version") => ID,
            (Shape::Prompt, "variables") => Slot::MapOf(Shape::Part),
            (Shape::IdRef, "id") => ID,
            (Shape::Options, key) => return options_member(key),
            _ => return None,
        };
        Some(slot)
    }
}

/// Top-level members of the three APIs' request bodies.
fn body_member(key: &str) -> Option<Slot> {
    let word = |words| Some(Slot::Leaf(Leaf::Word(words)));
    match key {
        "messages" | "input" | "instructions" => Some(Slot::Object(Shape::Message)),
        "system" | "prediction" => Some(Slot::Object(Shape::Part)),
        "tools" | "functions" => Some(Slot::Object(Shape::Tool)),
        "tool_choice" | "function_call" => Some(Slot::Object(Shape::ToolChoice)),
        "response_format" => Some(Slot::Object(Shape::Format)),
        "previous_response_id" | "container" => Some(ID),
        "conversation" => Some(Slot::Object(Shape::IdRef)),
        "prompt" => Some(Slot::Object(Shape::Prompt)),
        "reasoning" | "text" | "audio" | "thinking" | "stream_options" => {
            Some(Slot::Object(Shape::Options))
        }
        "reasoning_effort" => word(EFFORT),
        "verbosity" => word(&["low", "medium", "high"]),
        "service_tier" => word(SERVICE_TIERS),
        "modalities" => word(MODALITIES),
        "truncation" => word(TRUNCATION),
        "include" => word(INCLUDES),
        _ if SCALARS.contains(&key) || TEXTS.contains(&key) => Some(TEXT),
        _ => None,
    }
}

/// Members of the small option objects: `reasoning`, Responses `text`, `audio`, `thinking`,
/// `stream_options`.
fn options_member(key: &str) -> Option<Slot> {
    let word = |words| Some(Slot::Leaf(Leaf::Word(words)));
    match key {
        "effort" => word(EFFORT),
        "summary" | "generate_summary" => word(SUMMARY),
        "format" => Some(Slot::Object(Shape::Format)),
        "verbosity" => word(&["low", "medium", "high"]),
        "voice" => word(VOICES),
        "budget_tokens" | "include_usage" | "include_obfuscation" => Some(TEXT),
        _ => None,
    }
}

/// Members of a JSON Schema.
fn schema_member(key: &str) -> Option<Slot> {
    let schema = Some(Slot::Object(Shape::Schema));
    match key {
        "type" => Some(Slot::Leaf(Leaf::Word(SCHEMA_TYPES))),
        "properties" | "$defs" | "definitions" | "patternProperties" | "dependentSchemas" => {
            Some(Slot::MapOf(Shape::Schema))
        }
        "items"
        | "additionalProperties"
        | "not"
        | "contains"
        | "propertyNames"
        | "if"
        | "then"
        | "else"
        | "unevaluatedProperties"
        | "unevaluatedItems"
        | "additionalItems"
        | "anyOf"
        | "oneOf"
        | "allOf"
        | "prefixItems" => schema,
        "required" | "description" | "title" | "default" | "enum" | "const" | "examples"
        | "pattern" | "$ref" | "$comment" | "$id" | "$schema" | "format" | "minimum"
        | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" | "minLength"
        | "maxLength" | "minItems" | "maxItems" | "uniqueItems" | "minProperties"
        | "maxProperties" | "nullable" | "strict" => Some(TEXT),
        _ => None,
    }
}

/// 1–128 of `[A-Za-z0-9_-]`: what OpenAI and Anthropic ids and tool names are made of.
fn is_identifier(s: &str) -> bool {
    (1..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// 1–256 of `[A-Za-z0-9._:/+@-]`: model names of providers and gateways (`gpt-4o-mini`,
/// `ft:gpt-4o:org::id`, `@cf/meta/llama-3-8b`, `claude-3-5-sonnet-v2@20241022`).
fn is_model_name(s: &str) -> bool {
    (1..=256).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._:/+@-".contains(&b))
}

/// True when `s` holds a control character other than tab and the line breaks (`char::is_control`:
/// U+0000–U+001F, U+007F and U+0080–U+009F, the last `C2 80`–`C2 9F` in UTF-8). A text without
/// any byte that could start one is told by one pass over its bytes without an early exit, which
/// the compiler vectorises; the rare rest is read character by character.
fn has_control_character(s: &str) -> bool {
    let may_hold = s.bytes().fold(false, |seen, b| {
        seen | (b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t') | (b == 0x7F) | (b == 0xC2)
    });
    may_hold
        && s.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The walk: the pointer of the current position and whether each of its tokens may be shown
/// in an error message.
struct Walk {
    fields: Fields,
    path: String,
    /// For each token of `path`: where it starts and whether it is shown (an index or a known
    /// member name) or hidden (a key the caller chose).
    segments: Vec<(usize, bool)>,
}

impl Walk {
    fn value(&mut self, slot: Slot, value: &Value) -> Result<(), ApiError> {
        match value {
            Value::String(s) => self.string(slot, s),
            Value::Array(items) => {
                self.check_depth(items.is_empty())?;
                // Only word lists (`include`, `modalities`, schema `type`) are lists of
                // structural strings; a list where one id, name or model belongs is text.
                let slot = match slot {
                    Slot::Leaf(Leaf::Word(_)) | Slot::Object(_) | Slot::MapOf(_) => slot,
                    Slot::Leaf(_) => TEXT,
                };
                for (i, item) in items.iter().enumerate() {
                    self.enter_index(i);
                    self.value(slot, item)?;
                    self.leave();
                }
                Ok(())
            }
            Value::Object(map) => {
                self.check_depth(map.is_empty())?;
                match slot {
                    Slot::Object(shape) => self.object(shape, map),
                    Slot::MapOf(shape) => self.keyed(map, Slot::Object(shape)),
                    Slot::Leaf(_) => self.keyed(map, TEXT),
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
        }
    }

    fn string(&mut self, slot: Slot, s: &str) -> Result<(), ApiError> {
        let leaf = match slot {
            Slot::Leaf(leaf) => leaf,
            Slot::Object(shape) => shape.bare(),
            Slot::MapOf(_) => Leaf::Text,
        };
        match leaf {
            Leaf::Text => self.text(s),
            Leaf::Word(words) if words.contains(&s) => Ok(()),
            Leaf::Word(_) => self.text(s),
            Leaf::Id if is_identifier(s) => self.text(s),
            Leaf::Id => Err(ApiError::unprocessable(
                "invalid_id",
                format!(
                    "{} must be an id of 1-128 letters, digits, '_' or '-'",
                    self.shown()
                ),
            )),
            Leaf::ToolName if is_identifier(s) => Ok(()),
            Leaf::ToolName => {
                Err(self.shape("must be a tool name of 1-128 letters, digits, '_' or '-'"))
            }
            Leaf::Model if is_model_name(s) => Ok(()),
            Leaf::Model => Err(self.shape("must be a model name")),
            Leaf::Url(media) => {
                if s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:")) {
                    binary::data_url(s, media).map_err(|r| self.invalid_data(r.reason()))
                } else {
                    self.text(s)
                }
            }
            Leaf::Base64(Some(format)) => {
                binary::base64(s, format).map_err(|r| self.invalid_data(r.reason()))
            }
            Leaf::Base64(None) => Err(self.invalid_data("has no media type the edge accepts")),
            Leaf::Sealed => binary::sealed(s).map_err(|r| self.invalid_data(r.reason())),
        }
    }

    /// An object of a known shape: known members by their slot; an unknown member's key is
    /// text and its value free-form.
    fn object(&mut self, shape: Shape, map: &Map<String, Value>) -> Result<(), ApiError> {
        let first = shape.first();
        for key in first {
            if let Some(value) = map.get(*key) {
                let slot = shape.member(key, map);
                self.member(key, slot.is_none(), slot.unwrap_or(TEXT), value)?;
            }
        }
        for (key, value) in map {
            if !first.contains(&key.as_str()) {
                let slot = shape.member(key, map);
                self.member(key, slot.is_none(), slot.unwrap_or(TEXT), value)?;
            }
        }
        Ok(())
    }

    /// An object whose keys are text, with values of `slot`.
    fn keyed(&mut self, map: &Map<String, Value>, slot: Slot) -> Result<(), ApiError> {
        for (key, value) in map {
            self.member(key, true, slot, value)?;
        }
        Ok(())
    }

    /// Member `key` of the current object, its value of `slot`; its key is text (scanned,
    /// and hidden in error messages) when `key_is_text`.
    fn member(
        &mut self,
        key: &str,
        key_is_text: bool,
        slot: Slot,
        value: &Value,
    ) -> Result<(), ApiError> {
        self.enter_key(key, !key_is_text)?;
        if key_is_text {
            self.check_text(key)?;
            self.fields.free_keys.push(self.path.clone());
        }
        self.value(slot, value)?;
        self.leave();
        Ok(())
    }

    fn text(&mut self, s: &str) -> Result<(), ApiError> {
        self.check_text(s)?;
        self.fields.texts.push(self.path.clone());
        Ok(())
    }

    /// A text's limits: at most [`MAX_TEXT_BYTES`], no control characters but tab and newlines.
    fn check_text(&mut self, s: &str) -> Result<(), ApiError> {
        if s.len() > MAX_TEXT_BYTES {
            return Err(ApiError::unprocessable(
                "text_too_long",
                format!("{} is longer than {MAX_TEXT_BYTES} bytes", self.shown()),
            ));
        }
        if has_control_character(s) {
            return Err(ApiError::unprocessable(
                "control_characters",
                format!("{} contains control characters", self.shown()),
            ));
        }
        self.fields.text_bytes += s.len();
        Ok(())
    }

    /// Refuses a non-empty container below [`MAX_DEPTH`] levels.
    fn check_depth(&self, empty: bool) -> Result<(), ApiError> {
        if self.segments.len() >= MAX_DEPTH && !empty {
            return Err(ApiError::unprocessable(
                "too_deep",
                format!("{} is nested deeper than {MAX_DEPTH} levels", self.shown()),
            ));
        }
        Ok(())
    }

    /// Descends into member `key`. Refuses a pointer longer than [`MAX_POINTER_BYTES`]: every
    /// text and key records its pointer, so long keys nested deep would make the pointers grow
    /// with the square of the body.
    fn enter_key(&mut self, key: &str, shown: bool) -> Result<(), ApiError> {
        self.segments.push((self.path.len(), shown));
        self.path.push('/');
        if key.contains(['~', '/']) {
            for c in key.chars() {
                match c {
                    '~' => self.path.push_str("~0"),
                    '/' => self.path.push_str("~1"),
                    c => self.path.push(c),
                }
            }
        } else {
            self.path.push_str(key);
        }
        if self.path.len() > MAX_POINTER_BYTES {
            return Err(ApiError::unprocessable(
                "too_deep",
                format!(
                    "{} is nested too deep: its JSON pointer is longer than {MAX_POINTER_BYTES} bytes",
                    self.shown()
                ),
            ));
        }
        Ok(())
    }

    fn enter_index(&mut self, index: usize) {
        self.segments.push((self.path.len(), true));
        // Writing to a String cannot fail.
        let _ = write!(self.path, "/{index}");
    }

    fn leave(&mut self) {
        if let Some((start, _)) = self.segments.pop() {
            self.path.truncate(start);
        }
    }

    /// The current pointer with every key the caller chose shown as `*`.
    fn shown(&self) -> String {
        if self.segments.is_empty() {
            return "the body".to_owned();
        }
        let mut out = String::new();
        for (i, &(start, shown)) in self.segments.iter().enumerate() {
            let end = self.segments.get(i + 1).map_or(self.path.len(), |s| s.0);
            if shown {
                out.push_str(self.path.get(start..end).unwrap_or("/*"));
            } else {
                out.push_str("/*");
            }
        }
        out
    }

    fn shape(&self, what: &str) -> ApiError {
        ApiError::unprocessable("invalid_shape", format!("{} {what}", self.shown()))
    }

    fn invalid_data(&self, reason: &str) -> ApiError {
        ApiError::unprocessable("invalid_data", format!("{} {reason}", self.shown()))
    }
}

#[cfg(test)]
mod tests {
    use super::has_control_character;

    /// The byte test agrees with `char::is_control` on every character up to U+0800 (all the
    /// control characters and their neighbours in UTF-8), alone and between letters.
    #[test]
    fn control_characters_are_told_from_the_bytes() {
        let expected = |s: &str| {
            s.chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        };
        for c in (0..0x800).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("a{c}b"),
                format!("é{c}"),
                format!("{c}\u{9f}"),
            ] {
                assert_eq!(has_control_character(&s), expected(&s), "{s:?}");
            }
        }
        assert!(!has_control_character(
            "Ünïcödé text\twith\r\nbreaks, ¢ € 😀"
        ));
    }
}

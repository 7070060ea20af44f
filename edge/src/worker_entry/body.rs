//! Bodies read with a limit: the request body (step 2 of the pipeline, size before buffering:
//! refused by its `Content-Length` before anything is read, and by counting the bytes as they
//! stream in — a body without `Content-Length`, or one longer than it said → 413) and the
//! origin's JSON answer.
//!
//! Streams are read with the runtime's own reader (`getReader()` / `read()`), not through
//! `worker::ByteStream` (which `Request::stream`, `Response::bytes` and `Response::json` use):
//! that one releases its reader when dropped, and releasing a reader makes the runtime build a
//! `TypeError` with a stack trace through the wasm frames (the Streams spec rejects the reader's
//! `closed` promise with it) — about 3% of the edge's CPU per request in workerd, measured with
//! `perf`. A stream read to its end needs no release; one refused half-way is cancelled.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use worker::js_sys::{Promise, Reflect, Uint8Array};
use worker::wasm_bindgen_futures::JsFuture;
use worker::{Response, ResponseBody};

use super::{internal, Incoming};
use crate::error::ApiError;

#[wasm_bindgen]
extern "C" {
    /// A `ReadableStreamDefaultReader`.
    type BodyReader;

    #[wasm_bindgen(method, catch)]
    fn read(this: &BodyReader) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn cancel(this: &BodyReader) -> Result<Promise, JsValue>;

    /// A `ReadableStream`.
    type Body;

    #[wasm_bindgen(method, catch, js_name = getReader)]
    fn get_reader(this: &Body) -> Result<BodyReader, JsValue>;
}

/// Why a body could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ReadError {
    /// More bytes than the limit.
    TooLarge,
    /// The stream failed or gave something that is not bytes.
    Failed,
}

/// Reads `stream` to its end: at most `limit` bytes (`capacity` is a size hint).
async fn read_to_end(stream: JsValue, limit: usize, capacity: usize) -> Result<Vec<u8>, ReadError> {
    let reader = stream
        .unchecked_into::<Body>()
        .get_reader()
        .map_err(|_| ReadError::Failed)?;
    let mut body = Vec::with_capacity(capacity.min(limit));
    let (done_key, value_key) = (JsValue::from_str("done"), JsValue::from_str("value"));
    loop {
        let promise = reader.read().map_err(|_| ReadError::Failed)?;
        let chunk = JsFuture::from(promise)
            .await
            .map_err(|_| ReadError::Failed)?;
        if Reflect::get(&chunk, &done_key).is_ok_and(|done| done.is_truthy()) {
            return Ok(body);
        }
        let bytes: Uint8Array = Reflect::get(&chunk, &value_key)
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(ReadError::Failed)?;
        let len = bytes.length() as usize;
        if body.len().saturating_add(len) > limit {
            // The rest is never read; cancelling tells the runtime so.
            if let Ok(cancelled) = reader.cancel() {
                drop(JsFuture::from(cancelled));
            }
            return Err(ReadError::TooLarge);
        }
        let start = body.len();
        body.resize(start + len, 0);
        if let Some(room) = body.get_mut(start..) {
            bytes.copy_to(room);
        }
    }
}

/// The body of a response, at most `limit` bytes.
pub(super) async fn response_bytes(
    response: &Response,
    limit: usize,
) -> Result<Vec<u8>, ReadError> {
    match response.body() {
        ResponseBody::Empty => Ok(Vec::new()),
        ResponseBody::Body(bytes) if bytes.len() > limit => Err(ReadError::TooLarge),
        ResponseBody::Body(bytes) => Ok(bytes.clone()),
        ResponseBody::Stream(stream) => read_to_end(stream.clone().into(), limit, 0).await,
    }
}

fn too_large(limit: u64) -> ApiError {
    ApiError::new(
        413,
        "payload_too_large",
        format!("the body is larger than {limit} bytes"),
    )
}

/// The body of `req`, at most `limit` bytes (413 otherwise; a `Content-Length` that is not a
/// number is 400). No body at all is an empty one.
pub(super) async fn read_limited(req: &Incoming, limit: u64) -> Result<Vec<u8>, ApiError> {
    let mut capacity = 0;
    if let Some(length) = req.header("Content-Length") {
        match length.trim().parse::<u64>() {
            Ok(n) if n > limit => return Err(too_large(limit)),
            Ok(n) => capacity = usize::try_from(n).unwrap_or(0),
            Err(_) => {
                return Err(ApiError::bad_request(
                    "invalid_content_length",
                    "Content-Length is not a number",
                ))
            }
        }
    }
    let Some(stream) = req.inner.body() else {
        return Ok(Vec::new());
    };
    let max = usize::try_from(limit).unwrap_or(usize::MAX);
    match read_to_end(stream.into(), max, capacity).await {
        Ok(body) => Ok(body),
        Err(ReadError::TooLarge) => Err(too_large(limit)),
        Err(ReadError::Failed) => Err(internal("request body", "the stream failed")),
    }
}

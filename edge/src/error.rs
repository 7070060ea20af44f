//! The one error shape the edge answers with: an HTTP status and a JSON body
//! `{"error": {"code": "...", "message": "..."}}`. Messages are fixed strings chosen by the edge;
//! they never echo request text, tokens or origin output.

use serde_json::json;

/// A refusal: the status, a stable machine-readable code and a neutral message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status code.
    pub status: u16,
    /// The stable code (`payload_too_large`, `forbidden_model`, ...); also the audit `rule`.
    pub code: &'static str,
    /// A human-readable message that names what was wrong, never what was sent.
    pub message: String,
    /// Seconds a client should wait (429 only).
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// A refusal with a status, code and message.
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 400 Bad Request.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(400, code, message)
    }

    /// 401: the reason stays in the audit log, the client only learns that it is unauthenticated.
    pub fn unauthorized() -> ApiError {
        ApiError::new(401, "unauthorized", "authentication required")
    }

    /// 403 Forbidden.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(403, code, message)
    }

    /// 422 Unprocessable Entity.
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(422, code, message)
    }

    /// 500: something in the edge failed; the request is denied.
    pub fn internal() -> ApiError {
        ApiError::new(500, "internal_error", "the request could not be processed")
    }

    /// The JSON body.
    pub fn body(&self) -> String {
        json!({ "error": { "code": self.code, "message": self.message } }).to_string()
    }
}

impl core::fmt::Display for ApiError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.message)
    }
}

impl core::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_the_error_shape() {
        let e = ApiError::forbidden("forbidden_model", "model not allowed for this role");
        let v: serde_json::Value = serde_json::from_str(&e.body()).expect("json");
        assert_eq!(v["error"]["code"], "forbidden_model");
        assert_eq!(v["error"]["message"], "model not allowed for this role");
        assert_eq!(e.status, 403);
    }
}

//! HTTP surface decisions that need no Worker types: routes and methods, CORS, the consent
//! header, which headers reach the origin, the security headers on every answer, and which of
//! the origin's own headers reach the caller.

use chatguard::{Category, CategorySet, Guard};

use crate::config::Config;
use crate::deletion;
use crate::error::ApiError;
use crate::shape::Api;

/// The health route.
pub const HEALTH: &str = "/healthz";
/// The consent reference header the widget sends: `<record id>; categories=contact,health`.
pub const CONSENT_HEADER: &str = "x-chatguard-consent";

/// Headers on every answer. The CSP forbids everything: the edge never serves a page.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    (
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Frame-Options", "DENY"),
];

/// Request headers passed to the origin; everything else (hop-by-hop, cookies, client
/// credentials, Cloudflare and consent headers) is dropped. The conversation id is validated
/// before (see [`crate::deletion::conversation_id`]).
pub const FORWARDED_REQUEST_HEADERS: [&str; 7] = [
    "content-type",
    "accept",
    "accept-language",
    "anthropic-version",
    "anthropic-beta",
    "openai-beta",
    crate::deletion::CONVERSATION_HEADER,
];

/// The path of a URL as the runtime serializes a request's (WHATWG: special schemes always have
/// a path, and `?` and `#` inside it are percent-encoded): from the first `/` after the host up
/// to the query or fragment; `/` when there is none.
pub fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let Some((_, path)) = after_scheme
        .find(['/', '?', '#'])
        .and_then(|at| after_scheme.split_at_checked(at))
        .filter(|(_, rest)| rest.starts_with('/'))
    else {
        return "/";
    };
    path.split(['?', '#']).next().unwrap_or("/")
}

/// What a method and path lead to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `GET /healthz`.
    Health,
    /// A CORS preflight.
    Preflight,
    /// A filtered API route.
    Api(Api),
    /// `DELETE /v1/conversations/{id}` with the id as sent (validated by [`deletion`]).
    Deletion(String),
}

fn api(path: &str, config: &Config) -> Option<Api> {
    match path {
        "/v1/chat/completions" => Some(Api::ChatCompletions),
        "/v1/responses" => Some(Api::Responses),
        "/v1/messages" => Some(Api::Messages),
        _ => config.text_pointers.get(path).cloned().map(Api::Generic),
    }
}

/// Routes a request; unknown paths are 404, known paths with the wrong method 405.
pub fn target(method: &str, path: &str, config: &Config) -> Result<Target, ApiError> {
    if let Some(id) = deletion::route_id(path) {
        return match method {
            "DELETE" => Ok(Target::Deletion(id.to_owned())),
            "OPTIONS" => Ok(Target::Preflight),
            _ => Err(method_not_allowed()),
        };
    }
    match (method, api(path, config)) {
        ("GET" | "HEAD", None) if path == HEALTH => Ok(Target::Health),
        ("OPTIONS", Some(_)) => Ok(Target::Preflight),
        ("POST", Some(api)) => Ok(Target::Api(api)),
        (_, Some(_)) => Err(method_not_allowed()),
        (_, None) if path == HEALTH => Err(method_not_allowed()),
        _ => Err(ApiError::new(404, "not_found", "no such route")),
    }
}

/// The route an audit line records: a path the edge serves, [`deletion::ROUTE`] for the deletion
/// route (never the id), or `other`: a path the edge does not serve could carry anything.
pub fn audit_route(path: &str, config: Option<&Config>) -> String {
    if deletion::route_id(path).is_some() {
        deletion::ROUTE.to_owned()
    } else if path == HEALTH || config.is_some_and(|c| api(path, c).is_some()) {
        path.to_owned()
    } else {
        "other".to_owned()
    }
}

fn method_not_allowed() -> ApiError {
    ApiError::new(
        405,
        "method_not_allowed",
        "method not allowed on this route",
    )
}

/// The CORS decision for a request's `Origin` header: `Ok(None)` without one (not a browser
/// call), `Ok(Some(origin))` to echo in `Access-Control-Allow-Origin`, or 403.
pub fn cors_origin<'a>(
    origin: Option<&'a str>,
    config: &Config,
) -> Result<Option<&'a str>, ApiError> {
    let Some(origin) = origin else {
        return Ok(None);
    };
    if config.allowed_origins.iter().any(|o| o == origin) {
        Ok(Some(origin))
    } else {
        Err(ApiError::forbidden(
            "origin_not_allowed",
            "this origin is not allowed",
        ))
    }
}

/// The headers of a CORS answer for an allowed origin (preflight adds the method list).
pub fn cors_headers(origin: &str, preflight: bool) -> Vec<(&'static str, String)> {
    let mut h = vec![
        ("Access-Control-Allow-Origin", origin.to_owned()),
        ("Vary", "Origin".to_owned()),
        (
            "Access-Control-Expose-Headers",
            "Retry-After, X-Request-Id".to_owned(),
        ),
    ];
    if preflight {
        h.push((
            "Access-Control-Allow-Methods",
            "POST, DELETE, OPTIONS".to_owned(),
        ));
        h.push((
            "Access-Control-Allow-Headers",
            "authorization, content-type, x-api-key, x-chatguard-consent, x-chatguard-conversation, anthropic-version"
                .to_owned(),
        ));
        h.push(("Access-Control-Max-Age", "600".to_owned()));
    }
    h
}

/// A consent reference: the record id (recorded in the audit line) and the categories granted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consent {
    /// The consent record's id: 1–64 of `[A-Za-z0-9._-]`.
    pub record: String,
    /// The categories the user granted.
    pub categories: CategorySet,
}

/// Parses the consent header; a malformed one is refused (400) rather than ignored.
pub fn parse_consent(header: &str, guard: &Guard) -> Result<Consent, ApiError> {
    let bad = || ApiError::bad_request("invalid_consent", "the consent header is malformed");
    let mut parts = header.split(';');
    let record = parts.next().unwrap_or("").trim();
    let id_ok = !record.is_empty()
        && record.len() <= 64
        && record
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    // The record id goes into the audit line, which never holds personal data or tokens: an
    // id the detector finds anything in is refused.
    if !id_ok || !guard.scan(record).is_empty() {
        return Err(bad());
    }
    let mut categories = CategorySet::EMPTY;
    for part in parts {
        let (key, value) = part.split_once('=').ok_or_else(bad)?;
        if key.trim() != "categories" {
            return Err(bad());
        }
        for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            categories.insert(Category::from_name(name).ok_or_else(bad)?);
        }
    }
    Ok(Consent {
        record: record.to_owned(),
        categories,
    })
}

/// The origin's `Retry-After` on its 429, passed on to the caller only in the delay-seconds
/// form (1 to 6 digits); an HTTP date or anything else is dropped rather than forwarded.
pub fn origin_retry_after(value: &str) -> Option<&str> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit()))
        .then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_delay_in_seconds_of_the_origin_retry_after_is_passed_on() {
        assert_eq!(origin_retry_after("7"), Some("7"));
        assert_eq!(origin_retry_after(" 120 "), Some("120"));
        for dropped in [
            "",
            "-1",
            "1.5",
            "9999999",
            "Wed, 21 Oct 2026 07:28:00 GMT",
            "7\r\nSet-Cookie: a=b",
            "7; ref=a@example.com",
        ] {
            assert_eq!(origin_retry_after(dropped), None, "{dropped:?}");
        }
    }

    fn config() -> Config {
        Config {
            allowed_origins: vec!["https://shop.example".into()],
            text_pointers: [("/v1/custom".to_owned(), vec!["/q".to_owned()])].into(),
            ..Config::default()
        }
    }

    #[test]
    fn routes_and_methods() {
        let c = config();
        assert_eq!(target("GET", "/healthz", &c), Ok(Target::Health));
        assert_eq!(
            target("POST", "/v1/messages", &c),
            Ok(Target::Api(Api::Messages))
        );
        assert_eq!(
            target("OPTIONS", "/v1/responses", &c),
            Ok(Target::Preflight)
        );
        assert_eq!(
            target("POST", "/v1/custom", &c),
            Ok(Target::Api(Api::Generic(vec!["/q".into()])))
        );
        assert_eq!(
            target("GET", "/v1/chat/completions", &c).map_err(|e| e.status),
            Err(405)
        );
        assert_eq!(
            target("POST", "/healthz", &c).map_err(|e| e.status),
            Err(405)
        );
        assert_eq!(
            target("POST", "/v1/other", &c).map_err(|e| e.status),
            Err(404)
        );
    }

    #[test]
    fn the_deletion_route_takes_delete_and_preflight() {
        let c = config();
        assert_eq!(
            target("DELETE", "/v1/conversations/conv_1", &c),
            Ok(Target::Deletion("conv_1".into()))
        );
        // The id is validated after authentication; routing keeps whatever was sent.
        assert_eq!(
            target("DELETE", "/v1/conversations/a.b", &c),
            Ok(Target::Deletion("a.b".into()))
        );
        assert_eq!(
            target("OPTIONS", "/v1/conversations/conv_1", &c),
            Ok(Target::Preflight)
        );
        for method in ["GET", "POST", "PUT"] {
            assert_eq!(
                target(method, "/v1/conversations/conv_1", &c).map_err(|e| e.status),
                Err(405)
            );
        }
        assert_eq!(
            target("DELETE", "/v1/conversations", &c).map_err(|e| e.status),
            Err(404)
        );
        assert_eq!(
            target("DELETE", "/v1/chat/completions", &c).map_err(|e| e.status),
            Err(405)
        );
    }

    #[test]
    fn the_path_of_a_request_url() {
        for (url, path) in [
            (
                "https://edge.test/v1/chat/completions",
                "/v1/chat/completions",
            ),
            ("http://127.0.0.1:8787/v1/messages?x=1#f", "/v1/messages"),
            ("https://edge.test/", "/"),
            ("https://edge.test", "/"),
            ("https://edge.test?q=/x", "/"),
            ("https://edge.test/a%3Fb/c?d", "/a%3Fb/c"),
            (
                "https://edge.test/v1/conversations/abc#x",
                "/v1/conversations/abc",
            ),
        ] {
            assert_eq!(url_path(url), path, "{url}");
        }
    }

    #[test]
    fn audit_routes_never_carry_ids_or_unknown_paths() {
        let c = config();
        assert_eq!(
            audit_route("/v1/conversations/conv_secret", Some(&c)),
            "/v1/conversations/{id}"
        );
        assert_eq!(audit_route("/v1/messages", Some(&c)), "/v1/messages");
        assert_eq!(audit_route("/v1/custom", Some(&c)), "/v1/custom");
        assert_eq!(audit_route("/v1/custom", None), "other");
        assert_eq!(audit_route("/healthz", None), "/healthz");
        assert_eq!(audit_route("/v1/jane.doe@example.com", Some(&c)), "other");
    }

    #[test]
    fn cors_allowlist() {
        let c = config();
        assert_eq!(cors_origin(None, &c), Ok(None));
        assert_eq!(
            cors_origin(Some("https://shop.example"), &c),
            Ok(Some("https://shop.example"))
        );
        assert_eq!(
            cors_origin(Some("https://evil.example"), &c).map_err(|e| e.status),
            Err(403)
        );
        assert_eq!(
            cors_origin(Some("https://shop.example.evil"), &c).map_err(|e| e.status),
            Err(403)
        );
    }

    #[test]
    fn consent_header() {
        let guard = Guard::new(chatguard::Policy::default()).expect("default policy");
        let parse_consent = |h: &str| parse_consent(h, &guard);
        let c = parse_consent("rec-42; categories=contact, health").expect("valid");
        assert_eq!(c.record, "rec-42");
        assert!(c.categories.contains(Category::Contact));
        assert!(c.categories.contains(Category::Health));
        assert!(!c.categories.contains(Category::Financial));
        for bad in [
            "",
            "a b",
            "rec; categories=nope",
            "rec; colour=red",
            "rec;x",
            // Personal data and tokens in the record id would reach the audit line (synthetic).
            "DE89370400440532013000; categories=",
            "AKIAIOSFODNN7EXAMPLE",
            "4012888888881881",
            "ghp_0123456789abcdefghijABCDEFGHIJ012345",
        ] {
            assert_eq!(
                parse_consent(bad).map_err(|e| e.code),
                Err("invalid_consent"),
                "{bad}"
            );
        }
        // The ids the widget makes: a UUID, or 32 hex digits without `crypto.randomUUID`.
        for id in [
            "3f2b8c1e-9a4d-4c7e-b1f0-6d5e4a3b2c1d",
            "0e9c5d2a7b4f41a8934c6e1f0b2d7a59",
        ] {
            assert!(parse_consent(id).is_ok(), "{id}");
        }
    }
}

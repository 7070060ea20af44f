//! Roles: what a principal may do (least privilege). Parsed from the policy's `roles` section,
//! which the core keeps as opaque JSON:
//!
//! ```json
//! "roles": {
//!   "anonymous": {
//!     "routes": ["/v1/chat/completions"], "models": ["demo-small"], "max_tokens": 256,
//!     "tools": [], "unredacted": [],
//!     "rate_limit": { "requests": 10, "tokens": 4000, "window_secs": 60 }
//!   }
//! }
//! ```
//!
//! `models` and `tools` accept `"*"` for any. `unredacted` lists data categories that may pass
//! unredacted where the policy says `ask` — and only when the user's consent grants them too.
//! Every mistake is reported with the field's path (`roles.support.max_tokens`). A policy without
//! a `roles` section has no roles: every request is refused until roles are configured.

use std::collections::BTreeMap;

use chatguard::{Category, CategorySet};
use serde_json::Value;

/// Requests and estimated tokens allowed per principal per window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests per window.
    pub requests: u64,
    /// Estimated tokens (prompt estimate plus `max_tokens`) per window.
    pub tokens: u64,
    /// The window length in seconds.
    pub window_secs: u64,
}

/// A name list that may be the wildcard `"*"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// Anything.
    Any,
    /// Exactly these names.
    Only(Vec<String>),
}

impl Allowed {
    /// True when `name` is allowed.
    pub fn allows(&self, name: &str) -> bool {
        match self {
            Allowed::Any => true,
            Allowed::Only(names) => names.iter().any(|n| n == name),
        }
    }
}

/// One role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The role's name.
    pub name: String,
    /// Routes (paths) the role may call.
    pub routes: Vec<String>,
    /// Models the role may ask for.
    pub models: Allowed,
    /// The largest `max_tokens` (or `max_output_tokens`) the role may ask for; also the value
    /// assumed for the token estimate when a request names none.
    pub max_tokens: u64,
    /// Tools (function names) the role may offer to the model and receive calls for.
    pub tools: Allowed,
    /// Categories that may pass unredacted when consent grants them too.
    pub unredacted: CategorySet,
    /// Rate limits.
    pub rate_limit: RateLimit,
}

/// The parsed `roles` section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    roles: BTreeMap<String, Role>,
}

/// A mistake in the `roles` section: the field's path and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolesError {
    /// The path, e.g. `roles.support.max_tokens`.
    pub field: String,
    /// The reason.
    pub reason: &'static str,
}

impl core::fmt::Display for RolesError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl core::error::Error for RolesError {}

fn err(field: String, reason: &'static str) -> RolesError {
    RolesError { field, reason }
}

const ROLE_FIELDS: [&str; 6] = [
    "routes",
    "models",
    "max_tokens",
    "tools",
    "unredacted",
    "rate_limit",
];

impl Roles {
    /// Parses the policy's `roles` value (`null` means no roles).
    pub fn parse(section: &Value) -> Result<Roles, RolesError> {
        let mut roles = BTreeMap::new();
        let map = match section {
            Value::Null => return Ok(Roles { roles }),
            Value::Object(map) => map,
            _ => return Err(err("roles".into(), "must be an object")),
        };
        for (name, spec) in map {
            let at = format!("roles.{name}");
            if name.is_empty() || name.len() > 64 {
                return Err(err(at, "role names must be 1 to 64 characters"));
            }
            let Value::Object(fields) = spec else {
                return Err(err(at, "must be an object"));
            };
            if let Some(unknown) = fields.keys().find(|k| !ROLE_FIELDS.contains(&k.as_str())) {
                return Err(err(format!("{at}.{unknown}"), "unknown field"));
            }
            let routes = strings(fields.get("routes"), &format!("{at}.routes"))?
                .ok_or_else(|| err(format!("{at}.routes"), "is required"))?;
            if routes.iter().any(|r| !r.starts_with('/')) {
                return Err(err(format!("{at}.routes"), "routes must start with '/'"));
            }
            let models = allowed(fields.get("models"), &format!("{at}.models"))?;
            let tools = allowed(fields.get("tools"), &format!("{at}.tools"))?;
            let max_tokens = positive(fields.get("max_tokens"), &format!("{at}.max_tokens"))?
                .ok_or_else(|| err(format!("{at}.max_tokens"), "is required"))?;
            let mut unredacted = CategorySet::EMPTY;
            for c in
                strings(fields.get("unredacted"), &format!("{at}.unredacted"))?.unwrap_or_default()
            {
                let category = Category::from_name(&c)
                    .ok_or_else(|| err(format!("{at}.unredacted"), "unknown category"))?;
                unredacted.insert(category);
            }
            let rate_limit = rate_limit(fields.get("rate_limit"), &format!("{at}.rate_limit"))?;
            roles.insert(
                name.clone(),
                Role {
                    name: name.clone(),
                    routes,
                    models,
                    max_tokens,
                    tools,
                    unredacted,
                    rate_limit,
                },
            );
        }
        Ok(Roles { roles })
    }

    /// The role with this name.
    pub fn get(&self, name: &str) -> Option<&Role> {
        self.roles.get(name)
    }

    /// The names of the configured roles.
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.roles.keys().map(String::as_str)
    }

    /// True when no role is configured.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }
}

fn strings(v: Option<&Value>, at: &str) -> Result<Option<Vec<String>>, RolesError> {
    let Some(v) = v else { return Ok(None) };
    let Value::Array(items) = v else {
        return Err(err(at.into(), "must be a list of strings"));
    };
    items
        .iter()
        .map(|i| {
            i.as_str()
                .map(str::to_owned)
                .ok_or_else(|| err(at.into(), "must be a list of strings"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn allowed(v: Option<&Value>, at: &str) -> Result<Allowed, RolesError> {
    let names = strings(v, at)?.ok_or_else(|| err(at.into(), "is required"))?;
    if names.iter().any(|n| n == "*") {
        if names.len() != 1 {
            return Err(err(at.into(), "\"*\" must stand alone"));
        }
        return Ok(Allowed::Any);
    }
    Ok(Allowed::Only(names))
}

fn positive(v: Option<&Value>, at: &str) -> Result<Option<u64>, RolesError> {
    match v {
        None => Ok(None),
        Some(v) => match v.as_u64() {
            Some(n) if n > 0 => Ok(Some(n)),
            _ => Err(err(at.into(), "must be a positive integer")),
        },
    }
}

fn rate_limit(v: Option<&Value>, at: &str) -> Result<RateLimit, RolesError> {
    let Some(Value::Object(fields)) = v else {
        return Err(err(
            at.into(),
            "is required: {requests, tokens, window_secs}",
        ));
    };
    if let Some(unknown) = fields
        .keys()
        .find(|k| !["requests", "tokens", "window_secs"].contains(&k.as_str()))
    {
        return Err(err(format!("{at}.{unknown}"), "unknown field"));
    }
    let get = |name: &str| {
        positive(fields.get(name), &format!("{at}.{name}"))?
            .ok_or_else(|| err(format!("{at}.{name}"), "is required"))
    };
    Ok(RateLimit {
        requests: get("requests")?,
        tokens: get("tokens")?,
        window_secs: get("window_secs")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Value {
        json!({
            "support": {
                "routes": ["/v1/chat/completions", "/v1/messages"],
                "models": ["*"], "max_tokens": 1024, "tools": ["lookup_order"],
                "unredacted": ["contact"],
                "rate_limit": { "requests": 60, "tokens": 100000, "window_secs": 60 }
            }
        })
    }

    #[test]
    fn parses_a_role() {
        let roles = Roles::parse(&sample()).expect("valid");
        let r = roles.get("support").expect("present");
        assert_eq!(r.max_tokens, 1024);
        assert!(r.models.allows("anything"));
        assert!(r.tools.allows("lookup_order"));
        assert!(!r.tools.allows("delete_account"));
        assert!(r.unredacted.contains(Category::Contact));
        assert!(!r.unredacted.contains(Category::Financial));
        assert_eq!(r.rate_limit.window_secs, 60);
    }

    #[test]
    fn null_means_no_roles() {
        assert!(Roles::parse(&Value::Null).expect("ok").is_empty());
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (json!([]), "roles"),
            (json!({"a": 1}), "roles.a"),
            (
                json!({"a": {"routes": ["/x"], "models": ["*"], "tools": [], "max_tokens": 0,
                "rate_limit": {"requests": 1, "tokens": 1, "window_secs": 1}}}),
                "roles.a.max_tokens",
            ),
            (json!({"a": {"routes": ["x"]}}), "roles.a.routes"),
            (
                json!({"a": {"routes": ["/x"], "models": ["*", "m"]}}),
                "roles.a.models",
            ),
            (
                json!({"a": {"routes": ["/x"], "models": ["*"], "tools": [], "max_tokens": 5,
                "unredacted": ["nope"],
                "rate_limit": {"requests": 1, "tokens": 1, "window_secs": 1}}}),
                "roles.a.unredacted",
            ),
            (
                json!({"a": {"routes": ["/x"], "models": ["*"], "tools": [], "max_tokens": 5,
                "rate_limit": {"requests": 1, "tokens": 1}}}),
                "roles.a.rate_limit.window_secs",
            ),
            (
                json!({"a": {"routes": ["/x"], "colour": 1}}),
                "roles.a.colour",
            ),
        ];
        for (value, field) in cases {
            let e = Roles::parse(&value).expect_err("invalid");
            assert_eq!(e.field, field, "{value}");
        }
    }
}

//! The edge's settings, read once per request from `[vars]` and secrets through a lookup function,
//! so the same code runs in the Worker (over `Env`) and in native tests (over a map).
//!
//! Names are the configuration contract documented in the README: `ORIGIN_URL`, `JWKS_URL`,
//! `JWT_ISSUER`, `JWT_AUDIENCE`, `ALLOWED_ORIGINS`, `POLICY` (vars); `JWT_SECRET`, `API_KEYS`,
//! `ORIGIN_API_KEY`, `AUDIT_KEY` (secrets); plus the optional tuning vars `MAX_BODY_BYTES`,
//! `ORIGIN_TIMEOUT_MS` and `TEXT_POINTERS` (extra routes in generic JSON-pointer mode). The
//! authentication settings (`JWT_SKEW_SECONDS`, Cloudflare Access's `ACCESS_TEAM_DOMAIN`,
//! `ACCESS_AUD`, `ACCESS_CERTS_URL`) are read by [`AuthSettings`].

use std::collections::BTreeMap;

use crate::authn::AuthSettings;

/// The default request body limit.
pub const DEFAULT_MAX_BODY_BYTES: u64 = 64 * 1024;
/// The default time the origin has to start answering.
pub const DEFAULT_ORIGIN_TIMEOUT_MS: u64 = 30_000;

/// A configuration mistake: which setting and why. Answered as 500 (deny) and logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The setting's name.
    pub name: &'static str,
    /// What is wrong.
    pub reason: String,
}

impl core::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.name, self.reason)
    }
}

impl core::error::Error for ConfigError {}

/// The settings the pipeline needs.
#[derive(Clone, Default)]
pub struct Config {
    /// The chatbot origin, without a trailing slash.
    pub origin_url: String,
    /// Origins allowed by CORS (exact match, e.g. `https://shop.example`).
    pub allowed_origins: Vec<String>,
    /// The request body limit in bytes.
    pub max_body_bytes: u64,
    /// How long the origin has to answer, in milliseconds.
    pub origin_timeout_ms: u64,
    /// Sent to the origin as `Authorization: Bearer`.
    pub origin_api_key: Option<String>,
    /// Keys the principal hash in audit lines.
    pub audit_key: Option<String>,
    /// The verifiers: JWT, Cloudflare Access, API keys.
    pub auth: AuthSettings,
    /// Extra routes in generic mode: path → JSON pointers of the text fields.
    pub text_pointers: BTreeMap<String, Vec<String>>,
}

impl core::fmt::Debug for Config {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Config")
            .field("origin_url", &self.origin_url)
            .field("allowed_origins", &self.allowed_origins)
            .field("max_body_bytes", &self.max_body_bytes)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Reads the settings through `lookup` (a var or secret by name; `None` when unset).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let origin_url = get("ORIGIN_URL").ok_or_else(|| ConfigError {
            name: "ORIGIN_URL",
            reason: "is required".into(),
        })?;
        if !(origin_url.starts_with("https://") || origin_url.starts_with("http://")) {
            return Err(ConfigError {
                name: "ORIGIN_URL",
                reason: "must be an http(s) URL".into(),
            });
        }
        let number = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| ConfigError {
                        name,
                        reason: "must be a positive integer".into(),
                    }),
            }
        };
        let text_pointers = match get("TEXT_POINTERS") {
            None => BTreeMap::new(),
            Some(v) => parse_text_pointers(&v).map_err(|reason| ConfigError {
                name: "TEXT_POINTERS",
                reason,
            })?,
        };
        Ok(Config {
            origin_url: origin_url.trim().trim_end_matches('/').to_owned(),
            allowed_origins: get("ALLOWED_ORIGINS")
                .map(|v| {
                    v.split(',')
                        .map(|o| o.trim().trim_end_matches('/').to_owned())
                        .filter(|o| !o.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            max_body_bytes: number("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)?,
            origin_timeout_ms: number("ORIGIN_TIMEOUT_MS", DEFAULT_ORIGIN_TIMEOUT_MS)?,
            origin_api_key: get("ORIGIN_API_KEY"),
            audit_key: get("AUDIT_KEY"),
            auth: AuthSettings::from_lookup(&get)?,
            text_pointers,
        })
    }
}

fn parse_text_pointers(text: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| "must be a JSON object".to_owned())?;
    let serde_json::Value::Object(map) = value else {
        return Err("must be a JSON object of route -> list of JSON pointers".into());
    };
    let mut out = BTreeMap::new();
    for (route, pointers) in map {
        if !route.starts_with('/') {
            return Err(format!("route {route:?} must start with '/'"));
        }
        let list = pointers
            .as_array()
            .and_then(|a| {
                a.iter()
                    .map(|p| p.as_str().filter(|p| p.starts_with('/')).map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
            })
            .filter(|l| !l.is_empty())
            .ok_or_else(|| format!("{route}: must be a non-empty list of JSON pointers"))?;
        out.insert(route, list);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|n| map.get(n).cloned())
    }

    #[test]
    fn reads_the_contract_names() {
        let c = config(&[
            ("ORIGIN_URL", "http://127.0.0.1:9/"),
            ("ALLOWED_ORIGINS", "https://a.example, https://b.example/"),
            ("ORIGIN_API_KEY", "k"),
            ("MAX_BODY_BYTES", "1000"),
            ("TEXT_POINTERS", r#"{"/v1/custom": ["/input"]}"#),
        ])
        .expect("valid");
        assert_eq!(c.origin_url, "http://127.0.0.1:9");
        assert_eq!(
            c.allowed_origins,
            ["https://a.example", "https://b.example"]
        );
        assert_eq!(c.max_body_bytes, 1000);
        assert_eq!(c.origin_timeout_ms, DEFAULT_ORIGIN_TIMEOUT_MS);
        assert_eq!(c.origin_api_key.as_deref(), Some("k"));
        assert!(c.auth.jwt.is_none() && c.auth.access.is_none() && c.auth.api_keys.is_empty());
        assert_eq!(c.text_pointers["/v1/custom"], ["/input"]);
    }

    #[test]
    fn mistakes_name_the_setting() {
        assert_eq!(config(&[]).expect_err("missing").name, "ORIGIN_URL");
        assert_eq!(
            config(&[("ORIGIN_URL", "ftp://x")])
                .expect_err("scheme")
                .name,
            "ORIGIN_URL"
        );
        let bad = [("ORIGIN_URL", "http://x"), ("MAX_BODY_BYTES", "-1")];
        assert_eq!(config(&bad).expect_err("n").name, "MAX_BODY_BYTES");
        let bad = [
            ("ORIGIN_URL", "http://x"),
            ("TEXT_POINTERS", r#"{"/a": ["x"]}"#),
        ];
        assert_eq!(config(&bad).expect_err("ptr").name, "TEXT_POINTERS");
    }

    #[test]
    fn debug_hides_secrets() {
        let c = config(&[("ORIGIN_URL", "http://x"), ("ORIGIN_API_KEY", "sekrit")]).expect("ok");
        assert!(!format!("{c:?}").contains("sekrit"));
    }
}

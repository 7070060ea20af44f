//! [`ApiKeys`]: API keys stored only as SHA-256 hashes (the `API_KEYS` secret), each with a role.
//!
//! The secret is a JSON list: `[{"sha256": "<64 hex digits>", "role": "support"}, ...]`, where
//! the hash is of the key's UTF-8 bytes (`printf %s "$KEY" | sha256sum`). A presented key is
//! hashed and compared with **every** entry in constant time (`subtle`); the loop never exits
//! early, so timing reveals neither whether nor where a key matched.

use core::fmt;

use serde_json::Value;
use sha2::{Digest, Sha256};
use subtle::{ConditionallySelectable, ConstantTimeEq};

use super::encoding;
use super::error::ConfigError;

/// The most entries `API_KEYS` may hold.
pub const MAX_API_KEYS: usize = 1_000;

/// The parsed `API_KEYS` secret. `Debug` shows only the number of entries.
#[derive(Clone, Default)]
pub struct ApiKeys {
    entries: Vec<Entry>,
}

#[derive(Clone)]
struct Entry {
    sha256: [u8; 32],
    role: String,
}

impl ApiKeys {
    /// Parses the `API_KEYS` JSON. Every mistake names its field (`API_KEYS[1].sha256`) and
    /// never echoes a value.
    pub fn from_json(json: &str) -> Result<ApiKeys, ConfigError> {
        let field = |index: usize, name: &str| format!("API_KEYS[{index}].{name}");
        let root = encoding::json_value(json.as_bytes()).ok_or_else(|| {
            ConfigError::new("API_KEYS", "not JSON (or a member name appears twice)")
        })?;
        let Value::Array(items) = &root else {
            return Err(ConfigError::new("API_KEYS", "expected a JSON array"));
        };
        if items.len() > MAX_API_KEYS {
            return Err(ConfigError::new(
                "API_KEYS",
                format!("more than {MAX_API_KEYS} entries"),
            ));
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let Value::Object(item) = item else {
                return Err(ConfigError::new(
                    format!("API_KEYS[{index}]"),
                    "expected an object with `sha256` and `role`",
                ));
            };
            if let Some(unknown) = item.keys().find(|k| *k != "sha256" && *k != "role") {
                return Err(ConfigError::new(field(index, unknown), "unknown field"));
            }
            let sha256 = match item.get("sha256") {
                Some(Value::String(hex)) => parse_sha256_hex(hex).ok_or_else(|| {
                    ConfigError::new(field(index, "sha256"), "expected 64 hex digits")
                })?,
                Some(_) => {
                    return Err(ConfigError::new(
                        field(index, "sha256"),
                        "expected a string",
                    ))
                }
                None => return Err(ConfigError::new(field(index, "sha256"), "missing")),
            };
            let role = match item.get("role") {
                Some(Value::String(role)) if is_role_name(role) => role.clone(),
                Some(_) => {
                    return Err(ConfigError::new(
                        field(index, "role"),
                        "expected 1 to 64 of A-Z a-z 0-9 _ - . :",
                    ))
                }
                None => return Err(ConfigError::new(field(index, "role"), "missing")),
            };
            if entries.iter().any(|e| e.sha256 == sha256) {
                return Err(ConfigError::new(
                    field(index, "sha256"),
                    "the same key appears twice",
                ));
            }
            entries.push(Entry { sha256, role });
        }
        Ok(ApiKeys { entries })
    }

    /// The role of `presented`, or `None`. Hashes it and compares with every entry in constant
    /// time; an empty key never matches.
    pub fn lookup(&self, presented: &str) -> Option<&str> {
        if presented.is_empty() {
            return None;
        }
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        let mut found = subtle::Choice::from(0);
        let mut index = 0u32;
        for (i, entry) in self.entries.iter().enumerate() {
            let equal = entry.sha256.ct_eq(&digest);
            // Entries are unique, so at most one is equal; select without branching.
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            index.conditional_assign(&i, equal);
            found |= equal;
        }
        if bool::from(found) {
            let index = usize::try_from(index).ok()?;
            self.entries.get(index).map(|e| e.role.as_str())
        } else {
            None
        }
    }

    /// How many keys are configured.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no key is configured.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKeys")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

fn parse_sha256_hex(hex: &str) -> Option<[u8; 32]> {
    let digits = hex.as_bytes();
    if digits.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let high = char::from(*pair.first()?).to_digit(16)?;
        let low = char::from(*pair.get(1)?).to_digit(16)?;
        *byte = u8::try_from(high * 16 + low).ok()?;
    }
    Some(out)
}

/// Role names: what policies and audit lines can carry without escaping.
pub(crate) fn is_role_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    // SHA-256 of the UTF-8 bytes "abc": FIPS 180-2 appendix B.1. Of "test-key-2" (synthetic):
    // computed with `printf %s test-key-2 | sha256sum`.
    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    fn keys() -> ApiKeys {
        let second = hex(&Sha256::digest(b"test-key-2"));
        ApiKeys::from_json(&format!(
            r#"[{{"sha256":"{ABC}","role":"support"}},{{"sha256":"{}","role":"admin"}}]"#,
            second.to_uppercase()
        ))
        .expect("valid")
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn lookup_finds_each_key_and_nothing_else() {
        let keys = keys();
        assert_eq!(keys.len(), 2);
        assert_eq!(keys.lookup("abc"), Some("support"));
        assert_eq!(keys.lookup("test-key-2"), Some("admin"));
        for other in ["", "abd", "ABC", "abc ", ABC, "test-key-3"] {
            assert_eq!(keys.lookup(other), None, "{other:?}");
        }
        assert_eq!(ApiKeys::default().lookup("abc"), None);
    }

    #[test]
    fn parse_errors_name_the_field_and_never_echo_values() {
        let cases = [
            ("{}", "API_KEYS", "expected a JSON array"),
            (
                "[1]",
                "API_KEYS[0]",
                "expected an object with `sha256` and `role`",
            ),
            (r#"[{"role":"a"}]"#, "API_KEYS[0].sha256", "missing"),
            (
                r#"[{"sha256":7,"role":"a"}]"#,
                "API_KEYS[0].sha256",
                "expected a string",
            ),
            (
                r#"[{"sha256":"abc123","role":"a"}]"#,
                "API_KEYS[0].sha256",
                "expected 64 hex digits",
            ),
            (
                r#"[{"sha256":"zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","role":"a"}]"#,
                "API_KEYS[0].sha256",
                "expected 64 hex digits",
            ),
            (
                &format!(r#"[{{"sha256":"{ABC}"}}]"#),
                "API_KEYS[0].role",
                "missing",
            ),
            (
                &format!(r#"[{{"sha256":"{ABC}","role":"a b"}}]"#),
                "API_KEYS[0].role",
                "expected 1 to 64 of A-Z a-z 0-9 _ - . :",
            ),
            (
                &format!(r#"[{{"sha256":"{ABC}","role":"a","key":"x"}}]"#),
                "API_KEYS[0].key",
                "unknown field",
            ),
            (
                &format!(r#"[{{"sha256":"{ABC}","role":"a"}},{{"sha256":"{ABC}","role":"b"}}]"#),
                "API_KEYS[1].sha256",
                "the same key appears twice",
            ),
            (
                &format!(r#"[{{"sha256":"{ABC}","role":"a","role":"b"}}]"#),
                "API_KEYS",
                "not JSON (or a member name appears twice)",
            ),
            ("[", "API_KEYS", "not JSON (or a member name appears twice)"),
            (
                r#"[], "x": 1"#,
                "API_KEYS",
                "not JSON (or a member name appears twice)",
            ),
        ];
        for (json, field, reason) in cases {
            let err = ApiKeys::from_json(json).expect_err(json);
            assert_eq!((err.field(), err.reason()), (field, reason), "{json}");
            assert!(!err.to_string().contains(ABC));
        }
        assert!(ApiKeys::from_json("[]").expect("empty").is_empty());
    }

    #[test]
    fn debug_shows_no_hashes_or_roles() {
        let shown = format!("{:?}", keys());
        assert!(
            !shown.contains("ba78") && !shown.contains("support"),
            "{shown}"
        );
    }
}

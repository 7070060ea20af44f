//! The two strict decoders every JWT and JWK byte goes through: base64url without padding
//! (RFC 7515 §2) and a JSON object in which no member name appears twice, at any depth.
//!
//! Strictness matters here: a lenient decoder (padding accepted, `+`/`/` accepted, duplicate
//! names resolved "last wins") lets two parties read the same token differently.

use core::fmt;

use base64ct::{Base64UrlUnpadded, Encoding};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Decodes unpadded base64url. Rejects `=`, the standard alphabet's `+` and `/`, whitespace,
/// impossible lengths and non-canonical trailing bits.
pub(crate) fn base64url(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text).ok()
}

/// Encodes unpadded base64url (used by tests and by callers building thumbprints).
#[cfg(test)]
pub(crate) fn to_base64url(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Parses `bytes` as one JSON object (UTF-8, nothing after it) with unique member names at
/// every level. `None` for anything else: not JSON, an array, a string, a duplicate name.
pub(crate) fn json_object(bytes: &[u8]) -> Option<Map<String, Value>> {
    match json_value(bytes)? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// Parses `bytes` as one JSON value (UTF-8, nothing after it) whose objects have unique member
/// names at every level.
pub(crate) fn json_value(bytes: &[u8]) -> Option<Value> {
    serde_json::from_slice::<UniqueNames>(bytes)
        .ok()
        .map(|UniqueNames(value)| value)
}

/// A JSON value whose objects have unique member names.
struct UniqueNames(Value);

impl<'de> Deserialize<'de> for UniqueNames {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(UniqueNamesVisitor)
            .map(UniqueNames)
    }
}

struct UniqueNamesVisitor;

impl<'de> Visitor<'de> for UniqueNamesVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value without duplicate member names")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("non-finite number"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(UniqueNames(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(name) = access.next_key::<String>()? {
            let UniqueNames(value) = access.next_value()?;
            if map.contains_key(&name) {
                return Err(de::Error::custom("duplicate member name"));
            }
            map.insert(name, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_is_strict() {
        assert_eq!(base64url("aGk").as_deref(), Some(&b"hi"[..]));
        assert_eq!(base64url("").as_deref(), Some(&b""[..]));
        assert_eq!(base64url("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        for bad in ["aGk=", "+/8", "aG k", "a", "aGk\n", "aGl", "aé"] {
            assert_eq!(base64url(bad), None, "{bad:?}");
        }
        assert_eq!(to_base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn json_objects_must_be_objects_with_unique_names_everywhere() {
        assert!(json_object(br#"{"a":1,"b":[{"c":null}]}"#).is_some());
        assert!(json_object(br#"{"a":1.5e3,"b":-2}"#).is_some());
        for bad in [
            &br#"{"a":1,"a":2}"#[..],
            br#"{"a":{"b":1,"b":1}}"#,
            br#"{"a":[{"b":1,"b":2}]}"#,
            br#"["a"]"#,
            br#""a""#,
            b"null",
            br#"{"a":1} x"#,
            br#"{"a":1"#,
            b"\xff",
            b"",
        ] {
            assert!(
                json_object(bad).is_none(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_exhausting_the_stack() {
        let deep = format!(r#"{{"a":{}1{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert!(json_object(deep.as_bytes()).is_none());
        let within = format!(r#"{{"a":{}1{}}}"#, "[".repeat(100), "]".repeat(100));
        assert!(json_object(within.as_bytes()).is_some());
    }
}

//! Consent records in the shape of the Kantara Initiative Consent Receipt Specification v1.1
//! (`KI-CR-v1.1.0`): the widget states the facts of one consent, this module checks them and
//! lays them out with every required field, ready for localStorage and for the
//! `X-Chatguard-Consent` reference the edge logs.
//!
//! The caller supplies the receipt id (random, from `crypto.randomUUID()`) and the time: this
//! module reads no clock and no randomness.

use serde_json::{json, Map, Value};

/// The specification version written into every receipt.
pub const VERSION: &str = "KI-CR-v1.1.0";

/// Builds the receipt JSON from the widget's facts about one consent, or names what is missing
/// or malformed. The facts (camelCase JSON):
///
/// * `id` — the receipt id (a UUID); `timestamp` — seconds since the Unix epoch;
/// * `jurisdiction` (`EU`, `DE`, ...), `collectionMethod` (e.g. `chat widget: first-use
///   notice`), `policyUrl`, `language` (`en`, ...), `principal` (a pseudonymous id local to the
///   browser), `service` (e.g. `Support chat`);
/// * `controller` — `{name, contact, email, address?, phone?}`;
/// * `purposes` — `[{purpose, piiCategories: [..], consentType: "EXPLICIT"|"IMPLICIT",
///   termination, primary?}]`;
/// * `sensitive` — the sensitive categories (`ask` in the policy) this consent covers.
///
/// The facts are read as plain JSON values rather than through a derived deserializer: that
/// keeps serde's typed-error machinery (and float formatting) out of the browser module.
pub fn build(facts_json: &str) -> Result<String, String> {
    let facts = crate::parse_json(facts_json).map_err(|_| "consent facts: not JSON".to_owned())?;
    let facts = facts
        .as_object()
        .ok_or("consent facts: not a JSON object")?;
    let controller = facts
        .get("controller")
        .and_then(Value::as_object)
        .ok_or("consent facts: `controller` is missing")?;
    let purposes = facts
        .get("purposes")
        .and_then(Value::as_array)
        .filter(|p| !p.is_empty())
        .ok_or("consent facts: no purpose")?;
    let purposes: Result<Vec<Value>, String> = purposes
        .iter()
        .map(|p| {
            let p = p
                .as_object()
                .ok_or("consent facts: a purpose is not an object")?;
            Ok(json!({
                "purpose": text(p, "purpose")?,
                "purposeCategory": ["customer support"],
                "consentType": text(p, "consentType")?,
                "piiCategory": names(p, "piiCategories")?,
                "primaryPurpose": p.get("primary").and_then(Value::as_bool).unwrap_or(false),
                "termination": text(p, "termination")?,
                "thirdPartyDisclosure": false,
            }))
        })
        .collect();
    let sensitive = names(facts, "sensitive")?;
    let receipt = json!({
        "version": VERSION,
        "jurisdiction": text(facts, "jurisdiction")?,
        "consentTimestamp": facts
            .get("timestamp")
            .and_then(Value::as_u64)
            .ok_or("consent facts: `timestamp` must be whole seconds")?,
        "collectionMethod": text(facts, "collectionMethod")?,
        "consentReceiptID": text(facts, "id")?,
        "language": text(facts, "language")?,
        "piiPrincipalId": text(facts, "principal")?,
        "piiControllers": [{
            "piiController": text(controller, "name")?,
            "onBehalf": false,
            "contact": text(controller, "contact")?,
            "address": optional(controller, "address"),
            "email": optional(controller, "email"),
            "phone": optional(controller, "phone"),
        }],
        "policyUrl": text(facts, "policyUrl")?,
        "services": [{ "service": text(facts, "service")?, "purposes": purposes? }],
        "sensitive": !sensitive.is_empty(),
        "spiCat": sensitive,
    });
    Ok(crate::json_text(&receipt))
}

/// A required, non-blank string field.
fn text<'a>(object: &'a Map<String, Value>, field: &str) -> Result<&'a str, String> {
    object
        .get(field)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("consent facts: `{field}` is missing or empty"))
}

/// An optional string field (empty when absent).
fn optional<'a>(object: &'a Map<String, Value>, field: &str) -> &'a str {
    object
        .get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// An optional array of strings (empty when absent).
fn names<'a>(object: &'a Map<String, Value>, field: &str) -> Result<Vec<&'a str>, String> {
    match object.get(field) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| format!("consent facts: `{field}` holds a non-string"))
            })
            .collect(),
        Some(_) => Err(format!("consent facts: `{field}` is not an array")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACTS: &str = r#"{"id":"3f1b2c4d-0000-4000-8000-000000000001","timestamp":1764000000,
        "jurisdiction":"EU","collectionMethod":"chat widget: per-message consent dialog",
        "policyUrl":"https://shop.example/privacy","language":"en","principal":"tab-1",
        "controller":{"name":"Example Shop","contact":"Privacy team","email":"privacy@shop.example"},
        "service":"Support chat",
        "purposes":[{"purpose":"Answer this support message","piiCategories":["financial"],
                     "consentType":"EXPLICIT","termination":"after this message","primary":true}],
        "sensitive":["financial"]}"#;

    #[test]
    fn receipts_carry_the_required_fields() {
        let receipt: Value = serde_json::from_str(&build(FACTS).expect("valid")).expect("JSON");
        for field in [
            "version",
            "jurisdiction",
            "consentTimestamp",
            "collectionMethod",
            "consentReceiptID",
            "language",
            "piiPrincipalId",
            "piiControllers",
            "policyUrl",
            "services",
            "sensitive",
            "spiCat",
        ] {
            assert!(!receipt[field].is_null(), "{field}");
        }
        assert_eq!(receipt["version"], VERSION);
        assert_eq!(receipt["sensitive"], true);
        let purpose = &receipt["services"][0]["purposes"][0];
        assert_eq!(purpose["piiCategory"], json!(["financial"]));
        assert_eq!(purpose["consentType"], "EXPLICIT");
    }

    #[test]
    fn missing_or_empty_facts_are_named() {
        let err = build(&FACTS.replace("\"EU\"", "\" \"")).unwrap_err();
        assert!(err.contains("jurisdiction"), "{err}");
        let err = build(&FACTS.replace("\"policyUrl\"", "\"policy\"")).unwrap_err();
        assert!(err.contains("policy"), "{err}");
        assert!(build("[]").is_err());
    }
}

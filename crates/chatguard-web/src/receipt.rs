//! Consent records in the shape of the Kantara Initiative Consent Receipt Specification v1.1
//! (`KI-CR-v1.1.0`): the widget states the facts of one consent, this module checks them and
//! lays them out with every required field, ready for localStorage and for the
//! `X-Chatguard-Consent` reference the edge logs.
//!
//! The caller supplies the receipt id (random, from `crypto.randomUUID()`) and the time: this
//! module reads no clock and no randomness.

use serde::Deserialize;
use serde_json::{json, Value};

/// The specification version written into every receipt.
pub const VERSION: &str = "KI-CR-v1.1.0";

/// What the widget knows about one consent.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Facts {
    /// The receipt id (a UUID).
    pub id: String,
    /// When consent was given, in seconds since the Unix epoch.
    pub timestamp: u64,
    /// Where the controller is regulated (e.g. `EU`, `DE`).
    pub jurisdiction: String,
    /// How consent was collected (e.g. `chat widget: first-use notice`).
    pub collection_method: String,
    /// The controller's privacy policy.
    pub policy_url: String,
    /// The language the notice was shown in (`en`, `de`, ...).
    pub language: String,
    /// Who consented: a pseudonymous id local to this browser.
    pub principal: String,
    /// The data controller.
    pub controller: Controller,
    /// The service consented to (e.g. `Support chat`).
    pub service: String,
    /// Why data is processed.
    pub purposes: Vec<Purpose>,
    /// The sensitive categories (`ask` in the policy) this consent covers.
    #[serde(default)]
    pub sensitive: Vec<String>,
}

/// The data controller named on the receipt.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Controller {
    /// Its name.
    pub name: String,
    /// A contact (person or team).
    pub contact: String,
    /// Postal address.
    #[serde(default)]
    pub address: String,
    /// Contact email.
    pub email: String,
    /// Contact phone.
    #[serde(default)]
    pub phone: String,
}

/// One purpose of processing.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Purpose {
    /// The purpose in plain words.
    pub purpose: String,
    /// The personal-data categories (chatguard category names).
    pub pii_categories: Vec<String>,
    /// `EXPLICIT` or `IMPLICIT`.
    pub consent_type: String,
    /// When consent ends (e.g. `withdrawn in the Privacy panel, or after this message`).
    pub termination: String,
    /// True for the main purpose of the service.
    #[serde(default)]
    pub primary: bool,
}

/// Builds the receipt JSON from `facts_json`, or names what is missing or malformed.
pub fn build(facts_json: &str) -> Result<String, String> {
    let facts: Facts =
        serde_json::from_str(facts_json).map_err(|e| format!("consent facts: {e}"))?;
    for (field, value) in [
        ("id", &facts.id),
        ("jurisdiction", &facts.jurisdiction),
        ("collectionMethod", &facts.collection_method),
        ("policyUrl", &facts.policy_url),
        ("language", &facts.language),
        ("principal", &facts.principal),
        ("service", &facts.service),
        ("controller.name", &facts.controller.name),
    ] {
        if value.trim().is_empty() {
            return Err(format!("consent facts: `{field}` is empty"));
        }
    }
    if facts.purposes.is_empty() {
        return Err("consent facts: no purpose".to_owned());
    }
    let purposes: Vec<Value> = facts
        .purposes
        .iter()
        .map(|p| {
            json!({
                "purpose": p.purpose,
                "purposeCategory": ["customer support"],
                "consentType": p.consent_type,
                "piiCategory": p.pii_categories,
                "primaryPurpose": p.primary,
                "termination": p.termination,
                "thirdPartyDisclosure": false,
            })
        })
        .collect();
    let receipt = json!({
        "version": VERSION,
        "jurisdiction": facts.jurisdiction,
        "consentTimestamp": facts.timestamp,
        "collectionMethod": facts.collection_method,
        "consentReceiptID": facts.id,
        "language": facts.language,
        "piiPrincipalId": facts.principal,
        "piiControllers": [{
            "piiController": facts.controller.name,
            "onBehalf": false,
            "contact": facts.controller.contact,
            "address": facts.controller.address,
            "email": facts.controller.email,
            "phone": facts.controller.phone,
        }],
        "policyUrl": facts.policy_url,
        "services": [{ "service": facts.service, "purposes": purposes }],
        "sensitive": !facts.sensitive.is_empty(),
        "spiCat": facts.sensitive,
    });
    Ok(receipt.to_string())
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

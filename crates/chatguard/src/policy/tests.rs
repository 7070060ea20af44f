//! Policy parsing: valid documents, and an error naming the field for each kind of mistake.

use super::*;

fn err(json: &str) -> (String, String) {
    let e = Policy::from_json(json).expect_err("must be rejected");
    (e.field().to_owned(), e.reason().to_owned())
}

#[test]
fn default_policy_parses() {
    let p = Policy::default();
    assert_eq!(p.version, 1);
    assert_eq!(
        p.rule_for(Kind::Email).action,
        Action::Redact(Operator::Pseudonym)
    );
    assert_eq!(p.rule_for(Kind::Url).action, Action::Allow);
    assert_eq!(
        p.rule_for(Kind::UkNhs).action,
        Action::Ask(Operator::Pseudonym)
    );
}

#[test]
fn rules_resolve_kind_then_category_then_default() {
    let p = Policy::from_json(
        r#"{"version":1,"default":{"action":"redact","operator":"remove"},
            "categories":{"financial":{"action":"block"}},
            "kinds":{"iban":{"action":"redact","operator":"mask","keep_last":4,"mask_char":"~"},"imei":{"enabled":false}}}"#,
    )
    .expect("valid");
    assert_eq!(
        p.rule_for(Kind::Iban).action,
        Action::Redact(Operator::Mask {
            ch: '~',
            keep_last: 4
        })
    );
    assert_eq!(p.rule_for(Kind::CreditCard).action, Action::Block);
    assert_eq!(
        p.rule_for(Kind::Email).action,
        Action::Redact(Operator::Remove)
    );
    assert!(!p.is_enabled(Kind::Imei));
    assert!(p.is_enabled(Kind::Email));
}

#[test]
fn mistakes_name_the_field() {
    assert_eq!(err("[]").1, "the policy must be a JSON object");
    assert!(err("{").1.starts_with("not valid JSON"));
    assert_eq!(err("{}").0, "version");
    assert_eq!(err(r#"{"version":2}"#).0, "version");
    assert_eq!(err(r#"{"version":1,"colour":1}"#).0, "colour");
    assert_eq!(err(r#"{"version":1,"min_score":2}"#).0, "min_score");
    assert_eq!(
        err(r#"{"version":1,"kinds":{"emial":{"action":"allow"}}}"#).0,
        "kinds.emial"
    );
    assert_eq!(
        err(r#"{"version":1,"kinds":{"email":{"action":"shred"}}}"#).0,
        "kinds.email.action"
    );
    assert_eq!(
        err(r#"{"version":1,"kinds":{"email":{"action":"redact","operator":"rot13"}}}"#).0,
        "kinds.email.operator"
    );
    assert_eq!(
        err(r#"{"version":1,"kinds":{"email":{"action":"allow","operator":"mask"}}}"#).0,
        "kinds.email.operator"
    );
    assert_eq!(
        err(r#"{"version":1,"kinds":{"email":{"action":"redact","keep_last":3}}}"#).0,
        "kinds.email.keep_last"
    );
    assert_eq!(err(r#"{"version":1,"kinds":{"email":{"action":"redact","operator":"mask","keep_last":30}}}"#).0, "kinds.email.keep_last");
    assert_eq!(
        err(r#"{"version":1,"kinds":{"email":{"enabled":"no"}}}"#).0,
        "kinds.email.enabled"
    );
    assert_eq!(
        err(r#"{"version":1,"categories":{"secrets":{"action":"block"}}}"#).0,
        "categories.secrets"
    );
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"x","pattern":"("}]}"#).0,
        "custom[0].pattern"
    );
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"x","pattern":"a*"}]}"#).0,
        "custom[0].pattern"
    );
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"email","pattern":"a"}]}"#).0,
        "custom[0].name"
    );
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"Bad Name","pattern":"a"}]}"#).0,
        "custom[0].name"
    );
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"x","pattern":"a","needs_context":true}]}"#).0,
        "custom[0].context"
    );
    // An empty context word once panicked the scanner (fuzz input
    // tests/fuzz/testdata/policy/crash-empty-context-word); it now names its field.
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"x","pattern":"a","context":["", "vale"]}]}"#),
        (
            "custom[0].context".to_owned(),
            "context words must not be empty".to_owned()
        )
    );
    assert_eq!(
        err(r#"{"version":1,"custom":[{"name":"x","pattern":"a","context":[" "]}]}"#).0,
        "custom[0].context"
    );
    assert_eq!(
        err(r#"{"version":1,"deny":[{"kind":"nobody","values":["a"]}]}"#).0,
        "deny[0].kind"
    );
    assert_eq!(
        err(r#"{"version":1,"deny":[{"kind":"person","values":[" "]}]}"#).0,
        "deny[0].values"
    );
    assert_eq!(err(r#"{"version":1,"allow":[1]}"#).0, "allow[0]");
    assert_eq!(err(r#"{"version":1,"roles":[]}"#).0, "roles");
    assert_eq!(err(r#"{"version":1,"injection":[]}"#).0, "injection");
    assert_eq!(
        err(r#"{"version":1,"injection":{"flag_at":1.5}}"#).0,
        "injection.flag_at"
    );
    assert_eq!(
        err(r#"{"version":1,"injection":{"flag_at":0.9,"block_at":0.5}}"#).0,
        "injection.block_at"
    );
    assert_eq!(
        err(r#"{"version":1,"injection":{"document":{"block_at":"high"}}}"#).0,
        "injection.document.block_at"
    );
    assert_eq!(
        err(r#"{"version":1,"injection":{"document":{"flag":0.1}}}"#).0,
        "injection.document.flag"
    );
    assert_eq!(
        err(r#"{"version":1,"injection":{"enabled":"yes"}}"#).0,
        "injection.enabled"
    );
}

// The smuggling actions: defaults, the shared action, per-family overrides, field-named errors.
#[test]
fn smuggling_actions_parse_with_defaults_and_named_errors() {
    use crate::policy::{SmuggleAction, SmugglingPolicy};
    let p = Policy::from_json(r#"{"version":1}"#).expect("valid");
    assert_eq!(p.injection.smuggling, SmugglingPolicy::DEFAULT);
    assert_eq!(
        p.injection.smuggling.action("tag_chars"),
        Some(SmuggleAction::Strip)
    );
    assert_eq!(
        p.injection.smuggling.action("base64"),
        Some(SmuggleAction::Score)
    );
    let p = Policy::from_json(
        r#"{"version":1,"injection":{"smuggling":{"action":"block","families":{"bidi":"flag","confusables":"block"}}}}"#,
    )
    .expect("valid");
    let s = p.injection.smuggling;
    assert_eq!(s.action("tag_chars"), Some(SmuggleAction::Block));
    assert_eq!(s.action("zero_width"), Some(SmuggleAction::Block));
    assert_eq!(s.action("bidi"), Some(SmuggleAction::Flag));
    assert_eq!(s.action("confusables"), Some(SmuggleAction::Block));
    assert_eq!(s.action("rot13"), Some(SmuggleAction::Score));
    assert!(!s.strips());
    for (doc, field) in [
        (r#"{"smuggling":[]}"#, "injection.smuggling"),
        (
            r#"{"smuggling":{"mode":"strip"}}"#,
            "injection.smuggling.mode",
        ),
        (
            r#"{"smuggling":{"action":"drop"}}"#,
            "injection.smuggling.action",
        ),
        (
            r#"{"smuggling":{"families":{"emoji":"flag"}}}"#,
            "injection.smuggling.families.emoji",
        ),
        (
            r#"{"smuggling":{"families":{"base64":"strip"}}}"#,
            "injection.smuggling.families.base64",
        ),
        (
            r#"{"smuggling":{"families":{"hex":1}}}"#,
            "injection.smuggling.families.hex",
        ),
    ] {
        assert_eq!(
            err(&format!(r#"{{"version":1,"injection":{doc}}}"#)).0,
            field,
            "{doc}"
        );
    }
}

// The injection section: defaults, overrides, per-mode thresholds.
#[test]
fn injection_thresholds_parse_with_defaults() {
    use crate::policy::InjectionPolicy;
    let p = Policy::from_json(r#"{"version":1}"#).expect("valid");
    assert_eq!(p.injection, InjectionPolicy::DEFAULT);
    let p = Policy::from_json(
        r#"{"version":1,"injection":{"enabled":false,"flag_at":0.3,"document":{"block_at":0.6}}}"#,
    )
    .expect("valid");
    assert!(!p.injection.enabled);
    assert_eq!(p.injection.chat.flag_at, Score::from_milli(300));
    assert_eq!(p.injection.chat.block_at, Score::from_milli(850));
    assert_eq!(p.injection.document.flag_at, Score::from_milli(500));
    assert_eq!(p.injection.document.block_at, Score::from_milli(600));
    assert_eq!(Policy::default().injection, InjectionPolicy::DEFAULT);
}

#[test]
fn display_names_field_and_reason() {
    let e = Policy::from_json(r#"{"version":1,"kinds":{"email":{"action":"shred"}}}"#)
        .expect_err("invalid");
    assert_eq!(
        e.to_string(),
        "invalid policy: `kinds.email.action`: must be one of: allow, redact, block, ask"
    );
}

/// The published JSON Schema names exactly the fields, kinds and categories the parser accepts.
#[test]
fn schema_matches_the_parser() {
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../tests/policies/policy.schema.json"
    ))
    .expect("schema is JSON");
    let kinds: Vec<&str> = schema["$defs"]["kind"]["enum"]
        .as_array()
        .expect("kind enum")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let builtin: Vec<&str> = Kind::BUILTIN
        .iter()
        .filter_map(|k| k.builtin_name())
        .collect();
    assert_eq!(kinds, builtin, "schema kinds differ from Kind::BUILTIN");
    let injection = &schema["properties"]["injection"];
    let fields: Vec<&str> = injection["properties"]
        .as_object()
        .expect("injection properties")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        ["block_at", "document", "enabled", "flag_at", "smuggling"]
    );
    let smuggling = &injection["properties"]["smuggling"]["properties"];
    let families: Vec<&str> = smuggling["families"]["properties"]
        .as_object()
        .expect("smuggling families")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = crate::policy::SmugglingPolicy::FAMILIES.to_vec();
    expected.sort_unstable();
    assert_eq!(families, expected);
    assert_eq!(smuggling["action"]["default"], "strip");
    for (family, def) in smuggling["families"]["properties"]
        .as_object()
        .expect("smuggling families")
    {
        let invisible = crate::policy::SmugglingPolicy::INVISIBLE.contains(&family.as_str());
        let name = def["$ref"].as_str().expect("ref").rsplit('/').next();
        let actions = &schema["$defs"][name.expect("def name")]["enum"];
        let strips = actions
            .as_array()
            .expect("enum")
            .iter()
            .any(|a| a == "strip");
        assert_eq!(
            strips, invisible,
            "{family}: strip only for invisible carriers"
        );
    }
    let defaults = crate::policy::InjectionPolicy::DEFAULT;
    let at = |v: &serde_json::Value| Score::from_f32(v.as_f64().expect("number") as f32);
    assert_eq!(
        at(&injection["properties"]["flag_at"]["default"]),
        defaults.chat.flag_at
    );
    assert_eq!(
        at(&injection["properties"]["block_at"]["default"]),
        defaults.chat.block_at
    );
    let document = &injection["properties"]["document"]["properties"];
    assert_eq!(
        at(&document["flag_at"]["default"]),
        defaults.document.flag_at
    );
    assert_eq!(
        at(&document["block_at"]["default"]),
        defaults.document.block_at
    );
    let categories: Vec<&str> = schema["$defs"]["category"]["enum"]
        .as_array()
        .expect("category enum")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(categories, names);
    // Every top-level property is accepted, and an unknown one is rejected.
    for field in schema["properties"].as_object().expect("properties").keys() {
        let doc = match field.as_str() {
            "version" => continue,
            "$schema" | "description" => format!(r#"{{"version":1,"{field}":"x"}}"#),
            "min_score" => r#"{"version":1,"min_score":0.5}"#.to_owned(),
            "custom" | "deny" | "allow" => format!(r#"{{"version":1,"{field}":[]}}"#),
            "default" => r#"{"version":1,"default":{"action":"allow"}}"#.to_owned(),
            _ => format!(r#"{{"version":1,"{field}":{{}}}}"#),
        };
        Policy::from_json(&doc).unwrap_or_else(|e| panic!("schema field {field} rejected: {e}"));
    }
    // Every example policy in tests/policies parses.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/policies");
    for entry in std::fs::read_dir(dir).expect("tests/policies") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if name.ends_with(".json") && name != "policy.schema.json" {
            let text = std::fs::read_to_string(&path).expect("readable");
            Policy::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

/// A policy document with the given deny lists, each a list of values.
fn deny_policy(lists: &[Vec<String>]) -> String {
    let lists: Vec<serde_json::Value> = lists
        .iter()
        .map(|values| serde_json::json!({"kind": "person", "values": values}))
        .collect();
    serde_json::json!({"version": 1, "deny": lists}).to_string()
}

#[test]
fn deny_lists_are_capped() {
    use super::json::{MAX_DENY_BYTES, MAX_DENY_VALUES, MAX_DENY_VALUE_LEN};
    // Synthetic values, not real names.
    let value = |i: usize| format!("name {i}");
    // At the limits: accepted.
    let longest = vec!["x".repeat(MAX_DENY_VALUE_LEN)];
    assert!(Policy::from_json(&deny_policy(&[longest])).is_ok());
    let half = MAX_DENY_VALUES / 2;
    let full: Vec<Vec<String>> = vec![
        (0..half).map(value).collect(),
        (half..MAX_DENY_VALUES).map(value).collect(),
    ];
    if let Err(e) = Policy::from_json(&deny_policy(&full)) {
        panic!("{MAX_DENY_VALUES} short values rejected: {e}");
    }

    // One byte too long: the value is named.
    let too_long = vec!["a".into(), "x".repeat(MAX_DENY_VALUE_LEN + 1)];
    let (field, reason) = err(&deny_policy(&[too_long]));
    assert_eq!(field, "deny[0].values[1]");
    assert!(reason.contains(&MAX_DENY_VALUE_LEN.to_string()), "{reason}");

    // One value too many, counted over all lists.
    let mut over = full.clone();
    over[1].push(value(MAX_DENY_VALUES));
    let (field, reason) = err(&deny_policy(&over));
    assert_eq!(field, "deny");
    assert!(reason.contains(&MAX_DENY_VALUES.to_string()), "{reason}");

    // Too many bytes in all, with every value within its own limit and few enough values.
    let per_list = MAX_DENY_BYTES / MAX_DENY_VALUE_LEN / 2 + 1;
    let long_values = |c: char| vec![c.to_string().repeat(MAX_DENY_VALUE_LEN); per_list];
    let (field, reason) = err(&deny_policy(&[long_values('a'), long_values('b')]));
    assert_eq!(field, "deny");
    assert!(reason.contains(&MAX_DENY_BYTES.to_string()), "{reason}");
}

/// The JSON Schema states the parser's deny-list limits.
#[test]
fn schema_states_the_deny_limits() {
    use super::json::{MAX_DENY_VALUES, MAX_DENY_VALUE_LEN};
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../tests/policies/policy.schema.json"
    ))
    .expect("schema is JSON");
    let values = &schema["properties"]["deny"]["items"]["properties"]["values"];
    assert_eq!(values["maxItems"].as_u64(), Some(MAX_DENY_VALUES as u64));
    assert_eq!(
        values["items"]["maxLength"].as_u64(),
        Some(MAX_DENY_VALUE_LEN as u64)
    );
}

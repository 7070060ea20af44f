//! Reading a policy from JSON, with an error that names the offending field for every mistake.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{
    Action, CustomPattern, DenyList, InjectionPolicy, Operator, Policy, Rule, SmuggleAction,
    SmugglingPolicy, Thresholds,
};
use crate::{Category, Kind, PolicyError, Score};

/// The bundled default policy (`tests/policies/default.json`): every kind on, personal data
/// pseudonymised, credentials replaced by a placeholder, URLs reported but let through, and
/// health, government-id and financial kinds asking for consent (pseudonymised until granted).
pub const DEFAULT_POLICY_JSON: &str = include_str!("../../../../tests/policies/default.json");

/// The most custom patterns a policy may define.
const MAX_CUSTOM: usize = 256;
/// The longest custom pattern accepted, in bytes.
const MAX_PATTERN_LEN: usize = 4096;
/// The most values all deny lists together may hold. Deny lists compile into one automaton
/// whose memory grows with their bytes (`cargo bench -p chatguard --bench deny`; README
/// "Configuration: the policy"): past the dense budget the compact automaton's build raises
/// the resident set by about 55 bytes per value byte at its peak and keeps about 20, so the
/// byte cap below bounds a policy's deny lists to about 29 MB at the build's peak and 11 MB
/// kept, under a quarter of a Cloudflare Worker's 128 MB (whose WebAssembly memory never
/// shrinks, so the peak is what counts).
pub(crate) const MAX_DENY_VALUES: usize = 50_000;
/// The longest deny-list value accepted, in bytes.
pub(crate) const MAX_DENY_VALUE_LEN: usize = 256;
/// The most bytes all deny-list values together may hold (512 KiB: about 37,000 names).
pub(crate) const MAX_DENY_BYTES: usize = 512 << 10;

pub(super) fn parse(text: &str) -> Result<Policy, PolicyError> {
    // Read as bytes, like the vault's reader: serde_json compiles its parser once per kind of
    // input, so a second kind (`from_str`) would add 1.9 KB gzipped to the browser module.
    let value: Value = serde_json::from_slice(text.as_bytes())
        .map_err(|e| PolicyError::new("", format!("not valid JSON: {e}")))?;
    let Value::Object(root) = value else {
        return Err(PolicyError::new("", "the policy must be a JSON object"));
    };
    known_fields(
        "",
        &root,
        &[
            "$schema",
            "version",
            "min_score",
            "default",
            "categories",
            "kinds",
            "custom",
            "deny",
            "allow",
            "roles",
            "injection",
            "description",
        ],
    )?;
    let version = match root.get("version") {
        Some(v) => v
            .as_u64()
            .filter(|&v| v == 1)
            .ok_or_else(|| PolicyError::new("version", "must be 1"))? as u32,
        None => return Err(PolicyError::new("version", "is required")),
    };
    let min_score = match root.get("min_score") {
        Some(v) => score("min_score", v)?,
        None => Score::from_milli(500),
    };
    let default = match root.get("default") {
        Some(v) => rule("default", v)?,
        None => Rule {
            action: Action::Redact(Operator::Placeholder),
            min_score: None,
        },
    };
    let mut categories = BTreeMap::new();
    if let Some(v) = root.get("categories") {
        for (name, r) in object("categories", v)? {
            let path = format!("categories.{name}");
            let category = Category::from_name(name)
                .ok_or_else(|| PolicyError::new(&path, "unknown category"))?;
            categories.insert(category, rule(&path, r)?);
        }
    }
    let mut kinds = BTreeMap::new();
    let mut disabled = Vec::new();
    if let Some(v) = root.get("kinds") {
        for (name, r) in object("kinds", v)? {
            let path = format!("kinds.{name}");
            let kind =
                Kind::from_name(name).ok_or_else(|| PolicyError::new(&path, "unknown kind"))?;
            let obj = object(&path, r)?;
            if let Some(enabled) = obj.get("enabled") {
                let on = enabled.as_bool().ok_or_else(|| {
                    PolicyError::new(format!("{path}.enabled"), "must be true or false")
                })?;
                if !on {
                    disabled.push(kind);
                }
            }
            if !disabled.contains(&kind) {
                super::packs::kind_in_build(&path, kind, crate::Pack::is_built)?;
            }
            if obj.contains_key("action") || obj.contains_key("min_score") {
                kinds.insert(kind, rule(&path, r)?);
            } else {
                known_fields(&path, obj, &["enabled"])?;
            }
        }
    }
    let mut custom = Vec::new();
    if let Some(v) = root.get("custom") {
        let items = array("custom", v)?;
        if items.len() > MAX_CUSTOM {
            return Err(PolicyError::new(
                "custom",
                format!("at most {MAX_CUSTOM} patterns"),
            ));
        }
        for (i, item) in items.iter().enumerate() {
            custom.push(custom_pattern(&format!("custom[{i}]"), item, &custom)?);
        }
    }
    let mut deny = Vec::new();
    let (mut deny_values, mut deny_bytes) = (0usize, 0usize);
    if let Some(v) = root.get("deny") {
        for (i, item) in array("deny", v)?.iter().enumerate() {
            let path = format!("deny[{i}]");
            let obj = object(&path, item)?;
            known_fields(&path, obj, &["kind", "values"])?;
            let kind = string(&format!("{path}.kind"), obj.get("kind"))?;
            if Kind::from_name(&kind).is_none() && !custom.iter().any(|c| c.name == kind) {
                return Err(PolicyError::new(
                    format!("{path}.kind"),
                    "unknown kind (built-in or custom name)",
                ));
            }
            let values = strings(&format!("{path}.values"), obj.get("values"))?;
            if values.iter().any(|v| v.trim().is_empty()) {
                return Err(PolicyError::new(
                    format!("{path}.values"),
                    "values must not be empty",
                ));
            }
            if let Some(j) = values.iter().position(|v| v.len() > MAX_DENY_VALUE_LEN) {
                return Err(PolicyError::new(
                    format!("{path}.values[{j}]"),
                    format!("longer than {MAX_DENY_VALUE_LEN} bytes"),
                ));
            }
            deny_values += values.len();
            deny_bytes += values.iter().map(String::len).sum::<usize>();
            if deny_values > MAX_DENY_VALUES {
                return Err(PolicyError::new(
                    "deny",
                    format!("at most {MAX_DENY_VALUES} values in all deny lists together"),
                ));
            }
            if deny_bytes > MAX_DENY_BYTES {
                return Err(PolicyError::new(
                    "deny",
                    format!("at most {MAX_DENY_BYTES} bytes of values in all deny lists together"),
                ));
            }
            deny.push(DenyList { kind, values });
        }
    }
    let allow = match root.get("allow") {
        Some(v) => strings("allow", Some(v))?,
        None => Vec::new(),
    };
    let roles = root.get("roles").cloned().unwrap_or(Value::Null);
    if !(roles.is_null() || roles.is_object()) {
        return Err(PolicyError::new("roles", "must be an object"));
    }
    let injection = match root.get("injection") {
        Some(v) => injection_policy(v)?,
        None => InjectionPolicy::DEFAULT,
    };
    Ok(Policy {
        version,
        min_score,
        default,
        categories,
        kinds,
        disabled,
        custom,
        deny,
        allow,
        roles,
        injection,
    })
}

fn known_fields(path: &str, obj: &Map<String, Value>, allowed: &[&str]) -> Result<(), PolicyError> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(PolicyError::new(
            join(path, unknown),
            format!("unknown field (expected one of: {})", allowed.join(", ")),
        )),
        None => Ok(()),
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn object<'v>(path: &str, v: &'v Value) -> Result<&'v Map<String, Value>, PolicyError> {
    v.as_object()
        .ok_or_else(|| PolicyError::new(path, "must be an object"))
}

fn array<'v>(path: &str, v: &'v Value) -> Result<&'v Vec<Value>, PolicyError> {
    v.as_array()
        .ok_or_else(|| PolicyError::new(path, "must be an array"))
}

fn string(path: &str, v: Option<&Value>) -> Result<String, PolicyError> {
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(PolicyError::new(path, "must be a string")),
        None => Err(PolicyError::new(path, "is required")),
    }
}

fn strings(path: &str, v: Option<&Value>) -> Result<Vec<String>, PolicyError> {
    let Some(v) = v else {
        return Err(PolicyError::new(path, "is required"));
    };
    array(path, v)?
        .iter()
        .enumerate()
        .map(|(i, s)| {
            s.as_str()
                .map(str::to_owned)
                .ok_or_else(|| PolicyError::new(format!("{path}[{i}]"), "must be a string"))
        })
        .collect()
}

fn score(path: &str, v: &Value) -> Result<Score, PolicyError> {
    match v.as_f64() {
        Some(f) if (0.0..=1.0).contains(&f) => Ok(Score::from_f32(f as f32)),
        _ => Err(PolicyError::new(path, "must be a number from 0 to 1")),
    }
}

fn rule(path: &str, v: &Value) -> Result<Rule, PolicyError> {
    let obj = object(path, v)?;
    known_fields(
        path,
        obj,
        &[
            "action",
            "operator",
            "keep_last",
            "mask_char",
            "min_score",
            "enabled",
        ],
    )?;
    let min_score = obj
        .get("min_score")
        .map(|s| score(&join(path, "min_score"), s))
        .transpose()?;
    let action_name = string(&join(path, "action"), obj.get("action"))?;
    let operator = || operator(path, obj);
    let action = match action_name.as_str() {
        "allow" => Action::Allow,
        "block" => Action::Block,
        "redact" => Action::Redact(operator()?),
        "ask" => Action::Ask(operator()?),
        _ => {
            return Err(PolicyError::new(
                join(path, "action"),
                "must be one of: allow, redact, block, ask",
            ))
        }
    };
    if matches!(action, Action::Allow | Action::Block) {
        if let Some(field) = ["operator", "keep_last", "mask_char"]
            .into_iter()
            .find(|f| obj.contains_key(*f))
        {
            return Err(PolicyError::new(
                join(path, field),
                format!("does not apply to action `{action_name}`"),
            ));
        }
    }
    Ok(Rule { action, min_score })
}

fn operator(path: &str, obj: &Map<String, Value>) -> Result<Operator, PolicyError> {
    let name = match obj.get("operator") {
        None => "placeholder".to_owned(),
        Some(v) => string(&join(path, "operator"), Some(v))?,
    };
    let is_mask = name == "mask";
    if !is_mask {
        if let Some(field) = ["keep_last", "mask_char"]
            .into_iter()
            .find(|f| obj.contains_key(*f))
        {
            return Err(PolicyError::new(
                join(path, field),
                "only applies to operator `mask`",
            ));
        }
    }
    Ok(match name.as_str() {
        "placeholder" => Operator::Placeholder,
        "pseudonym" => Operator::Pseudonym,
        "hash" => Operator::Hash,
        "remove" => Operator::Remove,
        "mask" => {
            let keep_last = match obj.get("keep_last") {
                None => 0,
                Some(v) => v.as_u64().filter(|&n| n <= 8).ok_or_else(|| {
                    PolicyError::new(
                        join(path, "keep_last"),
                        "must be a whole number from 0 to 8",
                    )
                })? as u8,
            };
            let ch = match obj.get("mask_char") {
                None => '*',
                Some(v) => {
                    let s = string(&join(path, "mask_char"), Some(v))?;
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if !c.is_alphanumeric() => c,
                        _ => {
                            return Err(PolicyError::new(
                                join(path, "mask_char"),
                                "must be one character that is not a letter or digit",
                            ))
                        }
                    }
                }
            };
            Operator::Mask { ch, keep_last }
        }
        _ => {
            return Err(PolicyError::new(
                join(path, "operator"),
                "must be one of: mask, placeholder, pseudonym, hash, remove",
            ))
        }
    })
}

fn custom_pattern(
    path: &str,
    v: &Value,
    earlier: &[CustomPattern],
) -> Result<CustomPattern, PolicyError> {
    let obj = object(path, v)?;
    known_fields(
        path,
        obj,
        &[
            "name",
            "pattern",
            "category",
            "score",
            "context",
            "needs_context",
            "rule",
        ],
    )?;
    let name = string(&join(path, "name"), obj.get("name"))?;
    let name_ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !name_ok {
        return Err(PolicyError::new(
            join(path, "name"),
            "must be 1-64 characters of a-z, 0-9 and _",
        ));
    }
    if Kind::from_name(&name).is_some() || earlier.iter().any(|c| c.name == name) {
        return Err(PolicyError::new(
            join(path, "name"),
            format!("`{name}` is already a kind"),
        ));
    }
    let pattern = string(&join(path, "pattern"), obj.get("pattern"))?;
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(PolicyError::new(
            join(path, "pattern"),
            format!("longer than {MAX_PATTERN_LEN} bytes"),
        ));
    }
    let compiled = regex_lite::Regex::new(&pattern).map_err(|e| {
        PolicyError::new(
            join(path, "pattern"),
            format!("invalid regular expression: {e}"),
        )
    })?;
    if compiled.is_match("") {
        return Err(PolicyError::new(
            join(path, "pattern"),
            "matches the empty string",
        ));
    }
    let category = match obj.get("category") {
        None => Category::Custom,
        Some(v) => {
            let s = string(&join(path, "category"), Some(v))?;
            Category::from_name(&s)
                .ok_or_else(|| PolicyError::new(join(path, "category"), "unknown category"))?
        }
    };
    let base = match obj.get("score") {
        None => Score::from_milli(800),
        Some(v) => score(&join(path, "score"), v)?,
    };
    let context = match obj.get("context") {
        None => Vec::new(),
        Some(v) => strings(&join(path, "context"), Some(v))?
            .into_iter()
            .map(|s| crate::normalize::lower_str(&s))
            .collect(),
    };
    let needs_context = match obj.get("needs_context") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| {
            PolicyError::new(join(path, "needs_context"), "must be true or false")
        })?,
    };
    if context.iter().any(|w| w.trim().is_empty()) {
        return Err(PolicyError::new(
            join(path, "context"),
            "context words must not be empty",
        ));
    }
    if needs_context && context.is_empty() {
        return Err(PolicyError::new(
            join(path, "context"),
            "needs_context requires at least one context word",
        ));
    }
    let rule = obj
        .get("rule")
        .map(|r| rule(&join(path, "rule"), r))
        .transpose()?;
    Ok(CustomPattern {
        name,
        pattern,
        category,
        score: base,
        context,
        needs_context,
        rule,
    })
}

fn injection_policy(v: &Value) -> Result<InjectionPolicy, PolicyError> {
    let obj = object("injection", v)?;
    known_fields(
        "injection",
        obj,
        &["enabled", "flag_at", "block_at", "document", "smuggling"],
    )?;
    let enabled = match obj.get("enabled") {
        None => true,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| PolicyError::new("injection.enabled", "must be true or false"))?,
    };
    let chat = thresholds("injection", obj, InjectionPolicy::DEFAULT.chat)?;
    let document = match obj.get("document") {
        None => InjectionPolicy::DEFAULT.document,
        Some(d) => {
            let d = object("injection.document", d)?;
            known_fields("injection.document", d, &["flag_at", "block_at"])?;
            thresholds("injection.document", d, InjectionPolicy::DEFAULT.document)?
        }
    };
    let smuggling = match obj.get("smuggling") {
        None => SmugglingPolicy::DEFAULT,
        Some(v) => smuggling_policy(v)?,
    };
    Ok(InjectionPolicy {
        enabled,
        chat,
        document,
        smuggling,
    })
}

/// `injection.smuggling`: `action` for the invisible carriers, `families` per family.
fn smuggling_policy(v: &Value) -> Result<SmugglingPolicy, PolicyError> {
    const PATH: &str = "injection.smuggling";
    let obj = object(PATH, v)?;
    known_fields(PATH, obj, &["action", "families"])?;
    let mut policy = SmugglingPolicy::DEFAULT;
    let mut set = |path: &str, family: &str, v: &Value| -> Result<(), PolicyError> {
        let action = match v.as_str() {
            Some("score") => SmuggleAction::Score,
            Some("strip") => SmuggleAction::Strip,
            Some("flag") => SmuggleAction::Flag,
            Some("block") => SmuggleAction::Block,
            _ => {
                return Err(PolicyError::new(
                    path,
                    "must be one of: score, strip, flag, block",
                ))
            }
        };
        if action == SmuggleAction::Strip && !SmugglingPolicy::INVISIBLE.contains(&family) {
            return Err(PolicyError::new(
                path,
                format!(
                    "strip applies only to invisible carriers ({})",
                    SmugglingPolicy::INVISIBLE.join(", ")
                ),
            ));
        }
        let i = SmugglingPolicy::FAMILIES
            .iter()
            .position(|f| *f == family)
            .ok_or_else(|| {
                PolicyError::new(
                    path,
                    format!(
                        "unknown smuggling family (expected one of: {})",
                        SmugglingPolicy::FAMILIES.join(", ")
                    ),
                )
            })?;
        if let Some(slot) = policy.actions.get_mut(i) {
            *slot = action;
        }
        Ok(())
    };
    if let Some(v) = obj.get("action") {
        for family in SmugglingPolicy::INVISIBLE {
            set(&join(PATH, "action"), family, v)?;
        }
    }
    if let Some(families) = obj.get("families") {
        let path = join(PATH, "families");
        for (family, v) in object(&path, families)? {
            set(&join(&path, family), family, v)?;
        }
    }
    Ok(policy)
}

fn thresholds(
    path: &str,
    obj: &Map<String, Value>,
    default: Thresholds,
) -> Result<Thresholds, PolicyError> {
    let flag_at = obj
        .get("flag_at")
        .map(|s| score(&join(path, "flag_at"), s))
        .transpose()?
        .unwrap_or(default.flag_at);
    let block_at = obj
        .get("block_at")
        .map(|s| score(&join(path, "block_at"), s))
        .transpose()?
        .unwrap_or(default.block_at);
    if block_at < flag_at {
        return Err(PolicyError::new(
            join(path, "block_at"),
            "must not be below flag_at",
        ));
    }
    Ok(Thresholds { flag_at, block_at })
}

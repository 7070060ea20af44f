//! `chatguard policy check FILE`: validates a policy and summarises what it does.

use std::io::{self, Write};
use std::path::Path;

use chatguard::policy::Rule;
use chatguard::{Action, Category, Guard, Kind, Operator, Policy};

use crate::ui::Ui;
use crate::{EXIT_ERROR, EXIT_OK};

/// Validates the policy in `path`; prints the summary on `out`.
pub(crate) fn run(path: &Path, out: &mut dyn Write, ui: &mut Ui<'_>) -> u8 {
    let Some(policy) = crate::setup::load_policy(path, ui) else {
        return EXIT_ERROR;
    };
    // Building compiles custom patterns and deny lists: the last checks a policy must pass.
    let guard = match Guard::new(policy) {
        Ok(g) => g,
        Err(e) => {
            ui.say(format_args!("{}: {e}", path.display()));
            return EXIT_ERROR;
        }
    };
    let written =
        summary(&path.display().to_string(), guard.policy(), out).and_then(|()| out.flush());
    match written {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            ui.say(format_args!("cannot write output: {e}"));
            EXIT_ERROR
        }
    }
}

/// `redact (mask '*', keep_last 4)`, `ask (pseudonym)`, `allow`; with `min_score` when set.
fn describe(rule: &Rule) -> String {
    let op = |op: Operator| match op {
        Operator::Mask { ch, keep_last } => format!("mask '{ch}', keep_last {keep_last}"),
        other => other.name().to_owned(),
    };
    let mut s = match rule.action {
        Action::Redact(o) | Action::Ask(o) => format!("{} ({})", rule.action.name(), op(o)),
        other => other.name().to_owned(),
    };
    if let Some(min) = rule.min_score {
        s.push_str(&format!(", min_score {min}"));
    }
    s
}

/// Writes the summary of a valid policy.
fn summary(name: &str, p: &Policy, out: &mut dyn Write) -> io::Result<()> {
    let enabled = Kind::BUILTIN.iter().filter(|k| p.is_enabled(**k)).count();
    writeln!(out, "{name}: valid policy (version {})", p.version)?;
    writeln!(out, "min_score: {}", p.min_score)?;
    writeln!(out, "default: {}", describe(&p.default))?;
    writeln!(
        out,
        "kinds enabled: {enabled} of {} built-in, {} custom",
        Kind::BUILTIN.len(),
        p.custom.len()
    )?;
    writeln!(out, "categories:")?;
    for c in Category::ALL {
        let rule = p.categories.get(&c).copied().unwrap_or(p.default);
        let mut kinds: Vec<&str> = Kind::BUILTIN
            .iter()
            .filter(|k| k.category() == c && p.is_enabled(**k))
            .filter_map(|k| k.builtin_name())
            .collect();
        kinds.extend(
            p.custom
                .iter()
                .filter(|k| k.category == c)
                .map(|k| k.name.as_str()),
        );
        let kinds = if kinds.is_empty() {
            "(no kinds)".to_owned()
        } else {
            kinds.join(", ")
        };
        writeln!(out, "  {:<14} {:<28} {kinds}", c.name(), describe(&rule))?;
    }
    let overrides: Vec<String> = p
        .kinds
        .iter()
        .map(|(k, r)| format!("{} {}", k.builtin_name().unwrap_or("?"), describe(r)))
        .chain(p.custom.iter().filter_map(|c| {
            c.rule
                .as_ref()
                .map(|r| format!("{} {}", c.name, describe(r)))
        }))
        .collect();
    if !overrides.is_empty() {
        writeln!(out, "kind rules:")?;
        for o in overrides {
            writeln!(out, "  {o}")?;
        }
    }
    let disabled: Vec<&str> = p.disabled.iter().filter_map(|k| k.builtin_name()).collect();
    if !disabled.is_empty() {
        writeln!(out, "disabled: {}", disabled.join(", "))?;
    }
    let deny_values: usize = p.deny.iter().map(|d| d.values.len()).sum();
    writeln!(
        out,
        "deny lists: {} ({deny_values} values); allow list: {} values",
        p.deny.len(),
        p.allow.len()
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_summary() {
        let mut out = Vec::new();
        summary("default.json", &Policy::default(), &mut out).expect("writes");
        let s = String::from_utf8_lossy(&out);
        assert!(
            s.starts_with("default.json: valid policy (version 1)\n"),
            "{s}"
        );
        assert!(s.contains("default: redact (pseudonym)\n"), "{s}");
        assert!(s.contains("  financial      ask (pseudonym)"), "{s}");
        assert!(s.contains("credit_card"), "{s}");
        assert!(s.contains("  url allow, min_score 0.500\n"), "{s}");
    }

    #[test]
    fn mask_rules_are_described() {
        let rule = Rule {
            action: Action::Redact(Operator::Mask {
                ch: '#',
                keep_last: 4,
            }),
            min_score: None,
        };
        assert_eq!(describe(&rule), "redact (mask '#', keep_last 4)");
    }
}

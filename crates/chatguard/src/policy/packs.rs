//! Detector packs and policies: a policy that relies on a kind whose pack this build left out
//! (see [`Pack`]) is rejected, so a reduced build never silently lets through what its policy
//! promises to catch. What counts as relying on a kind:
//!
//! - an entry under `kinds` that does not switch the kind off (`"enabled": false`): the policy
//!   gives that kind a rule or switches it on by name;
//! - a category whose rule is `block` while no detector of that category is in the build — no
//!   built-in kind of it and no custom pattern of it. Other category rules (`redact`, `ask`,
//!   `allow`) say what happens to whatever the build finds, so the bundled default policy works
//!   in every build.
//!
//! Deny lists may name any kind: their values are matched exactly, without the kind's recognizer.

use super::{Action, Policy};
use crate::{Kind, Pack, PolicyError};

impl Policy {
    /// Fails when the policy relies on a kind whose pack is not in this build (see the module
    /// documentation); the error names the field, the kind and the missing pack.
    pub(crate) fn check_packs(&self) -> Result<(), PolicyError> {
        self.check_packs_with(Pack::is_built)
    }

    /// [`Policy::check_packs`] against the packs `built` says are present.
    fn check_packs_with(&self, built: impl Fn(Pack) -> bool + Copy) -> Result<(), PolicyError> {
        for &kind in self.kinds.keys() {
            if self.is_enabled(kind) {
                kind_in_build(&kinds_path(kind), kind, built)?;
            }
        }
        for (&category, rule) in &self.categories {
            if rule.action != Action::Block || self.custom.iter().any(|c| c.category == category) {
                continue;
            }
            let mut packs: Vec<Pack> = Kind::BUILTIN
                .iter()
                .filter(|k| k.category() == category)
                .map(|k| k.pack())
                .collect::<Option<Vec<Pack>>>()
                .unwrap_or_default();
            if packs.is_empty() || packs.iter().any(|&p| built(p)) {
                continue;
            }
            packs.sort_unstable();
            packs.dedup();
            let names: Vec<String> = packs.iter().map(|p| format!("`{p}`")).collect();
            return Err(PolicyError::new(
                format!("categories.{}", category.name()),
                format!(
                    "blocks `{category}`, but no detector of that category is in this build \
                     (it needs the {} pack)",
                    names.join(" or ")
                ),
            ));
        }
        Ok(())
    }
}

/// `kinds.<name>`, the field of a kind's entry.
fn kinds_path(kind: Kind) -> String {
    format!("kinds.{}", kind.builtin_name().unwrap_or("custom"))
}

/// Fails at `path` when `kind` belongs to a pack that `built` says is missing.
pub(super) fn kind_in_build(
    path: &str,
    kind: Kind,
    built: impl Fn(Pack) -> bool,
) -> Result<(), PolicyError> {
    match kind.pack() {
        Some(pack) if !built(pack) => Err(PolicyError::new(
            path,
            format!(
                "the `{}` detector is not in this build: it belongs to the `{pack}` pack \
                 (build with that feature, or switch the kind off with \"enabled\": false)",
                kind.builtin_name().unwrap_or("custom")
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Guard, Policy};

    fn policy(json: &str) -> Policy {
        Policy::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    /// A policy with a `block` rule for `kind`, built without the parser (which refuses a kind
    /// of a pack this build lacks).
    fn blocking(kind: Kind) -> Policy {
        let mut p = policy(r#"{"version":1}"#);
        let rule = crate::policy::Rule {
            action: Action::Block,
            min_score: None,
        };
        p.kinds.insert(kind, rule);
        p
    }

    fn all_but(missing: Pack) -> impl Fn(Pack) -> bool + Copy {
        move |p| p != missing
    }

    #[test]
    fn a_kind_rule_needs_its_pack() {
        let p = blocking(Kind::UsSsn);
        assert!(p.check_packs_with(all_but(Pack::IdsEurope)).is_ok());
        let e = p
            .check_packs_with(all_but(Pack::IdsAmericas))
            .expect_err("us_ssn without ids-americas");
        assert_eq!(e.field(), "kinds.us_ssn");
        assert!(
            e.reason()
                .contains("`us_ssn` detector is not in this build"),
            "{e}"
        );
        assert!(e.reason().contains("`ids-americas` pack"), "{e}");
    }

    #[test]
    fn a_kind_switched_off_needs_no_pack() {
        let mut p = blocking(Kind::Secret);
        p.disabled.push(Kind::Secret);
        assert!(p.check_packs_with(|_| false).is_ok());
    }

    #[test]
    fn kinds_outside_packs_are_always_built() {
        let p = policy(
            r#"{"version":1,"kinds":{"email":{"action":"block"},"credit_card":{"action":"block"},
            "iban":{"action":"block"},"phone":{"action":"block"},"url":{"action":"allow"}}}"#,
        );
        assert!(p.check_packs_with(|_| false).is_ok());
    }

    #[test]
    fn a_blocked_category_needs_one_of_its_packs() {
        let p = policy(r#"{"version":1,"categories":{"credentials":{"action":"block"}}}"#);
        let e = p
            .check_packs_with(all_but(Pack::Secrets))
            .expect_err("credentials blocked without secrets");
        assert_eq!(e.field(), "categories.credentials");
        assert!(e.reason().contains("`secrets` pack"), "{e}");
        // Health is served by either id pack that holds a health number.
        let p = policy(r#"{"version":1,"categories":{"health":{"action":"block"}}}"#);
        assert!(p.check_packs_with(all_but(Pack::IdsEurope)).is_ok());
        let e = p
            .check_packs_with(|p| !matches!(p, Pack::IdsEurope | Pack::IdsAmericas))
            .expect_err("health without either pack");
        assert!(e.reason().contains("`ids-europe` or `ids-americas`"), "{e}");
        // Contact always has email and phone.
        let p = policy(r#"{"version":1,"categories":{"contact":{"action":"block"}}}"#);
        assert!(p.check_packs_with(|_| false).is_ok());
    }

    #[test]
    fn a_custom_pattern_serves_its_category() {
        let p = policy(
            r#"{"version":1,"categories":{"credentials":{"action":"block"}},
            "custom":[{"name":"acme_key","pattern":"ACME-[0-9]{8}","category":"credentials"}]}"#,
        );
        assert!(p.check_packs_with(|_| false).is_ok());
    }

    #[test]
    fn other_category_rules_and_the_default_policy_need_no_pack() {
        assert!(Policy::default().check_packs_with(|_| false).is_ok());
        let p = policy(r#"{"version":1,"categories":{"credentials":{"action":"ask"}}}"#);
        assert!(p.check_packs_with(|_| false).is_ok());
    }

    #[test]
    fn deny_lists_need_no_pack() {
        let p = policy(r#"{"version":1,"deny":[{"kind":"person","values":["Jane Roe"]}]}"#);
        assert!(p.check_packs_with(|_| false).is_ok());
    }

    /// The real build: the guard refuses a policy naming a kind of a pack it lacks, and a kind
    /// it lacks is never found.
    #[test]
    fn this_build_refuses_what_it_cannot_find() {
        for &kind in Kind::BUILTIN {
            let name = kind.builtin_name().expect("builtin");
            let json = format!(r#"{{"version":1,"kinds":{{"{name}":{{"action":"block"}}}}}}"#);
            let built = Policy::from_json(&json).and_then(Guard::new);
            assert_eq!(built.is_ok(), kind.is_built(), "{name}");
            if let Err(e) = built {
                assert!(e.to_string().contains("not in this build"), "{e}");
            }
        }
        assert!(Guard::new(Policy::default()).is_ok());
        // A policy made in code, not parsed, is checked when the guard is built.
        assert_eq!(
            Guard::new(blocking(Kind::Person)).is_ok(),
            Pack::Person.is_built()
        );
        // Synthetic values: a Luhn-valid test card and a well-formed synthetic SSN.
        let guard = Guard::new(Policy::default()).expect("default policy");
        let found = guard.scan("card 4111 1111 1111 1111, SSN 536-22-1234");
        assert!(found.iter().any(|f| f.kind == Kind::CreditCard));
        assert_eq!(
            found.iter().any(|f| f.kind == Kind::UsSsn),
            Pack::IdsAmericas.is_built()
        );
    }
}

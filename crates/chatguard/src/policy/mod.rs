//! The declarative policy shared by the CLI, the widget and the edge: which kinds are looked for,
//! what happens to each (allow, redact with an operator, block, or ask for consent), score
//! thresholds, custom patterns, deny and allow lists, the prompt-injection thresholds, and an
//! opaque `roles` section that the edge reads.
//!
//! Rules resolve most specific first: the kind's own rule, then its category's, then `default`.
//! A policy is parsed from JSON with [`Policy::from_json`]; every mistake is reported as a
//! [`crate::PolicyError`] naming the field (`kinds.email.operator`) and the reason. The JSON Schema is
//! `tests/policies/policy.schema.json`.

mod json;
mod packs;

use std::collections::BTreeMap;

use crate::{Category, Kind, Score};

pub use json::DEFAULT_POLICY_JSON;

/// What happens to a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave it in the text (still reported).
    Allow,
    /// Rewrite it with the operator.
    Redact(Operator),
    /// Refuse the whole text.
    Block,
    /// Rewrite it with the operator unless consent (and, at the edge, the role) lets its category pass.
    Ask(Operator),
}

impl Action {
    /// The wire name: `allow`, `redact`, `block`, `ask`.
    pub const fn name(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Redact(_) => "redact",
            Action::Block => "block",
            Action::Ask(_) => "ask",
        }
    }
}

/// How a value is rewritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// Replace every letter and digit with `ch`, keeping the last `keep_last` of them and all
    /// separators: `****-****-****-1881`.
    Mask {
        /// The masking character.
        ch: char,
        /// How many trailing letters or digits stay visible.
        keep_last: u8,
    },
    /// Replace with the kind in brackets: `[EMAIL]`.
    Placeholder,
    /// Replace with a numbered placeholder that is the same for the same value within a
    /// conversation and can be restored from the vault: `[EMAIL_1]`.
    Pseudonym,
    /// Replace with a keyed HMAC-SHA-256 digest (deterministic for a key): `[EMAIL#mfrgg…]`.
    Hash,
    /// Delete the value.
    Remove,
}

impl Operator {
    /// The wire name: `mask`, `placeholder`, `pseudonym`, `hash`, `remove`.
    pub const fn name(self) -> &'static str {
        match self {
            Operator::Mask { .. } => "mask",
            Operator::Placeholder => "placeholder",
            Operator::Pseudonym => "pseudonym",
            Operator::Hash => "hash",
            Operator::Remove => "remove",
        }
    }
}

/// The action for findings at or above a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// What to do.
    pub action: Action,
    /// Findings below this score are ignored; `None` uses the policy's `min_score`.
    pub min_score: Option<Score>,
}

/// A user-defined pattern, compiled with `regex-lite`.
#[derive(Clone, Debug)]
pub struct CustomPattern {
    /// The kind name it reports (must not clash with a built-in kind).
    pub name: String,
    /// The regular expression (regex-lite syntax).
    pub pattern: String,
    /// The category consent and roles refer to.
    pub category: Category,
    /// The base score of a match.
    pub score: Score,
    /// Lowercase words that raise the score when near a match.
    pub context: Vec<String>,
    /// When true, a match only counts with a context word nearby.
    pub needs_context: bool,
    /// The rule for this kind; `None` uses the category's or the default.
    pub rule: Option<Rule>,
}

/// Exact values that are always reported as `kind` (e.g. names of staff, project code names).
#[derive(Clone, Debug)]
pub struct DenyList {
    /// The kind to report (built-in or custom name).
    pub kind: String,
    /// The values, matched case-insensitively on word boundaries.
    pub values: Vec<String>,
}

/// A parsed, validated policy.
#[derive(Clone, Debug)]
pub struct Policy {
    /// The policy format version (currently 1).
    pub version: u32,
    /// Findings below this score are ignored unless a rule says otherwise.
    pub min_score: Score,
    /// The rule for kinds with no rule of their own or of their category.
    pub default: Rule,
    /// Per-category rules.
    pub categories: BTreeMap<Category, Rule>,
    /// Per-kind rules for built-in kinds.
    pub kinds: BTreeMap<Kind, Rule>,
    /// Built-in kinds switched off.
    pub disabled: Vec<Kind>,
    /// Custom patterns.
    pub custom: Vec<CustomPattern>,
    /// Deny lists.
    pub deny: Vec<DenyList>,
    /// Exact values never reported (e.g. the support address the bot itself gives out).
    pub allow: Vec<String>,
    /// The `roles` section, kept as JSON for the edge.
    pub roles: serde_json::Value,
    /// The prompt-injection thresholds (the `injection` section).
    pub injection: InjectionPolicy,
}

/// When a prompt-injection score flags or blocks a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Thresholds {
    /// Scores at or above this are flagged.
    pub flag_at: Score,
    /// Scores at or above this are blocked (never below `flag_at`).
    pub block_at: Score,
}

/// The `injection` section: whether injection verdicts apply, and the thresholds for chat
/// messages and for documents (retrieved or uploaded content).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InjectionPolicy {
    /// When false, texts are still scored but the verdict is always `allow`.
    pub enabled: bool,
    /// Thresholds for chat messages (`flag_at`, `block_at` at the top of the section).
    pub chat: Thresholds,
    /// Thresholds for documents (`document.flag_at`, `document.block_at`).
    pub document: Thresholds,
    /// What happens to Unicode and encoding smuggling (the `smuggling` object).
    pub smuggling: SmugglingPolicy,
}

/// What a smuggling family found in a text does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SmuggleAction {
    /// Only adds its weight to the injection score.
    Score,
    /// Invisible carriers only: removed from the text [`crate::Guard::check`] passes on; the
    /// injection verdict is `block` when the hidden payload holds instruction words.
    Strip,
    /// The injection verdict is at least `flag`.
    Flag,
    /// The injection verdict is `block`.
    Block,
}

impl SmuggleAction {
    /// The wire name: `score`, `strip`, `flag`, `block`.
    pub const fn name(self) -> &'static str {
        match self {
            SmuggleAction::Score => "score",
            SmuggleAction::Strip => "strip",
            SmuggleAction::Flag => "flag",
            SmuggleAction::Block => "block",
        }
    }
}

/// The `injection.smuggling` object: an action per smuggling family, in the order of
/// [`SmugglingPolicy::FAMILIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SmugglingPolicy {
    /// The action of each family, indexed like [`SmugglingPolicy::FAMILIES`].
    pub actions: [SmuggleAction; 13],
}

impl SmugglingPolicy {
    /// The family names the policy uses (the signal ids without `smuggle.`), in the order of
    /// `chatguard::inject::smuggle::Family::ALL`.
    pub const FAMILIES: [&'static str; 13] = [
        "zero_width",
        "tag_chars",
        "variation_selectors",
        "bidi",
        "confusables",
        "combining_marks",
        "fullwidth",
        "spaced_letters",
        "leetspeak",
        "base64",
        "hex",
        "url_encoding",
        "rot13",
    ];

    /// The families whose carriers are invisible characters, the only ones that can be stripped:
    /// zero-width characters inside words, tag characters, variation-selector data, bidi controls.
    pub const INVISIBLE: [&'static str; 4] =
        ["zero_width", "tag_chars", "variation_selectors", "bidi"];

    /// Invisible carriers stripped, every other family scored.
    pub const DEFAULT: SmugglingPolicy = SmugglingPolicy {
        actions: [
            SmuggleAction::Strip,
            SmuggleAction::Strip,
            SmuggleAction::Strip,
            SmuggleAction::Strip,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
            SmuggleAction::Score,
        ],
    };

    /// The action for the family named `name` (as in [`SmugglingPolicy::FAMILIES`]).
    pub fn action(&self, name: &str) -> Option<SmuggleAction> {
        let i = Self::FAMILIES.iter().position(|f| *f == name)?;
        self.actions.get(i).copied()
    }

    /// True when some invisible family is stripped.
    pub fn strips(&self) -> bool {
        self.actions.contains(&SmuggleAction::Strip)
    }
}

impl Default for SmugglingPolicy {
    fn default() -> SmugglingPolicy {
        SmugglingPolicy::DEFAULT
    }
}

impl InjectionPolicy {
    /// Chat: flag at 0.6, block at 0.85. Documents: flag at 0.5, block at 0.8. Smuggling:
    /// [`SmugglingPolicy::DEFAULT`].
    pub const DEFAULT: InjectionPolicy = InjectionPolicy {
        enabled: true,
        chat: Thresholds {
            flag_at: Score::from_milli(600),
            block_at: Score::from_milli(850),
        },
        document: Thresholds {
            flag_at: Score::from_milli(500),
            block_at: Score::from_milli(800),
        },
        smuggling: SmugglingPolicy::DEFAULT,
    };
}

impl Default for InjectionPolicy {
    fn default() -> InjectionPolicy {
        InjectionPolicy::DEFAULT
    }
}

impl Default for Policy {
    /// The bundled default policy (see [`DEFAULT_POLICY_JSON`]).
    fn default() -> Policy {
        // Not `expect`: it would keep the error's `Debug` formatting in the browser module.
        Policy::from_json(DEFAULT_POLICY_JSON)
            .unwrap_or_else(|_| panic!("invariant: the bundled default policy is valid"))
    }
}

impl Policy {
    /// Parses and validates a policy document.
    pub fn from_json(text: &str) -> Result<Policy, crate::PolicyError> {
        json::parse(text)
    }

    /// The rule that applies to `kind`: its own, its category's, or the default.
    pub fn rule_for(&self, kind: Kind) -> Rule {
        if let Kind::Custom(i) = kind {
            if let Some(rule) = self.custom.get(usize::from(i)).and_then(|c| c.rule) {
                return rule;
            }
        } else if let Some(rule) = self.kinds.get(&kind) {
            return *rule;
        }
        let category = self.category_of(kind);
        self.categories
            .get(&category)
            .copied()
            .unwrap_or(self.default)
    }

    /// The category of a kind, including custom kinds.
    pub fn category_of(&self, kind: Kind) -> Category {
        match kind {
            Kind::Custom(i) => self
                .custom
                .get(usize::from(i))
                .map_or(Category::Custom, |c| c.category),
            other => other.category(),
        }
    }

    /// The score a finding of `kind` needs to count.
    pub fn threshold_for(&self, kind: Kind) -> Score {
        self.rule_for(kind).min_score.unwrap_or(self.min_score)
    }

    /// True when the built-in kind is looked for.
    pub fn is_enabled(&self, kind: Kind) -> bool {
        !self.disabled.contains(&kind)
    }
}

#[cfg(test)]
mod tests;

//! chatguard finds personal data and secrets in chat text and rewrites them before they leave
//! the device, reach a model, or land in a log.
//!
//! # Overview
//!
//! * [`Policy`] — the declarative document (JSON) saying which kinds to look for and what to do
//!   with each: allow, redact with an operator, block, or ask for consent.
//! * [`Guard`] — a policy compiled once. [`Guard::scan`] finds, [`Guard::check`] runs the whole
//!   pipeline (normalize → detect → context → resolve overlaps → decide → redact) and returns an
//!   [`Outcome`]: the text to pass on, a [`Verdict`] and the findings with their decisions.
//! * [`StreamRedactor`] — the same pipeline over chunks, for streamed answers.
//! * [`Guard::injection`] — a prompt-injection and jailbreak score in `0..1` with an
//!   `allow`/`flag`/`block` verdict from the policy's thresholds and the rule ids that fired
//!   (feature `inject`, on by default; see [`inject`]).
//! * [`Vault`] — pseudonyms (`[EMAIL_1]`) and the originals behind them, restorable in the page.
//!
//! Spans are UTF-8 byte offsets into the **original** text, whatever the normalizer did to find
//! them; [`Span::to_utf16`] converts for JavaScript.
//!
//! # Example
//!
//! ```
//! use chatguard::{Context, Guard, Kind, Policy, Span};
//!
//! let guard = Guard::new(Policy::default()).unwrap();
//! let text = "I'm jane@example.com, card 4012 8888 8888 1881";
//! let findings = guard.scan(text);
//! assert_eq!(findings[0].kind, Kind::Email);
//! assert_eq!(findings[0].span, Span::new(4, 20));
//! assert_eq!(findings[1].kind, Kind::CreditCard);
//! assert_eq!(findings[1].rule, "card.luhn");
//!
//! let outcome = guard.check(text, &Context::default());
//! assert_eq!(outcome.text, "I'm [EMAIL_1], card [CREDIT_CARD_1]");
//! ```
//!
//! # Untrusted input
//!
//! The engine reads attacker-controlled text. [`Guard::scan`], [`Guard::check`] and the stream
//! redactor never panic and never fail on any input; their cost is linear in the input (each
//! recognizer looks at a bounded window around a bounded number of places). Only construction —
//! parsing a policy, compiling custom patterns, opening a sealed vault — returns errors.
//!
//! The crate reads no clock, no environment, no files and no network, so it runs unchanged on
//! `wasm32-unknown-unknown` in a browser or a Worker. Time is passed in ([`UnixTime`]).
//!
//! # Crate features
//!
//! * `auth` (off by default) — `chatguard::auth`: JWT/JWKS verification (RS256, ES256, EdDSA,
//!   HS256 with RustCrypto), a JWKS cache policy and hashed API keys, for the edge Worker. The
//!   browser build leaves it out.
//! * `inject` (default) — the prompt-injection scorer ([`inject`], [`Guard::injection`]): a
//!   seven-language phrase lexicon and 16 KiB of model weights. A browser build that only redacts
//!   can leave it out with `default-features = false`.
//! * `packs` (default) — every detector pack ([`Pack`]): `ids-europe`, `ids-americas`,
//!   `ids-apac`, `ids-mea` (together `ids`), `secrets`, `person`, `address`, `dob`, `passport`,
//!   `finance`, `device`. A browser build for one region keeps only the packs it needs; a policy
//!   naming a kind of a pack left out is refused ([`Guard::new`]). Email, card, IBAN, phone, IP
//!   and MAC addresses and URLs are in every build.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// First: its `packed!` macro is used by the modules below.
#[macro_use]
mod packed;

#[cfg(feature = "auth")]
pub mod auth;
mod automaton;
mod detect;
mod error;
mod guard;
#[cfg(feature = "inject")]
pub mod inject;
mod kind;
pub mod normalize;
pub mod policy;
mod redact;
mod scratch;
mod sort;
mod span;
pub mod stream;
mod table;

pub use detect::{ContextHit, Finding};
pub use error::{PolicyError, VaultError};
pub use guard::{CategorySet, Context, Decided, Guard, GuardBuilder, Outcome, Verdict};
#[cfg(feature = "inject")]
pub use inject::{InjectionMode, InjectionReport, InjectionVerdict, Signal};
pub use kind::{Category, Kind, Pack};
pub use policy::{
    Action, InjectionPolicy, Operator, Policy, SmuggleAction, SmugglingPolicy, Thresholds,
};
pub use redact::vault::{PendingRestore, Restorer, Vault};
pub use span::{Score, Span, UnixTime};
pub use stream::{StreamRedactor, StreamStatus};

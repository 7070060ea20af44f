//! chatguard-edge: a Cloudflare Worker that sits in front of a chatbot origin and never trusts
//! the widget. Every request passes, in order: CORS and method, size, authentication, RBAC,
//! rate limits, validation, injection scoring, redaction with per-request pseudonyms and consent,
//! then is forwarded; answers are redacted (JSON or SSE streams), pseudonyms restored, and
//! disallowed tool calls dropped. One audit line per request, without text or identifiers.
//!
//! The logic lives in plain modules tested natively (`cargo test -p chatguard-edge`); only
//! `worker_entry` and its submodules (compiled for wasm32) touch Worker types.

pub mod audit;
pub mod authn;
pub mod canary;
pub mod chain;
pub mod config;
pub mod deletion;
pub mod error;
pub mod filter;
pub mod http;
pub mod injection;
pub mod memo;
pub mod output;
pub mod ratelimit;
pub mod rbac;
pub mod roles;
pub mod shape;
pub mod sse;
pub mod verified;

#[cfg(target_arch = "wasm32")]
mod worker_entry;

//! Prompt injection: Unicode and encoding smuggling, hidden text in documents, and the output side (canary tokens, exfiltration links, system-prompt leaks).

pub mod canary;
pub mod document;
pub mod output;
pub mod smuggle;

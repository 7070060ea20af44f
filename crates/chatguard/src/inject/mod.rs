//! Prompt injection: Unicode and encoding smuggling, hidden text in documents, and the output side (canary tokens, exfiltration links, system-prompt leaks).

pub mod document;
pub mod smuggle;

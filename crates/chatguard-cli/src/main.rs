//! `chatguard`: scan and redact personal data and secrets in files, stdin and JSON lines.

fn main() {}

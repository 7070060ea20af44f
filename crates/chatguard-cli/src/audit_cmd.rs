//! `chatguard audit verify FILE [--key-env NAME]`: checks the hash chain of an edge audit log
//! (lines written with `AUDIT_CHAIN=on`, see `chatguard_edge::chain`). The key comes from an
//! environment variable (default `AUDIT_KEY`), never from the command line, so it stays out of
//! shell history and process lists. Exit 0 intact, 1 broken (with the line number), 2 usage or
//! input error.

use std::io::Write;
use std::path::Path;

use chatguard_edge::chain;

use crate::ui::Ui;
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

/// The largest log file read.
const MAX_LOG_BYTES: u64 = 1024 * 1024 * 1024;

/// Verifies `path` with the key in the environment variable `key_env`.
pub(crate) fn run(path: &Path, key_env: &str, out: &mut dyn Write, ui: &mut Ui<'_>) -> u8 {
    let key = match std::env::var(key_env) {
        Ok(k) if !k.is_empty() => k,
        _ => {
            ui.say(format_args!(
                "audit verify: the environment variable {key_env} (the audit key) is not set"
            ));
            return EXIT_ERROR;
        }
    };
    verify_file(path, &key, out, ui)
}

/// Verifies `path` under `key`; prints the outcome on `out`.
pub(crate) fn verify_file(path: &Path, key: &str, out: &mut dyn Write, ui: &mut Ui<'_>) -> u8 {
    let bytes = match crate::setup::read_capped_file(path, MAX_LOG_BYTES) {
        Ok(b) => b,
        Err(e) => {
            ui.say(format_args!("{}: {e}", path.display()));
            return EXIT_ERROR;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        ui.say(format_args!("{}: not UTF-8 text", path.display()));
        return EXIT_ERROR;
    };
    let (message, code) = match chain::verify(&text, key) {
        Ok(v) if v.lines == 0 => {
            ui.say(format_args!("{}: no audit lines", path.display()));
            return EXIT_ERROR;
        }
        Ok(v) => (
            format!(
                "{}: chain intact: {} lines in {} chain(s)",
                path.display(),
                v.lines,
                v.chains
            ),
            EXIT_OK,
        ),
        Err(broken) => (
            format!(
                "{}: chain broken at line {}: {}",
                path.display(),
                broken.line,
                broken.reason
            ),
            EXIT_FINDINGS,
        ),
    };
    match writeln!(out, "{message}").and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) => {
            ui.say(format_args!("cannot write output: {e}"));
            EXIT_ERROR
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatguard_edge::audit::AuditEvent;
    use chatguard_edge::chain::Chain;

    fn verify_text(text: &str, key: &str) -> (u8, String) {
        let dir = std::env::temp_dir().join(format!(
            "chatguard-audit-{}-{}",
            std::process::id(),
            text.len()
        ));
        std::fs::write(&dir, text).expect("write");
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = verify_file(&dir, key, &mut out, &mut Ui::new(&mut err, false));
        let _ = std::fs::remove_file(&dir);
        (code, String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn intact_broken_and_empty_logs() {
        let mut chain = Chain::new("iso1".into());
        let lines: Vec<String> = (0..3)
            .map(|i| {
                chain.seal(
                    "k",
                    &mut AuditEvent::new(i, format!("r{i}"), "/v1/messages"),
                )
            })
            .collect();
        let (code, out) = verify_text(&lines.join("\n"), "k");
        assert_eq!(code, EXIT_OK, "{out}");
        assert!(out.contains("3 lines"), "{out}");
        let cut = format!("{}\n{}\n", lines[0], lines[2]);
        let (code, out) = verify_text(&cut, "k");
        assert_eq!(code, EXIT_FINDINGS);
        assert!(out.contains("line 2"), "{out}");
        assert_eq!(verify_text("\n\n", "k").0, EXIT_ERROR);
        let mut out = Vec::new();
        let mut err = Vec::new();
        let missing = Path::new("/nonexistent/chatguard/audit.log");
        let code = verify_file(missing, "k", &mut out, &mut Ui::new(&mut err, false));
        assert_eq!(code, EXIT_ERROR);
    }
}

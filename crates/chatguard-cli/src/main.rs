//! `chatguard`: scan and redact personal data and secrets in files, stdin and JSON lines.

use std::io::{BufWriter, IsTerminal};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = std::env::args_os().skip(1).collect();
    let mut stdin = std::io::stdin().lock();
    let mut stdout = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let stderr = std::io::stderr();
    let progress = stderr.is_terminal();
    let mut stderr = stderr.lock();
    let code = chatguard_cli::run(
        args,
        chatguard_cli::Io {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            progress,
        },
    );
    ExitCode::from(code)
}

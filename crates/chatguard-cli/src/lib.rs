//! The library half of the `chatguard` command: everything the binary does, testable in-process.
//!
//! [`run`] takes the arguments (without the program name) and the three standard streams in an
//! [`Io`], and returns the exit code: [`EXIT_OK`], [`EXIT_FINDINGS`] (findings and
//! `--fail-on-findings`) or [`EXIT_ERROR`] (usage or input error, explained on stderr).
//!
//! Output never contains matched text except where the command's job is to pass text on
//! (`redact`, which writes the redacted text).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod args;
mod audit_cmd;
pub mod eval;
pub mod inject_eval;
mod lines;
mod policy_cmd;
mod process;
mod setup;
mod ui;

use std::ffi::OsString;
use std::io::{Read, Write};

use args::Command;
use ui::Ui;

/// Success: no findings, or findings without `--fail-on-findings`.
pub const EXIT_OK: u8 = 0;
/// Something was found and `--fail-on-findings` was given, or `eval --check` found failures.
pub const EXIT_FINDINGS: u8 = 1;
/// A usage or input error (unknown flag, missing or unreadable file, bad policy, bad line).
pub const EXIT_ERROR: u8 = 2;

/// The standard streams of a run.
pub struct Io<'a> {
    /// Standard input, read when a FILE is `-` or none is given.
    pub stdin: &'a mut dyn Read,
    /// Standard output: findings, redacted text, JSON lines, summaries, help.
    pub stdout: &'a mut dyn Write,
    /// Standard error: errors, notes and the progress line.
    pub stderr: &'a mut dyn Write,
    /// Draw a progress line on stderr (set it when stderr is a terminal, never for pipes).
    pub progress: bool,
}

/// Runs the command line `args` (without the program name) and returns the exit code.
pub fn run(args: Vec<OsString>, io: Io<'_>) -> u8 {
    let mut ui = Ui::new(io.stderr, io.progress);
    let command = match args::parse(args) {
        Ok(c) => c,
        Err(args::UsageError(msg)) => {
            ui.say(format_args!("{msg}"));
            ui.raw("Run `chatguard --help` for usage.\n");
            return EXIT_ERROR;
        }
    };
    match command {
        Command::Help(topic) => print(io.stdout, topic.text(), &mut ui),
        Command::Version => print(
            io.stdout,
            concat!("chatguard ", env!("CARGO_PKG_VERSION"), "\n"),
            &mut ui,
        ),
        Command::Process(a) => process::run(&a, io.stdin, io.stdout, &mut ui),
        Command::PolicyCheck(path) => policy_cmd::run(&path, io.stdout, &mut ui),
        Command::AuditVerify { file, key_env } => {
            audit_cmd::run(&file, &key_env, io.stdout, &mut ui)
        }
        Command::Eval {
            corpus,
            check,
            injection: false,
        } => cmd_eval(corpus.as_deref(), check, io.stdout, &mut ui),
        Command::Eval {
            corpus,
            check,
            injection: true,
        } => cmd_eval_injection(corpus.as_deref(), check, io.stdout, &mut ui),
    }
}

/// `chatguard eval [--corpus DIR] [--check]`: runs [`eval::run`] over the corpus (default: this
/// workspace's `tests/eval`), which writes the report to stdout; with `--check`, exits 1 and lists
/// [`eval::Report::failures`] on stderr when there are any.
fn cmd_eval(
    corpus: Option<&std::path::Path>,
    check: bool,
    out: &mut dyn Write,
    ui: &mut Ui<'_>,
) -> u8 {
    let default = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/eval"));
    let dir = corpus.unwrap_or(default);
    if !dir.is_dir() {
        ui.say(format_args!(
            "{}: no evaluation corpus there (pass --corpus DIR)",
            dir.display()
        ));
        return EXIT_ERROR;
    }
    let report = match eval::run(dir, out) {
        Ok(report) => report,
        Err(e) => {
            ui.say(format_args!("eval: {e:#}"));
            return EXIT_ERROR;
        }
    };
    finish_eval(&report.failures(), check, out, ui)
}

/// `chatguard eval --injection [--corpus FILE] [--check]`: runs [`inject_eval::run`] over the
/// dev set (default: this workspace's `tests/injection/dev.jsonl`); with `--check`, exits 1 and
/// lists [`inject_eval::Report::failures`] on stderr when there are any.
fn cmd_eval_injection(
    corpus: Option<&std::path::Path>,
    check: bool,
    out: &mut dyn Write,
    ui: &mut Ui<'_>,
) -> u8 {
    let default = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/injection/dev.jsonl"
    ));
    let file = corpus.unwrap_or(default);
    let report = match inject_eval::run(file, out) {
        Ok(report) => report,
        Err(e) => {
            ui.say(format_args!("eval --injection: {e:#}"));
            return EXIT_ERROR;
        }
    };
    finish_eval(&report.failures(), check, out, ui)
}

/// The end of both evals: flushes the report, then with `--check` lists the failed gates on
/// stderr and exits 1 when there are any.
fn finish_eval(failures: &[String], check: bool, out: &mut dyn Write, ui: &mut Ui<'_>) -> u8 {
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            ui.say(format_args!("cannot write output: {e}"));
            return EXIT_ERROR;
        }
    }
    if check && !failures.is_empty() {
        for failure in failures {
            ui.say(format_args!("eval check failed: {failure}"));
        }
        return EXIT_FINDINGS;
    }
    EXIT_OK
}

fn print(out: &mut dyn Write, text: &str, ui: &mut Ui<'_>) -> u8 {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            ui.say(format_args!("cannot write output: {e}"));
            EXIT_ERROR
        }
    }
}

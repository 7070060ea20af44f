//! Command-line parsing (lexopt) and the help texts.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;

/// The top-level usage, printed by `chatguard --help` and `chatguard help`.
pub(crate) const USAGE: &str = "\
chatguard: find and redact personal data and secrets in text, logs and JSON lines

Usage:
  chatguard scan [OPTIONS] [FILE...]     report findings (kind, rule, score; never the matched text)
  chatguard redact [OPTIONS] [FILE...]   write the text with findings rewritten
  chatguard policy check FILE            validate a policy and summarise it
  chatguard audit verify FILE [--key-env NAME]  check the hash chain of an edge audit log
  chatguard eval [--corpus DIR] [--check]  measure detection quality on the labelled corpus
  chatguard eval --injection [--corpus FILE] [--check]  measure the prompt-injection scorer
  chatguard help [COMMAND]               show help for a command
  chatguard --version                    print the version

FILE `-` or no FILE reads standard input.

Exit codes: 0 ok; 1 findings and --fail-on-findings given (or eval --check failed, or
audit verify found a broken chain);
2 usage or input error.
Run `chatguard help scan` for the options of scan and redact.
";

/// Help for `scan` and `redact`.
pub(crate) const PROCESS_HELP: &str = "\
Usage:
  chatguard scan [OPTIONS] [FILE...]
  chatguard redact [OPTIONS] [FILE...]

Reads each FILE (`-` or none: standard input) line by line, in constant memory.
Plain text is checked a line at a time, or with --paragraphs a paragraph at a time.

Plain text (default):
  scan     prints one line per finding: FILE:LINE:COL KIND RULE SCORE
           (LINE and COL count from 1; COL is a byte column; stdin is named <stdin>)
  redact   writes the text with every finding rewritten as the policy says; a line
           that a `block` rule matches is replaced by [BLOCKED]

JSON lines (--jsonl), one input object per line: {\"id\": ANY, \"text\": \"...\"}
  one output line per input line, in order:
    {\"id\":ANY,\"findings\":[{\"kind\":\"credit_card\",\"start\":9,\"end\":28,\"score\":0.99,\"rule\":\"card.luhn\"}],\"redacted\":\"...\"}
  start/end are UTF-8 byte offsets into text; `redacted` only with redact (null, plus
  \"blocked\":KIND, when a `block` rule matched). A bad line gives {\"id\":null,\"line\":N,\"error\":\"...\"}.

Options:
  --policy FILE          JSON policy (default: the bundled default policy)
  --hash-key-file FILE   key for the `hash` operator (the file's bytes, one trailing
                         newline removed; at least 16 bytes)
  --jsonl                input and output are JSON lines
  --paragraphs           plain text: check lines up to a blank line together (at most
                         1 MiB), so that what spans lines is found (a signature under its
                         sign-off, an address over two lines); findings keep their line and
                         column; in a paragraph a `block` rule matches, every line
                         that is not blank becomes [BLOCKED]
  --on-error skip|fail   on a malformed line (bad JSON, invalid UTF-8) or unreadable file:
                         skip = report it on stderr and go on, exit 2 at the end (default);
                         fail = stop at the first one, exit 2
  --fail-on-findings     exit 1 when anything was found
  -h, --help             show this help
";

/// Help for `audit verify`.
pub(crate) const AUDIT_HELP: &str = "\
Usage:
  chatguard audit verify FILE [--key-env NAME]

Checks the hash chain of an edge audit log written with AUDIT_CHAIN=on (one JSON line per
request; other lines count as tampering). The key is read from the environment variable NAME
(default AUDIT_KEY), never from the command line.

Exit codes: 0 the chain is intact; 1 it is broken (the line number and reason are printed);
2 usage or input error (missing key, unreadable or empty file).
";

/// Help for `policy check`.
pub(crate) const POLICY_HELP: &str = "\
Usage:
  chatguard policy check FILE

Validates the JSON policy in FILE. Exit 0 and a summary (kinds enabled, the action for
each category) when it is valid; exit 2 naming the field and the reason when it is not.
";

/// Help for `eval`.
pub(crate) const EVAL_HELP: &str = "\
Usage:
  chatguard eval [--corpus DIR] [--check]
  chatguard eval --injection [--corpus FILE] [--check]

Runs the detectors over the labelled synthetic corpus in DIR (default: the crate's
tests/eval) and prints the quality report. With --injection, scores the prompt-injection
dev set FILE (default: tests/injection/dev.jsonl) and prints ROC-AUC, TPR at 1 % and 5 %
FPR, recall per family and language, and the false positives.

Options:
  --corpus DIR   the corpus directory (with --injection: the JSON-lines file)
  --injection    evaluate the prompt-injection scorer instead of the detectors
  --check        exit 1, listing the failures on stderr, when the report has any
  -h, --help     show this help
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Command {
    /// Print help: the top level or a command's.
    Help(Topic),
    /// Print the version.
    Version,
    /// `scan` or `redact`.
    Process(ProcessArgs),
    /// `policy check FILE`.
    PolicyCheck(PathBuf),
    /// `audit verify FILE [--key-env NAME]`.
    AuditVerify {
        /// The log file.
        file: PathBuf,
        /// The environment variable holding the audit key.
        key_env: String,
    },
    /// `eval [--injection] [--corpus DIR] [--check]`.
    Eval {
        /// The corpus directory or file (`None`: the default).
        corpus: Option<PathBuf>,
        /// Fail when the report lists failures.
        check: bool,
        /// Evaluate the prompt-injection scorer.
        injection: bool,
    },
}

/// A help page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Topic {
    Top,
    Process,
    Policy,
    Audit,
    Eval,
}

impl Topic {
    pub(crate) fn text(self) -> &'static str {
        match self {
            Topic::Top => USAGE,
            Topic::Process => PROCESS_HELP,
            Topic::Policy => POLICY_HELP,
            Topic::Audit => AUDIT_HELP,
            Topic::Eval => EVAL_HELP,
        }
    }
}

/// Scan findings or redact them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Scan,
    Redact,
}

/// What to do with a malformed line or an unreadable file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OnError {
    /// Report it, go on, exit 2 at the end.
    Skip,
    /// Report it and stop, exit 2.
    Fail,
}

/// Options of `scan` and `redact`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ProcessArgs {
    pub(crate) mode: Mode,
    pub(crate) files: Vec<OsString>,
    pub(crate) policy: Option<PathBuf>,
    pub(crate) hash_key_file: Option<PathBuf>,
    pub(crate) jsonl: bool,
    pub(crate) paragraphs: bool,
    pub(crate) on_error: OnError,
    pub(crate) fail_on_findings: bool,
}

/// A usage mistake, with the message to print.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct UsageError(pub(crate) String);

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> UsageError {
        UsageError(e.to_string())
    }
}

/// Parses the arguments after the program name.
pub(crate) fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut p = lexopt::Parser::from_args(args);
    let Some(first) = p.next()? else {
        return Err(UsageError("missing command".into()));
    };
    match first {
        Short('h') | Long("help") => Ok(Command::Help(Topic::Top)),
        Short('V') | Long("version") => Ok(Command::Version),
        Value(cmd) => match cmd.to_str() {
            Some("scan") => process(&mut p, Mode::Scan),
            Some("redact") => process(&mut p, Mode::Redact),
            Some("policy") => policy(&mut p),
            Some("audit") => audit(&mut p),
            Some("eval") => eval(&mut p),
            Some("help") => help(&mut p),
            _ => Err(UsageError(format!(
                "unknown command `{}`",
                cmd.to_string_lossy()
            ))),
        },
        other => Err(other.unexpected().into()),
    }
}

fn process(p: &mut lexopt::Parser, mode: Mode) -> Result<Command, UsageError> {
    let mut args = ProcessArgs {
        mode,
        files: Vec::new(),
        policy: None,
        hash_key_file: None,
        jsonl: false,
        paragraphs: false,
        on_error: OnError::Skip,
        fail_on_findings: false,
    };
    while let Some(arg) = p.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(Topic::Process)),
            Long("policy") => args.policy = Some(p.value()?.into()),
            Long("hash-key-file") => args.hash_key_file = Some(p.value()?.into()),
            Long("jsonl") => args.jsonl = true,
            Long("paragraphs") => args.paragraphs = true,
            Long("fail-on-findings") => args.fail_on_findings = true,
            Long("on-error") => {
                let v = p.value()?;
                args.on_error = match v.to_str() {
                    Some("skip") => OnError::Skip,
                    Some("fail") => OnError::Fail,
                    _ => {
                        return Err(UsageError(format!(
                            "invalid value `{}` for --on-error: expected `skip` or `fail`",
                            v.to_string_lossy()
                        )))
                    }
                };
            }
            Value(file) => args.files.push(file),
            other => return Err(other.unexpected().into()),
        }
    }
    if args.jsonl && args.paragraphs {
        return Err(UsageError(
            "--paragraphs is for plain text; --jsonl records are checked whole".into(),
        ));
    }
    Ok(Command::Process(args))
}

fn policy(p: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let mut file = None;
    let mut sub = false;
    while let Some(arg) = p.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(Topic::Policy)),
            Value(v) if !sub => {
                if v != "check" {
                    return Err(UsageError(format!(
                        "unknown policy command `{}` (expected `check`)",
                        v.to_string_lossy()
                    )));
                }
                sub = true;
            }
            Value(v) if file.is_none() => file = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    match (sub, file) {
        (true, Some(file)) => Ok(Command::PolicyCheck(file)),
        (true, None) => Err(UsageError("policy check: missing FILE".into())),
        (false, _) => Err(UsageError("policy: missing command `check`".into())),
    }
}

fn audit(p: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let mut file = None;
    let mut sub = false;
    let mut key_env = String::from("AUDIT_KEY");
    while let Some(arg) = p.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(Topic::Audit)),
            Long("key-env") => {
                key_env = p
                    .value()?
                    .into_string()
                    .map_err(|_| UsageError("--key-env: not a valid name".into()))?;
            }
            Value(v) if !sub => {
                if v != "verify" {
                    return Err(UsageError(format!(
                        "unknown audit command `{}` (expected `verify`)",
                        v.to_string_lossy()
                    )));
                }
                sub = true;
            }
            Value(v) if file.is_none() => file = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    match (sub, file) {
        (true, Some(file)) => Ok(Command::AuditVerify { file, key_env }),
        (true, None) => Err(UsageError("audit verify: missing FILE".into())),
        (false, _) => Err(UsageError("audit: missing command `verify`".into())),
    }
}

fn eval(p: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let mut corpus = None;
    let mut check = false;
    let mut injection = false;
    while let Some(arg) = p.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(Topic::Eval)),
            Long("corpus") => corpus = Some(p.value()?.into()),
            Long("check") => check = true,
            Long("injection") => injection = true,
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Command::Eval {
        corpus,
        check,
        injection,
    })
}

fn help(p: &mut lexopt::Parser) -> Result<Command, UsageError> {
    let topic = match p.next()? {
        None => Topic::Top,
        Some(Value(v)) => match v.to_str() {
            Some("scan" | "redact") => Topic::Process,
            Some("policy") => Topic::Policy,
            Some("audit") => Topic::Audit,
            Some("eval") => Topic::Eval,
            Some("help") => Topic::Top,
            _ => {
                return Err(UsageError(format!(
                    "no help for unknown command `{}`",
                    v.to_string_lossy()
                )))
            }
        },
        Some(other) => return Err(other.unexpected().into()),
    };
    if let Some(extra) = p.next()? {
        return Err(extra.unexpected().into());
    }
    Ok(Command::Help(topic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn scan_options_and_files() {
        let Ok(Command::Process(a)) = parse_str(&[
            "scan",
            "--policy=p.json",
            "--jsonl",
            "--on-error",
            "fail",
            "a.txt",
            "-",
            "--fail-on-findings",
        ]) else {
            panic!("expected scan");
        };
        assert_eq!(a.mode, Mode::Scan);
        assert_eq!(a.policy, Some(PathBuf::from("p.json")));
        assert!(a.jsonl && a.fail_on_findings);
        assert_eq!(a.on_error, OnError::Fail);
        assert_eq!(a.files, vec![OsString::from("a.txt"), OsString::from("-")]);
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(parse_str(&[]).is_err());
        assert!(parse_str(&["frobnicate"]).is_err());
        assert!(parse_str(&["scan", "--bogus"]).is_err());
        assert!(parse_str(&["scan", "--on-error", "maybe"]).is_err());
        assert!(parse_str(&["scan", "--policy"]).is_err());
        assert!(parse_str(&["policy"]).is_err());
        assert!(parse_str(&["policy", "check"]).is_err());
        assert!(parse_str(&["policy", "lint", "x"]).is_err());
        assert!(parse_str(&["help", "nope"]).is_err());
    }

    #[test]
    fn help_and_version() {
        assert_eq!(parse_str(&["--help"]), Ok(Command::Help(Topic::Top)));
        assert_eq!(parse_str(&["help"]), Ok(Command::Help(Topic::Top)));
        assert_eq!(
            parse_str(&["help", "redact"]),
            Ok(Command::Help(Topic::Process))
        );
        assert_eq!(
            parse_str(&["scan", "x", "-h"]),
            Ok(Command::Help(Topic::Process))
        );
        assert_eq!(
            parse_str(&["policy", "--help"]),
            Ok(Command::Help(Topic::Policy))
        );
        assert_eq!(parse_str(&["--version"]), Ok(Command::Version));
        assert_eq!(parse_str(&["help", "eval"]), Ok(Command::Help(Topic::Eval)));
    }

    #[test]
    fn eval_options() {
        assert_eq!(
            parse_str(&["eval"]),
            Ok(Command::Eval {
                corpus: None,
                check: false,
                injection: false,
            })
        );
        assert_eq!(
            parse_str(&["eval", "--injection"]),
            Ok(Command::Eval {
                corpus: None,
                check: false,
                injection: true,
            })
        );
        assert_eq!(
            parse_str(&["eval", "--corpus", "c", "--check"]),
            Ok(Command::Eval {
                corpus: Some(PathBuf::from("c")),
                check: true,
                injection: false,
            })
        );
        assert!(parse_str(&["eval", "extra"]).is_err());
    }
}

//! `scan` and `redact` over files and stdin, plain text or JSON lines, in constant memory.
//!
//! Plain text goes line by line: a line runs through [`Guard::scan`] or [`Guard::check_with`]
//! (one pseudonym vault per input, so a value keeps its placeholder through a file). With
//! `--paragraphs` the unit is a paragraph instead: lines up to a blank line (at most
//! [`LINE_CAP`] bytes together), so that what spans lines — a signature under its sign-off, an
//! address over two lines — is found; findings are still reported by line and column. A line
//! longer than [`LINE_CAP`] is not held whole: `redact` feeds it to a
//! [`chatguard::StreamRedactor`] in pieces, `scan` scans it in overlapping windows. JSON lines are parsed one at a time, each
//! checked on its own (pseudonyms numbered per record).
//!
//! A bad line (invalid UTF-8, malformed JSON, a JSON line too long) is reported on stderr as
//! `FILE:LINE: reason`. With `--on-error skip` the run goes on and exits 2 at the end; a plain line
//! is still processed (invalid bytes read as U+FFFD) and a JSON line is answered with
//! `{"id":null,"line":N,"error":"..."}`, so output stays aligned with input. With
//! `--on-error fail` the run stops at the first bad line.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use chatguard::{Context, Finding, Guard, StreamStatus, UnixTime, Vault, Verdict};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::args::{Mode, OnError, ProcessArgs};
use crate::lines::{read_capped, Piece, Utf8Pieces};
use crate::ui::Ui;
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

/// The longest plain line handled in one piece; longer lines are streamed.
pub(crate) const LINE_CAP: usize = 1024 * 1024;
/// The piece size for streaming a long plain line.
const CHUNK: usize = 64 * 1024;
/// The longest JSON line accepted (the whole record must be parsed at once).
pub(crate) const JSONL_CAP: usize = 16 * 1024 * 1024;
/// How far before a window's end `scan` stops reporting on a long line (findings may run on).
const OVERLAP: usize = 16 * 1024;
/// How much text before the reported part a window keeps, for context words.
const LOOKBEHIND: usize = 256;
/// What a plain line that a `block` rule matched is replaced with.
const BLOCKED: &str = "[BLOCKED]";
/// Read buffer size.
const READ_BUF: usize = 256 * 1024;

/// Writing the output failed: the run stops (quietly for a closed pipe).
struct OutputError(io::Error);

impl From<io::Error> for OutputError {
    fn from(e: io::Error) -> OutputError {
        OutputError(e)
    }
}

/// Whether to go on after a line or an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

/// One input line of `--jsonl`.
#[derive(Deserialize)]
struct InRecord<'a> {
    /// Echoed byte for byte; missing and `null` both give `null`.
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    text: String,
}

/// One output line of `--jsonl`. The shape is a stable contract (pinned in `tests/cli.rs`): add
/// fields with `skip_serializing_if`, never rename.
#[derive(Serialize)]
struct OutRecord<'a> {
    id: Option<&'a RawValue>,
    findings: Vec<OutFinding<'a>>,
    /// Present with `scan` only: the prompt-injection score, verdict and signals.
    #[serde(skip_serializing_if = "Option::is_none")]
    injection: Option<OutInjection>,
    /// Present with `redact` only: the text, or `null` when a `block` rule matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    redacted: Option<Option<&'a str>>,
    /// The kind whose `block` rule matched (`redact` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    blocked: Option<&'a str>,
}

/// A finding in `--jsonl` output: no matched text, ever.
#[derive(Serialize)]
struct OutFinding<'a> {
    kind: &'a str,
    start: usize,
    end: usize,
    score: f64,
    rule: &'a str,
}

/// The prompt-injection result in `scan --jsonl` output: spans and rule ids, no matched text.
#[derive(Serialize)]
struct OutInjection {
    score: f64,
    verdict: &'static str,
    /// The learned scorer's probability (its part of `score`).
    model: f64,
    signals: Vec<OutSignal>,
}

/// One firing rule.
#[derive(Serialize)]
struct OutSignal {
    id: &'static str,
    start: usize,
    end: usize,
    weight: f64,
}

impl From<chatguard::InjectionReport> for OutInjection {
    fn from(r: chatguard::InjectionReport) -> OutInjection {
        OutInjection {
            score: milli(r.score),
            verdict: r.verdict.name(),
            model: milli(r.model),
            signals: r
                .signals
                .iter()
                .map(|s| OutSignal {
                    id: s.id,
                    start: s.span.start,
                    end: s.span.end,
                    weight: milli(s.weight),
                })
                .collect(),
        }
    }
}

fn milli(score: chatguard::Score) -> f64 {
    f64::from(score.milli()) / 1000.0
}

/// The answer to a bad JSON line.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: Option<&'a RawValue>,
    line: u64,
    error: &'a str,
}

/// Runs `scan` or `redact` and returns the exit code.
pub(crate) fn run(
    args: &ProcessArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    ui: &mut Ui<'_>,
) -> u8 {
    let Some(guard) =
        crate::setup::guard(args.policy.as_deref(), args.hash_key_file.as_deref(), ui)
    else {
        return EXIT_ERROR;
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut run = Run {
        guard: &guard,
        args,
        cx: Context {
            now: UnixTime(now),
            ..Context::default()
        },
        ui,
        out,
        findings: 0,
        bad: 0,
    };
    let stdin_name: &OsStr = OsStr::new("-");
    let files: Vec<&OsStr> = if args.files.is_empty() {
        vec![stdin_name]
    } else {
        args.files.iter().map(|f| f.as_os_str()).collect()
    };
    let mut result = Ok(Flow::Go);
    for file in files {
        result = if file == "-" {
            run.ui.begin("<stdin>", None);
            let mut reader = BufReader::with_capacity(READ_BUF, &mut *stdin);
            run.input(&mut reader, "<stdin>")
        } else {
            run.file(file)
        };
        run.ui.clear();
        if !matches!(result, Ok(Flow::Go)) {
            break;
        }
    }
    if result.is_ok() {
        result = run.out.flush().map(|()| Flow::Go).map_err(OutputError);
    }
    if let Err(OutputError(e)) = result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            run.ui.say(format_args!("cannot write output: {e}"));
            return EXIT_ERROR;
        }
    }
    if run.bad > 0 {
        EXIT_ERROR
    } else if args.fail_on_findings && run.findings > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

struct Run<'a, 'u> {
    guard: &'a Guard,
    args: &'a ProcessArgs,
    cx: Context,
    ui: &'a mut Ui<'u>,
    out: &'a mut dyn Write,
    /// Findings so far (all of them, whatever the action).
    findings: u64,
    /// Bad lines and unreadable inputs so far.
    bad: u64,
}

impl Run<'_, '_> {
    /// Opens and processes one file.
    fn file(&mut self, path: &OsStr) -> Result<Flow, OutputError> {
        let name = std::path::Path::new(path).display().to_string();
        let opened = File::open(path).and_then(|f| {
            let meta = f.metadata()?;
            if meta.is_dir() {
                Err(io::Error::other("is a directory"))
            } else {
                Ok((f, meta.len()))
            }
        });
        let (file, len) = match opened {
            Ok(x) => x,
            Err(e) => {
                self.ui.say(format_args!("{name}: {e}"));
                return Ok(self.failed());
            }
        };
        self.ui.begin(&name, Some(len));
        let mut reader = BufReader::with_capacity(READ_BUF, file);
        self.input(&mut reader, &name)
    }

    /// Counts an error; says whether to go on.
    fn failed(&mut self) -> Flow {
        self.bad += 1;
        match self.args.on_error {
            OnError::Skip => Flow::Go,
            OnError::Fail => Flow::Stop,
        }
    }

    /// A read error ends the input (reading on would likely fail again).
    fn read_error(&mut self, name: &str, line: u64, e: &io::Error) -> Flow {
        self.ui.say(format_args!("{name}:{line}: cannot read: {e}"));
        self.failed()
    }

    fn input<R: Read>(&mut self, r: &mut BufReader<R>, name: &str) -> Result<Flow, OutputError> {
        if self.args.jsonl {
            self.jsonl(r, name)
        } else {
            self.plain(r, name)
        }
    }

    /// Flushes the output before a read that would block, so piped output keeps up with input.
    fn flush_if_idle<R: Read>(&mut self, r: &BufReader<R>) -> Result<(), OutputError> {
        if r.buffer().is_empty() {
            self.out.flush()?;
        }
        Ok(())
    }

    fn plain<R: Read>(&mut self, r: &mut BufReader<R>, name: &str) -> Result<Flow, OutputError> {
        let mut vault = Vault::new();
        let mut buf = Vec::with_capacity(8 * 1024);
        // With `--paragraphs`, the lines gathered so far and the number of the first.
        let mut paragraph = Vec::new();
        let mut first: u64 = 1;
        let mut line: u64 = 0;
        loop {
            if paragraph.is_empty() {
                self.flush_if_idle(r)?;
            }
            buf.clear();
            let mut n = 0;
            let read = read_capped(r, &mut buf, LINE_CAP, &mut n);
            self.ui.advance(n);
            let piece = match read {
                Ok(p) => p,
                Err(e) => {
                    // What was read before the error is still processed.
                    if self.plain_text(name, first, &paragraph, &mut vault)? == Flow::Stop {
                        return Ok(Flow::Stop);
                    }
                    return Ok(self.read_error(name, line + 1, &e));
                }
            };
            if buf.is_empty() {
                return self.plain_text(name, first, &paragraph, &mut vault);
            }
            line += 1;
            let long = piece == Piece::Capped;
            if !self.args.paragraphs || long {
                // Line by line; a long line ends the paragraph before it.
                if self.plain_text(name, first, &paragraph, &mut vault)? == Flow::Stop {
                    return Ok(Flow::Stop);
                }
                paragraph.clear();
                let flow = match (piece, self.args.mode) {
                    (Piece::Capped, Mode::Redact) => {
                        self.redact_long(r, name, line, &mut buf, &mut vault)?
                    }
                    (Piece::Capped, Mode::Scan) => self.scan_long(r, name, line, &mut buf)?,
                    _ => self.plain_text(name, line, &buf, &mut vault)?,
                };
                if flow == Flow::Stop {
                    return Ok(Flow::Stop);
                }
                continue;
            }
            // A paragraph ends before a line that would take it past the cap, and after a
            // blank line.
            if paragraph.len() + buf.len() > LINE_CAP {
                if self.plain_text(name, first, &paragraph, &mut vault)? == Flow::Stop {
                    return Ok(Flow::Stop);
                }
                paragraph.clear();
            }
            if paragraph.is_empty() {
                first = line;
            }
            paragraph.extend_from_slice(&buf);
            if buf.iter().all(u8::is_ascii_whitespace) {
                if self.plain_text(name, first, &paragraph, &mut vault)? == Flow::Stop {
                    return Ok(Flow::Stop);
                }
                paragraph.clear();
            }
        }
    }

    /// Reports a bad plain line; says whether to go on (the line is then processed as decoded).
    fn bad_plain_line(&mut self, name: &str, line: u64, column: usize) -> Flow {
        self.ui.say(format_args!(
            "{name}:{line}: invalid UTF-8 at column {column}"
        ));
        self.failed()
    }

    /// Complete plain lines checked as one text: one line, or a paragraph of them whose first
    /// is line `line` (`buf` may end with `\n`; empty `buf` does nothing).
    fn plain_text(
        &mut self,
        name: &str,
        line: u64,
        buf: &[u8],
        vault: &mut Vault,
    ) -> Result<Flow, OutputError> {
        if buf.is_empty() {
            return Ok(Flow::Go);
        }
        let (content, newline) = match buf.split_last() {
            Some((b'\n', rest)) => (rest, true),
            _ => (buf, false),
        };
        let mut lossy = Lossy::default();
        let text = match core::str::from_utf8(content) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let (bad_line, column) = line_and_column(content, line, e.valid_up_to());
                if self.bad_plain_line(name, bad_line, column + 1) == Flow::Stop {
                    return Ok(Flow::Stop);
                }
                Cow::Owned(lossy.decode(content))
            }
        };
        match self.args.mode {
            Mode::Scan => {
                for mut f in self.guard.scan(&text) {
                    let (at_line, column) =
                        line_and_column(content, line, lossy.original(f.span.start));
                    f.span.start = column;
                    self.finding_line(name, at_line, 0, &f)?;
                }
            }
            Mode::Redact => {
                let outcome = self.guard.check_with(&text, &self.cx, vault);
                self.findings += outcome.findings.len() as u64;
                match outcome.verdict {
                    Verdict::Block(kind) => {
                        let kind = self.guard.kind_name(kind).to_owned();
                        self.blocked_lines(name, line, content, &kind)?;
                    }
                    _ => self.out.write_all(outcome.text.as_bytes())?,
                }
            }
        }
        if newline && self.args.mode == Mode::Redact {
            self.out.write_all(b"\n")?;
        }
        Ok(Flow::Go)
    }

    /// Writes `FILE:LINE:COL kind rule score` for a finding at `offset + span.start` in the line.
    fn finding_line(
        &mut self,
        name: &str,
        line: u64,
        offset: usize,
        f: &Finding,
    ) -> Result<(), OutputError> {
        self.findings += 1;
        writeln!(
            self.out,
            "{name}:{line}:{} {} {} {}",
            offset + f.span.start + 1,
            self.guard.kind_name(f.kind),
            f.rule,
            f.score
        )?;
        Ok(())
    }

    fn blocked_line(&mut self, name: &str, line: u64, kind: &str) -> Result<(), OutputError> {
        self.ui.say(format_args!(
            "{name}:{line}: line withheld: a `block` rule matched ({kind})"
        ));
        self.out.write_all(BLOCKED.as_bytes())?;
        Ok(())
    }

    /// Withholds the lines of `text` (a line, or a paragraph whose first is `line`): one
    /// `[BLOCKED]` per line that is not blank, so the output stays aligned with the input.
    fn blocked_lines(
        &mut self,
        name: &str,
        line: u64,
        text: &[u8],
        kind: &str,
    ) -> Result<(), OutputError> {
        if !text.contains(&b'\n') {
            return self.blocked_line(name, line, kind);
        }
        self.ui.say(format_args!(
            "{name}:{line}: paragraph withheld: a `block` rule matched ({kind})"
        ));
        for (i, part) in text.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            if part.iter().all(u8::is_ascii_whitespace) {
                self.out.write_all(part)?;
            } else {
                self.out.write_all(BLOCKED.as_bytes())?;
                if part.ends_with(b"\r") {
                    self.out.write_all(b"\r")?;
                }
            }
        }
        Ok(())
    }

    /// Reads the next piece of a long line into `buf` (cleared first).
    fn next_piece<R: Read>(
        &mut self,
        r: &mut BufReader<R>,
        buf: &mut Vec<u8>,
    ) -> io::Result<Piece> {
        buf.clear();
        let mut n = 0;
        let read = read_capped(r, buf, CHUNK, &mut n);
        self.ui.advance(n);
        read
    }

    /// A plain line longer than [`LINE_CAP`], redacted through a stream redactor piece by piece.
    /// `buf` holds its first piece.
    fn redact_long<R: Read>(
        &mut self,
        r: &mut BufReader<R>,
        name: &str,
        line: u64,
        buf: &mut Vec<u8>,
        vault: &mut Vault,
    ) -> Result<Flow, OutputError> {
        let mut stream = self
            .guard
            .stream(self.cx)
            .with_vault(core::mem::take(vault));
        let mut decoder = Utf8Pieces::default();
        let mut text = String::new();
        let mut emitted = String::new();
        let mut piece = Piece::Capped;
        let mut newline = false;
        let mut reported = false;
        let mut flow = Flow::Go;
        loop {
            let content = match buf.split_last() {
                Some((b'\n', rest)) => {
                    newline = true;
                    rest
                }
                _ => &buf[..],
            };
            text.clear();
            decoder.push(content, &mut text);
            if piece != Piece::Capped {
                decoder.finish(&mut text);
            }
            if let (false, Some(at)) = (reported, decoder.first_error()) {
                reported = true;
                if self.bad_plain_line(name, line, at + 1) == Flow::Stop {
                    flow = Flow::Stop;
                    break;
                }
            }
            if stream.push(&text, &mut emitted) == StreamStatus::Passing {
                self.out.write_all(emitted.as_bytes())?;
            }
            emitted.clear();
            if piece != Piece::Capped {
                break;
            }
            piece = match self.next_piece(r, buf) {
                Ok(p) => p,
                Err(e) => {
                    flow = self.read_error(name, line, &e);
                    break;
                }
            };
        }
        let (status, findings, back) = stream.finish(&mut emitted);
        *vault = back;
        self.findings += findings.len() as u64;
        if flow == Flow::Stop {
            return Ok(flow);
        }
        self.out.write_all(emitted.as_bytes())?;
        if let StreamStatus::Blocked(kind) = status {
            let kind = self.guard.kind_name(kind).to_owned();
            self.blocked_line(name, line, &kind)?;
        }
        if newline {
            self.out.write_all(b"\n")?;
        }
        Ok(flow)
    }

    /// A plain line longer than [`LINE_CAP`], scanned in overlapping windows: each window
    /// reports the findings that start before its last [`OVERLAP`] bytes and keeps
    /// [`LOOKBEHIND`] bytes before them (and any finding running on) for the next.
    fn scan_long<R: Read>(
        &mut self,
        r: &mut BufReader<R>,
        name: &str,
        line: u64,
        buf: &mut Vec<u8>,
    ) -> Result<Flow, OutputError> {
        let mut decoder = Utf8Pieces::default();
        let mut window = String::new();
        // Offset in the line of `window[0]`, and where reporting resumes.
        let mut base = 0usize;
        let mut resume = 0usize;
        let mut piece = Piece::Capped;
        let mut reported = false;
        loop {
            let content = match buf.split_last() {
                Some((b'\n', rest)) => rest,
                _ => &buf[..],
            };
            decoder.push(content, &mut window);
            let last = piece != Piece::Capped;
            if last {
                decoder.finish(&mut window);
            }
            if let (false, Some(at)) = (reported, decoder.first_error()) {
                reported = true;
                if self.bad_plain_line(name, line, at + 1) == Flow::Stop {
                    return Ok(Flow::Stop);
                }
            }
            let safe = if last {
                window.len()
            } else {
                floor_boundary(&window, window.len().saturating_sub(OVERLAP))
            };
            let mut keep = floor_boundary(&window, safe.saturating_sub(LOOKBEHIND));
            for f in self.guard.scan(&window) {
                let start = base + f.span.start;
                if f.span.start < safe && f.span.end > safe {
                    keep = keep.min(f.span.start);
                }
                if start >= resume && f.span.start < safe {
                    self.finding_line(name, line, base, &f)?;
                }
            }
            if last {
                break;
            }
            resume = resume.max(base + safe);
            window.drain(..keep);
            base += keep;
            piece = match self.next_piece(r, buf) {
                Ok(p) => p,
                Err(e) => return Ok(self.read_error(name, line, &e)),
            };
        }
        Ok(Flow::Go)
    }

    fn jsonl<R: Read>(&mut self, r: &mut BufReader<R>, name: &str) -> Result<Flow, OutputError> {
        let mut buf = Vec::with_capacity(8 * 1024);
        let mut line: u64 = 0;
        loop {
            self.flush_if_idle(r)?;
            buf.clear();
            let mut n = 0;
            let read = read_capped(r, &mut buf, JSONL_CAP, &mut n);
            self.ui.advance(n);
            let piece = match read {
                Ok(p) => p,
                Err(e) => return Ok(self.read_error(name, line + 1, &e)),
            };
            if buf.is_empty() {
                return Ok(Flow::Go);
            }
            line += 1;
            let flow = if piece == Piece::Capped {
                // Skip the rest of the line without holding it.
                loop {
                    match self.next_piece(r, &mut buf) {
                        Ok(Piece::Capped) => {}
                        Ok(_) => break,
                        Err(e) => return Ok(self.read_error(name, line, &e)),
                    }
                }
                self.bad_json(
                    name,
                    line,
                    &format!("line longer than {} MiB", JSONL_CAP >> 20),
                )?
            } else {
                self.json_line(name, line, &buf)?
            };
            if flow == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
    }

    /// Reports a bad JSON line and, in skip mode, answers it on stdout.
    fn bad_json(&mut self, name: &str, line: u64, error: &str) -> Result<Flow, OutputError> {
        self.ui.say(format_args!("{name}:{line}: {error}"));
        let flow = self.failed();
        if flow == Flow::Go {
            let record = ErrorRecord {
                id: None,
                line,
                error,
            };
            serde_json::to_writer(&mut *self.out, &record).map_err(io::Error::from)?;
            self.out.write_all(b"\n")?;
        }
        Ok(flow)
    }

    /// One complete JSON line (`buf` may end with `\n` or `\r\n`).
    fn json_line(&mut self, name: &str, line: u64, buf: &[u8]) -> Result<Flow, OutputError> {
        let content = buf.strip_suffix(b"\n").unwrap_or(buf);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        let content = match line {
            1 => content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content),
            _ => content,
        };
        let text = match core::str::from_utf8(content) {
            Ok(s) => s,
            Err(e) => {
                let msg = format!("invalid UTF-8 at column {}", e.valid_up_to() + 1);
                return self.bad_json(name, line, &msg);
            }
        };
        if text.trim().is_empty() {
            return self.bad_json(name, line, "empty line (expected a JSON object)");
        }
        let record: InRecord<'_> = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => return self.bad_json(name, line, &describe(&e)),
        };
        let guard = self.guard;
        let mut injection = None;
        let (found, redacted, blocked) = match self.args.mode {
            Mode::Scan => {
                injection = Some(OutInjection::from(guard.injection(&record.text)));
                (guard.scan(&record.text), None, None)
            }
            Mode::Redact => {
                let outcome = guard.check(&record.text, &self.cx);
                let found = outcome.findings.iter().map(|d| d.finding).collect();
                match outcome.verdict {
                    Verdict::Block(kind) => (found, Some(None), Some(guard.kind_name(kind))),
                    _ => (found, Some(Some(outcome.text)), None),
                }
            }
        };
        self.findings += found.len() as u64;
        let out = OutRecord {
            id: record.id,
            findings: found
                .iter()
                .map(|f| OutFinding {
                    kind: guard.kind_name(f.kind),
                    start: f.span.start,
                    end: f.span.end,
                    score: milli(f.score),
                    rule: f.rule,
                })
                .collect(),
            injection,
            redacted: redacted.as_ref().map(|r| r.as_deref()),
            blocked,
        };
        serde_json::to_writer(&mut *self.out, &out).map_err(io::Error::from)?;
        self.out.write_all(b"\n")?;
        Ok(Flow::Go)
    }
}

/// Says what is wrong with a JSON line without quoting it (it may hold the very data we guard).
fn describe(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => {
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m);
            format!("malformed JSON at column {}: {msg}", e.column())
        }
        Category::Data | Category::Io => {
            "expected a JSON object with a string field `text` (and any `id`)".to_owned()
        }
    }
}

/// A line with invalid UTF-8 decoded with U+FFFD for each maximal invalid sequence, remembering
/// where the replacements are so columns can be given in the original bytes.
#[derive(Debug, Default)]
struct Lossy {
    /// (end of a replacement in the decoded text, end of the invalid bytes in the original).
    marks: Vec<(usize, usize)>,
}

impl Lossy {
    fn decode(&mut self, bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() + 8);
        let mut original = 0;
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            original += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                out.push(char::REPLACEMENT_CHARACTER);
                original += chunk.invalid().len();
                self.marks.push((out.len(), original));
            }
        }
        out
    }

    /// The offset in the original bytes of `at` in the decoded text.
    fn original(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|&(decoded, _)| decoded <= at);
        match i.checked_sub(1).and_then(|i| self.marks.get(i)) {
            Some(&(decoded, original)) => at - decoded + original,
            None => at,
        }
    }
}

/// The line number and byte column (from 0) of offset `at` in `text`, whose first line is
/// number `first`.
fn line_and_column(text: &[u8], first: u64, at: usize) -> (u64, usize) {
    let before = text.get(..at).unwrap_or(text);
    let breaks = before.iter().filter(|&&b| b == b'\n').count() as u64;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (first + breaks, at - start)
}

/// The largest char boundary of `s` at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_offsets_map_back_to_original_bytes() {
        let mut l = Lossy::default();
        let text = l.decode(b"a\xffb \xe2\x82 c@d");
        assert_eq!(text, "a\u{FFFD}b \u{FFFD} c@d");
        assert_eq!(l.original(0), 0);
        assert_eq!(l.original(text.find('b').unwrap_or(0)), 2);
        assert_eq!(l.original(text.find('c').unwrap_or(0)), 7);
        assert_eq!(Lossy::default().original(5), 5);
    }
}

//! Everything written to stderr: error reports (`chatguard: ...`), notes, and the progress line,
//! which is drawn only when stderr is a terminal and is cleared before any other message.

use core::fmt;
use core::time::Duration;
use std::io::Write;
use std::time::Instant;

/// How often the progress line is redrawn.
const REDRAW: Duration = Duration::from_millis(200);

/// The stderr side of a run.
pub(crate) struct Ui<'a> {
    err: &'a mut dyn Write,
    progress: Option<Progress>,
}

/// Progress through one input.
struct Progress {
    name: String,
    total: Option<u64>,
    done: u64,
    started: Instant,
    drawn: Option<Instant>,
}

impl<'a> Ui<'a> {
    /// A UI over `err`; `progress` says whether to draw the progress line at all.
    pub(crate) fn new(err: &'a mut dyn Write, progress: bool) -> Ui<'a> {
        Ui {
            err,
            progress: progress.then(|| Progress {
                name: String::new(),
                total: None,
                done: 0,
                started: Instant::now(),
                drawn: None,
            }),
        }
    }

    /// Reports an error or a note: `chatguard: <msg>`. Writing to stderr is best effort.
    pub(crate) fn say(&mut self, msg: fmt::Arguments<'_>) {
        self.clear();
        let _ = writeln!(self.err, "chatguard: {msg}");
    }

    /// Writes text as is (help pages).
    pub(crate) fn raw(&mut self, text: &str) {
        self.clear();
        let _ = self.err.write_all(text.as_bytes());
    }

    /// Starts the progress of a new input of `total` bytes (unknown for pipes).
    pub(crate) fn begin(&mut self, name: &str, total: Option<u64>) {
        if let Some(p) = &mut self.progress {
            name.clone_into(&mut p.name);
            p.total = total;
            p.done = 0;
            p.started = Instant::now();
            p.drawn = None;
        }
    }

    /// Records `bytes` more processed and redraws the line now and then.
    pub(crate) fn advance(&mut self, bytes: u64) {
        let Some(p) = &mut self.progress else {
            return;
        };
        p.done += bytes;
        let now = Instant::now();
        if p.drawn.is_some_and(|t| now.duration_since(t) < REDRAW) {
            return;
        }
        p.drawn = Some(now);
        let secs = now.duration_since(p.started).as_secs_f64();
        let rate = if secs > 0.0 { mb(p.done) / secs } else { 0.0 };
        let _ = match p.total {
            Some(total) if total > 0 => write!(
                self.err,
                "\r\x1b[K{}: {:.1} / {:.1} MB ({:.0}%), {:.1} MB/s",
                p.name,
                mb(p.done),
                mb(total),
                (p.done as f64 / total as f64 * 100.0).min(100.0),
                rate
            ),
            _ => write!(
                self.err,
                "\r\x1b[K{}: {:.1} MB, {:.1} MB/s",
                p.name,
                mb(p.done),
                rate
            ),
        };
        let _ = self.err.flush();
    }

    /// Erases the progress line if one is shown.
    pub(crate) fn clear(&mut self) {
        if let Some(p) = &mut self.progress {
            if p.drawn.take().is_some() {
                let _ = write!(self.err, "\r\x1b[K");
                let _ = self.err.flush();
            }
        }
    }
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_when_enabled_and_cleared_before_messages() {
        let mut err = Vec::new();
        let mut ui = Ui::new(&mut err, false);
        ui.begin("a.txt", Some(10));
        ui.advance(5);
        ui.say(format_args!("note"));
        assert_eq!(String::from_utf8_lossy(&err), "chatguard: note\n");

        let mut err = Vec::new();
        let mut ui = Ui::new(&mut err, true);
        ui.begin("a.txt", Some(2_000_000));
        ui.advance(1_000_000);
        ui.say(format_args!("note"));
        let s = String::from_utf8_lossy(&err);
        assert!(
            s.starts_with("\r\x1b[Ka.txt: 1.0 / 2.0 MB (50%), "),
            "{s:?}"
        );
        assert!(s.contains(" MB/s\r\x1b[Kchatguard: note\n"), "{s:?}");
    }
}

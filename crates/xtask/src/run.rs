//! Running commands: one `Step` type that echoes what it runs and turns failure into a message.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (xtask lives in `crates/xtask`).
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Where cargo writes its builds: `CARGO_TARGET_DIR` when set (relative to the workspace root
/// when relative), else the workspace's `target/`.
pub(crate) fn cargo_target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// A command to run from the workspace root.
pub(crate) struct Step {
    command: Command,
    shown: String,
    allowed: Vec<i32>,
}

impl Step {
    pub(crate) fn new(program: &str, args: &[&str]) -> Step {
        let mut command = Command::new(program);
        command.args(args).current_dir(root());
        Step {
            command,
            shown: format!("{program} {}", args.join(" ")),
            allowed: vec![0],
        }
    }

    /// Also accept these exit codes as success.
    pub(crate) fn allow_exit(mut self, codes: &[i32]) -> Step {
        self.allowed.extend_from_slice(codes);
        self
    }

    /// Points the command at the pinned tools (see [`crate::setup::tool_env`]).
    pub(crate) fn with_tools(mut self) -> Step {
        self.command.envs(crate::setup::tool_env());
        self
    }

    /// Sets an environment variable for the command.
    pub(crate) fn env(mut self, key: &str, value: &str) -> Step {
        self.command.env(key, value);
        self
    }

    /// Removes an environment variable for the command (e.g. one that would redirect a test).
    pub(crate) fn env_remove(mut self, key: &str) -> Step {
        self.command.env_remove(key);
        self
    }

    pub(crate) fn run(mut self) -> Result<(), String> {
        eprintln!("xtask: $ {}", self.shown);
        let status = self
            .command
            .status()
            .map_err(|e| format!("cannot run `{}`: {e}", self.shown))?;
        match status.code() {
            Some(code) if self.allowed.contains(&code) => Ok(()),
            _ => Err(format!("`{}` failed ({status})", self.shown)),
        }
    }

    /// Runs and returns standard output.
    pub(crate) fn output(mut self) -> Result<String, String> {
        eprintln!("xtask: $ {}", self.shown);
        let out = self
            .command
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run `{}`: {e}", self.shown))?;
        if !out.status.success() {
            return Err(format!("`{}` failed ({})", self.shown, out.status));
        }
        String::from_utf8(out.stdout).map_err(|_| format!("`{}` printed non-UTF-8", self.shown))
    }
}

/// `cargo` with arguments.
pub(crate) fn cargo(args: &[&str]) -> Step {
    Step::new(
        &std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()),
        args,
    )
}

/// Runs a command quietly and returns its standard output.
pub(crate) fn capture(program: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run `{program}`: {e}"))?;
    String::from_utf8(out.stdout).map_err(|_| format!("`{program}` printed non-UTF-8"))
}

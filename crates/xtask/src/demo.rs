//! `cargo xtask demo`: the whole product on one loopback origin, or the CLI sample.
//!
//! * [`run`] — installs what is missing, builds the widget (`www/pkg`) and the edge Worker
//!   (`edge/build`), then becomes `node tests/e2e/stack.mjs`: the built-in demo origin
//!   (`tests/origin/origin.mjs`) on a free loopback port and the edge filter in workerd on
//!   `http://127.0.0.1:8787/`, serving the demo page and the filtered API. `ORIGIN_URL` in the
//!   environment puts a real OpenAI-compatible server behind the edge instead. Runs until Ctrl-C.
//! * [`cli`] — `cargo xtask demo --cli`: the CLI over the bundled synthetic support chat.

use std::process::Command;

use crate::run::{cargo, root, Step};
use crate::{edge, setup, web};

/// The port the demo serves on.
const PORT: &str = "8787";

/// Builds everything and runs the demo stack in the foreground until Ctrl-C.
pub(crate) fn run() -> Result<(), String> {
    setup::wasm_target("wasm32-unknown-unknown")?;
    setup::wasm_bindgen()?;
    setup::worker_build()?;
    setup::npm_packages()?;
    web::build()?;
    edge::build()?;
    let mut node = Command::new("node");
    node.args(["tests/e2e/stack.mjs", "--port", PORT])
        .current_dir(root())
        .envs(setup::tool_env());
    eprintln!("xtask: $ node tests/e2e/stack.mjs --port {PORT}");
    foreground(node)
}

/// Replaces this process with `command`, so Ctrl-C reaches the stack directly and it stops
/// workerd and the origin itself before the shell prompt returns.
#[cfg(unix)]
fn foreground(mut command: Command) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    Err(format!("cannot run node: {}", command.exec()))
}

/// Runs `command` and waits for it (Ctrl-C reaches both; the stack stops its children itself).
#[cfg(not(unix))]
fn foreground(mut command: Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the demo stack stopped ({status})"))
    }
}

/// The CLI over `tests/haystacks/sample_chat.txt`: what it finds, then the redacted chat.
pub(crate) fn cli() -> Result<(), String> {
    let sample = root().join("tests/haystacks/sample_chat.txt");
    cargo(&["build", "--release", "-p", "chatguard-cli"]).run()?;
    let bin = crate::run::cargo_target_dir().join("release/chatguard");
    let bin = bin.to_str().ok_or("non-UTF-8 path")?;
    let sample = sample.to_str().ok_or("non-UTF-8 path")?;
    println!("== what chatguard finds in {sample} (kinds, rules, scores — never the text) ==");
    Step::new(bin, &["scan", sample]).allow_exit(&[1]).run()?;
    println!("\n== the same chat, redacted with the default policy ==");
    Step::new(bin, &["redact", sample]).run()?;
    Ok(())
}

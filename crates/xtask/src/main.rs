//! `cargo xtask`: the project's two front doors and its benchmarks, in Rust so they run the same
//! on every machine.
//!
//! * `cargo xtask demo` — the main job: builds the widget and the edge Worker and serves the demo
//!   page and the filtered API on `http://127.0.0.1:8787/` in front of a built-in demo origin
//!   (or `ORIGIN_URL`) until Ctrl-C, see `demo.rs`; `--cli` runs the CLI over a sample chat.
//! * `cargo xtask test` — everything CI checks: installs what a fresh machine lacks (wasm
//!   target, wasm-bindgen-cli, worker-build, npm packages, Chromium), then formatting, lints,
//!   native tests, the wasm32 build of the core, and the browser widget (wasm-bindgen-test and
//!   playwright end-to-end tests in headless Chromium, see `web.rs`), and the
//!   edge Worker built with worker-build and tested in workerd (Miniflare, see `edge.rs`).
//! * `cargo xtask bench` — native and wasm (under Node's WASI) throughput, their ratio, and the
//!   size of the core compiled for the browser, and the edge Worker's added latency and bundle size.

mod bench;
mod demo;
mod edge;
mod run;
mod setup;
mod web;

use std::process::ExitCode;

use run::cargo;

const USAGE: &str = "usage: cargo xtask <demo|test|bench>

  demo    build everything and serve the demo page + filtered API on http://127.0.0.1:8787/
          (ORIGIN_URL=<OpenAI-compatible server> replaces the built-in demo origin)
  demo --cli   run the chatguard CLI over tests/haystacks/sample_chat.txt
  test    install what is missing, then fmt, clippy, tests, the wasm32 build and edge e2e
  bench   native + wasm benchmarks, the wasm size, edge latency and bundle size
  bench --size   only the browser sizes (core alone, widget) against their budgets";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") if args.get(1).map(String::as_str) == Some("--cli") => demo::cli(),
        Some("demo") if args.len() == 1 => demo::run(),
        Some("demo") => Err(format!("unknown demo option `{}`\n{USAGE}", args[1])),
        Some("test") => test(),
        Some("bench") => bench::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n{USAGE}")),
        None => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn test() -> Result<(), String> {
    setup::wasm_target("wasm32-unknown-unknown")?;
    setup::wasm_bindgen()?;
    setup::worker_build()?;
    setup::npm_packages()?;
    setup::chromium()?;
    cargo(&["fmt", "--all", "--", "--check"]).run()?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
    .run()?;
    cargo(&["test", "--workspace"]).with_tools().run()?;
    // The edge enables the core's `auth` feature, so the workspace run above lints and tests
    // `chatguard::auth` (and `tests/jwt_vectors.rs`) as well.
    // The core must build unchanged for the browser and the edge.
    cargo(&[
        "build",
        "-p",
        "chatguard",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
    ])
    .run()?;
    web::test_minimal_core()?;
    web::test()?;
    edge::test()?;
    println!("xtask: all checks passed");
    Ok(())
}

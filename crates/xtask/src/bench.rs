//! `cargo xtask bench`: the core benchmark natively and as wasm under Node (V8), their ratio,
//! and the browser widget's budgets (size after wasm-bindgen and wasm-opt, gzipped; launcher and
//! highlight timings in headless Chromium, see [`crate::web::bench`]). `--size` prints only the
//! sizes: the core alone and the widget, against their budgets ([`crate::web::sizes`]).

use crate::run::{cargo, Step};
use crate::setup;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--size") {
        return crate::web::sizes();
    }
    let quick = args.iter().any(|a| a == "--quick");
    let extra: &[&str] = if quick { &["--quick"] } else { &[] };

    let mut native_args = vec!["bench", "-p", "chatguard", "--bench", "scan", "--"];
    native_args.extend_from_slice(extra);
    let native = cargo(&native_args).output()?;
    print!("{native}");
    let native = result_line(&native)?;

    setup::wasm_target("wasm32-wasip1")?;
    let built = cargo(&[
        "bench",
        "-p",
        "chatguard",
        "--bench",
        "scan",
        "--target",
        "wasm32-wasip1",
        "--no-run",
        "--message-format=json",
    ])
    .output()?;
    let program =
        executable(&built).ok_or("could not find the wasm benchmark in cargo's output")?;
    let mut node_args = vec![
        "--no-warnings",
        "tests/bench/wasi-run.mjs",
        program.as_str(),
    ];
    node_args.extend_from_slice(extra);
    let wasm = Step::new("node", &node_args).output()?;
    print!("{wasm}");
    let wasm = result_line(&wasm)?;
    println!(
        "wasm/native ratio: benign {:.2}  PII-dense {:.2}  (goal >= 0.5)",
        wasm.benign / native.benign,
        wasm.dense / native.dense
    );
    println!(
        "injection 1 KiB: native {:.1} µs  wasm {:.1} µs  wasm/native speed ratio {:.2}",
        native.inject_us,
        wasm.inject_us,
        native.inject_us / wasm.inject_us
    );

    // The browser widget: its download size (wasm + JS + CSS) and its in-browser timings.
    crate::web::bench()?;
    // The edge Worker: added latency against a pass-through Worker, and its bundle size.
    crate::edge::bench()
}

struct Figures {
    benign: f64,
    dense: f64,
    inject_us: f64,
}

/// Parses `RESULT benign_mbps=… dense_mbps=… p99_us=… inject_us=…`.
fn result_line(out: &str) -> Result<Figures, String> {
    let line = out
        .lines()
        .find(|l| l.starts_with("RESULT "))
        .ok_or("benchmark printed no RESULT line")?;
    let get = |key: &str| -> Result<f64, String> {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("RESULT line lacks {key}"))
    };
    Ok(Figures {
        benign: get("benign_mbps")?,
        dense: get("dense_mbps")?,
        inject_us: get("inject_us")?,
    })
}

/// The benchmark executable from cargo's JSON messages.
fn executable(messages: &str) -> Option<String> {
    messages
        .lines()
        .filter(|l| l.contains("\"name\":\"scan\"") && l.contains("\"executable\":\""))
        .find_map(|l| {
            l.split("\"executable\":\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_owned)
        })
}

//! `cargo xtask bench`: the core benchmark natively and as wasm under Node (V8), their ratio,
//! and the size of the core compiled for the browser (after wasm-bindgen and wasm-opt, gzipped).

use crate::run::{cargo, root, Step};
use crate::setup;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
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

    size()
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

/// Builds `chatguard-web`, runs wasm-bindgen and wasm-opt, and prints raw and gzipped sizes.
fn size() -> Result<(), String> {
    setup::wasm_bindgen()?;
    setup::npm_packages()?;
    cargo(&[
        "build",
        "-p",
        "chatguard-web",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
    ])
    .run()?;
    let out_dir = root().join("target/size");
    let out = out_dir.to_str().ok_or("non-UTF-8 path")?;
    Step::new(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--out-dir",
            out,
            "target/wasm32-unknown-unknown/wasm/chatguard_web.wasm",
        ],
    )
    .run()?;
    let bg = format!("{out}/chatguard_web_bg.wasm");
    let opt = format!("{out}/chatguard_web_opt.wasm");
    Step::new(
        "node_modules/binaryen/bin/wasm-opt",
        &[
            "-Oz",
            "--enable-bulk-memory",
            "--enable-reference-types",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-multivalue",
            &bg,
            "-o",
            &opt,
        ],
    )
    .run()?;
    for (label, file) in [
        ("after wasm-bindgen", bg.as_str()),
        ("after wasm-opt -Oz", opt.as_str()),
        ("JS glue", &format!("{out}/chatguard_web.js")),
    ] {
        let raw = std::fs::metadata(file)
            .map_err(|e| format!("{file}: {e}"))?
            .len();
        let gz = gzip_len(file)?;
        println!(
            "core wasm size {label:>20}: {raw:>8} B raw  {gz:>8} B gzip -9 ({:.1} KiB)",
            gz as f64 / 1024.0
        );
    }
    println!("(budget: core wasm <= 250 KB gzipped)");
    Ok(())
}

fn gzip_len(file: &str) -> Result<usize, String> {
    let out = std::process::Command::new("gzip")
        .args(["-9", "-c", file])
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len())
}

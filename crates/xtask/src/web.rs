//! The browser widget: build it into `www/pkg`, test it in headless Chromium, measure its budgets.
//!
//! * [`build`] — `chatguard-web` for wasm32 with the `wasm` profile, `wasm-bindgen --target web`
//!   into `www/pkg`, then `wasm-opt -Oz` (binaryen from npm) in place.
//! * [`test`] — the build, the Rust DOM tests under wasm-bindgen-test in Chromium, and the
//!   end-to-end tests through the real edge: the demo stack (`tests/e2e/stack.mjs`, the Worker in
//!   workerd serving `www/` and the filtered API in front of `tests/origin/origin.mjs`) comes up
//!   (`tests/e2e/demo.test.mjs`), and the widget works through it
//!   (`tests/e2e/widget.test.mjs`, playwright-core + Chromium).
//! * [`bench`] — sizes (wasm + JS + CSS, gzip -9) and the in-browser timings printed by
//!   `tests/e2e/bench.mjs`, each against its budget.

use crate::run::{cargo, root, Step};
use crate::{edge, setup};

const PKG: &str = "www/pkg";
const BG: &str = "www/pkg/chatguard_web_bg.wasm";

/// Builds the widget's wasm module and JS glue into `www/pkg`.
pub(crate) fn build() -> Result<(), String> {
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
    Step::new(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            PKG,
            "target/wasm32-unknown-unknown/wasm/chatguard_web.wasm",
        ],
    )
    .with_tools()
    .run()?;
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
            BG,
            "-o",
            BG,
        ],
    )
    .run()
}

/// Builds the widget and the edge Worker, then runs the widget's Rust DOM tests and the
/// end-to-end tests of the demo stack in headless Chromium.
pub(crate) fn test() -> Result<(), String> {
    build()?;
    edge::build()?;
    cargo(&[
        "test",
        "-p",
        "chatguard-web",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .with_tools()
    .run()?;
    Step::new(
        "node",
        &[
            "--test",
            "tests/e2e/demo.test.mjs",
            "tests/e2e/widget.test.mjs",
        ],
    )
    .env_remove("ORIGIN_URL")
    .env_remove("CHATGUARD_E2E_URL")
    .run()
}

/// Builds, prints the gzipped size of what a page downloads, and runs the browser timings.
pub(crate) fn bench() -> Result<(), String> {
    setup::wasm_bindgen()?;
    setup::worker_build()?;
    setup::npm_packages()?;
    build()?;
    edge::build()?;
    let mut total = 0;
    for file in [
        BG,
        "www/pkg/chatguard_web.js",
        "www/chatguard.js",
        "www/chatguard.css",
    ] {
        let path = root().join(file);
        let path = path.to_str().ok_or("non-UTF-8 path")?;
        let raw = std::fs::metadata(path)
            .map_err(|e| format!("{file}: {e}"))?
            .len();
        let gz = gzip_len(path)?;
        total += gz;
        println!("widget size {file:>32}: {raw:>8} B raw  {gz:>8} B gzip -9");
    }
    println!(
        "widget size {:>32}: {total:>8} B gzip -9 ({:.1} KiB; budget 150 KB: {:.2}x)",
        "total (wasm + JS + CSS)",
        total as f64 / 1024.0,
        total as f64 / 150_000.0
    );
    Step::new("node", &["tests/e2e/bench.mjs"]).run()
}

/// The gzip -9 size of a file, in bytes.
pub(crate) fn gzip_len(file: &str) -> Result<usize, String> {
    let out = std::process::Command::new("gzip")
        .args(["-9", "-c", file])
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len())
}

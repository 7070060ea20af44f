//! Installing what a fresh machine lacks, once, and pointing the tools at each other.
//!
//! Every `ensure`-style function here is idempotent and cheap when its tool is already present,
//! so `cargo xtask test` and `cargo xtask demo` call them unconditionally. Versions are pinned
//! where they must match (wasm-bindgen CLI = the library in Cargo.lock; worker-build = worker).

use std::path::PathBuf;

use crate::run::{capture, cargo, root, Step};

/// The wasm-bindgen version the workspace pins (`=0.2.130` in the root Cargo.toml).
pub(crate) const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// The worker-build version that matches `worker = "0.8"`.
const WORKER_BUILD_VERSION: &str = "0.8.7";

/// Installs a rustup target when it is missing.
pub(crate) fn wasm_target(target: &str) -> Result<(), String> {
    let installed = capture("rustup", &["target", "list", "--installed"])?;
    if installed.lines().any(|l| l.trim() == target) {
        return Ok(());
    }
    Step::new("rustup", &["target", "add", target]).run()
}

/// Installs wasm-bindgen-cli (and its test runner) at the pinned version, when missing.
pub(crate) fn wasm_bindgen() -> Result<(), String> {
    let have = capture("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.contains(WASM_BINDGEN_VERSION) {
        return Ok(());
    }
    // Not `--locked`: its lockfile wants a crate version the registry here lacks.
    cargo(&[
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
    ])
    .run()
}

/// Installs worker-build at the version matching the `worker` crate, when missing.
pub(crate) fn worker_build() -> Result<(), String> {
    let have = capture("worker-build", &["--version"]).unwrap_or_default();
    if have.contains(WORKER_BUILD_VERSION) {
        return Ok(());
    }
    cargo(&[
        "install",
        "worker-build",
        "--version",
        WORKER_BUILD_VERSION,
        "--locked",
    ])
    .run()
}

/// `npm ci` when `node_modules` is missing or older than the lockfile.
pub(crate) fn npm_packages() -> Result<(), String> {
    let lock = root().join("package-lock.json");
    let installed = root().join("node_modules/.package-lock.json");
    let fresh = match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) => installed >= lock,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    Step::new("npm", &["ci", "--no-audit", "--no-fund"]).run()
}

/// Installs Debian's Chromium and ChromeDriver when missing (the browser tests drive them).
pub(crate) fn chromium() -> Result<(), String> {
    let present = |p: &str| std::path::Path::new(p).exists();
    if present("/usr/bin/chromium") && present("/usr/bin/chromedriver") {
        return Ok(());
    }
    let install = [
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ];
    Step::new("apt-get", &["update"]).run()?;
    Step::new("apt-get", &install).run()
}

/// Environment that keeps worker-build offline and pinned: wasm-bindgen, wasm-opt and esbuild
/// come from what [`wasm_bindgen`] and [`npm_packages`] installed, never from a download.
pub(crate) fn tool_env() -> Vec<(&'static str, String)> {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".to_owned());
    let path_of = |p: PathBuf| p.to_string_lossy().into_owned();
    vec![
        (
            "ESBUILD_BIN",
            path_of(root().join("node_modules/@esbuild/linux-x64/bin/esbuild")),
        ),
        (
            "WASM_OPT_BIN",
            path_of(root().join("node_modules/binaryen/bin/wasm-opt")),
        ),
        (
            "WASM_BINDGEN_BIN",
            format!("{home}/.cargo/bin/wasm-bindgen"),
        ),
        ("CHROMEDRIVER", "/usr/bin/chromedriver".to_owned()),
        ("WRANGLER_SEND_METRICS", "false".to_owned()),
    ]
}

fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

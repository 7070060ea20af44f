//! The browser widget: build it into `www/pkg`, test it in headless Chromium, measure its budgets.
//!
//! * [`build`] — `chatguard-web` for wasm32 with the `wasm` profile, `wasm-bindgen --target web`
//!   into `www/pkg`, then `wasm-opt` for size (binaryen from npm, see [`bindgen_and_optimise`])
//!   in place; the JS glue, and the loader and styles written in `www/src/`, minified with
//!   esbuild into `www/pkg` and `www/` (what the demo serves and what is measured).
//! * [`test_minimal_core`] — lints and the pack tests of the core without optional packs.
//! * [`test`] — the build, the Rust DOM tests under wasm-bindgen-test in Chromium, and the
//!   end-to-end tests through the real edge: the demo stack (`tests/e2e/stack.mjs`, the Worker in
//!   workerd serving `www/` and the filtered API in front of `tests/origin/origin.mjs`) comes up
//!   (`tests/e2e/demo.test.mjs`), and the widget works through it
//!   (`tests/e2e/widget.test.mjs`, playwright-core + Chromium).
//! * [`bench`] — sizes against their budgets: the core alone (the `core_only` example of
//!   `chatguard-web`, built the same way, ≤ 250 KB) and the widget's download (wasm + JS + CSS,
//!   ≤ 150 KB), both gzip -9, also for a widget with no optional detector pack and for a
//!   regional one ([`EXAMPLE_PACKS`]); then the in-browser timings printed by
//!   `tests/e2e/bench.mjs`.
//!
//! The widget's detector packs (`chatguard::Pack`, features of `chatguard-web`) come from
//! `CHATGUARD_WIDGET_PACKS`: unset builds every pack, `none` none, and a comma-separated list
//! (`ids-europe,secrets`) just those.

use crate::run::{cargo, root, Step};
use crate::{edge, setup};

const PKG: &str = "www/pkg";
const BG: &str = "www/pkg/chatguard_web_bg.wasm";
const GLUE: &str = "www/pkg/chatguard_web.js";
const LOADER_SRC: &str = "www/src/chatguard.js";
const LOADER: &str = "www/chatguard.js";
const CSS_SRC: &str = "www/src/chatguard.css";
const CSS: &str = "www/chatguard.css";
const CORE_ONLY_DIR: &str = "target/size";
const CORE_ONLY_BG: &str = "target/size/core_only_bg.wasm";

/// The environment variable naming the widget's detector packs (see the module docs).
const PACKS_ENV: &str = "CHATGUARD_WIDGET_PACKS";
/// The regional widget `bench --size` measures besides the full and the minimal one: a European
/// site's, with every pack but the other regions' ids, ISINs/wallets and IMEIs.
const EXAMPLE_PACKS: &str = "ids-europe,secrets,person,address,dob,passport";
/// Where `bench --size` builds the widget variants it measures.
const VARIANTS_DIR: &str = "target/size/widget";

/// Issue 2's budget for the core alone (wasm, gzip -9), and issue 5's for the widget's download.
const CORE_BUDGET: usize = 250_000;
const WIDGET_BUDGET: usize = 150_000;

/// Builds the widget's wasm module and JS glue into `www/pkg` with the packs of
/// `CHATGUARD_WIDGET_PACKS`, and the minified loader and styles into `www/`.
pub(crate) fn build() -> Result<(), String> {
    let packs = std::env::var(PACKS_ENV).ok();
    build_module(packs.as_deref(), PKG)?;
    // The loader and the styles are written in `www/src/` and minified next to the demo page,
    // which is what the demo serves and `sizes` measures.
    minify(LOADER_SRC, LOADER, &[])?;
    minify(CSS_SRC, CSS, &[])
}

/// Builds the widget's wasm module with `packs` (see [`pack_features`]) and its minified JS
/// glue into `out_dir`.
fn build_module(packs: Option<&str>, out_dir: &str) -> Result<(), String> {
    let mut args = vec![
        "build",
        "-p",
        "chatguard-web",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
    ];
    let features = pack_features(packs)?;
    args.extend(features.iter().map(String::as_str));
    cargo(&args).run()?;
    bindgen_and_optimise(&built("chatguard_web.wasm")?, out_dir)?;
    // Read by browsers only, so served minified: the generated glue 2.7 KB gzipped instead of 5.3.
    let glue = format!("{out_dir}/chatguard_web.js");
    minify(&glue, &glue, &["--format=esm"])
}

/// Cargo's feature arguments for a pack list: none for `None` (every pack, the default),
/// `--no-default-features` for `none`, and `--no-default-features --features <list>` for a
/// comma-separated list of pack names (cargo refuses a name that is not a feature).
fn pack_features(packs: Option<&str>) -> Result<Vec<String>, String> {
    let Some(packs) = packs else {
        return Ok(Vec::new());
    };
    let names: Vec<&str> = packs.split(',').map(str::trim).collect();
    if names == ["none"] {
        return Ok(vec!["--no-default-features".to_owned()]);
    }
    if let Some(bad) = names
        .iter()
        .find(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
    {
        return Err(format!(
            "{PACKS_ENV}={packs:?}: `{bad}` is not a pack name; give a comma-separated list \
             such as `ids-europe,secrets`, or `none` for no optional pack"
        ));
    }
    Ok(vec![
        "--no-default-features".to_owned(),
        "--features".to_owned(),
        names.join(","),
    ])
}

/// `input` minified by esbuild (from npm) into `output` (which may be `input`); the
/// `/*! ... */` licence comment at the top of the loader is kept.
fn minify(input: &str, output: &str, extra: &[&str]) -> Result<(), String> {
    let outfile = format!("--outfile={output}");
    let mut args = vec![
        input,
        "--minify",
        "--log-level=warning",
        "--allow-overwrite",
        &outfile,
    ];
    args.extend_from_slice(extra);
    Step::new("node_modules/@esbuild/linux-x64/bin/esbuild", &args).run()
}

/// Builds the core alone behind wasm-bindgen (`chatguard-web`'s `core_only` example: a policy,
/// the default detectors, `scan` and `redact`) the same way as the widget, into `target/size`.
/// Returns the path of its optimised wasm module.
fn build_core_only() -> Result<&'static str, String> {
    cargo(&[
        "build",
        "-p",
        "chatguard-web",
        "--example",
        "core_only",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
    ])
    .run()?;
    bindgen_and_optimise(&built("examples/core_only.wasm")?, CORE_ONLY_DIR)?;
    Ok(CORE_ONLY_BG)
}

/// The path of `file` in cargo's output for the `wasm` profile on wasm32 (in `CARGO_TARGET_DIR`
/// when set).
fn built(file: &str) -> Result<String, String> {
    let path = crate::run::cargo_target_dir()
        .join("wasm32-unknown-unknown/wasm")
        .join(file);
    path.into_os_string()
        .into_string()
        .map_err(|_| "the cargo target directory is not a UTF-8 path".to_owned())
}

/// `wasm-bindgen --target web` of cargo's `module` into `out_dir`, then `wasm-opt` (binaryen
/// from npm) in place on the `*_bg.wasm` it wrote.
fn bindgen_and_optimise(module: &str, out_dir: &str) -> Result<(), String> {
    Step::new(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            out_dir,
            module,
        ],
    )
    .with_tools()
    .run()?;
    let stem = module
        .rsplit('/')
        .next()
        .and_then(|file| file.strip_suffix(".wasm"))
        .ok_or_else(|| format!("{module}: not a .wasm file"))?;
    let bg = format!("{out_dir}/{stem}_bg.wasm");
    // Measured on the widget (gzip -9 of the module): `-Oz` alone 273,808 B; with the low 1 KiB
    // of memory declared unused (Rust places data and stack at 1 MiB and up) and a second round
    // after GUFA and flatten/rereloop, 270,335 B. `--converge` was larger and 4x slower.
    Step::new(
        "node_modules/binaryen/bin/wasm-opt",
        &[
            "--low-memory-unused",
            "-Oz",
            "--gufa",
            "--flatten",
            "--rereloop",
            "-Oz",
            "-Oz",
            "--enable-bulk-memory",
            "--enable-reference-types",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-multivalue",
            &bg,
            "-o",
            &bg,
        ],
    )
    .run()
}

/// The core as the smallest widget builds it — no optional detector pack: lints, and the tests
/// of the packs (the policy refusing kinds of missing packs, the recognizer table's `cfg`s).
/// The rest of the suite expects every detector and runs in the default build.
pub(crate) fn test_minimal_core() -> Result<(), String> {
    let minimal = [
        "-p",
        "chatguard",
        "--no-default-features",
        "--features",
        "inject",
    ];
    let mut clippy = vec!["clippy"];
    clippy.extend_from_slice(&minimal);
    clippy.extend_from_slice(&["--all-targets", "--", "-D", "warnings"]);
    cargo(&clippy).run()?;
    let mut test = vec!["test"];
    test.extend_from_slice(&minimal);
    test.extend_from_slice(&["--lib", "packs"]);
    cargo(&test).run()
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

/// Prints the sizes against their budgets (see [`sizes`]) and runs the browser timings.
pub(crate) fn bench() -> Result<(), String> {
    sizes()?;
    setup::worker_build()?;
    edge::build()?;
    Step::new("node", &["tests/e2e/bench.mjs"]).run()
}

/// Builds the core alone and the widget, then prints their gzipped sizes against their budgets
/// (`cargo xtask bench --size` runs only this).
pub(crate) fn sizes() -> Result<(), String> {
    setup::wasm_bindgen()?;
    setup::npm_packages()?;
    let core_only = build_core_only()?;
    // The variants first: `build` last leaves `www/pkg` as `CHATGUARD_WIDGET_PACKS` asks.
    let mut variants = Vec::new();
    for (name, packs) in [("no optional pack", "none"), ("example", EXAMPLE_PACKS)] {
        let dir = format!("{VARIANTS_DIR}/{}", packs.replace(',', "+"));
        build_module(Some(packs), &dir)?;
        variants.push((name, packs, dir));
    }
    build()?;
    let core = file_size(core_only)?;
    println!(
        "core size   {CORE_ONLY_BG:>32}: {:>8} B raw  {:>8} B gzip -9",
        core.raw, core.gz
    );
    let mut total = 0;
    for file in [BG, GLUE, LOADER, CSS] {
        let size = file_size(file)?;
        total += size.gz;
        println!(
            "widget size {file:>32}: {:>8} B raw  {:>8} B gzip -9",
            size.raw, size.gz
        );
    }
    // The loader and the styles do not depend on the packs.
    let shared = file_size(LOADER)?.gz + file_size(CSS)?.gz;
    println!("{}", budget_line("core alone (wasm)", core.gz, CORE_BUDGET));
    let packs = std::env::var(PACKS_ENV).unwrap_or_else(|_| "all".to_owned());
    println!(
        "{}",
        budget_line(
            &format!("widget, packs {packs} (wasm + JS + CSS)"),
            total,
            WIDGET_BUDGET
        )
    );
    for (name, packs, dir) in variants {
        let wasm = file_size(&format!("{dir}/chatguard_web_bg.wasm"))?.gz;
        let glue = file_size(&format!("{dir}/chatguard_web.js"))?.gz;
        println!(
            "{}",
            budget_line(
                &format!("widget, {name}: packs {packs}"),
                wasm + glue + shared,
                WIDGET_BUDGET
            )
        );
    }
    Ok(())
}

/// `size budget <what>: N B gzip -9 (x KiB) — budget B: ratio ×, within / over`.
fn budget_line(what: &str, gz: usize, budget: usize) -> String {
    let ratio = gz as f64 / budget as f64;
    let verdict = if gz <= budget { "within" } else { "over" };
    format!(
        "size budget {what:>32}: {gz:>8} B gzip -9 ({:.1} KiB); budget {} KB: {ratio:.2}x, {verdict}",
        gz as f64 / 1024.0,
        budget / 1000
    )
}

struct FileSize {
    raw: u64,
    gz: usize,
}

/// The raw and gzip -9 sizes of a file under the workspace root.
fn file_size(file: &str) -> Result<FileSize, String> {
    let path = root().join(file);
    let path = path.to_str().ok_or("non-UTF-8 path")?;
    let raw = std::fs::metadata(path)
        .map_err(|e| format!("{file}: {e}"))?
        .len();
    Ok(FileSize {
        raw,
        gz: gzip_len(path)?,
    })
}

/// The gzip -9 size of a file, in bytes.
pub(crate) fn gzip_len(file: &str) -> Result<usize, String> {
    let out = std::process::Command::new("gzip")
        .args(["-9", "-c", file])
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len())
}

#[cfg(test)]
mod tests {
    use super::pack_features;

    #[test]
    fn pack_lists_become_cargo_feature_arguments() {
        assert!(pack_features(None).expect("all").is_empty());
        assert_eq!(
            pack_features(Some("none")).expect("none"),
            ["--no-default-features"]
        );
        assert_eq!(
            pack_features(Some("ids-europe, secrets")).expect("two"),
            ["--no-default-features", "--features", "ids-europe,secrets"]
        );
        for bad in ["", "ids-europe,", "ids_europe", "secrets;rm"] {
            let e = pack_features(Some(bad)).expect_err(bad);
            assert!(e.contains("CHATGUARD_WIDGET_PACKS"), "{e}");
        }
    }
}

//! The edge filter's part of `cargo xtask test` and `cargo xtask bench`: builds the Worker with
//! worker-build (pinned tools from [`crate::setup::tool_env`]), then runs the Miniflare
//! end-to-end tests (`tests/e2e/edge.test.mjs`, and `tests/e2e/edge_auth.test.mjs` for
//! authentication with live `jose` tokens and a loopback JWKS, `tests/e2e/edge_output.test.mjs`
//! for canaries and the audit hash chain, `tests/e2e/edge_sinks.test.mjs` for the audit Queue and
//! Analytics Engine sinks, `tests/e2e/edge_deletion.test.mjs` for the conversation deletion route,
//! `tests/e2e/edge_ratelimit.test.mjs` for the rate limiter's window surviving a restart,
//! `tests/e2e/edge_token_cache.test.mjs` for cached tokens after a key rotation,
//! `tests/e2e/edge_fields.test.mjs` for strings in fields the edge does not know) or the latency
//! benchmark
//! (`tests/bench/edge-bench.mjs`) against the loopback origin in `tests/origin/origin.mjs`.

use crate::run::{cargo, Step};

/// Builds the Worker into `edge/build` for speed (`opt-level = 3`, set here so a change of the
/// workspace's release profile does not change the Worker). Built for size instead
/// (`opt-level = "s"`) the bundle was 11% smaller gzipped (729 KB against 812 KB, both under
/// the 1 MB goal) but every request cost the runtime 0.2–0.4 ms more CPU
/// (`tests/bench/edge-bench.mjs` with `EDGE_BENCH_COMPARE`, both orders).
pub(crate) fn build() -> Result<(), String> {
    Step::new("worker-build", &["--release", "edge"])
        .with_tools()
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3")
        .run()
}

/// Builds the Worker and the CLI (its detector checks the audit lines), then runs the tests.
pub(crate) fn test() -> Result<(), String> {
    build()?;
    cargo(&["build", "-p", "chatguard-cli"]).run()?;
    Step::new(
        "node",
        &[
            "--test",
            "tests/e2e/edge.test.mjs",
            "tests/e2e/edge_auth.test.mjs",
            "tests/e2e/edge_output.test.mjs",
            "tests/e2e/edge_sinks.test.mjs",
            "tests/e2e/edge_deletion.test.mjs",
            "tests/e2e/edge_ratelimit.test.mjs",
            "tests/e2e/edge_token_cache.test.mjs",
            "tests/e2e/edge_fields.test.mjs",
        ],
    )
    .with_tools()
    .run()
}

/// Builds the Worker and prints added latency, requests/s and the bundle size.
pub(crate) fn bench() -> Result<(), String> {
    build()?;
    Step::new("node", &["--no-warnings", "tests/bench/edge-bench.mjs"])
        .with_tools()
        .run()
}

//! The edge's pure-Rust work on the benchmark request of `tests/bench/edge-bench.mjs`, step by
//! step, natively: where the filter's added latency goes once the runtime's share (reading the
//! body through JS, the origin fetch, the rate-limit call) is set aside. The same 4 KB Chat
//! Completions request (a new conversation each time, so no memo hits) and the loopback origin's
//! answer to it.
//!
//! `cargo bench -p chatguard-edge --bench pipeline` prints µs per step (mean over many requests).
//! `-- --once` runs each step once per request for a fixed set of requests and prints nothing
//! but a checksum: a fixed workload for `valgrind --tool=callgrind` (compare instruction counts
//! before and after a change; `--once <step>` runs only that step).
//!
//! Wasm in workerd runs this code roughly 1.5–2× slower than native; the ratios between steps
//! hold.

use core::hint::black_box;
use std::time::Instant;

use chatguard::auth::{JwkSet, JwtVerifier};
use chatguard::inject::canary::Canary;
use chatguard::{Guard, Policy, UnixTime, Vault};
use chatguard_edge::config::Config;
use chatguard_edge::filter::{filter_response, redact_request, Tally};
use chatguard_edge::memo::Memo;
use chatguard_edge::output::{self, OutputPolicy};
use chatguard_edge::rbac::{authorize, strip_response_tool_calls};
use chatguard_edge::roles::Roles;
use chatguard_edge::shape::{self, Api};
use chatguard_edge::{canary, injection};
use serde_json::{json, Value};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The bench's request: ordinary support chat with a little synthetic personal data.
fn request4k(history: &str, last: usize) -> String {
    let mut turns = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < 3900 {
        let content = if i % 5 == 2 {
            format!(
                "Please update my address (ref {history}), email is customer{i}@example.com and phone +1 202 555 01{}.",
                10 + (i % 80)
            )
        } else {
            format!("Turn {i} of {history}: my order arrived late and the box was damaged; what are the options for a refund?")
        };
        size += content.len() + 30;
        turns.push(
            json!({ "role": if i % 2 == 1 { "assistant" } else { "user" }, "content": content }),
        );
        i += 1;
    }
    turns.push(json!({ "role": "user", "content": format!("Thanks, please summarise (question {last}).") }));
    json!({ "model": "demo", "max_tokens": 200, "messages": turns }).to_string()
}

/// The loopback origin's answer (`tests/origin/origin.mjs`): the last user text echoed.
fn answer(last: usize) -> String {
    json!({ "id": "chatcmpl-1", "object": "chat.completion", "model": "demo",
        "choices": [{ "index": 0, "finish_reason": "stop", "message": { "role": "assistant",
            "content": format!("You said: Thanks, please summarise (question {last}).") } }] })
    .to_string()
}

struct Setup {
    guard: Guard,
    roles: Roles,
    config: Config,
    verifier: JwtVerifier,
    keys: JwkSet,
    token: String,
    now: UnixTime,
}

fn setup() -> Setup {
    let mut policy: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/tests/policies/default.json")).expect("policy"),
    )
    .expect("policy JSON");
    policy["roles"] = json!({ "support": { "routes": ["/v1/chat/completions"], "models": ["*"],
        "max_tokens": 1024, "tools": [],
        "rate_limit": { "requests": 1_000_000_000_000_u64, "tokens": 1_000_000_000_000_000_u64, "window_secs": 60 } } });
    let policy = Policy::from_json(&policy.to_string()).expect("policy");
    let roles = Roles::parse(&policy.roles).expect("roles");
    let guard = Guard::new(policy).expect("guard");
    let config = Config::from_lookup(|name| match name {
        "ORIGIN_URL" => Some("http://127.0.0.1:8788".to_owned()),
        "AUDIT_KEY" => Some("bench-key".to_owned()),
        _ => None,
    })
    .expect("config");
    // A real RS256 token and its JWKS (synthetic, from tests/jwt/vectors.json).
    let vectors: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/tests/jwt/vectors.json")).expect("vectors"),
    )
    .expect("vectors JSON");
    let cfg = &vectors["configs"]["default"];
    let verifier = JwtVerifier::builder()
        .issuer(cfg["issuer"].as_str().unwrap_or_default())
        .audience(cfg["audience"].as_str().unwrap_or_default())
        .build()
        .expect("verifier");
    let keys = JwkSet::from_json(&cfg["jwks"].to_string()).expect("jwks");
    let token = vectors["valid"]
        .as_array()
        .and_then(|v| v.iter().find(|t| t["name"] == "rs256-kid"))
        .and_then(|t| t["token"].as_str())
        .expect("an RS256 vector")
        .to_owned();
    let now = UnixTime(vectors["now"].as_u64().expect("now"));
    Setup {
        guard,
        roles,
        config,
        verifier,
        keys,
        token,
        now,
    }
}

const STEPS: [&str; 7] = [
    "verify_rs256",
    "parse",
    "injection",
    "redact",
    "canary+output_policy",
    "forward_json",
    "answer_filter",
];

/// Which request of the edge bench: a new conversation with a new token, or the next turn of
/// a session (the same history with a new last message; the token was verified before, so the
/// Worker skips its signature check).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Series {
    New,
    NextTurn,
}

/// Runs one request through the steps; adds each step's time to `spent` (when timing) and
/// returns a checksum so nothing is optimised away.
fn one_request(
    s: &Setup,
    memo: &mut Memo,
    (series, n): (Series, usize),
    only: Option<&str>,
    spent: &mut [f64],
) -> usize {
    let mut sum = 0;
    let mut clock = Instant::now();
    let mut lap = |i: usize, spent: &mut [f64]| {
        let t = Instant::now();
        spent[i] += (t - clock).as_secs_f64();
        clock = t;
    };
    let run = |name: &str| only.is_none_or(|o| o == name);
    let body = match series {
        Series::New => request4k(&format!("conversation {n}"), n),
        Series::NextTurn => request4k("conversation 0", n),
    };
    let origin_answer = answer(n);
    lap(STEPS.len(), spent);
    if run("verify_rs256") && series == Series::New {
        let claims = s
            .verifier
            .verify(&s.token, &s.keys, s.now)
            .expect("valid token");
        sum += claims.raw().len();
    }
    lap(0, spent);
    let api = Api::ChatCompletions;
    let mut request = shape::parse(&api, Some("application/json"), body.as_bytes()).expect("valid");
    let role = s.roles.get("support").expect("role");
    authorize(role, "/v1/chat/completions", &request).expect("authorized");
    lap(1, spent);
    let principal = "jwt:https://issuer.bench.example bench-user-1";
    let keys = memo.keys_for(principal, &request);
    if run("injection") {
        let assessment = injection::assess(&s.guard, &request, memo, &keys);
        sum += assessment.rules.len();
    }
    lap(2, spent);
    let cx = chatguard::Context {
        now: s.now,
        granted: chatguard::CategorySet::EMPTY,
    };
    let mut vault = Vault::new();
    let mut tally = Tally::default();
    if run("redact") {
        redact_request(
            &s.guard,
            &cx,
            &mut request,
            &mut vault,
            &mut tally,
            memo,
            &keys,
        )
        .expect("redacted");
    }
    lap(3, spent);
    let output = OutputPolicy::for_request(&s.config, &output::system_prompt(&api, &request.body));
    let planted = canary::plant(&api, &mut request.body, &Canary::from_random([n as u8; 16]));
    sum += usize::from(planted);
    lap(4, spent);
    let forwarded = serde_json::to_string(&request.body).expect("serialize");
    sum += forwarded.len();
    lap(5, spent);
    if run("answer_filter") {
        let mut answer: Value = serde_json::from_slice(origin_answer.as_bytes()).expect("answer");
        sum += strip_response_tool_calls(&mut answer, &role.tools);
        filter_response(&s.guard, &cx, &mut answer, &vault, &mut tally).expect("allowed");
        let mut rules = Vec::new();
        sum += usize::from(output.check_json(&mut answer, &mut rules));
        sum += answer.to_string().len();
    }
    lap(6, spent);
    black_box(sum)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let s = setup();
    let mut memo = Memo::new([7; 16]);
    let mut spent = vec![0.0; STEPS.len() + 1];
    let series = if args.iter().any(|a| a == "--next-turn") {
        Series::NextTurn
    } else {
        Series::New
    };
    if let Some(at) = args.iter().position(|a| a == "--once") {
        let only = args
            .get(at + 1)
            .map(String::as_str)
            .filter(|a| !a.starts_with("--"));
        let mut sum = 0;
        // The session's history is known to the memo before the measured turns.
        one_request(&s, &mut memo, (series, 1_000_000), only, &mut spent);
        for n in 0..50 {
            sum += one_request(&s, &mut memo, (series, n), only, &mut spent);
        }
        println!("checksum {sum}");
        return;
    }
    let requests = 400;
    for (series, label) in [
        (Series::New, "new conversation, new token"),
        (Series::NextTurn, "next turn of a session"),
    ] {
        for n in 0..40 {
            one_request(&s, &mut memo, (series, 1_000_000 + n), None, &mut spent);
        }
        spent.iter_mut().for_each(|x| *x = 0.0);
        for n in 0..requests {
            one_request(&s, &mut memo, (series, n), None, &mut spent);
        }
        println!("edge pipeline, native, per 4 KB request ({label}), mean of {requests}:");
        let mut total = 0.0;
        for (name, secs) in STEPS.iter().zip(&spent) {
            let us = secs / f64::from(requests as u32) * 1e6;
            total += us;
            println!("  {name:<22} {us:8.1} µs");
        }
        println!("  {:<22} {total:8.1} µs", "total");
    }
}

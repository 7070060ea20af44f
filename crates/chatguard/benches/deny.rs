//! Deny-list size benchmark: what a policy's deny list costs to compile, for 1,000 to 100,000
//! synthetic names ("First Last", random letters: not real people).
//!
//! Each size runs in a fresh process, which builds a [`Guard`] with one `person` deny list and
//! prints how far the resident set rose at the build's peak and how much of it the guard keeps
//! (Linux `/proc/self/status`), and the build time beside that of a 1,000-name list built in the
//! same process just after (the baseline). Up to about 1,000 names the matcher is a dense DFA;
//! past its 4 MB dense budget it switches to its compact mode (README "One automaton type").
//! The policy JSON caps deny lists at 50,000 values and 512 KiB (README "Configuration: the
//! policy"): the 50,000- and 100,000-name rows, past that cap, are built through the Rust API to
//! show the headroom. Prints figures, asserts nothing about time:
//! `cargo bench -p chatguard --bench deny`.

use core::time::Duration;
use std::time::Instant;

use chatguard::policy::DenyList;
use chatguard::{Guard, Policy};

/// A field of `/proc/self/status` in bytes (`VmHWM`: peak resident set, `VmRSS`: resident
/// set), or `None` off Linux.
fn status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Resets the peak resident set to the current one (Linux: `/proc/self/clear_refs`).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Synthetic "First Last" names, deterministic.
fn synthetic_names(count: usize) -> Vec<String> {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let mut word = || {
        let len = 3 + next(8) as usize;
        let mut w = String::with_capacity(len);
        w.push(char::from(b'A' + next(26) as u8));
        for _ in 1..len {
            w.push(char::from(b'a' + next(26) as u8));
        }
        w
    };
    (0..count)
        .map(|_| {
            let first = word();
            format!("{first} {}", word())
        })
        .collect()
}

/// Builds a guard for `policy`: how far the resident set rose during the build (its peak
/// above where it began) and how much of that the guard keeps, in bytes, and the build time.
fn measure(policy: Policy) -> (Option<usize>, Option<usize>, Duration) {
    let reset = reset_peak();
    let before = status_bytes("VmRSS");
    let began = Instant::now();
    let guard = Guard::new(policy).expect("the policy compiles");
    let took = began.elapsed();
    let peak = status_bytes("VmHWM")
        .filter(|_| reset)
        .zip(before)
        .map(|(p, b)| p.saturating_sub(b));
    let kept = status_bytes("VmRSS")
        .zip(before)
        .map(|(k, b)| k.saturating_sub(b));
    drop(guard);
    (peak, kept, took)
}

/// Bytes as megabytes, or "n/a".
fn mb(bytes: Option<usize>) -> String {
    bytes.map_or_else(|| "n/a".into(), |b| format!("{:.1} MB", b as f64 / 1e6))
}

/// One size, in this process: builds a guard with a `count`-name deny list, then one with
/// 1,000 names (the time baseline; built second so that the first build's memory figures
/// start from a fresh process).
fn measure_one(count: usize) {
    let policy = |count: usize| Policy {
        deny: vec![DenyList {
            kind: "person".into(),
            values: synthetic_names(count),
        }],
        ..Policy::default()
    };
    let bytes: usize = synthetic_names(count).iter().map(String::len).sum();
    let (peak, kept, took) = measure(policy(count));
    let (_, _, base_took) = measure(policy(1_000));
    println!(
        "{count:>7} names ({:.2} MB of values): RSS +{} at peak, +{} kept, built in {took:.1?} ({:.1}x the 1,000-name build)",
        bytes as f64 / 1e6,
        mb(peak),
        mb(kept),
        took.as_secs_f64() / base_took.as_secs_f64().max(1e-9),
    );
}

/// Each size in a fresh process (this program run with the count as its argument), so that
/// memory freed by one build does not hide the next one's growth.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(count) = args.iter().find_map(|a| a.parse::<usize>().ok()) {
        measure_one(count);
        return;
    }
    let me = std::env::current_exe().expect("the bench's own path");
    for count in [1_000, 10_000, 20_000, 37_000, 50_000, 100_000] {
        let status = std::process::Command::new(&me)
            .arg(count.to_string())
            .status()
            .expect("the bench runs itself");
        assert!(status.success(), "the {count}-name run failed");
    }
}

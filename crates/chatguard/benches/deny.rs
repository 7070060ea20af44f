//! Deny-list size benchmark: what a policy's deny list costs to compile, for 1,000, 10,000 and
//! 100,000 synthetic names ("First Last", random letters: not real people).
//!
//! For each size it builds a [`Guard`] with one `person` deny list and prints the heap the
//! build allocated at its peak, the heap the guard keeps, and the build time, each beside the
//! same figure for a guard with no deny list measured in the same run (the baseline). The
//! matcher switches to its compact mode above its dense budget (see the README's "One
//! automaton type"); the policy JSON caps deny lists (README "Configuration: the policy"), and
//! 100,000 names, past that cap, are built through the Rust API to show the headroom.
//! Prints figures, asserts nothing about time:
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

fn main() {
    let (base_peak, base_kept, base_took) = measure(Policy::default());
    println!(
        "no deny list (baseline): RSS +{} at peak, +{} kept, built in {base_took:.1?}",
        mb(base_peak),
        mb(base_kept)
    );
    for count in [1_000, 10_000, 50_000, 100_000] {
        let values = synthetic_names(count);
        let bytes: usize = values.iter().map(String::len).sum();
        let policy = Policy {
            deny: vec![DenyList {
                kind: "person".into(),
                values,
            }],
            ..Policy::default()
        };
        let (peak, kept, took) = measure(policy);
        println!(
            "{count:>7} names ({:.2} MB of values): RSS +{} at peak, +{} kept, built in {took:.1?} ({:.1}x the baseline)",
            bytes as f64 / 1e6,
            mb(peak),
            mb(kept),
            took.as_secs_f64() / base_took.as_secs_f64().max(1e-9),
        );
    }
}

//! Timing harness for the secret recognizer on benign text (release mode, ignored by default):
//! `cargo test --release -p chatguard --lib secret_cost -- --ignored --nocapture`.

use core::hint::black_box;
use std::time::Instant;

use super::scan;
use crate::detect::hay::Hay;

const BENIGN: &str = include_str!("../../../../../../tests/haystacks/benign_chat.txt");

/// Best of several rounds of `f`, in nanoseconds.
fn best(rounds: usize, mut f: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
#[ignore = "timing; run in release with --nocapture"]
fn secret_cost() {
    let lines: Vec<Hay<'_>> = BENIGN.lines().map(Hay::new).collect();
    let whole = Hay::new(BENIGN);
    let short = Hay::new("hi, my order is late :(");
    let mut out = Vec::new();
    let mb = BENIGN.len() as f64 / 1e6;
    let per_line = best(15, || {
        for h in &lines {
            out.clear();
            scan(black_box(h), &mut out);
        }
        black_box(&out);
    });
    let one = best(15, || {
        out.clear();
        scan(black_box(&whole), &mut out);
        black_box(&out);
    });
    let n = 100_000;
    let tiny = best(15, || {
        for _ in 0..n {
            out.clear();
            scan(black_box(&short), &mut out);
        }
        black_box(&out);
    });
    println!(
        "secret: {:.3} ms/MB line by line ({} lines), {:.3} ms/MB as one text, {:.1} ns per {}-byte message",
        per_line / 1e6 / mb,
        lines.len(),
        one / 1e6 / mb,
        tiny / n as f64,
        short.text.len()
    );
}

#[test]
#[ignore = "timing; run in release with --nocapture"]
fn secret_cost_parts() {
    let pf = super::PREFILTER.as_ref().expect("builds");
    let whole = Hay::new(BENIGN);
    let bytes = BENIGN.as_bytes();
    let mb = BENIGN.len() as f64 / 1e6;
    let find = best(15, || {
        black_box(super::triggers::find(black_box(&whole)));
    });
    let hits: Vec<_> = super::triggers::hits(&whole, super::Owner::Secret)
        .expect("builds")
        .collect();
    let mut out = Vec::new();
    let shapeless = best(15, || {
        out.clear();
        super::shapeless(black_box(&whole), &mut out);
        black_box(&out);
    });
    let act = best(15, || {
        out.clear();
        super::act(pf, black_box(&whole), hits.iter().copied(), &mut out);
        black_box(&out);
    });
    let (gated, starts) = super::triggers::gate_stats(bytes);
    println!(
        "find {:.3} ms/MB ({} hits, {gated} of {starts} starts pass the gate), shapeless {:.3}, act {:.3}",
        find / 1e6 / mb,
        hits.len(),
        shapeless / 1e6 / mb,
        act / 1e6 / mb
    );
}

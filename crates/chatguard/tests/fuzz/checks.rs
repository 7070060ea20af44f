//! Property checks shared by the fuzz targets (`crates/chatguard/fuzz/fuzz_targets/*.rs`) and
//! the stable replay test (`tests/fuzz_replay.rs`), which both import this file with `#[path]`,
//! so a committed crash input is replayed through exactly the checks that found it.
//!
//! Each function takes the raw fuzzer input (any bytes), decodes it the same way every time and
//! panics when a property breaks. The engine promises never to panic on any text, so a panic
//! inside chatguard is a failure too.

use std::sync::OnceLock;

use arbitrary::Unstructured;
use chatguard::{Context, Guard, Policy, Span, StreamStatus, Verdict};

/// The text the `policy` target checks with every policy that parses: one value of each family
/// the default policy knows (all synthetic: a published test card, the IBAN registry's German
/// example, example.com/example.org addresses and documentation IP ranges) plus words that
/// custom patterns, deny and allow lists in the seeds refer to.
pub const POLICY_SAMPLE: &str = "Hi, I'm Jane Example (employee EMP-123456). Mail jane@example.com \
or bob (at) example (dot) org, card 4012 8888 8888 1881, IBAN DE89 3704 0044 0532 0130 00, \
call +44 20 7946 0958 from 192.0.2.44, see https://shop.example/help — Grüße 😀 ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ";

/// The guard for the default policy, built once per process.
pub fn default_guard() -> &'static Guard {
    static GUARD: OnceLock<Guard> = OnceLock::new();
    GUARD.get_or_init(|| Guard::new(Policy::default()).expect("the default policy builds"))
}

/// Spans must be non-empty, in bounds, on character boundaries, sorted and disjoint: the
/// redactor skips any span that is not, which would leave the value in the clear.
pub fn assert_spans_sound(text: &str, spans: impl IntoIterator<Item = Span>, what: &str) {
    let mut last_end = 0;
    for span in spans {
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{what}: span {span:?} empty or out of bounds (text is {} bytes): {text:?}",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what}: span {span:?} not on char boundaries: {text:?}"
        );
        assert!(
            span.start >= last_end,
            "{what}: span {span:?} overlaps or precedes the previous one (ended at {last_end}): {text:?}"
        );
        last_end = span.end;
        // The JavaScript conversion must not panic either.
        let _ = span.to_utf16(text);
    }
}

/// The scan and check properties of one text under one guard: findings of `scan` and of
/// `check` are sound, and unless blocked the outcome is consistent with its verdict. With
/// `idempotent`, checking the redacted text changes nothing more (redacted output rescans
/// clean); fuzzed policies skip that, since a custom pattern may match a placeholder.
pub fn check_text(guard: &Guard, text: &str, idempotent: bool) {
    assert_spans_sound(text, guard.scan(text).iter().map(|f| f.span), "scan");
    let cx = Context::default();
    let outcome = guard.check(text, &cx);
    assert_spans_sound(
        text,
        outcome.findings.iter().map(|d| d.finding.span),
        "check",
    );
    match outcome.verdict {
        Verdict::Allow => assert_eq!(outcome.text, text, "verdict Allow but the text changed"),
        Verdict::Block(_) => assert!(outcome.text.is_empty(), "blocked text must be empty"),
        _ => {}
    }
    if idempotent && !matches!(outcome.verdict, Verdict::Block(_)) {
        let again = guard.check(&outcome.text, &cx);
        assert_eq!(
            again.text, outcome.text,
            "redacted output does not rescan clean; original {text:?}, findings on rescan {:?}",
            again.findings
        );
    }
}

/// `scan` target: any bytes, read as lossy UTF-8, through `scan` and `check` with the default
/// policy.
pub fn scan(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_text(default_guard(), &text, true);
}

/// `stream` target, the key differential property: any bytes pushed in any chunks through
/// [`chatguard::StreamRedactor`] give exactly what one-shot `check` gives on the whole text.
///
/// Decoding (with `arbitrary`, pinned to the same version here and in the fuzz crate): the text
/// is an arbitrary byte slice (invalid UTF-8 included: the redactor must decode it as
/// `String::from_utf8_lossy` does, even when a sequence is split between chunks); every
/// remaining byte is the length of one chunk (0 = an empty push), used in a cycle until the
/// text is consumed.
pub fn stream(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let bytes: &[u8] = u.arbitrary().unwrap_or_default();
    let sizes = u.take_rest();
    let text = String::from_utf8_lossy(bytes);
    let guard = default_guard();
    let cx = Context::default();
    let expected = guard.check(&text, &cx);

    let mut stream = guard.stream(cx);
    let mut out = String::new();
    let mut at = 0;
    let mut chunks = 0usize;
    if !sizes.is_empty() {
        'outer: loop {
            let before = at;
            for &size in sizes {
                let end = (at + usize::from(size)).min(bytes.len());
                stream.push_bytes(&bytes[at..end], &mut out);
                chunks += 1;
                at = end;
                if at == bytes.len() {
                    break 'outer;
                }
            }
            if at == before {
                break; // Only empty chunks: push the rest at once below.
            }
        }
    }
    stream.push_bytes(&bytes[at..], &mut out);
    let (status, findings, _vault) = stream.finish(&mut out);

    match (expected.verdict, status) {
        (Verdict::Block(k), StreamStatus::Blocked(s)) => {
            assert_eq!(k, s, "stream blocked for another kind than check");
        }
        (Verdict::Block(_), StreamStatus::Passing) | (_, StreamStatus::Blocked(_)) => {
            panic!(
                "check verdict {:?} but stream status {status:?}",
                expected.verdict
            )
        }
        _ => {
            assert_eq!(
                out, expected.text,
                "stream output differs from one-shot check ({chunks} chunks of sizes {sizes:?}) for {text:?}"
            );
            assert_spans_sound(&text, findings.iter().map(|d| d.finding.span), "stream");
        }
    }
}

/// `policy` target: any bytes, read as lossy UTF-8, as a policy document. Parsing may fail but must not panic; a
/// policy that parses must build (or fail to build) without panicking, and its guard must scan
/// and check [`POLICY_SAMPLE`] with sound spans.
pub fn policy(data: &[u8]) {
    let json = String::from_utf8_lossy(data);
    let Ok(policy) = Policy::from_json(&json) else {
        return;
    };
    let Ok(guard) = Guard::new(policy) else {
        return;
    };
    check_text(&guard, POLICY_SAMPLE, false);
}

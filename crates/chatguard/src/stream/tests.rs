//! Stream redaction equals one-shot redaction at every split point.

use crate::{Context, Guard, Policy};

fn one_shot(guard: &Guard, text: &str) -> String {
    guard.check(text, &Context::default()).text
}

fn streamed(guard: &Guard, chunks: &[&str]) -> String {
    let mut s = guard.stream(Context::default());
    let mut out = String::new();
    for c in chunks {
        s.push(c, &mut out);
    }
    s.finish(&mut out);
    out
}

#[test]
fn every_two_way_split_matches_one_shot() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let text = "Hello there, write to jane.doe@example.com or pay with 4012 8888 8888 1881 to DE89 3704 0044 0532 0130 00. Thanks!";
    let expected = one_shot(&guard, text);
    assert!(!expected.contains("jane.doe"));
    for split in 0..=text.len() {
        let out = streamed(&guard, &[&text[..split], &text[split..]]);
        assert_eq!(out, expected, "split at {split}");
    }
}

#[test]
fn byte_by_byte_matches_one_shot_and_handles_utf8() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let text = "Grüße 😀 — ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ and 4012\u{200B}8888 8888 1881 ok";
    let expected = one_shot(&guard, text);
    let mut s = guard.stream(Context::default());
    let mut out = String::new();
    for b in text.as_bytes() {
        s.push_bytes(&[*b], &mut out);
    }
    s.finish(&mut out);
    assert_eq!(out, expected);
}

#[test]
fn plain_prose_flows_with_a_small_lag() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let mut s = guard.stream(Context::default());
    let mut out = String::new();
    s.push(
        "sure, here is how you reset your password in the settings page of the app ",
        &mut out,
    );
    assert!(out.starts_with("sure, here is how you reset"), "{out:?}");
    assert!(s.held() < 40);
}

#[test]
fn invalid_utf8_becomes_replacement() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let mut s = guard.stream(Context::default());
    let mut out = String::new();
    s.push_bytes(b"ok \xff then \xe2\x82", &mut out);
    s.finish(&mut out);
    assert_eq!(out, "ok \u{FFFD} then \u{FFFD}");
}

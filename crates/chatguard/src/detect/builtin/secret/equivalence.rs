//! The shared trigger finder against the automaton it replaces: an ASCII-case-insensitive, overlapping
//! Aho-Corasick search over the same patterns, acted on by the same checks, must report exactly
//! the same candidates (rule, span, score, order) on any text.

use std::sync::LazyLock;

use crate::automaton::{Case, MatchKind, Matcher};

use super::rules::MID_TOKEN;
use super::triggers::{self, Hit, Owner};
use super::{act, scan, PREFILTER};
use crate::detect::hay::Hay;
use crate::detect::Candidate;

/// The automaton the recognizer used before the finder.
static AUTOMATON: LazyLock<Matcher> = LazyLock::new(|| {
    let pf = PREFILTER.as_ref().expect("prefilter builds");
    Matcher::new(&pf.patterns, MatchKind::Standard, Case::AsciiInsensitive)
        .expect("automaton builds")
});

/// Every overlapping match of every pattern, in the automaton's order.
fn automaton_hits(text: &str) -> Vec<Hit> {
    AUTOMATON
        .find_overlapping_iter(text.as_bytes())
        .map(|m| {
            let p = u16::try_from(m.pattern().as_usize()).expect("few patterns");
            (m.end(), m.start(), p)
        })
        .collect()
}

/// What the recognizer reported with one automaton over every pattern.
pub(super) fn reference_scan(text: &str) -> Vec<Candidate> {
    let pf = PREFILTER.as_ref().expect("prefilter builds");
    let hay = Hay::new(text);
    let mut out = Vec::new();
    act(pf, &hay, automaton_hits(text), &mut out);
    out
}

/// Asserts that the finder reports what the automaton does on `text`, and that its hits are
/// automaton hits in the automaton's order.
pub(super) fn assert_same(text: &str) {
    let pf = PREFILTER.as_ref().expect("prefilter builds");
    let hay = Hay::new(text);
    let mut out = Vec::new();
    scan(&hay, &mut out);
    assert_eq!(out, reference_scan(text), "findings differ on {text:?}");
    let hits: Vec<Hit> = triggers::hits(&hay, Owner::Secret)
        .expect("the trigger finder builds")
        .collect();
    let all = automaton_hits(text);
    let mut rest = all.iter();
    for h in &hits {
        assert!(
            rest.any(|a| a == h),
            "hit {h:?} is not an automaton hit (or out of order) on {text:?}"
        );
    }
    // And every automaton hit that a check could accept is found.
    let bytes = text.as_bytes();
    for a in &all {
        let (_, s, p) = *a;
        let pat = pf.patterns[usize::from(p)];
        let c = bytes[s];
        let segment_start = s == 0 || {
            let b = bytes[s - 1];
            !b.is_ascii_alphanumeric()
                || (b.is_ascii_lowercase() || b.is_ascii_digit()) && c.is_ascii_uppercase()
        };
        let anywhere = !pat.as_bytes()[0].is_ascii_alphanumeric() || MID_TOKEN.contains(&pat);
        if anywhere || segment_start {
            assert!(
                hits.binary_search(a).is_ok(),
                "missed {pat:?} at {s} in {text:?}"
            );
        }
    }
}

/// A fixed-seed generator (synthetic text only).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.next() % v.len()]
    }
}

const SEPARATORS: &[&str] = &[
    " ", " ", " ", "=", ": ", ":", "_", "-", ".", "\"", "'", "\n", "/", "://", "@", "~", "&", "?",
    "é", "п", "—", "0", "7", "--", " is ", " = '", "\\\"", "<", ">", "$", "*", "Q~", "-us", "9",
];

const WORDS: &[&str] = &[
    "the",
    "hello",
    "my",
    "db",
    "user",
    "x",
    "I",
    "a",
    "Password",
    "PASS",
    "day",
    "boarding",
    "api",
    "Key",
    "secret",
    "token",
    "Bearer",
    "basic",
    "sk",
    "eyJ",
    "ssh",
    "postgres",
    "AKIA",
    "dXNlcjpwYXNz",
    "hunter2",
    "ZmFrZTpmYWtl",
    "github",
    "pat",
    "us1",
    "мой",
    "пароль",
    "nochmal",
];

/// A pseudo-random token body over letters, digits and token punctuation.
fn body(r: &mut Lcg) -> String {
    const SET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.=+/";
    let n = 4 + r.next() % 140;
    let alnum_only = r.next() % 2 == 0;
    (0..n)
        .map(|_| {
            let m = if alnum_only { 62 } else { SET.len() };
            char::from(SET[r.next() % m])
        })
        .collect()
}

/// A pattern in a random ASCII case mix.
fn pattern(r: &mut Lcg) -> String {
    let pf = PREFILTER.as_ref().expect("prefilter builds");
    let p = pf.patterns[r.next() % pf.patterns.len()];
    match r.next() % 4 {
        0 => p.to_ascii_uppercase(),
        1 => p
            .chars()
            .map(|c| {
                if r.next() % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
        _ => p.to_string(),
    }
}

#[test]
fn finder_matches_the_automaton_on_random_text() {
    let mut r = Lcg(0x5eed_0f5e_c2e7);
    for _ in 0..6000 {
        let mut text = String::new();
        for _ in 0..(1 + r.next() % 24) {
            match r.next() % 6 {
                0 | 1 => text.push_str(&pattern(&mut r)),
                2 => text.push_str(&body(&mut r)),
                3 => text.push_str(r.pick(WORDS)),
                _ => text.push_str(r.pick(SEPARATORS)),
            }
        }
        assert_same(&text);
    }
}

#[test]
fn finder_matches_the_automaton_on_the_haystacks() {
    for hay in [
        include_str!("../../../../../../tests/haystacks/benign_chat.txt"),
        include_str!("../../../../../../tests/haystacks/pii_dense.txt"),
        include_str!("../../../../../../tests/haystacks/sample_chat.txt"),
    ] {
        assert_same(hay);
        for line in hay.lines() {
            assert_same(line);
        }
    }
}

#[test]
fn finder_matches_the_automaton_at_block_edges() {
    // Every pattern at every offset around the 8- and 64-byte block edges, glued and not.
    let pf = PREFILTER.as_ref().expect("prefilter builds");
    for p in &pf.patterns {
        for pad in 55..74 {
            for (before, after) in [
                (" ", "=abc123XYZ"),
                ("a", " "),
                ("9", "Zz0:"),
                ("-", ""),
                ("db", "=Zx9_Kq2Lm8Np4Rt6Vw0"),
                ("", " is Hx8!pq2rr"),
            ] {
                let text = format!("{}{before}{p}{after}", "x".repeat(pad));
                assert_same(&text);
                assert_same(&text[pad.min(text.len())..]);
            }
        }
    }
}

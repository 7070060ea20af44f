//! Property tests over random texts built from realistic fragments: spans are sound, redacted
//! output scans clean, and streaming equals one-shot redaction at every split.

use chatguard::{Context, Guard, Policy};
use proptest::prelude::*;

/// Fragments that exercise every recognizer family plus the normalizer's tricks. All synthetic:
/// published test card numbers, registry example IBANs, example.com addresses.
const FRAGMENTS: &[&str] = &[
    "hello",
    "the order",
    "card",
    "my iban is",
    "call",
    "email",
    "password",
    "name",
    "street",
    " ",
    "  ",
    "\n",
    ", ",
    ". ",
    "jane.doe@example.com",
    "bob (at) example (dot) org",
    "4012 8888 8888 1881",
    "4012888888881881",
    "5555-5555-5555-4444",
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
    "+44 20 7946 0958",
    "192.0.2.44",
    "2001:db8::1",
    "12/27",
    "2024-05-01",
    "v1.2.3",
    "€12.50",
    "#A-1029384756",
    "１２３４",
    "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ",
    "40\u{200B}12",
    "\u{202E}",
    // Invisible smuggling carriers, which the default policy strips: tag characters, a
    // subdivision flag, variation-selector data, a zero-width split word.
    "\u{E0069}\u{E0067}\u{E006E}",
    "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "\u{E0159}\u{FE00}",
    "ig\u{200B}nore",
    "😀",
    "👨\u{200D}👩\u{200D}👧",
    "Grüße",
    "مي\u{200C}خواهم",
    "日本語",
    "ok",
    "12",
    "3456",
    "-",
    "/",
    "[EMAIL_1]",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24).prop_map(|parts| parts.concat())
}

/// `text` through a stream redactor, pushed in pieces cut at `cuts` (any byte, mid-character
/// too): the concatenated output.
fn streamed_split_at(guard: &Guard, text: &str, cuts: &[prop::sample::Index]) -> String {
    let mut points: Vec<usize> = cuts.iter().map(|i| i.index(text.len() + 1)).collect();
    points.sort_unstable();
    let bytes = text.as_bytes();
    let mut stream = guard.stream(Context::default());
    let mut out = String::new();
    let mut at = 0;
    for p in points {
        stream.push_bytes(&bytes[at..p], &mut out);
        at = p;
    }
    stream.push_bytes(&bytes[at..], &mut out);
    stream.finish(&mut out);
    out
}

fn guard() -> Guard {
    Guard::new(Policy::default()).expect("default policy builds")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn spans_are_sorted_disjoint_char_boundaries(text in text_strategy()) {
        let guard = guard();
        let findings = guard.scan(&text);
        let mut last = 0;
        for f in &findings {
            prop_assert!(f.span.start >= last && f.span.start < f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            last = f.span.end;
        }
    }

    #[test]
    fn redacted_output_scans_clean(text in text_strategy()) {
        let guard = guard();
        let out = guard.check(&text, &Context::default());
        let again = guard.scan(&out.text);
        prop_assert!(again.is_empty(), "rescan of {:?} found {:?}", out.text, again);
    }

    #[test]
    fn streaming_equals_one_shot_at_random_splits(
        text in text_strategy(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let guard = guard();
        let expected = guard.check(&text, &Context::default()).text;
        prop_assert_eq!(streamed_split_at(&guard, &text, &cuts), expected);
    }
}

#[test]
fn streaming_byte_by_byte_equals_one_shot_on_the_sample_chat() {
    let guard = guard();
    let text = include_str!("../../../tests/haystacks/sample_chat.txt");
    let expected = guard.check(text, &Context::default()).text;
    let mut stream = guard.stream(Context::default());
    let mut out = String::new();
    for b in text.as_bytes() {
        stream.push_bytes(core::slice::from_ref(b), &mut out);
    }
    stream.finish(&mut out);
    assert_eq!(out, expected);
}

/// Labels the stream redactor lets pass (`said:`, `**Note:**`) next to labels that assign a value
/// (`password:`, `Name:`), name triggers that stop holding once no name can follow (`I'm sorry`,
/// `Thanks for`) or still open one (`Thanks,` `Jane Doe`), plain-word values and prose. Synthetic
/// values only.
const LABEL_FRAGMENTS: &[&str] = &[
    "You said:",
    "**Note:**",
    "_Summary_:",
    "Answer::",
    "password:",
    "Token:",
    "**api key:**",
    "Name:",
    "Firstname:",
    "my name is",
    "Regards,",
    "Thanks",
    "Thanks for",
    "thank you so much,",
    "I'm",
    "I'm sorry",
    "this is",
    "this should",
    "Dr.",
    "Jane Doe",
    "\n\n",
    "hunter2x",
    "correcthorsebattery",
    "qwertyuiopasdfghjklzxcvbnm",
    "jane.doe@example.com",
    "4012 8888 8888 1881",
    "please reset the settings",
    "and then",
    " ",
    "\n",
    ", ",
    ". ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]

    #[test]
    fn streaming_labels_equals_one_shot_at_random_splits(
        parts in prop::collection::vec(prop::sample::select(LABEL_FRAGMENTS), 0..24),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let text = parts.join(" ");
        let guard = guard();
        let expected = guard.check(&text, &Context::default()).text;
        prop_assert_eq!(streamed_split_at(&guard, &text, &cuts), expected);
    }
}

/// Found by `redacted_output_scans_clean` (synthetic text): replacing the glued email shortens
/// the text, which brings the word "email" within reach of the obfuscated address before it.
#[test]
fn redaction_that_brings_a_context_word_closer_still_rescans_clean() {
    let guard = guard();
    let text = "the orderthe orderbob (at) example (dot) org4012 8888 8888 1881cardjane.doe@example.com email";
    let out = guard.check(text, &Context::default());
    let again = guard.scan(&out.text);
    assert!(again.is_empty(), "rescan of {:?} found {again:?}", out.text);
}

/// Found by `redacted_output_scans_clean` (synthetic values): a card number whose first group
/// follows an IBAN's last group across one space hid in the IBAN's digit run until the IBAN was
/// replaced; the replacement sits between spaces, yet still forces the rescan.
#[test]
fn a_card_right_after_an_iban_is_found_and_redacted() {
    let guard = guard();
    let text = "DE89 3704 0044 0532 0130 00 4012 8888 8888 1881 hellohello";
    let out = guard.check(text, &Context::default());
    assert!(!out.text.contains("4012"), "{:?}", out.text);
    let again = guard.scan(&out.text);
    assert!(again.is_empty(), "rescan of {:?} found {again:?}", out.text);
}

/// Found by `redacted_output_scans_clean` (synthetic values): the same, with a bidi control
/// between the space and the card's first group; invisible characters do not hide the group.
#[test]
fn a_card_after_an_iban_behind_an_invisible_character_is_redacted() {
    let guard = guard();
    for text in [
        "DE89 3704 0044 0532 0130 00 \u{202e}4012 8888 8888 1881 ",
        "DE89 3704 0044 0532 0130 00 \u{200b}\u{2066}4012 8888 8888 1881 ",
    ] {
        let out = guard.check(text, &Context::default());
        assert!(!out.text.contains("4012"), "{:?}", out.text);
        let again = guard.scan(&out.text);
        assert!(again.is_empty(), "rescan of {:?} found {again:?}", out.text);
    }
}

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

/// Streams `text` in `chunk`-byte pieces and returns, after each piece, how many bytes of the
/// text so far were held back (arrived but not emitted), with the final output.
fn held_after_each_chunk(guard: &Guard, text: &str, chunk: usize) -> (Vec<usize>, String) {
    let mut s = guard.stream(Context::default());
    let mut out = String::new();
    let mut held = Vec::new();
    for piece in text.as_bytes().chunks(chunk) {
        s.push_bytes(piece, &mut out);
        held.push(s.held());
    }
    s.finish(&mut out);
    (held, out)
}

const PROSE: &str = "Sure, here is how you reset the password in the settings page of the app. \
    Open the menu, choose the account tab and follow the steps shown there. ";

#[test]
fn typical_prose_is_held_back_by_a_few_words_only() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let text = format!("**Note:** {PROSE}## Steps\n* {PROSE}_Summary_: {PROSE}");
    let (held, out) = held_after_each_chunk(&guard, &text, 16);
    assert_eq!(out, one_shot(&guard, &text));
    let max = held.iter().copied().max().unwrap_or(0);
    assert!(max <= 48, "held up to {max} bytes: {held:?}");
}

#[test]
fn a_you_said_answer_flows_from_its_first_words() {
    let guard = Guard::new(Policy::default()).expect("builds");
    for text in [
        "You said: please tell me how streaming works in the product, I would like to know more.",
        "Answer: the settings page lists every option that you can change for your account.",
    ] {
        let (held, out) = held_after_each_chunk(&guard, text, 16);
        assert_eq!(out, one_shot(&guard, text));
        let max = held.iter().copied().max().unwrap_or(0);
        assert!(max <= 48, "{text:?} held up to {max} bytes: {held:?}");
        // The label and the words after it are out before the answer ends.
        let (held, _) = held_after_each_chunk(&guard, text, 1);
        let first = held.iter().enumerate().position(|(i, &h)| i + 1 > h);
        assert!(
            first.is_some_and(|i| i < 40),
            "{text:?}: first byte out at {first:?}"
        );
    }
}

#[test]
fn labels_that_may_assign_a_secret_still_hold() {
    let guard = Guard::new(Policy::default()).expect("builds");
    // Synthetic credentials.
    for text in [
        "password: correcthorse and more words after it to fill the line ",
        "**Token:** qwertyuiopasdfghjklzxcvbnm and more words after it ",
        "Name: Jane Doe and some more words that follow the name here ",
    ] {
        let (held, out) = held_after_each_chunk(&guard, text, 1);
        assert_eq!(out, one_shot(&guard, text), "{text:?}");
        assert!(
            held.iter().any(|&h| h > 48),
            "{text:?} was not held: {held:?}"
        );
    }
}

#[test]
fn personal_data_is_held_only_until_its_window_closes() {
    let guard = Guard::new(Policy::default()).expect("builds");
    // Synthetic personal data.
    let text = format!(
        "You said: {PROSE}Write to jane.doe@example.com or call +44 20 7946 0958. {PROSE}{PROSE}{PROSE}"
    );
    let (held, out) = held_after_each_chunk(&guard, &text, 16);
    let expected = one_shot(&guard, &text);
    assert_eq!(out, expected);
    assert!(!expected.contains("jane.doe"));
    let pii_at = text.find("jane").unwrap_or(0);
    // Before the personal data, only the last few words wait.
    let before = &held[..pii_at / 16];
    assert!(before.iter().all(|&h| h <= 48), "{before:?}");
    // Around it, the value and its window are held back ...
    assert!(held.iter().any(|&h| h > 48), "{held:?}");
    // ... and once the window is past, the lag is small again.
    let last = held.last().copied().unwrap_or(usize::MAX);
    assert!(last <= 48, "still holding {last} bytes: {held:?}");
}

#[test]
fn name_triggers_stop_holding_when_no_name_can_follow() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let text = format!(
        "I'm sorry about the trouble, let me look into it for you. Thanks for your patience, \
         this should be quick. {PROSE}{PROSE}"
    );
    let (held, out) = held_after_each_chunk(&guard, &text, 16);
    assert_eq!(out, one_shot(&guard, &text));
    let max = held.iter().copied().max().unwrap_or(0);
    assert!(max <= 64, "held up to {max} bytes: {held:?}");
    // A name after the same trigger is still held until it is complete (synthetic name).
    let text = "Thanks again so much,\n\nDr. Jane Doe\nsent from the office ";
    let (held, out) = held_after_each_chunk(&guard, text, 1);
    assert_eq!(out, one_shot(&guard, text));
    assert!(!out.contains("Jane"), "{out}");
    assert!(held.iter().any(|&h| h > 40), "{held:?}");
}

#[test]
fn accented_prose_is_held_back_by_a_few_words_only() {
    let guard = Guard::new(Policy::default()).expect("builds");
    let text = "Claro, aquí está la información que pediste sobre la configuración de tu cuenta. \
        Après la mise à jour, l'écran des paramètres s'ouvre plus vite. Grüße gehen später raus. ";
    let (held, out) = held_after_each_chunk(&guard, text, 16);
    assert_eq!(out, one_shot(&guard, text));
    // `Grüße` opens a signature; every other word is plain.
    let before = text.find("Grüße").unwrap_or(0) / 16;
    let max = held[..before].iter().copied().max().unwrap_or(0);
    assert!(max <= 64, "held up to {max} bytes: {held:?}");
}

//! The smuggling sets in `tests/injection/`: every family is detected on its attacks, and the
//! benign multilingual and emoji set raises no signal at all.

#![cfg(feature = "inject")]

use chatguard::inject::smuggle::{scan, Family};

const BENIGN: &str = include_str!("../../../tests/injection/smuggling_benign.txt");
const ATTACKS: &str = include_str!("../../../tests/injection/smuggling_attacks.jsonl");

#[derive(serde::Deserialize)]
struct Attack {
    family: String,
    text: String,
}

#[test]
fn every_family_is_detected_on_its_attacks() {
    let mut missed = Vec::new();
    let mut per_family = std::collections::BTreeMap::<&'static str, (usize, usize)>::new();
    for line in ATTACKS.lines().filter(|l| !l.trim().is_empty()) {
        let attack: Attack = serde_json::from_str(line).expect("attack line is JSON");
        let family = Family::from_id(&attack.family).expect("known family id");
        let report = scan(&attack.text);
        let entry = per_family.entry(family.id()).or_default();
        entry.1 += 1;
        if report.has(family) {
            entry.0 += 1;
        } else {
            let signals = report.into_signals();
            missed.push((attack.family, attack.text, signals));
        }
    }
    for (id, (hit, total)) in &per_family {
        println!("{id:30} {hit}/{total}");
    }
    assert_eq!(
        per_family.len(),
        Family::ALL.len(),
        "every family has attacks"
    );
    assert!(missed.is_empty(), "missed attacks: {missed:#?}");
}

#[test]
fn benign_multilingual_and_emoji_text_raises_nothing() {
    let lines: Vec<&str> = BENIGN
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert!(
        lines.len() >= 300,
        "the benign set has several hundred lines"
    );
    let false_positives: Vec<_> = lines
        .iter()
        .filter_map(|line| {
            let report = scan(line);
            (!report.is_empty()).then(|| (*line, report.into_signals()))
        })
        .collect();
    assert!(
        false_positives.is_empty(),
        "false positives: {false_positives:#?}"
    );
}

/// The project's other benign and PII corpora (chat in several languages, identifiers, keys,
/// URLs, hashes) raise no smuggling signal either.
#[test]
fn the_other_corpora_raise_nothing() {
    const CHAT: &str = include_str!("../../../tests/haystacks/benign_chat.txt");
    const DENSE: &str = include_str!("../../../tests/haystacks/pii_dense.txt");
    const NEGATIVES: &str = include_str!("../../../tests/eval/negatives.jsonl");
    const PII: &str = include_str!("../../../tests/eval/pii.jsonl");
    #[derive(serde::Deserialize)]
    struct Case {
        text: String,
    }
    let mut texts: Vec<String> = CHAT
        .lines()
        .chain(DENSE.lines())
        .map(str::to_owned)
        .collect();
    for line in NEGATIVES
        .lines()
        .chain(PII.lines())
        .filter(|l| !l.trim().is_empty())
    {
        let case: Case = serde_json::from_str(line).expect("eval line is JSON");
        texts.push(case.text);
    }
    assert!(texts.len() > 20_000);
    let false_positives: Vec<_> = texts
        .iter()
        .filter_map(|t| {
            let report = scan(t);
            (!report.is_empty()).then(|| (t.clone(), report.into_signals()))
        })
        .collect();
    assert!(
        false_positives.is_empty(),
        "{} false positives: {:#?}",
        false_positives.len(),
        &false_positives[..false_positives.len().min(10)]
    );
}

//! Redacted output scans clean when a value lands next to another: every labelled text of the
//! evaluation corpus (`tests/eval/pii.jsonl`, synthetic) gets one of a set of synthetic values
//! put in around each of its entities, and what `Guard::check` passes on must hold nothing the
//! policy would still redact. A placeholder is shorter than its value and holds no digit, so
//! redaction can bring a context word within reach of a value passed over, or take away the
//! number, the code or the capitalised word that made a recognizer pass over it; `settle`'s
//! rescan has to catch every such case (each value below found at least one that it missed).

use chatguard::{Action, Context, Guard, Policy};

/// Values put in, each redacted to a shorter placeholder (synthetic: example.com addresses, a
/// registry example IBAN, a published test card number, a made-up token, made-up names).
const VALUES: &[&str] = &[
    "a.very.long.mailbox.name.for.testing@mail.example.com",
    "jane.doe@example.com, john.roe.the.second@example.org",
    "DE89 3704 0044 0532 0130 00",
    "4012 8888 8888 1881",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "my name is Jane Doe",
    "12 rue de la Paix, 75002 Paris",
    "192.0.2.44",
    "Dr. Maria Garcia",
];

/// Words put in before the value, so that a context word stands further from the value after it.
const FILLERS: &[&str] = &["", "as said before in my previous message, "];

/// Where to put a value: at each entity's start and end, and at up to three word starts before it.
fn insertion_points(text: &str, entities: &[serde_json::Value]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut points = Vec::new();
    for e in entities {
        let (Some(start), Some(end)) = (e["start"].as_u64(), e["end"].as_u64()) else {
            continue;
        };
        let (start, end) = (start as usize, end as usize);
        points.extend([start, end]);
        let before = bytes[..start].iter().enumerate().rev();
        points.extend(
            before
                .filter(|&(_, &b)| b == b' ')
                .map(|(i, _)| i + 1)
                .take(3),
        );
    }
    points.retain(|&p| text.is_char_boundary(p));
    points.sort_unstable();
    points.dedup();
    points
}

#[test]
fn values_put_in_next_to_others_leave_nothing_to_redact() {
    let guard = Guard::new(Policy::default()).expect("default policy builds");
    let cx = Context::default();
    let corpus = include_str!("../../../tests/eval/pii.jsonl");
    let mut checked = 0;
    let mut leaks = Vec::new();
    for (n, line) in corpus.lines().enumerate() {
        let case: serde_json::Value = serde_json::from_str(line).expect("corpus line parses");
        let text = case["text"].as_str().expect("text");
        let entities = case["entities"].as_array().cloned().unwrap_or_default();
        // Each text gets two of the values and one filler, in turn, at every point: the whole
        // corpus sees every value many times over, in bounded time.
        let filler = FILLERS[n / VALUES.len() % FILLERS.len()];
        let points = insertion_points(text, &entities);
        for value in [VALUES[n % VALUES.len()], VALUES[(n + 3) % VALUES.len()]] {
            for &at in &points {
                let input = format!("{} {filler}{value} {}", &text[..at], &text[at..]);
                let out = guard.check(&input, &cx);
                let left: Vec<_> = guard
                    .decide(&guard.scan(&out.text), &cx)
                    .into_iter()
                    .filter(|d| d.action != Action::Allow)
                    .map(|d| d.finding.kind)
                    .collect();
                checked += 1;
                if !left.is_empty() && leaks.len() < 10 {
                    leaks.push(format!(
                        "{input:?}\n  -> {:?} still holds {left:?}",
                        out.text
                    ));
                }
            }
        }
    }
    assert!(checked > 20_000, "only {checked} texts checked");
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

//! Property tests, run in-process through `chatguard_cli::run`: whatever bytes come in, no line is
//! ever dropped, every JSON output line parses, and nothing panics.
//!
//! Inputs are built from synthetic fragments (a published test card number, example.com
//! addresses) mixed with arbitrary bytes.

use std::ffi::OsString;

use proptest::prelude::*;

/// Runs the CLI in-process; returns (exit code, stdout, stderr).
fn run(args: &[&str], stdin: &[u8]) -> (u8, Vec<u8>, Vec<u8>) {
    let mut input: &[u8] = stdin;
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = chatguard_cli::run(
        args.iter().map(OsString::from).collect(),
        chatguard_cli::Io {
            stdin: &mut input,
            stdout: &mut out,
            stderr: &mut err,
            progress: false,
        },
    );
    (code, out, err)
}

/// Lines in the sense of the CLI: `\n`-terminated, plus a last unterminated one if non-empty.
fn line_count(bytes: &[u8]) -> usize {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    newlines + usize::from(!bytes.is_empty() && bytes.last() != Some(&b'\n'))
}

fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"{\"id\":1,\"text\":\"card 4012 8888 8888 1881\"}".to_vec()),
        Just(b"{\"text\":\"mail jane@example.com\"}".to_vec()),
        Just(
            b"{\"id\":[1,{\"a\":null}],\"text\":\"\\u00e9 \\ud83d\\ude00 a@example.com\"}".to_vec()
        ),
        Just(b"jane@example.com".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\xff\xc3".to_vec()),
        Just("Grüße 😀".as_bytes().to_vec()),
        proptest::collection::vec(any::<u8>(), 0..12),
    ]
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(fragment(), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn jsonl_answers_every_line(bytes in input()) {
        for mode in ["scan", "redact"] {
            let (code, out, _) = run(&[mode, "--jsonl"], &bytes);
            prop_assert!(code == 0 || code == 2);
            let out = String::from_utf8(out).expect("output is UTF-8");
            prop_assert_eq!(out.lines().count(), line_count(&bytes));
            for line in out.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("output line is JSON");
                prop_assert!(v.get("findings").is_some() || v.get("error").is_some());
            }
        }
    }

    #[test]
    fn plain_redact_keeps_every_line(bytes in input()) {
        let (code, out, _) = run(&["redact"], &bytes);
        prop_assert!(code == 0 || code == 2);
        prop_assert_eq!(line_count(&out), line_count(&bytes));
        let (code, _, _) = run(&["scan"], &bytes);
        prop_assert!(code == 0 || code == 2);
    }
}

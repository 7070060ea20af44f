//! Building the guard from the command line: reading the policy and the hash key, with a message
//! naming the file, the field and the reason for every mistake.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use chatguard::policy::Rule;
use chatguard::{Action, Guard, Operator, Policy};

use crate::ui::Ui;

/// The largest policy file read.
const MAX_POLICY_BYTES: u64 = 16 * 1024 * 1024;
/// The largest hash key file read.
const MAX_KEY_BYTES: u64 = 64 * 1024;
/// The shortest hash key accepted.
const MIN_KEY_BYTES: usize = 16;

/// Reads at most `cap` bytes of a file; a larger file is an error.
pub(crate) fn read_capped_file(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(io::Error::other(format!("larger than {cap} bytes")));
    }
    Ok(bytes)
}

/// Reads and validates the policy in `path`, reporting any problem on `ui`.
pub(crate) fn load_policy(path: &Path, ui: &mut Ui<'_>) -> Option<Policy> {
    let name = path.display();
    let bytes = match read_capped_file(path, MAX_POLICY_BYTES) {
        Ok(b) => b,
        Err(e) => {
            ui.say(format_args!("{name}: cannot read policy: {e}"));
            return None;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        ui.say(format_args!("{name}: invalid policy: not valid UTF-8"));
        return None;
    };
    match Policy::from_json(&text) {
        Ok(policy) => Some(policy),
        Err(e) => {
            ui.say(format_args!("{name}: {e}"));
            None
        }
    }
}

/// Reads the hash key: the file's bytes with one trailing newline (`\n` or `\r\n`) removed.
fn load_key(path: &Path, ui: &mut Ui<'_>) -> Option<Vec<u8>> {
    let name = path.display();
    let mut key = match read_capped_file(path, MAX_KEY_BYTES) {
        Ok(k) => k,
        Err(e) => {
            ui.say(format_args!("{name}: cannot read hash key: {e}"));
            return None;
        }
    };
    if key.last() == Some(&b'\n') {
        key.pop();
        if key.last() == Some(&b'\r') {
            key.pop();
        }
    }
    if key.len() < MIN_KEY_BYTES {
        ui.say(format_args!(
            "{name}: hash key too short: {} bytes, need at least {MIN_KEY_BYTES}",
            key.len()
        ));
        return None;
    }
    Some(key)
}

/// Builds the guard from `--policy` and `--hash-key-file`; `None` after reporting the problem.
pub(crate) fn guard(
    policy: Option<&Path>,
    hash_key: Option<&Path>,
    ui: &mut Ui<'_>,
) -> Option<Guard> {
    let policy_path = policy;
    let policy = match policy_path {
        Some(path) => load_policy(path, ui)?,
        None => Policy::default(),
    };
    let key = match hash_key {
        Some(path) => Some(load_key(path, ui)?),
        None => None,
    };
    if key.is_none() && uses_hash(&policy) {
        ui.say(format_args!(
            "note: the policy uses the `hash` operator but no --hash-key-file was given: \
             digests use a public all-zero key and can be reversed by guessing values"
        ));
    }
    let mut builder = Guard::builder();
    builder.policy(policy);
    if let Some(key) = &key {
        builder.hash_key(key);
    }
    match builder.build() {
        Ok(guard) => Some(guard),
        Err(e) => {
            match policy_path {
                Some(path) => ui.say(format_args!("{}: {e}", path.display())),
                None => ui.say(format_args!("{e}")),
            }
            None
        }
    }
}

/// True when some rule of the policy rewrites with the `hash` operator.
pub(crate) fn uses_hash(policy: &Policy) -> bool {
    let is_hash = |r: &Rule| {
        matches!(
            r.action,
            Action::Redact(Operator::Hash) | Action::Ask(Operator::Hash)
        )
    };
    is_hash(&policy.default)
        || policy.categories.values().any(is_hash)
        || policy.kinds.values().any(is_hash)
        || policy
            .custom
            .iter()
            .filter_map(|c| c.rule.as_ref())
            .any(is_hash)
}

//! Hash-chained audit lines (`AUDIT_CHAIN=on`): each line carries `chain` = the isolate's chain
//! id, the line's sequence number in that chain and `prev`, the keyed hash (HMAC-SHA-256 under
//! `AUDIT_KEY`, 160 bits in base32) of the previous line of the same chain exactly as it was
//! written. Editing or deleting a line, or reordering lines, breaks the chain at the next line
//! of that isolate; without the key nobody can forge a consistent chain. [`verify`] checks a log
//! (the CLI's `chatguard audit verify`). Not detectable: losing the newest lines of a chain
//! (there is no next line), and a log that starts in the middle of a chain is checked from there.

use std::collections::BTreeMap;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::audit::{base32, AuditEvent};

/// The `chain` field of an audit line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The chain (isolate) id.
    pub id: String,
    /// The line's number in the chain, from 0.
    pub seq: u64,
    /// The keyed hash of the chain's previous line; `None` for the first.
    pub prev: Option<String>,
}

/// One isolate's chain.
#[derive(Clone, Debug)]
pub struct Chain {
    id: String,
    seq: u64,
    last: Option<String>,
}

impl Chain {
    /// A new chain named `id` (random per isolate).
    pub fn new(id: String) -> Chain {
        Chain {
            id,
            seq: 0,
            last: None,
        }
    }

    /// Links `event` into the chain and returns its line.
    pub fn seal(&mut self, key: &str, event: &mut AuditEvent) -> String {
        event.chain = Some(Link {
            id: self.id.clone(),
            seq: self.seq,
            prev: self.last.take(),
        });
        let line = event.line();
        self.last = Some(line_hash(key, &line));
        self.seq += 1;
        line
    }
}

/// The keyed hash of one line as written.
pub fn line_hash(key: &str, line: &str) -> String {
    // HMAC takes keys of any length: the error arm is unreachable in practice.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(line.as_bytes());
    let digest = mac.finalize().into_bytes();
    base32(digest.get(..20).unwrap_or(&digest))
}

/// A verified log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Chained lines checked.
    pub lines: usize,
    /// Distinct chains (isolates) seen.
    pub chains: usize,
}

/// Where and why a chain is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The 1-based line number in the log.
    pub line: usize,
    /// What is wrong.
    pub reason: &'static str,
}

/// Checks every non-blank line of `log` under `key`.
pub fn verify(log: &str, key: &str) -> Result<Verified, Broken> {
    // Per chain: the expected next sequence number and the hash of its last line.
    let mut chains: BTreeMap<String, (u64, String)> = BTreeMap::new();
    let mut lines = 0;
    for (index, raw) in log.lines().enumerate() {
        let number = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let broken = |reason| Broken {
            line: number,
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|_| broken("not a JSON audit line"))?;
        let chain = value
            .get("chain")
            .ok_or_else(|| broken("the line is not chained"))?;
        let id = chain
            .get("id")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| broken("chain.id is missing"))?;
        let seq = chain
            .get("seq")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| broken("chain.seq is missing"))?;
        let prev = match chain.get("prev") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(p)) => Some(p.as_str()),
            Some(_) => return Err(broken("chain.prev is not a string")),
        };
        match chains.get(id) {
            Some((expected, last)) => {
                if seq != *expected {
                    return Err(broken("a line of this chain is missing or out of order"));
                }
                if prev != Some(last.as_str()) {
                    return Err(broken(
                        "the previous line was changed (prev does not match)",
                    ));
                }
            }
            None if seq == 0 && prev.is_some() => {
                return Err(broken("the first line of a chain has a prev"));
            }
            None if seq > 0 && prev.is_none() => {
                return Err(broken("a line after the first has no prev"));
            }
            None => {}
        }
        chains.insert(id.to_owned(), (seq + 1, line_hash(key, line)));
        lines += 1;
    }
    Ok(Verified {
        lines,
        chains: chains.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "audit-test-key";

    fn log(chains: &[&str], per_chain: usize) -> Vec<String> {
        let mut sealers: Vec<Chain> = chains.iter().map(|id| Chain::new((*id).into())).collect();
        let mut out = Vec::new();
        for i in 0..per_chain {
            for chain in &mut sealers {
                let mut e = AuditEvent::new(i as u64, format!("r{i}"), "/v1/messages");
                out.push(chain.seal(KEY, &mut e));
            }
        }
        out
    }

    #[test]
    fn an_intact_log_verifies_with_interleaved_isolates() {
        let lines = log(&["aaaa", "bbbb"], 3);
        let text = lines.join("\n") + "\n\n";
        assert_eq!(
            verify(&text, KEY),
            Ok(Verified {
                lines: 6,
                chains: 2
            })
        );
        // Starting in the middle of a chain is allowed (older lines rotated away).
        assert!(verify(&lines[2..].join("\n"), KEY).is_ok());
    }

    #[test]
    fn edits_deletions_reorders_and_wrong_keys_are_found() {
        let lines = log(&["aaaa"], 4);
        let edited: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 1 {
                    l.replace("\"r1\"", "\"rX\"")
                } else {
                    l.clone()
                }
            })
            .collect();
        assert_eq!(verify(&edited.join("\n"), KEY).map_err(|b| b.line), Err(3));
        let mut deleted = lines.clone();
        deleted.remove(2);
        assert_eq!(verify(&deleted.join("\n"), KEY).map_err(|b| b.line), Err(3));
        let mut swapped = lines.clone();
        swapped.swap(1, 2);
        assert_eq!(verify(&swapped.join("\n"), KEY).map_err(|b| b.line), Err(2));
        assert_eq!(
            verify(&lines.join("\n"), "other").map_err(|b| b.line),
            Err(2)
        );
        let with_garbage = format!("{}\nhello\n", lines[0]);
        assert_eq!(verify(&with_garbage, KEY).map_err(|b| b.line), Err(2));
        let unchained = AuditEvent::new(1, "r".into(), "/").line();
        assert_eq!(verify(&unchained, KEY).map_err(|b| b.line), Err(1));
    }
}

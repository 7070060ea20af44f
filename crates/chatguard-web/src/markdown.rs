//! The safe markdown subset for answers from the model: paragraphs with line breaks, headings,
//! lists, quotes, fenced code, `**strong**`, `*emphasis*`, `` `code` ``, `[links](…)`, `<…>` and
//! bare http(s) autolinks.
//!
//! Parsing yields plain data ([`Block`], [`Inline`]) that [`crate::dom`] turns into nodes with
//! `textContent`: raw HTML in the answer stays text, and a link survives only when its target is
//! `http:`, `https:` or `mailto:` ([`safe_href`]); any other link keeps its label as text.
//!
//! Untrusted input: no recursion deeper than [`MAX_DEPTH`], and a closing marker is searched for
//! within [`WINDOW`] bytes of its opener, so the time is linear in the answer's length.

/// How deeply inline markers nest before the rest is taken as text.
pub const MAX_DEPTH: usize = 4;
/// How far (bytes) a closing marker is searched for after its opener.
pub const WINDOW: usize = 2048;

/// A block of an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines of text; line breaks inside are [`Inline::Break`].
    Paragraph(Vec<Inline>),
    /// A `#`-heading (shown as emphasised text, not as a document heading).
    Heading(Vec<Inline>),
    /// A fenced code block, verbatim.
    Code(String),
    /// A list; `ordered` for `1.`-style items.
    List {
        /// True for numbered lists.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
    /// A `>` quote.
    Quote(Vec<Inline>),
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `*emphasis*`.
    Emphasis(Vec<Inline>),
    /// `` `code` ``.
    Code(String),
    /// A link whose target passed [`safe_href`].
    Link {
        /// The checked target.
        href: String,
        /// The label.
        label: Vec<Inline>,
    },
    /// A line break.
    Break,
}

/// The link target if it is an `http:`, `https:` or `mailto:` URL without spaces or control
/// characters; `None` for anything else (`javascript:`, `data:`, relative, obfuscated).
pub fn safe_href(url: &str) -> Option<&str> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest_after = |prefix: &str| url.len() > prefix.len() && lower.starts_with(prefix);
    if rest_after("https://") || rest_after("http://") || rest_after("mailto:") {
        Some(url)
    } else {
        None
    }
}

/// Parses an answer into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut lines = text.lines();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inline_lines(paragraph)));
            paragraph.clear();
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            flush(&mut paragraph, &mut blocks);
            let mut code = String::new();
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                if !code.is_empty() {
                    code.push('\n');
                }
                code.push_str(inner);
            }
            blocks.push(Block::Code(code));
        } else if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(heading) = heading_text(trimmed) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Heading(inlines(heading)));
        } else if let Some(quote) = trimmed.strip_prefix('>') {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Quote(inlines(quote.trim_start())));
        } else if let Some((ordered, item)) = list_item(trimmed) {
            flush(&mut paragraph, &mut blocks);
            match blocks.last_mut() {
                Some(Block::List {
                    ordered: same,
                    items,
                }) if *same == ordered => items.push(inlines(item)),
                _ => blocks.push(Block::List {
                    ordered,
                    items: vec![inlines(item)],
                }),
            }
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        line[hashes..].strip_prefix(' ').map(str::trim)
    } else {
        None
    }
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(item) = line.strip_prefix(bullet) {
            return Some((false, item));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        return line[digits..]
            .strip_prefix(". ")
            .or_else(|| line[digits..].strip_prefix(") "))
            .map(|item| (true, item));
    }
    None
}

fn inline_lines(lines: &[&str]) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push(Inline::Break);
        }
        out.extend(inlines(line.trim_end()));
    }
    out
}

/// Parses inline markup in one line (or label).
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    parse_inline(text, 0, true, &mut out);
    out
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

/// The position of `marker` in `text` after `from`, looking at most [`WINDOW`] bytes ahead.
fn find_close(text: &str, from: usize, marker: &str) -> Option<usize> {
    let mut end = (from + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(from..end)?.find(marker).map(|i| from + i)
}

fn parse_inline(text: &str, depth: usize, links: bool, out: &mut Vec<Inline>) {
    if depth >= MAX_DEPTH {
        push_text(out, text);
        return;
    }
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        let rest = &text[at..];
        let consumed = match bytes[at] {
            b'\\' => rest
                .chars()
                .nth(1)
                .filter(char::is_ascii_punctuation)
                .map(|c| {
                    push_text(out, &text[plain_from..at]);
                    push_text(out, c.encode_utf8(&mut [0; 4]));
                    1 + c.len_utf8()
                }),
            b'`' => find_close(text, at + 1, "`").map(|close| {
                push_text(out, &text[plain_from..at]);
                out.push(Inline::Code(text[at + 1..close].to_owned()));
                close + 1 - at
            }),
            b'*' => {
                let (marker, wrap): (&str, fn(Vec<Inline>) -> Inline) = if rest.starts_with("**") {
                    ("**", Inline::Strong)
                } else {
                    ("*", Inline::Emphasis)
                };
                let inner_from = at + marker.len();
                find_close(text, inner_from, marker)
                    .filter(|&close| close > inner_from && !text[inner_from..].starts_with(' '))
                    .map(|close| {
                        push_text(out, &text[plain_from..at]);
                        let mut inner = Vec::new();
                        parse_inline(&text[inner_from..close], depth + 1, links, &mut inner);
                        out.push(wrap(inner));
                        close + marker.len() - at
                    })
            }
            b'[' if links => link(text, at, depth, out, plain_from),
            b'<' if links => find_close(text, at + 1, ">").and_then(|close| {
                let href = safe_href(&text[at + 1..close])?;
                push_text(out, &text[plain_from..at]);
                out.push(Inline::Link {
                    href: href.to_owned(),
                    label: vec![Inline::Text(href.to_owned())],
                });
                Some(close + 1 - at)
            }),
            b'h' if links
                && (rest.starts_with("https://") || rest.starts_with("http://"))
                && !text[..at].ends_with(|c: char| c.is_alphanumeric()) =>
            {
                let len = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
                    .unwrap_or(rest.len());
                let url = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
                safe_href(url).map(|href| {
                    push_text(out, &text[plain_from..at]);
                    out.push(Inline::Link {
                        href: href.to_owned(),
                        label: vec![Inline::Text(href.to_owned())],
                    });
                    url.len()
                })
            }
            _ => None,
        };
        match consumed {
            Some(n) => {
                at += n;
                plain_from = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    push_text(out, &text[plain_from..]);
}

/// `[label](target)` at `at`: a link when the target is safe, else the label as text.
fn link(
    text: &str,
    at: usize,
    depth: usize,
    out: &mut Vec<Inline>,
    plain_from: usize,
) -> Option<usize> {
    let label_end = find_close(text, at + 1, "](")?;
    let target_end = find_close(text, label_end + 2, ")")?;
    let label_text = &text[at + 1..label_end];
    let target = &text[label_end + 2..target_end];
    push_text(out, &text[plain_from..at]);
    let mut label = Vec::new();
    parse_inline(label_text, depth + 1, false, &mut label);
    match safe_href(target) {
        Some(href) => out.push(Inline::Link {
            href: href.to_owned(),
            label,
        }),
        None => out.extend(label),
    }
    Some(target_end + 1 - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        for good in [
            "https://shop.example/a?b=1",
            "HTTP://x.example",
            "mailto:help@shop.example",
        ] {
            assert_eq!(safe_href(good), Some(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "/relative",
            "//evil.example",
            "https://",
            "https://a b.example",
            "\u{1}https://x.example",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn unsafe_links_keep_only_their_label() {
        assert_eq!(
            inlines("[click](javascript:alert(1)) now"),
            vec![text("click) now")]
        );
        assert_eq!(
            inlines("see [docs](https://shop.example/help)"),
            vec![
                text("see "),
                Inline::Link {
                    href: "https://shop.example/help".to_owned(),
                    label: vec![text("docs")],
                }
            ]
        );
    }

    #[test]
    fn raw_html_is_text() {
        assert_eq!(
            inlines("<img src=x onerror=alert(1)>"),
            vec![text("<img src=x onerror=alert(1)>")]
        );
        assert_eq!(
            parse("<script>alert(1)</script>"),
            vec![Block::Paragraph(vec![text("<script>alert(1)</script>")])]
        );
    }

    #[test]
    fn emphasis_code_and_autolinks() {
        assert_eq!(
            inlines("**bold *it* x** and `<b>` at https://shop.example/x."),
            vec![
                Inline::Strong(vec![
                    text("bold "),
                    Inline::Emphasis(vec![text("it")]),
                    text(" x"),
                ]),
                text(" and "),
                Inline::Code("<b>".to_owned()),
                text(" at "),
                Inline::Link {
                    href: "https://shop.example/x".to_owned(),
                    label: vec![text("https://shop.example/x")],
                },
                text("."),
            ]
        );
        assert_eq!(inlines("2 * 3 * 4"), vec![text("2 * 3 * 4")]);
        assert_eq!(inlines(r"\*not em\*"), vec![text("*not em*")]);
    }

    #[test]
    fn blocks() {
        let md = "# Title\nline one\nline two\n\n- a\n- b\n1. c\n> q\n```\n<b>x</b>\n```";
        assert_eq!(
            parse(md),
            vec![
                Block::Heading(vec![text("Title")]),
                Block::Paragraph(vec![text("line one"), Inline::Break, text("line two")]),
                Block::List {
                    ordered: false,
                    items: vec![vec![text("a")], vec![text("b")]],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("c")]],
                },
                Block::Quote(vec![text("q")]),
                Block::Code("<b>x</b>".to_owned()),
            ]
        );
    }

    #[test]
    fn hostile_nesting_and_unclosed_markers_stay_bounded() {
        let deep = "**".repeat(5000) + &"[".repeat(5000) + &"`*".repeat(5000);
        let blocks = parse(&deep);
        assert_eq!(blocks.len(), 1);
        let nested = "*a ".repeat(50) + &"*".repeat(50);
        assert!(!parse(&nested).is_empty());
        // Multi-byte text around markers never splits a character.
        assert_eq!(
            inlines("é*ü*"),
            vec![text("é"), Inline::Emphasis(vec![text("ü")])]
        );
    }
}

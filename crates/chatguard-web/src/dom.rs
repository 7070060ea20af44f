//! The DOM the widget draws from Rust: highlighted composer text and rendered answers. Every
//! string from the user or the model becomes a text node (`textContent`), never markup; element
//! names and attribute names are constants here.

use chatguard::Span;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

use crate::markdown::{Block, Inline};

/// One finding to highlight: its byte span in the composer text and how it is shown.
#[derive(Clone, Copy, Debug)]
pub struct Mark<'a> {
    /// Byte span into the text.
    pub span: Span,
    /// The kind's wire name (`email`), for `data-kind`.
    pub kind: &'a str,
    /// The policy action (`redact`, `ask`, `block`, `allow`), for `data-action`.
    pub action: &'a str,
    /// True when the user chose to send this value as it is.
    pub kept: bool,
}

fn document(node: &Element) -> Result<Document, JsValue> {
    node.owner_document()
        .ok_or_else(|| JsValue::from_str("the element has no document"))
}

fn append_text(doc: &Document, parent: &Node, text: &str) -> Result<(), JsValue> {
    if !text.is_empty() {
        parent.append_child(&doc.create_text_node(text))?;
    }
    Ok(())
}

/// Replaces `mirror`'s children with `text`, each mark wrapped in
/// `<mark part="mark" data-kind data-action [data-kept]>`. Marks must be sorted and
/// non-overlapping (as the guard reports them); one that is not, or that does not fall on
/// character boundaries, is drawn as plain text. A trailing line break gets a space after it so
/// the mirror is as tall as the textarea it lies under.
pub fn render_highlights(mirror: &Element, text: &str, marks: &[Mark<'_>]) -> Result<(), JsValue> {
    let doc = document(mirror)?;
    mirror.set_text_content(None);
    let mut at = 0;
    for mark in marks {
        let (Some(before), Some(value)) = (
            text.get(at..mark.span.start),
            text.get(mark.span.start..mark.span.end),
        ) else {
            continue;
        };
        append_text(&doc, mirror, before)?;
        let el = doc.create_element("mark")?;
        el.set_attribute("part", "mark")?;
        el.set_attribute("data-kind", mark.kind)?;
        el.set_attribute("data-action", mark.action)?;
        if mark.kept {
            el.set_attribute("data-kept", "")?;
        }
        el.set_text_content(Some(value));
        mirror.append_child(&el)?;
        at = mark.span.end;
    }
    append_text(&doc, mirror, text.get(at..).unwrap_or_default())?;
    if text.ends_with('\n') {
        append_text(&doc, mirror, " ")?;
    }
    Ok(())
}

/// Replaces `container`'s children with the rendered blocks.
pub fn render_blocks(container: &Element, blocks: &[Block]) -> Result<(), JsValue> {
    let doc = document(container)?;
    container.set_text_content(None);
    for block in blocks {
        let el = match block {
            Block::Paragraph(inlines) => with_inlines(&doc, "p", inlines)?,
            Block::Heading(inlines) => {
                let p = doc.create_element("p")?;
                let strong = with_inlines(&doc, "strong", inlines)?;
                p.append_child(&strong)?;
                p
            }
            Block::Quote(inlines) => with_inlines(&doc, "blockquote", inlines)?,
            Block::Code(code) => {
                let pre = doc.create_element("pre")?;
                let el = doc.create_element("code")?;
                el.set_text_content(Some(code));
                pre.append_child(&el)?;
                pre
            }
            Block::List { ordered, items } => {
                let list = doc.create_element(if *ordered { "ol" } else { "ul" })?;
                for item in items {
                    let li = with_inlines(&doc, "li", item)?;
                    list.append_child(&li)?;
                }
                list
            }
        };
        container.append_child(&el)?;
    }
    Ok(())
}

fn with_inlines(doc: &Document, tag: &str, inlines: &[Inline]) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    append_inlines(doc, &el, inlines)?;
    Ok(el)
}

fn append_inlines(doc: &Document, parent: &Element, inlines: &[Inline]) -> Result<(), JsValue> {
    for inline in inlines {
        match inline {
            Inline::Text(text) => append_text(doc, parent, text)?,
            Inline::Break => {
                let br = doc.create_element("br")?;
                parent.append_child(&br)?;
            }
            Inline::Code(code) => {
                let el = doc.create_element("code")?;
                el.set_text_content(Some(code));
                parent.append_child(&el)?;
            }
            Inline::Strong(inner) => {
                let strong = with_inlines(doc, "strong", inner)?;
                parent.append_child(&strong)?;
            }
            Inline::Emphasis(inner) => {
                let em = with_inlines(doc, "em", inner)?;
                parent.append_child(&em)?;
            }
            Inline::Link { href, label } => {
                let a = with_inlines(doc, "a", label)?;
                a.set_attribute("href", href)?;
                a.set_attribute("rel", "noopener noreferrer")?;
                a.set_attribute("target", "_blank")?;
                parent.append_child(&a)?;
            }
        }
    }
    Ok(())
}

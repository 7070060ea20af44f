//! What the composer shows on every keystroke, in one call: the personal data the policy acts on
//! and the injection check ([`crate::injection`]), drawn into the mirror under the textarea.
//!
//! Marks must not overlap, so they are chosen by precedence: personal-data findings first (what
//! will be redacted matters most to the user), then the first span of each smuggling family (the
//! core reports one per family: the word with a zero-width character, the run of tag
//! characters), then every other run of hidden characters the policy strips, then — only when
//! the message would be flagged or blocked — the spans of the injection rules. A lower mark that
//! overlaps a higher one is left out; the notice still names it.

use chatguard::{Context, Span};
use wasm_bindgen::prelude::*;

use crate::{dom, finding_json, injection, js_error, parse_spans, WebGuard};

#[wasm_bindgen]
impl WebGuard {
    /// Checks `text`, draws it into `mirror` with each mark in a `<mark>` (see
    /// [`dom::render_highlights`]) and returns JSON `{findings, injection}`: `findings` as
    /// [`WebGuard::scan`] reports them, `injection` as [`WebGuard::injection`] does.
    /// `kept_json` lists the UTF-16 `[start, end]` pairs the user chose to keep, shown as kept.
    ///
    /// Marks carry `data-kind` and `data-action`: a finding's kind and policy action; `hidden`
    /// and `strip` for invisible characters that will be removed; a smuggling family's id
    /// (`smuggle.tag_chars`) and `smuggle`; an injection rule's id (`inject.override`) and the
    /// verdict (`flag` or `block`).
    pub fn highlight(
        &self,
        mirror: &web_sys::Element,
        text: &str,
        kept_json: &str,
    ) -> Result<String, JsError> {
        let kept = parse_spans(kept_json).map_err(|e| JsError::new(&e))?;
        let findings = self.guard.scan(text);
        let decided = self.guard.decide(&findings, &Context::default());
        let items: Vec<serde_json::Value> = decided
            .iter()
            .map(|d| finding_json(&self.guard, text, d))
            .collect();
        let mut marks: Vec<dom::Mark<'_>> = decided
            .iter()
            .zip(&items)
            .map(|(d, item)| dom::Mark {
                span: d.finding.span,
                kind: item["kind"].as_str().unwrap_or_default(),
                action: item["action"].as_str().unwrap_or_default(),
                kept: kept.contains(&d.finding.span.to_utf16(text)),
            })
            .collect();
        let report = injection::assess(&self.guard, text);
        let stripped = self.guard.strip_carriers(text);
        let hidden = injection::removed_runs(text, &stripped);
        let smuggling = report
            .signals
            .iter()
            .filter(|s| s.id.starts_with("smuggle."));
        let mut extra: Vec<dom::Mark<'_>> =
            smuggling.map(|s| mark(s.span, s.id, "smuggle")).collect();
        extra.extend(hidden.iter().map(|&span| mark(span, "hidden", "strip")));
        let verdict = report.verdict.name();
        if verdict != "allow" {
            let rules = report
                .signals
                .iter()
                .filter(|s| s.id.starts_with("inject."));
            extra.extend(rules.map(|s| mark(s.span, s.id, verdict)));
        }
        add_without_overlap(&mut marks, extra);
        dom::render_highlights(mirror, text, &marks).map_err(js_error)?;
        let out = serde_json::json!({
            "findings": items,
            "injection": injection::report_json(&report, text, &hidden),
        });
        Ok(crate::json_text(&out))
    }
}

fn mark<'a>(span: Span, kind: &'a str, action: &'a str) -> dom::Mark<'a> {
    dom::Mark {
        span,
        kind,
        action,
        kept: false,
    }
}

/// Adds each of `extra` (in precedence order) to `marks` (sorted, non-overlapping) unless it is
/// empty or overlaps one already there, keeping `marks` sorted. Inserting in place (rather than
/// sorting) keeps one more sort instantiation out of the browser module.
fn add_without_overlap<'a>(marks: &mut Vec<dom::Mark<'a>>, extra: Vec<dom::Mark<'a>>) {
    for m in extra {
        if m.span.start >= m.span.end {
            continue;
        }
        let at = marks.partition_point(|o| o.span.end <= m.span.start);
        let free = marks
            .get(at)
            .is_none_or(|next| m.span.end <= next.span.start);
        if free {
            marks.insert(at, m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(marks: &[dom::Mark<'_>]) -> Vec<(usize, usize, &'static str)> {
        marks
            .iter()
            .map(|m| {
                let kind: &'static str = match m.kind {
                    "email" => "email",
                    "hidden" => "hidden",
                    _ => "other",
                };
                (m.span.start, m.span.end, kind)
            })
            .collect()
    }

    #[test]
    fn lower_marks_never_overlap_higher_ones() {
        let mut marks = vec![mark(Span::new(10, 20), "email", "redact")];
        add_without_overlap(
            &mut marks,
            vec![
                mark(Span::new(2, 4), "hidden", "strip"),
                mark(Span::new(15, 25), "smuggle.base64", "smuggle"),
                mark(Span::new(3, 8), "inject.override", "block"),
                mark(Span::new(30, 30), "inject.persona", "block"),
                mark(Span::new(20, 22), "inject.delimiter", "block"),
            ],
        );
        assert_eq!(
            spans(&marks),
            [(2, 4, "hidden"), (10, 20, "email"), (20, 22, "other")]
        );
    }
}

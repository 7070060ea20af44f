//! The widget's DOM code in a real browser (headless Chromium through wasm-bindgen-test): answers
//! rendered from hostile markdown create no active content, and composer highlights wrap exactly
//! the findings. Synthetic data only.

#![cfg(target_arch = "wasm32")]

use chatguard_web::{render_markdown, WebGuard};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let el = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&el)
        .expect("attached");
    el
}

#[wasm_bindgen_test]
fn hostile_answers_render_as_text() {
    let el = container();
    let answer = "<img src=x onerror=\"window.__pwned=1\"> **hi** [x](javascript:alert(1)) \
                  [ok](https://shop.example/help) <script>window.__pwned=2</script>\n\
                  [d](data:text/html,<b>x</b>) <a href=\"javascript:alert(1)\">a</a>";
    render_markdown(&el, answer).expect("renders");
    assert!(el
        .query_selector("img, script, iframe")
        .expect("query")
        .is_none());
    let links = el.query_selector_all("a").expect("query");
    assert_eq!(links.length(), 1, "only the https link is a link");
    let a: Element = links
        .get(0)
        .and_then(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .expect("a");
    assert_eq!(
        a.get_attribute("href").as_deref(),
        Some("https://shop.example/help")
    );
    assert_eq!(
        a.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        el.query_selector("strong")
            .expect("query")
            .map(|s| s.text_content()),
        Some(Some("hi".to_owned()))
    );
    let text = el.text_content().unwrap_or_default();
    assert!(
        text.contains("<img src=x onerror="),
        "raw HTML shows as text: {text}"
    );
    let on_attrs = el
        .query_selector("[onerror], [onclick], [onload]")
        .expect("query");
    assert!(on_attrs.is_none());
    // Rendering again replaces what was there.
    render_markdown(&el, "plain").expect("renders");
    assert_eq!(el.inner_html(), "<p>plain</p>");
}

#[wasm_bindgen_test]
fn highlights_wrap_each_finding_in_utf16_coordinates() {
    let el = container();
    let guard = WebGuard::new(None).expect("default policy");
    let text = "😀 mail jane@example.com, card 4012 8888 8888 1881\n";
    let findings = guard.highlight(&el, text, "[[8,24]]").expect("highlights");
    let marks = el.query_selector_all("mark").expect("query");
    assert_eq!(marks.length(), 2);
    let first: Element = marks
        .get(0)
        .and_then(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .expect("mark");
    assert_eq!(first.text_content().as_deref(), Some("jane@example.com"));
    assert_eq!(first.get_attribute("data-kind").as_deref(), Some("email"));
    assert!(first.has_attribute("data-kept"));
    let second: Element = marks
        .get(1)
        .and_then(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .expect("mark");
    assert_eq!(second.get_attribute("data-action").as_deref(), Some("ask"));
    assert!(!second.has_attribute("data-kept"));
    assert_eq!(el.text_content().unwrap_or_default(), format!("{text} "));
    assert!(findings.contains("\"start\":8"), "{findings}");
    // Text that looks like markup stays text in the mirror too.
    guard.highlight(&el, "<b>x</b>", "[]").expect("highlights");
    assert!(el.query_selector("b").expect("query").is_none());
}

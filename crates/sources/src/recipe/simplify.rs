//! A page cut down to what a language model needs to write a recipe: the element tree with tags,
//! `id`, `class` and `href` only, short texts, no scripts, styles or other attributes.

use scraper::{ElementRef, Html, Node};

/// Elements whose content says nothing about the page's job list.
const SKIPPED: &[&str] = &["script", "style", "noscript", "svg", "template", "head", "iframe", "picture", "video"];
/// Longest text kept of one text node.
const MAX_TEXT: usize = 80;

/// The page's `body` as simplified HTML, at most `max_chars` long.
pub fn simplified_dom(html: &str, max_chars: usize) -> String {
    let document = Html::parse_document(html);
    let mut out = String::new();
    write(document.root_element(), 0, &mut out, max_chars);
    out
}

fn write(element: ElementRef<'_>, depth: usize, out: &mut String, max_chars: usize) {
    let name = element.value().name();
    if out.len() >= max_chars || SKIPPED.contains(&name) {
        return;
    }
    out.push_str(&"  ".repeat(depth.min(12)));
    out.push('<');
    out.push_str(name);
    for attribute in ["id", "class", "href"] {
        if let Some(value) = element.value().attr(attribute) {
            let value: String = value.chars().take(120).filter(|c| *c != '"').collect();
            out.push_str(&format!(" {attribute}=\"{value}\""));
        }
    }
    out.push_str(">\n");
    for child in element.children() {
        match child.value() {
            Node::Text(text) => {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() && out.len() < max_chars {
                    out.push_str(&"  ".repeat((depth + 1).min(12)));
                    out.extend(text.chars().take(MAX_TEXT));
                    out.push('\n');
                }
            }
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    write(child, depth + 1, out, max_chars);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_other_attributes_are_left_out() {
        let html = r#"<html><head><title>x</title></head><body onload="evil()"><style>.a{}</style>
            <div class="job" data-x="1"><h2>Engineer</h2><a href="/jobs/1" onclick="x()">More</a></div>
            <script>alert(1)</script></body></html>"#;
        let dom = simplified_dom(html, 10_000);
        assert!(dom.contains("<div class=\"job\">"), "{dom}");
        assert!(dom.contains("<a href=\"/jobs/1\">"), "{dom}");
        assert!(dom.contains("Engineer"));
        for gone in ["alert", "onclick", "onload", "data-x", ".a{}", "<title"] {
            assert!(!dom.contains(gone), "{gone} in {dom}");
        }
        assert!(simplified_dom(html, 20).len() < 120, "cut at the limit");
    }
}

//! Description HTML: sanitized for display (ammonia), and read as plain text for search and
//! ranking.

use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{Html, Node};

/// Cleans untrusted description HTML for display: no scripts, styles, forms, frames or images
/// (remote images would tell the employer when the user reads the post); links keep only
/// absolute web targets and plain `mailto:` ones ([`is_safe_link`]) and get
/// `rel="noopener noreferrer"`. Run when a job is stored and again whenever it is read for the
/// window, since a restored database never went through the first run.
pub fn sanitize_html(untrusted: &str) -> String {
    SANITIZER.clean(untrusted).to_string()
}

/// A link a description may keep: an absolute web address, or mail with at most a subject and a
/// body. A `mailto:` with `attach=` (or other headers) can make a mail client attach a local file
/// or copy the message to someone else; a relative link would resolve inside the app.
pub fn is_safe_link(url: &str) -> bool {
    let Ok(parsed) = url::Url::parse(url) else { return false };
    match parsed.scheme() {
        "http" | "https" => parsed.host().is_some(),
        "mailto" => {
            parsed.query_pairs().all(|(key, _)| matches!(key.to_ascii_lowercase().as_str(), "subject" | "body"))
        }
        _ => false,
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .rm_tags(["img"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .attribute_filter(|_, attribute, value| match attribute {
            "href" | "src" | "cite" | "action" if !is_safe_link(value) => None,
            _ => Some(value.into()),
        })
        .link_rel(Some("noopener noreferrer nofollow"));
    builder
});

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
];

/// Plain text of an HTML fragment: paragraphs and list items on their own lines, list items
/// marked with "- ", runs of spaces folded, no blank lines.
pub fn html_to_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len() / 2);
    for edge in fragment.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Text(text) => push_text(&mut out, text),
                Node::Element(element) if BLOCKS.contains(&element.name()) => {
                    push_break(&mut out);
                    if element.name() == "li" {
                        out.push_str("- ");
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(element) = node.value()
                    && BLOCKS.contains(&element.name())
                {
                    push_break(&mut out);
                }
            }
        }
    }
    tidy_lines(&out)
}

/// [`html_to_text`] of HTML that [`sanitize_html`] wrote, read with a plain scan instead of a
/// second parse into a tree: the sanitizer serializes a tree html5ever built (every tag closed or
/// void, attributes double-quoted, no comments, scripts or styles), so its tags come in document
/// order. Anything else falls back to the parse.
pub fn sanitized_html_to_text(sanitized: &str) -> String {
    scan_text(sanitized).unwrap_or_else(|| html_to_text(sanitized))
}

fn scan_text(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&mut out, &html_escape::decode_html_entities(&rest[..open]));
        let tag = &rest[open + 1..];
        let end = tag_end(tag)?;
        let (closing, inner) = match tag.strip_prefix('/') {
            Some(inner) => (true, inner),
            None => (false, tag),
        };
        let name_length = inner.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')?;
        let name = &inner[..name_length];
        if name.is_empty() || !name.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
            return None;
        }
        if BLOCKS.contains(&name) {
            push_break(&mut out);
            if !closing && name == "li" {
                out.push_str("- ");
            }
        }
        rest = &tag[end + 1..];
    }
    push_text(&mut out, &html_escape::decode_html_entities(rest));
    Some(tidy_lines(&out))
}

/// Where a tag's `>` is, skipping any inside a double-quoted attribute value.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quoted = false;
    tag.bytes().position(|byte| {
        if byte == b'"' {
            quoted = !quoted;
        }
        byte == b'>' && !quoted
    })
}

fn push_text(out: &mut String, text: &str) {
    let starts_with_space = text.starts_with(char::is_whitespace);
    let ends_with_space = text.ends_with(char::is_whitespace);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        if !text.is_empty() && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        return;
    }
    if starts_with_space && !out.ends_with([' ', '\n']) && !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&words.join(" "));
    if ends_with_space {
        out.push(' ');
    }
}

fn push_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() && lines.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_dangerous_links_are_removed() {
        let clean = sanitize_html(
            r#"<p onclick="steal()">Hi<script>alert(1)</script><img src="https://t.example/p.gif"><a href="javascript:alert(1)">x</a><a href="https://ok.example">ok</a></p><iframe src="https://evil.example"></iframe>"#,
        );
        assert!(!clean.contains("script") && !clean.contains("onclick") && !clean.contains("img"), "{clean}");
        assert!(!clean.contains("javascript:") && !clean.contains("iframe"), "{clean}");
        assert!(clean.contains(r#"<a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a>"#), "{clean}");
    }

    #[test]
    fn relative_links_and_mailto_with_attachments_are_dropped() {
        let clean = sanitize_html(
            r#"<a href="/settings">in the app</a><a href="jobs/2">relative</a><a href="mailto:hr@acme.example?attach=/etc/passwd">leak</a><a href="mailto:hr@acme.example?cc=spy@evil.example">cc</a><a href="mailto:hr@acme.example?subject=Role&amp;body=Hi">apply</a><a href="//evil.example/x">protocol-relative</a>"#,
        );
        assert!(!clean.contains("/settings") && !clean.contains("jobs/2") && !clean.contains("//evil"), "{clean}");
        assert!(!clean.contains("attach") && !clean.contains("spy@"), "{clean}");
        assert!(clean.contains(r#"href="mailto:hr@acme.example?subject=Role&amp;body=Hi""#), "{clean}");
        assert!(is_safe_link("mailto:hr@acme.example") && !is_safe_link("mailto:a@b.example?ATTACH=x"));
        assert!(
            is_safe_link("https://jobs.example/1") && !is_safe_link("/relative") && !is_safe_link("file:///etc/passwd")
        );
    }

    #[test]
    fn text_keeps_paragraphs_and_list_items() {
        let text = html_to_text(
            "<h2>About us:</h2>\n<p>We <b>ship</b>   fast.</p><ul><li>Rust</li><li>SQL &amp; more</li></ul><p>Bye<br>now</p>",
        );
        assert_eq!(text, "About us:\nWe ship fast.\n- Rust\n- SQL & more\nBye\nnow");
    }

    #[test]
    fn sanitized_html_reads_as_the_parse_reads_it() {
        let mut bodies: Vec<String> = [
            "<h2>About us:</h2>\n<p>We <b>ship</b>   fast.</p><ul><li>Rust</li><li>SQL &amp; more</li></ul><p>Bye<br>now</p>",
            "<p>a<ul><li>nested <ol><li>deep</li></ol></li></ul>after</p><table>stray<tr><td>cell</td></tr></table>",
            r#"<a href="https://x.example/?q=a>b&amp;c=1" title='x > y'>link</a> &lt;tag&gt; &nbsp;&copy; 5 &lt; 6"#,
            "<div><p>Cut off in the mid",
            "plain text, no tags <",
            "<p>   </p><p>\t spaced \n words </p><hr><br/><li>loose item",
            "<pre>  keep\n  lines </pre><blockquote>quote</blockquote><dl><dt>term</dt><dd>definition</dd></dl>",
            "<p>caf\u{e9} \u{1F600} <em>na\u{ef}ve</em></p><script>no()</script><style>p{}</style><!-- note -->",
        ]
        .map(str::to_string)
        .to_vec();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded");
        // Every description the parsers read from the recorded payloads and pages (what normalize
        // is given); a parser fed another source's file reads nothing or fails, and is passed over.
        for entry in std::fs::read_dir(&fixtures).unwrap() {
            let body = std::fs::read(entry.unwrap().path()).unwrap();
            for kind in jobhound_sources::SourceKind::ALL {
                let postings = jobhound_sources::parse(*kind, &body).unwrap_or_default();
                bodies.extend(postings.into_iter().filter_map(|posting| posting.description_html));
            }
            // Recorded pages and feeds also as a whole.
            if serde_json::from_slice::<serde_json::Value>(&body).is_err() {
                bodies.push(String::from_utf8_lossy(&body).into_owned());
            }
        }
        assert!(bodies.len() > 40, "{} bodies", bodies.len());
        let mut scanned = 0;
        for body in &bodies {
            let sanitized = sanitize_html(body);
            scanned += usize::from(scan_text(&sanitized).is_some());
            assert_eq!(sanitized_html_to_text(&sanitized), html_to_text(&sanitized), "{sanitized}");
        }
        // The scan, not the fallback, read them.
        assert_eq!(scanned, bodies.len());
    }

    #[test]
    fn unterminated_html_still_yields_its_text() {
        assert_eq!(html_to_text("<div><p>Cut off in the mid"), "Cut off in the mid");
    }
}

//! Any RSS 2.0 or Atom feed of jobs, We Work Remotely's included (`Company: Title` items with a
//! `<region>`).

use roxmltree::{Document, Node};
use serde_json::{Map, Value};

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::{clean, clean_opt};
use crate::{ParsedPosting, SourceCategory, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct Rss;

impl Source for Rss {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            label: "RSS feed",
            category: SourceCategory::Feed,
            param_label: "RSS or Atom feed URL",
            param_example: "https://weworkremotely.com/categories/remote-programming-jobs.rss",
            param_optional: false,
            min_refresh_minutes: 60,
            ..SourceInfo::board(
                SourceKind::Rss,
                "RSS / Atom feed",
                "",
                "Respect the feed's own terms; We Work Remotely refreshes hourly.",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        super::page_url("RSS", input)
    }

    fn describe(&self, param: &str) -> String {
        format!("feed {param}")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_feed(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let url = super::page_url("RSS", param)?;
            let what = self.describe(&url);
            crate::source::fetch_single(self, context, url, &what).await
        })
    }
}

pub fn parse_feed(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let malformed = |reason: String| SourceError::Malformed { what: "feed".into(), reason };
    let text = std::str::from_utf8(body).map_err(|error| malformed(format!("not UTF-8 text ({error})")))?;
    let document = Document::parse(text.trim_start_matches('\u{feff}').trim_start())
        .map_err(|error| malformed(format!("not XML ({error})")))?;
    let root = document.root_element();
    match root.tag_name().name() {
        "rss" | "RDF" => Ok(root.descendants().filter(|node| node.has_tag_name("item")).filter_map(rss_item).collect()),
        "feed" => Ok(root.children().filter(|node| node.has_tag_name("entry")).filter_map(atom_entry).collect()),
        other => Err(malformed(format!("an XML document whose root is <{other}>, not an RSS or Atom feed"))),
    }
}

fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children().find(|child| child.is_element() && child.tag_name().name() == name).and_then(|child| child.text())
}

/// Every child element as `name: text`, kept as the item's raw record.
fn payload_of(node: Node<'_, '_>) -> Value {
    let mut map = Map::new();
    for child in node.children().filter(Node::is_element) {
        let value = child.text().map(str::to_string).or_else(|| child.attribute("href").map(str::to_string));
        if let Some(value) = value {
            map.entry(child.tag_name().name().to_string()).or_insert(Value::String(value));
        }
    }
    Value::Object(map)
}

fn rss_item(item: Node<'_, '_>) -> Option<ParsedPosting> {
    let link = clean_opt(child_text(item, "link"));
    let guid = clean_opt(child_text(item, "guid"));
    let raw_title = clean_opt(child_text(item, "title"));
    let source_id = guid.clone().or_else(|| link.clone()).or_else(|| raw_title.clone())?;
    let is_wwr = link.as_deref().is_some_and(|link| link.contains("weworkremotely.com"));
    let region = clean_opt(child_text(item, "region"));
    let (company, title) = match raw_title.as_deref().and_then(|title| title.split_once(": ")) {
        Some((company, title)) if is_wwr || region.is_some() => (clean(company), clean(title)),
        _ => (
            clean_opt(child_text(item, "creator")).or_else(|| clean_opt(child_text(item, "author"))),
            raw_title.clone(),
        ),
    };
    let work_mode = if is_wwr { Some(WorkMode::Remote) } else { title.as_deref().and_then(WorkMode::from_text) };
    let description = child_text(item, "encoded").or_else(|| child_text(item, "description")).map(str::to_string);
    Some(ParsedPosting {
        source: SourceKind::Rss,
        source_id,
        url: link.clone(),
        apply_url: link,
        title,
        company,
        locations: region.into_iter().collect(),
        work_mode,
        employment_type: child_text(item, "type").and_then(text::employment_type),
        salary: None,
        posted_at: child_text(item, "pubDate").or_else(|| child_text(item, "date")).and_then(dates::parse_date),
        description_html: description,
        payload: payload_of(item),
    })
}

fn atom_entry(entry: Node<'_, '_>) -> Option<ParsedPosting> {
    let link = entry
        .children()
        .filter(|child| child.has_tag_name("link"))
        .find(|link| link.attribute("rel").is_none_or(|rel| rel == "alternate"))
        .and_then(|link| link.attribute("href"))
        .map(str::to_string);
    let title = clean_opt(child_text(entry, "title"));
    let source_id = clean_opt(child_text(entry, "id")).or_else(|| link.clone()).or_else(|| title.clone())?;
    let author = entry
        .children()
        .find(|child| child.has_tag_name("author"))
        .and_then(|author| clean_opt(child_text(author, "name")));
    let description = child_text(entry, "content").or_else(|| child_text(entry, "summary")).map(str::to_string);
    let mut payload = payload_of(entry);
    if let (Some(link), Value::Object(map)) = (&link, &mut payload) {
        map.insert("link".into(), Value::String(link.clone()));
    }
    Some(ParsedPosting {
        source: SourceKind::Rss,
        source_id,
        url: link.clone(),
        apply_url: link,
        work_mode: title.as_deref().and_then(WorkMode::from_text),
        title,
        company: author,
        locations: Vec::new(),
        employment_type: None,
        salary: None,
        posted_at: child_text(entry, "published").or_else(|| child_text(entry, "updated")).and_then(dates::parse_date),
        description_html: description,
        payload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atom_entries_are_read() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Jobs</title>
<entry><title>Rust Engineer (Remote)</title><link href="https://example.com/jobs/1"/><id>urn:job:1</id>
<updated>2026-09-01T10:00:00Z</updated><author><name>Example Ltd</name></author><summary>Build things.</summary></entry>
</feed>"#;
        let jobs = parse_feed(atom).unwrap_or_default();
        assert_eq!(jobs.len(), 1, "synthetic Atom document, written for this test");
        assert_eq!(jobs[0].source_id, "urn:job:1");
        assert_eq!(jobs[0].url.as_deref(), Some("https://example.com/jobs/1"));
        assert_eq!(jobs[0].company.as_deref(), Some("Example Ltd"));
        assert_eq!(jobs[0].work_mode, Some(WorkMode::Remote));
        assert_eq!(jobs[0].posted_at.map(|t| t.to_rfc3339()).as_deref(), Some("2026-09-01T10:00:00+00:00"));
    }

    #[test]
    fn other_xml_is_refused() {
        assert!(parse_feed(b"<html><body>hi</body></html>").is_err());
        assert!(parse_feed(b"not xml").is_err());
    }
}

//! Teamtailor's public JSON Feed, `GET https://{company}.teamtailor.com/jobs.json`: a JSON Feed 1.1
//! whose items each carry a schema.org `JobPosting` (`_jobposting`), read as any page's JSON-LD is.
//! Notes: docs/sources/teamtailor.md.

use serde::Deserialize;
use serde_json::Value;

use crate::support::malformed;
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceKind, dates};

pub struct Teamtailor;

const BOARD: super::CompanyBoard = super::CompanyBoard {
    kind: SourceKind::Teamtailor,
    name: "Teamtailor",
    suffix: "teamtailor.com",
    path: "/jobs.json",
    example: "career",
};

super::one_get_board_source!(Teamtailor, BOARD, parse_feed);

#[derive(Deserialize)]
struct Feed {
    #[serde(default)]
    items: Vec<Value>,
}

pub fn parse_feed(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let feed: Feed = serde_json::from_slice(body).map_err(|error| malformed("Teamtailor", error))?;
    Ok(feed.items.iter().filter_map(item).collect())
}

fn item(item: &Value) -> Option<ParsedPosting> {
    let id = item.get("id").and_then(Value::as_str).and_then(|id| clean_opt(Some(id)))?;
    let url = item.get("url").and_then(Value::as_str).map(str::to_string);
    let posting = item.get("_jobposting").and_then(|job| crate::feeds::jsonld::posting(job, url.as_deref()));
    let mut parsed = posting.unwrap_or_else(|| ParsedPosting {
        source: SourceKind::Teamtailor,
        source_id: id.clone(),
        url: url.clone(),
        apply_url: url.clone(),
        title: None,
        company: None,
        locations: Vec::new(),
        work_mode: None,
        employment_type: None,
        salary: None,
        posted_at: None,
        description_html: None,
        payload: Value::Null,
    });
    parsed.source = SourceKind::Teamtailor;
    // The feed item's id is the one that stays; the JobPosting's identifier is a number that may
    // be missing from a pruned feed.
    parsed.source_id = id;
    parsed.url = url.clone().or(parsed.url);
    parsed.apply_url = url.or(parsed.apply_url);
    parsed.title = parsed.title.or_else(|| clean_opt(item.get("title").and_then(Value::as_str)));
    parsed.posted_at =
        parsed.posted_at.or_else(|| item.get("date_published").and_then(Value::as_str).and_then(dates::parse_date));
    parsed.description_html =
        parsed.description_html.or_else(|| item.get("content_html").and_then(Value::as_str).map(str::to_string));
    parsed.payload = item.clone();
    Some(parsed)
}

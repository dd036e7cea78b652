//! Teamtailor's public JSON Feed, `GET https://{company}.teamtailor.com/jobs.json`: a JSON Feed 1.1
//! whose items each carry a schema.org `JobPosting` (`_jobposting`), read as any page's JSON-LD is;
//! then the board's `jobs.rss`, whose Teamtailor-namespaced elements add what the JSON lacks
//! (department, remote status, every location). Notes: docs/sources/teamtailor.md.

use serde::Deserialize;
use serde_json::Value;

use super::OneGetBoard;
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::malformed;
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode, dates};

pub struct Teamtailor;

const BOARD: super::CompanyBoard = super::CompanyBoard {
    kind: SourceKind::Teamtailor,
    name: "Teamtailor",
    suffix: "teamtailor.com",
    path: "/jobs.json",
    example: "career",
};

impl Source for Teamtailor {
    fn info(&self) -> SourceInfo {
        BOARD.info()
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        BOARD.param(input)
    }

    fn describe(&self, param: &str) -> String {
        BOARD.describe(param)
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
            let mut outcome = super::fetch_one_get(&BOARD, self, context, param).await?;
            if outcome.postings.is_empty() {
                return Ok(outcome);
            }
            let company = BOARD.param(param)?;
            let origin = super::tenant_origin(&context, SourceKind::Teamtailor, &format!("{company}.{}", BOARD.suffix));
            let feed = format!("{origin}/jobs.rss");
            let what = format!("the RSS feed of {}", BOARD.describe(&company));
            // The JSON listing is the board; the RSS feed only adds to it, so it failing is a note.
            match context.get(SourceKind::Teamtailor, feed, &what).await.and_then(|body| parse_rss(&body)) {
                Ok(extras) => enrich(&mut outcome.postings, &extras),
                Err(error) => outcome.warnings.push(format!("departments and remote status not read: {error}")),
            }
            Ok(outcome)
        })
    }
}

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

/// What a `jobs.rss` item adds to a job of the JSON feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RssExtras {
    pub link: String,
    pub department: Option<String>,
    pub locations: Vec<String>,
    pub work_mode: Option<WorkMode>,
}

/// Reads `jobs.rss`: each item's link and its Teamtailor elements, found by local name whatever
/// prefix the feed gives its namespace (`tt:`, `teamtailor:`).
pub fn parse_rss(body: &[u8]) -> Result<Vec<RssExtras>, SourceError> {
    let text = String::from_utf8_lossy(body);
    let document = roxmltree::Document::parse(&text).map_err(|error| malformed("Teamtailor RSS", error))?;
    let extension = |node: &roxmltree::Node<'_, '_>, name: &str| {
        node.is_element() && node.tag_name().namespace().is_some() && node.tag_name().name().eq_ignore_ascii_case(name)
    };
    let text_of = |node: roxmltree::Node<'_, '_>| {
        clean_opt(Some(
            &node.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<Vec<_>>().join(" "),
        ))
    };
    let mut items = Vec::new();
    for item in document.descendants().filter(|node| node.has_tag_name("item")) {
        let Some(link) = item.children().find(|node| node.has_tag_name("link")).and_then(text_of) else { continue };
        let department = item.descendants().find(|node| extension(node, "department")).and_then(text_of);
        let mut locations: Vec<String> = Vec::new();
        for location in item.descendants().filter(|node| extension(node, "location")) {
            let part = |name: &str| location.children().find(|node| extension(node, name)).and_then(text_of);
            let place = match (part("city"), part("country")) {
                (Some(city), Some(country)) => Some(format!("{city}, {country}")),
                (Some(alone), None) | (None, Some(alone)) => Some(alone),
                (None, None) if location.children().any(|node| node.is_element()) => part("name"),
                (None, None) => text_of(location),
            };
            if let Some(place) = place.filter(|place| !locations.contains(place)) {
                locations.push(place);
            }
        }
        let work_mode = item
            .descendants()
            .find(|node| ["remoteStatus", "remote_status", "remote"].iter().any(|name| extension(node, name)))
            .and_then(text_of)
            .and_then(|status| remote_status(&status));
        items.push(RssExtras { link, department, locations, work_mode });
    }
    Ok(items)
}

/// Teamtailor's remote status ("fully", "hybrid", "temporary", "none") as a work mode.
fn remote_status(status: &str) -> Option<WorkMode> {
    match status.trim().to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
        "fully" | "fully_remote" | "remote" | "true" | "yes" => Some(WorkMode::Remote),
        "hybrid" | "temporary" => Some(WorkMode::Hybrid),
        "none" | "no" | "false" | "onsite" | "on_site" => Some(WorkMode::Onsite),
        _ => None,
    }
}

/// Adds each RSS item's department, places and remote status to the JSON job at the same link;
/// what the JSON already says wins.
pub fn enrich(postings: &mut [ParsedPosting], extras: &[RssExtras]) {
    let key = |link: &str| link.trim().trim_end_matches('/').to_ascii_lowercase();
    for posting in postings {
        let Some(url) = posting.url.as_deref().map(key) else { continue };
        let Some(extra) = extras.iter().find(|extra| key(&extra.link) == url) else { continue };
        if posting.work_mode.is_none() {
            posting.work_mode = extra.work_mode;
        }
        // "Stockholm" from the JSON and "Stockholm, Sweden" from the feed are one place.
        let town = |place: &str| place.split(',').next().unwrap_or_default().trim().to_lowercase();
        for place in &extra.locations {
            if !posting.locations.iter().any(|known| town(known) == town(place)) {
                posting.locations.push(place.clone());
            }
        }
        if let (Some(department), Value::Object(payload)) = (&extra.department, &mut posting.payload) {
            payload.entry("department").or_insert_with(|| Value::String(department.clone()));
        }
    }
}

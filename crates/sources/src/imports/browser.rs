//! A job saved from a page in the person's browser: the "Save to Jobhound" extension's message,
//! carried by the native messaging host. The page is already rendered and signed in, so nothing is
//! fetched; the message is checked strictly (it comes from a page, and pages are hostile) and read
//! like any posting, so it is normalized, merged with the same job seen elsewhere and ranked.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::feeds::jsonld;
use crate::imports::{no_fetch, not_fetchable};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::clean;
use crate::{ParsedPosting, SourceCategory, SourceError, SourceInfo, SourceKind, WorkMode};

/// The largest message the host accepts (the extension sends one page's posting).
pub const MAX_MESSAGE_BYTES: usize = 1024 * 1024;
const MAX_FIELD_CHARS: usize = 1_000;
const MAX_JSONLD_ITEMS: usize = 50;

/// `{"type": "save", "url", "page_title", "jsonld": [JobPosting…] | null, "job": {…} | null}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveMessage {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
    #[serde(default)]
    pub page_title: String,
    #[serde(default)]
    pub jsonld: Option<Vec<Value>>,
    #[serde(default)]
    pub job: Option<VisibleJob>,
}

/// The posting as the page shows it, read from the rendered page when it carries no JSON-LD.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisibleJob {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub description_html: Option<String>,
}

fn refused(reason: impl Into<String>) -> SourceError {
    SourceError::Malformed { what: "the browser's message".into(), reason: reason.into() }
}

/// Reads and checks one message: its size, its shape (no unknown keys), its kind, an http(s) page
/// address, and fields of a sensible length.
pub fn read_save_message(body: &[u8]) -> Result<SaveMessage, SourceError> {
    if body.len() > MAX_MESSAGE_BYTES {
        return Err(refused(format!("it is {} bytes; at most {MAX_MESSAGE_BYTES} are read", body.len())));
    }
    let message: SaveMessage =
        serde_json::from_slice(body).map_err(|error| refused(format!("it is not a save message: {error}")))?;
    if message.kind != "save" {
        return Err(refused(format!("unknown message type \"{}\"", message.kind.chars().take(40).collect::<String>())));
    }
    let page = url::Url::parse(message.url.trim()).map_err(|_| refused("the page's address is not a URL"))?;
    if !matches!(page.scheme(), "http" | "https") || page.host_str().is_none() {
        return Err(refused("only pages on the web (http or https) can be saved"));
    }
    let too_long = |field: &Option<String>| field.as_ref().is_some_and(|text| text.chars().count() > MAX_FIELD_CHARS);
    if message.page_title.chars().count() > MAX_FIELD_CHARS
        || message
            .job
            .as_ref()
            .is_some_and(|job| too_long(&job.title) || too_long(&job.company) || too_long(&job.location))
    {
        return Err(refused(format!("a title, company or location is longer than {MAX_FIELD_CHARS} characters")));
    }
    if message.jsonld.as_ref().is_some_and(|items| items.len() > MAX_JSONLD_ITEMS) {
        return Err(refused(format!("more than {MAX_JSONLD_ITEMS} JSON-LD blocks")));
    }
    Ok(message)
}

/// The page's address without its fragment and the tracking parameters links carry, so the same
/// posting saved twice is one posting.
pub fn canonical_url(address: &str) -> String {
    let Ok(mut page) = url::Url::parse(address.trim()) else { return address.trim().to_string() };
    page.set_fragment(None);
    let kept: Vec<(String, String)> = page
        .query_pairs()
        .filter(|(name, _)| {
            let name = name.to_ascii_lowercase();
            !(name.starts_with("utm_")
                || matches!(
                    name.as_str(),
                    "gclid" | "fbclid" | "ref" | "refid" | "trackingid" | "trk" | "src" | "source"
                ))
        })
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        page.set_query(None);
    } else {
        page.query_pairs_mut().clear().extend_pairs(kept);
    }
    page.to_string()
}

/// The job the message describes: its page's JobPosting (the one for this page when there are
/// several), else what the page shows.
pub fn posting_from_message(message: &SaveMessage) -> Result<ParsedPosting, SourceError> {
    let page = canonical_url(&message.url);
    // A site that names no company stands in for it (a posting without one cannot be stored).
    let host = url::Url::parse(&page)
        .ok()
        .and_then(|page| page.host_str().map(|host| host.trim_start_matches("www.").to_string()));
    let mut found = Vec::new();
    for block in message.jsonld.iter().flatten() {
        jsonld::collect_postings(block, &mut found);
    }
    let chosen = found
        .iter()
        .find(|item| item.get("url").and_then(Value::as_str).is_some_and(|url| canonical_url(url) == page))
        .or(found.first());
    if let Some(item) = chosen
        && let Some(mut posting) = jsonld::posting(item, Some(&page))
        && posting.title.is_some()
    {
        posting.source = SourceKind::Browser;
        posting.source_id = page.clone();
        posting.url = Some(page);
        if posting.company.is_none() {
            posting.company = message.job.as_ref().and_then(|job| job.company.as_deref()).and_then(clean).or(host);
        }
        return Ok(posting);
    }
    let job = message.job.clone().unwrap_or(VisibleJob {
        title: None,
        company: None,
        location: None,
        description_html: None,
    });
    let title = job.title.as_deref().and_then(clean).or_else(|| clean(&message.page_title));
    let Some(title) = title else {
        return Err(refused("the page shows no job title and carries no JobPosting"));
    };
    let location = job.location.as_deref().and_then(clean);
    Ok(ParsedPosting {
        source: SourceKind::Browser,
        source_id: page.clone(),
        url: Some(page.clone()),
        apply_url: Some(page),
        work_mode: location.as_deref().and_then(WorkMode::from_text).or_else(|| WorkMode::from_text(&title)),
        title: Some(title),
        company: job.company.as_deref().and_then(clean).or(host),
        locations: location.into_iter().collect(),
        employment_type: None,
        salary: None,
        posted_at: None,
        description_html: job.description_html.clone(),
        payload: json!({"url": message.url, "page_title": message.page_title, "job": {
            "title": job.title, "company": job.company, "location": job.location,
        }}),
    })
}

pub struct Browser;

impl Source for Browser {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            category: SourceCategory::Import,
            param_label: "A page in your browser",
            param_example: "https://example.com/jobs/123",
            ..SourceInfo::board(
                SourceKind::Browser,
                "Saved from the browser",
                "",
                "Saved from a page you were reading.",
            )
        }
    }

    fn param_from_input(&self, _input: &str) -> Result<String, SourceError> {
        Err(not_fetchable(SourceKind::Browser))
    }

    fn describe(&self, _param: &str) -> String {
        "saved from the browser".into()
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        Ok(vec![posting_from_message(&read_save_message(body)?)?])
    }

    fn fetch<'a>(&'a self, _: FetchContext<'a>, _: &'a str) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        no_fetch(SourceKind::Browser)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(value: Value) -> Vec<u8> {
        value.to_string().into_bytes()
    }

    #[test]
    fn a_pages_job_posting_is_read_and_keyed_by_its_address() {
        let body = message(json!({
            "type": "save",
            "url": "https://jobs.example.com/postings/42?utm_source=newsletter#apply",
            "page_title": "Rust Engineer - Example",
            "jsonld": [{"@context": "https://schema.org", "@graph": [
                {"@type": "Organization", "name": "Example"},
                {"@type": "JobPosting", "title": "Rust Engineer", "hiringOrganization": {"name": "Example GmbH"},
                 "jobLocation": {"address": {"addressLocality": "Berlin"}}, "description": "<p>Build parsers.</p>",
                 "datePosted": "2026-11-30"}
            ]}],
            "job": null
        }));
        let postings = Browser.parse(&body).unwrap();
        let posting = &postings[0];
        assert_eq!(posting.source, SourceKind::Browser);
        assert_eq!(posting.source_id, "https://jobs.example.com/postings/42");
        assert_eq!(posting.title.as_deref(), Some("Rust Engineer"));
        assert_eq!(posting.company.as_deref(), Some("Example GmbH"));
        assert_eq!(posting.locations, vec!["Berlin".to_string()]);
        assert!(posting.posted_at.is_some());
    }

    #[test]
    fn a_job_posting_naming_no_company_takes_the_visible_one_or_the_sites() {
        // schema.org's own example (assets/recorded/jsonld-jobposting-sample-1.html) has no
        // hiringOrganization; real Chromium found it refused as "no company".
        let posting = |job: Value| {
            let body = message(json!({
                "type": "save", "url": "https://careers.abc.example/software-engineer", "page_title": "",
                "jsonld": [{"@type": "JobPosting", "title": "Software Engineer",
                            "jobLocation": {"address": {"addressLocality": "Kirkland"}}}],
                "job": job
            }));
            Browser.parse(&body).unwrap().remove(0)
        };
        assert_eq!(posting(Value::Null).company.as_deref(), Some("careers.abc.example"));
        let visible = json!({"title": "Software Engineer", "company": "ABC Company Inc.", "location": null, "description_html": null});
        assert_eq!(posting(visible).company.as_deref(), Some("ABC Company Inc."));
    }

    #[test]
    fn without_json_ld_the_visible_posting_is_read() {
        let body = message(json!({
            "type": "save", "url": "https://www.acme.example/careers/data-engineer", "page_title": "Careers",
            "jsonld": null,
            "job": {"title": " Data Engineer ", "company": null, "location": "Remote (EU)", "description_html": "<ul><li>SQL</li></ul>"}
        }));
        let posting = &Browser.parse(&body).unwrap()[0];
        assert_eq!(posting.title.as_deref(), Some("Data Engineer"));
        assert_eq!(
            posting.company.as_deref(),
            Some("acme.example"),
            "the site stands in for a company it does not name"
        );
        assert_eq!(posting.work_mode, Some(WorkMode::Remote));
        assert_eq!(posting.description_html.as_deref(), Some("<ul><li>SQL</li></ul>"));
    }

    #[test]
    fn malformed_oversized_and_foreign_messages_are_refused() {
        let refused = |body: &[u8]| Browser.parse(body).unwrap_err().to_string();
        assert!(refused(b"{not json").contains("not a save message"));
        assert!(
            refused(&message(json!({"type": "save", "url": "https://a.example/", "cookies": "x"})))
                .contains("not a save message")
        );
        assert!(
            refused(&message(json!({"type": "delete", "url": "https://a.example/"}))).contains("unknown message type")
        );
        assert!(
            refused(&message(json!({"type": "save", "url": "file:///etc/passwd", "job": {"title": "x"}})))
                .contains("http or https")
        );
        assert!(
            refused(&message(json!({"type": "save", "url": "https://a.example/", "job": {"title": null}})))
                .contains("no job title")
        );
        let huge = message(
            json!({"type": "save", "url": "https://a.example/", "job": {"description_html": "x".repeat(MAX_MESSAGE_BYTES)}}),
        );
        assert!(refused(&huge).contains("at most"));
    }

    #[test]
    fn the_same_page_has_one_address_whatever_the_link_carried() {
        assert_eq!(
            canonical_url("https://example.com/jobs/1?utm_medium=x&gh_jid=7&fbclid=y#top"),
            "https://example.com/jobs/1?gh_jid=7"
        );
        assert_eq!(canonical_url("https://example.com/jobs/1?ref=feed"), "https://example.com/jobs/1");
    }
}

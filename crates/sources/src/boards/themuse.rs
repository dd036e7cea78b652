//! The Muse public API v2: `GET /api/public/jobs?page=N` (0-based), optional `api_key`.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{KeySpec, ParsedPosting, SearchQuery, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct TheMuse;

pub const KEY: &str = "themuse_api_key";

impl Source for TheMuse {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            keys: &[KeySpec { name: "themuse_api_key", label: "The Muse API key (optional)", required: false }],
            ..SourceInfo::board(
                SourceKind::Themuse,
                "The Muse",
                "https://www.themuse.com",
                "500 requests an hour without a key, 3600 with one; by using the API you accept The Muse's terms.",
            )
        }
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_page(body).map(|page| page.postings)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let what = self.describe(param);
            let query = SearchQuery::from_param(param);
            let base = context.base_url(SourceKind::Themuse);
            let key = context.credentials.get(KEY).unwrap_or_default();
            let location = match (&query.location, query.remote_only) {
                (_, true) => "Flexible / Remote".to_string(),
                (Some(location), false) => location.clone(),
                (None, false) => String::new(),
            };
            let page = |(number, _): (u32, u32)| {
                let (what, query, location) = (&what, &query, &location);
                async move {
                    let page_number = number.to_string();
                    let url = format!(
                        "{base}/api/public/jobs?{}",
                        super::query_string(&[
                            ("page", &page_number),
                            ("category", &query.keywords),
                            ("location", location),
                            ("api_key", key),
                        ])
                    );
                    // Over its hourly limit The Muse answers 403, which here means "slow down".
                    let body = context.get(SourceKind::Themuse, url, what).await.map_err(|error| match error {
                        SourceError::Blocked { what, status: 403 } => {
                            SourceError::RateLimited { what, retry_after: None }
                        }
                        other => other,
                    })?;
                    let page = parse_page(&body).map_err(|error| error.about(what))?;
                    Ok(Paged {
                        postings: page.postings,
                        next: (number + 1 < page.page_count).then_some((number + 1, page.page_count)),
                    })
                }
            };
            let stopped = |outcome: &FetchOutcome, (_, page_count): &(u32, u32)| {
                format!("stopped after {} of {page_count} pages", outcome.pages)
            };
            read_pages(context.limits.max_pages, (0, 0), page, stopped).await
        })
    }
}

pub struct Page {
    pub postings: Vec<ParsedPosting>,
    pub page_count: u32,
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    page_count: u32,
    results: Vec<Value>,
}

#[derive(Deserialize)]
struct Job {
    id: Value,
    name: Option<String>,
    contents: Option<String>,
    publication_date: Option<String>,
    #[serde(default)]
    locations: Vec<Named>,
    #[serde(default)]
    levels: Vec<Named>,
    refs: Option<Refs>,
    company: Option<Named>,
}

#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

#[derive(Deserialize)]
struct Refs {
    landing_page: Option<String>,
}

pub fn parse_page(body: &[u8]) -> Result<Page, SourceError> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|error| malformed("The Muse", error))?;
    let postings = parse_items("The Muse", envelope.results, |item| parse_job(item).map(Some));
    Ok(Page { postings, page_count: envelope.page_count })
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    let names = |items: &[Named]| items.iter().filter_map(|item| clean_opt(item.name.as_deref())).collect::<Vec<_>>();
    let all_locations = names(&job.locations);
    let remote = all_locations.iter().any(|name| name.to_lowercase().contains("remote"));
    let locations =
        all_locations.into_iter().filter(|name| !name.to_lowercase().contains("flexible / remote")).collect();
    let internship = names(&job.levels).iter().any(|level| level.eq_ignore_ascii_case("internship"));
    let url = job.refs.and_then(|refs| refs.landing_page);
    Ok(ParsedPosting {
        source: SourceKind::Themuse,
        source_id: id_text(&job.id).ok_or("job without an id")?,
        url: url.clone(),
        apply_url: url,
        title: clean_opt(job.name.as_deref()),
        company: job.company.and_then(|company| clean_opt(company.name.as_deref())),
        locations,
        work_mode: remote.then_some(WorkMode::Remote),
        employment_type: internship.then(|| text::employment_type("internship")).flatten(),
        salary: None,
        posted_at: job.publication_date.as_deref().and_then(dates::parse_date),
        description_html: job.contents,
        payload,
    })
}

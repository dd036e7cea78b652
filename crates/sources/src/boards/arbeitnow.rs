//! Arbeitnow: `GET /api/job-board-api?page=N`, paged until `links.next` is null or a page is empty.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::{clean_opt, decode_escaped_html};
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct Arbeitnow;

impl Source for Arbeitnow {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            attribution: Some("Arbeitnow"),
            min_refresh_minutes: 60,
            ..SourceInfo::board(
                SourceKind::Arbeitnow,
                "Arbeitnow",
                "https://www.arbeitnow.com",
                "Free public API: don't abuse it (updated hourly); link back to Arbeitnow.",
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
            let base = context.base_url(SourceKind::Arbeitnow);
            let page = |number: u32| {
                let what = &what;
                async move {
                    // Page numbers are built here rather than following `links.next`, so a payload
                    // can never send Jobhound to another host.
                    let url = format!("{base}/api/job-board-api?page={number}");
                    let body = context.get(SourceKind::Arbeitnow, url, what).await?;
                    let page = parse_page(&body).map_err(|error| error.about(what))?;
                    Ok(Paged { postings: page.postings, next: page.has_next.then_some(number + 1) })
                }
            };
            let stopped = |outcome: &FetchOutcome, _: &_| format!("stopped after {} pages", outcome.pages);
            read_pages(context.limits.max_pages, 1, page, stopped).await
        })
    }
}

pub struct Page {
    pub postings: Vec<ParsedPosting>,
    pub has_next: bool,
}

#[derive(Deserialize)]
struct Envelope {
    data: Vec<Value>,
    links: Option<Links>,
}

#[derive(Deserialize)]
struct Links {
    next: Option<String>,
}

#[derive(Deserialize)]
struct Job {
    slug: String,
    company_name: Option<String>,
    title: Option<String>,
    description: Option<String>,
    remote: Option<bool>,
    url: Option<String>,
    #[serde(default)]
    job_types: Vec<String>,
    location: Option<String>,
    created_at: Option<Value>,
}

pub fn parse_page(body: &[u8]) -> Result<Page, SourceError> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|error| malformed("Arbeitnow", error))?;
    let has_next = envelope.links.and_then(|links| links.next).is_some_and(|next| !next.is_empty());
    let postings = parse_items("Arbeitnow", envelope.data, |item| parse_job(item).map(Some));
    Ok(Page { postings, has_next })
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    Ok(ParsedPosting {
        source: SourceKind::Arbeitnow,
        source_id: job.slug,
        url: job.url.clone(),
        apply_url: job.url,
        title: clean_opt(job.title.as_deref()),
        company: clean_opt(job.company_name.as_deref()),
        locations: clean_opt(job.location.as_deref()).into_iter().collect(),
        work_mode: job.remote.filter(|remote| *remote).map(|_| WorkMode::Remote),
        employment_type: job.job_types.iter().find_map(|kind| text::employment_type(kind)),
        salary: None,
        posted_at: job.created_at.as_ref().and_then(dates::from_epoch_value),
        description_html: job.description.as_deref().map(decode_escaped_html),
        payload,
    })
}

//! Himalayas: `GET /jobs/api?limit=100`, then `?cursor={nextCursor}`; with keywords,
//! `GET /jobs/api/search?q=...`. Everything is remote.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{
    ParsedPosting, Salary, SalaryPeriod, SearchQuery, SourceError, SourceInfo, SourceKind, WorkMode, dates, text,
};

pub struct Himalayas;

const PAGE_SIZE: u32 = 100;

impl Source for Himalayas {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            attribution: Some("Himalayas"),
            ..SourceInfo::board(
                SourceKind::Himalayas,
                "Himalayas",
                "https://himalayas.app",
                "Link back to the job on Himalayas and name it as the source.",
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
            let base = context.base_url(SourceKind::Himalayas);
            let query = SearchQuery::from_param(param);
            // Browsing follows the API's cursor; a search is numbered pages.
            let page = |(number, cursor): (u32, Option<String>)| {
                let (what, query) = (&what, &query);
                async move {
                    let limit = PAGE_SIZE.to_string();
                    let url = if query.keywords.is_empty() {
                        let cursor = cursor.as_deref().unwrap_or_default();
                        format!("{base}/jobs/api?{}", super::query_string(&[("limit", &limit), ("cursor", cursor)]))
                    } else {
                        let page = number.to_string();
                        format!(
                            "{base}/jobs/api/search?{}",
                            super::query_string(&[("q", &query.keywords), ("limit", &limit), ("page", &page)])
                        )
                    };
                    let body = context.get(SourceKind::Himalayas, url, what).await?;
                    let page = parse_page(&body).map_err(|error| error.about(what))?;
                    let more = if query.keywords.is_empty() {
                        page.next_cursor.is_some()
                    } else {
                        page.postings.len() >= PAGE_SIZE as usize
                    };
                    Ok(Paged { postings: page.postings, next: more.then_some((number + 1, page.next_cursor)) })
                }
            };
            let stopped = |outcome: &FetchOutcome, _: &_| {
                format!("read the newest {} jobs ({} pages)", outcome.postings.len(), outcome.pages)
            };
            read_pages(context.limits.max_pages, (1, None), page, stopped).await
        })
    }
}

pub struct Page {
    pub postings: Vec<ParsedPosting>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    jobs: Vec<Value>,
    next_cursor: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Job {
    title: Option<String>,
    company_name: Option<String>,
    employment_type: Option<String>,
    min_salary: Option<f64>,
    max_salary: Option<f64>,
    salary_period: Option<String>,
    currency: Option<String>,
    #[serde(default)]
    location_restrictions: Vec<Value>,
    description: Option<String>,
    pub_date: Option<Value>,
    application_link: Option<String>,
    guid: Option<String>,
}

pub fn parse_page(body: &[u8]) -> Result<Page, SourceError> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|error| malformed("Himalayas", error))?;
    let postings = parse_items("Himalayas", envelope.jobs, parse_job);
    Ok(Page { postings, next_cursor: envelope.next_cursor.filter(|cursor| !cursor.is_empty()) })
}

fn parse_job(payload: Value) -> Result<Option<ParsedPosting>, String> {
    let job: Job = typed(&payload)?;
    let Some(source_id) = job.guid.clone().or_else(|| job.application_link.clone()) else {
        return Err("job without a guid".into());
    };
    let period = match job.salary_period.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("hourly" | "hour") => SalaryPeriod::Hour,
        Some("daily" | "day") => SalaryPeriod::Day,
        Some("weekly" | "week") => SalaryPeriod::Week,
        Some("monthly" | "month") => SalaryPeriod::Month,
        _ => SalaryPeriod::Year,
    };
    let locations = job
        .location_restrictions
        .iter()
        .filter_map(|place| match place {
            Value::String(name) => text::clean(name),
            other => clean_opt(other.get("name").or_else(|| other.get("country")).and_then(Value::as_str)),
        })
        .collect();
    Ok(Some(ParsedPosting {
        source: SourceKind::Himalayas,
        source_id,
        url: job.guid,
        apply_url: job.application_link,
        title: clean_opt(job.title.as_deref()),
        company: clean_opt(job.company_name.as_deref()),
        locations,
        work_mode: Some(WorkMode::Remote),
        employment_type: job.employment_type.as_deref().and_then(text::employment_type),
        salary: Salary::new(job.min_salary, job.max_salary, job.currency, period),
        posted_at: job.pub_date.as_ref().and_then(dates::from_epoch_value),
        description_html: job.description,
        payload,
    }))
}

//! JSearch (RapidAPI): `GET /search?query=...&page=N&num_pages=1` with `X-RapidAPI-Key`.

use serde::Deserialize;
use serde_json::Value;

use crate::http::Request;
use crate::paging::{Paged, read_search_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::{clean_opt, plain_to_html};
use crate::{
    KeySpec, ParsedPosting, Salary, SalaryPeriod, SearchQuery, SourceError, SourceInfo, SourceKind, WorkMode, dates,
    text,
};

pub struct Jsearch;

pub const KEY: &str = "jsearch_api_key";
const RAPIDAPI_HOST: &str = "jsearch.p.rapidapi.com";
const PAGE_SIZE: usize = 10;
const MAX_PAGES: u32 = 3;

impl Source for Jsearch {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            keys: &[KeySpec { name: "jsearch_api_key", label: "RapidAPI key for JSearch", required: true }],
            ..SourceInfo::board(
                SourceKind::Jsearch,
                "JSearch",
                "https://jsearch.p.rapidapi.com",
                "Paid per request through RapidAPI; each page costs quota on your plan.",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        let param = super::search_param(input);
        if SearchQuery::from_param(&param).phrase().is_empty() {
            return Err(SourceError::BadParam {
                kind: "JSearch",
                input: input.to_string(),
                hint: "JSearch needs something to search for, e.g. 'python developer in Berlin'",
            });
        }
        Ok(param)
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_page(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let key = context.credentials.require(SourceKind::Jsearch, KEY)?;
            let what = self.describe(param);
            let query = SearchQuery::from_param(param);
            let base = context.base_url(SourceKind::Jsearch);
            let page = |number: u32| {
                let (query, what, base) = (&query, &what, &base);
                async move {
                    let page_number = number.to_string();
                    let params = super::query_string(&[
                        ("query", &query.phrase()),
                        ("page", &page_number),
                        ("num_pages", "1"),
                        ("remote_jobs_only", if query.remote_only { "true" } else { "" }),
                        ("country", query.country.as_deref().unwrap_or_default()),
                    ]);
                    let request =
                        Request::new(format!("{base}/search?{params}"), what, SourceKind::Jsearch.info().politeness)
                            .header("X-RapidAPI-Key", key)
                            .header("X-RapidAPI-Host", RAPIDAPI_HOST);
                    let body = context.http.get(&request).await?;
                    let postings = parse_page(&body).map_err(|error| error.about(what))?;
                    // A short page is the last one.
                    let next = (postings.len() >= PAGE_SIZE).then_some(number + 1);
                    Ok(Paged { postings, next })
                }
            };
            // Each page costs quota on the user's plan, so a search reads three pages at most.
            read_search_pages(context.limits.max_pages.min(MAX_PAGES), 1, page).await
        })
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Body {
    Envelope { data: Vec<Value> },
    Items(Vec<Value>),
}

#[derive(Deserialize)]
struct Job {
    job_id: String,
    job_title: Option<String>,
    employer_name: Option<String>,
    job_employment_type: Option<String>,
    #[serde(default)]
    job_employment_types: Vec<String>,
    job_apply_link: Option<String>,
    job_description: Option<String>,
    job_is_remote: Option<bool>,
    job_posted_at_datetime_utc: Option<String>,
    job_posted_at_timestamp: Option<Value>,
    job_location: Option<String>,
    job_city: Option<String>,
    job_state: Option<String>,
    job_country: Option<String>,
    job_google_link: Option<String>,
    job_min_salary: Option<f64>,
    job_max_salary: Option<f64>,
    job_salary_period: Option<String>,
    job_salary_currency: Option<String>,
}

/// A search response (`{"status": "OK", "data": [...]}`) or a bare array of its `data` items.
pub fn parse_page(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items = match serde_json::from_slice(body).map_err(|error| malformed("JSearch", error))? {
        Body::Envelope { data } => data,
        Body::Items(items) => items,
    };
    Ok(parse_items("JSearch", items, |item| parse_job(item).map(Some)))
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    let location = clean_opt(job.job_location.as_deref()).or_else(|| {
        let parts: Vec<&str> = [&job.job_city, &job.job_state, &job.job_country]
            .into_iter()
            .filter_map(|part| part.as_deref().filter(|part| !part.trim().is_empty()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let period = match job.job_salary_period.as_deref().map(str::to_ascii_uppercase).as_deref() {
        Some("HOUR") => Some(SalaryPeriod::Hour),
        Some("DAY") => Some(SalaryPeriod::Day),
        Some("WEEK") => Some(SalaryPeriod::Week),
        Some("MONTH") => Some(SalaryPeriod::Month),
        Some("YEAR") => Some(SalaryPeriod::Year),
        _ => None,
    };
    let salary =
        period.and_then(|period| Salary::new(job.job_min_salary, job.job_max_salary, job.job_salary_currency, period));
    let employment_type = job
        .job_employment_type
        .as_deref()
        .and_then(text::employment_type)
        .or_else(|| job.job_employment_types.iter().find_map(|kind| text::employment_type(kind)));
    Ok(ParsedPosting {
        source: SourceKind::Jsearch,
        source_id: job.job_id,
        url: job.job_google_link.or_else(|| job.job_apply_link.clone()),
        apply_url: job.job_apply_link,
        title: clean_opt(job.job_title.as_deref()),
        company: clean_opt(job.employer_name.as_deref()),
        locations: location.into_iter().collect(),
        work_mode: job.job_is_remote.filter(|remote| *remote).map(|_| WorkMode::Remote),
        employment_type,
        salary,
        posted_at: job
            .job_posted_at_datetime_utc
            .as_deref()
            .and_then(dates::parse_date)
            .or_else(|| job.job_posted_at_timestamp.as_ref().and_then(dates::from_epoch_value)),
        description_html: job.job_description.as_deref().map(plain_to_html),
        payload,
    })
}

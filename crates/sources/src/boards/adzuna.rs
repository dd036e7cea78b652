//! Adzuna search: `GET /v1/api/jobs/{country}/search/{page}?app_id&app_key&what&where`.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::{clean_opt, plain_to_html};
use crate::{
    KeySpec, ParsedPosting, Politeness, Salary, SalaryPeriod, SearchQuery, SourceError, SourceInfo, SourceKind, dates,
    text,
};

pub struct Adzuna;

pub const APP_ID: &str = "adzuna_app_id";
pub const APP_KEY: &str = "adzuna_app_key";
const PAGE_SIZE: usize = 50;
const DEFAULT_COUNTRY: &str = "gb";

impl Source for Adzuna {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            keys: &[
                KeySpec { name: "adzuna_app_id", label: "Adzuna app_id", required: true },
                KeySpec { name: "adzuna_app_key", label: "Adzuna app_key", required: true },
            ],
            attribution: Some("Jobs by Adzuna"),
            param_label: "Keywords (optional: keywords=…&location=…&country=gb)",
            politeness: Politeness { min_interval: Duration::from_secs(3), ..Politeness::default() },
            ..SourceInfo::board(
                SourceKind::Adzuna,
                "Adzuna",
                "https://api.adzuna.com",
                "Free key from developer.adzuna.com; 25 requests a minute, 250 a day; show \"Jobs by Adzuna\".",
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
            let app_id = context.credentials.require(SourceKind::Adzuna, APP_ID)?;
            let app_key = context.credentials.require(SourceKind::Adzuna, APP_KEY)?;
            let what = self.describe(param);
            let query = SearchQuery::from_param(param);
            let country = query.country.as_deref().unwrap_or(DEFAULT_COUNTRY);
            let mut keywords = query.keywords.clone();
            if query.remote_only {
                keywords = format!("{keywords} remote").trim().to_string();
            }
            let base = context.base_url(SourceKind::Adzuna);
            let page = |(number, read, _): (u32, usize, usize)| {
                let (what, query, keywords) = (&what, &query, &keywords);
                async move {
                    let params = super::query_string(&[
                        ("app_id", app_id),
                        ("app_key", app_key),
                        ("results_per_page", &PAGE_SIZE.to_string()),
                        ("what", keywords),
                        ("where", query.location.as_deref().unwrap_or_default()),
                        ("content-type", "application/json"),
                    ]);
                    let url = format!("{base}/v1/api/jobs/{country}/search/{number}?{params}");
                    let body = context.get(SourceKind::Adzuna, url, what).await?;
                    let mut page = parse_page(&body).map_err(|error| error.about(what))?;
                    for salary in page.postings.iter_mut().filter_map(|posting| posting.salary.as_mut()) {
                        salary.currency = currency_of(country).map(str::to_string);
                    }
                    let received = page.postings.len();
                    let read = read + received;
                    let more = received >= PAGE_SIZE && read < page.count;
                    Ok(Paged { postings: page.postings, next: more.then_some((number + 1, read, page.count)) })
                }
            };
            let stopped = |outcome: &FetchOutcome, (_, _, count): &(u32, usize, usize)| {
                format!("stopped after {} pages of {count} results", outcome.pages)
            };
            read_pages(context.limits.max_pages, (1, 0, 0), page, stopped).await
        })
    }
}

/// Adzuna states amounts in the searched country's currency.
fn currency_of(country: &str) -> Option<&'static str> {
    Some(match country {
        "gb" => "GBP",
        "us" => "USD",
        "au" => "AUD",
        "ca" => "CAD",
        "nz" => "NZD",
        "sg" => "SGD",
        "za" => "ZAR",
        "in" => "INR",
        "br" => "BRL",
        "mx" => "MXN",
        "pl" => "PLN",
        "ch" => "CHF",
        "at" | "be" | "de" | "es" | "fr" | "it" | "nl" => "EUR",
        _ => return None,
    })
}

pub struct Page {
    pub postings: Vec<ParsedPosting>,
    pub count: usize,
}

#[derive(Deserialize)]
struct Envelope {
    count: Option<usize>,
    results: Vec<Value>,
}

#[derive(Deserialize)]
struct Job {
    id: Value,
    title: Option<String>,
    description: Option<String>,
    created: Option<String>,
    redirect_url: Option<String>,
    company: Option<Named>,
    location: Option<Named>,
    contract_time: Option<String>,
    contract_type: Option<String>,
    salary_min: Option<f64>,
    salary_max: Option<f64>,
    salary_is_predicted: Option<Value>,
}

#[derive(Deserialize)]
struct Named {
    display_name: Option<String>,
}

pub fn parse_page(body: &[u8]) -> Result<Page, SourceError> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|error| malformed("Adzuna", error))?;
    let postings = parse_items("Adzuna", envelope.results, |item| parse_job(item).map(Some));
    Ok(Page { count: envelope.count.unwrap_or(postings.len()), postings })
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    // Adzuna's own estimate is not what the employer offers; only stated pay is kept.
    let predicted = match &job.salary_is_predicted {
        Some(Value::String(flag)) => flag == "1",
        Some(Value::Number(flag)) => flag.as_i64() == Some(1),
        Some(Value::Bool(flag)) => *flag,
        _ => false,
    };
    let salary = if predicted { None } else { Salary::new(job.salary_min, job.salary_max, None, SalaryPeriod::Year) };
    let employment_type = job
        .contract_time
        .as_deref()
        .and_then(text::employment_type)
        .or_else(|| job.contract_type.as_deref().and_then(text::employment_type));
    Ok(ParsedPosting {
        source: SourceKind::Adzuna,
        source_id: id_text(&job.id).ok_or("job without an id")?,
        url: job.redirect_url.clone(),
        apply_url: job.redirect_url,
        title: clean_opt(job.title.as_deref()),
        company: job.company.and_then(|company| clean_opt(company.display_name.as_deref())),
        locations: job.location.and_then(|location| clean_opt(location.display_name.as_deref())).into_iter().collect(),
        work_mode: None,
        employment_type,
        salary,
        posted_at: job.created.as_deref().and_then(dates::parse_date),
        description_html: job.description.as_deref().map(plain_to_html),
        payload,
    })
}

//! Remotive: `GET /api/remote-jobs?search=...`, everything in one response. Its terms ask for at
//! most four requests a day, which the caller enforces through `min_refresh_minutes`.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{
    ParsedPosting, Politeness, SearchQuery, SourceError, SourceInfo, SourceKind, WorkMode, dates, salary_text, text,
};

pub struct Remotive;

impl Source for Remotive {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            attribution: Some("Remotive"),
            min_refresh_minutes: 6 * 60,
            politeness: Politeness { min_interval: Duration::from_secs(30), ..Politeness::default() },
            ..SourceInfo::board(
                SourceKind::Remotive,
                "Remotive",
                "https://remotive.com",
                "At most 4 requests a day; link back to Remotive and name it as the source; never re-publish its jobs.",
            )
        }
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_jobs(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let what = self.describe(param);
            let query = SearchQuery::from_param(param);
            let url = format!(
                "{}/api/remote-jobs?{}",
                context.base_url(SourceKind::Remotive),
                super::query_string(&[("search", &query.keywords)])
            );
            crate::source::fetch_single(self, context, url.trim_end_matches('?').to_string(), &what).await
        })
    }
}

#[derive(Deserialize)]
struct Envelope {
    jobs: Vec<Value>,
}

#[derive(Deserialize)]
struct Job {
    id: Value,
    url: Option<String>,
    title: Option<String>,
    company_name: Option<String>,
    job_type: Option<String>,
    publication_date: Option<String>,
    candidate_required_location: Option<String>,
    salary: Option<String>,
    description: Option<String>,
}

pub fn parse_jobs(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|error| malformed("Remotive", error))?;
    Ok(parse_items("Remotive", envelope.jobs, |item| parse_job(item).map(Some)))
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    Ok(ParsedPosting {
        source: SourceKind::Remotive,
        source_id: id_text(&job.id).ok_or("job without an id")?,
        url: job.url.clone(),
        apply_url: job.url,
        title: clean_opt(job.title.as_deref()),
        company: clean_opt(job.company_name.as_deref()),
        locations: clean_opt(job.candidate_required_location.as_deref()).into_iter().collect(),
        work_mode: Some(WorkMode::Remote),
        employment_type: job.job_type.as_deref().and_then(text::employment_type),
        salary: job.salary.as_deref().and_then(salary_text::parse_salary_text),
        posted_at: job.publication_date.as_deref().and_then(dates::parse_date),
        description_html: job.description,
        payload,
    })
}

//! Dover careers pages: `GET https://app.dover.com/api/v1/careers-page/{company}/jobs`, a bare
//! array of jobs with their locations and workplace type; sample and unpublished jobs are not
//! real openings. Notes: docs/sources/dover.md (the endpoint is inferred, not recorded).

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceInfo, SourceKind, WorkMode};

pub struct Dover;

/// `app.dover.com/jobs/{company}` or `app.dover.com/apply/{company}/{job}`, or the company's id.
pub fn company_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Dover", input, &["app.dover.com", "dover.com"], |_, url| {
        let segments = super::segments(url);
        match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["api", "v1", "careers-page", company, ..] => Some(company.to_string()),
            ["jobs" | "apply", company, ..] => Some(company.to_string()),
            _ => None,
        }
    })
}

impl Source for Dover {
    fn info(&self) -> SourceInfo {
        SourceInfo::ats(SourceKind::Dover, "Dover", "https://app.dover.com", "https://app.dover.com/jobs/acme")
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        company_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Dover careers page '{param}'")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_jobs(body, None)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let company = company_from_input(param)?;
            let what = self.describe(&company);
            let url = format!("{}/api/v1/careers-page/{company}/jobs", context.base_url(SourceKind::Dover));
            let body = context.get(SourceKind::Dover, url, &what).await?;
            Ok(FetchOutcome::single_page(parse_jobs(&body, Some(&company)).map_err(|error| error.about(&what))?))
        })
    }
}

#[derive(Deserialize)]
struct Job {
    id: String,
    title: Option<String>,
    #[serde(default)]
    locations: Vec<Location>,
    workplace_type: Option<String>,
    is_published: Option<bool>,
    is_sample: Option<bool>,
}

#[derive(Deserialize)]
struct Location {
    name: Option<String>,
    location_option: Option<LocationOption>,
}

#[derive(Deserialize)]
struct LocationOption {
    display_name: Option<String>,
}

pub fn parse_jobs(body: &[u8], company: Option<&str>) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Dover", error))?;
    Ok(parse_items("Dover", items, |item| job(item, company)))
}

fn job(payload: Value, company: Option<&str>) -> Result<Option<ParsedPosting>, String> {
    let job: Job = typed(&payload)?;
    if job.is_sample == Some(true) || job.is_published == Some(false) {
        return Ok(None);
    }
    let mut places: Vec<String> = Vec::new();
    for location in &job.locations {
        let name = clean_opt(location.name.as_deref())
            .or_else(|| location.location_option.as_ref().and_then(|option| clean_opt(option.display_name.as_deref())));
        if let Some(name) = name
            && !places.contains(&name)
        {
            places.push(name);
        }
    }
    let url = company.map(|company| format!("https://app.dover.com/apply/{company}/{}", job.id));
    Ok(Some(ParsedPosting {
        source: SourceKind::Dover,
        source_id: job.id,
        url: url.clone(),
        apply_url: url,
        title: clean_opt(job.title.as_deref()),
        company: None,
        locations: places,
        work_mode: job.workplace_type.as_deref().and_then(WorkMode::from_text),
        employment_type: None,
        salary: None,
        posted_at: None,
        description_html: None,
        payload,
    }))
}

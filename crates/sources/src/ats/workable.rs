//! Workable careers widget: `GET /api/v1/widget/accounts/{slug}?details=true`, no paging.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, Politeness, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct Workable;

pub fn account_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Workable", input, &["workable.com"], |host, url| {
        let segments = super::segments(url);
        if let Some(subdomain) = host.strip_suffix(".workable.com").filter(|sub| !matches!(*sub, "apply" | "jobs")) {
            return Some(subdomain.to_string());
        }
        match segments.as_slice() {
            [api, .., accounts, slug] if api == "api" && accounts == "accounts" => Some(slug.clone()),
            [j, ..] if j == "j" => None,
            [slug, ..] => Some(slug.clone()),
            [] => None,
        }
    })
    .map(|slug| slug.to_ascii_lowercase())
}

impl Source for Workable {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            terms: "Workable's careers widget is not an official public API: polled slowly, stopped on 401/403/429.",
            politeness: Politeness { min_interval: Duration::from_secs(2), max_retries: 1, stop_on_rate_limit: true },
            ..SourceInfo::ats(SourceKind::Workable, "Workable", "https://apply.workable.com", "vortexa")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        account_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Workable account '{param}'")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_account(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let slug = account_from_input(param)?;
            let what = self.describe(&slug);
            let url = format!("{}/api/v1/widget/accounts/{slug}?details=true", context.base_url(SourceKind::Workable));
            crate::source::fetch_single(self, context, url, &what).await
        })
    }
}

#[derive(Deserialize)]
struct Account {
    name: Option<String>,
    jobs: Vec<Value>,
}

#[derive(Deserialize)]
struct Job {
    title: Option<String>,
    shortcode: String,
    employment_type: Option<String>,
    telecommuting: Option<bool>,
    url: Option<String>,
    application_url: Option<String>,
    published_on: Option<String>,
    created_at: Option<String>,
    city: Option<String>,
    state: Option<String>,
    country: Option<String>,
    #[serde(default)]
    locations: Vec<Location>,
    description: Option<String>,
}

#[derive(Deserialize)]
struct Location {
    city: Option<String>,
    region: Option<String>,
    country: Option<String>,
    #[serde(default)]
    hidden: bool,
}

pub fn parse_account(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let account: Account = serde_json::from_slice(body).map_err(|error| malformed("Workable", error))?;
    let company = clean_opt(account.name.as_deref());
    Ok(parse_items("Workable", account.jobs, |item| parse_job(item, company.clone()).map(Some)))
}

fn place(parts: [Option<&str>; 3]) -> Option<String> {
    let mut kept: Vec<&str> = Vec::new();
    for part in parts.into_iter().flatten().map(str::trim).filter(|part| !part.is_empty()) {
        if !kept.contains(&part) {
            kept.push(part);
        }
    }
    (!kept.is_empty()).then(|| kept.join(", "))
}

fn parse_job(payload: Value, company: Option<String>) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    let mut locations: Vec<String> = job
        .locations
        .iter()
        .filter(|location| !location.hidden)
        .filter_map(|location| {
            place([location.city.as_deref(), location.region.as_deref(), location.country.as_deref()])
        })
        .collect();
    if locations.is_empty() {
        locations.extend(place([job.city.as_deref(), job.state.as_deref(), job.country.as_deref()]));
    }
    Ok(ParsedPosting {
        source: SourceKind::Workable,
        source_id: job.shortcode,
        url: job.url,
        apply_url: job.application_url,
        title: clean_opt(job.title.as_deref()),
        company,
        locations,
        work_mode: job.telecommuting.filter(|remote| *remote).map(|_| WorkMode::Remote),
        employment_type: job.employment_type.as_deref().and_then(text::employment_type),
        salary: None,
        posted_at: job.published_on.or(job.created_at).as_deref().and_then(dates::parse_date),
        description_html: job.description,
        payload,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_come_out_of_urls() {
        for (input, slug) in [
            ("vortexa", "vortexa"),
            ("https://apply.workable.com/vortexa/", "vortexa"),
            ("apply.workable.com/vortexa/j/FB313AEBAB", "vortexa"),
            ("https://vortexa.workable.com", "vortexa"),
            ("https://www.workable.com/api/accounts/vortexa?details=true", "vortexa"),
        ] {
            assert_eq!(account_from_input(input).ok().as_deref(), Some(slug), "{input}");
        }
        assert!(account_from_input("https://apply.workable.com/j/FB313AEBAB").is_err());
    }
}

//! Greenhouse Job Board API: `GET /v1/boards/{token}/jobs?content=true` for the board, then
//! `GET /v1/boards/{token}/jobs/{id}?pay_transparency=true` per job for pay ranges.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{DetailCall, read_details};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::{clean_opt, decode_escaped_html};
use crate::{ParsedPosting, Politeness, Salary, SalaryPeriod, SourceError, SourceInfo, SourceKind, WorkMode, dates};

const BOARD_HOSTS: &[&str] =
    &["boards.greenhouse.io", "job-boards.greenhouse.io", "boards-api.greenhouse.io", "api.greenhouse.io"];

pub struct Greenhouse;

/// Finds the board token in what a person types or pastes: a bare token (`vercel`), a board URL
/// (`https://job-boards.greenhouse.io/vercel/jobs/123`), an embed URL (`...?for=vercel`) or an API URL.
pub fn board_token_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Greenhouse", input, BOARD_HOSTS, |_, url| {
        if let Some((_, token)) = url.query_pairs().find(|(key, _)| key == "for") {
            return Some(token.into_owned());
        }
        match super::segments(url).as_slice() {
            [v1, boards, token, ..] if v1 == "v1" && boards == "boards" => Some(token.clone()),
            [embed, ..] if embed == "embed" => None,
            [token, ..] => Some(token.clone()),
            [] => None,
        }
    })
    .map(|token| token.to_ascii_lowercase())
}

pub fn jobs_url(base_url: &str, token: &str) -> String {
    format!("{}/v1/boards/{token}/jobs?content=true", base_url.trim_end_matches('/'))
}

impl Source for Greenhouse {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            // One list call plus a pay-range call per new job: a shorter gap keeps a first
            // fetch of a large board to seconds, not minutes.
            politeness: Politeness { min_interval: Duration::from_millis(200), ..Politeness::default() },
            ..SourceInfo::ats(SourceKind::Greenhouse, "Greenhouse", "https://boards-api.greenhouse.io", "vercel")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        board_token_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Greenhouse board '{param}'")
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
            let token = board_token_from_input(param)?;
            let what = self.describe(&token);
            let base = context.base_url(SourceKind::Greenhouse);
            let body = context.get(SourceKind::Greenhouse, jobs_url(base, &token), &what).await?;
            let mut postings = parse_jobs(&body).map_err(|error| error.about(&what))?;
            let mut outcome = FetchOutcome { pages: 1, ..FetchOutcome::default() };
            let pay = DetailCall {
                kind: SourceKind::Greenhouse,
                reads: "pay ranges",
                request: |posting: &ParsedPosting| {
                    let id = &posting.source_id;
                    (format!("{base}/v1/boards/{token}/jobs/{id}?pay_transparency=true"), format!("{what} job {id}"))
                },
                apply: |posting: &mut ParsedPosting, detail: &[u8]| posting.salary = pay_range(detail),
            };
            let unread = read_details(&context, &mut postings, pay, &mut outcome.warnings).await;
            if unread > 0 {
                let budget = context.limits.max_detail_requests;
                outcome.warnings.push(format!("pay ranges not read for {unread} new jobs (limit {budget} per fetch)"));
            }
            outcome.postings = postings;
            Ok(outcome)
        })
    }
}

#[derive(Deserialize)]
struct PayDetail {
    #[serde(default)]
    pay_input_ranges: Vec<PayRange>,
}

#[derive(Deserialize)]
struct PayRange {
    min_cents: Option<f64>,
    max_cents: Option<f64>,
    currency_type: Option<String>,
    title: Option<String>,
    blurb: Option<String>,
}

/// The first pay range of a job detail. Greenhouse does not state the period; ranges are yearly
/// unless their title or blurb says hourly.
pub fn pay_range(detail: &[u8]) -> Option<Salary> {
    let detail: PayDetail = serde_json::from_slice(detail).ok()?;
    let range = detail.pay_input_ranges.into_iter().next()?;
    let words = format!("{} {}", range.title.unwrap_or_default(), range.blurb.unwrap_or_default()).to_lowercase();
    let period = if words.contains("hour") { SalaryPeriod::Hour } else { SalaryPeriod::Year };
    let dollars = |cents: Option<f64>| cents.map(|cents| cents / 100.0);
    Salary::new(dollars(range.min_cents), dollars(range.max_cents), range.currency_type, period)
}

#[derive(Deserialize)]
struct Board {
    jobs: Vec<Value>,
}

#[derive(Deserialize)]
struct Job {
    id: Value,
    title: Option<String>,
    absolute_url: Option<String>,
    company_name: Option<String>,
    location: Option<Location>,
    first_published: Option<String>,
    content: Option<String>,
    #[serde(default)]
    metadata: Option<Vec<Metadata>>,
}

#[derive(Deserialize)]
struct Location {
    name: Option<String>,
}

#[derive(Deserialize)]
struct Metadata {
    name: Option<String>,
    value: Option<Value>,
}

/// Parses a board listing. A body that is not a board is an error; a single job that does not
/// fit the schema is skipped with a warning, so one odd post never hides the rest of the board.
pub fn parse_jobs(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let board: Board = serde_json::from_slice(body).map_err(|error| malformed("Greenhouse", error))?;
    Ok(parse_items("Greenhouse", board.jobs, |item| parse_job(item).map(Some)))
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    let source_id = id_text(&job.id).ok_or("job without an id")?;
    let location_name = clean_opt(job.location.and_then(|location| location.name).as_deref());
    let work_mode = job.metadata.as_deref().and_then(work_mode_from_metadata);
    Ok(ParsedPosting {
        source: SourceKind::Greenhouse,
        source_id,
        url: job.absolute_url.clone(),
        apply_url: job.absolute_url,
        title: clean_opt(job.title.as_deref()),
        company: clean_opt(job.company_name.as_deref()),
        locations: location_name.into_iter().collect(),
        work_mode,
        employment_type: None,
        salary: None,
        posted_at: job.first_published.as_deref().and_then(dates::parse_date),
        description_html: job.content.as_deref().map(decode_escaped_html),
        payload,
    })
}

/// Some companies expose a "Workplace Type" custom field (e.g. Airbnb: `"Remote"`).
fn work_mode_from_metadata(metadata: &[Metadata]) -> Option<WorkMode> {
    metadata
        .iter()
        .filter(|field| field.name.as_deref().is_some_and(|name| name.to_ascii_lowercase().contains("workplace")))
        .filter_map(|field| field.value.as_ref()?.as_str())
        .find_map(|value| match value.trim().to_ascii_lowercase().replace(['-', ' '], "").as_str() {
            "remote" => Some(WorkMode::Remote),
            "hybrid" => Some(WorkMode::Hybrid),
            "onsite" | "inoffice" | "office" => Some(WorkMode::Onsite),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_come_out_of_every_board_url_shape() {
        for (input, token) in [
            ("vercel", "vercel"),
            ("  Vercel ", "vercel"),
            ("https://boards.greenhouse.io/vercel", "vercel"),
            ("https://job-boards.greenhouse.io/vercel/jobs/6136160004", "vercel"),
            ("job-boards.greenhouse.io/vercel/", "vercel"),
            ("https://boards.greenhouse.io/embed/job_board?for=airbnb", "airbnb"),
            ("https://boards-api.greenhouse.io/v1/boards/stripe/jobs?content=true", "stripe"),
        ] {
            assert_eq!(board_token_from_input(input).ok().as_deref(), Some(token), "{input}");
        }
    }

    #[test]
    fn other_input_is_refused_with_a_hint() {
        for input in ["", "https://jobs.lever.co/vercel", "https://boards.greenhouse.io/", "two words"] {
            let error = board_token_from_input(input).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains("Greenhouse"), "{input}: {error}");
        }
    }

    #[test]
    fn content_is_unescaped_once_or_twice_but_never_more() {
        assert_eq!(decode_escaped_html("&lt;p&gt;Hi&lt;/p&gt;"), "<p>Hi</p>");
        assert_eq!(decode_escaped_html("Text &amp;lt;p&amp;gt;x"), "Text <p>x");
        assert_eq!(decode_escaped_html("&lt;p&gt;a &amp;lt; b&lt;/p&gt;"), "<p>a &lt; b</p>");
    }
}

//! Remote OK: `GET /api`, the whole board in one array whose first element is the legal notice.

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::{clean_opt, repair_mojibake};
use crate::{ParsedPosting, Salary, SalaryPeriod, SourceError, SourceInfo, SourceKind, WorkMode, dates};

pub struct RemoteOk;

impl Source for RemoteOk {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            attribution: Some("Remote OK"),
            ..SourceInfo::board(
                SourceKind::Remoteok,
                "Remote OK",
                "https://remoteok.com",
                "Link back to the job on Remote OK and name Remote OK as the source; don't use its logo.",
            )
        }
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_feed(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let what = self.describe(param);
            // The API takes no search: the board is small and filtered locally by the pipeline.
            let url = format!("{}/api", context.base_url(SourceKind::Remoteok));
            crate::source::fetch_single(self, context, url, &what).await
        })
    }
}

#[derive(Deserialize)]
struct Job {
    id: Value,
    position: Option<String>,
    company: Option<String>,
    location: Option<String>,
    description: Option<String>,
    date: Option<String>,
    epoch: Option<Value>,
    url: Option<String>,
    apply_url: Option<String>,
    salary_min: Option<f64>,
    salary_max: Option<f64>,
}

pub fn parse_feed(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Remote OK", error))?;
    Ok(parse_items("Remote OK", items, parse_job))
}

fn parse_job(payload: Value) -> Result<Option<ParsedPosting>, String> {
    if payload.get("legal").is_some() || payload.get("id").is_none() {
        return Ok(None);
    }
    let job: Job = typed(&payload)?;
    let source_id = id_text(&job.id).ok_or("job without an id")?;
    let repaired = |text: Option<String>| text.map(|text| repair_mojibake(&text));
    // Remote OK states no currency; its salaries are US dollars a year.
    let salary = Salary::new(job.salary_min, job.salary_max, Some("USD".into()), SalaryPeriod::Year);
    Ok(Some(ParsedPosting {
        source: SourceKind::Remoteok,
        source_id,
        url: job.url,
        apply_url: job.apply_url,
        title: clean_opt(repaired(job.position).as_deref()),
        company: clean_opt(repaired(job.company).as_deref()),
        locations: clean_opt(job.location.as_deref()).into_iter().collect(),
        work_mode: Some(WorkMode::Remote),
        employment_type: None,
        salary,
        posted_at: job
            .date
            .as_deref()
            .and_then(dates::parse_date)
            .or_else(|| job.epoch.as_ref().and_then(dates::from_epoch_value)),
        description_html: repaired(job.description),
        payload,
    }))
}

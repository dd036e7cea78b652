//! Ashby public job board: `GET /posting-api/job-board/{board}?includeCompensation=true`, no paging.

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{
    ParsedPosting, Salary, SalaryPeriod, SourceError, SourceInfo, SourceKind, WorkMode, dates, salary_text, text,
};

pub struct Ashby;

pub fn board_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Ashby", input, &["ashbyhq.com"], |_, url| match super::segments(url).as_slice() {
        [api, board_word, board, ..] if api == "posting-api" && board_word == "job-board" => Some(board.clone()),
        [board, ..] => Some(board.clone()),
        [] => None,
    })
}

impl Source for Ashby {
    fn info(&self) -> SourceInfo {
        SourceInfo::ats(SourceKind::Ashby, "Ashby", "https://api.ashbyhq.com", "linear")
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        board_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Ashby board '{param}'")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_board(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let board = board_from_input(param)?;
            let what = self.describe(&board);
            let url = format!(
                "{}/posting-api/job-board/{board}?includeCompensation=true",
                context.base_url(SourceKind::Ashby)
            );
            crate::source::fetch_single(self, context, url, &what).await
        })
    }
}

#[derive(Deserialize)]
struct Board {
    jobs: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Job {
    id: String,
    title: Option<String>,
    employment_type: Option<String>,
    location: Option<String>,
    #[serde(default)]
    secondary_locations: Vec<Value>,
    published_at: Option<String>,
    is_listed: Option<bool>,
    is_remote: Option<bool>,
    workplace_type: Option<String>,
    job_url: Option<String>,
    apply_url: Option<String>,
    description_html: Option<String>,
    compensation: Option<Compensation>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Compensation {
    compensation_tier_summary: Option<String>,
    #[serde(default)]
    summary_components: Vec<Component>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Component {
    compensation_type: Option<String>,
    interval: Option<String>,
    currency_code: Option<String>,
    min_value: Option<f64>,
    max_value: Option<f64>,
}

pub fn parse_board(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let board: Board = serde_json::from_slice(body).map_err(|error| malformed("Ashby", error))?;
    Ok(parse_items("Ashby", board.jobs, parse_job))
}

fn parse_job(payload: Value) -> Result<Option<ParsedPosting>, String> {
    let job: Job = typed(&payload)?;
    if job.is_listed == Some(false) {
        return Ok(None);
    }
    let mut locations: Vec<String> = clean_opt(job.location.as_deref()).into_iter().collect();
    locations.extend(job.secondary_locations.iter().filter_map(|location| match location {
        Value::String(name) => text::clean(name),
        other => clean_opt(other.get("location").and_then(Value::as_str)),
    }));
    let work_mode = match job.workplace_type.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("remote") => Some(WorkMode::Remote),
        Some("hybrid") => Some(WorkMode::Hybrid),
        Some("onsite") | Some("on-site") | Some("inoffice") => Some(WorkMode::Onsite),
        _ if job.is_remote == Some(true) => Some(WorkMode::Remote),
        _ => None,
    };
    Ok(Some(ParsedPosting {
        source: SourceKind::Ashby,
        source_id: job.id,
        url: job.job_url,
        apply_url: job.apply_url,
        title: clean_opt(job.title.as_deref()),
        company: None,
        locations,
        work_mode,
        employment_type: job.employment_type.as_deref().and_then(text::employment_type),
        salary: job.compensation.and_then(salary),
        posted_at: job.published_at.as_deref().and_then(dates::parse_date),
        description_html: job.description_html,
        payload,
    }))
}

fn salary(compensation: Compensation) -> Option<Salary> {
    let structured = compensation.summary_components.into_iter().find_map(|component| {
        if component.compensation_type.as_deref() != Some("Salary") {
            return None;
        }
        let interval = component.interval.unwrap_or_default().to_ascii_uppercase();
        let period = if interval.contains("HOUR") {
            SalaryPeriod::Hour
        } else if interval.contains("DAY") {
            SalaryPeriod::Day
        } else if interval.contains("WEEK") {
            SalaryPeriod::Week
        } else if interval.contains("MONTH") {
            SalaryPeriod::Month
        } else {
            SalaryPeriod::Year
        };
        Salary::new(component.min_value, component.max_value, component.currency_code, period)
    });
    structured.or_else(|| compensation.compensation_tier_summary.as_deref().and_then(salary_text::parse_salary_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_compensation_wins_over_the_summary() {
        let compensation: Compensation = serde_json::from_value(serde_json::json!({
            "compensationTierSummary": "$211.4K – $290.6K • Offers Equity",
            "summaryComponents": [
                {"compensationType": "EquityPercentage", "interval": "NONE", "currencyCode": null, "minValue": 0.1, "maxValue": 0.2},
                {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 211400, "maxValue": 290600}
            ]
        }))
        .unwrap_or_else(|error| panic!("{error}"));
        let salary = super::salary(compensation).map(|s| (s.min, s.max, s.currency, s.period));
        assert_eq!(salary, Some((Some(211_400.0), Some(290_600.0), Some("USD".into()), SalaryPeriod::Year)));
    }

    #[test]
    fn the_summary_is_read_when_there_are_no_components() {
        let compensation = Compensation {
            compensation_tier_summary: Some("$211.4K – $290.6K • Offers Equity".into()),
            summary_components: Vec::new(),
        };
        let salary = super::salary(compensation).map(|s| (s.min, s.max));
        assert_eq!(salary, Some((Some(211_400.0), Some(290_600.0))));
    }
}

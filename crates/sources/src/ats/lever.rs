//! Lever Postings API: `GET /v0/postings/{site}?mode=json&skip=N&limit=N`, global or EU host.

use serde::Deserialize;
use serde_json::Value;

use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, Salary, SalaryPeriod, SourceError, SourceInfo, SourceKind, WorkMode, dates, text};

pub struct Lever;

const PAGE_SIZE: usize = 100;
const EU_PREFIX: &str = "eu:";

/// `spotify`, `eu:acme`, `https://jobs.lever.co/spotify/...` or `https://jobs.eu.lever.co/acme`.
pub fn site_from_input(input: &str) -> Result<String, SourceError> {
    let trimmed = input.trim();
    if let Some(site) = trimmed.strip_prefix(EU_PREFIX) {
        return super::token_from_input("Lever", site, &[], |_, _| None).map(|site| format!("{EU_PREFIX}{site}"));
    }
    let site =
        super::token_from_input("Lever", trimmed, &["lever.co"], |_, url| match super::segments(url).as_slice() {
            [v0, postings, site, ..] if v0 == "v0" && postings == "postings" => Some(site.clone()),
            [site, ..] => Some(site.clone()),
            [] => None,
        })?;
    let eu_host = super::as_url(trimmed).is_some_and(|url| super::host(&url).contains(".eu.lever.co"));
    Ok(if eu_host { format!("{EU_PREFIX}{site}") } else { site })
}

impl Source for Lever {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "Company site name or jobs.lever.co URL (eu:NAME for the EU host)",
            ..SourceInfo::ats(SourceKind::Lever, "Lever", "https://api.lever.co", "spotify")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        site_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Lever board '{}'", param.trim_start_matches(EU_PREFIX))
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_postings(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let param = site_from_input(param)?;
            let what = self.describe(&param);
            let (base, site) = match param.strip_prefix(EU_PREFIX) {
                Some(site) => (context.endpoints.lever_eu_base_url(), site),
                None => (context.base_url(SourceKind::Lever), param.as_str()),
            };
            let page = |skip: usize| {
                let what = &what;
                async move {
                    let url = format!("{base}/v0/postings/{site}?mode=json&skip={skip}&limit={PAGE_SIZE}");
                    let body = context.get(SourceKind::Lever, url, what).await?;
                    let postings = parse_postings(&body).map_err(|error| error.about(what))?;
                    let next = (postings.len() >= PAGE_SIZE).then_some(skip + postings.len());
                    Ok(Paged { postings, next })
                }
            };
            let stopped = |outcome: &FetchOutcome, _: &_| format!("stopped after {} pages", outcome.pages);
            read_pages(context.limits.max_pages, 0, page, stopped).await
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Posting {
    id: String,
    text: Option<String>,
    #[serde(default)]
    categories: Categories,
    created_at: Option<Value>,
    workplace_type: Option<String>,
    description: Option<String>,
    #[serde(default)]
    lists: Vec<ListSection>,
    additional: Option<String>,
    hosted_url: Option<String>,
    apply_url: Option<String>,
    salary_range: Option<SalaryRange>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Categories {
    commitment: Option<String>,
    location: Option<String>,
    #[serde(default)]
    all_locations: Vec<String>,
}

#[derive(Deserialize)]
struct ListSection {
    text: Option<String>,
    content: Option<String>,
}

#[derive(Deserialize)]
struct SalaryRange {
    currency: Option<String>,
    interval: Option<String>,
    min: Option<f64>,
    max: Option<f64>,
}

pub fn parse_postings(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Lever", error))?;
    Ok(parse_items("Lever", items, |item| parse_posting(item).map(Some)))
}

fn parse_posting(payload: Value) -> Result<ParsedPosting, String> {
    let posting: Posting = typed(&payload)?;
    let mut locations: Vec<String> = posting.categories.all_locations.iter().filter_map(|l| text::clean(l)).collect();
    if locations.is_empty() {
        locations.extend(clean_opt(posting.categories.location.as_deref()));
    }
    let work_mode = match posting.workplace_type.as_deref() {
        Some("remote") => Some(WorkMode::Remote),
        Some("hybrid") => Some(WorkMode::Hybrid),
        Some("on-site") | Some("onsite") => Some(WorkMode::Onsite),
        _ => None,
    };
    let mut description = posting.description.unwrap_or_default();
    for section in &posting.lists {
        let heading = html_escape::encode_text(section.text.as_deref().unwrap_or_default()).into_owned();
        description.push_str(&format!("<h3>{heading}</h3><ul>{}</ul>", section.content.as_deref().unwrap_or_default()));
    }
    description.push_str(posting.additional.as_deref().unwrap_or_default());
    Ok(ParsedPosting {
        source: SourceKind::Lever,
        source_id: posting.id,
        url: posting.hosted_url,
        apply_url: posting.apply_url,
        title: clean_opt(posting.text.as_deref()),
        company: None,
        locations,
        work_mode,
        employment_type: posting.categories.commitment.as_deref().and_then(text::employment_type),
        salary: posting.salary_range.and_then(salary),
        posted_at: posting.created_at.as_ref().and_then(dates::from_epoch_value),
        description_html: (!description.is_empty()).then_some(description),
        payload,
    })
}

fn salary(range: SalaryRange) -> Option<Salary> {
    let period = match range.interval.as_deref().unwrap_or("per-year-salary") {
        interval if interval.contains("hour") => SalaryPeriod::Hour,
        interval if interval.contains("day") => SalaryPeriod::Day,
        interval if interval.contains("week") => SalaryPeriod::Week,
        interval if interval.contains("month") => SalaryPeriod::Month,
        interval if interval.contains("year") => SalaryPeriod::Year,
        // "one-time" pay is not a salary.
        _ => return None,
    };
    Salary::new(range.min, range.max, range.currency, period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_come_out_of_urls_and_keep_the_eu_host() {
        for (input, site) in [
            ("spotify", "spotify"),
            ("https://jobs.lever.co/spotify", "spotify"),
            ("jobs.lever.co/spotify/3b5d7a0e-1234/apply", "spotify"),
            ("https://jobs.eu.lever.co/acme", "eu:acme"),
            ("eu:acme", "eu:acme"),
            ("https://api.lever.co/v0/postings/spotify?mode=json", "spotify"),
        ] {
            assert_eq!(site_from_input(input).ok().as_deref(), Some(site), "{input}");
        }
        assert!(site_from_input("https://boards.greenhouse.io/x").is_err());
    }

    #[test]
    fn salary_ranges_keep_their_interval() {
        let hourly = SalaryRange {
            currency: Some("USD".into()),
            interval: Some("per-hour-wage".into()),
            min: Some(30.0),
            max: Some(40.0),
        };
        let salary = super::salary(hourly).map(|s| (s.period, s.yearly_min));
        assert_eq!(salary, Some((SalaryPeriod::Hour, Some(62_400.0))));
        let once = SalaryRange { currency: None, interval: Some("one-time".into()), min: Some(1.0), max: None };
        assert_eq!(super::salary(once), None);
    }
}

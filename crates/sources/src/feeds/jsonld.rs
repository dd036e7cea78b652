//! Any job or careers page carrying schema.org `JobPosting` JSON-LD: one posting, a list, or an
//! `@graph`.

use scraper::{Html, Selector};
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::{clean, clean_opt};
use crate::{
    ParsedPosting, Salary, SalaryPeriod, SourceCategory, SourceError, SourceInfo, SourceKind, WorkMode, dates, text,
};

pub struct JsonLd;

impl Source for JsonLd {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            label: "Careers page",
            category: SourceCategory::Feed,
            param_label: "Job or careers page URL",
            param_example: "https://example.com/careers",
            param_optional: false,
            ..SourceInfo::board(
                SourceKind::Jsonld,
                "Careers page (schema.org JobPosting)",
                "",
                "Respect the site's terms and robots.txt.",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        super::page_url("careers page", input)
    }

    fn describe(&self, param: &str) -> String {
        format!("page {param}")
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_page(body, None)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let url = super::page_url("careers page", param)?;
            let what = self.describe(&url);
            let body = context.get(SourceKind::Jsonld, url.clone(), &what).await?;
            let postings = parse_page(&body, Some(&url)).map_err(|error| error.about(&what))?;
            if postings.is_empty() {
                return Err(SourceError::NoJobsFound {
                    url,
                    reason: "the page has no schema.org JobPosting data and is not a known job board".into(),
                });
            }
            Ok(FetchOutcome::single_page(postings))
        })
    }
}

/// Every JobPosting in the page's `application/ld+json` blocks. Blocks that are not valid JSON
/// (common in the wild) are skipped.
pub fn parse_page(body: &[u8], page_url: Option<&str>) -> Result<Vec<ParsedPosting>, SourceError> {
    let html = String::from_utf8_lossy(body);
    let document = Html::parse_document(&html);
    let scripts = Selector::parse(r#"script[type="application/ld+json"]"#)
        .map_err(|error| SourceError::Malformed { what: "page".into(), reason: error.to_string() })?;
    let mut postings = Vec::new();
    for script in document.select(&scripts) {
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            tracing::debug!("skipping a JSON-LD block that is not JSON");
            continue;
        };
        let mut found = Vec::new();
        collect_postings(&value, &mut found);
        postings.extend(found.into_iter().filter_map(|item| posting(item, page_url)));
    }
    Ok(postings)
}

fn is_job_posting(value: &Value) -> bool {
    match value.get("@type") {
        Some(Value::String(kind)) => kind == "JobPosting",
        Some(Value::Array(kinds)) => kinds.iter().any(|kind| kind.as_str() == Some("JobPosting")),
        _ => false,
    }
}

pub(crate) fn collect_postings<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect_postings(item, found)),
        Value::Object(_) if is_job_posting(value) => found.push(value),
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                collect_postings(graph, found);
            }
            if let Some(list) = object.get("itemListElement") {
                collect_postings(list, found);
            }
            if let Some(item) = object.get("item") {
                collect_postings(item, found);
            }
        }
        _ => {}
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => clean(text),
        Value::Number(number) => Some(number.to_string()),
        Value::Object(object) => string(object.get("name").or_else(|| object.get("value"))),
        Value::Array(items) => items.iter().find_map(|item| string(Some(item))),
        _ => None,
    }
}

fn number(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().replace(',', "").parse().ok(),
        _ => None,
    }
}

/// A schema.org `JobPosting` object as a posting (of `Jsonld`; callers that read it elsewhere set
/// their own kind). `page_url` is where it was found, if it names no URL of its own.
pub(crate) fn posting(item: &Value, page_url: Option<&str>) -> Option<ParsedPosting> {
    let title = string(item.get("title")).or_else(|| string(item.get("name")));
    let url = string(item.get("url")).or_else(|| page_url.map(str::to_string));
    let identifier = item.get("identifier").and_then(|id| string(id.get("value")).or_else(|| string(Some(id))));
    let date_posted = string(item.get("datePosted"));
    let source_id = identifier
        .or_else(|| url.clone().filter(|_| page_url.is_none() || item.get("url").is_some()))
        .unwrap_or_else(|| {
            super::stable_id(&[
                page_url.unwrap_or_default(),
                title.as_deref().unwrap_or_default(),
                date_posted.as_deref().unwrap_or_default(),
            ])
        });
    let company = item.get("hiringOrganization").and_then(|organization| string(Some(organization)));
    let locations = locations(item);
    let telecommute = string(item.get("jobLocationType")).is_some_and(|kind| kind.eq_ignore_ascii_case("TELECOMMUTE"));
    let work_mode = if telecommute { Some(WorkMode::Remote) } else { title.as_deref().and_then(WorkMode::from_text) };
    let requirements: Vec<String> = match item.get("applicantLocationRequirements") {
        Some(Value::Array(places)) => places.iter().filter_map(|place| string(Some(place))).collect(),
        Some(place) => string(Some(place)).into_iter().collect(),
        None => Vec::new(),
    };
    let locations = if locations.is_empty() { requirements } else { locations };
    let employment_type = match item.get("employmentType") {
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).find_map(text::employment_type),
        Some(Value::String(kind)) => text::employment_type(kind),
        _ => None,
    };
    Some(ParsedPosting {
        source: SourceKind::Jsonld,
        source_id,
        url: url.clone(),
        apply_url: url,
        title,
        company,
        locations,
        work_mode: work_mode.or(if item.get("applicantLocationRequirements").is_some() {
            Some(WorkMode::Remote)
        } else {
            None
        }),
        employment_type,
        salary: salary(item),
        posted_at: date_posted.as_deref().and_then(dates::parse_date),
        description_html: item.get("description").and_then(Value::as_str).map(crate::text::decode_escaped_html),
        payload: item.clone(),
    })
}

fn locations(item: &Value) -> Vec<String> {
    let places: Vec<&Value> = match item.get("jobLocation") {
        Some(Value::Array(places)) => places.iter().collect(),
        Some(place) => vec![place],
        None => Vec::new(),
    };
    places
        .into_iter()
        .filter_map(|place| {
            let address = place.get("address").unwrap_or(place);
            if let Value::String(text) = address {
                return clean(text);
            }
            let parts: Vec<String> = ["addressLocality", "addressRegion", "addressCountry"]
                .iter()
                .filter_map(|key| string(address.get(*key)))
                .collect();
            (!parts.is_empty())
                .then(|| parts.join(", "))
                .or_else(|| clean_opt(place.get("name").and_then(Value::as_str)))
        })
        .collect()
}

fn salary(item: &Value) -> Option<Salary> {
    let base = item.get("baseSalary").or_else(|| item.get("estimatedSalary"))?;
    let base = if let Value::Array(items) = base { items.first()? } else { base };
    let flat_currency = string(item.get("salaryCurrency"));
    match base {
        Value::Object(object) => {
            let currency = string(object.get("currency")).or(flat_currency);
            let value = object.get("value").unwrap_or(base);
            let (min, max) = match value {
                Value::Object(quantity) => {
                    let single = number(quantity.get("value"));
                    (number(quantity.get("minValue")).or(single), number(quantity.get("maxValue")))
                }
                other => (number(Some(other)), None),
            };
            let unit = string(value.get("unitText")).unwrap_or_else(|| "YEAR".into()).to_ascii_uppercase();
            let period = match unit.as_str() {
                "HOUR" => SalaryPeriod::Hour,
                "DAY" => SalaryPeriod::Day,
                "WEEK" => SalaryPeriod::Week,
                "MONTH" => SalaryPeriod::Month,
                _ => SalaryPeriod::Year,
            };
            Salary::new(min, max, currency, period)
        }
        flat => Salary::new(number(Some(flat)), None, flat_currency, SalaryPeriod::Year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EmploymentType;

    /// A synthetic page in the Google rich-result shape (written for this test from the field
    /// list in the source notes; no real capture was available).
    const GOOGLE_SHAPE: &str = r##"<html><head>
<script type="application/ld+json">{ not json </script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","@id":"#org","name":"Acme"},
 {"@type":["JobPosting"],"title":"Platform Engineer","identifier":{"@type":"PropertyValue","name":"Acme","value":"PE-7"},
  "hiringOrganization":{"@type":"Organization","name":"Acme GmbH"},"datePosted":"2026-09-01T08:00:00+02:00",
  "jobLocationType":"TELECOMMUTE","applicantLocationRequirements":[{"@type":"Country","name":"Germany"}],
  "employmentType":["FULL_TIME"],
  "baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":70000,"maxValue":90000,"unitText":"YEAR"}}}
]}</script></head><body></body></html>"##;

    #[test]
    fn graph_postings_with_monetary_amounts_are_read() {
        let jobs = parse_page(GOOGLE_SHAPE.as_bytes(), Some("https://acme.example/jobs/pe")).unwrap_or_default();
        assert_eq!(jobs.len(), 1);
        let job = &jobs[0];
        assert_eq!(job.source_id, "PE-7");
        assert_eq!(job.title.as_deref(), Some("Platform Engineer"));
        assert_eq!(job.company.as_deref(), Some("Acme GmbH"));
        assert_eq!(job.work_mode, Some(WorkMode::Remote));
        assert_eq!(job.locations, vec!["Germany".to_string()]);
        assert_eq!(job.employment_type, Some(EmploymentType::FullTime));
        assert_eq!(job.url.as_deref(), Some("https://acme.example/jobs/pe"));
        assert_eq!(job.posted_at.map(|t| t.to_rfc3339()).as_deref(), Some("2026-09-01T06:00:00+00:00"));
        let salary = job.salary.clone().map(|s| (s.min, s.max, s.currency, s.period));
        assert_eq!(salary, Some((Some(70_000.0), Some(90_000.0), Some("EUR".into()), SalaryPeriod::Year)));
    }
}

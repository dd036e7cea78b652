//! USAJOBS Search API: `GET /api/Search?Keyword&LocationName&ResultsPerPage&Page`, with the key in
//! `Authorization-Key` and the registered email as `User-Agent`.

use serde::Deserialize;
use serde_json::Value;

use crate::http::Request;
use crate::paging::{Paged, read_pages};
use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::{malformed, parse_items, typed};
use crate::text::{clean_opt, plain_to_html};
use crate::{
    KeySpec, ParsedPosting, Salary, SalaryPeriod, SearchQuery, SourceError, SourceInfo, SourceKind, WorkMode, dates,
    text,
};

pub struct Usajobs;

pub const API_KEY: &str = "usajobs_api_key";
pub const EMAIL: &str = "usajobs_email";
const PAGE_SIZE: usize = 250;

impl Source for Usajobs {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            keys: &[
                KeySpec { name: "usajobs_api_key", label: "USAJOBS Authorization-Key", required: true },
                KeySpec { name: "usajobs_email", label: "Email registered with USAJOBS", required: true },
            ],
            ..SourceInfo::board(
                SourceKind::Usajobs,
                "USAJOBS",
                "https://data.usajobs.gov",
                "Free key from developer.usajobs.gov, sent with the email you registered; be modest.",
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
            let key = context.credentials.require(SourceKind::Usajobs, API_KEY)?;
            let email = context.credentials.require(SourceKind::Usajobs, EMAIL)?;
            let what = self.describe(param);
            let query = SearchQuery::from_param(param);
            let base = context.base_url(SourceKind::Usajobs);
            let page = |(number, _): (u32, u32)| {
                let (what, query) = (&what, &query);
                async move {
                    let page_number = number.to_string();
                    let params = super::query_string(&[
                        ("Keyword", &query.keywords),
                        ("LocationName", query.location.as_deref().unwrap_or_default()),
                        ("RemoteIndicator", if query.remote_only { "True" } else { "" }),
                        ("ResultsPerPage", &PAGE_SIZE.to_string()),
                        ("Page", &page_number),
                    ]);
                    let request = Request::new(
                        format!("{base}/api/Search?{params}"),
                        what,
                        SourceKind::Usajobs.info().politeness,
                    )
                    .header("Authorization-Key", key)
                    .header("User-Agent", email);
                    let body = context.http.get(&request).await?;
                    let page = parse_page(&body).map_err(|error| error.about(what))?;
                    Ok(Paged {
                        postings: page.postings,
                        next: (number < page.number_of_pages).then_some((number + 1, page.number_of_pages)),
                    })
                }
            };
            let stopped = |outcome: &FetchOutcome, (_, pages): &(u32, u32)| {
                format!("stopped after {} of {pages} pages", outcome.pages)
            };
            read_pages(context.limits.max_pages, (1, 0), page, stopped).await
        })
    }
}

pub struct Page {
    pub postings: Vec<ParsedPosting>,
    pub number_of_pages: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Envelope {
    search_result: SearchResult,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SearchResult {
    #[serde(default)]
    search_result_items: Vec<Value>,
    user_area: Option<ResultUserArea>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ResultUserArea {
    number_of_pages: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Item {
    matched_object_id: Option<Value>,
    matched_object_descriptor: Descriptor,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Descriptor {
    #[serde(rename = "PositionID")]
    position_id: Option<String>,
    position_title: Option<String>,
    #[serde(rename = "PositionURI")]
    position_uri: Option<String>,
    #[serde(rename = "ApplyURI", default)]
    apply_uri: Vec<String>,
    #[serde(default)]
    position_location: Vec<PositionLocation>,
    position_location_display: Option<String>,
    organization_name: Option<String>,
    #[serde(default)]
    position_schedule: Vec<Named>,
    qualification_summary: Option<String>,
    #[serde(default)]
    position_remuneration: Vec<Remuneration>,
    publication_start_date: Option<String>,
    user_area: Option<DescriptorUserArea>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PositionLocation {
    location_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Named {
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Remuneration {
    minimum_range: Option<Value>,
    maximum_range: Option<Value>,
    rate_interval_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescriptorUserArea {
    details: Option<Details>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Details {
    job_summary: Option<String>,
    #[serde(default)]
    major_duties: Vec<String>,
    remote_indicator: Option<bool>,
}

pub fn parse_page(body: &[u8]) -> Result<Page, SourceError> {
    let envelope: Envelope = serde_json::from_slice(body).map_err(|error| malformed("USAJOBS", error))?;
    let result = envelope.search_result;
    let number_of_pages = result
        .user_area
        .and_then(|area| area.number_of_pages)
        .and_then(|pages| match pages {
            Value::Number(number) => number.as_u64(),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        })
        .unwrap_or(1);
    let postings = parse_items("USAJOBS", result.search_result_items, |item| parse_item(item).map(Some));
    Ok(Page { postings, number_of_pages: u32::try_from(number_of_pages).unwrap_or(u32::MAX) })
}

fn amount(value: &Option<Value>) -> Option<f64> {
    match value.as_ref()? {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().replace(',', "").parse().ok(),
        _ => None,
    }
}

fn parse_item(payload: Value) -> Result<ParsedPosting, String> {
    let item: Item = typed(&payload)?;
    let descriptor = item.matched_object_descriptor;
    let source_id = item
        .matched_object_id
        .as_ref()
        .and_then(crate::support::id_text)
        .or_else(|| descriptor.position_id.clone())
        .ok_or("item without an id")?;
    let details = descriptor.user_area.and_then(|area| area.details);
    let mut locations: Vec<String> =
        descriptor.position_location.iter().filter_map(|place| clean_opt(place.location_name.as_deref())).collect();
    if locations.is_empty() {
        locations.extend(clean_opt(descriptor.position_location_display.as_deref()));
    }
    let remote = details.as_ref().and_then(|details| details.remote_indicator) == Some(true)
        || locations.iter().any(|place| place.to_lowercase().contains("remote job"));
    let salary = descriptor.position_remuneration.first().and_then(|pay| {
        let period = match pay.rate_interval_code.as_deref().map(str::trim) {
            Some("PH" | "Per Hour") => SalaryPeriod::Hour,
            Some("PD" | "Per Day") => SalaryPeriod::Day,
            Some("PW" | "Per Week") => SalaryPeriod::Week,
            Some("PM" | "Per Month") => SalaryPeriod::Month,
            Some("PA" | "Per Year") => SalaryPeriod::Year,
            // Bi-weekly and "without compensation" have no clean yearly equivalent here.
            _ => return None,
        };
        Salary::new(amount(&pay.minimum_range), amount(&pay.maximum_range), Some("USD".into()), period)
    });
    let mut description = String::new();
    if let Some(details) = &details {
        description.push_str(&plain_to_html(details.job_summary.as_deref().unwrap_or_default()));
        if !details.major_duties.is_empty() {
            let duties: String = details
                .major_duties
                .iter()
                .map(|duty| format!("<li>{}</li>", html_escape::encode_text(duty.trim())))
                .collect();
            description.push_str(&format!("<h3>Duties</h3><ul>{duties}</ul>"));
        }
    }
    if let Some(summary) = descriptor.qualification_summary.as_deref().filter(|text| !text.trim().is_empty()) {
        description.push_str(&format!("<h3>Qualifications</h3>{}", plain_to_html(summary)));
    }
    Ok(ParsedPosting {
        source: SourceKind::Usajobs,
        source_id,
        url: descriptor.position_uri,
        apply_url: descriptor.apply_uri.into_iter().next(),
        title: clean_opt(descriptor.position_title.as_deref()),
        company: clean_opt(descriptor.organization_name.as_deref()),
        locations,
        work_mode: remote.then_some(WorkMode::Remote),
        employment_type: descriptor
            .position_schedule
            .iter()
            .find_map(|schedule| schedule.name.as_deref().and_then(text::employment_type)),
        salary,
        posted_at: descriptor.publication_start_date.as_deref().and_then(dates::parse_date),
        description_html: (!description.is_empty()).then_some(description),
        payload,
    })
}

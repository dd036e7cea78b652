//! Pinpoint's public postings, `GET https://{company}.pinpointhq.com/postings.json`: every open
//! posting with its description sections and structured pay (minimum, maximum, currency,
//! frequency). Notes: docs/sources/pinpoint.md.

use serde::Deserialize;
use serde_json::Value;

use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, Salary, SalaryPeriod, SourceError, SourceKind, WorkMode, text};

pub struct Pinpoint;

const BOARD: super::CompanyBoard = super::CompanyBoard {
    kind: SourceKind::Pinpoint,
    name: "Pinpoint",
    suffix: "pinpointhq.com",
    path: "/postings.json",
    example: "aawdc",
};

super::one_get_board_source!(Pinpoint, BOARD, parse_postings);

#[derive(Deserialize)]
struct Postings {
    #[serde(default)]
    data: Vec<Value>,
}

#[derive(Deserialize)]
struct Posting {
    id: Value,
    title: Option<String>,
    url: Option<String>,
    description: Option<String>,
    key_responsibilities: Option<String>,
    key_responsibilities_header: Option<String>,
    skills_knowledge_expertise: Option<String>,
    skills_knowledge_expertise_header: Option<String>,
    benefits: Option<String>,
    benefits_header: Option<String>,
    employment_type_text: Option<String>,
    employment_type: Option<String>,
    workplace_type: Option<String>,
    compensation_minimum: Option<f64>,
    compensation_maximum: Option<f64>,
    compensation_currency: Option<String>,
    compensation_frequency: Option<String>,
    compensation_visible: Option<bool>,
    location: Option<Location>,
}

#[derive(Deserialize)]
struct Location {
    city: Option<String>,
    name: Option<String>,
    province: Option<String>,
}

pub fn parse_postings(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let postings: Postings = serde_json::from_slice(body).map_err(|error| malformed("Pinpoint", error))?;
    Ok(parse_items("Pinpoint", postings.data, |item| posting(item).map(Some)))
}

fn posting(payload: Value) -> Result<ParsedPosting, String> {
    let posting: Posting = typed(&payload)?;
    let id = id_text(&posting.id).ok_or("a posting without an id")?;
    let salary = if posting.compensation_visible == Some(false) {
        None
    } else {
        let period = match posting.compensation_frequency.as_deref() {
            Some("hour") => Some(SalaryPeriod::Hour),
            Some("day") => Some(SalaryPeriod::Day),
            Some("week") => Some(SalaryPeriod::Week),
            Some("month") => Some(SalaryPeriod::Month),
            Some("year") => Some(SalaryPeriod::Year),
            _ => None,
        };
        period.and_then(|period| {
            Salary::new(
                posting.compensation_minimum,
                posting.compensation_maximum,
                posting.compensation_currency.clone(),
                period,
            )
        })
    };
    let sections = [
        (None, posting.description.as_deref()),
        (posting.key_responsibilities_header.as_deref(), posting.key_responsibilities.as_deref()),
        (posting.skills_knowledge_expertise_header.as_deref(), posting.skills_knowledge_expertise.as_deref()),
        (posting.benefits_header.as_deref(), posting.benefits.as_deref()),
    ];
    let html: String = sections
        .into_iter()
        .filter_map(|(header, body)| {
            // Trix editor markers carry nothing.
            let body = body?.replace("<!--block-->", "");
            if body.trim().is_empty() {
                return None;
            }
            Some(match header.and_then(|header| clean_opt(Some(header))) {
                Some(header) => format!("<h3>{}</h3>{body}", html_escape::encode_text(&header)),
                None => body,
            })
        })
        .collect();
    let place = posting.location.as_ref().and_then(|location| {
        // "Varies by Listing" is no place; the location's name is what the company calls it.
        let city = clean_opt(location.city.as_deref()).filter(|city| !city.eq_ignore_ascii_case("varies by listing"));
        let parts: Vec<String> = [city, clean_opt(location.province.as_deref())].into_iter().flatten().collect();
        if parts.is_empty() { clean_opt(location.name.as_deref()) } else { Some(parts.join(", ")) }
    });
    Ok(ParsedPosting {
        source: SourceKind::Pinpoint,
        source_id: id,
        url: posting.url.clone(),
        apply_url: posting.url,
        title: clean_opt(posting.title.as_deref()),
        company: None,
        locations: place.into_iter().collect(),
        work_mode: posting.workplace_type.as_deref().and_then(WorkMode::from_text),
        employment_type: posting
            .employment_type_text
            .as_deref()
            .or(posting.employment_type.as_deref())
            .and_then(text::employment_type),
        salary,
        posted_at: None,
        description_html: (!html.is_empty()).then_some(html),
        payload,
    })
}

//! Breezy HR's public JSON, `GET https://{company}.breezy.hr/json`: every published position at
//! once, as a bare array; pay is a display string ("$80,000 – $100,000 / year"). Notes:
//! docs/sources/breezy.md.

use serde::Deserialize;
use serde_json::Value;

use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceKind, WorkMode, dates, text};

pub struct Breezy;

const BOARD: super::CompanyBoard = super::CompanyBoard {
    kind: SourceKind::Breezy,
    name: "Breezy HR",
    suffix: "breezy.hr",
    path: "/json",
    example: "breezy",
};

super::one_get_board_source!(Breezy, BOARD, parse_positions);

#[derive(Deserialize)]
struct Position {
    id: String,
    name: Option<String>,
    url: Option<String>,
    published_date: Option<String>,
    #[serde(rename = "type")]
    kind: Option<Named>,
    location: Option<Location>,
    #[serde(default)]
    locations: Vec<Location>,
    salary: Option<String>,
    company: Option<Named>,
}

#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

#[derive(Deserialize)]
struct Location {
    name: Option<String>,
    is_remote: Option<bool>,
}

pub fn parse_positions(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Breezy HR", error))?;
    Ok(parse_items("Breezy HR", items, |item| position(item).map(Some)))
}

fn position(payload: Value) -> Result<ParsedPosting, String> {
    let position: Position = typed(&payload)?;
    let mut places: Vec<String> = Vec::new();
    for place in position.location.iter().chain(&position.locations) {
        if let Some(name) = clean_opt(place.name.as_deref())
            && !places.contains(&name)
        {
            places.push(name);
        }
    }
    let remote = position.location.iter().chain(&position.locations).any(|place| place.is_remote == Some(true));
    Ok(ParsedPosting {
        source: SourceKind::Breezy,
        source_id: position.id,
        url: position.url.clone(),
        apply_url: position.url,
        title: clean_opt(position.name.as_deref()),
        company: position.company.and_then(|company| clean_opt(company.name.as_deref())),
        locations: places,
        work_mode: remote.then_some(WorkMode::Remote),
        employment_type: position.kind.and_then(|kind| kind.name).as_deref().and_then(text::employment_type),
        salary: position.salary.as_deref().and_then(crate::salary_text::parse_salary_text),
        posted_at: position.published_date.as_deref().and_then(dates::parse_date),
        description_html: None,
        payload,
    })
}

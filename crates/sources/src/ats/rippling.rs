//! Rippling's public job boards: `GET https://api.rippling.com/platform/api/ats/v1/board/{board}/jobs`,
//! a bare array of every open job with its department and work location (no dates, no
//! description). Notes: docs/sources/rippling.md.

use serde::Deserialize;
use serde_json::Value;

use crate::support::{malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceKind, WorkMode};

pub struct Rippling;

/// `ats.rippling.com/{board}` (or a job's page under it), or the board's name.
pub fn board_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Rippling", input, &["ats.rippling.com", "api.rippling.com"], |_, url| {
        let segments = super::segments(url);
        match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["platform", "api", "ats", "v1", "board", board, ..] => Some(board.to_string()),
            [locale, board, ..] if locale.len() == 5 && locale.contains('-') => Some(board.to_string()),
            [board, ..] => Some(board.to_string()),
            [] => None,
        }
    })
}

const BOARD: super::HostedBoard = super::HostedBoard {
    kind: SourceKind::Rippling,
    name: "Rippling",
    base_url: "https://api.rippling.com",
    example: "11fs-group-ltd",
    board: board_from_input,
    path: |board| format!("/platform/api/ats/v1/board/{board}/jobs"),
};

super::one_get_board_source!(Rippling, BOARD, parse_jobs);

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Job {
    uuid: String,
    name: Option<String>,
    url: Option<String>,
    work_location: Option<Label>,
}

#[derive(Deserialize)]
struct Label {
    label: Option<String>,
}

pub fn parse_jobs(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Rippling", error))?;
    Ok(parse_items("Rippling", items, |item| job(item).map(Some)))
}

fn job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = typed(&payload)?;
    // "Remote (United States)": normalizing splits the work mode from the place it is open to.
    let label = job.work_location.and_then(|location| clean_opt(location.label.as_deref()));
    Ok(ParsedPosting {
        source: SourceKind::Rippling,
        source_id: job.uuid,
        url: job.url.clone(),
        apply_url: job.url,
        title: clean_opt(job.name.as_deref()),
        company: None,
        work_mode: label.as_deref().and_then(WorkMode::from_text),
        locations: label.into_iter().collect(),
        employment_type: None,
        salary: None,
        posted_at: None,
        description_html: None,
        payload,
    })
}

//! Gem's public job boards: `GET https://api.gem.com/job_board/v0/{board}/job_posts/`, a bare
//! array of posts shaped like Greenhouse's (HTML `content`, `location`, `offices`, dates in ISO).
//! Notes: docs/sources/gem.md.

use serde::Deserialize;
use serde_json::Value;

use crate::support::{id_text, malformed, parse_items, typed};
use crate::text::clean_opt;
use crate::{ParsedPosting, SourceError, SourceKind, WorkMode, dates, text};

pub struct Gem;

/// `jobs.gem.com/{board}` (or a post under it), or the board's name.
pub fn board_from_input(input: &str) -> Result<String, SourceError> {
    super::token_from_input("Gem", input, &["jobs.gem.com", "api.gem.com"], |_, url| {
        let segments = super::segments(url);
        match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["job_board", "v0", board, ..] => Some(board.to_string()),
            [board, ..] => Some(board.to_string()),
            [] => None,
        }
    })
}

const BOARD: super::HostedBoard = super::HostedBoard {
    kind: SourceKind::Gem,
    name: "Gem",
    base_url: "https://api.gem.com",
    example: "gem",
    board: board_from_input,
    path: |board| format!("/job_board/v0/{board}/job_posts/"),
};

super::one_get_board_source!(Gem, BOARD, parse_posts);

#[derive(Deserialize)]
struct Post {
    id: Value,
    title: Option<String>,
    absolute_url: Option<String>,
    content: Option<String>,
    location: Option<Named>,
    #[serde(default)]
    offices: Vec<Office>,
    location_type: Option<String>,
    employment_type: Option<String>,
    first_published_at: Option<String>,
    created_at: Option<String>,
}

#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

#[derive(Deserialize)]
struct Office {
    location: Option<Named>,
}

pub fn parse_posts(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let items: Vec<Value> = serde_json::from_slice(body).map_err(|error| malformed("Gem", error))?;
    Ok(parse_items("Gem", items, |item| post(item).map(Some)))
}

fn post(payload: Value) -> Result<ParsedPosting, String> {
    let post: Post = typed(&payload)?;
    let id = id_text(&post.id).ok_or("a post without an id")?;
    let mut places: Vec<String> = Vec::new();
    let names = post.location.iter().chain(post.offices.iter().filter_map(|office| office.location.as_ref()));
    for name in names.filter_map(|place| clean_opt(place.name.as_deref())) {
        if !places.contains(&name) {
            places.push(name);
        }
    }
    Ok(ParsedPosting {
        source: SourceKind::Gem,
        source_id: id,
        url: post.absolute_url.clone(),
        apply_url: post.absolute_url,
        title: clean_opt(post.title.as_deref()),
        company: None,
        locations: places,
        work_mode: post.location_type.as_deref().and_then(WorkMode::from_text),
        employment_type: post.employment_type.as_deref().and_then(text::employment_type),
        salary: None,
        posted_at: post.first_published_at.or(post.created_at).as_deref().and_then(dates::parse_date),
        description_html: post.content.filter(|html| !html.trim().is_empty()),
        payload,
    })
}

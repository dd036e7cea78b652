//! Greenhouse Job Board API: `GET /v1/boards/{token}/jobs?content=true`, one request per board.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::{HttpClient, ParsedPosting, SourceError, SourceKind, WorkMode};

const BOARD_HOSTS: &[&str] =
    &["boards.greenhouse.io", "job-boards.greenhouse.io", "boards-api.greenhouse.io", "api.greenhouse.io"];

/// Finds the board token in what a person types or pastes: a bare token (`vercel`), a board URL
/// (`https://job-boards.greenhouse.io/vercel/jobs/123`), an embed URL (`...?for=vercel`) or an API URL.
pub fn board_token_from_input(input: &str) -> Result<String, SourceError> {
    let input = input.trim().trim_end_matches('/');
    let bad = |hint| SourceError::BadParam { kind: "Greenhouse", input: input.to_string(), hint };
    if input.is_empty() {
        return Err(bad("enter a board token such as 'vercel' or paste the board's URL"));
    }
    if is_token(input) {
        return Ok(input.to_ascii_lowercase());
    }
    let with_scheme = if input.contains("://") { input.to_string() } else { format!("https://{input}") };
    let url = url::Url::parse(&with_scheme).map_err(|_| bad("it is neither a board token nor a URL"))?;
    let host = url.host_str().unwrap_or_default().trim_start_matches("www.");
    if !BOARD_HOSTS.contains(&host) {
        return Err(bad("the URL is not on boards.greenhouse.io or job-boards.greenhouse.io"));
    }
    if let Some((_, token)) = url.query_pairs().find(|(key, _)| key == "for")
        && is_token(&token)
    {
        return Ok(token.to_ascii_lowercase());
    }
    let segments: Vec<&str> = url.path_segments().map(|s| s.filter(|s| !s.is_empty()).collect()).unwrap_or_default();
    let token = match segments.as_slice() {
        ["v1", "boards", token, ..] => Some(*token),
        ["embed", ..] => None,
        [token, ..] => Some(*token),
        [] => None,
    };
    token
        .filter(|token| is_token(token))
        .map(str::to_ascii_lowercase)
        .ok_or_else(|| bad("the URL does not name a board; it should look like job-boards.greenhouse.io/COMPANY"))
}

fn is_token(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.len() <= 100
        && candidate.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub fn jobs_url(base_url: &str, token: &str) -> String {
    format!("{}/v1/boards/{token}/jobs?content=true", base_url.trim_end_matches('/'))
}

pub async fn fetch_board(http: &HttpClient, base_url: &str, token: &str) -> Result<Vec<ParsedPosting>, SourceError> {
    let token = board_token_from_input(token)?;
    let what = format!("Greenhouse board '{token}'");
    let body = http.get_bytes(&jobs_url(base_url, &token), &what).await?;
    parse_jobs(&body).map_err(|error| match error {
        SourceError::Malformed { reason, .. } => SourceError::Malformed { what, reason },
        other => other,
    })
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
    let malformed = |reason: String| SourceError::Malformed { what: "Greenhouse response".into(), reason };
    let board: Board =
        serde_json::from_slice(body).map_err(|error| malformed(format!("not a Greenhouse job list ({error})")))?;
    let mut postings = Vec::with_capacity(board.jobs.len());
    for item in board.jobs {
        match parse_job(item) {
            Ok(posting) => postings.push(posting),
            Err(reason) => tracing::warn!("skipping a Greenhouse job: {reason}"),
        }
    }
    Ok(postings)
}

fn parse_job(payload: Value) -> Result<ParsedPosting, String> {
    let job: Job = serde_json::from_value(payload.clone()).map_err(|error| error.to_string())?;
    let source_id = match &job.id {
        Value::Number(number) => number.to_string(),
        Value::String(text) if !text.trim().is_empty() => text.trim().to_string(),
        _ => return Err("job without an id".into()),
    };
    let location_name = job.location.and_then(|location| location.name).map(|name| name.trim().to_string());
    let work_mode = job.metadata.as_deref().and_then(work_mode_from_metadata);
    Ok(ParsedPosting {
        source: SourceKind::Greenhouse,
        source_id,
        url: job.absolute_url.clone(),
        apply_url: job.absolute_url,
        title: non_empty(job.title),
        company: non_empty(job.company_name),
        locations: location_name.filter(|name| !name.is_empty()).into_iter().collect(),
        work_mode,
        employment_type: None,
        salary: None,
        posted_at: job.first_published.as_deref().and_then(parse_timestamp),
        description_html: job.content.as_deref().map(decode_content),
        payload,
    })
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|text| text.trim().to_string()).filter(|text| !text.is_empty())
}

fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim()).ok().map(|time| time.with_timezone(&Utc))
}

/// Greenhouse serves `content` entity-escaped once (live data); its docs show it escaped twice.
/// Unescape until it is HTML, at most twice, so literal `&lt;` in real text survives.
fn decode_content(content: &str) -> String {
    let once = html_escape::decode_html_entities(content).into_owned();
    if !once.contains('<') && once.contains("&lt;") {
        return html_escape::decode_html_entities(&once).into_owned();
    }
    once
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
        assert_eq!(decode_content("&lt;p&gt;Hi&lt;/p&gt;"), "<p>Hi</p>");
        assert_eq!(decode_content("Text &amp;lt;p&amp;gt;x"), "Text <p>x");
        assert_eq!(decode_content("&lt;p&gt;a &amp;lt; b&lt;/p&gt;"), "<p>a &lt; b</p>");
    }
}

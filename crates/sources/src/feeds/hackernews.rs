//! Hacker News "Ask HN: Who is hiring?" through Algolia's HN API: find the latest thread with
//! `search_by_date`, read it with `/items/{id}`, and turn each top-level comment into a job.

use serde::Deserialize;
use serde_json::Value;

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::support::malformed;
use crate::text::{clean, strip_tags};
use crate::{ParsedPosting, SourceCategory, SourceError, SourceInfo, SourceKind, WorkMode, dates, salary_text, text};

pub struct HackerNews;

const THREAD_TITLE: &str = "Ask HN: Who is hiring?";

/// Empty for the latest thread, or a thread id / `news.ycombinator.com/item?id=` URL.
pub fn thread_from_input(input: &str) -> Result<String, SourceError> {
    let input = input.trim();
    if input.is_empty() || input.chars().all(|c| c.is_ascii_digit()) {
        return Ok(input.to_string());
    }
    let with_scheme = if input.contains("://") { input.to_string() } else { format!("https://{input}") };
    url::Url::parse(&with_scheme)
        .ok()
        .filter(|url| url.host_str().is_some_and(|host| host.ends_with("ycombinator.com")))
        .and_then(|url| url.query_pairs().find(|(key, _)| key == "id").map(|(_, id)| id.into_owned()))
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| SourceError::BadParam {
            kind: "Hacker News",
            input: input.to_string(),
            hint: "leave it empty for the latest \"Who is hiring?\" thread, or paste the thread's URL",
        })
}

impl Source for HackerNews {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            label: "Hacker News",
            category: SourceCategory::Feed,
            param_label: "Thread id (empty for the latest \"Who is hiring?\")",
            param_example: "",
            attribution: Some("Hacker News"),
            ..SourceInfo::board(
                SourceKind::Hackernews,
                "Hacker News: Who is hiring?",
                "https://hn.algolia.com",
                "Algolia's HN API allows 10,000 requests an hour; posts belong to their authors.",
            )
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        thread_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        if param.is_empty() { "Hacker News \"Who is hiring?\"".into() } else { format!("Hacker News thread {param}") }
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_thread(body)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let what = self.describe(param);
            let base = context.base_url(SourceKind::Hackernews);
            let mut pages = 0;
            let thread = match thread_from_input(param)? {
                id if !id.is_empty() => id,
                _ => {
                    let url = format!(
                        "{base}/api/v1/search_by_date?tags=story,author_whoishiring&query=who%20is%20hiring&hitsPerPage=10"
                    );
                    let body = context.get(SourceKind::Hackernews, url, &what).await?;
                    pages += 1;
                    latest_thread(&body).map_err(|error| error.about(&what))?.ok_or_else(|| {
                        SourceError::NoJobsFound {
                            url: what.clone(),
                            reason: "no \"Who is hiring?\" thread was found".into(),
                        }
                    })?
                }
            };
            let url = format!("{base}/api/v1/items/{thread}");
            let body = context.get(SourceKind::Hackernews, url, &what).await?;
            let postings = parse_thread(&body).map_err(|error| error.about(&what))?;
            Ok(FetchOutcome { postings, pages: pages + 1, ..FetchOutcome::default() })
        })
    }
}

#[derive(Deserialize)]
struct Search {
    hits: Vec<Value>,
}

/// The newest "Ask HN: Who is hiring?" story id in a `search_by_date` response.
pub fn latest_thread(body: &[u8]) -> Result<Option<String>, SourceError> {
    let search: Search = serde_json::from_slice(body).map_err(|error| malformed("Hacker News", error))?;
    Ok(search.hits.iter().find_map(|hit| {
        let title = hit.get("title")?.as_str()?;
        title.starts_with(THREAD_TITLE).then(|| hit.get("objectID")?.as_str().map(str::to_string)).flatten()
    }))
}

/// Reads an `/items/{id}` tree (top-level children are posts) or a flat `search_by_date` list of
/// comments (only those whose parent is the story; replies are not jobs).
pub fn parse_thread(body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    let root: Value = serde_json::from_slice(body).map_err(|error| malformed("Hacker News", error))?;
    let mut postings = Vec::new();
    if let Some(children) = root.get("children").and_then(Value::as_array) {
        for child in children {
            let text = child.get("text").and_then(Value::as_str).unwrap_or_default();
            let id = child.get("id").and_then(crate::support::id_text);
            if let Some(id) = id {
                let posted = child
                    .get("created_at")
                    .and_then(Value::as_str)
                    .and_then(dates::parse_date)
                    .or_else(|| child.get("created_at_i").and_then(dates::from_epoch_value));
                postings.extend(post(&id, text, posted, strip_children(child)));
            }
        }
    } else if let Some(hits) = root.get("hits").and_then(Value::as_array) {
        for hit in hits {
            let parent = hit.get("parent_id").and_then(Value::as_i64);
            let story = hit.get("story_id").and_then(Value::as_i64);
            if parent.is_none() || parent != story {
                continue;
            }
            let text = hit.get("comment_text").and_then(Value::as_str).unwrap_or_default();
            let Some(id) = hit.get("objectID").and_then(crate::support::id_text) else { continue };
            let posted = hit
                .get("created_at")
                .and_then(Value::as_str)
                .and_then(dates::parse_date)
                .or_else(|| hit.get("created_at_i").and_then(dates::from_epoch_value));
            postings.extend(post(&id, text, posted, hit.clone()));
        }
    } else {
        return Err(malformed("Hacker News", "neither an item with children nor a search result"));
    }
    Ok(postings)
}

/// The post without its reply tree: replies are not part of the job.
fn strip_children(item: &Value) -> Value {
    let mut item = item.clone();
    if let Some(object) = item.as_object_mut() {
        object.remove("children");
    }
    item
}

/// What the first line of a post says, by the thread's `Company | Role | Location | ...` convention.
#[derive(Debug, Default, PartialEq)]
pub struct Headline {
    pub company: Option<String>,
    pub title: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<WorkMode>,
    pub employment: Option<crate::EmploymentType>,
    pub salary: Option<crate::Salary>,
    pub url: Option<String>,
}

fn post(id: &str, html: &str, posted: Option<chrono::DateTime<chrono::Utc>>, payload: Value) -> Option<ParsedPosting> {
    if html.trim().is_empty() {
        return None; // deleted or dead comment
    }
    let first_line = html.split("<p>").next().unwrap_or_default();
    let headline = headline(&strip_tags(first_line));
    let page = format!("https://news.ycombinator.com/item?id={id}");
    Some(ParsedPosting {
        source: SourceKind::Hackernews,
        source_id: id.to_string(),
        url: Some(page.clone()),
        apply_url: headline.url.clone().or(Some(page)),
        title: headline.title,
        company: headline.company,
        locations: headline.location.into_iter().collect(),
        work_mode: headline.work_mode,
        employment_type: headline.employment,
        salary: headline.salary,
        posted_at: posted,
        description_html: Some(html.to_string()),
        payload,
    })
}

pub fn headline(line: &str) -> Headline {
    let mut fields: Vec<String> = line.split(" | ").filter_map(clean).collect();
    if fields.len() < 2 {
        fields = line.split('|').filter_map(clean).collect();
    }
    let mut headline = Headline::default();
    if fields.len() < 2 {
        return headline;
    }
    let mut rest: Vec<String> = Vec::new();
    let mut place_beside_mode = None;
    for field in &fields[1..] {
        let lower = field.to_lowercase();
        if headline.url.is_none() && (lower.starts_with("http") || lower.starts_with("www.")) {
            headline.url = Some(if lower.starts_with("www.") { format!("https://{field}") } else { field.clone() });
            continue;
        }
        if headline.salary.is_none()
            && let Some(salary) = salary_text::parse_salary_text(field)
        {
            headline.salary = Some(salary);
            continue;
        }
        if headline.employment.is_none()
            && field.len() <= 40
            && let Some(kind) = text::employment_type(field)
        {
            headline.employment = Some(kind);
            continue;
        }
        // A field naming the work mode, unless it is the role itself ("Engineer (Remote)").
        let starts_with_mode =
            ["remote", "hybrid", "onsite", "on-site", "on site"].iter().any(|w| lower.starts_with(w));
        if let Some(mode) = WorkMode::from_text(field).filter(|_| starts_with_mode || !rest.is_empty()) {
            headline.work_mode = headline.work_mode.or(Some(mode));
            if starts_with_mode {
                place_beside_mode = place_beside_mode.or_else(|| bracketed_place(field));
            } else {
                rest.push(field.clone());
            }
            continue;
        }
        rest.push(field.clone());
    }
    let mut rest = rest.into_iter();
    headline.company = fields.first().cloned();
    headline.title = rest.next();
    headline.location = rest.next().or(place_beside_mode);
    headline
}

/// The place in "Remote (Europe)" or "Remote - US".
fn bracketed_place(field: &str) -> Option<String> {
    if let (Some(open), Some(close)) = (field.find('('), field.rfind(')'))
        && open < close
    {
        return clean(&field[open + 1..close]);
    }
    field.split_once(" - ").and_then(|(_, place)| clean(place))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EmploymentType, SalaryPeriod};

    #[test]
    fn first_lines_split_into_fields_whatever_their_order() {
        let line = "Modash.io | Senior Product Engineer | Remote (Europe) | Full-time | €75k–110k | https://modash.io";
        let read = headline(line);
        assert_eq!(read.company.as_deref(), Some("Modash.io"));
        assert_eq!(read.title.as_deref(), Some("Senior Product Engineer"));
        assert_eq!(read.location.as_deref(), Some("Europe"));
        assert_eq!(read.work_mode, Some(WorkMode::Remote));
        assert_eq!(read.employment, Some(EmploymentType::FullTime));
        assert_eq!(read.url.as_deref(), Some("https://modash.io"));
        let salary = read.salary.map(|s| (s.min, s.max, s.currency, s.period));
        assert_eq!(salary, Some((Some(75_000.0), Some(110_000.0), Some("EUR".into()), SalaryPeriod::Year)));

        let read = headline("Acme | Engineer (Remote) | Berlin");
        assert_eq!(read.title.as_deref(), Some("Engineer (Remote)"));
        assert_eq!(read.location.as_deref(), Some("Berlin"));
        assert_eq!(headline("just some prose without fields"), Headline::default());
    }
}

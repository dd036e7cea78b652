//! Reading jobs back: the list (with full-text search) and one job's detail.

use jobhound_sources::{EmploymentType, Salary, SalaryPeriod, WorkMode};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, RowIndex, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaigns::matches::{CampaignScore, scores_for_job};
use crate::normalize::Seniority;
use crate::search::filters::{JobFilters, JobSort};
use crate::search::full_text::{TextMatches, text_matches};
use crate::{CoreError, search::word_list};

pub const DEFAULT_PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 1_000;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobQuery {
    /// Words to find in title, company, location, skills or description.
    pub text: Option<String>,
    /// Only jobs seen on this source kind.
    pub source: Option<String>,
    /// Only this campaign's matches (not filtered out or hidden), best score first.
    #[serde(default)]
    #[ts(optional)]
    pub campaign_id: Option<i64>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub filters: Option<JobFilters>,
    #[serde(default)]
    #[ts(optional)]
    pub sort: Option<JobSort>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct JobSummary {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub locations: Vec<String>,
    pub remote: Option<WorkMode>,
    pub salary: Option<Salary>,
    pub posted_at: Option<String>,
    pub first_seen_at: String,
    /// Source kinds this job was seen on.
    pub sources: Vec<String>,
    /// The score the queried campaign gave it.
    pub score: Option<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobPage {
    pub jobs: Vec<JobSummary>,
    /// How many jobs match the query, counted up to [`COUNT_CAP`].
    pub total: u32,
    /// More than `total` jobs match.
    pub total_capped: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PostingRef {
    pub source: String,
    pub source_job_id: String,
    pub url: Option<String>,
    pub first_seen_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobDetail {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub locations: Vec<String>,
    pub remote: Option<WorkMode>,
    pub employment_type: Option<EmploymentType>,
    pub salary: Option<Salary>,
    pub posted_at: Option<String>,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    /// Sanitized when stored; safe to render.
    pub description_html: String,
    pub skills: Vec<String>,
    pub first_seen_at: String,
    pub last_seen_at: String,
    pub closed_at: Option<String>,
    pub seniority: Option<Seniority>,
    /// ISO 3166-1 alpha-2 codes of the countries the locations name.
    pub countries: Vec<String>,
    pub postings: Vec<PostingRef>,
    /// Every campaign's score with its explanation, best first.
    pub scores: Vec<CampaignScore>,
}

const SOURCES_OF_JOB: &str = "(SELECT group_concat(source, ',') FROM (SELECT DISTINCT jp.source FROM job_postings jp \
     WHERE jp.job_id = j.id ORDER BY jp.source))";

const SALARY_COLUMNS: &str =
    "j.salary_min, j.salary_max, j.salary_currency, j.salary_period, j.salary_yearly_min, j.salary_yearly_max";

/// Matches counted at most; a broad search says "over 1,000" rather than visiting every match.
pub const COUNT_CAP: u32 = 1_000;

/// Longer than any search a person types; a pasted document is refused, not matched word by word.
pub const MAX_QUERY_CHARS: usize = 500;

pub fn list_jobs(connection: &Connection, query: &JobQuery) -> Result<JobPage, CoreError> {
    if query.text.as_deref().is_some_and(|text| text.chars().count() > MAX_QUERY_CHARS) {
        return Err(CoreError::InvalidField {
            field: "text",
            message: format!("A search is at most {MAX_QUERY_CHARS} characters."),
        });
    }
    let mut values: Vec<Value> = Vec::new();
    let sort = query.sort.unwrap_or_default();
    let expression = match query.text.as_deref() {
        Some(text) => search_expression(connection, text)?,
        None => None,
    };
    let text = match expression {
        // Best score has no index to walk: every match is read and sorted anyway, so SQLite may
        // as well run the words itself.
        Some(expression) if sort == JobSort::Score && query.campaign_id.is_none() => {
            Some(TextMatches::in_query(expression))
        }
        Some(expression) => Some(text_matches(connection, &expression, COUNT_CAP as usize)?),
        None => None,
    };
    if let Some(matches) = &text {
        values.push(matches.value.clone());
    }
    let mut filters = String::new();
    if let Some(source) = query.source.as_deref().filter(|source| !source.is_empty()) {
        values.push(Value::Text(source.to_string()));
        filters = format!(
            "AND EXISTS (SELECT 1 FROM job_postings jp WHERE jp.job_id = j.id AND jp.source = ?{})",
            values.len()
        );
    }
    let chosen = query.filters.clone().unwrap_or_default();
    filters.push_str(&chosen.sql(&mut values, chrono::Utc::now())?);
    if let Some(campaign_id) = query.campaign_id {
        return list_campaign_jobs(connection, query, campaign_id, text.as_ref(), values, &filters, chosen.hidden);
    }
    match chosen.hidden {
        Some(true) => {
            filters.push_str(" AND EXISTS (SELECT 1 FROM matches mh WHERE mh.job_id = j.id AND mh.hidden = 1)")
        }
        Some(false) => {
            filters.push_str(" AND NOT EXISTS (SELECT 1 FROM matches mh WHERE mh.job_id = j.id AND mh.hidden = 1)");
        }
        None => {}
    }
    // Newest first walks the listing index and stops after a page; pay walks the pay index. Best
    // score has no index to walk: it reads every job that passes and sorts.
    let (order, index) = match sort {
        JobSort::Newest => ("j.listed_at DESC, j.id DESC", "INDEXED BY jobs_listed"),
        JobSort::Salary => {
            ("COALESCE(j.salary_yearly_max, j.salary_yearly_min) DESC, j.id DESC", "INDEXED BY jobs_pay")
        }
        JobSort::Score => (BEST_SCORE_ORDER, ""),
    };
    // Few text matches: look them up and sort them. Many (or no text): walk the chosen index and
    // stop after a page. The planner cannot tell these apart, so the query says which.
    let from = match &text {
        Some(matches) if !matches.many => format!("FROM jobs j WHERE {}", matches.condition),
        Some(matches) => format!("FROM jobs j {index} WHERE {}", matches.condition),
        None => format!("FROM jobs j {index} WHERE 1"),
    };
    let (total, total_capped) = match &text {
        // The words alone: the index already said how many jobs match.
        Some(TextMatches { count: Some(count), .. }) if filters.is_empty() => {
            (u32::try_from(*count).unwrap_or(u32::MAX).min(COUNT_CAP), *count > COUNT_CAP as usize)
        }
        _ => count_capped(connection, &from, &filters, &values)?,
    };
    let jobs = summaries(connection, query, "NULL", &format!("{from} {filters}"), order, &values)?;
    Ok(JobPage { jobs, total, total_capped })
}

/// Best score any campaign gave (ranked, not filtered out), unscored jobs last, then newest.
const BEST_SCORE_ORDER: &str = "(SELECT MAX(ms.score) FROM matches ms WHERE ms.job_id = j.id AND ms.filtered IS NULL) DESC, \
     j.listed_at DESC, j.id DESC";

/// A campaign's list: its matches walked best-first from the (campaign, score) index.
fn list_campaign_jobs(
    connection: &Connection,
    query: &JobQuery,
    campaign_id: i64,
    text: Option<&TextMatches>,
    mut values: Vec<Value>,
    filters: &str,
    hidden: Option<bool>,
) -> Result<JobPage, CoreError> {
    values.push(Value::Integer(campaign_id));
    let campaign = values.len();
    let text_filter = text.map(|matches| format!("AND {}", matches.condition)).unwrap_or_default();
    let hidden = if hidden == Some(true) { 1 } else { 0 };
    let from = format!(
        "FROM matches m INDEXED BY matches_by_score CROSS JOIN jobs j ON j.id = m.job_id
         WHERE m.campaign_id = ?{campaign} AND m.filtered IS NULL AND m.hidden = {hidden} {text_filter} {filters}"
    );
    let (total, total_capped) = count_capped(connection, &from, "", &values)?;
    // Ties keep the order they were ranked in, which the index already holds: no sort step.
    let order = match query.sort.unwrap_or(JobSort::Score) {
        JobSort::Score => "m.score DESC, m.rowid",
        JobSort::Newest => "j.listed_at DESC, j.id DESC",
        JobSort::Salary => "COALESCE(j.salary_yearly_max, j.salary_yearly_min) DESC, m.score DESC",
    };
    let jobs = summaries(connection, query, "m.score", &from, order, &values)?;
    Ok(JobPage { jobs, total, total_capped })
}

/// Counts the rows of `from` up to [`COUNT_CAP`]; true when there are more.
fn count_capped(
    connection: &Connection,
    from: &str,
    filters: &str,
    values: &[Value],
) -> Result<(u32, bool), CoreError> {
    let counted: u32 = connection.query_row(
        &format!("SELECT COUNT(*) FROM (SELECT 1 {from} {filters} LIMIT {})", COUNT_CAP + 1),
        params_from_iter(values.iter()),
        |row| row.get(0),
    )?;
    Ok((counted.min(COUNT_CAP), counted > COUNT_CAP))
}

/// One page of list rows from `from` (which names the jobs `j`) in `order`.
fn summaries(
    connection: &Connection,
    query: &JobQuery,
    score: &str,
    from: &str,
    order: &str,
    values: &[Value],
) -> Result<Vec<JobSummary>, CoreError> {
    let limit = query.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let offset = query.offset.unwrap_or(0);
    let sql = format!(
        "SELECT j.id, j.title, j.company, j.locations, j.remote, {SALARY_COLUMNS}, j.posted_at, j.first_seen_at,
                {SOURCES_OF_JOB} AS sources, {score} AS score
         {from}
         ORDER BY {order}
         LIMIT {limit} OFFSET {offset}"
    );
    let mut statement = connection.prepare(&sql)?;
    let jobs = statement
        .query_map(params_from_iter(values.iter()), |row| {
            Ok(JobSummary {
                id: row.get("id")?,
                title: row.get("title")?,
                company: row.get("company")?,
                locations: json_list(row, "locations")?,
                remote: row.get::<_, Option<String>>("remote")?.as_deref().and_then(WorkMode::parse),
                salary: salary(row)?,
                posted_at: row.get("posted_at")?,
                first_seen_at: row.get("first_seen_at")?,
                sources: comma_list(row.get::<_, Option<String>>("sources")?),
                score: row.get("score")?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(jobs)
}

pub fn get_job(connection: &Connection, id: i64) -> Result<JobDetail, CoreError> {
    let sql = format!(
        "SELECT j.id, j.title, j.company, j.locations, j.remote, j.employment_type, {SALARY_COLUMNS},
                j.posted_at, j.url, j.apply_url, j.description_html, j.skills, j.first_seen_at,
                MAX(j.last_seen_at, COALESCE((SELECT last_seen_at FROM job_seen WHERE job_id = j.id), ''))
                    AS last_seen_at, j.closed_at,
                j.seniority, j.countries
         FROM jobs j WHERE j.id = ?1"
    );
    let job = connection
        .query_row(&sql, [id], |row| {
            Ok(JobDetail {
                id: row.get("id")?,
                title: row.get("title")?,
                company: row.get("company")?,
                locations: json_list(row, "locations")?,
                remote: row.get::<_, Option<String>>("remote")?.as_deref().and_then(WorkMode::parse),
                employment_type: row
                    .get::<_, Option<String>>("employment_type")?
                    .as_deref()
                    .and_then(EmploymentType::parse),
                salary: salary(row)?,
                posted_at: row.get("posted_at")?,
                url: row.get("url")?,
                apply_url: row.get("apply_url")?,
                // Cleaned again on the way to the window: a restored database skipped the cleaning
                // done when the job was stored.
                description_html: crate::normalize::sanitize_html(&row.get::<_, String>("description_html")?),
                skills: json_list(row, "skills")?,
                first_seen_at: row.get("first_seen_at")?,
                last_seen_at: row.get("last_seen_at")?,
                closed_at: row.get("closed_at")?,
                seniority: row.get::<_, Option<String>>("seniority")?.as_deref().and_then(Seniority::parse),
                countries: json_list(row, "countries")?,
                postings: Vec::new(),
                scores: Vec::new(),
            })
        })
        .optional()?;
    let mut job = job.ok_or_else(|| CoreError::NotFound(format!("job {id}")))?;
    let mut statement = connection.prepare(
        "SELECT p.source, p.source_job_id, p.url, jp.first_seen_at FROM job_postings jp
         JOIN postings p ON p.id = jp.posting_id WHERE jp.job_id = ?1 ORDER BY jp.first_seen_at, p.id",
    )?;
    job.postings = statement
        .query_map([id], |row| {
            Ok(PostingRef {
                source: row.get(0)?,
                source_job_id: row.get(1)?,
                url: row.get(2)?,
                first_seen_at: row.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    job.scores = scores_for_job(connection, id)?;
    Ok(job)
}

/// Turns what a person types into an FTS5 query: every word must appear, the last one as a prefix
/// (so results follow each keystroke). Quoting each word keeps FTS5 syntax out of user input.
/// Searches use [`search_expression`]; this plain prefix query is what the tests hold it to.
#[cfg(test)]
pub(crate) fn fts_expression(text: &str) -> Option<String> {
    let words = typed_words(text);
    let (last, others) = words.split_last()?;
    Some(prefix_expression(others, last))
}

/// [`fts_expression`], with the prefix spelled out as the indexed words it covers when they are
/// few: FTS5 finds `"engineer" OR "engineers"` about twice as fast as `"engineer"*`.
pub fn search_expression(connection: &Connection, text: &str) -> Result<Option<String>, CoreError> {
    let words = typed_words(text);
    let Some((last, others)) = words.split_last() else {
        return Ok(None);
    };
    let Some(covered) = word_list::words_starting(connection, last)? else {
        return Ok(Some(prefix_expression(others, last)));
    };
    let alternatives: Vec<String> = covered.iter().map(|word| word_list::quoted(word)).collect();
    let mut expression = quoted_words(others);
    expression.push(format!("({})", alternatives.join(" OR ")));
    Ok(Some(expression.join(" AND ")))
}

/// Every word of `others`, then `last` as a prefix.
fn prefix_expression(others: &[&str], last: &str) -> String {
    let mut expression = quoted_words(others);
    expression.push(format!("{}*", word_list::quoted(last)));
    expression.join(" ")
}

fn quoted_words(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| word_list::quoted(word)).collect()
}

/// The words typed, as FTS5 would cut the query: letters and digits, plus `+` and `#` (C++, C#).
fn typed_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#').filter(|word| !word.is_empty()).collect()
}

/// A JSON list column; a malformed one reads as empty rather than hiding the whole job.
pub(crate) fn json_list(row: &Row<'_>, index: impl RowIndex) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(index)?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

fn comma_list(text: Option<String>) -> Vec<String> {
    text.map(|text| text.split(',').map(str::to_string).collect()).unwrap_or_default()
}

/// The pay read from the [`SALARY_COLUMNS`] of a row, by name.
fn salary(row: &Row<'_>) -> rusqlite::Result<Option<Salary>> {
    let period: Option<String> = row.get("salary_period")?;
    let Some(period) = period.as_deref().and_then(SalaryPeriod::parse) else {
        return Ok(None);
    };
    Ok(Some(Salary {
        min: row.get("salary_min")?,
        max: row.get("salary_max")?,
        currency: row.get("salary_currency")?,
        period,
        yearly_min: row.get("salary_yearly_min")?,
        yearly_max: row.get("salary_yearly_max")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::fts_expression;

    #[test]
    fn user_text_becomes_a_safe_prefix_query() {
        assert_eq!(fts_expression("rust eng").as_deref(), Some("\"rust\" \"eng\"*"));
        assert_eq!(fts_expression("  \"NEAR(\" OR c++ ").as_deref(), Some("\"NEAR\" \"OR\" \"c++\"*"));
        assert_eq!(fts_expression(" -*- "), None);
    }
}

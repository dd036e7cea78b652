//! Re-checking one job against the board that listed it: a job gone from its board is marked
//! closed with the date (never deleted); one that is back is reopened.

use jobhound_sources::{Credentials, FetchContext, FetchLimits, SourceCategory, SourceKind};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecheckReport {
    pub job_id: i64,
    pub still_open: bool,
    /// The boards that were asked, e.g. "Greenhouse board 'vercel'".
    pub checked: Vec<String>,
    pub closed_at: Option<String>,
}

/// The postings of a job that can be re-checked: those whose URL names a company board of the
/// same source, as (kind, board parameter, posting id).
pub fn checkable_postings(
    connection: &Connection,
    job_id: i64,
) -> Result<Vec<(SourceKind, String, String)>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT p.source, p.source_job_id, p.url FROM postings p JOIN job_postings jp ON jp.posting_id = p.id
         WHERE jp.job_id = ?1",
    )?;
    let rows: Vec<(String, String, Option<String>)> =
        statement.query_map([job_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?.collect::<Result<_, _>>()?;
    if rows.is_empty() {
        return Err(CoreError::NotFound(format!("job {job_id}")));
    }
    Ok(rows
        .into_iter()
        .filter_map(|(source, id, url)| {
            let kind: SourceKind = source.parse().ok()?;
            let (detected, param) = jobhound_sources::detect(url.as_deref()?).ok()?;
            (detected == kind && kind.info().category == SourceCategory::Ats).then_some((kind, param, id))
        })
        .collect())
}

/// Asks each board whether it still lists the job's postings.
pub async fn still_listed(
    http: &jobhound_sources::HttpClient,
    endpoints: &jobhound_sources::Endpoints,
    postings: &[(SourceKind, String, String)],
) -> Result<(bool, Vec<String>), CoreError> {
    let credentials = Credentials::default();
    let mut listed = false;
    let mut checked = Vec::new();
    for (kind, param, id) in postings {
        // Only presence matters, so no per-job detail calls are made.
        let limits = FetchLimits { max_detail_requests: 0, ..FetchLimits::default() };
        let context = FetchContext {
            http,
            endpoints,
            credentials: &credentials,
            limits,
            known_ids: None,
            recipe: None,
            campaign_words: &[],
        };
        let outcome = jobhound_sources::fetch(*kind, context, param).await?;
        checked.push(jobhound_sources::source(*kind).describe(param));
        listed |= outcome.postings.iter().any(|posting| &posting.source_id == id);
    }
    Ok((listed, checked))
}

/// Records the answer: closed with `now` when no board lists the job, reopened when one does.
pub fn record(
    tx: &rusqlite::Transaction<'_>,
    job_id: i64,
    listed: bool,
    now: &str,
) -> Result<Option<String>, CoreError> {
    if listed {
        tx.execute("UPDATE jobs SET closed_at = NULL, last_seen_at = ?2 WHERE id = ?1", params![job_id, now])?;
    } else {
        tx.execute(
            "UPDATE jobs SET closed_at = COALESCE(closed_at, ?2), updated_at = ?2 WHERE id = ?1",
            params![job_id, now],
        )?;
    }
    Ok(tx.query_row("SELECT closed_at FROM jobs WHERE id = ?1", [job_id], |row| row.get(0))?)
}

//! The boards and feeds a person watches, with each one's health.

use chrono::{DateTime, Utc};
use jobhound_sources::{SourceError, SourceKind};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::ingest::write::IngestCounts;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WatchedSource {
    pub id: i64,
    pub kind: SourceKind,
    /// The board token (or feed URL for feeds).
    pub param: String,
    pub name: String,
    pub created_at: String,
    pub last_fetch_at: Option<String>,
    pub last_success_at: Option<String>,
    pub last_error: Option<String>,
    pub last_error_kind: Option<String>,
    pub consecutive_failures: u32,
    pub jobs_seen_last: Option<u32>,
    /// Jobs currently stored from this source.
    pub job_count: u32,
    /// The last time a fetch listed at least one job.
    pub last_jobs_at: Option<String>,
    /// Days since the source last listed a job, when its latest fetch listed none.
    pub days_without_jobs: Option<u32>,
    /// What the last successful fetch warned about (a page cap, detail calls that failed).
    pub warnings: Vec<String>,
    /// A readable name for the parameter, e.g. "Lever board 'spotify'".
    pub description: String,
}

/// The outcome of fetching one watched source.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FetchReport {
    pub source: WatchedSource,
    pub seen: u32,
    pub new_jobs: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub flagged: u32,
    /// New postings merged into jobs already stored from other boards.
    pub merged: u32,
    /// Jobs marked closed because they left this board.
    pub closed: u32,
    /// Closed jobs that came back.
    pub reopened: u32,
    /// Jobs that newly passed an active campaign's filters (counted once per campaign).
    pub new_matches: u32,
    /// Of those, the ones of the campaign whose run fetched this source.
    #[serde(skip)]
    #[ts(skip)]
    pub campaign_new_matches: u32,
    pub warnings: Vec<String>,
    /// A careers page's layout changed and a new recipe now reads it.
    pub healed: bool,
    pub duration_ms: u32,
}

/// Validates what the user typed or pasted for `kind` and returns the source's parameter.
pub fn param_from_input(kind: SourceKind, input: &str) -> Result<String, SourceError> {
    jobhound_sources::source(kind).param_from_input(input)
}

const COLUMNS: &str = "w.id, w.kind, w.param, w.name, w.created_at, w.last_fetch_at, w.last_success_at, w.last_error, \
     w.last_error_kind, w.consecutive_failures, w.jobs_seen_last, w.last_jobs_at, w.last_warnings, \
     (SELECT COUNT(DISTINCT jp.job_id) FROM postings p JOIN job_postings jp ON jp.posting_id = p.id \
      WHERE p.source = w.kind AND p.id IN (SELECT posting_id FROM watched_postings wp WHERE wp.watched_source_id = w.id))";

fn from_row(row: &Row<'_>) -> rusqlite::Result<WatchedSource> {
    let kind: String = row.get(1)?;
    Ok(WatchedSource {
        id: row.get(0)?,
        kind: kind.parse().map_err(|error: SourceError| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(error))
        })?,
        param: row.get(2)?,
        name: row.get(3)?,
        created_at: row.get(4)?,
        last_fetch_at: row.get(5)?,
        last_success_at: row.get(6)?,
        last_error: row.get(7)?,
        last_error_kind: row.get(8)?,
        consecutive_failures: row.get(9)?,
        jobs_seen_last: row.get(10)?,
        job_count: row.get(13)?,
        last_jobs_at: row.get(11)?,
        days_without_jobs: None,
        warnings: serde_json::from_str(&row.get::<_, String>(12)?).unwrap_or_default(),
        description: String::new(),
    })
}

/// Fills the fields computed from the row: the description and how long the source has been dark.
fn complete(mut source: WatchedSource) -> WatchedSource {
    source.description = jobhound_sources::source(source.kind).describe(&source.param);
    let listed_none = source.jobs_seen_last == Some(0);
    let since = source.last_jobs_at.as_deref().unwrap_or(&source.created_at);
    source.days_without_jobs = DateTime::parse_from_rfc3339(since)
        .ok()
        .filter(|_| listed_none)
        .map(|time| u32::try_from((Utc::now() - time.with_timezone(&Utc)).num_days().max(0)).unwrap_or(u32::MAX));
    source
}

pub fn list(connection: &Connection) -> Result<Vec<WatchedSource>, CoreError> {
    let mut statement =
        connection.prepare(&format!("SELECT {COLUMNS} FROM watched_sources w ORDER BY w.name, w.id"))?;
    Ok(statement.query_map([], from_row)?.map(|row| row.map(complete)).collect::<Result<Vec<_>, _>>()?)
}

pub fn get(connection: &Connection, id: i64) -> Result<WatchedSource, CoreError> {
    connection
        .query_row(&format!("SELECT {COLUMNS} FROM watched_sources w WHERE w.id = ?1"), [id], from_row)
        .optional()?
        .map(complete)
        .ok_or_else(|| CoreError::NotFound(format!("watched source {id}")))
}

/// Adds a source, or returns the one already watched with the same kind and parameter.
pub fn add(tx: &Transaction<'_>, kind: SourceKind, param: &str, now: &str) -> Result<i64, CoreError> {
    let name = jobhound_sources::source(kind).default_name(param);
    tx.execute(
        "INSERT INTO watched_sources (kind, param, name, created_at) VALUES (?1, ?2, ?4, ?3)
         ON CONFLICT (kind, param) DO NOTHING",
        params![kind.as_str(), param, now, name],
    )?;
    Ok(tx.query_row(
        "SELECT id FROM watched_sources WHERE kind = ?1 AND param = ?2",
        params![kind.as_str(), param],
        |row| row.get(0),
    )?)
}

/// Stops watching a source. Its jobs stay: a person may have saved or applied to them.
pub fn remove(tx: &Transaction<'_>, id: i64) -> Result<(), CoreError> {
    if tx.execute("DELETE FROM watched_sources WHERE id = ?1", [id])? == 0 {
        return Err(CoreError::NotFound(format!("watched source {id}")));
    }
    Ok(())
}

/// The last successful fetch of any watched source of `kind`.
pub fn latest_success(connection: &Connection, kind: SourceKind) -> Result<Option<String>, CoreError> {
    Ok(connection.query_row(
        "SELECT MAX(last_success_at) FROM watched_sources WHERE kind = ?1",
        [kind.as_str()],
        |row| row.get(0),
    )?)
}

/// The ids of every stored posting of `kind`, so detail calls are made only for new ones.
pub fn known_ids(connection: &Connection, kind: SourceKind) -> Result<std::collections::HashSet<String>, CoreError> {
    let mut statement = connection.prepare_cached("SELECT source_job_id FROM postings WHERE source = ?1")?;
    let ids = statement.query_map([kind.as_str()], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok(ids)
}

/// How many of the listed postings belong to jobs currently marked closed; ingest reopens them.
pub fn closed_among(tx: &Transaction<'_>, kind: SourceKind, source_job_ids: &[String]) -> Result<u32, CoreError> {
    let mut statement = tx.prepare_cached(
        "SELECT COUNT(*) FROM postings p JOIN job_postings jp ON jp.posting_id = p.id JOIN jobs j ON j.id = jp.job_id
         WHERE p.source = ?1 AND p.source_job_id = ?2 AND j.closed_at IS NOT NULL",
    )?;
    let mut closed = 0;
    for id in source_job_ids {
        closed += statement.query_row(params![kind.as_str(), id], |row| row.get::<_, u32>(0))?;
    }
    Ok(closed)
}

/// What a successful fetch did to the source's jobs.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Liveness {
    pub closed: u32,
    pub reopened: u32,
}

/// How much of a source one fetch listed, which says what may be concluded of jobs it did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Everything the board has: a job that left it has closed.
    Whole,
    /// A keyword search of a job board, or a listing cut at a page cap: the source's jobs are the
    /// ones it listed, but a job it did not list may still be open.
    Partial,
    /// A company board searched for one campaign's words: the jobs other campaigns' searches
    /// found stay the source's too.
    Narrowed,
}

/// Records a successful fetch: health reset, postings linked to the source, a friendlier name.
/// When the fetch listed the whole board, jobs that left it are marked closed with today's date
/// (never deleted). Jobs that come back are reopened by ingest.
#[allow(clippy::too_many_arguments)]
pub fn record_success(
    tx: &Transaction<'_>,
    source: &WatchedSource,
    source_job_ids: &[String],
    company: Option<&str>,
    counts: &IngestCounts,
    warnings: &[String],
    listing: Listing,
    now: &str,
) -> Result<Liveness, CoreError> {
    tx.execute(
        "UPDATE watched_sources SET last_fetch_at = ?2, last_success_at = ?2, last_error = NULL, last_error_kind = NULL,
             consecutive_failures = 0, jobs_seen_last = ?3, name = COALESCE(?4, name),
             last_jobs_at = CASE WHEN ?3 > 0 THEN ?2 ELSE last_jobs_at END, last_warnings = ?5
         WHERE id = ?1",
        params![source.id, now, counts.seen, company, serde_json::to_string(warnings)?],
    )?;
    let previous_jobs: Vec<i64> = {
        let mut statement = tx.prepare_cached(
            "SELECT DISTINCT jp.job_id FROM watched_postings wp JOIN job_postings jp ON jp.posting_id = wp.posting_id
             WHERE wp.watched_source_id = ?1",
        )?;
        statement.query_map([source.id], |row| row.get(0))?.collect::<Result<_, _>>()?
    };
    if listing != Listing::Narrowed {
        tx.execute("DELETE FROM watched_postings WHERE watched_source_id = ?1", [source.id])?;
    }
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO watched_postings (watched_source_id, posting_id)
         SELECT ?1, id FROM postings WHERE source = ?2 AND source_job_id = ?3",
    )?;
    for source_job_id in source_job_ids {
        link.execute(params![source.id, source.kind.as_str(), source_job_id])?;
    }
    let mut liveness = Liveness::default();
    if listing == Listing::Whole {
        // A job is closed only when no watched source lists any of its postings any more.
        let mut close = tx.prepare_cached(
            "UPDATE jobs SET closed_at = ?2, updated_at = ?2 WHERE id = ?1 AND closed_at IS NULL AND NOT EXISTS (
                 SELECT 1 FROM job_postings jp JOIN watched_postings wp ON wp.posting_id = jp.posting_id
                 WHERE jp.job_id = ?1)",
        )?;
        for job_id in previous_jobs {
            liveness.closed += u32::try_from(close.execute(params![job_id, now])?).unwrap_or(0);
        }
    }
    Ok(liveness)
}

pub fn record_failure(tx: &Transaction<'_>, id: i64, kind: &str, message: &str, now: &str) -> Result<(), CoreError> {
    tx.execute(
        "UPDATE watched_sources SET last_fetch_at = ?2, last_error = ?3, last_error_kind = ?4,
             consecutive_failures = consecutive_failures + 1
         WHERE id = ?1",
        params![id, now, message, kind],
    )?;
    Ok(())
}

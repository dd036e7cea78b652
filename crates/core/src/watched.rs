//! The boards and feeds a person watches, with each one's health.

use jobhound_sources::{SourceError, SourceKind, greenhouse};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::ingest::IngestCounts;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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
}

/// The outcome of fetching one watched source.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FetchReport {
    pub source: WatchedSource,
    pub seen: u32,
    pub new_jobs: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub flagged: u32,
    pub duration_ms: u32,
}

/// Validates what the user typed or pasted for `kind` and returns the source's parameter.
pub fn param_from_input(kind: SourceKind, input: &str) -> Result<String, SourceError> {
    match kind {
        SourceKind::Greenhouse => greenhouse::board_token_from_input(input),
    }
}

const COLUMNS: &str = "w.id, w.kind, w.param, w.name, w.created_at, w.last_fetch_at, w.last_success_at, w.last_error, \
     w.last_error_kind, w.consecutive_failures, w.jobs_seen_last, \
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
        job_count: row.get(11)?,
    })
}

pub fn list(connection: &Connection) -> Result<Vec<WatchedSource>, CoreError> {
    let mut statement =
        connection.prepare(&format!("SELECT {COLUMNS} FROM watched_sources w ORDER BY w.name, w.id"))?;
    Ok(statement.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?)
}

pub fn get(connection: &Connection, id: i64) -> Result<WatchedSource, CoreError> {
    connection
        .query_row(&format!("SELECT {COLUMNS} FROM watched_sources w WHERE w.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("watched source {id}")))
}

/// Adds a source, or returns the one already watched with the same kind and parameter.
pub fn add(tx: &Transaction<'_>, kind: SourceKind, param: &str, now: &str) -> Result<i64, CoreError> {
    tx.execute(
        "INSERT INTO watched_sources (kind, param, name, created_at) VALUES (?1, ?2, ?2, ?3)
         ON CONFLICT (kind, param) DO NOTHING",
        params![kind.as_str(), param, now],
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

/// Records a successful fetch: health reset, postings linked to the source, a friendlier name.
pub fn record_success(
    tx: &Transaction<'_>,
    source: &WatchedSource,
    source_job_ids: &[String],
    company: Option<&str>,
    counts: &IngestCounts,
    now: &str,
) -> Result<(), CoreError> {
    tx.execute(
        "UPDATE watched_sources SET last_fetch_at = ?2, last_success_at = ?2, last_error = NULL, last_error_kind = NULL,
             consecutive_failures = 0, jobs_seen_last = ?3, name = COALESCE(?4, name)
         WHERE id = ?1",
        params![source.id, now, counts.seen, company],
    )?;
    tx.execute("DELETE FROM watched_postings WHERE watched_source_id = ?1", [source.id])?;
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO watched_postings (watched_source_id, posting_id)
         SELECT ?1, id FROM postings WHERE source = ?2 AND source_job_id = ?3",
    )?;
    for source_job_id in source_job_ids {
        link.execute(params![source.id, source.kind.as_str(), source_job_id])?;
    }
    Ok(())
}

pub fn record_failure(tx: &Transaction<'_>, id: i64, error: &SourceError, now: &str) -> Result<(), CoreError> {
    tx.execute(
        "UPDATE watched_sources SET last_fetch_at = ?2, last_error = ?3, last_error_kind = ?4,
             consecutive_failures = consecutive_failures + 1
         WHERE id = ?1",
        params![id, now, error.to_string(), error.kind().as_str()],
    )?;
    Ok(())
}

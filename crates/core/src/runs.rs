//! The record of every fetch: when, what it found, what went wrong.

use rusqlite::{Transaction, params};

use crate::CoreError;

pub struct SourceOutcome<'a> {
    pub watched_source_id: Option<i64>,
    pub source: &'a str,
    pub param: &'a str,
    pub seen: u32,
    pub new_jobs: u32,
    pub updated: u32,
    pub error_kind: Option<&'a str>,
    pub error_message: Option<String>,
    pub duration_ms: u32,
}

/// Records a finished one-source run.
pub fn record(
    tx: &Transaction<'_>,
    trigger: &str,
    started_at: &str,
    finished_at: &str,
    outcome: &SourceOutcome<'_>,
) -> Result<i64, CoreError> {
    let status = if outcome.error_kind.is_some() { "failed" } else { "ok" };
    tx.execute(
        "INSERT INTO runs (trigger, started_at, finished_at, status) VALUES (?1, ?2, ?3, ?4)",
        params![trigger, started_at, finished_at, status],
    )?;
    let run_id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO run_sources (run_id, watched_source_id, source, param, jobs_seen, new_jobs, updated_jobs,
             error_kind, error_message, duration_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            run_id,
            outcome.watched_source_id,
            outcome.source,
            outcome.param,
            outcome.seen,
            outcome.new_jobs,
            outcome.updated,
            outcome.error_kind,
            outcome.error_message,
            outcome.duration_ms
        ],
    )?;
    Ok(run_id)
}

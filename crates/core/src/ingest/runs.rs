//! The record of every fetch and campaign run: when, what it found, what went wrong.

use rusqlite::{Connection, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Running,
    Ok,
    /// Some sources failed, others worked.
    Partial,
    Failed,
    Cancelled,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Ok => "ok",
            RunStatus::Partial => "partial",
            RunStatus::Failed => "failed",
            RunStatus::Cancelled => "cancelled",
        }
    }

    fn parse(text: &str) -> Self {
        match text {
            "running" => RunStatus::Running,
            "ok" => RunStatus::Ok,
            "partial" => RunStatus::Partial,
            "cancelled" => RunStatus::Cancelled,
            _ => RunStatus::Failed,
        }
    }
}

/// Opens a run; its sources are recorded as they finish, so a run cut short keeps what it did.
pub fn start(
    tx: &Transaction<'_>,
    trigger: &str,
    campaign_id: Option<i64>,
    started_at: &str,
) -> Result<i64, CoreError> {
    tx.execute(
        "INSERT INTO runs (trigger, started_at, status, campaign_id) VALUES (?1, ?2, 'running', ?3)",
        params![trigger, started_at, campaign_id],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn record_source(tx: &Transaction<'_>, run_id: i64, outcome: &SourceOutcome<'_>) -> Result<(), CoreError> {
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
    tx.execute("UPDATE runs SET new_jobs = new_jobs + ?2 WHERE id = ?1", params![run_id, outcome.new_jobs])?;
    Ok(())
}

pub fn finish(
    tx: &Transaction<'_>,
    run_id: i64,
    status: RunStatus,
    new_matches: u32,
    error: Option<&str>,
    finished_at: &str,
) -> Result<(), CoreError> {
    tx.execute(
        "UPDATE runs SET status = ?2, new_matches = ?3, error = ?4, finished_at = ?5 WHERE id = ?1",
        params![run_id, status.as_str(), new_matches, error, finished_at],
    )?;
    Ok(())
}

/// Runs left "running" by a process that stopped (killed, crashed, power cut): they are over.
/// Every source they finished was committed and stays.
pub fn close_interrupted(tx: &Transaction<'_>, now: &str) -> Result<u32, CoreError> {
    let closed = tx.execute(
        "UPDATE runs SET status = 'failed', finished_at = ?1,
             error = 'Jobhound stopped during this run; what it had stored is kept'
         WHERE status = 'running'",
        [now],
    )?;
    Ok(u32::try_from(closed).unwrap_or(u32::MAX))
}

/// One source's part of a run, as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunSource {
    pub source: String,
    pub param: String,
    pub jobs_seen: u32,
    pub new_jobs: u32,
    pub error: Option<String>,
    pub duration_ms: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RunRecord {
    pub id: i64,
    pub campaign_id: Option<i64>,
    pub trigger: String,
    pub status: RunStatus,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub new_jobs: u32,
    pub new_matches: u32,
    pub error: Option<String>,
    pub sources: Vec<RunSource>,
}

/// The campaign's runs, newest first.
pub fn history(connection: &Connection, campaign_id: i64, limit: u32) -> Result<Vec<RunRecord>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT id, campaign_id, trigger, status, started_at, finished_at, new_jobs, new_matches, error
         FROM runs WHERE campaign_id = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let mut runs = statement
        .query_map(params![campaign_id, limit], |row| {
            Ok(RunRecord {
                id: row.get(0)?,
                campaign_id: row.get(1)?,
                trigger: row.get(2)?,
                status: RunStatus::parse(&row.get::<_, String>(3)?),
                started_at: row.get(4)?,
                finished_at: row.get(5)?,
                new_jobs: row.get(6)?,
                new_matches: row.get(7)?,
                error: row.get(8)?,
                sources: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut sources = connection.prepare_cached(
        "SELECT source, param, jobs_seen, new_jobs, error_message, duration_ms FROM run_sources
         WHERE run_id = ?1 ORDER BY id",
    )?;
    for run in &mut runs {
        run.sources = sources
            .query_map([run.id], |row| {
                Ok(RunSource {
                    source: row.get(0)?,
                    param: row.get(1)?,
                    jobs_seen: row.get(2)?,
                    new_jobs: row.get(3)?,
                    error: row.get(4)?,
                    duration_ms: row.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
    }
    Ok(runs)
}

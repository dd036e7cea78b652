//! Bringing in what another job-search tool collected: a JobSpy CSV or a JobFunnel master CSV.
//! Rows go through the same pipeline as fetched postings, so a job already stored (from a board,
//! or an earlier import) is merged rather than duplicated, and JobFunnel's statuses become
//! applications where the job has none yet.

use std::path::Path;

use jobhound_sources::{ParsedPosting, SourceKind};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::applying::applications::{self, ApplicationStatus};
use crate::campaigns::service::rank_for_active_campaigns;
use crate::ingest::write::{ingest_prepared, job_of_posting, prepare_postings};
use crate::{CoreError, Store, time};

/// Larger than any CSV these tools write for one person; refused before reading.
const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;

/// Rows written per transaction. The app and the CLI wait at most 5 s for the write lock, and one
/// transaction over a 35 MB JobSpy file held it for 58 s; a few hundred rows hold it well under a
/// second, and the lock is free between batches.
const BATCH_ROWS: usize = 400;

/// How far an import has come, after each batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub rows_done: u32,
    pub rows_total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ImportFrom {
    Jobspy,
    Jobfunnel,
}

impl ImportFrom {
    pub fn parse(text: &str) -> Result<Self, CoreError> {
        match text.to_ascii_lowercase().as_str() {
            "jobspy" => Ok(Self::Jobspy),
            "jobfunnel" => Ok(Self::Jobfunnel),
            other => Err(CoreError::InvalidInput(format!("cannot import from {other:?}; use jobspy or jobfunnel"))),
        }
    }

    fn kind(self) -> SourceKind {
        match self {
            Self::Jobspy => SourceKind::Jobspy,
            Self::Jobfunnel => SourceKind::Jobfunnel,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// Rows read (JobFunnel rows marked DELETE are not counted).
    pub rows: u32,
    pub new_jobs: u32,
    /// Rows that turned out to be a job already stored.
    pub merged: u32,
    /// Rows already imported before (updated or unchanged).
    pub known: u32,
    /// Rows kept raw because they have no title or company.
    pub flagged: u32,
    pub applications_created: u32,
    /// Statuses not applied because the job already has an application in Jobhound.
    pub applications_kept: u32,
}

/// JobFunnel's statuses as Jobhound's; NEW and UNKNOWN are jobs without an application.
fn status_from_jobfunnel(status: &str) -> Option<ApplicationStatus> {
    match status.trim().to_ascii_uppercase().as_str() {
        "INTERESTED" => Some(ApplicationStatus::Saved),
        "APPLY" => Some(ApplicationStatus::Preparing),
        "APPLIED" => Some(ApplicationStatus::Applied),
        "INTERVIEWING" | "INTERVIEWED" => Some(ApplicationStatus::Interviewing),
        "OFFER" => Some(ApplicationStatus::Offer),
        "ACCEPTED" => Some(ApplicationStatus::Accepted),
        "REJECTED" => Some(ApplicationStatus::Rejected),
        "WITHDRAWN" => Some(ApplicationStatus::Withdrawn),
        "ARCHIVE" | "OLD" => Some(ApplicationStatus::Archived),
        _ => None,
    }
}

pub fn import_file(store: &Store, from: ImportFrom, path: &Path) -> Result<ImportReport, CoreError> {
    import_file_with_progress(store, from, path, &mut |_| {})
}

/// Imports in batches of [`BATCH_ROWS`], each its own transaction, calling `on_progress` after
/// each. A failure keeps the batches already written (importing the file again merges them) and
/// says how far it came.
pub fn import_file_with_progress(
    store: &Store,
    from: ImportFrom,
    path: &Path,
    on_progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportReport, CoreError> {
    let io = |error: std::io::Error| CoreError::Io { context: format!("cannot read {}", path.display()), error };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(CoreError::InvalidInput(format!(
            "{} is {} MB; imports over {} MB are refused",
            path.display(),
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let mut rest = jobhound_sources::parse(from.kind(), &bytes)?;
    drop(bytes);
    let rows_total = u32::try_from(rest.len()).unwrap_or(u32::MAX);
    let now = time::now_rfc3339();
    let mut report = ImportReport::default();
    while !rest.is_empty() {
        let later = rest.split_off(BATCH_ROWS.min(rest.len()));
        let batch = std::mem::replace(&mut rest, later);
        let statuses = jobfunnel_statuses(&batch);
        let written = store
            .read(|connection| prepare_postings(connection, batch, None))
            .and_then(|prepared| store.write(|tx| write_batch(tx, prepared, &statuses, &now)));
        match written {
            Ok(batch_report) => report.add(&batch_report),
            Err(error) if report.rows > 0 => {
                return Err(CoreError::InvalidInput(format!(
                    "the import stopped after {} of {rows_total} rows, which are stored: {error}",
                    report.rows
                )));
            }
            Err(error) => return Err(error),
        }
        on_progress(ImportProgress { rows_done: report.rows, rows_total });
    }
    Ok(report)
}

impl ImportReport {
    fn add(&mut self, batch: &ImportReport) {
        self.rows += batch.rows;
        self.new_jobs += batch.new_jobs;
        self.merged += batch.merged;
        self.known += batch.known;
        self.flagged += batch.flagged;
        self.applications_created += batch.applications_created;
        self.applications_kept += batch.applications_kept;
    }
}

/// JobFunnel's status of each row that has one, by the row's source and id.
fn jobfunnel_statuses(postings: &[ParsedPosting]) -> Vec<(SourceKind, String, ApplicationStatus)> {
    postings
        .iter()
        .filter_map(|posting| {
            let status = posting.payload.get("status").and_then(|s| s.as_str()).and_then(status_from_jobfunnel)?;
            Some((posting.source, posting.source_id.clone(), status))
        })
        .collect()
}

fn write_batch(
    tx: &Transaction<'_>,
    prepared: crate::ingest::write::PreparedPostings,
    statuses: &[(SourceKind, String, ApplicationStatus)],
    now: &str,
) -> Result<ImportReport, CoreError> {
    let counts = ingest_prepared(tx, prepared, now)?;
    let mut report = ImportReport {
        rows: counts.seen,
        new_jobs: counts.new_jobs,
        merged: counts.merged,
        known: counts.updated + counts.unchanged,
        flagged: counts.flagged,
        ..ImportReport::default()
    };
    for (source, source_id, status) in statuses {
        let Some(job_id) = job_of_posting(tx, *source, source_id)? else { continue };
        if applications::id_for_job(tx, job_id)?.is_some() {
            report.applications_kept += 1;
        } else {
            applications::ensure(tx, job_id, *status, now)?;
            report.applications_created += 1;
        }
    }
    rank_for_active_campaigns(tx, &counts.changed_jobs, None, chrono::Utc::now())?;
    Ok(report)
}

//! Keeps `jobs_fts` in step with `jobs` for one write transaction.
//!
//! FTS5 flushes its pending terms at every statement's savepoint, so indexing row by row (as
//! triggers did) wrote thousands of tiny segments per batch. A batch instead removes the old
//! terms of each stored job before its first change and indexes every new or changed job with
//! one statement at the end.

use std::collections::BTreeSet;

use rusqlite::Transaction;

use crate::CoreError;

const COLUMNS: &str = "title, company, location_text, skills, description_text";

pub struct SearchIndexBatch {
    /// Jobs up to this id were indexed before the batch began.
    indexed_up_to: i64,
    /// Indexed jobs whose terms were removed because the batch changes them.
    unindexed: BTreeSet<i64>,
}

impl SearchIndexBatch {
    pub fn begin(tx: &Transaction<'_>) -> Result<Self, CoreError> {
        let indexed_up_to = tx.query_row("SELECT COALESCE(MAX(id), 0) FROM jobs", [], |row| row.get(0))?;
        Ok(Self { indexed_up_to, unindexed: BTreeSet::new() })
    }

    /// Call before changing an indexed column of job `job_id` (external-content FTS5 must be
    /// told the old values to remove them).
    pub fn before_change(&mut self, tx: &Transaction<'_>, job_id: i64) -> Result<(), CoreError> {
        if job_id > self.indexed_up_to || !self.unindexed.insert(job_id) {
            return Ok(());
        }
        tx.prepare_cached(&format!(
            "INSERT INTO jobs_fts (jobs_fts, rowid, {COLUMNS}) SELECT 'delete', id, {COLUMNS} FROM jobs WHERE id = ?1"
        ))?
        .execute([job_id])?;
        Ok(())
    }

    /// Indexes the jobs the batch added or changed.
    pub fn finish(self, tx: &Transaction<'_>) -> Result<(), CoreError> {
        // Even an empty INSERT wakes FTS5's merge work, so a batch of unchanged postings skips it.
        let newest: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) FROM jobs", [], |row| row.get(0))?;
        if newest == self.indexed_up_to && self.unindexed.is_empty() {
            return Ok(());
        }
        tx.prepare_cached(&format!(
            "INSERT INTO jobs_fts (rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM jobs WHERE id > ?1"
        ))?
        .execute([self.indexed_up_to])?;
        if !self.unindexed.is_empty() {
            tx.prepare_cached(&format!(
                "INSERT INTO jobs_fts (rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM jobs
                 WHERE id IN (SELECT value FROM json_each(?1))"
            ))?
            .execute([serde_json::to_string(&self.unindexed)?])?;
        }
        Ok(())
    }
}

/// Job `job_id`'s text in the columns the index holds, as stored (none if there is no such job).
pub(crate) fn indexed_texts(tx: &Transaction<'_>, job_id: i64) -> Result<Vec<String>, CoreError> {
    let mut statement = tx.prepare_cached(&format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"))?;
    let columns = statement.column_count();
    let mut rows = statement.query([job_id])?;
    let mut texts = Vec::new();
    while let Some(row) = rows.next()? {
        for column in 0..columns {
            texts.extend(row.get::<_, Option<String>>(column)?);
        }
    }
    Ok(texts)
}

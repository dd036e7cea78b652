//! The store floor: how fast SQLite alone stores what the pipeline stored, on this machine.
//!
//! The rows the first pass wrote (postings, jobs, the full-text index, job links, the campaigns'
//! matches with their explanations, the search word list) are copied into a freshly migrated
//! database with one `INSERT … SELECT` per table, one transaction each. No Rust runs per row: no
//! parsing, normalizing, duplicate lookups or scoring, and no statement per row. So no pipeline
//! that stores these rows in this schema can be faster on this machine, which is what this
//! number is for: it bounds the postings per second `bench ingest` can ever report.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use jobhound_core::{CoreError, Store};

use crate::BenchError;

/// Tables copied whole, in an order that satisfies their foreign keys. The full-text index is
/// filled from `jobs` as the pipeline fills it (it is external-content, so it has no rows of its own).
const TABLES: &[&str] = &["postings", "jobs", "job_postings", "campaigns", "matches", "search_terms"];

/// Seconds SQLite takes to store the rows of the database at `pipeline` in a new database at
/// `floor` (the same schema, page size and pragmas as any store). Reading the source rows, from the
/// page cache, is timed with the writes; the final checkpoint is not.
pub fn store_floor(pipeline: &Path, floor: &Path) -> Result<Duration, BenchError> {
    let source = pipeline.to_str().ok_or_else(|| BenchError::Internal("the bench path is not UTF-8".into()))?;
    let store = Store::open(floor)?;
    let elapsed = store.exclusive(|connection| {
        connection.execute("ATTACH DATABASE ?1 AS pipeline", [source])?;
        let mut elapsed = Duration::ZERO;
        for table in TABLES {
            let columns = stored_columns(connection, table)?;
            elapsed += timed(
                connection,
                &format!("INSERT INTO main.{table} ({columns}) SELECT {columns} FROM pipeline.{table}"),
            )?;
            if *table == "jobs" {
                elapsed += timed(
                    connection,
                    "INSERT INTO main.jobs_fts (rowid, title, company, location_text, skills, description_text)
                     SELECT id, title, company, location_text, skills, description_text FROM main.jobs",
                )?;
            }
        }
        connection.execute_batch("DETACH DATABASE pipeline")?;
        Ok(elapsed)
    })?;
    Ok(elapsed)
}

/// The columns a row is stored with: `table_info` leaves out generated columns, which cannot be
/// written.
fn stored_columns(connection: &Connection, table: &str) -> Result<String, CoreError> {
    let names: Vec<String> = connection
        .prepare("SELECT name FROM main.pragma_table_info(?1)")?
        .query_map([table], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if names.is_empty() {
        return Err(CoreError::Internal(format!("the schema has no table {table}")));
    }
    Ok(names.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(", "))
}

/// `sql` in a transaction of its own, timed through its commit.
fn timed(connection: &mut Connection, sql: &str) -> Result<Duration, CoreError> {
    let started = Instant::now();
    let tx = connection.transaction()?;
    tx.execute_batch(sql)?;
    tx.commit()?;
    Ok(started.elapsed())
}

//! Deleting: one job with everything hanging off it, or everything Jobhound holds ("forget me").
//! Files go with their rows, so nothing is left behind in the data directory.

use std::path::{Path, PathBuf};

use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::applying::resumes::{documents_dir, file_path};
use crate::store::secrets::SecretStore;
use crate::{CoreError, Store, applying::llm_settings, search::index, search::word_list, store::paths};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedJob {
    pub title: String,
    pub company: String,
    /// Exported letter files removed with it.
    pub files_removed: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ForgetReport {
    pub jobs: u32,
    pub applications: u32,
    pub files_removed: u32,
    /// Keys removed from the OS keychain.
    pub keys_removed: u32,
}

/// Deletes job `id`: its postings, scores, feedback, application (timeline, contacts, files),
/// cover letters, quick read, and the letter files exported for it. A board that still lists it
/// brings it back as new on its next fetch.
pub fn delete_job(store: &Store, data_dir: &Path, id: i64) -> Result<DeletedJob, CoreError> {
    let (title, company, files) = store.write(|tx| {
        let (title, company): (String, String) = tx
            .query_row("SELECT title, company FROM jobs WHERE id = ?1", [id], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|error| match error {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound(format!("job {id}")),
                other => other.into(),
            })?;
        let letters = exported_letters(tx, "a.job_id = ?1", id)?;
        let texts = index::indexed_texts(tx, id)?;
        tx.execute("DELETE FROM postings WHERE id IN (SELECT posting_id FROM job_postings WHERE job_id = ?1)", [id])?;
        tx.execute("DELETE FROM jobs WHERE id = ?1", [id])?;
        // Its words leave the prefix list too, unless another job has them.
        word_list::forget(tx, &texts)?;
        let files = delete_unused_letters(tx, data_dir, &letters)?;
        Ok((title, company, files))
    })?;
    let files_removed = remove_files(&files);
    Ok(DeletedJob { title, company, files_removed })
}

/// The letter documents exported for the applications `condition` (on `a`, with ?1 = `value`) picks.
fn exported_letters(tx: &Transaction<'_>, condition: &str, value: i64) -> Result<Vec<i64>, CoreError> {
    let sql = format!(
        "SELECT f.document_id FROM application_files f JOIN applications a ON a.id = f.application_id WHERE {condition}"
    );
    Ok(tx.prepare(&sql)?.query_map([value], |row| row.get(0))?.collect::<Result<_, _>>()?)
}

/// Deletes application `id` with its timeline and contacts, and the copies of the letters exported
/// for it that nothing else uses. The files the person saved elsewhere stay theirs.
pub fn delete_application(store: &Store, data_dir: &Path, id: i64) -> Result<u32, CoreError> {
    let files = store.write(|tx| {
        let letters = exported_letters(tx, "a.id = ?1", id)?;
        crate::applying::applications::delete(tx, id)?;
        delete_unused_letters(tx, data_dir, &letters)
    })?;
    Ok(remove_files(&files))
}

/// Letter documents no application refers to any more: their rows go now, their files after commit.
fn delete_unused_letters(tx: &Transaction<'_>, data_dir: &Path, ids: &[i64]) -> Result<Vec<PathBuf>, CoreError> {
    let mut files = Vec::new();
    for &id in ids {
        let unused: Option<(String, String)> = tx
            .query_row(
                "SELECT sha256, format FROM documents WHERE id = ?1 AND kind = 'letter'
                 AND NOT EXISTS (SELECT 1 FROM application_files WHERE document_id = ?1)",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .ok();
        if let Some((sha256, format)) = unused {
            tx.execute("DELETE FROM documents WHERE id = ?1", params![id])?;
            let still_used: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?1)", [&sha256], |row| row.get(0))?;
            if !still_used {
                files.push(file_path(data_dir, &sha256, &format)?);
            }
        }
    }
    Ok(files)
}

fn remove_files(files: &[PathBuf]) -> u32 {
    let mut removed = 0;
    for file in files {
        match std::fs::remove_file(file) {
            Ok(()) => removed += 1,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => tracing::warn!("could not remove {}: {error}", file.display()),
        }
    }
    removed
}

/// Deletes everything: every row, every document file, the copies taken before migrations and
/// restores, and the keys Jobhound put in the OS keychain. The empty database stays usable.
pub fn forget_everything(
    store: &Store,
    data_dir: &Path,
    secrets: &dyn SecretStore,
    key_names: &[&str],
) -> Result<ForgetReport, CoreError> {
    let (jobs, applications) = store.write(|tx| {
        let counts =
            tx.query_row("SELECT (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM applications)", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        // Tables are emptied in any order; the foreign keys are checked once, at commit, when
        // nothing is left to point anywhere.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        for table in data_tables(tx)? {
            tx.execute(&format!("DELETE FROM {}", crate::store::identifier(&table)), [])?;
        }
        tx.execute("INSERT INTO jobs_fts (jobs_fts) VALUES ('delete-all')", [])?;
        Ok(counts)
    })?;
    erase_free_pages(store)?;
    let mut files = document_files(&documents_dir(data_dir));
    files.extend(database_copies(data_dir));
    let files_removed = remove_files(&files);
    let mut keys_removed = 0;
    for name in key_names {
        if secrets.get(name).ok().flatten().is_some() {
            secrets.delete(name)?;
            keys_removed += 1;
        }
    }
    // Not a key, but it names where the key went; it goes with it.
    secrets.delete(llm_settings::API_KEY_ORIGIN)?;
    Ok(ForgetReport { jobs, applications, files_removed, keys_removed })
}

/// Deleted rows stay readable in free pages and in the write-ahead log until overwritten: VACUUM
/// rewrites the file without them and a truncating checkpoint empties the log. The checkpoint
/// cannot finish while another connection (the app beside the CLI, say) is reading; SQLite waits
/// the busy timeout for it and then reports that in its result rather than as an error, so the
/// result is read.
fn erase_free_pages(store: &Store) -> Result<(), CoreError> {
    store.read(|connection| Ok(connection.execute_batch("VACUUM")?))?;
    let blocked: i64 =
        store.read(|connection| Ok(connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?))?;
    if blocked == 0 {
        return Ok(());
    }
    Err(CoreError::InvalidInput(
        "Everything was deleted, but another program still reading the database (another Jobhound window or the \
         command line) kept its old pages on disk. Close it and forget again to erase them."
            .into(),
    ))
}

/// Every table but the schema's own record, SQLite's, and the search index (emptied as a whole).
fn data_tables(tx: &Transaction<'_>) -> Result<Vec<String>, CoreError> {
    let tables = tx
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
             AND name NOT LIKE 'jobs\\_fts%' ESCAPE '\\' AND name <> 'schema_migrations'",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(tables)
}

fn document_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|entry| entry.path()).filter(|path| path.is_file()).collect())
        .unwrap_or_default()
}

/// `jobhound.db.v3-….bak` and `jobhound.db.before-restore-….bak`: full copies of old data.
fn database_copies(data_dir: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}.", paths::DATABASE_FILE);
    document_files(data_dir)
        .into_iter()
        .filter(|path| {
            let name = path.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
            name.starts_with(&prefix) && name.ends_with(".bak")
        })
        .collect()
}

/// The key names forgetting removes: the writing assistant's and every source's.
pub fn all_key_names() -> Vec<&'static str> {
    let mut names =
        vec![llm_settings::API_KEY, crate::inbox::settings::PASSWORD, crate::inbox::settings::PASSWORD_ACCOUNT];
    for kind in jobhound_sources::SourceKind::ALL {
        names.extend(kind.info().keys.iter().map(|key| key.name));
    }
    names
}

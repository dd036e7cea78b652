//! The whole of a person's data as one file, and back.
//!
//! A backup is a SQLite database: a copy of `jobhound.db` taken with SQLite's online backup API
//! (consistent while the app keeps running), plus one extra table holding the files under
//! `documents/` (resumes, exported letters), so nothing lives outside the single file.
//!
//! A backup is a file from outside, and people restore files they did not make (one shared in a
//! forum, say), so a restore treats it as hostile. It never brings the file's schema along: the
//! rows of Jobhound's own tables are copied into a private staging database built by Jobhound's
//! own migrations, after checking that every schema object of the file is one those migrations
//! make (no trigger or view of its own) and that every document is named by its digest. The
//! staging database is then upgraded, indexed and checked, the documents are put in place, and
//! only then is it swapped in, through the backup API in one transaction. Anything that fails
//! after the swap puts the previous database back, so the data folder always holds either the old
//! data or the new, never a mix.

mod check;
mod files;
mod staging;

pub use staging::DESTINATIONS_UNCONFIRMED;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::applying::resumes::write_atomically;
use crate::{CoreError, Store, latest_version};

/// The table in a backup file holding the files of `documents/`.
const FILES_TABLE: &str = "jobhound_backup_files";
/// Exactly as every Jobhound version wrote it; a backup's table must read the same.
const FILES_TABLE_SQL: &str = "CREATE TABLE jobhound_backup_files (name TEXT PRIMARY KEY, bytes BLOB NOT NULL)";

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupReport {
    pub path: String,
    pub bytes: u64,
    pub jobs: u32,
    pub applications: u32,
    /// Files of `documents/` carried in the backup.
    pub files: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    pub jobs: u32,
    pub applications: u32,
    pub files: u32,
    /// The schema version the backup was written with (it is brought up to date).
    pub backup_schema: i64,
    /// Where the database as it was before the restore was kept.
    pub previous_database: String,
    /// The restored data sends to other hosts (a writing assistant, webhooks): nothing is sent
    /// until the person has seen where and confirmed.
    pub destinations_to_confirm: bool,
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> CoreError {
    move |error| CoreError::Io { context, error }
}

fn counts(connection: &Connection) -> Result<(u32, u32), CoreError> {
    Ok(connection.query_row("SELECT (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM applications)", [], |row| {
        Ok((row.get(0)?, row.get(1)?))
    })?)
}

/// Writes the database and the documents to `out` as one file. The file appears whole or not at
/// all: it is written under a temporary name and renamed.
pub fn back_up(store: &Store, data_dir: &Path, out: &Path) -> Result<BackupReport, CoreError> {
    let file_name = out.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
    let temporary = out.with_file_name(format!(".{file_name}.part"));
    let _ = std::fs::remove_file(&temporary);
    let result = write_backup(store, data_dir, &temporary).and_then(|report| {
        std::fs::rename(&temporary, out).map_err(io(format!("cannot save the backup as {}", out.display())))?;
        let bytes = std::fs::metadata(out).map(|meta| meta.len()).unwrap_or(0);
        Ok(BackupReport { path: out.display().to_string(), bytes, ..report })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn write_backup(store: &Store, data_dir: &Path, target: &Path) -> Result<BackupReport, CoreError> {
    store.read(|connection| {
        connection
            .backup(MAIN_DB, target, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|error| CoreError::Backup { path: target.display().to_string(), reason: error.to_string() })
    })?;
    let mut copy = Connection::open(target)?;
    crate::store::harden(&copy)?;
    // One self-contained file: no -wal beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    let tx = copy.transaction()?;
    tx.execute(FILES_TABLE_SQL, [])?;
    let mut files = 0;
    for (name, path) in files::document_files(data_dir)? {
        let bytes = std::fs::read(&path).map_err(io(format!("cannot read {}", path.display())))?;
        tx.execute(&format!("INSERT INTO {FILES_TABLE} (name, bytes) VALUES (?1, ?2)"), params![name, bytes])?;
        files += 1;
    }
    let (jobs, applications) = counts(&tx)?;
    tx.commit()?;
    copy.close().map_err(|(_, error)| CoreError::Database(error))?;
    Ok(BackupReport { path: String::new(), bytes: 0, jobs, applications, files })
}

/// The private files a restore works in, beside the database; removed whatever happens.
struct Scratch {
    incoming: PathBuf,
    staging: PathBuf,
}

impl Scratch {
    fn new(data_dir: &Path) -> Self {
        let scratch =
            Self { incoming: data_dir.join(".restore-incoming.db"), staging: data_dir.join(".restore-staging.db") };
        scratch.remove();
        scratch
    }

    fn remove(&self) {
        for base in [&self.incoming, &self.staging] {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                let mut path = base.as_os_str().to_owned();
                path.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(path));
            }
        }
    }
}

/// Replaces the database and documents with those of the backup at `file`.
pub fn restore(store: &Store, data_dir: &Path, file: &Path) -> Result<RestoreReport, CoreError> {
    let scratch = Scratch::new(data_dir);
    // Checked and read from a private copy: the original is never opened for writing.
    let result = std::fs::copy(file, &scratch.incoming)
        .map_err(io(format!("cannot read {}", file.display())))
        .and_then(|_| restore_from(store, data_dir, file, &scratch));
    scratch.remove();
    result
}

fn restore_from(
    store: &Store,
    data_dir: &Path,
    original: &Path,
    scratch: &Scratch,
) -> Result<RestoreReport, CoreError> {
    let shown = original.display().to_string();
    let backup_schema = check::backup_file(&shown, &scratch.incoming)?;
    let page_size: u32 =
        store.read(|connection| Ok(connection.query_row("PRAGMA page_size", [], |row| row.get(0))?))?;
    let staged = staging::build(&shown, &scratch.incoming, &scratch.staging, backup_schema, page_size)?;

    let written = files::put_in_place(&scratch.incoming, data_dir)?;
    let previous = previous_database_path(store.path());
    match swap_in(store, &scratch.staging, &previous, check_live) {
        Ok((jobs, applications)) => Ok(RestoreReport {
            jobs,
            applications,
            files: staged.files,
            backup_schema,
            previous_database: previous.display().to_string(),
            destinations_to_confirm: staged.destinations_to_confirm,
        }),
        Err(error) => {
            files::remove(&written);
            Err(error)
        }
    }
}

/// Swaps `staging` in for the live database, keeping a copy of the live one at `previous` first.
/// The backup API copies in one transaction, so a failed swap leaves the live database as it was;
/// when `check` then finds the swapped-in database wrong, the copy goes back in its place.
fn swap_in<T>(
    store: &Store,
    staging: &Path,
    previous: &Path,
    check: impl FnOnce(&Store) -> Result<T, CoreError>,
) -> Result<T, CoreError> {
    store.read(|connection| {
        connection
            .execute("VACUUM INTO ?1", [previous.display().to_string()])
            .map_err(|error| CoreError::Backup { path: previous.display().to_string(), reason: error.to_string() })
    })?;
    store.exclusive(|connection| {
        connection.restore(MAIN_DB, staging, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    })?;
    match check(store) {
        Ok(value) => Ok(value),
        Err(error) => {
            put_back(store, previous)?;
            Err(error)
        }
    }
}

/// The swapped-in database reads as a whole one of this version.
fn check_live(store: &Store) -> Result<(u32, u32), CoreError> {
    store.read(|connection| {
        let version: i64 =
            connection.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))?;
        if version != latest_version() {
            return Err(CoreError::Internal(format!(
                "the restored database is at schema {version}, not {}",
                latest_version()
            )));
        }
        counts(connection)
    })
}

/// The database as it was before the restore goes back in place of the restored one.
fn put_back(store: &Store, previous: &Path) -> Result<(), CoreError> {
    store.exclusive(|connection| {
        connection.restore(MAIN_DB, previous, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    })
}

/// A name no earlier copy has: two restores within one second keep both copies.
fn previous_database_path(database: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let file_name = database.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
    let mut candidate = database.with_file_name(format!("{file_name}.before-restore-{stamp}.bak"));
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = database.with_file_name(format!("{file_name}.before-restore-{stamp}-{n}.bak"));
    }
    candidate
}

/// Writes `bytes` to `path` unless a file is there (documents are named by their digest).
fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, CoreError> {
    if path.exists() {
        return Ok(false);
    }
    write_atomically(path, bytes)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(store: &Store) -> String {
        store
            .read(|c| Ok(c.query_row("SELECT value FROM settings WHERE key = 'probe'", [], |row| row.get(0))?))
            .unwrap_or_default()
    }

    #[test]
    fn a_swap_whose_result_fails_its_check_puts_the_previous_database_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::open(&dir.path().join("jobhound.db")).unwrap_or_else(|e| panic!("{e}"));
        let write = |store: &Store, value: &str| {
            store.write(|tx| crate::store::settings::set(tx, "probe", value)).unwrap_or_else(|e| panic!("{e}"));
        };
        write(&store, "new");
        let staging = dir.path().join("staging.db");
        store
            .read(|c| Ok(c.execute("VACUUM INTO ?1", [staging.display().to_string()])?))
            .unwrap_or_else(|e| panic!("{e}"));
        write(&store, "old");

        let failed = swap_in(&store, &staging, &dir.path().join("previous-1.bak"), |store| {
            assert_eq!(setting(store), "new", "the staged database was swapped in");
            Err::<(), _>(CoreError::Internal("the restored database is wrong".into()))
        });
        assert!(failed.is_err());
        assert_eq!(setting(&store), "old", "the previous database is back");

        swap_in(&store, &staging, &dir.path().join("previous-2.bak"), |_| Ok(())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(setting(&store), "new");
    }
}

//! The whole of a person's data as one file, and back.
//!
//! A backup is a SQLite database: a copy of `jobhound.db` taken with SQLite's online backup API
//! (consistent while the app keeps running), plus one extra table holding the files under
//! `documents/` (resumes, exported letters), so nothing lives outside the single file.
//!
//! A restore checks the file first (SQLite integrity, a Jobhound schema no newer than this
//! version), keeps a copy of the current database beside it, and replaces the database through
//! the backup API, whose copy is one transaction: until it commits the current data stays.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::resumes::{documents_dir, write_atomically};
use crate::{CoreError, Store, latest_version};

/// The table in a backup file holding the files of `documents/`.
const FILES_TABLE: &str = "jobhound_backup_files";

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BackupReport {
    pub path: String,
    pub bytes: u64,
    pub jobs: u32,
    pub applications: u32,
    /// Files of `documents/` carried in the backup.
    pub files: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    pub jobs: u32,
    pub applications: u32,
    pub files: u32,
    /// The schema version the backup was written with (it is brought up to date).
    pub backup_schema: i64,
    /// Where the database as it was before the restore was kept.
    pub previous_database: String,
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
    // One self-contained file: no -wal beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    let tx = copy.transaction()?;
    tx.execute(&format!("CREATE TABLE {FILES_TABLE} (name TEXT PRIMARY KEY, bytes BLOB NOT NULL)"), [])?;
    let mut files = 0;
    for (name, path) in document_files(data_dir)? {
        let bytes = std::fs::read(&path).map_err(io(format!("cannot read {}", path.display())))?;
        tx.execute(&format!("INSERT INTO {FILES_TABLE} (name, bytes) VALUES (?1, ?2)"), params![name, bytes])?;
        files += 1;
    }
    let (jobs, applications) = counts(&tx)?;
    tx.commit()?;
    copy.close().map_err(|(_, error)| CoreError::Database(error))?;
    Ok(BackupReport { path: String::new(), bytes: 0, jobs, applications, files })
}

/// The files of `documents/` by name; temporary `.part` files of an unfinished write are skipped.
fn document_files(data_dir: &Path) -> Result<Vec<(String, PathBuf)>, CoreError> {
    let dir = documents_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(CoreError::Io { context: format!("cannot read {}", dir.display()), error }),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(format!("cannot read {}", dir.display())))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.path().is_file() && !name.starts_with('.') {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    Ok(files)
}

/// Replaces the database and documents with those of the backup at `file`.
pub fn restore(store: &Store, data_dir: &Path, file: &Path) -> Result<RestoreReport, CoreError> {
    // Checked and read from a private copy: the original is never opened for writing.
    let incoming = data_dir.join(".restore-incoming.db");
    std::fs::copy(file, &incoming).map_err(io(format!("cannot read {}", file.display())))?;
    let result = restore_from(store, data_dir, file, &incoming);
    let _ = std::fs::remove_file(&incoming);
    result
}

fn restore_from(store: &Store, data_dir: &Path, original: &Path, incoming: &Path) -> Result<RestoreReport, CoreError> {
    let backup_schema = check_backup(original, incoming)?;
    let page_size: u32 =
        store.read(|connection| Ok(connection.query_row("PRAGMA page_size", [], |row| row.get(0))?))?;
    match_page_size(incoming, page_size)?;
    let previous = previous_database_path(store.path());
    store.read(|connection| {
        connection
            .execute("VACUUM INTO ?1", [previous.display().to_string()])
            .map_err(|error| CoreError::Backup { path: previous.display().to_string(), reason: error.to_string() })
    })?;
    store.exclusive(|connection| {
        connection.restore(MAIN_DB, incoming, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    })?;
    store.migrate_again()?;
    let files = restore_documents(store, data_dir)?;
    let (jobs, applications) = store.read(counts)?;
    Ok(RestoreReport { jobs, applications, files, backup_schema, previous_database: previous.display().to_string() })
}

/// Refuses anything but an intact Jobhound database this version can read; returns its schema.
fn check_backup(original: &Path, incoming: &Path) -> Result<i64, CoreError> {
    let shown = original.display();
    let not_a_backup = |why: &str| CoreError::NotABackup(format!("{shown} is not a Jobhound backup: {why}"));
    let connection = Connection::open_with_flags(incoming, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|_| not_a_backup("it cannot be opened as a database"))?;
    let integrity: String = connection
        .query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))
        .map_err(|_| not_a_backup("it is not a SQLite database"))?;
    if integrity != "ok" {
        return Err(not_a_backup(&format!("the file is damaged ({integrity})")));
    }
    let has = |table: &str| -> Result<bool, CoreError> {
        Ok(connection
            .query_row("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", [table], |_| Ok(()))
            .optional()?
            .is_some())
    };
    if !has("schema_migrations")? || !has("jobs")? || !has(FILES_TABLE)? {
        return Err(not_a_backup("it has none of Jobhound's tables"));
    }
    let version: i64 =
        connection.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))?;
    let latest = latest_version();
    if version > latest {
        return Err(CoreError::SchemaTooNew { database: version, app: latest });
    }
    Ok(version)
}

/// SQLite copies a database into one in WAL mode only when their page sizes agree, so a backup
/// made before new databases took 16 KB pages (or from an older 4 KB database) is rewritten in the
/// live database's page size first. `incoming` is a private copy; the backup itself is untouched.
fn match_page_size(incoming: &Path, page_size: u32) -> Result<(), CoreError> {
    let connection = Connection::open_with_flags(incoming, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let current: u32 = connection.query_row("PRAGMA page_size", [], |row| row.get(0))?;
    if current != page_size {
        connection.execute_batch(&format!("PRAGMA journal_mode = DELETE; PRAGMA page_size = {page_size}; VACUUM;"))?;
    }
    Ok(())
}

fn previous_database_path(database: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let file_name = database.file_name().map(|name| name.to_string_lossy().to_string()).unwrap_or_default();
    database.with_file_name(format!("{file_name}.before-restore-{stamp}.bak"))
}

/// Writes the backup's documents back to `documents/` and drops their table from the database.
fn restore_documents(store: &Store, data_dir: &Path) -> Result<u32, CoreError> {
    let dir = documents_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(io(format!("cannot create {}", dir.display())))?;
    store.write(|tx| {
        let mut files = 0;
        {
            let mut rows = tx.prepare(&format!("SELECT name, bytes FROM {FILES_TABLE}"))?;
            let mut rows = rows.query([])?;
            while let Some(row) = rows.next()? {
                let name: String = row.get(0)?;
                let bytes: Vec<u8> = row.get(1)?;
                // Only plain names: a crafted backup cannot write outside documents/.
                if name.contains(['/', '\\']) || name.starts_with('.') {
                    continue;
                }
                let target = dir.join(&name);
                if !target.exists() {
                    write_atomically(&target, &bytes)?;
                }
                files += 1;
            }
        }
        tx.execute(&format!("DROP TABLE {FILES_TABLE}"), [])?;
        Ok(files)
    })
}

//! What a file offered for restore must be before anything is read from it: an intact SQLite
//! database whose record of migrations is Jobhound's, up to a version this build knows, whose
//! documents are each named by the digest of their bytes.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::FILES_TABLE;
use crate::applying::resumes::{is_document_file_name, sha256_hex};
use crate::store::migrate_checksum;
use crate::{CoreError, latest_version};

pub(super) fn refusal(shown: &str, why: impl std::fmt::Display) -> CoreError {
    CoreError::NotABackup(format!("{shown} is not a Jobhound backup: {why}"))
}

/// Opens a private copy of the offered file with the same untrusting settings as every other
/// connection: its schema cannot run functions or virtual tables from triggers or views.
pub(super) fn open_untrusted(shown: &str, path: &Path) -> Result<Connection, CoreError> {
    let connection =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|_| refusal(shown, "it cannot be opened as a database"))?;
    crate::store::harden(&connection)?;
    Ok(connection)
}

/// Refuses anything but an intact Jobhound backup this version can read; returns its schema version.
pub(super) fn backup_file(shown: &str, incoming: &Path) -> Result<i64, CoreError> {
    let connection = open_untrusted(shown, incoming)?;
    let integrity: String = connection
        .query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))
        .map_err(|_| refusal(shown, "it is not a SQLite database"))?;
    if integrity != "ok" {
        return Err(refusal(shown, format!("the file is damaged ({integrity})")));
    }
    for table in ["schema_migrations", "jobs", FILES_TABLE] {
        if !is_table(&connection, table)? {
            return Err(refusal(shown, "it has none of Jobhound's tables"));
        }
    }
    let version = migration_record(shown, &connection)?;
    documents(shown, &connection)?;
    Ok(version)
}

/// A real table, not a view or a virtual table under a Jobhound name.
pub(super) fn is_table(connection: &Connection, name: &str) -> Result<bool, CoreError> {
    Ok(connection
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1 AND sql NOT LIKE 'CREATE VIRTUAL%'",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The backup's migrations must be exactly Jobhound's first N, each with the text it landed with:
/// the staging database is built from that N, so a record with gaps or other checksums would
/// describe a schema Jobhound never made.
fn migration_record(shown: &str, connection: &Connection) -> Result<i64, CoreError> {
    let mut statement = connection.prepare("SELECT version, checksum FROM schema_migrations ORDER BY version")?;
    let rows: Vec<(i64, String)> =
        statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
    let Some(&(version, _)) = rows.last() else {
        return Err(refusal(shown, "its record of migrations is empty"));
    };
    let latest = latest_version();
    if version > latest {
        return Err(CoreError::SchemaTooNew { database: version, app: latest });
    }
    for (expected, (recorded, checksum)) in (1..).zip(&rows) {
        if *recorded != expected || migrate_checksum(expected).as_deref() != Some(checksum.as_str()) {
            return Err(refusal(
                shown,
                format!("its record of migrations does not match Jobhound's at version {expected}"),
            ));
        }
    }
    Ok(version)
}

/// Every carried file is named `<sha256 of its bytes>.<pdf|docx>`: nothing else can become a
/// path under `documents/`, and a file cannot pose as another's content.
fn documents(shown: &str, connection: &Connection) -> Result<(), CoreError> {
    let mut statement = connection.prepare(&format!("SELECT name, bytes FROM {FILES_TABLE}"))?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        if !is_document_file_name(&name) {
            let shown_name: String = name.chars().take(80).collect();
            return Err(refusal(
                shown,
                format!("it carries a file named {shown_name:?}, which is not a document name"),
            ));
        }
        let bytes = row.get_ref(1)?.as_blob().map_err(|_| refusal(shown, format!("its file {name} is not bytes")))?;
        if !name.starts_with(&sha256_hex(bytes)) {
            return Err(refusal(shown, format!("its file {name} does not hold the content its name promises")));
        }
    }
    Ok(())
}

//! The SQLite store: one file, WAL, foreign keys on, migrated on open.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::CoreError;

use super::{MigrationReport, checkpointer, migrate};
use crate::search::id_bits;

/// A column holding JSON, read as `T`; text that does not parse is a column error like any other.
pub(crate) fn json_column<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text)
        .map_err(|error| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(error)))
}

/// `name` as a quoted SQL identifier, for the few statements that must name a table read from the
/// schema: a quote inside the name cannot end the identifier early.
pub(crate) fn identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

const IDLE_CONNECTIONS: usize = 4;

/// A handle to the database. Cheap to share behind an `Arc`; each call checks a connection out of a
/// small free-list, so readers never wait on one another (WAL) and the list's lock is held only to
/// take or return a connection, never during a query.
pub struct Store {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    migration: MigrationReport,
    checkpointer: checkpointer::Checkpointer,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. An
    /// existing database is copied aside before any migration runs.
    pub fn open(path: &Path) -> Result<Self, CoreError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| CoreError::Io { context: format!("creating {}", parent.display()), error })?;
        }
        let mut connection = open_connection(path)?;
        let migration = migrate::run(&mut connection, path)?;
        Ok(Self {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![connection]),
            migration,
            checkpointer: checkpointer::Checkpointer::start(path, open_connection),
        })
    }

    /// A watcher that notices every commit to this database, by any process.
    pub fn watch_changes(&self) -> Result<super::ChangeWatcher, CoreError> {
        super::ChangeWatcher::new(open_connection(&self.path)?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn migration_report(&self) -> &MigrationReport {
        &self.migration
    }

    /// Runs `work` on a pooled connection.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let connection = self.checkout()?;
        let result = work(&connection);
        self.checkin(connection);
        result
    }

    /// Runs `work` inside an `IMMEDIATE` transaction (it takes the write lock up front, so a
    /// read-then-write never fails half-way with SQLITE_BUSY) and commits when it returns `Ok`.
    pub fn write<T>(&self, work: impl FnOnce(&Transaction<'_>) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let mut connection = self.checkout()?;
        let result = (|| {
            let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = work(&transaction)?;
            transaction.commit()?;
            self.checkpointer.committed(&connection);
            Ok(value)
        })();
        self.checkin(connection);
        result
    }

    /// Runs `work` on a connection of its own (a restore replaces the database through it).
    pub fn exclusive<T>(&self, work: impl FnOnce(&mut Connection) -> Result<T, CoreError>) -> Result<T, CoreError> {
        let mut connection = self.checkout()?;
        let result = work(&mut connection);
        self.checkin(connection);
        result
    }

    fn checkout(&self) -> Result<Connection, CoreError> {
        let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match pooled {
            Some(connection) => Ok(connection),
            None => open_connection(&self.path),
        }
    }

    fn checkin(&self, connection: Connection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_CONNECTIONS
        {
            idle.push(connection);
        }
    }
}

fn open_connection(path: &Path) -> Result<Connection, CoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(path, flags)
        .map_err(|error| CoreError::OpenDatabase { path: path.display().to_string(), reason: error.to_string() })?;
    connection.busy_timeout(Duration::from_secs(5))?;
    harden(&connection)?;
    // 16 KB pages, which only take on a new, empty file (before WAL is on); older databases keep
    // theirs. A posting or job row (payload, descriptions) is just over 2 KB, so at SQLite's default
    // 4 KB each took a page of its own; at 16 KB they share pages, so a batch and its log write fewer
    // bytes (`bench ingest`). Lists by score read fewer pages; a filtered list newest first reads
    // each candidate's whole row page, so it costs more per row (`bench search`).
    connection.execute_batch(
        "PRAGMA page_size = 16384;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -32768;
         PRAGMA wal_autocheckpoint = 0;
         PRAGMA journal_size_limit = 67108864;",
    )?;
    register_functions(&connection)?;
    Ok(connection)
}

/// A database of the app's own that is not the person's: a restore's staging copy. It takes the
/// live database's page size (SQLite copies into a WAL database only between equal page sizes),
/// keeps no log beside it, and checks foreign keys only when asked, once its rows are all in.
pub(crate) fn open_private(path: &Path, page_size: u32) -> Result<Connection, CoreError> {
    let connection = Connection::open(path)?;
    harden(&connection)?;
    connection.execute_batch(&format!(
        "PRAGMA page_size = {page_size}; PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = OFF;"
    ))?;
    register_functions(&connection)?;
    Ok(connection)
}

/// Every connection, to the live database or to a file offered for restore, treats the schema as
/// untrusted: functions and virtual tables that are not marked innocuous cannot run from triggers,
/// views or indexes a file brings along (`trusted_schema = OFF`), and the defensive flag refuses
/// the statements that can corrupt a file (writable_schema, writing shadow tables directly).
pub(crate) fn harden(connection: &Connection) -> Result<(), CoreError> {
    use rusqlite::config::DbConfig;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(())
}

/// `hamming(a, b)`: bits that differ between two SimHashes, so duplicate candidates are
/// filtered inside SQLite instead of row by row in Rust. NULL when either side is NULL.
fn register_functions(connection: &Connection) -> Result<(), CoreError> {
    use rusqlite::functions::FunctionFlags;
    connection.create_scalar_function(
        "hamming",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |context| {
            let left: Option<i64> = context.get(0)?;
            let right: Option<i64> = context.get(1)?;
            Ok(left.zip(right).map(|(left, right)| i64::from((left ^ right).count_ones())))
        },
    )?;
    id_bits::register(connection)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::identifier;

    /// Forget deletes from tables named by the schema; a quote in a name must not end it early.
    #[test]
    fn a_quoted_identifier_names_exactly_its_table() {
        assert_eq!(identifier(r#"odd"name"#), r#""odd""name""#);
        let connection = rusqlite::Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        connection
            .execute_batch(
                r#"CREATE TABLE "odd""name" (x); CREATE TABLE odd (x); INSERT INTO odd VALUES (1);
                              INSERT INTO "odd""name" VALUES (2);"#,
            )
            .unwrap_or_else(|e| panic!("{e}"));
        connection.execute(&format!("DELETE FROM {}", identifier(r#"odd"name"#)), []).unwrap_or_else(|e| panic!("{e}"));
        let left: i64 =
            connection.query_row("SELECT COUNT(*) FROM odd", [], |row| row.get(0)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(left, 1, "only the named table was emptied");
    }
}

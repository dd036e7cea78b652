//! Applying the embedded `migrations/` in order, each checksummed; the file is copied aside first.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::CoreError;

pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// What opening the database did to its schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationReport {
    pub from_version: i64,
    pub to_version: i64,
    /// The copy taken before migrating an existing database.
    pub backup: Option<PathBuf>,
}

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|migration| migration.version).unwrap_or(0)
}

fn checksum(sql: &str) -> String {
    format!("{:x}", Sha256::digest(sql.as_bytes()))
}

pub(super) fn run(connection: &mut Connection, path: &Path) -> Result<MigrationReport, CoreError> {
    run_with(connection, path, MIGRATIONS)
}

/// Brings a private copy (a restore's staging database) to `version`, or to the latest when
/// `None`, without the copy-aside a person's own database gets: the staging file is thrown away
/// whatever happens.
pub(crate) fn run_private(connection: &mut Connection, version: Option<i64>) -> Result<MigrationReport, CoreError> {
    let migrations = match version {
        Some(version) => {
            let count = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
            &MIGRATIONS[..count]
        }
        None => MIGRATIONS,
    };
    apply(connection, None, migrations)
}

/// The checksum each landed migration is recorded with, by version.
pub(crate) fn recorded_checksum(version: i64) -> Option<String> {
    MIGRATIONS.iter().find(|migration| migration.version == version).map(|migration| checksum(migration.sql))
}

fn run_with(connection: &mut Connection, path: &Path, migrations: &[Migration]) -> Result<MigrationReport, CoreError> {
    apply(connection, Some(path), migrations)
}

fn apply(
    connection: &mut Connection,
    copy_aside: Option<&Path>,
    migrations: &[Migration],
) -> Result<MigrationReport, CoreError> {
    connection.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             checksum   TEXT NOT NULL,
             applied_at TEXT NOT NULL
         );",
    )?;
    let current: i64 =
        connection.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))?;
    let latest = migrations.last().map(|migration| migration.version).unwrap_or(0);
    if current > latest {
        return Err(CoreError::SchemaTooNew { database: current, app: latest });
    }
    verify_applied(connection, migrations, current)?;

    let mut report = MigrationReport { from_version: current, to_version: current, backup: None };
    if current == latest {
        return Ok(report);
    }
    if let Some(path) = copy_aside
        && current > 0
    {
        report.backup = Some(back_up(connection, path, current)?);
    }
    for migration in migrations.iter().filter(|migration| migration.version > current) {
        // A migration that rebuilds a table others refer to runs with foreign keys off (they
        // cannot change inside a transaction), and they are checked before it commits.
        let rebuilds = migration.sql.lines().next().is_some_and(|line| line.trim() == REBUILDS_TABLES);
        let enforced: bool = connection.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
        if rebuilds {
            connection.execute_batch("PRAGMA foreign_keys = OFF")?;
        }
        let applied = apply_one(connection, migration, rebuilds);
        if rebuilds && enforced {
            connection.execute_batch("PRAGMA foreign_keys = ON")?;
        }
        applied?;
        report.to_version = migration.version;
        tracing::info!(version = migration.version, name = migration.name, "applied migration");
    }
    Ok(report)
}

/// The first line of a migration that rebuilds a table (see `apply`).
const REBUILDS_TABLES: &str = "-- jobhound: rebuilds-tables";

fn apply_one(connection: &mut Connection, migration: &Migration, rebuilds: bool) -> Result<(), CoreError> {
    let failed = |reason: String| CoreError::Migration { version: migration.version, reason };
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    transaction.execute_batch(migration.sql).map_err(|error| failed(error.to_string()))?;
    if rebuilds {
        let broken: i64 =
            transaction.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |row| row.get(0))?;
        if broken > 0 {
            return Err(failed(format!("{broken} rows would refer to nothing")));
        }
    }
    transaction.execute(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, ?4)",
        (migration.version, migration.name, checksum(migration.sql), crate::time::now_rfc3339()),
    )?;
    transaction.commit()?;
    Ok(())
}

/// A landed migration must never change: the database was built from the text it had then.
fn verify_applied(connection: &Connection, migrations: &[Migration], current: i64) -> Result<(), CoreError> {
    for migration in migrations.iter().filter(|migration| migration.version <= current) {
        let recorded: Option<String> = connection
            .query_row("SELECT checksum FROM schema_migrations WHERE version = ?1", [migration.version], |row| {
                row.get(0)
            })
            .optional()?;
        match recorded {
            Some(recorded) if recorded == checksum(migration.sql) => {}
            Some(_) => return Err(CoreError::MigrationEdited { version: migration.version }),
            None => {
                return Err(CoreError::Migration {
                    version: migration.version,
                    reason: "missing from the database's migration record".into(),
                });
            }
        }
    }
    Ok(())
}

/// Copies the whole database (WAL included, consistently) beside it before changing its schema.
fn back_up(connection: &Connection, path: &Path, version: i64) -> Result<PathBuf, CoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let file_name = path.file_name().and_then(|name| name.to_str()).unwrap_or("jobhound.db");
    let backup = path.with_file_name(format!("{file_name}.v{version}-{stamp}.bak"));
    connection
        .execute("VACUUM INTO ?1", [backup.display().to_string()])
        .map_err(|error| CoreError::Backup { path: backup.display().to_string(), reason: error.to_string() })?;
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: Migration = Migration { version: 1, name: "first", sql: "CREATE TABLE notes (body TEXT);" };
    const SECOND: Migration = Migration { version: 2, name: "second", sql: "ALTER TABLE notes ADD COLUMN at TEXT;" };

    fn open(path: &Path) -> Connection {
        Connection::open(path).unwrap()
    }

    #[test]
    fn a_new_database_gets_every_migration_and_no_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let report = run_with(&mut open(&path), &path, &[FIRST, SECOND]).unwrap();
        assert_eq!(report, MigrationReport { from_version: 0, to_version: 2, backup: None });
        let report = run_with(&mut open(&path), &path, &[FIRST, SECOND]).unwrap();
        assert_eq!((report.from_version, report.to_version, report.backup), (2, 2, None));
    }

    #[test]
    fn an_existing_database_is_copied_aside_before_migrating() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        run_with(&mut open(&path), &path, &[FIRST]).unwrap();
        open(&path).execute("INSERT INTO notes (body) VALUES ('keep me')", []).unwrap();

        let report = run_with(&mut open(&path), &path, &[FIRST, SECOND]).unwrap();
        let backup = report.backup.expect("a backup was taken");
        let kept: String = open(&backup).query_row("SELECT body FROM notes", [], |row| row.get(0)).unwrap();
        assert_eq!(kept, "keep me");
        let columns: i64 =
            open(&backup).query_row("SELECT COUNT(*) FROM pragma_table_info('notes')", [], |row| row.get(0)).unwrap();
        assert_eq!(columns, 1, "the backup holds the schema from before the migration");
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        run_with(&mut open(&path), &path, &[FIRST, SECOND]).unwrap();
        let before = std::fs::read(&path).unwrap();
        let error = run_with(&mut open(&path), &path, &[FIRST]).unwrap_err();
        assert!(matches!(error, CoreError::SchemaTooNew { database: 2, app: 1 }), "{error}");
        assert!(error.to_string().contains("newer version of Jobhound"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn an_edited_landed_migration_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        run_with(&mut open(&path), &path, &[FIRST]).unwrap();
        let edited = Migration { sql: "CREATE TABLE notes (body TEXT, extra TEXT);", ..FIRST };
        let error = run_with(&mut open(&path), &path, &[edited]).unwrap_err();
        assert!(matches!(error, CoreError::MigrationEdited { version: 1 }), "{error}");
    }

    #[test]
    fn a_failing_migration_rolls_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let broken = Migration { version: 2, name: "broken", sql: "CREATE TABLE half (x); SELECT * FROM nowhere;" };
        let error = run_with(&mut open(&path), &path, &[FIRST, broken]).unwrap_err();
        assert!(matches!(error, CoreError::Migration { version: 2, .. }), "{error}");
        let tables: i64 = open(&path)
            .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'", [], |row| row.get(0))
            .unwrap();
        assert_eq!(tables, 0);
        let version: i64 =
            open(&path).query_row("SELECT MAX(version) FROM schema_migrations", [], |row| row.get(0)).unwrap();
        assert_eq!(version, 1);
    }

    #[test]
    fn jobs_stored_under_migration_3_stay_findable_and_filterable_after_the_batched_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        run_with(&mut open(&path), &path, &MIGRATIONS[..3]).unwrap();
        open(&path)
            .execute_batch(
                "INSERT INTO postings (id, source, source_job_id, payload, content_hash, first_seen_at, fetched_at)
                 VALUES (7, 'lever', 'a1', '{}', 'h', 'x', 'x');
                 INSERT INTO jobs (id, title, company, first_seen_at, last_seen_at, updated_at)
                 VALUES (3, 'Quasar Wrangler', 'Acme', 'x', 'x', 'x');
                 INSERT INTO job_postings (job_id, posting_id, first_seen_at) VALUES (3, 7, 'x');",
            )
            .unwrap();

        run(&mut open(&path), &path).unwrap();
        let connection = open(&path);
        let source: String = connection.query_row("SELECT source FROM job_postings", [], |row| row.get(0)).unwrap();
        assert_eq!(source, "lever", "the source filter's column is filled for old links");
        let found: i64 = connection
            .query_row("SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH 'wrangler'", [], |row| row.get(0))
            .unwrap();
        assert_eq!(found, 3, "the trigger-built index still serves old jobs");
        connection.execute("INSERT INTO jobs_fts (jobs_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    }

    #[test]
    fn widening_documents_keeps_every_reference_to_them_and_foreign_keys_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        run_with(&mut open(&path), &path, &MIGRATIONS[..14]).unwrap();
        open(&path)
            .execute_batch(
                "INSERT INTO jobs (id, title, company, first_seen_at, last_seen_at, updated_at) VALUES (3, 'Engineer', 'Acme', 'x', 'x', 'x');
                 INSERT INTO documents (id, kind, name, file_name, format, sha256, size_bytes, text, created_at)
                 VALUES (5, 'resume', 'CV', 'cv.pdf', 'pdf', 'aa', 10, 'text', 'x'), (6, 'letter', 'L', 'l.pdf', 'pdf', 'bb', 10, 'dear', 'x');
                 INSERT INTO applications (id, job_id, status, resume_id, created_at, updated_at) VALUES (1, 3, 'applied', 5, 'x', 'x');
                 INSERT INTO application_files (application_id, document_id, saved_to, created_at) VALUES (1, 6, '/tmp/l.pdf', 'x');",
            )
            .unwrap();
        let mut connection = open(&path);
        run(&mut connection, &path).unwrap();
        let kept: (i64, i64) = connection
            .query_row(
                "SELECT (SELECT resume_id FROM applications WHERE id = 1), (SELECT document_id FROM application_files)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!(kept, (5, 6));
        let enforced: bool = connection.query_row("PRAGMA foreign_keys", [], |row| row.get(0)).unwrap();
        assert!(enforced, "foreign keys are enforced again");
        connection
            .execute(
                "INSERT INTO documents (kind, name, file_name, format, sha256, size_bytes, text, created_at)
                 VALUES ('tailored_resume', 'R', 'r.pdf', 'pdf', 'cc', 1, 't', 'x')",
                [],
            )
            .unwrap();
        // Deleting the resume still clears the application's reference to it: the rebuilt table
        // is the one the others point at.
        connection.execute("DELETE FROM documents WHERE id = 5", []).unwrap();
        let cleared: Option<i64> =
            connection.query_row("SELECT resume_id FROM applications WHERE id = 1", [], |row| row.get(0)).unwrap();
        assert_eq!(cleared, None);
    }

    #[test]
    fn the_shipped_migrations_apply_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let report = run(&mut open(&path), &path).unwrap();
        assert_eq!(report.to_version, latest_version());
        assert!(latest_version() >= 1);
    }

    #[test]
    fn words_indexed_before_the_prefix_list_existed_are_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        run_with(&mut open(&path), &path, &MIGRATIONS[..10]).unwrap();
        open(&path)
            .execute_batch(
                "INSERT INTO jobs (id, title, company, location_text, first_seen_at, last_seen_at, updated_at)
                 VALUES (3, 'Quasar Wrangler', 'Acme', 'Zürich', 'x', 'x', 'x');
                 INSERT INTO jobs_fts (rowid, title, company, location_text) VALUES (3, 'Quasar Wrangler', 'Acme', 'Zürich');",
            )
            .unwrap();

        run(&mut open(&path), &path).unwrap();
        let connection = open(&path);
        let words: Vec<String> = connection
            .prepare("SELECT term FROM search_terms ORDER BY term")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(words, ["acme", "quasar", "wrangler", "zurich"]);
    }
}

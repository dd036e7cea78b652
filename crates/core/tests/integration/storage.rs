//! The database itself: WAL and foreign keys, the schema version, the demo data, checkpoints.

use jobhound_core::search::JobQuery;
use jobhound_core::{Jobhound, latest_version, store};

#[test]
fn the_database_is_wal_with_foreign_keys_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap();
    let (mode, keys, timeout): (String, i64, i64) = app
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT foreign_keys FROM pragma_foreign_keys),
                        (SELECT timeout FROM pragma_busy_timeout)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!((mode.as_str(), keys), ("wal", 1));
    assert!(timeout >= 1000);
    let status = app.status().unwrap();
    assert_eq!(status.schema_version, latest_version());
    assert_eq!(status.database_path, store::database_path(dir.path()).display().to_string());
    assert_eq!(status.migration_backup, None);
}

#[test]
fn a_database_from_a_newer_jobhound_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Jobhound::open(dir.path()).unwrap());
    let db = store::database_path(dir.path());
    {
        let connection = rusqlite_connection(&db);
        connection
            .execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, 'future', 'x', 'now')",
                [latest_version() + 1],
            )
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let error = Jobhound::open(dir.path()).err().expect("refused");
    assert_eq!(error.code(), "schema_too_new");
    assert!(error.to_string().contains("Update Jobhound"), "{error}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

fn rusqlite_connection(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

#[test]
fn demo_data_imports_once_and_searches_offline() {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap();
    assert_eq!(app.status().unwrap().job_count, 0);
    let first = app.import_demo().unwrap();
    assert_eq!((first.jobs_seen, first.new_jobs), (3, 3));
    let again = app.import_demo().unwrap();
    assert_eq!(again.new_jobs, 0, "importing twice adds nothing");

    let page = app.list_jobs(&JobQuery { text: Some("majors".into()), ..JobQuery::default() }).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.jobs[0].title, "Account Executive, Majors");
    let prefix = app.list_jobs(&JobQuery { text: Some("vaul".into()), ..JobQuery::default() }).unwrap();
    assert_eq!(prefix.jobs.iter().map(|job| job.company.as_str()).collect::<Vec<_>>(), vec!["vaulttec"]);
    let none = app.list_jobs(&JobQuery { text: Some("\"unbalanced AND (".into()), ..JobQuery::default() }).unwrap();
    assert_eq!(none.total, 0, "FTS syntax in user input is harmless");
    let by_source = app.list_jobs(&JobQuery { source: Some("greenhouse".into()), ..JobQuery::default() }).unwrap();
    assert_eq!(by_source.total, 3);
}

#[test]
fn an_unknown_job_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap();
    assert_eq!(app.get_job(42).unwrap_err().code(), "not_found");
}

#[test]
fn a_growing_write_ahead_log_is_copied_into_the_database_without_blocking_commits() {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap();
    let database = store::database_path(dir.path());
    let store = app.store();
    store.write(|tx| Ok(tx.execute_batch("CREATE TABLE scratch (data BLOB NOT NULL)")?)).unwrap();
    // 48 MB in 1 MB commits: past the size that wakes the checkpoint thread, well short of the
    // size at which a commit would checkpoint inline.
    for _ in 0..48 {
        store.write(|tx| Ok(tx.execute("INSERT INTO scratch (data) VALUES (zeroblob(1048576))", [])?)).unwrap();
    }
    // Connections never checkpoint on their own (wal_autocheckpoint = 0), so the database file
    // only grows when the thread copies the log into it.
    let copied = |minimum: u64| std::fs::metadata(&database).unwrap().len() >= minimum;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !copied(32 * 1024 * 1024) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(copied(32 * 1024 * 1024), "the log was not checkpointed into {}", database.display());
    let autocheckpoint: i64 =
        store.read(|c| Ok(c.query_row("PRAGMA wal_autocheckpoint", [], |row| row.get(0))?)).unwrap();
    assert_eq!(autocheckpoint, 0);
}

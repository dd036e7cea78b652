#![allow(clippy::expect_used, clippy::unwrap_used)]

use jobhound_core::jobs::JobQuery;
use jobhound_core::{Jobhound, latest_version, paths};

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
    assert_eq!(status.database_path, paths::database_path(dir.path()).display().to_string());
    assert_eq!(status.migration_backup, None);
}

#[test]
fn a_database_from_a_newer_jobhound_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Jobhound::open(dir.path()).unwrap());
    let db = paths::database_path(dir.path());
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

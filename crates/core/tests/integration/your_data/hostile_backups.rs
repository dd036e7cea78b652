//! Backups crafted as an attacker would, each built from a genuine one: restore refuses them and
//! the data folder keeps working with the data it had; and a property test over randomly damaged
//! backups finds the folder always holding either the old data or the new, never a mix.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jobhound_core::Jobhound;
use jobhound_core::applying::LlmSettings;

use super::{Setup, count, setup};

/// A copy of a genuine backup of `s`, changed by `sql` run on it as any SQLite tool would.
fn crafted(s: &Setup, name: &str, sql: &str) -> PathBuf {
    let genuine = s.dir.path().join("genuine.db");
    if !genuine.exists() {
        s.app.back_up(&genuine).unwrap();
    }
    let path = s.dir.path().join(name);
    std::fs::copy(&genuine, &path).unwrap();
    rusqlite::Connection::open(&path).unwrap().execute_batch(sql).unwrap();
    path
}

/// What the person sees of their data: every job, every application's status, every setting.
fn fingerprint(app: &Jobhound) -> String {
    app.store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT group_concat(id || ':' || title, '|') FROM (SELECT id, title FROM jobs ORDER BY id))
                     || '#' || (SELECT COALESCE(group_concat(job_id || ':' || status, '|'), '') FROM (SELECT job_id, status FROM applications ORDER BY id))
                     || '#' || (SELECT COALESCE(group_concat(key || '=' || value, '|'), '') FROM (SELECT key, value FROM settings ORDER BY key))",
                [],
                |row| row.get(0),
            )?)
        })
        .unwrap()
}

/// The schema of a database Jobhound made itself: names, kinds and SQL of every object.
fn schema(app: &Jobhound) -> Vec<(String, String, Option<String>)> {
    app.store()
        .read(|c| {
            let mut statement = c.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")?;
            Ok(statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?.collect::<Result<_, _>>()?)
        })
        .unwrap()
}

/// The folder still works as before: the same data, Jobhound's own schema, a backup can be made,
/// a list read, and no scratch file of the restore is left.
fn assert_untouched(s: &Setup, before: &str, schema_before: &[(String, String, Option<String>)]) {
    assert_eq!(fingerprint(&s.app), before, "the data changed");
    assert_eq!(schema(&s.app), schema_before, "the schema changed");
    s.app.list_jobs(&Default::default()).unwrap();
    s.app.back_up(&s.dir.path().join(format!("after-{}.db", rand_name()))).unwrap();
    let data = s.dir.path().join("data");
    for entry in std::fs::read_dir(&data).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(!name.starts_with(".restore"), "{name} was left behind");
    }
}

fn rand_name() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
}

/// The writing assistant at `base_url`, any model, a short timeout.
fn assistant(base_url: &str, allow_http_on_private_network: bool) -> LlmSettings {
    LlmSettings {
        base_url: base_url.into(),
        model: "any".into(),
        temperature: 0.5,
        timeout_seconds: 5,
        allow_http_on_private_network,
    }
}

fn refused(s: &Setup, file: &Path, says: &str) {
    let error = s.app.restore(file).unwrap_err();
    assert_eq!(error.code(), "not_a_backup", "{error}");
    assert!(error.to_string().contains(says), "{error}");
}

#[test]
fn a_document_named_by_a_path_cannot_delete_a_file_outside_documents() {
    let s = setup();
    let victim = s.dir.path().join("thesis.docx");
    std::fs::write(&victim, "four years of work").unwrap();
    let stem = victim.with_extension("");
    let (before, schema_before) = (fingerprint(&s.app), schema(&s.app));

    let file = crafted(
        &s,
        "path.db",
        &format!("UPDATE documents SET sha256 = '{}', format = 'docx' WHERE kind = 'resume'", stem.display()),
    );
    refused(&s, &file, "is not named by a digest");
    // The table's CHECK keeps `format` to pdf and docx; a relative climb in the digest is refused too.
    let file = crafted(
        &s,
        "climb.db",
        "UPDATE documents SET sha256 = '../../../thesis', format = 'docx' WHERE kind = 'resume'",
    );
    refused(&s, &file, "is not named by a digest");
    assert_untouched(&s, &before, &schema_before);

    // Should such a row reach the database anyway, deleting it touches no file outside documents/.
    let resume_id = count(&s.app, "SELECT id FROM documents WHERE kind = 'resume'");
    s.app
        .store()
        .write(|tx| {
            tx.execute(
                "UPDATE documents SET sha256 = ?1, format = 'docx' WHERE id = ?2",
                rusqlite::params![stem.display().to_string(), resume_id],
            )?;
            Ok(())
        })
        .unwrap();
    let error = s.app.delete_resume(resume_id).unwrap_err();
    assert!(error.to_string().contains("not a Jobhound file name"), "{error}");
    assert!(victim.exists(), "the file outside the data folder is still there");
}

#[test]
fn a_backups_triggers_and_views_never_reach_the_database() {
    let s = setup();
    let (before, schema_before) = (fingerprint(&s.app), schema(&s.app));
    // Keeps the writing assistant pointing at another host whatever the person sets.
    let trigger = crafted(
        &s,
        "trigger.db",
        "INSERT INTO settings (key, value) VALUES ('llm.base_url', 'http://collector.invalid/v1');
         CREATE TRIGGER keep_collector AFTER UPDATE ON settings BEGIN
             UPDATE settings SET value = 'http://collector.invalid/v1' WHERE key = 'llm.base_url';
         END;",
    );
    refused(&s, &trigger, "trigger \"keep_collector\" that Jobhound does not make");
    let view = crafted(&s, "view.db", "CREATE VIEW jobs_everywhere AS SELECT * FROM jobs;");
    refused(&s, &view, "view \"jobs_everywhere\"");
    let altered = crafted(&s, "altered.db", "ALTER TABLE jobs ADD COLUMN tracker TEXT DEFAULT 'x';");
    refused(&s, &altered, "table \"jobs\" is not the one Jobhound makes");
    let index = crafted(&s, "index.db", "CREATE INDEX jobs_by_everything ON jobs (title, company, url);");
    refused(&s, &index, "index \"jobs_by_everything\"");
    let files_table = crafted(
        &s,
        "files-table.db",
        "DROP TABLE jobhound_backup_files; CREATE TABLE jobhound_backup_files (name TEXT, bytes BLOB, extra TEXT);",
    );
    refused(&s, &files_table, "jobhound_backup_files");
    assert_untouched(&s, &before, &schema_before);
}

#[test]
fn a_recursive_view_in_place_of_a_table_is_refused_at_once() {
    let s = setup();
    let (before, schema_before) = (fingerprint(&s.app), schema(&s.app));
    let file = crafted(
        &s,
        "recursive.db",
        "PRAGMA foreign_keys = OFF;
         DROP TABLE application_events; DROP TABLE application_contacts; DROP TABLE application_files;
         DROP TABLE applications;
         CREATE VIEW applications AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS id FROM n;",
    );
    let started = Instant::now();
    refused(&s, &file, "applications");
    assert!(started.elapsed() < Duration::from_secs(20), "the restore ended");
    assert_untouched(&s, &before, &schema_before);
}

#[test]
fn a_backup_with_no_migration_record_leaves_the_folder_working() {
    let s = setup();
    let (before, schema_before) = (fingerprint(&s.app), schema(&s.app));
    let empty = crafted(&s, "empty-record.db", "DELETE FROM schema_migrations;");
    refused(&s, &empty, "record of migrations is empty");
    let gap = crafted(&s, "gap.db", "DELETE FROM schema_migrations WHERE version = 3;");
    refused(&s, &gap, "does not match Jobhound's at version 3");
    let edited = crafted(&s, "edited.db", "UPDATE schema_migrations SET checksum = 'x' WHERE version = 5;");
    refused(&s, &edited, "does not match Jobhound's at version 5");
    assert_untouched(&s, &before, &schema_before);
    // Later commands still open the folder: a new handle migrates and reads it.
    let reopened = Jobhound::open(&s.dir.path().join("data")).unwrap();
    assert_eq!(fingerprint(&reopened), before);
}

#[test]
fn document_names_the_os_refuses_or_that_leave_documents_are_refused() {
    let s = setup();
    let (before, schema_before) = (fingerprint(&s.app), schema(&s.app));
    for (n, name) in ["C:evil.exe", "../escape.pdf", "/etc/cron.d/x", "CON", "aux.pdf", "a/b.pdf", ".hidden", "x.pdf"]
        .iter()
        .enumerate()
    {
        let file = crafted(
            &s,
            &format!("name-{n}.db"),
            &format!("INSERT INTO jobhound_backup_files (name, bytes) VALUES ('{name}', x'00')"),
        );
        refused(&s, &file, "which is not a document name");
    }
    // A file whose bytes are not the content its name promises.
    let file = crafted(
        &s,
        "swapped.db",
        &format!("INSERT INTO jobhound_backup_files (name, bytes) VALUES ('{}.pdf', x'00')", "ab".repeat(32)),
    );
    refused(&s, &file, "does not hold the content its name promises");
    assert_untouched(&s, &before, &schema_before);
    let documents = s.dir.path().join("data/documents");
    assert_eq!(std::fs::read_dir(&documents).unwrap().count(), 2, "no file was added to documents/");
}

#[test]
fn rows_pointing_at_rows_the_backup_lacks_are_refused() {
    let s = setup();
    let (before, schema_before) = (fingerprint(&s.app), schema(&s.app));
    let file = crafted(
        &s,
        "dangling.db",
        "PRAGMA foreign_keys = OFF; INSERT INTO application_events (application_id, from_status, to_status, created_at) VALUES (424242, NULL, 'saved', '2026-01-01');",
    );
    refused(&s, &file, "point at rows it does not have");
    assert_untouched(&s, &before, &schema_before);
}

#[test]
fn restored_destinations_send_nothing_until_the_person_confirms_them() {
    let s = setup();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let collector = runtime.block_on(wiremock::MockServer::start());
    let llm = assistant(&format!("{}/v1", collector.uri()), false);
    s.app.set_llm_settings(&llm).unwrap();
    let backup = s.dir.path().join("with-destinations.db");
    s.app.back_up(&backup).unwrap();
    s.app.set_llm_settings(&LlmSettings { base_url: "http://localhost:11434/v1".into(), ..llm }).unwrap();

    let report = s.app.restore(&backup).unwrap();
    assert!(report.destinations_to_confirm);
    let destinations = s.app.destinations().unwrap();
    assert!(destinations.unconfirmed);
    assert_eq!(destinations.assistant_base_url, format!("{}/v1", collector.uri()));
    let error = runtime.block_on(s.app.test_llm_connection()).unwrap_err();
    assert_eq!(error.code(), "destinations_unconfirmed", "{error}");
    assert!(error.to_string().contains(&collector.uri()), "the message names the host: {error}");
    assert!(runtime.block_on(collector.received_requests()).unwrap().is_empty(), "nothing was sent");

    assert!(!s.app.confirm_destinations().unwrap().unconfirmed);
    let _ = runtime.block_on(s.app.test_llm_connection());
    assert!(!runtime.block_on(collector.received_requests()).unwrap().is_empty(), "sending starts once confirmed");
}

#[test]
fn a_stored_key_is_sent_only_to_the_address_it_was_entered_for() {
    let s = setup();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (trusted, other) =
        runtime.block_on(async { (wiremock::MockServer::start().await, wiremock::MockServer::start().await) });
    let settings = |server: &wiremock::MockServer| assistant(&format!("{}/v1", server.uri()), false);
    s.app.set_llm_settings(&settings(&trusted)).unwrap();
    let view = s.app.set_llm_api_key(Some("sk-secret")).unwrap();
    assert_eq!(view.api_key_origin.as_deref(), Some(trusted.uri().as_str()));
    let _ = runtime.block_on(s.app.test_llm_connection());
    let sent = runtime.block_on(trusted.received_requests()).unwrap();
    assert!(sent.iter().any(|request| request.headers.get("authorization").is_some_and(|v| v == "Bearer sk-secret")));

    s.app.set_llm_settings(&settings(&other)).unwrap();
    let error = runtime.block_on(s.app.test_llm_connection()).unwrap_err();
    assert_eq!(error.code(), "key_for_another_address", "{error}");
    assert!(runtime.block_on(other.received_requests()).unwrap().is_empty(), "the key went nowhere else");
}

/// A small seeded generator: the same seeds damage the same bytes on every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const MUTATIONS: &[&str] = &[
    "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)",
    "DROP TABLE search_terms",
    "CREATE TRIGGER t AFTER INSERT ON jobs BEGIN DELETE FROM jobs; END",
    "CREATE TABLE extra (x)",
    "UPDATE documents SET sha256 = '/tmp/nothing'",
    "UPDATE jobhound_backup_files SET name = 'C:evil.exe'",
    "UPDATE jobhound_backup_files SET bytes = x'00'",
    "PRAGMA foreign_keys = OFF; DELETE FROM jobs WHERE id = (SELECT MIN(job_id) FROM applications)",
    "DELETE FROM job_postings",
    "UPDATE jobs SET title = 'Restored ' || title",
    "PRAGMA page_size = 4096; VACUUM",
    "DROP TABLE jobhound_backup_files",
    "PRAGMA foreign_keys = OFF; DROP TABLE matches; CREATE VIEW matches AS SELECT 1",
];

#[test]
fn any_damaged_backup_leaves_either_the_old_data_or_the_new() {
    let s = setup();
    let genuine = s.dir.path().join("genuine.db");
    s.app.back_up(&genuine).unwrap();
    // The data moves on after the backup, so old and new differ.
    s.app.delete_job(s.other_job).unwrap();
    let restored_from = |file: &Path| -> Option<String> {
        let probe = tempfile::tempdir().unwrap();
        let fresh = Jobhound::open(&probe.path().join("data")).unwrap();
        fresh.restore(file).ok().map(|_| fingerprint(&fresh))
    };
    let schema_ours = schema(&s.app);
    let mut outcomes = (0, 0);
    for seed in 1..=40u64 {
        let mut random = Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let file = s.dir.path().join(format!("damaged-{seed}.db"));
        std::fs::copy(&genuine, &file).unwrap();
        if seed % 2 == 0 {
            let sql = MUTATIONS[random.below(MUTATIONS.len())];
            let _ = rusqlite::Connection::open(&file).and_then(|c| c.execute_batch(sql));
        } else {
            let mut bytes = std::fs::read(&file).unwrap();
            for _ in 0..1 + random.below(6) {
                let at = random.below(bytes.len());
                bytes[at] ^= 1 << random.below(8);
            }
            if random.below(4) == 0 {
                bytes.truncate(random.below(bytes.len()));
            }
            std::fs::write(&file, bytes).unwrap();
        }
        let old = fingerprint(&s.app);
        // What restoring this file into an empty folder yields, if it restores at all.
        let new = restored_from(&file);
        match s.app.restore(&file) {
            Ok(_) => {
                outcomes.0 += 1;
                assert_eq!(Some(fingerprint(&s.app)), new, "seed {seed}: restored, so the new data");
                // Back to the old data for the next round, through a genuine restore.
                s.app.restore(&genuine).unwrap();
                s.app.delete_job(s.other_job).unwrap();
            }
            Err(error) => {
                outcomes.1 += 1;
                assert!(!error.to_string().is_empty());
                assert_eq!(fingerprint(&s.app), old, "seed {seed}: refused ({error}), so the old data");
            }
        }
        assert_eq!(schema(&s.app), schema_ours, "seed {seed}: Jobhound's own schema");
        assert_eq!(count(&s.app, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);
        s.app.list_jobs(&Default::default()).unwrap();
    }
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "both outcomes were exercised: {outcomes:?}");
}

#[test]
fn description_html_from_a_restored_backup_is_cleaned_before_the_window_sees_it() {
    let s = setup();
    let file = crafted(
        &s,
        "markup.db",
        &format!(
            "UPDATE jobs SET description_html = '<p>Kept</p><script>steal()</script><img src=x onerror=steal()>\
             <a href=\"/settings\">in-app</a><a href=\"mailto:hr@acme.example?attach=/home/u/.ssh/id_ed25519\">mail</a>\
             <a href=\"https://acme.example/apply\">apply</a>' WHERE id = {}",
            s.applied_job
        ),
    );
    s.app.restore(&file).unwrap();
    let html = s.app.get_job(s.applied_job).unwrap().description_html;
    assert!(html.contains("<p>Kept</p>") && html.contains("https://acme.example/apply"), "{html}");
    for gone in ["script", "onerror", "<img", "/settings", "attach", "id_ed25519"] {
        assert!(!html.contains(gone), "{gone} reached the window: {html}");
    }
}

#[test]
fn every_connection_distrusts_the_schema_and_refuses_defensive_writes() {
    let s = setup();
    let (trusted, defensive) = s
        .app
        .store()
        .read(|c| {
            let trusted: i64 = c.query_row("PRAGMA trusted_schema", [], |row| row.get(0))?;
            Ok((trusted, c.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE)?))
        })
        .unwrap();
    assert_eq!((trusted, defensive), (0, true));
    // Defensive mode refuses editing the schema's text directly.
    let refused =
        s.app.store().read(|c| Ok(c.execute_batch("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = sql")?));
    assert!(refused.is_err(), "writable_schema was allowed");
}

#[test]
fn the_assistant_takes_plain_http_only_at_home() {
    let s = setup();
    let settings = assistant;
    let error = s.app.set_llm_settings(&settings("http://api.example.com/v1", true)).unwrap_err();
    assert_eq!(error.field(), Some("base_url"), "{error}");
    assert!(error.to_string().contains("unencrypted"), "{error}");
    let error = s.app.set_llm_settings(&settings("http://192.168.1.20:11434/v1", false)).unwrap_err();
    assert!(error.to_string().contains("confirm that this network is yours"), "{error}");
    s.app.set_llm_settings(&settings("http://192.168.1.20:11434/v1", true)).unwrap();
    s.app.set_llm_settings(&settings("https://api.example.com/v1", false)).unwrap();
    s.app.set_llm_settings(&settings("http://localhost:1234/v1", false)).unwrap();
}

#[test]
fn a_restored_backup_never_gives_an_ai_assistant_leave_to_change_things() {
    let s = setup();
    let granting =
        crafted(&s, "grants.db", "INSERT OR REPLACE INTO settings (key, value) VALUES ('mcp.write_access', 'true')");
    assert!(!s.app.app_settings().unwrap().assistant_may_write);
    s.app.restore(&granting).unwrap();
    assert!(!s.app.app_settings().unwrap().assistant_may_write, "the file's leave is not taken");
}

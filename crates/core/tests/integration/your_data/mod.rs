//! The person's data as a whole: CSV and JSON exports read back, a backup restored over changed
//! data (with the resume files), refusals that leave the database as it was, deleting one job
//! with its files, and forgetting everything.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jobhound_core::Jobhound;
use jobhound_core::applying::{ApplicationStatus, ContactInput};
use jobhound_core::ingest::ingest;
use jobhound_core::sources::{SourceKind, parse};
use jobhound_core::store::{MemorySecrets, SecretStore};
use jobhound_core::your_data::{CSV_HEADER, Export, ExportFormat};
use jobhound_documents::{DocumentFormat, LetterLayout, render_pdf};

mod csv_formulas;
mod hostile_backups;
mod hostile_resumes;

use crate::support::{count, recorded as fixture};

/// Resumes are read as the app reads them, in a child process: this test binary in helper mode.
fn reader() -> jobhound_documents::Extractor {
    jobhound_documents::crafted::test_binary_reader(
        "your_data::extraction_helper",
        jobhound_documents::Limits::default(),
    )
}

/// The reader's entry point when this binary is started by [`reader`]; does nothing otherwise.
#[test]
fn extraction_helper() {
    jobhound_documents::crafted::serve_in_test();
}

struct Setup {
    dir: tempfile::TempDir,
    app: Jobhound,
    secrets: Arc<MemorySecrets>,
    applied_job: i64,
    other_job: i64,
    resume_file: PathBuf,
    letter_file: PathBuf,
}

fn job_id(app: &Jobhound, title: &str) -> i64 {
    app.store().read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = ?1", [title], |row| row.get(0))?)).unwrap()
}

/// Jobs from two boards, an application with a timeline and a contact, a resume, and a letter
/// exported to PDF for the application.
fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecrets::default());
    let app = Jobhound::open(&dir.path().join("data")).unwrap().with_secrets(secrets.clone()).with_extractor(reader());
    for (kind, name) in
        [(SourceKind::Greenhouse, "greenhouse-sample-1.json"), (SourceKind::Lever, "lever-sample-1.json")]
    {
        let postings = parse(kind, &fixture(name)).unwrap();
        app.store().write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-20T10:00:00Z")).unwrap();
    }
    let applied_job = job_id(&app, "Account Executive, Majors");
    let other_job = job_id(&app, "Account Executive, Commercial");
    app.set_application_status(applied_job, ApplicationStatus::Saved, false).unwrap();
    let detail = app.set_application_status(applied_job, ApplicationStatus::Applied, false).unwrap();
    let contact = ContactInput {
        name: "Sam Recruiter".into(),
        role: "recruiter".into(),
        email: "sam@vercel.com".into(),
        phone: String::new(),
        notes: "met at a meetup, \"very\" keen".into(),
    };
    app.add_contact(detail.summary.id, &contact).unwrap();

    let pdf =
        render_pdf(LetterLayout { title: "CV", body: "Zoë Łukasz\nAccount executive in London, Salesforce." }).unwrap();
    let resume_path = dir.path().join("zoe.pdf");
    std::fs::write(&resume_path, &pdf).unwrap();
    let resume = app.import_resume(&resume_path, Some("Zoë's CV")).unwrap().resume;
    let resume_file = dir.path().join("data/documents").join(format!("{}.pdf", resume.sha256));

    app.store()
        .write(|tx| {
            tx.execute(
                "INSERT INTO cover_letters (job_id, version, origin, text, created_at)
                 VALUES (?1, 1, 'generated', 'Dear Vercel, I would like to sell for you.', '2026-11-21T09:00:00Z')",
                [applied_job],
            )?;
            Ok(())
        })
        .unwrap();
    let letter_id = count(&app, "SELECT MAX(id) FROM cover_letters");
    let exported = app.export_letter(letter_id, DocumentFormat::Pdf, &dir.path().join("letter.pdf")).unwrap();
    let sha: String = app
        .store()
        .read(|c| {
            Ok(c.query_row("SELECT sha256 FROM documents WHERE id = ?1", [exported.document_id], |row| row.get(0))?)
        })
        .unwrap();
    let letter_file = dir.path().join("data/documents").join(format!("{sha}.pdf"));
    assert!(resume_file.exists() && letter_file.exists());
    Setup { dir, app, secrets, applied_job, other_job, resume_file, letter_file }
}

#[test]
fn csv_export_has_a_row_per_job_with_the_application_and_its_timeline() {
    let s = setup();
    let out = s.dir.path().join("jobs.csv");
    let report = s.app.export_data(ExportFormat::Csv, &out).unwrap();
    let jobs = count(&s.app, "SELECT COUNT(*) FROM jobs");
    assert_eq!((i64::from(report.jobs), report.applications), (jobs, 1));

    let mut reader = csv::Reader::from_path(&out).unwrap();
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER.to_vec());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len() as i64, jobs);
    let column = |name: &str| CSV_HEADER.iter().position(|c| *c == name).unwrap();
    let applied = rows.iter().find(|row| row[column("id")] == s.applied_job.to_string()).unwrap();
    assert_eq!(&applied[column("title")], "Account Executive, Majors");
    assert_eq!(&applied[column("application_status")], "applied");
    assert!(applied[column("timeline")].starts_with("saved 20"), "{}", &applied[column("timeline")]);
    assert!(applied[column("timeline")].contains("; applied 20"));
    assert!(applied[column("sources")].contains("greenhouse"));
    let other = rows.iter().find(|row| row[column("id")] == s.other_job.to_string()).unwrap();
    assert_eq!(&other[column("application_status")], "");
}

#[test]
fn json_export_nests_timelines_and_contacts() {
    let s = setup();
    let out = s.dir.path().join("export.json");
    s.app.export_data(ExportFormat::Json, &out).unwrap();
    let export: Export = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let job = export.jobs.iter().find(|job| job.id == s.applied_job).unwrap();
    let application = job.application.as_ref().unwrap();
    let moves: Vec<_> = application.timeline.iter().map(|e| (e.from.as_deref(), e.to.as_str())).collect();
    assert_eq!(moves, vec![(None, "saved"), (Some("saved"), "applied")]);
    assert_eq!(application.contacts[0].notes, "met at a meetup, \"very\" keen");
    assert!(ExportFormat::parse("xml").is_err());
}

/// A search for `text` lists job `id`.
fn assert_found(s: &Setup, text: &str, id: i64) {
    let query = jobhound_core::search::JobQuery { text: Some(text.into()), ..Default::default() };
    let found = s.app.list_jobs(&query).unwrap();
    assert!(found.jobs.iter().any(|job| job.id == id), "{text} finds job {id}");
}

#[test]
fn a_backup_restores_jobs_applications_and_resume_files_over_later_changes() {
    let s = setup();
    let backup = s.dir.path().join("jobhound-backup.db");
    // A file put in documents/ by hand is not Jobhound's: it is left out, so the backup restores.
    std::fs::write(s.dir.path().join("data/documents/notes.txt"), "mine").unwrap();
    let report = s.app.back_up(&backup).unwrap();
    assert_eq!((report.applications, report.files), (1, 2), "{report:?}");
    let jobs_before = count(&s.app, "SELECT COUNT(*) FROM jobs");
    assert_eq!(i64::from(report.jobs), jobs_before);
    assert!(!s.dir.path().join(".jobhound-backup.db.part").exists());

    // Later: a job deleted, the resume gone, a new status.
    s.app.delete_job(s.other_job).unwrap();
    let resume_id = count(&s.app, "SELECT id FROM documents WHERE kind = 'resume'");
    s.app.delete_resume(resume_id).unwrap();
    s.app.set_application_status(s.applied_job, ApplicationStatus::Rejected, false).unwrap();
    assert!(!s.resume_file.exists());

    let restored = s.app.restore(&backup).unwrap();
    assert_eq!(i64::from(restored.jobs), jobs_before);
    assert_eq!(restored.files, 2);
    assert!(s.resume_file.exists(), "the resume file is back");
    assert!(Path::new(&restored.previous_database).exists(), "the database before the restore is kept");
    let application = s.app.application_for_job(s.applied_job).unwrap().unwrap();
    assert_eq!(application.summary.status, ApplicationStatus::Applied);
    assert_eq!(application.contacts.len(), 1);
    assert!(s.app.resume_text(resume_id).unwrap().contains("Salesforce"));
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'jobhound_backup_files'"), 0);
    // Search still works on the restored index.
    assert_found(&s, "commercial", s.other_job);
}

#[test]
fn a_backup_with_pages_of_another_size_restores_and_stays_as_it_was() {
    let s = setup();
    // New databases take 16 KB pages; a backup from an older database has SQLite's default 4 KB.
    assert_eq!(count(&s.app, "PRAGMA page_size"), 16_384);
    let backup = s.dir.path().join("older-backup.db");
    s.app.back_up(&backup).unwrap();
    rusqlite::Connection::open(&backup).unwrap().execute_batch("PRAGMA page_size = 4096; VACUUM;").unwrap();
    let older = std::fs::read(&backup).unwrap();
    assert_eq!(u16::from_be_bytes([older[16], older[17]]), 4096, "the backup has 4 KB pages");
    let jobs_before = count(&s.app, "SELECT COUNT(*) FROM jobs");
    s.app.delete_job(s.other_job).unwrap();

    let restored = s.app.restore(&backup).unwrap();
    assert_eq!(i64::from(restored.jobs), jobs_before);
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM jobs"), jobs_before);
    assert_eq!(count(&s.app, "PRAGMA page_size"), 16_384);
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);
    assert_found(&s, "commercial", s.other_job);
    assert_eq!(std::fs::read(&backup).unwrap(), older, "the backup file itself is not changed");
}

#[test]
fn a_file_that_is_not_a_good_backup_is_refused_and_nothing_changes() {
    let s = setup();
    let jobs = count(&s.app, "SELECT COUNT(*) FROM jobs");
    let refuse = |path: &Path, code: &str| {
        let error = s.app.restore(path).unwrap_err();
        assert_eq!(error.code(), code, "{error}");
        assert_eq!(count(&s.app, "SELECT COUNT(*) FROM jobs"), jobs);
        error.to_string()
    };

    let text = s.dir.path().join("notes.db");
    std::fs::write(&text, "not a database at all").unwrap();
    assert!(refuse(&text, "not_a_backup").contains("is not a Jobhound backup"));

    let other = s.dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE notes (body TEXT);").unwrap();
    assert!(refuse(&other, "not_a_backup").contains("none of Jobhound's tables"));

    let backup = s.dir.path().join("good.db");
    s.app.back_up(&backup).unwrap();
    let damaged = s.dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&backup).unwrap();
    // Two pages' worth from the middle overwrites at least one whole page, header and all.
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let middle = bytes.len() / 2;
    bytes[middle..middle + 2 * page].fill(0xA5);
    std::fs::write(&damaged, &bytes).unwrap();
    refuse(&damaged, "not_a_backup");

    let newer = s.dir.path().join("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute("INSERT INTO schema_migrations VALUES (9999, 'future', '', '2030-01-01')", [])
        .unwrap();
    refuse(&newer, "schema_too_new");

    assert!(s.app.restore(&s.dir.path().join("missing.db")).is_err());
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM applications"), 1);
}

#[test]
fn deleting_a_job_takes_its_application_letters_postings_and_files_but_nothing_else() {
    let s = setup();
    let postings = count(&s.app, "SELECT COUNT(*) FROM postings");
    let mine: i64 = s
        .app
        .store()
        .read(|c| {
            Ok(c.query_row("SELECT COUNT(*) FROM job_postings WHERE job_id = ?1", [s.applied_job], |row| row.get(0))?)
        })
        .unwrap();
    let deleted = s.app.delete_job(s.applied_job).unwrap();
    assert_eq!((deleted.title.as_str(), deleted.files_removed), ("Account Executive, Majors", 1));
    assert!(!s.letter_file.exists(), "the exported letter's copy is gone");
    assert!(s.resume_file.exists(), "the resume stays");
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM postings"), postings - mine);
    for table in ["applications", "application_events", "application_contacts", "cover_letters", "application_files"] {
        assert_eq!(count(&s.app, &format!("SELECT COUNT(*) FROM {table}")), 0, "{table}");
    }
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM documents WHERE kind = 'letter'"), 0);
    assert!(s.app.get_job(s.other_job).is_ok());
    assert_eq!(s.app.delete_job(s.applied_job).unwrap_err().code(), "not_found");
}

#[test]
fn deleting_an_application_takes_its_exported_letter_copy_and_keeps_the_job() {
    let s = setup();
    let application = s.app.application_for_job(s.applied_job).unwrap().unwrap();
    s.app.delete_application(application.summary.id).unwrap();
    assert!(!s.letter_file.exists(), "the letter's stored copy is gone");
    assert!(s.dir.path().join("letter.pdf").exists(), "the file the person saved stays");
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM documents WHERE kind = 'letter'"), 0);
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM cover_letters"), 1, "the letter itself stays with the job");
    assert!(s.app.get_job(s.applied_job).is_ok());
    assert!(s.resume_file.exists());
}

#[test]
fn forgetting_everything_leaves_an_empty_working_database_and_no_files_or_keys() {
    let s = setup();
    s.secrets.set(jobhound_core::applying::API_KEY, "sk-test").unwrap();
    s.secrets.set("adzuna_app_key", "abc").unwrap();
    let stale_copy = s.dir.path().join("data/jobhound.db.v6-20261101T000000Z.bak");
    std::fs::write(&stale_copy, "old data").unwrap();

    let report = s.app.forget_everything().unwrap();
    assert_eq!((report.applications, report.keys_removed), (1, 2));
    assert!(report.jobs > 0);
    let tables: Vec<String> = s
        .app
        .store()
        .read(|c| {
            let mut statement = c.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                 AND name NOT LIKE 'jobs_fts%' AND name <> 'schema_migrations'",
            )?;
            Ok(statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?)
        })
        .unwrap();
    for table in tables {
        assert_eq!(count(&s.app, &format!("SELECT COUNT(*) FROM \"{table}\"")), 0, "{table} still has rows");
    }
    // Nothing of a deleted job stays readable in the file or its log.
    let data = s.dir.path().join("data");
    for file in ["jobhound.db", "jobhound.db-wal"] {
        let bytes = std::fs::read(data.join(file)).unwrap_or_default();
        assert!(!bytes.windows(b"Majors".len()).any(|w| w == b"Majors"), "{file} still holds a deleted title");
    }
    // The search index keeps only its empty structure: no word finds anything.
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM jobs_fts WHERE jobs_fts MATCH 'vercel OR account'"), 0);
    assert!(std::fs::read_dir(s.dir.path().join("data/documents")).unwrap().next().is_none());
    assert!(!stale_copy.exists());
    assert_eq!(s.secrets.get(jobhound_core::applying::API_KEY).unwrap(), None);

    // Still a working app afterwards.
    let postings = parse(SourceKind::Greenhouse, &fixture("greenhouse-sample-1.json")).unwrap();
    s.app.store().write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-22T10:00:00Z")).unwrap();
    let found = s
        .app
        .list_jobs(&jobhound_core::search::JobQuery { text: Some("majors".into()), ..Default::default() })
        .unwrap();
    assert_eq!(found.jobs.len(), 1);
}

#[test]
fn forgetting_while_another_program_reads_says_the_old_pages_remain_until_it_closes() {
    let s = setup();
    let data = s.dir.path().join("data");
    let reader = rusqlite::Connection::open(data.join("jobhound.db")).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader.query_row("SELECT COUNT(*) FROM jobs", [], |row| row.get(0)).unwrap();

    let error = s.app.forget_everything().unwrap_err();
    assert!(error.to_string().contains("another program still reading"), "{error}");
    assert_eq!(count(&s.app, "SELECT COUNT(*) FROM jobs"), 0, "the rows are deleted all the same");

    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    s.app.forget_everything().unwrap();
    assert_eq!(std::fs::metadata(data.join("jobhound.db-wal")).map(|m| m.len()).unwrap_or(0), 0, "the log was emptied");
}

//! Importing the CSVs JobSpy and JobFunnel write, built here in their exact column layout (JobSpy's
//! `DESIRED_ORDER`, JobFunnel's `CSV_HEADER` with v3's `wage, remoteness`): jobs merge with what
//! is stored, statuses become applications, bad files are refused and a bad row is only flagged.

use std::path::Path;

use jobhound_core::Jobhound;
use jobhound_core::applying::ApplicationStatus;
use jobhound_core::ingest::ingest;
use jobhound_core::sources::{SourceKind, parse};
use jobhound_core::store::MemorySecrets;
use jobhound_core::your_data::ImportFrom;

const JOBSPY_HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";
const JOBFUNNEL_HEADER: &str =
    "status,title,company,location,date,blurb,tags,link,id,provider,query,locale,wage,remoteness";

fn open() -> (tempfile::TempDir, Jobhound) {
    let dir = tempfile::tempdir().unwrap();
    let app =
        Jobhound::open(&dir.path().join("data")).unwrap().with_secrets(std::sync::Arc::new(MemorySecrets::default()));
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded/greenhouse-sample-1.json");
    let postings = parse(SourceKind::Greenhouse, &std::fs::read(fixture).unwrap()).unwrap();
    app.store().write(|tx| ingest(tx, &postings, Some("Vercel"), "2026-11-20T10:00:00Z")).unwrap();
    (dir, app)
}

use crate::support::count;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// One JobSpy row; the 34 columns in JobSpy's order, quoted where pandas would.
#[allow(clippy::too_many_arguments)]
fn jobspy_row(id: &str, site: &str, url: &str, direct: &str, title: &str, company: &str, location: &str) -> String {
    format!(
        "{id},{site},{url},{direct},\"{title}\",{company},\"{location}\",2026-11-10,fulltime,direct_data,yearly,90000,120000,GBP,False,mid-senior level,,,,\"We sell the platform.\n\nRequirements: SaaS sales.\",Software,,,,,,,,,,,,,"
    )
}

#[test]
fn a_jobspy_csv_merges_with_stored_jobs_and_adds_new_ones() {
    let (dir, app) = open();
    let jobs_before = count(&app, "SELECT COUNT(*) FROM jobs");
    let csv = [
        JOBSPY_HEADER.to_string(),
        // The same Vercel job seen on LinkedIn: its direct link is the Greenhouse posting.
        jobspy_row(
            "li-4071",
            "linkedin",
            "https://www.linkedin.com/jobs/view/4071",
            "https://job-boards.greenhouse.io/vercel/jobs/6136160004",
            "Account Executive, Commercial",
            "Vercel",
            "London, England, United Kingdom",
        ),
        jobspy_row(
            "in-77ab",
            "indeed",
            "https://uk.indeed.com/viewjob?jk=77ab",
            "",
            "Sales Development Representative",
            "Monzo",
            "London, ENG, GB",
        ),
        // No title: kept raw and flagged, the rest of the file still imported.
        jobspy_row("in-nada", "indeed", "https://uk.indeed.com/viewjob?jk=nada", "", "", "Nobody", "London"),
    ]
    .join("\n");
    // pandas' `utf-8-sig` writes a byte-order mark first.
    let path = write(dir.path(), "jobs.csv", &format!("\u{feff}{csv}\n"));

    let report = app.import_file(ImportFrom::Jobspy, &path).unwrap();
    assert_eq!((report.rows, report.new_jobs, report.merged, report.flagged), (3, 1, 1, 1), "{report:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs"), jobs_before + 1);
    let monzo =
        app.list_jobs(&jobhound_core::search::JobQuery { text: Some("Monzo".into()), ..Default::default() }).unwrap();
    let detail = app.get_job(monzo.jobs[0].id).unwrap();
    let salary = detail.salary.unwrap();
    assert_eq!((salary.min, salary.max, salary.currency.as_deref()), (Some(90_000.0), Some(120_000.0), Some("GBP")));
    assert!(detail.description_html.contains("Requirements: SaaS sales."));
    let merged = app
        .list_jobs(&jobhound_core::search::JobQuery { text: Some("commercial".into()), ..Default::default() })
        .unwrap();
    assert_eq!(merged.jobs[0].sources, vec!["greenhouse", "jobspy"]);

    // The same file again changes nothing.
    let again = app.import_file(ImportFrom::Jobspy, &path).unwrap();
    assert_eq!((again.new_jobs, again.known), (0, 3), "{again:?}");
}

#[test]
fn jobfunnel_statuses_become_applications_without_overwriting_ones_already_kept() {
    let (dir, app) = open();
    let majors: i64 = app
        .store()
        .read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = 'Account Executive, Majors'", [], |r| r.get(0))?))
        .unwrap();
    app.set_application_status(majors, ApplicationStatus::Interviewing, false).unwrap();
    let csv = format!(
        "{JOBFUNNEL_HEADER}\n\
         APPLIED,Data Engineer,Shopify,\"Toronto, ON\",2026-10-30,Build pipelines.,\"python, sql\",https://ca.indeed.com/viewjob?jk=77,77,INDEED,data engineer,CANADA_ENGLISH,\"$95,000 - $120,000 a year\",PARTIALLY_REMOTE\n\
         INTERVIEWED,Platform Engineer,Wealthsimple,Toronto,2026-10-28,Kubernetes.,,https://ca.indeed.com/viewjob?jk=78,78,INDEED,platform,CANADA_ENGLISH,,FULLY_REMOTE\n\
         NEW,Backend Developer,Lightspeed,Montreal,2026-11-01,Go and Postgres.,,https://www.glassdoor.ca/job/79,79,GLASSDOOR,backend,CANADA_ENGLISH,,IN_PERSON\n\
         DELETE,Spam Job,Spam Inc,Nowhere,2026-10-01,,,https://ca.indeed.com/viewjob?jk=80,80,INDEED,x,CANADA_ENGLISH,,\n\
         REJECTED,\"Account Executive, Majors\",Vercel,\"Hybrid - London\",2026-05-21,,,https://job-boards.greenhouse.io/vercel/jobs/5999792004,81,INDEED,ae,USA_ENGLISH,,\n"
    );
    let path = write(dir.path(), "master.csv", &csv);
    let report = app.import_file(ImportFrom::Jobfunnel, &path).unwrap();
    assert_eq!((report.rows, report.new_jobs, report.merged), (4, 3, 1), "{report:?}");
    assert_eq!((report.applications_created, report.applications_kept), (2, 1));

    let statuses: Vec<(String, String)> = app
        .store()
        .read(|c| {
            let mut statement = c.prepare(
                "SELECT j.title, a.status FROM applications a JOIN jobs j ON j.id = a.job_id ORDER BY j.title",
            )?;
            Ok(statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?)
        })
        .unwrap();
    assert_eq!(
        statuses,
        vec![
            ("Account Executive, Majors".to_string(), "interviewing".to_string()),
            ("Data Engineer".to_string(), "applied".to_string()),
            ("Platform Engineer".to_string(), "interviewing".to_string()),
        ]
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs WHERE company = 'Spam Inc'"), 0);
    let applied = app
        .application_for_job(
            app.store()
                .read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = 'Data Engineer'", [], |r| r.get(0))?))
                .unwrap(),
        )
        .unwrap()
        .unwrap();
    assert!(applied.summary.applied_at.is_some());
    assert_eq!(applied.timeline.len(), 1);
}

#[test]
fn files_that_are_not_what_they_claim_are_refused_and_nothing_is_stored() {
    let (dir, app) = open();
    let jobs = count(&app, "SELECT COUNT(*) FROM jobs");
    let funnel = write(
        dir.path(),
        "master.csv",
        &format!("{JOBFUNNEL_HEADER}\nNEW,a,b,c,2026-11-01,,,https://x/1,1,INDEED,q,USA_ENGLISH,,\n"),
    );
    let error = app.import_file(ImportFrom::Jobspy, &funnel).unwrap_err();
    assert!(error.to_string().contains("is it a JobSpy file?"), "{error}");
    let binary = write(dir.path(), "photo.csv", "\u{0}\u{1}PNG");
    assert!(app.import_file(ImportFrom::Jobfunnel, &binary).is_err());
    assert!(app.import_file(ImportFrom::Jobspy, &dir.path().join("missing.csv")).is_err());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs"), jobs);
    assert!(ImportFrom::parse("huntr").is_err());
}

#[test]
fn a_large_import_writes_in_batches_that_leave_the_lock_free_between_them() {
    let (dir, app) = open();
    let mut csv = JOBSPY_HEADER.to_string();
    for n in 0..1000 {
        csv.push('\n');
        csv.push_str(&jobspy_row(
            &format!("bulk-{n}"),
            "indeed",
            &format!("https://www.indeed.com/viewjob?jk=bulk{n}"),
            "",
            &format!("Role number {n} in a long list"),
            &format!("Company{}", n % 97),
            "Leeds, UK",
        ));
    }
    let path = write(dir.path(), "bulk.csv", &csv);
    let database = dir.path().join("data/jobhound.db");
    let mut progress = Vec::new();
    let report = app
        .import_file_with_progress(ImportFrom::Jobspy, &path, &mut |step| {
            // Another program (the CLI beside the app) writes between batches without waiting.
            let other = rusqlite::Connection::open(&database).unwrap();
            other.busy_timeout(std::time::Duration::ZERO).unwrap();
            other
                .execute(
                    "INSERT INTO settings (key, value) VALUES ('other.writer', ?1)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [step.rows_done.to_string()],
                )
                .unwrap();
            progress.push((step.rows_done, step.rows_total));
        })
        .unwrap();
    assert_eq!(progress, vec![(400, 1000), (800, 1000), (1000, 1000)]);
    assert_eq!((report.rows, report.new_jobs), (1000, 1000));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs WHERE title LIKE 'Role number %'"), 1000);
}

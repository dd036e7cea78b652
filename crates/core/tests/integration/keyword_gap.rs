//! The keyword gap of a stored job: against the newest resume, against none, and against one
//! named; the resume read from a real PDF the app imported.

use jobhound_core::Jobhound;
use jobhound_core::resume::TermStatus;
use jobhound_core::your_data::ImportFrom;
use jobhound_documents::{LetterLayout, render_pdf};

const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

#[test]
fn what_the_job_asks_for_and_where_the_resume_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let app =
        Jobhound::open(&dir.path().join("data")).unwrap().with_extractor(jobhound_documents::Extractor::InProcess);
    let csv = format!(
        "{HEADER}\nin-1,indeed,https://www.indeed.com/viewjob?jk=1,,Backend Engineer,Acme,Berlin,2026-11-20,fulltime,,,,,,False,,,,,\"Requirements:\nWe use Rust, PostgreSQL and Kubernetes.\nNice to have: Kafka\",,,,,,,,,,,,,,\n"
    );
    let path = dir.path().join("jobs.csv");
    std::fs::write(&path, csv).unwrap();
    app.import_file(ImportFrom::Jobspy, &path).unwrap();
    let job = app.list_jobs(&Default::default()).unwrap().jobs[0].id;

    let without = app.keyword_gap(job, None).unwrap();
    assert_eq!((without.resume_id, without.gap.coverage), (None, 0.0));
    let mut wanted: Vec<(&str, bool)> =
        without.gap.terms.iter().map(|term| (term.term.as_str(), term.required)).collect();
    wanted.sort();
    assert_eq!(wanted, [("Kafka", false), ("Kubernetes", true), ("PostgreSQL", true), ("Rust", true)]);

    let resume = dir.path().join("cv.pdf");
    let body = "Ada Lovelace\nBackend developer: Rust and Postgres for six years.";
    std::fs::write(&resume, render_pdf(LetterLayout { title: "CV", body }).unwrap()).unwrap();
    let imported = app.import_resume(&resume, Some("Ada CV")).unwrap();
    let gap = app.keyword_gap(job, None).unwrap();
    assert_eq!((gap.resume_id, gap.resume_name.as_deref()), (Some(imported.resume.id), Some("Ada CV")));
    let status = |name: &str| gap.gap.terms.iter().find(|term| term.term == name).map(|term| term.status).unwrap();
    assert_eq!(status("Rust"), TermStatus::Present);
    assert_eq!(status("PostgreSQL"), TermStatus::Alias, "the resume says Postgres");
    assert_eq!(status("Kubernetes"), TermStatus::Missing);
    let rust = gap.gap.terms.iter().find(|term| term.term == "Rust").unwrap();
    assert!(rust.found_in.iter().any(|line| line.contains("Rust and Postgres")), "{rust:?}");
    // Required terms count twice: Rust and PostgreSQL of Rust, PostgreSQL, Kubernetes and Kafka.
    assert!((gap.gap.coverage - 4.0 / 7.0).abs() < 1e-9, "{}", gap.gap.coverage);

    assert_eq!(app.keyword_gap(9999, None).unwrap_err().code(), "not_found");
    assert_eq!(app.keyword_gap(job, Some(424242)).unwrap_err().code(), "not_found");
}

//! A job's skills split by what the resume shows: against the newest resume, or none.

use jobhound_core::Jobhound;
use jobhound_core::your_data::ImportFrom;
use jobhound_documents::{LetterLayout, render_pdf};

const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

#[test]
fn skills_the_resume_shows_and_those_it_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let app =
        Jobhound::open(&dir.path().join("data")).unwrap().with_extractor(jobhound_documents::Extractor::InProcess);
    let csv = format!(
        "{HEADER}\nin-1,indeed,https://www.indeed.com/viewjob?jk=1,,Backend Engineer,Acme,Berlin,2026-11-20,fulltime,,,,,,False,,,,,\"We use Rust, PostgreSQL and Kubernetes.\",,,,,,,,,,,,,,\n"
    );
    let path = dir.path().join("jobs.csv");
    std::fs::write(&path, csv).unwrap();
    app.import_file(ImportFrom::Jobspy, &path).unwrap();
    let job = app.list_jobs(&Default::default()).unwrap().jobs[0].id;

    let without = app.skill_fit(job).unwrap();
    assert_eq!(without.resume_id, None);
    assert!(without.matched.is_empty());
    let mut wanted = without.missing.clone();
    wanted.sort();
    assert_eq!(wanted, vec!["Kubernetes", "PostgreSQL", "Rust"]);

    let resume = dir.path().join("cv.pdf");
    let body = "Ada Lovelace\nBackend developer: Rust and Postgres for six years.";
    std::fs::write(&resume, render_pdf(LetterLayout { title: "CV", body }).unwrap()).unwrap();
    app.import_resume(&resume, Some("Ada CV")).unwrap();
    let fit = app.skill_fit(job).unwrap();
    assert_eq!(fit.resume_name.as_deref(), Some("Ada CV"));
    let mut matched = fit.matched.clone();
    matched.sort();
    assert_eq!(matched, vec!["PostgreSQL", "Rust"]);
    assert_eq!(fit.missing, vec!["Kubernetes"]);
    assert_eq!(app.skill_fit(9999).unwrap_err().code(), "not_found");
}

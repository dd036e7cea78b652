//! The dashboard's figures over jobs imported today, a campaign, three applications and a run.

use jobhound_core::Jobhound;
use jobhound_core::applying::{ApplicationStatus, ApplicationUpdate};
use jobhound_core::campaigns::CampaignInput;
use jobhound_core::ranking::Profile;
use jobhound_core::your_data::ImportFrom;
use jobhound_documents::{LetterLayout, render_pdf};

const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

#[test]
fn the_dashboard_counts_jobs_skills_pay_the_funnel_and_source_runs() {
    let dir = tempfile::tempdir().unwrap();
    let app =
        Jobhound::open(&dir.path().join("data")).unwrap().with_extractor(jobhound_documents::Extractor::InProcess);
    #[rustfmt::skip]
    let rows = [
        ("1", "Rust Engineer", "90000", "110000", "Rust and PostgreSQL."),
        ("2", "Rust Developer", "95000", "105000", "Rust and Kubernetes."),
        ("3", "Backend Engineer", "60000", "80000", "Go and Rust."),
        ("4", "Office Manager", "", "", "Excel."),
    ];
    let mut csv = HEADER.to_string();
    for (id, title, min, max, text) in rows {
        csv.push_str(&format!(
            "\nin-{id},indeed,https://www.indeed.com/viewjob?jk={id},,{title},Acme {id},Berlin,2026-11-20,fulltime,,yearly,{min},{max},USD,False,,,,,\"{text}\",,,,,,,,,,,,,,"
        ));
    }
    let path = dir.path().join("jobs.csv");
    std::fs::write(&path, csv).unwrap();
    app.import_file(ImportFrom::Jobspy, &path).unwrap();
    // Every ranked job counts as a match here; the threshold itself is checked below.
    let input = CampaignInput {
        name: "Rust".into(),
        notify_threshold: 1,
        profile: Profile {
            keywords: vec!["rust".into()],
            excluded_keywords: vec!["office".into()],
            ..Profile::default()
        },
        ..CampaignInput::default()
    };
    app.create_campaign(&input).unwrap();
    let id = |title: &str| -> i64 {
        app.store()
            .read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = ?1", [title], |row| row.get(0))?))
            .unwrap()
    };
    let resume_file = dir.path().join("cv.pdf");
    std::fs::write(
        &resume_file,
        render_pdf(LetterLayout {
            title: "CV",
            body: "Ada Lovelace\nRust developer in Berlin, six years of PostgreSQL and Kubernetes.",
        })
        .unwrap(),
    )
    .unwrap();
    let resume = app.import_resume(&resume_file, Some("Rust CV")).unwrap().resume;

    app.set_application_status(id("Rust Engineer"), ApplicationStatus::Applied, false).unwrap();
    let heard = app.set_application_status(id("Rust Engineer"), ApplicationStatus::Interviewing, false).unwrap();
    let update = ApplicationUpdate { notes: String::new(), follow_up_on: None, resume_id: Some(resume.id) };
    app.update_application(heard.summary.id, &update).unwrap();
    app.set_application_status(id("Rust Developer"), ApplicationStatus::Applied, true).unwrap();
    app.set_application_status(id("Rust Developer"), ApplicationStatus::Rejected, false).unwrap();
    app.set_application_status(id("Backend Engineer"), ApplicationStatus::Saved, false).unwrap();

    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    app.store()
        .write(|tx| {
            tx.execute(
                "INSERT INTO runs (trigger, started_at, finished_at, status) VALUES ('manual', ?1, ?1, 'partial')",
                [chrono::Utc::now().to_rfc3339()],
            )?;
            let run = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO run_sources (run_id, source, param, error_kind) VALUES (?1, 'greenhouse', 'a', NULL),
                 (?1, 'greenhouse', 'b', 'server'), (?1, 'lever', 'c', NULL)",
                [run],
            )?;
            Ok(())
        })
        .unwrap();

    let board = app.dashboard().unwrap();
    assert_eq!(board.days.len(), 30);
    assert_eq!(board.days.last(), Some(&today));
    assert_eq!(board.new_jobs[0].label, "All jobs");
    assert_eq!(board.new_jobs[0].values.last(), Some(&4));
    let rust = board.new_jobs.iter().find(|series| series.label == "Rust").unwrap();
    assert_eq!(rust.values.last(), Some(&3), "the office job is filtered out");

    assert_eq!(board.top_skills[0].skill, "Rust");
    assert_eq!((board.top_skills[0].recent, board.top_skills[0].before), (3, 0));
    assert!(!board.top_skills.iter().any(|skill| skill.skill == "Excel"), "only matching jobs count");

    assert_eq!(board.pay_currency.as_deref(), Some("USD"));
    let bands: Vec<(f64, u32)> = board.pay_bands.iter().map(|band| (band.from, band.jobs)).collect();
    assert_eq!(bands, vec![(70_000.0, 1), (100_000.0, 2)]);

    let funnel: Vec<(&str, u32)> =
        board.funnel.iter().map(|stage| (stage.stage.as_str(), stage.applications)).collect();
    assert_eq!(funnel, vec![("saved", 3), ("applied", 2), ("interviewing", 1), ("offer", 0)]);
    assert_eq!(board.by_source.len(), 1);
    assert_eq!(
        (board.by_source[0].label.as_str(), board.by_source[0].applied, board.by_source[0].responded),
        ("jobspy", 2, 1)
    );
    let by_resume: Vec<(&str, u32, u32)> =
        board.by_resume.iter().map(|rate| (rate.label.as_str(), rate.applied, rate.responded)).collect();
    assert_eq!(by_resume, vec![("Rust CV", 1, 1), ("not recorded", 1, 0)]);

    app.store()
        .write(|tx| {
            tx.execute("UPDATE campaigns SET notify_threshold = (SELECT MAX(score) + 1 FROM matches)", [])?;
            Ok(())
        })
        .unwrap();
    let strict = app.dashboard().unwrap();
    assert_eq!(strict.new_jobs[1].values.last(), Some(&0), "no match reaches a threshold above the best score");
    assert!(strict.top_skills.is_empty() && strict.pay_bands.is_empty());

    let greenhouse = board.source_health.iter().find(|source| source.source == "greenhouse").unwrap();
    assert_eq!((greenhouse.ok.last(), greenhouse.failed.last()), (Some(&1), Some(&1)));
    let lever = board.source_health.iter().find(|source| source.source == "lever").unwrap();
    assert_eq!((lever.ok.last(), lever.failed.last()), (Some(&1), Some(&0)));
}

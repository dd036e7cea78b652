//! The jobs list's filters and sort orders over jobs with known places, pay, types and dates
//! (written as a JobSpy CSV and imported, so they go through the real pipeline), and saved views.

use jobhound_core::Jobhound;
use jobhound_core::applying::ApplicationStatus;
use jobhound_core::campaigns::CampaignInput;
use jobhound_core::normalize::Seniority;
use jobhound_core::ranking::{Feedback, Profile};
use jobhound_core::search::JobQuery;
use jobhound_core::search::{JobFilters, JobSort};
use jobhound_core::sources::{EmploymentType, WorkMode};
use jobhound_core::your_data::ImportFrom;

const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

struct Jobs {
    _dir: tempfile::TempDir,
    app: Jobhound,
    rust: i64,
    analyst: i64,
    platform: i64,
    account: i64,
}

fn open() -> Jobs {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(&dir.path().join("data")).unwrap();
    let day = |ago: i64| (chrono::Utc::now() - chrono::Duration::days(ago)).format("%Y-%m-%d").to_string();
    #[rustfmt::skip]
    let rows = [
        ("1", "Senior Rust Engineer", "Acme", "Berlin, Germany", day(2), "fulltime", "yearly", "90000", "110000", "EUR", "True"),
        ("2", "Junior Data Analyst", "Beta", "London, UK", day(40), "parttime", "yearly", "40000", "50000", "GBP", "False"),
        ("3", "Staff Platform Engineer", "Gamma", "Remote (EMEA)", day(10), "contract", "", "", "", "", "True"),
        ("4", "Account Manager", "Delta", "Berlin, Germany", day(1), "fulltime", "hourly", "30", "40", "EUR", "False"),
    ];
    let mut csv = HEADER.to_string();
    for (id, title, company, location, posted, kind, interval, min, max, currency, remote) in rows {
        csv.push_str(&format!(
            "\nin-{id},indeed,https://www.indeed.com/viewjob?jk={id},,{title},{company},\"{location}\",{posted},{kind},direct_data,{interval},{min},{max},{currency},{remote},,,,,\"A job at {company}.\",,,,,,,,,,,,,,"
        ));
    }
    let path = dir.path().join("jobs.csv");
    std::fs::write(&path, csv).unwrap();
    assert_eq!(app.import_file(ImportFrom::Jobspy, &path).unwrap().new_jobs, 4);
    let id = |title: &str| -> i64 {
        app.store()
            .read(|c| Ok(c.query_row("SELECT id FROM jobs WHERE title = ?1", [title], |row| row.get(0))?))
            .unwrap()
    };
    let (rust, analyst, platform, account) =
        (id("Senior Rust Engineer"), id("Junior Data Analyst"), id("Staff Platform Engineer"), id("Account Manager"));
    Jobs { _dir: dir, app, rust, analyst, platform, account }
}

fn ids(app: &Jobhound, query: JobQuery) -> Vec<i64> {
    app.list_jobs(&query).unwrap().jobs.iter().map(|job| job.id).collect()
}

fn filtered(app: &Jobhound, filters: JobFilters) -> Vec<i64> {
    let mut found = ids(app, JobQuery { filters: Some(filters), ..JobQuery::default() });
    found.sort_unstable();
    found
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids
}

#[test]
fn each_filter_keeps_only_the_jobs_it_describes() {
    let j = open();
    let app = &j.app;
    let remote = JobFilters { work_modes: vec![WorkMode::Remote], ..JobFilters::default() };
    assert_eq!(filtered(app, remote), sorted(vec![j.rust, j.platform]));
    let berlin = JobFilters { location: Some("berlin".into()), ..JobFilters::default() };
    assert_eq!(filtered(app, berlin), sorted(vec![j.rust, j.account]));
    let wildcard = JobFilters { location: Some("%".into()), ..JobFilters::default() };
    assert_eq!(filtered(app, wildcard), Vec::<i64>::new(), "a % is a character, not a wildcard");
    // The hourly job is 62,400-83,200 a year.
    let floor = JobFilters { salary_min: Some(85_000.0), ..JobFilters::default() };
    assert_eq!(filtered(app, floor), vec![j.rust]);
    let ceiling = JobFilters { salary_max: Some(60_000.0), ..JobFilters::default() };
    assert_eq!(filtered(app, ceiling), vec![j.analyst]);
    let band = JobFilters { salary_min: Some(60_000.0), salary_max: Some(95_000.0), ..JobFilters::default() };
    assert_eq!(filtered(app, band), sorted(vec![j.rust, j.account]));
    let levels = JobFilters { seniority: vec![Seniority::Senior, Seniority::Staff], ..JobFilters::default() };
    assert_eq!(filtered(app, levels), sorted(vec![j.rust, j.platform]));
    let contract = JobFilters { employment_types: vec![EmploymentType::Contract], ..JobFilters::default() };
    assert_eq!(filtered(app, contract), vec![j.platform]);
    let week = JobFilters { posted_within_days: Some(7), ..JobFilters::default() };
    assert_eq!(filtered(app, week), sorted(vec![j.rust, j.account]));

    app.set_application_status(j.analyst, ApplicationStatus::Applied, false).unwrap();
    let applied = JobFilters { statuses: vec![ApplicationStatus::Applied], ..JobFilters::default() };
    assert_eq!(filtered(app, applied), vec![j.analyst]);

    let hour_ago = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    assert_eq!(filtered(app, JobFilters { new_since: Some(hour_ago), ..JobFilters::default() }).len(), 4);
    assert!(filtered(app, JobFilters { new_since: Some(later), ..JobFilters::default() }).is_empty());

    let combined = JobQuery {
        text: Some("engineer".into()),
        filters: Some(JobFilters { location: Some("berlin".into()), ..JobFilters::default() }),
        ..JobQuery::default()
    };
    assert_eq!(ids(app, combined), vec![j.rust]);
}

#[test]
fn hidden_jobs_are_shown_or_left_out_on_request() {
    let j = open();
    let input = CampaignInput {
        name: "Engineering".into(),
        profile: Profile { keywords: vec!["engineer".into()], ..Profile::default() },
        ..CampaignInput::default()
    };
    let campaign = j.app.create_campaign(&input).unwrap();
    j.app.give_feedback(campaign.id, j.platform, Feedback::Hide).unwrap();

    let only_hidden = JobFilters { hidden: Some(true), ..JobFilters::default() };
    assert_eq!(filtered(&j.app, only_hidden.clone()), vec![j.platform]);
    let none_hidden = JobFilters { hidden: Some(false), ..JobFilters::default() };
    assert!(!filtered(&j.app, none_hidden).contains(&j.platform));
    let campaign_hidden =
        JobQuery { campaign_id: Some(campaign.id), filters: Some(only_hidden), ..JobQuery::default() };
    assert_eq!(ids(&j.app, campaign_hidden), vec![j.platform]);
    let campaign_list = JobQuery { campaign_id: Some(campaign.id), ..JobQuery::default() };
    assert!(!ids(&j.app, campaign_list).contains(&j.platform));
}

#[test]
fn the_list_sorts_by_date_pay_or_score() {
    let j = open();
    let by = |sort| ids(&j.app, JobQuery { sort: Some(sort), ..JobQuery::default() });
    assert_eq!(by(JobSort::Newest), vec![j.account, j.rust, j.platform, j.analyst]);
    assert_eq!(by(JobSort::Salary), vec![j.rust, j.account, j.analyst, j.platform], "no pay goes last");

    let input = CampaignInput {
        name: "Rust".into(),
        profile: Profile { keywords: vec!["rust".into()], ..Profile::default() },
        ..CampaignInput::default()
    };
    j.app.create_campaign(&input).unwrap();
    assert_eq!(by(JobSort::Score)[0], j.rust, "the best-scored job first");
    let remote_by_pay = JobQuery {
        sort: Some(JobSort::Salary),
        filters: Some(JobFilters { work_modes: vec![WorkMode::Remote], ..JobFilters::default() }),
        ..JobQuery::default()
    };
    assert_eq!(ids(&j.app, remote_by_pay), vec![j.rust, j.platform]);
}

#[test]
fn saved_views_keep_a_query_by_name() {
    let j = open();
    let query = JobQuery {
        text: Some("engineer".into()),
        limit: Some(50),
        filters: Some(JobFilters { work_modes: vec![WorkMode::Remote], ..JobFilters::default() }),
        sort: Some(JobSort::Salary),
        ..JobQuery::default()
    };
    let view = j.app.save_view("  Remote engineering ", &query).unwrap();
    assert_eq!(view.name, "Remote engineering");
    assert_eq!(view.query.limit, None, "paging is not part of a view");
    assert_eq!(ids(&j.app, view.query.clone()), vec![j.rust, j.platform]);

    let narrower = JobQuery { text: Some("rust".into()), ..query };
    let replaced = j.app.save_view("Remote engineering", &narrower).unwrap();
    assert_eq!(replaced.id, view.id);
    assert_eq!(j.app.saved_views().unwrap().len(), 1);
    assert_eq!(j.app.saved_views().unwrap()[0].query.text.as_deref(), Some("rust"));

    let error = j.app.save_view(" ", &JobQuery::default()).unwrap_err();
    assert_eq!(error.field(), Some("name"));
    j.app.delete_view(view.id).unwrap();
    assert!(j.app.saved_views().unwrap().is_empty());
    assert_eq!(j.app.delete_view(view.id).unwrap_err().code(), "not_found");
}

#[test]
fn absurd_filter_values_are_input_errors_naming_the_filter() {
    let j = open();
    let refused =
        |filters: JobFilters| j.app.list_jobs(&JobQuery { filters: Some(filters), ..JobQuery::default() }).unwrap_err();
    // Before the check this overflowed chrono's date arithmetic and panicked the list.
    let error = refused(JobFilters { posted_within_days: Some(100_000_000), ..JobFilters::default() });
    assert_eq!((error.code().as_str(), error.field()), ("invalid_input", Some("posted_within_days")), "{error}");
    assert!(error.to_string().contains("between 1 and 36500 days"), "{error}");
    let error = refused(JobFilters { posted_within_days: Some(u32::MAX), ..JobFilters::default() });
    assert_eq!(error.field(), Some("posted_within_days"));
    for bad in [f64::NAN, f64::INFINITY, -1.0, 1e12] {
        let error = refused(JobFilters { salary_min: Some(bad), ..JobFilters::default() });
        assert_eq!(error.field(), Some("salary_min"), "{bad}: {error}");
        let error = refused(JobFilters { salary_max: Some(bad), ..JobFilters::default() });
        assert_eq!(error.field(), Some("salary_max"), "{bad}: {error}");
    }
    let error = refused(JobFilters { salary_min: Some(90_000.0), salary_max: Some(10.0), ..JobFilters::default() });
    assert_eq!(error.field(), Some("salary_max"));
    let error = refused(JobFilters { location: Some("x".repeat(201)), ..JobFilters::default() });
    assert_eq!(error.field(), Some("location"));
    let error = refused(JobFilters { new_since: Some("yesterday".into()), ..JobFilters::default() });
    assert_eq!(error.field(), Some("new_since"));
    let error = j.app.list_jobs(&JobQuery { text: Some("rust ".repeat(200)), ..JobQuery::default() }).unwrap_err();
    assert_eq!(error.field(), Some("text"));
    let error = j
        .app
        .save_view(
            "Forever",
            &JobQuery {
                filters: Some(JobFilters { posted_within_days: Some(0), ..JobFilters::default() }),
                ..JobQuery::default()
            },
        )
        .unwrap_err();
    assert_eq!(error.field(), Some("posted_within_days"));
    assert!(j.app.saved_views().unwrap().is_empty(), "a refused view is not stored");

    // The edges of each range still list.
    let widest = JobFilters { posted_within_days: Some(36_500), salary_min: Some(0.0), ..JobFilters::default() };
    assert_eq!(filtered(&j.app, widest), sorted(vec![j.rust, j.analyst, j.account]));
}

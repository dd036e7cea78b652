//! Full-text search over more jobs than the count cap, so both ways the list tests matches run:
//! a few matches looked up and sorted, many walked through a list index with a bitset. Each
//! page is checked against the order worked out here from the generated jobs.

use std::collections::HashMap;

use jobhound_core::Jobhound;
use jobhound_core::search::{COUNT_CAP, JobQuery};
use jobhound_core::search::{JobFilters, JobSort};
use jobhound_core::sources::WorkMode;
use jobhound_core::your_data::ImportFrom;

const HEADER: &str = "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type";

const JOBS: u32 = 1_500;

/// Job `n`: an engineer unless n is a multiple of 5 (then an analyst), posted `n % 97` days ago,
/// remote when n is a multiple of 3, paid 50,000 + 10 n a year.
struct Generated {
    n: u32,
    id: i64,
}

impl Generated {
    fn engineer(&self) -> bool {
        !self.n.is_multiple_of(5)
    }
    fn days_ago(&self) -> u32 {
        self.n % 97
    }
    fn remote(&self) -> bool {
        self.n.is_multiple_of(3)
    }
}

fn title(n: u32) -> String {
    if n.is_multiple_of(5) { format!("Data Analyst {n}") } else { format!("Platform Engineer {n}") }
}

fn open() -> (tempfile::TempDir, Jobhound, Vec<Generated>) {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(&dir.path().join("data")).unwrap();
    let mut csv = HEADER.to_string();
    for n in 0..JOBS {
        let posted = (chrono::Utc::now() - chrono::Duration::days(i64::from(n % 97))).format("%Y-%m-%d");
        let remote = if n.is_multiple_of(3) { "True" } else { "False" };
        let pay = 50_000 + 10 * n;
        csv.push_str(&format!(
            "\nin-{n},indeed,https://www.indeed.com/viewjob?jk={n},,{},Company {n},\"Lisbon, Portugal\",{posted},fulltime,direct_data,yearly,{pay},{pay},EUR,{remote},,,,,\"Job number {n} at Company {n}.\",,,,,,,,,,,,,,",
            title(n)
        ));
    }
    let path = dir.path().join("jobs.csv");
    std::fs::write(&path, csv).unwrap();
    assert_eq!(app.import_file(ImportFrom::Jobspy, &path).unwrap().new_jobs, JOBS);
    let by_title: HashMap<String, i64> = app
        .store()
        .read(|c| {
            let mut statement = c.prepare("SELECT title, id FROM jobs")?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .unwrap();
    let jobs = (0..JOBS).map(|n| Generated { n, id: by_title[&title(n)] }).collect();
    (dir, app, jobs)
}

/// The newest `limit` of `jobs` that pass `keep` (ties: the later id first), and how many pass.
fn newest(jobs: &[Generated], keep: impl Fn(&Generated) -> bool, limit: usize) -> (Vec<i64>, usize) {
    let mut kept: Vec<&Generated> = jobs.iter().filter(|job| keep(job)).collect();
    kept.sort_by(|a, b| a.days_ago().cmp(&b.days_ago()).then(b.id.cmp(&a.id)));
    (kept.iter().take(limit).map(|job| job.id).collect(), kept.len())
}

fn page(app: &Jobhound, query: JobQuery) -> (Vec<i64>, u32, bool) {
    let page = app.list_jobs(&JobQuery { limit: Some(100), ..query }).unwrap();
    (page.jobs.iter().map(|job| job.id).collect(), page.total, page.total_capped)
}

#[test]
fn many_matches_come_newest_first_with_a_capped_count() {
    let (_dir, app, jobs) = open();
    let (expected, matching) = newest(&jobs, Generated::engineer, 100);
    assert!(matching > COUNT_CAP as usize, "the words must match more jobs than the cap: {matching}");
    let (found, total, capped) = page(&app, JobQuery { text: Some("engineer".into()), ..JobQuery::default() });
    assert_eq!(found, expected);
    assert_eq!((total, capped), (COUNT_CAP, true));

    // The second page continues where the first stopped.
    let (second, _, _) =
        page(&app, JobQuery { text: Some("engineer".into()), offset: Some(100), ..JobQuery::default() });
    assert_eq!(second, newest(&jobs, Generated::engineer, 200).0[100..].to_vec());
}

#[test]
fn many_matches_with_a_filter_are_counted_through_it() {
    let (_dir, app, jobs) = open();
    let keep = |job: &Generated| job.engineer() && job.remote();
    let (expected, matching) = newest(&jobs, keep, 100);
    assert!(matching < COUNT_CAP as usize);
    let remote = JobFilters { work_modes: vec![WorkMode::Remote], ..JobFilters::default() };
    let (found, total, capped) =
        page(&app, JobQuery { text: Some("engineer".into()), filters: Some(remote), ..JobQuery::default() });
    assert_eq!(found, expected);
    assert_eq!((total as usize, capped), (matching, false));
}

#[test]
fn few_matches_are_counted_exactly_and_sorted() {
    let (_dir, app, jobs) = open();
    let (expected, matching) = newest(&jobs, |job| !job.engineer(), 100);
    assert!(matching > 100 && matching < COUNT_CAP as usize);
    let (found, total, capped) = page(&app, JobQuery { text: Some("analyst".into()), ..JobQuery::default() });
    assert_eq!(found, expected);
    assert_eq!((total as usize, capped), (matching, false));
    // A word in no job.
    let (none, total, _) = page(&app, JobQuery { text: Some("astronaut".into()), ..JobQuery::default() });
    assert!(none.is_empty());
    assert_eq!(total, 0);
    // Words the tokenizer splits further ("c++17" is "c" and "17" to it; the Devanagari vowel
    // signs are not letters to it) are still searched, not refused.
    for text in ["analyst C++17", "हिन्दी", "re\u{301}sume\u{301}"] {
        let found = app.list_jobs(&JobQuery { text: Some(text.into()), ..JobQuery::default() }).unwrap();
        assert!(found.jobs.is_empty(), "{text}");
    }
}

#[test]
fn many_matches_sorted_by_pay_walk_the_pay_order() {
    let (_dir, app, jobs) = open();
    let mut engineers: Vec<&Generated> = jobs.iter().filter(|job| job.engineer()).collect();
    engineers.sort_by_key(|job| std::cmp::Reverse(job.n));
    let expected: Vec<i64> = engineers.iter().take(100).map(|job| job.id).collect();
    let (found, _, capped) =
        page(&app, JobQuery { text: Some("engineer".into()), sort: Some(JobSort::Salary), ..JobQuery::default() });
    assert_eq!(found, expected);
    assert!(capped);
}

#[test]
fn many_matches_sorted_by_score_fall_back_to_newest_without_scores() {
    let (_dir, app, jobs) = open();
    let (expected, _) = newest(&jobs, Generated::engineer, 100);
    let (found, total, capped) =
        page(&app, JobQuery { text: Some("engineer".into()), sort: Some(JobSort::Score), ..JobQuery::default() });
    assert_eq!(found, expected, "no campaign scored these jobs, so the best-score order is newest first");
    assert_eq!((total, capped), (COUNT_CAP, true));
}

//! The full-text index follows every insert, change and merge that ingest makes in a batch.

use jobhound_sources::{SourceKind, parse};

use crate::Store;
use crate::ingest::write::ingest;
use crate::search::jobs::{self as search, JobQuery};

const GREENHOUSE: &[u8] = include_bytes!("../../../../../assets/recorded/greenhouse-sample-1.json");

fn search(store: &Store, text: &str) -> Vec<String> {
    let query = JobQuery { text: Some(text.into()), ..JobQuery::default() };
    store.read(|c| search::list_jobs(c, &query)).unwrap().jobs.into_iter().map(|job| job.title).collect()
}

/// FTS5's own check of an external-content index against the `jobs` rows.
fn assert_index_matches_jobs(store: &Store) {
    store
        .read(|c| Ok(c.execute("INSERT INTO jobs_fts (jobs_fts, rank) VALUES ('integrity-check', 1)", [])?))
        .expect("index matches the jobs table");
}

#[test]
fn new_changed_and_merged_jobs_are_found_by_their_current_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    let original_title = postings[0].title.clone().unwrap();
    store.write(|tx| ingest(tx, &postings, None, "2026-11-20T10:00:00Z")).unwrap();
    assert_index_matches_jobs(&store);
    assert_eq!(search(&store, &original_title), vec![original_title.clone()]);

    // The employer renames the first job; in the same batch a copy of the second arrives from
    // an aggregator (merged), and a brand-new job that is then merged into within the batch.
    let mut renamed = postings.clone();
    renamed[0].title = Some("Quasar Wrangler".into());
    renamed[0].payload["title"] = "Quasar Wrangler".into();
    let mut copy = postings[1].clone();
    copy.source = SourceKind::Jsonld;
    copy.source_id = "aggregator-1".into();
    let mut fresh = postings[1].clone();
    fresh.source_id = "brand-new".into();
    fresh.title = Some("Nebula Cartographer".into());
    fresh.apply_url = Some("https://example.com/jobs/nebula".into());
    let mut fresh_copy = fresh.clone();
    fresh_copy.source = SourceKind::Jsonld;
    fresh_copy.source_id = "aggregator-2".into();
    renamed.extend([copy, fresh, fresh_copy]);
    let counts = store.write(|tx| ingest(tx, &renamed, None, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.updated, counts.new_jobs, counts.merged), (1, 1, 2));

    assert_index_matches_jobs(&store);
    assert_eq!(search(&store, "quasar wrangler"), vec!["Quasar Wrangler".to_string()]);
    assert_eq!(search(&store, "nebula"), vec!["Nebula Cartographer".to_string()]);
    assert!(search(&store, &format!("\"{original_title}\"")).is_empty(), "the old title is gone from the index");
}

#[test]
fn a_merge_that_fills_a_missing_description_indexes_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    // A board that lists the job without its text, then a copy elsewhere with the text.
    let mut bare = postings[1].clone();
    bare.description_html = None;
    bare.payload["content"] = serde_json::Value::Null;
    store.write(|tx| ingest(tx, &[bare.clone()], None, "2026-11-20T10:00:00Z")).unwrap();
    let mut described = postings[1].clone();
    described.source = SourceKind::Jsonld;
    described.source_id = "aggregator-described".into();
    described.description_html = Some("<p>Calibrate the zyxwvut telescopes.</p>".into());
    let mut again = described.clone();
    again.source_id = "aggregator-again".into();
    again.description_html = Some("<p>Polish the qponml mirrors.</p>".into());
    let counts = store.write(|tx| ingest(tx, &[described, again], None, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.merged), (0, 2));

    assert_index_matches_jobs(&store);
    let title = bare.title.clone().unwrap();
    assert_eq!(search(&store, "zyxwvut"), vec![title], "the filled description is searchable");
    // The second copy found the description already there: nothing of its own text was stored.
    assert!(search(&store, "qponml").is_empty());
}

#[test]
fn jobs_of_earlier_batches_and_earlier_opens_stay_findable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobhound.db");
    let store = Store::open(&path).unwrap();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    store.write(|tx| ingest(tx, &postings[..1], None, "2026-11-20T10:00:00Z")).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    store.write(|tx| ingest(tx, &postings[1..], None, "2026-11-21T10:00:00Z")).unwrap();
    assert_index_matches_jobs(&store);
    let all = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap();
    assert_eq!(all.jobs.len(), postings.len());
    for job in all.jobs {
        assert!(search(&store, &format!("\"{}\"", job.title)).contains(&job.title), "{} is findable", job.title);
    }
}

#[test]
fn an_unchanged_posting_seen_again_moves_last_seen_and_reopens_its_job() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    store.write(|tx| ingest(tx, &postings, None, "2026-11-20T10:00:00Z")).unwrap();
    let id = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap().jobs[0].id;
    store
        .write(|tx| Ok(tx.execute("UPDATE jobs SET closed_at = '2026-11-21T00:00:00Z' WHERE id = ?1", [id])?))
        .unwrap();

    let counts = store.write(|tx| ingest(tx, &postings, None, "2026-11-22T10:00:00Z")).unwrap();
    assert_eq!(counts.unchanged, u32::try_from(postings.len()).unwrap());
    let job = store.read(|c| search::get_job(c, id)).unwrap();
    assert_eq!(job.last_seen_at, "2026-11-22T10:00:00Z");
    assert_eq!(job.closed_at, None, "seen again, so open again");
    assert_eq!(job.first_seen_at, "2026-11-20T10:00:00Z");
}

#[test]
fn broad_lists_count_up_to_the_cap_and_still_come_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    store
        .write(|tx| {
            let mut insert = tx.prepare(
                "INSERT INTO jobs (title, company, posted_at, first_seen_at, last_seen_at, updated_at)
                 VALUES (?1, 'Acme', ?2, 'x', 'x', 'x')",
            )?;
            for n in 0..(search::COUNT_CAP + 5) {
                let posted = format!("2026-{:02}-{:02}T10:00:00Z", 1 + n % 12, 1 + n % 28);
                let title = if [7, 19, 1000].contains(&n) { format!("Job {n} zeppelin") } else { format!("Job {n}") };
                insert.execute(rusqlite::params![title, posted])?;
            }
            tx.execute("INSERT INTO jobs_fts (jobs_fts) VALUES ('rebuild')", [])?;
            Ok(())
        })
        .unwrap();
    let page = store.read(|c| search::list_jobs(c, &JobQuery { limit: Some(3), ..JobQuery::default() })).unwrap();
    assert_eq!((page.total, page.total_capped), (search::COUNT_CAP, true));
    let dates: Vec<String> = page.jobs.iter().map(|job| job.posted_at.clone().unwrap()).collect();
    assert!(dates.iter().all(|date| date.starts_with("2026-12-28")), "{dates:?}");

    // A broad text search walks the newest-first index; a narrow one sorts its few matches.
    let broad = JobQuery { text: Some("job".into()), limit: Some(3), ..JobQuery::default() };
    let page = store.read(|c| search::list_jobs(c, &broad)).unwrap();
    assert_eq!((page.total, page.total_capped, page.jobs.len()), (search::COUNT_CAP, true, 3));
    assert!(page.jobs.iter().all(|job| job.posted_at.as_deref().unwrap().starts_with("2026-12-28")));
    let narrow = JobQuery { text: Some("zeppelin".into()), ..JobQuery::default() };
    let page = store.read(|c| search::list_jobs(c, &narrow)).unwrap();
    let titles: Vec<&str> = page.jobs.iter().map(|job| job.title.as_str()).collect();
    assert_eq!((page.total, page.total_capped), (3, false));
    // Job 1000 is posted 2026-05-21, job 19 2026-08-20, job 7 2026-08-08.
    assert_eq!(titles, vec!["Job 19 zeppelin", "Job 7 zeppelin", "Job 1000 zeppelin"]);
}

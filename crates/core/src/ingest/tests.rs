//! Duplicate merging through the real write path and a real SQLite file: the write path's SQL,
//! tested where it lives.
#![allow(clippy::unwrap_used)]

use jobhound_sources::{ParsedPosting, SourceKind, parse};

use super::duplicates::rekey;
use super::write::ingest;
use crate::Store;
use crate::search::jobs::{self as search, JobQuery};

const GREENHOUSE: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");
const ASHBY: &[u8] = include_bytes!("../../../../assets/recorded/ashby-sample-1.json");

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    (dir, store)
}

/// The first Vercel posting as an aggregator would relist it: another source, another id, a
/// tracking-laden link to the same ATS page, "Inc." on the name (derived in code from the recording).
fn relisted(original: &ParsedPosting) -> ParsedPosting {
    let mut copy = original.clone();
    copy.source = SourceKind::Jsonld;
    copy.source_id = "aggregator-77".into();
    copy.company = Some("Vercel, Inc.".into());
    copy.url = Some("https://jobs.example-aggregator.com/view/77".into());
    copy.apply_url = original.apply_url.as_ref().map(|url| format!("{url}?utm_source=aggregator&gh_src=x1"));
    copy
}

#[test]
fn the_same_job_on_another_board_becomes_one_job_with_both_postings() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    let counts = store.write(|tx| ingest(tx, &postings, None, "2026-11-20T10:00:00Z")).unwrap();
    assert_eq!(counts.new_jobs, 2);

    let counts = store.write(|tx| ingest(tx, &[relisted(&postings[0])], None, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.merged), (0, 1));
    let page = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap();
    assert_eq!(page.total, 2, "still two jobs");
    let job = page.jobs.iter().find(|job| job.title == "Account Executive, Commercial").unwrap();
    assert_eq!(job.sources, ["greenhouse", "jsonld"]);
    let detail = store.read(|c| search::get_job(c, job.id)).unwrap();
    assert_eq!(detail.postings.len(), 2);
    assert_eq!(detail.postings[0].first_seen_at, "2026-11-20T10:00:00Z");
    assert_eq!(detail.postings[1].first_seen_at, "2026-11-21T10:00:00Z");
    assert_eq!(
        detail.apply_url.as_deref(),
        Some("https://job-boards.greenhouse.io/vercel/jobs/6136160004"),
        "the employer's ATS link stays the apply link"
    );
    assert_eq!(detail.countries, ["GB"]);
}

#[test]
fn an_aggregator_first_then_the_ats_takes_over_the_apply_link() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    let mut copy = relisted(&postings[0]);
    copy.apply_url = Some("https://jobs.example-aggregator.com/apply/77".into());
    store.write(|tx| ingest(tx, &[copy], None, "2026-11-20T10:00:00Z")).unwrap();
    let counts = store.write(|tx| ingest(tx, &postings, None, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.merged), (1, 1));
    let page = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap();
    let job = page.jobs.iter().find(|job| job.title == "Account Executive, Commercial").unwrap();
    let detail = store.read(|c| search::get_job(c, job.id)).unwrap();
    assert_eq!(detail.apply_url.as_deref(), Some("https://job-boards.greenhouse.io/vercel/jobs/6136160004"));
}

#[test]
fn the_same_title_in_another_place_stays_a_separate_job() {
    // Linear lists "Senior / Staff Fullstack Engineer" twice with near-identical text: Europe and
    // North America. They are two jobs.
    let (_dir, store) = store();
    let postings = parse(SourceKind::Ashby, ASHBY).unwrap();
    let counts = store.write(|tx| ingest(tx, &postings, Some("Linear"), "2026-11-20T10:00:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.merged), (2, 0));
}

#[test]
fn seniority_and_countries_are_stored() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Ashby, ASHBY).unwrap();
    store.write(|tx| ingest(tx, &postings, Some("Linear"), "2026-11-20T10:00:00Z")).unwrap();
    let first = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap().jobs[0].id;
    let detail = store.read(|c| search::get_job(c, first)).unwrap();
    assert_eq!(detail.seniority.map(|level| level.as_str()), Some("senior"));
}

#[test]
fn employment_type_stated_only_in_the_description_is_stored() {
    let (_dir, store) = store();
    let mut posting = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap().remove(0);
    posting.employment_type = None;
    posting.description_html = Some("<p>This is a part-time role on our sales team.</p>".into());
    store.write(|tx| ingest(tx, &[posting], None, "2026-11-20T10:00:00Z")).unwrap();
    let id = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap().jobs[0].id;
    let detail = store.read(|c| search::get_job(c, id)).unwrap();
    assert_eq!(detail.employment_type.map(|kind| kind.as_str()), Some("part_time"));
}

#[test]
fn jobs_stored_before_dedup_keys_existed_get_them_at_start() {
    let (_dir, store) = store();
    store
        .write(|tx| {
            Ok(tx.execute(
                "INSERT INTO jobs (title, company, first_seen_at, last_seen_at, updated_at)
                 VALUES ('Sr. Rust Engineer (m/w/d)', 'Acme GmbH', 'x', 'x', 'x')",
                [],
            )?)
        })
        .unwrap();
    assert_eq!(store.write(rekey).unwrap(), 1);
    let keys: (String, String) = store
        .read(|c| Ok(c.query_row("SELECT title_key, company_key FROM jobs", [], |r| Ok((r.get(0)?, r.get(1)?)))?))
        .unwrap();
    assert_eq!(keys, ("senior rust engineer".to_string(), "acme".to_string()));
    assert_eq!(store.write(rekey).unwrap(), 0, "done once");

    // Keys made by older rules are made again once: a retyped title's key changed with issue 22.
    store
        .write(|tx| {
            tx.execute("UPDATE jobs SET title = 'Rust Engineer (Payments) - Berlin', locations = '[\"Berlin\"]'", [])?;
            Ok(tx.execute("UPDATE settings SET value = '1' WHERE key = 'dedup_keys_version'", [])?)
        })
        .unwrap();
    assert_eq!(store.write(rekey).unwrap(), 1);
    let title_key: String = store.read(|c| Ok(c.query_row("SELECT title_key FROM jobs", [], |r| r.get(0))?)).unwrap();
    assert_eq!(title_key, "rust engineer payments");
    assert_eq!(store.write(rekey).unwrap(), 0);
    // Jobs were there before: the remerge pass is due, and done once it ran.
    assert!(store.read(super::duplicates::remerge_pending).unwrap());
    store.write(|tx| super::remerge::remerge(tx, &mut |_, _| {})).unwrap();
    assert!(!store.read(super::duplicates::remerge_pending).unwrap());
}

#[test]
fn a_new_database_has_no_remerge_due() {
    let (_dir, store) = store();
    assert_eq!(store.write(rekey).unwrap(), 0);
    assert!(!store.read(super::duplicates::remerge_pending).unwrap());
}

#[test]
fn broken_postings_are_kept_raw_and_flagged_without_blocking_the_batch() {
    let (_dir, store) = store();
    let good = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap().remove(0);
    let mut untitled = good.clone();
    untitled.source_id = "no-title".into();
    untitled.title = None;
    let mut far_future = good.clone();
    far_future.source_id = "future".into();
    far_future.posted_at = chrono::DateTime::from_timestamp(32_503_680_000, 0); // year 3000
    let mut huge = good.clone();
    huge.source_id = "huge".into();
    huge.description_html = Some("<p>word </p>".repeat(500_000)); // 6 MB
    let batch = [untitled, far_future, huge, good];
    let counts = store.write(|tx| ingest(tx, &batch, None, "2026-11-20T10:00:00Z")).unwrap();
    assert_eq!((counts.seen, counts.flagged, counts.new_jobs), (4, 3, 1));
    let problems: Vec<(String, String)> = store
        .read(|c| {
            let mut statement = c.prepare(
                "SELECT source_job_id, problem FROM postings WHERE problem IS NOT NULL ORDER BY source_job_id",
            )?;
            Ok(statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?)
        })
        .unwrap();
    assert_eq!(
        problems,
        [
            ("future".to_string(), "absurd posting date".to_string()),
            ("huge".to_string(), "description over 1 MB".to_string()),
            ("no-title".to_string(), "no title".to_string()),
        ]
    );
}

/// A copy of `original` under another source and id with its own links, so only the title, the
/// place and the text can tie it to the original.
fn copy_without_links(original: &ParsedPosting, id: &str, company: &str) -> ParsedPosting {
    let mut copy = original.clone();
    copy.source = SourceKind::Jsonld;
    copy.source_id = id.into();
    copy.company = Some(company.into());
    copy.url = Some(format!("https://jobs.example-agency.com/view/{id}"));
    copy.apply_url = Some(format!("https://jobs.example-agency.com/apply/{id}"));
    copy
}

#[test]
fn copies_without_a_shared_link_merge_by_title_place_and_text() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    store.write(|tx| ingest(tx, &postings, None, "2026-11-20T10:00:00Z")).unwrap();
    let original = &postings[0];

    // An agency's verbatim copy under its own name: the text ties it to the job.
    let agency = copy_without_links(original, "agency-1", "Talent Partners Ltd");
    // The employer's own repost without any description: same company, same title and place.
    let mut bare = copy_without_links(original, "repost-1", "Vercel");
    bare.description_html = None;
    // Another company with the same title and place but its own text is another job.
    let mut other = copy_without_links(original, "other-1", "Some Other Company");
    other.description_html = Some(
        "<p>We sell industrial pumps and valves to water utilities across the United Kingdom and \
         Ireland. You will own a territory of municipal customers, run tenders, visit treatment \
         plants, and work with our engineers on quotes. A driving licence is required, and you \
         will travel three days a week. We offer a company car and a pension.</p>"
            .into(),
    );
    let counts = store.write(|tx| ingest(tx, &[agency, bare, other], None, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.merged), (1, 2));
    let page = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap();
    let merged: Vec<_> = page.jobs.iter().filter(|job| job.title == "Account Executive, Commercial").collect();
    assert_eq!(merged.len(), 2, "the Vercel job (with both copies) and the other company's");
    let vercel = merged.iter().find(|job| job.company == "Vercel").unwrap();
    assert_eq!(store.read(|c| search::get_job(c, vercel.id)).unwrap().postings.len(), 3);
}

const LEVER: &[u8] = include_bytes!("../../../../assets/recorded/lever-sample-1.json");

/// The recorded Spotify posting's text as plain paragraphs, cut after `characters` as aggregators
/// cut it, between a board's preamble and footer.
fn cut_html(original: &ParsedPosting, characters: usize, preamble: &str, footer: &str) -> String {
    let text = crate::normalize::html_to_text(original.description_html.as_deref().unwrap_or_default());
    let cut: String = text.chars().take(characters).collect();
    format!("<p>{preamble}</p><p>{cut}…</p><p>{footer}</p>")
}

#[test]
fn aggregator_copies_cut_short_or_retyped_merge_and_other_places_and_teams_stay_apart() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Lever, LEVER).unwrap();
    store.write(|tx| ingest(tx, &postings, Some("Spotify"), "2026-11-20T10:00:00Z")).unwrap();
    let original = &postings[0];
    assert_eq!(original.title.as_deref(), Some("Android Engineer - Experience"));

    // An aggregator's copy: the title in capitals, the company with its suffix, the text cut.
    let mut aggregator = copy_without_links(original, "jooble-1", "SPOTIFY AB ");
    aggregator.title = Some("ANDROID ENGINEER, EXPERIENCE".into());
    aggregator.locations = vec!["London, United Kingdom".into()];
    aggregator.description_html = Some(cut_html(original, 300, "", ""));
    // An agency's copy of the opening inside the board's boilerplate, with the city in the title.
    let mut agency = copy_without_links(original, "agency-2", "Hays Recruitment");
    agency.title = Some("Android Engineer (Experience) - London".into());
    agency.locations = vec!["London".into()];
    agency.description_html = Some(cut_html(original, 600, "Apply on company site", "Jobs by Jooble"));
    // The same title and text in another city, and another team's title on the same text.
    let mut elsewhere = copy_without_links(original, "berlin-1", "Spotify");
    elsewhere.locations = vec!["Berlin".into()];
    let mut team = copy_without_links(original, "team-1", "Spotify");
    team.title = Some("Android Engineer - Payments".into());
    let counts =
        store.write(|tx| ingest(tx, &[aggregator, agency, elsewhere, team], None, "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.merged, counts.new_jobs), (2, 2));
    let page = store.read(|c| search::list_jobs(c, &JobQuery::default())).unwrap();
    let android =
        page.jobs.iter().find(|job| job.title == "Android Engineer - Experience" && job.locations.len() == 2).unwrap();
    assert_eq!(store.read(|c| search::get_job(c, android.id)).unwrap().postings.len(), 3);
}

#[test]
fn a_job_stored_under_a_translated_title_is_found_by_its_english_name() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Lever, LEVER).unwrap();
    let mut spanish = copy_without_links(&postings[0], "getonbrd-1", "Spotify");
    spanish.title = Some("Ingeniero Android - Android Engineer - Experience".into());
    store.write(|tx| ingest(tx, &[spanish], None, "2026-11-20T10:00:00Z")).unwrap();
    let alternates: i64 =
        store.read(|c| Ok(c.query_row("SELECT count(*) FROM job_title_alternates", [], |row| row.get(0))?)).unwrap();
    assert!(alternates >= 2, "{alternates} alternates");

    let counts = store.write(|tx| ingest(tx, &postings[..1], Some("Spotify"), "2026-11-21T10:00:00Z")).unwrap();
    assert_eq!((counts.merged, counts.new_jobs), (1, 0));
}

/// Job `id` as an older Jobhound stored it: under `title`, with keys its rules made.
fn as_stored_by_older_rules(store: &Store, id: i64, title: &str) {
    store
        .write(|tx| {
            tx.execute("UPDATE jobs SET title = ?2, title_key = 'old' WHERE id = ?1", rusqlite::params![id, title])?;
            Ok(tx.execute("UPDATE settings SET value = '1' WHERE key = 'dedup_keys_version'", [])?)
        })
        .unwrap();
}

#[test]
fn remerge_folds_what_older_rules_kept_apart_into_the_older_job_with_everything_attached() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Lever, LEVER).unwrap();
    store.write(|tx| ingest(tx, &postings, Some("Spotify"), "2026-11-20T10:00:00Z")).unwrap();
    store.write(rekey).unwrap();
    // The aggregator's cut copy, stored apart (under a title nothing matched) as older rules did.
    let mut aggregator = copy_without_links(&postings[0], "jooble-9", "Spotify AB");
    aggregator.title = Some("Placeholder".into());
    aggregator.description_html = Some(cut_html(&postings[0], 300, "", ""));
    store.write(|tx| ingest(tx, &[aggregator], None, "2026-11-22T10:00:00Z")).unwrap();
    let ids: Vec<i64> = store
        .read(|c| {
            Ok(c.prepare("SELECT id FROM jobs ORDER BY id")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?)
        })
        .unwrap();
    assert_eq!(ids.len(), 3);
    let (original, copy) = (ids[0], ids[2]);
    as_stored_by_older_rules(&store, copy, "ANDROID ENGINEER, EXPERIENCE");
    // What the person attached to the copy: an application with a letter, feedback and a hidden score.
    store
        .write(|tx| {
            tx.execute_batch(&format!(
                "INSERT INTO campaigns (id, name, profile, base_weights, created_at, updated_at) VALUES (1, 'Android', '{{}}', '{{}}', 'x', 'x');
                 INSERT INTO matches (campaign_id, job_id, score, explanation, ranked_at, hidden) VALUES (1, {original}, 80, '{{}}', 'x', 0);
                 INSERT INTO matches (campaign_id, job_id, score, explanation, ranked_at, hidden) VALUES (1, {copy}, 75, '{{}}', 'x', 1);
                 INSERT INTO feedback (campaign_id, job_id, kind, weights_before, weights_after, created_at) VALUES (1, {copy}, 'like', '{{}}', '{{}}', 'x');
                 INSERT INTO applications (job_id, status, created_at, updated_at) VALUES ({copy}, 'applied', 'x', 'x');
                 INSERT INTO cover_letters (job_id, version, origin, text, created_at) VALUES ({original}, 1, 'generated', 'first', 'x');
                 INSERT INTO cover_letters (job_id, version, origin, text, created_at) VALUES ({copy}, 1, 'edited', 'second', 'x');
                 INSERT INTO tailored_resumes (job_id, version, origin, sections, created_at) VALUES ({original}, 1, 'generated', '{{}}', 'x');
                 INSERT INTO tailored_resumes (job_id, version, origin, sections, created_at) VALUES ({copy}, 1, 'generated', '{{}}', 'x');"
            ))?;
            Ok(())
        })
        .unwrap();

    let mut heard = Vec::new();
    let report = store.write(|tx| super::remerge::remerge(tx, &mut |done, total| heard.push((done, total)))).unwrap();
    assert_eq!((report.jobs, report.merged, report.kept_apart), (3, 1, 0));
    assert_eq!(heard.first(), Some(&(0, 3)));
    assert_eq!(heard.last(), Some(&(3, 3)));
    let count = |sql: &str| -> i64 { store.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).unwrap() };
    assert_eq!(count("SELECT COUNT(*) FROM jobs"), 2);
    assert_eq!(count(&format!("SELECT COUNT(*) FROM jobs WHERE id = {copy}")), 0);
    assert_eq!(count(&format!("SELECT COUNT(*) FROM job_postings WHERE job_id = {original}")), 2, "both postings");
    assert_eq!(count(&format!("SELECT COUNT(*) FROM applications WHERE job_id = {original}")), 1);
    assert_eq!(count(&format!("SELECT COUNT(*) FROM feedback WHERE job_id = {original}")), 1);
    assert_eq!(count(&format!("SELECT hidden FROM matches WHERE job_id = {original}")), 1, "the person's mark kept");
    assert_eq!(
        count(&format!("SELECT MAX(version) FROM cover_letters WHERE job_id = {original}")),
        2,
        "letters in order"
    );
    assert_eq!(
        count(&format!("SELECT COUNT(*) * 10 + MAX(version) FROM tailored_resumes WHERE job_id = {original}")),
        22,
        "both tailored resumes kept, in order"
    );
    assert_eq!(count("SELECT COUNT(*) FROM postings"), 3, "no posting is lost");
    // The search index followed: the copy's entry went with it.
    let found = store
        .read(|c| search::list_jobs(c, &JobQuery { text: Some("android".into()), ..JobQuery::default() }))
        .unwrap();
    assert_eq!(found.jobs.iter().map(|job| job.id).collect::<Vec<_>>(), vec![original]);
    // A second pass finds nothing more.
    assert_eq!(store.write(|tx| super::remerge::remerge(tx, &mut |_, _| {})).unwrap().merged, 0);
}

#[test]
fn remerge_leaves_two_copies_apart_when_each_has_an_application() {
    let (_dir, store) = store();
    let postings = parse(SourceKind::Lever, LEVER).unwrap();
    store.write(|tx| ingest(tx, &postings[..1], Some("Spotify"), "2026-11-20T10:00:00Z")).unwrap();
    let mut copy = copy_without_links(&postings[0], "jooble-10", "Spotify");
    copy.title = Some("Placeholder".into());
    store.write(|tx| ingest(tx, &[copy], None, "2026-11-21T10:00:00Z")).unwrap();
    as_stored_by_older_rules(&store, 2, "Android Engineer, Experience");
    store
        .write(|tx| {
            Ok(tx.execute_batch(
                "INSERT INTO applications (job_id, status, created_at, updated_at) VALUES (1, 'applied', 'x', 'x');
                 INSERT INTO applications (job_id, status, created_at, updated_at) VALUES (2, 'saved', 'x', 'x');",
            )?)
        })
        .unwrap();
    let report = store.write(|tx| super::remerge::remerge(tx, &mut |_, _| {})).unwrap();
    assert_eq!((report.merged, report.kept_apart), (0, 1));
    let jobs: i64 = store.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM jobs", [], |r| r.get(0))?)).unwrap();
    assert_eq!(jobs, 2);
}

#[test]
fn a_batch_holding_one_posting_twice_stores_it_once() {
    let (_dir, store) = store();
    let posting = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap().remove(0);
    let mut later = posting.clone();
    later.title = Some("Account Executive, Commercial (EMEA)".into());
    let counts = store.write(|tx| ingest(tx, &[posting, later], None, "2026-11-20T10:00:00Z")).unwrap();
    assert_eq!((counts.new_jobs, counts.updated), (1, 1));
    let titles: Vec<String> = store
        .read(|c| search::list_jobs(c, &JobQuery::default()))
        .unwrap()
        .jobs
        .into_iter()
        .map(|job| job.title)
        .collect();
    assert_eq!(titles, ["Account Executive, Commercial (EMEA)"], "the later listing wins");
    let postings: i64 = store.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM postings", [], |r| r.get(0))?)).unwrap();
    assert_eq!(postings, 1);
}

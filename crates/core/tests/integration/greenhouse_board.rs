//! One Greenhouse board through the whole app against a mock server: fetch, store, list, refetch,
//! failures and removal.

use std::time::Duration;

use jobhound_core::search::JobQuery;
use jobhound_core::sources::{HttpOptions, SourceKind};
use jobhound_core::{CoreError, Jobhound};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{Board, board};

const VERCEL: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");

async fn harness() -> Board {
    board(&[SourceKind::Greenhouse], HttpOptions { timeout: Duration::from_millis(500), ..HttpOptions::for_tests() })
        .await
}

async fn serve(server: &MockServer, template: ResponseTemplate) {
    server.reset().await;
    Mock::given(method("GET")).and(path("/v1/boards/vercel/jobs")).respond_with(template).mount(server).await;
}

fn all_jobs(app: &Jobhound) -> Vec<(String, String)> {
    let page = app.list_jobs(&JobQuery::default()).unwrap();
    page.jobs.into_iter().map(|job| (job.title, job.company)).collect()
}

#[tokio::test]
async fn a_board_is_fetched_stored_normalized_and_listed() {
    let h = harness().await;
    serve(&h.server, ResponseTemplate::new(200).set_body_bytes(VERCEL)).await;

    let source = h.app.add_source(SourceKind::Greenhouse, "https://job-boards.greenhouse.io/vercel").unwrap();
    assert_eq!(source.param, "vercel");
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!((report.seen, report.new_jobs, report.updated), (2, 2, 0));
    assert_eq!(report.source.name, "Vercel", "the board takes the company's name");
    assert_eq!(report.source.job_count, 2);
    assert_eq!(report.source.jobs_seen_last, Some(2));

    let page = h.app.list_jobs(&JobQuery::default()).unwrap();
    assert_eq!(page.total, 2);
    let newest = &page.jobs[0];
    assert_eq!(newest.title, "Account Executive, Commercial", "newest posting first");
    assert_eq!(newest.company, "Vercel");
    assert_eq!(newest.locations, vec!["London".to_string()]);
    assert_eq!(newest.remote.map(|mode| mode.as_str()), Some("hybrid"));
    assert_eq!(newest.posted_at.as_deref(), Some("2026-08-06T16:50:10Z"));
    assert_eq!(newest.sources, vec!["greenhouse".to_string()]);

    let detail = h.app.get_job(newest.id).unwrap();
    assert_eq!(detail.apply_url.as_deref(), Some("https://job-boards.greenhouse.io/vercel/jobs/6136160004"));
    assert!(detail.description_html.starts_with("<div><h2>About Vercel:</h2>"), "{}", detail.description_html);
    assert!(!detail.description_html.contains("data-sheets-root"), "attributes stripped by the sanitizer");
    assert_eq!(detail.postings.len(), 1);
    assert_eq!(detail.postings[0].source_job_id, "6136160004");
}

#[tokio::test]
async fn fetching_again_updates_rather_than_duplicates() {
    let h = harness().await;
    serve(&h.server, ResponseTemplate::new(200).set_body_bytes(VERCEL)).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();

    let again = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!((again.new_jobs, again.updated, again.unchanged), (0, 0, 2));

    let renamed = String::from_utf8(VERCEL.to_vec()).unwrap().replace("Account Executive, Majors", "Enterprise AE");
    serve(&h.server, ResponseTemplate::new(200).set_body_string(renamed)).await;
    let changed = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!((changed.new_jobs, changed.updated, changed.unchanged), (0, 1, 1));
    let titles: Vec<String> = all_jobs(&h.app).into_iter().map(|(title, _)| title).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Enterprise AE".to_string()), "{titles:?}");

    let same = h.app.add_source(SourceKind::Greenhouse, "boards.greenhouse.io/vercel").unwrap();
    assert_eq!(same.id, source.id, "adding the same board twice keeps one");
    assert_eq!(h.app.list_sources().unwrap().len(), 1);
}

#[tokio::test]
async fn failures_are_reported_recorded_and_never_touch_stored_jobs() {
    let h = harness().await;
    serve(&h.server, ResponseTemplate::new(200).set_body_bytes(VERCEL)).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    let before = all_jobs(&h.app);

    let cases = [
        (ResponseTemplate::new(404), "source_not_found", "not_found"),
        (ResponseTemplate::new(500), "source_server", "server"),
        (
            ResponseTemplate::new(200).set_body_bytes(VERCEL).set_delay(Duration::from_secs(2)),
            "source_timeout",
            "timeout",
        ),
        (ResponseTemplate::new(200).set_body_string("{\"jobs\": [{\"id\": 1,"), "source_parse", "parse"),
    ];
    for (failures, (template, code, kind)) in cases.into_iter().enumerate() {
        serve(&h.server, template).await;
        let error = h.app.refresh_source(source.id).await.expect_err("the fetch fails");
        assert_eq!(error.code(), code, "{error}");
        assert!(error.to_string().contains("Greenhouse board 'vercel'"), "{error}");
        assert_eq!(all_jobs(&h.app), before, "stored jobs untouched after {code}");

        let health = h.app.list_sources().unwrap().remove(0);
        assert_eq!(health.last_error_kind.as_deref(), Some(kind));
        assert_eq!(health.last_error.as_deref(), Some(error.to_string().as_str()));
        assert_eq!(health.consecutive_failures as usize, failures + 1);
        assert!(health.last_success_at.is_some(), "the earlier success is remembered");
    }
    let runs: i64 = h
        .app
        .store()
        .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM run_sources WHERE error_kind IS NOT NULL", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(runs, 4, "every failed run is in the history");

    serve(&h.server, ResponseTemplate::new(200).set_body_bytes(VERCEL)).await;
    h.app.refresh_source(source.id).await.unwrap();
    let healthy = h.app.list_sources().unwrap().remove(0);
    assert_eq!((healthy.consecutive_failures, healthy.last_error), (0, None));
}

#[tokio::test]
async fn an_unknown_board_names_the_board() {
    let h = harness().await;
    let source = h.app.add_source(SourceKind::Greenhouse, "nosuchco").unwrap();
    let error = h.app.refresh_source(source.id).await.expect_err("404");
    assert_eq!(error.to_string(), "Greenhouse board 'nosuchco' was not found (HTTP 404): check the name or URL");
}

#[tokio::test]
async fn removing_a_board_keeps_its_jobs() {
    let h = harness().await;
    serve(&h.server, ResponseTemplate::new(200).set_body_bytes(VERCEL)).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    h.app.remove_source(source.id).unwrap();
    assert!(h.app.list_sources().unwrap().is_empty());
    assert_eq!(all_jobs(&h.app).len(), 2);
    assert!(matches!(h.app.remove_source(source.id), Err(CoreError::NotFound(_))));
}

#[tokio::test]
async fn bad_board_input_is_refused_before_any_request() {
    let h = harness().await;
    let error = h.app.add_source(SourceKind::Greenhouse, "https://jobs.lever.co/vercel").unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert!(h.app.list_sources().unwrap().is_empty());
}

//! Source health, keys, terms-based pacing, opt-in sources and job liveness, end to end through
//! a real SQLite file and a local mock server.

use jobhound_core::Jobhound;
use jobhound_core::search::JobQuery;
use jobhound_core::sources::{HttpOptions, SourceKind};
use serde_json::{Value, json};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{Board, board};

const GREENHOUSE: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");
const LEVER: &[u8] = include_bytes!("../../../../assets/recorded/lever-sample-1.json");
const REMOTIVE: &[u8] = include_bytes!("../../../../assets/recorded/remotive-sample-1.json");
const LINKEDIN: &[u8] = include_bytes!("../../../../assets/recorded/linkedin-sample-1.html");

async fn harness() -> Board {
    board(SourceKind::ALL, HttpOptions::for_tests()).await
}

async fn serve(server: &MockServer, at: &str, template: ResponseTemplate) {
    Mock::given(path(at)).respond_with(template).mount(server).await;
}

fn open_and_closed(app: &Jobhound) -> (Vec<String>, Vec<String>) {
    let page = app.list_jobs(&JobQuery::default()).unwrap();
    let mut open = Vec::new();
    let mut closed = Vec::new();
    for job in page.jobs {
        let detail = app.get_job(job.id).unwrap();
        if detail.closed_at.is_some() { closed.push(job.title) } else { open.push(job.title) }
    }
    (open, closed)
}

#[tokio::test]
async fn a_job_that_leaves_its_board_is_closed_with_the_date_and_reopened_if_it_returns() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_bytes(GREENHOUSE)).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    assert_eq!(open_and_closed(&h.app).0.len(), 2);

    // The board now lists only its first job (derived from the recording).
    let mut board: Value = serde_json::from_slice(GREENHOUSE).unwrap();
    board["jobs"].as_array_mut().unwrap().truncate(1);
    h.server.reset().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_json(&board)).await;
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!(report.closed, 1);
    let (open, closed) = open_and_closed(&h.app);
    assert_eq!(open, ["Account Executive, Commercial"]);
    assert_eq!(closed, ["Account Executive, Majors"], "closed, never deleted");

    h.server.reset().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_bytes(GREENHOUSE)).await;
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!((report.closed, report.reopened), (0, 1));
    assert!(open_and_closed(&h.app).1.is_empty());
}

#[tokio::test]
async fn a_keyword_search_never_closes_jobs_it_did_not_return() {
    let h = harness().await;
    serve(&h.server, "/api/remote-jobs", ResponseTemplate::new(200).set_body_bytes(REMOTIVE)).await;
    let source = h.app.add_source(SourceKind::Remotive, "design").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    h.app
        .store()
        .write(|tx| Ok(tx.execute("UPDATE watched_sources SET last_success_at = '2000-01-01T00:00:00Z'", [])?))
        .unwrap();
    h.server.reset().await;
    serve(&h.server, "/api/remote-jobs", ResponseTemplate::new(200).set_body_json(json!({"jobs": []}))).await;
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!(report.closed, 0);
    assert!(open_and_closed(&h.app).1.is_empty());
}

#[tokio::test]
async fn remotive_is_fetched_at_most_as_often_as_its_terms_allow() {
    let h = harness().await;
    serve(&h.server, "/api/remote-jobs", ResponseTemplate::new(200).set_body_bytes(REMOTIVE)).await;
    let source = h.app.add_source(SourceKind::Remotive, "").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    let error = h.app.refresh_source(source.id).await.unwrap_err();
    assert_eq!(error.code(), "source_disabled");
    assert!(error.to_string().contains("asks to be fetched at most every 360 minutes"), "{error}");
    let health = h.app.list_sources().unwrap().remove(0);
    assert_eq!((health.consecutive_failures, health.last_error), (0, None), "not a failure of the source");
    assert_eq!(h.server.received_requests().await.unwrap().len(), 1);
    // The limit is Remotive's, not one search's: another search waits too.
    let other = h.app.add_source(SourceKind::Remotive, "rust").unwrap();
    assert_eq!(h.app.refresh_source(other.id).await.unwrap_err().code(), "source_disabled");
    assert_eq!(h.server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_missing_key_disables_the_source_with_a_message_naming_the_key() {
    let h = harness().await;
    let source = h.app.add_source(SourceKind::Adzuna, "keywords=rust&country=de").unwrap();
    let error = h.app.refresh_source(source.id).await.unwrap_err();
    assert_eq!(error.code(), "source_missing_key");
    assert!(error.to_string().contains("Adzuna needs the Adzuna app_id key"), "{error}");
    let health = h.app.list_sources().unwrap().remove(0);
    assert_eq!(health.last_error_kind.as_deref(), Some("missing_key"));
    let adzuna = h.app.sources_overview().unwrap().into_iter().find(|s| s.info.kind == SourceKind::Adzuna).unwrap();
    assert!(!adzuna.ready);
    assert_eq!(adzuna.missing_keys, ["Adzuna app_id", "Adzuna app_key"]);

    h.app.set_source_key("adzuna_app_id", "id-1").unwrap();
    h.app.set_source_key("adzuna_app_key", "key-1").unwrap();
    // Synthetic Adzuna page (no real recording exists), in the documented shape.
    serve(
        &h.server,
        "/v1/api/jobs/de/search/1",
        ResponseTemplate::new(200).set_body_json(json!({"count": 1, "results": [{"id": "42", "title": "Rust Entwickler",
            "company": {"display_name": "Acme GmbH"}, "location": {"display_name": "Berlin"}, "created": "2026-09-01T08:00:00Z",
            "redirect_url": "https://www.adzuna.de/details/42", "salary_min": 60000, "salary_max": 80000, "salary_is_predicted": "0"}]})),
    )
    .await;
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!(report.new_jobs, 1);
    let job = h.app.list_jobs(&JobQuery::default()).unwrap().jobs.remove(0);
    assert_eq!((job.title.as_str(), job.company.as_str()), ("Rust Entwickler", "Acme GmbH"));
    let request = &h.server.received_requests().await.unwrap()[0];
    assert!(request.url.query().unwrap_or_default().contains("app_id=id-1"));
    assert!(h.app.set_source_key("not_a_key", "x").is_err());
}

#[tokio::test]
async fn linkedin_stays_off_until_the_user_opts_in() {
    let h = harness().await;
    let error = h.app.add_source(SourceKind::Linkedin, "rust").unwrap_err();
    assert_eq!(error.code(), "source_disabled");
    assert!(error.to_string().contains("LinkedIn's terms forbid scraping"), "{error}");
    h.app.set_linkedin_enabled(true).unwrap();
    serve(
        &h.server,
        "/jobs-guest/jobs/api/seeMoreJobPostings/search",
        ResponseTemplate::new(200).set_body_bytes(LINKEDIN),
    )
    .await;
    let source = h.app.add_source(SourceKind::Linkedin, "rust").unwrap();
    assert_eq!(h.app.refresh_source(source.id).await.unwrap().new_jobs, 2);
    h.app.set_linkedin_enabled(false).unwrap();
    assert_eq!(h.app.refresh_source(source.id).await.unwrap_err().code(), "source_disabled");
}

#[tokio::test]
async fn a_rate_limited_fetch_is_recorded_and_keeps_stored_jobs() {
    let h = harness().await;
    serve(&h.server, "/v0/postings/spotify", ResponseTemplate::new(200).set_body_bytes(LEVER)).await;
    let source = h.app.add_source_from_url("https://jobs.lever.co/spotify").unwrap();
    assert_eq!((source.kind, source.param.as_str()), (SourceKind::Lever, "spotify"));
    h.app.refresh_source(source.id).await.unwrap();
    h.server.reset().await;
    serve(&h.server, "/v0/postings/spotify", ResponseTemplate::new(429).insert_header("Retry-After", "3600")).await;
    let error = h.app.refresh_source(source.id).await.unwrap_err();
    assert_eq!(error.code(), "source_rate_limited");
    assert!(error.to_string().contains("Lever board 'spotify' is rate-limiting requests"), "{error}");
    assert_eq!(h.app.list_jobs(&JobQuery::default()).unwrap().total, 2);
    let health = h.app.list_sources().unwrap().remove(0);
    assert_eq!(health.last_error_kind.as_deref(), Some("rate_limited"));
    assert_eq!(health.name, "spotify");
    // Asked to come back in an hour: the next attempt does not even reach the server.
    let requests = h.server.received_requests().await.unwrap().len();
    let paused = h.app.refresh_source(source.id).await.unwrap_err();
    assert_eq!(paused.code(), "source_paused");
    assert_eq!(h.server.received_requests().await.unwrap().len(), requests);
}

#[tokio::test]
async fn a_board_that_went_dark_says_for_how_long() {
    let h = harness().await;
    serve(&h.server, "/posting-api/job-board/quiet", ResponseTemplate::new(200).set_body_json(json!({"jobs": []})))
        .await;
    let source = h.app.add_source(SourceKind::Ashby, "quiet").unwrap();
    h.app
        .store()
        .write(|tx| {
            let ten_days_ago = (chrono::Utc::now() - chrono::Duration::days(10)).to_rfc3339();
            Ok(tx.execute("UPDATE watched_sources SET last_jobs_at = ?1", [ten_days_ago])?)
        })
        .unwrap();
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!(report.source.jobs_seen_last, Some(0));
    assert_eq!(report.source.days_without_jobs, Some(10));
    assert_eq!(report.source.description, "Ashby board 'quiet'");
}

#[test]
fn the_overview_lists_every_kind_with_its_needs() {
    let Board { app, .. } = tokio::runtime::Runtime::new().unwrap().block_on(board(&[], HttpOptions::for_tests()));
    let overview = app.sources_overview().unwrap();
    assert_eq!(overview.len(), SourceKind::ALL.len());
    let linkedin = overview.iter().find(|source| source.info.kind == SourceKind::Linkedin).unwrap();
    assert!(!linkedin.enabled);
    assert!(linkedin.info.opt_in_warning.unwrap().contains("forbids scraping"));
    let remotive = overview.iter().find(|source| source.info.kind == SourceKind::Remotive).unwrap();
    assert_eq!(remotive.info.attribution, Some("Remotive"));
    assert!(remotive.ready && remotive.enabled);
}

#[tokio::test]
async fn pay_ranges_are_read_once_per_new_job_and_kept_on_later_updates() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_bytes(GREENHOUSE)).await;
    // The official documentation's pay range example, on a synthetic detail body.
    serve(
        &h.server,
        "/v1/boards/vercel/jobs/6136160004",
        ResponseTemplate::new(200).set_body_json(json!({"pay_input_ranges": [
            {"min_cents": 5000000, "max_cents": 7500000, "currency_type": "USD", "title": "NYC Salary Range"}]})),
    )
    .await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    let detail_calls =
        |requests: &[wiremock::Request]| requests.iter().filter(|r| r.url.path().contains("/jobs/")).count();
    assert_eq!(detail_calls(&h.server.received_requests().await.unwrap()), 2);

    // The board changes a title: the job is updated, its pay kept, and no detail call is repeated.
    let renamed =
        String::from_utf8(GREENHOUSE.to_vec()).unwrap().replace("Account Executive, Commercial", "AE, Commercial");
    h.server.reset().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_string(renamed)).await;
    let report = h.app.refresh_source(source.id).await.unwrap();
    assert_eq!(report.updated, 1);
    assert_eq!(detail_calls(&h.server.received_requests().await.unwrap()), 0);
    let job = h
        .app
        .list_jobs(&JobQuery::default())
        .unwrap()
        .jobs
        .into_iter()
        .find(|job| job.title == "AE, Commercial")
        .unwrap();
    let salary = job.salary.expect("pay kept");
    assert_eq!((salary.min, salary.max, salary.currency.as_deref()), (Some(50_000.0), Some(75_000.0), Some("USD")));
}

#[tokio::test]
async fn one_job_is_rechecked_against_its_board_even_when_the_board_is_not_watched() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_bytes(GREENHOUSE)).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    h.app.remove_source(source.id).unwrap();
    let majors =
        h.app.list_jobs(&JobQuery::default()).unwrap().jobs.into_iter().find(|j| j.title.contains("Majors")).unwrap();

    let report = h.app.recheck_job(majors.id).await.unwrap();
    assert!(report.still_open);
    assert_eq!(report.checked, ["Greenhouse board 'vercel'"]);

    let mut board: Value = serde_json::from_slice(GREENHOUSE).unwrap();
    board["jobs"].as_array_mut().unwrap().truncate(1);
    h.server.reset().await;
    serve(&h.server, "/v1/boards/vercel/jobs", ResponseTemplate::new(200).set_body_json(&board)).await;
    let report = h.app.recheck_job(majors.id).await.unwrap();
    assert!(!report.still_open);
    assert!(report.closed_at.is_some());
    assert!(h.app.get_job(majors.id).unwrap().closed_at.is_some(), "closed, still stored");
    assert!(
        h.server.received_requests().await.unwrap().iter().all(|r| !r.url.path().contains("/jobs/")),
        "no pay-range calls for a re-check"
    );
}

#[tokio::test]
async fn jobs_from_keyword_boards_cannot_be_rechecked_and_say_so() {
    let h = harness().await;
    serve(&h.server, "/api/remote-jobs", ResponseTemplate::new(200).set_body_bytes(REMOTIVE)).await;
    let source = h.app.add_source(SourceKind::Remotive, "").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    let job = h.app.list_jobs(&JobQuery::default()).unwrap().jobs.remove(0);
    let error = h.app.recheck_job(job.id).await.unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    assert!(error.to_string().contains("cannot re-check it"), "{error}");
}

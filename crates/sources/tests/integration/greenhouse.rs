#![allow(clippy::expect_used)]
//! Greenhouse: parsing recorded boards, and fetching them from a mock server.

use std::time::Duration;

use jobhound_sources::{
    Credentials, Endpoints, HttpClient, ParsedPosting, SourceError, SourceErrorKind, SourceKind, greenhouse,
};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIVE: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");
const DOCS: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-2.json");

#[test]
fn live_recording_parses_into_concrete_fields() {
    let jobs = greenhouse::parse_jobs(LIVE).expect("recorded body parses");
    assert_eq!(jobs.len(), 2);
    let first = &jobs[0];
    assert_eq!(first.source, SourceKind::Greenhouse);
    assert_eq!(first.source_id, "6136160004");
    assert_eq!(first.title.as_deref(), Some("Account Executive, Commercial"));
    assert_eq!(first.company.as_deref(), Some("Vercel"));
    assert_eq!(first.locations, vec!["Hybrid - London".to_string()]);
    assert_eq!(first.apply_url.as_deref(), Some("https://job-boards.greenhouse.io/vercel/jobs/6136160004"));
    assert_eq!(first.posted_at.map(|t| t.to_rfc3339()), Some("2026-08-06T16:50:10+00:00".to_string()));
    let html = first.description_html.as_deref().unwrap_or_default();
    assert!(html.starts_with("<div class=\"content-intro\"><h2>About Vercel:</h2>"), "{html}");
    assert!(html.contains("what's next"), "numeric entities decoded: {html}");
    assert_eq!(first.payload["requisition_id"], "1311");
    assert_eq!(jobs[1].title.as_deref(), Some("Account Executive, Majors"));
    assert_eq!(jobs[1].posted_at.map(|t| t.to_rfc3339()), Some("2026-05-21T13:26:09+00:00".to_string()));
}

#[test]
fn docs_example_without_company_or_publish_date_leaves_them_unknown() {
    let jobs = greenhouse::parse_jobs(DOCS).expect("docs example parses");
    assert_eq!(jobs.len(), 1);
    let job = &jobs[0];
    assert_eq!(job.source_id, "127817");
    assert_eq!(job.title.as_deref(), Some("Vault Designer"));
    assert_eq!(job.company, None);
    assert_eq!(job.posted_at, None);
    assert_eq!(job.locations, vec!["NYC".to_string()]);
    assert_eq!(
        job.description_html.as_deref(),
        Some(
            "This is the job description. <p>Any HTML included through the hosted job application editor will be automatically converted into corresponding HTML entities.</p>"
        )
    );
}

#[test]
fn bodies_that_are_not_a_board_are_refused() {
    for body in [&b""[..], b"<html>", b"{\"jobs\": 3}", b"[]", b"{\"jobs\": [1, {\"id\": 5"] {
        let error = greenhouse::parse_jobs(body).expect_err("not a board");
        assert_eq!(error.kind(), SourceErrorKind::Parse);
    }
}

#[test]
fn an_odd_job_is_skipped_not_fatal() {
    let body = br#"{"jobs": [{"title": "no id"}, {"id": 7, "title": "Kept", "content": null}]}"#;
    let jobs = greenhouse::parse_jobs(body).expect("board parses");
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].source_id, "7");
}

async fn server_answering(template: ResponseTemplate) -> (MockServer, Endpoints) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/boards/vercel/jobs"))
        .and(query_param("content", "true"))
        .respond_with(template)
        .mount(&server)
        .await;
    let endpoints = Endpoints::default().with_base_url(SourceKind::Greenhouse, &server.uri());
    (server, endpoints)
}

fn client(timeout_ms: u64) -> HttpClient {
    crate::common::client_with_timeout(Duration::from_millis(timeout_ms))
}

async fn fetch(http: &HttpClient, endpoints: &Endpoints, param: &str) -> Result<Vec<ParsedPosting>, SourceError> {
    crate::common::fetch(SourceKind::Greenhouse, http, endpoints, &Credentials::default(), param)
        .await
        .map(|o| o.postings)
}

#[tokio::test]
async fn fetches_a_board_from_the_configured_base_url() {
    let (_server, endpoints) = server_answering(ResponseTemplate::new(200).set_body_bytes(LIVE)).await;
    let jobs = fetch(&client(5_000), &endpoints, "https://job-boards.greenhouse.io/vercel").await.expect("fetch works");
    assert_eq!(jobs.len(), 2);
}

#[tokio::test]
async fn failures_name_the_board_and_the_cause() {
    let cases = [
        (ResponseTemplate::new(404), SourceErrorKind::NotFound, "not found"),
        (ResponseTemplate::new(503), SourceErrorKind::Server, "HTTP 503"),
        (
            ResponseTemplate::new(429).insert_header("Retry-After", "120"),
            SourceErrorKind::RateLimited,
            "retry after 120 seconds",
        ),
        (
            ResponseTemplate::new(200).set_body_string("<html>maintenance</html>"),
            SourceErrorKind::Parse,
            "could not read",
        ),
        (
            ResponseTemplate::new(200).set_body_bytes(LIVE).set_delay(Duration::from_secs(3)),
            SourceErrorKind::Timeout,
            "did not answer",
        ),
    ];
    for (template, kind, phrase) in cases {
        let (_server, endpoints) = server_answering(template).await;
        let error = fetch(&client(300), &endpoints, "vercel").await.expect_err("fails");
        assert_eq!(error.kind(), kind, "{error}");
        let message = error.to_string();
        assert!(message.contains("Greenhouse board 'vercel'"), "{message}");
        assert!(message.contains(phrase), "{message}");
    }
}

#[tokio::test]
async fn an_unreachable_host_is_a_network_error() {
    let endpoints = Endpoints::default().with_base_url(SourceKind::Greenhouse, "http://127.0.0.1:9");
    let error = fetch(&client(2_000), &endpoints, "vercel").await.expect_err("fails");
    assert_eq!(error.kind(), SourceErrorKind::Network);
}

#![allow(dead_code, clippy::expect_used)]
//! What the sources' test modules share: recorded payloads, HTTP clients for the mock server, and
//! the failures every board must name and classify.

use std::time::Duration;

use jobhound_sources::{
    Credentials, Endpoints, FetchContext, FetchLimits, FetchOutcome, HttpClient, HttpOptions, SourceError,
    SourceErrorKind, SourceKind,
};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../assets/recorded/{name}", manifest_dir());
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

pub fn client() -> HttpClient {
    HttpClient::new(HttpOptions::for_tests()).expect("client builds")
}

pub fn client_with_timeout(timeout: Duration) -> HttpClient {
    HttpClient::new(HttpOptions { timeout, ..HttpOptions::for_tests() }).expect("client builds")
}

pub async fn fetch(
    kind: SourceKind,
    http: &HttpClient,
    endpoints: &Endpoints,
    credentials: &Credentials,
    param: &str,
) -> Result<FetchOutcome, SourceError> {
    let context = FetchContext {
        http,
        endpoints,
        credentials,
        limits: FetchLimits::default(),
        known_ids: None,
        recipe: None,
        campaign_words: &[],
    };
    jobhound_sources::fetch(kind, context, param).await
}

/// A mock server standing in for every host of `kind`.
pub async fn server_for(kind: SourceKind) -> (MockServer, Endpoints) {
    let server = MockServer::start().await;
    let endpoints = Endpoints::default().with_base_url(kind, &server.uri());
    (server, endpoints)
}

/// A board whose failures `failures_are_named_and_classified` checks.
pub struct FailingBoard<'a> {
    pub kind: SourceKind,
    /// What the board is watched with.
    pub param: &'a str,
    /// Asked for instead when the listing is a 404.
    pub missing: &'a str,
    /// Whether that 404's error must name `missing` as it was given (boards named by a slug; a
    /// site given by its address is named by the part that identifies it).
    pub names_missing: bool,
    /// Where the mock server is asked for the listing.
    pub listing_path: &'a str,
    /// A body that cannot be read as this kind's listing.
    pub garbled: &'a str,
    /// The listing of a board with no openings.
    pub empty: String,
}

/// Each from a mock server of its own: a 404 is NotFound (naming the board, see `names_missing`), a 500 is Server, a
/// garbled body is Parse, a 429 with Retry-After is waited out and then an empty board is a
/// healthy empty list, and an answer slower than the client's timeout is Timeout.
pub async fn failures_are_named_and_classified(board: FailingBoard<'_>) {
    let FailingBoard { kind, param, missing, names_missing, listing_path, garbled, empty } = board;
    let keys = Credentials::default();
    let (server, endpoints) = server_for(kind).await;
    Mock::given(path(listing_path)).respond_with(ResponseTemplate::new(404)).mount(&server).await;
    let not_found = fetch(kind, &client(), &endpoints, &keys, missing).await.expect_err("a 404 is an error");
    assert_eq!(not_found.kind(), SourceErrorKind::NotFound, "{kind}: {not_found}");
    assert!(!names_missing || not_found.to_string().contains(missing), "{kind}: {not_found}");

    let (server, endpoints) = server_for(kind).await;
    Mock::given(path(listing_path)).respond_with(ResponseTemplate::new(500)).mount(&server).await;
    let broken = fetch(kind, &client(), &endpoints, &keys, param).await.expect_err("a 500 is an error");
    assert_eq!(broken.kind(), SourceErrorKind::Server, "{kind}: {broken}");

    let (server, endpoints) = server_for(kind).await;
    Mock::given(path(listing_path))
        .respond_with(ResponseTemplate::new(200).set_body_string(garbled))
        .mount(&server)
        .await;
    let unreadable = fetch(kind, &client(), &endpoints, &keys, param).await.expect_err("garbage is an error");
    assert_eq!(unreadable.kind(), SourceErrorKind::Parse, "{kind}: {unreadable}");

    let (server, endpoints) = server_for(kind).await;
    Mock::given(path(listing_path))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path(listing_path))
        .respond_with(ResponseTemplate::new(200).set_body_string(empty))
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let outcome = fetch(kind, &client(), &endpoints, &keys, param).await.expect("the retry succeeds");
    assert!(outcome.postings.is_empty(), "{kind}: an empty board is a healthy empty list");
    assert!(started.elapsed() >= Duration::from_secs(1), "{kind}: Retry-After was honoured");

    let (server, endpoints) = server_for(kind).await;
    Mock::given(path(listing_path))
        .respond_with(ResponseTemplate::new(200).set_body_string("[]").set_delay(Duration::from_secs(2)))
        .mount(&server)
        .await;
    let slow = fetch(kind, &client_with_timeout(Duration::from_millis(200)), &endpoints, &keys, param)
        .await
        .expect_err("a slow answer is an error");
    assert_eq!(slow.kind(), SourceErrorKind::Timeout, "{kind}: {slow}");
}

/// The crate's folder as `cargo test` reports it when running, so a test binary reused from a
/// build in another checkout (a shared CARGO_TARGET_DIR) still reads this checkout's fixtures.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}

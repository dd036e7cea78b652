#![allow(dead_code, clippy::expect_used)]
//! What the sources' test modules share: recorded payloads and HTTP clients for the mock server.

use std::time::Duration;

use jobhound_sources::{
    Credentials, Endpoints, FetchContext, FetchLimits, FetchOutcome, HttpClient, HttpOptions, SourceError, SourceKind,
};

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

/// The crate's folder as `cargo test` reports it when running, so a test binary reused from a
/// build in another checkout (a shared CARGO_TARGET_DIR) still reads this checkout's fixtures.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string())
}

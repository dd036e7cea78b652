//! Fetching through a local mock server: paging, retries, Retry-After, timeouts, bad bodies,
//! empty boards, unknown companies, keys and the circuit breaker.

use std::time::Duration;

use crate::common::{client, client_with_timeout, fetch, fixture, server_for};
use jobhound_sources::{Credentials, Endpoints, HttpClient, HttpOptions, SourceErrorKind, SourceKind};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn no_keys() -> Credentials {
    Credentials::default()
}

#[tokio::test]
async fn lever_pages_until_a_short_page() {
    let (server, endpoints) = server_for(SourceKind::Lever).await;
    let recorded: Vec<Value> = serde_json::from_slice(&fixture("lever-sample-1.json")).unwrap();
    // A full first page made of the recorded posting under 100 distinct ids (derived, not recorded).
    let full_page: Vec<Value> = (0..100)
        .map(|n| {
            let mut posting = recorded[0].clone();
            posting["id"] = json!(format!("copy-{n}"));
            posting
        })
        .collect();
    Mock::given(path("/v0/postings/spotify"))
        .and(query_param("skip", "0"))
        .and(query_param("limit", "100"))
        .respond_with(ResponseTemplate::new(200).set_body_json(full_page))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/v0/postings/spotify"))
        .and(query_param("skip", "100"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("lever-sample-1.json")))
        .expect(1)
        .mount(&server)
        .await;
    let outcome =
        fetch(SourceKind::Lever, &client(), &endpoints, &no_keys(), "https://jobs.lever.co/spotify").await.unwrap();
    assert_eq!(outcome.pages, 2);
    assert_eq!(outcome.postings.len(), 102);
    assert_eq!(outcome.postings[101].title.as_deref(), Some("Artist & Label Partnerships Contractor, Vietnam"));
}

#[tokio::test]
async fn lever_eu_boards_use_the_eu_host() {
    let global = MockServer::start().await;
    let eu = MockServer::start().await;
    Mock::given(path("/v0/postings/acme"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("lever-sample-1.json")))
        .expect(1)
        .mount(&eu)
        .await;
    let endpoints =
        Endpoints::default().with_base_url(SourceKind::Lever, &global.uri()).with_lever_eu_base_url(&eu.uri());
    let outcome =
        fetch(SourceKind::Lever, &client(), &endpoints, &no_keys(), "https://jobs.eu.lever.co/acme").await.unwrap();
    assert_eq!(outcome.postings.len(), 2);
    assert!(global.received_requests().await.unwrap_or_default().is_empty());
}

#[tokio::test]
async fn arbeitnow_follows_next_links_to_the_empty_last_page() {
    let (server, endpoints) = server_for(SourceKind::Arbeitnow).await;
    let mut first: Value = serde_json::from_slice(&fixture("arbeitnow-sample-1.json")).unwrap();
    // The recording had its links/meta stripped; they are added back in the documented shape.
    first["links"] = json!({"first": "https://www.arbeitnow.com/api/job-board-api?page=1", "last": null, "prev": null,
        "next": "https://www.arbeitnow.com/api/job-board-api?page=2"});
    Mock::given(path("/api/job-board-api"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .mount(&server)
        .await;
    Mock::given(path("/api/job-board-api"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [], "links": {"next": null}})))
        .mount(&server)
        .await;
    let outcome = fetch(SourceKind::Arbeitnow, &client(), &endpoints, &no_keys(), "").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (2, 2));
}

#[tokio::test]
async fn himalayas_walks_the_cursor() {
    let (server, endpoints) = server_for(SourceKind::Himalayas).await;
    let first: Value = serde_json::from_slice(&fixture("himalayas-sample-1.json")).unwrap();
    let cursor = first["nextCursor"].as_str().unwrap().to_string();
    let mut last = first.clone();
    last.as_object_mut().unwrap().remove("nextCursor");
    // The last page's jobs are others than the first page's (a page served twice counts once).
    for job in last["jobs"].as_array_mut().unwrap() {
        job["guid"] = json!(format!("{}-older", job["guid"].as_str().unwrap()));
    }
    Mock::given(path("/jobs/api"))
        .and(query_param("cursor", cursor.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(last))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/jobs/api")).respond_with(ResponseTemplate::new(200).set_body_json(first)).mount(&server).await;
    let outcome = fetch(SourceKind::Himalayas, &client(), &endpoints, &no_keys(), "").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (2, 4));
}

#[tokio::test]
async fn smartrecruiters_pages_by_offset_reads_details_and_refuses_an_unknown_company() {
    let (server, endpoints) = server_for(SourceKind::Smartrecruiters).await;
    let mut first: Value = serde_json::from_slice(&fixture("smartrecruiters-sample-1.json")).unwrap();
    first["totalFound"] = json!(3);
    let mut second = first.clone();
    second["content"] = json!([first["content"][0].clone()]);
    second["content"][0]["id"] = json!("744000000000001");
    Mock::given(path("/v1/companies/Ubisoft2/postings"))
        .and(query_param("offset", "0"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .mount(&server)
        .await;
    Mock::given(path("/v1/companies/Ubisoft2/postings"))
        .and(query_param("offset", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(second))
        .mount(&server)
        .await;
    // Synthetic detail in the documented shape (no real detail recording exists).
    Mock::given(path("/v1/companies/Ubisoft2/postings/744000151912444"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "applyUrl": "https://jobs.smartrecruiters.com/oneclick-ui/company/Ubisoft2/publication/x",
            "jobAd": {"sections": {"jobDescription": {"title": "Job Description", "text": "<p>Keep the tools running.</p>"}}}
        })))
        .mount(&server)
        .await;
    Mock::given(path("/v1/companies/Nobody/postings"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"offset": 0, "limit": 100, "totalFound": 0, "content": []})),
        )
        .mount(&server)
        .await;
    let outcome = fetch(SourceKind::Smartrecruiters, &client(), &endpoints, &no_keys(), "Ubisoft2").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (2, 3));
    let detailed = &outcome.postings[0];
    assert_eq!(detailed.description_html.as_deref(), Some("<h3>Job Description</h3><p>Keep the tools running.</p>"));
    assert_eq!(
        detailed.apply_url.as_deref(),
        Some("https://jobs.smartrecruiters.com/oneclick-ui/company/Ubisoft2/publication/x")
    );
    assert!(outcome.warnings.iter().any(|w| w.contains("descriptions not read for 2 jobs")), "{:?}", outcome.warnings);

    let error = fetch(SourceKind::Smartrecruiters, &client(), &endpoints, &no_keys(), "Nobody").await.unwrap_err();
    assert_eq!(error.kind(), SourceErrorKind::NotFound);
    assert!(error.to_string().contains("SmartRecruiters company 'Nobody'"), "{error}");
}

#[tokio::test]
async fn a_429_with_retry_after_is_waited_out_then_succeeds() {
    let (server, endpoints) = server_for(SourceKind::Remoteok).await;
    Mock::given(path("/api"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path("/api"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("remoteok-sample-1.json")))
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let outcome = fetch(SourceKind::Remoteok, &client(), &endpoints, &no_keys(), "").await.unwrap();
    assert_eq!(outcome.postings.len(), 2);
    assert!(started.elapsed() >= Duration::from_secs(1), "Retry-After was honoured");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_500_is_retried_then_succeeds() {
    let (server, endpoints) = server_for(SourceKind::Ashby).await;
    Mock::given(path("/posting-api/job-board/linear"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(path("/posting-api/job-board/linear"))
        .and(query_param("includeCompensation", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("ashby-sample-1.json")))
        .mount(&server)
        .await;
    let outcome =
        fetch(SourceKind::Ashby, &client(), &endpoints, &no_keys(), "https://jobs.ashbyhq.com/linear").await.unwrap();
    assert_eq!(outcome.postings.len(), 2);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn failures_are_named_and_classified() {
    let (server, endpoints) = server_for(SourceKind::Workable).await;
    let recruitee = Endpoints::default().with_base_url(SourceKind::Recruitee, &server.uri());
    Mock::given(path("/api/v1/widget/accounts/slow"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_bytes(fixture("workable-sample-1.json"))
                .set_delay(Duration::from_secs(2)),
        )
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/widget/accounts/nobody"))
        .respond_with(ResponseTemplate::new(404).set_body_string("Not Found"))
        .mount(&server)
        .await;
    Mock::given(path("/channable/api/offers/"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>Service unavailable</html>"))
        .mount(&server)
        .await;
    let quick = client_with_timeout(Duration::from_millis(200));
    let timeout = fetch(SourceKind::Workable, &quick, &endpoints, &no_keys(), "slow").await.unwrap_err();
    assert_eq!(timeout.kind(), SourceErrorKind::Timeout);
    assert!(timeout.to_string().contains("Workable account 'slow' did not answer"), "{timeout}");
    let missing = fetch(SourceKind::Workable, &client(), &endpoints, &no_keys(), "nobody").await.unwrap_err();
    assert_eq!(missing.kind(), SourceErrorKind::NotFound);
    assert!(missing.to_string().contains("Workable account 'nobody' was not found"), "{missing}");
    let malformed = fetch(SourceKind::Recruitee, &client(), &recruitee, &no_keys(), "channable").await.unwrap_err();
    assert_eq!(malformed.kind(), SourceErrorKind::Parse);
    assert!(malformed.to_string().contains("Recruitee company 'channable' sent a response"), "{malformed}");
}

#[tokio::test]
async fn an_empty_board_is_an_empty_list() {
    let (server, endpoints) = server_for(SourceKind::Ashby).await;
    Mock::given(path("/posting-api/job-board/quiet"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"apiVersion": "1", "jobs": []})))
        .mount(&server)
        .await;
    let outcome = fetch(SourceKind::Ashby, &client(), &endpoints, &no_keys(), "quiet").await.unwrap();
    assert!(outcome.postings.is_empty());
}

#[tokio::test]
async fn keyed_sources_say_which_key_is_missing_and_send_the_keys_they_have() {
    let (server, endpoints) = server_for(SourceKind::Usajobs).await;
    let error = fetch(SourceKind::Adzuna, &client(), &endpoints, &no_keys(), "rust").await.unwrap_err();
    assert_eq!(error.kind(), SourceErrorKind::MissingKey);
    assert!(error.to_string().contains("Adzuna needs the Adzuna app_id key"), "{error}");
    Mock::given(method("GET"))
        .and(path("/api/Search"))
        .and(header("Authorization-Key", "secret-key"))
        .and(header("User-Agent", "me@example.com"))
        .and(query_param("Keyword", "software"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"SearchResult": {"SearchResultItems": [], "UserArea": {"NumberOfPages": "0"}}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let keys = Credentials::default().with("usajobs_api_key", "secret-key").with("usajobs_email", "me@example.com");
    let outcome = fetch(SourceKind::Usajobs, &client(), &endpoints, &keys, "software").await.unwrap();
    assert!(outcome.postings.is_empty());
}

#[tokio::test]
async fn hacker_news_finds_the_latest_thread_then_reads_it() {
    let (server, endpoints) = server_for(SourceKind::Hackernews).await;
    // The search envelope is the recorded one with one hit in the shape of a monthly thread (synthetic).
    let mut search: Value = serde_json::from_slice(&fixture("hn-algolia-sample-2.json")).unwrap();
    search["hits"] =
        json!([{"objectID": "49522897", "title": "Ask HN: Who is hiring? (September 2026)", "author": "whoishiring"}]);
    Mock::given(path("/api/v1/search_by_date"))
        .and(query_param("tags", "story,author_whoishiring"))
        .respond_with(ResponseTemplate::new(200).set_body_json(search))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/api/v1/items/49522897"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("hn-algolia-sample-1.json")))
        .expect(1)
        .mount(&server)
        .await;
    let outcome = fetch(SourceKind::Hackernews, &client(), &endpoints, &no_keys(), "").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (2, 3));
}

#[tokio::test]
async fn linkedin_stops_at_the_first_429_without_retrying() {
    let (server, endpoints) = server_for(SourceKind::Linkedin).await;
    Mock::given(path("/jobs-guest/jobs/api/seeMoreJobPostings/search"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .expect(1)
        .mount(&server)
        .await;
    let error = fetch(SourceKind::Linkedin, &client(), &endpoints, &no_keys(), "rust").await.unwrap_err();
    assert_eq!(error.kind(), SourceErrorKind::RateLimited);
}

/// A full JSearch page of ten: the recorded job under ids of this page (derived, not recorded).
fn jsearch_page(number: u32) -> Vec<Value> {
    let recorded: Vec<Value> = serde_json::from_slice(&fixture("jsearch-sample-1.json")).unwrap();
    (0..10)
        .map(|n| {
            let mut job = recorded[0].clone();
            job["job_id"] = json!(format!("page-{number}-{n}"));
            job
        })
        .collect()
}

#[tokio::test]
async fn jsearch_reads_three_pages_at_most_and_does_not_call_that_a_loss() {
    let (server, endpoints) = server_for(SourceKind::Jsearch).await;
    for number in 1..=3 {
        Mock::given(path("/search"))
            .and(query_param("page", number.to_string()))
            .and(header("X-RapidAPI-Key", "quota-key"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"status": "OK", "data": jsearch_page(number)})),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let keys = Credentials::default().with("jsearch_api_key", "quota-key");
    let outcome = fetch(SourceKind::Jsearch, &client(), &endpoints, &keys, "rust developer").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (3, 30));
    assert_eq!(outcome.postings[29].source_id, "page-3-9");
    // Three pages is the depth chosen to spare the user's quota, not a listing cut short.
    assert!(!outcome.truncated && outcome.warnings.is_empty(), "{:?}", outcome.warnings);
}

#[tokio::test]
async fn jsearch_stops_at_its_first_short_page() {
    let (server, endpoints) = server_for(SourceKind::Jsearch).await;
    Mock::given(path("/search"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "OK", "data": jsearch_page(1)})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/search"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("jsearch-sample-1.json")))
        .expect(1)
        .mount(&server)
        .await;
    let keys = Credentials::default().with("jsearch_api_key", "quota-key");
    let outcome = fetch(SourceKind::Jsearch, &client(), &endpoints, &keys, "rust developer").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (2, 11));
}

/// A full LinkedIn page: the two recorded cards thirteen times over, each copy's ids prefixed
/// with its number (derived, not recorded).
fn linkedin_page() -> String {
    let recorded = String::from_utf8(fixture("linkedin-sample-1.html")).unwrap();
    (10..23).map(|copy| recorded.replace("urn:li:jobPosting:", &format!("urn:li:jobPosting:{copy}"))).collect()
}

#[tokio::test]
async fn linkedin_ends_a_search_at_the_400_past_its_last_page() {
    let (server, endpoints) = server_for(SourceKind::Linkedin).await;
    let search = "/jobs-guest/jobs/api/seeMoreJobPostings/search";
    Mock::given(path(search))
        .and(query_param("start", "0"))
        .respond_with(ResponseTemplate::new(200).set_body_string(linkedin_page()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path(search))
        .and(query_param("start", "26"))
        .respond_with(ResponseTemplate::new(400))
        .expect(1)
        .mount(&server)
        .await;
    let outcome = fetch(SourceKind::Linkedin, &client(), &endpoints, &no_keys(), "rust").await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len()), (2, 26));
    assert_eq!(outcome.postings[25].source_id, "224459771918");
    assert!(!outcome.truncated && outcome.warnings.is_empty(), "{:?}", outcome.warnings);
}

#[tokio::test]
async fn linkedin_refusing_the_first_page_is_an_error_not_an_empty_search() {
    let (server, endpoints) = server_for(SourceKind::Linkedin).await;
    Mock::given(path("/jobs-guest/jobs/api/seeMoreJobPostings/search"))
        .respond_with(ResponseTemplate::new(400))
        .expect(1)
        .mount(&server)
        .await;
    let error = fetch(SourceKind::Linkedin, &client(), &endpoints, &no_keys(), "rust").await.unwrap_err();
    assert!(error.to_string().contains("400"), "{error}");
}

#[tokio::test]
async fn greenhouse_reads_pay_ranges_from_the_per_job_call() {
    let (server, endpoints) = server_for(SourceKind::Greenhouse).await;
    Mock::given(path("/v1/boards/vercel/jobs"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("greenhouse-sample-1.json")))
        .mount(&server)
        .await;
    // The pay range is the official documentation's example, on a synthetic detail body.
    Mock::given(path("/v1/boards/vercel/jobs/6136160004"))
        .and(query_param("pay_transparency", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 6136160004u64, "pay_input_ranges": [
            {"min_cents": 5000000, "max_cents": 7500000, "currency_type": "USD", "title": "NYC Salary Range", "blurb": "In order to provide transparency..."}]})))
        .mount(&server)
        .await;
    let outcome = fetch(SourceKind::Greenhouse, &client(), &endpoints, &no_keys(), "vercel").await.unwrap();
    let salary = outcome.postings[0].salary.clone().expect("pay read");
    assert_eq!((salary.min, salary.max, salary.currency.as_deref()), (Some(50_000.0), Some(75_000.0), Some("USD")));
    assert_eq!(outcome.postings[1].salary, None);
    assert_eq!(outcome.warnings.len(), 1, "the second job's detail was missing: {:?}", outcome.warnings);
}

#[tokio::test]
async fn a_page_without_job_postings_says_so() {
    let server = MockServer::start().await;
    Mock::given(path("/careers"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html><body>We are not hiring</body></html>"))
        .mount(&server)
        .await;
    Mock::given(path("/jobs/1"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("jsonld-jobposting-sample-1.html")))
        .mount(&server)
        .await;
    let endpoints = Endpoints::default();
    let error = fetch(SourceKind::Jsonld, &client(), &endpoints, &no_keys(), &format!("{}/careers", server.uri()))
        .await
        .unwrap_err();
    assert!(error.to_string().starts_with("no jobs found at "), "{error}");
    let outcome = fetch(SourceKind::Jsonld, &client(), &endpoints, &no_keys(), &format!("{}/jobs/1", server.uri()))
        .await
        .unwrap();
    assert_eq!(outcome.postings[0].title.as_deref(), Some("Software Engineer"));
}

#[tokio::test]
async fn the_circuit_breaker_pauses_a_failing_host_and_says_so() {
    let (server, endpoints) = server_for(SourceKind::Remotive).await;
    Mock::given(path("/api/remote-jobs")).respond_with(ResponseTemplate::new(503)).mount(&server).await;
    let http = HttpClient::new(HttpOptions { breaker_threshold: 2, ..HttpOptions::for_tests() }).unwrap();
    for _ in 0..2 {
        let error = fetch(SourceKind::Remotive, &http, &endpoints, &no_keys(), "").await.unwrap_err();
        assert_eq!(error.kind(), SourceErrorKind::Server);
    }
    let before = server.received_requests().await.unwrap().len();
    let paused = fetch(SourceKind::Remotive, &http, &endpoints, &no_keys(), "").await.unwrap_err();
    assert_eq!(paused.kind(), SourceErrorKind::Paused);
    assert!(paused.to_string().contains("is paused after 2 failures in a row"), "{paused}");
    assert_eq!(server.received_requests().await.unwrap().len(), before, "no request while paused");
}

#[tokio::test]
async fn a_key_header_never_follows_a_redirect_to_another_host() {
    let (board, elsewhere) = (MockServer::start().await, MockServer::start().await);
    Mock::given(path("/search"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", format!("{}/collect", elsewhere.uri())))
        .mount(&board)
        .await;
    Mock::given(path("/moved"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/search-here"))
        .mount(&board)
        .await;
    Mock::given(path("/search-here"))
        .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
        .mount(&board)
        .await;
    Mock::given(path("/collect"))
        .respond_with(ResponseTemplate::new(200).set_body_string("thanks"))
        .mount(&elsewhere)
        .await;
    let http = client();
    let keyed = |path: &str| {
        jobhound_sources::Request::new(
            format!("{}{path}", board.uri()),
            "JSearch",
            jobhound_sources::Politeness::default(),
        )
        .header("X-RapidAPI-Key", "secret-key")
    };

    let error = http.get(&keyed("/search")).await.unwrap_err();
    assert!(error.to_string().contains("another host"), "{error}");
    assert!(elsewhere.received_requests().await.unwrap().is_empty(), "the key went nowhere else");
    // A redirect within the board's own host is followed, key and all.
    assert_eq!(http.get(&keyed("/moved")).await.unwrap(), b"ok");
    // Requests without keys still follow a board or feed that moved host.
    assert_eq!(http.get_bytes(&format!("{}/search", board.uri()), "a feed").await.unwrap(), b"thanks");
    let shown = format!("{:?}", keyed("/search"));
    assert!(shown.contains("X-RapidAPI-Key: [redacted]") && !shown.contains("secret-key"), "{shown}");
    let in_query = jobhound_sources::Request::new(
        format!("{}/v1/api/jobs/gb/search/1?app_id=id-1&app_key=query-secret", board.uri()),
        "Adzuna",
        jobhound_sources::Politeness::default(),
    );
    let shown = format!("{in_query:?}");
    assert!(shown.contains("search/1?[query redacted]") && !shown.contains("query-secret"), "{shown}");
}

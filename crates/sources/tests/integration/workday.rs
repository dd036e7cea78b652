//! Workday: the recorded search pages and job details (assets/recorded/workday-*, copied verbatim
//! from ../shared/fixtures/ats/workday), parsed and fetched through a local mock server that
//! answers the site's POST search and per-job detail GETs.

use std::collections::HashSet;
use std::time::Duration;

use crate::common::{client, client_with_timeout, fetch, fixture};
use chrono::Utc;
use jobhound_sources::{
    Credentials, EmploymentType, Endpoints, FetchContext, FetchLimits, SourceErrorKind, SourceKind, parse,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const API: &str = "/wday/cxs/gdit/External_Career_Site";
const BOARD: &str = "https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site";

async fn server() -> (MockServer, Endpoints) {
    let server = MockServer::start().await;
    let endpoints = Endpoints::default().with_base_url(SourceKind::Workday, &server.uri());
    (server, endpoints)
}

fn days_ago(posted: Option<chrono::DateTime<Utc>>) -> Option<i64> {
    posted.map(|time| (Utc::now() - time).num_days())
}

#[test]
fn recorded_search_pages_parse_with_their_paths_titles_places_and_relative_dates() {
    let gdit = parse(SourceKind::Workday, &fixture("workday-gdit-list.json")).unwrap();
    assert_eq!(gdit.len(), 4);
    assert_eq!(gdit[0].source_id, "/job/USA-DC-Washington/Data-Engineer_RQ216675");
    assert_eq!(gdit[0].title.as_deref(), Some("Data Engineer"));
    assert_eq!(gdit[0].locations, ["USA DC Washington"]);
    assert_eq!(days_ago(gdit[0].posted_at), Some(8), "\"Posted 8 Days Ago\" counts back from the fetch");
    assert_eq!(gdit[1].locations, ["DEU Wiesbaden - Wiesbaden Army Airfield (APC180)"]);
    assert_eq!(gdit[3].title.as_deref(), Some("Data Engineer - TS/SCI with Polygraph"));
    assert!(gdit.iter().all(|job| job.company.is_none()), "the company is the brand the user added");

    let arrowstreet = parse(SourceKind::Workday, &fixture("workday-arrowstreetcapital-list.json")).unwrap();
    assert_eq!(arrowstreet.len(), 4);
    assert_eq!(arrowstreet[0].title.as_deref(), Some("Quantitative Researcher Intern, Summer 2027"));
    assert_eq!(arrowstreet[0].locations, ["Boston"]);
    assert_eq!(days_ago(arrowstreet[0].posted_at), Some(18));
    assert_eq!(days_ago(arrowstreet[2].posted_at), Some(25));
    assert_eq!(arrowstreet[3].posted_at, None, "\"Posted 30+ Days Ago\" is a lower bound, not a date");
    assert_eq!(arrowstreet[3].payload["postedOn"], "Posted 30+ Days Ago", "kept as the site said it");

    // A detail is not a search page: nothing in it is a listing.
    assert!(parse(SourceKind::Workday, &fixture("workday-gdit-detail.json")).unwrap().is_empty());
}

/// The GDIT search in two pages: the recorded first page (its total cut to 5), and a second page
/// of one posting whose total is 0, as Workday answers after the first page.
async fn mount_two_pages(server: &MockServer) {
    let mut first: Value = serde_json::from_slice(&fixture("workday-gdit-list.json")).unwrap();
    first["total"] = json!(5);
    let mut second = first.clone();
    second["total"] = json!(0);
    second["jobPostings"] = json!([{
        "title": "Senior Data Engineer", "externalPath": "/job/USA-VA-Falls-Church/Senior-Data-Engineer_RQ999999",
        "locationsText": "2 Locations", "postedOn": "Posted Today", "bulletFields": ["RQ999999"]
    }]);
    Mock::given(method("POST"))
        .and(path(format!("{API}/jobs")))
        .and(body_partial_json(json!({"offset": 0, "limit": 20, "searchText": "", "appliedFacets": {}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/jobs")))
        .and(body_partial_json(json!({"offset": 4, "limit": 20})))
        .respond_with(ResponseTemplate::new(200).set_body_json(second))
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_site_is_searched_page_by_page_and_new_jobs_read_in_full() {
    let (server, endpoints) = server().await;
    mount_two_pages(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{API}/job/USA-DC-Washington/Data-Engineer_RQ216675")))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(fixture("workday-gdit-detail.json")))
        .mount(&server)
        .await;
    // Another tenant's recorded detail in the shape every detail has, for the "2 Locations" job.
    let mut falls_church: Value = serde_json::from_slice(&fixture("workday-synchrony-detail.json")).unwrap();
    falls_church["jobPostingInfo"]["location"] = json!("USA VA Falls Church");
    falls_church["jobPostingInfo"]["additionalLocations"] = json!(["USA MD Annapolis Junction"]);
    Mock::given(method("GET"))
        .and(path(format!("{API}/job/USA-VA-Falls-Church/Senior-Data-Engineer_RQ999999")))
        .respond_with(ResponseTemplate::new(200).set_body_json(falls_church))
        .mount(&server)
        .await;

    let outcome = fetch(SourceKind::Workday, &client(), &endpoints, &Credentials::default(), BOARD).await.unwrap();
    assert_eq!((outcome.pages, outcome.postings.len(), outcome.truncated), (2, 5, false));
    let washington = &outcome.postings[0];
    assert!(
        washington
            .description_html
            .as_deref()
            .unwrap()
            .starts_with("<p style=\"text-align:left\"><b><u>Type of Requisition:"),
        "{:?}",
        washington.description_html
    );
    assert_eq!(washington.posted_at.map(|time| time.to_rfc3339()).as_deref(), Some("2026-07-07T00:00:00+00:00"));
    assert_eq!(washington.employment_type, Some(EmploymentType::FullTime));
    assert_eq!(
        washington.url.as_deref(),
        Some("https://gdit.wd5.myworkdayjobs.com/External_Career_Site/job/USA-DC-Washington/Data-Engineer_RQ216675")
    );
    assert_eq!(washington.payload["hiringOrganization"], "GD Information Technology, Inc.", "the legal entity, kept");
    assert_eq!(washington.payload["jobReqId"], "RQ216675");
    assert!(washington.company.is_none());
    let two_places = &outcome.postings[4];
    assert_eq!(two_places.locations, ["USA VA Falls Church", "USA MD Annapolis Junction"], "the detail names them");
    // Details failing for the three jobs without a mock is one warning, not a failed fetch.
    assert!(outcome.warnings.iter().any(|warning| warning.contains("descriptions")), "{:?}", outcome.warnings);
}

#[tokio::test]
async fn jobs_already_stored_are_not_read_again_and_a_search_sends_its_words() {
    let (server, endpoints) = server().await;
    let recorded: Value = serde_json::from_slice(&fixture("workday-gdit-list.json")).unwrap();
    Mock::given(method("POST"))
        .and(path(format!("{API}/jobs")))
        .and(body_partial_json(json!({"searchText": "data engineer"})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"total": 4, "jobPostings": recorded["jobPostings"]})),
        )
        .mount(&server)
        .await;
    let known: HashSet<String> = parse(SourceKind::Workday, &fixture("workday-gdit-list.json"))
        .unwrap()
        .into_iter()
        .map(|posting| posting.source_id)
        .collect();
    let http = client();
    let context = campaign_context(&http, &endpoints, &known, &[]);
    let param =
        jobhound_sources::source(SourceKind::Workday).param_from_input(&format!("{BOARD}?q=data engineer")).unwrap();
    assert_eq!(param, "gdit.wd5/External_Career_Site?q=data+engineer");
    let outcome = jobhound_sources::fetch(SourceKind::Workday, context, &param).await.unwrap();
    assert_eq!(outcome.postings.len(), 4);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "no detail call for a job already stored");
}

/// A fetch (in a campaign's run when `words` are given), the jobs in `known` already stored.
fn campaign_context<'a>(
    http: &'a jobhound_sources::HttpClient,
    endpoints: &'a Endpoints,
    known: &'a HashSet<String>,
    words: &'a [String],
) -> FetchContext<'a> {
    static NO_KEYS: std::sync::OnceLock<Credentials> = std::sync::OnceLock::new();
    FetchContext {
        http,
        endpoints,
        credentials: NO_KEYS.get_or_init(Credentials::default),
        limits: FetchLimits::default(),
        known_ids: Some(known),
        recipe: None,
        campaign_words: words,
    }
}

/// In a campaign's run a whole-site board is searched for each of the campaign's keywords, once
/// each (case aside), and a job two searches find is one job; the listing says it was narrowed.
#[tokio::test]
async fn a_campaigns_run_searches_the_site_for_each_of_its_keywords() {
    let (site, endpoints) = server().await;
    let recorded: Value = serde_json::from_slice(&fixture("workday-gdit-list.json")).unwrap();
    let postings = recorded["jobPostings"].as_array().unwrap().clone();
    Mock::given(method("POST"))
        .and(path(format!("{API}/jobs")))
        .and(body_partial_json(json!({"searchText": "data engineer", "offset": 0})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": 4, "jobPostings": postings})))
        .expect(1)
        .mount(&site)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/jobs")))
        .and(body_partial_json(json!({"searchText": "polygraph", "offset": 0})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": 1, "jobPostings": [postings[3]]})))
        .expect(1)
        .mount(&site)
        .await;
    let known: HashSet<String> = parse(SourceKind::Workday, &fixture("workday-gdit-list.json"))
        .unwrap()
        .into_iter()
        .map(|posting| posting.source_id)
        .collect();
    let http = client();
    let words = ["data engineer".to_string(), "Data Engineer ".to_string(), "polygraph".to_string(), " ".to_string()];
    let context = campaign_context(&http, &endpoints, &known, &words);
    let outcome = jobhound_sources::fetch(SourceKind::Workday, context, "gdit.wd5/External_Career_Site").await.unwrap();
    assert_eq!(outcome.postings.len(), 4, "the polygraph job is one of the four");
    assert!(outcome.narrowed, "a search for the campaign's words is not the whole site");
    assert_eq!(outcome.pages, 2);
    // `expect(1)` on each search is checked when the server drops.
    drop(site);

    // A board added with its own words searches those, whatever the campaign's.
    let (searched, endpoints) = server().await;
    Mock::given(method("POST"))
        .and(path(format!("{API}/jobs")))
        .and(body_partial_json(json!({"searchText": "analyst"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": 1, "jobPostings": [postings[0]]})))
        .expect(1)
        .mount(&searched)
        .await;
    let context = campaign_context(&http, &endpoints, &known, &words);
    let outcome =
        jobhound_sources::fetch(SourceKind::Workday, context, "gdit.wd5/External_Career_Site?q=analyst").await.unwrap();
    assert_eq!((outcome.postings.len(), outcome.narrowed), (1, false));
}

#[tokio::test]
async fn refusals_and_failures_are_retried_named_and_classified() {
    let (server, endpoints) = server().await;
    // A 429 with Retry-After is waited out, then the search goes on.
    Mock::given(path(format!("{API}/jobs")))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path(format!("{API}/jobs")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": 0, "jobPostings": []})))
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let empty = fetch(SourceKind::Workday, &client(), &endpoints, &Credentials::default(), BOARD).await.unwrap();
    assert!(empty.postings.is_empty(), "an empty site is an empty list");
    assert!(started.elapsed() >= Duration::from_secs(1), "Retry-After was honoured");

    let site = |name: &str| format!("https://gdit.wd5.myworkdayjobs.com/{name}");
    Mock::given(path("/wday/cxs/gdit/Broken/jobs")).respond_with(ResponseTemplate::new(500)).mount(&server).await;
    Mock::given(path("/wday/cxs/gdit/Nowhere/jobs"))
        .respond_with(ResponseTemplate::new(404).set_body_string("{\"errorCode\":\"HTTP_404\"}"))
        .mount(&server)
        .await;
    Mock::given(path("/wday/cxs/gdit/Garbled/jobs"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>Maintenance</html>"))
        .mount(&server)
        .await;
    Mock::given(path("/wday/cxs/gdit/Slow/jobs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": 0})).set_delay(Duration::from_secs(2)))
        .mount(&server)
        .await;
    let keys = Credentials::default();
    let broken = fetch(SourceKind::Workday, &client(), &endpoints, &keys, &site("Broken")).await.unwrap_err();
    assert_eq!(broken.kind(), SourceErrorKind::Server);
    assert!(broken.to_string().contains("Workday site 'Broken' of gdit"), "{broken}");
    let missing = fetch(SourceKind::Workday, &client(), &endpoints, &keys, &site("Nowhere")).await.unwrap_err();
    assert_eq!(missing.kind(), SourceErrorKind::NotFound);
    let garbled = fetch(SourceKind::Workday, &client(), &endpoints, &keys, &site("Garbled")).await.unwrap_err();
    assert_eq!(garbled.kind(), SourceErrorKind::Parse);
    let quick = client_with_timeout(Duration::from_millis(200));
    let slow = fetch(SourceKind::Workday, &quick, &endpoints, &keys, &site("Slow")).await.unwrap_err();
    assert_eq!(slow.kind(), SourceErrorKind::Timeout);
}

#[test]
fn the_site_is_detected_from_its_careers_url_and_named_by_its_tenant() {
    let (kind, param) =
        jobhound_sources::detect("https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site/").unwrap();
    assert_eq!((kind, param.as_str()), (SourceKind::Workday, "gdit.wd5/External_Career_Site"));
    let workday = jobhound_sources::source(SourceKind::Workday);
    assert_eq!(workday.default_name(&param), "gdit");
    assert_eq!(workday.describe(&param), "Workday site 'External_Career_Site' of gdit");
    assert!(workday.param_from_input("https://example.com/careers").is_err());
}

//! Rippling, Eightfold, Comeet, Gem, Dover, iCIMS and Jobvite: their recorded payloads
//! (assets/recorded/, copied verbatim from ../shared/fixtures/ats; several trimmed by their
//! authors, see PROVENANCE.md there) parsed with concrete values, fetched through a local mock
//! server, and their failures named and classified.

use crate::common::{FailingBoard, client, failures_are_named_and_classified, fetch, fixture, server_for};
use futures_util::future::join_all;
use jobhound_sources::{Credentials, EmploymentType, ParsedPosting, SourceKind, WorkMode, detect, parse};
use serde_json::{Value, json};
use wiremock::matchers::{path, query_param};
use wiremock::{Mock, ResponseTemplate};

fn parsed(kind: SourceKind, file: &str) -> Vec<ParsedPosting> {
    parse(kind, &fixture(file)).unwrap_or_else(|error| panic!("{file}: {error}"))
}

fn posted(job: &ParsedPosting) -> String {
    job.posted_at.map(|time| time.to_rfc3339()).unwrap_or_default()
}

#[test]
fn rippling_jobs() {
    let jobs = parsed(SourceKind::Rippling, "rippling-11fs-jobs.json");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].source_id, "3c36e9c8-1bee-45a2-94fe-09f10ccbe10f");
    assert_eq!(jobs[0].title.as_deref(), Some("Senior Sales Executive"));
    assert_eq!(jobs[0].locations, ["London, United Kingdom"]);
    assert_eq!(
        jobs[0].url.as_deref(),
        Some("https://ats.rippling.com/11fs-group-ltd/jobs/3c36e9c8-1bee-45a2-94fe-09f10ccbe10f")
    );
    assert_eq!(jobs[1].locations, ["Remote (United States)"], "normalizing splits the mode from the place");
    assert_eq!(jobs[1].work_mode, Some(WorkMode::Remote));
}

#[test]
fn eightfold_positions() {
    let jobs = parsed(SourceKind::Eightfold, "eightfold-freeport-mcmoran-jobs.json");
    assert_eq!(jobs.len(), 3);
    let job = &jobs[0];
    assert_eq!(job.source_id, "42478672");
    assert_eq!(job.title.as_deref(), Some("Manager Engineering - Electrical"));
    assert_eq!(job.locations, ["New Orleans, LA USA 70112"]);
    assert_eq!(posted(job), "2026-06-17T01:48:12+00:00", "t_create in epoch seconds");
    assert_eq!(job.work_mode, Some(WorkMode::Onsite));
    assert_eq!(job.url.as_deref(), Some("https://talent.fmjobs.com/careers/job/42478672"));
    assert_eq!(job.description_html, None, "job_description is empty in the list");

    let pruned = parsed(SourceKind::Eightfold, "eightfold-albemarle-jobs-pruned.json");
    assert_eq!(pruned.len(), 2);
    assert_eq!(pruned[0].title.as_deref(), Some("Supply Planner, Bromine S&OP"));
    assert_eq!(
        pruned[0].locations,
        ["Charlotte, North Carolina, United States of America", "Magnolia, Arkansas, United States of America"]
    );
    assert_eq!(posted(&pruned[0]), "2026-08-04T00:00:00+00:00");
}

#[test]
fn comeet_positions() {
    let jobs = parsed(SourceKind::Comeet, "comeet-wiliot-positions.json");
    assert_eq!(jobs.len(), 2);
    let job = &jobs[0];
    assert_eq!(job.source_id, "18.767");
    assert_eq!(job.title.as_deref(), Some("Forward Deployed Engineer"));
    assert_eq!(job.company.as_deref(), Some("Wiliot"));
    assert_eq!(job.locations, ["New York, NY, US"]);
    assert_eq!(job.work_mode, Some(WorkMode::Onsite));
    assert_eq!(posted(job), "2026-08-12T02:36:49+00:00");
    assert_eq!(job.url.as_deref(), Some("https://www.wiliot.com/positions/position-18_767"));
    let html = job.description_html.as_deref().unwrap();
    assert!(html.starts_with("<h3>Description</h3><p>Wiliot was founded"), "{html}");
    assert!(!html.contains("Requirements"), "an empty section is left out");
    assert_eq!(jobs[1].locations, ["Plano, TX, US"]);
}

#[test]
fn gem_posts() {
    let jobs = parsed(SourceKind::Gem, "gem-job-posts.json");
    assert_eq!(jobs.len(), 2);
    let job = &jobs[0];
    assert_eq!(job.source_id, "4965519002");
    assert_eq!(job.title.as_deref(), Some("Software Engineer"));
    assert_eq!(job.locations, ["San Francisco, United States"], "the office names the same place once");
    assert_eq!(job.work_mode, Some(WorkMode::Hybrid));
    assert_eq!(job.employment_type, Some(EmploymentType::FullTime));
    assert_eq!(posted(job), "2020-11-17T15:37:23+00:00");
    assert!(job.description_html.as_deref().unwrap().starts_with("<h2>Role Details</h2>"));
    assert_eq!(jobs[1].source_id, "am9icG9zdDqTzmNGwXTdU65YRLOAU6ZL", "an opaque id, kept as it is");
}

#[test]
fn dover_jobs() {
    let jobs = parsed(SourceKind::Dover, "dover-careers-jobs.json");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].source_id, "aa378aa1-79f3-4995-8667-b78a61c12b11");
    assert_eq!(jobs[0].title.as_deref(), Some("Head of People"));
    assert_eq!(jobs[0].locations, ["United States"]);
    assert_eq!(jobs[0].work_mode, Some(WorkMode::Remote));
    assert_eq!(jobs[1].title.as_deref(), Some("Marketing Leader"));
    // A sample job (Dover's demo content) is not an opening.
    let mut sample: Value = serde_json::from_slice(&fixture("dover-careers-jobs.json")).unwrap();
    sample[0]["is_sample"] = json!(true);
    assert_eq!(parse(SourceKind::Dover, sample.to_string().as_bytes()).unwrap().len(), 1);
}

#[test]
fn icims_cards() {
    let jobs = parsed(SourceKind::Icims, "icims-wipfli-search-reduced.html");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].source_id, "8214");
    assert_eq!(jobs[0].title.as_deref(), Some("Payroll Tax Specialist"));
    assert_eq!(jobs[0].locations, ["US"]);
    assert_eq!(jobs[0].url.as_deref(), Some("https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job"));
    assert_eq!(jobs[0].payload["fields"], json!([["Job ID", "2026-8214"]]));
    assert_eq!(jobs[1].title.as_deref(), Some("Payroll Support Specialist"));
    assert!(parse(SourceKind::Icims, b"<html><body><p>Sign in</p></body></html>").is_err(), "not a search page");
}

#[test]
fn jobvite_rows() {
    let jobs = parsed(SourceKind::Jobvite, "jobvite-feedingamerica-search-reduced.html");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].source_id, "octxAfww");
    assert_eq!(jobs[0].title.as_deref(), Some("Manager, Development (Chicago/Hybrid)"));
    assert_eq!(jobs[0].locations, ["Chicago, Illinois"]);
    assert_eq!(jobs[0].work_mode, Some(WorkMode::Hybrid));
    assert_eq!(jobs[0].url.as_deref(), Some("https://jobs.jobvite.com/feedingamerica/job/octxAfww"));
    assert_eq!(jobs[1].source_id, "ohAzAfwK");
    assert!(parse(SourceKind::Jobvite, b"<html><body><p>Oops</p></body></html>").is_err(), "not a list page");
}

#[test]
fn careers_urls_of_each_ats_are_detected() {
    for (url, kind, param) in [
        ("https://ats.rippling.com/11fs-group-ltd/jobs", SourceKind::Rippling, "11fs-group-ltd"),
        ("https://ats.rippling.com/en-GB/11fs-group-ltd/jobs/3c36e9c8", SourceKind::Rippling, "11fs-group-ltd"),
        ("https://fcx.eightfold.ai/careers?domain=fcx.com", SourceKind::Eightfold, "fcx.eightfold.ai?domain=fcx.com"),
        (
            "https://albemarle.eightfold.ai/careers/job/1099555326551",
            SourceKind::Eightfold,
            "albemarle.eightfold.ai?domain=albemarle.com",
        ),
        (
            "https://www.comeet.co/careers-api/2.0/company/F6.003/positions?token=6F329B2DE6379829B229B2037983E8B3E8B",
            SourceKind::Comeet,
            "F6.003:6F329B2DE6379829B229B2037983E8B3E8B",
        ),
        ("https://jobs.gem.com/gem/4965519002", SourceKind::Gem, "gem"),
        ("https://app.dover.com/jobs/acme", SourceKind::Dover, "acme"),
        ("https://careers-wipfli.icims.com/jobs/search?ss=1", SourceKind::Icims, "careers-wipfli.icims.com"),
        ("https://jobs.jobvite.com/feedingamerica/search", SourceKind::Jobvite, "feedingamerica"),
    ] {
        assert_eq!(detect(url).map_err(|error| error.to_string()), Ok((kind, param.to_string())), "{url}");
    }
    // A Comeet careers page without its token says where the token is.
    let error = detect("https://www.comeet.com/jobs/wiliot/F6.003").unwrap_err().to_string();
    assert!(error.contains("careers token"), "{error}");
}

/// Each source: the parameter it is watched with, the path its listing is asked at, and its
/// recording.
const SITES: &[(SourceKind, &str, &str, &str)] = &[
    (
        SourceKind::Rippling,
        "11fs-group-ltd",
        "/platform/api/ats/v1/board/11fs-group-ltd/jobs",
        "rippling-11fs-jobs.json",
    ),
    (SourceKind::Comeet, "F6.003:ABC123", "/careers-api/2.0/company/F6.003/positions", "comeet-wiliot-positions.json"),
    (SourceKind::Gem, "gem", "/job_board/v0/gem/job_posts/", "gem-job-posts.json"),
    (SourceKind::Dover, "acme", "/api/v1/careers-page/acme/jobs", "dover-careers-jobs.json"),
    (SourceKind::Jobvite, "feedingamerica", "/feedingamerica/jobs", "jobvite-feedingamerica-search-reduced.html"),
    (SourceKind::Icims, "careers-wipfli.icims.com", "/jobs/search", "icims-wipfli-search-reduced.html"),
    (
        SourceKind::Eightfold,
        "fcx.eightfold.ai?domain=fcx.com",
        "/api/apply/v2/jobs",
        "eightfold-freeport-mcmoran-jobs.json",
    ),
];

#[tokio::test]
async fn each_site_is_fetched_from_its_path() {
    for (kind, param, site_path, file) in SITES {
        let (server, endpoints) = server_for(*kind).await;
        let mut body = fixture(file);
        if *kind == SourceKind::Eightfold {
            // One page: the recording says 256 positions, of which it holds 3.
            let mut page: Value = serde_json::from_slice(&body).unwrap();
            page["count"] = json!(3);
            body = page.to_string().into_bytes();
        }
        Mock::given(path(*site_path))
            .respond_with(ResponseTemplate::new(200).set_body_bytes(body))
            .mount(&server)
            .await;
        let outcome = fetch(*kind, &client(), &endpoints, &Credentials::default(), param).await.unwrap();
        assert_eq!(outcome.postings.len(), parsed(*kind, file).len(), "{kind}");
        let request = &server.received_requests().await.unwrap()[0];
        if *kind == SourceKind::Comeet {
            assert_eq!(request.url.query(), Some("token=ABC123&details=true"), "the token goes with the request");
        }
    }
}

#[tokio::test]
async fn eightfold_pages_by_start_until_its_count() {
    let (server, endpoints) = server_for(SourceKind::Eightfold).await;
    let recorded: Value = serde_json::from_slice(&fixture("eightfold-freeport-mcmoran-jobs.json")).unwrap();
    let positions = recorded["positions"].as_array().unwrap();
    let page_of = |start: usize, count: usize| {
        // Ten positions a page, ids made unique from the recorded ones.
        let items: Vec<Value> = (start..(start + 10).min(count))
            .map(|n| {
                let mut position = positions[n % positions.len()].clone();
                position["id"] = json!(1000 + n);
                position
            })
            .collect();
        json!({"domain": "fcx.com", "count": count, "positions": items})
    };
    for start in [0, 10, 20] {
        Mock::given(path("/api/apply/v2/jobs"))
            .and(query_param("domain", "fcx.com"))
            .and(query_param("start", start.to_string()))
            .and(query_param("num", "10"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page_of(start, 23)))
            .mount(&server)
            .await;
    }
    let outcome = fetch(
        SourceKind::Eightfold,
        &client(),
        &endpoints,
        &Credentials::default(),
        "https://fcx.eightfold.ai/careers?domain=fcx.com",
    )
    .await
    .unwrap();
    assert_eq!((outcome.pages, outcome.postings.len(), outcome.truncated), (3, 23, false));
}

#[tokio::test]
async fn every_site_names_and_classifies_its_failures() {
    // The sites at once: each mostly waits (a Retry-After second, a timeout), 14 s one by one.
    let empty = |kind| match kind {
        SourceKind::Eightfold => json!({"domain": "fcx.com", "count": 0, "positions": []}).to_string(),
        SourceKind::Jobvite => "<html><body><table class=\"jv-job-list\"></table></body></html>".to_string(),
        SourceKind::Icims => "<html><body><div class=\"iCIMS_JobsTable\"></div></body></html>".to_string(),
        _ => "[]".to_string(),
    };
    join_all(SITES.iter().map(|&(kind, param, listing_path, _)| {
        failures_are_named_and_classified(FailingBoard {
            kind,
            param,
            missing: param,
            names_missing: false,
            listing_path,
            garbled: "{\"maintenance\": tru",
            empty: empty(kind),
        })
    }))
    .await;
}

//! A Workday site watched by a campaign: each run searches the site for the campaign's keywords
//! (its own `searchText`), which narrows the listing, so no job is closed because a search did
//! not return it; fetching the whole site by hand does close the jobs that left it.

use chrono::Utc;
use jobhound_core::campaigns::{CampaignInput, RunReport};
use jobhound_core::ranking::Profile;
use jobhound_core::sources::{HttpOptions, SourceKind};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::{board, count, recorded};

const API: &str = "/wday/cxs/gdit/External_Career_Site";

fn searched_for(requests: &[wiremock::Request]) -> Vec<String> {
    requests
        .iter()
        .filter(|request| request.method.as_str() == "POST")
        .map(|request| {
            serde_json::from_slice::<Value>(&request.body).unwrap()["searchText"].as_str().unwrap().to_string()
        })
        .collect()
}

async fn run(app: &jobhound_core::Jobhound, campaign_id: i64) -> Result<RunReport, jobhound_core::CoreError> {
    app.run_campaign(campaign_id, "test", Utc::now(), &CancellationToken::new(), &|_| {}).await
}

#[tokio::test]
async fn a_campaign_searches_a_workday_site_for_its_keywords_and_closes_nothing_a_search_missed() {
    let site = board(&[SourceKind::Workday], HttpOptions::for_tests()).await;
    let list: Value = serde_json::from_slice(&recorded("workday-gdit-list.json")).unwrap();
    let postings = list["jobPostings"].as_array().unwrap().clone();
    let mount_search = |words: &'static str, found: Vec<Value>| {
        Mock::given(method("POST"))
            .and(path(format!("{API}/jobs")))
            .and(body_partial_json(json!({ "searchText": words })))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": found.len(), "jobPostings": found})))
    };
    // Detail calls fail (a warning each): the four jobs stay as the search listed them.
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(404)).mount(&site.server).await;
    let search = mount_search("data engineer", postings.clone()).mount_as_scoped(&site.server).await;

    let source = site.app.add_source(SourceKind::Workday, "gdit.wd5/External_Career_Site").unwrap();
    let campaign = site
        .app
        .create_campaign(&CampaignInput {
            name: "Data".into(),
            profile: Profile { keywords: vec!["data engineer".into()], ..Profile::default() },
            source_ids: vec![source.id],
            ..CampaignInput::default()
        })
        .unwrap();
    let report = run(&site.app, campaign.id).await.unwrap();
    assert_eq!((report.jobs_seen, report.new_jobs), (4, 4), "{report:?}");
    assert_eq!(searched_for(&site.server.received_requests().await.unwrap()), ["data engineer"]);
    drop(search);

    // The next run's search returns one job: the other three were not listed, not closed.
    let _search = mount_search("data engineer", vec![postings[0].clone()]).mount_as_scoped(&site.server).await;
    let report = run(&site.app, campaign.id).await.unwrap();
    assert_eq!(report.jobs_seen, 1, "{report:?}");
    assert_eq!(count(&site.app, "SELECT COUNT(*) FROM jobs WHERE closed_at IS NOT NULL"), 0);
    assert_eq!(count(&site.app, "SELECT COUNT(*) FROM watched_postings"), 4, "the source still lists all four");

    // Fetched by hand, the whole site is listed: the three jobs that left it close.
    let _whole = mount_search("", vec![postings[0].clone()]).mount_as_scoped(&site.server).await;
    let report = site.app.refresh_source(source.id).await.unwrap();
    assert_eq!((report.seen, report.closed), (1, 3), "{report:?}");
    assert_eq!(searched_for(&site.server.received_requests().await.unwrap()).last().map(String::as_str), Some(""));
}

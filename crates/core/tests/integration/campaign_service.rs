//! Campaigns through the services the app and CLI call: ranking on create and after each fetch,
//! the campaign's job list by score, scores in a job's detail, and feedback re-ranking.

use jobhound_core::Jobhound;
use jobhound_core::campaigns::CampaignInput;
use jobhound_core::campaigns::MatchQuery;
use jobhound_core::ingest::ingest;
use jobhound_core::ranking::{Feedback, Profile, Weights};
use jobhound_core::search::JobQuery;
use jobhound_core::sources::{SourceKind, parse};

const FIXTURES: [(SourceKind, &str); 6] = [
    (SourceKind::Greenhouse, "greenhouse-sample-1.json"),
    (SourceKind::Lever, "lever-sample-1.json"),
    (SourceKind::Recruitee, "recruitee-sample-1.json"),
    (SourceKind::Remotive, "remotive-sample-1.json"),
    (SourceKind::Himalayas, "himalayas-sample-1.json"),
    (SourceKind::Rss, "weworkremotely-sample-1.xml"),
];

use crate::support::recorded as fixture;

fn store_fixtures(app: &Jobhound) -> Vec<i64> {
    let mut changed = Vec::new();
    for (kind, name) in FIXTURES {
        let postings = parse(kind, &fixture(name)).unwrap();
        let counts = app.store().write(|tx| ingest(tx, &postings, Some("Fixture Co"), "2026-11-20T10:00:00Z")).unwrap();
        changed.extend(counts.changed_jobs);
    }
    changed
}

fn campaign(name: &str, keywords: &[&str]) -> CampaignInput {
    CampaignInput {
        name: name.into(),
        profile: Profile { keywords: keywords.iter().map(|word| word.to_string()).collect(), ..Profile::default() },
        ..CampaignInput::default()
    }
}

fn open() -> (tempfile::TempDir, Jobhound) {
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap();
    (dir, app)
}

fn campaign_page(app: &Jobhound, campaign_id: i64, text: Option<&str>) -> Vec<(i64, u8)> {
    let query = JobQuery { campaign_id: Some(campaign_id), text: text.map(Into::into), ..JobQuery::default() };
    app.list_jobs(&query)
        .unwrap()
        .jobs
        .iter()
        .map(|job| (job.id, job.score.expect("a campaign list has scores")))
        .collect()
}

#[test]
fn a_new_campaign_ranks_every_stored_job_and_lists_them_best_first() {
    let (_dir, app) = open();
    let stored = store_fixtures(&app);
    assert!(stored.len() >= 8, "fixtures give a real list: {}", stored.len());

    let created = app.create_campaign(&campaign("Engineering", &["engineer", "software"])).unwrap();
    let ranked = app.campaign_matches(created.id, &MatchQuery { limit: Some(1_000), ..MatchQuery::default() }).unwrap();
    assert_eq!(ranked.len(), stored.len(), "every job has a score");

    let page = campaign_page(&app, created.id, None);
    assert_eq!(page.len(), stored.len());
    assert!(page.windows(2).all(|pair| pair[0].1 >= pair[1].1), "best first: {page:?}");
    assert!(page[0].1 > page[page.len() - 1].1, "the scores tell jobs apart: {page:?}");

    let everything = app.list_jobs(&JobQuery::default()).unwrap();
    assert!(everything.jobs.iter().all(|job| job.score.is_none()), "no campaign, no score");

    let searched = campaign_page(&app, created.id, Some("engineer"));
    assert!(!searched.is_empty() && searched.len() < page.len(), "text narrows the campaign's list");
    assert!(searched.windows(2).all(|pair| pair[0].1 >= pair[1].1));

    let detail = app.get_job(page[0].0).unwrap();
    assert_eq!(detail.scores.len(), 1);
    let score = &detail.scores[0];
    assert_eq!((score.campaign.as_str(), score.score), ("Engineering", page[0].1));
    assert_eq!(score.explanation.factors.len(), 9, "the detail explains every factor");
}

#[test]
fn jobs_a_fetch_stores_are_ranked_for_active_campaigns_only() {
    let (_dir, app) = open();
    let active = app.create_campaign(&campaign("Active", &["engineer"])).unwrap();
    let paused = app.create_campaign(&CampaignInput { active: false, ..campaign("Paused", &["engineer"]) }).unwrap();

    let demo = app.import_demo().unwrap();
    assert!(demo.new_jobs > 0);
    let count = |id| app.campaign_matches(id, &MatchQuery::default()).unwrap().len();
    assert_eq!(count(active.id) as u32, demo.new_jobs, "the demo's jobs were ranked as they were stored");
    assert_eq!(count(paused.id), 0, "a paused campaign waits");

    app.set_campaign_active(paused.id, true).unwrap();
    app.rank_campaign(paused.id).unwrap();
    assert_eq!(count(paused.id) as u32, demo.new_jobs);
}

#[test]
fn feedback_reorders_the_list_and_undo_and_reset_put_it_back() {
    let (_dir, app) = open();
    store_fixtures(&app);
    let created = app.create_campaign(&campaign("Engineering", &["engineer"])).unwrap();
    let before = campaign_page(&app, created.id, None);
    let (job_id, _) = before[before.len() - 1];

    let change = app.give_feedback(created.id, job_id, Feedback::Like).unwrap();
    assert_ne!(change.before, change.after);
    let history = app.feedback_history(created.id, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].job_id, history[0].kind, &history[0].after), (job_id, Feedback::Like, &change.after));
    let liked = app.get_job(job_id).unwrap();
    assert_eq!(liked.scores[0].feedback, Some(Feedback::Like));
    let after = campaign_page(&app, created.id, None);
    assert_ne!(before, after, "the list was ranked again with the learned weights");

    let undone = app.undo_feedback(change.feedback_id).unwrap();
    assert_eq!(undone.settings.profile.weights, Weights::default());
    assert_eq!(campaign_page(&app, created.id, None), before);
    assert!(app.feedback_history(created.id, 10).unwrap().is_empty());

    app.give_feedback(created.id, job_id, Feedback::Hide).unwrap();
    assert!(!campaign_page(&app, created.id, None).iter().any(|(id, _)| *id == job_id), "hidden jobs leave the list");
    let reset = app.reset_campaign_weights(created.id).unwrap();
    assert_eq!(reset.settings.profile.weights, reset.base_weights);

    let mine = Weights { keywords: 0.0, recency: 5.0, ..Weights::default() };
    let edited = app.set_campaign_weights(created.id, mine.clone()).unwrap();
    assert_eq!((&edited.settings.profile.weights, &edited.base_weights), (&mine, &mine), "edits are what reset keeps");
}

#[test]
fn an_unknown_campaign_is_a_clear_not_found() {
    let (_dir, app) = open();
    let error = app.campaign_matches(42, &MatchQuery::default()).unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert!(app.give_feedback(42, 1, Feedback::Like).is_err());
}

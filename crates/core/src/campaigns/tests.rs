//! The campaign model's queries, its matches and learning from feedback, on a real SQLite file:
//! the SQL below the facade, tested where it lives.
#![allow(clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use jobhound_sources::{SourceKind, parse};

use super::matches::{self, JobSelection, MatchQuery};
use super::model::{self, CampaignInput};
use crate::Store;
use crate::ingest::write::ingest;
use crate::ranking::{Feedback, Profile, RemotePreference, Weights};
use crate::search::jobs::{JobQuery, list_jobs};

const GREENHOUSE: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");
const WORKABLE: &[u8] = include_bytes!("../../../../assets/recorded/workable-sample-1.json");
const ASHBY: &[u8] = include_bytes!("../../../../assets/recorded/ashby-sample-1.json");
const NOW: &str = "2026-11-23T12:00:00Z";

fn store_with_jobs() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("jobhound.db")).unwrap();
    let postings = parse(SourceKind::Greenhouse, GREENHOUSE).unwrap();
    store.write(|tx| ingest(tx, &postings, None, "2026-11-20T10:00:00Z")).unwrap();
    (dir, store)
}

fn sales_campaign() -> CampaignInput {
    CampaignInput {
        name: "London sales".into(),
        profile: Profile {
            keywords: vec!["account executive".into(), "commercial".into()],
            excluded_keywords: vec!["majors".into()],
            locations: vec!["London".into()],
            remote: RemotePreference::Any,
            ..Profile::default()
        },
        resume_text: "Account executive selling developer tools to commercial customers in London.".into(),
        ..CampaignInput::default()
    }
}

fn field_of(input: CampaignInput) -> Option<&'static str> {
    model::validate(&input).err().and_then(|error| error.field())
}

#[test]
fn wrong_fields_are_named_so_the_form_can_show_the_message_beside_them() {
    assert_eq!(field_of(CampaignInput { name: "  ".into(), ..sales_campaign() }), Some("name"));
    assert_eq!(field_of(CampaignInput { interval_minutes: 30, ..sales_campaign() }), Some("interval_minutes"));
    assert_eq!(field_of(CampaignInput { interval_minutes: 10_081, ..sales_campaign() }), Some("interval_minutes"));
    assert_eq!(field_of(CampaignInput { notify_threshold: 101, ..sales_campaign() }), Some("notify_threshold"));
    let quiet = |start: Option<&str>, end: Option<&str>| CampaignInput {
        quiet_start: start.map(Into::into),
        quiet_end: end.map(Into::into),
        ..sales_campaign()
    };
    assert_eq!(field_of(quiet(Some("22:00"), None)), Some("quiet_end"));
    assert_eq!(field_of(quiet(Some("25:00"), Some("07:00"))), Some("quiet_start"));
    assert_eq!(field_of(quiet(Some("22:00"), Some("07:00"))), None);
    assert_eq!(
        field_of(CampaignInput { webhook_url: Some("ftp://x".into()), ..sales_campaign() }),
        Some("webhook_url")
    );
    let mut floor = sales_campaign();
    floor.profile.salary_floor = Some(60_000.0);
    assert_eq!(field_of(floor.clone()), Some("salary_currency"));
    floor.profile.salary_currency = Some("GBP".into());
    assert_eq!(field_of(floor), None);
    let mut both = sales_campaign();
    both.profile.excluded_keywords.push("Commercial".into());
    assert_eq!(field_of(both), Some("excluded_keywords"));
}

#[test]
fn campaigns_are_created_edited_duplicated_paused_and_deleted_without_losing_jobs() {
    let (_dir, store) = store_with_jobs();
    let campaign = store.write(|tx| model::create(tx, &sales_campaign(), NOW)).unwrap();
    assert!(campaign.settings.active);
    let taken = store.write(|tx| model::create(tx, &sales_campaign(), NOW)).unwrap_err();
    assert_eq!(taken.field(), Some("name"));

    let mut edited = sales_campaign();
    edited.interval_minutes = 24 * 60;
    edited.profile.weights = Weights { skills: 3.0, ..Weights::default() };
    let edited = store.write(|tx| model::update(tx, campaign.id, &edited, NOW)).unwrap();
    assert_eq!((edited.settings.interval_minutes, edited.base_weights.skills), (1440, 3.0));

    let copy = store.write(|tx| model::duplicate(tx, campaign.id, NOW)).unwrap();
    assert_eq!((copy.settings.name.as_str(), copy.settings.active), ("London sales (copy)", false));
    let second = store.write(|tx| model::duplicate(tx, campaign.id, NOW)).unwrap();
    assert_eq!(second.settings.name, "London sales (copy 2)");
    store.write(|tx| model::set_active(tx, campaign.id, false, NOW)).unwrap();
    assert!(!store.read(|c| model::find_by_name(c, "london SALES")).unwrap().settings.active);

    let jobs = store.read(|c| matches::load_jobs(c, JobSelection::After(0))).unwrap();
    store
        .write(|tx| matches::rank_into_matches(tx, &campaign, &jobs, &*matches::reference_idf(tx)?, false, Utc::now()))
        .unwrap();
    store.write(|tx| model::delete(tx, campaign.id)).unwrap();
    assert_eq!(store.read(model::list).unwrap().len(), 2);
    assert_eq!(store.read(|c| list_jobs(c, &JobQuery::default())).unwrap().total, 2, "jobs stay");
    let left: i64 = store.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM matches", [], |r| r.get(0))?)).unwrap();
    assert_eq!(left, 0, "its matches went with it");
}

#[test]
fn matches_are_stored_with_reasons_best_first_and_filtered_jobs_keep_why() {
    let (_dir, store) = store_with_jobs();
    let campaign = store.write(|tx| model::create(tx, &sales_campaign(), NOW)).unwrap();
    let jobs = store.read(|c| matches::load_jobs(c, JobSelection::After(0))).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
    let counts = store
        .write(|tx| matches::rank_into_matches(tx, &campaign, &jobs, &*matches::reference_idf(tx)?, false, now))
        .unwrap();
    assert_eq!((counts.ranked, counts.new_matches, counts.filtered), (2, 1, 1));

    let ranked = store.read(|c| matches::list_matches(c, campaign.id, &MatchQuery::default())).unwrap();
    assert_eq!(ranked.len(), 1);
    let top = &ranked[0];
    assert_eq!(top.title, "Account Executive, Commercial");
    assert!(top.score > 0);
    let keywords = top.explanation.factors.iter().find(|factor| factor.name == "keywords").unwrap();
    assert!(keywords.evidence.to_lowercase().contains("commercial"), "{}", keywords.evidence);
    assert_eq!(top.explanation.factors.len(), 9, "every factor is explained");

    let dropped = store
        .read(|c| matches::list_matches(c, campaign.id, &MatchQuery { filtered: true, ..MatchQuery::default() }))
        .unwrap();
    assert_eq!(dropped.len(), 1);
    assert!(dropped[0].filtered.as_deref().unwrap().contains("majors"), "{:?}", dropped[0].filtered);

    let again = store
        .write(|tx| matches::rank_into_matches(tx, &campaign, &jobs, &*matches::reference_idf(tx)?, false, now))
        .unwrap();
    assert_eq!(again.new_matches, 0, "a job is a new match once");
}

#[test]
fn feedback_moves_the_weights_visibly_and_can_be_undone_or_reset() {
    let (_dir, store) = store_with_jobs();
    let campaign = store.write(|tx| model::create(tx, &sales_campaign(), NOW)).unwrap();
    let jobs = store.read(|c| matches::load_jobs(c, JobSelection::After(0))).unwrap();
    store
        .write(|tx| matches::rank_into_matches(tx, &campaign, &jobs, &*matches::reference_idf(tx)?, false, Utc::now()))
        .unwrap();
    let job_id = store.read(|c| matches::list_matches(c, campaign.id, &MatchQuery::default())).unwrap()[0].job_id;

    let liked = store.write(|tx| matches::record_feedback(tx, campaign.id, job_id, Feedback::Like, NOW)).unwrap();
    assert_ne!(liked.before, liked.after, "a like teaches something");
    assert!(liked.after.keywords > liked.before.keywords, "the keywords that matched count for more");
    let stored = store.read(|c| model::get(c, campaign.id)).unwrap();
    assert_eq!(stored.settings.profile.weights, liked.after);
    assert_eq!(stored.base_weights, Weights::default(), "what the user set is kept apart");

    let hidden = store.write(|tx| matches::record_feedback(tx, campaign.id, job_id, Feedback::Hide, NOW)).unwrap();
    assert!(store.read(|c| matches::list_matches(c, campaign.id, &MatchQuery::default())).unwrap().is_empty());
    let stale = store.write(|tx| matches::undo_feedback(tx, liked.feedback_id, NOW)).unwrap_err();
    assert!(stale.to_string().contains("latest"), "{stale}");
    let restored = store.write(|tx| matches::undo_feedback(tx, hidden.feedback_id, NOW)).unwrap();
    assert_eq!(restored, liked.after);
    assert_eq!(store.read(|c| matches::list_matches(c, campaign.id, &MatchQuery::default())).unwrap().len(), 1);

    let reset = store.write(|tx| matches::reset_weights(tx, campaign.id, NOW)).unwrap();
    assert_eq!(reset, Weights::default());
    assert_eq!(store.read(|c| model::get(c, campaign.id)).unwrap().settings.profile.weights, Weights::default());
}

#[test]
fn word_rarity_is_reused_until_more_jobs_are_stored() {
    let (_dir, store) = store_with_jobs();
    let first = store.read(matches::reference_idf).unwrap();
    let again = store.read(matches::reference_idf).unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again), "unchanged jobs reuse the computed rarity");
    let mut added = 0;
    for (kind, body) in [(SourceKind::Workable, WORKABLE), (SourceKind::Ashby, ASHBY)] {
        let more = parse(kind, body).unwrap();
        added += store.write(|tx| ingest(tx, &more, Some("Other Co"), "2026-11-21T10:00:00Z")).unwrap().new_jobs;
    }
    assert!(added >= 2, "{added}");
    let grown = store.read(matches::reference_idf).unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &grown), "new jobs are added to it");
}

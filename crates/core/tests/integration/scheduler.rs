//! The scheduler with a clock the test moves: runs on time, one catch-up after a long sleep, no
//! overlap, cancel keeping what was stored, the app-wide limit, quiet hours, notifications once,
//! and webhook digests retried until delivered. Sources are real HTTP to a local mock server.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use jobhound_core::Jobhound;
use jobhound_core::alerts::{Digest, NotificationSink};
use jobhound_core::campaigns::CampaignInput;
use jobhound_core::campaigns::RunEvent;
use jobhound_core::campaigns::{self, Clock, RunObserver, Scheduler, TICK};
use jobhound_core::ingest::{self, RunStatus};
use jobhound_core::ranking::Profile;
use jobhound_core::search::JobQuery;
use jobhound_core::sources::{Endpoints, HttpOptions, SourceKind};
use jobhound_core::store::MemorySecrets;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const VERCEL: &[u8] = include_bytes!("../../../../assets/recorded/greenhouse-sample-1.json");
const LEVER: &[u8] = include_bytes!("../../../../assets/recorded/lever-sample-1.json");

struct TestClock {
    now: Mutex<DateTime<Utc>>,
    local: Mutex<NaiveTime>,
}

impl TestClock {
    fn at(now: DateTime<Utc>) -> Arc<Self> {
        Arc::new(Self { now: Mutex::new(now), local: Mutex::new(NaiveTime::from_hms_opt(12, 0, 0).unwrap()) })
    }
    fn advance(&self, by: chrono::Duration) {
        *self.now.lock().unwrap() += by;
    }
    fn set_local(&self, hours: u32, minutes: u32) {
        *self.local.lock().unwrap() = NaiveTime::from_hms_opt(hours, minutes, 0).unwrap();
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap()
    }
    fn local_time(&self) -> NaiveTime {
        *self.local.lock().unwrap()
    }
}

#[derive(Default)]
struct Recorder {
    shown: Mutex<Vec<Digest>>,
    reminded: Mutex<Vec<String>>,
    events: Mutex<Vec<RunEvent>>,
}

impl NotificationSink for Recorder {
    fn show(&self, digest: &Digest) -> Result<(), String> {
        self.shown.lock().unwrap().push(digest.clone());
        Ok(())
    }

    fn remind(&self, reminder: &jobhound_core::applying::FollowUpReminder) -> Result<(), String> {
        self.reminded.lock().unwrap().push(reminder.title());
        Ok(())
    }
}

impl RunObserver for Recorder {
    fn event(&self, event: &RunEvent) {
        self.events.lock().unwrap().push(event.clone());
    }
}

struct Harness {
    _dir: tempfile::TempDir,
    server: MockServer,
    app: Arc<Jobhound>,
    clock: Arc<TestClock>,
    recorder: Arc<Recorder>,
    scheduler: Arc<Scheduler>,
}

async fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let server = MockServer::start().await;
    let endpoints = Endpoints::default()
        .with_base_url(SourceKind::Greenhouse, &server.uri())
        .with_base_url(SourceKind::Lever, &server.uri());
    let options = HttpOptions { timeout: Duration::from_secs(5), ..HttpOptions::for_tests() };
    let app = Arc::new(
        Jobhound::open_with(dir.path(), endpoints, options).unwrap().with_secrets(Arc::new(MemorySecrets::default())),
    );
    let clock = TestClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let recorder = Arc::new(Recorder::default());
    let scheduler = Scheduler::new(Arc::clone(&app), clock.clone(), recorder.clone(), recorder.clone());
    Harness { _dir: dir, server, app, clock, recorder, scheduler }
}

async fn serve(server: &MockServer, route: &str, body: &'static [u8], delay: Duration) {
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(body).set_delay(delay))
        .mount(server)
        .await;
}

fn campaign_input(name: &str, source_ids: Vec<i64>) -> CampaignInput {
    CampaignInput {
        name: name.into(),
        profile: Profile { keywords: vec!["account executive".into()], ..Profile::default() },
        source_ids,
        interval_minutes: 360,
        notify_threshold: 0,
        ..CampaignInput::default()
    }
}

async fn settle(scheduler: &Scheduler) {
    for _ in 0..500 {
        if scheduler.running().is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("runs never finished");
}

fn runs_of(app: &Jobhound, campaign_id: i64) -> Vec<ingest::RunRecord> {
    app.campaign_status(campaign_id, 50).unwrap().runs
}

#[test]
fn due_means_active_with_sources_and_past_its_time() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = Jobhound::open(dir.path()).unwrap();
    let source = app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let never_run = app.create_campaign(&campaign_input("A", vec![source.id])).unwrap();
    let no_sources = app.create_campaign(&campaign_input("B", vec![])).unwrap();
    let paused = app.create_campaign(&CampaignInput { active: false, ..campaign_input("C", vec![source.id]) }).unwrap();
    let mut later = app.create_campaign(&campaign_input("D", vec![source.id])).unwrap();
    later.next_run_at = Some("2026-11-23T09:00:01Z".into());
    let mut past = app.create_campaign(&campaign_input("E", vec![source.id])).unwrap();
    past.next_run_at = Some("2026-11-20T09:00:00Z".into());
    let due = campaigns::due(&[never_run.clone(), no_sources, paused, later, past.clone()], now);
    assert_eq!(due, vec![never_run.id, past.id]);
}

#[tokio::test]
async fn runs_start_on_time_and_catch_up_once_after_a_long_sleep() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let campaign = h.app.create_campaign(&campaign_input("Sales", vec![source.id])).unwrap();

    assert_eq!(h.scheduler.tick().await.unwrap(), vec![campaign.id], "a new campaign runs at once");
    settle(&h.scheduler).await;
    let first = runs_of(&h.app, campaign.id);
    assert_eq!(first.len(), 1);
    assert_eq!((first[0].status, first[0].new_jobs, first[0].trigger.as_str()), (RunStatus::Ok, 2, "schedule"));
    assert_eq!(h.app.list_jobs(&JobQuery::default()).unwrap().total, 2);
    let next = h.app.get_campaign(campaign.id).unwrap().next_run_at.unwrap();
    assert_eq!(next, "2026-11-23T15:00:00Z", "six hours after it started");

    h.clock.advance(chrono::Duration::hours(5));
    assert!(h.scheduler.tick().await.unwrap().is_empty(), "not due yet");
    h.clock.advance(chrono::Duration::hours(1));
    assert_eq!(h.scheduler.tick().await.unwrap(), vec![campaign.id], "due on time");
    settle(&h.scheduler).await;

    // The laptop sleeps for three days: twelve runs missed, one run made.
    h.clock.advance(chrono::Duration::days(3));
    assert_eq!(h.scheduler.tick().await.unwrap(), vec![campaign.id]);
    settle(&h.scheduler).await;
    assert!(h.scheduler.tick().await.unwrap().is_empty(), "caught up once, not once per missed run");
    assert_eq!(runs_of(&h.app, campaign.id).len(), 3);
    let next = h.app.get_campaign(campaign.id).unwrap().next_run_at.unwrap();
    assert_eq!(next, "2026-11-26T21:00:00Z", "one interval after the catch-up run");
}

#[tokio::test]
async fn a_campaign_never_overlaps_itself_and_few_run_at_once() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::from_millis(300)).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let mut ids = Vec::new();
    for name in ["One", "Two", "Three"] {
        ids.push(h.app.create_campaign(&campaign_input(name, vec![source.id])).unwrap().id);
    }
    let first = h.scheduler.start(ids[0], "manual").unwrap();
    let again = h.scheduler.start(ids[0], "manual").unwrap_err();
    assert!(again.to_string().contains("already running"), "{again}");
    let mut started = h.scheduler.tick().await.unwrap();
    started.sort_unstable();
    assert_eq!(started, vec![ids[1], ids[2]], "the tick skips the one already running");
    first.await.unwrap().unwrap();
    settle(&h.scheduler).await;

    // At most MAX_CONCURRENT_RUNS had started before the first one finished.
    let events = h.recorder.events.lock().unwrap().clone();
    let mut active: i32 = 0;
    let mut most = 0;
    for event in &events {
        match event {
            RunEvent::Started { .. } => active += 1,
            RunEvent::Finished { .. } => active -= 1,
            _ => {}
        }
        most = most.max(active);
    }
    assert_eq!(most as usize, campaigns::MAX_CONCURRENT_RUNS, "{events:?}");
}

#[tokio::test]
async fn cancelling_keeps_the_sources_already_stored_and_the_next_run_works() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    serve(&h.server, "/v0/postings/slowco", LEVER, Duration::from_secs(3)).await;
    let fast = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let slow = h.app.add_source(SourceKind::Lever, "slowco").unwrap();
    let campaign = h.app.create_campaign(&campaign_input("Both", vec![fast.id, slow.id])).unwrap();

    let run = h.scheduler.start(campaign.id, "manual").unwrap();
    for _ in 0..300 {
        let first_done = h
            .recorder
            .events
            .lock()
            .unwrap()
            .iter()
            .any(|event| matches!(event, RunEvent::SourceFinished { index: 0, .. }));
        if first_done {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(h.scheduler.cancel(campaign.id));
    let report = run.await.unwrap().unwrap();
    assert_eq!(report.status, RunStatus::Cancelled);
    assert_eq!(report.new_jobs, 2, "the first source finished and was kept");
    assert_eq!(h.app.list_jobs(&JobQuery::default()).unwrap().total, 2);
    let recorded = &runs_of(&h.app, campaign.id)[0];
    assert_eq!((recorded.status, recorded.sources.len()), (RunStatus::Cancelled, 1));
    assert!(!h.scheduler.cancel(campaign.id), "nothing left to cancel");

    h.server.reset().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    serve(&h.server, "/v0/postings/slowco", LEVER, Duration::ZERO).await;
    let next = h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    assert_eq!(next.status, RunStatus::Ok);
    assert!(next.new_jobs > 0, "the next run continues with the source it did not reach");
}

#[tokio::test]
async fn new_matches_are_announced_once_and_quiet_hours_hold_them() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let input = CampaignInput {
        quiet_start: Some("22:00".into()),
        quiet_end: Some("07:00".into()),
        ..campaign_input("Sales", vec![source.id])
    };
    let campaign = h.app.create_campaign(&input).unwrap();

    h.clock.set_local(23, 30);
    h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    settle(&h.scheduler).await;
    assert!(h.recorder.shown.lock().unwrap().is_empty(), "held during quiet hours");

    h.clock.set_local(7, 5);
    h.scheduler.tick().await.unwrap();
    let shown = h.recorder.shown.lock().unwrap().clone();
    assert_eq!(shown.len(), 1, "one notification for the campaign");
    assert_eq!(shown[0].count, 2);
    assert_eq!(shown[0].title(), "Sales: 2 new matches");
    assert!(shown[0].body().contains("Account Executive, Commercial at Vercel ("), "{}", shown[0].body());
    assert!(shown[0].top.iter().all(|found| !found.reasons.is_empty()), "each match says why");

    h.clock.advance(chrono::Duration::hours(7));
    h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    h.scheduler.tick().await.unwrap();
    assert_eq!(h.recorder.shown.lock().unwrap().len(), 1, "the same jobs are never announced twice");
}

#[tokio::test]
async fn jobs_stored_before_a_campaign_existed_are_not_news() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    h.app.refresh_source(source.id).await.unwrap();
    let campaign = h.app.create_campaign(&campaign_input("Late", vec![source.id])).unwrap();
    assert!(!h.app.campaign_matches(campaign.id, &Default::default()).unwrap().is_empty(), "ranked at creation");
    h.scheduler.tick().await.unwrap();
    settle(&h.scheduler).await;
    assert!(h.recorder.shown.lock().unwrap().is_empty());
}

#[tokio::test]
async fn webhook_digests_are_retried_until_delivered_and_the_error_is_kept() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    Mock::given(method("POST"))
        .and(path("/hook"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .mount(&h.server)
        .await;
    Mock::given(method("POST")).and(path("/hook")).respond_with(ResponseTemplate::new(200)).mount(&h.server).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let input = CampaignInput {
        webhook_url: Some(format!("{}/hook", h.server.uri())),
        ..campaign_input("Hooked", vec![source.id])
    };
    let campaign = h.app.create_campaign(&input).unwrap();

    h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    settle(&h.scheduler).await;
    h.scheduler.tick().await.unwrap();
    let pending = h.app.campaign_status(campaign.id, 1).unwrap().pending_webhooks;
    assert_eq!(pending.len(), 1, "kept after the failure");
    assert_eq!(pending[0].attempts, 1);
    assert!(pending[0].last_error.as_deref().unwrap_or_default().contains("500"), "{:?}", pending[0].last_error);

    h.scheduler.tick().await.unwrap();
    assert_eq!(h.app.campaign_status(campaign.id, 1).unwrap().pending_webhooks.len(), 1, "waits before retrying");
    h.clock.advance(chrono::Duration::minutes(2));
    h.scheduler.tick().await.unwrap();
    assert!(h.app.campaign_status(campaign.id, 1).unwrap().pending_webhooks.is_empty(), "delivered on retry");
    let posts = h.server.received_requests().await.unwrap();
    let hook: Vec<_> = posts.iter().filter(|request| request.url.path() == "/hook").collect();
    assert_eq!(hook.len(), 2);
    let body: serde_json::Value = serde_json::from_slice(&hook[1].body).unwrap();
    assert_eq!(body["text"].as_str().unwrap().lines().next(), Some("Hooked: 2 new matches"));
}

/// A desktop without a notification service: the sink fails, runs go on, and the same digest is
/// not retried on every tick.
#[tokio::test]
async fn without_a_notification_service_runs_go_on_and_digests_are_not_retried() {
    struct Unavailable(Mutex<u32>);
    impl NotificationSink for Unavailable {
        fn show(&self, _digest: &Digest) -> Result<(), String> {
            *self.0.lock().unwrap() += 1;
            Err("org.freedesktop.DBus.Error.ServiceUnknown".into())
        }

        fn remind(&self, _reminder: &jobhound_core::applying::FollowUpReminder) -> Result<(), String> {
            Err("org.freedesktop.DBus.Error.ServiceUnknown".into())
        }
    }
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let sink = Arc::new(Unavailable(Mutex::new(0)));
    let scheduler = Scheduler::new(Arc::clone(&h.app), h.clock.clone(), sink.clone(), h.recorder.clone());
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let campaign = h.app.create_campaign(&campaign_input("Quiet desktop", vec![source.id])).unwrap();

    let report = scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    assert_eq!((report.status, report.new_matches), (RunStatus::Ok, 2));
    scheduler.tick().await.unwrap();
    scheduler.tick().await.unwrap();
    assert_eq!(*sink.0.lock().unwrap(), 1, "tried once for the digest, not once per tick");
}

#[tokio::test]
async fn notifications_switched_off_show_nothing_and_do_not_pile_up() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let mut settings = h.app.app_settings().unwrap();
    settings.notifications = false;
    h.app.set_app_settings(&settings).unwrap();
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let campaign = h.app.create_campaign(&campaign_input("Silent", vec![source.id])).unwrap();
    h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    h.scheduler.tick().await.unwrap();
    assert!(h.recorder.shown.lock().unwrap().is_empty(), "switched off");

    settings.notifications = true;
    h.app.set_app_settings(&settings).unwrap();
    h.scheduler.tick().await.unwrap();
    assert!(h.recorder.shown.lock().unwrap().is_empty(), "turning them on does not replay old matches");
}

/// What the tray's "Run all now" and "Pause all" do.
#[tokio::test]
async fn run_all_starts_every_active_campaign_and_pause_all_stops_the_timer() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let a = h.app.create_campaign(&campaign_input("A", vec![source.id])).unwrap();
    let b = h.app.create_campaign(&campaign_input("B", vec![source.id])).unwrap();
    h.app.create_campaign(&CampaignInput { active: false, ..campaign_input("Paused", vec![source.id]) }).unwrap();
    h.app.create_campaign(&campaign_input("Empty", vec![])).unwrap();
    let mut started = h.scheduler.run_all_now().unwrap();
    started.sort_unstable();
    assert_eq!(started, vec![a.id, b.id]);
    settle(&h.scheduler).await;

    assert_eq!(h.scheduler.pause_all().unwrap(), 3);
    h.clock.advance(chrono::Duration::days(2));
    assert!(h.scheduler.tick().await.unwrap().is_empty(), "nothing runs while paused");
    assert!(h.app.list_campaigns().unwrap().iter().all(|campaign| !campaign.settings.active));
}

#[tokio::test]
async fn a_shorter_interval_takes_effect_without_waiting_out_the_old_one() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::ZERO).await;
    let source = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let weekly = CampaignInput { interval_minutes: 7 * 24 * 60, ..campaign_input("Weekly", vec![source.id]) };
    let campaign = h.app.create_campaign(&weekly).unwrap();
    h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    settle(&h.scheduler).await;
    assert_eq!(h.app.get_campaign(campaign.id).unwrap().next_run_at.as_deref(), Some("2026-11-30T09:00:00Z"));

    let hourly = CampaignInput { interval_minutes: 60, ..weekly };
    let edited = h.app.update_campaign(campaign.id, &hourly).unwrap();
    let next = DateTime::parse_from_rfc3339(edited.next_run_at.as_deref().unwrap()).unwrap();
    assert!(next.with_timezone(&Utc) <= Utc::now() + chrono::Duration::minutes(61), "{next}");
}

#[tokio::test]
async fn sources_of_different_kinds_are_fetched_side_by_side() {
    let h = harness().await;
    serve(&h.server, "/v1/boards/vercel/jobs", VERCEL, Duration::from_millis(600)).await;
    serve(&h.server, "/v0/postings/spotify", LEVER, Duration::from_millis(600)).await;
    let greenhouse = h.app.add_source(SourceKind::Greenhouse, "vercel").unwrap();
    let lever = h.app.add_source(SourceKind::Lever, "spotify").unwrap();
    let campaign = h.app.create_campaign(&campaign_input("Both", vec![greenhouse.id, lever.id])).unwrap();
    let report = h.scheduler.start(campaign.id, "manual").unwrap().await.unwrap().unwrap();
    assert_eq!(report.status, RunStatus::Ok);
    assert!(report.duration_ms < 1_100, "two 600 ms boards took {} ms", report.duration_ms);
    assert_eq!(runs_of(&h.app, campaign.id)[0].sources.len(), 2);
}

/// Woken, the running scheduler ticks at once instead of at its next tick, 30 s away: a follow-up
/// set for today is shown while the person is still looking.
#[tokio::test]
async fn a_woken_scheduler_ticks_without_waiting_for_its_next_tick() {
    use jobhound_core::applying::{ApplicationStatus, ApplicationUpdate};
    let h = harness().await;
    h.app.import_demo().unwrap();
    let job = h.app.list_jobs(&JobQuery::default()).unwrap().jobs[0].clone();
    let application = h.app.set_application_status(job.id, ApplicationStatus::Applied, true).unwrap();
    let running = tokio::spawn(Arc::clone(&h.scheduler).run_forever());
    // Its first tick, at start, finds nothing due; then it sleeps for TICK.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(h.recorder.reminded.lock().unwrap().is_empty());
    let update = ApplicationUpdate { follow_up_on: Some("2026-11-23".into()), ..Default::default() };
    h.app.update_application(application.summary.id, &update).unwrap();
    h.scheduler.wake();
    let shown = async {
        while h.recorder.reminded.lock().unwrap().is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let woken_in_time = tokio::time::timeout(TICK / 3, shown).await.is_ok();
    running.abort();
    assert!(woken_in_time, "the reminder waited for the next tick");
}

/// A follow-up date reaches the person through the scheduler's tick on that (local) day, once.
#[tokio::test]
async fn the_tick_shows_a_follow_up_reminder_on_its_day() {
    use jobhound_core::applying::{ApplicationStatus, ApplicationUpdate};
    let h = harness().await;
    h.app.import_demo().unwrap();
    let job = h.app.list_jobs(&JobQuery::default()).unwrap().jobs[0].clone();
    let application = h.app.set_application_status(job.id, ApplicationStatus::Applied, true).unwrap();
    let update = ApplicationUpdate { follow_up_on: Some("2026-11-24".into()), ..Default::default() };
    h.app.update_application(application.summary.id, &update).unwrap();

    h.scheduler.tick().await.unwrap();
    assert!(h.recorder.reminded.lock().unwrap().is_empty(), "not the day before");
    h.clock.advance(chrono::Duration::days(1));
    h.scheduler.tick().await.unwrap();
    h.scheduler.tick().await.unwrap();
    let expected = format!("Follow up: {} at {}", job.title, job.company);
    assert_eq!(h.recorder.reminded.lock().unwrap().as_slice(), [expected]);
}

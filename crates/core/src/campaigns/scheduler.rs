//! Runs campaigns on time, in Rust: each campaign's next run time is stored, a tick starts the
//! ones that are due, a sleeping or closed app catches up once (not once per missed interval),
//! a campaign never runs twice at once, and only a few run at the same time app-wide. After each
//! run (and on each tick, for digests held by quiet hours) new matches are announced.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Local, NaiveTime, Utc};
use tokio::sync::{Notify, Semaphore};
use tokio_util::sync::CancellationToken;

use crate::alerts::digests::{self, NotificationSink};
use crate::applying::follow_ups;
use crate::campaigns::model::{self, Campaign};
use crate::campaigns::run::{RunEvent, RunReport};
use crate::inbox::check::InboxCheckReport;
use crate::{CoreError, Jobhound, alerts::webhook, time};

/// Runs at the same time, app-wide; sources are shared, and politeness is per host anyway.
pub const MAX_CONCURRENT_RUNS: usize = 2;

/// How often the scheduler looks at the clock. Short enough that a computer waking from sleep
/// catches up within a minute; the work per tick is one small query.
pub const TICK: Duration = Duration::from_secs(30);

/// Wall-clock time, replaceable in tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Local time of day, for quiet hours.
    fn local_time(&self) -> NaiveTime;
    /// Local date "YYYY-MM-DD", for follow-up reminders.
    fn local_date(&self) -> String {
        self.now().format("%Y-%m-%d").to_string()
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn local_time(&self) -> NaiveTime {
        Local::now().time()
    }

    fn local_date(&self) -> String {
        Local::now().format("%Y-%m-%d").to_string()
    }
}

/// How often the mailbox is checked on the timer, when one is connected.
pub const INBOX_INTERVAL: chrono::Duration = chrono::Duration::minutes(15);

/// Receives progress of every run, e.g. to forward it to the UI.
pub trait RunObserver: Send + Sync {
    fn event(&self, event: &RunEvent);

    /// A check of the mailbox on the timer ended (the error is the person's words).
    fn inbox_checked(&self, _result: &Result<InboxCheckReport, String>) {}
}

/// The campaigns due at `now`: active, with sources, never run or past their next run time.
pub fn due(campaigns: &[Campaign], now: DateTime<Utc>) -> Vec<i64> {
    campaigns
        .iter()
        .filter(|campaign| campaign.settings.active && !campaign.settings.source_ids.is_empty())
        .filter(|campaign| {
            campaign.next_run_at.as_deref().is_none_or(|next| {
                DateTime::parse_from_rfc3339(next).map_or(true, |next| next.with_timezone(&Utc) <= now)
            })
        })
        .map(|campaign| campaign.id)
        .collect()
}

pub struct Scheduler {
    app: Arc<Jobhound>,
    clock: Arc<dyn Clock>,
    sink: Arc<dyn NotificationSink>,
    observer: Arc<dyn RunObserver>,
    slots: Arc<Semaphore>,
    running: Mutex<HashMap<i64, CancellationToken>>,
    sink_failed: AtomicBool,
    woken: Notify,
}

impl Scheduler {
    pub fn new(
        app: Arc<Jobhound>,
        clock: Arc<dyn Clock>,
        sink: Arc<dyn NotificationSink>,
        observer: Arc<dyn RunObserver>,
    ) -> Arc<Self> {
        Arc::new(Self {
            app,
            clock,
            sink,
            observer,
            slots: Arc::new(Semaphore::new(MAX_CONCURRENT_RUNS)),
            running: Mutex::new(HashMap::new()),
            sink_failed: AtomicBool::new(false),
            woken: Notify::new(),
        })
    }

    /// Campaigns running or waiting for a slot.
    pub fn running(&self) -> Vec<i64> {
        self.running.lock().map(|running| running.keys().copied().collect()).unwrap_or_default()
    }

    pub fn is_running(&self, campaign_id: i64) -> bool {
        self.running.lock().is_ok_and(|running| running.contains_key(&campaign_id))
    }

    /// Starts the campaign's run in the background; the returned handle ends with its report.
    /// A campaign already running is refused, not queued twice.
    pub fn start(
        self: &Arc<Self>,
        campaign_id: i64,
        trigger: &str,
    ) -> Result<tokio::task::JoinHandle<Result<RunReport, CoreError>>, CoreError> {
        let cancel = CancellationToken::new();
        {
            let mut running =
                self.running.lock().map_err(|_| CoreError::Internal("the scheduler's lock was poisoned".into()))?;
            if running.contains_key(&campaign_id) {
                return Err(CoreError::InvalidInput("this campaign is already running".into()));
            }
            running.insert(campaign_id, cancel.clone());
        }
        let this = Arc::clone(self);
        let trigger = trigger.to_string();
        Ok(tokio::spawn(async move {
            let result = this.run(campaign_id, &trigger, &cancel).await;
            if let Ok(mut running) = this.running.lock() {
                running.remove(&campaign_id);
            }
            if let Err(error) = this.announce() {
                tracing::warn!("announcing new matches failed: {error}");
            }
            result
        }))
    }

    async fn run(&self, campaign_id: i64, trigger: &str, cancel: &CancellationToken) -> Result<RunReport, CoreError> {
        self.observer.event(&RunEvent::Queued { campaign_id });
        let _slot = tokio::select! {
            slot = Arc::clone(&self.slots).acquire_owned() => slot
                .map_err(|_| CoreError::Internal("the scheduler stopped".into()))?,
            () = cancel.cancelled() => return Err(CoreError::InvalidInput("cancelled before it started".into())),
        };
        let observer = Arc::clone(&self.observer);
        let progress = move |event: RunEvent| observer.event(&event);
        let result = self.app.run_campaign(campaign_id, trigger, self.clock.now(), cancel, &progress).await;
        if let Err(error) = &result {
            tracing::warn!("campaign {campaign_id} could not run: {error}");
        }
        result
    }

    /// Asks a running campaign to stop; what it stored so far stays. False if it was not running.
    pub fn cancel(&self, campaign_id: i64) -> bool {
        match self.running.lock().ok().and_then(|running| running.get(&campaign_id).cloned()) {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }

    /// Starts every active campaign with sources that is not already running.
    pub fn run_all_now(self: &Arc<Self>) -> Result<Vec<i64>, CoreError> {
        let campaigns = self.app.list_campaigns()?;
        let mut started = Vec::new();
        for campaign in campaigns.iter().filter(|c| c.settings.active && !c.settings.source_ids.is_empty()) {
            if !self.is_running(campaign.id) && self.start(campaign.id, "manual").is_ok() {
                started.push(campaign.id);
            }
        }
        Ok(started)
    }

    /// Pauses every campaign (runs in progress finish).
    pub fn pause_all(&self) -> Result<u32, CoreError> {
        let now = time::to_rfc3339(self.clock.now());
        self.app.store().write(|tx| {
            let mut paused = 0;
            for campaign in model::list(tx)?.iter().filter(|campaign| campaign.settings.active) {
                model::set_active(tx, campaign.id, false, &now)?;
                paused += 1;
            }
            Ok(paused)
        })
    }

    /// One look at the clock: starts due campaigns, announces digests quiet hours were holding
    /// and delivers webhooks that are due. Returns the campaigns started.
    pub async fn tick(self: &Arc<Self>) -> Result<Vec<i64>, CoreError> {
        let now = self.clock.now();
        let campaigns = self.app.list_campaigns()?;
        let mut started = Vec::new();
        for id in due(&campaigns, now) {
            if !self.is_running(id) && self.start(id, "schedule").is_ok() {
                started.push(id);
            }
        }
        self.announce()?;
        if crate::inbox::review::due(&self.app, now, INBOX_INTERVAL) {
            let this = Arc::clone(self);
            tokio::spawn(async move {
                let result = this.app.check_inbox().await.map_err(|error| error.to_string());
                if let Err(error) = &result {
                    tracing::info!("inbox check: {error}");
                }
                this.observer.inbox_checked(&result);
            });
        }
        webhook::deliver_due(self.app.store(), self.app.http(), now).await?;
        Ok(started)
    }

    fn announce(&self) -> Result<(), CoreError> {
        let on_sink_error = |why: &str| {
            // Logged once: a desktop without a notification service stays without one.
            if !self.sink_failed.swap(true, Ordering::Relaxed) {
                tracing::warn!("notifications cannot be shown ({why}); Jobhound keeps working without them");
            }
        };
        let (local, now) = (self.clock.local_time(), self.clock.now());
        digests::announce_due(self.app.store(), self.sink.as_ref(), local, now, &on_sink_error)?;
        follow_ups::remind_due(self.app.store(), self.sink.as_ref(), &self.clock.local_date(), &on_sink_error)?;
        Ok(())
    }

    /// Asks for the next tick now rather than at its time: after a change that can make
    /// something due at once, such as a follow-up date set to today. A wake while a tick runs
    /// is kept for the next.
    pub fn wake(&self) {
        self.woken.notify_one();
    }

    /// Ticks until the app exits, every [`TICK`] or sooner when [woken](Self::wake).
    pub async fn run_forever(self: Arc<Self>) {
        loop {
            if let Err(error) = self.tick().await {
                tracing::warn!("scheduler tick failed: {error}");
            }
            tokio::select! {
                _ = tokio::time::sleep(TICK) => {}
                _ = self.woken.notified() => {}
            }
        }
    }
}

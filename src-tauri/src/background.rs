//! Jobhound working in the background: the scheduler (started with the window), its progress
//! forwarded to the UI as events, and digests shown as OS notifications that open the campaign.

use std::sync::Arc;

use jobhound_core::alerts::{Digest, NotificationSink};
use jobhound_core::applying::FollowUpReminder;
use jobhound_core::campaigns::RunEvent;
use jobhound_core::campaigns::{RunObserver, Scheduler, SystemClock};
use jobhound_core::inbox::check::InboxCheckReport;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// Event the UI listens to for run progress (payload: `RunEvent`).
pub const RUN_EVENT: &str = "campaign-run";
/// Event asking the UI to show a campaign's new matches (payload: the campaign id).
pub const OPEN_CAMPAIGN: &str = "open-campaign";
/// Event asking the UI to show an application (payload: the application id).
pub const OPEN_APPLICATION: &str = "open-application";
/// Event telling the UI the database changed, whoever changed it (no payload).
pub const DATA_CHANGED: &str = "data-changed";
/// How often the database is asked whether it changed: a job saved from the browser or by the
/// command line shows within a second; asking costs no I/O.
const CHANGE_POLL: std::time::Duration = std::time::Duration::from_millis(400);

/// Event telling the UI the timer checked the mailbox (payload: `{ok, error, proposals}`).
pub const INBOX_CHECKED: &str = "inbox-checked";

struct UiEvents(AppHandle);

impl RunObserver for UiEvents {
    fn event(&self, event: &RunEvent) {
        if let Err(error) = self.0.emit(RUN_EVENT, event) {
            tracing::debug!("run progress not delivered to the window: {error}");
        }
    }

    fn inbox_checked(&self, result: &Result<InboxCheckReport, String>) {
        let payload = match result {
            Ok(report) => serde_json::json!({"ok": true, "error": null, "proposals": report.proposals.len()}),
            Err(error) => serde_json::json!({"ok": false, "error": error, "proposals": 0}),
        };
        if let Err(error) = self.0.emit(INBOX_CHECKED, payload) {
            tracing::debug!("inbox check not announced to the window: {error}");
        }
        if let Ok(report) = result {
            notify_inbox_proposals(&self.0, report);
        }
    }
}

struct DesktopNotifications(AppHandle);

impl NotificationSink for DesktopNotifications {
    fn show(&self, digest: &Digest) -> Result<(), String> {
        let app = self.0.clone();
        let campaign_id = digest.campaign_id;
        let open = Box::new(move || {
            show_main_window(&app);
            if let Err(error) = app.emit(OPEN_CAMPAIGN, campaign_id) {
                tracing::warn!("could not open the campaign: {error}");
            }
        });
        jobhound_notify::show(&digest.title(), &digest.body(), Some(open)).map_err(|error| error.to_string())
    }

    fn remind(&self, reminder: &FollowUpReminder) -> Result<(), String> {
        let app = self.0.clone();
        let application_id = reminder.application_id;
        let open = Box::new(move || {
            show_main_window(&app);
            if let Err(error) = app.emit(OPEN_APPLICATION, application_id) {
                tracing::warn!("could not open the application: {error}");
            }
        });
        jobhound_notify::show(&reminder.title(), &reminder.body(), Some(open)).map_err(|error| error.to_string())
    }
}

/// One notification for the replies a timer's check found waiting for review (when the person
/// wants notifications); clicking it opens the first one's application.
fn notify_inbox_proposals(app: &AppHandle, report: &InboxCheckReport) {
    let waiting: Vec<_> = report.proposals.iter().filter(|proposal| !proposal.applied_itself).collect();
    let Some(first) = waiting.first() else { return };
    let wanted = app.state::<AppState>().core().ok().and_then(|core| core.app_settings().ok());
    if !wanted.is_some_and(|settings| settings.notifications) {
        return;
    }
    let title = if waiting.len() == 1 {
        "A reply to review".to_string()
    } else {
        format!("{} replies to review", waiting.len())
    };
    let body: Vec<&str> = waiting.iter().take(3).map(|proposal| proposal.subject.as_str()).collect();
    let (handle, application_id) = (app.clone(), first.application_id);
    let open = Box::new(move || {
        show_main_window(&handle);
        if let Err(error) = handle.emit(OPEN_APPLICATION, application_id) {
            tracing::warn!("could not open the application: {error}");
        }
    });
    if let Err(error) = jobhound_notify::show(&title, &body.join("\n"), Some(open)) {
        tracing::info!("the inbox's proposals could not be announced: {error}");
    }
}

pub fn show_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let shown = window.show().and_then(|()| window.unminimize()).and_then(|()| window.set_focus());
        if let Err(error) = shown {
            tracing::warn!("could not show the window: {error}");
        }
    }
}

/// Starts the scheduler when the core opened; without it the window shows why and nothing runs.
pub fn start(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(core) = state.core() else { return };
    let scheduler = Scheduler::new(
        core,
        Arc::new(SystemClock),
        Arc::new(DesktopNotifications(app.clone())),
        Arc::new(UiEvents(app.clone())),
    );
    state.set_scheduler(Arc::clone(&scheduler));
    tauri::async_runtime::spawn(scheduler.run_forever());
    watch_for_changes(app);
}

/// Tells the window when anything wrote to the database (the browser's save host, the command
/// line, a campaign run), so what it shows is never stale.
fn watch_for_changes(app: &AppHandle) {
    let Ok(core) = app.state::<AppState>().core() else { return };
    let mut watcher = match core.store().watch_changes() {
        Ok(watcher) => watcher,
        Err(error) => {
            tracing::warn!("changes made outside the window will show only after a reload: {error}");
            return;
        }
    };
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("jobhound-changes".into()).spawn(move || {
        loop {
            std::thread::sleep(CHANGE_POLL);
            match watcher.changed() {
                Ok(true) => {
                    if let Err(error) = app.emit(DATA_CHANGED, ()) {
                        tracing::debug!("a change was not announced to the window: {error}");
                    }
                }
                Ok(false) => {}
                Err(error) => tracing::debug!("could not ask the database for changes: {error}"),
            }
        }
    });
    if let Err(error) = spawned {
        tracing::warn!("changes made outside the window will show only after a reload: {error}");
    }
}

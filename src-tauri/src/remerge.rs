//! The one-time remerge after an upgrade improved the duplicate rules: at start, when core says
//! jobs stored under the older rules wait for it, the pass runs on a thread of its own (core backs
//! the data up first) and the window hears its progress.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use jobhound_core::ingest::RemergeStatus;
use tauri::{AppHandle, Emitter, Manager, State};

use crate::ipc_error::CommandResult;
use crate::state::AppState;

const PROGRESS_EVENT: &str = "remerge-progress";
/// The window needs no more than a few updates a second.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(200);

/// The pass's status, which the window asks for when it opens (it may open after the pass began).
#[derive(Default)]
pub struct Remerge(Mutex<RemergeStatus>);

impl Remerge {
    fn update(&self, change: impl FnOnce(&mut RemergeStatus)) -> RemergeStatus {
        let mut status = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        change(&mut status);
        status.clone()
    }
}

#[tauri::command]
pub async fn remerge_status(remerge: State<'_, Remerge>) -> CommandResult<RemergeStatus> {
    Ok(remerge.update(|_| {}))
}

/// Starts the pass if one is due.
pub fn start_if_pending(app: &AppHandle) {
    let Ok(core) = app.state::<AppState>().core() else { return };
    match core.remerge_pending() {
        Ok(true) => {}
        Ok(false) => return,
        Err(error) => {
            tracing::warn!("could not tell whether stored jobs wait for a remerge: {error}");
            return;
        }
    }
    app.state::<Remerge>().update(|status| status.running = true);
    let handle = app.clone();
    let started = std::thread::Builder::new().name("jobhound-remerge".into()).spawn(move || {
        let app = handle;
        let remerge = app.state::<Remerge>();
        let mut told = Instant::now();
        let result = core.remerge_jobs(&mut |done, total| {
            let status = remerge.update(|status| (status.done, status.total) = (done, total));
            if told.elapsed() >= PROGRESS_INTERVAL {
                told = Instant::now();
                tell(&app, &status);
            }
        });
        let status = remerge.update(|status| {
            status.running = false;
            match result {
                Ok(outcome) => {
                    tracing::info!(
                        "remerge: {} jobs compared, {} merged, {} left apart; backup {}",
                        outcome.report.jobs,
                        outcome.report.merged,
                        outcome.report.kept_apart,
                        outcome.backup
                    );
                    status.outcome = Some(outcome);
                }
                Err(error) => {
                    tracing::warn!("remerge failed, nothing changed: {error}");
                    status.error = Some(error.to_string());
                }
            }
        });
        tell(&app, &status);
    });
    if let Err(error) = started {
        tracing::warn!("could not start the remerge: {error}");
        app.state::<Remerge>().update(|status| status.running = false);
    }
}

fn tell(app: &AppHandle, status: &RemergeStatus) {
    if let Err(error) = app.emit(PROGRESS_EVENT, status) {
        tracing::debug!("remerge progress not delivered to the window: {error}");
    }
}

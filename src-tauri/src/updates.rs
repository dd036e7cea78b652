//! Updates: the app looks for a new version once a day (core's `update_check_due` says when),
//! tells the window what is new, and installs only when the person agrees, then restarts on the
//! new version. Builds without the `updater` feature (distributions) answer that updates are not
//! built in.

use std::time::Duration;

use chrono::Utc;
use jobhound_core::store::{AvailableUpdate, UpdateStatus};
use jobhound_core::{ErrorCode, ErrorPayload};
use tauri::{AppHandle, Manager, State};

use crate::commands::blocking;
use crate::ipc_error::CommandResult;
use crate::state::AppState;

/// How often the background looks whether a check is due (the check itself is daily at most).
const POLL: Duration = Duration::from_secs(15 * 60);

fn error(code: ErrorCode, message: impl Into<String>) -> ErrorPayload {
    ErrorPayload { code, message: message.into(), field: None }
}

#[tauri::command]
pub async fn update_status(app: AppHandle, state: State<'_, AppState>) -> CommandResult<UpdateStatus> {
    let version = app.package_info().version.to_string();
    blocking(&state, move |core| core.update_status(cfg!(feature = "updater"), &version)).await
}

/// Looks for a newer version now ("Check now"). `None` when this is the newest.
#[tauri::command]
pub async fn check_for_update(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<AvailableUpdate>> {
    check(&app, &state).await
}

/// Downloads the update found by the last check, verifies its signature, installs it and
/// restarts; on any failure nothing is changed and the error says why.
#[tauri::command]
pub async fn install_update(app: AppHandle) -> CommandResult<()> {
    install(&app).await
}

/// Checks whenever one is due, telling the window when a newer version is there.
pub fn start_checking(app: &AppHandle) {
    if !cfg!(feature = "updater") {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        // Not in the first minute: start-up (and a start-at-login) has other work.
        tokio::time::sleep(Duration::from_secs(60)).await;
        loop {
            let state = app.state::<AppState>();
            let running = state.scheduler().map(|scheduler| !scheduler.running().is_empty()).unwrap_or(true);
            let due = state.core().ok().and_then(|core| core.update_check_due(Utc::now(), running).ok());
            if due == Some(true) {
                match check(&app, &state).await {
                    Ok(Some(update)) => announce(&app, &update),
                    Ok(None) => {}
                    Err(failure) => tracing::info!("update check: {}", failure.message),
                }
            }
            tokio::time::sleep(POLL).await;
        }
    });
}

#[cfg(feature = "updater")]
pub use with_updater::{PendingUpdate, announce, check, install};
#[cfg(not(feature = "updater"))]
pub use without_updater::{PendingUpdate, announce, check, install};

#[cfg(feature = "updater")]
mod with_updater {
    use std::sync::Mutex;

    use chrono::Utc;
    use jobhound_core::ErrorCode;
    use jobhound_core::store::AvailableUpdate;
    use tauri::{AppHandle, Emitter, Manager};
    use tauri_plugin_updater::{Error as UpdaterError, Update, UpdaterExt};

    use super::error;
    use crate::ipc_error::CommandResult;
    use crate::state::AppState;

    /// Event telling the window a newer version is available (payload: `AvailableUpdate`).
    const UPDATE_AVAILABLE: &str = "update-available";
    /// Event with the download's progress (payload: `{ downloaded, total }` in bytes).
    const UPDATE_PROGRESS: &str = "update-progress";

    pub fn announce(app: &AppHandle, update: &AvailableUpdate) {
        if let Err(failure) = app.emit(UPDATE_AVAILABLE, update) {
            tracing::warn!("could not tell the window about the update: {failure}");
        }
    }

    /// The update the last check found, kept until the person installs it or a check finds another.
    #[derive(Default)]
    pub struct PendingUpdate(Mutex<Option<Update>>);

    fn updater(app: &AppHandle) -> CommandResult<tauri_plugin_updater::Updater> {
        let mut builder = app.updater_builder();
        // Test hooks for the update end-to-end test, honoured by debug builds only: a release build
        // trusts no feed and no key but the ones it was built with.
        if cfg!(debug_assertions) {
            if let Ok(url) = std::env::var("JOBHOUND_UPDATE_URL") {
                let url = url.parse().map_err(|_| error(ErrorCode::InvalidInput, format!("bad update URL {url}")))?;
                builder = builder.endpoints(vec![url]).map_err(|failure| explain(&failure))?;
            }
            if let Ok(key) = std::env::var("JOBHOUND_UPDATE_PUBKEY") {
                builder = builder.pubkey(key);
            }
        }
        builder.build().map_err(|failure| explain(&failure))
    }

    /// What went wrong, in words a person can act on.
    fn explain(failure: &UpdaterError) -> jobhound_core::ErrorPayload {
        match failure {
            UpdaterError::Reqwest(_)
            | UpdaterError::Network(_)
            | UpdaterError::ReleaseNotFound
            | UpdaterError::Serialization(_)
            | UpdaterError::TargetNotFound(_)
            | UpdaterError::TargetsNotFound(_) => error(
                ErrorCode::UpdateUnreachable,
                format!(
                    "Could not get the update information ({failure}). Nothing was changed; check your connection and try again."
                ),
            ),
            UpdaterError::Minisign(_) | UpdaterError::Base64(_) | UpdaterError::SignatureUtf8(_) => error(
                ErrorCode::UpdateNotVerified,
                "The downloaded update is not signed by Jobhound's key, so it was not installed. Nothing was changed.",
            ),
            other => error(
                ErrorCode::UpdateInstall,
                format!("The update could not be installed ({other}). Nothing was changed."),
            ),
        }
    }

    pub async fn check(app: &AppHandle, state: &AppState) -> CommandResult<Option<AvailableUpdate>> {
        let found = updater(app)?.check().await;
        if let Ok(core) = state.core()
            && let Err(failure) = core.record_update_check(Utc::now())
        {
            tracing::warn!("could not record the update check: {failure}");
        }
        let found = found.map_err(|failure| explain(&failure))?;
        let available = found.as_ref().map(|update| AvailableUpdate {
            version: update.version.clone(),
            current_version: update.current_version.clone(),
            notes: update.body.clone(),
            date: update.date.map(|date| date.to_string()),
        });
        if let Ok(mut pending) = app.state::<PendingUpdate>().0.lock() {
            *pending = found;
        }
        Ok(available)
    }

    pub async fn install(app: &AppHandle) -> CommandResult<()> {
        let update = app.state::<PendingUpdate>().0.lock().ok().and_then(|mut pending| pending.take());
        let Some(update) = update else {
            return Err(error(ErrorCode::UpdateNone, "There is no update to install; check for updates first."));
        };
        let mut downloaded = 0usize;
        let progress_app = app.clone();
        let result = update
            .download_and_install(
                move |chunk, total| {
                    downloaded += chunk;
                    let progress = serde_json::json!({ "downloaded": downloaded, "total": total });
                    if let Err(failure) = progress_app.emit(UPDATE_PROGRESS, progress) {
                        tracing::debug!("update progress not delivered: {failure}");
                    }
                },
                || tracing::info!("update downloaded and verified"),
            )
            .await;
        if let Err(failure) = result {
            // Kept, so "Install" can be tried again (a refused password, a network drop).
            if let Ok(mut pending) = app.state::<PendingUpdate>().0.lock() {
                *pending = Some(update);
            }
            return Err(explain(&failure));
        }
        // The window reopens where it is now, on the new version.
        use tauri_plugin_window_state::{AppHandleExt, StateFlags};
        if let Err(failure) = app.save_window_state(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED) {
            tracing::warn!("could not save the window's place before restarting: {failure}");
        }
        tracing::info!("update {} installed; restarting", update.version);
        app.restart()
    }
}

#[cfg(not(feature = "updater"))]
mod without_updater {
    use jobhound_core::ErrorCode;
    use jobhound_core::store::AvailableUpdate;
    use tauri::AppHandle;

    use super::error;
    use crate::ipc_error::CommandResult;
    use crate::state::AppState;

    #[derive(Default)]
    pub struct PendingUpdate;

    pub fn announce(_app: &AppHandle, _update: &AvailableUpdate) {}

    fn not_built_in<T>() -> CommandResult<T> {
        Err(error(
            ErrorCode::UpdatesNotBuiltIn,
            "This build of Jobhound does not update itself; your distribution's package manager does.",
        ))
    }

    pub async fn check(_app: &AppHandle, _state: &AppState) -> CommandResult<Option<AvailableUpdate>> {
        not_built_in()
    }

    pub async fn install(_app: &AppHandle) -> CommandResult<()> {
        not_built_in()
    }
}

//! Campaign commands: editing campaigns, their weights, and feedback on their matches. Each one
//! that changes scores returns after the campaign's jobs are ranked again.

use jobhound_core::campaigns::CampaignStatus;
use jobhound_core::campaigns::{Campaign, CampaignInput};
use jobhound_core::campaigns::{FeedbackEntry, RankCounts, WeightsChange};
use jobhound_core::ranking::{Feedback, Weights};
use jobhound_core::store::AppSettings;
use tauri::State;

use crate::commands::blocking;
use crate::ipc_error::{CommandResult, from_core, internal};
use crate::state::AppState;

/// What a new campaign starts with, so the form and the Rust side agree on defaults.
#[tauri::command]
pub async fn campaign_defaults() -> CommandResult<CampaignInput> {
    Ok(CampaignInput::default())
}

#[tauri::command]
pub async fn list_campaigns(state: State<'_, AppState>) -> CommandResult<Vec<Campaign>> {
    blocking(&state, |core| core.list_campaigns()).await
}

#[tauri::command]
pub async fn create_campaign(state: State<'_, AppState>, input: CampaignInput) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.create_campaign(&input)).await
}

#[tauri::command]
pub async fn update_campaign(state: State<'_, AppState>, id: i64, input: CampaignInput) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.update_campaign(id, &input)).await
}

/// A paused copy named "NAME (copy)".
#[tauri::command]
pub async fn duplicate_campaign(state: State<'_, AppState>, id: i64) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.duplicate_campaign(id)).await
}

/// Deletes the campaign with its matches and feedback; jobs stay.
#[tauri::command]
pub async fn delete_campaign(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    blocking(&state, move |core| core.delete_campaign(id)).await
}

#[tauri::command]
pub async fn set_campaign_active(state: State<'_, AppState>, id: i64, active: bool) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.set_campaign_active(id, active)).await
}

/// The user's own weights; they replace what was learned and are what a reset returns to.
#[tauri::command]
pub async fn set_campaign_weights(state: State<'_, AppState>, id: i64, weights: Weights) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.set_campaign_weights(id, weights)).await
}

#[tauri::command]
pub async fn rank_campaign(state: State<'_, AppState>, id: i64) -> CommandResult<RankCounts> {
    blocking(&state, move |core| core.rank_campaign(id)).await
}

#[tauri::command]
pub async fn give_feedback(
    state: State<'_, AppState>,
    campaign_id: i64,
    job_id: i64,
    kind: Feedback,
) -> CommandResult<WeightsChange> {
    blocking(&state, move |core| core.give_feedback(campaign_id, job_id, kind)).await
}

/// Takes back the campaign's latest feedback.
#[tauri::command]
pub async fn undo_feedback(state: State<'_, AppState>, feedback_id: i64) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.undo_feedback(feedback_id)).await
}

#[tauri::command]
pub async fn reset_campaign_weights(state: State<'_, AppState>, id: i64) -> CommandResult<Campaign> {
    blocking(&state, move |core| core.reset_campaign_weights(id)).await
}

#[tauri::command]
pub async fn feedback_history(state: State<'_, AppState>, campaign_id: i64) -> CommandResult<Vec<FeedbackEntry>> {
    blocking(&state, move |core| core.feedback_history(campaign_id, 50)).await
}

/// Starts the campaign's run in the background; progress arrives as `campaign-run` events.
#[tauri::command]
pub async fn run_campaign_now(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    let scheduler = state.scheduler()?;
    scheduler.start(id, "manual").map(|_| ()).map_err(from_core)
}

/// Stops a running campaign; what it stored stays.
#[tauri::command]
pub async fn cancel_campaign_run(state: State<'_, AppState>, id: i64) -> CommandResult<bool> {
    Ok(state.scheduler()?.cancel(id))
}

/// Starts every active campaign that is not already running; returns their ids.
#[tauri::command]
pub async fn run_all_campaigns(state: State<'_, AppState>) -> CommandResult<Vec<i64>> {
    state.scheduler()?.run_all_now().map_err(from_core)
}

#[tauri::command]
pub async fn running_campaigns(state: State<'_, AppState>) -> CommandResult<Vec<i64>> {
    Ok(state.scheduler()?.running())
}

/// Next run, latest runs with per-source results, webhook digests still waiting.
#[tauri::command]
pub async fn campaign_status(state: State<'_, AppState>, id: i64) -> CommandResult<CampaignStatus> {
    blocking(&state, move |core| core.campaign_status(id, 20)).await
}

#[tauri::command]
pub async fn app_settings(state: State<'_, AppState>) -> CommandResult<AppSettings> {
    blocking(&state, |core| core.app_settings()).await
}

/// Saves the preferences and applies start-at-login to the OS.
#[tauri::command]
pub async fn set_app_settings(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    settings: AppSettings,
) -> CommandResult<AppSettings> {
    use tauri_plugin_autostart::ManagerExt;
    let launcher = app.autolaunch();
    let applied = if settings.start_at_login { launcher.enable() } else { launcher.disable() };
    applied.map_err(|error| internal(format!("could not change start at login: {error}")))?;
    let saved = settings.clone();
    blocking(&state, move |core| core.set_app_settings(&saved)).await?;
    Ok(settings)
}

//! Applying: applications and their board, resumes, the writing assistant's settings, cover
//! letters (streamed to the window through a channel, cancellable) and exports.

use std::path::PathBuf;

use jobhound_core::applying::JobInsight;
use jobhound_core::applying::{
    ApplicationDetail, ApplicationQuery, ApplicationStatus, ApplicationSummary, ApplicationUpdate, ContactInput,
};
use jobhound_core::applying::{CoverLetter, LetterChunk, LetterRequest};
use jobhound_core::applying::{LlmConnection, LlmSettings, LlmSettingsView};
use jobhound_core::applying::{ResumeImport, ResumeStructure, ResumeSummary};
use jobhound_core::{ErrorCode, ErrorPayload};
use jobhound_llm::CancellationToken;
use tauri::State;
use tauri::ipc::Channel;

use crate::commands::blocking;
use crate::ipc_error::{CommandResult, from_core};
use crate::state::{AppState, Writing};

#[tauri::command]
pub async fn list_applications(
    state: State<'_, AppState>,
    query: ApplicationQuery,
) -> CommandResult<Vec<ApplicationSummary>> {
    blocking(&state, move |core| core.list_applications(&query)).await
}

#[tauri::command]
pub async fn get_application(state: State<'_, AppState>, id: i64) -> CommandResult<ApplicationDetail> {
    blocking(&state, move |core| core.application(id)).await
}

#[tauri::command]
pub async fn application_for_job(state: State<'_, AppState>, job_id: i64) -> CommandResult<Option<ApplicationDetail>> {
    blocking(&state, move |core| core.application_for_job(job_id)).await
}

/// Fails with `recently_applied` when applying again soon to the same company, unless `confirmed`.
#[tauri::command]
pub async fn set_application_status(
    state: State<'_, AppState>,
    job_id: i64,
    status: ApplicationStatus,
    confirmed: bool,
) -> CommandResult<ApplicationDetail> {
    blocking(&state, move |core| core.set_application_status(job_id, status, confirmed)).await
}

#[tauri::command]
pub async fn update_application(
    state: State<'_, AppState>,
    id: i64,
    update: ApplicationUpdate,
) -> CommandResult<ApplicationDetail> {
    let sets_follow_up = update.follow_up_on.is_some();
    let detail = blocking(&state, move |core| core.update_application(id, &update)).await?;
    // A follow-up set for today is shown now, not at the scheduler's next tick.
    if sets_follow_up && let Ok(scheduler) = state.scheduler() {
        scheduler.wake();
    }
    Ok(detail)
}

#[tauri::command]
pub async fn delete_application(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    blocking(&state, move |core| core.delete_application(id)).await
}

#[tauri::command]
pub async fn add_contact(
    state: State<'_, AppState>,
    application_id: i64,
    contact: ContactInput,
) -> CommandResult<ApplicationDetail> {
    blocking(&state, move |core| core.add_contact(application_id, &contact)).await
}

#[tauri::command]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: i64,
    contact: ContactInput,
) -> CommandResult<ApplicationDetail> {
    blocking(&state, move |core| core.update_contact(id, &contact)).await
}

#[tauri::command]
pub async fn remove_contact(state: State<'_, AppState>, id: i64) -> CommandResult<ApplicationDetail> {
    blocking(&state, move |core| core.remove_contact(id)).await
}

/// Imports a resume the person dropped on the window. The path must be one the shell saw dropped:
/// the webview cannot name any other file (picking one goes through `pick_resume`'s dialog).
#[tauri::command]
pub async fn import_resume(
    state: State<'_, AppState>,
    path: PathBuf,
    name: Option<String>,
) -> CommandResult<ResumeImport> {
    if !state.dropped.take(&path).await {
        return Err(ErrorPayload {
            code: ErrorCode::NotDropped,
            message: "Only a file you drop on the window or choose in the file dialog is imported.".into(),
            field: None,
        });
    }
    blocking(&state, move |core| core.import_resume(&path, name.as_deref())).await
}

#[tauri::command]
pub async fn list_resumes(state: State<'_, AppState>) -> CommandResult<Vec<ResumeSummary>> {
    blocking(&state, |core| core.list_resumes()).await
}

#[tauri::command]
pub async fn resume_text(state: State<'_, AppState>, id: i64) -> CommandResult<String> {
    blocking(&state, move |core| core.resume_text(id)).await
}

/// The resume's structure (as corrected, else as read) with its text.
#[tauri::command]
pub async fn resume_structure(state: State<'_, AppState>, id: i64) -> CommandResult<ResumeStructure> {
    blocking(&state, move |core| core.resume_structure(id)).await
}

/// Keeps the person's correction of the structure, written as text.
#[tauri::command]
pub async fn correct_resume_structure(
    state: State<'_, AppState>,
    id: i64,
    text: String,
) -> CommandResult<ResumeStructure> {
    blocking(&state, move |core| core.correct_resume_structure(id, &text)).await
}

/// Drops the correction: the structure is read from the text again.
#[tauri::command]
pub async fn reset_resume_structure(state: State<'_, AppState>, id: i64) -> CommandResult<ResumeStructure> {
    blocking(&state, move |core| core.reset_resume_structure(id)).await
}

#[tauri::command]
pub async fn rename_resume(state: State<'_, AppState>, id: i64, name: String) -> CommandResult<ResumeSummary> {
    blocking(&state, move |core| core.rename_resume(id, &name)).await
}

#[tauri::command]
pub async fn delete_resume(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    blocking(&state, move |core| core.delete_resume(id)).await
}

#[tauri::command]
pub async fn set_campaign_resume(
    state: State<'_, AppState>,
    campaign_id: i64,
    resume_id: Option<i64>,
) -> CommandResult<()> {
    blocking(&state, move |core| core.set_campaign_resume(campaign_id, resume_id)).await
}

#[tauri::command]
pub async fn llm_settings(state: State<'_, AppState>) -> CommandResult<LlmSettingsView> {
    blocking(&state, |core| core.llm_settings()).await
}

#[tauri::command]
pub async fn set_llm_settings(state: State<'_, AppState>, settings: LlmSettings) -> CommandResult<LlmSettingsView> {
    blocking(&state, move |core| core.set_llm_settings(&settings)).await
}

/// Stores the key in the OS keychain (empty removes it); the window never reads it back.
#[tauri::command]
pub async fn set_llm_api_key(state: State<'_, AppState>, key: Option<String>) -> CommandResult<LlmSettingsView> {
    blocking(&state, move |core| core.set_llm_api_key(key.as_deref())).await
}

#[tauri::command]
pub async fn test_llm_connection(state: State<'_, AppState>) -> CommandResult<LlmConnection> {
    state.core()?.test_llm_connection().await.map_err(from_core)
}

/// Writes a letter, sending each piece through `on_text` as it arrives. Returns the stored
/// letter once it is whole; cancel (`cancel_letter`) or an error stores nothing.
#[tauri::command]
pub async fn generate_letter(
    state: State<'_, AppState>,
    request: LetterRequest,
    on_text: Channel<LetterChunk>,
) -> CommandResult<CoverLetter> {
    let core = state.core()?;
    let cancel = CancellationToken::new();
    state.start_generation(Writing::Letter, request.job_id, cancel.clone());
    let mut forward = move |text: &str| {
        if let Err(error) = on_text.send(LetterChunk { text: text.to_string() }) {
            tracing::debug!("letter text not delivered to the window: {error}");
        }
    };
    let result = core.generate_letter(&request, &cancel, Some(&mut forward)).await;
    state.finish_generation(Writing::Letter, request.job_id);
    result.map_err(from_core)
}

#[tauri::command]
pub async fn cancel_letter(state: State<'_, AppState>, job_id: i64) -> CommandResult<bool> {
    Ok(state.cancel_generation(Writing::Letter, job_id))
}

#[tauri::command]
pub async fn save_letter_edit(state: State<'_, AppState>, parent_id: i64, text: String) -> CommandResult<CoverLetter> {
    blocking(&state, move |core| core.save_letter_edit(parent_id, &text)).await
}

#[tauri::command]
pub async fn letters_for_job(state: State<'_, AppState>, job_id: i64) -> CommandResult<Vec<CoverLetter>> {
    blocking(&state, move |core| core.letters_for_job(job_id)).await
}

#[tauri::command]
pub async fn job_insight(state: State<'_, AppState>, job_id: i64) -> CommandResult<Option<JobInsight>> {
    blocking(&state, move |core| core.job_insight(job_id)).await
}

#[tauri::command]
pub async fn generate_insight(
    state: State<'_, AppState>,
    job_id: i64,
    resume_id: Option<i64>,
) -> CommandResult<JobInsight> {
    state.core()?.generate_insight(job_id, resume_id).await.map_err(from_core)
}

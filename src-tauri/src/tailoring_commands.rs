//! Tailored resumes: written by the model (streamed, cancellable), edited as text, checked for
//! invented facts as the person types, questioned claims confirmed.

use jobhound_core::applying::{LetterChunk, TailorRequest, TailoredResume};
use jobhound_core::resume::Violation;
use jobhound_llm::CancellationToken;
use tauri::State;
use tauri::ipc::Channel;

use crate::commands::blocking;
use crate::ipc_error::{CommandResult, from_core};
use crate::state::{AppState, Writing};

/// Tailors the resume to the job, sending the answer through `on_text` as it arrives. Returns the
/// stored version once it is whole and reads as the resume's sections; cancel or a refused answer
/// stores nothing.
#[tauri::command]
pub async fn tailor_resume(
    state: State<'_, AppState>,
    request: TailorRequest,
    on_text: Channel<LetterChunk>,
) -> CommandResult<TailoredResume> {
    let core = state.core()?;
    let cancel = CancellationToken::new();
    state.start_generation(Writing::TailoredResume, request.job_id, cancel.clone());
    let mut forward = move |text: &str| {
        if let Err(error) = on_text.send(LetterChunk { text: text.to_string() }) {
            tracing::debug!("tailored resume text not delivered to the window: {error}");
        }
    };
    let result = core.tailor_resume(&request, &cancel, Some(&mut forward)).await;
    state.finish_generation(Writing::TailoredResume, request.job_id);
    result.map_err(from_core)
}

#[tauri::command]
pub async fn cancel_tailoring(state: State<'_, AppState>, job_id: i64) -> CommandResult<bool> {
    Ok(state.cancel_generation(Writing::TailoredResume, job_id))
}

/// Newest version first.
#[tauri::command]
pub async fn tailored_for_job(state: State<'_, AppState>, job_id: i64) -> CommandResult<Vec<TailoredResume>> {
    blocking(&state, move |core| core.tailored_for_job(job_id)).await
}

/// Keeps the person's edit (the editor's text) as a new version.
#[tauri::command]
pub async fn save_tailored_text(
    state: State<'_, AppState>,
    parent_id: i64,
    text: String,
) -> CommandResult<TailoredResume> {
    blocking(&state, move |core| core.save_tailored_text(parent_id, &text)).await
}

/// What the check finds in an edit not saved yet.
#[tauri::command]
pub async fn check_tailored_text(state: State<'_, AppState>, id: i64, text: String) -> CommandResult<Vec<Violation>> {
    blocking(&state, move |core| core.check_tailored_text(id, &text)).await
}

#[tauri::command]
pub async fn confirm_tailored_claim(
    state: State<'_, AppState>,
    id: i64,
    claim: String,
) -> CommandResult<TailoredResume> {
    blocking(&state, move |core| core.confirm_tailored_claim(id, &claim)).await
}

//! The person's data as a whole: export, backup, restore, import from other tools, deleting a job
//! and forgetting everything. Files are chosen in the OS dialogs.

use jobhound_core::applying::JobGap;
use jobhound_core::search::Dashboard;
use jobhound_core::search::JobQuery;
use jobhound_core::search::SavedView;
use jobhound_core::your_data::Destinations;
use jobhound_core::your_data::{BackupReport, RestoreReport};
use jobhound_core::your_data::{DeletedJob, ForgetReport};
use jobhound_core::your_data::{ExportFormat, ExportReport};
use jobhound_core::your_data::{ImportFrom, ImportProgress, ImportReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::commands::blocking;
use crate::dialog_commands::{choose_file_to_open, choose_file_to_save};
use crate::ipc_error::CommandResult;
use crate::state::AppState;

/// "2026-11-23", for default file names.
fn today() -> String {
    jobhound_core::time::now_rfc3339().chars().take(10).collect()
}

#[tauri::command]
pub async fn export_data(
    app: AppHandle,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> CommandResult<Option<ExportReport>> {
    let extension = format.extension();
    let name = format!("jobhound-jobs-{}.{extension}", today());
    let Some(out) = choose_file_to_save(&app, "Export jobs and applications", &name, extension).await? else {
        return Ok(None);
    };
    blocking(&state, move |core| core.export_data(format, &out)).await.map(Some)
}

#[tauri::command]
pub async fn back_up(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<BackupReport>> {
    let name = format!("jobhound-backup-{}.jobhound", today());
    let Some(out) = choose_file_to_save(&app, "Back up Jobhound", &name, "jobhound").await? else { return Ok(None) };
    blocking(&state, move |core| core.back_up(&out)).await.map(Some)
}

/// The UI asks the person first: a restore replaces what is stored (a copy of it is kept).
#[tauri::command]
pub async fn restore(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<RestoreReport>> {
    let Some(file) =
        choose_file_to_open(&app, "Restore a Jobhound backup", "Jobhound backup", &["jobhound", "db"]).await?
    else {
        return Ok(None);
    };
    blocking(&state, move |core| core.restore(&file)).await.map(Some)
}

#[tauri::command]
pub async fn import_jobs(
    app: AppHandle,
    state: State<'_, AppState>,
    from: ImportFrom,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<Option<ImportReport>> {
    let title = match from {
        ImportFrom::Jobspy => "Import a JobSpy CSV",
        ImportFrom::Jobfunnel => "Import a JobFunnel master CSV",
    };
    let Some(file) = choose_file_to_open(&app, title, "CSV", &["csv"]).await? else { return Ok(None) };
    blocking(&state, move |core| {
        core.import_file_with_progress(from, &file, &mut |step| {
            // A closed window stops listening; the import goes on regardless.
            let _ = on_progress.send(step);
        })
    })
    .await
    .map(Some)
}

/// Where Jobhound sends data besides the job boards; after a restore, waiting for confirmation.
#[tauri::command]
pub async fn destinations(state: State<'_, AppState>) -> CommandResult<Destinations> {
    blocking(&state, |core| core.destinations()).await
}

#[tauri::command]
pub async fn confirm_destinations(state: State<'_, AppState>) -> CommandResult<Destinations> {
    blocking(&state, |core| core.confirm_destinations()).await
}

#[tauri::command]
pub async fn delete_job(state: State<'_, AppState>, id: i64) -> CommandResult<DeletedJob> {
    blocking(&state, move |core| core.delete_job(id)).await
}

#[tauri::command]
pub async fn forget_everything(state: State<'_, AppState>) -> CommandResult<ForgetReport> {
    blocking(&state, |core| core.forget_everything()).await
}

#[tauri::command]
pub async fn saved_views(state: State<'_, AppState>) -> CommandResult<Vec<SavedView>> {
    blocking(&state, |core| core.saved_views()).await
}

#[tauri::command]
pub async fn save_view(state: State<'_, AppState>, name: String, query: JobQuery) -> CommandResult<SavedView> {
    blocking(&state, move |core| core.save_view(&name, &query)).await
}

#[tauri::command]
pub async fn delete_view(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    blocking(&state, move |core| core.delete_view(id)).await
}

/// What a job asks for and where the resume (the one named, else the job's default) shows it.
#[tauri::command]
pub async fn keyword_gap(state: State<'_, AppState>, job_id: i64, resume_id: Option<i64>) -> CommandResult<JobGap> {
    blocking(&state, move |core| core.keyword_gap(job_id, resume_id)).await
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> CommandResult<Dashboard> {
    blocking(&state, |core| core.dashboard()).await
}

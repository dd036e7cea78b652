//! The OS file dialogs: picking a resume to import and choosing where an exported letter goes.
//! They are opened from Rust so the window's capability stays "Jobhound's own commands only".

use std::path::PathBuf;

use jobhound_core::applying::ResumeImport;
use jobhound_core::applying::{ExportedLetter, ExportedResume, ResumeLayoutChoice};
use jobhound_documents::DocumentFormat;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

use crate::commands::blocking;
use crate::ipc_error::{CommandResult, internal};
use crate::state::AppState;

fn dialog(app: &AppHandle, title: &str) -> FileDialogBuilder<tauri::Wry> {
    let mut builder = app.dialog().file().set_title(title);
    if let Some(window) = app.get_webview_window("main") {
        builder = builder.set_parent(&window);
    }
    builder
}

/// Waits for the dialog without holding a runtime thread; `None` when the person cancelled.
async fn chosen(open: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>)) -> CommandResult<Option<PathBuf>> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    open(Box::new(move |file| {
        let _ = sender.send(file);
    }));
    let Ok(Some(file)) = receiver.await else { return Ok(None) };
    file.into_path().map(Some).map_err(|error| internal(format!("the chosen file has no local path: {error}")))
}

/// Asks where to save a file, suggesting `name`; `None` when the person cancelled.
pub async fn choose_file_to_save(
    app: &AppHandle,
    title: &str,
    name: &str,
    extension: &str,
) -> CommandResult<Option<PathBuf>> {
    let builder = dialog(app, title).add_filter(extension.to_uppercase(), &[extension]).set_file_name(name.to_string());
    let chosen_path = chosen(|done| builder.save_file(done)).await?;
    Ok(chosen_path.map(|mut path| {
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        path
    }))
}

/// Asks for a file to open among `extensions`; `None` when the person cancelled.
pub async fn choose_file_to_open(
    app: &AppHandle,
    title: &str,
    kind: &str,
    extensions: &[&str],
) -> CommandResult<Option<PathBuf>> {
    let builder = dialog(app, title).add_filter(kind, extensions);
    chosen(|done| builder.pick_file(done)).await
}

/// Opens a file picker for a PDF or DOCX and imports it. `None` when the person cancelled.
#[tauri::command]
pub async fn pick_resume(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<ResumeImport>> {
    let Some(path) = choose_file_to_open(&app, "Import a resume", "Resume (PDF or Word)", &["pdf", "docx"]).await?
    else {
        return Ok(None);
    };
    blocking(&state, move |core| core.import_resume(&path, None)).await.map(Some)
}

/// Asks where to save the letter, then exports it there and attaches it to the application.
/// Saves a tailored resume where the person chooses, in the layout they chose; refused while a
/// claim the check questioned is neither edited away nor confirmed.
#[tauri::command]
pub async fn export_tailored_as(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    format: String,
    layout: ResumeLayoutChoice,
    file_name: String,
) -> CommandResult<Option<ExportedResume>> {
    let format = DocumentFormat::parse(&format).ok_or_else(|| internal(format!("unknown format {format}")))?;
    // Refuse before asking where to save: a dialog for a file that will not be written misleads.
    blocking(&state, move |core| core.exportable_tailored(id)).await?;
    let extension = format.extension();
    let name = format!("{file_name}.{extension}");
    let Some(path) = choose_file_to_save(&app, "Save the tailored resume", &name, extension).await? else {
        return Ok(None);
    };
    blocking(&state, move |core| core.export_tailored(id, format, layout, &path)).await.map(Some)
}

#[tauri::command]
pub async fn export_letter_as(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    format: String,
    file_name: String,
) -> CommandResult<Option<ExportedLetter>> {
    let format = DocumentFormat::parse(&format).ok_or_else(|| internal(format!("unknown format {format}")))?;
    let extension = format.extension();
    let name = format!("{file_name}.{extension}");
    let Some(path) = choose_file_to_save(&app, "Save the cover letter", &name, extension).await? else {
        return Ok(None);
    };
    blocking(&state, move |core| core.export_letter(id, format, &path)).await.map(Some)
}

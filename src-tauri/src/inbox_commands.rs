//! The inbox: connecting the mailbox (Settings → Inbox), checking it on demand, and the person's
//! review of what replies propose ("From your inbox", an application's timeline).

use jobhound_core::applying::ApplicationStatus;
use jobhound_core::inbox::check::InboxCheckReport;
use jobhound_core::inbox::records::InboxMessage;
use jobhound_core::inbox::settings::{InboxSettings, InboxSettingsView};
use jobhound_core::inbox::{MailPreset, MailboxSettings, PRESETS};
use tauri::State;

use crate::commands::blocking;
use crate::ipc_error::{CommandResult, from_core};
use crate::state::AppState;

#[tauri::command]
pub async fn inbox_presets() -> CommandResult<Vec<MailPreset>> {
    Ok(PRESETS.to_vec())
}

#[tauri::command]
pub async fn inbox_settings(state: State<'_, AppState>) -> CommandResult<InboxSettingsView> {
    blocking(&state, |core| core.inbox_settings()).await
}

/// Saves the mailbox; a password given goes to the keychain (never back to the window).
#[tauri::command]
pub async fn set_inbox_settings(
    state: State<'_, AppState>,
    settings: InboxSettings,
    password: Option<String>,
) -> CommandResult<InboxSettingsView> {
    blocking(&state, move |core| core.set_inbox_settings(&settings, password.as_deref())).await
}

#[tauri::command]
pub async fn forget_inbox_password(state: State<'_, AppState>) -> CommandResult<InboxSettingsView> {
    blocking(&state, |core| core.forget_inbox_password()).await
}

/// Logs in and lists the folders, changing nothing.
#[tauri::command]
pub async fn test_inbox_connection(
    state: State<'_, AppState>,
    mailbox: MailboxSettings,
    password: Option<String>,
) -> CommandResult<Vec<String>> {
    state.core()?.test_inbox_connection(&mailbox, password.as_deref()).await.map_err(from_core)
}

#[tauri::command]
pub async fn check_inbox(state: State<'_, AppState>) -> CommandResult<InboxCheckReport> {
    state.core()?.check_inbox().await.map_err(from_core)
}

#[tauri::command]
pub async fn inbox_review(state: State<'_, AppState>) -> CommandResult<Vec<InboxMessage>> {
    blocking(&state, |core| core.inbox_review()).await
}

#[tauri::command]
pub async fn application_messages(state: State<'_, AppState>, application_id: i64) -> CommandResult<Vec<InboxMessage>> {
    blocking(&state, move |core| core.application_messages(application_id)).await
}

#[tauri::command]
pub async fn accept_inbox_proposal(state: State<'_, AppState>, id: i64) -> CommandResult<InboxMessage> {
    blocking(&state, move |core| core.accept_inbox_proposal(id)).await
}

#[tauri::command]
pub async fn change_inbox_proposal(
    state: State<'_, AppState>,
    id: i64,
    status: ApplicationStatus,
) -> CommandResult<InboxMessage> {
    blocking(&state, move |core| core.change_inbox_proposal(id, status)).await
}

#[tauri::command]
pub async fn dismiss_inbox_proposal(state: State<'_, AppState>, id: i64) -> CommandResult<InboxMessage> {
    blocking(&state, move |core| core.dismiss_inbox_proposal(id)).await
}

#[tauri::command]
pub async fn reopen_inbox_proposal(state: State<'_, AppState>, id: i64) -> CommandResult<InboxMessage> {
    blocking(&state, move |core| core.reopen_inbox_proposal(id)).await
}

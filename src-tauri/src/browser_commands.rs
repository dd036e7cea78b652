//! The browser extension's host: whether it is installed for each browser, and installing or
//! removing it (Settings → Browser).

use std::path::PathBuf;

use jobhound_core::browser::{Browser, HostStatus};
use tauri::State;

use crate::commands::blocking;
use crate::ipc_error::{CommandResult, internal};
use crate::state::AppState;

/// The CLI installed beside the app, which the browser starts as the host.
fn host_program() -> CommandResult<PathBuf> {
    let app = std::env::current_exe().map_err(|error| internal(format!("cannot find this program: {error}")))?;
    let name = if cfg!(windows) { "jobhound-cli.exe" } else { "jobhound-cli" };
    Ok(app.with_file_name(name))
}

#[tauri::command]
pub async fn browser_hosts(state: State<'_, AppState>) -> CommandResult<Vec<HostStatus>> {
    blocking(&state, |core| core.browser_hosts()).await
}

#[tauri::command]
pub async fn install_browser_host(state: State<'_, AppState>, browser: Browser) -> CommandResult<HostStatus> {
    let program = host_program()?;
    blocking(&state, move |core| core.install_browser_host(browser, &program)).await
}

#[tauri::command]
pub async fn remove_browser_host(state: State<'_, AppState>, browser: Browser) -> CommandResult<HostStatus> {
    blocking(&state, move |core| core.remove_browser_host(browser)).await
}

//! The data directory and the files in it: where the database lives, chosen by flag, environment or the OS.

use std::path::{Path, PathBuf};

use crate::CoreError;

/// Same directory name as Tauri's app-data dir for the app's identifier, so the app and the CLI
/// share one database.
pub const APP_IDENTIFIER: &str = "app.jobhound.desktop";
pub const DATA_DIR_ENV: &str = "JOBHOUND_DATA_DIR";
pub const DATABASE_FILE: &str = "jobhound.db";

/// The data directory: an explicit `--data-dir`, else `JOBHOUND_DATA_DIR`, else the OS app-data dir
/// (`~/.local/share/app.jobhound.desktop` on Linux, `~/Library/Application Support/...` on macOS,
/// `%APPDATA%\...` on Windows).
pub fn resolve_data_dir(explicit: Option<&Path>) -> Result<PathBuf, CoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|value| !value.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|dir| dir.join(APP_IDENTIFIER))
        .ok_or_else(|| CoreError::InvalidInput(format!("no app-data directory is known here; set {DATA_DIR_ENV}")))
}

/// Where the app writes its log: the OS's place for an app's logs (`~/Library/Logs/<id>` on
/// macOS, `<local app data>/<id>/logs` on Linux and Windows, as Tauri's `app_log_dir`).
pub fn log_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        dirs::home_dir().map(|home| home.join("Library").join("Logs").join(APP_IDENTIFIER))
    } else {
        dirs::data_local_dir().map(|dir| dir.join(APP_IDENTIFIER).join("logs"))
    }
}

pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

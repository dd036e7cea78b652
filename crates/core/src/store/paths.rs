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

pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

//! A start-up that cannot open the person's data (for example a database from a newer Jobhound)
//! says so in a native dialog as well as in the window: an app started from the Dock, the Start
//! menu or a desktop entry has no terminal to read.

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use crate::state::AppState;

/// The dialog's title, which the end-to-end test looks for.
pub const FAILURE_TITLE: &str = "Jobhound could not open your data";

pub fn explain_failure(app: &AppHandle) {
    let Err(failure) = app.state::<AppState>().core() else { return };
    let log =
        jobhound_core::store::log_dir().map(|dir| format!("\n\nThe log is in {}.", dir.display())).unwrap_or_default();
    let mut message = failure.message.clone();
    if let Some(first) = message.get(..1) {
        message.replace_range(..1, &first.to_uppercase());
    }
    app.dialog().message(format!("{message}{log}")).title(FAILURE_TITLE).kind(MessageDialogKind::Error).show(|_| {});
}

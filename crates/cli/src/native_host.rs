//! `jobhound-cli native-host`: the "Save to Jobhound" extension's native messaging host. Each
//! message is checked and saved through core (the same database as the app, with its busy
//! timeout); each refusal is answered and written to standard error, which the browser logs.

use std::process::ExitCode;

use jobhound_core::Jobhound;
use jobhound_core::browser::native_messaging::{FIREFOX_EXTENSION_ID, caller_allowed, serve};
use jobhound_core::store;

use crate::commands::Failure;

/// Whether the browser started this program as the host (no subcommand, only the caller).
pub fn started_by_browser(args: &[String]) -> bool {
    args.first().is_some_and(|first| first.starts_with("chrome-extension://"))
        || args.get(1).is_some_and(|second| second == FIREFOX_EXTENSION_ID)
}

/// The host as a browser runs it: the data dir from the environment, as the app finds it.
pub fn run(args: &[String]) -> ExitCode {
    let opened = store::resolve_data_dir(None).map_err(Failure::from).and_then(|dir| Ok(Jobhound::open(&dir)?));
    let result = opened.and_then(|app| serve_with(&app, args));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("jobhound native host: {}", failure.message);
            ExitCode::from(failure.exit_code)
        }
    }
}

pub fn serve_with(app: &Jobhound, caller: &[String]) -> Result<(), Failure> {
    let allowed = caller_allowed(caller);
    if !allowed {
        eprintln!("jobhound native host: started by {caller:?}, not the Jobhound extension; every message is refused");
    }
    let mut handle = |body: &[u8]| app.answer_browser_message(body).map_err(|error| error.to_string());
    let mut log = |reason: &str| eprintln!("jobhound native host: refused a message: {reason}");
    serve(&mut std::io::stdin().lock(), &mut std::io::stdout().lock(), allowed, &mut handle, &mut log)
        .map_err(|error| Failure::internal(format!("the browser's pipe failed: {error}")))
}

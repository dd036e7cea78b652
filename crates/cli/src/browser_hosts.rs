//! `jobhound-cli browser`: the extension's native messaging host for each browser, as Settings →
//! Save from the browser shows it, for machines set up from a terminal.

use clap::Subcommand;
use jobhound_core::Jobhound;
use jobhound_core::browser::{Browser, HostStatus};

use crate::commands::Failure;
use crate::output::{json_line, line};

#[derive(Debug, Subcommand)]
pub enum BrowserCommand {
    /// For each browser: whether it has run here and whether the host is installed for it.
    Status,
    /// Let the "Save to Jobhound" extension in a browser reach this program.
    Install {
        /// chrome, chromium, edge, brave or firefox.
        browser: String,
    },
    /// Take the host out of a browser again.
    Remove { browser: String },
}

fn browser(key: &str) -> Result<Browser, Failure> {
    Browser::from_key(key).ok_or_else(|| {
        let known: Vec<&str> = Browser::ALL.iter().map(|browser| browser.key()).collect();
        Failure::input(format!("no browser called \"{key}\"; one of {}", known.join(", ")))
    })
}

fn print(status: &HostStatus, json: bool) -> Result<(), Failure> {
    if json {
        return json_line(status);
    }
    let state = match (status.installed, status.found) {
        (true, _) => format!("installed ({})", status.manifest_path),
        (false, true) => "not installed".to_string(),
        (false, false) => "not found on this computer".to_string(),
    };
    line(&format!("{:<9} {:<15} {state}", status.browser.key(), status.name))
}

pub fn run(app: &Jobhound, command: BrowserCommand, json: bool) -> Result<(), Failure> {
    match command {
        BrowserCommand::Status => {
            for status in app.browser_hosts()? {
                print(&status, json)?;
            }
            Ok(())
        }
        BrowserCommand::Install { browser: key } => {
            let program = std::env::current_exe()
                .map_err(|error| Failure::internal(format!("cannot find this program: {error}")))?;
            print(&app.install_browser_host(browser(&key)?, &program)?, json)
        }
        BrowserCommand::Remove { browser: key } => print(&app.remove_browser_host(browser(&key)?)?, json),
    }
}

//! The browser's way in as the app and the CLI call it.

use std::path::{Path, PathBuf};

use crate::browser::host_manifest::{self, Browser, HostStatus};
use crate::{CoreError, Jobhound};

fn home() -> Result<PathBuf, CoreError> {
    dirs::home_dir().ok_or_else(|| CoreError::InvalidInput("this user has no home folder".into()))
}

impl Jobhound {
    /// For each browser: whether it has run here and whether the save host is installed for it.
    pub fn browser_hosts(&self) -> Result<Vec<HostStatus>, CoreError> {
        Ok(host_manifest::statuses(&home()?))
    }

    /// Lets the extension in `browser` reach `host_program` (the CLI beside the app).
    pub fn install_browser_host(&self, browser: Browser, host_program: &Path) -> Result<HostStatus, CoreError> {
        host_manifest::install(&home()?, browser, host_program)
    }

    pub fn remove_browser_host(&self, browser: Browser) -> Result<HostStatus, CoreError> {
        host_manifest::remove(&home()?, browser)
    }
}

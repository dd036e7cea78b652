//! The remerge pass as the app and the CLI run it: a backup first, then the pass.

use std::path::PathBuf;

use crate::ingest::duplicates::remerge_pending;
use crate::ingest::remerge::{RemergeReport, remerge};
use crate::your_data::backup::back_up;
use crate::{CoreError, Jobhound, time};

/// A remerge pass and the backup that undoes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RemergeOutcome {
    #[serde(flatten)]
    #[ts(flatten)]
    pub report: RemergeReport,
    /// The backup taken first: restoring it puts every job back as it was.
    pub backup: String,
}

impl Jobhound {
    /// Whether an upgrade's better duplicate rules have not yet been run over the jobs stored
    /// before it: the app runs [`Jobhound::remerge_jobs`] once at start when so.
    pub fn remerge_pending(&self) -> Result<bool, CoreError> {
        self.store.read(remerge_pending)
    }

    /// Backs the data up into the data dir's `backups` folder, then merges the stored jobs that
    /// the current rules find to be one job. `progress` hears (jobs compared, jobs in all).
    pub fn remerge_jobs(&self, progress: &mut dyn FnMut(u32, u32)) -> Result<RemergeOutcome, CoreError> {
        let folder = self.data_dir.join("backups");
        std::fs::create_dir_all(&folder)
            .map_err(|error| CoreError::Io { context: format!("cannot create {}", folder.display()), error })?;
        let stamp = time::now_rfc3339().replace(':', "");
        let backup: PathBuf = folder.join(format!("before-remerge-{stamp}.jobhound"));
        back_up(&self.store, &self.data_dir, &backup)?;
        let report = self.store.write(|tx| remerge(tx, progress))?;
        Ok(RemergeOutcome { report, backup: backup.display().to_string() })
    }
}

/// Where the start-up remerge pass is, for the window.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RemergeStatus {
    pub running: bool,
    /// Jobs compared so far, and in all.
    pub done: u32,
    pub total: u32,
    /// What the pass did, once it finished.
    pub outcome: Option<RemergeOutcome>,
    /// Why it stopped, if it failed (nothing was changed then: the pass is one transaction).
    pub error: Option<String>,
}

//! The person's data as a whole: export, backup and restore, deleting a job, forgetting everything.

use std::path::Path;

use crate::search::dashboard::{self, Dashboard};
use crate::search::jobs::JobQuery;
use crate::search::saved_views::{self, SavedView};
use crate::your_data::backup::{self, BackupReport, RestoreReport};
use crate::your_data::destinations::{self, Destinations};
use crate::your_data::export::{self, ExportFormat, ExportReport};
use crate::your_data::forget::{self, DeletedJob, ForgetReport};
use crate::your_data::import::{self, ImportFrom, ImportProgress, ImportReport};
use crate::{CoreError, Jobhound};

impl Jobhound {
    pub fn export_data(&self, format: ExportFormat, out: &Path) -> Result<ExportReport, CoreError> {
        export::export(self.store(), format, out)
    }

    /// Imports a JobSpy or JobFunnel CSV, merging with what is stored.
    pub fn import_file(&self, from: ImportFrom, path: &Path) -> Result<ImportReport, CoreError> {
        import::import_file(self.store(), from, path)
    }

    /// The same, in batches that each release the write lock, reporting progress after each.
    pub fn import_file_with_progress(
        &self,
        from: ImportFrom,
        path: &Path,
        on_progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport, CoreError> {
        import::import_file_with_progress(self.store(), from, path, on_progress)
    }

    /// The figures behind the dashboard's charts, for the last 30 days.
    pub fn dashboard(&self) -> Result<Dashboard, CoreError> {
        self.store().read(|connection| dashboard::dashboard(connection, chrono::Utc::now()))
    }

    pub fn saved_views(&self) -> Result<Vec<SavedView>, CoreError> {
        self.store().read(saved_views::list)
    }

    pub fn save_view(&self, name: &str, query: &JobQuery) -> Result<SavedView, CoreError> {
        self.store().write(|tx| saved_views::save(tx, name, query))
    }

    pub fn delete_view(&self, id: i64) -> Result<(), CoreError> {
        self.store().write(|tx| saved_views::delete(tx, id))
    }

    pub fn back_up(&self, out: &Path) -> Result<BackupReport, CoreError> {
        backup::back_up(self.store(), &self.data_dir, out)
    }

    pub fn restore(&self, file: &Path) -> Result<RestoreReport, CoreError> {
        backup::restore(self.store(), &self.data_dir, file)
    }

    /// Where Jobhound sends data besides the job boards, and whether a restore left that to confirm.
    pub fn destinations(&self) -> Result<Destinations, CoreError> {
        self.store().read(destinations::list)
    }

    /// The person has seen the restored destinations: sending may start.
    pub fn confirm_destinations(&self) -> Result<Destinations, CoreError> {
        self.store().write(destinations::confirm)?;
        self.destinations()
    }

    pub fn delete_job(&self, id: i64) -> Result<DeletedJob, CoreError> {
        forget::delete_job(self.store(), &self.data_dir, id)
    }

    /// Deletes every row, file and keychain entry Jobhound made. A key given through
    /// `JOBHOUND_LLM_API_KEY` is the environment's, not Jobhound's, and is left alone.
    pub fn forget_everything(&self) -> Result<ForgetReport, CoreError> {
        forget::forget_everything(self.store(), &self.data_dir, self.secrets.as_ref(), &forget::all_key_names())
    }
}

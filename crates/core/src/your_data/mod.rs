//! The user's data as a whole: back up and restore, export, import, forget, the demo data, and
//! destinations restored from a backup that wait for confirmation.

pub(crate) mod backup;
pub(crate) mod demo;
pub(crate) mod destinations;
pub(crate) mod export;
pub(crate) mod forget;
pub(crate) mod import;
pub(crate) mod service;

pub use backup::{BackupReport, RestoreReport};
pub use demo::DemoImport;
pub use destinations::Destinations;
pub use export::{CSV_HEADER, Export, ExportFormat, ExportReport};
pub use forget::{DeletedJob, ForgetReport};
pub use import::{ImportFrom, ImportProgress, ImportReport};

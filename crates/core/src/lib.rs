//! Jobhound's core: storage, the ingest pipeline and the services shared by the app and the CLI.
//! Nothing here knows about Tauri.

pub mod alerts;
mod app;
pub mod applying;
pub mod browser;
pub mod campaigns;
mod error;
mod error_code;
pub mod inbox;
pub mod ingest;
pub mod search;
pub mod store;
pub mod your_data;

pub use app::{AppStatus, Jobhound, SourceOverview};
pub use error::CoreError;
pub use error_code::ErrorCode;
pub use jobhound_pipeline::{dedup, normalize, parse_output, ranking, resume, time};
pub use jobhound_sources as sources;
pub use store::{MigrationReport, Store, latest_version};

/// How an error crosses to the UI or a script: a stable `code` to match on and a `message` for people.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    /// The form field the error is about, so the UI can show the message beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl From<&CoreError> for ErrorPayload {
    fn from(error: &CoreError) -> Self {
        Self { code: error.code(), message: error.to_string(), field: error.field().map(str::to_string) }
    }
}

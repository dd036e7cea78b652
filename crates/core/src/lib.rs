//! Jobhound's core: storage, the ingest pipeline and the services shared by the app and the CLI.
//! Nothing here knows about Tauri.

pub mod announce;
mod app;
pub mod application_service;
pub mod applications;
pub mod backup;
pub mod bench;
pub mod bindings;
pub mod campaign_run;
pub mod campaign_service;
pub mod campaigns;
pub mod dashboard;
pub mod data_export;
mod data_service;
mod db;
pub mod demo;
pub mod destinations;
mod error;
mod error_code;
pub mod fetching;
pub mod follow_ups;
pub mod forget;
pub mod import;
pub mod ingest;
pub mod job_filters;
pub mod jobs;
pub mod letter_service;
pub mod letters;
pub mod liveness;
pub mod llm_settings;
pub mod matches;
pub mod paths;
pub mod resume_service;
pub mod resumes;
pub mod runs;
pub mod saved_views;
pub mod scheduler;
pub mod search_index;
mod search_terms;
pub mod secrets;
pub mod settings;
pub mod skill_fit;
mod text_search;
pub mod watched;
pub mod webhook;

pub use app::{AppStatus, Jobhound, SourceOverview};
pub use db::{MigrationReport, Store, latest_version};
pub use error::CoreError;
pub use error_code::ErrorCode;
pub use jobhound_pipeline::{dedup, normalize, parse_output, ranking, time};
pub use jobhound_sources as sources;

/// How an error crosses to the UI or a script: a stable `code` to match on and a `message` for people.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, ts_rs::TS)]
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

//! Jobhound's core: storage, the ingest pipeline and the services shared by the app and the CLI.
//! Nothing here knows about Tauri.

mod app;
pub mod bench;
pub mod bindings;
mod db;
pub mod dedup;
pub mod demo;
mod error;
pub mod ingest;
pub mod jobs;
pub mod liveness;
pub mod normalize;
pub mod parse_output;
pub mod paths;
pub mod ranking;
mod runs;
pub mod search_index;
pub mod secrets;
pub mod settings;
pub mod time;
pub mod watched;

pub use app::{AppStatus, Jobhound, SourceOverview};
pub use db::{MigrationReport, Store, latest_version};
pub use error::CoreError;
pub use jobhound_sources as sources;

/// How an error crosses to the UI or a script: a stable `code` to match on and a `message` for people.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

impl From<&CoreError> for ErrorPayload {
    fn from(error: &CoreError) -> Self {
        Self { code: error.code().to_string(), message: error.to_string() }
    }
}

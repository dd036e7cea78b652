//! The browser's way in: jobs saved from a page by the "Save to Jobhound" extension, and the
//! native messaging protocol its host speaks (no network port is ever opened).

pub mod host_manifest;
mod messages;
pub mod native_messaging;
mod saved_jobs;
mod service;

pub use host_manifest::{Browser, HostStatus};
pub use saved_jobs::SavedFromBrowser;

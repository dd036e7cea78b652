//! Bringing jobs in: fetching sources, the write path that stores, merges and indexes postings,
//! liveness re-checks, watched sources and the record of each run.

pub(crate) mod duplicates;
pub(crate) mod fetching;
pub(crate) mod liveness;
mod recipe_editing;
mod recipe_model;
pub mod recipes;
pub(crate) mod remerge;
mod remerge_service;
pub(crate) mod runs;
pub(crate) mod watched;
pub(crate) mod write;

pub use liveness::RecheckReport;
pub use recipe_editing::RecipePage;
pub use remerge::RemergeReport;
pub use remerge_service::{RemergeOutcome, RemergeStatus};
pub use runs::{RunRecord, RunStatus};
pub use watched::{FetchReport, WatchedSource};

/// The write path's stages: the CLI's bench times them one by one on a bare `Store`, and the
/// integration tests store recorded postings through them.
pub use write::{PreparedPostings, ingest, ingest_prepared, prepare_postings};

#[cfg(test)]
mod tests;

//! What can stop a bench: the store or pipeline failing, or the scratch folder's files.

use jobhound_core::CoreError;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("{context}: {error}")]
    Io { context: String, error: std::io::Error },
    #[error("the baseline database: {0}")]
    Baseline(#[from] rusqlite::Error),
    #[error("the synthetic corpus did not parse: {0}")]
    Corpus(#[from] jobhound_sources::SourceError),
    #[error("the synthetic corpus is not JSON: {0}")]
    CorpusJson(#[from] serde_json::Error),
    #[error("{0}")]
    Internal(String),
}

//! Core's one error type, and the stable code each variant crosses IPC with.

use jobhound_sources::SourceError;

/// Everything that can go wrong in Jobhound's core. [`CoreError::code`] is the stable name the UI
/// and scripts match on; the `Display` text is written for the person reading it.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("cannot open the database at {path}: {reason}")]
    OpenDatabase { path: String, reason: String },
    #[error(
        "this database was written by a newer version of Jobhound (schema {database}; this version knows up to {app}). \
         Update Jobhound; the database was not changed."
    )]
    SchemaTooNew { database: i64, app: i64 },
    #[error("database migration {version} was changed after it was applied; refusing to continue")]
    MigrationEdited { version: i64 },
    #[error("database migration {version} failed: {reason}")]
    Migration { version: i64, reason: String },
    #[error("could not back up the database to {path} before migrating: {reason}")]
    Backup { path: String, reason: String },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("{context}: {error}")]
    Io {
        context: String,
        #[source]
        error: std::io::Error,
    },
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error("{0} was not found")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    /// A form field's value is not acceptable; `field` names it so the UI can show the message beside it.
    #[error("{message}")]
    InvalidField { field: &'static str, message: String },
    #[error("the system keychain is not available: {0}")]
    Keychain(String),
    #[error(transparent)]
    Document(#[from] jobhound_documents::DocumentError),
    #[error(transparent)]
    Llm(#[from] jobhound_llm::LlmError),
    /// Applying again to a company soon after an earlier application; the caller confirms first.
    #[error("{0}")]
    RecentlyApplied(String),
    /// A file offered for restore that is not a Jobhound backup this version can read.
    #[error("{0}")]
    NotABackup(String),
    /// Restored data names hosts Jobhound would send to; the person has not confirmed them yet.
    #[error("{0}")]
    DestinationsUnconfirmed(String),
    /// The stored key was entered for another address than the one it would now be sent to.
    #[error("{0}")]
    KeyForAnotherAddress(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl CoreError {
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::OpenDatabase { .. } => "database_open",
            CoreError::SchemaTooNew { .. } => "schema_too_new",
            CoreError::MigrationEdited { .. } | CoreError::Migration { .. } => "migration",
            CoreError::Backup { .. } => "backup",
            CoreError::Database(_) => "database",
            CoreError::Io { .. } => "io",
            CoreError::Source(error) => match error.kind() {
                jobhound_sources::SourceErrorKind::NotFound => "source_not_found",
                jobhound_sources::SourceErrorKind::RateLimited => "source_rate_limited",
                jobhound_sources::SourceErrorKind::Blocked => "source_blocked",
                jobhound_sources::SourceErrorKind::Server => "source_server",
                jobhound_sources::SourceErrorKind::Timeout => "source_timeout",
                jobhound_sources::SourceErrorKind::Network => "source_network",
                jobhound_sources::SourceErrorKind::Parse => "source_parse",
                jobhound_sources::SourceErrorKind::Input => "invalid_input",
                jobhound_sources::SourceErrorKind::MissingKey => "source_missing_key",
                jobhound_sources::SourceErrorKind::Paused => "source_paused",
                jobhound_sources::SourceErrorKind::Disabled => "source_disabled",
            },
            CoreError::Keychain(_) => "keychain",
            CoreError::Document(error) => match error {
                jobhound_documents::DocumentError::TooLarge { .. } => "file_too_large",
                jobhound_documents::DocumentError::Unsupported(_) => "unsupported_file",
                jobhound_documents::DocumentError::Corrupt { .. } => "corrupt_file",
                jobhound_documents::DocumentError::NoText => "no_text",
                jobhound_documents::DocumentError::Render { .. } => "render",
                jobhound_documents::DocumentError::Reader(_) => "document_reader",
            },
            CoreError::Llm(error) => error.code(),
            CoreError::RecentlyApplied(_) => "recently_applied",
            CoreError::NotFound(_) => "not_found",
            CoreError::InvalidInput(_) | CoreError::InvalidField { .. } => "invalid_input",
            CoreError::NotABackup(_) => "not_a_backup",
            CoreError::DestinationsUnconfirmed(_) => "destinations_unconfirmed",
            CoreError::KeyForAnotherAddress(_) => "key_for_another_address",
            CoreError::Internal(_) => "internal",
        }
    }
}

impl CoreError {
    /// The form field an input error is about, if it is about one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CoreError::InvalidField { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(error: serde_json::Error) -> Self {
        CoreError::Internal(format!("JSON: {error}"))
    }
}

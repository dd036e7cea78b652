//! Core's one error type, and the stable code each variant crosses IPC with.

use jobhound_sources::SourceError;

use crate::ErrorCode;

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
    #[error(transparent)]
    Inbox(#[from] jobhound_inbox::InboxError),
    /// No mailbox is connected, or it has no password.
    #[error("{0}")]
    InboxNotConfigured(String),
    #[error("the mailbox is already being checked; this check was not started")]
    InboxBusy,
    #[error("internal error: {0}")]
    Internal(String),
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        use jobhound_documents::DocumentError;
        use jobhound_sources::SourceErrorKind;
        match self {
            CoreError::OpenDatabase { .. } => ErrorCode::DatabaseOpen,
            CoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            CoreError::MigrationEdited { .. } | CoreError::Migration { .. } => ErrorCode::Migration,
            CoreError::Backup { .. } => ErrorCode::Backup,
            CoreError::Database(_) => ErrorCode::Database,
            CoreError::Io { .. } => ErrorCode::Io,
            CoreError::Source(error) => match error.kind() {
                SourceErrorKind::NotFound => ErrorCode::SourceNotFound,
                SourceErrorKind::RateLimited => ErrorCode::SourceRateLimited,
                SourceErrorKind::Blocked => ErrorCode::SourceBlocked,
                SourceErrorKind::Server => ErrorCode::SourceServer,
                SourceErrorKind::Timeout => ErrorCode::SourceTimeout,
                SourceErrorKind::Network => ErrorCode::SourceNetwork,
                SourceErrorKind::Parse => ErrorCode::SourceParse,
                SourceErrorKind::Input => ErrorCode::InvalidInput,
                SourceErrorKind::MissingKey => ErrorCode::SourceMissingKey,
                SourceErrorKind::Paused => ErrorCode::SourcePaused,
                SourceErrorKind::Disabled => ErrorCode::SourceDisabled,
            },
            CoreError::Keychain(_) => ErrorCode::Keychain,
            CoreError::Document(error) => match error {
                DocumentError::TooLarge { .. } => ErrorCode::FileTooLarge,
                DocumentError::Unsupported(_) => ErrorCode::UnsupportedFile,
                DocumentError::Corrupt { .. } => ErrorCode::CorruptFile,
                DocumentError::NoText => ErrorCode::NoText,
                DocumentError::Render { .. } => ErrorCode::Render,
                DocumentError::Reader(_) => ErrorCode::DocumentReader,
            },
            CoreError::Llm(error) => ErrorCode::from(error),
            CoreError::RecentlyApplied(_) => ErrorCode::RecentlyApplied,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::InvalidInput(_) | CoreError::InvalidField { .. } => ErrorCode::InvalidInput,
            CoreError::NotABackup(_) => ErrorCode::NotABackup,
            CoreError::DestinationsUnconfirmed(_) => ErrorCode::DestinationsUnconfirmed,
            CoreError::KeyForAnotherAddress(_) => ErrorCode::KeyForAnotherAddress,
            CoreError::Inbox(error) => {
                use jobhound_inbox::InboxError;
                match error {
                    InboxError::NotAMessage | InboxError::InvalidSettings { .. } => ErrorCode::InvalidInput,
                    InboxError::Connect { .. } | InboxError::Timeout(_) | InboxError::ConnectionLost(_) => {
                        ErrorCode::InboxUnreachable
                    }
                    InboxError::Tls { .. } => ErrorCode::InboxTls,
                    InboxError::LoginRefused(_) => ErrorCode::InboxLoginRefused,
                    InboxError::FolderMissing(_) => ErrorCode::InboxFolderMissing,
                    InboxError::Protocol { .. } => ErrorCode::InboxProtocol,
                }
            }
            CoreError::InboxNotConfigured(_) => ErrorCode::InboxNotConfigured,
            CoreError::InboxBusy => ErrorCode::InboxBusy,
            CoreError::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl CoreError {
    /// The form field an input error is about, if it is about one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CoreError::InvalidField { field, .. } => Some(field),
            CoreError::Inbox(jobhound_inbox::InboxError::InvalidSettings { field, .. }) => Some(field),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(error: serde_json::Error) -> Self {
        CoreError::Internal(format!("JSON: {error}"))
    }
}

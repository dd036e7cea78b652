//! The sources crate's one error type, classified so callers know whether to retry, pause or ask.

use std::time::Duration;

/// Why a source could not deliver its postings. Every message names what the user asked for.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("unknown source kind '{0}'")]
    UnknownKind(String),
    #[error("{what} was not found (HTTP 404): check the name or URL")]
    NotFound { what: String },
    #[error("{what} is rate-limiting requests (HTTP 429){}", retry_hint(*retry_after))]
    RateLimited { what: String, retry_after: Option<Duration> },
    #[error("{what} refused access (HTTP {status})")]
    Blocked { what: String, status: u16 },
    #[error("{what} answered with a server error (HTTP {status}); try again later")]
    Server { what: String, status: u16 },
    #[error("{what} answered HTTP {status}")]
    UnexpectedStatus { what: String, status: u16 },
    #[error("{what} did not answer within {} seconds", timeout.as_secs())]
    Timeout { what: String, timeout: Duration },
    #[error("could not reach {what}: {reason}")]
    Network { what: String, reason: String },
    #[error("{what} sent a response Jobhound could not read: {reason}")]
    Malformed { what: String, reason: String },
    #[error("'{input}' is not a {kind} board: {hint}")]
    BadParam { kind: &'static str, input: String, hint: &'static str },
    #[error("{source_name} needs the {key} key: add it in Settings → Source keys")]
    MissingKey { source_name: &'static str, key: &'static str },
    #[error("{what} is paused after {failures} failures in a row; Jobhound will try again after {until}")]
    Paused { what: String, failures: u32, until: String },
    #[error("{source_name} is turned off: {reason}")]
    NotEnabled { source_name: &'static str, reason: String },
    #[error("{what} asks to be fetched at most every {minutes} minutes; the next fetch is allowed after {next}")]
    TooSoon { what: String, minutes: u32, next: String },
    #[error("no jobs found at {url}: {reason}")]
    NoJobsFound { url: String, reason: String },
    /// A careers page that no recipe reads (the built-in finder's, or the stored one).
    #[error("no recipe reads the careers page {page}: {reason}")]
    NoRecipe { page: String, reason: String },
}

fn retry_hint(retry_after: Option<Duration>) -> String {
    retry_after.map(|wait| format!("; retry after {} seconds", wait.as_secs())).unwrap_or_default()
}

/// A coarse class of failure, stored with source health and shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceErrorKind {
    NotFound,
    RateLimited,
    Blocked,
    Server,
    Timeout,
    Network,
    Parse,
    Input,
    MissingKey,
    Paused,
    Disabled,
}

impl SourceErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceErrorKind::NotFound => "not_found",
            SourceErrorKind::RateLimited => "rate_limited",
            SourceErrorKind::Blocked => "blocked",
            SourceErrorKind::Server => "server",
            SourceErrorKind::Timeout => "timeout",
            SourceErrorKind::Network => "network",
            SourceErrorKind::Parse => "parse",
            SourceErrorKind::Input => "input",
            SourceErrorKind::MissingKey => "missing_key",
            SourceErrorKind::Paused => "paused",
            SourceErrorKind::Disabled => "disabled",
        }
    }
}

impl SourceError {
    pub fn kind(&self) -> SourceErrorKind {
        match self {
            SourceError::UnknownKind(_) | SourceError::BadParam { .. } => SourceErrorKind::Input,
            SourceError::NotFound { .. } | SourceError::NoJobsFound { .. } => SourceErrorKind::NotFound,
            SourceError::MissingKey { .. } => SourceErrorKind::MissingKey,
            SourceError::Paused { .. } => SourceErrorKind::Paused,
            SourceError::NotEnabled { .. } | SourceError::TooSoon { .. } => SourceErrorKind::Disabled,
            SourceError::RateLimited { .. } => SourceErrorKind::RateLimited,
            SourceError::Blocked { .. } => SourceErrorKind::Blocked,
            SourceError::Server { .. } | SourceError::UnexpectedStatus { .. } => SourceErrorKind::Server,
            SourceError::Timeout { .. } => SourceErrorKind::Timeout,
            SourceError::Network { .. } => SourceErrorKind::Network,
            SourceError::Malformed { .. } | SourceError::NoRecipe { .. } => SourceErrorKind::Parse,
        }
    }
}

impl SourceError {
    /// Failures worth retrying: the same request may well succeed a little later.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SourceError::RateLimited { .. }
                | SourceError::Server { .. }
                | SourceError::Timeout { .. }
                | SourceError::Network { .. }
        )
    }

    /// Replaces the generic subject of a parse error with the board or feed the user asked for.
    pub fn about(self, what: &str) -> Self {
        match self {
            SourceError::Malformed { reason, .. } => SourceError::Malformed { what: what.to_string(), reason },
            other => other,
        }
    }
}

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
        }
    }
}

impl SourceError {
    pub fn kind(&self) -> SourceErrorKind {
        match self {
            SourceError::UnknownKind(_) | SourceError::BadParam { .. } => SourceErrorKind::Input,
            SourceError::NotFound { .. } => SourceErrorKind::NotFound,
            SourceError::RateLimited { .. } => SourceErrorKind::RateLimited,
            SourceError::Blocked { .. } => SourceErrorKind::Blocked,
            SourceError::Server { .. } | SourceError::UnexpectedStatus { .. } => SourceErrorKind::Server,
            SourceError::Timeout { .. } => SourceErrorKind::Timeout,
            SourceError::Network { .. } => SourceErrorKind::Network,
            SourceError::Malformed { .. } => SourceErrorKind::Parse,
        }
    }
}

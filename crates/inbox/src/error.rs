#[derive(Debug, thiserror::Error)]
pub enum InboxError {
    #[error("the message could not be read: it is not an email")]
    NotAMessage,
    #[error("{message}")]
    InvalidSettings { field: &'static str, message: String },
    #[error("could not reach {host}:{port}: {reason}")]
    Connect { host: String, port: u16, reason: String },
    #[error("the secure connection to {host} failed: {reason}")]
    Tls { host: String, reason: String },
    #[error("the mail server refused the user name or app password: {0}")]
    LoginRefused(String),
    #[error("the folder \"{0}\" is not in this mailbox any more")]
    FolderMissing(String),
    #[error("the mail server did not answer in time while {0}")]
    Timeout(&'static str),
    #[error("the mail server closed the connection while {0}")]
    ConnectionLost(&'static str),
    #[error("the mail server answered something Jobhound cannot read while {doing}: {detail}")]
    Protocol { doing: &'static str, detail: String },
}

impl InboxError {
    /// Worth trying again later without the person changing anything.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Connect { .. } | Self::Timeout(_) | Self::ConnectionLost(_))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InboxError {
    #[error("the message could not be read: it is not an email")]
    NotAMessage,
}

//! The language-model client's one error type, with a stable code and whether retrying may help.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum LlmError {
    #[error("no model is set; choose one in Settings → Writing assistant")]
    NoModel,
    #[error("the endpoint URL {0:?} is not a valid http(s) URL")]
    BadUrl(String),
    #[error("refusing to send the key in clear text: {0}")]
    InsecureUrl(String),
    #[error("could not reach the language model at {url}: {detail}. Is the server running?")]
    Unreachable { url: String, detail: String },
    #[error("the language model server refused the API key (401): {0}")]
    Unauthorized(String),
    #[error(
        "the language model server is rate limiting requests (429), even after 3 retries: {0}. Wait a minute and retry"
    )]
    RateLimited(String),
    #[error("the language model did not answer within {0} seconds")]
    Timeout(u64),
    #[error("the language model server answered {status}: {message}")]
    Api { status: u16, message: String },
    #[error("the language model server sent an answer that could not be read: {0}")]
    BadResponse(String),
    #[error("the language model returned no text")]
    Empty,
    #[error("cancelled")]
    Cancelled,
}

impl LlmError {
    /// A stable code for the UI and scripts; the message is for people.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoModel => "llm_not_configured",
            Self::BadUrl(_) => "llm_bad_url",
            Self::InsecureUrl(_) => "llm_insecure_url",
            Self::Unreachable { .. } => "llm_unreachable",
            Self::Unauthorized(_) => "llm_unauthorized",
            Self::RateLimited(_) => "llm_rate_limited",
            Self::Timeout(_) => "llm_timeout",
            Self::Api { .. } => "llm_api_error",
            Self::BadResponse(_) | Self::Empty => "llm_bad_response",
            Self::Cancelled => "cancelled",
        }
    }

    /// Whether trying again unchanged might work (as opposed to fixing settings first).
    pub fn retryable(&self) -> bool {
        matches!(self, Self::Unreachable { .. } | Self::RateLimited(_) | Self::Timeout(_) | Self::Empty)
            || matches!(self, Self::Api { status, .. } if *status >= 500)
    }
}

//! Talking to an OpenAI-compatible chat endpoint (OpenAI itself, a local Ollama or LM Studio,
//! any compatible base URL): configuration, the prompts Jobhound sends, streaming with cancel,
//! and errors a person can act on. Knows nothing of storage or of the keychain.

mod client;
mod endpoint;
mod error;
mod insight;
mod mail_reply;
#[cfg(feature = "mock")]
pub mod mock;
pub mod prompts;

pub use client::{ChatMessage, Completion, ConnectionCheck, LlmClient, LlmConfig, MAX_ANSWER_BYTES, Role};
pub use endpoint::check_endpoint;
pub use error::LlmError;
pub use insight::{Insight, parse_insight};
pub use mail_reply::{MailReading, parse_mail_reading};
pub use tokio_util::sync::CancellationToken;

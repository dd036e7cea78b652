use std::time::Duration;

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use async_openai::types::chat::{
    ChatCompletionRequestMessage, ChatCompletionRequestSystemMessage, ChatCompletionRequestUserMessage,
    CreateChatCompletionRequestArgs,
};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::LlmError;

/// Where and how to ask. The key is passed in by the caller, who reads it from the keychain or
/// the environment; this crate never stores it.
#[derive(Debug, Clone)]
pub struct LlmConfig {
    /// The API root, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`.
    pub base_url: String,
    pub model: String,
    pub temperature: f32,
    pub api_key: Option<String>,
    /// The longest wait for the first word, and between words while streaming.
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub role: Role,
    pub content: String,
}

impl ChatMessage {
    pub fn system(content: impl Into<String>) -> Self {
        Self { role: Role::System, content: content.into() }
    }

    pub fn user(content: impl Into<String>) -> Self {
        Self { role: Role::User, content: content.into() }
    }
}

/// The whole answer and the model that wrote it (as the server names it).
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub text: String,
    pub model: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectionCheck {
    pub model: String,
    pub reply: String,
    pub elapsed_ms: u64,
}

pub struct LlmClient {
    client: Client<OpenAIConfig>,
    config: LlmConfig,
}

impl LlmClient {
    pub fn new(config: LlmConfig) -> Result<Self, LlmError> {
        let base_url = config.base_url.trim().trim_end_matches('/').to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) || base_url.len() < 10 {
            return Err(LlmError::BadUrl(config.base_url.clone()));
        }
        if config.model.trim().is_empty() {
            return Err(LlmError::NoModel);
        }
        // An empty key rather than none: async-openai would otherwise read OPENAI_API_KEY from
        // the environment, and Jobhound's key must come only from where the user put it.
        let openai_config =
            OpenAIConfig::new().with_api_base(&base_url).with_api_key(config.api_key.clone().unwrap_or_default());
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|error| LlmError::Unreachable { url: base_url.clone(), detail: error.to_string() })?;
        let config = LlmConfig { base_url, ..config };
        Ok(Self { client: Client::build(http, openai_config), config })
    }

    pub fn model(&self) -> &str {
        &self.config.model
    }

    /// One tiny completion: proves the URL, the key and the model name together.
    pub async fn test_connection(&self) -> Result<ConnectionCheck, LlmError> {
        let started = std::time::Instant::now();
        let messages = vec![ChatMessage::user("Reply with the single word OK.")];
        let completion = self.complete(&messages).await?;
        Ok(ConnectionCheck {
            model: completion.model,
            reply: completion.text.chars().take(80).collect(),
            elapsed_ms: started.elapsed().as_millis() as u64,
        })
    }

    /// The whole answer in one response (no streaming).
    pub async fn complete(&self, messages: &[ChatMessage]) -> Result<Completion, LlmError> {
        let request = self.request(messages, false)?;
        let response = tokio::time::timeout(self.config.timeout, self.client.chat().create(request))
            .await
            .map_err(|_| LlmError::Timeout(self.config.timeout.as_secs()))?
            .map_err(|error| self.classify(error))?;
        let text = response.choices.into_iter().find_map(|choice| choice.message.content).unwrap_or_default();
        if text.trim().is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(Completion { text, model: non_empty_or(response.model, &self.config.model) })
    }

    /// The answer as it is written: `on_text` sees every piece in order. Cancel stops reading at
    /// once; the caller decides what to do with what it has seen.
    pub async fn stream(
        &self,
        messages: &[ChatMessage],
        cancel: &CancellationToken,
        mut on_text: impl FnMut(&str),
    ) -> Result<Completion, LlmError> {
        let request = self.request(messages, true)?;
        let timeout = self.config.timeout;
        let chat = self.client.chat();
        let mut stream = tokio::select! {
            () = cancel.cancelled() => return Err(LlmError::Cancelled),
            opened = tokio::time::timeout(timeout, chat.create_stream(request)) => {
                opened.map_err(|_| LlmError::Timeout(timeout.as_secs()))?.map_err(|error| self.classify(error))?
            }
        };
        let mut text = String::new();
        let mut model = String::new();
        loop {
            let next = tokio::select! {
                () = cancel.cancelled() => return Err(LlmError::Cancelled),
                next = tokio::time::timeout(timeout, stream.next()) => next.map_err(|_| LlmError::Timeout(timeout.as_secs()))?,
            };
            let Some(chunk) = next else { break };
            let chunk = chunk.map_err(|error| self.classify(error))?;
            if model.is_empty() {
                model = chunk.model;
            }
            for piece in chunk.choices.into_iter().filter_map(|choice| choice.delta.content) {
                if !piece.is_empty() {
                    on_text(&piece);
                    text.push_str(&piece);
                }
            }
        }
        if text.trim().is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(Completion { text, model: non_empty_or(model, &self.config.model) })
    }

    fn request(
        &self,
        messages: &[ChatMessage],
        stream: bool,
    ) -> Result<async_openai::types::chat::CreateChatCompletionRequest, LlmError> {
        let messages: Vec<ChatCompletionRequestMessage> = messages
            .iter()
            .map(|message| match message.role {
                Role::System => ChatCompletionRequestSystemMessage::from(message.content.as_str()).into(),
                Role::User => ChatCompletionRequestUserMessage::from(message.content.as_str()).into(),
            })
            .collect();
        let mut args = CreateChatCompletionRequestArgs::default();
        args.model(self.config.model.clone()).messages(messages).temperature(self.config.temperature.clamp(0.0, 2.0));
        if stream {
            args.stream(true);
        }
        args.build().map_err(|error| LlmError::BadResponse(error.to_string()))
    }

    fn classify(&self, error: OpenAIError) -> LlmError {
        match error {
            OpenAIError::Reqwest(error) if error.is_timeout() => LlmError::Timeout(self.config.timeout.as_secs()),
            OpenAIError::Reqwest(error) if error.is_connect() || error.is_request() => {
                LlmError::Unreachable { url: self.config.base_url.clone(), detail: root_cause(&error) }
            }
            OpenAIError::Reqwest(error) => LlmError::BadResponse(root_cause(&error)),
            OpenAIError::ApiError(response) => {
                let message = shorten(&response.api_error.message);
                match response.status_code.as_u16() {
                    401 | 403 => LlmError::Unauthorized(message),
                    429 => LlmError::RateLimited(message),
                    404 => LlmError::Api {
                        status: 404,
                        message: format!(
                            "{message} (check the model name {:?} and that the URL ends in /v1)",
                            self.config.model
                        ),
                    },
                    status => LlmError::Api { status, message },
                }
            }
            OpenAIError::JSONDeserialize(error, content) => {
                LlmError::BadResponse(format!("{error}; it began {:?}", shorten(&content)))
            }
            // Statuses arrive as ApiError before a stream opens; this is a broken stream.
            OpenAIError::StreamError(error) => LlmError::BadResponse(error.to_string()),
            other => LlmError::BadResponse(other.to_string()),
        }
    }
}

fn non_empty_or(value: String, fallback: &str) -> String {
    if value.trim().is_empty() { fallback.to_string() } else { value }
}

fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 300 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(300).collect::<String>())
    }
}

/// reqwest's top-level message ("error sending request") hides why; the innermost cause says it.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}

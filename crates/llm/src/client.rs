//! The chat client: one request to `/chat/completions`, whole or streamed, every body read through
//! a cap.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use crate::LlmError;

/// Where and how to ask. The key is passed in by the caller, who reads it from the keychain or
/// the environment; this crate never stores it, and `Debug` never prints it.
#[derive(Clone)]
pub struct LlmConfig {
    /// The API root, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`.
    pub base_url: String,
    pub model: String,
    pub temperature: f32,
    pub api_key: Option<String>,
    /// The longest wait for the first word, and between words while streaming.
    pub timeout: Duration,
    /// The person confirmed that plain http:// to a private network address is fine.
    pub allow_http_on_private_network: bool,
}

impl std::fmt::Debug for LlmConfig {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("LlmConfig")
            .field("base_url", &self.base_url)
            .field("model", &self.model)
            .field("temperature", &self.temperature)
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("timeout", &self.timeout)
            .field("allow_http_on_private_network", &self.allow_http_on_private_network)
            .finish()
    }
}

/// The longest answer kept: a cover letter is a few kilobytes; a server that streams without end
/// is cut off instead of filling memory.
pub const MAX_ANSWER_BYTES: usize = 256 * 1024;
/// The most bytes read of one response body (a whole answer with its JSON around it, an error
/// body, or one line of a stream).
pub const MAX_RESPONSE_BYTES: usize = 2 * 1024 * 1024;
/// Rate limits and server errors are tried again this many times, 100, 200 and 400 ms apart.
const RETRIES: u32 = 3;

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
    http: reqwest::Client,
    config: LlmConfig,
}

/// Talks to `{base_url}/chat/completions` directly with reqwest, reading every body through a
/// cap: a server (or whoever answers at its address) cannot make Jobhound read gigabytes.
impl LlmClient {
    pub fn new(config: LlmConfig) -> Result<Self, LlmError> {
        let base_url = config.base_url.trim().trim_end_matches('/').to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) || base_url.len() < 10 {
            return Err(LlmError::BadUrl(config.base_url.clone()));
        }
        crate::check_endpoint(&base_url, config.allow_http_on_private_network)?;
        if config.model.trim().is_empty() {
            return Err(LlmError::NoModel);
        }
        // No redirects: a redirect to another host would carry the key there.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|error| LlmError::Unreachable { url: base_url.clone(), detail: error.to_string() })?;
        let config = LlmConfig { base_url, ..config };
        Ok(Self { http, config })
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
        let timeout = self.config.timeout;
        let answer = tokio::time::timeout(timeout, async {
            let response = self.post(messages, false).await?;
            let bytes = self.read_capped(response, MAX_RESPONSE_BYTES).await?;
            serde_json::from_slice::<Value>(&bytes).map_err(|error| {
                LlmError::BadResponse(format!("{error}; it began {:?}", shorten(&String::from_utf8_lossy(&bytes))))
            })
        })
        .await
        .map_err(|_| LlmError::Timeout(timeout.as_secs()))??;
        let text = answer["choices"]
            .as_array()
            .and_then(|choices| choices.iter().find_map(|choice| choice["message"]["content"].as_str()))
            .unwrap_or_default()
            .to_string();
        if text.len() > MAX_ANSWER_BYTES {
            return Err(too_long());
        }
        if text.trim().is_empty() {
            return Err(LlmError::Empty);
        }
        let model = answer["model"].as_str().unwrap_or_default().to_string();
        Ok(Completion { text, model: non_empty_or(model, &self.config.model) })
    }

    /// The answer as it is written: `on_text` sees every piece in order. Cancel stops reading at
    /// once; the caller decides what to do with what it has seen.
    pub async fn stream(
        &self,
        messages: &[ChatMessage],
        cancel: &CancellationToken,
        mut on_text: impl FnMut(&str),
    ) -> Result<Completion, LlmError> {
        let timeout = self.config.timeout;
        let mut response = tokio::select! {
            () = cancel.cancelled() => return Err(LlmError::Cancelled),
            opened = tokio::time::timeout(timeout, self.post(messages, true)) => {
                opened.map_err(|_| LlmError::Timeout(timeout.as_secs()))??
            }
        };
        let mut text = String::new();
        let mut model = String::new();
        let mut pending: Vec<u8> = Vec::new();
        'reading: loop {
            let next = tokio::select! {
                () = cancel.cancelled() => return Err(LlmError::Cancelled),
                next = tokio::time::timeout(timeout, response.chunk()) => next.map_err(|_| LlmError::Timeout(timeout.as_secs()))?,
            };
            let Some(chunk) = next.map_err(|error| self.transport(&error))? else { break };
            pending.extend_from_slice(&chunk);
            while let Some(end) = pending.iter().position(|&byte| byte == b'\n') {
                let line: Vec<u8> = pending.drain(..=end).collect();
                match stream_event(&line)? {
                    StreamEvent::Done => break 'reading,
                    StreamEvent::Skip => {}
                    StreamEvent::Piece { piece, model: named } => {
                        if model.is_empty() {
                            model = named;
                        }
                        if text.len() + piece.len() > MAX_ANSWER_BYTES {
                            return Err(too_long());
                        }
                        if !piece.is_empty() {
                            on_text(&piece);
                            text.push_str(&piece);
                        }
                    }
                }
            }
            if pending.len() > MAX_RESPONSE_BYTES {
                return Err(LlmError::BadResponse("one event of the stream is larger than any answer".into()));
            }
        }
        if text.trim().is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(Completion { text, model: non_empty_or(model, &self.config.model) })
    }

    /// POSTs the chat request; rate limits and server errors are tried again before an answer
    /// starts, as OpenAI's own clients do.
    async fn post(&self, messages: &[ChatMessage], stream: bool) -> Result<reqwest::Response, LlmError> {
        let mut body = json!({
            "model": self.config.model,
            "messages": messages,
            "temperature": self.config.temperature.clamp(0.0, 2.0),
        });
        if stream {
            body["stream"] = json!(true);
        }
        let url = format!("{}/chat/completions", self.config.base_url);
        let mut attempt = 0;
        loop {
            let mut request = self.http.post(&url).json(&body);
            if let Some(key) = self.config.api_key.as_deref().filter(|key| !key.is_empty()) {
                request = request.bearer_auth(key);
            }
            let response = request.send().await.map_err(|error| self.transport(&error))?;
            let status = response.status();
            if status.is_success() {
                return Ok(response);
            }
            let retry = (status.as_u16() == 429 || status.is_server_error()) && attempt < RETRIES;
            let message = self.error_message(response).await;
            if !retry {
                return Err(self.status_error(status.as_u16(), message));
            }
            tokio::time::sleep(Duration::from_millis(100 << attempt)).await;
            attempt += 1;
        }
    }

    async fn read_capped(&self, mut response: reqwest::Response, cap: usize) -> Result<Vec<u8>, LlmError> {
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| self.transport(&error))? {
            if body.len() + chunk.len() > cap {
                return Err(LlmError::BadResponse(format!(
                    "the answer is larger than {} KiB, far longer than a letter",
                    cap / 1024
                )));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// The message of an OpenAI-style error body, or the start of whatever the body was.
    async fn error_message(&self, response: reqwest::Response) -> String {
        let body = self.read_capped(response, 64 * 1024).await.unwrap_or_default();
        let text = String::from_utf8_lossy(&body);
        let message = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|value| value["error"]["message"].as_str().map(str::to_string))
            .unwrap_or_else(|| text.to_string());
        shorten(&message)
    }

    fn status_error(&self, status: u16, message: String) -> LlmError {
        match status {
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

    fn transport(&self, error: &reqwest::Error) -> LlmError {
        if error.is_timeout() {
            LlmError::Timeout(self.config.timeout.as_secs())
        } else if error.is_connect() || error.is_request() {
            LlmError::Unreachable { url: self.config.base_url.clone(), detail: root_cause(error) }
        } else {
            LlmError::BadResponse(root_cause(error))
        }
    }
}

fn too_long() -> LlmError {
    LlmError::BadResponse(format!(
        "the answer grew past {} KiB, far longer than a letter; it was cut off",
        MAX_ANSWER_BYTES / 1024
    ))
}

enum StreamEvent {
    Piece { piece: String, model: String },
    Skip,
    Done,
}

/// One line of a server-sent event stream: `data: {json}`, `data: [DONE]`, or anything else
/// (blank lines, comments, other fields) to skip.
fn stream_event(line: &[u8]) -> Result<StreamEvent, LlmError> {
    let line = String::from_utf8_lossy(line);
    let Some(data) = line.trim_end().strip_prefix("data:").map(str::trim) else { return Ok(StreamEvent::Skip) };
    if data == "[DONE]" {
        return Ok(StreamEvent::Done);
    }
    let event: Value = serde_json::from_str(data)
        .map_err(|error| LlmError::BadResponse(format!("{error}; it began {:?}", shorten(data))))?;
    if let Some(message) = event["error"]["message"].as_str() {
        return Err(LlmError::BadResponse(shorten(message)));
    }
    let piece = event["choices"]
        .as_array()
        .map(|choices| choices.iter().filter_map(|choice| choice["delta"]["content"].as_str()).collect::<String>())
        .unwrap_or_default();
    Ok(StreamEvent::Piece { piece, model: event["model"].as_str().unwrap_or_default().to_string() })
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

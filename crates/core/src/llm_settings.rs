//! Where the writing assistant's language model lives. The API key is a secret: it is kept in
//! the OS keychain (or given by `JOBHOUND_LLM_API_KEY`), never in SQLite, logs or the UI.

use std::time::Duration;

use jobhound_llm::LlmConfig;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::secrets::SecretStore;
use crate::{CoreError, settings};

pub const BASE_URL: &str = "llm.base_url";
pub const MODEL: &str = "llm.model";
pub const TEMPERATURE: &str = "llm.temperature";
pub const TIMEOUT_SECONDS: &str = "llm.timeout_seconds";
/// The keychain entry's name.
pub const API_KEY: &str = "llm.api_key";
pub const API_KEY_ENV: &str = "JOBHOUND_LLM_API_KEY";

/// Ollama's OpenAI-compatible address: a local model is the private default.
pub const DEFAULT_BASE_URL: &str = "http://localhost:11434/v1";
pub const DEFAULT_TEMPERATURE: f32 = 0.7;
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 120;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LlmSettings {
    pub base_url: String,
    pub model: String,
    pub temperature: f32,
    pub timeout_seconds: u32,
}

/// What the UI learns about the key: whether one is set and where from; never the key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LlmSettingsView {
    #[serde(flatten)]
    pub settings: LlmSettings,
    pub api_key_set: bool,
    /// "environment", "keychain" or "none".
    pub api_key_source: String,
    /// Why the keychain could not be read, when it could not.
    pub keychain_error: Option<String>,
}

/// What "Test connection" found: the model that answered, its reply and how long it took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LlmConnection {
    pub model: String,
    pub reply: String,
    pub elapsed_ms: u64,
}

pub fn get(connection: &Connection) -> Result<LlmSettings, CoreError> {
    let number = |key, default: f64| -> Result<f64, CoreError> {
        Ok(settings::get(connection, key)?.and_then(|value| value.parse().ok()).unwrap_or(default))
    };
    Ok(LlmSettings {
        base_url: settings::get(connection, BASE_URL)?.unwrap_or_else(|| DEFAULT_BASE_URL.to_string()),
        model: settings::get(connection, MODEL)?.unwrap_or_default(),
        temperature: number(TEMPERATURE, f64::from(DEFAULT_TEMPERATURE))? as f32,
        timeout_seconds: number(TIMEOUT_SECONDS, f64::from(DEFAULT_TIMEOUT_SECONDS))? as u32,
    })
}

pub fn validate(settings: &LlmSettings) -> Result<(), CoreError> {
    let url = settings.base_url.trim();
    let parsed =
        url::Url::parse(url).ok().filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some());
    if parsed.is_none() {
        return Err(CoreError::InvalidField {
            field: "base_url",
            message: format!("\"{url}\" is not an http(s) address, e.g. http://localhost:11434/v1."),
        });
    }
    if !(0.0..=2.0).contains(&settings.temperature) || settings.temperature.is_nan() {
        return Err(CoreError::InvalidField { field: "temperature", message: "Temperature goes from 0 to 2.".into() });
    }
    if !(5..=900).contains(&settings.timeout_seconds) {
        return Err(CoreError::InvalidField {
            field: "timeout_seconds",
            message: "The timeout goes from 5 to 900 seconds.".into(),
        });
    }
    Ok(())
}

pub fn set(tx: &Transaction<'_>, value: &LlmSettings) -> Result<(), CoreError> {
    validate(value)?;
    settings::set(tx, BASE_URL, value.base_url.trim().trim_end_matches('/'))?;
    settings::set(tx, MODEL, value.model.trim())?;
    settings::set(tx, TEMPERATURE, &value.temperature.to_string())?;
    settings::set(tx, TIMEOUT_SECONDS, &value.timeout_seconds.to_string())
}

/// The key from the environment when set there, else from the keychain.
pub fn api_key(secrets: &dyn SecretStore) -> Result<(Option<String>, &'static str), CoreError> {
    if let Some(key) = std::env::var(API_KEY_ENV).ok().filter(|key| !key.trim().is_empty()) {
        return Ok((Some(key.trim().to_string()), "environment"));
    }
    match secrets.get(API_KEY)? {
        Some(key) if !key.is_empty() => Ok((Some(key), "keychain")),
        _ => Ok((None, "none")),
    }
}

pub fn view(settings: LlmSettings, secrets: &dyn SecretStore) -> LlmSettingsView {
    let (key, source, keychain_error) = match api_key(secrets) {
        Ok((key, source)) => (key, source, None),
        Err(error) => (None, "none", Some(error.to_string())),
    };
    LlmSettingsView { settings, api_key_set: key.is_some(), api_key_source: source.to_string(), keychain_error }
}

pub fn config(settings: &LlmSettings, api_key: Option<String>) -> LlmConfig {
    LlmConfig {
        base_url: settings.base_url.clone(),
        model: settings.model.clone(),
        temperature: settings.temperature,
        api_key,
        timeout: Duration::from_secs(u64::from(settings.timeout_seconds.max(1))),
    }
}

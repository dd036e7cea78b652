//! Where the writing assistant's language model lives. The API key is a secret: it is kept in
//! the OS keychain (or given by `JOBHOUND_LLM_API_KEY`), never in SQLite, logs or the UI.

use std::time::Duration;

use jobhound_llm::LlmConfig;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::secrets::SecretStore;
use crate::{CoreError, store::settings};

pub const BASE_URL: &str = "llm.base_url";
pub const MODEL: &str = "llm.model";
pub const TEMPERATURE: &str = "llm.temperature";
pub const TIMEOUT_SECONDS: &str = "llm.timeout_seconds";
pub const ALLOW_HTTP_ON_PRIVATE_NETWORK: &str = "llm.allow_http_on_private_network";
/// The keychain entry's name.
pub const API_KEY: &str = "llm.api_key";
/// The keychain entry holding the origin (scheme, host, port) the key was entered for. It lives
/// beside the key, not in SQLite, so a restored database cannot move it.
pub const API_KEY_ORIGIN: &str = "llm.api_key_origin";
pub const API_KEY_ENV: &str = "JOBHOUND_LLM_API_KEY";

/// Ollama's OpenAI-compatible address: a local model is the private default.
pub const DEFAULT_BASE_URL: &str = "http://localhost:11434/v1";
pub const DEFAULT_TEMPERATURE: f32 = 0.7;
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 120;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LlmSettings {
    pub base_url: String,
    pub model: String,
    pub temperature: f32,
    pub timeout_seconds: u32,
    /// The person confirmed that plain http:// to an address on their own network is fine.
    #[serde(default)]
    pub allow_http_on_private_network: bool,
}

/// What the UI learns about the key: whether one is set and where from; never the key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LlmSettingsView {
    #[serde(flatten)]
    pub settings: LlmSettings,
    pub api_key_set: bool,
    /// "environment", "keychain" or "none".
    pub api_key_source: String,
    /// Why the keychain could not be read, when it could not.
    pub keychain_error: Option<String>,
    /// The address the stored key was entered for; it is sent nowhere else.
    pub api_key_origin: Option<String>,
}

/// What "Test connection" found: the model that answered, its reply and how long it took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
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
        allow_http_on_private_network: settings::get_bool(connection, ALLOW_HTTP_ON_PRIVATE_NETWORK)?,
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
    if let Err(error) = jobhound_llm::check_endpoint(url, settings.allow_http_on_private_network) {
        return Err(CoreError::InvalidField { field: "base_url", message: error.to_string() });
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
    settings::set(tx, TIMEOUT_SECONDS, &value.timeout_seconds.to_string())?;
    settings::set(tx, ALLOW_HTTP_ON_PRIVATE_NETWORK, if value.allow_http_on_private_network { "true" } else { "false" })
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

/// The origin a key is bound to: scheme, host and port, as the browser's same-origin rule reads them.
pub fn origin(base_url: &str) -> Option<String> {
    url::Url::parse(base_url.trim())
        .ok()
        .map(|url| url.origin().ascii_serialization())
        .filter(|origin| origin != "null")
}

/// Stores the key with the origin of the address it is entered for.
pub fn store_key(secrets: &dyn SecretStore, key: &str, base_url: &str) -> Result<(), CoreError> {
    let origin = origin(base_url).ok_or_else(|| CoreError::InvalidField {
        field: "base_url",
        message: "Set the writing assistant's address before its key.".into(),
    })?;
    secrets.set(API_KEY, key)?;
    secrets.set(API_KEY_ORIGIN, &origin)
}

pub fn delete_key(secrets: &dyn SecretStore) -> Result<(), CoreError> {
    secrets.delete(API_KEY)?;
    secrets.delete(API_KEY_ORIGIN)
}

/// The key to send to `base_url`: the environment's as it is (the person set it for this run),
/// the keychain's only to the origin it was entered for. A key stored before keys were bound is
/// bound to the address it is first sent to.
pub fn key_for(secrets: &dyn SecretStore, base_url: &str) -> Result<Option<String>, CoreError> {
    let (key, source) = api_key(secrets)?;
    let Some(key) = key else { return Ok(None) };
    if source == "environment" {
        return Ok(Some(key));
    }
    let target = origin(base_url).unwrap_or_default();
    match secrets.get(API_KEY_ORIGIN)? {
        Some(bound) if bound == target => Ok(Some(key)),
        Some(bound) => Err(CoreError::KeyForAnotherAddress(format!(
            "The writing assistant's key was entered for {bound}, so it is not sent to {target}. \
             Enter the key again under Settings → Writing assistant to use it with the new address."
        ))),
        None => {
            secrets.set(API_KEY_ORIGIN, &target)?;
            Ok(Some(key))
        }
    }
}

pub fn view(settings: LlmSettings, secrets: &dyn SecretStore) -> LlmSettingsView {
    let (key, source, keychain_error) = match api_key(secrets) {
        Ok((key, source)) => (key, source, None),
        Err(error) => (None, "none", Some(error.to_string())),
    };
    let api_key_origin = if source == "keychain" { secrets.get(API_KEY_ORIGIN).ok().flatten() } else { None };
    LlmSettingsView {
        settings,
        api_key_set: key.is_some(),
        api_key_source: source.to_string(),
        keychain_error,
        api_key_origin,
    }
}

pub fn config(settings: &LlmSettings, api_key: Option<String>) -> LlmConfig {
    LlmConfig {
        base_url: settings.base_url.clone(),
        model: settings.model.clone(),
        temperature: settings.temperature,
        api_key,
        timeout: Duration::from_secs(u64::from(settings.timeout_seconds.max(1))),
        allow_http_on_private_network: settings.allow_http_on_private_network,
    }
}

//! Source API keys live only in the OS keychain; the app and the UI learn only whether one is set.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::sources::{Credentials, SourceKind};

const SERVICE: &str = "app.jobhound.desktop";

pub trait SecretStore: Send + Sync {
    fn get(&self, name: &str) -> Result<Option<String>, CoreError>;
    fn set(&self, name: &str, value: &str) -> Result<(), CoreError>;
    fn delete(&self, name: &str) -> Result<(), CoreError>;
}

/// The store to use: the OS keychain, unless `JOBHOUND_KEYCHAIN=memory` asks for an in-memory
/// store (tests, and machines without a keychain service, where keys then last one session).
pub fn from_env() -> std::sync::Arc<dyn SecretStore> {
    match std::env::var("JOBHOUND_KEYCHAIN").as_deref() {
        Ok("memory") => std::sync::Arc::new(MemorySecrets::default()),
        _ => std::sync::Arc::new(Keychain),
    }
}

/// The keychain through keyring-core's default store: the platform's (Secret Service on Linux,
/// Keychain on macOS, Credential Manager on Windows) unless one was chosen first, such as
/// keyring-core's mock store in tests.
#[derive(Debug, Default)]
pub struct Keychain;

/// What the person can do when this system's keychain refuses, naming only what it has.
#[cfg(target_os = "macos")]
pub const KEYCHAIN_HINT: &str =
    "The macOS Keychain refused it: open Keychain Access, unlock the login keychain, and allow Jobhound when asked";
#[cfg(target_os = "windows")]
pub const KEYCHAIN_HINT: &str =
    "Windows Credential Manager refused it: check that Credential Manager works for your account";
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
pub const KEYCHAIN_HINT: &str =
    "A Secret Service such as GNOME Keyring or KeePassXC must be running and unlocked (over D-Bus)";

fn keychain_error(error: keyring_core::Error) -> CoreError {
    CoreError::Keychain(match error {
        keyring_core::Error::NoStorageAccess(_)
        | keyring_core::Error::PlatformFailure(_)
        | keyring_core::Error::NoDefaultStore => format!("{error}. {KEYCHAIN_HINT}"),
        other => other.to_string(),
    })
}

fn entry(name: &str) -> Result<keyring_core::Entry, CoreError> {
    if keyring_core::get_default_store().is_none() {
        // Installs the platform store as keyring-core's default, once.
        if let Err(error) = keyring::Entry::store_status() {
            return Err(keychain_error(clone_error(error)));
        }
    }
    keyring_core::Entry::new(SERVICE, name).map_err(keychain_error)
}

fn clone_error(error: &keyring_core::Error) -> keyring_core::Error {
    keyring_core::Error::PlatformFailure(error.to_string().into())
}

impl SecretStore for Keychain {
    fn get(&self, name: &str) -> Result<Option<String>, CoreError> {
        match entry(name)?.get_password() {
            Ok(value) => Ok(Some(value)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(error) => Err(keychain_error(error)),
        }
    }

    fn set(&self, name: &str, value: &str) -> Result<(), CoreError> {
        entry(name)?.set_password(value).map_err(keychain_error)
    }

    fn delete(&self, name: &str) -> Result<(), CoreError> {
        match entry(name)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(error) => Err(keychain_error(error)),
        }
    }
}

/// Secrets held in memory, for tests and for runs that must not touch the user's keychain.
/// `Debug` names the keys, never their values.
#[derive(Default)]
pub struct MemorySecrets {
    values: Mutex<HashMap<String, String>>,
}

impl std::fmt::Debug for MemorySecrets {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<String> =
            self.values.lock().map(|values| values.keys().cloned().collect()).unwrap_or_default();
        names.sort_unstable();
        formatter.debug_struct("MemorySecrets").field("keys", &names).finish()
    }
}

impl SecretStore for MemorySecrets {
    fn get(&self, name: &str) -> Result<Option<String>, CoreError> {
        Ok(self.values.lock().map_err(|_| CoreError::Internal("secret store poisoned".into()))?.get(name).cloned())
    }

    fn set(&self, name: &str, value: &str) -> Result<(), CoreError> {
        self.values
            .lock()
            .map_err(|_| CoreError::Internal("secret store poisoned".into()))?
            .insert(name.to_string(), value.to_string());
        Ok(())
    }

    fn delete(&self, name: &str) -> Result<(), CoreError> {
        self.values.lock().map_err(|_| CoreError::Internal("secret store poisoned".into()))?.remove(name);
        Ok(())
    }
}

/// Whether a source's key is set; never the key itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeyStatus {
    pub name: String,
    pub label: String,
    pub required: bool,
    pub is_set: bool,
}

pub fn is_known_key(name: &str) -> bool {
    SourceKind::ALL.iter().any(|kind| kind.info().keys.iter().any(|key| key.name == name))
}

pub fn key_statuses(store: &dyn SecretStore, kind: SourceKind) -> Vec<KeyStatus> {
    kind.info()
        .keys
        .iter()
        .map(|key| KeyStatus {
            name: key.name.to_string(),
            label: key.label.to_string(),
            required: key.required,
            // An unreachable keychain shows as "not set"; fetching then says which key is missing.
            is_set: store.get(key.name).ok().flatten().is_some_and(|value| !value.is_empty()),
        })
        .collect()
}

/// The keys `kind` uses, read from the store. A keychain that cannot be read is an error only
/// for a source that needs a key.
pub fn credentials_for(store: &dyn SecretStore, kind: SourceKind) -> Result<Credentials, CoreError> {
    let mut credentials = Credentials::default();
    for key in kind.info().keys {
        match store.get(key.name) {
            Ok(Some(value)) => credentials.insert(key.name, &value),
            Ok(None) => {}
            Err(error) if key.required => return Err(error),
            Err(error) => tracing::warn!("optional key {} not read: {error}", key.name),
        }
    }
    Ok(credentials)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_refused_keychain_names_only_this_systems_keychain() {
        let said = keychain_error(keyring_core::Error::NoDefaultStore).to_string();
        let linux = said.contains("Secret Service") || said.contains("D-Bus");
        assert_eq!(linux, cfg!(not(any(target_os = "macos", target_os = "windows"))), "{said}");
        assert_eq!(said.contains("Keychain Access"), cfg!(target_os = "macos"), "{said}");
        assert_eq!(said.contains("Credential Manager"), cfg!(target_os = "windows"), "{said}");
    }

    use super::*;

    #[test]
    fn debug_output_names_keys_but_never_shows_them() {
        let secrets = MemorySecrets::default();
        secrets.set("llm.api_key", "sk-very-secret").unwrap_or_else(|error| panic!("{error}"));
        let credentials = Credentials::default().with("jsearch_api_key", "rapid-secret");
        let shown = format!("{secrets:?} {credentials:?}");
        assert!(shown.contains("llm.api_key") && shown.contains("jsearch_api_key"), "{shown}");
        assert!(!shown.contains("sk-very-secret") && !shown.contains("rapid-secret"), "{shown}");
    }
}

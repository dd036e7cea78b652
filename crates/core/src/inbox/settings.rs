//! Where the person's mailbox is, which folders are watched, from which day, and whether sure
//! proposals apply themselves. The app password is a secret: it is kept in the OS keychain (or
//! given by `JOBHOUND_IMAP_PASSWORD`) beside the account it was entered for, so a restored
//! database that names another server cannot make Jobhound send it there.

use chrono::NaiveDate;
use jobhound_inbox::imap::{MailboxSettings, Security};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::secrets::SecretStore;
use crate::{CoreError, store::settings};

const HOST: &str = "inbox.host";
const PORT: &str = "inbox.port";
const USER: &str = "inbox.user";
const SECURITY: &str = "inbox.security";
const FOLDERS: &str = "inbox.folders";
const SINCE: &str = "inbox.since";
const AUTO_APPLY: &str = "inbox.auto_apply";
const ENABLED: &str = "inbox.enabled";
const ASK_MODEL: &str = "inbox.ask_model";
/// When the last check ended, for the scheduler's interval.
pub(crate) const LAST_CHECKED_AT: &str = "inbox.last_checked_at";
/// When the last check started, ended well or not: the timer waits from it.
pub(crate) const LAST_ATTEMPT_AT: &str = "inbox.last_attempt_at";
/// Why the last check failed; empty after one that worked.
pub(crate) const LAST_ERROR: &str = "inbox.last_error";
/// The keychain entry's name.
pub const PASSWORD: &str = "inbox.password";
/// The keychain entry naming the account (user@host:port) the password was entered for.
pub const PASSWORD_ACCOUNT: &str = "inbox.password_account";
pub const PASSWORD_ENV: &str = "JOBHOUND_IMAP_PASSWORD";

/// Proposals at least this sure apply themselves when the person allows it.
pub const AUTO_APPLY_CONFIDENCE: f64 = 0.9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InboxSettings {
    #[serde(flatten)]
    pub mailbox: MailboxSettings,
    /// Checked on the scheduler's timer; off until the person connects a mailbox.
    pub enabled: bool,
    /// "YYYY-MM-DD": messages from before it are not read. None: the oldest open application's day.
    pub since: Option<String>,
    /// Proposals the rules are sure of apply themselves (a rejection still archives nothing).
    pub auto_apply: bool,
    /// Messages the rules are unsure of go to the person's own model (Settings → Writing
    /// assistant); its reading never applies itself.
    #[serde(default)]
    pub ask_model: bool,
}

/// What the UI learns about the password: whether one is set and where from; never the password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InboxSettingsView {
    pub settings: Option<InboxSettings>,
    pub password_set: bool,
    /// "environment", "keychain" or "none".
    pub password_source: String,
    pub keychain_error: Option<String>,
    pub last_checked_at: Option<String>,
    pub last_attempt_at: Option<String>,
    /// Why the last check failed, if it did.
    pub last_error: Option<String>,
}

pub fn get(connection: &Connection) -> Result<Option<InboxSettings>, CoreError> {
    let Some(host) = settings::get(connection, HOST)? else { return Ok(None) };
    let port = settings::get(connection, PORT)?.and_then(|port| port.parse().ok()).unwrap_or(993);
    let security = match settings::get(connection, SECURITY)?.as_deref() {
        Some("start_tls") => Security::StartTls,
        Some("plain") => Security::Plain,
        _ => Security::Tls,
    };
    let folders = settings::get(connection, FOLDERS)?
        .and_then(|folders| serde_json::from_str::<Vec<String>>(&folders).ok())
        .unwrap_or_default();
    Ok(Some(InboxSettings {
        mailbox: MailboxSettings {
            host,
            port,
            user: settings::get(connection, USER)?.unwrap_or_default(),
            security,
            folders,
        },
        enabled: settings::get_bool(connection, ENABLED)?,
        since: settings::get(connection, SINCE)?.filter(|since| !since.is_empty()),
        auto_apply: settings::get_bool(connection, AUTO_APPLY)?,
        ask_model: settings::get_bool(connection, ASK_MODEL)?,
    }))
}

pub fn validate(value: &InboxSettings) -> Result<(), CoreError> {
    value.mailbox.validate().map_err(CoreError::from)?;
    if let Some(since) = &value.since
        && NaiveDate::parse_from_str(since, "%Y-%m-%d").is_err()
    {
        return Err(CoreError::InvalidField {
            field: "since",
            message: format!("\"{since}\" is not a date (YYYY-MM-DD)."),
        });
    }
    Ok(())
}

pub fn set(tx: &Transaction<'_>, value: &InboxSettings) -> Result<(), CoreError> {
    validate(value)?;
    let security = match value.mailbox.security {
        Security::Tls => "tls",
        Security::StartTls => "start_tls",
        Security::Plain => "plain",
    };
    let folders: Vec<String> = value.mailbox.folders.iter().map(|folder| folder.trim().to_string()).collect();
    settings::set(tx, HOST, value.mailbox.host.trim())?;
    settings::set(tx, PORT, &value.mailbox.port.to_string())?;
    settings::set(tx, USER, value.mailbox.user.trim())?;
    settings::set(tx, SECURITY, security)?;
    settings::set(tx, FOLDERS, &serde_json::to_string(&folders)?)?;
    settings::set(tx, SINCE, value.since.as_deref().unwrap_or_default())?;
    settings::set(tx, ENABLED, if value.enabled { "true" } else { "false" })?;
    settings::set(tx, AUTO_APPLY, if value.auto_apply { "true" } else { "false" })?;
    settings::set(tx, ASK_MODEL, if value.ask_model { "true" } else { "false" })
}

/// The account a password belongs to; a password is never sent to another.
pub fn account(mailbox: &MailboxSettings) -> String {
    format!("{}@{}:{}", mailbox.user.trim(), mailbox.host.trim().to_lowercase(), mailbox.port)
}

pub fn store_password(secrets: &dyn SecretStore, password: &str, mailbox: &MailboxSettings) -> Result<(), CoreError> {
    if password.is_empty() {
        return Err(CoreError::InvalidField { field: "password", message: "The app password is empty.".into() });
    }
    secrets.set(PASSWORD, password)?;
    secrets.set(PASSWORD_ACCOUNT, &account(mailbox))
}

pub fn delete_password(secrets: &dyn SecretStore) -> Result<(), CoreError> {
    secrets.delete(PASSWORD)?;
    secrets.delete(PASSWORD_ACCOUNT)
}

fn password_and_source(secrets: &dyn SecretStore) -> Result<(Option<String>, &'static str), CoreError> {
    if let Some(password) = std::env::var(PASSWORD_ENV).ok().filter(|password| !password.is_empty()) {
        return Ok((Some(password), "environment"));
    }
    match secrets.get(PASSWORD)? {
        Some(password) if !password.is_empty() => Ok((Some(password), "keychain")),
        _ => Ok((None, "none")),
    }
}

/// The password to log in to `mailbox` with: the environment's as it is, the keychain's only for
/// the account it was entered for.
pub fn password_for(secrets: &dyn SecretStore, mailbox: &MailboxSettings) -> Result<String, CoreError> {
    let (password, source) = password_and_source(secrets)?;
    let Some(password) = password else {
        return Err(CoreError::InboxNotConfigured(
            "No app password is set for the mailbox: enter it under Settings → Inbox.".into(),
        ));
    };
    if source == "environment" {
        return Ok(password);
    }
    let target = account(mailbox);
    match secrets.get(PASSWORD_ACCOUNT)? {
        Some(bound) if bound == target => Ok(password),
        Some(bound) => Err(CoreError::KeyForAnotherAddress(format!(
            "The mailbox password was entered for {bound}, so it is not sent to {target}. Enter it again under Settings → Inbox."
        ))),
        None => Err(CoreError::KeyForAnotherAddress(format!(
            "The mailbox password is not bound to an account, so it is not sent to {target}. Enter it again under Settings → Inbox."
        ))),
    }
}

pub fn view(connection: &Connection, secrets: &dyn SecretStore) -> Result<InboxSettingsView, CoreError> {
    let (password, source, keychain_error) = match password_and_source(secrets) {
        Ok((password, source)) => (password, source, None),
        Err(error) => (None, "none", Some(error.to_string())),
    };
    Ok(InboxSettingsView {
        settings: get(connection)?,
        password_set: password.is_some(),
        password_source: source.to_string(),
        keychain_error,
        last_checked_at: settings::get(connection, LAST_CHECKED_AT)?,
        last_attempt_at: settings::get(connection, LAST_ATTEMPT_AT)?,
        last_error: settings::get(connection, LAST_ERROR)?.filter(|error| !error.is_empty()),
    })
}

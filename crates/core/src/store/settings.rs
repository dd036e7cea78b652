//! Non-secret preferences in the `settings` table.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::CoreError;

/// Whether the user turned on LinkedIn's guest search after reading the warning.
pub const LINKEDIN_ENABLED: &str = "sources.linkedin.enabled";

pub fn get(connection: &Connection, key: &str) -> Result<Option<String>, CoreError> {
    Ok(connection.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| row.get(0)).optional()?)
}

pub fn get_bool(connection: &Connection, key: &str) -> Result<bool, CoreError> {
    Ok(get(connection, key)?.is_some_and(|value| value == "true"))
}

pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> Result<(), CoreError> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Closing the window keeps Jobhound running in the tray ("false" quits instead).
pub const CLOSE_TO_TRAY: &str = "app.close_to_tray";
pub const START_AT_LOGIN: &str = "app.start_at_login";
/// The person's AI assistant (the MCP server) may change applications and add sources.
pub const ASSISTANT_MAY_WRITE: &str = "mcp.write_access";

/// The preferences the Settings view edits.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AppSettings {
    pub close_to_tray: bool,
    pub notifications: bool,
    pub start_at_login: bool,
    /// Look for a new version once a day (see `updates`).
    pub check_for_updates: bool,
    /// The AI assistant connected through `jobhound-cli mcp` may save jobs to applications, move
    /// them, add notes and sources; off, it only reads.
    #[serde(default)]
    pub assistant_may_write: bool,
}

/// OS notifications are on unless the user turned them off.
pub fn notifications_enabled(connection: &Connection) -> Result<bool, CoreError> {
    Ok(get(connection, crate::alerts::digests::NOTIFICATIONS_ENABLED)?.is_none_or(|value| value != "false"))
}

pub fn app_settings(connection: &Connection) -> Result<AppSettings, CoreError> {
    let on_unless_false = |key| Ok::<_, CoreError>(get(connection, key)?.is_none_or(|value| value != "false"));
    Ok(AppSettings {
        close_to_tray: on_unless_false(CLOSE_TO_TRAY)?,
        notifications: notifications_enabled(connection)?,
        start_at_login: get_bool(connection, START_AT_LOGIN)?,
        check_for_updates: super::updates::check_automatically(connection)?,
        assistant_may_write: get_bool(connection, ASSISTANT_MAY_WRITE)?,
    })
}

pub fn set_app_settings(tx: &Transaction<'_>, settings: &AppSettings) -> Result<(), CoreError> {
    let text = |on: bool| if on { "true" } else { "false" };
    set(tx, CLOSE_TO_TRAY, text(settings.close_to_tray))?;
    set(tx, crate::alerts::digests::NOTIFICATIONS_ENABLED, text(settings.notifications))?;
    set(tx, START_AT_LOGIN, text(settings.start_at_login))?;
    set(tx, ASSISTANT_MAY_WRITE, text(settings.assistant_may_write))?;
    set(tx, super::updates::CHECK_AUTOMATICALLY, text(settings.check_for_updates))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_default_to_tray_and_notifications_on_and_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let store = crate::Store::open(&dir.path().join("j.db")).unwrap_or_else(|error| panic!("{error}"));
        let defaults = store.read(app_settings).unwrap_or_else(|error| panic!("{error}"));
        let expected = AppSettings {
            close_to_tray: true,
            notifications: true,
            start_at_login: false,
            check_for_updates: true,
            assistant_may_write: false,
        };
        assert_eq!(defaults, expected);
        let changed = AppSettings {
            close_to_tray: false,
            notifications: false,
            start_at_login: true,
            check_for_updates: false,
            assistant_may_write: true,
        };
        store.write(|tx| set_app_settings(tx, &changed)).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(store.read(app_settings).unwrap_or_else(|error| panic!("{error}")), changed);
    }
}

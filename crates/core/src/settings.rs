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

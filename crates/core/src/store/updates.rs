//! When the app looks for a new version of itself: at most once a day, never while a campaign
//! runs (an update restarts the app), and not at all once the person turns the checks off. The
//! checking itself (the updater plugin) is the shell's; the rule and its memory are here.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::settings;
use crate::CoreError;

/// Whether the app checks by itself ("false" turns it off; on by default).
pub const CHECK_AUTOMATICALLY: &str = "app.updates.check_automatically";
/// When the last check was made (RFC 3339), whatever it found.
pub const LAST_CHECKED: &str = "app.updates.last_checked";
/// At most one automatic check in this long.
pub const CHECK_INTERVAL: Duration = Duration::hours(24);

/// What Settings shows about updates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateStatus {
    /// False in builds without the updater (distributions that package Jobhound themselves).
    pub updater_built_in: bool,
    pub current_version: String,
    /// RFC 3339; none before the first check.
    pub last_checked: Option<String>,
}

/// A newer version the update server offers. `notes` is the release's text as the server sent it:
/// shown as plain text, never as markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AvailableUpdate {
    pub version: String,
    pub current_version: String,
    pub notes: Option<String>,
    pub date: Option<String>,
}

/// The rule for an automatic check.
pub fn check_due(
    automatic: bool,
    last_checked: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    campaign_running: bool,
) -> bool {
    automatic && !campaign_running && last_checked.is_none_or(|last| now - last >= CHECK_INTERVAL || last > now)
}

pub fn check_automatically(connection: &Connection) -> Result<bool, CoreError> {
    Ok(settings::get(connection, CHECK_AUTOMATICALLY)?.is_none_or(|value| value != "false"))
}

pub fn last_checked(connection: &Connection) -> Result<Option<DateTime<Utc>>, CoreError> {
    Ok(settings::get(connection, LAST_CHECKED)?
        .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
        .map(|time| time.with_timezone(&Utc)))
}

pub fn record_check(tx: &Transaction<'_>, at: DateTime<Utc>) -> Result<(), CoreError> {
    settings::set(tx, LAST_CHECKED, &at.to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap_or_else(|error| panic!("{error}")).with_timezone(&Utc)
    }

    #[test]
    fn an_automatic_check_comes_once_a_day_and_never_during_a_run_or_when_turned_off() {
        let now = at("2026-12-05T12:00:00Z");
        assert!(check_due(true, None, now, false), "the first check is due at once");
        assert!(!check_due(true, Some(at("2026-12-04T12:00:01Z")), now, false), "less than a day ago");
        assert!(check_due(true, Some(at("2026-12-04T12:00:00Z")), now, false), "a day ago");
        assert!(!check_due(true, None, now, true), "a campaign is running");
        assert!(!check_due(false, None, now, false), "turned off");
        // A clock set back must not silence checks until it catches up.
        assert!(check_due(true, Some(at("2027-01-01T00:00:00Z")), now, false));
    }

    #[test]
    fn the_setting_defaults_on_and_the_last_check_reads_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let store = crate::Store::open(&dir.path().join("j.db")).unwrap_or_else(|error| panic!("{error}"));
        assert!(store.read(check_automatically).unwrap_or_else(|error| panic!("{error}")));
        assert_eq!(store.read(last_checked).unwrap_or_else(|error| panic!("{error}")), None);
        let when = at("2026-12-05T08:30:00Z");
        store.write(|tx| record_check(tx, when)).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(store.read(last_checked).unwrap_or_else(|error| panic!("{error}")), Some(when));
        store.write(|tx| settings::set(tx, CHECK_AUTOMATICALLY, "false")).unwrap_or_else(|error| panic!("{error}"));
        assert!(!store.read(check_automatically).unwrap_or_else(|error| panic!("{error}")));
    }
}

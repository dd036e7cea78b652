//! Timestamps as Jobhound stores them: UTC, RFC 3339, one format everywhere so they sort as text.

use chrono::{DateTime, SecondsFormat, Utc};

pub fn now_rfc3339() -> String {
    to_rfc3339(Utc::now())
}

/// The one timestamp format stored and sent everywhere: UTC, whole seconds, `Z`.
pub fn to_rfc3339(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

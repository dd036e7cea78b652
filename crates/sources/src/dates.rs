//! Dates in every shape the sources use, turned into UTC instants.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Reads RFC 3339, RFC 2822 (feeds), `YYYY-MM-DD HH:MM:SS UTC` (Recruitee), date-times without a
/// zone (taken as UTC), bare dates and epoch numbers written as text.
pub fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.with_timezone(&Utc));
    }
    if let Ok(time) = DateTime::parse_from_rfc2822(text) {
        return Some(time.with_timezone(&Utc));
    }
    if text.bytes().all(|byte| byte.is_ascii_digit()) {
        return text.parse::<i64>().ok().and_then(from_epoch);
    }
    let without_utc = text.strip_suffix(" UTC").or_else(|| text.strip_suffix('Z')).unwrap_or(text);
    for format in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(without_utc, format) {
            return Some(Utc.from_utc_datetime(&naive));
        }
    }
    if let Ok(time) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return Some(time.with_timezone(&Utc));
    }
    let date_part = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|naive| Utc.from_utc_datetime(&naive))
}

/// Epoch seconds or milliseconds, told apart by size: seconds reach 10^11 only in the year 5138.
pub fn from_epoch(value: i64) -> Option<DateTime<Utc>> {
    if value <= 0 {
        return None;
    }
    if value >= 100_000_000_000 { DateTime::from_timestamp_millis(value) } else { DateTime::from_timestamp(value, 0) }
}

/// An epoch number from JSON, which may arrive as an integer, a float or a string.
pub fn from_epoch_value(value: &serde_json::Value) -> Option<DateTime<Utc>> {
    match value {
        serde_json::Value::Number(number) => {
            number.as_i64().or_else(|| number.as_f64().filter(|f| f.is_finite()).map(|f| f as i64)).and_then(from_epoch)
        }
        serde_json::Value::String(text) => parse_date(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_date(text).map(|time| time.to_rfc3339())
    }

    #[test]
    fn every_source_format_becomes_utc() {
        assert_eq!(iso("2026-08-06T12:50:10-04:00").as_deref(), Some("2026-08-06T16:50:10+00:00"));
        assert_eq!(iso("Fri, 11 Sep 2026 07:30:48 +0000").as_deref(), Some("2026-09-11T07:30:48+00:00"));
        assert_eq!(iso("2026-09-18 13:27:28 UTC").as_deref(), Some("2026-09-18T13:27:28+00:00"));
        assert_eq!(iso("2026-09-21T12:55:11").as_deref(), Some("2026-09-21T12:55:11+00:00"));
        assert_eq!(iso("2026-02-01T00:00:00.0000").as_deref(), Some("2026-02-01T00:00:00+00:00"));
        assert_eq!(iso("2026-09-25").as_deref(), Some("2026-09-25T00:00:00+00:00"));
        assert_eq!(iso("2021-04-27T20:13:45.158+00:00").as_deref(), Some("2021-04-27T20:13:45.158+00:00"));
        assert_eq!(iso("1790401136").as_deref(), Some("2026-09-26T05:38:56+00:00"));
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso(""), None);
    }

    #[test]
    fn epoch_seconds_and_milliseconds_are_told_apart() {
        let seconds = from_epoch(1_790_401_136).map(|t| t.to_rfc3339());
        let millis = from_epoch(1_790_401_136_000).map(|t| t.to_rfc3339());
        assert_eq!(seconds, millis);
        assert_eq!(from_epoch(0), None);
    }
}

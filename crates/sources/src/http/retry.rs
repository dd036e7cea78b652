//! When to try a request again: backoff with jitter, or the server's `Retry-After`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, RETRY_AFTER};

use super::HttpOptions;
use crate::SourceError;

/// How long to wait before retrying after `error`, or `None` when the wait the server asks for
/// is longer than the user should sit through.
pub(super) fn delay(error: &SourceError, attempt: u32, options: &HttpOptions) -> Option<Duration> {
    if let SourceError::RateLimited { retry_after: Some(asked), .. } = error {
        return (*asked <= options.max_retry_wait).then_some(*asked);
    }
    let exponential = options.retry_base.saturating_mul(2u32.saturating_pow(attempt)).min(options.retry_cap);
    // "Equal jitter": half fixed, half random, so retries from many runs do not line up.
    let half = exponential / 2;
    Some(half + half.mul_f64(fastrand::f64()))
}

/// `Retry-After` as seconds or as an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = DateTime::parse_from_rfc2822(value).ok()?.with_timezone(&Utc);
    Some((when - Utc::now()).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"));
        assert_eq!(retry_after(&headers), Some(Duration::ZERO), "a date in the past means now");
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn backoff_doubles_within_jitter_and_respects_the_cap() {
        let options = HttpOptions {
            retry_base: Duration::from_millis(100),
            retry_cap: Duration::from_millis(300),
            ..HttpOptions::default()
        };
        let server = SourceError::Server { what: "x".into(), status: 503 };
        for attempt in 0..5 {
            let wait = delay(&server, attempt, &options).unwrap_or_default();
            let full = Duration::from_millis(100 * 2u64.pow(attempt)).min(Duration::from_millis(300));
            assert!(wait >= full / 2 && wait <= full, "attempt {attempt}: {wait:?}");
        }
    }

    #[test]
    fn a_long_retry_after_is_not_waited_for() {
        let options = HttpOptions { max_retry_wait: Duration::from_secs(10), ..HttpOptions::default() };
        let limited =
            |secs| SourceError::RateLimited { what: "x".into(), retry_after: Some(Duration::from_secs(secs)) };
        assert_eq!(delay(&limited(3), 0, &options), Some(Duration::from_secs(3)));
        assert_eq!(delay(&limited(3600), 0, &options), None);
    }
}

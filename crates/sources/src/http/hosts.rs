//! Per-host state shared by every request: the next free slot (pacing) and the circuit breaker.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::Utc;

use super::HttpOptions;
use crate::SourceError;

#[derive(Debug, Default)]
pub(super) struct Hosts {
    // A std Mutex is right here: it is held for a few instructions, never across an await.
    state: Mutex<HashMap<String, HostState>>,
}

#[derive(Debug, Default)]
struct HostState {
    next_slot: Option<Instant>,
    consecutive_failures: u32,
    paused_until: Option<Instant>,
}

impl Hosts {
    fn with<T>(&self, host: &str, action: impl FnOnce(&mut HostState) -> T) -> T {
        let mut map = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        action(map.entry(host.to_string()).or_default())
    }

    /// Books the host's next slot at least `gap` after the previous one and returns when it starts.
    pub(super) fn reserve_slot(&self, host: &str, gap: Duration) -> Instant {
        self.with(host, |state| {
            let now = Instant::now();
            let slot = state.next_slot.map_or(now, |next| next.max(now));
            state.next_slot = Some(slot + gap);
            slot
        })
    }

    pub(super) fn check_breaker(&self, host: &str, what: &str) -> Result<(), SourceError> {
        self.with(host, |state| match state.paused_until {
            Some(until) if until > Instant::now() => {
                let left = until - Instant::now();
                let resume = Utc::now() + chrono::Duration::from_std(left).unwrap_or_default();
                Err(SourceError::Paused {
                    what: what.to_string(),
                    failures: state.consecutive_failures,
                    until: resume.format("%H:%M UTC").to_string(),
                })
            }
            _ => Ok(()),
        })
    }

    pub(super) fn record_success(&self, host: &str) {
        self.with(host, |state| {
            state.consecutive_failures = 0;
            state.paused_until = None;
        });
    }

    pub(super) fn record_failure(&self, host: &str, error: &SourceError, options: &HttpOptions) {
        self.with(host, |state| {
            state.consecutive_failures += 1;
            let asked = match error {
                SourceError::RateLimited { retry_after: Some(wait), .. } => Some(*wait),
                _ => None,
            };
            if state.consecutive_failures >= options.breaker_threshold {
                state.paused_until = Some(Instant::now() + options.breaker_cooldown.max(asked.unwrap_or_default()));
            } else if let Some(wait) = asked {
                // The server said when to come back: nothing goes to it before then.
                state.paused_until = Some(Instant::now() + wait);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_spaced_by_the_gap() {
        let hosts = Hosts::default();
        let first = hosts.reserve_slot("a:443", Duration::from_secs(2));
        let second = hosts.reserve_slot("a:443", Duration::from_secs(2));
        let other = hosts.reserve_slot("b:443", Duration::from_secs(2));
        assert!(second >= first + Duration::from_secs(2));
        assert!(other < first + Duration::from_secs(1), "hosts are paced independently");
    }

    #[test]
    fn the_breaker_opens_after_the_threshold_and_closes_on_success() {
        let hosts = Hosts::default();
        let options = HttpOptions { breaker_threshold: 2, ..HttpOptions::for_tests() };
        let error = SourceError::Server { what: "x".into(), status: 500 };
        hosts.record_failure("h", &error, &options);
        assert!(hosts.check_breaker("h", "board").is_ok());
        hosts.record_failure("h", &error, &options);
        let paused = hosts.check_breaker("h", "board 'x'").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(paused.contains("board 'x' is paused after 2 failures"), "{paused}");
        hosts.record_success("h");
        assert!(hosts.check_breaker("h", "board").is_ok());
    }
}

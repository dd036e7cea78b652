//! The one HTTP client every source goes through: a shared per-host pace, retries with backoff
//! and jitter that honour `Retry-After`, a per-request timeout, a body size cap and a circuit
//! breaker that pauses a host after repeated failures.

mod hosts;
mod retry;

use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::SourceError;
use crate::info::Politeness;
use hosts::Hosts;

const USER_AGENT: &str =
    concat!("Jobhound/", env!("CARGO_PKG_VERSION"), " (local desktop job-search app; +https://github.com/jobhound)");

/// Bodies larger than this are refused: no job listing is this big, and a runaway download must
/// not take the app's memory with it.
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub timeout: Duration,
    /// First backoff delay; doubled per attempt, with jitter.
    pub retry_base: Duration,
    pub retry_cap: Duration,
    /// A `Retry-After` longer than this is not waited for: the request fails as rate-limited.
    pub max_retry_wait: Duration,
    /// Consecutive failed requests to one host that pause it.
    pub breaker_threshold: u32,
    pub breaker_cooldown: Duration,
    /// Multiplies every source's minimum gap between requests (0 in tests).
    pub pacing_scale: f64,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            retry_base: Duration::from_millis(500),
            retry_cap: Duration::from_secs(30),
            max_retry_wait: Duration::from_secs(90),
            breaker_threshold: 5,
            breaker_cooldown: Duration::from_secs(15 * 60),
            pacing_scale: 1.0,
        }
    }
}

impl HttpOptions {
    /// Options for tests against a local mock server: no pacing, short timeouts and backoff.
    pub fn for_tests() -> Self {
        Self {
            timeout: Duration::from_secs(5),
            retry_base: Duration::from_millis(5),
            retry_cap: Duration::from_millis(50),
            max_retry_wait: Duration::from_secs(3),
            breaker_threshold: 5,
            breaker_cooldown: Duration::from_secs(60),
            pacing_scale: 0.0,
        }
    }
}

/// One request: where, what to call it in messages, extra headers, a JSON body to POST (a GET
/// without one) and the source's politeness.
/// Headers carry keys (JSearch's `X-RapidAPI-Key`, USAJOBS' `Authorization-Key`) and so do some
/// query strings (Adzuna's `app_key`), so `Debug` prints header names and the URL without its query.
#[derive(Clone)]
pub struct Request<'a> {
    pub url: String,
    pub what: &'a str,
    pub headers: Vec<(&'static str, String)>,
    /// A JSON body makes the request a POST (Workday's search takes its paging that way).
    pub json_body: Option<String>,
    pub politeness: Politeness,
}

impl<'a> Request<'a> {
    pub fn new(url: String, what: &'a str, politeness: Politeness) -> Self {
        Self { url, what, headers: Vec::new(), json_body: None, politeness }
    }

    /// POSTs `body` as JSON instead of a GET.
    pub fn json_body(mut self, body: String) -> Self {
        self.json_body = Some(body);
        self
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<String> = self.headers.iter().map(|(name, _)| format!("{name}: [redacted]")).collect();
        let url = match self.url.split_once('?') {
            Some((path, _)) => format!("{path}?[query redacted]"),
            None => self.url.clone(),
        };
        formatter
            .debug_struct("Request")
            .field("url", &url)
            .field("what", &self.what)
            .field("headers", &headers)
            .field("json_body", &self.json_body.as_ref().map(|body| body.len()))
            .field("politeness", &self.politeness)
            .finish()
    }
}

/// Follows redirects within the first URL's origin only. reqwest drops `Authorization` and
/// cookies when a redirect leaves the host, but not a custom key header, which would travel to
/// wherever a board (or whoever controls its DNS) points.
fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let first = attempt.previous().first().map(|url| url.origin());
        if attempt.previous().len() > 10 {
            attempt.error("too many redirects")
        } else if first.is_some_and(|origin| origin != attempt.url().origin()) {
            let to = attempt.url().origin().ascii_serialization();
            attempt.error(format!("refused a redirect to {to}, another host, which would receive the source's key"))
        } else {
            attempt.follow()
        }
    })
}

/// Shared by every source and every campaign, so the per-host pace and the breaker hold app-wide.
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: reqwest::Client,
    /// For requests that carry key headers: redirects stay on the first URL's origin.
    keyed_client: reqwest::Client,
    options: HttpOptions,
    hosts: Arc<Hosts>,
}

impl HttpClient {
    pub fn new(options: HttpOptions) -> Result<Self, SourceError> {
        let builder = || {
            reqwest::Client::builder()
                .user_agent(USER_AGENT)
                .timeout(options.timeout)
                .connect_timeout(options.timeout.min(Duration::from_secs(10)))
        };
        let failed =
            |error: reqwest::Error| SourceError::Network { what: "the HTTP client".into(), reason: error.to_string() };
        let client = builder().build().map_err(failed)?;
        let keyed_client = builder().redirect(same_origin_redirects()).build().map_err(failed)?;
        Ok(Self { client, keyed_client, options, hosts: Arc::new(Hosts::default()) })
    }

    /// GETs `url` with the default politeness and returns the body of a 2xx answer.
    pub async fn get_bytes(&self, url: &str, what: &str) -> Result<Vec<u8>, SourceError> {
        self.get(&Request::new(url.to_string(), what, Politeness::default())).await
    }

    /// Sends a request politely: waits for the host's next slot, retries transient failures with
    /// backoff (or the server's `Retry-After`), and pauses the host after repeated failures.
    pub async fn get(&self, request: &Request<'_>) -> Result<Vec<u8>, SourceError> {
        let host = host_of(&request.url);
        let mut attempt = 0;
        loop {
            self.hosts.check_breaker(&host, request.what)?;
            let gap = request.politeness.min_interval.mul_f64(self.options.pacing_scale.max(0.0));
            let slot = self.hosts.reserve_slot(&host, gap);
            tokio::time::sleep_until(slot.into()).await;

            let result = self.send_once(request).await;
            let error = match result {
                Ok(body) => {
                    self.hosts.record_success(&host);
                    return Ok(body);
                }
                Err(error) => error,
            };
            let retryable = error.is_transient()
                && attempt < request.politeness.max_retries
                && !(request.politeness.stop_on_rate_limit && matches!(error, SourceError::RateLimited { .. }));
            let wait = retryable.then(|| retry::delay(&error, attempt, &self.options)).flatten();
            match wait {
                Some(wait) => {
                    tracing::info!("{}: {error}; retrying in {} ms", request.what, wait.as_millis());
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                None => {
                    if error.is_transient() || matches!(error, SourceError::Blocked { .. }) {
                        self.hosts.record_failure(&host, &error, &self.options);
                    }
                    return Err(error);
                }
            }
        }
    }

    /// POSTs a JSON body once (webhooks: the caller keeps what failed and tries again later).
    pub async fn post_json(&self, url: &str, body: &str, what: &str) -> Result<(), SourceError> {
        let response = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .map_err(|error| self.transport_error(error, what))?;
        let status = response.status();
        if !status.is_success() {
            return Err(status_error(status, response.headers(), what));
        }
        Ok(())
    }

    async fn send_once(&self, request: &Request<'_>) -> Result<Vec<u8>, SourceError> {
        let client = if request.headers.is_empty() { &self.client } else { &self.keyed_client };
        let mut builder = match &request.json_body {
            Some(body) => client.post(&request.url).header("content-type", "application/json").body(body.clone()),
            None => client.get(&request.url),
        };
        for (name, value) in &request.headers {
            builder = builder.header(*name, value);
        }
        let mut response = builder.send().await.map_err(|error| self.transport_error(error, request.what))?;
        let status = response.status();
        if !status.is_success() {
            return Err(status_error(status, response.headers(), request.what));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| self.transport_error(error, request.what))? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(SourceError::Malformed {
                    what: request.what.to_string(),
                    reason: format!("the response is larger than {} MB", MAX_BODY_BYTES / (1024 * 1024)),
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn transport_error(&self, error: reqwest::Error, what: &str) -> SourceError {
        if error.is_timeout() {
            SourceError::Timeout { what: what.to_string(), timeout: self.options.timeout }
        } else {
            SourceError::Network { what: what.to_string(), reason: root_cause(&error) }
        }
    }
}

impl Politeness {
    /// Half a second between requests to one host, three retries of a 429 or 5xx.
    pub const DEFAULT: Politeness =
        Politeness { min_interval: Duration::from_millis(500), max_retries: 3, stop_on_rate_limit: false };
}

impl Default for Politeness {
    fn default() -> Self {
        Self::DEFAULT
    }
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(|host| format!("{host}:{}", url.port_or_known_default().unwrap_or(0))))
        .unwrap_or_else(|| url.to_string())
}

fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn status_error(status: StatusCode, headers: &HeaderMap, what: &str) -> SourceError {
    let what = what.to_string();
    match status.as_u16() {
        404 | 410 => SourceError::NotFound { what },
        429 => SourceError::RateLimited { what, retry_after: retry::retry_after(headers) },
        401 | 403 | 999 => SourceError::Blocked { what, status: status.as_u16() },
        500..=599 => SourceError::Server { what, status: status.as_u16() },
        other => SourceError::UnexpectedStatus { what, status: other },
    }
}

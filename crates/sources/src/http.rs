use std::collections::HashMap;
use std::time::Duration;

use reqwest::StatusCode;

use crate::{SourceError, SourceKind};

const USER_AGENT: &str =
    concat!("Jobhound/", env!("CARGO_PKG_VERSION"), " (local desktop job-search app; +https://github.com/jobhound)");

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub timeout: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(30) }
    }
}

/// One HTTP client for every source, so connections and the User-Agent are shared.
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: reqwest::Client,
    timeout: Duration,
}

impl HttpClient {
    pub fn new(options: HttpOptions) -> Result<Self, SourceError> {
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|error| SourceError::Network { what: "the HTTP client".into(), reason: error.to_string() })?;
        Ok(Self { client, timeout: options.timeout })
    }

    /// GETs `url` and returns the body of a 2xx answer; any other outcome becomes a [`SourceError`]
    /// that names `what` (for example "Greenhouse board 'vercel'").
    pub async fn get_bytes(&self, url: &str, what: &str) -> Result<Vec<u8>, SourceError> {
        let response = self.client.get(url).send().await.map_err(|error| self.transport_error(error, what))?;
        let status = response.status();
        if !status.is_success() {
            return Err(status_error(status, response.headers(), what));
        }
        let body = response.bytes().await.map_err(|error| self.transport_error(error, what))?;
        Ok(body.to_vec())
    }

    fn transport_error(&self, error: reqwest::Error, what: &str) -> SourceError {
        if error.is_timeout() {
            SourceError::Timeout { what: what.to_string(), timeout: self.timeout }
        } else {
            SourceError::Network { what: what.to_string(), reason: root_cause(&error) }
        }
    }
}

fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn status_error(status: StatusCode, headers: &reqwest::header::HeaderMap, what: &str) -> SourceError {
    let what = what.to_string();
    match status.as_u16() {
        404 | 410 => SourceError::NotFound { what },
        429 => SourceError::RateLimited {
            what,
            retry_after: headers
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.trim().parse::<u64>().ok())
                .map(Duration::from_secs),
        },
        401 | 403 => SourceError::Blocked { what, status: status.as_u16() },
        500..=599 => SourceError::Server { what, status: status.as_u16() },
        other => SourceError::UnexpectedStatus { what, status: other },
    }
}

/// Where each source is fetched from. Defaults to the public APIs; `JOBHOUND_BASE_URL_<KIND>`
/// points a source at a mirror or a local mock server.
#[derive(Debug, Clone, Default)]
pub struct Endpoints {
    overrides: HashMap<SourceKind, String>,
}

impl Endpoints {
    pub fn from_env() -> Self {
        let mut endpoints = Self::default();
        for kind in SourceKind::ALL {
            if let Ok(url) = std::env::var(kind.base_url_env_var())
                && !url.trim().is_empty()
            {
                endpoints = endpoints.with_base_url(*kind, url.trim());
            }
        }
        endpoints
    }

    pub fn with_base_url(mut self, kind: SourceKind, url: &str) -> Self {
        self.overrides.insert(kind, url.trim_end_matches('/').to_string());
        self
    }

    pub fn base_url(&self, kind: SourceKind) -> &str {
        self.overrides.get(&kind).map(String::as_str).unwrap_or_else(|| kind.default_base_url())
    }
}

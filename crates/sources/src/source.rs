//! The one interface every job source implements.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;

use crate::http::Request;
use crate::{Endpoints, HttpClient, ParsedPosting, SourceError, SourceInfo, SourceKind};

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Secrets a fetch may use, by key name (see [`crate::KeySpec`]); read from the OS keychain by
/// the caller, so this crate never touches it. `Debug` names the keys, never their values.
#[derive(Clone, Default)]
pub struct Credentials {
    keys: HashMap<String, String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&str> = self.keys.keys().map(String::as_str).collect();
        names.sort_unstable();
        formatter.debug_struct("Credentials").field("keys", &names).finish()
    }
}

impl Credentials {
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.insert(name, value);
        self
    }

    pub fn insert(&mut self, name: &str, value: &str) {
        if !value.trim().is_empty() {
            self.keys.insert(name.to_string(), value.trim().to_string());
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.keys.get(name).map(String::as_str)
    }

    /// The key `name`, or the error telling the user which key to add.
    pub fn require(&self, kind: SourceKind, name: &str) -> Result<&str, SourceError> {
        self.get(name).ok_or_else(|| {
            let label = kind.info().keys.iter().find(|key| key.name == name).map_or("API", |key| key.label);
            SourceError::MissingKey { source_name: kind.display_name(), key: label }
        })
    }
}

/// How far a fetch may go: listing pages and per-job detail calls (pay ranges, descriptions).
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    pub max_pages: u32,
    pub max_detail_requests: u32,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self { max_pages: 10, max_detail_requests: 100 }
    }
}

/// Everything a source needs to fetch: the shared polite client, where hosts live, keys, limits.
#[derive(Debug, Clone, Copy)]
pub struct FetchContext<'a> {
    pub http: &'a HttpClient,
    pub endpoints: &'a Endpoints,
    pub credentials: &'a Credentials,
    pub limits: FetchLimits,
    /// Postings of this source already stored: their per-job detail (pay, description) was read
    /// when they were new, so it is not asked for again.
    pub known_ids: Option<&'a HashSet<String>>,
    /// The recipe stored for a careers page read by one (the `page` kind), if it has one yet.
    pub recipe: Option<&'a crate::recipe::Recipe>,
    /// The keywords of the campaign whose run fetches this source; empty outside a campaign's run.
    /// A company board searched by keyword on its own site (Workday) asks for just these.
    pub campaign_words: &'a [String],
}

impl FetchContext<'_> {
    /// Whether a per-job detail call is still needed for `source_id`.
    pub(crate) fn needs_detail(&self, source_id: &str) -> bool {
        self.known_ids.is_none_or(|known| !known.contains(source_id))
    }

    pub(crate) fn base_url(&self, kind: SourceKind) -> &str {
        self.endpoints.base_url(kind)
    }

    /// GETs `url` with `kind`'s politeness; errors name `what`.
    pub(crate) async fn get(&self, kind: SourceKind, url: String, what: &str) -> Result<Vec<u8>, SourceError> {
        self.http.get(&Request::new(url, what, kind.info().politeness)).await
    }

    /// POSTs `body` as JSON to `url` with `kind`'s politeness (retries, pace and breaker as a GET).
    pub(crate) async fn post(
        &self,
        kind: SourceKind,
        url: String,
        body: String,
        what: &str,
    ) -> Result<Vec<u8>, SourceError> {
        self.http.get(&Request::new(url, what, kind.info().politeness).json_body(body)).await
    }
}

/// What one fetch brought back.
#[derive(Debug, Clone, Default)]
pub struct FetchOutcome {
    pub postings: Vec<ParsedPosting>,
    /// Listing pages requested.
    pub pages: u32,
    /// Things the user should know that did not stop the fetch (a detail call failed, a page cap).
    pub warnings: Vec<String>,
    /// A recipe the fetch derived for a careers page: its first, or a new one because the page's
    /// layout changed (`healed`). The store keeps it as the page's next recipe version.
    pub recipe: Option<crate::recipe::RecipeUpdate>,
    /// The listing stopped at a page cap, so a job missing from it may still be open.
    pub truncated: bool,
    /// The board was searched for the campaign's words only: the listing says nothing of the jobs
    /// it did not return, so none of them is closed or loses its link to the source.
    pub narrowed: bool,
}

impl FetchOutcome {
    pub fn single_page(postings: Vec<ParsedPosting>) -> Self {
        Self { postings, pages: 1, ..Self::default() }
    }
}

/// A job source: turns what the user typed into a parameter, parses recorded or live bodies, and
/// fetches everything it currently lists for a parameter (paging included).
pub trait Source: Send + Sync {
    /// What the source is, what the user gives it, what it needs and what its terms ask.
    fn info(&self) -> SourceInfo;

    fn kind(&self) -> SourceKind {
        self.info().kind
    }

    /// Validates what the user typed or pasted and returns the stored parameter. By default the
    /// parameter is a keyword search, as for job boards.
    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        Ok(crate::boards::search_param(input))
    }

    /// A short human name for a parameter, e.g. "Greenhouse board 'vercel'" or "Remotive search 'rust'".
    fn describe(&self, param: &str) -> String {
        crate::boards::describe_search(self.kind(), param)
    }

    /// What a newly watched source is called until the user names it; its postings' company when
    /// they name none (Workday's tenant rather than the whole site address).
    fn default_name(&self, param: &str) -> String {
        param.to_string()
    }

    /// Parses one response body as the source serves it.
    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError>;

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>>;
}

/// GETs a source's whole listing in one request and parses it with the source's own parser.
pub(crate) async fn fetch_single(
    source: &dyn Source,
    context: FetchContext<'_>,
    url: String,
    what: &str,
) -> Result<FetchOutcome, SourceError> {
    let body = context.get(source.kind(), url, what).await?;
    Ok(FetchOutcome::single_page(source.parse(&body).map_err(|error| error.about(what))?))
}

/// Failed per-job detail calls, reported as one warning rather than one per job.
#[derive(Debug, Default)]
pub(crate) struct DetailFailures {
    count: usize,
    first: Option<String>,
}

impl DetailFailures {
    pub(crate) fn record(&mut self, error: &SourceError) {
        self.count += 1;
        self.first.get_or_insert_with(|| error.to_string());
    }

    /// "pay ranges not read for 2 jobs (first: ...)", or nothing when every call worked.
    pub(crate) fn warning(&self, what_was_missed: &str) -> Option<String> {
        let first = self.first.as_deref()?;
        let jobs = if self.count == 1 { "1 job".to_string() } else { format!("{} jobs", self.count) };
        Some(format!("{what_was_missed} not read for {jobs} (first: {first})"))
    }
}

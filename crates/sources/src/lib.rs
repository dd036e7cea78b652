//! Job sources: fetch a source's listing over HTTP and parse its payload into [`ParsedPosting`]s.
//!
//! This crate knows nothing of storage: it turns bytes from the internet into postings and
//! reports failures precisely enough for the user to act on them. Every source implements
//! [`Source`]; [`source`] finds the one for a [`SourceKind`].

pub mod ats;
pub mod boards;
pub mod dates;
mod detect;
pub mod discover;
mod endpoints;
mod error;
pub mod feeds;
mod http;
pub mod imports;
mod info;
mod kind;
mod model;
mod paging;
mod query;
pub mod recipe;
mod registry;
pub mod salary_text;
mod source;
mod support;
pub mod text;

pub use ats::greenhouse;
pub use detect::detect;
pub use discover::{Candidate, FoundHow, discover};
pub use endpoints::Endpoints;
pub use error::{SourceError, SourceErrorKind};
pub use http::{HttpClient, HttpOptions, Request};
pub use info::{KeySpec, Politeness, SourceCategory, SourceInfo, all_sources};
pub use model::{EmploymentType, ParsedPosting, Salary, SalaryPeriod, WorkMode};
pub use query::SearchQuery;
pub use registry::{SourceKind, source};
pub use source::{BoxFuture, Credentials, FetchContext, FetchLimits, FetchOutcome, Source};

/// Parses a recorded or freshly fetched response body of `kind`.
pub fn parse(kind: SourceKind, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    source(kind).parse(body)
}

/// Fetches everything `kind` lists for `param`, paging included. A posting the source lists twice
/// is kept once (its first listing): one fetch stores each posting once.
pub async fn fetch(kind: SourceKind, context: FetchContext<'_>, param: &str) -> Result<FetchOutcome, SourceError> {
    let mut outcome = source(kind).fetch(context, param).await?;
    let mut seen = std::collections::HashSet::new();
    outcome.postings.retain(|posting| seen.insert(posting.source_id.clone()));
    Ok(outcome)
}

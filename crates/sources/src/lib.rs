//! Job sources: fetch a source's listing over HTTP and parse its payload into [`ParsedPosting`]s.
//!
//! This crate knows nothing of storage: it turns bytes from the internet into postings and
//! reports failures precisely enough for the user to act on them.

mod error;
pub mod greenhouse;
mod http;
mod kind;
mod model;

pub use error::{SourceError, SourceErrorKind};
pub use http::{Endpoints, HttpClient, HttpOptions};
pub use kind::SourceKind;
pub use model::{EmploymentType, ParsedPosting, Salary, SalaryPeriod, WorkMode};

/// Parses a recorded or freshly fetched response body of `kind`.
pub fn parse(kind: SourceKind, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
    match kind {
        SourceKind::Greenhouse => greenhouse::parse_jobs(body),
    }
}

/// Fetches every posting `kind` currently lists for `param` (a board token for ATS boards).
pub async fn fetch(
    kind: SourceKind,
    http: &HttpClient,
    endpoints: &Endpoints,
    param: &str,
) -> Result<Vec<ParsedPosting>, SourceError> {
    match kind {
        SourceKind::Greenhouse => greenhouse::fetch_board(http, endpoints.base_url(kind), param).await,
    }
}

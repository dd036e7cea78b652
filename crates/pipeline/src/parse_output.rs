//! The JSON object `jobhound-cli parse` prints for each job: a stable contract for scripts.

use jobhound_sources::{EmploymentType, ParsedPosting, Salary, SourceKind, WorkMode};
use serde::{Deserialize, Serialize};

use crate::normalize::normalize;

/// Also read back (leniently: missing fields are empty) by `eval dedup --pairs`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ParsedJob {
    pub source: SourceKind,
    pub source_id: String,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub locations: Vec<String>,
    pub remote: Option<WorkMode>,
    pub employment_type: Option<EmploymentType>,
    pub salary: Option<Salary>,
    pub posted_at: Option<String>,
    pub description_text: String,
    pub skills: Vec<String>,
}

impl From<&ParsedPosting> for ParsedJob {
    fn from(posting: &ParsedPosting) -> Self {
        let job = normalize(posting, None);
        ParsedJob {
            source: posting.source,
            source_id: posting.source_id.clone(),
            url: job.url,
            apply_url: job.apply_url,
            title: job.title,
            company: job.company,
            locations: job.locations,
            remote: job.remote,
            employment_type: job.employment_type,
            salary: job.salary,
            posted_at: job.posted_at,
            description_text: job.description_text,
            skills: job.skills,
        }
    }
}

impl Default for ParsedJob {
    fn default() -> Self {
        Self {
            source: SourceKind::Jsonld,
            source_id: String::new(),
            url: None,
            apply_url: None,
            title: None,
            company: None,
            locations: Vec::new(),
            remote: None,
            employment_type: None,
            salary: None,
            posted_at: None,
            description_text: String::new(),
            skills: Vec::new(),
        }
    }
}

/// Parses a recorded response body of `kind` into the jobs it lists.
pub fn parse_body(kind: SourceKind, body: &[u8]) -> Result<Vec<ParsedJob>, jobhound_sources::SourceError> {
    Ok(jobhound_sources::parse(kind, body)?.iter().map(ParsedJob::from).collect())
}

//! The tools' arguments, each field described for a model; unknown fields are refused so a
//! mistyped argument is an error, not a silent default.

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchJobs {
    /// Words to find in title, company, location, skills or description; empty for every job.
    #[serde(default)]
    pub query: String,
    /// Work modes to keep: "remote", "hybrid", "onsite".
    #[serde(default)]
    pub remote: Vec<String>,
    /// Words of the location, e.g. "Berlin" or "Germany".
    pub location: Option<String>,
    /// Yearly pay the job's range must reach.
    pub salary_min: Option<f64>,
    /// Only jobs posted (or first seen) within this many days.
    pub posted_within_days: Option<u32>,
    /// "newest" (default), "score" or "salary".
    pub sort: Option<String>,
    /// How many jobs to return (1 to 50, default 20).
    pub limit: Option<u32>,
    /// How many to skip, for the next page.
    pub offset: Option<u32>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetJob {
    /// The job's id, as search_jobs returns it.
    pub id: i64,
    /// The most characters of the description to return (default 4000, at most 20000).
    pub description_chars: Option<usize>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListMatches {
    /// The campaign's id (see the campaign resources).
    pub campaign_id: i64,
    /// How many to return (1 to 50, default 20).
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListApplications {
    /// Statuses to keep: saved, preparing, applied, interviewing, offer, accepted, rejected,
    /// withdrawn, archived; empty for every status but archived.
    #[serde(default)]
    pub statuses: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JobOnly {
    /// The job's id.
    pub job_id: i64,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetStatus {
    /// The job's id.
    pub job_id: i64,
    /// One of saved, preparing, applied, interviewing, offer, accepted, rejected, withdrawn, archived.
    pub status: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddNote {
    /// The job whose application gets the note (created as "saved" if there is none).
    pub job_id: i64,
    /// The note, as the person would write it (at most 4000 characters).
    pub note: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddSource {
    /// A company's careers page, a board's URL (Greenhouse, Lever, Ashby…) or a feed.
    pub url: String,
}

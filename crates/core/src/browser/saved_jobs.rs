//! A job saved from a page in the browser ("Save to Jobhound", through the native messaging
//! host): read strictly, then stored like a fetched posting, so it is normalized, merged with the
//! same job seen on a board (or saved before) and ranked for every campaign.

use chrono::Utc;
use jobhound_sources::SourceKind;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::campaigns::service::rank_for_active_campaigns;
use crate::ingest::write::{ingest_prepared, job_of_posting, prepare_postings};
use crate::{CoreError, Jobhound, time};

/// What the host answers the extension (not an IPC type: it goes back through the browser).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedFromBrowser {
    pub job_id: i64,
    /// False when the page was a job Jobhound already had (from a board, or saved before).
    pub new_job: bool,
}

impl Jobhound {
    /// Stores the job one save message describes and ranks it; a page saved twice is one job.
    pub fn save_from_browser(&self, message: &[u8]) -> Result<SavedFromBrowser, CoreError> {
        let postings = jobhound_sources::parse(SourceKind::Browser, message)?;
        let source_id = postings
            .first()
            .map(|posting| posting.source_id.clone())
            .ok_or_else(|| CoreError::InvalidInput("the message describes no job".into()))?;
        let now = time::now_rfc3339();
        let prepared = self.store.read(|connection| prepare_postings(connection, postings, None))?;
        self.store.write(|tx| {
            let counts = ingest_prepared(tx, prepared, &now)?;
            rank_for_active_campaigns(tx, &counts.changed_jobs, None, Utc::now())?;
            match job_of_posting(tx, SourceKind::Browser, &source_id)? {
                Some(job_id) => Ok(SavedFromBrowser { job_id, new_job: counts.new_jobs > 0 }),
                None => {
                    let problem: Option<String> = tx
                        .query_row(
                            "SELECT problem FROM postings WHERE source = ?1 AND source_job_id = ?2",
                            [SourceKind::Browser.as_str(), &source_id],
                            |row| row.get(0),
                        )
                        .optional()?
                        .flatten();
                    Err(CoreError::InvalidInput(format!(
                        "the page could not become a job: {}",
                        problem.unwrap_or_else(|| "it was not stored".into())
                    )))
                }
            }
        })
    }
}

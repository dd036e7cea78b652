//! The keyword gap between a job and a resume: what the posting asks for, each term shown by the
//! resume as written, under another name, or not at all (`jobhound_pipeline::resume`).

use jobhound_pipeline::resume::{KeywordGap, employer_gap};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, applying::letters, applying::resumes};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobGap {
    pub job_id: i64,
    /// The resume compared: the one asked for, else the application's, else the best-matching
    /// campaign's, else the newest. None when there is no resume: every term is then missing.
    pub resume_id: Option<i64>,
    pub resume_name: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub gap: KeywordGap,
}

/// The gap between job `job_id` and resume `resume_id` (or the job's default resume).
pub fn job_gap(connection: &Connection, job_id: i64, resume_id: Option<i64>) -> Result<JobGap, CoreError> {
    let (title, company, description): (String, String, Option<String>) = connection
        .query_row("SELECT title, company, description_text FROM jobs WHERE id = ?1", [job_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("job {job_id}")))?;
    let posting = format!("{title}\n{}", description.unwrap_or_default());
    let resume_id = match resume_id {
        Some(id) => Some(id),
        None => letters::default_resume(connection, job_id)?,
    };
    let (resume_name, resume_text) = match resume_id {
        Some(id) => {
            let name: String = connection
                .query_row("SELECT name FROM documents WHERE id = ?1 AND kind = 'resume'", [id], |row| row.get(0))
                .optional()?
                .ok_or_else(|| CoreError::NotFound(format!("resume {id}")))?;
            (Some(name), resumes::text(connection, id)?)
        }
        None => (None, String::new()),
    };
    Ok(JobGap { job_id, resume_id, resume_name, gap: employer_gap(&posting, &resume_text, &company) })
}

//! The skills a job asks for, split into those the person's resume shows and those it does not.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::normalize::skill_matcher;
use crate::{CoreError, applying::letters, applying::resumes};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkillFit {
    /// The resume compared: the application's, else the best-matching campaign's, else the newest.
    pub resume_id: Option<i64>,
    pub resume_name: Option<String>,
    pub matched: Vec<String>,
    /// Asked for by the job and not found in the resume (all of them when there is no resume).
    pub missing: Vec<String>,
}

pub fn skill_fit(connection: &Connection, job_id: i64) -> Result<SkillFit, CoreError> {
    let skills: String = connection
        .query_row("SELECT skills FROM jobs WHERE id = ?1", [job_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("job {job_id}")))?;
    let wanted: Vec<String> = serde_json::from_str(&skills).unwrap_or_default();
    let Some(resume_id) = letters::default_resume(connection, job_id)? else {
        return Ok(SkillFit { resume_id: None, resume_name: None, matched: Vec::new(), missing: wanted });
    };
    let name: String =
        connection.query_row("SELECT name FROM documents WHERE id = ?1", [resume_id], |row| row.get(0))?;
    let shown: Vec<String> =
        skill_matcher().find(&resumes::text(connection, resume_id)?).into_iter().map(|s| s.to_lowercase()).collect();
    let (matched, missing) = wanted.into_iter().partition(|skill| shown.contains(&skill.to_lowercase()));
    Ok(SkillFit { resume_id: Some(resume_id), resume_name: Some(name), matched, missing })
}

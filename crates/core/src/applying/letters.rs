//! Cover letters: every version for a job, generated or edited, with the prompt and model that
//! wrote it. A letter is stored only once it is whole.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverLetter {
    pub id: i64,
    pub job_id: i64,
    pub version: i64,
    /// "generated" or "edited".
    pub origin: String,
    pub parent_id: Option<i64>,
    pub resume_id: Option<i64>,
    pub text: String,
    pub tone: String,
    pub notes: String,
    pub prompt: String,
    pub model: String,
    pub created_at: String,
}

/// A piece of a letter as the model writes it, streamed to the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterChunk {
    pub text: String,
}

/// What the person asks for when they generate a letter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterRequest {
    pub job_id: i64,
    /// Default: the application's resume, else a campaign's, else the newest.
    #[serde(default)]
    pub resume_id: Option<i64>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub tone: String,
}

/// The job and resume a prompt is built from.
pub(crate) struct LetterContext {
    pub title: String,
    pub company: String,
    pub location: String,
    pub description: String,
    pub resume_id: Option<i64>,
    pub resume_text: String,
}

pub(crate) fn context(
    connection: &Connection,
    job_id: i64,
    resume_id: Option<i64>,
) -> Result<LetterContext, CoreError> {
    let (title, company, location, description) = connection
        .query_row("SELECT title, company, location_text, description_text FROM jobs WHERE id = ?1", [job_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get::<_, Option<String>>(3)?.unwrap_or_default()))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("job {job_id}")))?;
    let resume_id = match resume_id {
        Some(id) => Some(id),
        None => default_resume(connection, job_id)?,
    };
    let resume_text = match resume_id {
        Some(id) => crate::applying::resumes::text(connection, id)?,
        None => String::new(),
    };
    Ok(LetterContext { title, company, location, description, resume_id, resume_text })
}

/// The application's resume, else the resume of the campaign that ranked the job highest, else
/// the newest resume.
pub(crate) fn default_resume(connection: &Connection, job_id: i64) -> Result<Option<i64>, CoreError> {
    Ok(connection
        .query_row(
            "SELECT COALESCE(
                 (SELECT resume_id FROM applications WHERE job_id = ?1),
                 (SELECT c.resume_id FROM matches m JOIN campaigns c ON c.id = m.campaign_id
                   WHERE m.job_id = ?1 AND c.resume_id IS NOT NULL ORDER BY m.score DESC LIMIT 1),
                 (SELECT id FROM documents WHERE kind = 'resume' ORDER BY created_at DESC, id DESC LIMIT 1))",
            [job_id],
            |row| row.get(0),
        )
        .optional()?
        .flatten())
}

pub(crate) struct NewLetter<'a> {
    pub job_id: i64,
    pub origin: &'a str,
    pub parent_id: Option<i64>,
    pub resume_id: Option<i64>,
    pub text: &'a str,
    pub tone: &'a str,
    pub notes: &'a str,
    pub prompt: &'a str,
    pub model: &'a str,
}

pub(crate) fn insert(tx: &Transaction<'_>, letter: &NewLetter<'_>, now: &str) -> Result<CoverLetter, CoreError> {
    tx.execute(
        "INSERT INTO cover_letters (job_id, version, origin, parent_id, resume_id, text, tone, notes, prompt, model, created_at)
         VALUES (?1, (SELECT COALESCE(MAX(version), 0) + 1 FROM cover_letters WHERE job_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            letter.job_id,
            letter.origin,
            letter.parent_id,
            letter.resume_id,
            letter.text,
            letter.tone,
            letter.notes,
            letter.prompt,
            letter.model,
            now
        ],
    )?;
    get(tx, tx.last_insert_rowid())
}

const COLUMNS: &str = "id, job_id, version, origin, parent_id, resume_id, text, tone, notes, prompt, model, created_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<CoverLetter> {
    Ok(CoverLetter {
        id: row.get(0)?,
        job_id: row.get(1)?,
        version: row.get(2)?,
        origin: row.get(3)?,
        parent_id: row.get(4)?,
        resume_id: row.get(5)?,
        text: row.get(6)?,
        tone: row.get(7)?,
        notes: row.get(8)?,
        prompt: row.get(9)?,
        model: row.get(10)?,
        created_at: row.get(11)?,
    })
}

pub fn get(connection: &Connection, id: i64) -> Result<CoverLetter, CoreError> {
    connection
        .query_row(&format!("SELECT {COLUMNS} FROM cover_letters WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("cover letter {id}")))
}

/// Newest version first.
pub fn for_job(connection: &Connection, job_id: i64) -> Result<Vec<CoverLetter>, CoreError> {
    let mut statement =
        connection.prepare(&format!("SELECT {COLUMNS} FROM cover_letters WHERE job_id = ?1 ORDER BY version DESC"))?;
    let rows = statement.query_map([job_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

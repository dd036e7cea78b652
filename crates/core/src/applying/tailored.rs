//! Tailored resumes: every version for a job, generated or edited, with the prompt and model that
//! wrote it and the claims the person confirmed. Violations are not stored: they are the
//! fabrication check run on each read, against the resume as it is.

use jobhound_pipeline::resume::{ResumeSections, Violation, check_fabrication};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TailoredResume {
    pub id: i64,
    pub job_id: i64,
    pub version: i64,
    /// "generated" or "edited".
    pub origin: String,
    pub parent_id: Option<i64>,
    /// The resume it was tailored from (none once that resume is deleted).
    pub resume_id: Option<i64>,
    pub sections: ResumeSections,
    /// The sections as text, as the editor shows them and the check reads them.
    pub text: String,
    /// The resume it came from, read into sections and written as text the same way, for the
    /// side-by-side view (empty once that resume is deleted).
    pub original_text: String,
    /// The person's own notes for this job: facts the check accepts.
    pub notes: String,
    /// The claims the check questioned that the person confirmed ("I really did this").
    pub confirmed: Vec<String>,
    /// What the check finds, confirmed claims included (see `confirmed`).
    pub violations: Vec<Violation>,
    /// Violations not confirmed yet: export waits until there are none.
    pub unconfirmed: u32,
    pub prompt: String,
    pub model: String,
    pub created_at: String,
}

/// What the person asks for when they tailor a resume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TailorRequest {
    pub job_id: i64,
    /// Default: the application's resume, else a campaign's, else the newest.
    #[serde(default)]
    pub resume_id: Option<i64>,
    #[serde(default)]
    pub notes: String,
}

pub(crate) struct NewTailored<'a> {
    pub job_id: i64,
    pub origin: &'a str,
    pub parent_id: Option<i64>,
    pub resume_id: Option<i64>,
    pub sections: &'a ResumeSections,
    pub notes: &'a str,
    pub confirmed: &'a [String],
    pub prompt: &'a str,
    pub model: &'a str,
}

pub(crate) fn insert(tx: &Transaction<'_>, new: &NewTailored<'_>, now: &str) -> Result<TailoredResume, CoreError> {
    tx.execute(
        "INSERT INTO tailored_resumes (job_id, version, origin, parent_id, resume_id, sections, notes, confirmed, prompt, model, created_at)
         VALUES (:job_id, (SELECT COALESCE(MAX(version), 0) + 1 FROM tailored_resumes WHERE job_id = :job_id),
                 :origin, :parent_id, :resume_id, :sections, :notes, :confirmed, :prompt, :model, :now)",
        rusqlite::named_params! {
            ":job_id": new.job_id,
            ":origin": new.origin,
            ":parent_id": new.parent_id,
            ":resume_id": new.resume_id,
            ":sections": serde_json::to_string(new.sections)?,
            ":notes": new.notes,
            ":confirmed": serde_json::to_string(new.confirmed)?,
            ":prompt": new.prompt,
            ":model": new.model,
            ":now": now,
        },
    )?;
    get(tx, tx.last_insert_rowid())
}

/// Adds `claim` to the version's confirmed claims (once).
pub(crate) fn confirm(tx: &Transaction<'_>, id: i64, claim: &str) -> Result<(), CoreError> {
    let mut confirmed = get(tx, id)?.confirmed;
    if !confirmed.iter().any(|known| known == claim) {
        confirmed.push(claim.to_string());
    }
    tx.execute(
        "UPDATE tailored_resumes SET confirmed = ?2 WHERE id = ?1",
        params![id, serde_json::to_string(&confirmed)?],
    )?;
    Ok(())
}

const COLUMNS: &str =
    "id, job_id, version, origin, parent_id, resume_id, sections, notes, confirmed, prompt, model, created_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<TailoredResume> {
    let json = |index: usize| -> rusqlite::Result<String> { row.get(index) };
    let sections: ResumeSections = serde_json::from_str(&json(6)?).unwrap_or_default();
    let confirmed: Vec<String> = serde_json::from_str(&json(8)?).unwrap_or_default();
    Ok(TailoredResume {
        id: row.get(0)?,
        job_id: row.get(1)?,
        version: row.get(2)?,
        origin: row.get(3)?,
        parent_id: row.get(4)?,
        resume_id: row.get(5)?,
        text: sections.to_text(),
        original_text: String::new(),
        sections,
        notes: row.get(7)?,
        confirmed,
        violations: Vec::new(),
        unconfirmed: 0,
        prompt: row.get(9)?,
        model: row.get(10)?,
        created_at: row.get(11)?,
    })
}

/// Runs the fabrication check against the resume the version came from.
fn checked(connection: &Connection, mut tailored: TailoredResume) -> Result<TailoredResume, CoreError> {
    let (facts, original_text) = match tailored.resume_id {
        Some(id) => (
            crate::applying::resume_structure::facts(connection, id)?,
            crate::applying::resume_structure::get(connection, id)?.sections.to_text(),
        ),
        None => (String::new(), String::new()),
    };
    tailored.violations = check_fabrication(&facts, &tailored.text, &tailored.notes);
    tailored.original_text = original_text;
    tailored.unconfirmed = u32::try_from(
        tailored.violations.iter().filter(|violation| !tailored.confirmed.contains(&violation.text)).count(),
    )
    .unwrap_or(u32::MAX);
    Ok(tailored)
}

pub fn get(connection: &Connection, id: i64) -> Result<TailoredResume, CoreError> {
    let row = connection
        .query_row(&format!("SELECT {COLUMNS} FROM tailored_resumes WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("tailored resume {id}")))?;
    checked(connection, row)
}

/// Newest version first.
pub fn for_job(connection: &Connection, job_id: i64) -> Result<Vec<TailoredResume>, CoreError> {
    let mut statement = connection
        .prepare(&format!("SELECT {COLUMNS} FROM tailored_resumes WHERE job_id = ?1 ORDER BY version DESC"))?;
    let rows = statement.query_map([job_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(|row| checked(connection, row)).collect()
}

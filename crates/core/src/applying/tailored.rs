//! Tailored resumes: every version for a job, generated or edited, with the prompt and model that
//! wrote it and the claims the person confirmed. Violations are not stored: they are the
//! fabrication check run on each read, against the resume as it is.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use jobhound_pipeline::resume::{ResumeSections, Violation, check_fabrication};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::applying::resume_structure;

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

/// The facts and the text form of the resume a version came from (empty once it is deleted).
#[derive(Default)]
struct Original {
    facts: String,
    text: String,
}

fn original(connection: &Connection, resume_id: Option<i64>) -> Result<Original, CoreError> {
    let Some(id) = resume_id else { return Ok(Original::default()) };
    let structure = resume_structure::get(connection, id)?;
    Ok(Original { facts: structure.facts(), text: structure.sections_text })
}

/// Runs the fabrication check against the resume the version came from.
fn checked(mut tailored: TailoredResume, original: &Original) -> TailoredResume {
    tailored.violations = check_fabrication(&original.facts, &tailored.text, &tailored.notes);
    tailored.original_text = original.text.clone();
    tailored.unconfirmed = u32::try_from(
        tailored.violations.iter().filter(|violation| !tailored.confirmed.contains(&violation.text)).count(),
    )
    .unwrap_or(u32::MAX);
    tailored
}

pub fn get(connection: &Connection, id: i64) -> Result<TailoredResume, CoreError> {
    let row = connection
        .query_row(&format!("SELECT {COLUMNS} FROM tailored_resumes WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("tailored resume {id}")))?;
    let original = original(connection, row.resume_id)?;
    Ok(checked(row, &original))
}

/// What an edit of version `id` is checked against: the resume's facts and the version's notes.
/// Read without checking the version itself, for the editor's check as the person types.
pub fn facts_for_edit(connection: &Connection, id: i64) -> Result<(String, String), CoreError> {
    let (resume_id, notes): (Option<i64>, String) = connection
        .query_row("SELECT resume_id, notes FROM tailored_resumes WHERE id = ?1", [id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("tailored resume {id}")))?;
    Ok((original(connection, resume_id)?.facts, notes))
}

/// Newest version first; each resume is read once, however many versions came from it.
pub fn for_job(connection: &Connection, job_id: i64) -> Result<Vec<TailoredResume>, CoreError> {
    let mut statement = connection
        .prepare(&format!("SELECT {COLUMNS} FROM tailored_resumes WHERE job_id = ?1 ORDER BY version DESC"))?;
    let rows = statement.query_map([job_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    let mut originals: HashMap<Option<i64>, Original> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let original = match originals.entry(row.resume_id) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(slot) => slot.insert(original(connection, row.resume_id)?),
        };
        out.push(checked(row, original));
    }
    Ok(out)
}

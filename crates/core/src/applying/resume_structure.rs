//! A resume's structure: read from its text, or as the person corrected it. A correction is kept
//! beside the resume; the file and its text never change, and dropping the correction goes back
//! to what was read.

use jobhound_pipeline::resume::{ResumeSections, read_sections};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::applying::resumes;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResumeStructure {
    pub resume_id: i64,
    pub sections: ResumeSections,
    /// The sections in the editor's text form (headings, "Title, Organization | Dates", "- bullet").
    pub sections_text: String,
    /// The person corrected it; otherwise it is what was read from the text.
    pub corrected: bool,
    /// The resume's extracted text, to show beside it.
    pub text: String,
}

pub fn get(connection: &Connection, resume_id: i64) -> Result<ResumeStructure, CoreError> {
    let text = resumes::text(connection, resume_id)?;
    let stored: Option<String> = connection
        .query_row("SELECT sections FROM resume_corrections WHERE document_id = ?1", [resume_id], |row| row.get(0))
        .optional()?;
    // A correction that no longer reads (written by a later version's shape) falls back to the text.
    let corrected = stored.and_then(|json| serde_json::from_str::<ResumeSections>(&json).ok());
    let (sections, corrected) = match corrected {
        Some(sections) => (sections, true),
        None => (read_sections(&text), false),
    };
    Ok(ResumeStructure { resume_id, sections_text: sections.to_text(), sections, corrected, text })
}

pub fn correct(tx: &Transaction<'_>, resume_id: i64, sections: &ResumeSections, now: &str) -> Result<(), CoreError> {
    resumes::text(tx, resume_id)?;
    tx.execute(
        "INSERT INTO resume_corrections (document_id, sections, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (document_id) DO UPDATE SET sections = excluded.sections, updated_at = excluded.updated_at",
        params![resume_id, serde_json::to_string(sections)?, now],
    )?;
    Ok(())
}

pub fn reset(tx: &Transaction<'_>, resume_id: i64) -> Result<(), CoreError> {
    tx.execute("DELETE FROM resume_corrections WHERE document_id = ?1", [resume_id])?;
    Ok(())
}

impl ResumeStructure {
    /// What the fabrication check takes as the person's own facts from the resume: its text, and
    /// the structure as they corrected it.
    pub fn facts(&self) -> String {
        if self.corrected { format!("{}\n{}", self.text, self.sections_text) } else { self.text.clone() }
    }
}

//! Applications: where each job the person acts on stands, with a timeline of every status change
//! (appended, never overwritten), notes, contacts, a follow-up date and the files sent.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ApplicationStatus {
    Saved,
    Preparing,
    Applied,
    Interviewing,
    Offer,
    Accepted,
    Rejected,
    Withdrawn,
    Archived,
}

impl ApplicationStatus {
    /// In board order.
    pub const ALL: [Self; 9] = [
        Self::Saved,
        Self::Preparing,
        Self::Applied,
        Self::Interviewing,
        Self::Offer,
        Self::Accepted,
        Self::Rejected,
        Self::Withdrawn,
        Self::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Saved => "saved",
            Self::Preparing => "preparing",
            Self::Applied => "applied",
            Self::Interviewing => "interviewing",
            Self::Offer => "offer",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
            Self::Archived => "archived",
        }
    }

    pub fn parse(text: &str) -> Result<Self, CoreError> {
        Self::ALL.into_iter().find(|status| status.as_str() == text.trim().to_ascii_lowercase()).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "unknown status \"{text}\"; use one of {}",
                Self::ALL.map(Self::as_str).join(", ")
            ))
        })
    }

    /// Statuses that mean the application went out.
    pub fn was_sent(self) -> bool {
        matches!(self, Self::Applied | Self::Interviewing | Self::Offer | Self::Accepted | Self::Rejected)
    }
}

impl rusqlite::types::FromSql for ApplicationStatus {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown status {text}").into()))
    }
}

/// One row of the board or the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApplicationSummary {
    pub id: i64,
    pub job_id: i64,
    pub title: String,
    pub company: String,
    pub location_text: String,
    pub status: ApplicationStatus,
    pub resume_id: Option<i64>,
    pub applied_at: Option<String>,
    pub follow_up_on: Option<String>,
    /// The job's best score over the campaigns that ranked it.
    pub best_score: Option<u8>,
    pub created_at: String,
    pub updated_at: String,
}

/// Who made a change in an application's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Actor {
    You,
    /// The person's AI assistant, through the MCP server, with their leave.
    Assistant,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::You => "you",
            Self::Assistant => "assistant",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ApplicationEvent {
    pub from_status: Option<ApplicationStatus>,
    pub to_status: ApplicationStatus,
    pub created_at: String,
    pub actor: Actor,
    /// A note added to the timeline (the status stays as it was).
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactInput {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contact {
    pub id: i64,
    #[serde(flatten)]
    pub details: ContactInput,
}

/// A file exported for the application (a cover letter), and where it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AttachedFile {
    pub id: i64,
    pub document_id: i64,
    pub letter_id: Option<i64>,
    pub file_name: String,
    pub format: String,
    pub saved_to: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApplicationDetail {
    #[serde(flatten)]
    pub summary: ApplicationSummary,
    pub notes: String,
    /// Oldest first.
    pub timeline: Vec<ApplicationEvent>,
    pub contacts: Vec<Contact>,
    pub files: Vec<AttachedFile>,
}

/// What the detail form edits besides the status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApplicationUpdate {
    pub notes: String,
    /// Local date "YYYY-MM-DD".
    pub follow_up_on: Option<String>,
    pub resume_id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApplicationQuery {
    /// Empty: every status but archived.
    #[serde(default)]
    pub statuses: Vec<ApplicationStatus>,
    /// Words in the title or company.
    #[serde(default)]
    pub text: Option<String>,
    /// Only those whose follow-up date is on or before this local date.
    #[serde(default)]
    pub follow_up_by: Option<String>,
}

/// The window in which applying again to the same company for a similar title earns a warning.
pub const RECENT_DAYS: i64 = 60;

const SUMMARY_COLUMNS: &str =
    "a.id, a.job_id, j.title, j.company, j.location_text, a.status, a.resume_id, a.applied_at,
     a.follow_up_on, (SELECT MAX(score) FROM matches m WHERE m.job_id = a.job_id AND m.filtered IS NULL),
     a.created_at, a.updated_at";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ApplicationSummary> {
    Ok(ApplicationSummary {
        id: row.get(0)?,
        job_id: row.get(1)?,
        title: row.get(2)?,
        company: row.get(3)?,
        location_text: row.get(4)?,
        status: row.get(5)?,
        resume_id: row.get(6)?,
        applied_at: row.get(7)?,
        follow_up_on: row.get(8)?,
        best_score: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

pub fn id_for_job(connection: &Connection, job_id: i64) -> Result<Option<i64>, CoreError> {
    Ok(connection.query_row("SELECT id FROM applications WHERE job_id = ?1", [job_id], |row| row.get(0)).optional()?)
}

/// The job's application, created as "saved" (or `initial`) when there is none yet.
/// Records the resume a letter was written from, unless the person already chose one.
pub fn remember_resume(tx: &Transaction<'_>, application_id: i64, resume_id: Option<i64>) -> Result<(), CoreError> {
    if let Some(resume_id) = resume_id {
        tx.execute(
            "UPDATE applications SET resume_id = ?2 WHERE id = ?1 AND resume_id IS NULL \
             AND EXISTS (SELECT 1 FROM documents WHERE id = ?2 AND kind = 'resume')",
            params![application_id, resume_id],
        )?;
    }
    Ok(())
}

pub fn ensure(tx: &Transaction<'_>, job_id: i64, initial: ApplicationStatus, now: &str) -> Result<i64, CoreError> {
    if let Some(id) = id_for_job(tx, job_id)? {
        return Ok(id);
    }
    let job_exists: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM jobs WHERE id = ?1)", [job_id], |row| row.get(0))?;
    if !job_exists {
        return Err(CoreError::NotFound(format!("job {job_id}")));
    }
    let applied_at = initial.was_sent().then_some(now);
    tx.execute(
        "INSERT INTO applications (job_id, status, applied_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![job_id, initial.as_str(), applied_at, now],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO application_events (application_id, from_status, to_status, created_at) VALUES (?1, NULL, ?2, ?3)",
        params![id, initial.as_str(), now],
    )?;
    Ok(id)
}

/// Moves the job's application to `status` (creating it if needed) and appends the change to its
/// timeline, saying who made the change. Returns the status it had before, `None` if the
/// application is new.
pub fn set_status(
    tx: &Transaction<'_>,
    job_id: i64,
    status: ApplicationStatus,
    now: &str,
    actor: Actor,
) -> Result<Option<ApplicationStatus>, CoreError> {
    let Some(id) = id_for_job(tx, job_id)? else {
        let id = ensure(tx, job_id, status, now)?;
        // The new application's one event: made by whoever created it.
        tx.execute("UPDATE application_events SET actor = ?2 WHERE application_id = ?1", params![id, actor.as_str()])?;
        return Ok(None);
    };
    let before: ApplicationStatus =
        tx.query_row("SELECT status FROM applications WHERE id = ?1", [id], |row| row.get(0))?;
    if before == status {
        return Ok(Some(before));
    }
    tx.execute(
        "UPDATE applications SET status = ?2, updated_at = ?3,
             applied_at = CASE WHEN ?4 AND applied_at IS NULL THEN ?3 ELSE applied_at END
         WHERE id = ?1",
        params![id, status.as_str(), now, status.was_sent()],
    )?;
    tx.execute(
        "INSERT INTO application_events (application_id, from_status, to_status, created_at, actor)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, before.as_str(), status.as_str(), now, actor.as_str()],
    )?;
    Ok(Some(before))
}

pub fn update(tx: &Transaction<'_>, id: i64, update: &ApplicationUpdate, now: &str) -> Result<(), CoreError> {
    let follow_up = update.follow_up_on.as_deref().map(str::trim).filter(|date| !date.is_empty());
    if let Some(date) = follow_up {
        NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| CoreError::InvalidField {
            field: "follow_up_on",
            message: format!("\"{date}\" is not a date like 2026-12-01."),
        })?;
    }
    if let Some(resume_id) = update.resume_id {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1 AND kind = 'resume')",
            [resume_id],
            |row| row.get(0),
        )?;
        if !known {
            return Err(CoreError::InvalidField { field: "resume_id", message: "That resume was deleted.".into() });
        }
    }
    let changed = tx.execute(
        "UPDATE applications SET notes = ?2, follow_up_on = ?3, resume_id = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, update.notes, follow_up, update.resume_id, now],
    )?;
    if changed == 0 {
        return Err(CoreError::NotFound(format!("application {id}")));
    }
    Ok(())
}

/// The most a note added to a timeline may say.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// Adds a note to the application's timeline, its status unchanged.
pub fn add_note(tx: &Transaction<'_>, id: i64, note: &str, actor: Actor, now: &str) -> Result<(), CoreError> {
    let note = note.trim();
    if note.is_empty() || note.chars().count() > MAX_NOTE_CHARS {
        return Err(CoreError::InvalidInput(format!("a note has 1 to {MAX_NOTE_CHARS} characters")));
    }
    let status: ApplicationStatus = tx
        .query_row("SELECT status FROM applications WHERE id = ?1", [id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("application {id}")))?;
    tx.execute(
        "INSERT INTO application_events (application_id, from_status, to_status, created_at, actor, note)
         VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
        params![id, status.as_str(), now, actor.as_str(), note],
    )?;
    tx.execute("UPDATE applications SET updated_at = ?2 WHERE id = ?1", params![id, now])?;
    Ok(())
}

/// Moves the follow-up to `date` ("YYYY-MM-DD"), e.g. the day an interview invitation names.
pub fn set_follow_up(tx: &Transaction<'_>, id: i64, date: &str, now: &str) -> Result<(), CoreError> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| CoreError::InvalidField {
        field: "follow_up_on",
        message: format!("\"{date}\" is not a date."),
    })?;
    tx.execute("UPDATE applications SET follow_up_on = ?2, updated_at = ?3 WHERE id = ?1", params![id, date, now])?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, id: i64) -> Result<(), CoreError> {
    if tx.execute("DELETE FROM applications WHERE id = ?1", [id])? == 0 {
        return Err(CoreError::NotFound(format!("application {id}")));
    }
    Ok(())
}

pub fn list(connection: &Connection, query: &ApplicationQuery) -> Result<Vec<ApplicationSummary>, CoreError> {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if query.statuses.is_empty() {
        conditions.push("a.status <> 'archived'".to_string());
    } else {
        let marks = query
            .statuses
            .iter()
            .map(|status| {
                values.push(Value::Text(status.as_str().to_string()));
                format!("?{}", values.len())
            })
            .collect::<Vec<_>>();
        conditions.push(format!("a.status IN ({})", marks.join(", ")));
    }
    for word in query.text.as_deref().unwrap_or_default().split_whitespace() {
        values.push(Value::Text(format!("%{}%", word.replace(['%', '_'], ""))));
        conditions.push(format!("(j.title LIKE ?{0} OR j.company LIKE ?{0})", values.len()));
    }
    if let Some(date) = query.follow_up_by.as_deref() {
        values.push(Value::Text(date.to_string()));
        conditions.push(format!("a.follow_up_on <= ?{}", values.len()));
    }
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM applications a JOIN jobs j ON j.id = a.job_id
         WHERE {} ORDER BY a.updated_at DESC, a.id DESC",
        conditions.join(" AND ")
    );
    let mut statement = connection.prepare(&sql)?;
    let rows = statement.query_map(params_from_iter(values), summary_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn get(connection: &Connection, id: i64) -> Result<ApplicationDetail, CoreError> {
    let (summary, notes) = connection
        .query_row(
            &format!(
                "SELECT {SUMMARY_COLUMNS}, a.notes FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = ?1"
            ),
            [id],
            |row| Ok((summary_from_row(row)?, row.get::<_, String>(12)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("application {id}")))?;
    let mut timeline = connection.prepare_cached(
        "SELECT from_status, to_status, created_at, actor, note FROM application_events WHERE application_id = ?1 ORDER BY id",
    )?;
    let timeline = timeline
        .query_map([id], |row| {
            let actor: String = row.get(3)?;
            Ok(ApplicationEvent {
                from_status: row.get(0)?,
                to_status: row.get(1)?,
                created_at: row.get(2)?,
                actor: if actor == "assistant" { Actor::Assistant } else { Actor::You },
                note: row.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut contacts = connection.prepare_cached(
        "SELECT id, name, role, email, phone, notes FROM application_contacts WHERE application_id = ?1 ORDER BY id",
    )?;
    let contacts = contacts
        .query_map([id], |row| {
            Ok(Contact {
                id: row.get(0)?,
                details: ContactInput {
                    name: row.get(1)?,
                    role: row.get(2)?,
                    email: row.get(3)?,
                    phone: row.get(4)?,
                    notes: row.get(5)?,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut files = connection.prepare_cached(
        "SELECT f.id, f.document_id, f.letter_id, d.file_name, d.format, f.saved_to, f.created_at
         FROM application_files f JOIN documents d ON d.id = f.document_id
         WHERE f.application_id = ?1 ORDER BY f.id",
    )?;
    let files = files
        .query_map([id], |row| {
            Ok(AttachedFile {
                id: row.get(0)?,
                document_id: row.get(1)?,
                letter_id: row.get(2)?,
                file_name: row.get(3)?,
                format: row.get(4)?,
                saved_to: row.get(5)?,
                created_at: row.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ApplicationDetail { summary, notes, timeline, contacts, files })
}

fn check_contact(contact: &ContactInput) -> Result<(), CoreError> {
    if contact.name.trim().is_empty() {
        return Err(CoreError::InvalidField { field: "name", message: "A contact needs a name.".into() });
    }
    let email = contact.email.trim();
    if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
        return Err(CoreError::InvalidField {
            field: "email",
            message: format!("\"{email}\" is not an email address."),
        });
    }
    Ok(())
}

pub fn add_contact(tx: &Transaction<'_>, application_id: i64, contact: &ContactInput) -> Result<i64, CoreError> {
    check_contact(contact)?;
    tx.execute(
        "INSERT INTO application_contacts (application_id, name, role, email, phone, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            application_id,
            contact.name.trim(),
            contact.role.trim(),
            contact.email.trim(),
            contact.phone.trim(),
            contact.notes
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn contact_application(connection: &Connection, contact_id: i64) -> Result<i64, CoreError> {
    connection
        .query_row("SELECT application_id FROM application_contacts WHERE id = ?1", [contact_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("contact {contact_id}")))
}

pub fn update_contact(tx: &Transaction<'_>, id: i64, contact: &ContactInput) -> Result<i64, CoreError> {
    check_contact(contact)?;
    let application_id = contact_application(tx, id)?;
    tx.execute(
        "UPDATE application_contacts SET name = ?2, role = ?3, email = ?4, phone = ?5, notes = ?6 WHERE id = ?1",
        params![
            id,
            contact.name.trim(),
            contact.role.trim(),
            contact.email.trim(),
            contact.phone.trim(),
            contact.notes
        ],
    )?;
    Ok(application_id)
}

pub fn remove_contact(tx: &Transaction<'_>, id: i64) -> Result<i64, CoreError> {
    let application_id = contact_application(tx, id)?;
    tx.execute("DELETE FROM application_contacts WHERE id = ?1", [id])?;
    Ok(application_id)
}

pub fn attach_file(
    tx: &Transaction<'_>,
    application_id: i64,
    document_id: i64,
    letter_id: Option<i64>,
    saved_to: &str,
    now: &str,
) -> Result<(), CoreError> {
    tx.execute(
        "INSERT INTO application_files (application_id, document_id, letter_id, saved_to, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![application_id, document_id, letter_id, saved_to, now],
    )?;
    tx.execute("UPDATE applications SET updated_at = ?2 WHERE id = ?1", params![application_id, now])?;
    Ok(())
}

/// Applications already sent to the job's company in the last [`RECENT_DAYS`] for a similar
/// title (half or more of the title's words shared), the job's own application excepted.
pub fn similar_recent(
    connection: &Connection,
    job_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<ApplicationSummary>, CoreError> {
    let (company_key, title_key): (String, String) = connection
        .query_row("SELECT company_key, title_key FROM jobs WHERE id = ?1", [job_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("job {job_id}")))?;
    if company_key.is_empty() {
        return Ok(Vec::new());
    }
    let since = crate::time::to_rfc3339(now - Duration::days(RECENT_DAYS));
    let mut statement = connection.prepare(&format!(
        "SELECT {SUMMARY_COLUMNS}, j.title_key FROM applications a JOIN jobs j ON j.id = a.job_id
         WHERE j.company_key = ?1 AND a.job_id <> ?2 AND a.applied_at >= ?3 ORDER BY a.applied_at DESC"
    ))?;
    let rows = statement
        .query_map(params![company_key, job_id, since], |row| Ok((summary_from_row(row)?, row.get::<_, String>(12)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows.into_iter().filter(|(_, other)| titles_similar(&title_key, other)).map(|(summary, _)| summary).collect())
}

fn titles_similar(a: &str, b: &str) -> bool {
    let words = |text: &str| text.split_whitespace().map(str::to_string).collect::<HashSet<_>>();
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.intersection(&b).count() as f64;
    shared / a.union(&b).count() as f64 >= 0.5
}

/// Applications whose follow-up date has come (on or before `today`) and were not reminded of
/// for that date yet.
pub fn due_follow_ups(connection: &Connection, today: &str) -> Result<Vec<ApplicationSummary>, CoreError> {
    let mut statement = connection.prepare(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM applications a JOIN jobs j ON j.id = a.job_id
         WHERE a.follow_up_on IS NOT NULL AND a.follow_up_on <= ?1
           AND (a.reminded_for IS NULL OR a.reminded_for <> a.follow_up_on)
           AND a.status NOT IN ('accepted', 'rejected', 'withdrawn', 'archived')
         ORDER BY a.follow_up_on, a.id"
    ))?;
    let rows = statement.query_map([today], summary_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn mark_reminded(tx: &Transaction<'_>, id: i64) -> Result<(), CoreError> {
    tx.execute("UPDATE applications SET reminded_for = follow_up_on WHERE id = ?1", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_titles_share_half_their_words() {
        assert!(titles_similar("rust engineer", "senior rust engineer"));
        assert!(!titles_similar("account executive", "rust engineer"));
        assert!(!titles_similar("", "rust engineer"));
    }

    #[test]
    fn statuses_parse_and_round_trip() {
        for status in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(status.as_str()).ok(), Some(status));
        }
        assert!(ApplicationStatus::parse("ghosted").is_err_and(|e| e.to_string().contains("saved, preparing")));
    }
}

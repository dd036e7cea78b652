//! The inbox's rows: where reading stopped in each folder, and the messages matched to
//! applications with their proposals and how the person reviewed them.

use jobhound_inbox::{ApplicationRef, MailStatus, MatchedBy};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::applying::applications::ApplicationStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Review {
    /// Waiting for the person: in "From your inbox".
    Pending,
    Accepted,
    /// The person chose another status than the one proposed.
    Changed,
    Dismissed,
    /// Sure enough, and the person let sure proposals apply themselves.
    AppliedItself,
    /// Nothing to change (a confirmation of an application already marked applied): shown in the
    /// timeline only.
    Noted,
}

impl Review {
    const ALL: [Self; 6] =
        [Self::Pending, Self::Accepted, Self::Changed, Self::Dismissed, Self::AppliedItself, Self::Noted];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Changed => "changed",
            Self::Dismissed => "dismissed",
            Self::AppliedItself => "applied_itself",
            Self::Noted => "noted",
        }
    }
}

impl rusqlite::types::FromSql for Review {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Self::ALL
            .into_iter()
            .find(|review| review.as_str() == text)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown review {text}").into()))
    }
}

/// A message matched to an application, as the timeline and the review list show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InboxMessage {
    pub id: i64,
    pub application_id: i64,
    pub job_id: i64,
    pub job_title: String,
    pub company: String,
    pub application_status: ApplicationStatus,
    pub sender: String,
    pub subject: String,
    pub sent_at: Option<String>,
    pub snippet: String,
    pub kind: MailStatus,
    pub confidence: f64,
    /// The sentence that decided the kind.
    pub evidence: String,
    /// "rules" or "model".
    pub decided_by: String,
    pub matched_by: MatchedBy,
    pub interview_on: Option<String>,
    pub proposed_status: Option<ApplicationStatus>,
    pub review: Review,
    pub chosen_status: Option<ApplicationStatus>,
    pub reviewed_at: Option<String>,
    pub created_at: String,
}

/// A message to keep: everything but the body.
#[derive(Debug, Clone)]
pub struct NewInboxMessage {
    pub application_id: i64,
    pub message_id: String,
    pub folder: String,
    pub sender: String,
    pub subject: String,
    pub sent_at: Option<String>,
    pub snippet: String,
    pub kind: MailStatus,
    pub confidence: f64,
    pub evidence: String,
    pub decided_by: &'static str,
    pub matched_by: MatchedBy,
    pub interview_on: Option<String>,
    pub proposed_status: Option<ApplicationStatus>,
    pub review: Review,
}

fn matched_by_str(matched_by: MatchedBy) -> &'static str {
    match matched_by {
        MatchedBy::Thread => "thread",
        MatchedBy::Domain => "domain",
        MatchedBy::Company => "company",
    }
}

fn matched_by_from(text: &str) -> MatchedBy {
    match text {
        "thread" => MatchedBy::Thread,
        "domain" => MatchedBy::Domain,
        _ => MatchedBy::Company,
    }
}

/// The UIDVALIDITY and last UID read of a folder, if it was read before.
pub fn cursor(connection: &Connection, folder: &str) -> Result<Option<(u32, u32)>, CoreError> {
    Ok(connection
        .query_row("SELECT uid_validity, last_uid FROM inbox_folders WHERE folder = ?1", [folder], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?)
}

pub fn save_cursor(
    tx: &Transaction<'_>,
    folder: &str,
    uid_validity: u32,
    last_uid: u32,
    now: &str,
) -> Result<(), CoreError> {
    tx.execute(
        "INSERT INTO inbox_folders (folder, uid_validity, last_uid, checked_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
         checked_at = excluded.checked_at",
        params![folder, uid_validity, last_uid, now],
    )?;
    Ok(())
}

/// Keeps a matched message; one already kept (the same Message-ID) is not kept twice.
pub fn insert(tx: &Transaction<'_>, message: &NewInboxMessage, now: &str) -> Result<Option<i64>, CoreError> {
    let snippet: String = message.snippet.chars().take(jobhound_inbox::SNIPPET_CHARS).collect();
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO inbox_messages (application_id, message_id, folder, sender, subject, sent_at, snippet,
         kind, confidence, evidence, decided_by, matched_by, interview_on, proposed_status, review, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            message.application_id,
            message.message_id,
            message.folder,
            message.sender,
            message.subject,
            message.sent_at,
            snippet,
            message.kind.as_str(),
            message.confidence,
            message.evidence,
            message.decided_by,
            matched_by_str(message.matched_by),
            message.interview_on,
            message.proposed_status.map(ApplicationStatus::as_str),
            message.review.as_str(),
            now,
        ],
    )?;
    Ok((inserted == 1).then(|| tx.last_insert_rowid()))
}

/// Every application a message could be about (all but archived ones), newest first, with the
/// hosts its job lives on and the messages already matched to it.
pub fn application_refs(connection: &Connection) -> Result<Vec<(ApplicationRef, ApplicationStatus)>, CoreError> {
    let mut statement = connection.prepare(
        "SELECT a.id, j.company, j.title, COALESCE(j.url, ''), COALESCE(j.apply_url, ''), a.status
         FROM applications a JOIN jobs j ON j.id = a.job_id
         WHERE a.status <> 'archived' ORDER BY a.created_at DESC, a.id DESC",
    )?;
    let rows = statement
        .query_map([], |row| {
            let hosts: Vec<String> = [row.get::<_, String>(3)?, row.get::<_, String>(4)?]
                .iter()
                .filter_map(|url| url::Url::parse(url).ok())
                .filter_map(|url| url.host_str().map(str::to_string))
                .collect();
            Ok((
                ApplicationRef {
                    id: row.get(0)?,
                    company: row.get(1)?,
                    title: row.get(2)?,
                    hosts,
                    message_ids: Vec::new(),
                },
                row.get::<_, ApplicationStatus>(5)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    drop(statement);
    let mut ids = connection.prepare("SELECT message_id FROM inbox_messages WHERE application_id = ?1")?;
    let mut refs = Vec::with_capacity(rows.len());
    for (mut application, status) in rows {
        application.message_ids = ids.query_map([application.id], |row| row.get(0))?.collect::<Result<_, _>>()?;
        refs.push((application, status));
    }
    Ok(refs)
}

/// The day the oldest open application was made: where reading starts by default.
pub fn oldest_open_application_day(connection: &Connection) -> Result<Option<String>, CoreError> {
    let oldest: Option<String> = connection.query_row(
        "SELECT MIN(COALESCE(applied_at, created_at)) FROM applications
         WHERE status IN ('saved', 'preparing', 'applied', 'interviewing', 'offer')",
        [],
        |row| row.get(0),
    )?;
    Ok(oldest.and_then(|when| when.get(..10).map(str::to_string)))
}

const SELECT: &str = "SELECT m.id, m.application_id, a.job_id, j.title, j.company, a.status, m.sender, m.subject,
    m.sent_at, m.snippet, m.kind, m.confidence, m.evidence, m.decided_by, m.matched_by, m.interview_on,
    m.proposed_status, m.review, m.chosen_status, m.reviewed_at, m.created_at
    FROM inbox_messages m JOIN applications a ON a.id = m.application_id JOIN jobs j ON j.id = a.job_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<InboxMessage> {
    let kind: String = row.get(10)?;
    let proposed: Option<String> = row.get(16)?;
    let chosen: Option<String> = row.get(18)?;
    let status = |text: Option<String>| text.and_then(|text| ApplicationStatus::parse(&text).ok());
    Ok(InboxMessage {
        id: row.get(0)?,
        application_id: row.get(1)?,
        job_id: row.get(2)?,
        job_title: row.get(3)?,
        company: row.get(4)?,
        application_status: row.get(5)?,
        sender: row.get(6)?,
        subject: row.get(7)?,
        sent_at: row.get(8)?,
        snippet: row.get(9)?,
        kind: MailStatus::parse(&kind).unwrap_or(MailStatus::Other),
        confidence: row.get(11)?,
        evidence: row.get(12)?,
        decided_by: row.get(13)?,
        matched_by: matched_by_from(&row.get::<_, String>(14)?),
        interview_on: row.get(15)?,
        proposed_status: status(proposed),
        review: row.get(17)?,
        chosen_status: status(chosen),
        reviewed_at: row.get(19)?,
        created_at: row.get(20)?,
    })
}

pub fn get(connection: &Connection, id: i64) -> Result<InboxMessage, CoreError> {
    connection
        .query_row(&format!("{SELECT} WHERE m.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("inbox message {id}")))
}

/// Proposals waiting for the person, newest first.
pub fn pending(connection: &Connection) -> Result<Vec<InboxMessage>, CoreError> {
    let mut statement = connection.prepare(&format!(
        "{SELECT} WHERE m.review = 'pending' ORDER BY COALESCE(m.sent_at, m.created_at) DESC, m.id DESC"
    ))?;
    Ok(statement.query_map([], from_row)?.collect::<Result<_, _>>()?)
}

/// An application's messages, oldest first, for its timeline.
pub fn for_application(connection: &Connection, application_id: i64) -> Result<Vec<InboxMessage>, CoreError> {
    let mut statement = connection
        .prepare(&format!("{SELECT} WHERE m.application_id = ?1 ORDER BY COALESCE(m.sent_at, m.created_at), m.id"))?;
    Ok(statement.query_map([application_id], from_row)?.collect::<Result<_, _>>()?)
}

pub fn set_review(
    tx: &Transaction<'_>,
    id: i64,
    review: Review,
    chosen: Option<ApplicationStatus>,
    now: &str,
) -> Result<(), CoreError> {
    let changed = tx.execute(
        "UPDATE inbox_messages SET review = ?2, chosen_status = ?3, reviewed_at = ?4 WHERE id = ?1",
        params![id, review.as_str(), chosen.map(ApplicationStatus::as_str), now],
    )?;
    if changed == 0 {
        return Err(CoreError::NotFound(format!("inbox message {id}")));
    }
    Ok(())
}

//! Every job with its application and timeline, as CSV (one row per job, for spreadsheets) or
//! JSON (everything, nested), written where the person asks.

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::applying::resumes::write_atomically;
use crate::{CoreError, Store, time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    pub fn parse(text: &str) -> Result<Self, CoreError> {
        match text.to_ascii_lowercase().as_str() {
            "csv" => Ok(Self::Csv),
            "json" => Ok(Self::Json),
            other => Err(CoreError::InvalidInput(format!("unknown export format {other:?}; use csv or json"))),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    pub jobs: u32,
    pub applications: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportedEvent {
    pub from: Option<String>,
    pub to: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportedContact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportedApplication {
    pub status: String,
    pub applied_at: Option<String>,
    pub follow_up_on: Option<String>,
    pub notes: String,
    pub timeline: Vec<ExportedEvent>,
    pub contacts: Vec<ExportedContact>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportedJob {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub locations: Vec<String>,
    pub remote: Option<String>,
    pub employment_type: Option<String>,
    pub seniority: Option<String>,
    pub salary_min: Option<f64>,
    pub salary_max: Option<f64>,
    pub salary_currency: Option<String>,
    pub salary_period: Option<String>,
    pub skills: Vec<String>,
    pub posted_at: Option<String>,
    pub first_seen_at: String,
    pub closed_at: Option<String>,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    pub sources: Vec<String>,
    /// The best score any campaign gave the job.
    pub best_score: Option<i64>,
    pub application: Option<ExportedApplication>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    pub exported_at: String,
    pub jobs: Vec<ExportedJob>,
}

/// The CSV columns, in order; `timeline` reads "saved 2026-11-01T10:00:00Z; applied …".
pub const CSV_HEADER: [&str; 22] = [
    "id",
    "title",
    "company",
    "locations",
    "remote",
    "employment_type",
    "seniority",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "skills",
    "posted_at",
    "first_seen_at",
    "closed_at",
    "url",
    "apply_url",
    "sources",
    "best_score",
    "application_status",
    "applied_at",
    "timeline",
];

pub fn export(store: &Store, format: ExportFormat, out: &Path) -> Result<ExportReport, CoreError> {
    let jobs = store.read(exported_jobs)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (job_count, applications) =
        (count(jobs.len()), count(jobs.iter().filter(|job| job.application.is_some()).count()));
    let bytes = match format {
        ExportFormat::Csv => to_csv(&jobs)?,
        ExportFormat::Json => serde_json::to_vec_pretty(&Export { exported_at: time::now_rfc3339(), jobs })
            .map_err(|error| CoreError::Internal(format!("cannot write the export as JSON: {error}")))?,
    };
    write_atomically(out, &bytes)?;
    Ok(ExportReport { path: out.display().to_string(), jobs: job_count, applications })
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`)
/// gets a leading apostrophe, as OWASP's CSV-injection guidance says: titles and companies come
/// from job boards and imported files, so any of them can be written by an attacker. Spreadsheets
/// show the apostrophe-led text as text.
pub fn spreadsheet_safe(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) { format!("'{cell}") } else { cell }
}

fn to_csv(jobs: &[ExportedJob]) -> Result<Vec<u8>, CoreError> {
    let failed = |error: csv::Error| CoreError::Internal(format!("cannot write the export as CSV: {error}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER).map_err(failed)?;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<f64>| value.map(|n| n.to_string()).unwrap_or_default();
    for job in jobs {
        let application = job.application.as_ref();
        let timeline = application
            .map(|a| a.timeline.iter().map(|event| format!("{} {}", event.to, event.at)).collect::<Vec<_>>().join("; "))
            .unwrap_or_default();
        let cells = [
            job.id.to_string(),
            job.title.clone(),
            job.company.clone(),
            job.locations.join(" | "),
            text(&job.remote),
            text(&job.employment_type),
            text(&job.seniority),
            number(job.salary_min),
            number(job.salary_max),
            text(&job.salary_currency),
            text(&job.salary_period),
            job.skills.join(", "),
            text(&job.posted_at),
            job.first_seen_at.clone(),
            text(&job.closed_at),
            text(&job.url),
            text(&job.apply_url),
            job.sources.join(", "),
            job.best_score.map(|score| score.to_string()).unwrap_or_default(),
            application.map(|a| a.status.clone()).unwrap_or_default(),
            application.and_then(|a| a.applied_at.clone()).unwrap_or_default(),
            timeline,
        ];
        writer.write_record(cells.map(spreadsheet_safe)).map_err(failed)?;
    }
    writer.into_inner().map_err(|error| CoreError::Internal(format!("cannot write the export as CSV: {error}")))
}

fn json_list(text: String) -> Vec<String> {
    serde_json::from_str(&text).unwrap_or_default()
}

pub fn exported_jobs(connection: &Connection) -> Result<Vec<ExportedJob>, CoreError> {
    let mut statement = connection.prepare(
        "SELECT j.id, j.title, j.company, j.locations, j.remote, j.employment_type, j.seniority,
                j.salary_min, j.salary_max, j.salary_currency, j.salary_period, j.skills, j.posted_at,
                j.first_seen_at, j.closed_at, j.url, j.apply_url,
                (SELECT GROUP_CONCAT(DISTINCT source) FROM job_postings WHERE job_id = j.id),
                (SELECT MAX(score) FROM matches WHERE job_id = j.id AND filtered IS NULL),
                a.id, a.status, a.applied_at, a.follow_up_on, a.notes
         FROM jobs j LEFT JOIN applications a ON a.job_id = j.id
         ORDER BY j.id",
    )?;
    let rows = statement.query_map([], |row| {
        let application_id: Option<i64> = row.get(19)?;
        let job = ExportedJob {
            id: row.get(0)?,
            title: row.get(1)?,
            company: row.get(2)?,
            locations: json_list(row.get(3)?),
            remote: row.get(4)?,
            employment_type: row.get(5)?,
            seniority: row.get(6)?,
            salary_min: row.get(7)?,
            salary_max: row.get(8)?,
            salary_currency: row.get(9)?,
            salary_period: row.get(10)?,
            skills: json_list(row.get(11)?),
            posted_at: row.get(12)?,
            first_seen_at: row.get(13)?,
            closed_at: row.get(14)?,
            url: row.get(15)?,
            apply_url: row.get(16)?,
            sources: row
                .get::<_, Option<String>>(17)?
                .map(|list| list.split(',').map(str::to_string).collect())
                .unwrap_or_default(),
            best_score: row.get(18)?,
            application: match application_id {
                Some(_) => Some(ExportedApplication {
                    status: row.get(20)?,
                    applied_at: row.get(21)?,
                    follow_up_on: row.get(22)?,
                    notes: row.get(23)?,
                    timeline: Vec::new(),
                    contacts: Vec::new(),
                }),
                None => None,
            },
        };
        Ok((application_id, job))
    })?;
    let mut jobs = Vec::new();
    for row in rows {
        let (application_id, mut job) = row?;
        if let (Some(id), Some(application)) = (application_id, job.application.as_mut()) {
            application.timeline = timeline(connection, id)?;
            application.contacts = contacts(connection, id)?;
        }
        jobs.push(job);
    }
    Ok(jobs)
}

fn timeline(connection: &Connection, application_id: i64) -> Result<Vec<ExportedEvent>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT from_status, to_status, created_at FROM application_events WHERE application_id = ?1 ORDER BY id",
    )?;
    let events = statement
        .query_map([application_id], |row| Ok(ExportedEvent { from: row.get(0)?, to: row.get(1)?, at: row.get(2)? }))?
        .collect::<Result<_, _>>()?;
    Ok(events)
}

fn contacts(connection: &Connection, application_id: i64) -> Result<Vec<ExportedContact>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT name, role, email, phone, notes FROM application_contacts WHERE application_id = ?1 ORDER BY id",
    )?;
    let contacts = statement
        .query_map([application_id], |row| {
            Ok(ExportedContact {
                name: row.get(0)?,
                role: row.get(1)?,
                email: row.get(2)?,
                phone: row.get(3)?,
                notes: row.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(contacts)
}

//! Matches: each campaign's score for each job, with the explanation, and the feedback that
//! teaches the campaign's weights.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use jobhound_sources::{EmploymentType, WorkMode};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaigns::model::{self, Campaign};
use crate::ingest::write::parallel_map;
use crate::normalize::Seniority;
use crate::ranking::{Feedback, Idf, JobFacts, Lowered, Ranked, Weights, learn, rank_lowered};
use crate::search::jobs::json_list;
use crate::store::json_column;
use crate::{CoreError, time};

/// A stored job's facts as ranking reads them.
#[derive(Debug, Clone, Default)]
pub struct StoredJob {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub description_text: String,
    pub skills: Vec<String>,
    pub locations: Vec<String>,
    pub countries: Vec<String>,
    pub remote: Option<WorkMode>,
    pub yearly_salary: Option<(Option<f64>, Option<f64>)>,
    pub salary_currency: Option<String>,
    pub seniority: Option<Seniority>,
    pub employment_type: Option<EmploymentType>,
    pub posted_at: Option<DateTime<Utc>>,
    /// Filled by [`load_jobs`]; shared by every campaign that ranks the job.
    pub lowered: Lowered,
}

impl StoredJob {
    pub fn facts(&self) -> JobFacts<'_> {
        JobFacts {
            title: &self.title,
            company: &self.company,
            description_text: &self.description_text,
            skills: &self.skills,
            locations: &self.locations,
            countries: &self.countries,
            remote: self.remote,
            yearly_salary: self.yearly_salary,
            salary_currency: self.salary_currency.as_deref(),
            seniority: self.seniority,
            employment_type: self.employment_type,
            posted_at: self.posted_at,
        }
    }
}

/// Which stored jobs to read: those after an id (new in a run), the next `limit` after an id (to
/// walk every job without holding them all), or these ids.
pub enum JobSelection<'a> {
    After(i64),
    Chunk { after: i64, limit: u32 },
    Ids(&'a [i64]),
}

pub fn load_jobs(connection: &Connection, selection: JobSelection<'_>) -> Result<Vec<StoredJob>, CoreError> {
    let columns = "id, title, company, description_text, skills, locations, countries, remote, salary_yearly_min,
                   salary_yearly_max, salary_currency, seniority, employment_type, posted_at";
    let (sql, argument) = match selection {
        JobSelection::After(id) => (format!("SELECT {columns} FROM jobs WHERE id > ?1 ORDER BY id"), id.to_string()),
        JobSelection::Chunk { after, limit } => {
            (format!("SELECT {columns} FROM jobs WHERE id > ?1 ORDER BY id LIMIT {limit}"), after.to_string())
        }
        JobSelection::Ids(ids) => (
            format!("SELECT {columns} FROM jobs WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id"),
            serde_json::to_string(ids)?,
        ),
    };
    let mut statement = connection.prepare_cached(&sql)?;
    let mut jobs = statement.query_map([argument], stored_job)?.collect::<Result<Vec<_>, _>>()?;
    for job in &mut jobs {
        job.lowered = Lowered::of(&job.facts());
    }
    Ok(jobs)
}

fn stored_job(row: &Row<'_>) -> rusqlite::Result<StoredJob> {
    let low: Option<f64> = row.get(8)?;
    let high: Option<f64> = row.get(9)?;
    Ok(StoredJob {
        id: row.get(0)?,
        title: row.get(1)?,
        company: row.get(2)?,
        description_text: row.get(3)?,
        skills: json_list(row, 4)?,
        locations: json_list(row, 5)?,
        countries: json_list(row, 6)?,
        remote: row.get::<_, Option<String>>(7)?.as_deref().and_then(WorkMode::parse),
        yearly_salary: (low.is_some() || high.is_some()).then_some((low, high)),
        salary_currency: row.get(10)?,
        seniority: row.get::<_, Option<String>>(11)?.as_deref().and_then(Seniority::parse),
        employment_type: row.get::<_, Option<String>>(12)?.as_deref().and_then(EmploymentType::parse),
        posted_at: row
            .get::<_, Option<String>>(13)?
            .as_deref()
            .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
            .map(|time| time.with_timezone(&Utc)),
        lowered: Lowered::default(),
    })
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RankCounts {
    pub ranked: u32,
    /// Jobs this campaign had not matched before that passed its filters.
    pub new_matches: u32,
    pub filtered: u32,
}

impl RankCounts {
    pub fn add(&mut self, other: RankCounts) {
        self.ranked += other.ranked;
        self.new_matches += other.new_matches;
        self.filtered += other.filtered;
    }
}

/// Jobs whose descriptions judge how rare a word is. A sample of the newest is enough, and it
/// keeps a batch of three new jobs from ranking against a vocabulary of three documents.
pub const IDF_SAMPLE: u32 = 2_000;

/// Word rarity over the newest stored jobs (see [`IDF_SAMPLE`]). Reading and splitting 2,000
/// descriptions costs tens of milliseconds, too much for every batch a fetch stores, so the result
/// is kept per database and only jobs stored since are added to it; it is built afresh when it is
/// ten minutes old or jobs were deleted.
pub fn reference_idf(connection: &Connection) -> Result<Arc<Idf>, CoreError> {
    static CACHE: Mutex<Vec<CachedIdf>> = Mutex::new(Vec::new());
    let path = connection.path().unwrap_or_default().to_string();
    let newest: i64 = connection.query_row("SELECT COALESCE(MAX(id), 0) FROM jobs", [], |row| row.get(0))?;
    let cached = CACHE.lock().ok().and_then(|cache| {
        cache
            .iter()
            .find(|cached| {
                !path.is_empty()
                    && cached.path == path
                    && newest >= cached.newest
                    && cached.built.elapsed() < Duration::from_secs(600)
            })
            .cloned()
    });
    let (mut idf, since, built) = match cached {
        Some(cached) if cached.newest == newest => return Ok(cached.idf),
        Some(cached) => (Idf::clone(&cached.idf), cached.newest, cached.built),
        None => (Idf::default(), 0, Instant::now()),
    };
    let mut statement =
        connection.prepare_cached("SELECT description_text FROM jobs WHERE id > ?1 ORDER BY id DESC LIMIT ?2")?;
    let mut rows = statement.query(params![since, IDF_SAMPLE])?;
    while let Some(row) = rows.next()? {
        idf.add(&row.get::<_, String>(0)?);
    }
    let idf = Arc::new(idf);
    if let Ok(mut cache) = CACHE.lock() {
        cache.retain(|cached| cached.path != path);
        cache.push(CachedIdf { path, newest, built, idf: Arc::clone(&idf) });
    }
    Ok(idf)
}

#[derive(Clone)]
struct CachedIdf {
    path: String,
    newest: i64,
    built: Instant,
    idf: Arc<Idf>,
}

/// Scores `jobs` for `campaign` and stores each match with its explanation. A job already matched
/// keeps when it was notified, seen or hidden; only its score and explanation change. `idf` is
/// word rarity over the stored jobs ([`reference_idf`]). `announce` marks new matches as news to
/// notify about (jobs a fetch just found), not jobs that were already stored.
pub fn rank_into_matches(
    tx: &Transaction<'_>,
    campaign: &Campaign,
    jobs: &[StoredJob],
    idf: &Idf,
    announce: bool,
    now: DateTime<Utc>,
) -> Result<RankCounts, CoreError> {
    let resume_text = &campaign.settings.resume_text;
    let resume = (!resume_text.trim().is_empty()).then(|| idf.vector(resume_text));
    let stamp = time::to_rfc3339(now);
    let mut counts = RankCounts::default();
    let mut upsert = tx.prepare_cached(
        "INSERT INTO matches (campaign_id, job_id, score, explanation, filtered, ranked_at, silent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (campaign_id, job_id) DO UPDATE SET
             score = excluded.score, explanation = excluded.explanation, filtered = excluded.filtered,
             ranked_at = excluded.ranked_at",
    )?;
    // Which of these jobs the campaign matched before, in one statement (a batch is mostly new).
    let known: std::collections::HashSet<i64> = tx
        .prepare_cached(
            "SELECT job_id FROM matches WHERE campaign_id = ?1 AND job_id IN (SELECT value FROM json_each(?2))",
        )?
        .query_map(
            params![campaign.id, serde_json::to_string(&jobs.iter().map(|job| job.id).collect::<Vec<_>>())?],
            |row| row.get(0),
        )?
        .collect::<Result<_, _>>()?;
    // Scoring and serializing are pure work, done on every core; the writes stay on this thread.
    let scored = parallel_map(jobs, |job| {
        let ranked = rank_lowered(&campaign.settings.profile, &job.facts(), &job.lowered, resume.as_ref(), idf, now);
        ranked.to_stored_json().map(|json| (ranked.score, ranked.filtered, json))
    });
    for (job, scored) in jobs.iter().zip(scored) {
        let (score, filtered, explanation) = scored?;
        let was_known = known.contains(&job.id);
        upsert.execute(params![campaign.id, job.id, score, explanation, filtered, stamp, !announce])?;
        counts.ranked += 1;
        if filtered.is_some() {
            counts.filtered += 1;
        } else if !was_known {
            counts.new_matches += 1;
        }
    }
    Ok(counts)
}

/// One row of a campaign's list: the job, its score and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Match {
    pub job_id: i64,
    pub title: String,
    pub company: String,
    pub score: u8,
    pub explanation: Ranked,
    pub filtered: Option<String>,
    pub ranked_at: String,
    pub seen: bool,
    pub hidden: bool,
    pub closed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MatchQuery {
    /// Show the jobs a hard filter dropped (with the reason) instead of the ranked ones.
    pub filtered: bool,
    pub include_hidden: bool,
    pub min_score: Option<u8>,
    pub limit: Option<u32>,
}

/// A campaign's matches, best first.
pub fn list_matches(connection: &Connection, campaign_id: i64, query: &MatchQuery) -> Result<Vec<Match>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT m.job_id, j.title, j.company, m.score, m.explanation, m.filtered, m.ranked_at, m.seen_at IS NOT NULL,
                m.hidden, j.closed_at IS NOT NULL
         FROM matches m JOIN jobs j ON j.id = m.job_id
         WHERE m.campaign_id = ?1 AND (m.filtered IS NOT NULL) = ?2 AND (?3 OR m.hidden = 0) AND m.score >= ?4
         ORDER BY m.score DESC, j.id DESC
         LIMIT ?5",
    )?;
    let found = statement.query_map(
        params![
            campaign_id,
            query.filtered,
            query.include_hidden,
            query.min_score.unwrap_or(0),
            query.limit.unwrap_or(200).min(5_000)
        ],
        |row| {
            Ok(Match {
                job_id: row.get(0)?,
                title: row.get(1)?,
                company: row.get(2)?,
                score: row.get(3)?,
                explanation: json_column(row, 4)?,
                filtered: row.get(5)?,
                ranked_at: row.get(6)?,
                seen: row.get(7)?,
                hidden: row.get(8)?,
                closed: row.get(9)?,
            })
        },
    )?;
    Ok(found.collect::<Result<_, _>>()?)
}

/// How one campaign scored a job, for the job's detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignScore {
    pub campaign_id: i64,
    pub campaign: String,
    pub score: u8,
    pub explanation: Ranked,
    pub filtered: Option<String>,
    pub hidden: bool,
    /// What the user last told this campaign about the job.
    pub feedback: Option<Feedback>,
}

/// Every campaign's score for the job, best first.
pub fn scores_for_job(connection: &Connection, job_id: i64) -> Result<Vec<CampaignScore>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT m.campaign_id, c.name, m.score, m.explanation, m.filtered, m.hidden,
                (SELECT kind FROM feedback f WHERE f.campaign_id = m.campaign_id AND f.job_id = m.job_id
                 ORDER BY f.id DESC LIMIT 1)
         FROM matches m JOIN campaigns c ON c.id = m.campaign_id
         WHERE m.job_id = ?1
         ORDER BY m.filtered IS NOT NULL, m.score DESC, c.name COLLATE NOCASE",
    )?;
    let scores = statement.query_map([job_id], |row| {
        Ok(CampaignScore {
            campaign_id: row.get(0)?,
            campaign: row.get(1)?,
            score: row.get(2)?,
            explanation: json_column(row, 3)?,
            filtered: row.get(4)?,
            hidden: row.get(5)?,
            feedback: row.get::<_, Option<String>>(6)?.and_then(|kind| kind.parse().ok()),
        })
    })?;
    Ok(scores.collect::<Result<_, _>>()?)
}

/// One piece of feedback and what it did to the weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FeedbackEntry {
    pub id: i64,
    pub job_id: i64,
    pub title: String,
    pub company: String,
    pub kind: Feedback,
    pub before: Weights,
    pub after: Weights,
    pub created_at: String,
}

/// The campaign's feedback, newest first.
pub fn feedback_history(
    connection: &Connection,
    campaign_id: i64,
    limit: u32,
) -> Result<Vec<FeedbackEntry>, CoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT f.id, f.job_id, j.title, j.company, f.kind, f.weights_before, f.weights_after, f.created_at
         FROM feedback f JOIN jobs j ON j.id = f.job_id
         WHERE f.campaign_id = ?1 ORDER BY f.id DESC LIMIT ?2",
    )?;
    let entries = statement.query_map(params![campaign_id, limit], |row| {
        let kind: String = row.get(4)?;
        Ok(FeedbackEntry {
            id: row.get(0)?,
            job_id: row.get(1)?,
            title: row.get(2)?,
            company: row.get(3)?,
            kind: kind.parse().map_err(|error: String| {
                rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, error.into())
            })?,
            before: json_column(row, 5)?,
            after: json_column(row, 6)?,
            created_at: row.get(7)?,
        })
    })?;
    Ok(entries.collect::<Result<_, _>>()?)
}

/// What one piece of feedback did to the campaign's weights, for the UI to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeightsChange {
    pub feedback_id: i64,
    pub before: Weights,
    pub after: Weights,
}

/// Learns from the user's feedback on a matched job: the campaign's weights move (and the change
/// is kept, so it can be shown and undone); "hide" also hides the match.
pub fn record_feedback(
    tx: &Transaction<'_>,
    campaign_id: i64,
    job_id: i64,
    feedback: Feedback,
    now: &str,
) -> Result<WeightsChange, CoreError> {
    let campaign = model::get(tx, campaign_id)?;
    let explanation: String = tx
        .query_row(
            "SELECT explanation FROM matches WHERE campaign_id = ?1 AND job_id = ?2",
            params![campaign_id, job_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("job {job_id} in campaign \"{}\"", campaign.settings.name)))?;
    let ranked: Ranked = serde_json::from_str(&explanation)?;
    let before = campaign.settings.profile.weights.clone();
    let after = learn(&before, &ranked, feedback);
    model::store_weights(tx, campaign_id, &after, now)?;
    tx.execute(
        "INSERT INTO feedback (campaign_id, job_id, kind, weights_before, weights_after, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            campaign_id,
            job_id,
            feedback.as_str(),
            serde_json::to_string(&before)?,
            serde_json::to_string(&after)?,
            now
        ],
    )?;
    let feedback_id = tx.last_insert_rowid();
    if feedback == Feedback::Hide {
        tx.execute(
            "UPDATE matches SET hidden = 1 WHERE campaign_id = ?1 AND job_id = ?2",
            params![campaign_id, job_id],
        )?;
    }
    Ok(WeightsChange { feedback_id, before, after })
}

/// Takes one piece of feedback back: the weights return to what they were before it (when it is
/// the latest), a hidden match comes back.
pub fn undo_feedback(tx: &Transaction<'_>, feedback_id: i64, now: &str) -> Result<Weights, CoreError> {
    let (campaign_id, job_id, kind, before): (i64, i64, String, String) = tx
        .query_row(
            "SELECT campaign_id, job_id, kind, weights_before FROM feedback WHERE id = ?1",
            [feedback_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("feedback {feedback_id}")))?;
    let latest: i64 =
        tx.query_row("SELECT MAX(id) FROM feedback WHERE campaign_id = ?1", [campaign_id], |row| row.get(0))?;
    if latest != feedback_id {
        return Err(CoreError::InvalidInput(
            "Only the latest feedback can be undone; later feedback learned from it.".into(),
        ));
    }
    let before: Weights = serde_json::from_str(&before)?;
    model::store_weights(tx, campaign_id, &before, now)?;
    if kind == Feedback::Hide.as_str() {
        tx.execute(
            "UPDATE matches SET hidden = 0 WHERE campaign_id = ?1 AND job_id = ?2",
            params![campaign_id, job_id],
        )?;
    }
    tx.execute("DELETE FROM feedback WHERE id = ?1", [feedback_id])?;
    Ok(before)
}

/// Forgets what was learned: the campaign's weights return to those the user set.
pub fn reset_weights(tx: &Transaction<'_>, campaign_id: i64, now: &str) -> Result<Weights, CoreError> {
    let campaign = model::get(tx, campaign_id)?;
    model::store_weights(tx, campaign_id, &campaign.base_weights, now)?;
    Ok(campaign.base_weights)
}

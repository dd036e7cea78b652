//! Stores a batch of postings and the jobs they describe, in one transaction.

use jobhound_sources::ParsedPosting;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use sha2::{Digest, Sha256};

use crate::CoreError;
use crate::normalize::{NormalizedJob, normalize};

/// What a batch did to the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct IngestCounts {
    /// Postings in the batch.
    pub seen: u32,
    /// New jobs created.
    pub new_jobs: u32,
    /// Known postings whose content changed.
    pub updated: u32,
    /// Known postings served again unchanged.
    pub unchanged: u32,
    /// Postings kept raw because they cannot become a job (no title or company).
    pub flagged: u32,
}

/// Stores `postings`. A posting already known by (source, source id) updates its job instead of
/// adding one; an unchanged payload only refreshes when it was last seen.
pub fn ingest(
    tx: &Transaction<'_>,
    postings: &[ParsedPosting],
    fallback_company: Option<&str>,
    now: &str,
) -> Result<IngestCounts, CoreError> {
    let mut counts = IngestCounts::default();
    for posting in postings {
        counts.seen += 1;
        let payload = serde_json::to_string(&posting.payload)?;
        let hash = content_hash(&payload, fallback_company);
        let existing: Option<(i64, String)> = tx
            .prepare_cached("SELECT id, content_hash FROM postings WHERE source = ?1 AND source_job_id = ?2")?
            .query_row(params![posting.source.as_str(), posting.source_id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;

        if let Some((posting_id, old_hash)) = &existing
            && *old_hash == hash
        {
            tx.prepare_cached("UPDATE postings SET fetched_at = ?2 WHERE id = ?1")?
                .execute(params![posting_id, now])?;
            tx.prepare_cached(
                "UPDATE jobs SET last_seen_at = ?2, closed_at = NULL
                 WHERE id = (SELECT job_id FROM job_postings WHERE posting_id = ?1)",
            )?
            .execute(params![posting_id, now])?;
            counts.unchanged += 1;
            continue;
        }

        let job = normalize(posting, fallback_company);
        let problem = job.rejection().map(|rejection| rejection.as_str());
        let posting_id = match existing {
            Some((posting_id, _)) => {
                tx.prepare_cached(
                    "UPDATE postings SET url = ?2, payload = ?3, content_hash = ?4, fetched_at = ?5, problem = ?6 WHERE id = ?1",
                )?
                .execute(params![posting_id, posting.url, payload, hash, now, problem])?;
                posting_id
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO postings (source, source_job_id, url, payload, content_hash, first_seen_at, fetched_at, problem)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                )?
                .execute(params![posting.source.as_str(), posting.source_id, posting.url, payload, hash, now, problem])?;
                tx.last_insert_rowid()
            }
        };

        if problem.is_some() {
            counts.flagged += 1;
            continue;
        }
        let job_id: Option<i64> = tx
            .prepare_cached("SELECT job_id FROM job_postings WHERE posting_id = ?1")?
            .query_row([posting_id], |row| row.get(0))
            .optional()?;
        match job_id {
            Some(job_id) => {
                update_job(tx, job_id, &job, now)?;
                counts.updated += 1;
            }
            None => {
                let job_id = insert_job(tx, &job, now)?;
                tx.prepare_cached("INSERT INTO job_postings (job_id, posting_id, first_seen_at) VALUES (?1, ?2, ?3)")?
                    .execute(params![job_id, posting_id, now])?;
                counts.new_jobs += 1;
            }
        }
    }
    Ok(counts)
}

fn content_hash(payload: &str, fallback_company: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(payload.as_bytes());
    hasher.update([0]);
    hasher.update(fallback_company.unwrap_or_default().as_bytes());
    hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The job's columns in the order both statements below number them (?1 to ?18).
fn job_values(job: &NormalizedJob) -> Result<Vec<Value>, CoreError> {
    let salary = job.salary.as_ref();
    let text = |value: Option<&str>| value.map_or(Value::Null, |text| Value::Text(text.to_string()));
    let real = |value: Option<f64>| value.map_or(Value::Null, Value::Real);
    Ok(vec![
        Value::Text(job.title.clone().unwrap_or_default()),
        Value::Text(job.company.clone().unwrap_or_default()),
        Value::Text(serde_json::to_string(&job.locations)?),
        Value::Text(job.locations.join("; ")),
        text(job.remote.map(|mode| mode.as_str())),
        text(job.employment_type.map(|kind| kind.as_str())),
        real(salary.and_then(|s| s.min)),
        real(salary.and_then(|s| s.max)),
        text(salary.and_then(|s| s.currency.as_deref())),
        text(salary.map(|s| s.period.as_str())),
        real(salary.and_then(|s| s.yearly_min)),
        real(salary.and_then(|s| s.yearly_max)),
        text(job.posted_at.as_deref()),
        text(job.url.as_deref()),
        text(job.apply_url.as_deref()),
        Value::Text(job.description_html.clone()),
        Value::Text(job.description_text.clone()),
        Value::Text(serde_json::to_string(&job.skills)?),
    ])
}

fn insert_job(tx: &Transaction<'_>, job: &NormalizedJob, now: &str) -> Result<i64, CoreError> {
    let mut values = job_values(job)?;
    values.push(Value::Text(now.to_string()));
    tx.prepare_cached(
        "INSERT INTO jobs (title, company, locations, location_text, remote, employment_type,
             salary_min, salary_max, salary_currency, salary_period, salary_yearly_min, salary_yearly_max,
             posted_at, url, apply_url, description_html, description_text, skills,
             first_seen_at, last_seen_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19, ?19)",
    )?
    .execute(params_from_iter(values))?;
    Ok(tx.last_insert_rowid())
}

fn update_job(tx: &Transaction<'_>, job_id: i64, job: &NormalizedJob, now: &str) -> Result<(), CoreError> {
    let mut values = job_values(job)?;
    values.push(Value::Text(now.to_string()));
    values.push(Value::Integer(job_id));
    tx.prepare_cached(
        // Pay and descriptions that come from per-job detail calls are not re-read for postings
        // already stored, so an update without them keeps what was read before.
        "UPDATE jobs SET title = ?1, company = ?2, locations = ?3, location_text = ?4, remote = ?5,
             employment_type = ?6,
             salary_min = CASE WHEN ?11 IS NULL AND ?12 IS NULL THEN salary_min ELSE ?7 END,
             salary_max = CASE WHEN ?11 IS NULL AND ?12 IS NULL THEN salary_max ELSE ?8 END,
             salary_currency = CASE WHEN ?11 IS NULL AND ?12 IS NULL THEN salary_currency ELSE ?9 END,
             salary_period = CASE WHEN ?11 IS NULL AND ?12 IS NULL THEN salary_period ELSE ?10 END,
             salary_yearly_min = COALESCE(?11, CASE WHEN ?12 IS NULL THEN salary_yearly_min END),
             salary_yearly_max = COALESCE(?12, CASE WHEN ?11 IS NULL THEN salary_yearly_max END),
             posted_at = ?13, url = ?14, apply_url = ?15,
             description_html = CASE WHEN ?16 = '' THEN description_html ELSE ?16 END,
             description_text = CASE WHEN ?16 = '' THEN description_text ELSE ?17 END,
             skills = CASE WHEN ?16 = '' THEN skills ELSE ?18 END,
             last_seen_at = ?19, updated_at = ?19, closed_at = NULL
         WHERE id = ?20",
    )?
    .execute(params_from_iter(values))?;
    Ok(())
}

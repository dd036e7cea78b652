//! Merging again what older rules kept apart. After an upgrade brings better duplicate rules,
//! every stored job is compared with the jobs stored before it, and a duplicate is folded into the
//! older job with everything attached to it: its postings, scores, feedback, application and
//! letters. Nothing the person made is dropped; a pair that both carry an application stays apart.

use rusqlite::{Transaction, params};

use super::duplicates::{REMERGE_PENDING_SETTING, find_duplicate, rekey, stored_key};
use crate::CoreError;
use crate::dedup::TextPrint;
use crate::search::index::SearchIndexBatch;

/// What a remerge pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RemergeReport {
    /// Jobs compared.
    pub jobs: u32,
    /// Jobs folded into an older copy of themselves.
    pub merged: u32,
    /// Duplicates left apart because each carries an application of its own.
    pub kept_apart: u32,
}

/// How often progress is reported, in jobs.
const PROGRESS_EVERY: usize = 250;

/// Compares every stored job with the older ones and folds each duplicate into the oldest copy,
/// in one transaction. `progress` hears (jobs compared, jobs in all).
pub fn remerge(tx: &Transaction<'_>, progress: &mut dyn FnMut(u32, u32)) -> Result<RemergeReport, CoreError> {
    rekey(tx)?;
    let jobs: Vec<i64> =
        tx.prepare("SELECT id FROM jobs ORDER BY id")?.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
    let total = u32::try_from(jobs.len()).unwrap_or(u32::MAX);
    let mut report = RemergeReport { jobs: total, ..RemergeReport::default() };
    let mut index = SearchIndexBatch::begin(tx)?;
    progress(0, total);
    for (done, &id) in jobs.iter().enumerate() {
        if done % PROGRESS_EVERY == 0 && done > 0 {
            progress(u32::try_from(done).unwrap_or(u32::MAX), total);
        }
        let Some(key) = job_key(tx, id)? else { continue };
        let Some(survivor) = find_duplicate(tx, &key, id)? else { continue };
        if fold_into(tx, &mut index, survivor, id)? {
            report.merged += 1;
        } else {
            report.kept_apart += 1;
        }
    }
    index.finish(tx)?;
    tx.execute("DELETE FROM settings WHERE key = ?1", [REMERGE_PENDING_SETTING])?;
    progress(total, total);
    Ok(report)
}

fn job_key(tx: &Transaction<'_>, id: i64) -> Result<Option<crate::dedup::DedupKey>, CoreError> {
    let mut statement = tx.prepare_cached(
        "SELECT title, company, locations, remote, description_text, canonical_apply_url FROM jobs WHERE id = ?1",
    )?;
    let mut rows = statement.query([id])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let mut key = stored_key(
        &row.get::<_, String>(0)?,
        &row.get::<_, String>(1)?,
        &row.get::<_, String>(2)?,
        row.get::<_, Option<String>>(3)?.as_deref(),
        TextPrint::new(&row.get::<_, String>(4)?),
    );
    key.canonical_url = row.get(5)?;
    Ok(Some(key))
}

/// Folds job `duplicate` into job `survivor`; `false` (and nothing changed) when both carry an
/// application, which one job cannot hold.
fn fold_into(
    tx: &Transaction<'_>,
    index: &mut SearchIndexBatch,
    survivor: i64,
    duplicate: i64,
) -> Result<bool, CoreError> {
    let applications: u32 =
        tx.query_row("SELECT COUNT(*) FROM applications WHERE job_id IN (?1, ?2)", [survivor, duplicate], |row| {
            row.get(0)
        })?;
    if applications > 1 {
        return Ok(false);
    }
    index.before_change(tx, survivor)?;
    // What the survivor lacks comes from the duplicate, as a merge at ingest fills it; the first
    // sighting is the earlier one, the last the later, and either copy still listed keeps it open.
    tx.prepare_cached(
        "UPDATE jobs AS s SET
             salary_min = CASE WHEN s.salary_period IS NULL THEN d.salary_min ELSE s.salary_min END,
             salary_max = CASE WHEN s.salary_period IS NULL THEN d.salary_max ELSE s.salary_max END,
             salary_currency = CASE WHEN s.salary_period IS NULL THEN d.salary_currency ELSE s.salary_currency END,
             salary_yearly_min = CASE WHEN s.salary_period IS NULL THEN d.salary_yearly_min ELSE s.salary_yearly_min END,
             salary_yearly_max = CASE WHEN s.salary_period IS NULL THEN d.salary_yearly_max ELSE s.salary_yearly_max END,
             salary_period = COALESCE(s.salary_period, d.salary_period),
             description_html = CASE WHEN s.description_html = '' THEN d.description_html ELSE s.description_html END,
             description_text = CASE WHEN s.description_text = '' THEN d.description_text ELSE s.description_text END,
             skills = CASE WHEN s.description_text = '' THEN d.skills ELSE s.skills END,
             simhash = CASE WHEN s.description_text = '' THEN d.simhash ELSE s.simhash END,
             opening_hash = CASE WHEN s.description_text = '' THEN d.opening_hash ELSE s.opening_hash END,
             apply_url = COALESCE(s.apply_url, d.apply_url),
             canonical_apply_url = COALESCE(s.canonical_apply_url, d.canonical_apply_url),
             url = COALESCE(s.url, d.url),
             posted_at = COALESCE(s.posted_at, d.posted_at),
             employment_type = COALESCE(s.employment_type, d.employment_type),
             first_seen_at = MIN(s.first_seen_at, d.first_seen_at),
             last_seen_at = MAX(s.last_seen_at, d.last_seen_at),
             closed_at = CASE WHEN s.closed_at IS NULL OR d.closed_at IS NULL THEN NULL ELSE MAX(s.closed_at, d.closed_at) END
         FROM (SELECT * FROM jobs WHERE id = ?2) AS d
         WHERE s.id = ?1",
    )?
    .execute([survivor, duplicate])?;
    tx.prepare_cached("UPDATE job_postings SET job_id = ?1 WHERE job_id = ?2")?.execute([survivor, duplicate])?;
    tx.prepare_cached(
        "INSERT INTO job_seen (job_id, last_seen_at) SELECT ?1, last_seen_at FROM job_seen WHERE job_id = ?2 AND true
         ON CONFLICT (job_id) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)",
    )?
    .execute([survivor, duplicate])?;
    // A campaign that scored both keeps the survivor's score with the person's marks of either.
    tx.prepare_cached(
        "UPDATE matches AS m SET seen_at = COALESCE(m.seen_at, d.seen_at), notified_at = COALESCE(m.notified_at, d.notified_at),
             hidden = MAX(m.hidden, d.hidden)
         FROM (SELECT * FROM matches WHERE job_id = ?2) AS d
         WHERE m.job_id = ?1 AND m.campaign_id = d.campaign_id",
    )?
    .execute([survivor, duplicate])?;
    tx.prepare_cached("UPDATE OR IGNORE matches SET job_id = ?1 WHERE job_id = ?2")?.execute([survivor, duplicate])?;
    tx.prepare_cached("UPDATE feedback SET job_id = ?1 WHERE job_id = ?2")?.execute([survivor, duplicate])?;
    tx.prepare_cached("UPDATE applications SET job_id = ?1 WHERE job_id = ?2")?.execute([survivor, duplicate])?;
    // Letters keep their order: the duplicate's come after the survivor's.
    let last_version: i64 =
        tx.query_row("SELECT COALESCE(MAX(version), 0) FROM cover_letters WHERE job_id = ?1", [survivor], |row| {
            row.get(0)
        })?;
    tx.prepare_cached("UPDATE cover_letters SET job_id = ?1, version = version + ?3 WHERE job_id = ?2")?
        .execute(params![survivor, duplicate, last_version])?;
    // So do tailored resumes.
    let last_tailored: i64 =
        tx.query_row("SELECT COALESCE(MAX(version), 0) FROM tailored_resumes WHERE job_id = ?1", [survivor], |row| {
            row.get(0)
        })?;
    tx.prepare_cached("UPDATE tailored_resumes SET job_id = ?1, version = version + ?3 WHERE job_id = ?2")?
        .execute(params![survivor, duplicate, last_tailored])?;
    tx.prepare_cached("UPDATE OR IGNORE job_insights SET job_id = ?1 WHERE job_id = ?2")?
        .execute([survivor, duplicate])?;
    // What is left of the duplicate (a score or quick read the survivor has its own of, its
    // title's alternates, its search entry) goes with it.
    tx.prepare_cached("DELETE FROM jobs WHERE id = ?1")?.execute([duplicate])?;
    Ok(true)
}

//! The store's side of dedup: finding the stored job a new posting duplicates, and keeping the
//! keys it is found by (title keys, the opening hash) current when the rules that make them
//! change.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::CoreError;
use crate::dedup::{self, DedupKey, Places, TextPrint, TitleKeys, Verdict};

/// The version of the rules that made the stored keys. Raise it when `DedupKey` computes a
/// stored key differently: the next start computes every job's keys again ([`rekey`]).
pub(crate) const KEYS_VERSION: u32 = 2;
const KEYS_VERSION_SETTING: &str = "dedup_keys_version";
/// Set when keys were made again for jobs already stored: the better rules may find some of them
/// to be one job, which the remerge pass (`Jobhound::remerge_jobs`) then merges.
pub(crate) const REMERGE_PENDING_SETTING: &str = "dedup_remerge_pending";

/// Candidates share the canonical apply link; or a title key (the new posting's title or one of
/// its alternates, or a stored job's alternate that is the new title) and either the company, a
/// SimHash close enough for another company's copy, or the opening words of the text (another
/// company's copy cut short). The dedup index holds all four columns, so a common title's other
/// jobs are ruled out without reading their rows; each candidate is then compared in full.
///
/// Only jobs stored before `before` are candidates (the remerge pass compares each job with older
/// ones); a new posting passes `i64::MAX`.
pub(crate) fn find_duplicate(tx: &Transaction<'_>, key: &DedupKey, before: i64) -> Result<Option<i64>, CoreError> {
    if key.title_key().is_empty() && key.canonical_url.is_none() {
        return Ok(None);
    }
    // Most titles have no other names: their candidates are one index range, not a json_each.
    let titles = if key.title.alternates.is_empty() {
        "title_key = :title_key"
    } else {
        "(title_key = :title_key OR title_key IN (SELECT value FROM json_each(:alternates)))"
    };
    let mut statement = tx.prepare_cached(&format!(
        "SELECT id, title, title_key, company_key, place_keys, countries, remote, simhash, opening_hash,
                canonical_apply_url
         FROM jobs
         WHERE id IN (
             SELECT id FROM jobs INDEXED BY jobs_dedup
                 WHERE {titles} AND :title_key != ''
                 AND (company_key = :company_key AND :company_key != ''
                      OR hamming(simhash, :simhash) <= :other_company
                      OR opening_hash = :opening_hash)
             UNION ALL
             SELECT job_id FROM job_title_alternates WHERE title_key = :title_key AND :title_key != ''
             UNION ALL
             SELECT id FROM jobs WHERE :canonical_apply_url IS NOT NULL AND canonical_apply_url = :canonical_apply_url)
         AND id < :before
         ORDER BY id"
    ))?;
    let alternates = serde_json::to_string(&key.title.alternates)?;
    let title_key = key.title_key();
    let simhash = key.text.simhash.map(|hash| hash as i64);
    let opening_hash = key.text.opening_hash.map(|hash| hash as i64);
    let mut parameters: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":title_key", &title_key),
        (":company_key", &key.company_key),
        (":simhash", &simhash),
        (":other_company", &dedup::OTHER_COMPANY_DISTANCE),
        (":opening_hash", &opening_hash),
        (":canonical_apply_url", &key.canonical_url),
        (":before", &before),
    ];
    if !key.title.alternates.is_empty() {
        parameters.push((":alternates", &alternates));
    }
    let mut rows = statement.query(parameters.as_slice())?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get("id")?;
        let mut candidate = candidate_key(row)?;
        if !key.title.matches(&candidate.title) {
            // The stored key is the title's primary one; its other names are worked out only for
            // a candidate that the primary alone does not match.
            candidate.title = dedup::title_keys(&row.get::<_, String>("title")?, &candidate.places);
        }
        let duplicate = match dedup::verdict_before_texts(key, &candidate) {
            Verdict::Duplicate => true,
            Verdict::Distinct => false,
            // Only now is the candidate's text read: few pairs get this far.
            Verdict::CompareTexts => {
                let text: String = tx
                    .prepare_cached("SELECT description_text FROM jobs WHERE id = ?1")?
                    .query_row([id], |row| row.get(0))?;
                candidate.text = TextPrint::new(&text);
                dedup::texts_match(key, &candidate)
            }
        };
        if duplicate {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// A candidate's key from the keys stored with it, without reading its text.
fn candidate_key(row: &rusqlite::Row<'_>) -> Result<DedupKey, CoreError> {
    let hash = |column: &str| row.get::<_, Option<i64>>(column).map(|hash| hash.map(|hash| hash as u64));
    let text = TextPrint::from_stored_hashes(hash("simhash")?, hash("opening_hash")?);
    Ok(DedupKey {
        title: TitleKeys { primary: row.get("title_key")?, alternates: Vec::new() },
        company_key: row.get("company_key")?,
        // A merge may have given the job another posting's link (the employer's own ATS).
        canonical_url: row.get("canonical_apply_url")?,
        places: Places {
            keys: serde_json::from_str(&row.get::<_, String>("place_keys")?).unwrap_or_default(),
            countries: serde_json::from_str(&row.get::<_, String>("countries")?).unwrap_or_default(),
        },
        remote: row.get::<_, Option<String>>("remote")?.as_deref().and_then(jobhound_sources::WorkMode::parse),
        text,
    })
}

/// The key of a stored job from its columns and `text` (what is known of its description), without
/// its link (callers read that as stored).
pub(crate) fn stored_key(
    title: &str,
    company: &str,
    locations_json: &str,
    remote: Option<&str>,
    text: TextPrint,
) -> DedupKey {
    let locations: Vec<String> = serde_json::from_str(locations_json).unwrap_or_default();
    let remote = remote.and_then(jobhound_sources::WorkMode::parse);
    DedupKey { text, ..DedupKey::new(title, company, &locations, remote, None, "") }
}

/// Records the other names of job `job_id`'s title, replacing what was recorded unless the job
/// is `new`.
pub(crate) fn store_alternates(tx: &Transaction<'_>, job_id: i64, key: &DedupKey, new: bool) -> Result<(), CoreError> {
    if !new {
        tx.prepare_cached("DELETE FROM job_title_alternates WHERE job_id = ?1")?.execute([job_id])?;
    }
    if key.title.alternates.is_empty() {
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT OR IGNORE INTO job_title_alternates (title_key, job_id) SELECT value, ?2 FROM json_each(?1) WHERE true",
    )?
    .execute(params![serde_json::to_string(&key.title.alternates)?, job_id])?;
    Ok(())
}

/// Whether jobs stored under older rules wait for the remerge pass.
pub(crate) fn remerge_pending(connection: &Connection) -> Result<bool, CoreError> {
    Ok(connection
        .query_row("SELECT value = '1' FROM settings WHERE key = ?1", [REMERGE_PENDING_SETTING], |row| row.get(0))
        .optional()?
        .unwrap_or(false))
}

/// Whether the stored keys were made by older rules than these.
pub(crate) fn keys_outdated(connection: &Connection) -> Result<bool, CoreError> {
    let version: Option<String> = connection
        .query_row("SELECT value FROM settings WHERE key = ?1", [KEYS_VERSION_SETTING], |row| row.get(0))
        .optional()?;
    Ok(version.and_then(|version| version.parse::<u32>().ok()).is_none_or(|version| version < KEYS_VERSION))
}

/// Computes every job's dedup keys again when they were made by older rules (or never made), so
/// a new posting finds stored jobs by the keys it has itself. Returns how many jobs it rekeyed.
/// The link key is left as stored: a merge may have set it from another posting.
pub fn rekey(tx: &Transaction<'_>) -> Result<u32, CoreError> {
    if !keys_outdated(tx)? {
        return Ok(0);
    }
    let keys: Vec<(i64, DedupKey)> = {
        let mut statement = tx.prepare("SELECT id, title, company, locations, remote, description_text FROM jobs")?;
        statement
            .query_map([], |row| {
                let key = stored_key(
                    &row.get::<_, String>(1)?,
                    &row.get::<_, String>(2)?,
                    &row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?.as_deref(),
                    TextPrint::new(&row.get::<_, String>(5)?),
                );
                Ok((row.get(0)?, key))
            })?
            .collect::<Result<_, _>>()?
    };
    let mut update = tx.prepare(
        "UPDATE jobs SET title_key = ?2, company_key = ?3, simhash = ?4, opening_hash = ?5, place_keys = ?6
         WHERE id = ?1",
    )?;
    for (id, key) in &keys {
        update.execute(params![
            id,
            key.title_key(),
            key.company_key,
            key.text.simhash.map(|hash| hash as i64),
            key.text.opening_hash.map(|hash| hash as i64),
            serde_json::to_string(&key.places.keys)?
        ])?;
        store_alternates(tx, *id, key, false)?;
    }
    let upsert =
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    tx.execute(upsert, params![KEYS_VERSION_SETTING, KEYS_VERSION.to_string()])?;
    if !keys.is_empty() {
        tx.execute(upsert, params![REMERGE_PENDING_SETTING, "1"])?;
    }
    Ok(u32::try_from(keys.len()).unwrap_or(u32::MAX))
}

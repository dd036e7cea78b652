//! Stores a batch of postings and the jobs they describe, in one transaction.

use jobhound_sources::ParsedPosting;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, ToSql, Transaction, named_params, params};
use sha2::{Digest, Sha256};

use super::duplicates::{find_duplicate, store_alternates};
use crate::CoreError;
use crate::dedup::DedupKey;
use crate::normalize::{NormalizedJob, normalize};
use crate::search::index::SearchIndexBatch;
use crate::search::word_list::{self, Words};

/// What a batch did to the database.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
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
    /// New postings found to be a job already stored (another board, a repost, an agency copy).
    pub merged: u32,
    /// Jobs created or changed by the batch, by id; campaigns rank these again.
    #[serde(skip)]
    #[ts(skip)]
    pub changed_jobs: Vec<i64>,
}

/// Stores `postings`. A posting already known by (source, source id) updates its job instead of
/// adding one; an unchanged payload only refreshes when it was last seen.
///
/// Hashing and normalizing run on every core, a chunk ahead of the writes, which run in order on
/// this thread. Callers that can prepare outside the write transaction use
/// [`prepare_postings`] and [`ingest_prepared`] instead.
pub fn ingest(
    tx: &Transaction<'_>,
    postings: &[ParsedPosting],
    fallback_company: Option<&str>,
    now: &str,
) -> Result<IngestCounts, CoreError> {
    let mut counts = IngestCounts { seen: u32::try_from(postings.len()).unwrap_or(u32::MAX), ..Default::default() };
    let known = known_postings(tx, postings)?;
    let work = with_known_hashes(postings, &known);
    std::thread::scope(|scope| {
        // Normalizing the next chunk overlaps writing this one.
        let (sender, chunks) = std::sync::mpsc::sync_channel::<(Vec<Result<Prepared, CoreError>>, Words)>(2);
        let work = &work;
        scope.spawn(move || {
            for chunk in work.chunks(PIPELINE_CHUNK) {
                let prepared =
                    parallel_map(chunk, |(posting, known_hash)| prepare(posting, *known_hash, fallback_company));
                let words = indexed_words(&prepared);
                if sender.send((prepared, words)).is_err() {
                    break; // the writer stopped on an error
                }
            }
        });
        let mut words = Words::default();
        let prepared = chunks.into_iter().flat_map(|(chunk, chunk_words)| {
            words.extend(chunk_words);
            chunk
        });
        write_prepared(tx, postings, &known, prepared, now, &mut counts)?;
        word_list::record(tx, words)
    })?;
    Ok(counts)
}

/// Each posting with the content hash it is stored with, if it is.
fn with_known_hashes<'a>(
    postings: &'a [ParsedPosting],
    known: &'a [Option<(i64, String)>],
) -> Vec<(&'a ParsedPosting, Option<&'a str>)> {
    postings
        .iter()
        .zip(known)
        .map(|(posting, known)| (posting, known.as_ref().map(|(_, hash)| hash.as_str())))
        .collect()
}

/// A batch hashed and normalized without the write lock, so that its CPU work can overlap
/// another batch's writes and the lock is held only while writing. It owns its postings, so it
/// can only be written as the postings it was prepared from.
pub struct PreparedPostings {
    postings: Vec<ParsedPosting>,
    fallback_company: Option<String>,
    /// What the database knew of each posting when it was prepared.
    known: Vec<Option<(i64, String)>>,
    prepared: Vec<Result<Prepared, CoreError>>,
    /// The words of every job prepared, for the list prefix searches read.
    words: Words,
}

/// Hashes and normalizes `postings` on every core, reading what is already stored through
/// `connection` (any reader: nothing is written).
pub fn prepare_postings(
    connection: &Connection,
    postings: Vec<ParsedPosting>,
    fallback_company: Option<&str>,
) -> Result<PreparedPostings, CoreError> {
    let known = known_postings(connection, &postings)?;
    let prepared = parallel_map(&with_known_hashes(&postings, &known), |(posting, known_hash)| {
        prepare(posting, *known_hash, fallback_company)
    });
    let words = indexed_words(&prepared);
    Ok(PreparedPostings { postings, fallback_company: fallback_company.map(str::to_string), known, prepared, words })
}

/// Writes a prepared batch as [`ingest`] would. A posting that another write stored or changed
/// after it was prepared is prepared again here, against what is stored now.
pub fn ingest_prepared(tx: &Transaction<'_>, batch: PreparedPostings, now: &str) -> Result<IngestCounts, CoreError> {
    let PreparedPostings { postings, fallback_company, known: seen, prepared, mut words } = batch;
    let mut counts = IngestCounts { seen: u32::try_from(postings.len()).unwrap_or(u32::MAX), ..Default::default() };
    let known = known_postings(tx, &postings)?;
    let current =
        prepared.into_iter().zip(seen).zip(&known).zip(&postings).map(|(((prepared, seen), known), posting)| {
            if seen == *known {
                return prepared;
            }
            let again = prepare(posting, known.as_ref().map(|(_, hash)| hash.as_str()), fallback_company.as_deref());
            if let Ok(Prepared { job: Some((job, _)), .. }) = &again {
                add_job_words(&mut words, job);
            }
            again
        });
    write_prepared(tx, &postings, &known, current, now, &mut counts)?;
    word_list::record(tx, words)?;
    drop_elsewhere(postings);
    Ok(counts)
}

/// Freeing a batch's parsed payloads (thousands of small allocations each) is left to another
/// thread, so the writer, which holds the write lock, does not spend its time on it.
fn drop_elsewhere<T: Send + 'static>(spent: T) {
    // Should no thread start, the value comes back and is dropped here.
    let _ = std::thread::Builder::new().name("jobhound-drop".into()).spawn(move || drop(spent));
}

/// Postings normalized per step of the pipeline between the normalizing threads and the writer.
const PIPELINE_CHUNK: usize = 128;

fn write_prepared(
    tx: &Transaction<'_>,
    postings: &[ParsedPosting],
    known: &[Option<(i64, String)>],
    prepared: impl Iterator<Item = Result<Prepared, CoreError>>,
    now: &str,
    counts: &mut IngestCounts,
) -> Result<(), CoreError> {
    let mut index = SearchIndexBatch::begin(tx)?;
    let mut unchanged: Vec<i64> = Vec::new();
    // A batch may hold one posting twice (a listing that shifted while it was read): the second
    // updates what the first stored rather than stores it again.
    let mut stored_now: std::collections::HashMap<(&str, &str), i64> = std::collections::HashMap::new();
    for ((posting, known), prepared) in postings.iter().zip(known).zip(prepared) {
        let listed_as = (posting.source.as_str(), posting.source_id.as_str());
        let known = known.as_ref().map(|(posting_id, _)| *posting_id).or_else(|| stored_now.get(&listed_as).copied());
        let Prepared { payload, hash, job } = prepared?;
        let Some((job, key)) = job else {
            unchanged.extend(known);
            counts.unchanged += 1;
            continue;
        };
        let problem = job.rejection().map(|rejection| rejection.as_str());
        let posting_id = match known {
            Some(posting_id) => {
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
                let posting_id = tx.last_insert_rowid();
                stored_now.insert(listed_as, posting_id);
                posting_id
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
                index.before_change(tx, job_id)?;
                update_job(tx, job_id, &job, &key, now)?;
                counts.updated += 1;
                counts.changed_jobs.push(job_id);
            }
            None => {
                let job_id = match find_duplicate(tx, &key, i64::MAX)? {
                    Some(existing) => {
                        if merge_fills_description(tx, existing, &job)? {
                            index.before_change(tx, existing)?;
                        }
                        merge_into(tx, existing, &job, &key, posting.source.info().category, now)?;
                        counts.merged += 1;
                        existing
                    }
                    None => {
                        counts.new_jobs += 1;
                        insert_job(tx, &job, &key, now)?
                    }
                };
                tx.prepare_cached(
                    "INSERT INTO job_postings (job_id, posting_id, first_seen_at, source) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![job_id, posting_id, now, posting.source.as_str()])?;
                counts.changed_jobs.push(job_id);
            }
        }
    }
    touch(tx, &unchanged, now)?;
    index.finish(tx)?;
    // Several postings of the batch can land on one job.
    counts.changed_jobs.sort_unstable();
    counts.changed_jobs.dedup();
    Ok(())
}

/// A posting ready to write: its stored form, and the job it describes unless it is unchanged.
struct Prepared {
    payload: String,
    hash: String,
    job: Option<(NormalizedJob, DedupKey)>,
}

fn prepare(
    posting: &ParsedPosting,
    known_hash: Option<&str>,
    fallback_company: Option<&str>,
) -> Result<Prepared, CoreError> {
    let payload = serde_json::to_string(&posting.payload)?;
    let hash = content_hash(&payload, fallback_company);
    if known_hash == Some(hash.as_str()) {
        return Ok(Prepared { payload, hash, job: None });
    }
    let job = normalize(posting, fallback_company);
    let key = dedup_key(&job);
    Ok(Prepared { payload, hash, job: Some((job, key)) })
}

/// The stored posting id and content hash of each posting already known.
fn known_postings(
    connection: &Connection,
    postings: &[ParsedPosting],
) -> Result<Vec<Option<(i64, String)>>, CoreError> {
    let mut statement =
        connection.prepare_cached("SELECT id, content_hash FROM postings WHERE source = ?1 AND source_job_id = ?2")?;
    postings
        .iter()
        .map(|posting| {
            Ok(statement
                .query_row(params![posting.source.as_str(), posting.source_id], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?)
        })
        .collect()
}

/// Unchanged postings were seen again: their jobs are current (and open) as of `now`.
fn touch(tx: &Transaction<'_>, posting_ids: &[i64], now: &str) -> Result<(), CoreError> {
    if posting_ids.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(posting_ids)?;
    tx.prepare_cached(
        "INSERT INTO posting_seen (posting_id, fetched_at) SELECT value, ?2 FROM json_each(?1) WHERE true
         ON CONFLICT (posting_id) DO UPDATE SET fetched_at = excluded.fetched_at",
    )?
    .execute(params![ids, now])?;
    tx.prepare_cached(
        "INSERT INTO job_seen (job_id, last_seen_at)
         SELECT DISTINCT job_id, ?2 FROM job_postings WHERE posting_id IN (SELECT value FROM json_each(?1)) AND true
         ON CONFLICT (job_id) DO UPDATE SET last_seen_at = excluded.last_seen_at",
    )?
    .execute(params![ids, now])?;
    tx.prepare_cached(
        "UPDATE jobs SET closed_at = NULL WHERE closed_at IS NOT NULL
             AND id IN (SELECT job_id FROM job_postings WHERE posting_id IN (SELECT value FROM json_each(?1)))",
    )?
    .execute([ids])?;
    Ok(())
}

/// `work` applied to every item, split across the machine's cores; results keep the input order.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    const MIN_PER_THREAD: usize = 16;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len() / MIN_PER_THREAD);
    if threads < 2 {
        return items.iter().map(work).collect();
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|part| scope.spawn(move || part.iter().map(work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

fn content_hash(payload: &str, fallback_company: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(payload.as_bytes());
    hasher.update([0]);
    hasher.update(fallback_company.unwrap_or_default().as_bytes());
    // The digest writes its own lower-case hex: one string, not one per byte.
    format!("{:x}", hasher.finalize())
}

fn location_text(job: &NormalizedJob) -> String {
    job.locations.join("; ")
}

fn skills_json(job: &NormalizedJob) -> Result<String, CoreError> {
    Ok(serde_json::to_string(&job.skills)?)
}

/// The words of every job in `prepared`.
fn indexed_words(prepared: &[Result<Prepared, CoreError>]) -> Words {
    let mut words = Words::default();
    for prepared in prepared.iter().flatten() {
        if let Some((job, _)) = &prepared.job {
            add_job_words(&mut words, job);
        }
    }
    words
}

/// Adds the words of what the search index reads of `job` (its title, company, location_text,
/// skills and description_text columns), from the same values [`job_values`] stores.
fn add_job_words(words: &mut Words, job: &NormalizedJob) {
    words.add(job.title.as_deref().unwrap_or_default());
    words.add(job.company.as_deref().unwrap_or_default());
    words.add(&location_text(job));
    // A list that cannot be written out is not stored either: job_values fails the same way.
    words.add(&skills_json(job).unwrap_or_default());
    words.add(&job.description_text);
}

/// The job's columns, each bound to the parameter of the same name (`:title`, ...) in both
/// statements below.
fn job_values(job: &NormalizedJob, key: &DedupKey) -> Result<Vec<(&'static str, Value)>, CoreError> {
    let salary = job.salary.as_ref();
    let text = |value: Option<&str>| value.map_or(Value::Null, |text| Value::Text(text.to_string()));
    let real = |value: Option<f64>| value.map_or(Value::Null, Value::Real);
    Ok(vec![
        (":title", Value::Text(job.title.clone().unwrap_or_default())),
        (":company", Value::Text(job.company.clone().unwrap_or_default())),
        (":locations", Value::Text(serde_json::to_string(&job.locations)?)),
        (":location_text", Value::Text(location_text(job))),
        (":remote", text(job.remote.map(|mode| mode.as_str()))),
        (":employment_type", text(job.employment_type.map(|kind| kind.as_str()))),
        (":salary_min", real(salary.and_then(|s| s.min))),
        (":salary_max", real(salary.and_then(|s| s.max))),
        (":salary_currency", text(salary.and_then(|s| s.currency.as_deref()))),
        (":salary_period", text(salary.map(|s| s.period.as_str()))),
        (":salary_yearly_min", real(salary.and_then(|s| s.yearly_min))),
        (":salary_yearly_max", real(salary.and_then(|s| s.yearly_max))),
        (":posted_at", text(job.posted_at.as_deref())),
        (":url", text(job.url.as_deref())),
        (":apply_url", text(job.apply_url.as_deref())),
        (":description_html", Value::Text(job.description_html.clone())),
        (":description_text", Value::Text(job.description_text.clone())),
        (":skills", Value::Text(skills_json(job)?)),
        (":seniority", text(job.seniority.map(|level| level.as_str()))),
        (":countries", Value::Text(serde_json::to_string(&job.countries)?)),
        (":title_key", Value::Text(key.title_key().to_string())),
        (":company_key", Value::Text(key.company_key.clone())),
        (":canonical_apply_url", text(key.canonical_url.as_deref())),
        (":simhash", key.text.simhash.map_or(Value::Null, |hash| Value::Integer(hash as i64))),
        (":opening_hash", key.text.opening_hash.map_or(Value::Null, |hash| Value::Integer(hash as i64))),
        (":place_keys", Value::Text(serde_json::to_string(&key.places.keys)?)),
    ])
}

/// `values` as rusqlite binds named parameters.
fn named<'a>(values: &'a [(&'static str, Value)]) -> Vec<(&'static str, &'a dyn ToSql)> {
    values.iter().map(|(name, value)| (*name, value as &dyn ToSql)).collect()
}

pub fn dedup_key(job: &NormalizedJob) -> DedupKey {
    DedupKey::new(
        job.title.as_deref().unwrap_or_default(),
        job.company.as_deref().unwrap_or_default(),
        &job.locations,
        job.remote,
        job.apply_url.as_deref(),
        &job.description_text,
    )
}

/// Whether [`merge_into`] gives job `job_id` the description it lacks: of the columns the search
/// index holds, that is the only one a merge changes, so any other merge leaves the index alone.
fn merge_fills_description(tx: &Transaction<'_>, job_id: i64, job: &NormalizedJob) -> Result<bool, CoreError> {
    if job.description_text.is_empty() {
        return Ok(false);
    }
    Ok(tx
        .prepare_cached("SELECT description_text = '' FROM jobs WHERE id = ?1")?
        .query_row([job_id], |row| row.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

/// Adds what a newly found posting knows to the job it duplicates. The employer's own ATS link
/// becomes the apply link; pay and description fill gaps; nothing else is overwritten.
fn merge_into(
    tx: &Transaction<'_>,
    job_id: i64,
    job: &NormalizedJob,
    key: &DedupKey,
    category: jobhound_sources::SourceCategory,
    now: &str,
) -> Result<(), CoreError> {
    let from_ats = category == jobhound_sources::SourceCategory::Ats;
    let salary = job.salary.as_ref();
    tx.prepare_cached(
        "UPDATE jobs SET last_seen_at = :now, updated_at = :now, closed_at = NULL,
             apply_url = CASE WHEN :from_ats AND :apply_url IS NOT NULL THEN :apply_url ELSE apply_url END,
             canonical_apply_url = CASE WHEN :from_ats AND :canonical_apply_url IS NOT NULL THEN :canonical_apply_url
                                        ELSE COALESCE(canonical_apply_url, :canonical_apply_url) END,
             salary_min = CASE WHEN salary_period IS NULL THEN :salary_min ELSE salary_min END,
             salary_max = CASE WHEN salary_period IS NULL THEN :salary_max ELSE salary_max END,
             salary_currency = CASE WHEN salary_period IS NULL THEN :salary_currency ELSE salary_currency END,
             salary_yearly_min = CASE WHEN salary_period IS NULL THEN :salary_yearly_min ELSE salary_yearly_min END,
             salary_yearly_max = CASE WHEN salary_period IS NULL THEN :salary_yearly_max ELSE salary_yearly_max END,
             salary_period = COALESCE(salary_period, :salary_period),
             description_html = CASE WHEN description_html = '' THEN :description_html ELSE description_html END,
             description_text = CASE WHEN description_text = '' THEN :description_text ELSE description_text END,
             simhash = CASE WHEN description_text = '' THEN :simhash ELSE simhash END,
             opening_hash = CASE WHEN description_text = '' THEN :opening_hash ELSE opening_hash END
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":id": job_id,
        ":now": now,
        ":from_ats": from_ats,
        ":apply_url": job.apply_url,
        ":canonical_apply_url": key.canonical_url,
        ":salary_min": salary.and_then(|s| s.min),
        ":salary_max": salary.and_then(|s| s.max),
        ":salary_currency": salary.and_then(|s| s.currency.as_deref()),
        ":salary_period": salary.map(|s| s.period.as_str()),
        ":salary_yearly_min": salary.and_then(|s| s.yearly_min),
        ":salary_yearly_max": salary.and_then(|s| s.yearly_max),
        ":description_html": job.description_html,
        ":description_text": job.description_text,
        ":simhash": key.text.simhash.map(|hash| hash as i64),
        ":opening_hash": key.text.opening_hash.map(|hash| hash as i64),
    })?;
    Ok(())
}

fn insert_job(tx: &Transaction<'_>, job: &NormalizedJob, key: &DedupKey, now: &str) -> Result<i64, CoreError> {
    let mut values = job_values(job, key)?;
    values.push((":now", Value::Text(now.to_string())));
    tx.prepare_cached(
        "INSERT INTO jobs (title, company, locations, location_text, remote, employment_type,
             salary_min, salary_max, salary_currency, salary_period, salary_yearly_min, salary_yearly_max,
             posted_at, url, apply_url, description_html, description_text, skills,
             seniority, countries, title_key, company_key, canonical_apply_url, simhash, opening_hash, place_keys,
             first_seen_at, last_seen_at, updated_at)
         VALUES (:title, :company, :locations, :location_text, :remote, :employment_type,
             :salary_min, :salary_max, :salary_currency, :salary_period, :salary_yearly_min, :salary_yearly_max,
             :posted_at, :url, :apply_url, :description_html, :description_text, :skills,
             :seniority, :countries, :title_key, :company_key, :canonical_apply_url, :simhash, :opening_hash, :place_keys,
             :now, :now, :now)",
    )?
    .execute(named(&values).as_slice())?;
    let job_id = tx.last_insert_rowid();
    store_alternates(tx, job_id, key, true)?;
    Ok(job_id)
}

fn update_job(
    tx: &Transaction<'_>,
    job_id: i64,
    job: &NormalizedJob,
    key: &DedupKey,
    now: &str,
) -> Result<(), CoreError> {
    let mut values = job_values(job, key)?;
    values.push((":now", Value::Text(now.to_string())));
    values.push((":id", Value::Integer(job_id)));
    tx.prepare_cached(
        // Pay and descriptions that come from per-job detail calls are not re-read for postings
        // already stored, so an update without them keeps what was read before.
        "UPDATE jobs SET title = :title, company = :company, locations = :locations,
             location_text = :location_text, remote = :remote, employment_type = :employment_type,
             salary_min = CASE WHEN :salary_yearly_min IS NULL AND :salary_yearly_max IS NULL
                               THEN salary_min ELSE :salary_min END,
             salary_max = CASE WHEN :salary_yearly_min IS NULL AND :salary_yearly_max IS NULL
                               THEN salary_max ELSE :salary_max END,
             salary_currency = CASE WHEN :salary_yearly_min IS NULL AND :salary_yearly_max IS NULL
                                    THEN salary_currency ELSE :salary_currency END,
             salary_period = CASE WHEN :salary_yearly_min IS NULL AND :salary_yearly_max IS NULL
                                  THEN salary_period ELSE :salary_period END,
             salary_yearly_min = COALESCE(:salary_yearly_min, CASE WHEN :salary_yearly_max IS NULL THEN salary_yearly_min END),
             salary_yearly_max = COALESCE(:salary_yearly_max, CASE WHEN :salary_yearly_min IS NULL THEN salary_yearly_max END),
             posted_at = :posted_at, url = :url, apply_url = :apply_url,
             description_html = CASE WHEN :description_html = '' THEN description_html ELSE :description_html END,
             description_text = CASE WHEN :description_html = '' THEN description_text ELSE :description_text END,
             skills = CASE WHEN :description_html = '' THEN skills ELSE :skills END,
             seniority = :seniority, countries = :countries, title_key = :title_key, company_key = :company_key,
             canonical_apply_url = COALESCE(:canonical_apply_url, canonical_apply_url),
             simhash = CASE WHEN :description_html = '' THEN simhash ELSE :simhash END,
             opening_hash = CASE WHEN :description_html = '' THEN opening_hash ELSE :opening_hash END,
             place_keys = :place_keys, last_seen_at = :now, updated_at = :now, closed_at = NULL
         WHERE id = :id",
    )?
    .execute(named(&values).as_slice())?;
    store_alternates(tx, job_id, key, false)?;
    Ok(())
}

/// The job a stored posting belongs to, by its source and id; none when it could not become one.
pub(crate) fn job_of_posting(
    connection: &Connection,
    source: jobhound_sources::SourceKind,
    source_id: &str,
) -> Result<Option<i64>, CoreError> {
    Ok(connection
        .query_row(
            "SELECT jp.job_id FROM postings p JOIN job_postings jp ON jp.posting_id = p.id
             WHERE p.source = ?1 AND p.source_job_id = ?2",
            [source.as_str(), source_id],
            |row| row.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    /// Stored postings are recognized as unchanged by this hash, so its text must never change.
    #[test]
    fn the_content_hash_is_the_hex_sha256_of_payload_and_company() {
        assert_eq!(
            content_hash("{\"a\":1}", Some("Acme")),
            "6dcc69714670efb983ad9c28c7f1628e5b82bf701b6694e41e85ea568f78a8d1"
        );
    }
}

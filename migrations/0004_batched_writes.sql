-- Per-row triggers made FTS5 flush its pending terms to disk at the start of every statement
-- (each trigger-firing statement opens a savepoint, and FTS5 flushes on savepoint), which cost
-- more than the rest of ingest together. Ingest now indexes each batch with one statement
-- (crates/core/src/search_index.rs); any code that changes an indexed column must do the same.
DROP TRIGGER jobs_fts_insert;
DROP TRIGGER jobs_fts_update;

-- Duplicate candidates are found by title and near-identical description inside SQLite
-- (hamming() is registered on every connection); the index covers both columns.
DROP INDEX jobs_title_key;
CREATE INDEX jobs_title_simhash ON jobs (title_key, simhash);

-- When each posting and job was last seen. Every run sees most postings again unchanged; updating
-- a timestamp on the wide postings and jobs rows (payloads, descriptions) rewrote kilobytes per
-- posting. The values here win over the older columns when newer (see jobs.rs).
CREATE TABLE posting_seen (
    posting_id INTEGER PRIMARY KEY REFERENCES postings (id) ON DELETE CASCADE,
    fetched_at TEXT NOT NULL
);
CREATE TABLE job_seen (
    job_id       INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    last_seen_at TEXT NOT NULL
);

-- Lists are sorted newest first by this key; an index on it lets a broad search stop after one
-- page instead of sorting every match.
ALTER TABLE jobs ADD COLUMN listed_at TEXT GENERATED ALWAYS AS (COALESCE(posted_at, first_seen_at)) VIRTUAL;
CREATE INDEX jobs_listed ON jobs (listed_at DESC, id DESC);

-- The source filter probes this index per candidate job instead of joining the wide postings rows.
ALTER TABLE job_postings ADD COLUMN source TEXT NOT NULL DEFAULT '';
UPDATE job_postings SET source = (SELECT source FROM postings WHERE postings.id = job_postings.posting_id);
CREATE INDEX job_postings_job_source ON job_postings (job_id, source);


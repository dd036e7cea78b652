-- Foundation: raw postings (bronze), canonical jobs (silver) with full-text search,
-- the boards the user watches and a record of every fetch.

CREATE TABLE watched_sources (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT NOT NULL,
    param                TEXT NOT NULL,
    name                 TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    last_fetch_at        TEXT,
    last_success_at      TEXT,
    last_error           TEXT,
    last_error_kind      TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    jobs_seen_last       INTEGER,
    UNIQUE (kind, param)
);

CREATE TABLE postings (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL,
    source_job_id  TEXT NOT NULL,
    url            TEXT,
    payload        TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    first_seen_at  TEXT NOT NULL,
    fetched_at     TEXT NOT NULL,
    -- Why this posting could not become a job (e.g. no title); NULL when it did.
    problem        TEXT,
    UNIQUE (source, source_job_id)
);

CREATE TABLE jobs (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    company            TEXT NOT NULL,
    locations          TEXT NOT NULL DEFAULT '[]',
    location_text      TEXT NOT NULL DEFAULT '',
    remote             TEXT CHECK (remote IN ('remote', 'hybrid', 'onsite')),
    employment_type    TEXT CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'temporary', 'internship')),
    salary_min         REAL,
    salary_max         REAL,
    salary_currency    TEXT,
    salary_period      TEXT CHECK (salary_period IN ('hour', 'day', 'week', 'month', 'year')),
    salary_yearly_min  REAL,
    salary_yearly_max  REAL,
    posted_at          TEXT,
    url                TEXT,
    apply_url          TEXT,
    description_html   TEXT NOT NULL DEFAULT '',
    description_text   TEXT NOT NULL DEFAULT '',
    skills             TEXT NOT NULL DEFAULT '[]',
    first_seen_at      TEXT NOT NULL,
    last_seen_at       TEXT NOT NULL,
    closed_at          TEXT,
    updated_at         TEXT NOT NULL
);
CREATE INDEX jobs_posted ON jobs (posted_at DESC, id DESC);

CREATE TABLE job_postings (
    job_id        INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    posting_id    INTEGER NOT NULL UNIQUE REFERENCES postings (id) ON DELETE CASCADE,
    first_seen_at TEXT NOT NULL,
    PRIMARY KEY (job_id, posting_id)
);

CREATE VIRTUAL TABLE jobs_fts USING fts5 (
    title, company, location_text, skills, description_text,
    content = 'jobs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
    INSERT INTO jobs_fts (rowid, title, company, location_text, skills, description_text)
    VALUES (new.id, new.title, new.company, new.location_text, new.skills, new.description_text);
END;
CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
    INSERT INTO jobs_fts (jobs_fts, rowid, title, company, location_text, skills, description_text)
    VALUES ('delete', old.id, old.title, old.company, old.location_text, old.skills, old.description_text);
END;
CREATE TRIGGER jobs_fts_update AFTER UPDATE OF title, company, location_text, skills, description_text ON jobs BEGIN
    INSERT INTO jobs_fts (jobs_fts, rowid, title, company, location_text, skills, description_text)
    VALUES ('delete', old.id, old.title, old.company, old.location_text, old.skills, old.description_text);
    INSERT INTO jobs_fts (rowid, title, company, location_text, skills, description_text)
    VALUES (new.id, new.title, new.company, new.location_text, new.skills, new.description_text);
END;

-- The postings each watched source listed on its last successful fetch.
CREATE TABLE watched_postings (
    watched_source_id INTEGER NOT NULL REFERENCES watched_sources (id) ON DELETE CASCADE,
    posting_id        INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
    PRIMARY KEY (watched_source_id, posting_id)
);
CREATE INDEX watched_postings_posting ON watched_postings (posting_id);

-- A run fetches one or more sources; later a campaign owns it.
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    trigger      TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'partial', 'cancelled'))
);

CREATE TABLE run_sources (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    watched_source_id INTEGER REFERENCES watched_sources (id) ON DELETE SET NULL,
    source            TEXT NOT NULL,
    param             TEXT NOT NULL,
    jobs_seen         INTEGER NOT NULL DEFAULT 0,
    new_jobs          INTEGER NOT NULL DEFAULT 0,
    updated_jobs      INTEGER NOT NULL DEFAULT 0,
    error_kind        TEXT,
    error_message     TEXT,
    duration_ms       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX run_sources_run ON run_sources (run_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

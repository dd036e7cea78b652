-- Applying: where each application stands (with a history that is never overwritten), the
-- resumes the person imported, the cover letters written for a job (every version), the files
-- exported for an application, and a model's quick read of a job.

-- Resumes (and exported letters): the file lives in the data dir under its SHA-256.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('resume', 'letter')),
    name        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
    sha256      TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    -- Extracted text (resumes) feeds ranking and prompts; an exported letter keeps its own text.
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (kind, sha256)
);

ALTER TABLE campaigns ADD COLUMN resume_id INTEGER REFERENCES documents (id) ON DELETE SET NULL;

CREATE TABLE applications (
    id            INTEGER PRIMARY KEY,
    job_id        INTEGER NOT NULL UNIQUE REFERENCES jobs (id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('saved', 'preparing', 'applied', 'interviewing', 'offer',
                                                  'accepted', 'rejected', 'withdrawn', 'archived')),
    resume_id     INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    -- When the status first became "applied"; kept when it moves on.
    applied_at    TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    -- Local date "YYYY-MM-DD"; a reminder is shown on that day.
    follow_up_on  TEXT,
    -- The follow-up date a reminder was shown for, so a new date reminds again.
    reminded_for  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX applications_status ON applications (status, updated_at DESC);
CREATE INDEX applications_follow_up ON applications (follow_up_on) WHERE follow_up_on IS NOT NULL;

CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_status    TEXT,
    to_status      TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, id);

CREATE TABLE application_contacts (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_contacts_application ON application_contacts (application_id);

-- Every version of every cover letter: generated ones with the prompt and model that wrote
-- them, edited ones with the version they started from.
CREATE TABLE cover_letters (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('generated', 'edited')),
    parent_id   INTEGER REFERENCES cover_letters (id) ON DELETE SET NULL,
    resume_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    text        TEXT NOT NULL,
    tone        TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    prompt      TEXT NOT NULL DEFAULT '',
    model       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (job_id, version)
);

-- Files exported for an application (a letter as PDF or DOCX), where they were saved.
CREATE TABLE application_files (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    letter_id      INTEGER REFERENCES cover_letters (id) ON DELETE SET NULL,
    saved_to       TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX application_files_application ON application_files (application_id);

CREATE TABLE job_insights (
    job_id      INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    resume_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    summary     TEXT NOT NULL,
    skills      TEXT NOT NULL DEFAULT '[]',
    fits        TEXT NOT NULL DEFAULT '[]',
    missing     TEXT NOT NULL DEFAULT '[]',
    model       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

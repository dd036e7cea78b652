-- jobhound: rebuilds-tables
-- Resumes tailored to a job (issue 24). SQLite cannot widen a CHECK, so `documents` is rebuilt to
-- take a third kind, the exported tailored resume; the runner turns foreign keys off around this
-- migration (the documented way to rebuild a table others refer to) and checks them before commit.
CREATE TABLE documents_widened (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('resume', 'letter', 'tailored_resume')),
    name        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
    sha256      TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (kind, sha256)
);
INSERT INTO documents_widened (id, kind, name, file_name, format, sha256, size_bytes, text, created_at)
    SELECT id, kind, name, file_name, format, sha256, size_bytes, text, created_at FROM documents;
DROP TABLE documents;
ALTER TABLE documents_widened RENAME TO documents;

-- Every version is kept, as letters are, with the prompt and model that wrote it. `sections` is
-- the tailored resume's JSON; `confirmed` the claims the fabrication check questioned that the
-- person confirmed as true.
CREATE TABLE tailored_resumes (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('generated', 'edited')),
    parent_id   INTEGER REFERENCES tailored_resumes (id) ON DELETE SET NULL,
    resume_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    sections    TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    confirmed   TEXT NOT NULL DEFAULT '[]',
    prompt      TEXT NOT NULL DEFAULT '',
    model       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (job_id, version)
);
CREATE INDEX tailored_resumes_resume ON tailored_resumes (resume_id);

-- An exported tailored resume is a file of the application, as a letter is.
ALTER TABLE application_files ADD COLUMN tailored_id INTEGER REFERENCES tailored_resumes (id) ON DELETE SET NULL;

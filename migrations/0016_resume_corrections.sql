-- A resume's structure as the person corrected it (issue 24): read from its text by default, kept
-- here once they fix a part of it. The file and its extracted text never change.
CREATE TABLE resume_corrections (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    sections    TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The inbox (issue 25): where reading stopped in each watched folder, and the messages matched to
-- an application with what they propose. Never a message's body beyond a 500-character snippet,
-- never an attachment; an application's messages go with it.
CREATE TABLE inbox_folders (
    folder       TEXT PRIMARY KEY,
    -- UIDs mean something only while this stays the same.
    uid_validity INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL DEFAULT 0,
    checked_at   TEXT NOT NULL
);

CREATE TABLE inbox_messages (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    -- The Message-ID header, or folder/UIDVALIDITY/UID for a message without one.
    message_id      TEXT NOT NULL UNIQUE,
    folder          TEXT NOT NULL,
    sender          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    sent_at         TEXT,
    snippet         TEXT NOT NULL CHECK (length(snippet) <= 500),
    kind            TEXT NOT NULL CHECK (kind IN ('received', 'rejected', 'interview', 'assessment', 'offer', 'other')),
    confidence      REAL NOT NULL,
    evidence        TEXT NOT NULL,
    decided_by      TEXT NOT NULL CHECK (decided_by IN ('rules', 'model')),
    matched_by      TEXT NOT NULL CHECK (matched_by IN ('thread', 'domain', 'company')),
    -- The day an interview invitation names.
    interview_on    TEXT,
    -- The application status it proposes; NULL when it only notes something (a confirmation of
    -- an application already marked applied).
    proposed_status TEXT CHECK (proposed_status IN ('applied', 'interviewing', 'offer', 'rejected')),
    review          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (review IN ('pending', 'accepted', 'changed', 'dismissed', 'applied_itself', 'noted')),
    -- The status the person chose instead, when they changed the proposal.
    chosen_status   TEXT,
    reviewed_at     TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX inbox_messages_application ON inbox_messages (application_id, sent_at);
CREATE INDEX inbox_messages_review ON inbox_messages (review);

-- Campaigns (saved searches), the jobs each one ranked (matches) and what the user told us about
-- them (feedback), which moves the campaign's ranking weights.

CREATE TABLE campaigns (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    -- What the campaign wants, as ranking::Profile JSON; its `weights` are the current (learned) ones.
    profile          TEXT NOT NULL,
    -- The weights the user set; "reset" returns to them.
    base_weights     TEXT NOT NULL,
    resume_text      TEXT NOT NULL DEFAULT '',
    interval_minutes INTEGER NOT NULL DEFAULT 360 CHECK (interval_minutes BETWEEN 60 AND 10080),
    notify_threshold INTEGER NOT NULL DEFAULT 70 CHECK (notify_threshold BETWEEN 0 AND 100),
    -- Local wall-clock "HH:MM"; notifications wait while inside [start, end).
    quiet_start      TEXT,
    quiet_end        TEXT,
    webhook_url      TEXT,
    active           INTEGER NOT NULL DEFAULT 1,
    next_run_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE campaign_sources (
    campaign_id       INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    watched_source_id INTEGER NOT NULL REFERENCES watched_sources (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, watched_source_id)
);

CREATE TABLE matches (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    -- ranking::Ranked JSON: every factor's points and evidence.
    explanation TEXT NOT NULL,
    -- Why a hard filter dropped the job; NULL when it was ranked.
    filtered    TEXT,
    ranked_at   TEXT NOT NULL,
    notified_at TEXT,
    seen_at     TEXT,
    hidden      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, job_id)
);
CREATE INDEX matches_by_score ON matches (campaign_id, score DESC);
CREATE INDEX matches_job ON matches (job_id);

CREATE TABLE feedback (
    id             INTEGER PRIMARY KEY,
    campaign_id    INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    job_id         INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('like', 'dislike', 'hide', 'applied', 'rejected')),
    weights_before TEXT NOT NULL,
    weights_after  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX feedback_campaign ON feedback (campaign_id, id);

ALTER TABLE runs ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;

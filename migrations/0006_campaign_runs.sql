-- Campaign runs on a timer: what each run found, which matches are news (and were announced),
-- and webhook digests waiting to be delivered.

ALTER TABLE runs ADD COLUMN new_jobs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN new_matches INTEGER NOT NULL DEFAULT 0;
-- Why the run as a whole failed or stopped (per-source errors live in run_sources).
ALTER TABLE runs ADD COLUMN error TEXT;
CREATE INDEX runs_campaign ON runs (campaign_id, id DESC);

-- A match made when the campaign was created or edited is not news: the job was already stored.
-- Only matches made by fetching (silent = 0) are announced.
ALTER TABLE matches ADD COLUMN silent INTEGER NOT NULL DEFAULT 1;
CREATE INDEX matches_unannounced ON matches (campaign_id) WHERE notified_at IS NULL AND silent = 0;

-- Webhook digests: kept until delivered, retried with the error shown, never dropped silently.
CREATE TABLE webhook_outbox (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    url          TEXT NOT NULL,
    body         TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    next_try_at  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    delivered_at TEXT
);
CREATE INDEX webhook_outbox_pending ON webhook_outbox (next_try_at) WHERE delivered_at IS NULL;

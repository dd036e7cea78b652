-- Source health beyond the last fetch: when a source last listed any job (to spot boards that
-- went dark) and what the last successful fetch warned about (page caps, detail calls that failed).

ALTER TABLE watched_sources ADD COLUMN last_jobs_at TEXT;
ALTER TABLE watched_sources ADD COLUMN last_warnings TEXT NOT NULL DEFAULT '[]';

UPDATE watched_sources SET last_jobs_at = last_success_at WHERE jobs_seen_last > 0;

-- Jobs that left every board that listed them, newest closures first.
CREATE INDEX jobs_closed ON jobs (closed_at) WHERE closed_at IS NOT NULL;

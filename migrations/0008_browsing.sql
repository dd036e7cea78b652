-- Browsing: the list sorted by pay walks this index and stops after a page instead of sorting
-- every job (the expression must read exactly as the ORDER BY in jobs.rs).
CREATE INDEX jobs_pay ON jobs (COALESCE(salary_yearly_max, salary_yearly_min) DESC, id DESC);

-- Saved views: a name for a search with its filters and sort (a JobQuery as JSON, without paging).
CREATE TABLE saved_views (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    query       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

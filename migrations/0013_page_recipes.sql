-- Careers pages read by a recipe (issue 23): every recipe a page has had, newest the one in use.
-- A heal (the page's layout changed and a new recipe was derived) adds a version; nothing is
-- overwritten, so what read the page before stays on record.
CREATE TABLE source_recipes (
    watched_source_id INTEGER NOT NULL REFERENCES watched_sources (id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    recipe            TEXT NOT NULL,
    healed            INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    PRIMARY KEY (watched_source_id, version)
) WITHOUT ROWID;

-- The pipeline's normalized facts and duplicate-merging keys. Keys of jobs stored before this
-- migration are filled in by the app at start (they are computed in Rust).

ALTER TABLE jobs ADD COLUMN seniority TEXT
    CHECK (seniority IN ('intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'lead', 'manager', 'director'));
ALTER TABLE jobs ADD COLUMN countries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE jobs ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN company_key TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN canonical_apply_url TEXT;
ALTER TABLE jobs ADD COLUMN simhash INTEGER;
-- Place keys compared by dedup (JSON array).
ALTER TABLE jobs ADD COLUMN place_keys TEXT NOT NULL DEFAULT '[]';

CREATE INDEX jobs_title_key ON jobs (title_key);
CREATE INDEX jobs_canonical_apply_url ON jobs (canonical_apply_url) WHERE canonical_apply_url IS NOT NULL;

-- Duplicates that slipped through (issue 22): a copy cut to its opening, a retyped title.
--
-- The hash of a description's first words finds another company's cut copy of a job among the
-- jobs of its title, so it joins the dedup index (which now covers every column candidates are
-- filtered on, replacing the one from 0009).
ALTER TABLE jobs ADD COLUMN opening_hash INTEGER;
DROP INDEX jobs_title_simhash_company;
CREATE INDEX jobs_dedup ON jobs (title_key, company_key, simhash, opening_hash);

-- A title's other names ("Data Engineer" of "Ingeniero de Datos (Data Engineer)"): a job posted
-- under one of them finds the job here.
CREATE TABLE job_title_alternates (
    title_key TEXT NOT NULL,
    job_id    INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    PRIMARY KEY (title_key, job_id)
) WITHOUT ROWID;
CREATE INDEX job_title_alternates_job ON job_title_alternates (job_id);

-- (title_key, simhash, company_key) from 0009 serves every lookup by title alone, so the
-- single-column index only cost a b-tree insert per stored job.
DROP INDEX IF EXISTS jobs_title_key;

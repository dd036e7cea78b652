-- Lists sort by listed_at (jobs_listed, migration 4); nothing reads jobs_posted since, yet every
-- ingest kept it up to date, a random-key index rewritten across the whole table at each batch.
DROP INDEX jobs_posted;

-- Duplicate candidates need the same title and a near SimHash, within a tighter distance when the
-- company differs. With the company in the index, a common title's many other jobs are ruled out
-- from the index alone instead of reading each wide job row.
DROP INDEX jobs_title_simhash;
CREATE INDEX jobs_title_simhash_company ON jobs (title_key, simhash, company_key);

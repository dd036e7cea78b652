-- Lists sort by listed_at (jobs_listed, migration 4); nothing reads jobs_posted since, yet every
-- ingest kept it up to date, a random-key index rewritten across the whole table at each batch.
DROP INDEX jobs_posted;

-- The search index kept every word's positions, which only phrase and NEAR queries, snippets and
-- highlights read; Jobhound uses none of them (a search is all of its words, anywhere). Without
-- positions the index is about half the size, so each batch writes and merges less, and a prefix
-- search (the last word as it is typed) merges far shorter lists. Rebuilt from the jobs table.
DROP TABLE jobs_fts;
CREATE VIRTUAL TABLE jobs_fts USING fts5 (
    title, company, location_text, skills, description_text,
    content = 'jobs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
);
INSERT INTO jobs_fts (jobs_fts) VALUES ('rebuild');

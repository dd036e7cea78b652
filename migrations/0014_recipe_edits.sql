-- A recipe the person wrote or corrected in the recipe editor (issue 23) is kept as the page's
-- next version like any other; this says which versions are theirs.
ALTER TABLE source_recipes ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;

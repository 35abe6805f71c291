-- timeline store, schema version 4: each tracked deadline keeps the content words of what its
-- reports said (space-separated stems), so that a new report is matched without reading all of
-- its sources. Filled for older stores by Store when it applies this migration.
ALTER TABLE deadlines ADD COLUMN subject_words TEXT NOT NULL DEFAULT '';  -- subjects of every report
ALTER TABLE deadlines ADD COLUMN first_words TEXT NOT NULL DEFAULT '';    -- the first report's sentence
ALTER TABLE deadlines ADD COLUMN latest_words TEXT NOT NULL DEFAULT '';   -- the latest report's sentence

-- timeline store, schema version 6: tracked deadlines follow publication order whatever order the
-- articles were added in (Store.retrack replays them), end when withdrawn or met, and carry the
-- analyst's corrections, kept apart from what was extracted so that they survive a rebuild.
ALTER TABLE documents ADD COLUMN utc_offset INTEGER;                   -- minutes east of UTC the publication time was given in
ALTER TABLE deadlines ADD COLUMN key TEXT NOT NULL DEFAULT '';         -- stable id: from the first report's text and place
ALTER TABLE deadlines ADD COLUMN status TEXT NOT NULL DEFAULT 'open';  -- open | withdrawn | lifted | met
ALTER TABLE deadlines ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;  -- how many times it moved (iCalendar SEQUENCE)

-- One report of a deadline is named by report_key = documents.content_hash || ':' || mentions.start,
-- which the same article gives again in any store; a correction holds for the deadline any of
-- whose reports it names.
CREATE TABLE deadline_corrections (
    report_key  TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('dismissed', 'due', 'subject', 'setter')),
    value       TEXT NOT NULL,                -- dismissed: the reason; due: YYYY-MM-DD
    made_at     TEXT NOT NULL,                -- when the analyst made it (UTC)
    PRIMARY KEY (report_key, field)
);

-- Tracked deadlines with the analyst's corrections applied: what the views show. The corrections
-- are found from their own (small) table: report_key's first 64 characters are the document's
-- content_hash, the rest after ':' the mention's start.
CREATE VIEW tracked_deadlines AS
    WITH fix AS (
        SELECT s.deadline_id,
               max(CASE WHEN c.field = 'due' THEN c.value END) AS due,
               max(CASE WHEN c.field = 'subject' THEN c.value END) AS subject,
               max(CASE WHEN c.field = 'setter' THEN c.value END) AS setter,
               max(CASE WHEN c.field = 'dismissed' THEN c.value END) AS dismissed
        FROM deadline_corrections c
        JOIN documents d ON d.content_hash = substr(c.report_key, 1, 64)
        JOIN mentions m ON m.document_id = d.id AND m.start = CAST(substr(c.report_key, 66) AS INTEGER)
        JOIN deadline_sources s ON s.mention_id = m.id
        GROUP BY s.deadline_id)
    SELECT t.id, t.key, coalesce(fix.due, t.due) AS due, coalesce(fix.subject, t.subject) AS subject,
           coalesce(fix.setter, t.setter) AS setter, fix.dismissed, t.due AS extracted_due, t.status,
           t.first_due, t.first_seen, t.last_changed, t.sequence
    FROM deadlines t LEFT JOIN fix ON fix.deadline_id = t.id;

DROP VIEW upcoming_deadlines;
CREATE VIEW upcoming_deadlines AS
    SELECT id, due, subject, setter, first_due, last_changed FROM tracked_deadlines
    WHERE status = 'open' AND dismissed IS NULL AND due >= date('now')
    ORDER BY due;

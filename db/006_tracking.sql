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

-- Tracked deadlines with the analyst's corrections applied: what the views show.
CREATE VIEW tracked_deadlines AS
    SELECT t.id, t.key,
           coalesce((SELECT c.value FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
                     JOIN documents d ON d.id = m.document_id JOIN deadline_corrections c
                     ON c.report_key = d.content_hash || ':' || m.start AND c.field = 'due'
                     WHERE s.deadline_id = t.id ORDER BY c.made_at DESC LIMIT 1), t.due) AS due,
           coalesce((SELECT c.value FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
                     JOIN documents d ON d.id = m.document_id JOIN deadline_corrections c
                     ON c.report_key = d.content_hash || ':' || m.start AND c.field = 'subject'
                     WHERE s.deadline_id = t.id ORDER BY c.made_at DESC LIMIT 1), t.subject) AS subject,
           coalesce((SELECT c.value FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
                     JOIN documents d ON d.id = m.document_id JOIN deadline_corrections c
                     ON c.report_key = d.content_hash || ':' || m.start AND c.field = 'setter'
                     WHERE s.deadline_id = t.id ORDER BY c.made_at DESC LIMIT 1), t.setter) AS setter,
           (SELECT c.value FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
            JOIN documents d ON d.id = m.document_id JOIN deadline_corrections c
            ON c.report_key = d.content_hash || ':' || m.start AND c.field = 'dismissed'
            WHERE s.deadline_id = t.id ORDER BY c.made_at DESC LIMIT 1) AS dismissed,
           t.due AS extracted_due, t.status, t.first_due, t.first_seen, t.last_changed, t.sequence
    FROM deadlines t;

DROP VIEW upcoming_deadlines;
CREATE VIEW upcoming_deadlines AS
    SELECT id, due, subject, setter, first_due, last_changed FROM tracked_deadlines
    WHERE status = 'open' AND dismissed IS NULL AND due >= date('now')
    ORDER BY due;

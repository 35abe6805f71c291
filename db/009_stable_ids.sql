-- timeline store, schema version 9: ids that never change once shown, corrections that reach every
-- view and the calendar.
--
-- A tracked deadline keeps the number it was first given (deadline_ids.id), whatever order its
-- reports arrive in and however often the deadlines are replayed; its reports remember it
-- (deadline_report_ids). A document's id is never given again after `rm` (id_counters).
CREATE TABLE deadline_ids (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- the deadline_id every command shows; never reused
    made_at       TEXT NOT NULL,                      -- when it was first given (UTC)
    uid           TEXT,                               -- its iCalendar UID, fixed at its first export
    cal_sequence  INTEGER NOT NULL DEFAULT 0,         -- SEQUENCE of the last export that changed it
    cal_digest    TEXT,                               -- what that export said of it (dates, summary, status)
    cal_summary   TEXT,                               -- its summary then, and its due day or time: sent again
    cal_when      TEXT,                               --   as cancelled if it is later joined to another deadline
    pruned        TEXT                                -- when `export --prune` left it out of calendars for good
);
CREATE TABLE deadline_report_ids (
    report_key   TEXT PRIMARY KEY,                    -- documents.content_hash || ':' || mentions.start
    deadline_id  INTEGER NOT NULL                     -- the deadline it was tracked as when first seen
);
CREATE INDEX deadline_report_ids_deadline ON deadline_report_ids(deadline_id);
CREATE TABLE id_counters (
    name     TEXT PRIMARY KEY,                        -- 'documents'
    last_id  INTEGER NOT NULL                         -- the highest id ever given
);

-- The analyst's corrections, now also: a status (met, withdrawn, open), a merge into another
-- deadline (merged_into: its deadline_id), each with the reason given.
CREATE TABLE deadline_corrections_new (
    report_key  TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('dismissed', 'due', 'subject', 'setter', 'status', 'merged_into')),
    value       TEXT NOT NULL,                -- dismissed: the reason; due: YYYY-MM-DD; '' clears subject or setter
    made_at     TEXT NOT NULL,                -- when the analyst made it (UTC)
    reason      TEXT,                         -- why, as the analyst gave it
    PRIMARY KEY (report_key, field)
);
INSERT INTO deadline_corrections_new (report_key, field, value, made_at, reason)
    SELECT report_key, field, value, made_at, CASE WHEN field = 'dismissed' THEN value END FROM deadline_corrections;
DROP VIEW upcoming_deadlines;
DROP VIEW tracked_deadlines;
DROP TABLE deadline_corrections;
ALTER TABLE deadline_corrections_new RENAME TO deadline_corrections;

-- Tracked deadlines with the analyst's corrections applied: what the views show (a subject or
-- setter the analyst cleared reads ''). status is the
-- analyst's where one was given, else the articles'; merged_into names the deadline this one was
-- merged into (it is then left out of `deadlines` and `alerts`, and cancelled in the calendar).
CREATE VIEW tracked_deadlines AS
    WITH fix AS (
        SELECT s.deadline_id,
               max(CASE WHEN c.field = 'due' THEN c.value END) AS due,
               max(CASE WHEN c.field = 'subject' THEN c.value END) AS subject,
               max(CASE WHEN c.field = 'setter' THEN c.value END) AS setter,
               max(CASE WHEN c.field = 'dismissed' THEN c.value END) AS dismissed,
               max(CASE WHEN c.field = 'status' THEN c.value END) AS status,
               max(CASE WHEN c.field = 'merged_into' THEN CAST(c.value AS INTEGER) END) AS merged_into
        FROM deadline_corrections c
        JOIN documents d ON d.content_hash = substr(c.report_key, 1, 64)
        JOIN mentions m ON m.document_id = d.id AND m.start = CAST(substr(c.report_key, 66) AS INTEGER)
        JOIN deadline_sources s ON s.mention_id = m.id
        GROUP BY s.deadline_id)
    SELECT t.id, t.key, coalesce(fix.due, t.due) AS due, coalesce(fix.subject, t.subject) AS subject,
           coalesce(fix.setter, t.setter) AS setter, fix.dismissed, t.due AS extracted_due,
           coalesce(fix.status, t.status) AS status, fix.merged_into,
           t.first_due, t.first_seen, t.last_changed, t.sequence
    FROM deadlines t LEFT JOIN fix ON fix.deadline_id = t.id;

CREATE VIEW upcoming_deadlines AS
    SELECT id, due, subject, setter, first_due, last_changed FROM tracked_deadlines
    WHERE status = 'open' AND dismissed IS NULL AND merged_into IS NULL AND due >= date('now', 'localtime')
    ORDER BY due;

-- What `alerts --new` has announced: a deadline is announced once, and again only when its due
-- date moves or it comes closer (into the last week, into its last day).
CREATE TABLE alerts_sent (
    deadline_id  INTEGER NOT NULL,
    due          TEXT NOT NULL,                       -- the due date announced
    closeness    TEXT NOT NULL CHECK (closeness IN ('window', 'week', 'day')),
    sent_at      TEXT NOT NULL,                       -- when (UTC)
    PRIMARY KEY (deadline_id, due, closeness)
);

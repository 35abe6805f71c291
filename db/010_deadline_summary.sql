-- timeline store, schema version 10: what `deadlines` shows of each tracked deadline beside its
-- dates, kept on the deadline as its reports are tracked, so that the listing reads one row per
-- deadline instead of searching its reports (2.3 s at 100,000 articles before).
ALTER TABLE deadlines ADD COLUMN latest_mention_id INTEGER;      -- its latest report: the mention of the latest-published article (then highest id)
ALTER TABLE deadlines ADD COLUMN latest_published TEXT;          -- that article's publication time
ALTER TABLE deadlines ADD COLUMN document_count INTEGER NOT NULL DEFAULT 0;  -- how many articles reported it
ALTER TABLE deadlines ADD COLUMN last_change TEXT;               -- the latest report's change other than 'repeated' (set, extended, ...)

UPDATE deadlines SET
    document_count = (SELECT count(DISTINCT m.document_id) FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
                      WHERE s.deadline_id = deadlines.id),
    latest_mention_id = (SELECT s.mention_id FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
                         JOIN documents d ON d.id = m.document_id WHERE s.deadline_id = deadlines.id
                         ORDER BY d.published DESC, m.id DESC LIMIT 1),
    last_change = (SELECT s.change FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id
                   JOIN documents d ON d.id = m.document_id WHERE s.deadline_id = deadlines.id AND s.change <> 'repeated'
                   ORDER BY d.published DESC, m.id DESC LIMIT 1);
UPDATE deadlines SET latest_published = (SELECT d.published FROM mentions m JOIN documents d ON d.id = m.document_id
                                         WHERE m.id = deadlines.latest_mention_id);

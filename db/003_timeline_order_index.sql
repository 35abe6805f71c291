-- timeline store, schema version 3: mentions indexed in timeline order (earliest, then latest),
-- so that `show` with --limit reads the first rows in order instead of sorting every match.
DROP INDEX mentions_earliest;
CREATE INDEX mentions_timeline_order ON mentions(earliest, latest);

-- timeline store, schema version 8: the full-text index on mentions declared the way sqlite-utils
-- makes one (content="mentions"), so that `sqlite-utils search` and Datasette's search find it.
-- Same columns, same triggers, rebuilt from the mentions table.
DROP TRIGGER mentions_ai;
DROP TRIGGER mentions_ad;
DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence, content="mentions", content_rowid="id");
INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');
CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;

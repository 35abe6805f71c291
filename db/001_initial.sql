-- timeline store, schema version 1.
-- Every table and column is described in README.md ("The database").

CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    content_hash   TEXT NOT NULL UNIQUE,      -- sha256 of the article text: the same text is stored once
    title          TEXT NOT NULL,
    source         TEXT NOT NULL,             -- --source, else the folder the file came from
    path           TEXT NOT NULL,             -- absolute path read, '' for standard input
    published      TEXT NOT NULL,             -- ISO 8601 with offset, UTC
    published_from TEXT NOT NULL,             -- flag | html | timeml | dateline | header | filename
    added_at       TEXT NOT NULL,             -- when `timeline add` stored it, UTC
    text           TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,            -- character offsets into documents.text
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    sentence     TEXT NOT NULL,
    type         TEXT NOT NULL,               -- TimeML: DATE, TIME, DURATION, SET
    value        TEXT NOT NULL,               -- TimeML value, e.g. 2020-02, P14D, PRESENT_REF
    mod          TEXT,                        -- TimeML mod: START, MID, END, APPROX, ...
    kind         TEXT NOT NULL CHECK (kind IN ('event', 'scheduled', 'deadline', 'duration', 'recurring')),
    earliest     TEXT,                        -- first day (or instant) the mention covers
    latest       TEXT,                        -- last day (or instant)
    due          TEXT,                        -- deadlines: by when
    subject      TEXT,                        -- deadlines: what is due
    setter       TEXT,                        -- deadlines: who set it
    cue          TEXT                         -- the words that made it a deadline or a plan
);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX mentions_earliest ON mentions(earliest);
CREATE INDEX mentions_latest ON mentions(latest);
CREATE INDEX mentions_kind_due ON mentions(kind, due);

-- Full-text search over sentences, for `show --grep`.
CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence, content='mentions', content_rowid='id');
CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;

-- One row per deadline followed across articles; its mentions are its sources.
CREATE TABLE deadlines (
    id            INTEGER PRIMARY KEY,
    subject       TEXT,
    setter        TEXT,
    due           TEXT NOT NULL,              -- the current due date (the latest article's word)
    first_due     TEXT NOT NULL,              -- the due date first reported
    first_seen    TEXT NOT NULL,              -- publication time of the first article naming it
    last_changed  TEXT                        -- publication time of the article that last moved it
);
CREATE INDEX deadlines_due ON deadlines(due);

CREATE TABLE deadline_sources (
    deadline_id  INTEGER NOT NULL REFERENCES deadlines(id) ON DELETE CASCADE,
    mention_id   INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    due          TEXT NOT NULL,               -- the due date this article gave
    change       TEXT NOT NULL,               -- set | repeated | extended | brought forward
    PRIMARY KEY (deadline_id, mention_id)
);
CREATE INDEX deadline_sources_mention ON deadline_sources(mention_id);

-- What people ask: everything on the calendar in order, and the deadlines still ahead.
CREATE VIEW timeline AS
    SELECT m.id AS mention_id, m.earliest, m.latest, m.kind, m.text, m.type, m.value, m.mod, m.due,
           m.subject, m.sentence, d.id AS document_id, d.title, d.source, d.published
    FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.earliest IS NOT NULL
    ORDER BY m.earliest, m.latest;

CREATE VIEW upcoming_deadlines AS
    SELECT m.id AS mention_id, m.due, m.text, m.subject, m.setter, m.sentence,
           d.id AS document_id, d.title, d.source, d.published
    FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.kind = 'deadline' AND m.due >= date('now')
    ORDER BY m.due;

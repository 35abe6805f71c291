-- timeline store, schema version 7: articles followed where they are published. Feeds polled by
-- `timeline fetch`, and every place an article was seen (its address, the canonical address the
-- page declares, the feed it came through), so one article reached several ways is stored once.
-- The same story in other clothes (a saved page and its text, a wire story on two sites): the
-- hash of its longest sentences, normalised (see Store.fingerprint).
ALTER TABLE documents ADD COLUMN fingerprint TEXT;
CREATE INDEX documents_fingerprint ON documents(fingerprint);

CREATE TABLE feeds (
    name           TEXT PRIMARY KEY,
    url            TEXT NOT NULL UNIQUE,
    etag           TEXT,                        -- validators for conditional requests
    last_modified  TEXT,
    added_at       TEXT NOT NULL,
    last_fetched   TEXT,                        -- when it was last polled (UTC)
    next_fetch     TEXT,                        -- not before this (minimum interval, Retry-After)
    items_seen     INTEGER NOT NULL DEFAULT 0,  -- items read from it so far
    last_error     TEXT,                        -- the last poll's failure, NULL when it went well
    min_interval   INTEGER NOT NULL DEFAULT 900 -- seconds between polls
);

CREATE TABLE document_places (
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    url            TEXT NOT NULL,               -- the address it was fetched from
    canonical_url  TEXT,                        -- the address the page names as its own
    feed           TEXT,                        -- the feed it came through, if any
    seen_at        TEXT NOT NULL,
    PRIMARY KEY (document_id, url)
);
CREATE INDEX document_places_url ON document_places(url);
CREATE INDEX document_places_canonical ON document_places(canonical_url);

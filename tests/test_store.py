"""The store: migrations apply themselves to an existing database and keep its rows."""
import sqlite3

import pytest

from timeline.store import Store, migrations

from .conftest import first_schema_store


def test_older_store_migrates_on_open(tmp_path):
    path = tmp_path / "old.db"
    conn = first_schema_store(path, "2020-02-13T00:00:00+00:00")
    first_version = migrations()[0][0]
    conn.execute("INSERT INTO mentions (document_id, start, end, text, sentence, type, value, kind, earliest, latest)"
                 " VALUES (1, 0, 1, 'x', 'x', 'DATE', '2020-02', 'event', '2020-02-01', '2020-02-29')")
    conn.execute("INSERT INTO mentions (id, document_id, start, end, text, sentence, type, value, kind, earliest, latest,"
                 " due, subject) VALUES (2, 1, 2, 3, 'Friday', 'Troops must withdraw from the border by Friday.', 'DATE',"
                 " '2020-02-14', 'deadline', '2020-02-14', '2020-02-14', '2020-02-14', 'withdraw from the border')")
    conn.execute("INSERT INTO deadlines (id, subject, due, first_due, first_seen) VALUES"
                 " (1, 'withdraw from the border', '2020-02-14', '2020-02-14', '2020-02-13')")
    conn.execute("INSERT INTO deadline_sources VALUES (1, 2, '2020-02-14', 'set')")
    conn.commit()
    conn.close()

    store = Store(str(path))
    assert store.version == migrations()[-1][0] > first_version
    # The day index is exact: the deadline of 2020-02-14 is not in a window starting the next day.
    inside = store.rows("SELECT id FROM mention_days WHERE last_day >= CAST(julianday('2020-02-15') - 2400000.5 AS INTEGER)"
                        " AND first_day <= CAST(julianday('2020-02-15') - 2400000.5 AS INTEGER)")
    assert inside == [{"id": 1}]
    assert store.rows("SELECT count(*) AS n FROM mentions") == [{"n": 2}]
    words = store.rows("SELECT subject_words, first_words FROM deadlines WHERE id = 1")[0]
    assert set(words["subject_words"].split()) == {"withdr", "border"}
    assert {"troops", "withdr", "border"} <= set(words["first_words"].split())
    # What `deadlines` lists of it is carried on the deadline, filled from its reports on upgrade.
    summary = store.rows("SELECT latest_mention_id, document_count, last_change FROM deadlines")
    assert summary == [{"latest_mention_id": 2, "document_count": 1, "last_change": "set"}]
    from datetime import date

    from timeline.store.queries import deadline_rows
    listed = deadline_rows(store, date(2020, 2, 13), None, include_passed=False)
    assert [(r["deadline_id"], r["source_count"], r["text"]) for r in listed] == [(1, 1, "Friday")]


def test_a_batch_keeps_each_document_whole(tmp_path, monkeypatch):
    """Many documents share a transaction, but one that fails halfway leaves nothing behind and
    the ones before it stay."""
    import pytest
    from datetime import datetime, timezone

    from timeline.model import Document
    from timeline.pipeline import extract

    published = datetime(2020, 2, 13, tzinfo=timezone.utc)
    first = extract(Document("Troops must leave the town by Friday, the council said.", "a", published, "flag"))
    # The second story is the later one, so its deadline is tracked inside its own savepoint.
    later = published.replace(hour=12)
    second = extract(Document("Ministers must sign the accord by Monday, officials said.", "b", later, "flag"))
    store = Store(str(tmp_path / "t.db"))
    real_track = Store._track

    def track_then_fail(self, mention_id, mention, *rest):
        if "Ministers" in mention.sentence:
            raise RuntimeError("disk gone")
        real_track(self, mention_id, mention, *rest)

    monkeypatch.setattr(Store, "_track", track_then_fail)
    with pytest.raises(RuntimeError):
        with store.batch():
            store.add(first)
            store.add(second)
    store.close()

    reopened = Store(str(tmp_path / "t.db"))
    assert [r["title"] for r in reopened.rows("SELECT title FROM documents")] == ["a"]
    assert {r["sentence"] for r in reopened.rows("SELECT sentence FROM mentions")} == {first.mentions[0].sentence}
    assert reopened.rows("SELECT count(*) AS n FROM deadlines") == [{"n": 1}]


def test_disk_full_is_reported_as_disk_full_and_keeps_what_was_committed(tmp_path):
    from datetime import datetime

    from timeline.errors import TimelineError
    from timeline.model import Document
    from timeline.pipeline import extract
    from timeline.store import Store

    store = Store(str(tmp_path / "small.db"))
    store.add(extract(Document("Port strike\n\nWorkers must return by Friday.", "a", datetime(2026, 3, 2), "flag")))
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    huge = "The council votes on Friday, March 6, 2026. " * 5000
    with pytest.raises(TimelineError, match="disk is full"):
        store.add(extract(Document(huge, "b", datetime(2026, 3, 2), "flag")))
    assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    store.close()


def test_the_same_story_as_text_and_as_a_web_page_is_stored_once(tmp_path):
    import subprocess
    import sys

    from .conftest import EXAMPLES

    story = (EXAMPLES / "2026-03-02-harbour-strike.txt").read_text()
    title, body = story.split("\n", 1)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    html = tmp_path / "strike.html"
    html.write_text(f"<!doctype html><html><head><title>{title} | Harbour News</title></head>"
                    f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")
    db = str(tmp_path / "t.db")
    for path in (EXAMPLES / "2026-03-02-harbour-strike.txt", html):
        subprocess.run([sys.executable, "-m", "timeline", "add", str(path), "--published", "2026-03-02", "--db", db],
                       check=True, capture_output=True)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()


def test_different_stories_keep_different_fingerprints():
    from timeline.store import fingerprint

    from .conftest import EXAMPLES

    prints = [fingerprint(p.read_text()) for p in sorted(EXAMPLES.glob("*.txt"))]
    assert all(prints) and len(set(prints)) == len(prints)
    assert fingerprint("Short note. Vote on Friday.") is None

"""Tracked deadlines follow a story in publication order whatever order the articles are added
in, keep unrelated stories apart, end when withdrawn, and carry the analyst's corrections."""
import itertools
import json
from datetime import datetime, timezone

import pytest

from timeline.model import Document
from timeline.pipeline import extract
from timeline.store import Store

from .conftest import EXAMPLES
from .test_cli import run

HARBOUR = sorted(EXAMPLES.glob("*harbour*"))


def _doc(text: str, day: str) -> Document:
    return Document(text, text.splitlines()[0], datetime.fromisoformat(day).replace(tzinfo=timezone.utc), "flag")


def _tracked(store: Store) -> list[tuple]:
    """Every tracked deadline with its history, named by content only (no row ids)."""
    out = []
    for t in store.rows("SELECT t.id, t.key, t.due, t.status, t.sequence, t.first_due, x.latest_mention_id, x.document_count,"
                        " x.last_change FROM tracked_deadlines t JOIN deadlines x ON x.id = t.id ORDER BY t.key"):
        reports = store.rows(
            "SELECT d.published, d.id AS document_id, m.id AS mention_id, m.start, s.due, s.change FROM deadline_sources s"
            " JOIN mentions m ON m.id = s.mention_id JOIN documents d ON d.id = m.document_id WHERE s.deadline_id = ?"
            " ORDER BY d.published, d.content_hash, m.start", (t["id"],))
        history = [(h["published"], h["due"], h["change"]) for h in reports]
        # What `deadlines` lists, kept on the deadline as reports come, is what its reports say.
        latest = max(reports, key=lambda h: (h["published"], h["mention_id"]))
        assert t["latest_mention_id"] == latest["mention_id"]
        assert t["document_count"] == len({h["document_id"] for h in reports})
        assert t["last_change"] == next((h["change"] for h in reversed(reports) if h["change"] != "repeated"), None)
        out.append((t["key"], t["due"], t["status"], t["sequence"], t["first_due"], tuple(history),
                    (latest["published"], latest["start"]), t["document_count"], t["last_change"]))
    return out


def test_set_repeated_extended_in_all_six_orders(tmp_path):
    from timeline.ingest import read_document

    docs = [extract(read_document(str(p))) for p in HARBOUR]
    results = []
    for n, order in enumerate(itertools.permutations(docs)):
        store = Store(str(tmp_path / f"{n}.db"))
        for extraction in order:  # one article per run, as a cron job adds them
            store.add(extraction)
        results.append(_tracked(store))
        store.close()
    assert all(r == results[0] for r in results[1:])
    strike = [t for t in results[0] if t[1] == "2026-03-20"]
    assert len(strike) == 1
    changes = [h[2] for h in strike[0][5]]
    assert changes[0] == "set" and "repeated" in changes and changes[-1] == "extended"
    assert strike[0][3] == 1  # moved once


def test_a_folder_whose_file_names_sort_against_the_story(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for p, name in zip(HARBOUR, ("c.txt", "b.txt", "a.txt")):  # the follow-up sorts first
        (folder / name).write_text(p.read_text())
    db = str(tmp_path / "t.db")
    assert run("add", str(folder), db=db).returncode == 0
    rows = json.loads(run("deadlines", "--as-of", "2026-03-02", "--format", "json", db=db).stdout)
    strike = [r for r in rows if r["tracked_due"] == "2026-03-20"]
    assert len(strike) == 1 and strike[0]["last_change"] == "extended" and strike[0]["source_count"] == 3


def test_different_setters_and_subjects_sharing_a_due_date_stay_apart(tmp_path):
    store = Store(str(tmp_path / "t.db"))
    store.add(extract(_doc("Hospital trust\n\nThe health trust said patients must register with a new GP by "
                           "Friday, March 13.", "2026-03-02")))
    store.add(extract(_doc("Water bills\n\nThe water company said customers must pay overdue bills by Friday, "
                           "March 13.", "2026-03-03")))
    assert len(store.rows("SELECT id FROM deadlines")) == 2
    store.close()


def test_a_withdrawn_ultimatum_ends(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-04-01", db=db,
        input="Ultimatum\n\nThe regional bloc gave the junta until April 20 to restore the civilian government.")
    run("add", "-", "--published", "2026-04-10", db=db,
        input="Bloc backs down\n\nThe regional bloc on Thursday withdrew its ultimatum to the junta after talks.")
    assert json.loads(run("deadlines", "--as-of", "2026-04-10", "--format", "json", db=db).stdout) == []
    ended = json.loads(run("deadlines", "--as-of", "2026-04-10", "--all", "--format", "json", db=db).stdout)
    assert [r["status"] for r in ended] == ["withdrawn"]
    assert run("alerts", "--as-of", "2026-04-15", db=db).returncode == 0


def _strike_id(db) -> int:
    rows = json.loads(run("deadlines", "--as-of", "2026-03-02", "--all", "--format", "json", db=db).stdout)
    return next(r["deadline_id"] for r in rows if r["source_count"] == 3)


def test_corrections_survive_more_articles_an_unrelated_rm_and_a_rebuild(tmp_path):
    db = str(tmp_path / "t.db")
    assert run("add", *map(str, HARBOUR[:2]), db=db).returncode == 0
    first = json.loads(run("deadlines", "--as-of", "2026-03-02", "--format", "json", db=db).stdout)
    strike = next(r["deadline_id"] for r in first if r["source_count"] == 2)
    assert run("edit", str(strike), "--subject", "Port authority to improve its pay offer", db=db).returncode == 0
    other = next(r["deadline_id"] for r in first if r["deadline_id"] != strike)
    assert run("dismiss", str(other), "--reason", "a quote, not an ultimatum", db=db).returncode == 0

    def check():
        rows = json.loads(run("deadlines", "--as-of", "2026-03-02", "--format", "json", db=db).stdout)
        assert "a quote" not in json.dumps(rows)
        assert any(r["subject"] == "Port authority to improve its pay offer" for r in rows)
        everything = json.loads(run("deadlines", "--as-of", "2026-03-02", "--all", "--format", "json", db=db).stdout)
        assert any(r["dismissed"] == "a quote, not an ultimatum" for r in everything)

    check()
    assert run("add", str(HARBOUR[2]), str(EXAMPLES / "2026-02-27-water-rationing.txt"), db=db).returncode == 0
    check()  # more articles, one of them older
    docs = json.loads(run("sources", "--format", "json", db=db).stdout)
    water = next(d["id"] for d in docs if "water" in d["title"].lower())
    assert run("rm", str(water), db=db).returncode == 0
    check()  # an unrelated rm
    for d in json.loads(run("sources", "--format", "json", db=db).stdout):
        assert run("rm", str(d["id"]), db=db).returncode == 0
    assert run("add", str(EXAMPLES), db=db).returncode == 0
    check()  # every article removed and added again


def test_calendar_uids_and_sequences_survive_a_rebuild(tmp_path):
    from icalendar import Calendar

    def export(db, paths):
        for p in paths:
            assert run("add", str(p), db=db).returncode == 0
        data = run("export", "--format", "ics", db=db).stdout
        events = Calendar.from_ical(data).walk("VEVENT")
        return {str(e["UID"]): (int(e.get("SEQUENCE", 0)), str(e["SUMMARY"])) for e in events}

    files = sorted(EXAMPLES.glob("*.txt"))
    one = export(str(tmp_path / "one.db"), files)
    two = export(str(tmp_path / "two.db"), list(reversed(files)))
    assert one == two
    deadlines = {uid: v for uid, v in one.items() if uid.startswith("deadline-")}
    assert any(seq == 1 for seq, _ in deadlines.values())  # the extended strike deadline
    assert all(summary.startswith("Deadline: ") and summary != "Deadline: " for _, summary in deadlines.values())
    assert len(deadlines) == len(json.loads(run("deadlines", "--as-of", "2026-01-01", "--format", "json",
                                                db=str(tmp_path / "one.db")).stdout))


@pytest.mark.parametrize("field,value", [("--due", "2026-03-25")])
def test_an_edited_due_date_is_what_deadlines_and_alerts_use(tmp_path, field, value):
    db = str(tmp_path / "t.db")
    run("add", *map(str, HARBOUR), db=db)
    strike = _strike_id(db)
    assert run("edit", str(strike), field, value, db=db).returncode == 0
    rows = json.loads(run("deadlines", "--as-of", "2026-03-02", "--format", "json", db=db).stdout)
    assert next(r for r in rows if r["deadline_id"] == strike)["tracked_due"] == value
    shown = run("show", "--deadline", str(strike), db=db)
    assert f"due edited to {value} by the analyst" in shown.stdout


def test_the_readmes_tracked_deadlines_example_lists_the_shipped_examples(tmp_path):
    import sqlite3

    db = str(tmp_path / "t.db")
    assert run("add", str(EXAMPLES), db=db).returncode == 0
    con = sqlite3.connect(db)
    rows = con.execute("SELECT due, subject, setter FROM tracked_deadlines WHERE due >= '2026-03-06'"
                       " AND dismissed IS NULL AND status = 'open' ORDER BY due").fetchall()
    con.close()
    assert rows and all(due >= "2026-03-06" for due, _, _ in rows)


@pytest.mark.parametrize("published, sentence, start, due", [
    ("2026-05-04T09:00:00+02:00", "Bids must be submitted by 5 p.m. on Friday, the agency said.",
     "2026-05-08T15:00:00+00:00", "2026-05-08T17:00"),
    # A time given in GMT keeps its moment, and is due on the publication's clock.
    ("2026-05-04T09:00:00+03:00", "The ultimatum expires at 09:45 GMT on Friday, the ministry said.",
     "2026-05-08T09:45:00+00:00", "2026-05-08T12:45"),
])
def test_a_timed_deadline_is_placed_in_the_publications_zone(tmp_path, published, sentence, start, due):
    from icalendar import Calendar

    db = str(tmp_path / "t.db")
    run("add", "-", "--published", published, db=db, input=f"Notice\n\n{sentence}")
    events = Calendar.from_ical(run("export", "--format", "ics", db=db).stdout).walk("VEVENT")
    assert next(e for e in events if str(e["UID"]).startswith("deadline-"))["DTSTART"].dt.isoformat() == start
    listed = json.loads(run("deadlines", "--as-of", "2026-05-04", "--format", "json", db=db).stdout)
    assert [r["due"] for r in listed] == [due]


def test_restore_brings_a_dismissed_deadline_back(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", *map(str, HARBOUR), db=db)
    strike = _strike_id(db)
    assert run("dismiss", str(strike), db=db).returncode == 0
    listed = lambda: [r["deadline_id"] for r in json.loads(  # noqa: E731
        run("deadlines", "--as-of", "2026-03-02", "--format", "json", db=db).stdout)]
    assert strike not in listed()
    assert run("alerts", "--as-of", "2026-03-15", "--within", "7d", "--format", "json", db=db).returncode == 0
    assert run("restore", str(strike), db=db).returncode == 0
    assert strike in listed()
    assert run("alerts", "--as-of", "2026-03-15", "--within", "7d", db=db).returncode == 1
    assert run("dismiss", "9999", db=db).returncode == 2


@pytest.mark.parametrize("report, status", [
    ("Most banks filed their capital plans on Friday, meeting the regulator's December 14 deadline.", "met"),
    ("The banks met the regulator's December 14 deadline for their capital plans.", "met"),
    ("The capital plans were all submitted ahead of the deadline on Friday.", "met"),
    ("Two banks failed to meet the December 14 deadline for capital plans, the regulator said on Monday.", "open"),
    ("Banks must still meet the December 14 deadline for their capital plans.", "open"),
])
def test_a_deadline_met_as_reporters_say_it(tmp_path, report, status):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", db=db,
        input="Capital plans\n\nThe regulator gave banks until December 14 to file their capital plans.")
    run("add", "-", "--published", "2026-12-15", db=db, input="Capital plans filed\n\n" + report)
    rows = json.loads(run("deadlines", "--as-of", "2026-12-01", "--all", "--format", "json", db=db).stdout)
    assert [r["status"] for r in rows] == [status]

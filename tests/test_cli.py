"""The command line end to end on a temporary store: what a person or a cron job sees."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from .conftest import EXAMPLES


def run(*args, input=None, db=None, env=None):
    cmd = [sys.executable, "-m", "timeline", *args]
    if db:
        cmd += ["--db", db]
    return subprocess.run(cmd, input=input, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_seed_end_to_end(seed_path, db):
    added = run("add", str(seed_path), db=db)
    assert added.returncode == 0, added.stderr
    docs = json.loads(run("sources", "--format", "json", db=db).stdout)
    assert len(docs) == 1
    assert docs[0]["published"].startswith("2020-02-13T10:44:35")
    assert docs[0]["published_from"] == "header"

    rows = json.loads(run("deadlines", "--as-of", "2020-02-13", "--format", "json", db=db).stdout)
    assert [r["tracked_due"] for r in rows] == ["2020-02-29"]
    assert rows[0]["time_left"] == "in 16 days"
    assert rows[0]["text"] == "the end of February"
    assert "drive away regime forces" in rows[0]["subject"]
    assert rows[0]["setter"] == "Erdogan"

    shown = json.loads(run("show", "--format", "json", db=db).stdout)
    wednesdays = [r for r in shown if "Wednesday" in r["text"]]
    assert len(wednesdays) == 3
    assert {(r["earliest"], r["latest"]) for r in wednesdays} == {("2020-02-12", "2020-02-12")}


def test_alerts_exit_codes(seed_path, db):
    run("add", str(seed_path), db=db)
    due = run("alerts", "--as-of", "2020-02-25", "--within", "7d", db=db)
    assert due.returncode == 1
    assert "2020-02-29" in due.stdout
    quiet = run("alerts", "--as-of", "2020-02-01", "--within", "7d", db=db)
    assert quiet.returncode == 0
    as_json = json.loads(run("alerts", "--as-of", "2020-02-25", "--format", "json", db=db).stdout)
    assert as_json["count"] == 1 and as_json["alerts"][0]["days_left"] == 4


def test_adding_twice_stores_once(seed_path, db):
    run("add", str(seed_path), db=db)
    again = run("add", str(seed_path), db=db)
    assert again.returncode == 0
    assert "1 already stored" in again.stderr
    count = run("query", "SELECT count(*) AS n FROM documents", "--format", "json", db=db)
    assert json.loads(count.stdout) == [{"n": 1}]


def test_extract_json_contract(seed_path):
    out = run("extract", str(seed_path), "--format", "json")
    data = json.loads(out.stdout)
    assert data["document"]["published_from"] == "header"
    end_feb = next(m for m in data["mentions"] if m["text"] == "the end of February")
    assert (end_feb["type"], end_feb["value"], end_feb["mod"]) == ("DATE", "2020-02", "END")
    assert (end_feb["kind"], end_feb["earliest"], end_feb["latest"], end_feb["due"]) == \
        ("deadline", "2020-02-20", "2020-02-29", "2020-02-29")
    text = seed_path.read_text(encoding="utf-8")
    assert text[end_feb["start"]:end_feb["end"]] == "the end of February"


def test_extract_from_stdin_with_published():
    out = run("extract", "-", "--published", "2022-11-14T08:00", "--format", "json",
              input="The tenant must pay the arrears within 14 days.")
    m = json.loads(out.stdout)["mentions"][0]
    assert (m["text"], m["kind"], m["due"]) == ("14 days", "deadline", "2022-11-28")


def _store_snapshot(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0], \
            conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("content,flag,needle", [
    (b"\x00\x01\x02\x89PNG\x00\x00binary", [], "binary"),
    (b"", [], "empty"),
    (b"   \n\n  ", [], "empty"),
    (b"A title\nThe vote is on Friday.", ["--published", "the day the moon fell"], "--published"),
    (b"A title\nThe vote is on Friday.", [], "--published"),
])
def test_bad_input_is_one_line_and_leaves_store(tmp_path, db, seed_path, content, flag, needle):
    run("add", str(seed_path), db=db)
    before = _store_snapshot(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = run("add", str(bad), *flag, db=db)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert any(needle in line for line in lines)
    assert "Traceback" not in out.stderr
    assert _store_snapshot(db) == before


def test_corrupt_database_file(tmp_path, seed_path):
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database at all" * 100)
    out = run("add", str(seed_path), db=str(db))
    assert out.returncode == 2
    assert "not a timeline database" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == b"this is not a database at all" * 100


def test_database_in_missing_folder(tmp_path, seed_path):
    db = tmp_path / "nowhere" / "t.db"
    out = run("add", str(seed_path), db=str(db))
    assert out.returncode == 2
    assert "does not exist" in out.stderr
    assert not db.parent.exists()


@pytest.mark.parametrize("args,needle", [
    (["show", "--format", "xml"], "xml"),
    (["show", "--kind", "party"], "party"),
    (["deadlines", "--within", "soon"], "--within"),
    (["alerts", "--as-of", "not a date"], "--as-of"),
])
def test_bad_options_are_one_line(db, seed_path, args, needle):
    run("add", str(seed_path), db=db)
    out = run(*args, db=db)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and needle in out.stderr


def test_query_is_read_only(seed_path, db):
    run("add", str(seed_path), db=db)
    out = run("query", "DELETE FROM documents", db=db)
    assert out.returncode == 2
    assert "read-only" in out.stderr
    assert _store_snapshot(db)[0] == 1


def test_rm_deletes_document_and_mentions(seed_path, db):
    run("add", str(seed_path), db=db)
    assert run("rm", "1", db=db).returncode == 0
    assert _store_snapshot(db) == (0, 0)
    assert run("rm", "1", db=db).returncode == 2


def test_three_articles_one_tracked_deadline(db):
    """One story: the first article sets a deadline, the second repeats it, the third extends it."""
    story = sorted(EXAMPLES.glob("2026-03-0*-harbour-*.txt"))
    assert len(story) == 3
    assert run("add", *map(str, story), db=db).returncode == 0
    rows = json.loads(run("deadlines", "--as-of", "2026-03-06", "--format", "json", db=db).stdout)
    tracked = [r for r in rows if r["source_count"] == 3]
    assert len(tracked) == 1
    assert tracked[0]["tracked_due"] == "2026-03-20"
    assert tracked[0]["first_due"] == "2026-03-06"
    assert tracked[0]["last_change"] == "extended"
    history = json.loads(run("show", "--deadline", str(tracked[0]["deadline_id"]), "--format", "json", db=db).stdout)
    changes = [h["change"] for h in history]
    assert changes[0] == "set" and changes[-1] == "extended"
    assert set(changes[1:-1]) == {"repeated"}
    assert len({h["document_id"] for h in history}) == 3
    assert [h["due"] for h in history][0] == "2026-03-06" and history[-1]["due"] == "2026-03-20"


def test_show_filters(db):
    run("add", str(EXAMPLES), db=db)
    deadlines_only = json.loads(run("show", "--kind", "deadline", "--format", "json", db=db).stdout)
    assert deadlines_only and {r["kind"] for r in deadlines_only} == {"deadline"}
    march = json.loads(run("show", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json", db=db).stdout)
    assert march and all(r["latest"] >= "2026-03-01" and r["earliest"] <= "2026-03-31T99" for r in march)
    one_day = json.loads(run("show", "--from", "2026-03-02", "--to", "2026-03-02", "--format", "json", db=db).stdout)
    assert one_day and all(r["latest"][:10] >= "2026-03-02" >= r["earliest"][:10] for r in one_day)
    assert "last week" in {r["text"] for r in json.loads(
        run("show", "--from", "2026-03-01", "--to", "2026-03-01", "--format", "json", db=db).stdout)}
    grep = json.loads(run("show", "--grep", "reservoir", "--format", "json", db=db).stdout)
    assert grep and all("reservoir" in r["sentence"].lower() for r in grep)
    everything = json.loads(run("show", "--format", "json", db=db).stdout)
    latest_three = json.loads(run("show", "--limit", "3", "--format", "json", db=db).stdout)
    assert latest_three == everything[-3:]  # the latest rows, in timeline order
    assert [r["earliest"] for r in everything] == sorted(r["earliest"] for r in everything)


def test_export_ics_has_alarm(seed_path, db):
    run("add", str(seed_path), db=db)
    out = run("export", "--format", "ics", db=db)
    assert "BEGIN:VCALENDAR" in out.stdout
    assert "DTSTART;VALUE=DATE:20200229" in out.stdout
    assert "BEGIN:VALARM" in out.stdout and "TRIGGER:-P1D" in out.stdout


HTML_STORY = """<!DOCTYPE html><html><head><title>Council sets deadline for bridge repairs</title>
<meta property="article:published_time" content="2024-02-12T09:15:00+00:00"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News on Friday</a></nav><article>
<h1>Council sets deadline for bridge repairs</h1>
<p>The city council on Monday gave the contractor until March 15 to finish repairs on the old river
bridge, after inspectors found cracks in two of its supports last month.</p>
<p>Councillors said the contractor must submit a revised schedule within 10 days.</p>
</article><footer>Copyright 2024 The Example Gazette.</footer></body></html>"""


def test_html_article_text_and_metadata_date(tmp_path, db):
    page = tmp_path / "bridge.html"
    page.write_text(HTML_STORY, encoding="utf-8")
    data = json.loads(run("extract", str(page), "--format", "json").stdout)
    assert data["document"]["published_from"] == "html"
    assert data["document"]["published"] == "2024-02-12T09:15:00+00:00"
    assert data["document"]["title"] == "Council sets deadline for bridge repairs"
    by_text = {m["text"]: m for m in data["mentions"]}
    assert by_text["March 15"]["kind"] == "deadline" and by_text["March 15"]["due"] == "2024-03-15"
    assert by_text["10 days"]["due"] == "2024-02-22"
    assert "Friday" not in by_text  # the navigation bar is not the article
    assert run("add", str(page), db=db).returncode == 0


def test_non_utf8_text_is_decoded(tmp_path):
    page = tmp_path / "latin.txt"
    page.write_bytes("Caf\xe9 owners protest\nThe caf\xe9 will close on Friday, the owner said.".encode("cp1252"))
    out = run("extract", str(page), "--published", "2024-02-12", "--format", "json")
    assert out.returncode == 0, out.stderr
    m = json.loads(out.stdout)["mentions"][0]
    assert (m["text"], m["earliest"]) == ("Friday", "2024-02-16")


def test_locked_database_waits_then_fails_cleanly(seed_path, db):
    run("add", str(seed_path), db=db)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = run("add", "-", "--published", "2024-01-01", input="A story\nThe vote is on Friday.", db=db,
                  env={"TIMELINE_LOCK_WAIT": "2"})
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 2
    assert "locked" in out.stderr and "Traceback" not in out.stderr
    assert _store_snapshot(db)[0] == 1


def test_each_command_starts_alone_yet_the_whole_app_answers_the_rest(db):
    """The command line builds only the command named (start-up); a misspelt command, --help and a
    global option before the command still see every command."""
    misspelt = run("extrat", "-")
    assert misspelt.returncode == 2 and "Did you mean 'extract'" in misspelt.stderr
    assert "deadlines" in run("--help").stdout and "feeds" in run("--help").stdout
    before = subprocess.run([sys.executable, "-m", "timeline", "--db", db, "add", "-", "--published", "2026-03-02"],
                            input="The union must reply by Friday.", capture_output=True, text=True, timeout=120)
    assert before.returncode == 0, before.stderr
    assert "Friday" in run("show", "--format", "csv", db=db).stdout
    assert "Friday" in run(f"--db={db}", "show", "--format", "csv").stdout
    assert "No feeds followed" in run("feeds", "list", db=db).stdout

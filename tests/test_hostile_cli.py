"""Hostile and unlucky use of the command line: bad arguments, text that tries to take over the
terminal or a spreadsheet, odd files in a folder, other programs' databases, writers side by side."""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .test_cli import run

STORY = "Port strike\n\nThe union said workers must return by March 9, {n}.\n"


def _one_line_error(out):
    assert out.returncode == 2, out
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.mark.parametrize("args", [
    ["alerts", "--as-of", "9999-12-31"], ["calendar", "9999-12"], ["deadlines", "--within", "99999y"],
    ["rm", "99999999999999999999"], ["export", "--format", "ics", "--alarm-days", "99999999999"],
    ["extract", "-", "--published", "1e999"],
])
def test_bad_arguments_end_in_one_line(args, db):
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    _one_line_error(run(*args, input="The vote is on Friday.", db=db))


def test_export_to_a_folder_and_tag_to_a_file(tmp_path, db):
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    _one_line_error(run("export", "--format", "ics", "--out", str(tmp_path), db=db))
    tml = tmp_path / "a.tml"
    tml.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-01">2020-01-01</TIMEX3></DCT>'
                   "<TEXT>It rained on Friday.</TEXT></TimeML>")
    target = tmp_path / "file"
    target.write_text("x")
    _one_line_error(run("tag", str(tml), "--out", str(target)))


def test_markup_and_escape_sequences_are_shown_as_text(tmp_path, db):
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    article.write_text("Ports [/] [red]x \x1b[2J\x1b]0;pwned\x07\n\nThe union said workers must return by March 9. [bold]\n")
    assert run("add", str(article.parent), "--published", "2026-03-02", db=db).returncode == 0
    for args in (["deadlines", "--as-of", "2026-03-02"], ["sources"], ["show"], ["calendar", "2026-03"],
                 ["query", "SELECT title FROM documents"]):
        out = run(*args, db=db)
        assert out.returncode == 0, (args, out.stderr)
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout, args
    assert "[red]x" in run("sources", db=db).stdout
    assert "[bold]" in run("show", db=db).stdout
    shown = run("extract", str(article), "--published", "2026-03-02").stdout
    assert "\x1b" not in shown and "[bold]" in shown


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(db):
    run("add", "-", "--published", "2026-03-02", input="=HYPERLINK(1)\n\nWorkers must return by March 9.", db=db)
    out = run("query", "SELECT title, -3 AS n FROM documents", "--format", "csv", db=db).stdout
    assert "'=HYPERLINK(1)" in out and ",-3" in out


def test_a_folder_with_unreadable_files_adds_the_rest(tmp_path, db):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY.format(n=2026))
    (folder / "empty.txt").write_text("")
    (folder / "bom.txt").write_bytes(b"\xff\xfeCaf\xe9 vote on Friday, May 5, 2026." + bytes(range(128, 160)))
    (folder / "zz.txt").write_text("Budget\n\nThe council votes on Friday, May 8, 2026.\n")
    out = run("add", str(folder), "--published", "2026-03-02", db=db)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    titles = {d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    assert {"Port strike", "Budget"} <= titles
    assert "skipped" in out.stderr.splitlines()[-1]


def test_another_programs_database_and_a_newer_schema_are_refused(tmp_path):
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    _one_line_error(run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=str(foreign)))
    con = sqlite3.connect(foreign)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["customers"]
    con.close()
    newer = tmp_path / "newer.db"
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=str(newer))
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    _one_line_error(run("show", db=str(newer)))


def test_four_writers_side_by_side_store_every_article_once(tmp_path, db):
    folders = []
    for f in range(4):
        folder = tmp_path / f"feed{f}"
        folder.mkdir()
        for n in range(f * 30, f * 30 + 60):  # overlapping halves
            (folder / f"{n}.txt").write_text(STORY.format(n=2000 + n % 400) + f"Story {n}.\n")
        folders.append(folder)
    cmd = [sys.executable, "-m", "timeline", "add", "--published", "2026-03-02", "--db", db]
    procs = [subprocess.Popen(cmd + [str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in folders]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone() == (150, 150)
    con.close()


def test_a_runaway_query_is_stopped_by_its_time_limit(db):
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    out = run("query", runaway, "--timeout", "1", db=db)
    _one_line_error(out)
    assert "stopped after" in out.stderr


def test_oversized_files_and_pipes_are_refused_in_one_line(tmp_path, db):
    big = tmp_path / "big.txt"
    big.write_text("Budget\n\nThe council votes on Friday.\n" + "x " * 600)
    out = run("extract", str(big), "--published", "2026-03-02", env={"TIMELINE_MAX_BYTES": "1000"})
    _one_line_error(out)
    assert "larger than 1,000 bytes" in out.stderr
    added = run("add", str(big), "--published", "2026-03-02", db=db, env={"TIMELINE_MAX_BYTES": "1000"})
    assert added.returncode == 2 and "larger than" in added.stderr and "added 0 articles" in added.stderr
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    _one_line_error(run("extract", str(fifo), "--published", "2026-03-02"))
    _one_line_error(run("extract", "/dev/zero", "--published", "2026-03-02"))


def test_query_creates_no_other_file(tmp_path, db):
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    for sql in (f"ATTACH '{tmp_path / 'x.db'}' AS x", f"VACUUM INTO '{tmp_path / 'y.db'}'"):
        _one_line_error(run("query", sql, db=db))
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "y.db").exists()


def test_an_error_in_the_query_is_not_blamed_on_the_store(db):
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    out = run("query", "SELECT json('{')", db=db)
    _one_line_error(out)
    assert "query:" in out.stderr and "not a timeline database" not in out.stderr


@pytest.mark.parametrize("seed", [3, 5])
def test_a_store_with_flipped_bits_gives_one_line_not_a_traceback(tmp_path, seed):
    import random

    from .conftest import EXAMPLES

    db = str(tmp_path / "damaged.db")
    assert run("add", str(EXAMPLES), db=db).returncode == 0
    data = bytearray(Path(db).read_bytes())
    rng = random.Random(seed)
    for _ in range(40):
        data[rng.randrange(4096, len(data))] ^= 0xFF
    Path(db).write_bytes(bytes(data))
    for args in (["show"], ["sources"], ["export", "--format", "ics"], ["deadlines", "--as-of", "2026-03-06"]):
        out = run(*args, db=db)
        assert out.returncode in (0, 2) and "Traceback" not in out.stderr, (args, out.stderr[-300:])
    # Damage SQLite's check finds refuses the write in a line naming the store; damage only to the
    # text of stored rows does not stop new articles going in.
    added = run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    assert added.returncode in (0, 2) and "Traceback" not in added.stderr
    if added.returncode == 2:
        assert any(w in added.stderr for w in ("damaged", "not a timeline database", "database error"))


def test_rm_under_another_writers_lock_is_one_line(db):
    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = run("rm", "1", db=db, env={"TIMELINE_LOCK_WAIT": "1"})
    finally:
        holder.rollback()
        holder.close()
    _one_line_error(out)
    assert "locked" in out.stderr


def test_workers_die_when_add_is_killed(tmp_path, db):
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n}.txt").write_text(STORY.format(n=2000 + n) + "More text. " * 400)
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "add", str(folder), "--jobs", "2",
                             "--published", "2026-03-02", "--db", db], stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    children: list[int] = []
    while time.time() < deadline and not children:
        time.sleep(0.2)
        try:
            children = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        except OSError:
            break
    if not children:
        pytest.skip("no worker processes seen (the run ended first, or /proc is not there)")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(1.0)
    alive = [c for c in children if Path(f"/proc/{c}").exists() and "Z" not in Path(f"/proc/{c}/stat").read_text().split()[2]]
    assert alive == []


def test_a_non_utf8_file_name_and_a_latin1_file_that_looks_like_utf16(tmp_path, db):
    folder = tmp_path / "odd"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write(b"Budget\n\nThe council votes on Friday, May 8, 2026.\n")
    (folder / "latin.txt").write_bytes(b"\xff\xfeCaf\xe9 au lait. The council votes on Friday, May 8, 2026, said the mayor.")
    out = run("add", str(folder), "--published", "2026-03-02", db=db)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    docs = json.loads(run("sources", "--format", "json", db=db).stdout)
    assert len(docs) == 2


def test_ctrl_c_stops_a_query(db):
    import signal
    import time

    run("add", "-", "--published", "2026-03-02", input=STORY.format(n=2026), db=db)
    runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "query", runaway, "--timeout", "60", "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and "stopped by Ctrl-C" in err and "Traceback" not in err


def test_ctrl_c_during_add_says_what_was_kept(tmp_path, db):
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3000):
        (folder / f"{n:05d}.txt").write_text(STORY.format(n=2000 + n % 400) + f"Story {n}. " * 30)
    # A job started in the background inherits SIGINT ignored; a person's terminal delivers it.
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "add", str(folder), "--published", "2026-03-02",
                             "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Interrupt as soon as the first articles are committed, well before the run could end.
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            stored = 0
        if stored:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0] and "Traceback" not in err
    kept = int(lines[0].split("; ")[1].split()[0])
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == kept
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_a_folder_linked_into_itself_is_read_once_in_path_order(tmp_path):
    import os

    from timeline.ingest import iter_paths

    for rel in ("b/x.txt", "b-c/y.txt", "c.txt", "B/z.html", "b/.hidden.txt", "d.jpg"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    os.symlink(tmp_path / "b", tmp_path / "b" / "loop")
    found = [p[len(str(tmp_path)) + 1:] for p in iter_paths([str(tmp_path)])]
    assert found == ["B/z.html", "b/x.txt", "b-c/y.txt", "c.txt"]

"""Hostile and unlucky input, round two: bounded work, no feed item lost, no address fetched that
should not be, stores that any path names. Every test here reproduces one finding of the second
break test; the network ones talk only to servers they start on 127.0.0.1."""
import json
import os
import re
import resource
import subprocess
import sys

import pytest

from .conftest import first_schema_store
from .test_cli import run

MEMORY_LIMIT = 1536 * 1024 * 1024


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args, db):
    """A command under an address-space limit, as an unlucky machine would give it."""
    return subprocess.run([sys.executable, "-m", "timeline", *args, "--db", db], capture_output=True,
                          timeout=300, preexec_fn=_limited)


def test_a_one_line_article_of_a_megabyte_shows_and_exports_in_bounded_memory(tmp_path):
    article = tmp_path / "one.txt"
    article.write_text("Feb 13, 2020 \u2014 " + "The union must answer by Friday. " * 30000 + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert run("add", str(article), db=db).returncode == 0
    docs = json.loads(run("sources", "--format", "json", db=db).stdout)
    assert len(docs[0]["title"]) <= 200 and docs[0]["title"].endswith("\u2026")
    for args in (["show", "--format", "json"], ["show", "--deadline", "1", "--format", "json"],
                 ["export", "--format", "json"], ["export", "--format", "csv"], ["export", "--format", "ics"]):
        out = run_limited(*args, db=db)
        assert out.returncode == 0, (args, out.stderr[-500:])


# -- addresses ------------------------------------------------------------------------------------

from .test_feeds import HTML, XML, Server, page, rss  # noqa: E402


@pytest.fixture
def servers():
    """Two servers on 127.0.0.1: the feed's, and a canary that must see no request it was not
    sent by the person."""
    feed, canary = Server(), Server()
    yield feed, canary
    feed.httpd.shutdown()
    canary.httpd.shutdown()


def test_addresses_from_content_may_not_reach_private_networks(servers, tmp_path):
    feed, canary = servers
    db = str(tmp_path / "t.db")
    canary.routes["/secret"] = (200, HTML, page("Secret", "The internal deadline is March 9."))
    feed.routes["/a"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
    feed.routes["/hop"] = (302, {"Location": canary.base + "/secret"}, "")
    items = [("same site", "/a"), ("redirect", "/hop")]
    body = rss(feed.base, items).replace(
        "</channel>", f"<item><title>canary</title><link>{canary.base}/secret</link></item>"
                      "<item><title>metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item></channel>")
    feed.routes["/feed"] = (200, XML, body)
    run("feeds", "add", feed.base + "/feed", "--name", "main", db=db)
    out = run("fetch", db=db)
    assert out.returncode == 1
    refused = [line for line in out.stderr.splitlines() if "refused" in line]
    assert len(refused) == 3, out.stderr  # the canary twice (link and redirect), the metadata address once
    assert any("link-local" in line and "169.254.169.254" in line for line in refused)
    assert canary.log == []
    assert [d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)] == ["Dock strike"]
    # what the person typed is trusted, private or not
    assert run("add", canary.base + "/secret", db=db).returncode == 0 and len(canary.log) == 1


def test_a_host_the_setting_allows_may_be_reached_from_content(servers, tmp_path):
    feed, canary = servers
    db = str(tmp_path / "t.db")
    canary.routes["/story"] = (200, HTML, page("Intranet", "The board must decide by March 9."))
    feed.routes["/feed"] = (200, XML, rss(canary.base, [("intranet", "/story")]))
    run("feeds", "add", feed.base + "/feed", "--name", "main", db=db)
    assert run("fetch", db=db).returncode == 1 and canary.log == []
    ok = run("fetch", "--force", db=db, env={"TIMELINE_ALLOW_HOSTS": "127.0.0.1"})
    assert ok.returncode == 0, ok.stderr
    assert len(canary.log) == 1


def test_a_canonical_link_to_another_site_is_not_taken_for_the_page(servers, tmp_path):
    feed, canary = servers
    db = str(tmp_path / "t.db")
    other = canary.base.replace("127.0.0.1", "localhost")  # another host name: another site
    feed.routes["/a"] = (200, HTML, page("Copy", "The union said workers must return by March 9.",
                                         canonical=other + "/story"))
    canary.routes["/story"] = (200, HTML, page("Original", "The ministry must publish the rules by April 2."))
    feed.routes["/feed"] = (200, XML, rss(feed.base, [("copy", "/a")]))
    feed.routes["/feed2"] = (200, XML, rss(other, [("original", "/story")]))
    run("feeds", "add", feed.base + "/feed", "--name", "one", db=db)
    run("feeds", "add", feed.base + "/feed2", "--name", "two", db=db)
    out = run("fetch", db=db, env={"TIMELINE_ALLOW_HOSTS": "localhost"})
    assert out.returncode == 0, out.stderr
    assert sorted(d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)) == ["Copy", "Original"]


def test_credentials_in_an_address_are_never_printed_stored_or_exported(servers, tmp_path):
    feed, _ = servers
    db = str(tmp_path / "t.db")
    feed.routes["/a"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
    secret_url = feed.base.replace("http://", "http://editor:hunter2@") + "/a"
    added = run("add", secret_url, db=db)
    assert added.returncode == 0 and "hunter2" not in added.stderr + added.stdout
    assert feed.log[0][1].get("Authorization", "").startswith("Basic ")  # used for the request itself
    following = run("feeds", "add", secret_url.replace("/a", "/feed"), "--name", "f", db=db)
    assert "hunter2" not in following.stderr and ".netrc" in following.stderr
    everything = "".join(run(*args, db=db).stdout for args in (
        ["show", "--format", "json"], ["export", "--format", "json"], ["export", "--format", "ics"],
        ["feeds", "list", "--format", "json"], ["query", "SELECT * FROM document_places", "--format", "json"]))
    assert "hunter2" not in everything and "editor" not in everything
    missing = run("add", feed.base.replace("http://", "http://editor:hunter2@") + "/missing", db=db)
    assert missing.returncode != 0 and "hunter2" not in missing.stderr


def test_a_slow_server_does_not_hold_add_or_fetch(servers, tmp_path):
    import socket
    import threading
    import time

    feed, _ = servers
    db = str(tmp_path / "t.db")
    slow = socket.socket()
    slow.bind(("127.0.0.1", 0))
    slow.listen(5)
    stop = threading.Event()

    def trickle():  # headers a byte a second, for ever
        while not stop.is_set():
            try:
                slow.settimeout(0.5)
                conn, _ = slow.accept()
            except OSError:
                continue
            def drip(c=conn):
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"x" * 10000:
                    if stop.is_set():
                        break
                    try:
                        c.sendall(bytes([byte]))
                    except OSError:
                        break
                    time.sleep(0.5)
                c.close()
            threading.Thread(target=drip, daemon=True).start()
    threading.Thread(target=trickle, daemon=True).start()
    slow_url = f"http://127.0.0.1:{slow.getsockname()[1]}/story"
    try:
        started = time.monotonic()
        out = run("add", slow_url, db=db, env={"TIMELINE_FETCH_TIMEOUT": "3"})
        assert out.returncode == 2 and "within 3 s" in out.stderr and time.monotonic() - started < 30
        feed.routes["/a"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
        body = rss(feed.base, [("fast", "/a")]).replace(
            "</channel>", f"<item><title>slow</title><link>{slow_url}</link></item></channel>")
        feed.routes["/feed"] = (200, XML, body)
        run("feeds", "add", feed.base + "/feed", "--name", "main", db=db)
        started = time.monotonic()
        out = run("fetch", "--timeout", "5", db=db, env={"TIMELINE_FETCH_TIMEOUT": "60", "TIMELINE_ALLOW_HOSTS": "127.0.0.1"})
        assert time.monotonic() - started < 40 and out.returncode == 1
        assert re.search(r"within (the run's )?5 s", out.stderr)  # whichever clock fires first
        assert [d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)] == ["Dock strike"]
    finally:
        stop.set()
        slow.close()


# -- feed state ----------------------------------------------------------------------------------

def test_fetch_killed_at_any_point_loses_no_item(servers, tmp_path):
    """kill -9 in a loop, at whatever point the fetch has reached; then one fetch to the end: every
    item of the feed is stored (the feed's ETag is kept only once its items are in)."""
    import random
    import signal
    import time

    feed, _ = servers
    db = str(tmp_path / "t.db")
    paths = [f"/story{i}" for i in range(30)]
    for i, p in enumerate(paths):
        feed.routes[p] = lambda h, i=i: (time.sleep(0.05), (200, HTML, page(f"Story {i}", f"Council item {i} must be "
                                                                            f"settled by March {i % 27 + 2}.")))[1]
    body = rss(feed.base, [(p.strip("/"), p) for p in paths])

    def route(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, ""
        return 200, {**XML, "ETag": '"v1"'}, body
    feed.routes["/feed"] = route
    run("feeds", "add", feed.base + "/feed", "--name", "main", "--every", "0", db=db)
    rng = random.Random(7)
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-m", "timeline", "fetch", "--db", db], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    final = run("fetch", db=db)
    assert final.returncode == 0, final.stderr
    titles = {d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    assert titles == {f"Story {i}" for i in range(30)}
    assert run("fetch", db=db).stderr.startswith("polled 1 feed: added 0 articles")


def test_ctrl_c_in_fetch_says_what_was_kept(servers, tmp_path):
    import signal
    import time

    feed, _ = servers
    db = str(tmp_path / "t.db")
    paths = [f"/s{i}" for i in range(20)]
    for i, p in enumerate(paths):
        feed.routes[p] = lambda h, i=i: (time.sleep(1.0), (200, HTML, page(f"S {i}", "The board must decide by May 2.")))[1]
    feed.routes["/feed"] = (200, XML, rss(feed.base, [(p, p) for p in paths]))
    run("feeds", "add", feed.base + "/feed", "--name", "main", db=db)
    before = len(feed.log)
    # A job started in the background inherits SIGINT ignored; a person's terminal delivers it.
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "fetch", "--db", db], stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and \
            sum(p.startswith("/s") for p, _ in feed.log[before:]) < 4:
        time.sleep(0.05)  # until the fetch is under way: some pages read, most still to come
    assert proc.poll() is None, proc.stderr.read()
    interrupted = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted;" in err and "added before it are kept" in err, err
    # Ctrl-C waits for the requests in flight (a second each here), not for the whole queue.
    assert time.monotonic() - interrupted < 5


def test_hostile_retry_after_and_dates_are_clamped(servers, tmp_path):
    feed, _ = servers
    db = str(tmp_path / "t.db")
    feed.routes["/inf"] = (503, {"Retry-After": "inf"}, "busy")
    feed.routes["/huge"] = (429, {"Retry-After": "99999999999999999999"}, "busy")
    feed.routes["/y9999"] = (503, {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"}, "busy")
    feed.routes["/ok"] = (200, XML, rss(feed.base, [("a", "/a")]))
    feed.routes["/a"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
    for name in ("inf", "huge", "y9999", "ok"):
        run("feeds", "add", f"{feed.base}/{name}", "--name", name, db=db)
    out = run("fetch", db=db)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "out of range" not in out.stderr
    assert [d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)] == ["Dock strike"]
    later = json.loads(run("query", "SELECT name, next_fetch FROM feeds", "--format", "json", db=db).stdout)
    assert all(r["next_fetch"] < "2100" for r in later)


# -- stores --------------------------------------------------------------------------------------

JUDGE = "Judge\n\nThe judge ordered the ministry to file its reply by Dec. 18.\n"


def _old_store(path):
    """A store as the first timeline made it (schema 1), with one deadline in it."""
    conn = first_schema_store(path, "2026-12-01T00:00:00+00:00")
    conn.execute("INSERT INTO mentions (id, document_id, start, end, text, sentence, type, value, kind, earliest, latest,"
                 " due, subject) VALUES (1, 1, 2, 3, 'Dec. 18', 'The ministry must file its reply by Dec. 18.', 'DATE',"
                 " '2026-12-18', 'deadline', '2026-12-18', '2026-12-18', '2026-12-18', 'file its reply')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("args", [["deadlines", "--as-of", "2026-12-01"], ["alerts", "--as-of", "2026-12-15"],
                                  ["export", "--format", "ics"], ["calendar", "2026-12"], ["show"]])
def test_a_store_of_an_older_schema_is_read_at_once(tmp_path, args):
    db = str(tmp_path / "old.db")
    _old_store(db)
    out = run(*args, db=db)
    assert out.returncode in (0, 1) and "Traceback" not in out.stderr and "error" not in out.stderr, out.stderr
    assert "2026-12-18" in out.stdout or "18" in out.stdout or args[0] == "export"


def _read_only_mount(folder, command):
    """Run a shell command with `folder` mounted read-only (a mount namespace of its own)."""
    import shutil

    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no user and mount namespaces here")
    return subprocess.run(["unshare", "-rm", "sh", "-c", f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro "
                           f"'{folder}' && {command}"], capture_output=True, text=True, timeout=120)


def test_a_store_on_read_only_media_is_read(tmp_path):
    import shlex

    folder = tmp_path / "media"
    folder.mkdir()
    db = str(folder / "t.db")
    assert run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db).returncode == 0
    cmd = f"{shlex.quote(sys.executable)} -m timeline --db {shlex.quote(db)} deadlines --as-of 2026-12-01"
    out = _read_only_mount(folder, cmd)
    assert out.returncode == 0 and "2026-12-18" in out.stdout, out.stderr
    old = folder / "old.db"
    _old_store(str(old))
    out = _read_only_mount(folder, cmd.replace(db, str(old)))
    assert out.returncode == 0 and "2026-12-18" in out.stdout, out.stderr  # upgraded in memory, not on the media


def test_any_path_name_is_a_store_and_no_stray_file_is_left(tmp_path):
    folder = tmp_path / "we#ird?na%20me"
    folder.mkdir()
    db = str(folder / "t.db")
    assert run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db).returncode == 0
    assert "2026-12-18" in run("deadlines", "--as-of", "2026-12-01", db=db).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
    assert not any(p.stat().st_size == 0 and p.name.startswith("t.db?") for p in folder.iterdir())


def test_a_fifo_or_a_hard_linked_store_is_refused(tmp_path):
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    out = subprocess.run([sys.executable, "-m", "timeline", "--db", str(fifo), "deadlines"], capture_output=True,
                         text=True, timeout=30)
    assert out.returncode == 2 and "not a regular file" in out.stderr
    db = tmp_path / "t.db"
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=str(db))
    os.link(db, tmp_path / "other.db")
    for path in (db, tmp_path / "other.db"):
        refused = run("add", "-", "--published", "2026-12-02", input="Other\n\nThe union must answer by Friday.\n",
                      db=str(path))
        assert refused.returncode == 2 and "hard links" in refused.stderr
    assert "2026-12-18" in run("deadlines", "--as-of", "2026-12-01", db=str(db)).stdout  # reading is safe


# -- exports, queries, counts ------------------------------------------------------------------------

def test_a_failed_export_leaves_the_previous_file_and_names_the_file(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    out = tmp_path / "cal.ics"
    assert run("export", "--format", "ics", "--out", str(out), db=db).returncode == 0
    good = out.read_bytes()
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "cal.ics").write_bytes(good)
    # a folder where nothing can be written (a read-only mount): the export fails, the old file stays
    import shlex

    cmd = (f"{shlex.quote(sys.executable)} -m timeline --db {shlex.quote(db)} export --format ics "
           f"--out {shlex.quote(str(folder / 'cal.ics'))}")
    failed = _read_only_mount(folder, cmd)
    assert failed.returncode == 2 and "cal.ics" in failed.stderr and "as it was" in failed.stderr
    assert (folder / "cal.ics").read_bytes() == good
    assert sorted(p.name for p in folder.iterdir()) == ["cal.ics"]


def test_a_date_in_9999_and_control_characters_do_not_break_the_calendar(tmp_path):
    from icalendar import Calendar

    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "9999-12-29", input="Edge\n\nThe union must answer by Friday.\n", db=db)
    run("add", "-", "--published", "2026-03-02", input="Bell\n\nThe \x1b[31mcouncil\x07 must reply by Friday.\n", db=db)
    out = run("export", "--format", "ics", db=db)
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout
    events = Calendar.from_ical(out.stdout.encode()).walk("VEVENT")
    assert {str(e["DTSTART"].dt) for e in events} == {"9999-12-31", "2026-03-06"}


def test_query_results_are_bounded_in_bytes(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    big = ("SELECT randomblob(1000000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
           " WHERE i < 100000) SELECT i FROM n)")
    out = run_limited("query", big, "--format", "csv", db=db)
    assert out.returncode == 2 and b"larger than" in out.stderr


def test_full_disk_counts_only_what_was_committed(tmp_path):
    import resource
    import signal

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(120):
        (folder / f"a{i:03d}.txt").write_text(
            f"Story {i}\n\nMarch 2, 2026 \u2014 Council item {i} must be settled by Friday, the clerk said. "
            + os.urandom(1500).hex() + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_200_000, 1_200_000))
    out = subprocess.run([sys.executable, "-m", "timeline", "add", str(folder), "--db", db], capture_output=True,
                         text=True, timeout=300, preexec_fn=limit)
    assert out.returncode == 2 and "cannot write to the disk" in out.stderr
    said = int(out.stderr.split("added ")[1].split()[0])
    stored = json.loads(run("query", "SELECT count(*) AS n FROM documents", "--format", "json", db=db).stdout)[0]["n"]
    assert said == stored < 120


# -- one line where a traceback was ----------------------------------------------------------------

def test_damaged_input_gives_one_line_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text('<?xml version="1.0"?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-02-30" '
                   'functionInDocument="CREATION_TIME">2020-02-30</TIMEX3></DCT><TEXT>It ended on Friday.</TEXT></TimeML>')
    broken = tmp_path / "gold"
    broken.mkdir()
    (broken / "x.tml").write_text("<TimeML><TEXT>unclosed")
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    damaged = _store_altered(tmp_path / "damaged.db", "UPDATE deadlines SET due = 'garbage'",
                             "UPDATE mentions SET due = 'junk', earliest = 'bad' WHERE kind = 'deadline'")
    runs = [run("extract", str(bad)), run("tag", str(bad), "--out", str(tmp_path / "out")), run("eval", str(broken)),
            run("query", "PRAGMA shrink_memory", db=db)]
    runs += [run(*args, db=damaged) for args in (["deadlines", "--include-passed"], ["show"], ["export", "--format", "ics"],
                                                 ["alerts"], ["calendar", "2026-12"])]
    for out in runs:
        assert "Traceback" not in out.stderr and out.returncode in (0, 1, 2), out.stderr[-800:]
        assert len([line for line in out.stderr.splitlines() if line.strip()]) <= 1, out.stderr
    assert "2020-02-30" in runs[0].stderr and "bad.tml" in runs[0].stderr


def _store_altered(path, *statements) -> str:
    """A store of one deadline, then changed behind timeline's back."""
    import sqlite3

    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=str(path))
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return str(path)


def test_text_damaged_on_disk_is_shown_with_replacement_characters(tmp_path):
    db = _store_altered(tmp_path / "t.db", "UPDATE mentions SET sentence = CAST(x'4142ff43' AS TEXT)",
                        "UPDATE documents SET title = CAST(x'ffee' AS TEXT)")
    for args in (["show"], ["show", "--deadline", "1"], ["sources"], ["deadlines", "--include-passed", "--format", "json"],
                 ["export", "--format", "json"], ["export", "--format", "ics"], ["query", "SELECT sentence FROM mentions"]):
        out = run(*args, db=db)
        assert out.returncode == 0 and ("\ufffd" in out.stdout or "\\ufffd" in out.stdout), (args, out.stderr)


def test_low_ones(tmp_path):
    db = str(tmp_path / "t.db")
    assert run("add", "-", "--published", "NaN", input=JUDGE, db=db).returncode == 2
    assert run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db).returncode == 0
    assert json.loads(run("query", "SELECT 1e999 AS x", "--format", "json", db=db).stdout) == [{"x": None}]
    closed = subprocess.run([sys.executable, "-m", "timeline", "add", "-", "--published", "2026-12-01", "--db", db],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, close_fds=True,
                            preexec_fn=lambda: os.close(0))
    assert closed.returncode == 2 and "standard input is closed" in closed.stderr and "Traceback" not in closed.stderr
    piped = subprocess.run(f"{sys.executable} -m timeline query \"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                           f" FROM n WHERE i < 100000) SELECT i FROM n\" --format nl --db {db} | head -1; exit ${{PIPESTATUS[0]}}",
                           shell=True, executable="/bin/bash", capture_output=True, text=True)
    assert piped.returncode == 0 and piped.stdout == '{"i": 1}\n' and piped.stderr == ""
    assert run("show", "--grep", "a " * 100, db=db).returncode == 2
    assert "--db is empty" in run("deadlines", "--db", "").stderr
    assert "--db is empty" in run("--db", "", "deadlines").stderr
    named = run("feeds", "add", "http://127.0.0.1:9/feed", "--name", "evil\u202egpj.exe\x1b[2J", db=db)
    assert "\u202e" not in named.stderr and "\x1b" not in named.stderr and "\\u202e" in named.stderr
    timeml = run("extract", "-", "--published", "2026-03-02", "--format", "timeml",
                 input="T\n\nThe union\x1b[2J must \x07 reply by Friday.\n").stdout
    import xml.etree.ElementTree as ET

    ET.fromstring(timeml)  # well-formed


@pytest.mark.parametrize("encoded,expected", [
    ("Caf\u00e9 \u2014 the union must reply by Friday.".encode() + b" \xff", "Caf\u00e9 \u2014 the union"),
    ("He said \u201cno\u201d \u2013 the union must reply by Friday.".encode("cp1252"), "He said \u201cno\u201d \u2013"),
    ("The union must reply by Friday.".encode("utf-32"), "The union must"),
])
def test_text_encodings_read_as_written(tmp_path, encoded, expected):
    from timeline.ingest.readers import decode

    assert decode(encoded, "x").startswith(expected)


def test_tag_never_writes_over_what_it_reads(tmp_path):
    src = tmp_path / "gold"
    src.mkdir()
    doc = ('<?xml version="1.0"?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-02-13" '
           'functionInDocument="CREATION_TIME">2020-02-13</TIMEX3></DCT><TEXT>It ended on Friday.</TEXT></TimeML>')
    (src / "a.tml").write_text(doc)
    assert run("tag", str(src), "--out", str(src)).returncode == 2
    assert (src / "a.tml").read_text() == doc
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "a.tml").symlink_to(victim)
    assert run("tag", str(src), "--out", str(out)).returncode == 2
    assert victim.read_text() == "keep me"


def test_a_feeds_short_full_text_and_relative_links_are_read(servers, tmp_path):
    feed, _ = servers
    db = str(tmp_path / "t.db")
    feed.routes["/news/a"] = (200, HTML, page("Dock strike", "The union said workers must return by March 9."))
    body = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>N</title>"
            "<item><title>rel</title><link>/news/a</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>"
            f"<item><title>short</title><link>{feed.base}/news/b</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>"
            "<content:encoded><![CDATA[<p>The council must reply by Friday.</p>]]></content:encoded></item>"
            "</channel></rss>")
    feed.routes["/feed"] = (200, XML, body)
    run("feeds", "add", feed.base + "/feed", "--name", "main", db=db)
    out = run("fetch", db=db)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(run("sources", "--format", "json", db=db).stdout)) == 2

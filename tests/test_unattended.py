"""Running unattended: ids that never move, alerts that speak once, corrections that reach the
calendar, one notion of today. Each test drives the command line on a real store file."""
import json
import subprocess

from .test_cli import run

JUDGE = "Judge\n\nThe judge ordered the ministry to file its reply by Dec. 18.\n"
REBELS = "Rebels\n\nRebels gave the government 72 hours to free the detainees.\n"
TRUCE = "Truce\n\nThe tariff truce expires on January 12.\n"


def _ids(db) -> dict:
    rows = json.loads(run("deadlines", "--as-of", "2026-11-20", "--include-passed", "--format", "json", db=db).stdout)
    return {r["deadline_id"]: r["subject"] for r in rows}


def test_ids_stay_as_first_shown_whatever_order_articles_arrive_in(tmp_path):
    db = str(tmp_path / "t.db")
    assert run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db).returncode == 0
    first = _ids(db)
    assert run("add", "-", "--published", "2026-12-02", input=REBELS, db=db).returncode == 0
    second = _ids(db)
    assert run("add", "-", "--published", "2026-11-25", input=TRUCE, db=db).returncode == 0  # an older story: a replay
    third = _ids(db)
    assert len(first) == 1 and len(second) == 2 and len(third) == 3
    assert all(third[i] == s for i, s in second.items()) and all(second[i] == s for i, s in first.items())


def test_calendar_uids_stay_as_first_exported_whatever_order_articles_arrive_in(tmp_path):
    db = str(tmp_path / "t.db")
    seen = {}
    for text, day in ((JUDGE, "2026-12-01"), (REBELS, "2026-12-02"), (TRUCE, "2026-11-25")):
        run("add", "-", "--published", day, input=text, db=db)
        path = tmp_path / f"{day}.ics"
        run("export", "--format", "ics", "--out", str(path), db=db)
        now = {uid: summary for uid, (_, _, summary, _) in _parsed(path).items()}
        assert all(now[u] == s for u, s in seen.items())
        seen = now
    assert len(seen) == 3


def test_document_ids_are_never_given_again(tmp_path):
    db = str(tmp_path / "t.db")
    for text, day in ((JUDGE, "2026-12-01"), (REBELS, "2026-12-02"), (TRUCE, "2026-11-25")):
        run("add", "-", "--published", day, input=text, db=db)
    docs = {d["title"]: d["id"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    assert run("rm", str(docs["Truce"]), db=db).returncode == 0
    run("add", "-", "--published", "2026-11-26", input="Other\n\nThe union must answer by Friday.\n", db=db)
    after = {d["title"]: d["id"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    assert after["Other"] not in docs.values()
    assert after["Judge"] == docs["Judge"] and after["Rebels"] == docs["Rebels"]


def test_a_deadline_removed_and_added_again_gets_its_old_id(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    run("add", "-", "--published", "2026-12-02", input=REBELS, db=db)
    before = _ids(db)
    docs = {d["title"]: d["id"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    run("rm", str(docs["Judge"]), db=db)
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    assert _ids(db) == before


# -- alerts for cron -------------------------------------------------------------------------------

def test_alerts_say_nothing_when_nothing_is_due_and_quiet_says_nothing_at_all(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    calm = run("alerts", "--as-of", "2026-11-01", "--within", "7d", db=db)
    assert (calm.returncode, calm.stdout) == (0, "")
    due = run("alerts", "--as-of", "2026-12-15", "--within", "7d", db=db)
    assert due.returncode == 1 and "2026-12-18" in due.stdout
    quiet = run("alerts", "-q", "--as-of", "2026-12-15", db=db)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, "", "")


def test_alerts_new_announce_a_deadline_once_and_again_when_it_moves_or_comes_closer(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    runs = [run("alerts", "--new", "--as-of", "2026-12-05", "--within", "14d", db=db) for _ in range(3)]
    assert [r.returncode for r in runs] == [1, 0, 0]
    assert "2026-12-18" in runs[0].stdout and runs[1].stdout == runs[2].stdout == ""
    closer = run("alerts", "--new", "--as-of", "2026-12-12", "--within", "14d", db=db)  # into its last week
    assert closer.returncode == 1 and "in 6 days" in closer.stdout
    assert run("alerts", "--new", "--as-of", "2026-12-13", "--within", "14d", db=db).returncode == 0
    assert run("edit", "1", "--due", "2026-12-21", db=db).returncode == 0  # it moves
    moved = run("alerts", "--new", "--as-of", "2026-12-13", "--within", "14d", db=db)
    assert moved.returncode == 1 and "2026-12-21" in moved.stdout


def test_the_readmes_cron_line_runs_under_crons_environment(tmp_path):
    """The README's crontab line, with the path it tells the user to fill in, run as cron runs it:
    `sh -c` with no environment but HOME, LOGNAME, SHELL and PATH=/usr/bin:/bin."""
    import os
    import re
    import shutil
    import sys
    from datetime import date

    from .conftest import ROOT

    line = next(l for l in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if l.startswith("*/30 "))
    command = line.split(None, 5)[5]
    exe = shutil.which("timeline", path=os.path.dirname(sys.executable))
    assert exe, "the timeline command is installed beside this Python"
    command = command.replace("/path/to/.venv/bin/timeline", exe)
    home = tmp_path / "home"
    home.mkdir()
    cron_env = {"HOME": str(home), "LOGNAME": "cron", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin"}
    story = "Deadline\n\nThe union must answer within 48 hours, the ministry said.\n"
    added = subprocess.run([exe, "add", "-", "--published", date.today().isoformat()], input=story, text=True,
                           capture_output=True, env={**cron_env, "PATH": os.environ["PATH"]})
    assert added.returncode == 0, added.stderr
    runs = [subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in cron_env.items()), "sh", "-c", command],
                           capture_output=True, text=True, timeout=120) for _ in range(3)]
    assert runs[0].returncode == 1 and re.search(r"union", runs[0].stdout), runs[0].stderr  # announced
    assert [(r.returncode, r.stdout, r.stderr) for r in runs[1:]] == [(0, "", ""), (0, "", "")]  # cron mails nothing


# -- corrections -----------------------------------------------------------------------------------

TWICE = "Court\n\nThe court told the ministry it must file the reply by December 18 at the latest.\n"


def _two_reports_of_one_order(db):
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    run("add", "-", "--published", "2026-12-02", input=TWICE, db=db)
    ids = sorted(_ids(db))
    assert len(ids) == 2, "tracking keeps the two wordings apart: the analyst merges them"
    return ids


def test_merge_met_withdrawn_several_ids_and_undo(tmp_path):
    db = str(tmp_path / "t.db")
    a, b = _two_reports_of_one_order(db)
    merged = run("merge", str(a), str(b), "--reason", "one order, two wordings", db=db)
    assert merged.returncode == 0 and f"merged deadline #{b} into #{a}" in merged.stderr
    assert run("merge", str(a), str(b), db=db).stderr.startswith(f"deadline #{b} was already merged")
    rows = json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)
    assert [(r["deadline_id"], r["source_count"]) for r in rows] == [(a, 2)]
    history = json.loads(run("show", "--deadline", str(a), "--format", "json", db=db).stdout)
    assert {h["title"] for h in history} == {"Judge", "Court"}
    assert run("unmerge", str(b), db=db).returncode == 0
    assert sorted(_ids(db)) == [a, b]

    ended = run("met", str(a), str(b), "--reason", "filed on time", db=db)
    assert ended.returncode == 0 and ended.stderr.count("marked met") == 2
    assert json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout) == []
    every = json.loads(run("deadlines", "--all", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)
    assert {r["status"] for r in every} == {"met"}
    assert run("withdrawn", str(a), db=db).returncode == 0
    assert run("reopen", str(a), str(b), db=db).returncode == 0
    assert len(json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)) == 2
    assert "is open; nothing to reopen" in run("reopen", str(a), db=db).stderr

    nothing = run("dismiss", str(a), "999", db=db)
    assert nothing.returncode == 2 and "999" in nothing.stderr
    assert len(json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)) == 2  # all or none
    both = run("dismiss", str(a), str(b), "--reason", "noise", db=db)
    assert both.returncode == 0 and both.stderr.count("dismissed deadline") == 2
    assert run("restore", str(a), str(b), db=db).stderr.count("restored deadline") == 2
    assert run("restore", str(a), db=db).stderr.startswith(f"deadline #{a} is not dismissed; nothing to restore")


def test_edit_clears_a_field_given_empty_and_every_correction_shows_with_its_time_and_reason(tmp_path):
    db = str(tmp_path / "t.db")
    a, _ = _two_reports_of_one_order(db)
    assert run("edit", str(a), "--setter", "", "--reason", "the judge only reported it", db=db).stderr.startswith(
        f"edited deadline #{a}: setter cleared")
    assert run("edit", str(a), "--setter", "", db=db).stderr.startswith(f"deadline #{a} already reads so; nothing changed")
    assert run("edit", str(a), "--subject", "ministry files its reply", db=db).returncode == 0
    row = next(r for r in json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)
               if r["deadline_id"] == a)
    assert (row["setter"], row["subject"]) == (None, "ministry files its reply")
    shown = run("show", "--deadline", str(a), db=db, env={"COLUMNS": "200"}).stdout
    assert "setter cleared by the analyst on " in shown and "the judge only reported it" in shown
    assert "subject edited to \u201cministry files its reply\u201d" in shown
    as_json = json.loads(run("show", "--deadline", str(a), "--format", "json", db=db).stdout)
    assert {c["field"] for c in as_json[0]["corrections"]} == {"setter", "subject"}
    assert as_json[0]["subject"] == "ministry files its reply"
    # an older article arrives: a replay; the corrections hold
    run("add", "-", "--published", "2026-11-20", input=TRUCE, db=db)
    again = next(r for r in json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)
                 if r["deadline_id"] == a)
    assert (again["setter"], again["subject"]) == (None, "ministry files its reply")
    assert run("edit", str(a), "--undo", db=db).stderr.startswith(f"took back the edits of deadline #{a}")
    back = next(r for r in json.loads(run("deadlines", "--as-of", "2026-12-02", "--format", "json", db=db).stdout)
                if r["deadline_id"] == a)
    assert back["setter"] == "judge"


def test_rm_takes_several_ids_and_refuses_all_when_one_is_unknown(tmp_path):
    db = str(tmp_path / "t.db")
    for text, day in ((JUDGE, "2026-12-01"), (REBELS, "2026-12-02"), (TRUCE, "2026-11-25")):
        run("add", "-", "--published", day, input=text, db=db)
    assert run("rm", "1", "77", db=db).returncode == 2
    assert len(json.loads(run("sources", "--format", "json", db=db).stdout)) == 3
    assert run("rm", "1", "2", db=db).returncode == 0
    assert [d["title"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)] == ["Truce"]


# -- the calendar as a subscriber sees it ------------------------------------------------------------

def _khal(tmp_path):
    """A khal set up on a local vdir (a calendar program from the package index), or None."""
    import os
    import shutil
    import sys

    exe = shutil.which("khal", path=os.path.dirname(sys.executable))
    if exe is None:
        return None
    vdir = tmp_path / "vdir" / "timeline"
    vdir.mkdir(parents=True)
    config = tmp_path / "khal.conf"
    config.write_text(f"[calendars]\n[[timeline]]\npath = {vdir}\ntype = calendar\n"
                      "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                      "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
                      "default_timezone = UTC\nlocal_timezone = UTC\n[default]\ndefault_calendar = timeline\n")
    return exe, config


def _import_and_list(khal, ics_path) -> dict:
    """Import an export into khal, then what khal holds: uid -> (status, start, summary)."""
    exe, config = khal
    imported = subprocess.run([exe, "-c", str(config), "import", "--batch", "-a", "timeline", str(ics_path)],
                              capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    listed = subprocess.run([exe, "-c", str(config), "list", "--format", "{uid}|{status}|{start}|{title}",
                             "1990-01-01", "2100-01-01"], capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    held = {}
    for line in listed.stdout.splitlines():
        if line.count("|") == 3:
            uid, status, start, title = line.split("|")
            held[uid] = (status.strip() or "CONFIRMED", start.strip(), title)
    return held


def _parsed(ics_path) -> dict:
    """The same, read with the icalendar library: uid -> (status, start, summary, sequence)."""
    from icalendar import Calendar

    events = Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT")
    return {str(e["UID"]): (str(e.get("STATUS")), str(e["DTSTART"].dt)[:10], str(e["SUMMARY"]), int(e["SEQUENCE"]))
            for e in events if str(e["UID"]).startswith("deadline-")}


def test_successive_exports_imported_into_a_calendar_program(tmp_path):
    """Each change reaches a subscriber's calendar: the same entry updated (one UID, a higher
    SEQUENCE), dismissed, merged-away and ended deadlines cancelled, until pruned."""
    import pytest

    db = str(tmp_path / "t.db")
    a, b = _two_reports_of_one_order(db)
    run("add", "-", "--published", "2026-11-25", input=TRUCE, db=db)
    c = next(i for i, s in _ids(db).items() if "truce" in (s or "").lower())
    khal = _khal(tmp_path)
    if khal is None:
        pytest.skip("khal is not installed (pip install khal); the icalendar checks run in the next test")

    def export(n):
        path = tmp_path / f"export{n}.ics"
        assert run("export", "--format", "ics", "--out", str(path), db=db).returncode == 0
        return _import_and_list(khal, path), _parsed(path)

    held, sent = export(1)
    assert len(held) == 3 and all(s == "CONFIRMED" for s, *_ in held.values())
    uids = set(sent)
    assert run("edit", str(a), "--due", "2026-12-21", db=db).returncode == 0
    assert run("merge", str(a), str(b), db=db).returncode == 0
    assert run("withdrawn", str(c), db=db).returncode == 0
    held2, sent2 = export(2)
    assert set(sent2) == uids  # no entry added, none renamed
    by_status = {u: s for u, (s, *_) in held2.items()}
    assert sorted(by_status.values()) == ["CANCELLED", "CANCELLED", "CONFIRMED"]
    moved = next(u for u, (s, start, *_) in held2.items() if s == "CONFIRMED")
    assert held2[moved][1].startswith("2026-12-21")
    assert all(sent2[u][3] == sent[u][3] + 1 for u in uids)  # every entry changed: each SEQUENCE one higher
    held3, sent3 = export(3)
    assert sent3 == sent2  # nothing changed: nothing raised
    assert run("export", "--format", "ics", "--prune", "--out", str(tmp_path / "pruned.ics"), db=db).returncode == 0
    assert list(_parsed(tmp_path / "pruned.ics")) == [moved]


def test_calendar_lifecycle_read_with_icalendar(tmp_path):
    db = str(tmp_path / "t.db")
    a, b = _two_reports_of_one_order(db)

    def export(name):
        path = tmp_path / name
        assert run("export", "--format", "ics", "--out", str(path), db=db).returncode == 0
        return _parsed(path)

    first = export("1.ics")
    assert run("dismiss", str(b), db=db).returncode == 0
    second = export("2.ics")
    assert set(second) == set(first)
    cancelled = [u for u, v in second.items() if v[0] == "CANCELLED"]
    assert len(cancelled) == 1 and second[cancelled[0]][3] == first[cancelled[0]][3] + 1
    assert run("restore", str(b), db=db).returncode == 0
    third = export("3.ics")
    assert third[cancelled[0]][0] == "CONFIRMED" and third[cancelled[0]][3] == second[cancelled[0]][3] + 1
    # an older report of a deadline arriving later leaves its UID as exported
    run("add", "-", "--published", "2026-11-28", input="Earlier\n\nThe judge ordered the ministry to file its reply by "
        "Dec. 18, court papers show.\n", db=db)
    fourth = export("4.ics")
    assert set(fourth) >= set(first)  # a deadline joined to another is sent again, cancelled
    assert sorted(v[0] for v in fourth.values()) == ["CANCELLED", "CONFIRMED"]


# -- clocks ------------------------------------------------------------------------------------------

def test_datelines_and_published_in_named_zones_and_offsets_keep_their_zone():
    stories = [("Kampala, 13 February 2026 14:00 EAT \u2014 The union must reply within 72 hours.", None),
               ("Feb 13, 2026 3:00 PM EST \u2014 The union must reply within 72 hours.", None),
               ("13 February 2026 14:00 +03:00\nThe union must reply within 72 hours.", None),
               ("The union must reply within 72 hours.", "2026-02-13 14:00 +03:00")]
    expected = ["2026-02-13T11:00:00+00:00", "2026-02-13T20:00:00+00:00", "2026-02-13T11:00:00+00:00",
                "2026-02-13T11:00:00+00:00"]
    for (text, published), utc_time in zip(stories, expected):
        args = ["extract", "-", "--format", "json"] + (["--published", published] if published else [])
        out = json.loads(run(*args, input=f"Story\n\n{text}\n" if published else text + "\n").stdout)
        assert out["document"]["published"] == utc_time
        # 72 hours from 14:00 on the writer's clock: due at 14:00 three days on, on that clock
        due = out["mentions"][-1]["due"]
        assert due == ("2026-02-16T15:00" if "EST" in text else "2026-02-16T14:00")


def test_every_command_reads_today_in_one_zone(tmp_path):
    """TIMELINE_TZ (else the machine's zone) is today for deadlines, alerts, show and calendar
    alike: far east of UTC it is already tomorrow there."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    db = str(tmp_path / "t.db")
    zone = "Pacific/Kiritimati"  # UTC+14
    today = datetime.now(ZoneInfo(zone)).date().isoformat()
    run("add", "-", "--published", today, input="Story\n\nThe union, on strike since 1 January 2020, must reply "
        "within 10 days.\n", db=db)
    env = {"TIMELINE_TZ": zone, "COLUMNS": "120"}
    assert json.loads(run("alerts", "--within", "30d", "--format", "json", db=db, env=env).stdout)["as_of"] == today
    rows = json.loads(run("deadlines", "--format", "json", db=db, env=env).stdout)
    assert [r["days_left"] for r in rows] == [10]
    assert f"today {today}" in run("show", db=db, env=env).stdout
    bad = run("deadlines", db=db, env={"TIMELINE_TZ": "Mars/Olympus"})
    assert bad.returncode == 2 and "TIMELINE_TZ" in bad.stderr


# -- small things --------------------------------------------------------------------------------------

def test_article_addresses_reach_show_and_json(tmp_path):
    db = str(tmp_path / "t.db")
    path = tmp_path / "story.txt"
    path.write_text("Story\n\nMarch 2, 2026 \u2014 The union must reply by Friday.\n", encoding="utf-8")
    run("add", str(path), db=db)
    row = json.loads(run("show", "--format", "json", db=db).stdout)[0]
    assert row["url"] == str(path.resolve())
    history = json.loads(run("show", "--deadline", "1", "--format", "json", db=db).stdout)
    assert history[0]["url"] == str(path.resolve())


def test_grep_finds_the_start_of_a_word(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-03-02", input="Story\n\nThe rebels issued an ultimatum on Monday.\n", db=db)
    assert [r["text"] for r in json.loads(run("show", "--grep", "ultimat", "--format", "json", db=db).stdout)] == ["Monday"]
    assert json.loads(run("show", "--grep", "ultimatums", "--format", "json", db=db).stdout) == []


def test_help_shows_what_to_type_and_a_bare_command_no_empty_error():
    shown = run("show", "--help", env={"COLUMNS": "120"}).stdout
    assert "<bool>" not in shown and "<str>" not in shown and "list[" not in shown
    assert "DATE" in shown and "table|json|csv|nl" in shown
    assert "SPAN" in run("deadlines", "--help", env={"COLUMNS": "120"}).stdout
    bare = run()
    assert "Usage" in bare.stdout + bare.stderr and "timeline:  (" not in bare.stderr and not bare.stderr.strip()

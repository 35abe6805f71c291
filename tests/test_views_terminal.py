"""The views at real terminal widths (a pseudo-terminal of 80 and 160 columns) and through a pipe:
no word broken in the middle, nothing wider than the terminal, no box drawing in a pipe."""
import os
import pty
import re
import subprocess
import sys

import pytest

from .conftest import EXAMPLES
from .test_cli import run

BOX = re.compile(r"[\u2500-\u257f]")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("views") / "t.db")
    assert run("add", str(EXAMPLES), db=db).returncode == 0
    return db


def on_terminal(args, columns, pager=""):
    """Run timeline with its standard output on a pseudo-terminal of the given width (with no
    pager unless one is given: nobody is there to page)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm", "TIMELINE_PAGER": pager}
    proc = subprocess.Popen([sys.executable, "-m", "timeline", *args], stdout=follower, stderr=subprocess.PIPE,
                            env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace")).replace("\r", "")


WORDS = set(re.findall(r"[A-Za-z]+", " ".join(p.read_text() for p in EXAMPLES.glob("*.txt"))))


@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize("args", [["deadlines", "--as-of", "2026-03-02"], ["show"], ["sources"],
                                  ["calendar", "2026-03", "--as-of", "2026-03-06"]])
def test_no_word_broken_and_nothing_wider_than_the_terminal(store, args, columns):
    out = on_terminal([*args, "--db", store], columns)
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines and all(len(line) <= columns for line in lines), max(map(len, lines))
    for token in re.findall(r"[A-Za-z]+\u2026?", out):
        assert token.endswith("\u2026") or token in WORDS or not token[0].isalpha() or token.lower() in {
            w.lower() for w in WORDS} or token in HEADINGS, token


HEADINGS = set("""due time left what is set by sources last change when kind mention in context source id published
mentions title Deadlines as of event scheduled deadline duration recurring days day in ago today articles Mon Tue Wed
Thu Fri Sat Sun Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Stored documents T extended repeated set Mo Tu We Th Fr Sa Su""".split())


@pytest.mark.parametrize("args", [["deadlines", "--as-of", "2026-03-02"], ["show"], ["sources"],
                                  ["query", "SELECT id, title FROM documents"], ["calendar", "2026-03", "--as-of", "2026-03-06"]])
def test_through_a_pipe_plain_lines(store, args):
    out = run(*args, db=store).stdout
    assert out.strip() and not BOX.search(out) and "\u2026" not in out  # nothing cut short in a pipe
    assert all(len(line.split()) > 0 for line in out.splitlines() if line.strip())


def test_nl_format_is_one_json_object_a_line(store):
    import json

    lines = run("sources", "--format", "nl", db=store).stdout.splitlines()
    assert len(lines) == 5 and all(json.loads(line)["id"] for line in lines)


@pytest.mark.parametrize("args,words", [(["sources"], "No articles stored yet"), (["show"], "No dated mentions"),
                                        (["deadlines"], "No deadlines ahead"), (["alerts"], "no deadlines within"),
                                        (["feeds", "list"], "No feeds followed yet")])
def test_the_default_store_not_made_yet_reads_as_an_empty_one(tmp_path, args, words):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": "", "TIMELINE_DB": ""}
    out = run(*args, env=env)
    if args == ["alerts"]:
        assert (out.returncode, out.stdout) == (0, "")  # nothing due: nothing said, as cron wants
    else:
        assert out.returncode == 0 and words in out.stdout, out.stderr
    assert not (tmp_path / ".local" / "share" / "timeline" / "timeline.db").exists()


@pytest.mark.parametrize("args", [["sources"], ["show"], ["deadlines"], ["alerts"], ["alerts", "--new"],
                                  ["export", "--format", "json"], ["export", "--format", "ics"], ["calendar"]])
def test_a_store_named_and_missing_is_named_in_an_error(tmp_path, args):
    """A mistyped --db is no empty store: the command names it and stops, and makes no file."""
    db = str(tmp_path / "typo.db")
    out = run(*args, db=db)
    assert out.returncode == 2 and "typo.db: no timeline store there" in out.stderr
    assert not (tmp_path / "typo.db").exists()


def test_show_lists_a_deadline_under_the_day_it_is_due_and_marks_today(tmp_path):
    from datetime import date, timedelta

    db = str(tmp_path / "t.db")
    today = date.today()
    run("add", "-", "--published", "2026-03-02", db=db, input="Eviction\n\nTenants have 45 days to leave the block.")
    week_ago = (today - timedelta(days=7)).isoformat()
    run("add", "-", "--published", today.isoformat(), db=db,
        input=f"Council\n\nThe council met on {week_ago} and must publish its plan within 10 days.")
    lines = run("show", db=db).stdout.splitlines()
    due = next(i for i, line in enumerate(lines) if "due 2026-04-16" in line)
    heading = next(line for line in reversed(lines[:due]) if line and not line.startswith(" "))
    assert "2026" in heading and "Mar" not in heading and "March" not in heading
    marks = [i for i, line in enumerate(lines) if line.strip().startswith(f"today {today.isoformat()}")]
    before = next(i for i, line in enumerate(lines) if week_ago in line)
    # ten days from the meeting the sentence names
    after = next(i for i, line in enumerate(lines) if f"due {(today + timedelta(days=3)).isoformat()}" in line)
    assert len(marks) == 1 and before < marks[0] < after


def fake_pager(tmp_path, lines=None):
    """A pager that keeps what it is given (its first `lines` lines, then quits like a reader
    closing less early) and the LESS setting it was started with."""
    script = tmp_path / "pager.py"
    script.write_text(
        "import os, sys\n"
        f"out = open({str(tmp_path / 'paged.txt')!r}, 'w')\n"
        "out.write('LESS=' + os.environ.get('LESS', '') + '\\n')\n"
        f"limit = {lines!r}\n"
        "for n, line in enumerate(sys.stdin):\n    if limit is not None and n >= limit:\n        break\n"
        "    out.write(line)\n")
    return f"{sys.executable} {script}"


def test_a_terminal_reads_long_output_through_the_pager_as_git_does(store, tmp_path):
    out = on_terminal(["show", "--db", store], 100, pager=fake_pager(tmp_path))
    paged = (tmp_path / "paged.txt").read_text()
    assert paged.startswith("LESS=FRX\n")  # less quits at once when everything fits one screen
    assert "mention in context" in paged and "reservoir" in paged
    assert "reservoir" not in out  # the table went to the pager, not around it


def test_no_pager_writes_straight_to_the_terminal(store, tmp_path):
    out = on_terminal(["--no-pager", "show", "--db", store], 100, pager=fake_pager(tmp_path))
    assert "reservoir" in out and not (tmp_path / "paged.txt").exists()


def test_closing_the_pager_early_ends_the_command_quietly(store, tmp_path):
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "LINES": "50", "TERM": "xterm", "TIMELINE_PAGER": fake_pager(tmp_path, 3)}
    many = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
            "SELECT i, 'a row long enough to fill the pipe to the pager' AS words FROM n")  # more than a pipe holds
    proc = subprocess.run([sys.executable, "-m", "timeline", "query", many, "--db", store], stdout=follower,
                          stderr=subprocess.PIPE, env=env, timeout=60)
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    assert len((tmp_path / "paged.txt").read_text().splitlines()) == 4


def test_a_long_timeline_opens_at_today_in_less(store, tmp_path):
    """less is told to open at today's line (+/pattern), not at the oldest year."""
    folder = tmp_path / "bin"
    folder.mkdir()
    less = folder / "less"
    less.write_text(f"#!{sys.executable}\nimport sys\nopen({str(tmp_path / 'args.txt')!r}, 'w').write('\\n'.join(sys.argv[1:]))\n"
                    "sys.stdin.read()\n")
    less.chmod(0o755)
    on_terminal(["show", "--db", store], 100, pager=str(less))
    args = (tmp_path / "args.txt").read_text().splitlines()
    assert len(args) == 1 and args[0].startswith("+/") and "today" in args[0]

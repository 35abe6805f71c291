"""A store of 100,000 articles: memory of `add --jobs 2` as the store grows, and what the read
commands cost on it.

    python benchmarks/scale.py                       # 10,000 and 100,000 articles (about 5 minutes)
    python benchmarks/scale.py --sizes 2000 20000    # smaller

For each size, the generated articles of benchmarks/run.py (about 300 words, 2 dates per 100
words) are added with `--jobs 2` into a fresh store, in a child process that reports its own
peak memory and that of its largest worker. On the largest store, the full `deadlines` listing
and a week of `show` are timed as a person and a script get them: into a pipe (plain lines), as
`--format nl`, and on a pseudo-terminal (rich's table, no pager), with the time to the first row;
and the calendar export of every deadline and plan, into a pipe.
"""
from __future__ import annotations

import argparse
import os
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from memory import OWN_PEAK, DescendantPeaks  # noqa: E402
from run import write_articles  # noqa: E402

ADD = """
import sys, time
from timeline.cli import main
sys.argv = ['timeline', 'add', FOLDER, '--db', DB, '--jobs', '2']
t = time.perf_counter()
try:
    main()
except SystemExit:
    pass
print(time.perf_counter() - t, OWN_PEAK)
""".replace("OWN_PEAK", OWN_PEAK)


def ingest(folder: Path, db: Path) -> tuple[float, float, float]:
    """Seconds, add's own peak memory and its largest worker's (MB)."""
    code = ADD.replace("FOLDER", repr(str(folder))).replace("DB", repr(str(db)))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            cwd=ROOT)
    with DescendantPeaks(proc.pid) as workers:
        out, _ = proc.communicate(timeout=7200)
    seconds, own = out.split()[-2:]
    return float(seconds), float(own), workers.peak


def timeline_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "timeline", *args]


def through_pipe(args: list[str]) -> tuple[float, float, int]:
    """Seconds to the first line and to the end, and the lines read, from standard output as a pipe."""
    start = time.perf_counter()
    proc = subprocess.Popen(timeline_cmd(*args), stdout=subprocess.PIPE, cwd=ROOT)
    first, lines = None, 0
    for _ in proc.stdout:
        if first is None:
            first = time.perf_counter() - start
        lines += 1
    proc.wait()
    return first or 0.0, time.perf_counter() - start, lines


def on_terminal(args: list[str], columns: int = 160) -> tuple[float, float, int]:
    """The same on a pseudo-terminal, without a pager: what rich's table costs."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm", "TIMELINE_PAGER": ""}
    start = time.perf_counter()
    proc = subprocess.Popen(timeline_cmd(*args), stdout=follower, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    os.close(follower)
    first, data = None, 0
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        if first is None and chunk.count(b"\n") > 3:
            first = time.perf_counter() - start
        data += chunk.count(b"\n")
    proc.wait()
    os.close(leader)
    return first or 0.0, time.perf_counter() - start, data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        folder = write_articles(max(args.sizes), tmp)
        files = sorted(folder.iterdir())
        db = None
        print(f"{'add --jobs 2':16}{'seconds':>9}{'articles/s':>12}{'main MB':>9}{'worker MB':>11}{'store MB':>10}")
        for n in sorted(args.sizes):
            part = tmp / f"part-{n}"
            part.mkdir()
            for f in files[:n]:
                os.link(f, part / f.name)
            db = tmp / f"store-{n}.db"
            seconds, own, worker = ingest(part, db)
            print(f"{n:>12,}    {seconds:9.1f}{n / seconds:12.0f}{own:9.0f}{worker:11.0f}{db.stat().st_size / 1e6:10.0f}",
                  flush=True)
        first_day = "2020-01-01"
        print()
        print(f"on the {max(args.sizes):,}-article store{'':10}{'first row s':>12}{'all s':>8}{'lines':>9}")
        cases = [("deadlines (all ahead), pipe", ["deadlines", "--as-of", first_day, "--db", str(db)], through_pipe),
                 ("deadlines --format nl", ["deadlines", "--as-of", first_day, "--format", "nl", "--db", str(db)],
                  through_pipe),
                 ("deadlines, terminal 160 cols", ["deadlines", "--as-of", first_day, "--db", str(db)], on_terminal),
                 ("show one week, pipe", ["show", "--from", "2021-03-01", "--to", "2021-03-07", "--db", str(db)],
                  through_pipe),
                 ("show one week, terminal", ["show", "--from", "2021-03-01", "--to", "2021-03-07", "--db", str(db)],
                  on_terminal),
                 ("export --format ics (every deadline and plan)", ["export", "--format", "ics", "--db", str(db)],
                  through_pipe)]
        for label, cmd, how in cases:
            first, total, lines = how(cmd)
            print(f"  {label:40}{first:12.2f}{total:8.2f}{lines:9,}", flush=True)


if __name__ == "__main__":
    main()

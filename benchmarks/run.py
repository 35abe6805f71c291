"""Speed, scale and memory of timeline, measured beside its peers in the same run.

    python benchmarks/run.py                 # full sizes (takes several minutes)
    python benchmarks/run.py --quick         # small sizes, for a smoke run

Prints one table. Extraction is measured on TBAQ (../shared/corpora/tbaq, skipped when absent) and
on a generated corpus of news-like sentences, for timeline, dateparser.search_dates and, when
`node` and npm are present, chrono-node installed into a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
TBAQ = ROOT.parent / "shared" / "corpora" / "tbaq"

from memory import OWN_PEAK  # noqa: E402

SUBJECTS = ["The union", "The ministry", "Parliament", "The central bank", "Rebel commanders", "The company",
            "Negotiators", "The court", "City officials", "The regulator", "Investors", "The coalition"]
VERBS_PAST = ["said", "announced", "confirmed", "warned", "reported", "agreed", "voted", "decided"]
WHEN_PAST = ["on Monday", "last week", "on March 3", "two days ago", "yesterday", "in 2019", "earlier this month",
             "on Feb. 12, 2020", "last year", "in the third quarter", "a year ago", "on Wednesday"]
WHEN_FUTURE = ["by Friday", "until the end of February", "within 48 hours", "next month", "on June 1",
               "before the end of the year", "next Tuesday", "in two weeks", "no later than March 15"]
ACTIONS = ["to withdraw its forces", "to publish the findings", "to pay the arrears", "to resume talks",
           "to sign the agreement", "to cut water use", "to reopen the border", "to submit bids"]
# Sentences with no date in them, with the numbers, names and amounts news is full of.
FILLER = ["{s} declined to comment on the {n} documents.", "Prices rose {p} percent, to ${m} a share.",
          "About {n} people attended the meeting in Room {r}.", "Analysts expect a close vote among the {k} members.",
          "The talks involve {k} member states and {n} delegates.", "{s} may review the proposal, a spokesman said.",
          "The index fell {p} points, or {p}%, to {m}.", "Flight {r} was diverted with {k} passengers aboard.",
          "{s} has asked for a further ${m} million in aid.", "The {k}-member panel includes judges and economists.",
          "Shares of the company closed at ${m}, up {p} cents.", "The report runs to {n} pages and {k} appendices.",
          "Critics say the plan would cost {n} jobs in the region.", "{s} and its partners hold {p}% of the market.",
          "The vote was {k}-{p}, with two abstentions.", "Demonstrators gathered outside the building on {r} Main Street.",
          "The figures exclude {n} households in remote areas.", "{s} says the measure will protect consumers."]
# Calibrated to news: TBAQ has about 2.1 time expressions per 100 words, and so, measured, do
# these shares of dated sentences.
TWO_DATES, ONE_DATE = 0.055, 0.085


def sentences(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rnd.random()
        s, v = rnd.choice(SUBJECTS), rnd.choice(VERBS_PAST)
        if kind < TWO_DATES:
            out.append(f"{s} {v} {rnd.choice(WHEN_PAST)} that it would act {rnd.choice(WHEN_FUTURE)}.")
        elif kind < TWO_DATES + ONE_DATE:
            out.append(f"{s} has been told {rnd.choice(ACTIONS)} {rnd.choice(WHEN_FUTURE)}, officials {v}.")
        else:
            out.append(rnd.choice(FILLER).format(s=s, n=rnd.randrange(20, 5000), p=rnd.randrange(1, 99),
                                                 m=rnd.randrange(2, 900), r=rnd.randrange(100, 2999),
                                                 k=rnd.randrange(3, 40)))
    return out


def articles(n: int, per_article: int = 30, seed: int = 11):
    rnd = random.Random(seed)
    start = datetime(2020, 1, 1)
    pool = sentences(5000, seed)
    for i in range(n):
        published = start + timedelta(hours=7 * i)
        body = " ".join(rnd.choice(pool) for _ in range(per_article))
        yield f"Story {i}\n{published:%B %d, %Y} \u2014 {body}\n", published


def words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def time_timeline(texts, dcts, rounds: int = 3) -> tuple[float, float]:
    """Seconds for the first pass (as a cron run sees it) and the best of the next `rounds`."""
    from timeline.engine import tag

    times = []
    for _ in range(rounds + 1):
        started = time.perf_counter()
        for t, d in zip(texts, dcts):
            tag(t, d)
        times.append(time.perf_counter() - started)
    return times[0], min(times[1:])


def time_dateparser(texts, dcts) -> float:
    from dateparser.search import search_dates

    started = time.perf_counter()
    for t, d in zip(texts, dcts):
        search_dates(t, languages=["en"], settings={"RELATIVE_BASE": d})
    return time.perf_counter() - started


CHRONO_SCRIPT = """
const chrono = require('chrono-node');
const fs = require('fs');
const docs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const times = [];
let n = 0;
for (let round = 0; round < 4; round++) {  // the first pass, then three more once the JIT is warm
  const t0 = process.hrtime.bigint();
  n = 0;
  for (const d of docs) { n += chrono.parse(d.text, new Date(d.dct)).length; }
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(JSON.stringify({first: times[0], best: Math.min(...times.slice(1)), found: n}));
"""


def chrono_setup() -> Path | str:
    """Install chrono-node into a temporary folder; a reason string when that cannot be done."""
    if not shutil.which("node") or not shutil.which("npm"):
        return "node/npm not found"
    folder = Path(tempfile.mkdtemp(prefix="chrono-"))
    done = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "chrono-node@2"], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        return f"npm install failed: {done.stderr.strip()[-200:]}"
    (folder / "bench.js").write_text(CHRONO_SCRIPT)
    return folder


def time_chrono(folder: Path, texts, dcts) -> tuple[float, float]:
    data = folder / "docs.json"
    data.write_text(json.dumps([{"text": t, "dct": d.isoformat()} for t, d in zip(texts, dcts)]))
    done = subprocess.run(["node", "bench.js", str(data)], cwd=folder, capture_output=True, text=True, timeout=900)
    out = json.loads(done.stdout)
    return out["first"], out["best"]


def write_articles(n: int, tmp: Path) -> Path:
    folder = tmp / "articles"
    folder.mkdir()
    for i, (text, _) in enumerate(articles(n)):
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest(folder: Path, n: int, tmp: Path, jobs: int) -> dict:
    """n generated articles through the full pipeline into a fresh store, in a child process that
    reports its own peak memory (VmHWM; with --jobs, the workers' memory is not counted)."""
    db = tmp / f"ingest-{jobs}.db"
    code = ("import sys, time\n"
            "from timeline.cli import main\n"
            f"sys.argv = ['timeline', 'add', {str(folder)!r}, '--db', {str(db)!r}, '--jobs', '{jobs}']\n"
            "t = time.perf_counter()\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(time.perf_counter() - t, {OWN_PEAK})\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=3600)
    seconds, peak = done.stdout.split()[-2:]
    return {"articles": n, "seconds": float(seconds), "per_second": n / float(seconds),
            "db_mb": db.stat().st_size / 1e6, "peak_rss_mb": float(peak)}


def fill_mentions(db: Path, n: int) -> None:
    """A store with n mentions (a tenth of them deadlines) over n/20 documents, written directly."""
    from timeline.store import Store

    Store(str(db)).close()
    conn = sqlite3.connect(db)
    rnd = random.Random(3)
    start = datetime(2015, 1, 1)
    docs = max(1, n // 20)
    words_pool = ["talks", "ceasefire", "budget", "strike", "vote", "border", "election", "tariffs", "bridge", "water"]
    with conn:
        conn.executemany("INSERT INTO documents (id, content_hash, title, source, path, published, published_from,"
                         " added_at, text) VALUES (?, ?, ?, 'bench', '', ?, 'flag', ?, '')",
                         ((i, f"h{i}", f"Story {i}", (start + timedelta(hours=i)).isoformat(), start.isoformat())
                          for i in range(1, docs + 1)))

        def rows():
            for i in range(1, n + 1):
                day = (start + timedelta(days=rnd.randrange(4000))).date().isoformat()
                deadline = i % 10 == 0
                sentence = (f"The {rnd.choice(words_pool)} deal on {rnd.choice(words_pool)} in case k{i % 5000}"
                            f" was set for {day}.")
                yield (i, 1 + i % docs, 0, 5, day, sentence, "DATE", day, None,
                       "deadline" if deadline else "event", day, day, day if deadline else None)
        conn.executemany("INSERT INTO mentions (id, document_id, start, end, text, sentence, type, value, mod, kind,"
                         " earliest, latest, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
        conn.execute("INSERT INTO deadlines (id, subject, due, first_due, first_seen) SELECT id, sentence, due, due,"
                     " '2015-01-01' FROM mentions WHERE kind = 'deadline'")
        conn.execute("INSERT INTO deadline_sources (deadline_id, mention_id, due, change) SELECT id, id, due, 'set'"
                     " FROM mentions WHERE kind = 'deadline'")
    conn.close()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def queries(db: Path, repeats: int) -> dict:
    """The CLI's own queries, called in-process so that start-up is not counted."""
    from datetime import date

    from timeline.store import Store
    from timeline.store.queries import TimelineFilter, deadline_rows, timeline_rows

    store = Store(str(db), readonly=True)
    out = {}
    rnd = random.Random(5)

    def timed(fn):
        samples = []
        for _ in range(repeats):
            t = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t)
        return percentiles(samples)

    out["deadlines --within 30d"] = timed(lambda: deadline_rows(
        store, date(2020, 1, 1) + timedelta(days=rnd.randrange(3000)), 30, False))

    def show_window():
        first = date(2016, 1, 1) + timedelta(days=rnd.randrange(2500))
        timeline_rows(store, TimelineFilter(first=first.isoformat(), last=(first + timedelta(days=7)).isoformat()))
    out["show --from --to (one week)"] = timed(show_window)
    out["show --grep COMMON --limit 200"] = timed(lambda: timeline_rows(
        store, TimelineFilter(grep=rnd.choice(["ceasefire", "bridge", "tariffs"]), limit=200)))
    out["show --grep RARE --limit 200"] = timed(lambda: timeline_rows(
        store, TimelineFilter(grep=f"k{rnd.randrange(5000)}", limit=200)))
    return out


CHRONO_WHOLE = """
const chrono = require('chrono-node');
const fs = require('fs');
const path = require('path');
const [dir, out] = process.argv.slice(2);
fs.mkdirSync(out, {recursive: true});
for (const name of fs.readdirSync(dir).filter(n => /\\.(tml|TE3input)$/.test(n)).sort()) {
  const raw = fs.readFileSync(path.join(dir, name), 'utf8');
  const dct = (raw.match(/<DCT>[\\s\\S]*?value="([^"]+)"/) || [])[1];
  const text = ((raw.match(/<TEXT>([\\s\\S]*?)<\\/TEXT>/) || [])[1] || '').replace(/<[^>]+>/g, '');
  const found = chrono.parse(text, new Date(dct));
  fs.writeFileSync(path.join(out, name + '.json'),
                   JSON.stringify(found.map(r => ({index: r.index, text: r.text, start: r.start.date()}))));
}
"""


def installed_env() -> dict:
    """The environment as an installed command sees it: Python may keep its modules' bytecode
    (some shells set PYTHONDONTWRITEBYTECODE, which makes every run compile every module)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def whole_process(chrono: Path | str, repeats: int = 3) -> dict:
    """TBAQ's files tagged by one process, start to end, as a person runs it: `timeline tag DIR
    --out OUT` beside node reading the same files, running chrono-node on each text and writing
    one JSON file per document (chrono-node writes no TimeML). Median of `repeats` runs each."""
    exe = shutil.which("timeline")
    cmd = [exe] if exe else [sys.executable, "-m", "timeline"]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"timeline tag": cmd + ["tag", str(TBAQ), "--out"]}
        if isinstance(chrono, Path):
            (chrono / "whole.js").write_text(CHRONO_WHOLE)
            runs["chrono-node (node)"] = ["node", str(chrono / "whole.js"), str(TBAQ)]
        for label, args in runs.items():
            samples = []
            for i in range(repeats):  # each run writes into a folder of its own, as a first run does
                t = time.perf_counter()
                subprocess.run(args + [f"{tmp}/{label[:2]}{i}"], capture_output=True, timeout=600,
                               cwd=chrono if "node" in args[0] else ROOT, env=installed_env())
                samples.append(time.perf_counter() - t)
            out[label] = statistics.median(samples)
    return out


def one_line_startup(chrono: Path | str, repeats: int = 7) -> dict:
    """A one-line text, read by a fresh process: `timeline extract` against node with chrono-node."""
    exe = shutil.which("timeline")
    cmd = [exe] if exe else [sys.executable, "-m", "timeline"]
    line = "The union must reply by Friday, the ministry said on Monday."
    args = cmd + ["extract", "-", "--published", "2026-03-02"]
    # As an installed command runs: its modules' bytecode and its patterns' programs are on disk
    # after the first run (one warm-up below); "no regex cache" parses every pattern again.
    runs = {"timeline extract (one line)": (args, line),
            "timeline extract, no regex cache": (["env", "TIMELINE_REGEX_CACHE=0"] + args, line)}
    if isinstance(chrono, Path):
        runs["chrono-node (one line)"] = (["node", "-e", "const c = require('chrono-node'); "
                                           f"console.log(JSON.stringify(c.parse({line!r}, new Date('2026-03-02'))))"], "")
    out = {}
    for label, (args, stdin) in runs.items():
        samples = []
        for _ in range(repeats + 1):
            t = time.perf_counter()
            subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60,
                           cwd=chrono if args[0] == "node" else ROOT, env=installed_env())
            samples.append(time.perf_counter() - t)
        out[label] = statistics.median(samples[1:])
    return out


def startup(db: Path) -> dict:
    exe = shutil.which("timeline") or ""
    cmd = [exe] if exe else [sys.executable, "-m", "timeline"]
    out = {}
    for label, args in (("timeline --help", ["--help"]), ("timeline deadlines (empty store)", ["deadlines", "--db", str(db)])):
        samples = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run(cmd + args, capture_output=True, timeout=60, env=installed_env())
            samples.append(time.perf_counter() - t)
        out[label] = min(samples)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    ap.add_argument("--sentences", type=int, help="generated sentences (default 100000; quick 5000)")
    ap.add_argument("--articles", type=int, help="generated articles to ingest (default 10000; quick 300)")
    ap.add_argument("--mentions", type=int, help="stored mentions for query timing (default 1000000; quick 50000)")
    ap.add_argument("--no-chrono", action="store_true", help="do not install and run chrono-node")
    a = ap.parse_args()
    n_sent = a.sentences or (5000 if a.quick else 100_000)
    n_art = a.articles or (300 if a.quick else 10_000)
    n_ment = a.mentions or (50_000 if a.quick else 1_000_000)
    lines = _Printer()
    lines.append(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {datetime.now():%Y-%m-%d}")

    chrono = "disabled (--no-chrono)" if a.no_chrono else chrono_setup()
    corpora = []
    if TBAQ.is_dir():
        from timeline.timeml import dct_datetime, read_timeml, timeml_files

        docs = [read_timeml(p) for p in timeml_files(TBAQ)]
        corpora.append(("TBAQ", [d.text for d in docs], [dct_datetime(d.dct) for d in docs]))
    else:
        lines.append("TBAQ: skipped (../shared/corpora/tbaq not found)")
    gen = sentences(n_sent)
    chunk = 50  # 50 sentences a document
    gen_docs = [" ".join(gen[i:i + chunk]) for i in range(0, len(gen), chunk)]
    corpora.append((f"generated ({n_sent:,} sentences)", gen_docs, [datetime(2020, 2, 13)] * len(gen_docs)))

    lines.append("")
    lines.append("extraction, words/s: first pass (a cold start, as cron runs it) | best of three more (warm)")
    lines.append(f"{'corpus':34}{'words':>10}{'timeline':>20}{'dateparser':>12}{'chrono-node':>22}{'tl/dp':>8}{'tl/chrono':>14}")
    for name, texts, dcts in corpora:
        w = words(texts)
        tl_first, tl_best = (w / s for s in time_timeline(texts, dcts))
        # dateparser is slow: measured on a sample of at most 20,000 words, rate extrapolated.
        sample, total = [], 0
        for t in texts:
            if total > 20_000:
                break
            sample.append(t)
            total += len(t.split())
        dp = words(sample) / time_dateparser(sample, dcts[:len(sample)])
        ch_first, ch_best = ((w / s for s in time_chrono(chrono, texts, dcts)) if isinstance(chrono, Path)
                             else (None, None))
        chrono_cell = f"{ch_first:,.0f} | {ch_best:,.0f}" if ch_first else "n/a"
        ratio = f"{tl_first / ch_first:.2f} | {tl_best / ch_best:.2f}" if ch_first else "n/a"
        lines.append(f"{name:34}{w:>10,}{f'{tl_first:,.0f} | {tl_best:,.0f}':>20}{dp:>12,.0f}{chrono_cell:>22}"
                     f"{tl_first / dp:>7.1f}x{ratio:>14}")
    if TBAQ.is_dir():
        whole = whole_process(chrono)
        lines.append("")
        lines.append("whole process, TBAQ's 256 files (median of 3 runs)")
        for label, seconds in whole.items():
            lines.append(f"  {label:34}{seconds:>8.2f} s")
        if len(whole) == 2:
            tl, ch = whole.values()
            lines.append(f"  {'timeline / chrono-node speed':34}{ch / tl:>8.2f}")
    lines.append("")
    for label, seconds in one_line_startup(chrono).items():
        lines.append(f"start-up: {label:34}{seconds:.3f} s")
    if isinstance(chrono, Path):
        shutil.rmtree(chrono, ignore_errors=True)  # the temporary node_modules
    else:
        lines.append(f"chrono-node: not measured ({chrono})")

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        folder = write_articles(n_art, tmp)
        lines.append("")
        for jobs in (1, 2):
            ing = ingest(folder, n_art, tmp, jobs)
            lines.append(f"ingest --jobs {jobs}: {ing['articles']:,} articles in {ing['seconds']:.1f} s = "
                         f"{ing['per_second']:,.0f} articles/s, database {ing['db_mb']:.1f} MB, "
                         f"peak memory {ing['peak_rss_mb']:.0f} MB")
        db = tmp / "queries.db"
        fill_mentions(db, n_ment)
        lines.append("")
        lines.append(f"queries at {n_ment:,} mentions{'':8}{'p50 ms':>10}{'p95 ms':>10}")
        for label, (p50, p95) in queries(db, 40).items():
            lines.append(f"  {label:40}{p50:>10.2f}{p95:>10.2f}")
        empty = tmp / "empty.db"
        from timeline.store import Store

        Store(str(empty)).close()
        lines.append("")
        for label, seconds in startup(empty).items():
            lines.append(f"start-up: {label:34}{seconds:.3f} s")


class _Printer(list):
    """Lines of the table, printed as soon as each is measured (a full run takes minutes)."""

    def append(self, line: str) -> None:
        super().append(line)
        print(line, flush=True)


if __name__ == "__main__":
    main()

"""Archives on a cluster: the partition function, `timeline batch` on a real Dask LocalCluster of
two worker processes (one of them killed mid-run), and `add --from-batch` building the store that
`add` builds. Needs the dask extra; skipped without it."""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from timeline.batch.cluster import run_batch  # noqa: E402
from timeline.batch.partition import ARTICLES, ERRORS, MENTIONS, RESULTS, extract_partition, read_partition  # noqa: E402

from .conftest import EXAMPLES, ROOT  # noqa: E402
from .test_cli import run  # noqa: E402

SAYS = ["The union said members must return to work by {day}.", "Talks resume on {day}, the ministry said.",
        "The court gave the company until {day} to answer.", "Inspectors visited the site on {weekday}.",
        "The tender closes at the end of {month}.", "Rebels were given 48 hours to leave the town.",
        "Officials expect a decision next month.", "The council voted on {weekday} to extend the ban.",
        "Shares fell 4 percent to 212 pence.", "About 3,400 people live in the valley."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated(n: int, seed: int = 3) -> list[tuple[str, str]]:
    """n short articles (key, text) with a dateline and a handful of dated sentences each."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        month = rnd.randrange(12)
        lines = [f"Story {i}", f"{MONTHS[month]} {rnd.randrange(1, 28)}, 2025 \u2014 "]
        for _ in range(6):
            lines[-1] += rnd.choice(SAYS).format(day=f"{MONTHS[(month + rnd.randrange(2)) % 12]} {rnd.randrange(1, 29)}",
                                                 weekday=rnd.choice(WEEKDAYS), month=MONTHS[(month + 1) % 12]) + " "
        out.append((f"{i:05d}", "\n".join(lines).strip() + "\n"))
    return out


def articles_of(n: int) -> list[tuple[str, str]]:
    shipped = [(f"x-{p.stem}", p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.iterdir())]
    return shipped + generated(n - len(shipped))


def write_jsonl(path: Path, articles, extra=()) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for key, text in list(articles) + list(extra):
            f.write(json.dumps({"id": key, "text": text}) + "\n")
    return path


def expected_mentions(tmp: Path, articles) -> Counter:
    """What `extract` gives for each article read as a file, one by one."""
    from timeline.ingest import read_document
    from timeline.pipeline import extract

    folder = tmp / "one-by-one"
    folder.mkdir()
    found = Counter()
    for key, text in articles:
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
        for m in extract(read_document(str(folder / f"{key}.txt"))).mentions:
            found[(key, m.start, m.end, m.text, m.value, m.kind, m.earliest, m.latest, m.due, m.subject, m.setter)] += 1
    return found


def batch_mentions(out: Path) -> Counter:
    frame = pd.read_parquet(out / "mentions")
    found = Counter()
    for r in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        found[(r["key"], r["start"], r["end"], r["text"], r["value"], r["kind"], r["earliest"], r["latest"], r["due"],
               r["subject"], r["setter"])] += 1
    return found


@pytest.fixture(scope="module")
def cluster():
    import logging

    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                      silence_logs=logging.CRITICAL) as local, Client(local) as client:
        yield local, client


# -- the partition function -------------------------------------------------------------------------

def test_every_frame_keeps_its_schema_empty_failed_or_full():
    import pyarrow as pa

    def schema_of(frame, schema):
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False).schema

    empty = read_partition(pd.DataFrame({"id": pd.Series([], dtype=object), "text": pd.Series([], dtype=object)}))
    failed = read_partition(pd.DataFrame({"id": ["a", "b"], "text": ["No date anywhere here.", None]}))
    key, text = generated(1)[0]
    full = read_partition(pd.DataFrame({"id": [key], "text": [text]}))
    for part in (empty, failed, full):
        assert list(part.articles.columns) == ARTICLES.names and list(part.mentions.columns) == MENTIONS.names
        assert list(part.errors.columns) == ERRORS.names
        assert schema_of(part.mentions, MENTIONS) == MENTIONS and schema_of(part.articles, ARTICLES) == ARTICLES
    assert len(empty.mentions) == len(failed.mentions) == 0 and len(full.mentions) > 3
    assert [e["key"] for e in failed.errors.to_dict("records")] == ["a", "b"]
    assert "no publication date" in failed.errors["error"][0] and "no article text" in failed.errors["error"][1]
    assert list(extract_partition(pd.DataFrame({"id": ["a"], "text": ["No date."]})).columns) == RESULTS.names


def test_a_partition_with_bad_articles_gives_error_rows_and_the_rest():
    good = generated(3)
    frame = pd.DataFrame({"id": [k for k, _ in good] + ["undated", "blank", "bad-date"],
                          "text": [t for _, t in good] + ["Talks resume on Friday.", "   ", "Talks resume on Friday."],
                          "published": [None, None, None, None, None, "the day after never"]})
    out = extract_partition(frame)
    failed = out[out["error"].notna()]
    assert sorted(failed["key"]) == ["bad-date", "blank", "undated"]
    assert failed[["start", "value", "kind"]].isna().all().all()
    read = out[out["error"].isna()]
    assert set(read["key"]) == {k for k, _ in good}


def test_published_title_and_mode_columns_are_used():
    published = pd.Timestamp("2020-02-13 10:44", tz="Europe/Istanbul")
    frame = pd.DataFrame({"url": ["https://news.example/idlib", "https://news.example/history"],
                          "text": ["Troops pulled back on Wednesday and must leave the area by the end of February.",
                                   "On March 3, 1918, the treaty was signed. Two days later the army withdrew."],
                          "published": [published, None], "title": ["Idlib", None], "mode": ["news", "auto"]})
    part = read_partition(frame, source="wire")
    first, second = part.articles.to_dict("records")
    assert first["key"] == "https://news.example/idlib" and first["title"] == "Idlib" and first["utc_offset"] == 180
    assert first["source"] == "wire" and first["url"] == "https://news.example/idlib"
    assert second["published_from"] == "undated" and str(second["published"].date()) == "1918-03-03"
    values = dict(zip(part.mentions["text"], part.mentions["earliest"]))
    assert values["Wednesday"] == "2020-02-12"
    deadline = part.mentions[part.mentions["text"] == "the end of February"].iloc[0]
    assert deadline["kind"] == "deadline" and deadline["due"] == "2020-02-29"
    assert part.mentions[part.mentions["text"] == "Two days later"]["value"].tolist() == ["1918-03-05"]


# -- Dask ---------------------------------------------------------------------------------------

def test_batch_on_two_workers_gives_exactly_what_extract_gives(tmp_path, cluster):
    local, _ = cluster
    articles = articles_of(300)
    source = write_jsonl(tmp_path / "articles.jsonl", articles)
    summary = run_batch([str(source)], str(tmp_path / "out"), scheduler=local.scheduler_address,
                        blocksize=10_000)
    assert summary.partitions > 4 and summary.articles == 300 and summary.errors == 0
    assert batch_mentions(tmp_path / "out") == expected_mentions(tmp_path, articles)
    manifest = json.loads((tmp_path / "out" / "batch.json").read_text())
    assert manifest["articles"] == 300 and len(manifest["parts"]) == summary.partitions


def test_a_worker_killed_mid_run_still_gives_the_whole_result_once(tmp_path, cluster):
    local, client = cluster
    articles = articles_of(1000)
    source = write_jsonl(tmp_path / "articles.jsonl", articles)
    out = tmp_path / "out"
    before = set(client.run(os.getpid).values())
    killed = []

    def kill_one_worker_once_parts_are_written():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if len(list((out / "mentions").glob("part-*.parquet"))) >= 3:
                pid = sorted(before)[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_one_worker_once_parts_are_written)
    killer.start()
    # `batch` in a process of its own, as a user runs it against a scheduler: a second Client in the
    # process that holds the fixture's one can trip over the other's event loop in distributed.
    done = run("batch", str(source), "--out", str(out), "--scheduler", local.scheduler_address, "--partition-size", "8KB")
    killer.join()
    assert done.returncode == 0, done.stderr
    assert killed, "the run ended before a worker could be killed"
    summary = json.loads((out / "batch.json").read_text())
    assert len(list((out / "mentions").glob("part-*.parquet"))) == summary["partitions"] == len(summary["parts"])
    assert summary["articles"] == 1000
    assert batch_mentions(out) == expected_mentions(tmp_path, articles)
    assert not list(out.rglob("*.tmp"))
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != before  # the killed worker was replaced


def test_add_from_batch_builds_the_store_add_builds_and_twice_adds_nothing(tmp_path):
    articles = sorted(articles_of(120))  # in the order `add` lists the folder
    bad = ("zz-undated", "Nothing in this text says when it was written.\n")
    folder = tmp_path / "wire"
    folder.mkdir()
    for key, text in articles + [bad]:
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    by_add, by_batch = str(tmp_path / "add.db"), str(tmp_path / "batch.db")
    added = run("add", str(folder), db=by_add)
    assert added.returncode == 2 and "zz-undated" in added.stderr  # the unreadable one is skipped, as in batch

    source = write_jsonl(tmp_path / "wire.jsonl", articles, [bad])
    out = tmp_path / "out"
    done = run("batch", str(source), "--out", str(out), "--source", "wire", "--partition-size", "30KB")
    assert done.returncode == 1, done.stderr  # one article could not be read; the rest are written
    assert "read 120 articles" in done.stderr and "1 could not be read" in done.stderr
    assert pd.read_parquet(out / "errors")["key"].tolist() == ["zz-undated"]
    loaded = run("add", "--from-batch", str(out), db=by_batch)
    assert loaded.returncode == 0 and "added 120 articles" in loaded.stderr, loaded.stderr
    again = run("add", "--from-batch", str(out), db=by_batch)
    assert again.returncode == 0 and "added 0 articles" in again.stderr and "120 already stored" in again.stderr

    # Every table alike, but what says where and when each was stored (a file path, the clock).
    own = {("documents", "path"), ("documents", "added_at"), ("deadline_ids", "made_at")}
    a, b = sqlite3.connect(by_add), sqlite3.connect(by_batch)
    tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
    assert "deadlines" in tables and "mentions" in tables
    for table in tables:
        columns = [r[1] for r in a.execute(f"PRAGMA table_info({table})") if (table, r[1]) not in own]
        query = f"SELECT {', '.join(map(repr, columns))} FROM {table} ORDER BY 1".replace("'", '"')
        assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    assert a.execute("SELECT count(*) FROM deadlines").fetchone()[0] > 20


def test_batch_errors_say_what_to_do(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", generated(3))
    missing = run("batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "keys.jsonl").write_text('{"text": "Talks end on Friday."}\n')
    no_key = run("batch", str(tmp_path / "keys.jsonl"), "--out", str(tmp_path / "o"))
    assert no_key.returncode == 2 and "id or url column" in no_key.stderr
    unfinished = tmp_path / "half"
    (unfinished / "mentions").mkdir(parents=True)
    refused = run("add", "--from-batch", str(unfinished), db=str(tmp_path / "t.db"))
    assert refused.returncode == 2 and "not a finished batch" in refused.stderr
    assert not (tmp_path / "t.db").exists()
    both = run("add", str(source), "--from-batch", str(unfinished), db=str(tmp_path / "t.db"))
    assert both.returncode == 2 and "alone" in both.stderr
    held = run("batch", str(source), "--out", str(unfinished))
    assert held.returncode == 2 and "--overwrite" in held.stderr
    replaced = run("batch", str(source), "--out", str(unfinished), "--overwrite", "--workers", "1")
    assert replaced.returncode == 0 and (unfinished / "batch.json").exists(), replaced.stderr


def test_parquet_input_with_timestamps(tmp_path, cluster):
    local, _ = cluster
    articles = generated(40)
    frame = pd.DataFrame({"id": [k for k, _ in articles], "text": [t.split("\u2014 ", 1)[1] for _, t in articles],
                          "published": pd.to_datetime(["2025-06-0%d 09:30" % (1 + i % 9) for i in range(40)], utc=True),
                          "title": [t.split("\n")[0] for _, t in articles]})
    frame.to_parquet(tmp_path / "a.parquet", row_group_size=10)
    summary = run_batch([str(tmp_path / "a.parquet")], str(tmp_path / "out"), scheduler=local.scheduler_address)
    assert summary.articles == 40 and summary.errors == 0
    read = pd.read_parquet(tmp_path / "out" / "articles")
    assert set(read["published_from"]) == {"flag"} and read["title"].tolist()[:2] == ["Story 0", "Story 1"]


# -- the same function on Spark and Ray Data (examples/cluster), where they are installed -------------

@pytest.mark.parametrize("engine,module", [("spark_extract.py", "pyspark"), ("ray_extract.py", "ray")])
def test_the_partition_function_on_spark_and_ray(tmp_path, engine, module):
    pytest.importorskip(module)
    if module == "pyspark" and not shutil.which("java"):
        pytest.skip("Spark needs a Java runtime")
    articles = articles_of(40)
    source = write_jsonl(tmp_path / "a.jsonl", articles, [("undated", "No date here.\n")])
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "cluster" / engine), str(source), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    frame = pd.read_parquet(tmp_path / "out")
    assert frame[frame["error"].notna()]["key"].tolist() == ["undated"]
    mentions = frame[frame["error"].isna()]
    found = Counter((r["key"], r["start"], r["end"], r["text"], r["value"], r["kind"], r["earliest"], r["latest"], r["due"],
                     r["subject"], r["setter"]) for r in mentions.astype(object).where(mentions.notna(), None).to_dict("records"))
    assert found == expected_mentions(tmp_path, articles)

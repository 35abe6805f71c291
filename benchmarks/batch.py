"""`timeline batch` on Dask beside `timeline add`, on the same generated articles, and the memory
of a batch worker as the input grows.

    python benchmarks/batch.py                        # 10,000 and 100,000 articles (about 15 minutes)
    python benchmarks/batch.py --sizes 2000 20000     # smaller
    python benchmarks/batch.py --add-up-to 10000      # time add only on sizes up to this

The articles are those of benchmarks/run.py (about 300 words, 2 dates per 100 words), as one JSON
Lines file for `batch` and as one .txt file each for `add`. For each size: `batch` on a
LocalCluster of 1 and of 2 worker processes (the peak memory of each worker, read from the worker
itself after the run), then `add --from-batch` of the result into an empty store; and `add --jobs
1` and `--jobs 2` from the files into an empty store (peak memory of add's own process). A worker's
peak that stays level from the smaller input to the larger is memory that does not grow with the
archive.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from memory import OWN_PEAK, peak_mb  # noqa: E402
from run import articles  # noqa: E402

ADD = """
import sys, time
from timeline.cli import main
sys.argv = ['timeline', 'add'] + ARGS
t = time.perf_counter()
try:
    main()
except SystemExit:
    pass
print(time.perf_counter() - t, OWN_PEAK)
""".replace("OWN_PEAK", OWN_PEAK)


def write_inputs(n: int, folder: Path, files: bool) -> Path:
    source = folder / "articles.jsonl"
    if files:
        (folder / "files").mkdir()
    with open(source, "w", encoding="utf-8") as out:
        for i, (text, _) in enumerate(articles(n)):
            out.write(json.dumps({"id": f"{i:07d}", "text": text}) + "\n")
            if files:
                (folder / "files" / f"{i:07d}.txt").write_text(text, encoding="utf-8")
    return source


def add(args: list[str]) -> tuple[float, float]:
    code = ADD.replace("ARGS", repr(args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=7200)
    seconds, peak = done.stdout.split()[-2:]
    return float(seconds), float(peak)


def batch(source: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds for the batch, and the highest peak memory (MB) of its workers."""
    from dask.distributed import Client, LocalCluster

    from timeline.batch.cluster import run_batch

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        start = time.perf_counter()
        run_batch([str(source)], str(out), scheduler=cluster.scheduler_address)
        took = time.perf_counter() - start
        peaks = client.run(peak_mb)
    return took, max(peaks.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--add-up-to", type=int, default=10_000, help="time add on sizes up to this (it needs a file each)")
    opts = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
    print(f"{'articles':>9}  {'how':<34} {'seconds':>8} {'articles/s':>11} {'peak MB':>8}")
    for n in opts.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            source = write_inputs(n, tmp, files=n <= opts.add_up_to)
            for workers in (1, 2):
                out = tmp / f"batch-{workers}"
                took, peak = batch(source, out, workers)
                print(f"{n:>9,}  {f'batch, {workers} worker' + ('s' if workers > 1 else '') + ' (worker peak)':<34} "
                      f"{took:>8.1f} {n / took:>11.0f} {peak:>8.0f}", flush=True)
            took, peak = add(["--from-batch", str(tmp / "batch-2"), "--db", str(tmp / "from-batch.db")])
            print(f"{n:>9,}  {'add --from-batch (of the batch)':<34} {took:>8.1f} {n / took:>11.0f} {peak:>8.0f}", flush=True)
            if n <= opts.add_up_to:
                for jobs in (1, 2):
                    took, peak = add([str(tmp / "files"), "--jobs", str(jobs), "--db", str(tmp / f"add-{jobs}.db")])
                    print(f"{n:>9,}  {f'add --jobs {jobs} (extract and store)':<34} {took:>8.1f} {n / took:>11.0f} "
                          f"{peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()

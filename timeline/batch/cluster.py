"""`timeline batch` on Dask: an archive's partitions read on a cluster, what was read written as
Parquet, one file per partition in each of three folders:

    OUT/articles/part-00000.parquet   one row per article read (schema partition.ARTICLES)
    OUT/mentions/part-00000.parquet   one row per mention (partition.MENTIONS)
    OUT/errors/part-00000.parquet     one row per article that could not be read (partition.ERRORS)
    OUT/batch.json                    written last: the batch is complete (inputs, counts)

Each partition is one task that reads its articles, extracts them and writes its three files
under names of its own (through a temporary name and a rename), so a task run again after a
worker died writes the same files again: the result is complete and holds nothing twice.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Callable, Optional

from ..errors import TimelineError

INPUT_COLUMNS = ["id", "url", "text", "published", "title", "mode"]
FOLDERS = ("articles", "mentions", "errors")
MANIFEST = "batch.json"
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")


@dataclass
class BatchSummary:
    inputs: list[str]
    partitions: int = 0
    articles: int = 0
    mentions: int = 0
    errors: int = 0
    mode: str = "news"
    source: str = ""
    finished: str = ""
    seconds: float = 0.0
    parts: list[dict] = field(default_factory=list)


def filesystem(url: str):
    """The fsspec filesystem and path for a local path or any URL fsspec knows (s3://, gs://, ...)."""
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as e:
        raise TimelineError(f"{url}: cannot open this kind of address ({e}); install the fsspec package for it")


# JSON Lines are cut into blocks of this many bytes: enough blocks for every worker to have a few
# (a slow one then holds back little), none so large that a worker's memory grows with the archive.
LARGEST_BLOCK = 4 * 2**20
SMALLEST_BLOCK = 64 * 2**10
BLOCKS_PER_WORKER = 4


def block_size(file_bytes: int, workers: int) -> int:
    return max(SMALLEST_BLOCK, min(LARGEST_BLOCK, file_bytes // (BLOCKS_PER_WORKER * max(1, workers))))


def input_partitions(inputs: list[str], blocksize: Optional[int], workers: int = 2) -> list:
    """One delayed pandas frame per partition of the inputs: Parquet files or folders, JSON Lines
    files (split into blocks of `blocksize` bytes where they are not compressed; by default
    sized for `workers`)."""
    import dask.dataframe as dd

    parts = []
    for path in inputs:
        fs, local = filesystem(path)
        try:
            if input_kind(path) == "json":
                # Values as written: "00017" stays a key, a date stays text for the reader to parse.
                frame = dd.read_json(path, lines=True, orient="records", dtype=False,
                                     blocksize=None if local.lower().endswith(".gz")
                                     else blocksize or block_size(fs.size(local), workers))
            else:
                frame = dd.read_parquet(path)
        except Exception as e:  # a file that is not what its name says
            raise TimelineError(f"{path}: cannot be read as articles ({type(e).__name__}: {e})")
        columns = [c for c in INPUT_COLUMNS if c in frame.columns]
        if "text" not in columns or not ({"id", "url"} & set(columns)):
            raise TimelineError(f"{path}: the articles need a text column and an id or url column; "
                                f"it has {', '.join(map(str, frame.columns)) or 'no columns'}")
        parts.extend(frame[columns].to_delayed())
    return parts


def input_kind(path: str) -> str:
    """"json" or "parquet", for an input that is there; else the reason it cannot be read."""
    fs, local = filesystem(path)
    if not fs.exists(local):
        raise TimelineError(f"{path}: no such file or folder; give Parquet or JSON Lines files of articles")
    name = local.lower()
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(".parquet") or fs.isdir(local):
        return "parquet"
    raise TimelineError(f"{path}: neither Parquet (.parquet, or a folder of them) nor JSON Lines (.jsonl); "
                        "convert the articles to one of the two")


def write_partition(articles, index: int, out: str, mode: str, source: str) -> dict:
    """Read one partition and write its three files; returns its counts. Runs on a worker."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .partition import ARTICLES, ERRORS, MENTIONS, read_partition

    result = read_partition(articles, mode, source)
    fs, root = filesystem(out)
    name = f"part-{index:05d}.parquet"
    for folder, frame, schema in (("articles", result.articles, ARTICLES), ("mentions", result.mentions, MENTIONS),
                                  ("errors", result.errors, ERRORS)):
        final = f"{root}/{folder}/{name}"
        temporary = f"{root}/{folder}/.{name}.{uuid.uuid4().hex}.tmp"
        pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False), temporary, filesystem=fs)
        fs.mv(temporary, final)
    return {"part": index, "articles": len(result.articles), "mentions": len(result.mentions),
            "errors": len(result.errors)}


def check_output(out: str, overwrite: bool) -> None:
    fs, root = filesystem(out)
    if fs.exists(root) and not fs.isdir(root):
        raise TimelineError(f"{out}: a file is in the way; --out names a folder for the batch")
    held = fs.exists(f"{root}/{MANIFEST}") or any(fs.exists(f"{root}/{folder}") for folder in FOLDERS)
    if held and not overwrite:
        raise TimelineError(f"{out}: already holds a batch; give a new folder, or --overwrite to replace it")


def prepare_output(out: str) -> None:
    fs, root = filesystem(out)
    for folder in FOLDERS:
        if fs.exists(f"{root}/{folder}"):
            fs.rm(f"{root}/{folder}", recursive=True)
        fs.makedirs(f"{root}/{folder}", exist_ok=True)
    if fs.exists(f"{root}/{MANIFEST}"):
        fs.rm(f"{root}/{MANIFEST}")


def run_batch(inputs: list[str], out: str, scheduler: Optional[str] = None, workers: int = 2, mode: str = "news",
              source: str = "", blocksize: Optional[int] = None, overwrite: bool = False,
              on_part: Optional[Callable[[int, int], None]] = None) -> BatchSummary:
    """Extract every article of `inputs` on a Dask cluster (a LocalCluster of `workers`
    processes, or the scheduler at `scheduler`) into the batch folder `out`."""
    import time

    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    started = time.perf_counter()
    for path in inputs:
        input_kind(path)
    check_output(out, overwrite)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            import logging

            # Workers on this machine listen on loopback only; what a task raises reaches us through
            # its future, so the cluster's own log (a worker's heartbeat cut at shutdown) is not shown.
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster)
    except OSError as e:
        raise TimelineError(f"cannot reach the Dask scheduler {scheduler or ''} ({e}); check the address, or leave "
                            "--scheduler out for a cluster on this machine")
    try:
        parts = input_partitions(inputs, blocksize, len(client.scheduler_info()["workers"]) or workers)
        prepare_output(out)
        summary = BatchSummary(inputs=list(inputs), partitions=len(parts), mode=mode, source=source)
        tasks = [dask.delayed(write_partition)(part, i, out, mode, source) for i, part in enumerate(parts)]
        futures = client.compute(tasks)
        for done, future in enumerate(as_completed(futures), 1):
            counts = future.result()
            summary.parts.append(counts)
            summary.articles += counts["articles"]
            summary.mentions += counts["mentions"]
            summary.errors += counts["errors"]
            if on_part:
                on_part(done, len(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.parts.sort(key=lambda p: p["part"])
    summary.seconds = round(time.perf_counter() - started, 3)
    summary.finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
    _finish_output(out, summary)
    return summary


def _finish_output(out: str, summary: BatchSummary) -> None:
    """Leftovers of tasks that died go; the manifest, written last, says the batch is whole."""
    fs, root = filesystem(out)
    for folder in FOLDERS:
        for leftover in fs.glob(f"{root}/{folder}/.*.tmp"):
            fs.rm(leftover)
    temporary = f"{root}/.{MANIFEST}.tmp"
    with fs.open(temporary, "w") as f:
        json.dump(asdict(summary), f, indent=1)
    fs.mv(temporary, f"{root}/{MANIFEST}")

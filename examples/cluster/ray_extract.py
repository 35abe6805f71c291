"""The partition function on Ray Data: articles (Parquet or JSON Lines with id or url, text and
optionally published, title, mode) in, one row per mention out, as Parquet.

    python examples/cluster/ray_extract.py articles.parquet mentions_out/

Rows whose `error` is set are the articles that could not be read, with the reason.
"""
import sys

import pyarrow as pa
import ray

from timeline.batch.partition import RESULTS, extract_partition


def extract_block(frame):
    """Each block returned as an Arrow table of the fixed schema: left to infer types from pandas,
    Ray would type a column that is empty in one block differently from the rest."""
    return pa.Table.from_pandas(extract_partition(frame), schema=RESULTS, preserve_index=False)


def main(source: str, out: str) -> None:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    reader = ray.data.read_json if source.endswith((".jsonl", ".json", ".jsonl.gz")) else ray.data.read_parquet
    mentions = reader(source).map_batches(extract_block, batch_format="pandas")
    mentions.write_parquet(out)
    ray.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:3])

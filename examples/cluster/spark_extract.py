"""The partition function on Spark: articles (Parquet or JSON Lines with id or url, text and
optionally published, title, mode) in, one row per mention out, as Parquet.

    spark-submit examples/cluster/spark_extract.py articles.parquet mentions_out/
    python examples/cluster/spark_extract.py articles.jsonl mentions_out/   # local[2]

Rows whose `error` is set are the articles that could not be read, with the reason.
"""
import sys

from pyspark.sql import SparkSession
from pyspark.sql.pandas.types import from_arrow_schema

from timeline.batch.partition import RESULTS, extract_partition


def for_spark(frame):
    """pandas 3 keeps text in Arrow-backed columns, which pyspark 4.x does not yet take back from
    mapInPandas; plain object columns it does."""
    return frame.astype({c: object for c in frame.columns if str(frame[c].dtype) in ("str", "string")})


def main(source: str, out: str) -> None:
    spark = (SparkSession.builder.master("local[2]").appName("timeline")
             .config("spark.ui.enabled", "false").getOrCreate())
    reader = spark.read.json if source.endswith((".jsonl", ".json", ".jsonl.gz")) else spark.read.parquet
    articles = reader(source)
    mentions = articles.mapInPandas(lambda frames: (for_spark(extract_partition(f)) for f in frames),
                                    schema=from_arrow_schema(RESULTS))
    mentions.write.mode("overwrite").parquet(out)
    spark.stop()


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""A finished batch read back, article by article, as the extractions `timeline add` would have
made: for `timeline add --from-batch`, which stores them without extracting again."""
from __future__ import annotations

import json
from typing import Iterator

from ..errors import TimelineError
from ..model import Extraction, Mention
from .cluster import MANIFEST, filesystem

MENTION_ARGS = ("text", "start", "end", "sentence", "type", "value", "mod", "kind", "earliest", "latest", "due",
                "subject", "setter", "cue")


def manifest(folder: str) -> dict:
    fs, root = filesystem(folder)
    if not fs.exists(f"{root}/{MANIFEST}"):
        raise TimelineError(f"{folder}: not a finished batch (no {MANIFEST}); run `timeline batch ... --out {folder}` "
                            "to the end first")
    try:
        with fs.open(f"{root}/{MANIFEST}") as f:
            return json.load(f)
    except ValueError as e:
        raise TimelineError(f"{folder}/{MANIFEST}: damaged ({e}); run the batch again")


def read_batch(folder: str) -> Iterator[Extraction]:
    """Every article of the batch with its mentions, in the order of the input; one partition is
    held in memory at a time."""
    import pyarrow.parquet as pq

    from .partition import ARTICLES, MENTIONS, document_of

    fs, root = filesystem(folder)
    for part in manifest(folder)["parts"]:
        name = f"part-{part['part']:05d}.parquet"
        try:
            articles = pq.read_table(f"{root}/articles/{name}", filesystem=fs, schema=ARTICLES).to_pylist()
            mentions = pq.read_table(f"{root}/mentions/{name}", filesystem=fs, schema=MENTIONS).to_pylist()
        except (OSError, ValueError) as e:
            raise TimelineError(f"{folder}: partition {part['part']} cannot be read ({e}); run the batch again")
        if len(articles) != part["articles"] or len(mentions) != part["mentions"]:
            raise TimelineError(f"{folder}: partition {part['part']} is not what the batch wrote; run the batch again")
        at = 0
        for article in articles:
            # an article's mentions are the next rows, as many as it counts
            own = mentions[at:at + article["mentions"]]
            at += article["mentions"]
            if any(m["key"] != article["key"] for m in own):
                raise TimelineError(f"{folder}: partition {part['part']} has mentions out of order; run the batch again")
            yield Extraction(document_of(article), [Mention(**{k: m[k] for k in MENTION_ARGS}) for m in own])

"""One partition of an archive: a pandas frame of articles in, frames of what was read out.

The engine is a pure function of (text, publication time), so an archive splits into partitions
that any dataframe engine can map in parallel. Every frame this module returns has a fixed Arrow
schema, the same for an empty partition, a partition of failures and a full one, so that the
Parquet written from thousands of partitions reads back as one table.

Input, one row per article:
    id or url   the article's key (an id is turned into text); one of the two is required
    text        the article as text, or as HTML (a page is recognised by its start)
    published   optional: a timestamp, or text such as "2020-02-13 10:44" or ISO 8601 with an
                offset; without it the date is read from the text as `timeline add` reads it
    title       optional: else the text's first line, or the page's title
    mode        optional: news, narrative or auto, for this row (else the partition's)
    url         optional: the article's address, kept with it
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

import pandas as pd
import pyarrow as pa

from ..errors import TimelineError
from ..model import Document, Extraction

MENTION_FIELDS = [
    ("key", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
    ("sentence", pa.string()), ("type", pa.string()), ("value", pa.string()), ("mod", pa.string()),
    ("kind", pa.string()), ("earliest", pa.string()), ("latest", pa.string()), ("due", pa.string()),
    ("subject", pa.string()), ("setter", pa.string()), ("cue", pa.string()),
    ("published", pa.timestamp("us", tz="UTC")), ("published_from", pa.string()),
]
# One row per mention, in the article's order.
MENTIONS = pa.schema(MENTION_FIELDS)
# One row per article read: what the store keeps of it (`timeline add --from-batch` needs nothing more).
ARTICLES = pa.schema([
    ("key", pa.string()), ("title", pa.string()), ("published", pa.timestamp("us", tz="UTC")),
    ("utc_offset", pa.int32()),  # minutes east of UTC the publication time was given in; null: unknown
    ("published_from", pa.string()), ("source", pa.string()), ("url", pa.string()), ("text", pa.string()),
    ("mentions", pa.int32()),
])
# One row per article that could not be read, with the reason, as `timeline add` would say it.
ERRORS = pa.schema([("key", pa.string()), ("error", pa.string())])
# The single frame of `extract_partition`: the mentions, and a row per failed article whose
# `error` is set and whose mention columns are null.
RESULTS = pa.schema(MENTION_FIELDS + [("error", pa.string())])

MODES = ("news", "narrative", "auto")


@dataclass
class PartitionResult:
    articles: pd.DataFrame
    mentions: pd.DataFrame
    errors: pd.DataFrame


def empty(schema: pa.Schema) -> pd.DataFrame:
    return schema.empty_table().to_pandas()


def typed(rows: list[dict], schema: pa.Schema) -> pd.DataFrame:
    """Rows as a frame whose columns have the schema's types, however many rows there are."""
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    return table.to_pandas()


def key_column(columns) -> str:
    """The column that names each article: `id`, else `url`."""
    for name in ("id", "url"):
        if name in columns:
            return name
    raise TimelineError("the articles have no id or url column; give each article a key in one of them")


def read_partition(articles: pd.DataFrame, mode: str = "news", source: str = "") -> PartitionResult:
    """Read and extract every article of the partition. An article that cannot be read is an error
    row, never a lost partition; `source` is stored as each article's outlet."""
    if mode not in MODES:
        raise TimelineError(f"mode {mode!r}: give news, narrative or auto")
    if "text" not in articles.columns:
        raise TimelineError("the articles have no text column; give each article's text in a column named text")
    keys = key_column(articles.columns)
    article_rows, mention_rows, error_rows = [], [], []
    for row in articles.to_dict("records"):
        key = _text(row.get(keys)) or ""
        try:
            extraction = read_article(row, key, mode, source)
        except TimelineError as e:
            error_rows.append({"key": key, "error": str(e)})
            continue
        except Exception as e:  # one article must not lose the partition
            error_rows.append({"key": key, "error": f"{key}: cannot be read ({type(e).__name__}: {e})"})
            continue
        doc = extraction.document
        offset = doc.zone.utcoffset(doc.published) if doc.zone is not None else None
        article_rows.append({"key": key, "title": doc.title, "published": doc.published,
                             "utc_offset": int(offset.total_seconds() // 60) if offset is not None else None,
                             "published_from": doc.published_from, "source": doc.source, "url": doc.url,
                             "text": doc.text, "mentions": len(extraction.mentions)})
        for m in extraction.mentions:
            mention_rows.append({"key": key, "start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence,
                                 "type": m.type, "value": m.value, "mod": m.mod, "kind": m.kind,
                                 "earliest": m.earliest, "latest": m.latest, "due": m.due, "subject": m.subject,
                                 "setter": m.setter, "cue": m.cue, "published": doc.published,
                                 "published_from": doc.published_from})
    return PartitionResult(typed(article_rows, ARTICLES), typed(mention_rows, MENTIONS), typed(error_rows, ERRORS))


def extract_partition(articles: pd.DataFrame, mode: str = "news", source: str = "") -> pd.DataFrame:
    """The partition's mentions and, for each article that could not be read, one row whose
    `error` says why (schema RESULTS): the one frame that Spark's `mapInPandas`, Ray Data's
    `map_batches` and Dask's `map_partitions` each expect back."""
    part = read_partition(articles, mode, source)
    mentions = pa.Table.from_pandas(part.mentions, schema=MENTIONS, preserve_index=False)
    mentions = mentions.append_column("error", pa.nulls(len(mentions), pa.string()))
    failed = pa.Table.from_pylist([{"key": r["key"], "error": r["error"]} for r in part.errors.to_dict("records")],
                                  schema=RESULTS)
    return pa.concat_tables([mentions, failed]).to_pandas()


def read_article(row: dict, key: str, mode: str, source: str) -> Extraction:
    """One input row through the pipeline, as `timeline add` reads a file."""
    from ..ingest.readers import read_text
    from ..pipeline import extract

    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise TimelineError(f"{key}: no article text; the text column is empty for this article")
    mode = _text(row.get("mode")) or mode
    if mode not in MODES:
        raise TimelineError(f"{key}: mode {mode!r}: give news, narrative or auto")
    document = read_text(text.replace("\r\n", "\n"), key, _published(row.get("published"), key), source=source,
                         undated=mode != "news", title=_text(row.get("title")), url=_text(row.get("url")) or "")
    return extract(document, narrative=mode == "narrative")


def _text(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return None
    return str(value)


def _published(value, key: str) -> Optional[datetime]:
    """A published cell: a timestamp (naive is UTC), text as --published reads it, or nothing."""
    from ..when import parse_datetime

    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value
    when = parse_datetime(str(value))
    if when is None:
        raise TimelineError(f"{key}: cannot read the published value {str(value)[:40]!r} as a date; use ISO 8601 "
                            "such as 2020-02-13T10:44:00+00:00")
    return when


def document_of(article: dict) -> Document:
    """An ARTICLES row back as the document it was read as (for the store)."""
    published = article["published"]
    if isinstance(published, pd.Timestamp):
        published = published.to_pydatetime()
    offset = article.get("utc_offset")
    zone = None if offset is None or offset != offset else timezone(timedelta(minutes=int(offset)))
    return Document(text=article["text"], title=article["title"] or "", published=published.astimezone(timezone.utc),
                    published_from=article["published_from"], source=article["source"] or "", path="",
                    zone=zone, url=article["url"] or "")

"""The Python interface, beside the command line: the same work, as functions.

    import timeline
    result = timeline.extract("The union must reply by Friday.", published="2026-03-02")
    store = timeline.open_store("news.db")
    timeline.add(store, "examples/articles")
    for row in timeline.list_deadlines(store, as_of="2026-03-02", within="30d"):
        print(row["tracked_due"], row["subject"])
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional, Union

from .model import Document, Extraction

When = Union[str, datetime]


def _when(value: Optional[When]) -> Optional[datetime]:
    from .when import parse_when

    if value is None or isinstance(value, datetime):
        return value
    return parse_when(value)


def extract(text: str, published: Optional[When] = None, title: str = "", mode: str = "news") -> Extraction:
    """The dated mentions of one text written at `published` (ISO 8601, a phrase, or a datetime):
    each with its kind, interval, due date, subject and setter. Nothing is stored. `mode` as on the
    command line: "news", "narrative" (dates read from the last date the text named) or "auto"
    (narrative for a text given no `published`, read from the first date it names)."""
    from .errors import TimelineError
    from .model import UNDATED
    from .pipeline import extract as run
    from .when import utc

    if mode not in ("news", "narrative", "auto"):
        raise TimelineError(f"mode {mode!r}: give news, narrative or auto")
    when = _when(published)
    if when is None:
        if mode == "news":
            raise TimelineError("no publication date; give published=..., or mode='auto' for an undated narrative")
        return run(Document(text, title, None, UNDATED))
    return run(Document(text, title, utc(when), "flag", zone=when.tzinfo), narrative=mode == "narrative")


def open_store(path: Optional[str] = None, readonly: bool = False):
    """The SQLite store at `path` (default: $TIMELINE_DB, else the per-user store), made if needed."""
    from .store import Store

    return Store(path, readonly=readonly)


def add(store, *paths: str, published: Optional[When] = None, source: Optional[str] = None) -> int:
    """Read files, folders or addresses, store their articles, follow their deadlines; returns how
    many articles were new. Unreadable ones raise TimelineError."""
    from .ingest import iter_paths, read_source
    from .pipeline import extract as run

    when, added = _when(published), 0
    with store.batch():
        for path in iter_paths(list(paths)):
            added += store.add(run(read_source(path, when, source))).added
    store.finish()
    return added


def list_deadlines(store, as_of: Optional[When] = None, within: Optional[str] = None, include_passed: bool = False,
              include_all: bool = False) -> list[dict]:
    """Tracked deadlines as `timeline deadlines --format json` lists them, soonest first."""
    from .store.queries import deadline_rows
    from .when import local_date, parse_span, today

    moment = local_date(_when(as_of)) if as_of is not None else today()
    days = parse_span(within).total_seconds() / 86400 if within else None
    return deadline_rows(store, moment, days, include_passed, include_all)

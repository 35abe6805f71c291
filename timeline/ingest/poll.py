"""Polling feeds: which feeds are due, their new items, each item's article, into the store.

Network work runs a few at once (threads; at most two requests to one host, see `web.fetch`);
the store is written by the calling thread only. A failing feed or item is reported and the
others still go in.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Optional

from ..errors import TimelineError
from .readers import max_bytes, read_page
from .web import FeedItem, FetchError, Page, fetch, parse_feed

WORKERS = 4


@dataclass
class PollSummary:
    feeds: int = 0
    items: int = 0
    added: int = 0
    already: int = 0
    failures: list[str] = field(default_factory=list)


def due_feeds(store, names: list[str], force: bool, now: datetime) -> list[dict]:
    feeds = store.rows("SELECT * FROM feeds ORDER BY name")
    if names:
        unknown = sorted(set(names) - {f["name"] for f in feeds})
        if unknown:
            raise TimelineError(f"no feed named {unknown[0]!r}; `timeline feeds list` shows them")
        feeds = [f for f in feeds if f["name"] in names]
    if force:
        return feeds
    return [f for f in feeds if not f["next_fetch"] or f["next_fetch"] <= now.isoformat(timespec="seconds")]


def poll(store, names: list[str], force: bool = False, on_item: Optional[Callable[[int, int], None]] = None,
         when: Optional[datetime] = None) -> PollSummary:
    """Poll the feeds due (or those named), add their new articles, and say how it went."""
    from ..pipeline import extract

    now = datetime.now(timezone.utc)
    summary = PollSummary()
    feeds = due_feeds(store, names, force, now)
    summary.feeds = len(feeds)
    limit = max_bytes()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        pages = list(pool.map(lambda f: _try(lambda: fetch(f["url"], limit, f["etag"], f["last_modified"])), feeds))
        work: list[tuple[str, FeedItem]] = []
        for feed, page in zip(feeds, pages):
            name, stamp = feed["name"], now.isoformat(timespec="seconds")
            next_fetch = (now + timedelta(seconds=feed["min_interval"])).isoformat(timespec="seconds")
            if isinstance(page, FetchError):
                if page.retry_after:
                    next_fetch = (now + timedelta(seconds=page.retry_after)).isoformat(timespec="seconds")
                summary.failures.append(f"feed {name}: {page}")
                store.update_feed(name, last_fetched=stamp, next_fetch=next_fetch, last_error=str(page))
                continue
            if page.not_modified:
                store.update_feed(name, last_fetched=stamp, next_fetch=next_fetch, last_error=None)
                continue
            try:
                items = parse_feed(page)
            except FetchError as e:
                summary.failures.append(f"feed {name}: {e}")
                store.update_feed(name, last_fetched=stamp, next_fetch=next_fetch, last_error=str(e))
                continue
            store.update_feed(name, etag=page.etag, last_modified=page.last_modified, last_fetched=stamp,
                              next_fetch=next_fetch, last_error=None, items_seen=len(items))
            for item in items:
                known = store.known_url(item.link)
                if known is not None:
                    store.add_place(known, item.link, name)  # the same article through another feed
                    summary.already += 1
                else:
                    work.append((name, item))
        summary.items = len(work)

        def read(job):
            name, item = job
            if item.content:
                page = Page(item.link, item.link)
                return extract(read_page(page, when, item.published, source=name, content=item.content))
            return extract(read_page(fetch(item.link, limit), when, item.published, source=name))

        for n, ((name, item), result) in enumerate(zip(work, pool.map(lambda j: _try(lambda: read(j)), work)), 1):
            if isinstance(result, TimelineError):
                summary.failures.append(f"{name}: {result}")
            else:
                res = store.add(result, feed=name)
                summary.added += res.added
                summary.already += not res.added
            if on_item:
                on_item(n, len(work))
    store.finish()
    return summary


def _try(job):
    try:
        return job()
    except TimelineError as e:
        return e
    except Exception as e:  # one bad page must not stop the others
        return TimelineError(f"cannot be read ({type(e).__name__}: {e})")

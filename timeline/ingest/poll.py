"""Polling feeds: which feeds are due, their new items, each item's article, into the store.

Network work runs a few at once (threads; at most two requests to one host, see `web.fetch`);
the store is written by the calling thread only, each article as soon as it is read, in batches.
A failing feed or item is reported and the others still go in. A feed's validators (ETag,
Last-Modified) are kept only once every item it listed is stored: after a failure, a timeout, an
interruption or a crash the next poll reads the whole feed again, and no item is lost.
"""
from __future__ import annotations

import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Optional

from ..errors import TimelineError
from .addresses import origin, without_credentials
from .readers import max_bytes, read_page
from .web import FeedItem, FetchError, Page, fetch, fetch_timeout, parse_feed

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


@dataclass
class _Feed:
    """A feed being read in this run: what to write once all its items are stored."""
    name: str
    validators: dict
    items: int
    pending: int = 0
    failed: bool = False


def poll(store, names: list[str], force: bool = False, on_item: Optional[Callable[[int, int], None]] = None,
         when: Optional[datetime] = None, timeout: Optional[float] = None,
         summary: Optional[PollSummary] = None) -> PollSummary:
    """Poll the feeds due (or those named), add their new articles, and say how it went (in
    `summary`, filled as it goes, so that an interrupted run can say what it kept). `timeout`:
    seconds for the whole run; items not read by then are left for the next one."""
    from ..pipeline import extract

    now = datetime.now(timezone.utc)
    summary = summary if summary is not None else PollSummary()
    run_deadline = time.monotonic() + timeout if timeout else None
    feeds = due_feeds(store, names, force, now)
    summary.feeds = len(feeds)
    limit = max_bytes()
    reading: dict[str, _Feed] = {}
    pool = ThreadPoolExecutor(max_workers=WORKERS)
    try:
        def read_feed(f):
            wait_at_most = None if run_deadline is None else max(0.1, min(fetch_timeout(), run_deadline - time.monotonic()))
            return fetch(f["url"], limit, f["etag"], f["last_modified"], timeout=wait_at_most)

        pages = list(pool.map(lambda f: _try(lambda: read_feed(f)), feeds))
        work: list[tuple[str, FeedItem, set]] = []
        for feed, page in zip(feeds, pages):
            name, stamp = feed["name"], now.isoformat(timespec="seconds")
            next_fetch = (now + timedelta(seconds=feed["min_interval"])).isoformat(timespec="seconds")
            if isinstance(page, FetchError):
                if page.retry_after:
                    next_fetch = (now + timedelta(seconds=page.retry_after)).isoformat(timespec="seconds")
                summary.failures.append(f"feed {name}: {page}")
                store.update_feed(name, last_fetched=stamp, next_fetch=next_fetch, last_error=str(page))
                continue
            if isinstance(page, TimelineError):
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
            # When it was polled now; its validators, and when to poll it next, only once its items
            # are in (see _Feed): a run cut short leaves it due, to be read whole again.
            store.update_feed(name, last_fetched=stamp, last_error=None)
            state = reading[name] = _Feed(name, {"etag": page.etag, "last_modified": page.last_modified,
                                                 "next_fetch": next_fetch}, len(items))
            trusted = {origin(feed["url"]), origin(page.final_url)}  # the feed's own site may be private
            for item in items:
                known = store.known_url(without_credentials(item.link))
                if known is not None:
                    store.add_place(known, without_credentials(item.link), name)  # the same article through another feed
                    summary.already += 1
                else:
                    work.append((name, item, trusted))
                    state.pending += 1
        summary.items = len(work)
        for state in reading.values():
            if not state.pending:
                _feed_done(store, state)

        def read(job):
            name, item, trusted = job
            if item.content:
                page = Page(item.link, item.link)
                return extract(read_page(page, when, item.published, source=name, content=item.content))
            # no request outlives the run: the threads reading end with it
            wait_at_most = None if run_deadline is None else max(0.1, min(fetch_timeout(), run_deadline - time.monotonic()))
            page = fetch(item.link, limit, trusted=trusted, timeout=wait_at_most)
            return extract(read_page(page, when, item.published, source=name))

        running = {pool.submit(_try, lambda j=job: read(j)): job for job in work}
        done_count = 0
        with store.batch(size=50):
            while running:
                left = None if run_deadline is None else max(0.0, run_deadline - time.monotonic())
                finished, _ = wait(running, timeout=left, return_when=FIRST_COMPLETED)
                if not finished:
                    break  # the run's time is up: what is still being read is left for the next run
                for future in finished:
                    name, item, _ = running.pop(future)
                    result = future.result()
                    state = reading[name]
                    if isinstance(result, TimelineError):
                        summary.failures.append(f"{name}: {result}")
                        state.failed = True
                    else:
                        res = store.add(result, feed=name)
                        summary.added += res.added
                        summary.already += not res.added
                    state.pending -= 1
                    if not state.pending and not state.failed:
                        store.flush()  # the items a feed's validators stand for are committed first
                        _feed_done(store, state)
                    done_count += 1
                    if on_item:
                        on_item(done_count, len(work))
        for future, (name, item, _) in running.items():
            future.cancel()
            summary.failures.append(f"{name}: {without_credentials(item.link)}: not read within the run's {timeout:.0f} s; "
                                    "the next fetch tries it again")
    finally:
        # Ctrl-C, or an error: what is queued is dropped, only the requests in flight are waited for.
        pool.shutdown(wait=True, cancel_futures=True)
    store.finish()
    return summary


def _feed_done(store, state: _Feed) -> None:
    """Every item of the feed is stored: its validators may now stand for them."""
    store.update_feed(state.name, items_seen=state.items, **state.validators)


def _try(job):
    try:
        return job()
    except TimelineError as e:
        return e
    except Exception as e:  # one bad page must not stop the others
        return TimelineError(f"cannot be read ({type(e).__name__}: {e})")

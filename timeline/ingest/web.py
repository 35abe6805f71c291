"""Articles and feeds over HTTP (httpx, feedparser): the network edge of ingestion.

`fetch` gets one address politely: an honest User-Agent, a timeout, a limit on redirects and on
size, conditional requests (ETag / Last-Modified) where a feed was fetched before, and no more
than two requests at once to one host. Every failure is a `FetchError` with one line saying what
happened and what to do.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Optional
from urllib.parse import urlsplit

from ..errors import TimelineError

USER_AGENT = "timeline/0.1 (a news deadline tracker)"
TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 5
PER_HOST = 2

_hosts: dict[str, threading.BoundedSemaphore] = {}
_hosts_lock = threading.Lock()


class FetchError(TimelineError):
    """One address could not be had; `retry_after` is set when the server asked us to wait."""

    def __init__(self, message: str, retry_after: Optional[float] = None):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    body: bytes = b""
    content_type: str = ""
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    not_modified: bool = False  # 304: nothing new since the validators given
    headers: dict = field(default_factory=dict)


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https") and bool(urlsplit(text).netloc)


def _host_slot(url: str) -> threading.BoundedSemaphore:
    host = urlsplit(url).netloc.lower()
    with _hosts_lock:
        return _hosts.setdefault(host, threading.BoundedSemaphore(PER_HOST))


def fetch(url: str, max_bytes: int, etag: Optional[str] = None, last_modified: Optional[str] = None,
          timeout: Optional[float] = None) -> Page:
    """GET one address within the limits; a 304 comes back as `not_modified`. The timeout is
    `$TIMELINE_FETCH_TIMEOUT` seconds, else ten."""
    import httpx

    from ..settings import env_number

    if timeout is None:
        timeout = env_number("TIMELINE_FETCH_TIMEOUT", TIMEOUT_SECONDS)

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
               "application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with _host_slot(url), httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                                           headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code == 304:
                    return Page(url, str(response.url), not_modified=True, etag=etag, last_modified=last_modified)
                if response.status_code in (429, 503):
                    wait = _retry_after(response.headers.get("Retry-After"))
                    raise FetchError(f"{url}: the server is busy (HTTP {response.status_code})"
                                     + (f"; it asks to wait {wait:.0f} s" if wait else "; try again later"), wait)
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}; "
                                     "check the address")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise FetchError(f"{url}: larger than {max_bytes:,} bytes, more than any article; "
                                         "set TIMELINE_MAX_BYTES to fetch it anyway")
                return Page(url, str(response.url), bytes(body), response.headers.get("content-type", ""),
                            response.headers.get("etag"), response.headers.get("last-modified"),
                            headers=dict(response.headers))
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects (a loop?); check the address") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {timeout:.0f} s; try again later") from None
    except httpx.HTTPError as e:
        raise FetchError(f"{url}: cannot connect ({type(e).__name__}); check the address and the network") from None


def _retry_after(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - datetime.now(parsedate_to_datetime(value).tzinfo))
                       .total_seconds())
        except (TypeError, ValueError):
            return None


@dataclass(frozen=True)
class FeedItem:
    link: str
    title: str
    published: Optional[datetime]  # the item's own date, for a page that gives none
    content: Optional[str]  # full text (HTML) where the feed carries it


def parse_feed(page: Page) -> list[FeedItem]:
    """The items of an RSS or Atom feed; a FetchError when the body is not a feed."""
    import calendar

    import feedparser

    parsed = feedparser.parse(page.body)
    if parsed.bozo and not any(e.get("link") for e in parsed.entries):
        raise FetchError(f"{page.url}: not a readable RSS or Atom feed ({type(parsed.bozo_exception).__name__}); "
                         "check the address")
    items = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        when = datetime.utcfromtimestamp(calendar.timegm(stamp)) if stamp else None
        content = None
        if e.get("content"):
            content = max((c.get("value", "") for c in e["content"]), key=len) or None
        items.append(FeedItem(link, e.get("title", ""), when, content))
    return items

"""Articles and feeds over HTTP (httpx, feedparser): the network edge of ingestion.

`fetch` gets one address politely and safely: an honest User-Agent, a deadline for the whole
request, a limit on redirects and on size, conditional requests (ETag / Last-Modified) where a
feed was fetched before, no more than two requests at once to one host, and no address from
content that leads into a private network (`addresses.py`). Every failure is a `FetchError` with
one line saying what happened and what to do; no address is shown with its credentials.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Iterable, Optional
from urllib.parse import urljoin, urlsplit

from ..errors import TimelineError
from .addresses import Origin, origin, refusal, without_credentials

USER_AGENT = "timeline/0.1 (a news deadline tracker)"
TIMEOUT_SECONDS = 30.0  # a whole request, redirects and body included
READ_SECONDS = 10.0  # one read
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


def fetch_timeout() -> float:
    """Seconds one request may take, redirects and body included: $TIMELINE_FETCH_TIMEOUT, else 30."""
    from ..settings import env_number

    return env_number("TIMELINE_FETCH_TIMEOUT", TIMEOUT_SECONDS, minimum=0.1)


def fetch(url: str, max_bytes: int, etag: Optional[str] = None, last_modified: Optional[str] = None,
          timeout: Optional[float] = None, trusted: Optional[Iterable[Origin]] = None) -> Page:
    """GET one address within the limits; a 304 comes back as `not_modified`.

    `trusted`: the origins that may be reached whatever they resolve to; None for an address the
    person typed (its own origin). Any other address, and every redirect, is checked before it is
    connected to (`addresses.refusal`). The whole request, redirects and body included, ends
    within `timeout` seconds ($TIMELINE_FETCH_TIMEOUT, else 30): a server that answers a byte at a
    time does not hold it longer; each read waits ten seconds at most."""
    if timeout is None:
        timeout = fetch_timeout()
    trusted = {origin(url)} if trusted is None else set(trusted)
    shown = without_credentials(url)
    deadline = time.monotonic() + timeout
    outcome: dict = {}
    finished = threading.Event()

    def work():
        try:
            outcome["page"] = _get(url, max_bytes, etag, last_modified, min(READ_SECONDS, timeout), trusted, deadline)
        except BaseException as e:  # handed to the caller's thread
            outcome["error"] = e
        finally:
            finished.set()

    threading.Thread(target=work, daemon=True, name="fetch").start()
    if not finished.wait(timeout):
        raise FetchError(f"{shown}: no complete answer within {timeout:.0f} s; try again later, or raise "
                         "TIMELINE_FETCH_TIMEOUT")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["page"]


def _get(url: str, max_bytes: int, etag, last_modified, read_timeout: float, trusted: set, deadline: float) -> Page:
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
               "application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    auth = httpx.NetRCAuth() if os.path.exists(os.path.expanduser("~/.netrc")) and "@" not in urlsplit(url).netloc else None
    shown = without_credentials(url)
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=read_timeout, headers=headers, auth=auth) as client:
            for _ in range(MAX_REDIRECTS + 1):
                why = refusal(current, trusted)
                if why:
                    raise FetchError(why)
                with _host_slot(current), client.stream("GET", current) as response:
                    if response.is_redirect and response.headers.get("location"):
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _page(url, current, response, max_bytes, etag, last_modified, deadline)
    except httpx.TimeoutException:
        raise FetchError(f"{shown}: no answer within {read_timeout:.0f} s; try again later") from None
    except httpx.HTTPError as e:
        raise FetchError(f"{shown}: cannot connect ({type(e).__name__}); check the address and the network") from None
    raise FetchError(f"{shown}: more than {MAX_REDIRECTS} redirects (a loop?); check the address")


def _page(url: str, final: str, response, max_bytes: int, etag, last_modified, deadline: float) -> Page:
    shown = without_credentials(url)
    if response.status_code == 304:
        return Page(url, final, not_modified=True, etag=etag, last_modified=last_modified)
    if response.status_code in (429, 503):
        wait = retry_after(response.headers.get("Retry-After"))
        raise FetchError(f"{shown}: the server is busy (HTTP {response.status_code})"
                         + (f"; it asks to wait {wait:.0f} s" if wait else "; try again later"), wait)
    if response.status_code >= 400:
        raise FetchError(f"{shown}: HTTP {response.status_code} {response.reason_phrase}; check the address")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"{shown}: larger than {max_bytes:,} bytes, more than any article; "
                             "set TIMELINE_MAX_BYTES to fetch it anyway")
        if time.monotonic() > deadline:
            raise FetchError(f"{shown}: the answer is too slow to finish; try again later")
    return Page(url, final, bytes(body), response.headers.get("content-type", ""),
                response.headers.get("etag"), response.headers.get("last-modified"), headers=dict(response.headers))


# The longest wait a server's Retry-After is taken at: "inf", a 20-digit number or a date in the
# year 9999 would otherwise stop a feed for good (or stop `fetch` itself).
MAX_RETRY_AFTER = 7 * 86400


def retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds a server asks to wait (a number or an HTTP date), between 0 and a week; None when
    it names no sensible wait."""
    if not value:
        return None
    try:
        seconds = float(value)
    except (ValueError, OverflowError):
        try:
            when = parsedate_to_datetime(value)
            seconds = (when - datetime.now(when.tzinfo)).total_seconds()
        except (TypeError, ValueError, OverflowError, IndexError):
            return None
    if seconds != seconds:  # NaN
        return None
    return min(MAX_RETRY_AFTER, max(0.0, seconds))


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
        link = urljoin(page.final_url, link.strip())  # a relative link is the feed's own site's
        if not is_url(link):
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        try:
            when = datetime.utcfromtimestamp(calendar.timegm(stamp)) if stamp else None
        except (ValueError, OverflowError, TypeError):
            when = None  # a date no calendar holds: the page's own date, or none
        content = None
        if e.get("content"):
            content = max((c.get("value", "") for c in e["content"]), key=len) or None
        items.append(FeedItem(link, e.get("title", ""), when, content))
    return items

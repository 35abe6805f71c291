"""Files -> Document. Plain text, HTML (through trafilatura), TimeML; folders; standard input."""
from __future__ import annotations

import os
import re
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import Iterator, Optional

from ..errors import TimelineError
from ..model import UNDATED, Document
from ..settings import env_number
from ..when import parse_datetime, utc
from . import published as pub

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TIMEML_SUFFIXES = {".tml", ".te3input"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TIMEML_SUFFIXES


def iter_paths(paths: list[str]) -> Iterator[str]:
    """Files and addresses named, and the readable files under folders named (recursively, sorted)."""
    from .web import is_url

    for p in paths:
        if p == "-" or is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(p)
        elif path.exists():
            yield p
        else:
            raise TimelineError(f"{p}: no such file or folder")


def _walk(folder: str, seen: Optional[set] = None) -> Iterator[str]:
    """The article files under a folder, in the order of their paths sorted part by part, one
    folder's names in memory at a time: a folder of 100,000 articles listed whole (as sorted
    Path objects were) would be most of `add`'s memory. A folder linked into itself is read once."""
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    for name in sorted(os.listdir(folder)):  # names only: what sorting needs, and no more
        path = os.path.join(folder, name)
        if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES and os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            yield from _walk(path, seen)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else the charset the bytes look like."""
    if not data.strip():
        raise TimelineError(f"{name}: the file is empty; give an article with text in it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # two latin-1 letters that only look like a byte-order mark: read on
    elif b"\x00" in data[:4096]:
        raise TimelineError(f"{name}: looks like a binary file, not an article; give a .txt, .html or .tml file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise TimelineError(f"{name}: cannot tell how the text is encoded; convert it to UTF-8 and add it again")
    return str(best)


# No article is this long; a file that is must be something else (a dump, a log, /dev/zero).
MAX_BYTES = 20_000_000


def max_bytes() -> int:
    """The size cap for one article: `$TIMELINE_MAX_BYTES`, else 20 MB."""
    return env_number("TIMELINE_MAX_BYTES", MAX_BYTES, minimum=1, kind=int)


def read_document(path: str, published: Optional[datetime] = None, source: Optional[str] = None,
                  undated: bool = False) -> Document:
    """Read one article. `published` (the --published flag) wins over anything the file says.
    A file that gives no date is refused, unless `undated` is allowed (narrative and auto modes):
    it then comes with `published` None, to be read from the first date it names."""
    limit = max_bytes()
    if path == "-":
        data, name, suffix = sys.stdin.buffer.read(limit + 1), "<stdin>", ".txt"
    else:
        name, suffix = path, Path(path).suffix.lower()
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                raise TimelineError(f"{path}: not a regular file (a pipe, a device or a socket); save the article to a file first")
            with open(path, "rb") as f:
                data = f.read(limit + 1)
        except OSError as e:
            raise TimelineError(f"{path}: cannot read the file ({e.strerror}); check the path and permissions")
    if len(data) > limit:
        raise TimelineError(f"{name}: larger than {limit:,} bytes, more than any article; "
                            "set TIMELINE_MAX_BYTES to read it anyway")
    raw = decode(data, name)
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and re.match(r"\s*<(?:!doctype\s+html|html)", raw, re.I)):
        text, title, found, _ = _read_html(raw, name)
    elif suffix in TIMEML_SUFFIXES:
        text, title, found = _read_timeml(path, name)
    else:
        text, title, found = _read_text(raw, name)
    if not text.strip():
        raise TimelineError(f"{name}: no article text found; check that the file holds the story")
    when, how = (published, "flag") if published is not None else (found or (None, None))
    if when is None:
        when, how = _from_name(name)
    if when is None and not undated:
        raise TimelineError(f"{name}: no publication date found in the file; give one with --published YYYY-MM-DD, "
                            "or read it as a narrative with --mode auto")
    return Document(text=text, title=title, published=utc(when) if when else None, published_from=how or UNDATED,
                    zone=when.tzinfo if when else None,
                    source=source or _readable(_default_source(name)),
                    path="" if path == "-" else _readable(str(Path(path).resolve())))


def _readable(name: str) -> str:
    """A file name as text that can be stored and shown: bytes that are not UTF-8 (kept by Python as
    surrogates) become U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace") if name else name


def _default_source(name: str) -> str:
    return "stdin" if name == "<stdin>" else Path(name).parent.name or "."


def _from_name(name: str):
    stamp = pub.epoch_stamp(Path(name).name)
    return (stamp, "filename") if stamp else (None, None)


def _read_text(raw: str, name: str):
    lines = raw.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    title = lines[first].strip() if lines else ""
    when = pub.dateline(raw, parse_datetime)
    if when is not None:
        return raw, title, (when, "dateline")
    stamp = pub.epoch_stamp(title)
    return raw, title, ((stamp, "header") if stamp is not None else None)


def _read_html(raw: str, name: str):
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True) or ""
    # Keep the time of day where the page gives one: "within 48 hours" counts from it.
    meta = trafilatura.extract_metadata(raw, date_config={"outputformat": "%Y-%m-%dT%H:%M:%S%z",
                                                          "original_date": True, "extensive_search": True})
    title = (meta.title if meta and meta.title else "") or (text.splitlines()[0] if text else "")
    found = None
    if meta is not None and meta.date:
        when = parse_datetime(re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", meta.date))
        if when is not None:
            found = (when, "html")
    if found is None and text:
        when = pub.dateline(text, parse_datetime)
        if when is not None:
            found = (when, "dateline")
    return text, title, found, (meta.url if meta is not None and meta.url else "")


def read_source(path: str, published: Optional[datetime] = None, source: Optional[str] = None,
                undated: bool = False) -> Document:
    """One article named on the command line: a file, standard input ("-") or an address."""
    from .web import fetch, is_url

    if is_url(path):
        return read_page(fetch(path, max_bytes()), published, source=source, undated=undated)
    return read_document(path, published, source, undated)


def read_page(page, published: Optional[datetime] = None, fallback: Optional[datetime] = None,
              source: Optional[str] = None, content: Optional[str] = None, undated: bool = False) -> Document:
    """An article fetched from the web (or the full text a feed carried for it): the page's own
    publication date, else `published` (a --published flag), else `fallback` (the feed item's);
    with none, refused unless `undated` is allowed, as `read_document` does."""
    from urllib.parse import urlsplit

    if content is None:
        kind = page.content_type.split(";")[0].strip().lower()
        raw = decode(page.body, page.url)
        if kind not in ("text/html", "application/xhtml+xml") and not re.match(r"\s*<(?:!doctype\s+html|html)", raw, re.I):
            raise TimelineError(f"{page.url}: not an HTML page ({kind or 'no content type'}); give the address of "
                                "an article")
    else:
        raw = content if re.search(r"<\w", content) else f"<html><body><p>{content}</p></body></html>"
    text, title, found, canonical = _read_html(raw, page.url)
    if not text.strip():
        raise TimelineError(f"{page.url}: no article text found on the page; give the address of an article")
    when, how = (published, "flag") if published is not None else (found or (None, None))
    if when is None and fallback is not None:
        when, how = fallback, "feed"
    if when is None and not undated:
        raise TimelineError(f"{page.url}: no publication date on the page; give one with --published YYYY-MM-DD, "
                            "or read it as a narrative with --mode auto")
    return Document(text=text, title=title, published=utc(when) if when else None, published_from=how or UNDATED,
                    zone=when.tzinfo if when else None, source=source or urlsplit(page.final_url).netloc, path="",
                    url=page.url,
                    canonical_url=canonical or page.final_url)


def _read_timeml(path: str, name: str):
    from ..timeml import dct_datetime, read_timeml

    try:
        doc = read_timeml(path)
    except Exception as e:  # ParseError or a missing TEXT element
        raise TimelineError(f"{name}: not a readable TimeML document ({e}); check the XML")
    title = next((line.strip() for line in doc.text.splitlines() if line.strip()), doc.id)
    found = (dct_datetime(doc.dct), "timeml") if doc.dct else None
    return doc.text, title, found

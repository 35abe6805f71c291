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
    """UTF-8 (with or without BOM), UTF-32 or UTF-16 with a BOM, UTF-8 with a stray bad byte or
    two (each a U+FFFD), Windows-1252 where its punctuation shows, else the charset the bytes look
    like."""
    if not data.strip():
        raise TimelineError(f"{name}: the file is empty; give an article with text in it")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            pass
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
    # A UTF-8 text with a damaged byte or two is UTF-8 still: guessing a code page for the whole
    # file would garble every accent and dash in it (and lose its dateline).
    mended = data.decode("utf-8-sig", errors="replace")
    if mended.count("\ufffd") <= max(3, len(mended) // 2000) and _has_utf8_sequences(data):
        return mended
    # Windows-1252's curly quotes and dashes (0x91-0x97) are control codes in Latin-1: a text that
    # has them and reads in 1252 is 1252, whatever the byte statistics suggest.
    if re.search(rb"[\x91-\x97]", data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise TimelineError(f"{name}: cannot tell how the text is encoded; convert it to UTF-8 and add it again")
    if best.encoding.lower().replace("-", "_") in _WESTERN:
        # One of the Latin code pages of Western and Central Europe, which a short text cannot tell
        # apart: Windows-1252, the one English news was written in, wherever it reads the bytes.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


_WESTERN = {"cp1252", "windows_1252", "cp1250", "windows_1250", "iso8859_1", "latin_1", "iso8859_2", "iso8859_15",
            "mac_roman", "cp850"}
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Does the text hold multi-byte UTF-8 characters, as a UTF-8 file with accents does?"""
    return _UTF8_SEQUENCE.search(data) is not None


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
        if sys.stdin is None or not hasattr(sys.stdin, "buffer"):
            raise TimelineError("standard input is closed; pipe the article in, or give its file")
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
    if suffix in TIMEML_SUFFIXES:
        text, title, found = _read_timeml(path, name)
        return _dated(text, title, found, name, published, undated, source=source or _readable(_default_source(name)),
                      path="" if path == "-" else _readable(str(Path(path).resolve())))
    return read_text(raw, name, published, source=source or _readable(_default_source(name)),
                     path="" if path == "-" else _readable(str(Path(path).resolve())), undated=undated,
                     html=suffix in HTML_SUFFIXES)


def read_text(raw: str, name: str, published: Optional[datetime] = None, source: str = "", path: str = "",
              undated: bool = False, html: bool = False, title: Optional[str] = None, url: str = "") -> Document:
    """One article given as text (or as HTML: `html`, or text that starts as a page does), named
    `name` in messages; its publication date as `read_document` finds it. `title` given wins."""
    if html or re.match(r"\s*<(?:!doctype\s+html|html)", raw, re.I):
        text, found_title, found, _ = _read_html(raw, name)
    else:
        text, found_title, found = _read_text(raw, name)
    return _dated(text, title_of(title) if title else found_title, found, name, published, undated, source, path, url)


def _dated(text: str, title: str, found, name: str, published: Optional[datetime], undated: bool, source: str,
           path: str, url: str = "") -> Document:
    if not text.strip():
        raise TimelineError(f"{name}: no article text found; check that the file holds the story")
    when, how = (published, "flag") if published is not None else (found or (None, None))
    if when is None:
        when, how = _from_name(name)
    if when is None and not undated:
        raise TimelineError(f"{name}: no publication date found in the file; give one with --published YYYY-MM-DD, "
                            "or read it as a narrative with --mode auto")
    return Document(text=text, title=title, published=utc(when) if when else None, published_from=how or UNDATED,
                    zone=when.tzinfo if when else None, source=source, path=path, url=url)


def _readable(name: str) -> str:
    """A file name as text that can be stored and shown: bytes that are not UTF-8 (kept by Python as
    surrogates) become U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace") if name else name


def _default_source(name: str) -> str:
    return "stdin" if name == "<stdin>" else Path(name).parent.name or "."


def _from_name(name: str):
    stamp = pub.epoch_stamp(Path(name).name)
    return (stamp, "filename") if stamp else (None, None)


# A title is a line, not a story: one a file or a page gives longer than this (an article that is
# one long paragraph) is cut at a word, so that every row that names its article stays small.
TITLE_CHARS = 200


def title_of(line: str) -> str:
    """A title at most TITLE_CHARS long, cut at a word with an ellipsis."""
    line = " ".join(line.split())
    if len(line) <= TITLE_CHARS:
        return line
    cut = line.rfind(" ", TITLE_CHARS // 2, TITLE_CHARS)
    return line[:cut if cut > 0 else TITLE_CHARS - 1].rstrip(" ,;:-") + "\u2026"


def _first_line(text: str) -> str:
    """The first non-empty line of a text, read no further than a title needs."""
    for line in text[:100_000].splitlines():
        if line.strip():
            return line
    return ""


def _read_text(raw: str, name: str):
    first = _first_line(raw)
    title = title_of(first)
    when = pub.dateline(raw, parse_datetime)
    if when is not None:
        return raw, title, (when, "dateline")
    stamp = pub.epoch_stamp(first)
    return raw, title, ((stamp, "header") if stamp is not None else None)


def _read_html(raw: str, name: str):
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True) or ""
    # Keep the time of day where the page gives one: "within 48 hours" counts from it.
    meta = trafilatura.extract_metadata(raw, date_config={"outputformat": "%Y-%m-%dT%H:%M:%S%z",
                                                          "original_date": True, "extensive_search": True})
    title = title_of((meta.title if meta and meta.title else "") or _first_line(text))
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

    from .addresses import same_site, without_credentials

    shown, shown_final = without_credentials(page.url), without_credentials(page.final_url)
    if content is None:
        kind = page.content_type.split(";")[0].strip().lower()
        raw = decode(page.body, shown)
        if kind not in ("text/html", "application/xhtml+xml") and not re.match(r"\s*<(?:!doctype\s+html|html)", raw, re.I):
            raise TimelineError(f"{shown}: not an HTML page ({kind or 'no content type'}); give the address of "
                                "an article")
    else:
        raw = content if re.search(r"<\w", content) else f"<html><body><p>{content}</p></body></html>"
    text, title, found, canonical = _read_html(raw, shown)
    if not text.strip() and content is not None:
        # A feed's full text of one short paragraph: too little for trafilatura, an article still.
        text = _plain_text(raw)
    if not text.strip():
        raise TimelineError(f"{shown}: no article text found on the page; give the address of an article")
    when, how = (published, "flag") if published is not None else (found or (None, None))
    if when is None and fallback is not None:
        when, how = fallback, "feed"
    if when is None and not undated:
        raise TimelineError(f"{shown}: no publication date on the page; give one with --published YYYY-MM-DD, "
                            "or read it as a narrative with --mode auto")
    # A page may name only an address of its own site as its own: another site's article it names
    # is not taken for it (and so is still fetched when its own link comes).
    canonical = canonical if canonical and same_site(canonical, page.final_url) else page.final_url
    return Document(text=text, title=title, published=utc(when) if when else None, published_from=how or UNDATED,
                    zone=when.tzinfo if when else None, source=source or urlsplit(shown_final).netloc, path="",
                    url=without_credentials(page.url), canonical_url=without_credentials(canonical))


def _plain_text(html: str) -> str:
    """The words of a piece of HTML, for a fragment too short to extract an article from."""
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except (ValueError, lxml.etree.ParserError):
        return ""


def _read_timeml(path: str, name: str):
    from ..timeml import dct_datetime, read_timeml

    try:
        doc = read_timeml(path)
    except Exception as e:  # ParseError or a missing TEXT element
        raise TimelineError(f"{name}: not a readable TimeML document ({e}); check the XML")
    title = title_of(_first_line(doc.text) or doc.id)
    try:
        found = (dct_datetime(doc.dct), "timeml") if doc.dct else None
    except TimelineError as e:
        raise TimelineError(f"{name}: {e}") from None
    return doc.text, title, found

"""Views: rows from the store -> what a person or a script reads. No database access here."""
from __future__ import annotations

import csv
import re
import io
import json
import math
from datetime import date
from typing import Optional

KIND_STYLE = {
    "deadline": ("bold red", "\u23f0"),
    "scheduled": ("cyan", "\u2192"),
    "event": ("green", "\u25cf"),
    "duration": ("magenta", "\u2194"),
    "recurring": ("yellow", "\u21bb"),
}


def to_json(payload) -> str:
    """JSON a parser accepts: a number JSON cannot write (SQLite's 1e999, NaN) becomes null."""
    return json.dumps(finite(payload), ensure_ascii=False, indent=2, default=str, allow_nan=False)


def finite(value):
    """A value with every number JSON cannot write (inf, NaN) as None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


# C0 and C1 control characters (escape sequences among them), except tab and newline; and the
# characters that turn the direction of text around (U+202E makes "gpj.exe" read "exe.jpg").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A cell a spreadsheet would run as a formula.
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def visible(value) -> str:
    """Text from an article or a query as it may reach a terminal: control and escape characters
    written out ("\\x1b"), so no text can clear the screen or retitle the window."""
    text = "" if value is None else str(value)
    if text.isprintable():  # no control or direction character is printable: nothing to write out
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def csv_cell(value):
    """A value as a CSV cell that a spreadsheet shows and does not run: "=1+1" becomes "'=1+1"."""
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def to_csv(rows: list[dict], columns: Optional[list[str]] = None) -> str:
    columns = columns or (list(rows[0]) if rows else [])
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: csv_cell(v) for k, v in r.items()})
    return buf.getvalue()


def day_of(value: Optional[str]) -> Optional[date]:
    return date.fromisoformat(value[:10]) if value else None


def time_left(due: str, as_of: date) -> tuple[Optional[int], str]:
    """Days from as_of to due and the words for it: "in 16 days", "today", "3 days overdue"; for a
    due value damaged in the store (no date), None and words that say so."""
    try:
        days = (day_of(due) - as_of).days
    except (TypeError, ValueError):
        return None, "due date unreadable"
    if days == 0:
        return 0, "due today"
    if days == 1:
        return 1, "tomorrow"
    if days > 0:
        return days, f"in {days} days"
    return days, f"{-days} day{'s' if days != -1 else ''} overdue"


def span_label(earliest: Optional[str], latest: Optional[str]) -> str:
    if not earliest:
        return ""
    if not latest or latest == earliest:
        return earliest.replace("T", " ")
    return f"{earliest.replace('T', ' ')} \u2192 {latest.replace('T', ' ')}"


def shown_day(row: dict) -> str:
    """The day a timeline row is listed under: a deadline's due day, else the first day it covers."""
    return (row.get("due") or row.get("earliest") or "")[:10]


# Above this many rows in a year (or a month), the timeline lists it by month (or by day).
DENSE = 20


def group_labels(days: list[str]) -> list[str]:
    """A heading for each day listed: the year where the year holds few rows, the month where the
    month does, else the day itself, so that dense stretches get finer groups."""
    from collections import Counter

    per_year = Counter(d[:4] for d in days)
    per_month = Counter(d[:7] for d in days)
    labels = []
    for d in days:
        try:
            when = date.fromisoformat(d)
        except ValueError:  # a date damaged in the store: listed, under a heading that says so
            labels.append("date unreadable")
            continue
        if per_year[d[:4]] <= DENSE:
            labels.append(str(when.year))
        elif per_month[d[:7]] <= DENSE:
            labels.append(when.strftime("%B %Y"))
        else:
            labels.append(when.strftime("%a %d %b %Y"))
    return labels


def highlight(sentence: str, text: str, style: str):
    """The sentence as a table cell with the expression marked in it (on a terminal)."""
    from .table import Styled

    sentence, text = visible(sentence), visible(text)
    i = sentence.find(text)
    if i < 0:
        i = sentence.lower().find(text.lower())
    return Styled(sentence, f"{style} underline", (i, i + len(text))) if i >= 0 else sentence

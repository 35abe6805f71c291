"""What a person types for a time (WHEN) or a length of time (SPAN)."""
from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from typing import Optional

from .errors import TimelineError


# Datelines in the forms news sites print most, read without dateparser's slower general search.
_COMMON_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y",
                   "%d %B %Y %H:%M", "%B %d, %Y %H:%M", "%Y/%m/%d")
# Dates written in numbers only ("12/01/2026") are read month first, as in the US, unless
# $TIMELINE_DATE_ORDER is DMY (day first, as in most of the world). ISO 8601 is never ambiguous.
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def date_order() -> str:
    order = os.environ.get("TIMELINE_DATE_ORDER", "MDY").upper()
    return order if order in ("MDY", "DMY") else "MDY"


def parse_datetime(text: str) -> Optional[datetime]:
    """ISO 8601 and common dateline forms directly; anything else ("Feb 13 2020 10:44",
    "yesterday") through dateparser."""
    text = " ".join(text.strip().split())
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    numeric = _NUMERIC.match(text)
    if numeric:
        a, b, year = (int(g) for g in numeric.groups())
        month, day = (a, b) if date_order() == "MDY" else (b, a)
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    for fmt in _COMMON_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    if re.fullmatch(r"[\d.eE+-]+", text) and not re.fullmatch(r"\d{4}", text):
        return None  # "1e999", "20200213.5": a number, not a date a person would type
    import dateparser  # slow to import: only when a phrase needs it

    return dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                            "DATE_ORDER": date_order()})


def parse_when(text: str, option: str = "--published") -> datetime:
    when = parse_datetime(text)
    if when is None:
        raise TimelineError(f"{option}: cannot read {text!r} as a date; use ISO 8601 such as 2020-02-13 "
                            "or a phrase such as 'Feb 13 2020 10:44'")
    return when


_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(h|hours?|d|days?|w|weeks?|m|months?|y|years?)\s*$", re.IGNORECASE)


def parse_span(text: str) -> timedelta:
    """"7d", "2w", "48h", "3 months" -> a timedelta (months of 30 days, years of 365)."""
    m = _SPAN.match(text)
    if not m:
        raise TimelineError(f"--within: cannot read {text!r} as a span; use forms such as 7d, 2w, 48h or '3 months'")
    n = float(m.group(1))
    per_unit = {"h": 1 / 24, "d": 1, "w": 7, "m": 30, "y": 365}
    days = n * per_unit[m.group(2).lower()[0]]
    if days > 365 * 1000:
        raise TimelineError(f"--within: {text!r} is longer than a thousand years; give a shorter span such as 10y")
    return timedelta(days=days)


def utc(when: datetime) -> datetime:
    """A naive time is taken as UTC; an aware one is converted."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)

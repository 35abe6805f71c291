"""What a person types for a time (WHEN) or a length of time (SPAN), and what "today" is."""
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
    if re.fullmatch(r"[+-]?(?:nan|inf|infinity)", text, re.IGNORECASE):
        return None  # dateparser would make a day in August of "NaN"
    import dateparser  # slow to import: only when a phrase needs it
    from dateparser.timezone_parser import pop_tz_offset_from_string

    # A time given in a zone ("14:00 EAT", "3:00 PM EST", "+03:00") keeps it: the publication's own
    # clock, on which "today" and "72 hours" are read. Without one, a naive time (taken as UTC).
    zoned = pop_tz_offset_from_string(text)[1] is not None
    return dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": zoned,
                                            "DATE_ORDER": date_order()})


def parse_when(text: str, option: str = "--published") -> datetime:
    when = parse_datetime(text)
    if when is None:
        raise TimelineError(f"{option}: cannot read {text!r} as a date; use ISO 8601 such as 2020-02-13 "
                            "or a phrase such as 'Feb 13 2020 10:44'")
    return when


_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|"
                   r"y|yrs?|years?)\s*$", re.IGNORECASE)
# Days per unit; "m" is minutes, as in every tool a person knows ("90m"); months are "mo" or "month".
# The first of these names a unit starts with decides ("mo" before "m", "min" before "m").
_SPAN_DAYS = {"mo": 30, "min": 1 / 1440, "m": 1 / 1440, "h": 1 / 24, "d": 1, "w": 7, "y": 365}


def parse_span(text: str) -> timedelta:
    """"7d", "2w", "48h", "90m" (minutes), "3mo", "3 months" -> a timedelta (months of 30 days,
    years of 365)."""
    m = _SPAN.match(text)
    if not m:
        raise TimelineError(f"--within: cannot read {text!r} as a span; use forms such as 7d, 2w, 48h, 90m (minutes) "
                            "or 3mo / '3 months'")
    n = float(m.group(1))
    unit = m.group(2).lower()
    days = n * next(per_day for name, per_day in _SPAN_DAYS.items() if unit.startswith(name))
    if days > 365 * 1000:
        raise TimelineError(f"--within: {text!r} is longer than a thousand years; give a shorter span such as 10y")
    return timedelta(days=days)


def local_zone():
    """The zone "today" is read in by every command: $TIMELINE_TZ (an IANA name such as
    Europe/Paris, or UTC), else the machine's own."""
    name = os.environ.get("TIMELINE_TZ", "").strip()
    if name:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise TimelineError(f"TIMELINE_TZ={name!r} is not a time zone; give an IANA name such as Europe/Paris, or UTC")
    return datetime.now().astimezone().tzinfo


def today():
    """The user's date now, one for every command (deadlines, show, alerts, calendar)."""
    return datetime.now(local_zone()).date()


def local_date(when: datetime):
    """The user's date at a moment: an aware time seen in the user's zone; a naive one as given."""
    return when.astimezone(local_zone()).date() if when.tzinfo is not None else when.date()


def utc(when: datetime) -> datetime:
    """A naive time is taken as UTC; an aware one is converted."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)

"""Calendar arithmetic on TimeML values: pure functions, no text.

A TimeML DATE value names a period at some granularity ("2020", "2020-Q1", "2020-02", "2020-W07",
"2020-02-13"); `interval` turns one into the first and last day it covers, which is what the store
and the views sort and count by.
"""
from __future__ import annotations

import calendar as _cal
import re
from functools import lru_cache
from datetime import date, datetime, timedelta

Direction = int  # -1: the latest one not after the anchor, +1: the next one not before it, 0: nearest


def add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """Move a date by n calendar units (day, week, month, quarter, half, year, decade, century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "weekend":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, months * n)


# The TimeML value of the period of each granularity that contains a day.
_VALUE_AT = {
    "day": lambda d: d.isoformat(),
    "week": lambda d: "{}-W{:02d}".format(*d.isocalendar()[:2]),
    "weekend": lambda d: "{}-W{:02d}-WE".format(*d.isocalendar()[:2]),
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "quarter": lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "half": lambda d: f"{d.year:04d}-H{(d.month - 1) // 6 + 1}",
    "year": lambda d: f"{d.year:04d}",
    "decade": lambda d: f"{d.year // 10:03d}",
    "century": lambda d: f"{d.year // 100:02d}",
}


def value_at(d: date, granularity: str) -> str:
    """The TimeML value of the period of the given granularity that contains d."""
    return _VALUE_AT[granularity](d)


_SPAN = re.compile(r"^P(\d+)([DWMY])$")


def shift_by_span(d: date, span: str, sign: int = 1) -> date | None:
    """d moved by a span of whole days, weeks, months or years (a DURATION value, "P13W", "P9M"),
    forward or (sign -1) back; None for a span not counted so."""
    m = _SPAN.match(span)
    if m is None:
        return None
    n, unit = sign * int(m.group(1)), m.group(2)
    if unit in "DW":
        return d + timedelta(days=n * (7 if unit == "W" else 1))
    return add_months(d, n * (12 if unit == "Y" else 1))


def period_ending(span: str, last: date) -> tuple[date, date] | None:
    """The first and last day of a span counted back to the day it ends on: a quarter ended
    Dec. 31 began on Oct. 1."""
    first = shift_by_span(last + timedelta(days=1), span, -1)
    return (first, last) if first is not None else None


def period_starting(span: str, first: date) -> tuple[date, date] | None:
    """The first and last day of a span counted on from the day it starts: the first nine months
    of 2023 end on September 30."""
    after = shift_by_span(first, span)
    return (first, after - timedelta(days=1)) if after is not None else None


def period_value(first: date, last: date) -> tuple[str, str]:
    """The TimeML value and granularity of the period from `first` to `last`: a quarter, half,
    year or month where it is exactly one ("2018-Q2"), else an ISO 8601 interval of months
    ("2018-04/2018-09") or days."""
    if first.day != 1 or (last + timedelta(days=1)).day != 1:
        return f"{first.isoformat()}/{last.isoformat()}", "day"
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    for grain, length in (("month", 1), ("quarter", 3), ("half", 6), ("year", 12)):
        if months == length and (first.month - 1) % length == 0:
            return value_at(first, grain), grain
    value = f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"
    return value, "year" if months == 12 else "month"


def with_weekday(d: date, weekday: int, near: date) -> date:
    """A day written with its weekday ("Sunday, March 1") and read without a year: of the nearby
    years, the one nearest `near` where the day is that weekday; `d` where none is."""
    if d.isoweekday() == weekday:
        return d
    fits = [f for f in (safe_date(d.year + k, d.month, d.day) for k in (-3, -2, -1, 1, 2, 3)) if f and f.isoweekday() == weekday]
    return min(fits, key=lambda f: abs((f - near).days)) if fits else d


def resolve_weekday(anchor: date, weekday: int, direction: Direction) -> date:
    """The date of an ISO weekday (1 = Monday) seen from anchor; the anchor's own day counts."""
    delta = weekday - anchor.isoweekday()
    if delta == 0:
        return anchor
    if direction > 0:
        return anchor + timedelta(days=delta % 7)
    if direction < 0:
        return anchor - timedelta(days=(-delta) % 7)
    forward = delta % 7
    return anchor + timedelta(days=forward) if forward <= 3 else anchor - timedelta(days=7 - forward)


# A date named without a year is taken in the year that puts it nearest the anchor; the tense of
# its clause moves it to the other side only when it lies this far away (news rarely says
# "Nov. 22" of a November eleven months off, but does say "in April" of one six months off).
TENSE_FLIP_DAYS = 120
# Words that insist on the future ("by Dec. 31") move a date named in the recent past only when
# it is more than this far back: "by Jan. 14" in a Jan. 15 article is a deadline just passed.
INSIST_FLIP_DAYS = 30
# A clause that looks ahead seldom names a day a season gone by, while a past verb often tells of
# a plan still to come ("agreed to buy the line in February"): a future flips at a shorter distance.
FUTURE_FLIP_DAYS = 90


# A day that a plain past verb dates ("the quarter ended Oct. 31") lies behind once it is more
# than this far ahead: a wire story may be dated a day before what it reports.
PAST_DAY_FLIP_DAYS = 2


def nearest_occurrence(candidates: list[date], anchor: date, direction: Direction, insist_days: int = INSIST_FLIP_DAYS) -> date:
    """Of several yearly occurrences, the nearest, unless the tense points the other way and the
    date lies far enough off (see TENSE_FLIP_DAYS; `insist_days` where the tense insists)."""
    nearest = min(candidates, key=lambda c: abs((c - anchor).days))
    gap = (nearest - anchor).days
    far_enough = abs(gap) > (insist_days if abs(direction) > 1 else FUTURE_FLIP_DAYS if direction > 0 else TENSE_FLIP_DAYS)
    if direction and far_enough and gap != 0 and (gap > 0) != (direction > 0):
        other = [c for c in candidates if (c > anchor) == (direction > 0) and c != nearest]
        if other:
            return min(other, key=lambda c: abs((c - anchor).days))
    return nearest


def safe_date(year: int, month: int, day: int) -> date | None:
    """The day, or None where the calendar has no such day ("February 30", year 0 or 10000)."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=1024)
def resolve_month_day(anchor: date, month: int, day: int, direction: Direction) -> date | None:
    """A month and day with no year: the nearest such day, unless the tense says otherwise."""
    candidates = [date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if day <= _cal.monthrange(y, month)[1]]
    insist = PAST_DAY_FLIP_DAYS if direction < -1 or direction > 2 else INSIST_FLIP_DAYS
    return nearest_occurrence(candidates, anchor, direction, insist) if candidates else None


@lru_cache(maxsize=256)
def resolve_month(anchor: date, month: int, direction: Direction) -> int:
    """The year of a month named without one: the same year for the current month, else nearest."""
    if month == anchor.month:
        return anchor.year
    mid = [date(y, month, 15) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    year = nearest_occurrence(mid, anchor, direction).year
    # A future that insists ("will visit China in December", written in January) cannot take a
    # month gone by, however near it lies; nor a past that insists ("was passed in March",
    # "in custody since March", written in February) a month not yet begun.
    if direction > 1 and (year, month) < (anchor.year, anchor.month):
        return year + 1
    if direction < -1 and (year, month) > (anchor.year, anchor.month):
        return year - 1
    return year


def named_weekday(anchor: date, weekday: int, rel: str, direction: Direction = 0) -> date:
    """A weekday named with "last" (the one before the anchor day), "next" (the one of next week:
    "next Tuesday" said on a Monday is eight days off) or neither (by the tense, back when none)."""
    if rel == "last":
        return resolve_weekday(anchor - timedelta(days=1), weekday, -1)
    if rel == "next":
        d = resolve_weekday(anchor + timedelta(days=1), weekday, +1)
        return d + timedelta(days=7) if anchor.isoweekday() < weekday else d
    return resolve_weekday(anchor, weekday, direction or -1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth (1-based, or -1 for the last) given ISO weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, _cal.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


@lru_cache(maxsize=256)
def listed_holiday(country: str, name: str, year: int) -> date | None:
    """The day the `holidays` library lists a holiday of a country's calendar under `name` in
    `year` ("Diwali" in India's), or None where its tables do not reach that year. Loaded only
    when such a holiday is named."""
    import warnings

    import holidays

    with warnings.catch_warnings():  # a year beyond its tables is a warning, and an empty list
        warnings.simplefilter("ignore")
        listed = holidays.country_holidays(country, years=year)
    # "startswith": the library qualifies some names ("Janmashtami (Vaishnava)")
    return min(listed.get_named(name, lookup="startswith"), default=None)


@lru_cache(maxsize=512)
def lunar_holiday(spec: tuple[str, int, int, int], year: int) -> tuple[tuple[date, date], ...]:
    """The first and last days of each occurrence, starting in the Gregorian `year`, of a holiday
    of the Islamic (Umm al-Qura), Hebrew or Chinese calendar: `spec` is (calendar, month, day, days;
    0 days for the whole month). An Islamic date falls in one Gregorian year or, some years, twice.
    The calendar libraries are loaded only when such a holiday is named."""
    kind, month, day, days = spec
    starts: list[date] = []
    if kind == "hijri":
        from hijridate import Gregorian, Hijri
        from hijridate.ummalqura import HIJRI_RANGE

        h = Gregorian(year, 1, 1).to_hijri().year
        starts = [date(*Hijri(hy, month, day).to_gregorian().datetuple()) for hy in (h, h + 1)
                  if HIJRI_RANGE[0][0] <= hy < HIJRI_RANGE[1][0]]
        if days == 0:  # the month: to the day before the next month's first
            ends = []
            for first in starts:
                hd = Gregorian(first.year, first.month, first.day).to_hijri()
                nxt = Hijri(hd.year + (hd.month == 12), hd.month % 12 + 1, 1).to_gregorian()
                ends.append(date(*nxt.datetuple()) - timedelta(days=1))
            return tuple((a, b) for a, b in zip(starts, ends) if a.year == year)
    elif kind == "hebrew":
        import warnings

        from convertdate import hebrew

        with warnings.catch_warnings():  # convertdate calls one of its own deprecated helpers
            warnings.simplefilter("ignore", DeprecationWarning)
            starts = [date(*hebrew.to_gregorian(hy, month, day)) for hy in (year + 3760, year + 3761)]
    elif kind == "chinese":
        from lunardate import LunarDate

        try:
            starts = [LunarDate(year, month, day).to_solar_date()]
        except (ValueError, IndexError):
            return ()  # beyond the years the library's tables hold (1900-2099)
    return tuple((d, d + timedelta(days=max(days, 1) - 1)) for d in starts if d.year == year)


_SEASON_DAYS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)),
                "WI": ((12, 21), (3, 19))}

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<time>[\d:]+Z?|MO|AF|EV|NI|MI|DT))?)?"
    r"|W(?P<w>\d{1,2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)


@lru_cache(maxsize=1024)  # text full of the same dates asks for the same values again
def interval(value: str, mod: str | None = None) -> tuple[str, str] | None:
    """First and last day (or instant, for clock times) a TimeML DATE/TIME value covers; for an
    ISO 8601 interval of two such values ("2017-09-14/2017-10-12", a range), the first's start
    and the second's end."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = interval(first), interval(last)
        return (a[0], b[1]) if a and b else None
    if len(value) == 3 and value.isdigit():  # a decade
        start, end = date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
        return _apply_mod(start, end, mod)
    if len(value) == 2 and value.isdigit():  # a century
        start, end = date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
        return _apply_mod(start, end, mod)
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    if y < 1:
        return None
    if m["time"]:
        day = date(y, int(m["m"]), int(m["d"]))
        t = m["time"]
        if t[0].isdigit():
            hh, _, mm = t.rstrip("Z").partition(":")  # Z: the time is given in UTC ("09:45 GMT")
            if int(hh) >= 24:
                # Midnight named with a day ("midnight Friday", "Friday midnight", "midnight
                # tonight", TimeML T24:00) is the end of that day, not the start of the next.
                stamp = datetime(y, day.month, day.day, 23, 59)
            else:
                stamp = datetime(y, day.month, day.day, int(hh), int(mm or 0))
            return stamp.isoformat(timespec="minutes"), stamp.isoformat(timespec="minutes")
        return day.isoformat(), day.isoformat()
    if m["d"]:
        d = date(y, int(m["m"]), int(m["d"]))
        return d.isoformat(), d.isoformat()
    if m["m"]:
        mo = int(m["m"])
        start, end = date(y, mo, 1), date(y, mo, _cal.monthrange(y, mo)[1])
    elif m["w"]:
        monday = date.fromisocalendar(y, int(m["w"]), 1)
        start, end = (monday + timedelta(days=5), monday + timedelta(days=6)) if m["we"] else \
            (monday, monday + timedelta(days=6))
    elif m["q"]:
        q = int(m["q"])
        start = date(y, 3 * q - 2, 1)
        end = add_months(start, 3) - timedelta(days=1)
    elif m["h"]:
        start = date(y, 1, 1) if m["h"] == "1" else date(y, 7, 1)
        end = date(y, 6, 30) if m["h"] == "1" else date(y, 12, 31)
    elif m["s"]:
        (m1, d1), (m2, d2) = _SEASON_DAYS[m["s"]]
        start = date(y, m1, d1)
        end = date(y + (m["s"] == "WI"), m2, d2)
    else:
        start, end = date(y, 1, 1), date(y, 12, 31)
    return _apply_mod(start, end, mod)


def _apply_mod(start: date, end: date, mod: str | None) -> tuple[str, str]:
    """START/MID/END narrow a period to its first, middle or last third, by the calendar where it
    can: a month's days 1-10 and 11-20 ("mid-July" ends on the 20th) and its last third; a year's,
    a half's or a quarter's months (January to April, May to August, September to December)."""
    span = (end - start).days + 1
    if span <= 2 or mod not in ("START", "MID", "END"):
        return start.isoformat(), end.isoformat()
    part = ("START", "MID", "END").index(mod)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and end == add_months(start, months) - timedelta(days=1) and months % 3 == 0:
        first = add_months(start, part * months // 3)
        return first.isoformat(), (add_months(first, months // 3) - timedelta(days=1)).isoformat()
    if start.day == 1 and months == 1 and mod != "END":
        first = start + timedelta(days=10 * part)
        return first.isoformat(), (first + timedelta(days=9)).isoformat()
    third = span // 3
    if mod == "START":
        end = start + timedelta(days=third - 1)
    elif mod == "MID":
        start, end = start + timedelta(days=third), end - timedelta(days=third)
    else:
        start = end - timedelta(days=third - 1 if span % 3 == 0 else third)
    return start.isoformat(), end.isoformat()


_DURATION = re.compile(r"^P(?:(?P<n>[\d.]+)(?P<u>Y|M|W|D|Q|DE|CE))?(?:T(?P<tn>[\d.]+)(?P<tu>H|M|S))?$")


def duration_delta(value: str) -> timedelta | None:
    """An ISO 8601 duration ("P14D", "PT72H", "P2W", "P1M") as an approximate timedelta."""
    m = _DURATION.match(value)
    if not m or not (m["n"] or m["tn"]):
        return None
    days = 0.0
    if m["n"]:
        days += float(m["n"]) * {"D": 1, "W": 7, "M": 30.4375, "Q": 91.3125, "Y": 365.25,
                                 "DE": 3652.5, "CE": 36525}[m["u"]]
    if m["tn"]:
        days += float(m["tn"]) * {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}[m["tu"]]
    return timedelta(days=days)


def add_duration(start: datetime, value: str) -> datetime | None:
    """start + an ISO duration, by calendar months and years where the duration names them."""
    m = _DURATION.match(value)
    if not m or not (m["n"] or m["tn"]):
        return None
    out = start
    if m["n"]:
        n = float(m["n"])
        if m["u"] in ("M", "Y", "Q") and n == int(n):
            months = int(n) * {"M": 1, "Q": 3, "Y": 12}[m["u"]]
            d = add_months(start.date(), months)
            out = datetime.combine(d, start.timetz())
        else:
            out = out + (duration_delta(f"P{m['n']}{m['u']}") or timedelta())
    if m["tn"]:
        out = out + (duration_delta(f"PT{m['tn']}{m['tu']}") or timedelta())
    return out


def add_working_days(start: datetime, days: int) -> datetime:
    """start + that many working days, Saturdays and Sundays not counted ("within 10 business
    days" of a Thursday ends on the Thursday two weeks on). Public holidays vary by country and
    are not known here."""
    out, left = start, days
    while left > 0:
        out += timedelta(days=1)
        if out.isoweekday() <= 5:
            left -= 1
    return out

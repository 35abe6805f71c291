"""Ranges: two resolved mentions that name one period ("from September 14 to October 12",
"January 25-26", "August 24 to 28", "between December 8 and 9", "January 29 and 30", "2008-2011").
Two dates named in full and joined by "and" ("4 August and 5 August", "Monday and Tuesday") stay
two dates: the writer named each.

TimeML tags the two ends apart, and `tag` keeps them so; a reader wants one period, so the
pipeline joins them here into one mention whose value is an ISO 8601 interval ("2017-09-14/
2017-10-12"). Pure: text and timexes in, timexes out.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from ..model import Timex
from . import calendar as cal
from .rules import MONTH, WEEKDAY, Value, weekday_number
from ..heads import compile_skipping

# What may stand between the two ends of a range that opens with "from" or "between"
# ("from March 9 to March 17", "from January 18 till the morning of January 19").
_FROM_TO = compile_skipping(r"\s*(?:-|\u2013|\u2014)\s*|\s+(?:to|till|until|til|through|thru|and|into)\s+"
                            r"(?:the\s+(?:morning|evening|afternoon|night|end)\s+of\s+)?", re.IGNORECASE)
# A dash alone joins two ends without "from": "January 25-26", "2008-2011", "April-June", "8:30am-4:30pm".
_DASH = compile_skipping(r"\s*(?:-|\u2013|\u2014)\s*")
_OPENING = compile_skipping(r"\b(?:from|between)\s+(?:the\s+(?:morning|evening|afternoon|night)\s+of\s+)?$", re.IGNORECASE)
# A range's end written as a bare day of the first end's month: "August 24 to 28", "November 14 and 20",
# "March 21, 22 and 23".
_BARE_DAY = compile_skipping(r"(?:\s*(?:-|\u2013|\u2014)\s*|(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?\s+(?:to|till|until|through|thru|and|&)\s+)(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
                             r"(?![.,:]?\d|\s*(?:%|percent|per\s|[ap]\.?m\b|o'clock|hours?|days?|weeks?|months?|years?|minutes?|"
                             r"people|points?|votes?|seats?|times?|-[a-z]|(?:of\s+)?(?:" + MONTH + r")\b))", re.IGNORECASE)
# A range's end written as a year (or its last two digits) after a year: "1975-1990", "1990-91".
_BARE_YEAR = compile_skipping(r"(?:\s*(?:-|\u2013|\u2014|/)\s*|\s+(?:to|through|thru)\s+)(?P<year>\d{4}|\d{2})\b(?![-./:,]?\d)")
# "moved the vote from Monday to Friday", "extended the deadline from June 30 to Sept. 30": a date
# changed, not a period.
_CHANGED = compile_skipping(r"\b(?:mov|postpon|extend|push|brought|bring|chang|shift|delay|reschedul|advanc|defer|adjourn|"
                            r"switch)\w*\b"
                            r"[^.;:]{0,80}$", re.IGNORECASE)
_WEEKDAY = compile_skipping(r"\b(?:" + WEEKDAY + r")\b", re.IGNORECASE)
_WEEKDAY_ONLY = compile_skipping(r"^(?:" + WEEKDAY + r")\.?$", re.IGNORECASE)
_WEEKDAY_AT_END = compile_skipping(r"\b(?:" + WEEKDAY + r")\.?$", re.IGNORECASE)
_DAY_TO_DAY = compile_skipping(r"\s+(?:to|through|thru|till|until)\s+|\s*(?:-|\u2013)\s*", re.IGNORECASE)
# Words of a timetable kept week after week: opening hours, a service that runs.
_KEPT_HOURS = compile_skipping(r"\b(?:hours|open|opens|opening|operates|operating|operational|serves|serving|trading|"
                               r"services|weekdays|usually|normally|every\s+week)\b", re.IGNORECASE)
# A run of days kept week after week is named from its first to its last: "until"
# names an end ("open from Monday until Friday"), "next" or "this" one week's days.
_KEPT_GLUE = compile_skipping(r"\s+(?:to|through|thru)\s+|\s*(?:-|\u2013)\s*", re.IGNORECASE)
_CLAUSE_BREAK = compile_skipping(r",\s+(?:but|and|while|although|though|whereas)\b|;|\s[-\u2013\u2014]\s", re.IGNORECASE)
_ONE_WEEK = compile_skipping(r"\b(?:next|last|this|coming|past)\b", re.IGNORECASE)

_BARE_CLOCK = compile_skipping(r"^(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?|noon|midnight)$", re.IGNORECASE)
_DAY_VALUE = compile_skipping(r"^\d{4}-\d\d-\d\d$")
_BARE_NUMBER = compile_skipping(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?$", re.IGNORECASE)
# The first days of a list whose last day names the month: "21, 22 and 23 March".
_DAYS_BEFORE = compile_skipping(r"\b(?:\d{1,2}(?:st|nd|rd|th)?,\s*)+$")


def _bounds(t: Timex) -> Optional[tuple[str, str]]:
    if t.type not in ("DATE", "TIME"):
        return None
    try:
        return cal.interval(t.value, t.mod)
    except (ValueError, OverflowError):
        return None


def _on_day_of(first: Timex, last: Timex) -> Timex:
    """A bare clock time that opens a range takes the day its end names: "11 a.m. to 5 p.m. Wednesday"."""
    if first.type == "TIME" and last.type == "TIME" and _BARE_CLOCK.match(first.text.strip()) \
            and first.value[:10] != last.value[:10]:
        return Timex(first.start, first.end, first.text, first.type, last.value[:10] + first.value[10:], first.mod)
    return first


def _joined(text: str, start: int, first: Timex, last: Timex, end: int) -> Optional[Timex]:
    """One mention from `start` to `end` naming the period from the first's start to the last's end,
    or None where the two do not make a period (the end before the start)."""
    first = _on_day_of(first, last)
    if _same_grain(first.value, last.value) and _MONTH_NAMED.search(first.text) and _MONTH_NAMED.search(last.text):
        first_year, last_year = _YEAR_WRITTEN.search(first.text), _YEAR_WRITTEN.search(last.text)
        if last_year and not first_year:
            # "from 1 January to 31 March 2025": the year written at the end is the whole period's
            first = _in_year(first, last, after=False)
        elif first.value > last.value and not last_year:
            # each end read alone, the end came first: "from June 1 to November 30", written in
            # January, is the coming season; the end follows its start into the next year
            last = _in_year(last, first, after=True)
    a, b = _bounds(first), _bounds(last)
    if a is not None and b is not None and b[1][:10] < a[0][:10] and _WEEKDAY.search(last.text) \
            and (date.fromisoformat(a[0][:10]) - date.fromisoformat(b[1][:10])).days < 7:
        # "from Monday to Friday": the Friday after the Monday, whichever way each was read alone
        moved = date.fromisoformat(last.value[:10]) + timedelta(days=7)
        last = Timex(last.start, last.end, last.text, last.type, moved.isoformat() + last.value[10:], last.mod)
        b = _bounds(last)
    if first.type == last.type == "TIME" and last.value[:10] == first.value[:10] and last.value[10:] < first.value[10:] \
            and _BARE_CLOCK.match(last.text.strip()):
        # "from 10pm until 5am": overnight, to the next morning
        moved = date.fromisoformat(last.value[:10]) + timedelta(days=1)
        last = Timex(last.start, last.end, last.text, last.type, moved.isoformat() + last.value[10:], last.mod)
        b = _bounds(last)
    if a is None or b is None or b[1][:10] < a[0][:10]:
        return None
    kind = "TIME" if first.type == last.type == "TIME" else "DATE"
    if kind == "DATE" and (first.mod or last.mod):
        # "from late June into July": the days the modified end covers, not its whole month
        return Timex(start, end, text[start:end], kind, f"{a[0][:10]}/{b[1][:10]}", None)
    return Timex(start, end, text[start:end], kind, f"{first.value}/{last.value}", None)


# Two clock times of one day joined by "and" and a verb: "will open at 7 a.m. and close at 6 p.m. on
# Sunday".
_AND_THEN_AT = compile_skipping(r"\s+and\s+(?:[a-z]+\s+){0,3}?(?:at|by|until|till)\s+$", re.IGNORECASE)


def _shared_days(text: str, tagged: list[tuple[Timex, Value]]) -> list[tuple[Timex, Value]]:
    """A bare clock time takes the day of the clock time that follows it in the same clause ("open
    at 7 a.m. and close at 6 p.m. on Sunday"), as a range's first end does; and the day named after
    it restated in another zone ("8 p.m. local time (1800 GMT) on Sunday"), which TimeML tags apart."""
    out = list(tagged)
    for i in range(len(out) - 1):
        (t, v), (n, _) = out[i], out[i + 1]
        if t.type == n.type == "TIME" and _BARE_CLOCK.match(t.text.strip()) and not _BARE_CLOCK.match(n.text.strip()) \
                and t.value[:10] != n.value[:10] and _AND_THEN_AT.fullmatch(text, t.end, n.start):
            out[i] = (_on_day_of(t, n), v)
        elif t.type == "TIME" and n.type == "DATE" and _DAY_VALUE.match(n.value) and t.value[:10] != n.value \
                and _RESTATED_THEN_DAY.fullmatch(text, t.end, n.start):
            out[i] = (Timex(t.start, t.end, t.text, t.type, n.value + t.value[10:], t.mod), v)
    return out


_RESTATED_THEN_DAY = compile_skipping(r"\s*\((?:[01]?\d|2[0-3])[:.]?[0-5]\d\s*(?:GMT|UTC|[A-Z]{2,4})\)\s*,?\s*(?:on\s+)?")


def join_ranges(text: str, tagged: list[tuple[Timex, Value]], today: Optional[date] = None) -> list[tuple[Timex, Optional[Timex]]]:
    """The timexes, with each range's two ends joined into one mention. Beside each, for a range
    that runs "until", "till" or "through" its end, or from now, that end: the end of a window
    that may be a deadline ("will have from 13 May until 15 July to apply", "between now and
    Friday"). `today`: the day "now" names."""
    tagged = _shared_days(text, tagged)
    if today is not None:
        # "between now and Friday", "from now until the end of the year": a range from today
        tagged = [(Timex(t.start, t.end, t.text, "DATE", today.isoformat(), None), v)
                  if t.value == "PRESENT_REF" and _OPENING.search(text, max(0, t.start - 30), t.start) else (t, v)
                  for t, v in tagged]
    out: list[tuple[Timex, Optional[Timex]]] = []
    today_value = today.isoformat() if today is not None else None
    i = 0
    while i < len(tagged):
        t, v = tagged[i]
        joined, used = _range_at(text, tagged, i), 1
        if joined is None:
            out.append((t, None))
            i += 1
            continue
        # the timexes inside the range (its end, and a bare day the engine read: "26" of "January 25-26")
        while i + used < len(tagged) and tagged[i + used][0].start < joined.end:
            used += 1
        last = tagged[i + used - 1][0] if used > 1 else None
        closes = last is not None and joined.type != "SET" and (_UNTIL.search(text, t.end, last.start)
                                                                or t.value == today_value and _NOW.match(t.text))
        out.append((joined, last if closes else None))
        i += used
    return out


_UNTIL = compile_skipping(r"\b(?:until|till|til|through|thru)\b", re.IGNORECASE)
_NOW = compile_skipping(r"(?:right\s+)?now$|today$", re.IGNORECASE)


_AND = compile_skipping(r"\s+(?:and|&)\s+")
_IN = compile_skipping(r"\b(?:in|during|over|throughout|through)\s+$", re.IGNORECASE)
_MONTH_VALUE = compile_skipping(r"^(\d{4})-(\d\d)$")


_MONTH_NAMED = compile_skipping(r"\b(?:" + MONTH + r")\b", re.IGNORECASE)
_YEAR_WRITTEN = compile_skipping(r"\d{4}|'\d\d\b")
_TO_NAMED = compile_skipping(r"\s+(?:to|through|thru|till|until)\s+", re.IGNORECASE)


def _same_grain(first: str, last: str) -> bool:
    """Are both values months ("2021-03"), or both days ("2021-03-05")?"""
    return bool(_MONTH_VALUE.match(first) and _MONTH_VALUE.match(last)
                or _DAY_VALUE.match(first) and _DAY_VALUE.match(last))


def _in_year(end: Timex, other: Timex, after: bool) -> Timex:
    """One end of a range moved into the year that puts it at or `after` the other end (else at
    or before it): "October to December" is one year's, "December to February" and "22 December
    to 5 January" run over the new year."""
    if after:
        year = int(other.value[:4]) + (end.value[5:] < other.value[5:])
    else:
        year = int(other.value[:4]) - (end.value[5:] > other.value[5:])
    moved = f"{year:04d}{end.value[4:]}"
    if len(moved) == 10 and cal.safe_date(year, int(moved[5:7]), int(moved[8:10])) is None:
        return end  # February 29 in a year without one
    return Timex(end.start, end.end, end.text, end.type, moved, end.mod)


def _in_month_of(first: Timex, last: Timex) -> Timex:
    """A bare day that opens a range, moved into the month of the range's end (the month before
    where its day comes after the end's: "from the 28th to the 3rd of March")."""
    end = date.fromisoformat(last.value[:10])
    month_start = end.replace(day=1) if int(first.value[8:10]) <= end.day else cal.add_months(end.replace(day=1), -1)
    day = cal.safe_date(month_start.year, month_start.month, int(first.value[8:10]))
    return first if day is None else Timex(first.start, first.end, first.text, first.type, day.isoformat() + first.value[10:], first.mod)


def _next_month(first: str, second: str) -> bool:
    """Is `second` the month after `first` (values "2021-03", "2021-04")?"""
    a, b = _MONTH_VALUE.match(first), _MONTH_VALUE.match(second)
    if a is None or b is None:
        return False
    return int(b[1]) * 12 + int(b[2]) == int(a[1]) * 12 + int(a[2]) + 1


def _weekly(text: str, start: int, end: int, first_day: str, last_day: str) -> Timex:
    """The run of days from one weekday to another, every week: a TimeML SET."""
    a, b = weekday_number(first_day), weekday_number(last_day)
    return Timex(start, end, text[start:end], "SET", f"XXXX-WXX-{a}/XXXX-WXX-{b}", None)


def _kept_weekly(text: str, start: int, end: int) -> bool:
    """Is the run of days text[start:end] told as a timetable kept week after week: words of opening
    hours in its clause, none that names one week ("next", "this", "last")?"""
    sentence_start = max(text.rfind(". ", 0, start) + 1, start - 120, 0)
    stop = text.find(". ", end)
    sentence_end = min(stop if stop >= 0 else len(text), end + 60)
    # its own clause: "office hours are 9am-5pm Monday to Friday, but the office will be closed on Tuesday"
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence_start, start)]
    clause_start = breaks[-1] if breaks else sentence_start
    after = _CLAUSE_BREAK.search(text, end, sentence_end)
    clause_end = after.start() if after else sentence_end
    return bool(_KEPT_HOURS.search(text, clause_start, clause_end)) and not _ONE_WEEK.search(text, clause_start, clause_end)


def _range_at(text: str, tagged: list[tuple[Timex, Value]], i: int) -> Optional[Timex]:
    """The range that opens with the i-th timex, if one does."""
    t, v = tagged[i]
    opening = _OPENING.search(text, max(0, t.start - 30), t.start)
    start = opening.start() if opening and not _CHANGED.search(text, max(0, t.start - 120), t.start) else t.start
    if i + 2 < len(tagged) and t.type == "TIME" and _DASH.fullmatch(text, t.end, tagged[i + 1][0].start):
        # "8:30am-4:30pm Monday to Friday": the hours of each day of a run of days, kept week after week
        n, last = tagged[i + 1][0], tagged[i + 2][0]
        day = _WEEKDAY_AT_END.search(n.text)
        if day and _WEEKDAY_ONLY.match(last.text) and _KEPT_GLUE.fullmatch(text, n.end, last.start) \
                and _kept_weekly(text, t.start, last.end):
            return _weekly(text, t.start, last.end, day.group(0), last.text)
    if i + 1 < len(tagged):
        n, nv = tagged[i + 1]
        between = text[t.end:n.start]
        if _WEEKDAY_ONLY.match(t.text) and _WEEKDAY_ONLY.match(n.text) and _DAY_TO_DAY.fullmatch(between):
            # "Monday through Friday", "Monday to Saturday": one run of days with or without "from";
            # the days of a week in general where what is told is a timetable kept ("The market is
            # open Monday through Friday", "office hours are ... Monday to Friday")
            if _kept_weekly(text, t.start, n.end) and _KEPT_GLUE.fullmatch(between):
                return _weekly(text, t.start, n.end, t.text, n.text)
            joined = _joined(text, start, t, n, n.end)
            if joined is not None:
                return joined
        # "from 2 to 4 June", "3 and 4 June", "the 3rd and 4th of April": a bare day that the next
        # date completes, and the days listed before it ("21, 22 and 23 March")
        bare_first = _BARE_NUMBER.match(t.text) and _DAY_VALUE.match(t.value) and _DAY_VALUE.match(n.value)
        if bare_first and n.value[:7] != t.value[:7]:
            # "from the 5th to the 9th of August": the bare day is of the month its end names
            t = _in_month_of(t, n)
        listed = _DAYS_BEFORE.search(text, max(0, t.start - 40), t.start) if bare_first and start == t.start else None
        if listed is not None and _DAY_VALUE.match(t.value):
            first_day = cal.safe_date(int(t.value[:4]), int(t.value[5:7]), int(re.match(r"\d+", listed.group(0)).group(0)))
            if first_day is not None and first_day.isoformat() < t.value:
                start, t = listed.start(), Timex(listed.start(), t.end, text[listed.start():t.end], t.type, first_day.isoformat(), t.mod)
        if start == t.start and _TO_NAMED.fullmatch(between) and _same_grain(t.value, n.value) \
                and not _CHANGED.search(text, max(0, t.start - 120), t.start):
            # "in January to March", "Sales for July through September", "runs March 3 to April 5":
            # two months or two days are a period without "from", as two weekdays are
            joined = _joined(text, start, t, n, n.end)
            if joined is not None:
                return joined
        if ((start < t.start or bare_first) and _FROM_TO.fullmatch(between)) or _DASH.fullmatch(between) \
                or (_AND.fullmatch(between) and _next_month(t.value, n.value) and _IN.search(text, max(0, t.start - 12), t.start)):
            # "in March and April": two months running on, one period (the days of a list stay apart)
            joined = _joined(text, start, t, n, n.end)
            if joined is not None:
                return joined
    bare_year = _BARE_YEAR.match(text, t.end)
    if bare_year and re.fullmatch(r"\d{4}", t.value) and not t.mod:
        digits = bare_year["year"]
        last_year = int(t.value[:4 - len(digits)] + digits) if len(digits) == 2 else int(digits)
        if int(t.value) < last_year < int(t.value) + 200:
            return Timex(start, bare_year.end(), text[start:bare_year.end()], "DATE", f"{t.value}/{last_year:04d}", None)
    bare = _BARE_DAY.match(text, t.end)
    if bare and v.granularity == "day" and _DAY_VALUE.match(t.value) and not t.mod:
        first = date.fromisoformat(t.value)
        last = cal.safe_date(first.year, first.month, int(bare["day"]))
        if last is not None and last > first:
            return Timex(start, bare.end(), text[start:bare.end()], "DATE", f"{t.value}/{last.isoformat()}", None)
    return None

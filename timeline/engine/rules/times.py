"""Clock times: "8 p.m.", "10:35 a.m. EST", "15:00 GMT", "noon Thursday", "midnight Friday"."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .. import calendar as cal
from .. import lexicon
from . import MONTH, WEEKDAY, Value, compile_rule, month_number, weekday_number

_ZONE = r"(?:\s*(?:\(?(?:(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d\d)?(?!\d)|GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|MT|BST|CET|CEST|EET|EEST|MSK|IST|JST|"
# A place's time, of one or two words ("Beijing time", "New York time"), not a phrase ending in "time"
# ("by which time", "the same time").
_PLACE_WORD = r"(?!(?:by|which|at|the|this|that|next|last|every|each|any|some|no|an?|one|same|first|full|part|half|prime|extra|over|in|on|of|for|and|or|local)\b)[A-Z][a-z]+\s+"
_ZONE += rf"KST|HKT|SGT|AEST|AEDT|WAT|CAT|EAT|local\s+time|(?:{_PLACE_WORD}){{1,2}}time|Eastern|Pacific|Central)\b\)?))?"
# The day may follow the deadline the time names: "a noon deadline on Friday", "a 6 p.m. ultimatum for Sunday".
_DAY_TAIL = rf"""(?:,?\s+(?:(?:deadline|ultimatum)\s+(?:on|for)\s+|on\s+|of\s+)?(?:(?P<rel>today|tonight|tomorrow|yesterday)|(?:(?P<wrel>last|next|this)\s+)?
    (?P<weekday>{WEEKDAY})\b\.?(?:,?\s+(?:(?P<month2>{MONTH})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?|
    (?P<day4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month4>{MONTH})\b(?:,?\s+(?P<year4>1[0-9]{{3}}|20[0-9]{{2}})\b)?))?|(?P<month>{MONTH})\.?\s+
    (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?|(?P<day3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?
    (?P<month3>{MONTH})\b(?:,?\s+(?P<year3>1[0-9]{{3}}|20[0-9]{{2}})\b)?))?"""


def _on_day(m, ctx) -> date:
    """The day a clock time falls on: the one named after it, else the day the story is at."""
    today = ctx.today
    if m["rel"]:
        return today + timedelta(days={"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m["rel"].lower()])
    month = m["month"] or m["month2"] or m["month3"] or m["month4"]
    if month and month_number(month):
        day = int(m["day"] or m["day2"] or m["day3"] or m["day4"])
        year = m["year"] or m["year3"] or m["year4"]
        if year:  # "5 p.m. on October 28, 2022"
            return cal.safe_date(int(year), month_number(month), day) or ctx.reference_day("day")
        d = ctx.month_day(month_number(month), day, m.start(), m.end())
        if d and m["weekday"] and weekday_number(m["weekday"]):
            return cal.with_weekday(d, weekday_number(m["weekday"]), today)  # "11pm on Friday, September 1"
        if d:
            return d
    if m["weekday"] and weekday_number(m["weekday"]):
        rel = (m["wrel"] or "").lower()
        n = weekday_number(m["weekday"])
        return cal.named_weekday(today, n, rel) if rel else ctx.weekday(n, m.start(), m.end())
    return ctx.reference_day("day")


_UTC = re.compile(r"\(?\s*(?:GMT|UTC|Z)\b\)?$")


def _stamp(d: date, hour: int, minute: int, zone: str | None = None) -> str:
    """The TimeML value of a clock time: "Z" after it when it is given in UTC or GMT, as ISO 8601
    writes it ("15:00 GMT" is T15:00Z); other zones are kept in the text only."""
    z = "Z" if zone and _UTC.search(zone.strip()) else ""
    if hour == 24:
        return f"{d.isoformat()}T24:00{z}"
    return f"{d.isoformat()}T{hour:02d}:{minute:02d}{z}"


@compile_rule("clock-time", rf"""\b(?:(?P<approx>about|around|approximately)\s+)?
    (?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)
    (?P<zone>{_ZONE}){_DAY_TAIL}""", priority=2, triggers=('AMPM',), reach=(32, 56))
def clock_time(m, ctx):
    hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    minute = int(m["min"] or 0)
    mod = "APPROX" if m["approx"] and m["approx"].lower() in ("about", "around", "approximately") else None
    d = _on_day(m, ctx)
    return Value("TIME", _stamp(d, hour, minute, m["zone"]), mod=mod, granularity="day", anchor=d)


@compile_rule("clock-24h", rf"""(?<![\d:.,])(?P<h>[01]?\d|2[0-3])[:.h](?P<min>[0-5]\d)(?![\d:.,]\d)(?P<zone>{_ZONE})
    (?:\s*(?:hours|hrs|h)\b)?{_DAY_TAIL}""", priority=1, triggers=('NUMSEP',), reach=(8, 56))
def clock_24h(m, ctx):
    sep = m.group(0)[len(m["h"])]
    if not m["zone"].strip() and sep == ".":
        return None  # "3.45" is more often a price, an index or a score than a time
    if not m["zone"].strip() and not (m["weekday"] or m["month"] or m["month3"] or m["rel"]):
        before = ctx.text[max(0, m.start() - 6):m.start()].lower()
        if not re.search(r"\b(?:at|by|until|from|to|before|after)\s*$", before):
            return None  # a bare "3:1" is a score or a ratio
    d = _on_day(m, ctx)
    return Value("TIME", _stamp(d, int(m["h"]), int(m["min"]), m["zone"]), granularity="day", anchor=d)


@compile_rule("clock-hhmm", rf"""(?<![\d:.,$\u20ac\u00a3#])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)
    (?:(?P<zone>\s*(?:GMT|UTC|Z)\b|\s+local\s+time\b)(?:\s+(?:hours|hrs)\b)?|\s+(?:hours|hrs)\b(?P<zone2>{_ZONE}))
    {_DAY_TAIL}""", priority=2, triggers=('DIGITS4',), reach=(4, 64))
def clock_hhmm(m, ctx):
    """A time written as four digits with its zone or "hours", as agencies and armies write it:
    "0600 GMT", "1415 GMT on Tuesday", "at 2300 hours". Not in brackets after a time it restates:
    "10:35 a.m. (0735 GMT)" names one moment, already tagged."""
    if ctx.text[max(0, m.start() - 2):m.start()].strip() == "(":
        return None
    d = _on_day(m, ctx)
    return Value("TIME", _stamp(d, int(m["h"]), int(m["min"]), m["zone"]), granularity="day", anchor=d)


@compile_rule("noon-midnight", rf"""(?:\b12\s*|\b)(?P<word>noon|midnight|midday)(?:\s+(?:local\s+time|GMT|EST))?{_DAY_TAIL}""", priority=1, triggers=('PART',), reach=(8, 56))
def noon_midnight(m, ctx):
    word = m["word"].lower()
    d = _on_day(m, ctx)
    if word == "midday":
        return Value("TIME", _stamp(d, 12, 0), granularity="day", anchor=d)
    if word == "noon":
        return Value("TIME", _stamp(d, 12, 0), granularity="day", anchor=d)
    return Value("TIME", _stamp(d, 24, 0), granularity="day", anchor=d)


@compile_rule("weekday-at-time", rf"""\b(?:(?P<wrel>last|next|this)\s+)?(?P<weekday>{WEEKDAY})\b\.?,?\s+(?:at\s+)?
    (?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|(?P<word>noon|midnight))""", priority=2, triggers=('WEEKDAY',), reach=(24, 40))
def weekday_at_time(m, ctx):
    if not m["weekday"][0].isupper():
        return None
    n = weekday_number(m["weekday"])
    rel = (m["wrel"] or "").lower()
    d = cal.named_weekday(ctx.today, n, rel) if rel else ctx.weekday(n, m.start(), m.end())
    if m["word"]:
        hour = 12 if m["word"].lower() == "noon" else 24
        minute = 0
    else:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        minute = int(m["min"] or 0)
    return Value("TIME", _stamp(d, hour, minute), granularity="day", anchor=d)


@compile_rule("hour-in-the-part", r"""\b(?P<h>1[0-2]|[1-9])(?::(?P<min>[0-5]\d))?(?:(?P<oclock>\s*o['\u2019]clock)(?!\s+(?:in|at)\s)|
    (?:\s+o['\u2019]clock)?\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|(?P<night>at\s+night)))\b""",
              priority=1, triggers=('PART', 'OCLOCK'), reach=(16, 24))
def hour_in_the_part(m, ctx):
    """"4 in the morning", "7:30 in the evening", "11 at night", "at 11 o'clock": a clock time
    told by its part of the day or by the clock alone, on the day the story is at."""
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if not re.search(r"\b(?:at|by|until|till|from|to|around|about|after|before|since)\s+$", before):
        return None  # "5 in the morning session", "3 in the evening poll": a count
    hour = int(m["h"]) % 12
    part = (m["part"] or "").lower()
    if part in ("afternoon", "evening") or (m["night"] and hour >= 6):
        hour += 12
    d = ctx.reference_day("day")
    return Value("TIME", _stamp(d, hour, int(m["min"] or 0)), granularity="day", anchor=d)


@compile_rule("part-of-day-point", rf"""\b(?:by|until|till|since|from|in|at|around|before|after)\s+(?P<x>(?P<mod>early|late|mid)[\s-]?
    (?P<part>morning|afternoon|evening))\b(?![\s-]+(?:on\s+)?(?:trading|session|dealings|business|trade|news|paper|edition|show|shift|
    yesterday|today|tomorrow|{WEEKDAY}|{MONTH})\b)""",
              priority=0, triggers=('PART',), reach=(24, 24))
def part_of_day_point(m, ctx):
    """"By mid afternoon, official sources said": that part of the day the story is at."""
    d = ctx.reference_day("day")
    mod = {"early": "START", "late": "END", "mid": None}[m["mod"].lower()]
    return Value("TIME", f"{d.isoformat()}T{lexicon.PARTS_OF_DAY[m['part'].lower()]}", mod=mod, granularity="day", anchor=d)


@compile_rule("session-part-of-day", rf"""\b(?:in|during|by)\s+(?P<x>(?:(?P<mod>early|late|mid)[\s-]?)?(?P<part>morning|afternoon|evening))
    \s+(?:trading|dealings|business|session|trade)\b(?!\s+(?:on\s+)?(?:{WEEKDAY}|yesterday|today|tomorrow)\b)""",
              priority=1, triggers=('PART',), reach=(24, 48))
def session_part_of_day(m, ctx):
    """"shares slipped in afternoon trading": that part of the day the story is at."""
    d = ctx.reference_day("day")
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m["mod"] or "").lower())
    return Value("TIME", f"{d.isoformat()}T{lexicon.PARTS_OF_DAY[m['part'].lower()]}", mod=mod, granularity="day", anchor=d)

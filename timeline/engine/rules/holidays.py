"""Holidays: fixed ("Christmas", "New Year's Day"), counted ("Thanksgiving": the fourth Thursday of
November), Easter-based ("Good Friday"), of a lunar calendar ("Eid al-Fitr", "Ramadan", "Passover",
"Lunar New Year": `calendar.lunar_holiday`), of the Hindu and Sikh calendars ("Diwali", "Holi":
`calendar.listed_holiday`), days counted from another ("Black Friday"), and the week or weekend of one
("Easter week")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .. import calendar as cal
from .. import lexicon
from . import Value, alternation, compile_rule

_NAMES = alternation(lexicon.HOLIDAY_NAMES)


def _lunar(name: str, year: int) -> list[tuple[date, date]]:
    """First and last days of each occurrence of a lunar holiday starting in `year`."""
    specs = lexicon.EID.get(name) or (lexicon.LUNAR_HOLIDAYS[name],)
    return sorted(span for spec in specs for span in cal.lunar_holiday(spec, year))


def holiday_date(name: str, year: int) -> date | None:
    if name in lexicon.FIXED_HOLIDAYS:
        month, day = lexicon.FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name in lexicon.NTH_WEEKDAY_HOLIDAYS:
        month, weekday, n = lexicon.NTH_WEEKDAY_HOLIDAYS[name]
        return cal.nth_weekday(year, month, weekday, n)
    if name in lexicon.EASTER_HOLIDAYS:
        return cal.easter(year) + timedelta(days=lexicon.EASTER_HOLIDAYS[name])
    if name in lexicon.DAYS_AFTER_HOLIDAY:
        base, days = lexicon.DAYS_AFTER_HOLIDAY[name]
        return holiday_date(base, year) + timedelta(days=days)
    if name in lexicon.INDIAN_FESTIVALS:
        return cal.listed_holiday("IN", lexicon.INDIAN_FESTIVALS[name], year)
    return None


@compile_rule("holiday", rf"""\b(?:(?P<rel>this|last|next)\s+)?(?P<name>{_NAMES})\b(?:\s+(?P<period>week|weekend)\b)?
    (?:,?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?""", priority=1, triggers=('HOLIDAY',), reach=(16, 48))
def holiday(m, ctx):
    if not m["name"][0].isupper():
        return None
    name = " ".join(m["name"].lower().replace("\u2019", "'").split())
    today = ctx.today
    if name in lexicon.EID and not (_EID_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
                                    or _EID_AFTER.match(ctx.text, m.end())):
        return None  # "said Ahmed Eid, a spokesman": a surname
    if name in lexicon.LUNAR_HOLIDAYS or name in lexicon.EID:
        return _lunar_value(name, m, ctx)
    if m["year"]:
        d = holiday_date(name, int(m["year"]))
    else:
        rel = (m["rel"] or "").lower()
        dates = [d for d in (holiday_date(name, y) for y in (today.year - 1, today.year, today.year + 1)) if d]
        if rel == "last":
            d = max((x for x in dates if x < today), default=None)
        elif rel == "next":
            d = min((x for x in dates if x > today), default=None)
        else:
            d = cal.nearest_occurrence(dates, today, ctx.tense(m.start(), m.end())) if dates else None
    if d is None:
        return None  # a festival in a year the calendar of it does not reach
    if m["period"]:  # "Easter week", "Thanksgiving weekend": the week that holds the day
        grain = m["period"].lower()
        return Value("DATE", cal.value_at(d, grain), granularity=grain, anchor=d)
    return Value("DATE", d.isoformat(), granularity="day", anchor=d)


# "Eid" alone is the holiday after a preposition or an article, or before a word of the holiday.
_EID_BEFORE = re.compile(r"\b(?:for|during|of|after|before|on|until|till|since|over|the|this|last|next|by|through|ahead\s+of)\s+$",
                         re.IGNORECASE)
_EID_AFTER = re.compile(r"\s+(?:holidays?|festival|festivities|celebrations?|prayers?|break|weekend)\b", re.IGNORECASE)


def _lunar_value(name: str, m, ctx) -> Value | None:
    """"Eid al-Fitr", "Ramadan 2020", "last Passover": the occurrence the year, the word before or
    the tense points to; one day, or the period from its first day to its last ("Ramadan", the
    eight days of Passover)."""
    today = ctx.today
    if m["year"]:
        spans = _lunar(name, int(m["year"]))
    else:
        spans = [s for y in (today.year - 1, today.year, today.year + 1) for s in _lunar(name, y)]
        rel = (m["rel"] or "").lower()
        if rel == "last":
            spans = [s for s in spans if s[1] < today][-1:]
        elif rel == "next":
            spans = [s for s in spans if s[0] > today][:1]
        elif spans:
            # the one in progress, else the nearest by the tense
            current = [s for s in spans if s[0] <= today <= s[1]]
            start = current[0][0] if current else cal.nearest_occurrence([s[0] for s in spans], today,
                                                                          ctx.tense(m.start(), m.end()))
            spans = [s for s in spans if s[0] == start]
    if not spans:
        return None
    first, last = spans[0]
    value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    return Value("DATE", value, granularity="day", anchor=first)


_ON = re.compile(r"\bon\s+$", re.IGNORECASE)


@compile_rule("named-day", rf"""(?<![\w/.$])(?P<name>{alternation(lexicon.NAMED_DAYS)})(?![\w/]|\.\d)""", triggers=('NUMSEP',),
              reach=(8, 8))
def named_day(m, ctx):
    """"the law passed in the wake of 9/11": the day it names, in the year it happened. "on 9/11"
    may be any year's September 11 and is left alone."""
    d = date(*lexicon.NAMED_DAYS[m["name"]])
    if d >= ctx.today or _ON.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None
    # named as background, not as the day the story is at: later times keep their own anchor
    return Value("DATE", d.isoformat(), granularity="day", anchor=d, from_reference=True)

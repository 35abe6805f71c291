"""Holidays: fixed ("Christmas", "New Year's Day"), counted ("Thanksgiving": the fourth Thursday of
November) and Easter-based ("Good Friday"), and the week or weekend of one ("Easter week")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .. import calendar as cal
from .. import lexicon
from . import Value, alternation, compile_rule

_NAMES = alternation(lexicon.HOLIDAY_NAMES)


def holiday_date(name: str, year: int) -> date | None:
    if name in lexicon.FIXED_HOLIDAYS:
        month, day = lexicon.FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name in lexicon.NTH_WEEKDAY_HOLIDAYS:
        month, weekday, n = lexicon.NTH_WEEKDAY_HOLIDAYS[name]
        return cal.nth_weekday(year, month, weekday, n)
    if name in lexicon.EASTER_HOLIDAYS:
        return cal.easter(year) + timedelta(days=lexicon.EASTER_HOLIDAYS[name])
    return None


@compile_rule("holiday", rf"""\b(?:(?P<rel>this|last|next)\s+)?(?P<name>{_NAMES})\b(?:\s+(?P<period>week|weekend)\b)?
    (?:,?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?""", priority=1, triggers=('HOLIDAY',), reach=(16, 48))
def holiday(m, ctx):
    if not m["name"][0].isupper():
        return None
    name = " ".join(m["name"].lower().replace("\u2019", "'").split())
    today = ctx.today
    if m["year"]:
        d = holiday_date(name, int(m["year"]))
    else:
        rel = (m["rel"] or "").lower()
        dates = [holiday_date(name, y) for y in (today.year - 1, today.year, today.year + 1)]
        if rel == "last":
            d = max(x for x in dates if x < today)
        elif rel == "next":
            d = min(x for x in dates if x > today)
        else:
            d = cal.nearest_occurrence(dates, today, ctx.tense(m.start(), m.end()))
    if m["period"]:  # "Easter week", "Thanksgiving weekend": the week that holds the day
        grain = m["period"].lower()
        return Value("DATE", cal.value_at(d, grain), granularity=grain, anchor=d)
    return Value("DATE", d.isoformat(), granularity="day", anchor=d)


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

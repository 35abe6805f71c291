"""Weekdays: "Wednesday", "last Friday", "next Tuesday", "Friday morning", "on Mondays", "Friday week".

A bare weekday points back or ahead by the tense of its clause; the publication day itself when
the weekday is the day of publication.
"""
from __future__ import annotations

import re
from datetime import timedelta

from .. import calendar as cal
from .. import lexicon
from . import WEEKDAY, Value, alternation, compile_rule, is_capitalised, weekday_number

_PART = alternation(lexicon.PARTS_OF_DAY)
# Words after which a weekday's short form is a weekday, as messages write it: "see you on sat".
_SHORT_DAY_AFTER = re.compile(r"\b(?:on|by|till|til|until|from|every)\s+$", re.IGNORECASE)
# The week named after a list of weekdays: "on Monday and Tuesday next week".
_SHARED_WEEK = re.compile(rf"(?:\s*,\s*|\s+(?:and|or|&)\s+)(?:{WEEKDAY})\s+(?:of\s+)?(?P<wrel>next|this|last|the\s+following|"
                          r"the\s+coming)\s+week\b", re.IGNORECASE)
# A weekday listed after one with "next" or "last" shares it: "next Tuesday or Wednesday".
_SHARED_REL = re.compile(rf"\b(?P<rel>next|last)\s+(?:{WEEKDAY})\s*(?:,|\s+or|\s+and|\s*&)\s+$", re.IGNORECASE)
_LISTED_AFTER = re.compile(rf"\b(?:{WEEKDAY})\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$", re.IGNORECASE)


def _after_listed_day(m, ctx):
    """The day of the weekday listed just before this one ("Monday and "), where it lies ahead: a
    list of days to come runs in order; one of days gone by ("statements made Friday and Thursday")
    is read day by day."""
    seen = ctx.last_by_grain.get("day")
    if seen is None or seen[0].anchor is None or not 0 <= m.start() - seen[1] <= 8 or seen[0].anchor <= ctx.today:
        return None
    return seen[0].anchor if _LISTED_AFTER.search(ctx.text, max(0, seen[1] - 12), m.start()) else None


# Words that make a weekday the name of an event remembered by it.
_NAMED_DAY = re.compile(r"\bBloody\s+$")


@compile_rule("weekday", rf"""\b(?:(?P<rel>last|this|next|coming|past|(?:the\s+)?(?:previous|preceding|following)|this\s+coming|early|late)\s+|
    (?P<aweek>a\s+week\s+on\s+))?(?P<day>{WEEKDAY})(?:(?P<plural>s)\b|\b)(?P<dot>\.)?(?:\s+(?P<part>{_PART})\b|(?<!\.)(?P<week>\s+week\b(?![-'\u2019]))|
    (?<!\.)(?P<which>\s+(?:of\s+)?(?P<wrel>next|this|last|the\s+following|the\s+coming|the\s+previous)\s+week\b))?""",
              triggers=('WEEKDAY',), reach=(24, 32))
def weekday(m, ctx):
    word = m["day"]
    # "Sun", "Sat", "Wed" alone are seldom weekdays in prose; after "on" or "next" ("see you on
    # sat", "till fri") they are, in any case, but for the sun.
    short_day = word.lower() != "sun" and (m["rel"] or _SHORT_DAY_AFTER.search(ctx.text, max(0, m.start() - 8), m.start()))
    if not is_capitalised(word) and word.lower() not in lexicon.FULL_WEEKDAYS and not short_day:
        return None
    if len(word) <= 4 and not m["dot"] and word.lower() not in ("tues", "thur", "thurs") and not short_day:
        return None
    if not m["rel"] and _NAMED_DAY.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Bloody Sunday": a named event, not a day of this week
    n = weekday_number(word)
    part = (m["part"] or "").lower()
    if m["plural"]:
        code = f"T{lexicon.PARTS_OF_DAY[part]}" if part else ""
        return Value("SET", f"XXXX-WXX-{n}{code}")
    rel = " ".join((m["rel"] or "").lower().split()).removeprefix("the ")
    if not rel and (shared_rel := _SHARED_REL.search(ctx.text, max(0, m.start() - 32), m.start())):
        rel = shared_rel["rel"].lower()  # "next Tuesday or Wednesday": both of next week
    today = ctx.today
    if rel in ("previous", "preceding") and ctx.reference is not None:
        # "down 4.5% from the previous Friday": the one before the day the story is at.
        d = cal.resolve_weekday(ctx.reference_day("day") - timedelta(days=1), n, -1)
    elif rel == "following":
        # "they met again the following Monday": the first one after the day the story is at.
        d = cal.resolve_weekday(ctx.reference_day("day") + timedelta(days=1), n, +1)
    elif rel in ("last", "past", "previous", "preceding"):
        d = cal.named_weekday(today, n, "last")
    elif rel == "next" and m["week"]:  # "next Monday week": a week after next Monday
        d = cal.named_weekday(today, n, "next") + timedelta(days=7)
    elif rel == "next":  # the Tuesday of next week; "this coming Tuesday" is the first one ahead
        d = cal.named_weekday(today, n, "next")
    elif m["which"] or (shared := _SHARED_WEEK.match(ctx.text, m.end())):
        # "Wednesday next week", "Sunday of the following week": that weekday of the week named;
        # "on Monday and Tuesday next week": the list's week
        wrel = (m["wrel"] or shared["wrel"]).lower().split()[-1]
        if wrel == "following":  # the first such day after the day the story is at
            d = cal.resolve_weekday(ctx.reference_day("day") + timedelta(days=1), n, +1)
        else:
            step = {"next": 1, "coming": 1, "this": 0, "last": -1, "previous": -1}[wrel]
            monday = today - timedelta(days=today.isoweekday() - 1) + timedelta(weeks=step)
            d = monday + timedelta(days=n - 1)
    elif m["week"] or m["aweek"]:
        # "on Friday week", "a week on Friday": a week after the coming Friday.
        d = cal.resolve_weekday(today + timedelta(days=1), n, +1) + timedelta(days=7)
    elif rel in ("coming", "this coming"):
        d = cal.resolve_weekday(today + timedelta(days=1), n, +1)
    elif (listed := _after_listed_day(m, ctx)) is not None:
        # "a strike for Monday and Tuesday", "on Friday or Monday": the days of a list follow
        # one another, each after the one before it
        d = cal.resolve_weekday(listed + timedelta(days=1), n, +1)
    elif rel == "this":
        d = cal.resolve_weekday(today, n, ctx.tense(m.start(), m.end()) or +1)
    else:
        d = ctx.weekday(n, m.start(), m.end())
    mod = {"early": "START", "late": "END"}.get(rel)
    if part:
        return Value("TIME", f"{d.isoformat()}T{lexicon.PARTS_OF_DAY[part]}", mod=mod, granularity="day", anchor=d)
    return Value("DATE", d.isoformat(), mod=mod, granularity="day", anchor=d)

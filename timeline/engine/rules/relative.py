"""Dates counted from the publication date or from the story's last date: "today", "yesterday",
"last week", "next month", "two days ago", "a year earlier", "the next day", "a week from today"."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .. import calendar as cal
from .. import lexicon
from . import MONTH, NUMBER, Value, alternation, compile_rule, duration_value, parse_number, unit_name

_PART = alternation(lexicon.PARTS_OF_DAY)


def _day(d: date) -> Value:
    return Value("DATE", d.isoformat(), granularity="day", anchor=d)


def _period(d: date, unit: str, mod: str | None = None) -> Value:
    grain = "weekend" if unit == "weekend" else unit
    anchor = d
    return Value("DATE", cal.value_at(d, grain), mod=mod, granularity=unit if unit != "weekend" else "week",
                 anchor=anchor)


_INFORMAL = alternation(lexicon.INFORMAL_DAYS)


# Verbs of saying and thinking, after which "that" opens a clause rather than pointing at a day.
_SAYING = re.compile(rf"\b(?:{alternation(lexicon.THAT_CLAUSE_VERBS)})\s+$", re.IGNORECASE)


@compile_rule("deictic-day", rf"""\b(?:(?P<aweek>a\s+(?:week|fortnight)\s+)?(?P<word>today|tonight|yesterday|tomorrow|{_INFORMAL}|the\s+day\s+before\s+yesterday|
    the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{_PART}))?|(?P<this>this|that|last|tomorrow|yesterday)\s+(?P<part2>{_PART})|
    (?P<overnight>overnight))\b""", priority=1, triggers=('DEICTIC', 'PART'), reach=(40, 48))
def deictic_day(m, ctx):
    word = re.sub(r"\s+", " ", (m["word"] or m["this"] or "").lower())
    word = lexicon.INFORMAL_DAYS.get(word, word)  # "tmrw", "tonite"
    today = ctx.today
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
    part = (m["part"] or m["part2"] or "").lower()
    if word == "last" and lexicon.PARTS_OF_DAY.get(part) in ("NI", "EV"):
        offset = -1
    elif word == "last":
        return None
    if word in ("today", "tonight") and ctx.narrative and not part and ctx.tense(m.start(), m.end()) >= 0:
        # "Today the flood is remembered ...": in a narrative, the writer's day, not the story's
        if not ctx.written_known:
            return Value("DATE", "PRESENT_REF")
        today = ctx.dct.date()
    if word == "that":  # "the city fell that evening": the day the story is at
        if _SAYING.search(ctx.text, max(0, m.start() - 16), m.start()):
            return None  # "he said that night would fall": "that" opens what was said
        today = ctx.reference_day("day")
    if m["aweek"] and word in ("today", "tonight", "tomorrow", "yesterday"):
        # "a week today", "a week tomorrow": that day a week on; "a week yesterday", a week before it
        weeks = 2 if "fortnight" in m["aweek"].lower() else 1
        offset += 7 * weeks * (-1 if word == "yesterday" else 1)
    d = today + timedelta(days=offset)
    if word == "tonight":
        part = "night"
    if m["overnight"]:
        part = "overnight"
    if part:
        return Value("TIME", f"{d.isoformat()}T{lexicon.PARTS_OF_DAY[part]}", granularity="day", anchor=d)
    return _day(d)


_PERIOD_REL = alternation(["this", "last", "next", "coming", "current", "previous", "past", "following", "the coming",
                           "the current", "the previous", "the following", "the next", "the past", "the last",
                           "later this", "earlier this", "later next", "earlier last"])


@compile_rule("relative-period", rf"""\b(?P<rel>{_PERIOD_REL})\s+(?P<unit>week|weekend|month|quarter|year|decade|century|fortnight)\b
    (?!-)""", priority=1, triggers=('UNIT', 'QUARTER', 'CENTURY'), reach=(40, 24))
def relative_period(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if unit == "fortnight":
        # No calendar divides the year into fortnights: "the next fortnight" is two weeks' span.
        return Value("DURATION", duration_value(1, unit))
    mod = None
    if rel.startswith("earlier "):
        mod, rel = "START", rel.split()[1]
    elif rel.startswith("later "):
        mod, rel = "END", rel.split()[1]
    if rel in ("the past", "the last", "past") and unit == "weekend":
        rel = "last"  # "over the past weekend": the weekend just gone, a date like "last weekend"
    elif rel in ("the past", "the last", "past"):
        # "the past week" is the stretch just gone: a duration in TimeML.
        return Value("DURATION", duration_value(1, unit))
    if rel in ("the following", "the next", "following", "the previous", "previous"):
        # Anchored on the story's last date rather than the publication date.
        step = 1 if rel in ("the following", "the next", "following") else -1
        base = ctx.reference_day()
        return replace(_period(cal.shift(base, unit, step), unit), from_reference=ctx.reference is not None)
    step = {"this": 0, "current": 0, "the current": 0, "last": -1, "next": 1, "coming": 1,
            "the coming": 1}[rel]
    if unit == "weekend" and step == 0 and ctx.today.isoweekday() < 5 and ctx.tense(m.start(), m.end()) < 0:
        step = -1
    return _period(cal.shift(ctx.today, unit, step), unit, mod)


_GENERIC_OF = re.compile(r"\b(?:days?|times?|hours?)\s+of\s+$", re.IGNORECASE)


# "the year to March", "the fiscal year ended Jan. 31": a year counted to a month or a day ("the
# year to swap their licences" is no such year)
_YEAR_TO = re.compile(r"\s+(?:ended|ending|to|through|until)\s+(?:(?:the\s+)?end\s+of\s+)?(?:(?:" + MONTH + r")\b|\d)",
                      re.IGNORECASE)
# A decade or century named by "the" is one only as the period a part of is taken from: "by the end
# of the decade"; "the decade" alone is as often a span ("over the decade").
_PART_OF = re.compile(r"\b(?:end|start|beginning|middle|close)\s+of\s+$", re.IGNORECASE)


_SAME_AS = re.compile(r"\s+as\b", re.IGNORECASE)
_PART_OF_THAT = re.compile(r"\b(?:" + MONTH + r")\.?\s+of\s+$", re.IGNORECASE)


@compile_rule("bare-period", r"""\b(?P<the>the|that|this)\s+(?:(?P<same>same)\s+|(?P<full>full)\s+|(?P<fiscal>fiscal|financial)\s+(?=year))?(?P<unit>day|week|weekend|month|year|decade|century)\b(?:(?![-\u2019'])|(?<=weekend)(?=['\u2019]s\b))
    (?!\s+(?:before|after|earlier|later|ago|of|beginning|commencing|starting)\b)""", triggers=('UNIT', 'CENTURY'), reach=(24, 48))
def bare_period(m, ctx):
    unit = m["unit"].lower()
    det = m["the"].lower()
    if m["same"] and _SAME_AS.match(ctx.text, m.end()):
        return None  # "on the same day as the general election": the day of what follows, unnamed
    span_before = re.search(r"\b(?:for|during|over|throughout)\s+$", ctx.text[max(0, m.start() - 12):m.start()], re.I)
    if m["fiscal"] and not (span_before or _YEAR_TO.match(ctx.text, m.end())):
        return None  # "before the fiscal year begins on April 1": which year it is, the date after says
    if unit in ("decade", "century") and (det != "the" or not _PART_OF.search(ctx.text, max(0, m.start() - 16), m.start())):
        return None
    if det == "the" and _GENERIC_OF.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "the days of the week", "this time of the year": any week, any year
    from_reference = (det == "that" or bool(m["same"])) and ctx.reference is not None
    base = ctx.reference_day() if from_reference else ctx.today
    if det == "that" and unit == "year" and _PART_OF_THAT.search(ctx.text, max(0, m.start() - 16), m.start()) \
            and (year := ctx.recent("year", m.start())) is not None and year.anchor is not None:
        # "In March of that year": the year named before, not the month this phrase just named
        base = year.anchor
    if unit == "weekend":
        tense = ctx.tense(m.start(), m.end())
        # Without a tense, early in the week "the weekend" is the one just gone, late in it the next.
        back = tense < 0 or (tense == 0 and base.isoweekday() <= 3)
        base = base - timedelta(days=(base.isoweekday() - 6) % 7) if back \
            else base + timedelta(days=(6 - base.isoweekday()) % 7)
        value = _period(base, "weekend")
    elif unit == "day":
        if det == "the" and not m["same"]:
            return None  # "the day" is seldom a date of its own
        value = _day(base)
    elif unit == "year" and det == "the" and not m["full"] and (span_before or _YEAR_TO.match(ctx.text, m.end())):
        # "for the year", "in the year to March", "the fiscal year ended Jan. 31": the span, not
        # the calendar year.
        return Value("DURATION", "P1Y")
    else:
        value = _period(base, unit)
    return replace(value, from_reference=from_reference)


_AGO_QMOD = alternation(["about", "around", "nearly", "almost", "some", "roughly", "approximately", "more than",
                         "less than", "over"])


@compile_rule("this-time-last-year", r"""\bthis\s+time\s+(?:last\s+year|a\s+year\s+ago)\b""", priority=3,
              triggers=('UNIT',), reach=(32, 16))
def this_time_last_year(m, ctx):
    """"this time last year", "this time a year ago": the same time of year, a year back."""
    return _day(cal.shift(ctx.today, "year", -1))


@compile_rule("before-last", r"""\bthe\s+(?P<unit>week|weekend|month|year)\s+before\s+last\b""", priority=2,
              triggers=('UNIT',), reach=(8, 32))
def before_last(m, ctx):
    """"the weekend before last", "the year before last": two back from the current one."""
    unit = m["unit"].lower()
    base = ctx.today
    if unit == "weekend":  # the weekend just gone is "last weekend"; the one before it, this
        base = base - timedelta(days=(base.isoweekday() - 6) % 7 or 7)
        return _period(base - timedelta(weeks=1), "weekend")
    return _period(cal.shift(base, unit, -2), unit)


@compile_rule("ago", rf"""\b(?:(?P<qmod>{_AGO_QMOD})\s+)?(?P<num>{NUMBER}|{alternation(["several", "a few", "few", "many", "some"])})[\s-]+(?P<unit>(?:day|week|month|year|decade|century|centuries|hour|minute|quarter)s?)
    (?P<orso>\s+or\s+so)?\s+(?:(?P<dir>ago|earlier|later|previously|hence|from\s+(?:now|today|tomorrow))\b|(?P<dir2>before|after)(?=\s*(?:[,.;:)]|$|and\b)))""",
              priority=2, triggers=('UNIT', 'QUARTER', 'CENTURY'), reach=(32, 24))
def ago(m, ctx):
    unit = unit_name(m["unit"])
    n = parse_number(m["num"])
    direction = (m["dir"] or m["dir2"]).lower()
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    anchored = direction in ("earlier", "later", "before", "after") and ctx.reference is not None
    base = ctx.reference_day() if anchored else ctx.today
    if direction.endswith("tomorrow"):
        base = ctx.today + timedelta(days=1)
    if n is None:
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit in ("hour", "minute"):
        return _day(base)
    count = int(n) if n == int(n) else None
    if count is None:
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    target = cal.shift(base, unit, sign * count)
    grain = unit
    ref = ctx.reference
    quarter = ctx.recent("quarter", m.start()) or (_quarter_ending(ctx, m.start()) if unit == "year" else None)
    if unit == "year" and quarter is not None:
        # In a story about a quarter, "a year ago" and "a year earlier" mean that quarter a year before.
        target = cal.shift(quarter.anchor, unit, sign * count)
        grain = "quarter"
        anchored = True
    elif unit == "year" and direction in ("ago", "earlier") and (month := ctx.recent("month", m.start(), within=120)) is not None \
            and month.anchor is not None:
        # "Sales in November rose 4% from a year earlier": that month a year before
        target = cal.shift(month.anchor, unit, sign * count)
        grain = "month"
        anchored = True
    elif anchored and ref.granularity in ("quarter", "half") and unit == "year" and ref.anchor is not None:
        target = cal.shift(ref.anchor, unit, sign * count)
        grain = ref.granularity
    if grain == "season":
        grain = "quarter"
    if direction.startswith("from") and unit in ("day", "week", "month"):
        grain = "day"  # "a week from today" names a day
    mod = "APPROX" if m["orso"] else lexicon.QUANTITY_MODIFIERS.get(" ".join((m["qmod"] or "").lower().split()))
    if mod in ("LESS_THAN", "MORE_THAN"):
        mod = "APPROX"  # "nearly four years ago" names a time near that year, not a bound
    return Value("DATE", cal.value_at(target, grain), mod=mod, granularity=grain, anchor=target,
                 from_reference=anchored)


# "the quarter ended Sept. 30", "the three months that ended Dec. 31": a quarter named by its last day.
_QUARTER_ENDED = re.compile(r"\b(?:quarter|three\s+months|three-month\s+period)\s+(?:that\s+|which\s+)?"
                            r"(?:ended|ending|ends|to|through)\s+(?:on\s+)?", re.IGNORECASE)


def _quarter_ending(ctx, at: int) -> Value | None:
    """The last day of the quarter a story reports on, where it names that quarter by its last day
    within the few hundred characters before `at`; else None."""
    seen = ctx.last_by_grain.get("day")
    if seen is None or not 0 <= at - seen[1] <= 400:
        return None
    day, end = seen
    named = None
    for named in _QUARTER_ENDED.finditer(ctx.text, max(0, end - 240), end):
        pass
    return day if named is not None and end - named.end() <= 20 else None


@compile_rule("next-day", r"""\b(?:the\s+)?(?P<rel>next|following|previous|preceding|same|prior)\s+(?P<unit>day|morning|evening|night|afternoon)\b|
    \bthe\s+day\s+(?P<dir>before|after)\b(?=\s*(?:[,.;:)]|$))""", priority=1, triggers=('UNIT', 'PART'), reach=(24, 24))
def next_day(m, ctx):
    rel = (m["rel"] or m["dir"]).lower()
    if rel == "same" and _SAME_AS.match(ctx.text, m.end()):
        return None  # "on the same day as the general election": the day of what follows, unnamed
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1,
            "prior": -1, "same": 0}[rel]
    d = ctx.reference_day("day") + timedelta(days=step)
    unit = (m["unit"] or "day").lower()
    anchored = ctx.reference is not None
    if unit != "day":
        return Value("TIME", f"{d.isoformat()}T{lexicon.PARTS_OF_DAY[unit]}", granularity="day", anchor=d,
                     from_reference=anchored)
    return replace(_day(d), from_reference=anchored)


@compile_rule("year-end", r"""\b(?P<what>year|month|quarter|week)(?:[\s-]|['\u2019]s\s+)end\b|\b(?P<earlier>year)[\s-](?:earlier|ago)\b|
    \bmid-?(?P<mid>year|month)\b(?![\s-]+(?:old|long)\b)|
    \b(?:the\s+)?end\s+of\s+(?P<bare>year|month|quarter|week)\b(?![\s-]+(?:end|long|old|ago)\b)|
    \bthe\s+turn\s+of\s+the\s+(?P<turn>year)\b""", triggers=('UNIT', 'QUARTER'), reach=(24, 24))
def year_end(m, ctx):
    if m["earlier"]:
        ref = ctx.recent("quarter", m.start()) or ctx.reference
        if ref is not None and ref.anchor is not None and ref.granularity in ("quarter", "half", "month", "year"):
            d = cal.shift(ref.anchor, "year", -1)
            return Value("DATE", cal.value_at(d, ref.granularity), granularity=ref.granularity, anchor=d,
                         from_reference=True)
        d = cal.shift(ctx.today, "year", -1)
        return _period(d, "year")
    if m["mid"]:
        return _period(ctx.today, m["mid"].lower(), "MID")  # "by mid-year", "a midmonth review"
    return _period(ctx.today, (m["what"] or m["bare"] or m["turn"]).lower(), "END")  # "by the turn of the year"


@compile_rule("end-of-day", r"""\b(?:by|until|till|before)\s(?P<x>(?:the\s+)?end\s+of\s+(?:the\s+)?
    (?:business\s+|working\s+)?day)\b(?!\s+(?:on|of)\b)""", triggers=('UNIT',), reach=(36, 12))
def end_of_day(m, ctx):
    """"until the end of the day", "by end of business day": a deadline of the day the story is at;
    "at the end of the day", an idiom, is no time. A day named after it ("by the end of the day on
    Friday") is that day's mention."""
    d = ctx.reference_day("day")
    return Value("DATE", d.isoformat(), mod="END", granularity="day", anchor=d)


@compile_rule("same-period-year-before", r"""\bthe\s+(?:same|corresponding|comparable)\s+(?P<noun>period|quarter|month|week|time)\s+
    (?:(?:of|in)\s+(?:the\s+)?(?:previous|prior|preceding|last)\s+year|(?:a\s+year\s+(?:earlier|ago|before))|last\s+year)\b""",
              priority=3, triggers=('UNIT', 'QUARTER'), reach=(48, 48))
def same_period_year_before(m, ctx):
    """"the same period of the previous year", "the corresponding quarter a year earlier": the
    period the story is at, a year back; without one, the quarter or the year before."""
    noun = m["noun"].lower()
    # A "period" in a report of results is its quarter, where the story has one.
    ref = ctx.recent("quarter", m.start()) if noun in ("quarter", "period") else None
    ref = ref or (ctx.reference if noun != "quarter" else None)
    grain = ref.granularity if ref is not None and ref.anchor is not None else None
    if grain in ("quarter", "month", "week", "day") and ref.value[:4].isdigit():
        year = int(ref.value[:4]) - 1
        value = f"{year:04d}{ref.value[4:]}"
        if cal.interval(value) is not None:
            return Value("DATE", value, granularity=grain, anchor=cal.shift(ref.anchor, "year", -1), from_reference=True)
    unit = "quarter" if noun == "quarter" else "year"
    return replace(_period(cal.shift(ctx.today, "year", -1), unit), from_reference=True)


@compile_rule("last-quarter", r"""\b(?:in|during)\s+(?P<x>the\s+(?:last|past|previous|latest|most\s+recent)\s+quarter)\b
    (?!\s+(?:of|century|mile))""", priority=3, triggers=('QUARTER',), reach=(32, 24))
def last_quarter(m, ctx):
    """"profits fell in the last quarter": the quarter before the one the text is written in, a
    date, not a span of three months."""
    return _period(cal.shift(ctx.today, "quarter", -1), "quarter")


# "the new year" spoken of in the second half of a year is the year to come; in its first months,
# the year just begun. Its holiday ("the new year celebrations") is left to the holiday names.
@compile_rule("new-year", r"""\bthe\s+new\s+year\b(?![\s-]*(?:['\u2019]s|eve|day|holidays?|celebrations?|party|parties|
    festivities|message|address|honours|honors|resolutions?))""", triggers=('UNIT',), reach=(24, 24))
def new_year(m, ctx):
    today = ctx.today
    return _period(date(today.year + (today.month >= 7), 1, 1), "year")


# "before then", "by that time": the day the sentence has just named, in the words of a condition or a
# deadline ("would take effect June 28 if the dispute is not resolved before then"); "after that
# date", "those who miss the date": the day a deadline named.
@compile_rule("then", r"""\b(?:by|before|until|till)\s+(?P<x>then|that\s+(?:time|date|day))\b|
    (?:(?<=\bafter\s)|(?<=\bpast\s)|(?<=\bbeyond\s)|(?<=\bmiss\s)|(?<=\bmisses\s)|(?<=\bmissed\s)|(?<=\bmeet\s)|
    (?<=\bmeets\s)|(?<=\bmet\s))(?:that|the)\s+date\b""", triggers=('ANAPHOR', 'DEICTIC', 'UNIT'),
              reach=(24, 16))
def then(m, ctx):
    named = ctx.last_point(m.start(), within=240)
    if named is None or named.type not in ("DATE", "TIME") or named.anchor is None:
        return None
    return replace(named, from_reference=True)

"""Calendar dates written out: "March 22, 2013", "22 March", "Sept. 30", "3/22/2013", "2013-03-22",
"July 1997", "November", "the 15th"."""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date
from functools import lru_cache

from .. import calendar as cal
from .. import lexicon
from . import MONTH, MONTH_AFTER, WEEKDAY, Value, alternation, compile_rule, is_capitalised, month_number, weekday_number

_NAMED = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][a-z]")
_WEEKDAY_PREFIX = rf"(?:(?:(?:this\s+(?:coming\s+)?|next\s+|last\s+)(?=(?:{WEEKDAY})\.?,?\s))?(?P<wd>{WEEKDAY})\.?,?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2}|'\d{2})"


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text.startswith("'"):
        yy = int(text[1:])
        return 1900 + yy if yy >= 30 else 2000 + yy
    return int(text)


def _named_year(ctx, word: str) -> int:
    """The year "last year", "this year" or "next year" names."""
    return ctx.today.year + {"last": -1, "this": 0, "next": 1}[word.lower()]


def _day_value(m, ctx, month: int, day: int, year: int | None) -> Value | None:
    if year is None:
        resolved = ctx.month_day(month, day, m.start(), m.end())
        if resolved is None:
            return None
        weekday = weekday_number(m["wd"]) if "wd" in m.re.groupindex and m["wd"] else None
        if weekday:
            resolved = cal.with_weekday(resolved, weekday, ctx.today)
    else:
        if day > _cal.monthrange(year, month)[1]:
            return None
        resolved = date(year, month, day)
    return Value("DATE", resolved.isoformat(), granularity="day", anchor=resolved)


@compile_rule("month-day-year", rf"""\b{_WEEKDAY_PREFIX}(?P<month>{MONTH})(?:\.?\s+|\.(?=\d{{1,2}}\b(?![.:,]\d)))(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)))?{_DAY}\b
    (?:(?:,\s*|\s+)(?:of\s+)?{_YEAR}\b|\s+(?P<yrel>next|last|this)\s+year\b)?(?!\s*(?:%|percent|\d|-\d|:\d))""", priority=2,
              triggers=('MONTH',), reach=(20, 32))
def month_day_year(m, ctx):
    if not is_capitalised(m["month"]):
        return None
    year = _named_year(ctx, m["yrel"]) if m["yrel"] else _year(m["year"])  # "January 20 next year"
    return _day_value(m, ctx, month_number(m["month"]), int(m["day"]), year)


@compile_rule("day-month-year", rf"""\b{_WEEKDAY_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{MONTH})\b\.?
    (?:,?\s+{_YEAR}\b|\s+(?P<yrel>next|last|this)\s+year\b)?""", priority=2, triggers=('MONTH',), reach=(28, 24))
def day_month_year(m, ctx):
    if not is_capitalised(m["month"]):
        return None
    year = _named_year(ctx, m["yrel"]) if m["yrel"] else _year(m["year"])  # "31 March next year"
    return _day_value(m, ctx, month_number(m["month"]), int(m["day"]), year)


@compile_rule("day-range-first", rf"""\b(?:between\s+)?(?P<x>(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)
    \s*(?:-|\u2013|to|and|or)\s*(?P<last>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})\b\.?
    (?:,?\s+{_YEAR}\b|\s+(?P<yrel>next|last|this)\s+year\b)?""", priority=1, triggers=('MONTH',), reach=(28, 32))
def day_range_first(m, ctx):
    """The first day of a range written once with its month: "3-4 May", "between 12 and 14 June
    2021" (the last day is the day-month rule's)."""
    if not is_capitalised(m["month"]) or int(m["day"]) >= int(m["last"]):
        return None  # "9-5 March" is no range of days
    year = _named_year(ctx, m["yrel"]) if m["yrel"] else _year(m["year"])
    return _day_value(m, ctx, month_number(m["month"]), int(m["day"]), year)


@compile_rule("month-day-range", rf"""\b(?P<x>(?P<month>{MONTH})\.?\s+(?P<day>[12]\d|3[01]|0?[1-9]))\s*(?:-|\u2013)\s*
    (?P<last>[12]\d|3[01]|0?[1-9])\b(?!\s*(?:%|percent|[:.]\d))(?:,?\s+{_YEAR}\b)?""", priority=1, triggers=('MONTH',), reach=(8, 32))
def month_day_range(m, ctx):
    """The first day of a range written with its month first: "March 6-10", "Aug. 3-5, 2021"."""
    if not is_capitalised(m["month"]) or int(m["day"]) >= int(m["last"]):
        return None
    return _day_value(m, ctx, month_number(m["month"]), int(m["day"]), _year(m["year"]))


@compile_rule("month-day-range-last", rf"""\b(?P<month>{MONTH})\.?\s+(?P<first>[12]\d|3[01]|0?[1-9])\s*(?:-|\u2013)\s*
    (?P<x>(?P<day>[12]\d|3[01]|0?[1-9])\b(?!\s*(?:%|percent|[:.]\d))(?:,?\s+{_YEAR}\b)?)""", priority=1, triggers=('MONTH',), reach=(8, 32))
def month_day_range_last(m, ctx):
    """The last day of such a range, "10" in "March 6-10": a day of the same month."""
    if not is_capitalised(m["month"]) or int(m["first"]) >= int(m["day"]):
        return None
    return _day_value(m, ctx, month_number(m["month"]), int(m["day"]), _year(m["year"]))


@compile_rule("iso-date", r"\b(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b(?!-)", triggers=('DIGITS4',), reach=(2, 12))
def iso_date(m, ctx):
    return _day_value(m, ctx, int(m["month"]), int(m["day"]), int(m["year"]))


@compile_rule("numeric-date", r"""(?<![\d/.$])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})
    (?![\d/]|\.\d)""", triggers=('NUMSEP',), reach=(8, 24))
def numeric_date(m, ctx):
    a, b = int(m["a"]), int(m["b"])
    year = int(m["year"])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    # US order first for slashes, day first for dots; validity decides when only one order works.
    month, day = (a, b) if m["sep"] == "/" else (b, a)
    if month > 12:
        month, day = day, month
    if not 1 <= month <= 12 or not 1 <= day <= _cal.monthrange(year, month)[1]:
        return None
    return _day_value(m, ctx, month, day, year)


# A month and day written with a slash and no year, as American notices write them ("postmarked by
# 11/3", "closes on 10/9 at 5 p.m."): a date only after a word that takes one, never a fraction.
_SLASH_DAY_BEFORE = re.compile(r"\b(?:by|on|until|till|through|thru|from|to|before|after|since|starting|beginning|effective|"
                               r"due|ends|closes|opens|begins|starts)\s+$", re.IGNORECASE)


@compile_rule("month-slash-day", r"""(?<![\d/.$])(?P<a>1[0-2]|0?[1-9])/(?P<b>3[01]|[12]\d|0?[1-9])(?![\d/]|\.\d|\s*(?:of|%|percent)\b)""",
              triggers=('NUMSEP',), reach=(8, 8))
def month_slash_day(m, ctx):
    if not _SLASH_DAY_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()) or m.group(0) in lexicon.NAMED_DAYS:
        return None  # "on 9/11" is the day named for what happened on it, any year's (see named-day)
    month, day = int(m["a"]), int(m["b"])
    if day > _cal.monthrange(2000, month)[1]:  # February 29 is a day in a leap year
        return None
    return _day_value(m, ctx, month, day, None)


_ORDINAL_DAY_WORD = alternation(w for w, n in lexicon.ORDINALS.items() if n > 0)


@compile_rule("month-ordinal-word", rf"""(?<!\d\s)\b{_WEEKDAY_PREFIX}(?P<month>{MONTH})\.?\s+(?:the\s+)?(?P<word>{_ORDINAL_DAY_WORD})\b
    (?!\s+(?!(?:of|in|at|on|and|or|to|when|after|before)\b)[a-z])""",
              priority=2, triggers=("MONTH",), reach=(20, 28))
def month_ordinal_word(m, ctx):
    """"March eighth", "Sunday, March the first": a day written out; not "23 June the first
    columns", where the ordinal counts something else."""
    if not is_capitalised(m["month"]):
        return None
    return _day_value(m, ctx, month_number(m["month"]), lexicon.ORDINALS[m["word"].lower()], None)


@compile_rule("ordinal-word-of-month", rf"""\bthe\s+(?P<word>{_ORDINAL_DAY_WORD})\s+of\s+(?P<month>{MONTH})\b\.?
    (?:,?\s+{_YEAR}\b)?""", priority=2, triggers=("MONTH",), reach=(32, 16))
def ordinal_word_of_month(m, ctx):
    """"the first of November", "the twenty-first of March": a day written out before its month."""
    if not is_capitalised(m["month"]) or lexicon.ORDINALS[m["word"].lower()] > 31:
        return None
    return _day_value(m, ctx, month_number(m["month"]), lexicon.ORDINALS[m["word"].lower()], _year(m["year"]))


@compile_rule("day-of-month", rf"""\bthe\s+(?:(?P<word>{_ORDINAL_DAY_WORD})(?:\s+day)?|(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+day|
    (?P<last>last|final)\s+day)\s+of\s+(?:(?P<rel>this|next|last|the|that)\s+month\b|(?P<month>{MONTH})\b\.?(?:,?\s+{_YEAR}\b)?)""",
              priority=2, triggers=("MONTH", "UNIT"), reach=(40, 24))
def day_of_month(m, ctx):
    """"the first of next month", "the last day of the month", "the first day of April", "the
    last day of February": a day of a month named by its place in it."""
    if m["month"]:
        if not is_capitalised(m["month"]):
            return None
        month = month_number(m["month"])
        year = _year(m["year"]) or ctx.month_year(month, m.start(), m.end())
        first = date(year, month, 1)
    else:
        rel = m["rel"].lower()
        base = ctx.reference_day("month") if rel == "that" else ctx.today
        first = cal.add_months(base.replace(day=1), {"next": 1, "last": -1}.get(rel, 0))
    last_day = _cal.monthrange(first.year, first.month)[1]
    day = last_day if m["last"] else int(m["day"]) if m["day"] else lexicon.ORDINALS[m["word"].lower()]
    if day > last_day:
        return None
    d = first.replace(day=day)
    if not m["month"] and m["rel"].lower() == "the" and d < ctx.today and ctx.tense(m.start(), m.end()) > 0:
        # "must be paid by the first of the month", written on the 10th: the coming one
        following = cal.add_months(first, 1)
        d = cal.safe_date(following.year, following.month, day)
        if d is None:
            return None
    return Value("DATE", d.isoformat(), granularity="day", anchor=d)


@compile_rule("nth-weekday-of-month", rf"""\bthe\s+(?P<ord>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th)\s+(?P<weekday>{WEEKDAY})\s+
    (?:of|in)\s+(?:(?P<rel>this|next|last)\s+month\b|(?P<month>{MONTH})\b\.?(?:,?\s+{_YEAR}\b)?)""",
              priority=2, triggers=("WEEKDAY",), reach=(24, 40))
def nth_weekday_of_month(m, ctx):
    """"the first Tuesday in November", "the last Friday of next month": a weekday counted within
    a month named ("of the month", "of every month" is a timetable: `set-nth-weekday`)."""
    if m["month"]:
        if not is_capitalised(m["month"]):
            return None
        month = month_number(m["month"])
        year = _year(m["year"]) or ctx.month_year(month, m.start(), m.end())
    else:
        first = cal.add_months(ctx.today.replace(day=1), {"next": 1, "last": -1}.get(m["rel"].lower(), 0))
        year, month = first.year, first.month
    word = m["ord"].lower()
    n = lexicon.ORDINALS.get(word) or int(word[0])
    d = cal.nth_weekday(year, month, weekday_number(m["weekday"]), n)
    if d.month != month:
        return None  # no fifth Monday that month
    return Value("DATE", d.isoformat(), granularity="day", anchor=d)


@compile_rule("month-year", rf"""\b(?P<month>{MONTH})\.?,?\s+(?:of\s+)?{_YEAR}\b""", priority=1, triggers=('MONTH',), reach=(8, 24))
def month_year(m, ctx):
    if not is_capitalised(m["month"]):
        return None
    month, year = month_number(m["month"]), _year(m["year"])
    anchor = date(year, month, 1)
    return Value("DATE", f"{year:04d}-{month:02d}", granularity="month", anchor=anchor)


@compile_rule("month", rf"""\b(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<month>{MONTH})\b(?P<dot>\.)?
    (?:\s+(?P<yrel>last|this|next)\s+year\b)?(?!\s*[-/]?\s*\d)(?!'s\b\s+(?:a|the)\b)""", triggers=('MONTH',), reach=(16, 32))
def month_only(m, ctx):
    word = m["month"]
    after_preposition = word.lower() != "may" and MONTH_AFTER.search(ctx.text, max(0, m.start() - 8), m.start())
    if not is_capitalised(word) and not after_preposition:
        return None
    if len(word) <= 3 and not m["dot"] and word.lower() not in ("may",) and not after_preposition:
        return None  # "Jan" alone is more often a name than a month; "see you in jan" is the month
    month = month_number(word)
    if word.lower() == "may" and not m["yrel"] and not _may_is_month(m, ctx):
        return None
    if _NAMED.match(ctx.text, m.end()):
        return None  # "the March for Life", "the March of the Combatant Mothers": a name
    rel = (m["rel"] or "").lower()
    if m["yrel"]:
        year = _named_year(ctx, m["yrel"])
    elif rel in ("last", "past"):
        year = ctx.today.year - 1 if month >= ctx.today.month else ctx.today.year
    elif rel in ("next", "coming"):
        year = ctx.today.year + 1 if month <= ctx.today.month else ctx.today.year
    elif rel == "this":
        year = ctx.today.year
    else:
        year = ctx.month_year(month, m.start(), m.end())
    return _month_value(year, month)


@lru_cache(maxsize=256)
def _month_value(year: int, month: int) -> Value:
    """A month's value, made once: a list of months names the same few again and again."""
    return Value("DATE", f"{year:04d}-{month:02d}", granularity="month", anchor=date(year, month, 1))


def _may_is_month(m, ctx) -> bool:
    """"May" capitalised is the month unless it starts a sentence and a verb follows."""
    text = ctx.text
    start = m.start("month")
    before = text[max(0, start - 12):start]
    after = text[m.end("month"):m.end("month") + 20]  # the pattern may have taken the full stop after it
    if re.search(r"(?:\bin|\bof|\bsince|\buntil|\bby|\bearly|\blate|\bmid-?|\bthrough|\bfrom|\bto|\bbefore|\bafter|\bon|\blast|\bnext|\bthis)\s*$", before, re.I):
        return True
    if re.match(r"\s+(?:\d|sales|figures|data|results|numbers|orders|deadline|auction|elections?|report|meeting)\b", after):
        return not re.match(r"\s+(?:I|we|you|he|she|it|they|the)\b", after)
    sentence_start = start == 0 or re.search(r"[.!?\"\u201c]\s*$", text[max(0, start - 4):start])
    return not sentence_start and bool(re.match(r"\s*[,.;)]", after))


@compile_rule("ordinal-day", r"""\b(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b
    (?:\s+of\s+(?P<rel>this|next|last|the)\s+month\b|(?!\s+(?!(?:and|or|to|at|in|when|until|through|but)\b)(?:[a-z]|century|Century)))""",
              triggers=('ORD',), reach=(16, 48))
def ordinal_day(m, ctx):
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if not (m["rel"] or any(before.rstrip().endswith(p) for p in ("on", "by", "until", "before", "after", "from", "since", "till", "to", "due", "of"))):
        return None
    day = int(m["day"])
    today = ctx.today
    rel = (m["rel"] or "").lower()
    direction = ctx.tense(m.start(), m.end())
    if rel == "next":
        base = cal.add_months(today.replace(day=1), 1)
    elif rel == "last":
        base = cal.add_months(today.replace(day=1), -1)
    elif rel == "this":
        base = today.replace(day=1)
    elif (recent := ctx.recent("day", m.start(), 300)) is not None and recent.anchor is not None \
            and recent.anchor.day <= day and recent.value[:4].isdigit():
        # "paid on Monday, 4 April ... followed by the disability grants on the 5th": the month of
        # the day the story has just named, when the ordinal follows it
        base = recent.anchor.replace(day=1)
    else:
        base = today.replace(day=1)
        if direction > 0 and day < today.day:
            base = cal.add_months(base, 1)
        elif direction < 0 and day > today.day:
            base = cal.add_months(base, -1)
        elif direction == 0:
            # No tense: the nearest such day, "on the 12th" written on the 29th is next month's.
            months = [cal.add_months(base, k) for k in (-1, 0, 1)]
            days = [cal.safe_date(b.year, b.month, day) for b in months]
            return _ordinal_value(min((d for d in days if d), key=lambda d: abs((d - today).days)))
    if day > _cal.monthrange(base.year, base.month)[1]:
        return None
    return _ordinal_value(base.replace(day=day))


def _ordinal_value(d: date) -> Value:
    return Value("DATE", d.isoformat(), granularity="day", anchor=d)

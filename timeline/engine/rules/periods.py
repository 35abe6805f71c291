"""Parts of a year: quarters ("the third quarter", "third-quarter", "Q3 2013"), halves ("the first
half"), seasons ("last fall", "summer 1998"), weeks of a month ("the first week of May")."""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from .. import calendar as cal
from .. import lexicon
from . import MONTH, Value, alternation, compile_rule, is_capitalised, month_number

_ORD4 = r"first|second|third|fourth|1st|2nd|3rd|4th|final"
_ORD_NUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4}
_YEAR_TAIL = r"(?:\s+(?:of\s+)?(?:(?:fiscal|the\s+year|the\s+fiscal\s+year)\s+)?(?P<year>1[0-9]{3}|20[0-9]{2})\b|(?P<this>\s+of\s+(?:this|the)\s+year)|(?P<next>\s+of\s+next\s+year)|(?P<last>\s+of\s+last\s+year))?"
_REL = r"(?:(?P<rel>this|last|next|the\s+same|the\s+latest|the\s+current|the\s+previous|the\s+past|the\s+year-earlier|the\s+year-ago|the\s+comparable|the\s+recent|year-earlier|year-ago|this\s+year's|last\s+year's|next\s+year's)\s+)"


def _period_year(m, ctx, index: int, per_year: int) -> int:
    """The year of a quarter or half named without one: the tense and the calendar decide."""
    if m["year"]:
        return int(m["year"])
    if "y0" in m.re.groupindex and m["y0"]:
        return int(m["y0"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["next"] or rel.startswith("next"):
        return ctx.today.year + 1
    if m["last"] or rel in ("last year's", "the year-earlier", "the year-ago", "year-earlier", "year-ago"):
        return ctx.today.year - 1
    if m["this"] or rel in ("this", "this year's", "the current"):
        return ctx.today.year
    return _year_by_tense(ctx, m.start(), m.end(), index, per_year)


def _year_by_tense(ctx, start: int, end: int, index: int, per_year: int) -> int:
    """The year of the index-th quarter or half named with no year: a later one told in the past
    is last year's, an earlier one ahead next year's."""
    current = (ctx.today.month - 1) * per_year // 12 + 1
    if index > current and ctx.tense(start, end) < 0:
        return ctx.today.year - 1
    if index < current - 1 and ctx.tense(start, end) > 0:
        # "is scheduled to close in the first quarter", written in November; but the quarter just
        # closed is the one a report looks ahead to ("expects to report a third-quarter loss")
        return ctx.today.year + 1
    return ctx.today.year


@compile_rule("quarter", rf"""\b(?:(?P<the>the)\s+(?!(?:{_ORD4})-quarter\b))?{_REL}?(?:(?P<y0>1[0-9]{{3}}|20[0-9]{{2}})\s+)?
    (?:fiscal\s+)?(?P<ord>{_ORD4})[\s-]+(?:fiscal[\s-]+)?(?:quarter\b|qtr\b\.?){_YEAR_TAIL}""", priority=1, triggers=('QUARTER',), reach=(48, 48))
def quarter(m, ctx):
    q = _ORD_NUM[m["ord"].lower()]
    year = _period_year(m, ctx, q, 4)
    return Value("DATE", f"{year:04d}-Q{q}", granularity="quarter", anchor=date(year, 3 * q - 2, 1))


@compile_rule("month-quarter", rf"""\b(?:the\s+)?(?P<month>{MONTH})\.?(?:\s+(?P<y0>1[0-9]{{3}}|20[0-9]{{2}}))?[\s-]+(?:ended\s+|ending\s+)?
    (?P<unit>quarter|half)\b(?:\s+(?:of\s+)?(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?""", priority=2, triggers=('QUARTER', 'HALF'), reach=(32, 24))
def month_quarter(m, ctx):
    """"the June quarter", "the December half", "the September 2019 quarter": the three or six
    months that end with the month named, as Australian and Indian reports name their periods."""
    month = month_number(m["month"])
    if month is None or not is_capitalised(m["month"]):
        return None
    year = int(m["year"] or m["y0"] or ctx.month_year(month, m.start(), m.end()))
    months = 3 if m["unit"].lower() == "quarter" else 6
    first = cal.add_months(date(year, month, 1), 1 - months)
    value, _ = cal.period_value(first, date(year, month, _cal.monthrange(year, month)[1]))
    grain = "quarter" if months == 3 else "half"
    return Value("DATE", value, granularity=grain if "/" not in value else "month", anchor=first)


# Two quarters named together and written once: "the second and fourth quarters (of 1990)". The
# first is tagged as its ordinal alone, the second with "quarters" and the year.
_HABITUAL = re.compile(r"\b(?:usually|typically|normally|generally|traditionally|often|always|tends?\s+to)\b", re.IGNORECASE)
_PAIR_GLUE = r"\s+(?:and|or|&|to)\s+(?:the\s+)?"
_PAIR_TAIL = r"[\s-]+(?:fiscal[\s-]+)?quarters\b"


def _quarter_of_pair(m, ctx, ordinal: str) -> Value:
    """A quarter of such a pair: in the year named, or in the tense's year; with neither, any
    year's ("business is usually done in the second and fourth quarters")."""
    q = _ORD_NUM[ordinal.lower()]
    s, e = ctx.sentence_of(m.start())
    if not (m["year"] or m["this"] or m["next"] or m["last"]) and (
            ctx.tense(m.start(), m.end()) == 0 or _HABITUAL.search(ctx.text, s, e)):
        return Value("DATE", f"XXXX-Q{q}")
    year = _period_year(m, ctx, q, 4)
    return Value("DATE", f"{year:04d}-Q{q}", granularity="quarter", anchor=date(year, 3 * q - 2, 1))


@compile_rule("quarter-pair-first", rf"""\b(?P<rel>)(?:the\s+)?(?:fiscal\s+)?(?P<x>(?P<ord>{_ORD4})){_PAIR_GLUE}(?:{_ORD4}){_PAIR_TAIL}
    {_YEAR_TAIL}""", priority=1, triggers=('QUARTER',), reach=(48, 48))
def quarter_pair_first(m, ctx):
    return _quarter_of_pair(m, ctx, m["ord"])


@compile_rule("quarter-pair-second", rf"""\b(?P<rel>)(?:{_ORD4}){_PAIR_GLUE}(?P<x>(?P<ord>{_ORD4}){_PAIR_TAIL}{_YEAR_TAIL})""",
              priority=1, triggers=('QUARTER',), reach=(48, 48))
def quarter_pair_second(m, ctx):
    return _quarter_of_pair(m, ctx, m["ord"])


@compile_rule("half-of-quarters", rf"""\b(?P<rel>)(?:the\s+)?(?P<which>first|last|final|second)\s+two\s+(?:fiscal\s+)?quarters\b{_YEAR_TAIL}""",
              priority=2, triggers=('QUARTER',), reach=(32, 48))
def half_of_quarters(m, ctx):
    """"the first two quarters of 1990": its first half."""
    h = 1 if m["which"].lower() == "first" else 2
    year = _period_year(m, ctx, h, 2)
    return Value("DATE", f"{year:04d}-H{h}", granularity="half", anchor=date(year, 6 * h - 5, 1))


@compile_rule("period-code", r"""\b(?:(?P<y1>1[0-9]{3}|20[0-9]{2})\s*)?(?P<p>[QH])(?P<q>[1-4])\b(?:\s*(?P<y2>1[0-9]{3}|20[0-9]{2})\b)?""",
              triggers=('QCODE',), reach=(16, 24))
def period_code(m, ctx):
    """Quarters and halves as reports code them: "Q3", "2022 Q3", "H1 2022"."""
    code = m.group(0)
    if "Q" not in code and "H" not in code:
        return None  # lower-case "q3" is rarely a quarter
    q = int(m["q"])
    year = int(m["y1"] or m["y2"] or 0)
    if m["p"].upper() == "H":
        if q > 2 or not year:
            return None  # "H1" alone is as often a heading, a visa or a strain as a half-year
        return Value("DATE", f"{year:04d}-H{q}", granularity="half", anchor=date(year, 6 * q - 5, 1))
    year = year or _year_by_tense(ctx, m.start(), m.end(), q, 4)
    return Value("DATE", f"{year:04d}-Q{q}", granularity="quarter", anchor=date(year, 3 * q - 2, 1))


@compile_rule("relative-quarter", rf"""\b{_REL}(?:fiscal\s+)?(?P<unit>quarter|period)\b|\b(?:the|(?P<that>that))\s+(?:fiscal\s+)?(?P<unit2>quarter)\b|
    \bthe\s+(?P<y>1[0-9]{{3}}|20[0-9]{{2}})\s+(?:fiscal\s+)?(?P<unit3>quarter|period)\b""", triggers=('QUARTER',), reach=(40, 16))
def relative_quarter(m, ctx):
    rel = re.sub(r"\s+", " ", (m["rel"] or "the").lower())
    today = ctx.today
    if m["y"]:
        # "the 1988 quarter": the quarter the story is about, in the year named.
        ref = ctx.recent("quarter", m.start(), within=2000)
        if ref is None:
            return None
        q = (ref.anchor.month - 1) // 3 + 1
        y = int(m["y"])
        return Value("DATE", f"{y:04d}-Q{q}", granularity="quarter", anchor=date(y, 3 * q - 2, 1),
                     from_reference=True)
    if m["unit"] and m["unit"].lower() == "period" and (
            rel in ("this", "next", "last") or ctx.recent("quarter", m.start(), within=2000) is None):
        return None  # "the latest period" is a quarter only in a story reporting one
    if m["that"]:
        # "Results for that quarter": the quarter last named, even one counted from another
        # ("the comparable year-ago quarter").
        last = ctx.last_named.get("quarter")
        d = last.anchor if last is not None else cal.shift(today, "quarter", -1)
    elif rel in ("this", "the current", "this year's"):
        d = today
    elif rel in ("next",):
        d = cal.shift(today, "quarter", 1)
    elif rel in ("last", "the previous", "the past"):
        d = cal.shift(today, "quarter", -1)
    elif rel in ("the year-earlier", "the year-ago", "year-earlier", "year-ago", "last year's"):
        ref = ctx.recent("quarter", m.start(), within=100_000)
        base = ref.anchor if ref is not None else cal.shift(today, "quarter", -1)
        d = cal.shift(base, "year", -1)
    elif rel in ("the latest", "the recent"):
        d = cal.shift(today, "quarter", -1)  # the last quarter closed before publication
    else:
        # "the quarter": the one the story is about, else the last one closed.
        ref = ctx.recent("quarter", m.start(), within=100_000)
        if ref is not None:
            d = ref.anchor
        elif ctx.tense(m.start(), m.end()) > 0:
            d = today  # "must file by the end of the quarter": the one under way
        else:
            d = cal.shift(today, "quarter", -1)
    return Value("DATE", cal.value_at(d, "quarter"), granularity="quarter", anchor=d, from_reference=True)


@compile_rule("half", rf"""\b(?:the\s+)?{_REL}?(?:fiscal\s+)?(?P<ord>first|second|1st|2nd|last|latter)[\s-]+half\b(?![\s-]+(?:hour|minute|century|decade|dozen|inning|time|point|mile)s?\b)
    (?!\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:century|decade|month|week|{MONTH}|'?\d*0'?s\b))
    {_YEAR_TAIL}""", priority=1, triggers=('HALF',), reach=(40, 48))
def half(m, ctx):
    h = 1 if m["ord"].lower() in ("first", "1st") else 2  # "the last half", "the latter half": the second
    year = _period_year(m, ctx, h, 2)
    return Value("DATE", f"{year:04d}-H{h}", granularity="half", anchor=date(year, 6 * h - 5, 1))


_SEASON = alternation(lexicon.SEASONS)
_SEASON_CONTEXT = re.compile(r"\b(?:in|into|during|by|until|till|over|through|since|before|after|for|this|that|each|of)\s+(?:the\s+)?$",
                             re.IGNORECASE)
# A lower-case word after a season that makes it a modifier: "the spring session", "the summer
# offensive". The article then belongs to the noun, not to the season. Plurals, verbs in -ed and
# the words that go on a sentence are left out: "the summer months", "the winter ended".
_HEAD_NOUN = (r"\s+(?!(?:of|in|on|at|to|for|with|and|or|but|as|that|when|while|before|after|since|until|from|by|"
              r"is|was|were|has|had|have|will|would|may|might|can|could|should|must|saw|sees|brought|brings|came|comes|"
              r"began|begins|ends|set|sets|went|arrives|shows|looms|approaches|hits|seems|remains|starts|lasts|"
              r"returns|took|takes|gave|gives|made|makes)\b)"
              r"[a-z]+(?<!s)(?<!ed)(?<!ly)\b")
# Season words that are nothing else are seasons without a preposition before them ("Winter shows
# signs of easing", "a difficult winter"); "spring" and "fall" need one.
_ONLY_SEASONS = frozenset({"winter", "summer", "autumn"})
_MODIFIED = re.compile(_HEAD_NOUN.replace("(?<!s)", ""))
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+[A-Z]")


# "that" as the word that points at a season, not the one that opens a clause ("warned that winter
# brings"): after a preposition or at the start of a sentence.
_THAT = r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bby\s)|(?<=\bfor\s)|(?<=\bover\s)|(?<=during\s)|(?<=until\s)|(?<=through\s)|(?<![\w,]\s))that"


@compile_rule("season", rf"""\b(?:(?:the\s+(?=(?:early|late|mid)[\s-]))?(?P<rel>this\s+past|this|last|next|past|coming|early|late|mid|{_THAT}|the\s+(?:following|next|previous|preceding))[\s-]+|(?P<the>the\s+)(?!(?:{_SEASON}){_HEAD_NOUN}))?
    (?P<season>{_SEASON})\b(?:\s+(?:of\s+)?(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?""", triggers=('SEASON',), reach=(24, 32))
def season(m, ctx):
    rel = " ".join((m["rel"] or "").lower().split())
    word = m["season"]
    if (word[0].isupper() and not ctx.starts_sentence(m.start("season"))) or _NAME_AFTER.match(ctx.text, m.end("season")):
        return None  # "the Winter Olympics", "the Arab Spring", "Summer Games": names
    if not rel and not m["year"] and not _SEASON_CONTEXT.search(ctx.text[max(0, m.start() - 16):m.start()]):
        # Bare "spring" or "the fall of the wall" is a noun; "winter coats" any winter's.
        modifier = _MODIFIED.match(ctx.text[m.end():m.end() + 24].lower())
        if word.lower() not in _ONLY_SEASONS or (modifier and not _THE_BEFORE.search(ctx.text, max(0, m.start() - 5), m.start())):
            return None
    code = lexicon.SEASONS[m["season"].lower()]
    today = ctx.today
    # "the following spring", "that winter": counted from the day the story has reached.
    if rel in ("that", "the following", "the next", "the previous", "the preceding") and ctx.reference is not None:
        today = ctx.reference_day()
        rel = {"the following": "next", "the next": "next", "the previous": "last", "the preceding": "last"}.get(rel, "")
    if m["year"]:
        year = int(m["year"])
    else:
        # Each candidate season as the days it covers; pick by where today stands.
        spans = {y: cal.interval(f"{y:04d}-{code}") for y in (today.year - 2, today.year - 1, today.year, today.year + 1)
                 if 1 <= y <= 9998}
        spans = {y: span for y, span in spans.items() if span}
        iso = today.isoformat()
        current = [y for y, (s, e) in spans.items() if s <= iso <= e]
        if rel in ("last", "past", "this past"):
            year = max(y for y, (s, e) in spans.items() if e < iso)
        elif rel in ("next", "coming"):
            year = min(y for y, (s, e) in spans.items() if s > iso)
        elif current:
            year = current[0]
        else:
            # Between seasons, a past verb's season has been, a future verb's is to come, however
            # near the next one begins ("was passed in the spring", written a week before it).
            direction = ctx.tense(m.start(), m.end())
            if direction:
                year = (max(y for y, (s, e) in spans.items() if s <= iso) if direction < 0
                        else min(y for y, (s, e) in spans.items() if s > iso))
            else:
                starts = [date.fromisoformat(s) for s, _ in spans.values()]
                year = cal.nearest_occurrence(starts, today, direction).year
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(rel)
    start = date.fromisoformat(cal.interval(f"{year:04d}-{code}")[0])
    return Value("DATE", f"{year:04d}-{code}", mod=mod, granularity="season", anchor=start)


_WEEK_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": -1, "final": -1}


@compile_rule("week-of-month", rf"""\b(?:the\s+)?(?P<ord>{alternation(_WEEK_ORD)})\s+(?P<unit>week|weekend)\s+of\s+(?P<month>{MONTH})\b\.?
    (?:,?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?""", priority=2, triggers=('MONTH',), reach=(32, 24))
def week_of_month(m, ctx):
    """"the first week of May": days 1 to 7 of the month, written as the ISO week holding most of
    them; "the last week of March": its last seven days; "the last weekend of August": the
    weekend of the month's last Saturday."""
    if not is_capitalised(m["month"]):
        return None
    month = month_number(m["month"])
    year = int(m["year"]) if m["year"] else ctx.month_year(month, m.start(), m.end())
    n = _WEEK_ORD[m["ord"].lower()]
    if m["unit"].lower() == "weekend":
        if n > 0:
            first = date(year, month, 1)
            saturday = first + timedelta(days=(6 - first.isoweekday()) % 7 + 7 * (n - 1))
        else:
            last = date(year, month, _cal.monthrange(year, month)[1])
            saturday = last - timedelta(days=(last.isoweekday() - 6) % 7)
        if saturday.month != month:
            return None  # no fifth weekend
        return Value("DATE", cal.value_at(saturday, "weekend"), granularity="weekend", anchor=saturday)
    if n > 0:
        first = date(year, month, 1) + timedelta(days=7 * (n - 1))
    else:
        first = date(year, month, _cal.monthrange(year, month)[1]) - timedelta(days=6)
    middle = first + timedelta(days=3)
    return Value("DATE", cal.value_at(middle, "week"), granularity="week", anchor=middle)

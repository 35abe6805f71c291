"""Years and longer periods: "1990", "fiscal 1998", "the 1990s", "the '90s", "the 20th century"."""
from __future__ import annotations

import re
from datetime import date

from .. import lexicon
from ..fiscal import fiscal_start, fiscal_year_of, months_value
from . import MONTH, ONES, ORDINAL, TENS, Value, alternation, compile_rule, is_capitalised, month_number

# A four-digit number is a year unless its neighbours say it is an amount, a count or a label.
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$€£#]|\b(?:room|no\.?|number|flight|route|highway|interstate|suite|box|unit|apt\.?|"
    r"apartment|building|gate|channel|model|page|pp?\.|chapter|section|article|code|"
    r"platform|bus|train|line|version|rule|resolution|form|exit|"
    # "the model years 2005 to 2008": a product's name, not a time
    r"model\s+years?(?:\s+\d{4}\s*(?:to|through|and|-|\u2013))?)\s*|\d\s+)$",
    re.IGNORECASE)
_NOT_YEAR_AFTER = re.compile(
    r"^(?:\s*(?:%|percent|per\s*cent|[-\u2013]?(?:member|strong|page|ton|foot|mile|meter|metre|km|kg|year|"
    r"seat|acre|pound|dollar|yen)s?\b)|\s+(?:people|troops|soldiers|workers|employees|jobs|"
    r"shares|barrels|tons|tonnes|units|cars|homes|houses|votes|points|feet|miles|meters|metres|"
    r"kilometers|kilometres|pounds|dollars|euros|yen|calories|residents|refugees|students|"
    r"members|delegates|cases|deaths|patients|copies|documents|acres|hectares|rooms|beds|"
    r"pages|words|rounds|hours|minutes|days|weeks|months|years|[a-z]+ers)\b|[.,]\d|"
    r"\s+[A-Z][a-z]+\s+(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Blvd|Lane|Drive|Way|Place|Court)\b)",
    re.IGNORECASE)


_PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}s\b(?<!\bhas)(?<!\bwas)(?<!\bis)")
_YEAR_LEAD = re.compile(r"\b(?:in|since|by|until|till|from|of|during|before|after|through|to|between|and|or|early|late|"
                        r"mid|fiscal|year|the|its|their|his|her|this|that|summer|spring|winter|autumn|fall)\s*,?\s*$|"
                        r"\b(?:post|pre|mid|end)-$",
                        re.IGNORECASE)


_SPLIT_NEXT = re.compile(r"/(\d+)")


@compile_rule("year", r"(?:(?<=\bmid-)|(?<=\bend-)|(?<=\bpost-)|(?<=\bpre-)|(?<![\w$€£#.,/:-]))(?P<prefix>(?:the\s+)?year\s+)?(?P<year>1[0-9]{3}|20[0-9]{2})(?![\w%]|/(?!\d\d(?:\d\d)?(?![\w/]))|,\d|\.\d|:\d|\s*(?:GMT|UTC|hours|hrs)\b)",
              priority=0, triggers=('DIGITS4',), reach=(12, 12))
def year(m, ctx):
    y = int(m["year"])
    following = _SPLIT_NEXT.match(ctx.text, m.end())
    if following and int(following[1][-2:]) != (y + 1) % 100:
        return None  # "2023/24" is a season or a school year; "2023/05" or "1990/1" is no year
    before = ctx.text[max(0, m.start() - 20):m.start()]
    after = ctx.text[m.end():m.end() + 24]
    if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after):
        return None
    if _PLURAL_NOUN_AFTER.match(after) and not _YEAR_LEAD.search(before):
        return None  # "exclude 1972 households": a count; "in 1990 sales rose" stays a year
    if y < 1800 and not _YEAR_LEAD.search(before):
        return None  # an early year needs words that mark it as one: "in 1492", "the 1789 revolution"
    return Value("DATE", f"{y:04d}", granularity="year", anchor=date(y, 1, 1))


@compile_rule("short-year", r"(?<![\w'\u2019])['\u2019](?P<yy>\d\d)(?![\w'\u2019%]|[.,]\d)", priority=0,
              triggers=('DIGITS4',), reach=(2, 6))
def short_year(m, ctx):
    """A year in two digits after an apostrophe where words mark it as one: "in '79", "the class
    of '92", "since '05"; the nearest century that does not put it in the future."""
    if not _YEAR_LEAD.search(ctx.text[max(0, m.start() - 20):m.start()]):
        return None
    yy = int(m["yy"])
    y = (ctx.today.year // 100) * 100 + yy
    if y > ctx.today.year + 1:
        y -= 100
    return Value("DATE", f"{y:04d}", granularity="year", anchor=date(y, 1, 1))


@compile_rule("era-year", r"""\b(?:(?:the\s+)?year\s+)?(?P<year>\d{1,4})\s*(?P<era>bce?|b\.c\.(?:e\.)?|ad|a\.d\.|ce)(?![a-z])""",
              priority=2, triggers=('ERA',), reach=(12, 8))
def era_year(m, ctx):
    """A year with its era after it: "331 BC" (TimeML writes BC0331), "79 AD" (the year 79)."""
    era = m["era"].replace(".", "").upper()
    if era in ("BC", "BCE"):
        return Value("DATE", f"BC{int(m['year']):04d}", granularity="year")
    y = int(m["year"])
    if y < 1:
        return None
    return Value("DATE", f"{y:04d}", granularity="year", anchor=date(y, 1, 1))


@compile_rule("fiscal-year", r"""\b(?:(?:the\s+)?fiscal(?:\s+year)?|FY|(?:the\s+)?financial\s+year)\s*
    (?P<year>1[0-9]{3}|20[0-9]{2}|'?\d{2})\b(?!\s*%)""", priority=1, triggers=('FISCAL',), reach=(16, 40))
def fiscal_year(m, ctx):
    text = m["year"].lstrip("'")
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 30 else 2000
    return Value("DATE", f"{y:04d}", granularity="year", anchor=date(y, 1, 1))


_FISCAL_WORDS = r"(?:fiscal|financial)(?:\s+year)?"
# A year split across two, as fiscal years are written: "2018/19", "2023-24", "fy24-25".
_SPLIT = r"(?:(?P<y1>(?:19|20)\d{2})|(?<=fy)\s*(?P<s1>\d{2}))\s*[/\u2013-]\s*(?P<y2>(?:19|20)?\d{2})"
_QUARTER_OF = r"(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+of\s+(?:the\s+)?)?"


def _split_first_year(m) -> int | None:
    """The first calendar year of a split fiscal year, if its two halves follow one another."""
    y1 = int(m["y1"]) if m["y1"] else 2000 + int(m["s1"])
    y2 = int(m["y2"])
    return y1 if y2 % 100 == (y1 + 1) % 100 else None


@compile_rule("split-fiscal-year", rf"""{_QUARTER_OF}(?:\b(?P<lead>(?:the\s+)?{_FISCAL_WORDS}\s+|fy\s*)|\b){_SPLIT}\b
    (?P<tail>\s+{_FISCAL_WORDS}\b)?""", priority=2, triggers=('FISCAL',), reach=(48, 48))
def split_fiscal_year(m, ctx):
    """"the 2018/19 fiscal year", "FY2023-24", "the first quarter of 2018/19 fiscal year": twelve
    (or three) months from the month the story's fiscal year begins in."""
    first = _split_first_year(m)
    if first is None or not (m["lead"] or m["tail"]):
        return None
    start = fiscal_start(ctx.text)
    if m["q"]:
        q = lexicon.ORDINALS.get(m["q"].lower()) or int(m["q"][0])
        index = first * 12 + start - 1 + 3 * (q - 1)
        return Value("DATE", months_value(index // 12, index % 12 + 1, 3), granularity="quarter",
                     anchor=date(index // 12, index % 12 + 1, 1))
    return Value("DATE", months_value(first, start, 12), granularity="year", anchor=date(first, start, 1))


@compile_rule("relative-fiscal-year", r"""\b(?:the\s+)?(?P<rel>current|this|next|last|previous|prior|coming|latest|past)\s+
    (?:fiscal|financial)(?:\s+year)?\b(?!\s*(?:19|20)\d{2})""", priority=1, triggers=('FISCAL',), reach=(40, 24))
def relative_fiscal_year(m, ctx):
    """"the current fiscal year", "this fiscal", "the previous financial year": on the story's
    fiscal calendar where it names one, else the calendar year."""
    offset = {"current": 0, "this": 0, "next": 1, "coming": 1}.get(m["rel"].lower(), -1)
    start = fiscal_start(ctx.text)
    first = fiscal_year_of(ctx.today, start) + offset
    if start == 1:
        return Value("DATE", f"{first:04d}", granularity="year", anchor=date(first, 1, 1))
    return Value("DATE", months_value(first, start, 12), granularity="year", anchor=date(first, start, 1))


_DECADE_BEFORE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?'?(?:1[0-9]|20)?\d0'?s"
                            r"(?:\s*(?:,|and|or)\s*'?\d0'?s)*\s*(?:,|and|or|to|through|-|\u2013)\s*$", re.IGNORECASE)


# Words before a two-digit "70s" that make it degrees, not a decade.
_DEGREES = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|fahrenheit|thermometers?|mercury|upper|lower)\b[^.;]*$|"
                      r"\b(?:low|high|upper|lower)[\s-]+$", re.IGNORECASE)


@compile_rule("decade", rf"""(?:\b|(?<![\w'])(?='\d0))(?P<the>the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?
    (?:(?P<decade>(?:1[0-9]|20)?\d0|'\d0)'?s|(?P<word>{alternation(lexicon.DECADE_WORDS)}))\b""",
              priority=1, triggers=('DECADE',), reach=(24, 16))
def decade(m, ctx):
    if m["word"]:
        if not m["the"]:
            return None  # "in her forties" is an age
        d = str(lexicon.DECADE_WORDS[m["word"].lower()])
    else:
        d = m["decade"].lstrip("'")
    if len(d) == 2:
        if not (m["the"] or (m["decade"] or "").startswith("'") or _DECADE_BEFORE.search(
                ctx.text, max(0, m.start() - 48), m.start())):
            return None  # "in his 40s" is an age; "the 60s and 70s" names two decades
        if not (m["decade"] or "").startswith("'") and _DEGREES.search(ctx.text, max(0, m.start() - 60), m.start()):
            return None  # "highs in the 70s", "temperatures in the low 80s": degrees
        year = (1900 if int(d) >= 30 else 2000) + int(d)
    else:
        year = int(d)
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["mod"] or "").lower())
    return Value("DATE", f"{year // 10:03d}", mod=mod, granularity="decade", anchor=date(year, 1, 1))


@compile_rule("century", rf"""\b(?:the\s+)?(?:(?P<rel>this|last|next|past|previous)\s+|(?P<ord>{ORDINAL})[\s-]+)
    century\b""", priority=1, triggers=('CENTURY',), reach=(40, 16))
def century(m, ctx):
    if m["rel"]:
        offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1}[m["rel"].lower()]
        c = ctx.today.year // 100 + offset
    else:
        word = m["ord"].lower()
        n = lexicon.ORDINALS.get(word)
        if n is None:
            n = int(re.sub(r"\D", "", word))
        if n <= 0:
            return None
        c = n - 1
    return Value("DATE", f"{c:02d}", granularity="century", anchor=date(max(c * 100, 1), 1, 1))


_TEENS = alternation(w for w, n in lexicon.NUMBER_WORDS.items() if 10 <= n <= 19)


@compile_rule("spelled-year", rf"""\b(?:(?P<the>the\s+year)\s+|(?P<month>{MONTH})\s+)?(?:(?P<century>nineteen|twenty)[\s-]+(?:(?P<tens>{TENS})(?:[\s-]+(?P<ones>{ONES}))?|
    (?P<teen>{_TEENS})|(?:oh|o)[\s-]+(?P<oh>{ONES}))|(?P<thousand>two\s+thousand)(?:\s+and)?(?:[\s-]+(?P<after>{ONES}|{_TEENS}))?)
    \b(?!\s+(?:percent|people|years|dollars|hundred|thousand|million))""", triggers=('SPELLED',), reach=(32, 56))
def spelled_year(m, ctx):
    """Years as broadcast transcripts spell them: "nineteen ninety-six", "twenty ten"."""
    def number(group: str) -> int:
        return lexicon.NUMBER_WORDS[m[group].lower()] if m[group] else 0
    if m["thousand"]:
        if not (m["the"] or m["month"] or m["after"]):
            return None  # "two thousand" alone is more often a count
        return _spelled_value(m, 2000 + number("after"))
    if m["month"] and not is_capitalised(m["month"]):
        return None
    y = 1900 if m["century"].lower() == "nineteen" else 2000
    return _spelled_value(m, y + number("tens") + number("ones") + number("teen") + number("oh"))


def _spelled_value(m, y: int) -> Value:
    if m["month"]:
        month = month_number(m["month"])
        return Value("DATE", f"{y:04d}-{month:02d}", granularity="month", anchor=date(y, month, 1))
    return Value("DATE", f"{y:04d}", granularity="year", anchor=date(y, 1, 1))

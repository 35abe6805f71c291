"""Spans of time: "48 hours", "a month", "the past five years", "several days", "two-year",
"nearly an hour", "recent years", "for weeks"."""
from __future__ import annotations

import re

from .. import lexicon
from . import NUMBER, UNIT, Value, alternation, compile_rule, duration_value, parse_number, unit_name

# "over" and "under" are as often the prepositions of a span ("spread over three days", "over
# several years") as the quantity's modifier; they are its modifier after a word that wants a
# quantity: "for over a decade", "just under two hours", "lasted over three hours".
_OVER_UNDER_AFTER = re.compile(r"\b(?:for|in|of|after|within|just|well|slightly|little|took|takes|lasted|lasts|spent|than|by)\s+$",
                               re.IGNORECASE)
_QMOD = alternation(lexicon.QUANTITY_MODIFIERS)
# "$5 a day", "9 million barrels a day": a rate, which names no time; "twice a year": a frequency.
_SMALLER = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24),
            "decade": ("year", 10)}
_RATE = re.compile(r"(?:\d[\d,.]*\d|\d|%|\bpercent|\bmillion|\bbillion|\bthousand|\bhundred)(?:\s+[A-Za-z-]+){0,2}\s+$", re.I)
_FREQUENCY = re.compile(r"\b(?:times|once|twice)\s+$", re.I)
_VAGUE = alternation(["several", "a few", "few", "many", "some", "a couple of", "couple of", "a number of", "numerous"])
_DET = alternation(["the", "its", "their", "his", "her", "our"])
_SPAN_REL = alternation(["past", "last", "next", "first", "previous", "coming", "following", "final", "latest",
                         "remaining", "initial", "ensuing", "prior", "preceding"])
_SPAN_ADJ = alternation(["full", "straight", "consecutive", "trading", "business", "working", "calendar", "long",
                         "more", "additional", "extra", "further"])


# "a quarter of" anything but a time ("a quarter of a century", "a quarter of the year").
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:a|an|the|this|that|each|every)\s+(?:century|year|decade|day|hour|month|season|week)\b)",
                          re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|shall|hopes?\s+to|hoped\s+to)\s+$", re.IGNORECASE)
_PASSES = re.compile(r"\s+(?:goes|go|went|passes|passed|pass)\s+by\b|\s+(?:passes|passed)\s+(?:without|when|that)\b",
                     re.IGNORECASE)


# After these "last" is the verb ("will last 16 years"), not the span's "the last 16 years".
_NOT_A_VERB = "".join(rf"(?<!\b{w}\s)" for w in ("will", "would", "could", "can", "may", "might", "must", "should", "to",
                                                   "'ll", "does", "did", "not", "and"))  # "would begin at 10 a.m. and last four hours"
_SPAN = rf"""(?:(?P<det>{_DET})\s+(?!(?:{NUMBER})(?:-|\s+(?:{UNIT})\b)))?
    (?:(?=(?:{_SPAN_REL})\s){_NOT_A_VERB}(?P<rel>{_SPAN_REL})\s+(?!an?\s))?
    (?:(?P<low>{NUMBER})(?:\s+(?:to|or)\s+|\s*[-\u2013]\s*)(?=(?:{NUMBER})[\s-]))?
    (?P<num>{NUMBER}|{_VAGUE}|\d+)(?:\s+and\s+a\s+half)?[\s-]+(?:(?:{_SPAN_ADJ})\s+)?
    (?P<unit>(?:{UNIT})s?)\b(?P<half>\s+and\s+a\s+half)?(?:-long)?(?![-\s]old\b|-(?:year|day|week|month)|(?<=-quarters)\s+of\b)"""


def _over_as_preposition(m, ctx) -> bool:
    """Is the "over" or "under" before a span its preposition ("spread over three days") rather than
    its quantity's modifier ("for over a decade")?"""
    return not _OVER_UNDER_AFTER.search(ctx.text, max(0, m.start() - 12), m.start())


@compile_rule("duration-after-over", rf"""\b(?:over|under)\s+(?!the\b|past\b|last\b)(?P<x>{_SPAN})""",
              triggers=('UNIT', 'QUARTER', 'CENTURY', 'PART'), reach=(36, 24))
def duration_after_over(m, ctx):
    """The span after "over" or "under" as a preposition: "held over three days" tags "three days"."""
    return _span_value(m, ctx, None) if _over_as_preposition(m, ctx) else None


@compile_rule("duration", rf"""\b(?:(?P<qmod>{_QMOD})\s+(?!the\b|past\b|last\b))?{_SPAN}""",
              triggers=('UNIT', 'QUARTER', 'CENTURY', 'PART'), reach=(36, 24))
def duration(m, ctx):
    qmod = " ".join((m["qmod"] or "").lower().split())
    if qmod in ("over", "under") and _over_as_preposition(m, ctx):
        return None  # the preposition's: see duration-after-over
    return _span_value(m, ctx, qmod or None)


def _range_value(m, ctx, unit: str) -> Value | None:
    """"two to three weeks", "three or four days", "10-12 months": one span, at least the first count
    (TimeBank's "two to three weeks" is P2W, EQUAL_OR_MORE)."""
    low, high = parse_number(m["low"].lower()), parse_number(m["num"].lower())
    if low is None or high is None or not 0 < low < high or high > 1000 or not m["unit"].lower().endswith("s"):
        return None
    if _AGED.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None  # "children aged five to 11 years": ages
    if ctx.text[max(0, m.start("low") - 1):m.start("low")] in ("/", "$", "-"):
        return None
    return Value("DURATION", duration_value(low if low == int(low) else None, unit), mod="EQUAL_OR_MORE")


_AGED = re.compile(r"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+|from\s+|over\s+|under\s+)?$", re.IGNORECASE)


def _span_value(m, ctx, qmod: str | None):
    num = m["num"].lower()
    unit = unit_name(m["unit"])
    if unit not in lexicon.UNITS:
        return None
    if m["low"]:
        return _range_value(m, ctx, unit)
    if _AGED.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None  # "students aged 16 years and above": an age, not a time
    if num[:1].isdigit() and ctx.text[max(0, m.start("num") - 1):m.start("num")] == "/":
        return None  # "the 2022/23 year", "3/4 hour": the number ends a split year or a fraction, no count
    if num in ("a", "an") and (m["det"] or m.group(0).lower().endswith("-long")):
        return None  # "a year-long inquiry": the article is the inquiry's (see unit-long)
    if num in ("a", "an") and unit == "second":
        return None  # "a second term"
    after = ctx.text[m.end():m.end() + 32]
    if unit == "quarter" and _FRACTION_OF.match(after) and parse_number(num) is not None:
        # "nearly a quarter of voters", "three quarters of the money": a share, not a time; but
        # "after several quarters of losses" counts quarters of the year
        return None
    if num in ("a", "an") and _PASSES.match(after):
        return None  # "not a day goes by": how often, not how long
    if num == "one" and unit == "day" and not m["det"] and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return Value("DATE", "FUTURE_REF")  # "Islam will one day be ...": some day to come
    if num in ("a", "an") and _FREQUENCY.search(ctx.text[max(0, m.start() - 12):m.start()]):
        return Value("SET", duration_value(1, unit))  # "twice a year", "three times a day"
    if num in ("a", "an") and _RATE.search(ctx.text[max(0, m.start() - 32):m.start()]):
        return None  # "$5 a day", "50,000 copies a year": an amount per unit, no time of its own
    n = parse_number(num)
    if n is not None and ("and a half" in m.group(0).lower()):
        n += 0.5
    if n is not None and (n > 10000 or (1000 <= n <= 2100 and "," not in num)):
        return None  # a count that large is a year: "the 1988 second quarter"
    if n is None and not re.fullmatch(_VAGUE.replace(r"\s+", " "), " ".join(num.split())):
        return None
    if unit == "weekend" and n is None:
        return None
    mod = lexicon.QUANTITY_MODIFIERS.get(qmod or "")
    if qmod == "some" and n is None:
        return None
    if n is not None and n != int(n) and unit == "week":
        unit, n = "day", n * 7  # ISO 8601 does not mix weeks with other units
    if n is not None and n != int(n) and unit in _SMALLER:
        # "2 1/2 years" is P2Y6M: the whole units, and the rest in the next smaller unit.
        smaller, per = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        head = duration_value(whole, unit) if whole else "P"
        tail = duration_value(rest, smaller)
        if "T" in tail and "T" not in head:
            return Value("DURATION", head + tail[1:], mod=mod)
        return Value("DURATION", head + tail[1:].lstrip("T"), mod=mod)
    return Value("DURATION", duration_value(n, unit), mod=mod)


@compile_rule("vague-span", r"""\b(?:(?P<adj>recent|coming|past\s+few|next\s+few|last\s+few|ensuing|following|the\s+coming|
    the\s+past\s+few|the\s+next\s+few|the\s+last\s+few|the\s+following|the\s+ensuing)\s+(?P<unit>years|months|weeks|days|decades|hours|minutes|quarters)|
    (?:for|over|in|within|after|took|takes|lasted)\s+(?P<x>(?P<unit2>years|months|weeks|days|decades|hours|centuries|minutes))|
    the\s+(?P<unit3>years|months|weeks|days|decades)\s+(?:ahead|to\s+come)|(?P<unit4>years|months|weeks|days|decades|centuries)-long)\b
    (?!\s+(?:ago|earlier|later|of\s+the))""", triggers=('UNIT', 'QUARTER', 'CENTURY'), reach=(24, 24))
def vague_span(m, ctx):
    """"recent years", "for months", "in the weeks ahead", "a decades-long feud": spans of no
    stated length."""
    unit = unit_name(m["unit"] or m["unit2"] or m["unit3"] or m["unit4"])
    return Value("DURATION", duration_value(None, unit))


@compile_rule("unit-long", r"""\b(?P<unit>day|week|month|year|decade|century|hour|minute|weekend)-?long\b""",
              triggers=('UNIT', 'CENTURY'), reach=(2, 24))
def unit_long(m, ctx):
    """"a day-long meeting", "their third day-long meeting", "a year-long inquiry", "their yearlong
    conflict": one unit."""
    return Value("DURATION", duration_value(1, unit_name(m["unit"])))


@compile_rule("within-the-next-unit", r"""\b(?:within|inside)\s+(?P<x>the\s+(?:next|coming)\s+(?P<unit>day|week|month|year|hour|fortnight))\b""",
              priority=2, triggers=('UNIT',), reach=(24, 24))
def within_the_next_unit(m, ctx):
    """"within the next month", "within the coming year": one unit from now, a span, as "within the
    next two weeks" is; "next month" alone is the calendar month (and TimeBank reads "over the next
    year or so" as the calendar year)."""
    return Value("DURATION", duration_value(1, unit_name(m["unit"])))


# What an age measures as a time of its own: a state of affairs that has lasted so long ("the
# 8-month-old truce", "the 20-month-old trade dispute"); a person's or a thing's age is no time.
_LASTING_NOUNS = ("truce|ceasefire|cease-fire|dispute|war|conflict|strike|stand-?off|crisis|ban|moratorium|siege|"
                  "blockade|lockout|shutdown|occupation|insurgency|rebellion|uprising|impasse|deadlock|stalemate|"
                  "boycott|embargo|campaign|investigation|inquiry|probe|talks|negotiations|feud|row|protest|protests|"
                  "lockdown|curfew|emergency|freeze|suspension|government|coalition|administration|presidency|regime")


@compile_rule("age-of-state", rf"""\b(?P<x>(?P<num>{NUMBER}|\d+)-(?P<unit>day|week|month|year|decade)s?-old)
    (?=\s+(?:[\w-]+\s+)?(?:{_LASTING_NOUNS})\b)""", triggers=('UNIT',), reach=(24, 48))
def age_of_state(m, ctx):
    """"the 8-month-old truce", "the 20-month-old trade dispute": how long the state has lasted."""
    n = parse_number(m["num"])
    return Value("DURATION", duration_value(int(n), unit_name(m["unit"]))) if n is not None and n == int(n) else None


# A quarter of a unit, in the next unit down that holds it whole.
_QUARTER_OF = {"century": (25, "year"), "decade": (30, "month"), "year": (3, "month"), "day": (6, "hour"),
               "hour": (15, "minute")}


@compile_rule("quarter-of-unit", r"""\b(?P<num>a|one|three)\s+(?P<frac>quarters?)\s+of\s+(?:a|an)\s+
    (?P<unit>century|decade|year|day|hour)\b""", priority=2, triggers=('QUARTER',), reach=(8, 40))
def quarter_of_unit(m, ctx):
    """"a quarter of a century" (25 years), "three quarters of an hour" (45 minutes)."""
    count = 3 if m["num"].lower() == "three" else 1
    n, unit = _QUARTER_OF[m["unit"].lower()]
    return Value("DURATION", duration_value(n * count, unit))


@compile_rule("span-range-first", rf"""\b(?:between\s+)?(?P<x>\d{{1,4}})\s*(?:-|\u2013|to|and|or)\s*(?P<last>\d{{1,4}})\s+
    (?P<unit>{UNIT})s?\b""", priority=1, triggers=('UNIT',), reach=(24, 16))
def span_range_first(m, ctx):
    """The first length of a range written once with its unit: "between 30 and 45 days", "2-3 years"
    (the last length is the duration rule's)."""
    unit = unit_name(m["unit"])
    if unit not in lexicon.UNITS or int(m["x"]) >= int(m["last"]) or int(m["last"]) >= 1000:
        return None  # "from 1990 to 1995": years, not lengths
    if _PERIOD_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None  # "the next 12 to 18 months" is one period, tagged whole
    return Value("DURATION", duration_value(int(m["x"]), unit))


_PERIOD_BEFORE = re.compile(r"\b(?:the\s+)?(?:next|past|last|coming|first|previous|following|recent)\s+$", re.IGNORECASE)


# What may stand before a bare plural unit that makes it a count, not a vague span ("the small
# hours of Thursday" is a time of night).
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:a|an|the|few|several|many|some|two|three|four|five|six|seven|eight|nine|ten|"
                             r"dozen|couple|of|these|those|last|past|next|recent|coming|first|final|early|late|small|wee|this|"
                             r"that|such|all|more|both)|-)\s*$", re.IGNORECASE)


@compile_rule("unit-noun-span", r"""\b(?P<unit>hours|days|weeks|months|years|decades|centuries)\b
    (?=\s+(?:later|earlier|afterwards)\b|\s+of\s+(?!(?:the|a|an|age|its|his|her|their)\b)[a-z]|\s+in\s+the\s+making\b)""",
              priority=0, triggers=('UNIT', 'CENTURY'), reach=(4, 32))
def unit_noun_span(m, ctx):
    """A unit without a number: "hours later", "decades of conflict", "centuries in the making":
    a span of that unit, of no stated length (TimeML's X)."""
    if _COUNTED_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return None  # "two days later", "the years of plenty", "ten-days of talks": counted or named elsewhere
    return Value("DURATION", duration_value(None, unit_name(m["unit"])))


@compile_rule("the-unit-span", r"""\b(?:over|across|throughout|through|down)\s+(?P<x>the\s+(?P<unit>decades|centuries|years))\b
    (?!\s+(?:ago|earlier|later|of|since|to\s+come|ahead|before|after|that|when|in\s+which)\b)""",
              priority=0, triggers=('UNIT', 'CENTURY'), reach=(24, 16))
def the_unit_span(m, ctx):
    """"over the decades", "down the centuries": the years before now, of no stated length."""
    return Value("DURATION", duration_value(None, unit_name(m["unit"])))

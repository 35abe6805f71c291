"""Recurring times: "daily", "every Monday", "each week", "twice a year", "the first Monday of every
month", "on Mondays" (in weekdays.py)."""
from __future__ import annotations

import re

from .. import lexicon
from . import MONTH, NUMBER, ORDINAL, WEEKDAY, Value, alternation, compile_rule, duration_value, month_number, \
    parse_number, unit_name, weekday_number

_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z'-]*)")
_FUNCTION_WORDS = frozenset("""and or but to in at on for with by from of as than basis since until through
over during after before is are was were be been will would the a an that which who because if when""".split())


@compile_rule("set-adverb", rf"\b(?P<word>{alternation(lexicon.SET_ADVERBS)})\b(?!-)", triggers=('SETADV',), reach=(8, 32))
def set_adverb(m, ctx):
    nxt = _NEXT_WORD.match(ctx.text, m.end())
    if nxt and nxt.group(1) not in _FUNCTION_WORDS:
        return None  # "a quarterly dividend", "the daily newspaper": an adjective, not a time
    return Value("SET", lexicon.SET_ADVERBS[m["word"].lower()])


@compile_rule("set-every", rf"""\b(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?
    (?:(?P<unit>(?:day|week|month|quarter|year|decade|hour|minute|night|morning|evening|weekend|summer|winter|spring|fall|autumn)s?)|
    (?P<weekday>{WEEKDAY})|(?P<month>{MONTH}))\b""", priority=1, triggers=('SETADV',), reach=(24, 48))
def set_every(m, ctx):
    if m["weekday"]:
        return Value("SET", f"XXXX-WXX-{weekday_number(m['weekday'])}")
    if m["month"]:
        return Value("SET", f"XXXX-{month_number(m['month']):02d}")
    word = m["unit"].lower().rstrip("s") if m["unit"].lower() != "hours" else "hour"
    if word in lexicon.SEASONS:
        return Value("SET", f"XXXX-{lexicon.SEASONS[word]}")
    if word in ("morning", "evening"):
        return Value("SET", f"TXX{lexicon.PARTS_OF_DAY[word]}")
    n = parse_number(m["num"]) if m["num"] else 1.0
    if "other" in m.group(0).lower():
        n = (n or 1) * 2
    return Value("SET", duration_value(n, unit_name(word)))


@compile_rule("set-frequency", r"""\b(?:once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times|
    a\s+few\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month|quarter|year|decade|hour|minute)\b""", priority=1, triggers=('SETADV',), reach=(40, 32))
def set_frequency(m, ctx):
    return Value("SET", duration_value(1, m["unit"].lower()))


@compile_rule("set-nth-weekday", rf"""\b(?:the\s+)?(?P<ord>{ORDINAL})\s+(?P<weekday>{WEEKDAY})\s+
    (?:of\s+)?(?:every|each|the)\s+month\b""", priority=2, triggers=('WEEKDAY',), reach=(24, 32))
def set_nth_weekday(m, ctx):
    return Value("SET", "P1M")

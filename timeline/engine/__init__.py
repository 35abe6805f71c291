"""The temporal engine: text + publication time -> TimeML timexes.

`tag(text, dct)` finds the candidates of every rule family (`rules/`) near their trigger words
(`triggers.py`); the refiner (`refine.py`) takes them in reading order, keeps the longest valid
one wherever several overlap, widens it by its modifiers and composes it with its neighbours, so
that "two days later" can anchor on the date the story last named.
"""
from __future__ import annotations

from datetime import datetime

from ..model import Timex
from . import triggers
from .refine import Candidate, compose_pair, compose_prefix, extent, is_title, select, widen, widen_right
from .rules import RULES, Context, RuleMatch, Value, lower_text
from .sentences import Sentences

__all__ = ["story_start", "tag", "tag_with_values", "Value"]


def _candidates(text: str, full_scan: bool) -> list[Candidate]:
    """Every rule's matches: near its triggers only, or (for checking) over the whole text."""
    out = []
    low = lower_text(text)
    found = None if full_scan else triggers.find(text, low)
    positions_of: dict[tuple[str, ...], list[int]] = {}  # rules share trigger classes
    spans_of: dict[tuple, list[tuple[int, int]]] = {}  # and reaches
    for rule in RULES:
        if full_scan:
            spans = [(0, len(text))]
        else:
            spans = spans_of.get((rule.triggers, rule.reach))
            if spans is None:
                positions = positions_of.get(rule.triggers)
                if positions is None:
                    classes = rule.triggers
                    # Each class's offsets come sorted; several classes' are merged.
                    positions = found[classes[0]] if len(classes) == 1 else sorted(sum((found[c] for c in classes), []))
                    positions_of[classes] = positions
                spans = spans_of[rule.triggers, rule.reach] = triggers.windows(positions, len(text), *rule.reach) if positions else []
        for ws, we in spans:
            for m in rule.pattern.finditer(low, ws, we):
                s, e = extent(m, text)
                if e > s:
                    out.append(Candidate(s, e, rule, RuleMatch(m, text)))
    return out


def tag_with_values(text: str, dct: datetime, sentences: Sentences | None = None,
                    full_scan: bool = False, narrative: bool = False, written_known: bool = True) -> list[tuple[Timex, Value]]:
    """Every time expression in text, with the rule's Value (granularity, anchor) beside it.
    `narrative`: anchor year-less and relative dates on the last date the text named, `dct`
    serving only until it names one; `written_known` False for a text whose date of writing is
    unknown (an undated narrative, read from `dct` = the day its story starts)."""
    sentences = sentences or Sentences(text)
    ctx = Context(text, dct, sentences.around, narrative=narrative, written_known=written_known)
    out: list[tuple[Timex, Value]] = []
    floor = 0
    for c, value in select(_candidates(text, full_scan), ctx):
        if is_title(text, c.start, c.end, sentences.around(c.start)):
            continue
        try:
            start, value = widen(text, c.start, value, floor)
            end, value = widen_right(text, c.end, value)
            start, value = compose_prefix(text, start, value, floor)
            joined = compose_pair(text, (out[-1][0].start, out[-1][0].end, out[-1][1]), (start, end, value)) if out else None
            if joined is not None:
                value = joined
            if value.anchor is not None and value.type in ("DATE", "TIME"):
                ctx.remember(value, end)
        except (ValueError, OverflowError):
            continue  # a day the calendar cannot hold (before year 1 or after 9999): no mention
        floor = end
        if joined is not None:
            start = out.pop()[0].start
        out.append((Timex(start, end, text[start:end], value.type, value.value, value.mod), value))
    return out


def tag(text: str, dct: datetime, full_scan: bool = False, narrative: bool = False) -> list[Timex]:
    """TimeML TIMEX3 annotations for text written at dct (in a narrative, read from the story's day)."""
    return [t for t, _ in tag_with_values(text, dct, full_scan=full_scan, narrative=narrative)]


# Two reference times far apart: a mention with the same value under both names its date outright.
_PROBES = (datetime(1700, 6, 15), datetime(2300, 6, 15))


def story_start(text: str) -> datetime | None:
    """The first date a text names outright ("In 1918", "on March 3, 1918"), the day an undated
    narrative starts from; None when it names none."""
    first, second = (tag_with_values(text, probe) for probe in _PROBES)
    same = {(t.start, t.value) for t, _ in second}
    for t, value in first:
        if (t.start, t.value) in same and value.anchor is not None and t.type in ("DATE", "TIME"):
            return datetime(value.anchor.year, value.anchor.month, value.anchor.day)
    return None

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
from .refine import Candidate, compose_pair, compose_prefix, extent, is_title, select, widen
from .rules import RULES, Context, RuleMatch, Value, lower_text
from .sentences import Sentences

__all__ = ["tag", "tag_with_values", "Value"]


def _candidates(text: str, full_scan: bool) -> list[Candidate]:
    """Every rule's matches: near its triggers only, or (for checking) over the whole text."""
    out = []
    low = lower_text(text)
    found = None if full_scan else triggers.find(text, low)
    positions_of: dict[tuple[str, ...], list[int]] = {}  # rules share trigger classes
    for rule in RULES:
        if full_scan:
            spans = [(0, len(text))]
        else:
            positions = positions_of.get(rule.triggers)
            if positions is None:
                classes = rule.triggers
                # Each class's offsets come sorted; several classes' are merged.
                positions = found[classes[0]] if len(classes) == 1 else sorted(sum((found[c] for c in classes), []))
                positions_of[classes] = positions
            if not positions:
                continue
            spans = triggers.windows(positions, len(text), *rule.reach)
        for ws, we in spans:
            for m in rule.pattern.finditer(low, ws, we):
                s, e = extent(m, text)
                if e > s:
                    out.append(Candidate(s, e, rule, RuleMatch(m, text)))
    return out


def tag_with_values(text: str, dct: datetime, sentences: Sentences | None = None,
                    full_scan: bool = False) -> list[tuple[Timex, Value]]:
    """Every time expression in text, with the rule's Value (granularity, anchor) beside it."""
    sentences = sentences or Sentences(text)
    ctx = Context(text, dct, sentences.around)
    out: list[tuple[Timex, Value]] = []
    floor = 0
    for c, value in select(_candidates(text, full_scan), ctx):
        if is_title(text, c.start, c.end, sentences.around(c.start)):
            continue
        try:
            start, value = widen(text, c.start, value, floor)
            start, value = compose_prefix(text, start, value, floor)
            joined = compose_pair(text, (out[-1][0].start, out[-1][0].end, out[-1][1]), (start, c.end, value)) if out else None
            if joined is not None:
                value = joined
            if value.anchor is not None and value.type in ("DATE", "TIME"):
                ctx.remember(value, c.end)
        except (ValueError, OverflowError):
            continue  # a day the calendar cannot hold (before year 1 or after 9999): no mention
        floor = c.end
        if joined is not None:
            start = out.pop()[0].start
        out.append((Timex(start, c.end, text[start:c.end], value.type, value.value, value.mod), value))
    return out


def tag(text: str, dct: datetime, full_scan: bool = False) -> list[Timex]:
    """TimeML TIMEX3 annotations for text written at dct."""
    return [t for t, _ in tag_with_values(text, dct, full_scan=full_scan)]

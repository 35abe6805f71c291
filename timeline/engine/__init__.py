"""The temporal engine: text + publication time -> TimeML timexes.

`tag(text, dct)` finds every candidate of every rule family (`rules/`), lets the refiner
(`refine.py`) keep the best of overlapping ones, then normalises the survivors in reading order
so that "two days later" can anchor on the date the story last named.
"""
from __future__ import annotations

from datetime import datetime

from ..model import Timex
from .refine import Candidate, extent, select, widen
from .rules import RULES, Context, Value
from .sentences import Sentences

__all__ = ["tag", "tag_with_values", "Value"]


def tag_with_values(text: str, dct: datetime, sentences: Sentences | None = None) -> list[tuple[Timex, Value]]:
    """Every time expression in text, with the rule's Value (granularity, anchor) beside it."""
    sentences = sentences or Sentences(text)
    candidates = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            s, e = extent(m)
            if e > s:
                candidates.append(Candidate(s, e, rule, m))
    probe = Context(text, dct, sentences.around)
    chosen = select(candidates, probe)
    ctx = Context(text, dct, sentences.around)
    out: list[tuple[Timex, Value]] = []
    floor = 0
    for c in chosen:
        value = c.rule.normalise(c.match, ctx)
        if value is None:
            continue
        start, value = widen(text, c.start, value, floor)
        floor = c.end
        out.append((Timex(start, c.end, text[start:c.end], value.type, value.value, value.mod), value))
        if value.anchor is not None and value.type in ("DATE", "TIME") and not value.from_reference:
            ctx.reference = value
            ctx.last_by_grain[value.granularity] = (value, c.end)
    return out


def tag(text: str, dct: datetime) -> list[Timex]:
    """TimeML TIMEX3 annotations for text written at dct."""
    return [t for t, _ in tag_with_values(text, dct)]

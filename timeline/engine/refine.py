"""Refiners: choose between overlapping candidates and widen a chosen one by its modifiers."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from . import lexicon
from .rules import Context, Rule, Value


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


def extent(m: re.Match) -> tuple[int, int]:
    """A pattern may match context it does not tag: its group "x" is then the mention."""
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.span("x")
    span = m.span()
    text = m.group(0)
    # Patterns end on optional parts; keep the mention free of the spaces and commas they allow.
    trimmed = text.rstrip(" ,\n\t")
    # A full stop after a whole word ends the sentence; after "Sept" or "p.m" it ends the abbreviation.
    if trimmed.endswith(".") and (re.search(r"[A-Za-z]{5,}\.$", trimmed) or
                                  re.search(r"\b(?:June|July|May)\.$", trimmed)):
        trimmed = trimmed[:-1]
    lead = len(text) - len(text.lstrip(" ,\n\t"))
    return span[0] + lead, span[0] + len(trimmed)


def select(candidates: list[Candidate], probe: Context) -> list[Candidate]:
    """Keep the longest valid candidate wherever several overlap (priority breaks ties)."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    starts: list[int] = []  # chosen spans, kept sorted by start; they never overlap each other
    ends: list[int] = []
    chosen = []
    for c in ranked:
        i = bisect.bisect_left(starts, c.end)  # chosen spans starting before c ends: only i-1 can overlap
        if i and ends[i - 1] > c.start:
            continue
        if c.rule.normalise(c.match, probe) is None:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_PERIOD_MOD = re.compile(
    r"(?:\b(?P<word>" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in lexicon.PERIOD_MODIFIERS),
                                        key=len, reverse=True)) + r"))[\s-]*$",
    re.IGNORECASE)
_APPROX = re.compile(r"\b(?P<word>about|around|approximately|roughly|circa|some)\s+$", re.IGNORECASE)


def widen(text: str, start: int, value: Value, floor: int) -> tuple[int, Value]:
    """"early March", "the end of February", "mid-1990": take the modifier into the mention.

    Only periods longer than a day carry START/MID/END; `floor` is where the previous mention ended.
    """
    if value.type not in ("DATE", "TIME") or value.mod is not None:
        return start, value
    window = text[max(floor, start - 24):start]
    m = _PERIOD_MOD.search(window)
    if m and (value.granularity not in (None, "day") or m["word"].lower() in ("late", "early")):
        mod = lexicon.PERIOD_MODIFIERS.get(" ".join(m["word"].lower().split()).rstrip("-"),
                                           lexicon.PERIOD_MODIFIERS.get(m["word"].lower()))
        if mod:
            new_start = start - (len(window) - m.start())
            return new_start, replace(value, mod=mod)
    return start, value

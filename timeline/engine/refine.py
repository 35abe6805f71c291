"""Refiners: choose between overlapping candidates, widen a chosen one by its modifiers, and
compose it with the words or the mention beside it ("the day before last Tuesday", "the winter
of nineteen ninety-four")."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Iterator

from . import calendar as cal
from . import lexicon
from .rules import Context, Rule, RuleMatch, Value, alternation
from ..heads import compile_skipping


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: RuleMatch


_SENTENCE_GOES_ON = compile_skipping(r"\s*(?:$|\n|[\"\u201d]?\s+[A-Z])")


def extent(m: re.Match, text: str) -> tuple[int, int]:
    """What of a rule's match is the mention. A pattern may match context it does not tag: its
    group "x" is then the mention."""
    if "x" in m.re.groupindex and m.start("x") >= 0:
        return m.span("x")
    start, end = m.span()
    matched = text[start:end]
    # Patterns end on optional parts; keep the mention free of the spaces and commas they allow.
    trimmed = matched.rstrip(" ,\n\t")
    # A full stop after a whole word ends the sentence; after "Sept" or "p.m" it ends the abbreviation.
    if trimmed.endswith(".") and (re.search(r"[A-Za-z]{5,}\.$", trimmed) or
                                  re.search(r"\b(?:June|July|May)\.$", trimmed) or
                                  (trimmed.endswith("m.") and _SENTENCE_GOES_ON.match(text, start + len(trimmed)))):
        trimmed = trimmed[:-1]
    lead = len(matched) - len(matched.lstrip(" ,\n\t"))
    return start + lead, start + len(trimmed)


def select(candidates: list[Candidate], ctx: Context) -> Iterator[tuple[Candidate, Value]]:
    """In reading order, the longest valid candidate wherever several overlap (priority breaks
    ties), with its value. Candidates are taken in clusters of overlapping ones so that each is
    normalised once, with the story as it stands at that point (references, recent quarters)."""
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    i = 0
    while i < len(ordered):
        cluster, end = [ordered[i]], ordered[i].end
        i += 1
        while i < len(ordered) and ordered[i].start < end:
            cluster.append(ordered[i])
            end = max(end, ordered[i].end)
            i += 1
        chosen: list[tuple[Candidate, Value]] = []
        if len(cluster) > 1:
            cluster.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
        for c in cluster:
            if any(c.start < o.end and o.start < c.end for o, _ in chosen):
                continue
            try:
                value = c.rule.normalise(c.match, ctx)
            except (ValueError, OverflowError):
                value = None  # a day the calendar cannot hold: "January 0", "the 2927 century", year 10000
            if value is not None:
                chosen.append((c, value))
        yield from sorted(chosen, key=lambda cv: cv[0].start) if len(chosen) > 1 else chosen


_WORDS = compile_skipping(r"[A-Za-z][a-z']+")
# Time words that are written in lower case unless they open a sentence or belong to a name.
_COMMON_WORD = compile_skipping(r"\b(?!(?:" + alternation(list(lexicon.MONTHS) + list(lexicon.WEEKDAYS)) + r")\b)[A-Z][a-z]+\b")


def is_title(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """"This Week", "60 Minutes", "High Noon", "VOA Today": a common time word capitalised
    inside a sentence is part of a name or a title, not a time. Not in a headline written in
    title case, where every word is capitalised."""
    if text[start:end].lower() in _NAME_WORDS:
        return False  # a month or a weekday alone: a name of its own, never a title's word
    own = _OWN_NAME.match(text, start, end)
    opening = None
    for m in _COMMON_WORD.finditer(text, own.end() if own else start, end):
        if m.group(0).lower() not in _TIME_WORDS:
            continue
        if m.start() == start:
            if opening is None:
                before = text[sentence[0]:start].strip(" \t\n\"'\u201c\u2018(`_-")
                # After a full stop the sentence may begin anew even where the splitter saw an
                # abbreviation: "... Hewlett-Packard Co. Recently, analysts said".
                opening = before == "" or before.endswith(".")
            if opening:
                continue
        words = _WORDS.findall(text, sentence[0], sentence[1])
        return sum(w[0].isupper() for w in words) <= 0.6 * len(words)
    return False


_NAME_WORDS = frozenset(list(lexicon.MONTHS) + list(lexicon.WEEKDAYS))
# Names that are themselves times ("Christmas Day", "New Year's Eve") keep their capitals.
_OWN_NAME = compile_skipping("(?:" + alternation(lexicon.HOLIDAY_NAMES) + r")\b", re.IGNORECASE)
_TIME_WORDS = frozenset(list(lexicon.UNITS) + [u + "s" for u in lexicon.UNITS] + list(lexicon.PARTS_OF_DAY) + [
    "today", "tonight", "tomorrow", "yesterday", "now", "this", "next", "last", "noon", "midnight", "daily", "weekly",
    "monthly", "annually", "recent", "recently", "current", "currently", "future", "past", "earlier", "later"])


_PERIOD_MOD = compile_skipping(
    r"(?:\b(?P<word>" + alternation(lexicon.PERIOD_MODIFIERS) + r"))[\s-]*$",
    re.IGNORECASE)


def widen(text: str, start: int, value: Value, floor: int) -> tuple[int, Value]:
    """"early March", "the end of February", "mid-1990", "late Monday", "earlier that day": take the
    modifier into the mention. A day takes only the words for its earlier or later part; phrases
    such as "the end of" need a longer period. `floor` is where the previous mention ended.
    """
    if value.type not in ("DATE", "TIME") or value.mod is not None:
        return start, value
    window = text[max(floor, start - 24):start]
    m = _PERIOD_MOD.search(window)
    if m and (value.granularity not in (None, "day") or m["word"].lower() in ("late", "early", "earlier", "later")):
        mod = lexicon.PERIOD_MODIFIERS.get(" ".join(m["word"].lower().split()).rstrip("-"),
                                           lexicon.PERIOD_MODIFIERS.get(m["word"].lower()))
        if mod:
            new_start = start - (len(window) - m.start())
            return new_start, replace(value, mod=mod)
    return start, value


# Words after a mention that bound or blur it: "the next year or so", "1994 or later", "1990 and
# beyond".
_RIGHT_MOD = compile_skipping(r",?\s+(?:(?P<approx>or\s+so)|(?P<after>or\s+later|and\s+beyond|and\s+later|or\s+after|onwards?)|"
                              r"(?P<before>or\s+earlier|or\s+before))\b", re.IGNORECASE)


def widen_right(text: str, end: int, value: Value) -> tuple[int, Value]:
    """The mention with the words after it that make it approximate, open-ended or its end ("March-end"),
    where it has no modifier of its own."""
    if value.mod is not None or value.type not in ("DATE", "DURATION"):
        return end, value
    if value.granularity == "month" and text.startswith("-end", end) and not text[end + 4:end + 5].isalnum():
        return end + 4, replace(value, mod="END")  # "till March-end", as Indian and business papers write it
    m = _RIGHT_MOD.match(text, end)
    if m is None or (value.type == "DURATION" and not m["approx"]):
        return end, value
    mod = "APPROX" if m["approx"] else "ON_OR_AFTER" if m["after"] else "ON_OR_BEFORE"
    return m.end(), replace(value, mod=mod)


# Words before a day that move it or say which part of it is meant: "the day before last Tuesday",
# "the week of March 6", "the week beginning 10 April", "mid-afternoon yesterday".
_DAY_PREFIX = compile_skipping(
    r"\b(?:(?:the\s+)?day\s+(?P<shift>before|after)|the\s+week\s+(?:of|beginning|commencing|starting)|"
    r"(?P<part>(?:(?:early|late|mid)[\s-]*)?(?:" + alternation(k for k in lexicon.PARTS_OF_DAY if k != "overnight") + r")))\s+$",
    re.IGNORECASE)
# Between a period named without its year and the year that follows: "the winter of nineteen
# ninety-four", "March of 1998".
_YEAR_JOIN = compile_skipping(r"\s+(?:of\s+)?|\s*,\s*")
_YEAR_FREE_GRAINS = ("month", "season", "quarter", "half")
# Between a span and the day it counts from: "two weeks from Monday".
_SPAN_FROM = compile_skipping(r"\s+from\s+")
# "strike for five days from July 27": how long, from the day it starts, not a day so far on.
_LASTING = compile_skipping(r"\bfor\s+(?:another\s+|a\s+further\s+|up\s+to\s+|about\s+|at\s+least\s+)?$", re.IGNORECASE)
# Between a clock time and the day it falls on: "2 a.m. on New Year's Day", "noon, Christmas Eve".
_TIME_ON = compile_skipping(r"\s*,?\s+(?:on\s+)?")
_CLOCK = compile_skipping(r"T\d\d:\d\d")
# Between a day and the clock time that follows it: "November 3 at 4pm", "Friday, at noon".
_AT_TIME = compile_skipping(r",?\s+at\s+")


def compose_prefix(text: str, start: int, value: Value, floor: int) -> tuple[int, Value]:
    """A day mention with the words before it that shift it a day, widen it to its week or name a
    part of it. `floor` is where the previous mention ended."""
    if value.type != "DATE" or value.granularity != "day" or value.anchor is None or value.mod is not None:
        return start, value
    m = _DAY_PREFIX.search(text, max(floor, start - 24), start)
    if m is None:
        return start, value
    d = value.anchor
    if m["shift"]:
        d = d + timedelta(days=1 if m["shift"].lower() == "after" else -1)
        return m.start(), replace(value, value=d.isoformat(), anchor=d)
    if m["part"]:
        part = m["part"].lower().split("-")[-1].split()[-1]
        return m.start(), replace(value, type="TIME", value=f"{d.isoformat()}T{lexicon.PARTS_OF_DAY[part]}")
    return m.start(), replace(value, value=cal.value_at(d, "week"), granularity="week")


def compose_pair(text: str, earlier: tuple[int, int, Value], later: tuple[int, int, Value]) -> Value | None:
    """Two neighbouring mentions that are one: a month, season, quarter or half followed by its
    year ("the winter of nineteen ninety-four"), a clock time followed by its day ("2 a.m. on
    New Year's Day"), or a span counted from a day ("two weeks from Monday"). The value of the
    whole, or None."""
    (s1, e1, v1), (s2, _, v2) = earlier, later
    joined_by = _YEAR_JOIN.fullmatch(text, e1, s2)
    if v1.anchor is not None and (v1.granularity in _YEAR_FREE_GRAINS or (v1.granularity == "day" and joined_by
                                                                          and "of" in joined_by.group(0))) \
            and v2.granularity == "year" and v2.anchor is not None and re.fullmatch(r"\d{4}", v2.value) and joined_by \
            and not re.search(r"\d{4}", text[s1:e1]):
        # "the winter of nineteen ninety-four", "March of 1998", "September 1 of next year"
        year = v2.anchor.year
        anchor = cal.safe_date(year, v1.anchor.month, v1.anchor.day)
        if anchor is None:
            return None
        return replace(v1, value=f"{year:04d}{v1.value[4:]}", anchor=anchor)
    if v1.type == "TIME" and _CLOCK.match(v1.value, 10) and v2.type == "DATE" and v2.granularity == "day" \
            and v2.anchor is not None and v2.mod is None and _TIME_ON.fullmatch(text, e1, s2):
        # The day written after a clock time is its day, whatever the time was read against.
        return replace(v1, value=v2.anchor.isoformat() + v1.value[10:], anchor=v2.anchor)
    if v1.type == "DATE" and v1.granularity == "day" and v1.anchor is not None and v1.mod is None and v2.type == "TIME" \
            and _CLOCK.match(v2.value, 10) and _AT_TIME.fullmatch(text, e1, s2):
        # "November 3 at 4pm", "Friday, at noon": the clock time of the day just named
        return Value("TIME", v1.anchor.isoformat() + v2.value[10:], granularity="day", anchor=v1.anchor)
    if v1.type == "DURATION" and v1.mod is None and "T" not in v1.value and v2.type == "DATE" \
            and v2.granularity == "day" and v2.anchor is not None and _SPAN_FROM.fullmatch(text, e1, s2) \
            and not _LASTING.search(text, max(0, s1 - 24), s1):
        moved = cal.add_duration(datetime.combine(v2.anchor, time()), v1.value)
        if moved is not None:
            d = moved.date()
            return Value("DATE", d.isoformat(), granularity="day", anchor=d)
    return None

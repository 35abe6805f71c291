"""Rule families: each module holds the patterns for one family of expressions and the function
that turns a match into a TimeML value. `RULES` is every rule, in no particular order; the
refiner in `engine/refine.py` decides between overlapping matches.

Adding a pattern touches one module here, and its examples in `tests/examples/<family>.jsonl`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Optional

from ...heads import compile_skipping
from .. import calendar as cal
from .. import lexicon
from ..tense import LIST_GLUE, PAST_FORMS, clause_tense


@dataclass(frozen=True)
class Value:
    """What a rule makes of a match: the TIMEX3 attributes, plus the granularity of a DATE."""
    type: str
    value: str
    mod: Optional[str] = None
    granularity: Optional[str] = None  # day, week, month, quarter, half, year, ... for references
    anchor: Optional[date] = None  # a representative day, to anchor later relative mentions
    # Resolved against the story's last date rather than named outright: such a mention does not
    # become the reference itself, so "the quarter ... a year earlier ... the quarter" stays put.
    from_reference: bool = False


@dataclass
class Context:
    """What a rule may look at beyond its match: the document, its date and the story so far."""
    text: str
    dct: datetime
    sentence_of: Callable[[int], tuple[int, int]]
    reference: Optional[Value] = None  # the last mention that named a point on the calendar
    last_by_grain: dict = field(default_factory=dict)  # granularity -> (last such mention, its end offset)
    last_named: dict = field(default_factory=dict)  # granularity -> the last mention of it, however resolved
    # A narrative (a history, a background report) is read from the day the story has reached,
    # the last date it named, rather than from the day it was written.
    narrative: bool = False
    # Whether the day the text was written is known: not for an undated narrative, whose "today"
    # is the writer's, some day after the story.
    written_known: bool = True
    _tense_cache: dict = field(default_factory=dict)
    _tense_by_end: dict = field(default_factory=dict)  # end offset -> tense read for a mention ending there

    @property
    def today(self) -> date:
        """The day the text speaks from: the publication day; in a narrative, the story's day."""
        if self.narrative and self.reference is not None and self.reference.anchor is not None:
            return self.reference.anchor
        return self.dct.date()

    def starts_sentence(self, at: int) -> bool:
        """Does the word at `at` open its sentence (after quotes or brackets at most)?"""
        return not self.text[self.sentence_of(at)[0]:at].strip(" \t\n\"'\u201c\u2018(`_-")

    def year_frame(self, at: int) -> Optional[int]:
        """The year a sentence opens with as its frame ("In 1918, the season was curtailed to
        Sept. 2"), when it is not the publication's: the year of the dates the sentence names
        without one."""
        s, _ = self.sentence_of(at)
        m = _YEAR_FRAME.match(self.text, s, at)
        year = int(m["year"]) if m else None
        return year if year is not None and year != self.dct.year else None

    def story_day(self, start: int) -> Optional[date]:
        """The day a background story told in the past perfect is at: "The war began on February
        24, 2022. ... By April, they had withdrawn" is April 2022. The last date named outright, in
        a year before the publication's and not far back, where the mention's sentence says "had"
        done; else None."""
        ref = self.reference
        if ref is None or ref.anchor is None or ref.from_reference or ref.anchor.year >= self.dct.year:
            return None
        seen = self.last_by_grain.get(ref.granularity)
        if seen is None or seen[0] is not ref or not 0 <= start - seen[1] <= _STORY_REACH \
                or not _YEAR_DIGITS.search(self.text, max(0, seen[1] - 6), seen[1]):
            return None  # the story's date must be written with its year ("last October" is the writer's)
        s, e = self.sentence_of(start)
        if seen[1] > s or not _OPENING_ADJUNCT.fullmatch(self.text, s, start):
            return None  # "By April, they had withdrawn": the date opens a sentence after the story's date
        return ref.anchor if _PAST_PERFECT.search(self.text, start, e) else None

    def month_day(self, month: int, day: int, start: int, end: int) -> Optional[date]:
        """The date of a month and day named without a year. News: the nearest such day to the
        publication day unless the clause's tense points the other way, or in the year the
        sentence opens with. A narrative: the day in the year the story is in ("In 1918 ... on
        Sept. 2")."""
        if self.narrative:
            return cal.safe_date(self._story_year(month), month, day)
        frame = self.year_frame(start)
        if frame is not None:
            return cal.safe_date(frame, month, day)
        story = self.story_day(start)
        if story is not None:
            return cal.resolve_month_day(story, month, day, 0)
        return cal.resolve_month_day(self.today, month, day, self.tense(start, end))

    def weekday(self, weekday: int, start: int, end: int) -> date:
        """The date of a weekday named alone ("on Wednesday"): back or ahead by the tense of its
        clause, the nearest when it has none ("Voters go to the polls on Sunday"); but yesterday or tomorrow rather than six days off where the
        tense is only weakly read. News names a weekday six days away as "last" or "next Tuesday";
        "Wednesday's rehearsals are set to", "announced a truce starting Sunday" and "was scheduled
        to expire on Monday" read the other way more often than that. An explicit "will" or a
        clause that insists keeps its reading, and only a clause with a past form ("was scheduled
        to", "set a deadline Wednesday") takes a day ahead back to yesterday."""
        today = self.today
        direction = self.tense(start, end)
        d = cal.resolve_weekday(today, weekday, direction)
        if abs((d - today).days) != 6 or abs(direction) > 1:
            return d
        left = self.text[max(self.sentence_of(start)[0], start - 60):start]
        left = left[max((b.end() for b in _CLAUSE_BREAK.finditer(left)), default=0):]  # its own clause
        if d > today and (_WILL_BEFORE.search(left) or not _PAST_FORM.search(left)):
            return d  # "will meet on Wednesday", "Voting closes on Sunday": the one ahead
        last_past = None
        for last_past in _PAST_FORM.finditer(left):
            pass
        if d > today and last_past is not None and _WOULD_AFTER.search(left, last_past.end()):
            return d  # "said the talks would take place on Monday": what was said of the coming one
        if d < today and last_past is not None and not _LOOKS_AHEAD.search(left, last_past.end()):
            return d  # "The Senate passed the bill on Thursday, ... who is expected to sign it": what it did then
        return d + timedelta(days=7 if d < today else -7)

    def month_year(self, month: int, start: int, end: int) -> int:
        """The year of a month named without one, read as `month_day` reads a day."""
        if self.narrative:
            return self._story_year(month)
        frame = self.year_frame(start)
        if frame is not None:
            return frame
        story = self.story_day(start)
        if story is not None:
            return cal.resolve_month(story, month, 0)
        return cal.resolve_month(self.today, month, self.tense(start, end))

    def _story_year(self, month: int) -> int:
        """The year of a month a narrative names without one: the story's year, or the next where
        the story is in a period that runs into it ("The following winter ... In February")."""
        year = self.today.year
        ref = self.reference
        if ref is not None and ref.granularity in ("season", "quarter", "half") and ref.value[:4].isdigit():
            span = cal.interval(ref.value)
            if span and not span[0][:7] <= f"{year:04d}-{month:02d}" <= span[1][:7] \
                    and span[0][:7] <= f"{year + 1:04d}-{month:02d}" <= span[1][:7]:
                return year + 1
        return year

    def tense(self, start: int, end: int) -> int:
        """The tense of a mention's clause. The items of a list ("in May, June and July") share the
        verb that governs them, so an item read right after another takes that one's reading: a
        list costs one reading, however long it is."""
        key = (start, end)
        if key not in self._tense_cache:
            shared = self._tense_by_end.get(start - 1) if self.text[start - 1:start] == " " else None
            if shared is None:  # the common glue, one space, looked up without a pattern
                glue = LIST_GLUE.search(self.text, max(0, start - 8), start)
                shared = self._tense_by_end.get(glue.start()) if glue else None
            if shared is None:
                s, e = self.sentence_of(start)
                shared = clause_tense(self.text, start, end, s, e)
            self._tense_cache[key] = self._tense_by_end[end] = shared
        return self._tense_cache[key]

    def remember(self, value: Value, end: int) -> None:
        """Note a mention that names a point on the calendar, ending at `end`: it becomes the
        story's reference and the last mention of its granularity, unless it was itself resolved
        against the story ("the quarter"), which only renews the period already there."""
        seen = self.last_by_grain.get(value.granularity)
        self.last_named[value.granularity] = value
        if value.from_reference:
            if seen is not None:
                self.last_by_grain[value.granularity] = (seen[0], end)
            return
        self.reference = value
        if value.granularity == "quarter" and seen is not None and not _reports_on(value, seen[0], self.today):
            self.last_by_grain["quarter"] = (seen[0], end)
        else:
            self.last_by_grain[value.granularity] = (value, end)

    def recent(self, grain: str, at: int, within: int = 600) -> Optional[Value]:
        """The last mention of a granularity if it ended within `within` characters before `at`."""
        seen = self.last_by_grain.get(grain)
        return seen[0] if seen is not None and 0 <= at - seen[1] <= within else None

    def last_point(self, at: int, within: int) -> Optional[Value]:
        """The last mention that named a point on the calendar, if it ended within `within`
        characters before `at`."""
        seen = [(end, value) for value, end in self.last_by_grain.values() if 0 <= at - end <= within]
        return max(seen, key=lambda s: s[0])[1] if seen else None

    def reference_day(self, finest: str = "century") -> date:
        """The day the story is at: the last date named, if it was named at least as finely as
        `finest` (a clock time needs a day, "that year" any date), else the publication day."""
        ref = self.reference
        if ref is not None and ref.anchor is not None and _GRAINS.index(ref.granularity or "century") <= _GRAINS.index(finest):
            return ref.anchor
        return self.today


# Where one clause ends and the next begins: "The ceasefire, which took effect on June 1, expires ...".
_CLAUSE_BREAK = re.compile(r"[;:\u201c\u201d\"()]|,\s|\s[-\u2013\u2014]\s")
# The future of reported speech after the last past verb: "said the talks would take place".
_WOULD_AFTER = re.compile(r"\b(?:would|wo\s+n't|wouldn't)\b", re.IGNORECASE)
_WILL_BEFORE = re.compile(r"\b(?:will|shall|won't|wo\s+n't)\b|'ll\b", re.IGNORECASE)
# A verb form of the past, participles included ("was scheduled to", "a service planned for", "set a
# deadline"), but not the present passive ("the findings are published on Tuesday").
_PAST_FORM = re.compile(r"\b(?<!\bis\s)(?<!\bare\s)(?:[a-z]{3,}ed|set|" + "|".join(sorted(PAST_FORMS)) + r")\b")

# Words after a clause's last past form that look ahead from it to the weekday: "announced a truce
# starting Sunday", "said talks would resume Monday", "set a deadline for Friday".
_LOOKS_AHEAD = re.compile(r"\b(?:start\w*|begin\w*|from|until|till|through|by|due|set|schedul\w*|expect\w*|plan\w*|"
                          r"to\s+[a-z]+|effective|ahead|before|next|would|could|might|should|for|deadline)\b")

# "had withdrawn", "had been arrested", "had already reached": the past perfect of a background story.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:already|not|never|also|just|been|largely|mostly)\s+){0,2}[a-z]+(?:ed|en|wn|ne|ght|ck|lt|nt|un|ng|de|ft)\b")
_YEAR_DIGITS = re.compile(r"\d{4}")
_OPENING_ADJUNCT = re.compile(r"[\s\"'\u201c(]*(?:(?:In|By|On|Until|Since|During|Throughout|(?:Later|Early|Late)\s+in)\s+)?"
                             r"(?:(?:early|late|mid)[\s-]*)?")
# How far after the last date named outright a background story keeps to its year.
_STORY_REACH = 400

_GRAINS = ["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]


# "In 1918, ...", "Back in March 2009, ...": a year that opens a sentence, set off by a comma.
_YEAR_FRAME = re.compile(r"[\s\"'\u201c(]*(?:(?:In|During|Back\s+in|By|Through|Throughout)\s+)(?:(?:early|late|mid-?)\s*)?"
                         r"(?:[A-Z][a-z]+\.?\s+)?(?P<year>1[0-9]{3}|20[0-9]{2}),\s")


def _reports_on(quarter: Value, current: Value, today: date) -> bool:
    """Does a newly named quarter become the one the story reports on? A story reports on the
    latest quarter to have closed that it names: an earlier one is a comparison ("after a flat
    second quarter"), one still open a forecast ("a fourth-quarter charge")."""
    def closed(v: Value) -> bool:
        return cal.shift(v.anchor, "quarter", 1) <= today
    if not closed(quarter):
        return not closed(current)
    return not closed(current) or quarter.anchor > current.anchor

# Rules match the text in lower case, without IGNORECASE: the regex engine then compares each
# letter once and skips an alternative at its first letter (rule matching a third faster on TBAQ).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower_text(text: str) -> str:
    """The text in lower case, with every offset kept (only ASCII is lowered where a letter's
    lower case is longer, as "İ"'s is)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


# Escapes ("\\S", "\\B") and group names ("(?P<month>", "(?P=sep)") keep their case.
_PATTERN_PIECE = re.compile(r"\\.|\(\?P[<=]\w+[>)]|[^\\(]+|\(", re.DOTALL)


def lower_pattern(pattern: str) -> str:
    """A pattern's letters in lower case, but for escapes and group names."""
    def lower(piece: re.Match) -> str:
        s = piece[0]
        return s if s[0] == "\\" or s.startswith("(?P") else s.lower()
    return _PATTERN_PIECE.sub(lower, pattern)


class RuleMatch:
    """A rule's match in the lower-cased text, read in the text as written: groups keep their
    case, so that a normaliser can tell "May" from "may"."""
    __slots__ = ("_match", "string", "re")

    def __init__(self, match: re.Match, text: str):
        self._match, self.string, self.re = match, text, match.re

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def group(self, group: int | str = 0) -> Optional[str]:
        s, e = self._match.span(group)
        return None if s < 0 else self.string[s:e]

    __getitem__ = group


Normaliser = Callable[[RuleMatch, Context], Optional[Value]]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    normalise: Normaliser
    priority: int = 0
    triggers: tuple[str, ...] = ()  # classes of engine/triggers.py one of which every match contains
    reach: tuple[int, int] = (64, 64)  # how far a match and its look-arounds extend before/after a trigger


# What re.escape escapes, looked up a character at a time (every start-up builds these tries).
_ESCAPED = {c: "\\" + c for c in "()[]{}?*+-|^$\\.&~#\t\n\r\v\f"}


def alternation(words) -> str:
    """A regex alternation of words, spaces matching any run of blanks, shaped as a trie: the regex
    engine reads each letter once instead of trying every word that shares it, and still prefers
    the longest word ("january" before "jan")."""
    root: dict = {}
    for w in set(words):
        node = root
        blank = False
        for ch in w:
            if ch == " ":
                if not blank:
                    node = node.setdefault(r"\s+", {})
                blank = True
            else:
                node = node.setdefault(_ESCAPED.get(ch, ch), {})
                blank = False
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [piece + emit(child) for piece, child in sorted(node.items()) if piece]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(root)


def compile_rule(name: str, pattern: str, priority: int = 0, triggers: tuple[str, ...] = (),
                 reach: tuple[int, int] = (64, 64)):
    """Decorator: register a normaliser under a verbose pattern (written in any case, matched
    against the lower-cased text), to be run near the trigger classes named."""
    regex = compile_skipping(lower_pattern(pattern), re.VERBOSE)
    if not triggers:
        raise ValueError(f"rule {name}: name the trigger classes its matches contain")

    def wrap(fn: Normaliser) -> Normaliser:
        RULES.append(Rule(name, regex, fn, priority, triggers, reach))
        return fn
    return wrap


RULES: list[Rule] = []

MONTH = alternation(lexicon.MONTHS)
# Words after which a month's name, in any case and however short, is the month: "see you in jan".
MONTH_AFTER = re.compile(r"\b(?:in|by|until|till|since|from|through|next|last|early|late|mid-?)\s*$", re.IGNORECASE)
WEEKDAY = alternation(lexicon.WEEKDAYS)
NUMBER_WORD = alternation(k for k in lexicon.NUMBER_WORDS if " " not in k or k.startswith("a "))
TENS = alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
ONES = alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
# A count: 3, 3.5, 1,000, "twenty-five", "two", "a couple of".
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:{TENS})[\s-](?:{ONES})|{NUMBER_WORD})"
UNIT = alternation(lexicon.UNITS) + "|centuries|millennia"
ORDINAL = alternation(lexicon.ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th)"


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def month_number(word: str) -> Optional[int]:
    return lexicon.MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> Optional[int]:
    return lexicon.WEEKDAYS.get(word.lower().rstrip("."))


def parse_number(text: str) -> Optional[float]:
    """"3", "1,000", "twenty-five", "a couple of", "5 1/2" -> the number; vague words -> None."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t.endswith(" 1/2"):
        base = parse_number(t[:-4])
        return None if base is None else base + 0.5
    if re.fullmatch(r"\d+(?:,\d{3})+", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in lexicon.NUMBER_WORDS:
        return float(lexicon.NUMBER_WORDS[t])
    m = re.fullmatch(r"(\w+)[\s-](\w+)", t)
    if m and m[1] in lexicon.NUMBER_WORDS and m[2] in lexicon.NUMBER_WORDS:
        return float(lexicon.NUMBER_WORDS[m[1]] + lexicon.NUMBER_WORDS[m[2]])
    return None


def unit_name(word: str) -> str:
    """"weeks" -> "week", "centuries" -> "century", "yrs" -> "year"."""
    w = word.lower()
    if w in ("centuries",):
        return "century"
    if w in ("millennia",):
        return "millennium"
    if w.endswith("s") and w[:-1] in lexicon.UNITS:
        w = w[:-1]
    return "year" if w == "yr" else "hour" if w == "hr" else w


def duration_value(n: Optional[float], unit: str) -> str:
    """P-notation for n units; n None gives the vague count X ("PXD")."""
    letter, is_time = lexicon.UNITS[unit]
    if unit == "decade":
        letter, n = ("DE", n) if n is None else ("Y", n * 10)
    elif unit == "century":
        letter, n = ("CE", n) if n is None else ("Y", n * 100)
    elif unit == "fortnight":
        letter, n = "W", (None if n is None else n * 2)
    elif unit == "weekend":
        letter, n = "D", (None if n is None else n * 2)
    elif unit == "night":
        letter = "D"
    if n is None:
        count = "X"
    elif n == int(n):
        count = str(int(n))
    elif is_time and unit in ("hour", "minute"):
        part = "M" if unit == "hour" else "S"  # "1.5 hours" is PT1H30M
        return f"PT{int(n)}{letter}{int(round((n - int(n)) * 60))}{part}"
    else:
        count = f"{n:g}"
    return f"PT{count}{letter}" if is_time else f"P{count}{letter}"


# Import the families so that they register their rules.
from . import (dates, durations, holidays, periods, relative, sets, times, vague,  # noqa: E402,F401
               weekdays, years)

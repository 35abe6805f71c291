"""Trigger words: every time expression contains one, so rules need only look near them.

One scan of the text finds the triggers of every class; each rule then runs only inside windows
around the triggers of the classes it names. A rule whose matches can contain no trigger of its
classes would be missed: `tests/test_engine.py` checks that windowed and full scans agree.
"""
from __future__ import annotations

import re

from . import lexicon
from .rules import MONTH_AFTER, alternation

_HOLIDAY_HEADS = {name.split()[0] for name in lexicon.HOLIDAY_NAMES}


def _table() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-cased word -> class, for names (which must be capitalised) and for other words."""
    names: dict[str, str] = {}
    for w in lexicon.MONTHS:
        names[w] = "MONTH"
    for w in lexicon.WEEKDAYS:
        names[w] = names[w + "s"] = "WEEKDAY"
    for w in _HOLIDAY_HEADS:
        names.setdefault(w.rstrip("."), "HOLIDAY")
    words: dict[str, str] = {}
    groups = {
        "QUARTER": ["quarter", "quarters", "qtr", "period"],
        "CENTURY": ["century", "centuries", "millennium", "millennia"],
        "PART": list(lexicon.PARTS_OF_DAY) + ["noon", "midnight", "nights"],
        "UNIT": list(lexicon.UNITS) + [u + "s" for u in lexicon.UNITS] + [u + "long" for u in ("day", "week", "month", "year", "decade")]
                + ["midyear", "midmonth"],
        "DEICTIC": ["today", "tonight", "tomorrow", "yesterday", *lexicon.INFORMAL_DAYS] + [w.split()[-1] for w in lexicon.VAGUE_REFERENCES],
        "SETADV": list(lexicon.SET_ADVERBS) + ["every", "each", "once", "twice", "times"],
        "SEASON": list(lexicon.SEASONS),
        "HALF": ["half"],
        "FISCAL": ["fiscal", "fy", "financial"],
        "SPELLED": ["nineteen", "twenty", "thousand"],
        "DECADE": list(lexicon.DECADE_WORDS),
        "OCLOCK": ["clock"],  # "o'clock": the word after the apostrophe
        "ANAPHOR": ["then", "time"],  # "before then", "by that time": a day named before ("date" is DEICTIC's)
    }
    for cls, ws in groups.items():
        for w in ws:
            words.setdefault(w.lower(), cls)
    return names, words


NAMES, WORDS = _table()
CLASSES = ("MONTH", "WEEKDAY", "HOLIDAY", "QCODE", "QUARTER", "CENTURY", "UNIT", "PART", "DEICTIC", "SETADV", "SEASON", "HALF",
           "FISCAL", "SPELLED", "DECADE", "OCLOCK", "ANAPHOR", "AMPM", "ORD", "NUMSEP", "DIGITS4", "ERA")

# "a.m.", "p. m", "10am", "8 PM", found by their "m" (rarer than "a" or a digit, so the regex
# engine skips ahead to it), which is where the trigger is; one look back first rules out most.
_AMPM = re.compile(r"[mM](?<=[aApP.\s][mM])(?:(?<=\d[aApP]\.[mM])|(?<=\b[aApP]\.[mM])|(?<=\b[aApP]\.\s[mM])|(?<=\d[aApP][mM])|(?<=\d\s[aApP][mM])|"
                   r"(?<=\d\s\s[aApP][mM]))\b")
_NUMSEP = re.compile(r"\d[/.:h]\d")
# Numbers that can be part of a time: four digits or more, or digits with what may follow them
# ("1990s", "4th", "10:30"); and quarter codes ("Q3"). A number starts where no number (or
# quarter code) runs on into it, as a scan token by token would see it.
_NUMBER = re.compile(r"\d(?<!\d\d)(?:(?<!\d[/.:h]\d)|(?<=Q[1-4][/.:h]\d))"
                     r"(?=\d{3}|\d*(?:[/.:h]\d|st|nd|rd|th|'?s))\d*(?:[/.:h]\d+)*(?:st|nd|rd|th|'?s)?")
_QCODE = re.compile(r"(?:Q(?<![A-Za-z]Q)[1-4]|H(?<![A-Za-z]H)[12])\b")  # "Q3", "H1 2022"
# A year written with two digits after an apostrophe ("in '79"), and an era after a year ("331 BC").
_SHORT_YEAR = re.compile(r"['\u2019]\d\d(?!\d)")
# Opened by its capital, which the regex engine skips ahead to (a leading "\b" made it try every character).
_ERA = re.compile(r"[ABC](?<!\w[ABC])(?:(?<=B)(?:CE?|\.C\.(?:E\.)?)|(?<=A)(?:D|\.D\.)|(?<=C)E)(?![A-Za-z])")


# A trigger word as a whole run of letters, found inside the regex engine rather than by looking
# up every word of the text. The pattern opens with the character before the word, so that the
# regex engine skips ahead to the characters that are not letters.
_WORD = re.compile(rf"[^a-z]({alternation(set(WORDS) | set(NAMES))})(?![a-z])")


def find(text: str, low_text: str) -> dict[str, list[int]]:
    """Start offsets of the triggers of each class: words by table, numbers by their shape.
    `low_text` is the text as `rules.lower_text` lowers it."""
    found: dict[str, list[int]] = {name: [] for name in CLASSES}
    names, words = NAMES, WORDS
    for m in _WORD.finditer(" " + low_text):  # a space before the first word; offsets one on
        low = m.group(1)
        start = m.start(1) - 1
        cls = words.get(low)
        if cls is not None:
            found[cls].append(start)
        elif text[start].isupper() or low.rstrip("s") in lexicon.WEEKDAYS:  # "see you friday", "on sat"
            found[names[low]].append(start)
        elif low != "may" and MONTH_AFTER.search(low_text, max(0, start - 8), start):  # "see you in jan"
            found[names[low]].append(start)
    for m in _NUMBER.finditer(text):
        tok = m.group()
        if tok.isdigit():
            if len(tok) >= 4:
                found["DIGITS4"].append(m.start())
            continue
        last = tok[-1]
        if last == "s":
            found["DECADE"].append(m.start())
            if len(tok) >= 5 and tok[:4].isdigit():
                found["DIGITS4"].append(m.start())
        elif last in "tdh" and tok[-2:] in ("st", "nd", "rd", "th") and tok[:-2].isdigit():
            found["ORD"].append(m.start())
        if _NUMSEP.search(tok):
            found["NUMSEP"].append(m.start())
            if tok[4:5] == "/" and tok[:4].isdigit():
                found["DIGITS4"].append(m.start())  # "the 2023/24 season": a year and the next
    found["QCODE"] = [m.start() for m in _QCODE.finditer(text)]
    if "'" in text or "\u2019" in text:
        found["DIGITS4"] = sorted(found["DIGITS4"] + [m.start() for m in _SHORT_YEAR.finditer(text)])
    found["ERA"] = [m.start() for m in _ERA.finditer(text)]
    found["AMPM"] = [m.start() for m in _AMPM.finditer(text)]
    return found


def windows(positions: list[int], length: int, before: int, after: int) -> list[tuple[int, int]]:
    """Merged [start, end) windows reaching `before` and `after` characters around sorted triggers."""
    out: list[tuple[int, int]] = []
    start = end = -1
    for p in positions:
        if p - before > end:
            if end >= 0:
                out.append((start, end))
            start = p - before if p > before else 0
        end = p + after
    if end >= 0:
        out.append((start, min(end, length)))
    return out

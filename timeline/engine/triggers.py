"""Trigger words: every time expression contains one, so rules need only look near them.

One scan of the text finds the triggers of every class; each rule then runs only inside windows
around the triggers of the classes it names. A rule whose matches can contain no trigger of its
classes would be missed: `tests/test_engine.py` checks that windowed and full scans agree.
"""
from __future__ import annotations

import re

from . import lexicon


def _words(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


def _capitalised(words) -> str:
    forms = set()
    for w in words:
        forms.add(w[:1].upper() + w[1:])
        forms.add(w.upper())
    return _words(forms)


_HOLIDAY_HEADS = {name.split()[0] for name in (list(lexicon.FIXED_HOLIDAYS) + list(lexicon.NTH_WEEKDAY_HOLIDAYS)
                                                + list(lexicon.EASTER_HOLIDAYS))}

# Classes are disjoint: a word belongs to one class only. Case matters for names.
CLASSES: dict[str, str] = {
    "MONTH": rf"\b(?:{_capitalised(lexicon.MONTHS)})\b",
    "WEEKDAY": rf"\b(?:{_capitalised(lexicon.WEEKDAYS)})(?:s|\b)",
    "HOLIDAY": rf"\b(?:{_capitalised(h for h in _HOLIDAY_HEADS if h.lower() not in lexicon.MONTHS)})",
    "QCODE": r"\bQ[1-4]\b",
    "UNIT": r"(?i:\b(?:" + _words(list(lexicon.UNITS) + ["centuries", "millennia", "hrs", "yrs", "mins", "secs"])
            + r")(?:s|\b))",
    "PART": r"(?i:\b(?:morning|afternoon|evening|daytime|noon|midnight|midday|overnight)\b)",
    "DEICTIC": r"(?i:\b(?:today|tonight|tomorrow|yesterday|" + _words(
        w.split()[-1] for w in lexicon.VAGUE_REFERENCES) + r")\b)",
    "SETADV": r"(?i:\b(?:daily|weekly|monthly|yearly|annually|quarterly|hourly|nightly|biweekly|fortnightly|"
              r"biannually|semi-?annually|every|each|once|twice|times)\b)",
    "SEASON": r"(?i:\b(?:spring|summer|fall|autumn|winter)\b)",
    "HALF": r"(?i:\bhalf\b)",
    "FISCAL": r"(?i:\b(?:fiscal|FY|financial)\b)",
    "SPELLED": r"(?i:\b(?:nineteen|twenty)\b)",
    "DECADE": r"(?i:\d0'?s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
    "AMPM": r"(?i:\b[ap]\.\s?m\b|\d\s*[ap]m\b)",
    "ORD": r"\d(?:st|nd|rd|th)\b",
    "NUMSEP": r"\d[/.:h]\d",
    "DIGITS4": r"\d{4}",
}

TRIGGERS = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CLASSES.items()))

# Context a rule may need on either side of its trigger: the longest match plus its look-arounds.
WINDOW_BEFORE = 96
WINDOW_AFTER = 96


def find(text: str) -> dict[str, list[int]]:
    """Start offsets of the triggers of each class."""
    found: dict[str, list[int]] = {name: [] for name in CLASSES}
    for m in TRIGGERS.finditer(text):
        found[m.lastgroup].append(m.start())
    return found


def windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    """Merged [start, end) windows around sorted trigger positions."""
    out: list[tuple[int, int]] = []
    for p in positions:
        s, e = max(0, p - WINDOW_BEFORE), min(length, p + WINDOW_AFTER)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out

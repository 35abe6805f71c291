"""Trigger words: every time expression contains one, so rules need only look near them.

One scan of the text finds the triggers of every class; each rule then runs only inside windows
around the triggers of the classes it names. A rule whose matches can contain no trigger of its
classes would be missed: `tests/test_engine.py` checks that windowed and full scans agree.
"""
from __future__ import annotations

import re

from . import lexicon

_HOLIDAY_HEADS = {name.split()[0] for name in (list(lexicon.FIXED_HOLIDAYS) + list(lexicon.NTH_WEEKDAY_HOLIDAYS)
                                                + list(lexicon.EASTER_HOLIDAYS))}


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
        "PART": ["morning", "afternoon", "evening", "daytime", "noon", "midnight", "midday", "overnight", "night",
                 "nights"],
        "UNIT": list(lexicon.UNITS) + [u + "s" for u in lexicon.UNITS],
        "DEICTIC": ["today", "tonight", "tomorrow", "yesterday"] + [w.split()[-1] for w in lexicon.VAGUE_REFERENCES],
        "SETADV": ["daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly", "nightly", "biweekly",
                   "fortnightly", "biannually", "semiannually", "annually", "every", "each", "once", "twice", "times"],
        "SEASON": list(lexicon.SEASONS),
        "HALF": ["half"],
        "FISCAL": ["fiscal", "fy", "financial"],
        "SPELLED": ["nineteen", "twenty", "thousand"],
        "DECADE": ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
    }
    for cls, ws in groups.items():
        for w in ws:
            words.setdefault(w.lower(), cls)
    return names, words


NAMES, WORDS = _table()
CLASSES = ("MONTH", "WEEKDAY", "HOLIDAY", "QCODE", "QUARTER", "CENTURY", "UNIT", "PART", "DEICTIC", "SETADV", "SEASON", "HALF",
           "FISCAL", "SPELLED", "DECADE", "AMPM", "ORD", "NUMSEP", "DIGITS4")

_TOKEN = re.compile(r"Q[1-4]\b|[A-Za-z]+|\d+(?:[/.:h]\d+)*(?:st|nd|rd|th|'?s)?")
_AMPM = re.compile(r"\b[ap]\.\s?m\b|\d\s*[ap]m\b", re.IGNORECASE)
_NUMSEP = re.compile(r"\d[/.:h]\d")




def find(text: str) -> dict[str, list[int]]:
    """Start offsets of the triggers of each class: words by table, numbers by their shape."""
    found: dict[str, list[int]] = {name: [] for name in CLASSES}
    names, words = NAMES, WORDS
    for m in _TOKEN.finditer(text):
        tok = m.group()
        first = tok[0]
        if first.isdigit():
            if len(tok) == 4 and tok.isdigit():
                found["DIGITS4"].append(m.start())
            elif not tok.isdigit():
                last = tok[-1]
                if last == "s":
                    found["DECADE"].append(m.start())
                    if len(tok) >= 5 and tok[:4].isdigit():
                        found["DIGITS4"].append(m.start())
                elif last in "tdh" and tok[-2:] in ("st", "nd", "rd", "th") and tok[:-2].isdigit():
                    found["ORD"].append(m.start())
                if _NUMSEP.search(tok):
                    found["NUMSEP"].append(m.start())
            elif len(tok) > 4:
                found["DIGITS4"].append(m.start())
            continue
        if first == "Q" and len(tok) == 2 and tok[1].isdigit():
            found["QCODE"].append(m.start())
            continue
        low = tok.lower()
        cls = words.get(low)
        if cls is not None:
            found[cls].append(m.start())
        elif first.isupper() and low in names:
            found[names[low]].append(m.start())
    found["AMPM"] = [m.start() for m in _AMPM.finditer(text)]
    return found


def windows(positions: list[int], length: int, before: int, after: int) -> list[tuple[int, int]]:
    """Merged [start, end) windows reaching `before` and `after` characters around sorted triggers."""
    out: list[tuple[int, int]] = []
    for p in positions:
        s, e = max(0, p - before), min(length, p + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out

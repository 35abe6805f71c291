"""The fiscal calendar a story keeps: the month its fiscal (financial) year begins in.

A report that says "the fiscal year ended June 30" or "the fiscal year that ends in March 2019",
or that names a year split across two ("2018/19 fiscal year", "FY2023-24"), counts its years
from a month other than January; "the current fiscal year" and "the first quarter of 2018/19" are
then read on that calendar. Pure: text in, a month number out.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..heads import compile_skipping
from . import lexicon

_MONTH = "|".join(sorted(lexicon.MONTHS, key=len, reverse=True))
_FISCAL_YEAR = r"(?:fiscal|financial)(?:\s+year)?"
# "the fiscal year ended June 30", "financial year ending 31 March", "fiscal year that ends in March 2019"
_ENDS = compile_skipping(rf"\b{_FISCAL_YEAR},?\s+(?:that\s+|which\s+)?(?:ended|ending|ends|end|to|closing|closed)\s+"
                         rf"(?:on\s+|in\s+)?(?:(?:the\s+)?end\s+of\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\b\.?",
                         re.IGNORECASE)
# "the fiscal year begins on April 1", "financial year starting in July"
_BEGINS = compile_skipping(rf"\b{_FISCAL_YEAR},?\s+(?:that\s+|which\s+)?(?:began|begins|begin|beginning|started|starts|start|starting)\s+"
                           rf"(?:on\s+|in\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\b\.?", re.IGNORECASE)
# A year split across two: "2018/19 fiscal", "fiscal 2018-19", "FY2023-24", "FY24-25".
_SPLIT = compile_skipping(rf"\b(?:{_FISCAL_YEAR}|FY)\s*(?:(?:19|20)\d{{2}}|\d{{2}})\s*[/\u2013-]\s*\d{{2,4}}\b|"
                          rf"\b(?:19|20)\d{{2}}\s*[/\u2013-]\s*(?:(?:19|20)?\d{{2}})\s+{_FISCAL_YEAR}\b", re.IGNORECASE)
# Where a split year says nothing of its first month, April: the year of India, Britain and Japan.
SPLIT_YEAR_START = 4


@lru_cache(maxsize=8)
def fiscal_start(text: str) -> int:
    """The month (1-12) the story's fiscal year begins in; 1 where it says nothing of one."""
    m = _ENDS.search(text)
    if m:
        return lexicon.MONTHS[m["month"].lower().rstrip(".")] % 12 + 1
    m = _BEGINS.search(text)
    if m:
        return lexicon.MONTHS[m["month"].lower().rstrip(".")]
    return SPLIT_YEAR_START if _SPLIT.search(text) else 1


def fiscal_year_of(day: date, start: int) -> int:
    """The calendar year a day's fiscal year begins in."""
    return day.year if day.month >= start else day.year - 1


def months_value(first_year: int, first_month: int, months: int) -> str:
    """The TimeML value of `months` months from the first given: "2018-04/2019-03"."""
    last = first_year * 12 + first_month - 1 + months - 1
    return f"{first_year:04d}-{first_month:02d}/{last // 12:04d}-{last % 12 + 1:02d}"

"""Frequency adjectives before their noun: "annual meetings", "its weekly bulletin", "the semi-annual
targets". A reader of the story sees a recurring time in each. TimeBank's guide leaves an adjective
before its noun untagged ("a quarterly dividend"), so the TimeML tagger (`engine.tag`) does not emit
these; the product's reading (`pipeline.extract`) lists them as recurring."""
from __future__ import annotations

import re

from ..model import Timex
from .rules import alternation

FREQUENCY_ADJECTIVES = {
    "annual": "P1Y", "yearly": "P1Y", "semi-annual": "P6M", "semiannual": "P6M", "biannual": "P6M",
    "bi-annual": "P6M", "twice-yearly": "P6M", "quarterly": "P3M", "monthly": "P1M", "bimonthly": "P2M",
    "bi-monthly": "P2M", "fortnightly": "P2W", "biweekly": "P2W", "bi-weekly": "P2W", "weekly": "P1W",
    "daily": "P1D", "nightly": "P1D", "hourly": "PT1H",
}
# The adjective in small letters (a capital makes it a name: "the Daily Mail"), before a word that
# is its noun or another adjective.
_ADJECTIVE = re.compile(rf"(?<![\w-])(?P<word>{alternation(FREQUENCY_ADJECTIVES)})(?![\w-])(?=\s+[A-Za-z])")


def frequency_adjectives(text: str) -> list[Timex]:
    """Every frequency adjective of the text as a SET timex, in text order."""
    return [Timex(m.start(), m.end(), m.group(0), "SET", FREQUENCY_ADJECTIVES[m.group("word")])
            for m in _ADJECTIVE.finditer(text)]

"""Where an article says when it was published: a dateline or byline at the top of the text, or
an epoch stamp in the file name or the header line. Pure functions over strings."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Optional

# Plausible publication times for epoch stamps: 1990 to 2100.
_EPOCH_MIN, _EPOCH_MAX = 631152000, 4102444800
_EPOCH = re.compile(r"(?<!\d)(\d{13}|\d{10})(?!\d)")

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d\d"
# A time of day, and the zone it is given in: "14:00 EAT", "3:00 PM EST", "10:44 GMT+3", "14:00 +03:00".
_TIME = (r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?(?!\d)|\s+(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?")
_DATELINE = re.compile(
    rf"(?:(?:Published|Updated|Posted|Last\s+updated)?:?\s*)"
    rf"(?<![\w-])(?P<date>(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+{_YEAR}|\d{{1,2}}\s+{_MONTHS},?\s+{_YEAR}|{_YEAR}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)(?![\w-])"
    rf"{_TIME})(?:\s*[\u2014\u2013|-]|\s*$|\s*\n)",
    re.IGNORECASE | re.MULTILINE)


def epoch_stamp(text: str) -> Optional[datetime]:
    """A 13-digit (milliseconds) or 10-digit (seconds) epoch stamp in a plausible range."""
    for m in _EPOCH.finditer(text):
        n = int(m.group(1))
        seconds = n / 1000 if len(m.group(1)) == 13 else n
        if _EPOCH_MIN <= seconds <= _EPOCH_MAX:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
    return None


def dateline(text: str, parse) -> Optional[datetime]:
    """A date in the first lines of the text ("Feb 13, 2020 —", "13 February 2020 10:44 GMT")."""
    head = "\n".join(text.lstrip().splitlines()[:6])[:600]
    for m in _DATELINE.finditer(head):
        when = parse(m.group("date").strip(" ,"))
        if when is not None:
            return when
    return None

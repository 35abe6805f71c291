"""The words that make a date a deadline or a plan, kept as data.

A `DeadlineCue` is a pattern that must end right before the mention (`adjacent`) or may stand
anywhere earlier in its clause. `strong` cues make a deadline whatever the tense ("the deadline
passed on Friday"); weak ones ("by", "until", "before") only when the clause is not a plain past
narrative ("he stayed until Friday" is an event).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class DeadlineCue:
    name: str
    pattern: re.Pattern
    adjacent: bool
    strong: bool


def _cue(name: str, regex: str, adjacent: bool, strong: bool) -> DeadlineCue:
    return DeadlineCue(name, re.compile(regex, re.IGNORECASE), adjacent, strong)


# Between a cue and its date may stand filler such as "the close of business on" or "midnight".
_FILL = r"(?:\s+(?:the\s+)?(?:close\s+of\s+business|end\s+of\s+(?:business|day|trading)|midnight|noon|5\s*p\.?m\.?|COB)(?:\s+on)?|\s+on|\s+at)?"

DATE_CUES: tuple[DeadlineCue, ...] = (
    _cue("no later than", r"\b(?:no|not)\s+later\s+than" + _FILL, True, True),
    _cue("deadline", r"\b(?:deadline|ultimatum|cut-?off(?:\s+date)?|due\s+date|expiry|expiration)\b", False, True),
    _cue("expires", r"\b(?:expires?|expired|expiring|lapses?|lapsed|runs?\s+out|ran\s+out)\b(?:\s+on|\s+at)?" + _FILL, True, True),
    _cue("valid through", r"\b(?:valid|good|effective)\s+(?:through|thru|until|till)\b" + _FILL, True, True),
    _cue("runs until", r"\b(?:runs?|ran|lasts?|open|remains?\s+open)\s+(?:through|until|till)\b" + _FILL, True, True),
    _cue("closes", r"\b(?:closes?|closing|shuts?|ends?)\s+(?:on|at)\b" + _FILL, True, False),
    _cue("due", r"\b(?:due|payable|must\s+be\s+\w+|has\s+to\s+be\s+\w+|have\s+to\s+be\s+\w+)\b(?:\s+(?:by|on|before|no\s+later\s+than|in))?" + _FILL, True, True),
    _cue("gave until", r"\b(?:gave|given|give|gives|giving|has|have|had)\s+(?:[\w'-]+\s+){0,4}?(?:until|till)\b" + _FILL, True, True),
    _cue("by", r"\bby" + _FILL, True, False),
    _cue("until", r"\b(?:until|till|'til|up\s+to)" + _FILL, True, False),
    _cue("before", r"\b(?:before|ahead\s+of|prior\s+to|in\s+advance\s+of)" + _FILL, True, False),
)

# The cues that must end right before the mention, as one pattern: where several could end there,
# the one that starts first (the longer phrase: "due ... by", "gave ... until") wins.
_ADJACENT = [c for c in DATE_CUES if c.adjacent]
_ADJACENT_AT_END = re.compile("(?:" + "|".join(f"(?P<c{i}>{c.pattern.pattern})" for i, c in enumerate(_ADJACENT))
                              + r")\s*$", re.IGNORECASE)
_ANYWHERE = [c for c in DATE_CUES if not c.adjacent]


def find_cue(before: str) -> Optional[DeadlineCue]:
    """The deadline cue for a date preceded by `before` (its clause so far), if any."""
    m = _ADJACENT_AT_END.search(before[-80:])
    adjacent = _ADJACENT[int(m.lastgroup[1:])] if m else None
    if adjacent is not None and adjacent.name == "no later than":
        return adjacent
    for cue in _ANYWHERE:
        if cue.pattern.search(before):
            return cue
    return adjacent


# A span that counts down from publication: "within 14 days", "has 72 hours to withdraw".
SPAN_WITHIN = re.compile(
    r"\b(?:within|in\s+the\s+next|no\s+more\s+than|no\s+later\s+than|inside(?:\s+of)?)\s+(?:the\s+)?$", re.IGNORECASE)
SPAN_GIVEN = re.compile(r"\b(?:has|have|had|given|gave|give|gives|allowed|granted|get|gets|got)\s+(?:\w+\s+){0,2}?$",
                        re.IGNORECASE)
SPAN_TO_ACT = re.compile(r"^\s+(?:more\s+)?(?:to|in\s+which\s+to)\s+(?!be\b)[a-z]+", re.IGNORECASE)

SPAN_FROM_NOW = re.compile(r"^\s+from\s+(?:now|today|publication|the\s+date)", re.IGNORECASE)
SPAN_IN = re.compile(r"\bin\s*$", re.IGNORECASE)

# Plans: a future the text commits to.
SCHEDULE_CUES = re.compile(
    r"\b(?:will|'ll|shall|is\s+to|are\s+to|scheduled|set\s+to|due\s+to|expected\s+to|plans?\s+to|"
    r"planned|slated|takes?\s+effect|comes?\s+into\s+force|starts?|begins?|opens?|resumes?|"
    r"as\s+early\s+as|could|would|may|might)\b", re.IGNORECASE)

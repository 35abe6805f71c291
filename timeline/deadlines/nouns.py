"""The nouns that name a deadline, as a regular expression: shared by the cue families
(`cues.py`), the engine's tense reading and tracking, which must not load the engine to read them."""
import re

from ..tails import TailPattern


DEADLINE_NOUN = (r"(?:deadlines?|ultimatums?|cut-?off(?:\s+date)?|due\s+date|time\s*limit|(?:last|final|closing)\s+(?:date|day)|(?:last|final)\s+(?:chance|opportunity)|"
                 r"expiry(?:\s+date)?|expiration(?:\s+date)?|target\s+date|grace\s+period|"
                 # the day a thing must be done by, named for it: "the June 30 filing date"
                 r"(?:filing|payment|repayment|submission|application|registration|renewal|compliance|return|withdrawal)\s+date|"
                 r"(?:end|close|expiry)\s+of\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:period|window|amnesty|scheme|moratorium|truce|ceasefire))")

# A date set off between a deadline noun and what is due: "set a deadline, Aug. 27, for workers to get
# a dose", "a deadline (Aug. 27) for landlords to register", "the earliest deadline—Aug. 27—for".
APPOSED_BEFORE = TailPattern(rf"\b{DEADLINE_NOUN}\s*(?:,|\(|--|[\u2014\u2013])\s*$", re.IGNORECASE)
APPOSED_AFTER = re.compile(r"\s*(?:,|\)|--|[\u2014\u2013])\s*(?:for|to)\s", re.IGNORECASE)

# An aim named by its date: "its 2025 goal", "the 2030 target", "a target of 2030". Not a deadline
# noun elsewhere: "the target to be achieved before the end of the year" is itself what is due.
TARGET_NOUN = r"(?:targets?|goals?)"
# What someone aims or pledges to have done by a date: "missed its target of ... by January".
AIM_NOUN = rf"(?:{TARGET_NOUN}|pledges?|promises?|aims?|objectives?|commitments?)"

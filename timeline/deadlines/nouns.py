"""The nouns that name a deadline, as a regular expression: shared by the cue families
(`cues.py`) and by tracking, which must not load the engine to read them."""

DEADLINE_NOUN = (r"(?:deadlines?|ultimatums?|cut-?off(?:\s+date)?|due\s+date|time\s*limit|(?:last|final|closing)\s+(?:date|day)|"
                 r"expiry(?:\s+date)?|expiration(?:\s+date)?|target\s+date|grace\s+period|"
                 # the day a thing must be done by, named for it: "the June 30 filing date"
                 r"(?:filing|payment|repayment|submission|application|registration|renewal|compliance|return|withdrawal)\s+date|"
                 r"(?:end|close|expiry)\s+of\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:period|window|amnesty|scheme|moratorium|truce|ceasefire))")

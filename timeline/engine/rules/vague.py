"""Vague references that TimeML writes without a date: "now" (PRESENT_REF), "recently"
(PAST_REF), "the future" (FUTURE_REF)."""
from __future__ import annotations

import re

from .. import lexicon
from . import Value, alternation, compile_rule

# Words of the lexicon that news uses far more often in other senses than as a time reference
# ("once", "present", "later"), or that TimeML annotators mostly leave untagged ("soon",
# "previously", "future" and "recent" as adjectives: "the recent bomb attacks").
_AMBIGUOUS = {"recent", "once", "present", "earlier", "later", "immediately", "eventually", "today's", "soon",
              "previously", "formerly", "future", "shortly"}
_WORDS = alternation(k for k in lexicon.VAGUE_REFERENCES if k not in _AMBIGUOUS)
_DISCOURSE_NOW = re.compile(r"(?:^|[.!?\"\u201c\u201d]\s*|\n\s*)$")


@compile_rule("vague", rf"\b(?P<word>{_WORDS})\b(?!-)", triggers=('DEICTIC', 'UNIT'), reach=(24, 24))
def vague(m, ctx):
    word = " ".join(m["word"].lower().split())
    if word == "now" and ctx.text[m.end():m.end() + 1] == "," and _DISCOURSE_NOW.search(ctx.text[max(0, m.start() - 3):m.start()]):
        return None  # "Now, the ..." opens a sentence; it does not date it
    if word == "current" and re.search(r"\bthen[\s-]+$", ctx.text[max(0, m.start() - 6):m.start()], re.IGNORECASE):
        return Value("DATE", "PAST_REF")  # "the then-current chairman" was current then, not now
    return Value("DATE", lexicon.VAGUE_REFERENCES[word])

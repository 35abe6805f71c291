"""Vague references that TimeML writes without a date: "now" (PRESENT_REF), "recently"
(PAST_REF), "the future" (FUTURE_REF)."""
from __future__ import annotations

from .. import lexicon
from . import Value, alternation, compile_rule

# Words of the lexicon too ambiguous to tag on their own ("once", "present", "later").
_AMBIGUOUS = {"once", "present", "earlier", "later", "immediately", "eventually", "today's"}
_WORDS = alternation(k for k in lexicon.VAGUE_REFERENCES if k not in _AMBIGUOUS)


@compile_rule("vague", rf"\b(?P<word>{_WORDS})\b(?!-)")
def vague(m, ctx):
    return Value("DATE", lexicon.VAGUE_REFERENCES[" ".join(m["word"].lower().split())])

"""Document -> resolved mentions: the engine finds and normalises, the classifier reads each one."""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import replace
from typing import Optional

from .deadlines.classify import Neighbour, classify
from .engine import tag_with_values
from .engine.sentences import Sentences
from .engine.tense import LIST_GLUE
from .model import Document, Extraction, Mention

# "today, 10 November 2021", "Midnight tonight (30 June)": a second name for the same day.
_APPOSITION = re.compile(r"^\s*(?:,|\(|\u2014|-)\s*$")


@contextmanager
def _without_cycle_collection():
    """Extraction makes many small objects and no reference cycles. In a long text the cycle
    collector, run every few hundred allocations, would go over the mentions read so far again
    and again: a third of the time on a text dense with dates."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract(document: Document) -> Extraction:
    with _without_cycle_collection():
        return _extract(document)


def _extract(document: Document) -> Extraction:
    text = document.text
    sentences = Sentences(text)
    dct = document.local_published
    timexes = [t for t, _ in tag_with_values(text, dct, sentences)]
    mentions: list[Mention] = []
    neighbours: list[Neighbour] = []  # the mentions of the current sentence read so far
    head: Optional[Neighbour] = None  # the first item of the list of dates the last mention is in
    sentence_of = [sentences.around(t.start) for t in timexes]
    for i, timex in enumerate(timexes):
        sentence = sentence_of[i]
        if i and sentence_of[i - 1] != sentence:
            neighbours = []
        # Later mentions that name a point on the calendar ("in June"), where what is due stops.
        later = [t for t, s in zip(timexes[i + 1:i + 8], sentence_of[i + 1:i + 8])
                 if s == sentence and t.value[:1].isdigit()]
        if not (neighbours and timex.start > neighbours[-1].end
                and LIST_GLUE.fullmatch(text, neighbours[-1].end, timex.start)):
            head = Neighbour(timex.start, timex.end)
        mention = classify(timex, text, sentence, dct, neighbours, later, head)
        prev = mentions[-1] if neighbours else None
        if prev is not None and prev.kind == "deadline" and mention.earliest \
                and prev.earliest and prev.earliest[:10] == mention.earliest[:10] \
                and _APPOSITION.match(text[prev.end:timex.start]):
            mention = replace(mention, kind="deadline", due=mention.due or mention.latest, subject=prev.subject,
                              setter=prev.setter, cue=prev.cue)
        mentions.append(mention)
        neighbours.append(Neighbour(timex.start, timex.end, mention.earliest, mention.latest))
    return Extraction(document, mentions)

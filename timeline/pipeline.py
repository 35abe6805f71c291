"""Document -> resolved mentions: the engine finds and normalises, the classifier reads each one."""
from __future__ import annotations

import re
from dataclasses import replace

from .deadlines.classify import Neighbour, classify
from .engine import tag_with_values
from .engine.sentences import Sentences
from .model import Document, Extraction, Mention

# "today, 10 November 2021", "Midnight tonight (30 June)": a second name for the same day.
_APPOSITION = re.compile(r"^\s*(?:,|\(|\u2014|-)\s*$")


def extract(document: Document) -> Extraction:
    text = document.text
    sentences = Sentences(text)
    dct = document.local_published
    timexes = [t for t, _ in tag_with_values(text, dct, sentences)]
    mentions: list[Mention] = []
    neighbours: list[Neighbour] = []  # the mentions of the current sentence read so far
    for i, timex in enumerate(timexes):
        sentence = sentences.around(timex.start)
        if i and sentences.around(timexes[i - 1].start) != sentence:
            neighbours = []
        # Later mentions that name a point on the calendar ("in June"), where what is due stops.
        later = [Neighbour(t.start, t.end) for t in timexes[i + 1:i + 8]
                 if sentences.around(t.start) == sentence and t.value[:1].isdigit()]
        mention = classify(timex, text, sentence, dct, neighbours, later)
        prev = mentions[-1] if neighbours else None
        if prev is not None and prev.kind == "deadline" and mention.kind != "deadline" and mention.earliest \
                and prev.earliest and prev.earliest[:10] == mention.earliest[:10] \
                and _APPOSITION.match(text[prev.end:timex.start]):
            mention = replace(mention, kind="deadline", due=mention.latest, subject=prev.subject, setter=prev.setter,
                              cue=prev.cue)
        mentions.append(mention)
        neighbours.append(Neighbour(timex.start, timex.end, mention.earliest, mention.latest))
    return Extraction(document, mentions)

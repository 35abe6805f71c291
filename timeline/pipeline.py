"""Document -> resolved mentions: the engine finds and normalises, the classifier reads each one."""
from __future__ import annotations

from .deadlines.classify import classify
from .engine import tag_with_values
from .engine.sentences import Sentences
from .model import Document, Extraction


def extract(document: Document) -> Extraction:
    text = document.text
    sentences = Sentences(text)
    dct = document.published.replace(tzinfo=None)
    mentions = []
    for timex, _ in tag_with_values(text, dct, sentences):
        mentions.append(classify(timex, text, sentences.around(timex.start), dct))
    return Extraction(document, mentions)

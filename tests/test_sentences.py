"""Sentence ends: what bounds a tense reading and the context shown beside a mention."""
import pytest

from timeline.engine.sentences import sentence_spans

CASES = [
    ("Mr. Smith arrived on Monday. He left on Tuesday.", ["Mr. Smith arrived on Monday.", " He left on Tuesday."]),
    ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", " Then it left."]),
    ("J. Smith spoke on Feb. 3. Then he sat.", ["J. Smith spoke on Feb. 3.", " Then he sat."]),
    ("Acme Inc. said profits rose. Shares fell.", ["Acme Inc. said profits rose.", " Shares fell."]),
    ("Sales rose 5.2 percent. Costs fell.", ["Sales rose 5.2 percent.", " Costs fell."]),
    ("What now? Nobody knows!", ["What now?", " Nobody knows!"]),
    ('He said "Never." Then he left.', ['He said "Never."', " Then he left."]),
    ("March 2, 2026 — Talks began. They ended.", ["March 2, 2026 — ", "Talks began.", " They ended."]),
    ("Rebels left Idlib\nTroops moved in on Monday.", ["Rebels left Idlib\n", "Troops moved in on Monday."]),
    ("The talks, which began\non Monday, ended.", ["The talks, which began\non Monday, ended."]),
]


@pytest.mark.parametrize("text, sentences", CASES)
def test_sentence_ends(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences

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


def test_a_sentence_without_end_is_read_in_bounded_pieces():
    from timeline.engine.sentences import MAX_SENTENCE, Sentences

    text = "the talks went on and " * 2000
    spans = Sentences(text).spans
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[s - 1] == " " for s, _ in spans[1:])  # cut at spaces, not inside words

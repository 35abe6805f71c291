"""Hostile and unlucky input: the engine and the pipeline are total. Any text with any publication
date from year 1 to 9999 gives mentions whose offsets point at their own words and whose intervals
are in order, never an exception."""
import os
from datetime import datetime

import pytest
from hypothesis import given, settings, strategies as st

from timeline.engine import tag
from timeline.model import Document
from timeline.pipeline import extract

# Words that reach the date arithmetic, with punctuation and the odd character between them.
TIME_WORDS = """January February May 0 1 29 30 31 32 0th 12th 31st the of by until before within next last this
Monday Friday midnight noon 12 p.m. a.m. day days week weeks month months year years decade century 2927
10000 9999 0001 1e999 99999999999999 ago later earlier deadline ultimatum Q4 quarter half winter spring end mid
early late today tomorrow yesterday tonight 3-4 '79 70s 1990s - , . ; ( ) \u201c \u201d 48 hours""".split()

texts = st.one_of(
    st.lists(st.sampled_from(TIME_WORDS), min_size=1, max_size=16).map(" ".join),
    st.text(max_size=200),
)
# CI runs a bounded number; a longer run: TIMELINE_HYPOTHESIS_EXAMPLES=20000 pytest tests/test_hostile.py
EXAMPLES = int(os.environ.get("TIMELINE_HYPOTHESIS_EXAMPLES", "400"))
published = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))


def _consistent(text: str, mentions) -> None:
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        if m.earliest and m.latest:
            assert m.earliest[:10] <= m.latest[:10]


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=texts, when=published)
def test_pipeline_is_total(text, when):
    _consistent(text, extract(Document(text, "", when, "flag")).mentions)


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=texts, when=published)
def test_narrative_and_undated_reading_are_total(text, when):
    """Read as a narrative from any day, and as an undated text (from the first date it names,
    or refused in one line when it names none)."""
    from timeline.errors import TimelineError

    _consistent(text, extract(Document(text, "", when, "flag"), narrative=True).mentions)
    try:
        undated = extract(Document(text, "", None, "undated"))
    except TimelineError:
        return
    _consistent(text, undated.mentions)
    assert undated.document.published is not None


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=texts, when=published)
def test_tag_is_total(text, when):
    for t in tag(text, when):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", ["The records must be stored for 10000 years.", "It dates from the 2927 century.",
                                  "The vote is on January 0.", "They met on February 30, 2021.",
                                  "The tax holiday ends in the year 9999 or by December 31, 9999."])
@pytest.mark.parametrize("when", [datetime(1, 1, 1), datetime(2020, 2, 13), datetime(9999, 12, 31, 23, 59)])
def test_dates_the_calendar_cannot_hold(text, when):
    _consistent(text, extract(Document(text, "", when, "flag")).mentions)

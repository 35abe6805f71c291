"""Engine properties that hold for any text: trigger windows find what a full scan finds."""
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.engine import story_start, tag

from .conftest import SEED, TBAQ

EXAMPLES = Path(__file__).parent / "examples"


def _texts():
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ex = json.loads(line)
                yield ex["text"], datetime.fromisoformat(ex["dct"]) if ex.get("dct") else story_start(ex["text"])
    kinds = Path(__file__).parent / "kinds"
    for path in sorted(kinds.glob("*.jsonl")) + sorted(SEED.parent.parent.glob("cases/dev-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                yield case["text"], datetime.fromisoformat(case["published"])
    if SEED.exists():
        yield SEED.read_text(encoding="utf-8"), datetime(2020, 2, 13, 10, 44)
    if TBAQ.is_dir():
        from timeline.timeml import dct_datetime, read_timeml

        for p in sorted(TBAQ.glob("*.tml")):
            doc = read_timeml(p)
            yield doc.text, dct_datetime(doc.dct)


def test_trigger_windows_find_what_a_full_scan_finds():
    """Rules run only near their trigger words; a rule that can match without one would lose
    mentions, and one whose look-ahead reaches past its window reads its match differently.
    Compared on every example, the seed and (when present) the shared case files and TBAQ."""
    n = 0
    for text, dct in _texts():
        assert tag(text, dct) == tag(text, dct, full_scan=True), text[:80]
        n += 1
    assert n > 100


@pytest.mark.parametrize("text", ["", "   ", "no dates here at all", "\n\n", "1234567890123", "May"])
def test_degenerate_text_does_not_fail(text):
    assert isinstance(tag(text, datetime(2020, 1, 1)), list)


def test_a_capital_that_lowers_to_two_letters_keeps_every_offset():
    """Rules match the lower-cased text; "İ" lowers to two characters, which would move every
    mention after it."""
    text = "İSTANBUL, March 3 - The talks resume on Friday."
    found = {t.text: t.value for t in tag(text, datetime(2020, 3, 3))}
    assert found == {"March 3": "2020-03-03", "Friday": "2020-03-06"}


@pytest.mark.parametrize("text, value", [("Talks resume in May.", "2020-05"),
                                         ("Talks may resume soon.", None)])
def test_rules_read_the_case_the_text_was_written_in(text, value):
    """Matching runs on lower case; a normaliser still sees "May" as written."""
    values = [t.value for t in tag(text, datetime(2020, 3, 3)) if t.type == "DATE"]
    assert values == ([value] if value else [])

"""Kind, interval and due date of mentions in sentences of our own (tests/kinds/*.jsonl): the
deadline cues, spans that count down, plans, events, durations and recurrences."""
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.model import Document
from timeline.pipeline import extract

CASES = sorted(Path(__file__).parent.joinpath("kinds").glob("*.jsonl"))


def load():
    for path in CASES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                case = json.loads(line)
                yield pytest.param(case, id=f"{path.stem}:{n}:{case['mention']}")


@pytest.mark.parametrize("case", list(load()))
def test_kind(case):
    doc = Document(case["text"], "", datetime.fromisoformat(case["published"]), "flag")
    mentions = {m.text: m for m in extract(doc).mentions}
    assert case["mention"] in mentions, f"{case['mention']!r} not found in {list(mentions)}"
    m = mentions[case["mention"]]
    assert m.kind == case["kind"], f"{case['text']!r}: {m.kind}"
    if "due" in case:
        assert (m.due or "")[:10] == case["due"]
    if "due_between" in case:
        assert case["due_between"][0] <= (m.due or "")[:10] <= case["due_between"][1]
    if "earliest" in case:
        assert (m.earliest or "")[:10] == case["earliest"]
    if "latest" in case:
        assert (m.latest or "")[:10] == case["latest"]
    if "setter" in case:
        assert m.setter == case["setter"]
    if "subject" in case:
        assert m.subject == case["subject"]
    if "subject_has" in case:
        assert case["subject_has"] in (m.subject or ""), m.subject

"""Every rule family's examples (tests/examples/<family>.jsonl) run as parametrised tests: text,
publication date, and the timexes expected, with their extent, type, value and mod."""
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.engine import story_start, tag_with_values

EXAMPLES = sorted(Path(__file__).parent.joinpath("examples").glob("*.jsonl"))


def load():
    for path in EXAMPLES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                yield pytest.param(json.loads(line), id=f"{path.stem}:{n}")


@pytest.mark.parametrize("example", list(load()))
def test_example(example):
    """A narrative example ("mode": "narrative") is read from the last date its text named; one
    with no "dct" is an undated text, read from the first date it names."""
    narrative = example.get("mode") == "narrative"
    dct = datetime.fromisoformat(example["dct"]) if example.get("dct") else story_start(example["text"])
    found = tag_with_values(example["text"], dct, narrative=narrative, written_known="dct" in example)
    got = [(t.text, t.type, t.value, t.mod) for t, _ in found]
    for want in example["expect"]:
        assert (want["text"], want["type"], want["value"], want.get("mod")) in got, f"{example['text']!r}: {got}"
    if not example["expect"]:
        assert got == [], f"expected nothing in {example['text']!r}, got {got}"

"""Rule patterns tried only at the characters their matches can start with: the same matches as
the patterns `re` compiles, and patterns whose first characters cannot be told left as they are."""
import json
import re
from pathlib import Path

import pytest

from timeline.engine.rules import RULES, lower_text
from timeline.heads import compile_skipping


def _texts() -> list[str]:
    tests = Path(__file__).parent
    files = sorted((tests / "examples").glob("*.jsonl")) + sorted((tests / "kinds").glob("*.jsonl"))
    return [json.loads(line)["text"] for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_rule_finds_what_the_pattern_re_compiles_finds():
    """Over the whole of every example text (not only near its triggers), each rule's matches are
    those of its pattern compiled by `re`; and the check is not empty."""
    texts = [lower_text(t) for t in _texts()]
    changed = matched = 0
    for rule in RULES:
        plain = re.compile(rule.pattern.pattern, rule.pattern.flags)
        changed += rule.pattern != plain
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)] == expected, (rule.name, text)
            matched += len(expected)
    assert changed >= len(RULES) * 3 // 4 and matched > 1000


def test_every_pattern_of_the_tense_and_deadline_readers_finds_what_re_finds():
    """The patterns the tense and deadline readers compile to skip ahead, over the example texts
    as written: the same matches as `re`'s programs."""
    import importlib

    texts = _texts()
    checked = matched = 0
    for name in ("engine.tense", "engine.refine", "engine.ranges", "deadlines.cues", "deadlines.classify",
                 "deadlines.roles", "deadlines.tracking"):
        module = importlib.import_module(f"timeline.{name}")
        for key, p in vars(module).items():
            if not isinstance(p, re.Pattern):
                continue
            plain = re.compile(p.pattern, p.flags)
            checked += p != plain
            for text in texts:
                expected = [m.span() for m in plain.finditer(text)]
                assert [m.span() for m in p.finditer(text)] == expected, (name, key, text)
                matched += len(expected)
    assert checked >= 100 and matched > 1000


@pytest.mark.parametrize("pattern, flags, text, spans", [
    (r"\b(?:early|late)\s+(?:may|june)\b", 0, "in early may, not late june; nearly may", [(3, 12), (18, 27)]),
    (r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d", 0, "at 09:30 and 1:05, not 12:30:45x or 24:00", [(3, 8), (13, 17), (23, 28)]),
    (r"\b(?:x?)(?:\d+|(?:a\s+)?few)\s+days\b", 0, "3 days, a few days, x2 days, few days", [(0, 6), (8, 18), (20, 27), (29, 37)]),
    # ignoring case: either case, and the letters Unicode pairs with ASCII ones ("\u212a" is the Kelvin sign)
    (r"\b(?:kelvin|week)\b", re.IGNORECASE, "\u212aelvin, WEEK, Kelvin, aweek", [(0, 6), (8, 12), (14, 20)]),
    (r"\b(?i:friday)|\bweek", 0, "FRIDAY or Week or week", [(0, 6), (18, 22)]),
])
def test_a_pattern_opening_with_a_boundary_matches_as_before(pattern, flags, text, spans):
    plain = re.compile(pattern, flags)
    skipping = compile_skipping(pattern, flags)
    assert skipping != plain  # it was given its first characters
    assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)] == spans


@pytest.mark.parametrize("pattern, flags", [
    (r"\b.\w+", 0),  # any character may start it
    (r"\b(?:[^a-z]x|y)", 0),
    (r"friday", 0),  # re already skips to the "f"
    (r"\b(?:x*)", 0),  # may match nothing
])
def test_a_pattern_whose_first_characters_cannot_be_told_is_left_as_it_is(pattern, flags):
    assert compile_skipping(pattern, flags) == re.compile(pattern, flags)

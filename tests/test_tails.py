"""Patterns that end where a mention begins are searched only where their last word is: the words
read from each pattern, and the same matches as searching every window."""
import json
import re
from pathlib import Path

import pytest

from timeline.deadlines import nouns
from timeline.engine import tense
from timeline.tails import TailPattern, endings

from .conftest import SHARED


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\b(?:scheduled|set)\s+for\s+(?:the\s+)?$", re.IGNORECASE, ("for", "the")),
    (r"\bfixe[sd]\s+$", 0, ("fixed", "fixes")),
    (r"\b(?:sets?|faces?)\s*$", 0, ("face", "faces", "set", "sets")),
    (r"\bdeadline\s*(?:,|\(|--|[\u2014\u2013])\s*$", 0, ("(", ",", "--", "\u2013", "\u2014")),
    (r"\b(?:no\s+longer|never)\b[^.;:]{0,100}?\b(?:after|past)\s+$", re.IGNORECASE, ("after", "past")),
    (r"\bby(?:\s+the\s+end\s+of)?\s+\Z", 0, ("by", "of")),
])
def test_the_words_a_match_can_end_with(pattern, flags, expected):
    assert endings(pattern, flags) == expected


@pytest.mark.parametrize("pattern, flags", [
    (r"\bset\s+for", 0),  # not anchored at the end: a match may end anywhere
    (r"\bhearing\b[^.;:]{0,40}$", 0),  # any characters may end it
    (r"\b(?:[\w-]+\s+){0,2}?$", 0),  # a free word
    (r"\s*$", 0),  # blanks only
    (r"\bset\s+for\s+$", re.MULTILINE),  # "$" before every line's end
])
def test_a_pattern_that_may_end_in_anything_is_always_searched(pattern, flags):
    assert endings(pattern, flags) is None
    assert TailPattern(pattern, flags).can_end("a window ending anyhow ")


def _tail_patterns() -> list[tuple[str, TailPattern]]:
    found = [(f"tense.{k}", v) for k, v in vars(tense).items() if isinstance(v, TailPattern)]
    found += [(f"nouns.{k}", v) for k, v in vars(nouns).items() if isinstance(v, TailPattern)]
    return found


def _texts() -> list[str]:
    """Sentences written as news: the rule and kind examples, and the shared cases where present."""
    tests = Path(__file__).parent
    files = sorted((tests / "examples").glob("*.jsonl")) + sorted((tests / "kinds").glob("*.jsonl"))
    files += sorted((SHARED / "cases").glob("*.jsonl")) if (SHARED / "cases").is_dir() else []
    return [json.loads(line)["text"] for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_window_finds_what_searching_it_whole_finds():
    """Each tail pattern of the tense and deadline readers, over the text before every word of
    several thousand news sentences (the reach the readers use): the quick test never turns away
    a window the pattern matches, and the match is the same."""
    patterns = _tail_patterns()
    assert len(patterns) >= 15
    matched = {name: 0 for name, _ in patterns}
    for text in _texts():
        for word in re.finditer(r"\S+", text):
            for reach in (16, 200):
                window = text[max(0, word.start() - reach):word.start()]
                for name, p in patterns:
                    whole = p.regex.search(window)
                    quick = p.search(window)
                    assert (quick and quick.span()) == (whole and whole.span()), (name, window)
                    matched[name] += whole is not None
    # the check means something only where the patterns match
    assert sum(1 for n in matched.values() if n) >= 12, matched


def test_a_window_searched_by_position_is_the_same_window():
    p = TailPattern(r"\bdeadline\s+of\s+$", re.IGNORECASE)
    text = "They set a deadline of Friday for the talks."
    at = text.index("Friday")
    assert p.search(text, 0, at).span() == p.regex.search(text, 0, at).span()
    assert p.search(text, at - 8, at) is None and p.regex.search(text, at - 8, at) is None
    assert p.search(text, -5, at + 500) is None and p.regex.search(text, -5, at + 500) is None


def test_the_cue_found_is_the_one_a_single_alternation_of_all_cues_finds():
    """The cues are searched as two patterns, those ending in a fixed word and those that may end
    in any; the cue found before every word of the example sentences is the one a single search
    of all of them, in their order, finds."""
    from timeline.deadlines import cues

    whole = re.compile(cues._alternation(range(len(cues.DATE_CUES))), re.IGNORECASE)
    fixed, free = cues._cue_patterns()
    assert free is not None and fixed.endings  # both kinds are there to be combined
    found = 0
    for text in _texts():
        for word in re.finditer(r"\S+", text):
            before = text[max(0, word.start() - 160):word.start()]
            m = whole.search(before)
            expected = cues.DATE_CUES[int(m.lastgroup[1:])] if m else None
            assert cues.find_cue(before) is expected, before
            found += m is not None
    assert found > 300

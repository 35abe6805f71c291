"""TimeML: `tag` keeps every byte of the input but its TIMEX3 tags; `eval` scores like TempEval-3;
and on the TBAQ development corpus the engine stays above a floor (a regression guard)."""
import json
import re
import subprocess
import sys

import pytest

from timeline.model import Timex
from timeline.timeml import Score, score_document

from .conftest import SHARED, TBAQ

# Set just under what the engine reaches on TBAQ: a guard against regressions, not a target.
VALUE_F1_FLOOR = 82.1
RELAXED_F1_FLOOR = 94.4
STRICT_F1_FLOOR = 88.7

_TAGS = re.compile(r"</?TIMEX3\b[^>]*>")


def test_scoring_matches_tempeval_definitions():
    gold = [Timex(0, 6, "Friday", "DATE", "1998-02-13"), Timex(10, 19, "last week", "DATE", "1998-W06")]
    system = [Timex(0, 6, "Friday", "DATE", "1998-02-13"), Timex(15, 19, "week", "DATE", "1998-W07"),
              Timex(30, 33, "now", "DATE", "PRESENT_REF")]
    s = Score()
    score_document(s, "d", gold, system)
    assert (s.strict, s.relaxed, s.value) == (1, 2, 1)
    table = s.table()
    assert table["relaxed"]["recall"] == 100.0
    assert table["strict"]["precision"] == pytest.approx(33.33, abs=0.01)


@pytest.fixture
def tbaq():
    if not TBAQ.is_dir():
        pytest.skip("../shared/corpora/tbaq is not here")
    return TBAQ


def test_tag_preserves_text_and_eval_agrees(tbaq, tmp_path):
    out = tmp_path / "tagged"
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(tbaq), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for gold in sorted(tbaq.glob("*.tml")):
        ours = (out / gold.name).read_text(encoding="utf-8")
        assert _TAGS.sub("", ours) == _TAGS.sub("", gold.read_text(encoding="utf-8")), gold.name
    scored = subprocess.run([sys.executable, "-m", "timeline", "eval", str(tbaq), str(out), "--format", "json"],
                            capture_output=True, text=True, timeout=600)
    live = subprocess.run([sys.executable, "-m", "timeline", "eval", str(tbaq), "--format", "json"],
                          capture_output=True, text=True, timeout=600)
    from_files, from_engine = json.loads(scored.stdout), json.loads(live.stdout)
    for k in ("strict", "relaxed", "type", "value"):
        assert from_files[k] == from_engine[k]
    assert from_engine["value"]["f1"] >= VALUE_F1_FLOOR
    assert from_engine["relaxed"]["f1"] >= RELAXED_F1_FLOOR
    assert from_engine["strict"]["f1"] >= STRICT_F1_FLOOR


def test_the_shared_reference_scorer_gives_the_same_figures(tbaq, tmp_path):
    """`timeline eval` and ../shared/tools/score_timeml.py, fed the engine's spans as its JSONL,
    agree to the hundredth on every score."""
    scorer = SHARED / "tools" / "score_timeml.py"
    if not scorer.exists():
        pytest.skip("../shared/tools/score_timeml.py is not here")
    from timeline.engine import tag
    from timeline.timeml import dct_datetime, read_timeml

    preds = tmp_path / "preds.jsonl"
    with preds.open("w", encoding="utf-8") as out:
        for path in sorted(tbaq.glob("*.tml")):
            doc = read_timeml(path)
            found = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in tag(doc.text, dct_datetime(doc.dct))]
            out.write(json.dumps({"id": path.name.split(".tml")[0], "timexes": found}) + "\n")
    reference = subprocess.run([sys.executable, str(scorer), str(tbaq), str(preds)], capture_output=True, text=True, timeout=600)
    assert reference.returncode == 0, reference.stderr
    theirs = json.loads(reference.stdout.strip().splitlines()[-1])
    ours = json.loads(subprocess.run([sys.executable, "-m", "timeline", "eval", str(tbaq), "--format", "json"],
                                     capture_output=True, text=True, timeout=600).stdout)
    for k in ("strict", "relaxed", "type", "value"):
        assert theirs[k]["f1"] == ours[k]["f1"], k


def test_a_document_whose_text_needs_its_doctype_is_read_whole(tmp_path):
    """TEXT and DCT are parsed on their own, but an entity declared in the document's DOCTYPE
    only means something in the whole document: it is read whole, not refused."""
    from timeline.timeml import read_timeml

    path = tmp_path / "d.tml"
    path.write_text('<?xml version="1.0" ?>\n<!DOCTYPE TimeML [<!ENTITY ag "the agency">]>\n<TimeML>\n'
                    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">January 8, 1998</TIMEX3></DCT>\n'
                    '<TEXT>&ag; said on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>.</TEXT>\n'
                    '<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>\n</TimeML>\n', encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == "1998-01-08"
    assert doc.text == "the agency said on Wednesday."
    assert [(t.start, t.end, t.value) for t in doc.gold] == [(19, 28, "1998-01-07")]

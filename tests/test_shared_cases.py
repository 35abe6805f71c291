"""Regression floors on the shared case files (real published news, and cases written for the
project), scored by the shared checker's own rules but run in-process. Floors sit just under what
the engine reaches: a guard against regressions, not a target. Skipped where ../shared is absent."""
import importlib.util
import json
from datetime import datetime

import pytest

from timeline.model import Document
from timeline.pipeline import extract
from timeline.views import to_json
from timeline.when import utc

from .conftest import SHARED

CASES = SHARED / "cases"
FLOORS = {"dev-realnews.jsonl": 0.975, "dev-realnews-2.jsonl": 0.96, "dev-deadlines.jsonl": 1.0,
          "validation-realnews.sealed": 0.80}


def _checker():
    path = CASES / "check_cases.py"
    if not path.exists():
        pytest.skip("../shared/cases is not here")
    spec = importlib.util.spec_from_file_location("check_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(path, checker) -> tuple[int, int, list[str]]:
    """Checks passed and run, and what failed (nothing of a sealed file: its totals only)."""
    passed = total = 0
    failures = []
    sealed = path.suffix == ".sealed"
    for case in checker.read_cases(str(path), sealed):
        when = datetime.fromisoformat(case["published"])
        doc = Document(case["text"], "", utc(when), "flag", zone=when.tzinfo)
        mentions = json.loads(to_json([m.as_dict() for m in extract(doc).mentions]))
        for item in case.get("expect", []):
            total += 1
            err = checker.check_item(item, mentions, False, True)
            passed += err is None
            if err and not sealed:
                failures.append(f"{case['id']}: {err}")
        for forbidden in case.get("forbid", []):
            total += 1
            hit = any(m.get("text", "").strip() == forbidden for m in mentions)
            passed += not hit
            if hit and not sealed:
                failures.append(f"{case['id']}: false positive {forbidden!r}")
        if case.get("expect_none"):
            total += 1
            passed += not mentions
    return passed, total, failures


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_case_file_floor(name):
    checker = _checker()
    if not (CASES / name).exists():
        pytest.skip(f"../shared/cases/{name} is not here")
    passed, total, failures = score(CASES / name, checker)
    assert total > 0
    shown = [] if name.endswith(".sealed") else failures
    assert passed / total >= FLOORS[name], f"{passed}/{total}:\n" + "\n".join(shown)

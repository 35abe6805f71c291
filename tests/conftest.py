import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_c6015520c6e3c387.txt"
TBAQ = SHARED / "corpora" / "tbaq"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture
def seed_path():
    if not SEED.exists():
        pytest.skip("../shared is not here: the seed article is development material outside the repo")
    return SEED


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "timeline.db")

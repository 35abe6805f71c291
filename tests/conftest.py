import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_c6015520c6e3c387.txt"
TBAQ = SHARED / "corpora" / "tbaq"
EXAMPLES = ROOT / "examples" / "articles"


def first_schema_store(path, published: str):
    """A store as the first timeline made it (schema 1) holding one document published then; the
    open connection is returned for the caller's own rows."""
    import sqlite3

    from timeline.store import _statements, migrations

    conn = sqlite3.connect(path)
    version, sql = migrations()[0]
    for statement in _statements(sql):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("INSERT INTO documents (id, content_hash, title, source, path, published, published_from, added_at,"
                 " text) VALUES (1, 'h', 't', 's', '', ?, 'flag', ?, 'x')", (published, published[:10]))
    return conn


@pytest.fixture
def seed_path():
    if not SEED.exists():
        pytest.skip("../shared is not here: the seed article is development material outside the repo")
    return SEED


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "timeline.db")

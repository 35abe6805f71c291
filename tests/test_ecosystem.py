"""A store made by `timeline add` as sqlite-utils and Datasette see it: the full-text index found,
the shadow tables hidden, and the README's examples running."""
import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT
from .test_cli import run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("eco") / "timeline.db")  # the default name, as the metadata file names it
    assert run("add", str(EXAMPLES), db=db).returncode == 0
    return db


def test_sqlite_utils_search_finds_the_index(store):
    import sqlite_utils

    db = sqlite_utils.Database(store)
    assert db["mentions"].detect_fts() == "mentions_fts"
    hits = list(db["mentions"].search("strike"))
    assert hits and all("strike" in h["sentence"].lower() for h in hits)
    out = subprocess.run([sys.executable, "-m", "sqlite_utils", "search", store, "mentions", "ultimatum OR deadline"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and json.loads(out.stdout)


def test_datasette_search_and_hidden_shadow_tables(store):
    datasette = pytest.importorskip("datasette.app")
    metadata = json.loads((ROOT / "datasette-metadata.json").read_text())
    ds = datasette.Datasette([store], metadata=metadata)
    name = Path(store).stem

    async def get(path):
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    rows = asyncio.run(get(f"/{name}/mentions.json?_search=strike&_shape=array"))
    assert rows and all("strike" in r["sentence"].lower() for r in rows)
    tables = {t["name"]: t["hidden"] for t in asyncio.run(get(f"/{name}.json"))["tables"]}
    assert tables["mentions_fts_data"] and tables["mention_days_node"] and not tables["mentions"]


def test_the_readmes_sql_examples_run(store):
    readme = (ROOT / "README.md").read_text()
    queries = [q for q in __import__("re").findall(r'sqlite3 \S+ "([^"]+)"', readme)]
    assert queries
    con = sqlite3.connect(store)
    for q in queries:
        con.execute(q).fetchall()
    con.close()
    for q in __import__("re").findall(r'sqlite-utils query \S+ "([^"]+)"', readme):
        out = subprocess.run([sys.executable, "-m", "sqlite_utils", "query", store, q], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr

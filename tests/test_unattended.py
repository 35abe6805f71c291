"""Running unattended: ids that never move, alerts that speak once, corrections that reach the
calendar, one notion of today. Each test drives the command line on a real store file."""
import json

from .test_cli import run

JUDGE = "Judge\n\nThe judge ordered the ministry to file its reply by Dec. 18.\n"
REBELS = "Rebels\n\nRebels gave the government 72 hours to free the detainees.\n"
TRUCE = "Truce\n\nThe tariff truce expires on January 12.\n"


def _ids(db) -> dict:
    rows = json.loads(run("deadlines", "--as-of", "2026-11-20", "--include-passed", "--format", "json", db=db).stdout)
    return {r["deadline_id"]: r["subject"] for r in rows}


def test_ids_stay_as_first_shown_whatever_order_articles_arrive_in(tmp_path):
    db = str(tmp_path / "t.db")
    assert run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db).returncode == 0
    first = _ids(db)
    assert run("add", "-", "--published", "2026-12-02", input=REBELS, db=db).returncode == 0
    second = _ids(db)
    assert run("add", "-", "--published", "2026-11-25", input=TRUCE, db=db).returncode == 0  # an older story: a replay
    third = _ids(db)
    assert len(first) == 1 and len(second) == 2 and len(third) == 3
    assert all(third[i] == s for i, s in second.items()) and all(second[i] == s for i, s in first.items())


def test_document_ids_are_never_given_again(tmp_path):
    db = str(tmp_path / "t.db")
    for text, day in ((JUDGE, "2026-12-01"), (REBELS, "2026-12-02"), (TRUCE, "2026-11-25")):
        run("add", "-", "--published", day, input=text, db=db)
    docs = {d["title"]: d["id"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    assert run("rm", str(docs["Truce"]), db=db).returncode == 0
    run("add", "-", "--published", "2026-11-26", input="Other\n\nThe union must answer by Friday.\n", db=db)
    after = {d["title"]: d["id"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    assert after["Other"] not in docs.values()
    assert after["Judge"] == docs["Judge"] and after["Rebels"] == docs["Rebels"]


def test_a_deadline_removed_and_added_again_gets_its_old_id(tmp_path):
    db = str(tmp_path / "t.db")
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    run("add", "-", "--published", "2026-12-02", input=REBELS, db=db)
    before = _ids(db)
    docs = {d["title"]: d["id"] for d in json.loads(run("sources", "--format", "json", db=db).stdout)}
    run("rm", str(docs["Judge"]), db=db)
    run("add", "-", "--published", "2026-12-01", input=JUDGE, db=db)
    assert _ids(db) == before

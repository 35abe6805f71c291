"""A range ("from September 14 to October 12", "June 11-12") is one period end to end: one
mention in `extract`, one row in the store and in `show`, one multi-day entry in the calendar."""
import json

from .test_cli import run

ARTICLE = ("Book fair\n\nThe city book fair will run from March 4 to March 9 in the old market hall, "
           "and the poetry night is set for March 6 from 7 p.m. to 10 p.m.\n")


def test_a_range_is_one_mention_one_row_and_one_calendar_entry(tmp_path):
    from icalendar import Calendar

    db = str(tmp_path / "t.db")
    extracted = json.loads(run("extract", "-", "--published", "2026-02-20", "--format", "json", input=ARTICLE).stdout)
    fair = [m for m in extracted["mentions"] if "March 4" in m["text"]]
    assert [(m["text"], m["earliest"], m["latest"]) for m in fair] == [("from March 4 to March 9", "2026-03-04", "2026-03-09")]
    assert not any(m["text"] == "March 9" for m in extracted["mentions"])

    assert run("add", "-", "--published", "2026-02-20", input=ARTICLE, db=db).returncode == 0
    rows = json.loads(run("show", "--format", "json", db=db).stdout)
    assert [(r["earliest"], r["latest"]) for r in rows if "March 4" in r["text"]] == [("2026-03-04", "2026-03-09")]
    table = run("show", db=db, env={"COLUMNS": "120"}).stdout
    assert "March 4 to March 9" in table

    events = Calendar.from_ical(run("export", "--format", "ics", db=db).stdout).walk("VEVENT")
    fair_event = next(e for e in events if str(e["DTSTART"].dt) == "2026-03-04")
    assert fair_event["DTSTART"].dt.isoformat() == "2026-03-04"
    assert fair_event["DTEND"].dt.isoformat() == "2026-03-10"  # an all-day entry ends the day after
    poetry = next(e for e in events if "T19:00" in e["DTSTART"].dt.isoformat())
    assert (poetry["DTEND"].dt - poetry["DTSTART"].dt).total_seconds() == 3 * 3600


def test_tag_keeps_timemls_two_ends(tmp_path):
    """TimeML tags a range's ends apart; `extract --format timeml` writes them so."""
    out = run("extract", "-", "--published", "2026-02-20", "--format", "timeml", input=ARTICLE).stdout
    assert ">March 4</TIMEX3> to <TIMEX3" in out

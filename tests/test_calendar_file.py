"""The calendar file is laid out by hand for speed; it must be, byte for byte, what icalendar
itself writes for the same calendar (read back and written again), whatever the text holds."""
from icalendar import Calendar

from timeline.views.ics import to_ics

AWKWARD = ("The council, in a 5;4 vote, told the port authority \\ the union to settle \u201cby Friday\u201d "
           "\u2014 or face a \u20ac2m fine \U0001F6A2; \\N stays text, and so does ^caret^ " * 2)


def history(sentence: str, url: str = "") -> list[dict]:
    return [{"deadline_id": 1, "published": "2026-03-02T09:00:00+00:00", "change": "set", "due": "2026-03-06",
             "sentence": sentence, "title": "Port talks", "source": "wire", "url": url}]


def deadline(**over) -> dict:
    row = {"kind": "deadline", "uid": "abc123", "sequence": 2, "subject": "settle the strike", "setter": "the council",
           "status": "open", "dismissed": None, "merged_into": None, "cancelled": False, "due": "2026-03-06",
           "due_at": None, "utc_offset": None, "history": history(AWKWARD, "https://news.example/port?a=1,b=2;c")}
    row.update(over)
    return row


def plan(**over) -> dict:
    row = {"kind": "scheduled", "report_key": "h:12", "sentence": AWKWARD, "title": "Budget", "source": "wire",
           "published": "2026-02-25T08:00:00+00:00", "url": "", "earliest": "2026-03-10", "latest": "2026-03-12",
           "utc_offset": None}
    row.update(over)
    return row


def test_what_we_write_is_what_icalendar_writes():
    rows = [deadline(),
            deadline(uid="t1", due_at="2026-03-06T17:00", utc_offset=180, subject=None, setter=None),
            deadline(uid="gone", cancelled=True, dismissed="a duplicate", history=[]),
            deadline(uid="old", due="0999-05-01", history=history("An edict of the year 999.")),
            deadline(uid="last", due="9999-12-31", history=history("x" * 300)),
            plan(),
            plan(report_key="h:40", earliest="2026-03-10T09:00", latest="2026-03-10T13:00", utc_offset=-300,
                 url="https://news.example/budget"),
            plan(report_key="h:41", earliest="9999-12-31", latest="9999-12-31")]
    for alarm_days in (0, 1, 14):
        written = to_ics(rows, alarm_days)
        assert Calendar.from_ical(written).to_ical() == written
    lines = written.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # folded
    events = Calendar.from_ical(written).walk("VEVENT")
    assert len(events) == len(rows)
    assert str(events[0]["DESCRIPTION"]).count(AWKWARD.strip()[:40]) == 2 and "\U0001F6A2" in str(events[0]["DESCRIPTION"])
    assert events[3]["DTSTART"].dt.year == 999 and b"DTSTART;VALUE=DATE:09990501" in written
    assert [len(e.walk("VALARM")) for e in events[:3]] == [1, 1, 0]  # a cancelled deadline raises no alarm

"""Tracked deadlines and plans as an iCalendar file, through the icalendar library.

One VEVENT per tracked deadline and one per plan. UIDs come from the content of the first report
(the article's text and the mention's place in it), so a store rebuilt from the same articles
gives the same UIDs; SEQUENCE counts the times a deadline moved or ended, so calendar programs
replace the entry instead of adding another. A due time is placed in the publication's zone; a
day without a time is an all-day entry. A withdrawn, lifted or met deadline is CANCELLED.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone


def to_ics(rows: list[dict], alarm_days: int = 1) -> bytes:
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//timeline//deadlines//EN")
    cal.add("version", "2.0")
    stamp = datetime.now(timezone.utc)
    for r in rows:
        ev = Event()
        ev.add("dtstamp", stamp)
        if r["kind"] == "deadline":
            _deadline(ev, r)
            if r["status"] == "open":
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", ev["summary"])
                alarm.add("trigger", timedelta(days=-alarm_days))
                ev.add_component(alarm)
        else:
            _plan(ev, r)
        cal.add_component(ev)
    return cal.to_ical()


def _deadline(ev, r: dict) -> None:
    ev.add("uid", f"deadline-{r['key']}@timeline")
    ev.add("sequence", r["sequence"])
    ev.add("summary", f"Deadline: {r['subject'] or 'see description'}")
    if r["status"] != "open":
        ev.add("status", "CANCELLED")
    lines = [f"Set by {r['setter']}." if r.get("setter") else "", f"Status: {r['status']}."]
    for h in r["history"]:
        lines.append(f"{h['published'][:10]} {h['change']} (due {h['due']}): {h['sentence']} "
                     f"[{h['title'] or h['source']}]")
    ev.add("description", "\n".join(line for line in lines if line))
    _when(ev, r["due_at"] if r.get("due_at") and "T" in r["due_at"] else r["due"], r.get("utc_offset"))


def _plan(ev, r: dict) -> None:
    ev.add("uid", f"plan-{hashlib.sha256(r['report_key'].encode()).hexdigest()[:20]}@timeline")
    ev.add("summary", f"Scheduled: {r['sentence'][:120]}")
    ev.add("description", f"{r['sentence']}\nSource: {r['title'] or ''} ({r['source']}, {r['published'][:10]})")
    if "T" in r["earliest"]:
        # a clock time, or a range of them ("from 9 a.m. to 1 p.m. Saturday"): until its end
        _when(ev, r["earliest"], r.get("utc_offset"), until=r["latest"] if "T" in (r["latest"] or "") else None)
    else:
        ev.add("dtstart", date.fromisoformat(r["earliest"][:10]))
        ev.add("dtend", date.fromisoformat(r["latest"][:10]) + timedelta(days=1))


def _when(ev, when: str, utc_offset, until: str | None = None) -> None:
    """A time of day in the publication's zone (UTC when unknown), for half an hour or `until` a
    later time; else the whole day."""
    if "T" in when:
        zone = timezone(timedelta(minutes=utc_offset)) if utc_offset is not None else timezone.utc
        start = datetime.fromisoformat(when).replace(tzinfo=zone).astimezone(timezone.utc)
        end = datetime.fromisoformat(until).replace(tzinfo=zone).astimezone(timezone.utc) if until else start
        ev.add("dtstart", start)
        ev.add("dtend", end if end > start else start + timedelta(minutes=30))
    else:
        day = date.fromisoformat(when[:10])
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))

"""Deadlines and scheduled dates as an iCalendar file, through the icalendar library."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone


def to_ics(rows: list[dict], alarm_days: int = 1) -> bytes:
    """One all-day (or timed) entry per row; deadlines carry an alarm `alarm_days` before."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//timeline//deadlines//EN")
    cal.add("version", "2.0")
    for r in rows:
        when = r.get("due") or r.get("earliest")
        if not when:
            continue
        ev = Event()
        ev.add("uid", f"timeline-mention-{r['mention_id']}@timeline")
        label = r.get("subject") or r.get("text")
        prefix = "Deadline" if r["kind"] == "deadline" else "Scheduled"
        ev.add("summary", f"{prefix}: {label}")
        description = r.get("sentence", "")
        if r.get("setter"):
            description = f"Set by {r['setter']}. {description}"
        ev.add("description", f"{description}\nSource: {r.get('title', '')} ({r.get('source', '')}, {r.get('published', '')[:10]})")
        if "T" in when:
            start = datetime.fromisoformat(when).replace(tzinfo=timezone.utc)
            ev.add("dtstart", start)
            ev.add("dtend", start + timedelta(minutes=30))
        else:
            start_day = date.fromisoformat(when[:10])
            first = date.fromisoformat(r["earliest"][:10]) if r["kind"] != "deadline" and r.get("earliest") else start_day
            last = date.fromisoformat(r["latest"][:10]) if r["kind"] != "deadline" and r.get("latest") else start_day
            ev.add("dtstart", first)
            ev.add("dtend", last + timedelta(days=1))
        ev.add("dtstamp", datetime.now(timezone.utc))
        if r["kind"] == "deadline":
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Deadline: {label}")
            alarm.add("trigger", timedelta(days=-alarm_days))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()

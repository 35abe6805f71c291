"""Tracked deadlines and plans as an iCalendar file (RFC 5545), through the icalendar library.

One VEVENT per tracked deadline and one per plan. A deadline's UID is the one its first export
gave it (until then, from the content of its earliest report, so a store rebuilt from the same
articles gives the same UIDs); its SEQUENCE rises whenever its date, summary or status changes
(the store remembers what the last export said: `Store.remember_calendar`), so calendar programs
replace the entry instead of adding another. A dismissed, merged-away, withdrawn, lifted or met
deadline is sent as CANCELLED, alarm removed, until pruned. A due time is placed in the
publication's zone; a day without a time is an all-day entry. Each entry carries the address of
the article behind it (URL) and of every report (DESCRIPTION).
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
        if not _readable_dates(r):
            continue  # a date damaged in the store: no entry a calendar could hold
        ev = Event()
        ev.add("dtstamp", stamp)
        if r["kind"] == "deadline":
            _deadline(ev, r)
            if not r["cancelled"]:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", ev["summary"])
                alarm.add("trigger", timedelta(days=-alarm_days))
                ev.add_component(alarm)
        else:
            _plan(ev, r)
        cal.add_component(ev)
    return cal.to_ical()


def _readable_dates(r: dict) -> bool:
    try:
        for value in ((deadline_when(r),) if r["kind"] == "deadline" else (r["earliest"], r["latest"])):
            (datetime if "T" in value else date).fromisoformat(value if "T" in value else value[:10])
        return True
    except (TypeError, ValueError):
        return False


def deadline_summary(r: dict) -> str:
    if r.get("summary"):
        return r["summary"]  # as last sent, for a deadline since joined to another
    return f"Deadline: {r['subject'] or 'see description'}"


def deadline_when(r: dict) -> str:
    return r["due_at"] if r.get("due_at") and "T" in r["due_at"] else r["due"]


def _state(r: dict) -> str:
    if r.get("dismissed"):
        return f"dismissed ({r['dismissed']})"
    if r.get("joined"):
        return "joined to another deadline by a later report" + (f" (#{r['merged_into']})" if r.get("merged_into") else "")
    if r.get("merged_into"):
        return f"merged into deadline #{r['merged_into']}"
    return r["status"]


def calendar_digest(r: dict) -> str:
    """What a subscriber's calendar shows of a deadline: when, what, whether it still stands. A
    change in any of these raises its SEQUENCE."""
    said = "\n".join([deadline_when(r), deadline_summary(r), "CANCELLED" if r["cancelled"] else "CONFIRMED"])
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:16]


def _deadline(ev, r: dict) -> None:
    ev.add("uid", f"deadline-{r['uid']}@timeline")
    ev.add("sequence", r["sequence"])
    ev.add("summary", _printable(deadline_summary(r)))
    ev.add("status", "CANCELLED" if r["cancelled"] else "CONFIRMED")
    lines = [f"Set by {r['setter']}." if r.get("setter") else "", f"Status: {_state(r)}."]
    for h in r["history"]:
        where = f" <{h['url']}>" if h.get("url") else ""
        lines.append(f"{h['published'][:10]} {h['change']} (due {h['due']}): {h['sentence']} "
                     f"[{h['title'] or h['source']}]{where}")
    ev.add("description", _printable("\n".join(line for line in lines if line)))
    urls = [h["url"] for h in r["history"] if h.get("url") and "://" in h["url"]]
    if urls:
        ev.add("url", urls[-1])
    _when(ev, deadline_when(r), r.get("utc_offset"))


def _plan(ev, r: dict) -> None:
    ev.add("uid", f"plan-{hashlib.sha256(r['report_key'].encode()).hexdigest()[:20]}@timeline")
    ev.add("summary", _printable(f"Scheduled: {r['sentence'][:120]}"))
    where = f"\n<{r['url']}>" if r.get("url") else ""
    ev.add("description", _printable(f"{r['sentence']}\nSource: {r['title'] or ''} ({r['source']}, {r['published'][:10]}){where}"))
    if r.get("url") and "://" in r["url"]:
        ev.add("url", r["url"])
    if "T" in r["earliest"]:
        # a clock time, or a range of them ("from 9 a.m. to 1 p.m. Saturday"): until its end
        _when(ev, r["earliest"], r.get("utc_offset"), until=r["latest"] if "T" in (r["latest"] or "") else None)
    else:
        ev.add("dtstart", date.fromisoformat(r["earliest"][:10]))
        _end_after(ev, date.fromisoformat(r["latest"][:10]))


def _printable(text: str) -> str:
    """Text a strict iCalendar parser accepts: control characters (ESC, BEL from an article) out."""
    return "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32 and not 0x7f <= ord(ch) <= 0x9f)


def _when(ev, when: str, utc_offset, until: str | None = None) -> None:
    """A time of day in the publication's zone (UTC when unknown), for half an hour or `until` a
    later time; else the whole day."""
    if "T" in when:
        zone = timezone(timedelta(minutes=utc_offset)) if utc_offset is not None else timezone.utc
        try:
            start = datetime.fromisoformat(when).replace(tzinfo=zone).astimezone(timezone.utc)
            end = datetime.fromisoformat(until).replace(tzinfo=zone).astimezone(timezone.utc) if until else start
            end = end if end > start else start + timedelta(minutes=30)
        except OverflowError:  # the last minutes of 9999: the entry's moment alone
            start = end = datetime.fromisoformat(when).replace(tzinfo=timezone.utc)
        ev.add("dtstart", start)
        if end > start:
            ev.add("dtend", end)
    else:
        day = date.fromisoformat(when[:10])
        ev.add("dtstart", day)
        _end_after(ev, day)


def _end_after(ev, last_day: date) -> None:
    """DTEND of an all-day entry: the day after its last. On 9999-12-31, the calendar's last day,
    there is none: an all-day DTSTART without DTEND is that one day (RFC 5545)."""
    if last_day < date.max:
        ev.add("dtend", last_day + timedelta(days=1))

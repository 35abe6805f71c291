"""Tracked deadlines and plans as an iCalendar file (RFC 5545), values encoded by the icalendar library.

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
import re
from datetime import date, datetime, timedelta, timezone


def to_ics(rows: list[dict], alarm_days: int = 1) -> bytes:
    """The calendar as bytes, byte for byte what icalendar writes for it (tests/test_calendar_file.py):
    values are escaped, dated and folded as its types do, and the lines laid out here in the order
    it lays out an event, because building a component per entry cost 45 s for a store of 100,000
    articles."""
    from icalendar import vDDDTypes, vDuration

    stamp = vDDDTypes(datetime.now(timezone.utc).replace(microsecond=0)).to_ical().decode()
    trigger = vDuration(timedelta(days=-alarm_days)).to_ical().decode()
    dtstamp = "DTSTAMP:" + stamp
    # Each entry is encoded as it is laid out: the whole calendar as one string, then as bytes,
    # would hold it twice over (four times, for text beyond Latin-1).
    chunks = [b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//timeline//deadlines//EN\r\n"]
    for r in rows:
        if not _readable_dates(r):
            continue  # a date damaged in the store: no entry a calendar could hold
        event = {}
        deadline = r["kind"] == "deadline"
        if deadline:
            _deadline(event, r)
        else:
            _plan(event, r)
        event["DTSTAMP"] = dtstamp
        lines = ["BEGIN:VEVENT"]
        for name in _ORDER:
            line = event.get(name)
            if line is not None:
                lines.append(line if len(line) < 75 and line.isascii() else fold(line))
        if deadline and not r["cancelled"]:
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", fold("DESCRIPTION" + event["SUMMARY"].removeprefix("SUMMARY")), "TRIGGER:" + trigger,
                      "END:VALARM"]
        lines.append("END:VEVENT\r\n")
        chunks.append("\r\n".join(lines).encode("utf-8"))
    chunks.append(b"END:VCALENDAR\r\n")
    return b"".join(chunks)


# The properties an entry may have, in the order icalendar writes an event's: its canonical ones
# first (SUMMARY ... SEQUENCE), then the others by name.
_ORDER = ("SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "SEQUENCE", "DESCRIPTION", "STATUS", "URL")


def fold(line: str, limit: int = 75) -> str:
    """A content line folded as RFC 5545 asks (lines under `limit` octets, continued after CRLF and
    a space), where icalendar folds it: never just after a backslash or caret, so that an escape
    stays whole."""
    if line.isascii():
        if len(line) < limit:
            return line
        parts, at, width = [], 0, limit - 1
        while len(line) - at > width:
            cut = at + width - (line[at + width - 1] in "\\^")
            parts.append(line[at:cut])
            at = cut
        parts.append(line[at:])
        return "\r\n ".join(parts)
    data = line.encode("utf-8")
    if len(data) < limit:
        return line
    parts, at, width = [], 0, limit - 1
    while len(data) - at > width:
        cut = at + width
        while data[cut] & 0xC0 == 0x80:  # not inside a character
            cut -= 1
        if data[cut - 1] in b"\\^" and cut - 1 > at:
            cut -= 1
        parts.append(data[at:cut].decode("utf-8"))
        at = cut
    parts.append(data[at:].decode("utf-8"))
    return "\r\n ".join(parts)


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


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 asks, and as icalendar's vText escapes it (the same steps in
    the same order), without building a vText for each of the half million values of a large store.
    (str.translate does it in one call, but took twice as long for the whole calendar.)"""
    return ":" + (_printable(value).replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
                  .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _uri(value: str) -> str:
    from icalendar import vUri

    return ":" + vUri(_printable(value)).to_ical().decode("utf-8")


def _deadline(event: dict, r: dict) -> None:
    event["UID"] = "UID" + _text(f"deadline-{r['uid']}@timeline")
    event["SEQUENCE"] = f"SEQUENCE:{int(r['sequence'])}"
    event["SUMMARY"] = "SUMMARY" + _text(deadline_summary(r))
    event["STATUS"] = "STATUS:CANCELLED" if r["cancelled"] else "STATUS:CONFIRMED"
    lines = [f"Set by {r['setter']}." if r.get("setter") else "", f"Status: {_state(r)}."]
    for h in r["history"]:
        where = f" <{h['url']}>" if h.get("url") else ""
        lines.append(f"{h['published'][:10]} {h['change']} (due {h['due']}): {h['sentence']} "
                     f"[{h['title'] or h['source']}]{where}")
    event["DESCRIPTION"] = "DESCRIPTION" + _text("\n".join(line for line in lines if line))
    urls = [h["url"] for h in r["history"] if h.get("url") and "://" in h["url"]]
    if urls:
        event["URL"] = "URL" + _uri(urls[-1])
    _when(event, deadline_when(r), r.get("utc_offset"))


def _plan(event: dict, r: dict) -> None:
    event["UID"] = "UID" + _text(f"plan-{hashlib.sha256(r['report_key'].encode()).hexdigest()[:20]}@timeline")
    event["SUMMARY"] = "SUMMARY" + _text(f"Scheduled: {r['sentence'][:120]}")
    where = f"\n<{r['url']}>" if r.get("url") else ""
    event["DESCRIPTION"] = "DESCRIPTION" + _text(f"{r['sentence']}\nSource: {r['title'] or ''} ({r['source']}, "
                                                 f"{r['published'][:10]}){where}")
    if r.get("url") and "://" in r["url"]:
        event["URL"] = "URL" + _uri(r["url"])
    if "T" in r["earliest"]:
        # a clock time, or a range of them ("from 9 a.m. to 1 p.m. Saturday"): until its end
        _when(event, r["earliest"], r.get("utc_offset"), until=r["latest"] if "T" in (r["latest"] or "") else None)
    else:
        event["DTSTART"] = "DTSTART" + _day(date.fromisoformat(r["earliest"][:10]))
        _end_after(event, date.fromisoformat(r["latest"][:10]))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Text a strict iCalendar parser accepts: control characters (ESC, BEL from an article) out."""
    return _CONTROL.sub("", text) if not text.isprintable() else text


def _day(day: date) -> str:
    return ";VALUE=DATE:%04d%02d%02d" % (day.year, day.month, day.day)  # as icalendar's vDate writes it


def _moment(when: datetime) -> str:
    """A moment in UTC, as icalendar's vDatetime writes one."""
    return ":%04d%02d%02dT%02d%02d%02dZ" % (when.year, when.month, when.day, when.hour, when.minute, when.second)


def _when(event: dict, when: str, utc_offset, until: str | None = None) -> None:
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
        event["DTSTART"] = "DTSTART" + _moment(start)
        if end > start:
            event["DTEND"] = "DTEND" + _moment(end)
    else:
        day = date.fromisoformat(when[:10])
        event["DTSTART"] = "DTSTART" + _day(day)
        _end_after(event, day)


def _end_after(event: dict, last_day: date) -> None:
    """DTEND of an all-day entry: the day after its last. On 9999-12-31, the calendar's last day,
    there is none: an all-day DTSTART without DTEND is that one day (RFC 5545)."""
    if last_day < date.max:
        event["DTEND"] = "DTEND" + _day(last_day + timedelta(days=1))

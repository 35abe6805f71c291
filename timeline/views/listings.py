"""The sheets each command shows: rows from the store or the pipeline -> a `Sheet` for `write`."""
from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from ..model import UNDATED
from . import KIND_STYLE, group_labels, highlight, shown_day, span_label
from .table import Column, Sheet, styled


def _kind_cell(kind: str):
    style, symbol = KIND_STYLE.get(kind, ("", "?"))
    return styled(f"{symbol} {kind}", style)


def mentions_sheet(title: str, published: str, published_from: str, mentions: Sequence) -> Sheet:
    """One document's mentions, as `extract` shows them."""
    sheet = Sheet([Column("when", no_wrap=True), Column("kind", no_wrap=True), Column("mention", ratio=3),
                   Column("value", optional=True)], title=f"{title[:70]} \u2014 published {published} ({published_from})")
    for m in mentions:
        style = KIND_STYLE[m.kind][0]
        when = f"due {m.due.replace('T', ' ')}" if m.due else span_label(m.earliest, m.latest)
        sheet.add(when, _kind_cell(m.kind), highlight(m.sentence, m.text, style),
                  f"{m.type} {m.value}{' ' + m.mod if m.mod else ''}")
    return sheet


def timeline_sheet(rows: list[dict], today: date) -> Sheet:
    """The timeline: listed and grouped by the day each row shows (a deadline by its due day),
    finer groups where a period is dense, and a line for today."""
    sheet = Sheet([Column("when", no_wrap=True), Column("kind", no_wrap=True), Column("mention in context", ratio=3),
                   Column("source", optional=True)], start_at=f" today {today.isoformat()} ")
    rows = sorted(rows, key=shown_day)
    days = [shown_day(r) for r in rows]
    now = today.isoformat()
    current, today_shown = None, not rows or not (days[0] <= now <= days[-1])
    for r, day, label in zip(rows, days, group_labels(days)):
        if not today_shown and day >= now:
            sheet.add(styled(f" today {now} ", "bold reverse"), "", "", "")
            today_shown = True
        if label != current:
            sheet.add(styled(label, "bold"), "", "", "")
            current = label
        style = KIND_STYLE.get(r["kind"], ("", "?"))[0]
        when = f"due {r['due'][:16].replace('T', ' ')}" if r["due"] else span_label(r["earliest"], r["latest"])
        sheet.add(f"  {when}", _kind_cell(r["kind"]), highlight(r["sentence"], r["text"], style), _where(r))
    return sheet


def _where(r: dict) -> str:
    """Which article a row comes from, and where it can be read again (its address, for one
    fetched from the web)."""
    name = r.get("title") or f"{r['source']} #{r['document_id']}"
    url = r.get("url") or ""
    return f"{name} <{url}>" if "://" in url else name


def deadlines_sheet(rows: list[dict], moment: date) -> Sheet:
    """Deadlines soonest first with the time left; what is due gets the room."""
    sheet = Sheet([Column("#", no_wrap=True), Column("due", no_wrap=True), Column("time left", no_wrap=True),
                   Column("what is due", ratio=3), Column("set by"), Column("sources", optional=True),
                   Column("last change", optional=True)], title=f"Deadlines as of {moment}")
    for r in rows:
        days = r["days_left"]
        style = "bold red" if days is None or days < 0 else "bold yellow" if days <= 7 else "bold"
        change = f"{r['last_change']} {r['last_changed'][:10]}" if r["last_change"] and r["last_change"] != "set" else ""
        if r["status"] != "open":
            change = r["status"]
        if r.get("merged_into"):
            change = f"merged into #{r['merged_into']}"
        if r["dismissed"]:
            change = f"dismissed: {r['dismissed']}"
        sheet.add(str(r["deadline_id"]), r["tracked_due"], styled(r["time_left"], style), r["subject"] or r["sentence"],
                  r["setter"] or "", str(r["source_count"]), change)
    return sheet


_CORRECTION_WORDS = {"due": "due edited to {value}", "subject": "subject edited to \u201c{value}\u201d",
                     "setter": "setter edited to \u201c{value}\u201d", "dismissed": "dismissed",
                     "status": "marked {value}", "merged_into": "merged into #{value}"}


def correction_line(c: dict) -> str:
    """One correction as the analyst made it: what, when, why."""
    what = _CORRECTION_WORDS[c["field"]].format(value=c["value"])
    if c["field"] in ("subject", "setter") and c["value"] == "":
        what = f"{c['field']} cleared"
    why = f": {c['reason']}" if c.get("reason") else ""
    return f"{what} by the analyst on {c['made_at'][:16].replace('T', ' ')} UTC{why}"


def history_sheet(deadline_id: int, tracked: dict, rows: list[dict], corrections: Sequence[dict] = ()) -> Sheet:
    """One tracked deadline's reports, oldest first, with its status and the analyst's corrections
    (each with its time and reason)."""
    notes = [f"due {tracked['due']}", tracked["status"]]
    if tracked["due"] != tracked["extracted_due"]:
        notes.append(f"the articles say {tracked['extracted_due']}")
    notes += [correction_line(c) for c in corrections]
    setter = f" (set by {tracked['setter']})" if tracked["setter"] else ""
    sheet = Sheet([Column("published", no_wrap=True), Column("due", no_wrap=True), Column("change", no_wrap=True),
                   Column("source", optional=True), Column("sentence", ratio=3)],
                  title=f"Deadline #{deadline_id}: {tracked['subject'] or rows[-1]['text']}{setter}", notes="; ".join(notes))
    for r in rows:
        sheet.add(r["published"][:10], r["due"], r["change"], _where(r), r["sentence"])
    return sheet


def sources_sheet(rows: list[dict]) -> Sheet:
    """The stored documents; an undated one shows the day its story starts, which is no
    publication date."""
    sheet = Sheet([Column(n) for n in ("id", "published", "source", "mentions")] + [Column("title", ratio=3)],
                  title="Stored documents")
    for r in rows:
        published = f"undated (story from {r['published'][:10]})" if r["published_from"] == UNDATED else r["published"]
        sheet.add(str(r["id"]), published, r["source"], str(r["mentions"]), r["title"])
    return sheet


def rows_sheet(rows: list[dict], columns: Optional[list[str]] = None, title: Optional[str] = None) -> Sheet:
    """Any rows (the feeds followed, a query's result) as they come, one column per field."""
    names = columns or (list(rows[0]) if rows else [])
    sheet = Sheet([Column(str(n)) for n in names], title=title)
    for r in rows:
        sheet.add(*("" if r.get(n) is None else str(r.get(n)) for n in names))
    return sheet

"""The questions the views ask the store, as functions of plain values: the CLI parses options
and renders, the benchmark times exactly these."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

# Above this many matching sentences, `--grep` with a limit walks mentions in timeline order and
# stops at the limit; below it, sorting the matches is quicker.
DENSE_MATCHES = 5000


@dataclass(frozen=True)
class TimelineFilter:
    first: Optional[str] = None  # ISO dates: mentions overlapping [first, last]
    last: Optional[str] = None
    kinds: tuple[str, ...] = ()
    grep: Optional[str] = None  # words that must all appear in the sentence
    source: Optional[str] = None
    limit: int = 0  # the latest this many rows; 0: every row


# Where an article can be found again: the address it declares as its own, else the one it was
# fetched from, else the file it was read from ('' for standard input).
ADDRESS = ("coalesce((SELECT coalesce(p.canonical_url, p.url) FROM document_places p WHERE p.document_id = d.id"
           " ORDER BY p.seen_at LIMIT 1), nullif(d.path, ''))")
# A mention with its document, as every view lists it.
_MENTION_ROWS = ("SELECT m.id AS mention_id, m.earliest, m.latest, m.kind, m.text, m.type, m.value, m.mod, m.due,"
                 " m.subject, m.setter, m.sentence, m.start, m.end, d.id AS document_id, d.title, d.source, d.published,"
                 " " + ADDRESS + " AS url FROM mentions m{index} JOIN documents d ON d.id = m.document_id")


def fts_query(text: str) -> str:
    """A person's words as an FTS5 query: each word must appear, whole or as the start of a word
    ("ultimat" finds "ultimatum"; quoted, so no syntax errors)."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"*' for w in words) or '""'


def timeline_rows(store, f: TimelineFilter) -> list[dict]:
    """Mentions on the calendar, in timeline order, with their documents."""
    where, params = ["m.earliest IS NOT NULL"], []
    if f.first or f.last:
        # Overlap with the window, through the R*Tree of covered days (db/005_exact_day_index.sql).
        where.append("m.id IN (SELECT id FROM mention_days WHERE last_day >= CAST(julianday(?) - 2400000.5 AS INTEGER)"
                     " AND first_day <= CAST(julianday(?) - 2400000.5 AS INTEGER))")
        params += [f.first or "0001-01-01", f.last or "9999-12-31"]
    if f.kinds:
        where.append(f"m.kind IN ({', '.join('?' * len(f.kinds))})")
        params += list(f.kinds)
    if f.source:
        where.append("d.source = ?")
        params.append(f.source)
    walk_in_order = False
    if f.grep:
        query = fts_query(f.grep)
        where.append("m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)")
        params.append(query)
        if f.limit and not (f.first or f.last):
            probe = store.rows("SELECT count(*) AS n FROM (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?"
                               f" LIMIT {DENSE_MATCHES + 1})", (query,))
            walk_in_order = probe[0]["n"] > DENSE_MATCHES
    index = " INDEXED BY mentions_timeline_order" if walk_in_order else ""
    if not f.limit:
        return store.rows(_MENTION_ROWS.format(index=index) +
                          f" WHERE {' AND '.join(where)} ORDER BY m.earliest, m.latest, m.id", params)
    # With a limit, the latest rows (read from the end of the timeline), shown in order.
    rows = store.rows(_MENTION_ROWS.format(index=index) + f" WHERE {' AND '.join(where)}"
                      f" ORDER BY m.earliest DESC, m.latest DESC, m.id DESC LIMIT {int(f.limit)}", params)
    return rows[::-1]


def export_rows(store, kinds: tuple[str, ...] = ()) -> list[dict]:
    """Every mention (or those of some kinds that are on the calendar), earliest first."""
    where = f" WHERE m.kind IN ({', '.join('?' * len(kinds))}) AND m.earliest IS NOT NULL" if kinds else ""
    return store.rows(_MENTION_ROWS.format(index="") + where + " ORDER BY m.earliest, m.id", kinds)


def document_rows(store) -> list[dict]:
    """The stored documents, by publication, with their number of mentions."""
    return store.rows("SELECT d.id, d.title, d.source, d.published, d.published_from, d.added_at,"
                      " (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentions"
                      " FROM documents d ORDER BY d.published, d.id")


_HISTORY = ("SELECT s.deadline_id, s.due, s.change, m.id AS mention_id, m.text, m.subject, m.setter, m.sentence,"
            " d.id AS document_id, d.title, d.source, d.published, " + ADDRESS + " AS url"
            " FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id JOIN documents d ON d.id = m.document_id")


def deadline_history(store, deadline_id: int) -> list[dict]:
    """Every report of one tracked deadline (and of those merged into it), oldest first, with the
    date it gave and what changed."""
    return store.rows(_HISTORY + " WHERE s.deadline_id = ? OR s.deadline_id IN"
                      " (SELECT id FROM tracked_deadlines WHERE merged_into = ?) ORDER BY d.published, m.id",
                      (deadline_id, deadline_id))


def deadline_histories(store, first_place: Optional[dict[int, Optional[str]]] = None) -> dict[int, list[dict]]:
    """Every deadline's reports at once, oldest first (one query, for the calendar of a whole
    store): what `deadline_history` gives a calendar entry (the date each report gave, what
    changed, its sentence and article), with its mention's own due time and its article's UTC
    offset. The articles' addresses are read once, not by a subquery per report."""
    merged = {r["id"]: r["merged_into"] for r in
              store.rows("SELECT id, merged_into FROM tracked_deadlines WHERE merged_into IS NOT NULL")}
    first_place = _first_places(store) if first_place is None else first_place
    histories: dict[int, list[dict]] = {}
    for report in store.rows(
            "SELECT s.deadline_id, s.due, s.change, m.id AS mention_id, m.sentence, m.due AS mention_due,"
            " d.id AS document_id, d.title, d.source, d.published, d.utc_offset, nullif(d.path, '') AS url"
            " FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id JOIN documents d ON d.id = m.document_id"
            " ORDER BY d.published, m.id"):
        address = first_place.get(report["document_id"])
        if address is not None:
            report["url"] = address
        histories.setdefault(report["deadline_id"], []).append(report)
        if report["deadline_id"] in merged:
            histories.setdefault(merged[report["deadline_id"]], []).append(report)
    return histories


def _first_places(store) -> dict[int, Optional[str]]:
    """The address each article was first read from (`ADDRESS`, for all articles at once)."""
    first: dict[int, Optional[str]] = {}
    for r in store.rows("SELECT document_id, coalesce(canonical_url, url) AS address FROM document_places"
                        " ORDER BY document_id, seen_at"):
        first.setdefault(r["document_id"], r["address"])
    return first


def merged_into(store, deadline_id: int) -> list[int]:
    """The deadlines the analyst merged into this one."""
    return [r["id"] for r in store.rows("SELECT id FROM tracked_deadlines WHERE merged_into = ? ORDER BY id", (deadline_id,))]


def tracked_deadline(store, deadline_id: int) -> Optional[dict]:
    """One tracked deadline as the analyst sees it: corrections applied, status, what was extracted."""
    rows = store.rows("SELECT * FROM tracked_deadlines WHERE id = ?", (deadline_id,))
    if not rows:
        return None
    row = rows[0]
    row["subject"], row["setter"] = row["subject"] or None, row["setter"] or None  # '' is cleared by the analyst
    return row


def calendar_rows(store, include_pruned: bool = False) -> list[dict]:
    """What a calendar holds: every tracked deadline, those dismissed, merged away or ended among
    them (to be sent as cancelled, until pruned), each with its latest report's wording and time,
    its history in words and the articles' addresses; and every plan on a single day or a span."""
    deadlines = store.rows(
        "SELECT t.id AS deadline_id, t.key, coalesce(i.uid, t.key) AS uid, t.due, nullif(t.subject, '') AS subject,"
        " nullif(t.setter, '') AS setter, t.status, t.dismissed, t.merged_into, t.sequence, t.first_due,"
        " i.uid AS cal_uid, i.cal_sequence, i.cal_digest, i.cal_summary, i.cal_when, i.pruned"
        " FROM tracked_deadlines t LEFT JOIN deadline_ids i ON i.id = t.id"
        + ("" if include_pruned else " WHERE i.pruned IS NULL") + " ORDER BY t.due, t.key")
    first_place = _first_places(store)
    histories = deadline_histories(store, first_place)
    for r in deadlines:
        r["history"] = histories.get(r["deadline_id"], [])
        own = [h for h in r["history"] if h["deadline_id"] == r["deadline_id"]]
        # its latest report's clock: the time of day it gave for the date tracked, and its zone
        r["due_at"] = next((h["mention_due"] for h in reversed(own) if (h["mention_due"] or "")[:10] == r["due"]), None)
        r["utc_offset"] = own[-1]["utc_offset"] if own else None
        r["cancelled"] = bool(r["dismissed"] or r["merged_into"] or r["status"] != "open")
    # Deadlines once sent to calendars that tracking has since joined to another (an older report
    # linked two wordings of one order): sent again as cancelled, as they were last shown.
    for r in store.rows(
            "SELECT i.id AS deadline_id, i.uid, i.cal_sequence, i.cal_digest, i.cal_summary, i.cal_when, i.pruned,"
            " (SELECT s.deadline_id FROM deadline_report_ids k JOIN deadline_sources s ON s.mention_id IN"
            "   (SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id"
            "    WHERE d.content_hash || ':' || m.start = k.report_key) WHERE k.deadline_id = i.id LIMIT 1) AS joined_to"
            " FROM deadline_ids i WHERE i.uid IS NOT NULL AND i.cal_when IS NOT NULL AND i.id NOT IN (SELECT id FROM deadlines)"
            + ("" if include_pruned else " AND i.pruned IS NULL")):
        deadlines.append(dict(r, key=r["uid"], due=r["cal_when"][:10], due_at=r["cal_when"], subject=None, setter=None,
                              status="open", dismissed=None, merged_into=r["joined_to"], sequence=0, first_due=None,
                              utc_offset=None, history=[], cancelled=True, joined=True, summary=r["cal_summary"]))
    plans = store.rows(
        "SELECT m.id AS mention_id, d.content_hash || ':' || m.start AS report_key, m.text, m.sentence, m.earliest,"
        " m.latest, d.title, d.source, d.published, d.utc_offset, nullif(d.path, '') AS url, d.id AS document_id"
        " FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE m.kind = 'scheduled' AND m.earliest IS NOT NULL ORDER BY m.earliest, d.content_hash, m.start")
    for r in deadlines:
        r["kind"] = "deadline"
    for r in plans:
        r["kind"] = "scheduled"
        address = first_place.get(r.pop("document_id"))
        if address is not None:
            r["url"] = address
    return deadlines + plans


def month_rows(store, first: str, last: str) -> list[dict]:
    """Tracked deadlines and single-day plans from `first` up to (not including) `last`."""
    return store.rows(
        "SELECT t.id AS deadline_id, t.due AS day, 'deadline' AS kind, t.subject AS what FROM tracked_deadlines t"
        " WHERE t.due >= ? AND t.due < ? AND t.dismissed IS NULL AND t.status = 'open' UNION ALL"
        " SELECT m.id, substr(m.earliest, 1, 10), 'scheduled', m.text || ': ' || m.sentence FROM mentions m"
        " WHERE m.kind = 'scheduled' AND m.earliest >= ? AND m.earliest < ? AND m.latest = m.earliest"
        " ORDER BY 2", (first, last, first, last))


def deadline_rows(store, as_of: date, within_days: Optional[float], include_passed: bool,
                  include_all: bool = False, listing: bool = False) -> list[dict]:
    """One row per tracked deadline, with the analyst's corrections: its latest source's mention,
    the source count, time left. Dismissed and ended (withdrawn, lifted, met) ones only with
    `include_all`. With `listing`, only what the `deadlines` table shows (its subject, else its
    sentence), not the mention and the article: a third of the time at 60,000 deadlines."""
    from ..views import time_left

    where, params = [], []
    if not include_all:
        where.append("t.dismissed IS NULL AND t.merged_into IS NULL AND t.status = 'open'")
    if not include_passed:
        where.append("t.due >= ?")
        params.append(as_of.isoformat())
    if within_days is not None:
        where.append("t.due <= ?")
        params.append((as_of + timedelta(days=within_days)).isoformat())
    # Each deadline carries its latest report, how many articles reported it and its last change
    # (db/010); those merged into it add their articles.
    source_count = ("CASE WHEN t.id IN (SELECT merged_into FROM merged) THEN"
                    " (SELECT count(DISTINCT m2.document_id) FROM deadline_sources s2 JOIN mentions m2 ON m2.id = s2.mention_id"
                    "  WHERE s2.deadline_id = t.id OR s2.deadline_id IN (SELECT c.id FROM merged c WHERE c.merged_into = t.id))"
                    " ELSE t.document_count END")
    # The deadlines wanted are chosen first, then each one's latest report looked up: joined the
    # other way round, SQLite looks up the latest report of every deadline in the store before
    # filtering (0.7 s at a million mentions instead of 0.02 s).
    roles = " nullif(coalesce(t.subject, m.subject), '') AS subject, nullif(coalesce(t.setter, m.setter), '') AS setter,"
    if listing:
        found = (" t.id AS deadline_id, t.due AS tracked_due, t.last_changed, t.status, t.dismissed, t.merged_into,"
                 f" {source_count} AS source_count, t.last_change," + roles
                 + " CASE WHEN coalesce(t.subject, m.subject, '') = '' THEN m.sentence END AS sentence FROM t")
    else:
        found = (" t.id AS deadline_id, t.due AS tracked_due, t.first_due, t.last_changed, t.status, t.dismissed,"
                 f" t.merged_into, t.key, t.sequence, {source_count} AS source_count, t.last_change,"
                 " m.id AS mention_id, m.earliest, m.latest, m.kind, m.text, m.type, m.value, m.mod, m.due," + roles
                 + " m.sentence, d.id AS document_id, d.title, d.source, d.published, " + ADDRESS + " AS url FROM t")
    rows = store.rows(
        "WITH t AS MATERIALIZED (SELECT t.*, x.latest_mention_id, x.document_count, x.last_change FROM tracked_deadlines t"
        " JOIN deadlines x ON x.id = t.id" + (f" WHERE {' AND '.join(where)}" if where else "") + "),"
        " merged AS MATERIALIZED (SELECT id, merged_into FROM tracked_deadlines WHERE merged_into IS NOT NULL)"
        " SELECT" + found + " JOIN mentions m ON m.id = t.latest_mention_id"
        + ("" if listing else " JOIN documents d ON d.id = m.document_id") + " ORDER BY t.due, t.id", params)
    for r in rows:
        r["days_left"], r["time_left"] = time_left(r["tracked_due"], as_of)
    return rows

"""The SQLite store (through sqlite-utils): documents, mentions, tracked deadlines.

Schema changes live in `db/NNN_*.sql`; `PRAGMA user_version` records the last one applied, and
opening a store applies the rest. Each document goes in whole or not at all: inside its own
transaction, or inside a savepoint of a batch (`Store.batch`) when many are added at once.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import sqlite3
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote
from typing import Iterable, Optional

from ..deadlines.tracking import (ENDINGS, MOVED, TrackedDeadline, better_subject, content_words, ended, track,
                                  words_text)
from ..errors import TimelineError
from ..model import Extraction
from ..settings import env_number

LOCK_WAIT_SECONDS = 5.0
# Stores up to this size are checked for damage before each write (about 0.3 s per 30 MB).
QUICK_CHECK_BYTES = 100_000_000
# A writer waits its turn behind others this long: `add`s running side by side each hold the lock
# only while they write a batch, never while they read and extract.
WRITE_WAIT_SECONDS = 60.0


def write_wait_seconds() -> float:
    """How long a writer waits for the lock: `$TIMELINE_LOCK_WAIT` seconds, else a minute."""
    return env_number("TIMELINE_LOCK_WAIT", WRITE_WAIT_SECONDS, minimum=0.0)


def migrations_dir() -> Path:
    """`db/` beside the package in a checkout, or inside it when installed from a wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "db", here.parent / "db"):
        if candidate.is_dir():
            return candidate
    raise TimelineError("schema migrations (db/*.sql) not found; reinstall timeline")


def migrations() -> list[tuple[int, str]]:
    out = []
    for p in sorted(migrations_dir().glob("*.sql")):
        m = re.match(r"(\d+)_", p.name)
        if m:
            out.append((int(m.group(1)), p.read_text(encoding="utf-8")))
    return out


def default_path() -> str:
    env = os.environ.get("TIMELINE_DB")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "timeline", "timeline.db")


@dataclass
class _Batch:
    size: int
    open: bool = False  # a transaction is open
    pending: int = 0  # documents in it


@dataclass(frozen=True)
class _Report:
    """A mention as tracking reads it, from an extraction or from the store."""
    kind: str
    due: Optional[str]
    subject: Optional[str]
    setter: Optional[str]
    sentence: str
    earliest: Optional[str]


def _reports_on_deadline(m) -> bool:
    """A deadline with its due date, or a dated mention in a sentence saying a deadline ended."""
    return bool(m.kind == "deadline" and m.due) or bool(m.earliest and ended(m.sentence))


@dataclass
class AddResult:
    document_id: int
    added: bool  # False when the same text was already stored
    mentions: int


_lenient_text = functools.partial(str, encoding="utf-8", errors="replace")


class Store:
    def __init__(self, path: Optional[str] = None, readonly: bool = False):
        self.path = path or default_path()
        is_default = path is None and not os.environ.get("TIMELINE_DB")
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            if is_default:
                os.makedirs(folder, exist_ok=True)
            else:
                raise TimelineError(f"database folder {folder} does not exist; create it or give --db a path in an existing folder")
        # A store not made yet reads as an empty one: the schema in memory, nothing written to disk.
        # But a path someone named and mistyped is no empty store: say so.
        empty = readonly and not os.path.exists(self.path)
        if empty and not is_default:
            raise TimelineError(f"{self.path}: no timeline store there; check --db (or TIMELINE_DB), or make it with "
                                "`timeline add`")
        _check_file(self.path, readonly)
        try:
            if empty:
                conn = sqlite3.connect(":memory:")
            elif readonly:
                conn = _open_readonly(self.path)
            else:
                conn = sqlite3.connect(self.path, timeout=write_wait_seconds())
            conn.isolation_level = None  # transactions are ours: see add() and batch()
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                # Write-ahead log: a commit per article need not wait for the disk; still atomic.
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            # Plain sqlite3: sqlite-utils, with which the store stays readable from the shell, would
            # import pandas and numpy where they are installed, a third of a second on every command.
            self.conn = conn
            self._batch: Optional[_Batch] = None
            self._replaying = False
            self._needs_retrack = False
            self._latest: Optional[tuple[str, str]] = None
            self._reported: tuple[Optional[int], set] = (None, set())
            self._check_kind()
            if empty:
                self._migrate()
                conn.execute("PRAGMA query_only = ON")
                conn.set_authorizer(_no_other_files)
            elif not readonly:
                self._check_sound()
                self._migrate()
            elif self.version < max(v for v, _ in migrations()):
                self._read_older_schema()
        except sqlite3.DatabaseError as e:
            raise self._explain(e) from None
        except UnicodeDecodeError:
            raise self._damaged() from None

    def _read_older_schema(self) -> None:
        """A reader meets a store made by an older timeline: upgraded in place where it can be
        written (as the next `add` would), else read from an upgraded copy in memory (a store on
        read-only media)."""
        self.conn.close()
        try:
            Store(self.path).close()  # the migrations, as any writer applies them
            conn = _open_readonly(self.path)
        except TimelineError:
            source = _open_readonly(self.path)
            conn = sqlite3.connect(":memory:")
            source.backup(conn)
            source.close()
        conn.isolation_level = None
        self.conn = conn
        self.version = conn.execute("PRAGMA user_version").fetchone()[0]
        self._migrate()
        conn.execute("PRAGMA query_only = ON")
        conn.set_authorizer(_no_other_files)

    def _damaged(self) -> TimelineError:
        return TimelineError(f"{self.path}: the store's schema is damaged (corrupt file); restore it from a backup "
                             "or point --db at a new path and add the articles again")

    def _explain(self, e: sqlite3.Error) -> TimelineError:
        msg = str(e)
        if "locked" in msg or "busy" in msg:
            return TimelineError(f"{self.path}: the database is locked by another process; try again when it finishes")
        if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
            return TimelineError(f"{self.path}: not a timeline database (corrupt or another kind of file); "
                                 "point --db at another path or move the file away")
        if "readonly" in msg or "read-only" in msg:
            return TimelineError(f"{self.path}: the database is read-only; check the file's permissions")
        if "disk is full" in msg or "disk full" in msg or "disk I/O error" in msg:
            return TimelineError(f"{self.path}: cannot write to the disk ({msg}: full, or over a size limit); free some "
                                 "space and run again (what was committed before is kept)")
        return TimelineError(f"{self.path}: database error: {msg}")

    def _check_kind(self) -> None:
        """Refuse a file that is not a timeline store: another program's tables, or a schema newer
        than this timeline knows. The version and the tables are read in one snapshot: another
        `add` may be making the store at this moment, and tables seen without their version would
        look like another program's."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()  # a damaged schema fails here
            self.version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")]
        except BaseException:
            _rollback(conn)
            raise
        conn.execute("COMMIT")
        newest = max(v for v, _ in migrations())
        if self.version > newest:
            raise TimelineError(f"{self.path}: made by a newer timeline (schema {self.version}, this one knows {newest}); "
                                "upgrade timeline to use it")
        if self.version == 0:
            if tables:
                raise TimelineError(f"{self.path}: holds another program's tables ({', '.join(tables[:3])}); "
                                    "give --db a new path for timeline's store")

    def _check_sound(self) -> None:
        """Before writing, SQLite's quick check of the file's structure, so that `add` does not
        build on a damaged store. It reads the whole file: done for stores up to QUICK_CHECK_BYTES."""
        try:
            size = os.path.getsize(self.path)
        except OSError:
            return
        if 0 < size <= QUICK_CHECK_BYTES:
            result = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                raise TimelineError(f"{self.path}: the store is damaged ({result}); restore it from a backup or point "
                                    "--db at a new path and add the articles again")

    def _migrate(self) -> None:
        conn = self.conn
        for version, sql in migrations():
            if version <= self.version:
                continue
            conn.execute("BEGIN IMMEDIATE")
            # Another process may have applied it while this one waited for the lock.
            self.version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version <= self.version:
                conn.execute("COMMIT")
                continue
            try:
                for statement in _statements(sql):
                    conn.execute(statement)
                step = _DATA_STEPS.get(version)
                if step is not None:
                    step(self)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise
            self.version = version

    def close(self) -> None:
        self.conn.close()

    # -- writing ---------------------------------------------------------------------------------

    @contextmanager
    def batch(self, size: int = 100):
        """Add many documents in few transactions: each is still all or nothing (a savepoint),
        and every `size` of them are committed together, which spares the full-text index a
        flush per document. On leaving, the documents added so far are committed."""
        self._batch = _Batch(size)
        try:
            yield self
        finally:
            batch, self._batch = self._batch, None
            if batch.open and self.conn.in_transaction:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.DatabaseError as e:
                    raise self._explain(e) from None

    def flush(self) -> None:
        """Commit the documents of the batch added so far (a checkpoint before writing state that
        stands for them, such as a feed's validators)."""
        batch = self._batch
        if batch is not None and batch.open and self.conn.in_transaction:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as e:
                raise self._explain(e) from None
            batch.open = False

    @contextmanager
    def _document_transaction(self):
        """One document's writes, all or nothing: a savepoint inside the batch's transaction, or
        inside a transaction of its own outside a batch."""
        conn = self.conn
        alone = self._batch is None
        batch = _Batch(1) if alone else self._batch
        if not batch.open:
            conn.execute("BEGIN IMMEDIATE")
            batch.open, batch.pending = True, 0
        conn.execute("SAVEPOINT document")
        try:
            yield
            conn.execute("RELEASE document")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                conn.execute("ROLLBACK TO document")
                conn.execute("RELEASE document")
            if alone:
                _rollback(conn)
            batch.open = batch.open and conn.in_transaction
            raise
        batch.pending += 1
        if batch.pending >= batch.size:
            conn.execute("COMMIT")
            batch.open = False

    def add(self, extraction: Extraction, feed: Optional[str] = None,
            keys: Optional[tuple[str, Optional[str]]] = None) -> AddResult:
        """Store a document and its mentions, whole or not at all; the same text is stored once.
        Its reports of deadlines are tracked at once when it is the latest story the store has;
        an older one slots into the history by a replay (`retrack`) in `finish`. `keys`: the
        text's `document_keys`, where a worker process has read them already."""
        doc = extraction.document
        digest, prints = keys or document_keys(doc.text)
        published = doc.published.isoformat()
        offset = doc.zone.utcoffset(doc.published) if doc.zone is not None and doc.published.tzinfo else None
        conn = self.conn
        try:
            with self._document_transaction():
                row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone() or (
                    prints and conn.execute("SELECT id FROM documents WHERE fingerprint = ?", (prints,)).fetchone())
                if row:
                    self._place(row[0], doc, feed)  # seen once more, somewhere else
                    return AddResult(row[0], False, 0)
                doc_id = self._next_document_id()
                conn.execute(
                    "INSERT INTO documents (id, content_hash, title, source, path, published, published_from, added_at, text,"
                    " utc_offset, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, digest, doc.title, doc.source, doc.path, published, doc.published_from,
                     datetime.now(timezone.utc).isoformat(timespec="seconds"), doc.text,
                     int(offset.total_seconds() // 60) if offset is not None else None, prints))
                self._place(doc_id, doc, feed)
                rows = [(doc_id, m.start, m.end, m.text, m.sentence, m.type, m.value, m.mod, m.kind, m.earliest,
                         m.latest, m.due, m.subject, m.setter, m.cue) for m in extraction.mentions]
                conn.executemany(
                    "INSERT INTO mentions (document_id, start, end, text, sentence, type, value, mod, kind,"
                    " earliest, latest, due, subject, setter, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows)
                reports = [m for m in extraction.mentions if _reports_on_deadline(m)]
                if reports:
                    order = (published, digest)
                    if self._needs_retrack or order < self._latest_tracked():
                        self._needs_retrack = True  # an older story: replayed in order when the batch ends
                    else:
                        ids = dict(conn.execute("SELECT start, id FROM mentions WHERE document_id = ?", (doc_id,)).fetchall())
                        for m in reports:
                            self._track(ids[m.start], m, published, doc_id, f"{digest}:{m.start}")
                        self._latest = order
        except sqlite3.DatabaseError as e:
            raise self._explain(e) from None
        if self._batch is None:
            self.finish()
        return AddResult(doc_id, True, len(extraction.mentions))

    def _next_document_id(self) -> int:
        """An id no document has had: one above the highest ever given, so that an id removed
        with `rm` is never given to another article."""
        conn = self.conn
        row = conn.execute("SELECT max(coalesce((SELECT last_id FROM id_counters WHERE name = 'documents'), 0),"
                           " coalesce((SELECT max(id) FROM documents), 0))").fetchone()
        new = row[0] + 1
        conn.execute("INSERT INTO id_counters (name, last_id) VALUES ('documents', ?)"
                     " ON CONFLICT(name) DO UPDATE SET last_id = excluded.last_id", (new,))
        return new

    def finish(self) -> None:
        """After adding: replay the deadlines' histories once if an older story came in. `add`
        outside a batch does it itself; whoever adds in batches calls it when done. A run cut short
        before its replay leaves deadline reports untracked: the next `finish` finds them."""
        if self._needs_retrack or self.conn.execute(
                "SELECT 1 FROM mentions m WHERE m.kind = 'deadline' AND m.due IS NOT NULL AND NOT EXISTS"
                " (SELECT 1 FROM deadline_sources s WHERE s.mention_id = m.id) LIMIT 1").fetchone():
            self.retrack()

    def _place(self, document_id: int, doc, feed: Optional[str]) -> None:
        if doc.url:
            self.conn.execute("INSERT OR IGNORE INTO document_places (document_id, url, canonical_url, feed, seen_at)"
                                 " VALUES (?, ?, ?, ?, ?)", (document_id, doc.url, doc.canonical_url or None, feed,
                                                            datetime.now(timezone.utc).isoformat(timespec="seconds")))

    # -- feeds -------------------------------------------------------------------------------------

    def known_url(self, url: str) -> Optional[int]:
        """The stored article fetched from, or declaring as its own, this address."""
        row = self.conn.execute("SELECT document_id FROM document_places WHERE url = ? OR canonical_url = ? LIMIT 1",
                                   (url, url)).fetchone()
        return row[0] if row else None

    def add_place(self, document_id: int, url: str, feed: Optional[str]) -> None:
        """Note that a stored article was seen at another address or in another feed."""
        self._write("INSERT OR IGNORE INTO document_places (document_id, url, feed, seen_at) VALUES (?, ?, ?, ?)",
                    (document_id, url, feed, datetime.now(timezone.utc).isoformat(timespec="seconds")))

    def add_feed(self, name: str, url: str, every: int) -> None:
        if self.conn.execute("SELECT 1 FROM feeds WHERE name = ? OR url = ?", (name, url)).fetchone():
            raise TimelineError(f"a feed named {name!r} or at {url} is already followed; `timeline feeds list` shows them")
        self._write("INSERT INTO feeds (name, url, added_at, min_interval) VALUES (?, ?, ?, ?)",
                    (name, url, datetime.now(timezone.utc).isoformat(timespec="seconds"), every))

    def remove_feed(self, name: str) -> bool:
        return self._write("DELETE FROM feeds WHERE name = ?", (name,)) > 0

    def update_feed(self, name: str, **fields) -> None:
        """Record a poll: validators, times, the count of items read (added to), the error."""
        seen = fields.pop("items_seen", 0)
        sets = ", ".join(f"{k} = ?" for k in fields)
        self._write(f"UPDATE feeds SET {sets}{', ' if sets else ''}items_seen = items_seen + ? WHERE name = ?",
                    (*fields.values(), seen, name))

    def _write(self, sql: str, params: Iterable = ()) -> int:
        """One statement in a transaction of its own."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(sql, tuple(params))
            conn.execute("COMMIT")
            return cur.rowcount
        except sqlite3.DatabaseError as e:
            _rollback(conn)
            raise self._explain(e) from None

    def _latest_tracked(self) -> tuple[str, str]:
        """(publication time, content hash) of the latest story that reported on a deadline."""
        if self._latest is None:
            row = self.conn.execute(
                "SELECT d.published, d.content_hash FROM documents d WHERE d.id IN (SELECT m.document_id FROM"
                " deadline_sources s JOIN mentions m ON m.id = s.mention_id) ORDER BY d.published DESC,"
                " d.content_hash DESC LIMIT 1").fetchone()
            self._latest = tuple(row) if row else ("", "")
        return self._latest

    def retrack(self) -> None:
        """Follow every deadline again from its reports in publication order (then by text, then
        by place), so that the same articles give the same tracked deadlines and histories in
        whatever order they were added. In a transaction of its own."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._replay()
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            _rollback(conn)
            raise self._explain(e) from None
        except BaseException:
            _rollback(conn)
            raise
        self._needs_retrack = False

    def _replay(self) -> None:
        conn = self.conn
        conn.execute("DELETE FROM deadline_sources")
        conn.execute("DELETE FROM deadlines")
        # Deadlines made now take a temporary (negative) id, then the ids they had (_keep_ids); a
        # store older than schema 9, replayed by migration 6, has no ids to keep yet.
        self._replaying = self.version >= 9
        try:
            self._replay_reports()
        finally:
            self._replaying = False
        if self.version >= 9:
            self._keep_ids()

    def _replay_reports(self) -> None:
        conn = self.conn
        # Reports: deadline mentions, and mentions in sentences that may say a deadline ended
        # (words found through the full-text index, read exactly by tracking.ended).
        # Read as a stream, not fetched whole: a store of 100,000 articles holds some 80,000
        # reports, and their sentences all at once would be most of `add`'s memory.
        rows = conn.execute(
            "SELECT m.id, m.kind, m.due, m.subject, m.setter, m.sentence, m.earliest, m.start, d.id, d.published,"
            " d.content_hash FROM mentions m JOIN documents d ON d.id = m.document_id"
            " WHERE (m.kind = 'deadline' AND m.due IS NOT NULL) OR m.id IN (SELECT rowid FROM mentions_fts"
            " WHERE mentions_fts MATCH 'deadline OR deadlines OR ultimatum OR ultimatums OR cutoff OR \"cut off\"')"
            " ORDER BY d.published, d.content_hash, m.start")
        self._latest = None
        for (mention_id, kind, due, subject, setter, sentence, earliest, start, doc_id, published, digest) in rows:
            report = _Report(kind, due, subject, setter, sentence, earliest)
            if _reports_on_deadline(report):
                self._track(mention_id, report, published, doc_id, f"{digest}:{start}")
                self._latest = (published, digest)

    def _keep_ids(self) -> None:
        """After a replay, give each deadline the id it was shown with before: the oldest id any of
        its reports was tracked as that no other deadline has taken; a new id where its reports are
        all new. Its reports then remember that id."""
        conn = self.conn
        if not conn.execute("SELECT 1 FROM deadlines WHERE id < 0 LIMIT 1").fetchone():
            return
        conn.execute("PRAGMA defer_foreign_keys = ON")  # ids of deadlines and their sources change together
        reports: dict[int, list[str]] = {}
        for temp_id, key in conn.execute(
                "SELECT s.deadline_id, d.content_hash || ':' || m.start FROM deadline_sources s"
                " JOIN mentions m ON m.id = s.mention_id JOIN documents d ON d.id = m.document_id"
                " WHERE s.deadline_id < 0 ORDER BY d.published, d.content_hash, m.start"):
            reports.setdefault(temp_id, []).append(key)
        known = dict(conn.execute("SELECT report_key, deadline_id FROM deadline_report_ids WHERE report_key IN"
                                  " (SELECT d.content_hash || ':' || m.start FROM deadline_sources s JOIN mentions m"
                                  " ON m.id = s.mention_id JOIN documents d ON d.id = m.document_id WHERE s.deadline_id < 0)"))
        taken = {r[0] for r in conn.execute("SELECT id FROM deadlines WHERE id > 0")}
        # Deadlines that were shown before choose first, the longest-known first.
        order = sorted(reports, key=lambda t: min((known[k] for k in reports[t] if k in known), default=float("inf")))
        for temp_id in order:
            keys = reports[temp_id]
            stable = next((i for i in sorted({known[k] for k in keys if k in known}) if i not in taken), None)
            if stable is None:
                stable = self._new_deadline_id()
            taken.add(stable)
            conn.execute("UPDATE deadlines SET id = ? WHERE id = ?", (stable, temp_id))
            conn.execute("UPDATE deadline_sources SET deadline_id = ? WHERE deadline_id = ?", (stable, temp_id))
            conn.executemany("INSERT OR IGNORE INTO deadline_report_ids (report_key, deadline_id) VALUES (?, ?)",
                             [(k, stable) for k in keys])
        for temp_id in conn.execute("SELECT id FROM deadlines WHERE id < 0").fetchall():  # no reports: none expected
            conn.execute("UPDATE deadlines SET id = ? WHERE id = ?", (self._new_deadline_id(), temp_id[0]))

    def _new_deadline_id(self) -> int:
        """A deadline id never given before."""
        cur = self.conn.execute("INSERT INTO deadline_ids (made_at) VALUES (?)",
                                   (datetime.now(timezone.utc).isoformat(timespec="seconds"),))
        return cur.lastrowid

    def _deadline_id_for(self, report_key: str) -> Optional[int]:
        """The id of a deadline first reported now: during a replay a temporary one; else the id its
        report was tracked as before (an article removed and added again), if no deadline has it.
        None in a store older than schema 9 (SQLite numbers it)."""
        conn = self.conn
        if self.version < 9:
            return None
        if self._replaying:
            low = conn.execute("SELECT min(0, coalesce(min(id), 0)) FROM deadlines").fetchone()[0]
            return low - 1
        row = conn.execute("SELECT deadline_id FROM deadline_report_ids WHERE report_key = ?", (report_key,)).fetchone()
        if row and not conn.execute("SELECT 1 FROM deadlines WHERE id = ?", (row[0],)).fetchone():
            return row[0]
        return self._new_deadline_id()

    def _track(self, mention_id: int, mention, published: str, document_id: int, report_key: str) -> None:
        conn = self.conn
        due = mention.due[:10] if mention.kind == "deadline" and mention.due else None
        around = due or (mention.earliest or published)[:10]
        candidates = ("SELECT id, subject, setter, due, subject_words, first_words || ' ' || latest_words,"
                      " status = 'open' FROM deadlines")
        if due is None or MOVED.search(mention.sentence) or ended(mention.sentence):
            # A deadline said to move or end may have been due up to a year either side.
            rows = conn.execute(candidates + " WHERE due BETWEEN date(?, '-1 year') AND date(?, '+1 year')",
                                (around, around)).fetchall()
        else:
            rows = conn.execute(candidates + " WHERE due = ?", (due,)).fetchall()
        # Which deadlines this document has reported on already: kept here, not asked of the
        # store, so that an article with thousands of reports costs time in line with them.
        if self._reported[0] != document_id:
            self._reported = (document_id, set())
        in_document = self._reported[1]
        known = [TrackedDeadline(r[0], r[1], r[2], r[3], frozenset(r[4].split()), frozenset(r[5].split()),
                                 r[0] in in_document, bool(r[6])) for r in rows]
        decision = track(known, mention.subject, mention.setter, due, mention.sentence)
        sentence_words = words_text(content_words(mention.sentence))
        if decision.deadline_id is None:
            if due is None:
                return  # says that some deadline ended, but none we know
            cur = conn.execute(
                "INSERT INTO deadlines (id, subject, setter, due, first_due, first_seen, last_changed, subject_words,"
                " first_words, latest_words, key, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self._deadline_id_for(report_key), mention.subject, mention.setter, due, due, published, published,
                 words_text(content_words(mention.subject)), sentence_words, sentence_words,
                 hashlib.sha256(report_key.encode()).hexdigest()[:20],
                 decision.change if decision.change in ENDINGS else "open"))
            deadline_id = cur.lastrowid
        else:
            deadline_id = decision.deadline_id
            tracked = next(k for k in known if k.id == deadline_id)
            subject = mention.subject if better_subject(tracked.subject, mention.subject) else tracked.subject
            conn.execute("UPDATE deadlines SET subject = ?, setter = coalesce(setter, ?), subject_words = ?,"
                         " latest_words = ? WHERE id = ?",
                         (subject, mention.setter, words_text(tracked.subject_words | content_words(mention.subject)),
                          sentence_words, deadline_id))
            if decision.change in ("extended", "brought forward"):
                conn.execute("UPDATE deadlines SET due = ?, last_changed = ?, sequence = sequence + 1, status = 'open'"
                             " WHERE id = ?", (due, published, deadline_id))
            elif decision.change in ENDINGS and tracked.open:
                conn.execute("UPDATE deadlines SET status = ?, last_changed = ?, sequence = sequence + 1 WHERE id = ?",
                             (decision.change, published, deadline_id))
            due = due or tracked.due
        added = conn.execute("INSERT OR IGNORE INTO deadline_sources (deadline_id, mention_id, due, change) VALUES (?, ?, ?, ?)",
                             (deadline_id, mention_id, due, decision.change)).rowcount
        if added and self.version >= 10:
            # What `deadlines` shows of it: reports are tracked in publication order, so this one is
            # the latest (of reports published at the same time, the highest mention id).
            conn.execute("UPDATE deadlines SET document_count = document_count + ?,"
                         " latest_mention_id = CASE WHEN latest_published IS NULL OR ? > latest_published"
                         "   OR (? = latest_published AND ? > latest_mention_id) THEN ? ELSE latest_mention_id END,"
                         " latest_published = max(coalesce(latest_published, ''), ?),"
                         " last_change = CASE WHEN ? <> 'repeated' THEN ? ELSE last_change END WHERE id = ?",
                         (0 if deadline_id in in_document else 1, published, published, mention_id, mention_id,
                          published, decision.change, decision.change, deadline_id))
        if deadline_id > 0 and self.version >= 9:  # a replay's deadlines remember their reports once their ids are kept
            conn.execute("INSERT OR IGNORE INTO deadline_report_ids (report_key, deadline_id) VALUES (?, ?)",
                         (report_key, deadline_id))
        in_document.add(deadline_id)

    # -- the analyst's corrections ----------------------------------------------------------------

    def correct(self, deadline_id: int, field: str, value: Optional[str], reason: Optional[str] = None) -> bool:
        """Set (or, with None, take back) a correction of one tracked deadline: kept against every
        report it has, so it holds after more articles, an unrelated `rm` and a rebuild. False when
        there is no such deadline."""
        return self.correct_many({deadline_id: [(field, value)]}, reason)

    def correct_many(self, changes: dict[int, list[tuple[str, Optional[str]]]], reason: Optional[str] = None) -> bool:
        """Several corrections of several deadlines, all in one transaction or none: False (and
        nothing written) when one of the deadlines does not exist."""
        conn = self.conn
        keys = {}
        for deadline_id in changes:
            keys[deadline_id] = [r[0] for r in conn.execute(
                "SELECT d.content_hash || ':' || m.start FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id"
                " JOIN documents d ON d.id = m.document_id WHERE s.deadline_id = ?", (deadline_id,))]
            if not keys[deadline_id]:
                return False
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            conn.execute("BEGIN IMMEDIATE")
            for deadline_id, fields in changes.items():
                for field, value in fields:
                    if value is None:
                        conn.executemany("DELETE FROM deadline_corrections WHERE report_key = ? AND field = ?",
                                         [(k, field) for k in keys[deadline_id]])
                    else:
                        conn.executemany("INSERT OR REPLACE INTO deadline_corrections (report_key, field, value, made_at,"
                                         " reason) VALUES (?, ?, ?, ?, ?)",
                                         [(k, field, value, now, reason) for k in keys[deadline_id]])
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            _rollback(conn)
            raise self._explain(e) from None
        return True

    def remember_calendar(self, rows: list[dict], prune: bool = False) -> list[dict]:
        """Deadlines as a calendar export sends them: each keeps the UID of its first export, and
        its SEQUENCE rises by one whenever what it says (`digest`: dates, summary, status) differs
        from the last export's, and never falls below the times its articles moved it. With
        `prune`, deadlines last sent as cancelled are left out from now on. The rows to send."""
        from ..views.ics import deadline_summary, deadline_when

        conn = self.conn
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        out, updates, pruned = [], [], []
        for r in rows:
            if r["kind"] != "deadline":
                out.append(r)
                continue
            if prune and r["cancelled"] and r["cal_digest"] == r["digest"]:
                pruned.append((now, r["deadline_id"]))
                continue
            sequence = r["cal_sequence"] or 0
            if r["cal_digest"] is not None and r["cal_digest"] != r["digest"]:
                sequence += 1
            sequence = max(sequence, r["sequence"])
            sent = (r["uid"], sequence, r["digest"], deadline_summary(r), deadline_when(r))
            if sent != (r.get("cal_uid"), r["cal_sequence"], r["cal_digest"], r.get("cal_summary"), r.get("cal_when")):
                updates.append((*sent, r["deadline_id"]))  # as the last export sent it, nothing to write
            r["sequence"] = sequence
            out.append(r)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("UPDATE deadline_ids SET uid = ?, cal_sequence = ?, cal_digest = ?, cal_summary = ?, cal_when = ?"
                             " WHERE id = ?", updates)
            conn.executemany("UPDATE deadline_ids SET pruned = ? WHERE id = ?", pruned)
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            _rollback(conn)
            raise self._explain(e) from None
        return out

    def announce(self, rows: list[dict]) -> list[dict]:
        """Of the deadlines due inside an alert window (`days_left` known), those not announced yet
        as this close with this due date: each is announced once, again when it moves or comes
        into its last week or its last day. They are recorded as announced."""
        rank = {"window": 0, "week": 1, "day": 2}
        new, records = [], []
        for r in rows:
            if r["days_left"] is None:
                continue  # a due value damaged in the store: no window it could be in
            closeness = "day" if r["days_left"] <= 1 else "week" if r["days_left"] <= 7 else "window"
            sent = [c for (c,) in self.conn.execute("SELECT closeness FROM alerts_sent WHERE deadline_id = ? AND due = ?",
                                                       (r["deadline_id"], r["tracked_due"]))]
            if sent and max(rank[c] for c in sent) >= rank[closeness]:
                continue
            new.append(dict(r, closeness=closeness))
            records.append((r["deadline_id"], r["tracked_due"], closeness, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        if records:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR IGNORE INTO alerts_sent (deadline_id, due, closeness, sent_at) VALUES (?, ?, ?, ?)",
                                 records)
                conn.execute("COMMIT")
            except sqlite3.DatabaseError as e:
                _rollback(conn)
                raise self._explain(e) from None
        return new

    def corrections(self, deadline_id: int) -> list[dict]:
        """The analyst's corrections of one tracked deadline (one row per field), oldest first."""
        return self.rows(
            "SELECT c.field, c.value, c.reason, max(c.made_at) AS made_at FROM deadline_corrections c"
            " JOIN documents d ON d.content_hash = substr(c.report_key, 1, 64)"
            " JOIN mentions m ON m.document_id = d.id AND m.start = CAST(substr(c.report_key, 66) AS INTEGER)"
            " JOIN deadline_sources s ON s.mention_id = m.id WHERE s.deadline_id = ?"
            " GROUP BY c.field ORDER BY made_at, c.field", (deadline_id,))

    def _fill_deadline_words(self) -> None:
        """Migration 004 for stores that already track deadlines: their word sets, from their reports."""
        conn = self.conn
        for (deadline_id,) in conn.execute("SELECT id FROM deadlines WHERE subject_words = ''").fetchall():
            reports = conn.execute("SELECT m.subject, m.sentence FROM deadline_sources s JOIN mentions m ON m.id = s.mention_id"
                                   " WHERE s.deadline_id = ? ORDER BY m.id", (deadline_id,)).fetchall()
            if not reports:
                continue
            subjects = frozenset().union(*(content_words(r[0]) for r in reports))
            conn.execute("UPDATE deadlines SET subject_words = ?, first_words = ?, latest_words = ? WHERE id = ?",
                         (words_text(subjects), words_text(content_words(reports[0][1])),
                          words_text(content_words(reports[-1][1])), deadline_id))

    def _register_ids(self) -> None:
        """Migration 009: the deadlines and documents already shown keep their ids."""
        conn = self.conn
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn.execute("INSERT INTO deadline_ids (id, made_at) SELECT id, ? FROM deadlines ORDER BY id", (now,))
        conn.execute("INSERT OR IGNORE INTO deadline_report_ids (report_key, deadline_id)"
                     " SELECT d.content_hash || ':' || m.start, s.deadline_id FROM deadline_sources s"
                     " JOIN mentions m ON m.id = s.mention_id JOIN documents d ON d.id = m.document_id")
        conn.execute("INSERT INTO id_counters (name, last_id) SELECT 'documents', coalesce(max(id), 0) FROM documents")

    def remove(self, *document_ids: int) -> int:
        """Delete documents and their mentions, in one transaction; how many there were."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            removed = sum(conn.execute("DELETE FROM documents WHERE id = ?", (i,)).rowcount for i in document_ids)
            if removed:
                # The history of every deadline they reported on is read again without them.
                self._replay()
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            _rollback(conn)
            raise self._explain(e) from None
        return removed

    # -- reading ---------------------------------------------------------------------------------

    def rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        try:
            try:
                cur = self.conn.execute(sql, tuple(params))
                found = cur.fetchall()
            except sqlite3.OperationalError as e:
                if "decode" not in str(e):
                    raise
                # Text damaged on disk is shown with replacement characters rather than stopping a
                # view. Read again so only then: decoding through Python costs a third of a read.
                self.conn.text_factory = _lenient_text
                try:
                    cur = self.conn.execute(sql, tuple(params))
                    found = cur.fetchall()
                finally:
                    self.conn.text_factory = str
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, r)) for r in found]
        except sqlite3.DatabaseError as e:
            raise self._explain(e) from None
        except UnicodeDecodeError:  # a column name read from a damaged schema
            raise self._damaged() from None

    def query(self, sql: str, seconds: float = 30.0, max_rows: int = 100_000,
              max_bytes: Optional[int] = None) -> tuple[list[str], list[tuple]]:
        """One read-only statement, as given by a person: columns and rows. It is stopped after
        `seconds` (or by Ctrl-C, which SQLite sees through the same handler), and at most
        `max_rows` rows and `max_bytes` of values ($TIMELINE_QUERY_BYTES, else 256 MB) are kept,
        so a runaway query cannot take the machine's memory."""
        import signal
        import time

        deadline = time.monotonic() + seconds
        interrupted = []

        def on_sigint(signum, frame):
            interrupted.append(True)
        previous = signal.signal(signal.SIGINT, on_sigint)
        self.conn.set_progress_handler(lambda: 1 if interrupted or time.monotonic() > deadline else 0, 10_000)
        budget = max_bytes if max_bytes is not None else query_bytes()
        self.conn.text_factory = _lenient_text  # a person's query shows damaged text as it can
        try:
            cur = self.conn.execute(sql)
            rows, size = [], 0
            while len(rows) <= max_rows:
                chunk = cur.fetchmany(min(1000, max_rows + 1 - len(rows)))
                if not chunk:
                    break
                rows += chunk
                size += sum(_value_size(v) for row in chunk for v in row)
                if size > budget:
                    raise TimelineError(f"query: its result is larger than {budget:,} bytes; select fewer columns or "
                                        "rows (a LIMIT, a WHERE), or raise TIMELINE_QUERY_BYTES")
        except (sqlite3.Warning, sqlite3.ProgrammingError) as e:
            raise TimelineError(f"query: {str(e).rstrip('.')}; give a single statement") from None
        except UnicodeDecodeError:
            raise self._damaged() from None
        except sqlite3.DatabaseError as e:
            msg = str(e)
            if "interrupted" in msg:
                why = "stopped by Ctrl-C" if interrupted else f"stopped after {seconds:.0f} s"
                raise TimelineError(f"query: {why}; narrow it (a LIMIT, a WHERE) or raise --timeout") from None
            if "not authorized" in msg or "authorization denied" in msg:
                raise TimelineError("query: ATTACH and VACUUM INTO are not allowed; query the store itself") from None
            if "readonly" in msg or "read-only" in msg or "query_only" in msg:
                raise TimelineError("query: the store is opened read-only; only SELECT-like statements run") from None
            if "syntax" in msg or "no such" in msg:
                raise TimelineError(f"query: {msg}; see README 'The database' for tables and columns") from None
            if any(w in msg for w in ("disk image is malformed", "not a database", "locked", "busy", "disk is full")):
                raise self._explain(e) from None
            raise TimelineError(f"query: {msg}; check the statement") from None  # its own error: json("{"), 1/0
        finally:
            self.conn.text_factory = str
            self.conn.set_progress_handler(None, 0)
            signal.signal(signal.SIGINT, previous)
        if len(rows) > max_rows:
            raise TimelineError(f"query: more than {max_rows:,} rows; add a LIMIT or a WHERE")
        return [d[0] for d in cur.description or ()], rows


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d']?\s+")
_NOT_WORD = re.compile(r"[^\w]+")


def document_keys(text: str) -> tuple[str, Optional[str]]:
    """What the store knows a text again by: the hash of its exact text, and its `fingerprint`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), fingerprint(text)


def fingerprint(text: str) -> Optional[str]:
    """The same story whatever wraps it: a hash of its five longest sentences (lower case, words
    only). A page saved as HTML and as text, or a wire story on two sites, share it; titles,
    datelines and bylines do not count. None for a text with fewer than three long sentences,
    which only its exact text identifies."""
    sentences = {_NOT_WORD.sub(" ", s.lower()).strip() for s in _SENTENCE_END.split(text)}
    long_ones = sorted((s for s in sentences if len(s.split()) >= 8), key=lambda s: (-len(s), s))[:5]
    if len(long_ones) < 3:
        return None
    return hashlib.sha256("\n".join(sorted(long_ones)).encode("utf-8")).hexdigest()


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already (it does on disk full or when BEGIN
    itself failed on a lock)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


# The most a `query` result may hold in values, a bound on its memory.
QUERY_BYTES = 256 * 1024 * 1024


def query_bytes() -> int:
    return env_number("TIMELINE_QUERY_BYTES", QUERY_BYTES, minimum=1, kind=int)


def _value_size(value) -> int:
    return len(value) if isinstance(value, (str, bytes)) else 8


def _check_file(path: str, readonly: bool) -> None:
    """A store is a regular file, named by one path: a FIFO or a device would hang or fail, and a
    file with several hard links would have writers through two names keep two write-ahead logs
    and lose each other's articles (SQLite keeps its journal beside the name used)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as e:
        raise TimelineError(f"{path}: cannot be read ({e.strerror}); check the path and permissions")
    if not stat.S_ISREG(info.st_mode):
        raise TimelineError(f"{path}: not a regular file (a pipe, a device or a folder); give --db the path of a store file")
    if info.st_nlink > 1 and not readonly:
        raise TimelineError(f"{path}: the store has {info.st_nlink} hard links; writers through two names would lose "
                            "each other's work (SQLite keeps its journal beside the name used): use one path (a "
                            "symbolic link is safe) or copy the store")


def _open_readonly(path: str) -> sqlite3.Connection:
    """A connection that cannot write, for any path name (quoted into SQLite's URI: '#', '%', '?'
    are letters of a name there). On read-only media, where SQLite cannot make the files it reads
    a write-ahead log with, the store is opened as immutable: nobody can be writing it there."""
    uri = "file:" + quote(os.path.abspath(path))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=LOCK_WAIT_SECONDS)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError as e:
        if "unable to open" not in str(e) and "readonly" not in str(e):
            raise
        conn.close()
        conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=LOCK_WAIT_SECONDS)
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_no_other_files)
    return conn


def _no_other_files(action: int, *_) -> int:
    """Readers touch no other file: ATTACH (and VACUUM INTO, which attaches) would create one."""
    return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_ATTACH else sqlite3.SQLITE_OK


# Migrations whose new columns are filled from existing rows by Python, in the same transaction.
_DATA_STEPS = {4: Store._fill_deadline_words, 6: Store._replay, 9: Store._register_ids}


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    out, buf = [], []
    for line in sql.splitlines():
        stripped = line.split("--", 1)[0] if not line.strip().startswith("--") else ""
        if not stripped.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out

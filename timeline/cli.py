"""The `timeline` command line: the edge where files, the store and the terminal meet the pure core.

Heavy modules (the engine, rich, dateparser, trafilatura) are imported inside commands so that
`timeline --help` and cron runs start fast.
"""
from __future__ import annotations

import copy
import os
import re
import sys
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

from . import regex_cache

regex_cache.install()  # before anything compiles its patterns

import typer  # noqa: E402

from .errors import TimelineError
from .model import KINDS

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}


def _readable_help_types() -> None:
    """The help lists what to type for each option ("WHEN", "SPAN", "TEXT", "N", "table|json"), not
    the Python type typer reads it into ("<str>", "<list[str]>", "<int range>"); flags take nothing."""
    from typer import core

    words = {"str": "TEXT", "int": "N", "float": "NUMBER", "Path": "PATH", "path": "PATH", "file": "PATH",
             "directory": "FOLDER", "int range": "N", "float range": "NUMBER"}

    def display(self, ctx):
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return None
        if self.metavar:
            return self.metavar
        label = shown(self, ctx)
        many = bool(label) and label.endswith("...")  # arguments say they repeat after the type
        label = label[:-3] if many else label
        if not label or not (label.startswith("<") and label.endswith(">")):
            return label
        label = label[1:-1]
        many = many or label.startswith("list[")
        label = label[5:-1] if label.startswith("list[") else label
        if label == "bool":
            return None
        label = words.get(label, label)
        return f"{label}..." if many else label

    # An option shows its metavar, an argument its type's metavar (typer 0.26 to 0.28).
    from typer._click import types

    shown = core.TyperOption.make_metavar
    core.TyperOption.make_metavar = display
    own = types.ParamType.get_metavar

    def type_metavar(self, param, ctx):
        return own(self, param=param, ctx=ctx) or words.get(self.name, self.name.upper())

    types.ParamType.get_metavar = type_metavar


_readable_help_types()
app = typer.Typer(
    help="Find the dated mentions in news articles, keep them in SQLite, and show the timeline and "
         "the deadlines ahead.",
    no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False, context_settings=HELP_OPTIONS)

def _storable_ids(value):
    """An id SQLite can hold (it stores 64-bit integers); a larger one names nothing."""
    for number in (value if isinstance(value, list) else [value]):
        if number is not None and number > 2**63 - 1:
            raise typer.BadParameter(f"{number} is no id (ids are below 2**63)")
    return value


DB_HELP = "SQLite store (default: $TIMELINE_DB, else ~/.local/share/timeline/timeline.db)."
def _db_given(ctx: typer.Context, param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
    """--db as given: an empty TIMELINE_DB is no setting, an empty --db a mistake to name."""
    if value is not None and not value.strip():
        if getattr(ctx.get_parameter_source(param.name), "name", "") == "COMMANDLINE":
            _fail("--db is empty; give the path of a store file (or leave it out for the default store)")
        return None
    return value


DbOption = typer.Option(None, "--db", envvar="TIMELINE_DB", metavar="PATH", help=DB_HELP, show_envvar=False,
                        callback=_db_given)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            sys.stdout.write(f"timeline {version('news-timeline')}\n")
        except PackageNotFoundError:
            sys.stdout.write("timeline (not installed)\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    db: Optional[str] = typer.Option(None, "--db", metavar="PATH", help=DB_HELP + " Given before the command, it holds for it."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    no_pager: bool = typer.Option(False, "--no-pager", help="Write long output straight to the terminal, without a pager "
                                                           "(as does TIMELINE_PAGER=cat)."),
):
    if db is not None and not db.strip():
        _fail("--db is empty; give the path of a store file (or leave it out for the default store)")
    if db:
        os.environ["TIMELINE_DB"] = db  # read by every command's own --db, which wins when given too
    if no_pager:
        os.environ["TIMELINE_PAGER"] = ""  # read by views.table, where every table meets the terminal


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    nl = "nl"  # one JSON object a line


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    timeml = "timeml"


class Mode(str, Enum):
    news = "news"  # dates read from the publication date, which every document must have
    narrative = "narrative"  # dates read from the last date the text named
    auto = "auto"  # news where a document has a publication date, narrative where it has none


MODE_HELP = ("news: dates read from the publication date; narrative: from the last date the text named (a history, "
             "a background report); auto: narrative only for a document without a publication date.")
ModeOption = typer.Option(Mode.news, "--mode", help=MODE_HELP)


class AlertFormat(str, Enum):
    text = "text"
    json = "json"


class ExportFormat(str, Enum):
    ics = "ics"
    json = "json"
    csv = "csv"


Kind = Enum("Kind", {k: k for k in KINDS}, type=str)


def _stderr_console():
    """Where progress bars go: standard error, so that standard output stays the command's result."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=False)


def _fail(message: str, code: int = 2) -> None:
    sys.stderr.write(f"timeline: {message}\n")
    raise typer.Exit(code)


def _store(db: Optional[str], readonly: bool = False):
    from .store import Store

    return Store(db, readonly=readonly)


def _existing_store(db: Optional[str]):
    """The store for a command that reads it and keeps a note in it (`alerts --new`, `export`):
    like a reader, it stops on a store that was named and is not there, rather than make one."""
    _store(db, readonly=True).close()
    return _store(db)


def _as_of(text: Optional[str]) -> date:
    """The day a view is read from: --as-of, else today; both the user's date (TIMELINE_TZ, else the
    machine's zone), the same for every command."""
    from .when import local_date, parse_when, today

    return local_date(parse_when(text, "--as-of")) if text else today()


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


# -- extract ---------------------------------------------------------------------------------------

@app.command()
def extract(
    file: str = typer.Argument("-", metavar="FILE", help="Article file (.txt, .html, .tml) or - for standard input."),
    published: Optional[str] = typer.Option(None, "--published", metavar="WHEN", help="Publication time, e.g. 2020-02-13 or 'Feb 13 2020 10:44'."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", help="table, json or timeml."),
    mode: Mode = ModeOption,
):
    """Resolve one document's temporal mentions without storing anything."""
    from .ingest import read_document
    from .pipeline import extract as run
    from .when import parse_when

    when = parse_when(published) if published else None
    result = run(read_document(file, when, undated=mode != Mode.news), narrative=mode == Mode.narrative)
    doc = result.document
    if fmt == ExtractFormat.json:
        _out(_json_extraction(result))
    elif fmt == ExtractFormat.timeml:
        from .engine import tag
        from .timeml import inline_timeml

        # TimeML as the engine tags it: a range's two ends apart, as TimeML annotates them
        _out(inline_timeml(doc, tag(doc.text, doc.local_published, narrative=mode == Mode.narrative)))
    else:
        _print_mentions(result.mentions, doc)


def _json_extraction(result) -> str:
    from .views import to_json

    doc = result.document
    return to_json({"document": {"title": doc.title, "published": doc.published.isoformat(),
                                 "published_from": doc.published_from, "source": doc.source},
                    "mentions": [m.as_dict() for m in result.mentions]})


def _print_mentions(mentions, doc) -> None:
    from .views.listings import mentions_sheet
    from .views.table import write

    write(mentions_sheet(doc.title, str(doc.published.date()), doc.published_from, mentions))


# -- add, sources, rm ------------------------------------------------------------------------------

@app.command()
def add(
    paths: Optional[List[str]] = typer.Argument(None, metavar="PATH...", help="Files, folders (read recursively) or - for standard input."),
    published: Optional[str] = typer.Option(None, "--published", metavar="WHEN", help="Publication time for every article given."),
    source: Optional[str] = typer.Option(None, "--source", help="Name of the outlet or feed (default: the folder name)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for reading and extraction."),
    mode: Mode = ModeOption,
    from_batch: Optional[str] = typer.Option(None, "--from-batch", metavar="FOLDER",
                                             help="Store what `timeline batch` read into FOLDER, without extracting again."),
    db: Optional[str] = DbOption,
):
    """Ingest articles; the same content added twice is stored once."""
    from .ingest import iter_paths
    from .when import parse_when

    if from_batch is not None:
        if paths or published or source or jobs != 1 or mode != Mode.news:
            _fail("--from-batch stores a batch as it was read; give it alone (with --db), without paths or other options")
        return _add_batch(from_batch, db)
    if not paths:
        _fail("no articles given; name files, folders, addresses or - for standard input (or --from-batch FOLDER)")
    when = parse_when(published) if published else None
    # Counted here and listed again as they are read: the names of 100,000 files held in a list
    # would be the largest thing in memory.
    total = sum(1 for _ in iter_paths(paths))
    if not total:
        _fail("no articles found in the paths given; give .txt, .html or .tml files or folders holding them")
    outcomes = _extract_many(iter_paths(paths), total, when, source, jobs, mode.value, "-" in paths)
    _store_all(_store(db), outcomes, total)


def _add_batch(folder: str, db: Optional[str]) -> None:
    from .batch.load import manifest, read_batch

    _need_batch_extra()
    total = manifest(folder)["articles"]
    store = _store(db)
    _store_all(store, ((None, extraction, None) for extraction in read_batch(folder)), total)


def _store_all(store, outcomes, total: int) -> None:
    """Write (name, extraction or error, its document keys or None) into the store in batches, with a progress bar on a
    terminal; report what was added and what was skipped; exit 130 on Ctrl-C, 2 if any failed."""
    counts = {"added": 0, "skipped": 0, "mentions": 0}
    errors: list[str] = []
    pending: list = []

    def write_pending() -> None:
        # The write lock is held only while a batch is written, so `add`s side by side take turns.
        # A batch's articles are counted once it is committed: a disk that fills up at the commit
        # leaves none of them, and the count says so.
        done = dict.fromkeys(counts, 0)

        def keep() -> None:
            for k, v in done.items():
                counts[k] += v
        try:
            with store.batch(size=max(1, len(pending))):
                for extraction, keys in pending:
                    with _ctrl_c_deferred():  # an article stored is an article counted, for the Ctrl-C line
                        res = store.add(extraction, keys=keys)
                        done["added"] += res.added
                        done["skipped"] += not res.added
                        done["mentions"] += res.mentions
        except KeyboardInterrupt:
            keep()  # the batch was committed on the way out
            raise
        keep()
        pending.clear()

    progress, interrupted = None, False
    if total > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True, console=_stderr_console())
        progress.start()
        task = progress.add_task("Adding articles", total=total)
    try:
        for _, outcome, keys in outcomes:
            if isinstance(outcome, TimelineError):
                errors.append(str(outcome))
            else:
                pending.append((outcome, keys))
                if len(pending) >= WRITE_BATCH:
                    write_pending()
            if progress:
                progress.advance(task)
        write_pending()
        store.finish()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if progress:
            progress.stop()
        store.close()
        if interrupted:
            # Ctrl-C: every article written before it is kept (each whole); say how many, once.
            sys.stderr.write(f"timeline: interrupted; {counts['added']} article{'s' if counts['added'] != 1 else ''}"
                             " added before it are kept; run the same add again for the rest\n")
            raise typer.Exit(130)
        for e in errors:
            sys.stderr.write(f"timeline: {e}\n".encode("utf-8", "backslashreplace").decode("utf-8"))
        added, skipped = counts["added"], counts["skipped"]
        summary = f"added {added} article{'s' if added != 1 else ''} ({counts['mentions']} mentions)"
        if skipped:
            summary += f", {skipped} already stored"
        if errors:
            summary += f", {len(errors)} skipped as unreadable"
        sys.stderr.write(summary + "\n")
    if errors:
        raise typer.Exit(2)


# Articles written per transaction by `add`.
WRITE_BATCH = 50


def _read_and_extract(args):
    from .ingest import read_source
    from .pipeline import extract as run

    path, when, source, mode = args
    try:
        return path, run(read_source(path, when, source, undated=mode != "news"), narrative=mode == "narrative")
    except TimelineError as e:
        return path, e
    except Exception as e:  # one unreadable article must not stop the others
        from .views import visible

        return path, TimelineError(f"{visible(path)}: skipped, cannot be read ({type(e).__name__}: {visible(e)}); "
                                   "check the file")


@contextmanager
def _ctrl_c_deferred():
    """Ctrl-C held until the block is done, then raised: between storing an article and counting
    it, an interrupt would make `add` report one article fewer than it kept."""
    import signal

    caught = []
    previous = signal.getsignal(signal.SIGINT)
    try:
        if previous in (signal.SIG_IGN, None):
            raise ValueError  # Ctrl-C ignored (a background job): nothing to hold
        signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    except ValueError:  # that, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _die_with_parent(parent: int) -> None:
    """A worker ends when `add` does, even when `add` is killed outright (Linux: PR_SET_PDEATHSIG)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown is all there is
    if os.getppid() != parent:
        os._exit(1)  # `add` died before the signal was asked for: nobody would send it


def _extract_many(files, total, when, source, jobs, mode="news", stdin=False):
    """Read and extract (`files`: an iterator of `total` names, standard input among them when
    `stdin`) in worker processes when asked; the store is written by this one only."""
    work = ((f, when, source, mode) for f in files)
    if jobs <= 1 or total < 2 or stdin:
        for item in work:
            yield _read_and_extract(item) + (None,)
        return
    from concurrent.futures import ProcessPoolExecutor

    from collections import deque

    # A bounded window of articles in flight, in order: memory stays flat however many files,
    # where mapping them all at once would hold every finished article until the writer took it.
    # Articles go to the workers a few at a time: a task's round trip costs about as much as
    # storing an article.
    with ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        window: deque = deque()
        for chunk in _chunks(work, ARTICLES_PER_TASK):
            window.append(pool.submit(_read_and_extract_all, chunk))
            if len(window) >= jobs * 4:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


# Articles sent to a worker at once by `add --jobs`.
ARTICLES_PER_TASK = 8


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _read_and_extract_all(chunk):
    """In a worker: each article read and extracted, with the keys the store knows its text by
    (hashing it there spares the one process that writes)."""
    from .store import document_keys

    out = []
    for item in chunk:
        path, outcome = _read_and_extract(item)
        out.append((path, outcome, None if isinstance(outcome, TimelineError) else document_keys(outcome.document.text)))
    return out


@app.command()
def sources(
    fmt: TableFormat = typer.Option(TableFormat.table, "--format"),
    db: Optional[str] = DbOption,
):
    """List the stored documents."""
    from .store.queries import document_rows

    rows = document_rows(_store(db, readonly=True))
    if not rows and fmt == TableFormat.table:
        sys.stdout.write("No articles stored yet; add some with `timeline add PATH` or `timeline fetch`.\n")
        return
    if fmt == TableFormat.table:
        from .views.listings import sources_sheet
        from .views.table import write

        return write(sources_sheet(rows))
    _emit_rows(rows, fmt, ["id", "published", "source", "mentions", "title"])


@app.command()
def rm(
    document_ids: List[int] = typer.Argument(..., metavar="ID...", min=1, callback=_storable_ids, help="Document ids, as `timeline sources` lists them."),
    db: Optional[str] = DbOption,
):
    """Delete stored documents and their mentions (their ids are never given again)."""
    store = _store(db)
    missing = [i for i in dict.fromkeys(document_ids) if not store.rows("SELECT 1 FROM documents WHERE id = ?", (i,))]
    if missing:
        _fail(f"no document with id {', '.join(map(str, missing))}; see `timeline sources` for the ids (nothing was removed)")
    removed = store.remove(*dict.fromkeys(document_ids))
    sys.stderr.write(f"removed document{'s' if removed != 1 else ''} {', '.join(map(str, dict.fromkeys(document_ids)))}\n")


# -- show ------------------------------------------------------------------------------------------

MENTION_COLUMNS = ["mention_id", "earliest", "latest", "kind", "text", "type", "value", "mod", "due", "subject",
                   "setter", "sentence", "document_id", "title", "source", "published", "url"]


@app.command()
def show(
    date_from: Optional[str] = typer.Option(None, "--from", metavar="DATE", help="Only mentions ending on or after this date."),
    date_to: Optional[str] = typer.Option(None, "--to", metavar="DATE", help="Only mentions starting on or before this date."),
    kind: Optional[List[Kind]] = typer.Option(None, "--kind", help="Only these kinds (repeatable)."),
    grep: Optional[str] = typer.Option(None, "--grep", help="Only mentions whose sentence has these words, or words "
                                                           "starting so (\"ultimat\" finds ultimatum)."),
    source: Optional[str] = typer.Option(None, "--source", help="Only documents from this source."),
    deadline: Optional[int] = typer.Option(None, "--deadline", help="The history of one tracked deadline."),
    limit: int = typer.Option(0, "--limit", min=0, help="Only the latest this many rows (0: all), shown in order."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format"),
    db: Optional[str] = DbOption,
):
    """The chronological timeline over everything stored."""
    from .when import parse_when

    if grep is not None and (len(grep) > 1000 or len(grep.split()) > 50):
        _fail("--grep: give at most 50 words (1,000 characters); every word must appear, so a few suffice")
    store = _store(db, readonly=True)
    if deadline is not None:
        return _show_deadline(store, deadline, fmt)
    from .store.queries import TimelineFilter, timeline_rows

    rows = timeline_rows(store, TimelineFilter(
        first=parse_when(date_from, "--from").date().isoformat() if date_from else None,
        last=parse_when(date_to, "--to").date().isoformat() if date_to else None,
        kinds=tuple(k.value for k in kind or ()), grep=grep, source=source, limit=limit))
    if fmt != TableFormat.table:
        return _emit_rows(rows, fmt, MENTION_COLUMNS + ["start", "end"])
    _print_timeline(rows)


def _print_timeline(rows: list[dict]) -> None:
    if not rows:
        _out("No dated mentions match. Add articles with `timeline add`, or widen the filters.")
        return
    from .views.listings import timeline_sheet
    from .views.table import write

    from .when import today

    write(timeline_sheet(rows, today()))


def _show_deadline(store, deadline_id: int, fmt: TableFormat):
    from .store.queries import deadline_history, tracked_deadline

    rows = deadline_history(store, deadline_id)
    tracked = tracked_deadline(store, deadline_id)
    if not rows or tracked is None:
        _fail(f"no tracked deadline with id {deadline_id}; `timeline deadlines` lists them")
    corrections = store.corrections(deadline_id)
    if fmt != TableFormat.table:
        return _emit_rows([dict(r, tracked_due=tracked["due"], subject=tracked["subject"], setter=tracked["setter"],
                                status=tracked["status"], dismissed=tracked["dismissed"],
                                merged_into=tracked["merged_into"], corrections=corrections) for r in rows], fmt)
    from .views.listings import history_sheet
    from .views.table import write

    write(history_sheet(deadline_id, tracked, rows, corrections))


# -- deadlines and alerts --------------------------------------------------------------------------

DEADLINE_COLUMNS = ["deadline_id", "tracked_due", "time_left", "days_left", "subject", "setter", "source_count",
                    "last_change", "last_changed"] + [c for c in MENTION_COLUMNS if c not in ("subject", "setter")]


@app.command()
def deadlines(
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="WHEN", help="Count time left from this moment (default: now)."),
    within: Optional[str] = typer.Option(None, "--within", metavar="SPAN", help="Only deadlines due within this span, e.g. 7d, 2w, 48h."),
    include_passed: bool = typer.Option(False, "--include-passed", help="Also list deadlines already past."),
    include_all: bool = typer.Option(False, "--all", help="Also list dismissed deadlines and ended ones (withdrawn, lifted, met)."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format"),
    db: Optional[str] = DbOption,
):
    """Deadlines, soonest first, with the time left."""
    from .store.queries import deadline_rows
    from .when import parse_span

    moment = _as_of(as_of)
    days = parse_span(within).total_seconds() / 86400 if within else None
    store = _store(db, readonly=True)
    rows = deadline_rows(store, moment, days, include_passed, include_all, listing=fmt == TableFormat.table)
    if fmt != TableFormat.table:
        return _emit_rows(rows, fmt, DEADLINE_COLUMNS)
    if not rows:
        _out(f"No deadlines ahead as of {moment}." + ("" if include_passed else " (--include-passed lists past ones.)"))
        return
    from .views.listings import deadlines_sheet
    from .views.table import write

    write(deadlines_sheet(rows, moment))


@app.command()
def alerts(
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="WHEN", help="The moment to check from (default: now)."),
    within: str = typer.Option("7d", "--within", metavar="SPAN", help="Window ahead, e.g. 7d, 2w, 48h."),
    new: bool = typer.Option(False, "--new", help="Only deadlines not announced before, or that moved or came into "
                                                  "their last week or day since (remembered in the store): for cron."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; the exit status alone tells."),
    fmt: AlertFormat = typer.Option(AlertFormat.text, "--format", help="text or json."),
    include_all: bool = typer.Option(False, "--all", help="Also alert on dismissed and ended deadlines."),
    db: Optional[str] = DbOption,
):
    """Exit 1 when a deadline falls inside the window, 0 when none does (2 and above: errors),
    printing nothing then, as `grep -q` and `diff` do. With --new, only what was not announced."""
    from .store.queries import deadline_rows
    from .views import visible
    from .when import parse_span

    moment = _as_of(as_of)
    days = parse_span(within).total_seconds() / 86400
    store = _existing_store(db) if new else _store(db, readonly=True)
    rows = deadline_rows(store, moment, days, include_passed=False, include_all=include_all)
    if new:
        rows = store.announce(rows)
    if quiet:
        raise typer.Exit(1 if rows else 0)
    if fmt == AlertFormat.json:
        from .views import to_json

        _out(to_json({"as_of": moment.isoformat(), "within_days": days, "count": len(rows),
                      "alerts": [{k: r[k] for k in DEADLINE_COLUMNS if k in r} for r in rows]}))
    else:
        for r in rows:
            who = f" (set by {r['setter']})" if r["setter"] else ""
            _out(visible(f"{r['tracked_due']}  {r['time_left']:>14}  {r['subject'] or r['text']}{who}  "
                         f"[#{r['deadline_id']}, {r['source']} #{r['document_id']}]"))
    raise typer.Exit(1 if rows else 0)


# -- export, calendar, query -----------------------------------------------------------------------

# -- feeds -----------------------------------------------------------------------------------------

feeds_app = typer.Typer(help="Follow RSS and Atom feeds: `timeline fetch` polls them.", no_args_is_help=True,
                        context_settings=HELP_OPTIONS)
app.add_typer(feeds_app, name="feeds")


@feeds_app.command("add")
def feeds_add(
    url: str = typer.Argument(..., metavar="URL", help="The feed's address (RSS or Atom)."),
    name: Optional[str] = typer.Option(None, "--name", help="A short name (default: the site's host name)."),
    every: int = typer.Option(900, "--every", min=0, max=7 * 86400, help="Seconds between polls of this feed."),
    db: Optional[str] = DbOption,
):
    """Follow a feed."""
    from urllib.parse import urlsplit

    from .ingest.web import is_url

    from .ingest.addresses import without_credentials
    from .views import visible

    if not is_url(url):
        _fail(f"feeds add: {visible(url)!r} is not an http(s) address; give the feed's full URL")
    if without_credentials(url) != url:
        url = without_credentials(url)
        sys.stderr.write("timeline: the user name and password in the address are not kept (nor printed); put them "
                         f"in ~/.netrc for {urlsplit(url).hostname}, where fetch reads them\n")
    name = " ".join((name or urlsplit(url).netloc).split())
    if not name:
        _fail("feeds add: give --name")
    store = _store(db)
    try:
        store.add_feed(name, url, every)
    finally:
        store.close()
    sys.stderr.write(visible(f"following {name} ({url}); `timeline fetch` polls it") + "\n")


@feeds_app.command("list")
def feeds_list(fmt: TableFormat = typer.Option(TableFormat.table, "--format"), db: Optional[str] = DbOption):
    """The feeds followed: when each was last fetched, items seen, the last error."""
    rows = _store(db, readonly=True).rows("SELECT name, url, last_fetched, items_seen, last_error, min_interval"
                                          " FROM feeds ORDER BY name") if _db_exists(db) else []
    if not rows and fmt == TableFormat.table:
        sys.stdout.write("No feeds followed yet; add one with `timeline feeds add URL`.\n")
        return
    _emit_rows(rows, fmt, ["name", "url", "last_fetched", "items_seen", "last_error", "min_interval"], "Feeds")


@feeds_app.command("rm")
def feeds_rm(name: str = typer.Argument(..., metavar="NAME", help="The feed's name, as `timeline feeds list` shows it."),
             db: Optional[str] = DbOption):
    """Stop following a feed (its articles stay)."""
    store = _store(db)
    try:
        if not store.remove_feed(name):
            _fail(f"no feed named {name!r}; `timeline feeds list` shows them")
    finally:
        store.close()
    sys.stderr.write(f"no longer following {name}\n")


def _db_exists(db: Optional[str]) -> bool:
    from .store import default_path

    return os.path.exists(db or default_path())


@app.command()
def fetch(
    names: Optional[List[str]] = typer.Argument(None, metavar="NAME...", help="Feeds to poll (default: every feed that is due)."),
    force: bool = typer.Option(False, "--force", help="Poll even a feed polled less than its interval ago."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print failures only (for cron)."),
    published: Optional[str] = typer.Option(None, "--published", metavar="WHEN", help="Publication time for every article, "
                                                                      "overriding the pages' own."),
    timeout: float = typer.Option(900.0, "--timeout", min=1.0, max=86400.0, metavar="SECONDS",
                                  help="Stop after this long; articles not read by then wait for the next fetch."),
    db: Optional[str] = DbOption,
):
    """Poll the feeds and add their new articles. Exit 0 when every feed and article was read, 1
    when some failed (each said on one line; the rest went in), 2 on errors that stop it."""
    from .ingest.poll import PollSummary, poll
    from .views import visible
    from .when import parse_when

    when = parse_when(published) if published else None
    store = _store(db)
    progress = task = None
    if sys.stderr.isatty() and not quiet:
        from rich.progress import Progress

        progress = Progress(transient=True, console=_stderr_console())
        progress.start()
        task = progress.add_task("Fetching articles", total=None)
    summary = PollSummary()
    try:
        poll(store, names or [], force, when=when, timeout=timeout, summary=summary,
             on_item=(lambda n, total: progress.update(task, completed=n, total=total)) if progress else None)
    except KeyboardInterrupt:
        if progress:
            progress.stop()
            progress = None
        sys.stderr.write(f"timeline: interrupted; {summary.added} article{'s' if summary.added != 1 else ''} added before "
                         "it are kept, and the next fetch reads again every feed whose articles were not all stored\n")
        raise typer.Exit(130)
    finally:
        if progress:
            progress.stop()
        store.close()
    for line in summary.failures:
        sys.stderr.write(visible(f"timeline: {line}") + "\n")
    if not quiet:
        sys.stderr.write(f"polled {summary.feeds} feed{'s' if summary.feeds != 1 else ''}: added {summary.added} "
                         f"article{'s' if summary.added != 1 else ''}, {summary.already} already stored"
                         + (f", {len(summary.failures)} failed" if summary.failures else "") + "\n")
    raise typer.Exit(1 if summary.failures else 0)


# -- the analyst's corrections ---------------------------------------------------------------------

DeadlineIds = typer.Argument(..., metavar="ID...", min=1, callback=_storable_ids, help="Deadline ids, as `timeline deadlines --all` lists them.")
ReasonOption = typer.Option(None, "--reason", help="Why: kept beside the correction and shown by `show --deadline`.")


def _tracked_all(store, ids: List[int]) -> dict[int, dict]:
    """The tracked deadlines named, each as the views show it; one line and exit 2 if one is unknown."""
    from .store.queries import tracked_deadline

    found = {}
    for i in dict.fromkeys(ids):
        row = tracked_deadline(store, i)
        if row is None:
            _fail(f"no tracked deadline with id {i}; `timeline deadlines --all` lists them (nothing was changed)")
        found[i] = row
    return found


def _apply(store, changes: dict, reason: Optional[str], said: list[str]) -> None:
    """Write the corrections (all or none) and say what each did, on standard error."""
    if changes and not store.correct_many(changes, reason):
        _fail("a deadline vanished while correcting it (another process removed its articles); nothing was changed")
    for line in said:
        sys.stderr.write(line + "\n")


def _correct_each(db: Optional[str], ids: List[int], decide, reason: Optional[str] = None) -> None:
    """One correction per deadline named: `decide(id, tracked, store)` gives the fields to change
    (none when nothing would) and what to say."""
    store = _store(db)
    changes, said = {}, []
    for i, t in _tracked_all(store, ids).items():
        fields, line = decide(i, t, store)
        if fields:
            changes[i] = fields
        said.append(line)
    _apply(store, changes, reason, said)


@app.command()
def dismiss(
    deadline_ids: List[int] = DeadlineIds,
    reason: Optional[str] = ReasonOption,
    db: Optional[str] = DbOption,
):
    """Leave false or settled deadlines out of `deadlines`, `alerts` and the calendar (cancelled there); kept across rebuilds."""
    def decide(i, t, _):
        if t["dismissed"]:
            return None, f"deadline #{i} was already dismissed ({t['dismissed']}); nothing changed"
        return [("dismissed", (reason or "").strip() or "dismissed")], \
            f"dismissed deadline #{i}; `timeline restore {i}` brings it back"
    _correct_each(db, deadline_ids, decide, reason)


@app.command()
def restore(deadline_ids: List[int] = DeadlineIds, db: Optional[str] = DbOption):
    """Bring dismissed deadlines back."""
    def decide(i, t, _):
        if not t["dismissed"]:
            return None, f"deadline #{i} is not dismissed; nothing to restore"
        return [("dismissed", None)], f"restored deadline #{i}"
    _correct_each(db, deadline_ids, decide)


@app.command()
def merge(
    into: int = typer.Argument(..., metavar="ID", min=1, callback=_storable_ids, help="The deadline that stays."),
    deadline_ids: List[int] = typer.Argument(..., metavar="ID...", min=1, callback=_storable_ids, help="Deadlines that are the same one."),
    reason: Optional[str] = ReasonOption,
    db: Optional[str] = DbOption,
):
    """Merge deadlines that are one into the first: their reports join its history; they leave
    `deadlines` and `alerts` and are cancelled in the calendar. `timeline unmerge ID` undoes it."""
    from .store.queries import merged_into

    store = _store(db)
    tracked = _tracked_all(store, [into] + list(deadline_ids))
    if tracked[into]["merged_into"]:
        _fail(f"deadline #{into} is itself merged into #{tracked[into]['merged_into']}; merge into that one")
    others = [i for i in dict.fromkeys(deadline_ids) if i != into]
    if not others:
        _fail("merge: name the deadline that stays, then at least one other to merge into it")
    changes, said = {}, []
    for i in others:
        if tracked[i]["merged_into"] == into:
            said.append(f"deadline #{i} was already merged into #{into}; nothing changed")
            continue
        for j in [i] + merged_into(store, i):  # deadlines merged into this one follow it
            changes[j] = [("merged_into", str(into))]
        said.append(f"merged deadline #{i} into #{into}; `timeline unmerge {i}` undoes it")
    _apply(store, changes, reason, said)


@app.command()
def unmerge(deadline_ids: List[int] = DeadlineIds, db: Optional[str] = DbOption):
    """Undo `merge`: the deadlines stand on their own again."""
    def decide(i, t, _):
        if not t["merged_into"]:
            return None, f"deadline #{i} is not merged into another; nothing to undo"
        return [("merged_into", None)], f"deadline #{i} stands on its own again (was merged into #{t['merged_into']})"
    _correct_each(db, deadline_ids, decide)


def _set_status(db: Optional[str], ids: List[int], status: str, reason: Optional[str]) -> None:
    def decide(i, t, _):
        if t["status"] == status:
            return None, f"deadline #{i} is already {status}; nothing changed"
        return [("status", status)], f"deadline #{i} marked {status}; `timeline reopen {i}` undoes it"
    _correct_each(db, ids, decide, reason)


@app.command()
def met(deadline_ids: List[int] = DeadlineIds, reason: Optional[str] = ReasonOption, db: Optional[str] = DbOption):
    """Mark deadlines met: they end (out of `deadlines` and `alerts`, cancelled in the calendar)."""
    _set_status(db, deadline_ids, "met", reason)


@app.command()
def withdrawn(deadline_ids: List[int] = DeadlineIds, reason: Optional[str] = ReasonOption, db: Optional[str] = DbOption):
    """Mark deadlines withdrawn by whoever set them: they end as `met` ones do."""
    _set_status(db, deadline_ids, "withdrawn", reason)


@app.command()
def reopen(deadline_ids: List[int] = DeadlineIds, reason: Optional[str] = ReasonOption, db: Optional[str] = DbOption):
    """Undo `met` or `withdrawn`, or reopen a deadline the articles say ended."""
    def decide(i, t, store):
        if t["status"] == "open":
            return None, f"deadline #{i} is open; nothing to reopen"
        own = any(c["field"] == "status" for c in store.corrections(i))
        extracted = store.rows("SELECT status FROM deadlines WHERE id = ?", (i,))[0]["status"]
        # take back the analyst's status where the articles leave it open; else say open over them
        return [("status", None if own and extracted == "open" else "open")], f"reopened deadline #{i}"
    _correct_each(db, deadline_ids, decide, reason)


@app.command()
def edit(
    deadline_id: int = typer.Argument(..., metavar="ID", min=1, callback=_storable_ids, help="Deadline id, as `timeline deadlines` lists it."),
    due: Optional[str] = typer.Option(None, "--due", metavar="DATE", help="The right due date, e.g. 2026-03-20."),
    subject: Optional[str] = typer.Option(None, "--subject", help='What is due, in your words ("" clears it).'),
    setter: Optional[str] = typer.Option(None, "--setter", help='Who set it ("" clears it).'),
    undo: bool = typer.Option(False, "--undo", help="Take back every edit of this deadline: the articles' words again."),
    reason: Optional[str] = ReasonOption,
    db: Optional[str] = DbOption,
):
    """Correct a tracked deadline's due date, subject or setter (kept across more articles and rebuilds)."""
    from .when import parse_when

    store = _store(db)
    t = _tracked_all(store, [deadline_id])[deadline_id]
    if undo:
        if due is not None or subject is not None or setter is not None:
            _fail("edit: --undo takes back every edit; give it alone")
        own = {c["field"] for c in store.corrections(deadline_id)} & {"due", "subject", "setter"}
        if not own:
            return _apply(store, {}, None, [f"deadline #{deadline_id} has no edits to take back; nothing changed"])
        return _apply(store, {deadline_id: [(f, None) for f in sorted(own)]}, None,
                      [f"took back the edits of deadline #{deadline_id} ({', '.join(sorted(own))})"])
    changes = []
    if due is not None:
        if not due.strip():
            _fail("edit: --due needs a date, e.g. 2026-03-20 (a deadline always has one; `dismiss` removes it)")
        changes.append(("due", parse_when(due, "--due").date().isoformat()))
    if subject is not None:
        changes.append(("subject", " ".join(subject.split())))
    if setter is not None:
        changes.append(("setter", " ".join(setter.split())))
    if not changes:
        _fail("edit: give --due, --subject or --setter (\"\" clears the last two), or --undo")
    changed = [(f, v) for f, v in changes if (t[f] or "") != v]
    if not changed:
        return _apply(store, {}, None, [f"deadline #{deadline_id} already reads so; nothing changed"])
    words = ", ".join(f"{f} cleared" if v == "" else f"{f} {v}" for f, v in changed)
    _apply(store, {deadline_id: changed}, reason, [f"edited deadline #{deadline_id}: {words}"])


@app.command()
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.ics, "--format", help="ics, json or csv."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
    alarm: int = typer.Option(1, "--alarm-days", min=0, max=3650, help="ics: days before each deadline to raise an alarm."),
    prune: bool = typer.Option(False, "--prune", help="ics: leave deadlines already sent as cancelled out of this "
                                                      "export and every later one (once calendars have them)."),
    db: Optional[str] = DbOption,
):
    """Export deadlines and scheduled dates (ics) or every mention (json, csv). A calendar export
    keeps each deadline's UID and raises its SEQUENCE whenever its date, summary or status changes;
    dismissed, merged-away and ended deadlines are sent as CANCELLED until `--prune`."""
    from .store.queries import calendar_rows, export_rows

    if fmt == ExportFormat.ics:
        from .views.ics import calendar_digest, to_ics

        from .allocation import without_cycle_collection

        store = _existing_store(db)  # it remembers what each deadline's last export said (UID, SEQUENCE)
        with without_cycle_collection():  # half a million rows for a store of 100,000 articles
            rows = calendar_rows(store)
            for r in rows:
                if r["kind"] == "deadline":
                    r["digest"] = calendar_digest(r)
            rows = store.remember_calendar(rows, prune)
            data = to_ics(rows, alarm)
    else:
        from .views import to_csv, to_json

        store = _store(db, readonly=True)
        rows = export_rows(store)
        data = (to_json(rows) + "\n" if fmt == ExportFormat.json else to_csv(rows, MENTION_COLUMNS)).encode("utf-8")
    if out:
        _write_whole(out, data)
        sys.stderr.write(f"wrote {len(rows)} entries to {out}\n")
    else:
        sys.stdout.buffer.write(data)


def _write_whole(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: into a new file beside it, then renamed over it, so that a
    failed export (a full disk, an interruption) leaves the previous one as it was."""
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        _fail(f"--out {path}: a folder is there; give the path of a file")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as e:
        _fail(f"--out {path}: cannot write in {folder} ({e.strerror}); the file there, if any, is as it was; check "
              "the folder and its permissions")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except OSError as e:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        _fail(f"--out {path}: not written ({e.strerror}); the file there, if any, is as it was")


@app.command()
def calendar(
    month: Optional[str] = typer.Argument(None, metavar="MONTH", help="YYYY-MM (default: the month of --as-of)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="WHEN", help="Today, for marking (default: now)."),
    db: Optional[str] = DbOption,
):
    """A month grid like `cal`, with deadlines (red) and plans (cyan) marked, listed below."""
    from .views.calendar_grid import write_month

    today = _as_of(as_of)
    if month:
        try:
            year, mon = (int(x) for x in month.split("-"))
            date(year, mon, 1)
            if year > 9998:
                raise ValueError(month)
        except ValueError:
            _fail(f"month {month!r}: give it as YYYY-MM, e.g. 2020-02")
    else:
        year, mon = today.year, today.month
    first = date(year, mon, 1).isoformat()
    last = date(year + (mon == 12), mon % 12 + 1, 1).isoformat()
    from .store.queries import month_rows

    write_month(year, mon, month_rows(_store(db, readonly=True), first, last), today)


@app.command()
def query(
    sql: str = typer.Argument(..., metavar="SQL", help="One read-only SQL statement, e.g. \"SELECT * FROM upcoming_deadlines\"."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format"),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, max=86400, help="Stop the query after this many seconds."),
    db: Optional[str] = DbOption,
):
    """Run one read-only SQL statement against the store (opened read-only)."""
    store = _store(db, readonly=True)
    columns, rows = store.query(sql, seconds=timeout)
    if not columns:
        sys.stderr.write("timeline: the statement ran and gave no columns (nothing to show)\n")
        return
    dict_rows = [dict(zip(columns, r)) for r in rows]
    _emit_rows(dict_rows, fmt, columns)


def _emit_rows(rows: list[dict], fmt: TableFormat, columns: Optional[list[str]] = None, title: Optional[str] = None):
    from .views import finite, to_csv, to_json
    from .views.table import quiet_closed_pipe

    try:
        if fmt == TableFormat.json:
            _out(to_json(rows))
        elif fmt == TableFormat.nl:
            import json

            for r in rows:
                sys.stdout.write(json.dumps(finite(r), ensure_ascii=False, default=str, allow_nan=False) + "\n")
        elif fmt == TableFormat.csv:
            sys.stdout.write(to_csv(rows, columns))
        if fmt != TableFormat.table:
            sys.stdout.flush()
    except BrokenPipeError:  # `timeline query ... --format nl | head -1`: the reader has what it wanted
        quiet_closed_pipe()
        return
    if fmt == TableFormat.table:
        from .views.listings import rows_sheet
        from .views.table import write

        write(rows_sheet(rows, columns, title))



# -- TimeML ----------------------------------------------------------------------------------------

def _need_batch_extra() -> None:
    from importlib.util import find_spec

    missing = [name for name in ("dask", "distributed", "pandas", "pyarrow") if find_spec(name) is None]
    if missing:
        _fail(f"batch work needs Dask, pandas and pyarrow ({', '.join(missing)} missing); install them with "
              "pip install 'news-timeline[dask]'")


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(k|m|g)?i?b?\s*$", re.IGNORECASE)


def _bytes(text: str) -> int:
    m = _SIZE.match(text)
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"cannot read {text!r} as a size; give one such as 16MB or 200KB")
    return int(float(m.group(1)) * {None: 1, "k": 2**10, "m": 2**20, "g": 2**30}[(m.group(2) or "").lower() or None])


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", help="Parquet files or folders, or JSON Lines files "
                                       "(.jsonl, .jsonl.gz) of articles: an id or url column, text, and optionally "
                                       "published, title and mode. Local paths or any address fsspec reads (s3://...)."),
    out: str = typer.Option(..., "--out", metavar="FOLDER", help="Where the batch goes: articles/, mentions/ and "
                            "errors/ as Parquet, and batch.json once it is complete."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="A running Dask scheduler "
                                            "(tcp://host:8786); default: a cluster on this machine."),
    workers: int = typer.Option(2, "--workers", min=1, max=1024, help="Worker processes of the cluster on this machine."),
    mode: Mode = ModeOption,
    source: str = typer.Option("", "--source", help="Name of the outlet or archive, kept with every article."),
    partition_size: Optional[str] = typer.Option(None, "--partition-size", metavar="SIZE",
                                                 help="Bytes of JSON Lines per partition (default: a few partitions per "
                                                      "worker, at most 4MB; Parquet keeps its own files)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace a batch already in --out."),
):
    """Extract an archive of articles on Dask (this machine's cores, or a cluster), into Parquet.
    Nothing is stored: `timeline add --from-batch FOLDER` stores the result. Exit 0 when every
    article was read, 1 when some were not (each in errors/; the rest written), 2 on errors that
    stop it."""
    _need_batch_extra()
    from .batch.cluster import run_batch

    size = _bytes(partition_size) if partition_size else None
    progress = task = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True, console=_stderr_console())
        progress.start()
        task = progress.add_task("Extracting partitions", total=None)
    try:
        summary = run_batch(inputs, out, scheduler=scheduler, workers=workers, mode=mode.value, source=source,
                            blocksize=size, overwrite=overwrite,
                            on_part=(lambda n, total: progress.update(task, completed=n, total=total)) if progress else None)
    except KeyboardInterrupt:
        if progress:
            progress.stop()
        _fail(f"interrupted; {out} holds no complete batch (no batch.json): run the same batch again with --overwrite", 130)
    finally:
        if progress:
            progress.stop()
    sys.stderr.write(f"read {summary.articles} article{'s' if summary.articles != 1 else ''} ({summary.mentions} mentions) "
                     f"in {summary.partitions} partition{'s' if summary.partitions != 1 else ''} into {out}"
                     + (f"; {summary.errors} could not be read (see {out}/errors)" if summary.errors else "") + "\n")
    if summary.errors:
        raise typer.Exit(1)


def _identity(path: Path) -> tuple[int, int]:
    """A file's identity on disk (the same file under two names has one)."""
    st = os.stat(path)
    return st.st_dev, st.st_ino


@app.command()
def tag(
    inputs: List[Path] = typer.Argument(..., metavar="PATH...", help=".tml / .TE3input files or folders of them."),
    out: Path = typer.Option(..., "--out", help="Folder to write the tagged documents to (created if missing)."),
    mode: Mode = ModeOption,
):
    """TimeML in, TimeML out: the same documents with our TIMEX3 tags in TEXT."""
    if out.exists() and not out.is_dir():
        _fail(f"--out {out}: a file is there; give a folder (it is created if missing)")
    from .engine import story_start
    from .engine import tag as run_tag
    from .timeml import dct_datetime, read_timeml, timeml_files, write_timeml

    files = []
    for p in inputs:
        if p.is_dir():
            files += timeml_files(p)
        elif p.exists():
            files.append(p)
        else:
            _fail(f"{p}: no such file or folder")
    if not files:
        _fail("no .tml or .TE3input files found in the paths given")
    out.mkdir(parents=True, exist_ok=True)
    names = [out / f.name for f in files]
    # each file's identity on disk, read once: comparing every target with every input was 65,536
    # stat calls for TBAQ's 256 files, a third of the command's time
    read = {_identity(f) for f in files}
    for target in names:
        if target.is_symlink():
            _fail(f"--out {out}: {target.name} there is a symbolic link; tag into a folder of plain files (nothing written)")
        if target.exists() and _identity(target) in read:
            _fail(f"--out {out}: {target.name} is one of the documents read; tag into another folder, or the gold "
                  "files would be overwritten (nothing written)")
    for f in files:
        try:
            doc = read_timeml(f)
        except Exception as e:
            _fail(f"{f}: not a readable TimeML document ({e}); check the XML")
        try:
            dct = dct_datetime(doc.dct) if doc.dct else (story_start(doc.text) if mode != Mode.news else None)
        except TimelineError as e:
            _fail(f"{f}: {e}")
        if dct is None:
            _fail(f"{f}: no DCT in the document{'' if mode == Mode.news else ' and no date in its text'}; TimeML input "
                  "needs <DCT><TIMEX3 value=...>, or --mode auto for a narrative that names a date")
        narrative = mode == Mode.narrative or not doc.dct
        (out / f.name).write_text(write_timeml(doc, run_tag(doc.text, dct, narrative=narrative)), encoding="utf-8")
    sys.stderr.write(f"tagged {len(files)} document{'s' if len(files) != 1 else ''} into {out}\n")


@app.command(name="eval")
def evaluate(
    gold: Path = typer.Argument(..., metavar="GOLD", help="Folder of gold TimeML documents."),
    system: Optional[Path] = typer.Argument(None, metavar="SYSTEM", help="Folder of system TimeML output (default: run the engine)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write every miss, spurious and wrong value here (TSV)."),
    fmt: AlertFormat = typer.Option(AlertFormat.text, "--format", help="text or json."),
):
    """TempEval-3 Task A: strict/relaxed extent, type and value precision, recall and F1."""
    from .evaluation import evaluate_folder

    if not gold.is_dir():
        _fail(f"{gold}: not a folder of TimeML documents")
    if system is not None and not system.is_dir():
        _fail(f"{system}: not a folder of TimeML documents")
    score, seconds, words = evaluate_folder(gold, system)
    if errors:
        errors.write_text("".join("\t".join(map(str, e)) + "\n" for e in score.errors), encoding="utf-8")
    table = score.table()
    if fmt == AlertFormat.json:
        from .views import to_json

        _out(to_json({"gold": score.gold, "system": score.system, **table, "seconds": round(seconds, 3), "words": words}))
        return
    _out(f"gold {score.gold}  system {score.system}  ({words} words, {seconds:.2f} s)")
    _out(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
    for k in ("strict", "relaxed", "type", "value"):
        v = table[k]
        _out(f"{k:10}{v['precision']:8.2f}{v['recall']:8.2f}{v['f1']:8.2f}")


def _for_command(args: List[str]) -> typer.Typer:
    """The application as one command needs it: where the arguments name a command, a copy that
    holds that command alone, so that start-up converts one command's parameters, not all of them
    (a tenth of `extract`'s start-up). Anything else (help, a misspelt command) gets the whole."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i].startswith("--db="):
            i += 1
        elif args[i] == "--db":
            i += 2
        else:
            return app  # --help, --version, completion: they speak of every command
    if i >= len(args):
        return app
    name = args[i]
    commands = [c for c in app.registered_commands
                if (c.name or c.callback.__name__.lower().replace("_", "-")) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    only = copy.copy(app)
    only.registered_commands, only.registered_groups = commands, groups
    return only


def main() -> None:
    """Entry point: turn a TimelineError into one line on stderr and exit 2, never a traceback."""
    try:
        code = _for_command(sys.argv[1:])(standalone_mode=False)
    except TimelineError as e:
        sys.stderr.write(f"timeline: {e}\n")
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        sys.stderr.write("timeline: aborted\n")
        sys.exit(130)
    except KeyboardInterrupt:
        sys.stderr.write("timeline: interrupted; the store keeps every article added before this one\n")
        sys.exit(130)
    except OverflowError as e:
        sys.stderr.write(f"timeline: a date or number is out of range ({e}); give dates between the years 1 and 9999 "
                         "and spans and counts of a sensible size\n")
        sys.exit(2)
    except OSError as e:
        sys.stderr.write(f"timeline: {e.filename or ''}: {e.strerror or e}; check the path\n")
        sys.exit(2)
    except Exception as e:
        # Usage errors from the command-line parser (typer carries its own copy of click, so they
        # are recognised by shape): one line naming the problem, as for every other error.
        if callable(getattr(e, "format_message", None)) and isinstance(getattr(e, "exit_code", None), int):
            if e.format_message().strip():  # a bare `timeline` (or `timeline feeds`) has shown its help: no more to say
                sys.stderr.write(f"timeline: {e.format_message()} (see timeline --help)\n")
            sys.exit(e.exit_code or 2)
        raise
    sys.exit(code if isinstance(code, int) else 0)

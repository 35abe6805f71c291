"""Tables as a person or a script reads them: the one place that decides widths, escaping, the
pager and what goes into a pipe.

A view builds a `Sheet` (columns and rows of cells); `write` sends it out. On a terminal: fitted
to its width, a cell too long for its column cut with an ellipsis and never broken mid-word,
columns marked `optional` dropped below 100 columns, long output through a pager as git does
(`$TIMELINE_PAGER`, else `$PAGER`, else `less`; `timeline --no-pager` or an empty
`TIMELINE_PAGER` turns it off). Into a pipe or a file: plain lines, columns two spaces apart,
no box drawing and no colour, so that grep and cut work. Rows are written as they are rendered,
so a long listing starts at once and stops when the pager is closed.
"""
from __future__ import annotations

import io
import os
import shlex
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Optional, Sequence, TextIO, Union

from . import visible

if TYPE_CHECKING:
    from rich.text import Text

# A cell: text (a `Styled` one keeps its style for a terminal), or a rich Text built by a caller.
# rich is imported only where a terminal is written to: a pipe never needs it.
Cell = Union[str, "Text"]
# A terminal narrower than this drops a sheet's optional columns.
NARROW = 100
# Rows rendered at a time on a terminal: every piece is laid out with the same column widths.
PIECE = 200
GAP = 2  # spaces between columns in a pipe


@dataclass
class Column:
    name: str
    ratio: Optional[int] = None  # on a terminal, its share of the width left once others fit
    no_wrap: bool = False  # short values (a date) never wrap
    optional: bool = False  # dropped on a terminal narrower than NARROW


@dataclass
class Sheet:
    columns: list[Column]
    title: Optional[str] = None
    notes: Optional[str] = None  # what the rows alone do not say, after them
    start_at: Optional[str] = None  # a line a pager opens at (the timeline's "today"), where the pager can
    rows: list[tuple[Cell, ...]] = field(default_factory=list)

    def add(self, *cells: Optional[Cell]) -> None:
        """A row. Text from an article or a query comes as str and is shown as text, never as
        markup, with control characters made visible; styled cells come as `Styled` or rich Text."""
        # a printable str (most cells) as it is, without a call for each
        self.rows.append(tuple([c if type(c) is str and c.isprintable() else _cell(c) for c in cells]))


def _cell(value) -> Cell:
    return value if isinstance(value, Styled) or _is_rich(value) else visible(value)


def _is_rich(value) -> bool:
    return type(value).__module__.startswith("rich.")


class Styled(str):
    """A cell's text with the style it takes on a terminal, on the whole of it or on `span` (the
    characters from, to): plain text in a pipe, where a rich Text for each of 60,000 rows cost a
    third of a second for nothing, and importing rich a tenth of `extract`'s start."""
    style: str
    span: Optional[tuple[int, int]]

    def __new__(cls, text: str, style: str, span: Optional[tuple[int, int]] = None) -> "Styled":
        cell = super().__new__(cls, text)
        cell.style, cell.span = style, span
        return cell


def styled(text: str, style: str) -> Styled:
    """A cell in a style (a kind, an overdue count), its text made visible."""
    return Styled(visible(text), style)


def _rich(cell: Cell) -> Cell:
    if not isinstance(cell, Styled):
        return cell
    from rich.text import Text

    if cell.span is None:
        return Text(cell, style=cell.style)
    text = Text(cell)
    text.stylize(cell.style, *cell.span)
    return text


def write(sheet: Sheet, out: Optional[TextIO] = None) -> None:
    """The sheet on standard output (or `out`): for a terminal or for a pipe, as described above."""
    stream = out or sys.stdout
    if not stream.isatty():
        _write_plain(sheet, stream)
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    width = console.width
    with paged(stream, sheet.start_at) as target:
        if target is not stream:
            console = Console(file=target, highlight=False, soft_wrap=False, force_terminal=True, width=width,
                              color_system=console.color_system)
            console.on_broken_pipe = _reader_gone  # rich would exit 1; a closed pager is no error
        _write_terminal(sheet, console)


def _cell_text(cell: Cell) -> str:
    return cell.plain if _is_rich(cell) else cell


def _plain_cells(row: tuple[Cell, ...]) -> list[str]:
    """A row's cells as one line's texts. A row of str cells is joined, mended and split again in
    three calls rather than one a cell: no cell holds a raw U+001F, which `visible` writes out."""
    try:
        return "\x1f".join(row).replace("\n", " ").split("\x1f")
    except TypeError:  # a rich Text among the cells
        return [_cell_text(c).replace("\n", " ") for c in row]


# Lines written to a pipe at a time: few enough that `| head` stops the writing soon.
_LINES_AT_ONCE = 500


def _write_plain(sheet: Sheet, stream: TextIO) -> None:
    columns = sheet.columns
    texts = [_plain_cells(row) for row in sheet.rows]
    widths = [max(len(c.name), max(map(len, cells))) for c, cells in zip(columns, zip(*texts))] if texts \
        else [len(c.name) for c in columns]
    # every column padded but the last, two spaces apart
    layout = (" " * GAP).join([f"{{:<{w}}}" for w in widths[:-1]] + ["{}"]).format
    try:
        stream.write(layout(*[visible(c.name) for c in columns]).rstrip() + "\n")
        for first in range(0, len(texts), _LINES_AT_ONCE):
            stream.write("".join([layout(*row).rstrip() + "\n" for row in texts[first:first + _LINES_AT_ONCE]]))
        if sheet.notes:
            stream.write(visible(sheet.notes) + "\n")
        stream.flush()
    except BrokenPipeError:  # `timeline show | head`: the reader has what it wanted
        quiet_closed_pipe()


def _write_terminal(sheet: Sheet, console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    keep = [i for i, c in enumerate(sheet.columns) if not (c.optional and console.width < NARROW)]
    columns = [sheet.columns[i] for i in keep]
    rows = [tuple(row[i] for i in keep) for row in sheet.rows]
    widths = _fit(columns, rows, console.width) if len(rows) > PIECE else None
    if sheet.title:
        console.print(Text(visible(sheet.title), style="bold"), overflow="ellipsis", no_wrap=True)
    for first in range(0, max(len(rows), 1), PIECE):
        table = Table(box=box.SIMPLE_HEAD, show_header=first == 0, header_style="bold", show_edge=False,
                      pad_edge=False, expand=False)
        for n, c in enumerate(columns):
            fixed = widths[n] if widths else None
            table.add_column(Text(visible(c.name)), overflow="ellipsis", no_wrap=c.no_wrap, ratio=c.ratio, min_width=fixed,
                             max_width=fixed)
        for row in rows[first:first + PIECE]:
            table.add_row(*map(_rich, row))
        console.print(table)
    if sheet.notes:
        console.print(Text(visible(sheet.notes), style="dim"))


def _fit(columns: list[Column], rows: list[tuple[Cell, ...]], width: int) -> list[int]:
    """Column widths for a sheet rendered in pieces: each column as wide as its longest cell,
    the widest shrunk (ratio columns first) until the row fits the terminal."""
    from rich.cells import cell_len

    natural = [max([cell_len(c.name)] + [cell_len(_cell_text(r[i])) for r in rows]) for i, c in enumerate(columns)]
    room = width - (GAP + 1) * (len(columns) - 1)
    widths = list(natural)
    while sum(widths) > room:
        # the ratio column gives way first, then the widest of the rest; none below its heading
        candidates = [i for i, c in enumerate(columns) if c.ratio and widths[i] > len(c.name) + 1] or \
                     [i for i, c in enumerate(columns) if not c.no_wrap and widths[i] > len(c.name) + 1]
        if not candidates:
            break
        i = max(candidates, key=lambda j: widths[j])
        widths[i] -= max(1, (sum(widths) - room) // len(candidates))
    return widths


def pager_command() -> Optional[list[str]]:
    """The pager to run, or None: $TIMELINE_PAGER, else $PAGER, else less where it is installed.
    An empty value or "cat" means no pager."""
    for name in ("TIMELINE_PAGER", "PAGER"):
        if name in os.environ:
            value = os.environ[name].strip()
            try:
                return None if value in ("", "cat") else shlex.split(value)
            except ValueError:  # an unclosed quote: no pager rather than no output
                return None
    return ["less"] if shutil.which("less") else None


@contextmanager
def paged(stream: TextIO, start_at: Optional[str] = None) -> Iterator[TextIO]:
    """A stream through the pager when `stream` is a terminal and a pager is set, as git does:
    less is told to quit at once when everything fits on one screen (LESS=FRX unless set), so
    short output reads as if no pager ran, and to open at `start_at` (a long timeline opens at
    today, not at its oldest year). Ctrl-C is left to the pager while it runs."""
    command = pager_command() if stream.isatty() else None
    if command is not None and start_at and os.path.basename(command[0]) == "less":
        command = command + [f"+/{start_at}"]  # our own words: letters, digits, spaces, hyphens
    if command is None:
        yield stream
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        yield stream  # a pager that cannot start: write straight to the terminal
        return
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread (the Python API): Ctrl-C is not ours to hold
        previous = None
    target = io.TextIOWrapper(proc.stdin, encoding="utf-8", errors="replace", write_through=False)
    try:
        yield target
        target.flush()
    except BrokenPipeError:
        pass  # the reader closed the pager before the end
    finally:
        try:
            target.close()
        except OSError:
            pass
        proc.wait()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _reader_gone() -> None:
    raise BrokenPipeError


def quiet_closed_pipe() -> None:
    """After a broken pipe, send what is left for standard output nowhere, so that Python's own
    flush at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

"""A month grid like `cal`, with the days that hold deadlines and plans marked."""
from __future__ import annotations

import calendar as _cal
from datetime import date


def month_grid(year: int, month: int, marks: dict[int, str], today: date | None = None):
    """A rich Table for one month; `marks` maps a day to the kind to colour it by."""
    from rich.table import Table

    from . import KIND_STYLE

    table = Table(title=date(year, month, 1).strftime("%B %Y"), show_edge=False, pad_edge=False, box=None)
    for name in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"):
        table.add_column(name, justify="right")
    for week in _cal.Calendar(firstweekday=0).monthdayscalendar(year, month):
        cells = []
        for day in week:
            if day == 0:
                cells.append("")
                continue
            style = KIND_STYLE.get(marks.get(day, ""), ("", ""))[0]
            if today == date(year, month, day):
                style = (style + " reverse").strip()
            cells.append(f"[{style}]{day}[/]" if style else str(day))
        table.add_row(*cells)
    return table


def write_month(year: int, month: int, rows: list[dict], today: date, out=None) -> None:
    """The month's grid and, below it, each deadline and plan on its day. On a terminal in colour,
    a line too long cut with an ellipsis; into a pipe plain, each line whole."""
    import sys

    from rich.console import Console
    from rich.text import Text

    from . import visible

    stream = out or sys.stdout
    marks: dict[int, str] = {}
    for r in rows:
        day = int(r["day"][8:10])
        if marks.get(day) != "deadline":
            marks[day] = r["kind"]
    terminal = stream.isatty()
    console = Console(file=stream, highlight=False, soft_wrap=not terminal, color_system="auto" if terminal else None)
    console.print(month_grid(year, month, marks, today))
    for r in rows:
        line = Text(r["day"], style="bold red" if r["kind"] == "deadline" else "cyan")
        line.append(f" {r['kind']}: ")
        line.append(visible(r["what"] or ""))
        if terminal:
            console.print(line, overflow="ellipsis", no_wrap=True)
        else:
            stream.write(line.plain + "\n")

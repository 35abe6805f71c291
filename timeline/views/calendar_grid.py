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

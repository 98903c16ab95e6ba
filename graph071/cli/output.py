"""The one output helper every command uses: a readable table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

Column = tuple[str, str]  # (key in the row, header users read)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def print_json(data: Any) -> None:
    """Write `data` as indented UTF-8 JSON to standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> None:
    """Write `rows` as CSV with the column keys as header."""
    writer = csv.writer(sys.stdout)
    writer.writerow([key for key, _ in columns])
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key, _ in columns])


def console():
    """Return a rich console for standard output (imported late: it costs start-up time)."""
    from rich.console import Console

    # Piped into a file or another program there is no terminal width: do not squeeze to 80.
    width = None if sys.stdout.isatty() else 140
    return Console(highlight=False, soft_wrap=False, width=width)


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], *,
                title: str | None = None, empty: str = "Niets gevonden.") -> None:
    """Write `rows` as a readable table; `empty` when there are none."""
    from rich.table import Table

    out = console()
    if not rows:
        if title:
            out.print(f"[bold]{title}[/bold]")
        out.print(empty)
        return
    table = Table(title=title, title_justify="left", title_style="bold", show_lines=False)
    for _, header in columns:
        table.add_column(header)
    for row in rows:
        table.add_row(*(escape(_cell(row.get(key))) for key, _ in columns))
    out.print(table)


def escape(text: str) -> str:
    """Return `text` with rich markup escaped, so data prints as written."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[Column], *, fmt: str = "table",
         title: str | None = None, empty: str = "Niets gevonden.") -> None:
    """Write `rows` in the format the user chose: "table" (default), "json" or "csv"."""
    if fmt == "json":
        print_json(list(rows))
    elif fmt == "csv":
        print_csv(rows, columns)
    else:
        print_table(rows, columns, title=title, empty=empty)

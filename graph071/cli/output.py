"""The one output helper every command uses: a table that fits the terminal, JSON, CSV for
Excel (of the tables a command shows, with --csv), and with --xlsx PATH a workbook of them."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from graph071 import i18n
from graph071.errors import Graph071Error

Column = tuple[str, str]  # (key in the row, header users read)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return i18n.text("output:yes", "yes") if value else i18n.text("output:no", "no")
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def said(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> tuple[list[dict[str, Any]], list[Column]]:
    """Return `rows` and `columns` as users read them in the language in use.

    Headers are written in Dutch in the commands; the catalogue's row "header:<Dutch
    header>" gives the English one. A node or edge kind in a "kind" cell becomes its label
    (Organisatie, Actie; Organisation, Action with --lang en). JSON keeps the kinds as data.
    """
    from graph071.schema import EDGE_KINDS, NODE_KINDS, label

    columns = [(key, i18n.text(f"header:{header}", header)) for key, header in columns]
    if not any(key == "kind" for key, _ in columns):
        return list(rows), columns
    kinds = NODE_KINDS.keys() | EDGE_KINDS.keys()
    return [{**row, "kind": label(row["kind"])} if row.get("kind") in kinds else row for row in rows], columns


def print_json(data: Any) -> None:
    """Write `data` as indented UTF-8 JSON to standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[Column], *,
              title: str | None = None, first: bool = True) -> None:
    """Write `rows` as CSV that Dutch Excel opens as columns: a UTF-8 byte order mark,
    ';' between cells, the Dutch headers and decimal commas (graph071.io.tables).

    With `title`, a row with the title comes first; `first` False leaves out the byte
    order mark and starts with an empty row (a further table of the same file).
    """
    from graph071.io.safe import spreadsheet_row, terminal_text
    from graph071.io.tables import csv_text

    rows, columns = said(rows, columns)
    # Spreadsheet-safe (no formulas) and no terminal escapes, as graph071.io.safe says.
    safe = [{key: terminal_text(str(row.get(key))) if isinstance(row.get(key), str)
             else row.get(key) for key, _ in columns} for row in rows]
    text = csv_text(safe, columns, cells=spreadsheet_row)
    if title:
        heading = csv_text([], [("", title)], cells=spreadsheet_row)
        text = heading + text.removeprefix("\ufeff")
    sys.stdout.write(text if first else "\r\n" + text.removeprefix("\ufeff"))


@contextmanager
def collecting(tables: ContextVar[list | None]) -> Iterator[list]:
    """Give the list that print_table adds its tables to while inside (--csv, --xlsx)."""
    found: list = []
    token = tables.set(found)
    try:
        yield found
    finally:
        tables.reset(token)


# The tables a command prints while --csv is in force (see tables_as_csv).
_CSV_TABLES: ContextVar[list | None] = ContextVar("graph071_csv_tables", default=None)


@contextmanager
def tables_as_csv(active: bool) -> Iterator[None]:
    """While in force (`active`), the tables a command prints are written as CSV for Excel
    instead (print_csv), and its other lines go to standard error. Several tables follow
    one another, each under its title; a command that printed no table raises Graph071Error.
    """
    if not active:
        yield
        return
    from graph071 import i18n

    with collecting(_CSV_TABLES) as tables:
        yield
    if not tables:
        raise Graph071Error(i18n.text("csv:no-table", "no table to write as CSV"),
                            hint=i18n.text("csv:no-table-hint", "this command shows no table; use --json"))
    for index, (rows, columns, title) in enumerate(tables):
        print_csv(rows, columns, title=title if len(tables) > 1 else None, first=index == 0)


# The tables a command prints while --xlsx PATH is in force (see tables_to_xlsx).
_LISTINGS: ContextVar[list | None] = ContextVar("graph071_listings", default=None)


@contextmanager
def tables_to_xlsx(path: Path | None) -> Iterator[None]:
    """While in force, every table printed also becomes a sheet of the workbook `path`.

    The workbook is written when the command is done; a command that printed no table
    (--json, or nothing found) raises Graph071Error rather than write an empty file.
    """
    if path is None:
        yield
        return
    from graph071.io.tables import check_xlsx_path, write_workbook

    check_xlsx_path(Path(path))
    with collecting(_LISTINGS) as listings:
        yield
    if not listings:
        raise Graph071Error(i18n.text("error:output.no_table", "{path}: no table to put in the workbook", path=path),
                            hint=i18n.text("error:output.no_table.hint", "--xlsx keeps the tables the command shows; "
                                           "leave out --json"))
    write_workbook(Path(path), listings)
    sys.stderr.write(i18n.text("xlsx:written", "Workbook written: {path}", path=path) + "\n")


def collect_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column],
                  title: str | None) -> None:
    """Add a table to the workbook of tables_to_xlsx, when one is being made."""
    listings = _LISTINGS.get()
    if listings is not None:
        from graph071.io.tables import Listing

        rows, columns = said(rows, columns)
        listings.append(Listing(title or i18n.text("output:table", "table"), list(rows), list(columns)))


def console():
    """Return a rich console for standard output (imported late: it costs start-up time).

    In a terminal the table fits its width; piped, it fits COLUMNS when that is set
    (COLUMNS=80 graph071 hubs > hubs.txt) and is 140 characters wide otherwise.
    """
    from rich.console import Console

    if _CSV_TABLES.get() is not None:  # --csv: standard output holds only the CSV
        return Console(highlight=False, soft_wrap=False, file=sys.stderr)
    columns = os.environ.get("COLUMNS", "")
    if sys.stdout.isatty() or columns.isdigit():
        width = int(columns) if columns.isdigit() else None
    else:
        width = 140
    return Console(highlight=False, soft_wrap=False, width=width)


def is_number(value: Any) -> bool:
    """True for an int or float cell (not a bool): numbers align right and never wrap."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


MAX_WORD = 22  # a text column is at least this wide, or as wide as its longest word
SHORT_WORD = 8  # ... and never narrower than this (or its longest word) when room is short
NUMERIC_TEXT = re.compile(r"^[-+]?\d[\d.,]*\s?%?$")


def looks_numeric(value: Any) -> bool:
    """True for numbers and texts that read as one ("17.1%"), and for empty cells.

    >>> looks_numeric(3), looks_numeric("17.1%"), looks_numeric("gemeente"), looks_numeric(None)
    (True, True, False, True)
    """
    return value is None or is_number(value) or bool(NUMERIC_TEXT.match(str(value)))


def shown_columns(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> list[Column]:
    """Return `columns` without those that are 0 on every row (they only take room).

    >>> shown_columns([{"a": "x", "b": 0, "c": 1}, {"a": "y", "b": 0.0, "c": 0}],
    ...               [("a", "A"), ("b", "B"), ("c", "C")])
    [('a', 'A'), ('c', 'C')]
    """
    if not rows:
        return list(columns)
    kept = [(key, header) for key, header in columns
            if not all(is_number(row.get(key)) and row.get(key) == 0 for row in rows)]
    return kept or list(columns[:1])


def table_cell(value: Any) -> str:
    """Return a cell as a terminal table shows it: floats with three significant digits.

    >>> table_cell(0.534567), table_cell(56.0), table_cell(12)
    ('0.535', '56', '12')
    """
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return _cell(value)


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], *,
                title: str | None = None, empty: str | None = None) -> None:
    """Write `rows` as a table that fits the terminal; `empty` when there are none.

    Names wrap (a word too long for its column is folded, never cut to "…"), numbers
    align right and never wrap, and columns that are 0 on every row are left out.
    With --xlsx the table also goes into the workbook (see tables_to_xlsx).
    """
    from rich import box
    from rich.table import Table

    collect_table(rows, columns, title)
    rows, columns = said(rows, columns)
    as_csv = _CSV_TABLES.get()
    if as_csv is not None:
        as_csv.append((list(rows), list(columns), title))
        return
    out = console()
    if not rows:
        if title:
            out.print(f"[bold]{escape(title)}[/bold]")
        out.print(empty or i18n.text("output:nothing", "Nothing found."))
        return
    shown = shown_columns(rows, columns)
    numeric = {key for key, _ in shown if all(looks_numeric(row.get(key)) for row in rows)}
    widest = {key: max(len(table_cell(row.get(key))) for row in rows) for key, _ in shown}
    headers, notes = fitting_headers(shown, numeric, widest, out.width)
    fixed = {key: max(widest[key], len(header)) for (key, _), header in zip(shown, headers)
             if key in numeric}
    texts = [key for key, _ in shown if key not in numeric]
    words = {key: min(MAX_WORD, max((len(w) for row in rows for w in table_cell(row.get(key)).split()),
                                    default=1)) for key in texts}
    for (key, _), header in zip(shown, headers):  # a header word stays whole too
        if key in texts:
            words[key] = max(words[key], min(MAX_WORD, max(map(len, header.split()), default=1)))
    natural = {key: max(widest[key], max(len(w) for w in header.split()) if header.split() else 1)
               for (key, _), header in zip(shown, headers) if key in texts}
    room = out.width - 2 * len(shown) - sum(fixed.values())
    widths = text_widths([natural[k] for k in texts], [words[k] for k in texts], room)
    table = Table(title=title, title_justify="left", title_style="bold", show_lines=False,
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    text_width = dict(zip(texts, widths))
    for (key, _), header in zip(shown, headers):
        if key in numeric:
            table.add_column(header, justify="right", no_wrap=True, width=fixed[key])
        else:
            table.add_column(header, overflow="fold", width=text_width[key])
    for row in rows:
        table.add_row(*(escape(table_cell(row.get(key))) for key, _ in shown))
    out.print(table)
    if notes:
        out.print(escape(i18n.text("output:abbreviations", "Abbreviations: ") + ", ".join(notes)), style="dim")


def text_widths(natural: Sequence[int], minimum: Sequence[int], room: int) -> list[int]:
    """Return widths for text columns that share `room` characters.

    Each gets its natural width when all fit; otherwise first its minimum (its longest
    word), and what is left goes to the columns that still want more, in proportion.

    >>> text_widths([10, 20], [5, 8], 40)
    [10, 20]
    >>> text_widths([30, 30], [8, 8], 40)
    [20, 20]
    >>> text_widths([30, 10], [14, 10], 30)
    [20, 10]
    >>> text_widths([19, 16], [14, 16], 25)
    [14, 11]
    """
    if sum(natural) <= room:
        return list(natural)
    widths = [min(n, m) for n, m in zip(natural, minimum)]
    if sum(widths) > room:  # even the longest words do not fit: the names keep theirs
        names = next((i for i, (n, m) in enumerate(zip(natural, widths)) if n > 2 * m), 0)
        return squeezed(widths, sum(widths) - room, names)
    left = room - sum(widths)
    wanting = [n - w for n, w in zip(natural, widths)]
    total = sum(wanting)
    extra = [int(left * want / total) if total else 0 for want in wanting]
    return [w + e for w, e in zip(widths, extra)]


def squeezed(widths: Sequence[int], short: int, keep: int = 0) -> list[int]:
    """Return `widths` made `short` characters narrower in all: column `keep` (the names)
    last, the others in proportion to their width, none below SHORT_WORD.

    >>> squeezed([14, 16], 5)
    [14, 11]
    >>> squeezed([7, 19, 16, 6], 6, keep=1)
    [7, 19, 10, 6]
    """
    weight = [0 if i == keep else w for i, w in enumerate(widths)]
    total = sum(weight) or 1
    cut = [min(w - min(w, SHORT_WORD), int(short * g / total)) for w, g in zip(widths, weight)]
    while sum(cut) < short:
        able = [i for i in range(len(widths)) if widths[i] - cut[i] > min(widths[i], SHORT_WORD)]
        if not able:
            break
        pick = max([i for i in able if i != keep] or able, key=lambda i: widths[i] - cut[i])
        cut[pick] += 1
    return [w - c for w, c in zip(widths, cut)]


def fitting_headers(columns: Sequence[Column], numeric: set[str], widest: dict[str, int],
                    width: int) -> tuple[list[str], list[str]]:
    """Return the headers to print and the abbreviations used ("Trek. = Trekker").

    When the table is wider than `width`, a number column whose header is wider than
    its numbers gets the header's first letters and a dot, so the names keep the room.

    >>> fitting_headers([("n", "Naam"), ("t", "Trekker")], {"t"}, {"n": 30, "t": 2}, 80)
    (['Naam', 'Trekker'], [])
    >>> fitting_headers([("n", "Naam"), ("t", "Trekker")], {"t"}, {"n": 30, "t": 2}, 38)
    (['Naam', 'Tr.'], ['Tr. = Trekker'])
    """
    natural = sum(max(len(header), widest[key]) for key, header in columns) + len(columns)
    headers = [header for _, header in columns]
    if natural <= width:
        return headers, []
    for letters in (4, 2):  # "Trek.", and when that is still too wide "Tr."
        shortened = [header[:max(widest[key], letters)].rstrip() + "."
                     if key in numeric and len(header) > max(widest[key], letters) + 1 else header
                     for key, header in columns]
        total = sum(max(len(h), widest[key]) for (key, _), h in zip(columns, shortened))
        texts = sum(MAX_WORD for key, _ in columns if key not in numeric)
        if total + len(columns) + texts // 2 <= width:
            break
    notes = [f"{short} = {header}" for short, (_, header) in zip(shortened, columns)
             if short != header]
    return shortened, notes


def escape(text: str) -> str:
    """Return data as safe terminal text: no escape sequences, no rich markup."""
    from rich.markup import escape as rich_escape

    from graph071.io.safe import terminal_text

    return rich_escape(terminal_text(text))


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[Column], *, fmt: str = "table",
         title: str | None = None, empty: str | None = None) -> None:
    """Write `rows` in the format the user chose: "table" (default), "json" or "csv"."""
    if fmt == "json":
        print_json(list(rows))
    elif fmt == "csv":
        print_csv(rows, columns)
    else:
        print_table(rows, columns, title=title, empty=empty)

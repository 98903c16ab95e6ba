"""Tables for Excel: a workbook of listings (--xlsx) and CSV that Dutch Excel opens as columns.

A listing is a title, rows (dicts) and columns (key, Dutch header). The workbook
gets one sheet per listing with the Dutch headers in bold, an autofilter, column
widths that fit the text and a frozen header row; numbers stay numbers. The CSV
uses ';' between cells and a UTF-8 byte order mark, which is what Excel with Dutch
settings needs to split the columns and keep é and ë; decimals get a comma.
Every file is written by save_workbook or write_csv_text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph071 import i18n
from graph071.errors import Graph071Error

CSV_DELIMITER = ";"
MAX_WIDTH = 60  # characters; longer texts wrap inside their cell
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Listing:
    """One table a command shows: its title, rows and (key, Dutch header) columns."""

    title: str
    rows: list[dict[str, Any]]
    columns: list[tuple[str, str]]


def cell_value(value: Any) -> Any:
    """Return a value as a spreadsheet cell holds it: numbers stay numbers, lists become text.

    >>> cell_value(3), cell_value(["a", "b"]), cell_value(True), cell_value(None)
    (3, 'a, b', 'ja', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(cell_value(v)) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {cell_value(v)}" for k, v in value.items())
    return str(value)


def sheet_names(titles: Sequence[str]) -> list[str]:
    """Return one valid, distinct Excel sheet name per title (31 characters at most).

    >>> sheet_names(["Zonder trekker (12)", "Zonder trekker (12)", "a/b"])
    ['Zonder trekker (12)', 'Zonder trekker (12) 2', 'a-b']
    """
    names: list[str] = []
    for title in titles:
        base = SHEET_NAME.sub("-", title or "tabel").strip()[:31] or "tabel"
        name, number = base, 2
        while name.lower() in (n.lower() for n in names):
            suffix = f" {number}"
            name, number = base[:31 - len(suffix)] + suffix, number + 1
        names.append(name)
    return names


def check_xlsx_path(path: Path) -> None:
    """Raise Graph071Error unless `path` is an .xlsx file in an existing folder."""
    if path.suffix.lower() != ".xlsx":
        raise Graph071Error(i18n.text("error:tables.xlsx", "{path}: --xlsx writes an Excel workbook", path=path),
                            hint=i18n.text("error:tables.xlsx.hint", "end the file name in .xlsx"))
    if not path.parent.is_dir():
        raise Graph071Error(i18n.text("error:no_folder", "{path}: folder {folder} does not exist", path=path,
                                      folder=path.parent),
                            hint=i18n.text("error:no_folder.hint", "create the folder first or choose another path"))


def write_workbook(path: Path, listings: Sequence[Listing]) -> Path:
    """Write `listings` to the workbook `path`, one sheet each; return the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    check_xlsx_path(path)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for listing, name in zip(listings, sheet_names([item.title for item in listings])):
        sheet = workbook.create_sheet(name)
        sheet.append([header or key for key, header in listing.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in listing.rows:
            sheet.append([cell_value(row.get(key)) for key, _ in listing.columns])
        for index, (key, header) in enumerate(listing.columns, start=1):
            texts = [str(cell_value(row.get(key))) for row in listing.rows[:500]]
            width = max([len(header or key), *(len(t) for t in texts)])
            sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
            if width > MAX_WIDTH:
                for cell in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell[0].alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        last = get_column_letter(max(1, len(listing.columns)))
        sheet.auto_filter.ref = f"A1:{last}{max(1, len(listing.rows) + 1)}"
    return save_workbook(workbook, path)


def save_workbook(workbook: Any, path: Path) -> Path:
    """Save an openpyxl workbook to `path` at once (graph071.io.safe); return the path."""
    from graph071.io.safe import atomic_path

    with atomic_path(path) as temporary:
        workbook.save(temporary)
    return path


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]],
             cells: Callable[[list[Any]], list[Any]] = list) -> str:
    """Return `rows` as CSV for Dutch Excel: BOM, ';' between cells, decimal comma; each
    row's cells pass through `cells` (e.g. graph071.io.safe.spreadsheet_row).

    >>> csv_text([{"naam": "Café", "score": 2.5}], [("naam", "Naam"), ("score", "Score")])
    '\\ufeffNaam;Score\\r\\nCafé;2,5\\r\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER)
    writer.writerow([header or key for key, header in columns])
    for row in rows:
        writer.writerow(cells([_csv_cell(cell_value(row.get(key))) for key, _ in columns]))
    return "\ufeff" + out.getvalue()


def _csv_cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)

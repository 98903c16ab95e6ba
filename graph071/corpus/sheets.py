"""Users' own lists as tables: .xlsx (openpyxl) and .csv, every cell with its sheet, row and column.

The spreadsheet loaders and the corrections read through here, so that every
message can name the file, the sheet, the row and the column, and so that a
bad file is refused whole: all its problems are collected first and raised
together as one SheetError, before anything of it reaches the graph.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph071 import i18n
from graph071.errors import InputError
from graph071.corpus.organisations import normalise

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
SPREADSHEET_SUFFIXES = XLSX_SUFFIXES + CSV_SUFFIXES
# Several names (or notes) in one cell: "gemeente Leiden; Universiteit Leiden".
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """A documented column of a user's list: its header, what it holds, and an example."""

    name: str  # the header the template writes; matching ignores case, spaces and "_"
    description: str
    required: bool = False
    aliases: tuple[str, ...] = ()  # other headers users write, e.g. the Dutch word
    example: str = ""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a user's file, at a sheet, row and column."""

    sheet: str  # "" for a .csv file, which has no sheets
    row: int  # as Excel numbers it (the header is usually row 1); 0 for the whole file
    column: str  # the column's header as written, or "" for the whole row
    letter: str  # the column letter Excel shows, or ""
    message: str

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(i18n.text("error:sheets.sheet", "sheet {sheet!r}", sheet=self.sheet))
        if self.row:
            where.append(i18n.text("error:sheets.row", "row {row}", row=self.row))
        if self.column:
            where.append(i18n.text("error:sheets.column", "column {column!r}", column=self.column)
                         + (f" ({self.letter})" if self.letter else ""))
        return f"{', '.join(where)}: {self.message}" if where else self.message


class SheetError(InputError):
    """A user's file that is refused whole; `problems` lists every problem found in it."""

    def __init__(self, path: object, problems: Sequence[Problem]) -> None:
        # In reading order, as a user goes through the sheet: by row, then column.
        self.problems = sorted(problems, key=lambda p: (p.sheet, p.row, len(p.letter), p.letter))
        if len(self.problems) == 1:
            message = i18n.text("error:sheets.refused_one", "{problem}; nothing from this file was loaded",
                                problem=self.problems[0])
        else:
            message = (i18n.text("error:sheets.refused", "{count} problems, nothing from this file was loaded:",
                                 count=len(self.problems)) + "\n"
                       + "\n".join(f"  {problem}" for problem in self.problems))
        super().__init__(path, message)


@dataclass
class Row:
    """One row of a user's list: the cells of the known columns as text."""

    sheet: str
    number: int
    cells: dict[str, str]  # column name -> text ("" when empty)
    headers: dict[str, str]  # column name -> the header as written
    letters: dict[str, str]  # column name -> column letter

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def problem(self, column: str, message: str) -> Problem:
        """Return a Problem at this row, in `column` ("" for the whole row)."""
        return Problem(self.sheet, self.number, self.headers.get(column, column),
                       self.letters.get(column, ""), message)

    def cell(self, column: str) -> str:
        """Return where a cell is, as Excel users say it: "B5" (or "acties!B5")."""
        reference = f"{self.letters.get(column, '?')}{self.number}"
        return f"{self.sheet}!{reference}" if self.sheet else reference

    def quote(self, columns: Sequence[str] | None = None) -> str:
        """Return the row as a readable quote: "header: value | header: value"."""
        names = columns or list(self.cells)
        return " | ".join(f"{self.headers.get(c, c)}: {self.cells[c]}" for c in names
                          if self.cells.get(c))


@dataclass
class Table:
    """A user's list as read: the sheet it came from, its rows and the columns not read."""

    path: Path
    sheet: str
    rows: list[Row]
    headers: dict[str, str]  # column name -> the header as written
    letters: dict[str, str]
    header_row: int
    # (header as written, column letter, the declared column it probably means, or "")
    unknown_columns: list[tuple[str, str, str]] = field(default_factory=list)
    other_sheets: list[str] = field(default_factory=list)  # sheets in the workbook not read
    hidden_rows: list[int] = field(default_factory=list)  # read, but hidden in Excel
    hidden_sheets: list[str] = field(default_factory=list)  # hidden in Excel (read or not)


@dataclass
class Grid:
    """A sheet's cells as text, with what Excel shows but plain values do not say."""

    sheet: str
    rows: list[tuple[int, list[str]]]  # (row number as Excel shows it, cell texts)
    others: list[str] = field(default_factory=list)  # sheets not read
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, #N/A...)
    merged_across: list[tuple[int, str]] = field(default_factory=list)  # (row, "B5:C5")
    hidden_rows: list[int] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)


def split_list(text: str) -> list[str]:
    """Return the items of a cell that lists several, separated by ";" or by line breaks.

    >>> split_list("gemeente Leiden; Universiteit Leiden ;\\nLUMC")
    ['gemeente Leiden', 'Universiteit Leiden', 'LUMC']
    >>> split_list("  ")
    []
    """
    return [item.strip() for item in re.split(rf"[{LIST_SEPARATOR}\n]", text) if item.strip()]


def split_lines(text: str) -> list[str]:
    """Return the non-empty lines of a cell (Alt+Enter in Excel starts a new line).

    >>> split_lines("Link met acties 6 en 7\\n\\nZie ook actie 12")
    ['Link met acties 6 en 7', 'Zie ook actie 12']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def cell_text(value: object) -> str:
    """Return a cell's value as the text a user sees in it.

    Whole numbers lose Excel's ".0", dates become ISO dates, non-breaking spaces
    become spaces.

    >>> cell_text(17.0), cell_text(2.5), cell_text(None)
    ('17', '2.5', '')
    >>> cell_text(dt.datetime(2024, 3, 1)), cell_text(" n.t.b.\\xa0")
    ('2024-03-01', 'n.t.b.')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def column_letter(index: int) -> str:
    """Return the Excel letter of the 0-based column `index`.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def header_key(text: str) -> str:
    """Return the comparison form of a header: case, spaces, "_" and "(s)" folded.

    >>> header_key("Te_betrekken") == header_key("te betrekken")
    True
    >>> header_key("Trekker(s)")
    'trekker'
    """
    text = normalise(text.replace("_", " ")).replace("(s)", "")
    return re.sub(r"\s+", " ", text).strip()


def read_table(path: Path, columns: Sequence[Column], sheets: Sequence[str] = ()) -> Table:
    """Return the rows of the list in `path` (.xlsx or .csv) under the documented `columns`.

    `sheets` are the sheet names to look for in a workbook, best first; without
    one of them the first sheet is read. Raises SheetError, listing every
    problem, when the file is not a spreadsheet, is empty, misses a required
    column, holds an Excel error value (#N/A, #VERW!, ...) or cells merged across
    columns. Cells merged down a column count for every row they cover, as Excel shows
    them. Empty rows and rows whose first cell starts with "#" are skipped.
    """
    from graph071.corpus.limits import WORKBOOK_MB, check_size

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        grid = _read_workbook(path, sheets)
    elif suffix in CSV_SUFFIXES:
        check_size(path, WORKBOOK_MB)
        rows = _read_csv(path)
        grid = Grid("", rows, errors=[(number, index, value) for number, values in rows
                                      for index, value in enumerate(values)
                                      if value in excel_errors()])
    elif suffix in (".xls", ".ods", ".numbers"):
        raise SheetError(path, [Problem("", 0, "", "", i18n.text(
            "error:sheets.old_format", "{suffix} files cannot be read: open the file and save it as "
            "Excel workbook (.xlsx)", suffix=suffix))])
    else:
        raise SheetError(path, [Problem("", 0, "", "", i18n.text(
            "error:sheets.not_sheet", "not a spreadsheet: give an Excel workbook (.xlsx) or a CSV file (.csv)"))])
    return _table(path, grid, columns)


@functools.lru_cache(maxsize=1)
def excel_errors() -> frozenset[str]:
    """Return the error values Excel shows in a cell, English and Dutch (data/excel_errors.csv).

    >>> {"#N/A", "#WAARDE!", "#VERW!"} <= excel_errors()
    True
    """
    from graph071.corpus.manifest import bundled_data_dir

    text = (bundled_data_dir() / "excel_errors.csv").read_text(encoding="utf-8")
    rows = csv.reader(line for line in text.splitlines()[1:] if not line.startswith("# "))
    return frozenset(row[0].strip().upper() for row in rows if row)


def _open_workbook(path: Path):
    # openpyxl costs start-up time; only users' workbooks need it.
    from openpyxl import load_workbook

    from graph071.corpus.limits import check_workbook

    check_workbook(path)  # before openpyxl unpacks anything: a zip bomb stops here
    try:
        # Not read_only: only the full reader sees merged cells, hidden rows and the real
        # extent of a sheet whatever its (possibly stale) <dimension> says.
        return load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise InputError(path, i18n.text("error:file_not_found", "file not found")) from None
    except Exception as error:  # openpyxl raises zip, XML and key errors for non-workbooks
        raise SheetError(path, [Problem("", 0, "", "", i18n.text(
            "error:sheets.not_xlsx", "not an Excel workbook (.xlsx) ({why}); open it in Excel and save it "
            "as Excel workbook (.xlsx)", why=type(error).__name__))]) from None


def _read_workbook(path: Path, wanted: Sequence[str]) -> Grid:
    workbook = _open_workbook(path)
    try:
        names = workbook.sheetnames
        if not names:
            raise SheetError(path, [Problem("", 0, "", "", i18n.text(
                "error:sheets.no_sheets", "the workbook has no sheets; open it in Excel and save it as "
                "Excel workbook (.xlsx)"))])
        by_key = {header_key(name): name for name in names}
        chosen = next((by_key[header_key(w)] for w in wanted if header_key(w) in by_key), None)
        found_by_name = chosen is not None
        chosen = chosen or names[0]
        grid = _sheet_grid(workbook[chosen])
        grid.hidden_sheets = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    except (KeyError, ValueError, TypeError, AttributeError, IndexError) as error:
        # A damaged workbook that openpyxl opened but cannot show (a sheet it lists is gone).
        raise SheetError(path, [Problem("", 0, "", "", i18n.text(
            "error:sheets.damaged", "the workbook is damaged ({why}); open it in Excel and save it as "
            "Excel workbook (.xlsx)", why=type(error).__name__))]) from None
    finally:
        workbook.close()
    grid.others = [] if found_by_name else [name for name in names if name != chosen]
    return grid


def _sheet_grid(sheet) -> Grid:
    """Return the cells of an openpyxl worksheet as a Grid, merged cells filled down."""
    values: dict[tuple[int, int], object] = {}
    errors: list[tuple[int, int, str]] = []
    known_errors = excel_errors()
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            values[cell.row, cell.column] = cell.value
            if cell.data_type == "e" or cell_text(cell.value).upper() in known_errors:
                errors.append((cell.row, cell.column - 1, cell_text(cell.value)))
    across: list[tuple[int, str]] = []
    for merged in sheet.merged_cells.ranges:
        value = values.get((merged.min_row, merged.min_col))
        if merged.min_col != merged.max_col:
            if value is not None:
                across.append((merged.min_row, merged.coord))
            continue
        for number in range(merged.min_row + 1, merged.max_row + 1):
            if value is not None:
                values[number, merged.min_col] = value
    last_row = max((r for r, _ in values), default=0)
    last_column = max((c for _, c in values), default=0)
    rows = [(number, [cell_text(values.get((number, column)))
                      for column in range(1, last_column + 1)])
            for number in range(1, last_row + 1)]
    hidden = [number for number, dimension in sheet.row_dimensions.items()
              if dimension.hidden and number <= last_row]
    return Grid(sheet.title, rows, errors=errors, merged_across=across, hidden_rows=sorted(hidden))


def _unquoted(value: str) -> str:
    """Return a CSV cell without the ' that keeps a spreadsheet from evaluating it.

    >>> _unquoted("'=SOM(A1)"), _unquoted("'s-Gravenhage")
    ('=SOM(A1)', "'s-Gravenhage")
    """
    from graph071.io.safe import FORMULA_START

    return value[1:] if value[:1] == "'" and value[1:2].startswith(FORMULA_START) and value[1:2] \
        else value


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, i18n.text("error:file_not_found", "file not found")) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[:error.start].count(b"\n") + 1
        raise SheetError(path, [Problem("", line, "", "", i18n.text(
            "error:sheets.not_utf8", "not UTF-8 text; in Excel choose Save as > "
            "'CSV UTF-8 (comma delimited)'"))]) from None
    if "\0" in text:
        raise SheetError(path, [Problem("", 0, "", "", i18n.text(
            "error:sheets.binary", "not a CSV file (it holds binary data); give an Excel workbook (.xlsx) "
            "or a CSV file (.csv)"))])
    first = next((line for line in text.splitlines()
                  if line.strip() and not line.lstrip().startswith("#")), "")
    # Dutch Excel writes ";" between columns, English Excel ",".
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    grid = []
    start = 1
    try:
        for values in reader:
            grid.append((start, [cell_text(_unquoted(value)) for value in values]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise SheetError(path, [Problem("", reader.line_num, "", "", i18n.text(
            "error:sheets.not_csv", "not readable as CSV: {why}", why=error))]) from None
    return grid


def _cell_problems(grid: Grid, header_row: int, header: list[str]) -> list[Problem]:
    """Return a Problem for every Excel error value and every merge across columns."""
    problems = [Problem(grid.sheet, row, header[column] if column < len(header) else "",
                        column_letter(column),
                        i18n.text("error:sheets.excel_error", "the cell holds the Excel error value {value}: "
                                  "fix the formula or type the value itself", value=value))
                for row, column, value in grid.errors if row >= header_row]
    problems.extend(Problem(grid.sheet, row, "", coord.split(":")[0].rstrip("0123456789"),
                            i18n.text("error:sheets.merged", "cells {cells} are merged across columns: unmerge "
                                      "them ('Samenvoegen en centreren' off) so each column has its own value",
                                      cells=coord))
                    for row, coord in grid.merged_across if row >= header_row)
    return problems


def _table(path: Path, grid: Grid, columns: Sequence[Column]) -> Table:
    sheet, others = grid.sheet, grid.others
    errors = {row for row, _, _ in grid.errors}
    rows = [(number, values) for number, values in grid.rows
            if any(values) and (number in errors or not _is_comment(values))]
    if not rows:
        raise SheetError(path, [Problem(sheet, 0, "", "", i18n.text(
            "error:sheets.empty", "the sheet is empty: it needs a header row with the column names"))])
    header_row, header = rows[0]
    by_key: dict[str, Column] = {}
    for column in columns:
        for form in (column.name, *column.aliases):
            by_key[header_key(form)] = column
    headers: dict[str, str] = {}
    letters: dict[str, str] = {}
    positions: dict[str, int] = {}
    unknown: list[tuple[str, str, str]] = []
    problems: list[Problem] = []
    for index, text in enumerate(header):
        if not text:
            continue
        column = by_key.get(header_key(text))
        letter = column_letter(index)
        if column is None:
            unknown.append((text, letter, _closest(text, columns)))
        elif column.name in positions:
            problems.append(Problem(sheet, header_row, text, letter,
                                    i18n.text("error:sheets.second_column", "a second column for {column!r} "
                                              "(the first is {first!r}, {letter}); keep one", column=column.name,
                                              first=headers[column.name], letter=letters[column.name])))
        else:
            headers[column.name], letters[column.name], positions[column.name] = text, letter, index
    for column in columns:
        if column.required and column.name not in positions:
            hint = next(("; " + i18n.text("error:sheets.meant", "is {header!r} ({letter}) meant to be {column!r}?",
                                          header=header, letter=letter, column=column.name)
                         for header, letter, close in unknown if close == column.name), "")
            problems.append(Problem(sheet, header_row, column.name, "", i18n.text(
                "error:sheets.required", "required column missing from the header row") + hint))
    problems.extend(_cell_problems(grid, header_row, header))
    if problems:
        raise SheetError(path, problems)
    table_rows = []
    for number, values in rows[1:]:
        cells = {name: values[index] if index < len(values) else ""
                 for name, index in positions.items()}
        if any(cells.values()):
            table_rows.append(Row(sheet, number, cells, headers, letters))
    read = {row.number for row in table_rows}
    return Table(path, sheet, table_rows, headers, letters, header_row, unknown, others,
                 hidden_rows=[number for number in grid.hidden_rows if number in read],
                 hidden_sheets=grid.hidden_sheets)


def is_template_example(table: Table, row: Row, columns: Sequence[Column]) -> bool:
    """True when `row` is the example row a template was written with (it is never data).

    Only a sheet with every column of the template can hold that row, so a short list
    whose few cells happen to equal the example is still read.
    """
    return (all(column.name in table.headers for column in columns)
            and all(row.get(column.name) == column.example for column in columns))


def _is_comment(values: list[str]) -> bool:
    first = next((value for value in values if value), "")
    return first.startswith("#")


def _closest(text: str, columns: Sequence[Column]) -> str:
    import difflib  # only for headers nobody declared

    forms = {header_key(form): column.name for column in columns
             for form in (column.name, *column.aliases)}
    match = difflib.get_close_matches(header_key(text), list(forms), n=1, cutoff=0.75)
    return forms[match[0]] if match else ""


def unknown_column_warnings(table: Table) -> list[tuple[int, i18n.Said]]:
    """Return (row, message) for each column of `table` that graph071 does not read."""
    messages = []
    for header, letter, close in table.unknown_columns:
        where = i18n.said("warning:sheets.where", "sheet {sheet!r}, ", sheet=table.sheet) if table.sheet else ""
        hint = i18n.said("warning:sheets.meant", "; did you mean {column!r}?", column=close) if close else ""
        messages.append((table.header_row, i18n.said(
            "warning:sheets.not_read", "{where}column {header!r} ({letter}) is not read{hint}", where=where,
            header=header, letter=letter, hint=hint)))
    if table.hidden_rows:
        rows = ", ".join(str(number) for number in table.hidden_rows)
        messages.append((table.hidden_rows[0], i18n.said(
            "warning:sheets.hidden_rows", "sheet {sheet!r}: hidden row(s) {rows} were read, though Excel does "
            "not show them", sheet=table.sheet, rows=rows)))
    if table.hidden_sheets:
        read = i18n.said("warning:sheets.hidden_read", " (this is the sheet that was read)")
        messages.append((0, i18n.said(
            "warning:sheets.hidden_sheets", "hidden sheet(s) in the workbook: {sheets}{read}",
            sheets=", ".join(repr(s) for s in table.hidden_sheets),
            read=read if table.sheet in table.hidden_sheets else "")))
    if table.other_sheets:
        messages.append((0, i18n.said(
            "warning:sheets.other_sheets", "only sheet {sheet!r} was read; sheets {others} were not",
            sheet=table.sheet, others=', '.join(repr(s) for s in table.other_sheets))))
    return messages

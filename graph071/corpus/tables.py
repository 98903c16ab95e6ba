"""Reading the curated CSV tables (organisations.csv, projects.csv): one reader, clear errors."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from graph071 import i18n
from graph071.errors import InputError

Row = TypeVar("Row")


def cell(row: dict[str, str | None], name: str) -> str:
    """Return the stripped text of column `name` ("" when empty or absent)."""
    return (row.get(name) or "").strip()


def cells(row: dict[str, str | None], name: str) -> tuple[str, ...]:
    """Return the ";"-separated values of column `name`.

    >>> cells({"aliases": "UvL; Universiteit van Leiden;"}, "aliases")
    ('UvL', 'Universiteit van Leiden')
    """
    return tuple(part.strip() for part in cell(row, name).split(";") if part.strip())


def read_table(path: Path, required: tuple[str, ...],
               make_row: Callable[[Path, int, dict[str, str]], Row],
               missing_hint: str | None = None) -> list[Row]:
    """Return `make_row(path, line, row)` for every data row of the CSV file at `path`.

    A missing file, a missing column or text that is not UTF-8 is an InputError naming
    the file (and line); `make_row` raises its own InputError for a bad row.
    """
    from graph071.corpus.limits import DOCUMENT_MB, check_size

    check_size(path, DOCUMENT_MB)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, i18n.text("error:tables.columns", "missing column(s) {columns}",
                                                 columns=', '.join(missing)), line=1)
            return [make_row(path, number, row) for number, row in enumerate(reader, start=2)]
    except FileNotFoundError:
        raise InputError(path, i18n.text("error:file_not_found", "file not found"), hint=missing_hint) from None
    except UnicodeDecodeError:
        raise InputError(path, i18n.text("error:not_utf8", "not UTF-8 text"),
                         hint=i18n.text("error:tables.csv_utf8.hint", "save it as CSV UTF-8")) from None
    except csv.Error as error:
        raise InputError(path, i18n.text("error:tables.not_csv", "not readable as CSV ({why})", why=error),
                         hint=i18n.text("error:tables.not_csv.hint",
                                        "open it in Excel and save it as 'CSV UTF-8'")) from None
    except IsADirectoryError:
        raise InputError(path, i18n.text("error:tables.folder", "is a folder, not a CSV file")) from None
    except OSError as error:
        raise InputError(path, i18n.text("error:cannot_read", "cannot read the file: {why}",
                                         why=error.strerror)) from None

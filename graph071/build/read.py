"""`graph071 read`: what the prose reader finds in one file, without adding it to the corpus.

`text_of(path)` is the one place that turns a file into text lines; it reads
.txt and .md itself. When graph071.corpus.extract lands (PDF, Word, HTML, ...),
`text_of` becomes a call to `extract(path)` and nothing else here changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph071 import i18n
from graph071.build.cache import cached_build
from graph071.build.review import people_of
from graph071.corpus.manifest import bundled_data_dir
from graph071.errors import InputError
from graph071.loaders.prose.loader import reader_for
from graph071.loaders.prose.reading import Reading

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_DUTCH_DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(_MONTHS)})\s+(\d{{4}})\b", re.IGNORECASE)


@dataclass(frozen=True)
class TextFile:
    """A file's text as lines, with what the file itself says about it."""

    lines: list[str]
    format: str
    title: str
    date: str


def text_of(path: Path) -> TextFile:
    """Return the text lines, format, title and date of a .txt or .md file.

    This is where graph071.corpus.extract.extract(path) takes over for other formats.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, i18n.text("error:file_not_found", "file not found"),
                         hint=i18n.text("error:read.not_found.hint", "give the path of the text to read"))
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(path, i18n.text("error:read.unsupported", "cannot read {suffix} files yet",
                                         suffix=path.suffix or i18n.text("error:extract.no_suffix",
                                                                         "a file without extension")),
                         hint=i18n.text("error:read.unsupported.hint",
                                        "save the text as .txt (UTF-8) or .md and read that"))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, i18n.text("error:not_utf8", "not UTF-8 text"),
                         hint=i18n.text("error:manifest.not_utf8.hint", "save the text as UTF-8")) from None
    lines = text.splitlines()
    if not text.strip():
        raise InputError(path, i18n.text("error:read.empty", "the file is empty"))
    markdown = path.suffix.lower() in (".md", ".markdown")
    if markdown:
        lines = [re.sub(r"^\s{0,3}#{1,6}\s+|[*_`]{1,3}", "", line) for line in lines]
    title = next((line.strip() for line in lines if line.strip()), path.stem)
    return TextFile(lines, "md" if markdown else "txt", title, date_in(lines[:15]))


def date_in(lines: list[str]) -> str:
    """Return the first date the lines give, as ISO (YYYY-MM-DD), or "".

    >>> date_in(["Leiden, 12 maart 2024", "Nieuws"])
    '2024-03-12'
    """
    for line in lines:
        iso = _ISO_DATE.search(line)
        if iso:
            return iso.group(0)
        dutch = _DUTCH_DATE.search(line)
        if dutch:
            month = _MONTHS.index(dutch.group(2).lower()) + 1
            return f"{dutch.group(3)}-{month:02d}-{int(dutch.group(1)):02d}"
    return ""


def read_file(path: Path, data_dir: Path | None = None) -> Reading:
    """Return what the prose reader finds in the file at `path`, against the corpus `data_dir`."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    text = text_of(path)
    people = people_of(cached_build(data_dir).graph)
    return reader_for(data_dir, people).read_lines(
        text.lines, file=Path(path).name, format=text.format, title=text.title, date=text.date)

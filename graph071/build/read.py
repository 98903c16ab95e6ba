"""`graph071 read`: what the prose reader finds in one file, without adding it to the corpus.

`text_of(path)` is the one place that turns a file into text lines: it takes every
format `graph071 add` takes (PDF, Word, web pages, .txt and .md) through
graph071.corpus.extract, so `read` sees exactly the text `add` would write beside the
original. The document's title and date come from the original where it states them
(the web page's metadata, the Word file's properties or first heading, the PDF's
metadata or largest type); a date written in the first lines of the text counts first
for the other formats, since that is the date of the news item, not of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph071 import i18n
from graph071.build.cache import cached_build
from graph071.build.periods import MONTHS_NL
from graph071.build.review import people_of
from graph071.corpus.extract import extract
from graph071.corpus.manifest import bundled_data_dir
from graph071.errors import InputError
from graph071.loaders.prose.loader import reader_for
from graph071.loaders.prose.reading import Reading

_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s+|[*_`]{1,3}")
_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DUTCH_DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS_NL)})\s+(\d{{4}})\b", re.IGNORECASE)
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")
_ENGLISH_DATE = re.compile(rf"\b(?:(\d{{1,2}})\s+({'|'.join(_ENGLISH_MONTHS)})|"
                           rf"({'|'.join(_ENGLISH_MONTHS)})\s+(\d{{1,2}}),?)\s+(\d{{4}})\b",
                           re.IGNORECASE)


@dataclass(frozen=True)
class TextFile:
    """A file's text as lines, with what the file itself says about it."""

    lines: list[str]
    format: str
    title: str
    date: str
    page_of_line: list[int] = field(default_factory=list)  # [] for formats without pages


def text_of(path: Path) -> TextFile:
    """Return the text lines, format, title, date and pages of a file `graph071 add` takes."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, i18n.text("error:file_not_found", "file not found"),
                         hint=i18n.text("error:read.not_found.hint", "give the path of the text to read"))
    extracted = extract(path)  # refuses, in one line, a format `add` does not take
    lines = extracted.lines
    if extracted.format == "md":
        lines = [_MARKDOWN.sub("", line) for line in lines]
    # A news item's own date line outranks the file's creation date; a web page's
    # metadata is its publication date.
    written = date_in(lines[:15])
    date = (extracted.date or written) if extracted.format == "html" else (written or extracted.date)
    pages = extracted.page_of_line if extracted.pages > 1 else []
    return TextFile(lines, extracted.format, extracted.title.strip() or path.stem, date, pages)


def date_in(lines: list[str]) -> str:
    """Return the first date the lines give, as ISO (YYYY-MM-DD), or "".

    >>> date_in(["Leiden, 12 maart 2024", "Nieuws"])
    '2024-03-12'
    >>> date_in(["Leiden, March 12, 2024"]), date_in(["12 March 2024"])
    ('2024-03-12', '2024-03-12')
    """
    for line in lines:
        iso = _ISO_DATE.search(line)
        if iso:
            return iso.group(0)
        dutch = _DUTCH_DATE.search(line)
        if dutch:
            month = MONTHS_NL.index(dutch.group(2).lower()) + 1
            return f"{dutch.group(3)}-{month:02d}-{int(dutch.group(1)):02d}"
        english = _ENGLISH_DATE.search(line)
        if english:
            day = english.group(1) or english.group(4)
            month = _ENGLISH_MONTHS.index((english.group(2) or english.group(3)).lower()) + 1
            return f"{english.group(5)}-{month:02d}-{int(day):02d}"
    return ""


def read_file(path: Path, data_dir: Path | None = None) -> Reading:
    """Return what the prose reader finds in the file at `path`, against the corpus `data_dir`."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    text = text_of(path)
    people = people_of(cached_build(data_dir).graph)
    reading = reader_for(data_dir, people).read_lines(
        text.lines, file=Path(path).name, format=text.format, title=text.title, date=text.date)
    reading.page_of_line = text.page_of_line
    return reading

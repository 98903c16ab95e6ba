"""Reading every document of a corpus, each on its own: one that cannot be read is left out.

A published document that is missing, damaged or in a layout its loader does not
know stops only itself (an Excel or CSV list with a mistake still stops the build: it is
the maintainers' own list, refused whole until fixed): the rest of the corpus still builds, and the reason is kept (a
`Missing` record, shown by `summary` and as a warning by `check`). Facts from a
document with pages (an extracted PDF) get the page they were printed on; a running
header left in a text extraction is a warning, and when it carries the page number it
is left out before the loader reads (facts keep the file's line numbers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from graph071 import i18n
from graph071.corpus.manifest import Document
from graph071.corpus.normalise import running_lines
from graph071.errors import InputError
from graph071.records import LoadResult, ParseWarning


@dataclass(frozen=True)
class Missing:
    """A document of the manifest that could not be read, and why (one readable line)."""

    document: str
    file: str
    reason: str
    loader: str = ""
    error: InputError | None = field(default=None, compare=False, repr=False)

    def as_warning(self) -> ParseWarning:
        return ParseWarning(self.document, 0, i18n.said(
            "warning:reading.not_read", "document not read ({file}): {reason}", file=self.file, reason=self.reason))


def furniture_warnings(document: Document) -> list[ParseWarning]:
    """Return a warning for each running header or footer left in a text extraction."""
    warnings = []
    for running in running_lines(document.lines):
        shown = ", ".join(map(str, running.lines[:6])) + (", ..." if len(running.lines) > 6 else "")
        effect = (i18n.said("warning:reading.furniture.dropped", " and was left out when reading")
                  if running.counts_pages else
                  i18n.said("warning:reading.furniture.kept",
                            "; a sentence or list it interrupts may be misread"))
        warnings.append(ParseWarning(document.id, running.lines[0], i18n.said(
            "warning:reading.furniture", "{text!r} appears {count} times in the text as a page header or "
            "footer (lines {lines}){effect}: add the original (PDF) "
            "with graph071 add, which leaves headers and footers out, or take the lines out of the text",
            text=running.text, count=len(running.lines), lines=shown, effect=effect)))
    return warnings


def with_pages(result: LoadResult, document: Document) -> LoadResult:
    """Return `result` with the page of every fact from `document`, where it has pages."""
    if not document.page_of_line:
        return result
    for record in [*result.nodes, *result.edges]:
        if record.source.document == document.id and "page" not in record.props:
            page = document.page(record.source.line)
            if page is not None:
                record.props["page"] = page
    return result


def read_without_furniture(loader: Callable[[Document, Any], LoadResult], document: Document,
                           context: Any) -> LoadResult:
    """Return what `loader` reads from `document` with its running headers and footers that
    count the pages left out (graph071.corpus.normalise.running_lines), so that a header
    between two lines of a sentence or a list cuts neither; every line number is the file's
    own again, every fact gets its page, and each header left in the text is a warning."""
    dropped = {number for running in running_lines(document.lines) if running.counts_pages
               for number in running.lines}
    if not dropped:
        result = loader(document, context)
    else:
        kept = [n for n in range(1, len(document.lines) + 1) if n not in dropped]
        shown = replace(document, lines=[document.lines[n - 1] for n in kept],
                        page_of_line=[document.page_of_line[n - 1] for n in kept]
                        if document.page_of_line else [])
        result = _renumbered(loader(shown, context), kept)
    result = with_pages(result, document)
    result.warnings.extend(furniture_warnings(document))
    return result


def _renumbered(result: LoadResult, kept: list[int]) -> LoadResult:
    """Return `result` with the line numbers of the text without furniture turned back into
    the file's: sources, warnings, and the props that hold a line ("categorie_line") or
    lines ("lines")."""
    def line(number: Any) -> Any:
        return kept[number - 1] if isinstance(number, int) and 1 <= number <= len(kept) else number

    for record in [*result.nodes, *result.edges]:
        record.source = replace(record.source, line=line(record.source.line))
        for key, value in record.props.items():
            if key == "line" or key.endswith("_line"):
                record.props[key] = line(value)
            elif key == "lines" and isinstance(value, list):
                record.props[key] = [line(v) for v in value]
    result.warnings[:] = [replace(w, line=line(w.line)) for w in result.warnings]
    return result

"""Reading every document of a corpus, each on its own: one that cannot be read is left out.

A published document that is missing, damaged or in a layout its loader does not
know stops only itself (an Excel or CSV list with a mistake still stops the build: it is
the maintainers' own list, refused whole until fixed): the rest of the corpus still builds, and the reason is kept (a
`Missing` record, shown by `summary` and as a warning by `check`). Facts from a
document with pages (an extracted PDF) get the page they were printed on; a running
header left in a text extraction is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        warnings.append(ParseWarning(document.id, running.lines[0], i18n.said(
            "warning:reading.furniture", "{text!r} appears {count} times in the text as a page header or "
            "footer (lines {lines}); a sentence or list it interrupts may be misread: add the original (PDF) "
            "with graph071 add, which leaves headers and footers out, or take the lines out of the text",
            text=running.text, count=len(running.lines), lines=shown)))
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

"""Facts in the curated tables anchored by a quote, not by line numbers.

organisations.csv says which document makes a group's members clear
(`members_source`). Written as line numbers ("uitvoeringsprogramma-2013-2015:933-935")
it breaks when a next extraction wraps the lines differently; written as a quote
("uitvoeringsprogramma-2013-2015: afstemmingsteam (UWV, sociale diensten en sociale
werkvoorziening in Holland Rijnland.)") it is found again wherever the lines break.
A long quote may be shortened to its start and end: "De gemeenten Leiden ... (LUMC)".
"""

from __future__ import annotations

import re

from graph071.corpus.manifest import Document

ELLIPSIS = re.compile(r"\s+(?:\.\.\.|…)\s+")
LINES = re.compile(r"^\s*(?P<first>\d+)(?:\s*-\s*(?P<last>\d+))?\s*$")


def split_anchor(anchor: str) -> tuple[str, str]:
    """Return (document id, lines or quote) of "doc:933-935" or "doc: a quote".

    >>> split_anchor("projectkaarten-2018: wethouders gemeenten Katwijk, Leiden")
    ('projectkaarten-2018', 'wethouders gemeenten Katwijk, Leiden')
    """
    document, _, where = anchor.partition(":")
    return document.strip(), where.strip()


def anchored_lines(document: Document, where: str) -> tuple[int, int] | None:
    """Return the first and last line that `where` (line numbers or a quote) names in
    `document`, or None when the quote is not in it (or the lines are out of range)."""
    numbers = LINES.match(where)
    if numbers:
        first, last = int(numbers["first"]), int(numbers["last"] or numbers["first"])
        return (first, last) if 1 <= first <= last <= len(document.lines) else None
    return find_quote(document.lines, where)


def find_quote(lines: list[str], quote: str) -> tuple[int, int] | None:
    """Return the (first, last) 1-based lines that hold `quote`, across line breaks.

    Spaces, line breaks and a word hyphenated at a line end do not count; case does not.

    >>> find_quote(["Partners: hotels en congres-", "locaties, o.a. Corpus, LUMC"],
    ...            "hotels en congreslocaties, o.a. Corpus")
    (1, 2)
    >>> find_quote(["De gemeenten Leiden,", "Oegstgeest", "en het LUMC. Samen"],
    ...            "De gemeenten Leiden ... het LUMC")
    (1, 3)
    """
    flat, line_of = _flatten(lines)
    parts = [_squash(part) for part in ELLIPSIS.split(quote.strip()) if part.strip()]
    if not parts or not parts[0]:
        return None
    start = flat.find(parts[0])
    if start < 0:
        return None
    end = start + len(parts[0])
    for part in parts[1:]:
        found = flat.find(part, end)
        if found < 0:
            return None
        end = found + len(part)
    return line_of[start], line_of[end - 1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _flatten(lines: list[str]) -> tuple[str, list[int]]:
    """Return the text without spaces and line-end hyphens, and the line of each character."""
    chars: list[str] = []
    line_of: list[int] = []
    for number, line in enumerate(lines, start=1):
        text = line.rstrip()
        if re.search(r"[^\W\d_]-$", text) and number < len(lines) and lines[number][:1].islower():
            text = text[:-1]  # "congres-" / "locaties"
        for ch in text:
            if not ch.isspace():
                chars.append(ch.lower())
                line_of.append(number)
    return "".join(chars), line_of

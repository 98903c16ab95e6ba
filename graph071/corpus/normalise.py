"""One normalisation step for every text before a loader sees it.

Whatever tool turned a PDF, a Word file or a web page into text, the loaders get the
same characters: Unicode NFKC (ligatures "ﬁ" -> "fi", full-width and compatibility
forms), non-breaking and other odd spaces and tabs as plain spaces, no soft hyphens,
zero-width characters or byte-order mark, "\\n" line ends, and words hyphenated
across a line end joined.

Line numbers stay what they are in the file: joining "zorgclus-" / "ter, een ..."
moves the second half ("ter,") up to the first line and leaves the rest of the next
line where it was, so every later line keeps its number and every quote can still be
found by line. A page break is a form feed at the start of a page's first line (as
pdftotext writes it); `split_pages` turns it into a page number per line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters NFKC would turn into a space plus a combining accent ("´" -> " ́"); the
# documents use them as apostrophes and bullets, so they stay as they are.
_KEEP = frozenset("\u00b4\u02da\u00a8\u00b8\u00af\u02d8\u02d9\u02db\u02dc\u02dd")
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
# Every other line break str.splitlines knows, except the form feed (a page break).
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x1c\x1d\x1e\x85\u2028\u2029]")
# Tabs, non-breaking and other spaces (NFKC keeps some); the plain space is left alone,
# which is quicker than putting it back where it was.
_SPACES = re.compile(r"[^\S\n\f ]")
# A line that ends in a word broken by a hyphen: a lower-case letter, then "-" (or a soft
# hyphen), then only spaces. "MKB-" and "Holland-" are compounds and keep their hyphen.
_BROKEN = re.compile(r"(?<=[^\W\d_])(?<![A-Z])[-\u00ad][ \t]*$")
# The next line's first word: lower-case, and not the "en" / "of" of "Duin- en Bollenstreek".
_REST = re.compile(r"^(?P<lead>\s*)(?P<word>[a-zà-ÿ][^\s]*)(?P<gap>\s+)(?=\S)")
_CONJUNCTION = re.compile(r"(?:en|of|tot|noch|and|or|to)\b[^\w]*$")


@dataclass(frozen=True)
class Normalised:
    """A normalised text as lines (line 1 is lines[0]) and the page of every line (1-based)."""

    lines: list[str]
    page_of_line: list[int]

    @property
    def pages(self) -> int:
        return max(self.page_of_line, default=0)


def normalise_characters(text: str) -> str:
    """Return `text` with NFKC applied, odd spaces as spaces and invisible characters gone.

    >>> normalise_characters("\\ufeffgeﬁnancierd\\u00a0door\\tLUMC\\r\\n")
    'gefinancierd door LUMC\\n'
    >>> normalise_characters("´in de lijn´ ˚ punt")
    '´in de lijn´ ˚ punt'
    """
    text = _LINE_BREAKS.sub("\n", text)
    # A soft hyphen at a line end marks a word broken there: make it a visible hyphen
    # so that join_hyphenated mends it; anywhere else it is invisible and goes.
    text = re.sub("\u00ad[ \t]*(?=\n)", "-", text)
    text = _INVISIBLE.sub("", text)
    if not text.isascii():
        # Each character on its own, as NFKC gives it; one table for the few distinct
        # characters a text has (a Python step per character costs seconds in a 10 MB text).
        forms = {ch: unicodedata.normalize("NFKC", ch) for ch in set(text)
                 if not ch.isascii() and ch not in _KEEP}
        forms = {ch: form for ch, form in forms.items() if form != ch}
        if forms:
            changed = re.compile("[" + "".join(map(re.escape, forms)) + "]")
            text = changed.sub(lambda match: forms[match.group()], text)
    return _SPACES.sub(" ", text)


def join_hyphenated(lines: list[str]) -> list[str]:
    """Return the lines with words broken by a hyphen at a line end joined on the first line.

    The second half moves up with the line break after it (a space), so the number of
    lines and every line's number stay the same.

    >>> join_hyphenated(["een groot zorgclus-", "ter, een veelheid", "Duin-", "en Bollenstreek"])
    ['een groot zorgcluster, ', 'een veelheid', 'Duin-', 'en Bollenstreek']
    >>> join_hyphenated(["Start 4e kwar-", "taal"])  # nothing would be left of line 2
    ['Start 4e kwar-', 'taal']
    """
    out = list(lines)
    for index in range(len(out) - 1):
        # Only a line that ends in a hyphen is searched (the search runs the whole line).
        broken = out[index].rstrip(" \t\n").endswith(("-", "\u00ad")) and _BROKEN.search(out[index])
        if not broken:
            continue
        rest = _REST.match(out[index + 1])
        if not rest or _CONJUNCTION.match(rest["word"]):
            continue
        out[index] = out[index][:broken.start()] + rest["word"] + " "
        out[index + 1] = rest["lead"] + out[index + 1][rest.end():]
    return out


def split_pages(text: str) -> Normalised:
    """Return the lines of `text` and their page numbers; a form feed starts a new page.

    >>> split_pages("kaart een\\n\\fkaart twee\\nslot").page_of_line
    [1, 2, 2]
    """
    lines: list[str] = []
    pages: list[int] = []
    page = 1
    for line in text.split("\n"):
        page += line.count("\f")
        lines.append(line.replace("\f", ""))
        pages.append(page)
    if text.endswith("\n"):  # as str.splitlines: a final line end opens no new line
        lines.pop()
        pages.pop()
    return Normalised(lines, pages)


def normalise(text: str) -> Normalised:
    """Return `text` normalised for the loaders, as lines with their page numbers.

    >>> normalise("Penvoerder:\\u00a0Hogeschool Lei-\\r\\nden en LUMC").lines
    ['Penvoerder: Hogeschool Leiden ', 'en LUMC']
    """
    split = split_pages(normalise_characters(text))
    return Normalised(join_hyphenated(split.lines), split.page_of_line)


_FIELD = re.compile(r"^[\w ()/-]{1,40}:\s+\S")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class RunningLine:
    """A line that repeats through a text like a running header or footer."""

    text: str  # as first written
    lines: tuple[int, ...]  # 1-based
    # It carries the page number: sure to be furniture, so the readers leave it out. One
    # found by the sentences it cuts alone may be a heading ("Projectkaart"): only warned.
    counts_pages: bool = False


def running_lines(lines: list[str]) -> list[RunningLine]:
    """Return the lines that repeat like a running header or footer of a text extraction.

    A candidate is short, no "Label: value" field, and occurs at least four times (digits
    aside, so "pagina 7" and "pagina 8" are one); it is page furniture when it comes back
    at about the same distance each time, as once a page, and either at least a third of
    the times it cuts a sentence in two (a page break falls anywhere; a heading such as
    "Projectkaart" or "Projectstructuur" follows the end of a paragraph) or it counts the
    pages (its number goes up by one each time).

    >>> text = [f"regel {n} en" if n % 40 else f"Economie071 projectkaarten {n // 40}"
    ...         for n in range(1, 200)]
    >>> [(r.text, r.lines) for r in running_lines(text)]
    [('Economie071 projectkaarten 1', (40, 80, 120, 160))]
    >>> running_lines(text)[0].counts_pages
    True
    """
    seen: dict[str, list[tuple[int, str]]] = {}
    keys: dict[str, str | None] = {}  # per distinct line: a long text repeats its lines
    for number, line in enumerate(lines, start=1):
        key = keys.get(line, "")
        if key == "":
            text = line.strip()
            key = keys[line] = (None if not text or len(text) > 80
                                or (":" in text and _FIELD.match(text))
                                else _DIGITS.sub("#", text.lower()))
        if key is not None:
            seen.setdefault(key, []).append((number, line.strip()))
    found = []
    for key, hits in seen.items():
        if len(hits) < 4 or not re.search(r"[^\W\d_]{3}", key):
            continue
        numbers = [n for n, _ in hits]
        gaps = sorted(b - a for a, b in zip(numbers, numbers[1:]))
        median = gaps[len(gaps) // 2]
        steady = sum(abs(gap - median) <= max(3, median * 0.4) for gap in gaps)
        # Not once a page: the line is no furniture, whatever it cuts (and counting is
        # costly for the lines a long text repeats often).
        if median < 15 or steady < len(gaps) * 0.75:
            continue
        # A page break falls anywhere, so the furniture often cuts a sentence in two;
        # a heading follows a paragraph's end.
        cutting = sum(_cuts_sentence(lines, number) for number in numbers)
        pages = _counts_pages([text for _, text in hits])
        if cutting * 3 >= len(numbers) or pages:
            found.append(RunningLine(hits[0][1], tuple(numbers), pages))
    return found


def _counts_pages(texts: list[str]) -> bool:
    """Return True when the repeated line carries a number that goes up by one each time
    (mostly): a page number, which no heading of the text has.

    >>> _counts_pages(["Economie071 2", "Economie071 3", "Economie071 4", "Economie071 5"])
    True
    >>> _counts_pages(["Thema 1", "Thema 1", "Thema 1", "Thema 1"])
    False
    """
    numbers = [re.findall(r"\d+", text) for text in texts]
    if any(len(found) != len(numbers[0]) for found in numbers) or not numbers[0]:
        return False
    last = [int(found[-1]) for found in numbers]
    return sum(b == a + 1 for a, b in zip(last, last[1:])) >= (len(last) - 1) * 0.75


def _cuts_sentence(lines: list[str], number: int) -> bool:
    """Return True when line `number` stands between two lines of one sentence."""
    before = lines[number - 2].strip() if number >= 2 else ""
    after = lines[number].strip() if number < len(lines) else ""
    return bool(before and after) and not before.endswith((".", ":", "!", "?", "’", "'", "”", ";"))

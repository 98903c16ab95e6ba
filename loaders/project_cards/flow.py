"""Text helpers for the project cards: flowing text with line numbers, sentences, names.

The cards come from PDFs (2018, 2022) and a markdown-like export (2019). A card's
running text is read as "flows": the lines of one paragraph joined into one text
that still knows, for every character, the line it came from, so each fact can be
quoted with its line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from graph071.corpus.wordlists import words
from graph071.loaders.text import Line

_WORD_HYPHEN = re.compile(r"[^\W\d_]-$")
# A line that starts with one of these words starts a new word, not the rest of a broken one.
_FUNCTION_WORD = re.compile(r"(?:en|of|de|het|een|van|in|op|met|voor|te|tot|die|dat|is|zijn|als)\b")
_QUOTE_OPEN = "‘'“\""
MARKUP = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|\[([^\]]*)\]\(#?\)")


def strip_markup(text: str) -> str:
    """Return `text` without the markdown-like markup of the 2019 edition.

    >>> strip_markup("Projectkaart **Technolab**")
    'Projectkaart Technolab'
    >>> strip_markup("Yvonne van Delft, *Voorzitter Economie071:*")
    'Yvonne van Delft, Voorzitter Economie071:'
    >>> strip_markup("een opdracht voor [poppodium Gebr. de Nobel](#).")
    'een opdracht voor poppodium Gebr. de Nobel.'
    """
    if "*" not in text and "[" not in text:
        return text  # most lines: no markup, and the pattern is slow to run
    return MARKUP.sub(lambda m: m.group(1) or "", text)


@dataclass
class Flow:
    """Lines joined into one text; `line_at(offset)` gives the line a character came from."""

    text: str = ""
    starts: list[tuple[int, int]] = field(default_factory=list)  # (offset, line number)

    def line_at(self, offset: int) -> int:
        if not self.starts:
            return 0
        # The last line that starts at or before `offset` (a binary search: cards can be long).
        index = bisect.bisect_right(self.starts, offset, key=lambda start: start[0]) - 1
        return self.starts[max(index, 0)][1]

    @property
    def first_line(self) -> int:
        return self.starts[0][1] if self.starts else 0

    @property
    def last_line(self) -> int:
        return self.starts[-1][1] if self.starts else 0


def flow(lines: Iterable[Line], glue_unspaced: bool = False) -> Flow:
    """Return the lines as one Flow, with PDF line breaks undone.

    A word broken with a hyphen is joined ("kwar-" + "taal"); a compound keeps its
    hyphen ("Holland-" + "Rijnland"). With `glue_unspaced`, a line that ends in a
    lower-case letter without the trailing space that the PDF leaves after whole
    words is the first half of a word whose hyphen got lost ("Bedrijven" + "terreinen").

    >>> flow([(1, "Strategie Bedrijven"), (2, "terreinen, Expat ")], glue_unspaced=True).text
    'Strategie Bedrijventerreinen, Expat'
    >>> f = flow([(7, "Start 4e kwar-"), (8, "taal 2013")])
    >>> f.text, f.line_at(f.text.index("2013"))
    ('Start 4e kwartaal 2013', 8)
    """
    result = Flow()
    pieces: list[str] = []  # joined once at the end: linear in the length of the text
    length = 0
    tail = ""  # the last two characters so far: all the joining rules look at
    previous_raw = ""
    for number, raw in lines:
        line = strip_markup(raw).strip()
        if not line:
            continue
        if not pieces:
            piece, offset = line, 0
        elif _WORD_HYPHEN.search(tail) and line[0].islower() and not re.match(r"(en|of)\b", line):
            pieces[-1] = pieces[-1][:-1]  # "kwar-" + "taal": the hyphen goes
            length -= 1
            piece, offset = line, length
        elif _WORD_HYPHEN.search(tail) and line[0].isupper():
            piece, offset = line, length
        elif (glue_unspaced and not previous_raw[-1:].isspace() and tail[-1:].islower()
              and line[0].islower() and not _FUNCTION_WORD.match(line)):
            piece, offset = line, length
        else:
            piece, offset = " " + line, length + 1
        pieces.append(piece)
        length += len(piece)
        tail = (tail + piece)[-2:]
        result.starts.append((offset, number))
        previous_raw = raw
    result.text = "".join(pieces)
    # Runs of spaces inside a line ("Leiden,  Regiogemeenten") become one space.
    squeezed, offsets = _squeeze(result.text, [o for o, _ in result.starts])
    result.starts = [(o, n) for o, (_, n) in zip(offsets, result.starts)]
    result.text = squeezed
    return result


_SPACES = re.compile(r"\s+")
_DOUBLE_SPACES = re.compile("  +")


def _squeeze(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Return `text` with each run of white space as one space, and `offsets` moved along.

    An offset inside a run moves to just after its one space. `offsets` are ascending.

    >>> _squeeze("a  b   c", [0, 3, 5, 7])
    ('a b c', [0, 2, 4, 4])
    """
    moved: list[int] = []
    removed = 0  # characters dropped before the current run
    pending = iter(offsets)
    offset = next(pending, None)
    # Every white-space character but the plain space is unprintable, so in a printable
    # text (the usual case) only runs of two or more spaces move an offset, and they are
    # found without a step for every single space of a long card.
    printable = text.isprintable()
    for match in (_DOUBLE_SPACES if printable else _SPACES).finditer(text):
        start, end = match.span()
        while offset is not None and offset < end:
            inside = offset - start - 1 if offset > start else 0
            moved.append(offset - removed - inside)
            offset = next(pending, None)
        removed += end - start - 1
    while offset is not None:
        moved.append(offset - removed)
        offset = next(pending, None)
    if printable:
        while "  " in text:
            text = text.replace("  ", " ")
        return text.strip(), moved
    return _SPACES.sub(" ", text).strip(), moved


# A sentence starts with a capital, a digit, or a name with a capital inside ("mboRijnland").
SENTENCE_END = re.compile(r"(?<=[.!?])['’”]?\s+(?=[\"'‘“(•\-–]?\s*(?:[A-Z0-9]|[a-z]+[A-Z]))|\s+(?=•)")
ABBREVIATIONS = ("o.a.", "t.b.v.", "bv.", "i.s.m.", "m.b.t.", "t.o.v.", "e.a.", "t/m", "ca.",
                 "incl.", "evt.", "o.b.v.", "Gebr.", "B.V.", "etc.")


def sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence in `text`.

    >>> text = "Het project loopt. Zie o.a. Smart071. Klaar"
    >>> [text[s:e] for s, e in sentences(text)]
    ['Het project loopt.', 'Zie o.a. Smart071.', 'Klaar']
    """
    return list(_sentences(text))


@lru_cache(maxsize=512)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    # Kept for the last texts: a card's paragraphs are cut once for the role sentences and
    # once more for the links (a paragraph of a long card can be megabytes).
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = text[start:match.start()]
        if before.endswith(ABBREVIATIONS) or not before.strip():
            continue
        spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


# ---------------------------------------------------------------- names

PARTICLES = {"van", "de", "der", "den", "ter", "te", "von", "du", "la", "le", "in", "'t", "het"}
# Words that make a capitalised phrase an organisation, never a person ("Katwijk Marketing"),
# or that have one of the parts inside ("Samenwerkingsorganisatie"): data/words.csv.
ORGANISATION_WORDS = frozenset(words("organisation_word"))
ORGANISATION_PARTS = words("organisation_part")
NAME_TOKEN = r"[A-ZÀ-Ý][\w'’.-]*"
PERSON = re.compile(rf"^{NAME_TOKEN}(?:\s+(?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})\s+)*"
                    rf"{NAME_TOKEN}){{1,3}}$")


def is_person_name(text: str, is_known_organisation: Callable[[str], bool]) -> bool:
    """Return True when `text` reads as a person's name ("Corine van der Ceelen").

    >>> is_person_name("Corine van der Ceelen", lambda t: False)
    True
    >>> is_person_name("Katwijk Marketing", lambda t: False)
    False
    >>> is_person_name("Leiden Marketing", lambda t: True)
    False
    """
    text = text.strip()
    if not PERSON.match(text) or is_known_organisation(text):
        return False
    words = [w.lower().strip(".,") for w in text.split()]
    # An all-capital word is an acronym ("SKOL Bonaventura"), not part of a person's name.
    acronym = any(len(w) > 1 and w.isupper() for w in text.split())
    institutional = any(part in w for w in words for part in ORGANISATION_PARTS)
    return (not any(w in ORGANISATION_WORDS for w in words) and not acronym and not institutional
            and not any(ch.isdigit() for ch in text))


def known_span(text: str, is_known_organisation: Callable[[str], bool]) -> tuple[int, int] | None:
    """Return (start, end) of the known organisation name with the most words in `text`.

    Between names of as many words the last one wins: in "programmamanager Economie071"
    the function comes first and the organisation last.

    >>> known_span("directeur van de Faculteit van Hogeschool Leiden.",
    ...            lambda t: t == "Hogeschool Leiden")
    (31, 48)
    >>> text = "programmamanager Economie071"
    >>> text[slice(*known_span(text, lambda t: t in {"programmamanager", "Economie071"}))]
    'Economie071'
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    best: tuple[int, int] | None = None
    best_size = 0
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if j - i < best_size:
                break
            start, end = words[i][0], words[j - 1][1]
            candidate = text[start:end].rstrip(".,;:")
            if candidate and is_known_organisation(candidate):
                best, best_size = (start, start + len(candidate)), j - i
                break
    return best


def is_quote_start(text: str) -> bool:
    """Return True when `text` opens a quotation (‘ or ' or “)."""
    return text.lstrip()[:1] in _QUOTE_OPEN


PAGE_START = re.compile(r"^ \S")
_TERMINAL = (".", ",", ";", ":", "!", "?", "’", "'", "”")
_CONNECTORS = {"en", "of", "van", "de", "het", "voor", "op", "met", "in", "aan", "te", "bij"}


def text_blocks(lines: list[Line]) -> list[list[Line]]:
    """Return the paragraphs of running text, as the reader sees them.

    A paragraph ends at a blank line and before a page start (a line with one leading
    space in the PDF editions). The PDF also leaves blank lines inside sentences: a
    paragraph that ends on "," or mid-sentence and is followed by one that starts in
    lower case is one paragraph. A short first line without punctuation followed by a
    capitalised line is a heading and stands alone ("Intentieverklaring").
    """
    runs: list[list[Line]] = []
    current: list[Line] = []
    for number, raw in lines:
        if not raw.strip() or (PAGE_START.match(raw) and current):
            if current:
                runs.append(current)
            current = [] if not raw.strip() else [(number, raw)]
            continue
        current.append((number, raw))
    if current:
        runs.append(current)
    merged: list[list[Line]] = []
    for run in runs:
        if merged and _continues(merged[-1], run):
            merged[-1].extend(run)  # in place: a long card must not copy its lines again
        else:
            merged.append(run)
    blocks: list[list[Line]] = []
    for run in merged:
        first = strip_markup(run[0][1]).strip()
        second = strip_markup(run[1][1]).strip() if len(run) > 1 else ""
        if (second and len(first.split()) <= 5 and not first.endswith(_TERMINAL)
                and second[:1].isupper() and not first.startswith(("•", "-"))
                and first.split()[-1].lower() not in _CONNECTORS):
            blocks.append(run[:1])
            blocks.append(run[1:])
        else:
            blocks.append(run)
    return blocks


def _continues(previous: list[Line], run: list[Line]) -> bool:
    last = strip_markup(previous[-1][1]).rstrip()
    first = strip_markup(run[0][1]).strip()
    if PAGE_START.match(run[0][1]) or not first:
        return False
    if first.startswith(("•", "-")):
        return False
    last_word = last.split()[-1].lower() if last.split() else ""
    return (last.endswith(",") or last_word in _CONNECTORS
            or (last[-1:].isalpha() and first[:1].islower()))

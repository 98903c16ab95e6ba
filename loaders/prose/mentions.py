"""Mentions of known organisations, projects and people in running prose.

`paragraphs` turns text lines into flowed paragraphs that remember the line every
character came from; `known_mentions` scans a paragraph once with the lexicon's
automaton and keeps the longest names that fit their context; `head_mentions` reads
names after a word such as "gemeente" or "the municipalities of", lists included
("de gemeenten Leiden en Leiderdorp" is two organisations). A bare place name or a
generic noun is never a mention (graph071.loaders.prose.lexicon keeps them out).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from dataclasses import dataclass, field

from graph071.loaders.prose.lexicon import Entity, Form, Lexicon, key_of, tokens
from graph071.schema import Node

# A capitalised name: words that start with a capital or a digit, joined by the small
# words place names have ("Alphen aan den Rijn", "Capelle aan den IJssel"); "regio" after a
# place's adjective ends one ("Economische Programmaraad Leidse regio").
NAME_WORD = r"(?:[A-Z][\w'’&-]*\w|[A-Z](?![.\w])|\d[\w-]*[A-Za-z][\w-]*)"
NAME = (rf"{NAME_WORD}(?:\s+(?:(?:aan|op|in|upon|on)\s+(?:den\s+|de\s+|het\s+|the\s+)?)?"
        rf"{NAME_WORD})*(?:(?<=se)\s+regio\b)?")
# A name -> (the known organisation it is a small variant of or None, score, suggestions).
NearMiss = Callable[[str], tuple[Entity | None, float, list[str]]]
_LIST_GLUE = r"(?:\s*,\s*|\s+(?:en|and|&|of|or)\s+|\s*,\s*(?:en|and)\s+)"
_QUOTE_LIMIT = 320


@dataclass
class Paragraph:
    """A run of text lines flowed into one text; `line_at` gives a character's line."""

    text: str
    starts: list[int]  # offset in `text` where each source line starts
    lines: list[int]  # the 1-based line numbers of those source lines
    abbreviations: set[str] = field(default_factory=set, repr=False)
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Return the (start, end) spans of the paragraph's sentences (cut on first use)."""
        if self._sentences is None:
            self._sentences = sentences(self.text, self.abbreviations)
        return self._sentences

    def line_at(self, offset: int) -> int:
        """Return the source line of the character at `offset`."""
        return self.lines[max(0, bisect_right(self.starts, offset) - 1)]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """Return the span of the sentence holding `offset`."""
        # The sentences follow each other without overlap: a binary search finds the one.
        spans = self.sentences
        index = bisect_right(spans, (offset, len(self.text) + 1)) - 1
        if index >= 0 and spans[index][0] <= offset < spans[index][1]:
            return spans[index]
        return 0, len(self.text)

    def quote_at(self, offset: int) -> str:
        """Return the sentence holding `offset`, cut to a readable length."""
        start, end = self.sentence_at(offset)
        quote = self.text[start:end].strip()
        return quote if len(quote) <= _QUOTE_LIMIT else quote[:_QUOTE_LIMIT - 1].rstrip() + "…"


@dataclass
class Mention:
    """A name found in a paragraph: known (entity set) or proposed (entity None, `name` proposed)."""

    kind: str
    name: str
    surface: str
    start: int
    end: int
    entity: Entity | None = None
    confidence: float = 1.0
    how: str = "alias"  # alias, head, fuzzy, acronym, tail, partner, person
    alias: str = ""  # an acronym the text gives for a proposed name
    suggestions: list[str] = field(default_factory=list)

    @property
    def new(self) -> bool:
        return self.entity is None


def paragraphs(lines: list[str], abbreviations: set[str], first_line: int = 1,
               alone: set[int] = frozenset()) -> list[Paragraph]:
    """Return the paragraphs (runs of non-blank lines) of `lines`; sentences are cut on first use.

    A word broken at a line end ("samen-" / "werking") is joined again. The lines numbered
    in `alone` (a title, a dateline) are paragraphs of their own.

    >>> [p.text for p in paragraphs(["De gemeente Lei-", "den werkt samen.", "", "Nieuw."], set())]
    ['De gemeente Leiden werkt samen.', 'Nieuw.']
    >>> [p.text for p in paragraphs(["Nieuws", "Leiden, 3 mei 2024", "Het loket."], set(), alone={1, 2})]
    ['Nieuws', 'Leiden, 3 mei 2024', 'Het loket.']
    """
    found: list[Paragraph] = []
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    length = 0
    for number, raw in enumerate([*lines, ""], start=first_line):
        line = " ".join(raw.split())
        if parts and (not line or number in alone or number - 1 in alone):
            found.append(Paragraph("".join(parts), starts, numbers, abbreviations))
            parts, starts, numbers, length = [], [], [], 0
        if not line:
            continue
        if parts and parts[-1][-1:] == "-" and parts[-1][-2:-1].isalpha() and line[0].islower():
            if parts[-1][-2:-1].islower():  # a word broken over two lines
                parts[-1] = parts[-1][:-1]
                length -= 1
            # else a compound ("CvV-" / "medewerkers"): it keeps its hyphen
        elif parts:
            parts.append(" ")
            length += 1
        starts.append(length)
        numbers.append(number)
        parts.append(line)
        length += len(line)
    return found


_SENTENCE_END = re.compile(r"[.!?…]+[\"'’”)]*(?=\s+[\"'‘“(]?[A-Z0-9])|[.!?…]+[\"'’”)]*$")


def sentences(text: str, abbreviations: set[str]) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences of `text`; abbreviations do not end one.

    >>> text = "Dit gebeurt i.s.m. de KvK. Daarna volgt meer."
    >>> [text[s:e] for s, e in sentences(text, {"i.s.m."})]
    ['Dit gebeurt i.s.m. de KvK.', 'Daarna volgt meer.']
    """
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        word = _last_word(text, match.end()).lower().strip("\"'‘“(")
        if word in abbreviations or re.fullmatch(r"(?:[a-z]\.){1,3}", word):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _last_word(text: str, end: int) -> str:
    """Return the last white-space separated word of `text[:end]` (as str.rsplit gives it).

    It looks back in growing windows: splitting all of `text[:end]` at every sentence end
    is quadratic in a long paragraph.
    """
    window = 64
    while True:
        start = max(0, end - window)
        part = text[start:end].rstrip()
        words = part.rsplit(None, 1)
        # The window holds the whole word when white space stands before it in the window.
        if start == 0 or len(words) == 2 or part[:1].isspace():
            return words[-1]
        window *= 4


def known_mentions(paragraph: Paragraph, lexicon: Lexicon) -> list[Mention]:
    """Return the known names written in `paragraph`, longest first where they overlap."""
    if not lexicon.forms:
        return []
    toks = tokens(paragraph.text)
    candidates: list[Mention] = []
    for end_at, (key, count, forms) in lexicon.automaton.iter(toks.joined):
        first = toks.index_at(end_at - len(key) + 2)
        start, end = toks.spans[first][0], toks.spans[first + count - 1][1]
        surface = paragraph.text[start:end]
        form = _fitting_form(key, forms, surface, paragraph.text, start, end, lexicon)
        if form is not None:
            candidates.append(Mention(form.entity.kind, form.entity.name, surface, start, end,
                                      form.entity))
    return longest(candidates)


def _fitting_form(key: str, forms: tuple[Form, ...], surface: str, text: str, start: int,
                  end: int, lexicon: Lexicon) -> Form | None:
    """Return the form that fits the written surface and its context, or None."""
    fitting = [f for f in forms if all(i < len(surface) and surface[i].isupper() for i in f.case)]
    if not fitting:
        return None
    senses = lexicon.senses.get(key)
    if senses:
        before, after = text[max(0, start - 60):start].lower(), text[end:end + 60].lower()
        rule = next((s for s in senses if s.before.search(before) and s.after.search(after)), None)
        if rule is not None and not rule.link:
            return None
    if len(fitting) > 1:
        # One name for a project and an organisation ("Technolab", "PLNT", "Expat Centre"):
        # the project where the text says so, the organisation otherwise.
        says_project = re.search(r"\b(?:project|projecten|projectkaart)\s*$",
                                 text[max(0, start - 20):start], re.IGNORECASE)
        wanted = Node.PROJECT if says_project else Node.ORGANISATION
        fitting.sort(key=lambda f: f.entity.kind != wanted)
    return fitting[0]


def longest(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions without overlaps: the longer (then the earlier) one wins."""
    chosen: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: (m.start - m.end, m.start))
    if not all(0 <= m.start < m.end for m in mentions):
        taken: list[tuple[int, int]] = []
        for mention in ordered:
            if all(mention.end <= s or mention.start >= e for s, e in taken):
                chosen.append(mention)
                taken.append((mention.start, mention.end))
        return sorted(chosen, key=lambda m: m.start)
    # The characters taken so far, one byte each: comparing every mention with every one
    # taken is quadratic in a long paragraph full of names.
    covered = bytearray(max((m.end for m in mentions), default=0))
    for mention in ordered:
        if covered.find(1, mention.start, mention.end) < 0:
            chosen.append(mention)
            covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(chosen, key=lambda m: m.start)


class Spans:
    """The spans of some mentions, to ask quickly whether a span overlaps one of them."""

    def __init__(self, mentions: list[Mention]) -> None:
        pairs = sorted((m.start, m.end) for m in mentions)
        self.starts = [start for start, _ in pairs]
        self.reach = list(accumulate((end for _, end in pairs), max))  # the furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Return True when a mention has m.start < end and start < m.end."""
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.reach[index] > start


def head_regex(lexicon: Lexicon) -> re.Pattern:
    """Return the pattern of "<org head> <name>[, <name> en <name>]" for the lexicon's heads."""
    heads = sorted(lexicon.patterns.words("org_head"), key=len, reverse=True)
    alternation = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(rf"(?<![\w-])(?P<head>(?i:{alternation}))\s+"
                      rf"(?P<names>{NAME}(?:{_LIST_GLUE}{NAME})*)")


def head_mentions(paragraph: Paragraph, lexicon: Lexicon, pattern: re.Pattern,
                  near: NearMiss | None = None) -> list[Mention]:
    """Return the organisations named after a head word, one per name of a list.

    `near(name)` gives the known organisation a name is a small variant of (rapidfuzz).
    """
    rows = lexicon.head_rows
    found: list[Mention] = []
    for match in pattern.finditer(paragraph.text):
        row = rows[" ".join(match.group("head").lower().split())]
        names = match.group("names")
        parts = (list(re.finditer(NAME, names)) if row["extra"] in ("place", "list")
                 else [re.match(NAME, names)])
        for index, part in enumerate(parts):
            start = match.start("names") + part.start()
            end = match.start("names") + part.end()
            written = paragraph.text[match.start():end] if index == 0 else part.group()
            found.append(_head_mention(row["value"].format(part.group()), part.group(), written,
                                       match.start() if index == 0 else start, end, lexicon,
                                       near))
    return found


def _head_mention(canonical: str, bare: str, surface: str, start: int, end: int,
                  lexicon: Lexicon, near: NearMiss | None) -> Mention:
    entity = lexicon.entity_of_organisation(canonical)
    if entity is None and near is not None:
        # "ondernemersvereniging Leiden Bio Science Park" is the Ondernemersvereniging Bio
        # Science Park, not the park its bare name is.
        variant, score, _ = near(canonical)
        if variant is not None:
            return Mention(Node.ORGANISATION, variant.name, surface, start, end, variant,
                           round(score / 100, 2), "fuzzy")
    if entity is None and key_of(bare) not in lexicon.places:
        # "stichting Wireless Leiden" is the known "Wireless Leiden"; "ondernemersvereniging
        # Oegstgeest" is not the gemeente.
        entity = lexicon.entity_of_organisation(bare)
    if entity is not None:
        return Mention(Node.ORGANISATION, entity.name, surface, start, end, entity, 1.0, "head")
    return Mention(Node.ORGANISATION, canonical, surface, start, end, None, 0.7, "head")

"""Reading one text: its mentions, people with roles and stated relations, as plain data.

`read_lines(lines, lexicon, ...)` takes text lines (however they were extracted)
and gives a `Reading`; `Reading.as_json()` is the shape `graph071 read --json`
promises. Nothing is added to a graph here: graph071.loaders.prose.loader turns a
Reading into records, graph071.loaders.prose.review turns its uncertain parts into
review items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph071.loaders.prose.lexicon import Entity, Lexicon, key_of
from graph071.loaders.prose.mentions import (NAME_WORD, Mention, Paragraph, head_mentions, head_regex,
                                             Spans, known_mentions, longest, paragraphs)
from graph071.loaders.prose.names import FUZZY_THRESHOLD, NameReader, RoleFound
from graph071.loaders.prose.relations import Relation, cues, relations
from graph071.i18n import text
from graph071.schema import Node, label

# Capitalised words right after a known name, that make it a longer name.
_NAME_AFTER = re.compile(rf" (?:{NAME_WORD})(?: {NAME_WORD})*")
# A line that is only a place and a date heads a news item: "Leiden, 14 februari 2025",
# "Leiden, March 12, 2024", "maandag 3 maart 2025".
_DATELINE = re.compile(r"(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*[,–-]\s*)?(?:[a-z]+dag\s+|[A-Z][a-z]+day,?\s+)?"
                       r"(?:\d{1,2}\s+[A-Za-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\.?")
# A relation at or above this confidence, between known ends, becomes an edge.
EDGE_CONFIDENCE = 0.7
_ENGLISH = re.compile(r"\b(?:the|and|of|with|is|are|has|have|which|municipality)\b", re.IGNORECASE)
_DUTCH = re.compile(r"\b(?:de|het|en|van|met|een|is|zijn|heeft|gemeente|wordt)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A mention with where it is: line and quote."""

    mention: Mention
    line: int
    quote: str


@dataclass(frozen=True)
class StatedRole:
    """A person's role with where it is stated."""

    found: RoleFound
    line: int
    quote: str


@dataclass(frozen=True)
class StatedRelation:
    """A relation with where it is stated."""

    relation: Relation
    line: int
    quote: str

    @property
    def confident(self) -> bool:
        """Return whether it is sure enough, and between known ends, to become an edge."""
        ends = [m for m in (self.relation.subject, self.relation.object) if m is not None]
        return self.relation.confidence >= EDGE_CONFIDENCE and all(not m.new for m in ends)


@dataclass
class Reading:
    """What one document says: who is mentioned, who does what, and what is uncertain."""

    file: str
    format: str
    title: str
    date: str
    language: str
    document_id: str = ""
    mentions: list[Found] = field(default_factory=list)
    roles: list[StatedRole] = field(default_factory=list)
    relations: list[StatedRelation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_of_line: list[int] = field(default_factory=list)  # 1-based page per line; [] without pages

    def as_json(self) -> dict[str, Any]:
        """Return the reading in the shape `graph071 read --json` promises.

        A document with pages (a PDF) also gives the `page` of every mention, role and
        relation; other documents keep exactly the promised keys.
        """
        reading = {
            "document": {"file": self.file, "format": self.format, "title": self.title,
                         "date": self.date, "language": self.language},
            "mentions": [_mention_json(f) for f in self.mentions],
            "people": _people_json(self.roles),
            "relations": [_relation_json(r) for r in self.relations],
            "warnings": list(self.warnings),
        }
        if self.page_of_line:
            for item in [*reading["mentions"], *reading["relations"],
                         *(role for person in reading["people"] for role in person["roles"])]:
                item["page"] = self.page(item["line"])
        return reading

    def page(self, line: int) -> int | None:
        """Return the page line `line` was printed on, or None without pages."""
        return self.page_of_line[line - 1] if 0 < line <= len(self.page_of_line) else None


class Reader:
    """The prose reader of one lexicon: compiled once, used for many documents."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.names = NameReader(lexicon)
        self.heads = head_regex(lexicon)
        self.cues = cues(lexicon)
        self.abbreviations = lexicon.patterns.words("abbreviation")
        self._chunks: dict[str, tuple[Entity | None, float, list[str]]] = {}

    def read_lines(self, lines: list[str], *, file: str = "", format: str = "txt",
                   title: str = "", date: str = "", document_id: str = "",
                   context: Callable[[int], Entity | None] | None = None,
                   first_line: int = 1) -> Reading:
        """Return the reading of `lines`; `context(line)` names the subject a line is about."""
        text = " ".join(lines[:400])
        reading = Reading(file, format, title, date, language(text), document_id)
        seen: dict[str, Mention] = {}  # the people named so far, by name
        for paragraph in paragraphs(lines, self.abbreviations, first_line,
                                    standing_alone(lines, title, first_line)):
            self._read_paragraph(paragraph, reading, context, seen)
        _warn_about_new(reading)
        return reading

    def mentions(self, paragraph: Paragraph) -> list[Mention]:
        """Return every mention of a paragraph: known names, head words, near misses, proposals."""
        found = longest(known_mentions(paragraph, self.lexicon)
                        + head_mentions(paragraph, self.lexicon, self.heads, self._near_miss))
        found = self._extend_names(paragraph.text, _join_adjacent(paragraph.text, found))
        found = longest(found + self._near_misses(paragraph, found))
        found = longest(found + self.names.organisations(paragraph, found))
        return [self.names.with_known_acronym(paragraph.text, m) if m.new else m for m in found]

    def _read_paragraph(self, paragraph: Paragraph, reading: Reading,
                        context: Callable[[int], Entity | None] | None,
                        seen: dict[str, Mention]) -> None:
        found = self.mentions(paragraph)
        roles = self.names.people(paragraph, found)
        spans = Spans(found)
        people = [r.person for r in roles if not spans.overlaps(r.person.start, r.person.end)]
        found = longest(found + people)
        here = [(m.start, m) for m in found if m.kind == Node.PERSON]
        if seen or here:
            named = [(-1, m) for m in seen.values()] + here
            found = longest(found + self.names.surnames(paragraph, named, found))
            seen.update((m.name, m) for _, m in here)
        subject = context(paragraph.lines[0]) if context else None
        subject_mention = (Mention(subject.kind, subject.name, subject.name, -1, -1, subject)
                           if subject else None)
        stated, proposed = relations(paragraph, found, self.cues, self.names, subject_mention)
        found = longest(found + proposed)
        for mention in found:
            reading.mentions.append(Found(mention, paragraph.line_at(mention.start),
                                          paragraph.quote_at(mention.start)))
        for role in roles:
            reading.roles.append(StatedRole(role, paragraph.line_at(role.start),
                                            paragraph.quote_at(role.start)))
        for relation in stated:
            reading.relations.append(StatedRelation(relation, paragraph.line_at(relation.start),
                                                    paragraph.quote_at(relation.start)))

    def _extend_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """Return mentions where a known name is the start of a longer, unknown one.

        "Leiden University Medical Center" is not Universiteit Leiden; the whole name is
        read (a near miss or a proposal for review, the known name first among the closest).
        """
        extended: list[Mention] = []
        for index, mention in enumerate(found):
            tail = _NAME_AFTER.match(text, mention.end) if mention.entity is not None else None
            following = found[index + 1].start if index + 1 < len(found) else len(text)
            if tail is None or tail.end() > following or mention.kind != Node.ORGANISATION:
                extended.append(mention)
                continue
            whole = text[mention.start:tail.end()]
            longer = self.names.proposal(whole, whole, mention.start, tail.end(), "extended", 0.7)
            if longer.new:
                longer.suggestions = [mention.name, *[s for s in longer.suggestions
                                                      if s != mention.name]][:3]
            extended.append(longer)
        return extended

    def _near_miss(self, name: str) -> tuple[Entity | None, float, list[str]]:
        """Return the known organisation `name` is a small variant of (cached per reader)."""
        if name not in self._chunks:
            self._chunks[name] = self.names.near_miss(name)
        return self._chunks[name]

    def _near_misses(self, paragraph: Paragraph, found: list[Mention]) -> list[Mention]:
        """Return known organisations written with small variants ("Koepel Leidse Ondernemersverenigingen")."""
        near: list[Mention] = []
        spans = Spans(found)
        for name, start, _ in self.names.capitalised(paragraph):
            end = start + len(name)
            if " " not in name or spans.overlaps(start, end):
                continue
            if self.lexicon.decided(key_of(name)):
                continue  # a known name the context already read (the region, the technology)
            entity, score, _ = self._near_miss(name)
            if entity is not None and score >= FUZZY_THRESHOLD:
                near.append(Mention(entity.kind, entity.name, name, start, end, entity,
                                    round(score / 100, 2), "fuzzy"))
        return near


def standing_alone(lines: list[str], title: str, first_line: int = 1) -> set[int]:
    """Return the numbers of the lines that are no part of a sentence: the document's title
    (its first line, when that is the title) and datelines ("Leiden, 14 februari 2025").

    >>> sorted(standing_alone(["Nieuw loket", "Leiden, 3 mei 2024", "De gemeente ..."], "Nieuw loket"))
    [1, 2]
    """
    alone = {number for number, line in enumerate(lines, start=first_line)
             if _DATELINE.fullmatch(line.strip())}
    first = next((n for n, line in enumerate(lines, start=first_line) if line.strip()), None)
    if first is not None and title and " ".join(lines[first - first_line].split()) == \
            " ".join(title.split()):
        alone.add(first)
    return alone


def _join_adjacent(text: str, found: list[Mention]) -> list[Mention]:
    """Return mentions where two known names written as one ("VNO-NCW Bedrijfsleven Rijnland") are one.

    The first name decides: the rest qualifies it (a branch, a region).
    """
    joined: list[Mention] = []
    for mention in found:
        last = joined[-1] if joined else None
        if (last is not None and last.entity is not None and mention.entity is not None
                and last.kind == mention.kind == Node.ORGANISATION
                and text[last.end:mention.start] == " " and mention.surface[:1].isupper()
                and last.how == "alias"):
            joined[-1] = Mention(last.kind, last.name, text[last.start:mention.end], last.start,
                                 mention.end, last.entity, 0.8, "joined")
            continue
        joined.append(mention)
    return joined


def language(text: str) -> str:
    """Return "nl" or "en": which of the two the text's function words say.

    >>> language("The municipality of Katwijk works with the province.")
    'en'
    >>> language("De gemeente Katwijk werkt samen met de provincie.")
    'nl'
    """
    return "en" if len(_ENGLISH.findall(text)) > len(_DUTCH.findall(text)) else "nl"


def _warn_about_new(reading: Reading) -> None:
    seen: set[str] = set()
    for found in reading.mentions:
        mention = found.mention
        if mention.new and mention.name not in seen:
            seen.add(mention.name)
            closest = ", ".join(mention.suggestions) or text("read:none", "none")
            reading.warnings.append(text("read:new_name", "line {line}: {name!r} is not in the tables "
                                         "(proposed as a new {kind}; closest: {closest})",
                                         line=found.line, name=mention.name, closest=closest,
                                         kind=label(mention.kind).lower()))


def _mention_json(found: Found) -> dict[str, Any]:
    mention = found.mention
    return {"kind": mention.kind, "id": mention.entity.id if mention.entity else None,
            "name": mention.name, "new": mention.new, "surface": mention.surface,
            "line": found.line, "quote": found.quote, "confidence": mention.confidence}


def _people_json(roles: list[StatedRole]) -> list[dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for stated in roles:
        person = stated.found.person
        entry = people.setdefault(person.name, {
            "name": person.name, "id": person.entity.id if person.entity else None, "roles": []})
        target = stated.found.target
        is_project = target is not None and target.kind in (Node.PROJECT, Node.ACTIVITY)
        entry["roles"].append({
            "role": stated.found.role or None,
            "organisation": target.name if target is not None and not is_project else None,
            "organisation_id": (target.entity.id if target is not None and target.entity
                                and not is_project else None),
            "project": target.name if is_project else None,
            "line": stated.line, "quote": stated.quote})
    return list(people.values())


def _relation_json(stated: StatedRelation) -> dict[str, Any]:
    relation = stated.relation
    subject, obj = relation.subject, relation.object
    return {"subject": subject.name if subject else None,
            "subject_id": subject.entity.id if subject and subject.entity else None,
            "predicate": relation.predicate,
            "object": obj.name if obj else None,
            "object_id": obj.entity.id if obj and obj.entity else None,
            "line": stated.line, "quote": stated.quote, "confidence": relation.confidence}

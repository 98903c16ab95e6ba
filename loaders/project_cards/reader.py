"""Loader for the Economie071 projectkaarten (2018, 2019 and 2022 editions).

One set of rules reads all three layouts:

* a card starts at a "Projectkaart" line (title on the same or the next line, 2019 puts
  it in **bold**); in 2019 some cards have no such line, and start at a short title
  followed by a quoted speaker ("Bedrijventerreinen Leidse regio" / "Niels Dekker," /
  "projectleider ...:"); in 2022 the "Categorie:" line stands just above "Projectkaart";
  an edition without "Projectkaart" lines (another extraction, a next edition) has its
  cards found by that structure: a "Categorie:" field with the title below it;
  a re-wrapped text may run the marker into the sentence before it or wrap the title
  over two lines;
* the PDF editions (2018, 2022) mark each page start with one leading space; a card
  owns its whole page, so the quote or body printed above its header on the same page
  (2022: Index071, the bedrijventerreinen strategy; 2018: Duurzame mobiliteit) is read
  with it; a card ends where the next card's page (or header) begins;
* whatever lies outside the cards is the introduction (project_cards/intro.py).

Project names go through data/projects.csv (graph071.corpus.projects): cards of different
editions that the table joins become one Project node. Organisation names are left as
written for the builder to resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph071 import i18n
from graph071.corpus.labels import LabelPattern, labels_path, scope_alternatives
from graph071.corpus.manifest import Document
from graph071.corpus.wordlists import successions
from graph071.corpus.organisations import slug
from graph071.corpus.projects import KnownProject, ProjectTable
from graph071.records import (EdgeRecord, LoadResult, NodeRecord, OrgName, PersonName, Ref,
                              Source)
from graph071.schema import Edge, Node, node_id

from graph071.loaders import ParseContext
from graph071.loaders.project_cards.roles import (HEADING, LABEL, Mention, block_mentions, canonical_role,
                                  label_blocks, sentence_mentions, split_function,
                                  unknown_labels)
from graph071.loaders.project_cards.flow import (Flow, flow, is_person_name, is_quote_start, known_span,
                                 sentences, strip_markup, text_blocks)
from graph071.loaders.text import Line, paragraphs, soft_width

PROJECTKAART = re.compile(r"^\s*Projectkaart\b\s*(?P<title>.*?)\s*$")
# A re-flowing extraction runs the marker into the last sentence of the page before
# ("... voldoende waarborg biedt. Projectkaart"); the title is then on the next line.
MARKER_AT_END = re.compile(r"[.!?’'”]\s+Projectkaart\s*$")
# "Categorie: lopend project" and the labels data/labels.csv gives the same role (Status).
_CATEGORIE_LABELS = scope_alternatives("kaart", role="Categorie")
CATEGORIE = LabelPattern(lambda table: rf"^\s*(?:{_CATEGORIE_LABELS(table)})"
                         r"\s*:\s*(?P<categorie>.+?)\s*$", re.IGNORECASE)
PAGE_START = re.compile(r"^ \S")
SPEAKER_NAME = re.compile(r"^(?P<name>[^,:()]{3,60}),\s*(?P<role>.*)$")
SPEAKER_INLINE = re.compile(r"^(?P<name>[^():,]{3,40}?)\s+(?:\((?P<role>[^)]*)\)|van\s+"
                            r"(?P<org>[^:]{3,60})):\s*(?P<quote>['‘].*)$")
QUOTE_END = re.compile(r"[’'”][.,]?\s*$")
LINKS_HEADING = re.compile(r"^\s*Verbinding met (?:andere )?projecten\b.*$", re.IGNORECASE)
LINK_CUE = re.compile(r"raakvlakken\s+met|sluit\s+(?:nauw\s+)?aan\s+bij|samenwerking\s+met"
                      r"|projecten\s+op\s+het\s+vlak\s+van|aangehaakt|dwarsverbanden"
                      r"|samenwerking\s+(?:\w+\s+){0,3}gezocht\s+met", re.IGNORECASE)
PENVOERDER = re.compile(r"\b(?:wij|we)\b[^.]*\bals\s+penvoerder\b", re.IGNORECASE)
AMBASSADOR = re.compile(r"\bambassadeursrol\b", re.IGNORECASE)


@dataclass(frozen=True)
class SuccessionRule:
    """A sentence that says one project (or the organisation it became) continues another.

    `older`/`newer` name the groups; a missing group is the card's own project.
    `newer_is_organisation`: the newer side is looked up as an organisation first.
    """

    pattern: re.Pattern
    cue: str
    newer_is_organisation: bool = False
    # Words one of which must occur for the pattern to match at all. The patterns start
    # with a lazy group, which costs quadratic time on every sentence; this test is cheap.
    triggers: tuple[str, ...] = ()

    def may_match(self, text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in self.triggers)


# The succession phrases are data/successions.csv (graph071.corpus.wordlists), each with
# where it was seen; a rule without trigger words is tried when its cue's first word occurs.
SUCCESSION_RULES: tuple[SuccessionRule, ...] = tuple(
    SuccessionRule(re.compile(rule.pattern, re.IGNORECASE), rule.cue, rule.newer_is_organisation,
                   rule.triggers or (rule.cue.split()[0],))
    for rule in successions())


@dataclass
class Card:
    """Where one project card sits in the document."""

    first: int  # first line of the card's region (its page start in the PDF editions)
    last: int
    header: int  # the "Projectkaart" line, or the title line when there is none
    title: str
    title_line: int
    categorie: str = ""
    title_end: int = 0  # the last line of a title wrapped over several lines
    categorie_line: int = 0


@dataclass
class Speaker:
    """A person quoted on a card or in the introduction."""

    name: str
    role: str  # as written: "projectleider vanuit de gemeente Oegstgeest"
    function: str  # written before the name: "Adviseur" (Rob Manders)
    line: int
    quote: str
    quote_line: int
    lines: set[int] = field(default_factory=set)


# ---------------------------------------------------------------- where the cards are

def find_cards(lines: list[Line], known) -> list[Card]:
    """Return the cards in document order, each with its region of lines."""
    headers: list[Card] = []
    for index, (number, raw) in enumerate(lines):
        text = strip_markup(raw)
        match = PROJECTKAART.match(text) or MARKER_AT_END.search(text)
        if not match:
            continue
        title, title_line = match.groupdict().get("title") or "", number
        if not title:
            following = [(n, strip_markup(t).strip()) for n, t in lines[index + 1:index + 5]]
            title_line, title = next(((n, t) for n, t in following if t), (number, ""))
        title, title_end = _wrapped_title(lines, title_line, title)
        header = number
        above = lines[index - 1] if index else (0, "")
        if CATEGORIE.match(strip_markup(above[1])):
            header = above[0]  # 2022: "Categorie: ..." right above "Projectkaart"
        headers.append(Card(header, header, header, title.strip(), title_line,
                            title_end=title_end))
    if headers:
        headers += _titled_by_speaker(lines, headers, known)
    else:
        headers = _headed_by_categorie(lines)
    headers.sort(key=lambda c: c.header)
    pages = [number for number, raw in lines if PAGE_START.match(raw)]
    for i, card in enumerate(headers):
        page = max((p for p in pages if p <= card.header), default=None)
        previous = headers[i - 1].header if i else 0
        card.first = page if page is not None and page > previous else card.header
        if not pages and i:
            card.first = _quotes_above(lines, headers[i - 1], card.header, known)
    for i, card in enumerate(headers):
        card.last = headers[i + 1].first - 1 if i + 1 < len(headers) else len(lines)
        _find_categorie(card, lines)
    return headers


def _headed_by_categorie(lines: list[Line]) -> list[Card]:
    """Return the cards of an edition without "Projectkaart" lines, found by structure:
    a "Categorie:" field (or another label labels.csv gives that role) with the title on
    the next line, a blank line below it (as 2022 prints every card).

    Only when the edition puts that field at the head of its cards: the first one comes
    before any role label (2019 ends a card with it, so the line below it is the next
    part of the text, no title)."""
    texts = [strip_markup(raw).strip() for _, raw in lines]
    first_role = next((i for i, text in enumerate(texts) if LABEL.match(text)), len(texts))
    categories = [i for i, text in enumerate(texts) if CATEGORIE.match(text)]
    if not categories or categories[0] > first_role:
        return []
    found = []
    for i in categories:
        title = next((j for j in range(i + 1, min(i + 3, len(texts))) if texts[j]), None)
        if title is None or not _looks_like_title(texts, title):
            continue
        number = lines[title][0]
        text, end = _wrapped_title(lines, number, texts[title])
        found.append(Card(lines[i][0], lines[i][0], lines[i][0], text, number, title_end=end))
    return found


def _looks_like_title(texts: list[str], index: int) -> bool:
    """Return True for a line that can be a card's title: short, no sentence or field,
    not a page number, and a blank line (or a second title line) below it."""
    text = texts[index]
    if (len(text) > 90 or len(text.split()) > 12 or text.endswith((".", ",", ":", ";", "!", "?"))
            or LABEL.match(text) or HEADING.match(text) or CATEGORIE.match(text)
            or re.fullmatch(r"[\d\W]+", text)):
        return False
    return any(not texts[j] for j in range(index + 1, min(index + 4, len(texts))))


def _wrapped_title(lines: list[Line], title_line: int, title: str) -> tuple[str, int]:
    """Return the title with the lines a narrow re-wrap moved it onto, and its last line.

    Every edition prints a blank line below the title, so the title is the paragraph
    that starts at `title_line` (at most three lines, no label or heading in it)."""
    offset = title_line - lines[0][0] if lines else 0
    following = [strip_markup(raw).strip() for _, raw in lines[offset + 1:offset + 4]]
    ends = next((i for i, text in enumerate(following) if not text), None)
    if not title or not ends or any(LABEL.match(t) or HEADING.match(t) or CATEGORIE.match(t)
                                    for t in following[:ends]):
        return title, title_line
    return " ".join([title, *following[:ends]]), title_line + ends


def _quotes_above(lines: list[Line], previous: Card, header: int, known) -> int:
    """Return the first line of a card in a text without page marks: the quoted speakers
    that stand right above its header (only blank lines between them) belong to it, as
    2022 prints them above the title, unless nothing but they follow the previous card's
    title (then they are that card's). Without them the card starts at its header."""
    region = lines[max(previous.title_line, previous.header):header - 1]
    start = header
    for speaker in reversed(find_speakers(region, known)):
        last = max(speaker.lines)
        if any(raw.strip() for number, raw in region if last < number < start):
            break
        start = min(speaker.lines)
    if not any(raw.strip() for number, raw in region if number < start):
        return header  # the previous card has no text of its own before them
    return start


def _titled_by_speaker(lines: list[Line], headers: list[Card], known) -> list[Card]:
    """Return the 2019 cards without a "Projectkaart" line: a short title, blank lines and
    then a quoted speaker ("Niels Dekker," / "projectleider vanuit de gemeente Leiden:")."""
    found = []
    first_header = min(c.header for c in headers)
    titled = {c.title_line for c in headers} | {c.header for c in headers}
    texts = [strip_markup(raw).strip() for _, raw in lines]
    for index, (number, _) in enumerate(lines):
        text = texts[index]
        # A title stands after a blank line: that cheap test before the patterns.
        if (number <= first_header or number in titled or not text or (index and texts[index - 1])
                or len(text.split()) > 10 or text.endswith((".", ":", ",", ";", "!", "?", "’", "'"))
                or LABEL.match(text) or HEADING.match(text)):
            continue
        nxt = next((j for j in range(index + 1, min(index + 7, len(lines))) if texts[j]), None)
        if nxt is None or nxt == index + 1:
            continue
        name = SPEAKER_NAME.match(texts[nxt])
        if not name or name["role"] or not is_person_name(split_function(name["name"])[1], known):
            continue
        role = next((texts[j] for j in range(nxt + 1, min(nxt + 4, len(lines))) if texts[j]), "")
        if not role.endswith(":"):
            continue
        before = [t for t in texts[max(0, index - 8):index] if t][-3:]
        if any(PROJECTKAART.match(t) for t in before):
            continue
        found.append(Card(number, number, number, text, number))
    return found


def _find_categorie(card: Card, lines: list[Line]) -> None:
    for number, raw in lines[card.first - 1:card.last]:
        match = CATEGORIE.match(strip_markup(raw))
        if match:
            card.categorie, card.categorie_line = match["categorie"].strip(), number
            return


def intro_regions(lines: list[Line], cards: list[Card]) -> list[list[Line]]:
    """Return the runs of lines that belong to no card (foreword, programme pages)."""
    inside = {n for card in cards for n in range(card.first, card.last + 1)}
    regions: list[list[Line]] = []
    current: list[Line] = []
    for number, raw in lines:
        if number in inside:
            if current:
                regions.append(current)
                current = []
            continue
        current.append((number, raw))
    if current:
        regions.append(current)
    return regions


# ---------------------------------------------------------------- speakers

def find_speakers(lines: list[Line], known) -> list[Speaker]:
    """Return the quoted speakers in `lines`: "Name," / "role:" / "‘quote’" and the
    2019 inline form "Name (role): 'quote'"."""
    found: list[Speaker] = []
    texts = [strip_markup(raw).strip() for _, raw in lines]
    index = 0
    while index < len(lines):
        speaker = _speaker_at(lines, texts, index, known)
        if speaker:
            found.append(speaker)
            index = max(i for i, (n, _) in enumerate(lines) if n in speaker.lines) + 1
        else:
            index += 1
    return found


def _speaker_at(lines: list[Line], texts: list[str], index: int, known) -> Speaker | None:
    text = texts[index]
    inline = SPEAKER_INLINE.match(text)
    if inline and is_person_name(inline["name"].strip(), known):
        role = inline["role"] or (f"van {inline['org']}" if inline["org"] else "")
        return _with_quote(lines, texts, index, inline["name"].strip(), role.strip(), "",
                           {lines[index][0]}, first_text=inline["quote"], known=known)
    match = SPEAKER_NAME.match(text)
    if not match:
        return None
    function, name = split_function(match["name"])
    if not is_person_name(name, known):
        return None
    used = {lines[index][0]}
    role = match["role"].strip()
    after = index + 1
    if not role:
        role_index = next((j for j in range(index + 1, min(index + 4, len(lines))) if texts[j]), None)
        if role_index is None:
            return None
        role, after = texts[role_index], role_index + 1
        used.add(lines[role_index][0])
    if not role.endswith(":"):
        return None
    quote_index = next((j for j in range(after, min(after + 3, len(lines))) if texts[j]), None)
    if quote_index is None or not is_quote_start(texts[quote_index]):
        return None
    return _with_quote(lines, texts, quote_index, name, role[:-1].strip(), function, used,
                       known=known)


def _next_speaker(texts: list[str], index: int, known) -> bool:
    """Return True when "Name," and "role:" start another speaker at `index`."""
    match = SPEAKER_NAME.match(texts[index])
    if not match or match["role"] or not is_person_name(split_function(match["name"])[1], known):
        return False
    role = next((t for t in texts[index + 1:index + 4] if t), "")
    return role.endswith(":")


def _with_quote(lines: list[Line], texts: list[str], start: int, name: str, role: str,
                function: str, used: set[int], first_text: str | None = None,
                known=None) -> Speaker | None:
    quote_lines: list[Line] = []
    for j in range(start, min(start + 25, len(lines))):
        text = first_text if (j == start and first_text is not None) else texts[j]
        if not text:
            continue
        # A quote whose closing mark the extraction lost ends where the next speaker starts.
        if known is not None and j > start and _next_speaker(texts, j, known):
            break
        quote_lines.append((lines[j][0], text))
        used.add(lines[j][0])
        if QUOTE_END.search(text) and (j > start or len(text) > 2):
            break
    if not quote_lines:
        return None
    quoted = flow(quote_lines)
    return Speaker(name, role, function, min(used), quoted.text, quoted.first_line, used)


# ---------------------------------------------------------------- reading one card

def read_card(card: Card, lines: list[Line], emitter: "Emitter") -> None:
    """Emit the card's project, appearance, people, roles, links and successions."""
    known = emitter.known
    project = emitter.card_project(card)
    header_lines = {card.header, card.categorie_line,
                    *range(card.title_line, max(card.title_line, card.title_end) + 1)}
    header_lines |= {n for n, raw in lines if PROJECTKAART.match(strip_markup(raw))
                     or MARKER_AT_END.search(strip_markup(raw))}
    body = [(n, raw) for n, raw in lines if n not in header_lines]
    appearance = emitter.appearance(card, project)

    speakers = find_speakers(body, known)
    used = {n for s in speakers for n in s.lines}
    for speaker in speakers:
        emitter.speaker(speaker, project, appearance)

    blocks, label_lines = label_blocks([(n, raw) for n, raw in body if n not in used],
                                       emitter.glue, emitter.width)
    used |= label_lines
    for number, label in unknown_labels(body, label_lines):
        emitter.result.warn(number, i18n.said(
            "warning:cards.label", "card {title!r}: label {label!r} is not in labels.csv, so the names after "
            "it are not read; add a row for it to {path}", title=card.title, label=label, path=str(labels_path())))
    mentions: list[Mention] = []
    for block in blocks:
        found, unread = block_mentions(block, known)
        mentions.extend(found)
        for text in unread:
            # A description ("contactpersonen van bedrijventerreinen"), not a lost name.
            emitter.result.note(block.line, i18n.said(
                "warning:cards.description", "{title}: '{label}': {text!r} read as a description, not as an "
                "organisation", title=card.title, label=block.label, text=text))
    running = [(n, raw) for n, raw in body if n not in used]
    mentions.extend(_continued_lists(running, blocks, known))
    flows = [flow(run, emitter.glue) for run in text_blocks(running)]
    for paragraph in flows:
        for start, end in sentences(paragraph.text):
            text = paragraph.text[start:end]
            mentions.extend(sentence_mentions(text, lambda o, s=start, p=paragraph: p.line_at(s + o),
                                              known))
            emitter.successions(text, paragraph.line_at(start), project)
    for mention in mentions:
        emitter.role(mention, project, appearance)
    emitter.links(flows, project)
    emitter.inferred_successions(card, project)
    emitter.close_appearance(card, project, appearance, mentions)


def _continued_lists(running: list[Line], blocks: list, known) -> list[Mention]:
    """Return the names of a partner list that the PDF columns cut off from its label:
    a paragraph of known organisations only, one per line, after a partner label."""
    found: list[Mention] = []
    for run in paragraphs(running):
        names = [strip_markup(raw).strip() for _, raw in run]
        if len(run) < 2 or not all(known(name) for name in names):
            continue
        label = next((b for b in reversed(blocks) if b.rule.org_kind == Edge.PARTNER
                      and b.last_line < run[0][0]), None)
        if label is None:
            continue
        quote = " ".join(names)
        for (number, _), name in zip(run, names):
            found.append(Mention(Edge.PARTNER, name, number, quote, canonical_role(label.label),
                                 f"{label.label} (vervolg)"))
    return found


# ---------------------------------------------------------------- emitting records

class Emitter:
    """Turns what the card rules found into node and edge records with provenance."""

    def __init__(self, document: Document, context: ParseContext, table: ProjectTable,
                 result: LoadResult, cards: list[Card]) -> None:
        self.document = document
        self.doc = document.id
        self.edition = document.entry.edition
        self.known = context.is_known_organisation
        self.table = table
        self.result = result
        self.cards = cards
        self.glue = _glue_unspaced(document.lines)
        self.width = soft_width(document.lines)
        self.projects: set[str] = set()
        self.described: set[str] = set()
        self.card_projects = {self.project_id(c.title) for c in cards}
        self.themes: dict[str, tuple[str, str]] = {}  # project id -> (theme id, theme name)
        self.pending_nodes: list[NodeRecord] = []
        # The succession phrases of each distinct sentence: a long card repeats its sentences.
        self._succession_phrases: dict[str, list[tuple[SuccessionRule, dict[str, str | None]]]] = {}

    # -- ids

    def resolve(self, text: str) -> KnownProject | None:
        return self.table.resolve(text)

    def project_id(self, text: str) -> str:
        known = self.resolve(text)
        return node_id(known.kind if known else Node.PROJECT, known.key if known else slug(text))

    def source(self, line: int, quote: str) -> Source:
        return Source(self.doc, line, quote.strip())

    # -- nodes

    def card_project(self, card: Card) -> str:
        known = self.resolve(card.title)
        if known is None:
            self.result.warn(card.title_line, i18n.said(
                "warning:cards.not_listed", "project card {title!r} is not in projects.csv: add it there to join it "
                "with the same project in other editions", title=card.title))
        return self.project_id(card.title)

    def appearance(self, card: Card, project: str) -> dict[str, Any]:
        """Return an empty record of who the card names in which role ("KIND|name as
        written"), filled while the card is read; it decides whether the card has a trekker.
        The roles themselves are the edges the card gives (one truth per fact)."""
        return {"card": f"{self.doc}:{card.title_line}", "project": project, "roles": []}

    def close_appearance(self, card: Card, project: str, appearance: dict[str, Any],
                         mentions: list[Mention]) -> None:
        known = self.resolve(card.title)
        name = known.name if known else card.title
        trekkers = [r.split("|", 1)[1] for r in appearance["roles"] if r.startswith("TREKKER|")]
        opdrachtgevers = [m for m in mentions if m.kind == Edge.OPDRACHTGEVER
                          and m.role.lower().startswith("bestuurlijk")]
        status = card.categorie or "geen categorie"
        props: dict[str, Any] = {
            "title": name, "names": [card.title], "aliases": list(known.forms) if known else [],
            "note": known.note if known else "", "editions": [self.edition],
            "timeline": [f"{self.edition}: {status}"],
        }
        if not trekkers:
            props["trekker_text"] = ("geen bestuurlijk trekker; bestuurlijk opdrachtgever: "
                                     + ", ".join(m.text for m in opdrachtgevers)
                                     if opdrachtgevers else "geen bestuurlijk trekker op de kaart")
        if project in self.themes:
            # As on actions: "theme" is the theme's number, "theme_name" its name.
            theme_id, props["theme_name"] = self.themes[project]
            props["theme"] = int(theme_id.rsplit("/", 1)[1])
            props["theme_id"] = theme_id
        quote = f"Projectkaart {card.title}"
        self.result.nodes.append(NodeRecord(Node.PROJECT, project.split(":", 1)[1], name,
                                               self.source(card.title_line, quote), props))
        self.projects.add(project)
        self.result.edges.append(EdgeRecord(
            Edge.APPEARS_IN, project, node_id(Node.DOCUMENT, self.doc),
            self.source(card.title_line, quote), role=status,
            props={"edition": self.edition, "categorie": card.categorie,
                   "categorie_line": card.categorie_line, "name_as_written": card.title,
                   "first_line": card.first, "last_line": card.last}))

    def mentioned_project(self, known: KnownProject | None, as_written: str, line: int,
                          quote: str, role: str = "genoemd") -> str:
        """Return the id of a project named outside its own card; add its node if new."""
        kind = known.kind if known else Node.PROJECT
        key = known.key if known else slug(as_written)
        identifier = node_id(kind, key)
        if identifier not in self.projects and identifier not in self.card_projects:
            props = {"title": known.name if known else as_written, "names": [as_written],
                     "aliases": list(known.forms) if known else [],
                     "note": known.note if known else ""}
            self.pending_nodes.append(NodeRecord(kind, key, known.name if known else as_written,
                                                 self.source(line, quote), props))
            self.projects.add(identifier)
        if identifier not in self.card_projects and identifier not in self.described:
            self.described.add(identifier)
            self.result.edges.append(EdgeRecord(Edge.DESCRIBED_IN, identifier,
                                                node_id(Node.DOCUMENT, self.doc),
                                                self.source(line, quote), role=role,
                                                props={"edition": self.edition,
                                                       "name_as_written": as_written}))
        return identifier

    def finish(self) -> None:
        self.result.nodes.extend(self.pending_nodes)

    # -- edges

    def edge(self, kind: str, source: Ref, target: Ref, line: int, quote: str, role: str,
             **props: Any) -> None:
        self.result.edges.append(EdgeRecord(kind, source, target, self.source(line, quote),
                                            role=role, props={"edition": self.edition, **props}))

    def role(self, mention: Mention, project: str, appearance: dict[str, Any]) -> None:
        written = {"label_as_written": mention.label or mention.role}
        if mention.function:
            written["function"] = mention.function
        if mention.person:
            person = PersonName(mention.text, mention.organisation or None)
            self.edge(mention.kind, person, project, mention.line, mention.quote, mention.role,
                      name_as_written=mention.text, former=mention.former, **written)
            appearance["roles"].append(f"{mention.kind}|{mention.text}")
            if mention.organisation:
                self.works_for(mention.text, mention.organisation, mention.function,
                               mention.line, mention.quote)
            return
        props: dict[str, Any] = {"name_as_written": mention.text, **written}
        if mention.via_person:
            props["via_person"] = mention.via_person
        self.edge(mention.kind, OrgName(mention.text), project, mention.line, mention.quote,
                  mention.role, **props)
        appearance["roles"].append(f"{mention.kind}|{mention.text}")

    def works_for(self, person: str, organisation: str, function: str, line: int,
                  quote: str) -> None:
        kind = Edge.VOORZITTER if function.lower().startswith("voorzitter") else Edge.WORKS_FOR
        self.edge(kind, PersonName(person, organisation), OrgName(organisation), line, quote,
                  function, name_as_written=organisation)

    def speaker(self, speaker: Speaker, target: str | None, appearance: dict[str, Any] | None) -> None:
        """Emit a quoted person: QUOTED, the organisation they speak for, and what their
        words make of them (projectleider, penvoerder, ambassadeur)."""
        role = speaker.role
        # "programmamanager:" is a function, even though the table knows the word.
        leading, rest = split_function(role)
        span = known_span(rest, self.known)
        organisation = rest[span[0]:span[1]] if span else ""
        function = " ".join(p for p in (leading, rest[:span[0]] if span else rest) if p)
        function = re.sub(r"\s+(?:vanuit|van|bij)(?:\s+(?:de|het))?\s*$", "", function.strip())
        function = " ".join(p for p in (speaker.function, function) if p).strip(" ,")
        shown = ", ".join(p for p in (speaker.function, role) if p)
        quote = f"{speaker.name}, {shown}: {speaker.quote}"
        person = PersonName(speaker.name, organisation or None)
        document = node_id(Node.DOCUMENT, self.doc)
        self.edge(Edge.QUOTED, person, target or document, speaker.line, quote, shown,
                  name_as_written=speaker.name, words=speaker.quote)
        if appearance is not None:
            appearance["roles"].append(f"QUOTED|{speaker.name}")
        if organisation:
            self.works_for(speaker.name, organisation, function, speaker.line, quote)
        if target and re.match(r"projectleider\b", role, re.IGNORECASE):
            self.edge(Edge.PROJECTLEIDER, person, target, speaker.line, quote, "Projectleider",
                      name_as_written=speaker.name, label_as_written=shown)
            if appearance is not None:
                appearance["roles"].append(f"PROJECTLEIDER|{speaker.name}")
        if target and organisation and PENVOERDER.search(speaker.quote):
            sentence = _sentence_with(speaker.quote, PENVOERDER)
            self.edge(Edge.TREKKER, OrgName(organisation), target, speaker.quote_line,
                      f"{speaker.name}, {shown}: {sentence}", "Penvoerder",
                      name_as_written=organisation, via_person=speaker.name,
                      label_as_written="als penvoerder (in het citaat)")
            if appearance is not None:
                appearance["roles"].append(f"TREKKER|{organisation}")
        if target:
            for start, end in sentences(speaker.quote):
                self.successions(speaker.quote[start:end], speaker.quote_line, target)
        if target and AMBASSADOR.search(speaker.quote):
            sentence = _sentence_with(speaker.quote, AMBASSADOR)
            self.edge(Edge.AMBASSADEUR, person, target, speaker.quote_line,
                      f"{speaker.name}: {sentence}", "Ambassadeur",
                      name_as_written=speaker.name, label_as_written="ambassadeursrol")

    # -- links and successions

    def links(self, flows: list[Flow], project: str) -> None:
        """Emit LINKS_TO for the projects named in a "Verbinding met andere projecten"
        section or in a sentence that says how projects connect."""
        in_section = ""
        for paragraph in flows:
            first = paragraph.text.split(". ", 1)[0]  # not every sentence of a long card
            heading = LINKS_HEADING.match(paragraph.text[:80])
            if heading:
                in_section = re.match(r"Verbinding met (?:andere )?projecten(?: van Economie071)?",
                                      paragraph.text, re.IGNORECASE).group(0)
            elif in_section and (HEADING.match(first) or (len(first.split()) <= 6
                                                          and first[:1].isupper()
                                                          and not first.endswith("."))):
                in_section = ""
            for start, end in sentences(paragraph.text):
                text = paragraph.text[start:end]
                cue = LINK_CUE.search(text)
                role = in_section or (cue.group(0) if cue else "")
                if not role:
                    continue
                for m_start, m_end, known in self.table.mentions(text, kinds=(Node.PROJECT,)):
                    if self.project_id(known.name) == project:
                        continue
                    written = text[m_start:m_end]
                    line = paragraph.line_at(start + m_start)
                    target = self.mentioned_project(known, written, line, text)
                    self.edge(Edge.LINKS_TO, project, target, line, text, role, link_kind=role,
                              name_as_written=written)

    def successions(self, text: str, line: int, project: str | None) -> None:
        """Emit the SUCCEEDS edges a sentence states, newer -> older, explicit=True."""
        phrases = self._succession_phrases.get(text)
        if phrases is None:
            phrases = self._succession_phrases[text] = [
                (rule, match.groupdict()) for rule in SUCCESSION_RULES if rule.may_match(text)
                for match in rule.pattern.finditer(text)]
        for rule, groups in phrases:
            older = self.side(groups.get("older"), line, text, project, right=False)
            newer = self.side(groups.get("newer"), line, text, project, right=True,
                              organisation_first=rule.newer_is_organisation)
            if older is None or newer is None or older == newer:
                continue
            self.edge(Edge.SUCCEEDS, newer, older, line, text, rule.cue, explicit=True,
                      cue=rule.cue)

    def side(self, written: str | None, line: int, quote: str, project: str | None, right: bool,
             organisation_first: bool = False) -> Ref | None:
        """Return what one side of a succession names: a project id or an organisation."""
        if written is None:
            return project
        written = written.strip()
        if organisation_first and (self.known(written) or self.known(_bare(written))):
            return OrgName(_bare(written) if not self.known(written) else written)
        known = self.resolve(written)
        if known is None:
            mentions = self.table.mentions(written, kinds=(Node.PROJECT,))
            if mentions:
                start, end, known = mentions[-1] if not right else mentions[0]
                written = written[start:end]
        if known is not None:
            return self.mentioned_project(known, written, line, quote)
        # Only the newer side may be an organisation (WIJIJ, the independent ECL), and only
        # when the whole name is one: "Onderwijs" inside a project's name is no organisation.
        if right and (self.known(written) or self.known(_bare(written))):
            return OrgName(written if self.known(written) else _bare(written))
        if organisation_first or not written or len(written.split()) > 6:
            return None
        self.result.warn(line, i18n.said(
            "warning:cards.succession", "succession names {written!r}, which is not in projects.csv or "
            "organisations.csv; read as a new project", written=written))
        return self.mentioned_project(None, written, line, quote)

    def inferred_successions(self, card: Card, project: str) -> None:
        """Emit the curated, inferred links to older actions (explicit=False, with reason)."""
        known = self.resolve(card.title)
        if known is None:
            return
        for older in known.grew_out_of:
            self.edge(Edge.SUCCEEDS, project, older, card.title_line,
                      f"Projectkaart {card.title}", "afgeleid (niet in de tekst)",
                      explicit=False, reason=known.grew_out_of_reason, cue="afgeleid")


def _bare(text: str) -> str:
    return re.sub(r"^(?:het|de)\s+", "", text.strip(), flags=re.IGNORECASE)


def _sentence_with(text: str, pattern: re.Pattern) -> str:
    for start, end in sentences(text):
        if pattern.search(text[start:end]):
            return text[start:end].strip("‘’'\" ")
    return text


def _glue_unspaced(lines: list[str]) -> bool:
    # The PDF editions end every line broken at a space with that space; a line without
    # it that ends mid-word lost its hyphen. The 2019 export has no such trailing spaces.
    filled = [line for line in lines if line.strip()]
    return bool(filled) and sum(line.endswith(" ") for line in filled) >= len(filled) // 5

"""Who does what on a project card: the structure labels, name lists and role sentences.

A card names its people and organisations in three ways, and each has its rules here:

* structure labels ("Bestuurlijke trekkers: gemeente Oegstgeest, Universiteit Leiden",
  "Projectleider: Laura Platte, gemeente Oegstgeest"), inline or as a list below the label;
* role sentences in the running text ("... ook van de bestuurlijke trekkers vanuit
  Oegstgeest en LUMC", "gefinancierd door bijdragen van Hogeschool Leiden, ...");
* the speakers quoted on the card ("Laura Platte, projectleider vanuit de gemeente
  Oegstgeest: ‘...’"), read in project_cards.py.

Every name keeps the text as written; organisations are resolved later by the builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from graph071.loaders.project_cards.flow import Flow, flow, is_person_name, known_span, sentences, strip_markup
from graph071.corpus.labels import (LabelPattern, PerTable, active_labels, label_of,
                                    labels_in, scope_alternatives)
from graph071.corpus.wordlists import words
from graph071.loaders.text import Line, fills_column
from graph071.schema import Edge

Known = Callable[[str], bool]


@dataclass(frozen=True)
class LabelRule:
    """What a structure label means: the edge kind for organisations and for people.

    The rules are the role rows of data/labels.csv (graph071.corpus.labels).
    """

    pattern: str
    org_kind: str | None
    person_kind: str | None
    # The organisation a listed person acts for gets `org_kind` too (a wethouder in the
    # projectboard puts the gemeente in it).
    org_via_person: bool = False
    role: str = ""  # the role the label gives ("Bestuurlijke trekker")


def label_rules() -> tuple[LabelRule, ...]:
    """Return the rules of the card role labels of the corpus being built."""
    table = active_labels()
    return _RULES.get(table, lambda: tuple(
        LabelRule(label.pattern, label.organisation_edge, label.person_edge,
                  label.organisation_via_person, label.role)
        for label in labels_in(table, "kaart", roles_only=True)))


_RULES = PerTable()


# Below "Aanspreekpunten:" each bullet names the contact of one action line; elsewhere
# "Actielijn A: sterker maken wat sterk is" is just the plan.
SUB_LABEL = re.compile(r"^\s*(?:[•\-–]\s*)?(?P<label>Actielijn\s+[A-Z])\s*:\s*(?P<value>.+?)\s*$")

_ROLE_LABELS = scope_alternatives("kaart", roles_only=True)
LABEL = LabelPattern(lambda table: rf"^\s*(?:[•\-–]\s*)?(?P<label>{_ROLE_LABELS(table)})\s*:\s*"
                     r"(?P<value>.*?)\s*$", re.IGNORECASE)
# A label that heads a list on the lines below it, without a colon ("Aangesloten partners").
LIST_HEADING = re.compile(r"^\s*(?P<label>Aangesloten partners)\s*$", re.IGNORECASE)
# Several labels on one line (2019: "... mboRijnland. Ambtelijk opdrachtgever: ...").
# ... or run together by a re-flowing extraction ("Maikel Bode, gemeente Katwijk Stuurgroep
# regionale ...: wethouders"): a label that starts with a capital, after a space.
LABEL_INSIDE = LabelPattern(lambda table: rf"(?<=\S)\s+(?=(?=(?-i:[A-Z]))(?:{_ROLE_LABELS(table)})\s*:)",
                            re.IGNORECASE)
HEADING = re.compile(
    r"^\s*(?:Projectstructuur|De (?:opdracht|urgentie|focus)|Urgentie(?: en opdracht)?|Planning"
    r"|Doel(?:stelling)?\b.*|Welke\b.*|Wat\b.*|Waarom\b.*|Verbinding met\b.*|Vervolg\b.*"
    r"|Focus|Resultaat|Aanleiding|Uitgangspunt|Categorie\s*:.*|Projectkaart\b.*)\s*$",
    re.IGNORECASE)

# Functions written before a name ("wethouder Yvonne van Delft"): data/words.csv.
FUNCTION_WORDS = words("function_word")
_FUNCTION = re.compile(r"^(?P<function>(?:(?:" + "|".join(map(re.escape, FUNCTION_WORDS))
                       + r")(?:\s+|$))+)", re.IGNORECASE)
_GEMEENTEN = re.compile(r"^(?:de\s+)?(?i:gemeenten)\s+(?=[A-Z])")
# Words before a list of names that name nobody ("Tot nu toe zijn betrokken ..."): data/words.csv.
_LEAD_IN = re.compile(r"^(?:" + "|".join(r"\s+".join(map(re.escape, phrase.split()))
                                         for phrase in words("lead_in")) + r")\s*", re.IGNORECASE)
_VACANT = re.compile(r"^\(?\s*vacan[t]\w*\s*\)?$", re.IGNORECASE)
_FORMER = re.compile(r"^voorheen\s*:?\s*(?P<name>.+)$", re.IGNORECASE)


def canonical_role(label: str) -> str:
    """Return the role a label as written gives ("Aangesloten partners, Actiepartners").

    The role is the label's row in data/labels.csv, named as the cards name it but in
    the singular, so that "Bestuurlijke trekkers" (2019) and "Bestuurlijk trekker" (2022)
    are one role and an organisation is not counted twice on one project.

    >>> canonical_role("Aangesloten partners, Actiepartners")
    'Actiepartner'
    >>> canonical_role("Stuurgroep regionale bedrijventerreinenstrategie")
    'Projectboard'
    """
    last = label.split(", ")[-1].strip()
    known = label_of(last, "kaart")
    if known is not None and known.role:
        return known.role
    return last[:1].upper() + last[1:]


@dataclass
class Mention:
    """One person or organisation named in a role, with where it is written."""

    kind: str  # edge kind: TREKKER, PARTNER, PROJECTLEIDER, ...
    text: str  # the name as written
    line: int
    quote: str
    role: str  # the role, as the card names it ("Bestuurlijke trekker", "Actiepartner")
    label: str = ""  # the label or cue exactly as written ("Bestuurlijke trekkers")
    person: bool = False
    organisation: str = ""  # for a person: the organisation as written
    function: str = ""  # for a person: "wethouder", "programmamanager", ...
    via_person: str = ""  # for an organisation: the person through whom it holds the role
    former: bool = False


@dataclass
class LabelBlock:
    """A structure label with its value: one text, or one entry per line below it."""

    label: str
    rule: LabelRule
    line: int
    entries: list[Flow] = field(default_factory=list)
    last_line: int = 0

    @property
    def quote(self) -> str:
        return f"{self.label}: " + "; ".join(entry.text for entry in self.entries)


def rule_for(label: str) -> LabelRule:
    """Return the rule of a label as written ("Bestuurlijke trekkers" -> the trekker rule)."""
    for rule in label_rules():
        if re.fullmatch(rule.pattern, label.strip(), re.IGNORECASE):
            return rule
    raise KeyError(label)


def split_label_lines(lines: list[Line]) -> list[Line]:
    """Return the lines with several labels on one line cut apart (same line number)."""
    out: list[Line] = []
    for number, text in lines:
        clean = strip_markup(text)
        # Every label ends in a colon: most lines of a long card need no pattern at all.
        if ":" in clean and (LABEL.match(clean) or LABEL_INSIDE.search(clean)):
            parts = LABEL_INSIDE.split(clean)
            # Cut only after a label's value: "Vanuit Stuurgroep Economie071:" is one label.
            merged = [parts[0]]
            for part in parts[1:]:
                if ":" in merged[-1]:
                    merged.append(part)
                else:
                    merged[-1] = f"{merged[-1]} {part}"
            out.extend((number, part) for part in merged)
        else:
            out.append((number, text))
    return out


def _is_item(text: str) -> bool:
    """Return True for a line that can be a list item below a label (a name, not prose)."""
    text = strip_markup(text).strip()
    # The cheap tests first: a long line is no item whatever the patterns say.
    if not text or len(text.split()) > 12 or (":" in text and LABEL.match(text)) \
            or HEADING.match(text):
        return False
    return not _SENTENCE_INSIDE.search(text)


_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def label_blocks(lines: list[Line], glue: bool,
                 width: int = 0) -> tuple[list[LabelBlock], set[int]]:
    """Return the structure labels in `lines` and the line numbers they take up.

    `width`: the column width the text was wrapped at (loaders.text.soft_width); a list
    item that filled it goes on at the next line."""
    lines = split_label_lines(lines)
    blocks: list[LabelBlock] = []
    used: set[int] = set()
    heading = ""
    i = 0
    while i < len(lines):
        number, raw = lines[i]
        text = strip_markup(raw).strip()
        list_heading = LIST_HEADING.match(text)
        if list_heading:
            heading = list_heading["label"]
            used.add(number)
            i += 1
            continue
        match = ":" in text and LABEL.match(text)
        if not match:
            if heading and text and not _is_item(text):  # (no heading: nothing to end)
                heading = ""
            i += 1
            continue
        label = match["label"].strip()
        rule = rule_for(label)
        if rule.role == "Aanspreekpunt" and not match["value"]:
            used.add(number)
            i = _contact_points(lines, i + 1, rule, blocks, used, glue)
            continue
        shown = f"{heading}, {label}" if heading and rule.org_kind == Edge.PARTNER else label
        if rule.org_kind != Edge.PARTNER:
            heading = ""
        block = LabelBlock(shown, rule, number, last_line=number)
        used.add(number)
        value = match["value"]
        i += 1
        if value:
            # An inline value may wrap onto the next lines, up to a blank line or a new label;
            # its trailing space says the line broke between words (see flow()).
            run: list[Line] = [(number, value + (" " if raw[-1:].isspace() else ""))]
            while i < len(lines) and lines[i][1].strip() and not LABEL.match(strip_markup(lines[i][1])) \
                    and not HEADING.match(strip_markup(lines[i][1])) \
                    and not FIELD.match(strip_markup(lines[i][1])):  # an unknown label: warned
                run.append(lines[i])
                used.add(lines[i][0])
                i += 1
            block.entries.append(flow(run, glue))
        else:
            i = _list_items(lines, i, block, used, glue, width)
        block.last_line = max((e.last_line for e in block.entries), default=number)
        blocks.append(block)
    return blocks, used


def _contact_points(lines: list[Line], i: int, rule: LabelRule, blocks: list[LabelBlock],
                    used: set[int], glue: bool) -> int:
    """Read the "Actielijn A: gemeente Katwijk" bullets below "Aanspreekpunten:"."""
    while i < len(lines):
        number, raw = lines[i]
        text = strip_markup(raw).strip()
        sub = SUB_LABEL.match(text)
        if not text:
            following = next((t for _, t in lines[i + 1:i + 3] if t.strip()), "")
            if not SUB_LABEL.match(strip_markup(following)):
                break
        elif sub:
            block = LabelBlock(f"Aanspreekpunt {sub['label']}", rule, number, last_line=number)
            block.entries.append(flow([(number, sub["value"])], glue))
            blocks.append(block)
            used.add(number)
        else:
            break
        i += 1
    return i


def _list_items(lines: list[Line], i: int, block: LabelBlock, used: set[int], glue: bool,
                width: int = 0) -> int:
    """Read one entry per line below an empty label (an entry ending in "," or filling
    the column runs on)."""
    entry: list[Line] = []
    while i < len(lines):
        number, raw = lines[i]
        text = strip_markup(raw).strip()
        if not text:
            # A blank line ends the list unless the next line is one more item (2019 layout).
            following = next((t for _, t in lines[i + 1:i + 3] if t.strip()), "")
            if entry:
                block.entries.append(flow(entry, glue))
                entry = []
            if not block.entries and not following:
                break
            if not _is_item(following) or (block.entries and not _looks_listed(following)):
                break
            i += 1
            continue
        if not _is_item(text):
            break
        entry.append((number, raw))
        used.add(number)
        if not text.endswith(",") and not _wrapped(raw, lines[i + 1:i + 2], width):
            block.entries.append(flow(entry, glue))
            entry = []
        i += 1
    if entry:
        block.entries.append(flow(entry, glue))
    return i


def _wrapped(raw: str, following: list[Line], width: int) -> bool:
    """Return True when a list item went on at the next line: it filled the column and
    the next line is a fragment (under 40% of the width: "Poel" after "Robert van der"),
    not an item of its own."""
    tail = strip_markup(following[0][1]).strip() if following else ""
    return fills_column(raw, width) and 0 < len(tail) < width * 0.4


def _looks_listed(text: str) -> bool:
    # After a blank line a list only goes on with short name-like lines.
    text = strip_markup(text).strip()
    return bool(text) and len(text.split()) <= 8 and not text.endswith((".", ":"))


# "Label: value" in general: a capitalised label of at most four words, then a value.
FIELD = re.compile(r"^\s*(?:[•\-–]\s*)?(?P<label>[A-ZÀ-Ý][\w()/'’-]*(?:\s+[\w()/'’-]+){0,3}?)"
                   r"\s*:\s*(?P<value>\S.*?)\s*$")
STRUCTURE_HEADING = re.compile(r"^\s*Projectstructuur\s*$", re.IGNORECASE)


def unknown_labels(lines: list[Line], label_lines: set[int]) -> list[tuple[int, str]]:
    """Return (line, label) for every "Label: value" line among the structure labels whose
    label data/labels.csv does not know: its names would otherwise be lost unseen.

    A line counts as a field when it stands next to a label that was read, or below a
    "Projectstructuur" heading; elsewhere "Voorbeeld: ..." is running text.

    >>> lines = [(1, "Projectleider: Laura Platte"), (2, "Bestuurlijk coördinator: LUMC"),
    ...          (3, ""), (4, "Voorbeeld: een mooie dag")]
    >>> unknown_labels(lines, {1})
    [(2, 'Bestuurlijk coördinator')]
    """
    texts = [(number, strip_markup(raw).strip()) for number, raw in lines]
    filled = [(number, text) for number, text in texts if text]
    found: list[tuple[int, str]] = []
    for index, (number, text) in enumerate(filled):
        match = ":" in text and FIELD.match(text)
        if number in label_lines or not match or label_of(match["label"], "kaart"):
            continue
        neighbours = filled[max(0, index - 1):index] + filled[index + 1:index + 2]
        below_heading = any(STRUCTURE_HEADING.match(t) for _, t in filled[max(0, index - 8):index])
        if below_heading or any(n in label_lines for n, _ in neighbours):
            found.append((number, match["label"]))
    return found


# ---------------------------------------------------------------- reading names

@dataclass
class _Piece:
    text: str
    start: int  # offset in the entry's flow text
    kind: str = ""  # person, org, paren_org, former, vacant, description
    organisation: str = ""
    function: str = ""
    former_names: list[str] = field(default_factory=list)


def split_function(text: str) -> tuple[str, str]:
    """Return (function, rest) of "wethouder Yvonne van Delft".

    >>> split_function("wethouder Yvonne van Delft")
    ('wethouder', 'Yvonne van Delft')
    >>> split_function("Portefeuillehouder Economie Gemeente Leiden")
    ('Portefeuillehouder Economie', 'Gemeente Leiden')
    """
    match = _FUNCTION.match(text.strip())
    if not match:
        return "", text.strip()
    return match["function"].strip(), text.strip()[match.end():].strip()


def _split_outside(text: str, separator: str) -> list[tuple[int, int]]:
    depth = 0
    spans: list[tuple[int, int]] = []
    start = 0
    pattern = re.compile(separator)
    position = 0
    while position < len(text):
        ch = text[position]
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0:
            match = pattern.match(text, position)
            if match and match.end() > match.start():
                spans.append((start, position))
                start = position = match.end()
                continue
        position += 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " .;:,":
        start += 1
    while end > start and text[end - 1] in " .;:,":
        end -= 1
    return start, end


def split_names(text: str, known: Known) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the names in a Dutch list of names.

    Lists are cut at commas and semicolons, and at "en", "&" and "/" only where the
    whole is not one known name ("Bereikbaar Haaglanden en Rijnland" stays whole).

    >>> known = lambda t: t in {"LUMC", "Universiteit Leiden", "Zorg & Zekerheid"}
    >>> text = "LUMC, Universiteit Leiden en Zorg & Zekerheid"
    >>> [text[s:e] for s, e in split_names(text, known)]
    ['LUMC', 'Universiteit Leiden', 'Zorg & Zekerheid']
    """
    spans: list[tuple[int, int]] = []
    for start, end in _split_outside(text, r"\s*[,;]\s*"):
        start, end = _trim(text, start, end)
        piece = text[start:end]
        if not piece or known(piece) or known(_strip_article(piece)) or " die " in f" {piece} ":
            spans.append((start, end))
            continue
        parts = [(start + s, start + e) for s, e in _split_outside(piece, r"\s+en\s+")]
        # "Duin- en Bollenstreek": an "en" after a hyphen joins two halves of one name.
        if len(parts) == 1 or re.search(r"-\s+en\s+", piece):
            parts = [(start, end)]
        for part_start, part_end in parts:
            # "&" joins two names only when both are known ("Popma & ter Steege" is one).
            halves = [(part_start + s, part_start + e)
                      for s, e in _split_outside(text[part_start:part_end], r"\s+&\s+")]
            if len(halves) > 1 and all(known(text[s:e].strip()) for s, e in halves):
                spans.extend(_trim(text, s, e) for s, e in halves)
            else:
                spans.append(_trim(text, part_start, part_end))
    return [(s, e) for s, e in spans if e > s]


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:de|het|een)\s+", "", text.strip(), flags=re.IGNORECASE)


def read_names(entry: Flow, known: Known, people: bool) -> tuple[list[_Piece], list[str]]:
    """Return the people and organisations an entry names, and the parts it could not read.

    `people` says whether the label lists people (projectleider, projectboard) or only
    organisations (actiepartners), so "Meester Techniek" is read as a company there.
    A sentence that describes rather than names ("alle organisaties ... die ...") is
    passed over; the next one may still name ("Tot nu toe zijn betrokken X, Y").
    """
    pieces: list[_Piece] = []
    unread: list[str] = []
    for start, end in sentences(entry.text):
        part = Flow(entry.text[start:end], [(o - start, n) for o, n in entry.starts])
        found, not_read = _read_sentence(part, known, people)
        for piece in found:
            piece.start += start
        pieces.extend(found)
        unread.extend(not_read)
    return pieces, unread


def _read_sentence(entry: Flow, known: Known, people: bool) -> tuple[list[_Piece], list[str]]:
    text = entry.text.rstrip(". ")
    text = re.sub(r"\s+met\s+partners\s+", ", ", text)
    text = _LEAD_IN.sub(lambda m: " " * len(m.group(0)), text)
    dash = re.search(r"\s+[–-]\s+(?=[A-Z])", text)
    if people and dash and is_person_name(text[dash.end():].strip(), known):
        text = text[:dash.start()] + ", " + text[dash.end():]
    pieces = []
    unread: list[str] = []
    for start, end in split_names(text, known):
        raw = text[start:end]
        piece = _Piece(raw, start)
        # "gemeenten Katwijk, Leiden en ...": the place names alone resolve to the gemeenten.
        gemeenten = _GEMEENTEN.match(_strip_function(raw))
        if gemeenten:
            offset = raw.index(_strip_function(raw)) + gemeenten.end()
            piece = _Piece(raw[offset:], start + offset)
        _classify(piece, known, people)
        if piece.kind == "description":
            unread.append(piece.text)
            continue
        pieces.extend(_expand_slash(piece, known))
    return _attach_organisations(pieces), unread


def _strip_function(text: str) -> str:
    return split_function(text)[1]


def _classify(piece: _Piece, known: Known, people: bool) -> None:
    text = piece.text.strip()
    if _VACANT.match(text):
        piece.kind = "vacant"
        return
    paren = re.fullmatch(r"\((?P<inside>[^()]*)\)", text)
    if paren:
        inside = paren["inside"].strip()
        former = _FORMER.match(inside)
        piece.kind, piece.text = ("former", former["name"]) if former else ("paren_org", inside)
        return
    function, rest = split_function(text)
    # Trailing parentheticals: "Marjan van Duijn (gemeente Leiden)", "(voorheen: Kees Wassenaar)".
    extras: list[str] = []
    trailing = re.compile(r"\s*\(([^()]*)\)\s*$")
    while trailing.search(rest):
        inner = trailing.search(rest)
        extras.insert(0, inner.group(1).strip())
        rest = rest[:inner.start()].strip()
    if _VACANT.match(rest) or (not rest and any(_VACANT.match(e) for e in extras)):
        piece.kind = "vacant"
        return
    if people and is_person_name(rest, known):
        piece.kind, piece.text, piece.function = "person", rest, function
        for extra in extras:
            former = _FORMER.match(extra)
            if former:
                piece.former_names.append(former["name"].strip())
            elif not _VACANT.match(extra):
                piece.organisation = extra
        return
    name = text if known(text) else rest if known(rest) else _strip_article(rest) \
        if known(_strip_article(rest)) else ""
    if name:
        piece.kind, piece.text, piece.function = "org", name, function if name == rest else ""
        return
    if re.search(r"\s(?:die|dat)\s", f" {rest} "):
        piece.kind = "description"  # "alle organisaties en bedrijven die ..."
        return
    if _looks_like_name(rest):
        piece.kind, piece.text, piece.function = "org", rest, function
        return
    span = known_span(rest, known)
    if span:
        piece.kind, piece.text = "org", rest[span[0]:span[1]]
        before = re.sub(r"\s+(?:van|vanuit|bij)(?:\s+(?:de|het))?$", "", rest[:span[0]].strip())
        piece.function = " ".join([function, before]).strip()
        return
    piece.kind = "description"


def _looks_like_name(text: str) -> bool:
    """Return True for an unknown text that still reads as an organisation's name."""
    words = text.split()
    if not words or len(words) > 6 or " die " in f" {text} ":
        return False
    # "eHealthCompany", "mboRijnland": a capital inside the first word counts too.
    return any(ch.isupper() or ch.isdigit() for ch in words[0])


def _expand_slash(piece: _Piece, known: Known) -> list[_Piece]:
    # "Voorschoten/Wassenaar" names two gemeenten; "WFIA/ROM" is one known name.
    if piece.kind != "org" or "/" not in piece.text or known(piece.text):
        return [piece]
    halves = [h.strip() for h in piece.text.split("/")]
    if len(halves) == 2 and all(known(h) for h in halves):
        second = piece.start + piece.text.index("/") + 1
        return [_Piece(halves[0], piece.start, "org"), _Piece(halves[1], second, "org")]
    return [piece]


def _attach_organisations(pieces: list[_Piece]) -> list[_Piece]:
    """Give people the organisation that follows them ("..., Camilla Jaspers en Alice
    van Liemt, (Hogeschool Leiden)") or that stands after a comma ("Willem Joosten,
    gemeente Leiderdorp"), and read "Function Org, Person" entries."""
    persons = [p for p in pieces if p.kind == "person"]
    orgs = [p for p in pieces if p.kind == "org"]
    # "Willem Joosten, gemeente Leiderdorp" / "Jasmijn Bongers, programmamanager Economie071"
    if len(persons) == 1 and pieces[0] is persons[0] and orgs and not persons[0].organisation:
        persons[0].organisation = orgs[0].text
        persons[0].function = persons[0].function or orgs[0].function
        return [p for p in pieces if p is not orgs[0]]
    # "Portefeuillehouder Economie Gemeente Leiden, Yvonne van Delft": the organisation
    # is the one the person sits for (the label's rule decides whether it gets the role).
    if len(persons) == 1 and pieces[-1] is persons[0] and len(orgs) == 1 and len(pieces) == 2:
        persons[0].organisation = orgs[0].text
        persons[0].function = persons[0].function or orgs[0].function
        return [persons[0]]
    waiting: list[_Piece] = []
    for piece in pieces:
        if piece.kind == "person" and not piece.organisation:
            waiting.append(piece)
        elif piece.kind == "paren_org":
            for person in waiting:
                person.organisation = piece.text
            waiting = []
    return pieces


# ---------------------------------------------------------------- mentions from labels

def block_mentions(block: LabelBlock, known: Known) -> tuple[list[Mention], list[str]]:
    """Return the role mentions of one structure label and the parts it could not read."""
    rule = block.rule
    mentions: list[Mention] = []
    unread: list[str] = []
    quote = block.quote
    label = block.label
    role = canonical_role(label)
    for entry in block.entries:
        pieces, not_read = read_names(entry, known, people=rule.person_kind is not None)
        unread.extend(not_read)
        for piece in pieces:
            line = entry.line_at(piece.start)
            if piece.kind == "person" and rule.person_kind:
                mentions.append(Mention(rule.person_kind, piece.text, line, quote, role, label,
                                        person=True, organisation=piece.organisation,
                                        function=piece.function))
                for former in piece.former_names:
                    mentions.append(Mention(rule.person_kind, former, line, quote,
                                            f"{role} (voorheen)", label, person=True,
                                            organisation=piece.organisation, former=True))
                if rule.org_via_person and rule.org_kind and piece.organisation:
                    mentions.append(Mention(rule.org_kind, piece.organisation, line, quote, role,
                                            label, via_person=piece.text))
            elif piece.kind == "org" and rule.org_kind:
                mentions.append(Mention(rule.org_kind, piece.text, line, quote, role, label,
                                        function=piece.function))
    return mentions, unread


# ---------------------------------------------------------------- role sentences

@dataclass(frozen=True)
class SentenceRule:
    """A sentence that gives organisations a role: the names are in the `names` group.

    `role` is the role it gives; `cue` says which words of the sentence give it.
    `trigger` is a word the pattern needs, written in it as is: a sentence without it is
    not tried (the patterns start with lazy groups, costly over every sentence of a long card).
    """

    pattern: re.Pattern
    kind: str
    role: str
    cue: str = ""
    trigger: str = ""

    def may_match(self, folded: str) -> bool:
        """Return False when the sentence, as fold_case gives it, cannot match."""
        return self.trigger in folded


def sentence_rule(pattern: str, kind: str, role: str, cue: str = "", trigger: str = "") -> SentenceRule:
    if trigger not in pattern:
        raise ValueError(f"trigger {trigger!r} is not written in the pattern {pattern!r}")
    return SentenceRule(re.compile(pattern, re.IGNORECASE), kind, role, cue or role, trigger)


# The letters a case-blind pattern matches that str.lower() does not give as that letter.
_CASE_FIXES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold_case(text: str) -> str:
    """Return `text` in lower case, with every letter an IGNORECASE "i" or "s" matches as
    "i" or "s", so that a word found by `in` is found by the pattern too.

    >>> fold_case("Gefinanciſrd DOOR")
    'gefinancisrd door'
    """
    return text.translate(_CASE_FIXES).lower()


SENTENCE_RULES: tuple[SentenceRule, ...] = (
    sentence_rule(r"bestuurlijke\s+trekkers?\s+(?:vanuit|van)\s+(?P<names>.+?)(?=,\s|\s+(?:ervoor|om|die)\b|$)",
          Edge.TREKKER, "Bestuurlijke trekker", "bestuurlijke trekkers vanuit (in de tekst)", "trekker"),
    sentence_rule(r"toegezegde\s+bijdragen\s+van\s+(?P<names>.+)$", Edge.FINANCIER, "Financier",
          "toegezegde bijdrage", "toegezegde"),
    sentence_rule(r"gefinancierd\s+door\s+(?:bijdragen\s+van\s+)?(?P<names>.+)$", Edge.FINANCIER, "Financier",
          "gefinancierd door", "gefinancierd"),
    sentence_rule(r"^(?P<names>.+?)\s+hebben\s+[^.]*?budget\s+beschikbaar\s+gesteld", Edge.FINANCIER,
          "Financier", "budget beschikbaar gesteld", "beschikbaar"),
    sentence_rule(r"^(?P<names>\S+(?:\s+\S+)?)\s+stelt\s+(?:\w+\s+){0,3}budget\s+beschikbaar", Edge.FINANCIER,
          "Financier", "stelt budget beschikbaar", "beschikbaar"),
    sentence_rule(r"zowel\s+(?P<names>.+?)\s+(?:deze|dit|die)\b[^.]*cofinanciering", Edge.FINANCIER,
          "Financier", "cofinanciering", "cofinanciering"),
    sentence_rule(r"(?:nauw|structureel)\s+samengewerkt\s+met\s+(?P<names>.+)$", Edge.PARTNER,
          "Samenwerkingspartner", "samengewerkt met (in de tekst)", "samengewerkt"),
    sentence_rule(r"^(?P<names>.+?)\s+hebben\s+de\s+intentieverklaring\s+(?P<what>.+?)\s+ondertekend",
          Edge.BETROKKEN, "Ondertekenaar intentieverklaring", "ondertekenaar intentieverklaring",
          "intentieverklaring"),
    sentence_rule(r"^(?P<names>.+?)\s+blijven\s+onderdeel\s+van", Edge.BETROKKEN,
          "Oorspronkelijke oprichter", "blijft onderdeel van", "onderdeel"),
    sentence_rule(r"^(?P<names>\S+)\s+is\s+opdrachtgever\.?$", Edge.OPDRACHTGEVER, "Opdrachtgever",
          "is opdrachtgever", "opdrachtgever"),
)


def sentence_mentions(text: str, start_line: Callable[[int], int], known: Known,
                      rules: tuple[SentenceRule, ...] = SENTENCE_RULES) -> list[Mention]:
    """Return the organisations a sentence gives a role, by the first rule that matches.

    Only names that are known organisations, or clean capitalised names, are read:
    running text is too loose for anything else.
    """
    folded = fold_case(text)
    for rule in rules:
        match = rule.may_match(folded) and rule.pattern.search(text)
        if not match:
            continue
        names = match["names"]
        offset = match.start("names")
        lead = _LEAD_IN.match(names)
        if lead:
            names, offset = names[lead.end():], offset + lead.end()
        cue = rule.cue
        if "what" in rule.pattern.groupindex and match["what"]:
            cue = f"{rule.cue} {match['what']}"
        mentions = []
        for start, end in split_names(names, known):
            piece = _Piece(names[start:end], offset + start)
            gemeenten = _GEMEENTEN.match(piece.text)
            if gemeenten:
                piece = _Piece(piece.text[gemeenten.end():], piece.start + gemeenten.end())
            _classify(piece, known, people=False)
            if piece.kind != "org":
                continue
            for part in _expand_slash(piece, known):
                if known(part.text) or known(_strip_article(part.text)) or _clean_name(part.text):
                    mentions.append(Mention(rule.kind, part.text, start_line(part.start),
                                            text, rule.role, cue))
        if mentions:
            return mentions
    return []


def _clean_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w.lower() in {"van", "de", "en"}
                                       for w in words)

"""The prose reader's vocabulary: every known name in one automaton, and the patterns of data/.

`Lexicon.build(organisations, projects, people)` folds every canonical name and alias
of the curated tables (and the people a graph knows) into one Aho-Corasick automaton
(pyahocorasick) keyed on word tokens, so a text is scanned once for all names at
once. What is not a name in running prose stays out: bare place names ("Leiden" is
an alias of gemeente Leiden, but "een bedrijf in Leiden" is a place) and generic
nouns (data/generic_nouns.csv, and lower-case group names such as "bedrijven").
The patterns the other modules use come from data/prose_patterns.csv and
data/prose_senses.csv, each row with where it was seen.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from itertools import accumulate
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from graph071.corpus.manifest import bundled_data_dir
from graph071.corpus.organisations import OrganisationTable, slug
from graph071.corpus.projects import ProjectTable
from graph071.schema import Node, node_id

PATTERNS = "prose_patterns.csv"
GENERIC_NOUNS = "generic_nouns.csv"
SENSES = "prose_senses.csv"

# A word token: letters and digits, with an inner apostrophe ("ROC's"), or "&".
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*|&")
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Entity:
    """A known organisation, project, activity or person: kind, node id and canonical name."""

    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class Form:
    """One way an entity is written; `case` holds the capitals a one-word form needs."""

    text: str
    entity: Entity
    case: tuple[int, ...] = ()


@dataclass(frozen=True)
class Sense:
    """A row of data/prose_senses.csv: whether a name links, decided by its context."""

    form: str
    link: bool
    before: re.Pattern
    after: re.Pattern


@dataclass
class Patterns:
    """The rows of data/prose_patterns.csv, grouped by kind (each a list of row dicts)."""

    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def of(self, kind: str) -> list[dict[str, str]]:
        """Return the rows of `kind` (org_head, org_tail, person_role, relation, ...)."""
        return self.rows.get(kind, [])

    def words(self, kind: str) -> set[str]:
        """Return the lower-case `pattern` cells of the rows of `kind`."""
        return {row["pattern"].lower() for row in self.of(kind)}


class Tokens:
    """A text's word tokens: folded words, the " w1 w2 ... wn " string the automaton scans,
    and (computed on first use, for a text with a hit) the words' spans in the text."""

    def __init__(self, text: str, folded: str, words: list[str]) -> None:
        self.text = text
        self.folded = folded
        self.words = words
        self.joined = " " + " ".join(words) + " "
        self._spans: list[tuple[int, int]] | None = None
        self._gaps: list[int] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Return the (start, end) of every word in the text."""
        if self._spans is None:
            self._spans = [m.span() for m in WORD.finditer(self.folded)]
        return self._spans

    def index_at(self, position: int) -> int:
        """Return the index of the word that starts at `position` of `joined`."""
        # The spaces before `position`, found by a binary search over where the spaces
        # are: counting them each time is quadratic in a long paragraph.
        if self._gaps is None:
            self._gaps = list(accumulate([len(word) + 1 for word in self.words] or [1], initial=0))
        return bisect_left(self._gaps, position) - 1


def fold(text: str) -> str:
    """Return `text` with quotes straightened and lower case, of the same length when possible.

    >>> fold("ROC’s")
    "roc's"
    """
    return text.translate(_FOLD).lower()


def tokens(text: str) -> Tokens:
    """Return the word tokens of `text`, ready for the automaton.

    >>> tokens("VNO-NCW (Rijnland)").joined
    ' vno ncw rijnland '
    """
    folded = fold(text)
    if len(folded) != len(text):  # a rare letter whose lower case is longer
        folded = "".join(fold(ch)[:1] or ch for ch in text)
    return Tokens(text, folded, WORD.findall(folded))


def key_of(text: str) -> str:
    """Return the automaton key of a name: its folded words between spaces.

    >>> key_of("Samenwerkingsorgaan Holland-Rijnland")
    ' samenwerkingsorgaan holland rijnland '
    """
    return " " + " ".join(WORD.findall(fold(text))) + " "


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of a data CSV whose lines starting with # are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]


def read_patterns(data_dir: Path | None = None) -> Patterns:
    """Return the prose patterns of data/prose_patterns.csv (bundled unless `data_dir` has one)."""
    path = _data_file(PATTERNS, data_dir)
    patterns = Patterns()
    for row in read_rows(path):
        patterns.rows.setdefault(row["kind"], []).append(row)
    return patterns


def read_senses(data_dir: Path | None = None) -> dict[str, list[Sense]]:
    """Return the context rules of data/prose_senses.csv by folded form."""
    senses: dict[str, list[Sense]] = {}
    for row in read_rows(_data_file(SENSES, data_dir)):
        sense = Sense(row["form"], row["sense"] == "link",
                      re.compile(row["before"] or "", re.IGNORECASE),
                      re.compile(row["after"] or "", re.IGNORECASE))
        senses.setdefault(key_of(row["form"]), []).append(sense)
    return senses


def read_generic_nouns(data_dir: Path | None = None) -> set[str]:
    """Return the automaton keys of the generic nouns of data/generic_nouns.csv."""
    return {key_of(row["noun"]) for row in read_rows(_data_file(GENERIC_NOUNS, data_dir))}


def _data_file(name: str, data_dir: Path | None) -> Path:
    if data_dir is not None and (Path(data_dir) / name).exists():
        return Path(data_dir) / name
    return bundled_data_dir() / name


class Lexicon:
    """Every known name in one automaton, with the patterns the prose reader applies."""

    def __init__(self, organisations: OrganisationTable, projects: ProjectTable,
                 people: dict[str, str] | None = None, data_dir: Path | None = None) -> None:
        self.organisations = organisations
        self.projects = projects
        self.patterns = read_patterns(data_dir)
        self.senses = read_senses(data_dir)
        self.generic = read_generic_nouns(data_dir)
        self.places = place_names(organisations, self.patterns)
        self.head_rows = {" ".join(row["pattern"].lower().split()): row
                          for row in self.patterns.of("org_head")}
        self.forms: dict[str, list[Form]] = {}
        for form in _all_forms(organisations, projects, people or {}):
            key = key_of(form.text)
            if key.strip() and self.in_prose(key, form):
                self.forms.setdefault(key, []).append(form)
        self.automaton = ahocorasick.Automaton()
        for key, forms in self.forms.items():
            self.automaton.add_word(key, (key, key.count(" ") - 1, tuple(forms)))
        if self.forms:
            self.automaton.make_automaton()

    def in_prose(self, key: str, form: Form) -> bool:
        """Return whether a form names its entity in running prose (not a place, not generic)."""
        if key in self.generic or key in self.places:
            return False
        org = self.organisations.by_name.get(form.entity.name)
        is_group = org is not None and org.is_group and form.entity.kind == Node.ORGANISATION
        return not (is_group and form.text == form.text.lower())

    def decided(self, key: str) -> bool:
        """Return whether the automaton already judged this exact name (a form, place, generic noun)."""
        return key in self.forms or key in self.places or key in self.generic or key in self.senses

    def entity_of_organisation(self, name: str) -> Entity | None:
        """Return the known organisation `name` (any alias) names, or None."""
        org = self.organisations.resolve(name)
        return None if org is None else Entity(Node.ORGANISATION,
                                                node_id(Node.ORGANISATION, org.key), org.name)

    def entity_of_project(self, name: str) -> Entity | None:
        """Return the known project or activity `name` names, or None."""
        project = self.projects.resolve(name)
        if project is None:
            return None
        kind = Node.ACTIVITY if project.kind == Node.ACTIVITY else Node.PROJECT
        return Entity(kind, node_id(kind, project.key), project.name)


def place_names(organisations: OrganisationTable, patterns: Patterns) -> set[str]:
    """Return the keys of aliases that are bare place names ("Leiden" of "gemeente Leiden").

    A one-word alias X is a place when the organisation's own name is "<place head> X"
    for a head of data/prose_patterns.csv marked "place" (gemeente, provincie, ...).
    """
    heads = [row["value"] for row in patterns.of("org_head") if row["extra"] == "place"]
    places = set()
    for org in organisations.organisations:
        for alias in (org.name, *org.aliases):
            if any(key_of(template.format(alias)) == key_of(org.name) for template in heads
                   if "{}" in template) and key_of(alias) != key_of(org.name):
                places.add(key_of(alias))
    return places


def _all_forms(organisations: OrganisationTable, projects: ProjectTable,
               people: dict[str, str]) -> list[Form]:
    forms: list[Form] = []
    for org in organisations.organisations:
        entity = Entity(Node.ORGANISATION, node_id(Node.ORGANISATION, org.key), org.name)
        forms.extend(_form(text, entity) for text in (org.name, *org.aliases))
    for project in projects.projects:
        kind = Node.ACTIVITY if project.kind == Node.ACTIVITY else Node.PROJECT
        entity = Entity(kind, node_id(kind, project.key), project.name)
        forms.extend(_form(text, entity) for text in project.forms)
    for name, identifier in people.items():
        if len(WORD.findall(name)) < 2:
            continue  # a bare first name or surname is a word in too many sentences
        entity = Entity(Node.PERSON, identifier or node_id(Node.PERSON, slug(name)), name)
        # A name is written with its capitals: "Ton de Gans", not "ton de gans".
        forms.append(Form(name, entity, tuple(i for i, ch in enumerate(name) if ch.isupper())))
    return forms


def _form(text: str, entity: Entity) -> Form:
    # A one-word form must be written with its capitals: "Corpus", "ROM" and "Koepel"
    # are names, "corpus", "rom" and "koepel" are words.
    words = WORD.findall(text.translate(_FOLD))
    case = tuple(i for i, ch in enumerate(words[0]) if ch.isupper()) if len(words) == 1 else ()
    return Form(text, entity, case)

"""The field labels of project cards and actions: data/labels.csv, read once.

A card or an action names its people and organisations in "Label: value" fields.
Each row of labels.csv is one label as written ("Bestuurlijk eigenaar"), the role it
gives ("Bestuurlijke trekker"), the edge kinds it gives an organisation and a person
(graph071.schema), how it matches, where it is used (kaart: project cards, actie:
action programmes), its language and where it was seen. A label the file does not
know is reported by the loaders (never dropped silently) with the advice to add a row.

`match`: exact (the label alone), prefix (more words may follow: "Projectboard
Retailvisie"), named (more words must follow: "Stuurgroep regionale ..."), field (a
field that is not a role, such as Categorie; a row without edges is a known field too).

A corpus of one's own (`graph071 --data DIR`) may hold a labels.csv of its own, in the
same columns: while that corpus is built (`corpus_labels(DIR)`), its rows extend the
bundled table, and a label it also has takes its row instead of the bundled one. The
loaders' label patterns (`LabelPattern`) follow the table of the corpus being built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph071 import i18n
from graph071.corpus.manifest import bundled_data_dir
from graph071.corpus.tables import read_table
from graph071.errors import InputError
from graph071.schema import EDGE_KINDS

LABELS = "labels.csv"
COLUMNS = ("label", "role", "organisation_edge", "person_edge", "organisation_via_person",
           "match", "scope", "language", "seen")
MATCHES = ("exact", "prefix", "named", "field")
SCOPES = ("kaart", "actie")


@dataclass(frozen=True)
class Label:
    """One label as written and what it means."""

    label: str
    role: str  # the role as the graph names it; "" for a field that is not a role
    organisation_edge: str | None
    person_edge: str | None
    organisation_via_person: bool
    match: str
    scopes: frozenset[str]
    language: str
    seen: str
    line: int = 0

    @property
    def pattern(self) -> str:
        """Return the regular expression (no groups) that matches the label as written."""
        words = r"\s+".join(re.escape(word) for word in self.label.split())
        if self.match == "prefix":
            return words + r"(?:\s+[^:]{1,60})?"
        if self.match == "named":
            return words + r"\s+[^:]{1,60}"
        return words

    @property
    def is_role(self) -> bool:
        return bool(self.organisation_edge or self.person_edge)

    def matches(self, text: str) -> bool:
        return re.fullmatch(self.pattern, text.strip(), re.IGNORECASE) is not None


@dataclass(frozen=True)
class _CorpusLabels:
    path: Path  # the corpus' own labels.csv: the file a maintainer extends
    labels: tuple["Label", ...]  # its rows, then the bundled rows it does not override


_ACTIVE: ContextVar[_CorpusLabels | None] = ContextVar("graph071_corpus_labels", default=None)


def labels_path() -> Path:
    """Return the label table to extend: the corpus' own labels.csv while a corpus of
    one's own is built (it need not exist yet), else the bundled one."""
    active = _ACTIVE.get()
    return active.path if active else bundled_data_dir() / LABELS


@contextmanager
def corpus_labels(data_dir: Path | None) -> Iterator[None]:
    """Read the labels of the corpus at `data_dir` while inside: its labels.csv, if it has
    one, extends the bundled table (a row for a label the bundled table has overrides it).

    A bad row of that file is one error naming its file and line."""
    bundled = bundled_data_dir() / LABELS
    path = Path(data_dir) / LABELS if data_dir else bundled
    if path.resolve() == bundled.resolve():
        token = _ACTIVE.set(None)
    else:
        own = read_labels(path) if path.is_file() else ()
        names = {label.label.lower() for label in own}
        merged = own + tuple(label for label in read_labels() if label.label.lower() not in names)
        token = _ACTIVE.set(_CorpusLabels(path, merged))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_labels() -> tuple[Label, ...]:
    """Return the label rows of the corpus being built (the bundled ones by default)."""
    active = _ACTIVE.get()
    return active.labels if active else read_labels()


@lru_cache(maxsize=16)
def read_labels(path: Path | None = None) -> tuple[Label, ...]:
    """Return the rows of one labels.csv (default: the bundled one), checked."""
    return tuple(read_table(path or bundled_data_dir() / LABELS, COLUMNS, _label_row))


def _label_row(path: Path, number: int, row: dict[str, str]) -> Label:
    values = {k: (v or "").strip() for k, v in row.items() if k}
    if not values["label"]:
        raise InputError(path, i18n.text("error:labels.empty", "empty label"), line=number)
    for column in ("organisation_edge", "person_edge"):
        if values[column] and values[column] not in EDGE_KINDS:
            raise InputError(path, i18n.text("error:labels.edge_kind", "{column} {value!r} is not an edge kind",
                                             column=column, value=values[column]),
                             line=number, hint=i18n.text("error:use_one_of", "use one of {choices}",
                                                         choices=', '.join(sorted(EDGE_KINDS))))
    if values["match"] not in MATCHES:
        raise InputError(path, i18n.text("error:labels.match", "match {value!r} unknown",
                                         value=values['match']), line=number,
                         hint=i18n.text("error:use_one_of", "use one of {choices}",
                                        choices=', '.join(MATCHES)))
    scopes = frozenset(values["scope"].split())
    if not scopes or not scopes <= set(SCOPES):
        raise InputError(path, i18n.text("error:labels.scope", "scope {value!r} unknown",
                                         value=values['scope']), line=number,
                         hint=i18n.text("error:labels.scope.hint", "write kaart, actie or both"))
    return Label(values["label"], values["role"], values["organisation_edge"] or None,
                 values["person_edge"] or None, values["organisation_via_person"] == "ja",
                 values["match"], scopes, values["language"], values["seen"], number)


def labels_for(scope: str, roles_only: bool = False) -> list[Label]:
    """Return the labels used in `scope` (kaart, actie), longest first, so that a regular
    expression made of them tries "Betrokken partners" before "Partners"."""
    return list(labels_in(active_labels(), scope, roles_only))


class PerTable:
    """What a loader derives from a label table (its labels of a scope, a compiled pattern,
    role rules), made once per table and kept while that table is in use.

    Keyed by identity: a table's hash costs its every row, and loaders ask for every
    field line they read; the table of one build is one tuple object, kept with what was
    made of it so that its id is not reused by another table. At most `size` entries:
    those of corpora built before are let go.
    """

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self.made: dict[tuple, tuple[tuple[Label, ...], Any]] = {}

    def get(self, table: tuple[Label, ...], make: Callable[[], Any], *key: object) -> Any:
        found = self.made.get((id(table), *key))
        if found is None or found[0] is not table:
            if len(self.made) >= self.size:
                self.made.clear()
            found = self.made[(id(table), *key)] = (table, make())
        return found[1]


_CHOSEN = PerTable(size=32)


def labels_in(table: tuple[Label, ...], scope: str, roles_only: bool = False) -> tuple[Label, ...]:
    """Return the labels of `table` used in `scope`, longest first (see labels_for)."""
    def chosen() -> tuple[Label, ...]:
        rows = [label for label in table if scope in label.scopes and (label.is_role or not roles_only)]
        return tuple(sorted(rows, key=lambda label: -len(label.label)))
    return _CHOSEN.get(table, chosen, scope, roles_only)


def alternatives(labels: list[Label]) -> str:
    """Return one regular expression that matches any of `labels` (no groups)."""
    return "|".join(f"(?:{label.pattern})" for label in labels)


def label_of(text: str, scope: str) -> Label | None:
    """Return the label row `text` (as written, without the colon) is, or None.

    >>> label_of("Bestuurlijk eigenaar", "kaart").role
    'Bestuurlijke trekker'
    >>> label_of("Stuurgroep regionale bedrijventerreinenstrategie", "kaart").role
    'Projectboard'
    >>> label_of("Doelgroep", "kaart") is None
    True
    """
    return next((label for label in labels_for(scope) if label.matches(text)), None)


class LabelPattern:
    """A regular expression made of labels.csv rows, for the corpus being built.

    `template` turns the active label table into the expression's text; it is compiled
    once per table, so a corpus with its own labels.csv gets its own pattern. The common
    methods of a compiled pattern are passed on.
    """

    def __init__(self, template: Callable[[tuple[Label, ...]], str], flags: int = 0) -> None:
        self.template = template
        self.flags = flags
        self._compiled = PerTable()
        self._last: tuple[tuple[Label, ...], re.Pattern[str]] | None = None

    def compiled(self) -> re.Pattern[str]:
        table = active_labels()
        # The table of the last call first: a long card asks for it once a line.
        last = self._last
        if last is None or last[0] is not table:
            last = self._last = (table, self._compiled.get(
                table, lambda: re.compile(self.template(table), self.flags)))
        return last[1]

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled().match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def split(self, text: str) -> list[str]:
        return self.compiled().split(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)


def scope_alternatives(scope: str, roles_only: bool = False,
                       role: str | None = None) -> Callable[[tuple[Label, ...]], str]:
    """Return a LabelPattern template part: the alternatives of the labels of `scope`
    (only role rows, or only the rows of one `role`), longest first."""
    def alternatives_of(table: tuple[Label, ...]) -> str:
        chosen = labels_in(table, scope, roles_only)
        return alternatives([label for label in chosen if role is None or label.role == role])
    return alternatives_of

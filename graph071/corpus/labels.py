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
"""

from __future__ import annotations

import re
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


def labels_path() -> Path:
    """Return the path of the curated label table."""
    return bundled_data_dir() / LABELS


@lru_cache(maxsize=4)
def read_labels(path: Path | None = None) -> tuple[Label, ...]:
    """Return the rows of labels.csv (default: the bundled one), checked."""
    return tuple(read_table(path or labels_path(), COLUMNS, _label_row))


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
    chosen = [label for label in read_labels() if scope in label.scopes
              and (label.is_role or not roles_only)]
    return sorted(chosen, key=lambda label: -len(label.label))


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

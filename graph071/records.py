"""What loaders give back: plain records with provenance, before any name is resolved.

Parsing (text -> records) is kept apart from resolution (names -> organisations)
and from graph building (records -> nodes and edges), so each step can be
tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph071.i18n import Said


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: the document, the 1-based line and the quote."""

    document: str
    line: int
    quote: str

    def as_props(self) -> dict[str, Any]:
        return {"document": self.document, "line": self.line, "quote": self.quote}


@dataclass(frozen=True)
class OrgName:
    """An organisation as written in a document; resolved to a node by the builder."""

    text: str


@dataclass(frozen=True)
class PersonName:
    """A person as written; `organisation` is the organisation they act for, as written."""

    text: str
    organisation: str | None = None


# An end of an edge: a node id, or a name still to be resolved.
Ref = str | OrgName | PersonName


@dataclass
class NodeRecord:
    """A node a loader found: its kind, stable key, display name and properties."""

    kind: str
    key: str
    name: str
    source: Source
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class EdgeRecord:
    """An edge a loader found. `role` is the raw role text as the document words it."""

    kind: str
    source_ref: Ref
    target_ref: Ref
    source: Source
    role: str = ""
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParseWarning:
    """Something a loader noticed: shown by `graph071 check`.

    level "warning" needs a maintainer's attention (`check --strict` fails on it);
    level "info" records a reading decision worth seeing (a line cut between two columns).
    """

    document: str
    line: int
    said: str | Said  # a Said is rendered when shown, in the language in use then
    level: str = "warning"

    @property
    def message(self) -> str:
        """The message in the language in use now (a cached build speaks today's language)."""
        return str(self.said)

    def __str__(self) -> str:
        return f"{self.document}:{self.line}: {self.level}: {self.message}"


@dataclass
class LoadResult:
    """Everything one loader read from one document."""

    document: str
    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def warn(self, line: int, message: str | Said) -> None:
        self.warnings.append(ParseWarning(self.document, line, message))

    def note(self, line: int, message: str | Said) -> None:
        """Record a reading decision (level "info")."""
        self.warnings.append(ParseWarning(self.document, line, message, "info"))

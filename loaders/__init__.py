"""Loaders: one small parser per document family, registered by name.

A loader turns a document's text into records (graph071.records) that carry
their provenance. It does not resolve organisation names and does not build
the graph. The manifest's `loader` column names the loader that reads a
document; `register` adds one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from graph071.corpus.manifest import Document
from graph071.corpus.organisations import OrganisationTable
from graph071.corpus.projects import ProjectTable
from graph071.records import LoadResult


@dataclass(frozen=True)
class ParseContext:
    """What a loader may ask of the corpus while parsing: is this text a known
    organisation name, and which project does a name belong to?

    Column-interleaved tables can only be cut where a name ends; the loader asks
    the resolution table instead of keeping a name list of its own.
    """

    is_known_organisation: Callable[[str], bool]
    # The corpus's projects.csv: project names across editions (empty when it has none).
    projects: ProjectTable = field(default_factory=lambda: ProjectTable([]))
    # The corpus's organisations.csv, for the prose reader's automaton of every alias
    # (graph071.loaders.prose); None: the loader reads the corpus's table itself.
    organisations: OrganisationTable | None = None
    # The rows of the corpus's review.csv (graph071.corpus.reader.read_review), for the
    # decisions the text loader honours; None: the loader reads the corpus's file itself.
    review: list[dict[str, str]] | None = None
    # The people the other documents name (full name -> node id), for the prose reader:
    # graph071.build.pipeline fills it before the texts are read.
    people: dict[str, str] = field(default_factory=dict)


Loader = Callable[[Document, ParseContext], LoadResult]

# name -> "module:function"; imported only when a manifest asks for it, to keep start-up fast.
_REGISTRY: dict[str, str] = {
    "action_programme_2013": "graph071.loaders.action_programme:load",
    "project_cards": "graph071.loaders.project_cards.edition:load",
    "index071": "graph071.loaders.index071:load",
    "spreadsheet_actions": "graph071.loaders.spreadsheet:load_actions",
    "spreadsheet_projects": "graph071.loaders.spreadsheet:load_projects",
    # Any text about the partnership: news items, partner profiles, council letters.
    "text": "graph071.loaders.prose.loader:load",
}


def register(name: str, target: str) -> None:
    """Register the loader `target` ("module:function") under `name`."""
    _REGISTRY[name] = target


def names() -> list[str]:
    """Return the names of the registered loaders."""
    return sorted(_REGISTRY)


def get(name: str) -> Loader | None:
    """Return the loader registered as `name`, or None."""
    target = _REGISTRY.get(name)
    if target is None:
        return None
    module, function = target.split(":")
    return getattr(import_module(module), function)

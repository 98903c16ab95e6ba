"""The one declaration of graph071's node kinds and edge kinds.

Every other part of graph071 reads this module: the graph builder checks
edges against it, the Neo4j writer takes labels, relationship types and
constraints from it, the map takes colours, shapes, edge styles and the
legend from it, and the exports take the property names from it.
Adding an edge kind is one declaration here plus the loader that emits it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeKind:
    """A kind of node: its name, its Dutch label and how the map draws it."""

    name: str  # the kind as stored on every node and used as Neo4j label
    label_nl: str  # what users read in tables and the legend
    id_prefix: str  # node ids look like "<id_prefix>:<stable key>"
    color: str
    shape: str = "dot"
    description: str = ""


@dataclass(frozen=True)
class EdgeKind:
    """A kind of edge: which node kinds it joins, its Dutch label and its map style."""

    name: str  # the kind as stored on every edge and used as Neo4j relationship type
    label_nl: str  # reads as "<source> <label_nl> <target>"
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    description: str = ""
    width: float = 1.0
    dashes: bool = False
    arrow: bool = False
    color: str = "#9aa5b1"
    # Roles an organisation plays on an action or project; these count in hubs.
    is_role: bool = False


NODE_KINDS: dict[str, NodeKind] = {
    kind.name: kind
    for kind in (
        NodeKind("Action", "Actie", "action", "#f2a541", "box",
                 "A numbered action of an uitvoeringsprogramma"),
        NodeKind("Project", "Project", "project", "#e4572e", "box",
                 "A project of Economie071, across editions of the projectkaarten"),
        NodeKind("Organisation", "Organisatie", "org", "#4c78a8", "dot",
                 "An organisation or a group of organisations"),
        NodeKind("Person", "Persoon", "person", "#b279a2", "dot",
                 "A named person with a role on a project"),
        NodeKind("Theme", "Thema", "theme", "#54a24b", "diamond",
                 "A doelstelling, thema or pijler of the agenda"),
        NodeKind("Document", "Document", "doc", "#9d9d9d", "square",
                 "A source document of the corpus"),
        NodeKind("Activity", "Activiteit", "activity", "#72b7b2", "triangle",
                 "A community activity or event"),
        NodeKind("Basket", "Mandje", "basket", "#eeca3b", "hexagon",
                 "A weighted basket of Index071 parameters"),
        NodeKind("Indicator", "Indicator", "indicator", "#ff9da6", "dot",
                 "A parameter of Index071"),
        NodeKind("Trend", "Trend", "trend", "#79706e", "triangleDown",
                 "A trend named in Index071"),
    )
}


def _edge(name: str, label_nl: str, sources: tuple[str, ...], targets: tuple[str, ...],
          description: str, **style) -> EdgeKind:
    return EdgeKind(name, label_nl, sources, targets, description, **style)


_WORKS_ON = ("Action", "Project")

EDGE_KINDS: dict[str, EdgeKind] = {
    kind.name: kind
    for kind in (
        _edge("TREKKER", "is trekker van", ("Organisation",), _WORKS_ON,
              "Owner (lead) of an action or project", width=4.0, color="#2f4b7c", is_role=True),
        _edge("PARTNER", "is partner van", ("Organisation",), _WORKS_ON,
              "Co-worker on an action or project", width=1.5, color="#7a8ca3", is_role=True),
        _edge("TE_BETREKKEN", "is te betrekken bij", ("Organisation",), _WORKS_ON,
              "To be involved in an action ('te betrekken')", width=1.0, dashes=True,
              color="#b0bac6", is_role=True),
        _edge("LINKS_TO", "hangt samen met", ("Action", "Project"), ("Action", "Project", "Theme"),
              "A cross-reference between actions, projects or themes", width=1.5, dashes=True,
              color="#e39c37"),
        _edge("SUCCEEDS", "is opvolger van", ("Project",), ("Project", "Action"),
              "The newer project continues the older one", width=2.5, arrow=True,
              color="#d62728"),
        _edge("MEMBER_OF", "is lid van", ("Organisation",), ("Organisation",),
              "An organisation belongs to a group", width=1.0, dashes=True, color="#c7c7c7"),
        _edge("IN_THEME", "valt onder", ("Action", "Project", "Basket"), ("Theme",),
              "An action or project belongs to a theme", width=0.5, color="#cfe3c5"),
        _edge("DESCRIBED_IN", "staat in", ("Action", "Project", "Activity"), ("Document",),
              "Where a thing is written down", width=0.5, color="#e0e0e0"),
    )
}


@dataclass(frozen=True)
class Side:
    """A side of the triple helix, as users name it."""

    name: str
    label_nl: str
    color: str


# Organisations are coloured by triple-helix side rather than by kind.
HELIX_SIDES: dict[str, Side] = {
    side.name: side
    for side in (
        Side("overheid", "Overheid", "#4c78a8"),
        Side("ondernemers", "Ondernemers", "#f58518"),
        Side("onderwijs/kennis", "Onderwijs & kennis", "#54a24b"),
        Side("overig", "Overig", "#9d9d9d"),
    )
}

SECTORS: tuple[str, ...] = (
    "overheid", "ondernemers", "onderwijs", "kennis", "zorg", "maatschappelijk",
    "samenwerkingsverband", "bedrijf", "onbekend",
)

# Categorie of an action (uitvoeringsprogramma 2013-2015) and its colour.
CATEGORIE_COLOURS: dict[int, str] = {1: "groen", 2: "groen", 3: "oranje", 4: "rood"}

# Properties every edge carries so a fact can be traced to its source.
PROVENANCE_KEYS: tuple[str, ...] = ("document", "line", "quote")


def node_kind(name: str) -> NodeKind:
    """Return the declared node kind called `name` (KeyError names the kind)."""
    return NODE_KINDS[name]


def edge_kind(name: str) -> EdgeKind:
    """Return the declared edge kind called `name`."""
    return EDGE_KINDS[name]


def role_edge_kinds() -> tuple[str, ...]:
    """Return the edge kinds that are roles of an organisation on an action or project."""
    return tuple(name for name, kind in EDGE_KINDS.items() if kind.is_role)


def node_id(kind: str, key: str) -> str:
    """Return the stable id of a node of `kind` with local `key`.

    >>> node_id("Action", "2013-2015/17")
    'action:2013-2015/17'
    """
    return f"{NODE_KINDS[kind].id_prefix}:{key}"

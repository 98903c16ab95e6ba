"""The one declaration of graph071's node kinds and edge kinds.

Every other part of graph071 reads this module: the graph builder checks
edges against it, the Neo4j writer takes labels, relationship types and
constraints from it, the map takes colours, shapes, edge styles and the
legend from it, and the exports take the property names from it.
Adding an edge kind is one declaration here plus the loader that emits it.
"""

from __future__ import annotations

from dataclasses import dataclass


class Node:
    """The node kinds by name: code writes Node.ACTION, never the string."""

    ACTION = "Action"
    PROJECT = "Project"
    ORGANISATION = "Organisation"
    PERSON = "Person"
    THEME = "Theme"
    DOCUMENT = "Document"
    ACTIVITY = "Activity"
    BASKET = "Basket"
    INDICATOR = "Indicator"
    TREND = "Trend"
    INDEX = "Index"
    PRACTICE = "Practice"


class Edge:
    """The edge kinds by name: code writes Edge.TREKKER, never the string."""

    TREKKER = "TREKKER"
    PARTNER = "PARTNER"
    TE_BETREKKEN = "TE_BETREKKEN"
    LINKS_TO = "LINKS_TO"
    SUCCEEDS = "SUCCEEDS"
    APPEARS_IN = "APPEARS_IN"
    OPDRACHTGEVER = "OPDRACHTGEVER"
    PROJECTLEIDER = "PROJECTLEIDER"
    BESTUURLIJK_TREKKER = "BESTUURLIJK_TREKKER"
    WORKS_ON = "WORKS_ON"
    QUOTED = "QUOTED"
    AMBASSADEUR = "AMBASSADEUR"
    WORKS_FOR = "WORKS_FOR"
    VOORZITTER = "VOORZITTER"
    PROJECTBOARD = "PROJECTBOARD"
    BETROKKEN = "BETROKKEN"
    FINANCIER = "FINANCIER"
    CONTRIBUTES_TO = "CONTRIBUTES_TO"
    MEMBER_OF = "MEMBER_OF"
    IN_THEME = "IN_THEME"
    DESCRIBED_IN = "DESCRIBED_IN"
    IN_BASKET = "IN_BASKET"
    IN_INDEX = "IN_INDEX"
    MEASURES = "MEASURES"
    EXAMPLE_OF = "EXAMPLE_OF"
    GOOD_PRACTICE = "GOOD_PRACTICE"
    MENTIONED_IN = "MENTIONED_IN"
    COLLABORATES_WITH = "COLLABORATES_WITH"
    UITVOERDER = "UITVOERDER"
    MERGED_INTO = "MERGED_INTO"


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
    # A role as a noun, for sentences such as "X en Y zijn allebei partner bij actie 25".
    role_nl: str = ""


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
        NodeKind("Index", "Index (totaal)", "index", "#f58518", "star",
                 "The overall figure of a monitor such as Index071 (base year = 100)"),
        NodeKind("Practice", "Good practice", "practice", "#b6992d", "dot",
                 "An example or good practice a monitor names for a trend"),
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
              "Owner (lead) of an action or project", width=4.0, color="#2f4b7c", is_role=True,
              role_nl="trekker"),
        _edge("PARTNER", "is partner van", ("Organisation",), _WORKS_ON,
              "Co-worker on an action or project", width=1.5, color="#7a8ca3", is_role=True,
              role_nl="partner"),
        _edge("TE_BETREKKEN", "is te betrekken bij", ("Organisation",), _WORKS_ON,
              "To be involved in an action ('te betrekken')", width=1.0, dashes=True,
              color="#b0bac6", is_role=True, role_nl="te betrekken"),
        _edge("LINKS_TO", "hangt samen met", ("Action", "Project"), ("Action", "Project", "Theme"),
              "A cross-reference between actions, projects or themes", width=1.5, dashes=True,
              color="#e39c37"),
        _edge("SUCCEEDS", "is opvolger van", ("Project", "Organisation"),
              ("Project", "Action", "Organisation"),
              "The newer project (or the organisation it became, e.g. WIJIJ) continues the "
              "older one; explicit=False marks an inference, with its reason", width=2.5,
              arrow=True, color="#d62728"),
        # Project cards (2018, 2019, 2022): appearances, people and the other roles.
        _edge("APPEARS_IN", "verschijnt in", ("Project",), ("Document",),
              "A project's card in one edition: its name as written and categorie (status)",
              width=0.5, color="#e0e0e0"),
        _edge("OPDRACHTGEVER", "is opdrachtgever van", ("Person", "Organisation"), ("Project",),
              "Bestuurlijk or ambtelijk opdrachtgever (the role text says which)", width=1.0,
              color="#8e6c8a"),
        _edge("PROJECTLEIDER", "is projectleider van", ("Person",), ("Project",),
              "Projectleider (ambtelijk projectleider, projectmanager) of a project", width=1.5,
              color="#b279a2"),
        _edge("BESTUURLIJK_TREKKER", "is bestuurlijk trekker van", ("Person",), ("Project",),
              "A person named as bestuurlijk trekker; the organisation they act for is TREKKER",
              width=1.5, color="#2f4b7c"),
        _edge("WORKS_ON", "werkt mee aan", ("Person",), ("Project",),
              "A person in the projectteam, projectboard or werkgroep of a project", width=0.8,
              dashes=True, color="#c9a3c2"),
        _edge("QUOTED", "komt aan het woord in", ("Person",), ("Project", "Document"),
              "A person quoted on a project card or in a foreword", width=0.5, dashes=True,
              color="#d8c3d4"),
        _edge("AMBASSADEUR", "is ambassadeur van", ("Person",), ("Theme", "Project"),
              "A person who embraced a theme or project ('omarmd door', 'ambassadeursrol')",
              width=1.0, dashes=True, color="#54a24b"),
        _edge("WORKS_FOR", "werkt voor", ("Person",), ("Organisation",),
              "The organisation a person acts for; the role text gives the function", width=0.8,
              color="#d4b9cf"),
        _edge("VOORZITTER", "is voorzitter van", ("Person",), ("Organisation",),
              "Chair of an organisation such as Economie071", width=1.5, color="#8e6c8a"),
        _edge("PROJECTBOARD", "zit in de projectboard van", ("Organisation",), ("Project",),
              "Member of a project's projectboard or stuurgroep", width=1.2, color="#7a8ca3",
              is_role=True, role_nl="lid van de projectboard"),
        _edge("BETROKKEN", "is betrokken bij", ("Organisation",), ("Project",),
              "Otherwise involved: betrokken partners, werkgroep, aanspreekpunt, signatory",
              width=1.0, dashes=True, color="#b0bac6", is_role=True, role_nl="betrokken"),
        _edge("FINANCIER", "financiert", ("Organisation",), ("Project",),
              "Pays for a project (toegezegde bijdrage, budget, cofinanciering)", width=1.5,
              dashes=True, color="#6b9e5c", is_role=True, role_nl="financier"),
        _edge("CONTRIBUTES_TO", "draagt bij aan", ("Organisation", "Person"), ("Activity",),
              "Organises, pays for or supports a community activity (role text says how)",
              width=1.0, color="#72b7b2"),
        _edge("MEMBER_OF", "is lid van", ("Organisation",), ("Organisation",),
              "An organisation belongs to a group", width=1.0, dashes=True, color="#c7c7c7"),
        _edge("IN_THEME", "valt onder", ("Action", "Project", "Basket"), ("Theme",),
              "An action or project belongs to a theme", width=0.5, color="#cfe3c5"),
        _edge("DESCRIBED_IN", "staat in", ("Action", "Project", "Activity", "Index", "Trend"),
              ("Document",),
              "Where a thing is written down", width=0.5, color="#e0e0e0"),
        _edge("IN_BASKET", "telt mee in", ("Indicator",), ("Basket",),
              "A parameter counts in a basket of Index071, with its weight", width=1.0,
              color="#ffb3ba"),
        _edge("IN_INDEX", "telt mee in de index", ("Basket",), ("Index",),
              "A basket counts in the overall index, with its weight", width=2.0,
              color="#eeca3b"),
        _edge("MEASURES", "correspondeert met", ("Basket",), ("Theme",),
              "A basket corresponds to a theme of the agenda (inferred from the monitor's text)",
              width=2.0, dashes=True, color="#54a24b"),
        _edge("EXAMPLE_OF", "is voorbeeld bij", ("Practice",), ("Trend",),
              "A good practice or example the monitor names for a trend", width=1.0,
              color="#c9b77d"),
        _edge("GOOD_PRACTICE", "geeft het voorbeeld bij", ("Organisation",), ("Trend",),
              "A network elsewhere in the country named as an example for a trend", width=1.5,
              dashes=True, color="#8c6d31"),
        # Any text about the partnership (news items, partner profiles, council letters) and
        # the running prose of the project cards (graph071.loaders.prose).
        _edge("MENTIONED_IN", "wordt genoemd in", ("Organisation", "Project", "Activity", "Person"),
              ("Document",),
              "A known organisation, project or person named in a text; line and quote of the "
              "first mention, `lines` all of them", width=0.5, dashes=True, color="#d9d9d9"),
        _edge("COLLABORATES_WITH", "werkt samen met", ("Organisation",), ("Organisation",),
              "Two organisations a text says work together ('werkt nauw samen met', 'in "
              "partnership with'); `confidence` says how sure the reading is", width=1.2,
              dashes=True, color="#7a8ca3"),
        _edge("UITVOERDER", "voert uit", ("Organisation",), ("Project",),
              "Carries out (part of) a project ('uitgevoerd door', 'carried out by')", width=1.2,
              color="#9c755f", is_role=True, role_nl="uitvoerder"),
        _edge("MERGED_INTO", "is opgegaan in", ("Organisation",), ("Organisation",),
              "An organisation merged into or with another ('fuseert met', 'merged into')",
              width=1.5, arrow=True, color="#d62728"),
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


@dataclass(frozen=True)
class Mark:
    """A warning the map draws on a node: the words it adds and its border colour."""

    name: str
    label_nl: str
    color: str


# Actions and projects without a trekker stand out on the map (and in its legend).
NO_TREKKER = Mark("no_trekker", "geen trekker", "#d62728")

SECTORS: tuple[str, ...] = (
    "overheid", "ondernemers", "onderwijs", "kennis", "zorg", "maatschappelijk",
    "samenwerkingsverband", "bedrijf", "onbekend",
)

# Categorie of an action (uitvoeringsprogramma 2013-2015) and its colour.
CATEGORIE_COLOURS: dict[int, str] = {1: "groen", 2: "groen", 3: "oranje", 4: "rood"}

# Properties every edge carries so a fact can be traced to its source.
PROVENANCE_KEYS: tuple[str, ...] = ("document", "line", "quote")
# On an edge whose fact later documents state again (the same role on the next edition's
# card): the ids of those documents. The edge's own document/line/quote is the first.
ALSO_IN_KEY = "also_in"
# Properties on a node or edge that a correction (corrections.csv) added or changed; a
# correction's own row is then its document/line/quote. Tooltips and exports show them.
CORRECTION_KEYS: tuple[str, ...] = ("correction", "correction_reason", "correction_date")


# ---------------------------------------------------------------- role groups and weights

# What organisations work on: the nodes that have trekkers and partners.
WORK_KINDS: tuple[str, ...] = (Node.ACTION, Node.PROJECT)
# The three roles of the action programme, in the order tables show them.
MAIN_ROLES: tuple[str, ...] = (Edge.TREKKER, Edge.PARTNER, Edge.TE_BETREKKEN)
# Roles a person has on a project, and the links from a person to an organisation.
PERSON_LEAD_ROLES: tuple[str, ...] = (Edge.PROJECTLEIDER, Edge.BESTUURLIJK_TREKKER)
PERSON_ORGANISATION_ROLES: tuple[str, ...] = (Edge.VOORZITTER, Edge.WORKS_FOR)

# Points per role in the hub score (docs/analytics.md); every other role kind counts
# OTHER_ROLE_WEIGHT. queries/hubs.cypher spells the same numbers (a test compares them).
HUB_WEIGHTS: dict[str, float] = {Edge.TREKKER: 2.0, Edge.PARTNER: 1.0, Edge.TE_BETREKKEN: 0.5}
OTHER_ROLE_WEIGHT = 1.0


def hub_weight(kind: str) -> float:
    """Return the points a role of `kind` adds to an organisation's hub score.

    >>> hub_weight(Edge.TREKKER), hub_weight(Edge.TE_BETREKKEN), hub_weight(Edge.FINANCIER)
    (2.0, 0.5, 1.0)
    """
    return HUB_WEIGHTS.get(kind, OTHER_ROLE_WEIGHT)


def hub_formula_nl() -> str:
    """Return the hub score in words, as the help text and docs give it.

    >>> hub_formula_nl()
    '2 x trekker + 1 x partner + 0.5 x te betrekken + 1 x elke andere rol'
    """
    parts = [f"{weight:g} x {EDGE_KINDS[kind].role_nl}" for kind, weight in HUB_WEIGHTS.items()]
    return " + ".join([*parts, f"{OTHER_ROLE_WEIGHT:g} x elke andere rol"])


def stating_documents(attrs: dict) -> list[str]:
    """Return the ids of the documents that state an edge's fact, the first one first.

    >>> stating_documents({"document": "kaarten-2018", ALSO_IN_KEY: ["overzicht-2019"]})
    ['kaarten-2018', 'overzicht-2019']
    """
    return [attrs.get("document"), *attrs.get(ALSO_IN_KEY, [])]


def label_nl(kind: str) -> str:
    """Return the Dutch label users read for the node or edge kind `kind`.

    >>> label_nl(Node.PROJECT), label_nl(Edge.TREKKER)
    ('Project', 'is trekker van')
    """
    declared = NODE_KINDS.get(kind) or EDGE_KINDS[kind]
    return declared.label_nl


# What --lang en users read for a kind: a node kind's own name, except where the name
# alone would mislead; an edge kind's label as an English phrase.
LABELS_EN: dict[str, str] = {
    "Index": "Index (total)", "Practice": "Good practice",
    "TREKKER": "is trekker of", "PARTNER": "is partner of", "TE_BETREKKEN": "is to be involved in",
    "LINKS_TO": "is linked to", "SUCCEEDS": "succeeds", "APPEARS_IN": "appears in",
    "OPDRACHTGEVER": "is opdrachtgever of", "PROJECTLEIDER": "is projectleider of",
    "BESTUURLIJK_TREKKER": "is bestuurlijk trekker of", "WORKS_ON": "works on",
    "QUOTED": "is quoted in", "AMBASSADEUR": "is ambassador of", "WORKS_FOR": "works for",
    "VOORZITTER": "chairs", "PROJECTBOARD": "sits on the projectboard of",
    "BETROKKEN": "is involved in", "FINANCIER": "funds", "CONTRIBUTES_TO": "contributes to",
    "MEMBER_OF": "is a member of", "IN_THEME": "falls under", "DESCRIBED_IN": "is described in",
    "IN_BASKET": "counts in", "IN_INDEX": "counts in the index", "MEASURES": "corresponds to",
    "EXAMPLE_OF": "is an example for", "GOOD_PRACTICE": "sets the example for",
    "MENTIONED_IN": "is mentioned in", "COLLABORATES_WITH": "works with", "UITVOERDER": "carries out",
    "MERGED_INTO": "merged into",
}


def label(kind: str) -> str:
    """Return the label users read for the node or edge kind `kind`, in the language in use.

    >>> from graph071 import i18n
    >>> label(Node.ORGANISATION) == {"nl": "Organisatie", "en": "Organisation"}[i18n.language()]
    True
    """
    from graph071 import i18n

    if i18n.language() == "en":
        return LABELS_EN.get(kind, kind)
    return label_nl(kind)


def role_edge_kinds() -> tuple[str, ...]:
    """Return the edge kinds that are roles of an organisation on an action or project."""
    return tuple(name for name, kind in EDGE_KINDS.items() if kind.is_role)


def node_id(kind: str, key: str) -> str:
    """Return the stable id of a node of `kind` with local `key`.

    >>> node_id("Action", "2013-2015/17")
    'action:2013-2015/17'
    """
    return f"{NODE_KINDS[kind].id_prefix}:{key}"

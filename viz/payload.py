"""What the map page draws, as plain JSON-ready data: nodes, edges, legend, tooltips.

Every colour, shape, edge style and Dutch label comes from graph071.schema; this
module only decides sizes, label wrapping and which facts a tooltip shows. Texts
from documents are passed on as data; the page puts them in the DOM with
textContent, never as HTML.
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from typing import Any

import networkx as nx

from graph071.analytics.roles import action_ref
from graph071.i18n import text
from graph071.schema import EDGE_KINDS, Edge, HELIX_SIDES, NODE_KINDS, NO_TREKKER, Node

from graph071.viz.selection import theme_label, theme_members

LABEL_WIDTH = 24  # characters per label line
LABEL_LINES = 2
LANDMARK_HUBS = 12
LIST_LIMIT = 6  # names listed in a tooltip row before "en N meer"
BASE_FONT = 18
BASE_SIZE = 14
# vis-network draws the label inside these shapes and below all others.
INSIDE_SHAPES = frozenset({"box", "ellipse", "circle", "database", "text"})

# How a tooltip names the nodes at the other end of an incoming edge ("Leden: ...").
_INCOMING_WORDS = {Edge.SUCCEEDS: "Opgevolgd door", Edge.MEMBER_OF: "Leden", Edge.IN_THEME: "Hieronder",
                   Edge.DESCRIBED_IN: "Beschrijft", Edge.LINKS_TO: "Hangt samen met"}
# A kind missing above reads "← <label>": "← werkt voor: Marjan van Duijn, ...".

# The Index071 monitor's own cluster: its baskets, parameters, trends and examples.
MONITOR_KINDS: tuple[str, ...] = (Node.INDEX, Node.BASKET, Node.INDICATOR, Node.TREND, Node.PRACTICE)
# Off on the overview map (one click in the legend brings them back): people and the monitor.
OVERVIEW_OFF: tuple[str, ...] = (Node.PERSON, *MONITOR_KINDS)
# The legend's groups of edge kinds, in the order the legend shows them.
EDGE_GROUPS: tuple[tuple[str, str], ...] = (
    ("rollen", "Rollen"), ("verwijzingen", "Verwijzingen"), ("mensen", "Mensen"),
    ("monitor", "Monitor (Index071)"))
# Landmark ranks: the order in which labels claim their place at the overview zoom.
RANK_ORPHAN, RANK_THEME, RANK_HUB = 1, 2, 3
SHORT_WIDTH = 20  # characters per line of an orphan's label at the overview zoom
# The words the page adds itself (English defaults; the Dutch rows are in the catalogue
# under "map:<key>"). {n}, {number} and {count} are filled in by the page.
PAGE_TEXTS: dict[str, str] = {
    "choose_programme": "Action {number} is in {count} programmes: choose one",
    "nothing_now": "Nothing at this moment",
    "counts": "{nodes} nodes · {edges} links",
    "counts_moment": "{nodes} nodes · {edges} links at this moment",
    "counts_part": "{shown} of {total} nodes shown",
    "counts_part_moment": "{shown} of this moment's {total} nodes shown",
    "fit_moment": "fit to this moment",
    "fit_moment_title": "Fit the view to what holds at this moment (positions stay the same)",
}


def build_payload(graph: nx.MultiDiGraph,
                  positions: dict[str, tuple[float, float]] | None = None, *,
                  title: str, subtitle: str = "", hub_scores: dict[str, float] | None = None,
                  orphan_ids: set[str] | None = None, axis: list[dict[str, Any]] | None = None,
                  mode: str = "network", start_hidden: tuple[str, ...] = (),
                  sources: dict[str, list[str]] | None = None, qualified: bool | None = None,
                  centre: set[str] | None = None) -> dict[str, Any]:
    """Return everything the page needs to draw `graph`. `positions` (id -> x, y in pixels) defaults to graph071.viz.layout, which keeps
    the labelled boxes from overlapping. `hub_scores` (organisation id -> hub score)
    sizes organisations; `orphan_ids` are actions and projects without a trekker.
    Both come from the whole graph, so a focused map sizes and marks nodes as the
    overview does. `start_hidden` are node kinds the page opens with switched off
    (OVERVIEW_OFF on the overview); `sources` (document id -> its lines) embeds the
    texts the map quotes, so "Bron" opens the passage inside the page. `qualified`
    (default: two programmes in `graph`) names actions with their programme; `centre`
    (the latest state) is laid out in the middle (graph071.viz.layout.positions).
    """
    hub_scores, orphan_ids = hub_scores or {}, orphan_ids or set()
    top_score = max(hub_scores.values(), default=0.0)
    themes = [n for n, d in sorted(graph.nodes(data=True)) if d["kind"] == Node.THEME]
    theme_index = _theme_index(graph, themes)
    qualified = len(action_programmes(graph)) > 1 if qualified is None else qualified
    nodes = [_node(graph, node, data, hub_scores.get(node, 0.0), top_score,
                   node in orphan_ids, theme_index.get(node, []), qualified)
             for node, data in sorted(graph.nodes(data=True))]
    readable = with_orphans(landmarks(graph, hub_scores), orphan_ids, graph)
    for item in nodes:
        if item["id"] in readable:
            item["landmark"] = True
            item["rank"] = (RANK_THEME if item["kind"] == Node.THEME
                            else RANK_ORPHAN if item.get("orphan") else RANK_HUB)
            if item.get("orphan"):
                # Zoomed out the red border says "geen trekker"; the label keeps the name.
                item["short"] = short_label(item, graph.nodes[item["id"]])
    if positions is None:
        from graph071.viz.layout import positions as layout

        positions = layout(graph, boxes={n["id"]: label_box(n) for n in nodes}, centre=centre)
    for item in nodes:
        item["x"], item["y"] = positions[item["id"]]
    edges = [_edge(source, target, data)
             for source, target, _, data in sorted(graph.edges(keys=True, data=True),
                                                    key=lambda e: (e[0], e[1], str(e[2])))]
    return {
        "mode": mode,
        "title": title,
        "subtitle": subtitle,
        "counts": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
        "legend": legend(graph, orphan_ids, bool(hub_scores)),
        "themes": [{"id": t, "label": theme_label(graph.nodes[t]),
                    "number": graph.nodes[t].get("number")} for t in themes],
        "nodes": nodes,
        "edges": edges,
        "axis": axis or [],
        "start_hidden": [k for k in start_hidden if any(n["kind"] == k for n in nodes)],
        "sources": embedded_sources(sources or {}, nodes, edges),
        "texts": page_texts(),
    }


def landmarks(graph: nx.MultiDiGraph, hub_scores: dict[str, float]) -> set[str]:
    """Return the nodes whose names stay readable at every zoom: the themes and the
    LANDMARK_HUBS biggest hubs on this map. The page hides the other labels until
    the user zooms in far enough to read them."""
    themes = {n for n, d in graph.nodes(data=True) if d["kind"] == Node.THEME}
    on_map = sorted((n for n in hub_scores if n in graph and hub_scores[n] > 0),
                    key=lambda n: (-hub_scores[n], n))
    return themes | set(on_map[:LANDMARK_HUBS])


def with_orphans(readable: set[str], orphan_ids: set[str], graph: nx.MultiDiGraph) -> set[str]:
    """Return `readable` and every orphan on this map: a presenter shows them first."""
    return readable | (orphan_ids & set(graph.nodes))


def edge_group(kind: str) -> str:
    """Return the legend group of an edge kind: rollen, verwijzingen, mensen or monitor.

    >>> edge_group(Edge.TREKKER), edge_group(Edge.IN_THEME), edge_group(Edge.WORKS_FOR)
    ('rollen', 'verwijzingen', 'mensen')
    >>> edge_group(Edge.IN_BASKET)
    'monitor'
    """
    declared = EDGE_KINDS[kind]
    if declared.is_role:
        return "rollen"
    if set(declared.sources) <= set(MONITOR_KINDS) or set(declared.targets) <= set(MONITOR_KINDS):
        return "monitor"
    if Node.PERSON in declared.sources:
        return "mensen"
    return "verwijzingen"


def embedded_sources(sources: dict[str, list[str]], nodes: list[dict[str, Any]],
                     edges: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Return the texts of the documents this map's nodes and edges quote, by document id."""
    quoted = {item["src"][0] for item in [*nodes, *edges] if item.get("src")}
    return {doc: sources[doc] for doc in sorted(quoted) if doc in sources}


def label_box(item: dict[str, Any]) -> tuple[float, float]:
    """Return the width and height in pixels a node takes on the map, label included.

    An estimate from the label's characters and font size (the browser measures the
    real text); the layout uses it to keep nodes from covering each other.
    """
    lines = item["label"].split("\n")
    font = float(item["font"])
    text_width = max(len(line) for line in lines) * font * 0.6
    text_height = len(lines) * font * 1.25
    if NODE_KINDS[item["kind"]].shape in INSIDE_SHAPES:
        return (text_width + 16, text_height + 16)
    # The label hangs below the shape; the layout centres boxes on the node, so the box
    # reaches as far above the node as the label reaches below it.
    radius = float(item["size"])
    return (max(2 * radius, text_width), 2 * (radius + text_height + 4))


def legend(graph: nx.MultiDiGraph, orphan_ids: set[str], sized_by_hubs: bool) -> dict[str, Any]:
    """Return the legend entries for what is on this map, in schema order."""
    kinds_present = {d["kind"] for _, d in graph.nodes(data=True)}
    sides_present = {_side(d) for _, d in graph.nodes(data=True) if d["kind"] == Node.ORGANISATION}
    edges_present = {d["kind"] for _, _, d in graph.edges(data=True)}
    return {
        "kinds": [{"name": k.name, "label": k.label_nl, "color": k.color, "shape": k.shape,
                   "count": sum(1 for _, d in graph.nodes(data=True) if d["kind"] == k.name)}
                  for k in NODE_KINDS.values() if k.name in kinds_present],
        "sides": [{"name": s.name, "label": s.label_nl, "color": s.color}
                  for s in HELIX_SIDES.values() if s.name in sides_present],
        "edges": [{"name": e.name, "label": e.label_nl, "color": e.color, "width": e.width,
                   "dashes": e.dashes, "arrow": e.arrow, "group": edge_group(e.name),
                   # The details panel's headings; "staat in" is the source link itself.
                   **({} if e.name == Edge.DESCRIBED_IN else
                      dict(zip(("out", "in"), relation_labels(e.name))))}
                  for e in EDGE_KINDS.values() if e.name in edges_present],
        "edge_groups": [{"name": name, "label": label} for name, label in EDGE_GROUPS],
        "mark": ({"label": NO_TREKKER.label_nl, "color": NO_TREKKER.color,
                  "count": len(orphan_ids & set(graph.nodes))}
                 if orphan_ids & set(graph.nodes) else None),
        "sized_by_hubs": sized_by_hubs and Node.ORGANISATION in kinds_present,
    }


def _side(data: dict[str, Any]) -> str:
    side = data.get("helix") or "overig"
    return side if side in HELIX_SIDES else "overig"


def _node(graph: nx.MultiDiGraph, node: str, data: dict[str, Any], score: float,
          top_score: float, orphan: bool, themes: list[int], qualified: bool = False
          ) -> dict[str, Any]:
    kind = data["kind"]
    item: dict[str, Any] = {"id": node, "kind": kind,
                            "label": wrap_label(str(data.get("name", node)))}
    if kind == Node.ORGANISATION:
        item["side"] = _side(data)
    # Hubs grow with the square root of their score, so the biggest hub does not
    # swallow the map and a one-role organisation is still a visible dot.
    weight = math.sqrt(score / top_score) if top_score and score else 0.0
    item["size"] = round(BASE_SIZE + 26 * weight, 1)
    # The biggest hubs and the themes keep readable labels on the whole-network view;
    # the page hides labels too small to read until the user zooms in.
    item["font"] = round(BASE_FONT + 12 * weight, 1)
    if kind == Node.THEME:
        item["font"] = BASE_FONT + 6
        item["label"] = theme_map_label(data)
    if score:
        item["score"] = score
    if kind == Node.ACTION and data.get("programme"):
        # The search takes the reference "2013-2015/17" (as graph071 action does); with two
        # programmes numbering their actions alike, the label says which one too.
        item["ref"] = action_ref(graph, node)
        if qualified:
            item["label"] += f"\n({data['programme']})"
    if orphan:
        item["orphan"] = True
        item["label"] += "\n" + NO_TREKKER.label_nl
    if themes:
        item["themes"] = themes
    item["names"] = search_names(data, qualified) + ([NO_TREKKER.label_nl] if orphan else [])
    item["info"] = node_info(graph, node, data, score, orphan, qualified)
    if data.get("document") and data.get("line"):
        item["src"] = [str(data["document"]), int(data["line"])]
    return item


def action_programmes(graph: nx.MultiDiGraph) -> set[str]:
    """Return the programmes whose actions are in `graph` (two or more: numbers are shared)."""
    return {str(d["programme"]) for _, d in graph.nodes(data=True)
            if d["kind"] == Node.ACTION and d.get("programme")}


def shown_name(graph: nx.MultiDiGraph, node: str, qualified: bool = False) -> str:
    """Return how the map names `node`; `qualified` adds an action's programme.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("action:2013-2015/17", kind="Action", name="17. Studie", programme="2013-2015")
    >>> shown_name(G, "action:2013-2015/17"), shown_name(G, "action:2013-2015/17", qualified=True)
    ('17. Studie', '17. Studie (2013-2015)')
    """
    data = graph.nodes[node]
    name = str(data.get("name", node))
    if qualified and data["kind"] == Node.ACTION and data.get("programme"):
        return f"{name} ({data['programme']})"
    return name


def short_label(item: dict[str, Any], data: dict[str, Any]) -> str:
    """Return a landmark's label at the overview zoom: its name in SHORT_WIDTH lines, and
    an action of one of two programmes its programme on a line of its own."""
    if item.get("ref") and item["info"]["title"] != data.get("name"):  # qualified by shown_name
        return wrap_label(str(data.get("name", item["id"])), SHORT_WIDTH) + f"\n({data['programme']})"
    return wrap_label(item["info"]["title"], SHORT_WIDTH)


def page_texts() -> dict[str, str]:
    """Return the page's own words that the catalogue holds (graph071.i18n), by key."""
    return {key: text(f"map:{key}", default) for key, default in PAGE_TEXTS.items()}


def theme_map_label(data: dict[str, Any]) -> str:
    """Return a theme's label on the map: number and name, then the programme, so the two
    "Economische structuurversterking" themes read apart.

    >>> theme_map_label({"number": 1, "name": "Economische structuurversterking", "programme": "2018"})
    '1. Economische\\nstructuurversterking\\n(2018)'
    """
    number = f"{data['number']}. " if data.get("number") is not None else ""
    label = wrap_label(number + str(data.get("name", "")))
    return label + (f"\n({data['programme']})" if data.get("programme") else "")


def _edge(source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    edge = {"from": source, "to": target, "kind": data["kind"], "info": edge_info(data)}
    if data.get("document") and data.get("line"):
        edge["src"] = [str(data["document"]), int(data["line"])]
    if data.get("explicit") is False:
        edge["inferred"] = True  # drawn dashed and said so: an inference is never shown as a fact
    return edge


def wrap_label(name: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """Return `name` wrapped for the map: at most `lines` lines, cut with "…".

    >>> wrap_label("17. Haalbaarheidsstudie bedrijfshuisvesting")
    '17. Haalbaarheidsstudie\\nbedrijfshuisvesting'
    >>> wrap_label("a " * 40).count("\\n"), wrap_label("a " * 40).endswith("…")
    (1, True)
    """
    wrapped = textwrap.wrap(" ".join(name.split()), width=width, break_long_words=True) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][:width - 1].rstrip() + "…"
    return "\n".join(wrapped)


def search_names(data: dict[str, Any], qualified: bool = False) -> list[str]:
    """Return every name a user may type to find this node: name, title, aliases, "Actie 17"
    (with two programmes on the map "Actie 2013-2015/17" and "2013-2015/17" instead)."""
    forms = [data.get("name"), data.get("title"), *(data.get("aliases") or []),
             *(data.get("names") or [])]
    if data.get("number") is not None:
        number = data["number"]
        if qualified and data["kind"] == Node.ACTION and data.get("programme"):
            number = f"{data['programme']}/{number}"
            forms.append(number)
        forms.append(f"{NODE_KINDS[data['kind']].label_nl} {number}")
    names: list[str] = []
    for form in forms:
        if isinstance(form, str) and form.strip() and form not in names:
            names.append(form)
    return names


def node_info(graph: nx.MultiDiGraph, node: str, data: dict[str, Any], score: float = 0.0,
              orphan: bool = False, qualified: bool = False) -> dict[str, Any]:
    """Return a node's tooltip: title, kind, rows of facts, the source and its quote
    (`qualified`: actions named with their programme, as two programmes share numbers)."""
    kind = NODE_KINDS[data["kind"]]
    subtitle = kind.label_nl
    if data["kind"] == Node.ORGANISATION:
        subtitle += " · " + HELIX_SIDES[_side(data)].label_nl
        if data.get("is_group"):
            subtitle += " · groep"
    rows: list[list[str]] = []
    if data.get("title") and data.get("title") != data.get("name"):
        rows.append(["Titel", str(data["title"])])
    if data.get("theme_name"):
        rows.append(["Thema", str(data["theme_name"])])
    if score:
        rows.append(["Spilscore", f"{score:g}"])
    relations = _relation_rows(graph, node, qualified)
    rows.extend(relations)
    if orphan:
        written = data.get("trekker_text")
        rows.insert(0, ["Trekker", NO_TREKKER.label_nl + (f" (“{written}”)" if written else "")])
    if data.get("categorie") is not None:
        colour = f" ({data['categorie_colour']})" if data.get("categorie_colour") else ""
        rows.append(["Categorie", f"{data['categorie']}{colour}"])
    for key, label in (("planning", "Planning"), ("edition", "Editie"), ("sector", "Sector")):
        if data.get(key):
            rows.append([label, str(data[key])])
    info: dict[str, Any] = {"title": shown_name(graph, node, qualified), "kind": subtitle,
                            "rows": rows}
    if relations:
        # The details panel draws these itself, grouped and with a "Bron" per edge.
        info["relations"] = [label for label, _ in relations]
    info.update(_source(data))
    if orphan:
        info["warning"] = NO_TREKKER.label_nl
    return info


def edge_info(data: dict[str, Any]) -> dict[str, Any]:
    """Return the facts of an edge's tooltip: the role and name as written, source and quote.

    The page heads it with "<source name> <label> <target name>" from the node names it
    already has, so a name is not written into the file once per edge.
    """
    rows = []
    if data.get("explicit") is False:
        rows.append(["Afgeleid", "staat niet zo in de tekst" +
                     (f": {data['reason']}" if data.get("reason") else "")])
    if data.get("role"):
        rows.append(["Rol zoals geschreven", str(data["role"])])
    if data.get("name_as_written"):
        rows.append(["Naam zoals geschreven", str(data["name_as_written"])])
    info: dict[str, Any] = {"rows": rows} if rows else {}
    info.update(_source(data))
    return info


def _source(data: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    if data.get("document"):
        line = data.get("line")
        found["source"] = f"{data['document']}" + (f", regel {line}" if line else "")
    if data.get("quote"):
        found["quote"] = str(data["quote"])
    return found


def _relation_rows(graph: nx.MultiDiGraph, node: str, qualified: bool = False) -> list[list[str]]:
    """Return one row per edge kind and direction: "Trekker van: 1. ..., 5. ... en 3 meer"."""
    outgoing: dict[str, list[str]] = defaultdict(list)
    incoming: dict[str, list[str]] = defaultdict(list)
    for _, target, data in graph.out_edges(node, data=True):
        outgoing[data["kind"]].append(shown_name(graph, target, qualified))
    for source, _, data in graph.in_edges(node, data=True):
        incoming[data["kind"]].append(shown_name(graph, source, qualified))
    rows: dict[str, list[str]] = {}  # label -> names; a link both ways reads as one row
    for name, kind in EDGE_KINDS.items():
        if name == Edge.DESCRIBED_IN:
            continue  # the source row below says where it is written
        out_label, in_label = relation_labels(name)
        if outgoing.get(name):
            rows.setdefault(out_label, []).extend(outgoing[name])
        if incoming.get(name):
            rows.setdefault(in_label, []).extend(incoming[name])
    return [[label, _listing(names)] for label, names in rows.items()]


def relation_labels(kind: str) -> tuple[str, str]:
    """Return how a node's facts name an edge kind from its source and from its target.

    >>> relation_labels(Edge.TREKKER)
    ('Trekker van', 'Trekker')
    >>> relation_labels(Edge.MEMBER_OF)
    ('Lid van', 'Leden')
    """
    declared = EDGE_KINDS[kind]
    incoming = (kind.replace("_", " ").capitalize() if declared.is_role
                else _INCOMING_WORDS.get(kind, f"← {declared.label_nl}"))
    return _outgoing_label(declared.label_nl), incoming


def _outgoing_label(label_nl: str) -> str:
    words = label_nl[3:] if label_nl.startswith("is ") else label_nl
    return words[:1].upper() + words[1:]


def _listing(names: list[str]) -> str:
    names = sorted(dict.fromkeys(str(n) for n in names), key=_natural)
    shown = ", ".join(names[:LIST_LIMIT])
    return shown + (f" en {len(names) - LIST_LIMIT} meer" if len(names) > LIST_LIMIT else "")


def _natural(text: str) -> tuple:
    head = text.split(".", 1)[0]
    return (0, int(head), text) if head.isdigit() else (1, 0, text.lower())


def _theme_index(graph: nx.MultiDiGraph, themes: list[str]) -> dict[str, list[int]]:
    """Return, per node, the positions in `themes` of the themes whose filter shows it."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, theme in enumerate(themes):
        for member in sorted(theme_members(graph, [theme])):
            index[member].append(position)
    return dict(index)

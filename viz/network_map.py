"""Interactive network maps: one self-contained HTML file per map that works offline.

The page is graph071's own template (viz/template.html) with vis-network inlined
from the pyvis package, the positions computed in Python (viz/layout.py) and the
graph as JSON data. Nothing is fetched from any host, the same graph gives the
same file byte for byte, and every text from a document reaches the page as data,
never as HTML.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import hubs, orphans
from graph071.errors import Graph071Error
from graph071.viz.assets import vis_network_script
from graph071.viz.payload import LANDMARK_HUBS, OVERVIEW_OFF, RANK_HUB, action_programmes, build_payload
from graph071.viz.selection import View, select
from graph071.viz.timeslider import orphans_of_any_moment, time_slider
from graph071.schema import Edge, Node

MAP_TITLE = "Netwerkkaart Economie071"
LINEAGE_TITLE = "Tijdlijn"
EDITION_SPACING_PX = 240.0  # horizontal distance of two editions a year apart
EDITION_MIN_GAP_PX = 320.0  # editions months apart still get room for their labels
ROW_SPACING_PX = 150.0


def write_map(graph: nx.MultiDiGraph, path: Path | str, view: View | None = None,
              title: str = MAP_TITLE, sources: dict[str, list[str]] | None = None,
              size: tuple[int, int] | None = None) -> Path:
    """Write the map of `graph` (or the part `view` chooses) to `path` and return the path.

    `sources` (document id -> its lines, e.g. from document_sources) puts the quoted
    texts in the page, so each "Bron" opens its passage. A path ending in .png or .pdf
    gets a picture of the map instead (graph071.viz.picture, through Chromium), .svg a
    vector picture (graph071.viz.svg, no browser needed), `size` pixels wide and high
    (default 1920x1080; a PDF is A4 landscape).
    """
    from graph071.viz.picture import (DEFAULT_SIZE, check_picture_path, is_picture, write_bytes,
                                      write_picture)

    check_picture_path(path)
    payload = map_payload(graph, view or View(), title=title, sources=sources)
    if Path(path).suffix.lower() == ".svg":  # vector shapes and text, drawn without a browser
        from graph071.viz.svg import svg_of_map

        return write_bytes(Path(path), svg_of_map(payload, size or DEFAULT_SIZE))
    page = render_page(payload)
    if is_picture(path):
        return write_picture(page, path, size)
    return write_page(page, path)


def map_payload(graph: nx.MultiDiGraph, view: View, *, title: str = MAP_TITLE,
                sources: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Return the page data of the map of `graph` that `view` chooses.

    The overview (no --focus, --kind or --theme) opens with people and the Index071
    cluster switched off; one click in the legend brings them back.
    """
    shown = select(graph, view)
    overview = not (view.focus or view.kinds or view.theme)
    moment = graph.graph.get("as_of")  # a map of one moment (graph071 map --as-of) has no slider
    subtitle = " · ".join(p for p in (view.describe(graph), moment["text"] if moment else "") if p)
    time = None if moment else time_slider(graph, shown)
    marks = _marks(graph)
    # A node without a trekker at one moment only (a 2019 card) is marked too; the page
    # shows the mark at the slider's moments where it holds (P.time.moments[i].orphans).
    marks["orphan_ids"] |= orphans_of_any_moment(time)
    hidden = OVERVIEW_OFF if overview else ()
    # The layout puts what the map opens on (the latest state, less the kinds it opens
    # without) in the middle; one layout for every position of the slider.
    centre = {node for node in time["moments"][time["start"]]["nodes"]
              if shown.nodes[node]["kind"] not in hidden} if time else None
    payload = build_payload(shown, title=title, subtitle=subtitle, sources=sources,
                            start_hidden=hidden, centre=centre, **marks)
    payload["time"] = time
    if time:
        name_latest_hubs(payload, time["moments"][time["start"]])
    return payload


def name_latest_hubs(payload: dict[str, Any], now: dict[str, Any]) -> None:
    """Make the LANDMARK_HUBS biggest hubs and the projects of the moment the map opens on
    landmarks too (named at the overview zoom): the biggest hubs of all editions are mostly
    of 2013-2015, and a presenter shows who works on what now."""
    hubs, held = {hub for hub, _ in now["hubs"][:LANDMARK_HUBS]}, set(now["nodes"])
    for item in payload["nodes"]:
        named = item["id"] in hubs or (item["kind"] == Node.PROJECT and item["id"] in held)
        if named:
            # "current": named at the moments it holds, also when it was an orphan at another
            # moment only (a landmark for that reason alone is named when it is an orphan).
            item["current"] = True
            if not item.get("landmark"):
                item["landmark"], item["rank"] = True, RANK_HUB


def document_sources(data_dir: Path, entries: list[Any]) -> dict[str, list[str]]:
    """Return document id -> lines of the manifest `entries` in `data_dir` (a Build's
    data_dir and documents), for embedding in a map."""
    from graph071.corpus.manifest import read_document

    texts: dict[str, list[str]] = {}
    for entry in entries:
        try:
            texts[entry.id] = read_document(data_dir, entry).lines
        except Graph071Error:
            continue  # a missing document: its "Bron" then shows the quote only
    return texts


def write_lineage_map(graph: nx.MultiDiGraph, chain: list[str], path: Path | str,
                      title: str | None = None, editions: dict[str, str] | None = None) -> Path:
    """Write a left-to-right timeline of the projects and actions in `chain` to `path`.

    Each node stands at the date of its first edition (from `editions`, e.g. what
    graph071.projects.lineage says, or else the first edition that describes it);
    nodes of the same edition stack in a column. Edges between them (opvolger,
    hangt samen met) are drawn with their schema styles.
    """
    missing = [node for node in chain if node not in graph]
    if missing:
        raise Graph071Error(i18n.text("error:map.missing", "not in the graph: {missing}", missing=', '.join(missing)))
    if not chain:
        raise Graph071Error(i18n.text("error:map.empty_lineage", "the lineage is empty: nothing to draw"))
    members = list(dict.fromkeys(chain))
    shown = nx.MultiDiGraph(graph.subgraph(members))
    places, axis = lineage_positions(graph, members, editions)
    name = graph.nodes[members[0]].get("name", members[0])
    payload = build_payload(shown, places, title=title or f"{LINEAGE_TITLE}: {name}",
                            subtitle=f"{len(members)} schakels, van oud (links) naar nieuw (rechts)",
                            axis=axis, mode="lineage", **_marks(graph))
    return write_page(render_page(payload), path)


def lineage_positions(graph: nx.MultiDiGraph, chain: list[str],
                      editions: dict[str, str] | None = None
                      ) -> tuple[dict[str, tuple[float, float]], list[dict[str, Any]]]:
    """Return positions (x by edition date, stacked per edition) and the edition axis ticks.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("project:a", kind="Project", name="A", editions=["2018-10"])
    >>> G.add_node("project:b", kind="Project", name="B", editions=["2022-01"])
    >>> places, axis = lineage_positions(G, ["project:a", "project:b"])
    >>> places["project:a"][0] < places["project:b"][0], [tick["label"] for tick in axis]
    (True, ['2018-10', '2022-01'])
    """
    editions = editions or {}
    first: dict[str, str | None] = {}
    for node in chain:
        found = [editions[node]] if editions.get(node) else node_editions(graph, node)
        first[node] = found[0] if found else None
    known = sorted({e for e in first.values() if e is not None}, key=_edition_value)
    x_of: dict[str, float] = {}
    for position, edition in enumerate(known):
        if position == 0:
            x_of[edition] = 0.0
            continue
        previous = known[position - 1]
        gap = (_edition_value(edition) - _edition_value(previous)) * EDITION_SPACING_PX
        x_of[edition] = round(x_of[previous] + max(gap, EDITION_MIN_GAP_PX), 1)
    unknown_x = (max(x_of.values()) + EDITION_SPACING_PX) if x_of else 0.0
    columns: dict[float, list[str]] = {}
    for node in chain:  # in chain order, so the lineage reads top-down within an edition
        x = x_of[first[node]] if first[node] else unknown_x
        columns.setdefault(x, []).append(node)
    places = {}
    for x, nodes in columns.items():
        for row, node in enumerate(nodes):
            places[node] = (x, round((row - (len(nodes) - 1) / 2) * ROW_SPACING_PX, 1))
    axis = [{"x": x_of[e], "label": e} for e in known]
    if any(first[node] is None for node in chain):
        axis.append({"x": unknown_x, "label": "editie onbekend"})
    return places, axis


def node_editions(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """Return the editions of the documents that describe `node`, oldest first."""
    editions_by_document = {d.get("document", n): str(d.get("edition") or "")
                            for n, d in graph.nodes(data=True) if d["kind"] == Node.DOCUMENT}
    documents = {graph.nodes[node].get("document")}
    documents.update(target for _, target, d in graph.out_edges(node, data=True)
                     if d["kind"] == Edge.DESCRIBED_IN)
    documents.update(d.get("document") for _, _, d in graph.out_edges(node, data=True))
    documents.update(graph.nodes[t].get("document") for t in documents.copy()
                     if t in graph and graph.nodes[t]["kind"] == Node.DOCUMENT)
    found = {editions_by_document[doc] for doc in documents if doc in editions_by_document}
    data = graph.nodes[node]
    found.update(str(e) for e in [data.get("edition"), *(data.get("editions") or [])] if e)
    return sorted((e for e in found if e), key=_edition_value)


def _edition_value(edition: str) -> float:
    """Return an edition date ("2013-10", "2019", "2022-03-01") as a fractional year."""
    match = re.match(r"(\d{4})(?:-(\d{1,2}))?", edition)
    if not match:
        return float(date.today().year + 1)
    year, month = int(match.group(1)), int(match.group(2) or 1)
    return year + (month - 1) / 12


def _marks(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Return hub scores and orphans of the whole graph, so every view marks nodes alike, and
    whether actions need their programme (two programmes in the corpus, even when a focused
    view shows one)."""
    return {"hub_scores": {row["id"]: row["score"] for row in hubs(graph, top=None)},
            "orphan_ids": {row["id"] for row in orphans(graph)},
            "qualified": len(action_programmes(graph)) > 1}


def render_page(payload: dict[str, Any]) -> str:
    """Return the map page: the template with vis-network and `payload` filled in."""
    template = (resources.files("graph071.viz") / "template.html").read_text(encoding="utf-8")
    values = {
        "__TITLE__": html.escape(payload["title"]),
        "/*__VIS_JS__*/": vis_network_script(),
        "/*__PAYLOAD__*/null": script_json(payload),
    }
    # One pass, so nothing inserted (vis-network's code, a document's text) is ever
    # read again as a placeholder.
    pattern = re.compile("|".join(re.escape(key) for key in values))
    return pattern.sub(lambda match: values[match.group(0)], template)


def script_json(data: Any) -> str:
    """Return `data` as JSON that is safe inside a <script> element.

    "<", ">" and "&" become \\u escapes, so no text can close the script or open a tag.

    >>> script_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def read_payload(path: Path | str) -> dict[str, Any]:
    """Return the data a map file written by graph071 carries (nodes, edges, legend, ...)."""
    text = Path(path).read_text(encoding="utf-8")
    marker = "const PAYLOAD = "
    start = text.find(marker)
    if start < 0:
        raise Graph071Error(i18n.text("error:map.foreign", "{path} is not a map written by graph071", path=path),
                            hint=i18n.text("error:map.foreign.hint", "write one with: graph071 map -o kaart.html"))
    start += len(marker)
    return json.loads(text[start:text.index(";\n(function", start)])


def write_page(page: str, path: Path | str) -> Path:
    """Write `page` as UTF-8 with \\n line ends on every platform; return the path."""
    from graph071.io.safe import write_text

    # Atomic: a full disk or a kill leaves the previous map whole.
    return write_text(Path(path), page, encoding="utf-8", newline="\n")


__all__ = ["View", "write_map", "write_page", "map_payload", "name_latest_hubs", "document_sources", "write_lineage_map", "lineage_positions", "node_editions",
           "render_page", "script_json", "read_payload"]

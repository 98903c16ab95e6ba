"""The map's time slider: per edition of the corpus, which nodes and edges of the map held.

The page keeps one fixed layout and only shows, per position of the slider, what held at
that moment (graph071.analytics.time.as_of); what did not hold then is faded or hidden.
The data is computed here, so the page and the command line agree on every moment.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph071.analytics.time import as_of, documents, find_moment


def edge_order(graph: nx.MultiDiGraph) -> list[tuple[str, str, Any]]:
    """Return the edge keys of `graph` in the order the map payload lists its edges."""
    return sorted(graph.edges(keys=True), key=lambda e: (e[0], e[1], str(e[2])))


def time_slider(whole: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> dict[str, Any] | None:
    """Return the slider's moments for the map of `shown` (part of `whole`): one per day on
    which an edition appeared, each with its label, the ids of the nodes on the map that
    held then and the indexes (in payload order) of the edges; None without documents."""
    days: list[str] = []
    for document in documents(whole):
        if document["valid_from"] not in days and document["valid_from"] != "0001-01-01":
            days.append(document["valid_from"])
    if not days:
        return None
    index = {edge: i for i, edge in enumerate(edge_order(shown))}
    moments = []
    for day in days:
        moment = find_moment(whole, day)
        held = as_of(whole, moment)
        label = moment.labels[-1]
        moments.append({"day": day, "label": label, "text": moment.text(),
                        "nodes": sorted(n for n in held if n in shown),
                        "edges": sorted(index[e] for e in held.edges(keys=True) if e in index)})
    latest = find_moment(whole).day
    start = max(i for i, m in enumerate(moments) if m["day"] <= latest)
    return {"moments": moments, "start": start}

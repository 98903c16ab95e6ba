"""The map's time slider: per edition of the corpus, which nodes and edges of the map held.

The page keeps one fixed layout and only shows, per position of the slider, what held at
that moment (graph071.analytics.time.as_of); what did not hold then is faded or hidden.
The data is computed here, so the page and the command line agree on every moment: the
orphans and hubs of a moment are what `graph071 --as-of WHEN orphans` and `hubs` say.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph071.analytics.roles import hubs, orphans
from graph071.analytics.time import Moment, as_of, documents, find_moment

TOP_HUBS = 25  # rows of the overview's "Spilorganisaties" tab


def edge_order(graph: nx.MultiDiGraph) -> list[tuple[str, str, Any]]:
    """Return the edge keys of `graph` in the order the map payload lists its edges."""
    return sorted(graph.edges(keys=True), key=lambda e: (e[0], e[1], str(e[2])))


def time_slider(whole: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> dict[str, Any] | None:
    """Return the slider's moments for the map of `shown` (part of `whole`): one per day on
    which an edition appeared, each with its label, the ids of the nodes on the map that
    held then, the indexes (in payload order) of the edges, and the orphans and top hubs
    of that moment that are on the map; None without documents."""
    days: list[str] = []
    for document in documents(whole):
        if document["valid_from"] not in days and document["valid_from"] != "0001-01-01":
            days.append(document["valid_from"])
    if not days:
        return None
    index = {edge: i for i, edge in enumerate(edge_order(shown))}
    moments = [moment_entry(whole, shown, find_moment(whole, day), index) for day in days]
    latest = find_moment(whole).day
    start = max(i for i, m in enumerate(moments) if m["day"] <= latest)
    return {"moments": moments, "start": start}


def moment_entry(whole: nx.MultiDiGraph, shown: nx.MultiDiGraph, moment: Moment,
                 index: dict[tuple[str, str, Any], int]) -> dict[str, Any]:
    """Return what the map of `shown` draws and lists at `moment` (see time_slider)."""
    held = as_of(whole, moment)
    return {"day": moment.day, "label": moment.labels[-1], "text": moment.text(),
            "nodes": sorted(n for n in held if n in shown),
            "edges": sorted(index[e] for e in held.edges(keys=True) if e in index),
            "orphans": sorted(row["id"] for row in orphans(held) if row["id"] in shown),
            "hubs": [[row["id"], row["score"]] for row in hubs(held, top=None)
                     if row["id"] in shown and row["score"] > 0][:TOP_HUBS]}


def orphans_of_any_moment(time: dict[str, Any] | None) -> set[str]:
    """Return every node that is an orphan at one of the slider's moments."""
    return {node for moment in (time or {}).get("moments", []) for node in moment["orphans"]}

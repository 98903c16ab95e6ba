"""Interactive network maps: one self-contained HTML file per map (pyvis + vis-network)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph071.schema import EDGE_KINDS, NODE_KINDS


def write_map(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write a plain pyvis map of `graph` to `path` as UTF-8 and return the path."""
    from pyvis.network import Network

    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        kind = NODE_KINDS[data["kind"]]
        net.add_node(node, label=data["name"], color=kind.color, shape=kind.shape,
                     title=f"{kind.label_nl}: {data['name']}")
    for source, target, data in graph.edges(data=True):
        kind = EDGE_KINDS[data["kind"]]
        net.add_edge(source, target, color=kind.color, width=kind.width, dashes=kind.dashes,
                     title=kind.label_nl)
    Path(path).write_text(net.generate_html(), encoding="utf-8")
    return Path(path)

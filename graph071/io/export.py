"""Exports by file extension: .json (node-link), .graphml and .gexf (Gephi), .csv (two tables).

Every file is written atomically (graph071.io.safe): a failed export leaves the previous
file whole. CSV cells are spreadsheet-safe; XML exports carry no control characters.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.errors import Graph071Error
from graph071.io.safe import atomic_file, atomic_path, check_writable, spreadsheet_row, xml_text

FORMATS = (".json", ".graphml", ".gexf", ".csv")


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Return the graph as networkx node-link data with keys "nodes" and "edges", sorted.

    Sorting makes two exports of the same graph byte-identical.
    """
    data = nx.node_link_data(graph, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], str(e["key"])))
    return data


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Return the graph that `to_node_link` wrote."""
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def _flat(value: Any) -> Any:
    # GraphML and GEXF take only scalars: lists become "a; b", None becomes "".
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _one_type_per_key(rows: list[dict[str, Any]]) -> None:
    """Give every attribute one type across all rows, as GraphML and GEXF require.

    A key that holds numbers in one node and text in another (a theme number on an
    action, a theme id on a project) becomes text everywhere; ints mixed with floats
    become floats.
    """
    types: dict[str, set[type]] = {}
    for row in rows:
        for key, value in row.items():
            if value != "":
                types.setdefault(key, set()).add(type(value))
    for key, seen in types.items():
        if len(seen) < 2:
            continue
        cast = float if seen <= {int, float} else str
        for row in rows:
            if key in row and row[key] != "":
                row[key] = cast(row[key])


def _xml(value: Any) -> Any:
    return xml_text(value) if isinstance(value, str) else value


def flat_copy(graph: nx.MultiDiGraph, clean: Callable[[Any], Any] = lambda value: value
              ) -> nx.MultiDiGraph:
    """Return a copy whose attribute values are scalars of one type per key
    (for GraphML, GEXF and CSV); `clean` is applied to every id, key and value."""
    nodes = [(clean(node), {clean(k): clean(_flat(v)) for k, v in data.items()})
             for node, data in sorted(graph.nodes(data=True))]
    edges = [(clean(s), clean(t), clean(k), {clean(key): clean(_flat(v)) for key, v in data.items()})
             for s, t, k, data in sorted(graph.edges(keys=True, data=True),
                                         key=lambda e: (e[0], e[1], str(e[2])))]
    _one_type_per_key([data for _, data in nodes])
    _one_type_per_key([data for *_, data in edges])
    flat = nx.MultiDiGraph()
    flat.add_nodes_from(nodes)
    for source, target, key, data in edges:
        flat.add_edge(source, target, key=key, **data)
    return flat


def _union_keys(rows: list[dict[str, Any]], first: list[str]) -> list[str]:
    keys = list(first)
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    return keys


def write_csv(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    """Write <stem>_nodes.csv and <stem>_edges.csv next to `path`; return both paths.

    Text a spreadsheet would evaluate (starting with = + - @) gets a ' in front.
    """
    flat = flat_copy(graph)
    nodes = [{"id": n, **d} for n, d in flat.nodes(data=True)]
    edges = [{"source": s, "target": t, "key": k, **d} for s, t, k, d in flat.edges(keys=True, data=True)]
    written = []
    for suffix, rows, first in (("nodes", nodes, ["id", "kind", "name"]),
                                ("edges", edges, ["source", "target", "key", "kind", "role"])):
        target = path.with_name(f"{path.stem}_{suffix}.csv")
        keys = _union_keys(rows, first)
        with atomic_file(target, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(spreadsheet_row(keys))
            writer.writerows(spreadsheet_row([row.get(key, "") for key in keys]) for row in rows)
        written.append(target)
    return written


def export(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    """Write the graph to `path` in the format its extension names; return the files written."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise Graph071Error(i18n.text("error:export.format", "{path}: unknown export format {suffix!r}", path=path,
                                      suffix=suffix or i18n.text("error:no_extension", "(no extension)")),
                            hint=i18n.text("error:use_one_of", "use one of {choices}", choices=', '.join(FORMATS)))
    if suffix == ".csv":
        return write_csv(graph, path)
    check_writable(path)
    if suffix == ".json":
        text = json.dumps(to_node_link(graph), ensure_ascii=False, indent=1, default=str)
        with atomic_file(path, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        return [path]
    # XML 1.0 cannot hold most control characters: they are dropped, so the file opens.
    flat = flat_copy(graph, _xml)
    with atomic_path(path) as temporary:
        if suffix == ".graphml":
            nx.write_graphml(flat, temporary, encoding="utf-8")
        else:
            nx.write_gexf(flat, temporary, encoding="utf-8")
    return [path]

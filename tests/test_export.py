"""Exports open elsewhere (Gephi, spreadsheets, scripts) and read back identically."""

from __future__ import annotations

import csv
import json

import networkx as nx

from graph071.io.export import export, from_node_link, to_node_link


def test_json_export_round_trips_node_for_node_edge_for_edge(graph, tmp_path):
    path = tmp_path / "graph.json"
    export(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    again = tmp_path / "again.json"
    export(from_node_link(data), again)
    assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert to_node_link(from_node_link(data)) == to_node_link(graph)


def test_json_has_the_documented_keys(graph, tmp_path):
    path = tmp_path / "graph.json"
    export(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "edges"} <= data.keys()
    for node in data["nodes"]:
        assert {"id", "kind", "name"} <= node.keys()
        if node["kind"] == "Organisation":
            assert {"aliases", "sector"} <= node.keys()
        if node["kind"] == "Action":
            assert {"number", "theme", "categorie"} <= node.keys()
    for edge in data["edges"]:
        assert {"kind", "role", "document", "line", "quote"} <= edge.keys(), edge


def test_aliases_keep_every_surface_form_seen(graph, tmp_path):
    path = tmp_path / "graph.json"
    export(graph, path)
    nodes = {n["id"]: n for n in json.loads(path.read_text(encoding="utf-8"))["nodes"]}
    assert {"UvL", "Universiteit van Leiden", "Universiteit Leiden"} <= set(
        nodes["org:universiteit-leiden"]["aliases"])


def test_graphml_and_gexf_open_in_networkx(graph, tmp_path):
    for suffix, reader in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        path = tmp_path / f"graph{suffix}"
        export(graph, path)
        back = reader(path)
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()


def test_csv_writes_a_nodes_table_and_an_edges_table(graph, tmp_path):
    written = export(graph, tmp_path / "graph.csv")
    assert [p.name for p in written] == ["graph_nodes.csv", "graph_edges.csv"]
    with written[1].open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    assert len(edges) == graph.number_of_edges()
    assert {"source", "target", "kind", "role", "document", "line", "quote"} <= edges[0].keys()

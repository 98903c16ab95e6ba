"""Projects across editions, as pure functions of the graph: a graph in, plain data out.

`project_detail` answers "what is this project, and who works on it?", `lineage`
answers "what became of it?" and `person_roles` answers "what did this person do?".
Nothing here prints or reads files; the CLI and the map call these.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from graph071.analytics.roles import find_node
from graph071.corpus.corrections import is_correction_fact
from graph071.schema import (Edge, Node, PERSON_ORGANISATION_ROLES, label, role_edge_kinds,
                             stating_documents)

# A person's roles on a project, in the order a reader wants them.
PERSON_ROLES = (Edge.BESTUURLIJK_TREKKER, Edge.OPDRACHTGEVER, Edge.PROJECTLEIDER, Edge.WORKS_ON,
                Edge.AMBASSADEUR, Edge.QUOTED)


def find_project(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the id of the project `name` names (any name it was written with, any case).

    Raises analytics.NotFound with "did you mean" suggestions when nothing matches.
    """
    return find_node(graph, name, kinds=(Node.PROJECT,))


def find_person(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the id of the person called `name`."""
    return find_node(graph, name, kinds=(Node.PERSON,))


def find_lineage_member(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the id of the project, action or organisation `name` names, projects first."""
    from graph071.analytics.roles import NotFound

    try:
        return find_project(graph, name)
    except NotFound as not_a_project:
        try:
            return find_node(graph, name, kinds=(Node.ORGANISATION,))
        except NotFound:
            raise not_a_project from None


def edition_of(graph: nx.MultiDiGraph, data: dict[str, Any]) -> str:
    """Return the edition of the document a node or edge was read from ("" when unknown).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:kaarten", kind="Document", edition="2018-10")
    >>> edition_of(G, {"document": "kaarten", "line": 3})
    '2018-10'
    """
    if data.get("edition") and data.get("kind") != Node.DOCUMENT:
        return str(data["edition"])
    document = graph.nodes.get(f"doc:{data.get('document')}", {})
    return str(document.get("edition") or "")


def _source(graph: nx.MultiDiGraph, data: dict[str, Any]) -> dict[str, Any]:
    return {"document": data.get("document"), "line": data.get("line"),
            "edition": edition_of(graph, data), "quote": data.get("quote", "")}


# ---------------------------------------------------------------- one project

def timeline(graph: nx.MultiDiGraph, project: str) -> list[dict[str, Any]]:
    """Return the project's appearances, oldest edition first: name as written and categorie.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("project:smart071", kind="Project", name="Smart071")
    >>> for doc, edition in (("k19", "2019-06"), ("k18", "2018-10")):
    ...     G.add_node(f"doc:{doc}", kind="Document", name=doc, edition=edition)
    ...     _ = G.add_edge("project:smart071", f"doc:{doc}", kind="APPEARS_IN", edition=edition,
    ...                    categorie="lopend project", name_as_written="Smart071", document=doc)
    >>> [(t["edition"], t["categorie"]) for t in timeline(G, "project:smart071")]
    [('2018-10', 'lopend project'), ('2019-06', 'lopend project')]
    """
    rows = []
    for _, document, data in graph.out_edges(project, data=True):
        if data["kind"] != Edge.APPEARS_IN:
            continue
        rows.append({"edition": edition_of(graph, data), "document": data.get("document"),
                     "document_title": graph.nodes[document].get("name", ""),
                     "name_as_written": data.get("name_as_written", ""),
                     "categorie": data.get("categorie") or "", "line": data.get("line"),
                     "quote": data.get("quote", ""),
                     "trekkers": trekkers_in(graph, project, data.get("document"))})
    # Lists of projects (spreadsheets) keep their appearances on the node itself.
    for appearance in graph.nodes[project].get("appearances") or []:
        if isinstance(appearance, dict):
            rows.append({"edition": str(appearance.get("edition") or ""),
                         "document": appearance.get("document"), "document_title": "",
                         "name_as_written": appearance.get("name_as_written", ""),
                         "categorie": appearance.get("categorie") or "",
                         "line": appearance.get("line"), "quote": "", "trekkers": []})
    return sorted(rows, key=lambda r: (r["edition"], r["document"] or "", r["line"] or 0))


def trekkers_in(graph: nx.MultiDiGraph, project: str, document: str | None) -> list[str]:
    """Return the trekkers of `project` as the card of `document` names them, in card order,
    with those a correction set (which hold for every edition) marked "(correctie)".

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:l", kind="Organisation", name="gemeente Leiden")
    >>> G.add_node("org:k", kind="Organisation", name="gemeente Katwijk")
    >>> G.add_node("project:p", kind="Project", name="P")
    >>> _ = G.add_edge("org:l", "project:p", kind="TREKKER", document="k22", line=9,
    ...                name_as_written="Leiden")
    >>> _ = G.add_edge("org:k", "project:p", kind="TREKKER", document="corrections.csv", line=2)
    >>> trekkers_in(G, "project:p", "k22"), trekkers_in(G, "project:p", "k19")
    (['Leiden', 'gemeente Katwijk (correctie)'], ['gemeente Katwijk (correctie)'])
    """
    found = []
    for source, _, data in graph.in_edges(project, data=True):
        if data["kind"] != Edge.TREKKER:
            continue
        if document in stating_documents(data):
            found.append((0, data.get("line") or 0,
                          data.get("name_as_written") or graph.nodes[source]["name"]))
        elif is_correction_fact(data):
            found.append((1, data.get("line") or 0, f"{graph.nodes[source]['name']} (correctie)"))
    return list(dict.fromkeys(name for *_, name in sorted(found)))


def _editions_naming(graph: nx.MultiDiGraph, project: str, node: str,
                     kinds: tuple[str, ...]) -> list[str]:
    """Return the editions whose card of `project` names `node` in a role of `kinds`,
    oldest first: the editions of its role edges into the project.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:l", kind="Organisation", name="gemeente Leiden")
    >>> G.add_node("project:p", kind="Project", name="P")
    >>> G.add_node("doc:k", kind="Document", name="k", edition="2022-01")
    >>> _ = G.add_edge("org:l", "project:p", kind="TREKKER", document="k", line=3)
    >>> _editions_naming(G, "project:p", "org:l", ("TREKKER",)), _editions_naming(G, "project:p", "org:l", ("PARTNER",))
    (['2022-01'], [])
    """
    found = {edition_of(graph, {"document": document})
             for _, target, data in graph.out_edges(node, data=True)
             if target == project and data["kind"] in kinds
             for document in stating_documents(data)}
    return sorted(edition for edition in found if edition)


def project_detail(graph: nx.MultiDiGraph, project: str) -> dict[str, Any]:
    """Return one project across editions: its status per edition, the organisations and
    people with their roles, its links, themes and lineage, each with its source."""
    data = dict(graph.nodes[project])
    organisations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    people: dict[str, dict[str, Any]] = {}
    org_kinds = set(role_edge_kinds()) | {Edge.OPDRACHTGEVER}
    for source, _, edge in graph.in_edges(project, data=True):
        kind = edge["kind"]
        source_data = graph.nodes[source]
        if source_data["kind"] == Node.ORGANISATION and kind in org_kinds:
            row = _organisation_row(organisations[kind], source, source_data)
            row["sources"].append(_source(graph, edge))
            for key, value in (("roles", edge.get("role", "")),
                               ("written_as", edge.get("label_as_written", "")),
                               ("as_written", edge.get("name_as_written", "")),
                               ("via_person", edge.get("via_person", ""))):
                if value and value not in row[key]:
                    row[key].append(value)
            row["editions"] = sorted(set(row["editions"]) | {edition_of(graph, edge)} | set(
                _editions_naming(graph, project, source, (kind,))))
        elif source_data["kind"] == Node.PERSON and kind in PERSON_ROLES:
            person = people.setdefault(source, {
                "id": source, "name": source_data["name"],
                "organisations": _organisations_of(graph, source),
                "editions": _editions_naming(graph, project, source, PERSON_ROLES), "roles": []})
            person["roles"].append({"kind": kind, "label": label(kind),
                                    "role": edge.get("role", ""),
                                    "function": edge.get("function", ""),
                                    "written_as": edge.get("label_as_written", ""),
                                    **_source(graph, edge)})
    for items in organisations.values():
        for item in items:
            item["sources"].sort(key=lambda x: (x["edition"], x["line"] or 0))
            item.update({"role": "; ".join(item["roles"]), **item["sources"][0]})
        items.sort(key=lambda i: (i["edition"], i["line"] or 0, i["name"]))
    for person in people.values():
        person["roles"].sort(key=lambda r: (PERSON_ROLES.index(r["kind"]), r["edition"],
                                            r["line"] or 0))
    ordered_people = sorted(people.values(), key=lambda p: (
        min(PERSON_ROLES.index(r["kind"]) for r in p["roles"]), p["name"]))
    return {
        "id": project, "name": data["name"], "names": data.get("names") or [],
        "note": data.get("note", ""), "timeline": timeline(graph, project),
        "themes": [{"id": t, "name": graph.nodes[t]["name"], "role": e.get("role", ""),
                    **_source(graph, e)}
                   for _, t, e in graph.out_edges(project, data=True) if e["kind"] == Edge.IN_THEME],
        "trekkers": organisations.pop(Edge.TREKKER, []),
        "partners": organisations.pop(Edge.PARTNER, []),
        "other_roles": {kind.lower(): items for kind, items in sorted(organisations.items())},
        "people": ordered_people,
        "links": _links(graph, project),
        "lineage": lineage(graph, project),
        "mentioned_in": [{"document": e.get("document"), "role": e.get("role", ""),
                          **_source(graph, e)}
                         for _, _, e in graph.out_edges(project, data=True)
                         if e["kind"] == Edge.DESCRIBED_IN],
        "document": data.get("document"), "line": data.get("line"), "quote": data.get("quote", ""),
    }


def _organisation_row(rows: list[dict[str, Any]], node: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return the row of organisation `node` in `rows`, adding it if new: one row per
    organisation and role kind, however many editions name it."""
    for row in rows:
        if row["id"] == node:
            return row
    row = {"id": node, "name": data["name"], "roles": [], "written_as": [], "as_written": [],
           "via_person": [], "editions": [], "sources": []}
    rows.append(row)
    return row


def _organisations_of(graph: nx.MultiDiGraph, person: str) -> list[str]:
    names = []
    for _, target, edge in graph.out_edges(person, data=True):
        if edge["kind"] in PERSON_ORGANISATION_ROLES and graph.nodes[target]["name"] not in names:
            names.append(graph.nodes[target]["name"])
    return names


def _links(graph: nx.MultiDiGraph, project: str) -> list[dict[str, Any]]:
    """Return the projects this one is linked with, one row per other project and direction."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    edges = [(s, t, e, "out") for s, t, e in graph.out_edges(project, data=True)] + \
            [(s, t, e, "in") for s, t, e in graph.in_edges(project, data=True)]
    for source, target, edge, direction in edges:
        if edge["kind"] != Edge.LINKS_TO:
            continue
        other = target if direction == "out" else source
        row = rows.setdefault((other, direction), {
            "id": other, "name": graph.nodes[other]["name"], "direction": direction,
            "role": edge.get("role", ""), "mentions": 0, **_source(graph, edge)})
        row["mentions"] += 1
    return sorted(rows.values(), key=lambda r: (r["direction"] != "out", r["edition"], r["name"]))


# ---------------------------------------------------------------- lineage

def lineage(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """Return the chain of successions `node` belongs to, oldest first.

    The chain is every project, action or organisation joined to `node` by SUCCEEDS
    edges, in either direction, so any member gives the same chain. Each step says
    whether the documents state it (explicit) or we inferred it, with quote or reason.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:k22", kind="Document", edition="2022-01")
    >>> G.add_node("project:tom", kind="Project", name="Talent op Maat", document="k22")
    >>> G.add_node("org:wijij", kind="Organisation", name="WIJIJ", document="k22")
    >>> _ = G.add_edge("org:wijij", "project:tom", kind="SUCCEEDS", explicit=True,
    ...                document="k22", line=46, quote="Talent op Maat gaat verder ... als WIJIJ.")
    >>> [m["name"] for m in lineage(G, "org:wijij")["chain"]]
    ['Talent op Maat', 'WIJIJ']
    >>> lineage(G, "project:tom")["steps"][0]["explicit"]
    True
    """
    succession = nx.DiGraph()  # older -> newer
    steps: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for newer, older, edge in graph.edges(data=True):
        if edge["kind"] == Edge.SUCCEEDS:
            succession.add_edge(older, newer)
            steps[older, newer].append(edge)
    succession.add_node(node)
    members = nx.node_connected_component(succession.to_undirected(), node)
    chain = succession.subgraph(members)
    first = {member: _first_edition(graph, member) for member in members}
    order = list(nx.lexicographical_topological_sort(
        chain, key=lambda m: (first[m], graph.nodes[m].get("name", m))))
    return {
        "id": node, "name": graph.nodes[node]["name"],
        "chain": [{"id": m, "name": graph.nodes[m]["name"], "kind": graph.nodes[m]["kind"],
                   "first_edition": first[m],
                   "statuses": [{"edition": t["edition"], "categorie": t["categorie"],
                                 "name_as_written": t["name_as_written"]}
                                for t in timeline(graph, m)]
                   if graph.nodes[m]["kind"] == Node.PROJECT else []}
                  for m in order],
        "steps": [_step(graph, older, newer, steps[older, newer])
                  for older, newer in sorted(chain.edges, key=lambda e: (order.index(e[1]),
                                                                         order.index(e[0])))],
    }


def _first_edition(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    editions = [row["edition"] for row in timeline(graph, node)] if data["kind"] == Node.PROJECT else []
    if data["kind"] == Node.ORGANISATION:
        # An organisation in a chain enters it when a document says it took over.
        editions = [edition_of(graph, e) for _, _, e in graph.out_edges(node, data=True)
                    if e["kind"] == Edge.SUCCEEDS]
    editions = [e for e in editions if e] or [edition_of(graph, data)]
    return min(editions)


def _step(graph: nx.MultiDiGraph, older: str, newer: str,
          edges: list[dict[str, Any]]) -> dict[str, Any]:
    explicit = [e for e in edges if e.get("explicit")]
    shown = sorted(explicit or edges, key=lambda e: (edition_of(graph, e), e.get("line") or 0))[0]
    return {
        "older": older, "older_name": graph.nodes[older]["name"],
        "newer": newer, "newer_name": graph.nodes[newer]["name"],
        "explicit": bool(explicit), "cue": shown.get("cue", shown.get("role", "")),
        "reason": "" if explicit else shown.get("reason", ""),
        **_source(graph, shown),
        "sources": [{"explicit": bool(e.get("explicit")), "cue": e.get("cue", e.get("role", "")),
                     **_source(graph, e)}
                    for e in sorted(edges, key=lambda e: (edition_of(graph, e), e.get("line") or 0))],
    }


# ---------------------------------------------------------------- one person

def person_roles(graph: nx.MultiDiGraph, person: str) -> dict[str, Any]:
    """Return a person's roles over the years: on projects and themes, the organisations
    they act for and where they are quoted, each with its source, oldest first."""
    data = graph.nodes[person]
    roles = []
    organisations: dict[tuple[str, str], dict[str, Any]] = {}
    for _, target, edge in graph.out_edges(person, data=True):
        kind = edge["kind"]
        target_data = graph.nodes[target]
        if kind in PERSON_ORGANISATION_ROLES:
            # One row per organisation (and chair apart), with every function it was written with.
            row = organisations.setdefault((target, kind), {
                "id": target, "name": target_data["name"], "kind": kind,
                "label": label(kind), "functions": [], "editions": [],
                "sources": []})
            function = (edge.get("role") or "").strip()
            if function and function.lower() not in {f.lower() for f in row["functions"]}:
                row["functions"].append(function)
            row["sources"].append(_source(graph, edge))
            continue
        if kind not in PERSON_ROLES:
            continue
        editions = (_editions_naming(graph, target, person, (kind,))
                    if target_data["kind"] == Node.PROJECT else [])
        roles.append({"id": target, "name": target_data["name"], "target_kind": target_data["kind"],
                      "kind": kind, "label": label(kind),
                      "role": edge.get("role", ""), "editions": editions or [edition_of(graph, edge)],
                      **_source(graph, edge)})
    roles.sort(key=lambda r: (r["editions"][0], r["name"], PERSON_ROLES.index(r["kind"])))
    by_edition: dict[str, list[str]] = defaultdict(list)
    for role in roles:
        for edition in role["editions"]:
            text = f"{role['label']} {role['name']}"
            if text not in by_edition[edition]:
                by_edition[edition].append(text)
    for row in organisations.values():
        row["sources"].sort(key=lambda x: (x["edition"], x["document"] or "", x["line"] or 0))
        row["editions"] = sorted({x["edition"] for x in row["sources"]})
        row.update({"role": "; ".join(row["functions"]), **row["sources"][0]})
    return {"id": person, "name": data["name"],
            "organisations": sorted(organisations.values(),
                                    key=lambda o: (o["kind"] != Edge.VOORZITTER, o["edition"], o["name"])),
            "roles": roles, "years": dict(sorted(by_edition.items()))}

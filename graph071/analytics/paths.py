"""How two organisations are connected: the shortest chain of organisations that work
together (on a shared action or project) or belong together (a group and its members),
each step said in words, e.g. "Hogeschool Leiden en VNO-NCW zijn allebei partner bij
actie 25".

Pure functions: a graph in, plain data out. Among chains of the same length the one
with the strongest ties wins (most shared work, then trekker roles), so the answer
names the collaborations that matter most.
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import (join_nl, role_noun, roles_on, strongest_role, work_label, work_title)
from graph071.schema import Edge, Node, WORK_KINDS, hub_weight


def connection_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Return the organisations joined by shared work or membership.

    Each edge has "works" (the ids of the shared actions and projects) and "member"
    (the (member, group) pair when one belongs to the other).

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:a", "org:b", "org:g"): G.add_node(n, kind="Organisation", name=n)
    >>> G.add_node("action:1", kind="Action", name="1", number=1)
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> _ = G.add_edge("org:b", "org:g", kind="MEMBER_OF")
    >>> sorted((a, b, d["works"], d["member"]) for a, b, d in connection_network(G).edges(data=True))
    [('org:a', 'org:b', ['action:1'], None), ('org:b', 'org:g', [], ('org:b', 'org:g'))]
    """
    network = nx.Graph()
    network.add_nodes_from(n for n, d in graph.nodes(data=True) if d["kind"] == Node.ORGANISATION)
    for work, data in graph.nodes(data=True):
        if data["kind"] not in WORK_KINDS:
            continue
        members = sorted(roles_on(graph, work))
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                if not network.has_edge(first, second):
                    network.add_edge(first, second, works=[], member=None)
                network[first][second]["works"].append(work)
    for source, target, data in graph.edges(data=True):
        if data["kind"] == Edge.MEMBER_OF and source != target:
            if not network.has_edge(source, target):
                network.add_edge(source, target, works=[], member=None)
            network[source][target]["member"] = (source, target)
    return network


def _distances(network: nx.Graph, start: str) -> dict[str, int]:
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for neighbour in network[node]:
            if neighbour not in seen:
                seen[neighbour] = seen[node] + 1
                queue.append(neighbour)
    return seen


def _tie_strength(graph: nx.MultiDiGraph, data: dict[str, Any]) -> float:
    # Shared work counts most; belonging to the same group is a tie too, but a weaker one.
    return len(data["works"]) + (0.5 if data["member"] else 0.0)


def strongest_shortest_chain(network: nx.Graph, graph: nx.MultiDiGraph, source: str,
                             target: str) -> list[str] | None:
    """Return the shortest chain of organisations from `source` to `target` whose ties are
    strongest (most shared work in total; then by name), or None when there is none.

    >>> N = nx.Graph()
    >>> N.add_edge("a", "b", works=["w1"], member=None); N.add_edge("b", "d", works=["w2"], member=None)
    >>> N.add_edge("a", "c", works=["w1", "w3"], member=None); N.add_edge("c", "d", works=["w4"], member=None)
    >>> strongest_shortest_chain(N, nx.MultiDiGraph(), "a", "d")
    ['a', 'c', 'd']
    """
    if source == target:
        return [source]
    from_source = _distances(network, source)
    if target not in from_source:
        return None
    from_target = _distances(network, target)
    length = from_source[target]
    # Best total strength from each node on some shortest chain to the target, nearest first.
    layers: dict[int, list[str]] = defaultdict(list)
    for node, distance in from_source.items():
        if distance + from_target.get(node, length + 1) == length:
            layers[distance].append(node)
    best: dict[str, tuple[float, list[str]]] = {target: (0.0, [target])}
    for distance in range(length - 1, -1, -1):
        for node in layers[distance]:
            options = []
            for neighbour in network[node]:
                if neighbour in best and from_source.get(neighbour) == distance + 1:
                    strength, chain = best[neighbour]
                    options.append((-(strength + _tie_strength(graph, network[node][neighbour])),
                                    [graph.nodes[n]["name"].lower() if n in graph else n
                                     for n in chain], chain))
            if options:
                negative, _, chain = min(options)
                best[node] = (-negative, [node, *chain])
    return best[source][1]


def _best_shared_work(graph: nx.MultiDiGraph, works: list[str], first: str,
                      second: str) -> tuple[str, str, str]:
    """Return the shared work that says most about the tie, with each side's strongest role."""
    def weight(work: str) -> tuple:
        roles = roles_on(graph, work)
        a, b = strongest_role(roles[first]), strongest_role(roles[second])
        data = graph.nodes[work]
        return (-(hub_weight(a) + hub_weight(b)), WORK_KINDS.index(data["kind"]),
                data.get("number") or 0, data["name"])

    chosen = min(works, key=weight)
    roles = roles_on(graph, chosen)
    return chosen, strongest_role(roles[first]), strongest_role(roles[second])


def describe_step(graph: nx.MultiDiGraph, network: nx.Graph, first: str, second: str) -> dict[str, Any]:
    """Return one step of a chain: the tie between `first` and `second`, in words and data.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:hl", kind="Organisation", name="Hogeschool Leiden")
    >>> G.add_node("org:vno", kind="Organisation", name="VNO-NCW")
    >>> G.add_node("action:25", kind="Action", name="25. Stages", number=25, title="Stages")
    >>> _ = G.add_edge("org:hl", "action:25", kind="PARTNER", document="d", line=9, quote="q")
    >>> _ = G.add_edge("org:vno", "action:25", kind="PARTNER", document="d", line=9, quote="q")
    >>> describe_step(G, connection_network(G), "org:hl", "org:vno")["text"]
    'Hogeschool Leiden en VNO-NCW zijn allebei partner bij actie 25 (Stages).'
    """
    data = network[first][second]
    a, b = graph.nodes[first]["name"], graph.nodes[second]["name"]
    step: dict[str, Any] = {"from": first, "from_name": a, "to": second, "to_name": b,
                            "shared_works": len(data["works"]), "shared": [], "work": None,
                            "work_label": "",
                            "roles": [], "member_of": None, "document": None, "line": None,
                            "quote": ""}
    if data["works"]:
        work, role_a, role_b = _best_shared_work(graph, data["works"], first, second)
        label = work_label(graph, work)
        if graph.nodes[work]["kind"] == Node.ACTION:
            label += f" ({work_title(graph, work)})"
        if role_a == role_b:
            text = i18n.text("path:both", "{a} and {b} are both {role} in {work}", a=a, b=b,
                             role=role_noun(role_a), work=label)
        else:
            text = i18n.text("path:each", "{a} is {role_a} and {b} is {role_b} in {work}", a=a, b=b,
                             role_a=role_noun(role_a), role_b=role_noun(role_b), work=label)
        others = len(data["works"]) - 1
        if others == 1:
            text += i18n.text("path:one_more", "; they work together on 1 other action or project")
        elif others:
            text += i18n.text("path:more", "; they work together on {count} other actions or "
                              "projects", count=others)
        edge = next(e for s, _, e in graph.in_edges(work, data=True)
                    if s == first and e["kind"] == role_a)
        step.update({"work": work, "work_label": work_label(graph, work),
                     "shared": [work_label(graph, w) for w in sorted(data["works"], key=lambda w: (
                         WORK_KINDS.index(graph.nodes[w]["kind"]), graph.nodes[w].get("number") or 0,
                         graph.nodes[w]["name"]))],
                     "roles": [role_a, role_b], "document": edge.get("document"),
                     "line": edge.get("line"), "quote": edge.get("quote", "")})
    else:
        member, group = data["member"]
        text = i18n.text("path:member", "{member} is a member of {group}",
                         member=graph.nodes[member]["name"], group=graph.nodes[group]["name"])
        edge = graph.get_edge_data(member, group, Edge.MEMBER_OF) or {}
        step.update({"member_of": group if member == first else first,
                     "document": edge.get("document"), "line": edge.get("line"),
                     "quote": edge.get("quote", "")})
    step["text"] = text + "."
    return step


def connection(graph: nx.MultiDiGraph, source: str, target: str,
               network: nx.Graph | None = None) -> dict[str, Any]:
    """Return how organisations `source` and `target` (ids) are connected: the chain, each
    step in words with its source, and one sentence for the whole answer.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:a", "org:b", "org:c"): G.add_node(n, kind="Organisation", name=n[4:].upper())
    >>> G.add_node("action:1", kind="Action", name="1. X", number=1, title="X")
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> connection(G, "org:a", "org:b")["text"]
    'A is trekker en B is partner bij actie 1 (X).'
    >>> connection(G, "org:a", "org:c")["connected"]
    False
    """
    network = network if network is not None else connection_network(graph)
    a, b = graph.nodes[source]["name"], graph.nodes[target]["name"]
    chain = strongest_shortest_chain(network, graph, source, target)
    result: dict[str, Any] = {"from": source, "from_name": a, "to": target, "to_name": b,
                              "connected": chain is not None, "hops": None, "chain": [],
                              "chain_names": [], "steps": []}
    if chain is None:
        result["text"] = i18n.text("path:none", "{a} and {b} are not connected: there is no chain "
                                   "of shared actions, projects or groups between them.", a=a, b=b)
        return result
    steps = [describe_step(graph, network, x, y) for x, y in zip(chain, chain[1:])]
    result.update({"hops": len(chain) - 1, "chain": chain,
                   "chain_names": [graph.nodes[n]["name"] for n in chain], "steps": steps})
    if len(chain) == 1:
        result["text"] = i18n.text("path:same", "{a} is the same organisation as {b}.", a=a, b=b)
    elif len(steps) == 1:
        result["text"] = steps[0]["text"]
    else:
        via = join_nl(result["chain_names"][1:-1])
        result["text"] = i18n.text("path:steps", "{a} and {b} are connected in {count} steps, via "
                                   "{via}.", a=a, b=b, count=len(steps), via=via)
    return result

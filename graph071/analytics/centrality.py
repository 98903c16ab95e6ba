"""Hubs ranked the way the user asks: by hub score, trekker roles, partner roles, or by the
organisation's position in the collaboration network (betweenness, eigenvector).

Pure functions: a graph in, rows out. Betweenness is exact up to EXACT_BETWEENNESS_LIMIT
organisations; above that it is estimated from a fixed-seed sample of starting
organisations, and every row says so (docs/analytics.md explains why and how well).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import hubs, role_counts
from graph071.errors import Graph071Error
from graph071.schema import MAIN_ROLES, Node, role_edge_kinds

HUB_MEASURES = ("score", "trekker", "partner", "betweenness", "eigenvector")
# Exact betweenness costs one search per organisation; at 100 times the bundled corpus
# (5,000+ organisations) that is 20 seconds. Above the limit a fixed-seed sample of
# starting points answers in about a second; bench/scale.py measures how close it is.
EXACT_BETWEENNESS_LIMIT = 1000
BETWEENNESS_SAMPLES = 300
SEED = 71
# The three role kinds with a column of their own; the others are "andere rollen".


@dataclass(frozen=True)
class Betweenness:
    """Betweenness per organisation and how it was computed."""

    values: dict[str, float]
    sampled: bool
    samples: int | None  # starting organisations used when sampled
    organisations: int  # organisations in the network measured

    def method(self) -> str:
        """Return how the figures were computed, in words users read."""
        if not self.sampled:
            return f"exact, over {self.organisations} organisaties"
        return (f"geschat uit een steekproef van {self.samples} van de {self.organisations} "
                f"organisaties (vaste seed {SEED}); exact tot {EXACT_BETWEENNESS_LIMIT}")


def working_network(graph: nx.MultiDiGraph) -> nx.Graph:
    """Return the collaboration network of the organisations that hold at least one role:
    two are tied when they share an action or project, "weight" = how many they share.

    The same ties as analytics.collaboration_graph, built in one pass (it is rebuilt for
    every ranking and every cluster at 100 times the corpus). Organisations known only
    from the organisation table or a group list hold no role; leaving them out keeps "a
    share of all pairs" about organisations that do work.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:a", "org:b", "org:idle"): G.add_node(n, kind="Organisation", name=n)
    >>> G.add_node("action:1", kind="Action", name="1")
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> working_network(G).edges(data="weight")
    EdgeDataView([('org:a', 'org:b', 1)])
    """
    roles = set(role_edge_kinds())
    weights: Counter = Counter()
    working: set[str] = set()
    for work, data in graph.nodes(data=True):
        if data["kind"] not in (Node.ACTION, Node.PROJECT):
            continue
        members = sorted({s for s, _, d in graph.in_edges(work, data=True) if d["kind"] in roles})
        working.update(members)
        weights.update(combinations(members, 2))
    network = nx.Graph()
    network.add_nodes_from(n for n, d in graph.nodes(data=True)
                           if d["kind"] == Node.ORGANISATION and n in working)
    network.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    return network


def _adjacency(network: nx.Graph) -> tuple[list[str], Any, Any]:
    """Return the nodes and the network as compressed rows (indptr, indices) for numpy."""
    import numpy as np

    nodes = list(network)
    index = {node: i for i, node in enumerate(nodes)}
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    neighbours: list[int] = []
    for i, node in enumerate(nodes):
        neighbours.extend(index[other] for other in network[node])
        indptr[i + 1] = len(neighbours)
    return nodes, indptr, np.asarray(neighbours, dtype=np.int64)


def _dependency_sums(indptr: Any, indices: Any, sources: list[int]) -> Any:
    """Return, per node, the summed dependencies of Brandes' algorithm over `sources`:
    how much of the shortest paths from each source run through the node.

    One breadth-first search per source, a whole level at a time in numpy: the same
    sums as networkx, about ten times faster, which is what makes 100x answer in time.
    """
    import numpy as np

    size = len(indptr) - 1
    total = np.zeros(size)
    degree = np.diff(indptr)
    for source in sources:
        distance = np.full(size, -1, dtype=np.int64)
        paths = np.zeros(size)  # number of shortest paths from the source
        distance[source], paths[source] = 0, 1.0
        frontier = np.array([source], dtype=np.int64)
        levels = []
        depth = 0
        while frontier.size:
            counts = degree[frontier]
            reached = int(counts.sum())
            if not reached:
                break
            offsets = np.repeat(indptr[frontier] - np.cumsum(counts) + counts, counts) + \
                np.arange(reached)
            target, origin = indices[offsets], np.repeat(frontier, counts)
            distance[target[distance[target] < 0]] = depth + 1
            keep = distance[target] == depth + 1
            origin, target = origin[keep], target[keep]
            paths += np.bincount(target, weights=paths[origin], minlength=size)
            levels.append((origin, target))
            frontier = np.unique(target)
            depth += 1
        dependency = np.zeros(size)
        for origin, target in reversed(levels):
            dependency += np.bincount(origin, minlength=size, weights=(
                paths[origin] / paths[target] * (1.0 + dependency[target])))
        dependency[source] = 0.0
        total += dependency
    return total


def collaboration_betweenness(network: nx.Graph, exact_limit: int = EXACT_BETWEENNESS_LIMIT,
                              samples: int = BETWEENNESS_SAMPLES, seed: int = SEED) -> Betweenness:
    """Return each organisation's betweenness in `network`: the share of shortest chains of
    collaboration between two other organisations that pass through it.

    Exact up to `exact_limit` organisations; above, estimated from `samples` starting
    organisations drawn with `seed`, so the same graph always gives the same figures.
    The figures are those of networkx.betweenness_centrality (normalized, unweighted),
    sampled or not, with the same sample for the same seed.

    >>> path = nx.path_graph(["org:a", "org:b", "org:c"])
    >>> collaboration_betweenness(path).values["org:b"]
    1.0
    >>> collaboration_betweenness(path, exact_limit=2, samples=2).sampled
    True
    """
    nodes, indptr, indices = _adjacency(network)
    size = len(nodes)
    if size <= exact_limit:
        sums = _dependency_sums(indptr, indices, list(range(size)))
        scale = 1 / ((size - 1) * (size - 2)) if size > 2 else 1.0
        return Betweenness({n: float(sums[i]) * scale for i, n in enumerate(nodes)}, False, None,
                           size)
    k = min(samples, size)
    # random.Random(seed).sample over the node list: the sample networkx draws for this seed.
    chosen = random.Random(seed).sample(nodes, k)
    position = {node: i for i, node in enumerate(nodes)}
    sums = _dependency_sums(indptr, indices, [position[n] for n in chosen])
    # A sampled organisation cannot lie between itself and another: it had k - 1 chances.
    picked = set(chosen)
    values = {n: float(sums[i]) / ((k - 1 if n in picked else k) * (size - 2))
              for i, n in enumerate(nodes)}
    return Betweenness(values, True, k, size)


def collaboration_eigenvector(network: nx.Graph, tolerance: float = 1e-08,
                              max_iterations: int = 1000) -> dict[str, float]:
    """Return each organisation's eigenvector centrality in `network` (weighted by shared
    work), scaled so that the best-connected organisation has 1.0.

    High means: works much with organisations that themselves work much with others. The
    power iteration is that of networkx.eigenvector_centrality (same start, same shift,
    same stopping rule), done in numpy.

    >>> star = nx.star_graph(3)
    >>> round(collaboration_eigenvector(star)[0], 3), round(collaboration_eigenvector(star)[1], 3)
    (1.0, 0.577)
    """
    import numpy as np

    if network.number_of_edges() == 0:
        return {node: 0.0 for node in network}
    nodes = list(network)
    index = {node: i for i, node in enumerate(nodes)}
    ends = [(index[a], index[b], float(w)) for a, b, w in network.edges(data="weight", default=1)]
    first, second, weight = (np.array(column) for column in zip(*ends))
    origin = np.concatenate([first, second]).astype(np.int64)
    target = np.concatenate([second, first]).astype(np.int64)
    weight = np.concatenate([weight, weight])
    size = len(nodes)
    values = np.full(size, 1.0 / size)
    for _ in range(max_iterations):
        previous = values
        values = previous + np.bincount(target, weights=previous[origin] * weight, minlength=size)
        values = values / (np.linalg.norm(values) or 1.0)
        if np.abs(values - previous).sum() < size * tolerance:
            top = values.max() or 1.0
            return {node: float(values[i] / top) for i, node in enumerate(nodes)}
    raise Graph071Error(i18n.text("error:centrality.eigenvector", "eigenvector centrality did not settle on this graph"),
                        hint=i18n.text("error:centrality.eigenvector.hint", "try --by betweenness or --by score"))


def hub_ranking(graph: nx.MultiDiGraph, by: str = "score", top: int | None = 10, *,
                exact_limit: int = EXACT_BETWEENNESS_LIMIT, samples: int = BETWEENNESS_SAMPLES,
                seed: int = SEED) -> list[dict[str, Any]]:
    """Return the organisations with a role, ranked by `by`, with every role count and why.

    `by` is one of HUB_MEASURES. Each row is a row of analytics.hubs (same score, same
    centrality) plus the counts of the other role kinds (projectboard, betrokken,
    financier), "value" (the measure ranked on), "why" (the value in words) and, for
    betweenness, whether it was sampled. Ties go to the higher hub score, then the name.
    With by="score" the order is exactly that of analytics.hubs.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:a", "org:b", "org:c"): G.add_node(n, kind="Organisation", name=n[4:].upper())
    >>> for w in ("action:1", "action:2"): G.add_node(w, kind="Action", name=w, number=int(w[-1]))
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> _ = G.add_edge("org:b", "action:2", kind="TREKKER")
    >>> _ = G.add_edge("org:c", "action:2", kind="PARTNER")
    >>> [(r["name"], r["value"]) for r in hub_ranking(G, by="betweenness")]
    [('B', 1.0), ('A', 0.0), ('C', 0.0)]
    >>> hub_ranking(G, by="trekker")[0]["why"]
    '1 keer trekker'
    """
    if by not in HUB_MEASURES:
        raise Graph071Error(i18n.text("error:centrality.ranking", "unknown ranking {by!r}", by=by),
                            hint=i18n.text("error:choose_from", "choose from {choices}",
                                           choices=', '.join(HUB_MEASURES)))
    rows = hubs(graph, top=None)
    counts = role_counts(graph)
    others = [kind for kind in role_edge_kinds() if kind not in MAIN_ROLES]
    measured: dict[str, float] = {}
    betweenness: Betweenness | None = None
    if by == "betweenness":
        betweenness = collaboration_betweenness(working_network(graph), exact_limit, samples, seed)
        measured = betweenness.values
    elif by == "eigenvector":
        measured = collaboration_eigenvector(working_network(graph))
    raw: dict[str, float] = {}
    for row in rows:
        node = row["id"]
        for kind in others:
            row[kind.lower()] = counts[kind][node]
        row["other_roles"] = sum(counts[kind][node] for kind in others)
        value = float(row[by]) if by in ("score", "trekker", "partner") else measured.get(node, 0.0)
        raw[node] = round(value, 12)  # float noise in the last bits must not reorder ties
        row.update({"by": by, "value": round(value, 6), "value_text": _value_text(by, value),
                    "why": _why(row, by, value),
                    "sampled": bool(betweenness and betweenness.sampled),
                    "samples": betweenness.samples if betweenness else None,
                    "method": betweenness.method() if betweenness else "exact"})
    if by != "score":  # rank on the figure itself, not on its rounded display
        rows.sort(key=lambda r: (-raw[r["id"]], -r["score"], r["name"].lower()))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows[:top] if top else rows


def _value_text(by: str, value: float) -> str:
    if by == "betweenness":
        return f"{value:.1%}"
    if by == "eigenvector":
        return f"{value:.2f}"
    return f"{value:g}"


def _why(row: dict[str, Any], by: str, value: float) -> str:
    if by == "score":
        parts = [f"2×{row['trekker']} trekker"] if row["trekker"] else []
        if row["partner"]:
            parts.append(f"{row['partner']} partner")
        if row["te_betrekken"]:
            parts.append(f"0.5×{row['te_betrekken']} te betrekken")
        if row["other_roles"]:
            parts.append(f"{row['other_roles']} andere rollen")
        return " + ".join(parts) + f" = {row['score']:g}"
    if by in ("trekker", "partner"):
        return f"{row[by]} keer {by}"
    if by == "betweenness":
        return (f"ligt op {value:.1%} van de kortste samenwerkingsketens tussen twee andere "
                "organisaties")
    return f"{value:.2f} op een schaal waarop de best verbonden organisatie 1 heeft"

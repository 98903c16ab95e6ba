"""Clusters of organisations that work together more with each other than with the rest,
each described in one line from its members' main themes.

Pure functions: a graph in, plain data out. The clusters come from the Louvain method
on the collaboration network (two organisations are tied when they share an action or
project, the tie weighted by how many), with a fixed seed so the same graph always
gives the same clusters.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import describe_work, join_nl, role_counts, themes_of, work_label
from graph071.analytics.balance import side_of
from graph071.analytics.centrality import working_network
from graph071.schema import HELIX_SIDES, WORK_KINDS, hub_weight, role_edge_kinds

SEED = 71
RESOLUTION = 1.0
MAJORITY = 0.6  # "overwegend <side>" from this share of the members on


def _theme_key(name: str) -> str:
    # "Onderwijs & arbeidsmarkt" (2013) and "Onderwijs en arbeidsmarkt" (2018) are one theme.
    return re.sub(r"\s+", " ", name.lower().replace("&", "en")).strip()


def describe_cluster(graph: nx.MultiDiGraph, members: list[str], hub_score: dict[str, float],
                     themes_by_work: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Return one cluster: its members (most active first), main themes, helix mix, the
    work it shares most and a one-line description. `themes_by_work` remembers the themes
    of each action and project across clusters (pass the same dict to every call).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("theme:1", kind="Theme", name="Starters")
    >>> for n, h in (("org:a", "overheid"), ("org:b", "ondernemers")):
    ...     G.add_node(n, kind="Organisation", name=n[4:].upper(), helix=h)
    >>> G.add_node("action:1", kind="Action", name="1. X", number=1)
    >>> _ = G.add_edge("action:1", "theme:1", kind="IN_THEME")
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> describe_cluster(G, ["org:a", "org:b"], {"org:a": 2, "org:b": 1})["description"]
    'A en B; vooral ‘Starters’; gemengd: overheid 1, ondernemers 1; samen bij actie 1 (1. X)'
    """
    themes_by_work = {} if themes_by_work is None else themes_by_work
    ordered = sorted(members, key=lambda m: (-hub_score.get(m, 0), graph.nodes[m]["name"].lower()))
    main, shared = _main_themes(graph, members, themes_by_work)
    helix = Counter(side_of(graph.nodes[m]) for m in members)
    together = [work for work, count in sorted(shared.items(), key=lambda w: (
        -w[1], WORK_KINDS.index(graph.nodes[w[0]]["kind"]), graph.nodes[w[0]].get("number") or 0,
        w[0])) if count >= 2][:2]
    names = [graph.nodes[m]["name"] for m in ordered]
    lead = join_nl(names) if len(names) <= 3 else i18n.text(
        "communities:lead", "{names} and {count} others", names=", ".join(names[:2]),
        count=len(names) - 2)
    parts = [lead]
    # Quoted: theme names such as "Onderwijs en arbeidsmarkt" hold an "en" of their own.
    parts.append(i18n.text("communities:mostly", "mostly ") + join_nl([f"‘{t['name']}’" for t in main[:2]])
                 if main else i18n.text("communities:no_theme", "no theme known"))
    parts.append(_helix_mix(helix, len(members)))
    if together:
        parts.append(i18n.text("communities:together", "together in ")
                     + join_nl([describe_work(graph, w) for w in together]))
    return {
        "size": len(members), "members": [{"id": m, "name": graph.nodes[m]["name"],
                                           "helix": side_of(graph.nodes[m]),
                                           "hub_score": hub_score.get(m, 0)} for m in ordered],
        "themes": main, "helix": {s: helix[s] for s in HELIX_SIDES},
        "shared_work": [{"id": w, "label": work_label(graph, w), "members": shared[w]}
                        for w in together],
        "description": "; ".join(parts),
    }


def _main_themes(graph: nx.MultiDiGraph, members: list[str],
                 themes_by_work: dict[str, list[str]]) -> tuple[list[dict[str, Any]], Counter]:
    """Return the cluster's three main themes (by roles) and, per work, how many members
    work on it."""
    roles = set(role_edge_kinds())
    themes: Counter = Counter()
    shown: dict[str, str] = {}
    shared: Counter = Counter()
    for member in members:
        works = {t for _, t, d in graph.out_edges(member, data=True)
                 if d["kind"] in roles and graph.nodes[t]["kind"] in WORK_KINDS}
        for work in works:
            shared[work] += 1
            if work not in themes_by_work:
                themes_by_work[work] = themes_of(graph, work)
            for theme in themes_by_work[work]:
                name = graph.nodes[theme]["name"]
                themes[_theme_key(name)] += 1
                shown.setdefault(_theme_key(name), name)
    total = sum(themes.values())
    main = [{"name": shown[key], "roles": count, "share": round(count / total, 3)}
            for key, count in sorted(themes.items(), key=lambda t: (-t[1], t[0]))[:3]]
    return main, shared


def _helix_mix(helix: Counter, size: int) -> str:
    """Return the triple-helix mix in words: "overwegend overheid (3 van 4)" or "gemengd: ..."."""
    side, count = max(helix.items(), key=lambda s: (s[1], -list(HELIX_SIDES).index(s[0])))
    if count / size >= MAJORITY and size > 1:
        return i18n.text("communities:mainly", "mainly {side} ({count} of {size})",
                         side=side_word(side), count=count, size=size)
    return i18n.text("communities:mixed", "mixed: ") + ", ".join(f"{side_word(s)} {helix[s]}"
                                                              for s in HELIX_SIDES if helix[s])


def side_word(side: str) -> str:
    """Return a helix side in words, in the language in use: "overheid"; "government"."""
    dutch = HELIX_SIDES[side].label_nl.lower()
    return i18n.text(f"word:{dutch}", dutch)


def communities(graph: nx.MultiDiGraph, seed: int = SEED,
                resolution: float = RESOLUTION) -> dict[str, Any]:
    """Return the clusters of organisations that work together (Louvain, fixed `seed`),
    largest first, each with a one-line description; organisations that share no work
    with anyone are listed apart.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:a", "org:b", "org:c"): G.add_node(n, kind="Organisation", name=n[4:].upper())
    >>> G.add_node("action:1", kind="Action", name="1. X", number=1)
    >>> G.add_node("action:2", kind="Action", name="2. Y", number=2)
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> _ = G.add_edge("org:c", "action:2", kind="TREKKER")
    >>> result = communities(G)
    >>> [c["size"] for c in result["communities"]], result["alone"]
    ([2], ['C'])
    """
    network = working_network(graph)
    counts = role_counts(graph)
    hub_score: Counter = Counter()
    for kind, counter in counts.items():
        for org, number in counter.items():
            hub_score[org] += hub_weight(kind) * number
    parts = (nx.community.louvain_communities(network, weight="weight", resolution=resolution,
                                              seed=seed) if network.number_of_nodes() else [])
    themes_by_work: dict[str, list[str]] = {}
    clusters = [describe_cluster(graph, sorted(part), hub_score, themes_by_work)
                for part in parts if len(part) > 1]
    clusters.sort(key=lambda c: (-c["size"], c["members"][0]["name"].lower()))
    for number, cluster in enumerate(clusters, start=1):
        cluster["number"] = number
    alone = sorted((graph.nodes[n]["name"] for part in parts if len(part) == 1 for n in part),
                   key=str.lower)
    modularity = (nx.community.modularity(network, parts, weight="weight")
                  if network.number_of_edges() else 0.0)
    return {"method": "louvain", "seed": seed, "resolution": resolution,
            "organisations": network.number_of_nodes(), "modularity": round(modularity, 4),
            "communities": clusters, "alone": alone}

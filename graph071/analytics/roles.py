"""Questions users ask of the graph, as pure functions: a graph in, plain data out.

Nothing here prints or reads files; the CLI and the map call these. The questions that
need more than a few lines each have a module of their own, built on the helpers at the
end of this one: analytics.centrality (hubs ranked four ways), analytics.owners (who could
lead what has no trekker), analytics.paths (how two organisations are connected),
analytics.balance (the triple helix per theme), analytics.communities (clusters), and
graph071.analytics.diff (what changed between editions). docs/analytics.md defines every measure.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.errors import Graph071Error
from graph071.corpus.organisations import normalise
from graph071.schema import Edge, Node, WORK_KINDS, hub_weight, role_edge_kinds
from graph071.schema import label



def names_of(graph: nx.MultiDiGraph, ids: list[str]) -> list[str]:
    """Return the display names of `ids`, in order."""
    return [graph.nodes[i]["name"] for i in ids]


def role_holders(graph: nx.MultiDiGraph, work: str, kind: str) -> list[str]:
    """Return the ids of the organisations with an edge of `kind` into `work`, in source order.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:a", kind="Organisation", name="A")
    >>> G.add_node("action:1", kind="Action", name="1. X")
    >>> _ = G.add_edge("org:a", "action:1", key="TREKKER", kind="TREKKER", line=3)
    >>> role_holders(G, "action:1", "TREKKER")
    ['org:a']
    """
    edges = [(data.get("line") or 0, source) for source, _, data in graph.in_edges(work, data=True)
             if data["kind"] == kind]
    return [source for _, source in sorted(edges)]


def orphans(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the actions and projects that have no trekker, actions first, by number.

    Each item has id, kind, number, name, theme, categorie (actions) or status (projects:
    the categorie of its latest card) and the partners' names. A project known only from a
    mention in another card (no card of its own) is left out: nothing says who leads it.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("action:17", kind="Action", name="17. Haalbaarheidsstudie", number=17)
    >>> G.add_node("action:18", kind="Action", name="18. Kantorenloods", number=18)
    >>> G.add_node("org:rg", kind="Organisation", name="regiogemeenten")
    >>> _ = G.add_edge("org:rg", "action:18", key="TREKKER", kind="TREKKER")
    >>> _ = G.add_edge("org:rg", "action:17", key="PARTNER", kind="PARTNER")
    >>> [(o["number"], o["partners"]) for o in orphans(G)]
    [(17, ['regiogemeenten'])]
    """
    found = []
    for node, data in graph.nodes(data=True):
        if data["kind"] not in WORK_KINDS or role_holders(graph, node, Edge.TREKKER):
            continue
        if data["kind"] == Node.PROJECT and not data.get("editions"):
            continue
        timeline = data.get("timeline") or []
        found.append({
            "id": node, "kind": data["kind"], "number": data.get("number"),
            "programme": data.get("programme", ""),
            "name": data["name"], "title": data.get("title", data["name"]),
            "theme": data.get("theme"), "theme_name": data.get("theme_name", ""),
            "categorie": data.get("categorie"), "categorie_colour": data.get("categorie_colour", ""),
            "status": timeline[-1].split(": ", 1)[-1] if timeline else "",
            "trekker_text": data.get("trekker_text", ""),
            "partners": names_of(graph, role_holders(graph, node, Edge.PARTNER)),
            "document": data.get("document"), "line": data.get("line"),
        })
    return sorted(found, key=lambda o: (WORK_KINDS.index(o["kind"]), o["number"] or 0, o["name"]))


def collaboration_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Return the organisation network: two organisations are linked when they work on the
    same action or project (in any role), weighted by how many they share.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:a", "org:b"): G.add_node(n, kind="Organisation", name=n)
    >>> G.add_node("action:1", kind="Action", name="1")
    >>> _ = G.add_edge("org:a", "action:1", kind="TREKKER")
    >>> _ = G.add_edge("org:b", "action:1", kind="PARTNER")
    >>> collaboration_graph(G).edges(data="weight")
    EdgeDataView([('org:a', 'org:b', 1)])
    """
    roles = set(role_edge_kinds())
    network = nx.Graph()
    network.add_nodes_from(n for n, d in graph.nodes(data=True) if d["kind"] == Node.ORGANISATION)
    for work, data in graph.nodes(data=True):
        if data["kind"] not in WORK_KINDS:
            continue
        members = sorted({s for s, _, d in graph.in_edges(work, data=True) if d["kind"] in roles})
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                weight = network.get_edge_data(first, second, {"weight": 0})["weight"]
                network.add_edge(first, second, weight=weight + 1)
    return network


def role_counts(graph: nx.MultiDiGraph) -> dict[str, Counter]:
    """Return, per role edge kind, how many actions and projects each organisation has."""
    counts: dict[str, Counter] = {kind: Counter() for kind in role_edge_kinds()}
    for source, target, data in graph.edges(data=True):
        if data["kind"] in counts and graph.nodes[target]["kind"] in WORK_KINDS:
            counts[data["kind"]][source] += 1
    return counts




def hubs(graph: nx.MultiDiGraph, top: int | None = 10) -> list[dict[str, Any]]:
    """Return organisations ranked by hub score, highest first.

    The hub score counts an organisation's roles on actions and projects: 2 per
    trekker role, 1 per partner role and 0.5 per "te betrekken". Ties are broken by
    degree centrality in the collaboration network (the share of other organisations
    it works with), then by name. A group such as "regiogemeenten" counts as one
    organisation; its members are not credited with the group's roles.
    """
    counts = role_counts(graph)
    network = collaboration_graph(graph)
    centrality = nx.degree_centrality(network) if len(network) > 1 else {}
    rows = []
    for node, data in graph.nodes(data=True):
        if data["kind"] != Node.ORGANISATION:
            continue
        score = sum(hub_weight(kind) * counter[node] for kind, counter in counts.items())
        if score == 0:
            continue
        rows.append({
            "id": node, "name": data["name"], "sector": data.get("sector", ""),
            "helix": data.get("helix", ""), "is_group": data.get("is_group", False),
            "trekker": counts[Edge.TREKKER][node], "partner": counts[Edge.PARTNER][node],
            "te_betrekken": counts[Edge.TE_BETREKKEN][node], "score": score,
            "centrality": round(centrality.get(node, 0.0), 4),
        })
    rows.sort(key=lambda r: (-r["score"], -r["centrality"], r["name"].lower()))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows[:top] if top else rows


class NotFound(Graph071Error):
    """A name that matches nothing in the graph; the message offers the nearest names."""


def find_node(graph: nx.MultiDiGraph, name: str, kinds: tuple[str, ...] = (Node.ORGANISATION,)) -> str:
    """Return the id of the node of one of `kinds` that `name` names (any alias, any case).

    Raises NotFound with "did you mean" suggestions when nothing matches exactly.
    """
    wanted = normalise(name)
    candidates: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] not in kinds:
            continue
        forms = [data["name"], *(data.get("aliases") or []), *(data.get("names") or [])]
        if data.get("title"):
            forms.append(data["title"])
        for form in forms:
            candidates.setdefault(normalise(form), node)
    if wanted in candidates:
        return candidates[wanted]
    from rapidfuzz import fuzz, process

    matches = process.extract(wanted, list(candidates), scorer=fuzz.WRatio, limit=8)
    suggestions: list[str] = []
    for form, score, _ in matches:
        display = graph.nodes[candidates[form]]["name"]
        if score >= 70 and display not in suggestions:
            suggestions.append(display)
    kind_words = i18n.text("error:or", " or ").join(label(k).lower() for k in kinds)
    hint = i18n.text("error:did_you_mean", "did you mean {possibilities}?",
                     possibilities=' / '.join(repr(s) for s in suggestions[:3])) if suggestions else None
    raise NotFound(i18n.text("error:roles.no_such", "no {kinds} called {name!r}", kinds=kind_words, name=name),
                   hint=hint)


def _work_item(graph: nx.MultiDiGraph, node: str, edge: dict[str, Any]) -> dict[str, Any]:
    data = graph.nodes[node]
    return {"id": node, "kind": data["kind"], "number": data.get("number"), "name": data["name"],
            "programme": data.get("programme", ""), "period": period_of(data),
            "role": edge.get("role", ""), "document": edge.get("document"),
            "line": edge.get("line"), "quote": edge.get("quote", "")}


def period_of(data: dict[str, Any]) -> str:
    """Return the period a node or edge holds, as readers write it ("" when unknown).

    >>> period_of({"valid_from": "2013-01-01", "valid_until": "2015-12-31"}), period_of({"valid_from": "2022-01-01"})
    ('2013-01 t/m 2015-12', 'vanaf 2022-01')
    """
    start, end = data.get("valid_from"), data.get("valid_until")
    if not start:
        return ""
    if end:
        return i18n.text("period:span", "{start} to {end}", start=start[:7], end=end[:7])
    return i18n.text("period:from", "from {start}", start=start[:7])


def who(graph: nx.MultiDiGraph, organisation: str) -> dict[str, Any]:
    """Return what the organisation `organisation` (an id) leads and partners on, and its groups."""
    data = graph.nodes[organisation]
    roles: dict[str, list[dict[str, Any]]] = {kind: [] for kind in role_edge_kinds()}
    for _, target, edge in graph.out_edges(organisation, data=True):
        if edge["kind"] in roles:
            roles[edge["kind"]].append(_work_item(graph, target, edge))
    for items in roles.values():
        items.sort(key=lambda i: (WORK_KINDS.index(i["kind"]), i["number"] or 0, i["name"]))
    member_of = [graph.nodes[t]["name"] for _, t, e in graph.out_edges(organisation, data=True)
                 if e["kind"] == Edge.MEMBER_OF]
    members = [graph.nodes[s]["name"] for s, _, e in graph.in_edges(organisation, data=True)
               if e["kind"] == Edge.MEMBER_OF]
    return {
        "id": organisation, "name": data["name"], "sector": data.get("sector", ""),
        "helix": data.get("helix", ""), "is_group": data.get("is_group", False),
        "aliases": data.get("aliases", []), "trekker": roles.get(Edge.TREKKER, []),
        "partner": roles.get(Edge.PARTNER, []), "te_betrekken": roles.get(Edge.TE_BETREKKEN, []),
        **{kind.lower(): items for kind, items in roles.items()
           if kind not in (Edge.TREKKER, Edge.PARTNER, Edge.TE_BETREKKEN)},
        "member_of": sorted(member_of), "members": sorted(members),
    }


def parse_action_ref(text: str) -> tuple[str | None, int] | None:
    """Return (programme or None, number) of an action reference, or None when `text` is none.

    >>> parse_action_ref("2013-2015/17"), parse_action_ref("actie 17"), parse_action_ref("UvL")
    (('2013-2015', 17), (None, 17), None)
    """
    match = re.fullmatch(r"\s*(?:actie|action)?\s*(?:(\d{4}-\d{4})\s*/\s*)?(\d+)\.?\s*", text,
                         flags=re.IGNORECASE)
    return (match.group(1), int(match.group(2))) if match else None


def find_action(graph: nx.MultiDiGraph, number: int, programme: str | None = None) -> str:
    """Return the id of action `number` of `programme` (or of the only programme that has it).

    Raises NotFound when no action has that number, or when two programmes do and
    `programme` does not say which (the hint names them: "2013-2015/17").
    """
    matches = sorted((data.get("programme", ""), node) for node, data in graph.nodes(data=True)
                     if data["kind"] == Node.ACTION and data.get("number") == number
                     and (programme is None or data.get("programme") == programme))
    if not matches:
        numbers = sorted(d["number"] for _, d in graph.nodes(data=True) if d["kind"] == Node.ACTION)
        span = i18n.text("error:roles.span", " (actions run from {first} to {last})", first=numbers[0],
                         last=numbers[-1]) if numbers else ""
        where = i18n.text("error:roles.in_programme", " in programme {programme}",
                          programme=programme) if programme else ""
        raise NotFound(i18n.text("error:roles.no_action", "no action number {number}", number=number) + where + span)
    if len(matches) > 1:
        options = i18n.text("error:or", " or ").join(f"{p}/{number}" for p, _ in matches)
        raise NotFound(i18n.text("error:roles.programmes", "action {number} is in {count} programmes",
                                 number=number, count=len(matches)),
                       hint=i18n.text("error:write", "write {options}", options=options))
    return matches[0][1]


def action_ref(graph: nx.MultiDiGraph, action: str) -> str:
    """Return how an action is referred to wherever two programmes could share its number.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("action:2013-2015/17", kind="Action", number=17, programme="2013-2015")
    >>> action_ref(G, "action:2013-2015/17")
    '2013-2015/17'
    """
    data = graph.nodes[action]
    return f"{data['programme']}/{data.get('number')}" if data.get("programme") else str(data.get("number"))


def action_detail(graph: nx.MultiDiGraph, action: str) -> dict[str, Any]:
    """Return one action with its trekkers, partners, links and source quote."""
    data = dict(graph.nodes[action])

    def people(kind: str) -> list[dict[str, Any]]:
        rows = []
        for source, _, edge in graph.in_edges(action, data=True):
            if edge["kind"] == kind:
                rows.append({"id": source, "name": graph.nodes[source]["name"],
                             "as_written": edge.get("name_as_written", ""),
                             "role": edge.get("role", ""), "line": edge.get("line"),
                             "quote": edge.get("quote", "")})
        return sorted(rows, key=lambda r: (r["line"] or 0))

    links = []
    for source, target, edge in [*graph.out_edges(action, data=True), *graph.in_edges(action, data=True)]:
        if edge["kind"] not in (Edge.LINKS_TO, Edge.SUCCEEDS):
            continue
        other = target if source == action else source
        links.append({"id": other, "name": graph.nodes[other]["name"], "kind": edge["kind"],
                      "link_kind": edge.get("link_kind", edge.get("role", "")),
                      "direction": "out" if source == action else "in",
                      "line": edge.get("line"), "quote": edge.get("quote", "")})
    links.sort(key=lambda l: (l["direction"], l["line"] or 0, l["id"]))
    return {**data, "id": action, "trekkers": people(Edge.TREKKER), "partners": people(Edge.PARTNER),
            "te_betrekken": people(Edge.TE_BETREKKEN), "links": links}


def summary(graph: nx.MultiDiGraph, top: int = 5) -> dict[str, Any]:
    """Return counts per node and edge kind, the orphans and the top hubs."""
    nodes = Counter(data["kind"] for _, data in graph.nodes(data=True))
    edges = Counter(data["kind"] for _, _, data in graph.edges(data=True))
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items())),
            "orphans": orphans(graph), "hubs": hubs(graph, top=top)}


# ---------------------------------------------------------------- shared by the analytics_* modules

def role_noun(kind: str) -> str:
    """Return the role `kind` as a Dutch noun for sentences ("trekker", "partner", ...).

    >>> role_noun("PROJECTBOARD")
    'lid van de projectboard'
    """
    from graph071.schema import EDGE_KINDS

    declared = EDGE_KINDS.get(kind)
    noun = declared.role_nl if declared and declared.role_nl else kind.lower().replace("_", " ")
    return i18n.text(f"role:{noun}", noun)


def strongest_role(kinds: list[str]) -> str:
    """Return the weightiest of the role kinds `kinds` (trekker before partner, ...).

    >>> strongest_role(["FINANCIER", "TREKKER", "PARTNER"])
    'TREKKER'
    """
    order = role_edge_kinds()
    return min(kinds, key=lambda k: (-hub_weight(k), order.index(k) if k in order else len(order)))


def roles_on(graph: nx.MultiDiGraph, work: str) -> dict[str, list[str]]:
    """Return, per organisation working on `work`, its role kinds there (schema order).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:a", kind="Organisation", name="A")
    >>> G.add_node("project:p", kind="Project", name="P")
    >>> _ = G.add_edge("org:a", "project:p", kind="FINANCIER")
    >>> _ = G.add_edge("org:a", "project:p", kind="TREKKER")
    >>> roles_on(G, "project:p")
    {'org:a': ['TREKKER', 'FINANCIER']}
    """
    order = role_edge_kinds()
    found: dict[str, list[str]] = {}
    for source, _, data in graph.in_edges(work, data=True):
        if data["kind"] in order and graph.nodes[source]["kind"] == Node.ORGANISATION:
            kinds = found.setdefault(source, [])
            if data["kind"] not in kinds:
                kinds.append(data["kind"])
    return {org: sorted(kinds, key=order.index) for org, kinds in found.items()}


def work_label(graph: nx.MultiDiGraph, work: str) -> str:
    """Return how users name an action or project in a sentence: "actie 17", "project Smart071".

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("action:17", kind="Action", name="17. Haalbaarheidsstudie", number=17)
    >>> G.add_node("project:s", kind="Project", name="Smart071")
    >>> work_label(G, "action:17"), work_label(G, "project:s")
    ('actie 17', 'project Smart071')
    """
    data = graph.nodes[work]
    if data["kind"] == Node.ACTION and data.get("number") is not None:
        return f"{label(Node.ACTION).lower()} {data['number']}"
    return f"{label(data['kind']).lower()} {data['name']}"


def work_title(graph: nx.MultiDiGraph, work: str) -> str:
    """Return the title of an action or project without its number ("Haalbaarheidsstudie ...")."""
    data = graph.nodes[work]
    return str(data.get("title") or data["name"])


def describe_work(graph: nx.MultiDiGraph, work: str) -> str:
    """Return an action or project as a reader wants it named: "actie 6 (Opzetten biobased
    cluster)", "project Smart071" (a project's name is its title)."""
    label = work_label(graph, work)
    if graph.nodes[work]["kind"] == Node.ACTION:
        return f"{label} ({work_title(graph, work)})"
    return label


def themes_of(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """Return the ids of the themes `node` falls under (IN_THEME), in id order."""
    return sorted({t for _, t, d in graph.out_edges(node, data=True) if d["kind"] == Edge.IN_THEME})


def join_nl(names: list[str]) -> str:
    """Return names as a Dutch sentence lists them: "A", "A en B", "A, B en C".

    >>> join_nl(["A", "B", "C"]), join_nl(["A"])
    ('A, B en C', 'A')
    """
    if not names:
        return ""
    return (names[0] if len(names) == 1
            else f"{', '.join(names[:-1])} {i18n.text('list:and', 'and')} {names[-1]}")

"""Who could become trekker of an action or project that has none: suggested owners,
ranked by points for evidence in the documents, each with that evidence in words.

Pure functions: a graph in, plain data out. The points (docs/analytics.md has the same
table for policy readers):

    already partner on it                                 3
    continues it (the organisation it became)             3
    another role on it (te betrekken, projectboard, ...)  2
    trekker of a linked or preceding/following item       2 per item
    a person acting for it leads the item (projectleider) 2  (commissions or works on it: 1)
    organisation that commissions it (opdrachtgever)      1
    another role on a linked item                         1 per item
    trekker elsewhere in the same theme                   0.25 per item, at most 1

A group such as "regiogemeenten" is one candidate; its members are not credited with
the group's evidence (a group cannot be trekker through one of its members).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import (describe_work, join_nl, orphans, role_counts, role_noun, roles_on, strongest_role, themes_of)
from graph071.schema import (Edge, Node, PERSON_LEAD_ROLES, PERSON_ORGANISATION_ROLES, WORK_KINDS, hub_weight, role_edge_kinds)

POINTS = {"partner": 3.0, "continues": 3.0, "role": 2.0, "linked_trekker": 2.0,
          "person_lead": 2.0, "person_other": 1.0, "opdrachtgever": 1.0, "linked_role": 1.0,
          "theme_trekker": 0.25}
THEME_CAP = 1.0
# People whose organisation is a likely owner because they lead the item; an opdrachtgever
# (often the programme manager, on every card) or a team member is weaker evidence.
PERSON_ROLES = (*PERSON_LEAD_ROLES, Edge.OPDRACHTGEVER, Edge.WORKS_ON)
STRENGTHS = ((3.0, "sterk"), (2.0, "redelijk"), (0.0, "zwak"))


def strength(points: float) -> str:
    """Return how strong a suggestion is in words: sterk (3+), redelijk (2+) or zwak.

    >>> strength(4), strength(2), strength(0.5)
    ('sterk', 'redelijk', 'zwak')
    """
    return next(label for floor, label in STRENGTHS if points >= floor)


class _Context:
    """What every suggestion needs, computed once per graph: hub scores and, per theme,
    how often each organisation is trekker there."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        counts = role_counts(graph)
        self.hub_score: Counter = Counter()
        for kind, counter in counts.items():
            for org, number in counter.items():
                self.hub_score[org] += hub_weight(kind) * number
        self.theme_trekkers: dict[str, Counter] = defaultdict(Counter)
        for source, target, data in graph.edges(data=True):
            if data["kind"] == Edge.TREKKER and graph.nodes[target]["kind"] in WORK_KINDS:
                for theme in themes_of(graph, target):
                    self.theme_trekkers[theme][source] += 1


def suggested_owners(graph: nx.MultiDiGraph, work: str, limit: int | None = 5,
                     context: _Context | None = None) -> list[dict[str, Any]]:
    """Return the organisations that could become trekker of `work`, best first.

    Each suggestion has id, name, helix, is_group, points, strength, the evidence (kind,
    points, text, via, document, line) and "why" (the evidence texts in one line). Ties
    go to the higher hub score, then the name. Organisations already trekker are left out.
    The texts speak of `work` as "deze actie" or "dit project": they are read under it.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("org:rg", "org:hr"): G.add_node(n, kind="Organisation", name=n[4:].upper())
    >>> G.add_node("action:6", kind="Action", name="6. Biobased", number=6, title="Biobased")
    >>> G.add_node("action:17", kind="Action", name="17. Studie", number=17, title="Studie")
    >>> _ = G.add_edge("org:hr", "action:6", kind="TREKKER")
    >>> _ = G.add_edge("org:rg", "action:17", kind="PARTNER")
    >>> _ = G.add_edge("action:6", "action:17", kind="LINKS_TO")
    >>> for s in suggested_owners(G, "action:17"): print(s["name"], s["points"], s["why"])
    RG 3.0 is al partner bij deze actie
    HR 2.0 is trekker van actie 6 (Biobased), die samenhangt met deze actie
    """
    context = context or _Context(graph)
    evidence = _Evidence(graph, work)
    evidence.on_this_work()
    evidence.on_linked_work()
    evidence.in_the_same_theme(context)
    present = roles_on(graph, work)
    suggestions = []
    for org, items in evidence.found.items():
        if Edge.TREKKER in present.get(org, []):
            continue
        items = _combine(items)
        data = graph.nodes[org]
        points = sum(item["points"] for item in items)
        suggestions.append({
            "id": org, "name": data["name"], "helix": data.get("helix", ""),
            "is_group": bool(data.get("is_group")), "points": round(points, 2),
            "strength": strength(points), "evidence": items,
            "why": "; ".join(item["text"] for item in items),
            "hub_score": context.hub_score[org],
        })
    suggestions.sort(key=lambda s: (-s["points"], -s["hub_score"], s["name"].lower()))
    for rank, suggestion in enumerate(suggestions, start=1):
        suggestion["rank"] = rank
    return suggestions[:limit] if limit else suggestions


class _Evidence:
    """Collects, per organisation, why it could become trekker of one action or project."""

    def __init__(self, graph: nx.MultiDiGraph, work: str) -> None:
        self.graph = graph
        self.work = work
        self.this = (i18n.text("suggest:this_action", "this action")
                     if graph.nodes[work]["kind"] == Node.ACTION
                     else i18n.text("suggest:this_project", "this project"))
        self.found: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def add(self, org: str, kind: str, text: str, via: str | None = None,
            edge: dict | None = None, points: float | None = None,
            person: str | None = None) -> None:
        self.found[org].append({"kind": kind, "points": POINTS[kind] if points is None else points,
                                "text": text, "via": via, "document": (edge or {}).get("document"),
                                "line": (edge or {}).get("line"), "person": person})

    def on_this_work(self) -> None:
        """Roles on the work itself: partner, another role, opdrachtgever, successor, people."""
        graph, this = self.graph, self.this
        present = roles_on(graph, self.work)
        for source, _, edge in graph.in_edges(self.work, data=True):
            kind, source_kind = edge["kind"], graph.nodes[source]["kind"]
            if source_kind == Node.ORGANISATION and kind in role_edge_kinds() and kind != Edge.TREKKER:
                if kind == Edge.PARTNER:
                    self.add(source, "partner", i18n.text("suggest:partner", "is already partner "
                                                          "in {this}", this=this), edge=edge)
                elif kind == strongest_role([k for k in present[source] if k != Edge.PARTNER]):
                    self.add(source, "role", i18n.text("suggest:role", "is already {role} in {this}",
                                                       role=role_noun(kind), this=this), edge=edge)
            elif source_kind == Node.ORGANISATION and kind == Edge.OPDRACHTGEVER:
                self.add(source, "opdrachtgever", i18n.text("suggest:opdrachtgever", "is opdrachtgever "
                                                            "of {this}", this=this), edge=edge)
            elif source_kind == Node.ORGANISATION and kind == Edge.SUCCEEDS:
                self.add(source, "continues", i18n.text(
                    "suggest:continues", "continues {this} ({role})", this=this,
                    role=edge.get("role") or i18n.text("suggest:successor", "successor")), edge=edge)
            elif source_kind == Node.PERSON and kind in PERSON_ROLES:
                for org in _organisations_of(graph, source):
                    self.add(org, "person_lead" if kind in PERSON_LEAD_ROLES else "person_other", "",
                             source, edge,
                             person=_PERSON_NOUNS.get(kind, "") + graph.nodes[source]["name"])

    def on_linked_work(self) -> None:
        """Roles on the actions and projects this one is linked to."""
        for other, relation, edge in _linked_works(self.graph, self.work, self.this):
            described = describe_work(self.graph, other)
            for org, kinds in roles_on(self.graph, other).items():
                if Edge.TREKKER in kinds:
                    self.add(org, "linked_trekker", i18n.text(
                        "suggest:linked_trekker", "is trekker of {work}, {relation}",
                        work=described, relation=relation), other, edge)
                else:
                    self.add(org, "linked_role", i18n.text(
                        "suggest:linked_role", "is {role} in {work}, {relation}",
                        role=role_noun(strongest_role(kinds)), work=described, relation=relation),
                        other, edge)

    def in_the_same_theme(self, context: _Context) -> None:
        """Trekker roles elsewhere in the same theme (capped)."""
        for theme in themes_of(self.graph, self.work):
            theme_name = self.graph.nodes[theme]["name"]
            for org, number in context.theme_trekkers.get(theme, Counter()).items():
                points = min(POINTS["theme_trekker"] * number, THEME_CAP)
                said = (i18n.text("suggest:theme_one", "is trekker of 1 other action or project in "
                                  "theme {theme}", theme=theme_name) if number == 1 else
                        i18n.text("suggest:theme_more", "is trekker of {number} other actions or "
                                  "projects in theme {theme}", number=number, theme=theme_name))
                self.add(org, "theme_trekker", said, theme, points=points)


_PERSON_NOUNS = {Edge.PROJECTLEIDER: "projectleider ", Edge.BESTUURLIJK_TREKKER: "bestuurlijk trekker ",
                 Edge.OPDRACHTGEVER: "opdrachtgever "}


def _organisations_of(graph: nx.MultiDiGraph, person: str) -> list[str]:
    return [org for _, org, link in graph.out_edges(person, data=True)
            if link["kind"] in PERSON_ORGANISATION_ROLES and graph.nodes[org]["kind"] == Node.ORGANISATION]


def _linked_works(graph: nx.MultiDiGraph, work: str, this: str) -> list[tuple[str, str, dict]]:
    """Return the actions and projects linked to `work` (either direction) or in its line
    of succession, with how they relate in words, one entry per other item."""
    found: dict[str, tuple[str, str, dict]] = {}
    for source, target, edge in [*graph.out_edges(work, data=True), *graph.in_edges(work, data=True)]:
        other = target if source == work else source
        if other == work or graph.nodes[other]["kind"] not in WORK_KINDS or other in found:
            continue
        pronoun = "die" if graph.nodes[other]["kind"] == Node.ACTION else "dat"
        if edge["kind"] == Edge.LINKS_TO:
            relation = i18n.text("suggest:linked", "which is linked to {this}", pronoun=pronoun,
                                 this=this)
        elif edge["kind"] == Edge.SUCCEEDS and source == work:
            relation = i18n.text("suggest:origin", "from which {this} comes", this=this)
        elif edge["kind"] == Edge.SUCCEEDS:
            relation = i18n.text("suggest:follows", "which follows {this}", pronoun=pronoun, this=this)
        else:
            continue
        found[other] = (other, relation, edge)
    return [found[key] for key in sorted(found, key=lambda n: (
        WORK_KINDS.index(graph.nodes[n]["kind"]), graph.nodes[n].get("number") or 0, n))]


def _work_for_them(people: list[str]) -> str:
    if len(people) == 1:
        return i18n.text("suggest:works_for", "{people} works for them", people=people[0])
    return i18n.text("suggest:work_for", "{people} work for them", people=join_nl(people))


def _combine(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the evidence without repeats, strongest first. People count once per
    organisation: the leaders together for 2 points, the others together for 1 (someone
    who leads is not counted again as a team member), however many there are."""
    leading = {i["via"]: i["person"] for i in items if i["kind"] == "person_lead"}
    leaders = list(dict.fromkeys(leading.values()))
    others = list(dict.fromkeys(i["person"] for i in items
                                if i["kind"] == "person_other" and i["via"] not in leading))
    kept: dict[str, dict[str, Any]] = {}
    for item in items:
        if item["kind"] == "person_lead" and leaders:
            item = {**item, "text": _work_for_them(leaders), "person": leaders}
        elif item["kind"] == "person_other":
            if not others:
                continue
            item = {**item, "text": _work_for_them(others), "person": others}
        kept.setdefault(item["text"], item)
    return sorted(kept.values(), key=lambda i: -i["points"])


def orphans_with_suggestions(graph: nx.MultiDiGraph, limit: int | None = 3) -> list[dict[str, Any]]:
    """Return analytics.orphans, each with its suggested owners (at most `limit` each).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("org:rg", kind="Organisation", name="regiogemeenten")
    >>> G.add_node("action:17", kind="Action", name="17. Studie", number=17, title="Studie")
    >>> _ = G.add_edge("org:rg", "action:17", kind="PARTNER")
    >>> [s["name"] for s in orphans_with_suggestions(G)[0]["suggestions"]]
    ['regiogemeenten']
    """
    context = _Context(graph)
    rows = orphans(graph)
    for row in rows:
        row["suggestions"] = suggested_owners(graph, row["id"], limit=limit, context=context)
        row["suggested"] = "; ".join(f"{s['name']} ({s['points']:g})" for s in row["suggestions"])
    return rows

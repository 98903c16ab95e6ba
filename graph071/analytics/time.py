"""The graph at one moment: `as_of(graph, when)` gives what held then, so every analytic
answers "as of" by running on that graph; plus the questions that span time (the history
of orphans, an organisation's roles per period, what changed between two moments).

A moment is a year, a month, a day (YYYY, YYYY-MM, YYYY-MM-DD: the state at its end) or a
document id (the state on the day that edition appeared); no moment is the latest state of
the corpus. The periods come from graph071.build.periods, written on the graph when it is
built, so a graph pulled from Neo4j answers the same.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any, Callable

import networkx as nx

from graph071 import i18n
from graph071.build.periods import CARRIED_KINDS, date_nl, is_date, last_day, status_at
from graph071.corpus.periods import status_rules
from graph071.errors import Graph071Error
from graph071.schema import EDGE_KINDS, Edge, Node, WORK_KINDS, label, role_edge_kinds

WHEN_HINT = ("error:time.when", "write a year (2014), a month (2019-06), a day (2019-06-30) or an edition id "
                                  "such as projectkaarten-2018")  # key and English text: said when raised


@dataclass(frozen=True)
class Moment:
    """The moment an answer is for: the day, what was asked, the documents in force then."""

    day: str  # ISO date
    asked: str  # as the user wrote it; "" for the latest state
    documents: tuple[str, ...]  # ids of the documents in force, oldest first
    labels: tuple[str, ...]  # their edition labels ("projectkaarten januari 2022")
    history: bool = False  # the answer spans every edition published by then

    @property
    def latest(self) -> bool:
        return not self.asked

    def text(self) -> str:
        """Return the moment as every answer states it: "Stand: projectkaarten januari 2022"
        (in the language in use; the edition labels are the corpus's own)."""
        from graph071.i18n import text

        newest, others = self.labels[-1], list(self.labels[:-1])
        also = text("moment:also", "; also in force: {labels}", labels=", ".join(others)) if others else ""
        if self.history:
            also = text("moment:history", "; with the earlier editions") + also
        if self.latest:
            return text("moment:latest", "As of: {newest} (latest state{also})", newest=newest, also=also)
        asked = date_nl(self.asked) if is_date(self.asked) else self.asked
        return text("moment:asked", "As of: {asked} ({newest}{also})", asked=asked, newest=newest, also=also)

    def as_dict(self) -> dict[str, Any]:
        return {"day": self.day, "asked": self.asked, "latest": self.latest,
                "documents": list(self.documents), "labels": list(self.labels), "history": self.history, "text": self.text()}


def documents(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the Document nodes with their periods, in the order they appeared."""
    found = [{"id": node, "document": data.get("document") or node.split(":", 1)[-1],
              "edition": str(data.get("edition") or ""),
              "valid_from": data.get("valid_from") or "0001-01-01",
              "valid_until": data.get("valid_until"),
              "label": data.get("edition_label") or data.get("name", node)}
             for node, data in graph.nodes(data=True) if data["kind"] == Node.DOCUMENT]
    return sorted(found, key=lambda d: (d["valid_from"], d["edition"], d["document"]))


def find_moment(graph: nx.MultiDiGraph, when: str | None = None) -> Moment:
    """Return the moment `when` names in this graph (None: the latest state of the corpus).

    Raises Graph071Error, with what to write, for a moment that is no date or edition, or
    one at which no document of the corpus holds.
    """
    docs = documents(graph)
    if not docs:
        raise Graph071Error(i18n.text("error:time.no_documents", "the graph has no documents, so no moment to answer for"))
    asked = (when or "").strip()
    by_id = {d["document"].lower(): d for d in docs}
    if not asked:
        day = max(d["valid_from"] for d in docs)
    elif asked.lower().removeprefix("doc:") in by_id:
        day = by_id[asked.lower().removeprefix("doc:")]["valid_from"]
    elif is_date(asked):
        day = last_day(asked)
    else:
        raise Graph071Error(i18n.text("error:time.no_moment", "--as-of {asked!r} is no moment", asked=asked),
                            hint=i18n.text(*WHEN_HINT))
    held = [d for d in docs if d["valid_from"] <= day and (d["valid_until"] is None
                                                           or day <= d["valid_until"])]
    if not held:
        newest = max(d["valid_from"] for d in docs)[:7]
        raise Graph071Error(i18n.text("error:time.none_holds", "no document of the corpus holds on {day}", day=day),
                            hint=i18n.text("error:time.none_holds.hint", "the corpus starts in {start}, its newest "
                                           "edition is of {newest}; {when}", start=docs[0]['valid_from'][:7],
                                           newest=newest, when=i18n.text(*WHEN_HINT)))
    return Moment(day, asked, tuple(d["document"] for d in held), tuple(d["label"] for d in held))


def holds(data: dict[str, Any], in_force: set[str]) -> bool:
    """Return whether a node or edge with the periods of graph071.build.periods holds when
    the documents `in_force` do (a fact without documents of its own, from a curated
    table, is left to the caller)."""
    return bool(set(data.get("seen_in") or ()) & in_force)


def as_of(graph: nx.MultiDiGraph, when: str | Moment | None = None,
          history: bool = False) -> nx.MultiDiGraph:
    """Return a copy of `graph` with only what held at moment `when` (None: the latest state);
    with `history`, everything the documents published by then said (for the questions
    that span editions: one project, one person, a lineage).

    A node or edge holds when a document that states it is in force then; a fact from a
    curated table (organisations.csv, projects.csv, corrections.csv) holds when what it
    points at does. Nodes get their status for that moment and their card timeline up to
    it; graph.graph["as_of"] says which moment (Moment.as_dict()).

    >>> G = nx.MultiDiGraph()
    >>> for doc, start, end in (("p", "2013-01-01", "2015-12-31"), ("k", "2018-10-01", None)):
    ...     G.add_node(f"doc:{doc}", kind="Document", document=doc, edition=start[:7],
    ...                valid_from=start, valid_until=end, seen_in=[doc])
    >>> G.add_node("action:17", kind="Action", name="17", seen_in=["p"])
    >>> G.add_node("project:s", kind="Project", name="S", seen_in=["k"])
    >>> sorted(as_of(G, "2014")), sorted(as_of(G))
    (['action:17', 'doc:p'], ['doc:k', 'project:s'])
    """
    moment = when if isinstance(when, Moment) else find_moment(graph, when)
    in_force = set(moment.documents)
    if history:
        moment = replace(moment, history=True)
        in_force = {d["document"] for d in documents(graph) if d["valid_from"] <= moment.day}
    present, edges = _what_holds(graph, in_force)
    view = nx.MultiDiGraph(**graph.graph)
    patterns = status_rules()  # the bundled statuses.csv (the graph does not know its folder)
    for node in graph:  # graph order, so every analytic sees the same order as on the whole
        if node in present:
            view.add_node(node, **_node_at(graph, node, moment, patterns))
    for source, target, key in _in_graph_order(graph, edges):
        view.add_edge(source, target, key=key, **graph.edges[source, target, key])
    view.graph["as_of"] = moment.as_dict()
    return view


def _what_holds(graph: nx.MultiDiGraph, in_force: set[str]) -> tuple[set[str], list[tuple]]:
    """Return the nodes and the edge keys that hold when the documents `in_force` do."""
    carried = {n for n, d in graph.nodes(data=True)
               if d["kind"] in CARRIED_KINDS or not d.get("seen_in")}
    present = {n for n, d in graph.nodes(data=True) if n not in carried and holds(d, in_force)}
    edges = [(s, t, k) for s, t, k, d in graph.edges(keys=True, data=True)
             if holds(d, in_force) and all(end in present or end in carried for end in (s, t))]
    present.update(end for s, t, _ in edges for end in (s, t))
    for source, target, key, data in graph.edges(keys=True, data=True):
        if not data.get("seen_in") and target in present:
            edges.append((source, target, key))  # a curated fact about what holds now
            present.add(source)
    return present, edges


def _in_graph_order(graph: nx.MultiDiGraph, edges: list[tuple]) -> list[tuple]:
    """Return `edges` in an order that gives every node of the view its out-edges and its
    in-edges in the order the whole graph has them (the analytics break ties by it: two
    partners on one line are listed as the document lists them)."""
    from graph071.neo4j.codec import insertion_order

    out_rank = {edge: rank for node in graph for rank, edge in enumerate(graph.out_edges(node, keys=True))}
    in_rank = {edge: rank for node in graph for rank, edge in enumerate(graph.in_edges(node, keys=True))}
    order = insertion_order([(s, t, out_rank[s, t, k], in_rank[s, t, k], i)
                             for i, (s, t, k) in enumerate(edges)])
    return [edges[i] for i in order]


def _node_at(graph: nx.MultiDiGraph, node: str, moment: Moment, patterns: list) -> dict[str, Any]:
    data = dict(graph.nodes[node])
    if data["kind"] == Node.DOCUMENT:
        return data
    # The status is that of the moment itself, also when the answer spans the history: an
    # action of 2013-2015 is "niet meer genoemd" in 2022, whatever was published before.
    data.update(status_at(graph, node, moment.day, set(moment.documents), patterns))
    editions = {str(graph.nodes[f"doc:{d}"].get("edition") or "") for d in moment.documents
                if f"doc:{d}" in graph}
    passed = {d["edition"] for d in documents(graph) if d["valid_from"] <= moment.day}
    if data.get("timeline"):  # "2018-10: lopend project": only the cards published by then
        data["timeline"] = [t for t in data["timeline"] if str(t).split(":", 1)[0] in passed]
    if data.get("editions"):
        data["editions"] = [e for e in data["editions"] if e in editions]
    return data


def find_at(view: nx.MultiDiGraph, whole: nx.MultiDiGraph, name: str,
            kinds: tuple[str, ...] = (Node.ORGANISATION,),
            finder: Callable[[nx.MultiDiGraph, str], str] | None = None) -> str:
    """Return the id of the node `name` names at the moment of `view` (see as_of), found
    by `finder` (default: graph071.analytics.roles.find_node among `kinds`).

    When it is not there but the whole history has it, NotFound says when it was first
    or last named and how to ask for that moment, rather than "no such name".
    """
    from graph071.analytics.roles import NotFound, find_node

    find = finder or (lambda graph, text: find_node(graph, text, kinds))
    try:
        return find(view, name)
    except NotFound as absent:
        try:
            node = find(whole, name)
        except NotFound as nowhere:  # its "did you mean" looks at every edition
            raise nowhere from absent
    raise not_named(view, whole, node, name)


def not_named(view: nx.MultiDiGraph, whole: nx.MultiDiGraph, node: str, name: str) -> Exception:
    """Return the NotFound to raise for `node` of the whole history, which the view of one
    moment (see as_of) does not have: not named yet then (first named later), or no more."""
    from graph071 import i18n
    from graph071.analytics.roles import NotFound

    data = whole.nodes[node]
    moment = _moment_words(view.graph.get("as_of", {"text": ""}))
    day = view.graph.get("as_of", {}).get("day", "")
    first = data.get("seen_in")[0] if data.get("seen_in") else ""
    first_doc = whole.nodes.get(f"doc:{first}", {})
    if first_doc and day and (first_doc.get("valid_from") or "") > day:
        label = first_doc.get("edition_label") or first
        return NotFound(i18n.text("moment:not-yet", "{name} is not named yet at this moment "
                                  "({moment}); first named in {label}", name=data["name"],
                                  moment=moment.split(" (")[0], label=label),
                        hint=i18n.text("moment:not-yet-hint", "ask for a later moment with "
                                       "--as-of {edition}", edition=first_doc.get("edition") or first))
    last = whole.nodes.get(f"doc:{data.get('last_document')}", {})
    return NotFound(i18n.text("error:time.not_named", "{name} is not named at this moment ({moment}); last seen in "
                              "{last}", name=data['name'], moment=moment,
                              last=last.get('edition_label') or data.get('last_seen')
                              or i18n.text("error:time.earlier", "an earlier edition")),
                    hint=i18n.text("error:time.not_named.hint", "ask for that moment with --as-of {when}, or see "
                                   "graph071 timeline {name!r}", when=data.get('last_seen') or 'YYYY', name=name))


# ---------------------------------------------------------------- across time

def periods_of(graph: nx.MultiDiGraph, data: dict[str, Any]) -> str:
    """Return the editions a node or edge was stated in, as readers name them."""
    labels = {d["document"]: d["label"] for d in documents(graph)}
    return ", ".join(labels.get(d, d) for d in data.get("seen_in") or []) or "doorlopend"


def orphans_with_periods(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the actions and projects without a trekker in `graph` (the whole history, or
    one moment of it: see as_of), each with its programme, period, the editions it was
    seen in, the last one, and its status (for the latest moment, or the graph's moment)."""
    from graph071.analytics.roles import orphans

    rows = []
    for row in orphans(graph):
        data = graph.nodes[row["id"]]
        last = graph.nodes.get(f"doc:{data.get('last_document')}", {})
        rows.append({**row, "programme": data.get("programme", ""),
                     "period": _span(data), "seen_in": periods_of(graph, data),
                     "last_edition": last.get("edition_label") or data.get("last_seen", ""),
                     "status": data.get("status", "") or row["status"],
                     "status_since": data.get("status_since", "")})
    return rows


def _span(data: dict[str, Any]) -> str:
    start, end = data.get("valid_from"), data.get("valid_until")
    if not start:
        return ""
    if end:
        return i18n.text("period:span", "{start} to {end}", start=start[:7], end=end[:7])
    return i18n.text("period:from", "from {start}", start=start[:7])


def timeline(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """Return the roles of an organisation, project or person per period, oldest first:
    per edition in force, which roles on (or by) whom, in words."""
    data = graph.nodes[node]
    docs = documents(graph)
    rows = []
    for doc in docs:
        roles: dict[str, list[str]] = defaultdict(list)
        for source, target, edge in [*graph.out_edges(node, data=True), *graph.in_edges(node, data=True)]:
            if doc["document"] not in (edge.get("seen_in") or []) or edge["kind"] not in _TIMELINE_KINDS:
                continue
            other = target if source == node else source
            label = _role_phrase(graph, edge["kind"], None if source == node else data["name"])
            name = _name_with_programme(graph, other)
            if name not in roles[label]:
                roles[label].append(name)
        if roles:
            rows.append({"document": doc["document"], "edition": doc["edition"], "label": doc["label"],
                         "period": _span({"valid_from": doc["valid_from"], "valid_until": doc["valid_until"]}),
                         "roles": [{"role": role, "count": len(names), "names": names}
                                   for role, names in roles.items()],
                         "text": "; ".join(f"{role} {_count(names)}" for role, names in roles.items())})
    return {"id": node, "name": data["name"], "kind": data["kind"], "status": data.get("status", ""),
            "status_since": data.get("status_since", ""), "periods": rows}


# The edges a timeline tells: roles, people's roles and successions, not "staat in".
_TIMELINE_KINDS = tuple(k for k, kind in EDGE_KINDS.items()
                        if kind.is_role or Node.PERSON in kind.sources or k in (Edge.SUCCEEDS, Edge.MEMBER_OF))


def _role_phrase(graph: nx.MultiDiGraph, kind: str, incoming_to: str | None) -> str:
    """Return a role as a timeline line starts: "trekker", or for the ones named on the
    node itself: "werkt mee aan Smart071", "heeft als partner"."""
    declared = EDGE_KINDS[kind]
    # The role nouns are data of the schema (Dutch); the catalogue's "role:<noun>" says them.
    role = i18n.text(f"role:{declared.role_nl}", declared.role_nl) if declared.role_nl else ""
    if incoming_to is None:
        return role or label(kind)
    return i18n.text("timeline:has_role", "has as {role}", role=role) if role else f"{label(kind)} {incoming_to}"


def _name_with_programme(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    if data["kind"] == Node.ACTION and data.get("programme"):
        return f"{label(Node.ACTION).lower()} {data['programme']}/{data.get('number')}"
    return str(data["name"])


def _count(names: list[str]) -> str:
    shown = ", ".join(names[:4]) + (f" en {len(names) - 4} meer" if len(names) > 4 else "")
    return f"({len(names)}): {shown}"


def moment_diff(graph: nx.MultiDiGraph, first: str, second: str) -> dict[str, Any]:
    """Return what changed from moment `first` to moment `second`: actions and projects that
    came and went, and the roles of organisations on them that came and went."""
    before, after = as_of(graph, first), as_of(graph, second)

    def works(g: nx.MultiDiGraph) -> dict[str, str]:
        return {n: _name_with_programme(g, n) for n, d in g.nodes(data=True) if d["kind"] in WORK_KINDS}

    def roles(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
        kinds = set(role_edge_kinds())
        return {(s, d["kind"], t) for s, t, d in g.edges(data=True)
                if d["kind"] in kinds and g.nodes[t]["kind"] in WORK_KINDS}

    old, new = works(before), works(after)
    old_roles, new_roles = roles(before), roles(after)

    def role_rows(items: set[tuple[str, str, str]]) -> list[dict[str, str]]:
        return sorted(({"organisation": graph.nodes[s]["name"], "role": EDGE_KINDS[k].role_nl,
                        "work": _name_with_programme(graph, t)} for s, k, t in items),
                      key=lambda r: (r["work"].lower(), r["organisation"].lower()))

    result = {"from": before.graph["as_of"], "to": after.graph["as_of"],
              "new": sorted(new[n] for n in set(new) - set(old)),
              "gone": sorted(old[n] for n in set(old) - set(new)),
              "roles_new": role_rows(new_roles - old_roles),
              "roles_gone": role_rows(old_roles - new_roles)}
    from graph071.i18n import text

    result["text"] = text("moment:diff", "From {first} to {second}: {new} actions and projects new, "
                          "{gone} no more; {roles_new} roles new, {roles_gone} no more.",
                          first=_moment_words(result["from"]), second=_moment_words(result["to"]),
                          new=len(result["new"]), gone=len(result["gone"]),
                          roles_new=len(result["roles_new"]), roles_gone=len(result["roles_gone"]))
    return result


def _moment_words(moment: dict[str, Any]) -> str:
    """Return a moment's text without its lead ("Stand: 2014 (...)" -> "2014 (...)")."""
    return moment["text"].split(": ", 1)[-1]


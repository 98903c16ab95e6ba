"""Which part of the graph a map shows: node kinds, one edition, one theme, one focus.

Pure functions over the graph: they return node ids or a subgraph and never draw.
Every kind is read from graph071.schema, so a kind declared tomorrow can be chosen
with --kind without a change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import NotFound, find_action, find_node, parse_action_ref
from graph071.errors import Graph071Error
from graph071.corpus.organisations import normalise
from graph071.schema import NODE_KINDS, Node, label

# Documents are provenance: every tooltip names its document and line, so the
# overview map leaves the document nodes (and their many "staat in" edges) out.
HIDDEN_BY_DEFAULT: tuple[str, ...] = (Node.DOCUMENT,)


@dataclass(frozen=True)
class View:
    """What the user asked the map to show; empty fields mean "everything"."""

    focus: str | None = None
    depth: int = 1
    theme: str | None = None
    kinds: tuple[str, ...] = ()
    edition: str | None = None

    def describe(self, graph: nx.MultiDiGraph) -> str:
        """Return the view in words for the map's subtitle, e.g. "thema 2 · focus: UvL"."""
        parts = []
        if self.kinds:
            parts.append("alleen " + ", ".join(NODE_KINDS[k].label_nl for k in self.kinds))
        if self.edition:
            parts.append(f"editie {self.edition}")
        if self.theme:
            parts.append(f"thema {self.theme}")
        if self.focus:
            parts.append(f"rond {self.focus} (diepte {self.depth})")
        return " · ".join(parts)


def parse_kinds(words: Iterable[str]) -> tuple[str, ...]:
    """Return the schema kinds that `words` name (English name or Dutch label, any case).

    >>> parse_kinds(["organisatie", "Action"])
    ('Organisation', 'Action')
    """
    by_word: dict[str, str] = {}
    for name, kind in NODE_KINDS.items():
        by_word[name.lower()] = name
        by_word[kind.label_nl.lower()] = name
    chosen: list[str] = []
    for word in words:
        name = by_word.get(word.strip().lower())
        if name is None:
            known = ", ".join(f"{n} ({k.label_nl})" for n, k in NODE_KINDS.items())
            raise Graph071Error(i18n.text("error:selection.kind", "unknown node kind {word!r}", word=word),
                                hint=i18n.text("error:choose_from", "choose from {choices}", choices=known))
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def select(graph: nx.MultiDiGraph, view: View) -> nx.MultiDiGraph:
    """Return the subgraph `view` asks for (a copy), or raise Graph071Error when it is empty."""
    kinds = set(view.kinds) if view.kinds else set(NODE_KINDS) - set(HIDDEN_BY_DEFAULT)
    keep = {n for n, d in graph.nodes(data=True) if d["kind"] in kinds}
    if view.edition:
        keep &= edition_nodes(graph, view.edition)
    if view.theme:
        keep &= theme_members(graph, theme_ids(graph, view.theme))
    if view.focus:
        centre = resolve_focus(graph, view.focus)
        if centre not in keep:
            kind = label(graph.nodes[centre]["kind"]).lower()
            raise Graph071Error(i18n.text("error:selection.off_map", "{name!r} ({kind}) is not on this map",
                                          name=graph.nodes[centre]['name'], kind=kind),
                                hint=i18n.text("error:selection.off_map.hint", "widen --kind, --theme or --edition to "
                                               "include it"))
        undirected = graph.subgraph(keep).to_undirected(as_view=True)
        keep = set(nx.single_source_shortest_path_length(undirected, centre, cutoff=view.depth))
    if not keep:
        raise Graph071Error(i18n.text("error:selection.nothing", "nothing left to draw with these options"),
                            hint=i18n.text("error:selection.nothing.hint", "leave out --kind, --theme or --edition to "
                                           "see more"))
    subgraph = nx.MultiDiGraph()
    subgraph.graph.update(graph.graph)
    subgraph.add_nodes_from((n, graph.nodes[n]) for n in sorted(keep))
    subgraph.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                            if u in keep and v in keep)
    return subgraph


def resolve_focus(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the id of the node `name` names: an organisation, action ("17" or "actie 17"),
    project, person or any other node by name or alias."""
    if name in graph:
        return name
    reference = parse_action_ref(name)  # "17", "actie 17" or "2013-2015/17"
    if reference:
        return find_action(graph, reference[1], reference[0])
    present = tuple(dict.fromkeys(d["kind"] for _, d in graph.nodes(data=True)))
    preferred = tuple(k for k in (Node.ORGANISATION, Node.ACTION, Node.PROJECT, Node.PERSON) if k in present)
    try:
        return find_node(graph, name,
                         kinds=preferred + tuple(k for k in present if k not in preferred))
    except NotFound as error:
        raise NotFound(i18n.text("error:selection.no_name", "nothing on the map is called {name!r}", name=name),
                       hint=error.hint) from None


def theme_ids(graph: nx.MultiDiGraph, theme: str) -> list[str]:
    """Return the Theme nodes `theme` names: by number (in every programme) or by name."""
    themes = [(n, d) for n, d in graph.nodes(data=True) if d["kind"] == Node.THEME]
    wanted = normalise(theme)
    found = [n for n, d in themes
             if str(d.get("number", "")) == theme.strip() or normalise(d["name"]) == wanted
             or n == theme]
    if not found:
        listing = "; ".join(theme_label(d) for _, d in sorted(themes, key=lambda t: t[0]))
        raise Graph071Error(i18n.text("error:balance.theme", "no theme {theme!r}", theme=theme),
                            hint=i18n.text("error:balance.themes", "themes: {themes}", themes=listing) if listing
                            else i18n.text("error:balance.no_themes", "this graph has no themes"))
    return sorted(found)


def theme_label(data: dict) -> str:
    """Return how a theme reads in lists: "2. Ondernemerschap & starters (2013-2015)"."""
    number = f"{data['number']}. " if data.get("number") is not None else ""
    programme = f" ({data['programme']})" if data.get("programme") else ""
    return f"{number}{data.get('name', '')}{programme}"


def theme_members(graph: nx.MultiDiGraph, themes: Iterable[str]) -> set[str]:
    """Return the themes, what falls under them, and who and what works on those.

    A neighbour that falls under another theme itself stays out, so a theme's map is
    that theme's work and its people, not half the programme.
    """
    themes = set(themes)
    members = set(themes)
    for theme in themes:
        members.update(source for source, _ in graph.in_edges(theme))
    works = members - themes
    for work in works:
        for neighbour in set(graph.successors(work)) | set(graph.predecessors(work)):
            data = graph.nodes[neighbour]
            if data["kind"] in (Node.THEME, Node.DOCUMENT):
                continue
            if _themes_of(graph, neighbour) - themes:
                continue
            members.add(neighbour)
    return members


def _themes_of(graph: nx.MultiDiGraph, node: str) -> set[str]:
    return {t for t in graph.successors(node) if graph.nodes[t]["kind"] == Node.THEME}


def edition_documents(graph: nx.MultiDiGraph, edition: str) -> set[str]:
    """Return the ids of the documents of `edition` (an edition date prefix such as "2018"
    or "2019-06", or a document id)."""
    wanted = edition.strip().lower()
    documents = {d.get("document", n): d for n, d in graph.nodes(data=True)
                 if d["kind"] == Node.DOCUMENT}
    found = {doc for doc, d in documents.items()
             if str(d.get("edition", "")).lower().startswith(wanted) or doc.lower() == wanted}
    if not found:
        listing = ", ".join(sorted(f"{d.get('edition', '?')} ({doc})" for doc, d in documents.items()))
        raise Graph071Error(i18n.text("error:selection.edition", "no edition {edition!r}", edition=edition),
                            hint=i18n.text("error:selection.editions", "editions: {editions}", editions=listing))
    return found


def edition_nodes(graph: nx.MultiDiGraph, edition: str) -> set[str]:
    """Return the nodes an edition's documents speak of: what they describe, and both ends
    of every edge whose source quote comes from them."""
    documents = edition_documents(graph, edition)
    wanted = edition.strip().lower()
    nodes = {n for n, d in graph.nodes(data=True)
             if d.get("document") in documents
             or any(str(e).lower().startswith(wanted) for e in d.get("editions") or [])}
    for source, target, data in graph.edges(data=True):
        if data.get("document") in documents:
            nodes.update((source, target))
    return nodes

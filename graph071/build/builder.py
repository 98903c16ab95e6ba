"""The graph builder: loader records -> one networkx MultiDiGraph, with names resolved.

Node ids are "<kind prefix>:<stable key>" (graph071.schema.node_id), so the same
corpus gives the same ids on every run. Organisation names are resolved here,
through the curated table; a name that matches nothing still becomes a node
(flagged `resolved: False`) so no name is ever dropped. Imported by the pipeline
(graph071.build.pipeline), by the corrections step and by `graph071 add`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.build.reading import Missing
from graph071.corpus.anchors import anchored_lines, split_anchor
from graph071.corpus.manifest import ORGANISATIONS, Document, DocumentEntry
from graph071.corpus.organisations import Organisation, OrganisationTable, slug
from graph071.errors import InputError, SchemaError
from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, ParseWarning, PersonName, Ref
from graph071.schema import (ALSO_IN_KEY, EDGE_KINDS, NODE_KINDS, Edge, Node, node_id,
                             stating_documents)


@dataclass
class Mention:
    """Where an unresolved name was written."""

    document: str
    line: int


@dataclass
class Build:
    """A built graph with what `graph071 check` reports about it."""

    graph: nx.MultiDiGraph
    data_dir: Path
    organisations: OrganisationTable
    documents: list[DocumentEntry]
    warnings: list[ParseWarning] = field(default_factory=list)
    unresolved: dict[str, list[Mention]] = field(default_factory=dict)
    missing: list[Missing] = field(default_factory=list)  # documents that could not be read


def assemble(results: list[LoadResult], table: OrganisationTable,
             documents: dict[str, Document], data_dir: Path) -> Build:
    """Return a Build from loader results: add nodes, resolve names, add edges."""
    graph = nx.MultiDiGraph()
    result = Build(graph, data_dir, table, [d.entry for d in documents.values()])
    for document in documents.values():
        entry = document.entry
        graph.add_node(node_id(Node.DOCUMENT, entry.id), kind=Node.DOCUMENT, name=entry.title,
                       document=entry.id, edition=entry.edition, doc_kind=entry.kind,
                       file=entry.file, publisher=entry.publisher, line=1,
                       quote=document.quote(1))
    builder = GraphBuilder(graph, table, result)
    for loaded in results:
        result.warnings.extend(loaded.warnings)
        for node in loaded.nodes:
            builder.add_node(node)
    for loaded in results:
        for edge in loaded.edges:
            builder.add_edge(edge)
    builder.add_memberships(documents)
    return result


class GraphBuilder:
    """Adds records to a graph: nodes merged by id, names resolved, edges checked
    against the schema."""

    def __init__(self, graph: nx.MultiDiGraph, table: OrganisationTable, result: Build) -> None:
        self.graph = graph
        self.table = table
        self.result = result

    def add_node(self, record: NodeRecord) -> str:
        if record.kind not in NODE_KINDS:
            raise SchemaError(record.source.document, i18n.text(
                "error:builder.node_kind", "node kind {kind!r} is not declared", kind=record.kind),
                              line=record.source.line, hint=i18n.text(
                                  "error:builder.known_kinds", "known kinds: {kinds} (graph071/schema.py)",
                                  kinds=', '.join(NODE_KINDS)))
        identifier = node_id(record.kind, record.key)
        attrs: dict[str, Any] = {"kind": record.kind, "name": record.name,
                                 **record.source.as_props(), **record.props}
        if identifier not in self.graph:
            self.graph.add_node(identifier, **attrs)
            return identifier
        # The same node from another document (a project in a later edition): keep the
        # first scalar values, concatenate lists.
        current = self.graph.nodes[identifier]
        if record.source.document not in stating_documents(current):
            current[ALSO_IN_KEY] = [*current.get(ALSO_IN_KEY, []), record.source.document]
        for key, value in attrs.items():
            if isinstance(value, list):
                current[key] = list(current.get(key) or []) + [v for v in value
                                                               if v not in (current.get(key) or [])]
            elif current.get(key) in (None, "", []):
                current[key] = value
        return identifier

    def organisation_node(self, text: str, document: str, line: int) -> str:
        org = self.table.resolve(text)
        if org is None:
            base = _strip_qualifier(text)
            org = self.table.resolve(base) if base != text else None
        if org is not None:
            identifier = self._ensure_organisation(org)
        else:
            identifier = node_id(Node.ORGANISATION, slug(text))
            if identifier not in self.graph:
                self.graph.add_node(identifier, kind=Node.ORGANISATION, name=text, sector="onbekend",
                                    helix="overig", is_group=False, resolved=False,
                                    aliases=[], document=document, line=line, quote=text)
            self.result.unresolved.setdefault(text, []).append(Mention(document, line))
        aliases = self.graph.nodes[identifier]["aliases"]
        if text not in aliases:
            aliases.append(text)
        return identifier

    def _ensure_organisation(self, org: Organisation) -> str:
        identifier = node_id(Node.ORGANISATION, org.key)
        if identifier not in self.graph:
            self.graph.add_node(identifier, kind=Node.ORGANISATION, name=org.name, sector=org.sector,
                                helix=org.helix, is_group=org.is_group, resolved=True,
                                aliases=[], note=org.note, document="organisations.csv",
                                line=0, quote=org.name)
        return identifier

    def resolve_ref(self, ref: Ref, edge: EdgeRecord) -> str:
        if isinstance(ref, OrgName):
            return self.organisation_node(ref.text, edge.source.document, edge.source.line)
        if isinstance(ref, PersonName):
            identifier = node_id(Node.PERSON, slug(ref.text))
            if identifier not in self.graph:
                self.graph.add_node(identifier, kind=Node.PERSON, name=ref.text,
                                    organisation=ref.organisation or "",
                                    **edge.source.as_props())
            return identifier
        return ref

    def add_edge(self, edge: EdgeRecord) -> None:
        kind = EDGE_KINDS.get(edge.kind)
        if kind is None:
            raise SchemaError(edge.source.document, i18n.text(
                "error:builder.edge_kind", "edge kind {kind!r} is not declared", kind=edge.kind),
                              line=edge.source.line, hint=i18n.text(
                                  "error:builder.known_kinds", "known kinds: {kinds} (graph071/schema.py)",
                                  kinds=', '.join(EDGE_KINDS)))
        source = self.resolve_ref(edge.source_ref, edge)
        target = self.resolve_ref(edge.target_ref, edge)
        for end, allowed in ((source, kind.sources), (target, kind.targets)):
            if end not in self.graph:
                self.result.warnings.append(ParseWarning(
                    edge.source.document, edge.source.line, i18n.said(
                        "warning:builder.dangling", "{kind} refers to {end!r}, which is not in the graph; edge left out",
                        kind=edge.kind, end=end)))
                return
            if self.graph.nodes[end]["kind"] not in allowed:
                found = self.graph.nodes[end]
                raise SchemaError(
                    edge.source.document, i18n.text(
                        "error:builder.cannot_join", "{kind} ({label}) cannot join {found_kind} {name!r}",
                        kind=edge.kind, label=kind.label_nl, found_kind=found['kind'],
                        name=found.get('name', end)), line=edge.source.line,
                    hint=i18n.text("error:builder.cannot_join.hint",
                                   "it joins {sources} to {targets}; check the name in that row",
                                   sources=i18n.text("error:or", " or ").join(kind.sources),
                                   targets=i18n.text("error:or", " or ").join(kind.targets)))
        attrs = {"kind": edge.kind, "role": edge.role, **edge.source.as_props(), **edge.props}
        existing = self.graph.get_edge_data(source, target) or {}
        same = [key for key, data in existing.items() if data["kind"] == edge.kind]
        repeated = next((key for key in same if existing[key].get("role") == edge.role), None)
        if repeated is not None:
            # The same fact again: a name listed twice in one cell, or a later edition that
            # says the same. One edge per fact (roles count once), which keeps every
            # document that states it, so each edition's card still names it.
            stated = existing[repeated]
            document = edge.source.document
            if document not in stating_documents(stated):
                stated[ALSO_IN_KEY] = [*stated.get(ALSO_IN_KEY, []), document]
            return
        key = edge.kind if not same else f"{edge.kind}#{len(same) + 1}"
        self.graph.add_edge(source, target, key=key, **attrs)

    def add_memberships(self, documents: dict[str, Document]) -> None:
        """Add MEMBER_OF edges for groups whose members a loaded document makes clear."""
        for org in self.table.organisations:
            if not org.members or not org.members_source:
                continue
            document_id, where = split_anchor(org.members_source)
            document = documents.get(document_id)
            if document is None:
                continue
            # A list standing in for the document has no text to find the passage in: the
            # members are linked as before, without a quote.
            span = anchored_lines(document, where) if document.lines else (0, 0)
            if span is None:  # a re-wrapped or new edition: said, never dropped unseen
                self.result.warnings.append(ParseWarning(
                    "organisations.csv", 0, i18n.said(
                        "warning:builder.members_source", "{name}: members_source {where!r} is not in {document}; "
                        "the members are not linked (fix members_source)", name=org.name, where=where,
                        document=document_id)))
                continue
            first, last = span
            quote = document.quote(first, last) if first else ""
            group = self._ensure_organisation(org)
            for member_name in org.members:
                member = self.table.by_name.get(member_name)
                if member is None:
                    raise InputError(self.result.data_dir / ORGANISATIONS, i18n.text(
                        "error:builder.member", "{name}: member {member!r} is not a name in the table",
                        name=org.name, member=member_name))
                self.graph.add_edge(self._ensure_organisation(member), group, key=Edge.MEMBER_OF,
                                    kind=Edge.MEMBER_OF, role="lid van", document=document_id,
                                    line=first, quote=quote)


def _strip_qualifier(text: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", text).strip()




def _strip_qualifier(text: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", text).strip()

"""Graph building: records from the loaders -> one networkx MultiDiGraph.

Node ids are "<kind prefix>:<stable key>" (graph071.schema.node_id), so the same
corpus gives the same ids on every run. Organisation names are resolved here,
through the curated table; a name that matches nothing still becomes a node
(flagged `resolved: False`) so no name is ever dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx

from graph071 import loaders
from graph071.build.completeness import completeness, lineage_warnings, read_checked
from graph071.build.reading import Missing, read_all
from graph071.corpus.anchors import anchored_lines, split_anchor
from graph071.corpus.corrections import apply_corrections, corrections_in
from graph071.corpus.manifest import (ORGANISATIONS, Document, DocumentEntry, bundled_data_dir,
                     read_manifest)
from graph071.errors import InputError
from graph071.corpus.projects import ProjectTable
from graph071.corpus.organisations import Organisation, OrganisationTable, slug
from graph071.records import EdgeRecord, LoadResult, NodeRecord, OrgName, ParseWarning, PersonName, Ref
from graph071.schema import EDGE_KINDS, Edge, NODE_KINDS, Node, node_id


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


def build(data_dir: Path | None = None) -> Build:
    """Return the graph of every document in the corpus at `data_dir` (default: bundled)."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    entries = read_manifest(data_dir)
    table = OrganisationTable.load(data_dir / ORGANISATIONS)
    context = loaders.ParseContext(is_known_organisation=lambda text: table.resolve(text) is not None)
    results, documents, missing = read_all(data_dir, entries, context)
    if missing and not documents:
        raise missing[0].error  # nothing to show: the one-line error of the first document
    built = assemble(results, table, documents, data_dir)
    note_missing(built, missing)
    built.warnings.extend(completeness(results, entries, read_checked(data_dir)))
    built.warnings.extend(lineage_warnings(built.graph, ProjectTable.for_corpus(data_dir)))
    for path in corrections_in(data_dir):  # the coordination group's corrections come last
        apply_corrections(built, path)
    return built


def note_missing(built: Build, missing: list[Missing]) -> None:
    """Record the documents that could not be read: on the Build, the graph and in check."""
    built.missing = [replace(m, error=None) for m in missing]  # a Build is pickled; errors are not
    built.warnings[:0] = [m.as_warning() for m in missing]
    if missing:
        built.graph.graph["missing_documents"] = [
            {"document": m.document, "file": m.file, "reason": m.reason, "loader": m.loader}
            for m in missing]


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
    builder = _Builder(graph, table, result)
    for loaded in results:
        result.warnings.extend(loaded.warnings)
        for node in loaded.nodes:
            builder.add_node(node)
    for loaded in results:
        for edge in loaded.edges:
            builder.add_edge(edge)
    builder.add_memberships(documents)
    return result


class _Builder:
    def __init__(self, graph: nx.MultiDiGraph, table: OrganisationTable, result: Build) -> None:
        self.graph = graph
        self.table = table
        self.result = result

    def add_node(self, record: NodeRecord) -> str:
        if record.kind not in NODE_KINDS:
            raise ValueError(f"node kind {record.kind!r} is not declared in graph071.schema")
        identifier = node_id(record.kind, record.key)
        attrs: dict[str, Any] = {"kind": record.kind, "name": record.name,
                                 **record.source.as_props(), **record.props}
        if identifier not in self.graph:
            self.graph.add_node(identifier, **attrs)
            return identifier
        # The same node from another document (a project in a later edition): keep the
        # first scalar values, concatenate lists.
        current = self.graph.nodes[identifier]
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
            raise ValueError(f"edge kind {edge.kind!r} is not declared in graph071.schema")
        source = self.resolve_ref(edge.source_ref, edge)
        target = self.resolve_ref(edge.target_ref, edge)
        for end, allowed in ((source, kind.sources), (target, kind.targets)):
            if end not in self.graph:
                self.result.warnings.append(ParseWarning(
                    edge.source.document, edge.source.line,
                    f"{edge.kind} refers to {end!r}, which is not in the graph; edge left out"))
                return
            if self.graph.nodes[end]["kind"] not in allowed:
                raise ValueError(f"{edge.kind} may not join a {self.graph.nodes[end]['kind']}")
        attrs = {"kind": edge.kind, "role": edge.role, **edge.source.as_props(), **edge.props}
        existing = self.graph.get_edge_data(source, target) or {}
        same = [key for key, data in existing.items() if data["kind"] == edge.kind]
        if same and any(existing[key].get("role") == edge.role for key in same):
            return  # the same fact twice (e.g. a name listed twice in one cell)
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
                    "organisations.csv", 0, f"{org.name}: members_source {where!r} is not in "
                    f"{document_id}; the members are not linked (fix members_source)"))
                continue
            first, last = span
            quote = document.quote(first, last) if first else ""
            group = self._ensure_organisation(org)
            for member_name in org.members:
                member = self.table.by_name.get(member_name)
                if member is None:
                    raise InputError(self.result.data_dir / ORGANISATIONS,
                                     f"{org.name}: member {member_name!r} is not a name in the table")
                self.graph.add_edge(self._ensure_organisation(member), group, key=Edge.MEMBER_OF,
                                    kind=Edge.MEMBER_OF, role="lid van", document=document_id,
                                    line=first, quote=quote)


def _strip_qualifier(text: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", text).strip()


def group_by_kind(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Return node ids grouped by kind, in id order."""
    kinds: dict[str, list[str]] = defaultdict(list)
    for identifier, data in sorted(graph.nodes(data=True)):
        kinds[data["kind"]].append(identifier)
    return dict(kinds)

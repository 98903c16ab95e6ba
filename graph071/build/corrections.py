"""Applying corrections (read by graph071.corpus.corrections) to a built graph, as the last
step of the pipeline. Names resolve exactly as for the documents, through the graph builder.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import NotFound, find_node
from graph071.build.builder import Build, GraphBuilder
from graph071.corpus.corrections import Correction
from graph071.i18n import Said
from graph071.records import EdgeRecord, ParseWarning
from graph071.schema import Edge, Node, node_id


def apply_corrections(build: Build, corrections: list[Correction]) -> list[Correction]:
    """Apply `corrections` to `build.graph` in order; return the ones that changed something.

    Corrections that match nothing, or are no longer needed, become warnings in
    `build.warnings` (shown by `graph071 check`).
    """
    applier = _Applier(build)
    return [c for c in corrections if applier.apply(c)]


class _Applier:
    """Applies one correction at a time; a correction that matches nothing is a warning."""

    def __init__(self, build: Build) -> None:
        # The builder resolves names exactly as for the documents (organisations.csv,
        # unresolved names listed by check).
        self.build = build
        self.graph: nx.MultiDiGraph = build.graph
        self.builder = GraphBuilder(build.graph, build.organisations, build)

    def apply(self, correction: Correction) -> bool:
        method = getattr(self, f"_{correction.kind}")
        message = method(correction)
        if message:
            self.build.warnings.append(ParseWarning(
                correction.document, correction.row.number,
                i18n.said("warning:corrections.correction", "correction {kind} ({subject!r}): {message}",
                          kind=correction.kind, subject=correction.subject, message=message)))
            return False
        return True

    # ------------------------------------------------------------ the five corrections

    def _add_role(self, c: Correction) -> str | Said:
        work, missing = self._work(c.subject)
        if work is None:
            return missing
        org = self._organisation_for(c, c.organisations[0])
        existing = self._edges(org, work, c.role)
        if existing:
            return i18n.said("warning:corrections.has_role",
                             "no longer needed: {organisation} is already {role} of {work} ({where})",
                             organisation=self._name(org), role=c.role.lower(), work=self._name(work),
                             where=self._where(existing[0]))
        self._add_edge(c, c.role, org, c.organisations[0], work)
        self._note(work, c, i18n.text("note:corrections.added", "{role} {organisation} added",
                                      role=c.role.lower(), organisation=self._name(org)))
        return ""

    def _remove_role(self, c: Correction) -> str | Said:
        work, missing = self._work(c.subject)
        if work is None:
            return missing
        org, missing = self._existing_organisation(c.organisations[0])
        if org is None:
            return missing
        existing = self._edges(org, work, c.role)
        if not existing:
            return i18n.said("warning:corrections.no_role", "matches nothing: {organisation} is not {role} of {work}",
                             organisation=self._name(org), role=c.role.lower(), work=self._name(work))
        for key, data in existing:
            self.graph.remove_edge(org, work, key=key)
        where = ", ".join(self._where(edge) for edge in existing)
        self._note(work, c, i18n.text("note:corrections.removed", "{role} {organisation} removed (was in {where})",
                                      role=c.role.lower(), organisation=self._name(org), where=where))
        return ""

    def _set_trekker(self, c: Correction) -> str | Said:
        work, missing = self._work(c.subject)
        if work is None:
            return missing
        wanted = {self._organisation_for(c, name): name for name in c.organisations}
        current = [(source, key, data) for source, _, key, data
                   in self.graph.in_edges(work, keys=True, data=True) if data["kind"] == Edge.TREKKER]
        if {source for source, _, _ in current} == set(wanted):
            where = ", ".join(self._where((key, data)) for _, key, data in current)
            return i18n.said("warning:corrections.is_trekker",
                             "no longer needed: the trekker of {work} is already so ({where})",
                             work=self._name(work), where=where)
        for source, key, data in current:
            self.graph.remove_edge(source, work, key=key)
        before = ", ".join(f"{self._name(s)} ({self._where((k, d))})" for s, k, d in current)
        before = before or i18n.text("note:corrections.none", "none ({text})", text=self.graph.nodes[work].get(
            'trekker_text') or i18n.text("note:corrections.empty", "empty"))
        for org, name in wanted.items():
            self._add_edge(c, Edge.TREKKER, org, name, work)
        if "trekker_text" in self.graph.nodes[work]:
            self.graph.nodes[work]["trekker_text"] = "; ".join(c.organisations)
        self._note(work, c, i18n.text("note:corrections.trekker_set", "trekker set to {trekkers}; was {before}",
                                      trekkers=', '.join(self._name(o) for o in wanted), before=before))
        return ""

    def _rename(self, c: Correction) -> str | Said:
        node, missing = self._existing_organisation(c.subject)
        if node is None:
            node, _ = self._node_of(c.subject, (Node.PROJECT,))
        if node is None:
            return missing
        data = self.graph.nodes[node]
        if data["name"] == c.new_name:
            return i18n.said("warning:corrections.named", "no longer needed: {subject!r} is already called {name!r}",
                             subject=c.subject, name=c.new_name)
        holder = self._name_holder(node, c.new_name)
        if holder is not None:
            return i18n.said("warning:corrections.name_taken",
                             "refused: {name!r} is already the name of {holder} ({id}); two organisations may "
                             "not share a name; if they are one, write a merge correction instead",
                             name=c.new_name, holder=self._name(holder), id=holder)
        old = data["name"]
        data["name"] = c.new_name
        names_key = "aliases" if data["kind"] == Node.ORGANISATION else "names"
        names = list(data.get(names_key) or [])
        data[names_key] = names + [n for n in (old,) if n not in names]
        self._note(node, c, i18n.text("note:corrections.renamed", "renamed from {old!r} to {new!r}",
                                      old=old, new=c.new_name))
        return ""

    def _merge(self, c: Correction) -> str | Said:
        gone, missing = self._existing_organisation(c.subject)
        if gone is None:
            return missing
        kept = self._organisation_for(c, c.organisations[0])
        if kept == gone:
            return i18n.said("warning:corrections.one_already",
                             "no longer needed: {subject!r} and {other!r} are already one organisation",
                             subject=c.subject, other=c.organisations[0])
        gone_data = self.graph.nodes[gone]
        moved = 0
        edges = [(s, t, k, d) for s, t, k, d in self.graph.in_edges(gone, keys=True, data=True)]
        edges += [(s, t, k, d) for s, t, k, d in self.graph.out_edges(gone, keys=True, data=True)]
        for source, target, _, data in edges:
            source = kept if source == gone else source
            target = kept if target == gone else target
            if source == target or self._edges(source, target, data["kind"]):
                continue  # a group merged into a member, or the kept one has the fact already
            same = [k for k, d in (self.graph.get_edge_data(source, target) or {}).items()
                    if d["kind"] == data["kind"]]
            key = data["kind"] if not same else f"{data['kind']}#{len(same) + 1}"
            self.graph.add_edge(source, target, key=key,
                                **{**data, **c.marks(), "merged_from": gone_data["name"]})
            moved += 1
        kept_data = self.graph.nodes[kept]
        aliases = list(kept_data.get("aliases") or [])
        for alias in (gone_data["name"], *(gone_data.get("aliases") or [])):
            if alias not in aliases:
                aliases.append(alias)
            self.build.unresolved.pop(alias, None)  # now known, through this correction
        kept_data["aliases"] = aliases
        self.graph.remove_node(gone)
        self._note(kept, c, i18n.text("note:corrections.merged",
                                      "{gone!r} merged into {kept!r} ({moved} roles and links moved)",
                                      gone=gone_data['name'], kept=kept_data['name'], moved=moved))
        return ""

    # ------------------------------------------------------------ review decisions

    def _accept(self, c: Correction) -> str:
        # A decision on the review queue: the prose reader (graph071.loaders.prose) makes
        # the fact it stands for and `graph071 review` no longer asks; the graph is not touched.
        return ""

    def _reject(self, c: Correction) -> str:
        return self._accept(c)

    # ------------------------------------------------------------ finding things

    def _work(self, text: str) -> tuple[str | None, str | Said]:
        """Return (id of the action or project `text` names, or None, and why not)."""
        match = re.fullmatch(r"(?:actie|action)?\s*(?:(\d{4}-\d{4})/)?(\d+)\.?", text.strip(),
                             re.IGNORECASE)
        if match:
            programme, number = match.group(1), int(match.group(2))
            found = sorted(node for node, data in self.graph.nodes(data=True)
                           if data["kind"] == Node.ACTION and data.get("number") == number
                           and (programme is None or data.get("programme") == programme))
            if len(found) == 1:
                return found[0], ""
            if found:
                options = i18n.text("error:or", " or ").join(repr(n.split(":", 1)[1]) for n in found)
                return None, i18n.said("warning:corrections.ambiguous", "matches more than one action: write {options}",
                                       options=options)
            return None, i18n.said("warning:corrections.no_action",
                                   "matches nothing: there is no action {action!r} in the graph", action=text.strip())
        return self._node_of(text, (Node.PROJECT,))

    def _name_holder(self, node: str, name: str) -> str | None:
        """Return another node of the kind of `node` that is called (or resolves as) `name`."""
        from graph071.corpus.organisations import normalise

        kind = self.graph.nodes[node]["kind"]
        if kind == Node.ORGANISATION:
            other, _ = self._existing_organisation(name)
            if other is not None and other != node:
                return other
        wanted = normalise(name)
        return next((other for other, data in self.graph.nodes(data=True)
                     if other != node and data["kind"] == kind
                     and normalise(str(data.get("name", ""))) == wanted), None)

    def _node_of(self, text: str, kinds: tuple[str, ...]) -> tuple[str | None, str | Said]:
        try:
            return find_node(self.graph, text, kinds), ""
        except NotFound as error:
            return None, i18n.said("warning:corrections.nothing", "matches nothing: {error}", error=str(error))

    def _existing_organisation(self, text: str) -> tuple[str | None, str | Said]:
        org = self.build.organisations.resolve(text)
        if org is not None:
            identifier = node_id(Node.ORGANISATION, org.key)
            if identifier in self.graph:
                return identifier, ""
        return self._node_of(text, (Node.ORGANISATION,))

    def _organisation_for(self, c: Correction, text: str) -> str:
        """Return the organisation node `text` names, creating it as the documents would."""
        found, _ = self._existing_organisation(text)
        return found or self.builder.organisation_node(text, c.document, c.row.number)

    def _edges(self, source: str, target: str, kind: str) -> list[tuple[Any, dict[str, Any]]]:
        data = self.graph.get_edge_data(source, target) or {}
        return [(key, attrs) for key, attrs in data.items() if attrs["kind"] == kind]

    # ------------------------------------------------------------ writing

    def _add_edge(self, c: Correction, kind: str, organisation: str, as_written: str,
                  work: str) -> None:
        role = c.row.get("role") or "trekker"
        self.builder.add_edge(EdgeRecord(kind, organisation, work, c.source(), role=role,
                                         props={"name_as_written": as_written, **c.marks()}))

    def _note(self, node: str, c: Correction, what: str) -> None:
        data = self.graph.nodes[node]
        data.update(c.marks())
        data["corrections"] = list(data.get("corrections") or []) + [
            i18n.text("note:corrections.note", "{date}: {what}; reason: {reason} ({where})", date=c.date,
                      what=what, reason=c.reason, where=f"{c.document}:{c.row.number}")]

    def _name(self, node: str) -> str:
        return self.graph.nodes[node]["name"]

    @staticmethod
    def _where(edge: tuple[Any, dict[str, Any]]) -> str:
        _, data = edge
        return f"{data.get('document')}:{data.get('line')}"

"""What changed between two editions of the projectkaarten: projects that are new, gone
(and what became of them), changed status or name, and organisations or people that
joined or left a project, each from the cards themselves.

Pure functions: a graph in, plain data out. An edition is what each card of one
document says: its APPEARS_IN edge holds the card's categorie and the name as written;
its roles are the edges read from that document (cards and lists alike), together with
the coordination group's corrections, which hold for every edition. A role lives only as
an edge, so a correction shows here as everywhere else.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.analytics.roles import NotFound, join_nl
from graph071.errors import Graph071Error
from graph071.corpus.corrections import is_correction_fact
from graph071.corpus.organisations import normalise
from graph071.schema import EDGE_KINDS, Edge, Node, role_edge_kinds, stating_documents

# The roles a reader wants compared: the organisations' roles, the commissioning party
# and the projectleider. Team members and quotes change with every card and say little.
COMPARED_ROLES = (*role_edge_kinds(), Edge.OPDRACHTGEVER, Edge.PROJECTLEIDER, Edge.BESTUURLIJK_TREKKER)


@dataclass(frozen=True)
class Edition:
    """One document of project cards: its id, edition as written in the manifest, title."""

    document: str
    edition: str
    title: str

    def label(self) -> str:
        """Return the edition as users read it: "2019-06 (projectoverzicht-2019)"."""
        return f"{self.edition} ({self.document})"


@dataclass
class Card:
    """What one edition says about one project."""

    project: str
    categorie: str
    name_as_written: str
    line: int | None
    # role kind -> {node id: name}
    roles: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))


def project_card_editions(graph: nx.MultiDiGraph) -> list[Edition]:
    """Return the documents that hold project cards (or a list of projects), oldest first.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:k18", kind="Document", name="Kaarten", document="k18", edition="2018-10")
    >>> G.add_node("project:p", kind="Project", name="P")
    >>> _ = G.add_edge("project:p", "doc:k18", kind="APPEARS_IN")
    >>> [e.label() for e in project_card_editions(G)]
    ['2018-10 (k18)']
    """
    documents = {t for _, t, d in graph.edges(data=True) if d["kind"] == Edge.APPEARS_IN}
    editions = [Edition(graph.nodes[d].get("document") or d.split(":", 1)[-1],
                        str(graph.nodes[d].get("edition") or ""), graph.nodes[d].get("name", ""))
                for d in documents]
    return sorted(editions, key=lambda e: (e.edition, e.document))


def find_edition(graph: nx.MultiDiGraph, text: str) -> Edition:
    """Return the edition of project cards `text` names: an edition as written in the
    manifest ("2019-06"), a year when only one edition falls in it ("2019"), or a
    document id ("projectoverzicht-2019").

    Raises NotFound that lists the editions (and the nearest one) when nothing matches.
    """
    wanted = text.strip().lower().removeprefix("doc:")
    editions = project_card_editions(graph)
    listing = ", ".join(e.label() for e in editions) or i18n.text("error:none", "none")
    for matches in ([e for e in editions if e.document.lower() == wanted],
                    [e for e in editions if e.edition.lower() == wanted],
                    [e for e in editions if e.edition.lower().startswith(wanted)]):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NotFound(i18n.text("error:diff.ambiguous", "{text!r} names more than one edition of the "
                                     "projectkaarten", text=text),
                           hint=i18n.text("error:use_one_of", "use one of {choices}",
                                          choices=', '.join(e.document for e in matches)))
    others = [d for _, d in graph.nodes(data=True) if d["kind"] == Node.DOCUMENT
              and wanted in (str(d.get("document", "")).lower(), str(d.get("edition", "")).lower())]
    if others:
        other = others[0]
        raise NotFound(i18n.text("error:diff.no_cards", "{document} ({edition}) holds no project cards",
                                 document=other.get('document'), edition=other.get('edition')),
                       hint=i18n.text("error:diff.no_cards.hint", "diff compares editions of the projectkaarten: "
                                      "{editions}", editions=listing))
    nearest = difflib.get_close_matches(wanted, [e.edition for e in editions] +
                                        [e.document for e in editions], n=1, cutoff=0.5)
    hint = i18n.text("error:diff.editions", "editions of the projectkaarten: {editions}", editions=listing)
    if nearest:
        hint = i18n.text("error:did_you_mean_one", "did you mean {name!r}?", name=nearest[0]) + " " + hint
    raise NotFound(i18n.text("error:diff.no_edition", "no edition {text!r}", text=text), hint=hint)


def cards_of(graph: nx.MultiDiGraph, edition: Edition) -> dict[str, Card]:
    """Return what edition `edition` says about each project on it, by project id: its
    categorie, name as written and the roles of the edges read from that edition (and
    the corrections' roles, which hold for every edition)."""
    document_node = f"doc:{edition.document}"
    cards: dict[str, Card] = {}
    for project, _, data in graph.in_edges(document_node, data=True):
        if data["kind"] != Edge.APPEARS_IN or project in cards:
            continue
        cards[project] = Card(project, data.get("categorie") or "",
                              data.get("name_as_written") or "", data.get("line"))
        for source, _, role in graph.in_edges(project, data=True):
            if role["kind"] in COMPARED_ROLES and (edition.document in stating_documents(role)
                                                   or is_correction_fact(role)):
                cards[project].roles[role["kind"]][source] = graph.nodes[source]["name"]
    return cards


def _editions_of(graph: nx.MultiDiGraph, project: str) -> list[str]:
    return sorted({str(d.get("edition") or graph.nodes[t].get("edition") or "")
                   for _, t, d in graph.out_edges(project, data=True) if d["kind"] == Edge.APPEARS_IN})


def _successions(graph: nx.MultiDiGraph, project: str, older: bool) -> list[dict[str, Any]]:
    """Return what `project` continues (older=True) or what continues it, with the cue."""
    edges = graph.out_edges(project, data=True) if older else graph.in_edges(project, data=True)
    found = []
    for source, target, data in edges:
        if data["kind"] != Edge.SUCCEEDS:
            continue
        other = target if older else source
        found.append({"id": other, "name": graph.nodes[other]["name"],
                      "kind": graph.nodes[other]["kind"], "explicit": bool(data.get("explicit")),
                      "cue": data.get("cue") or data.get("role") or "",
                      "edition": str(data.get("edition") or ""), "document": data.get("document"),
                      "line": data.get("line"), "quote": data.get("quote", "")})
    return sorted(found, key=lambda f: (not f["explicit"], f["edition"], f["name"]))


def _row(graph: nx.MultiDiGraph, project: str, **extra: Any) -> dict[str, Any]:
    return {"id": project, "name": graph.nodes[project]["name"], **extra}


def edition_diff(graph: nx.MultiDiGraph, first: str, second: str) -> dict[str, Any]:
    """Return what changed from edition `first` to edition `second` (as find_edition reads
    them): projects new, gone, with another status, name or roles, the successions the
    newer edition states, and a summary sentence.

    >>> G = nx.MultiDiGraph()
    >>> for doc, ed in (("k18", "2018-10"), ("k19", "2019-06")):
    ...     G.add_node(f"doc:{doc}", kind="Document", name=doc, document=doc, edition=ed)
    >>> G.add_node("org:l", kind="Organisation", name="gemeente Leiden", aliases=["Leiden"])
    >>> for p in ("project:a", "project:b"): G.add_node(p, kind="Project", name=p[8:].upper())
    >>> _ = G.add_edge("project:a", "doc:k18", kind="APPEARS_IN", categorie="nieuw project",
    ...                name_as_written="A", edition="2018-10")
    >>> _ = G.add_edge("project:a", "doc:k19", kind="APPEARS_IN", categorie="lopend project",
    ...                name_as_written="A", edition="2019-06")
    >>> _ = G.add_edge("org:l", "project:a", kind="TREKKER", document="k19", line=4)
    >>> _ = G.add_edge("project:b", "doc:k18", kind="APPEARS_IN", categorie="afgerond project",
    ...                name_as_written="B", edition="2018-10")
    >>> result = edition_diff(G, "2018", "2019-06")
    >>> result["text"]
    'Van 2018-10 (k18) naar 2019-06 (k19): 0 nieuw, 1 verdwenen, 1 met een andere status, 0 met een andere naam, 1 met andere trekkers, partners of mensen; 0 ongewijzigd.'
    >>> result["roles_changed"][0]["text"]
    'A: nieuw als trekker: gemeente Leiden'
    """
    old, new = find_edition(graph, first), find_edition(graph, second)
    if old == new:
        raise Graph071Error(i18n.text("error:diff.same", "{first!r} and {second!r} are the same edition ({label})",
                                      first=first, second=second, label=old.label()),
                            hint=i18n.text("error:diff.same.hint", "name two different editions, e.g. 2018-10 2019-06"))
    before, after = cards_of(graph, old), cards_of(graph, new)
    result: dict[str, Any] = {"from": vars(old), "to": vars(new),
                              "new": _new_projects(graph, before, after, old),
                              "gone": _gone_projects(graph, before, after, new),
                              "status_changed": [], "renamed": [], "roles_changed": [],
                              "successions": _stated_successions(graph, new), "unchanged": 0}
    for project in sorted(set(before) & set(after), key=lambda p: _order(graph, p)):
        result["unchanged"] += not _changes(graph, before[project], after[project], result)
    changed_roles = len({r["id"] for r in result["roles_changed"]})
    result["counts"] = {"new": len(result["new"]), "gone": len(result["gone"]),
                        "status_changed": len(result["status_changed"]),
                        "renamed": len(result["renamed"]), "roles_changed": changed_roles,
                        "unchanged": result["unchanged"], "in_both": len(set(before) & set(after))}
    counts = result["counts"]
    result["text"] = (
        (i18n.text("diff:newer_first", "Note: the first edition is the newer one. ")
         if old.edition > new.edition else "")
        + i18n.text("diff:headline", "From {old} to {new}: {new_count} new, {gone} gone, {status} with "
                    "another status, {renamed} with another name, {roles} with other trekkers, "
                    "partners or people; {unchanged} unchanged.", old=old.label(), new=new.label(),
                    new_count=counts["new"], gone=counts["gone"], status=counts["status_changed"],
                    renamed=counts["renamed"], roles=changed_roles, unchanged=counts["unchanged"]))
    return result


def _order(graph: nx.MultiDiGraph, project: str) -> str:
    return graph.nodes[project]["name"].lower()


def _new_projects(graph: nx.MultiDiGraph, before: dict[str, Card], after: dict[str, Card],
                  old: Edition) -> list[dict[str, Any]]:
    rows = []
    for project in sorted(set(after) - set(before), key=lambda p: _order(graph, p)):
        earlier = [e for e in _editions_of(graph, project) if e < old.edition]
        came_from = _successions(graph, project, older=True)
        derived = i18n.text("diff:derived_note", ", derived")
        notes = [i18n.text("diff:follows", "follows {name} ({cue}{derived})", name=s["name"],
                           cue=s["cue"], derived="" if s["explicit"] else derived)
                 for s in came_from]
        if earlier:
            notes.append(i18n.text("diff:earlier", "was on the card before in {editions}",
                                   editions=join_nl(earlier)))
        rows.append(_row(graph, project, categorie=after[project].categorie,
                         name_as_written=after[project].name_as_written,
                         line=after[project].line, note="; ".join(notes)))
    return rows


def _gone_projects(graph: nx.MultiDiGraph, before: dict[str, Card], after: dict[str, Card],
                   new: Edition) -> list[dict[str, Any]]:
    rows = []
    for project in sorted(set(before) - set(after), key=lambda p: _order(graph, p)):
        later = [e for e in _editions_of(graph, project) if e > new.edition]
        went_to = _successions(graph, project, older=False)
        notes = [i18n.text("diff:continues", "continues as {name} ({cue}, {edition})",
                           name=s["name"], cue=s["cue"], edition=s["edition"]) for s in went_to]
        if later:
            notes.append(i18n.text("diff:again", "is on the card again in {editions}",
                                   editions=join_nl(later)))
        if not notes:
            notes.append(i18n.text("diff:off_card", "no longer on the card; last status: {categorie}",
                                   categorie=before[project].categorie
                                   or i18n.text("lineage:no_categorie", "without categorie")))
        rows.append(_row(graph, project, categorie=before[project].categorie,
                         line=before[project].line, note="; ".join(notes)))
    return rows


def _changes(graph: nx.MultiDiGraph, a: Card, b: Card, result: dict[str, Any]) -> bool:
    """Add what changed between two cards of one project to `result`; return whether any."""
    project = a.project
    changed = False
    if normalise(a.categorie) != normalise(b.categorie):
        result["status_changed"].append(_row(graph, project, before=a.categorie or "—",
                                             after=b.categorie or "—", line=b.line))
        changed = True
    if normalise(a.name_as_written) != normalise(b.name_as_written):
        result["renamed"].append(_row(graph, project, before=a.name_as_written,
                                      after=b.name_as_written, line=b.line))
        changed = True
    for change in _role_changes(a, b):
        change["text"] = f"{graph.nodes[project]['name']}: {change['text']}"
        result["roles_changed"].append(_row(graph, project, line=b.line, **change))
        changed = True
    return changed


def _stated_successions(graph: nx.MultiDiGraph, new: Edition) -> list[dict[str, Any]]:
    found = []
    for newer, older, data in graph.edges(data=True):
        if data["kind"] == Edge.SUCCEEDS and data.get("document") == new.document:
            found.append({
                "newer": newer, "newer_name": graph.nodes[newer]["name"], "older": older,
                "older_name": graph.nodes[older]["name"], "explicit": bool(data.get("explicit")),
                "cue": data.get("cue") or data.get("role") or "", "line": data.get("line"),
                "quote": data.get("quote", ""), "reason": data.get("reason", "")})
    return sorted(found, key=lambda s: (s["line"] or 0, s["newer_name"]))


def _role_changes(a: Card, b: Card) -> list[dict[str, Any]]:
    """Return per role kind who joined and who left between cards `a` and `b`."""
    changes = []
    for kind in COMPARED_ROLES:
        old, new = a.roles.get(kind, {}), b.roles.get(kind, {})
        added = sorted((new[k] for k in set(new) - set(old)), key=str.lower)
        removed = sorted((old[k] for k in set(old) - set(new)), key=str.lower)
        if not added and not removed:
            continue
        dutch = EDGE_KINDS[kind].role_nl or EDGE_KINDS[kind].label_nl.removeprefix("is ").removesuffix(
            " van")
        noun = i18n.text(f"role:{dutch}", dutch)
        # "Not named any more" rather than "left": a shorter card may just not list them.
        parts = ([i18n.text("diff:added_as", "new as {noun}: {names}", noun=noun,
                            names=join_nl(added))] if added else []) + (
            [i18n.text("diff:removed_as", "no longer mentioned as {noun}: {names}", noun=noun,
                       names=join_nl(removed))] if removed else [])
        changes.append({"role": kind, "role_label": noun, "added": added, "removed": removed,
                        "text": "; ".join(parts)})
    return changes

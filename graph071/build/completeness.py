"""Completeness checks after reading: what a card or action should have, and did not give.

Run on what each loader read (its records, before the graph joins the editions of a
project), they find what a reader may have lost without noticing:

* a project card without trekker, without projectleider or without categorie, and an
  action without trekker or categorie (a card or action from which no role at all was
  read is the strongest sign of a lost layout);
* a card title that looks like page furniture (a page number, a running header, the
  document's own title or publisher);
* an edition with fewer cards or actions, or far fewer roles per card, than the previous
  edition of the same series (same document kind);
* an origin in projects.csv (grew_out_of) whose action no longer has the title the table
  names for it (grew_out_of_titles): a renumbered edition would re-point the lineage.

A finding that a maintainer has checked against the document is listed in
checked.csv of the corpus (document, check, subject, reason; read with the corpus,
graph071.corpus.reader.read_checked); it stays visible in `check` as
"info" with that reason, so `check --strict` fails only on new findings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from graph071 import i18n
from graph071.corpus.manifest import DocumentEntry
from graph071.corpus.projects import ProjectTable
from graph071.i18n import Said
from graph071.records import LoadResult, ParseWarning
from graph071.schema import Edge, Node, node_id

TREKKERS = (Edge.TREKKER, Edge.BESTUURLIJK_TREKKER)
NOT_ROLES = (Edge.APPEARS_IN, Edge.DESCRIBED_IN, Edge.LINKS_TO, Edge.SUCCEEDS, Edge.QUOTED)
# Fewer than this share of the previous edition's roles per card is "far fewer".
FAR_FEWER = 0.5
FURNITURE = re.compile(r"(?i)^(?:[-–]?\s*\d{1,4}\s*[-–]?|(?:pagina|page|blz\.?)\s*\d+.*|.*\bwww\.|"
                       r".*@.*\.\w+|.*\s\|\s.*|\d{1,2}[-/]\d{1,2}[-/]\d{2,4})$")


@dataclass(frozen=True)
class Finding:
    """One completeness finding: which check, on what, in which document and where."""

    document: str
    line: int
    check: str  # trekker, projectleider, categorie, no_roles, furniture, fewer, fewer_roles
    subject: str  # the card's or action's title; for an edition the counts ("8 van 10")
    message: str | Said


@dataclass(frozen=True)
class Item:
    """A card or an action as the graph has it, with the roles read from its document."""

    document: str
    line: int
    title: str
    kind: str  # Node.PROJECT (a card) or Node.ACTION
    categorie: str
    roles: dict[str, int]  # edge kind -> how many
    trekker_text: str = ""  # what the document writes as trekker ("onbekend")


def completeness(results: list[LoadResult], documents: list[DocumentEntry],
                 checked: dict[tuple[str, str, str], str] | None = None) -> list[ParseWarning]:
    """Return the completeness findings of the loader results as check warnings; the ones
    a maintainer checked (data/checked.csv) as "info" with the reason."""
    checked = checked or {}
    warnings = []
    for finding in findings(results, documents):
        reason = (checked.get((finding.document, finding.check, finding.subject))
                  or checked.get((finding.document, finding.check, "*")))
        if reason:
            warnings.append(ParseWarning(finding.document, finding.line, i18n.said(
                "warning:completeness.checked", "{message} (checked: ‘{reason}’)", message=finding.message,
                reason=reason), "info"))
        else:
            warnings.append(ParseWarning(finding.document, finding.line, finding.message))
    return warnings


def findings(results: list[LoadResult], documents: list[DocumentEntry]) -> list[Finding]:
    """Return every completeness finding, document by document."""
    items = {result.document: items_of(result) for result in results}
    found: list[Finding] = []
    entries = {entry.id: entry for entry in documents}
    for document, its_items in items.items():
        for item in its_items:
            found.extend(_item_findings(item, entries.get(document), its_items))
    found.extend(_edition_findings(items, documents))
    return found


def items_of(result: LoadResult) -> list[Item]:
    """Return the cards (APPEARS_IN) and actions one loader read, with the roles it read
    for each: counted on the loader's records, before the graph joins editions."""
    roles: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for edge in result.edges:
        if isinstance(edge.target_ref, str) and edge.kind not in NOT_ROLES:
            roles[edge.target_ref][edge.kind] += 1
    items: list[Item] = []
    for edge in result.edges:
        if edge.kind == Edge.APPEARS_IN and isinstance(edge.source_ref, str):
            items.append(Item(result.document, edge.source.line,
                              edge.props.get("name_as_written") or edge.source_ref,
                              Node.PROJECT, edge.props.get("categorie") or "",
                              dict(roles.get(edge.source_ref, {}))))
    for node in result.nodes:
        if node.kind == Node.ACTION:
            title = f"actie {node.props.get('number', '?')} {node.props.get('title') or node.name}"
            items.append(Item(result.document, node.source.line, title, Node.ACTION,
                              str(node.props.get("categorie") or ""),
                              dict(roles.get(node_id(Node.ACTION, node.key), {})),
                              node.props.get("trekker_text") or ""))
    return items


def _item_findings(item: Item, entry: DocumentEntry | None, others: list[Item]) -> list[Finding]:
    # A card is named by its title; an action's title already starts "actie 17" (checked.csv's subject).
    name = (i18n.said("warning:completeness.card", "card {title!r}", title=item.title)
            if item.kind == Node.PROJECT else item.title)
    found: list[Finding] = []

    def add(check: str, message: Said) -> None:
        found.append(Finding(item.document, item.line, check, item.title, message))

    says = (i18n.said("warning:completeness.says", " (the document says: {text!r})", text=item.trekker_text)
            if item.trekker_text else "")
    if not item.roles:
        add("no_roles", i18n.said("warning:completeness.no_roles", "{name}: not one role was read (trekker, "
                                  "partner, projectleider){says}; has a label or the layout changed?",
                                  name=name, says=says))
    elif not any(item.roles.get(kind) for kind in TREKKERS):
        add("trekker", i18n.said("warning:completeness.no_trekker", "{name}: no trekker read{says}",
                                 name=name, says=says))
    if item.kind == Node.PROJECT and item.roles and not item.roles.get(Edge.PROJECTLEIDER):
        add("projectleider", i18n.said("warning:completeness.no_projectleider", "{name}: no projectleider read",
                                       name=name))
    same_kind = [other for other in others if other.kind == item.kind]
    if not item.categorie and sum(bool(o.categorie) for o in same_kind) * 2 >= len(same_kind):
        add("categorie", i18n.said("warning:completeness.no_categorie",
                                   "{name}: no categorie read (most others have one)", name=name))
    if item.kind == Node.PROJECT and _looks_like_furniture(item.title, entry):
        add("furniture", i18n.said("warning:completeness.furniture", "{name}: the title looks like a page header, "
                                   "footer or page number; was a page heading read as a card?", name=name))
    return found


def _looks_like_furniture(title: str, entry: DocumentEntry | None) -> bool:
    """Return True for a title that reads like a running header, footer or page number.

    >>> _looks_like_furniture("12", None), _looks_like_furniture("Economie071 | 2024", None)
    (True, True)
    >>> _looks_like_furniture("Stagepact071", None)
    False
    """
    text = title.strip()
    own = {entry.title.strip().lower(), entry.publisher.strip().lower()} - {""} if entry else set()
    return (not text or bool(FURNITURE.match(text)) or text.lower() in own
            or (text.isupper() and len(text.split()) >= 3))


def _edition_findings(items: dict[str, list[Item]], documents: list[DocumentEntry]) -> list[Finding]:
    """Return where an edition has fewer cards or actions, or far fewer roles per card,
    than the previous edition of the same kind."""
    found: list[Finding] = []
    series: dict[str, list[DocumentEntry]] = defaultdict(list)
    for entry in documents:
        if items.get(entry.id):
            series[entry.kind].append(entry)
    for editions in series.values():
        editions.sort(key=lambda e: e.edition)
        for previous, current in zip(editions, editions[1:]):
            before, now = items[previous.id], items[current.id]
            if len(now) < len(before):
                found.append(Finding(current.id, 0, "fewer", f"{len(now)} van {len(before)}",
                                     i18n.said("warning:completeness.fewer", "{document}: {now} cards/actions, "
                                               "the previous edition ({previous}) had {before}; which are missing?",
                                               document=current.id, now=len(now), previous=previous.id,
                                               before=len(before))))
            per_before = sum(sum(i.roles.values()) for i in before) / len(before)
            per_now = sum(sum(i.roles.values()) for i in now) / len(now)
            if per_now < per_before * FAR_FEWER:
                found.append(Finding(current.id, 0, "fewer_roles", f"{per_now:.1f} van {per_before:.1f}",
                                     i18n.said("warning:completeness.fewer_roles", "{document}: {now:.1f} roles "
                                               "per card/action, the previous edition ({previous}) {before:.1f}; "
                                               "has a label changed?", document=current.id, now=per_now,
                                               previous=previous.id, before=per_before)))
    return found


def lineage_warnings(graph: nx.MultiDiGraph, table: ProjectTable) -> list[ParseWarning]:
    """Return a warning for every inferred origin in projects.csv whose action or project
    no longer has the title the table names (a renumbered edition re-pointing a lineage).

    `table` is the corpus's ProjectTable; a row without grew_out_of_titles is not checked.
    """
    from rapidfuzz import fuzz

    warnings: list[ParseWarning] = []
    for project in table.projects:
        for ref, title in zip(project.grew_out_of, project.grew_out_of_titles):
            node = graph.nodes.get(ref)
            if node is None:
                continue  # the builder already says the edge was left out
            actual = str(node.get("title") or node.get("name") or "")
            if fuzz.token_set_ratio(actual.casefold(), title.casefold()) < SAME_TITLE:
                warnings.append(ParseWarning("projects.csv", 0, i18n.said(
                    "warning:completeness.lineage", "{project}: grew_out_of {ref} should be {title!r}, but that "
                    "is now {actual!r}; renumbered? fix grew_out_of in projects.csv", project=project.name,
                    ref=ref, title=title, actual=actual)))
    return warnings


# How alike (0-100, rapidfuzz token set ratio) a title must be to the one projects.csv names.
SAME_TITLE = 85

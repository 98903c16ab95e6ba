"""The review queue of a corpus: every uncertain reading in one list, minus what was decided.

The queue holds, per document: the new organisations and people a text proposes
and the relations it states without enough certainty (graph071.loaders.prose),
the same for the running prose of the project cards, the names of any document
that matched no organisation, and the loaders' warnings (`graph071 check`: a card
label or a card the reader does not know), to acknowledge once. `decide_item` writes a
decision (graph071.loaders.prose.review says where); the workbook functions carry
the queue to Excel and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph071 import i18n
from graph071.build.cache import cached_build
from graph071.corpus.manifest import ORGANISATIONS, bundled_data_dir, read_document, read_manifest
from graph071.corpus.organisations import OrganisationTable
from graph071.errors import InputError
from graph071.loaders.prose.lexicon import Entity
from graph071.loaders.prose.loader import reader_for
from graph071.loaders.prose.review import (DECISION_WORDS, Decision, ReviewItem, corpus_corrections,
                                           decide, decided_by_role, decided_in, decision_key,
                                           item_id, items_of, read_decisions)
from graph071.schema import Edge, Node

SHEET = "review"
WORKBOOK_COLUMNS = ("id", "soort", "document", "regel", "naam", "citaat", "voorstel", "dichtstbij",
                    "beslissing", "organisatie", "reden")
TEXT_LOADER = "text"
# Loaders whose warnings are about names and labels a maintainer decides on (the monitor's
# arithmetic warnings stay in `graph071 check`).
READERS_OF_NAMES = ("project_cards", TEXT_LOADER)


@dataclass(frozen=True)
class WorkbookRow:
    """A filled-in row of the review workbook."""

    row: int
    id: str
    decision: str
    organisation: str
    reason: str


def people_of(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return the people the graph knows, name -> node id."""
    return {data["name"]: node for node, data in graph.nodes(data=True)
            if data.get("kind") == Node.PERSON}


def review_queue(data_dir: Path | None = None, *, include_decided: bool = False) -> list[ReviewItem]:
    """Return the review items of the corpus at `data_dir`, without the decided ones."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    built = cached_build(data_dir)
    reader = reader_for(data_dir, people_of(built.graph))
    items: list[ReviewItem] = []
    for entry in read_manifest(data_dir):
        cards = card_ranges(built.graph, entry.id)
        if entry.loader != TEXT_LOADER and not cards:
            continue
        document = read_document(data_dir, entry)
        if entry.loader == TEXT_LOADER:
            reading = reader.read_lines(document.lines, file=entry.file, title=entry.title,
                                        date=entry.edition, document_id=entry.id)
            items.extend(items_of(reading, entry.id))
        for first, last, project in cards:
            reading = reader.read_lines(document.lines[first - 1:last], first_line=first,
                                        document_id=entry.id, context=lambda _l, p=project: p)
            items.extend(items_of(reading, entry.id, relations_only=True))
    items.extend(_unresolved_items(built))
    items.extend(_warning_items(built, data_dir))
    unique = {item.id: item for item in reversed(items)}
    items = [item for item in items if unique.get(item.id) is item]
    return items if include_decided else open_items(items, data_dir)


def open_items(items: list[ReviewItem], data_dir: Path) -> list[ReviewItem]:
    """Return the items no decision covers: not in review.csv by id, nor in corrections.csv
    by their words (an accept, reject or add_role row), nor about a name rejected there."""
    logged = read_decisions(data_dir)
    corrections = corpus_corrections(data_dir)
    kept = decided_in(corrections)
    return [item for item in items if item.id not in logged
            and decision_key(item.kind, item.subject) not in kept
            and not decided_by_role(item, corrections) and not _about_rejected(item, logged, kept)]


def _about_rejected(item: ReviewItem, logged: dict[str, Decision], kept: dict[str, str]) -> bool:
    """Return whether a relation item has an end that was rejected as a name (not asked again)."""
    if item.kind != "relation":
        return False
    for end in (end for end in item.subject.split("|")[::2] if end):
        decision = logged.get(item_id(item.document, "organisation", end))
        if (decision is not None and decision.decision == "reject") \
                or kept.get(decision_key("organisation", end)) == "reject":
            return True
    return False


def card_ranges(graph: nx.MultiDiGraph, document_id: str) -> list[tuple[int, int, Entity]]:
    """Return (first line, last line, project) of each project card of a document in the graph."""
    ranges = []
    for source, _, data in graph.edges(data=True):
        if data.get("kind") == Edge.APPEARS_IN and data.get("document") == document_id \
                and data.get("first_line"):
            node = graph.nodes[source]
            ranges.append((data["first_line"], data["last_line"],
                           Entity(node["kind"], source, node["name"])))
    return sorted(ranges, key=lambda r: r[0])


def _unresolved_items(built) -> list[ReviewItem]:
    items = []
    for name, mentions in sorted(built.unresolved.items()):
        first = mentions[0]
        closest = built.organisations.suggest(name)
        items.append(ReviewItem(item_id(first.document, "unresolved", name), "unresolved",
                                first.document, first.line, name, name,
                                f"alias {closest[0]}" if closest else "accept", closest))
    return items


def _warning_items(built, data_dir: Path) -> list[ReviewItem]:
    """Return a loader's warnings (a card label it does not know, a card not in projects.csv)
    as items to acknowledge: a decision on one is kept in review.csv, so it is not asked again."""
    entries = {entry.id: entry for entry in built.documents}
    lines: dict[str, list[str]] = {}
    items = []
    for warning in built.warnings:
        if warning.level != "warning" or warning.document not in entries \
                or entries[warning.document].loader not in READERS_OF_NAMES:
            continue
        if warning.document not in lines:
            lines[warning.document] = read_document(data_dir, entries[warning.document]).lines
        text = lines[warning.document]
        quote = text[warning.line - 1].strip() if 0 < warning.line <= len(text) else ""
        # The id from the English text: the same item whichever language the reviewer reads.
        items.append(ReviewItem(item_id(warning.document, "warning", i18n.english(warning.said)), "warning",
                                warning.document, warning.line, warning.message, quote, "reject"))
    return items


def find_item(data_dir: Path | None, identifier: str) -> ReviewItem:
    """Return the open review item `identifier`, or raise one readable InputError."""
    for item in review_queue(data_dir, include_decided=True):
        if item.id == identifier:
            return item
    raise InputError(identifier, i18n.text("error:review.no_item", "no review item with this id"),
                     hint=i18n.text("error:review.no_item.hint", "`graph071 review` lists the open items and their ids"))


def decide_item(data_dir: Path | None, identifier: str, decision: str, *, organisation: str = "",
                reason: str = "") -> Decision:
    """Return the decision on item `identifier` after writing it into the corpus."""
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    return _decide(data_dir, find_item(data_dir, identifier), decision, organisation, reason)


def _decide(data_dir: Path, item: ReviewItem, decision: str, organisation: str,
            reason: str) -> Decision:
    table = OrganisationTable.load(data_dir / ORGANISATIONS)
    known = table.resolve(organisation) if organisation else None
    return decide(data_dir, item, decision, organisation=known.name if known else organisation,
                  reason=reason, known_organisations=set(table.by_name))


def write_workbook(items: list[ReviewItem], path: Path) -> Path:
    """Return `path` after writing the queue as a workbook with an empty decision column."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(WORKBOOK_COLUMNS))
    for item in items:
        sheet.append([item.id, item.kind, item.document, item.line, item.subject, item.quote,
                      item.suggestion, "; ".join(item.closest), "", "", ""])
    for column, width in zip("ABCDEFGHIJK", (12, 12, 24, 7, 40, 80, 30, 40, 12, 30, 30)):
        sheet.column_dimensions[column].width = width
    book.save(path)
    return Path(path)


def read_workbook(path: Path) -> list[WorkbookRow]:
    """Return the rows of a filled-in review workbook that have a decision."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as error:
        raise InputError(path, i18n.text("error:review.workbook", "cannot read the workbook: {why}", why=error),
                         hint=i18n.text("error:review.workbook.hint",
                                        "give the .xlsx file `graph071 review --xlsx` wrote")) from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.active
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(c or "").strip().lower() for c in rows[0]] if rows else []
    missing = [c for c in ("id", "beslissing") if c not in header]
    if missing:
        raise InputError(path, i18n.text("error:review.column", "column {column!r} is missing", column=missing[0]),
                         line=1, hint=i18n.text("error:review.column.hint", "the header must hold {columns}",
                                                columns=', '.join(WORKBOOK_COLUMNS)))
    found = []
    for number, values in enumerate(rows[1:], start=2):
        cells = {h: str(v).strip() if v is not None else "" for h, v in zip(header, values)}
        if cells.get("beslissing"):
            found.append(WorkbookRow(number, cells["id"], cells["beslissing"],
                                     cells.get("organisatie", ""), cells.get("reden", "")))
    return found


def apply_workbook(data_dir: Path | None, path: Path) -> list[Decision]:
    """Return the decisions of a filled-in workbook after writing each of them.

    Every row is checked first; a workbook with one bad row writes nothing.
    """
    data_dir = Path(data_dir) if data_dir else bundled_data_dir()
    rows = read_workbook(path)
    items = {item.id: item for item in review_queue(data_dir, include_decided=True)}
    table = OrganisationTable.load(data_dir / ORGANISATIONS)
    planned = []
    for row in rows:
        words = row.decision.split(None, 1)
        decision = DECISION_WORDS.get(words[0].lower(), "")
        organisation = row.organisation or (words[1] if len(words) > 1 else "")
        if row.id not in items:
            raise InputError(path, i18n.text("error:review.unknown_id", "no review item {id!r}", id=row.id),
                             line=row.row, hint=i18n.text("error:review.unknown_id.hint",
                                                          "use the workbook `graph071 review --xlsx` wrote"))
        if not decision:
            raise InputError(path, i18n.text("error:review.decision", "beslissing {decision!r} is not accept, reject or "
                                             "alias", decision=row.decision), line=row.row,
                             hint=i18n.text("error:review.decision.hint",
                                            "write accept, reject or alias (and the organisation)"))
        if decision == "alias" and table.resolve(organisation) is None:
            raise InputError(path, i18n.text("error:review.organisation", "organisatie {organisation!r} is not in "
                                             "organisations.csv", organisation=organisation), line=row.row,
                             hint=i18n.text("error:review.organisation.hint",
                                            "write the organisation's name as the table has it"))
        planned.append((items[row.id], decision, organisation, row.reason))
    return [_decide(data_dir, *plan) for plan in planned]

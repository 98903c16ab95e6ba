"""The review queue's items and decisions: what a reader was unsure of, and what the coordination group decided.

An item has a stable id (from the document, its kind and its words, not its line),
so re-reading a document gives the same ids and a decided item is never asked
again. Decisions are written where the next build carries them:

* accept a proposed organisation: a new row in organisations.csv (note: reason, date);
* alias ID ORGANISATION: the name (and its acronym) becomes an alias of that row;
* accept a partner or trekker relation on a project: an add_role row in corrections.csv;
* accept anything else (a person, another relation, a warning): an accept row in
  corrections.csv; reject anything: a reject row there. Both are keyed on the item's
  kind and words (`decision_key`), not on its document, so they hold when review.csv is
  gone or the same text is added again under another id;
* every decision is also a row of review.csv (id, decision, reason, date, quote): the
  log of who decided what, per document.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path

from graph071 import i18n
from graph071.corpus.corrections import (DECISION_KINDS, Correction, corrections_in,
                                         read_corrections)
from graph071.corpus.manifest import ORGANISATIONS
from graph071.corpus.reader import REVIEW, read_review
from graph071.errors import InputError
from graph071.loaders.prose.reading import Reading, StatedRelation
from graph071.schema import Node

DECISIONS = REVIEW
DECISION_COLUMNS = ("id", "decision", "kind", "document", "subject", "organisation", "written_to",
                    "reason", "date", "quote")
DECISION_WORDS = {"accept": "accept", "accepteren": "accept", "ja": "accept", "yes": "accept",
                  "reject": "reject", "afwijzen": "reject", "nee": "reject", "no": "reject",
                  "alias": "alias"}
CORRECTIONS = "corrections.csv"
_ROLES_CORRECTIONS_TAKE = {"partner": "partner", "trekker": "trekker"}
_CORRECTION_HEADER = ("correction", "subject", "role", "organisation", "new_name", "reason", "date")


@dataclass
class ReviewItem:
    """Something uncertain, with its quote and a suggested decision."""

    id: str
    kind: str  # organisation, person, relation, unresolved
    document: str
    line: int
    subject: str  # the name, or "subject|predicate|object" for a relation
    quote: str
    suggestion: str  # accept, reject or "alias <organisation>"
    closest: list[str] = field(default_factory=list)
    alias: str = ""  # an acronym the text gives
    predicate: str = ""
    object: str = ""
    organisation: str = ""  # for a relation between an organisation and a project: its two ends
    project: str = ""

    def as_json(self) -> dict:
        """Return the item as plain data."""
        return asdict(self)


@dataclass(frozen=True)
class Decision:
    """A row of review.csv."""

    id: str
    decision: str
    kind: str
    document: str
    subject: str
    organisation: str
    written_to: str
    reason: str
    date: str
    quote: str


def item_id(document: str, kind: str, words: str) -> str:
    """Return the stable id of a review item: the same document and words give the same id.

    >>> item_id("nieuws-2024", "organisation", "SURFnet Nederland")
    'o-6e4c987f'
    """
    digest = hashlib.sha1(f"{document}|{kind}|{' '.join(words.lower().split())}".encode()).hexdigest()
    return f"{kind[0]}-{digest[:8]}"


def decision_key(kind: str, words: str) -> str:
    """Return what a decision in corrections.csv is keyed on: the item's kind and words.

    >>> decision_key("organisation", "  SURFnet   Nederland")
    'organisation|surfnet nederland'
    """
    return f"{kind}|{' '.join(words.lower().split())}"


def decided_in(corrections: list[Correction]) -> dict[str, str]:
    """Return the review decisions among `corrections`: decision key -> accept or reject."""
    return {decision_key(c.role, c.subject): c.kind for c in corrections if c.kind in DECISION_KINDS}


def decided_by_role(item: ReviewItem, corrections: list[Correction]) -> bool:
    """Return whether an add_role row already carries a partner or trekker relation item."""
    role = _ROLES_CORRECTIONS_TAKE.get(item.predicate)
    return item.kind == "relation" and role is not None and any(
        c.kind == "add_role" and c.role.lower() == role and c.subject == item.project
        and c.organisations == [item.organisation] for c in corrections)


def corpus_corrections(data_dir: Path) -> list[Correction]:
    """Return the corrections of the corpus at `data_dir` (every file, in apply order)."""
    return [c for path in corrections_in(Path(data_dir)) for c in read_corrections(path)]


def relation_key(stated: StatedRelation) -> str:
    """Return the words that identify a stated relation across readings: "subject|predicate|object"."""
    relation = stated.relation
    names = [m.name if m is not None else "" for m in (relation.subject, relation.object)]
    return f"{names[0]}|{relation.predicate}|{names[1]}"


def items_of(reading: Reading, document_id: str, *, relations_only: bool = False) -> list[ReviewItem]:
    """Return the review items of a reading: new names and relations not sure enough, each once.

    `relations_only` (the project cards, whose names the card loader reads) keeps the
    relations and the new names that are their ends.
    """
    items: dict[str, ReviewItem] = {}
    ends = {id(m) for s in reading.relations for m in (s.relation.subject, s.relation.object) if m}
    placed = {r.found.person.name for r in reading.roles
              if r.found.target is not None and not r.found.target.new and r.found.role}
    for found in reading.mentions:
        mention = found.mention
        if not mention.new or (relations_only and id(mention) not in ends):
            continue
        if mention.kind == Node.PERSON and mention.name in placed:
            continue  # named with a function and a known organisation: already in the graph
        kind = "organisation" if mention.kind == Node.ORGANISATION else "person"
        suggestion = f"alias {mention.suggestions[0]}" if mention.suggestions else "accept"
        item = ReviewItem(item_id(document_id, kind, mention.name), kind, document_id, found.line,
                          mention.name, found.quote, suggestion, list(mention.suggestions),
                          mention.alias)
        items.setdefault(item.id, item)
    for stated in reading.relations:
        if not stated.confident:
            item = _relation_item(stated, document_id)
            items.setdefault(item.id, item)
    return list(items.values())


def _relation_item(stated: StatedRelation, document_id: str) -> ReviewItem:
    relation = stated.relation
    key = relation_key(stated)
    ends = [m for m in (relation.subject, relation.object) if m is not None]
    organisation = next((m.name for m in ends if m.kind == Node.ORGANISATION), "")
    project = next((m.name for m in ends if m.kind == Node.PROJECT), "")
    suggestion = "accept" if relation.confidence >= 0.6 else "reject"
    return ReviewItem(item_id(document_id, "relation", key), "relation", document_id, stated.line,
                      key, stated.quote, suggestion, predicate=relation.predicate,
                      object=relation.object.name if relation.object else "",
                      organisation=organisation, project=project)


def read_decisions(data_dir: Path, rows: list[dict[str, str]] | None = None) -> dict[str, Decision]:
    """Return the decisions of the corpus at `data_dir` by item id (the last one counts);
    `rows`: its review.csv as already read with the corpus (graph071.corpus.reader)."""
    if rows is None:
        rows = read_review(data_dir)
    return {row["id"]: Decision(**{c: (row.get(c) or "") for c in DECISION_COLUMNS}) for row in rows}


def accepted_ids(data_dir: Path, rows: list[dict[str, str]] | None = None) -> set[str]:
    """Return the accepted items the text loader adds itself (not via another table): their
    ids in review.csv (`rows`: its rows, already read) and their decision keys in corrections.csv."""
    logged = {d.id for d in read_decisions(data_dir, rows).values()
              if d.decision == "accept" and d.written_to in ("", DECISIONS)}
    kept = {key for key, decision in decided_in(corpus_corrections(data_dir)).items()
            if decision == "accept"}
    return logged | kept


def decide(data_dir: Path, item: ReviewItem, decision: str, *, organisation: str = "",
           reason: str = "", date: str | None = None, known_organisations: set[str] = frozenset()
           ) -> Decision:
    """Return the decision on `item` after writing it where the next build carries it."""
    data_dir = Path(data_dir)
    decision = DECISION_WORDS.get(decision.strip().lower(), "")
    if not decision:
        raise InputError(DECISIONS, i18n.text("error:prose.decision", "decision for {id} must be accept, reject or "
                                              "alias", id=item.id))
    date = date or dt.date.today().isoformat()
    reason = reason or f"graph071 review ({item.document}, regel {item.line})"
    written_to = DECISIONS
    if decision == "alias":
        if organisation not in known_organisations:
            raise InputError(ORGANISATIONS, i18n.text("error:prose.organisation", "{organisation!r} is not an "
                                                      "organisation in the table", organisation=organisation),
                             hint=i18n.text("error:prose.organisation.hint", "give the canonical name or an alias, "
                                            "as `graph071 who` finds it"))
        add_alias(data_dir / ORGANISATIONS, organisation, [item.subject, item.alias],
                  f"alias {item.subject!r} toegevoegd via graph071 review op {date}: {reason}")
        written_to = ORGANISATIONS
    elif decision == "accept" and item.kind in ("organisation", "unresolved"):
        add_organisation(data_dir / ORGANISATIONS, item, reason, date)
        written_to = ORGANISATIONS
    elif decision == "accept" and item.kind == "relation" and item.predicate in _ROLES_CORRECTIONS_TAKE \
            and item.project and item.organisation in known_organisations:
        add_role_correction(data_dir / CORRECTIONS, item, reason, date)
        written_to = CORRECTIONS
    else:  # reject anything; accept a person, another relation or a warning
        add_decision_correction(data_dir / CORRECTIONS, decision, item, reason, date)
        written_to = CORRECTIONS
    made = Decision(item.id, decision, item.kind, item.document, item.subject, organisation,
                    written_to, reason, date, item.quote)
    _append(data_dir / DECISIONS, DECISION_COLUMNS, [getattr(made, c) for c in DECISION_COLUMNS])
    return made


def add_alias(path: Path, organisation: str, aliases: list[str], note: str = "") -> None:
    """Add `aliases` to the row of `organisation` in organisations.csv (and `note`, the
    decision's reason and date, to its note); other lines stay as they are."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    for index, line in enumerate(lines[1:], start=1):
        row = next(csv.reader([line]), [])
        if row and row[0] == organisation:
            cells = dict(zip(header, row + [""] * (len(header) - len(row))))
            known = [a for a in cells["aliases"].split(";") if a]
            cells["aliases"] = ";".join(known + [a for a in aliases if a and a not in known])
            if note and "note" in cells:
                cells["note"] = "; ".join(n for n in (cells["note"], note) if n)
            lines[index] = _csv_line([cells[c] for c in header])
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise InputError(path, i18n.text("error:prose.no_row", "no row for {organisation!r}", organisation=organisation),
                     hint=i18n.text("error:prose.no_row.hint", "give the organisation's canonical name (first column)"))


def add_organisation(path: Path, item: ReviewItem, reason: str, date: str) -> None:
    """Append a proposed organisation to organisations.csv (sector onbekend until someone knows)."""
    header = next(csv.reader([path.read_text(encoding="utf-8").splitlines()[0]]))
    note = f"Toegevoegd via graph071 review op {date}: {reason}; gezien in {item.document}, regel {item.line}"
    cells = {"name": item.subject, "sector": "onbekend", "helix": "overig", "is_group": "no",
             "aliases": item.alias, "note": note}
    _append(path, header, [cells.get(c, "") for c in header])


def add_decision_correction(path: Path, decision: str, item: ReviewItem, reason: str,
                            date: str) -> None:
    """Append an accept or reject row for `item` to corrections.csv, with its quote."""
    _append(path, _CORRECTION_HEADER, [decision, item.subject, item.kind, "", "",
                                       f"{reason} (citaat: {item.quote})", date])


def add_role_correction(path: Path, item: ReviewItem, reason: str, date: str) -> None:
    """Append an add_role correction for an accepted partner or trekker relation."""
    organisation, project = item.organisation, item.project
    _append(path, _CORRECTION_HEADER, ["add_role", project, _ROLES_CORRECTIONS_TAKE[item.predicate], organisation,
                         "", f"{reason} (citaat: {item.quote})", date])


def _append(path: Path, header, values: list[str]) -> None:
    if not path.exists() and header:
        path.write_text(_csv_line(list(header)), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    with path.open("a", encoding="utf-8", newline="") as handle:
        if text and not text.endswith("\n"):
            handle.write("\n")
        handle.write(_csv_line(values))


def _csv_line(values: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()

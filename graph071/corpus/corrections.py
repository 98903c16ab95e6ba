"""Corrections: what the coordination group knows better than the documents, read from the corpus.

This module reads and checks the rows; graph071.build.corrections applies them to the
built graph.

A corpus folder may hold corrections.csv (or corrections.xlsx with a sheet
"correcties"): one correction per row, each with a reason and a date. After
all documents are loaded, the corrections are applied in file order:

* add_role     the organisation gets a role (trekker, partner, te betrekken) on an action/project;
* remove_role  the organisation loses that role;
* set_trekker  the action/project gets these trekker(s) instead of the ones written;
* rename       an organisation (or project) gets a new display name, the old one stays an alias;
* merge        two organisations are one: the subject's roles move to the organisation kept.
* accept       a review item (`graph071 review accept`) the prose reader takes as stated;
* reject       a review item the coordination group turned down: never asked again.

For accept and reject, `role` is the item's kind (organisation, person, relation,
warning, unresolved) and `subject` its name as the queue shows it ("subject|predicate|
object" for a relation); `graph071 review` writes these rows itself. They are keyed on
those words, not on the document, so a decision holds when the same text comes back
under another id.

Every fact a correction adds carries document/line/quote of its row plus
`correction`, `correction_reason` and `correction_date`; every node a
correction touches carries `correction_reason`, `correction_date` and a list
`corrections` that says in words what changed (so removals are not lost
either). A correction that matches nothing, or is no longer needed because a
document now says the same, becomes a warning that `graph071 check` shows.
A file with a malformed row is refused whole (graph071.corpus.sheets.SheetError).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph071 import i18n
from graph071.records import Source
from graph071.schema import CORRECTION_KEYS, Edge
from graph071.corpus.sheets import (Column, Problem, Row, SheetError, header_key, is_template_example,
                     read_table, split_list)

CORRECTION_FILES = ("corrections.csv", "corrections.xlsx")
CORRECTION_SHEETS = ("correcties", "corrections")

# Canonical kind -> the other ways users write it (compared case- and "_"-insensitively).
KINDS: dict[str, tuple[str, ...]] = {
    "add_role": ("rol toevoegen", "toevoegen", "add role"),
    "remove_role": ("rol verwijderen", "verwijderen", "remove role"),
    "set_trekker": ("trekker", "trekker instellen", "trekker wijzigen", "set trekker"),
    "rename": ("hernoemen", "naam wijzigen"),
    "merge": ("samenvoegen",),
}
# The rows `graph071 review` writes for its decisions (a maintainer may write them too).
DECISIONS: dict[str, tuple[str, ...]] = {
    "accept": ("accepteren", "overnemen", "goedkeuren"),
    "reject": ("afwijzen", "niet overnemen"),
}
# The kinds of review item an accept or reject row is about (graph071.loaders.prose.review).
REVIEW_KINDS = {"organisation": "organisation", "organisatie": "organisation",
                "person": "person", "persoon": "person", "relation": "relation",
                "relatie": "relation", "warning": "warning", "waarschuwing": "warning",
                "unresolved": "unresolved", "onbekende naam": "unresolved"}
DECISION_KINDS = tuple(DECISIONS)
ROLES = {"trekker": Edge.TREKKER, "trekkers": Edge.TREKKER, "partner": Edge.PARTNER,
         "partners": Edge.PARTNER, "te betrekken": Edge.TE_BETREKKEN}

CORRECTION_COLUMNS: tuple[Column, ...] = (
    Column("correction", "What to change: add_role, remove_role, set_trekker, rename or merge "
           "(Dutch: rol toevoegen, rol verwijderen, trekker, hernoemen, samenvoegen).", True,
           ("correctie", "soort", "wijziging"), "set_trekker"),
    Column("subject", "What the correction is about: an action ('actie 17' or "
           "'2013-2015/17') or a project (its name); for rename and merge an organisation "
           "(any name it goes by).", True, ("onderwerp",), "actie 17"),
    Column("role", "For add_role and remove_role: trekker, partner or te betrekken.", False,
           ("rol",), ""),
    Column("organisation", "For add_role, remove_role and set_trekker: the organisation "
           "(set_trekker: several separated by ';'); for merge: the organisation to keep.",
           False, ("organisatie",), "gemeente Leiden"),
    Column("new_name", "For rename: the new name.", False, ("nieuwe naam",), ""),
    Column("reason", "Why: who decided or said so, and where.", True,
           ("reden", "toelichting"), "Voorbeeld: besloten in het coördinatieoverleg"),
    Column("date", "When the correction was decided: 2024-03-12 (or 12-3-2024).", True,
           ("datum",), "2024-03-12"),
)


@dataclass
class Correction:
    """One checked row of a corrections file."""

    kind: str
    subject: str
    reason: str
    date: str  # ISO date
    row: Row
    document: str  # the file name, e.g. corrections.csv
    role: str = ""  # edge kind for add_role / remove_role
    organisations: list[str] = field(default_factory=list)
    new_name: str = ""

    def source(self) -> Source:
        return Source(self.document, self.row.number, self.row.quote())

    def marks(self) -> dict[str, Any]:
        """Return the properties that say a fact comes from this correction."""
        return dict(zip(CORRECTION_KEYS, (self.kind, self.reason, self.date)))


def is_correction_fact(attrs: Mapping[str, Any]) -> bool:
    """Return whether a node or edge was written by a correction (not read from a document);
    such a fact holds for every edition.

    >>> is_correction_fact({"document": "corrections.csv", "correction": "set_trekker"})
    True
    >>> is_correction_fact({"document": "projectkaarten-2018", "correction": "merge"})
    False
    """
    return attrs.get("document") in CORRECTION_FILES


def describe_correction(attrs: Mapping[str, Any]) -> str:
    """Return how a tooltip or table says that a node or edge comes from a correction, or "".

    >>> describe_correction({"correction_reason": "Besloten in het overleg",
    ...                      "correction_date": "2024-03-12"})
    'correctie 2024-03-12: Besloten in het overleg'
    >>> describe_correction({"document": "uitvoeringsprogramma-2013-2015"})
    ''
    """
    if not attrs.get("correction_reason"):
        return ""
    return f"correctie {attrs.get('correction_date', '')}: {attrs['correction_reason']}"


def corrections_in(data_dir: Path) -> list[Path]:
    """Return the corrections files of the corpus at `data_dir` that exist, in apply order."""
    return [data_dir / name for name in CORRECTION_FILES if (data_dir / name).is_file()]


def read_corrections(path: Path) -> list[Correction]:
    """Return the corrections in `path` (.csv or .xlsx), or raise SheetError listing every
    malformed row; nothing is applied from a file that has one."""
    table = read_table(path, CORRECTION_COLUMNS, CORRECTION_SHEETS)
    problems: list[Problem] = []
    corrections = []
    for row in table.rows:
        if is_template_example(table, row, CORRECTION_COLUMNS):
            continue
        correction = _correction(row, Path(path).name, problems)
        if correction is not None:
            corrections.append(correction)
    if problems:
        raise SheetError(path, problems)
    return corrections


def _correction(row: Row, document: str, problems: list[Problem]) -> Correction | None:
    before = len(problems)
    kinds = {header_key(form): kind for kind, forms in (*KINDS.items(), *DECISIONS.items())
             for form in (kind, *forms)}
    kind = kinds.get(header_key(row.get("correction")))
    if kind is None:
        problems.append(row.problem("correction", i18n.text(
            "error:corrections.kind", "{value!r} is not a correction; write one of {choices}",
            value=row.get('correction'), choices=', '.join(KINDS))))
    if not row.get("subject"):
        problems.append(row.problem("subject", i18n.text(
            "error:corrections.subject", "empty; say which action, project or organisation the correction is about")))
    if not row.get("reason"):
        problems.append(row.problem("reason", i18n.text(
            "error:corrections.reason", "empty; every correction needs its reason")))
    date = parse_date(row.get("date"))
    if not row.get("date"):
        problems.append(row.problem("date", i18n.text(
            "error:corrections.date", "empty; every correction needs its date")))
    elif date is None:
        problems.append(row.problem("date", i18n.text(
            "error:corrections.not_date", "{value!r} is not a date; write 2024-03-12 (or 12-3-2024)",
            value=row.get('date'))))
    role = ""
    if kind in ("add_role", "remove_role"):
        role = ROLES.get(header_key(row.get("role")), "")
        if not role:
            problems.append(row.problem("role", i18n.text(
                "error:corrections.role", "{value!r} is not a role; write trekker, partner or te betrekken",
                value=row.get('role'))))
    if kind in DECISION_KINDS:
        role = REVIEW_KINDS.get(header_key(row.get("role")), "")
        if not role:
            problems.append(row.problem("role", i18n.text(
                "corrections:review_kind", "{value!r} is not a kind of review item; write "
                "organisation, person, relation, warning or unresolved", value=row.get("role"))))
    organisations = split_list(row.get("organisation"))
    if kind in ("add_role", "remove_role", "merge") and not organisations:
        problems.append(row.problem("organisation", i18n.text(
            "error:corrections.organisation", "empty; name the organisation")))
    elif kind in ("add_role", "remove_role", "merge") and len(organisations) > 1:
        problems.append(row.problem("organisation", i18n.text(
            "error:corrections.one_organisation", "name one organisation per row")))
    if kind == "set_trekker" and not organisations:
        problems.append(row.problem("organisation", i18n.text(
            "error:corrections.trekkers", "empty; name the new trekker(s), separated by ';'")))
    if kind == "rename" and not row.get("new_name"):
        problems.append(row.problem("new_name", i18n.text(
            "error:corrections.new_name", "empty; write the new name")))
    if len(problems) > before:
        return None
    return Correction(kind, row.get("subject"), row.get("reason"), date, row, document,
                      role, organisations, row.get("new_name"))


def parse_date(text: str) -> str | None:
    """Return `text` as an ISO date, reading ISO (2024-03-12) and Dutch (12-3-2024) dates.

    >>> parse_date("2024-03-12"), parse_date("12-3-2024"), parse_date("31-02-2024")
    ('2024-03-12', '2024-03-12', None)
    """
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    dutch = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if dutch:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1])).isoformat()
    except ValueError:
        return None
    return None

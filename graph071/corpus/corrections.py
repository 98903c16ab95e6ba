"""Corrections: what the coordination group knows better than the documents, applied after loading.

A corpus folder may hold corrections.csv (or corrections.xlsx with a sheet
"correcties"): one correction per row, each with a reason and a date. After
all documents are loaded, the corrections are applied in file order:

* add_role     the organisation gets a role (trekker, partner, te betrekken) on an action/project;
* remove_role  the organisation loses that role;
* set_trekker  the action/project gets these trekker(s) instead of the ones written;
* rename       an organisation (or project) gets a new display name, the old one stays an alias;
* merge        two organisations are one: the subject's roles move to the organisation kept.

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
from typing import TYPE_CHECKING, Any

from graph071.records import EdgeRecord, ParseWarning, Source
from graph071.schema import CORRECTION_KEYS, Edge, Node
from graph071.corpus.sheets import (Column, Problem, Row, SheetError, header_key, is_template_example,
                     read_table, split_list)

if TYPE_CHECKING:
    import networkx as nx

    from graph071.build.pipeline import Build

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
    kinds = {header_key(form): kind for kind, forms in KINDS.items() for form in (kind, *forms)}
    kind = kinds.get(header_key(row.get("correction")))
    if kind is None:
        problems.append(row.problem("correction", f"{row.get('correction')!r} is not a "
                                    f"correction; write one of {', '.join(KINDS)}"))
    if not row.get("subject"):
        problems.append(row.problem("subject", "empty; say which action, project or "
                                    "organisation the correction is about"))
    if not row.get("reason"):
        problems.append(row.problem("reason", "empty; every correction needs its reason"))
    date = parse_date(row.get("date"))
    if not row.get("date"):
        problems.append(row.problem("date", "empty; every correction needs its date"))
    elif date is None:
        problems.append(row.problem("date", f"{row.get('date')!r} is not a date; write "
                                    "2024-03-12 (or 12-3-2024)"))
    role = ""
    if kind in ("add_role", "remove_role"):
        role = ROLES.get(header_key(row.get("role")), "")
        if not role:
            problems.append(row.problem("role", f"{row.get('role')!r} is not a role; write "
                                        "trekker, partner or te betrekken"))
    organisations = split_list(row.get("organisation"))
    if kind in ("add_role", "remove_role", "merge") and not organisations:
        problems.append(row.problem("organisation", "empty; name the organisation"))
    elif kind in ("add_role", "remove_role", "merge") and len(organisations) > 1:
        problems.append(row.problem("organisation", "name one organisation per row"))
    if kind == "set_trekker" and not organisations:
        problems.append(row.problem("organisation", "empty; name the new trekker(s), "
                                    "separated by ';'"))
    if kind == "rename" and not row.get("new_name"):
        problems.append(row.problem("new_name", "empty; write the new name"))
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


def apply_corrections(build: Build, path: Path) -> list[Correction]:
    """Apply the corrections in `path` to `build.graph`; return the ones that changed something.

    Corrections that match nothing, or are no longer needed, become warnings in
    `build.warnings` (shown by `graph071 check`).
    """
    corrections = read_corrections(path)
    applier = _Applier(build)
    return [c for c in corrections if applier.apply(c)]


class _Applier:
    def __init__(self, build: Build) -> None:
        # The builder resolves names exactly as for the documents (organisations.csv,
        # unresolved names listed by check).
        from graph071.build.pipeline import _Builder

        self.build = build
        self.graph: nx.MultiDiGraph = build.graph
        self.builder = _Builder(build.graph, build.organisations, build)

    def apply(self, correction: Correction) -> bool:
        method = getattr(self, f"_{correction.kind}")
        message = method(correction)
        if message:
            self.build.warnings.append(ParseWarning(
                correction.document, correction.row.number,
                f"correction {correction.kind} ({correction.subject!r}): {message}"))
            return False
        return True

    # ------------------------------------------------------------ the five corrections

    def _add_role(self, c: Correction) -> str:
        work, missing = self._work(c.subject)
        if work is None:
            return missing
        org = self._organisation_for(c, c.organisations[0])
        existing = self._edges(org, work, c.role)
        if existing:
            return (f"no longer needed: {self._name(org)} is already {c.role.lower()} of "
                    f"{self._name(work)} ({self._where(existing[0])})")
        self._add_edge(c, c.role, org, c.organisations[0], work)
        self._note(work, c, f"{c.role.lower()} {self._name(org)} added")
        return ""

    def _remove_role(self, c: Correction) -> str:
        work, missing = self._work(c.subject)
        if work is None:
            return missing
        org, missing = self._existing_organisation(c.organisations[0])
        if org is None:
            return missing
        existing = self._edges(org, work, c.role)
        if not existing:
            return (f"matches nothing: {self._name(org)} is not {c.role.lower()} of "
                    f"{self._name(work)}")
        for key, data in existing:
            self.graph.remove_edge(org, work, key=key)
        where = ", ".join(self._where(edge) for edge in existing)
        self._note(work, c, f"{c.role.lower()} {self._name(org)} removed (was in {where})")
        return ""

    def _set_trekker(self, c: Correction) -> str:
        work, missing = self._work(c.subject)
        if work is None:
            return missing
        wanted = {self._organisation_for(c, name): name for name in c.organisations}
        current = [(source, key, data) for source, _, key, data
                   in self.graph.in_edges(work, keys=True, data=True) if data["kind"] == Edge.TREKKER]
        if {source for source, _, _ in current} == set(wanted):
            where = ", ".join(self._where((key, data)) for _, key, data in current)
            return f"no longer needed: the trekker of {self._name(work)} is already so ({where})"
        for source, key, data in current:
            self.graph.remove_edge(source, work, key=key)
        before = ", ".join(f"{self._name(s)} ({self._where((k, d))})" for s, k, d in current)
        before = before or f"none ({self.graph.nodes[work].get('trekker_text') or 'empty'})"
        for org, name in wanted.items():
            self._add_edge(c, Edge.TREKKER, org, name, work)
        if "trekker_text" in self.graph.nodes[work]:
            self.graph.nodes[work]["trekker_text"] = "; ".join(c.organisations)
        self._note(work, c, f"trekker set to {', '.join(self._name(o) for o in wanted)}; "
                            f"was {before}")
        return ""

    def _rename(self, c: Correction) -> str:
        node, missing = self._existing_organisation(c.subject)
        if node is None:
            node, _ = self._node_of(c.subject, (Node.PROJECT,))
        if node is None:
            return missing
        data = self.graph.nodes[node]
        if data["name"] == c.new_name:
            return f"no longer needed: {c.subject!r} is already called {c.new_name!r}"
        old = data["name"]
        data["name"] = c.new_name
        names_key = "aliases" if data["kind"] == Node.ORGANISATION else "names"
        names = list(data.get(names_key) or [])
        data[names_key] = names + [n for n in (old,) if n not in names]
        self._note(node, c, f"renamed from {old!r} to {c.new_name!r}")
        return ""

    def _merge(self, c: Correction) -> str:
        gone, missing = self._existing_organisation(c.subject)
        if gone is None:
            return missing
        kept = self._organisation_for(c, c.organisations[0])
        if kept == gone:
            return (f"no longer needed: {c.subject!r} and {c.organisations[0]!r} are already "
                    "one organisation")
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
        self._note(kept, c, f"{gone_data['name']!r} merged into {kept_data['name']!r} "
                            f"({moved} roles and links moved)")
        return ""

    # ------------------------------------------------------------ finding things

    def _work(self, text: str) -> tuple[str | None, str]:
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
                options = " or ".join(repr(n.split(":", 1)[1]) for n in found)
                return None, f"matches more than one action: write {options}"
            return None, f"matches nothing: there is no action {text.strip()!r} in the graph"
        return self._node_of(text, (Node.PROJECT,))

    def _node_of(self, text: str, kinds: tuple[str, ...]) -> tuple[str | None, str]:
        from graph071.analytics.roles import NotFound, find_node

        try:
            return find_node(self.graph, text, kinds), ""
        except NotFound as error:
            return None, f"matches nothing: {error}"

    def _existing_organisation(self, text: str) -> tuple[str | None, str]:
        org = self.build.organisations.resolve(text)
        if org is not None:
            from graph071.schema import node_id

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
            f"{c.date}: {what}; reason: {c.reason} ({c.document}:{c.row.number})"]

    def _name(self, node: str) -> str:
        return self.graph.nodes[node]["name"]

    @staticmethod
    def _where(edge: tuple[Any, dict[str, Any]]) -> str:
        _, data = edge
        return f"{data.get('document')}:{data.get('line')}"

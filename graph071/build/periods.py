"""When each fact holds: the period of every document, and first/last seen and status of nodes.

Every document of the manifest holds for a period: its `valid_from` / `valid_until`
columns, or when they are empty the rule of its kind in periods.csv (a programme for the
years in its title, a card edition until the next edition of the same kind, a news item
on its date). A node or edge holds while one of the documents that state it holds; facts
from the curated tables (organisations.csv, projects.csv, corrections.csv) have no period
of their own and hold wherever what they are about holds.

The rules come from data files read with the corpus (graph071.corpus.periods).
annotate() writes the periods onto a built graph: on Document nodes valid_from,
valid_until and edition_label; on every node and edge seen_in (the documents that state
it, oldest first), valid_from and valid_until; on nodes first_seen, last_seen,
last_document and a status (lopend, afgerond, verzelfstandigd, opgevolgd door ...,
niet meer genoemd) for the latest moment of the corpus. graph071.analytics.time
recomputes the status for any other moment.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.corpus.manifest import DocumentEntry
from graph071.corpus.periods import KindRule
from graph071.errors import InputError
from graph071.schema import Edge, Node, WORK_KINDS

DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
YEARS = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})\b")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
# Nodes that exist through what documents say about them (an organisation, a person): they
# are there at a moment when a fact about them holds. Every other node holds with the
# documents that have an entry for it (its card, its row in a programme).
CARRIED_KINDS = (Node.ORGANISATION, Node.PERSON)
# The edges that are a thing's own entry in a document.
WRITTEN_DOWN = (Edge.APPEARS_IN, Edge.DESCRIBED_IN)
# Status words, as tables and the map show them.
ONGOING, DONE, INDEPENDENT, SUCCEEDED, GONE, MENTIONED = (
    "lopend", "afgerond", "verzelfstandigd", "opgevolgd door", "niet meer genoemd", "genoemd")


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, ISO dates, both inclusive; end None: until further notice."""

    start: str
    end: str | None

    def holds(self, day: str) -> bool:
        """Return whether the period holds on `day` (an ISO date).

        >>> Period("2013-01-01", "2015-12-31").holds("2014-12-31"), Period("2022-01-01", None).holds("2030-01-01")
        (True, True)
        """
        return self.start <= day and (self.end is None or day <= self.end)


def first_day(text: str) -> str:
    """Return the first day of a year, month or date written as YYYY, YYYY-MM or YYYY-MM-DD.

    >>> first_day("2018-10"), first_day("2013")
    ('2018-10-01', '2013-01-01')
    """
    year, month, day = _parts(text)
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"


def last_day(text: str) -> str:
    """Return the last day of a year, month or date written as YYYY, YYYY-MM or YYYY-MM-DD.

    >>> last_day("2019-02"), last_day("2015"), last_day("2022-01-05")
    ('2019-02-28', '2015-12-31', '2022-01-05')
    """
    year, month, day = _parts(text)
    month = month or 12
    return f"{year:04d}-{month:02d}-{day or calendar.monthrange(year, month)[1]:02d}"


def is_date(text: str) -> bool:
    """Return whether `text` is a year, a year-month or a date that exists."""
    try:
        _parts(text)
    except ValueError:
        return False
    return True


def _parts(text: str) -> tuple[int, int | None, int | None]:
    match = DATE.match(text.strip())
    if not match:
        raise ValueError(f"not a date: {text!r}")
    year, month, day = (int(p) if p else None for p in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"no day {day}")
    return year, month, day


def day_before(day: str) -> str:
    """Return the ISO date of the day before `day`.

    >>> day_before("2019-06-01"), day_before("2022-01-01")
    ('2019-05-31', '2021-12-31')
    """
    from datetime import date, timedelta

    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def date_nl(text: str) -> str:
    """Return a year, month or date as a Dutch reader writes it.

    >>> date_nl("2022-01"), date_nl("2014"), date_nl("2019-06-12")
    ('januari 2022', '2014', '12 juni 2019')
    """
    year, month, day = _parts(text)
    if month is None:
        return str(year)
    return f"{f'{day} ' if day else ''}{MONTHS_NL[month - 1]} {year}"


# ---------------------------------------------------------------- documents

def document_periods(entries: list[DocumentEntry], rules: dict[str, KindRule],
                     manifest: Path | None = None) -> dict[str, Period]:
    """Return the period of every manifest entry, by document id.

    >>> from graph071.corpus.manifest import DocumentEntry as E
    >>> rules = {"project_cards": KindRule("project_cards", "edition", "projectkaarten"),
    ...          "action_programme": KindRule("action_programme", "programme", "uitvoeringsprogramma")}
    >>> entries = [E("a", "p", "Uitvoeringsprogramma 2013-2015", "", "2013-10", "action_programme", "x"),
    ...            E("b", "k18", "Kaarten", "", "2018-10", "project_cards", "x"),
    ...            E("c", "k19", "Kaarten", "", "2019-06", "project_cards", "x")]
    >>> {k: (p.start, p.end) for k, p in document_periods(entries, rules).items()}
    {'p': ('2013-01-01', '2015-12-31'), 'k18': ('2018-10-01', '2019-05-31'), 'k19': ('2019-06-01', None)}
    """
    periods: dict[str, Period] = {}
    for entry in entries:
        rule = rules.get(entry.kind, KindRule(entry.kind, "edition", entry.kind))
        start, end = _default_period(entry, rule, entries, rules)
        given_from, given_until = (entry.extra.get(c, "").strip() for c in ("valid_from", "valid_until"))
        for column, value in (("valid_from", given_from), ("valid_until", given_until)):
            if value and not is_date(value):
                raise InputError(manifest or Path("manifest.csv"), i18n.text(
                    "error:periods.date", "{column} {value!r} is not a date", column=column, value=value),
                                 line=entry.manifest_line, hint=i18n.text("error:periods.date.hint",
                                                                          "write YYYY, YYYY-MM or YYYY-MM-DD"))
        periods[entry.id] = Period(first_day(given_from) if given_from else start,
                                   last_day(given_until) if given_until else end)
    return periods


def _default_period(entry: DocumentEntry, rule: KindRule, entries: list[DocumentEntry],
                    rules: dict[str, KindRule]) -> tuple[str, str | None]:
    edition = entry.edition if is_date(entry.edition) else ""
    if rule.rule == "programme":
        years = YEARS.search(entry.title) or YEARS.search(entry.id)
        if years:
            return first_day(years.group(1)), last_day(years.group(2))
    if not edition:
        return "0001-01-01", None  # no date at all: it holds always
    if rule.rule == "news":
        return first_day(edition), last_day(edition)
    later = sorted(first_day(e.edition) for e in entries
                   if e.kind == entry.kind and e.id != entry.id and is_date(e.edition)
                   and first_day(e.edition) > first_day(edition))
    return first_day(edition), day_before(later[0]) if later else None


def edition_label(entry: DocumentEntry, rule: KindRule, period: Period) -> str:
    """Return how readers name a document's edition: "projectkaarten januari 2022",
    "uitvoeringsprogramma 2013-2015"."""
    if rule.rule == "programme" and period.end:
        return f"{rule.label_nl} {period.start[:4]}-{period.end[:4]}"
    return f"{rule.label_nl} {date_nl(entry.edition)}" if is_date(entry.edition) else rule.label_nl


# ---------------------------------------------------------------- the graph

def annotate(graph: nx.MultiDiGraph, entries: list[DocumentEntry], rules: dict[str, KindRule],
             patterns: list[tuple[re.Pattern, str]], manifest: Path | None = None) -> None:
    """Write periods, first/last seen and the status at the latest moment onto `graph`, by
    the period rule of each document kind and the status patterns of the corpus (its
    periods.csv and statuses.csv, graph071.corpus.periods; read with the corpus)."""
    periods = document_periods(entries, rules, manifest)
    for entry in entries:
        period = periods[entry.id]
        node = graph.nodes.get(f"doc:{entry.id}")
        if node is not None:
            node.update(valid_from=period.start, valid_until=period.end,
                        edition_label=edition_label(entry, rules.get(entry.kind, KindRule(
                            entry.kind, "edition", entry.kind)), period))
    order = {entry.id: (periods[entry.id].start, entry.edition, entry.id) for entry in entries}
    for _, _, data in graph.edges(data=True):
        _stamp(data, _sources(data, order), periods)
    seen: dict[str, set[str]] = {node: set() if data["kind"] in CARRIED_KINDS else set(_sources(data, order))
                                 for node, data in graph.nodes(data=True)}
    for source, target, data in graph.edges(data=True):
        if data["kind"] in WRITTEN_DOWN:  # a thing's own card or entry in an edition
            seen[source].update(data["seen_in"])
        for end in (source, target):
            if graph.nodes[end]["kind"] in CARRIED_KINDS:
                seen[end].update(data["seen_in"])
    for node, data in graph.nodes(data=True):
        _stamp(data, sorted(seen[node], key=order.__getitem__), periods)
    latest = max((p.start for p in periods.values()), default="0001-01-01")
    in_force = {doc for doc, period in periods.items() if period.holds(latest)}
    for node in graph:
        graph.nodes[node].update(status_at(graph, node, latest, in_force, patterns))


def _sources(data: dict[str, Any], order: dict[str, tuple]) -> list[str]:
    """Return the manifest documents that state a node or edge, oldest first."""
    documents = [data.get("document"), *(data.get("also_in") or [])]
    if data.get("kind") == Node.DOCUMENT:
        documents = [data.get("document")]
    return sorted({d for d in documents if d in order}, key=order.__getitem__)


def _stamp(data: dict[str, Any], seen_in: list[str], periods: dict[str, Period]) -> None:
    data["seen_in"] = seen_in
    data["valid_from"] = min((periods[d].start for d in seen_in), default=None)
    ends = [periods[d].end for d in seen_in]
    data["valid_until"] = None if not ends or None in ends else max(ends)


def status_at(graph: nx.MultiDiGraph, node: str, day: str, in_force: set[str],
              patterns: list[tuple[re.Pattern, str]]) -> dict[str, Any]:
    """Return first_seen, last_seen, last_document, status and status_since of `node` on `day`,
    given the documents `in_force` then; only what the documents said by `day` counts."""
    data = graph.nodes[node]
    documents = graph.nodes
    known = [d for d in data.get("seen_in") or []
             if (documents.get(f"doc:{d}", {}).get("valid_from") or "") <= day]
    editions = [str(documents.get(f"doc:{d}", {}).get("edition") or "") for d in known]
    found: dict[str, Any] = {"first_seen": editions[0] if editions else "",
                             "last_seen": editions[-1] if editions else "",
                             "last_document": known[-1] if known else "",
                             "status": "", "status_since": ""}
    if data["kind"] == Node.DOCUMENT or not known:
        return found
    last_label = documents.get(f"doc:{known[-1]}", {}).get("edition_label") or known[-1]
    successor = _successor(graph, node, day)
    card = _latest_categorie(graph, node, day)
    status = next((s for pattern, s in patterns if card and pattern.search(card[0])), "")
    since = re.search(r"\b((?:19|20)\d{2})\b", card[0]) if card else None
    if successor:
        found.update(status=f"{SUCCEEDED} {successor[0]}", status_since=successor[1])
    elif status == INDEPENDENT and (since.group(1) if since else card[1][:4]) <= day[:4]:
        found.update(status=INDEPENDENT, status_since=since.group(1) if since else card[1])
    elif status == DONE:
        found.update(status=DONE, status_since=card[1])
    elif set(known) & in_force:
        found.update(status=ONGOING if data["kind"] in WORK_KINDS else MENTIONED,
                     status_since=found["first_seen"])
    else:
        found.update(status=f"{GONE} (laatst in {last_label})", status_since=found["last_seen"])
    return found


def _successor(graph: nx.MultiDiGraph, node: str, day: str) -> tuple[str, str] | None:
    """Return (name, edition) of what continues `node` by `day`, as the documents say."""
    for newer, _, edge in graph.in_edges(node, data=True):
        if edge["kind"] == Edge.SUCCEEDS and edge.get("explicit", True) and \
                (edge.get("valid_from") or "") <= day:
            document = graph.nodes.get(f"doc:{edge.get('document')}", {})
            return graph.nodes[newer]["name"], str(document.get("edition") or "")
    return None


def _latest_categorie(graph: nx.MultiDiGraph, node: str, day: str) -> tuple[str, str] | None:
    """Return (categorie, edition) of the newest card of `node` published by `day`."""
    cards = []
    for _, document, edge in graph.out_edges(node, data=True):
        if edge["kind"] != Edge.APPEARS_IN:
            continue
        doc = graph.nodes[document]
        if (doc.get("valid_from") or "") <= day:
            cards.append((doc.get("valid_from") or "", str(doc.get("edition") or ""),
                          edge.get("categorie") or ""))
    if not cards:
        return None
    _, edition, categorie = max(cards)
    return categorie, edition

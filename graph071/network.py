"""The one object a notebook user holds: `net = graph071.load()`, then `net.orphans()`.

A Network holds the built graph of every edition (`net.graph`, a networkx MultiDiGraph)
and answers the questions users ask, taking names as users write them ("UvL", "actie 17",
"Talent op Maat"), for one moment: the latest state of the corpus, or the moment
`net.at("2014")` names. Each question looks at what held then (orphans, hubs, who, ...),
at everything published by then (one action, project, person, lineage, Index071) or at
every edition (exports, the map with its time slider, diff), as graph071.analytics.time
defines; `net.moment()` says which moment an answer is for ("Stand: ..."). Tables come back as pandas DataFrames (snake_case English column names);
details as plain dicts. Each method calls one pure function of graph071.analytics,
graph071.monitor, graph071.io or graph071.viz, which stay usable on any graph; the CLI
(graph071.cli) calls only these methods and renders what they return.

This module may import every library layer; nothing in the library imports it except
graph071/__init__.py (lazily) and the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph071 import i18n
from graph071.analytics import balance as balance_of
from graph071.analytics import centrality, communities, diff, owners, paths, projects, roles
from graph071.analytics import time as moments
from graph071.build.builder import Build
from graph071.corpus.corrections import CORRECTION_FILES
from graph071.corpus.manifest import ORGANISATIONS
from graph071.corpus.projects import PROJECTS
from graph071.monitor import model as index_model
from graph071.schema import Node

if TYPE_CHECKING:
    import pandas as pd

# The columns of an empty answer (an answer with rows has the rows' keys).
ORPHAN_COLUMNS = ("id", "kind", "number", "programme", "name", "title", "theme", "theme_name", "categorie",
                  "categorie_colour", "status", "trekker_text", "partners", "document", "line")
HUB_COLUMNS = ("rank", "id", "name", "sector", "helix", "is_group", "trekker", "partner",
               "te_betrekken", "score", "centrality")


def frame(rows: Sequence[dict[str, Any]], columns: Sequence[str] = ()) -> pd.DataFrame:
    """Return `rows` as a DataFrame with the rows' keys as columns (`columns` when there
    are no rows, so an empty answer still has its columns).

    Values stay as they were: a column with a gap keeps None (not NaN), so
    `df.to_dict("records")` gives the rows back unchanged.

    >>> df = frame([{"number": 17, "categorie": None}, {"number": 39, "categorie": 2}],
    ...            ["number", "categorie"])
    >>> df.to_dict("records")
    [{'number': 17, 'categorie': None}, {'number': 39, 'categorie': 2}]
    >>> str(df["number"].dtype)
    'int64'
    """
    import pandas as pd

    keys = list(dict.fromkeys(key for row in rows for key in row)) or list(columns)
    df = pd.DataFrame([[row.get(key) for key in keys] for row in rows], columns=keys, dtype=object)
    for key in keys:
        values = df[key]
        if len(values) and all(isinstance(v, (int, float, str, bool)) for v in values):
            df[key] = values.infer_objects()
    return df


class Network:
    """The Economie071 network: the graph and the questions users ask of it.

    Build one with graph071.load(); `Network(graph)` wraps any graph of the same shape
    (a pulled Neo4j graph, a test graph). `build` holds what `check` reports (names that
    matched nothing, reading warnings); a graph without it has nothing to check.
    """

    def __init__(self, graph: nx.MultiDiGraph, build: Build | None = None, *,
                 neo4j_load: dict[str, Any] | None = None, skipped_nodes: int = 0,
                 as_of: str | None = None) -> None:
        self.graph = graph
        self.build = build
        self.as_of = as_of  # None: the latest state of the corpus
        self._views: dict[str, nx.MultiDiGraph] = {}
        # For a Network pulled from Neo4j: the record of the last push, and how many
        # :G071 nodes had no kind graph071 knows (they are left out).
        self.neo4j_load = neo4j_load
        self.skipped_nodes = skipped_nodes

    def __repr__(self) -> str:
        when = f", as of {self.as_of}" if self.as_of else ""
        return (f"<Network: {self.graph.number_of_nodes()} nodes, "
                f"{self.graph.number_of_edges()} edges{when}>")

    # ------------------------------------------------------------ moments

    def at(self, when: str | None) -> Network:
        """Return this network answering for moment `when`: a year (2014), month (2019-06),
        day or edition id; None is the latest state. The graph itself is shared."""
        return Network(self.graph, self.build, neo4j_load=self.neo4j_load,
                       skipped_nodes=self.skipped_nodes, as_of=when)

    def view(self, scope: str = "moment") -> nx.MultiDiGraph:
        """Return the graph a question of `scope` looks at: "moment" (what held at the
        network's moment), "history" (everything published by then) or "whole" (every
        edition, unless the network has a moment)."""
        if scope == "whole" and self.as_of is None:
            return self.graph
        if scope not in self._views:
            self._views[scope] = moments.as_of(self.graph, self.as_of, history=scope == "history")
        return self._views[scope]

    def moment(self, scope: str = "moment") -> dict[str, Any] | None:
        """Return the moment the answers of `scope` are for (its "text" reads "Stand: ...");
        None for every edition of the corpus."""
        return self.view(scope).graph.get("as_of")

    # ------------------------------------------------------------ tables (DataFrames)
    # Each takes rows=True to give the rows as plain dicts instead: what the CLI prints,
    # without paying for importing pandas on every command.

    def orphans(self, suggest: bool = False, limit: int = 3, history: bool = False, *,
                rows: bool = False) -> pd.DataFrame | list[dict[str, Any]]:
        """Return the actions and projects without a trekker at the network's moment,
        actions first, by number, with their programme, period and status; `history`
        gives every edition's (with the last edition each was seen in).

        With `suggest`, each row also has "suggested": who could become trekker, with
        points and the evidence (docs/analytics.md).
        """
        graph = self.view("whole" if history else "moment")
        if suggest:
            found = owners.orphans_with_suggestions(graph, limit=limit)
        else:
            found = moments.orphans_with_periods(graph)
        return found if rows else frame(found, ORPHAN_COLUMNS)

    def hubs(self, top: int | None = 10, by: str = "score", *, rows: bool = False
             ) -> pd.DataFrame | list[dict[str, Any]]:
        """Return the organisations ranked by hub score (or trekker, partner, betweenness,
        eigenvector), highest first; `top=None` gives all."""
        found = centrality.hub_ranking(self.view(), by=by, top=top)
        return found if rows else frame(found, HUB_COLUMNS)

    # ------------------------------------------------------------ details (dicts)

    def summary(self, top: int = 5) -> dict[str, Any]:
        """Return the counts per node and edge kind, the orphans and the top hubs."""
        return roles.summary(self.view(), top=top)

    def who(self, name: str) -> dict[str, Any]:
        """Return what the organisation `name` (any alias) leads, partners on and belongs to:
        in every edition published by the network's moment, each item with its period."""
        view = self.view("history")
        return roles.who(view, moments.find_at(view, self.graph, name))

    def action(self, number: int | str, programme: str | None = None) -> dict[str, Any]:
        """Return one action with its trekkers, partners, links and source quote; `number`
        is 17 or, where two programmes share it, "2013-2015/17"."""
        reference = roles.parse_action_ref(str(number))
        if reference is None:
            raise roles.NotFound(i18n.text("error:network.action_number", "{number!r} is no action number",
                                           number=number),
                                 hint=i18n.text("error:network.action_number.hint", "write 17 or 2013-2015/17"))
        graph = self.view("history")
        return roles.action_detail(graph, roles.find_action(graph, reference[1],
                                                            programme or reference[0]))

    def project(self, name: str) -> dict[str, Any]:
        """Return one project across the editions of the projectkaarten (any name it had)."""
        graph = self.view("history")
        return projects.project_detail(graph, moments.find_at(graph, self.graph, name,
                                                              finder=projects.find_project))

    def lineage(self, name: str) -> dict[str, Any]:
        """Return the chain of predecessors and successors of a project, oldest first."""
        graph = self.view("history")
        return projects.lineage(graph, moments.find_at(graph, self.graph, name,
                                                       finder=projects.find_lineage_member))

    def person(self, name: str) -> dict[str, Any]:
        """Return a person's roles over the years and the organisations they act for."""
        graph = self.view("history")
        return projects.person_roles(graph, moments.find_at(graph, self.graph, name,
                                                            finder=projects.find_person))

    def timeline(self, name: str) -> dict[str, Any]:
        """Return an organisation's, project's or person's roles per period, with its status."""
        graph = self.view("history")
        kinds = (Node.ORGANISATION, Node.PROJECT, Node.PERSON)
        return moments.timeline(graph, moments.find_at(graph, self.graph, name, kinds))

    def path(self, a: str, b: str) -> dict[str, Any]:
        """Return how two organisations are connected, step by step, with sources."""
        view = self.view()
        return paths.connection(view, moments.find_at(view, self.graph, a),
                                moments.find_at(view, self.graph, b))

    def balance(self, theme: str | None = None) -> dict[str, Any]:
        """Return the triple-helix balance per theme (or of one theme, with its members)."""
        return balance_of.balance(self.view(), theme)

    def diff(self, a: str, b: str) -> dict[str, Any]:
        """Return what changed between two editions of the projectkaarten (card by card),
        or between any two other moments ("2014", "2022": what came and went); the
        card-by-card answer has "roles_changed", the other "roles_new" and "roles_gone".
        The two moments say what to compare: the network's own moment plays no part."""
        graph = self.graph
        try:
            return diff.edition_diff(graph, a, b)
        except roles.NotFound:  # not two editions of the projectkaarten: two moments
            return moments.moment_diff(graph, a, b)

    def communities(self) -> dict[str, Any]:
        """Return the clusters of organisations that work together, each in one line."""
        return communities.communities(self.view())

    def index(self, basket: str | None = None) -> dict[str, Any]:
        """Return Index071 (base year = 100): the overall index and the five baskets, or one
        basket's parameters, as in `graph071 index --json`."""
        model = self.monitor()
        chosen = index_model.find_basket(model, basket) if basket else None
        return index_model.index_json(model, chosen)

    def monitor(self) -> index_model.Monitor:
        """Return the Index071 model itself (baskets, parameters, series), for charts."""
        return index_model.monitor_from_graph(self.view("history"))

    def basket(self, name: str) -> index_model.Basket:
        """Return the Index071 basket (mandje) `name` names: its number or (part of) its name."""
        return index_model.find_basket(self.monitor(), name)

    def index_table(self, basket: str | None = None, *, rows: bool = False
                    ) -> pd.DataFrame | list[dict[str, Any]]:
        """Return the table of `graph071 index`: a row per basket and the overall index, or
        (with `basket`) a row per parameter and the basket; a year without a figure is "–"."""
        model = self.monitor()
        if basket is None:
            found = index_model.overview_rows(model)
        else:
            found = index_model.parameter_rows(model, index_model.find_basket(model, basket))
        return found if rows else frame(found)

    def plot_index(self, path: Path | str, basket: str | None = None) -> Path:
        """Draw the Index071 series (all baskets, or one basket's parameters) as a line chart
        for a slide (.png, .svg or .pdf); return its path."""
        from graph071.monitor.charts import plot_basket, plot_overview

        model = self.monitor()
        if basket is None:
            return plot_overview(model, Path(path))
        return plot_basket(model, index_model.find_basket(model, basket), Path(path))

    def check(self) -> dict[str, list[dict[str, Any]]]:
        """Return what a maintainer should look at: names that matched no organisation
        (with where and the closest known names) and the reading warnings; of every
        document, or (for a network with a moment) of the documents in force then."""
        if self.build is None:
            return {"unresolved": [], "warnings": []}
        built = self.build
        documents = self._documents_in_force()
        unresolved = [{"name": name, "mentions": len(mentions),
                       "where": [f"{m.document}:{m.line}" for m in mentions],
                       "suggestions": built.organisations.suggest(name)}
                      for name, mentions in sorted(built.unresolved.items())
                      if documents is None or any(m.document in documents for m in mentions)]
        warnings = [{"document": w.document, "line": w.line, "level": w.level,
                     "message": w.message} for w in built.warnings
                    if documents is None or w.document in documents]
        return {"unresolved": unresolved, "warnings": warnings}

    def check_moment(self) -> dict[str, Any]:
        """Return the moment `check` reports on: every document, or those of `as_of`."""
        if self.as_of is None:
            return {"text": i18n.text("moment:all", "As of: all documents of the corpus")}
        return moments.find_moment(self.graph, self.as_of).as_dict()

    def _documents_in_force(self) -> set[str] | None:
        if self.as_of is None:
            return None
        # The curated tables hold at every moment.
        return {*self.check_moment()["documents"], *CORRECTION_FILES, ORGANISATIONS, PROJECTS}

    # ------------------------------------------------------------ files and servers

    def export(self, path: Path | str) -> list[Path]:
        """Write the graph to `path` (.json, .graphml, .gexf or .csv); return the files."""
        from graph071.io.export import export

        return export(self.view("whole"), Path(path))

    def write_map(self, path: Path | str = "graph071.html", *, focus: str | None = None,
                  depth: int = 1, theme: str | None = None, kinds: Sequence[str] = (),
                  edition: str | None = None, size: tuple[int, int] | None = None) -> Path:
        """Write the map of the view to `path`; return its path.

        An .html path gets the interactive map (one offline file); .png, .svg or .pdf a
        picture of it drawn by headless Chromium, `size` pixels (default 1920x1080).
        `focus` centres on an organisation, action, project or person; `kinds` are node
        kinds in English or Dutch ("Organisatie").
        """
        from graph071.viz.network_map import write_map
        from graph071.viz.selection import View, parse_kinds

        view = View(focus=focus, depth=depth, theme=theme, kinds=parse_kinds(list(kinds)),
                    edition=edition)
        return write_map(self.view("whole"), Path(path), view, sources=self.sources(), size=size)

    def write_presentation(self, sheet: Path | str, path: Path | str = "presentatie.html") -> Path:
        """Write the presentation of the slides in `sheet` (.xlsx or .csv) to `path`: every
        edition with the time slider, which each slide's as-of moves (one moment with --as-of)."""
        from graph071.viz.presentation import write_presentation

        return write_presentation(self.view("whole"), Path(sheet), Path(path), sources=self.sources())

    def sources(self) -> dict[str, list[str]] | None:
        """Return document id -> lines of the corpus the graph was built from (None when
        pulled from Neo4j), so a map's "Bron" opens the passage inside the page."""
        if self.build is None:
            return None
        from graph071.viz.network_map import document_sources

        return document_sources(self.build.data_dir, self.build.documents)

    def write_lineage_map(self, name: str, path: Path | str) -> Path:
        """Write the lineage of `name` as a left-to-right timeline map; return its path."""
        from graph071.viz.network_map import write_lineage_map

        chain = self.lineage(name)
        return write_lineage_map(self.view("history"), [m["id"] for m in chain["chain"]], Path(path),
                                 title=f"Tijdlijn: {chain['name']}",
                                 editions={m["id"]: m["first_edition"] for m in chain["chain"]})

    def push(self, dry_run: bool = False, settings: Any = None) -> Any:
        """Write the graph to the Neo4j server of NEO4J_URI (one transaction); return the
        report of what was created, updated and removed."""
        from graph071.neo4j.store import push

        return push(self.view("whole"), dry_run=dry_run, settings=settings)

    @classmethod
    def pull(cls, settings: Any = None) -> Network:
        """Return the Network held in Neo4j (with the edits made there)."""
        from graph071.neo4j.store import pull

        pulled = pull(settings)
        return cls(pulled.graph, neo4j_load=pulled.load, skipped_nodes=pulled.skipped_nodes)


def load(data: Path | str | None = None, *, cache: bool = True, as_of: str | None = None
         ) -> Network:
    """Return the Network of the corpus folder `data` (default: the bundled corpus),
    answering for moment `as_of` (default: the latest state; see Network.at).

    A build is cached (graph071.build.cache) so a second load of an unchanged corpus
    answers at once; `cache=False` always builds.
    """
    from graph071.build.cache import cached_build
    from graph071.build.pipeline import build

    built = cached_build(data) if cache else build(data)
    return Network(built.graph, built, as_of=as_of)


def run_query(name: str, params: dict[str, Any] | None = None, settings: Any = None
              ) -> list[dict[str, Any]]:
    """Return the rows of the named Cypher query of queries/ run on Neo4j."""
    from graph071.neo4j.store import run_query as run

    return run(name, params, settings=settings)


def query_moment(when: str | None = None, settings: Any = None) -> dict[str, Any]:
    """Return the moment `when` names among the documents in Neo4j (None: the latest state),
    the moment the named queries answer for with $asOf; its "text" reads "Stand: ..."."""
    from graph071.neo4j.store import moment

    return moment(when, settings=settings)


def query_catalogue() -> list[dict[str, Any]]:
    """Return the named Cypher queries: name, what each answers, its parameters."""
    from graph071 import queries

    return [{"name": name, "summary": queries.load(name).summary,
             "parameters": queries.load(name).parameters} for name in queries.names()]


def add_document(path: Path | str, kind: str, edition: str, **options: Any) -> Any:
    """Add a document or an Excel/CSV list to a corpus after checking that it reads; return
    what was added (graph071.build.add.add_document takes the options)."""
    from graph071.build.add import add_document as add

    return add(Path(path), kind, edition, **options)


def write_template(kind: str, path: Path | str, overwrite: bool = False) -> Path:
    """Write an empty list to fill in (actions, projects or corrections); return its path."""
    from graph071.io.templates import write_template as write

    return write(kind, Path(path), overwrite=overwrite)

"""The graph in Neo4j: push it safely, pull it back, run the named Cypher queries.

Connection settings come from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE. A push replaces graph071's previous load in ONE transaction:
if it dies half-way (server killed, client killed, network cut) Neo4j rolls it
back and the previous load is still there, complete. Every node graph071
writes carries the :G071 label and a load id, every relationship its rank
(graph071.neo4j.codec); whatever lacks them was written by someone else and is
never changed or removed.
Every driver error becomes one Graph071Error line that says what to check.
"""

from __future__ import annotations

import gc
import os
import queue
import re
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

import networkx as nx

from graph071 import i18n
from graph071.neo4j import codec
from graph071.errors import Graph071Error
from graph071.io.safe import terminal_text
from graph071.schema import EDGE_KINDS, NODE_KINDS, Node, role_edge_kinds

# Oldest server the store and queries/ work with: elementId() needs 5.0, the
# COLLECT subqueries 5.6 and the ALL SHORTEST path syntax of path.cypher 5.21.
MINIMUM_VERSION = (5, 21)
BATCH = 10_000  # rows per UNWIND statement
Progress = Callable[[int, int], None]


class Neo4jError(Graph071Error):
    """The Neo4j server could not be used: down, wrong password, unknown database, too old."""


# The schemes the Neo4j Python driver connects with (+s: TLS, +ssc: TLS, self-signed).
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Settings:
    """Where the Neo4j server is and how to log in."""

    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Return the settings in NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.

        >>> Settings.from_env({"NEO4J_URI": "bolt://127.0.0.1:7687"}).database
        'neo4j'
        """
        environ = os.environ if environ is None else environ
        uri = environ.get("NEO4J_URI", "").strip()
        if not uri:
            raise Neo4jError(i18n.text("error:neo4j.no_uri", "NEO4J_URI is not set, so graph071 does not know which "
                                       "Neo4j to use"),
                             hint=i18n.text("error:neo4j.no_uri.hint", "start a local one with `make neo4j`, or set "
                                            "NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE for your own "
                                            "server"))
        scheme = uri.partition("://")[0].lower() if "://" in uri else ""
        if scheme not in URI_SCHEMES:
            raise Neo4jError(i18n.text("error:neo4j.scheme", "NEO4J_URI {uri!r} is not a Neo4j address: graph071 "
                                       "speaks {schemes}", uri=terminal_text(uri, keep_newlines=False),
                                       schemes=', '.join(s + '://' for s in URI_SCHEMES)),
                             hint=i18n.text("error:neo4j.scheme.hint", "e.g. bolt://localhost:7687 or "
                                            "neo4j+s://xxxx.databases.neo4j.io"))
        return cls(uri=uri, user=environ.get("NEO4J_USER") or "neo4j",
                   password=environ.get("NEO4J_PASSWORD", ""),
                   database=environ.get("NEO4J_DATABASE") or "neo4j")


def parse_version(agent: str) -> tuple[int, ...]:
    """Return the version numbers in a server agent string.

    >>> parse_version("Neo4j/5.26.30")
    (5, 26, 30)
    >>> parse_version("Neo4j/2025.10.1")
    (2025, 10, 1)
    """
    found = re.search(r"/(\d+(?:\.\d+)*)", agent or "")
    return tuple(int(part) for part in found.group(1).split(".")) if found else ()


def check_version(agent: str, uri: str = "the server") -> None:
    """Raise Neo4jError when the server that calls itself `agent` is older than MINIMUM_VERSION.

    >>> check_version("Neo4j/5.26.30")
    >>> check_version("Neo4j/4.4.12", "bolt://db:7687")
    Traceback (most recent call last):
    ...
    graph071.neo4j.store.Neo4jError: Neo4j op bolt://db:7687 is versie 4.4.12, te oud voor graph071 (het heeft 5.21 of nieuwer nodig; 5.26 LTS of een uitgave van 2025 volstaat)
    """
    version = parse_version(agent)
    if version[:2] < MINIMUM_VERSION:
        shown = ".".join(map(str, version)) or repr(agent)
        raise Neo4jError(i18n.text("error:neo4j.version", "Neo4j at {uri} is version {version}, too old for graph071 "
                                   "(it needs {minimum} or newer; 5.26 LTS or a 2025 release will do)", uri=uri,
                                   version=shown, minimum='.'.join(map(str, MINIMUM_VERSION))))


def _explain(error: Exception, settings: Settings, doing: str) -> Neo4jError:
    """Return the one-line message for a driver error."""
    from neo4j import exceptions as ex

    where = i18n.text("error:neo4j.where", "Neo4j at {uri}", uri=settings.uri)
    code = getattr(error, "code", "") or ""
    message = (getattr(error, "message", None) or str(error)).strip().splitlines()
    first = message[0] if message else type(error).__name__
    if "AuthenticationRateLimit" in code:
        return Neo4jError(i18n.text("error:neo4j.rate", "{where} refused user {user!r} for now: too many wrong "
                                    "passwords in a row", where=where, user=settings.user),
                          hint=i18n.text("error:neo4j.rate.hint", "check NEO4J_PASSWORD, wait 5 seconds, try again"))
    if isinstance(error, ex.AuthError) or code.startswith("Neo.ClientError.Security"):
        return Neo4jError(i18n.text("error:neo4j.auth", "{where} refused user {user!r}: wrong user name or password",
                                    where=where, user=settings.user),
                          hint=i18n.text("error:neo4j.auth.hint", "check NEO4J_USER and NEO4J_PASSWORD"))
    if "DatabaseNotFound" in code or "database does not exist" in first.lower():
        return Neo4jError(i18n.text("error:neo4j.database", "{where} has no database {database!r}", where=where,
                                    database=settings.database),
                          hint=i18n.text("error:neo4j.database.hint", "check NEO4J_DATABASE; Community Edition has "
                                         "only 'neo4j'"))
    if isinstance(error, ex.IncompleteCommit):
        return Neo4jError(i18n.text("error:neo4j.broke", "the connection to {where} broke while {doing} was being "
                                    "committed; it may or may not have been applied", where=where, doing=doing),
                          hint=i18n.text("error:neo4j.broke.hint", "run `graph071 neo4j push --dry-run` to see where "
                                         "it stands"))
    if isinstance(error, (ex.ServiceUnavailable, ex.SessionExpired)):
        after = (i18n.text("error:neo4j.not_applied", "; {doing} was not applied and the previous load is "
                           "unchanged", doing=doing) if doing.startswith("push") else "")
        return Neo4jError(i18n.text("error:neo4j.no_answer", "{where} does not answer", where=where) + after,
                          hint=i18n.text("error:neo4j.no_answer.hint", "is the server running? check NEO4J_URI; "
                                         "`make neo4j` starts a local one"))
    if isinstance(error, (ex.ConfigurationError, ValueError)):
        return Neo4jError(i18n.text("error:neo4j.address", "NEO4J_URI {uri!r} is not a Neo4j address: {why}",
                                    uri=settings.uri, why=first),
                          hint=i18n.text("error:neo4j.address.hint", "use e.g. bolt://127.0.0.1:7687 or "
                                         "neo4j+s://xxxx.databases.neo4j.io"))
    if "ConstraintValidationFailed" in code or "ConstraintCreationFailed" in code:
        return Neo4jError(i18n.text("error:neo4j.refused", "{where} refused {doing}: {why}", where=where,
                                    doing=doing, why=first),
                          hint=i18n.text("error:neo4j.constraint.hint", "nodes that graph071 did not write use the "
                                         "same label and id; rename or remove them"))
    return Neo4jError(i18n.text("error:neo4j.refused", "{where} refused {doing}: {why}", where=where, doing=doing,
                                why=first))


@contextmanager
def session(settings: Settings | None = None, doing: str | None = None) -> Iterator[Any]:
    """Yield a driver session on the configured database, after checking the server.

    Every driver error inside the block becomes a Neo4jError with one clear line.
    """
    import neo4j
    from neo4j import exceptions as ex

    settings = settings or Settings.from_env()
    doing = doing or i18n.text("error:neo4j.request", "the request")
    driver = None
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password), connection_timeout=5.0,
            connection_acquisition_timeout=10.0, notifications_min_severity="OFF",
            user_agent="graph071")
        check_version(driver.get_server_info().agent, settings.uri)
        with driver.session(database=settings.database) as opened:
            opened.run("RETURN 1").consume()  # an unknown database shows here
            yield opened
    except Graph071Error:
        raise
    except (ex.Neo4jError, ex.DriverError, ValueError, OSError) as error:
        raise _explain(error, settings, doing) from None
    finally:
        if driver is not None:
            driver.close()


@dataclass
class PushReport:
    """What a push created, updated and removed (or would, with dry_run)."""

    load: str
    dry_run: bool
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_removed: int = 0
    nodes_unchanged: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_removed: int = 0
    relationships_unchanged: int = 0
    # Unchanged nodes and relationships whose place in networkx's order moved (one
    # node less renumbers every later one): only that bookkeeping is rewritten.
    reordered: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return any((self.nodes_created, self.nodes_updated, self.nodes_removed,
                    self.relationships_created, self.relationships_updated,
                    self.relationships_removed, self.reordered))

    @property
    def nodes(self) -> int:
        """Return how many graph071 nodes Neo4j holds after the push."""
        return self.nodes_created + self.nodes_updated + self.nodes_unchanged

    @property
    def relationships(self) -> int:
        """Return how many graph071 relationships Neo4j holds after the push."""
        return self.relationships_created + self.relationships_updated + self.relationships_unchanged

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "changed": self.changed}


@dataclass
class _Plan:
    """The difference between the graph and graph071's previous load in Neo4j."""

    create_nodes: dict[str, list[codec.NodeRow]] = field(default_factory=dict)  # per label
    update_nodes: list[tuple[str, codec.NodeRow]] = field(default_factory=list)  # (element id, row)
    create_edges: dict[str, list[codec.EdgeRow]] = field(default_factory=dict)  # per type
    update_edges: list[tuple[str, codec.EdgeRow]] = field(default_factory=list)
    remove_nodes: list[str] = field(default_factory=list)  # element ids
    remove_edges: list[str] = field(default_factory=list)
    reorder_nodes: list[dict[str, Any]] = field(default_factory=list)  # {"eid", "rank"}
    reorder_edges: list[dict[str, Any]] = field(default_factory=list)
    ours_per_label: Counter[str] = field(default_factory=Counter)  # graph071's nodes before the push

    def size(self) -> int:
        """Return how many nodes and relationships the plan writes or removes."""
        return (len(self.remove_edges) + len(self.remove_nodes) + len(self.update_nodes)
                + len(self.update_edges) + len(self.reorder_nodes) + len(self.reorder_edges)
                + sum(map(len, self.create_nodes.values())) + sum(map(len, self.create_edges.values())))


def new_load_id() -> str:
    """Return a fresh load id: UTC time of the push and a random suffix."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:8]


Rows = tuple[dict[str, list[codec.NodeRow]], dict[str, list[codec.EdgeRow]]]


def _plan(tx: Any, rows: Rows, report: PushReport) -> _Plan:
    """Return what to write, having read graph071's previous load (inside the push's transaction)."""
    plan = _Plan()
    existing_nodes: dict[tuple[str | None, Any], tuple[str, dict[str, Any]]] = {}
    for eid, labels, props in _read_back(tx, f"MATCH (n:{codec.MARKER}) WHERE n.{codec.LOAD} IS NOT NULL",
                                         "elementId(n), labels(n), properties(n)"):
        existing_nodes[(codec.kind_of_labels(labels), props.get("id"))] = (eid, props)
        plan.ours_per_label.update(labels)
    node_rows, edge_rows = rows
    for kind, group in node_rows.items():
        for row in group:
            found = existing_nodes.pop((kind, row.id), None)
            if found is None:
                report.nodes_created += 1
                plan.create_nodes.setdefault(kind, []).append(row)
            elif not codec.same_content(found[1], row.props()):
                report.nodes_updated += 1
                plan.update_nodes.append((found[0], row))
            else:
                report.nodes_unchanged += 1
                if found[1].get(codec.RANK) != row.rank:
                    plan.reorder_nodes.append({"eid": found[0], "rank": row.rank})
    plan.remove_nodes = [eid for eid, _ in existing_nodes.values()]
    report.nodes_removed = len(plan.remove_nodes)

    existing_edges: dict[tuple[str, Any, Any, Any], tuple[str, dict[str, Any]]] = {}
    for eid, kind, source, target, props in _read_back(
            tx, f"MATCH (a:{codec.MARKER})-[r]->(b:{codec.MARKER}) WHERE r.{codec.REL_MARK} IS NOT NULL",
            "elementId(r), type(r), a.id, b.id, properties(r)"):
        existing_edges[(kind, source, target, _edge_key(kind, props))] = (eid, props)
    for kind, group in edge_rows.items():
        for row in group:
            found = existing_edges.pop((kind, row.source, row.target, row.key), None)
            if found is None:
                report.relationships_created += 1
                plan.create_edges.setdefault(kind, []).append(row)
            elif not codec.same_content(found[1], row.props()):
                report.relationships_updated += 1
                plan.update_edges.append((found[0], row))
            else:
                report.relationships_unchanged += 1
                if found[1].get(codec.RANK) != [row.out_rank, row.in_rank]:
                    plan.reorder_edges.append({"eid": found[0], "rank": [row.out_rank, row.in_rank]})
    plan.remove_edges = [eid for eid, _ in existing_edges.values()]
    report.relationships_removed = len(plan.remove_edges)
    report.reordered = len(plan.reorder_nodes) + len(plan.reorder_edges)
    return plan


READ_CHUNK = 2_000  # rows per record when a push or pull reads a load back


def _read_back(tx: Any, match: str, columns: str, **params: Any) -> Iterator[list[Any]]:
    """Yield the rows of `match` as lists of `columns`, read READ_CHUNK rows per record.

    The driver takes some 20 microseconds over every record it receives: at 100
    times the bundled corpus (136,000 rows) a push that writes nothing took 4.5 s
    with a record per row, 1.5 s like this (and with codec.same_content).
    """
    for record in tx.run(f"{match} WITH collect([{columns}]) AS rows "
                         "UNWIND range(0, size(rows) - 1, $chunk) AS start "
                         "RETURN rows[start..start + $chunk] AS chunk", params, chunk=READ_CHUNK):
        yield from record["chunk"]


def _check_foreign(tx: Any, plan: _Plan) -> None:
    """Raise when the push would have to change or remove something graph071 did not write."""
    for kind, rows in plan.create_nodes.items():
        # Neo4j counts the nodes of a label for free: when all of them are
        # graph071's, none of someone else's can have one of the new ids.
        everyone = tx.run(f"MATCH (n:{codec.label(kind)}) RETURN count(n) AS n").single()["n"]
        if everyone == plan.ours_per_label[kind]:
            continue
        for start in range(0, len(rows), BATCH):
            taken = [record["id"] for record in tx.run(
                f"UNWIND $ids AS id MATCH (n:{codec.label(kind)} {{id: id}}) "
                f"WHERE n.{codec.LOAD} IS NULL RETURN n.id AS id LIMIT 3",
                ids=[row.id for row in rows[start:start + BATCH]])]
            if taken:
                raise Neo4jError(
                    i18n.text("error:neo4j.taken", "Neo4j already holds :{kind} node(s) with id {ids} that graph071 "
                              "did not write; graph071 will not take them over", kind=kind,
                              ids=', '.join(map(repr, taken))),
                    hint=i18n.text("error:neo4j.taken.hint", "remove them or change their id in Neo4j, then push again"))
    if plan.remove_nodes:
        blocking = tx.run(
            "UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid "
            f"MATCH (n)-[r]-(other) WHERE r.{codec.REL_MARK} IS NULL "
            "RETURN n.id AS id, type(r) AS type, coalesce(other.id, other.name, elementId(other)) AS other "
            "LIMIT 3", eids=plan.remove_nodes).data()
        if blocking:
            shown = "; ".join(f"{row['id']} -[:{row['type']}]- {row['other']}" for row in blocking)
            raise Neo4jError(
                i18n.text("error:neo4j.foreign_relationships", "the documents no longer have node(s) that carry "
                          "relationships graph071 did not write ({shown}); graph071 removes its own nodes but never "
                          "other people's relationships", shown=shown),
                hint=i18n.text("error:neo4j.foreign_relationships.hint", "delete or move those relationships in "
                               "Neo4j, then push again"))


@dataclass(frozen=True, slots=True)
class _Statement:
    """One statement of a push's writes."""

    text: str
    params: dict[str, Any]
    rows: int  # nodes or relationships of the plan it writes (for progress)
    # Set on statements that return how many rows they wrote, which must be `rows`:
    # what went wrong otherwise ({missing} is how many), and what to do.
    checked: tuple[i18n.Said, i18n.Said] | None = None


_TAKEN = (i18n.said("error:neo4j.appeared", "{missing} node(s) that graph071 was about to write appeared in Neo4j "
                    "during the push, written by someone else with the same label and id; nothing was written"),
          i18n.said("error:neo4j.appeared.hint", "rename or remove those nodes in Neo4j, then push again"))


def _lost(kind: str) -> tuple[i18n.Said, i18n.Said]:
    return (i18n.said("error:neo4j.lost", "{missing} {kind} relationship(s) lost an end node during the push; "
                      "nothing was written", kind=kind),
            i18n.said("error:neo4j.lost.hint", "push again"))


Shape = TypeVar("Shape", bound=Hashable)


def _grouped(rows: Iterable[tuple[Shape, list[Any]]]) -> Iterator[tuple[Shape, list[list[Any]]]]:
    """Yield (shape, up to BATCH value lists) as soon as a shape has BATCH of them, the rest at the end.

    One statement serves one shape (the labels and property names it sets); a
    full group goes out at once, so Neo4j writes it while the next is encoded.
    """
    pending: dict[Shape, list[list[Any]]] = {}
    for shape, values in rows:
        group = pending.setdefault(shape, [])
        group.append(values)
        if len(group) == BATCH:
            yield shape, pending.pop(shape)
    yield from pending.items()


def _named(names: tuple[str, ...], first: int) -> str:
    """Return the Cypher map body that sets each of `names` from row[first], row[first + 1], ..."""
    return ", ".join(f"{codec.property_key(name)}: row[{first + i}]" for i, name in enumerate(names))


def _node_values(rows: list[codec.NodeRow]) -> Iterator[tuple[tuple[str, ...], list[Any]]]:
    for row in rows:
        props = row.props()
        yield tuple(props), list(props.values())


def _edge_values(rows: list[codec.EdgeRow]) -> Iterator[tuple[tuple[str, str, tuple[str, ...]], list[Any]]]:
    for row in rows:
        props = row.props()
        yield (row.source_kind, row.target_kind, tuple(props)), [row.source, row.target, *props.values()]


def _batches(rows: list[Any]) -> Iterator[list[Any]]:
    return (rows[start:start + BATCH] for start in range(0, len(rows), BATCH))


def _statements(plan: _Plan, load: str) -> Iterator[_Statement]:
    """Yield the statements that write the plan: removals, then nodes, then relationships.

    New nodes are merged on their id, new relationships created outright: the
    transaction has read every relationship graph071 wrote, so they are known to
    be missing, and MERGE could not tell two parallel edges of one type apart
    anyway (the edge key is stored only where it is not the type). Both kinds
    of statement name their properties, values in a list per row: `SET n = $map`
    would add an Eager step that doubles the time of a big push.
    """
    # Relationships go before their nodes; DELETE (not DETACH DELETE) fails rather
    # than take a relationship someone else added meanwhile along with the node.
    for batch in _batches(plan.remove_edges):
        yield _Statement("UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r",
                         {"eids": batch}, len(batch))
    for batch in _batches(plan.remove_nodes):
        yield _Statement("UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid DELETE n",
                         {"eids": batch}, len(batch))
    # MERGE on the id (the uniqueness constraint's index) and set the properties
    # only on a node it creates. Should someone else's node with that label and
    # id have appeared since the plan was made, the MERGE finds it, leaves it as
    # it is and does not count it, and the push fails rather than take it over.
    for kind, rows in plan.create_nodes.items():
        for names, sent in _grouped(_node_values(rows)):
            yield _Statement(f"UNWIND $rows AS row MERGE (n:{codec.label(kind)} {{id: row[0]}}) "
                             f"ON CREATE SET n:{codec.MARKER}, "
                             f"n += {{{_named(names, 0)}, {codec.LOAD}: $load}} "
                             f"WITH n WHERE n.{codec.LOAD} = $load RETURN count(n) AS written",
                             {"rows": sent, "load": load}, len(sent), _TAKEN)
    for batch in _batches(plan.update_nodes):
        sent = [{"eid": eid, "props": {**row.props(), codec.LOAD: load}} for eid, row in batch]
        yield _Statement("UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props",
                         {"rows": sent}, len(batch))
    # The ends are found by label and id, through the uniqueness constraints'
    # indexes: new nodes and old alike, and no element ids to read back first.
    for kind, edges in plan.create_edges.items():
        for (source, target, names), sent in _grouped(_edge_values(edges)):
            yield _Statement(f"UNWIND $rows AS row MATCH (a:{codec.label(source)} {{id: row[0]}}) "
                             f"MATCH (b:{codec.label(target)} {{id: row[1]}}) "
                             f"CREATE (a)-[r:{codec.rel_type(kind)} {{{_named(names, 2)}}}]->(b) "
                             "RETURN count(r) AS written", {"rows": sent}, len(sent), _lost(kind))
    for batch in _batches(plan.update_edges):
        sent = [{"eid": eid, "props": row.props()} for eid, row in batch]
        yield _Statement("UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid "
                         "SET r = row.props RETURN count(r) AS written", {"rows": sent}, len(batch),
                         _lost(i18n.text("error:neo4j.changed", "changed")))
    for batch in _batches(plan.reorder_nodes):
        yield _Statement("UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid "
                         f"SET n.{codec.RANK} = row.rank", {"rows": batch}, len(batch))
    for batch in _batches(plan.reorder_edges):
        yield _Statement("UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid "
                         f"SET r.{codec.RANK} = row.rank", {"rows": batch}, len(batch))


Item = TypeVar("Item")
_END = object()


def _ahead(items: Iterator[Item], depth: int) -> Iterator[Item]:
    """Yield what `items` yields, made by a background thread up to `depth` items ahead.

    Encoding a big push takes Python about a second; the thread does it while
    this one waits for the server (waiting on a socket lets go of the GIL) rather
    than in between. An exception raised by `items` comes out here, in its
    place in the sequence; when the caller stops early, the thread stops too.
    """
    handed: queue.Queue[tuple[Any, BaseException | None]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def hand(item: Any, error: BaseException | None = None) -> bool:
        while not stop.is_set():
            try:
                handed.put((item, error), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand(item):
                    return
        except BaseException as error:  # handed to the consumer, which raises it
            hand(_END, error)
        else:
            hand(_END)

    thread = threading.Thread(target=produce, name="graph071-push-encoder", daemon=True)
    thread.start()
    try:
        while True:
            item, error = handed.get()
            if error is not None:
                raise error
            if item is _END:
                return
            yield item
    finally:
        stop.set()
        thread.join()


AHEAD = 64  # statements encoded ahead of the server (up to 640,000 rows)


def _write(tx: Any, plan: _Plan, report: PushReport, progress: Progress | None) -> None:
    """Write the plan in the push's transaction, then record the push."""
    total, done = plan.size(), 0
    checks: list[tuple[Any, _Statement]] = []
    # The driver returns from run() once Neo4j has taken the statement (having
    # finished the one before); results are read at the end.
    for statement in _ahead(_statements(plan, report.load), AHEAD):
        result = tx.run(statement.text, statement.params)
        if statement.checked:
            checks.append((result, statement))
        done += statement.rows
        if progress:
            progress(done, total)
    tx.run(f"MATCH (m:{codec.LOAD_LABEL} {{graph: 'graph071'}}) "
           "SET m.load = $load, m.pushed_at = $at, m.nodes = $nodes, m.relationships = $rels, "
           "m.role_kinds = $roles",
           load=report.load, at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           nodes=report.nodes, rels=report.relationships, roles=list(role_edge_kinds())).consume()
    for result, statement in checks:
        written = result.single()["written"]
        if written != statement.rows:
            message, hint = statement.checked
            raise Neo4jError(i18n.text(message.key, message.default, missing=statement.rows - written,
                                       **dict(message.values)), hint=str(hint))


def ensure_constraints(opened: Any) -> None:
    """Create a uniqueness constraint on `id` for every node kind of the schema (if missing)."""
    existing = {record["name"] for record in opened.run("SHOW CONSTRAINTS YIELD name")}
    wanted = {f"g071_{kind.lower()}_id": f"FOR (n:{codec.label(kind)}) REQUIRE n.id IS UNIQUE"
              for kind in NODE_KINDS}
    wanted["g071_load_graph"] = f"FOR (m:{codec.LOAD_LABEL}) REQUIRE m.graph IS UNIQUE"
    for name, rule in wanted.items():
        if name not in existing:  # each CREATE is a transaction of its own: skip the known ones
            opened.run(f"CREATE CONSTRAINT {name} IF NOT EXISTS {rule}").consume()


def push(graph: nx.MultiDiGraph, dry_run: bool = False, settings: Settings | None = None,
         progress: Progress | None = None) -> PushReport:
    """Return what pushing `graph` created, updated and removed in Neo4j (nothing with dry_run).

    The whole push is one transaction: Neo4j holds either the previous load or
    this one, never a mix. Unchanged nodes and relationships are not written,
    so a second push of the same graph changes nothing. `progress(done, total)`
    is called after each statement written.
    """
    started = time.monotonic()
    report = PushReport(load=new_load_id(), dry_run=dry_run)
    with _cyclic_gc_paused():
        _push(graph, report, settings, progress)
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _push(graph: nx.MultiDiGraph, report: PushReport, settings: Settings | None,
          progress: Progress | None) -> None:
    dry_run = report.dry_run
    # An undeclared kind, or with dry_run a value Neo4j cannot store, shows before any connection.
    rows = (codec.node_rows(graph), codec.edge_rows(graph))
    if dry_run:
        [row.props() for kinds in rows for group in kinds.values() for row in group]
    with session(settings, doing=i18n.text("error:neo4j.dry_run", "the dry run") if dry_run
                 else i18n.text("error:neo4j.push", "the push")) as opened:
        if not dry_run:
            ensure_constraints(opened)  # schema changes cannot share a transaction with data
        with opened.begin_transaction() as tx:
            if not dry_run:
                # The record of the last push doubles as a lock: a second push waits
                # here until this one ends, then reads what this one wrote.
                recorded = tx.run(f"MERGE (m:{codec.LOAD_LABEL} {{graph: 'graph071'}}) "
                                  "SET m.pushing = $load RETURN m.role_kinds AS role_kinds",
                                  load=report.load).single()["role_kinds"]
            plan = _plan(tx, rows, report)
            _check_foreign(tx, plan)
            # queries/ read the role kinds from this record, so a schema change alone is written too.
            if dry_run or (not report.changed and recorded == list(role_edge_kinds())):
                tx.rollback()
            else:
                _write(tx, plan, report, progress)
                tx.run(f"MATCH (m:{codec.LOAD_LABEL} {{graph: 'graph071'}}) REMOVE m.pushing").consume()
                tx.commit()


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block; reference counting still frees memory.

    A push makes millions of small lists, tuples and dicts that live until they
    are sent, and every full collection walks all of them and the graph too:
    that was a third of the client's time. Nothing a push makes refers to
    itself, so nothing waits for the collector meanwhile.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


@dataclass
class Pulled:
    """A graph read from Neo4j, with the last push's record and what could not be read."""

    graph: nx.MultiDiGraph
    load: dict[str, Any] | None
    skipped_nodes: int = 0


def pull(settings: Settings | None = None) -> Pulled:
    """Return the graph071 graph that Neo4j holds now, edits made in Neo4j Browser included.

    Nodes are the :G071 nodes with a schema kind among their labels;
    relationships are those of a schema type between two of them, whoever made
    them. Node and edge order, edge keys, None values, lists and number types
    come back as they were pushed.
    """
    with session(settings, doing=i18n.text("error:neo4j.pull", "the pull")) as opened:
        with opened.begin_transaction() as tx:
            nodes = [{"eid": eid, "labels": labels, "props": props} for eid, labels, props in _read_back(
                tx, f"MATCH (n:{codec.MARKER})", "elementId(n), labels(n), properties(n)")]
            edges = [{"eid": eid, "source": source, "target": target, "type": kind, "props": props}
                     for eid, source, target, kind, props in _read_back(
                         tx, f"MATCH (a:{codec.MARKER})-[r]->(b:{codec.MARKER}) WHERE type(r) IN $types",
                         "elementId(r), elementId(a), elementId(b), type(r), properties(r)",
                         types=list(EDGE_KINDS))]
            load = tx.run(f"MATCH (m:{codec.LOAD_LABEL} {{graph: 'graph071'}}) "
                          "RETURN properties(m) AS props").single()
    return assemble_pulled(nodes, edges, load["props"] if load else None)


def assemble_pulled(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                    load: dict[str, Any] | None) -> Pulled:
    """Return the Pulled graph made of node and relationship records as `pull` reads them."""
    graph = nx.MultiDiGraph()
    ids: dict[str, Any] = {}
    skipped = 0
    placed = []
    for record in nodes:
        kind = codec.kind_of_labels(record["labels"])
        if kind is None:
            skipped += 1
            continue
        props = record["props"]
        # A node made by hand without an id still gets a stable one.
        node = props.get("id", f"{NODE_KINDS[kind].id_prefix}:neo4j/{record['eid']}")
        ids[record["eid"]] = node
        placed.append((props.get(codec.RANK), str(node), node, kind, props))
    inf = float("inf")
    for rank, _, node, kind, props in sorted(placed, key=lambda p: (inf if p[0] is None else p[0], p[1])):
        attrs = codec.decode_properties(props)
        attrs.pop("id", None)  # the node id itself
        attrs.pop("kind", None)  # the label says it
        graph.add_node(node, kind=kind, **attrs)
    kept = [(ids[e["source"]], ids[e["target"]], e) for e in edges
            if e["source"] in ids and e["target"] in ids]
    # Our relationships first (by element id among equals), so hand-made ones get the next free keys.
    kept.sort(key=lambda item: (codec.REL_MARK not in item[2]["props"], item[2]["eid"]))
    ranks = [e["props"].get(codec.RANK) or [None, None] for _, _, e in kept]
    order = codec.insertion_order([(s, t, rank[0], rank[1], (codec.REL_MARK not in e["props"], e["eid"]))
                                   for (s, t, e), rank in zip(kept, ranks)])
    keys: dict[int, Any] = {}
    taken: set[tuple[Any, Any, Any]] = set()
    for index, (source, target, record) in enumerate(kept):
        key = _edge_key(record["type"], record["props"])
        if key is None or (source, target, key) in taken:
            key, number = record["type"], 1
            while (source, target, key) in taken:
                number += 1
                key = f"{record['type']}#{number}"
        taken.add((source, target, key))
        keys[index] = key
    for index in order:
        source, target, record = kept[index]
        attrs = codec.decode_properties(record["props"])
        attrs.pop("kind", None)  # the relationship type says it
        graph.add_edge(source, target, key=keys[index], kind=record["type"], **attrs)
    return Pulled(graph, load, skipped)


def _edge_key(kind: str, props: dict[str, Any]) -> Any:
    """Return the edge key a relationship's properties store (None for one made by hand).

    graph071 stores the key only where it is not the relationship type.
    """
    return props.get(codec.KEY, kind if codec.REL_MARK in props else None)


def pull_graph(settings: Settings | None = None) -> nx.MultiDiGraph:
    """Return the graph071 graph that Neo4j holds now (what `--source neo4j` works on)."""
    return pull(settings).graph


def run_query(name: str, params: dict[str, Any] | None = None,
              settings: Settings | None = None) -> list[dict[str, Any]]:
    """Return the rows of the named query in queries/ run with `params` (text values are converted).

    Nodes and relationships in the answer come back as dicts of their graph
    attributes (with id and kind), the way the networkx analytics show them.
    A moment in `asOf` that is no date or edition, or at which no document holds, is
    refused as graph071.analytics.time.find_moment refuses it (the query would find nothing).
    """
    from graph071 import queries

    query = queries.load(name)
    bound = query.bind(params or {})
    with session(settings, doing=i18n.text("error:neo4j.query", "query {name!r}", name=name)) as opened:
        if bound.get("asOf") is not None:
            _moment(opened, bound["asOf"])
        result = opened.run(query.text, bound)
        return [{key: _value(value) for key, value in record.items()} for record in result]


def moment(when: str | None, settings: Settings | None = None) -> dict[str, Any]:
    """Return the moment `when` names among the documents Neo4j holds (None: the latest
    state), as graph071.analytics.time.Moment.as_dict gives it: its "text" reads "Stand: ..."."""
    with session(settings, doing="reading the documents") as opened:
        return _moment(opened, when).as_dict()


def _moment(opened: Any, when: str | None) -> Any:
    from graph071.analytics.time import find_moment

    documents = nx.MultiDiGraph()
    for record in opened.run(f"MATCH (d:{codec.MARKER}:{codec.label(Node.DOCUMENT)}) "
                             "RETURN d.id AS id, properties(d) AS props"):
        documents.add_node(record["id"], **{**codec.decode_properties(record["props"]),
                                            "kind": Node.DOCUMENT})
    return find_moment(documents, when)


def _value(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        kind = codec.kind_of_labels(list(value.labels))
        props = dict(value)
        return {"id": props.get("id"), "kind": kind, **codec.decode_properties(props)}
    if isinstance(value, Relationship):
        props = dict(value)
        return {"kind": value.type, "key": _edge_key(value.type, props), **codec.decode_properties(props)}
    if isinstance(value, Path):
        return [_value(node) for node in value.nodes]
    if isinstance(value, list):
        return [_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _value(item) for key, item in value.items()}
    return codec._plain(value)

"""How graph071's graph is stored in Neo4j: labels, relationship types and properties.

Pure functions, no server: the Neo4j store (graph071.neo4j.store) sends what
`node_rows` and `edge_rows` give and turns what it reads back into a graph
with `decode_properties`.

A node of kind K becomes a node with the labels :G071 (graph071's marker) and
:K, its id in the property `id`; an edge of kind T becomes a relationship of
type T. Labels and types come from graph071.schema only and are checked to be
plain identifiers, because Cypher cannot take them as parameters.

Neo4j cannot store what networkx can, so the store keeps a little bookkeeping
in properties whose names start with ``g071_`` (a prefix documents may not use):

- ``g071_load`` (nodes): the push that last wrote the node, and the mark that
  graph071 wrote it: a node without it is never changed or removed;
- ``g071_rank``: on a node its position in networkx's node order, on a
  relationship [its position among the source's out-edges, among the target's
  in-edges]. networkx keeps insertion order and the analytics break
  ties by it (two trekkers on one line are listed as the document lists them),
  so a pulled graph is rebuilt in the same order and gives the same answers.
  Every relationship graph071 writes has it, and it is their mark (REL_MARK):
  a relationship without it is someone else's, never changed or removed. (A
  load id and key on every relationship cost a big push 7% of its time and told
  nothing that the :G071Load record and the relationship type do not.)
- ``g071_key``: the MultiDiGraph edge key, which Neo4j does not have; only kept
  when it differs from the relationship type, the key graph071.build.pipeline gives;
- ``g071_nulls``: attributes whose value is None (Neo4j drops null properties);
- ``g071_json``: attributes stored as JSON text because Neo4j only stores
  scalars and lists of one scalar type (nested data, mixed lists).
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.errors import Graph071Error
from graph071.schema import EDGE_KINDS, NODE_KINDS

MARKER = "G071"  # label on every node graph071 writes
LOAD_LABEL = "G071Load"  # the one node that records the last push
PREFIX = "g071_"
LOAD = "g071_load"
KEY = "g071_key"
NULLS = "g071_nulls"
JSON_KEYS = "g071_json"
RANK = "g071_rank"
REL_MARK = RANK  # the property every relationship graph071 writes has, and no other

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_INT64 = (-(2 ** 63), 2 ** 63 - 1)
_SCALARS = (str, bool, int, float)


class StorageError(Graph071Error):
    """A graph that cannot be written to Neo4j as it is (an undeclared kind, an odd value)."""


@lru_cache(maxsize=None)
def label(kind: str) -> str:
    """Return the Neo4j label of node kind `kind`, checked against the schema.

    >>> label("Action")
    'Action'
    >>> label("Action) DETACH DELETE (x")
    Traceback (most recent call last):
    ...
    graph071.neo4j.codec.StorageError: knoopsoort 'Action) DETACH DELETE (x' is niet gedeclareerd in graph071.schema
    """
    if kind not in NODE_KINDS or not _IDENTIFIER.match(kind) or kind in (MARKER, LOAD_LABEL):
        raise StorageError(i18n.text("error:codec.node_kind", "node kind {kind!r} is not declared in graph071.schema",
                                     kind=kind))
    return kind


@lru_cache(maxsize=None)
def rel_type(kind: str) -> str:
    """Return the Neo4j relationship type of edge kind `kind`, checked against the schema.

    >>> rel_type("TREKKER")
    'TREKKER'
    """
    if kind not in EDGE_KINDS or not _IDENTIFIER.match(kind):
        raise StorageError(i18n.text("error:codec.edge_kind", "edge kind {kind!r} is not declared in graph071.schema",
                                     kind=kind))
    return kind


_PROPERTY_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@lru_cache(maxsize=None)
def property_key(key: str) -> str:
    """Return `key` quoted for use as a property name in Cypher, checked to be a plain name.

    Values always travel as parameters; a property name can not, and a
    statement that names its properties avoids the Eager step Neo4j adds
    before `SET r = $map` (it halves the time of a big push).

    >>> property_key("name_as_written")
    '`name_as_written`'
    >>> property_key("x` }]->() DETACH DELETE (n")
    Traceback (most recent call last):
    ...
    graph071.neo4j.codec.StorageError: attribuutnaam 'x` }]->() DETACH DELETE (n' kan niet in Neo4j worden bewaard (gebruik letters, cijfers en _)
    """
    if not _PROPERTY_KEY.match(key):
        raise StorageError(i18n.text("error:codec.key", "attribute name {key!r} cannot be stored in Neo4j (use "
                                     "letters, digits and _)", key=key))
    return f"`{key}`"


def kind_of_labels(labels: list[str]) -> str | None:
    """Return the node kind among a Neo4j node's labels (None when it has none).

    >>> kind_of_labels(["G071", "Organisation"])
    'Organisation'
    """
    kinds = sorted(name for name in labels if name in NODE_KINDS)
    return kinds[0] if kinds else None


def _is_native(value: Any) -> bool:
    # Neo4j stores a scalar or a homogeneous list of scalars; bool is an int in
    # Python, so types are compared exactly, and [1, 2.0] would come back as floats.
    kind = type(value)
    if kind is str or kind is float or kind is bool:
        return True
    if kind is int:
        return _INT64[0] <= value <= _INT64[1]
    if kind is list:
        if not value:
            return True
        types = set(map(type, value))
        if len(types) != 1 or not types <= _SCALAR_TYPES:
            return False
        return types != {int} or (_INT64[0] <= min(value) and max(value) <= _INT64[1])
    return False


_SCALAR_TYPES = frozenset(_SCALARS)
_CHECKED: set[tuple[tuple[Any, ...], tuple[str, ...]]] = set()  # attribute name sets already checked
What = str | Callable[[], str]  # what is being stored, for messages (a function: made only if needed)


def _check_names(keys: tuple[Any, ...], what: What, reserved: tuple[str, ...]) -> None:
    for key in keys:
        if type(key) is not str or key.startswith(PREFIX) or key in reserved:
            raise StorageError(i18n.text("error:codec.reserved", "{what}: attribute name {key!r} is reserved for the "
                                         "Neo4j store", what=_said(what), key=key),
                               hint=i18n.text("error:codec.reserved.hint", "rename it; names starting with {prefix!r} "
                                              "and {reserved} are taken", prefix=PREFIX,
                                              reserved=', '.join(map(repr, reserved))
                                              or i18n.text("error:none", "none")))
    _CHECKED.add((keys, reserved))


def _said(what: What) -> str:
    return what if isinstance(what, str) else what()


def encode_properties(attrs: dict[str, Any], what: What, reserved: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the Neo4j properties that store `attrs` (without `kind`, which is the label or type).

    >>> encode_properties({"kind": "Action", "number": 17, "code": None, "notes": [],
    ...                    "mixed": [1, "a"]}, "action:17")
    {'number': 17, 'notes': [], 'mixed': '[1, "a"]', 'g071_nulls': ['code'], 'g071_json': ['mixed']}
    """
    keys = tuple(attrs)
    if (keys, reserved) not in _CHECKED:
        _check_names(keys, what, reserved)
    props: dict[str, Any] = {}
    nulls: list[str] = []
    as_json: list[str] = []
    for key, value in attrs.items():
        if key == "kind":
            continue  # the label or relationship type says it
        kind = type(value)
        if kind is str or kind is float or kind is bool or (kind is int and _INT64[0] <= value <= _INT64[1]):
            props[key] = value  # the common case first: most values are text
        elif value is None:
            nulls.append(key)
        elif _is_native(value):
            props[key] = value
        else:
            try:
                props[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            except TypeError as error:
                raise StorageError(i18n.text("error:codec.value", "{what}: attribute {key!r} holds a {type}, which "
                                             "Neo4j cannot store", what=_said(what), key=key,
                                             type=type(value).__name__)) from error
            as_json.append(key)
    if nulls:
        props[NULLS] = sorted(nulls)
    if as_json:
        props[JSON_KEYS] = sorted(as_json)
    return props


def decode_properties(props: dict[str, Any]) -> dict[str, Any]:
    """Return the graph attributes that `props` (as read from Neo4j) stores, bookkeeping removed.

    Attributes come back sorted by name, with `name` first.

    >>> decode_properties({"number": 17, "mixed": '[1, "a"]', "g071_nulls": ["code"],
    ...                    "g071_json": ["mixed"], "g071_load": "x", "name": "17. X"})
    {'name': '17. X', 'code': None, 'mixed': [1, 'a'], 'number': 17}
    """
    as_json = set(props.get(JSON_KEYS) or [])
    attrs: dict[str, Any] = {key: None for key in props.get(NULLS) or []}
    for key, value in props.items():
        if key.startswith(PREFIX):
            continue
        if type(value) in _SCALAR_TYPES:  # nearly every value: text, a number, a boolean
            attrs[key] = json.loads(value) if key in as_json else value
        else:
            attrs[key] = _plain(value)
    return {key: attrs[key] for key in sorted(attrs, key=lambda k: (k != "name", k))}


def _plain(value: Any) -> Any:
    # Values users set in Neo4j Browser may be dates or points: keep them readable.
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if not isinstance(value, (*_SCALARS, dict, bytes)) and value is not None:
        return str(value)
    return value


def same_content(stored: dict[str, Any], wanted: dict[str, Any]) -> bool:
    """Return whether two property maps hold the same content, types included.

    Python says 1 == 1.0 == True; Neo4j keeps them apart, and so must the
    comparison that decides whether a push updates something. The load id and
    the order bookkeeping are left out: one node less shifts the rank of every
    later node, and that is not a change of content. So is the edge key: the
    push finds a relationship by it, so both sides have the same one (earlier
    versions stored it even where it equals the type; that is no change).

    >>> same_content({"a": 1}, {"a": 1.0}), same_content({"a": [1, 2]}, {"a": [1, True]})
    (False, False)
    >>> same_content({"a": 1, "g071_rank": 4}, {"a": 1, "g071_rank": 3})
    True
    """
    keys = stored.keys() - _NOT_CONTENT
    return keys == wanted.keys() - _NOT_CONTENT and all(_same(stored[k], wanted[k]) for k in keys)


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is list:
        return len(a) == len(b) and all(map(_same, a, b))
    return a == b or (a != a and b != b)  # NaN is NaN


_NOT_CONTENT = frozenset((LOAD, RANK, KEY))


@dataclass(slots=True)
class NodeRow:
    """A node to store: its id, label, attributes and place in the graph's node order."""

    id: Any
    kind: str
    data: dict[str, Any]
    rank: int

    def props(self) -> dict[str, Any]:
        """Return the node's Neo4j properties (without the load id, which the push adds)."""
        return {"id": self.id, **encode_properties(self.data, lambda: f"node {self.id!r}", reserved=("id",)),
                RANK: self.rank}


@dataclass(slots=True)
class EdgeRow:
    """An edge to store: its ends (and their kinds), key, type, attributes and places in
    its ends' edge order."""

    source: Any
    target: Any
    key: Any
    kind: str
    data: dict[str, Any]
    out_rank: int
    in_rank: int
    source_kind: str
    target_kind: str

    def props(self) -> dict[str, Any]:
        """Return the relationship's Neo4j properties (the key only where it is not the type)."""
        props = encode_properties(self.data, lambda: f"edge {self.source!r} -> {self.target!r} ({self.key!r})")
        if self.key != self.kind:
            props[KEY] = self.key
        props[RANK] = [self.out_rank, self.in_rank]
        return props


def node_rows(graph: nx.MultiDiGraph) -> dict[str, list[NodeRow]]:
    """Return the graph's nodes per Neo4j label, with ids and kinds checked.

    Properties are encoded only when asked (NodeRow.props), so a push can encode
    one batch while Neo4j writes the one before.
    """
    rows: dict[str, list[NodeRow]] = {}
    for rank, (node, data) in enumerate(graph.nodes(data=True)):
        if type(node) not in (str, int):
            raise StorageError(i18n.text("error:codec.node_id", "node {node!r}: only text and whole-number ids can be "
                                         "stored", node=node))
        kind = data.get("kind")
        if kind is None:
            raise StorageError(i18n.text("error:codec.no_kind", "node {node!r} has no kind", node=node))
        rows.setdefault(label(kind), []).append(NodeRow(node, kind, data, rank))
    return rows


def edge_rows(graph: nx.MultiDiGraph) -> dict[str, list[EdgeRow]]:
    """Return the graph's edges per relationship type, with kinds and keys checked.

    Each row knows the edge's position among its source's out-edges and among
    its target's in-edges.
    """
    # networkx lists a node's out-edges (and in-edges) neighbour by neighbour, keys
    # in insertion order. Walking its adjacency dicts directly, as its own
    # algorithms do, takes a third of the time of out_edges(node) and in_edges(node).
    in_rank: dict[tuple[Any, Any, Any], int] = {}
    for target, sources in graph._pred.items():
        position = 0
        for source, keys in sources.items():
            for key in keys:
                in_rank[source, target, key] = position
                position += 1
    kinds = {node: _node_kind(node, data) for node, data in graph.nodes(data=True)}
    rows: dict[str, list[EdgeRow]] = {}
    for source, targets in graph._adj.items():
        position = 0
        for target, keys in targets.items():
            for key, data in keys.items():
                if type(key) not in (str, int):
                    raise StorageError(i18n.text("error:codec.edge_key", "edge {source!r} -> {target!r} ({key!r}): only "
                                                 "text and whole-number edge keys can be stored", source=source,
                                                 target=target, key=key))
                kind = data.get("kind")
                if kind is None:
                    raise StorageError(i18n.text("error:codec.edge_no_kind", "edge {source!r} -> {target!r} ({key!r}) "
                                                 "has no kind", source=source, target=target, key=key))
                rows.setdefault(rel_type(kind), []).append(EdgeRow(
                    source, target, key, kind, data, position, in_rank[source, target, key],
                    kinds[source], kinds[target]))
                position += 1
    return rows


def _node_kind(node: Any, data: dict[str, Any]) -> str:
    kind = data.get("kind")
    if kind is None:
        raise StorageError(i18n.text("error:codec.no_kind", "node {node!r} has no kind", node=node))
    return label(kind)


def insertion_order(edges: list[tuple[Any, Any, int | None, int | None, Any]]) -> list[int]:
    """Return the order in which to add edges so that every node lists its out-edges and
    in-edges in their stored ranks.

    `edges` holds (source, target, out_rank, in_rank, tie) per edge; the answer
    holds indexes into it. An edge without ranks (made in Neo4j Browser) comes
    after the ranked ones of its nodes. Each node's out-edges and in-edges are
    chains; a topological order of both sets of chains exists for any graph
    networkx built, and ties go to the lower `tie`.

    >>> insertion_order([("a", "x", 1, 0, 0), ("a", "y", 0, 0, 1), ("b", "x", 0, 1, 2)])
    [1, 0, 2]
    """
    after: list[list[int]] = [[] for _ in edges]
    waiting = [0] * len(edges)
    chains: dict[tuple[str, Any], list[tuple[float, Any, int]]] = {}
    inf = float("inf")
    for index, (source, target, out_rank, in_rank, tie) in enumerate(edges):
        chains.setdefault(("out", source), []).append(
            (inf if out_rank is None else out_rank, tie, index))
        chains.setdefault(("in", target), []).append(
            (inf if in_rank is None else in_rank, tie, index))
    for chain in chains.values():
        chain.sort(key=lambda item: (item[0], str(item[1]), item[2]))
        for (_, _, first), (_, _, second) in zip(chain, chain[1:]):
            after[first].append(second)
            waiting[second] += 1
    ready = [(str(edges[i][4]), i) for i in range(len(edges)) if waiting[i] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        _, index = heapq.heappop(ready)
        order.append(index)
        for following in after[index]:
            waiting[following] -= 1
            if waiting[following] == 0:
                heapq.heappush(ready, (str(edges[following][4]), following))
    if len(order) < len(edges):
        # Ranks edited by hand can contradict each other: keep the rest in tie order.
        placed = set(order)
        order += sorted((i for i in range(len(edges)) if i not in placed),
                        key=lambda i: str(edges[i][4]))
    return order

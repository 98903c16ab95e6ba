"""A Build as data-only JSON and back, exactly: what the build cache stores.

Reading a snapshot can never run code: it is JSON, and the only objects it can
make are the few record types named in `RECORD_TYPES`, filled field by field.
The graph keeps its node order and both adjacency orders, so every command gives
the same answer from a snapshot as from a fresh build. Values JSON has no word for
are tagged: {"$tuple": [...]}, {"$path": "..."}, {"$dict": [[key, value], ...]}
(a dict with keys that are not plain text), {"$record": "Mention", "fields": {...}}.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph071.build.builder import Build, Mention
from graph071.corpus.manifest import DocumentEntry
from graph071.corpus.organisations import Organisation, OrganisationTable
from graph071.i18n import Said
from graph071.records import ParseWarning, Source

FORMAT = 2  # 2: warnings keep key and values (a Said), said in the language of the reader
RECORD_TYPES: dict[str, type] = {cls.__name__: cls for cls in (
    Build, DocumentEntry, Mention, Organisation, ParseWarning, Said, Source)}


class SnapshotError(ValueError):
    """A snapshot that is not one this code wrote (corrupt, foreign, or of another format)."""


def dumps(result: Build) -> str:
    """Return `result` as snapshot JSON; TypeError when it holds a value of no known type."""
    return json.dumps({"format": FORMAT, "build": _encode(result)}, ensure_ascii=False,
                      separators=(",", ":"))


def loads(text: str | bytes) -> Build:
    """Return the Build a snapshot holds; SnapshotError for anything else."""
    try:
        data = json.loads(text, object_hook=_decode_object)
    except SnapshotError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
        raise SnapshotError(f"not a snapshot: {type(error).__name__}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SnapshotError("not a snapshot of this format")
    result = data.get("build")
    if not isinstance(result, Build) or not isinstance(result.graph, nx.MultiDiGraph):
        raise SnapshotError("the snapshot holds no build")
    return result


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, Path):
        return {"$path": str(value)}
    if isinstance(value, nx.MultiDiGraph):
        return {"$graph": _encode_graph(value)}
    if isinstance(value, OrganisationTable):
        return {"$organisations": [_encode(org) for org in value.organisations]}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if dataclasses.is_dataclass(value) and RECORD_TYPES.get(type(value).__name__) is type(value):
        return {"$record": type(value).__name__,
                "fields": {f.name: _encode(getattr(value, f.name))
                           for f in dataclasses.fields(value)}}
    raise TypeError(f"a build snapshot cannot hold a {type(value).__name__}")


def _encode_graph(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return {
        "graph": _encode(graph.graph),
        "nodes": [[_encode(n), _encode(d)] for n, d in graph.nodes(data=True)],
        "edges": [[_encode(u), _encode(v), _encode(k), _encode(d)]
                  for u, v, k, d in graph.edges(keys=True, data=True)],
        # The order of each node's predecessors, which edge order alone does not fix.
        "pred": [[_encode(n), [_encode(u) for u in graph.pred[n]]] for n in graph.nodes],
    }


def _decode_graph(data: dict[str, Any]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.graph.update(data["graph"])
    for node, attrs in data["nodes"]:
        graph.add_node(node, **attrs)
    for source, target, key, attrs in data["edges"]:
        graph.add_edge(source, target, key=key, **attrs)
    if graph.number_of_nodes() != len(data["nodes"]):
        raise SnapshotError("edges name nodes the snapshot does not hold")
    predecessors = graph._pred  # networkx's own adjacency dicts: reorder, never replace
    for node, order in data["pred"]:
        current = predecessors[node]
        if sorted(map(repr, order)) != sorted(map(repr, current)):
            raise SnapshotError("predecessor order does not match the edges")
        predecessors[node] = {u: current[u] for u in order}
    return graph


def _record(name: str, fields: dict[str, Any]) -> Any:
    cls = RECORD_TYPES.get(name)
    if cls is None or not isinstance(fields, dict):
        raise SnapshotError(f"unknown record {name!r}")
    known = {f.name for f in dataclasses.fields(cls)}
    if set(fields) != known:
        raise SnapshotError(f"record {name} with other fields than this code has")
    return cls(**fields)


_TAGS = {
    "$tuple": tuple,
    "$path": Path,
    "$dict": lambda pairs: {k: v for k, v in pairs},
    "$graph": _decode_graph,
    "$organisations": lambda orgs: OrganisationTable(list(orgs)),
    "$datetime": dt.datetime.fromisoformat,
    "$date": dt.date.fromisoformat,
}


def _decode_object(data: dict[str, Any]) -> Any:
    if "$record" in data and len(data) == 2 and "fields" in data:
        return _record(data["$record"], data["fields"])
    if len(data) == 1:
        (tag, value), = data.items()
        if tag.startswith("$"):
            decode = _TAGS.get(tag)
            if decode is None:
                raise SnapshotError(f"unknown tag {tag!r}")
            return decode(value)
    return data

"""graph071: the Economie071 documents as a knowledge graph of actions, projects,
organisations and people, with analytics, Neo4j storage and interactive maps.

    >>> import graph071
    >>> net = graph071.load()          # the bundled corpus; graph071.load("mijn-corpus")
    >>> net.orphans()                  # a pandas DataFrame                # doctest: +SKIP

The library's layers, each a sub-package that imports only the ones above it:
schema / errors / records (the vocabulary) -> corpus (reading the corpus folder) ->
loaders (documents -> records) -> build (records -> graph, corrections, cache) ->
analytics, monitor, io, neo4j, viz (questions, Index071, files, server, maps) ->
network (the Network object) -> cli (the command line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Network", "load", "__version__"]

if TYPE_CHECKING:
    from graph071.network import Network, load


def __getattr__(name: str):
    # Imported on first use, so that `graph071 --help` does not pay for networkx and pandas.
    if name in ("Network", "load"):
        from graph071 import network

        return getattr(network, name)
    raise AttributeError(f"module 'graph071' has no attribute {name!r}")

"""What the global options chose (--data, --source), carried in typer's context object.

Every command asks `session(ctx)` for the Network it works on; the graph is built (or
pulled from Neo4j) on first use only, so `--help` and mistakes in the arguments cost
nothing. Imported by the command modules; imports only the library, lazily.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from graph071.network import Network


class Source(str, Enum):
    """Where the graph comes from: built from the documents, or read from Neo4j."""

    networkx = "networkx"
    neo4j = "neo4j"


@dataclass
class Session:
    """The global options of one command line, and the networks built for it."""

    data: Path | None = None
    source: Source = Source.networkx
    # The Network built from the documents; built on first use unless given (a benchmark
    # or a notebook may hand the CLI a Network it already has).
    prebuilt: Network | None = field(default=None, repr=False)
    _pulled: Network | None = field(default=None, repr=False)

    def built(self) -> Network:
        """Return the Network built from the documents of the corpus (cached)."""
        if self.prebuilt is None:
            from graph071.network import load

            self.prebuilt = load(self.data)
        return self.prebuilt

    def network(self) -> Network:
        """Return the Network the command asks about: built, or pulled with --source neo4j."""
        if self.source is Source.neo4j:
            if self._pulled is None:
                from graph071.network import Network

                self._pulled = Network.pull()
            return self._pulled
        return self.built()


def session(ctx: typer.Context) -> Session:
    """Return the Session of this command line (a fresh one when none was set)."""
    return ctx.ensure_object(Session)

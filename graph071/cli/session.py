"""What the global options chose (--data, --source, --as-of), carried in typer's context.

Every command asks `session(ctx).network(scope)` for the Network it works on; the graph
is built (or pulled from Neo4j) on first use only, so `--help` and mistakes in the
arguments cost nothing. Asking for a network also says which moment the answer is for
("Stand: ..."), on standard error when the output is --json or --csv. Imported by the
command modules; imports only the library, lazily.
"""

from __future__ import annotations

import sys
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
    as_of: str | None = None
    machine_output: bool = False  # --json or --csv: only data on standard output
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

    def network(self, scope: str = "moment") -> Network:
        """Return the Network the command asks about (built, or pulled with --source neo4j)
        at the --as-of moment, after saying which moment the answers of `scope` are for
        (see graph071.network.Network.view)."""
        if self.source is Source.neo4j:
            if self._pulled is None:
                from graph071.network import Network

                self._pulled = Network.pull()
            base = self._pulled
        else:
            base = self.built()
        network = base.at(self.as_of)
        self.say_moment(network.moment(scope))
        return network

    def say_moment(self, moment: dict | None) -> None:
        """Write the line that says which moment the answer is for ("Stand: ...")."""
        if moment is None:
            return
        if self.machine_output:
            sys.stderr.write(moment["text"] + "\n")
        else:
            from graph071.cli.output import console, escape

            console().print(escape(moment["text"]), style="italic")


def session(ctx: typer.Context) -> Session:
    """Return the Session of this command line (a fresh one when none was set)."""
    return ctx.ensure_object(Session)

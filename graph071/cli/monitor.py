"""`graph071 index`: Index071, the economic monitor: overall index, baskets, parameters."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graph071 import i18n
from graph071.cli import output
from graph071.cli.options import JsonOption
from graph071.cli.session import session


def index_(ctx: typer.Context,
           basket: Annotated[Optional[str], typer.Argument(
               help="A basket (mandje): its number or (part of its) name, e.g. Regiomarketing.")]
           = None,
           plot: Annotated[Optional[Path], typer.Option(
               "--plot", dir_okay=False,
               help="Draw the series as a line chart for a slide (.png, .svg or .pdf).")] = None,
           json_: JsonOption = False) -> None:
    """Index071, base year 2012 = 100: the overall index and its five baskets, or the
    parameters of one basket with weight, series and data source.

    The figures are those of the appendix; a year without a figure shows as "–" (null
    in JSON), never as 0. `graph071 check` lists where text and appendix disagree.

    Example: graph071 index Regiomarketing --plot regiomarketing.png
    """
    network = session(ctx).network("history")
    monitor = network.monitor()
    chosen = network.basket(basket) if basket else None
    if plot is not None:
        typer.echo(i18n.text("index:chart", "Chart written: {path}",
                             path=network.plot_index(plot, basket)))
        return
    if json_:
        output.print_json(network.index(basket))
        return
    from graph071.monitor.model import pct  # networkx comes with it: not at start-up

    years = [(str(year), str(year)) for year in monitor.years]
    rows = network.index_table(basket, rows=True)
    if chosen is None:
        output.print_table(rows, [("number", "Nr"), ("name", "Mandje"), ("weight", "Weging"),
                                  ("parameters", "Parameters"), *years],
                           title=i18n.text("index:title", "{name} (edition {edition}, {base} = 100)",
                                           name=monitor.name, edition=monitor.edition,
                                           base=monitor.base_year))
    else:
        output.print_table(rows, [("number", "Nr"), ("name", "Parameter"), ("weight", "Weging"),
                                  *years, ("source", "Bron")],
                           title=i18n.text("index:basket", "Mandje {basket}: weight {weight} in "
                                           "{name}, {count} parameters", basket=chosen.name,
                                           weight=pct(chosen.weight_pct), name=monitor.name,
                                           count=len(chosen.parameters)))


COMMANDS = ((index_, "index"),)

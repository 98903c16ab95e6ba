"""`graph071 map`: the interactive network map, one offline HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graph071.cli.session import session


def map_(ctx: typer.Context,
         output_path: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")]
         = Path("graph071.html"),
         focus: Annotated[Optional[str], typer.Option(
             "--focus", help="Centre on an organisation, action (17), project or person.")] = None,
         depth: Annotated[int, typer.Option(
             "--depth", min=1, help="With --focus: how many steps away to include.")] = 1,
         theme: Annotated[Optional[str], typer.Option(
             "--theme", help="Only this theme (number or name) and who works on it.")] = None,
         kind: Annotated[Optional[list[str]], typer.Option(
             "--kind", metavar="<kind>",
             help="Node kinds to show, repeatable: --kind Organisation --kind Actie "
                  "(default: all but documents).")] = None,
         edition: Annotated[Optional[str], typer.Option(
             "--edition", help="Only what one edition says, e.g. 2018 or 2019-06.")] = None) -> None:
    """Write an interactive network map as one self-contained HTML file (works offline).

    Colours by kind (organisations by triple-helix side), size by hub score, a red
    dashed border for "geen trekker"; hover for the source quote, search by any name.

    Example: graph071 map --focus "gemeente Leiden" --depth 2 -o kaart.html
    """
    written = session(ctx).network().write_map(output_path, focus=focus, depth=depth,
                                               theme=theme, kinds=kind or [], edition=edition)
    typer.echo(f"Kaart geschreven: {written}")


COMMANDS = ((map_, "map"),)

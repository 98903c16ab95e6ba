"""`graph071 map` (the network map: offline HTML, or a picture) and `graph071 presentatie`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graph071 import i18n
from graph071.cli.session import session


def map_(ctx: typer.Context,
         output_path: Annotated[Path, typer.Option(
             "-o", "--output", help="File to write: .html (interactive), or .png, .svg or .pdf "
                                    "for a picture of the view (.png and .pdf need Chromium).")]
         = Path("graph071.html"),
         size: Annotated[Optional[str], typer.Option(
             "--size", metavar="BxH", help="Size of a .png or .svg picture in pixels "
                                           "(default 1920x1080).")] = None,
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
    Example: graph071 map -o kaart.png --size 1920x1080
    """
    from graph071.viz.picture import is_picture, parse_size

    written = session(ctx).network("whole").write_map(output_path, focus=focus, depth=depth,
                                                      theme=theme, kinds=kind or [],
                                                      edition=edition,
                                                      size=parse_size(size) if size else None)
    typer.echo(i18n.text("map:picture", "Picture written: {path}", path=written) if is_picture(written)
               else i18n.text("map:written", "Map written: {path}", path=written))


def presentation(ctx: typer.Context,
                 sheet: Annotated[Path, typer.Argument(
                     help="The story: .xlsx or .csv, one row per slide (titel, tekst, focus, "
                          "diepte, thema, soorten, as-of).")],
                 output_path: Annotated[Path, typer.Option(
                     "-o", "--output", help="HTML file to write.")] = Path("presentatie.html")
                 ) -> None:
    """Write a presentation: the map stepping through one view per slide (offline HTML).

    Arrow keys or a click go to the next view, with an animation; F gives full screen.
    An empty sheet to start from: graph071 template presentatie verhaal.xlsx

    Example: graph071 presentatie verhaal.xlsx -o presentatie.html
    """
    written = session(ctx).network("whole").write_presentation(sheet, output_path)
    typer.echo(i18n.text("map:presentation", "Presentation written: {path}", path=written))


COMMANDS = ((map_, "map"), (presentation, "presentatie"))

"""Presentations: a sheet with one row per slide becomes one offline HTML file of map views.

Each row names a view of the map (a focus and its depth, a theme, node kinds, a
date) and what the presenter says with it (titel, tekst). The page is the map
itself (graph071.viz.network_map) with the slides added: arrow keys, clicks on the
slide or its buttons step through them, the map moves to each view with an
animation, F gives full screen. Every row is checked here, so a mistake in the
sheet is reported with its row and column before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

from graph071 import i18n
from graph071.corpus.sheets import (Column, Problem, Row, SheetError, is_template_example,
                                    read_table)
from graph071.analytics.time import find_moment
from graph071.errors import Graph071Error
from graph071.viz.selection import View, parse_kinds, resolve_focus, theme_ids

SLIDE_SHEETS = ("presentatie", "dias", "verhaal")
ORPHANS_WORDS = ("zonder trekker", "geen trekker")  # in "soorten": only the orphans
MAX_DEPTH = 4
AS_OF = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")

SLIDE_COLUMNS: tuple[Column, ...] = (
    Column("titel", "Titel van de dia, groot in beeld.", True, ("title",),
           "Twaalf acties zonder trekker"),
    Column("tekst", "Wat u bij deze dia vertelt; een paar zinnen (Alt+Enter voor een nieuwe "
           "regel).", False, ("text", "toelichting"),
           "Deze acties en projecten hebben nog geen trekker. Wie pakt ze op?"),
    Column("focus", "Waar de kaart op inzoomt: een organisatie (elke schrijfwijze), actie "
           "(17), project of persoon. Leeg: het hele netwerk.", False, (), ""),
    Column("diepte", "Met focus: hoeveel stappen rondom de focus te tonen (1 tot en met 4; "
           "leeg is 1).", False, ("depth",), ""),
    Column("thema", "Alleen dit thema: nummer (in elk programma) of naam.", False,
           ("theme",), ""),
    Column("soorten", "Soorten knopen, gescheiden door ';' (Actie; Organisatie). Schrijf "
           "'zonder trekker' voor alleen de acties en projecten zonder trekker.", False,
           ("kinds", "soort"), "zonder trekker"),
    Column("as-of", "Stand per datum of editie (2018 of 2018-10); wordt op de dia getoond.",
           False, ("as of", "stand", "datum", "editie"), ""),
)


def read_slides(graph: nx.MultiDiGraph, path: Path | str) -> list[dict[str, Any]]:
    """Return the slides of the sheet at `path`, each a view the map page can show.

    Raises SheetError listing every problem (sheet, row, column) when a row names
    something the graph does not have.
    """
    table = read_table(Path(path), SLIDE_COLUMNS, SLIDE_SHEETS)
    rows = [row for row in table.rows if not is_template_example(table, row, SLIDE_COLUMNS)]
    problems: list[Problem] = []
    slides = [slide for slide in (_slide(graph, row, problems) for row in rows) if slide]
    if not problems and not slides:
        problems.append(Problem(table.sheet, 0, "", "", i18n.text(
            "error:presentation.no_slides", "no slides: the grey example row is skipped, add rows of your own")))
    if problems:
        raise SheetError(path, problems)
    return slides


def _slide(graph: nx.MultiDiGraph, row: Row, problems: list[Problem]) -> dict[str, Any] | None:
    """Return the view of one row, or None after adding its problems to `problems`."""
    before = len(problems)
    slide: dict[str, Any] = {"titel": row.get("titel"), "tekst": row.get("tekst"), "row": row.number}
    kinds = [w.strip() for w in row.get("soorten").split(";") if w.strip()]
    if any(word.lower() in ORPHANS_WORDS for word in kinds):
        slide["orphans"] = True
        kinds = [word for word in kinds if word.lower() not in ORPHANS_WORDS]
    slide["kinds"] = list(_checked(row, "soorten", problems, lambda: parse_kinds(kinds)) or ())
    if row.get("focus"):
        slide["focus"] = _checked(row, "focus", problems,
                                  lambda: resolve_focus(graph, row.get("focus")))
    if row.get("diepte"):
        depth = row.get("diepte")
        if depth.isdigit() and 1 <= int(depth) <= MAX_DEPTH:
            slide["depth"] = int(depth)
        else:
            problems.append(row.problem("diepte", i18n.text(
                "error:presentation.depth", "diepte {depth!r}: write a whole number from 1 to {most}", depth=depth,
                most=MAX_DEPTH)))
    if row.get("thema"):
        _checked(row, "thema", problems, lambda: theme_ids(graph, row.get("thema")))
        slide["theme"] = row.get("thema")
    if row.get("as-of"):
        if AS_OF.match(row.get("as-of")):
            slide["as_of"] = row.get("as-of")
            # A moment before the corpus starts is refused here, as --as-of refuses it.
            _checked(row, "as-of", problems, lambda: find_moment(graph, row.get("as-of")))
        else:
            problems.append(row.problem("as-of", i18n.text(
                "error:presentation.as_of", "{value!r} is not a date: write 2018 or 2018-10", value=row.get('as-of'))))
    return slide if len(problems) == before else None


def _checked(row: Row, column: str, problems: list[Problem], check):
    """Return check(), or None after turning its Graph071Error into a problem at `column`."""
    try:
        return check()
    except Graph071Error as error:
        problems.append(row.problem(column, str(error)))  # str() carries the hint
        return None


def write_presentation(graph: nx.MultiDiGraph, sheet: Path | str, path: Path | str,
                       sources: dict[str, list[str]] | None = None) -> Path:
    """Write the presentation the slides in `sheet` describe to `path` (.html); return it."""
    from graph071.viz.network_map import map_payload, render_page, write_page

    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise Graph071Error(i18n.text("error:presentation.html", "{path}: a presentation is an .html file", path=path),
                            hint=i18n.text("error:presentation.html.hint", "choose e.g. -o presentatie.html"))
    slides = read_slides(graph, sheet)
    payload = map_payload(graph, View(), title=slides[0]["titel"] or "Presentatie",
                          sources=sources)
    payload["subtitle"] = f"Presentatie · {len(slides)} dia's · pijltjestoetsen of klik om verder te gaan"
    for slide in slides:
        if slide.get("as_of") and payload.get("time"):
            slide["moment"] = slider_position(graph, payload["time"], slide["as_of"])
    payload["slides"] = slides
    return write_page(render_page(payload), path)


def slider_position(graph: nx.MultiDiGraph, time: dict[str, Any], when: str) -> int:
    """Return the position of the map's time slider that shows moment `when` (as --as-of
    reads it): the last edition that had appeared by then."""
    day = find_moment(graph, when).day
    return max((i for i, moment in enumerate(time["moments"]) if moment["day"] <= day), default=0)

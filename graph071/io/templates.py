"""Spreadsheets for users: empty templates with a filled example row, and the actions of a graph.

The columns come from their one declaration (loaders/spreadsheet.py for actions
and projects, graph071/corpus/corrections.py for corrections), so a template always
matches what graph071 reads.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from graph071 import i18n
from graph071.errors import Graph071Error
from graph071.io.safe import atomic_file, atomic_path, check_writable, keep_as_text, spreadsheet_row
from graph071.corpus.sheets import CSV_SUFFIXES, LIST_SEPARATOR, XLSX_SUFFIXES, Column
from graph071.schema import Edge, Node


def template_kinds() -> dict[str, tuple[tuple[Column, ...], str]]:
    """Return {kind: (columns, sheet name)} for the lists users can keep themselves."""
    from graph071.corpus.corrections import CORRECTION_COLUMNS, CORRECTION_SHEETS
    from graph071.loaders.spreadsheet import (ACTION_COLUMNS, ACTION_SHEETS, PROJECT_COLUMNS,
                                      PROJECT_SHEETS)

    from graph071.viz.presentation import SLIDE_COLUMNS, SLIDE_SHEETS

    return {"actions": (ACTION_COLUMNS, ACTION_SHEETS[0]),
            "projects": (PROJECT_COLUMNS, PROJECT_SHEETS[0]),
            "corrections": (CORRECTION_COLUMNS, CORRECTION_SHEETS[0]),
            "presentatie": (SLIDE_COLUMNS, SLIDE_SHEETS[0])}


def write_template(kind: str, path: Path, overwrite: bool = False) -> Path:
    """Write the empty template for `kind` (actions, projects, corrections) to `path`.

    The file gets the header row and one filled example row, which graph071 skips
    when reading (so a forgotten example is never loaded as data); an .xlsx file
    also gets a sheet "toelichting" that explains every column.
    """
    kinds = template_kinds()
    if kind not in kinds:
        raise Graph071Error(i18n.text("error:templates.unknown", "unknown template {kind!r}", kind=kind),
                            hint=i18n.text("error:use_one_of", "use one of {choices}", choices=', '.join(kinds)))
    columns, sheet = kinds[kind]
    example = {column.name: column.example for column in columns}
    return write_sheet(path, columns, [example], sheet, example_rows=1, overwrite=overwrite)


def write_sheet(path: Path, columns: Sequence[Column], rows: Sequence[dict[str, str]],
                sheet: str, example_rows: int = 0, overwrite: bool = False) -> Path:
    """Write `rows` under the headers of `columns` to `path` (.xlsx or .csv); return the path.

    The first `example_rows` rows are set in grey italics in a workbook.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise Graph071Error(i18n.text("error:templates.format", "{path}: cannot write a {suffix}", path=path,
                                      suffix=suffix or i18n.text("error:extract.no_suffix", "a file without extension")),
                            hint=i18n.text("error:templates.format.hint", "end the file name in .xlsx (Excel) or .csv"))
    check_writable(path)
    if path.exists() and not overwrite:
        raise Graph071Error(i18n.text("error:templates.exists", "{path}: the file exists already", path=path),
                            hint=i18n.text("error:templates.exists.hint", "choose another name or remove the file first"))
    if suffix in CSV_SUFFIXES:
        # utf-8-sig: Excel opens a UTF-8 CSV with its accents intact only with the BOM.
        with atomic_file(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(spreadsheet_row([column.name for column in columns]))
            for row in rows:
                writer.writerow(spreadsheet_row([row.get(column.name, "") for column in columns]))
        return path
    _write_workbook(path, columns, rows, sheet, example_rows)
    return path


def _write_workbook(path: Path, columns: Sequence[Column], rows: Sequence[dict[str, str]],
                    sheet: str, example_rows: int) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    data = workbook.active
    data.title = sheet
    data.append([column.name for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = data.cell(row=1, column=index)
        cell.font = Font(bold=True)
        required = i18n.text("template:required", "Required. ") if column.required else ""
        cell.comment = Comment(required + described(sheet, column), "graph071")
        width = max([len(column.name), *(len(r.get(column.name, "")) for r in rows[:50])])
        data.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    for number, row in enumerate(rows):
        data.append([row.get(column.name, "") for column in columns])
        for cell in data[data.max_row]:
            # Text cells: "2.3" or "2013-2015" must not turn into a number or a date,
            # "=..." never into a formula.
            keep_as_text(cell)
            cell.number_format = "@"
            cell.alignment = Alignment(wrap_text=False, vertical="top")
            if number < example_rows:
                cell.font = Font(italic=True, color="808080")
    data.freeze_panes = "A2"
    notes = workbook.create_sheet("toelichting")
    notes.append([i18n.text("template:column", "column"), i18n.text("template:is_required", "required"),
                  i18n.text("template:what", "what it holds"), i18n.text("template:example", "example")])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in columns:
        notes.append([column.name, i18n.text("output:yes", "yes") if column.required else i18n.text("output:no", "no"),
                      described(sheet, column), column.example])
    notes.append([])
    notes.append([i18n.text("template:how", "Separate several names in one cell with ';'. A row that starts with "
                            "#, and the grey example row, are not read. See docs/data-maintenance.md.")])
    for letter, width in (("A", 18), ("B", 10), ("C", 90), ("D", 50)):
        notes.column_dimensions[letter].width = width
    for sheet_ in workbook.worksheets:
        for row in sheet_.iter_rows():
            for cell in row:
                keep_as_text(cell)
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def described(sheet: str, column: Column) -> str:
    """Return what `column` of the list `sheet` holds, in the language in use.

    The declaration's description is the default; the catalogue's row
    "column:<sheet>:<column>" gives the other language.
    """
    return i18n.text(f"column:{sheet}:{column.name}", column.description)


def action_rows(graph: nx.MultiDiGraph) -> list[dict[str, str]]:
    """Return the actions of `graph` as rows of the actions list, by programme and number.

    What a row cannot carry: the document's line numbers, the role text as the
    document labels it ("Trekkers", "Parters") and the quotes; the names are
    written as the document wrote them, so they resolve to the same organisations.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("action:2013-2015/17", kind="Action", name="17. X", number=17, title="X",
    ...            programme="2013-2015", theme=2, theme_name="Ondernemerschap", categorie=3,
    ...            trekker_text="onbekend", notes=[], remarks=[])
    >>> G.add_node("org:rg", kind="Organisation", name="regiogemeenten")
    >>> _ = G.add_edge("org:rg", "action:2013-2015/17", kind="PARTNER", line=640,
    ...                name_as_written="Regiogemeenten")
    >>> row = action_rows(G)[0]
    >>> row["number"], row["trekkers"], row["partners"], row["categorie"]
    ('17', 'onbekend', 'Regiogemeenten', '3')
    """
    from graph071.loaders.spreadsheet import ROLE_COLUMNS
    from graph071.loaders.action_programme import ROLE_KINDS

    rows = []
    actions = sorted(((data.get("programme", ""), data.get("number") or 0, node)
                      for node, data in graph.nodes(data=True) if data["kind"] == Node.ACTION))
    for programme, number, node in actions:
        data = graph.nodes[node]
        row = {"programme": programme, "number": str(number), "title": data.get("title", ""),
               "theme": str(data.get("theme") or ""), "theme_name": data.get("theme_name", ""),
               "voornemen_code": data.get("voornemen_code") or "",
               "voornemen": data.get("voornemen") or "",
               "description": data.get("description") or "",
               "result": data.get("result") or "", "planning": data.get("planning") or "",
               "categorie": str(data.get("categorie") or ""),
               "notes": "\n".join(data.get("notes") or []),
               "remarks": "\n".join(data.get("remarks") or [])}
        for column, role in ROLE_COLUMNS.items():
            names = _names_as_written(graph, node, ROLE_KINDS[role])
            row[column] = f"{LIST_SEPARATOR} ".join(names)
        if not row["trekkers"]:
            row["trekkers"] = data.get("trekker_text") or ""  # "onbekend", "?": no trekker
        row["links"] = f"{LIST_SEPARATOR} ".join(_links(graph, node, programme))
        rows.append(row)
    return rows


def _names_as_written(graph: nx.MultiDiGraph, work: str, kind: str) -> list[str]:
    edges = sorted((data.get("line") or 0, str(key), data.get("name_as_written")
                    or graph.nodes[source]["name"])
                   for source, _, key, data in graph.in_edges(work, keys=True, data=True)
                   if data["kind"] == kind)
    names: list[str] = []
    for _, _, name in edges:
        if name not in names:
            names.append(name)
    return names


def _links(graph: nx.MultiDiGraph, action: str, programme: str) -> list[str]:
    items = []
    for _, target, data in sorted(graph.out_edges(action, data=True),
                                  key=lambda e: (e[2].get("line") or 0, e[1])):
        if data["kind"] != Edge.LINKS_TO:
            continue
        other = graph.nodes[target]
        word = "thema " if other["kind"] == Node.THEME else ""
        prefix = "" if other.get("programme") in (None, programme) else f"{other['programme']}/"
        items.append(f"{data.get('link_kind') or 'link'}: {word}{prefix}{other.get('number')}")
    return items

"""Commands that keep the corpus and its files: check, add, template, export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graph071 import i18n
from graph071.cli import output, render
from graph071.cli.options import JsonOption
from graph071.cli.session import session


def check(ctx: typer.Context, json_: JsonOption = False,
          strict: Annotated[bool, typer.Option(
              "--strict", help="Exit with code 1 when there is anything to report.")] = False) -> None:
    """Names that matched no known organisation (with the closest known names) and
    parse warnings, so a maintainer can add an alias to organisations.csv.

    Warnings need attention (--strict exits 1 on them); "info" lines show reading
    decisions, such as where a line shared by two table columns was cut. A correction
    in corrections.csv that matches nothing, or is no longer needed, is a warning too.

    Example: graph071 check
    """
    current = session(ctx)
    network = current.built().at(current.as_of)
    current.say_moment(network.check_moment())
    report = network.check()
    if json_:
        output.print_json(report)
    else:
        render.print_check(report)
    if strict and (report["unresolved"]
                   or any(w["level"] == "warning" for w in report["warnings"])):
        raise typer.Exit(1)


def export(ctx: typer.Context,
           path: Annotated[Path, typer.Argument(
               help="Output file: .json, .graphml, .gexf or .csv.")]) -> None:
    """Write the whole graph to a file; the extension picks the format.

    .json is networkx node-link data (keys "nodes" and "edges"); .graphml and .gexf
    open in Gephi; .csv writes PATH_nodes.csv and PATH_edges.csv.

    Example: graph071 export graph071.graphml
    """
    for written in session(ctx).network("whole").export(path):
        typer.echo(i18n.text("export:written", "Written: {path}", path=written))


def template(kind: Annotated[str, typer.Argument(help="actions, projects, corrections or presentatie.")],
             path: Annotated[Path, typer.Argument(help="File to write: .xlsx (Excel) or .csv.")],
             force: Annotated[bool, typer.Option("--force", help="Overwrite PATH if it exists.")]
             = False) -> None:
    """Write an empty list to fill in: the columns graph071 reads and one grey example row.

    The example row is skipped when the list is read; an .xlsx file also has a sheet
    "toelichting" that explains every column (see docs/data-maintenance.md).

    Example: graph071 template actions acties-2024.xlsx
    """
    from graph071.network import write_template

    typer.echo(i18n.text("template:written", "Template written: {path}",
                         path=write_template(kind, path, overwrite=force)))


def add(ctx: typer.Context,
        path: Annotated[Path, typer.Argument(help="The document (.pdf, .docx, .html, .txt, .md) "
                                              "or list (.xlsx, .csv).")],
        kind: Annotated[str, typer.Option("--kind", help="Document kind: a known kind such as "
                                          "project_cards, actions / projects for a list, or "
                                          "text for any text (news, profile, letter).")],
        edition: Annotated[str, typer.Option("--edition", help="Edition date: 2024, 2024-03 "
                                             "or 2024-03-01.")],
        title: Annotated[Optional[str], typer.Option(help="Title (default: the file name).")]
        = None,
        loader: Annotated[Optional[str], typer.Option(
            help="Loader to read it (default: that of the newest document of the kind).")] = None,
        id_: Annotated[Optional[str], typer.Option("--id", help="Document id (default: from "
                                                   "the file name).")] = None,
        publisher: Annotated[str, typer.Option(help="Publisher.")] = "") -> None:
    """Add a document or an Excel/CSV list to the corpus: check that it reads, then write
    its row in manifest.csv. A file outside the corpus folder is copied into documents/.
    A PDF, Word file or web page is read into text first; the text is written beside the
    original (documents/kaarten.pdf and documents/kaarten.txt) and the manifest names both.

    A bad file is refused whole (nothing is written) with the sheet, row and column of
    every problem. Names not in organisations.csv are listed; `graph071 check` shows them
    with suggestions. Without --data the bundled corpus is changed. With --kind text the
    prose reader links the names it knows and queues the rest (`graph071 review`).

    Example: graph071 --data mijn-corpus add acties-2024.xlsx --kind actions --edition 2024-03
    """
    from graph071.network import add_document

    added = add_document(path, kind, edition, data_dir=session(ctx).data, title=title,
                         loader=loader, document_id=id_, publisher=publisher)
    render.print_added(added)


COMMANDS = (check, export, template, add)

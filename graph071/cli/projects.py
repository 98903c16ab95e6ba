"""Commands about projects and people across editions: project, lineage, person, diff."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graph071.cli import output, render
from graph071.cli.options import JsonOption
from graph071.cli.session import session
from graph071.errors import Graph071Error
from graph071 import i18n
from graph071.schema import EDGE_KINDS, label


def project(ctx: typer.Context,
            name: Annotated[str, typer.Argument(help="Project name as written in any edition.")],
            json_: JsonOption = False) -> None:
    """One project across the editions of the projectkaarten: status per edition, trekkers,
    partners, people, links and lineage, each with its source.

    Any name the project had works ("Professioneel Expat Centre Leiden", "HCA").

    Example: graph071 project "Technolab"
    """
    result = session(ctx).network("history").project(name)
    if json_:
        output.print_json(result)
        return
    render.print_project(result, {kind: label(kind) for kind in EDGE_KINDS})


def lineage(ctx: typer.Context,
            name: Annotated[str, typer.Argument(
                help="Any project (or organisation) of the chain, e.g. Talent op Maat or WIJIJ.")],
            json_: JsonOption = False,
            map_path: Annotated[Optional[Path], typer.Option(
                "--map", help="Also write the chain as a left-to-right timeline map (HTML).")]
            = None) -> None:
    """What became of a project: the chain of predecessors and successors, oldest first,
    with the edition and the quote of each step.

    A step the documents do not state (a project that grew out of a 2013-2015 action) is
    marked as inferred, with the reason, never as a fact.

    Example: graph071 lineage "Talent op Maat" --map talent.html
    """
    network = session(ctx).network("history")
    result = network.lineage(name)
    if map_path is not None:
        written = network.write_lineage_map(name, map_path)
        typer.echo(i18n.text("timeline:written", "Timeline written: {path}", path=written), err=json_)
    if json_:
        output.print_json(result)
        return
    render.print_lineage(result, heading=i18n.text("lineage:heading", "Line of {name}",
                                                       name=result["name"]))


def person(ctx: typer.Context,
           name: Annotated[str, typer.Argument(help="A person's name, e.g. Laura Platte.")],
           json_: JsonOption = False) -> None:
    """A person's roles over the years: projectleider, opdrachtgever, trekker, projectboard,
    quoted on a card, and the organisations they act for.

    Example: graph071 person "Laura Platte"
    """
    result = session(ctx).network("history").person(name)
    if json_:
        output.print_json(result)
        return
    render.print_person(result)


def diff(ctx: typer.Context,
         edition_a: Annotated[str, typer.Argument(help="Older edition or moment: 2018-10, "
                                                       "2014 or a document id.")],
         edition_b: Annotated[str, typer.Argument(help="Newer edition or moment, e.g. 2019-06.")],
         json_: JsonOption = False) -> None:
    """What changed between two editions of the projectkaarten: projects new, gone (and
    what became of them), with another status or name, and who is named newly or no more.
    Between any two other moments (2014 2022): the actions and projects, and the roles of
    organisations on them, that came and went.

    Example: graph071 diff 2018-10 2019-06
    """
    current = session(ctx)
    if current.as_of is not None:  # the two moments named are what is compared
        from graph071 import i18n

        raise Graph071Error(i18n.text("diff:as-of", first=edition_a, second=edition_b),
                            hint=i18n.text("diff:as-of-hint"))
    result = current.network("whole").diff(edition_a, edition_b)
    if json_:
        return output.print_json(result)
    if "roles_changed" in result:
        render.print_diff(result)
    else:
        render.print_moment_diff(result)


def timeline(ctx: typer.Context,
             name: Annotated[str, typer.Argument(
                 help="An organisation, project or person (any name or alias).")],
             json_: JsonOption = False) -> None:
    """Someone's roles per period: per edition, what an organisation was trekker or partner
    of, who worked on a project, what a person did; with the status now.

    Example: graph071 timeline "gemeente Leiden"
    """
    result = session(ctx).network("history").timeline(name)
    if json_:
        return output.print_json(result)
    render.print_timeline(result)


COMMANDS = (project, lineage, person, diff, timeline)

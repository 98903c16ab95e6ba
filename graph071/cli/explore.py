"""Commands that explore who works on what: summary, orphans, hubs, who, action, path,
balance, communities. Each asks the Network one question and renders the answer."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from graph071 import i18n
from graph071.cli import output, render
from graph071.cli.options import CsvOption, JsonOption, output_format
from graph071.cli.session import session
from graph071.schema import MAIN_ROLES, hub_formula_nl, label, role_edge_kinds



def summary(ctx: typer.Context, json_: JsonOption = False) -> None:
    """Counts per kind, the actions without a trekker and the top hubs.

    Example: graph071 summary
    """
    network = session(ctx).network()
    result = network.summary()
    missing = network.graph.graph.get("missing_documents", [])
    if missing:  # a document that did not read is said, not hidden
        result["missing_documents"] = missing
    if json_:
        output.print_json(result)
        return
    for item in missing:
        typer.echo(i18n.text("summary:not_read", "Not read: ") + f"{item['document']} ({item['file']}): {item['reason']}")
    render.print_summary(result)


def orphans(ctx: typer.Context,
            suggest: Annotated[bool, typer.Option(
                "--suggest", help="Also suggest who could become trekker, with the evidence "
                                  "and points (docs/analytics.md).")] = False,
            limit: Annotated[int, typer.Option(
                "--limit", min=1, help="With --suggest: suggestions per item.")] = 3,
            all_: Annotated[bool, typer.Option(
                "--all", help="The whole history: every edition's items without a trekker, "
                              "with their period and the last edition they were seen in.")]
            = False,
            json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """Actions (and projects) without a trekker, with their theme, categorie and partners.

    Only the items of the editions in force at the moment (--as-of, default the latest
    state); --all lists the history. "Trekker: onbekend" in the document counts as no
    trekker. --suggest ranks who could take it on by points for evidence in the documents
    (already partner 3, trekker of a linked action 2, ...), each with that evidence in words.

    Example: graph071 --as-of 2014 orphans --suggest
    """
    network = session(ctx).network("whole" if all_ else "moment")
    rows = network.orphans(suggest=suggest, limit=limit, history=all_, rows=True)
    if suggest and not (json_ or csv_):
        return render.print_orphan_suggestions(rows)
    columns = render.HISTORY_COLUMNS if all_ else render.ORPHAN_COLUMNS
    output.emit(render.orphan_rows(rows) if not suggest else rows,
                [*columns, *([("suggested", "Voorgestelde trekkers")] if suggest else [])],
                fmt=output_format(json_, csv_),
                title=render.orphans_title(len(rows), ever=all_), empty=render.all_have_a_trekker())


class HubMeasure(str, Enum):
    """What hubs are ranked on."""

    score = "score"
    trekker = "trekker"
    partner = "partner"
    betweenness = "betweenness"
    eigenvector = "eigenvector"


def hubs(ctx: typer.Context,
         top: Annotated[int, typer.Option("--top", min=1, help="How many to show.")] = 10,
         by: Annotated[HubMeasure, typer.Option(
             "--by", help="Rank on the hub score, the trekker or partner count, betweenness or "
                          "eigenvector centrality.")] = HubMeasure.score,
         json_: JsonOption = False, csv_: CsvOption = False) -> None:
    rows = session(ctx).network().hubs(top=top, by=by.value, rows=True)
    output.emit(rows, render.hub_columns(by.value), fmt=output_format(json_, csv_),
                title=render.hub_title(rows, by.value))


# The score's weights come from graph071.schema, so the help cannot drift from the code.
hubs.__doc__ = f"""Organisations ranked by how much of the programme they carry.

    Score = {hub_formula_nl()} (projectboard, betrokken, financier) on actions and
    projects; each role the documents name counts, so trekker and financier of one project
    gives 3. Ties go to the higher centrality: the share of the other organisations it
    works with. --by betweenness: how often it lies on the shortest chain of collaboration
    between two others (estimated from a sample above 1,000 organisations, and then said
    so); --by eigenvector: how much it works with well-connected organisations. A group
    such as "regiogemeenten" counts as one organisation; its members are not credited.

    Example: graph071 hubs --top 5 --by betweenness
    """


def who(ctx: typer.Context,
        organisation: Annotated[str, typer.Argument(help="Organisation name or any alias.")],
        json_: JsonOption = False) -> None:
    """What an organisation leads (trekker) and partners on, in every edition published by
    the moment (--as-of, default the latest state), each with its period.

    Any alias works ("UvL", "Universiteit van Leiden"); a near miss gets "did you mean".

    Example: graph071 who "VNO NCW"
    """
    result = session(ctx).network("history").who(organisation)
    if json_:
        output.print_json(result)
        return
    render.print_who(result, [kind for kind in role_edge_kinds() if kind not in MAIN_ROLES],
                     {kind: label(kind) for kind in role_edge_kinds()})


def action(ctx: typer.Context,
           number: Annotated[str, typer.Argument(
               help="Action number, e.g. 17, or with its programme: 2013-2015/17.")],
           programme: Annotated[Optional[str], typer.Option(
               help="Programme period when the corpus has more than one, e.g. 2013-2015.")] = None,
           json_: JsonOption = False) -> None:
    """One action with its trekkers, partners, links and source quote. When two programmes
    have an action with that number, say which: 2013-2015/17.

    Example: graph071 action 2013-2015/17
    """
    result = session(ctx).network("history").action(number, programme)
    if json_:
        output.print_json(result)
        return
    render.print_action(result)


def path(ctx: typer.Context,
         organisation_a: Annotated[str, typer.Argument(help="First organisation (any alias).")],
         organisation_b: Annotated[str, typer.Argument(help="Second organisation (any alias).")],
         json_: JsonOption = False) -> None:
    """How two organisations are connected: the shortest chain of shared actions, projects
    and groups, each step in words with its source.

    Example: graph071 path "Hogeschool Leiden" "VNO-NCW"
    """
    result = session(ctx).network().path(organisation_a, organisation_b)
    if json_:
        return output.print_json(result)
    render.print_connection(result)


def balance(ctx: typer.Context,
            theme: Annotated[Optional[str], typer.Option(
                "--theme", help="Only this theme (number or name), with the organisations "
                                "on each side.")] = None,
            json_: JsonOption = False) -> None:
    """Triple-helix balance per theme: trekker and other roles of overheid, ondernemers,
    onderwijs & kennis (and overig), the largest trekker and a verdict in words.

    Example: graph071 balance --theme 4
    """
    result = session(ctx).network().balance(theme)
    if json_:
        return output.print_json(result)
    render.print_balance(result)


def communities(ctx: typer.Context, json_: JsonOption = False) -> None:
    """Clusters of organisations that work together, each described in one line from its
    members' main themes (Louvain, fixed seed: the same graph gives the same clusters).

    Example: graph071 communities --json
    """
    result = session(ctx).network().communities()
    if json_:
        return output.print_json(result)
    render.print_communities(result)


COMMANDS = (summary, orphans, hubs, who, action, path, balance, communities)

"""`graph071 neo4j ...`: push the graph to Neo4j, pull it back, run the named Cypher queries.

A thin skin over the Network's push and pull (graph071.network); the driver is imported
only when a command runs, so `graph071 --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from graph071 import i18n
from graph071.cli import output
from graph071.cli.options import CsvOption, JsonOption, output_format, with_csv, with_xlsx
from graph071.cli.session import Source, session
from graph071.errors import Graph071Error

app = typer.Typer(
    name="neo4j",
    help="Share the graph through Neo4j: push it, pull it back, run the Cypher queries in "
         "queries/. The server comes from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and "
         "NEO4J_DATABASE (`make neo4j` starts a local one).\n\nExample: graph071 neo4j push",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

@app.command()
@with_csv
@with_xlsx
def push(ctx: typer.Context, dry_run: Annotated[bool, typer.Option(
             "--dry-run", help="Only count what would be created, updated and removed.")] = False,
         json_: JsonOption = False) -> None:
    """Write the graph built from the documents to Neo4j, replacing graph071's previous load.

    One transaction: if the push breaks off, Neo4j keeps the previous load whole.
    Nodes and relationships that graph071 did not write are never changed or removed;
    an unchanged graph writes nothing.

    Example: graph071 neo4j push --dry-run
    """
    current = session(ctx)
    if current.source is Source.neo4j:
        raise Graph071Error(i18n.text("error:neo4j.push_source", "push sends the graph built from the documents, not "
                                      "the one in Neo4j"),
                            hint=i18n.text("error:neo4j.push_source.hint", "leave out --source neo4j"))
    report = current.built().at(current.as_of).push(dry_run=dry_run)  # every edition, or --as-of
    if json_:
        output.print_json(report.as_dict())
        return
    rows = [{"what": label, **{verb: getattr(report, f"{key}_{verb}")
                               for verb in ("created", "updated", "removed", "unchanged")}}
            for label, key in (("Knopen", "nodes"), ("Verbindingen", "relationships"))]
    title = ("Proefdraaien: dit zou er veranderen (niets geschreven)" if dry_run
             else f"Naar Neo4j geschreven (load {report.load}, {report.seconds:g} s)"
             if report.changed else "Neo4j was al bijgewerkt: niets veranderd")
    output.print_table(rows, [("what", "Soort"), ("created", "Nieuw"), ("updated", "Gewijzigd"),
                              ("removed", "Verwijderd"), ("unchanged", "Ongewijzigd")], title=title)


@app.command()
def pull(output_path: Annotated[Optional[Path], typer.Option(
             "-o", "--output", help="Write the pulled graph to this file (.json: node-link; "
                                    ".graphml, .gexf, .csv also work).")] = None,
         json_: JsonOption = False) -> None:
    """Read the graph from Neo4j, with edits made there (e.g. in Neo4j Browser).

    Without -o it prints what Neo4j holds. Every other command reads Neo4j too with
    `graph071 --source neo4j COMMAND`.

    Example: graph071 neo4j pull -o graph071-neo4j.json
    """
    from collections import Counter

    from graph071.network import Network

    pulled = Network.pull()
    if output_path is not None:
        for written in pulled.export(output_path):
            typer.echo(f"Geschreven: {written}")
        return
    graph = pulled.graph
    summary = {
        "nodes": dict(sorted(Counter(d["kind"] for _, d in graph.nodes(data=True)).items())),
        "edges": dict(sorted(Counter(d["kind"] for _, _, d in graph.edges(data=True)).items())),
        "load": (pulled.neo4j_load or {}).get("load"),
        "pushed_at": (pulled.neo4j_load or {}).get("pushed_at"),
        "skipped_nodes": pulled.skipped_nodes,
    }
    if json_:
        output.print_json(summary)
        return
    out = output.console()
    if summary["load"]:
        out.print(f"[bold]Graaf in Neo4j[/bold] (laatste push {summary['pushed_at']}, "
                  f"load {summary['load']})")
    else:
        out.print("[bold]Graaf in Neo4j[/bold] (graph071 heeft hier nog niet naartoe gepusht)")
    out.print("Knopen: " + (", ".join(f"{k} {v}" for k, v in summary["nodes"].items()) or "geen"))
    out.print("Verbindingen: " + (", ".join(f"{k} {v}" for k, v in summary["edges"].items()) or "geen"))
    if pulled.skipped_nodes:
        out.print(f"Overgeslagen: {pulled.skipped_nodes} :G071-knopen zonder soort-label "
                  "(Action, Organisation, ...)")


def _params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise Graph071Error(i18n.text("error:neo4j.param", "--param {pair!r} is not key=value", pair=pair),
                                hint=i18n.text("error:neo4j.param.hint", "e.g. --param organisation='Gemeente Leiden'"))
        params[key.strip()] = value
    return params


def _readable(value: Any) -> Any:
    # Tables show nested answers by name; --json keeps everything.
    if isinstance(value, dict):
        if "older_name" in value and "newer_name" in value:  # a succession step of lineage
            return f"{value['older_name']} → {value['newer_name']}"
        if "kind" in value and "items" in value:  # one role kind of who / project
            return f"{value['kind']}: {', '.join(map(str, _readable(value['items'])))}"
        return value.get("name") or value.get("id") or ", ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list):
        return [_readable(item) for item in value]
    return value


@app.command()
@with_xlsx
def query(ctx: typer.Context,
          name: Annotated[str, typer.Argument(help="Query name: a file in queries/ without .cypher.")],
          param: Annotated[Optional[list[str]], typer.Option(
              "--param", "-p", help="A parameter as key=value; repeat for more.")] = None,
          json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """Run a named Cypher query from queries/ on Neo4j (orphans, hubs, who, action, project,
    lineage, path). `graph071 neo4j queries` lists them with their parameters; a missing
    or unknown parameter is named in the error. Each answers for the moment of --as-of
    (its $asOf; default the latest state) and says which.

    Example: graph071 --as-of 2014 neo4j query who --param organisation="Gemeente Leiden"
    """
    from graph071.network import query_catalogue, query_moment, run_query

    params = _params(param or [])
    current = session(ctx)
    if current.as_of is not None and "asOf" not in params:
        params["asOf"] = current.as_of
    rows = run_query(name, params)
    if any(p.name == "asOf" for q in query_catalogue() if q["name"] == name for p in q["parameters"]):
        current.say_moment(query_moment(params.get("asOf")))
    if json_:
        output.print_json(rows)
        return
    columns = [(key, QUERY_HEADERS.get(key, key)) for key in (rows[0] if rows else {})]
    output.emit([{key: _readable(value) for key, value in row.items()} for row in rows], columns,
                fmt=output_format(json_, csv_), title=f"{name}: " + next(
                    (q["summary"] for q in query_catalogue() if q["name"] == name), ""))


# Column names of the queries (as their RETURN names them) as the tables head them.
QUERY_HEADERS = {
    "id": "Id", "kind": "Soort", "number": "Nr", "programme": "Programma", "name": "Naam",
    "title": "Titel", "theme": "Thema", "theme_name": "Themanaam", "categorie": "Categorie",
    "categorie_colour": "Kleur", "status": "Status", "trekker_text": "Trekker (tekst)",
    "partners": "Partners", "document": "Bron", "line": "Regel", "sector": "Sector",
    "helix": "Helix", "is_group": "Groep", "trekker": "Trekker", "partner": "Partner",
    "te_betrekken": "Te betrekken", "score": "Score", "centrality": "Centraliteit", "rank": "Rang",
    "aliases": "Aliassen", "other_roles": "Andere rollen", "member_of": "Lid van", "members": "Leden",
    "hops": "Stappen", "ids": "Ids", "names": "Namen", "via": "Via", "trekkers": "Trekkers",
    "links": "Verbindingen", "action": "Actie", "at": "Op dat moment", "chain": "Keten",
    "steps": "Opvolgingen", "people": "Mensen", "themes": "Thema's", "mentioned_in": "Genoemd in",
    "note": "Opmerking", "quote": "Citaat", "other_names": "Andere namen",
}


@app.command(name="queries")
@with_xlsx
def list_queries(json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """List the named queries with what they answer and their parameters.

    Example: graph071 neo4j queries
    """
    from graph071.network import query_catalogue

    rows = [{"name": query["name"], "summary": query["summary"],
             "parameters": [f"{p.name} ({p.type}{', verplicht' if p.required else ''})"
                            for p in query["parameters"]]} for query in query_catalogue()]
    output.emit(rows, [("name", "Naam"), ("summary", "Beantwoordt"), ("parameters", "Parameters")],
                fmt=output_format(json_, csv_), title="Cypher-vragen (queries/)")

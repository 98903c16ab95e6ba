"""The graph071 command line: a thin skin over the library.

Each command parses its arguments, calls one library function and hands the
rows to graph071.output. A user mistake raises Graph071Error, which main()
prints as one line (with the fix, when known) and turns into exit code 1.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import Graph071Error

app = typer.Typer(
    name="graph071",
    help="Explore the Economie071 stakeholder network: actions, projects, organisations, "
         "people and how they link.\n\nExample: graph071 orphans",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Source(str, Enum):
    networkx = "networkx"
    neo4j = "neo4j"


class _State:
    """What the global options chose; the graph is built on first use only."""

    def __init__(self) -> None:
        self.data: Path | None = None
        self.source = Source.networkx
        self._build = None

    def build(self):
        if self._build is None:
            from .build import build

            self._build = build(self.data)
        return self._build

    def graph(self):
        if self.source is Source.neo4j:
            from .neo4j_store import pull_graph

            return pull_graph()
        return self.build().graph


state = _State()

DataOption = Annotated[Optional[Path], typer.Option(
    "--data", help="Corpus folder with manifest.csv and organisations.csv "
                   "(default: the corpus bundled with graph071).",
    file_okay=False, show_default=False)]
SourceOption = Annotated[Source, typer.Option(
    "--source", help="Where the graph comes from: built from the documents (networkx) or "
                     "read from the Neo4j server named by NEO4J_URI (neo4j).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON for scripts.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Write CSV.")]


def _fmt(json_: bool, csv_: bool = False) -> str:
    return "json" if json_ else "csv" if csv_ else "table"


@app.callback()
def _global(data: DataOption = None, source: SourceOption = Source.networkx) -> None:
    state.data = data
    state.source = source


@app.command()
def summary(json_: JsonOption = False) -> None:
    """Counts per kind, the actions without a trekker and the top hubs.

    Example: graph071 summary
    """
    from . import analytics, output

    result = analytics.summary(state.graph())
    if json_:
        output.print_json(result)
        return
    out = output.console()
    out.print("[bold]graph071: het netwerk van Economie071[/bold]")
    out.print("Knopen: " + ", ".join(f"{k} {v}" for k, v in result["nodes"].items()))
    out.print("Verbindingen: " + ", ".join(f"{k} {v}" for k, v in result["edges"].items()))
    output.print_table(result["orphans"], [("kind", "Soort"), ("number", "Nr"), ("title", "Titel"),
                                           ("categorie", "Cat."), ("partners", "Partners")],
                       title=f"Zonder trekker ({len(result['orphans'])})",
                       empty="Alle acties en projecten hebben een trekker.")
    output.print_table(result["hubs"], [("rank", "#"), ("name", "Organisatie"),
                                        ("trekker", "Trekker"), ("partner", "Partner"),
                                        ("score", "Score")], title="Spilorganisaties (hubs)")


@app.command()
def orphans(json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """Actions (and projects) without a trekker, with their theme, categorie and partners.

    "Trekker: onbekend" in the document counts as no trekker.

    Example: graph071 orphans --json
    """
    from . import analytics, output

    rows = analytics.orphans(state.graph())
    output.emit(rows, [("kind", "Soort"), ("number", "Nr"), ("title", "Titel"),
                       ("theme_name", "Thema"), ("categorie", "Cat."),
                       ("categorie_colour", "Kleur"), ("partners", "Partners")],
                fmt=_fmt(json_, csv_), title=f"Zonder trekker ({len(rows)})",
                empty="Alle acties en projecten hebben een trekker.")


@app.command()
def hubs(top: Annotated[int, typer.Option("--top", min=1, help="How many to show.")] = 10,
         json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """Organisations ranked by how much of the programme they carry.

    Score = 2 x trekker roles + 1 x partner roles + 0.5 x "te betrekken", over all
    actions and projects. Ties go to the higher centrality: the share of the other
    organisations it works with on some action or project. A group such as
    "regiogemeenten" counts as one organisation; its members are not credited.

    Example: graph071 hubs --top 5
    """
    from . import analytics, output

    rows = analytics.hubs(state.graph(), top=top)
    output.emit(rows, [("rank", "#"), ("name", "Organisatie"), ("helix", "Kant"),
                       ("trekker", "Trekker"), ("partner", "Partner"),
                       ("te_betrekken", "Te betrekken"), ("score", "Score"),
                       ("centrality", "Centraliteit")],
                fmt=_fmt(json_, csv_), title="Spilorganisaties (hubs)")


@app.command()
def who(organisation: Annotated[str, typer.Argument(help="Organisation name or any alias.")],
        json_: JsonOption = False) -> None:
    """What an organisation leads (trekker) and partners on.

    Any alias works ("UvL", "Universiteit van Leiden"); a near miss gets "did you mean".

    Example: graph071 who "VNO NCW"
    """
    from . import analytics, output

    graph = state.graph()
    result = analytics.who(graph, analytics.find_node(graph, organisation))
    if json_:
        output.print_json(result)
        return
    out = output.console()
    out.print(f"[bold]{output._escape(result['name'])}[/bold] "
              f"({result['sector']}, {result['helix']}{', groep' if result['is_group'] else ''})")
    if result["member_of"]:
        out.print("Lid van: " + output._escape(", ".join(result["member_of"])))
    if result["members"]:
        out.print("Leden: " + output._escape(", ".join(result["members"])))
    columns = [("kind", "Soort"), ("name", "Naam"), ("role", "Rol zoals geschreven"),
               ("line", "Regel")]
    for key, title in (("trekker", "Trekker van"), ("partner", "Partner van"),
                       ("te_betrekken", "Te betrekken bij")):
        output.print_table(result[key], columns, title=f"{title} ({len(result[key])})",
                           empty="—")


@app.command()
def action(number: Annotated[int, typer.Argument(help="Action number, e.g. 17.")],
           programme: Annotated[Optional[str], typer.Option(
               help="Programme period when the corpus has more than one, e.g. 2013-2015.")] = None,
           json_: JsonOption = False) -> None:
    """One action with its trekkers, partners, links and source quote.

    Example: graph071 action 17
    """
    from . import analytics, output

    graph = state.graph()
    result = analytics.action_detail(graph, analytics.find_action(graph, number, programme))
    if json_:
        output.print_json(result)
        return
    out = output.console()
    esc = output._escape
    out.print(f"[bold]Actie {result['number']}: {esc(result['title'])}[/bold]")
    out.print(f"Thema {result.get('theme')}: {esc(result.get('theme_name', ''))}")
    if result.get("voornemen"):
        out.print(f"Voornemen {result.get('voornemen_code') or ''}: {esc(result['voornemen'])}")
    out.print(f"Categorie {result.get('categorie')} ({result.get('categorie_colour')})")
    for key, label in (("trekkers", "Trekker(s)"), ("partners", "Partners"),
                       ("te_betrekken", "Te betrekken")):
        names = ", ".join(p["name"] for p in result[key]) or (
            f"geen ({result.get('trekker_text')})" if key == "trekkers" and result.get("trekker_text")
            else "geen" if key == "trekkers" else "—")
        out.print(f"{label}: {esc(names)}")
    for key, label in (("result", "Beoogd resultaat"), ("planning", "Planning"),
                       ("description", "Omschrijving")):
        if result.get(key):
            out.print(f"{label}: {esc(result[key])}")
    for link in result["links"]:
        arrow = "→" if link["direction"] == "out" else "←"
        out.print(f"{arrow} {esc(link['name'])} ({link['link_kind']}; regel {link['line']}: "
                  f"\"{esc(link['quote'])}\")")
    out.print(f"Bron: {result['document']}, regel {result['line']}: \"{esc(result['quote'])}\"")


@app.command()
def export(path: Annotated[Path, typer.Argument(help="Output file: .json, .graphml, .gexf or .csv.")]) -> None:
    """Write the whole graph to a file; the extension picks the format.

    .json is networkx node-link data (keys "nodes" and "edges"); .graphml and .gexf
    open in Gephi; .csv writes PATH_nodes.csv and PATH_edges.csv.

    Example: graph071 export graph071.graphml
    """
    from .export import export as write

    for written in write(state.graph(), path):
        typer.echo(f"Geschreven: {written}")


@app.command()
def check(json_: JsonOption = False,
          strict: Annotated[bool, typer.Option(
              "--strict", help="Exit with code 1 when there is anything to report.")] = False) -> None:
    """Names that matched no known organisation (with the closest known names) and
    parse warnings, so a maintainer can add an alias to organisations.csv.

    Warnings need attention (--strict exits 1 on them); "info" lines show reading
    decisions, such as where a line shared by two table columns was cut.

    Example: graph071 check
    """
    from . import output

    built = state.build()
    unresolved = [{"name": name, "mentions": len(mentions),
                   "where": [f"{m.document}:{m.line}" for m in mentions],
                   "suggestions": built.organisations.suggest(name)}
                  for name, mentions in sorted(built.unresolved.items())]
    warnings = [{"document": w.document, "line": w.line, "level": w.level, "message": w.message}
                for w in built.warnings]
    if json_:
        output.print_json({"unresolved": unresolved, "warnings": warnings})
    else:
        _print_check(unresolved, warnings)
    if strict and (unresolved or any(w["level"] == "warning" for w in warnings)):
        raise typer.Exit(1)


def _print_check(unresolved: list[dict], warnings: list[dict]) -> None:
    from . import output

    output.print_table(unresolved, [("name", "Naam zoals geschreven"), ("where", "Waar"),
                                    ("suggestions", "Bedoelt u?")],
                       title=f"Onbekende namen ({len(unresolved)})",
                       empty="Alle namen zijn herkend.")
    output.print_table(warnings, [("document", "Document"), ("line", "Regel"),
                                  ("level", "Soort"), ("message", "Melding")],
                       title=f"Meldingen bij het inlezen ({len(warnings)})", empty="Geen meldingen.")


@app.command(name="map")
def map_(output_path: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")]
         = Path("graph071.html")) -> None:
    """Write an interactive network map as one self-contained HTML file (works offline).

    Example: graph071 map -o kaart.html
    """
    from .viz.network_map import write_map

    write_map(state.graph(), output_path)
    typer.echo(f"Kaart geschreven: {output_path}")


def main() -> None:
    """Run the CLI; user mistakes become one line on stderr and exit code 1."""
    try:
        app()
    except Graph071Error as error:
        typer.echo(f"Fout: {error}", err=True)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        sys.exit(0)

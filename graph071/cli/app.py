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

from graph071.errors import Graph071Error
from graph071.schema import Edge, Node, label_nl

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
            from graph071.build.cache import cached_build

            self._build = cached_build(self.data)
        return self._build

    def graph(self):
        if self.source is Source.neo4j:
            from graph071.neo4j.store import pull_graph

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
    from graph071.analytics import roles as analytics
    from graph071.cli import output

    graph = state.graph()
    result = analytics.summary(graph)
    missing = graph.graph.get("missing_documents", [])
    if missing:
        result["missing_documents"] = missing
    if json_:
        output.print_json(result)
        return
    out = output.console()
    out.print("[bold]graph071: het netwerk van Economie071[/bold]")
    for item in missing:  # a document that did not read is said first, not hidden
        out.print(f"Niet ingelezen: {item['document']} ({item['file']}): {item['reason']}",
                  markup=False, highlight=False)
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
def orphans(suggest: Annotated[bool, typer.Option(
                "--suggest", help="Also suggest who could become trekker, with the evidence "
                                  "and points (docs/analytics.md).")] = False,
            limit: Annotated[int, typer.Option(
                "--limit", min=1, help="With --suggest: suggestions per item.")] = 3,
            json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """Actions (and projects) without a trekker, with their theme, categorie and partners.

    "Trekker: onbekend" in the document counts as no trekker. --suggest ranks who could
    take it on by points for evidence in the documents (already partner 3, trekker of a
    linked action 2, ...), each with that evidence in words.

    Example: graph071 orphans --suggest
    """
    from graph071.analytics import roles as analytics
    from graph071.cli import output

    if suggest:
        from graph071.analytics.owners import orphans_with_suggestions

        rows = orphans_with_suggestions(state.graph(), limit=limit)
        if not (json_ or csv_):
            from graph071.cli.render import print_orphan_suggestions

            return print_orphan_suggestions(rows)
    else:
        rows = analytics.orphans(state.graph())
    output.emit(rows, [("kind", "Soort"), ("number", "Nr"), ("title", "Titel"),
                       ("theme_name", "Thema"), ("categorie", "Cat."),
                       ("categorie_colour", "Kleur"), ("status", "Status (laatste kaart)"),
                       ("partners", "Partners"), *([("suggested", "Voorgestelde trekkers")]
                                                   if suggest else [])],
                fmt=_fmt(json_, csv_), title=f"Zonder trekker ({len(rows)})",
                empty="Alle acties en projecten hebben een trekker.")


class HubMeasure(str, Enum):
    score = "score"
    trekker = "trekker"
    partner = "partner"
    betweenness = "betweenness"
    eigenvector = "eigenvector"


@app.command()
def hubs(top: Annotated[int, typer.Option("--top", min=1, help="How many to show.")] = 10,
         by: Annotated[HubMeasure, typer.Option(
             "--by", help="Rank on the hub score, the trekker or partner count, betweenness or "
                          "eigenvector centrality.")] = HubMeasure.score,
         json_: JsonOption = False, csv_: CsvOption = False) -> None:
    """Organisations ranked by how much of the programme they carry.

    Score = 2 x trekker + 1 x partner + 0.5 x "te betrekken" + 1 x every other role
    (projectboard, betrokken, financier) on actions and projects; each role the documents
    name counts, so trekker and financier of one project gives 3. Ties go to the higher
    centrality: the share of the other organisations it works with. --by betweenness: how
    often it lies on the shortest chain of collaboration between two others (estimated
    from a sample above 1,000 organisations, and then said so); --by eigenvector: how
    much it works with well-connected organisations. A group such as "regiogemeenten"
    counts as one organisation; its members are not credited.

    Example: graph071 hubs --top 5 --by betweenness
    """
    from graph071.cli import output
    from graph071.analytics.centrality import hub_ranking
    from graph071.cli.render import hub_columns, hub_title

    rows = hub_ranking(state.graph(), by=by.value, top=top)
    output.emit(rows, hub_columns(by.value), fmt=_fmt(json_, csv_), title=hub_title(rows, by.value))


@app.command()
def who(organisation: Annotated[str, typer.Argument(help="Organisation name or any alias.")],
        json_: JsonOption = False) -> None:
    """What an organisation leads (trekker) and partners on.

    Any alias works ("UvL", "Universiteit van Leiden"); a near miss gets "did you mean".

    Example: graph071 who "VNO NCW"
    """
    from graph071.analytics import roles as analytics
    from graph071.cli import output

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
    # The other roles on projects (projectboard, financier, betrokken), where it has them.
    from graph071.schema import EDGE_KINDS, role_edge_kinds

    for kind in role_edge_kinds():
        items = result.get(kind.lower()) if kind not in (Edge.TREKKER, Edge.PARTNER, Edge.TE_BETREKKEN) else None
        if items:
            title = EDGE_KINDS[kind].label_nl.capitalize()
            output.print_table(items, columns, title=f"{title} ({len(items)})")


@app.command()
def action(number: Annotated[int, typer.Argument(help="Action number, e.g. 17.")],
           programme: Annotated[Optional[str], typer.Option(
               help="Programme period when the corpus has more than one, e.g. 2013-2015.")] = None,
           json_: JsonOption = False) -> None:
    """One action with its trekkers, partners, links and source quote.

    Example: graph071 action 17
    """
    from graph071.analytics import roles as analytics
    from graph071.cli import output

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
    from graph071.io.export import export as write

    for written in write(state.graph(), path):
        typer.echo(f"Geschreven: {written}")


@app.command()
def check(json_: JsonOption = False,
          strict: Annotated[bool, typer.Option(
              "--strict", help="Exit with code 1 when there is anything to report.")] = False) -> None:
    """Names that matched no known organisation (with the closest known names) and
    parse warnings, so a maintainer can add an alias to organisations.csv.

    Warnings need attention (--strict exits 1 on them); "info" lines show reading
    decisions, such as where a line shared by two table columns was cut. A correction
    in corrections.csv that matches nothing, or is no longer needed, is a warning too.

    Example: graph071 check
    """
    from graph071.cli import output

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
    from graph071.cli import output

    output.print_table(unresolved, [("name", "Naam zoals geschreven"), ("where", "Waar"),
                                    ("suggestions", "Bedoelt u?")],
                       title=f"Onbekende namen ({len(unresolved)})",
                       empty="Alle namen zijn herkend.")
    output.print_table(warnings, [("document", label_nl(Node.DOCUMENT)), ("line", "Regel"),
                                  ("level", "Soort"), ("message", "Melding")],
                       title=f"Meldingen bij het inlezen ({len(warnings)})", empty="Geen meldingen.")


@app.command(name="map")
def map_(output_path: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")]
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
    from graph071.viz.network_map import write_map
    from graph071.viz.selection import View, parse_kinds

    view = View(focus=focus, depth=depth, theme=theme, kinds=parse_kinds(kind or []),
                edition=edition)
    written = write_map(state.graph(), output_path, view)
    typer.echo(f"Kaart geschreven: {written}")


# `graph071 neo4j push|pull|query|queries`; the module imports the driver only inside its commands.
from graph071.cli.neo4j import app as _neo4j_app  # noqa: E402

app.add_typer(_neo4j_app, name="neo4j")


@app.command()
def template(kind: Annotated[str, typer.Argument(help="actions, projects or corrections.")],
             path: Annotated[Path, typer.Argument(help="File to write: .xlsx (Excel) or .csv.")],
             force: Annotated[bool, typer.Option("--force", help="Overwrite PATH if it exists.")]
             = False) -> None:
    """Write an empty list to fill in: the columns graph071 reads and one grey example row.

    The example row is skipped when the list is read; an .xlsx file also has a sheet
    "toelichting" that explains every column (see docs/data-maintenance.md).

    Example: graph071 template actions acties-2024.xlsx
    """
    from graph071.io.templates import write_template

    typer.echo(f"Sjabloon geschreven: {write_template(kind, path, overwrite=force)}")


@app.command()
def add(path: Annotated[Path, typer.Argument(help="The document (.pdf, .docx, .html, .txt, .md) "
                                              "or list (.xlsx, .csv).")],
        kind: Annotated[str, typer.Option("--kind", help="Document kind: a known kind such as "
                                          "project_cards, or actions / projects for a list.")],
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
    with suggestions. Without --data the bundled corpus is changed.

    Example: graph071 --data mijn-corpus add acties-2024.xlsx --kind actions --edition 2024-03
    """
    from graph071.build.add import add_document

    added = add_document(path, kind, edition, data_dir=state.data, title=title, loader=loader,
                         document_id=id_, publisher=publisher)
    entry = added.entry
    if added.copied_to:
        typer.echo(f"Gekopieerd naar: {added.copied_to}")
    typer.echo(f"Toegevoegd: {added.manifest}, regel {added.line} "
               f"(id {entry.id}, soort {entry.kind}, loader {entry.loader})")
    typer.echo("Gelezen: " + ", ".join(f"{k} {v}" for k, v in added.nodes.items())
               + "; " + ", ".join(f"{k} {v}" for k, v in added.edges.items()))
    if added.unresolved:
        typer.echo(f"Onbekende namen ({len(added.unresolved)}): {', '.join(added.unresolved)}; "
                   "zie graph071 check voor suggesties")
    warnings = [w for w in added.warnings if w.level == "warning"]
    if warnings:
        typer.echo(f"Meldingen ({len(warnings)}): zie graph071 check")


@app.command(name="index")
def index_(basket: Annotated[Optional[str], typer.Argument(
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
    from graph071.monitor import model as monitor_index
    from graph071.cli import output

    monitor = monitor_index.monitor_from_graph(state.graph())
    chosen = monitor_index.find_basket(monitor, basket) if basket else None
    if plot is not None:
        from graph071.monitor.charts import plot_basket, plot_overview

        written = plot_basket(monitor, chosen, plot) if chosen else plot_overview(monitor, plot)
        typer.echo(f"Grafiek geschreven: {written}")
        return
    if json_:
        output.print_json(monitor_index.index_json(monitor, chosen))
        return
    years = [(str(year), str(year)) for year in monitor.years]
    if chosen is None:
        output.print_table(monitor_index.overview_rows(monitor),
                           [("number", "Nr"), ("name", "Mandje"), ("weight", "Weging"),
                            ("parameters", "Parameters"), *years],
                           title=f"{monitor.name} (editie {monitor.edition}, "
                                 f"{monitor.base_year} = 100)")
    else:
        output.print_table(monitor_index.parameter_rows(monitor, chosen),
                           [("number", "Nr"), ("name", "Parameter"), ("weight", "Weging"),
                            *years, ("source", "Bron")],
                           title=f"Mandje {chosen.name}: weging {monitor_index.pct(chosen.weight_pct)}"
                                 f" in {monitor.name}, {len(chosen.parameters)} parameters")


@app.command()
def project(name: Annotated[str, typer.Argument(help="Project name as written in any edition.")],
            json_: JsonOption = False) -> None:
    """One project across the editions of the projectkaarten: status per edition, trekkers,
    partners, people, links and lineage, each with its source.

    Any name the project had works ("Professioneel Expat Centre Leiden", "HCA").

    Example: graph071 project "Technolab"
    """
    from graph071.cli import output
    from graph071.analytics import projects

    graph = state.graph()
    result = projects.project_detail(graph, projects.find_project(graph, name))
    if json_:
        output.print_json(result)
        return
    _print_project(result)


def _print_project(result: dict) -> None:
    from graph071.cli import output

    out = output.console()
    esc = output._escape
    out.print(f"[bold]Project: {esc(result['name'])}[/bold]")
    others = [n for n in result["names"] if n != result["name"]]
    if others:
        out.print("Ook geschreven als: " + esc("; ".join(others)))
    output.print_table(result["timeline"], [("edition", "Editie"), ("categorie", "Categorie"),
                                            ("name_as_written", "Naam op de kaart"),
                                            ("trekkers", "Bestuurlijke trekkers"),
                                            ("document", label_nl(Node.DOCUMENT)), ("line", "Regel")],
                       title="Status per editie", empty="Geen projectkaart in de gelezen edities.")
    for theme in result["themes"]:
        out.print(f"Thema: {esc(theme['name'])} ({theme['edition']}, regel {theme['line']})")
    org_columns = [("name", "Organisatie"), ("role", "Rol zoals geschreven"),
                   ("editions", "Edities"), ("document", label_nl(Node.DOCUMENT)), ("line", "Regel")]
    output.print_table(result["trekkers"], org_columns,
                       title=f"Bestuurlijke trekkers ({len(result['trekkers'])})",
                       empty="Geen bestuurlijk trekker op de kaarten.")
    output.print_table(result["partners"], org_columns,
                       title=f"Partners ({len(result['partners'])})", empty="—")
    from graph071.schema import EDGE_KINDS

    for kind, items in result["other_roles"].items():
        output.print_table(items, org_columns,
                           title=f"{EDGE_KINDS[kind.upper()].label_nl.capitalize()} ({len(items)})")
    people = [{"name": p["name"], "organisations": p["organisations"],
               "roles": "; ".join(dict.fromkeys(
                   (r["role"] or r["label"]) + (f" ({r['function']})" if r["function"] else "")
                   for r in p["roles"] if r["kind"] != Edge.QUOTED)) or "geciteerd",
               "editions": p["editions"], "line": p["roles"][0]["line"]} for p in result["people"]]
    output.print_table(people, [("name", "Persoon"), ("roles", "Rol"),
                                ("organisations", "Namens"), ("editions", "Edities"),
                                ("line", "Regel")], title=f"Mensen ({len(people)})", empty="—")
    output.print_table(result["links"], [("name", label_nl(Node.PROJECT)), ("direction", "Richting"),
                                         ("role", "Verbinding"), ("edition", "Editie"),
                                         ("line", "Regel")],
                       title=f"Verbonden projecten ({len(result['links'])})", empty="—")
    _print_lineage(result["lineage"], heading="Herkomst en opvolging")


@app.command()
def lineage(name: Annotated[str, typer.Argument(
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
    from graph071.cli import output
    from graph071.analytics import projects

    graph = state.graph()
    result = projects.lineage(graph, projects.find_lineage_member(graph, name))
    if map_path is not None:
        from graph071.viz.network_map import write_lineage_map

        written = write_lineage_map(graph, [m["id"] for m in result["chain"]], map_path,
                                    title=f"Tijdlijn: {result['name']}",
                                    editions={m["id"]: m["first_edition"] for m in result["chain"]})
        typer.echo(f"Tijdlijn geschreven: {written}", err=json_)
    if json_:
        output.print_json(result)
        return
    _print_lineage(result, heading=f"Lijn van {result['name']}")


def _print_lineage(result: dict, heading: str) -> None:
    from graph071.cli import output

    out = output.console()
    esc = output._escape
    if not result["steps"]:
        out.print(f"[bold]{esc(heading)}[/bold]: geen voorganger of opvolger bekend.")
        return
    out.print(f"[bold]{esc(heading)}[/bold] (oudste eerst)")
    for number, member in enumerate(result["chain"], start=1):
        statuses = ", ".join(f"{s['edition']} {s['categorie'] or 'zonder categorie'}"
                             for s in member["statuses"])
        kind = {Node.ACTION: "actie", Node.ORGANISATION: "organisatie"}.get(member["kind"], "project")
        out.print(f"  {number}. {esc(member['name'])} ({kind}, vanaf {member['first_edition']}"
                  + (f"; {esc(statuses)}" if statuses else "") + ")")
    for step in result["steps"]:
        if step["explicit"]:
            out.print(f"  {esc(step['newer_name'])} ← {esc(step['older_name'])}: "
                      f"{esc(step['cue'])} ({step['document']}, {step['edition']}, regel "
                      f"{step['line']}): \"{esc(step['quote'])}\"")
        else:
            out.print(f"  {esc(step['newer_name'])} ← {esc(step['older_name'])}: afgeleid, staat "
                      f"niet in de tekst. Reden: {esc(step['reason'])}")


@app.command()
def person(name: Annotated[str, typer.Argument(help="A person's name, e.g. Laura Platte.")],
           json_: JsonOption = False) -> None:
    """A person's roles over the years: projectleider, opdrachtgever, trekker, projectboard,
    quoted on a card, and the organisations they act for.

    Example: graph071 person "Laura Platte"
    """
    from graph071.cli import output
    from graph071.analytics import projects

    graph = state.graph()
    result = projects.person_roles(graph, projects.find_person(graph, name))
    if json_:
        output.print_json(result)
        return
    out = output.console()
    esc = output._escape
    out.print(f"[bold]{esc(result['name'])}[/bold]")
    for row in result["organisations"]:
        function = f"{row['role']}; " if row["role"] else ""
        out.print(f"{row['label'].capitalize()} {esc(row['name'])} ({esc(function)}"
                  f"{', '.join(row['editions'])}; {row['document']} regel {row['line']})")
    output.print_table(result["roles"], [("editions", "Edities"), ("label", "Rol"),
                                         ("name", "Project of thema"),
                                         ("role", "Rol zoals geschreven"),
                                         ("document", label_nl(Node.DOCUMENT)), ("line", "Regel")],
                       title=f"Rollen ({len(result['roles'])})", empty="Geen rollen gevonden.")


@app.command()
def path(organisation_a: Annotated[str, typer.Argument(help="First organisation (any alias).")],
         organisation_b: Annotated[str, typer.Argument(help="Second organisation (any alias).")],
         json_: JsonOption = False) -> None:
    """How two organisations are connected: the shortest chain of shared actions, projects
    and groups, each step in words with its source.

    Example: graph071 path "Hogeschool Leiden" "VNO-NCW"
    """
    from graph071.analytics import roles as analytics
    from graph071.cli import output
    from graph071.analytics.paths import connection

    graph = state.graph()
    result = connection(graph, analytics.find_node(graph, organisation_a),
                        analytics.find_node(graph, organisation_b))
    if json_:
        return output.print_json(result)
    from graph071.cli.render import print_connection

    print_connection(result)


@app.command()
def balance(theme: Annotated[Optional[str], typer.Option(
                "--theme", help="Only this theme (number or name), with the organisations "
                                "on each side.")] = None,
            json_: JsonOption = False) -> None:
    """Triple-helix balance per theme: trekker and other roles of overheid, ondernemers,
    onderwijs & kennis (and overig), the largest trekker and a verdict in words.

    Example: graph071 balance --theme 4
    """
    from graph071.cli import output
    from graph071.analytics.balance import balance as helix_balance

    result = helix_balance(state.graph(), theme)
    if json_:
        return output.print_json(result)
    from graph071.cli.render import print_balance

    print_balance(result)


@app.command()
def diff(edition_a: Annotated[str, typer.Argument(help="Older edition: 2018-10, 2018 or a "
                                                       "document id.")],
         edition_b: Annotated[str, typer.Argument(help="Newer edition, e.g. 2019-06.")],
         json_: JsonOption = False) -> None:
    """What changed between two editions of the projectkaarten: projects new, gone (and
    what became of them), with another status or name, and who is named newly or no more.

    Example: graph071 diff 2018-10 2019-06
    """
    from graph071.cli import output
    from graph071.analytics.diff import edition_diff

    result = edition_diff(state.graph(), edition_a, edition_b)
    if json_:
        return output.print_json(result)
    from graph071.cli.render import print_diff

    print_diff(result)


@app.command()
def communities(json_: JsonOption = False) -> None:
    """Clusters of organisations that work together, each described in one line from its
    members' main themes (Louvain, fixed seed: the same graph gives the same clusters).

    Example: graph071 communities --json
    """
    from graph071.cli import output
    from graph071.analytics.communities import communities as clusters

    result = clusters(state.graph())
    if json_:
        return output.print_json(result)
    from graph071.cli.render import print_communities

    print_communities(result)


def main() -> None:
    """Run the CLI; user mistakes become one line on stderr and exit code 1."""
    try:
        app()
    except Graph071Error as error:
        typer.echo(f"Fout: {error}", err=True)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        sys.exit(0)

"""The graph071 command line: a thin skin over the library (graph071.network).

Each command parses its arguments, asks the Network one question and hands the answer
to graph071.cli.output or graph071.cli.render. The global options (--data, --source)
travel in typer's context object (graph071.cli.session). A user mistake raises
Graph071Error, which main() prints as one line (with the fix, when known) and turns
into exit code 1. The commands live in modules by area: explore, projects, corpus,
maps, monitor and neo4j.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph071.cli import corpus, explore, maps, monitor, projects, prose
from graph071.cli.neo4j import app as neo4j_app
from graph071.cli.options import with_csv, with_xlsx
from graph071.cli.session import Session, Source
from graph071.errors import Graph071Error

app = typer.Typer(
    name="graph071",
    help="Explore the Economie071 stakeholder network: actions, projects, organisations, "
         "people and how they link.\n\nExample: graph071 orphans",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[Optional[Path], typer.Option(
    "--data", help="Corpus folder with manifest.csv and organisations.csv "
                   "(default: the corpus bundled with graph071).",
    file_okay=False, show_default=False)]
SourceOption = Annotated[Source, typer.Option(
    "--source", help="Where the graph comes from: built from the documents (networkx) or "
                     "read from the Neo4j server named by NEO4J_URI (neo4j).")]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="WHEN",
    help="Answer for this moment: a year (2014), month (2019-06), day (2019-06-30) or an "
         "edition id (projectkaarten-2018). Default: the latest state of the corpus. Every "
         "answer starts with the moment it is for (\"Stand: ...\").", show_default=False)]


LangOption = Annotated[Optional[str], typer.Option(
    "--lang", metavar="nl|en", help="Language of all output: nl (default) or en; also "
                                    "through GRAPH071_LANG.")]


@app.callback()
def _global(ctx: typer.Context, data: DataOption = None,
            source: SourceOption = Source.networkx, as_of: AsOfOption = None,
            lang: LangOption = None) -> None:
    current = ctx.ensure_object(Session)  # a caller may pass one in: app(obj=Session(...))
    current.data, current.source, current.as_of = data, source, as_of
    # With --json or --csv the "Stand: ..." line goes to stderr: stdout stays data only.
    rest = [*getattr(ctx, "protected_args", []), *ctx.args] or sys.argv[1:]
    current.machine_output = any(arg in ("--json", "--csv") for arg in rest)


for module in (explore, projects, corpus, maps, monitor, prose):
    for command in module.COMMANDS:
        function, name = command if isinstance(command, tuple) else (command, None)
        app.command(name=name)(with_csv(with_xlsx(function)))
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(prose.review_app, name="review")


def main(args: list[str] | None = None, session: Session | None = None) -> None:
    """Run the CLI; user mistakes become one line on stderr and exit code 1 (2 for a
    mistake in the arguments). Everything is said in the language of --lang or
    GRAPH071_LANG (Dutch by default; graph071.cli.language)."""
    import typer._click.exceptions as click_errors

    from graph071 import i18n
    from graph071.cli.language import localised, usage_error

    args = list(sys.argv[1:] if args is None else args)
    try:
        i18n.use(i18n.language_in(args))
        code = localised(app).main(args, prog_name="graph071", obj=session,
                                   standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click_errors.UsageError as error:
        typer.echo(usage_error(error), err=True)
        sys.exit(error.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo(i18n.text("click:Aborted!", "Aborted!"), err=True)
        sys.exit(1)
    except Graph071Error as error:
        from graph071.io.safe import terminal_text

        typer.echo(f"{i18n.text('error:prefix')}{terminal_text(str(error))}", err=True)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        sys.exit(0)

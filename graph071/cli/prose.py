"""`graph071 read` and `graph071 review ...`: what a text says, and the queue of what is uncertain.

Thin commands over graph071.build.read and graph071.build.review; the corpus
folder comes from the global --data option (graph071.cli.session).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from graph071 import i18n
from graph071.cli.output import console, emit, print_json
from graph071.cli.session import session

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON for scripts.")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why (written with the decision).")]

review_app = typer.Typer(
    name="review",
    help="The review queue: names that matched nothing, proposed organisations and people, "
         "relations not sure enough. Decide with accept, reject or alias; the next build "
         "carries the decision.\n\nExample: graph071 review accept o-6e4c987f --reason "
         "\"bekende partner\"",
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def data_dir(ctx: typer.Context) -> Path | None:
    """Return the corpus folder the global --data option names (None: the bundled one)."""
    return session(ctx).data


def read_command(ctx: typer.Context,
                 path: Annotated[Path, typer.Argument(help="The text: .pdf, .docx, .html, .htm, .txt or .md.")],
                 json_: JsonOption = False) -> None:
    """Show what graph071 finds in a text, without adding it: the organisations, projects and
    people it mentions, people's roles, the relations it states (with quote and line) and
    the names it does not know.

    Example: graph071 read nieuwsbericht.txt --json
    """
    from graph071.build.read import read_file

    reading = read_file(path, data_dir(ctx)).as_json()
    if json_:
        print_json(reading)
    else:
        print_reading(reading)


def print_reading(reading: dict[str, Any]) -> None:
    """Write a reading as a readable Dutch report."""
    out = console()
    document = reading["document"]
    out.print(f"[bold]{document['title'] or document['file']}[/bold] ({document['file']}, "
              f"{document['format']}, " + i18n.text("read:language", "language {language}",
                                                      language=document["language"])
              + (f", {document['date']}" if document["date"] else "") + ")")
    known = [m for m in reading["mentions"] if not m["new"]]
    rows = _unique_mentions(known)
    emit(rows, [("kind_nl", "Soort"), ("name", "Naam"), ("surface", "Zoals geschreven"),
                ("lines", "Regels")], title=i18n.text("read:mentioned", "Mentioned ({count})",
                                                      count=len(rows)),
         empty=i18n.text("read:no_mentions", "No known organisations, projects or people."))
    people = [{"name": p["name"], "role": r["role"] or "", "for": r["organisation"] or r["project"]
               or "", "line": r["line"]} for p in reading["people"] for r in p["roles"]]
    emit(people, [("name", "Persoon"), ("role", "Functie"), ("for", "Voor"), ("line", "Regel")],
         title=i18n.text("read:people", "People ({count})", count=len(people)),
         empty=i18n.text("read:no_people", "No people with a function."))
    relations = [{**r, "how_sure": f"{r['confidence']:.2f}"} for r in reading["relations"]]
    emit(relations, [("subject", "Wie"), ("predicate", "Relatie"), ("object", "Met / van"),
                     ("line", "Regel"), ("how_sure", "Zekerheid"), ("quote", "Citaat")],
         title=i18n.text("read:relations", "Relations ({count})", count=len(relations)),
         empty=i18n.text("read:no_relations", "No relations found."))
    for warning in reading["warnings"]:
        out.print(i18n.text("read:note", "Note: ") + str(warning), markup=False)


def _unique_mentions(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from graph071.schema import label

    rows: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        row = rows.setdefault(mention["id"], {"kind_nl": label(mention["kind"]),
                                              "name": mention["name"], "surface": [], "lines": []})
        if mention["surface"] not in row["surface"]:
            row["surface"].append(mention["surface"])
        if mention["line"] not in row["lines"]:
            row["lines"].append(mention["line"])
    return list(rows.values())


@review_app.callback()
def review(ctx: typer.Context,
           xlsx: Annotated[Optional[Path], typer.Option(
               "--xlsx", help="Write the queue as a workbook with a 'beslissing' column.")] = None,
           apply: Annotated[Optional[Path], typer.Option(
               "--apply", help="Read a filled-in workbook back and write its decisions.")] = None,
           json_: JsonOption = False) -> None:
    """List the review queue (or write it to Excel, or read the decisions back from Excel).

    Example: graph071 review --xlsx review.xlsx   ...   graph071 review --apply review.xlsx
    """
    if ctx.invoked_subcommand is not None:
        return
    from graph071.build.review import apply_workbook, review_queue, write_workbook

    if apply is not None:
        decisions = apply_workbook(data_dir(ctx), apply)
        typer.echo(i18n.text("review:applied", "{count} decisions taken from {path}",
                             count=len(decisions), path=apply))
        for decision in decisions:
            typer.echo(f"  {decision.id}: {decision.decision} ({decision.subject}) -> "
                       f"{decision.written_to}")
        return
    items = review_queue(data_dir(ctx))
    if xlsx is not None:
        write_workbook(items, xlsx)
        typer.echo(i18n.text("review:written", "{count} items written to {path}; fill in the "
                             "column 'beslissing' (accept, reject or alias) and read it back with "
                             "graph071 review --apply", count=len(items), path=xlsx))
        return
    emit([item.as_json() for item in items],
         [("id", "Id"), ("kind", "Soort"), ("subject", "Naam / relatie"), ("document", "Bron"),
          ("line", "Regel"), ("suggestion", "Voorstel"), ("closest", "Dichtstbij")],
         fmt="json" if json_ else "table",
         title=i18n.text("review:title", "To review ({count})", count=len(items)),
         empty=i18n.text("review:none", "Nothing to review."))


@review_app.command()
def accept(ctx: typer.Context, item: Annotated[str, typer.Argument(help="Id from `graph071 review`.")],
           reason: ReasonOption = "") -> None:
    """Accept an item: a new organisation goes into organisations.csv, a relation into the graph.

    Example: graph071 review accept o-6e4c987f --reason "partner sinds 2024"
    """
    _decide(ctx, item, "accept", "", reason)


@review_app.command()
def reject(ctx: typer.Context, item: Annotated[str, typer.Argument(help="Id from `graph071 review`.")],
           reason: ReasonOption = "") -> None:
    """Reject an item: it is not asked again.

    Example: graph071 review reject r-1a2b3c4d --reason "geen samenwerking, alleen genoemd"
    """
    _decide(ctx, item, "reject", "", reason)


@review_app.command()
def alias(ctx: typer.Context, item: Annotated[str, typer.Argument(help="Id from `graph071 review`.")],
          organisation: Annotated[str, typer.Argument(help="The known organisation it is.")],
          reason: ReasonOption = "") -> None:
    """Make the item's name an alias of a known organisation (in organisations.csv).

    Example: graph071 review alias o-6e4c987f "Ondernemersvereniging Bio Science Park"
    """
    _decide(ctx, item, "alias", organisation, reason)


def _decide(ctx: typer.Context, item: str, decision: str, organisation: str, reason: str) -> None:
    from graph071.build.review import decide_item

    made = decide_item(data_dir(ctx), item, decision, organisation=organisation, reason=reason)
    typer.echo(i18n.text("review:decided", "{id}: {decision} ({subject}) written to {path}",
                         id=made.id, decision=made.decision, subject=made.subject,
                         path=made.written_to)
               + (i18n.text("review:alias", "; alias of {organisation}",
                            organisation=made.organisation) if made.organisation else ""))


COMMANDS = [(read_command, "read")]

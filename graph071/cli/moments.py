"""How the command line says which moment an answer is for, and shows answers across time
(orphans with their periods, timelines, the difference between two moments)."""

from __future__ import annotations

import sys
from typing import Any

from rich.markup import escape

from graph071.cli import output

ORPHAN_COLUMNS = [("kind", "Soort"), ("programme", "Programma"), ("number", "Nr"),
                  ("title", "Titel"), ("theme_name", "Thema"), ("categorie", "Cat."),
                  ("categorie_colour", "Kleur"), ("status", "Status"), ("partners", "Partners")]
HISTORY_COLUMNS = [*ORPHAN_COLUMNS[:7], ("period", "Periode"), ("status", "Status"),
                   ("last_edition", "Laatst gezien in"), ("partners", "Partners")]


def print_moment(moment: dict[str, Any], to_stderr: bool = False) -> None:
    """Write the line that says which moment the answer is for ("Stand: ...").

    With --json or --csv (`to_stderr`) it goes to standard error: the output stays data only.
    """
    if to_stderr:
        sys.stderr.write(moment["text"] + "\n")
    else:
        output.console().print(escape(moment["text"]), style="italic")


def orphan_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return orphan rows with the status as a reader wants it: "verzelfstandigd (sinds 2019)"."""
    shown = []
    for row in rows:
        status = row.get("status") or ""
        if row.get("status_since") and not status.startswith("niet meer genoemd"):
            status = f"{status} (sinds {row['status_since']})"
        shown.append({**row, "status": status})
    return shown


def print_timeline(result: dict[str, Any]) -> None:
    """Write an organisation's, project's or person's roles per period."""
    out = output.console()
    esc = escape
    status = f" ({result['status']}" + (f", sinds {result['status_since']})" if result["status_since"]
                                        else ")") if result["status"] else ""
    out.print(f"[bold]{esc(result['name'])}[/bold]{esc(status)}: rollen per periode")
    if not result["periods"]:
        out.print("Geen rollen in de gelezen edities.")
    for period in result["periods"]:
        out.print(f"[bold]{esc(period['label'])}[/bold] ({esc(period['period'])})")
        for role in period["roles"]:
            names = ", ".join(role["names"])
            out.print(f"  {esc(role['role'])} ({role['count']}): {esc(names)}")


def print_moment_diff(result: dict[str, Any]) -> None:
    """Write what changed between two moments."""
    out = output.console()
    out.print(f"[bold]{escape(result['text'])}[/bold]")
    for key, title in (("new", "Nieuw"), ("gone", "Niet meer")):
        output.print_table([{"name": n} for n in result[key]], [("name", "Actie of project")],
                           title=f"{title} ({len(result[key])})", empty="—")
    columns = [("work", "Actie of project"), ("role", "Rol"), ("organisation", "Organisatie")]
    for key, title in (("roles_new", "Nieuwe rollen"), ("roles_gone", "Rollen die niet meer gelden")):
        output.print_table(result[key], columns, title=f"{title} ({len(result[key])})", empty="—")

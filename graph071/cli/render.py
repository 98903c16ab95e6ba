"""Readable Dutch tables for the analytics commands (hubs --by, orphans --suggest, path,
balance, diff, communities). The CLI hands these the library's results; JSON and CSV go
through graph071.cli.output unchanged. Nothing here computes: it only lays out.
"""

from __future__ import annotations

from typing import Any

from graph071.cli import output
from graph071.schema import HELIX_SIDES, Node, label_nl

HUB_TITLES = {
    "score": "Spilorganisaties (hubs), op score",
    "trekker": "Spilorganisaties, op aantal keer trekker",
    "partner": "Spilorganisaties, op aantal keer partner",
    "betweenness": "Spilorganisaties op tussenpositie (betweenness): het deel van de kortste "
                   "samenwerkingsketens tussen twee andere organisaties dat via hen loopt",
    "eigenvector": "Spilorganisaties op verbondenheid (eigenvector): werken veel samen met "
                   "organisaties die zelf veel samenwerken; de best verbonden organisatie = 1",
}
HUB_COLUMNS = [("rank", "#"), ("name", "Organisatie"), ("helix", "Kant"), ("trekker", "Trekker"),
               ("partner", "Partner"), ("te_betrekken", "Te betrekken"),
               ("projectboard", "Projectboard"), ("betrokken", "Betrokken"),
               ("financier", "Financier"), ("score", "Score")]


def hub_columns(by: str) -> list[tuple[str, str]]:
    """Return the hub table's columns: every role count, the score and, when ranked on
    another measure, that measure and why."""
    if by in ("score", "trekker", "partner"):
        return [*HUB_COLUMNS, ("centrality", "Centraliteit")]
    return [*HUB_COLUMNS, ("value_text", by.capitalize())]


def hub_title(rows: list[dict[str, Any]], by: str) -> str:
    """Return the hub table's title; it says when betweenness was estimated from a sample."""
    title = HUB_TITLES[by]
    if rows and by == "betweenness":
        title += f" ({rows[0]['method']})"
    return title


def print_orphan_suggestions(rows: list[dict[str, Any]]) -> None:
    """Print each action or project without trekker with its suggested owners and why."""
    out = output.console()
    esc = output._escape
    out.print(f"[bold]Zonder trekker ({len(rows)}), met voorgestelde trekkers[/bold]")
    out.print("Punten: al partner 3, andere rol erop 2, trekker van een verbonden actie of project 2, "
              "projectleider werkt er 2, opdrachtgever 1, rol bij een verbonden item 1, trekker in "
              "hetzelfde thema 0.25 per item (max 1). Zie docs/analytics.md.")
    for row in rows:
        what = f"Actie {row['number']}" if row["kind"] == Node.ACTION else Node.PROJECT
        context = []
        if row.get("theme_name"):
            context.append(f"thema {row['theme_name']}")
        if row.get("status"):
            context.append(f"status {row['status']}")
        if row.get("categorie"):
            context.append(f"categorie {row['categorie']}")
        out.print(f"\n[bold]{what}: {esc(row['title'])}[/bold]"
                  + (f" ({esc(', '.join(context))})" if context else ""))
        if not row["suggestions"]:
            out.print("  Geen aanwijzing in de documenten: niemand werkt eraan of ernaast.")
        for suggestion in row["suggestions"]:
            group = " (groep)" if suggestion["is_group"] else ""
            out.print(f"  {suggestion['rank']}. {esc(suggestion['name'])}{group}: "
                      f"{suggestion['points']:g} {'punt' if suggestion['points'] == 1 else 'punten'}, "
                      f"{suggestion['strength']} — "
                      f"{esc(suggestion['why'])}", soft_wrap=True)


def print_connection(result: dict[str, Any]) -> None:
    """Print how two organisations are connected, step by step, with the sources."""
    out = output.console()
    esc = output._escape
    out.print(f"[bold]{esc(result['text'])}[/bold]", soft_wrap=True)
    if len(result["steps"]) < 1:
        return
    rows = [{"step": number, "text": step["text"],
             "shared": ", ".join(step["shared"][:6]) + (" …" if len(step["shared"]) > 6 else ""),
             "source": f"{step['document']}, regel {step['line']}" if step["document"] else ""}
            for number, step in enumerate(result["steps"], start=1)]
    output.print_table(rows, [("step", "Stap"), ("text", "Verbinding"),
                              ("shared", "Alles wat ze delen"), ("source", "Bron")],
                       title=f"Keten van {result['hops']} "
                             f"{'stap' if result['hops'] == 1 else 'stappen'}")


def _sides(counts: dict[str, int]) -> str:
    return " / ".join(str(counts[side]) for side in HELIX_SIDES)


def print_balance(result: dict[str, Any]) -> None:
    """Print the helix balance per theme (or the detail of the chosen themes)."""
    out = output.console()
    esc = output._escape
    sides = "/".join(side.label_nl.lower() for side in HELIX_SIDES.values())
    themes = result["themes"]
    if "total" in result:
        rows = [{**row, "trekkers": _sides(row["trekker"]), "others": _sides(row["other"]),
                 "largest": (f"{row['largest_trekker']['name']} ({row['largest_trekker']['share']:.0%})"
                             if row["largest_trekker"] else "—")}
                for row in [*themes, result["total"]]]
        output.print_table(rows, [("label", "Thema"), ("works", "Acties/projecten"),
                                  ("without_trekker", "Zonder trekker"),
                                  ("trekkers", "Trekkerrollen*"),
                                  ("others", "Andere rollen*"), ("largest", "Grootste trekker"),
                                  ("verdict", "Oordeel")],
                           title="Balans van de triple helix per thema")
        out.print(f"* per kant: {sides.replace('/', ' / ')}. In balans: elke kant (overheid, ondernemers, onderwijs & kennis) heeft "
                  f"minstens {result['minimum_share']:.0%} van de trekkerrollen; bij minder dan "
                  f"{result['minimum_trekker_roles']} trekkerrollen geen oordeel.")
        for row in [*themes, result["total"]]:
            out.print(f"[bold]{esc(row['label'])}[/bold]: {esc(row['text'])}", soft_wrap=True)
        return
    for row in themes:
        out.print(f"\n[bold]Thema {esc(row['label'])}[/bold]: {row['works']} acties en projecten, "
                  f"oordeel: {row['verdict']}")
        out.print(esc(row["text"]), soft_wrap=True)
        table = []
        for side, label in ((s, HELIX_SIDES[s].label_nl) for s in HELIX_SIDES):
            organisations = row["organisations"][side]
            table.append({"side": label, "trekker": row["trekker"][side],
                          "other": row["other"][side],
                          "who": ", ".join(f"{o['name']} ({o['trekker']}/{o['other']})"
                                           for o in organisations) or "—"})
        output.print_table(table, [("side", "Kant"), ("trekker", "Trekkerrollen"),
                                   ("other", "Andere rollen"),
                                   ("who", "Organisaties (trekker/andere rollen)")])


def print_diff(result: dict[str, Any]) -> None:
    """Print the changes between two editions of the projectkaarten."""
    out = output.console()
    esc = output._escape
    out.print(f"[bold]{esc(result['text'])}[/bold]", soft_wrap=True)
    output.print_table(result["new"], [("name", label_nl(Node.PROJECT)), ("name_as_written", "Naam op de kaart"),
                                       ("categorie", "Status"), ("note", "Toelichting")],
                       title=f"Nieuw ({len(result['new'])})", empty="Geen nieuwe projecten.")
    output.print_table(result["gone"], [("name", label_nl(Node.PROJECT)), ("categorie", "Laatste status"),
                                        ("note", "Wat werd ervan")],
                       title=f"Verdwenen ({len(result['gone'])})", empty="Geen project verdwenen.")
    output.print_table(result["status_changed"], [("name", label_nl(Node.PROJECT)), ("before", "Was"),
                                                  ("after", "Wordt")],
                       title=f"Andere status ({len(result['status_changed'])})", empty="—")
    output.print_table(result["renamed"], [("name", label_nl(Node.PROJECT)), ("before", "Naam was"),
                                           ("after", "Naam wordt")],
                       title=f"Andere naam ({len(result['renamed'])})", empty="—")
    rows = [{"name": r["name"], "role": r["role_label"], "added": r["added"],
             "removed": r["removed"]} for r in result["roles_changed"]]
    output.print_table(rows, [("name", label_nl(Node.PROJECT)), ("role", "Rol"), ("added", "Nieuw genoemd"),
                              ("removed", "Niet meer genoemd")],
                       title=f"Andere trekkers, partners of mensen ({result['counts']['roles_changed']} "
                             f"projecten)", empty="—")
    if result["successions"]:
        rows = [{**s, "how": s["cue"] + ("" if s["explicit"] else " (afgeleid)")}
                for s in result["successions"]]
        output.print_table(rows, [("older_name", "Was"), ("newer_name", "Gaat verder als"),
                                  ("how", "Volgens de tekst"), ("line", "Regel")],
                           title="Opvolging volgens de nieuwere editie")


def print_communities(result: dict[str, Any]) -> None:
    """Print the clusters of organisations, each with its one-line description."""
    out = output.console()
    rows = [{"number": c["number"], "size": c["size"], "description": c["description"]}
            for c in result["communities"]]
    output.print_table(rows, [("number", "#"), ("size", "Organisaties"),
                              ("description", "Wie, welke thema's, welke kant, samen waarbij")],
                       title=f"Clusters van samenwerkende organisaties ({len(rows)})",
                       empty="Geen organisaties die samenwerken.")
    out.print(f"Louvain op het samenwerkingsnetwerk van {result['organisations']} organisaties "
              f"(vaste seed {result['seed']}); modulariteit {result['modularity']:g}.")
    if result["alone"]:
        names = result["alone"]
        shown = ", ".join(names[:10]) + (f" en nog {len(names) - 10}" if len(names) > 10 else "")
        out.print(f"Werken met niemand samen ({len(names)}): {output._escape(shown)}",
                  soft_wrap=True)

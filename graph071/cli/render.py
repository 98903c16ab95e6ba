"""Readable Dutch tables for the analytics commands (hubs --by, orphans --suggest, path,
balance, diff, communities). The CLI hands these the library's results; JSON and CSV go
through graph071.cli.output unchanged. Nothing here computes: it only lays out.
"""

from __future__ import annotations

from typing import Any

from graph071 import i18n
from graph071.cli import output
from graph071.schema import HELIX_SIDES, Edge, Node, label, label_nl

HUB_TITLES = {  # in English; the catalogue's "hubs:title.<by>" rows say them in Dutch
    "score": "Hub organisations, by score",
    "trekker": "Hub organisations, by times trekker",
    "partner": "Hub organisations, by times partner",
    "betweenness": "Hub organisations by betweenness: the share of the shortest chains of "
                   "cooperation between two other organisations that run through them",
    "eigenvector": "Hub organisations by connectedness (eigenvector): they work with organisations "
                   "that themselves work with many; the best connected organisation = 1",
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
    title = i18n.text(f"hubs:title.{by}", HUB_TITLES[by])
    if rows and by == "betweenness":
        title += f" ({rows[0]['method']})"
    return title


def print_orphan_suggestions(rows: list[dict[str, Any]]) -> None:
    """Print each action or project without trekker with its suggested owners and why."""
    out = output.console()
    esc = output.escape
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
    esc = output.escape
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
    esc = output.escape
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
    esc = output.escape
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
        out.print(f"Werken met niemand samen ({len(names)}): {output.escape(shown)}",
                  soft_wrap=True)


# ---------------------------------------------------------------- summary, who, action

def print_summary(result: dict[str, Any]) -> None:
    """Print `graph071 summary`: counts per kind, the orphans and the top hubs."""
    out = output.console()
    out.print(f"[bold]{i18n.text('summary:title', 'graph071: the network of Economie071')}[/bold]")
    # Node kinds as users name them (Actie, Organisatie); edges keep their relationship
    # types, the names Neo4j Browser shows too.
    out.print(i18n.text("summary:nodes", "Nodes: ") + ", ".join(f"{label(k)} {v}" for k, v in result["nodes"].items()))
    out.print(i18n.text("summary:edges", "Edges: ") + ", ".join(f"{k} {v}" for k, v in result["edges"].items()))
    output.print_table(result["orphans"], [("kind", "Soort"), ("number", "Nr"), ("title", "Titel"),
                                           ("categorie", "Cat."), ("partners", "Partners")],
                       title=orphans_title(len(result["orphans"])), empty=all_have_a_trekker())
    output.print_table(result["hubs"], [("rank", "#"), ("name", "Organisatie"),
                                        ("trekker", "Trekker"), ("partner", "Partner"),
                                        ("score", "Score")], title=i18n.text("summary:hubs", "Hub organisations"))


def orphans_title(count: int, ever: bool = False) -> str:
    """Return the title of a table of actions and projects without a trekker."""
    if ever:
        return i18n.text("orphans:title.ever", "Ever without a trekker ({count})", count=count)
    return i18n.text("orphans:title", "Without a trekker ({count})", count=count)


def all_have_a_trekker() -> str:
    """Return what an empty table of actions and projects without a trekker says."""
    return i18n.text("orphans:none", "Every action and project has a trekker.")


def print_who(result: dict[str, Any], other_roles: list[str], labels: dict[str, str]) -> None:
    """Print `graph071 who`: the organisation, its groups and its roles by kind."""
    out = output.console()
    esc = output.escape
    group = i18n.text("who:group", ", group") if result["is_group"] else ""
    out.print(f"[bold]{esc(result['name'])}[/bold] ({result['sector']}, {result['helix']}{group})")
    if result["member_of"]:
        out.print(i18n.text("who:member_of", "Member of: ") + esc(", ".join(result["member_of"])))
    if result["members"]:
        out.print(i18n.text("who:members", "Members: ") + esc(", ".join(result["members"])))
    columns = [("kind", "Soort"), ("name", "Naam"), ("period", "Periode"),
               ("role", "Rol zoals geschreven"), ("line", "Regel")]
    for key, title in (("trekker", i18n.text("who:trekker", "Trekker of")),
                       ("partner", i18n.text("who:partner", "Partner of")),
                       ("te_betrekken", i18n.text("who:te_betrekken", "To be involved in"))):
        output.print_table(result[key], columns, title=f"{title} ({len(result[key])})",
                           empty="—")
    # The other roles on projects (projectboard, financier, betrokken), where it has them.
    for kind in other_roles:
        items = result.get(kind.lower())
        if items:
            output.print_table(items, columns,
                               title=f"{labels[kind].capitalize()} ({len(items)})")


def print_action(result: dict[str, Any]) -> None:
    """Print `graph071 action`: the action, its roles, result, planning, links and source."""
    out = output.console()
    esc = output.escape
    reference = (f"{result['programme']}/{result['number']}" if result.get("programme")
                 else result["number"])
    out.print(f"[bold]Actie {reference}: {esc(result['title'])}[/bold]")
    out.print(f"Thema {result.get('theme')}: {esc(result.get('theme_name', ''))}")
    if result.get("voornemen"):
        out.print(f"Voornemen {result.get('voornemen_code') or ''}: {esc(result['voornemen'])}")
    out.print(f"Categorie {result.get('categorie')} ({result.get('categorie_colour')})")
    if result.get("status"):  # at the moment asked: an old programme's action is "niet meer genoemd"
        from graph071 import i18n

        since = result.get("status_since")
        out.print(esc(i18n.text("action:status", "Status: {status}", status=result["status"])
                      + (i18n.text("action:since", " (since {since})", since=since) if since else "")))
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


def print_check(report: dict[str, list[dict[str, Any]]]) -> None:
    """Print `graph071 check`: unknown names with suggestions, then the reading warnings."""
    output.print_table(report["unresolved"], [("name", "Naam zoals geschreven"), ("where", "Waar"),
                                              ("suggestions", "Bedoelt u?")],
                       title=i18n.text("check:unknown", "Unknown names ({count})", count=len(report['unresolved'])),
                       empty=i18n.text("check:all_known", "Every name is recognised."))
    warnings = [{**w, "level": i18n.text(f"check:level.{w['level']}", w["level"])} for w in report["warnings"]]
    output.print_table(warnings, [("document", label_nl(Node.DOCUMENT)),
                                  ("line", "Regel"), ("level", "Soort"),
                                  ("message", "Melding")],
                       title=i18n.text("check:warnings", "Reading notes ({count})", count=len(report['warnings'])),
                       empty=i18n.text("check:no_warnings", "No notes."))


# ---------------------------------------------------------------- projects and people

def print_project(result: dict[str, Any], role_labels: dict[str, str]) -> None:
    """Print `graph071 project`: status per edition, organisations, people, links, lineage."""
    out = output.console()
    esc = output.escape
    out.print(f"[bold]Project: {esc(result['name'])}[/bold]")
    others = [n for n in result["names"] if n != result["name"]]
    if others:
        out.print("Ook geschreven als: " + esc("; ".join(others)))
    output.print_table(result["timeline"], [("edition", "Editie"), ("categorie", "Categorie"),
                                            ("name_as_written", "Naam op de kaart"),
                                            ("trekkers", "Bestuurlijke trekkers"),
                                            ("document", label_nl(Node.DOCUMENT)),
                                            ("line", "Regel")],
                       title="Status per editie", empty="Geen projectkaart in de gelezen edities.")
    for theme in result["themes"]:
        out.print(f"Thema: {esc(theme['name'])} ({theme['edition']}, regel {theme['line']})")
    org_columns = [("name", "Organisatie"), ("role", "Rol zoals geschreven"),
                   ("editions", "Edities"), ("document", label_nl(Node.DOCUMENT)),
                   ("line", "Regel")]
    output.print_table(result["trekkers"], org_columns,
                       title=f"Bestuurlijke trekkers ({len(result['trekkers'])})",
                       empty="Geen bestuurlijk trekker op de kaarten.")
    output.print_table(result["partners"], org_columns,
                       title=f"Partners ({len(result['partners'])})", empty="—")
    for kind, items in result["other_roles"].items():
        output.print_table(items, org_columns,
                           title=f"{role_labels[kind.upper()].capitalize()} ({len(items)})")
    _print_project_people(result["people"])
    output.print_table(result["links"], [("name", label_nl(Node.PROJECT)),
                                         ("direction", "Richting"), ("role", "Verbinding"),
                                         ("edition", "Editie"), ("line", "Regel")],
                       title=f"Verbonden projecten ({len(result['links'])})", empty="—")
    print_lineage(result["lineage"], heading="Herkomst en opvolging")


def _print_project_people(people: list[dict[str, Any]]) -> None:
    rows = [{"name": p["name"], "organisations": p["organisations"],
             "roles": "; ".join(dict.fromkeys(
                 (r["role"] or r["label"]) + (f" ({r['function']})" if r["function"] else "")
                 for r in p["roles"] if r["kind"] != Edge.QUOTED)) or "geciteerd",
             "editions": p["editions"], "line": p["roles"][0]["line"]} for p in people]
    output.print_table(rows, [("name", "Persoon"), ("roles", "Rol"),
                              ("organisations", "Namens"), ("editions", "Edities"),
                              ("line", "Regel")], title=f"Mensen ({len(rows)})", empty="—")


def print_lineage(result: dict[str, Any], heading: str) -> None:
    """Print a lineage: the chain oldest first, then each step with its quote or reason."""
    out = output.console()
    esc = output.escape
    if not result["steps"]:
        out.print(f"[bold]{esc(heading)}[/bold]: geen voorganger of opvolger bekend.")
        return
    out.print(f"[bold]{esc(heading)}[/bold] (oudste eerst)")
    for number, member in enumerate(result["chain"], start=1):
        statuses = ", ".join(f"{s['edition']} {s['categorie'] or 'zonder categorie'}"
                             for s in member["statuses"])
        kind = {Node.ACTION: "actie", Node.ORGANISATION: "organisatie"}.get(member["kind"],
                                                                            "project")
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


def print_person(result: dict[str, Any]) -> None:
    """Print `graph071 person`: the organisations they act for, then their roles."""
    out = output.console()
    esc = output.escape
    out.print(f"[bold]{esc(result['name'])}[/bold]")
    for row in result["organisations"]:
        function = f"{row['role']}; " if row["role"] else ""
        out.print(f"{row['label'].capitalize()} {esc(row['name'])} ({esc(function)}"
                  f"{', '.join(row['editions'])}; {row['document']} regel {row['line']})")
    output.print_table(result["roles"], [("editions", "Edities"), ("label", "Rol"),
                                         ("name", "Project of thema"),
                                         ("role", "Rol zoals geschreven"),
                                         ("document", label_nl(Node.DOCUMENT)),
                                         ("line", "Regel")],
                       title=f"Rollen ({len(result['roles'])})", empty="Geen rollen gevonden.")


def print_added(added: Any) -> None:
    """Print what `graph071 add` wrote and what the file gave."""
    entry = added.entry
    if added.copied_to:
        print(f"Gekopieerd naar: {added.copied_to}")
    print(f"Toegevoegd: {added.manifest}, regel {added.line} "
          f"(id {entry.id}, soort {entry.kind}, loader {entry.loader})")
    print("Gelezen: " + ", ".join(f"{k} {v}" for k, v in added.nodes.items())
          + "; " + ", ".join(f"{k} {v}" for k, v in added.edges.items()))
    if added.unresolved:
        print(f"Onbekende namen ({len(added.unresolved)}): {', '.join(added.unresolved)}; "
              "zie graph071 check voor suggesties")
    warnings = [w for w in added.warnings if w.level == "warning"]
    if warnings:
        print(f"Meldingen ({len(warnings)}): zie graph071 check")


# ---------------------------------------------------------------- answers across time

ORPHAN_COLUMNS = [("kind", "Soort"), ("programme", "Programma"), ("number", "Nr"),
                  ("title", "Titel"), ("theme_name", "Thema"), ("categorie", "Cat."),
                  ("categorie_colour", "Kleur"), ("status", "Status"), ("partners", "Partners")]
HISTORY_COLUMNS = [*ORPHAN_COLUMNS[:7], ("period", "Periode"), ("status", "Status"),
                   ("last_edition", "Laatst gezien in"), ("partners", "Partners")]


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
    esc = output.escape
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
    out.print(f"[bold]{output.escape(result['text'])}[/bold]")
    for key, title in (("new", "Nieuw"), ("gone", "Niet meer")):
        output.print_table([{"name": n} for n in result[key]], [("name", "Actie of project")],
                           title=f"{title} ({len(result[key])})", empty="—")
    columns = [("work", "Actie of project"), ("role", "Rol"), ("organisation", "Organisatie")]
    for key, title in (("roles_new", "Nieuwe rollen"), ("roles_gone", "Rollen die niet meer gelden")):
        output.print_table(result[key], columns, title=f"{title} ({len(result[key])})", empty="—")
